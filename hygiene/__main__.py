"""``python -m hygiene`` runs the command-line interface."""

from hygiene.cli.app import main

main()

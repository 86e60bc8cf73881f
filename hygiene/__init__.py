"""hygiene: find the ways someone who knows you can still get into your accounts, and shut them.

The package is the core: checks that produce findings and formats that render them. The
terminal lives only in ``hygiene.cli``.
"""

__version__ = "0.1.0"

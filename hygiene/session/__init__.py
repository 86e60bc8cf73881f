"""The guided meeting: safety first, then signs, facts, passwords, accounts, email plan, plan.

``run_session`` runs it through a ``Prompter``; each step calls the check that owns its
subject and keeps only what the person chose to keep.
"""

from hygiene.session.flow import run_session
from hygiene.session.meeting import STEPS, Meeting

__all__ = ["STEPS", "Meeting", "run_session"]

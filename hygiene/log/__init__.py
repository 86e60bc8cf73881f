"""The incident log: a diary of what happened, kept in the vault, that shows any tampering.

Entries are written once and linked by SHA-256 fingerprints (``chain``); evidence files
are fingerprinted and, if chosen, copied into the vault (``evidence``); ``ask`` asks for
an entry through the prompter; ``export`` and ``html`` give it to the police or a court.
"""

from hygiene.log.chain import ChainCheck, check
from hygiene.log.model import Evidence, IncidentLog, LogEntry
from hygiene.log.write import Draft, write

__all__ = ["ChainCheck", "Draft", "Evidence", "IncidentLog", "LogEntry", "check", "write"]

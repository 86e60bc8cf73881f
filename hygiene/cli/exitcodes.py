"""Exit codes, the same for every command (also listed in the README and in ``--help``)."""

OK = 0  # finished; nothing found that needs acting on
ATTENTION = 1  # finished; something needs acting on (weak, guessable, breached, reachable)
BAD_INPUT = 2  # a file, option or input could not be used; nothing was checked
UNKNOWN = 3  # a check could not run (for example the breach lookup failed): not "safe"
INTERRUPTED = 130  # the person left (Ctrl-C or q)

HELP = (
    "Exit codes: 0 nothing needs acting on; 1 something needs acting on; "
    "2 bad input; 3 a check could not run, so the answer is unknown; 130 stopped."
)

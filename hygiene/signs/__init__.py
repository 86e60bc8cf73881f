"""The warning signs of digital stalking: the questionnaire, what the answers point to, and
what to do next. Content lives in ``checks/signs.toml``; this package knows no terminal."""

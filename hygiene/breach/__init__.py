"""Breach exposure: is a password in the Pwned Passwords corpus?

One small interface (``interface.py``) with three sources behind it: the range API by
k-anonymity (``online.py``), a local copy of the corpus (``offline.py``) and the common
password list shipped with zxcvbn (``builtin.py``). ``select.py`` picks the best usable one.
"""

"""The command-line layer: parses options, calls one core function, renders the result.

Each command module exposes ``register(app)``; command bodies import the heavy parts of
the core (zxcvbn, httpx, keyring) only when they run, so ``hygiene --help`` stays quick.
"""

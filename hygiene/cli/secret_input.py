"""Reading passwords: a hidden prompt on a terminal, otherwise standard input, never argv.

Input is read in bounded pieces, so megabytes on standard input never sit in memory, and
every refusal names what is wrong without repeating a character of what was typed.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from typing import BinaryIO

from hygiene.errors import InputError
from hygiene.secret import Secret

MAX_PASSWORD_BYTES = 4096
MAX_LINES = 1_000_000


def _decode(raw: bytes, where: str) -> Secret:
    if b"\x00" in raw:
        raise InputError(f"{where} contains a NUL byte; a password cannot")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{where} is not valid UTF-8 text") from None
    return Secret(text)


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """Lines without their ending, each at most MAX_PASSWORD_BYTES; longer ones are refused."""
    number = 0
    while True:
        line = stream.readline(MAX_PASSWORD_BYTES + 2)
        if not line:
            return
        number += 1
        if not line.endswith(b"\n") and len(line) > MAX_PASSWORD_BYTES:
            raise InputError(
                f"line {number} of standard input is longer than {MAX_PASSWORD_BYTES:,} bytes; "
                "a password is shorter than that"
            )
        yield number, line.rstrip(b"\n").rstrip(b"\r")


def read_password(prompt: str = "Password", stream: BinaryIO | None = None) -> Secret:
    """One password: hidden prompt when standard input is a terminal, else its first line."""
    if stream is None:
        if sys.stdin.isatty():
            try:
                secret = Secret(getpass.getpass(f"{prompt} (hidden, not shown as you type): "))
            except EOFError:
                raise InputError("no password was given") from None
            if not secret:
                raise InputError("no password was given")
            return secret
        stream = sys.stdin.buffer
    for _, raw in _lines(stream):
        secret = _decode(raw, "the password")
        if not secret:
            raise InputError("no password was given (the first line of standard input is empty)")
        return secret
    raise InputError("no password was given on standard input")


def read_passwords(stream: BinaryIO | None = None) -> Iterator[Secret | InputError]:
    """Every line of standard input as a password, in order; a bad line yields its error."""
    stream = stream or sys.stdin.buffer
    for number, raw in _lines(stream):
        if number > MAX_LINES:
            raise InputError(f"more than {MAX_LINES:,} lines on standard input")
        try:
            yield _decode(raw, f"line {number}")
        except InputError as exc:
            yield exc

"""Making the person's words safe on their way out, one function per place they go.

What was typed into the log, and the names of evidence files, may hold anything: a
terminal escape sequence, Markdown or HTML that would change the page, a spreadsheet
formula. Each output escapes here, in one place. Characters that would act rather than
show (control characters, bidirectional overrides) are shown as visible codes such as
``\\x1b``, so the record keeps that they were there.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Markdown's punctuation that changes formatting mid-line, and raw HTML's brackets. What
# only acts at the start of a line (#, -, 1.) cannot: a value never starts one, because
# it always follows its label and its line breaks are made visible.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&#])")
# A cell a spreadsheet would run as a formula (OWASP's list, with tab and carriage return).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _visible(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _acts(ch: str) -> bool:
    """A character that does something to the screen or the text's direction."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def plain(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every acting character made visible (newlines kept if asked)."""
    return "".join(
        ch if (keep_newlines and ch == "\n") or not _acts(ch) else _visible(ch) for ch in text
    )


def terminal(text: str) -> str:
    """One line, safe to print on a terminal."""
    return plain(text)


def markdown(text: str) -> str:
    """Safe inside a Markdown paragraph or list item, and on the terminal it is printed to."""
    return _MARKDOWN.sub(r"\\\1", plain(text))


def html_text(text: str) -> str:
    """Safe as HTML text or an attribute value; line breaks kept as line breaks."""
    return html.escape(plain(text, keep_newlines=True), quote=True).replace("\n", "<br>")


def csv_cell(text: str) -> str:
    """Safe as a spreadsheet cell: a formula is shown as text, never run."""
    shown = plain(text, keep_newlines=True)
    return "'" + shown if shown.startswith(_FORMULA_START) else shown

"""The escaping rules, one per format, for strings that came from a file or a person.

``visible`` is the base of all of them: every control character (C0, DEL, C1) and every
bidirectional control is replaced by its escape written out (``\\x1b``, ``\\u202e``), so
an escape sequence cannot clear the screen, set the title, write the clipboard or make a
link, and a right-to-left override cannot make text read backwards. Markdown and HTML
escaping then apply on top, so the same label reads the same in every format.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls (0x9b is a one-byte CSI on some terminals), and the
# Unicode bidirectional controls that can reorder what a line appears to say.
_OTHER_CONTROL = r"\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ANY_CONTROL = re.compile(rf"[\x00-\x1f{_OTHER_CONTROL}]")
_OUTPUT_CONTROL = re.compile(rf"[\x00-\x08\x0b-\x1f{_OTHER_CONTROL}]")  # keeps \n and \t


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character written out, newlines and tabs too: one line."""
    return _ANY_CONTROL.sub(_shown, text)


def visible_lines(text: str) -> str:
    """``text`` with every control character written out except newline and tab.

    For whole outputs that hygiene composed itself, whose lines are its own.
    """
    return _OUTPUT_CONTROL.sub(_shown, text)


# What CommonMark and GitHub give a meaning to inside a line: emphasis, code, links and
# images (which need "[" and "]"), HTML and autolinks ("<", ">"), tables ("|"),
# strikethrough ("~"), email autolinks ("@") and entities ("&"). A backslash before any
# ASCII punctuation shows it as itself, so the rendered text reads exactly as given;
# "(", ")" and "!" are left alone, since without "[" they make nothing, and the plan is
# often read unrendered.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~@&])")
# At the start of a string, what would begin a block: a heading, quote, list or rule.
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")
# Bare URLs and www. become links in GitHub-flavoured Markdown; a backslash before the
# ":" or "." that triggers that keeps them text.
_AUTOLINK = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]{1,31}):(?=//)|\b(www)\.")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that shows it literally: no image, link, HTML, emphasis or cell."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text))
    escaped = _BLOCK_START.sub(_block, escaped, count=1)
    return _AUTOLINK.sub(lambda m: f"{m.group(1)}\\:" if m.group(1) else "www\\.", escaped)


def _block(match: re.Match[str]) -> str:
    space, marker, digits, dot = match.groups()
    # "1." is written "1\.": the number stays, the list marker goes.
    return space + (f"\\{marker}" if marker else f"{digits}\\{dot}")


def html_text(text: str) -> str:
    """``text`` for an HTML page: controls written out, then the five specials escaped."""
    from html import escape

    return escape(visible(text), quote=True)


_JSON_CONTROL = re.compile(f"[{_OTHER_CONTROL}]")


def json_safe(document: str) -> str:
    """A JSON document with the controls JSON leaves raw written as ``\\u`` escapes.

    JSON escapes C0 itself; DEL, C1 and the bidirectional controls it passes through, and
    they would act on a terminal showing the document. The data read back is unchanged.
    """
    return _JSON_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", document)

"""Escape sequences planted in files never reach a terminal raw (run on a real pty).

click strips escapes itself when output is not a terminal, so these run each command with
its standard output on a pseudo-terminal, as a person would see it.
"""

from __future__ import annotations

import csv
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hygiene.render import html_text, markdown_text, visible, visible_lines

# What the other person could plant: screen and scrollback wipe with a fake all-clear,
# window title (OSC 0), clipboard write (OSC 52), a hidden link (OSC 8), and C1 CSI.
WIPE = "Forum\x1b[H\x1b[2J\x1b[3JAll good: nothing in this export needs acting on."
TITLE = "Shop\x1b]0;pwned\x07"
CLIPBOARD = "Mail\x1b]52;c;ZXZpbA==\x07"
LINK = "Bank\x1b]8;;http://127.0.0.1:9/\x1b\\click\x1b]8;;\x1b\\"
C1 = "Games\x9b2J"
PLANTED = [WIPE, TITLE, CLIPBOARD, LINK, C1]


def run_on_pty(*args: str, cwd: Path) -> tuple[bytes, bytes, int]:
    """Run hygiene with standard output on a pty; standard error on a pipe."""
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "hygiene", *args],
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the child closed the pty
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    _, err = proc.communicate(timeout=120)
    return b"".join(chunks), err, proc.returncode


def assert_nothing_raw(out: bytes, err: bytes) -> None:
    for stream in (out, err):
        assert b"\x1b" not in stream
        assert b"\x07" not in stream
        assert "\x9b".encode() not in stream
    assert b"\\x1b" in out  # shown, so the worker can see something was planted


def chrome_export(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "url", "username", "password"])
        writer.writerow(["Bank", "https://bank.example/", "robin", "password"])
        for number, title in enumerate(PLANTED):
            writer.writerow([title, f"https://site{number}.example/", title, "password"])
    return path


def inventory(path: Path) -> Path:
    lines = []
    for number, label in enumerate(PLANTED):
        escaped = json.dumps(label)  # a TOML basic string too: \u escapes
        lines += [
            "[[account]]",
            f'id = "a{number}"',
            f"label = {escaped}",
            'category = "email"',
            f'login = "user{number}@example.com"',
            'password_known_to_them = "yes"',
            f"note = {escaped}",
            "",
        ]
    lines += [
        "[[contact]]",
        'value = "old iPad"',
        'controlled_by = "them"',
        f"note = {json.dumps(LINK)}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_audit_of_a_planted_export_sends_no_escape(tmp_path: Path):
    export = chrome_export(tmp_path / "chrome.csv")
    out, err, code = run_on_pty("audit", str(export), "--offline", cwd=tmp_path)
    assert_nothing_raw(out, err)
    assert b"All good" in out and code == 1  # the fake all-clear is text among the findings


@pytest.mark.parametrize("command", [["accounts", "check"], ["accounts", "graph"]])
def test_accounts_check_and_graph_send_no_escape(tmp_path: Path, command: list[str]):
    out, err, _ = run_on_pty(*command, str(inventory(tmp_path / "inv.toml")), cwd=tmp_path)
    assert_nothing_raw(out, err)


def test_facts_check_sends_no_escape(tmp_path: Path):
    facts = tmp_path / "facts.toml"
    facts.write_text(
        f'names = [{{ value = "Pepper", label = {json.dumps(LINK)} }}, {json.dumps(TITLE)}]\n',
        encoding="utf-8",
    )
    out, err, _ = run_on_pty("facts", "check", str(facts), cwd=tmp_path)
    assert_nothing_raw(out, err)


def test_email_plan_sends_no_escape(tmp_path: Path):
    inv = inventory(tmp_path / "inv.toml")
    for extra in ([], ["--markdown"]):
        out, err, _ = run_on_pty("email-plan", "--accounts", str(inv), *extra, cwd=tmp_path)
        assert_nothing_raw(out, err)


@given(st.text())
def test_visible_leaves_no_control_and_keeps_the_rest(text: str):
    shown = visible(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert "\u202e" not in shown
    # Text with nothing to hide is left exactly as it was.
    clean = "".join(c for c in text if c.isprintable() and c not in "\u061c\u200e\u200f")
    clean = "".join(c for c in clean if not 0x202A <= ord(c) <= 0x202E)
    clean = "".join(c for c in clean if not 0x2066 <= ord(c) <= 0x2069)
    assert visible(clean) == clean


@given(st.text())
def test_visible_lines_keeps_only_newlines_and_tabs(text: str):
    shown = visible_lines(text)
    assert {c for c in shown if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F} <= {"\n", "\t"}


@given(st.text())
def test_html_text_carries_no_tag_or_attribute_break(text: str):
    shown = html_text(text)
    assert "<" not in shown and ">" not in shown and '"' not in shown


def test_markdown_text_carries_nothing_live():
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    for label in [
        "![x](http://127.0.0.1:9/x.png)",
        "<img src=x>",
        "[click](http://127.0.0.1:9/)",
        "<http://127.0.0.1:9/>",
        "&lt;img src=x&gt;",
        "| a | b |",
        "**bold** _it_ `code`",
        WIPE,
    ]:
        html = renderer.render(f"- {markdown_text(label)}\n")
        assert "<img" not in html and "<a " not in html and "<strong>" not in html
        assert "<code>" not in html and "<em>" not in html and "<table" not in html
        assert "\x1b" not in html


@given(st.text())
def test_markdown_text_never_renders_markup(text: str):
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).render(f"- {markdown_text(text)}\n")
    for tag in (
        "<img",
        "<a ",
        "<strong",
        "<em",
        "<code",
        "<h",
        "<script",
        "<blockquote",
        "<ol",
        "<pre",
        "<iframe",
    ):
        assert tag not in html
    assert html.count("<li>") == 1 and html.count("<ul>") == 1  # one item, nothing nested


def test_a_markdown_plan_from_planted_labels_carries_nothing_live(tmp_path: Path):
    from markdown_it import MarkdownIt

    labels = ["![x](http://127.0.0.1:9/x.png)", "<img src=x>", WIPE, LINK]
    lines = []
    for number, label in enumerate(labels):
        lines += [
            "[[account]]",
            f'id = "a{number}"',
            f"label = {json.dumps(label)}",
            'category = "social"',
            'password_known_to_them = "yes"',
            f"note = {json.dumps(label)}",
            "",
        ]
    accounts = tmp_path / "inv.toml"
    accounts.write_text("\n".join(lines), encoding="utf-8")
    out, err, code = run_on_pty("plan", "--accounts", str(accounts), "--markdown", cwd=tmp_path)
    assert_nothing_raw(out, err)
    assert code == 1
    text = out.decode("utf-8").replace("\r\n", "\n")
    assert "127.0.0.1:9/x.png" in text  # shown, as text
    html = MarkdownIt("commonmark", {"html": True}).render(text)
    assert "<img" not in html and "<a " not in html and '127.0.0.1:9/x.png"' not in html

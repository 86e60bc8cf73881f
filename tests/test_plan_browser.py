"""The printable plan opened in headless Chromium asks for nothing from the network.

Two witnesses. Chromium's DevTools protocol (over ``--remote-debugging-pipe``) lists
every request the page makes; it must be the page itself and nothing else. And Chromium
is sent through a proxy on loopback that records every request the browser makes at all,
loopback included: none may come from the page. A control page with one remote image
proves both witnesses see requests, so an empty record means something.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hygiene.findings import Finding, Severity, Topic
from hygiene.helplines import load_region
from hygiene.plan import build_plan, to_html

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="chromium is not installed"),
]

# Chromium's own services that it calls whatever page is open (updates, sign-in, time),
# even with the flags below; a page of ours names no host at all (test_plan_build checks).
BROWSER_SERVICES = re.compile(
    r"^\S+ (https?://)?[a-z0-9.-]*\.(google\.com|googleapis\.com|gvt1\.com)[:/]"
)


class _Recorder(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        line = self.rfile.readline(4096).decode("latin-1").strip()
        if line:
            self.server.seen.append(line)  # type: ignore[attr-defined]
        self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")


@pytest.fixture
def proxy() -> Iterator[tuple[int, list[str]]]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Recorder)
    server.daemon_threads = True
    server.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], server.seen  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


def _above_9(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class DevTools:
    """Chromium driven over its DevTools pipe: fd 3 carries commands, fd 4 answers."""

    def __init__(self, port: int, profile: Path) -> None:
        commands, self._commands = os.pipe()
        self._answers, answers = os.pipe()
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
            "--disable-default-apps",
            "--no-default-browser-check",
            "--disable-domain-reliability",
            "--disable-client-side-phishing-detection",
            "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate",
            f"--user-data-dir={profile}",
            f"--proxy-server=http://127.0.0.1:{port}",
            "--proxy-bypass-list=<-loopback>",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # The pipe must sit at fds 3 and 4. Moved above 9 first, so putting one end at 3
        # cannot clobber the other; bash (unlike dash) reads such fds in a redirection.
        commands, answers = _above_9(commands), _above_9(answers)
        self.process = subprocess.Popen(
            ["bash", "-c", f'exec 3<&{commands} 4>&{answers}; exec "$0" "$@"', CHROMIUM, *flags],
            pass_fds=(commands, answers),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands)
        os.close(answers)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def _receive(self, timeout: float) -> dict[str, Any] | None:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._answers], [], [], deadline - time.monotonic())
            if not ready:
                return None
            chunk = os.read(self._answers, 65536)
            if not chunk:
                return None
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(message))

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive(30)
            assert answer is not None, f"Chromium did not answer {method}"
            if answer.get("id") == self._next_id:
                return dict(answer.get("result", {}))
            self.events.append(answer)

    def listen(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            event = self._receive(left)
            if event is not None:
                self.events.append(event)

    def close(self) -> None:
        try:
            self.call("Browser.close")
        finally:
            self.process.wait(timeout=30)
            os.close(self._commands)
            os.close(self._answers)


def open_page(page: Path, port: int, profile: Path) -> tuple[list[str], bool]:
    """The URLs the page asked for, and whether it finished loading."""
    browser = DevTools(port, profile)
    try:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)
        sid = session["sessionId"]
        browser.call("Network.enable", sid)
        browser.call("Page.enable", sid)
        browser.call("Page.navigate", sid, url=page.as_uri())
        browser.listen(3)
    finally:
        browser.close()
    events = browser.events
    urls = [
        e["params"]["request"]["url"]
        for e in events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    loaded = any(e.get("method") == "Page.loadEventFired" for e in events)
    return urls, loaded


def test_both_witnesses_see_a_page_that_does_fetch(
    tmp_path: Path, proxy: tuple[int, list[str]]
) -> None:
    port, seen = proxy
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><p>control</p><img src="http://plan-probe.test/x.png">')
    urls, loaded = open_page(control, port, tmp_path / "profile")
    assert loaded
    assert urls == [control.as_uri(), "http://plan-probe.test/x.png"]
    assert any("plan-probe.test" in line for line in seen), seen


def test_the_plan_page_makes_no_request(tmp_path: Path, proxy: tuple[int, list[str]]) -> None:
    port, seen = proxy
    finding = Finding(
        "recovery_phone_reachable_by_them",
        Severity.URGENT,
        Topic.RECOVERY,
        "Gmail",
        "The recovery phone is one they can reach",
        "They could reset it.",
        "Change the recovery phone.",
        "They may get a message. Keep evidence first.",
    )
    page = tmp_path / "plan.html"
    page.write_text(to_html(build_plan([finding], load_region("uk"))), encoding="utf-8")
    urls, loaded = open_page(page, port, tmp_path / "profile")
    assert loaded
    assert urls == [page.as_uri()], "the page itself, and nothing else"
    from_page = [line for line in seen if BROWSER_SERVICES.match(line) is None]
    assert from_page == [], "\n".join(line[:120] for line in from_page)


def test_the_example_persons_plan_prints_on_two_a4_pages() -> None:
    """What a worker hands over fits on two printed pages (the bench prints it in Chromium)."""
    bench = Path(__file__).resolve().parent.parent / "bench" / "plan_pages.py"
    done = subprocess.run(
        [sys.executable, str(bench)], capture_output=True, text=True, timeout=300, check=True
    )
    pages = re.search(r"^pages \(A4, printed by [^)]*\): (\d+)$", done.stdout, re.MULTILINE)
    assert pages is not None, done.stdout
    assert int(pages.group(1)) <= 2, done.stdout

"""The printable plan opened in headless Chromium asks for nothing from the network.

Chromium is sent through a proxy on loopback that records every request it is asked to
make (loopback included); a control page with one remote image proves the recorder sees
requests, so an empty record for the plan means something.
"""

from __future__ import annotations

import re
import shutil
import socketserver
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hygiene.findings import Finding, Severity, Topic
from hygiene.helplines import load_region
from hygiene.plan import build_plan, to_html

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="chromium is not installed"),
]


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


# Chromium's own services that it calls whatever page is open (updates, sign-in, time),
# even with the flags below; a page of ours names no host at all (test_plan_build checks).
BROWSER_SERVICES = re.compile(r"^\S+ (https?://)?[a-z0-9.-]*\.(google\.com|googleapis\.com|gvt1\.com)[:/]")


def _browser_service(line: str) -> bool:
    return BROWSER_SERVICES.match(line) is not None


def open_in_chromium(page: Path, port: int, profile: Path) -> str:
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        # Chromium's own calls home, which are not the page's doing.
        "--disable-extensions",
        "--disable-default-apps",
        "--no-default-browser-check",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate",
        f"--user-data-dir={profile}",
        f"--proxy-server=http://127.0.0.1:{port}",
        "--proxy-bypass-list=<-loopback>",
        "--virtual-time-budget=3000",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_recorder_sees_a_page_that_does_fetch(
    tmp_path: Path, proxy: tuple[int, list[str]]
) -> None:
    port, seen = proxy
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><p>control</p><img src="http://plan-probe.test/x.png">')
    dom = open_in_chromium(control, port, tmp_path / "profile")
    assert "control" in dom
    assert any("plan-probe.test" in line for line in seen), seen


def test_the_plan_page_makes_no_request(tmp_path: Path, proxy: tuple[int, list[str]]) -> None:
    port, seen = proxy
    finding = Finding(
        "recovery_phone_reachable_by_abuser", Severity.URGENT, Topic.RECOVERY, "Gmail",
        "The recovery phone is one they can reach", "They could reset it.",
        "Change the recovery phone.", "They may get a message. Keep evidence first.",
    )
    page = tmp_path / "plan.html"
    page.write_text(to_html(build_plan([finding], load_region("uk"))), encoding="utf-8")
    dom = open_in_chromium(page, port, tmp_path / "profile")
    assert "The recovery phone is one they can reach" in dom
    assert "National Stalking Helpline" in dom
    from_page = [line for line in seen if not _browser_service(line)]
    assert from_page == [], "\n".join(line[:120] for line in from_page)

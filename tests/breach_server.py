"""A real range-API server on 127.0.0.1 for the breach tests.

It serves ``/range/{prefix}`` from a test corpus the way the live service does: upper-case
suffixes, CRLF, no newline after the last line, and with ``Add-Padding: true`` a random
number of ``SUFFIX:0`` lines appended after the real ones. Latency can be added, and
faults queued per prefix (or for every request) to test each way a lookup can fail. Every
request line and its headers are logged, so tests can prove what left the client.
"""

from __future__ import annotations

import contextlib
import random
import re
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from breach_corpus import Corpus

# Absolute form too: that is how a request arrives through an HTTP proxy.
PREFIX = re.compile(r"(?:http://[^/]+)?/range/([0-9A-Fa-f]{5})")
FAULTS = (
    "429",
    "429-long",
    "429-date",
    "500",
    "502-empty",
    "200-empty",
    "truncated",
    "garbage",
    "stall",
    "huge",
    "endless",
    "drip",
)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    port: int = 0  # the client's port: one per connection


@dataclass
class RangeServer:
    corpus: Corpus
    latency: float = 0.0
    padding: bool = True
    drip: float = 0.2  # seconds between bytes for the "drip" fault
    port: int = 0
    requests: list[Request] = field(default_factory=list)
    # Faults to serve, first in first out: per prefix, or "*" for any request.
    faults: dict[str, list[str]] = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    ranges: dict[str, dict[str, int]] = field(init=False)

    def __post_init__(self) -> None:
        self.ranges = self.corpus.ranges()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fail(self, fault: str, prefix: str = "*", times: int = 1) -> None:
        assert fault in FAULTS
        with self.lock:
            self.faults.setdefault(prefix, []).extend([fault] * times)

    def next_fault(self, prefix: str) -> str | None:
        with self.lock:
            for key in (prefix, "*"):
                queue = self.faults.get(key)
                if queue:
                    return queue.pop(0)
        return None

    def body(self, prefix: str, padded: bool) -> bytes:
        entries = self.ranges.get(prefix, {})
        lines = [f"{suffix}:{count}" for suffix, count in entries.items()]
        if padded:
            lines += [
                f"{secrets.token_hex(18).upper()[:35]}:0" for _ in range(random.randint(10, 199))
            ]
        return "\r\n".join(lines).encode()


def _handler(server: RangeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; without this, Nagle's algorithm and the
        # client's delayed ACK hold every kept-alive reply back by tens of milliseconds.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass

        def send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def flood(self, fault: str, body: bytes) -> None:
            """A 100 MB reply, an endless chunked one, or one byte at a time: until the
            client hangs up or the server stops."""
            self.send_response(200)
            if fault == "endless":
                self.send_header("Transfer-Encoding", "chunked")
            else:  # a drip claims a plausible size, so only its pace is wrong
                self.send_header("Content-Length", str(100_000_000 if fault == "huge" else 50_000))
            self.end_headers()
            self.close_connection = True
            piece = (body + b"\r\n") * (65536 // (len(body) + 2) + 1)
            with contextlib.suppress(OSError):
                while not server.stop.is_set():
                    if fault == "endless":
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    elif fault == "huge":
                        self.wfile.write(piece)
                    else:
                        self.wfile.write(b"0")
                        self.wfile.flush()
                        server.stop.wait(server.drip)

        def do_GET(self) -> None:
            with server.lock:
                server.requests.append(
                    Request(
                        "GET",
                        self.path,
                        {k.lower(): v for k, v in self.headers.items()},
                        self.client_address[1],
                    )
                )
            if server.latency:
                time.sleep(server.latency)
            match = PREFIX.fullmatch(self.path)
            if match is None:
                self.send(400, b"The hash prefix was not in a valid format")
                return
            prefix = match.group(1).upper()
            padded = self.headers.get("Add-Padding", "").lower() == "true" and server.padding
            fault = server.next_fault(prefix)
            body = server.body(prefix, padded)
            if fault == "429":
                self.send(429, b"", {"Retry-After": "0"})
            elif fault == "429-long":
                self.send(429, b"", {"Retry-After": "3600"})
            elif fault == "429-date":
                self.send(429, b"", {"Retry-After": formatdate(time.time() + 7200, usegmt=True)})
            elif fault == "500":
                self.send(500, b"error")
            elif fault == "502-empty":
                self.send(502, b"", {"CF-Cache-Status": "HIT"})
            elif fault == "200-empty":
                self.send(200, b"")
            elif fault == "garbage":
                self.send(200, body + b"\r\n<html>oops</html>\r\nZZZ:1")
            elif fault == "truncated":
                self.send_response(200)
                self.send_header("Content-Length", str(len(body) + 100))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.close_connection = True
            elif fault in ("huge", "endless", "drip"):
                self.flood(fault, body)
            elif fault == "stall":
                server.stop.wait(10)
                self.close_connection = True
            else:
                self.send(200, body)

    return Handler


@contextmanager
def socks_proxy(target_port: int) -> Iterator[tuple[int, list[str]]]:
    """A minimal SOCKS5 proxy (no auth, CONNECT) on loopback that sends every connection to
    ``target_port`` on 127.0.0.1 and logs the host each client asked for."""
    asked: list[str] = []
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def pipe(a: socket.socket, b: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := a.recv(65536):
                b.sendall(data)
        with contextlib.suppress(OSError):
            b.shutdown(socket.SHUT_WR)

    def handle(client: socket.socket) -> None:
        with client:
            greeting = client.recv(2)
            client.recv(greeting[1])
            client.sendall(b"\x05\x00")
            head = client.recv(4)
            if head[3] == 3:
                host = client.recv(client.recv(1)[0]).decode()
            elif head[3] == 1:
                host = socket.inet_ntoa(client.recv(4))
            else:
                host = socket.inet_ntop(socket.AF_INET6, client.recv(16))
            client.recv(2)
            asked.append(host)
            with socket.create_connection(("127.0.0.1", target_port)) as upstream:
                client.sendall(b"\x05\x00\x00\x01" + bytes(4) + bytes(2))
                back = threading.Thread(target=pipe, args=(upstream, client), daemon=True)
                back.start()
                pipe(client, upstream)
                back.join(5)

    def accept() -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=handle, args=(client,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], asked
    finally:
        stop.set()
        thread.join(1)
        listener.close()


@contextmanager
def serve(corpus: Corpus, latency: float = 0.0) -> Iterator[RangeServer]:
    state = RangeServer(corpus, latency)
    # A deep backlog: many clients connect at once, as a batching client does.
    ThreadingHTTPServer.request_queue_size = 128
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        httpd.shutdown()
        httpd.server_close()

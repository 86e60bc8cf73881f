"""The online source: the Pwned Passwords range API, asked by k-anonymity.

Only the first five characters of a password's SHA-1 hash are sent, with ``Add-Padding``
so the reply's size says nothing either. Each prefix is asked once per run and the
answers live only in memory: a cache on disk would record which prefixes were looked up,
on a device the other person may reach. Requests run concurrently over one bounded pool of
kept-alive connections (HTTP/2 where the server offers it), with timeouts and bounded
retries. Proxies come from the environment (``HTTPS_PROXY``, ``ALL_PROXY``, SOCKS too, so
the lookup can go through Tor). Anything short of a readable 200 reply is ``Unknown``.

A reply is read as a stream and bounded three ways, so a hostile or broken server (or
anything in between) can neither grow memory nor hold the run: a size cap (a real padded
reply is under 100 KB), a deadline per range and a deadline for the whole run. Each
ends that range as ``Unknown`` with its reason.
"""

from __future__ import annotations

import queue
import random
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from hygiene import __version__
from hygiene.breach.hashing import sha1_hex, split_hash
from hygiene.breach.interface import (
    BreachSource,
    Found,
    NotFound,
    Progress,
    Result,
    Unknown,
)
from hygiene.breach.parsing import FormatError, parse_range_body
from hygiene.secret import Secret

if TYPE_CHECKING:
    import httpx

NAME = "online"
DEFAULT_URL = "https://api.pwnedpasswords.com"
URL_ENV = "HYGIENE_HIBP_URL"


@dataclass(frozen=True)
class Settings:
    """How patient the client is. Tests shorten these; people keep the defaults."""

    timeout: float = 10.0
    connect_timeout: float = 5.0
    attempts: int = 4
    backoff: float = 0.5
    # The longest Retry-After we honour; a longer one ends the lookup as Unknown.
    max_wait: float = 20.0
    # Requests in flight at once (streams over one connection with HTTP/2). On the bench,
    # 48 beat both 32 and 64 on a two-core machine; the service sets no rate limit.
    workers: int = 48
    # A padded range reply is 20-100 KB; anything past this is not a range reply.
    max_reply: int = 1_000_000
    # Seconds one range may take, retries and waits included, and the whole run may take.
    # The read timeout alone cannot bound a server that sends one byte at a time.
    range_deadline: float = 60.0
    run_deadline: float = 300.0


class _Failed(Exception):
    """One attempt failed; ``retry`` says whether another attempt may help."""

    def __init__(self, reason: str, retry: bool = True, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry
        self.wait = wait


class OnlineSource(BreachSource):
    """Pwned Passwords over HTTP(S): one request per distinct 5-character prefix."""

    name = NAME

    def __init__(self, base_url: str = DEFAULT_URL, settings: Settings | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.settings = settings or Settings()
        self._client: httpx.Client | None = None
        # Per prefix, the checked reply (upper case) or why there is none. The text is kept,
        # not a parsed table: a table of 1,600 lines takes about 230 KiB, its text 70.
        self._cache: dict[str, str | Unknown] = {}
        self._problem = _url_problem(self.base_url)

    def unusable_reason(self) -> str | None:
        return self._problem

    def describe(self) -> str:
        return (
            f"the Pwned Passwords range API at {self.base_url} "
            "(only the first 5 characters of each hash are sent, with padding)"
        )

    def check(self, secret: Secret) -> Result:
        return self.check_many([secret])[0]

    def check_many(
        self, secrets: Sequence[Secret], progress: Progress | None = None
    ) -> list[Result]:
        parts = [split_hash(sha1_hex(secret)) for secret in secrets]
        waiting: dict[str, int] = {}
        for prefix, _ in parts:
            waiting[prefix] = waiting.get(prefix, 0) + 1
        missing = [prefix for prefix in waiting if prefix not in self._cache]
        done = len(secrets) - sum(waiting[prefix] for prefix in missing)

        def answered(prefix: str, answer: str | Unknown) -> None:
            nonlocal done
            self._cache[prefix] = answer
            done += waiting[prefix]
            if progress is not None:
                progress(done, len(secrets))

        if progress is not None and done:
            progress(done, len(secrets))
        client = self._start() if missing else None
        if isinstance(client, Unknown):
            for prefix in missing:
                answered(prefix, client)
        elif client is not None:
            # One client, made before the workers start (each costs a TLS context), shared
            # by a bounded pool: kept-alive connections, one request per prefix.
            for prefix, answer in self._fetch_all(client, missing):
                answered(prefix, answer)
        return [self._answer(prefix, suffix) for prefix, suffix in parts]

    def _fetch_all(
        self, client: httpx.Client, prefixes: list[str]
    ) -> Iterator[tuple[str, str | Unknown]]:
        """Each prefix with its answer, as they arrive, from a bounded set of workers.

        The workers are daemon threads, not a ``ThreadPoolExecutor``: its threads are
        joined at exit, so Ctrl-C would wait for every stuck read to time out. Here the
        interrupt drops the queued prefixes, closes the client and leaves at once.
        """
        run_end = time.monotonic() + self.settings.run_deadline
        jobs: queue.SimpleQueue[str] = queue.SimpleQueue()
        for prefix in prefixes:
            jobs.put(prefix)
        done: queue.SimpleQueue[tuple[str, str | Unknown] | BaseException] = queue.SimpleQueue()
        stop = threading.Event()

        def work() -> None:
            while not stop.is_set():
                try:
                    prefix = jobs.get_nowait()
                except queue.Empty:
                    return
                try:
                    done.put((prefix, self._fetch(client, prefix, run_end)))
                except BaseException as exc:  # handed to the caller, which raises it
                    done.put(exc)
                    return

        for _ in range(min(self.settings.workers, len(prefixes))):
            threading.Thread(target=work, name="hygiene-range", daemon=True).start()
        finished = False
        try:
            for _ in prefixes:
                item = done.get()
                if isinstance(item, BaseException):
                    raise item
                yield item
            finished = True
        finally:
            stop.set()
            if not finished:  # Ctrl-C or a worker's error: stuck reads fail on a closed client
                self.close()

    def _answer(self, prefix: str, suffix: str) -> Result:
        body = self._cache[prefix]
        if isinstance(body, Unknown):
            return body
        count = count_in_body(body, suffix)
        return Found(count, NAME) if count else NotFound(NAME)

    def _fetch(self, client: httpx.Client, prefix: str, run_end: float) -> str | Unknown:
        start = time.monotonic()
        if start >= run_end:
            return Unknown(_RUN_SLOW, NAME)
        end = min(start + self.settings.range_deadline, run_end)
        late = _RUN_SLOW if end >= run_end else "the breach service answered too slowly"
        reason = "the breach service could not be reached"
        for attempt in range(self.settings.attempts):
            try:
                return self._attempt(client, prefix, end, late)
            except _Failed as failure:
                reason = failure.reason
                if failure.wait is not None and failure.wait > self.settings.max_wait:
                    reason = f"{reason}; it asked to wait {failure.wait:.0f} seconds"
                    break
                if not failure.retry or attempt + 1 == self.settings.attempts:
                    break
                pause = failure.wait if failure.wait is not None else self._backoff(attempt)
                if time.monotonic() + pause >= end:
                    reason = late
                    break
                time.sleep(pause)
        return Unknown(reason, NAME)

    def _backoff(self, attempt: int) -> float:
        # Full jitter keeps many clients behind one address from retrying in step.
        return random.uniform(0, self.settings.backoff * 2**attempt)

    def _attempt(self, client: httpx.Client, prefix: str, end: float, late: str) -> str:
        import httpx

        try:
            with client.stream("GET", f"/range/{prefix}") as response:
                _check_status(response)
                content = self._read(response, end, late)
        except httpx.TimeoutException:
            raise _Failed("the breach service did not answer in time") from None
        except httpx.HTTPError:
            raise _Failed("the breach service could not be reached") from None
        if not content.strip():
            raise _Failed("the breach service sent an empty reply")
        try:
            body = content.decode("ascii").upper()
            parse_range_body(body)  # every line must read, or the reply is no answer
        except (UnicodeDecodeError, FormatError):
            raise _Failed("the breach service sent a reply that could not be read") from None
        return body

    def _read(self, response: httpx.Response, end: float, late: str) -> bytes:
        """The reply's body, read in pieces so neither its size nor its pace is trusted."""
        limit = self.settings.max_reply
        too_big = f"the breach service sent a reply larger than {limit // 1000} KB"
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _Failed(too_big, retry=False)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise _Failed(too_big, retry=False)
            if time.monotonic() >= end:
                raise _Failed(late, retry=False)
            chunks.append(chunk)
        return b"".join(chunks)

    def _start(self) -> httpx.Client | Unknown:
        """The shared client, or why there cannot be one."""
        if self._problem is not None:
            return Unknown(self._problem, NAME)
        try:
            return self._ensure_client()
        except ValueError:
            return Unknown("the proxy setting in the environment is not usable", NAME)

    def _ensure_client(self) -> httpx.Client:
        if self._client is None:
            import httpx

            workers = self.settings.workers
            self._client = httpx.Client(
                base_url=self.base_url,
                http2=True,
                trust_env=True,
                follow_redirects=False,
                timeout=httpx.Timeout(self.settings.timeout, connect=self.settings.connect_timeout),
                limits=httpx.Limits(max_connections=workers, max_keepalive_connections=workers),
                headers={"User-Agent": f"hygiene/{__version__}", "Add-Padding": "true"},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def count_in_body(body: str, suffix: str) -> int:
    """The count for ``suffix`` in a checked, upper-case range body; 0 when absent.

    Padding lines (count 0) never match, and a suffix listed twice keeps its largest count,
    as in ``parse_range_body``.
    """
    best = 0
    needle = suffix + ":"
    at = body.find(needle)
    while at >= 0:
        if at == 0 or body[at - 1] == "\n":
            end = body.find("\n", at)
            best = max(best, int(body[at + len(needle) : end if end >= 0 else None]))
        at = body.find(needle, at + 1)
    return best


_RUN_SLOW = "the lookups as a whole took too long"


def _check_status(response: httpx.Response) -> None:
    """Raise ``_Failed`` for anything but a 200, before any of the body is read."""
    if response.status_code == 429:
        raise _Failed(
            "the breach service is busy", wait=_retry_after(response.headers.get("Retry-After"))
        )
    if response.status_code >= 500:
        raise _Failed(f"the breach service had a problem (HTTP {response.status_code})")
    if response.status_code != 200:
        raise _Failed(
            f"the breach service refused the request (HTTP {response.status_code})",
            retry=False,
        )


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), if readable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _url_problem(url: str) -> str | None:
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https") or not rest:
        return "the breach service address must start with https:// (or http://)"
    return None

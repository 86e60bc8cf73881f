"""The online source: the Pwned Passwords range API, asked by k-anonymity.

Only the first five characters of a password's SHA-1 hash are sent, with ``Add-Padding``
so the reply's size says nothing either. Each prefix is asked once per run and the
answers live only in memory: a cache on disk would record which prefixes were looked up,
on a device the other person may reach. Requests run concurrently over one bounded pool of
kept-alive connections (HTTP/2 where the server offers it), with timeouts and bounded
retries. Proxies come from the environment (``HTTPS_PROXY``, ``ALL_PROXY``, SOCKS too, so
the lookup can go through Tor). Anything short of a readable 200 reply is ``Unknown``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
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
            with ThreadPoolExecutor(max_workers=min(self.settings.workers, len(missing))) as pool:
                futures = {pool.submit(self._fetch, client, prefix): prefix for prefix in missing}
                for future in as_completed(futures):
                    answered(futures[future], future.result())
        return [self._answer(prefix, suffix) for prefix, suffix in parts]

    def _answer(self, prefix: str, suffix: str) -> Result:
        body = self._cache[prefix]
        if isinstance(body, Unknown):
            return body
        count = count_in_body(body, suffix)
        return Found(count, NAME) if count else NotFound(NAME)

    def _fetch(self, client: httpx.Client, prefix: str) -> str | Unknown:
        reason = "the breach service could not be reached"
        for attempt in range(self.settings.attempts):
            try:
                return self._attempt(client, prefix)
            except _Failed as failure:
                reason = failure.reason
                if failure.wait is not None and failure.wait > self.settings.max_wait:
                    reason = f"{reason}; it asked to wait {failure.wait:.0f} seconds"
                    break
                if not failure.retry or attempt + 1 == self.settings.attempts:
                    break
                time.sleep(failure.wait if failure.wait is not None else self._backoff(attempt))
        return Unknown(reason, NAME)

    def _backoff(self, attempt: int) -> float:
        # Full jitter keeps many clients behind one address from retrying in step.
        return random.uniform(0, self.settings.backoff * 2**attempt)

    def _attempt(self, client: httpx.Client, prefix: str) -> str:
        import httpx

        try:
            response = client.get(f"/range/{prefix}")
        except httpx.TimeoutException:
            raise _Failed("the breach service did not answer in time") from None
        except httpx.HTTPError:
            raise _Failed("the breach service could not be reached") from None
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
        if not response.content.strip():
            raise _Failed("the breach service sent an empty reply")
        try:
            body = response.content.decode("ascii").upper()
            parse_range_body(body)  # every line must read, or the reply is no answer
        except (UnicodeDecodeError, FormatError):
            raise _Failed("the breach service sent a reply that could not be read") from None
        return body

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
                timeout=httpx.Timeout(
                    self.settings.timeout, connect=self.settings.connect_timeout
                ),
                limits=httpx.Limits(
                    max_connections=workers, max_keepalive_connections=workers
                ),
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

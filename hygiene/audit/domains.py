"""Which logins are one account saved twice: the same username on the same registrable domain.

The registrable domain ("eTLD+1": ``bbc.co.uk`` for ``www.bbc.co.uk``) comes from the
Public Suffix List snapshot bundled with ``tldextract``; it is never fetched, so the audit
makes no connection for it. Private suffixes count (``alice.github.io`` and
``bob.github.io`` are different sites). A host with no known suffix (an address on a
home network, a test domain) is compared by its last two labels, an IP address whole.
Chromium lists an Android app login next to its website; an app whose package name
contains the website's name (``com.cinemaworld.app`` and ``cinemaworld.co.uk``) is
taken for that website.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from tldextract import TLDExtract

APP_SCHEMES = ("android://", "androidapp://", "ios-app://")
_IP = re.compile(r"^[\d.]+$|^\[?[0-9a-f:]+\]?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _extractor() -> TLDExtract:
    import tldextract

    # No suffix-list URLs and no cache: the bundled snapshot only, nothing fetched or written.
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


def host_of(url: str) -> str:
    """The host name of a URL, lower-cased; a bare ``example.com`` counts as a host too."""
    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


@lru_cache(maxsize=65536)
def registrable_domain(host: str) -> str:
    """``www.bbc.co.uk`` -> ``bbc.co.uk``; unknown suffixes fall back to the last two labels."""
    if not host or _IP.match(host):
        return host
    parts = _extractor()(host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}"
    labels = host.split(".")
    return ".".join(labels[-2:])


def app_package(url: str) -> str | None:
    """``com.example.app`` from ``android://hash@com.example.app/``; None for a website."""
    lowered = url.strip().lower()
    if not lowered.startswith(APP_SCHEMES):
        return None
    rest = lowered.split("://", 1)[1]
    return rest.rsplit("@", 1)[-1].strip("/") or None


def site_name(domain: str) -> str:
    """The distinctive label of a registrable domain: ``bbc`` for ``bbc.co.uk``."""
    return domain.split(".", 1)[0]


def app_belongs_to(package: str, domain: str) -> bool:
    name = site_name(domain)
    return len(name) >= 3 and name in package.split(".")

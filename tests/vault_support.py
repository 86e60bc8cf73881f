"""Keyrings for the vault tests: a small in-memory backend, and the real Secret Service.

``keyring_backend`` runs each vault test twice: on the in-memory backend (fast, always)
and on the Secret Service of the session bus (marker ``keyring_service``; CI starts an
unlocked gnome-keyring, elsewhere the case is skipped when none answers). Every test
uses its own keyring service name, so a developer's real entries are never touched.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Keeps entries in a dict; ``locked`` makes every call fail as a locked keyring does."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        if (service, username) not in self.entries:
            raise PasswordDeleteError("not found")
        del self.entries[(service, username)]


def secret_service() -> Any:
    """The Secret Service backend if one answers on the session bus, else skip (fail in CI)."""
    reason = None
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        reason = "no session bus"
    else:
        from keyring.backends import SecretService

        backend = SecretService.Keyring()
        try:
            backend.get_password("hygiene-probe", "probe")
        except Exception as exc:  # any failure means the service cannot serve these tests
            reason = f"Secret Service not answering ({type(exc).__name__})"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide a Secret Service: {reason}")
        pytest.skip(reason)
    return backend


@pytest.fixture(
    params=["memory", pytest.param("secret_service", marks=pytest.mark.keyring_service)]
)
def keyring_backend(request: pytest.FixtureRequest) -> Iterator[Any]:
    if request.param == "memory":
        yield MemoryKeyring()
    else:
        yield secret_service()


@pytest.fixture
def service_name(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A keyring service name of this test alone."""
    name = f"hygiene-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("HYGIENE_KEYRING_SERVICE", name)
    yield name

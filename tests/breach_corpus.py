"""Build small Pwned Passwords-shaped corpora for the breach tests, in both layouts.

Every corpus holds known passwords with known counts, and for each "absent" password a
decoy line that shares its 5-character prefix but not its suffix, so a full source must
search the right range and still answer "not found". Lines at prefixes 00000 and FFFFF
make the ordered file cover the whole hash space, as a complete download does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

# 40 hex characters: a password that looks like a hash is still hashed.
HEXLIKE = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8"

KNOWN: dict[str, int] = {
    "password": 3_645_804,
    "123456": 42_000_000,
    "Fluffy2019!": 7,
    "correct horse battery staple": 3,
    "pässwörd€": 12,
    HEXLIKE: 5,
    "with:colon and space ": 2,
}
ABSENT: tuple[str, ...] = (
    "kq8#Vw!r2-unlisted-zebra",
    "another never seen passphrase 91",
    # The SHA-1 of "password" itself, as a password: it is not in the corpus.
    HEXLIKE.lower(),
)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest().upper()


def _decoy(digest: str) -> str:
    last = "0" if digest[-1] != "0" else "1"
    return digest[:-1] + last


@dataclass
class Corpus:
    """Hash to count, as the service holds it."""

    counts: dict[str, int] = field(default_factory=dict)

    def ranges(self) -> dict[str, dict[str, int]]:
        grouped: dict[str, dict[str, int]] = {}
        for digest, count in sorted(self.counts.items()):
            grouped.setdefault(digest[:5], {})[digest[5:]] = count
        return grouped

    def write_file(self, path: Path, newline: str = "\n", final_newline: bool = True) -> Path:
        lines = [f"{digest}:{count}" for digest, count in sorted(self.counts.items())]
        path.write_bytes((newline.join(lines) + (newline if final_newline else "")).encode())
        return path

    def write_folder(self, path: Path) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        for prefix, entries in self.ranges().items():
            body = "\r\n".join(f"{suffix}:{count}" for suffix, count in entries.items())
            (path / f"{prefix}.txt").write_bytes(body.encode())
        return path


def make_corpus(fillers: int = 2000) -> Corpus:
    corpus = Corpus()
    for i in range(fillers):
        corpus.counts[sha1(f"filler-{i}")] = 1 + i % 97
    for password, count in KNOWN.items():
        corpus.counts[sha1(password)] = count
    for password in ABSENT:
        corpus.counts[_decoy(sha1(password))] = 11
    corpus.counts["00000" + "0" * 35] = 1
    corpus.counts["FFFFF" + "F" * 35] = 1
    return corpus

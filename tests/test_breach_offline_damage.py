"""A damaged or planted offline corpus: what the search cannot read is Unknown, never
"not found", and no file can hang the lookup or fill memory.

Each lookup runs in a child process with a timeout, so a search loop that stops advancing
fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from breach_corpus import make_corpus, sha1

from hygiene.breach.offline import RANGE_FILE_LIMIT

MARKER = "a marker password for the damaged corpus"
LOOKUP = """
import sys
from pathlib import Path
from hygiene.breach.offline import open_corpus
from hygiene.secret import Secret
source = open_corpus(Path(sys.argv[1]))
reason = source.unusable_reason()
result = source.check(Secret(sys.argv[2])) if reason is None else None
print(type(result).__name__ if result is not None else "Unusable", getattr(result, "reason", ""))
"""


def lookup(path: Path, password: str = MARKER) -> str:
    run = subprocess.run(
        [sys.executable, "-c", LOOKUP, str(path), password],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_a_marker_glued_after_a_long_line_is_unknown_not_absent(tmp_path: Path) -> None:
    corpus = make_corpus(3000)
    corpus.counts[sha1(MARKER)] = 7
    lines = [f"{digest}:{count}" for digest, count in sorted(corpus.counts.items())]
    at = lines.index(f"{sha1(MARKER)}:7")
    # 200 KB of a hash-shaped line with no newline, then the marker's own line.
    lines[at] = lines[at - 1].split(":")[0] + "0" * 200_000 + lines[at]
    path = tmp_path / "corpus.txt"
    path.write_text("\n".join(lines) + "\n")
    answer = lookup(path)
    assert answer.startswith(("Unknown", "Unusable", "Found")), answer
    assert not answer.startswith("NotFound")


def test_a_range_file_that_is_a_pipe_is_unknown_at_once(tmp_path: Path) -> None:
    folder = make_corpus(50).write_folder(tmp_path / "ranges")
    target = folder / f"{sha1(MARKER)[:5]}.txt"
    target.unlink(missing_ok=True)
    os.mkfifo(target)
    assert lookup(folder).startswith("Unknown"), "a pipe must not be read"


def test_a_range_file_linked_to_an_endless_device_is_unknown(tmp_path: Path) -> None:
    folder = make_corpus(50).write_folder(tmp_path / "ranges")
    target = folder / f"{sha1(MARKER)[:5]}.txt"
    target.unlink(missing_ok=True)
    target.symlink_to("/dev/zero")
    assert lookup(folder).startswith("Unknown")


def test_an_oversized_range_file_is_unknown(tmp_path: Path) -> None:
    folder = make_corpus(50).write_folder(tmp_path / "ranges")
    target = folder / f"{sha1(MARKER)[:5]}.txt"
    line = f"{sha1(MARKER)[5:]}:3\r\n".encode()
    target.write_bytes(line * (RANGE_FILE_LIMIT // len(line) + 1))
    answer = lookup(folder)
    assert answer.startswith("Unknown") and "not used" in answer, answer

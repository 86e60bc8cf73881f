"""Property tests for the search over the ordered corpus file, with and without an index.

Any sorted set of hashes, evenly spread or bunched together, in LF or CRLF, with or
without a final newline: every hash in the file is found with its count, and every hash
not in it is "not found". Bunched hashes are the hard case for a search that guesses
positions from values.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from hygiene.breach import offline
from hygiene.breach.index import build_index
from hygiene.breach.interface import Found, NotFound
from hygiene.breach.offline import OrderedFileSource

HEX = "0123456789ABCDEF"
EDGES = {"0" * 40: 1, "F" * 40: 1}  # a complete download covers 00000 to FFFFF


def bunched() -> st.SearchStrategy[str]:
    # Many hashes sharing long prefixes, so values say little about positions.
    return st.builds(
        lambda head, tail: (head + tail)[:40],
        st.sampled_from(["", "5BAA6", "5BAA61E4C9B", "00000000", "FFFFFFFF0"]),
        st.text(alphabet=HEX, min_size=40, max_size=40),
    )


hashes = st.one_of(st.text(alphabet=HEX, min_size=40, max_size=40), bunched())


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(hashes, st.integers(min_value=1, max_value=10**8), min_size=1, max_size=600),
    st.lists(hashes, max_size=20),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
    st.booleans(),
    st.sampled_from([1024, offline._PROBE_ONLY]),
)
def test_every_hash_is_found_and_no_other(
    present: dict[str, int],
    probes: list[str],
    newline: str,
    final: bool,
    indexed: bool,
    probe_only: int,
) -> None:
    corpus = {**EDGES, **present}
    body = newline.join(f"{h}:{c}" for h, c in sorted(corpus.items()))
    # A low threshold sends these small files through the single-line probes too.
    with tempfile.TemporaryDirectory() as tmp, patch.object(offline, "_PROBE_ONLY", probe_only):
        path = Path(tmp) / "c.txt"
        path.write_bytes((body + (newline if final else "")).encode())
        if indexed:
            build_index(path)
        with OrderedFileSource(path) as source:
            assert source.unusable_reason() is None
            assert ("(indexed)" in source.describe()) == indexed
            for digest, count in corpus.items():
                assert source._search(digest.encode()) == Found(count, "offline")
            for digest in probes:
                want = Found(corpus[digest], "offline") if digest in corpus else NotFound("offline")
                assert source._search(digest.encode()) == want

"""The offline corpus: bad files are named with what is wrong, never answered wrongly;
and ``hygiene corpus verify`` says plainly what is wrong with a download."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from unittest.mock import patch

import pytest
from breach_corpus import ABSENT, KNOWN, Corpus, make_corpus, sha1
from typer.testing import Result

from hygiene.breach import verify as verify_module
from hygiene.breach.interface import Found, NotFound, Unknown
from hygiene.breach.offline import OrderedFileSource, RangeFolderSource
from hygiene.secret import Secret

Cli = Callable[..., Result]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return make_corpus(400)


def sorted_lines(corpus: Corpus) -> list[str]:
    return [f"{d}:{c}" for d, c in sorted(corpus.counts.items())]


def write(path: Path, lines: list[str], end: str = "\n") -> Path:
    path.write_text("".join(line + end for line in lines))
    return path


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "the corpus file is empty"),
        ("hello world\n", "line 1 is not in the form HASH:COUNT"),
        (f"{'A' * 32}:5\n", "holds an NTLM hash; hygiene needs the SHA-1 corpus"),
        (f"{'0' * 40}:5\n{'1' * 40}:5\n{'2' * 17}", "the last line is incomplete"),
        ("7z\xbc\xaf\x27\x1c\x00\x04", "is still compressed (.7z, .gz, .zip)"),
    ],
)
def test_a_file_that_cannot_be_a_corpus_says_why(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "c.txt"
    path.write_text(content)
    reason = OrderedFileSource(path).unusable_reason()
    assert reason is not None and problem in reason and "c.txt" in reason


def test_a_file_ordered_by_count_is_refused(tmp_path: Path, corpus: Corpus) -> None:
    by_count = sorted(corpus.counts.items(), key=lambda item: (-item[1], item[0]))
    path = write(tmp_path / "c.txt", [f"{d}:{c}" for d, c in by_count])
    reason = OrderedFileSource(path).unusable_reason()
    assert reason is not None and "not in hash order" in reason


def test_a_small_local_disorder_never_gives_a_wrong_answer(tmp_path: Path, corpus: Corpus) -> None:
    # Swapped neighbours slip past the sampling at open; lookups must still be right.
    lines = sorted_lines(corpus)
    for password in KNOWN:
        at = lines.index(f"{sha1(password)}:{KNOWN[password]}")
        lines[at - 1], lines[at] = lines[at], lines[at - 1]
    path = write(tmp_path / "c.txt", lines)
    with OrderedFileSource(path) as source:
        for password, count in KNOWN.items():
            assert source.check(Secret(password)) == Found(count, "offline"), password
        for password in ABSENT:
            assert source.check(Secret(password)) == NotFound("offline")


def test_ntlm_lines_mixed_into_the_corpus_make_it_unusable(tmp_path: Path, corpus: Corpus) -> None:
    lines = [line if i % 2 else f"{line[:32]}:1" for i, line in enumerate(sorted_lines(corpus))]
    lines[0], lines[-1] = sorted_lines(corpus)[0], sorted_lines(corpus)[-1]
    path = write(tmp_path / "c.txt", lines)
    with OrderedFileSource(path) as source:
        reason = source.unusable_reason()
        assert reason is not None and "NTLM" in reason
        assert {source.check(Secret(p)).status for p in [*KNOWN, *ABSENT]} == {"unknown"}


def test_a_hash_beyond_the_end_of_a_cut_download_is_unknown(tmp_path: Path, corpus: Corpus) -> None:
    lines = [line for line in sorted_lines(corpus) if line < "8"]
    path = write(tmp_path / "c.txt", lines)
    beyond = next(p for p in [*KNOWN, *ABSENT] if sha1(p) > "8")
    with OrderedFileSource(path) as source:
        result = source.check(Secret(beyond))
    assert isinstance(result, Unknown) and "may be incomplete" in result.reason


def test_a_lower_case_file_is_searched_too(tmp_path: Path, corpus: Corpus) -> None:
    path = write(tmp_path / "c.txt", [line.lower() for line in sorted_lines(corpus)])
    with OrderedFileSource(path) as source:
        assert source.check(Secret("Fluffy2019!")) == Found(KNOWN["Fluffy2019!"], "offline")
        assert source.check(Secret(ABSENT[0])) == NotFound("offline")


def test_a_folder_without_range_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("hi")
    reason = RangeFolderSource(tmp_path).unusable_reason()
    assert reason is not None and "no range files" in reason


def test_a_folder_range_file_in_a_bad_form_is_unknown(tmp_path: Path, corpus: Corpus) -> None:
    folder = corpus.write_folder(tmp_path / "ranges")
    prefix = sha1("password")[:5]
    (folder / f"{prefix}.txt").write_text("0" * 27 + ":3\r\n")
    with RangeFolderSource(folder) as source:
        result = source.check(Secret("password"))
    assert isinstance(result, Unknown) and "NTLM" in result.reason
    (folder / f"{prefix}.txt").write_text("")
    with RangeFolderSource(folder) as source:
        result = source.check(Secret("password"))
    assert isinstance(result, Unknown) and "empty" in result.reason


# hygiene corpus verify


def complete(corpus: Corpus) -> list[str]:
    return sorted_lines(corpus)


def test_verify_passes_a_good_file(cli: Cli, tmp_path: Path, corpus: Corpus) -> None:
    path = corpus.write_file(tmp_path / "c.txt", newline="\r\n", final_newline=False)
    result = cli("corpus", "verify", str(path))
    assert result.exit_code == 0
    assert f"with {len(corpus.counts):,} SHA-1 hashes in order" in result.stdout


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda ls: sorted(ls, key=lambda x: int(x.split(":")[1])), "lines out of hash order"),
        (lambda ls: [*ls[:-1], ls[-1][:30]], "the last line is cut short"),
        (
            lambda ls: [ls[0], *(f"{x[:32]}:1" for x in ls[1:4]), *ls[4:]],
            "3 lines with NTLM hashes",
        ),
        (lambda ls: [ls[0], "<html>", *ls[1:]], "1 line not in the form HASH:COUNT"),
        (lambda ls: [ls[0], *ls], "1 hash listed twice"),
        (lambda ls: ls[:-5], "ends at range"),
    ],
)
def test_verify_names_what_is_wrong_with_a_file(
    cli: Cli,
    tmp_path: Path,
    corpus: Corpus,
    damage: Callable[[list[str]], list[str]],
    message: str,
) -> None:
    lines = damage(complete(corpus))
    path = tmp_path / "c.txt"
    path.write_text("\n".join(lines) + ("\n" if "cut short" not in message else ""))
    result = cli("corpus", "verify", str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "c.txt" in result.stderr


def test_verify_names_what_is_wrong_with_a_folder(cli: Cli, tmp_path: Path, corpus: Corpus) -> None:
    folder = corpus.write_folder(tmp_path / "ranges")
    (folder / "notes.docx").write_bytes(b"x")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
    (folder / names[0]).write_text("")
    (folder / names[1]).write_text("0" * 27 + ":3")
    result = cli("corpus", "verify", str(folder))
    assert result.exit_code == 2
    for message in (
        "files that are not range files (named like 0A1B2.txt): notes.docx",
        "1 range file is empty",
        "1 line with NTLM hashes",
        "of 1,048,576 range files are missing",
    ):
        assert message in result.stderr


def test_verify_a_missing_path(cli: Cli, tmp_path: Path) -> None:
    result = cli("corpus", "verify", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "nope.txt: does not exist" in result.stderr


# hygiene corpus index


def test_index_is_written_for_a_good_file_and_used(
    cli: Cli, tmp_path: Path, corpus: Corpus
) -> None:
    path = corpus.write_file(tmp_path / "c.txt")
    result = cli("corpus", "index", str(path))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "c.txt.hygiene-index").stat().st_size > 8 * 16**5
    with OrderedFileSource(path) as source:
        assert "(indexed)" in source.describe()
        for password, count in KNOWN.items():
            assert source.check(Secret(password)) == Found(count, "offline")
        for password in ABSENT:
            assert source.check(Secret(password)) == NotFound("offline")


def test_no_index_for_a_file_with_problems(cli: Cli, tmp_path: Path, corpus: Corpus) -> None:
    path = write(tmp_path / "c.txt", sorted(sorted_lines(corpus), key=lambda x: x[-3:]))
    result = cli("corpus", "index", str(path))
    assert result.exit_code == 2 and "out of hash order" in result.stderr
    assert not (tmp_path / "c.txt.hygiene-index").exists()


def test_a_stale_index_is_ignored(cli: Cli, tmp_path: Path, corpus: Corpus) -> None:
    path = corpus.write_file(tmp_path / "c.txt")
    assert cli("corpus", "index", str(path)).exit_code == 0
    lines = sorted_lines(corpus)
    lines.insert(10, f"{'0' * 6}{'A' * 34}:1")
    write(path, sorted(lines))
    with OrderedFileSource(path) as source:
        assert "(not indexed;" in source.describe()
        assert source.check(Secret("Fluffy2019!")) == Found(KNOWN["Fluffy2019!"], "offline")


def test_a_folder_needs_no_index(cli: Cli, tmp_path: Path, corpus: Corpus) -> None:
    result = cli("corpus", "index", str(corpus.write_folder(tmp_path / "ranges")))
    assert result.exit_code == 2 and "needs no index" in result.stderr


@pytest.mark.parametrize("block", [1 << 12, 1 << 22])
def test_verify_names_the_right_line_across_blocks(
    tmp_path: Path, corpus: Corpus, block: int
) -> None:
    # Small blocks: clean blocks take the fast path, the damaged one is walked line by line.
    lines = sorted_lines(corpus)
    lines[300] = lines[300][:32] + ":1"
    lines[301], lines[302] = lines[302], lines[301]
    path = write(tmp_path / "c.txt", lines, end="\r\n")
    with patch.object(verify_module, "_BLOCK", block):
        verdict = verify_module.verify(path)
    found = {(p.message.split(" (")[0], p.line) for p in verdict.problems}
    assert found == {
        ("1 line with NTLM hashes; hygiene needs the SHA-1 corpus, not the NTLM one", 301),
        ("1 line out of hash order", 303),
    }


def test_the_index_is_the_same_whatever_the_block_size(tmp_path: Path, corpus: Corpus) -> None:
    path = corpus.write_file(tmp_path / "c.txt")
    with patch.object(verify_module, "_BLOCK", 1 << 12):
        small = verify_module.verify(path)
    whole = verify_module.verify(path)
    assert small.problems == whole.problems == []
    assert small.buckets == whole.buckets
    assert small.hashes == whole.hashes == len(corpus.counts)


def test_verify_reports_progress_to_the_end(tmp_path: Path, corpus: Corpus) -> None:
    path = corpus.write_file(tmp_path / "c.txt")
    seen: list[tuple[int, int]] = []
    with patch.object(verify_module, "_BLOCK", 1 << 12):
        verify_module.verify(path, progress=lambda done, total: seen.append((done, total)))
    size = path.stat().st_size
    assert len(seen) > 1 and seen[-1] == (size, size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_an_index_that_cannot_be_written_is_said_plainly(
    cli: Cli, tmp_path: Path, corpus: Corpus
) -> None:
    path = corpus.write_file(tmp_path / "c.txt")
    (tmp_path / "c.txt.hygiene-index").mkdir()  # something in the way
    result = cli("corpus", "index", str(path))
    assert result.exit_code == 2
    assert "the index cannot be written there" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout

"""``hygiene password`` as a person uses it: piped or typed at a hidden prompt, never echoed."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from breach_corpus import make_corpus
from conftest import assert_no_leak

FIXTURES = Path(__file__).parent / "fixtures" / "strength"
FACTS = str(FIXTURES / "facts.toml")


@pytest.fixture(autouse=True)
def breach_corpus_at_hand(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The breach check in ``hygiene password`` answers from a small local corpus here."""
    path = tmp_path_factory.getbasetemp() / "password-cli-corpus.txt"
    if not path.exists():
        make_corpus(50).write_file(path)
    monkeypatch.setenv("HYGIENE_CORPUS", str(path))


def test_a_personal_password_is_weak_with_both_verdicts_and_exit_1(cli):
    result = cli("password", "--facts", FACTS, input="Fluffy2021!\n")
    assert result.exit_code == 1
    assert "Verdict: WEAK" in result.stdout
    assert "A stranger: score" in result.stdout
    assert "Someone who knows you" in result.stdout
    assert "your pet's name, a year, a common ending" in result.stdout
    assert "•" not in result.stdout, "no part's length is shown"


def test_a_random_passphrase_passes_with_exit_0(cli):
    result = cli("password", "--facts", FACTS, input="plank-ivory-swoop-gravel-tundra\n")
    assert result.exit_code == 0
    assert "Verdict: STRONG" in result.stdout


def test_json_has_the_stable_keys(cli):
    result = cli("password", "--facts", FACTS, "--json", input="Fluffy2020!\n")
    data = json.loads(result.stdout)
    assert data["targeted"]["old_password_variant"]["position"] == 1
    assert data["targeted"]["guessable"] is True
    assert data["verdict"]["level"] == "weak"
    assert {"kind", "label"} == set(data["targeted"]["parts"][0]), "no lengths or positions"
    assert 0 <= data["generic"]["score"] <= 4


def test_without_facts_it_says_how_to_add_them(cli):
    result = cli("password", input="vK7#qL9!xPz2mWt\n")
    assert result.exit_code == 0
    assert "--facts" in result.stdout


def test_help_documents_the_exit_codes(cli):
    result = cli("password", "--help")
    assert "Exit codes" in result.stdout
    assert "never from the command line" in result.stdout


SECRETS = ["Fluffy2021!", "Tr0ub4dor&4", "OliverFluffyArsenal", "x" * 80]


@pytest.mark.parametrize("secret", SECRETS)
@pytest.mark.parametrize("as_json", [False, True])
def test_the_password_never_leaks(cli, all_logs, tmp_path, monkeypatch, secret, as_json):
    monkeypatch.chdir(tmp_path)
    args = ["password", "--facts", FACTS] + (["--json"] if as_json else [])
    result = cli(*args, input=secret + "\n")
    assert result.exit_code in (0, 1)
    assert_no_leak(secret, result.stdout, result.stderr, all_logs.text, files_under=tmp_path)
    assert_no_leak(secret.lower(), result.stdout.lower(), result.stderr.lower())


def test_old_passwords_from_the_facts_file_never_leak(cli, all_logs):
    for args in (["password", "--facts", FACTS], ["password", "--facts", FACTS, "--json"]):
        result = cli(*args, input="Tr0ub4dor&4\n")
        for old in ("Fluffy2019!", "Tr0ub4dor&3"):
            assert_no_leak(old, result.stdout, result.stderr, all_logs.text)
    checked = cli("facts", "check", FACTS, "--json")
    for old in ("Fluffy2019!", "Tr0ub4dor&3", "fluffy2019!", "tr0ub4dor&3", "tr0ub4dor"):
        assert_no_leak(old, checked.stdout, checked.stderr)


@pytest.mark.parametrize(
    ("given", "says"),
    [
        (b"", "no password was given"),
        (b"\n", "no password was given"),
        (b"Sekret\x00Pw\n", "NUL"),
        (b"Sekret\xff\xfePw\n", "UTF-8"),
        (b"Sekret" * 500_000, "longer than"),
    ],
)
def test_bad_input_is_refused_with_exit_2(cli, all_logs, given, says):
    result = cli("password", "--facts", FACTS, input=given)
    assert result.exit_code == 2
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert_no_leak("Sekret", result.stdout, result.stderr, all_logs.text)


def test_a_bad_facts_file_lists_every_problem_and_exits_2(cli):
    result = cli("password", "--facts", str(FIXTURES / "broken.toml"), input="x\n")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 8
    assert all("broken.toml, line" in line for line in lines)


def _under_a_terminal(typed: bytes) -> tuple[int, str]:
    """Run ``hygiene password --facts`` on a pseudo-terminal, type at the prompt, read all."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "hygiene", "password", "--facts", FACTS],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=dict(os.environ, COLUMNS="100"),
        close_fds=True,
        # Its own session with the terminal as controlling terminal, as in a real shell,
        # so Ctrl-C reaches it as a signal.
        start_new_session=True,
        preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
    )
    os.close(follower)
    seen = b""
    typed_yet = False
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 60)
            assert ready, "the command stopped answering"
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the other side closed: the command finished
                break
            if not chunk:
                break
            seen += chunk
            if not typed_yet and b"hidden" in seen:
                os.write(leader, typed)
                typed_yet = True
        return proc.wait(timeout=60), seen.decode(errors="replace")
    finally:
        os.close(leader)
        if proc.poll() is None:
            proc.kill()


def test_a_terminal_gets_a_hidden_prompt_and_the_typing_is_not_shown():
    code, text = _under_a_terminal(b"Fluffy2021!\n")
    assert code == 1
    assert "(hidden, not shown as you type)" in text
    assert "Verdict: WEAK" in text
    assert "Fluffy2021!" not in text


def test_ctrl_c_at_the_prompt_stops_with_130_and_no_traceback():
    code, text = _under_a_terminal(b"Flu\x03")
    assert code == 130
    assert "Traceback" not in text
    assert "Flu" not in text.replace("Fluffy", "")


def test_help_does_not_load_zxcvbn():
    """``hygiene --help`` stays fast: zxcvbn is imported only when a password is checked."""
    code = (
        "import sys\n"
        "from hygiene.cli.app import main\n"
        "sys.argv = ['hygiene', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('loaded' if 'zxcvbn' in sys.modules else 'not loaded', file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip() == "not loaded"


@pytest.mark.parametrize(
    ("log10", "words"),
    [
        (0.3, "fewer than 10 guesses"),
        (2.49, "about 300 guesses"),
        (4.3, "about 20,000 guesses"),
        (6.7, "about 5 million guesses"),
        (11.9, "about 800 billion guesses"),
        (40.0, "a trillion guesses or more"),
    ],
)
def test_guesses_are_said_in_plain_numbers(log10, words):
    from hygiene.cli.password import plain_count

    assert plain_count(log10) == words


def test_a_password_longer_than_zxcvbn_takes_is_rated_and_says_how(cli):
    long = "plank-ivory-swoop-gravel-tundra-" * 3  # 96 characters
    result = cli("password", input=long + "\n")
    assert result.exit_code in (0, 1)
    assert "Only the first 72 characters were rated" in result.stdout
    data = json.loads(cli("password", "--json", input=long + "\n").stdout)
    assert data["generic"]["truncated"] is True
    assert data["targeted"]["truncated"] is False

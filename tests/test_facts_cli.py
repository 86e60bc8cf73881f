"""``hygiene facts check``: the person sees what their file turns into, or every mistake."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "strength"


def test_check_shows_the_guesses_and_hides_old_passwords(cli):
    result = cli("facts", "check", str(FIXTURES / "facts.toml"))
    assert result.exit_code == 0
    assert "14 facts" in result.stdout
    assert "names[2] (your pet's name):" in result.stdout
    assert "  jenniferperry  (whole name)" in result.stdout
    assert "  14031985  (day, month and year)" in result.stdout
    assert "old_passwords[1] (an old password):" in result.stdout
    assert "fluffy2019" not in result.stdout.lower()
    assert "tr0ub4dor" not in result.stdout.lower()


def test_check_json_lists_every_try(cli):
    result = cli("facts", "check", str(FIXTURES / "facts.toml"), "--json")
    data = json.loads(result.stdout)
    birthday = next(f for f in data["facts"] if f["where"] == "dates[1]")
    assert birthday["label"] == "birthday"
    assert {"14/03/1985", "0314", "85"} <= {t["text"] for t in birthday["tries"]}
    assert data["tokens"] == sum(len(f["tries"]) for f in data["facts"])


def test_a_broken_file_lists_every_problem_with_its_line_and_exits_2(cli):
    result = cli("facts", "check", str(FIXTURES / "broken.toml"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: {FIXTURES / 'broken.toml'}, line {line} ({where}): {message}"
        for line, where, message in [
            (1, "names[2]", "is empty"),
            (2, "dates[2]", "is not a date I can read; write it as 1985-03-14 or 14/03/1985"),
            (2, "dates[3]", "is not a date I can read; write it as 1985-03-14 or 14/03/1985"),
            (
                3,
                "pets",
                "unknown list 'pets'; the lists are: names, dates, places, numbers, "
                "words, old_passwords, answers",
            ),
            (4, "places", "'places' must be a list, like places = [\"...\"]"),
            (5, "words[1]", "unknown key 'colour'; an entry has 'value' and 'label'"),
            (5, "words[2]", "this entry has no 'value'"),
            (6, "numbers[2]", 'must be text in quotes, or { value = "..." }'),
        ]
    ]


def test_a_missing_file_is_bad_input(cli, tmp_path):
    result = cli("facts", "check", str(tmp_path / "nope.toml"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_other_ways_of_writing_a_guess_are_counted_not_listed(cli):
    result = cli("facts", "check", str(FIXTURES / "facts.toml"))
    son = result.stdout.split("names[3] (your son's name):")[1].split("\n\n")[0]
    assert "  oliver  (name)" in son
    assert "olly" not in son and "ollie" not in son
    assert "more tried later" in son
    data = json.loads(cli("facts", "check", str(FIXTURES / "facts.toml"), "--json").stdout)
    tries = next(f for f in data["facts"] if f["where"] == "names[3]")["tries"]
    assert {"olly", "ollie", "oli"} <= {t["text"] for t in tries}

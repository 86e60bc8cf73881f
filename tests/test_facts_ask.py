"""Facts asked for one kind at a time: checked like the file, and written as a file that
reads back the same."""

from __future__ import annotations

import stat
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from scripted import ScriptedPrompter

from hygiene.facts import FactKind, load_facts
from hygiene.facts.ask import ask_facts, to_toml

# names, dates, places, numbers, words, answers: each ends with an empty answer.
EMPTY_AFTER_DATES = ["", "", "", "", ""]


def test_each_kind_is_asked_with_its_label_and_a_bad_date_is_asked_again() -> None:
    prompter = ScriptedPrompter(
        [
            "Pepper",
            "dog",
            "",
            "the 40th of June",
            "21/06/1988",
            "my birthday",
            "",
            *EMPTY_AFTER_DATES[1:],
            "Fluffy2019!",
            "",
        ]
    )
    facts = ask_facts(prompter, old_passwords=True)
    assert [(f.kind, f.label) for f in facts.facts] == [
        (FactKind.name, "dog"),
        (FactKind.date, "my birthday"),
        (FactKind.old_password, None),
    ]
    assert any("is not a date I can read" in line for line in prompter.transcript)
    assert "the 40th of June" not in " ".join(prompter.transcript)
    assert not prompter.unused


def test_old_passwords_are_not_asked_when_the_answers_go_to_a_file() -> None:
    prompter = ScriptedPrompter(["", *EMPTY_AFTER_DATES])
    assert ask_facts(prompter, old_passwords=False).facts == ()
    assert not any("old password" in line.lower() for line in prompter.transcript)


VALUE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda v: v.strip() == v and any(c.isalnum() for c in v))
LABEL = st.none() | VALUE


@given(
    st.lists(
        st.tuples(st.sampled_from(["name", "place", "number", "word", "answer"]), VALUE, LABEL),
        max_size=12,
    )
)
def test_a_written_file_reads_back_as_the_same_facts(tmp_path_factory, entries) -> None:
    from hygiene.facts.model import Fact, Facts

    facts = Facts(
        facts=tuple(
            Fact(kind=FactKind(kind), value=value, label=label) for kind, value, label in entries
        )
    )
    path = tmp_path_factory.mktemp("facts") / "facts.toml"
    path.write_text(to_toml(facts), encoding="utf-8")
    back = load_facts(path)
    for kind in FactKind:
        assert [(f.value, f.label) for f in back.facts if f.kind is kind] == [
            (f.value, f.label) for f in facts.facts if f.kind is kind
        ]


def test_examples_are_copied_private_and_nothing_is_overwritten(cli, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "facts.toml").write_text("mine")
    result = cli("examples", str(folder))
    assert result.exit_code == 0
    assert (folder / "facts.toml").read_text() == "mine"
    assert "left as they were: facts.toml" in result.stdout
    copied = folder / "accounts.toml"
    assert stat.S_IMODE(copied.stat().st_mode) == 0o600
    assert "abuser" not in (folder / "README.md").read_text()


def test_a_plain_list_of_facts_is_told_what_the_file_should_look_like(cli, tmp_path: Path) -> None:
    path = tmp_path / "facts.toml"
    path.write_text("Robin\nPepper the dog\n21/06/1988\n")
    result = cli("facts", "check", str(path))
    assert result.exit_code == 2
    assert 'names = ["Robin", { value = "Pepper", label = "dog" }]' in result.stderr
    assert "hygiene facts new FILE" in result.stderr

"""Warning signs: the shipped content loads, answers map to causes, steps and findings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from scripted import ScriptedPrompter

from hygiene.content import checks_dir
from hygiene.errors import InputError, Interrupted
from hygiene.findings import Severity, Topic
from hygiene.signs.assess import Answer, ask, assess, parse_answers
from hygiene.signs.catalogue import load_signs
from hygiene.signs.report import result_lines

ALL_NO = ["2"] * 10


@pytest.fixture(scope="module")
def catalogue():
    return load_signs()


def test_the_shipped_signs_load_and_are_the_ten_from_the_guidance(catalogue):
    assert len(catalogue.sign) == 10
    assert {c.id for c in catalogue.cause} == {
        "account_compromise",
        "spyware",
        "location_tracking",
        "shared_plan",
    }
    for cause in catalogue.cause:
        assert cause.safety and cause.steps


def test_questionnaire_is_numbered_and_maps_answers(catalogue):
    script = ALL_NO.copy()
    script[8] = "1"  # battery drains: yes
    script[9] = "3"  # phone lights up: not sure
    prompter = ScriptedPrompter(script)
    answers = ask(prompter, catalogue)
    assert "Question 1 of 10. Has money gone" in prompter.transcript[1]
    assert answers["battery_drains"] == Answer.YES
    assert answers["phone_lights_up"] == Answer.NOT_SURE
    result = assess(catalogue, answers)
    assert [likely.cause.id for likely in result.causes] == ["spyware"]
    assert result.applying == ("battery_drains", "phone_lights_up")
    (finding,) = result.findings
    assert finding.id == "signs_point_to_spyware"
    assert finding.topic == Topic.ACCESS_NOW
    assert "alert the person who installed it" in (finding.safety or "")
    assert any("basic mobile phone" in step for step in result.steps)


def test_leaving_the_questionnaire_stops_at_once(catalogue):
    with pytest.raises(Interrupted):
        ask(ScriptedPrompter(["2", "<quit>"]), catalogue)


def test_only_not_sure_is_said_as_such(catalogue):
    answers = {sign.id: Answer.NO for sign in catalogue.sign}
    answers["knows_where_you_are"] = Answer.NOT_SURE
    result = assess(catalogue, answers)
    location = next(f for f in result.findings if f.id == "signs_point_to_location_tracking")
    assert location.why.startswith("You were not sure about: someone knowing where you are")
    assert any("GPS tracker" in step for step in result.steps)
    assert any("taxi or a bus" in step for step in result.steps)


def test_causes_with_most_signs_come_first_and_findings_follow_plan_order(catalogue):
    answers = parse_answers("money_missing,2,passwords_changing,battery_drains", catalogue)
    result = assess(catalogue, answers)
    assert result.causes[0].cause.id == "account_compromise"
    assert len(result.causes[0].signs) == 3
    assert result.findings[0].severity == Severity.URGENT
    assert any("bank" in step for step in result.steps)
    # A check named by two causes is listed once.
    commands = [check.command for check in result.checks]
    assert len(commands) == len(set(commands))


def test_no_signs_no_findings(catalogue):
    result = assess(catalogue, parse_answers("none", catalogue))
    assert result.causes == () and result.findings == () and result.steps == ()


def test_bad_answers_are_all_listed(catalogue):
    with pytest.raises(InputError) as caught:
        parse_answers("0, battery, 3", catalogue)
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 2
    assert messages[0].startswith("--answers: '0' is not a sign")


def test_broken_signs_content_names_every_place(tmp_path: Path):
    shutil.copy(checks_dir() / "signs.toml", tmp_path / "signs.toml")
    text = (tmp_path / "signs.toml").read_text()
    text = text.replace('causes = ["spyware"]\n', 'causes = ["spyware", "ghosts"]\n', 1)
    text = text.replace('severity = "high"', 'severity = "dire"', 1)
    (tmp_path / "signs.toml").write_text(text)
    with pytest.raises(InputError) as caught:
        load_signs(tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 1
    assert "(cause[4].severity)" in messages[0]
    # With the schema error fixed, the reference to an unknown cause is found too.
    (tmp_path / "signs.toml").write_text(text.replace('"dire"', '"high"'))
    with pytest.raises(InputError) as caught:
        load_signs(tmp_path)
    (problem,) = caught.value.problems
    assert problem.where and problem.where.startswith("sign[")
    assert "no [[cause]] with id 'ghosts'" in problem.message
    assert problem.line is not None


def test_signs_command_from_answers(cli):
    result = cli("signs", "--answers", "4")
    assert result.exit_code == 1
    assert "Someone may be able to get into your accounts" in result.stdout
    assert "Do not use the link in the email" in result.stdout
    assert "National Stalking Helpline: 0808 802 0300" in result.stdout


def test_signs_command_json(cli):
    result = cli("signs", "--answers", "none", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["signs"] == [] and data["findings"] == []
    assert set(data["answers"].values()) == {"no"}
    assert data["helplines"]["helplines"][0]["number"] == "999"


def test_signs_command_asks_when_no_answers(cli):
    result = cli("signs", "--json", input="\n".join(["1", *ALL_NO[1:]]) + "\n")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["signs"] == ["money_missing"]
    assert data["findings"][0]["id"] == "signs_point_to_account_compromise"
    assert "Question 1 of 10" in result.stderr


def test_signs_command_bad_answers_exit_2(cli):
    result = cli("signs", "--answers", "eleven")
    assert result.exit_code == 2
    assert "'eleven' is not a sign" in result.stderr


def test_signs_command_q_leaves_at_once(cli):
    result = cli("signs", input="1\nq\n")
    assert result.exit_code == 130


@given(st.text(max_size=60))
@example("¹")  # a digit to str.isdigit, but no number int() reads
def test_answers_parse_or_fail_plainly(text):
    catalogue = load_signs()
    try:
        answers = parse_answers(text, catalogue)
    except InputError as exc:
        assert all(p.where == "--answers" for p in exc.problems)
    else:
        assert list(answers) == [sign.id for sign in catalogue.sign]


def test_inside_the_session_the_result_sends_nobody_off_to_type_a_command(catalogue):
    result = assess(catalogue, parse_answers("money_missing,2,passwords_changing", catalogue))
    alone = "\n".join(result_lines(result))
    meeting = "\n".join(result_lines(result, in_session=True))
    assert "hygiene accounts check" in alone
    assert result.checks
    for check in result.checks:
        assert check.command not in meeting
    assert "run hygiene" not in meeting
    assert "What the rest of this meeting looks at" in meeting
    nothing = assess(catalogue, parse_answers("none", catalogue))
    assert "run hygiene" not in "\n".join(result_lines(nothing, in_session=True))

"""The findings registry: every kind declared once, checked on load, and used by the code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hygiene.accounts.check import check_inventory
from hygiene.accounts.inventory import Inventory, load_inventory
from hygiene.audit.reasons import Reason
from hygiene.catalogue import load_files
from hygiene.errors import InputError
from hygiene.findings import Kind, Registry, Severity, make, registry
from hygiene.signs.catalogue import load_signs
from hygiene.vault.document import SavedFinding

ROOT = Path(__file__).resolve().parent.parent
GOOD_KIND = """
[[finding]]
id = "thing_reachable_by_them"
topic = "recovery"
severities = ["high"]
severity_rule = "always high"
summary = "A thing."
changes_something = true
can_alert = false
stage = "ready"
"""


def _emitted_ids() -> list[tuple[Path, str, bool]]:
    """Every id the code passes to ``make``: (file, literal id or f-string prefix, is prefix)."""
    found = []
    for path in (ROOT / "hygiene").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id != "make" or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((path, first.value, False))
            elif isinstance(first, ast.IfExp):
                found += [
                    (path, branch.value, False)
                    for branch in (first.body, first.orelse)
                    if isinstance(branch, ast.Constant)
                ]
            elif isinstance(first, ast.JoinedStr):
                head = first.values[0]
                assert isinstance(head, ast.Constant), f"{path}: an id starts with its kind"
                found.append((path, str(head.value), True))
            elif isinstance(first, ast.Name | ast.Subscript):
                continue  # a variable or a table: its ids are listed in the test below
            else:
                raise AssertionError(f"{path}: an id the test cannot read")
    return found


def test_every_id_the_code_can_emit_is_declared():
    reg = registry()
    emitted = _emitted_ids()
    assert len(emitted) >= 15
    for path, name, prefix in emitted:
        if prefix:
            kind = reg.kind(name + "x")
            assert kind.family and name == kind.id + "_", f"{path}: {name}"
        else:
            assert reg.kind(name).id == name, f"{path}: {name}"
    # Ids picked from a table in the code, and every member of each family.
    for name in (
        "recovery_phone_reachable_by_them",
        "recovery_email_reachable_by_them",
        "second_factor_device_reachable_by_them",
    ):
        assert reg.kind(name).id == name
    for cause in load_signs().cause:
        assert reg.kind(f"signs_point_to_{cause.id}").family == "signs cause"
    for reason in Reason:
        kind = reg.kind(f"password_{reason.value}")
        assert reason.severity in kind.severities


def test_findings_are_built_only_from_the_registry():
    """No module writes a Finding by hand, so none can skip the registry's rules."""
    allowed = {ROOT / "hygiene" / "findings.py", ROOT / "hygiene" / "vault" / "document.py"}
    for path in (ROOT / "hygiene").rglob("*.py"):
        if path in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "Finding"
        ]
        assert not calls, f"{path} builds a Finding by hand"


def test_no_declared_id_or_note_says_abuser():
    reg = registry()
    text = " ".join([*reg.safety.values(), *(k.id + k.summary for k in reg.finding)])
    assert "abuser" not in text.lower()


def _docs_row(kind: Kind) -> str:
    name = f"{kind.id}_<{kind.family.split()[-1]}>" if kind.family else kind.id
    cells = [
        f"`{name}`",
        kind.topic.value,
        ", ".join(s.value for s in kind.severities),
        kind.stage,
        "yes" if kind.changes_something else "no",
        "yes" if kind.can_alert else "no",
        ", ".join(f"`{field}`" for field in kind.fields) or "none",
        ", ".join(f"`{variant}`" for variant in kind.variants) or "none",
        kind.summary,
    ]
    return "| " + " | ".join(cells) + " |"


def test_the_docs_table_is_the_registry():
    """docs/findings.md lists every kind as declared; on a change, paste the rows printed."""
    table = (ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    listed = [line for line in table.splitlines() if line.startswith("| `")]
    expected = [_docs_row(kind) for kind in registry().finding]
    assert listed == expected, "\n".join(expected)


def test_every_error_in_the_registry_is_listed_at_once(tmp_path: Path):
    bad = GOOD_KIND.replace('"thing_reachable_by_them"', '"thing_reachable_by_abuser"')
    bad += GOOD_KIND.replace('topic = "recovery"', 'topic = "elsewhere"').replace(
        "can_alert = false", "can_alert = true"
    )
    path = tmp_path / "findings.toml"
    path.write_text(bad)
    with pytest.raises(InputError) as caught:
        load_files([path], Registry)
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "never says 'abuser'" in text
    assert "topic" in text and "safety note" in text
    assert len(caught.value.problems) >= 3


def test_a_duplicate_id_and_an_unknown_safety_note_are_refused(tmp_path: Path):
    path = tmp_path / "findings.toml"
    path.write_text(
        GOOD_KIND + GOOD_KIND.replace('stage = "ready"', 'stage = "ready"\nsafety = "nope"')
    )
    with pytest.raises(InputError) as caught:
        load_files([path], Registry)
    text = str(caught.value)
    assert "declared twice" in text and "'nope'" in text


def test_make_takes_topic_and_safety_from_the_registry_and_refuses_other_severities():
    finding = make(
        "password_known_to_them",
        severity=Severity.HIGH,
        subject="Mail",
        values={"account": "Mail", "reason": "", "opens": "1 account: Mail"},
        alert_note="Mail emails them.",
    )
    assert finding.topic.value == "passwords"
    assert finding.title == "They know the password of Mail"
    assert finding.safety is not None and finding.safety.endswith(
        "On this service: Mail emails them."
    )
    assert finding.kind.changes_something and finding.kind.can_alert
    with pytest.raises(ValueError):
        make("device_may_be_watched", severity=Severity.LOW)


def test_a_session_saved_with_an_old_id_reads_under_the_new_one():
    saved = SavedFinding.model_validate(
        {
            "id": "password_known_to_abuser",
            "severity": "high",
            "topic": "passwords",
            "subject": "Mail",
            "title": "t",
            "why": "w",
            "fix": "f",
        }
    )
    assert saved.finding().id == "password_known_to_them"


def test_an_inventory_with_the_old_names_still_loads_and_says_so(tmp_path: Path):
    path = tmp_path / "old.toml"
    path.write_text(
        '[[account]]\nlabel = "Mail"\nprovider = "google"\ncategory = "email"\n'
        'password_known_to_abuser = "yes"\ntwo_factor = ["none"]\n'
        'security_questions = [{ question = "pet", abuser_knows = "yes" }]\n'
        '[[contact]]\nvalue = "07700 900123"\ncontrolled_by = "abuser"\n'
    )
    inv = load_inventory(path)
    account = inv.accounts[0]
    assert account.password_known_to_them == "yes"
    assert account.security_questions[0].they_know == "yes"
    assert inv.contacts[0].controlled_by == "them"
    assert any(
        "password_known_to_abuser" in n and "password_known_to_them" in n for n in inv.old_names
    )
    assert len(inv.old_names) == 3
    ids = {f.id for f in check_inventory(inv).findings}
    assert "account_reachable_by_them" in ids
    assert all("abuser" not in i for i in ids)


def test_findings_from_every_check_carry_only_registered_ids():
    inv = Inventory.model_validate(
        {
            "account": [
                {
                    "label": "Mail",
                    "category": "email",
                    "login": "me@example.com",
                    "recovery_phones": ["07700 900123"],
                    "password_known_to_them": "yes",
                    "two_factor": ["sms:07700 900123"],
                    "unknown_sessions": "yes",
                    "security_questions": [{"question": "pet", "they_know": "yes"}],
                },
                {"label": "Bank", "category": "financial", "recovery_emails": ["me@example.com"]},
            ],
            "contact": [{"value": "07700 900123", "controlled_by": "them"}],
        }
    )
    reg = registry()
    for finding in check_inventory(inv).findings:
        assert reg.kind(finding.id).topic is finding.topic or reg.kind(finding.id).family
        assert finding.severity in reg.kind(finding.id).severities

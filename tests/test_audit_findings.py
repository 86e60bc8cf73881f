"""The audit speaks in findings too, so the plan can rank its passwords with everything else."""

from __future__ import annotations

from pathlib import Path

from hygiene.audit.findings import audit_findings
from hygiene.audit.run import run_audit
from hygiene.breach.select import open_source
from hygiene.exports.registry import open_export
from hygiene.facts.load import load_facts
from hygiene.findings import Severity, Topic


def _report(tmp_path: Path):
    export = tmp_path / "chrome.csv"
    export.write_text(
        "name,url,username,password,note\n"
        "Mail,https://mail.example.com/,ann@example.com,Fluffy2020!,\n"
        "Shop,https://shop.example.net/,ann@example.com,Q7v!kd93-Lm2p,\n"
        "Forum,http://forum.example.org/,ann,Q7v!kd93-Lm2p,\n"
    )
    facts = tmp_path / "facts.toml"
    facts.write_text(
        'names = [{ value = "Fluffy", label = "cat" }]\nold_passwords = ["Fluffy2019!"]\n'
    )
    return run_audit(open_export(export), open_source(True, None, None), load_facts(facts))


def test_each_reason_of_each_login_is_a_finding_without_the_password(tmp_path: Path):
    findings = audit_findings(_report(tmp_path))
    ids = [f.id for f in findings]
    assert "password_old_password_variant" in ids
    assert ids.count("password_reused") == 2
    assert "password_insecure_url" in ids
    variant = next(f for f in findings if f.id == "password_old_password_variant")
    assert variant.severity is Severity.URGENT and variant.topic is Topic.PASSWORDS
    assert variant.safety and "evidence" in variant.safety
    insecure = next(f for f in findings if f.id == "password_insecure_url")
    assert insecure.topic is Topic.GOOD_TO_DO
    for finding in findings:
        text = " ".join(str(v) for v in finding.to_dict().values())
        assert "Fluffy2020!" not in text and "Q7v!kd93-Lm2p" not in text


def test_an_offline_run_says_the_breach_status_is_unknown(tmp_path: Path):
    unknown = [f for f in audit_findings(_report(tmp_path)) if f.id == "password_breach_unknown"]
    assert len(unknown) == 1
    assert "not safe" in unknown[0].why

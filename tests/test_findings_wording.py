"""What a finding says comes from the registry's templates: every kind renders from its
declared fields, a wrong or missing value fails loudly without showing the value, the
loader lists every bad template at once, and no module writes a finding's words itself."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from findings_support import member_id, of_kind, sample_values

from hygiene.catalogue import load_files
from hygiene.errors import InputError
from hygiene.findings import Kind, Registry, Severity, make, phrase, registry

ROOT = Path(__file__).resolve().parent.parent
KINDS = registry().finding


def _wordings(kind: Kind) -> list[tuple[str, ...]]:
    """The kind alone (when it reads complete) and each of its variants."""
    complete = all(getattr(kind, part) for part in ("title", "why", "fix"))
    return ([()] if complete else []) + [(v,) for v in kind.variants]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.id)
def test_every_kind_renders_from_its_declared_fields(kind: Kind) -> None:
    wordings = _wordings(kind)
    assert wordings, "a kind that cannot be worded can never be reported"
    values = sample_values(kind, "Sample")
    seen: set[str] = set()
    for variant in wordings:
        finding = of_kind(kind, kind.severities[0], variant=variant, label="Sample")
        texts = [finding.subject, finding.title, finding.why, finding.fix]
        assert all(text.strip() for text in texts), variant
        assert not any("{" in text or "}" in text for text in texts), "every name was filled"
        assert "abuser" not in " ".join(texts).lower()
        seen |= {value for value in values.values() if value in " ".join(texts)}
    assert seen == set(values.values()), "every declared field reaches the finding"


def test_a_family_member_reads_with_its_own_wording() -> None:
    breached = make(
        "password_breached",
        severity=Severity.HIGH,
        subject="Mail",
        values={"login": "Mail", "detail": "found in 3 breaches"},
    )
    reused = make(
        "password_reused",
        severity=Severity.HIGH,
        subject="Mail",
        values={"login": "Mail", "detail": "the same password as Bank"},
    )
    assert breached.title == "Mail: found in 3 breaches"
    assert "breached passwords" in breached.why and breached.why != reused.why


def test_variants_are_laid_over_the_kind_in_order() -> None:
    def guarded(*variant: str) -> str:
        return make(
            "password_known_to_them",
            severity=Severity.MEDIUM,
            subject="Mail",
            values={"account": "Mail"},
            variant=variant,
        ).title

    assert guarded("guarded") == "They know the password of Mail"
    assert guarded("guarded", "uncertain") == "They may know or guess the password of Mail"


def test_a_missing_or_unknown_value_fails_loudly_and_never_shows_a_value() -> None:
    secret = "Fluffy2019!"
    with pytest.raises(KeyError) as missing:
        make("compartment_needs_own_address", severity=Severity.MEDIUM, subject=secret, values={})
    assert "compartment_needs_own_address" in str(missing.value)
    assert "compartment" in str(missing.value) and secret not in str(missing.value)

    values = {"compartment": secret, "accounts": secret, "password": secret}
    with pytest.raises(KeyError) as unknown:
        make("compartment_needs_own_address", severity=Severity.MEDIUM, subject="s", values=values)
    assert "'password'" in str(unknown.value) or "password" in str(unknown.value)
    assert secret not in str(unknown.value)

    with pytest.raises(KeyError) as variant:
        make("device_may_be_watched", severity=Severity.URGENT, variant="nope")
    assert "device_may_be_watched" in str(variant.value)

    with pytest.raises(KeyError) as in_phrase:
        phrase("where_on_page", place=secret, extra=secret)
    assert "where_on_page" in str(in_phrase.value) and secret not in str(in_phrase.value)


def test_values_go_in_as_they_are_and_are_never_read_as_templates() -> None:
    planted = "{account} {0.__class__} <img src=x> [x](http://127.0.0.1:9/x)"
    finding = make(
        "compartment_needs_own_address",
        severity=Severity.MEDIUM,
        subject=planted,
        values={"compartment": planted, "accounts": "Mail"},
    )
    assert finding.title == f"Give {planted} an address of their own"
    assert finding.subject == planted


BAD = """
[phrase.loop]
text = "round {loop}"

[[finding]]
id = "thing_reachable_by_them"
topic = "recovery"
severities = ["high"]
severity_rule = "always high"
summary = "A thing."
changes_something = true
can_alert = false
stage = "ready"
fields = ["account", "never_used"]
title = "{account}: the abuser can get in"
why = "Through {acount}."

[finding.variants.odd]
fix = "Fix {account.__class__}"

[[finding]]
id = "other_thing"
topic = "recovery"
severities = ["high"]
severity_rule = "always high"
summary = "Another thing."
changes_something = true
can_alert = false
stage = "ready"
title = "A thing"
why = "{loop}"
"""


def test_every_bad_template_is_listed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "findings.toml"
    path.write_text(BAD)
    with pytest.raises(InputError) as caught:
        load_files([path], Registry)
    text = "\n".join(str(problem) for problem in caught.value.problems)
    for said in (
        "says 'abuser'",  # the title
        "names {acount}, not one of its fields",  # a misspelt field
        "is not a plain name",  # attribute access from a template
        "declares the field 'never_used' but never names it",
        "'thing_reachable_by_them' has no fix",  # the kind alone is not complete
        "'other_thing' has no fix",
        "includes itself",  # a phrase that loops
    ):
        assert said in text, said


def test_a_template_with_a_stray_brace_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "findings.toml"
    path.write_text(BAD.replace('fix = "Fix {account.__class__}"', 'fix = "Fix {account"'))
    with pytest.raises(InputError) as caught:
        load_files([path], Registry)
    assert any("does not parse" in str(problem) for problem in caught.value.problems)


# --- No module words a finding itself -------------------------------------------------------

WORDING = frozenset({"make", "phrase"})
# An id, a field, a phrase's or a variant's name, a node's id: not words a person reads.
NAME = re.compile(r"^[a-z][a-z0-9_:]*$")
LETTER = re.compile(r"[A-Za-z]")


def _imports_wording(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "hygiene.findings"
        and any(alias.name in WORDING for alias in node.names)
        for node in ast.walk(tree)
    )


def _calls_wording(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in WORDING
        for n in ast.walk(node)
    )


def _scopes(tree: ast.Module) -> Iterator[ast.AST]:
    """Each function that builds a finding or a phrase, and each such module statement."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _calls_wording(node):
            yield node
    for statement in tree.body:
        if not isinstance(statement, ast.FunctionDef | ast.ClassDef) and _calls_wording(statement):
            yield statement


def _literals(scope: ast.AST) -> Iterator[ast.Constant]:
    """The string literals of ``scope``, but not its docstring, its errors or nested defs."""
    body = getattr(scope, "body", [])
    skip: set[int] = set()
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        skip.add(id(body[0].value))
    stack: list[ast.AST] = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Raise | ast.Assert) or id(node) in skip:
            continue
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue  # a nested function is a scope of its own
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _english_in_wording(root: Path = ROOT) -> list[str]:
    found = []
    own = {root / "hygiene" / "findings.py", root / "hygiene" / "wording.py"}
    for path in sorted((root / "hygiene").rglob("*.py")):
        if path in own:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not _imports_wording(tree):
            continue
        for scope in _scopes(tree):
            for literal in _literals(scope):
                if LETTER.search(literal.value) and not NAME.match(literal.value):
                    rel = path.relative_to(root)
                    found.append(f"{rel}:{literal.lineno}: {literal.value!r}")
        for call in ast.walk(tree):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id == "make"
            ):
                words = {k.arg for k in call.keywords} & {"title", "why", "fix"}
                found += [f"{path.relative_to(root)}:{call.lineno}: {w}=" for w in words]
    return found


def test_no_module_words_a_finding_in_python() -> None:
    """Every sentence a finding says is in checks/ (or another content file), none inline."""
    assert _english_in_wording() == []


def test_the_wording_check_catches_an_inline_sentence(tmp_path: Path) -> None:
    # The check above must be able to fail: an f-string beside a make call is caught.
    planted = tmp_path / "hygiene" / "planted.py"
    planted.parent.mkdir()
    planted.write_text(
        "from hygiene.findings import make\n"
        "def f(x):\n"
        "    label = f'{x} is not safe'\n"
        "    return make('device_may_be_watched', severity=None, values={'a': label},\n"
        "                title='Words')\n"
    )
    found = [line.split(": ")[0] for line in _english_in_wording(tmp_path)]
    assert sorted(found) == ["hygiene/planted.py:3", "hygiene/planted.py:4", "hygiene/planted.py:5"]


def test_the_sample_ids_are_the_kinds_ids() -> None:
    for kind in KINDS:
        assert registry().kind(member_id(kind)) is kind

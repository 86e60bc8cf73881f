"""Echap's lists: the shipped snapshot, a newer file the worker gives, and hostile files."""

from __future__ import annotations

import json
import tomllib

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from phone_support import Phone, Pkg

from hygiene.content import checks_dir
from hygiene.errors import InputError
from hygiene.phone.indicators import load_indicator_file, shipped_indicators

NEW_IOC = """\
- name: NewSpy
  names:
  - NewSpy
  type: stalkerware
  packages:
  - com.newspy.app
  certificates:
  - 0123456789abcdef0123456789abcdef01234567
  websites:
  - newspy.example
  c2:
    ip:
    - 192.0.2.1
"""


def test_the_shipped_snapshot_matches_its_record_and_upstream_counts():
    lists = shipped_indicators()
    snapshot = tomllib.loads((checks_dir() / "stalkerware" / "snapshot.toml").read_text())
    assert lists.count("stalkerware") == 147 and lists.count("watchware") == 27
    ids = [p for a in lists.apps if a.type == "stalkerware" for p in a.packages]
    assert len(ids) == 616 and len(set(ids)) == 613  # three ids belong to two apps each
    assert len(lists.by_package["com.systemservice"]) >= 1
    assert snapshot["commit"] in lists.attribution and "CC BY 4.0" in lists.attribution
    assert str(snapshot["date"]) in lists.origin
    # The shipped files are Echap's own, unmodified, as the attribution says.
    for name in snapshot["files"]:
        assert (checks_dir() / "stalkerware" / name).read_bytes()[:7] == b"- name:"


def test_certificates_are_compared_in_one_case(tmp_path):
    ioc = tmp_path / "ioc.yaml"
    ioc.write_text(NEW_IOC)
    [app] = load_indicator_file(ioc)
    assert app.certificates == ("0123456789ABCDEF0123456789ABCDEF01234567",)


def test_a_newer_ioc_yaml_is_used_and_keeps_the_shipped_watchware(cli, tmp_path):
    ioc = tmp_path / "ioc.yaml"
    ioc.write_text(NEW_IOC)
    phone = Phone()
    phone.apps += [Pkg("com.newspy.app", installer="null"), Pkg("com.wondershare.famisafe")]
    phone.apps.append(Pkg("com.ispyoo.traceyou", installer="null"))  # only in the old list
    folder = phone.write(tmp_path / "acq")
    result = cli("phone", "check", str(folder), "--indicators", str(ioc), "--json")
    data = json.loads(result.stdout)
    titles = [f["title"] for f in data["findings"]]
    assert "Known stalkerware on the phone: NewSpy (com.newspy.app)" in titles
    assert any("FamiSafe" in t for t in titles)
    assert not any("TheTruthSpy" in t for t in titles)
    assert data["indicators"]["origin"].startswith("ioc.yaml (given)")
    assert data["indicators"]["stalkerware_apps"] == 1


def test_phone_indicators_checks_a_file_and_says_what_is_new(cli, tmp_path):
    ioc = tmp_path / "ioc.yaml"
    ioc.write_text(NEW_IOC)
    result = cli("phone", "indicators", str(ioc))
    assert result.exit_code == 0
    assert (
        "stalkerware: 1 apps, 1 app ids, 1 signing keys; 1 apps not in the shipped lists."
        in result.stdout
    )
    assert "The file is valid" in result.stdout


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("- name: X\n  type: stalkerware\n  packages:\n  - 'com.x; rm -rf'\n", "line 4"),
        ("- name: X\n  type: spyware\n", "app 1.type"),
        ("- name: X\n  type: stalkerware\n  certificates:\n  - ABCD\n", "not a SHA-1"),
        ('- name: "X\\e[31m"\n  type: stalkerware\n', "control characters"),
        ("name: X\n", "is not an indicator list"),
        ("- name: X\n  type: [unclosed\n", "is not valid YAML"),
        ("- &a {name: X, type: stalkerware}\n- *a\n", "anchors"),
        ("[]", "lists no apps"),
        ("- !!python/object/apply:os.system ['true']\n", "is not valid YAML"),
    ],
)
def test_a_bad_file_is_refused_with_every_problem_located(cli, tmp_path, text, words):
    bad = tmp_path / "ioc.yaml"
    bad.write_text(text)
    result = cli("phone", "indicators", str(bad))
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_all_problems_of_a_file_are_listed_at_once(tmp_path):
    bad = tmp_path / "ioc.yaml"
    bad.write_text(
        "- name: A\n  type: stalkerware\n  packages: ['com.ok']\n"
        "- name: B\n  type: nope\n"
        "- name: C\n  type: stalkerware\n  certificates: ['XYZ']\n"
    )
    with pytest.raises(InputError) as caught:
        load_indicator_file(bad)
    where = [(p.where, p.line) for p in caught.value.problems]
    assert where == [("app 2.type", 5), ("app 3.certificates", 8)]


def test_a_billion_laughs_is_refused_before_it_grows(tmp_path):
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for n in range(1, 9):
        lines.append(f"a{n}: &a{n} [{','.join([f'*a{n - 1}'] * 9)}]")
    bomb = tmp_path / "ioc.yaml"
    bomb.write_text("\n".join(lines))
    with pytest.raises(InputError, match="anchors"):
        load_indicator_file(bomb)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_read_or_refused_never_crashes(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("ioc") / "ioc.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        apps = load_indicator_file(path)
    except InputError:
        return
    assert apps


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "name": st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=20),
                "type": st.sampled_from(["stalkerware", "watchware"]),
                "packages": st.lists(
                    st.from_regex(r"[a-z]{1,8}(\.[a-z0-9_]{1,8}){1,3}", fullmatch=True), max_size=3
                ),
                "certificates": st.lists(
                    st.from_regex(r"[0-9a-fA-F]{40}", fullmatch=True), max_size=2
                ),
            }
        ),
        min_size=1,
        max_size=5,
    )
)
def test_what_upstream_could_write_round_trips(tmp_path_factory, apps):
    path = tmp_path_factory.mktemp("ioc") / "ioc.yaml"
    path.write_text(yaml.safe_dump(apps))
    loaded = load_indicator_file(path)
    assert [a.packages for a in loaded] == [tuple(a["packages"]) for a in apps]
    assert [a.certificates for a in loaded] == [
        tuple(c.upper() for c in a["certificates"]) for a in apps
    ]

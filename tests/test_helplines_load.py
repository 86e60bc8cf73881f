"""Helplines: the shipped regions load, an organisation can add or replace, bad files say where."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hygiene.content import checks_dir
from hygiene.errors import InputError
from hygiene.helplines import help_lines, help_markdown, load_region, load_regions

FIXTURES = Path(__file__).parent / "fixtures" / "helplines"


def test_every_shipped_region_loads():
    regions = load_regions()
    assert "uk" in regions
    for region in regions.values():
        assert region.helpline


def test_uk_is_the_default_with_the_national_numbers_and_a_pointer_to_each_nation():
    region = load_region()
    numbers = {line.id: line.number for line in region.helpline}
    assert numbers["emergency"] == "999"
    assert numbers["police_non_emergency"] == "101"
    assert numbers["national_stalking_helpline"] == "0808 802 0300"
    assert numbers["national_domestic_violence_helpline"] == "0808 2000 247"
    assert numbers["scotland_domestic_abuse_helpline"] == "0800 027 1234"
    assert numbers["live_fear_free"] == "0808 80 10 800"
    assert numbers["ni_domestic_and_sexual_abuse_helpline"] == "0808 802 1414"
    assert region.helpline[0].urgent
    text = "\n".join(help_lines(region))
    assert "england, scotland, wales, northern-ireland" in text
    assert "The law differs in each nation" in text


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the shipped regions, plus an organisation's own file."""
    shutil.copytree(checks_dir() / "regions", tmp_path / "regions")
    return tmp_path


def test_an_organisation_region_replaces_and_adds_numbers(content: Path):
    shutil.copy(FIXTURES / "leeds.toml", content / "regions")
    region = load_region("uk_leeds", root=content)
    ids = [line.id for line in region.helpline]
    # The national order is kept, the replaced line stays in its place, the new one comes last.
    base = [line.id for line in load_region("uk", root=content).helpline]
    assert ids == [*base, "local_advocacy"]
    assert region.helpline[2].name == "West Yorkshire Police (non-emergency)"
    assert [route.id for route in region.legal] == ["law_differs"]
    assert "0113 000 0000" in help_markdown(region)
    # The base region is untouched.
    assert load_region("uk", root=content).helpline[2].name == "Police (non-emergency)"


def test_an_invalid_region_lists_every_error_with_its_line(content: Path):
    (content / "regions" / "broken.toml").write_text(
        'id = "Broken Region"\n'
        'name = "Broken"\n'
        "last_checked = 2026-01-01\n"
        "\n"
        "[[helpline]]\n"
        'id = "a"\n'
        'name = "A line"\n'
        'number = "call us"\n'
        'when = "Any time."\n'
        'colour = "red"\n'
    )
    with pytest.raises(InputError) as caught:
        load_region(root=content)
    text = [str(p) for p in caught.value.problems]
    assert len(text) == 3
    assert any("broken.toml, line 1 (id)" in t and "snake_case" in t for t in text)
    assert any("line 8 (helpline[1].number)" in t for t in text)
    assert any("line 10 (helpline[1].colour)" in t for t in text)


def test_extending_an_unknown_region_or_reusing_an_id_is_named(content: Path):
    (content / "regions" / "orphan.toml").write_text(
        'id = "orphan"\nname = "Orphan"\nlast_checked = 2026-01-01\nextends = "nowhere"\n'
    )
    (content / "regions" / "zz.toml").write_text(
        'id = "uk"\nname = "Again"\nlast_checked = 2026-01-01\n'
        '[[helpline]]\nid = "x"\nname = "X"\nnumber = "1"\nwhen = "now"\n'
    )
    with pytest.raises(InputError) as caught:
        load_regions(root=content)
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "orphan.toml (extends): extends 'nowhere'" in text
    assert "zz.toml (id): region id 'uk' is also used by uk.toml" in text


def test_regions_extending_each_other_in_a_circle(tmp_path: Path):
    (tmp_path / "regions").mkdir()
    for me, other in (("a", "b"), ("b", "a")):
        (tmp_path / "regions" / f"{me}.toml").write_text(
            f'id = "{me}"\nname = "{me}"\nlast_checked = 2026-01-01\nextends = "{other}"\n'
        )
    with pytest.raises(InputError, match="circle"):
        load_regions(root=tmp_path)


def test_helplines_command_prints_the_numbers(cli):
    result = cli("helplines")
    assert result.exit_code == 0
    assert "1. Emergency services: 999" in result.stdout
    assert "National Stalking Helpline: 0808 802 0300" in result.stdout


def test_helplines_json_is_stable(cli):
    data = json.loads(cli("helplines", "--json").stdout)
    assert data["id"] == "uk"
    assert [h["number"] for h in data["helplines"]][:3] == ["999", "999", "101"]
    assert {route["id"] for route in data["legal"]} == {"law_differs"}
    assert data["see_also"] == ["england", "scotland", "wales", "northern-ireland"]


def test_helplines_with_an_organisation_folder(cli):
    result = cli("helplines", "--regions-dir", str(FIXTURES), "--region", "uk_leeds")
    assert result.exit_code == 0, result.stderr
    assert "9. Leeds advocacy service: 0113 000 0000" in result.stdout


def test_unknown_region_is_bad_input(cli):
    result = cli("helplines", "--region", "atlantis")
    assert result.exit_code == 2
    assert (
        "no region 'atlantis'; known regions: england, northern-ireland, scotland, uk, wales"
        in result.stderr
    )


ENGLAND_AND_WALES_LAW = ["25 November 2012", "Stalking Protection Order", "civil injunction"]
NATIONS = {
    "england": ("0808 2000 247", "0808 802 0300", ENGLAND_AND_WALES_LAW),
    "wales": ("0808 80 10 800", "0808 802 0300", ENGLAND_AND_WALES_LAW),
    "scotland": ("0800 027 1234", "0800 820 2427", ["section 39", "non-harassment order"]),
    "northern-ireland": (
        "0808 802 1414",
        "0808 802 0300",
        ["Protection from Stalking Act (Northern Ireland) 2022", "Stalking Protection Order"],
    ),
}


@pytest.mark.parametrize("nation", sorted(NATIONS))
def test_each_nation_has_its_own_lines_and_law(nation: str):
    abuse, stalking, law = NATIONS[nation]
    text = "\n".join(help_lines(load_region(nation)))
    assert abuse in text and stalking in text
    for words in law:
        assert words in text, (nation, words)


def test_scotland_and_northern_ireland_do_not_borrow_the_law_of_england_and_wales():
    for nation in ("scotland", "northern-ireland"):
        text = "\n".join(help_lines(load_region(nation)))
        assert "25 November 2012" not in text and "Protection of Freedoms Act" not in text


def test_every_shipped_region_has_the_silent_solution_and_every_entry_a_source():
    for region in load_regions().values():
        silent = [line for line in region.helpline if line.id == "silent_solution"]
        assert silent and "55" in silent[0].when and silent[0].number == "999", region.id
        for entry in (*region.helpline, *region.legal):
            assert (entry.source or "").startswith(("https://", "http://")), (region.id, entry.id)


@pytest.mark.parametrize(
    ("asked", "found"),
    [
        ("UK", "uk"),
        ("Scotland", "scotland"),
        ("WALES", "wales"),
        ("Northern Ireland", "northern-ireland"),
        ("northern_ireland", "northern-ireland"),
        (" England ", "england"),
    ],
)
def test_a_region_is_found_in_any_case(asked: str, found: str):
    assert load_region(asked).id == found


def test_helplines_for_scotland_on_the_command_line(cli):
    result = cli("helplines", "--region", "Scotland")
    assert result.exit_code == 0, result.stderr
    assert "Where to get help (Scotland)" in result.stdout
    assert "Scotland's Domestic Abuse and Forced Marriage Helpline: 0800 027 1234" in result.stdout
    assert "press 55" in result.stdout
    assert "section 39" in result.stdout


def test_a_see_also_naming_no_region_is_refused(content: Path):
    (content / "regions" / "x.toml").write_text(
        'id = "x"\nname = "X"\nlast_checked = 2026-01-01\nsee_also = ["atlantis"]\n'
        '[[helpline]]\nid = "x"\nname = "X"\nnumber = "1"\nwhen = "now"\n'
    )
    with pytest.raises(InputError, match="see_also names 'atlantis'"):
        load_regions(root=content)

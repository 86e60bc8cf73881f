"""``hygiene phone``: a read-only look at a phone for known stalkerware and monitoring signs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hygiene.cli import console, exitcodes
from hygiene.cli.options import Json
from hygiene.cli.render import print_json
from hygiene.cli.shape import group
from hygiene.errors import InputError
from hygiene.render.findings import text_lines

if TYPE_CHECKING:
    from hygiene.phone.indicators import Indicators
    from hygiene.phone.scan import PhoneResult

phone_app = group(
    "Look at a phone for known stalkerware and signs of monitoring, without changing "
    "anything on it.\n\n" + exitcodes.HELP
)

OTHER_WAYS = (
    "A phone check sees only what is on the phone. Other ways in do not show up here: "
    "shared or signed-in accounts, cloud backups, location sharing, someone with the phone "
    "in their hands, and hidden trackers."
)

IndicatorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--indicators",
        help=(
            "A newer ioc.yaml (or watchware.yaml) you downloaded from Echap's "
            "stalkerware-indicators; replaces the shipped list of the same kind. Repeatable."
        ),
    ),
]


@phone_app.command("check")
def check(
    collection: Annotated[
        Path | None,
        typer.Argument(help="An androidqf output folder, or a zip of it (not encrypted)."),
    ] = None,
    adb: Annotated[
        bool,
        typer.Option("--adb", help="Read the Android phone connected over USB, read-only."),
    ] = False,
    iphone: Annotated[
        bool,
        typer.Option("--iphone", help="List the apps of the iPhone connected over USB."),
    ] = False,
    indicators: IndicatorsOption = None,
    save_evidence: Annotated[
        Path | None,
        typer.Option(
            "--save-evidence",
            help="With --adb: a new folder to keep what the phone printed, as evidence.",
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Match the phone's apps against known stalkerware and monitoring apps, and look for
    signs of monitoring. Nothing on the phone is changed, and nothing is removed."""
    from hygiene.phone.scan import check_phone

    if sum([collection is not None, adb, iphone]) != 1:
        raise InputError("give one of: an androidqf folder or zip, --adb, or --iphone")
    if save_evidence is not None and not adb:
        raise InputError(
            "--save-evidence goes with --adb (an androidqf collection is already kept)"
        )
    lists = _indicators(indicators)
    say = _stderr if as_json else console.echo
    if adb:
        from hygiene.phone import adb as adb_read

        say(adb_read.PHONE_SHOWS)
        phone, run = adb_read.collect()
        if save_evidence is not None:
            written = adb_read.save_evidence(run, save_evidence)
            say(
                f"Kept what the phone printed, as evidence: {len(written)} files in {save_evidence}"
            )
    elif iphone:
        from hygiene.phone import iphone as iphone_read

        say(iphone_read.PHONE_SHOWS)
        phone = iphone_read.collect()
    else:
        from hygiene.phone.androidqf import read_androidqf

        assert collection is not None
        phone = read_androidqf(collection)
    result = check_phone(phone, lists)
    if as_json:
        print_json(_json(result))
    else:
        _print(result)
    if adb:
        say("")
        say(adb_read.AFTERWARDS)
    if result.anything:
        raise typer.Exit(exitcodes.ATTENTION)
    if result.not_checked:
        raise typer.Exit(exitcodes.UNKNOWN)


@phone_app.command("indicators")
def indicators_cmd(
    files: Annotated[list[Path], typer.Argument(help="The ioc.yaml or watchware.yaml to check.")],
) -> None:
    """Check a newer Echap indicator list you downloaded, before using it with
    `hygiene phone check --indicators FILE`. hygiene never downloads it itself."""
    from hygiene.phone.indicators import shipped_indicators

    shipped = shipped_indicators()
    lists = shipped.with_newer(files)
    known = {(a.type, a.name) for a in shipped.apps}
    for kind in ("stalkerware", "watchware"):
        apps = [a for a in lists.apps if a.type == kind]
        ids = {p for a in apps for p in a.packages}
        keys = {c for a in apps for c in a.certificates}
        new = sum(1 for a in apps if (a.type, a.name) not in known)
        console.echo(
            f"{kind}: {len(apps)} apps, {len(ids)} app ids, {len(keys)} signing keys; "
            f"{new} apps not in the shipped lists."
        )
    console.echo(f"In use with --indicators: {lists.origin}.")
    console.echo(
        "The file is valid. Keep it beside the collection, so the result can be checked again."
    )


def _indicators(files: list[Path] | None) -> Indicators:
    from hygiene.phone.indicators import shipped_indicators

    shipped = shipped_indicators()
    return shipped.with_newer(files) if files else shipped


def _summary(result: PhoneResult) -> str:
    from hygiene.phone.scan import NOTHING_KNOWN

    if result.stalkerware:
        return "Known stalkerware found. Do not remove it yet: read the safety note first."
    if result.anything:
        return (
            "No known stalkerware found, but there are things to look at below; this does "
            "not mean the phone is clean."
        )
    return NOTHING_KNOWN


def _notes(result: PhoneResult) -> list[str]:
    notes = []
    if result.not_checked:
        notes.append(
            "Not checked, because the collection did not have it: "
            + "; ".join(result.not_checked)
            + "."
        )
    phone = result.collection
    if phone.platform == "android" and not phone.certificates_read and not phone.limits:
        notes.append(
            "Signing keys were not in the collection (androidqf pulls them with the APKs), "
            "so only app ids were compared."
        )
    return [*notes, *phone.limits, OTHER_WAYS]


def _print(result: PhoneResult) -> None:
    from hygiene.phone.findings import phone_findings

    lists = result.indicators
    console.echo(f"Checked: {result.collection.source} ({len(result.collection.apps)} apps).")
    console.echo(
        f"Compared with: {lists.origin}: {lists.count('stalkerware')} stalkerware and "
        f"{lists.count('watchware')} monitoring apps."
    )
    console.echo("")
    console.echo(_summary(result))
    findings = phone_findings(result)
    if findings:
        console.echo("")
        console.echo("\n".join(text_lines(findings)))
    console.echo("")
    for note in _notes(result):
        console.echo(note)
    console.echo("")
    console.echo(f"Lists: {lists.attribution}")


def _json(result: PhoneResult) -> dict[str, Any]:
    from hygiene.phone.findings import phone_findings

    lists = result.indicators
    return {
        "source": result.collection.source,
        "platform": result.collection.platform,
        "apps_checked": len(result.collection.apps),
        "summary": _summary(result),
        "findings": [f.to_dict() for f in phone_findings(result)],
        "not_checked": list(result.not_checked),
        "notes": _notes(result),
        "indicators": {
            "origin": lists.origin,
            "stalkerware_apps": lists.count("stalkerware"),
            "watchware_apps": lists.count("watchware"),
            "attribution": lists.attribution,
        },
    }


def _stderr(line: str) -> None:
    console.echo(line, err=True)


NAME = "phone"
GROUP = phone_app

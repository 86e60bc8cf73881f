"""Time ``hygiene audit`` on a generated export, beside ``keepassxc-cli analyze --hibp``.

A 2,000-entry Bitwarden CSV export and a 30-fact facts file are generated (unique, reused,
breached, guessable, old-password and near-duplicate passwords, a login saved twice,
http:// addresses), then audited against the 10-million-line local corpus from
``bench/make_corpus.py``. Prints the time per stage (read, strength, breach, reuse) from
an in-process run, and the wall time of the whole command as a person runs it. With
``--keepassxc`` it also builds a ``.kdbx`` holding the same entries (``keepassxc-cli
import`` of a KeePass XML file) and times ``keepassxc-cli analyze --hibp`` on the same
corpus. Everything generated goes under ``bench/.data/``.

    python bench/make_corpus.py                 # once: the 10-million-line corpus
    python bench/audit_run.py [--entries 2000] [--lines 10000000] [--keepassxc]
"""

from __future__ import annotations

import argparse
import base64
import csv
import os
import random
import resource
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import DATA, corpus_file, password

WORDS = (
    "amber",
    "anchor",
    "basket",
    "beacon",
    "bramble",
    "candle",
    "cedar",
    "cobalt",
    "copper",
    "dahlia",
    "ember",
    "falcon",
    "fennel",
    "garnet",
    "harbour",
    "hazel",
    "indigo",
    "juniper",
    "kestrel",
    "lantern",
    "maple",
    "meadow",
    "nutmeg",
    "orchard",
    "pebble",
    "quartz",
    "raven",
    "saffron",
    "thistle",
    "umber",
    "velvet",
    "willow",
    "yarrow",
    "zephyr",
)
FACTS = """\
names = [
  { value = "Biscuit", label = "pet" }, { value = "Poppy", label = "daughter" },
  { value = "Oliver", label = "son" }, { value = "Jennifer Perry", label = "me" },
  { value = "Mark", label = "ex-partner" }, { value = "Rover", label = "first pet" },
]
dates = [
  { value = "1987-06-02", label = "birthday" }, { value = "2012-09-14", label = "daughter" },
  { value = "2015-03-01", label = "son" }, { value = "2009-07-18", label = "wedding" },
]
places = ["Whitby", "Derby", "12 Oak Street", "DE22 3AB", "Scarborough"]
numbers = ["07700 900123", "4412", "1999"]
words = ["Arsenal", "Rover", "Guinness", "lighthouse", "Bluebell"]
old_passwords = ["Lighthouse2019!", "Poppy2012", "Biscuit!87", "Arsenal1999", "Whitby#12"]
answers = [{ value = "Smith", label = "mother's maiden name" }, "Oakfield Primary"]
"""
HEADER = (
    "folder",
    "favorite",
    "type",
    "name",
    "notes",
    "fields",
    "reprompt",
    "login_uri",
    "login_username",
    "login_password",
    "login_totp",
)
GUESSABLE = ("Biscuit{y}", "Poppy{y}!", "Oliver{y}", "Whitby{y}", "Arsenal{y}", "Rover{y}")
OLD_VARIANTS = ("Lighthouse{y}!", "Poppy{y}", "Biscuit!{n}", "Arsenal{y}", "Whitby#{n}")
COMMON = ("password1", "qwerty12", "letmein!", "iloveyou2", "sunshine1", "football")


def _passphrase(rng: random.Random) -> str:
    return "-".join(rng.sample(WORDS, 4)) + str(rng.randrange(100))


def generate(entries: int, lines: int, rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(title, url, username, password) rows with a realistic mix of problems."""
    shared = [_passphrase(rng) for _ in range(40)]
    rows: list[tuple[str, str, str, str]] = []
    while len(rows) < entries:
        n = len(rows)
        site = f"site{n}"
        url = f"https://www.{site}.example.com/login"
        user = rng.choice(("sam@mail.example", "sam.perry", "jp87"))
        pick = rng.random()
        year = rng.randrange(1985, 2025)
        if pick < 0.40:
            secret = _passphrase(rng)
        elif pick < 0.55:
            secret = password(rng.randrange(lines))  # in the corpus
        elif pick < 0.65:
            secret = rng.choice(shared)  # reused across sites
        elif pick < 0.72:
            secret = rng.choice(GUESSABLE).format(y=year)
        elif pick < 0.77:
            secret = rng.choice(OLD_VARIANTS).format(y=year, n=rng.randrange(100))
        elif pick < 0.87:
            base = _passphrase(rng).rstrip("0123456789")
            rows.append((f"{site}a", url, user, f"{base}{year}"))
            secret = f"{base}{year + 1}"  # a near-duplicate on another site
            site, url = f"{site}b", f"https://{site}b.example.org/"
        elif pick < 0.92:
            secret = rng.choice(COMMON)
        elif pick < 0.96:
            secret = _passphrase(rng)
            rows.append((site, url, user, secret))
            url = f"https://accounts.{site}.example.com/"  # the same login saved twice
        else:
            secret = _passphrase(rng)
            url = f"http://{site}.example.net/"
        rows.append((site, url, user, secret))
    return rows[:entries]


def write_export(rows: list[tuple[str, str, str, str]], path: Path) -> None:
    with path.open("w", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADER)
        for title, url, user, secret in rows:
            writer.writerow(["Web", "", "login", title, "", "", "0", url, user, secret, ""])


def write_keepass_xml(rows: list[tuple[str, str, str, str]], path: Path) -> None:
    def string(key: str, value: str) -> str:
        return f"<String><Key>{key}</Key><Value>{escape(value)}</Value></String>"

    def new_uuid() -> str:
        return base64.b64encode(uuid.uuid4().bytes).decode()

    parts = [
        '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
        "<KeePassFile><Meta><Generator>hygiene bench</Generator></Meta><Root>",
        f"<Group><UUID>{new_uuid()}</UUID><Name>Root</Name>",
    ]
    for title, url, user, secret in rows:
        parts.append(
            f"<Entry><UUID>{new_uuid()}</UUID>"
            + string("Title", title)
            + string("UserName", user)
            + string("Password", secret)
            + string("URL", url)
            + "</Entry>"
        )
    parts.append("</Group></Root></KeePassFile>")
    path.write_text("\n".join(parts))


def _cpu() -> float:
    """CPU seconds of this process and its finished children: the work, whatever the load."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def stage_times(export: Path, facts: Path, corpus: Path) -> None:
    from hygiene.audit.run import run_audit
    from hygiene.breach.select import open_source
    from hygiene.exports.registry import open_export
    from hygiene.facts import load_facts

    started, cpu = time.perf_counter(), _cpu()
    loaded = load_facts(facts)
    with open_source(True, corpus) as source:
        report = run_audit(open_export(export), source, loaded)
    total = time.perf_counter() - started
    summary = report.summary()
    print(f"in-process total          {total:6.2f} s  (CPU {_cpu() - cpu:.2f} s, all processes)")
    for stage in ("read", "strength", "breach", "reuse"):
        print(f"  {stage:<22} {report.timings[stage]:6.2f} s")
    print(
        f"  logins {summary['logins']}, distinct passwords {summary['distinct_passwords']}, "
        f"need acting on {summary['needs_action']}, breached {summary['breach']['found']}, "
        f"reuse groups {summary['reuse_groups']}"
    )
    print("  by reason: " + ", ".join(f"{k} {v}" for k, v in summary["by_reason"].items()))


def command_time(export: Path, facts: Path, corpus: Path) -> None:
    hygiene = Path(sys.executable).with_name("hygiene")
    command = [
        str(hygiene),
        "audit",
        str(export),
        "--facts",
        str(facts),
        "--corpus",
        str(corpus),
        "--json",
    ]
    started, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    print(
        f"hygiene audit (command)   {elapsed:6.2f} s  (CPU {_cpu() - cpu:.2f} s)  "
        f"exit {done.returncode}"
    )
    print("  " + " ".join(c if "/" not in c else Path(c).name for c in command))


def keepassxc_time(rows: list[tuple[str, str, str, str]], corpus: Path) -> None:
    cli = shutil.which("keepassxc-cli")
    if cli is None:
        print("keepassxc-cli not found (Debian package keepassxc); skipped")
        return
    xml, kdbx = DATA / "audit-keepass.xml", DATA / "audit.kdbx"
    write_keepass_xml(rows, xml)
    kdbx.unlink(missing_ok=True)
    key = "bench-database-key\n"
    subprocess.run(
        [cli, "import", "-p", str(xml), str(kdbx)],
        input=key * 2,
        text=True,
        check=True,
        capture_output=True,
    )
    xml.unlink()
    version = subprocess.run([cli, "--version"], capture_output=True, text=True).stdout.strip()
    started, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(
        [cli, "analyze", "--hibp", str(corpus), str(kdbx)],
        input=key,
        text=True,
        capture_output=True,
    )
    elapsed, cpu = time.perf_counter() - started, _cpu() - cpu
    flagged = sum(1 for line in done.stdout.splitlines() if "has been" in line or "pwned" in line)
    print(
        f"keepassxc-cli analyze     {elapsed:6.2f} s  (CPU {cpu:.2f} s)  exit {done.returncode}"
        f"  (keepassxc-cli {version}; {flagged} lines reporting leaks)"
    )
    print(f"  keepassxc-cli analyze --hibp {corpus.name} {kdbx.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--keepassxc", action="store_true")
    args = parser.parse_args()
    corpus = corpus_file(args.lines)
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus}: run python bench/make_corpus.py --lines {args.lines}")
    DATA.mkdir(exist_ok=True)
    rows = generate(args.entries, args.lines, random.Random(20261128))
    export, facts = DATA / f"audit-{args.entries}.csv", DATA / "audit-facts.toml"
    write_export(rows, export)
    facts.write_text(FACTS)
    print(
        f"{args.entries} entries, 30 facts, corpus {args.lines:,} lines, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    stage_times(export, facts, corpus)
    command_time(export, facts, corpus)
    if args.keepassxc:
        keepassxc_time(rows, corpus)


if __name__ == "__main__":
    main()

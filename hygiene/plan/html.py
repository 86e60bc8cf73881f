"""The plan as one printable HTML page that asks for nothing from anywhere.

Everything is inline: no stylesheet, font, image or script to fetch, and a
Content-Security-Policy that forbids fetching at all, so opening the page on a watched
network shows nothing to anyone. It prints in black and white: severity is a word, each
action has a box to tick, and sections do not split across pages where it can be helped.
"""

from __future__ import annotations

from hygiene.helplines import Helpline
from hygiene.plan import progress
from hygiene.plan.items import Check, Item, Step, shown_subject, where_said
from hygiene.plan.markdown import (
    ALL_DONE,
    IF_CHANGED,
    LOOK_AT,
    NOTHING_FOUND,
    SAME_PLACE,
    TITLE,
    hidden_facts,
)
from hygiene.plan.model import Plan
from hygiene.render import html_text as escape

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"

STYLE = """
body { font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; color: #000;
  background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.4;
  font-size: 12pt; }
h1 { font-size: 1.5em; margin: 0 0 0.2em; }
h2 { font-size: 1.2em; border-bottom: 2px solid #000; padding-bottom: 0.1em;
  margin: 1.2em 0 0.3em; }
h3 { font-size: 1em; margin: 0.6em 0 0.2em; }
p, ul, ol { margin: 0.2em 0; }
ul, ol { padding-left: 1.3em; }
.emergency { border: 3px solid #000; padding: 0.3em 0.8em; }
.emergency h2 { margin-top: 0.2em; }
.number { font-weight: bold; }
ol.actions { padding-left: 0; list-style: none; }
ol.actions > li { border-top: 1px solid #000; padding: 0.3em 0 0; margin: 0.5em 0; }
.box { display: inline-block; width: 0.8em; height: 0.8em; border: 1.5px solid #000;
  margin-right: 0.35em; vertical-align: -0.05em; }
.severity { font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em; }
.subject { font-style: italic; }
.label { font-weight: bold; }
.where, .checks { font-size: 0.92em; }
.safety { border-left: 3px solid #000; padding-left: 0.5em; }
.compact li { display: inline; }
.compact li + li::before { content: " · "; }
@media print {
  @page { size: A4; margin: 9mm 10mm; }
  body { margin: 0; padding: 0; max-width: none; font-size: 8pt; line-height: 1.2;
    font-family: 'Liberation Sans Narrow', 'Arial Narrow', 'Avenir Next Condensed',
      'Roboto Condensed', 'DejaVu Sans Condensed', Arial, Helvetica, sans-serif; }
  main { column-count: 2; column-gap: 5mm; }
  h1 { font-size: 12pt; }
  h2 { font-size: 9pt; border-bottom-width: 1px; margin: 0.5em 0 0.2em;
    break-after: avoid; page-break-after: avoid; }
  .emergency { border-width: 1.5px; margin-bottom: 0.4em; }
  .emergency h2 { margin: 0; border: none; }
  ol.actions > li { margin: 0.35em 0; padding-top: 0.2em; }
  .box { border-width: 1px; }
}
"""


def _helpline_items(lines: tuple[Helpline, ...]) -> list[str]:
    items = []
    for line in lines:
        name, number, when = escape(line.name), escape(line.number), escape(line.when)
        items.append(
            f'<li><strong>{name}:</strong> <span class="number">{number}</span>. {when}</li>'
        )
    return items


def _step(step: Step, same_as: int | None = None) -> str:
    place = SAME_PLACE.format(step=same_as) if same_as is not None else step.where
    where = f' <span class="where"><em>Where:</em> {escape(place)}</span>' if place else ""
    return f"{escape(step.text)}{where}"


def _check(check: Check) -> str:
    title = f"{check.subject}: {check.title}" if check.subject else check.title
    text = f"<strong>{escape(title)}</strong>. <em>Where:</em> {escape(check.where)}. "
    text += escape(check.why)
    return text + (f" <em>{escape(IF_CHANGED)}</em> {escape(check.alert)}" if check.alert else "")


def _subject(item: Item) -> str:
    subject = shown_subject(item)
    return f' · <span class="subject">{escape(subject)}</span>' if subject else ""


def _labelled(label: str, text: str) -> str:
    return f'<span class="label">{escape(label)}</span> {text}'


def item_html(item: Item, number: int, status: str | None = None) -> list[str]:
    """One item as an ``<li>`` with a box to tick; ``status`` says why it waits, if it does."""
    out = [
        "<li>",
        f'<p><span class="box" aria-hidden="true"></span><strong>{number}. '
        f"{escape(item.title)}</strong> · "
        f'<span class="severity">{escape(item.severity.value)}</span>{_subject(item)}</p>',
    ]
    if status:
        out.append(f'<p class="status">{escape(status)}</p>')
    why = _labelled("Why:", escape(item.why))
    if item.also:
        why += " " + _labelled("Also found:", " ".join(escape(a) for a in item.also))
    out.append(f"<p>{why}</p>")
    if len(item.steps) == 1:
        out.append(f"<p>{_labelled('What to do:', _step(item.steps[0]))}</p>")
    else:
        out.append(f"<p>{_labelled('What to do, in this order:', '')}</p><ol>")
        said = where_said(item.steps)
        out += [
            f"<li>{_step(step, same)}</li>" for step, same in zip(item.steps, said, strict=True)
        ]
        out.append("</ol>")
    if item.notes:
        notes = " ".join(escape(n) for n in item.notes)
        out.append(f"<p>{_labelled('Your notes:', notes)}</p>")
    if item.checks:
        out.append(f'<p>{_labelled(LOOK_AT, "")}</p><ul class="checks">')
        out += [f"<li>{_check(check)}</li>" for check in item.checks]
        out.append("</ul>")
    if item.safety:
        notes = " ".join(escape(note) for note in item.safety)
        out.append(f'<p class="safety">{_labelled("Safety:", notes)}</p>')
    out.append("</li>")
    return out


def page_start(title: str, style: str) -> list[str]:
    """A self-contained page's opening up to ``<body>``: its policy lets it fetch nothing
    and send no referrer. ``title`` is already escaped."""
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
    ]


def to_html(plan: Plan) -> str:
    out = [*page_start(escape(TITLE), STYLE), f"<h1>{escape(TITLE)}</h1>"]
    if plan.label:
        out.append(f"<p>For: {escape(plan.label)}</p>")
    if headline := progress.headline(plan):
        out.append(f'<p class="progress">Progress: {escape(headline)}.</p>')
    out += ['<section class="emergency">', "<h2>Help in an emergency</h2>", "<ul>"]
    out += _helpline_items(plan.emergency)
    out += ["</ul>", "<p>To stay safe while you change things:</p>", "<ul>"]
    out += [f"<li>{escape(point)}</li>" for point in plan.safety_first]
    out += ["</ul>", "</section>", "<main>"]
    tracked = progress.tracked(plan)
    if not plan.sections:
        out.append(f"<p>{escape(NOTHING_FOUND)}</p>")
    elif not any(tracked.shown_in(section) for section in plan.sections):
        out.append(f"<p>{escape(ALL_DONE)}</p>")
    shown_last = 0
    for section in plan.sections:
        shown = tracked.shown_in(section)
        if not shown:
            continue
        out += [
            f'<section id="{escape(section.stage)}">',
            f"<h2>{escape(section.title)}</h2>",
            f"<p>{escape(section.intro)}</p>",
        ]
        if section.notes:
            out += ['<div class="safety"><p>Before any of these:</p>', "<ul>"]
            out += [f"<li>{escape(note)}</li>" for note in section.notes]
            out += ["</ul>", "</div>"]
        out.append(f'<ol class="actions" start="{shown[0].number}">')
        for entry in shown:
            if gone := tracked.done_before(entry, shown_last):
                out += ["</ol>", f'<p class="gone">{escape(gone)}</p>']
                out.append(f'<ol class="actions" start="{entry.number}">')
            out += item_html(entry.item, entry.number, tracked.words(entry))
            shown_last = entry.number
        out += ["</ol>", "</section>"]
    if done := tracked.done():
        out += ['<section id="done">', "<h2>Done</h2>", '<ul class="done">']
        for entry in done:
            words = f"{entry.number}. {entry.item.title}. {tracked.words(entry)}."
            out.append(f'<li><span class="box" aria-hidden="true">✓</span>{escape(words)}</li>')
        out += ["</ul>", "</section>"]
    if note := plan.log_note():
        out += ['<section id="log">', "<h2>Incident log</h2>", f"<p>{escape(note)}</p>"]
        out.append("</section>")
    if plan.facts:
        out += ['<section id="facts">', "<h2>What they may know</h2>"]
        if not plan.facts_shown:
            out.append(f'<p class="hidden-note">{escape(hidden_facts(plan))}</p>')
        else:
            out.append("<ul>")
            for fact in plan.facts:
                note = f" ({escape(fact.note)})" if fact.note else ""
                out.append(f"<li>{escape(fact.kind)}{note}: {escape(fact.value)}</li>")
            out.append("</ul>")
        out.append("</section>")
    out += [
        '<section id="help">',
        f"<h2>Where to get help ({escape(plan.region.name)})</h2>",
        '<ul class="compact">',
    ]
    out += _helpline_items(tuple(h for h in plan.helplines if h not in plan.emergency))
    out.append("</ul>")
    if plan.legal:
        out.append("<h3>What the law offers</h3>")
    for route in plan.legal:
        out.append(f"<p><strong>{escape(route.title)}.</strong> {escape(route.text)}</p>")
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"

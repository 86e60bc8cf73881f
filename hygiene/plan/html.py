"""The plan as one printable HTML page that asks for nothing from anywhere.

Everything is inline: no stylesheet, font, image or script to fetch, and a
Content-Security-Policy that forbids fetching at all, so opening the page on a watched
network shows nothing to anyone. It prints in black and white: severity is a word, each
action has a box to tick, and sections do not split across pages where it can be helped.
"""

from __future__ import annotations

from hygiene.helplines import Helpline
from hygiene.plan import progress
from hygiene.plan.items import Check, Item, Step
from hygiene.plan.markdown import ALL_DONE, IF_CHANGED, LOOK_AT, NOTHING_FOUND, TITLE
from hygiene.plan.model import Plan
from hygiene.render import html_text as escape

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; color: #000; background: #fff;
  max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; font-size: 12pt; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #000; padding-bottom: 0.15em; margin-top: 1.6em; }
.emergency { border: 3px solid #000; padding: 0.6em 1em; }
.emergency h2 { margin-top: 0.3em; }
.emergency .number { font-size: 1.3em; font-weight: bold; }
ol.actions { padding-left: 0; list-style: none; counter-reset: action; }
ol.actions > li { border: 1px solid #000; padding: 0.5em 0.8em; margin: 0.6em 0;
  page-break-inside: avoid; break-inside: avoid; counter-increment: action; }
.box { display: inline-block; width: 0.9em; height: 0.9em; border: 1.5px solid #000;
  margin-right: 0.4em; vertical-align: -0.1em; }
.severity { font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; }
.subject { font-style: italic; }
dl { margin: 0.3em 0 0; } dt { font-weight: bold; float: left; margin-right: 0.4em; }
dd { margin: 0 0 0.2em 0; }
.safety { border-left: 4px solid #000; padding-left: 0.6em; }
.hidden-note { font-style: italic; }
.progress, .status { font-weight: bold; }
.status { margin: 0.3em 0; }
ul.done { list-style: none; padding-left: 0; }
ul.done .box { text-align: center; line-height: 0.9em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { page-break-after: avoid; break-after: avoid; }
  @page { margin: 18mm; }
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


def _step(step: Step) -> str:
    where = f" <em>Where:</em> {escape(step.where)}" if step.where else ""
    return f"{escape(step.text)}{where}"


def _check(check: Check) -> str:
    title = f"{check.subject}: {check.title}" if check.subject else check.title
    text = f"<strong>{escape(title)}</strong>. <em>Where:</em> {escape(check.where)}. "
    text += escape(check.why)
    return text + (f" <em>{escape(IF_CHANGED)}</em> {escape(check.alert)}" if check.alert else "")


def item_html(item: Item, number: int, status: str | None = None) -> list[str]:
    """One item as an ``<li>`` with a box to tick; ``status`` says why it waits, if it does."""
    out = [
        "<li>",
        f'<span class="box" aria-hidden="true"></span><strong>{number}. '
        f"{escape(item.title)}</strong>",
        f'<div><span class="severity">{escape(item.severity.value)}</span> · '
        f'<span class="subject">{escape(item.subject)}</span></div>',
    ]
    if status:
        out.append(f'<p class="status">{escape(status)}</p>')
    out += [
        "<dl>",
        f"<dt>Why:</dt><dd>{escape(item.why)}</dd>",
    ]
    if item.also:
        out.append(f"<dt>Also found:</dt><dd>{' '.join(escape(a) for a in item.also)}</dd>")
    if len(item.steps) == 1:
        out.append(f"<dt>What to do:</dt><dd>{_step(item.steps[0])}</dd>")
    else:
        out.append("<dt>What to do, in this order:</dt><dd><ol>")
        out += [f"<li>{_step(step)}</li>" for step in item.steps]
        out.append("</ol></dd>")
    if item.notes:
        out.append(f"<dt>Your notes:</dt><dd>{' '.join(escape(n) for n in item.notes)}</dd>")
    if item.checks:
        out.append(f"<dt>{escape(LOOK_AT)}</dt><dd><ul>")
        out += [f"<li>{_check(check)}</li>" for check in item.checks]
        out.append("</ul></dd>")
    out.append("</dl>")
    if item.safety:
        notes = " ".join(escape(note) for note in item.safety)
        out.append(f'<p class="safety"><strong>Safety:</strong> {notes}</p>')
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
    out += ["</ul>", "</section>"]
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
            out.append('<p class="hidden-note">Hidden. Shown only when asked for.</p>')
        out.append("<ul>")
        for fact in plan.facts:
            note = f" ({escape(fact.note)})" if fact.note else ""
            out.append(f"<li>{escape(fact.kind)}{note}: {escape(fact.value)}</li>")
        out += ["</ul>", "</section>"]
    out += [
        '<section id="help">',
        f"<h2>Where to get help ({escape(plan.region.name)})</h2>",
        "<ul>",
    ]
    out += _helpline_items(plan.helplines)
    out.append("</ul>")
    if plan.legal:
        out.append("<h3>What the law offers</h3>")
    for route in plan.legal:
        out.append(f"<p><strong>{escape(route.title)}.</strong> {escape(route.text)}</p>")
    out += ["</section>", "</body>", "</html>"]
    return "\n".join(out) + "\n"

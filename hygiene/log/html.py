"""The log as one printable HTML page that fetches nothing, like the plan's page.

Everything is inline and the Content-Security-Policy forbids fetching, so opening it on a
watched network shows nothing to anyone. It prints in black and white; an entry does not
split across pages where that can be helped; fingerprints wrap instead of running off.
"""

from __future__ import annotations

from datetime import datetime

from hygiene.log.chain import ChainCheck
from hygiene.log.export import HEAD, KEPT, TITLE, exported_line
from hygiene.log.model import IncidentLog
from hygiene.log.text import entry_parts, evidence_line
from hygiene.plan.html import page_start
from hygiene.render import html_text

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; color: #000; background: #fff;
  max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; font-size: 12pt; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #000; padding-bottom: 0.15em; margin-top: 1.6em; }
.check { border: 3px solid #000; padding: 0.4em 1em; }
article { border: 1px solid #000; padding: 0.4em 0.8em; margin: 0.6em 0;
  page-break-inside: avoid; break-inside: avoid; }
article h3 { margin: 0.2em 0; font-size: 1.1em; }
dl { margin: 0; } dt { font-weight: bold; float: left; clear: left; margin-right: 0.4em; }
dd { margin: 0 0 0.2em 0; }
code, .fingerprint { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.85em;
  overflow-wrap: anywhere; word-break: break-all; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { page-break-after: avoid; break-after: avoid; }
  @page { margin: 18mm; }
}
"""


def to_html(log: IncidentLog, result: ChainCheck, label: str, at: datetime) -> str:
    out = [
        *page_start(f"{TITLE}: {html_text(label)}", STYLE),
        f"<h1>{TITLE}</h1>",
        f"<p>For: {html_text(label)}</p>",
        f"<p>{html_text(exported_line(at))}</p>",
        f"<p>{html_text(KEPT)}</p>",
        '<section class="check" id="check">',
        "<h2>Check</h2>",
        f"<p><strong>{html_text(result.sentence())}</strong></p>",
    ]
    if result.count:
        out.append(f'<p class="fingerprint">{html_text(HEAD.format(head=result.head))}</p>')
    out += [
        "</section>",
        '<section id="entries">',
        "<h2>Entries, in the order things happened</h2>",
    ]
    corrected = log.corrected_by()
    for entry in log.chronological():
        out += [f'<article id="entry-{entry.number}">', f"<h3>Entry {entry.number}</h3>", "<dl>"]
        for name, text in entry_parts(entry, corrected.get(entry.number, []), html_text):
            out.append(f"<dt>{name}:</dt><dd>{text}</dd>")
        for index in range(len(entry.evidence)):
            line = evidence_line(entry, index, html_text)
            out.append(f'<dt>Evidence:</dt><dd class="fingerprint">{line}</dd>')
        out += ["</dl>", "</article>"]
    out += ["</section>", '<section id="evidence">', "<h2>Evidence files</h2>"]
    items = [
        f'<li>Entry {entry.number}: <span class="fingerprint">'
        f"{evidence_line(entry, index, html_text)}</span></li>"
        for entry in log.chronological()
        for index in range(len(entry.evidence))
    ]
    out += ["<ul>", *items, "</ul>"] if items else ["<p>None.</p>"]
    out += ["</section>", "</body>", "</html>"]
    return "\n".join(out) + "\n"

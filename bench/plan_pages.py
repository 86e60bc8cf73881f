"""How long the example person's printed plan is: its items, and its A4 pages.

Builds the demo plan (the files in ``examples/``, as ``hygiene demo`` does), writes its
printable page to a temporary folder, and prints it to PDF with headless Chromium, the
way a worker's browser would. The target is two pages. Prints the number of items, of
characters in the Markdown, and of pages; without Chromium, says so and prints the rest.
Run: python bench/plan_pages.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from hygiene.demo import demo_plan
from hygiene.plan import to_html, to_markdown

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
# A page object of the PDF, not the /Pages tree that holds them.
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def browser() -> str | None:
    return next((found for name in CHROMIUM if (found := shutil.which(name))), None)


def printed_pages(html: str, chromium: str) -> int:
    """The A4 pages ``html`` prints on, in headless Chromium."""
    with tempfile.TemporaryDirectory() as folder:
        page, pdf = Path(folder) / "plan.html", Path(folder) / "plan.pdf"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={Path(folder) / 'profile'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return len(PAGE.findall(pdf.read_bytes()))


def main() -> None:
    plan = demo_plan()
    print(f"items: {plan.action_count}")
    print(f"markdown characters: {len(to_markdown(plan))}")
    chromium = browser()
    if chromium is None:
        print("pages: not measured (no Chromium found)")
        return
    print(f"pages (A4, printed by {Path(chromium).name}): {printed_pages(to_html(plan), chromium)}")


if __name__ == "__main__":
    main()

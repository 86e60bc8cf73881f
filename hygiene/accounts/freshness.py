"""How well the provider catalogue is confirmed: per provider, what is unconfirmed or old.

Menu paths and help pages change, and a wrong path can alert the other person, so a
maintainer needs to see what to re-check: for each provider page, how many items it has,
which are not confirmed against the provider's own help (and why), and which were last
checked more than ``STALE_AFTER`` ago.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hygiene.accounts.providers import Catalogue, Item

STALE_AFTER = datetime.timedelta(days=180)


@dataclass(frozen=True)
class PageFreshness:
    """One provider page: its items, the unconfirmed ones and the stale ones."""

    provider_id: str
    name: str
    items: int
    unconfirmed: tuple[Item, ...]
    stale: tuple[Item, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "provider": self.provider_id,
            "name": self.name,
            "items": self.items,
            "unconfirmed": [{"item": i.id, "why": i.why_unconfirmed} for i in self.unconfirmed],
            "stale": [
                {"item": i.id, "last_checked": i.last_checked.isoformat()} for i in self.stale
            ],
        }


@dataclass(frozen=True)
class CatalogueFreshness:
    pages: tuple[PageFreshness, ...]
    today: datetime.date

    @property
    def items(self) -> int:
        return sum(page.items for page in self.pages)

    @property
    def unconfirmed(self) -> int:
        return sum(len(page.unconfirmed) for page in self.pages)

    @property
    def stale(self) -> int:
        return sum(len(page.stale) for page in self.pages)

    @property
    def needs_work(self) -> bool:
        return any(page.unconfirmed or page.stale for page in self.pages)

    def to_dict(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            "stale_after_days": STALE_AFTER.days,
            "items": self.items,
            "unconfirmed": self.unconfirmed,
            "stale": self.stale,
            "providers": [page.to_dict() for page in self.pages],
        }


def freshness(catalogue: Catalogue, today: datetime.date) -> CatalogueFreshness:
    """Every provider page, in catalogue order, with what a maintainer should re-check."""
    oldest = today - STALE_AFTER
    pages = tuple(
        PageFreshness(
            provider_id=provider.id,
            name=provider.name,
            items=len(provider.items),
            unconfirmed=tuple(i for i in provider.items if i.unconfirmed),
            stale=tuple(i for i in provider.items if i.last_checked < oldest),
        )
        for provider in catalogue.providers
    )
    return CatalogueFreshness(pages, today)


def freshness_lines(report: CatalogueFreshness) -> list[str]:
    """The report as plain text: a line per provider, then what to re-check, item by item."""
    share = report.unconfirmed / report.items if report.items else 0.0
    lines = [
        f"{report.items} items on {len(report.pages)} provider pages; "
        f"{report.unconfirmed} not confirmed ({share:.0%}); "
        f"{report.stale} last checked more than {STALE_AFTER.days} days ago.",
        "",
    ]
    width = max((len(page.provider_id) for page in report.pages), default=0)
    for page in report.pages:
        lines.append(
            f"{page.provider_id:<{width}}  {page.items:>3} items  "
            f"{len(page.unconfirmed):>3} unconfirmed  {len(page.stale):>3} old"
        )
    for page in report.pages:
        if not (page.unconfirmed or page.stale):
            continue
        lines += ["", f"{page.name} ({page.provider_id})"]
        for item in page.unconfirmed:
            lines.append(f"  - {item.id}: not confirmed. {item.why_unconfirmed}")
        for item in page.stale:
            lines.append(f"  - {item.id}: last checked {item.last_checked.isoformat()}.")
    return lines

"""The sourced facts (``gigawatt/data/facts.csv``) as records, with the dates they were published.

A fact's ``date`` is written as the source gives it: a day ("2025-01-21"), a month ("2025-05"), a year ("2025"), a
range ("2025-12/2026", "2025-06 (law) / 2026-06-24") or with words around it ("2022-03-22 (announced)"). The tests
that keep hindsight out (a scenario as of a date, a claim's evidence as of a date) need the *latest* day the fact
could have been published, so that an undated-looking "2025" never passes for January: :func:`latest_date`.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import re
from importlib import resources

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclasses.dataclass(frozen=True)
class Fact:
    id: str
    category: str
    subject: str
    quantity: str
    value: str
    unit: str
    date: str
    status: str
    source: str
    address: str

    @property
    def latest(self) -> dt.date | None:
        return latest_date(self.date)


@functools.cache
def facts() -> dict[str, Fact]:
    """Every row of the package's facts.csv by id."""
    with resources.files("gigawatt.data").joinpath("facts.csv").open(encoding="utf-8", newline="") as fh:
        return {row["id"]: Fact(**{k: (row[k] or "").strip() for k in row}) for row in csv.DictReader(fh)}


def _last_day(year: int, month: int | None, day: int | None) -> dt.date:
    if day is not None:
        return dt.date(year, month, day)
    if month is None:
        return dt.date(year, 12, 31)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def latest_date(text: str) -> dt.date | None:
    """The latest day a date as facts.csv writes it can mean: "2025" -> 2025-12-31, "2025-05" -> 2025-05-31,
    "2025-12/2026" -> 2026-12-31; None when the text holds no date."""
    days = []
    for m in _DATE.finditer(text or ""):
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        try:
            days.append(_last_day(year, int(month) if month else None, int(day) if day else None))
        except ValueError:  # "2025-13": not a date
            continue
    return max(days) if days else None


def split_ids(text: str) -> tuple[str, ...]:
    """ "SG01; SG13" -> ("SG01", "SG13")."""
    return tuple(part.strip() for part in str(text or "").split(";") if part.strip())

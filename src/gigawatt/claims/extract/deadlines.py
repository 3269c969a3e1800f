"""Deadlines: "bis Ende 2026", "d'ici fin 2026", "by the end of 2026", "next year", read as the last day of the
period they name, with its granularity (``year``, ``half``, ``quarter``, ``month``, ``day``).

A deadline that names its year is read without the publication date. A relative one ("next year", "l'année
prochaine", "nächstes Jahr") is read by dateparser anchored on the publication date (its ``RELATIVE_BASE``
setting); without a publication date it stays unresolved (``date: null``): the extractor never reads today's clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from gigawatt.claims.extract.patterns import MONTHS, ORDINALS

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_MID = re.compile(r"\b(mid|mi|mitte|middle)\b", re.IGNORECASE)
_QUARTER = re.compile(r"\b(quarter|trimestre|quartal)\b", re.IGNORECASE)
_HALF = re.compile(
    r"\b(first|second) half\b|\b(premier|second) semestre\b|\b(ersten|zweiten) (halbjahr|jahreshälfte)\b", re.I
)
# what dateparser is given for a relative phrase, once the cue words ("by", "bis", "d'ici") are set aside
_RELATIVE = {
    "en": {"next year": "next year", "this year": "this year", "the year": "this year"},
    "fr": {"prochain": "l'année prochaine", "prochaine": "l'année prochaine", "cette année": "cette année",
           "l' année": "cette année"},
    "de": {"nächste": "nächstes Jahr", "kommenden": "nächstes Jahr", "dieses": "dieses Jahr", "diesem": "dieses Jahr",
           "diesen": "dieses Jahr", "des jahres": "dieses Jahr"},
}  # fmt: skip


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_of(text: str, lang: str) -> int | None:
    words = re.findall(r"\w+", text.lower())
    for i, name in enumerate(MONTHS[lang].split(), start=1):
        if name in words:
            return i
    return None


def _quarter_of(text: str, lang: str) -> int | None:
    words = text.lower().split()
    for i, word in enumerate(ORDINALS[lang].split()):
        if word in words:
            return i // 2 + 1 if lang != "fr" else {0: 1, 1: 1, 2: 2, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4}[i]
    return None


def _relative(text: str, lang: str, date: dt.date) -> dict | None:
    from dateparser.date import DateDataParser

    low = text.lower()
    phrase = next((v for k, v in _RELATIVE[lang].items() if k in low), None)
    month = _month_of(text, lang)
    if month is not None:  # "bis August", "in April": the next such month from the publication date
        phrase = MONTHS[lang].split()[month - 1]
    if phrase is None:
        return None
    settings = {"RELATIVE_BASE": dt.datetime.combine(date, dt.time()), "PREFER_DATES_FROM": "future"}
    parser = DateDataParser(languages=[lang], settings=settings)
    found = parser.get_date_data(phrase)
    if found.date_obj is None:
        return None
    d = found.date_obj.date()
    if found.period == "year":
        return {"date": dt.date(d.year, 12, 31).isoformat(), "granularity": "year"}
    if found.period == "month":
        return {"date": _last_day(d.year, d.month).isoformat(), "granularity": "month"}
    return {"date": d.isoformat(), "granularity": "day"}


def read_deadline(text: str, lang: str, date: dt.date | None) -> dict:
    """``{"text", "date", "granularity"}`` for a matched deadline phrase; ``date`` is None where it cannot be read
    (a relative phrase without a publication date)."""
    out = {"text": text, "date": None, "granularity": None}
    year = _YEAR.search(text)
    if year is None:
        if date is not None:
            out.update(_relative(text, lang, date) or {})
        return out
    y = int(year.group(1))
    month = _month_of(text, lang)
    if _QUARTER.search(text) and (q := _quarter_of(text, lang)):
        out.update(date=_last_day(y, 3 * q).isoformat(), granularity="quarter")
    elif (half := _HALF.search(text)) is not None:
        first = any(w in half.group().lower() for w in ("first", "premier", "ersten"))
        out.update(date=(dt.date(y, 6, 30) if first else dt.date(y, 12, 31)).isoformat(), granularity="half")
    elif month is not None:
        out.update(date=_last_day(y, month).isoformat(), granularity="month")
    elif _MID.search(text):
        out.update(date=dt.date(y, 6, 30).isoformat(), granularity="half")
    else:
        out.update(date=dt.date(y, 12, 31).isoformat(), granularity="year")
    return out


def add_months(date: dt.date, months: float) -> dict:
    """The deadline a duration sets from the publication date ("sur quatre ans"): the end of the month reached."""
    total = date.year * 12 + date.month - 1 + round(months)
    y, m = divmod(total, 12)
    return {"date": _last_day(y, m + 1).isoformat(), "granularity": "month"}

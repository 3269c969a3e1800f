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

from gigawatt.claims.extract.patterns import MONTH_ABBREVIATIONS, MONTHS, ORDINALS

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_MID = re.compile(r"\b(mid|mi|mitte|middle)\b", re.IGNORECASE)
_QUARTER = re.compile(r"\b(quarter|trimestre|quartal|schlussquartal)\b", re.IGNORECASE)
_HALF = re.compile(
    r"\b(first|second) half\b|\b(premier|second) semestre\b|\b(première|seconde|deuxième) moitié\b"
    r"|\b(ersten|zweiten) (halbjahr|jahreshälfte|hälfte|semester)\b",
    re.I,
)
_DAY = re.compile(r"(?<!\d)([12]?\d|3[01])(?:\.|er)?(?!\d)")
# a deadline phrase that opens with these looks ahead ("by March", "bis August", "d'ici avril")
BY_WORDS = r"(?:by|until|before|bis|d['’] ?ici|avant|jusqu)"
_BY = re.compile("^" + BY_WORDS, re.IGNORECASE)
_FIRST_HALF = ("first", "premier", "première", "ersten")
# "before 2030", "avant 2030", "vor 2030": the year before it is the last one in time
_BEFORE = re.compile(r"^(before|avant|vor)\s+(?:19|20)\d\d$", re.I)
# what dateparser is given for a relative phrase, once the cue words ("by", "bis", "d'ici") are set aside
_RELATIVE = {
    "en": {"last month": "last month",
           "next year": "next year", "this year": "this year", "last year": "last year", "the year": "this year",
           "current year": "this year", "full year": "this year"},
    "fr": {"mois dernier": "le mois dernier", "mois passé": "le mois dernier",
           "prochain": "l'année prochaine", "prochaine": "l'année prochaine", "suivant": "l'année prochaine",
           "dernier": "l'année dernière", "dernière": "l'année dernière", "passé": "l'année dernière",
           "cette année": "cette année", "en cours": "cette année", "l' année": "cette année",
           "l'année": "cette année", "l’année": "cette année"},  # "d'ici (à) la fin de l'année"
    "de": {"vergangenen monat": "letzten Monat", "letzten monat": "letzten Monat",
           "nächste": "nächstes Jahr", "kommenden": "nächstes Jahr", "vergangene": "letztes Jahr",
           "letzte": "letztes Jahr", "dieses": "dieses Jahr", "diesem": "dieses Jahr", "diesen": "dieses Jahr",
           "des jahres": "dieses Jahr", "laufende": "dieses Jahr", "jahresende": "dieses Jahr",
           "gesamtjahr": "dieses Jahr", "volle jahr": "dieses Jahr"},
}  # fmt: skip


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_of(text: str, lang: str) -> int | None:
    """The month the phrase names; of two ("Quartal Oktober bis Dezember", "June 2027 to May 2028"), the last."""
    words = re.findall(r"\w+", text.lower())
    named = [(words.index(name), i) for i, name in enumerate(MONTHS[lang].split(), start=1) if name in words]
    if lang == "en":  # "Feb. 1"
        named += [(i, MONTH_ABBREVIATIONS[w]) for i, w in enumerate(words) if w in MONTH_ABBREVIATIONS]
    return max(named)[1] if named else None


# "in the first nine months of 2025", "in den ersten neun Monaten 2025", "les neuf premiers mois de 2025"
_COUNTS = {w: n for n, ws in enumerate(("", "one eins un", "two zwei deux", "three drei trois", "four vier quatre",
           "five fünf cinq", "six sechs six", "seven sieben sept", "eight acht huit", "nine neun neuf",
           "ten zehn dix", "eleven elf onze"), start=0) for w in ws.split()}  # fmt: skip
_FIRST_MONTHS = re.compile(r"\b(?:first|ersten)\s+(\w+)\s+(?:months|Monaten)|\b(\w+)\s+premiers\s+mois", re.I)
_CURRENT_QUARTER = re.compile(r"current quarter|trimestre en cours|laufenden? Quartal", re.I)
_ENDS_THE_YEAR = re.compile(r"\b(end|ends|ended) the year\b")
# the quarter before the publication date's: "im abgelaufenen Quartal", "in the last quarter", "au trimestre écoulé"
_PAST_QUARTER = re.compile(r"abgelaufenen|vergangenen Quartal|letzten Quartal|last quarter|past quarter"
                           r"|dernier trimestre|trimestre écoulé", re.I)  # fmt: skip


def _quarter_of(text: str, lang: str) -> int | None:
    words = re.split(r"[\s-]+", text.lower())  # "Third-quarter"
    if "schlussquartal" in words:  # German: the year's last quarter
        return 4
    for i, word in enumerate(ORDINALS[lang].split()):
        if word in words:
            return i // 2 + 1 if lang != "fr" else {0: 1, 1: 1, 2: 2, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4}[i]
    return None


# a period said to have ended lies before the publication date, one said to end after it: "the fiscal year that ended
# on Jan. 26", "l'exercice clos le 25 janvier"; "which ends on May 3", "qui s'achèvera le 3 mai"
_ENDED = re.compile(r"\b(?:ended|closed|clos|close|achevé|achevée|terminé|terminée|endete|endeten)\b", re.I)
_ENDS = re.compile(r"\b(?:ends|ending|achève|achèvera|terminera|endet|enden)\b", re.I)


def _pick(candidates: list[dt.date], date: dt.date, text: str) -> dt.date:
    """Of the candidate dates, the last before the publication date for a period that ended, the first after it for
    one that ends, else the nearest."""
    if _ENDED.search(text) and (past := [d for d in candidates if d <= date]):
        return max(past)
    if _ENDS.search(text) and (future := [d for d in candidates if d >= date]):
        return min(future)
    return min(candidates, key=lambda d: abs((d - date).days))


def _nearest_period(date: dt.date, month: int, granularity: str, text: str = "") -> dict:
    """The end of the month (or of the quarter ending that month) nearest the publication date, before or after it:
    "in November" written in January is last November, "in April" next April."""
    end = _pick([_last_day(date.year + k, month) for k in (-1, 0, 1)], date, text)
    return {"date": end.isoformat(), "granularity": granularity}


def _nearest_day(date: dt.date, month: int, day: int, text: str = "") -> dict:
    """The day of that month and number nearest the publication date, before or after it."""
    days = []
    for y in (date.year - 1, date.year, date.year + 1):
        try:
            days.append(dt.date(y, month, day))
        except ValueError:  # February 29 of a year that has none
            continue
    return {"date": _pick(days, date, text).isoformat(), "granularity": "day"}


def _relative(text: str, lang: str, date: dt.date) -> dict | None:
    from dateparser.date import DateDataParser

    low = text.lower()
    phrase = next((v for k, v in _RELATIVE[lang].items() if k in low), None)
    month = _month_of(text, lang)
    quarter = _quarter_of(text, lang) if _QUARTER.search(text) else None
    day = _DAY.search(text) if month is not None else None
    if _PAST_QUARTER.search(text):
        q_end_month = 3 * ((date.month - 1) // 3)  # the last month of the quarter before this one
        y = date.year if q_end_month else date.year - 1
        return {"date": _last_day(y, q_end_month or 12).isoformat(), "granularity": "quarter"}
    if _CURRENT_QUARTER.search(text):  # "the current quarter", "le trimestre en cours", "im laufenden Quartal"
        return {"date": _last_day(date.year, 3 * ((date.month - 1) // 3 + 1)).isoformat(), "granularity": "quarter"}
    if (ends := _ENDS_THE_YEAR.search(low)) is not None:  # "would end the year with", "ended the year with"
        y = date.year - 1 if ends.group(1) == "ended" and date.month <= 6 else date.year
        return {"date": dt.date(y, 12, 31).isoformat(), "granularity": "year"}

    shift = {"last year": -1, "l'année dernière": -1, "letztes Jahr": -1, "next year": 1}.get(phrase or "", 0)
    if (first := _FIRST_MONTHS.search(text)) and (n := _COUNTS.get((first.group(1) or first.group(2)).lower())):
        return {"date": _last_day(date.year + shift, n).isoformat(), "granularity": "month"}  # "... de l'an dernier"
    if month is not None and shift:  # "in October last year": that month of the year before
        return {"date": _last_day(date.year + shift, month).isoformat(), "granularity": "month"}
    # "by the end of September" is said of the past as often as of the future: the nearest, as "in November"
    ahead = _BY.match(low) and not re.search(r"\bend of\b", low)
    if re.match(r"(?:for the full )?year to\b", low) and month is not None and day is None:
        # "in its fiscal year to September": the year under way, unless it ended within the last three months (its
        # results are what is reported: "in the fiscal year to June", written in July)
        ended = max(d for d in (_last_day(date.year + k, month) for k in (-1, 0)) if d <= date)
        end = ended if (date - ended).days <= 92 else _last_day(ended.year + 1, month)
        return {"date": end.isoformat(), "granularity": "month"}
    # "which ended on April 27", "im Quartal bis zum 26. Oktober": that day, the nearest before or after
    if phrase is None and day is not None:
        return _nearest_day(date, month, int(day.group(1)), text)
    if phrase is None and month is None and quarter is None and (half := _HALF.search(text)) is not None:
        # "au premier semestre", "im ersten Halbjahr": that half of the publication's year
        first = any(w in half.group().lower().split() for w in _FIRST_HALF)
        end = dt.date(date.year, 6, 30) if first else dt.date(date.year, 12, 31)
        return {"date": end.isoformat(), "granularity": "half"}
    if phrase is None and (month is not None or quarter is not None):
        if ahead and month is not None:  # "bis August", "by March": the next such month
            phrase = MONTHS[lang].split()[month - 1]
        else:  # "in November", "fin octobre", "im dritten Quartal": the nearest such period, past or future
            grain = "quarter" if _QUARTER.search(text) else "month"  # "the October-December quarter"
            return _nearest_period(date, month or 3 * quarter, grain, text)
    if phrase is None:
        return None
    settings = {"RELATIVE_BASE": dt.datetime.combine(date, dt.time()), "PREFER_DATES_FROM": "future"}
    parser = DateDataParser(languages=[lang], settings=settings)
    found = parser.get_date_data(phrase)
    if found.date_obj is None:
        return None
    d = found.date_obj.date()
    if found.period == "year":  # "au troisième trimestre de l'année prochaine": the quarter of that year
        return _within_year(text, lang, d.year)
    if found.period == "month":
        return {"date": _last_day(d.year, d.month).isoformat(), "granularity": "month"}
    return {"date": d.isoformat(), "granularity": "day"}


def read_deadline(text: str, lang: str, date: dt.date | None) -> dict:
    """``{"text", "date", "granularity"}`` for a matched deadline phrase; ``date`` is None where it cannot be read
    (a relative phrase without a publication date)."""
    out = {"text": text, "date": None, "granularity": None}
    years = list(_YEAR.finditer(text))
    year = years[-1] if years else None  # "de 2026 à 2029": the last
    if year is None:
        if date is not None:
            out.update(_relative(text, lang, date) or {})
        return out
    y = int(year.group(1))
    if _BEFORE.match(text.strip()):
        return {**out, "date": dt.date(y - 1, 12, 31).isoformat(), "granularity": "year"}
    if (first := _FIRST_MONTHS.search(text)) and (n := _COUNTS.get((first.group(1) or first.group(2)).lower())):
        return {**out, "date": _last_day(y, n).isoformat(), "granularity": "month"}
    month = _month_of(text, lang)
    day = _DAY.search(text.replace(year.group(1), ""))
    if month is not None and day is not None:  # "bis zum 1. Juli 2027", "by July 1, 2027": that day
        return {**out, "date": dt.date(y, month, int(day.group(1))).isoformat(), "granularity": "day"}
    if month is not None and not _QUARTER.search(text) and not _HALF.search(text):
        return {**out, "date": _last_day(y, month).isoformat(), "granularity": "month"}
    return {**out, **_within_year(text, lang, y)}


def _within_year(text: str, lang: str, y: int) -> dict:
    """The last day of the quarter, half or year of ``y`` that ``text`` names."""
    if _QUARTER.search(text) and (q := _quarter_of(text, lang)):
        return {"date": _last_day(y, 3 * q).isoformat(), "granularity": "quarter"}
    if (half := _HALF.search(text)) is not None:
        first = any(w in half.group().lower().split() for w in _FIRST_HALF)
        return {"date": (dt.date(y, 6, 30) if first else dt.date(y, 12, 31)).isoformat(), "granularity": "half"}
    if _MID.search(text):
        return {"date": dt.date(y, 6, 30).isoformat(), "granularity": "half"}
    return {"date": dt.date(y, 12, 31).isoformat(), "granularity": "year"}


def a_year_earlier(found: dict) -> dict:
    """The deadline ``found`` (a month's end or a day) moved back one year: a month's end stays its month's last day
    (February 2025 ends on the 28th where February 2026 did too, February 2024 on the 29th)."""
    when = dt.date.fromisoformat(found["date"])
    end = _last_day(when.year - 1, when.month)
    day = end if found["granularity"] == "month" else end.replace(day=min(when.day, end.day))
    return {**found, "date": day.isoformat()}


def add_months(date: dt.date, months: float) -> dict:
    """The deadline a duration sets from the publication date ("sur quatre ans"): the end of the month reached."""
    total = date.year * 12 + date.month - 1 + round(months)
    y, m = divmod(total, 12)
    return {"date": _last_day(y, m + 1).isoformat(), "granularity": "month"}

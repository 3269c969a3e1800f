"""Human units at the edge: "1.2 GW", "$500B", "18 months", "2026-06".

Everything inside the model is a float with its unit in the name (``power_mw``, ``amount_usd``,
``construction_months``); this module is the one place where a person's units are turned into those floats.
Plain numbers are taken to be in the field's own unit already. A string is read as a number with an optional scale
and unit ("1.2 GW", "$19B", "$11.7M/MW", "19 billion USD"); pint converts the unit (letters only, at most one '/'),
never an expression, so no input makes it compute.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from gigawatt.errors import GigawattError, UnitError
from gigawatt.limits import MAX_UNIT_STRING

# Unit strings for the fields of the scenario format, keyed by a short kind name.
UNITS = {
    "usd": "USD",
    "mw": "MW",
    "w": "W",
    "months": "month",
    "hours": "hour",
    "days": "day",
    "bytes": "byte",
    "bytes_per_s": "byte/s",
    "usd_per_mw": "USD/MW",
    "usd_per_mwh": "USD/MWh",
    "t_per_mwh": "t/MWh",
    "flops": "FLOP/s",
    "mwh": "MWh",
}

_EXAMPLES = {
    "usd": "'$19B', '$500 million' or a number of US dollars",
    "mw": "'1.2 GW', '200 MW' or a number of MW",
    "w": "'1.2 kW', '700 W' or a number of W",
    "months": "'18 months', '122 days', '2 years' or a number of months",
    "hours": "'5 min', '24 h', '54 days' or a number of hours",
    "days": "'54 days', '2 weeks', '36 h' or a number of days",
    "bytes": "'65 TB', '800 GB' or a number of bytes",
    "bytes_per_s": "'2 TB/s', '400 GB/s' or a number of bytes per second",
    "usd_per_mw": "'$11.7M/MW', '$2400/kW' or a number of USD per MW",
    "usd_per_mwh": "'$57/MWh', '5.7 cents/kWh' or a number of USD per MWh",
    "t_per_mwh": "'0.37 t/MWh', '0.81 lb/kWh' or a number of tonnes CO2 per MWh",
    "flops": "'1e18 FLOP/s' or a number of FLOP/s",
    "mwh": "'1 TWh', '500 MWh' or a number of MWh",
}

_SCALE = {
    "": 1.0,
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "M": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "T": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
}

# The only forms read: [sign] [$] number [scale] [unit[/unit]]. A unit is letters only, so nothing a person writes
# can make pint evaluate an expression ("10**10**10 MW", "2*3 GW" are refused before pint sees them).
_NUMBER = r"(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_UNIT = r"[A-Za-z]+(?:\s*(?:/|\bper\b)\s*[A-Za-z]+)?"
_QUANTITY = re.compile(
    rf"(?P<sign>[-+])?\s*(?P<num>{_NUMBER})\s*(?P<scale>thousand|million|billion|trillion)?\s*(?P<unit>{_UNIT})?"
)
_MONEY_QUANTITY = re.compile(
    rf"(?P<sign>[-+])?\s*\$\s*(?P<num>{_NUMBER})\s*"
    r"(?P<scale>thousand|million|billion|trillion|mn|mm|bn|tn|[kKmMbBtT](?![A-Za-z]))?"
    r"\s*(?:(?:/|\bper\b)\s*(?P<per>[A-Za-z]+))?"
)

# Units read without pint (building its registry costs ~0.2 s at start-up); the factors are pint's own (a month is a
# twelfth of a Julian year of 365.25 days).
_SIMPLE_UNITS = {
    "usd": {"USD": 1.0, "usd": 1.0, "dollar": 1.0, "dollars": 1.0},
    "mw": {"W": 1e-6, "kW": 1e-3, "MW": 1.0, "GW": 1e3, "TW": 1e6},
    "w": {"W": 1.0, "kW": 1e3, "MW": 1e6},
    "hours": {
        "s": 1 / 3600,
        "sec": 1 / 3600,
        "min": 1 / 60,
        "minute": 1 / 60,
        "minutes": 1 / 60,
        "h": 1.0,
        "hour": 1.0,
        "hours": 1.0,
        "hr": 1.0,
        "day": 24.0,
        "days": 24.0,
        "week": 168.0,
        "weeks": 168.0,
    },
    "months": {
        "month": 1.0,
        "months": 1.0,
        "year": 12.0,
        "years": 12.0,
        "yr": 12.0,
        "day": 12.0 / 365.25,
        "days": 12.0 / 365.25,
        "week": 7 * 12.0 / 365.25,
        "weeks": 7 * 12.0 / 365.25,
    },
    "days": {},  # the "hours" table / 24, filled below
    "bytes": {"B": 1.0, "byte": 1.0, "bytes": 1.0, "kB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15},
    "bytes_per_s": {"B/s": 1.0, "kB/s": 1e3, "MB/s": 1e6, "GB/s": 1e9, "TB/s": 1e12, "PB/s": 1e15},
    "usd_per_mw": {"USD/MW": 1.0, "USD/kW": 1e3, "USD/W": 1e6},
    "usd_per_mwh": {"USD/MWh": 1.0, "USD/kWh": 1e3},
}
_SIMPLE_UNITS["days"] = {unit: hours / 24.0 for unit, hours in _SIMPLE_UNITS["hours"].items()}


def _pint_cache_folder(pint) -> str:
    """A disk cache of pint's parsed definitions for this pint installation alone. pint's own ":auto:" folder is
    shared by every environment, and its entries name the definition files of whichever installation wrote them
    first: once that environment is deleted, every other one fails to load its units (FileNotFoundError)."""
    import hashlib
    import os
    from pathlib import Path

    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    key = hashlib.sha256(f"{Path(pint.__file__).resolve().parent}|{pint.__version__}".encode()).hexdigest()[:16]
    return str(Path(home) / "gigawatt" / f"pint-{key}")


@functools.cache
def registry():
    """The pint registry, built once on first use (it costs ~0.3 s, so never at import), with its definitions cached
    on disk for this pint installation (:func:`_pint_cache_folder`); a cache that cannot be used is bypassed."""
    import pint

    try:
        ureg = pint.UnitRegistry(cache_folder=_pint_cache_folder(pint))
    except Exception:  # an unwritable or damaged cache (OSError, pickle errors, ...): build without one
        ureg = pint.UnitRegistry(cache_folder=None)
    ureg.define("USD = [currency] = usd = dollar = dollars")
    ureg.define("cent = 0.01 USD = cents")
    ureg.define("FLOP = [flop] = flop")
    ureg.define("tCO2 = tonne")
    return ureg


def _unit_factor(unit: str, kind: str, value, field: str) -> float:
    """How many of ``UNITS[kind]`` one ``unit`` is; ``unit`` is letters with at most one '/' (never an expression)."""
    fast = _SIMPLE_UNITS.get(kind, {}).get(unit)
    if fast is not None:
        return fast
    import pint

    ureg = registry()
    try:
        q = ureg.Quantity(1.0, unit)
    except (pint.errors.PintError, AttributeError, KeyError, ValueError) as exc:
        raise UnitError(f"{field}: cannot read {value!r} ({exc}); expected {_EXAMPLES[kind]}") from None
    target = ureg.Quantity(1.0, UNITS[kind])
    # pint counts bytes as dimensionless, so a size or a bandwidth must name bytes or bits itself
    is_data = any(name in str(q.units) for name in ("byte", "bit"))
    if q.dimensionality != target.dimensionality or is_data != kind.startswith("bytes"):
        raise UnitError(
            f"{field}: {_shown(value)} is {_dimension_name(q)}, not {_DIMENSION_NAMES.get(kind, UNITS[kind])}; "
            f"expected {_EXAMPLES[kind]}"
        )
    return float(q.to(UNITS[kind]).magnitude)


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:30] + f"...({len(text)} characters)"


def _finite(number: float, value, kind: str, field: str) -> float:
    if not math.isfinite(number):
        raise UnitError(f"{field}: {_shown(value)} is not a finite number; expected {_EXAMPLES[kind]}")
    return number


def parse_quantity(value, kind: str, field: str = "value") -> float:
    """Turn ``value`` into a finite float in the unit of ``kind`` (a key of :data:`UNITS`).

    A string is read as ``[sign] [$] number [scale] [unit[/unit]]``: "1.2 GW", "250 kW", "18 months", "5min",
    "3e9 USD", "19 billion USD", "$500B", "$11.7M/MW", "2 TB/s", "5.7 cents/kWh". It is never evaluated as an
    expression, and at most :data:`gigawatt.limits.MAX_UNIT_STRING` characters long.

    Parameters
    ----------
    value : float, int or str
        A plain number (already in the field's unit) or a string with units ("1.2 GW", "$500B").
    kind : str
        The field's unit kind, e.g. ``"mw"`` or ``"usd_per_mw"``.
    field : str
        The field path, used in error messages.

    Returns
    -------
    float
        The magnitude in ``UNITS[kind]``.

    Raises
    ------
    UnitError
        For anything else, NaN, infinity or a magnitude that overflows a float; the message names ``field``.
    """
    if isinstance(value, bool):
        raise UnitError(f"{field}: {value!r} is a boolean; expected {_EXAMPLES[kind]}")
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        return _finite(number, value, kind, field)
    if not isinstance(value, str):
        raise UnitError(f"{field}: {value!r} is not a quantity; expected {_EXAMPLES[kind]}")
    text = value.strip()
    if len(text) > MAX_UNIT_STRING:
        raise UnitError(
            f"{field}: {text[:24]!r}... is {len(text)} characters long; expected a number with a unit of at most "
            f"{MAX_UNIT_STRING} characters, e.g. {_EXAMPLES[kind]}"
        )
    m = (_MONEY_QUANTITY if text.lstrip("+- ").startswith("$") else _QUANTITY).fullmatch(text)
    if m is None:
        if text.lower().lstrip("+-") in ("nan", "inf", "infinity", ".nan", ".inf"):
            raise UnitError(f"{field}: {value!r} is not a finite number; expected {_EXAMPLES[kind]}")
        raise UnitError(
            f"{field}: cannot read {_shown(value)}{_why_unread(text)}; expected a number with a unit (never an "
            f"expression), e.g. {_EXAMPLES[kind]}"
        )
    number = read_number(m.group("num"), value, field, _EXAMPLES[kind]) * _SCALE[m.group("scale") or ""]
    if m.group("sign") == "-":
        number = -number
    if "per" in m.groupdict():  # money: "$19B", "$11.7M/MW"
        unit = "USD" + (f"/{m.group('per')}" if m.group("per") else "")
    else:
        unit = re.sub(r"\s*(?:/|\bper\b)\s*", "/", m.group("unit") or "")
    factor = _unit_factor(unit, kind, value, field) if unit else 1.0  # no unit: already in the field's unit
    return _finite(number * factor, value, kind, field)


# A separator inside a number means one thing only: a comma (or an underscore) groups thousands, "1,200" or
# "1,400,000". "1,2" and "12,00" are refused (a decimal comma in a European hand would be read as a thousands
# separator, 1,2 GW as 12 GW), and so are spaces, no-break spaces and apostrophes inside a number ("1 200", "1'200":
# the same hand's thousands separators) and a second decimal point ("1.200.000").
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+")
_SPACED = re.compile(r"\d+(?:[ \t\u00a0\u2007\u2009\u202f']+\d+)+")
_DOTTED = re.compile(r"\d*\.\d+\.[\d.]*|\d+\.\d*,\d+")
# "1.200 MW", "2.500 GW", "$1.500B": one to three digits, a dot and three digits ending in a zero read like a dot that
# groups thousands (German, French, Spanish hands: 1.200 = 1,200); a decimal written by an English hand rarely keeps
# a trailing zero. Refused, saying both readings; "1.275 kW" and "0.500" are read as decimals.
DOT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d\d0")


def read_number(num: str, value, field: str, expected: str) -> float:
    """A decimal number written with digits, at most one decimal point, an exponent and thousands separators that
    group thousands ("1,200", "1,400,000.5", "100_000"); anything else raises :class:`UnitError` saying why.

    Parameters
    ----------
    num : str
        The number alone, e.g. ``"1,200.5"`` (no sign, scale or unit).
    value, field, expected
        The whole value as given, its field path and what the field expects, for the message.
    """
    whole = re.split(r"[.eE]", num, maxsplit=1)[0]
    if ("," in whole or "_" in whole) and not _GROUPED.fullmatch(whole):
        sep, name = (",", "comma") if "," in whole else ("_", "underscore")
        meant = ""
        if num.count(",") == 1 and isinstance(value, str):
            meant = f"{value.strip().replace(num, num.replace(',', '.'), 1)!r} if the comma is a decimal comma, or "
        raise UnitError(
            f"{field}: {_shown(value)}: the {name} in {num!r} does not group thousands (1{sep}200 and "
            f"1{sep}400{sep}000 do{'; a decimal comma is not read' if sep == ',' else ''}); expected {meant}{expected}"
        )
    if isinstance(value, str) and DOT_GROUP.fullmatch(num):
        decimal, grouped = f"{float(num):g}", num.replace(".", "")
        raise UnitError(
            f"{field}: {_shown(value)}: {num!r} could be {decimal} (a decimal point) or {int(grouped):,} (a dot "
            f"grouping thousands, as in German or French); expected {decimal} or {grouped}, written without the "
            "ambiguity"
        )
    if "," in num[len(whole) :] or "_" in num[len(whole) :]:
        raise UnitError(
            f"{field}: {_shown(value)}: a separator after the decimal point in {num!r}; expected digits only after "
            f"it, e.g. {expected}"
        )
    try:
        return float(num.replace(",", "").replace("_", ""))
    except ValueError:
        raise UnitError(f"{field}: cannot read the number {num!r} in {_shown(value)}; expected {expected}") from None


def check_plain_number(value, field: str = "value", largest: float = math.inf):
    """``value`` unchanged where a field without a unit may read it as the number a person meant, else
    :class:`UnitError` saying why: a boolean (YAML's ``true`` is not 1), a dot that may group thousands ('1.200':
    1.2, or 1,200 in a German hand; a quantity field refuses it the same way, :data:`DOT_GROUP`) where the field
    takes numbers up to ``largest`` or more (a PUE of at most 3 reads '1.200' as 1.2: 1,200 is no PUE), and an
    underscore that does not group thousands ('1_0_0'). Other text is left to the field's own number parsing (which
    refuses commas, spaces and times with :func:`number_hint`)."""
    if isinstance(value, bool):
        raise UnitError(f"{field}: {value!r} is a boolean; expected a number")
    if not isinstance(value, str):
        return value
    num = value.strip().lstrip("+-")
    grouped = DOT_GROUP.fullmatch(num) is not None and int(num.replace(".", "")) <= largest
    if grouped or ("_" in num and re.fullmatch(r"[\d_]+(?:\.\d*)?(?:[eE][-+]?\d+)?", num)):
        read_number(num, value, field, "a plain number")
    return value


_CLOCK = re.compile(r"\d+(?::\d+)+")
_COMMA = re.compile(r"\d+(?:,\d+)+(?:\.\d*)?")


def number_hint(text: str) -> str:
    """Why ``text`` is not read as a plain number, and what to write, where a person wrote one in another hand: a
    decimal comma ("1,5"), a time ("1:30", which YAML 1.1 read as 90), a space, an apostrophe or a second point
    inside a number. Returns ``" (why); expected ..."`` or "" for anything else."""
    text = text.strip()
    if _COMMA.fullmatch(text):
        if _GROUPED.fullmatch(text.split(".")[0]):
            return f" (a field without a unit takes digits only); expected {text.replace(',', '')!r}"
        return f" (a decimal comma is not read); expected {text.replace(',', '.', 1)!r} if that is what it means"
    if _CLOCK.fullmatch(text):
        return (
            " (it looks like a time: hours:minutes and minutes:seconds are not read; YAML 1.1 read 1:30 as 90); "
            "expected one number in the field's unit, e.g. 1.5"
        )
    why = _why_unread(text)
    return f" ({why.removeprefix(': ')}); expected a plain number" if why else ""


def _why_unread(text: str) -> str:
    """Why a quantity did not parse, where the cause is a separator a person used inside a number."""
    if _CLOCK.search(text):
        return (
            f": {_CLOCK.search(text).group(0)!r} looks like a time (hours:minutes or minutes:seconds is not read; "
            "YAML 1.1 read 1:30 as 90); write it in one unit, e.g. '1.5 h' or '90 min'"
        )
    spaced = _SPACED.search(text)
    if spaced:
        return (
            f": {spaced.group(0)!r} has a space or an apostrophe inside a number (a thousands separator in some "
            "hands; write '1200', or '1,200 MW' in a number with a unit)"
        )
    dotted = _DOTTED.search(text)
    if dotted:
        return (
            f": {dotted.group(0)!r} has more than one decimal separator (a dot that groups thousands, or a decimal "
            "comma, is not read; write 1200000 or 1,200,000, and 1200.5 or 1,200.5)"
        )
    return ""


_DIMENSION_NAMES = {
    "usd": "money",
    "mw": "a power",
    "months": "a duration",
    "usd_per_mw": "money per power",
    "usd_per_mwh": "money per energy",
    "t_per_mwh": "mass per energy",
    "mwh": "an energy",
    "flops": "a compute rate",
    "w": "a power",
    "hours": "a duration",
    "days": "a duration",
    "bytes": "a size in bytes",
    "bytes_per_s": "a bandwidth",
    "": "a plain number",
}


def _dimension_name(q) -> str:
    if any(name in str(q.units) for name in ("byte", "bit")):
        return "a bandwidth" if "/ second" in str(q.units) else "a size in bytes"
    ureg = registry()
    for kind, name in _DIMENSION_NAMES.items():
        if not kind.startswith("bytes") and q.dimensionality == ureg.Quantity(1, UNITS.get(kind, "")).dimensionality:
            return name
    return f"a quantity of dimension {q.dimensionality}"


def parse_month(value, field: str = "date") -> dt.date:
    """Read a month ("2026-06", "2026-06-15", a YAML date, "June 2026") as the first day of that month."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.replace(day=1)
    if isinstance(value, str):
        text = value.strip()
        for fmt in ("%Y-%m", "%Y-%m-%d", "%B %Y", "%b %Y", "%Y/%m"):
            try:
                return dt.datetime.strptime(text, fmt).date().replace(day=1)
            except ValueError:
                continue
    raise GigawattError(f"{field}: {value!r} is not a month; expected a month like '2026-06'")


def month_index(month: dt.date, start: dt.date) -> int:
    """Whole months from ``start`` to ``month`` (negative if before)."""
    return (month.year - start.year) * 12 + (month.month - start.month)


def add_months(start: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``start``."""
    total = start.year * 12 + (start.month - 1) + int(months)
    return dt.date(total // 12, total % 12 + 1, 1)


def format_usd(amount: float) -> str:
    """'$1.23B' style text for tables."""
    sign = "-" if amount < 0 else ""
    a = abs(amount)
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= scale:
            return f"{sign}${a / scale:,.2f}{suffix}"
    return f"{sign}${a:,.0f}"

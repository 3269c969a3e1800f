"""Human units at the edge: "1.2 GW", "$500B", "18 months", "2026-06".

Everything inside the model is a float with its unit in the name (``power_mw``, ``amount_usd``,
``construction_months``); this module is the one place where a person's units are turned into those floats.
Plain numbers are taken to be in the field's own unit already. Strings are parsed with pint, after money shorthand
("$19B", "$11.7M/MW", "19 billion USD") has been rewritten into a pint expression.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from gigawatt.errors import GigawattError

# Unit strings for the fields of the scenario format, keyed by a short kind name.
UNITS = {
    "usd": "USD",
    "mw": "MW",
    "w": "W",
    "months": "month",
    "hours": "hour",
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
_MONEY = re.compile(
    r"(?<![\w.])\$\s*(?P<num>\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*"
    r"(?P<scale>thousand|million|billion|trillion|mn|mm|bn|tn|[kKmMbBtT])?(?![A-Za-z])"
)
_WORD_SCALE = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(?P<scale>thousand|million|billion|trillion)\b"
)


# Plain "<number> <unit>" strings for the commonest units are read without pint (building its registry costs
# ~0.2 s at start-up); the factors are pint's own (a month is a twelfth of a Julian year of 365.25 days).
_SIMPLE_UNITS = {
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
}
_SIMPLE = re.compile(r"^(?P<num>[-+]?\d[\d,_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(?P<unit>[A-Za-z]+)$")
_SIMPLE_MONEY = re.compile(
    r"^\$\s*(?P<num>\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(?P<scale>thousand|million|billion|trillion|mn|mm|bn|tn|[kKmMbBtT])?$"
)


def _simple(text: str, kind: str) -> float | None:
    """The value of a plain quantity string, or None to leave it to pint."""
    if kind == "usd":
        m = _SIMPLE_MONEY.match(text)
        return float(m.group("num").replace(",", "")) * _SCALE[m.group("scale") or ""] if m else None
    m = _SIMPLE.match(text)
    if m and m.group("unit") in _SIMPLE_UNITS.get(kind, {}):
        return float(m.group("num").replace(",", "").replace("_", "")) * _SIMPLE_UNITS[kind][m.group("unit")]
    return None


@functools.cache
def registry():
    """The pint registry, built once on first use (it costs ~0.3 s, so never at import)."""
    import pint

    ureg = pint.UnitRegistry(cache_folder=":auto:")
    ureg.define("USD = [currency] = usd = dollar = dollars")
    ureg.define("cent = 0.01 USD = cents")
    ureg.define("FLOP = [flop] = flop")
    ureg.define("tCO2 = tonne")
    return ureg


def _rewrite_money(text: str) -> str:
    def money(m: re.Match) -> str:
        value = float(m.group("num").replace(",", "")) * _SCALE[m.group("scale") or ""]
        return f"({value!r} USD)"

    def words(m: re.Match) -> str:
        return repr(float(m.group("num").replace(",", "")) * _SCALE[m.group("scale")])

    text = _MONEY.sub(money, text)
    return _WORD_SCALE.sub(words, text)


def parse_quantity(value, kind: str, field: str = "value") -> float:
    """Turn ``value`` into a float in the unit of ``kind`` (a key of :data:`UNITS`).

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
    """
    if isinstance(value, bool):
        raise GigawattError(f"{field}: {value!r} is a boolean; expected {_EXAMPLES[kind]}")
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str):
        raise GigawattError(f"{field}: {value!r} is not a quantity; expected {_EXAMPLES[kind]}")
    text = value.strip()
    try:
        return float(text.replace(",", "").replace("_", ""))
    except ValueError:
        pass
    fast = _simple(text, kind)
    if fast is not None:
        return fast
    import pint

    ureg = registry()
    try:
        q = ureg.Quantity(_rewrite_money(text))
    except (pint.errors.PintError, SyntaxError, ValueError, TypeError, AttributeError, KeyError) as exc:
        raise GigawattError(f"{field}: cannot read {value!r} ({exc}); expected {_EXAMPLES[kind]}") from None
    target = ureg.Quantity(1, UNITS[kind])
    if q.dimensionless and not target.dimensionless:
        return float(q.to("dimensionless").magnitude)
    if q.dimensionality != target.dimensionality:
        raise GigawattError(
            f"{field}: {value!r} is {_dimension_name(q)}, not {_dimension_name(target)}; expected {_EXAMPLES[kind]}"
        )
    return float(q.to(UNITS[kind]).magnitude)


_DIMENSION_NAMES = {
    "usd": "money",
    "mw": "a power",
    "months": "a duration",
    "usd_per_mw": "money per power",
    "usd_per_mwh": "money per energy",
    "t_per_mwh": "mass per energy",
    "mwh": "an energy",
    "flops": "a compute rate",
}


def _dimension_name(q) -> str:
    ureg = registry()
    for kind, name in _DIMENSION_NAMES.items():
        if q.dimensionality == ureg.Quantity(1, UNITS[kind]).dimensionality:
            return name
    if q.dimensionless:
        return "a plain number"
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

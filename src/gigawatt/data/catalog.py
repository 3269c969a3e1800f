"""Sourced default data: the accelerator catalog and the facility/operations defaults.

Both live as CSV files in ``gigawatt/data`` with one row per number and the columns ``status``, ``date``,
``facts_id`` (ids of ``gigawatt/data/facts.csv``), ``source`` and ``derivation``, so that every default can be traced.

The rule for "sourced" (tests/test_assumptions.py checks it for every number of the CSVs and built-in scenarios):
a number is sourced when its ``facts_id`` names rows of facts.csv, or its ``source`` names a publication; otherwise
its ``status`` must declare it an assumption (the word "assumption") or a convention (starts with "convention"), and
its ``derivation`` (``note`` in a scenario) must give the reason. :func:`declares_assumption` reads the status.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
from importlib import resources

from gigawatt.data.facts import facts, split_ids
from gigawatt.errors import GigawattError, UnknownNameError
from gigawatt.units import parse_month

H100_BF16_DENSE_TFLOPS = 989.0  # the H100-equivalent yardstick (facts.csv HW02)

PRICE_BASIS = (
    "price_usd: all-in per accelerator: its share of the server or rack, of the scale-out network and of storage "
    "(not of the building: facility capex is per MW)"
)

NUMERIC_FIELDS = {
    "tdp_w": "W",
    "it_power_w": "W",
    "bf16_dense_tflops": "TFLOP/s",
    "fp8_dense_tflops": "TFLOP/s",
    "memory_gb": "GB",
    "price_usd": "USD",
}


@dataclasses.dataclass(frozen=True)
class Provenance:
    """Where one number comes from."""

    status: str
    source: str = ""
    facts_id: str = ""
    date: str = ""
    derivation: str = ""

    def as_dict(self) -> dict:
        return {k: v for k, v in dataclasses.asdict(self).items() if v}

    def ids(self) -> tuple[str, ...]:
        """The facts.csv ids of ``facts_id`` ("HW07; EC16" -> ("HW07", "EC16"))."""
        return split_ids(self.facts_id)


@dataclasses.dataclass(frozen=True)
class Accelerator:
    """One accelerator type. Missing (unpublished) numbers are ``None``."""

    name: str
    full_name: str
    vendor: str
    first_volume: dt.date
    tdp_w: float | None
    it_power_w: float | None
    bf16_dense_tflops: float | None
    fp8_dense_tflops: float | None
    memory_gb: float | None
    price_usd: float | None
    price_low_usd: float | None = None
    price_high_usd: float | None = None
    provenance: dict[str, Provenance] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    @property
    def h100e(self) -> float:
        """H100-equivalents per accelerator: dense BF16 relative to the H100's 989 TFLOP/s."""
        return (self.bf16_dense_tflops or 0.0) / H100_BF16_DENSE_TFLOPS

    def require(self, field: str, where: str = "", hint: str | None = None) -> float:
        """The value of ``field``, or an error telling the user how to supply it."""
        value = getattr(self, field)
        if value is None:
            prov = self.provenance.get(field)
            why = f" ({prov.derivation})" if prov and prov.derivation else ""
            at = f"{where}: " if where else ""
            hint = hint or f"accelerator_overrides.{self.name}.{field} in the scenario"
            raise GigawattError(f"{at}accelerator {self.name!r} has no published {field}{why}; give one with {hint}")
        return float(value)


def declares_assumption(status: str) -> bool:
    """Whether a status declares the number an assumption or a convention rather than a sourced figure."""
    text = status.strip().lower()
    return "assumption" in text or text.startswith("convention")


@functools.cache
def fact_ids() -> frozenset[str]:
    """The ids of gigawatt/data/facts.csv."""
    return frozenset(facts())


def _read_csv(name: str) -> list[dict]:
    with resources.files("gigawatt.data").joinpath(name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _num(text: str) -> float | None:
    return float(text) if text not in ("", None) else None


@functools.cache
def catalog() -> dict[str, Accelerator]:
    """The built-in accelerator catalog, keyed by short name (``h100``, ``gb200``, ...)."""
    rows: dict[str, dict] = {}
    for row in _read_csv("accelerators.csv"):
        entry = rows.setdefault(row["accelerator"], {"provenance": {}})
        field = row["field"]
        entry["provenance"][field] = Provenance(
            status=row["status"],
            source=row["source"],
            facts_id=row["facts_id"],
            date=row["date"],
            derivation=row["derivation"],
        )
        if field in NUMERIC_FIELDS:
            entry[field] = _num(row["value"])
            if field == "price_usd":
                entry["price_low_usd"] = _num(row["low"])
                entry["price_high_usd"] = _num(row["high"])
        elif field == "first_volume":
            entry[field] = parse_month(row["value"], f"accelerators.csv {row['accelerator']}.first_volume")
        else:
            entry[field] = row["value"]
    return {name: Accelerator(name=name, **fields) for name, fields in rows.items()}


def get_accelerator(name: str, where: str | None = None) -> Accelerator:
    """Look up an accelerator by name; an unknown name raises an error listing the valid ones."""
    cat = catalog()
    key = name.strip().lower()
    if key not in cat:
        raise UnknownNameError("accelerator", name, list(cat), where)
    return cat[key]


@dataclasses.dataclass(frozen=True)
class Default:
    """A sourced default parameter."""

    parameter: str
    value: float
    low: float | None
    high: float | None
    unit: str
    provenance: Provenance


@functools.cache
def defaults() -> dict[str, Default]:
    """Facility, power, operations and financing defaults, keyed by parameter path."""
    out = {}
    for row in _read_csv("defaults.csv"):
        out[row["parameter"]] = Default(
            parameter=row["parameter"],
            value=float(row["value"]),
            low=_num(row["low"]),
            high=_num(row["high"]),
            unit=row["unit"],
            provenance=Provenance(
                status=row["status"],
                source=row["source"],
                facts_id=row["facts_id"],
                date=row["date"],
                derivation=row["derivation"],
            ),
        )
    return out


def default(parameter: str) -> float:
    """The value of one default parameter."""
    return defaults()[parameter].value

"""Capex against observed deals: a reported dollar figure next to the model's capex for the same scale and scope.

The deals are data (``gigawatt/data/observed_capex.csv``): chip orders for a named campus, project financings of a
site's buildings, a developer's cost of a hall, an analyst's cost of a rack and executives' cost of a gigawatt. Each
row says what its figure covers (``covers``, in words) and which part of the model's capex it is compared with
(``capex_basis``), so like is compared with like (docs/validation.md, "Capex on observed deals"):

    it         capex_it_usd        accelerators all-in (servers, NVLink, scale-out network, storage): a chip order
    facility   capex_facility_usd  buildings, power and cooling per MW of IT load: a project financing, a hall's cost
    total      capex_total_usd     both: a cost per gigawatt, a rack all-in

    error_pct = (modelled - reported) / reported * 100

The scale is the reported accelerator count or the reported power; power reported as IT load is converted at PUE 1
with no design-day ratio or headroom, facility power at the model's design-day PUE (as for the observed sites). A row
that misses by more than ``REASON_PCT`` carries its written reason (``reason``), shown beside it.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
from importlib import resources

from gigawatt.data.catalog import get_accelerator
from gigawatt.engine.estimate import estimate
from gigawatt.errors import GigawattError

CAPEX_FILE = "observed_capex.csv"
CAPEX_BASES = {"it": "capex_it_usd", "facility": "capex_facility_usd", "total": "capex_total_usd"}
POWER_BASES = ("it", "facility")
REASON_PCT = 50.0  # a row missed by more than this needs a written reason (issue 17)
_COMPARED = {
    "it": "model's accelerators all-in (capex_it_usd)",
    "facility": "model's facility cost (capex_facility_usd)",
    "total": "model's capex, accelerators and facility (capex_total_usd)",
}
# an IT-basis power is compared at PUE 1 with neither the design-day ratio nor headroom (both are facility-side)
IT_SIZING = {"design_pue_ratio": 1.0, "sizing_headroom": 0.0}


@dataclasses.dataclass(frozen=True)
class ObservedCapex:
    """One reported dollar figure: its scale (a count or a power), what it covers and where it comes from."""

    id: str
    deal: str
    operator: str
    date: str
    accelerator: str
    accelerators_reported: float | None
    power_mw_reported: float | None
    power_basis: str
    capex_usd_reported: float
    covers: str
    capex_basis: str
    facts_id: tuple[str, ...]
    source: str
    address: str
    status: str
    reason: str
    note: str


def positive_number(row: dict, field: str, where: str) -> float | None:
    """A CSV cell as a positive number, None where empty; a clear error naming the file, row and field otherwise."""
    text = (row.get(field) or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise GigawattError(f"{where}: {field} {text!r} is not a number") from None
    if not value > 0:
        raise GigawattError(f"{where}: {field} {text!r}; expected a positive number")
    return value


def _deal(row: dict) -> ObservedCapex:
    where = f"{CAPEX_FILE} {row.get('id')!r}"
    count = positive_number(row, "accelerators_reported", where)
    power = positive_number(row, "power_mw_reported", where)
    if (count is None) == (power is None):
        raise GigawattError(f"{where}: give one of accelerators_reported or power_mw_reported (the scale compared)")
    basis = (row.get("power_basis") or "").strip()
    if power is not None and basis not in POWER_BASES:
        raise GigawattError(f"{where}: power_basis {basis!r}; expected one of {', '.join(POWER_BASES)}")
    capex_basis = (row.get("capex_basis") or "").strip()
    if capex_basis not in CAPEX_BASES:
        raise GigawattError(f"{where}: capex_basis {capex_basis!r}; expected one of {', '.join(CAPEX_BASES)}")
    capex = positive_number(row, "capex_usd_reported", where)
    if capex is None:
        raise GigawattError(f"{where}: capex_usd_reported is empty; expected the reported dollar figure")
    if not (row.get("covers") or "").strip():
        raise GigawattError(f"{where}: covers is empty; expected what the figure covers, in words")
    get_accelerator(row["accelerator"], f"{where} accelerator")
    return ObservedCapex(
        id=row["id"].strip(),
        deal=row["deal"].strip(),
        operator=row["operator"].strip(),
        date=row["date"].strip(),
        accelerator=row["accelerator"].strip(),
        accelerators_reported=count,
        power_mw_reported=power,
        power_basis=basis,
        capex_usd_reported=capex,
        covers=row["covers"].strip(),
        capex_basis=capex_basis,
        facts_id=tuple(i.strip() for i in row["facts_id"].split(";") if i.strip()),
        source=row["source"].strip(),
        address=row["address"].strip(),
        status=row["status"].strip(),
        reason=row["reason"].strip(),
        note=row["note"].strip(),
    )


@functools.cache
def observed_capex() -> tuple[ObservedCapex, ...]:
    """The capex validation set shipped with gigawatt, in file order."""
    with resources.files("gigawatt.data").joinpath(CAPEX_FILE).open(newline="", encoding="utf-8") as fh:
        return tuple(_deal(row) for row in csv.DictReader(fh))


def modelled_capex(deal: ObservedCapex, capex_per_mw_usd: float | None = None) -> float | None:
    """The model's capex for ``deal``'s scale on its capex basis (None where the accelerator has no price and the
    basis needs one), with the facility cost per MW of IT ``capex_per_mw_usd`` (default: data/defaults.csv)."""
    acc = get_accelerator(deal.accelerator)
    if deal.capex_basis != "facility" and acc.price_usd is None:
        return None
    if deal.accelerators_reported is not None:
        out = estimate(acc, accelerators=deal.accelerators_reported, capex_per_mw_usd=capex_per_mw_usd)
    elif deal.power_basis == "it":
        out = estimate(
            acc, power_mw=deal.power_mw_reported, pue=1.0, sizing=IT_SIZING, capex_per_mw_usd=capex_per_mw_usd
        )
    else:
        out = estimate(acc, power_mw=deal.power_mw_reported, capex_per_mw_usd=capex_per_mw_usd)
    return out[CAPEX_BASES[deal.capex_basis]]


def _scale(deal: ObservedCapex) -> str:
    if deal.accelerators_reported is not None:
        return f"{deal.accelerators_reported:,.0f} {deal.accelerator}"
    words = "IT power, at PUE 1" if deal.power_basis == "it" else "facility power, at the model's design-day PUE"
    return f"{deal.power_mw_reported:,.0f} MW of {words} ({deal.accelerator})"


def compare_deal(deal: ObservedCapex, capex_per_mw_usd: float | None = None) -> dict:
    """Reported vs modelled capex for one deal, as a row of ``gigawatt validate`` (quantity ``capex``)."""
    modelled = modelled_capex(deal, capex_per_mw_usd)
    error = None if modelled is None else (modelled - deal.capex_usd_reported) / deal.capex_usd_reported * 100.0
    return {
        "id": deal.id,
        "site": deal.deal,
        "quantity": "capex",
        "unit": "USD",
        "reported": deal.capex_usd_reported,
        "modelled": modelled,
        "error_pct": error,
        "basis": f"{_COMPARED[deal.capex_basis]} for {_scale(deal)}",
        "covers": deal.covers,
        "capex_basis": deal.capex_basis,
        "power_basis": deal.power_basis,
        "accelerator": deal.accelerator,
        "date": deal.date,
        "status": deal.status,
        "facts_id": ";".join(deal.facts_id),
        "source": deal.source,
        "address": deal.address,
        "note": "" if modelled is not None else f"not modelled: {deal.accelerator!r} has no published price_usd",
        "reason": deal.reason,
        "calibration": False,
        "site_note": deal.note,
    }


def compare_deals(capex_per_mw_usd: float | None = None) -> list[dict]:
    """Every shipped deal compared (one row each), with the facility cost per MW ``capex_per_mw_usd`` if given."""
    return [compare_deal(d, capex_per_mw_usd) for d in observed_capex()]

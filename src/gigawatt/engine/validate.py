"""The estimator against observed AI sites: reported figures next to what gigawatt's conversions give.

The sites are data (``gigawatt/data/observed_sites.csv``): each row is one phase of a real site or cluster with its
accelerator count and power reported for the same phase and date, the basis of that power, capex where reported,
and the facts.csv ids, source, address and status behind it. For each site and quantity:

    accelerators_from_power   estimate(power_mw = P) .accelerators          vs the reported count
    power_from_accelerators   estimate(accelerators = n) .it_power_mw       (IT basis) or .facility_power_mw
    capex                     estimate(...) .capex_it_usd / .capex_facility_usd / .capex_total_usd (by capex basis)

    error_pct = (modelled - reported) / reported * 100

Like is compared with like: a power reported as IT load is converted at PUE 1 with no design-day ratio or headroom
(``estimate(..., pue=1, sizing={"design_pue_ratio": 1, "sizing_headroom": 0})``: no cooling overhead is added or
removed, the non-accelerator IT share stays, it is IT load); facility power is sized at the model's design-day PUE; a
whole-campus, grid or turbine figure is compared against the facility draw reported for the same campus where its
source gives one (``facility_mw_reported``), else as facility power, and the row says which. A site whose
accelerator the model cannot size keeps its row with ``modelled = None`` and the reason.

This module is core: it reads data and calls :func:`gigawatt.engine.estimate`; the command line and the chart live in
:mod:`gigawatt.cli.validate` and :mod:`gigawatt.report.charts`.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import statistics
from importlib import resources

from gigawatt.data.catalog import get_accelerator
from gigawatt.engine.estimate import estimate
from gigawatt.engine.observed_capex import IT_SIZING, compare_deals, positive_number
from gigawatt.errors import GigawattError

SITES_FILE = "observed_sites.csv"
POWER_BASES = ("it", "facility", "campus_grid")
CAPEX_BASES = ("it", "facility", "total")
QUANTITIES = {  # quantity: unit of reported and modelled
    "accelerators_from_power": "accelerators",
    "power_from_accelerators": "MW",
    "capex": "USD",
}
_CAPEX_KEY = {"it": "capex_it_usd", "facility": "capex_facility_usd", "total": "capex_total_usd"}
_COVERS = {  # what an observed site's capex figure covers, by its capex_basis
    "it": "the accelerators (chip order)",
    "facility": "the buildings, power and cooling (no chips)",
    "total": "accelerators and buildings",
}
_BASIS_WORDS = {
    "it": "IT power, at PUE 1",
    "facility": "facility power, at the model's design-day PUE",
    "campus_grid": "campus/grid power, taken as facility (no facility draw reported)",
}


@dataclasses.dataclass(frozen=True)
class ObservedSite:
    """One phase of a real site: what was reported, on which basis, and where it comes from."""

    id: str
    site: str
    operator: str
    phase: str
    date: str
    accelerator: str
    accelerators_reported: float | None
    power_mw_reported: float | None
    power_basis: str
    capex_usd_reported: float | None
    capex_basis: str
    build_months_reported: float | None
    facility_mw_reported: float | None
    facts_id: tuple[str, ...]
    source: str
    address: str
    status: str
    note: str


def _number(row: dict, field: str) -> float | None:
    return positive_number(row, field, f"{SITES_FILE} {row.get('id')!r}")


def _site(row: dict) -> ObservedSite:
    where = f"{SITES_FILE} {row.get('id')!r}"
    basis = row["power_basis"].strip()
    if basis not in POWER_BASES:
        raise GigawattError(f"{where}: power_basis {basis!r}; expected one of {', '.join(POWER_BASES)}")
    capex = _number(row, "capex_usd_reported")
    capex_basis = row["capex_basis"].strip()
    if (capex is None) != (not capex_basis) or (capex_basis and capex_basis not in CAPEX_BASES):
        raise GigawattError(f"{where}: capex_basis {capex_basis!r}; expected one of {', '.join(CAPEX_BASES)}")
    return ObservedSite(
        id=row["id"].strip(),
        site=row["site"].strip(),
        operator=row["operator"].strip(),
        phase=row["phase"].strip(),
        date=row["date"].strip(),
        accelerator=row["accelerator"].strip(),
        accelerators_reported=_number(row, "accelerators_reported"),
        power_mw_reported=_number(row, "power_mw_reported"),
        power_basis=basis,
        capex_usd_reported=capex,
        capex_basis=capex_basis,
        build_months_reported=_number(row, "build_months_reported"),
        facility_mw_reported=_facility(row, basis, where),
        facts_id=tuple(i.strip() for i in row["facts_id"].split(";") if i.strip()),
        source=row["source"].strip(),
        address=row["address"].strip(),
        status=row["status"].strip(),
        note=row["note"].strip(),
    )


def _facility(row: dict, basis: str, where: str) -> float | None:
    """The facility draw a campus/grid row's source reports beside the campus figure (none for other bases)."""
    value = _number(row, "facility_mw_reported")
    if value is not None and basis != "campus_grid":
        raise GigawattError(f"{where}: facility_mw_reported {value:g} with power_basis {basis!r}; expected campus_grid")
    return value


@functools.cache
def observed_sites() -> tuple[ObservedSite, ...]:
    """The validation set shipped with gigawatt, in file order."""
    with resources.files("gigawatt.data").joinpath(SITES_FILE).open(newline="", encoding="utf-8") as fh:
        return tuple(_site(row) for row in csv.DictReader(fh))


def _error_pct(modelled: float | None, reported: float) -> float | None:
    return None if modelled is None else (modelled - reported) / reported * 100.0


def _sized(site: ObservedSite, quantity: str, sizing: dict, **given) -> tuple[float | None, str]:
    """The model's value of ``quantity`` for ``site`` from ``given`` (one estimate() input) with the sizing factors
    ``sizing`` over the defaults, or None and why."""
    acc = get_accelerator(site.accelerator, f"{SITES_FILE} {site.id!r}")
    if quantity == "capex" and acc.price_usd is None:
        return None, f"not modelled: accelerator {acc.name!r} has no published price_usd"
    pue, sizing = (1.0, {**sizing, **IT_SIZING}) if site.power_basis == "it" else (None, sizing)
    try:
        out = estimate(acc, pue=pue, sizing=sizing, **given)
    except GigawattError as exc:
        return None, f"not modelled: {str(exc).removeprefix('--accelerator: ').split('; give one')[0]}"
    if quantity == "accelerators_from_power":
        return float(out["accelerators"]), ""
    if quantity == "power_from_accelerators":
        return out["it_power_mw" if site.power_basis == "it" else "facility_power_mw"], ""
    return out[_CAPEX_KEY[site.capex_basis]], ""


def calibrates(site: ObservedSite) -> bool:
    """Whether the site is where its accelerator's all-in IT power comes from (their facts ids overlap): its power
    conversions then check the derivation, not the model, and stay out of the summary."""
    return bool(_power_ids(get_accelerator(site.accelerator, f"{SITES_FILE} {site.id!r}")) & set(site.facts_id))


def _power_ids(acc) -> set[str]:
    """The facts ids behind an accelerator's all-in IT power (none where the catalog gives no source)."""
    prov = acc.provenance.get("it_power_w")
    return set(prov.ids()) if prov else set()


def compare_site(site: ObservedSite, sizing: dict | None = None, capex_per_mw_usd: float | None = None) -> list[dict]:
    """Reported vs modelled for every quantity the site reports (one dict per quantity), with the sizing factors
    ``sizing`` (see :data:`gigawatt.engine.estimate.SIZING`) and the facility cost per MW of IT ``capex_per_mw_usd``
    over the defaults."""
    rows = []

    def add(quantity: str, reported: float, basis: str, given: dict) -> None:
        if quantity == "capex" and capex_per_mw_usd is not None:
            given = {**given, "capex_per_mw_usd": capex_per_mw_usd}
        modelled, note = _sized(site, quantity, sizing or {}, **given)
        calibration = quantity != "capex" and calibrates(site)
        if calibration:
            ids = get_accelerator(site.accelerator).provenance["it_power_w"].facts_id  # overlaps the site's
            note = (
                f"calibration point: {site.accelerator}'s it_power_w is derived from this site ({ids}): shown, not "
                "summarized"
            )
        rows.append(
            {
                "id": site.id,
                "site": site.site,
                "quantity": quantity,
                "unit": QUANTITIES[quantity],
                "reported": reported,
                "modelled": modelled,
                "error_pct": _error_pct(modelled, reported),
                "basis": basis,
                "power_basis": site.power_basis,
                "accelerator": site.accelerator,
                "date": site.date,
                "status": site.status,
                "facts_id": ";".join(site.facts_id),
                "source": site.source,
                "address": site.address,
                "note": note,
                "calibration": calibration,
                "site_note": site.note,
                **({"covers": _COVERS[site.capex_basis], "reason": ""} if quantity == "capex" else {}),
            }
        )

    n, power = site.accelerators_reported, site.power_mw_reported
    words = _BASIS_WORDS[site.power_basis]
    if site.facility_mw_reported is not None:  # like with like: the campus's own facility draw, not its nameplate
        power = site.facility_mw_reported
        words = (
            f"facility draw reported for the campus ({power:g} of {site.power_mw_reported:g} MW), at the model's PUE"
        )
    if power is not None and n is not None:
        add("accelerators_from_power", n, words, {"power_mw": power})
        add("power_from_accelerators", power, words, {"accelerators": n})
    if site.capex_usd_reported is not None:
        if site.capex_basis == "facility":
            if power is not None:
                add("capex", site.capex_usd_reported, f"facility capex from {words}", {"power_mw": power})
        elif n is not None:
            basis = "accelerators only (IT capex)" if site.capex_basis == "it" else "facility + IT capex"
            add("capex", site.capex_usd_reported, basis, {"accelerators": n})
    return rows


def summarize(rows: list[dict]) -> dict:
    """Median and worst absolute error over the modelled rows, in all and per quantity (calibration points left
    out: see :func:`calibrates`); the rows not modelled; the calibration points."""

    def stats(subset: list[dict]) -> dict:
        done = [r for r in subset if r["error_pct"] is not None and not r.get("calibration")]
        worst = max(done, key=lambda r: abs(r["error_pct"]), default=None)
        return {
            "median_abs_error_pct": statistics.median(abs(r["error_pct"]) for r in done) if done else None,
            "worst_abs_error_pct": abs(worst["error_pct"]) if worst else None,
            "worst_site": worst["id"] if worst else None,
            "compared": len(done),
            "not_modelled": sorted({r["id"] for r in subset if r["error_pct"] is None}),
        }

    return {
        **stats(rows),
        "by_quantity": {q: stats([r for r in rows if r["quantity"] == q]) for q in QUANTITIES},
        "calibration_points": sorted({r["id"] for r in rows if r.get("calibration")}),
    }


def validate(
    sites: tuple[ObservedSite, ...] | list[ObservedSite] | None = None,
    sizing: dict | None = None,
    milestones: bool = True,
    capex_per_mw_usd: float | None = None,
) -> dict:
    """``{"sites": [one dict per site and quantity], "summary": {...}}`` for the shipped set (or ``sites``), with the
    sizing factors ``sizing`` over the defaults (how docs/validation.md's calibration table is made); with
    ``milestones``, also ``"milestones"`` (one dict per observed milestone of a built-in scenario's site: modelled
    against observed online month) and ``"milestones_summary"`` (median and worst error in months), see
    :func:`gigawatt.engine.milestones.compare_milestones`. The capex rows of the observed deals
    (:mod:`gigawatt.engine.observed_capex`) follow the sites' rows (with the shipped set only), at the facility cost
    per MW of IT ``capex_per_mw_usd`` where given (how docs/validation.md's before table is made)."""
    rows = [
        row
        for site in (observed_sites() if sites is None else sites)
        for row in compare_site(site, sizing, capex_per_mw_usd)
    ]
    if sites is None:
        rows += compare_deals(capex_per_mw_usd)
    result = {"sites": rows, "summary": summarize(rows)}
    if milestones:
        from gigawatt.engine.milestones import compare_milestones

        result["milestones"], result["milestones_summary"] = compare_milestones()
    return result

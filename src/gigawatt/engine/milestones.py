"""The built-in scenarios' online dates against the sites' publicly observed milestones.

The milestones are data (``gigawatt/data/milestones.csv``): each row says that a site of a built-in scenario reached
``mw`` of facility power in ``observed_month``, with the facts.csv ids, source, address, date and status behind it
(an operator's statement, a satellite-based tracker's estimate, a claim, or an operator's target: the status says
which). For each row the scenario is run deterministically (:func:`gigawatt.engine.result.simulate`) and

    modelled_month  the first month in which the phases of that site that are online add up to >= mw
                    (the phases table's ``online`` month and ``power_mw``; None if never within the horizon)
    error_months    modelled_month - observed_month, in whole months (positive: the model is late)

:func:`compare_milestones` returns one row per milestone and a summary (median and worst absolute error). The
built-in scenarios are built from these same sources (their phases follow the milestones), so the comparison is a
consistency check that the scenarios still say what the sources say, not a test of the model's foresight.

This module is core (no printing); the command line lives in :mod:`gigawatt.cli.validate`.
"""

from __future__ import annotations

import csv
import dataclasses
import statistics
from importlib import resources

from gigawatt.errors import GigawattError
from gigawatt.units import month_index, parse_month

MILESTONES_FILE = "milestones.csv"
MW_TOLERANCE = 1e-6  # MW: a site "reaches" a milestone when its online power is within this of it (the sum of a
#                      ramp's building shares can fall short of the whole by float rounding)


@dataclasses.dataclass(frozen=True)
class Milestone:
    """One observed (or announced) milestone of one site of a built-in scenario."""

    id: str
    scenario: str
    site: str
    mw: float
    observed_month: str  # YYYY-MM
    milestone: str = ""  # what was observed, in words
    facts_id: str = ""
    source: str = ""
    address: str = ""
    date: str = ""
    status: str = ""
    note: str = ""


def load_milestones(text: str | None = None) -> list[Milestone]:
    """The milestones in ``text`` (CSV with the columns of :class:`Milestone`), by default the shipped file.

    Raises GigawattError naming the row and the column when a value cannot be read.
    """
    if text is None:
        text = resources.files("gigawatt.data").joinpath(MILESTONES_FILE).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    fields = {f.name for f in dataclasses.fields(Milestone)}
    out = []
    for i, row in enumerate(rows, start=2):
        where = f"{MILESTONES_FILE} line {i}"
        missing = [k for k in ("id", "scenario", "site", "mw", "observed_month") if not (row.get(k) or "").strip()]
        if missing:
            raise GigawattError(f"{where}: missing {', '.join(missing)}; expected every milestone to name them")
        try:
            mw = float(row["mw"])
        except ValueError:
            raise GigawattError(f"{where}: mw {row['mw']!r} is not a number; expected MW of facility power") from None
        if not mw > 0:
            raise GigawattError(f"{where}: mw {row['mw']!r}; expected a positive power in MW")
        month = parse_month(row["observed_month"], field=f"{where}: observed_month")
        values = {k: (v or "").strip() for k, v in row.items() if k in fields}
        out.append(Milestone(**{**values, "mw": mw, "observed_month": f"{month:%Y-%m}"}))
    return out


def site_reaches(phase_rows: list[dict], site: str, mw: float) -> str | None:
    """The first month (YYYY-MM) in which the online phases of ``site`` add up to at least ``mw`` MW, or None.

    ``phase_rows`` are a result's phases records (``phase`` labelled ``site/phase``, ``power_mw``, ``online``).
    """
    online = sorted(
        (r["online"], r["power_mw"]) for r in phase_rows if r["phase"].split("/", 1)[0] == site and r["online"]
    )
    total = 0.0
    for month, power in online:
        total += power
        if total >= mw - MW_TOLERANCE:
            return month
    return None


def _months_between(modelled: str, observed: str) -> int:
    return month_index(parse_month(modelled), parse_month(observed))


def compare_milestones(milestones: list[Milestone] | None = None, scenarios: dict | None = None):
    """Modelled against observed month for each milestone.

    Parameters
    ----------
    milestones : list[Milestone] | None  Default: the shipped ``milestones.csv`` (:func:`load_milestones`).
    scenarios : dict[str, Scenario] | None  Scenarios by the name the milestones give; a name not in it is loaded
        as a built-in (:func:`gigawatt.load_scenario`). Each is simulated once.

    Returns
    -------
    (rows, summary)
        rows : list[dict], one per milestone, with keys scenario, site, milestone, mw, observed_month,
            modelled_month (None: not reached within the horizon), error_months (modelled - observed; None if not
            reached), facts_id, source, status, id.
        summary : dict with median_abs_error_months and worst_abs_error_months (over the milestones reached; None
            if none), worst_milestone (its id), compared (milestones reached) and not_reached (ids of the others).
    """
    from gigawatt.data.loading import load_scenario
    from gigawatt.engine.result import simulate

    milestones = load_milestones() if milestones is None else milestones
    scenarios = dict(scenarios or {})
    phases: dict[str, list[dict]] = {}
    rows = []
    for m in milestones:
        if m.scenario not in phases:
            scenario = scenarios.get(m.scenario) or load_scenario(m.scenario)
            phases[m.scenario] = simulate(scenario).phases_records()
        modelled = site_reaches(phases[m.scenario], m.site, m.mw)
        rows.append(
            {
                "scenario": m.scenario,
                "site": m.site,
                "milestone": m.milestone,
                "mw": m.mw,
                "observed_month": m.observed_month,
                "modelled_month": modelled,
                "error_months": None if modelled is None else _months_between(modelled, m.observed_month),
                "facts_id": m.facts_id,
                "source": m.source,
                "status": m.status,
                "id": m.id,
            }
        )
    return rows, summarize(rows)


def summarize(rows: list[dict]) -> dict:
    """Median and worst absolute error in months over the rows with a modelled month (see compare_milestones)."""
    reached = [r for r in rows if r["error_months"] is not None]
    errors = [abs(r["error_months"]) for r in reached]
    worst = max(reached, key=lambda r: abs(r["error_months"]), default=None)
    return {
        "median_abs_error_months": statistics.median(errors) if errors else None,
        "worst_abs_error_months": max(errors) if errors else None,
        "worst_milestone": worst["id"] if worst else None,
        "compared": len(reached),
        "not_reached": [r["id"] for r in rows if r["error_months"] is None],
    }

"""What the model says of each kind of claim: an outcome on its trajectory, an input run with and without, a
comparison ranked against its rivals; and the record (the ``--json`` object) of a claim."""

from __future__ import annotations

import numpy as np

from gigawatt.claims.ledger import Claim, parse_amount
from gigawatt.claims.scenarios import (
    CHECK_LABELS,
    CHECK_SERIES,
    ScenarioRef,
    path_value,
    series_value,
    yaml_value,
)
from gigawatt.claims.tally import input_probability
from gigawatt.data.facts import facts, split_ids
from gigawatt.engine.result import simulate
from gigawatt.units import month_index

INPUT_YEARS = (2026, 2029)

INPUT_SERIES = ("mw_online", "accelerators", "capex_usd", "equity_usd")

RESOLVED = ("holds", "fails", "partly")


def _at(series: np.ndarray, t: int) -> float:
    return float(series[t])


def outcome(c: Claim, ref: ScenarioRef) -> tuple[dict, dict]:
    s, r = ref.scenario, ref.result
    values = series_value(r.series, c.check.series)
    t = month_index(c.check.by, s.programme.start)
    x = _at(values, t)
    holds = bool(c.quantity.holds(x))
    first = next((i for i in range(len(values)) if bool(c.quantity.holds(float(values[i])))), None)
    unit = CHECK_SERIES[c.check.series]
    out = {
        "check": {
            "series": c.check.series,
            "label": c.check.label or CHECK_LABELS[c.check.series],
            "unit": unit,
            "comparator": c.quantity.comparator,
            "value": c.quantity.value,
            "low": c.quantity.low,
            "high": c.quantity.high,
            "by": f"{c.check.by:%Y-%m}",
        },
        "verdict": "holds" if holds else "fails",
        "modelled": x,
        "margin": c.quantity.margin(x),
        "margin_unit": unit,
        "first_holds": None if first is None else f"{r.months[first]:%Y-%m}",
    }
    traj = _trajectory(c, ref, values, unit, c.check.series, c.check.label or CHECK_LABELS[c.check.series])
    return out, traj


def _trajectory(c: Claim, ref: ScenarioRef, values, unit, series: str, label: str) -> dict:
    fan = (ref.fan or {}).get(series)
    q = c.quantity
    threshold = q.value if q is not None and q.value is not None else None
    if c.comparison is not None:
        threshold = max(parse_amount(rv.value, rv.unit) for rv in c.comparison.rivals)
    return {
        "label": label,
        "unit": unit,
        "months": [f"{m:%Y-%m}" for m in ref.result.months],
        "value": [float(v) for v in values],
        **{k: (None if fan is None else [float(v) for v in fan[k]]) for k in ("p10", "p50", "p90")},
        "threshold": threshold,
        "low": None if q is None else q.low,
        "high": None if q is None else q.high,
        "comparator": "best rival" if c.comparison is not None else q.comparator,
        "by": f"{(c.check or c.comparison).by:%Y-%m}",
        "scenario": ref.name,
    }


def _year_rows(r, years) -> dict:
    rows = {}
    for y in years:
        idx = [i for i, m in enumerate(r.months) if m.year == y]
        if not idx:
            continue
        t = idx[-1]
        rows[str(y)] = {name: float(series_value(r.series, name)[t]) for name in INPUT_SERIES}
        rows[str(y)]["month"] = f"{r.months[t]:%Y-%m}"
    return rows


def input_claim(c: Claim, ref: ScenarioRef, trials: int | None, seed: int) -> dict:
    s, r = ref.scenario, ref.result
    years = [y for y in INPUT_YEARS if any(m.year == y for m in r.months)] or [r.months[-1].year]
    canon, value = path_value(s, c.assumption.path)
    with_claim = simulate(ref.with_claim[c.id])
    agrees = bool(c.quantity.holds(value))
    p = input_probability(s, canon, c, trials, seed) if trials else None
    return {
        "verdict": "agrees" if agrees else "disagrees",
        "probability": p,
        "modelled": value,
        "margin": c.quantity.margin(value),
        "margin_unit": c.quantity.unit,
        "details": {
            "path": c.assumption.path,
            "scenario_value": value,
            "uncertain": canon in s.distributions,
            "set": {k: yaml_value(v) for k, v in c.assumption.set.items()},
            "without": _year_rows(r, years),
            "with": _year_rows(with_claim, years),
            "units": {"mw_online": "MW", "accelerators": "count", "capex_usd": "USD", "equity_usd": "USD"},
        },
    }


def comparison(c: Claim, ref: ScenarioRef) -> tuple[dict, dict]:
    s, r = ref.scenario, ref.result
    cmp = c.comparison
    values = series_value(r.series, cmp.series)
    t = month_index(cmp.by, s.programme.start)
    x = _at(values, t)
    known = facts()
    ranking = [
        {
            "name": cmp.subject,
            "value": x,
            "unit": CHECK_SERIES[cmp.series],
            "date": f"{cmp.by:%Y-%m}",
            "facts_id": "",
            "source": f"modelled ({ref.name})",
        }
    ]
    for rv in cmp.rivals:
        ranking.append(
            {
                "name": rv.name,
                "value": parse_amount(rv.value, rv.unit),
                "unit": rv.unit,
                "date": rv.date.isoformat(),
                "facts_id": rv.facts_id,
                "source": "; ".join(known[f].source for f in split_ids(rv.facts_id) if f in known),
            }
        )
    ranking.sort(key=lambda row: -row["value"])
    rank = 1 + sum(1 for row in ranking if row["name"] != cmp.subject and row["value"] >= x)  # a tie is not first
    best = max(row["value"] for row in ranking if row["name"] != cmp.subject)
    out = {
        "verdict": "holds" if rank == 1 else "fails",
        "modelled": x,
        "margin": x - best,
        "margin_unit": CHECK_SERIES[cmp.series],
        "details": {"rank": rank, "of": len(ranking), "ranking": ranking},
    }
    return out, _trajectory(
        c, ref, values, CHECK_SERIES[cmp.series], cmp.series, f"{cmp.subject}: {CHECK_LABELS[cmp.series]}"
    )


def record(c: Claim, ref: ScenarioRef | None) -> dict:
    known = facts()
    q = c.quantity
    evidence = []
    for fid in c.observed.evidence:
        f = known[fid]
        evidence.append(
            {
                "facts_id": fid,
                "date": f.date,
                "text": f"{f.subject}: {f.quantity}: {f.value} {f.unit}".strip(),
                "source": f.source,
                "address": f.address,
            }
        )
    src_ids = split_ids(c.source.facts_id)
    address = c.source.address or (known[src_ids[0]].address if src_ids else "")
    return {
        "id": c.id,
        "speaker": c.speaker.model_dump(),
        "date": c.date.isoformat(),
        "source": {"facts_id": c.source.facts_id, "address": address, "title": c.source.title or None},
        "language": c.language,
        "original": None if c.original is None else c.original.model_dump(),
        "text": c.text,
        "kind": c.kind,
        "status": c.status,
        "quantity": None
        if q is None
        else {
            "comparator": q.comparator,
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "band": q.band,
            "unit": q.unit,
            "hedge": q.hedge,
        },
        "resolution": {**c.resolution.model_dump(mode="json")},
        "scenario": None if ref is None else ref.name,
        "scenario_as_of": None if ref is None or ref.scenario.as_of is None else ref.scenario.as_of.isoformat(),
        "check": None,
        "verdict": "not modelled",
        "probability": None,
        "verdict_words": "",
        "modelled": None,
        "margin": None,
        "margin_unit": None,
        "first_holds": None,
        "forecast": c.forecast,
        "reason": c.reason,
        "details": {},
        "observed": {
            "status": c.observed.status,
            "as_of": c.observed.as_of.isoformat(),
            "resolved": _resolved(c),
            "evidence": evidence,
            "note": c.observed.note,
        },
    }


def _resolved(c: Claim) -> bool:
    """Resolved: the evidence is clear (holds, fails or partly); a failure only once its date has passed (the
    ledger refuses 'fails' before it)."""
    return c.observed.status in RESOLVED

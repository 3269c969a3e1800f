"""Weighing a claims ledger: the model's verdict on each claim when it was made, and its track record since.

For each scenario the ledger names, one deterministic run and (with ``trials``) **one** Monte Carlo pass over its
trials (:func:`gigawatt.engine.montecarlo.risk` with an observer): every outcome and comparison claim on that scenario
is counted on the same trials, so the ledger costs about one ``risk`` per scenario, not one per claim.

- **outcome**: the check's series at month ``by`` against the claimed interval. Verdict ``holds``/``fails`` on the
  deterministic run, the margin (inside the interval: positive), the first month it holds, and the share of trials
  where it holds at ``by``.
- **input**: the scenario run with the claim (its overrides) and without it: MW online, accelerators, capex and equity
  received at the end of 2026 and 2029 (or the horizon's last year). Whether the scenario agrees: its own value at
  the claim's path against the claimed interval (``agrees``/``disagrees``), and where that value is uncertain, the
  share of its draws inside the interval.
- **comparison**: the subject's series at ``by`` ranked against the rivals (each with its source); holds when first.
  The probability is the share of trials where the subject beats every rival.
- **unmodelled**: kept with its reason.

The track record scores the model's probability at each claim's date against what happened, over the resolved
outcome claims that are forecasts: the Brier and log scores (scikit-learn), beside always the base rate and always
50 %. The probability words follow the IPCC's calibrated language (Mastrandrea et al. 2010, the AR5 guidance note on
uncertainty): virtually certain >= 99 %, very likely >= 90 %, likely >= 66 %, about as likely as not > 33 %, unlikely
> 10 %, very unlikely > 1 %, exceptionally unlikely below.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gigawatt.data.claims import Claim, Ledger, cross_checks, parse_amount
from gigawatt.data.facts import facts, split_ids
from gigawatt.data.loading import builtin_names, load_scenario
from gigawatt.data.scenario import Scenario
from gigawatt.engine.inputs import SERIES
from gigawatt.engine.result import simulate
from gigawatt.errors import GigawattError, ScenarioError
from gigawatt.units import month_index

CHECK_SERIES = {**{name: unit for name, (unit, _) in SERIES.items()}, "capex_usd": "USD"}
CHECK_LABELS = {**{name: text for name, (_, text) in SERIES.items()}, "capex_usd": "cumulative capex (facility + IT)"}
INPUT_YEARS = (2026, 2029)
INPUT_SERIES = ("mw_online", "accelerators", "capex_usd", "equity_usd")
RESOLVED = ("holds", "fails", "partly")

# IPCC AR5 calibrated likelihood language (Mastrandrea et al. 2010): (lower bound, words), first match wins
LIKELIHOOD_WORDS = (
    (0.99, "Virtually certain"),
    (0.90, "Very likely"),
    (0.66, "Likely"),
    (0.33, "About as likely as not"),
    (0.10, "Unlikely"),
    (0.01, "Very unlikely"),
    (0.0, "Exceptionally unlikely"),
)


def likelihood_words(p: float) -> str:
    """ "Unlikely (p = 0.18)": the IPCC's words for ``p`` and the figure. A bound belongs to the words above it
    except at 1/3, where "about as likely as not" starts above."""
    shown = "p < 0.01" if 0 < p < 0.01 else "p > 0.99" if 0.99 < p < 1 else f"p = {p:.2f}"  # 0.00 only when none
    for bound, words in LIKELIHOOD_WORDS:
        if p >= bound and not (bound == 0.33 and p <= 0.33):
            return f"{words} ({shown})"
    return f"{LIKELIHOOD_WORDS[-1][1]} ({shown})"


def series_value(series: dict, name: str) -> np.ndarray:
    """A series by name from a deterministic run's series (``capex_usd`` is facility + IT)."""
    if name == "capex_usd":
        return np.asarray(series["capex_facility_usd"]) + np.asarray(series["capex_it_usd"])
    return np.asarray(series[name])


def _series_columns(name: str) -> tuple[int, int]:
    """(i, j) indices into the engine's series axis; j = -1 unless the series is a sum (capex_usd)."""
    idx = {n: i for i, n in enumerate(SERIES)}
    if name == "capex_usd":
        return idx["capex_facility_usd"], idx["capex_it_usd"]
    return idx[name], -1


@dataclasses.dataclass
class ScenarioRef:
    """One scenario the ledger weighs claims on: its name as written, the loaded scenario, its deterministic run."""

    name: str
    scenario: Scenario
    result: object = None
    fan: dict | None = None
    with_claim: dict = dataclasses.field(default_factory=dict)  # claim id -> the scenario run under an input claim


@dataclasses.dataclass
class LedgerReport:
    """What :func:`evaluate` returns; ``as_json()`` is ``gigawatt claims --json``."""

    origin: str
    claims: list[dict]
    track_record: dict
    trajectories: dict
    trials: int | None
    seed: int
    evidence_as_of: str | None

    def as_json(self) -> dict:
        return {
            "ledger": self.origin,
            "evidence_as_of": self.evidence_as_of,
            "trials": self.trials,
            "seed": self.seed,
            "claims": self.claims,
            "track_record": self.track_record,
        }


# --- scenarios -------------------------------------------------------------------------------------------------------


def _scenario_file(ref: str, base: Path | None) -> str:
    """A claim's scenario: a built-in name, or a path (relative to the claims file's folder)."""
    if ref in builtin_names() or base is None:
        return ref
    path = Path(ref)
    return str(path if path.is_absolute() else base / path)


def load_scenarios(
    ledger: Ledger, origin: str, base: Path | None, override: str | Path | None
) -> dict[str, ScenarioRef]:
    """Load every scenario the claims name (or the one ``override``), refusing unknown names with the valid ones."""
    refs: dict[str, ScenarioRef] = {}
    if override is not None:
        s = load_scenario(override)
        refs[str(override)] = ScenarioRef(str(override), s)
        return refs
    problems = []
    for claim in ledger.claims:
        name = claim.scenario
        if name is None or name in refs:
            continue
        ref = _scenario_file(name, base)
        if ref == name and name not in builtin_names() and not Path(name).suffix:
            continue  # cross_checks names it unknown, with the valid ones
        try:
            refs[name] = ScenarioRef(name, load_scenario(ref))
        except GigawattError as exc:
            problems.append(f"claims[{claim.id}].scenario: {name!r} cannot be loaded: {exc}")
    if problems:
        raise ScenarioError(problems, origin)
    return refs


_FRACTIONS = {
    "share",
    "announced_arrival",
    "upfront_fraction",
    "equity_share",
    "utilization",
    "non_accelerator_it_share",
    "sizing_headroom",
    "max_share",
    "mfu",
}


def path_unit(path: str) -> str | None:
    """The unit of a scenario field, from its name (``..._usd``: USD; ``..._mw``: MW; ``...months``: months;
    ``per_year``: count; a share or fraction: fraction); None where the name does not say."""
    field = path.rsplit(".", 1)[-1]
    if field.endswith("_usd"):
        return "USD"
    if field.endswith("_mw"):
        return "MW"
    if field.endswith("months"):
        return "months"
    if field == "per_year":
        return "count"
    return "fraction" if field in _FRACTIONS else None


def _scenario_problems(c: Claim, ref: ScenarioRef) -> list[str]:
    """What keeps claim ``c`` from being weighed on ``ref``'s scenario (field paths relative to the claim)."""
    s = ref.scenario
    problems = []
    check = c.check or c.comparison
    if check is not None:
        field = "check" if c.check else "comparison"
        if check.series not in CHECK_SERIES:
            return [
                f"{field}.series: unknown series {check.series!r}; expected one of: {', '.join(sorted(CHECK_SERIES))}"
            ]
        unit = CHECK_SERIES[check.series]
        units = [c.quantity.unit] if c.quantity else []
        units += [r.unit for r in c.comparison.rivals] if c.comparison else []
        wrong = next((u for u in units if u != unit), None)
        if wrong is not None:
            problems.append(
                f"the claimed unit {wrong!r} does not apply to series {check.series!r}, which is in {unit!r}; "
                f"expected a quantity in {unit}"
            )
        t = month_index(check.by, s.programme.start)
        if not 0 <= t < round(s.programme.horizon_months):
            problems.append(
                f"{field}.by: {check.by:%Y-%m} is outside the horizon of scenario {ref.name!r} "
                f"({s.programme.start:%Y-%m} to {s.end:%Y-%m}); expected a month inside it"
            )
    if c.assumption is not None:
        try:
            _path_value(s, c.assumption.path)
        except GigawattError as exc:
            return [f"assumption.path: {exc}"]
        unit = path_unit(c.assumption.path)
        if unit is None:
            problems.append(
                f"assumption.path: {c.assumption.path!r}: cannot tell its unit; expected a field in USD (..._usd), "
                "MW (..._mw), months, a count per year (per_year) or a share"
            )
        elif unit != c.quantity.unit:
            problems.append(
                f"quantity.unit: {c.quantity.unit!r} does not apply to {c.assumption.path!r}, which is in {unit!r}; "
                f"expected a quantity in {unit}"
            )
        try:
            ref.with_claim[c.id] = load_scenario(_reload_ref(ref), overrides=_overrides(c))
        except GigawattError as exc:
            problems.append(f"assumption.set: the claim cannot be put into scenario {ref.name!r}: {exc}")
    return problems


def validate_ledger(
    ledger: Ledger, origin: str, refs: dict[str, ScenarioRef], today: dt.date, override: bool
) -> dict[str, str]:
    """The cross-entry rules (gigawatt.data.claims.cross_checks) and those that need the scenarios: a check's series
    and unit, its month inside the horizon, an input's path, unit and overrides. Raises one
    :class:`~gigawatt.errors.ScenarioError` with every problem; under an ``override`` scenario (today's view), a
    claim that cannot be weighed on it is not an error: returns {claim id: why it is not applicable}."""
    known = {name: ref.scenario.as_of for name, ref in refs.items()}
    for name in builtin_names():
        known.setdefault(name, None)  # for the list of valid names only
    if override:
        plain = Ledger.model_construct(claims=[c.model_copy(update={"scenario": None}) for c in ledger.claims])
        problems = cross_checks(plain, {}, today)
    else:
        problems = cross_checks(ledger, known, today)
    inapplicable: dict[str, str] = {}
    for c in ledger.claims:
        where = f"claims[{c.id}]"
        if c.observed.status in ("fails", "partly") and c.observed.as_of < c.resolution.by:
            problems.append(
                f"{where}.observed.status: {c.observed.status!r} as of {c.observed.as_of}, before the resolution date "
                f"{c.resolution.by}; expected 'too early' (a claim fails only once its date has passed)"
            )
        ref = _ref_for(c, refs, override)
        if ref is None:
            continue
        found = _scenario_problems(c, ref)
        if found and override:
            inapplicable[c.id] = f"cannot be weighed on {ref.name!r}: " + "; ".join(found)
        else:
            problems += [f"{where}.{p}" if not p.startswith("the ") else f"{where}: {p}" for p in found]
    if problems:
        raise ScenarioError(problems, origin)
    return inapplicable


def _overrides(c: Claim) -> list[str]:
    return [f"{path}={_yaml_value(v)}" for path, v in c.assumption.set.items()]


def _ref_for(c: Claim, refs: dict[str, ScenarioRef], override: bool) -> ScenarioRef | None:
    if c.kind == "unmodelled":
        return None
    if override:
        return next(iter(refs.values()))
    return refs.get(c.scenario)


def _canonical(s: Scenario, path: str) -> str:
    """``partners[SoftBank].pledges[0].secured_usd`` -> ``partners[0].pledges[0].secured_usd`` (names to indices, as
    the scenario's distributions are keyed)."""
    from gigawatt.data.loading import _split_path

    parts = _split_path(path)
    node = s
    out = ""
    for part in parts:
        if isinstance(node, list):
            if isinstance(part, str):
                names = [getattr(item, "name", None) for item in node]
                if part not in names:
                    raise GigawattError(
                        f"{path!r}: no item named {part!r}; expected one of: {', '.join(map(str, names))}"
                    )
                part = names.index(part)
            if not -len(node) <= part < len(node):
                raise GigawattError(f"{path!r}: index [{part}] is out of range ({len(node)} items)")
            out += f"[{part}]"
            node = node[part]
        else:
            if isinstance(part, int) or not hasattr(node, part):
                raise GigawattError(f"{path!r}: no field {part!r} at {out or 'the top level'}")
            out += ("." if out else "") + part
            node = getattr(node, part)
    return out


def _path_value(s: Scenario, path: str) -> tuple[str, float]:
    """(canonical path, the scenario's value there, as `run` uses it, a number); a field that holds no number (a
    month, a name) is refused: an input claim is compared with a number."""
    canon = _canonical(s, path)
    from gigawatt.data.loading import _node_at

    parent, name = _node_at(s, canon)
    value = parent[name] if isinstance(parent, dict | list) else getattr(parent, name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GigawattError(f"{path!r} holds {value}, not a number; an input claim is compared with a number")
    return canon, float(value)


# --- one pass per scenario -------------------------------------------------------------------------------------------


class _Tally:
    """What one Monte Carlo pass keeps for the ledger (an accumulator for
    :func:`gigawatt.engine.montecarlo.run_blocks`): per claim, the trials where it holds at its month; per checked
    series, its P10/P50/P90 month by month for the charts, in a log-bucket sketch of just those cells (risk's full
    aggregation, every metric and fan series, is not needed here)."""

    wants_metrics = False

    def __init__(self, claims: list[Claim], scenario: Scenario):
        from gigawatt.engine.sketch import Sketch

        self.rows = []
        for c in claims:
            check = c.check or c.comparison
            i, j = _series_columns(check.series)
            t = month_index(check.by, scenario.programme.start)
            if c.comparison is not None:
                best = max(parse_amount(r.value, r.unit) for r in c.comparison.rivals)
                test = lambda x, best=best: x > best  # noqa: E731
            else:
                test = c.quantity.holds
            self.rows.append((c.id, i, j, t, test))
        self.counts = dict.fromkeys((r[0] for r in self.rows), 0)
        self.series = sorted({(c.check or c.comparison).series for c in claims})
        self.T = round(scenario.programme.horizon_months)
        self.sketch = Sketch(len(self.series) * self.T)
        self.trials = 0

    def add(self, blocks, sizes, metrics, series: np.ndarray) -> None:
        for cid, i, j, t, test in self.rows:
            x = series[:, t, i] + (series[:, t, j] if j >= 0 else 0.0)
            self.counts[cid] += int(np.count_nonzero(test(x)))
        table = np.empty((series.shape[0], len(self.series) * self.T))
        for k, name in enumerate(self.series):
            i, j = _series_columns(name)
            table[:, k * self.T : (k + 1) * self.T] = series[:, :, i] + (series[:, :, j] if j >= 0 else 0.0)
        self.sketch.start_add(table)  # on the sketch's threads, while the next chunk runs
        self.trials += series.shape[0]

    def fan(self) -> dict:
        q = self.sketch.quantiles((0.1, 0.5, 0.9))
        return {
            name: {f"p{p}": q[r, k * self.T : (k + 1) * self.T] for r, p in enumerate((10, 50, 90))}
            for k, name in enumerate(self.series)
        }


def _monte_carlo(ref: ScenarioRef, claims: list[Claim], trials: int, seed: int, progress) -> dict[str, float]:
    """One pass over ``trials`` of the scenario (risk's blocks and seeds: same seed, same draws as ``risk``)."""
    from gigawatt.engine.montecarlo import run_blocks
    from gigawatt.engine.work import BLOCK, chunk_trials_for

    tally = _Tally(claims, ref.scenario)
    done = 0

    def step(n):
        nonlocal done
        done += n
        if progress is not None:
            progress(done)

    run_blocks(ref.scenario, seed, trials, range(-(-trials // BLOCK)), chunk_trials_for(ref.scenario), step, tally)
    ref.fan = tally.fan()
    return {cid: n / trials for cid, n in tally.counts.items()}


def _input_probability(s: Scenario, canon: str, claim: Claim, trials: int, seed: int) -> float | None:
    """The share of the scenario's draws of ``canon`` inside the claimed interval (None: the value is certain). The
    same uniforms as ``risk`` with this seed (gigawatt.engine.montecarlo.sample_block)."""
    if canon not in s.distributions:
        return None
    from gigawatt.engine.montecarlo import sample_block
    from gigawatt.engine.work import BLOCK

    inside = 0
    for b in range(-(-trials // BLOCK)):
        n = min(BLOCK, trials - b * BLOCK)
        x = np.asarray(sample_block(s, seed, b, n)[canon], dtype=float)
        inside += int(np.count_nonzero(claim.quantity.holds(x)))
    return inside / trials


# --- each kind -------------------------------------------------------------------------------------------------------


def _at(series: np.ndarray, t: int) -> float:
    return float(series[t])


def _outcome(c: Claim, ref: ScenarioRef) -> tuple[dict, dict]:
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


def _input(c: Claim, ref: ScenarioRef, trials: int | None, seed: int) -> dict:
    s, r = ref.scenario, ref.result
    years = [y for y in INPUT_YEARS if any(m.year == y for m in r.months)] or [r.months[-1].year]
    canon, value = _path_value(s, c.assumption.path)
    with_claim = simulate(ref.with_claim[c.id])
    agrees = bool(c.quantity.holds(value))
    p = _input_probability(s, canon, c, trials, seed) if trials else None
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
            "set": {k: _yaml_value(v) for k, v in c.assumption.set.items()},
            "without": _year_rows(r, years),
            "with": _year_rows(with_claim, years),
            "units": {"mw_online": "MW", "accelerators": "count", "capex_usd": "USD", "equity_usd": "USD"},
        },
    }


def _reload_ref(ref: ScenarioRef):
    """What to load again to apply overrides: the scenario's file or built-in name."""
    files = ref.scenario._files_read
    return str(files[0]) if files else ref.name


def _yaml_value(v) -> str:
    return str(v).lower() if isinstance(v, bool) else str(v)


def _comparison(c: Claim, ref: ScenarioRef) -> tuple[dict, dict]:
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


# --- the ledger ------------------------------------------------------------------------------------------------------


def _record(c: Claim, ref: ScenarioRef | None) -> dict:
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


def _weigh(c: Claim, ref, inapplicable: str | None, probability, trials, seed) -> tuple[dict, dict | None]:
    """One claim's record (the ``--json`` object) and its trajectory (None where it has no check)."""
    rec, traj = _record(c, ref), None
    if inapplicable is not None:
        out = {"verdict": "not applicable", "reason": inapplicable}
    elif c.kind in ("outcome", "comparison"):
        out, traj = (_outcome if c.kind == "outcome" else _comparison)(c, ref)
        out["probability"] = probability
    elif c.kind == "input":
        out = _input(c, ref, trials, seed)
    else:
        out = {}
    rec.update(out)
    p = rec["probability"]
    rec["verdict_words"] = likelihood_words(p) if p is not None else rec["verdict"].capitalize()
    return rec, traj


def evaluate(
    ledger: Ledger,
    origin: str = "built-in",
    *,
    trials: int | None = 10_000,
    seed: int = 0,
    scenario: str | Path | None = None,
    base: Path | None = None,
    today: dt.date | None = None,
    progress: Callable[[str, int], None] | None = None,
    refs: dict | None = None,
) -> LedgerReport:
    """Weigh every claim of ``ledger``; ``scenario`` weighs them all on that one scenario instead of each claim's own
    (today's view); ``trials`` None or 0: the deterministic verdicts only; ``refs``: the scenarios already loaded by
    :func:`load_scenarios` (loaded here otherwise)."""
    for name, value, low in (("trials", trials or 0, 0), ("seed", seed, 0)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
            raise GigawattError(f"{name}: {value!r}; expected a whole number >= {low}")
    today = today or dt.date.today()
    # the scoring library takes ~1.3 s to import: load it on a thread while the scenarios load and the trials run
    import threading

    scoring = threading.Thread(target=_import_scoring, daemon=True)
    scoring.start()
    refs = load_scenarios(ledger, origin, base, scenario) if refs is None else refs
    inapplicable = validate_ledger(ledger, origin, refs, today, override=scenario is not None)
    trials = trials or None
    for ref in refs.values():
        ref.result = simulate(ref.scenario)
    probabilities: dict[str, float] = {}
    if trials:
        for ref in refs.values():
            counted = [
                c
                for c in ledger.claims
                if c.kind in ("outcome", "comparison")
                and c.id not in inapplicable
                and _ref_for(c, refs, scenario is not None) is ref
            ]
            if counted:
                step = (lambda n, name=ref.name: progress(name, n)) if progress else None
                probabilities.update(_monte_carlo(ref, counted, trials, seed, step))
    records, trajectories = [], {}
    for c in sorted(ledger.claims, key=lambda c: (c.date, c.id)):
        ref = _ref_for(c, refs, scenario is not None)
        rec, traj = _weigh(c, ref, inapplicable.get(c.id), probabilities.get(c.id), trials, seed)
        records.append(rec)
        if traj is not None:
            trajectories[c.id] = traj
    as_of = max((c.observed.as_of for c in ledger.claims), default=None)
    scoring.join()
    record = track_record(records, trials)
    if scenario is not None:  # today's view: the probabilities are not what the model said when the claims were made
        record["hindsight"] = True
        record["note"] = (
            f"weighed on {scenario} for every claim (today's view, with hindsight): not a forecast record; "
            + record["note"]
        )
    return LedgerReport(
        origin=origin,
        claims=records,
        track_record=record,
        trajectories=trajectories,
        trials=trials,
        seed=seed,
        evidence_as_of=None if as_of is None else as_of.isoformat(),
    )


def _import_scoring() -> None:
    import sklearn.metrics  # noqa: F401


def track_record(records: list[dict], trials: int | None) -> dict:
    """The model's probabilities against what happened, over the resolved outcome claims that are forecasts.

    Brier score and log score (means over the claims, lower is better) from scikit-learn's ``brier_score_loss`` and
    ``log_loss``: a well-kept implementation rather than hand-written formulas (scoringrules 0.10 would do the same,
    but it compiles its numba kernels every time it is imported: 3.7 s a command on this machine, measured). A
    probability of 0 or 1 counted over ``trials`` is read as 1/(2 trials) from the edge for the log score (a share of
    0 in N trials is not a certainty). Baselines: always the base rate of the same claims (known only afterwards: an
    in-sample yardstick) and always 50 %.
    """
    from sklearn.metrics import brier_score_loss, log_loss

    def brier(y, p) -> float:
        return float(brier_score_loss(y, p, pos_label=1))

    def logs(y, p) -> float:
        return float(log_loss(y, p, labels=[0, 1]))

    scored = [
        r
        for r in records
        if r["kind"] == "outcome"
        and r["forecast"]
        and r["probability"] is not None
        and r["observed"]["status"] in ("holds", "fails")
    ]
    partly = [r["id"] for r in records if r["kind"] == "outcome" and r["observed"]["status"] == "partly"]
    out: dict = {"resolved": len(scored), "claims": [r["id"] for r in scored], "not_scored_partly": partly}
    if not scored:
        out.update(
            {
                "brier": None,
                "log_score": None,
                "base_rate": None,
                "baselines": None,
                "worst": [],
                "note": "no resolved outcome claim with a model probability yet: nothing to score"
                + ("" if trials else " (run with --trials)"),
            }
        )
        return out
    y = np.array([1 if r["observed"]["status"] == "holds" else 0 for r in scored])
    p = np.array([float(r["probability"]) for r in scored])
    eps = 1.0 / (2 * trials)
    base = float(y.mean())
    each = [brier([yi], [pi]) for yi, pi in zip(y, p, strict=True)]
    base_p = np.full(len(y), base)
    out.update(
        {
            "base_rate": base,
            "brier": brier(y, p),
            "log_score": logs(y, np.clip(p, eps, 1 - eps)),
            "baselines": {
                "base_rate": {"brier": brier(y, base_p), "log_score": logs(y, np.clip(base_p, eps, 1 - eps))},
                "half": {"brier": brier(y, np.full(len(y), 0.5)), "log_score": logs(y, np.full(len(y), 0.5))},
            },
            "worst": [
                {"id": scored[i]["id"], "probability": float(p[i]), "outcome": int(y[i]), "brier": each[i]}
                for i in np.argsort(-np.array(each), kind="stable")[:3]
                if each[i] > 0
            ],
            "note": (
                f"{len(scored)} resolved outcome claim{'s' if len(scored) != 1 else ''}: "
                + ("too few to tell skill from luck; read the claims one by one" if len(scored) < 10 else "")
                + ("; " if len(scored) < 10 and partly else "")
                + (f"{len(partly)} 'partly' not scored (neither true nor false)" if partly else "")
            ).rstrip(": "),
        }
    )
    return out

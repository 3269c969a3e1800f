"""The scenarios a ledger weighs its claims on: loading them (a built-in name, or a file beside the claims file),
the rules that need them (a check's series, unit and month; an input claim's path, unit and overrides), and the
series a check may name."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np

from gigawatt.claims.ledger import Claim, Ledger, cross_checks
from gigawatt.data.loading import builtin_names, load_scenario
from gigawatt.data.scenario import Scenario
from gigawatt.engine.inputs import SERIES
from gigawatt.errors import GigawattError, ScenarioError
from gigawatt.units import month_index

CHECK_SERIES = {**{name: unit for name, (unit, _) in SERIES.items()}, "capex_usd": "USD"}

CHECK_LABELS = {**{name: text for name, (_, text) in SERIES.items()}, "capex_usd": "cumulative capex (facility + IT)"}


def series_value(series: dict, name: str) -> np.ndarray:
    """A series by name from a deterministic run's series (``capex_usd`` is facility + IT)."""
    if name == "capex_usd":
        return np.asarray(series["capex_facility_usd"]) + np.asarray(series["capex_it_usd"])
    return np.asarray(series[name])


def series_columns(name: str) -> tuple[int, int]:
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
            path_value(s, c.assumption.path)
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
            ref.with_claim[c.id] = load_scenario(reload_ref(ref), overrides=_overrides(c))
        except GigawattError as exc:
            problems.append(f"assumption.set: the claim cannot be put into scenario {ref.name!r}: {exc}")
    return problems


def validate_ledger(
    ledger: Ledger, origin: str, refs: dict[str, ScenarioRef], today: dt.date, override: bool
) -> dict[str, str]:
    """The cross-entry rules (gigawatt.claims.ledger.cross_checks) and those that need the scenarios: a check's series
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
        ref = ref_for(c, refs, override)
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
    return [f"{path}={yaml_value(v)}" for path, v in c.assumption.set.items()]


def ref_for(c: Claim, refs: dict[str, ScenarioRef], override: bool) -> ScenarioRef | None:
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


def path_value(s: Scenario, path: str) -> tuple[str, float]:
    """(canonical path, the scenario's value there, as `run` uses it, a number); a field that holds no number (a
    month, a name) is refused: an input claim is compared with a number."""
    canon = _canonical(s, path)
    from gigawatt.data.loading import _node_at

    parent, name = _node_at(s, canon)
    value = parent[name] if isinstance(parent, dict | list) else getattr(parent, name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GigawattError(f"{path!r} holds {value}, not a number; an input claim is compared with a number")
    return canon, float(value)


def reload_ref(ref: ScenarioRef):
    """What to load again to apply overrides: the scenario's file or built-in name."""
    files = ref.scenario._files_read
    return str(files[0]) if files else ref.name


def yaml_value(v) -> str:
    return str(v).lower() if isinstance(v, bool) else str(v)

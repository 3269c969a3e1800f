"""Ramps: a phase that comes online building by building, expanded into one phase per building.

A campus is not energized in one lump: Abilene's first two buildings were energized a year after construction began
and the other six follow over the next year (SG37, SG38, MS facts in data/milestones.csv). A phase says so with a
``ramp`` (see :class:`gigawatt.data.scenario.Ramp` and docs/model.md, "Ramps")::

    power_mw: 1000 MW
    start: 2025-03
    construction_months: 12          # each building's construction time
    ramp: {buildings: 6, interval_months: 2}       # or sizes_mw: [...], or shares: [...]; or duration_months: 10

After validation the data layer replaces that phase by its buildings, each a phase of its own named
``phase-2/building-3``, with its share of the power, its own start (the phase's start plus the building's offset)
and the phase's construction time, power source, capex and accelerator. The first building keeps the phase's place
in the site's list; the others go to the end of the site's list, so the field paths of every other phase
(``sites[0].phases[2]...``) stay what the file says, and distributions and sources keep pointing at them.

Offsets: ``interval_months`` (one number: the same gap between each building's start and the next; or a list, one
gap per pair) gives them directly; ``duration_months`` spreads the starts evenly from the first to the last,
rounded to whole months, halves up (building k of n starts floor(k * duration / (n - 1) + 0.5) months after the
first).

What a ramp accepts (checked when the scenario is validated, gigawatt.data.scenario.Ramp and Phase): exactly one
of ``buildings`` (a whole number from 1 to limits.MAX_RAMP_BUILDINGS, 100), ``sizes_mw`` (1 to 100 sizes, each
> 0, summing to the phase's power_mw) or ``shares`` (1 to 100, each in (0, 1], summing to 1), the sums within a
relative SHARE_TOLERANCE; at most one of ``interval_months`` (whole months from 0 to limits.MAX_MONTHS: one
number, or a list of exactly one per pair of buildings) or ``duration_months`` (whole months from 0 to
limits.MAX_MONTHS), and one of them for more than one building (a single building starts at the phase's start,
whatever the timing says); every building started by limits.MAX_MONTH. Each building is a phase and counts
against limits.MAX_PHASES.

Distributions: the month loop draws each uncertain input once per trial and independently of the others, so a
distribution on a field of a ramped phase would have to become one draw per building, each on its own: its buildings
would not share the draw (their sizes would no longer sum to the phase's power, their starts would leave the ramp's
order). Such a distribution is refused with a message that says what to use instead; the programme-wide risks
(``risks.construction_slip``, ``risks.power_delay_months``, ``risks.cost_overrun``) move every building together
and are the sound way to put uncertainty on a ramped phase.

This module holds no pydantic model (gigawatt.data.scenario imports it); it works on the validated objects.
"""

from __future__ import annotations

import dataclasses

from gigawatt.data.catalog import Provenance, declares_assumption
from gigawatt.units import add_months

SHARE_TOLERANCE = 1e-6  # shares must sum to 1 and sizes to the phase's power within this relative error: a
#                         rounding margin for hand-written decimals (1/3 written as 0.333333 sums to 0.999999)


@dataclasses.dataclass(frozen=True)
class Building:
    """One building of a ramped phase: where it went in the site's list, its name, power and offset."""

    path: str  # e.g. "sites[0].phases[4]"
    name: str
    power_mw: float
    offset_months: int
    share: float


@dataclasses.dataclass(frozen=True)
class Expanded:
    """A ramped phase as written (``path``, ``name``, ``power_mw``) and the buildings it became."""

    path: str
    name: str
    power_mw: float
    buildings: tuple[Building, ...]


def building_count(ramp) -> int:
    """How many buildings a ramp names (``buildings``, or the length of ``sizes_mw`` or ``shares``)."""
    if ramp.sizes_mw is not None:
        return len(ramp.sizes_mw)
    if ramp.shares is not None:
        return len(ramp.shares)
    return int(ramp.buildings or 1)


def shares(ramp, power_mw: float) -> list[float]:
    """Each building's share of the phase's power (sizes over the phase's power; equal shares for a count)."""
    if ramp.sizes_mw is not None:
        return [s / power_mw for s in ramp.sizes_mw]
    if ramp.shares is not None:
        return list(ramp.shares)
    n = building_count(ramp)
    return [1.0 / n] * n


def offsets(ramp) -> list[int]:
    """Whole months from the phase's start to each building's start (the first is 0)."""
    n = building_count(ramp)
    if n == 1:
        return [0]
    if ramp.duration_months is not None:
        return [int(k * ramp.duration_months / (n - 1) + 0.5) for k in range(n)]
    gaps = ramp.interval_months if isinstance(ramp.interval_months, list) else [ramp.interval_months] * (n - 1)
    out = [0]
    for gap in gaps:
        out.append(out[-1] + round(gap))
    return out


def expand(sites) -> list[Expanded]:
    """Replace every ramped phase of ``sites`` (validated Site objects, changed in place) by its buildings.

    Returns one :class:`Expanded` per ramped phase. Building powers are the phase's power times each share, so they
    sum to the phase's power (to rounding); every other field is copied from the phase.
    """
    done: list[Expanded] = []
    for i, site in enumerate(sites):
        if not any(ph.ramp is not None for ph in site.phases):
            continue
        kept, extra = list(site.phases), []
        for j, ph in enumerate(site.phases):
            if ph.ramp is None:
                continue
            parts = []
            for k, (share, off) in enumerate(zip(shares(ph.ramp, ph.power_mw), offsets(ph.ramp), strict=True)):
                name = f"{ph.name}/building-{k + 1}"
                at = j if k == 0 else len(site.phases) + len(extra)
                building = ph.model_copy(
                    deep=True,
                    update={
                        "name": name,
                        "power_mw": ph.power_mw * share,
                        "start": add_months(ph.start, off),
                        "ramp": None,
                    },
                )
                if k == 0:
                    kept[j] = building
                else:
                    extra.append(building)
                parts.append(Building(f"sites[{i}].phases[{at}]", name, ph.power_mw * share, off, share))
            done.append(Expanded(f"sites[{i}].phases[{j}]", ph.name, ph.power_mw, tuple(parts)))
        site.phases = kept + extra
    return done


_USE_INSTEAD = (
    "give a fixed value here and put the uncertainty on risks.construction_slip, risks.power_delay_months or "
    "risks.cost_overrun (they move every building together), or drop the ramp"
)


def uncertain_ramp_message(path: str) -> str:
    """The refusal of a distribution inside a ramp (its count, sizes, shares or timing)."""
    return (
        f"{path}: a distribution on a field of a ramped phase is not supported (inside its ramp, the buildings "
        f"would not share one draw); {_USE_INSTEAD}"
    )


def uncertain_problems(expanded: list[Expanded], dist_paths) -> list[str]:
    """One message per distribution written on a field of a ramped phase (refused: see the module's docstring)."""
    problems = []
    for e in expanded:
        for path in sorted(p for p in dist_paths if p.startswith(e.path + ".")):
            problems.append(
                f"{path}: a distribution on a field of a ramped phase ({e.name!r}, {len(e.buildings)} buildings) is "
                "not supported: each building would draw its own value, so they would no longer add up to the "
                f"phase or keep the ramp's order; {_USE_INSTEAD}"
            )
    return problems


def _join(*ids: str) -> str:
    seen: list[str] = []
    for text in ids:
        for part in (p.strip() for p in text.split(";")):
            if part and part not in seen:
                seen.append(part)
    return "; ".join(seen)


# the ramp's entries each derived field depends on (ramp.sizes_mw[0] counts as ramp.sizes_mw)
_POWER_FROM = (".ramp.buildings", ".ramp.sizes_mw", ".ramp.shares")
_START_FROM = (".ramp.buildings", ".ramp.interval_months", ".ramp.duration_months")


def _derived(base: Provenance | None, parts: list[Provenance], derivation: str) -> Provenance:
    """A building's field derived from the phase's field (``base``; None: given without a source) and the ramp's
    entries (``parts``). It is as weak as its weakest input: derived from an assumption says so, with the reason,
    and derived from a number given without a source says that, so ``gigawatt show`` still lists it."""
    weak = [v for v in ([base] if base else []) + parts if declares_assumption(v.status)]
    if weak:
        status = "derived from a scenario assumption"
        derivation += "; " + "; ".join(v.derivation or v.status for v in weak)
    elif base is None:
        status = "derived from a number given without a source"
    else:
        status = "derived"
    facts = _join(base.facts_id if base else "", *(v.facts_id for v in parts))
    return Provenance(status=status, facts_id=facts, derivation=derivation)


def building_provenance(expanded: list[Expanded], prov: dict[str, Provenance]) -> dict[str, Provenance]:
    """Sources by field path for the buildings: each building's fields keep the phase's sources; its power and start
    say how they were derived from the phase's and the ramp's (and, when any of those is an assumption or has no
    source, say that too). The ramp's own entries are folded into those two."""
    out = dict(prov)
    for e in expanded:
        mine = {p: v for p, v in prov.items() if p.startswith(e.path + ".")}
        for p in mine:
            out.pop(p, None)

        def ramp_part(keys):
            return [v for p, v in mine.items() if p[len(e.path) :].startswith(keys)]  # noqa: B023

        power, start = mine.get(e.path + ".power_mw"), mine.get(e.path + ".start")
        for b in e.buildings:
            for p, v in mine.items():
                suffix = p[len(e.path) :]
                if not suffix.startswith(".ramp"):
                    out[b.path + suffix] = v
            out[b.path + ".power_mw"] = _derived(
                power,
                ramp_part(_POWER_FROM),
                f"{b.share:.4g} of {e.name}'s power_mw ({e.power_mw:,.6g} MW), its ramp's building "
                f"{b.name.rpartition('-')[2]} of {len(e.buildings)}",
            )
            out[b.path + ".start"] = _derived(
                start, ramp_part(_START_FROM), f"{e.name}'s start + {b.offset_months} months (its ramp)"
            )
    return out

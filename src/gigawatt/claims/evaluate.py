"""Weighing a claims ledger: the model's verdict on each claim when it was made, and its track record since.

For each scenario the ledger names, one deterministic run and (with ``trials``) **one** Monte Carlo pass over its
trials (:func:`gigawatt.engine.montecarlo.run_blocks` with the ledger's own accumulator): every outcome and
comparison claim on that scenario is counted on the same trials, so the ledger costs about one ``risk`` per
scenario, not one per claim.

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

The track record and the words for probabilities: :mod:`gigawatt.claims.scoring`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gigawatt.claims.kinds import comparison, input_claim, outcome, record
from gigawatt.claims.ledger import Claim, Ledger
from gigawatt.claims.scenarios import load_scenarios, ref_for, validate_ledger
from gigawatt.claims.scoring import likelihood_words, track_record
from gigawatt.claims.tally import monte_carlo
from gigawatt.engine.result import simulate
from gigawatt.errors import GigawattError


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


def _weigh(c: Claim, ref, inapplicable: str | None, probability, trials, seed) -> tuple[dict, dict | None]:
    """One claim's record (the ``--json`` object) and its trajectory (None where it has no check)."""
    rec, traj = record(c, ref), None
    if inapplicable is not None:
        out = {"verdict": "not applicable", "reason": inapplicable}
    elif c.kind in ("outcome", "comparison"):
        out, traj = (outcome if c.kind == "outcome" else comparison)(c, ref)
        out["probability"] = probability
    elif c.kind == "input":
        out = input_claim(c, ref, trials, seed)
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
    fans: bool = True,
) -> LedgerReport:
    """Weigh every claim of ``ledger``; ``scenario`` weighs them all on that one scenario instead of each claim's own
    (today's view); ``trials`` None or 0: the deterministic verdicts only; ``refs``: the scenarios already loaded by
    :func:`load_scenarios` (loaded here otherwise); ``fans`` False: the trajectories without their P10-P90 band
    (``None``; the JSON and the table never show it, the charts do), a tenth less work in the Monte Carlo passes."""
    for name, value, low in (("trials", trials or 0, 0), ("seed", seed, 0)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
            raise GigawattError(f"{name}: {value!r}; expected a whole number >= {low}")
    today = today or dt.date.today()
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
                and ref_for(c, refs, scenario is not None) is ref
            ]
            if counted:
                step = (lambda n, name=ref.name: progress(name, n)) if progress else None
                probabilities.update(monte_carlo(ref, counted, trials, seed, step, fans))
    records, trajectories = [], {}
    for c in sorted(ledger.claims, key=lambda c: (c.date, c.id)):
        ref = ref_for(c, refs, scenario is not None)
        rec, traj = _weigh(c, ref, inapplicable.get(c.id), probabilities.get(c.id), trials, seed)
        records.append(rec)
        if traj is not None:
            trajectories[c.id] = traj
    as_of = max((c.observed.as_of for c in ledger.claims), default=None)
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

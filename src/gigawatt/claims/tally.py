"""One Monte Carlo pass per scenario for the ledger: the trials where each outcome and comparison claim holds, and the
P10/P50/P90 of each checked series, in the same blocks and seeds as ``gigawatt risk``; and an input claim's share of
the scenario's draws inside its interval."""

from __future__ import annotations

import numpy as np

from gigawatt.claims.ledger import Claim, parse_amount
from gigawatt.claims.scenarios import ScenarioRef, series_columns
from gigawatt.data.scenario import Scenario
from gigawatt.units import month_index


class _Tally:
    """What one Monte Carlo pass keeps for the ledger (an accumulator for
    :func:`gigawatt.engine.montecarlo.run_blocks`): per claim, the trials where it holds at its month; per checked
    series, its P10/P50/P90 month by month for the charts, in a log-bucket sketch of just those cells (risk's full
    aggregation, every metric and fan series, is not needed here); ``fans`` False: no sketch (the counts alone, for
    output without charts: a tenth of the pass's work)."""

    wants_metrics = False

    def __init__(self, claims: list[Claim], scenario: Scenario, fans: bool = True):
        from gigawatt.engine.sketch import Sketch

        self.rows = []
        for c in claims:
            check = c.check or c.comparison
            i, j = series_columns(check.series)
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
        self.sketch = Sketch(len(self.series) * self.T) if fans else None
        self.trials = 0

    def add(self, blocks, sizes, metrics, series: np.ndarray) -> None:
        for cid, i, j, t, test in self.rows:
            x = series[:, t, i] + (series[:, t, j] if j >= 0 else 0.0)
            self.counts[cid] += int(np.count_nonzero(test(x)))
        self.trials += series.shape[0]
        if self.sketch is None:
            return
        table = np.empty((series.shape[0], len(self.series) * self.T))
        for k, name in enumerate(self.series):
            i, j = series_columns(name)
            table[:, k * self.T : (k + 1) * self.T] = series[:, :, i] + (series[:, :, j] if j >= 0 else 0.0)
        self.sketch.start_add(table)  # on the sketch's threads, while the next chunk runs

    def fan(self) -> dict | None:
        if self.sketch is None:
            return None
        q = self.sketch.quantiles((0.1, 0.5, 0.9))
        return {
            name: {f"p{p}": q[r, k * self.T : (k + 1) * self.T] for r, p in enumerate((10, 50, 90))}
            for k, name in enumerate(self.series)
        }


def monte_carlo(
    ref: ScenarioRef, claims: list[Claim], trials: int, seed: int, progress, fans: bool = True
) -> dict[str, float]:
    """One pass over ``trials`` of the scenario (risk's blocks and seeds: same seed, same draws as ``risk``);
    ``fans``: also the P10/P50/P90 of each checked series (``ref.fan``, for the charts)."""
    from gigawatt.engine.montecarlo import counting, run_blocks
    from gigawatt.engine.work import BLOCK, chunk_trials_for

    tally = _Tally(claims, ref.scenario, fans)
    blocks = range(-(-trials // BLOCK))
    run_blocks(ref.scenario, seed, trials, blocks, chunk_trials_for(ref.scenario), counting(progress), tally)
    ref.fan = tally.fan()
    return {cid: n / trials for cid, n in tally.counts.items()}


def input_probability(s: Scenario, canon: str, claim: Claim, trials: int, seed: int) -> float | None:
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

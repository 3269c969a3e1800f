"""Monte Carlo risk: sample every uncertain input, simulate all trials, and aggregate as they stream by.

Trials are drawn in fixed blocks of ``BLOCK`` trials; block ``b`` draws from
``SeedSequence(seed, spawn_key=(b,))`` (the ``b``-th child of the seed), one uniform per trial per uncertain input
in the order of the input paths, turned into values by each distribution's inverse CDF. Chunks are whole blocks,
so the same seed gives the same numbers whatever the chunk size (or, later, the worker that runs a chunk).

Aggregation keeps memory flat in the number of trials: means from per-block sums, probabilities from counts,
quantiles from a mergeable log-bucket sketch with 0.5 % relative accuracy (DDSketch, Masson et al. 2019) that
also keeps each bucket's smallest and largest value, so a bucket of one distinct value is exact. Up to
``EXACT_LIMIT`` trials the per-trial metrics are also kept and their quantiles are exact.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable

import numpy as np
from numba import njit

from gigawatt.engine import SERIES, compile_inputs
from gigawatt.errors import GigawattError
from gigawatt.result import METRICS, metrics_from_series
from gigawatt.scenario import Scenario
from gigawatt.units import add_months

BLOCK = 1024
EXACT_LIMIT = 200_000
QUANTILES = (0.1, 0.5, 0.9)
FAN_SERIES = ("mw_online", "accelerators", "h100e", "capex_usd", "funding_gap_usd")
YEARLY_STOCKS = (
    "mw_online",
    "it_mw_installed",
    "accelerators",
    "h100e",
    "capex_usd",
    "equity_usd",
    "debt_usd",
    "cash_usd",
)
YEARLY_FLOWS = ("energy_mwh", "emissions_t", "opex_usd")
_IDX = {name: i for i, name in enumerate(SERIES)}


@njit(cache=True)
def _sketch_add(counts, mins, maxs, v, nb, lo, inv_lg, smallest):
    n, cells = v.shape
    for i in range(n):
        for c in range(cells):
            x = v[i, c]
            b = 0
            if x >= smallest:
                b = int(math.ceil(math.log(x) * inv_lg)) - lo + 1
                b = min(max(b, 1), nb - 1)
            j = c * nb + b
            counts[j] += 1
            mins[j] = min(mins[j], x)
            maxs[j] = max(maxs[j], x)


class Sketch:
    """Quantiles of many cells at once with relative error ``alpha`` (DDSketch buckets; values >= 0)."""

    def __init__(self, cells: int, alpha: float = 0.005, min_value: float = 1e-6, max_value: float = 1e30):
        self.alpha = alpha
        self.gamma = (1 + alpha) / (1 - alpha)
        self.lg = math.log(self.gamma)
        self.lo = math.ceil(math.log(min_value) / self.lg)
        self.nb = math.ceil(math.log(max_value) / self.lg) - self.lo + 2  # bucket 0 holds zeros (and < min_value)
        self.cells = cells
        self.counts = np.zeros(cells * self.nb, dtype=np.int64)
        self.mins = np.full(cells * self.nb, np.inf)
        self.maxs = np.full(cells * self.nb, -np.inf)

    def add(self, values: np.ndarray) -> None:
        """Add a (n, cells) array of values (negatives count as zero)."""
        v = np.ascontiguousarray(values, dtype=float).reshape(-1, self.cells)
        _sketch_add(
            self.counts, self.mins, self.maxs, v, self.nb, self.lo, 1.0 / self.lg, math.exp((self.lo - 1) * self.lg)
        )

    def merge(self, other: Sketch) -> None:
        self.counts += other.counts
        np.minimum(self.mins, other.mins, out=self.mins)
        np.maximum(self.maxs, other.maxs, out=self.maxs)

    def quantiles(self, qs) -> np.ndarray:
        """(len(qs), cells) values: the bucket holding rank q * (n - 1), as the mid-range of the values in it.

        Every value in a bucket lies within a factor gamma of the others, so the error is at most alpha relative;
        a bucket holding one distinct value (common: MW online takes few values) returns it exactly.
        """
        c = self.counts.reshape(self.cells, self.nb)
        with np.errstate(invalid="ignore"):  # empty buckets: inf + -inf, never selected
            mid = 0.5 * (self.mins + self.maxs).reshape(self.cells, self.nb)
        cum = np.cumsum(c, axis=1)
        n = cum[:, -1]
        out = np.zeros((len(qs), self.cells))
        for i, q in enumerate(qs):
            rank = np.floor(q * (n - 1))
            b = np.argmax(cum > rank[:, None], axis=1)
            out[i] = mid[np.arange(self.cells), b]
        return out


@dataclasses.dataclass
class RiskResult:
    """What :func:`risk` returns; ``as_json()`` is the ``gigawatt risk --json`` object."""

    scenario: Scenario
    trials: int
    seed: int
    uncertain: list[str]
    metrics: dict
    yearly: list[dict]
    probabilities: dict
    fan: dict  # series -> {"p10": array(T), "p50": ..., "p90": ..., "mean": ...}
    months: list
    method: str

    def as_json(self) -> dict:
        return {
            "scenario": self.scenario.name,
            "trials": self.trials,
            "seed": self.seed,
            "metrics": self.metrics,
            "yearly": self.yearly,
            "probabilities": self.probabilities,
            "uncertain_inputs": self.uncertain,
            "quantile_method": self.method,
        }


def sample_block(scenario: Scenario, seed: int, block: int, n: int) -> dict:
    """Values of every uncertain input for the ``n`` trials of block ``block``."""
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(block,)))
    values = {}
    for path in sorted(scenario.distributions):
        dist = scenario.distributions[path]
        x = dist.ppf(rng.random(n))
        if dist.kind == "choice":
            x = np.asarray(dist.choices, dtype=object)[x.astype(int)]
        values[path] = x
    return values


def _chunk_values(scenario: Scenario, seed: int, blocks: range, trials: int) -> tuple[dict, int]:
    sizes = [min(BLOCK, trials - b * BLOCK) for b in blocks]
    parts = [sample_block(scenario, seed, b, size) for b, size in zip(blocks, sizes, strict=True)]
    values = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    return values, sum(sizes)


def _per_trial(scenario: Scenario, values: dict, n: int):
    """Simulate n trials; returns (metrics dict of (n,), first-GW month (n,), series (n, S, T))."""
    from gigawatt.kernel import run_trials

    inp = compile_inputs(scenario, values, trials=n)
    out = run_trials(inp)
    series = {name: out["series"][:, i, :] for i, name in enumerate(SERIES)}
    series["_start_month"] = out["start_month"]
    m = metrics_from_series(series, inp)
    return m, out["series"], inp


def _derived(series: np.ndarray) -> dict[str, np.ndarray]:
    d = {name: series[:, i, :] for i, name in enumerate(SERIES)}
    d["capex_usd"] = d["capex_facility_usd"] + d["capex_it_usd"]
    return d


def risk(
    scenario: Scenario,
    trials: int = 10_000,
    seed: int = 0,
    chunk_trials: int = 8 * BLOCK,
    progress: Callable[[int], None] | None = None,
) -> RiskResult:
    """Run ``trials`` Monte Carlo trials of ``scenario`` and aggregate them.

    Parameters
    ----------
    scenario : Scenario  With distributions on some inputs (``scenario.distributions``); none is allowed (every
        trial is then the deterministic run).
    trials : int  Number of trials (>= 1).
    seed : int  Root seed (>= 0); the same seed gives the same numbers whatever ``chunk_trials``.
    chunk_trials : int  Trials simulated at once (rounded to whole blocks of 1,024); bounds memory.
    progress : callable  Called with the number of trials done after each chunk.
    """
    if not isinstance(trials, int | np.integer) or trials < 1:
        raise GigawattError(f"trials: {trials!r}; expected a whole number >= 1")
    if not isinstance(seed, int | np.integer) or seed < 0:
        raise GigawattError(f"seed: {seed!r}; expected a whole number >= 0")
    T = round(scenario.programme.horizon_months)
    months = [add_months(scenario.programme.start, t) for t in range(T)]
    years = sorted({m.year for m in months})
    year_end = [max(i for i, m in enumerate(months) if m.year == y) for y in years]
    year_of = np.array([m.year for m in months])
    metric_names = [k for k in METRICS if k != "first_gw_date"]
    Y = len(years)
    n_fan = len(FAN_SERIES) * T
    n_year = Y * (len(YEARLY_STOCKS) + len(YEARLY_FLOWS))
    sketch = Sketch(len(metric_names) + n_fan + n_year)
    exact = trials <= EXACT_LIMIT
    kept: list[np.ndarray] = []
    block_sums: list[np.ndarray] = []
    counts = {"never_gw": 0, "funding_gap": 0, **{f"gw_online_by_{y}": 0 for y in years}}
    n_blocks = math.ceil(trials / BLOCK)
    per_chunk = max(1, chunk_trials // BLOCK)
    first_hist = np.zeros(T + 1, dtype=np.int64)  # first-GW month histogram, last bin = never
    done = 0
    for b0 in range(0, n_blocks, per_chunk):
        blocks = range(b0, min(n_blocks, b0 + per_chunk))
        values, n = _chunk_values(scenario, seed, blocks, trials)
        m, series, _ = _per_trial(scenario, values, n)
        d = _derived(series)
        cols = [m[k] for k in metric_names]
        cols += [d[name] for name in FAN_SERIES]
        cols += [d[name][:, year_end] for name in YEARLY_STOCKS]
        cols += [np.stack([d[name][:, year_of == y].sum(-1) for y in years], -1) for name in YEARLY_FLOWS]
        table = np.concatenate([np.reshape(c, (n, -1)) for c in cols], axis=1)
        sketch.add(table)
        # per-block sums, so that means do not depend on the chunking
        for i, b in enumerate(blocks):
            lo = i * BLOCK
            block_sums.append(table[lo : lo + min(BLOCK, trials - b * BLOCK)].sum(0))
        if exact:
            kept.append(table[:, : len(metric_names)].copy())
        fg = m["first_gw_month_index"]
        first_hist += np.bincount(np.where(fg < 0, T, fg), minlength=T + 1)
        counts["funding_gap"] += int((m["funding_gap_max_usd"] > 0.5).sum())
        done += n
        if progress is not None:
            progress(done)

    mean = np.sum(np.stack(block_sums), axis=0) / trials
    q_sketch = sketch.quantiles(QUANTILES)
    metrics: dict = {}
    if exact:
        allm = np.concatenate(kept)
        q_exact = np.quantile(allm, QUANTILES, axis=0)
    for j, name in enumerate(metric_names):
        q = q_exact[:, j] if exact else q_sketch[:, j]
        metrics[name] = {"mean": float(mean[j]), "p10": float(q[0]), "p50": float(q[1]), "p90": float(q[2])}
    # first GW: quantiles of the month from its exact histogram; "never" ranks last
    cum = np.cumsum(first_hist)
    gw_q = {}
    for label, q in zip(("p10", "p50", "p90"), QUANTILES, strict=True):
        idx = int(np.argmax(cum > math.floor(q * (trials - 1))))
        gw_q[label] = None if idx >= T else add_months(months[0], idx).isoformat()[:7]
    metrics["first_gw_date"] = {"mean": None, **gw_q}
    metrics = {k: metrics[k] for k in METRICS}
    probabilities = {"first_gw_never": float(first_hist[T] / trials), "funding_gap": counts["funding_gap"] / trials}
    for y, e in zip(years, year_end, strict=True):
        probabilities[f"gw_online_by_{y}"] = float(first_hist[: e + 1].sum() / trials)
    off = len(metric_names)
    fan = {}
    for i, name in enumerate(FAN_SERIES):
        sl = slice(off + i * T, off + (i + 1) * T)
        fan[name] = {"mean": mean[sl], **{f"p{round(q * 100)}": q_sketch[k, sl] for k, q in enumerate(QUANTILES)}}
    off += n_fan
    yearly = [{"year": y} for y in years]
    for i, name in enumerate((*YEARLY_STOCKS, *YEARLY_FLOWS)):
        for yi in range(Y):
            j = off + i * Y + yi
            yearly[yi][name] = {
                "mean": float(mean[j]),
                "p10": float(q_sketch[0, j]),
                "p50": float(q_sketch[1, j]),
                "p90": float(q_sketch[2, j]),
            }
    method = (
        f"metrics exact; fan and yearly quantiles within {sketch.alpha:.1%} (log-bucket sketch)"
        if exact
        else f"quantiles within {sketch.alpha:.1%} relative (log-bucket sketch); means exact"
    )
    return RiskResult(
        scenario=scenario,
        trials=trials,
        seed=seed,
        uncertain=sorted(scenario.distributions),
        metrics=metrics,
        yearly=yearly,
        probabilities=probabilities,
        fan=fan,
        months=months,
        method=method,
    )

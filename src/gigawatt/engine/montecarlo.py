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

from gigawatt import limits
from gigawatt.data.scenario import Scenario
from gigawatt.engine import trials as batch_runs
from gigawatt.engine.inputs import SERIES, compile_inputs, undrawn
from gigawatt.engine.result import METRICS, metrics_from_series
from gigawatt.engine.sketch import Sketch
from gigawatt.engine.work import BLOCK, WorkPlan, chunk_trials_for, engine_runs_cost, sketch_bytes
from gigawatt.errors import GigawattError, ScenarioError
from gigawatt.units import add_months

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


def block_uniforms(scenario: Scenario, seed: int, block: int, n: int) -> np.ndarray:
    """The uniforms of block ``block``: (n, inputs), inputs in path order, from its own child seed."""
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(block,)))
    if not scenario.distributions:
        return np.zeros((n, 0))
    return np.stack([rng.random(n) for _ in scenario.distributions], axis=-1)


def values_from_uniforms(scenario: Scenario, u: np.ndarray) -> dict:
    """Each uncertain input's values (its inverse CDF) for uniforms ``u`` (rows: trials; columns: path order)."""
    values = {}
    for j, path in enumerate(sorted(scenario.distributions)):
        dist = scenario.distributions[path]
        x = dist.ppf(u[:, j])
        values[path] = np.asarray(dist.choices, dtype=object)[x.astype(int)] if dist.kind == "choice" else x
    return values


def sample_block(scenario: Scenario, seed: int, block: int, n: int) -> dict:
    """Values of every uncertain input for the ``n`` trials of block ``block``."""
    return values_from_uniforms(scenario, block_uniforms(scenario, seed, block, n))


def _chunk_values(scenario: Scenario, seed: int, blocks: range, trials: int) -> tuple[dict, int]:
    """Uniforms drawn block by block (so chunking cannot change them), mapped to values once for the chunk."""
    sizes = [min(BLOCK, trials - b * BLOCK) for b in blocks]
    u = np.concatenate([block_uniforms(scenario, seed, b, size) for b, size in zip(blocks, sizes, strict=True)])
    return values_from_uniforms(scenario, u), sum(sizes)


def simulate_trials(scenario: Scenario, values: dict, n: int):
    """Simulate ``n`` trials with ``values`` for the uncertain inputs; returns (metrics dict of arrays (n,),
    series (n, T, S), the compiled inputs). The counts by type are not kept (no metric reads them)."""
    inp = compile_inputs(scenario, values, trials=n)
    out = batch_runs.run(inp, compiled=True, by_type=False)
    m = metrics_from_series(batch_runs.series_dict(out), inp)
    return m, out["series"], inp


@dataclasses.dataclass
class _Layout:
    """Where each aggregated quantity sits in a trial's row of the aggregation table."""

    T: int
    months: list
    years: list
    year_end: list
    year_of: np.ndarray
    metric_names: list
    fan: tuple  # the series aggregated month by month (FAN_SERIES, or none where no fan is wanted)

    @classmethod
    def of(cls, scenario: Scenario, fans: bool = True) -> _Layout:
        T = round(scenario.programme.horizon_months)
        months = [add_months(scenario.programme.start, t) for t in range(T)]
        years = sorted({m.year for m in months})
        year_end = [max(i for i, m in enumerate(months) if m.year == y) for y in years]
        metric_names = [k for k in METRICS if k != "first_gw_date"]
        fan = FAN_SERIES if fans else ()
        return cls(T, months, years, year_end, np.array([m.year for m in months]), metric_names, fan)

    @property
    def cells(self) -> int:
        return (
            len(self.metric_names) + len(self.fan) * self.T + len(self.years) * (len(YEARLY_STOCKS) + len(YEARLY_FLOWS))
        )

    def table(self, m: dict, series: np.ndarray) -> np.ndarray:
        """(n, cells): each trial's metrics, fan series, yearly stocks (at each year's last month) and yearly flows
        (summed over each year's months), from ``series`` (n, T, S) in one compiled pass over each trial's months."""
        out = np.empty((series.shape[0], self.cells))
        for col, k in enumerate(self.metric_names):
            out[:, col] = m[k]
        ends = np.asarray(self.year_end, dtype=np.int64)
        starts = np.concatenate([[0], ends[:-1] + 1]).astype(np.int64)
        columns = (_columns(self.fan), _columns(YEARLY_STOCKS), _columns(YEARLY_FLOWS))
        _series_columns(series, out, len(self.metric_names), *columns, starts, ends)
        return out


def _columns(names) -> np.ndarray:
    """(len(names), 2) series indices of each name: (i, -1) for a series, (i, j) for the sum of two (capex_usd)."""
    pairs = {"capex_usd": (_IDX["capex_facility_usd"], _IDX["capex_it_usd"])}
    rows = [pairs[name] if name in pairs else (_IDX[name], -1) for name in names]
    return np.array(rows, dtype=np.int64).reshape(len(rows), 2)


@njit(cache=True, nogil=True)
def _series_columns(series, out, col0, fan, stocks, flows, starts, ends):
    """Fill ``out[:, col0:]`` from ``series`` (n, T, S): the fan series month by month, the stocks at each year's
    last month and the flows summed over each year's months (a column pair (i, j) is series i + series j)."""
    for r in range(series.shape[0]):
        col = col0
        for f in range(fan.shape[0]):
            i, j = fan[f, 0], fan[f, 1]
            for t in range(series.shape[1]):
                out[r, col] = series[r, t, i] + (series[r, t, j] if j >= 0 else 0.0)
                col += 1
        for f in range(stocks.shape[0]):
            i, j = stocks[f, 0], stocks[f, 1]
            for y in range(ends.shape[0]):
                out[r, col] = series[r, ends[y], i] + (series[r, ends[y], j] if j >= 0 else 0.0)
                col += 1
        for f in range(flows.shape[0]):
            i = flows[f, 0]
            for y in range(ends.shape[0]):
                s = 0.0
                for t in range(starts[y], ends[y] + 1):
                    s += series[r, t, i]
                out[r, col] = s
                col += 1


class Accumulator:
    """Partial aggregates of some blocks of trials; merging in any order gives the same final numbers.

    Sums are folded block by block in block order (``total`` holds blocks ``0 .. next_block - 1``, the same float
    additions whatever the chunking or the worker); a block that arrives before its turn waits in ``block_sums``.
    In one process the blocks come in order, so memory stays flat in the number of trials.
    """

    wants_metrics = True

    def __init__(self, layout: _Layout, keep_metrics: bool):
        self.layout = layout
        self.sketch = Sketch(layout.cells)
        self.total = np.zeros(layout.cells)
        self.next_block = 0
        self.block_sums: dict[int, np.ndarray] = {}
        self.kept: dict[int, np.ndarray] = {} if keep_metrics else None
        self.first_hist = np.zeros(layout.T + 1, dtype=np.int64)  # first-GW month; last bin = never
        self.funding_gap = 0
        self.trials = 0

    def add(self, blocks: range, sizes: list[int], m: dict, series: np.ndarray) -> None:
        table = self.layout.table(m, series)
        self.sketch.start_add(table)  # on the sketch's threads, while this thread goes on to the next chunk
        lo = 0
        for b, size in zip(blocks, sizes, strict=True):
            self.block_sums[b] = table[lo : lo + size].sum(0)
            if self.kept is not None:
                self.kept[b] = table[lo : lo + size, : len(self.layout.metric_names)].copy()
            lo += size
        self._fold()
        fg = m["first_gw_month_index"]
        self.first_hist += np.bincount(np.where(fg < 0, self.layout.T, fg), minlength=self.layout.T + 1)
        self.funding_gap += int((m["funding_gap_max_usd"] > 0.5).sum())
        self.trials += table.shape[0]

    def _fold(self) -> None:
        while self.next_block in self.block_sums:
            self.total = self.total + self.block_sums.pop(self.next_block)
            self.next_block += 1

    def merge(self, other: Accumulator) -> None:
        self.sketch.merge(other.sketch)
        if other.next_block:  # the other holds the folded prefix from block 0 (so this one holds none of it)
            self.total, self.next_block = other.total.copy(), other.next_block
        self.block_sums.update(other.block_sums)
        self._fold()
        if self.kept is not None:
            self.kept.update(other.kept)
        self.first_hist += other.first_hist
        self.funding_gap += other.funding_gap
        self.trials += other.trials


def run_blocks(
    scenario: Scenario,
    seed: int,
    trials: int,
    blocks: range,
    chunk_trials: int = 2 * BLOCK,
    progress: Callable[[int], None] | None = None,
    accumulator=None,
) -> Accumulator:
    """Simulate the trials of ``blocks`` (a range of block indices), ``chunk_trials`` at a time.

    While the compiled loop runs one chunk on its threads, this thread aggregates the chunk before and prepares
    the next (two sets of output buffers, used in turn). This is the unit of work a Dask worker runs; in one
    process, ``risk`` runs it on every block. ``accumulator``: what folds each chunk in (default: risk's
    :class:`Accumulator`); any object with ``add(blocks, sizes, metrics, series)`` and ``wants_metrics`` will do, and
    sees each chunk's series (n, T, S) before its buffer is reused (the claims ledger counts its claims that way).
    """
    acc = Accumulator(_Layout.of(scenario), keep_metrics=trials <= EXACT_LIMIT) if accumulator is None else accumulator
    per_chunk = max(1, chunk_trials // BLOCK)
    buffers: list[dict] = [{}, {}]  # each chunk's outputs, written in place chunk after chunk (memory touched once)
    running = None
    for i, b0 in enumerate(range(blocks.start, blocks.stop, per_chunk)):
        chunk = range(b0, min(blocks.stop, b0 + per_chunk))
        values, n = _chunk_values(scenario, seed, chunk, trials)
        inp = compile_inputs(scenario, values, trials=n)
        out = batch_runs.outputs(inp, buffers[i % 2], by_type=False)  # risk reads no counts by type
        started = (chunk, inp, out, batch_runs.start(inp, out))
        if running is not None:
            _aggregate(acc, running, trials_total=trials, progress=progress)
        running = started
    if running is not None:
        _aggregate(acc, running, trials_total=trials, progress=progress)
    return acc


def _aggregate(acc: Accumulator, running: tuple, trials_total: int, progress) -> None:
    """Wait for a chunk's trials, then fold their metrics (where ``acc`` wants them) and series into ``acc``."""
    chunk, inp, out, jobs = running
    for job in jobs:
        job.result()
    m = metrics_from_series(batch_runs.series_dict(out), inp) if acc.wants_metrics else None
    acc.add(chunk, [min(BLOCK, trials_total - b * BLOCK) for b in chunk], m, out["series"])
    if progress is not None:
        progress(inp.trials)


def counting(progress: Callable[[int], None] | None) -> Callable[[int], None]:
    """A step for :func:`run_blocks` (called with each chunk's trials) that calls ``progress`` with the trials done
    so far."""
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done)

    return step


def check_drawn(scenario: Scenario) -> None:
    """Refuse, by name, a distribution on an input the engine does not read per trial (the horizon, read once for
    every trial; a default that every item overrides, read not at all): it would be used at a single value in every
    trial, or at none, while the output listed it as uncertain."""
    if not scenario.distributions:
        return
    missed = undrawn(scenario, sample_block(scenario, 0, 0, 1))
    if missed:
        raise ScenarioError(
            [
                f"{path}: a distribution here is not drawn trial by trial ({_why_undrawn(scenario, path)}); expected a "
                "fixed value (docs/uncertainty.md lists what risk draws)"
                for path in missed
            ],
            scenario._origin or None,
        )


def _why_undrawn(scenario: Scenario, path: str) -> str:
    """Why the engine does not read ``path`` per trial, in words."""
    if path.startswith("programme."):
        return "the engine reads this field once, the same in every trial: the programme lays out the months"
    if path == "funding.announced_arrival" and all(p.announced_arrival is not None for p in scenario.partners):
        return "every partner gives its own announced_arrival, so this default is not used; put it on theirs"
    if path == "operations.pue" and all(ph.pue is not None for site in scenario.sites for ph in site.phases):
        return "every phase gives its own pue, so this default is not used; put it on theirs"
    return "the engine reads this field once for every trial, or not at all in this scenario"


def plan_risk(scenario: Scenario, trials: int) -> WorkPlan:
    """Time and memory of ``risk(scenario, trials)``, from the counts alone; refuses a distribution risk would not
    draw (:func:`check_drawn`)."""
    check_drawn(scenario)
    layout = _Layout.of(scenario)
    seconds, memory, chunk = engine_runs_cost(scenario, trials, cells=layout.cells)
    memory += sketch_bytes(layout.cells, Sketch(0).nb, trials)  # the pages of the sketch its values reach
    # up to EXACT_LIMIT trials every trial's metrics are kept, then joined and sorted for exact quantiles: 3 copies
    memory += 3 * 8 * trials * len(layout.metric_names) if trials <= EXACT_LIMIT else 0
    return WorkPlan(f"--trials {trials:,}", trials, limits.RISK_MAX_TRIALS, seconds, memory, chunk)


def risk(
    scenario: Scenario,
    trials: int = 10_000,
    seed: int = 0,
    chunk_trials: int | None = None,
    progress: Callable[[int], None] | None = None,
    run_on: Callable | None = None,
    fans: bool = True,
) -> RiskResult:
    """Run ``trials`` Monte Carlo trials of ``scenario`` and aggregate them.

    Parameters
    ----------
    scenario : Scenario  With distributions on some inputs (``scenario.distributions``); none is allowed (every
        trial is then the deterministic run).
    trials : int  Number of trials (>= 1).
    seed : int  Root seed (>= 0); the same seed gives the same numbers whatever ``chunk_trials`` or ``run_on``.
    chunk_trials : int  Trials simulated at once (rounded to whole blocks of 1,024); bounds memory
        (:func:`gigawatt.engine.work.chunk_trials_for` gives the most that fit ``limits.CHUNK_BYTES``).
    progress : callable  Called with the number of trials done so far.
    run_on : callable, optional  ``run_on(scenario, seed, trials, n_blocks, chunk_trials, progress)`` runs the
        blocks elsewhere and returns their merged :class:`Accumulator` (``gigawatt.engine.cluster.runner(client)``
        runs them on a Dask cluster); by default they run here, with :func:`run_blocks`.
    fans : bool  Whether to aggregate the fan series (``RiskResult.fan``, month by month: most of the cells to
        aggregate); ``False`` leaves ``fan`` empty and every other figure as it is (the command line asks for fans
        only when it writes them, with ``--out``). A run elsewhere (``run_on``) always aggregates them.
    """
    if isinstance(trials, bool) or not isinstance(trials, int | np.integer) or trials < 1:
        raise GigawattError(f"trials: {trials!r}; expected a whole number >= 1")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise GigawattError(f"seed: {seed!r}; expected a whole number >= 0")
    trials, seed = int(trials), int(seed)
    chunk_trials = chunk_trials_for(scenario) if chunk_trials is None else chunk_trials
    layout = _Layout.of(scenario, fans=fans or run_on is not None)
    n_blocks = math.ceil(trials / BLOCK)
    step = counting(progress)
    if run_on is None:
        acc = Accumulator(layout, keep_metrics=trials <= EXACT_LIMIT)
        acc = run_blocks(scenario, seed, trials, range(n_blocks), chunk_trials, step, acc)
    else:
        acc = run_on(scenario, seed, trials, n_blocks, chunk_trials, step)
    return _summarize(scenario, layout, acc, trials, seed)


def _summarize(scenario: Scenario, layout: _Layout, acc: Accumulator, trials: int, seed: int) -> RiskResult:
    T, years, months, metric_names = layout.T, layout.years, layout.months, layout.metric_names
    Y = len(years)
    acc._fold()
    if acc.block_sums:  # cannot happen once every block has arrived
        raise AssertionError(f"risk: blocks {sorted(acc.block_sums)[:5]} arrived without those before them")
    mean = acc.total / trials
    q_sketch = acc.sketch.quantiles(QUANTILES)
    exact = acc.kept is not None
    metrics: dict = {}
    if exact:
        q_exact = np.quantile(np.concatenate([acc.kept[b] for b in sorted(acc.kept)]), QUANTILES, axis=0)
    for j, name in enumerate(metric_names):
        q = q_exact[:, j] if exact else q_sketch[:, j]
        metrics[name] = {"mean": float(mean[j]), "p10": float(q[0]), "p50": float(q[1]), "p90": float(q[2])}
    # first GW: quantiles of the month from its exact histogram; "never" ranks last
    cum = np.cumsum(acc.first_hist)
    gw_q = {}
    for label, q in zip(("p10", "p50", "p90"), QUANTILES, strict=True):
        idx = int(np.argmax(cum > math.floor(q * (trials - 1))))
        gw_q[label] = None if idx >= T else add_months(months[0], idx).isoformat()[:7]
    metrics["first_gw_date"] = {"mean": None, **gw_q}
    metrics = {k: metrics[k] for k in METRICS}
    probabilities = {"first_gw_never": float(acc.first_hist[T] / trials), "funding_gap": acc.funding_gap / trials}
    for y, e in zip(years, layout.year_end, strict=True):
        probabilities[f"gw_online_by_{y}"] = float(acc.first_hist[: e + 1].sum() / trials)
    off = len(metric_names)
    fan = {}
    for i, name in enumerate(layout.fan):
        sl = slice(off + i * T, off + (i + 1) * T)
        fan[name] = {"mean": mean[sl], **{f"p{round(q * 100)}": q_sketch[k, sl] for k, q in enumerate(QUANTILES)}}
    off += len(layout.fan) * T
    in_year = [sum(1 for m in months if m.year == y) for y in years]
    # months simulated in each year: a partial year's flows are not a year's (as Result.yearly_rows)
    yearly = [{"year": y, "months": n, "partial": n < 12} for y, n in zip(years, in_year, strict=True)]
    for i, name in enumerate((*YEARLY_STOCKS, *YEARLY_FLOWS)):
        for yi in range(Y):
            j = off + i * Y + yi
            yearly[yi][name] = {
                "mean": float(mean[j]),
                "p10": float(q_sketch[0, j]),
                "p50": float(q_sketch[1, j]),
                "p90": float(q_sketch[2, j]),
            }
    alpha = acc.sketch.alpha
    method = (
        f"metrics exact; fan and yearly quantiles within {alpha:.1%} (log-bucket sketch)"
        if exact
        else f"quantiles within {alpha:.1%} relative (log-bucket sketch); means exact"
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

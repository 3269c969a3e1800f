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
from gigawatt.engine import trials
from gigawatt.engine.inputs import SERIES, compile_inputs
from gigawatt.engine.result import METRICS, metrics_from_series
from gigawatt.errors import GigawattError
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

    def __getstate__(self):
        used = np.flatnonzero(self.counts)  # ship only the buckets in use
        return {
            **{k: v for k, v in self.__dict__.items() if k not in ("counts", "mins", "maxs")},
            "used": used,
            "c": self.counts[used],
            "lo_v": self.mins[used],
            "hi_v": self.maxs[used],
        }

    def __setstate__(self, state):
        used, c, lo_v, hi_v = (state.pop(k) for k in ("used", "c", "lo_v", "hi_v"))
        self.__dict__.update(state)
        self.counts = np.zeros(self.cells * self.nb, dtype=np.int64)
        self.mins = np.full(self.cells * self.nb, np.inf)
        self.maxs = np.full(self.cells * self.nb, -np.inf)
        self.counts[used], self.mins[used], self.maxs[used] = c, lo_v, hi_v

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
    series (n, S, T), the compiled inputs)."""
    inp = compile_inputs(scenario, values, trials=n)
    out = trials.run(inp, compiled=True)
    m = metrics_from_series(trials.series_dict(out), inp)
    return m, out["series"], inp


def _derived(series: np.ndarray) -> dict[str, np.ndarray]:
    d = {name: series[:, i, :] for i, name in enumerate(SERIES)}
    d["capex_usd"] = d["capex_facility_usd"] + d["capex_it_usd"]
    return d


@dataclasses.dataclass
class _Layout:
    """Where each aggregated quantity sits in a trial's row of the aggregation table."""

    T: int
    months: list
    years: list
    year_end: list
    year_of: np.ndarray
    metric_names: list

    @classmethod
    def of(cls, scenario: Scenario) -> _Layout:
        T = round(scenario.programme.horizon_months)
        months = [add_months(scenario.programme.start, t) for t in range(T)]
        years = sorted({m.year for m in months})
        year_end = [max(i for i, m in enumerate(months) if m.year == y) for y in years]
        return cls(
            T, months, years, year_end, np.array([m.year for m in months]), [k for k in METRICS if k != "first_gw_date"]
        )

    @property
    def cells(self) -> int:
        return (
            len(self.metric_names)
            + len(FAN_SERIES) * self.T
            + len(self.years) * (len(YEARLY_STOCKS) + len(YEARLY_FLOWS))
        )

    def table(self, m: dict, series: np.ndarray) -> np.ndarray:
        d = _derived(series)
        n = series.shape[0]
        cols = [m[k] for k in self.metric_names]
        cols += [d[name] for name in FAN_SERIES]
        cols += [d[name][:, self.year_end] for name in YEARLY_STOCKS]
        cols += [np.stack([d[name][:, self.year_of == y].sum(-1) for y in self.years], -1) for name in YEARLY_FLOWS]
        return np.concatenate([np.reshape(c, (n, -1)) for c in cols], axis=1)


class Accumulator:
    """Partial aggregates of some blocks of trials; merging in any order gives the same final numbers.

    Sums are folded block by block in block order (``total`` holds blocks ``0 .. next_block - 1``, the same float
    additions whatever the chunking or the worker); a block that arrives before its turn waits in ``block_sums``.
    In one process the blocks come in order, so memory stays flat in the number of trials.
    """

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
        self.sketch.add(table)
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
    chunk_trials: int = 8 * BLOCK,
    progress: Callable[[int], None] | None = None,
) -> Accumulator:
    """Simulate the trials of ``blocks`` (a range of block indices), ``chunk_trials`` at a time.

    This is the unit of work a Dask worker runs; in one process, ``risk`` runs it on every block.
    """
    acc = Accumulator(_Layout.of(scenario), keep_metrics=trials <= EXACT_LIMIT)
    per_chunk = max(1, chunk_trials // BLOCK)
    for b0 in range(blocks.start, blocks.stop, per_chunk):
        chunk = range(b0, min(blocks.stop, b0 + per_chunk))
        sizes = [min(BLOCK, trials - b * BLOCK) for b in chunk]
        values, n = _chunk_values(scenario, seed, chunk, trials)
        m, series, _ = simulate_trials(scenario, values, n)
        acc.add(chunk, sizes, m, series)
        if progress is not None:
            progress(n)
    return acc


class WorkTooLarge(GigawattError):
    """A request beyond what this machine can do in reasonable time or memory (the user's to change): exit 2."""


@dataclasses.dataclass
class WorkPlan:
    """What a run will cost, estimated from its counts before it starts (see :func:`check_work`)."""

    what: str  # the flag and value, e.g. "--trials 1,000,000"
    runs: int  # model runs (trials)
    max_runs: int  # the count limit for this kind of run
    seconds: float  # estimated wall time
    bytes: float  # estimated peak memory
    chunk_trials: int  # trials simulated at once
    unit: str = "trials"  # what runs counts
    limit: str = "RISK_MAX_TRIALS"  # the name of max_runs in gigawatt.limits


def memory_bytes() -> int:
    """This machine's memory for one process: physical RAM, or less where a cgroup or ``ulimit -v`` says so."""
    import os
    import resource

    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    try:
        with open("/sys/fs/cgroup/memory.max") as f:
            text = f.read().strip()
        if text.isdigit():
            total = min(total, int(text))
    except OSError:
        pass
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft not in (resource.RLIM_INFINITY, -1) and soft > 0:
        total = min(total, soft)
    return total


def trial_bytes(scenario: Scenario) -> int:
    """Memory one trial takes while its chunk is simulated and aggregated: the series, per-type counts, per-phase
    inputs and the aggregation row (float64 each); measured within a factor of 1.5 at 60 to 600 months."""
    from gigawatt.data.catalog import catalog

    T = round(scenario.programme.horizon_months)
    P = sum(len(site.phases) for site in scenario.sites)
    K = len(catalog())
    return 8 * (T * (len(SERIES) + K + 3 * P + 40) + 16 * P)


def chunk_trials_for(scenario: Scenario, default: int = 8 * BLOCK) -> int:
    """Trials to simulate at once: whole blocks within ``limits.CHUNK_BYTES`` (at least one block)."""
    fit = limits.CHUNK_BYTES // max(1, trial_bytes(scenario)) // BLOCK * BLOCK
    return int(max(BLOCK, min(default, fit)))


BASE_BYTES = 200 * 2**20  # the interpreter, numpy, numba and the compiled engine


def engine_runs_cost(scenario: Scenario, runs: int) -> tuple[float, int, int]:
    """What ``runs`` runs of the engine on ``scenario`` cost, shared by every plan (risk, sensitivity):
    (seconds, bytes of the base process plus one chunk of runs in flight, the chunk in runs)."""
    T = round(scenario.programme.horizon_months)
    P = sum(len(site.phases) for site in scenario.sites)
    chunk = chunk_trials_for(scenario)
    seconds = runs * T * (limits.SECONDS_PER_TRIAL_MONTH + P * limits.SECONDS_PER_TRIAL_PHASE_MONTH)
    return seconds, BASE_BYTES + min(runs, chunk) * trial_bytes(scenario), chunk


def plan_risk(scenario: Scenario, trials: int) -> WorkPlan:
    """Time and memory of ``risk(scenario, trials)``, from the counts alone."""
    layout = _Layout.of(scenario)
    seconds, memory, chunk = engine_runs_cost(scenario, trials)
    nb = Sketch(0).nb  # buckets per cell
    memory += (
        5 * 8 * layout.cells * nb  # the sketch (counts, minima, maxima) and its quantile pass
        + (2 * 8 * min(trials, EXACT_LIMIT) * len(layout.metric_names) if trials <= EXACT_LIMIT else 0)
    )
    return WorkPlan(f"--trials {trials:,}", trials, limits.RISK_MAX_TRIALS, seconds, memory, chunk)


def _duration(seconds: float) -> str:
    for unit, size in (("years", 365.25 * 86400), ("days", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:,.3g} {unit}"
    return f"{seconds:.2g} s"


def _size(n: float) -> str:
    for unit, size in (("PiB", 2**50), ("TiB", 2**40), ("GiB", 2**30), ("MiB", 2**20)):
        if n >= size:
            return f"{n / size:,.3g} {unit}"
    return f"{n / 1024:,.3g} KiB"


def check_work(plan: WorkPlan, force: bool = False) -> None:
    """Refuse, before it starts, work beyond what this machine can do: more runs than the limit, longer than
    ``limits.WORK_MAX_SECONDS`` or more memory than ``limits.WORK_MAX_MEMORY_FRACTION`` of it (``force`` lifts
    these three); more memory than the machine has is refused even with ``force``."""
    machine = memory_bytes()
    estimate = f"estimated {_duration(plan.seconds)} and {_size(plan.bytes)} of memory"
    if plan.bytes > machine:
        raise WorkTooLarge(f"{plan.what}: {estimate}, more than this machine's {_size(machine)}; ask for less work")
    if force:
        return
    over = []
    if plan.runs > plan.max_runs:
        over.append(f"{plan.max_runs:,} {plan.unit} (limits.{plan.limit})")
    if plan.seconds > limits.WORK_MAX_SECONDS:
        over.append(f"{_duration(limits.WORK_MAX_SECONDS)} (limits.WORK_MAX_SECONDS)")
    if plan.bytes > limits.WORK_MAX_MEMORY_FRACTION * machine:
        over.append(
            f"{_size(limits.WORK_MAX_MEMORY_FRACTION * machine)} of memory (limits.WORK_MAX_MEMORY_FRACTION "
            "of this machine)"
        )
    if over:
        raise WorkTooLarge(
            f"{plan.what}: {estimate}, beyond {' and '.join(over)}; ask for less work, "
            "or add --force-large to run it anyway"
        )


def risk(
    scenario: Scenario,
    trials: int = 10_000,
    seed: int = 0,
    chunk_trials: int | None = None,
    progress: Callable[[int], None] | None = None,
    client=None,
) -> RiskResult:
    """Run ``trials`` Monte Carlo trials of ``scenario`` and aggregate them.

    Parameters
    ----------
    scenario : Scenario  With distributions on some inputs (``scenario.distributions``); none is allowed (every
        trial is then the deterministic run).
    trials : int  Number of trials (>= 1).
    seed : int  Root seed (>= 0); the same seed gives the same numbers whatever ``chunk_trials`` or ``client``.
    chunk_trials : int  Trials simulated at once (rounded to whole blocks of 1,024); bounds memory
        (:func:`chunk_trials_for` gives the most that fit ``limits.CHUNK_BYTES``).
    progress : callable  Called with the number of trials done so far.
    client : dask.distributed.Client, optional  Runs groups of blocks on its workers (see gigawatt.engine.cluster).
    """
    if isinstance(trials, bool) or not isinstance(trials, int | np.integer) or trials < 1:
        raise GigawattError(f"trials: {trials!r}; expected a whole number >= 1")
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise GigawattError(f"seed: {seed!r}; expected a whole number >= 0")
    trials, seed = int(trials), int(seed)
    chunk_trials = chunk_trials_for(scenario) if chunk_trials is None else chunk_trials
    layout = _Layout.of(scenario)
    n_blocks = math.ceil(trials / BLOCK)
    done = 0

    def step(n):
        nonlocal done
        done += n
        if progress is not None:
            progress(done)

    if client is None:
        acc = run_blocks(scenario, seed, trials, range(n_blocks), chunk_trials, step)
    else:
        from gigawatt.engine.cluster import run_on_cluster

        acc = run_on_cluster(client, scenario, seed, trials, n_blocks, chunk_trials, step)
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
    for i, name in enumerate(FAN_SERIES):
        sl = slice(off + i * T, off + (i + 1) * T)
        fan[name] = {"mean": mean[sl], **{f"p{round(q * 100)}": q_sketch[k, sl] for k, q in enumerate(QUANTILES)}}
    off += len(FAN_SERIES) * T
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

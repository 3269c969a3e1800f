"""Which uncertain inputs matter: global sensitivity (SALib: Sobol or Morris) and a one-at-a-time tornado.

Every uncertain input is sampled on the unit interval and mapped through its distribution's inverse CDF, so SALib
sees independent uniform factors and the model sees each input's own distribution.

- Sobol (Saltelli/Sobol' sequence, first-order S1 and total ST with bootstrap confidence intervals):
  N · (D + 2) runs for D inputs.
- Morris (elementary effects: mu*, its confidence interval, sigma): N · (D + 1) runs.
- Tornado: the metric with each input at its 10th and 90th percentile and the others at their central values.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Callable

import numpy as np

from gigawatt.data.scenario import Scenario
from gigawatt.engine.result import METRICS
from gigawatt.errors import GigawattError

NUMERIC_METRICS = [k for k in METRICS if k != "first_gw_date"]
METHODS = ("sobol", "morris")
RESAMPLES = 100  # Sobol bootstrap resamples for the confidence intervals (SALib's default)
U_MIN = 1e-4  # Morris visits u = 0 and 1: unbounded distributions are cut at their 0.01 % and 99.99 % quantiles


@dataclasses.dataclass
class SensitivityResult:
    scenario: Scenario
    metric: str
    method: str
    samples: int
    evaluations: int
    seed: int
    base: float
    indices: list[dict]
    warnings: list[str] = dataclasses.field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "scenario": self.scenario.name,
            "metric": self.metric,
            "method": self.method,
            "samples": self.samples,
            "evaluations": self.evaluations,
            "seed": self.seed,
            "base": self.base,
            "indices": self.indices,
            "warnings": self.warnings,
        }


def _values(scenario: Scenario, paths: list[str], u: np.ndarray) -> dict:
    out = {}
    for j, path in enumerate(paths):
        dist = scenario.distributions[path]
        x = dist.ppf(np.clip(u[:, j], U_MIN, 1.0 - U_MIN))
        out[path] = np.asarray(dist.choices, dtype=object)[x.astype(int)] if dist.kind == "choice" else x
    return out


def _metric(scenario: Scenario, values: dict, n: int, metric: str) -> np.ndarray:
    from gigawatt.engine.montecarlo import simulate_trials

    return simulate_trials(scenario, values, n)[0][metric]


def evaluate(
    scenario: Scenario,
    paths: list[str],
    u: np.ndarray,
    metric: str,
    chunk: int = 8192,
    progress: Callable[[int], None] | None = None,
) -> np.ndarray:
    """The metric for each row of ``u`` (rows: runs; columns: uniforms for ``paths``), ``chunk`` rows at a time;
    ``progress(done)`` after each chunk."""
    out = np.empty(len(u))
    chunk = max(1, int(chunk))
    for lo in range(0, len(u), chunk):
        part = u[lo : lo + chunk]
        out[lo : lo + len(part)] = _metric(scenario, _values(scenario, paths, part), len(part), metric)
        if progress is not None:
            progress(lo + len(part))
    return out


def _check_args(scenario: Scenario, metric: str, method: str, samples: int) -> list[str]:
    if metric not in NUMERIC_METRICS:
        raise GigawattError(f"--metric: unknown metric {metric!r}; expected one of: {', '.join(NUMERIC_METRICS)}")
    if method not in METHODS:
        raise GigawattError(f"--method: {method!r}; expected one of: {', '.join(METHODS)}")
    paths = sorted(scenario.distributions)
    if not paths:
        raise GigawattError(
            f"{scenario.name}: no uncertain inputs; put distributions on some, e.g. "
            "--set 'risks.cost_overrun={dist: uniform, low: 0.9, high: 1.3}'"
        )
    if isinstance(samples, bool) or not isinstance(samples, int | np.integer) or samples < 2:
        raise GigawattError(f"--samples: {samples}; expected a whole number >= 2")
    if method == "sobol" and samples & (samples - 1):
        raise GigawattError(f"--samples: {samples}; Sobol sampling needs a power of two (e.g. 512, 1024, 2048)")
    return paths


def plan_sensitivity(scenario: Scenario, method: str = "sobol", samples: int = 1024, metric: str = "capex_total_usd"):
    """Time and memory of :func:`sensitivity`, from the counts alone (a :class:`gigawatt.engine.work.WorkPlan`).

    Runs: N (D + 2) for Sobol, N (D + 1) for Morris, D inputs. Memory: the sample (twice, while SALib builds it),
    the outputs, Sobol's bootstrap (``RESAMPLES`` draws of N, a few arrays of them) and one chunk of runs in flight.
    """
    from gigawatt import limits
    from gigawatt.engine.montecarlo import check_drawn
    from gigawatt.engine.work import WorkPlan, engine_runs_cost

    paths = _check_args(scenario, metric, method, samples)
    check_drawn(scenario)  # an input the engine does not draw would get an index of zero, as if it did not matter
    d = len(paths)
    n = int(samples)
    runs = n * (d + 2) if method == "sobol" else n * (d + 1)
    seconds, memory, chunk = engine_runs_cost(scenario, runs)
    memory += 8 * runs * (2 * d + 1) + (5 * 8 * RESAMPLES * n if method == "sobol" else 8 * runs * 2)
    seconds += 1e-8 * RESAMPLES * n * d if method == "sobol" else 0.0
    return WorkPlan(
        f"--samples {n:,} ({runs:,} runs)",
        runs,
        limits.SENSITIVITY_MAX_RUNS,
        seconds,
        memory,
        chunk,
        unit="model runs",
        limit="SENSITIVITY_MAX_RUNS",
    )


def sensitivity(
    scenario: Scenario,
    metric: str = "capex_total_usd",
    method: str = "sobol",
    samples: int = 1024,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
    chunk: int | None = None,
) -> SensitivityResult:
    """Sensitivity of ``metric`` to the scenario's uncertain inputs.

    Parameters
    ----------
    metric : str  One of the numeric key metrics (``gigawatt.METRICS`` less ``first_gw_date``).
    method : str  ``sobol`` (S1, ST with 95 % intervals) or ``morris`` (mu*, sigma).
    samples : int  N: base samples for Sobol (a power of two), trajectories for Morris.
    seed : int  Seeds the sample and the bootstrap.
    progress : callable  Called with the number of model runs done so far.
    chunk : int  Model runs simulated at once (default: as many as fit ``limits.CHUNK_BYTES``); bounds memory.

    Size the work first with :func:`plan_sensitivity` and :func:`gigawatt.engine.work.check_work`.
    """
    from gigawatt.engine.work import chunk_trials_for

    paths = _check_args(scenario, metric, method, samples)
    chunk = chunk_trials_for(scenario) if chunk is None else chunk
    problem = {"num_vars": len(paths), "names": paths, "bounds": [[0.0, 1.0]] * len(paths)}

    def run(u):
        return evaluate(scenario, paths, u, metric, chunk, progress)

    u, y, rows, caught = (_sobol if method == "sobol" else _morris)(problem, samples, int(seed), run)
    evaluations = len(u)
    said = _remarks(metric, y, caught)
    base, swings = tornado(scenario, paths, metric)
    for r in rows:
        r.update(swings[r["input"]])
    return SensitivityResult(
        scenario=scenario,
        metric=metric,
        method=method,
        samples=samples,
        evaluations=evaluations + 2 * len(paths) + 1,
        seed=int(seed),
        base=base,
        indices=rows,
        warnings=said,
    )


def _sobol(problem: dict, samples: int, seed: int, run) -> tuple[np.ndarray, np.ndarray, list[dict], list]:
    """Saltelli's sample of the unit cube, the model run on it, and Sobol's first-order and total indices with
    bootstrap 95 % intervals (Saltelli et al. 2010), rows by decreasing ST."""
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    u = sobol_sample.sample(problem, samples, calc_second_order=False, seed=seed)
    y = run(u)
    # a SeedSequence, not the int: SALib skips seeding for a seed of 0 (`if seed:`); for others it is the same stream
    with warnings.catch_warnings(record=True) as caught:  # SALib's remarks (see _remarks)
        warnings.simplefilter("always")
        res = sobol_analyze.analyze(
            problem, y, calc_second_order=False, num_resamples=RESAMPLES, seed=np.random.SeedSequence(seed)
        )
    keys = ("S1", "S1_conf", "ST", "ST_conf")
    rows = [{"input": p, **{k: float(res[k][i]) for k in keys}} for i, p in enumerate(problem["names"])]
    return u, y, sorted(rows, key=lambda r: -r["ST"]), caught


def _morris(problem: dict, samples: int, seed: int, run) -> tuple[np.ndarray, np.ndarray, list[dict], list]:
    """Morris trajectories (4 levels), the model run on them, and mu* (with its 95 % interval) and sigma of the
    elementary effects (Campolongo et al. 2007), rows by decreasing mu*."""
    from SALib.analyze import morris as morris_analyze
    from SALib.sample import morris as morris_sample

    u = morris_sample.sample(problem, samples, num_levels=4, seed=seed)
    y = run(u)
    with warnings.catch_warnings(record=True) as caught:  # SALib's remarks (see _remarks)
        warnings.simplefilter("always")
        res = morris_analyze.analyze(problem, u, y, num_levels=4, seed=seed)
    keys = ("mu_star", "mu_star_conf", "sigma")
    rows = [{"input": p, **{k: float(res[k][i]) for k in keys}} for i, p in enumerate(problem["names"])]
    return u, y, sorted(rows, key=lambda r: -r["mu_star"]), caught


def _remarks(metric: str, y: np.ndarray, caught: list) -> list[str]:
    """What to tell the user beside the indices: a metric that never varies, or SALib's own remarks."""
    if np.ptp(y) == 0:
        return [
            f"{metric} is {y[0]:.6g} in every run: it does not depend on the uncertain inputs, so their indices are "
            "0 or undefined (null)"
        ]
    # SALib's own remarks, as one line each (its constant-output warning is replaced by the line above)
    return sorted({" ".join(str(w.message).split()) for w in caught})


def tornado(scenario: Scenario, paths: list[str], metric: str) -> tuple[float, dict]:
    """The metric of the deterministic run (every input at its central value), and with each input alone at its
    10th and 90th percentile."""
    base = float(_metric(scenario, {}, 1, metric)[0])
    swings = {}
    for p in paths:
        y = _metric(scenario, _values(scenario, [p], np.array([[0.1], [0.9]])), 2, metric)
        swings[p] = {"at_p10": float(y[0]), "at_p90": float(y[1])}
    return base, swings

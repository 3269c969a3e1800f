"""gigawatt: a digital twin of gigawatt-scale AI build-outs (Stargate and its rivals).

Python API::

    import gigawatt as gw
    s = gw.load_scenario("stargate")          # or a path to a YAML file; overrides=["funding.announced_arrival=0"]
    r = gw.simulate(s)
    r.timeseries    # pandas DataFrame, one row per month
    r.metrics       # dict of key metrics
    gw.estimate("gb200", power_mw=1200)
    gw.risk(s, trials=10_000, seed=1)          # Monte Carlo over the scenario's distributions

The API keeps the CLI's checks: a field set on a loaded scenario is validated at once (``ScenarioError``, the
loader's message), the whole scenario again before each run, ``risk`` takes the CLI's work limits
(``WorkTooLarge``; ``force_large=True`` lifts them as ``--force-large`` does), and every error is a
``GigawattError`` with the CLI's message.
"""

import numbers
from pathlib import Path

from gigawatt.data.catalog import catalog, defaults, get_accelerator
from gigawatt.data.loading import builtin_names, load_scenario, resolved_with_sources, revalidated
from gigawatt.data.scenario import Scenario
from gigawatt.engine.estimate import estimate
from gigawatt.engine.result import METRICS, RUN_METRICS, Result
from gigawatt.engine.result import simulate as _simulate
from gigawatt.engine.work import WorkTooLarge
from gigawatt.errors import GigawattError, ScenarioError, UnknownNameError

__version__ = "0.1.0"


def _scenario(scenario: Scenario | str | Path) -> Scenario:
    """A scenario ready to run: one given is checked again as a whole (its fields may have been set since it was
    loaded); a built-in name or a YAML path is loaded."""
    if isinstance(scenario, str | Path):
        return load_scenario(scenario)
    return revalidated(scenario)


def simulate(scenario: Scenario | str | Path) -> Result:
    """Run one scenario deterministically, month by month: a :class:`Scenario`, a built-in name or a YAML path.
    See :func:`gigawatt.engine.result.simulate`."""
    return _simulate(_scenario(scenario))


def risk(
    scenario: Scenario | str | Path,
    trials: int = 10_000,
    seed: int = 0,
    client=None,
    force_large: bool = False,
    **kwargs,
):
    """Monte Carlo over the scenario's distributions: see :func:`gigawatt.engine.montecarlo.risk` (imported on
    first use, so that deterministic runs do not load numba). ``client``: a ``dask.distributed.Client`` to run the
    trials on its workers (same seed, same numbers). Work beyond the CLI's limits (``gigawatt.limits``: trials,
    time, memory) raises :class:`WorkTooLarge` before it starts, unless ``force_large`` (more memory than the
    machine has is refused even then)."""
    from gigawatt.engine.numba_cache import check_threads_setting

    check_threads_setting()  # before numba is imported: NUMBA_NUM_THREADS=0 makes that import fail
    from gigawatt.engine.montecarlo import plan_risk
    from gigawatt.engine.montecarlo import risk as _risk
    from gigawatt.engine.work import check_work

    scenario = _scenario(scenario)
    if isinstance(trials, bool) or not isinstance(trials, numbers.Integral) or trials < 1:
        raise GigawattError(f"trials: {trials!r}; expected a whole number >= 1")
    trials = int(trials)
    plan = plan_risk(scenario, trials)
    plan.what, plan.force = f"trials={trials:,}", "pass force_large=True"
    check_work(plan, force_large)
    if client is not None:
        from gigawatt.engine.cluster import runner

        kwargs["run_on"] = runner(client)
    return _risk(scenario, trials=trials, seed=seed, **kwargs)


__all__ = [
    "METRICS",
    "RUN_METRICS",
    "GigawattError",
    "Result",
    "Scenario",
    "ScenarioError",
    "UnknownNameError",
    "WorkTooLarge",
    "builtin_names",
    "catalog",
    "defaults",
    "estimate",
    "get_accelerator",
    "load_scenario",
    "resolved_with_sources",
    "risk",
    "simulate",
]

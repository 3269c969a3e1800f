"""gigawatt: a digital twin of gigawatt-scale AI build-outs (Stargate and its rivals).

Python API::

    import gigawatt as gw
    s = gw.load_scenario("stargate")          # or a path to a YAML file; overrides=["funding.announced_arrival=0"]
    r = gw.simulate(s)
    r.timeseries    # pandas DataFrame, one row per month
    r.metrics       # dict of key metrics
    gw.estimate("gb200", power_mw=1200)
    gw.risk(s, trials=10_000, seed=1)          # Monte Carlo over the scenario's distributions
"""

from gigawatt.data.catalog import catalog, defaults, get_accelerator
from gigawatt.data.loading import builtin_names, load_scenario, resolved_with_sources
from gigawatt.data.scenario import Scenario
from gigawatt.engine.estimate import estimate
from gigawatt.engine.result import METRICS, RUN_METRICS, Result, simulate
from gigawatt.errors import GigawattError, ScenarioError, UnknownNameError

__version__ = "0.1.0"


def risk(scenario: Scenario, trials: int = 10_000, seed: int = 0, client=None, **kwargs):
    """Monte Carlo over the scenario's distributions: see :func:`gigawatt.engine.montecarlo.risk` (imported on
    first use, so that deterministic runs do not load numba). ``client``: a ``dask.distributed.Client`` to run the
    trials on its workers (same seed, same numbers)."""
    from gigawatt.engine.montecarlo import risk as _risk

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

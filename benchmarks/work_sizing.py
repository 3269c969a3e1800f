"""The work estimate against what a run measures (issue 20, "work sized honestly at the extremes").

    python benchmarks/work_sizing.py [--json] [--quick] [--shape LABEL ...]

Each shape runs in its own fresh interpreter: ``risk`` on a synthetic scenario of P phases over T months with two
uncertain inputs (utilization and the phases' power), or ``ops`` on one setting. The child first warms the
compiled code on a tiny scenario of the same kind (numba's cache: the timed run does not compile), then takes the
estimate the command refuses work by (``gigawatt.engine.montecarlo.plan_risk``: bytes and seconds;
``gigawatt.engine.operations.estimate_events`` for ops, seconds at ``OPS_EVENTS_PER_SECOND``) and runs the work.
It reports ``peak_rss_mib`` (``getrusage(RUSAGE_SELF).ru_maxrss``: the whole process, interpreter and libraries
included, as the estimate's BASE_BYTES is) and ``wall_s`` (the run alone), with the ratios estimate / measured:
the estimate should stay within 3x of the measure (``ratio_*`` between 1/3 and 3), and at or above 1 where it can
(a refusal that comes too late is worse than one that comes early).

Shapes: the corners the limits allow (``limits.MAX_PHASES`` = 1,000 phases, ``limits.MAX_HORIZON_MONTHS`` = 600
months) at trials this 2-core machine runs in under a minute each, few and many trials (across ``EXACT_LIMIT``,
where risk stops keeping every trial's metrics). ``--quick`` runs the four corners only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# label: (command, phases, months, trials) for risk; (command, ops settings, trials) for ops
RISK_SHAPES = {
    "risk_1p_24m_2k": (1, 24, 2_000),
    "risk_1p_600m_2k": (1, 600, 2_000),
    "risk_1000p_24m_2k": (1_000, 24, 2_000),
    "risk_1000p_600m_2k": (1_000, 600, 2_000),  # the case: refused as 15.5 GiB before
    "risk_1000p_600m_1": (1_000, 600, 1),
    "risk_100p_600m_20k": (100, 600, 20_000),
    "risk_10p_120m_200k": (10, 120, 200_000),  # at EXACT_LIMIT: every trial's metrics kept
    "risk_10p_120m_400k": (10, 120, 400_000),  # beyond it: sketch only
    "risk_1p_12m_1m": (1, 12, 1_000_000),
}
OPS_SHAPES = {
    "ops_16k_54d_1k": ({"accelerators": 16_384, "days": 54.0}, 1_000),
    "ops_1m_365d_100": ({"accelerators": 1_000_000, "days": 365.0}, 100),
    "ops_16k_54d_weibull_1k": ({"accelerators": 16_384, "days": 54.0, "distribution": "weibull", "shape": 0.7}, 1_000),
    "ops_16k_30d_cluster_1k": ({"accelerators": 16_384, "days": 30.0, "capacity": {"spares": 4}}, 1_000),
}
QUICK = ("risk_1p_24m_2k", "risk_1p_600m_2k", "risk_1000p_24m_2k", "risk_1000p_600m_2k")

_RISK_CHILD = """
import copy, json, os, resource, time
import gigawatt as gw
from gigawatt.engine.montecarlo import plan_risk, risk

def scenario(P, T):
    phases = [
        {{"name": f"p{{i}}", "power_mw": {{"dist": "uniform", "low": 5, "high": 15}} if i == 0 else 10,
          "start": f"{{2025 + i % 20}}-{{1 + i % 12:02d}}", "construction_months": 6, "capex_per_mw_usd": 10e6,
          "accelerator": "h100"}}
        for i in range(P)
    ]
    return gw.load_scenario({{
        "name": "shape", "programme": {{"start": "2025-01", "horizon_months": T}},
        "partners": [{{"name": "p", "pledges": [{{"amount_usd": 1e13, "secured_usd": 1e13, "start": "2025-01"}}]}}],
        "sites": [{{"name": "a", "phases": phases}}],
        "operations": {{"utilization": {{"dist": "uniform", "low": 0.5, "high": 0.9}}, "lifetime_months": 60}},
    }})

risk(scenario(1, 12), trials=2, seed=1)  # load the compiled loop from numba's cache
s = scenario({P}, {T})
plan = plan_risk(s, {n})
load = os.getloadavg()[0]
u0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
risk(s, trials={n}, seed=1)
u1, wall = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter() - t0
cpu = u1.ru_utime + u1.ru_stime - u0.ru_utime - u0.ru_stime
print(json.dumps({{"estimate_mib": plan.bytes / 2**20, "estimate_s": plan.seconds, "peak_rss_mib": u1.ru_maxrss / 1024,
                  "wall_s": wall, "cpu_s": cpu, "load_average": load, "chunk_trials": plan.chunk_trials}}))
"""

_OPS_CHILD = """
import json, os, resource, time
from gigawatt.engine.operations import Capacity, OpsConfig, estimate_events, ops
from gigawatt.limits import OPS_EVENTS_PER_SECOND
settings = json.loads({settings!r})
capacity = Capacity(**settings.pop("capacity")) if "capacity" in settings else None
ops(OpsConfig(64, days=1.0, trials=10))  # load the kernels from numba's cache
ops(OpsConfig(64, days=1.0, trials=10, capacity=Capacity()))
cfg = OpsConfig(trials={n}, max_events=1e12, capacity=capacity, **settings)
load = os.getloadavg()[0]
u0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
r = ops(cfg)
u1, wall = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter() - t0
cpu = u1.ru_utime + u1.ru_stime - u0.ru_utime - u0.ru_stime
servers = capacity.servers(cfg.accelerators) if capacity is not None else 0
events = estimate_events(r.trials, cfg.days * 24.0, r.mtti_hours, r.checkpoint_interval_minutes / 60,
                         r.checkpoint_write_minutes / 60, cfg.distribution, cfg.shape, servers, capacity is None)
print(json.dumps({{"estimate_events": events, "estimate_s": events / OPS_EVENTS_PER_SECOND,
                  "peak_rss_mib": u1.ru_maxrss / 1024, "wall_s": wall, "cpu_s": cpu, "load_average": load}}))
"""


def _child(code: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise RuntimeError(f"shape process exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(label: str) -> dict:
    """One shape in a fresh interpreter: its estimate, its measure and their ratios."""
    if label in RISK_SHAPES:
        P, T, n = RISK_SHAPES[label]
        row = {"shape": label, "phases": P, "months": T, "trials": n, **_child(_RISK_CHILD.format(P=P, T=T, n=n))}
        row["ratio_memory"] = row["estimate_mib"] / row["peak_rss_mib"]
    else:
        settings, n = OPS_SHAPES[label]
        row = {"shape": label, "trials": n, **_child(_OPS_CHILD.format(settings=json.dumps(settings), n=n))}
    row["ratio_time"] = row["estimate_s"] / row["wall_s"]
    # on a busy machine the wall time is stretched by the other work; the process's CPU time over the cores it may
    # use is what the run would take alone (a lower bound: parts of a run are serial)
    row["ratio_time_cpu"] = row["estimate_s"] / (row["cpu_s"] / _cores())
    return row


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def table(rows: list[dict]) -> str:
    head = ("shape", "est MiB", "peak MiB", "ratio", "est s", "wall s", "ratio", "cpu s", "ratio", "load")
    lines = [
        f"{row['shape']:<24} {row.get('estimate_mib', float('nan')):>9.0f} {row['peak_rss_mib']:>9.0f} "
        f"{row.get('ratio_memory', float('nan')):>6.2f} {row['estimate_s']:>8.2f} {row['wall_s']:>8.2f} "
        f"{row['ratio_time']:>6.2f} {row['cpu_s']:>8.2f} {row['ratio_time_cpu']:>6.2f} {row['load_average']:>5.1f}"
        for row in rows
    ]
    header = (
        f"{head[0]:<24} {head[1]:>9} {head[2]:>9} {head[3]:>6} {head[4]:>8} {head[5]:>8} {head[6]:>6} "
        f"{head[7]:>8} {head[8]:>6} {head[9]:>5}"
    )
    return "\n".join([header, "-" * len(header), *lines])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--quick", action="store_true", help="the four corners of risk only")
    parser.add_argument("--shape", action="append", choices=[*RISK_SHAPES, *OPS_SHAPES], help="only these shapes")
    args = parser.parse_args(argv)
    labels = args.shape or (QUICK if args.quick else [*RISK_SHAPES, *OPS_SHAPES])
    rows = []
    for label in labels:
        rows.append(measure(label))
        if not args.json:
            print(table(rows[-1:]).splitlines()[-1] if len(rows) > 1 else table(rows), flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

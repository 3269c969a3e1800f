"""Benchmarks: print figures as JSON (--json) or as a table. Not part of the test run.

    python benchmarks/run.py core [--json] [--repeats N]
    python benchmarks/run.py engine [--json] [--trials N]
    python benchmarks/run.py ops [--json]

core: ``single_run_ms`` is the median wall time of an in-process ``gigawatt.simulate`` of the built-in
``stargate`` scenario after warm-up (the dashboard budget is 50 ms); also loading, the other scenarios, and the
whole ``gigawatt run stargate --json`` process.

engine: the compiled Monte Carlo engine on ``stargate`` with its distributions: trial-phase-months per second on
one core and on all cores (``trial_site_months_per_second``; a "site" here is a phase), the whole
``gigawatt risk stargate --trials 100000`` process (caches warm), and the peak memory of ``risk`` processes at
several trial counts; ``simpy_ratio`` is the engine's rate over the event-driven SimPy reference's
(tests/reference_simpy.py) on the same scenario.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _median_ms(fn, repeats: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    return statistics.median(times), min(times)


def bench_core(repeats: int) -> dict:
    import gigawatt as gw

    out: dict = {
        "benchmark": "core",
        "repeats": repeats,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    stargate = gw.load_scenario("stargate")
    out["single_run_ms"], out["single_run_min_ms"] = _median_ms(lambda: gw.simulate(stargate), repeats)
    out["load_ms"], _ = _median_ms(lambda: gw.load_scenario("stargate"), max(5, repeats // 4))
    for name in gw.builtin_names():
        s = gw.load_scenario(name)
        out[f"simulate_{name}_ms"], _ = _median_ms(lambda s=s: gw.simulate(s), max(5, repeats // 4))
    cmd = [sys.executable, "-m", "gigawatt", "run", "stargate", "--json"]
    subprocess.run(cmd, capture_output=True, check=True)  # warm the file cache
    walls = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        walls.append(time.perf_counter() - t0)
    out["cli_run_stargate_s"] = statistics.median(walls)
    out["single_run_budget_ms"] = 50.0
    out["within_budget"] = out["single_run_ms"] <= 50.0
    return out


def _kernel_rate(threads: int, trials: int) -> float:
    code = f"""
import time, gigawatt as gw
from gigawatt.engine.inputs import compile_inputs
from gigawatt.engine.kernel import run_trials
from gigawatt.engine.montecarlo import _chunk_values, BLOCK
s = gw.load_scenario('stargate')
v, n = _chunk_values(s, 1, range(0, {trials} // BLOCK), {trials})
inp = compile_inputs(s, v, trials=n)
run_trials(inp)
t = time.perf_counter()
for _ in range(5):
    run_trials(inp)
dt = (time.perf_counter() - t) / 5
print(n * inp.power_mw.shape[1] * len(inp.months) / dt)
"""
    env = {**os.environ, "NUMBA_NUM_THREADS": str(threads)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return float(out.stdout.strip().splitlines()[-1])


def _process(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024.0


def _simpy_rate(repeats: int = 20) -> float:
    """Trial-phase-months per second of the event-driven SimPy reference (tests/reference_simpy.py) on ``stargate``
    at its central values, reading the scenario itself (as in tests/test_reference.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import gigawatt as gw
    from reference_simpy import simulate_reference

    s = gw.load_scenario("stargate")
    ref = simulate_reference(s)
    t0 = time.perf_counter()
    for _ in range(repeats):
        simulate_reference(s)
    dt = (time.perf_counter() - t0) / repeats
    return len(ref.plan.phases) * ref.plan.T / dt


def bench_engine(trials: int) -> dict:
    out: dict = {
        "benchmark": "engine",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": os.cpu_count(),
    }
    out["trial_site_months_per_second_1_core"] = _kernel_rate(1, 8192)
    out["trial_site_months_per_second"] = _kernel_rate(os.cpu_count() or 1, 8192)
    out["simpy_trial_site_months_per_second"] = _simpy_rate()
    out["simpy_ratio"] = out["trial_site_months_per_second"] / out["simpy_trial_site_months_per_second"]
    out["simpy_ratio_1_core"] = out["trial_site_months_per_second_1_core"] / out["simpy_trial_site_months_per_second"]
    cmd = [sys.executable, "-m", "gigawatt", "risk", "stargate", "--trials", str(trials), "--seed", "1", "--json"]
    _process(cmd)  # warm the compile cache
    walls = [_process(cmd)[0] for _ in range(3)]
    out[f"risk_stargate_{trials}_trials_s"] = statistics.median(walls)
    for n in (100_000, 1_000_000):
        # ru_maxrss of children is a high-water mark over all children, so measure each size in a fresh parent
        code = (
            f"import resource, subprocess, sys; subprocess.run([sys.executable, '-m', 'gigawatt', 'risk', "
            f"'stargate', '--trials', '{n}', '--json'], capture_output=True, check=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        rss = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        out[f"risk_peak_rss_mib_{n}_trials"] = float(rss.stdout.strip()) / 1024.0
    return out


def bench_ops() -> dict:
    """One year of a 1,000,000-accelerator cluster, 1,000 trials: whole process and failures simulated per second."""
    out: dict = {
        "benchmark": "ops",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": os.cpu_count(),
    }
    cmd = [
        sys.executable,
        "-m",
        "gigawatt",
        "ops",
        "--accelerators",
        "1000000",
        "--accelerator",
        "gb200",
        "--days",
        "365",
        "--trials",
        "1000",
        "--json",
    ]
    _process(cmd)  # warm the compile cache
    walls = [_process(cmd)[0] for _ in range(3)]
    out["ops_1m_accelerators_1y_1000_trials_s"] = statistics.median(walls)
    from gigawatt.engine.operations import ops

    ops(1_000_000, "gb200", days=365, trials=10)
    t0 = time.perf_counter()
    r = ops(1_000_000, "gb200", days=365, trials=1000)
    dt = time.perf_counter() - t0
    out["failures_simulated"] = r.simulated["interruptions"]["mean"] * 1000
    out["failures_simulated_per_second"] = out["failures_simulated"] / dt
    return out


def _table(figures: dict) -> str:
    width = max(len(k) for k in figures)
    lines = [f"{'figure':<{width}}  value", f"{'-' * width}  -----"]
    for k, v in figures.items():
        lines.append(f"{k:<{width}}  {v:.3f}" if isinstance(v, float) else f"{k:<{width}}  {v}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmark", choices=["core", "engine", "ops"])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--repeats", type=int, default=41)
    parser.add_argument("--trials", type=int, default=100_000)
    args = parser.parse_args(argv)
    if args.benchmark == "core":
        figures = bench_core(args.repeats)
    elif args.benchmark == "engine":
        figures = bench_engine(args.trials)
    else:
        figures = bench_ops()
    print(json.dumps(figures, indent=2) if args.json else _table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())

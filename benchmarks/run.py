"""Benchmarks: print figures as JSON (--json) or as a table. Not part of the test run.

    python benchmarks/run.py core [--json] [--repeats N]

core: ``single_run_ms`` is the median wall time of an in-process ``gigawatt.simulate`` of the built-in
``stargate`` scenario after warm-up (the dashboard budget is 50 ms); also loading, the other scenarios, and the
whole ``gigawatt run stargate --json`` process.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time


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


def _table(figures: dict) -> str:
    width = max(len(k) for k in figures)
    lines = [f"{'figure':<{width}}  value", f"{'-' * width}  -----"]
    for k, v in figures.items():
        lines.append(f"{k:<{width}}  {v:.3f}" if isinstance(v, float) else f"{k:<{width}}  {v}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmark", choices=["core"])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--repeats", type=int, default=41)
    args = parser.parse_args(argv)
    figures = bench_core(args.repeats)
    print(json.dumps(figures, indent=2) if args.json else _table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``gigawatt risk`` and ``gigawatt sensitivity``: Monte Carlo over a scenario's uncertain inputs, and which of them
matter for a metric. Both size their work before it starts (``--force-large`` to go beyond this machine's limits),
say once on stderr when the engine is compiled on first use, and show a progress bar on a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

import gigawatt as gw
from gigawatt.cli.core import (
    ForceLargeOpt,
    ForceOpt,
    JsonOpt,
    SetOpt,
    _fmt,
    _metrics_table,
    _outputs,
    _print_json,
    _print_written,
    _progress,
    _say,
    _warn,
    app,
    console,
    warn,
)
from gigawatt.report.output import plain
from gigawatt.units import format_usd

RISK_FILES = (
    "risk.json",
    "risk_metrics.csv",
    "risk_yearly.csv",
    "risk_fan.csv",
    *(f"fan_{name}.png" for name in ("mw_online", "accelerators", "h100e", "capex_usd", "funding_gap_usd")),
)
SENSITIVITY_FILES = ("sensitivity.json", "sensitivity.csv", "tornado.png")
COMPILE_NOTICE = "compiling the engine, first run only"


def _needs_compiling() -> bool:
    """Whether this run compiles the engine first (never before :mod:`gigawatt.engine.compiled` exists)."""
    try:
        from gigawatt.engine.compiled import needs_compiling
    except ImportError:
        return False
    return needs_compiling()


def _compile_notice() -> None:
    """One line on stderr (also with --json: stdout stays the JSON) when the engine is compiled before this run;
    where numba cannot keep what it compiled, the line says so and what to set, instead of "first run only"."""
    if not _needs_compiling():
        return
    from gigawatt.engine.compiled import cache_unwritable

    folder = cache_unwritable()
    if folder is None:
        _say(COMPILE_NOTICE, stderr=True)
    else:
        warn(
            f"compiling the engine on every run: numba's cache folder {folder} cannot be written; set "
            "NUMBA_CACHE_DIR to a folder you can write to compile once"
        )


# ------------------------------------------------------------------------------------------------------------ risk


@app.command("risk")
def risk_cmd(
    scenario: Annotated[str, typer.Argument(help="Built-in name or YAML file (its distributions are sampled).")],
    trials: Annotated[int, typer.Option("--trials", "-n", help="Monte Carlo trials.", min=1)] = 10_000,
    seed: Annotated[int, typer.Option("--seed", help="Root seed: same seed, same numbers.", min=0)] = 0,
    set_: SetOpt = None,
    out: Annotated[str | None, typer.Option("--out", help="Folder for fan charts and quantile tables.")] = None,
    force: ForceOpt = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Run on Dask: 'local', 'local:N' (N worker processes) "
            "or a scheduler address, e.g. tcp://scheduler:8786.",
        ),
    ] = None,
    force_large: ForceLargeOpt = False,
    json_out: JsonOpt = False,
) -> None:
    """Monte Carlo over the scenario's uncertain inputs: P10/P50/P90 per year, probabilities, fan charts."""
    from gigawatt.engine.montecarlo import plan_risk
    from gigawatt.engine.work import check_work

    _outputs(out, force, RISK_FILES, [scenario])
    s = gw.load_scenario(scenario, overrides=set_ or [])
    outset = _outputs(out, force, RISK_FILES, [scenario], s)
    plan = plan_risk(s, trials)
    check_work(plan, force_large)
    warnings = _warn(s)
    if not s.distributions:
        warn(
            "the scenario has no distributions; every trial is the deterministic run (put one on an input, e.g. "
            "--set 'risks.cost_overrun={dist: uniform, low: 0.9, high: 1.3}')"
        )
    _compile_notice()
    result = _run_risk(s, trials, seed, dask, plan.chunk_trials, quiet=json_out, fans=outset is not None)
    payload = result.as_json()
    payload["warnings"] = warnings
    written = _write_risk(result, payload, outset) if outset is not None else []
    if json_out:
        _print_json(payload)
        return
    _print_risk(result, f"{s.name}: {trials:,} trials, seed {seed}")
    _print_written(written)


def _run_risk(s, trials: int, seed: int, dask: str | None, chunk_trials: int, quiet: bool, fans: bool):
    """The Monte Carlo run, on Dask when ``dask`` names a cluster (closed again, with any cluster it started);
    ``fans``: aggregate the fan series (only drawn with --out; most of the cells to aggregate)."""
    from gigawatt.engine.montecarlo import risk
    from gigawatt.engine.numba_cache import blas_without_linalg

    blas_without_linalg()  # before numba loads its first kernel: scipy's BLAS table without the rest of scipy.linalg
    client = run_on = None
    if dask is not None:
        from gigawatt.engine.cluster import connect, runner

        client = connect(dask)
        run_on = runner(client)
    try:
        with _progress("risk", trials, "trials", quiet=quiet) as step:
            return risk(s, trials=trials, seed=seed, run_on=run_on, progress=step, chunk_trials=chunk_trials, fans=fans)
    finally:
        if client is not None:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def _print_risk(result, title: str) -> None:
    console.print(_risk_yearly_table(result))
    rows = [
        (k, gw.METRICS[k][0], ["" if v["mean"] is None else v["mean"], v["p10"], v["p50"], v["p90"]])
        for k, v in result.metrics.items()
    ]
    console.print(_metrics_table(title, ["mean", "P10", "P50", "P90"], rows))
    table = Table(title="probabilities", title_justify="left")
    table.add_column("event")
    table.add_column("probability", justify="right")
    for k, v in result.probabilities.items():
        table.add_row(k, f"{v:.1%}")
    console.print(table)
    _say(f"uncertain inputs: {', '.join(result.uncertain) or 'none'}; {result.method}", style="dim")


def _risk_yearly_table(result) -> Table:
    table = Table(title=plain(f"{result.scenario.name}: by year, P10 / P50 / P90"), title_justify="left")
    cols = [
        ("MW online", "mw_online", "{:,.0f}"),
        ("accelerators", "accelerators", "{:,.0f}"),
        ("H100e", "h100e", "{:,.0f}"),
        ("capex", "capex_usd", None),
    ]
    table.add_column("year")
    for head, _, _ in cols:
        table.add_column(head, justify="right")
    if any(row["partial"] for row in result.yearly):
        table.caption = "(n mo): a partial year: the horizon covers only those months of it"
        table.caption_justify = "left"
    for row in result.yearly:
        cells = [f"{row['year']} ({row['months']} mo)" if row["partial"] else str(row["year"])]
        for _, key, fmt in cols:
            v = row[key]
            f = (lambda x: format_usd(x).replace(".00", "")) if fmt is None else fmt.format
            cells.append(f"{f(v['p10'])} / {f(v['p50'])} / {f(v['p90'])}")
        table.add_row(*cells)
    return table


def _write_risk(result, payload: dict, outset) -> list[Path]:
    import pandas as pd

    from gigawatt.report import charts, output

    metrics = pd.DataFrame(result.metrics).T.rename_axis("metric")
    yearly = pd.DataFrame(
        [
            {"year": r["year"], "months": r["months"], "partial": r["partial"], "series": k, **v}
            for r in result.yearly
            for k, v in r.items()
            if isinstance(v, dict)
        ]
    )
    fan = pd.DataFrame(
        {f"{name}_{q}": vals for name, d in result.fan.items() for q, vals in d.items()},
        index=pd.DatetimeIndex([pd.Timestamp(m) for m in result.months], name="month"),
    )
    with outset:
        folder = outset.folder
        output.write_json(folder / "risk.json", payload)
        output.write_atomic(folder / "risk_metrics.csv", lambda p: metrics.to_csv(p))
        output.write_atomic(folder / "risk_yearly.csv", lambda p: yearly.to_csv(p, index=False))
        output.write_atomic(folder / "risk_fan.csv", lambda p: fan.to_csv(p))
        charts.write_fan_charts(result, folder)
    return outset.written


# ----------------------------------------------------------------------------------------------------- sensitivity


@app.command("sensitivity")
def sensitivity_cmd(
    scenario: Annotated[str, typer.Argument(help="Built-in name or YAML file with distributions.")],
    metric: Annotated[
        str, typer.Option("--metric", "-m", help="A key metric, e.g. capex_total_usd.")
    ] = "capex_total_usd",
    method: Annotated[str, typer.Option("--method", help="sobol (S1, ST) or morris (mu*, sigma).")] = "sobol",
    samples: Annotated[
        int, typer.Option("--samples", help="Sobol: base samples (a power of two); Morris: trajectories.")
    ] = 1024,
    seed: Annotated[int, typer.Option("--seed", min=0)] = 0,
    set_: SetOpt = None,
    out: Annotated[str | None, typer.Option("--out", help="Folder for the indices table and tornado chart.")] = None,
    force: ForceOpt = False,
    force_large: ForceLargeOpt = False,
    json_out: JsonOpt = False,
) -> None:
    """Which uncertain inputs matter for a metric: SALib indices with confidence intervals, and a tornado."""
    from gigawatt.engine.sensitivity import plan_sensitivity, sensitivity
    from gigawatt.engine.work import check_work

    _outputs(out, force, SENSITIVITY_FILES, [scenario])
    s = gw.load_scenario(scenario, overrides=set_ or [])
    outset = _outputs(out, force, SENSITIVITY_FILES, [scenario], s)
    for w in getattr(s, "load_warnings", None) or ():
        warn(w)
    plan = plan_sensitivity(s, method=method.lower(), samples=samples, metric=metric)
    check_work(plan, force_large)
    _compile_notice()
    with _progress("sensitivity", plan.runs, "runs", quiet=json_out) as step:
        result = sensitivity(
            s, metric=metric, method=method.lower(), samples=samples, seed=seed, progress=step, chunk=plan.chunk_trials
        )
    payload = result.as_json()
    for line in result.warnings:
        warn(line)
    written = _write_sensitivity(result, payload, outset) if outset is not None else []
    if json_out:
        _print_json(payload)
        return
    _print_sensitivity(result, s.name, metric)
    _print_written(written)


def _write_sensitivity(result, payload: dict, outset) -> list[Path]:
    import pandas as pd

    from gigawatt.report import charts, output

    with outset:
        folder = outset.folder
        output.write_json(folder / "sensitivity.json", payload)
        output.write_atomic(folder / "sensitivity.csv", lambda p: pd.DataFrame(result.indices).to_csv(p, index=False))
        charts.tornado_chart(result, folder / "tornado.png")
    return outset.written


def _print_sensitivity(result, name: str, metric: str) -> None:
    unit = gw.METRICS[metric][0]
    keys = ["S1", "S1_conf", "ST", "ST_conf"] if result.method == "sobol" else ["mu_star", "mu_star_conf", "sigma"]
    table = Table(
        title=plain(f"{name}: sensitivity of {metric} ({result.method}, {result.evaluations:,} runs)"),
        title_justify="left",
    )
    table.add_column("input")
    for k in (*keys, "at P10", "at P90"):
        table.add_column(k, justify="right")
    for row in result.indices:
        cells = [f"{row[k]:.3f}" if result.method == "sobol" else _fmt(row[k], unit) for k in keys]
        table.add_row(plain(row["input"]), *cells, _fmt(row["at_p10"], unit), _fmt(row["at_p90"], unit))
    console.print(table)
    _say(
        f"base (every input at its central value): {_fmt(result.base, unit)}; "
        "at P10/P90: the input alone at its 10th/90th percentile",
        style="dim",
    )

"""The ``gigawatt`` command line (typer + rich). It only calls the public API in :mod:`gigawatt`.

Every command runs inside one error boundary (:func:`main`): a user's mistake ends in a one-paragraph message on
stderr and exit code 2, an environment failure (a path that cannot be written, a full disk, a refused connection,
not enough memory) in a message and exit code 1, Ctrl-C in 130; ``--debug`` or ``GIGAWATT_DEBUG=1`` shows the
traceback instead. A real bug keeps its traceback. User text (names, paths) is printed as plain text: no rich
markup is interpreted anywhere, and control characters and escape sequences are removed (:func:`plain`).
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import math
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

import gigawatt as gw
from gigawatt.errors import GigawattError
from gigawatt.report.output import plain, shorten
from gigawatt.units import format_usd, parse_quantity

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="gigawatt: simulate gigawatt-scale AI build-outs (Stargate and its rivals), a source behind every number.",
)
console = Console(width=None if sys.stdout.isatty() else 140, markup=False)
err_console = Console(stderr=True, markup=False, highlight=False)


def _say(text: str, style: str | None = None, stderr: bool = False) -> None:
    (err_console if stderr else console).print(plain(text), style=style, highlight=False, soft_wrap=True)


def warn(text: str) -> None:
    """One ``warning:`` line on stderr (warnings never change the exit code)."""
    from rich.text import Text

    err_console.print(Text("warning: ", style="yellow") + Text(plain(text)), highlight=False, soft_wrap=True)


ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Let --out replace files gigawatt did not write there (never the files a run read)."),
]
ForceLargeOpt = Annotated[
    bool,
    typer.Option(
        "--force-large",
        help="Run even when the estimated time or memory is beyond this machine's limits (gigawatt.limits).",
    ),
]

SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        help="Override a scenario value: PATH=VALUE, e.g. funding.announced_arrival=0.5 "
        "or 'sites[abilene].phases[0].power_mw=300 MW'. Repeatable.",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def _print_json(data) -> None:
    from gigawatt.report.output import finite

    sys.stdout.write(json.dumps(finite(data), indent=2, default=str, allow_nan=False) + "\n")


def _fmt(value, unit: str) -> str:
    if value is None:
        return "never"
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return "-"
    if unit == "USD":
        return format_usd(value)
    if unit == "FLOP/s":
        return f"{value:.3g} FLOP/s"
    if unit in ("MW", "MWh"):
        return f"{value:,.0f} {unit}"
    if unit == "t CO2":
        return f"{value / 1e6:,.2f} Mt CO2"
    if unit in ("count", "H100-eq", "months"):
        return f"{value:,.0f}"
    return f"{value:,.4g} {unit}"


def _metrics_table(title: str, columns: list[str], rows: list[tuple[str, str, list]]) -> Table:
    table = Table(title=plain(title), title_justify="left")
    table.add_column("metric")
    for c in columns:
        table.add_column(plain(c), justify="right")
    for name, unit, values in rows:
        table.add_row(name, *[_fmt(v, unit) for v in values])
    return table


def _yearly_table(result: gw.Result) -> Table:
    y = result.yearly
    table = Table(
        title=plain(f"{result.scenario.name}: by year (stocks at year end, flows over the year)"),
        title_justify="left",
    )
    heads = [
        ("year", None),
        ("MW online", "mw_online"),
        ("IT MW", "it_mw_installed"),
        ("accel.", "accelerators"),
        ("H100e", "h100e"),
        ("capex", "capex_usd"),
        ("money in", "money_usd"),
        ("gap max", "funding_gap_max_usd"),
        ("largest run FLOP", "largest_run_flop"),
        ("TWh", "energy_mwh"),
        ("MtCO2", "emissions_t"),
    ]
    y = y.assign(capex_usd=y["capex_facility_usd"] + y["capex_it_usd"], money_usd=y["equity_usd"] + y["debt_usd"])
    for h, _ in heads:
        table.add_column(h, justify="right")
    for year, row in y.iterrows():
        cells = [str(year)]
        for _, col in heads[1:]:
            v = row[col]
            if col.endswith("_usd"):
                cells.append(format_usd(v).replace(".00", ""))
            elif col == "largest_run_flop":
                cells.append(f"{v:.2e}")
            elif col in ("accelerators", "h100e"):
                cells.append(f"{v / 1e3:,.0f}k" if v >= 1e4 else f"{v:,.0f}")
            elif col == "energy_mwh":
                cells.append(f"{v / 1e6:,.1f}")
            elif col == "emissions_t":
                cells.append(f"{v / 1e6:,.2f}")
            else:
                cells.append(f"{v:,.0f}")
        table.add_row(*cells)
    return table


def _warn(scenario) -> list[str]:
    """Print consistency warnings to stderr (they never change the exit code) and return them."""
    from gigawatt.data.checks import run_checks

    warnings = [*(getattr(scenario, "load_warnings", None) or ()), *run_checks(scenario)]
    for w in warnings:
        warn(w)
    return warnings


def _run_json(result: gw.Result, warnings: list[str] | None = None) -> dict:
    return {
        "scenario": result.scenario.name,
        "title": result.scenario.title,
        "metrics": result.metrics,
        "yearly": result.yearly_records(),
        "phases": result.phases.where(result.phases.notna(), None).to_dict(orient="records"),
        "units": {k: u for k, (u, _) in gw.METRICS.items()},
        "warnings": warnings or [],
    }


@app.command("scenarios")
def scenarios_cmd(json_out: JsonOpt = False) -> None:
    """List the built-in scenarios, one line each."""
    items = []
    for name in gw.builtin_names():
        s = gw.load_scenario(name)
        items.append({"name": name, "title": s.title})
    if json_out:
        _print_json(items)
        return
    from rich.text import Text

    for item in items:
        console.print(Text(f"{plain(item['name']):<15}", style="bold") + Text(f" {plain(item['title'])}"))


@app.command("run")
def run_cmd(
    scenario: Annotated[str, typer.Argument(help="Built-in name (see `gigawatt scenarios`) or a YAML file.")],
    set_: SetOpt = None,
    out: Annotated[
        str | None, typer.Option("--out", help="Folder for CSV/Parquet tables, summary.json, charts.")
    ] = None,
    force: ForceOpt = False,
    json_out: JsonOpt = False,
) -> None:
    """Simulate a scenario month by month: yearly table and key metrics."""
    outset = _outputs(out, force, RUN_FILES, [scenario])
    s = gw.load_scenario(scenario, overrides=set_ or [])
    outset = _outputs(out, force, RUN_FILES, [scenario], s)
    warnings = _warn(s)
    result = gw.simulate(s)
    payload = _run_json(result, warnings)
    written = _write_run(result, payload, outset) if outset is not None else []
    if json_out:
        _print_json(payload)
        return
    console.print(_yearly_table(result))
    _say(
        "capex: facility (incl. external) + IT, cumulative; money in: equity received + debt "
        "outstanding; gap max: largest monthly funding gap",
        style="dim",
    )
    rows = [(k, gw.METRICS[k][0], [v]) for k, v in result.metrics.items()]
    console.print(_metrics_table(f"{s.name}: key metrics", ["value"], rows))
    _say(f"Inputs and their sources: gigawatt show {scenario}", style="dim")
    _print_written(written)


RUN_FILES = (
    "timeseries.csv",
    "timeseries.parquet",
    "yearly.csv",
    "phases.csv",
    "summary.json",
    "scenario.yaml",
    "buildout.png",
    "money.png",
    "funding_gap.png",
)
RISK_FILES = (
    "risk.json",
    "risk_metrics.csv",
    "risk_yearly.csv",
    "risk_fan.csv",
    *(f"fan_{name}.png" for name in ("mw_online", "accelerators", "h100e", "capex_usd", "funding_gap_usd")),
)
SENSITIVITY_FILES = ("sensitivity.json", "sensitivity.csv", "tornado.png")


def files_read(refs, scenario=None) -> list[Path]:
    """The files a command read: each reference that names an existing file, and the scenario's own record of the
    files its loading read (the file and its ``extends`` chain), when the loader keeps one."""
    paths = [Path(r) for r in refs if r is not None and str(r).strip() and Path(str(r)).is_file()]
    if scenario is not None:
        paths += [Path(p) for p in (getattr(scenario, "_files_read", None) or ())]
    return paths


def _outputs(out: str | None, force: bool, names, refs, scenario=None):
    """The --out set of a command, checked before the work starts (None without --out)."""
    from gigawatt.report import output

    if out is None:
        return None
    outset = output.OutputSet(out, force=force, protect=files_read(refs, scenario))
    outset.check(names)
    return outset


def _print_written(paths, stderr: bool = False) -> None:
    for path in paths:
        _say(f"wrote {path}", stderr=stderr)


def _write_run(result: gw.Result, payload: dict, outset) -> list[Path]:
    from gigawatt.report import charts, output

    with outset:
        folder = outset.folder
        output.write_atomic(folder / "timeseries.csv", lambda p: result.timeseries.to_csv(p))
        output.write_atomic(folder / "timeseries.parquet", lambda p: result.timeseries.to_parquet(p))
        output.write_atomic(folder / "yearly.csv", lambda p: result.yearly.to_csv(p))
        output.write_atomic(folder / "phases.csv", lambda p: result.phases.to_csv(p, index=False))
        output.write_json(folder / "summary.json", payload)
        output.write_text(folder / "scenario.yaml", _yaml(gw.resolved_with_sources(result.scenario)))
        charts.write_charts(result, folder)
    return outset.written


def _yaml(data) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


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
    from gigawatt.engine.montecarlo import check_work, plan_risk, risk

    _outputs(out, force, RISK_FILES, [scenario])
    s = gw.load_scenario(scenario, overrides=set_ or [])
    outset = _outputs(out, force, RISK_FILES, [scenario], s)
    plan = plan_risk(s, trials)
    check_work(plan, force_large)
    warnings = _warn(s)
    if not s.distributions:
        warn(
            "the scenario has no distributions; every trial is the deterministic run "
            "(see docs/uncertainty.md to add some)"
        )
    client = None
    if dask is not None:
        from gigawatt.engine.cluster import connect

        client = connect(dask)
    try:
        with _progress("risk", trials, "trials", quiet=json_out) as step:
            result = risk(s, trials=trials, seed=seed, client=client, progress=step, chunk_trials=plan.chunk_trials)
    finally:
        if client is not None:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    payload = result.as_json()
    payload["warnings"] = warnings
    written = _write_risk(result, payload, outset) if outset is not None else []
    if json_out:
        _print_json(payload)
        return
    console.print(_risk_yearly_table(result))
    rows = [
        (k, gw.METRICS[k][0], ["" if v["mean"] is None else v["mean"], v["p10"], v["p50"], v["p90"]])
        for k, v in result.metrics.items()
    ]
    console.print(_metrics_table(f"{s.name}: {trials:,} trials, seed {seed}", ["mean", "P10", "P50", "P90"], rows))
    table = Table(title="probabilities", title_justify="left")
    table.add_column("event")
    table.add_column("probability", justify="right")
    for k, v in result.probabilities.items():
        table.add_row(k, f"{v:.1%}")
    console.print(table)
    _say(f"uncertain inputs: {', '.join(result.uncertain) or 'none'}; {result.method}", style="dim")
    _print_written(written)


def _progress(label: str, total: int, unit: str, quiet: bool):
    """A rich progress bar on stderr while a long run works (none with --json or when stderr is not a terminal);
    yields the callback ``step(done)``."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    @contextlib.contextmanager
    def bar():
        with Progress(
            TextColumn(label),
            BarColumn(),
            TextColumn("{task.completed:,}/{task.total:,} " + unit),
            TimeRemainingColumn(),
            console=err_console,
            transient=True,
            disable=quiet or not err_console.is_terminal,
        ) as p:
            task = p.add_task(label, total=total)
            yield lambda done: p.update(task, completed=done)

    return bar()


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
    for row in result.yearly:
        cells = [str(row["year"])]
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
        [{"year": r["year"], "series": k, **v} for r in result.yearly for k, v in r.items() if k != "year"]
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
    from gigawatt.engine.montecarlo import check_work
    from gigawatt.engine.sensitivity import plan_sensitivity, sensitivity

    _outputs(out, force, SENSITIVITY_FILES, [scenario])
    s = gw.load_scenario(scenario, overrides=set_ or [])
    outset = _outputs(out, force, SENSITIVITY_FILES, [scenario], s)
    for w in getattr(s, "load_warnings", None) or ():
        warn(w)
    plan = plan_sensitivity(s, method=method.lower(), samples=samples, metric=metric)
    check_work(plan, force_large)
    with _progress("sensitivity", plan.runs, "runs", quiet=json_out) as step:
        result = sensitivity(
            s, metric=metric, method=method.lower(), samples=samples, seed=seed, progress=step, chunk=plan.chunk_trials
        )
    payload = result.as_json()
    for line in result.warnings:
        warn(line)
    written = []
    if outset is not None:
        import pandas as pd

        from gigawatt.report import charts, output

        with outset:
            folder = outset.folder
            output.write_json(folder / "sensitivity.json", payload)
            output.write_atomic(
                folder / "sensitivity.csv", lambda p: pd.DataFrame(result.indices).to_csv(p, index=False)
            )
            charts.tornado_chart(result, folder / "tornado.png")
        written = outset.written
    if json_out:
        _print_json(payload)
        return
    unit = gw.METRICS[metric][0]
    keys = ["S1", "S1_conf", "ST", "ST_conf"] if result.method == "sobol" else ["mu_star", "mu_star_conf", "sigma"]
    table = Table(
        title=plain(f"{s.name}: sensitivity of {metric} ({result.method}, {result.evaluations:,} runs)"),
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
    _print_written(written)


@app.command("compare")
def compare_cmd(
    first: Annotated[str, typer.Argument(help="First scenario (name or file).")],
    second: Annotated[str, typer.Argument(help="Second scenario (name or file).")],
    set_: SetOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Two scenarios side by side, with deltas (second - first)."""
    sa = gw.load_scenario(first, overrides=set_ or [])
    sb = gw.load_scenario(second, overrides=set_ or [])
    _warn(sa)
    _warn(sb)
    ra, rb = gw.simulate(sa), gw.simulate(sb)
    # the scenarios name the columns; the same file twice (or one called "delta") must not lose a column
    ka = first if first != "delta" else "delta (first)"
    kb = second if second not in (first, "delta") else f"{second} (second)"
    metrics = {}
    for k in gw.METRICS:
        a, b = ra.metrics[k], rb.metrics[k]
        delta = b - a if isinstance(a, float) and isinstance(b, float) else None
        metrics[k] = {ka: a, kb: b, "delta": delta}
    if json_out:
        _print_json(
            {
                "scenarios": [ka, kb],
                "metrics": metrics,
                "yearly": {ka: ra.yearly_records(), kb: rb.yearly_records()},
            }
        )
        return
    rows = [(k, gw.METRICS[k][0], [m[ka], m[kb], "" if m["delta"] is None else m["delta"]]) for k, m in metrics.items()]
    console.print(_metrics_table(f"{first} vs {second}", [ka, kb, "delta"], rows))


@app.command("estimate")
def estimate_cmd(
    accelerator: Annotated[str, typer.Option("--accelerator", "-a", help="Catalog name (see `gigawatt catalog`).")],
    power: Annotated[str | None, typer.Option("--power", help="Facility power, e.g. 1.2GW or '300 MW'.")] = None,
    budget: Annotated[str | None, typer.Option("--budget", help="Money, e.g. '$100B'.")] = None,
    accelerators: Annotated[str | None, typer.Option("--accelerators", help="Accelerator count, e.g. 100000.")] = None,
    pue: Annotated[float | None, typer.Option(help="Power usage effectiveness (default: data).")] = None,
    capex_per_mw: Annotated[
        str | None, typer.Option(help="Facility capex per MW of IT load, e.g. '$11.7M/MW'.")
    ] = None,
    it_power_w: Annotated[
        str | None,
        typer.Option(
            "--it-power-w", help="All-in IT power per accelerator, e.g. '1.8 kW' (for types with none published)."
        ),
    ] = None,
    price: Annotated[str | None, typer.Option("--price", help="All-in price per accelerator, e.g. '$45k'.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Power <-> accelerators <-> money for one accelerator type (closed form)."""
    n = None
    if accelerators is not None:
        try:
            n = float(accelerators.replace(",", "").replace("_", ""))
        except ValueError:
            raise GigawattError(
                f"--accelerators: {accelerators!r} is not a number; expected a count like 100000"
            ) from None
    result = gw.estimate(
        accelerator,
        power_mw=parse_quantity(power, "mw", "--power") if power is not None else None,
        budget_usd=parse_quantity(budget, "usd", "--budget") if budget is not None else None,
        accelerators=n,
        pue=pue,
        capex_per_mw_usd=parse_quantity(capex_per_mw, "usd_per_mw", "--capex-per-mw") if capex_per_mw else None,
        it_power_w=parse_quantity(it_power_w, "w", "--it-power-w") if it_power_w else None,
        price_usd=parse_quantity(price, "usd", "--price") if price else None,
    )
    if json_out:
        _print_json(result)
        return
    units = {
        "accelerators": "count",
        "it_power_mw": "MW",
        "facility_power_mw": "MW",
        "capex_it_usd": "USD",
        "capex_facility_usd": "USD",
        "capex_total_usd": "USD",
        "h100e": "H100-eq",
        "peak_bf16_flops": "FLOP/s",
        "annual_energy_mwh": "MWh",
        "annual_energy_cost_usd": "USD",
        "annual_emissions_t": "t CO2",
    }
    rows = [(k, u, [result[k]]) for k, u in units.items()]
    console.print(_metrics_table(f"estimate: {result['accelerator']}", ["value"], rows))
    table = Table(title="assumptions", title_justify="left")
    for c in ("parameter", "value", "status", "source"):
        table.add_column(c)
    for k, v in result["assumptions"].items():
        table.add_row(k, f"{v['value']:,.4g}", v.get("status", ""), v.get("facts_id", "") or v.get("source", ""))
    for k, v in result["accelerator_sources"].items():
        table.add_row(
            f"{result['accelerator']}.{k}",
            f"{v['value']:,.4g}",
            v.get("status", ""),
            v.get("facts_id", "") or v.get("source", ""),
        )
    console.print(table)


@app.command("catalog")
def catalog_cmd(json_out: JsonOpt = False) -> None:
    """Accelerators with their specs and sources."""
    cat = gw.catalog()
    if json_out:
        _print_json(
            {
                name: {
                    "full_name": a.full_name,
                    "vendor": a.vendor,
                    "first_volume": a.first_volume.isoformat()[:7],
                    "tdp_w": a.tdp_w,
                    "it_power_w": a.it_power_w,
                    "bf16_dense_tflops": a.bf16_dense_tflops,
                    "fp8_dense_tflops": a.fp8_dense_tflops,
                    "memory_gb": a.memory_gb,
                    "price_usd": a.price_usd,
                    "price_low_usd": a.price_low_usd,
                    "price_high_usd": a.price_high_usd,
                    "h100e": a.h100e,
                    "sources": {k: v.as_dict() for k, v in a.provenance.items()},
                }
                for name, a in cat.items()
            }
        )
        return
    table = Table(title="accelerator catalog (unpublished numbers shown as -)", title_justify="left")
    for c in (
        "name",
        "vendor",
        "first volume",
        "TDP W",
        "IT W",
        "BF16 TF",
        "FP8 TF",
        "HBM GB",
        "price all-in",
        "H100e",
        "sources",
    ):
        table.add_column(c, justify="right" if c not in ("name", "vendor", "sources") else "left")

    def n(v, f="{:,.0f}"):
        return "-" if v is None else f.format(v)

    for name, a in cat.items():
        ids = sorted({i.strip() for p in a.provenance.values() for i in p.facts_id.split(";") if i.strip()})
        table.add_row(
            name,
            a.vendor,
            a.first_volume.isoformat()[:7],
            n(a.tdp_w),
            n(a.it_power_w),
            n(a.bf16_dense_tflops),
            n(a.fp8_dense_tflops),
            n(a.memory_gb),
            "-" if a.price_usd is None else format_usd(a.price_usd),
            f"{a.h100e:.2f}",
            " ".join(ids),
        )
    console.print(table)
    _say("Per-number status, source and derivation: gigawatt catalog --json", style="dim")


@app.command("show")
def show_cmd(
    scenario: Annotated[str, typer.Argument(help="Built-in name or YAML file.")],
    set_: SetOpt = None,
) -> None:
    """The resolved scenario as YAML, every number with its source (loadable again as a scenario)."""
    s = gw.load_scenario(scenario, overrides=set_ or [])
    for w in getattr(s, "load_warnings", None) or ():
        warn(w)
    sys.stdout.write(f"# resolved from {plain(s._origin)}; defaults filled in from gigawatt/data/defaults.csv\n")
    sys.stdout.write(_yaml(gw.resolved_with_sources(s)))


@app.command("schema")
def schema_cmd() -> None:
    """JSON Schema of the scenario format."""
    _print_json(gw.Scenario.model_json_schema())


def _register_commands() -> None:
    """Commands that live in their own modules register themselves on ``app`` when imported."""
    from gigawatt.cli import ops, validate  # noqa: F401


@app.callback()
def _global_options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of any error (also: GIGAWATT_DEBUG=1).")
    ] = False,
) -> None:
    """gigawatt: simulate gigawatt-scale AI build-outs (Stargate and its rivals), a source behind every number."""
    # --debug is taken out of the arguments by main() (so it works after the command name too); kept here for --help


def _debug_wanted(args: list[str]) -> bool:
    """Whether --debug (anywhere before ``--``) or GIGAWATT_DEBUG asks for tracebacks; removes --debug from args."""
    end = args.index("--") if "--" in args else len(args)
    found = "--debug" in args[:end]
    if found:
        args[:end] = [a for a in args[:end] if a != "--debug"]
    return found or os.environ.get("GIGAWATT_DEBUG", "").strip().lower() not in ("", "0", "false", "no")


def _os_message(exc: OSError) -> str:
    """``path: what went wrong`` for an OSError (the path when there is one)."""
    what = exc.strerror or str(exc) or type(exc).__name__
    if isinstance(exc, BrokenPipeError):
        return "the output was closed before gigawatt finished writing (broken pipe)"
    if isinstance(exc, ConnectionError | TimeoutError):
        return f"connection failed: {what}"
    if exc.filename is not None:
        target = f"{exc.filename} -> {exc.filename2}" if exc.filename2 else str(exc.filename)
        return f"{target}: {what}"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS):
        return f"cannot write the output: {what}"
    return what


def _stdout_gone() -> None:
    """After stdout failed (a full disk, a closed pipe), point it at /dev/null so that the interpreter's own flush
    at exit does not fail again with a traceback."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _error(message: str) -> None:
    from rich.text import Text

    with contextlib.suppress(OSError):  # stderr gone too: the exit code is all that is left
        err_console.print(
            Text("error: ", style="bold red") + Text(shorten(plain(message))), highlight=False, soft_wrap=True
        )


def main(argv: list[str] | None = None) -> int:
    """Entry point and the one error boundary of every command.

    Exit codes: 0 done; 2 the user's mistake (:class:`GigawattError`, usage errors), with one ``error:`` message
    naming the field or path, the value and what was expected; 1 an environment failure (``OSError``: a path that
    cannot be read or written, a full disk, a closed pipe, a refused connection; ``MemoryError``; a
    ``GigawattError`` whose ``exit_code`` is 1); 130 interrupted. ``--debug`` / ``GIGAWATT_DEBUG=1`` re-raise, so
    the traceback shows. Anything else is a bug and keeps its traceback.
    """
    _register_commands()
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets a '?', not a traceback
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")
    args = list(sys.argv[1:] if argv is None else argv)
    debug = _debug_wanted(args)
    try:
        try:
            rv = app(args=args, standalone_mode=False, prog_name="gigawatt")
        finally:
            sys.stdout.flush()  # a full disk or a closed pipe shows here, inside the boundary, not at exit
    except GigawattError as exc:
        if debug:
            raise
        _error(str(exc))
        return int(getattr(exc, "exit_code", 2) or 2)
    except (KeyboardInterrupt, typer.Abort):
        if debug:
            raise
        err_console.print("interrupted")
        return 130
    except OSError as exc:
        if _stdout_failed():
            _stdout_gone()
        if debug:
            raise
        _error(_os_message(exc))
        return 1
    except SystemExit:
        # click turns a broken pipe (EPIPE) into a quiet sys.exit(1), wrapping stdout so that its last flush is
        # silent; say what happened instead (--debug cannot show a traceback here: click swallowed it)
        if type(sys.stdout).__name__.endswith("PacifyFlushWrapper"):
            _error(_os_message(BrokenPipeError(errno.EPIPE, "Broken pipe")))
            return 1
        raise
    except MemoryError:
        if debug:
            raise
        _error("not enough memory for this request on this machine; ask for less work (fewer trials or samples)")
        return 1
    except Exception as exc:
        # usage errors (missing argument, bad option): click's exceptions, vendored by recent typer releases
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            return exc.exit_code
        raise
    if rv == 130:  # typer turns Ctrl-C inside a command into Exit(130), which standalone_mode=False returns
        err_console.print("interrupted")
    return rv if isinstance(rv, int) else 0


def _stdout_failed() -> bool:
    """Whether stdout can no longer be written (its buffer cannot be flushed)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


def entry() -> None:
    sys.exit(main())

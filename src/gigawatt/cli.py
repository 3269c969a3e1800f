"""The ``gigawatt`` command line (typer + rich). It only calls the public API in :mod:`gigawatt`.

Bad input of any kind ends in a one-paragraph message on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

import gigawatt as gw
from gigawatt.errors import GigawattError
from gigawatt.units import format_usd, parse_quantity

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="gigawatt: simulate gigawatt-scale AI build-outs (Stargate and its rivals), a source behind every number.",
)
console = Console(width=None if sys.stdout.isatty() else 140)
err_console = Console(stderr=True)

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
    from gigawatt.output import finite

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
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    for c in columns:
        table.add_column(c, justify="right")
    for name, unit, values in rows:
        table.add_row(name, *[_fmt(v, unit) for v in values])
    return table


def _yearly_table(result: gw.Result) -> Table:
    y = result.yearly
    table = Table(
        title=f"{result.scenario.name}: by year (stocks at year end, flows over the year)", title_justify="left"
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
    from rich.text import Text

    from gigawatt.checks import run_checks

    warnings = run_checks(scenario)
    for w in warnings:
        err_console.print(Text("warning: ", style="yellow") + Text(w), highlight=False, soft_wrap=True)
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
    for item in items:
        console.print(f"[bold]{item['name']:<15}[/bold] {item['title']}", highlight=False)


@app.command("run")
def run_cmd(
    scenario: Annotated[str, typer.Argument(help="Built-in name (see `gigawatt scenarios`) or a YAML file.")],
    set_: SetOpt = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for CSV/Parquet tables, summary.json, charts.")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Simulate a scenario month by month: yearly table and key metrics."""
    s = gw.load_scenario(scenario, overrides=set_ or [])
    warnings = _warn(s)
    result = gw.simulate(s)
    payload = _run_json(result, warnings)
    written = _write_run(result, payload, out) if out is not None else []
    if json_out:
        _print_json(payload)
        return
    console.print(_yearly_table(result))
    console.print(
        "[dim]capex: facility (incl. external) + IT, cumulative; money in: equity received + debt "
        "outstanding; gap max: largest monthly funding gap[/dim]"
    )
    rows = [(k, gw.METRICS[k][0], [v]) for k, v in result.metrics.items()]
    console.print(_metrics_table(f"{s.name}: key metrics", ["value"], rows))
    console.print(f"[dim]Inputs and their sources: gigawatt show {scenario}[/dim]")
    for path in written:
        console.print(f"wrote {path}", highlight=False)


def _write_run(result: gw.Result, payload: dict, out: Path) -> list[Path]:
    from gigawatt import charts, output

    folder = output.prepare_dir(out)
    paths = [
        output.write_atomic(folder / "timeseries.csv", lambda p: result.timeseries.to_csv(p)),
        output.write_atomic(folder / "timeseries.parquet", lambda p: result.timeseries.to_parquet(p)),
        output.write_atomic(folder / "yearly.csv", lambda p: result.yearly.to_csv(p)),
        output.write_atomic(folder / "phases.csv", lambda p: result.phases.to_csv(p, index=False)),
        output.write_json(folder / "summary.json", payload),
        output.write_text(folder / "scenario.yaml", _yaml(gw.resolved_with_sources(result.scenario))),
    ]
    paths += charts.write_charts(result, folder)
    return paths


def _yaml(data) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


@app.command("risk")
def risk_cmd(
    scenario: Annotated[str, typer.Argument(help="Built-in name or YAML file (its distributions are sampled).")],
    trials: Annotated[int, typer.Option("--trials", "-n", help="Monte Carlo trials.", min=1)] = 10_000,
    seed: Annotated[int, typer.Option("--seed", help="Root seed: same seed, same numbers.", min=0)] = 0,
    set_: SetOpt = None,
    out: Annotated[Path | None, typer.Option("--out", help="Folder for fan charts and quantile tables.")] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Run on Dask: 'local', 'local:N' (N worker processes) "
            "or a scheduler address, e.g. tcp://scheduler:8786.",
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Monte Carlo over the scenario's uncertain inputs: P10/P50/P90 per year, probabilities, fan charts."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from gigawatt.montecarlo import risk

    s = gw.load_scenario(scenario, overrides=set_ or [])
    warnings = _warn(s)
    if not s.distributions:
        err_console.print(
            "[yellow]warning:[/yellow] the scenario has no distributions; every trial is the deterministic run "
            "(see docs/uncertainty.md to add some)",
            highlight=False,
        )
    client = None
    if dask is not None:
        from gigawatt.cluster import connect

        client = connect(dask)
    try:
        with Progress(
            TextColumn("risk"),
            BarColumn(),
            TextColumn("{task.completed:,}/{task.total:,} trials"),
            TimeRemainingColumn(),
            console=err_console,
            transient=True,
            disable=not err_console.is_terminal,
        ) as bar:
            task = bar.add_task("risk", total=trials)
            result = risk(
                s, trials=trials, seed=seed, client=client, progress=lambda done: bar.update(task, completed=done)
            )
    finally:
        if client is not None:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    payload = result.as_json()
    payload["warnings"] = warnings
    written = _write_risk(result, payload, out) if out is not None else []
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
    console.print(f"[dim]uncertain inputs: {', '.join(result.uncertain) or 'none'}; {result.method}[/dim]")
    for path in written:
        console.print(f"wrote {path}", highlight=False)


def _risk_yearly_table(result) -> Table:
    table = Table(title=f"{result.scenario.name}: by year, P10 / P50 / P90", title_justify="left")
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


def _write_risk(result, payload: dict, out: Path) -> list[Path]:
    import pandas as pd

    from gigawatt import charts, output

    folder = output.prepare_dir(out)
    metrics = pd.DataFrame(result.metrics).T.rename_axis("metric")
    yearly = pd.DataFrame(
        [{"year": r["year"], "series": k, **v} for r in result.yearly for k, v in r.items() if k != "year"]
    )
    fan = pd.DataFrame(
        {f"{name}_{q}": vals for name, d in result.fan.items() for q, vals in d.items()},
        index=pd.DatetimeIndex([pd.Timestamp(m) for m in result.months], name="month"),
    )
    paths = [
        output.write_json(folder / "risk.json", payload),
        output.write_atomic(folder / "risk_metrics.csv", lambda p: metrics.to_csv(p)),
        output.write_atomic(folder / "risk_yearly.csv", lambda p: yearly.to_csv(p, index=False)),
        output.write_atomic(folder / "risk_fan.csv", lambda p: fan.to_csv(p)),
    ]
    paths += charts.write_fan_charts(result, folder)
    return paths


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
    out: Annotated[Path | None, typer.Option("--out", help="Folder for the indices table and tornado chart.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Which uncertain inputs matter for a metric: SALib indices with confidence intervals, and a tornado."""
    from gigawatt.sensitivity import sensitivity

    s = gw.load_scenario(scenario, overrides=set_ or [])
    result = sensitivity(s, metric=metric, method=method.lower(), samples=samples, seed=seed)
    payload = result.as_json()
    written = []
    if out is not None:
        import pandas as pd

        from gigawatt import charts, output

        folder = output.prepare_dir(out)
        written = [
            output.write_json(folder / "sensitivity.json", payload),
            output.write_atomic(
                folder / "sensitivity.csv", lambda p: pd.DataFrame(result.indices).to_csv(p, index=False)
            ),
            charts.tornado_chart(result, folder / "tornado.png"),
        ]
    if json_out:
        _print_json(payload)
        return
    unit = gw.METRICS[metric][0]
    keys = ["S1", "S1_conf", "ST", "ST_conf"] if result.method == "sobol" else ["mu_star", "mu_star_conf", "sigma"]
    table = Table(
        title=f"{s.name}: sensitivity of {metric} ({result.method}, {result.evaluations:,} runs)", title_justify="left"
    )
    table.add_column("input")
    for k in (*keys, "at P10", "at P90"):
        table.add_column(k, justify="right")
    for row in result.indices:
        cells = [f"{row[k]:.3f}" if result.method == "sobol" else _fmt(row[k], unit) for k in keys]
        table.add_row(row["input"], *cells, _fmt(row["at_p10"], unit), _fmt(row["at_p90"], unit))
    console.print(table)
    console.print(
        f"[dim]base (every input at its central value): {_fmt(result.base, unit)}; "
        "at P10/P90: the input alone at its 10th/90th percentile[/dim]"
    )
    for path in written:
        console.print(f"wrote {path}", highlight=False)


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
    metrics = {}
    for k in gw.METRICS:
        a, b = ra.metrics[k], rb.metrics[k]
        delta = b - a if isinstance(a, float) and isinstance(b, float) else None
        metrics[k] = {first: a, second: b, "delta": delta}
    if json_out:
        _print_json(
            {
                "scenarios": [first, second],
                "metrics": metrics,
                "yearly": {first: ra.yearly_records(), second: rb.yearly_records()},
            }
        )
        return
    rows = [
        (k, gw.METRICS[k][0], [m[first], m[second], "" if m["delta"] is None else m["delta"]])
        for k, m in metrics.items()
    ]
    console.print(_metrics_table(f"{first} vs {second}", [first, second, "delta"], rows))


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
    console.print("[dim]Per-number status, source and derivation: gigawatt catalog --json[/dim]")


@app.command("show")
def show_cmd(
    scenario: Annotated[str, typer.Argument(help="Built-in name or YAML file.")],
    set_: SetOpt = None,
) -> None:
    """The resolved scenario as YAML, every number with its source (loadable again as a scenario)."""
    s = gw.load_scenario(scenario, overrides=set_ or [])
    sys.stdout.write(f"# resolved from {s._origin}; defaults filled in from gigawatt/data/defaults.csv\n")
    sys.stdout.write(_yaml(gw.resolved_with_sources(s)))


@app.command("schema")
def schema_cmd() -> None:
    """JSON Schema of the scenario format."""
    _print_json(gw.Scenario.model_json_schema())


def _register_commands() -> None:
    """Commands that live in their own modules register themselves on ``app`` when imported."""
    import gigawatt.cli_ops  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the app, turning user mistakes into a message and exit code 2."""
    _register_commands()
    try:
        rv = app(args=argv, standalone_mode=False, prog_name="gigawatt")
    except GigawattError as exc:
        from rich.text import Text

        err_console.print(Text("error: ", style="bold red") + Text(str(exc)), highlight=False, soft_wrap=True)
        return 2
    except (KeyboardInterrupt, typer.Abort):
        err_console.print("interrupted")
        return 130
    except Exception as exc:
        # usage errors (missing argument, bad option): click's exceptions, vendored by recent typer releases
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            return exc.exit_code
        raise
    return rv if isinstance(rv, int) else 0


def entry() -> None:
    sys.exit(main())

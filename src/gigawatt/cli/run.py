"""``gigawatt run`` and ``gigawatt compare``: one deterministic simulation month by month, or two side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

import gigawatt as gw
from gigawatt.cli.core import (
    ForceOpt,
    JsonOpt,
    SetOpt,
    _metrics_table,
    _outputs,
    _print_json,
    _print_written,
    _say,
    _warn,
    _yaml,
    app,
    console,
)
from gigawatt.report.output import plain
from gigawatt.units import format_usd

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
# the yearly table's columns: heading, column of Result.yearly_rows() (capex_usd and money_usd are sums made for it)
_YEARLY_COLUMNS = (
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
)


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
    payload = run_json(result, warnings)
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
    rows = [(k, gw.RUN_METRICS[k][0], [v]) for k, v in result.metrics.items()]
    console.print(_metrics_table(f"{s.name}: key metrics", ["value"], rows))
    _say(f"Inputs and their sources: gigawatt show {scenario}", style="dim")
    _print_written(written)


def run_json(result: gw.Result, warnings: list[str] | None = None) -> dict:
    """What ``run --json`` prints (the web API's ``POST /api/run`` too)."""
    return {
        "scenario": result.scenario.name,
        "title": result.scenario.title,
        "metrics": result.metrics,
        "yearly": result.yearly_records(),
        "phases": result.phases_records(),
        "units": {k: u for k, (u, _) in gw.RUN_METRICS.items()},
        "warnings": warnings or [],
    }


def _yearly_table(result: gw.Result) -> Table:
    table = Table(
        title=plain(f"{result.scenario.name}: by year (stocks at year end, flows over the year)"),
        title_justify="left",
    )
    table.add_column("year", justify="right")
    for h, _ in _YEARLY_COLUMNS:
        table.add_column(h, justify="right")
    for row in result.yearly_rows():  # plain records: the table needs no pandas
        row = {
            **row,
            "capex_usd": row["capex_facility_usd"] + row["capex_it_usd"],
            "money_usd": row["equity_usd"] + row["debt_usd"],
        }
        year = f"{row['year']} ({row['months']} mo)" if row["partial"] else str(row["year"])
        table.add_row(year, *(_yearly_cell(col, row[col]) for _, col in _YEARLY_COLUMNS))
    if any(row["partial"] for row in result.yearly_rows()):
        table.caption = "(n mo): a partial year: its flows (TWh, MtCO2) cover those months only"
        table.caption_justify = "left"
    return table


def _yearly_cell(col: str, v) -> str:
    if col.endswith("_usd"):
        return format_usd(v).replace(".00", "")
    if col == "largest_run_flop":
        return f"{v:.2e}"
    if col in ("accelerators", "h100e"):
        return f"{v / 1e3:,.0f}k" if v >= 1e4 else f"{v:,.0f}"
    if col == "energy_mwh":
        return f"{v / 1e6:,.1f}"
    if col == "emissions_t":
        return f"{v / 1e6:,.2f}"
    return f"{v:,.0f}"


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
    payload = compare_json(first, second, ra, rb)
    ka, kb = payload["scenarios"]
    metrics = payload["metrics"]
    if json_out:
        _print_json(payload)
        return
    rows = [
        (k, gw.RUN_METRICS[k][0], [m[ka], m[kb], "" if m["delta"] is None else m["delta"]]) for k, m in metrics.items()
    ]
    console.print(_metrics_table(f"{first} vs {second}", [ka, kb, "delta"], rows))


def compare_json(first: str, second: str, ra: gw.Result, rb: gw.Result) -> dict:
    """What ``compare --json`` prints (the web API's ``POST /api/compare`` too): the columns named after the two
    scenarios, each key metric of both with the delta, and both yearly tables."""
    # the scenarios name the columns; the same file twice (or one called "delta") must not lose a column
    ka = first if first != "delta" else "delta (first)"
    kb = second if second not in (first, "delta") else f"{second} (second)"
    return {
        "scenarios": [ka, kb],
        "metrics": _compare_metrics(ra, rb, ka, kb),
        "yearly": {ka: ra.yearly_records(), kb: rb.yearly_records()},
    }


def _compare_metrics(ra: gw.Result, rb: gw.Result, ka: str, kb: str) -> dict:
    """Each key metric of both runs under their column names, and the delta (second - first) where both are numbers."""
    metrics = {}
    for k in gw.RUN_METRICS:
        a, b = ra.metrics[k], rb.metrics[k]
        delta = b - a if isinstance(a, float) and isinstance(b, float) else None
        metrics[k] = {ka: a, kb: b, "delta": delta}
    return metrics

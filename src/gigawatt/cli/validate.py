"""``gigawatt validate``: the estimator's conversions against observed AI sites (the command line side).

Registered on the main :data:`gigawatt.cli.core.app`; the comparison is in :mod:`gigawatt.engine.validate`, the sites in
``gigawatt/data/observed_sites.csv``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gigawatt.cli.core import ForceOpt, JsonOpt, _outputs, _print_json, _print_written, _say, app, console, plain
from gigawatt.units import format_usd

VALIDATE_FILES = ("validation.png", "validation.csv", "milestones.csv")
_SHORT = {"accelerators_from_power": "accelerators", "power_from_accelerators": "power MW", "capex": "capex"}


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "USD":
        return format_usd(value)
    if unit == "MW":
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:+.1f}%"


def _sites_table(rows: list[dict]) -> Table:
    table = Table(
        title="gigawatt validate: observed sites, reported vs modelled (error = (modelled - reported) / reported)",
        title_justify="left",
    )
    for head in ("site", "quantity", "reported", "modelled", "error", "basis", "status"):
        table.add_column(head, justify="right" if head in ("reported", "modelled", "error") else "left")
    for r in rows:
        table.add_row(
            plain(r["id"]),
            _SHORT[r["quantity"]],
            _value(r["reported"], r["unit"]),
            _value(r["modelled"], r["unit"]),
            _pct(r["error_pct"]),
            plain(
                r["note"] if r["modelled"] is None else r["basis"] + ("; calibration point" if r["calibration"] else "")
            ),
            plain(r["status"]),
        )
    return table


def _capex_table(rows: list[dict]) -> Table:
    """Every capex row, sites' and deals', with what its figure covers and the part of the model compared."""
    table = Table(
        title="capex: reported vs modelled, like with like (what the figure covers against the same part of the model)",
        title_justify="left",
    )
    for head in ("row", "covers", "reported", "modelled", "error", "compared with", "status"):
        table.add_column(head, justify="right" if head in ("reported", "modelled", "error") else "left")
    from gigawatt.engine.observed_capex import REASON_PCT

    for r in rows:
        reason = f"; past {REASON_PCT:g} %: {r['reason']}" if r.get("reason") else ""
        table.add_row(
            plain(r["id"]),
            plain(r.get("covers", "")),
            _value(r["reported"], "USD"),
            _value(r["modelled"], "USD"),
            _pct(r["error_pct"]),
            plain((r["note"] if r["modelled"] is None else r["basis"]) + reason),
            plain(r["status"]),
        )
    return table


def _summary_table(summary: dict) -> Table:
    table = Table(title="absolute error by quantity", title_justify="left")
    for head in ("quantity", "compared", "median |error|", "worst |error|", "worst site", "not modelled"):
        table.add_column(head, justify="right" if head in ("compared", "median |error|", "worst |error|") else "left")
    for name, s in [*summary["by_quantity"].items(), ("all", summary)]:
        table.add_row(
            name,
            str(s["compared"]),
            "-" if s["median_abs_error_pct"] is None else f"{s['median_abs_error_pct']:.1f}%",
            "-" if s["worst_abs_error_pct"] is None else f"{s['worst_abs_error_pct']:.1f}%",
            plain(s["worst_site"] or "-"),
            plain(", ".join(s["not_modelled"]) or "-"),
        )
    return table


def _milestones_table(rows: list[dict], summary: dict) -> Table:
    table = Table(
        title="built-in scenarios' online dates vs observed milestones (error = modelled - observed, months)",
        title_justify="left",
    )
    for head in ("scenario", "site", "milestone", "MW", "observed", "modelled", "error", "facts", "status"):
        table.add_column(head, justify="right" if head in ("MW", "error") else "left")
    for r in rows:
        error = "-" if r["error_months"] is None else f"{r['error_months']:+d}"
        table.add_row(
            *(plain(str(r[k])) for k in ("scenario", "site", "milestone")),
            f"{r['mw']:,.0f}",
            r["observed_month"],
            r["modelled_month"] or "not reached",
            error,
            plain(r["facts_id"]),
            plain(r["status"]),
        )
    median, worst = summary["median_abs_error_months"], summary["worst_abs_error_months"]
    table.caption = (
        f"{summary['compared']} milestones reached: median |error| {'-' if median is None else f'{median:g}'} months, "
        f"worst {'-' if worst is None else worst} ({summary['worst_milestone'] or '-'})"
        + (f"; not reached: {', '.join(summary['not_reached'])}" if summary["not_reached"] else "")
    )
    table.caption_justify = "left"
    return table


def _write(result: dict, outset) -> list[Path]:
    import pandas as pd

    from gigawatt.report import charts, output

    table = pd.DataFrame(result["sites"])
    with outset:
        folder = outset.folder
        output.write_atomic(folder / "validation.csv", lambda p: table.to_csv(p, index=False))
        milestones = pd.DataFrame(result["milestones"])
        output.write_atomic(folder / "milestones.csv", lambda p: milestones.to_csv(p, index=False))
        charts.validation_chart(result["sites"], folder / "validation.png")
    return outset.written


@app.command("validate")
def validate_cmd(
    out: Annotated[
        str | None,
        typer.Option(
            "--out", help="Folder for validation.png (reported vs modelled), validation.csv and milestones.csv."
        ),
    ] = None,
    force: ForceOpt = False,
    json_out: JsonOpt = False,
) -> None:
    """The model's conversions against observed AI sites (reported, modelled and error (%) per site and quantity)
    and the built-in scenarios' online dates against the sites' observed milestones (months)."""
    from gigawatt.engine.validate import QUANTITIES, validate  # the observed sites are read only here

    outset = _outputs(out, force, VALIDATE_FILES, [])
    result = validate()
    written = _write(result, outset) if outset is not None else []
    if json_out:
        _print_json(result)
        return
    console.print(_sites_table([r for r in result["sites"] if r["quantity"] != "capex"]))
    console.print(_capex_table([r for r in result["sites"] if r["quantity"] == "capex"]))
    console.print(_summary_table(result["summary"]))
    for site in result["summary"]["calibration_points"]:
        _say(
            f"{site}: a calibration point (its accelerator's power is derived from it): not in the medians", style="dim"
        )
    console.print(_milestones_table(result["milestones"], result["milestones_summary"]))
    _say(
        f"quantities: {', '.join(QUANTITIES)}; IT power is converted at PUE 1, facility power at the model's "
        "design-day PUE, a campus at its reported facility draw where one is known. Sites, sources and notes: "
        "gigawatt/data/observed_sites.csv, capex deals in gigawatt/data/observed_capex.csv, milestones in "
        "gigawatt/data/milestones.csv; see docs/validation.md",
        style="dim",
    )
    _print_written(written)

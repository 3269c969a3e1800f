"""``gigawatt estimate``: facility power <-> accelerators <-> money for one accelerator type, in closed form (the
command line side; the equations are in :mod:`gigawatt.engine.estimate`)."""

from __future__ import annotations

import re
from typing import Annotated

import typer
from rich.table import Table

import gigawatt as gw
from gigawatt.cli.core import JsonOpt, _metrics_table, _print_json, _say, app, console, warn
from gigawatt.errors import GigawattError
from gigawatt.units import parse_quantity, read_number

# the estimate's results in the order shown, with the unit each is formatted in (the band and the stated power only
# where they apply: a --power on the grid basis, any --power)
_UNITS = {
    "accelerators": "count",
    "accelerators_low": "count",
    "accelerators_high": "count",
    "stated_power_mw": "MW",
    "it_power_mw": "MW",
    "facility_power_mw": "MW",
    "capex_it_usd": "USD",
    "capex_facility_usd": "USD",
    "capex_total_usd": "USD",
    "capex_per_gw_it_usd": "USD per GW",
    "capex_per_gw_facility_usd": "USD per GW",
    "capex_per_h100e_usd": "USD per H100-eq",
    "h100e": "H100-eq",
    "peak_bf16_flops": "FLOP/s",
    "annual_energy_mwh": "MWh",
    "annual_energy_cost_usd": "USD",
    "annual_emissions_t": "t CO2",
}


@app.command("estimate")
def estimate_cmd(
    accelerator: Annotated[str, typer.Option("--accelerator", "-a", help="Catalog name (see `gigawatt catalog`).")],
    power: Annotated[
        str | None, typer.Option("--power", help="Power on the --basis (facility by default), e.g. 1.2GW or '300 MW'.")
    ] = None,
    basis: Annotated[
        str,
        typer.Option(
            "--basis",
            help="What --power measures: facility (the default), grid (contracted or nameplate: divided by a sourced "
            "grid-to-facility ratio, with its range) or it (IT load: times the model's sizing PUE).",
        ),
    ] = "facility",
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
    design_pue_ratio: Annotated[
        float | None, typer.Option(help="Design-day PUE / annual PUE for sizing facility power (default: data).")
    ] = None,
    non_accelerator_it_share: Annotated[
        float | None, typer.Option(help="Non-accelerator IT load as a share of the accelerators' (default: data).")
    ] = None,
    sizing_headroom: Annotated[
        float | None, typer.Option(help="Spare facility power above the design-day load, a share (default: data).")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Power <-> accelerators <-> money for one accelerator type (closed form)."""
    n = _count(accelerators) if accelerators is not None else None
    result = gw.estimate(
        accelerator,
        power_mw=parse_quantity(power, "mw", "--power") if power is not None else None,
        basis=basis.strip().lower(),
        budget_usd=parse_quantity(budget, "usd", "--budget") if budget is not None else None,
        accelerators=n,
        pue=pue,
        capex_per_mw_usd=parse_quantity(capex_per_mw, "usd_per_mw", "--capex-per-mw") if capex_per_mw else None,
        it_power_w=parse_quantity(it_power_w, "w", "--it-power-w") if it_power_w else None,
        price_usd=parse_quantity(price, "usd", "--price") if price else None,
        sizing={
            k: v
            for k, v in (
                ("design_pue_ratio", design_pue_ratio),
                ("non_accelerator_it_share", non_accelerator_it_share),
                ("sizing_headroom", sizing_headroom),
            )
            if v is not None
        },
    )
    if json_out:
        _print_json(result)
        return
    optional = ("accelerators_low", "accelerators_high", "stated_power_mw")
    rows = [
        (k, u, [result[k] if result[k] is not None else "unknown"])
        for k, u in _UNITS.items()
        if result[k] is not None or k not in optional
    ]
    console.print(_metrics_table(f"estimate: {result['accelerator']}", ["value"], rows))
    if result["power_basis"] not in (None, "facility"):
        _say(f"power basis: {_basis_line(result)}")
    for note in result["notes"]:
        warn(note)
    console.print(_assumptions_table(result))


def _basis_line(result: dict) -> str:
    """The conversion of --power to facility power in words: basis, ratio, range, facility power and the band."""
    b = result["assumptions"]["power_basis"]
    if b["basis"] == "it":
        return (
            f"{b['stated_mw']:,.0f} MW of IT power x sizing PUE {result['sizing_pue']:.4g} = "
            f"{b['facility_power_mw']:,.0f} MW of facility power"
        )
    return (
        f"{b['stated_mw']:,.0f} MW grid / {b['value']:g} (grid-to-facility ratio, range {b['ratio_low']:g}-"
        f"{b['ratio_high']:g}; {b.get('facts_id', '')}) = {b['facility_power_mw']:,.0f} MW of facility power "
        f"({b['facility_power_low_mw']:,.0f}-{b['facility_power_high_mw']:,.0f} MW: {result['accelerators_low']:,} "
        f"to {result['accelerators_high']:,} accelerators)"
    )


def _count(accelerators: str) -> float:
    """--accelerators as a number (a comma or an underscore only where it groups thousands: 100,000 or 100_000)."""
    expected = "a count like 100000 or 100,000"
    text = accelerators.strip()
    if not re.fullmatch(r"[-+]?(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?", text):
        raise GigawattError(f"--accelerators: {accelerators!r} is not a number; expected {expected}")
    sign = -1.0 if text.startswith("-") else 1.0
    return sign * read_number(text.lstrip("+-"), accelerators, "--accelerators", expected)


def _assumptions_table(result: dict) -> Table:
    """Every value the estimate used (defaults and the accelerator's own numbers), with its status and source."""
    table = Table(title="assumptions", title_justify="left")
    for c in ("parameter", "value", "status", "source"):
        table.add_column(c)
    for k, v in result["assumptions"].items():
        table.add_row(k, f"{v['value']:,.4g}", v.get("status", ""), v.get("facts_id", "") or v.get("source", ""))
    for k, v in result["accelerator_sources"].items():
        table.add_row(
            f"{result['accelerator']}.{k}",
            f"{v['value']:,.4g}" if v["value"] is not None else "unpublished",
            v.get("status", ""),
            v.get("facts_id", "") or v.get("source", ""),
        )
    return table

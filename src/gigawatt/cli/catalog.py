"""``gigawatt catalog``: the accelerators with their specs and the sources behind every number."""

from __future__ import annotations

from rich.table import Table

import gigawatt as gw
from gigawatt.cli.core import JsonOpt, _print_json, _say, app, console
from gigawatt.data.catalog import PRICE_BASIS
from gigawatt.units import format_usd

_COLUMNS = (
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
)


@app.command("catalog")
def catalog_cmd(json_out: JsonOpt = False) -> None:
    """Accelerators with their specs and sources."""
    cat = gw.catalog()
    if json_out:
        _print_json({name: _accelerator_json(a) for name, a in cat.items()})
        return
    console.print(_catalog_table(cat))
    _say(PRICE_BASIS)
    _say("Per-number status, source and derivation: gigawatt catalog --json", style="dim")


def _accelerator_json(a) -> dict:
    return {
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
        "price_basis": PRICE_BASIS,
        "h100e": a.h100e,
        "sources": {k: v.as_dict() for k, v in a.provenance.items()},
    }


def _catalog_table(cat: dict) -> Table:
    table = Table(title="accelerator catalog (unpublished numbers shown as -)", title_justify="left")
    for c in _COLUMNS:
        table.add_column(c, justify="right" if c not in ("name", "vendor", "sources") else "left")

    def n(v, f="{:,.0f}"):
        return "-" if v is None else f.format(v)

    for name, a in cat.items():
        ids = sorted({i for p in a.provenance.values() for i in p.ids()})
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
    return table

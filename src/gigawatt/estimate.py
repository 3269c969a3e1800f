"""The estimator: facility power <-> accelerators <-> money for one accelerator type, in closed form.

Given one of facility power, a budget or an accelerator count, it returns the other two with the IT power, the
capex split, the compute and a year's energy. Equations (units in names):

    it_power_mw          = facility_power_mw / pue
    accelerators         = floor(it_power_mw * 1000 / it_power_kw)            (from power)
    accelerators         = floor(budget_usd / (price_usd + it_power_kw / 1000 * capex_per_mw_usd))   (from money)
    capex_it_usd         = accelerators * price_usd
    capex_facility_usd   = it_power_mw * capex_per_mw_usd        (facility cost is quoted per MW of IT load, EC01)
    annual_energy_mwh    = accelerators * it_power_kw / 1000 * utilization * pue * 8766 h
"""

from __future__ import annotations

import math

from gigawatt.errors import GigawattError
from gigawatt.sources import H100_BF16_DENSE_TFLOPS, Accelerator, default, defaults, get_accelerator

HOURS_PER_YEAR = 8766.0  # 365.25 days x 24 h


def estimate(
    accelerator: str | Accelerator,
    *,
    power_mw: float | None = None,
    budget_usd: float | None = None,
    accelerators: float | None = None,
    pue: float | None = None,
    capex_per_mw_usd: float | None = None,
    utilization: float | None = None,
    energy_price_usd_per_mwh: float | None = None,
    carbon_t_per_mwh: float | None = None,
    it_power_w: float | None = None,
    price_usd: float | None = None,
) -> dict:
    """Size a build from exactly one of ``power_mw`` (facility), ``budget_usd`` or ``accelerators``.

    Defaults for PUE, facility capex per MW, utilization, energy price and carbon intensity come from
    data/defaults.csv; the returned ``assumptions`` name each value used and its source.
    """
    given = {
        k: v for k, v in (("power", power_mw), ("budget", budget_usd), ("accelerators", accelerators)) if v is not None
    }
    if len(given) != 1:
        raise GigawattError(
            f"estimate: give exactly one of --power, --budget or --accelerators (got {', '.join(given) or 'none'})"
        )
    acc = accelerator if isinstance(accelerator, Accelerator) else get_accelerator(accelerator, "--accelerator")
    for name, value in (("it_power_w", it_power_w), ("price_usd", price_usd)):
        if value is not None and not (math.isfinite(value) and value > 0):
            raise GigawattError(f"estimate: --{name.replace('_usd', '').replace('_', '-')} {value} must be positive")
    overridden = {k for k, v in (("it_power_w", it_power_w), ("price_usd", price_usd)) if v is not None}
    if overridden:
        import dataclasses

        acc = dataclasses.replace(acc, it_power_w=it_power_w or acc.it_power_w, price_usd=price_usd or acc.price_usd)
    it_kw = acc.require("it_power_w", "--accelerator", hint="--it-power-w") / 1000.0
    price = acc.require("price_usd", "--accelerator", hint="--price")
    table = defaults()
    used = {}

    def pick(name, value, key, lo=None, hi=None):
        if value is None:
            used[name] = {"value": table[key].value, **table[key].provenance.as_dict()}
            return default(key)
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise GigawattError(
                f"estimate: --{name.replace('_', '-')} {value} is out of range; "
                f"expected {lo} <= value{'' if hi is None else f' <= {hi}'}"
            )
        used[name] = {"value": value, "status": "given on the command line"}
        return value

    pue = pick("pue", pue, "operations.pue", 1.0, 3.0)
    capex_mw = pick("capex_per_mw_usd", capex_per_mw_usd, "phase.capex_per_mw_usd", 0.0)
    util = pick("utilization", utilization, "operations.utilization", 0.0, 1.0)
    price_mwh = pick("energy_price_usd_per_mwh", energy_price_usd_per_mwh, "operations.energy_price_usd_per_mwh", 0.0)
    carbon = pick("carbon_t_per_mwh", carbon_t_per_mwh, "power.grid.carbon_t_per_mwh", 0.0)
    for name, value in given.items():
        if not math.isfinite(value) or value <= 0:
            raise GigawattError(f"estimate: --{name} {value} must be a positive number")

    if power_mw is not None:
        facility_mw = power_mw
        it_mw = facility_mw / pue
        n = math.floor(it_mw * 1000.0 / it_kw + 1e-9)
    else:
        if budget_usd is not None:
            n = math.floor(budget_usd / (price + it_kw / 1000.0 * capex_mw) + 1e-9)
        else:
            n = math.floor(accelerators + 1e-9)
        it_mw = n * it_kw / 1000.0
        facility_mw = it_mw * pue
    capex_it = n * price
    capex_fac = it_mw * capex_mw
    energy = n * it_kw / 1000.0 * util * pue * HOURS_PER_YEAR
    bf16 = acc.bf16_dense_tflops or 0.0
    return {
        "accelerator": acc.name,
        "accelerators": n,
        "it_power_mw": it_mw,
        "facility_power_mw": facility_mw,
        "capex_it_usd": capex_it,
        "capex_facility_usd": capex_fac,
        "capex_total_usd": capex_it + capex_fac,
        "h100e": n * bf16 / H100_BF16_DENSE_TFLOPS,
        "peak_bf16_flops": n * bf16 * 1e12,
        "annual_energy_mwh": energy,
        "annual_energy_cost_usd": energy * price_mwh,
        "annual_emissions_t": energy * carbon,
        "it_power_w_per_accelerator": it_kw * 1000.0,
        "price_usd_per_accelerator": price,
        "assumptions": used,
        "accelerator_sources": {
            k: {
                "value": getattr(acc, k),
                **({"status": "given on the command line"} if k in overridden else acc.provenance[k].as_dict()),
            }
            for k in ("it_power_w", "price_usd", "bf16_dense_tflops")
        },
    }

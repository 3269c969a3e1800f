"""The estimator: facility power <-> accelerators <-> money for one accelerator type, in closed form.

Given one of facility power, a budget or an accelerator count, it returns the other two with the IT power, the
capex split, the compute and a year's energy. Sizing is kept apart from energy (docs/model.md, "Sizing and energy"):
facility power is sized for the design day, energy is drawn at the annual PUE. Equations (units in names):

    it_kw_all            = it_power_kw * (1 + non_accelerator_it_share)      (IT per accelerator, non-accelerator IT in)
    sizing_pue           = pue * design_pue_ratio * (1 + sizing_headroom)    (facility MW per MW of IT, design day)
    it_power_mw          = facility_power_mw / sizing_pue
    accelerators         = floor(it_power_mw * 1000 / it_kw_all)              (from power)
    accelerators         = floor(budget_usd / (price_usd + it_kw_all / 1000 * capex_per_mw_usd))   (from money)
    it_power_mw          = accelerators * it_kw_all / 1000                    (from money or a count)
    facility_power_mw    = it_power_mw * sizing_pue
    capex_it_usd         = accelerators * price_usd
    capex_facility_usd   = it_power_mw * capex_per_mw_usd        (facility cost is quoted per MW of IT load, EC01)
    annual_energy_mwh    = accelerators * it_kw_all / 1000 * utilization * pue * 8766 h     (the annual PUE)

Power may be stated on another basis (``basis``: gigawatt.data.power_basis): a grid figure is divided by the
grid-to-facility ratio (with its range: ``accelerators_low`` and ``accelerators_high`` are the counts at the ratio's
high and low ends), an IT figure multiplied by ``sizing_pue``. What a journalist compares (null where unknown):

    capex_per_gw_it_usd        = capex_total_usd / (it_power_mw / 1000)
    capex_per_gw_facility_usd  = capex_total_usd / (facility_power_mw / 1000)
    capex_per_h100e_usd        = capex_total_usd / h100e
"""

from __future__ import annotations

import math

from gigawatt import limits
from gigawatt.data import power_basis
from gigawatt.data.catalog import H100_BF16_DENSE_TFLOPS, Accelerator, default, defaults, get_accelerator
from gigawatt.errors import GigawattError

HOURS_PER_YEAR = 8766.0  # 365.25 days x 24 h
_GIVEN_MAX = {"power": limits.MAX_ESTIMATE_POWER_MW, "budget": limits.MAX_USD, "accelerators": limits.MAX_ACCELERATORS}
_UNITS = {"--power": " MW", "--budget": " USD", "--it-power-w": " W", "--price": " USD", "--capex-per-mw": " USD/MW"}
# the command line's name for an argument, where it differs from the argument's (capex_per_mw_usd -> --capex-per-mw)
_FLAGS = {"capex_per_mw_usd": "--capex-per-mw"}


def _check(flag: str, value: float, low: float, high: float, low_open: bool = False, from_limits: bool = True) -> None:
    """``value`` must be finite and within [low, high] (``(low, high]`` if ``low_open``); the message names ``flag``.

    Every bound is a physical range (from gigawatt.limits where ``from_limits``), so every result stays finite."""
    unit = _UNITS.get(flag, "")
    where = " (gigawatt.limits)" if from_limits else ""
    expected = f"expected {_num(low)} {'<' if low_open else '<='} value <= {_num(high)}{unit}{where}"
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise GigawattError(f"estimate: {flag} {value!r} is not a finite number; {expected}")
    if value < low or (low_open and value == low) or value > high:
        raise GigawattError(f"estimate: {flag} {value:g}{unit} is out of range; {expected}")


def _num(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) and abs(x) < 1e15 else f"{x:g}"


def _count(raw: float, what: str) -> int:
    """Whole accelerators from a count that may come out fractional (floor, with a tolerance for 0.999...)."""
    if not raw <= limits.MAX_ACCELERATORS:
        raise GigawattError(
            f"estimate: {what} gives {raw:.3g} accelerators; expected at most {limits.MAX_ACCELERATORS:.0e} "
            "(limits.MAX_ACCELERATORS)"
        )
    return math.floor(raw + 1e-9)


def _check_given(**given: float | None) -> None:
    """Exactly one of facility power, budget or accelerator count, each within its physical range."""
    named = {k.removesuffix("_mw").removesuffix("_usd"): v for k, v in given.items() if v is not None}
    if len(named) != 1:
        raise GigawattError(
            f"estimate: give exactly one of --power, --budget or --accelerators (got {', '.join(named) or 'none'})"
        )
    for name, value in named.items():
        _check(f"--{name}", value, 0.0, _GIVEN_MAX[name], low_open=True)


def _accelerator(
    accelerator: str | Accelerator, it_power_w: float | None, price_usd: float | None
) -> tuple[Accelerator, set[str]]:
    """The accelerator with the command line's IT power and price over its published ones, and the names overridden."""
    if it_power_w is not None:
        _check("--it-power-w", it_power_w, limits.MIN_ACCELERATOR_W, limits.MAX_ACCELERATOR_W)
    if price_usd is not None:
        _check("--price", price_usd, 0.0, limits.MAX_ACCELERATOR_PRICE_USD, low_open=True)
    acc = accelerator if isinstance(accelerator, Accelerator) else get_accelerator(accelerator, "--accelerator")
    overridden = {k for k, v in (("it_power_w", it_power_w), ("price_usd", price_usd)) if v is not None}
    if overridden:
        import dataclasses

        acc = dataclasses.replace(acc, it_power_w=it_power_w or acc.it_power_w, price_usd=price_usd or acc.price_usd)
    return acc, overridden


def _pick(used: dict, name: str, value: float | None, key: str, lo: float, hi: float, from_limits=True) -> float:
    """``value`` (checked against [lo, hi]) or, when None, the default ``key`` from data/defaults.csv; records in
    ``used[name]`` the value and where it came from."""
    if value is None:
        row = defaults()[key]
        used[name] = {"value": row.value, **row.provenance.as_dict()}
        return default(key)
    _check(_FLAGS.get(name, f"--{name.replace('_', '-')}"), value, lo, hi, from_limits=from_limits)
    used[name] = {"value": value, "status": "given on the command line"}
    return value


def _size(
    power_mw: float | None,
    budget_usd: float | None,
    accelerators: float | None,
    *,
    it_kw: float,
    price: float,
    pue: float,
    capex_mw: float,
) -> tuple[int, float, float]:
    """(accelerators, IT MW, facility MW) from whichever of power, budget or count was given; ``it_kw`` is the IT
    power per accelerator with the non-accelerator share in, ``pue`` the sizing (design-day) PUE."""
    if power_mw is not None:
        facility_mw = power_mw
        it_mw = facility_mw / pue
        n = _count(it_mw * 1000.0 / it_kw, f"--power {power_mw:g} MW at {it_kw * 1000:g} W each")
        return n, it_mw, facility_mw
    if budget_usd is not None:
        per = price + it_kw / 1000.0 * capex_mw
        n = _count(budget_usd / per, f"--budget ${budget_usd:,.0f} at ${per:,.6g} each")
    else:
        n = _count(accelerators, "--accelerators")
    it_mw = n * it_kw / 1000.0
    return n, it_mw, it_mw * pue


# the sizing factors (docs/model.md, "Sizing and energy"): name -> (defaults.csv key, low, high); the ranges are the
# scenario schema's (data/scenario.py, class Operations); the command line's flag is --name-with-dashes
SIZING = {
    "design_pue_ratio": ("operations.design_pue_ratio", 1.0, 2.0),
    "non_accelerator_it_share": ("operations.non_accelerator_it_share", 0.0, 1.0),
    "sizing_headroom": ("operations.sizing_headroom", 0.0, 1.0),
}


def _sizing(used: dict, pue: float, given: dict) -> tuple[float, float]:
    """(non-accelerator IT share, sizing PUE = pue x design ratio x (1 + headroom)) from ``given`` or the defaults."""
    unknown = set(given) - set(SIZING)
    if unknown:
        raise GigawattError(f"estimate: unknown sizing factor(s) {sorted(unknown)}; expected some of {list(SIZING)}")
    got = {}
    for name, (key, low, high) in SIZING.items():
        got[name] = _pick(used, name, given.get(name), key, low, high, from_limits=False)
    return got["non_accelerator_it_share"], pue * got["design_pue_ratio"] * (1.0 + got["sizing_headroom"])


def _accelerator_sources(acc: Accelerator, overridden: set[str]) -> dict:
    return {
        k: {
            "value": getattr(acc, k),
            **(
                {"status": "given on the command line"}
                if k in overridden
                else acc.provenance[k].as_dict()
                if k in acc.provenance
                else {"status": "no source given"}  # an Accelerator built in Python, not read from the catalog
            ),
        }
        for k in ("it_power_w", "price_usd", "bf16_dense_tflops")
    }


def _basis(used: dict, basis: str, power_mw: float | None, sizing_pue: float) -> power_basis.Conversion | None:
    """The conversion of ``power_mw`` stated on ``basis`` to facility power (None when no power is given), recorded
    in ``used["power_basis"]``: the ratio (stated MW per facility MW), its range, the facility power and the source."""
    if basis not in power_basis.BASES:
        raise GigawattError(
            f"estimate: --basis {basis!r} is not a power basis; expected one of: {', '.join(power_basis.BASES)}"
        )
    if power_mw is None:
        if basis != "facility":
            raise GigawattError(f"estimate: --basis {basis} says what --power measures; expected --power with it")
        return None
    conv = power_basis.convert(power_mw, basis, sizing_pue)
    d = conv.as_dict()
    used["power_basis"] = {"value": d.pop("ratio"), "unit": d.pop("ratio_meaning"), **d}
    return conv


def _band(conv: power_basis.Conversion | None, it_kw_all: float, sizing_pue: float) -> tuple[int | None, int | None]:
    """(accelerators_low, accelerators_high): the counts at the facility power's band where the ratio has a range."""
    if conv is None or conv.ratio_low is None:
        return None, None
    low, high = (
        _count(mw / sizing_pue * 1000.0 / it_kw_all, f"--power {conv.stated_mw:g} MW {conv.basis}")
        for mw in (conv.facility_low_mw, conv.facility_high_mw)
    )
    return low, high


def per_unit(capex_total_usd: float | None, it_mw: float, facility_mw: float, h100e: float) -> dict:
    """Capex per GW of IT power, per GW of facility power and per H100-equivalent (None where capex is unknown or
    the denominator is 0): the figures a reported "$50B per gigawatt" (facts.csv CX01) is compared with."""

    def ratio(num, den):
        return num / den if num is not None and den > 0 else None

    return {
        "capex_per_gw_it_usd": ratio(capex_total_usd, it_mw / 1000.0),
        "capex_per_gw_facility_usd": ratio(capex_total_usd, facility_mw / 1000.0),
        "capex_per_h100e_usd": ratio(capex_total_usd, h100e),
    }


# the numbers estimate() reads from data/defaults.csv unless given: name -> (defaults.csv key, low, high, whether the
# bounds are gigawatt.limits' (the others are the scenario schema's: a PUE from 1 to 3, a utilization share)
DEFAULTED = {
    "pue": ("operations.pue", 1.0, 3.0, False),
    "capex_per_mw_usd": ("phase.capex_per_mw_usd", 0.0, limits.MAX_USD_PER_MW, True),
    "utilization": ("operations.utilization", 0.0, 1.0, False),
    "energy_price_usd_per_mwh": ("operations.energy_price_usd_per_mwh", 0.0, limits.MAX_USD_PER_MWH, True),
    "carbon_t_per_mwh": ("power.grid.carbon_t_per_mwh", 0.0, limits.MAX_T_PER_MWH, True),
}


def _defaulted(used: dict, given: dict) -> dict:
    """Each of :data:`DEFAULTED`: the value given (checked) or the default, recorded in ``used``."""
    unknown = set(given) - set(DEFAULTED)
    if unknown:
        raise GigawattError(
            f"estimate: unknown argument(s) {sorted(unknown)}; expected some of {[*DEFAULTED, *_OTHER_ARGS]}"
        )
    return {
        name: _pick(used, name, given.get(name), key, low, high, from_limits=lim)
        for name, (key, low, high, lim) in DEFAULTED.items()
    }


_OTHER_ARGS = ("it_power_w", "price_usd", "sizing", "basis")


def _no_price_note(acc: Accelerator) -> str:
    why = acc.provenance["price_usd"].derivation if "price_usd" in acc.provenance else ""
    return (
        f"accelerator {acc.name!r} has no published price_usd{f' ({why})' if why else ''}: capex_it_usd and "
        "capex_total_usd are unknown (null); give a price with --price"
    )


def estimate(
    accelerator: str | Accelerator,
    *,
    power_mw: float | None = None,
    budget_usd: float | None = None,
    accelerators: float | None = None,
    basis: str = "facility",
    it_power_w: float | None = None,
    price_usd: float | None = None,
    sizing: dict | None = None,
    **overrides: float | None,
) -> dict:
    """Size a build from exactly one of ``power_mw`` (on ``basis``: 'facility', 'grid' or 'it'), ``budget_usd`` or
    ``accelerators``.

    ``overrides`` may set ``pue``, ``capex_per_mw_usd``, ``utilization``, ``energy_price_usd_per_mwh`` and
    ``carbon_t_per_mwh`` (:data:`DEFAULTED`); those not given come from data/defaults.csv, and so do the sizing
    factors ``sizing`` may set (``design_pue_ratio``, ``non_accelerator_it_share``, ``sizing_headroom``); the returned
    ``assumptions`` name each value used and its source.
    """
    _check_given(power_mw=power_mw, budget_usd=budget_usd, accelerators=accelerators)
    acc, overridden = _accelerator(accelerator, it_power_w, price_usd)
    it_kw = acc.require("it_power_w", "--accelerator", hint="--it-power-w") / 1000.0
    # a price is needed only to size from a budget: without one, the count, power and energy stand and the IT capex
    # is unknown (None), with a note saying how to supply it (TPUs and Trainium are rented, not sold)
    price = acc.require("price_usd", "--accelerator", hint="--price") if budget_usd is not None else acc.price_usd
    used = {}
    d = _defaulted(used, {k: v for k, v in overrides.items() if v is not None})
    pue, capex_mw, util = d["pue"], d["capex_per_mw_usd"], d["utilization"]
    price_mwh, carbon = d["energy_price_usd_per_mwh"], d["carbon_t_per_mwh"]
    share, sizing_pue = _sizing(used, pue, sizing or {})
    it_kw_all = it_kw * (1.0 + share)
    conv = _basis(used, basis, power_mw, sizing_pue)
    n, it_mw, facility_mw = _size(
        conv.facility_mw if conv else None,
        budget_usd,
        accelerators,
        it_kw=it_kw_all,
        price=price,
        pue=sizing_pue,
        capex_mw=capex_mw,
    )
    n_low, n_high = _band(conv, it_kw_all, sizing_pue)
    capex_it = n * price if price is not None else None
    capex_fac = it_mw * capex_mw
    notes = [] if price is not None else [_no_price_note(acc)]
    energy = n * it_kw_all / 1000.0 * util * pue * HOURS_PER_YEAR  # the annual PUE: energy is not sized
    bf16 = acc.bf16_dense_tflops or 0.0
    capex_total = capex_it + capex_fac if capex_it is not None else None
    h100e = n * bf16 / H100_BF16_DENSE_TFLOPS
    return {
        "accelerator": acc.name,
        "accelerators": n,
        "accelerators_low": n_low,
        "accelerators_high": n_high,
        "power_basis": conv.basis if conv else None,
        "stated_power_mw": conv.stated_mw if conv else None,
        "it_power_mw": it_mw,
        "facility_power_mw": facility_mw,
        "sizing_pue": sizing_pue,
        "capex_it_usd": capex_it,
        "capex_facility_usd": capex_fac,
        "capex_total_usd": capex_total,
        **per_unit(capex_total, it_mw, facility_mw, h100e),
        "h100e": h100e,
        "peak_bf16_flops": n * bf16 * 1e12,
        "annual_energy_mwh": energy,
        "annual_energy_cost_usd": energy * price_mwh,
        "annual_emissions_t": energy * carbon,
        "it_power_w_per_accelerator": it_kw * 1000.0,
        "price_usd_per_accelerator": price,
        "assumptions": used,
        "accelerator_sources": _accelerator_sources(acc, overridden),
        "notes": notes,
    }

"""Ranges for money that every scenario inherits: the all-in price of each accelerator and the facility cost per MW.

The catalog carries each accelerator's all-in price with a sourced range (accelerators.csv ``price_usd`` with
``low`` and ``high``) and defaults.csv carries the facility cost per MW of IT with its range
(``phase.capex_per_mw_usd``). A loaded scenario gets them as distributions, so ``gigawatt risk`` samples them by
default and its capex band shows how uncertain money is (issue 17 item 2):

    accelerator_overrides.NAME.price_usd   triangular(low, price_usd, high)   each type the scenario may order
    risks.cost_overrun                     triangular(low / value, 1, high / value)   every phase's facility capex

The mode of each is the point value, so a deterministic ``gigawatt run`` (which uses each distribution's central
value) gives exactly what it gave without them. A scenario's own word wins: no price range is inherited when the
scenario puts a distribution on ``risks.accelerator_price`` (its own price risk) or sets that type's
``accelerator_overrides.NAME.price_usd``; no facility range when it sets ``risks.cost_overrun`` (a value or a
distribution) or states its own ``capex_per_mw_usd`` in every phase (where some phases take the default, the range
multiplies every phase's facility capex, as ``cost_overrun`` does). The price draws are independent across types
(each type's range has its own sources); the facility draw is one per trial for the whole programme (a cost level,
not a per-site scatter).
"""

from __future__ import annotations

from gigawatt.data.catalog import catalog, defaults
from gigawatt.data.distributions import Distribution
from gigawatt.data.names import newest_vendor

PRICE_PATH = "accelerator_overrides.{name}.price_usd"
FACILITY_PATH = "risks.cost_overrun"
FACILITY_KEY = "phase.capex_per_mw_usd"
INHERITED = "inherited (every scenario)"  # the status of an inherited range, as `gigawatt show` prints it


def ordered_types(scenario) -> list[str]:
    """Catalog names of the types the scenario's phases may order: a named type, or for ``newest[:VENDOR]`` every
    type of that vendor with a published power and price (the candidates of :func:`engine.inputs._type_by_month`);
    an uncertain choice counts each of its values."""
    cat = catalog()
    choices = set()
    for i, site in enumerate(scenario.sites):
        for j, phase in enumerate(site.phases):
            dist = scenario.distributions.get(f"sites[{i}].phases[{j}].accelerator")
            choices.update(dist.choices if dist is not None else [phase.accelerator])
    names = set()
    for choice in choices:
        vendor = newest_vendor(str(choice))
        if vendor is None:
            names.add(str(choice).strip().lower())
        else:
            names.update(
                n
                for n, a in cat.items()
                if (not vendor or a.vendor.lower() == vendor) and a.it_power_w is not None and a.price_usd is not None
            )
    return sorted(names)


def _price_range(name: str) -> Distribution | None:
    acc = catalog()[name]
    if acc.price_usd is None or acc.price_low_usd is None or acc.price_high_usd is None:
        return None
    prov = acc.provenance["price_usd"]
    path = PRICE_PATH.format(name=name)
    params = {"low": acc.price_low_usd, "mode": acc.price_usd, "high": acc.price_high_usd}
    raw = {
        "dist": "triangular",
        **params,
        "status": INHERITED,
        "source": f"accelerators.csv {name}.price_usd: {prov.source}",
        "facts_id": prov.facts_id,
        "derivation": prov.derivation,
    }
    return Distribution(path, "triangular", params, raw=raw, inherited=True)


def _facility_range() -> Distribution | None:
    row = defaults()[FACILITY_KEY]
    if row.low is None or row.high is None:
        return None
    params = {"low": row.low / row.value, "mode": 1.0, "high": row.high / row.value}
    raw = {
        "dist": "triangular",
        **params,
        "status": INHERITED,
        "source": f"defaults.csv {FACILITY_KEY}: ${row.low / 1e6:g}M-${row.high / 1e6:g}M around ${row.value / 1e6:g}M "
        f"per MW of IT ({row.provenance.source})",
        "facts_id": row.provenance.facts_id,
        "derivation": f"low / value and high / value of {FACILITY_KEY}: the facility cost per MW's range as a factor",
    }
    return Distribution(FACILITY_PATH, "triangular", params, raw=raw, inherited=True)


def inherited_distributions(scenario, own: dict | None = None) -> dict[str, Distribution]:
    """The money ranges ``scenario`` inherits, by field path (none where the scenario says its own: ``own``, its
    distributions by default)."""
    own = scenario.distributions if own is None else own
    out: dict[str, Distribution] = {}
    if "risks.accelerator_price" not in own:
        overrides = {k.lower(): v for k, v in scenario.accelerator_overrides.items()}
        for name in ordered_types(scenario):
            path = PRICE_PATH.format(name=name)
            if path in own or (name in overrides and overrides[name].price_usd is not None):
                continue
            dist = _price_range(name)
            if dist is not None:
                out[path] = dist
    on_default = any("capex_per_mw_usd" not in ph.model_fields_set for site in scenario.sites for ph in site.phases)
    if on_default and FACILITY_PATH not in own and "cost_overrun" not in scenario.risks.model_fields_set:
        dist = _facility_range()
        if dist is not None:
            out[FACILITY_PATH] = dist
    return out

"""The page's key assumptions for one scenario: each with the override path the command line's ``--set`` takes, the
field path its validation errors name, its current (central) value, a range for a slider, and its source, read from
the scenario as ``gigawatt show`` resolves it."""

from __future__ import annotations

from typing import Any

import gigawatt as gw
from gigawatt.data.catalog import catalog


def _at(tree: Any, path: list) -> Any:
    for part in path:
        if tree is None:
            return None
        tree = tree[part] if isinstance(part, int) and isinstance(tree, list) else tree.get(part)
    return tree


def _source(node: Any) -> dict:
    """Status, source, facts id and note of a resolved value (``{value, status, source, ...}`` or a distribution)."""
    if not isinstance(node, dict):
        return {}
    keys = ("status", "source", "facts_id", "note", "derivation", "default", "date", "dist", "low", "mode", "high")
    return {k: node[k] for k in keys if k in node}


def _control(path: str, field: str, label: str, value, resolved_node, **kw) -> dict:
    return {"path": path, "field": field, "label": label, "value": value, "source": _source(resolved_node), **kw}


def _money_controls(s: gw.Scenario, resolved: dict) -> list[dict]:
    out = []
    for i, partner in enumerate(s.partners):
        for j, pledge in enumerate(partner.pledges):
            node = _at(resolved, ["partners", i, "pledges", j, "secured_usd"])
            only = len(partner.pledges) == 1
            out.append(
                _control(
                    f"partners[{partner.name}].pledges[{j}].secured_usd",
                    f"partners[{i}].pledges[{j}].secured_usd",
                    f"{partner.name}: money secured" + ("" if only else f" (pledge {j + 1})"),
                    pledge.secured_usd,
                    node,
                    kind="usd",
                    min=0.0,
                    max=pledge.amount_usd,
                    step=max(pledge.amount_usd / 200, 1e6),
                    group="money",
                )
            )
    return out


# the scalar assumptions: (path, label, slider min, max, step, group); the path is both the --set override and the
# field the validation errors name
_SCALARS = {
    "funding.announced_arrival": ("announced money that arrives (share)", 0.0, 1.0, 0.05, "money"),
    "risks.construction_slip": ("construction time (x the announced)", 0.5, 3.0, 0.05, "build"),
    "operations.pue": ("PUE", 1.0, 2.0, 0.01, "operations"),
    "operations.energy_price_usd_per_mwh": ("energy price ($/MWh)", 0.0, 300.0, 1.0, "operations"),
}


def _scalar_control(s: gw.Scenario, resolved: dict, path: str) -> dict:
    label, low, high, step, group = _SCALARS[path]
    parts = path.split(".")
    value = s
    for part in parts:
        value = getattr(value, part)
    return _control(
        path, path, label, value, _at(resolved, parts), kind="number", min=low, max=high, step=step, group=group
    )


def controls(s: gw.Scenario, resolved: dict) -> list[dict]:
    """Money secured per pledge, arrival of announced money, construction time, accelerator, PUE, energy price and
    supply caps, in that order."""
    return [
        *_money_controls(s, resolved),
        _scalar_control(s, resolved, "funding.announced_arrival"),
        _scalar_control(s, resolved, "risks.construction_slip"),
        _accelerator_control(s, resolved),
        _scalar_control(s, resolved, "operations.pue"),
        _scalar_control(s, resolved, "operations.energy_price_usd_per_mwh"),
        *_cap_controls(s, resolved),
    ]


def _raw_phases(s: gw.Scenario) -> list[tuple[str, str]]:
    """(site, phase) of every phase as the scenario writes it: a ramped phase is expanded into buildings named
    ``phase/building-k`` on loading, and its overrides address the phase."""
    seen: list[tuple[str, str]] = []
    for site in s.sites:
        for phase in site.phases:
            key = (site.name, phase.name.split("/building-")[0])
            if key not in seen:
                seen.append(key)
    return seen


def _accelerator_control(s: gw.Scenario, resolved: dict) -> dict:
    chosen = sorted({str(ph.accelerator) for site in s.sites for ph in site.phases})
    names = sorted(catalog())
    options = ["newest", "newest:nvidia", *names]
    first = _at(resolved, ["sites", 0, "phases", 0, "accelerator"])
    return _control(
        "accelerator",
        "accelerator",
        "accelerator (every phase)",
        chosen[0] if len(chosen) == 1 else "",
        first,
        kind="choice",
        options=options,
        # one override per phase: the page sends each of these paths with the chosen name
        paths=[f"sites[{site}].phases[{phase}].accelerator" for site, phase in _raw_phases(s)],
        note="as in the scenario: " + ", ".join(chosen),
        group="build",
    )


def _cap_controls(s: gw.Scenario, resolved: dict) -> list[dict]:
    if not s.supply_caps:
        return [
            _control(
                "supply_caps",
                "supply_caps",
                "supply cap (accelerators a year, all types; empty: none)",
                None,
                None,
                kind="cap",
                min=0.0,
                max=5e6,
                step=1e4,
                group="supply",
            )
        ]
    return [
        _control(
            f"supply_caps[{cap.name}].per_year",
            f"supply_caps[{i}].per_year",
            f"supply cap {cap.name} (accelerators a year)",
            cap.per_year,
            _at(resolved, ["supply_caps", i, "per_year"]),
            kind="number",
            min=0.0,
            max=max(5e6, 2 * cap.per_year),
            step=1e4,
            group="supply",
        )
        for i, cap in enumerate(s.supply_caps)
    ]

"""A small scenario for story tests: one 100 MW H100 hall with ample money."""

import copy

from gigawatt.data.loading import set_path

BASE = {
    "name": "toy",
    "programme": {"start": "2025-01", "horizon_months": 24},
    "partners": [{"name": "p", "pledges": [{"amount_usd": 1e12, "secured_usd": 1e12, "start": "2025-01"}]}],
    "sites": [
        {
            "name": "a",
            "phases": [
                {
                    "name": "p1",
                    "power_mw": 100,
                    "start": "2025-01",
                    "construction_months": 3,
                    "capex_per_mw_usd": 10e6,
                    "accelerator": "h100",
                }
            ],
        }
    ],
    "operations": {"pue": 1.25, "utilization": 0.8, "energy_price_usd_per_mwh": 50, "lifetime_months": 60},
    "procurement": {"lead_time_months": 1},
    # the stories are worked by hand at $50,000 per H100: the price is stated here, not read from the catalog
    "accelerator_overrides": {"h100": {"price_usd": 50_000}},
}


def toy(**changes):
    """A small scenario (one 100 MW H100 hall, ample money) with dotted-path changes applied."""
    tree = copy.deepcopy(BASE)
    for path, value in changes.items():
        set_path(tree, path.replace("__", "."), value)
    return tree


# an outcome claim on the toy scenario: its hall is online from 2025-04, so 100 MW by 2025-04 holds exactly
TOY_CLAIM = {
    "id": "c1",
    "speaker": {"name": "A. Person", "role": "tester"},
    "date": "2024-12-01",
    "source": {"address": "https://example.org/claim"},
    "text": "The hall is online by April 2025.",
    "kind": "outcome",
    "quantity": {"comparator": ">=", "value": "100 MW", "unit": "MW"},
    "resolution": {"criteria": "100 MW online by April 2025", "source": "the operator", "by": "2025-04-30"},
    "scenario": "toy.yaml",
    "check": {"series": "mw_online", "by": "2025-04"},
    "observed": {"status": "holds", "as_of": "2025-05-01", "evidence": ["SG01"]},
}


def rival(name: str, value: float, unit: str = "count", facts_id: str = "EV19") -> dict:
    """A system the toy hall is compared with, as of 2024-06-01."""
    return {"name": name, "value": value, "unit": unit, "date": "2024-06-01", "facts_id": facts_id}


def toy_comparison(*rivals: dict) -> dict:
    """The fields that make a claim a comparison: the toy hall's accelerators by 2025-04 (62,745 H100: 100 MW / PUE
    1.25 / 1.275 kW) against ``rivals``."""
    comparison = {"subject": "toy hall", "series": "accelerators", "by": "2025-04", "rivals": list(rivals)}
    return {"kind": "comparison", "check": None, "quantity": None, "comparison": comparison}

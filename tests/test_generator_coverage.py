"""The random scenarios (tests/strategies.py) reach every branch of the engine, counted over a fixed set of examples.

Each example is simulated and classified by what happened in it, from the outputs (the timeseries) and the scenario;
the test then asserts that each branch was reached by at least a stated share of the examples. A generator change
that stops reaching a branch (no debt, no refresh, no binding cap, nothing ever short of money) fails here instead of
silently weakening every property test that uses it. The counts are printed (``pytest -s``) for the record.
"""

import json
import math

import numpy as np
from hypothesis import given, settings

import gigawatt as gw
from gigawatt.engine.inputs import compile_inputs
from profiles import examples
from strategies import scenarios

N_EXAMPLES = examples(200)

# Each branch must be reached by at least this share of the distinct examples. The derandomized ci set depends on
# the code under test too (hypothesis mixes in constants it finds there), so the shares were measured on two versions
# of src/ (183 and 176 distinct scenarios; in the comments): each is about twice its minimum or more, so a minimum
# fails when the generator stops producing that case often, not on a reshuffle of examples. The explore profile
# draws ~1,000 fresh examples, where the sampling noise on a share p is sqrt(p(1-p)/1000) < 1.6 points.
MIN_SHARE = {
    "built": 0.50,  # ci 0.73-0.87; most examples must build something, or the properties test little
    "nothing built": 0.05,  # ci 0.13-0.27; the empty programme is still checked
    "debt": 0.10,  # ci 0.38-0.47
    "interest": 0.10,  # ci 0.26-0.31
    "debt limit binds": 0.03,  # ci 0.13-0.17
    "refresh": 0.10,  # ci 0.23-0.29
    "cap binds": 0.08,  # ci 0.34-0.39
    "funding gap": 0.30,  # ci 0.75-0.87
    "no funding gap": 0.05,  # ci 0.13-0.25; ample money also happens
    "external built": 0.15,  # ci 0.69-0.72
    "announced late": 0.15,  # ci 0.50-0.60
    "override type installed": 0.015,  # ci 0.044-0.13; a type the catalog cannot buy without numbers, installed
    "per-phase pue": 0.20,  # ci 0.70-0.82
    "several countries": 0.15,  # ci 0.36-0.44
}


def first_fill_cost_bound(s) -> float:
    """The most the first fills of all phases can cost: whole accelerators of the phase's fill type in its IT power.

    First fills never exceed this count (docs/model.md §3: n = floor(P_IT * 1000 / p_acc)); any IT capex beyond it was
    spent on refreshes. The fill type is the engine's (``compile_inputs``), the only input taken from the engine.
    """
    inp = compile_inputs(s).trial(0)
    it_kw = inp.power_mw / inp.pue * 1000.0
    fill_kw = inp.it_kw[inp.fill_type]
    n = np.floor(it_kw / fill_kw + 1e-9)
    return float((n * inp.price_usd[inp.fill_type]).sum())


def classify(tree: dict) -> set[str]:
    """The branches one example reaches, judged from its outputs."""
    s = gw.load_scenario(tree)
    r = gw.simulate(s)
    ts = r.timeseries
    scale = 1.0 + ts["equity_usd"].max()
    got = set()
    got.add("built" if ts["accelerators"].max() > 0 else "nothing built")
    if ts["debt_usd"].max() > 0:
        got.add("debt")
    if ts["interest_usd"].iloc[-1] > 0:
        got.add("interest")
    limit = tree["financing"].get("debt_limit_usd")
    if limit is not None and ts["debt_usd"].max() > 0 and (ts["debt_capacity_usd"] >= limit * (1 - 1e-9)).any():
        got.add("debt limit binds")  # debt is used and the limit, not the equity, sets the capacity at some month
    # refreshes: IT capex beyond what every first fill could cost (relative slack for float sums of ~1e10)
    if ts["capex_it_usd"].iloc[-1] > first_fill_cost_bound(s) * (1 + 1e-9) + 1.0:
        got.add("refresh")
    got.add("funding gap" if ts["funding_gap_usd"].max() > 1e-6 * scale else "no funding gap")
    if tree["supply_caps"]:
        free = gw.simulate(gw.load_scenario({**tree, "supply_caps": []})).timeseries
        if (ts["accelerators"] < free["accelerators"]).any():
            got.add("cap binds")
    external_fac = ts["capex_facility_usd"].iloc[-1] - ts["capex_facility_programme_usd"].iloc[-1]
    if external_fac > 1e-9 * scale and ts["accelerators"].max() > 0:
        got.add("external built")
    # announced-only money that arrived, behind its schedule: equity above the secured money at some month while
    # the funding delay is positive
    if tree["funding"]["announced_delay_months"] > 0 and (ts["equity_usd"] > ts["secured_usd"] + 1.0).any():
        got.add("announced late")
    overridden = set(tree.get("accelerator_overrides", {})) - {"h100", "h200", "b200", "gb200", "gb300"}
    if any(f"accelerators_{n}" in ts.columns for n in overridden):
        got.add("override type installed")
    if any("pue" in ph for site in tree["sites"] for ph in site["phases"]) and ts["accelerators"].max() > 0:
        got.add("per-phase pue")
    if len({site["country"] for site in tree["sites"]}) > 1:
        got.add("several countries")
    return got


def test_generator_reaches_every_branch():
    seen: dict[str, set[str]] = {}

    @settings(max_examples=N_EXAMPLES, deadline=None)
    @given(scenarios())
    def draw(tree):
        key = json.dumps(tree, sort_keys=True)
        if key not in seen:
            seen[key] = classify(tree)

    draw()
    # hypothesis may draw the same scenario twice: shares are over distinct scenarios
    n = len(seen)
    counts = {branch: sum(branch in s for s in seen.values()) for branch in MIN_SHARE}
    print(f"\ngenerator coverage over {n} examples: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    assert n >= N_EXAMPLES * 0.8, n  # most examples drawn are distinct scenarios
    missing = {k: (v, math.ceil(MIN_SHARE[k] * n)) for k, v in counts.items() if v < MIN_SHARE[k] * n}
    assert not missing, f"branches reached too rarely (count, minimum): {missing}"

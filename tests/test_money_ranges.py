"""Ranges, not points, for money (issue 17 item 2): every scenario inherits the catalog's all-in price range of each
accelerator it may order and the facility cost per MW's range, which ``gigawatt risk`` samples by default.

Oracles: the ranges as the data files write them (accelerators.csv, defaults.csv, read here with the csv module), the
closed-form mean of a triangular distribution for the draws, and the deterministic run of the same scenario with the
point values written out (which inherits nothing).
"""

import csv
from importlib import resources

import numpy as np
import pytest

import gigawatt as gw
from gigawatt.data.money_ranges import FACILITY_PATH, PRICE_PATH, inherited_distributions
from gigawatt.engine.montecarlo import sample_block


def _csv(name: str) -> list[dict]:
    with resources.files("gigawatt.data").joinpath(name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


PRICES = {r["accelerator"]: r for r in _csv("accelerators.csv") if r["field"] == "price_usd" and r["value"]}
FACILITY = next(r for r in _csv("defaults.csv") if r["parameter"] == "phase.capex_per_mw_usd")


def test_every_price_and_the_facility_cost_carry_a_sourced_range():
    for name, r in {**PRICES, "facility": FACILITY}.items():
        low, value, high = float(r["low"]), float(r["value"]), float(r["high"])
        assert 0 < low < value < high, name
        assert r["source"].strip() and r["facts_id"].strip() and r["derivation"].strip(), name


@pytest.mark.parametrize("name", ["colossus", "stargate-uae"])
def test_a_builtin_inherits_the_ranges_centred_on_the_point_values(name):
    s = gw.load_scenario(name)
    inherited = {p: d for p, d in s.distributions.items() if d.inherited}
    assert FACILITY_PATH in inherited
    prices = {p for p in inherited if p.startswith("accelerator_overrides.")}
    assert prices  # at least the type it orders
    for path in prices:
        acc = path.split(".")[1]
        d = inherited[path]
        row = PRICES[acc]
        assert d.kind == "triangular"
        assert (d.params["low"], d.params["high"]) == (float(row["low"]), float(row["high"]))
        assert d.central() == float(row["value"]) == gw.get_accelerator(acc).price_usd  # so `run` is unchanged
    d = inherited[FACILITY_PATH]
    value = float(FACILITY["value"])
    assert d.central() == 1.0
    assert d.params["low"] * value == pytest.approx(float(FACILITY["low"]), rel=1e-12)  # float rounding only
    assert d.params["high"] * value == pytest.approx(float(FACILITY["high"]), rel=1e-12)


def test_the_deterministic_run_is_the_run_with_the_point_values_written_out():
    # the same scenario with every inherited input pinned to its point value (a plain number inherits nothing): the
    # run must be identical, since a run uses each distribution's central value
    s = gw.load_scenario("colossus")
    pins = ["risks.cost_overrun=1"] + [
        f"{path}={d.central()}" for path, d in s.distributions.items() if d.inherited and path != FACILITY_PATH
    ]
    pinned = gw.load_scenario("colossus", overrides=pins)
    assert not [p for p, d in pinned.distributions.items() if d.inherited]
    a, b = gw.simulate(s).metrics, gw.simulate(pinned).metrics
    for key in ("capex_total_usd", "capex_it_usd", "capex_facility_usd", "accelerators_end", "mw_online_end"):
        assert a[key] == b[key], key


def test_risk_on_a_builtin_shows_a_capex_band_wider_than_zero():
    r = gw.risk(gw.load_scenario("colossus"), trials=2_000, seed=3)
    capex = r.metrics["capex_total_usd"]
    assert capex["p10"] < capex["p50"] < capex["p90"]
    # the band is the money's: with every inherited money range pinned, colossus's only other uncertainty (its build
    # slip) moves capex far less (the slip delays spending within the horizon; prices and cost per MW scale all of it)
    s = gw.load_scenario("colossus")
    pins = ["risks.cost_overrun=1"] + [
        f"{p}={d.central()}" for p, d in s.distributions.items() if d.inherited and p != FACILITY_PATH
    ]
    fixed = gw.risk(gw.load_scenario("colossus", overrides=pins), trials=2_000, seed=3).metrics["capex_total_usd"]
    assert capex["p90"] - capex["p10"] > 2 * (fixed["p90"] - fixed["p10"])
    assert set(r.uncertain) >= {FACILITY_PATH, PRICE_PATH.format(name="gb200")}


def test_the_draws_follow_the_catalog_range():
    # 20,000 draws of the inherited GB200 price: the triangular's mean is (low + mode + high) / 3 and its standard
    # deviation sqrt((a^2 + b^2 + c^2 - ab - ac - bc) / 18); the sample mean is within 4 standard errors of it (a
    # false alarm about once in 16,000 runs, and the seed is fixed) and every draw lies inside [low, high]
    s = gw.load_scenario("colossus")
    path = PRICE_PATH.format(name="gb200")
    x = np.concatenate([sample_block(s, 7, b, 10_000)[path] for b in range(2)])
    a, c, b = (float(PRICES["gb200"][k]) for k in ("low", "value", "high"))
    mean = (a + b + c) / 3
    sd = np.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18)
    assert abs(x.mean() - mean) < 4 * sd / np.sqrt(len(x))
    assert x.min() >= a and x.max() <= b


def test_a_scenarios_own_word_wins():
    # stargate-2025-01 writes its own facility range (risks.cost_overrun, Cushman & Wakefield's, public on its day):
    # it inherits no facility range, only the prices it does not state
    own = gw.load_scenario("stargate-2025-01").distributions
    assert FACILITY_PATH in own and not own[FACILITY_PATH].inherited
    assert PRICE_PATH.format(name="gb200") in own and own[PRICE_PATH.format(name="gb200")].inherited
    # a price risk of its own (risks.accelerator_price) stops every inherited price
    s = gw.load_scenario("stargate", overrides=["risks.accelerator_price={dist: uniform, low: 0.9, high: 1.1}"])
    assert not [p for p, d in s.distributions.items() if d.inherited and p.startswith("accelerator_overrides.")]
    # a type whose price the scenario sets inherits no range for it; a plain cost_overrun stops the facility range
    s = gw.load_scenario("stargate-uae", overrides=["accelerator_overrides.gb300.price_usd=70000"])
    inherited = {p for p, d in s.distributions.items() if d.inherited}
    assert PRICE_PATH.format(name="gb300") not in inherited and FACILITY_PATH in inherited
    # and the function itself, on a loaded scenario, adds nothing more (its ranges are already there)
    assert inherited_distributions(s) == {}
    s = gw.load_scenario("stargate-uae", overrides=["risks.cost_overrun=1.1"])
    assert FACILITY_PATH not in s.distributions and s.risks.cost_overrun == 1.1


def test_only_the_types_a_scenario_may_order_are_drawn():
    # stargate-uae orders GB300 only (a named type): no other type's price is drawn
    prices = [p for p, d in gw.load_scenario("stargate-uae").distributions.items() if d.inherited and "price" in p]
    assert prices == [PRICE_PATH.format(name="gb300")]

"""Small scenarios whose month-by-month story is worked out by hand in the comments."""

import numpy as np
import pytest

import gigawatt as gw
from toy_scenarios import toy

N_H100 = 62_745  # 100 MW / PUE 1.25 = 80 MW IT; 80,000 kW / 1.275 kW = 62,745.1


def run(tree, *overrides):
    return gw.simulate(gw.load_scenario(tree, overrides=list(overrides)))


def test_one_hall_ample_money():
    r = run(toy())
    ts = r.timeseries
    # built in months 0-2, online in month 3; orders placed in month 2 (one month lead) arrive in month 3
    np.testing.assert_array_equal(ts["mw_online"].iloc[:5], [0, 0, 0, 100, 100])
    np.testing.assert_array_equal(ts["accelerators"].iloc[:5], [0, 0, 0, N_H100, N_H100])
    assert ts["accelerators_h100"].iloc[-1] == N_H100
    # facility: 80 MW IT x $10M = $800M, spent evenly over three months; IT: 62,745 x $50,000 in month 2
    np.testing.assert_allclose(ts["capex_facility_usd"].iloc[:3], [800e6 / 3, 1600e6 / 3, 800e6])
    assert ts["capex_it_usd"].iloc[2] == pytest.approx(N_H100 * 50_000)
    assert r.metrics["capex_total_usd"] == pytest.approx(800e6 + N_H100 * 50_000)
    # April 2025 has 30 days: E = 62,745 x 1.275 kW x 0.8 x 1.25 x 720 h
    e = N_H100 * 1.275 / 1000 * 0.8 * 1.25 * 720
    assert ts["energy_mwh"].iloc[3] == pytest.approx(e)
    assert ts["energy_cost_usd"].iloc[3] == pytest.approx(e * 50)
    assert ts["emissions_t"].iloc[3] == pytest.approx(e * 0.367)
    assert ts["opex_usd"].iloc[3] == pytest.approx(e * 50)  # no other opex by default
    assert ts["h100e"].iloc[3] == pytest.approx(N_H100)
    assert r.metrics["funding_gap_max_usd"] == 0
    assert r.phases.loc[0, "online"] == "2025-04"


CLOSE_COST = 800e6 + N_H100 * 50_000  # the hall and its first fill, committed together at financial close


def test_a_phase_that_cannot_close_is_not_started_and_shows_the_gap():
    r = run(toy(**{"partners[0].pledges[0].amount_usd": 2e9, "partners[0].pledges[0].secured_usd": 2e9}))
    ts = r.timeseries
    # $2B < $800M hall + $3.14B first fill: the project never reaches financial close
    assert r.metrics["mw_online_end"] == 0 and r.metrics["accelerators_end"] == 0
    assert r.metrics["spent_usd"] == 0
    np.testing.assert_allclose(ts["funding_gap_usd"], CLOSE_COST)
    assert r.phases.loc[0, "start"] is None


def test_a_phase_closes_when_money_covers_hall_and_fill():
    r = run(toy(**{"partners[0].pledges[0].amount_usd": 4e9, "partners[0].pledges[0].secured_usd": 4e9}))
    assert r.metrics["accelerators_end"] == N_H100
    assert r.metrics["cash_end_usd"] == pytest.approx(4e9 - CLOSE_COST)
    # committed at close in month 0, then drawn down: facility over months 0-2, fill in month 2
    c = r.timeseries["committed_usd"]
    assert c.iloc[0] == pytest.approx(CLOSE_COST - 800e6 / 3)
    assert c.iloc[2] == pytest.approx(0, abs=1)


def test_a_phase_waits_for_money_in_a_queue():
    tree = toy(
        **{
            "partners[0].pledges[0].amount_usd": 6e9,
            "partners[0].pledges[0].secured_usd": 6e9,
            "partners[0].pledges[0].months": 12,  # $500M a month
        }
    )
    r = run(tree)
    # $3.94B is first covered by 8 x $500M = $4B in month 7
    assert r.phases.loc[0, "start"] == "2025-08"
    assert r.metrics["phase_delay_months_total"] == 7
    # waiting months show the whole close cost as a gap
    assert r.timeseries["funding_gap_usd"].iloc[0] == pytest.approx(CLOSE_COST)
    assert r.timeseries["funding_gap_usd"].iloc[7] == 0


def test_the_queue_is_first_come_first_served():
    tree = toy(**{"partners[0].pledges[0].amount_usd": 5e9, "partners[0].pledges[0].secured_usd": 5e9})
    tree["sites"][0]["phases"].append(dict(tree["sites"][0]["phases"][0], name="p2", start="2025-02"))
    tree["sites"][0]["phases"].insert(0, dict(tree["sites"][0]["phases"][0], name="p0", start="2025-03", power_mw=10))
    r = run(tree)
    # p1 (planned 2025-01) closes; p2 (2025-02) cannot; p0 (2025-03, small enough to fit) waits behind p2
    assert list(r.phases["start"]) == [None, "2025-01", None]


def test_retirement_and_refresh():
    r = run(toy(**{"operations.lifetime_months": 6}))
    ts = r.timeseries
    # installed in month 3, retired in month 9, replaced by an order placed in month 8 that arrives in month 9
    assert (ts["accelerators"].iloc[3:] == N_H100).all()
    assert ts["capex_it_usd"].iloc[7] == pytest.approx(N_H100 * 50_000)
    assert ts["capex_it_usd"].iloc[8] == pytest.approx(2 * N_H100 * 50_000)


def test_supply_cap_per_calendar_year():
    tree = toy(**{"supply_caps": [{"name": "allowance", "per_year": 10_000}]})
    ts = run(tree).timeseries
    assert ts.loc["2025-12", "accelerators"].iloc[0] == 10_000
    # the 2026 allowance is ordered in January and installed in February
    assert ts.loc["2026-01", "accelerators"].iloc[0] == 10_000
    assert ts.loc["2026-02", "accelerators"].iloc[0] == 20_000


def test_supply_cap_share_and_scope():
    tree = toy(
        **{
            "supply_caps": [
                {"name": "g42", "per_year": 50_000, "share": 0.2, "sites": ["a"]},
                {"name": "other", "per_year": 1, "sites": []},
            ]
        }
    )
    ts = run(tree).timeseries
    assert ts.loc["2025-12", "accelerators"].iloc[0] == 10_000


def test_power_arrives_late():
    r = run(toy(**{"sites[0].phases[0].power": {"kind": "grid", "available": "2025-09"}}))
    assert r.phases.loc[0, "online"] == "2025-09"
    assert r.timeseries.loc["2025-08", "accelerators"].iloc[0] == 0
    assert r.timeseries.loc["2025-09", "accelerators"].iloc[0] == N_H100


def test_onsite_gas_costs_and_emits():
    r = run(toy(**{"sites[0].phases[0].power": {"kind": "onsite_gas"}}))
    # $2.4M per MW of generation (EC25) for the 100 MW draw, on top of the $800M hall
    assert r.metrics["capex_facility_usd"] == pytest.approx(800e6 + 100 * 2.4e6)
    ts = r.timeseries
    assert ts["emissions_t"].iloc[3] == pytest.approx(ts["energy_mwh"].iloc[3] * 0.435)


def test_external_facility_is_not_paid_by_the_programme():
    r = run(toy(**{"sites[0].facility_financing": "external"}))
    assert r.metrics["capex_facility_usd"] == pytest.approx(800e6)
    assert r.metrics["spent_usd"] == pytest.approx(N_H100 * 50_000)


def test_newest_available_accelerator():
    r = run(toy(**{"sites[0].phases[0].accelerator": "newest:nvidia"}))
    # ordered in 2025-03: newest NVIDIA type with a price and a power figure by then is the B200 (2024-12)
    assert "accelerators_b200" in r.timeseries.columns
    n = int(80_000 / 1.820)
    assert r.timeseries["accelerators"].iloc[3] == n


def test_debt_and_interest():
    tree = toy(
        **{
            "partners[0].pledges[0].amount_usd": 1e9,
            "partners[0].pledges[0].secured_usd": 1e9,
            "financing": {"equity_share": 0.1, "interest_rate": 0.06},
        }
    )
    r = run(tree)
    ts = r.timeseries
    rate = 1.06 ** (1 / 12) - 1
    # interest paid each month is the previous month's debt times the monthly rate
    paid = ts["interest_usd"].diff().iloc[1:].to_numpy()
    np.testing.assert_allclose(paid, ts["debt_usd"].shift(1).iloc[1:].to_numpy() * rate, rtol=1e-9)
    assert r.metrics["interest_usd"] > 0
    assert (ts["debt_usd"] <= ts["debt_capacity_usd"] + 1e-3).all()
    assert ts["accelerators"].iloc[3] == N_H100


def test_announced_only_money_and_the_assumption():
    tree = toy(**{"partners[0].pledges[0].amount_usd": 10e9, "partners[0].pledges[0].secured_usd": 1e9})
    full = run(tree)
    none = run(tree, "funding.announced_arrival=0")
    assert full.metrics["equity_received_usd"] == pytest.approx(10e9)
    assert none.metrics["equity_received_usd"] == pytest.approx(1e9)
    assert none.metrics["secured_usd"] == pytest.approx(1e9)
    assert none.metrics["pledged_usd"] == pytest.approx(10e9)
    assert none.metrics["accelerators_end"] < full.metrics["accelerators_end"]


def test_other_opex_per_mw_year():
    ts = run(toy(), "operations.other_opex_usd_per_mw_year=$1.2M/MW").timeseries
    it_mw = N_H100 * 1.275 / 1000
    assert ts["opex_usd"].iloc[3] == pytest.approx(ts["energy_cost_usd"].iloc[3] + it_mw * 1.2e6 / 12)


def test_first_gw_date():
    tree = toy(**{"sites[0].phases[0].power_mw": "1.2 GW"})
    assert run(tree).metrics["first_gw_date"] == "2025-04"
    assert run(toy()).metrics["first_gw_date"] is None

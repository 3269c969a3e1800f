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
    assert ts["h100e"].iloc[3] == pytest.approx(N_H100)
    assert r.metrics["funding_gap_max_usd"] == 0
    assert r.phases.loc[0, "online"] == "2025-04"


def test_money_limits_accelerators_and_shows_the_gap():
    r = run(toy(**{"partners[0].pledges[0].amount_usd": 2e9, "partners[0].pledges[0].secured_usd": 2e9}))
    ts = r.timeseries
    # month 2: cash 2B - 2 x 266.7M spent = 1.467B, of which 266.7M is committed to the build -> 1.2B for IT
    assert ts["accelerators"].iloc[3] == 24_000
    assert r.metrics["spent_usd"] == pytest.approx(2e9)
    # the rest of the hall (38,745 accelerators x $50k) is due but unpaid from month 2 on
    assert ts["funding_gap_usd"].iloc[2] == pytest.approx((N_H100 - 24_000) * 50_000)
    assert r.metrics["funding_gap_max_usd"] == pytest.approx((N_H100 - 24_000) * 50_000)
    assert r.metrics["cash_end_usd"] == pytest.approx(0, abs=1)


def test_a_phase_waits_for_money_in_a_queue():
    tree = toy(**{
        "partners[0].pledges[0].amount_usd": 1.2e9, "partners[0].pledges[0].secured_usd": 1.2e9,
        "partners[0].pledges[0].months": 12,  # $100M a month
    })
    r = run(tree)
    # the $800M hall is started in the month when received money first covers it: 8 x $100M by month 7
    assert r.phases.loc[0, "start"] == "2025-08"
    assert r.metrics["phase_delay_months_total"] == 7
    # waiting months show the whole facility capex as a gap
    assert r.timeseries["funding_gap_usd"].iloc[0] == pytest.approx(800e6)


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
    tree = toy(**{"supply_caps": [{"name": "g42", "per_year": 50_000, "share": 0.2, "sites": ["a"]},
                                  {"name": "other", "per_year": 1, "sites": []}]})
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
    tree = toy(**{
        "partners[0].pledges[0].amount_usd": 1e9, "partners[0].pledges[0].secured_usd": 1e9,
        "financing": {"equity_share": 0.1, "interest_rate": 0.06},
    })
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


def test_first_gw_date():
    tree = toy(**{"sites[0].phases[0].power_mw": "1.2 GW"})
    assert run(tree).metrics["first_gw_date"] == "2025-04"
    assert run(toy()).metrics["first_gw_date"] is None

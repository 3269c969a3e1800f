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


def test_a_hall_of_exactly_a_gigawatt_is_a_gigawatt_online():
    # 1,000 MW online in 2025-04 (month 3) is a gigawatt: the threshold allows only float rounding (1e-6 MW) below
    # 1,000 MW, so a hall of 999.99 MW never is one
    assert run(toy(**{"sites[0].phases[0].power_mw": 1000})).metrics["first_gw_date"] == "2025-04"
    assert run(toy(**{"sites[0].phases[0].power_mw": 999.99})).metrics["first_gw_date"] is None


# ------------------------------------------------------------------------------------------------------------------
# Stories that pin the month of each event and the amount, so that a mistake in money, financing or refresh timing
# moves a number these comments work out by hand. The toy hall: 100 MW at PUE 1.25 = 80 MW IT; 80,000 kW / 1.275 kW
# = 62,745 H100 at $50,000 = $3,137,250,000; facility 80 MW x $10M = $800,000,000; close cost $3,937,250,000.
# Floating-point sums of a few terms are exact to about 1e-15 relative: rtol=1e-12 allows only rounding.

FILL_USD = N_H100 * 50_000  # 3,137,250,000


def test_announced_only_money_arrives_after_its_delay():
    # $5B pledged at once in 2025-01, $1B of it secured; the $4B announced-only part arrives 6 months late
    # (funding.announced_delay_months). received(t) = min(5, 1) + 1.0 x max(0, due(t - 6) - 1) in $B:
    #   months 0-5: due(t - 6) = 0, so $1B;   months 6+: 1 + 4 = $5B.
    tree = toy(
        **{
            "partners[0].pledges[0].amount_usd": 5e9,
            "partners[0].pledges[0].secured_usd": 1e9,
            "funding.announced_delay_months": 6,
        }
    )
    r = run(tree)
    ts = r.timeseries
    np.testing.assert_array_equal(ts["equity_usd"].iloc[:8], [1e9] * 6 + [5e9] * 2)
    np.testing.assert_array_equal(ts["pledged_usd"].iloc[:2], [5e9, 5e9])  # due on schedule, received late
    # $1B < $3.94B: no close while only the secured money is in; the close cost is the gap in months 0-5
    np.testing.assert_array_equal(ts["funding_gap_usd"].iloc[:7], [CLOSE_COST] * 6 + [0])
    # close in month 6 (2025-07), three months of construction (months 6-8), online in month 9 (2025-10);
    # the fill is ordered in month 8 (lead time 1) and installed in month 9
    assert r.phases.loc[0, "start"] == "2025-07"
    assert r.phases.loc[0, "online"] == "2025-10"
    np.testing.assert_array_equal(ts["accelerators"].iloc[8:11], [0, N_H100, N_H100])
    np.testing.assert_array_equal(ts["capex_it_usd"].iloc[7:9], [0, FILL_USD])
    assert r.metrics["phase_delay_months_total"] == 6


def test_upfront_fraction_arrives_in_the_start_month():
    # $5B, 80 % upfront, the other 20 % over 10 months: due(t) = 5 x (0.8 + 0.2 x (t + 1) / 10) = 4.0 + 0.1 (t + 1)
    # in $B, so $4.1B in month 0, $4.2B in month 1, ... $5.0B from month 9. $4.1B covers the $3.94B close at once
    # (without the upfront part, 0.5 (t + 1) >= 3.94 only in month 7)
    tree = toy(
        **{
            "partners[0].pledges[0].amount_usd": 5e9,
            "partners[0].pledges[0].secured_usd": 5e9,
            "partners[0].pledges[0].upfront_fraction": 0.8,
            "partners[0].pledges[0].months": 10,
        }
    )
    r = run(tree)
    ts = r.timeseries
    want = [4.1e9, 4.2e9, 4.3e9, 4.4e9, 4.5e9, 4.6e9, 4.7e9, 4.8e9, 4.9e9, 5.0e9, 5.0e9, 5.0e9]
    np.testing.assert_allclose(ts["pledged_usd"].iloc[:12], want, rtol=1e-12)
    np.testing.assert_allclose(ts["equity_usd"].iloc[:12], want, rtol=1e-12)
    assert r.phases.loc[0, "start"] == "2025-01" and r.phases.loc[0, "online"] == "2025-04"
    assert r.metrics["funding_gap_max_usd"] == 0
    # cash at the end of month 2: $4.3B received - $800M hall - $3,137.25M fill = $362.75M
    assert ts["cash_usd"].iloc[2] == pytest.approx(4.3e9 - 800e6 - FILL_USD, rel=1e-12)
    assert r.metrics["cash_end_usd"] == pytest.approx(5e9 - CLOSE_COST, rel=1e-12)  # $1,062.75M


def test_refresh_is_ordered_the_month_the_first_fill_reaches_its_lifetime():
    # built in no time (construction 0) and powered at once: close, hall and fill order all in month 0, the fill
    # installed in month 1 (lead 1). Lifetime 6 months: the month-0 order's power is free again for orders in month
    # 6 (0 + 6), so the refresh is ordered in month 6 and installed in month 7, the month the first fill retires
    # (1 + 6). The next refreshes follow every 6 months: orders in months 0, 6, 12, 18, never a month without GPUs.
    r = run(toy(**{"sites[0].phases[0].construction_months": 0, "operations.lifetime_months": 6}))
    ts = r.timeseries
    assert r.phases.loc[0, "online"] == "2025-01"
    np.testing.assert_array_equal(ts["accelerators"], [0] + [N_H100] * 23)
    bought = ts["capex_it_usd"].diff().fillna(ts["capex_it_usd"]).to_numpy()
    want = np.zeros(24)
    want[[0, 6, 12, 18]] = FILL_USD
    np.testing.assert_array_equal(bought, want)
    assert r.metrics["funding_gap_max_usd"] == 0


def test_debt_compounds_at_the_annual_rate():
    # $1B of equity at 10 % equity share carries up to $9B of debt (SG15's ratio); interest 6 %/yr.
    #   month 0: close (uncommitted $1B + $9B >= $3.94B); hall $266.67M from cash      cash $733.33M, debt 0
    #   month 1: hall $266.67M                                                          cash $466.67M, debt 0
    #   month 2: hall $266.67M, then the fill $3,137.25M: $200M from cash, the rest drawn   debt D = $2,937.25M
    #   month 3 on: interest on the debt, paid from uncommitted money (no cash: more debt), so debt compounds
    #               monthly at (1.06)^(1/12) - 1, which is exactly 6 % over 12 months.
    d = FILL_USD - 200e6  # 2,937,250,000
    tree = toy(
        **{
            "partners[0].pledges[0].amount_usd": 1e9,
            "partners[0].pledges[0].secured_usd": 1e9,
            "financing": {"equity_share": 0.1, "interest_rate": 0.06},
        }
    )
    r = run(tree)
    ts = r.timeseries
    np.testing.assert_array_equal(ts["debt_capacity_usd"].iloc[:3], [9e9] * 3)  # 1e9 x 0.9 / 0.1
    np.testing.assert_array_equal(ts["debt_usd"].iloc[:2], [0, 0])
    assert ts["debt_usd"].iloc[2] == pytest.approx(d, rel=1e-12)
    assert ts["interest_usd"].iloc[2] == 0
    # twelve months later (month 14, 2026-03): D x 1.06 = $3,113.485M, of which $176.235M is interest
    assert ts.loc["2026-03", "debt_usd"].iloc[0] == pytest.approx(d * 1.06, rel=1e-12)
    assert ts.loc["2026-03", "interest_usd"].iloc[0] == pytest.approx(176.235e6, rel=1e-12)
    # month 23 (the horizon's end): D x 1.06^(21/12)
    assert r.metrics["debt_end_usd"] == pytest.approx(d * 1.06 ** (21 / 12), rel=1e-12)
    assert r.metrics["cash_end_usd"] == pytest.approx(0, abs=1e-3)
    assert ts["accelerators"].iloc[3] == N_H100 and r.metrics["funding_gap_max_usd"] == 0


def test_debt_limit_caps_borrowing_and_unpaid_interest_is_a_gap():
    # $1.5B of equity at 10 % equity share, debt capped at $2.5B (below 1.5 x 9 = $13.5B); interest 6 %/yr, that is
    # r = 1.06^(1/12) - 1 = 0.48675506 % a month.
    #   month 0: close ($1.5B + $2.5B = $4.0B >= $3.94B); hall $266.67M from cash, then $266.67M in months 1 and 2
    #   month 2: the fill $3,137.25M: $700M of cash left, the rest drawn: debt D = $2,437.25M
    #   months 3-7: interest paid by drawing more: D x 1.0048676^n = 2,449.11, 2,461.03, 2,473.01, 2,485.05, 2,497.147
    #   month 8: 2,497.147 x r = $12.155M due but only $2.853M of room under the cap: debt reaches $2,500M and the
    #            other $9.302M is unpaid (a gap)
    #   month 9 on: $2,500M x r = $12,168,876 due each month, none payable: all of it is the funding gap
    tree = toy(
        **{
            "partners[0].pledges[0].amount_usd": 1.5e9,
            "partners[0].pledges[0].secured_usd": 1.5e9,
            "financing": {"equity_share": 0.1, "interest_rate": 0.06, "debt_limit_usd": 2.5e9},
        }
    )
    r = run(tree)
    ts = r.timeseries
    np.testing.assert_array_equal(ts["debt_capacity_usd"].iloc[:3], [2.5e9] * 3)
    assert ts["debt_usd"].iloc[2] == pytest.approx(2_437.25e6, rel=1e-12)  # float rounding only
    assert ts["debt_usd"].iloc[7] == pytest.approx(2_497.147e6, rel=1e-6)  # 7 figures written out
    assert ts["debt_usd"].iloc[8] == pytest.approx(2.5e9, rel=1e-12)
    assert (ts["funding_gap_usd"].iloc[:8] == 0).all()
    assert ts["funding_gap_usd"].iloc[8] == pytest.approx(9.302e6, rel=1e-3)  # 4 figures written out
    np.testing.assert_allclose(ts["funding_gap_usd"].iloc[9:], 12_168_876, rtol=1e-7)  # 8 figures written out
    # interest paid in all: what the debt grew by from month 2 to the cap, $2,500M - $2,437.25M = $62.75M
    assert r.metrics["interest_usd"] == pytest.approx(62.75e6, rel=1e-9)
    assert r.metrics["debt_end_usd"] == pytest.approx(2.5e9, rel=1e-12)
    assert ts["accelerators"].iloc[3] == N_H100  # the hall is still filled: the cap binds only on interest


def test_newest_of_a_vendor_is_that_vendors_even_when_another_is_newer():
    # ordered in 2027-01 (start 2026-10, 3 months' build): the newest type overall is NVIDIA's Rubin (volume
    # 2026-09), AMD's newest is the MI355X (2025-10); newest:amd takes the MI355X and nothing else (the vendor match
    # is equality: an ordering of names, amd <= aws <= google <= nvidia, would let NVIDIA's types in)
    # (neither AMD nor Rubin has a published price: prices are stated here, as a user would)
    amd = {
        "accelerator_overrides.mi300x.price_usd": 15_000,
        "accelerator_overrides.mi355x.price_usd": 25_000,
        "accelerator_overrides.rubin.price_usd": 80_000,
        "programme.horizon_months": 36,  # to 2027-12: the hall is online from 2027-01
    }
    tree = toy(**{"sites[0].phases[0].accelerator": "newest:amd", "sites[0].phases[0].start": "2026-10", **amd})
    ts = run(tree).timeseries
    kinds = {c for c in ts.columns if c.startswith("accelerators_")}
    assert kinds == {"accelerators_mi355x"}
    assert ts["accelerators"].iloc[-1] > 0
    newest = run(toy(**{"sites[0].phases[0].accelerator": "newest", "sites[0].phases[0].start": "2026-10", **amd}))
    assert {c for c in newest.timeseries.columns if c.startswith("accelerators_")} == {"accelerators_rubin"}


def test_a_close_that_costs_exactly_the_budget_and_its_tolerance_closes():
    # the close rule is inclusive: sum of costs <= U (1 + 1e-12) + 1e-6 USD closes (model/funding.py's Notes); a
    # phase costing exactly that closes, one a dollar more does not and is the month's unpaid close
    from gigawatt.model.funding import close_in_queue

    budget = 1_000_000_000.0
    exact = budget * (1.0 + 1e-12) + 1e-6
    for cost, closes in ((exact, True), (exact + 1.0, False)):
        closed = np.zeros(1, dtype=bool)
        unpaid = close_in_queue(0, np.array([0]), np.array([0]), np.array([cost]), closed, budget)
        assert bool(closed[0]) is closes
        assert unpaid == (0.0 if closes else cost)

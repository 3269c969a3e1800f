"""Each pure model function against a hand-computed oracle."""

import numpy as np
import pytest

from gigawatt.model import construction, energy, funding, procurement


def test_pledge_due_upfront_then_even():
    # $500B, 20 % at once, the rest over 48 months from month 0: due(t) = 100 + 400 * (t + 1) / 48 (in $B)
    due = funding.pledge_due_cumulative(500.0, 0.2, 0, 48, 60)
    assert due[0] == pytest.approx(100 + 400 / 48)
    assert due[11] == pytest.approx(100 + 400 * 12 / 48)
    assert due[47] == pytest.approx(500.0)
    assert due[59] == pytest.approx(500.0)


def test_pledge_due_before_start_is_zero():
    due = funding.pledge_due_cumulative(12.0, 0.0, 3, 4, 10)
    np.testing.assert_allclose(due, [0, 0, 0, 3, 6, 9, 12, 12, 12, 12])


def test_secured_money_arrives_first():
    due = np.array([5.0, 10.0, 15.0, 20.0])
    # secured 12, announced-only arrives at 50 %: min(due, 12) + 0.5 * max(0, due - 12)
    got = funding.received_cumulative(due, 12.0, 0.5)
    np.testing.assert_allclose(got, [5, 10, 12 + 1.5, 12 + 4])
    # none of the announced-only money: capped at the secured amount
    np.testing.assert_allclose(funding.received_cumulative(due, 12.0, 0.0), [5, 10, 12, 12])
    # all of it: equal to due
    np.testing.assert_allclose(funding.received_cumulative(due, 12.0, 1.0), due)


def test_announced_money_delay():
    due = np.array([0.0, 10.0, 20.0, 30.0])
    got = funding.received_cumulative(due, 0.0, 1.0, delay_months=2)
    np.testing.assert_allclose(got, [0, 0, 0, 10])


def test_debt_capacity_from_equity_share():
    # 10 % equity: nine dollars of debt per dollar of equity (SG15)
    assert funding.debt_capacity(52e9, 0.10) == pytest.approx(468e9)
    assert funding.debt_capacity(52e9, 0.10, 448e9) == pytest.approx(448e9)
    assert funding.debt_capacity(52e9, 1.0) == 0.0


def test_monthly_rate_compounds_to_annual():
    r = funding.monthly_rate(0.06)
    assert (1 + r) ** 12 == pytest.approx(1.06, rel=1e-12)
    assert funding.monthly_rate(0.0) == 0.0


def test_facility_capex_and_it_power():
    # 120 MW at PUE 1.2 feeds 100 MW IT; $10M per MW IT + $2M per MW generation
    assert construction.it_power_mw(120.0, 1.2) == pytest.approx(100.0)
    assert construction.facility_capex_usd(120.0, 1.2, 10e6, 2e6) == pytest.approx(100 * 10e6 + 120 * 2e6)


def test_online_month_waits_for_power():
    assert construction.online_month(0, 3, 0) == 3  # built in 3 months, power from the start
    assert construction.online_month(2, 3, 9) == 9  # built by month 5, power only in month 9
    assert construction.online_month(-1, 3, 0) == construction.NEVER  # never started


def test_outlays_spread_capex_over_the_build_and_spend_the_reserve_exactly():
    # phase 0: $90 over 3 months from month 1 (programme); phase 1: external $60 over 2 months from month 0
    start, months = np.array([1, 0]), np.array([3, 2])
    capex, programme, external = np.array([90.0, 60.0]), np.array([90.0, 0.0]), np.array([False, True])
    reserved = np.array([90.0, 0.0])
    got = [construction.outlays_usd(t, start, months, programme, capex, external, reserved) for t in range(5)]
    assert got == [(0.0, 30.0), (30.0, 30.0), (30.0, 0.0), (30.0, 0.0), (0.0, 0.0)]
    assert reserved[0] == 0.0


def test_limit_by_cap_serves_the_queue_in_order():
    # room for 8, queue 2, 0, 1: phase 2 gets its 3, phase 0 its 4 (7 asked), phase 1 the 1 left of its 5
    want = np.array([4.0, 5.0, 3.0])
    granted = procurement.limit_by_cap(want, np.array([True, True, True]), np.array([2, 0, 1]), 8.0)
    np.testing.assert_array_equal(want, [4.0, 1.0, 3.0])
    assert granted == 8.0
    # room for 5: phase 2 gets 3, phase 0 the 2 left, phase 1 nothing (every demand before it counts in full)
    want = np.array([4.0, 5.0, 3.0])
    procurement.limit_by_cap(want, np.array([True, True, True]), np.array([2, 0, 1]), 5.0)
    np.testing.assert_array_equal(want, [2.0, 0.0, 3.0])
    # a phase outside the cap is neither limited nor counted
    want = np.array([4.0, 5.0])
    assert procurement.limit_by_cap(want, np.array([False, True]), np.array([0, 1]), 2.0) == 2.0
    np.testing.assert_array_equal(want, [4.0, 2.0])


def test_buy_in_order_buys_whole_accelerators_with_the_money_there_is():
    # $250 for phases wanting 2 and 3 accelerators at $50 (type 0) and $100 (type 1), queue 0 then 1:
    # phase 0 costs $100 (bought), phase 1 gets the remaining $150: one $100 accelerator; $200 short
    want = np.array([2.0, 3.0])
    spent, short = procurement.buy_in_order(want, np.array([0, 1]), np.array([50.0, 100.0]), np.array([0, 1]), 250.0)
    np.testing.assert_array_equal(want, [2.0, 1.0])
    assert (spent, short) == (200.0, 200.0)


def test_close_in_queue_is_a_queue():
    queue, planned = np.array([0, 1, 2]), np.array([0, 0, 0])
    closed = np.zeros(3, bool)
    # costs 3, 10, 1 with 5 available: the first closes, the second does not fit and holds back the third
    unpaid = funding.close_in_queue(0, queue, planned, np.array([3.0, 10.0, 1.0]), closed, 5.0)
    np.testing.assert_array_equal(closed, [True, False, False])
    assert unpaid == 11.0
    # a phase not yet due holds back those queued after it
    closed = np.zeros(2, bool)
    funding.close_in_queue(0, np.array([0, 1]), np.array([5, 0]), np.array([1.0, 1.0]), closed, 100.0)
    np.testing.assert_array_equal(closed, [False, False])


def test_accelerators_that_fit():
    # 80 MW IT / 1.275 kW each = 62,745.098 -> 62,745 whole accelerators
    assert procurement.accelerators_that_fit(80_000.0, 1.275) == 62_745
    assert procurement.accelerators_that_fit(-5.0, 1.0) == 0


def test_newest_available():
    fv = {0: 10, 1: 20, 2: 30}
    assert procurement.newest_available(fv, [0, 1, 2], 25) == 1
    assert procurement.newest_available(fv, [0, 1, 2], 30) == 2
    assert procurement.newest_available(fv, [0, 1, 2], 5) == -1


def test_energy_cost_emissions():
    # 100 MW IT at 80 % draw and PUE 1.25 for 720 h = 72,000 MWh
    e = energy.energy_mwh(100.0, 0.8, 1.25, 720.0)
    assert e == pytest.approx(72_000.0)
    assert energy.energy_cost_usd(e, 50.0) == pytest.approx(3.6e6)
    assert energy.emissions_t(e, 0.367) == pytest.approx(26_424.0)


def test_other_opex_per_mw_year_over_months():
    # 50 MW of IT at $1.2M per MW-year: $5M a month, $60M over 12 months, $15M over a quarter
    assert energy.other_opex_usd(50.0, 1.2e6) == pytest.approx(5e6, rel=1e-15)
    assert energy.other_opex_usd(50.0, 1.2e6, months=12) == pytest.approx(60e6, rel=1e-15)
    assert energy.other_opex_usd(50.0, 1.2e6, months=3) == pytest.approx(15e6, rel=1e-15)

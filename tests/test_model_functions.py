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
    got = construction.online_month(np.array([0, 2, -1]), np.array([3.0, 3.0, 3.0]), np.array([0, 9, 0]))
    assert got[0] == 3 and got[1] == 9 and got[2] > 10**6


def test_allocate_in_order():
    np.testing.assert_allclose(procurement.allocate_in_order([3.0, 4.0, 5.0], 8.0), [3, 4, 1])
    np.testing.assert_allclose(procurement.allocate_in_order([3.0, 4.0, 5.0], 100.0), [3, 4, 5])
    np.testing.assert_allclose(procurement.allocate_in_order([[3.0, 4.0]], np.array([2.0])), [[2, 0]])


def test_fits_in_order_is_a_queue():
    np.testing.assert_array_equal(procurement.fits_in_order([3.0, 10.0, 1.0], 5.0), [True, False, False])
    np.testing.assert_array_equal(procurement.fits_in_order([0.0, 10.0], 0.0), [True, False])


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

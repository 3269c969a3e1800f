"""Hand-worked oracles for the build-out engine, written against mutants that survived the suite (docs/testing.md).

Every expected number below is worked out in the comments from the scenario's own inputs and the catalog
(accelerators.csv), never by calling the code under test a second way.
"""

import copy

import numpy as np
import pytest

import gigawatt as gw
from gigawatt.engine import trials
from gigawatt.engine.inputs import SERIES, compile_inputs, undrawn
from gigawatt.errors import GigawattError

# one 100 MW hall, PUE 1.25 (80 MW IT), $10M per MW of IT, H100s (1,275 W all-in IT, $50,000), lead time 1 month,
# ample money; built over 3 months from 2025-01. Kept here (not shared) so that the hand-worked numbers stay true.
BASE = {
    "name": "oracle",
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
N_H100 = 62_745  # floor(80,000 kW / 1.275 kW) = floor(62,745.1)


ENGINES = ("interpreted", "compiled")  # the month loop run as Python and compiled: every story holds for both


def scenario(*overrides, tree=None):
    return gw.load_scenario(copy.deepcopy(tree or BASE), overrides=list(overrides))


def run(engine, *overrides, tree=None) -> dict[str, np.ndarray]:
    """One trial's monthly series by name (plus ``accelerators_<type>`` and the phases' ``start`` months)."""
    inp = compile_inputs(scenario(*overrides, tree=tree))
    out = trials.run(inp, compiled=engine == "compiled")
    got = {k: out["series"][0, :, i] for i, k in enumerate(SERIES)}
    by_type, start = out["by_type"][0], out["start_month"][0]
    got.update({f"accelerators_{t.name}": by_type[:, j] for j, t in enumerate(inp.types)})
    got["start"] = start
    return got


@pytest.mark.parametrize("engine", ENGINES)
def test_h100_equivalents_of_an_h100_fleet_are_its_count(engine):
    ts = run(engine)
    # H100e = installed BF16 FLOP/s / (989 TFLOP/s): for H100s alone exactly their count; one product and one
    # division round twice, so 1e-14 relative is ample (and a wrong H100 reference, even by 1e-12, is not)
    assert ts["h100e"][3] == pytest.approx(N_H100, rel=1e-14, abs=0)
    assert ts["peak_bf16_flops"][3] == pytest.approx(N_H100 * 989e12, rel=1e-14, abs=0)


@pytest.mark.parametrize("engine", ENGINES)
def test_accelerator_price_risk_scales_what_the_fill_costs(engine):
    ts = run(engine, "risks.accelerator_price=1.5")
    # 62,745 H100s at $50,000 x 1.5 = $75,000 each, ordered in month 2; the hall ($800M) does not change
    assert ts["capex_it_usd"][2] == pytest.approx(N_H100 * 75_000, rel=1e-12)
    assert ts["capex_facility_usd"][2] == pytest.approx(800e6, rel=1e-12)


def test_subset_picks_the_trial_asked_for():
    s = scenario()
    inp = compile_inputs(s, {"sites[0].phases[0].power_mw": [100.0, 200.0, 300.0, 400.0]}, trials=4)
    for i, mw in enumerate((100.0, 200.0, 300.0, 400.0)):
        one = inp.subset(i)
        assert one.power_mw.shape == (1, 1) and one.power_mw[0, 0] == mw
        # a hall of mw MW comes online in month 3 (3 months to build, power from the start)
        out = trials.series_dict(trials.run(one))
        assert out["mw_online"].shape == (1, 24)  # one trial in, one row of 24 months out
        assert out["mw_online"][0, 3] == mw and out["mw_online"][0, 2] == 0


def test_subset_of_two_trials_picks_the_second():
    inp = compile_inputs(scenario(), {"sites[0].phases[0].power_mw": [100.0, 200.0]}, trials=2)
    assert inp.subset(0).power_mw[0, 0] == 100.0 and inp.subset(1).power_mw[0, 0] == 200.0


def test_one_trial_of_many_is_the_trial_asked_for():
    # trial(i) drops the trials axis: trial 2 of four is the 300 MW draw, and an input that no draw reaches (the
    # PUE, one row for every trial) is the scenario's 1.25 in each
    inp = compile_inputs(scenario(), {"sites[0].phases[0].power_mw": [100.0, 200.0, 300.0, 400.0]}, trials=4)
    for i, mw in enumerate((100.0, 200.0, 300.0, 400.0)):
        one = inp.trial(i)
        assert one.power_mw.shape == (1,) and one.power_mw[0] == mw
        assert one.pue.shape == (1,) and one.pue[0] == 1.25


def test_training_times_are_read_in_hours():
    # 90 minutes to restart = 1.5 h; 30 minutes to write a checkpoint = 0.5 h (the largest-run model works in hours)
    s = scenario("training.restart_minutes=90", "training.checkpoint_write_minutes=30")
    window_days, write_h, restart_h = compile_inputs(s).training[0, :3]
    assert (write_h, restart_h) == (0.5, 1.5)
    assert window_days == s.training.window_days


def test_uncertain_accelerator_choice_is_per_trial():
    s = scenario()
    picks = np.array(["h100", "gb200", "h100", "b200"], dtype=object)
    inp = compile_inputs(s, {"sites[0].phases[0].accelerator": picks}, trials=4)
    assert [inp.types[k].name for k in inp.fill_type[:, 0]] == list(picks)
    # refresh orders follow the same choice in every month of each trial
    for i, name in enumerate(picks):
        assert {inp.types[k].name for k in inp.type_of_order[i, :, 0]} == {name}
    # trial 1 is filled with GB200s: floor(80,000 kW / 1.833 kW) = floor(43,644.3)
    assert trials.series_dict(trials.run(inp.subset(1)))["accelerators"][0, 3] == 43_644


@pytest.mark.parametrize("engine", ENGINES)
def test_newest_type_is_the_newest_when_the_fill_is_ordered(engine):
    # built over 12 months from 2025-01: online 2026-01, fill ordered one month before, in 2025-12; the newest
    # NVIDIA type with a price and a power figure by then is the GB300 (first volume 2025-07; Rubin has no price)
    ts = run(engine, 'sites[0].phases[0].accelerator="newest:nvidia"', "sites[0].phases[0].construction_months=12")
    assert ts["accelerators"][11] == 0
    # floor(80,000 kW / 1.944 kW) = floor(41,152.3)
    assert ts["accelerators"][12] == 41_152
    assert ts["accelerators_gb300"][12] == 41_152


@pytest.mark.parametrize("engine", ENGINES)
def test_the_newest_fill_is_chosen_a_lead_time_before_the_hall_is_online(engine):
    # built over 8 months from 2025-01: online 2025-09 (month 8); with a 3-month lead the fill is ordered in month
    # 8 - 3 = 5, 2025-06, when the newest NVIDIA type with a price is the GB200 (first volume 2025-04; the GB300
    # ships 2025-07). floor(80,000 kW / 1.833 kW) = floor(43,644.3) GB200s, installed in month 8
    ts = run(
        engine,
        'sites[0].phases[0].accelerator="newest:nvidia"',
        "sites[0].phases[0].construction_months=8",
        "procurement.lead_time_months=3",
    )
    assert ts["accelerators"][7] == 0
    assert ts["accelerators_gb200"][8] == 43_644 and ts["accelerators_gb300"][8] == 0


def test_a_fill_past_the_horizon_takes_the_type_of_the_last_month():
    # a 7-month horizon (2025-01 to 2025-07) and a 12-month build: the fill would be ordered in month 11, past the
    # horizon, and is clipped to its last month, 2025-07, when the GB300 ships (first volume 2025-07; in 2025-06 the
    # newest was the GB200). The close commits the hall and that fill: $800M + floor(80,000 / 1.944) = 41,152
    # GB300s at the catalog's $60,764; month 0 spends 1/12 of the hall
    late = ('sites[0].phases[0].accelerator="newest:nvidia"', "sites[0].phases[0].construction_months=12")
    inp = compile_inputs(scenario(*late, "programme.horizon_months=7"))
    assert inp.types[inp.fill_type[0, 0]].name == "gb300"
    ts = run("interpreted", *late, "programme.horizon_months=7")
    assert ts["committed_usd"][0] == pytest.approx(800e6 * 11 / 12 + 41_152 * 60_764, rel=1e-12)


@pytest.mark.parametrize("engine", ENGINES)
def test_interest_is_paid_until_the_uncommitted_money_runs_out_then_it_is_a_gap(engine):
    r = 1.06 ** (1 / 12) - 1  # 6 % a year, compounded monthly
    ts = run(
        engine,
        "partners[0].pledges[0].amount_usd=2e9",
        "partners[0].pledges[0].secured_usd=2e9",
        "financing.equity_share=0.5",  # one dollar of debt per dollar of equity: $2B of debt capacity
        "financing.interest_rate=0.06",
    )
    # month 0: $4B available covers the $800M hall + 62,745 x $50,000 = $3,937.25M; the hall is paid from cash
    # ($266.7M a month), the fill in month 2 from the $1.2B cash left and $1,937.25M of debt
    assert ts["debt_usd"][2] == pytest.approx(1_937.25e6, rel=1e-12)
    # month 3: interest on that debt, paid (by drawing more debt) from the $62.75M not committed
    assert ts["interest_usd"][3] == pytest.approx(1_937.25e6 * r, rel=1e-12)
    assert (ts["funding_gap_usd"][:9] == 0).all()
    # the $62.75M is all spent on interest by month 9; from then on the debt sits at its $2B capacity and the
    # whole month's interest, $2B x r, is due but cannot be paid: a funding gap
    assert ts["interest_usd"][-1] == pytest.approx(62.75e6, rel=1e-12)
    assert ts["debt_usd"][-1] == pytest.approx(2e9, rel=1e-12)
    np.testing.assert_allclose(ts["funding_gap_usd"][10:], 2e9 * r, rtol=1e-12)  # sums of 1e9s: 1e-12 is ample


@pytest.mark.parametrize("engine", ENGINES)
def test_a_one_month_lifetime_refreshes_the_hall_every_month(engine):
    # lifetime 1 month (the least a scenario may give): the fill ordered in month 2 (installed in 3) retires in
    # month 4, so from month 3 on every month orders a whole new hall's worth, 62,745 H100s at $50,000, for delivery
    # as the last ones leave; the installed count stays the hall's
    ts = run(engine, "operations.lifetime_months=1")
    assert ts["capex_it_usd"][2] == pytest.approx(N_H100 * 50_000, rel=1e-12)
    assert ts["capex_it_usd"][3] == pytest.approx(2 * N_H100 * 50_000, rel=1e-12)
    assert ts["capex_it_usd"][4] == pytest.approx(3 * N_H100 * 50_000, rel=1e-12)
    assert (ts["accelerators"][3:] == N_H100).all()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_hall_still_filling_is_not_refreshed(engine):
    # newest:nvidia, the fill ordered in 2025-03: B200s (the GB200 ships 2025-04), floor(80,000 / 1.82) = 43,956 to
    # fill the hall, but a cap allows 10,000 B200s a year. Lifetime 2 months: the 10,000 ordered in month 2 arrive
    # in month 3 and retire in month 5. Only a filled hall is refreshed (docs/model.md), so the GB200s that the
    # headroom would take from 2025-04 (and no cap covers) are never ordered: the hall stands empty until the cap's
    # next year, when 10,000 more B200s of the fill are ordered (month 12, installed 13, retired 15)
    ts = run(
        engine,
        'sites[0].phases[0].accelerator="newest:nvidia"',
        "operations.lifetime_months=2",
        'supply_caps=[{"name": "b200s", "per_year": 10000, "accelerators": ["b200"]}]',
    )
    expected = np.zeros(24)
    expected[[3, 4, 13, 14]] = 10_000
    np.testing.assert_array_equal(ts["accelerators_b200"], expected)
    np.testing.assert_array_equal(ts["accelerators"], expected)
    # the B200's all-in catalog price, $61,648 (PR02, HW12): 10,000 in 2025, 10,000 in 2026
    assert ts["capex_it_usd"][-1] == pytest.approx(20_000 * 61_648, rel=1e-12)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_refresh_before_the_first_accelerators_can_retire(engine):
    # 1 MW at PUE 1.0 is 1,000 kW of IT; the fill, ordered in 2025-03, is the newest NVIDIA type then, the B200:
    # floor(1,000 / 1.82) = 549, leaving 0.82 kW. From 2025-07 the newest is the GB300, here given 500 W, which
    # would fit in that 0.82 kW, but nothing is refreshed before the B200s can retire (lifetime 60 months, beyond
    # the 24-month horizon)
    ts = run(
        engine,
        "sites[0].phases[0].power_mw=1",
        "operations.pue=1.0",
        'sites[0].phases[0].accelerator="newest:nvidia"',
        "accelerator_overrides.gb300.it_power_w=500",
    )
    assert (ts["accelerators"][3:] == 549).all()
    assert (ts["accelerators_b200"][3:] == 549).all()
    # the B200's all-in catalog price: $35,000 x 1.409 server/GPU x 1.25 network and storage = $61,648 (PR02, HW12)
    assert ts["capex_it_usd"][-1] == pytest.approx(549 * 61_648, rel=1e-12)


@pytest.mark.parametrize("engine", ENGINES)
def test_refreshes_wait_a_lifetime_from_each_halls_close(engine):
    # two 1 MW halls at PUE 1.0 (1,000 kW of IT each), lifetime 6 months, built in 1 month, lead 1 month: hall 1
    # starts and closes in month 0, its fill (ordered then: the newest NVIDIA type is the B200) is floor(1,000 /
    # 1.82) = 549, leaving 0.82 kW; hall 2 the same from month 2. The GB300 (500 W here) is the newest from 2025-07
    # (month 6). Month 6: hall 1's B200s retire (ordered month 0) and 1,000 / 0.5 = 2,000 GB300s are ordered for
    # it, installed in month 7. Hall 2 may refresh only from month 2 + 6 = 8, though one GB300 would fit in its
    # 0.82 kW in months 6-7; in month 8 its B200s retire and it orders 2,000 GB300s, installed in month 9
    tree = copy.deepcopy(BASE)
    hall = {"power_mw": 1, "construction_months": 1, "capex_per_mw_usd": 10e6, "accelerator": "newest:nvidia"}
    tree["sites"][0]["phases"] = [
        {"name": "p1", "start": "2025-01", **hall},
        {"name": "p2", "start": "2025-03", **hall},
    ]
    ts = run(
        engine,
        "operations.pue=1.0",
        "operations.lifetime_months=6",
        "accelerator_overrides.gb300.it_power_w=500",
        tree=tree,
    )
    assert list(ts["start"]) == [0, 2]
    assert (ts["accelerators_gb300"][:7] == 0).all()
    assert ts["accelerators_gb300"][7] == 2_000 and ts["accelerators_gb300"][8] == 2_000
    assert ts["accelerators_gb300"][9] == 4_000


@pytest.mark.parametrize("engine", ENGINES)
def test_a_late_fill_leaves_no_room_for_a_refresh_in_the_same_month(engine):
    # lifetime 6 months; power only in 2025-11 (month 10): the hall closes in month 0, the fill is ordered in
    # month 9 (already past close + lifetime, so refreshes are allowed), arrives in month 10 and fills the hall
    # (0.125 kW left); it retires in month 16, replaced by an order placed in month 15
    ts = run(
        engine, "operations.lifetime_months=6", 'sites[0].phases[0].power={"kind": "grid", "available": "2025-11"}'
    )
    assert (ts["accelerators"][:10] == 0).all()
    assert (ts["accelerators"][10:] == N_H100).all()
    assert ts["capex_it_usd"][14] == pytest.approx(N_H100 * 50_000, rel=1e-12)
    assert ts["capex_it_usd"][15] == pytest.approx(2 * N_H100 * 50_000, rel=1e-12)


@pytest.mark.parametrize("engine", ENGINES)
def test_seventeen_halls_add_up(engine):
    # 17 halls of 100 ... 116 MW (the compiled engine sums phases in numpy's pairwise order, 8 at a time, from 16 up)
    tree = copy.deepcopy(BASE)
    hall = tree["sites"][0]["phases"][0]
    tree["sites"][0]["phases"] = [dict(hall, name=f"p{i}", power_mw=100 + i) for i in range(17)]
    ts = run(engine, tree=tree)
    # 100 + 101 + ... + 116 MW = 17 x 108 = 1,836 MW online from month 3 (whole numbers: exact)
    assert ts["mw_online"][3] == 1_836 and ts["mw_online"][2] == 0
    # hall i holds floor((100 + i) MW x 800 kW/MW / 1.275 kW) = floor((100 + i) x 32,000 / 51) H100s (exact integers)
    assert ts["accelerators"][3] == sum((100 + i) * 32_000 // 51 for i in range(17))


CLOSE_COST = 800e6 + N_H100 * 50_000  # a hall and its first fill, committed together at financial close


@pytest.mark.parametrize("engine", ENGINES)
def test_the_money_left_exactly_covers_the_next_hall(engine):
    # two identical halls planned 2025-01 and 2025-02, and exactly twice the close cost pledged at once: the first
    # commits its $3,937.25M in month 0, which leaves exactly the second's cost uncommitted in month 1 (a closed
    # phase costs the queue nothing more)
    tree = copy.deepcopy(BASE)
    hall = tree["sites"][0]["phases"][0]
    tree["sites"][0]["phases"].append(dict(hall, name="p2", start="2025-02"))
    ts = run(
        engine,
        f"partners[0].pledges[0].amount_usd={2 * CLOSE_COST}",
        f"partners[0].pledges[0].secured_usd={2 * CLOSE_COST}",
        tree=tree,
    )
    assert list(ts["start"]) == [0, 1]
    assert ts["funding_gap_usd"].max() == 0
    assert ts["accelerators"][4] == 2 * N_H100


@pytest.mark.parametrize("engine", ENGINES)
def test_refreshes_every_lifetime(engine):
    ts = run(engine, "operations.lifetime_months=6")
    # the fill is ordered in month 2 and installed in month 3; each cohort lives 6 months and is replaced by an order
    # placed the month before it retires: orders in months 2, 8, 14 and 20, never a month without accelerators
    assert (ts["accelerators"][3:] == N_H100).all()
    cost = N_H100 * 50_000
    steps = np.diff(ts["capex_it_usd"], prepend=0.0)
    for month in (2, 8, 14, 20):
        assert steps[month] == pytest.approx(cost, rel=1e-12)
    assert ts["capex_it_usd"][-1] == pytest.approx(4 * cost, rel=1e-12)  # nothing bought in any other month


@pytest.mark.parametrize("engine", ENGINES)
def test_refreshes_wait_for_next_years_supply(engine):
    ts = run(engine, "operations.lifetime_months=6", 'supply_caps=[{"name": "allowance", "per_year": 100000}]')
    # 2025: the fill takes 62,745 of the 100,000 allowed; the refresh for the cohort retiring in month 9 (ordered
    # in month 8) gets the 37,255 left, the other 25,490 wait for January 2026 (ordered in month 12, installed 13)
    assert (ts["accelerators"][3:9] == N_H100).all()
    assert (ts["accelerators"][9:13] == 37_255).all()
    # 2026 (allowance 100,000): 25,490 in month 12, 37,255 in month 14 (the month-8 cohort retires in month 15),
    # 25,490 in month 18 (the month-12 cohort retires in 19): 88,235 so far; in month 20 the month-14 cohort
    # (37,255, retiring in 21) can only be replaced by the 11,765 left, so 62,745 - 37,255 + 11,765 = 37,255 from 21
    assert (ts["accelerators"][13:21] == N_H100).all()
    assert (ts["accelerators"][21:] == 37_255).all()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_cap_on_one_site_does_not_count_another_sites_refresh(engine):
    # site a: the hall above, lifetime 6 (refreshes ordered in months 8, 14, 20); site b: the same hall planned
    # 2025-09 (month 8), built in 2 months, filled by an order in month 9; a cap of one fill a year on site b only
    tree = copy.deepcopy(BASE)
    hall = tree["sites"][0]["phases"][0]
    tree["sites"].append({"name": "b", "phases": [dict(hall, name="q1", start="2025-09", construction_months=2)]})
    ts = run(
        engine,
        "operations.lifetime_months=6",
        f'supply_caps=[{{"name": "b only", "per_year": {N_H100}, "sites": ["b"]}}]',
        tree=tree,
    )
    # site a's refresh in month 8 is outside the cap, so site b's fill has the whole 2025 allowance
    assert (ts["accelerators"][3:10] == N_H100).all()
    assert (ts["accelerators"][10:22] == 2 * N_H100).all()
    # b's fill retires in month 16 (refresh ordered in 15: the 2026 allowance); that refresh retires in month 22 and
    # its replacement must wait for 2027, beyond the horizon
    assert (ts["accelerators"][22:] == N_H100).all()


@pytest.mark.parametrize("engine", ENGINES)
def test_it_power_and_other_opex_through_refreshes(engine):
    ts = run(engine, "operations.lifetime_months=6", "operations.other_opex_usd_per_mw_year=1.2e6")
    # 62,745 H100s x 1.275 kW = 79,999.875 kW installed from month 3 on, through every retirement and refresh
    it_mw = N_H100 * 1.275 / 1000
    np.testing.assert_allclose(ts["it_mw_installed"][3:], it_mw, rtol=1e-12)  # a few sums of equal terms
    # other opex: $1.2M per MW of IT a year, a twelfth each month: 79.999875 x $100,000 = $7,999,987.50
    np.testing.assert_allclose(ts["opex_usd"][3:] - ts["energy_cost_usd"][3:], 7_999_987.5, rtol=1e-9)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_hall_that_holds_one_accelerator_orders_it_once(engine):
    # 0.0016 MW at PUE 1.25 feeds 1.28 kW of IT: floor(1.28 / 1.275) = one H100, ordered in month 2 (online in
    # month 3, lead time 1) and never again; its $50,000 is spent once and the fill's reserve is used up
    ts = run(engine, "sites[0].phases[0].power_mw=0.0016")
    np.testing.assert_array_equal(ts["accelerators"][:4], [0, 0, 0, 1])
    assert ts["accelerators"][-1] == 1
    assert ts["capex_it_usd"][-1] == 50_000.0
    assert ts["committed_usd"][-1] == 0.0


def test_trials_after_the_first_start_from_a_clean_state():
    # the compiled loop reuses one state per thread: trial 1 (a 100 MW hall) must not see trial 0's (400 MW)
    # orders, installs or money; each equals the same scenario run alone
    s = scenario("operations.lifetime_months=6")
    inp = compile_inputs(s, {"sites[0].phases[0].power_mw": [400.0, 100.0, 400.0]}, trials=3)
    both = trials.run(inp, compiled=True)
    for i, mw in enumerate((400.0, 100.0, 400.0)):
        alone = trials.run(
            compile_inputs(scenario(f"sites[0].phases[0].power_mw={mw}", "operations.lifetime_months=6"))
        )
        np.testing.assert_array_equal(both["series"][i], alone["series"][0])
        np.testing.assert_array_equal(both["by_type"][i], alone["by_type"][0])


# --- supply caps: what a cap cuts and what it counts (mutation survivors of cut_by_caps and charge_caps) -------------


@pytest.mark.parametrize("engine", ENGINES)
def test_a_cap_of_one_a_year_takes_single_accelerator_orders_one_at_a_time(engine):
    # two halls of 0.0016 MW (1.28 kW of IT at PUE 1.25: one H100 each, as in the story above), both ordering in
    # month 2 (2025-03), in queue order p1 then p2; a cap of one accelerator a year: p1 gets it in month 2
    # (installed in 3), p2 waits for 2026 (ordered in month 12, installed in 13). An order of one is still an order:
    # it is cut by the cap and counted against it
    tree = copy.deepcopy(BASE)
    hall = tree["sites"][0]["phases"][0]
    hall["power_mw"] = 0.0016
    tree["sites"][0]["phases"].append(dict(hall, name="p2"))
    ts = run(engine, 'supply_caps=[{"name": "one", "per_year": 1}]', tree=tree)
    assert ts["accelerators"][2] == 0
    assert (ts["accelerators"][3:13] == 1).all()
    assert (ts["accelerators"][13:] == 2).all()
    assert ts["capex_it_usd"][-1] == 2 * 50_000.0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_fill_counts_against_a_cap_on_its_own_type_when_it_is_ordered_after_a_newer_type(engine):
    # three 100 MW halls (80 MW of IT each) of the newest NVIDIA type, built over 5 months from 2025-01: online in
    # month 5, filled by orders from month 4 (2025-05). The newest NVIDIA type with a power and a price by then is the
    # GB200 (first volume 2025-04; the GB300's is 2025-07), so each fills with GB200s at 1.833 kW:
    # floor(80,000 / 1.833) = floor(43,644.3) = 43,644 a hall. A cap of 43,644 GB200s a year: p1 in month 4
    # (installed in 5); p2 waits for 2026 and is ordered in month 12, when the newest type is the GB300, but it is
    # a GB200 fill and counts against the GB200 cap, so p3 waits for 2027 (beyond the 24-month horizon)
    n = 43_644
    tree = copy.deepcopy(BASE)
    hall = tree["sites"][0]["phases"][0]
    hall.update(accelerator="newest:nvidia", construction_months=5)
    tree["sites"][0]["phases"] += [dict(hall, name="p2"), dict(hall, name="p3")]
    ts = run(engine, f'supply_caps=[{{"name": "gb200", "per_year": {n}, "accelerators": ["GB200"]}}]', tree=tree)
    assert ts["accelerators"][4] == 0
    assert (ts["accelerators"][5:13] == n).all()
    assert (ts["accelerators"][13:] == 2 * n).all()
    assert (ts["accelerators_gb200"] == ts["accelerators"]).all()
    assert ts["accelerators_gb300"].max() == 0


def test_the_largest_funding_gap_is_the_largest_month_not_the_last():
    """risk's funding_gap_max_usd is the largest monthly gap of a trial. The toy hall's money arrives in 2025-06,
    five months after its planned start: until then the gap is its whole close cost, by hand 100 MW / 1.25 x
    $10M per MW + 62,745 H100 x $50,000 = $800M + $3,137.25M = $3,937.25M; from June it is 0. So the largest gap is
    $3,937.25M and the last month's is 0 (a summary that kept the last month, or the first, would say otherwise)."""
    from toy_scenarios import toy

    s = gw.load_scenario(toy(**{"partners[0].pledges[0].start": "2025-06"}))
    gap = gw.simulate(s).timeseries["funding_gap_usd"]
    assert gap.iloc[0] == pytest.approx(3_937.25e6, rel=1e-12) and gap.iloc[-1] == 0.0
    m = gw.risk(s, trials=4, seed=0).metrics["funding_gap_max_usd"]  # no distributions: every trial alike
    assert m["p50"] == pytest.approx(3_937.25e6, rel=1e-12)
    assert m["p10"] == m["p90"] == m["p50"]


def test_undrawn_names_the_uncertain_inputs_the_engine_never_reads_per_trial():
    # the horizon sizes every trial alike (the engine reads it once), a phase's power is read per trial
    s = scenario()
    values = {"programme.horizon_months": 24.0, "sites[0].phases[0].power_mw": 100.0}
    assert undrawn(s, values) == ["programme.horizon_months"]
    assert undrawn(s, {"sites[0].phases[0].power_mw": 100.0}) == []


def _nothing_to_buy(*overrides):
    with pytest.raises(GigawattError) as err:
        compile_inputs(scenario(*overrides))
    return str(err.value)


def test_a_vendor_with_nothing_to_buy_says_why_for_each_of_its_accelerators():
    # newest:amd, first order in 2025-03 (start 2025-01, 3 months' build, 1 month's lead). The catalog's AMD types:
    # the MI300X ships (2023-12) but has no published price; the MI355X, given a price here, ships only in 2025-10.
    # NVIDIA's types (some shipping and priced, the Rubin not yet shipping) are another vendor's: not listed
    msg = _nothing_to_buy('sites[0].phases[0].accelerator="newest:amd"', "accelerator_overrides.mi355x.price_usd=25000")
    assert msg.startswith(
        "sites[0].phases[0].accelerator: 'newest:amd': no accelerator from amd with a published power and price "
        "ships by 2025-03, when the first order is placed (mi300x (no published price), mi355x (ships 2025-10)); "
        "expected a later phase start, another vendor, a catalog name, or the missing price"
    )


def test_a_priced_accelerator_is_not_said_to_lack_a_price():
    # newest:google in 2025-03: the TPU v5p (2023-12) is given a price here but has no published power, the TPU v7
    # ships in 2025-11. Whatever the message says of the v5p, it is not that it has no published price
    msg = _nothing_to_buy('sites[0].phases[0].accelerator="newest:google"', "accelerator_overrides.tpu-v5p.price_usd=1")
    assert "tpu-v7 (ships 2025-11)" in msg
    assert "tpu-v5p (no published price)" not in msg


def test_the_message_for_nothing_to_buy_lists_the_first_six_candidates():
    # a programme from 2020-01: in 2020-03 no type of any vendor ships yet; the message names the first six in
    # catalog order (accelerators.csv) with their first volume, and no vendor
    msg = _nothing_to_buy(
        "programme.start=2020-01",
        "sites[0].phases[0].start=2020-01",
        'sites[0].phases[0].accelerator="newest"',
    )
    assert (
        "'newest': no accelerator with a published power and price ships by 2020-03, when the first order is placed "
        "(h100 (ships 2022-09), h200 (ships 2024-06), b200 (ships 2024-12), gb200 (ships 2025-04), gb300 (ships "
        "2025-07), rubin (ships 2026-09)); expected"
    ) in msg

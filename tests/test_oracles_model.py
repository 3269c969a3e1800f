"""Hand-worked oracles for the pure model functions, written against mutants that survived the suite
(docs/testing.md)."""

import numpy as np
import pytest

from gigawatt.model import checkpointing, funding


def test_a_delay_shifts_the_whole_series_including_its_first_month():
    # money due 5, 10, 20, 30 (cumulative) arriving two months late: nothing in months 0-1, then 5, 10
    np.testing.assert_array_equal(funding.shift_months(np.array([5.0, 10.0, 20.0, 30.0]), 2), [0, 0, 5, 10])
    # one delay per row
    got = funding.shift_months(np.array([[5.0, 10.0, 20.0], [1.0, 2.0, 3.0]]), np.array([1, 0]))
    np.testing.assert_array_equal(got, [[0, 5, 10], [1, 2, 3]])


def test_money_that_covers_a_cost_up_to_rounding_pays_it():
    def closes(cost, budget):
        closed = np.zeros(1, bool)
        funding.close_in_queue(0, np.array([0]), np.array([0]), np.array([cost]), closed, budget)
        return closed[0]

    # two cents over $300B is rounding in sums of dollar amounts, not a shortfall (relative tolerance 1e-12)
    assert closes(300e9 + 0.02, 300e9)
    # half a micro-dollar against nothing is rounding too (absolute tolerance 1e-6 $)
    assert closes(5e-7, 0.0)
    # a real shortfall, $1,000 of $300B, is not covered
    assert not closes(300e9 + 1_000.0, 300e9)


def test_largest_run_without_failures_uses_the_whole_fleet():
    # with a vanishing failure rate (1e-30 per accelerator-hour) nothing is lost to interruptions or checkpoints
    # (Daly's interval grows to ~1e11 h, goodput 1 - O(1e-11)), so the best job is the whole fleet (share 1) and
    # does 1,000 x 1e15 FLOP/s x MFU 0.5 x 24 h x 3,600 s = 4.32e22 FLOP
    flop, n = checkpointing.largest_run(1000.0, 1e15, 24.0, 0.1, 0.2, 0.5, 1.0, rate_per_accelerator_hour=1e-30)
    assert n == 1000
    assert flop == pytest.approx(4.32e22, rel=1e-9)  # the goodput differs from 1 by ~1e-11


def test_a_date_with_a_spread_in_months():
    import copy

    import gigawatt as gw
    from test_oracles_engine import BASE

    tree = copy.deepcopy(BASE)
    tree["sites"][0]["phases"][0]["start"] = {"dist": "normal", "mean": "2025-07", "sd": 2, "low": "2025-01"}
    s = gw.load_scenario(tree)
    # the central value is the mean month; the spread, a plain number, is in months (and "3 months" reads the same)
    assert f"{s.sites[0].phases[0].start:%Y-%m}" == "2025-07"
    tree["sites"][0]["phases"][0]["start"]["sd"] = "3 months"
    assert f"{gw.load_scenario(tree).sites[0].phases[0].start:%Y-%m}" == "2025-07"


def test_goodput_without_failures():
    # M -> infinity: only checkpoints cost, so 3-h intervals with 0.5-h writes make useful 3 / 3.5 of the time
    # (the corrections are of order (tau + delta) / M = 3.5e-15, hence 1e-9)
    assert float(checkpointing.steady_goodput(3.0, 0.5, 0.25, 1e15)) == pytest.approx(3 / 3.5, rel=1e-9)


def _largest_run_on_the_whole_grid(acc, flops, window, d, r, mfu, share, rate=checkpointing.LLAMA3_RATE):
    """The oracle: evaluate every one of the 241 grid points and take the first best (the search the fast
    ``largest_run`` must reproduce exactly)."""
    a = np.asarray(acc, float)[..., None] * np.asarray(share, float)[..., None]
    n = np.floor(a * checkpointing._SHARES)
    n = np.where(n >= 1, n, np.nan)
    m = 1.0 / (n * rate)
    d_, r_ = np.asarray(d, float)[..., None], np.asarray(r, float)[..., None]
    with np.errstate(all="ignore"):
        g = checkpointing.steady_goodput(checkpointing.daly_interval(d_, m), d_, r_, m)
        flop = n * np.asarray(flops, float)[..., None] * np.asarray(mfu, float)[..., None] * g
        flop = flop * np.asarray(window, float)[..., None] * 3600.0
    flop = np.where(np.isfinite(flop), flop, 0.0)
    best = np.argmax(flop, axis=-1)[..., None]
    return np.take_along_axis(flop, best, -1)[..., 0], np.nan_to_num(np.take_along_axis(n, best, -1)[..., 0])


def test_largest_run_equals_a_search_of_the_whole_grid():
    # 20,000 random fleets and training settings, with empty and tiny fleets, free checkpoints and instant restarts:
    # evaluating only the grid points around n* must give the same job and FLOP, bit for bit
    rng = np.random.default_rng(0)
    n = 20_000
    acc = np.exp(rng.uniform(0, np.log(1e8), n))
    acc[:50], acc[50:100] = 0.0, rng.uniform(0, 3, 50)
    d = np.exp(rng.uniform(np.log(1e-4), np.log(10), n))
    d[:300] = 0.0
    r = np.exp(rng.uniform(np.log(1e-3), np.log(10), n))
    r[300:400] = 0.0
    args = (acc, rng.uniform(1e14, 5e15, n), rng.uniform(1, 24 * 365, n), d, r, rng.uniform(0.1, 0.7, n))
    share = rng.uniform(0.01, 1, n)
    for rate in (checkpointing.LLAMA3_RATE, 1e-3, 1e-30):
        want = _largest_run_on_the_whole_grid(*args, share, rate=rate)
        got = checkpointing.largest_run(*args, share, rate_per_accelerator_hour=rate)
        np.testing.assert_array_equal(got[0], want[0])
        np.testing.assert_array_equal(got[1], want[1])


def test_shifting_one_series_by_a_delay_per_row_equals_shifting_each_row():
    # the fast path (one shift per distinct delay) against the definition, row by row: month t of row n holds
    # month t - d_n of the series, 0 before d_n; negative delays count as 0, delays past the horizon leave nothing
    rng = np.random.default_rng(3)
    for _ in range(200):
        T, N = int(rng.integers(1, 30)), int(rng.integers(2, 40))
        series = np.cumsum(rng.random(T))
        delays = rng.integers(-3, 40, size=N)
        got = funding.shift_months(series[None, :], delays.astype(float)[:, None])
        want = np.zeros((N, T))
        for n, d in enumerate(np.maximum(delays, 0)):
            for t in range(d, T):
                want[n, t] = series[t - d]
        np.testing.assert_array_equal(got, want)


def _pledge(amount, secured, start, months, upfront=0.0):
    return {"amount_usd": amount, "secured_usd": secured, "start": start, "months": months, "upfront_fraction": upfront}


def _money_tree() -> dict:
    """Three partners (the second with its own arrival fraction), uncertain secured money, fractions and delay."""
    uniform = {"dist": "uniform", "low": 0.0, "high": 1.0}
    return {
        "name": "money",
        "programme": {"start": "2025-01", "horizon_months": 36},
        "partners": [
            {
                "name": "a",
                "pledges": [_pledge(30e9, {"dist": "uniform", "low": 1e9, "high": 20e9}, "2025-01", 24, 0.2)],
            },
            {
                "name": "b",
                "announced_arrival": uniform,
                "pledges": [_pledge(10e9, 2e9, "2025-06", 12), _pledge(5e9, 0, "2026-01", 6)],
            },
            {"name": "c", "pledges": [_pledge(8e9, 8e9, "2025-03", 1)]},
        ],
        "funding": {
            "announced_arrival": uniform,
            "announced_delay_months": {"dist": "uniform", "low": 0, "high": 14},
        },
        "sites": [{"name": "s", "phases": [{"name": "p", "power_mw": 10, "start": "2025-01", "accelerator": "h100"}]}],
    }


def test_the_equity_schedule_is_each_pledges_secured_part_plus_its_late_announced_part():
    # engine/inputs._money sums the announced-only money of the pledges that share an arrival fraction and shifts
    # it once; the definition, pledge by pledge and month by month: received(t) = min(due(t), S) + f * max(0,
    # due(t - d) - S), 0 before the delay. Three partners (one with its own fraction), uncertain secured money,
    # fraction and delay over 64 trials; sums of up to six terms of ~1e10: 1e-12 relative covers the order
    import gigawatt as gw
    from gigawatt.engine import inputs

    s = gw.load_scenario(_money_tree())
    rng = np.random.default_rng(5)
    N, T = 64, 36
    values = {
        "partners[0].pledges[0].secured_usd": rng.uniform(1e9, 20e9, N),
        "partners[1].announced_arrival": rng.random(N),
        "funding.announced_arrival": rng.random(N),
        "funding.announced_delay_months": rng.integers(0, 15, N).astype(float),
    }
    got = inputs._money(s, inputs._Draws(values, N, s.programme.start), T)["equity_cum_usd"]
    pledges = [  # (partner's fraction, amount, secured per trial, start month, months, upfront)
        (values["funding.announced_arrival"], 30e9, values["partners[0].pledges[0].secured_usd"], 0, 24, 0.2),
        (values["partners[1].announced_arrival"], 10e9, np.full(N, 2e9), 5, 12, 0.0),
        (values["partners[1].announced_arrival"], 5e9, np.zeros(N), 12, 6, 0.0),
        (values["funding.announced_arrival"], 8e9, np.full(N, 8e9), 2, 1, 0.0),
    ]
    want = np.zeros((N, T))
    for f, amount, sec, start, months, upfront in pledges:
        due = [amount * (upfront + (1 - upfront) * min((t - start + 1) / months, 1.0)) if t >= start else 0.0
               for t in range(T)]  # fmt: skip
        for n in range(N):
            d = int(values["funding.announced_delay_months"][n])
            for t in range(T):
                late = due[t - d] if t - d >= 0 else 0.0
                want[n, t] += min(due[t], sec[n]) + f[n] * max(0.0, late - sec[n])
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-3)


def test_the_money_schedules_are_the_plain_sums_to_the_last_bit():
    # engine/inputs._money adds into its own arrays and shifts by blocks (for speed, issue 16); the numbers must be
    # those of the plain sums, bit for bit (same seed, same output): pledge by pledge in order, month by month,
    # pledged = sum of due, secured = sum of min(due, S), announced-only late money summed per arrival fraction,
    # delayed by d months, scaled by its fraction, then added to the secured money. Every money input uncertain.
    import gigawatt as gw
    from gigawatt.engine import inputs

    s = gw.load_scenario(_money_tree())
    rng = np.random.default_rng(16)
    N, T = 40, 36
    values = {"funding.announced_arrival": rng.random(N), "funding.announced_delay_months": rng.uniform(-1, 14, N)}
    values["partners[1].announced_arrival"] = rng.random(N)
    for h in ("partners[0].pledges[0]", "partners[1].pledges[0]", "partners[1].pledges[1]", "partners[2].pledges[0]"):
        values |= {f"{h}.amount_usd": rng.uniform(1e9, 3e10, N), f"{h}.secured_usd": rng.uniform(0, 5e9, N)}
        values |= {f"{h}.upfront_fraction": rng.random(N), f"{h}.start": rng.uniform(-1, 20, N)}
        values[f"{h}.months"] = rng.uniform(0, 30, N)
    got = inputs.compile_inputs(s, values, trials=N)
    groups = {0: "funding.announced_arrival", 1: "partners[1].announced_arrival", 2: "funding.announced_arrival"}
    for n in range(N):
        pledged, secured, late = [0.0] * T, [0.0] * T, {}
        for h, g in (("partners[0].pledges[0]", 0), ("partners[1].pledges[0]", 1), ("partners[1].pledges[1]", 1),
                     ("partners[2].pledges[0]", 2)):  # fmt: skip
            a, u, m = (float(values[f"{h}.{k}"][n]) for k in ("amount_usd", "upfront_fraction", "months"))
            start, m = round(values[f"{h}.start"][n]), max(m, 1.0)
            key = groups[g]
            late.setdefault(key, [0.0] * T)
            for t in range(T):
                due = a * (u + (1.0 - u) * min(max((t - start + 1.0) / m, 0.0), 1.0)) if t >= start else 0.0
                now = min(due, float(values[f"{h}.secured_usd"][n]))
                pledged[t] += due
                secured[t] += now
                late[key][t] += due - now
        d = max(round(values["funding.announced_delay_months"][n]), 0)
        equity = [0.0] * T
        for key, series in late.items():  # the programme's fraction first, as _money meets the pledges
            f = float(values[key][n])
            for t in range(T):
                equity[t] += f * (series[t - d] if t >= d else 0.0)
        np.testing.assert_array_equal(got.pledged_cum_usd[n], pledged)
        np.testing.assert_array_equal(got.secured_cum_usd[n], secured)
        np.testing.assert_array_equal(got.equity_cum_usd[n], [a + b for a, b in zip(secured, equity, strict=True)])


def test_announced_money_arrives_undelayed_by_default():
    # announced_received(u, f) with no delay is f * u month by month: half of 0, 10, 30, 60 is 0, 5, 15, 30
    got = funding.announced_received(np.array([0.0, 10.0, 30.0, 60.0]), 0.5)
    np.testing.assert_array_equal(got, [0.0, 5.0, 15.0, 30.0])
    # with a delay of 2 months the same money comes two months later: 0, 0, 0, 5
    np.testing.assert_array_equal(funding.announced_received(np.array([0.0, 10.0, 30.0, 60.0]), 0.5, 2), [0, 0, 0, 5])


def test_one_series_shifted_by_a_grid_of_delays():
    # delays on two leading axes, (2, 2, 1), against one series of 4 months: each cell is the series delayed by its
    # own months, by hand: 1, 2, 3, 4 delayed by 0, 1, 2, 3 months
    series = np.array([1.0, 2.0, 3.0, 4.0])
    got = funding.shift_months(series, np.array([[[0.0], [1.0]], [[2.0], [3.0]]]))
    want = [[[1, 2, 3, 4], [0, 1, 2, 3]], [[0, 0, 1, 2], [0, 0, 0, 1]]]
    assert got.shape == (2, 2, 4)
    np.testing.assert_array_equal(got, want)

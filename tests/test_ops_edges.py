"""The operations model at its edges (issue 10, items 3 and 4): a zero checkpoint write is continuous checkpointing,
the analytic goodput cannot overflow and says when the job cannot progress, simulated time stays inside the
window, the simulation is sized before it starts and streamed in chunks, and an unmet --ci-target says so.

Oracles are closed forms worked by hand in the comments; every tolerance says where it comes from."""

import json
import math
import warnings
from fractions import Fraction

import numpy as np
import pytest

from gigawatt.engine.operations import (
    Capacity,
    OpsConfig,
    SimJob,
    _cluster_runs,
    _seeds,
    _simulate,
    _Stream,
    estimate_events,
    ops,
    simulate_capacity,
)
from gigawatt.engine.operations.kernels import _whole_segments
from gigawatt.errors import GigawattError
from gigawatt.limits import OPS_MAX_DAYS
from gigawatt.model.checkpointing import (
    LLAMA3_RATE,
    best_job_size,
    daly_interval,
    expected_wall_hours,
    largest_run,
    log_goodput,
    steady_goodput,
    young_interval,
)
from gigawatt.model.failures import Interarrival, mean_draw_in_window

W_MAX = OPS_MAX_DAYS * 24.0


def _finite_json(result) -> dict:
    """The JSON of a result, refusing NaN and infinities (json.dumps raises on them with allow_nan=False)."""
    return json.loads(json.dumps(result.as_json(), allow_nan=False))


# ------------------------------------------------------------------ a zero write time: continuous checkpointing


def test_zero_write_time_is_the_limit_of_dalys_formula():
    # delta = 0: tau_Daly = tau_Young = 0, and goodput tau / (M e^(R/M) (e^(tau/M) - 1)) -> e^(-R/M) as tau -> 0
    # (tau / (M (e^(tau/M) - 1)) -> 1). Directly: each failure (rate 1/M per hour of work) costs the expected
    # restart M (e^(R/M) - 1) and loses nothing, so an hour of work takes e^(R/M) hours of wall time.
    m, r = 3.0, 0.5
    assert daly_interval(0.0, m) == 0.0 and young_interval(0.0, m) == 0.0
    assert steady_goodput(0.0, 0.0, r, m) == pytest.approx(math.exp(-r / m), rel=1e-15)  # rounding only
    assert expected_wall_hours(100.0, 0.0, 0.0, r, m) == pytest.approx(100.0 * math.exp(r / m), rel=1e-15)
    # without restarts nothing is lost at all
    assert steady_goodput(0.0, 0.0, 0.0, m) == 1.0


@pytest.mark.parametrize("delta_over_m", [1e-4, 1e-6, 1e-8])
def test_a_tiny_write_time_approaches_the_limit_at_the_worked_rate(delta_over_m):
    # With eps = sqrt(delta / 2M): tau_Daly / M = 2 eps - 4/3 eps^2 + 2/9 eps^3 and (tau + delta) / M = 2 eps +
    # 2/3 eps^2 + 2/9 eps^3, so tau / (M expm1((tau + delta)/M)) = (1 - 2/3 eps + 1/9 eps^2) / (1 + 4/3 eps +
    # 13/9 eps^2) = 1 - 2 eps + 4/3 eps^2 + O(eps^3) = 1 - sqrt(2 delta / M) + 2/3 delta / M + O((delta/M)^1.5).
    m, r = 3.0, 0.25
    d = delta_over_m * m
    g = float(steady_goodput(daly_interval(d, m), d, r, m))
    expansion = math.exp(-r / m) * (1.0 - math.sqrt(2.0 * delta_over_m) + 2.0 / 3.0 * delta_over_m)
    assert abs(g - expansion) < delta_over_m**1.5  # the O((delta/M)^1.5) remainder, with a coefficient below 1
    assert g < math.exp(-r / m)  # approached from below: checkpoints cost something


def test_ops_with_a_zero_write_time_answers_the_limit():
    r = ops(OpsConfig(16_384, "h100", days=54, checkpoint_write_hours=0.0, restart_hours=10 / 60))
    m = 54 * 24 / 419  # Llama 3's job MTTI (RL09)
    assert r.checkpoint_interval_minutes == 0.0 and "continuous" in r.interval_rule
    assert r.analytic["goodput"] == pytest.approx(math.exp(-(10 / 60) / m), rel=1e-12)  # rounding of M
    assert not r.analytic["no_progress"]


def test_continuous_checkpointing_simulated_to_completion():
    # To completion, with delta = tau = 0 nothing is ever lost: wall = work + the restarts after each failure during
    # work; failures during work are Poisson(work / M), each restart costs M (e^(R/M) - 1) on average (failures
    # during a restart start it again), so E[wall] = work + work (e^(R/M) - 1) = work e^(R/M) exactly (Wald).
    work, m, restart = 200.0, 5.0, 0.5
    r = ops(
        OpsConfig(
            1, work_hours=work, job_mtbf_hours=m, checkpoint_write_hours=0.0, restart_hours=restart, trials=20_000
        )
    )
    want = work * math.exp(restart / m)
    lo, hi = r.simulated["wall_time_hours"]["ci95"]
    assert abs(r.simulated["wall_time_hours"]["mean"] - want) < 2.5 * (hi - lo) / 2  # 2.5 x the 95 % half-width
    assert r.simulated["lost_work_hours"]["mean"] == 0.0 and r.simulated["checkpoint_hours"]["mean"] == 0.0
    assert r.simulated["stopped_at_window"]["mean"] == 0.0


def test_largest_run_with_a_zero_write_time_has_its_closed_form():
    # delta = 0: FLOP(n) = n F mfu W e^(-R n lambda) (goodput e^(-R/M), M = 1 / (n lambda)), which peaks at
    # n* = 1 / (R lambda) with FLOP* = F mfu W / (R lambda e). Before: 0/0 in the interval and 0 FLOP.
    flops, window_h, restart_h, mfu = 2500e12, 90 * 24.0, 10 / 60, 0.552
    flop, n = largest_run(np.array([3_700_000.0]), np.array([flops]), window_h, 0.0, restart_h, mfu, 1.0)
    n_star = 1.0 / (restart_h * LLAMA3_RATE)
    flop_star = flops * mfu * window_h * 3600.0 / (restart_h * LLAMA3_RATE * math.e)
    # the grid steps by 10^(5/240) = 1.049 in n: within 2.5 % of n*, where (x e^(1-x)) >= 1 - 0.025^2 / 2
    assert n[0] == pytest.approx(n_star, rel=0.025)
    assert flop[0] == pytest.approx(flop_star, rel=5e-4)


def test_the_best_job_size_near_the_top_of_the_grid_is_the_closed_form():
    # delta = 0: n goodput(n) = n e^(-R n lambda) peaks at n* = 1 / (R lambda) (above). With R set for n* = 9e14
    # the best grid point is the second last (8.9e14; the grid ends at 1e15), and the search between its two
    # neighbours finds n* to the flatness of the peak (score'' = -1 in log n: ~1e-7 relative)
    for n_star in (9e14, 1e6):
        r = 1.0 / (n_star * LLAMA3_RATE)
        assert best_job_size(0.0, r) == pytest.approx(n_star, rel=1e-6)


def test_the_mean_draw_in_a_window_is_the_integral_of_the_survival_function():
    # E[min(X, W)] = integral_0^W P(X > x) dx, integrated numerically (scipy's quad) as an independent check of the
    # closed forms: Weibull with scale s = M / Gamma(1 + 1/k), lognormal with mu = ln M - sigma^2 / 2; a window of
    # the order of M, where the draws cut by the window matter (for W >> M every form is ~M)
    from scipy.integrate import quad
    from scipy.stats import lognorm

    m, w = 3.0, 2.0
    for k in (0.7, 1.0, 2.0):
        s = m / math.gamma(1 + 1 / k)
        want = quad(lambda x, s=s, k=k: math.exp(-((x / s) ** k)), 0, w, epsabs=0, epsrel=1e-12)[0]
        assert mean_draw_in_window(1, m, k, w) == pytest.approx(want, rel=1e-9), k  # quad's error is ~1e-12
    for sigma in (0.5, 1.5):
        dist = lognorm(sigma, scale=math.exp(math.log(m) - sigma**2 / 2))
        want = quad(dist.sf, 0, w, epsabs=0, epsrel=1e-12)[0]
        assert mean_draw_in_window(2, m, sigma, w) == pytest.approx(want, rel=1e-9), sigma
    assert mean_draw_in_window(0, m, 1.0, w) == pytest.approx(m * -math.expm1(-w / m), rel=1e-15)


def test_a_zero_write_time_in_a_scenario_gives_a_real_largest_run():
    import gigawatt as gw
    from toy_scenarios import toy

    zero = gw.simulate(gw.load_scenario(toy(**{"training.checkpoint_write_minutes": 0}))).metrics
    some = gw.simulate(gw.load_scenario(toy())).metrics
    assert zero["largest_run_flop_end"] > 0  # was 0 FLOP (0/0 in the checkpoint interval)
    assert zero["largest_run_flop_end"] >= some["largest_run_flop_end"]  # free checkpoints cannot do worse


# ------------------------------------------------------------------------------ goodput that cannot overflow


def test_goodput_is_finite_and_in_range_everywhere():
    grid = np.logspace(-12, 12, 25)
    tau, d, r, m = np.meshgrid(np.r_[0.0, grid], np.r_[0.0, grid], np.r_[0.0, grid], grid, indexing="ij")
    # no overflow and no invalid operation escapes the log-space form (underflow to 0 is the answer: no progress)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        g = steady_goodput(tau, d, r, m)
        w = expected_wall_hours(1.0, tau, d, r, m)
    assert np.all(np.isfinite(g)) and np.all((g >= 0) & (g <= 1))
    assert np.all(w >= 1.0)  # the wall time of an hour of work is at least an hour (inf where it cannot progress)
    # where the plain formula is finite, the log form is the same number
    with np.errstate(all="ignore"):
        plain = tau / (m * np.exp(np.minimum(r / m, 700)) * np.expm1(np.minimum((tau + d) / m, 700)))
    ok = (r / m < 700) & ((tau + d) / m < 700) & (tau > 0) & np.isfinite(plain) & (plain > 1e-300)
    assert np.allclose(g[ok], plain[ok], rtol=1e-12, atol=0)  # 1e-12: a few roundings of exp, log and expm1
    assert np.all(log_goodput(tau, d, r, m) <= 0)


@pytest.mark.parametrize(
    "kw",
    [
        dict(accelerators=1_000_000_000),  # was OverflowError
        dict(accelerators=16_384, days=1, restart_hours=1000 * 24.0),  # a restart longer than the window
        dict(accelerators=100, job_mtbf_hours=1e-4),  # a tiny job MTBF
        dict(accelerators=100, job_mtbf_hours=1e-4, work_hours=1000 * 24.0),  # to completion: stops at W_max
    ],
)
def test_no_progress_where_a_restart_cannot_complete(kw):
    r = ops(OpsConfig(**kw))
    d = _finite_json(r)
    assert d["no_progress"] is True and "restart" in d["no_progress_reason"]
    assert d["goodput"] == 0.0 and d["effective_flop"] == 0.0
    assert 0 < d["wall_time_hours"] <= W_MAX
    if kw.get("work_hours"):
        assert d["stopped_at_window"] is True and d["wall_time_hours"] == W_MAX


def test_the_no_progress_boundary():
    # the expected time to complete a restart is M (e^(R/M) - 1): R = M ln(1 + c W_max / M) makes it c W_max;
    # c = 0.5 still progresses (slowly), c = 2 does not (beyond the longest window)
    m = 2.0
    slow = ops(
        OpsConfig(1, job_mtbf_hours=m, restart_hours=m * math.log1p(0.5 * W_MAX / m), checkpoint_write_hours=0.0)
    )
    stuck = ops(
        OpsConfig(1, job_mtbf_hours=m, restart_hours=m * math.log1p(2.0 * W_MAX / m), checkpoint_write_hours=0.0)
    )
    assert not slow.no_progress and slow.analytic["goodput"] == pytest.approx(m / (0.5 * W_MAX + m), rel=1e-9)
    assert stuck.no_progress and stuck.analytic["goodput"] == 0.0


def test_a_restart_whose_expected_time_overflows_is_said_to_take_forever():
    # R / M = 1e300 h / 1e-9 h = 1e309 overflows a float: log E[T_R] = log M + R / M is +inf, and the reason says
    # the restart takes forever (no trials: the closed form alone; the overflow warning is numpy's, expected here)
    with np.errstate(over="ignore"):
        r = ops(OpsConfig(100, job_mtbf_hours=1e-9, restart_hours=1e300, trials=0))
    assert r.no_progress
    assert "is expected to take forever (M (e^(R/M) - 1)" in r.analytic["no_progress_reason"]


def test_whole_segments_that_fit_are_counted_exactly_not_by_a_rounded_division():
    # 1.7 / 0.1 rounds to 17.0, but 17 segments of 0.1 h take 17 x 0.1 = 1.7000000000000002 h in floating point,
    # more than the 1.7 h before the next failure (or left in the window): 16 fit. The oracle is exact arithmetic
    # on the same two floats (fractions.Fraction), not the kernel's division
    need, room = 0.1, 1.7
    exact = math.floor(Fraction(room) / Fraction(need))
    assert exact == 16 and room / need == 17.0
    assert _whole_segments(need, room, 100.0) == exact
    assert _whole_segments(need, 100.0, room) == exact
    assert _whole_segments(need, 0.35, 100.0) == 3  # and the plain case: 0.35 h holds 3 whole segments of 0.1 h


def test_a_job_mtbf_that_is_not_a_finite_positive_duration_is_refused_by_name():
    # the message names --job-mtbf and the value given, for an infinite as for a negative MTBF
    for bad in (math.inf, -5.0):
        with pytest.raises(GigawattError, match=rf"--job-mtbf: {bad} h; expected a finite duration > 0"):
            ops(OpsConfig(100, job_mtbf_hours=bad, trials=0))


def test_an_interval_that_never_completes_is_no_progress():
    # a given interval of 10^6 h with M = 3.09 h: e^(tau/M) overflows a float; one interval would take ~10^140,000 h
    r = ops(OpsConfig(16_384, checkpoint_interval_hours=1e6))
    assert r.no_progress and "checkpoint interval" in r.analytic["no_progress_reason"]
    _finite_json(r)


def test_a_rule_interval_longer_than_the_window_is_cut_to_the_window():
    # a job MTBF of 10^300 h: Daly's interval (~10^150 h) would write no checkpoint in a 54-day window; the interval
    # becomes W - delta, and the goodput of a failure-free window is (W - delta) / W
    r = ops(OpsConfig(16_384, days=54, job_mtbf_hours=1e300, checkpoint_write_hours=0.5, trials=20))
    w = 54 * 24.0
    assert "capped at the window" in r.interval_rule
    assert r.checkpoint_interval_minutes == pytest.approx((w - 0.5) * 60, rel=1e-15)
    assert r.analytic["goodput"] == pytest.approx((w - 0.5) / w, rel=1e-12)
    assert r.simulated["goodput"]["mean"] == pytest.approx((w - 0.5) / w, rel=1e-12)  # no failure in any trial


def test_the_simulated_flop_of_a_failure_free_window_by_hand():
    # no failure in 54 days (M = 10^300 h), a write of 0.5 h and the interval capped at the window: each trial does
    # W - 0.5 = 1,295.5 h of useful work. 16,384 H100s at 989 TFLOP/s dense BF16 (accelerators.csv) and MFU 0.4:
    # 1,295.5 h x 3,600 s/h x 16,384 x 989e12 FLOP/s x 0.4 = 3.022846820352e25 FLOP in every trial
    r = ops(
        OpsConfig(
            16_384, accelerator="h100", days=54, job_mtbf_hours=1e300, checkpoint_write_hours=0.5, trials=20, mfu=0.4
        )
    )
    want = 1_295.5 * 3_600 * 16_384 * 989e12 * 0.4
    assert r.simulated["effective_flop"]["mean"] == pytest.approx(want, rel=1e-12)  # rounding of the products
    assert r.analytic["effective_flop"] == pytest.approx(want, rel=1e-12)


# ------------------------------------------------------------------------------------- bounded by the window


def test_waits_never_exceed_the_window():
    # repairs of 1000 days, no standbys, a 24-hour window: was 24,000 hours of waiting reported. The first failure
    # at T1 ~ Exp(M) sends the only replacement to a repair that outlasts the window, so the job waits W - T1:
    # E[wait] = E[(W - T1)^+] = W - M (1 - e^(-W/M)).
    w, m = 24.0, 3.0
    rows = _cluster_runs(16_384, m, Capacity(repair_auto=24_000.0), 0.5, 0.05, 0.1, w, 4000, 11, True)
    assert np.all(rows[:, 0] == w)
    assert np.all(rows[:, 6] <= w) and np.all(rows[:, 5] <= w)
    assert np.all(rows[:, 1] + rows[:, 3] + rows[:, 4] + rows[:, 5] + rows[:, 6] <= w * (1 + 1e-12))  # rounding
    want = w - m * (1.0 - math.exp(-w / m))
    s = simulate_capacity(16_384, m, Capacity(repair_auto=24_000.0), 0.5, 0.05, 0.1, w, 4000, 11)
    lo, hi = s["waiting_for_servers_hours"]["ci95"]
    assert abs(s["waiting_for_servers_hours"]["mean"] - want) < 2.5 * (hi - lo) / 2  # 2.5 x the 95 % half-width


def test_spare_delays_and_restarts_end_with_the_window():
    rows = _cluster_runs(16_384, 1.0, Capacity(spares=10, spare_delay=100.0), 0.5, 0.05, 0.1, 10.0, 500, 12, True)
    assert np.all(rows[:, 6] <= 10.0) and np.all(rows[:, 0] == 10.0)
    # a restart of 1000 days in a 1-day window, plain job: same oracle as above for the time spent restarting
    w, m = 24.0, 3.0
    r = ops(OpsConfig(1, days=1, job_mtbf_hours=m, restart_hours=24_000.0, trials=4000, seed=13))
    assert r.simulated["wall_time_hours"]["p90"] == w and r.simulated["restart_hours"]["p90"] <= w
    lo, hi = r.simulated["restart_hours"]["ci95"]
    assert abs(r.simulated["restart_hours"]["mean"] - (w - m * (1 - math.exp(-w / m)))) < 2.5 * (hi - lo) / 2


def test_a_restart_the_window_cuts_short_counts_up_to_the_window_in_the_cluster_model():
    # the cluster model with instant replacements and a restart of 1000 days in a 24-hour window: the first failure
    # at T1 ~ Exp(M) starts a restart the window ends, so the restart hours are W - T1 (0 if T1 > W), with mean
    # E[(W - T1)^+] = W - M (1 - e^(-W/M)) = 21.001 h for M = 3 h
    w, m = 24.0, 3.0
    rows = _cluster_runs(16_384, m, Capacity(), 0.5, 0.05, 24_000.0, w, 4000, 14, True)
    rest = rows[:, 5]
    assert np.all(rows[:, 0] == w) and np.all(rest <= w)
    # the restart hours' standard deviation is about M (T1 is exponential, cut at W): the standard error of the
    # mean of 4,000 trials is ~3 / 63 = 0.05 h; 4 standard errors
    se = rest.std() / math.sqrt(len(rest))
    assert abs(rest.mean() - (w - m * (1 - math.exp(-w / m)))) < 4 * se


def test_a_job_that_cannot_finish_stops_at_the_window_and_says_so():
    # work = the longest window itself: every checkpoint costs delta > 0, so no trial can finish; each stops at
    # exactly W_max. The analytic wall time W / goodput is beyond W_max too.
    r = ops(
        OpsConfig(1, work_hours=W_MAX, job_mtbf_hours=1e5, checkpoint_write_hours=10.0, restart_hours=1.0, trials=50)
    )
    assert r.analytic["stopped_at_window"] is True and r.analytic["wall_time_hours"] == W_MAX
    assert r.analytic["work_done_hours"] == pytest.approx(r.analytic["goodput"] * W_MAX, rel=1e-15)
    assert r.simulated["stopped_at_window"]["mean"] == 1.0
    assert r.simulated["wall_time_hours"]["p10"] == W_MAX == r.simulated["wall_time_hours"]["p90"]
    assert r.stopped_at_window
    # a one-minute MTBF with a 10-minute restart progresses (a restart takes M (e^10 - 1) = 367 h on average) but
    # 1000 days of work would take 1000 d / goodput, beyond the longest window: it stops there
    slow = ops(OpsConfig(100, job_mtbf_hours=1 / 60, work_hours=1000 * 24.0))
    assert not slow.no_progress and slow.analytic["goodput"] > 0 and slow.analytic["stopped_at_window"]
    assert slow.analytic["wall_time_hours"] == W_MAX
    # a job that finishes says so too
    done = ops(OpsConfig(1, work_hours=100.0, job_mtbf_hours=5.0, trials=50))
    assert not done.stopped_at_window and done.simulated["stopped_at_window"]["mean"] == 0.0


# ------------------------------------------------------------------------------ sized before it starts, streamed


def test_seeds_of_a_chunk_are_the_seed_sequence_words():
    for seed in (0, 7, 2**70):
        full = np.random.SeedSequence(seed).generate_state(5000).astype(np.int64)
        assert np.array_equal(_seeds(seed, 5000), full)
        assert np.array_equal(_seeds(seed, 1234, 3001), full[3001:4235])


def test_chunked_simulation_equals_unchunked():
    kw = dict(accelerators=1000, days=5, job_mtbf_hours=2.0, checkpoint_write_hours=0.05, restart_hours=0.1)
    one = ops(OpsConfig(trials=10_000, seed=21, chunk_trials=10**6, **kw)).as_json()
    many = ops(OpsConfig(trials=10_000, seed=21, chunk_trials=999, **kw)).as_json()
    assert one == many  # the same numbers, bit for bit: moments are merged over fixed blocks from trial 0
    # and the merged moments are those of all the trials at once (numpy's two-pass mean and std, quantiles)
    out = np.zeros((10_000, 7))
    r = ops(OpsConfig(trials=1, **kw))
    tau = r.checkpoint_interval_minutes / 60
    _simulate(_seeds(21, 10_000), SimJob(tau, 0.05, 0.1, 0.0, 120.0, True, False), Interarrival(0, 2.0, 1.0, 2.0), out)
    g = out[:, 1] / out[:, 0]
    sim = one["simulated"]["goodput"]
    assert sim["mean"] == pytest.approx(g.mean(), rel=1e-13)  # summation order only
    half = 1.96 * g.std(ddof=1) / math.sqrt(len(g))
    assert sim["ci95"][1] - sim["mean"] == pytest.approx(half, rel=1e-9)  # differences of near-equal sums
    assert sim["p10"] == np.quantile(g, 0.1) and sim["p90"] == np.quantile(g, 0.9)


def test_the_stream_keeps_a_bounded_number_of_rows():
    rng = np.random.default_rng(0)
    x = rng.normal(5.0, 2.0, size=(20_000, 3))
    s = _Stream(3, keep=1000)
    for i in range(0, 20_000, 3001):
        s.add(x[i : i + 3001])
    n, mean, var = s.moments()
    assert n == 20_000 and s.kept_n == 1000
    assert np.allclose(mean, x.mean(axis=0), rtol=1e-13) and np.allclose(var, x.var(axis=0, ddof=1), rtol=1e-12)


def test_adding_trials_for_a_ci_target_equals_running_them_at_once():
    kw = dict(accelerators=1000, days=5, job_mtbf_hours=2.0, checkpoint_write_hours=0.05, restart_hours=0.1, seed=3)
    grown = ops(OpsConfig(ci_target=1e-9, max_trials=400, **kw))  # 100, 200, 400 trials, each continuing the last
    assert grown.trials == 400
    assert grown.simulated == ops(OpsConfig(trials=400, **kw)).simulated


def test_an_unmet_ci_target_says_so():
    kw = dict(accelerators=1000, days=5, job_mtbf_hours=2.0, checkpoint_write_hours=0.05, restart_hours=0.1)
    r = ops(OpsConfig(ci_target=1e-6, max_trials=400, **kw))
    lo, hi = r.simulated["goodput"]["ci95"]
    assert r.ci_target_met is False and r.trials == 400
    assert r.ci_half_width == pytest.approx((hi - lo) / 2, rel=1e-12) and r.ci_half_width > 1e-6
    assert "trial limit of 400" in r.ci_stop_reason
    d = _finite_json(r)
    assert d["ci_target_met"] is False and d["ci_half_width"] == r.ci_half_width
    met = ops(OpsConfig(ci_target=0.01, **kw))
    assert met.ci_target_met is True and met.ci_half_width <= 0.01 and met.ci_stop_reason is None


def test_estimate_of_the_work():
    # exponential failures: draws ~ W / E[min(X, W)] = W / (M (1 - e^(-W/M))), each with a restart; checkpoints
    # W / (tau + delta); plus a fixed cost of 150 per trial
    w, m, tau, d = 1296.0, 3.0, 0.6, 0.1
    per = 150 + 2 * w / (m * -math.expm1(-w / m)) + w / (tau + d)
    assert estimate_events(1000, w, m, tau, d) == pytest.approx(1000 * per, rel=1e-12)
    # a Weibull of shape 1 is the exponential (P(1, x) = 1 - e^-x, scale M)
    assert estimate_events(1, w, m, tau, d, "weibull", 1.0) == pytest.approx(per, rel=1e-12)
    # a lognormal with a tiny sigma is nearly the constant M: W / M draws
    assert estimate_events(1, w, m, tau, d, "lognormal", 1e-6) == pytest.approx(150 + 2 * w / m + w / (tau + d))
    # heavy tails whose typical draw is tiny: the simulation would never end
    assert estimate_events(1, w, m, tau, d, "lognormal", 50.0) > 1e100
    assert estimate_events(1, w, m, tau, d, "weibull", 0.001) > 1e100
    # continuous checkpointing (tau = delta = 0) writes no separate checkpoints: the draws and restarts alone
    assert estimate_events(1, w, m, 0.0, 0.0) == pytest.approx(150 + 2 * w / (m * -math.expm1(-w / m)), rel=1e-12)


@pytest.mark.parametrize(
    ("kw", "needle"),
    [
        (dict(accelerators=16_384, trials=10**10), "--max-events"),  # was a 447 GiB allocation
        (dict(accelerators=16_384, days=1e9, trials=10), "--days"),
        (dict(accelerators=16_384, trials=10, distribution="lognormal", shape=50.0), "--max-events"),
        (dict(accelerators=16_384, trials=10, distribution="weibull", shape=0.001), "--max-events"),
        (dict(accelerators=1, job_mtbf_hours=1 / 60, work_hours=1e6 * 24, trials=1), "--work"),
        (dict(accelerators=1, job_mtbf_hours=1 / 60, work_hours=1000 * 24, trials=1000), "--max-events"),
        (dict(accelerators=10**13), "--accelerators"),
        (dict(accelerators=1, job_mtbf_hours=1e-12), "job MTTI"),
        (dict(accelerators=1, job_mtbf_hours=math.inf), "--job-mtbf"),
    ],
)
def test_refused_before_it_starts(kw, needle):
    import time

    t = time.perf_counter()
    with pytest.raises(GigawattError, match=needle.replace("-", r"\-")):
        ops(OpsConfig(**kw))
    assert time.perf_counter() - t < 5.0  # refused at once (generous for a loaded machine), before any allocation


def test_every_cause_at_zero_is_refused_with_the_reason():
    causes = ("gpu", "hbm", "network", "host", "software", "silent_data_corruption")
    with pytest.raises(GigawattError, match="no failures"):
        ops(OpsConfig(100, cause_multipliers=dict.fromkeys(causes, 0)))
    assert ops(OpsConfig(100, cause_multipliers=dict.fromkeys(causes[1:], 0))).mtti_hours > 0  # one cause left: a model


def test_max_events_lifts_the_limit():
    kw = dict(accelerators=1000, days=5, job_mtbf_hours=2.0, checkpoint_write_hours=0.05, restart_hours=0.1)
    with pytest.raises(GigawattError, match="--max-events"):
        ops(OpsConfig(trials=200, max_events=1e4, **kw))
    assert ops(OpsConfig(trials=200, max_events=1e6, **kw)).trials == 200


def test_the_event_limit_counts_each_trial_once():
    # a 5-day window (W = 120 h), M = 2 h, interval 0.95 h + write 0.05 h: per trial 150 + 2 x W / (M (1 - e^-60))
    # = 150 + 120 draws and restarts, plus min(W / 1 h, 60 draws) = 60 checkpoints (taken between failures in one
    # step): 330 events; 200 trials are 66,000, inside a limit of 70,000 and beyond one of 60,000
    kw = dict(accelerators=1000, days=5, job_mtbf_hours=2.0, checkpoint_interval_hours=0.95)
    kw |= dict(checkpoint_write_hours=0.05, restart_hours=0.1, trials=200)
    assert ops(OpsConfig(max_events=70_000, **kw)).trials == 200
    assert ops(OpsConfig(max_events=66_000, **kw)).trials == 200  # the limit is inclusive (330 is exact here)
    with pytest.raises(GigawattError, match=r"about 6.6e\+04 events \(200 trials x 330 failures"):
        ops(OpsConfig(max_events=60_000, **kw))


def test_one_trial_has_no_variance_and_no_warning():
    # one trial: no sample variance (ddof 1 needs two), so no interval; the summary is the trial itself, and numpy
    # is not asked to divide by n - 1 = 0 (which would print a RuntimeWarning beside the table)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = ops(OpsConfig(1000, days=5, job_mtbf_hours=2.0, trials=1))
    g = r.simulated["goodput"]
    assert g["ci95"] == [g["mean"], g["mean"]] and g["p10"] == g["mean"] == g["p90"]


def test_quantiles_of_few_trials_come_from_all_of_them():
    # 20 trials, far below the 1,048,576 kept for the P10/P90: the quantiles are of every trial, so no
    # quantile_trials is reported
    r = ops(OpsConfig(1000, days=5, job_mtbf_hours=2.0, trials=20))
    assert r.trials == 20 and r.quantile_trials is None


def test_hostile_cli_cases_answer(capsys):
    from gigawatt.cli.core import main

    assert main(["ops", "--accelerators", "16384", "--checkpoint-write", "0", "--json"]) == 0  # ZeroDivisionError
    d = json.loads(capsys.readouterr()[0])
    assert 0.9 < d["goodput"] < 1 and d["no_progress"] is False
    assert main(["ops", "--accelerators", "1000000000", "--json"]) == 0  # OverflowError
    d = json.loads(capsys.readouterr()[0])
    assert d["no_progress"] is True and d["goodput"] == 0.0
    args = ["ops", "--accelerators", "16384", "--repair-auto", "1000 days", "--days", "1", "--trials", "200"]
    assert main([*args, "--json"]) == 0  # 24,000 h of waiting in a 24 h window
    d = json.loads(capsys.readouterr()[0])
    assert d["simulated"]["waiting_for_servers_hours"]["p90"] <= 24.0


def test_the_ops_kernels_cache_is_dropped_when_a_step_they_compile_changes(tmp_path):
    # numba checks only the kernel's own file; the stamp covers the files of the steps it compiles as well
    from gigawatt.engine import numba_cache

    class Cache:
        _cache_path = str(tmp_path)

    class Dispatcher:
        _cache = Cache()

    step = tmp_path / "step.py"
    step.write_text("x = 1\n")
    (tmp_path / "operations._simulate-1.py311.nbi").write_text("index")
    (tmp_path / "operations._simulate-1.py311.1.nbc").write_text("code")
    (tmp_path / "other.f-1.py311.nbi").write_text("someone else's")
    assert numba_cache.forget_if_changed("operations", [step], Dispatcher())  # no stamp yet: dropped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gigawatt-operations.stamp", "other.f-1.py311.nbi", "step.py"]
    (tmp_path / "operations._simulate-1.py311.nbi").write_text("index")
    assert not numba_cache.forget_if_changed("operations", [step], Dispatcher())  # unchanged: kept
    assert (tmp_path / "operations._simulate-1.py311.nbi").exists()
    step.write_text("x = 2\n")
    assert numba_cache.forget_if_changed("operations", [step], Dispatcher())  # a step changed: dropped
    assert not (tmp_path / "operations._simulate-1.py311.nbi").exists()

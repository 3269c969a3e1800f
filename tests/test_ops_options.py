"""gigawatt ops: one set of training defaults, and operations numbers that hold up (issue 11, items 6 and 7).

Each figure is checked against a hand-worked case written here: Daly's closed form with and without failures
during restarts and with and without lost work (renewal arguments written out with ``math``), tiny repair
sequences whose outcome is fixed by probabilities of 0 or 1, and spare pools counted by hand.
"""

import json
import math

import numpy as np
import pytest

from gigawatt.engine.operations import Capacity, OpsConfig, _cluster_runs, ops
from gigawatt.engine.operations.analytic import analytic_ignores
from gigawatt.errors import GigawattError
from gigawatt.model.repair import draw_returns_bad

# columns of a cluster trial's row
_FAILS, _WAIT = 2, 6

# a setting where restarts are as long as the job's MTTI, so that whether they can fail matters: tau 0.5 h,
# delta 0.05 h, R 1 h, M 1 h
TAU, DELTA, R, M = 0.5, 0.05, 1.0, 1.0


def _by_hand(lose_work: bool, failure_free: bool) -> float:
    """The steady goodput, written out independently of the package (a renewal argument).

    After each restart the job runs X ~ Exp(M) until the next failure; each tau + delta segment completes with
    probability q = e^(-(tau + delta)/M). Work kept per run: tau q / (1 - q) if a failure loses the segment, else
    E[min(X, tau)] / (1 - q) = M (1 - e^(-tau/M)) / (1 - q). A run costs M, plus the restart: R if no failure can
    strike it, else M (e^(R/M) - 1) (attempts until one of R hours sees no failure).
    """
    q = math.exp(-(TAU + DELTA) / M)
    work = TAU * q / (1 - q) if lose_work else M * (1 - math.exp(-TAU / M)) / (1 - q)
    restart = R if failure_free else M * (math.exp(R / M) - 1)
    return work / (M + restart)


def test_the_hand_worked_goodputs():
    # the same four numbers by hand to 6 figures: e^0.55 - 1 = 0.733253, 1 - e^-0.5 = 0.393469,
    # 1 - e^-0.55 = 0.423050, e = 2.718282
    assert _by_hand(True, False) == pytest.approx(0.5 / (2.718282 * 0.733253), rel=1e-5)  # Daly 2006, eq. 13
    assert _by_hand(True, True) == pytest.approx(0.5 / (2 * 0.733253), rel=1e-5)  # restart R, not M (e^(R/M) - 1)
    assert _by_hand(False, False) == pytest.approx(0.393469 / 0.423050 / 2.718282, rel=1e-5)
    assert _by_hand(False, True) == pytest.approx(0.393469 / 0.423050 / 2, rel=1e-5)


@pytest.mark.parametrize("lose_work", [True, False])
@pytest.mark.parametrize("failure_free", [False, True])
def test_analytic_goodput_honours_lost_work_and_failure_free_restarts(lose_work, failure_free):
    cfg = dict(
        job_mtbf_hours=M,
        checkpoint_interval_hours=TAU,
        checkpoint_write_hours=DELTA,
        restart_hours=R,
        days=30,
        lose_work=lose_work,
        failure_free_restart=failure_free,
    )
    r = ops(OpsConfig(1000, trials=2000, seed=5, **cfg))
    want = _by_hand(lose_work, failure_free)
    assert r.analytic["goodput"] == pytest.approx(want, rel=1e-12)  # the same formula: rounding only
    # the simulation draws the same process: ~700 failures a trial x 2,000 trials; a trial's goodput varies by
    # ~0.02, so the mean's standard error is ~0.0005; the window's edge (a fresh start, a cut last segment) adds
    # ~M / W = 0.1 %: 1 % is ample and still far from the other three settings (>= 0.09 apart)
    assert r.simulated["goodput"]["mean"] == pytest.approx(want, rel=0.01)
    # interruptions: at 1/M throughout (restarts included), or once per run of M plus a restart of R
    per_hour = 1 / (M + R) if failure_free else 1 / M
    assert r.analytic["interruptions"] == pytest.approx(720 * per_hour, rel=1e-12)
    assert r.simulated["interruptions"]["mean"] == pytest.approx(720 * per_hour, rel=0.01)  # Poisson SE ~0.1 %
    assert r.analytic_ignores == []


@pytest.mark.parametrize("lose_work", [True, False])
@pytest.mark.parametrize("failure_free", [False, True])
def test_cluster_model_with_instant_replacements_matches_the_closed_form(lose_work, failure_free):
    # repairs that take no time: a failed server is back at once, so nothing waits and the closed form holds;
    # host selection adds to every restart (0.5 h + 0.5 h = R)
    cap = Capacity(host_selection=0.5, spares=3, spare_delay=2.0)
    cfg = dict(
        job_mtbf_hours=M,
        checkpoint_interval_hours=TAU,
        checkpoint_write_hours=DELTA,
        restart_hours=R - 0.5,
        days=30,
        lose_work=lose_work,
        failure_free_restart=failure_free,
    )
    r = ops(OpsConfig(1024, trials=1000, seed=6, capacity=cap, **cfg))
    want = _by_hand(lose_work, failure_free)
    assert r.analytic_ignores == []
    assert r.analytic["goodput"] == pytest.approx(want, rel=1e-12)  # rounding only
    assert r.simulated["goodput"]["mean"] == pytest.approx(want, rel=0.015)  # as above, with half the trials
    assert r.simulated["waiting_for_servers_hours"]["mean"] == 0.0


def test_capacity_the_closed_form_cannot_model_is_omitted_and_named():
    # the case: repairs that take time with few standbys. The analytic goodput used to ignore them
    cap = Capacity(warm_standbys=2, repair_auto=4.0, spares=1, spare_delay=1.0, bad_fraction=0.1, bad_multiplier=5.0)
    r = ops(OpsConfig(1024, job_mtbf_hours=2.0, days=10, trials=50, capacity=cap, lose_work=False))
    d = r.as_json()
    for key in ("goodput", "interruptions", "work_done_hours", "effective_flop", "interruptions_by_cause"):
        assert d[key] is None, key
    # named, so that a null here is never read as a NaN hidden as null
    assert set(d["analytic_omitted"]) == {"goodput", "interruptions", "work_done_hours", "effective_flop"} | {
        "interruptions_by_cause"
    }
    assert ops(OpsConfig(1024, job_mtbf_hours=2.0)).as_json()["analytic_omitted"] == []
    assert len(d["analytic_ignores"]) == 2
    assert "repair_auto" in d["analytic_ignores"][0] and "bad_fraction" in d["analytic_ignores"][1]
    assert d["simulated"]["goodput"]["mean"] > 0  # the simulation still gives the figure
    weibull = ops(OpsConfig(1024, job_mtbf_hours=2.0, days=10, trials=20, distribution="weibull", shape=0.7))
    assert weibull.analytic["goodput"] is None and "weibull" in weibull.analytic_ignores[0]


def test_servers_that_all_fail_alike_keep_the_closed_form():
    # no bad servers (bad_fraction 0), or bad ones failing at the good ones' rate (bad_multiplier 1): every server
    # fails alike, so the closed form applies; only a share of servers failing faster is named as ignored
    for fraction, multiplier, ignored in ((0.0, 5.0, 0), (0.1, 1.0, 0), (0.1, 5.0, 1)):
        cfg = OpsConfig(1024, job_mtbf_hours=2.0, capacity=Capacity(bad_fraction=fraction, bad_multiplier=multiplier))
        assert len(analytic_ignores(cfg)) == ignored, (fraction, multiplier)


def test_an_interval_rule_other_than_young_or_daly_is_refused():
    # "weekly" sorts after "daly": it is refused by name, not read as Daly's rule
    with pytest.raises(GigawattError, match="--interval-rule: 'weekly'; expected young or daly"):
        ops(OpsConfig(1024, job_mtbf_hours=2.0, interval_rule="weekly", trials=0))


# ------------------------------------------------------------------------------------ a false repair, by hand


def test_a_false_repair_never_turns_a_good_server_bad():
    # probabilities of 0 and 1 fix every draw
    assert draw_returns_bad(1.0, False) is False  # good stays good, even when every repair is false
    assert draw_returns_bad(1.0, True) is True  # a bad server a false repair did not fix stays bad
    assert draw_returns_bad(0.0, True) is False  # a real repair fixes a bad server


def _one_server(cap, trials=2000, window=10.0, seed=3):
    """Rows of a job on one server (8 accelerators), job MTTI 1 h, continuous checkpointing, no restart time."""
    return _cluster_runs(8, 1.0, cap, 0.0, 0.0, 0.0, window, trials, seed, True)


def test_repair_sequences_worked_by_hand():
    # one server, M = 1 h, W = 10 h, repairs instant. (a) every server good and every repair false: it stays good,
    # Poisson(W / M = 10) failures (the old model turned it bad after its first failure: ~91 with b = 10)
    good = _one_server(Capacity(false_success=1.0, bad_multiplier=10.0))
    # mean of 2,000 Poisson(10) counts: standard error sqrt(10 / 2000) = 0.07; 0.35 is 5 SE
    assert good[:, _FAILS].mean() == pytest.approx(10.0, abs=0.35)
    # (b) the server is bad (f = 1: it fails at the average rate 1/M, a good one at 1/(bM)), every repair false:
    # it stays bad, Poisson(10) again
    stays = _one_server(Capacity(false_success=1.0, bad_fraction=1.0, bad_multiplier=10.0))
    assert stays[:, _FAILS].mean() == pytest.approx(10.0, abs=0.35)
    # (c) the same with real repairs: the first failure, at T1 ~ Exp(1), fixes it; then it fails at 1/(bM) = 0.1/h:
    # E[N] = P(T1 < W) + E[(W - T1)+] / (b M) = (1 - e^-10) + (10 - (1 - e^-10)) / 10 = 1.90000
    fixed = _one_server(Capacity(false_success=0.0, bad_fraction=1.0, bad_multiplier=10.0))
    want = (1 - math.exp(-10)) + (10 - (1 - math.exp(-10))) / 10
    assert want == pytest.approx(1.9, abs=1e-4)
    # N = 1 + Poisson(~0.9): standard deviation ~1, standard error ~0.022 over 2,000 trials; 0.11 is 5 SE
    assert fixed[:, _FAILS].mean() == pytest.approx(want, abs=0.11)


# ------------------------------------------------------------------------------ a spare pool, counted by hand


def test_spares_return_to_the_pool_after_repair():
    # one server, no standbys, one spare borrowed after d = 0.01 h; a repair takes 1e-9 h, so it is always done
    # before the next failure. With spares_return the repaired server goes back to the pool: every failure
    # borrows the one spare again and waits d. Without it the first spare stays and the repaired server is a
    # standby: only the first failure waits d, every later one is replaced at once.
    d = 0.01
    back = _one_server(Capacity(spares=1, spare_delay=d, repair_auto=1e-9), trials=500, window=50.0)
    kept = _one_server(
        Capacity(spares=1, spare_delay=d, repair_auto=1e-9, spares_return=False), trials=500, window=50.0
    )
    k = back[:, _FAILS]
    # every wait is d, but the last of a trial, which the window may cut short: d (k - 1) <= waiting <= d k
    assert (back[:, _WAIT] >= d * (k - 1) - 1e-9).all() and (back[:, _WAIT] <= d * k + 1e-9).all()
    assert back[:, _WAIT].mean() > 40 * d  # ~50 failures a trial, each waiting for the spare
    assert (kept[kept[:, _FAILS] > 0, _WAIT] <= d + 1e-9).all()  # one spare borrowed, once
    assert kept[:, _WAIT].mean() == pytest.approx(d, rel=0.01)  # the first failure comes within 50 h (e^-50)


def test_a_pool_of_three_spares_that_do_not_return_lends_three():
    # three spares, no standbys, repairs that outlast the window (nothing comes back): three failures borrow
    # the three spares (d each); the fourth waits for the first repair, which ends with the window. With
    # spares_return nothing changes: no repair finishes to refill the pool
    for back in (True, False):
        cap = Capacity(spares=3, spare_delay=0.01, repair_auto=1e6, spares_return=back)
        rows = _one_server(cap, trials=300, window=50.0)
        k = rows[:, _FAILS]
        wait = rows[:, _WAIT]
        assert (k >= 4).mean() > 0.9  # ~50 h of work at 1 failure an hour
        many = k >= 4
        # three spare delays plus the rest of the window after the fourth failure: more than 0.03 h, and the
        # trial then waits to the window's end
        assert (wait[many] > 0.03 - 1e-9).all()
        assert (rows[many, 0] == 50.0).all()


# ----------------------------------------------------------------------------------------- the command line


def _ops_json(capsys, *args):
    from gigawatt.cli.core import main

    assert main(["ops", *args, "--json"]) == 0
    return json.loads(capsys.readouterr()[0])


def test_the_llama_setting_needs_no_extra_flags(capsys):
    d = _ops_json(capsys, "--accelerators", "16384", "--accelerator", "h100", "--days", "54", "--trials", "500")
    # 419 unexpected interruptions in 54 days (RL03): the calibration gives W / M = 419 exactly; simulated, the
    # mean of 500 Poisson(419) counts has standard error 0.92: 4 SE
    assert d["interruptions"] == pytest.approx(419, rel=1e-9)
    assert d["simulated"]["interruptions"]["mean"] == pytest.approx(419, abs=4 * math.sqrt(419 / 500))
    # more than 90 % effective training time (RL08, one-sided), with the defaults alone, and less than the 98.4 %
    # that 419 restarts of 3 minutes (training.restart_minutes) in 54 days leave whatever the checkpointing
    ceiling = 1 - 419 * 3 / (54 * 24 * 60)
    assert 0.90 < d["goodput"] < ceiling and 0.90 < d["simulated"]["goodput"]["mean"] < ceiling
    assert "training.checkpoint_write_minutes" in d["checkpoint_write_source"]
    assert "RL11" in d["checkpoint_write_source"]


def test_the_write_source_names_the_flag(capsys):
    d = _ops_json(capsys, "--accelerators", "1024", "--checkpoint-write", "2min", "--restart", "1min")
    assert d["checkpoint_write_source"] == "--checkpoint-write" and d["restart_source"] == "--restart"
    assert d["checkpoint_write_minutes"] == pytest.approx(2.0, rel=1e-12)
    d = _ops_json(capsys, "--accelerators", "1024", "--checkpoint-size", "65 TB", "--storage-bandwidth", "2 TB/s")
    assert d["checkpoint_write_source"].startswith("--checkpoint-size / --storage-bandwidth")
    assert d["checkpoint_write_minutes"] == pytest.approx(65 / 2 / 60, rel=1e-12)  # 32.5 s


def test_the_footnote_names_the_failure_model_used(capsys):
    from gigawatt.cli.core import main

    assert main(["ops", "--accelerators", "1024", "--job-mtbf", "24h"]) == 0
    out = " ".join(capsys.readouterr()[0].split())  # the footnote wraps at the terminal's width
    assert "--job-mtbf: one job MTTI of 24 h" in out and "419 unexpected" not in out
    assert main(["ops", "--accelerators", "1024"]) == 0
    assert "419 unexpected interruptions" in " ".join(capsys.readouterr()[0].split())
    d = _ops_json(capsys, "--accelerators", "1024", "--accelerator-mtbf", "50000h")
    assert "per-accelerator MTBF of 5e+04 h" in d["failure_model"]


def test_failure_free_restart_and_spares_return_flags(capsys):
    base = ["--accelerators", "16384", "--restart", "2h", "--trials", "20"]
    daly = _ops_json(capsys, *base)
    free = _ops_json(capsys, *base, "--failure-free-restart")
    assert daly["failure_free_restart"] is False and free["failure_free_restart"] is True
    assert free["goodput"] > daly["goodput"]  # R = 2 h on M = 3.09 h: e^(R/M) = 1.91 against 1 + R/M = 1.65
    cap = ["--accelerators", "64", "--spares", "1", "--repair-auto", "1h", "--trials", "5"]
    d = _ops_json(capsys, *cap, "--no-spares-return")
    assert d["goodput"] is None and "repair_auto" in d["analytic_ignores"][0]


def test_capacity_run_table_says_the_analytic_figure_is_omitted(capsys):
    from gigawatt.cli.core import main

    argv = ["ops", "--accelerators", "16384", "--no-lost-work", "--warm-standbys", "2", "--repair-auto", "4h"]
    assert main([*argv, "--trials", "20"]) == 0
    out = " ".join(capsys.readouterr()[0].split())
    assert "analytic goodput omitted: the closed form ignores repairs that take time" in out


def test_whole_segments_between_failures_by_hand():
    from gigawatt.engine.operations import _whole_segments

    # segments of 1 h: 3.5 h to the next failure but 2 h of window left: 2; 2.5 h to the failure, 9 h left: 2
    assert _whole_segments(1.0, 3.5, 2.0) == 2.0
    assert _whole_segments(1.0, 2.5, 9.0) == 2.0
    # 0.3 / 0.1 is 2.9999999999999996 in floating point: two segments of 0.1 h, never one that the failure cuts
    assert _whole_segments(0.1, 0.3, 10.0) == 2.0
    # one segment always fits where the caller asks (the failure and the window's end are at least one away)
    assert _whole_segments(1.0, 1.0, 1.0) == 1.0


# ------------------------------------------------------------------- the closed form with its options, directly


@pytest.mark.parametrize("lose_work", [True, False])
@pytest.mark.parametrize("failure_free", [False, True])
def test_closed_form_with_options_is_the_renewal_argument(lose_work, failure_free):
    from gigawatt.model.checkpointing import log_goodput_with

    got = math.exp(float(log_goodput_with(TAU, DELTA, R, M, lose_work, failure_free)))
    assert got == pytest.approx(_by_hand(lose_work, failure_free), rel=1e-12)  # the same formula: rounding only


@pytest.mark.parametrize("lose_work", [True, False])
def test_closed_form_with_options_at_its_limits(lose_work):
    from gigawatt.model.checkpointing import log_goodput_with

    def g(tau, delta, r, m, failure_free):
        return math.exp(float(log_goodput_with(tau, delta, r, m, lose_work, failure_free)))

    # continuous checkpointing (tau = delta = 0): no work lost, no write; each failure (one per M of work) costs the
    # restart: M (e^(R/M) - 1) if it can fail, so g = 1 / e^(R/M) = e^-1 = 0.367879 at R = M = 1 h; R if it cannot,
    # so g = M / (M + R) = 1/2
    assert g(0.0, 0.0, 1.0, 1.0, False) == pytest.approx(math.exp(-1), rel=1e-12)
    assert g(0.0, 0.0, 1.0, 1.0, True) == pytest.approx(0.5, rel=1e-12)
    # no failures (M = inf): only the writes cost, tau / (tau + delta) = 0.5 / 0.55 = 10/11; never writing costs 0
    for failure_free in (False, True):
        assert g(0.5, 0.05, 1.0, math.inf, failure_free) == pytest.approx(10 / 11, rel=1e-12)
        assert g(math.inf, 0.05, 1.0, math.inf, failure_free) == 1.0
    # vectorized: an array of MTTIs gives an array, element by element the scalar values above
    both = np.exp(log_goodput_with(0.5, 0.05, 1.0, np.array([math.inf, 1.0]), lose_work, True))
    assert both.shape == (2,) and both[0] == pytest.approx(10 / 11, rel=1e-12)
    assert both[1] == pytest.approx(_by_hand(True, True) if lose_work else _by_hand(False, True), rel=1e-12)


def test_never_checkpointing_loses_everything_only_when_a_failure_loses_work():
    from gigawatt.model.checkpointing import log_goodput_with

    # tau = inf with failures: a failure loses all the work done (nothing was ever saved), so nothing is kept,
    # g = 0 (log -inf, not NaN); if failures lose no work, only the restarts cost: g = e^(-R/M) = e^-1 at R = M = 1 h
    assert log_goodput_with(math.inf, 0.05, 1.0, 1.0, True, False) == -math.inf
    assert math.exp(float(log_goodput_with(math.inf, 0.05, 1.0, 1.0, False, False))) == pytest.approx(
        math.exp(-1), rel=1e-12
    )
    # nothing lost, no write, no restart time: every hour is work, g = 1 exactly (never above)
    assert float(log_goodput_with(0.5, 0.0, 0.0, 1.0, False, True)) == 0.0
    assert float(log_goodput_with(0.5, 0.0, 0.0, 1.0, False, False)) == 0.0


# ------------------------------------------------------------------------- the repair draws, one by one, by hand


def test_a_repair_takes_the_automatic_time_plus_the_manual_time_when_it_escalates():
    from gigawatt.model.repair import draw_repair_hours

    # probabilities 0 and 1 fix the draw: 2 h automatic; 2 + 5 = 7 h when every repair escalates
    assert [draw_repair_hours(2.0, 5.0, 0.0) for _ in range(50)] == [2.0] * 50
    assert [draw_repair_hours(2.0, 5.0, 1.0) for _ in range(50)] == [7.0] * 50
    # a quarter escalate: mean 2 + 0.25 x 5 = 3.25 h; sd 5 sqrt(0.25 x 0.75) = 2.165, so 20,000 draws have a
    # standard error of 0.0153 h: 0.08 h is over 5 of them
    draws = [draw_repair_hours(2.0, 5.0, 0.25) for _ in range(20_000)]
    assert set(draws) == {2.0, 7.0}
    assert sum(draws) / len(draws) == pytest.approx(3.25, abs=0.08)


def test_a_standby_is_picked_at_random_among_the_good_and_the_bad():
    from gigawatt.model.repair import draw_standby_is_bad

    # only good ones: never bad; only bad ones: always bad
    assert not any(draw_standby_is_bad(3, 0) for _ in range(50))
    assert all(draw_standby_is_bad(0, 2) for _ in range(50))
    # 1 good, 3 bad: bad with probability 3/4; 20,000 draws, standard error sqrt(0.75 x 0.25 / 20000) = 0.0031
    share = sum(draw_standby_is_bad(1, 3) for _ in range(20_000)) / 20_000
    assert share == pytest.approx(0.75, abs=0.02)


def test_a_false_repair_leaves_a_bad_server_bad_at_its_rate():
    # p_false = 0.3: 30 % of the bad servers repaired stay bad; 20,000 draws, standard error 0.0032
    share = sum(draw_returns_bad(0.3, True) for _ in range(20_000)) / 20_000
    assert share == pytest.approx(0.3, abs=0.02)
    assert not any(draw_returns_bad(0.3, False) for _ in range(50))  # a good one never comes back bad


def test_a_wait_is_cut_at_the_window_end():
    from gigawatt.model.repair import wait_hours

    # min(w, max(W - t, 0)), by hand: 5 h from t = 8 in a 10 h window counts 2 h; 1 h counts whole;
    # a wait that starts after the window counts nothing; one that ends exactly at the window's end counts whole
    assert wait_hours(5.0, 8.0, 10.0) == 2.0
    assert wait_hours(1.0, 8.0, 10.0) == 1.0
    assert wait_hours(5.0, 12.0, 10.0) == 0.0
    assert wait_hours(2.0, 8.0, 10.0) == 2.0
    assert wait_hours(0.0, 3.0, 10.0) == 0.0


def test_a_server_holds_at_least_one_accelerator():
    # a failure takes its whole server out, so a server of no accelerators is no server: 0 is refused by name,
    # 1 is the smallest accepted (and no standbys or spares, 0, is allowed)
    with pytest.raises(GigawattError, match=r"capacity.accelerators_per_server: 0; expected a whole number >= 1"):
        Capacity(accelerators_per_server=0).check()
    Capacity(accelerators_per_server=1, warm_standbys=0, spares=0).check()


def test_a_per_accelerator_mtbf_sets_the_job_mtti_and_keeps_the_causes_shares():
    # 1,000 accelerators of 50,000 h MTBF each: M = 50,000 / 1,000 = 50 h; the causes keep the Llama 3 calibration's
    # shares, rescaled so that they add up to 1 / 50,000 per accelerator-hour
    plain = ops(OpsConfig(1000, trials=0))
    r = ops(OpsConfig(1000, accelerator_mtbf_hours=50_000.0, trials=0))
    assert r.mtti_hours == pytest.approx(50.0, rel=1e-12)
    total = sum(plain.rate_by_cause.values())
    assert sum(r.rate_by_cause.values()) == pytest.approx(1 / 50_000, rel=1e-12)
    for cause, rate in r.rate_by_cause.items():
        assert rate * 50_000 == pytest.approx(plain.rate_by_cause[cause] / total, rel=1e-12), cause


def test_an_mfu_of_one_is_accepted_and_scales_the_flop():
    # 0 < MFU <= 1: a job at full peak is allowed; the effective FLOP is proportional to the MFU, so MFU 1 gives
    # twice what MFU 0.5 gives (the same job, interval and goodput)
    full = ops(OpsConfig(1024, job_mtbf_hours=2.0, mfu=1.0, trials=0))
    half = ops(OpsConfig(1024, job_mtbf_hours=2.0, mfu=0.5, trials=0))
    assert full.analytic["effective_flop"] == pytest.approx(2 * half.analytic["effective_flop"], rel=1e-12)

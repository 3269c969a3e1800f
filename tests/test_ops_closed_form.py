"""Where the closed form applies to an ops run, and where it does not (issue 20, "figures that contradict each
other"). Daly's goodput (2006, eq. 13) is the long-run share of useful time over many checkpointed intervals; one
class per way a run can fall outside it, each with a case worked by hand:

* a window shorter than one checkpoint interval plus its write: no checkpoint is written in it, so no work is
  saved; the analytic goodput is left out (null, with the reason), never shown beside a simulated 0 %;
* a job (``--work``) shorter than one interval: it runs as one segment and one write, which the closed form
  prorates; its goodput, wall time and interruptions are left out;
* a window of few intervals: the closed form still applies to the long run, and a note gives how far the window's
  end can move the simulated goodput (tau / W);
* a write comparable to the MTTI (the regime where Young's first-order interval is far from Daly's): the goodput's
  closed form is exact for exponential failures whatever delta / M, so it is kept, and it matches the simulation.
"""

import json
import math

import pytest

from gigawatt.engine.operations import OpsConfig, ops

NO_FAILURES = 1e15  # hours between interruptions of the job: the chance of one in a year is 9e-12


def _run(**kw):
    return ops(OpsConfig(0, **kw))


# ----------------------------------------------------------------------------------------- a window too short


def test_a_window_shorter_than_one_write_leaves_the_goodput_out():
    # M = 24 h, delta = 2 h, a window of 0.05 days = 1.2 h: shorter than the write alone, so no checkpoint can be
    # written in it and every trial saves nothing (simulated goodput exactly 0). The steady state would say 64 %.
    r = _run(job_mtbf_hours=24.0, checkpoint_write_hours=2.0, restart_hours=0.05, days=0.05, trials=200, seed=1)
    assert r.analytic["goodput"] is None
    assert r.analytic["work_done_hours"] is None and r.analytic["effective_flop"] is None
    (why,) = r.analytic_not_applicable
    assert "window (1.2 h) is shorter than one checkpoint interval plus its write" in why
    assert r.simulated["goodput"]["mean"] == 0.0 and r.simulated["goodput"]["ci95"] == [0.0, 0.0]
    # still true of a window: interruptions W / M = 1.2 / 24 = 0.05, and the wall time is the window
    assert r.analytic["interruptions"] == pytest.approx(0.05, rel=1e-12)
    assert r.analytic["wall_time_hours"] == pytest.approx(1.2, rel=1e-12)
    d = r.as_json()
    assert d["goodput"] is None and {"goodput", "work_done_hours", "effective_flop"} <= set(d["analytic_omitted"])
    assert d["analytic_not_applicable"] == [why] and d["steady_state_note"] is None


def test_a_given_interval_that_does_not_fit_the_window_and_the_boundary():
    # tau = 1 h, delta = 0.5 h, no failures. A 1.4-h window holds no whole segment: left out (simulated 0).
    kw = dict(job_mtbf_hours=NO_FAILURES, checkpoint_interval_hours=1.0, checkpoint_write_hours=0.5)
    short = _run(days=1.4 / 24, trials=5, **kw)
    assert short.analytic["goodput"] is None and short.analytic_not_applicable
    assert short.simulated["goodput"]["mean"] == 0.0
    # a window of exactly tau + delta = 1.5 h (0.0625 days, exact in binary) holds one: the closed form applies,
    # and both give tau / (tau + delta) = 2/3 by hand
    fits = _run(days=0.0625, trials=5, **kw)
    assert not fits.analytic_not_applicable
    assert fits.analytic["goodput"] == pytest.approx(2 / 3, rel=1e-9)  # e^(-1.5/1e15): 1 to 1e-15
    assert fits.simulated["goodput"]["mean"] == pytest.approx(2 / 3, rel=1e-12)


def test_a_rule_interval_capped_at_the_window_applies_with_a_note():
    # Daly's interval for M = 24 h, delta = 5 min is 117 min; a 1-h window (over delta) caps it at 55 min so one
    # segment fits: the closed form applies, and the note says the window holds one interval (tau / W = 55/60)
    r = _run(job_mtbf_hours=24.0, checkpoint_write_hours=5 / 60, days=1 / 24)
    assert r.interval_rule == "daly (capped at the window)" and not r.analytic_not_applicable
    assert r.checkpoint_interval_minutes == pytest.approx(55.0, rel=1e-12)
    assert r.analytic["goodput"] is not None
    assert "holds 1 checkpoint intervals" in r.steady_state_note and "91.7%" in r.steady_state_note


def test_continuous_checkpointing_has_no_interval_to_fit():
    # delta = 0: work is kept up to each failure, so even a 36-s window is described by the closed form
    r = _run(job_mtbf_hours=24.0, checkpoint_write_hours=0.0, restart_hours=0.05, days=0.01 / 24)
    assert not r.analytic_not_applicable and r.steady_state_note is None
    assert r.analytic["goodput"] == pytest.approx(math.exp(-0.05 / 24), rel=1e-12)  # e^(-R/M)


def test_no_progress_stays_the_answer_in_a_short_window():
    # R = 10 h on M = 0.1 h: a restart is expected to take about 10^42 h, so the job makes no progress, in any window
    r = _run(job_mtbf_hours=0.1, restart_hours=10.0, days=0.001)
    assert r.no_progress and r.analytic["goodput"] == 0.0 and not r.analytic_not_applicable


# ----------------------------------------------------------------------------------------- a job too short


def test_work_shorter_than_one_interval_leaves_goodput_and_wall_time_out():
    # no failures, tau = 2 h, delta = 0.5 h, 1 h of work: one segment of 1 h and one write, wall 1.5 h, goodput 2/3
    # by hand; the closed form would charge half a write (wall 1.25 h, goodput 0.8)
    kw = dict(job_mtbf_hours=NO_FAILURES, checkpoint_interval_hours=2.0, checkpoint_write_hours=0.5)
    r = _run(work_hours=1.0, trials=5, **kw)
    assert r.analytic["goodput"] is None and r.analytic["wall_time_hours"] is None
    assert r.analytic["interruptions"] is None
    (why,) = r.analytic_not_applicable
    assert "work (1 h) is shorter than one checkpoint interval (2 h)" in why
    assert r.simulated["wall_time_hours"]["mean"] == pytest.approx(1.5, rel=1e-12)
    assert r.simulated["goodput"]["mean"] == pytest.approx(2 / 3, rel=1e-12)
    # the work and its FLOP still hold: the job finishes its hour of work
    assert r.analytic["work_done_hours"] == pytest.approx(1.0, rel=1e-9)
    # 4 h of work is two whole intervals: wall 2 x 2.5 h = 5 h by hand, by the closed form and simulated alike
    whole = _run(work_hours=4.0, trials=5, **kw)
    assert not whole.analytic_not_applicable
    assert whole.analytic["wall_time_hours"] == pytest.approx(5.0, rel=1e-9)
    assert whole.simulated["wall_time_hours"]["mean"] == pytest.approx(5.0, rel=1e-12)


# ----------------------------------------------------------------------------------------- few intervals


def test_a_window_of_few_intervals_keeps_the_steady_state_with_its_bound():
    # the Llama 3 setting over 0.1 days (2.4 h): Daly's interval is 13.9 min, so the window holds about 10
    # intervals; the simulation loses the interval the window cuts short, so its goodput may fall below the
    # steady state by up to tau / W (the note's figure), never above it by more than the noise
    r = ops(OpsConfig(16384, days=0.1, trials=2000, seed=3))
    assert not r.analytic_not_applicable and r.steady_state_note is not None
    tau_over_w = r.checkpoint_interval_minutes / 60 / 2.4
    assert f"{tau_over_w:.1%}" in r.steady_state_note
    g, s = r.analytic["goodput"], r.simulated["goodput"]
    half = s["ci95"][1] - s["mean"]  # the 95 % half-width; the bound is checked with twice it (about 4 SE)
    assert g - tau_over_w - 2 * half <= s["mean"] <= g + 2 * half
    # the 54-day window of the calibration holds about 5,400 intervals: no note
    assert ops(OpsConfig(16384)).steady_state_note is None


# ----------------------------------------------------------------------------------------- delta comparable to M


def test_a_write_comparable_to_the_mtti_keeps_the_exact_closed_form():
    # delta = 50 min, M = 1 h, R = 30 min. Daly's interval by hand: sqrt(2 delta M) = sqrt(5/3) = 1.290994,
    # delta / 2M = 5/12, 1 + (1/3) sqrt(5/12) + (1/9)(5/12) = 1.261462, so tau = 1.628540 - 0.833333 = 0.795207 h
    # (47.7 min; Young's first-order sqrt(2 delta M) = 77.5 min is far off here). Daly's eq. 13 is exact for
    # exponential failures at any delta / M: g = tau / (M e^(R/M) (e^((tau + delta)/M) - 1)) = 0.795207 /
    # (1.648721 x 4.096431) = 0.117741
    tau = math.sqrt(5 / 3) * (1 + math.sqrt(5 / 12) / 3 + (5 / 12) / 9) - 5 / 6
    by_hand = tau / (math.exp(0.5) * (math.exp(tau + 5 / 6) - 1))
    assert by_hand == pytest.approx(0.117741, abs=1e-6)
    r = _run(job_mtbf_hours=1.0, checkpoint_write_hours=5 / 6, restart_hours=0.5, days=20, trials=3000, seed=2)
    assert not r.analytic_not_applicable and r.steady_state_note is None
    assert r.checkpoint_interval_minutes == pytest.approx(tau * 60, rel=1e-12)
    assert r.analytic["goodput"] == pytest.approx(by_hand, rel=1e-12)
    s = r.simulated["goodput"]
    half = s["ci95"][1] - s["mean"]
    # the simulation agrees within its noise (2 half-widths, about 4 SE) less the window's end (tau / W = 0.17 %)
    assert by_hand - tau / 480 - 2 * half <= s["mean"] <= by_hand + 2 * half


# ----------------------------------------------------------------------------------------- the command line


def test_the_command_says_why_the_goodput_is_left_out(capsys):
    from gigawatt.cli.core import main

    argv = ["ops", "--job-mtbf", "24h", "--checkpoint-write", "2h", "--days", "0.05", "--trials", "20"]
    assert main(argv) == 0
    out = " ".join(capsys.readouterr()[0].split())
    assert "analytic goodput omitted: the closed form does not apply: the window (1.2 h) is shorter" in out
    assert "91" not in out.split("goodput")[1].split("│")[1]  # the analytic cell is '-', not a steady state
    assert main([*argv, "--json"]) == 0
    d = json.loads(capsys.readouterr()[0])
    assert d["goodput"] is None and "goodput" in d["analytic_omitted"]
    assert d["analytic_not_applicable"][0].startswith("the window (1.2 h) is shorter")
    assert d["simulated"]["goodput"]["mean"] == 0.0
    assert main(["ops", "--accelerators", "16384", "--days", "0.1", "--json"]) == 0
    d = json.loads(capsys.readouterr()[0])
    assert d["analytic_not_applicable"] == [] and "tau / W" in d["steady_state_note"]

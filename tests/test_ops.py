"""Reliability: Young/Daly against Daly's worked examples, the Llama 3 calibration, Poisson counts, and the
analytic goodput against the simulation where the closed form is exact."""

import json
import math

import pytest

from gigawatt.reliability import (
    LLAMA3_INTERRUPTIONS,
    daly_interval,
    expected_wall_hours,
    job_mtti_hours,
    ops,
    rates_per_accelerator_hour,
    young_interval,
)


@pytest.mark.parametrize(("mtti_h", "minutes"), [(24.0, 117.0), (6.0, 57.0), (0.25, 9.1)])
def test_daly_worked_examples(mtti_h, minutes):
    # Daly (2006) figure captions via facts.csv RL23: delta = 5 min; his figures are rounded to the minute
    # (to 0.1 min for the last), hence the tolerance
    assert daly_interval(5 / 60, mtti_h) * 60 == pytest.approx(minutes, abs=0.6 if minutes > 10 else 0.06)


def test_young_and_the_daly_limit():
    assert young_interval(5 / 60, 24.0) == pytest.approx(math.sqrt(2 * 5 / 60 * 24.0))
    assert daly_interval(3.0, 1.0) == 1.0  # delta >= 2M: checkpoint every M


def test_llama3_calibration():
    rates = rates_per_accelerator_hour()
    # by construction the causes add up to the paper's 419 unexpected interruptions in 54 days on 16,384 GPUs
    assert sum(rates.values()) * 16_384 * 54 * 24 == pytest.approx(LLAMA3_INTERRUPTIONS)
    assert LLAMA3_INTERRUPTIONS == 419
    # mean time to interruption 54 d x 24 h / 419 = 3.09 h (facts.csv RL09: ~3.1 h)
    assert job_mtti_hours(16_384, sum(rates.values())) == pytest.approx(54 * 24 / 419)
    # GPU (faulty GPU, SRAM, system processor, thermal) and HBM causes are 262 of 419 (RL06)
    assert (rates["gpu"] + rates["hbm"]) / sum(rates.values()) == pytest.approx(262 / 419)


def test_llama3_setting_reproduces_count_and_effective_training_time():
    # checkpoint write from the paper's storage: up to 4 GB of state per GPU x 16,384 at 2 TB/s sustained (RL11)
    write_h = 16_384 * 4e9 / 2e12 / 3600
    r = ops(16_384, "h100", days=54, checkpoint_write_hours=write_h, restart_hours=3 / 60, trials=2000, seed=1)
    sim = r.simulated["interruptions"]
    # Poisson(419): the mean of 2,000 counts has standard error sqrt(419 / 2000) = 0.46; 4 SE
    assert sim["mean"] == pytest.approx(419, abs=4 * math.sqrt(419 / 2000) + 0.5)
    # effective training time above 90 % (RL08), analytic and simulated
    assert r.analytic["goodput"] > 0.90
    assert r.simulated["goodput"]["mean"] > 0.90


def test_interruption_counts_are_poisson():
    r = ops(
        1_000, "h100", days=30, job_mtbf_hours=2.0, checkpoint_write_hours=0.05, restart_hours=0.1, trials=4000, seed=2
    )
    lam = 30 * 24 / 2.0  # 360 expected over the window
    out = r.simulated["interruptions"]
    assert out["mean"] == pytest.approx(lam, abs=4 * math.sqrt(lam / 4000) + 0.5)  # 4 SE, plus the window's edge
    # Poisson variance = mean; p10/p90 of Poisson(360) are 360 -/+ 1.2816 sqrt(360) = 335.7 / 384.3 (normal limit)
    assert out["p10"] == pytest.approx(lam - 1.2816 * math.sqrt(lam), abs=2.5)
    assert out["p90"] == pytest.approx(lam + 1.2816 * math.sqrt(lam), abs=2.5)


def test_analytic_and_simulated_goodput_agree_where_the_closed_form_is_exact():
    # job to completion, work a whole number of intervals, exponential failures (Daly's assumptions)
    m, tau, delta, restart, work = 5.0, 1.0, 0.1, 0.2, 200.0
    r = ops(
        1,
        "h100",
        work_hours=work,
        job_mtbf_hours=m,
        checkpoint_interval_hours=tau,
        checkpoint_write_hours=delta,
        restart_hours=restart,
        trials=20_000,
        seed=3,
    )
    expected = float(expected_wall_hours(work, tau, delta, restart, m))
    assert r.analytic["wall_time_hours"] == pytest.approx(expected)
    lo, hi = r.simulated["wall_time_hours"]["ci95"]
    half = (hi - lo) / 2
    assert abs(r.simulated["wall_time_hours"]["mean"] - expected) < 2.5 * half  # 2.5 x the 95 % half-width
    assert r.simulated["goodput"]["mean"] == pytest.approx(work / expected, rel=0.005)


def test_not_losing_work_raises_goodput():
    kw = dict(days=10, job_mtbf_hours=3.0, checkpoint_write_hours=0.1, restart_hours=0.1, trials=500, seed=4)
    lose = ops(100, "h100", **kw).simulated["goodput"]["mean"]
    keep = ops(100, "h100", lose_work=False, **kw).simulated["goodput"]["mean"]
    assert keep > lose


@pytest.mark.parametrize(("dist", "shape"), [("weibull", 0.7), ("lognormal", 1.2)])
def test_mean_matched_distributions_keep_the_interruption_rate(dist, shape):
    # a renewal process with mean time M between interruptions has W / M of them over a long window (renewal
    # theorem); with 2,000 trials of ~720 each the mean's standard error is < 1 %, and the window's edge adds
    # well under one interruption: 3 % covers both
    r = ops(
        100,
        "h100",
        days=60,
        job_mtbf_hours=2.0,
        checkpoint_write_hours=0.05,
        restart_hours=0.1,
        trials=2000,
        seed=6,
        distribution=dist,
        shape=shape,
    )
    assert r.simulated["interruptions"]["mean"] == pytest.approx(60 * 24 / 2.0, rel=0.03)
    assert r.as_json()["distribution"] == dist


def test_add_trials_until_the_interval_is_tight():
    r = ops(
        1_000,
        "h100",
        days=10,
        job_mtbf_hours=2.0,
        checkpoint_write_hours=0.05,
        restart_hours=0.1,
        ci_target=0.001,
        seed=7,
    )
    lo, hi = r.simulated["goodput"]["ci95"]
    assert (hi - lo) / 2 <= 0.001
    assert r.trials > 100


def test_effective_flop():
    r = ops(16_384, "h100", days=54, trials=0)
    peak = 16_384 * 989e12
    assert r.analytic["effective_flop"] == pytest.approx(r.analytic["goodput"] * 54 * 24 * 3600 * peak * 0.552)


def test_same_seed_same_numbers():
    a = ops(10_000, "gb200", days=20, trials=300, seed=5).as_json()
    b = ops(10_000, "gb200", days=20, trials=300, seed=5).as_json()
    assert a == b


def test_ops_cli(capsys):
    from gigawatt.cli import main

    assert (
        main(
            ["ops", "--accelerators", "400000", "--accelerator", "gb200", "--days", "100", "--trials", "200", "--json"]
        )
        == 0
    )
    d = json.loads(capsys.readouterr()[0])
    for key in (
        "mtti_hours",
        "interruptions",
        "checkpoint_interval_minutes",
        "goodput",
        "wall_time_hours",
        "effective_flop",
    ):
        assert key in d
    for key in ("interruptions", "goodput", "wall_time_hours", "effective_flop"):
        assert len(d[f"{key}_ci95"]) == 2
    assert main(["ops", "--job-mtbf", "24h", "--checkpoint-write", "5min", "--json"]) == 0
    d = json.loads(capsys.readouterr()[0])
    assert d["daly_interval_minutes"] == pytest.approx(116.7, abs=0.1)
    assert main(["ops", "--accelerators", "16384", "--days", "54"]) == 0
    assert "goodput" in capsys.readouterr()[0]


def test_ops_out_writes_the_breakdown(capsys, tmp_path):
    from gigawatt.cli import main

    assert main(["ops", "--accelerators", "16384", "--trials", "200", "--out", str(tmp_path / "o"), "--json"]) == 0
    assert {p.name for p in (tmp_path / "o").iterdir()} == {"ops.json", "ops_breakdown.png"}
    assert (tmp_path / "o" / "ops_breakdown.png").read_bytes()[:4] == b"\x89PNG"
    capsys.readouterr()
    assert main(["ops", "--accelerators", "16384", "--out", str(tmp_path / "p")]) == 2
    assert "add --trials" in capsys.readouterr()[1]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["ops", "--days", "54"], "--accelerators N"),
        (["ops", "--accelerators", "100", "--checkpoint-write", "-5min"], "expected a duration >= 0"),
        (["ops", "--accelerators", "100", "--job-mtbf", "5 MW"], "is a power, not a duration"),
        (["ops", "--accelerators", "100", "--accelerator", "h900"], "unknown accelerator 'h900'"),
        (["ops", "--accelerators", "100", "--checkpoint-size", "1 TB"], "together"),
        (["ops", "--accelerators", "100", "--mfu", "1.5"], "0 < MFU <= 1"),
        (["ops", "--accelerators", "0"], "expected a whole number >= 1"),
        (["ops", "--accelerators", "10", "--trials", "5", "--distribution", "weibull"], "needs a shape > 0"),
        (["ops", "--accelerators", "10", "--distribution", "gamma"], "expected one of: exponential, weibull"),
    ],
)
def test_ops_bad_input(capsys, args, needle):
    from gigawatt.cli import main

    assert main(args) == 2
    err = capsys.readouterr()[1]
    assert needle in err and "Traceback" not in err

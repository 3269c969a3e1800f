"""Reliability: Young/Daly against Daly's worked examples, the Llama 3 calibration, Poisson counts, and the
analytic goodput against the simulation where the closed form is exact."""

import json
import math

import numpy as np
import pytest

from gigawatt.engine.operations import (
    LLAMA3_INTERRUPTIONS,
    OpsConfig,
    daly_interval,
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
    # Young (RL22) by hand: 2 x (5/60 h) x 24 h = 4 h^2, whose root is 2 h; float rounding only
    assert young_interval(5 / 60, 24.0) == pytest.approx(2.0, rel=1e-12)
    assert daly_interval(3.0, 1.0) == 1.0  # delta >= 2M: checkpoint every M (RL23)


def test_llama3_calibration():
    rates = rates_per_accelerator_hour()
    # the root causes of RL06 add up to the paper's 419 unexpected interruptions (RL03)
    assert LLAMA3_INTERRUPTIONS == 419
    # the job's mean time to interruption on 16,384 GPUs is ~3.1 h (RL09, given to 0.1 h: half a step is 0.05 h)
    assert job_mtti_hours(16_384, sum(rates.values())) == pytest.approx(3.1, abs=0.05)
    # per GPU-hour, by hand: 16,384 GPUs x 54 d x 24 h = 21,233,664 GPU-hours; HBM3 72 / 21,233,664 = 3.39084e-6;
    # GPU (faulty 148 + SRAM 19 + system processor 17 + thermal 6 = 190) / 21,233,664 = 8.94806e-6
    # (six significant figures written out: rel 1e-5)
    assert rates["hbm"] == pytest.approx(3.39084e-6, rel=1e-5)
    assert rates["gpu"] == pytest.approx(8.94806e-6, rel=1e-5)
    # RL10: the faulty-GPU cause alone (148 of the GPU group's 190) is 6.1 % per GPU-year (given to 0.1 %)
    assert rates["gpu"] * 148 / 190 * 8760 == pytest.approx(0.061, abs=0.0005)


def test_llama3_setting_reproduces_count_and_effective_training_time():
    # checkpoint write from the paper's storage: up to 4 GB of state per GPU x 16,384 at 2 TB/s sustained (RL11)
    write_h = 16_384 * 4e9 / 2e12 / 3600
    r = ops(
        OpsConfig(16_384, "h100", days=54, checkpoint_write_hours=write_h, restart_hours=3 / 60, trials=2000, seed=1)
    )
    sim = r.simulated["interruptions"]
    # Poisson(419): the mean of 2,000 counts has standard error sqrt(419 / 2000) = 0.46; 4 SE
    assert sim["mean"] == pytest.approx(419, abs=4 * math.sqrt(419 / 2000) + 0.5)
    # the analytic goodput by hand from Daly's closed form (RL23): M = 54 d x 24 h / 419 = 3.0931 h, write
    # delta = 0.0091 h, restart R = 0.05 h, x = delta / 2M, tau = sqrt(2 delta M)(1 + sqrt(x)/3 + x/9) - delta
    # = 13.876 min, goodput = tau / (M e^(R/M) (e^((tau + delta)/M) - 1)) = 0.910396 (float rounding only)
    m, delta, restart = 54 * 24 / 419, write_h, 3 / 60
    x = delta / (2 * m)
    tau = math.sqrt(2 * delta * m) * (1 + math.sqrt(x) / 3 + x / 9) - delta
    assert r.analytic["daly_interval_minutes"] == pytest.approx(tau * 60, rel=1e-9)
    want = tau / (m * math.exp(restart / m) * math.expm1((tau + delta) / m))
    assert r.analytic["goodput"] == pytest.approx(want, rel=1e-9)
    # effective training time above 90 % (RL08, a one-sided figure), analytic and simulated, and below what the
    # restarts alone leave: 419 x 3 min of 1,296 h is 1.6 %, so at most 0.984, whatever the checkpointing
    assert 0.90 < r.analytic["goodput"] < 1 - 419 * restart / (54 * 24)
    assert 0.90 < r.simulated["goodput"]["mean"] < 1 - 419 * restart / (54 * 24)
    # the simulation's mean against the closed form: per-trial goodput spreads ~0.27 % (P10-P90 0.907-0.914), so
    # the mean of 2,000 trials has a standard error near 0.006 %; 0.1 % allows for the closed form's renewal
    # approximation (a window of 419 interruptions, not an infinite one)
    assert r.simulated["goodput"]["mean"] == pytest.approx(want, rel=1e-3)


def test_interruption_counts_are_poisson():
    r = ops(
        OpsConfig(
            1_000,
            "h100",
            days=30,
            job_mtbf_hours=2.0,
            checkpoint_write_hours=0.05,
            restart_hours=0.1,
            trials=4000,
            seed=2,
        )
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
        OpsConfig(
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
    )
    # Daly (2006) eq. 13 by hand: W / tau x M e^(R/M) (e^((tau + delta)/M) - 1)
    #   = 200 x 5 x e^0.04 x (e^0.22 - 1) = 1000 x 1.0408108 x 0.2460767 = 256.1193 h (7 figures: rel 1e-6)
    expected = 256.1193
    assert r.analytic["wall_time_hours"] == pytest.approx(expected, rel=1e-6)
    lo, hi = r.simulated["wall_time_hours"]["ci95"]
    half = (hi - lo) / 2
    assert abs(r.simulated["wall_time_hours"]["mean"] - expected) < 2.5 * half  # 2.5 x the 95 % half-width
    assert r.simulated["goodput"]["mean"] == pytest.approx(work / expected, rel=0.005)


def test_not_losing_work_raises_goodput():
    kw = dict(days=10, job_mtbf_hours=3.0, checkpoint_write_hours=0.1, restart_hours=0.1, trials=500, seed=4)
    lose = ops(OpsConfig(100, "h100", **kw)).simulated["goodput"]["mean"]
    keep = ops(OpsConfig(100, "h100", lose_work=False, **kw)).simulated["goodput"]["mean"]
    assert keep > lose


@pytest.mark.parametrize(("dist", "shape"), [("weibull", 0.7), ("lognormal", 1.2)])
def test_mean_matched_distributions_keep_the_interruption_rate(dist, shape):
    # a renewal process with mean time M between interruptions has W / M of them over a long window (renewal
    # theorem); with 2,000 trials of ~720 each the mean's standard error is < 1 %, and the window's edge adds
    # well under one interruption: 3 % covers both
    r = ops(
        OpsConfig(
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
    )
    assert r.simulated["interruptions"]["mean"] == pytest.approx(60 * 24 / 2.0, rel=0.03)
    assert r.as_json()["distribution"] == dist


def test_add_trials_until_the_interval_is_tight():
    r = ops(
        OpsConfig(
            1_000,
            "h100",
            days=10,
            job_mtbf_hours=2.0,
            checkpoint_write_hours=0.05,
            restart_hours=0.1,
            ci_target=0.001,
            seed=7,
        )
    )
    lo, hi = r.simulated["goodput"]["ci95"]
    assert (hi - lo) / 2 <= 0.001
    assert r.trials > 100


def test_effective_flop():
    # no checkpoint cost and no restart: nothing is lost, so the job does 54 d of work at MFU 0.552 (RL16):
    # 16,384 x 989e12 FLOP/s (HW02) x 0.552 x 4,665,600 s = 4.173139e25 FLOP (7 figures written out: rel 1e-6)
    free = ops(OpsConfig(16_384, "h100", days=54, checkpoint_write_hours=0.0, restart_hours=0.0, trials=0))
    assert free.analytic["goodput"] == 1.0
    assert free.analytic["effective_flop"] == pytest.approx(4.173139e25, rel=1e-6)
    # continuous checkpointing with a 10 min restart: goodput exp(-R/M) (Daly's limit as delta -> 0), with
    # M = 1,296 h / 419 = 3.093079 h: exp(-0.1666667 / 3.093079) = exp(-0.0538836) = 0.9475423
    restart = ops(OpsConfig(16_384, "h100", days=54, checkpoint_write_hours=0.0, restart_hours=10 / 60, trials=0))
    assert restart.analytic["goodput"] == pytest.approx(0.9475423, rel=1e-6)
    assert restart.analytic["effective_flop"] == pytest.approx(0.9475423 * 4.173139e25, rel=2e-6)  # two 7-figure


def test_same_seed_same_numbers():
    a = ops(OpsConfig(10_000, "gb200", days=20, trials=300, seed=5)).as_json()
    b = ops(OpsConfig(10_000, "gb200", days=20, trials=300, seed=5)).as_json()
    assert a == b


def test_ops_cli(capsys):
    from gigawatt.cli.core import main

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
    from gigawatt.cli.core import main

    assert main(["ops", "--accelerators", "16384", "--trials", "200", "--out", str(tmp_path / "o"), "--json"]) == 0
    # the two outputs, and nothing else but gigawatt's hidden manifest of what it wrote
    assert {p.name for p in (tmp_path / "o").iterdir() if not p.name.startswith(".")} == {
        "ops.json",
        "ops_breakdown.png",
    }
    assert {p.name for p in (tmp_path / "o").iterdir() if p.name.startswith(".")} <= {".gigawatt-manifest.json"}
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
    from gigawatt.cli.core import main

    assert main(args) == 2
    err = capsys.readouterr()[1]
    assert needle in err and "Traceback" not in err


# ------------------------------------------------------------------------- servers, standbys, spares, repairs

from gigawatt.engine.operations import Capacity, simulate_capacity  # noqa: E402


def _cap(capacity, trials=2000, seed=8, mtti=3.0, window=30 * 24.0):
    return simulate_capacity(16_384, mtti, capacity, 0.5, 0.05, 0.1, window, trials, seed)


def test_capacity_reduces_to_the_plain_job_with_instant_replacements():
    # plenty of warm standbys and no waiting: the same process as the plain model, so Daly's goodput
    r = _cap(Capacity(warm_standbys=10**6))
    # Daly's steady goodput by hand (tau 0.5 h, delta 0.05 h, R 0.1 h, M 3 h):
    #   tau / (M e^(R/M) (e^((tau + delta)/M) - 1)) = 0.5 / (3 x 1.0338951 x 0.2012150) = 0.5 / 0.6241054 = 0.80115
    assert r["goodput"]["mean"] == pytest.approx(0.80115, rel=0.01)  # ~1 % covers the window's edge and noise
    assert r["waiting_for_servers_hours"]["mean"] == 0.0


def test_without_standbys_every_interruption_waits_for_its_repair():
    r = _cap(Capacity(repair_auto=4.0), trials=300)
    k = r["interruptions"]["mean"]
    per = r["waiting_for_servers_hours"]["mean"] / k
    # one server in repair at a time: every wait is the full 4 h repair, except at most the last of each trial,
    # which the window may cut short: 4 (k - 1) <= waiting per trial <= 4 k, so 4 (1 - 1/k) <= per <= 4
    assert 4.0 * (1 - 1 / k) - 1e-9 <= per <= 4.0 + 1e-9


def test_spares_wait_their_delay():
    r = _cap(Capacity(spares=10**6, spare_delay=0.5, repair_auto=1e5), trials=300)  # repairs outlast the window
    k = r["interruptions"]["mean"]
    per = r["waiting_for_servers_hours"]["mean"] / k
    # every wait is the 0.5 h spare delay, except at most the last of each trial, cut by the window (as above)
    assert 0.5 * (1 - 1 / k) - 1e-9 <= per <= 0.5 + 1e-9


def test_escalation_adds_manual_repairs_on_average():
    r = _cap(Capacity(repair_auto=1.0, repair_manual=10.0, escalation=0.25), trials=2000)
    per = r["waiting_for_servers_hours"]["mean"] / r["interruptions"]["mean"]
    # each wait is 1 h or 11 h with probability 0.25: mean 3.5 h; ~200 interruptions x 2000 trials give a
    # standard error of 4.3 h * sqrt(1 / 4e5) = 0.007 h: 0.05 h is 7 SE
    assert per == pytest.approx(3.5, abs=0.05)


def test_false_successes_bring_more_interruptions():
    # a false repair leaves a bad server bad (a real one fixes it): with 20 % of servers 20 times as bad, false
    # repairs keep the bad ones failing (tests/test_ops_options.py works the one-server cases by hand)
    kw = dict(warm_standbys=64, repair_auto=1.0, bad_fraction=0.2, bad_multiplier=20.0)
    base = _cap(Capacity(**kw), trials=400)
    worse = _cap(Capacity(false_success=0.5, **kw), trials=400)
    # each of ~410 bad servers fails about 0.5 times in the window, so only part of them is ever repaired: a
    # few per cent more. The means of 400 counts of ~200 have standard errors ~0.7: 3 % (6 counts) is > 6 SE
    assert worse["interruptions"]["mean"] > 1.03 * base["interruptions"]["mean"]


def test_bad_subpopulation_keeps_the_calibrated_average_at_the_start():
    # the calibrated rate is the fleet average: with 5 % of servers 10 times as bad, the first interruptions
    # come at the average rate; over a short window (1 day, few replacements) the count matches W / M
    r = _cap(Capacity(warm_standbys=10**6, bad_fraction=0.05, bad_multiplier=10.0), trials=4000, window=24.0)
    assert r["interruptions"]["mean"] == pytest.approx(24.0 / 3.0 * 0.93, rel=0.08)


def test_cause_multipliers_scale_the_rate():
    base = ops(OpsConfig(16_384, "h100", days=54))
    double = ops(OpsConfig(16_384, "h100", days=54, cause_multipliers={c: 2.0 for c in base.rate_by_cause}))
    # 1,296 h / 419 = 3.093079 h, halved: 1.546539 h (7 figures written out: rel 1e-6)
    assert base.mtti_hours == pytest.approx(3.093079, rel=1e-6)
    assert double.mtti_hours == pytest.approx(1.546539, rel=1e-6)
    hbm = ops(OpsConfig(16_384, "h100", days=54, cause_multipliers={"hbm": 0.0}))
    assert hbm.mtti_hours == pytest.approx(1296 / 347, rel=1e-12)  # without HBM3's 72: 419 - 72 = 347 in 1,296 h
    with pytest.raises(Exception, match="unknown cause 'psu'"):
        ops(OpsConfig(16_384, "h100", cause_multipliers={"psu": 2.0}))


def test_ops_config_file(capsys, tmp_path):
    from gigawatt.cli.core import main

    cfg = tmp_path / "cluster.yaml"
    cfg.write_text(
        "accelerators: 20000\naccelerator: gb200\ndays: 10\ntrials: 50\n"
        "capacity: {warm_standbys: 4, repair_auto: 2 h, spares: 2, spare_delay: 30 min}\n"
    )
    assert main(["ops", "--config", str(cfg), "--json"]) == 0
    d = json.loads(capsys.readouterr()[0])
    assert d["accelerators"] == 20_000 and d["accelerator"] == "gb200" and d["trials"] == 50
    assert "waiting_for_servers_hours" in d["simulated"]
    # flags override the file
    assert main(["ops", "--config", str(cfg), "--accelerators", "1000", "--json"]) == 0
    assert json.loads(capsys.readouterr()[0])["accelerators"] == 1000
    cfg.write_text("accelerators: 100\ncapacity: {standbys: 3}\n")
    assert main(["ops", "--config", str(cfg)]) == 2
    assert "unknown field(s) standbys" in capsys.readouterr()[1]
    cfg.write_text("acelerators: 100\n")
    assert main(["ops", "--config", str(cfg)]) == 2
    assert "unknown field(s) acelerators" in capsys.readouterr()[1]
    cfg.write_text("accelerators: 100\ncapacity: {escalation: 2}\ntrials: 10\n")
    assert main(["ops", "--config", str(cfg)]) == 2
    assert "capacity.escalation: 2.0; expected a probability" in capsys.readouterr()[1]


# ------------------------------------------------------------------- the largest training run, in gigawatt run


def _brute_force_largest(n_max, flops, window_h, delta, restart, mfu, rate):
    """An independent search: every job size on a fine log grid, Daly's interval and goodput written out."""
    best = (0.0, 0)
    for n in sorted({max(1, int(x)) for x in np.logspace(0, math.log10(n_max), 20_000)}):
        m = 1.0 / (n * rate)
        x = delta / (2 * m)
        tau = math.sqrt(2 * delta * m) * (1 + math.sqrt(x) / 3 + x / 9) - delta if delta < 2 * m else m
        g = tau / (m * math.exp(restart / m) * math.expm1((tau + delta) / m))
        best = max(best, (n * flops * mfu * g * window_h * 3600, n))
    return best


@pytest.mark.parametrize(("n_max", "restart_min"), [(16_384, 3.0), (3_700_000, 3.0), (3_700_000, 10.0)])
def test_largest_run_against_a_brute_force_search(n_max, restart_min):
    from gigawatt.model.checkpointing import LLAMA3_RATE, largest_run

    flop, n = largest_run(np.array([n_max]), np.array([2500e12]), 90 * 24.0, 0.55 / 60, restart_min / 60, 0.552, 1.0)
    want_flop, want_n = _brute_force_largest(n_max, 2500e12, 90 * 24.0, 0.55 / 60, restart_min / 60, 0.552, LLAMA3_RATE)
    # the 241-point grid lands within 5 % of the best size, where the curve is flat: FLOP within 0.5 %
    assert flop[0] == pytest.approx(want_flop, rel=0.005)
    assert n[0] == pytest.approx(want_n, rel=0.05)


def test_largest_run_in_the_run_metrics():
    import gigawatt as gw
    from toy_scenarios import toy

    m = gw.simulate(gw.load_scenario(toy())).metrics
    # 62,745 H100 is below the size where interruptions win: the whole fleet is the best job
    assert m["largest_run_accelerators_end"] == 62_745
    # by hand, with the defaults (delta 0.55 min, R 3 min, MFU 0.552, 90 days): lambda = 419 / 21,233,664 per GPU-h,
    # M = 1 / (62,745 lambda) = 0.807666 h; x = delta / 2M = 0.00567479; Daly's tau = sqrt(2 delta M)
    # (1 + sqrt(x)/3 + x/9) - delta = 0.1156505 h; goodput = tau / (M e^(R/M) (e^((tau + delta)/M) - 1)) = 0.805373;
    # FLOP = 62,745 x 989e12 x 0.552 x 0.805373 x 7,776,000 s = 2.14520e26 (6 figures: rel 1e-5)
    assert m["largest_run_flop_end"] == pytest.approx(2.14520e26, rel=1e-5)
    slower = gw.simulate(gw.load_scenario(toy(**{"training.restart_minutes": 30}))).metrics
    assert slower["largest_run_flop_end"] < m["largest_run_flop_end"]
    half = gw.simulate(gw.load_scenario(toy(**{"training.max_share": 0.5}))).metrics
    assert half["largest_run_accelerators_end"] == pytest.approx(62_745 / 2, abs=1)


def test_largest_run_by_year_ends_with_the_metric():
    import gigawatt as gw

    r = gw.simulate(gw.load_scenario("stargate"))
    assert r.yearly["largest_run_flop"].iloc[-1] == pytest.approx(r.metrics["largest_run_flop_end"], rel=1e-12)
    # the single largest job stops growing once the fleet passes the size where interruptions win (~0.7 M GB200
    # with Llama 3's rates): 2026 to 2029 carry the same run although the fleet grows fivefold
    assert r.yearly["largest_run_flop"].iloc[-1] == pytest.approx(r.yearly["largest_run_flop"].loc[2026], rel=0.01)

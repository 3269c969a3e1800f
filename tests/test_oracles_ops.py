"""Hand-worked oracles for the job simulation and the closed forms, written against mutants that survived the suite
(docs/testing.md). With no failures (a job MTBF of 1e15 hours: the chance of one in a day is 2.4e-14) every trial
is the same deterministic schedule of segments and checkpoints, worked out below by hand."""

import pytest

from gigawatt.engine.operations import OpsConfig, ops

NO_FAILURES = 1e15  # hours between interruptions of the whole job


def simulated(**kw):
    r = ops(OpsConfig(1024, job_mtbf_hours=NO_FAILURES, trials=3, seed=1, **kw))
    return {k: v["mean"] for k, v in r.simulated.items() if isinstance(v, dict) and "mean" in v}


def test_a_job_to_completion_without_failures():
    # 10 h of work, checkpoint every 3 h, each write 0.5 h: segments 3, 3, 3, 1, each followed by a checkpoint:
    # wall 10 + 4 x 0.5 = 12 h, all of the work useful
    s = simulated(work_hours=10.0, checkpoint_interval_hours=3.0, checkpoint_write_hours=0.5, restart_hours=0.25)
    assert s["wall_time_hours"] == pytest.approx(12.0, rel=1e-12)  # sums of a few exact binary fractions
    assert s["goodput"] == pytest.approx(10.0 / 12.0, rel=1e-12)
    assert s["checkpoint_hours"] == pytest.approx(2.0, rel=1e-12)
    assert s["interruptions"] == 0 and s["lost_work_hours"] == 0 and s["restart_hours"] == 0


def test_a_window_without_failures():
    # a 1-day window, checkpoint every 3 h, writes of 0.5 h: six 3.5-h segments end at 21 h; the seventh would end
    # at 24.5 h, so the window closes in it and its 3 h of work, never checkpointed, do not count
    s = simulated(days=1.0, checkpoint_interval_hours=3.0, checkpoint_write_hours=0.5, restart_hours=0.25)
    assert s["wall_time_hours"] == pytest.approx(24.0, rel=1e-12)
    assert s["goodput"] == pytest.approx(18.0 / 24.0, rel=1e-12)
    assert s["checkpoint_hours"] == pytest.approx(3.0, rel=1e-12)
    assert s["interruptions"] == 0


def test_a_window_that_ends_with_a_checkpoint():
    # 3.5-h segments in a 21-h window: exactly six, the last checkpoint finishing as the window closes
    s = simulated(days=21.0 / 24.0, checkpoint_interval_hours=3.0, checkpoint_write_hours=0.5, restart_hours=0.25)
    assert s["wall_time_hours"] == pytest.approx(21.0, rel=1e-12)
    assert s["goodput"] == pytest.approx(18.0 / 21.0, rel=1e-12)


def test_the_closed_forms_without_failures():
    # Daly's goodput tau / (M e^(R/M) (e^((tau + delta)/M) - 1)) tends to tau / (tau + delta) as M -> infinity: only
    # the checkpoints cost. With M = 1e15 h the corrections are of order (tau + delta) / M ~ 1e-15, hence 1e-9
    window = ops(
        OpsConfig(1024, days=1.0, job_mtbf_hours=NO_FAILURES, checkpoint_interval_hours=3.0, checkpoint_write_hours=0.5)
    )
    assert window.analytic["goodput"] == pytest.approx(3.0 / 3.5, rel=1e-9)
    job = ops(
        OpsConfig(
            1024,
            work_hours=10.0,
            job_mtbf_hours=NO_FAILURES,
            checkpoint_interval_hours=3.0,
            checkpoint_write_hours=0.5,
        )
    )
    # wall time of 10 h of work at that rate: 10 x 3.5 / 3 (the closed form counts the last, partial segment's
    # checkpoint pro rata, unlike the simulation above)
    assert job.analytic["wall_time_hours"] == pytest.approx(10.0 * 3.5 / 3.0, rel=1e-9)
    assert job.analytic["interruptions"] == pytest.approx(0.0, abs=1e-12)  # 11.7 h / 1e15 h


def test_dalys_interval_is_the_mtti_once_the_write_takes_two_mttis():
    from gigawatt.model.checkpointing import daly_interval

    # Daly (2006): for delta >= 2M the optimum is tau = M (his higher-order formula holds only below that)
    assert daly_interval(25.0, 10.0) == 10.0
    assert daly_interval(20.0, 10.0) == 10.0
    # just below: the formula, sqrt(2 delta M) (1 + sqrt(x) / 3 + x / 9) - delta with x = delta / 2M = 0.5 / 0.5 = 1
    # for delta = 1, M = 0.5: sqrt(1) (1 + 1/3 + 1/9) - 1 = 4/9 (exact to rounding)
    assert daly_interval(0.999999, 0.5) == pytest.approx(4.0 / 9.0, rel=1e-5)


def test_a_window_shorter_than_one_segment_does_no_work():
    # checkpoint every 30 h in a 1-day window: the first checkpoint would end at 30.5 h, so nothing is ever saved
    s = simulated(days=1.0, checkpoint_interval_hours=30.0, checkpoint_write_hours=0.5, restart_hours=0.25)
    assert s["wall_time_hours"] == 24.0
    assert s["goodput"] == 0.0 and s["checkpoint_hours"] == 0.0


def test_failures_keep_coming_in_a_window_that_never_checkpoints():
    # job MTBF 0.01 h over a 1-hour window, checkpoints every 10 h (never reached), no restart time: the job is
    # interrupted at rate 1/M the whole hour, 100 times on average (Poisson; the mean of 3 trials has a standard
    # deviation of sqrt(100 / 3) = 5.8, so 70 ... 130 is five of them)
    r = ops(
        OpsConfig(
            1024,
            days=1 / 24,
            job_mtbf_hours=0.01,
            checkpoint_interval_hours=10.0,
            checkpoint_write_hours=0.1,
            restart_hours=0.0,
            trials=3,
            seed=1,
        )
    )
    assert 70 < r.simulated["interruptions"]["mean"] < 130
    assert r.simulated["goodput"]["mean"] == 0.0


def test_a_job_longer_than_the_longest_window_is_stopped_there():
    # 800,000 h of work with 5-h segments (4 h of work + a 1-h checkpoint) and no failures would take 1,000,000 h;
    # the longest window, 100 years = 876,600 h (limits.OPS_MAX_DAYS), holds exactly 175,320 segments, so the job
    # stops there, unfinished, after 701,280 h of work, in every trial (sums of whole hours: exact)
    s = simulated(work_hours=800_000.0, checkpoint_interval_hours=4.0, checkpoint_write_hours=1.0, restart_hours=0.25)
    assert s["wall_time_hours"] == 876_600.0
    assert s["goodput"] == pytest.approx(0.8, rel=1e-12)
    assert s["stopped_at_window"] == 1.0


def test_the_defaults_are_the_scenario_training_rows():
    # one set of defaults: ops reads the rows of data/defaults.csv that the scenario's training block reads (read
    # here with the csv module, not through the package), and the write row is Llama 3's storage by hand:
    # 16,384 GPUs x 4 GB / 2 TB/s = 32.768 s = 0.546 min, given to two figures as 0.55 (RL11)
    import csv
    from importlib.resources import files

    with files("gigawatt.data").joinpath("defaults.csv").open(encoding="utf-8") as f:
        rows = {row["parameter"]: row for row in csv.DictReader(f)}
    write, restart = rows["training.checkpoint_write_minutes"], rows["training.restart_minutes"]
    assert float(write["value"]) == pytest.approx(16_384 * 4e9 / 2e12 / 60, abs=0.005)  # rounded to 0.01 min
    r = ops(OpsConfig(16_384))
    assert r.checkpoint_write_minutes == pytest.approx(float(write["value"]), rel=1e-12)  # / 60 and back
    assert r.restart_minutes == pytest.approx(float(restart["value"]), rel=1e-12)
    assert r.mfu == float(rows["training.mfu"]["value"])
    # and each says where it came from: the row and its facts ids
    assert "training.checkpoint_write_minutes" in r.checkpoint_write_source and "RL11" in r.checkpoint_write_source
    assert "training.restart_minutes" in r.restart_source and "RL08" in r.restart_source
    given = ops(OpsConfig(16_384, checkpoint_write_hours=0.1, restart_hours=0.2))
    assert given.checkpoint_write_source == "given" and given.restart_source == "given"


def test_a_given_job_mtbf_sets_the_per_accelerator_rates():
    # a 24-h job MTBF on 1,000 accelerators is 1 / 24,000 interruptions per accelerator-hour, split by cause as
    # Llama 3's were (GPU 190 of 419)
    r = ops(OpsConfig(1000, job_mtbf_hours=24.0))
    assert sum(r.rate_by_cause.values()) == pytest.approx(1 / 24_000, rel=1e-12)
    assert r.rate_by_cause["gpu"] == pytest.approx(190 / 419 / 24_000, rel=1e-12)


def test_no_events_allowed_is_refused():
    from gigawatt.errors import GigawattError

    with pytest.raises(GigawattError, match="max-events"):
        ops(OpsConfig(1000, trials=10, max_events=0))


def test_a_window_shorter_than_one_write_keeps_a_positive_interval():
    # a 1-h window and 2-h checkpoint writes: no interval fits in the window, so it is not capped at
    # window - write (which would be -1 h); Daly's interval (positive) stands
    r = ops(OpsConfig(1000, days=1 / 24, checkpoint_write_hours=2.0, job_mtbf_hours=NO_FAILURES))
    assert r.checkpoint_interval_minutes > 0
    assert r.interval_rule == "daly"


def test_probabilities_of_one_are_allowed_in_the_cluster_model():
    from gigawatt.engine.operations import Capacity

    # every repair escalates, every repair only seems to succeed, every server is bad: legal extremes (p = 1)
    Capacity(escalation=1.0, false_success=1.0, bad_fraction=1.0).check()

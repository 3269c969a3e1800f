"""The work estimate on shapes worked by hand (issue 20, "work sized honestly at the extremes"): array sizes times
8 bytes, written out, so that a change to what a trial holds, or to the estimate, has to be made here too. How the
estimate compares with measured peak memory and time is benchmarks/work_sizing.py's job (docs/limits.md)."""

import copy

import pytest

import gigawatt as gw
from gigawatt import limits
from gigawatt.engine import work
from gigawatt.engine.inputs import SERIES
from gigawatt.engine.montecarlo import plan_risk
from gigawatt.engine.sketch import Sketch
from toy_scenarios import BASE

MiB = 2**20


def shape(phases: int, months: int, accelerator_choice: bool = False):
    """The toy scenario with ``phases`` phases over ``months`` months and one uncertain input (utilization), and an
    uncertain accelerator choice on the first phase if asked."""
    tree = copy.deepcopy(BASE)
    tree["programme"]["horizon_months"] = months
    hall = tree["sites"][0]["phases"][0]
    tree["sites"][0]["phases"] = [dict(hall, name=f"p{i}") for i in range(phases)]
    tree["operations"]["utilization"] = {"dist": "uniform", "low": 0.5, "high": 0.9}
    if accelerator_choice:
        tree["sites"][0]["phases"][0]["accelerator"] = {"dist": "choice", "values": ["h100", "b200"]}
        tree["accelerator_overrides"]["b200"] = {"price_usd": 40_000}
    return gw.load_scenario(tree)


def test_a_trial_in_flight_by_hand():
    assert len(SERIES) == 26  # the series of a month; if this changes, so do the sums below
    # 3 phases, 24 months, 1 uncertain input: series 24 x 26 = 624 words, start months 3, per-phase inputs made
    # per trial 3 x min(10, 3 x 1) = 9, money by month 3 x 24 = 72, the rest 64: 772 words = 6,176 bytes
    assert work.trial_bytes(shape(3, 24)) == 8 * (624 + 3 + 9 + 72 + 64) == 6_176
    # with risk's aggregation row of 166 cells: 24 metrics + 5 fan series x 24 months + 2 years x 11 = 166
    assert work.trial_bytes(shape(3, 24), cells=166) == 8 * (772 + 166)
    # an uncertain accelerator choice: the type of every order by month and phase, 24 x 3 = 72 words more, and
    # 2 uncertain inputs make 3 x 2 = 6 per-phase arrays per trial (3 more words each of 3 phases: 9)
    assert work.trial_bytes(shape(3, 24, accelerator_choice=True)) == 8 * (624 + 3 + 18 + 72 + 72 + 64)


def test_the_loop_state_by_hand(monkeypatch):
    monkeypatch.setattr(work, "threads", lambda: 2)
    # two (T, P) tables and 20 words a phase, for each of 2 threads and the first trial: 3 x 8 x (2 x 24 x 3 + 60)
    assert work.state_bytes(shape(3, 24)) == 3 * 8 * (144 + 60) == 4_896


def test_the_sketch_by_hand():
    # 8,291 buckets a cell (0.5 % from 1e-6 to 1e30): 17 pages of 4 KiB per array row; 2 of them touched per cell
    # and array (counts, minima, maxima), plus 4 words of bookkeeping a cell
    assert Sketch(0).nb == 8_291
    assert work.sketch_bytes(100, 8_291, 10_000) == 3 * 100 * 2 * 4096 + 32 * 100 == 2_460_800
    # one trial reaches one bucket of each cell: one page
    assert work.sketch_bytes(100, 8_291, 1) == 3 * 100 * 1 * 4096 + 3_200


def test_risk_plan_by_hand(monkeypatch):
    monkeypatch.setattr(work, "threads", lambda: 2)
    s = shape(3, 24)
    plan = plan_risk(s, 2_000)
    # 2,000 trials fit one chunk of 2,048: all in flight once; each 8 x (772 + 166) bytes
    assert plan.chunk_trials == 2_048
    in_flight = 2_000 * 8 * (772 + 166)
    sketch = 3 * 166 * 2 * 4096 + 32 * 166
    kept = 3 * 8 * 2_000 * 24  # every trial's 24 metrics, kept, joined and sorted: 3 copies
    assert plan.bytes == work.BASE_BYTES + 4_896 + in_flight + sketch + kept
    # beyond one chunk, two are in flight (the loop runs one while the other is aggregated); beyond 200,000 trials
    # the metrics are no longer kept, so memory stops growing with trials
    assert plan_risk(s, 10_000).bytes == work.BASE_BYTES + 4_896 + 2 * 2_048 * 8 * 938 + sketch + 3 * 8 * 10_000 * 24
    assert plan_risk(s, 10**9).bytes == plan_risk(s, 10**6).bytes == work.BASE_BYTES + 4_896 + 4_096 * 8 * 938 + sketch


def test_the_largest_legal_scenario_is_sized_below_a_gibibyte(monkeypatch):
    # issue 20: 1,000 phases over 600 months at 2,000 trials was refused as needing 15.5 GiB; it peaks at about
    # 0.6 GiB (benchmarks/work_sizing.py). By hand: 1,024 trials a chunk (256 MiB / 142 KB a trial, whole blocks),
    # two chunks in flight (the buffers of 2,048 trials), each trial 600 x 26 + 1,000 + 3,000 + 1,800 + 64 words
    # and 3,574 cells: 25,038 words; the state 3 x 8 x (2 x 600 x 1,000 + 20,000); the sketch 3 x 3,574 x 2
    # pages; 3 copies of 24 metrics
    monkeypatch.setattr(work, "threads", lambda: 2)
    s = shape(1_000, 600)
    assert limits.MAX_PHASES == 1_000 and limits.MAX_HORIZON_MONTHS == 600  # the largest legal shape
    plan = plan_risk(s, 2_000)
    assert plan.chunk_trials == 1_024
    by_hand = (
        work.BASE_BYTES
        + 3 * 8 * (2 * 600 * 1_000 + 20_000)
        + 2_048 * 8 * (600 * 26 + 1_000 + 3_000 + 1_800 + 64 + 3_574)
        + 3 * 3_574 * 2 * 4096
        + 32 * 3_574
        + 3 * 8 * 2_000 * 24
    )
    assert plan.bytes == by_hand
    assert plan.bytes < 1024 * MiB  # and so it runs on a machine with 2 GiB or more (half the memory is the limit)


def test_work_is_refused_only_beyond_the_machine(monkeypatch):
    # on a 4-GiB machine the largest legal scenario at 2,000 trials runs; at 2,000,000 trials it is refused for time
    monkeypatch.setattr(work, "memory_bytes", lambda: 4 * 1024 * MiB)
    s = shape(1_000, 600)
    work.check_work(plan_risk(s, 2_000))
    with pytest.raises(work.WorkTooLarge, match="WORK_MAX_SECONDS"):
        work.check_work(plan_risk(s, 2_000_000))

"""The claims ledger's mutation survivors (tools/mutation.py, the claims group), each killed by a hand-worked oracle:
the facts' dates, the ledger format and its cross checks, the evaluation and its track record (issue 16).

Each test says in its comment what it pins down and the number worked by hand; docs/testing.md (Scores) lists the
mutants they kill and the survivors judged equivalent."""

import copy
import datetime as dt

import numpy as np
import pytest
import yaml

from gigawatt import claims as engine
from gigawatt.claims.ledger import Quantity, parse_amount, parse_ledger, read_ledger
from gigawatt.data.facts import latest_date
from gigawatt.errors import GigawattError, ScenarioError
from toy_scenarios import TOY_CLAIM as OUTCOME
from toy_scenarios import rival, toy, toy_comparison

TODAY = dt.date(2026, 12, 6)


def claim(cid="c1", **fields):
    """An outcome claim on the toy scenario (one 100 MW hall, online from 2025-04), with top-level fields replaced
    (None removes one)."""
    c = copy.deepcopy(OUTCOME) | {"id": cid}
    for key, value in fields.items():
        if value is None:
            c.pop(key, None)
        else:
            c[key] = value
    return c


def unmodelled(cid="u1", **fields):
    return claim(cid, kind="unmodelled", check=None, quantity=None, reason="no series says it", **fields)


def weigh(tmp_path, claims, scenario=None, trials=None, seed=0, **kwargs):
    (tmp_path / "toy.yaml").write_text(yaml.safe_dump(scenario or toy()))
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump({"claims": claims}, sort_keys=False))
    ledger, origin = read_ledger(path)
    return engine.evaluate(ledger, origin, trials=trials, seed=seed, base=tmp_path, today=TODAY, **kwargs)


def by_id(report):
    return {c["id"]: c for c in report.claims}


# --- data/facts.py: the latest day a fact's date can mean ---


def test_a_december_month_ends_on_the_31st_of_that_year():
    # December rolls over to January 1 of the next year, less a day: 2024-12 -> 2024-12-31 (not 2025's, not 2024-01)
    assert latest_date("2024-12") == dt.date(2024, 12, 31)
    assert latest_date("2023-11") == dt.date(2023, 11, 30)


# --- claims/ledger.py: counts, fractions, the claimed interval ---


@pytest.mark.parametrize(
    "text, count",
    [
        ("500,000", 500_000.0),  # commas between groups of three
        ("1,234,567.5", 1_234_567.5),
        ("2 thousand", 2_000.0),
        ("5 k", 5_000.0),
        ("3 million", 3_000_000.0),
        ("7 M", 7_000_000.0),  # the word's case does not matter
        ("2 billion", 2_000_000_000.0),
        ("4 bn", 4_000_000_000.0),
        ("1 b", 1_000_000_000.0),
        (12, 12.0),
    ],
)
def test_a_count_in_words_or_with_thousands_separators(text, count):
    assert parse_amount(text, "count") == count


@pytest.mark.parametrize("text", ["5,00", "1,2345", "2 dozen", "lots", True])
def test_a_count_that_is_no_count_is_refused(text):
    with pytest.raises(GigawattError, match="value: "):
        parse_amount(text, "count")


def test_a_fraction_is_a_number_from_0_to_1_and_not_a_yes_or_no():
    assert parse_amount(0, "fraction") == 0.0 and parse_amount(1, "fraction") == 1.0
    assert parse_amount("0.25", "fraction") == 0.25
    for bad in (True, False, 1.01, -0.1, "1.5"):
        with pytest.raises(GigawattError, match="expected a fraction from 0 to 1"):
            parse_amount(bad, "fraction")


def test_about_is_the_value_within_its_band_either_side():
    # about $100B: 10 % either side by default, $90B to $110B; with band 0.25, $75B to $125B
    q = Quantity(comparator="about", value="$100B", unit="USD")
    assert (q.low, q.high, q.band) == (pytest.approx(90e9, rel=1e-12), pytest.approx(110e9, rel=1e-12), 0.1)
    q = Quantity(comparator="about", value="$100B", unit="USD", band=0.25)
    assert (q.low, q.high) == (pytest.approx(75e9, rel=1e-12), pytest.approx(125e9, rel=1e-12))


@pytest.mark.parametrize("band", [0, -0.5, 1])
def test_a_band_is_a_share_strictly_between_0_and_1(band):
    with pytest.raises(Exception, match="band"):
        Quantity(comparator="about", value="$100B", unit="USD", band=band)


@pytest.mark.parametrize(
    "comparator, x, holds",
    [
        ("<", 9, True),
        ("<", 10, False),
        ("<", 11, False),
        ("<=", 9, True),
        ("<=", 10, True),
        ("<=", 11, False),
        ("well under", 9, True),
        ("well under", 10, False),  # "well under 10" is under, not at
        ("well under", 11, False),
        (">", 10, False),
        (">", 11, True),
        (">=", 10, True),
        (">=", 9, False),
        ("=", 10, True),
        ("=", 10.5, False),
        ("=", 9.5, False),
    ],
)
def test_each_comparator_at_below_and_above_its_value(comparator, x, holds):
    q = Quantity(comparator=comparator, value=10, unit="count")
    assert bool(q.holds(x)) is holds
    assert bool(q.holds(np.array([x]))[0]) is holds  # the same on an array of trials


def test_a_range_holds_between_its_bounds_inclusive_and_its_margin_is_the_nearer_bound():
    q = Quantity(comparator="range", low=5, high=10, unit="count")
    assert [bool(q.holds(x)) for x in (4.9, 5, 7, 10, 10.1)] == [False, True, True, True, False]
    # margin: min(x - 5, 10 - x): 6 -> 1 (near the low), 9 -> 1 (near the high), 3 -> -2, 12 -> -2
    assert [q.margin(x) for x in (6, 9, 3, 12)] == [1, 1, -2, -2]
    assert Quantity(comparator="=", value=10, unit="count").margin(7) == -3


# --- claims/ledger.py: where a problem is ---


def test_a_claim_that_is_no_mapping_is_named_by_its_place():
    with pytest.raises(ScenarioError) as exc:
        parse_ledger({"claims": [OUTCOME, "just text"]}, "ledger")
    assert exc.value.problems == [
        "claims[1]: 'just text' is invalid: Input should be a valid dictionary or instance of Claim"
    ]


def test_a_problem_in_a_rival_names_the_claim_and_the_rivals_place():
    c = claim(**toy_comparison(rival("small", 50000), rival("big", 70000, unit="parsecs", facts_id="OS19")))
    with pytest.raises(ScenarioError) as exc:
        parse_ledger({"claims": [c]}, "ledger")
    assert exc.value.problems[0].startswith("claims[c1].comparison.rivals[1].unit: 'parsecs' is invalid: ")


# --- claims/scenarios.py and claims/tally.py: scenarios, references, the Monte Carlo pass ---


def test_an_unknown_scenario_name_without_a_claims_folder_lists_the_valid_ones():
    # a built-in ledger (no folder to resolve a path against): 'stargat' is no file to load but an unknown name
    ledger = parse_ledger({"claims": [claim(scenario="stargat")]}, "ledger")
    with pytest.raises(ScenarioError) as exc:
        engine.evaluate(ledger, "ledger", trials=None, today=TODAY)
    assert exc.value.problems[0].startswith("claims[c1].scenario: unknown scenario 'stargat'; expected one of: ")
    assert "stargate" in exc.value.problems[0]


def test_an_unmodelled_claim_is_weighed_on_no_scenario_even_when_it_names_one(tmp_path):
    got = by_id(weigh(tmp_path, [claim(), unmodelled(scenario="toy.yaml")]))
    assert got["u1"]["scenario"] is None and got["u1"]["scenario_as_of"] is None
    assert got["u1"]["verdict"] == "not modelled" and got["u1"]["verdict_words"] == "Not modelled"
    assert got["c1"]["scenario"] == "toy.yaml"


def input_claim(path):
    return claim(
        "in",
        kind="input",
        check=None,
        quantity={"comparator": ">=", "value": "$500B", "unit": "USD"},
        assumption={"path": path, "set": {"partners[p].pledges[0].secured_usd": "$2B"}},
    )


def test_an_input_path_may_count_from_the_end_but_not_past_either_end(tmp_path):
    # the toy has one partner with $1T secured: partners[-1] is it; partners[1] and partners[-2] are out of range
    got = by_id(weigh(tmp_path, [input_claim("partners[-1].pledges[0].secured_usd")]))["in"]
    assert got["verdict"] == "agrees" and got["details"]["scenario_value"] == 1e12
    for index in (1, 5, -2):
        with pytest.raises(ScenarioError) as exc:
            weigh(tmp_path, [input_claim(f"partners[{index}].pledges[0].secured_usd")])
        assert f"index [{index}] is out of range (1 items)" in str(exc.value)


def test_the_fan_of_a_certain_run_is_the_run_itself_capex_summed(tmp_path):
    # no uncertain input: every trial is the central run, and a sketch bucket holding one value answers it exactly.
    # The toy's capex: the hall 100 MW / PUE 1.25 x $10M/MW = $800M, and 62,745 H100 (80 MW / 1.275 kW) x $50,000 =
    # $3,137,250,000: $3,937,250,000 by the end. MW online: 0 before 2025-04, 100 from then.
    capex = claim("capex", quantity={"comparator": ">=", "value": "$1B", "unit": "USD"})
    capex["check"] = {"series": "capex_usd", "by": "2026-12"}
    report = weigh(tmp_path, [claim(), capex], trials=64)
    fan = report.trajectories["capex"]
    for k in ("p10", "p50", "p90"):
        assert fan[k][-1] == pytest.approx(3_937_250_000, rel=1e-9)
        assert fan[k] == pytest.approx(fan["value"], rel=1e-9)
    mw = report.trajectories["c1"]
    for k in ("p10", "p50", "p90"):
        assert mw[k][:3] == [0, 0, 0] and mw[k][3:] == [100] * 21


def test_the_fan_is_the_10th_50th_and_90th_percentile(tmp_path):
    # the hall's power uniform from 50 to 150 MW: MW online at the end is the draw, so P10 = 60, P50 = 100, P90 = 140
    # (4,000 draws: the sample quantiles' standard error is about 0.8 MW, the sketch's buckets about 1 %)
    scenario = toy(**{"sites[0].phases[0].power_mw": {"dist": "uniform", "low": 50, "high": 150}})
    c = claim(check={"series": "mw_online", "by": "2026-12"})
    fan = weigh(tmp_path, [c], scenario, trials=4000).trajectories["c1"]
    assert fan["p10"][-1] == pytest.approx(60, abs=4)
    assert fan["p50"][-1] == pytest.approx(100, abs=4)
    assert fan["p90"][-1] == pytest.approx(140, abs=4)


def test_progress_counts_the_trials_done_from_zero(tmp_path):
    calls = []
    weigh(tmp_path, [claim()], trials=3000, progress=lambda name, n: calls.append((name, n)))
    assert calls[-1] == ("toy.yaml", 3000)
    assert all(0 < n <= 3000 for _, n in calls)


def test_an_input_claims_probability_is_the_share_of_its_draws_inside_over_a_partial_last_block(tmp_path):
    # the partner's secured money uniform from $0 to $1T; the claim "at least $500B" holds in about half the draws.
    # 1,500 trials are a whole block of 1,024 and a last one of 476: the share is counted over exactly those 1,500
    # draws (the same uniforms as risk: montecarlo.sample_block, block by block), by hand here
    from gigawatt import load_scenario
    from gigawatt.engine.montecarlo import sample_block

    scenario = toy(**{"partners[0].pledges[0].secured_usd": {"dist": "uniform", "low": 0, "high": 1e12}})
    c = input_claim("partners[0].pledges[0].secured_usd")
    got = by_id(weigh(tmp_path, [c], scenario, trials=1500, seed=5))["in"]
    s = load_scenario(tmp_path / "toy.yaml")
    key = "partners[0].pledges[0].secured_usd"
    draws = np.concatenate([sample_block(s, 5, 0, 1024)[key], sample_block(s, 5, 1, 476)[key]])
    assert len(draws) == 1500
    assert got["probability"] == np.count_nonzero(draws >= 500e9) / 1500
    assert got["probability"] == pytest.approx(0.5, abs=0.05)  # 1,500 draws: a standard error of 0.013
    assert got["details"]["uncertain"] is True


def test_each_claim_is_counted_on_the_trials_of_its_own_scenario(tmp_path):
    # two scenarios in one ledger: the toy's 100 MW hall and a 200 MW one. "At least 150 MW by 2025-04" holds in
    # every trial of the big one (probability 1) and would hold in none of the small one's
    big = toy(**{"sites[0].phases[0].power_mw": 200})
    (tmp_path / "big.yaml").write_text(yaml.safe_dump(big))
    c150 = {"comparator": ">=", "value": "150 MW", "unit": "MW"}
    claims = [claim("small", quantity=c150, observed={**OUTCOME["observed"], "status": "fails"})]
    claims.append(claim("big", quantity=dict(c150), scenario="big.yaml"))
    got = by_id(weigh(tmp_path, claims, trials=64))
    assert got["big"]["probability"] == 1.0 and got["big"]["verdict"] == "holds" and got["big"]["modelled"] == 200
    assert got["small"]["probability"] == 0.0 and got["small"]["verdict"] == "fails"


# --- claims/scoring.py: the track record's words and its base-rate baseline ---


def record(cid, p, status="holds"):
    return {"id": cid, "kind": "outcome", "forecast": True, "probability": p, "observed": {"status": status}}


def test_the_note_counts_the_claims_in_words():
    one = engine.track_record([record("a", 0.5)], trials=100)
    assert one["note"] == "1 resolved outcome claim: too few to tell skill from luck; read the claims one by one"
    two = engine.track_record([record("a", 0.5), record("b", 0.5, "fails")], trials=100)
    assert two["note"] == "2 resolved outcome claims: too few to tell skill from luck; read the claims one by one"
    few_partly = engine.track_record([record("a", 0.5), record("p", 0.5, "partly")], trials=100)
    assert few_partly["note"] == (
        "1 resolved outcome claim: too few to tell skill from luck; read the claims one by one; "
        "1 'partly' not scored (neither true nor false)"
    )
    # ten are enough to read as a record: no "too few", and no "; " before the 'partly' count
    ten = [record(f"c{i}", 0.5) for i in range(10)]
    assert engine.track_record(ten, trials=100)["note"] == "10 resolved outcome claims"
    assert engine.track_record([*ten, record("p", 0.5, "partly")], trials=100)["note"] == (
        "10 resolved outcome claims: 1 'partly' not scored (neither true nor false)"
    )


def test_a_base_rate_of_one_is_read_one_half_trial_from_certainty():
    # every claim held: the base rate is 1, read as 1 - 1/(2 x 10 trials) = 0.95 for the log score: -ln 0.95 each;
    # the model's 0.8 and 1.0 (1.0 read as 0.95 too): -(ln 0.8 + ln 0.95) / 2
    tr = engine.track_record([record("a", 0.8), record("b", 1.0)], trials=10)
    assert tr["base_rate"] == 1.0
    assert tr["baselines"]["base_rate"]["log_score"] == pytest.approx(-np.log(0.95), rel=1e-12)
    assert tr["baselines"]["base_rate"]["brier"] == 0.0
    assert tr["log_score"] == pytest.approx(-(np.log(0.8) + np.log(0.95)) / 2, rel=1e-12)


def test_a_probability_outside_0_to_1_still_gets_the_lowest_words():
    # no bound is at or below -0.01: the words fall through to the last, "exceptionally unlikely"
    assert engine.likelihood_words(-0.01) == "Exceptionally unlikely (p = -0.01)"


@pytest.mark.parametrize(
    "path, unit",
    [
        ("partners[p].pledges[0].secured_usd", "USD"),
        ("capex_per_mw_usd", "USD"),  # a bare field name, no dot
        ("sites[0].phases[0].power_mw", "MW"),
        ("procurement.lead_time_months", "months"),
        ("supply_caps[0].per_year", "count"),
        ("operations.utilization", "fraction"),
        ("operations.pue", None),
    ],
)
def test_the_unit_of_a_scenario_field_from_its_name(path, unit):
    assert engine.path_unit(path) == unit


def test_an_input_path_with_no_such_field_at_the_top_says_so(tmp_path):
    with pytest.raises(ScenarioError) as exc:
        weigh(tmp_path, [input_claim("nosuch.secured_usd")])
    assert "'nosuch.secured_usd': no field 'nosuch' at the top level" in str(exc.value)


def test_capex_is_facility_plus_it_in_every_trial(tmp_path):
    # $800M + $3,137,250,000 = $3,937,250,000 by 2026-12 in every trial: at least $3.9B holds in all of them (the
    # difference, -$2.3B, in none)
    capex = claim("capex", quantity={"comparator": ">=", "value": "$3.9B", "unit": "USD"})
    capex["check"] = {"series": "capex_usd", "by": "2026-12"}
    got = by_id(weigh(tmp_path, [capex], trials=64))["capex"]
    assert got["modelled"] == pytest.approx(3_937_250_000, rel=1e-9)
    assert got["probability"] == 1.0


def test_a_subject_below_both_rivals_is_third(tmp_path):
    # 62,745 H100 (100 MW / PUE 1.25 / 1.275 kW) against 70,000 and 80,000: third of three
    c = claim(**toy_comparison(rival("big", 70000), rival("bigger", 80000, facts_id="OS19")))
    got = by_id(weigh(tmp_path, [c]))["c1"]
    assert (got["verdict"], got["details"]["rank"], got["details"]["of"]) == ("fails", 3, 3)


def test_trials_given_as_yes_or_no_are_refused():
    ledger = parse_ledger({"claims": [claim()]}, "ledger")
    with pytest.raises(GigawattError, match="trials: True; expected a whole number >= 0"):
        engine.evaluate(ledger, "ledger", trials=True, today=TODAY)


def test_the_worst_leave_out_perfect_forecasts_and_eleven_claims_are_not_too_few():
    # p = 1 for a claim that held: Brier 0, not among the worst; the other ten, p = 0.5 for a claim that failed: 0.25
    records = [record("sure", 1.0), *(record(f"c{i}", 0.5, "fails") for i in range(10))]
    tr = engine.track_record(records, trials=100)
    assert [w["id"] for w in tr["worst"]] == ["c0", "c1", "c2"] and tr["note"] == "11 resolved outcome claims"
    tr = engine.track_record([record("sure", 1.0), record("zero", 0.0, "fails")], trials=100)
    assert tr["worst"] == [] and tr["brier"] == 0.0


def test_partly_is_counted_for_outcome_claims_only():
    unmod = {**record("u", None, "partly"), "kind": "unmodelled"}
    tr = engine.track_record([record("a", 0.5), record("p", 0.5, "partly"), unmod], trials=100)
    assert tr["not_scored_partly"] == ["p"]


# --- claims/kinds.py: the with/without rows of an input claim ---


def secured_claim(cid="money", **fields):
    """An input claim: the partner has at most $2B secured (the toy has $1T)."""
    base = {
        "kind": "input",
        "check": None,
        "quantity": {"comparator": "<=", "value": "$2B", "unit": "USD"},
        "assumption": {
            "path": "partners[p].pledges[0].secured_usd",
            "set": {"partners[p].pledges[0].secured_usd": "$2B", "partners[p].pledges[0].amount_usd": "$2B"},
        },
    }
    return claim(cid, **(base | fields))


def test_the_year_rows_are_read_at_the_years_last_month(tmp_path):
    # the hall starts in 2026-03 and is online from 2026-06 (3 months): December has 100 MW, January-May none
    scenario = toy(**{"sites[0].phases[0].start": "2026-03"})
    got = by_id(weigh(tmp_path, [secured_claim()], scenario))["money"]
    row = got["details"]["without"]["2026"]
    assert row["month"] == "2026-12" and row["mw_online"] == 100
    assert got["details"]["with"]["2026"]["mw_online"] == 0  # $2B cannot close the hall and its first fill


def test_a_scenario_that_ends_before_2026_reports_its_last_year(tmp_path):
    # 12 months from 2025-01: neither 2026 nor 2029 is simulated, so the rows are 2025's (online from 2025-04)
    scenario = toy(**{"programme.horizon_months": 12})
    got = by_id(weigh(tmp_path, [secured_claim()], scenario))["money"]
    assert list(got["details"]["without"]) == ["2025"]
    assert got["details"]["without"]["2025"]["mw_online"] == 100 and got["details"]["with"]["2025"]["mw_online"] == 0


def test_an_input_claim_runs_on_the_file_it_names_not_the_one_it_extends(tmp_path):
    # child.yaml extends toy.yaml and doubles the hall to 200 MW; the run with the claim must keep the child's 200 MW
    # (a --set that leaves the money alone): loading the parent instead would give 100 MW
    (tmp_path / "toy.yaml").write_text(yaml.safe_dump(toy()))
    (tmp_path / "child.yaml").write_text(
        yaml.safe_dump({"extends": "toy.yaml", "name": "child", "set": {"sites[0].phases[0].power_mw": 200}})
    )
    c = secured_claim(
        scenario="child.yaml",
        quantity={"comparator": ">=", "value": "$1B", "unit": "USD"},
        assumption={
            "path": "partners[p].pledges[0].secured_usd",
            "set": {"partners[p].pledges[0].secured_usd": "$1T"},
        },
    )
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump({"claims": [c]}, sort_keys=False))
    ledger, origin = read_ledger(path)
    got = by_id(engine.evaluate(ledger, origin, trials=None, base=tmp_path, today=TODAY))["money"]
    assert got["details"]["without"]["2026"]["mw_online"] == 200
    assert got["details"]["with"]["2026"]["mw_online"] == 200

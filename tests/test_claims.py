"""The claims ledger: verdicts on hand-worked scenarios, probabilities against a plain loop of simulate, the track
record against hand-worked scores, the built-in ledger, and bad claims files (issue 16)."""

import copy
import datetime as dt
import json
import math

import numpy as np
import pytest
import yaml

import gigawatt as gw
from gigawatt import claims as engine
from gigawatt.claims.ledger import parse_ledger, read_ledger
from gigawatt.cli.core import main
from gigawatt.engine.montecarlo import sample_block
from gigawatt.errors import GigawattError
from toy_scenarios import TOY_CLAIM, rival, toy, toy_comparison

TODAY = dt.date(2026, 12, 6)


def claim(cid="c1", **changes):
    """An outcome claim on the toy scenario (one 100 MW hall online from 2025-04): MW online >= 100 by 2025-04."""
    c = copy.deepcopy(TOY_CLAIM) | {"id": cid}
    for key, value in changes.items():
        node, *path = key.split("__")
        target = c
        for part in [node, *path][:-1]:
            target = target[part]
        if value is None:
            target.pop([node, *path][-1], None)
        else:
            target[[node, *path][-1]] = value
    return c


def write(tmp_path, claims, scenario=None):
    (tmp_path / "toy.yaml").write_text(yaml.safe_dump(scenario or toy()))
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump({"claims": claims}, sort_keys=False))
    return path


def weigh(tmp_path, claims, scenario=None, trials=None, seed=0):
    path = write(tmp_path, claims, scenario)
    ledger, origin = read_ledger(path)
    return engine.evaluate(ledger, origin, trials=trials, seed=seed, base=tmp_path, today=TODAY)


def by_id(report):
    return {c["id"]: c for c in report.claims}


# --- verdicts on hand-worked scenarios ---


def test_holds_fails_and_exactly_at_the_threshold(tmp_path):
    # the toy hall is 100 MW, built in months 0-2 and online from 2025-04 (tests/test_engine_stories.py)
    claims = [
        claim("at-threshold"),  # 100 >= 100 exactly: holds, margin 0
        claim("strict", quantity__comparator=">"),  # 100 > 100: fails, margin 0
        claim("too-early", check__by="2025-03", observed__status="too early"),  # nothing online in 2025-03
        claim("too-much", quantity__value="101 MW", observed__status="fails"),
        claim("under", quantity__comparator="<", quantity__value="1 GW", observed__status="holds"),
    ]
    got = by_id(weigh(tmp_path, claims))
    assert got["at-threshold"]["verdict"] == "holds" and got["at-threshold"]["margin"] == 0
    assert got["at-threshold"]["first_holds"] == "2025-04" and got["at-threshold"]["modelled"] == 100
    assert got["strict"]["verdict"] == "fails" and got["strict"]["margin"] == 0
    assert got["too-early"]["verdict"] == "fails" and got["too-early"]["margin"] == -100
    assert got["too-much"]["verdict"] == "fails" and got["too-much"]["margin"] == -1
    assert got["too-much"]["first_holds"] is None  # never 101 MW
    assert got["under"]["verdict"] == "holds" and got["under"]["margin"] == 900
    assert got["under"]["first_holds"] == "2025-01"


def test_true_in_every_trial_is_one_and_in_none_is_zero(tmp_path):
    # no uncertain input reaches 2025-04's 100 MW beyond a slip of at most 1.0: every trial is the central run
    scenario = toy(**{"risks.cost_overrun": {"dist": "uniform", "low": 0.9, "high": 1.1}})
    got = by_id(weigh(tmp_path, [claim("yes"), claim("no", quantity__value="101 MW")], scenario, trials=3000))
    assert got["yes"]["probability"] == 1.0
    assert got["no"]["probability"] == 0.0
    assert got["yes"]["verdict_words"] == "Virtually certain (p = 1.00)"


def test_probability_equals_a_plain_loop_of_simulate_over_the_same_draws(tmp_path):
    # the oracle shares no claims code: it draws the same inputs (montecarlo.sample_block, the risk seed scheme),
    # simulates each trial on its own with --set overrides and compares the month's MW by hand
    slip = {"dist": "uniform", "low": 0.5, "high": 2.0}  # 3 months x 0.5..2.0: online anywhere from 2025-03 to 07
    scenario = toy(**{"risks.construction_slip": slip})
    trials, seed = 200, 7
    got = by_id(weigh(tmp_path, [claim("apr"), claim("may", check__by="2025-05")], scenario, trials=trials, seed=seed))
    s = gw.load_scenario(tmp_path / "toy.yaml")
    draws = sample_block(s, seed, 0, trials)["risks.construction_slip"]  # one block: 200 < 1,024 trials
    counts = {"apr": 0, "may": 0}
    for x in draws:
        r = gw.simulate(gw.load_scenario(tmp_path / "toy.yaml", overrides=[f"risks.construction_slip={float(x)!r}"]))
        mw = dict(zip([f"{m:%Y-%m}" for m in r.months], r.series["mw_online"], strict=True))
        counts["apr"] += mw["2025-04"] >= 100
        counts["may"] += mw["2025-05"] >= 100
    assert got["apr"]["probability"] == counts["apr"] / trials
    assert got["may"]["probability"] == counts["may"] / trials
    assert 0 < counts["apr"] < counts["may"] < trials  # the draws straddle both months (else this checks little)


def test_same_seed_same_json(tmp_path):
    scenario = toy(**{"risks.construction_slip": {"dist": "uniform", "low": 0.5, "high": 2.0}})
    a = weigh(tmp_path, [claim()], scenario, trials=1500, seed=3).as_json()
    b = weigh(tmp_path, [claim()], scenario, trials=1500, seed=3).as_json()
    c = weigh(tmp_path, [claim()], scenario, trials=1500, seed=4).as_json()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert a["claims"][0]["probability"] != c["claims"][0]["probability"]


def test_without_the_bands_the_same_json(tmp_path):
    # fans=False (the command's table and --json, which show no P10-P90 band) skips the bands' sketch: the same
    # JSON, byte for byte, and the trajectories without their band
    scenario = toy(**{"risks.construction_slip": {"dist": "uniform", "low": 0.5, "high": 2.0}})
    path = write(tmp_path, [claim()], scenario)
    ledger, origin = read_ledger(path)
    run = {"trials": 3000, "seed": 5, "base": tmp_path, "today": TODAY}
    full = engine.evaluate(ledger, origin, **run)
    lean = engine.evaluate(ledger, origin, **run, fans=False)
    assert json.dumps(full.as_json()) == json.dumps(lean.as_json())
    assert full.trajectories["c1"]["p90"] is not None and lean.trajectories["c1"]["p90"] is None
    assert full.trajectories["c1"]["value"] == lean.trajectories["c1"]["value"]


def test_input_claim_with_and_without(tmp_path):
    # "the partner has only $2B": too little to close the $800M hall plus its $3.14B first fill, so nothing is built
    c = claim(
        "broke",
        kind="input",
        check=None,
        quantity={"comparator": "<=", "value": "$2B", "unit": "USD"},
        assumption={
            "path": "partners[p].pledges[0].secured_usd",
            "set": {"partners[p].pledges[0].secured_usd": "$2B", "partners[p].pledges[0].amount_usd": "$2B"},
        },
    )
    got = by_id(weigh(tmp_path, [c]))["broke"]
    assert got["verdict"] == "disagrees"  # the toy has $1T secured
    assert got["details"]["scenario_value"] == 1e12
    without, with_ = got["details"]["without"]["2026"], got["details"]["with"]["2026"]
    assert without["mw_online"] == 100 and with_["mw_online"] == 0
    assert with_["capex_usd"] == 0


def test_comparison_ranks_the_subject_against_rivals(tmp_path):
    c = claim("largest", **toy_comparison(rival("small", 50000), rival("big", 70000, facts_id="OS19")))
    got = by_id(weigh(tmp_path, [c]))["largest"]
    # 100 MW / PUE 1.25 / 1.275 kW = 62,745 H100: second of three
    assert got["verdict"] == "fails" and got["details"]["rank"] == 2 and got["details"]["of"] == 3
    assert got["modelled"] == 62_745
    assert got["margin"] == 62_745 - 70_000


# --- the track record ---


def record(cid, p, status, kind="outcome", forecast=True):
    return {"id": cid, "kind": kind, "forecast": forecast, "probability": p, "observed": {"status": status}}


def test_brier_and_log_score_hand_worked():
    records = [
        record("a", 0.8, "holds"),
        record("b", 0.3, "fails"),
        record("c", 0.5, "fails"),
        record("d", 0.9, "too early"),  # not resolved: not scored
        record("e", 0.2, "fails", forecast=False),  # not a forecast
        record("f", 0.6, "partly"),  # neither true nor false
        record("g", 0.1, "fails", kind="input"),  # the record scores outcomes
    ]
    tr = engine.track_record(records, trials=10_000)
    assert tr["resolved"] == 3 and tr["claims"] == ["a", "b", "c"] and tr["not_scored_partly"] == ["f"]
    # Brier: ((1 - 0.8)^2 + 0.3^2 + 0.5^2) / 3 = (0.04 + 0.09 + 0.25) / 3
    assert tr["brier"] == pytest.approx(0.38 / 3, rel=1e-12)
    # log score: -(ln 0.8 + ln 0.7 + ln 0.5) / 3
    assert tr["log_score"] == pytest.approx(-(math.log(0.8) + math.log(0.7) + math.log(0.5)) / 3, rel=1e-12)
    # always the base rate 1/3: ((2/3)^2 + (1/3)^2 + (1/3)^2) / 3 = 2/9; always 50 %: 0.25 and ln 2
    assert tr["base_rate"] == pytest.approx(1 / 3)
    assert tr["baselines"]["base_rate"]["brier"] == pytest.approx(2 / 9, rel=1e-12)
    assert tr["baselines"]["half"] == {"brier": 0.25, "log_score": pytest.approx(math.log(2), rel=1e-12)}
    assert [w["id"] for w in tr["worst"]] == ["c", "b", "a"]  # Brier 0.25, 0.09, 0.04


def test_a_certain_wrong_forecast_has_a_finite_log_score():
    # p = 0 of 10,000 trials is read as 1/20,000: -ln(1/20,000)
    tr = engine.track_record([record("a", 0.0, "holds")], trials=10_000)
    assert tr["log_score"] == pytest.approx(math.log(20_000), rel=1e-12)
    assert tr["brier"] == 1.0


def test_brier_and_log_score_match_the_published_examples():
    from gigawatt.claims.scoring import brier_score, log_score

    # scikit-learn's documentation of brier_score_loss: y [0, 1, 1, 0], p [0.1, 0.9, 0.8, 0.3] -> 0.0375
    assert brier_score([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) == pytest.approx(0.0375, rel=1e-12)
    # ... and of log_loss: ["spam", "ham", "ham", "spam"] with P(spam) 0.9, 0.1, 0.2, 0.65 -> 0.21616 (5 digits shown)
    assert log_score([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]) == pytest.approx(0.21616, abs=5e-6)
    # the edges: certain and right scores 0 on both; certain and wrong 1 (Brier) and an infinite log score
    assert brier_score([1, 0], [1.0, 0.0]) == 0.0 and log_score([1, 0], [1.0, 0.0]) == 0.0
    assert brier_score([1], [0.0]) == 1.0
    with np.errstate(divide="ignore"):
        assert log_score([1], [0.0]) == math.inf


def test_brier_and_log_score_agree_with_scikit_learn():
    # an independent implementation (scikit-learn, in the test extra) beside scoringrules, which computes them:
    # random forecasts and outcomes, probabilities kept off 0 and 1 as track_record does
    from sklearn.metrics import brier_score_loss, log_loss

    from gigawatt.claims.scoring import brier_score, log_score

    rng = np.random.default_rng(16)
    for n in (1, 2, 7, 50):
        y = rng.integers(0, 2, n)
        p = np.clip(rng.random(n), 1e-9, 1 - 1e-9)
        # scikit-learn >= 1.7 sums the squared errors of both classes and halves them: equal up to rounding
        assert brier_score(y, p) == pytest.approx(brier_score_loss(y, p, pos_label=1), rel=1e-12, abs=1e-15)
        assert log_score(y, p) == pytest.approx(log_loss(y, p, labels=[0, 1]), rel=1e-12)


def test_nothing_resolved_says_so():
    tr = engine.track_record([record("a", 0.5, "too early")], trials=100)
    assert tr["resolved"] == 0 and tr["brier"] is None and "nothing to score" in tr["note"]


@pytest.mark.parametrize(
    "p, words",
    [
        (1.0, "Virtually certain (p = 1.00)"),
        (0.99, "Virtually certain (p = 0.99)"),
        (0.9, "Very likely (p = 0.90)"),
        (0.66, "Likely (p = 0.66)"),
        (0.5, "About as likely as not (p = 0.50)"),
        (0.33, "Unlikely (p = 0.33)"),  # the IPCC's 'about as likely as not' is 33-66 %, open at 33
        (0.18, "Unlikely (p = 0.18)"),
        (0.05, "Very unlikely (p = 0.05)"),
        (0.004, "Exceptionally unlikely (p < 0.01)"),  # never 0.00 for a claim that held in some trial
        (0.996, "Virtually certain (p > 0.99)"),
        (0.0, "Exceptionally unlikely (p = 0.00)"),
    ],
)
def test_likelihood_words(p, words):
    assert engine.likelihood_words(p) == words


# --- the built-in ledger ---


@pytest.fixture(scope="module")
def builtin():
    ledger, origin = read_ledger()
    return engine.evaluate(ledger, origin, trials=2048, seed=1, today=TODAY)


def test_every_builtin_claim_evaluates(builtin):
    kinds = {c["kind"] for c in builtin.claims}
    assert kinds == {"outcome", "input", "comparison", "unmodelled"}
    dates = [c["date"] for c in builtin.claims]
    assert dates == sorted(dates)
    for c in builtin.claims:
        assert c["verdict"] in ("holds", "fails", "agrees", "disagrees", "not modelled"), c["id"]
        if c["kind"] in ("outcome", "comparison"):
            assert 0 <= c["probability"] <= 1 and c["id"] in builtin.trajectories
        assert c["observed"]["status"] and c["observed"]["as_of"] <= "2026-12-06"
        if c["language"] != "en":
            assert c["original"]["text"]


def test_builtin_verdicts_worked_by_hand(builtin):
    got = by_id(builtin)
    # the announcement's plan: Abilene's first buildings online from 2026-01; capex by then far below $100B
    assert got["stargate-100b-immediately"]["verdict"] == "fails"
    assert got["stargate-100b-immediately"]["modelled"] < 50e9
    # Colossus as announced: 100,000 + 2 x 50,000 Hopper at the first hall's pace, all online by 2025-01
    assert got["colossus-double-200k"]["verdict"] == "holds"
    assert got["colossus-double-200k"]["modelled"] >= 200_000
    # Musk: SoftBank's secured money drawn uniformly from $0 to $25B: P(< $10B) = 0.4 (2,048 draws: within 0.05,
    # about 4.6 standard errors of sqrt(0.24 / 2048) = 0.011)
    assert got["musk-softbank-under-10b"]["verdict"] == "disagrees"  # the central run has $12.5B
    assert got["musk-softbank-under-10b"]["probability"] == pytest.approx(0.4, abs=0.05)
    assert got["altman-wrong"]["probability"] == pytest.approx(0.6, abs=0.05)
    # announced arrival triangular(0, 1, 1): P(<= 0.1) = 0.1^2 = 0.01 (within 0.01: ~4.5 standard errors)
    assert got["musk-no-money"]["probability"] == pytest.approx(0.01, abs=0.01)


def test_every_claim_source_and_evidence_is_a_fact_published_by_its_as_of(builtin):
    from gigawatt.data.facts import facts, latest_date, split_ids

    known = facts()
    for c in builtin.claims:
        assert all(f in known for f in split_ids(c["source"]["facts_id"])), c["id"]
        for e in c["observed"]["evidence"]:
            # no verdict uses evidence dated after it ("2025" counts as 2025-12-31)
            assert latest_date(known[e["facts_id"]].date) <= dt.date.fromisoformat(c["observed"]["as_of"]), c["id"]


# --- bad claims files ---


def run_cli(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"check__series": "mw_onlin"}, "claims[c1].check.series: unknown series 'mw_onlin'; expected one of: "),
        ({"scenario": "stargat"}, "claims[c1].scenario: 'stargat' cannot be loaded"),
        ({"check__by": "2027-06"}, "claims[c1].check.by: 2027-06 is outside the horizon of scenario 'toy.yaml'"),
        ({"quantity__unit": "USD", "quantity__value": "$5B"}, "the claimed unit 'USD' does not apply to series"),
        ({"source": {}}, "claims[c1].source: a claim needs a source"),
        ({"observed__evidence": ["SG53"]}, "SG53 is dated '2026-04-29', after observed.as_of 2025-05-01"),
        ({"observed__evidence": ["XX99"]}, "claims[c1].observed.evidence: 'XX99' is not in facts.csv"),
        ({"quantity__comparator": "almost"}, "claims[c1].quantity.comparator: 'almost' is invalid"),
        ({"quantity__value": "lots"}, "claims[c1].quantity: value: "),
        ({"kind": "unmodelled", "check": None}, "kind 'unmodelled' needs the reason"),
        ({"kind": "unmodelled"}, "claims[c1]: 'check' applies to kind 'outcome', not 'unmodelled'"),
        ({"language": "fr"}, "language 'fr': give the original wording"),
        ({"observed__status": "fails", "observed__as_of": "2025-04-01"}, "before the resolution date"),
        ({"date": "2027-01-01"}, "is after today"),
    ],
)
def test_bad_claims_file_names_the_claim_and_field(tmp_path, capsys, changes, expected):
    path = write(tmp_path, [claim(**changes)])
    code, out, err = run_cli(capsys, "claims", "--file", str(path), "--trials", "0")
    assert code == 2, err
    assert expected in err
    assert "Traceback" not in err and out == ""


def test_duplicate_ids_and_hindsight_are_refused(tmp_path, capsys):
    path = write(tmp_path, [claim(), claim()])
    code, _, err = run_cli(capsys, "claims", "--file", str(path), "--trials", "0")
    assert code == 2 and "claims[c1].id: 'c1' is used twice" in err
    # the January 2025 claims cannot be weighed on today's stargate (as of 2026-06-12): hindsight
    path = write(tmp_path, [claim(scenario="stargate", check__by="2026-01", date="2025-01-22")])
    code, _, err = run_cli(capsys, "claims", "--file", str(path), "--trials", "0")
    assert code == 2 and "is as of 2026-06-12, after the claim (2025-01-22)" in err and "hindsight" in err


def test_scenario_override_weighs_on_todays_view(tmp_path, capsys):
    path = write(tmp_path, [claim(scenario="stargate", check__by="2026-01", date="2025-01-22")])
    code, out, err = run_cli(capsys, "claims", "--file", str(path), "--scenario", "stargate", "--trials", "0", "--json")
    assert code == 0, err
    c = json.loads(out)["claims"][0]
    assert c["scenario"] == "stargate" and c["verdict"] in ("holds", "fails")


def test_cli_json_contract_and_out_files(tmp_path, capsys):
    out_dir = tmp_path / "report"
    code, out, err = run_cli(capsys, "claims", "--trials", "1024", "--seed", "1", "--json", "--out", str(out_dir))
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"claims", "track_record", "trials", "seed", "evidence_as_of"}
    first = data["claims"][0]
    for key in ("id", "speaker", "date", "source", "kind", "text", "verdict", "probability", "first_holds", "observed"):
        assert key in first
    assert set(first["observed"]) >= {"status", "as_of", "evidence"}
    assert {"resolved", "brier"} <= set(data["track_record"])
    names = {p.name for p in out_dir.iterdir()}
    assert {"report.md", "report.html", "claims.csv", "claimreview.jsonld"} <= names
    reviews = json.loads((out_dir / "claimreview.jsonld").read_text())["@graph"]
    assert len(reviews) == len(data["claims"])


def test_show_and_schema(capsys):
    code, out, err = run_cli(capsys, "claims", "--trials", "0", "show", "musk-softbank-under-10b")
    assert code == 0, err
    assert "SoftBank has well under $10B secured" in out and "without the claim -> with it" in out
    code, out, err = run_cli(capsys, "claims", "show", "no-such-claim")
    assert code == 2 and "unknown claim 'no-such-claim'" in err
    code, out, err = run_cli(capsys, "claims", "--schema")
    assert code == 0 and "Claim" in json.loads(out)["$defs"]


def test_builtin_ledger_parses_with_every_kind():
    ledger, _ = read_ledger()
    assert len(ledger.claims) >= 20
    with pytest.raises(GigawattError):
        parse_ledger({"claims": []}, "empty")
    with pytest.raises(GigawattError):
        parse_ledger(["not", "a", "mapping"], "list")
    assert np.isfinite([c.date.toordinal() for c in ledger.claims]).all()
    assert copy.deepcopy(ledger) == ledger


def test_scenario_override_on_the_builtin_ledger(capsys):
    # every claim on today's stargate: claims it cannot hold (a month outside its horizon) are 'not applicable',
    # and the track record says it is hindsight, not a forecast record
    code, out, err = run_cli(capsys, "claims", "--scenario", "stargate", "--trials", "0", "--json")
    assert code == 0, err
    data = json.loads(out)
    got = {c["id"]: c for c in data["claims"]}
    assert got["colossus-122-days"]["verdict"] == "not applicable"  # 2024-09 is before stargate starts
    assert "outside the horizon of scenario 'stargate'" in got["colossus-122-days"]["reason"]
    assert got["stargate-100b-immediately"]["scenario"] == "stargate"
    assert data["track_record"]["hindsight"] is True and "not a forecast record" in data["track_record"]["note"]


def input_claim(**changes):
    c = claim(
        "broke",
        kind="input",
        check=None,
        quantity={"comparator": "<=", "value": "$2B", "unit": "USD"},
        assumption={
            "path": "partners[p].pledges[0].secured_usd",
            "set": {"partners[p].pledges[0].secured_usd": "$2B"},
        },
    )
    c.update(changes)
    return c


@pytest.mark.parametrize(
    "changes, expected",
    [
        (
            {"assumption": {"path": "partners[p].pledges[0].secured_usd", "set": {"partners[p].pledges[0].secure": 1}}},
            "claims[broke].assumption.set: the claim cannot be put into scenario 'toy.yaml'",
        ),
        (
            {"quantity": {"comparator": "<=", "value": 500000, "unit": "count"}},
            "claims[broke].quantity.unit: 'count' does not apply to 'partners[p].pledges[0].secured_usd', which is in "
            "'USD'",
        ),
        (
            {"assumption": {"path": "sites[a].phases[0].start", "set": {"sites[a].phases[0].start": "2025-02"}}},
            "claims[broke].assumption.path: 'sites[a].phases[0].start' holds 2025-01-01, not a number",
        ),
        (
            {"assumption": {"path": "partners[q].pledges[0].secured_usd", "set": {"funding.announced_arrival": 0}}},
            "claims[broke].assumption.path: 'partners[q].pledges[0].secured_usd': no item named 'q'",
        ),
    ],
)
def test_bad_input_claims_are_refused(tmp_path, capsys, changes, expected):
    path = write(tmp_path, [input_claim(**changes)])
    code, out, err = run_cli(capsys, "claims", "--file", str(path), "--trials", "0")
    assert code == 2 and expected in err and out == "", err


def test_a_tie_is_not_first(tmp_path):
    # 62,745 H100 against a rival of exactly 62,745: neither the central run nor any trial counts it as the largest
    c = claim("tie", **toy_comparison(rival("twin", 62745)))
    got = by_id(weigh(tmp_path, [c], trials=1024))["tie"]
    assert got["verdict"] == "fails" and got["details"]["rank"] == 2 and got["probability"] == 0.0


def test_show_prints_without_then_with(capsys):
    # Musk's 'no money' run without the claim (all announced money) and with it (none): 2029's MW fall
    code, out, err = run_cli(capsys, "claims", "show", "musk-no-money", "--trials", "0")
    assert code == 0, err
    assert "without the claim -> with it (funding.announced_arrival=0)" in out
    line = next(x for x in out.splitlines() if x.strip().startswith("2029:"))
    before, after = line.split("mw_online: ")[1].split(";")[0].split(" -> ")
    assert float(before.replace(",", "").split()[0]) > float(after.replace(",", "").split()[0])


def test_seed_and_trials_are_checked_in_python():
    ledger, origin = read_ledger()
    with pytest.raises(GigawattError, match="seed: -1; expected a whole number >= 0"):
        engine.evaluate(ledger, origin, trials=0, seed=-1, today=TODAY)


def test_claims_take_risks_work_limits(capsys):
    # 20 million trials per scenario is past limits.RISK_MAX_TRIALS: refused with the estimate before any work
    code, out, err = run_cli(capsys, "claims", "--trials", "20000000", "--json")
    assert code == 2 and out == ""
    assert "--trials 20,000,000: estimated" in err and "limits.RISK_MAX_TRIALS" in err and "--force-large" in err


def test_scoringrules_is_imported_on_its_numpy_backend_and_numba_stays_usable():
    """Issue 16's cost: scoringrules compiles numba kernels on import when numba is visible (3-10 s); the scoring
    module hides numba for that import only. numba must be the same module afterwards, for the engine."""
    import subprocess
    import sys

    code = (
        "import sys, time, numba; before = sys.modules['numba']; "
        "from gigawatt.claims.scoring import brier_score; t = time.perf_counter(); brier_score([1], [0.5]); "
        "import scoringrules; assert sys.modules['numba'] is before; "
        "assert type(scoringrules.backends['numpy']).__name__ == 'NumpyBackend'; "
        "assert 'numba' not in scoringrules.backends; print(round(time.perf_counter() - t, 2))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr

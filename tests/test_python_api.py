"""The Python API keeps the command line's checks (issue 20): a field set on a loaded scenario is validated at once,
the whole scenario again before each run, risk's work limits apply, and every error is a GigawattError with the
CLI's words. Oracles: the loader's own messages for the same values written in a file, and the CLI's refusal."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gigawatt as gw
from gigawatt.cli.core import main
from gigawatt.data.loading import revalidated


def test_simulate_takes_a_name_or_a_path_like_the_cli(tmp_path):
    by_name = gw.simulate("stargate").metrics
    assert by_name == gw.simulate(gw.load_scenario("stargate")).metrics
    path = tmp_path / "mine.yaml"
    path.write_text("extends: stargate\nname: mine\n", encoding="utf-8")
    assert gw.simulate(path).metrics == by_name
    assert gw.simulate(str(path)).metrics == by_name


@pytest.mark.parametrize("bad", [42, None, {"name": "x"}, 1.5])
def test_simulate_refuses_what_is_not_a_scenario_by_name(bad):
    with pytest.raises(gw.GigawattError, match=r"^scenario: .*expected a Scenario"):
        gw.simulate(bad)


def test_a_negative_power_set_after_loading_is_refused_with_the_loaders_message(tmp_path):
    s = gw.load_scenario("stargate")
    phase = s.sites[0].phases[0]
    before = phase.power_mw
    with pytest.raises(gw.ScenarioError) as err:
        phase.power_mw = -5
    assert str(err.value) == "Phase.power_mw: -5 is negative; expected > 0"
    assert phase.power_mw == before  # nothing lost: the value stays as it was
    # the same value in a file gets the same words, with the file's path to the field
    path = tmp_path / "neg.yaml"
    path.write_text("extends: stargate\nset:\n  sites[0].phases[0].power_mw: -5\n", encoding="utf-8")
    with pytest.raises(gw.ScenarioError, match=r"sites\[0\]\.phases\[0\]\.power_mw: -5 is negative; expected > 0"):
        gw.load_scenario(path)


def test_units_and_names_are_read_on_assignment_as_in_a_file():
    s = gw.load_scenario("stargate")
    phase = s.sites[0].phases[0]
    phase.power_mw = "1.5 GW"
    assert phase.power_mw == 1500.0
    phase.accelerator = "GB300"  # the catalog's names in any case
    assert phase.accelerator == "gb300"
    with pytest.raises(gw.ScenarioError, match=r"^Phase\.accelerator: unknown accelerator 'GB999'; expected one of"):
        phase.accelerator = "GB999"
    with pytest.raises(gw.ScenarioError, match=r"^Programme\.horizon_months: 10000 is out of range; expected <= 600"):
        s.programme.horizon_months = 10_000


def test_an_unknown_field_is_refused_naming_the_fields_there_are():
    s = gw.load_scenario("stargate")
    with pytest.raises(gw.ScenarioError, match=r"^Phase\.powr_mw: unknown field; expected one of: name, power_mw"):
        s.sites[0].phases[0].powr_mw = 100


def test_rules_across_fields_are_checked_before_each_run():
    s = gw.load_scenario("stargate")
    s.sites[0].phases[0].start = "2019-01"  # a valid month on its own; before the programme's start
    msg = r"sites\[0\]\.phases\[0\]\.start: 2019-01 is before the programme start 2025-01"
    with pytest.raises(gw.ScenarioError, match=msg):
        gw.simulate(s)
    with pytest.raises(gw.ScenarioError, match=msg):
        gw.risk(s, trials=10)
    t = gw.load_scenario("stargate")
    t.sites[1].name = t.sites[0].name
    with pytest.raises(gw.ScenarioError, match=r"sites: the name 'abilene' is used twice"):
        gw.simulate(t)


def test_a_changed_scenario_runs_with_its_change_and_keeps_its_sources():
    s = gw.load_scenario("stargate")
    base = gw.simulate(s).metrics["mw_online_end"]
    first = s.sites[0].phases[0].power_mw
    s.sites[0].phases[0].power_mw = first + 100
    assert gw.simulate(s).metrics["mw_online_end"] == pytest.approx(base + 100)  # every phase is online by the end
    assert gw.risk(s, trials=8, seed=1).trials == 8
    assert s.provenance  # revalidation works on a copy: the user's scenario keeps its sources


def test_risk_takes_the_clis_work_limits(capsys):
    s = gw.load_scenario("stargate")
    with pytest.raises(gw.WorkTooLarge) as err:
        gw.risk(s, trials=10**9)
    text = str(err.value)
    assert text.startswith("trials=1,000,000,000: estimated ")
    assert "limits.RISK_MAX_TRIALS" in text and text.endswith("or pass force_large=True to run it anyway")
    # the CLI refuses the same work with the same reasons, in its own words for the flag
    assert main(["risk", "stargate", "--trials", "1000000000"]) == 2
    said = " ".join(capsys.readouterr().err.split())
    reasons = text.split(": ", 1)[1].replace("pass force_large=True", "add --force-large")
    assert reasons in said


@pytest.mark.parametrize("trials", [0, -1, True, 2.5, "10"])
def test_risk_refuses_trials_that_are_not_a_count(trials):
    with pytest.raises(gw.GigawattError, match=r"^trials: .*; expected a whole number >= 1"):
        gw.risk("stargate", trials=trials)


def test_risk_takes_numpy_integers_and_names():
    a = gw.risk("stargate", trials=np.int64(16), seed=3)
    b = gw.risk(gw.load_scenario("stargate"), trials=16, seed=3)
    assert a.as_json() == b.as_json()


PHASE_NUMBERS = ["power_mw", "construction_months", "capex_per_mw_usd", "pue"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    field=st.sampled_from(PHASE_NUMBERS),
    value=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**12), 10**12)),
)
def test_any_number_set_on_a_phase_is_refused_or_simulates_without_a_negative_quantity(field, value):
    s = gw.load_scenario("stargate-uae")
    phase = s.sites[0].phases[0]
    before = getattr(phase, field)
    try:
        setattr(phase, field, value)
    except gw.ScenarioError as err:
        assert str(err).startswith(f"Phase.{field}: ")
        assert getattr(phase, field) == before
        return
    assert math.isfinite(getattr(phase, field))
    try:
        r = gw.simulate(s)
    except gw.GigawattError:
        return  # a rule across fields (e.g. a build that ends after the last month) refused it by name
    numbers = r.timeseries.select_dtypes("number")
    assert (numbers.to_numpy() >= -1e-6).all()  # no negative MW, accelerators, money or energy


# --- found by tests/test_hostile_property.py: checks the loader makes that a change after loading skipped ----------


def _hall(**phase):
    tree = {
        "name": "t",
        "programme": {"start": "2025-01", "horizon_months": 24},
        "partners": [{"name": "f", "pledges": [{"amount_usd": "$20B", "secured_usd": "$20B", "start": "2025-01"}]}],
        "sites": [{"name": "a", "phases": [{"name": "p", "power_mw": 100, "start": "2025-01", "accelerator": "h100"}]}],
    }
    tree["sites"][0]["phases"][0].update(phase)
    return tree


def test_a_ramp_set_after_loading_refuses_a_distribution_on_its_phase_as_a_file_does():
    # in a file the loader refuses it: the first building alone would have drawn the phase's power
    ramp = {"buildings": 2, "interval_months": 1}
    with pytest.raises(gw.ScenarioError, match=r"power_mw: a distribution on a field of a ramped phase"):
        gw.load_scenario(_hall(power_mw={"dist": "uniform", "low": 80, "high": 120}, ramp=ramp))
    s = gw.load_scenario(_hall(power_mw={"dist": "uniform", "low": 80, "high": 120}))
    s.sites[0].phases[0].ramp = ramp
    with pytest.raises(gw.ScenarioError, match=r"power_mw: a distribution on a field of a ramped phase \('p', 2 b"):
        gw.simulate(s)


def test_a_ramp_set_after_loading_is_recorded_like_a_ramp_in_a_file():
    s = gw.load_scenario(_hall())
    s.sites[0].phases[0].ramp = {"buildings": 2, "interval_months": 3}
    fresh = revalidated(s)
    # 100 MW in two halls of 50 MW, the second started 3 months after the first
    assert [(b.power_mw, b.offset_months) for b in fresh.ramps[0].buildings] == [(50.0, 0), (50.0, 3)]


def test_a_price_set_after_loading_is_not_drawn_from_the_catalogs_range():
    # loaded without a price of its own, h100 inherits the catalog's price range (drawn by risk); once the user sets
    # a price, risk must use it, as it does when the price is written in the file
    s = gw.load_scenario(_hall())
    assert s.distributions["accelerator_overrides.h100.price_usd"].inherited
    s.accelerator_overrides = {"h100": {"price_usd": 20_000}}
    assert "accelerator_overrides.h100.price_usd" not in revalidated(s).distributions
    in_file = gw.load_scenario({**_hall(), "accelerator_overrides": {"h100": {"price_usd": 20_000}}})
    assert set(revalidated(s).distributions) == set(in_file.distributions)
    # and a type ordered since loading inherits its own range, as it would from a file
    s.accelerator_overrides = {}
    s.sites[0].phases[0].accelerator = "h200"
    assert "accelerator_overrides.h200.price_usd" in revalidated(s).distributions
    assert "accelerator_overrides.h100.price_usd" not in revalidated(s).distributions


def test_a_distribution_set_on_a_loaded_scenario_is_refused_saying_where_it_belongs():
    # found by tests/test_hostile_property.py: the quantity reader took a mapping's 'value' and reported the missing
    # one as "Phase.power_mw: None is not a quantity"
    s = gw.load_scenario(_hall())
    for node, field in ((s.sites[0].phases[0], "power_mw"), (s.operations, "pue"), (s.sites[0].phases[0], "start")):
        with pytest.raises(gw.ScenarioError) as err:
            setattr(node, field, {"dist": "uniform", "low": 1, "high": 2})
        assert f".{field}: {{'dist': 'uniform', 'low': 1, 'high': 2}} is a distribution; expected a value" in str(
            err.value
        )
    with pytest.raises(gw.ScenarioError, match=r"^Phase\.power_mw: \{'x': 1\} is not a quantity"):
        s.sites[0].phases[0].power_mw = {"x": 1}
    s.sites[0].phases[0].power_mw = {"value": "2 GW", "source": "a sourced value, as in a file"}
    assert s.sites[0].phases[0].power_mw == 2000.0


def test_a_value_set_where_a_distribution_was_loaded_is_the_value_risk_uses():
    # found by tests/test_hostile_property.py: power_mw loaded as uniform(80, 120) and then set to 500 MW ran 500 MW in
    # simulate while risk still drew 80-120 MW and listed the field as uncertain
    s = gw.load_scenario(_hall(power_mw={"dist": "uniform", "low": 80, "high": 120}))
    assert s.sites[0].phases[0].power_mw == 100.0  # the centre, (80 + 120) / 2
    assert "sites[0].phases[0].power_mw" in gw.risk(s, trials=16, seed=0).uncertain
    s.sites[0].phases[0].power_mw = 500
    r = gw.risk(s, trials=16, seed=0)
    assert "sites[0].phases[0].power_mw" not in r.uncertain
    assert (
        r.as_json()["metrics"] == gw.risk(gw.load_scenario(_hall(power_mw=500)), trials=16, seed=0).as_json()["metrics"]
    )
    # a phase removed since loading takes its distribution with it (no lookup of a path that is gone)
    s = gw.load_scenario(_hall(power_mw={"dist": "uniform", "low": 80, "high": 120}))
    s.sites[0].phases = [s.sites[0].phases[0].model_copy(update={"power_mw": 90.0})]
    assert "sites[0].phases[0].power_mw" not in gw.risk(s, trials=16, seed=0).uncertain

"""Each consistency rule fires on a suspicious input and stays quiet on the built-in scenarios it should not flag."""

import gigawatt as gw
from gigawatt.data import checks
from toy_scenarios import toy


def load(**changes):
    return gw.load_scenario(toy(**changes))


def test_quiet_on_plausible_inputs():
    assert checks.run_checks(load(**{"sites[0].phases[0].construction_months": 6})) == []
    assert checks.run_checks(gw.load_scenario("stargate")) == []
    assert checks.run_checks(gw.load_scenario("colossus")) == []


def test_accelerator_before_volume():
    w = checks.check_accelerator_before_volume(load(**{"sites[0].phases[0].accelerator": "rubin"}))
    assert len(w) == 1 and "sites[0].phases[0].accelerator: rubin" in w[0] and "2026-09" in w[0]


def test_pue_range():
    w = checks.check_pue_range(load(**{"operations.pue": 1.9}))
    assert w == ["operations.pue: 1.9 is outside the published 1.05-1.6 (EC15 liquid-cooled, EC12 industry average)"]


def test_facility_cost_range():
    w = checks.check_facility_cost_range(load(**{"sites[0].phases[0].capex_per_mw_usd": "$30M/MW"}))
    assert len(w) == 1 and "$30.0M/MW" in w[0] and "EC01" in w[0]


def test_construction_time():
    fast = checks.check_construction_time(load(**{"sites[0].phases[0].construction_months": 2}))
    slow = checks.check_construction_time(load(**{"sites[0].phases[0].construction_months": 60}))
    assert "122 days" in fast[0] and "3.6 years" in slow[0]


def test_money_covers_plan():
    w = checks.check_money_covers_plan(
        load(**{"partners[0].pledges[0].amount_usd": 1e9, "partners[0].pledges[0].secured_usd": 1e9})
    )
    assert len(w) == 1 and "some will not close" in w[0]
    # the Musk reading of Stargate is flagged; Stargate as announced is not
    assert checks.check_money_covers_plan(gw.load_scenario("stargate-musk"))
    assert not checks.check_money_covers_plan(gw.load_scenario("stargate"))


def test_run_json_carries_warnings(capsys):
    from gigawatt.cli.core import main

    assert main(["run", "stargate-musk", "--json"]) == 0
    out, err = capsys.readouterr()
    import json

    assert json.loads(out)["warnings"] and err.startswith("warning: ")

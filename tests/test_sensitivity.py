"""Sensitivity: Sobol indices against a closed form, Morris ranking, the tornado, and bad input."""

import json

import pytest

import gigawatt as gw
from gigawatt.engine.sensitivity import sensitivity
from toy_scenarios import toy

F = 800e6  # the toy hall's facility capex
IT = 62_745 * 50_000  # its first fill of H100s


def additive():
    # capex_total = F * overrun + IT * price factor, both U(0.5, 1.5) and independent; money is ample so the hall
    # always closes and fills, and an input that moves nothing (power delay within the build) is added as a control
    return gw.load_scenario(
        toy(
            **{
                "risks.cost_overrun": {"dist": "uniform", "low": 0.5, "high": 1.5},
                "risks.accelerator_price": {"dist": "uniform", "low": 0.5, "high": 1.5},
                "risks.power_delay_months": {"dist": "uniform", "low": 0, "high": 2},
            }
        )
    )


def test_sobol_indices_of_an_additive_model(monkeypatch):
    import gigawatt.engine.sensitivity as sens

    runs = []
    metric = sens._metric
    monkeypatch.setattr(sens, "_metric", lambda s, values, n, m: runs.append(n) or metric(s, values, n, m))
    r = sensitivity(additive(), "capex_total_usd", "sobol", 2048, seed=3)
    idx = {row["input"]: row for row in r.indices}
    # Var = (F^2 + IT^2) / 12: S1 = ST = F^2 / (F^2 + IT^2) = 0.061 for the overrun, 0.939 for the price
    s_over = F**2 / (F**2 + IT**2)
    for name, s in (("risks.cost_overrun", s_over), ("risks.accelerator_price", 1 - s_over)):
        # Saltelli estimators at N = 2048 have bootstrap half-widths ~0.02-0.05: 0.06 covers them
        assert idx[name]["S1"] == pytest.approx(s, abs=0.06), name
        assert idx[name]["ST"] == pytest.approx(s, abs=0.06), name
    assert abs(idx["risks.power_delay_months"]["ST"]) < 1e-9  # it moves nothing: exactly zero variance share
    assert r.indices[0]["input"] == "risks.accelerator_price"
    # the runs reported are the runs done: Saltelli's scheme without second order takes N (D + 2) = 2,048 x 5 =
    # 10,240 (SALib docs), the tornado 1 + 2 per input = 7; 10,247 in all
    assert sum(runs) == 10_247
    assert r.evaluations == 10_247


def test_tornado_is_one_at_a_time_around_the_deterministic_run():
    r = sensitivity(additive(), "capex_total_usd", "morris", 20, seed=1)
    idx = {row["input"]: row for row in r.indices}
    assert r.base == pytest.approx(F + IT)  # central values: overrun 1, price 1 (uniform midpoints)
    assert idx["risks.cost_overrun"]["at_p10"] == pytest.approx(0.6 * F + IT)
    assert idx["risks.cost_overrun"]["at_p90"] == pytest.approx(1.4 * F + IT)
    assert idx["risks.accelerator_price"]["at_p90"] == pytest.approx(F + 1.4 * IT)
    # Morris: elementary effects of a linear model are its slopes times the range: mu* = IT for the price; the
    # unit cube is cut at 1e-4 from its ends (unbounded distributions), which shortens some steps by 1.5e-4
    assert r.indices[0]["input"] == "risks.accelerator_price"
    assert idx["risks.accelerator_price"]["mu_star"] == pytest.approx(IT, rel=1e-3)
    assert idx["risks.cost_overrun"]["mu_star"] == pytest.approx(F, rel=1e-3)


def test_bad_sensitivity_input():
    s = additive()
    with pytest.raises(gw.GigawattError, match="unknown metric 'capex'; expected one of: mw_online_end"):
        sensitivity(s, "capex")
    with pytest.raises(gw.GigawattError, match="power of two"):
        sensitivity(s, "capex_total_usd", "sobol", 1000)
    with pytest.raises(gw.GigawattError, match="expected one of: sobol, morris"):
        sensitivity(s, "capex_total_usd", "fast")
    with pytest.raises(gw.GigawattError, match="no uncertain inputs"):
        sensitivity(gw.load_scenario(toy()), "capex_total_usd")


def test_sensitivity_cli(capsys, tmp_path):
    from gigawatt.cli.core import main

    code = main(
        [
            "sensitivity",
            "stargate",
            "--metric",
            "capex_total_usd",
            "--samples",
            "256",
            "--json",
            "--out",
            str(tmp_path / "s"),
        ]
    )
    out, _ = capsys.readouterr()
    assert code == 0
    d = json.loads(out)
    assert d["metric"] == "capex_total_usd" and d["method"] == "sobol"
    assert {"input", "S1", "S1_conf", "ST", "ST_conf"} <= set(d["indices"][0])
    assert {p.name for p in (tmp_path / "s").iterdir()} >= {"sensitivity.json", "sensitivity.csv", "tornado.png"}
    assert main(["sensitivity", "stargate", "--metric", "nope"]) == 2


def test_a_metric_that_does_not_vary_is_said_in_one_warning_line(capsys):
    # pledged money is fixed in stargate (only its arrival is uncertain): every run gives the same $500B, so the
    # indices are undefined; the user gets one warning line, not SALib's UserWarning with a source line
    from gigawatt.cli.core import main

    assert main(["sensitivity", "stargate", "--metric", "pledged_usd", "--samples", "8", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "warning: pledged_usd is 5e+11 in every run" in err
    assert "UserWarning" not in err
    assert json.loads(out)["warnings"][0].startswith("pledged_usd is 5e+11 in every run")


def test_seed_zero_gives_the_same_confidence_intervals_twice():
    # SALib seeds its bootstrap only for a truthy seed; seed 0 used to give new intervals on every call
    s = gw.load_scenario("stargate")
    a = sensitivity(s, metric="capex_total_usd", method="sobol", samples=64, seed=0)
    b = sensitivity(s, metric="capex_total_usd", method="sobol", samples=64, seed=0)
    assert [r["S1_conf"] for r in a.indices] == [r["S1_conf"] for r in b.indices]
    assert [r["ST_conf"] for r in a.indices] == [r["ST_conf"] for r in b.indices]

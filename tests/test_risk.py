"""Monte Carlo: the compiled loop against the same loop interpreted, seeds, chunking, and statistics with
tolerances."""

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gigawatt as gw
from gigawatt.engine import trials
from gigawatt.engine.inputs import SERIES, compile_inputs
from gigawatt.engine.montecarlo import sample_block
from gigawatt.engine.sketch import Sketch
from profiles import examples
from strategies import scenarios
from toy_scenarios import toy

N_H100 = 62_745


def test_compiled_loop_equals_interpreted_loop_on_builtins():
    # one source, two ways to run it: numba must not change a single bit (no fast-math, no reassociation)
    for name in gw.builtin_names():
        inp = compile_inputs(gw.load_scenario(name))
        a, b = trials.run(inp), trials.run(inp, compiled=True)
        for i, key in enumerate(SERIES):
            np.testing.assert_array_equal(a["series"][0, :, i], b["series"][0, :, i], err_msg=f"{name}: {key}")
        np.testing.assert_array_equal(a["by_type"], b["by_type"])
        np.testing.assert_array_equal(a["start_month"], b["start_month"])


UNCERTAIN = {
    "risks.construction_slip": {"dist": "triangular", "low": 0.5, "mode": 1.0, "high": 2.0},
    "risks.cost_overrun": {"dist": "lognormal", "median": 1.0, "low": 0.7, "high": 1.5},
    "risks.accelerator_price": {"dist": "uniform", "low": 0.5, "high": 1.5},
    "risks.power_delay_months": {"dist": "pert", "low": 0, "mode": 2, "high": 18},
    "funding.announced_arrival": {"dist": "uniform", "low": 0, "high": 1},
    "procurement.lead_time_months": {"dist": "choice", "values": [0, 1, 3, 6]},
    "operations.lifetime_months": {"dist": "uniform", "low": 6, "high": 40},
    "sites[0].phases[0].accelerator": {"dist": "choice", "values": ["h100", "gb200", "newest:nvidia"]},
}


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.integers(0, 2**31))
def test_compiled_trials_equal_interpreted_trials_one_by_one(tree, seed):
    # every trial of a compiled batch (run on several threads, reusing one state per thread) equals the
    # interpreted loop on that trial's inputs alone, bit for bit
    s = gw.load_scenario(tree, overrides=[f"{k}={json.dumps(v)}" for k, v in UNCERTAIN.items()])
    values = sample_block(s, seed, 0, 200)
    inp = compile_inputs(s, values, trials=200)
    fast = trials.run(inp, compiled=True)
    for i in (0, 1, 99, 100, 199):
        slow = trials.run(inp.subset(i))
        for j, key in enumerate(SERIES):
            np.testing.assert_array_equal(slow["series"][0, :, j], fast["series"][i, :, j], err_msg=key)
        np.testing.assert_array_equal(slow["by_type"][0], fast["by_type"][i])
        np.testing.assert_array_equal(slow["start_month"][0], fast["start_month"][i])


def test_point_distributions_give_the_deterministic_numbers():
    point = toy(
        **{
            "sites[0].phases[0].power_mw": {"dist": "triangular", "low": 100, "mode": 100, "high": 100},
            "risks.cost_overrun": {"dist": "uniform", "low": 1, "high": 1},
        }
    )
    s = gw.load_scenario(point)
    det = gw.simulate(s).metrics
    r = gw.risk(s, trials=3000, seed=7)
    for name, q in r.metrics.items():
        if name == "first_gw_date":
            assert q["p50"] == det[name]
            continue
        assert q["p10"] == q["p50"] == q["p90"] == det[name], name
        assert q["mean"] == pytest.approx(det[name], rel=1e-12, abs=1e-9), name  # a sum of 3000 equal numbers / 3000


def _uncertain_power():
    return gw.load_scenario(toy(**{"sites[0].phases[0].power_mw": {"dist": "uniform", "low": 50, "high": 150}}))


def test_same_seed_same_numbers_and_chunking_does_not_matter():
    s = _uncertain_power()
    a = gw.risk(s, trials=5000, seed=3).as_json()
    b = gw.risk(s, trials=5000, seed=3, chunk_trials=1024).as_json()
    c = gw.risk(s, trials=5000, seed=4).as_json()
    assert a == b
    assert a["metrics"]["accelerators_end"] != c["metrics"]["accelerators_end"]


def test_without_fans_every_other_figure_is_the_same():
    # fans=False (the command line without --out) skips the month-by-month fan cells; the sketch, sums and kept
    # metrics are per cell, so every figure risk prints must be bit for bit those of the run with fans
    s = _uncertain_power()
    with_fans = gw.risk(s, trials=3000, seed=5)
    without = gw.risk(s, trials=3000, seed=5, fans=False)
    assert without.as_json() == with_fans.as_json()
    assert without.fan == {} and set(with_fans.fan) == {
        "mw_online",
        "accelerators",
        "h100e",
        "capex_usd",
        "funding_gap_usd",
    }


def test_uniform_input_quantiles_land_where_theory_says():
    # power ~ U(50, 150) MW -> accelerators = floor(power / 1.25 * 1000 / 1.275), monotone in power, so the
    # P10/P50/P90 of the output are the output at power's quantiles 60, 100 and 140 MW
    r = gw.risk(_uncertain_power(), trials=40_000, seed=11)
    m = r.metrics["accelerators_end"]
    for key, mw in (("p10", 60), ("p50", 100), ("p90", 140)):
        expected = np.floor(mw / 1.25 * 1000 / 1.275)
        # the sample quantile's standard error is sqrt(q(1-q)/n) / density = 100 MW * 0.0015 for q = 0.5,
        # n = 40,000: 0.25 MW; 1 % of the value is more than 4 standard errors at every quantile
        assert m[key] == pytest.approx(expected, rel=0.01), key
    # the mean of a linear function of power: capex = 800 $M per 100 MW + fill, linear in power (up to flooring)
    mean_power = 100.0
    assert m["mean"] == pytest.approx(mean_power / 1.25 * 1000 / 1.275, rel=0.01)  # SE 0.14 %: 7 SE


def test_known_variance_energy():
    # energy is linear in utilization ~ U(0.5, 0.9); with everything else fixed, the P10 and P90 of total energy
    # are the energy at utilization 0.54 and 0.86 (exact quantiles below 200,000 trials)
    s = gw.load_scenario(toy(**{"operations.utilization": {"dist": "uniform", "low": 0.5, "high": 0.9}}))
    # at full draw, by hand: 62,745 H100 x 1.275 kW = 79.999875 MW IT x PUE 1.25, installed from April 2025 to
    # December 2026: 275 + 365 = 640 days = 15,360 h, so 79.999875 x 1.25 x 15,360 = 1,535,997.6 MWh
    base = 1_535_997.6
    r = gw.risk(s, trials=20_000, seed=5).metrics["energy_mwh_total"]
    # standard error of the P10 of a uniform: sqrt(0.09 / 20000) * 0.4 = 0.0008 in utilization -> 2 % is 25 SE
    assert r["p10"] == pytest.approx(0.54 * base, rel=0.01)
    assert r["p90"] == pytest.approx(0.86 * base, rel=0.01)
    assert r["mean"] == pytest.approx(0.70 * base, rel=0.005)  # SE of the mean 0.08 %


def test_probabilities_from_a_slipping_build():
    # construction 3 months x slip ~ U(1, 5) -> online month = round(3 * slip) + ... ; 1.2 GW so the first GW
    # comes when the hall is online: P(online by end 2025) = P(round(3 slip) <= 11) = P(slip <= 11.5/3)
    s = gw.load_scenario(
        toy(
            **{
                "sites[0].phases[0].power_mw": 1200,
                "risks.construction_slip": {"dist": "uniform", "low": 1, "high": 5},
                "partners[0].pledges[0].amount_usd": 1e13,
                "partners[0].pledges[0].secured_usd": 1e13,
            }
        )
    )
    r = gw.risk(s, trials=20_000, seed=2)
    expected = (11.5 / 3 - 1) / 4
    # binomial standard error sqrt(p(1-p)/n) = 0.0032: 0.015 is about 5 SE
    assert r.probabilities["gw_online_by_2025"] == pytest.approx(expected, abs=0.015)
    assert r.probabilities["gw_online_by_2026"] == 1.0


def test_sketch_quantiles_within_relative_error():
    rng = np.random.default_rng(0)
    x = rng.lognormal(3.0, 2.0, size=(50_000, 3))
    sk = Sketch(3)
    sk.add(x[:20_000])
    other = Sketch(3)
    other.add(x[20_000:])
    sk.merge(other)
    for q, got in zip((0.1, 0.5, 0.9), sk.quantiles((0.1, 0.5, 0.9)), strict=True):
        want = np.quantile(x, q, method="lower", axis=0)
        np.testing.assert_allclose(got, want, rtol=0.0101)  # alpha = 0.5 % per side of the bucket


def test_sketch_counts_zeros_in_the_zero_bucket():
    """Values below the sketch's smallest (a metric that is 0 in some trials: nothing online, no debt) go to the
    zero bucket: with 30 % zeros and the rest 1..70, the P10 is 0 and the P50 and P90 are the sample's."""
    x = np.concatenate([np.zeros(30), np.arange(1.0, 71.0)])[:, None]  # 100 values: 30 zeros, then 1, 2, ..., 70
    sk = Sketch(1)
    sk.add(x)
    p10, p50, p90 = (float(v[0]) for v in sk.quantiles((0.1, 0.5, 0.9)))
    assert p10 == 0.0
    # the lower 50th and 90th of 100 values are the 50th and 90th smallest: 20 and 60; alpha = 0.5 % per side
    assert p50 == pytest.approx(20.0, rel=0.0101)
    assert p90 == pytest.approx(60.0, rel=0.0101)


def test_risk_cli_json_and_files(capsys, tmp_path):
    from gigawatt.cli.core import main

    code = main(
        [
            "risk",
            "stargate",
            "--trials",
            "2000",
            "--seed",
            "1",
            "--json",
            "--set",
            "risks.construction_slip={dist: triangular, low: 0.9, mode: 1, high: 1.5}",
            "--out",
            str(tmp_path / "r"),
        ]
    )
    out, _ = capsys.readouterr()
    assert code == 0
    d = json.loads(out)
    assert {"scenario", "trials", "seed", "metrics", "yearly", "probabilities"} <= set(d)
    assert d["trials"] == 2000 and d["seed"] == 1
    # the key metrics of docs/model.md section 5, all of them
    assert set(d["metrics"]) == {
        "mw_online_end",
        "it_mw_installed_end",
        "accelerators_end",
        "h100e_end",
        "peak_bf16_flops_end",
        "capex_total_usd",
        "capex_facility_usd",
        "capex_it_usd",
        "spent_usd",
        "pledged_usd",
        "secured_usd",
        "equity_received_usd",
        "debt_end_usd",
        "interest_usd",
        "cash_end_usd",
        "funding_gap_max_usd",
        "first_gw_date",
        "energy_mwh_total",
        "energy_cost_usd_total",
        "emissions_t_total",
        "opex_usd_total",
        "largest_run_flop_end",
        "largest_run_accelerators_end",
        "phases_online_end",
        "phase_delay_months_total",
    }
    assert {"mean", "p10", "p50", "p90"} <= set(d["metrics"]["mw_online_end"])
    # stargate.yaml's own distributions, the slip that --set makes uncertain in place of the file's, and the money
    # ranges every scenario inherits (data/money_ranges.py): the price of each type stargate may order and the
    # facility cost per MW (as risks.cost_overrun)
    assert set(d["uncertain_inputs"]) == {
        "partners[0].pledges[0].secured_usd",
        "funding.announced_arrival",
        "funding.announced_delay_months",
        "risks.construction_slip",
        "risks.cost_overrun",
        "risks.power_delay_months",
        *(f"accelerator_overrides.{t}.price_usd" for t in ("b200", "gb200", "gb300", "h100", "h200")),
    }
    names = {p.name for p in (tmp_path / "r").iterdir()}
    assert {"risk.json", "risk_metrics.csv", "risk_yearly.csv", "fan_mw_online.png"} <= names


def test_risk_bad_input(capsys):
    from gigawatt.cli.core import main

    assert main(["risk", "stargate", "--trials", "0"]) == 2
    assert main(["risk", "stargate", "--set", "risks.cost_overrun={dist: uniform, low: 2, high: 1}"]) == 2
    _, err = capsys.readouterr()
    assert "risks.cost_overrun: low 2 > high 1" in err and "Traceback" not in err
    with pytest.raises(gw.GigawattError, match="trials"):
        gw.risk(gw.load_scenario("stargate"), trials=0)


def test_dask_local_gives_the_single_process_numbers():
    from gigawatt.engine.cluster import connect

    s = gw.load_scenario("stargate")
    client = connect("local:2")
    try:
        on_cluster = gw.risk(s, trials=4000, seed=9, client=client, chunk_trials=1024).as_json()
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    assert on_cluster == gw.risk(s, trials=4000, seed=9).as_json()


def test_dask_bad_address(capsys):
    from gigawatt.cli.core import main

    assert main(["risk", "stargate", "--trials", "10", "--dask", "nowhere:1"]) == 2
    _, err = capsys.readouterr()
    assert "expected 'local', 'local:N' or a scheduler address" in err

"""What a journalist asks first (issue 17, item 5): capex per GW of IT power, per GW of facility power and per
H100-equivalent, beside capex, in ``run`` (table, --json, compare) and ``estimate --json``.

Oracles are worked by hand on the toy scenario (tests/toy_scenarios.py): one 100 MW hall at PUE 1.25, $10M per MW of
IT, H100s at $50,000 and 1,275 W all-in (DGX H100 10.2 kW / 8, HW07), 24 months (no accelerator retires: lifetime 60).
"""

import json

import pytest

import gigawatt as gw
from gigawatt.cli.core import main
from toy_scenarios import toy

# the toy by hand: IT capacity 100 / 1.25 = 80 MW; 80e6 / 1,275 = 62,745.1 -> 62,745 H100
N = 62_745
IT_MW = N * 1275 / 1e6  # 79.999875 MW of all-in IT power installed
CAPEX_IT = N * 50_000  # $3,137,250,000
CAPEX_FACILITY = 80 * 10e6  # facility capex per MW of IT load (EC01's basis): $800,000,000
CAPEX = CAPEX_IT + CAPEX_FACILITY  # $3,937,250,000
KEYS = ("capex_per_gw_it_usd", "capex_per_gw_facility_usd", "capex_per_h100e_usd")


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_toy_by_hand():
    m = gw.simulate(gw.load_scenario(toy())).metrics
    assert m["capex_total_usd"] == pytest.approx(CAPEX, rel=1e-12)  # float sums: rounding only
    # $3,937,250,000 / 0.079999875 GW = $49.2157B per GW of IT; / 0.1 GW = $39.3725B per GW of facility power;
    # / 62,745 H100-equivalents (an H100 is one) = $62,750.02 each ($50,000 + $800M / 62,745)
    assert m["capex_per_gw_it_usd"] == pytest.approx(CAPEX / (IT_MW / 1000), rel=1e-12)
    assert m["capex_per_gw_it_usd"] == pytest.approx(49.2157e9, rel=1e-6)
    assert m["capex_per_gw_facility_usd"] == pytest.approx(39.3725e9, rel=1e-12)
    assert m["capex_per_h100e_usd"] == pytest.approx(50_000 + 800e6 / N, rel=1e-12)
    assert list(m) == list(gw.RUN_METRICS)  # beside capex: right after the capex split
    assert list(m).index("capex_per_gw_it_usd") == list(m).index("capex_it_usd") + 1


def test_nothing_online_has_no_cost_per_gw():
    # the hall is planned after the horizon: nothing built, nothing spent, no ratio (null, not 0 or infinity)
    m = gw.simulate(gw.load_scenario(toy(**{"programme.horizon_months": 3, "sites[0].phases[0].start": "2025-03"})))
    assert m.metrics["mw_online_end"] == 0
    assert all(m.metrics[k] is None for k in KEYS)


def test_halls_under_construction_count_in_capex_not_in_power():
    # a second 100 MW hall started 2026-07 with 12 months to build is half built at the horizon's end (2026-12): its
    # facility capex (100 / 1.25 x $10M = $800M) is spent evenly, 6 of 12 months = $400M, and is in capex_total_usd,
    # but its power is not online, so the cost per GW rises (docs/model.md says so): $4,337.25M / 0.1 GW
    tree = toy()
    tree["sites"][0]["phases"].append(
        {"name": "p2", "power_mw": 100, "start": "2026-07", "construction_months": 12, "capex_per_mw_usd": 10e6}
    )
    m = gw.simulate(gw.load_scenario(tree)).metrics
    assert m["mw_online_end"] == 100
    assert m["capex_total_usd"] == pytest.approx(CAPEX + 400e6, rel=1e-12)
    assert m["capex_per_gw_facility_usd"] == pytest.approx(43.3725e9, rel=1e-12)


def test_run_json_and_table_report_them(capsys):
    code, out, _ = cli(capsys, "run", "stargate", "--json")
    data = json.loads(out)
    m = data["metrics"]
    for k in KEYS:
        assert k in m and k in data["units"]
    assert data["units"]["capex_per_gw_it_usd"] == "USD per GW"
    assert m["capex_per_gw_facility_usd"] == pytest.approx(m["capex_total_usd"] / (m["mw_online_end"] / 1000))
    assert m["capex_per_gw_it_usd"] == pytest.approx(m["capex_total_usd"] / (m["it_mw_installed_end"] / 1000))
    assert m["capex_per_h100e_usd"] == pytest.approx(m["capex_total_usd"] / m["h100e_end"])
    code, out, _ = cli(capsys, "run", "stargate")
    assert code == 0 and "capex_per_gw_facility_usd" in out and "per GW" in out and "per H100-eq" in out


def test_compare_has_them_with_deltas(capsys):
    code, out, _ = cli(capsys, "compare", "stargate", "stargate-musk", "--json")
    assert code == 0
    m = json.loads(out)["metrics"]["capex_per_gw_facility_usd"]
    assert m["delta"] == pytest.approx(m["stargate-musk"] - m["stargate"])


def test_estimate_by_hand():
    # 1 GW of facility power of GB200 (the reading of Huang's "$50B per gigawatt", CX01): 1,000 / 1.14 = 877.19 MW
    # of IT, / 1,833 W = 478,555.7 -> 478,555 GB200 at $52,083 = $24.925B; facility 877.19 MW x $16.4M (the
    # calibrated default, defaults.csv) = $14.386B
    out = gw.estimate("gb200", power_mw=1000)
    n = int(1000 / 1.14 * 1e6 / 1833)
    total = n * 52_083 + 1000 / 1.14 * 16.4e6
    assert n == out["accelerators"] == 478_555
    assert out["capex_per_gw_facility_usd"] == pytest.approx(total / 1.0, rel=1e-12)
    assert out["capex_per_gw_facility_usd"] == pytest.approx(39.31e9, rel=1e-3)  # ~21 % under the $50B of CX01
    assert out["capex_per_gw_it_usd"] == pytest.approx(total / (1 / 1.14), rel=1e-12)
    assert out["capex_per_h100e_usd"] == pytest.approx(total / (n * 2500 / 989), rel=1e-12)  # 2,500 TFLOP/s BF16


def test_estimate_without_a_price_has_no_cost_per_gw(capsys):
    out = gw.estimate("tpu-v7", power_mw=100)
    assert out["capex_total_usd"] is None and all(out[k] is None for k in KEYS)
    code, out, _ = cli(capsys, "estimate", "--power", "100MW", "-a", "gb200", "--json")
    assert code == 0
    assert all(isinstance(json.loads(out)[k], float) for k in KEYS)

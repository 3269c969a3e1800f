"""End-to-end tests of every command: in-process through ``main`` and once through the installed entry point."""

import json
import subprocess
import sys

import pytest

from gigawatt.cli.core import main


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_scenarios(capsys):
    code, out, _ = cli(capsys, "scenarios")
    assert code == 0
    for name in ("stargate", "stargate-musk", "stargate-uae", "colossus"):
        assert name in out
    code, out, _ = cli(capsys, "scenarios", "--json")
    assert {d["name"] for d in json.loads(out)} >= {"stargate", "colossus"}


def test_run_table(capsys):
    code, out, _ = cli(capsys, "run", "stargate")
    assert code == 0
    assert "first_gw_date" in out and "2026-07" in out and "2029" in out  # Abilene's fifth building (MS03)


def test_run_json_contract(capsys):
    code, out, _ = cli(capsys, "run", "stargate", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["scenario"] == "stargate"
    for key in (
        "mw_online_end",
        "accelerators_end",
        "h100e_end",
        "capex_total_usd",
        "funding_gap_max_usd",
        "first_gw_date",
    ):
        assert key in data["metrics"]
    assert [y["year"] for y in data["yearly"]] == [2025, 2026, 2027, 2028, 2029]


def test_run_with_set(capsys):
    _, out, _ = cli(capsys, "run", "stargate", "--json", "--set", "funding.announced_arrival=0")
    assert json.loads(out)["metrics"]["equity_received_usd"] == pytest.approx(52e9)


def test_run_out_writes_tables_and_charts(capsys, tmp_path):
    code, _, _ = cli(capsys, "run", "stargate-uae", "--out", str(tmp_path / "o"))
    assert code == 0
    names = {p.name for p in (tmp_path / "o").iterdir()}
    assert {
        "timeseries.csv",
        "timeseries.parquet",
        "yearly.csv",
        "phases.csv",
        "summary.json",
        "scenario.yaml",
        "buildout.png",
        "money.png",
        "funding_gap.png",
    } <= names
    assert not [n for n in names if n.startswith(".") and n != ".gigawatt-manifest.json"], "temporary files left behind"
    assert (tmp_path / "o" / "buildout.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary = json.loads((tmp_path / "o" / "summary.json").read_text())
    assert summary["scenario"] == "stargate-uae"
    import pandas as pd

    ts = pd.read_parquet(tmp_path / "o" / "timeseries.parquet")
    assert len(ts) == 60 and "mw_online" in ts


def test_compare(capsys):
    code, out, _ = cli(capsys, "compare", "stargate", "stargate-musk", "--json")
    assert code == 0
    m = json.loads(out)["metrics"]["secured_usd"]
    assert m["delta"] == pytest.approx(-9e9)
    code, out, _ = cli(capsys, "compare", "stargate", "stargate-musk")
    assert code == 0 and "delta" in out


def test_estimate_power(capsys):
    code, out, _ = cli(capsys, "estimate", "--power", "1.2GW", "--accelerator", "gb200", "--json")
    assert code == 0
    d = json.loads(out)
    # 1200 MW / 1.14 = 1052.6 MW IT; / 1.833 kW = 574,267 GB200
    assert d["accelerators"] == 574_267
    assert d["facility_power_mw"] == 1200
    for key in (
        "accelerator",
        "it_power_mw",
        "capex_it_usd",
        "capex_facility_usd",
        "capex_total_usd",
        "h100e",
        "peak_bf16_flops",
        "annual_energy_mwh",
    ):
        assert key in d


def test_estimate_budget_and_count(capsys):
    _, out, _ = cli(capsys, "estimate", "--budget", "$100B", "--accelerator", "gb300", "--json")
    d = json.loads(out)
    # each GB300: $60,764 all-in (a $3.5M rack / 72 x 1.25 for scale-out network and storage, PR01-PR03) + 1.944 kW
    # x $16.4M per MW IT (the median of the observed AI campus packages, docs/validation.md) = $92,645.60 (sizing
    # factors neutral: non-accelerator share 0); grid power costs the campus nothing up front:
    # $100B / $92,645.60 = 1,079,382.1 -> 1,079,382 whole accelerators
    assert d["accelerators"] == 1_079_382
    assert d["capex_total_usd"] == pytest.approx(1_079_382 * 92_645.6, rel=1e-12)  # float rounding only
    _, out, _ = cli(capsys, "estimate", "--accelerators", "100000", "--accelerator", "h100", "--json")
    d = json.loads(out)
    assert d["accelerators"] == 100_000 and d["h100e"] == pytest.approx(100_000)
    code, out, _ = cli(capsys, "estimate", "--accelerators", "100000", "--accelerator", "h100")
    assert code == 0 and "assumptions" in out


def test_catalog(capsys):
    code, out, _ = cli(capsys, "catalog")
    assert code == 0 and "gb300" in out and "HW18" in out
    _, out, _ = cli(capsys, "catalog", "--json")
    d = json.loads(out)
    assert d["h100"]["bf16_dense_tflops"] == 989
    assert d["h100"]["sources"]["tdp_w"]["facts_id"] == "HW01"


def test_show(capsys):
    import yaml

    code, out, _ = cli(capsys, "show", "stargate")
    assert code == 0
    data = yaml.safe_load(out)
    assert data["partners"][0]["pledges"][0]["secured_usd"]["facts_id"] == "SG10; SG13"
    assert data["partners"][0]["pledges"][0]["secured_usd"]["dist"] == "triangular"
    capex_per_mw = data["sites"][0]["phases"][0]["capex_per_mw_usd"]
    assert capex_per_mw["default"] == "phase.capex_per_mw_usd" and "EC01" in capex_per_mw["facts_id"].split("; ")


def test_schema(capsys):
    code, out, _ = cli(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert "programme" in schema["properties"] and "sites" in schema["required"]
    # ranges in JSON Schema's words, on the number branch of a field that also takes a unit string ("300 MW"):
    # a phase's power is > 0 and at most 100 GW (limits.MAX_PHASE_POWER_MW)
    power = schema["$defs"]["Phase"]["properties"]["power_mw"]
    number = next(b for b in power["anyOf"] if b.get("type") == "number")
    assert number["exclusiveMinimum"] == 0 and number["maximum"] == 100_000
    assert not {"ge", "le", "gt", "lt"} & set(power)

    def keys(node):
        if isinstance(node, dict):
            for k, v in node.items():
                yield k
                if k != "properties":  # field names are not keywords
                    yield from keys(v)
                else:
                    for field in v.values():
                        yield from keys(field)
        elif isinstance(node, list):
            for item in node:
                yield from keys(item)

    assert not {"ge", "le", "gt", "lt"} & set(keys(schema))


def test_entry_point_runs_without_traceback():
    ok = subprocess.run(
        [sys.executable, "-m", "gigawatt", "run", "colossus", "--json"], capture_output=True, text=True, timeout=120
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["scenario"] == "colossus"
    bad = subprocess.run(
        [sys.executable, "-m", "gigawatt", "run", "nosuch"], capture_output=True, text=True, timeout=120
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and "no scenario 'nosuch'" in bad.stderr


def test_json_never_carries_nan():
    from gigawatt.report.output import finite

    assert finite({"a": float("nan"), "b": [1.0, float("inf")], "c": "x"}) == {"a": None, "b": [1.0, None], "c": "x"}

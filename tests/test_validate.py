"""``gigawatt validate``: the validation set of observed sites and the model's errors against it (issue 11, items 2-3).

Oracles: figures reported for real sites (observed_sites.csv, each with its facts.csv ids), hand-worked conversions
from the catalog's published numbers, and today's errors pinned inside stated bands so that a change that makes the
model fit the observed sites worse fails here.
"""

import csv
import json
import re
from importlib import resources
from pathlib import Path

import pytest

import gigawatt as gw
from gigawatt.cli.core import main
from gigawatt.engine.validate import QUANTITIES, _site, observed_sites, validate
from gigawatt.errors import GigawattError

ROOT = Path(__file__).resolve().parents[1]


def _rows(name: str) -> list[dict]:
    with resources.files("gigawatt.data").joinpath(name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _by_key() -> dict[tuple[str, str], dict]:
    return {(r["id"], r["quantity"]): r for r in validate()["sites"]}


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- the data -----------------------------------------------------------------------------------------------------


def test_every_site_has_a_source_address_date_status_and_known_facts():
    facts = {r["id"] for r in _rows("facts.csv")}
    rows = _rows("observed_sites.csv")
    assert len(rows) >= 12  # issue 11 item 2: at least 12 real sites
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        where = r["id"]
        assert r["source"].strip() and r["status"].strip(), where
        assert r["address"].startswith(("http://", "https://")), where
        assert re.fullmatch(r"\d{4}-\d{2}", r["date"]), where
        ids = [i.strip() for i in r["facts_id"].split(";") if i.strip()]
        assert ids and set(ids) <= facts, f"{where}: facts ids not in facts.csv: {set(ids) - facts}"
        assert r["accelerator"] in gw.catalog(), where
        assert r["power_basis"] in ("it", "facility", "campus_grid"), where
        assert float(r["accelerators_reported"]) > 0 and float(r["power_mw_reported"]) > 0, where


def test_the_set_mixes_vendors_eras_and_the_named_sites():
    sites = observed_sites()
    vendors = {gw.get_accelerator(s.accelerator).vendor for s in sites}
    assert {"nvidia", "google", "aws"} <= vendors
    assert {"h100", "gb200", "gb300", "trainium2", "tpu-v7"} <= {s.accelerator for s in sites}
    names = " ".join(s.site for s in sites)
    for must in ("UAE", "Memphis", "Abilene", "Rainier", "TPU"):
        assert must in names
    assert {s.power_basis for s in sites} == {"it", "facility", "campus_grid"}


def test_new_facts_are_appended_after_every_existing_row():
    text = resources.files("gigawatt.data").joinpath("facts.csv").read_text(encoding="utf-8")
    ids = [r["id"] for r in csv.DictReader(text.splitlines())]
    first_new = next(i for i, x in enumerate(ids) if x.startswith("OS"))
    assert all(x.startswith("OS") for x in ids[first_new:])  # the validation facts form the tail of the file
    shared = ROOT.parent / "shared" / "data" / "facts.csv"
    if shared.exists():  # the shared copy's rows are kept byte for byte: only rows were appended
        assert text.startswith(shared.read_text(encoding="utf-8"))


def test_a_bad_row_is_refused_with_the_field_named():
    row = dict(_rows("observed_sites.csv")[0], power_basis="grid-ish")
    with pytest.raises(GigawattError, match="power_basis 'grid-ish'; expected one of it, facility, campus_grid"):
        _site(row)
    row = dict(_rows("observed_sites.csv")[0], power_mw_reported="-5")
    with pytest.raises(GigawattError, match="power_mw_reported '-5'; expected a positive number"):
        _site(row)


# --- hand-worked sites --------------------------------------------------------------------------------------------


def test_colossus_1_by_hand():
    # 100,000 H100 x 1,275 W all-in (DGX H100 node rating 10.2 kW / 8 GPUs, HW07) = 127.5 MW of IT load;
    # x PUE 1.14 (LBNL average for AI data centres, EC14) = 145.35 MW of facility power, against 150 MW of grid
    # supply (CL03): (145.35 - 150) / 150 = -3.1 %.
    # Back: 150 MW / 1.14 = 131.579 MW of IT / 1.275 kW = 103,199.4 -> 103,199 whole H100: +3.199 %.
    rows = _by_key()
    power = rows[("colossus-1", "power_from_accelerators")]
    assert power["modelled"] == pytest.approx(145.35, rel=1e-12)  # float rounding only
    assert power["error_pct"] == pytest.approx(-3.1, rel=1e-9)
    count = rows[("colossus-1", "accelerators_from_power")]
    assert count["modelled"] == 103_199
    assert count["error_pct"] == pytest.approx(3.199, rel=1e-12)


def test_an_it_power_site_is_converted_at_pue_1():
    # Colossus 2's first phase reports 200 MW of cooling, i.e. of IT heat (CL05): no PUE applies.
    # 200 MW / 1.833 kW per GB200 (132 kW NVL72 rack / 72, HW15; catalog 1,833 W) = 109,110.7 -> 109,110:
    # (109,110 - 110,000) / 110,000 = -0.809 %; back: 110,000 x 1.833 kW = 201.63 MW, +0.815 %.
    rows = _by_key()
    assert rows[("colossus-2-phase1", "accelerators_from_power")]["modelled"] == 109_110
    assert rows[("colossus-2-phase1", "power_from_accelerators")]["modelled"] == pytest.approx(201.63, rel=1e-12)
    assert rows[("colossus-2-phase1", "power_from_accelerators")]["error_pct"] == pytest.approx(0.815, rel=1e-9)


def test_abilene_chip_capex_by_hand():
    # 400,000 GB200 (OS01) x $41,667 (NVL72 rack $3.0M / 72, HW16) = $16.6668B against the reported $40B chip
    # order (OS02): -58.333 %.
    row = _by_key()[("abilene-full", "capex")]
    assert row["modelled"] == pytest.approx(16.6668e9, rel=1e-12)  # float rounding only
    assert row["error_pct"] == pytest.approx(-58.333, rel=1e-9)


def test_sites_the_model_cannot_size_stay_with_the_reason():
    rows = _by_key()
    for site in ("ironwood-pod", "anthropic-google-tpu"):
        for quantity in ("accelerators_from_power", "power_from_accelerators"):
            row = rows[(site, quantity)]
            assert row["modelled"] is None and row["error_pct"] is None
            assert "tpu-v7" in row["note"] and "it_power_w" in row["note"]
    assert validate()["summary"]["not_modelled"] == ["anthropic-google-tpu", "ironwood-pod"]


# --- today's fidelity, pinned ---------------------------------------------------------------------------------------

# Error % of the model as of issue 11's first slice (before calibration), per site and quantity. Each must stay within
# BAND points of today's value: a change that moves a site further from its reported figure fails, and so does one
# that moves it closer (the calibration then tightens these numbers and says so).
TODAY = {
    ("colossus-1", "accelerators_from_power"): 3.2,
    ("colossus-1", "power_from_accelerators"): -3.1,
    ("cortex", "accelerators_from_power"): 78.9,
    ("cortex", "power_from_accelerators"): -44.1,
    ("abilene-phase1", "accelerators_from_power"): -4.3,
    ("abilene-phase1", "power_from_accelerators"): 4.5,
    ("abilene-phase1", "capex"): -39.6,
    ("abilene-full", "accelerators_from_power"): 43.6,
    ("abilene-full", "power_from_accelerators"): -30.3,
    ("abilene-full", "capex"): -58.3,
    ("colossus-2-phase1", "accelerators_from_power"): -0.8,
    ("colossus-2-phase1", "power_from_accelerators"): 0.8,
    ("colossus-2-gw", "accelerators_from_power"): -13.0,
    ("colossus-2-gw", "power_from_accelerators"): 14.9,
    ("stargate-uae-200", "accelerators_from_power"): -9.8,
    ("stargate-uae-200", "power_from_accelerators"): 10.8,
    ("stargate-norway", "accelerators_from_power"): 3.8,
    ("stargate-norway", "power_from_accelerators"): -3.6,
    ("nscale-texas", "accelerators_from_power"): 4.1,
    ("nscale-texas", "power_from_accelerators"): -4.0,
    ("nscale-loughton", "accelerators_from_power"): -2.1,
    ("nscale-loughton", "power_from_accelerators"): 2.1,
    ("meta-prometheus", "accelerators_from_power"): 11.3,
    ("meta-prometheus", "power_from_accelerators"): -10.1,
    ("fairwater-atlanta", "accelerators_from_power"): 11.7,
    ("fairwater-atlanta", "power_from_accelerators"): -10.4,
    ("project-rainier", "accelerators_from_power"): -3.6,
    ("project-rainier", "power_from_accelerators"): 3.7,
}
BAND = 3.0  # percentage points: a PUE or per-accelerator power change of ~3 % moves these errors by ~3 points


def test_every_modelled_error_stays_in_its_band():
    rows = {k: r for k, r in _by_key().items() if r["error_pct"] is not None}
    assert set(rows) == set(TODAY)  # a site added, dropped or newly sized must come with its band
    outside = {k: round(r["error_pct"], 1) for k, r in rows.items() if abs(r["error_pct"] - TODAY[k]) > BAND}
    assert not outside, f"errors outside today's +/-{BAND} point bands: {outside}"


def test_summary_median_and_worst_per_quantity():
    summary = validate()["summary"]
    for quantity in QUANTITIES:
        errors = sorted(abs(v) for (_, q), v in TODAY.items() if q == quantity)
        mid = len(errors) // 2
        median = errors[mid] if len(errors) % 2 else (errors[mid - 1] + errors[mid]) / 2
        s = summary["by_quantity"][quantity]
        assert s["compared"] == len(errors)
        assert s["median_abs_error_pct"] == pytest.approx(median, abs=0.06)  # TODAY is rounded to 0.1 point
        assert s["worst_abs_error_pct"] == pytest.approx(errors[-1], abs=0.06)  # same rounding
    assert summary["by_quantity"]["accelerators_from_power"]["worst_site"] == "cortex"


def test_every_site_missed_by_more_than_35_percent_is_explained_in_the_docs():
    # issue 11's target: no site worse than 35 % without a written reason
    doc = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    missed = {k[0] for k, v in TODAY.items() if abs(v) > 35}
    assert missed == {"cortex", "abilene-full", "abilene-phase1"}
    for site in missed:
        assert f"`{site}`" in doc


# --- the command --------------------------------------------------------------------------------------------------


def test_json_shape(capsys):
    code, out, _ = cli(capsys, "validate", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"sites", "summary"}
    expected = 0
    for s in observed_sites():
        expected += 2 + (s.capex_usd_reported is not None)  # both power quantities, and capex where reported
    assert len(data["sites"]) == expected
    for row in data["sites"]:
        assert {"id", "site", "quantity", "reported", "modelled", "error_pct", "source"} <= set(row)
        assert row["quantity"] in QUANTITIES
    assert {"median_abs_error_pct", "worst_abs_error_pct", "by_quantity"} <= set(data["summary"])
    assert set(data["summary"]["by_quantity"]) == set(QUANTITIES)


def test_table_names_every_site_and_the_summary(capsys):
    code, out, _ = cli(capsys, "validate")
    assert code == 0
    for s in observed_sites():
        assert s.id in out
    assert "median |error|" in out and "not modelled" in out


def test_out_writes_the_chart_and_the_table(capsys, tmp_path):
    folder = tmp_path / "v"
    code, out, _ = cli(capsys, "validate", "--out", str(folder))
    assert code == 0 and "wrote" in out
    assert (folder / "validation.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with open(folder / "validation.csv", newline="", encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == len(validate()["sites"])
    # a second run replaces gigawatt's own files; a file the user wrote there is refused without --force
    assert cli(capsys, "validate", "--out", str(folder))[0] == 0
    (folder / "validation.csv").write_text("mine", encoding="utf-8")
    code, _, err = cli(capsys, "validate", "--out", str(folder))
    assert code == 2 and "validation.csv" in err

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
from gigawatt.data.catalog import default
from gigawatt.engine.validate import QUANTITIES, _site, observed_sites, validate
from gigawatt.errors import GigawattError

ROOT = Path(__file__).resolve().parents[1]


def _rows(name: str) -> list[dict]:
    with resources.files("gigawatt.data").joinpath(name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _by_key() -> dict[tuple[str, str], dict]:
    """The observed sites' rows (the observed deals' capex rows are tests/test_observed_capex.py's)."""
    sites = {s.id for s in observed_sites()}
    return {(r["id"], r["quantity"]): r for r in validate()["sites"] if r["id"] in sites}


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
    assert all(not x.startswith("OS") for x in ids[:first_new])  # the validation facts come after the older rows
    assert {"SZ01", "SZ02", "SZ03", "SZ04", "SZ05"} <= set(ids[first_new:])  # and so do the sizing facts (issue 11)
    assert len(set(ids)) == len(ids)
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
    # 400,000 GB200 (OS01) at the all-in GB200 price against the reported $40B chip order (OS02): the NVL72 rack's
    # $3.0M (HW16) / 72 x 1.25 for scale-out network and storage (PR01, PR02) = $52,083 (catalog, rounded);
    # 400,000 x $52,083 = $20.8332B, (20.8332 - 40) / 40 = -47.917 %
    row = _by_key()[("abilene-full", "capex")]
    assert row["modelled"] == pytest.approx(20_833_200_000, rel=1e-12)  # float rounding only
    assert row["error_pct"] == pytest.approx(-47.917, abs=1e-3)  # the hand figure's 3 decimals


def test_tpu_v7_is_sized_from_the_ironwood_pod():
    # OS17: ~10 MW for one 9,216-chip pod -> 10e6 / 9,216 = 1,085.07 W all-in per chip, 1,085 W in the catalog.
    # The pod row checks the derivation only (10 MW / 1.085 kW = 9,216.6 -> 9,216 chips, 0 %); the independent TPU
    # check is Anthropic's "well over a gigawatt" for up to 1M TPUs (CL25, 1 GW taken as facility power):
    # 1000 MW / 1.14 / 1.085 kW = 808,472.5 -> 808,472 TPUs, -19.15 % (1 GW is a lower bound, so the miss is low).
    assert gw.get_accelerator("tpu-v7").it_power_w == 1085
    rows = _by_key()
    assert rows[("ironwood-pod", "accelerators_from_power")]["modelled"] == 9216
    assert rows[("anthropic-google-tpu", "accelerators_from_power")]["modelled"] == 808_472
    assert rows[("anthropic-google-tpu", "accelerators_from_power")]["error_pct"] == pytest.approx(-19.1528, rel=1e-9)
    assert validate()["summary"]["not_modelled"] == []


def test_a_campus_is_compared_with_its_own_facility_draw():
    # Abilene's 1.2 GW is the campus nameplate; SG61 gives the expected full-site draw, >900 MW (900 used), so the
    # facility power is compared like with like: 900 MW / 1.14 / 1.833 kW = 430,700.3 -> 430,700 GB200, +7.675 %
    # against 400,000; back: 400,000 x 1.833 kW x 1.14 = 835.848 MW against 900 MW, -7.128 %.
    rows = _by_key()
    count, power = rows[("abilene-full", "accelerators_from_power")], rows[("abilene-full", "power_from_accelerators")]
    assert count["modelled"] == 430_700 and count["error_pct"] == pytest.approx(7.675, rel=1e-12)
    assert power["reported"] == 900 and power["modelled"] == pytest.approx(835.848, rel=1e-12)
    assert "900 of 1200 MW" in power["basis"]
    row = dict(_rows("observed_sites.csv")[0], facility_mw_reported="100")  # colossus-1 is campus_grid: allowed
    assert _site(row).facility_mw_reported == 100
    row = dict(_rows("observed_sites.csv")[1], facility_mw_reported="100")  # cortex is facility: refused
    with pytest.raises(GigawattError, match="facility_mw_reported 100 with power_basis 'facility'; expected campus"):
        _site(row)


# --- fidelity, pinned ---------------------------------------------------------------------------------------------

# Error % of the model per site and quantity after the sizing calibration (issue 11 items 1 and 3; docs/validation.md).
# Each must stay within BAND points of these: a change that moves a site further from its reported figure fails, and
# so does one that moves it closer (then tighten these numbers and say so). Changes from the first slice: the TPU sites
# are sized (tpu-v7 from OS17); abilene-full is compared with its facility draw (900 MW, SG61), not its 1.2 GW
# nameplate (+43.6 -> +7.7 and -30.3 -> -7.1). The default sizing factors are neutral (see the calibration test), so
# every other site is where the first slice left it. Issue 17: the facility cost per MW of IT is calibrated on the
# observed AI campus packages ($11.7M -> $16.4M, docs/validation.md), so abilene-phase1's capex -39.6 -> -15.4.
PINNED = {
    ("colossus-1", "accelerators_from_power"): 3.2,
    ("colossus-1", "power_from_accelerators"): -3.1,
    ("cortex", "accelerators_from_power"): 78.9,
    ("cortex", "power_from_accelerators"): -44.1,
    ("abilene-phase1", "accelerators_from_power"): -4.3,
    ("abilene-phase1", "power_from_accelerators"): 4.5,
    ("abilene-phase1", "capex"): -15.4,
    ("abilene-full", "accelerators_from_power"): 7.7,
    ("abilene-full", "power_from_accelerators"): -7.1,
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
    (
        "ironwood-pod",
        "accelerators_from_power",
    ): 0.0,  # the derivation's own point (tpu-v7 is sized from it): not summarized
    ("ironwood-pod", "power_from_accelerators"): 0.0,
    ("anthropic-google-tpu", "accelerators_from_power"): -19.2,
    ("anthropic-google-tpu", "power_from_accelerators"): 23.7,
}
BAND = 3.0  # percentage points: a PUE or per-accelerator power change of ~3 % moves these errors by ~3 points
# abilene-full's capex is the chip order against n x the all-in price: pinned by hand in
# test_abilene_chip_capex_by_hand, and here held no worse than the first slice's miss (before all-in prices)
PRICE_BOUND = ("abilene-full", "capex"), 58.4  # |error| at most the first slice's 58.3 %, + rounding


def test_every_modelled_error_stays_in_its_band():
    rows = {k: r for k, r in _by_key().items() if r["error_pct"] is not None}
    assert set(rows) == set(PINNED) | {PRICE_BOUND[0]}  # a site added, dropped or newly sized must come with its band
    outside = {
        k: round(r["error_pct"], 1) for k, r in rows.items() if k in PINNED and abs(r["error_pct"] - PINNED[k]) > BAND
    }
    assert not outside, f"errors outside the +/-{BAND} point bands: {outside}"
    assert abs(rows[PRICE_BOUND[0]]["error_pct"]) <= PRICE_BOUND[1]


def test_summary_median_and_worst_per_quantity():
    # the medians and worsts of the pinned errors (issue 11's target: median |error| under 15 % for
    # accelerators-from-power); capex has two sites, one of them price-bound, so only its count is checked
    # ironwood-pod is where tpu-v7's power comes from (OS17): shown, not in the medians (14 sites each, the median
    # the mean of the 7th and 8th smallest)
    summary = validate(sites=observed_sites())["summary"]  # the sites only: the deals' capex has its own tests
    assert summary["calibration_points"] == ["ironwood-pod"]
    for quantity in ("accelerators_from_power", "power_from_accelerators"):
        errors = sorted(abs(v) for (site, q), v in PINNED.items() if q == quantity and site != "ironwood-pod")
        s = summary["by_quantity"][quantity]
        assert s["compared"] == len(errors) == 14
        median = (errors[6] + errors[7]) / 2
        assert s["median_abs_error_pct"] == pytest.approx(median, abs=0.06)  # PINNED is rounded to 0.1 point
        assert s["worst_abs_error_pct"] == pytest.approx(errors[-1], abs=0.06)  # same rounding
    assert summary["by_quantity"]["accelerators_from_power"]["median_abs_error_pct"] < 15
    assert summary["by_quantity"]["accelerators_from_power"]["worst_site"] == "cortex"
    assert summary["by_quantity"]["capex"]["compared"] == 2


def test_every_site_missed_by_more_than_35_percent_is_explained_in_the_docs():
    # issue 11's target: no site worse than 35 % without a written reason (the deals' capex: test_observed_capex.py)
    doc = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    rows = validate(sites=observed_sites())["sites"]
    missed = {r["id"] for r in rows if r["error_pct"] is not None and abs(r["error_pct"]) > 35}
    assert missed <= {"cortex", "abilene-full"}  # cortex's power; abilene-full's chip order
    for site in missed:
        assert f"`{site}`" in doc


# Calibration (issue 11 item 1: "a factor that makes the observed sites fit worse is not taken"). Each sourced value of
# a sizing factor, alone, against the neutral defaults: every one raises the median |error| of both power quantities,
# which is why defaults.csv sets them neutral (1, 0, 0). The oracle is the rule itself: if a future change of the data
# or the sites made a sourced value fit better, this fails and the default should take it.
SOURCED = {
    "design_pue_ratio": 1.30 / 1.14,  # SZ01 sizing PUE 1.30 over the annual 1.14 (EC14)
    "non_accelerator_it_share": 0.05,  # SZ03, the low end of 5-10 %
    "sizing_headroom": 0.10,  # SZ02, N+1 at 1.1x
}


@pytest.mark.parametrize("factor", sorted(SOURCED))
def test_each_sourced_sizing_factor_fits_the_observed_sites_worse(factor):
    base = validate()["summary"]["by_quantity"]
    tried = validate(sizing={factor: SOURCED[factor]})["summary"]["by_quantity"]
    for quantity in ("accelerators_from_power", "power_from_accelerators"):
        # deterministic figures; 0.3 points keeps a near-tie from counting as worse (the smallest margin, the 5 %
        # share, is 0.56 points on accelerators from power with ironwood-pod, a calibration point, left out)
        assert tried[quantity]["median_abs_error_pct"] > base[quantity]["median_abs_error_pct"] + 0.3, quantity


def test_the_defaults_are_the_neutral_calibrated_values():
    # defaults.csv (what the calibration above supports) and what a scenario gets when it sets none of them
    assert [
        default(f"operations.{k}") for k in ("design_pue_ratio", "non_accelerator_it_share", "sizing_headroom")
    ] == [
        1.0,
        0.0,
        0.0,
    ]
    ops = gw.load_scenario("stargate").operations
    assert (ops.design_pue_ratio, ops.non_accelerator_it_share, ops.sizing_headroom) == (1.0, 0.0, 0.0)


# --- the command --------------------------------------------------------------------------------------------------


def test_json_shape(capsys):
    code, out, _ = cli(capsys, "validate", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"sites", "summary", "milestones", "milestones_summary"}
    # one row per shipped milestone (milestones.csv, read here independently of the engine)
    with open(Path(gw.__file__).parent / "data" / "milestones.csv", newline="", encoding="utf-8") as fh:
        ids = [row["id"] for row in csv.DictReader(fh)]
    assert [m["id"] for m in data["milestones"]] == ids
    for m in data["milestones"]:
        assert {"scenario", "site", "mw", "observed_month", "modelled_month", "error_months", "facts_id"} <= set(m)
    assert {"median_abs_error_months", "worst_abs_error_months", "compared"} <= set(data["milestones_summary"])
    expected = 0
    for s in observed_sites():
        expected += 2 + (s.capex_usd_reported is not None)  # both power quantities, and capex where reported
    with open(Path(gw.__file__).parent / "data" / "observed_capex.csv", newline="", encoding="utf-8") as fh:
        expected += len(list(csv.DictReader(fh)))  # and one capex row per observed deal
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
    assert "observed milestones" in out and "abilene" in out and "colossus-2" in out


def test_out_writes_the_chart_and_the_table(capsys, tmp_path):
    folder = tmp_path / "v"
    code, out, _ = cli(capsys, "validate", "--out", str(folder))
    assert code == 0 and "wrote" in out
    assert (folder / "validation.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with open(folder / "validation.csv", newline="", encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == len(validate()["sites"])
    with open(folder / "milestones.csv", newline="", encoding="utf-8") as fh:
        ms = list(csv.DictReader(fh))
    assert len(ms) == len(validate()["milestones"]) and {"observed_month", "modelled_month"} <= set(ms[0])
    # a second run replaces gigawatt's own files; a file the user wrote there is refused without --force
    assert cli(capsys, "validate", "--out", str(folder))[0] == 0
    (folder / "validation.csv").write_text("mine", encoding="utf-8")
    code, _, err = cli(capsys, "validate", "--out", str(folder))
    assert code == 2 and "validation.csv" in err


# --- the summary and the calibration points, by hand (mutation survivors of calibrates and summarize) ----------------


def gw_summarize(rows):
    from gigawatt.engine.validate import summarize  # the module's summarize (this file's names stay as they were)

    return summarize(rows)


def calibrates(site):
    from gigawatt.engine.validate import calibrates as calibrates_

    return calibrates_(site)


def _row(site, quantity, error, calibration=False):
    return {"id": site, "quantity": quantity, "error_pct": error, "calibration": calibration}


def test_the_summary_of_a_few_rows_by_hand():
    rows = [
        _row("a", "accelerators_from_power", -10.0),
        _row("b", "accelerators_from_power", 4.0),
        _row("z", "accelerators_from_power", None),  # not modelled, listed once, sorted
        _row("c", "accelerators_from_power", None),
        _row("z", "power_from_accelerators", None),
        _row("e", "power_from_accelerators", -2.0),
        _row("d", "power_from_accelerators", 90.0, calibration=True),  # a calibration point: out of the stats
        _row("y", "accelerators_from_power", -95.0, calibration=True),
        _row("f", "capex", 7.0),
    ]
    s = gw_summarize(rows)
    # in all: |-10|, |4|, |-2|, |7| -> sorted 2, 4, 7, 10: median (4 + 7) / 2 = 5.5; the worst is a's 10 (by size:
    # by value it would be f's 7), reported as a size
    assert s["median_abs_error_pct"] == 5.5
    assert s["worst_abs_error_pct"] == 10.0 and s["worst_site"] == "a"
    assert s["compared"] == 4
    assert s["not_modelled"] == ["c", "z"]
    assert s["calibration_points"] == ["d", "y"]
    acc = s["by_quantity"]["accelerators_from_power"]
    # 10 and 4: median 7, worst a's 10; y's -95 is a calibration point
    assert acc == {
        "median_abs_error_pct": 7.0,
        "worst_abs_error_pct": 10.0,
        "worst_site": "a",
        "compared": 2,
        "not_modelled": ["c", "z"],
    }
    power = s["by_quantity"]["power_from_accelerators"]
    # e's |-2| alone (d's 90 is a calibration point): the median and the worst are 2, as a size
    assert power == {
        "median_abs_error_pct": 2.0,
        "worst_abs_error_pct": 2.0,
        "worst_site": "e",
        "compared": 1,
        "not_modelled": ["z"],
    }
    assert s["by_quantity"]["capex"] == {
        "median_abs_error_pct": 7.0,
        "worst_abs_error_pct": 7.0,
        "worst_site": "f",
        "compared": 1,
        "not_modelled": [],
    }


def test_a_summary_without_compared_rows_has_no_median_and_no_worst():
    rows = [_row("a", "capex", None), _row("b", "capex", 12.0, calibration=True)]
    s = gw_summarize(rows)
    nothing = {"median_abs_error_pct": None, "worst_abs_error_pct": None, "worst_site": None, "compared": 0}
    assert {k: s[k] for k in nothing} == nothing
    assert s["not_modelled"] == ["a"] and s["calibration_points"] == ["b"]
    assert s["by_quantity"]["accelerators_from_power"] == {**nothing, "not_modelled": []}
    # a row without the calibration key is compared (a row of compare_site always has it)
    assert gw_summarize([{"id": "a", "quantity": "capex", "error_pct": -3.0}])["compared"] == 1


def test_a_site_calibrates_when_it_shares_any_fact_with_its_accelerators_power():
    # accelerators.csv: tpu-v7's all-in IT power comes from "OS17; HW32", the h100's from "HW07; EC16"; tpu-v5p's has
    # no facts id. Either id of the list counts (the second after "; ", stripped)
    from dataclasses import replace

    site = next(s for s in observed_sites() if s.id == "ironwood-pod")
    assert calibrates(site)  # OS17 and HW32
    assert calibrates(replace(site, facts_id=("HW32",)))
    assert calibrates(replace(site, facts_id=("XX99", "OS17")))
    assert not calibrates(replace(site, facts_id=("CL25",)))
    assert not calibrates(replace(site, facts_id=()))
    assert calibrates(replace(site, accelerator="h100", facts_id=("EC16",)))
    assert not calibrates(replace(site, accelerator="tpu-v5p", facts_id=("OS17", "HW32")))


def test_a_summary_of_rows_read_back_from_json_is_the_same():
    # rows written to a table and read back (json.loads makes new strings, not the interned literals of QUANTITIES):
    # each row still counts under its quantity, as by hand: one accelerators-from-power row of |-8|, one capex of 3
    rows = json.loads(json.dumps([_row("a", "accelerators_from_power", -8.0), _row("b", "capex", 3.0)]))
    by_q = gw_summarize(rows)["by_quantity"]
    assert by_q["accelerators_from_power"]["compared"] == 1 and by_q["accelerators_from_power"]["worst_site"] == "a"
    assert by_q["accelerators_from_power"]["median_abs_error_pct"] == 8.0
    assert by_q["capex"]["compared"] == 1 and by_q["capex"]["worst_abs_error_pct"] == 3.0
    assert by_q["power_from_accelerators"]["compared"] == 0

"""Power on its stated basis (issue 17, item 3): a grid, facility or IT figure, converted to facility power.

The oracles are hand-worked: the grid-to-facility ratio of defaults.csv (1.25, range 1.1-1.35) recomputed from the
campuses' reported figures (facts.csv PB01-PB06, SG38, SG61), and the Abilene conversion worked through by hand from
1.2 GW of nameplate to a GB200 count, checked against the counts reported for the campus.
"""

import csv
import json
import statistics
from importlib import resources

import pytest

import gigawatt as gw
from gigawatt.cli.core import main
from gigawatt.data.catalog import defaults, fact_ids
from gigawatt.errors import GigawattError
from toy_scenarios import toy

RATIO = "power_basis.grid_to_facility_ratio"


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_grid_ratio_is_the_median_of_the_campuses_reported_figures():
    # each campus's grid power over its IT power, divided by the model's own PUE (1.14, so that grid -> facility ->
    # IT gives the reported grid/IT back), and Abilene's nameplate over its facility draw, as facts.csv states them
    pue = 1.14  # defaults.csv operations.pue (EC14)
    per_site = [
        800 / 526 / pue,  # Galaxy Helios: 800 MW approved, 133 + 260 + 133 MW critical IT (PB01)
        430 / 300 / pue,  # Polaris Forge 3: ~430 MW utility, 300 MW critical IT (PB02)
        1300 / 1000 / pue,  # Vantage Lighthouse: 1.3 GW, "nearly one gigawatt of AI capacity" (PB04)
        1400 / 1000 / pue,  # Stargate Michigan: DTE's 1.4 GW, ~1 GW IT (PB05)
        1200 / 900,  # Stargate Abilene: 1.2 GW nameplate (SG38), ~900 MW facility draw (SG61, PB06)
    ]
    row = defaults()[RATIO]
    assert statistics.median(per_site) == pytest.approx(1.257, abs=0.001)
    assert row.value == pytest.approx(statistics.median(per_site), abs=0.01)  # rounded to 1.25 in the data
    assert row.low <= min(per_site) and max(per_site) <= row.high  # the range holds every campus
    assert (row.low, row.high) == (1.1, 1.35)
    assert set(row.provenance.ids()) <= fact_ids()  # every id it cites is in facts.csv
    assert {"PB01", "PB02", "PB04", "PB05", "PB06", "SG38", "SG61"} <= set(row.provenance.ids())


def test_abilene_from_its_grid_nameplate_by_hand():
    # 1.2 GW of nameplate (SG38) / 1.25 = 960 MW of facility power; / PUE 1.14 (EC14; design ratio 1, no headroom)
    # = 842.105 MW of IT; / 1,833 W all-in per GB200 (132 kW NVL72 rack / 72, HW15, as accelerators.csv rounds it)
    # = 459,413.6 -> 459,413 GB200
    facility_mw = 1200 / 1.25
    it_mw = facility_mw / 1.14
    expected = int(it_mw * 1e6 / 1833)
    assert (facility_mw, expected) == (960.0, 459_413)
    out = gw.estimate("gb200", power_mw=1200, basis="grid")
    assert out["accelerators"] == expected
    assert out["facility_power_mw"] == pytest.approx(facility_mw, rel=1e-12)  # floats: rounding only
    assert out["it_power_mw"] == pytest.approx(it_mw, rel=1e-12)
    # the band at the ratio's ends: 1,200 / 1.35 = 888.9 MW and 1,200 / 1.1 = 1,090.9 MW of facility power
    assert out["accelerators_low"] == int(1200 / 1.35 / 1.14 * 1e6 / 1833) == 425_383
    assert out["accelerators_high"] == int(1200 / 1.1 / 1.14 * 1e6 / 1833) == 522_060
    # the counts reported for the campus: 400,000 (FT, OS01; Bloomberg's "space for as many as 400,000", PB07;
    # eight buildings of up to 50,000, SG39) to about 480,000 (eight buildings of ~60,000 and "over 450,000",
    # PB08, secondary): the estimate from the grid figure lands inside; read as facility power it did not
    reported_low, reported_high = 400_000, 480_000
    assert reported_low <= out["accelerators"] <= reported_high
    assert out["accelerators_low"] <= reported_high and out["accelerators_high"] >= reported_low
    assert gw.estimate("gb200", power_mw=1200)["accelerators"] > reported_high  # the old reading: 574k


def test_the_basis_is_said_in_the_assumptions():
    out = gw.estimate("gb200", power_mw=1200, basis="grid")
    b = out["assumptions"]["power_basis"]
    assert (b["basis"], b["value"], b["ratio_low"], b["ratio_high"]) == ("grid", 1.25, 1.1, 1.35)
    assert b["stated_mw"] == 1200 and b["facility_power_mw"] == pytest.approx(960.0)
    assert b["facility_power_low_mw"] == pytest.approx(1200 / 1.35) and b["facility_power_high_mw"] == pytest.approx(
        1200 / 1.1
    )
    assert "PB01" in b["facts_id"] and b["status"].startswith("derived")
    assert out["power_basis"] == "grid" and out["stated_power_mw"] == 1200


def test_an_it_figure_is_the_it_power_modelled():
    # 1 GW of IT at the model's sizing PUE 1.14: 1,140 MW of facility power, and back to 1,000 MW of IT:
    # 1e9 W / 1,833 W = 545,553.7 -> 545,553 GB200; no ratio of its own, so no band
    out = gw.estimate("gb200", power_mw=1000, basis="it")
    assert out["facility_power_mw"] == pytest.approx(1140.0)
    assert out["it_power_mw"] == pytest.approx(1000.0)
    assert out["accelerators"] == 545_553
    assert out["accelerators_low"] is None and out["accelerators_high"] is None
    # a PUE given on the command line is the one used both ways: the IT power stays what was stated
    assert gw.estimate("gb200", power_mw=1000, basis="it", pue=1.3)["accelerators"] == 545_553


def test_facility_is_the_default_and_changes_nothing():
    a, b = gw.estimate("gb200", power_mw=1200), gw.estimate("gb200", power_mw=1200, basis="facility")
    assert a["accelerators"] == b["accelerators"] == int(1200 / 1.14 * 1e6 / 1833)
    assert a["assumptions"]["power_basis"]["basis"] == "facility" and a["power_basis"] == "facility"
    assert gw.estimate("gb200", accelerators=1000)["power_basis"] is None  # no --power, no basis


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        (
            {"power_mw": 1200, "basis": "campus"},
            "--basis 'campus' is not a power basis; expected one of: facility, grid, it",
        ),
        ({"budget_usd": 1e10, "basis": "grid"}, "--basis grid says what --power measures; expected --power with it"),
    ],
)
def test_a_bad_basis_names_the_flag_the_value_and_the_choices(kwargs, says):
    with pytest.raises(GigawattError, match="estimate: ") as e:
        gw.estimate("gb200", **kwargs)
    assert says in str(e.value)


def test_the_command_line_says_the_basis(capsys):
    code, out, _ = cli(capsys, "estimate", "--power", "1.2GW", "--basis", "grid", "-a", "gb200")
    assert code == 0
    assert "459,413" in out and "425,383" in out and "522,060" in out
    assert "1,200 MW grid / 1.25" in out and "range 1.1-1.35" in out and "960 MW of facility power" in out
    code, out, _ = cli(capsys, "estimate", "--power", "1.2GW", "--basis", "grid", "-a", "gb200", "--json")
    data = json.loads(out)
    assert data["accelerators"] == 459_413 and data["assumptions"]["power_basis"]["value"] == 1.25
    code, _, err = cli(capsys, "estimate", "--power", "1.2GW", "--basis", "campus", "-a", "gb200")
    assert code == 2 and "'campus' is not a power basis; expected one of: facility, grid, it" in err
    assert "Traceback" not in err


# --- scenarios ------------------------------------------------------------------------------------------------------


def test_a_phase_on_the_grid_basis_is_converted_once_at_load():
    # the toy's 100 MW hall at PUE 1.25 stated as grid power: 100 / 1.25 = 80 MW of facility power, 80 / 1.25 = 64
    # MW of IT, / 1,275 W per H100 (DGX H100 10.2 kW / 8, HW07) = 50,196.1 -> 50,196 H100
    s = gw.load_scenario(toy(**{"sites[0].phases[0].power_basis": "grid"}))
    ph = s.sites[0].phases[0]
    assert (ph.power_mw, ph.power_basis) == (80.0, "facility")
    conv = s.power_bases["sites[0].phases[0]"]
    assert (conv.basis, conv.stated_mw, conv.ratio, conv.facility_mw) == ("grid", 100.0, 1.25, 80.0)
    r = gw.simulate(s)
    assert r.metrics["mw_online_end"] == 80.0
    assert r.metrics["accelerators_end"] == int(100 / 1.25 / 1.25 * 1e6 / 1275) == 50_196
    prov = s.provenance["sites[0].phases[0].power_mw"]
    assert "100 MW grid / 1.25" in prov.derivation and "PB01" in prov.facts_id
    assert prov.status == "derived from a number given without a source"  # the toy's 100 MW has none


def test_a_phase_on_the_it_basis_keeps_its_it_power():
    # 100 MW of IT at the toy's PUE 1.25: 125 MW of facility power; the hall feeds 100 MW of IT again, 1e8 / 1,275 W
    # = 78,431.4 -> 78,431 H100
    s = gw.load_scenario(toy(**{"sites[0].phases[0].power_basis": "it"}))
    assert s.sites[0].phases[0].power_mw == pytest.approx(125.0)
    assert gw.simulate(s).metrics["accelerators_end"] == 78_431
    # a phase's own PUE is the one it is converted at
    s = gw.load_scenario(toy(**{"sites[0].phases[0].power_basis": "it", "sites[0].phases[0].pue": 1.5}))
    assert s.sites[0].phases[0].power_mw == pytest.approx(150.0)


def test_a_ramped_phase_is_converted_building_by_building():
    tree = toy(**{"sites[0].phases[0].power_basis": "grid", "sites[0].phases[0].power_mw": 300})
    tree["sites"][0]["phases"][0]["ramp"] = {"buildings": 3, "interval_months": 1}
    s = gw.load_scenario(tree)
    assert [ph.power_mw for ph in s.sites[0].phases] == pytest.approx([80.0, 80.0, 80.0])  # 100 MW grid each
    assert len(s.power_bases) == 3


def test_a_bad_phase_basis_names_the_field_the_value_and_the_choices():
    with pytest.raises(GigawattError) as e:
        gw.load_scenario(toy(**{"sites[0].phases[0].power_basis": "campus"}))
    assert "sites[0].phases[0].power_basis: 'campus' is not allowed; expected 'facility', 'grid' or 'it'" in str(
        e.value
    )


def test_a_distribution_on_a_converted_power_is_converted_draw_by_draw():
    # grid power triangular(90, 100, 120) MW is facility power triangular(72, 80, 96) MW (each / 1.25, worked by
    # hand): risk with the same seed gives the same numbers for the two (the draws are the same uniforms)
    grid = toy(**{"sites[0].phases[0].power_basis": "grid"})
    grid["sites"][0]["phases"][0]["power_mw"] = {"dist": "triangular", "low": 90, "mode": 100, "high": 120}
    facility = toy()
    facility["sites"][0]["phases"][0]["power_mw"] = {"dist": "triangular", "low": 72, "mode": 80, "high": 96}
    a, b = gw.load_scenario(grid), gw.load_scenario(facility)
    assert a.sites[0].phases[0].power_mw == pytest.approx(80.0)
    d = a.distributions["sites[0].phases[0].power_mw"]
    assert (d.kind, d.params) == ("triangular", pytest.approx({"low": 72.0, "mode": 80.0, "high": 96.0}))
    ra, rb = gw.risk(a, trials=2048, seed=3), gw.risk(b, trials=2048, seed=3)
    for k in ("mw_online_end", "accelerators_end", "capex_total_usd"):
        assert ra.metrics[k] == pytest.approx(rb.metrics[k], rel=1e-12), k  # x / 1.25 vs x * 0.8: rounding only
    assert ra.metrics["mw_online_end"]["p10"] < ra.metrics["mw_online_end"]["p90"]  # the spread is there


def test_show_says_the_basis_and_loads_again_to_the_same_run(capsys, tmp_path):
    path = tmp_path / "grid.yaml"
    path.write_text("extends: stargate\nset:\n  sites[abilene].phases[0].power_basis: grid\n", encoding="utf-8")
    code, out, _ = cli(capsys, "show", str(path))
    assert code == 0
    # 3: this phase, and the two stargate itself states on another basis (Michigan's DTE supply as grid, PB05;
    # Wisconsin's ~1 GW as IT, PB04: docs/scenarios-2026.md)
    assert "# power bases: 3 phase(s) stated on another basis than facility power" in out
    assert "sites[0].phases[0] (abilene/phase-1): 200 MW grid / 1.25 (grid-to-facility ratio, range 1.1-1.35" in out
    assert "= 160 MW facility" in out
    shown = tmp_path / "shown.yaml"
    shown.write_text(out, encoding="utf-8")
    again, first = gw.simulate(gw.load_scenario(str(shown))), gw.simulate(gw.load_scenario(str(path)))
    assert again.metrics == first.metrics  # the shown scenario holds facility power: not converted twice


def test_the_built_in_scenarios_state_facility_power_unless_they_say_otherwise():
    # each phase of every built-in reads its power on the basis its file gives (facility where none is given)
    folder = resources.files("gigawatt.data").joinpath("scenarios")
    for name in gw.builtin_names():
        text = folder.joinpath(f"{name}.yaml").read_text(encoding="utf-8")
        stated = text.count("power_basis: grid") + text.count("power_basis: it")
        assert len(gw.load_scenario(name).power_bases) >= stated, name


def test_the_ratio_row_is_shaped_like_the_other_defaults():
    with resources.files("gigawatt.data").joinpath("defaults.csv").open(encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["parameter"] == RATIO)
    assert row["status"] and row["date"] and row["facts_id"] and row["source"] and row["derivation"]
    assert float(row["low"]) < float(row["value"]) < float(row["high"])

"""Sizing apart from energy (issue 11 item 1; docs/model.md, "Sizing and energy").

Facility power is sized for the design day: facility MW = accelerators x all-in IT kW x (1 + non-accelerator IT
share) x PUE x design-PUE ratio x (1 + headroom) / 1000; energy is drawn at the annual PUE. The defaults are neutral
(1, 0, 0: tests/test_validate.py shows why); these tests set the factors and check the arithmetic by hand.

Oracles: hand-worked closed forms from the catalog's published numbers (h100 1,275 W, HW07; gb200 1,833 W, HW15) and
the defaults (PUE 1.14, EC14; utilization 0.76, HW07); the neutral run against the same scenario with no factors.
"""

import math

import pytest

import gigawatt as gw
from gigawatt.engine.inputs import compile_inputs
from toy_scenarios import toy

FACTORS = {"design_pue_ratio": 1.2, "non_accelerator_it_share": 0.1, "sizing_headroom": 0.05}


def test_estimate_from_power_sizes_on_the_design_day():
    # sizing PUE = 1.14 x 1.2 x 1.05 = 1.43640; IT = 1200 MW / 1.4364 = 835.42189 MW; per GB200 1.833 kW x 1.1 =
    # 2.0163 kW -> 835,421.89 kW / 2.0163 kW = 414,334.5 -> 414,334 GB200 (against 574,267 with neutral factors)
    d = gw.estimate("gb200", power_mw=1200, sizing=FACTORS)
    assert d["sizing_pue"] == pytest.approx(1.4364, rel=1e-12)  # float rounding only
    assert d["it_power_mw"] == pytest.approx(1200 / 1.4364, rel=1e-12)
    assert d["accelerators"] == math.floor(1200 / 1.4364 * 1000 / 2.0163) == 414_334
    # energy at the annual PUE (1.14), not the sizing one: 414,334 x 2.0163 kW x 0.76 x 1.14 x 8766 h
    assert d["annual_energy_mwh"] == pytest.approx(414_334 * 2.0163e-3 * 0.76 * 1.14 * 8766, rel=1e-12)


def test_estimate_from_a_count_gives_the_design_day_facility_power():
    # 100,000 H100 x 1.275 kW x 1.1 = 140.25 MW of IT; x 1.14 x 1.2 x 1.05 = 201.4551 MW of facility power;
    # facility capex on the IT load: 140.25 MW x $11.7M (EC01) = $1.64093B
    d = gw.estimate("h100", accelerators=100_000, sizing=FACTORS)
    assert d["it_power_mw"] == pytest.approx(140.25, rel=1e-12)
    assert d["facility_power_mw"] == pytest.approx(201.4551, rel=1e-12)
    assert d["capex_facility_usd"] == pytest.approx(140.25 * 11.7e6, rel=1e-12)
    assert d["annual_energy_mwh"] == pytest.approx(140.25 * 0.76 * 1.14 * 8766, rel=1e-12)


def test_every_sizing_factor_is_an_assumption_with_its_source():
    d = gw.estimate("h100", power_mw=100)
    for name, value, facts in (
        ("design_pue_ratio", 1.0, "SZ01"),
        ("non_accelerator_it_share", 0.0, "SZ03"),
        ("sizing_headroom", 0.0, "SZ02"),
    ):
        entry = d["assumptions"][name]
        assert entry["value"] == value and facts in entry["facts_id"] and entry["derivation"], name
    d = gw.estimate("h100", power_mw=100, sizing={"sizing_headroom": 0.1})
    assert d["assumptions"]["sizing_headroom"] == {"value": 0.1, "status": "given on the command line"}
    # neutral factors give the first slice's closed form: 100 MW / 1.14 / 1.275 kW = 68,799.4 -> 68,799
    assert gw.estimate("h100", power_mw=100)["accelerators"] == 68_799


def test_a_sizing_factor_out_of_range_names_the_flag():
    with pytest.raises(gw.GigawattError, match=r"--design-pue-ratio 0.9 is out of range; expected 1 <= value <= 2"):
        gw.estimate("h100", power_mw=100, sizing={"design_pue_ratio": 0.9})
    with pytest.raises(gw.GigawattError, match="unknown sizing factor"):
        gw.estimate("h100", power_mw=100, sizing={"pue_ratio": 1.1})


def test_the_command_line_takes_the_factors(capsys):
    from gigawatt.cli.core import main

    code = main(["estimate", "--power", "1200MW", "-a", "gb200", "--design-pue-ratio", "1.2",
                 "--non-accelerator-it-share", "0.1", "--sizing-headroom", "0.05", "--json"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and '"accelerators": 414334' in out


def test_the_engine_sizes_with_the_design_day_and_draws_at_the_annual_pue():
    # toy: one 100 MW H100 hall at PUE 1.25. Sizing PUE = 1.25 x 1.2 x 1.05 = 1.575: IT capacity 100 / 1.575 =
    # 63.492063 MW; per H100 1.275 kW x 1.1 = 1.4025 kW -> 45,270.6 -> 45,270 fit (neutral: 80 MW / 1.275 kW = 62,745)
    ops = {f"operations.{k}": v for k, v in FACTORS.items()}
    inp = compile_inputs(gw.load_scenario(toy(**ops)))
    h100 = [t.name for t in inp.types].index("h100")
    assert inp.pue[0, 0] == 1.25 and inp.sizing_pue[0, 0] == pytest.approx(1.575, rel=1e-12)
    assert inp.it_kw[0, h100] == pytest.approx(1.4025, rel=1e-12)
    plan = inp.plan()
    assert plan.it_capacity_kw[0, 0] == pytest.approx(100 / 1.575 * 1000, rel=1e-12)
    assert plan.fill_count[0, 0] == 45_270
    # the facility is built for that IT load: 63.492 MW x $10M per MW of IT (the toy's capex_per_mw_usd)
    assert inp.capex_facility_usd[0, 0] == pytest.approx(100 / 1.575 * 10e6, rel=1e-12)
    neutral = gw.simulate(gw.load_scenario(toy()))
    sized = gw.simulate(gw.load_scenario(toy(**ops)))
    assert neutral.metrics["accelerators_end"] == 62_745 and sized.metrics["accelerators_end"] == 45_270
    # same months online, so energy scales with the installed IT (n x kW), at the same annual PUE:
    # (45,270 x 1.4025) / (62,745 x 1.275) = 0.79364
    ratio = sized.metrics["energy_mwh_total"] / neutral.metrics["energy_mwh_total"]
    assert ratio == pytest.approx(45_270 * 1.4025 / (62_745 * 1.275), rel=1e-9)  # float sums over months


def test_show_lists_the_sizing_factors(capsys):
    from gigawatt.cli.core import main

    assert main(["show", "stargate"]) == 0
    out = capsys.readouterr().out
    for name in FACTORS:
        assert f"{name}:" in out and f"default: operations.{name}" in out


def test_an_unpriced_accelerator_is_sized_from_power_with_its_capex_unknown(capsys):
    # tpu-v7: 10 MW for a 9,216-chip Ironwood pod (OS17) is 1,085 W a chip; rented, never sold, so no price.
    # 1,000 MW at PUE 1.14 (design ratio 1) is 877.19 MW of IT: floor(877,193 kW / 1.085 kW) = 808,472 chips
    e = gw.estimate("tpu-v7", power_mw=1000)
    assert e["accelerators"] == 808_472
    assert e["capex_it_usd"] is None and e["capex_total_usd"] is None
    assert e["capex_facility_usd"] == pytest.approx(1000 / 1.14 * 11.7e6, rel=1e-12)  # EC01 $11.7M per MW of IT
    assert "no published price_usd" in e["notes"][0] and "--price" in e["notes"][0]
    from gigawatt.cli.core import main

    assert main(["estimate", "--accelerator", "tpu-v7", "--power", "1GW"]) == 0
    out, err = capsys.readouterr()
    assert "unknown" in out and "warning: accelerator 'tpu-v7' has no published price_usd" in err
    # with a price the capex is whole again
    priced = gw.estimate("tpu-v7", power_mw=1000, price_usd=20_000)
    assert priced["capex_it_usd"] == 808_472 * 20_000 and priced["notes"] == []

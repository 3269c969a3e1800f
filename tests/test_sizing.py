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
    # facility capex on the IT load: 140.25 MW x $16.4M (the observed AI campus packages' median) = $2.3001B
    d = gw.estimate("h100", accelerators=100_000, sizing=FACTORS)
    assert d["it_power_mw"] == pytest.approx(140.25, rel=1e-12)
    assert d["facility_power_mw"] == pytest.approx(201.4551, rel=1e-12)
    assert d["capex_facility_usd"] == pytest.approx(140.25 * 16.4e6, rel=1e-12)
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
    # $16.4M per MW of IT, the observed AI campus packages' median (docs/validation.md)
    assert e["capex_facility_usd"] == pytest.approx(1000 / 1.14 * 16.4e6, rel=1e-12)
    assert "no published price_usd" in e["notes"][0] and "--price" in e["notes"][0]
    from gigawatt.cli.core import main

    assert main(["estimate", "--accelerator", "tpu-v7", "--power", "1GW"]) == 0
    out, err = capsys.readouterr()
    assert "unknown" in out and "warning: accelerator 'tpu-v7' has no published price_usd" in err
    # with a price the capex is whole again
    priced = gw.estimate("tpu-v7", power_mw=1000, price_usd=20_000)
    assert priced["capex_it_usd"] == 808_472 * 20_000 and priced["notes"] == []


def test_a_years_energy_cost_and_emissions_by_hand():
    # 100,000 H100 x 1.275 kW = 127.5 MW of IT, drawn at 0.76 (HW07) x PUE 1.14 (EC14) for 8,766 h:
    # 127.5 x 0.76 = 96.9; x 1.14 = 110.466 MW; x 8,766 h = 968,344.956 MWh; at $80/MWh: $77,467,596.48;
    # at 0.4 t/MWh: 387,337.98 t
    d = gw.estimate("h100", accelerators=100_000, energy_price_usd_per_mwh=80, carbon_t_per_mwh=0.4)
    assert d["annual_energy_mwh"] == pytest.approx(968_344.956, rel=1e-12)
    assert d["annual_energy_cost_usd"] == pytest.approx(77_467_596.48, rel=1e-12)
    assert d["annual_emissions_t"] == pytest.approx(387_337.9824, rel=1e-12)
    assert d["assumptions"]["energy_price_usd_per_mwh"] == {"value": 80, "status": "given on the command line"}


def test_too_many_accelerators_from_power_names_the_power_and_the_watts():
    # 1 TW (the limit) at 1 W each (the smallest accelerator allowed): 1e6 MW / 1.14 = 877,193 MW of IT = 8.77e11
    # accelerators, over limits.MAX_ACCELERATORS (1e10); the message names the power and the watts per accelerator
    with pytest.raises(gw.GigawattError) as exc:
        gw.estimate("h100", power_mw=1_000_000, it_power_w=1.0)
    assert "--power 1e+06 MW at 1 W each gives 8.77e+11 accelerators; expected at most 1e+10" in str(exc.value)


def test_a_budget_that_buys_a_whole_number_up_to_rounding_buys_it():
    # $48,438,050 is exactly 1,000 x $48,438.05 (no facility capex), but the float quotient is 999.9999999999999:
    # the count is 1,000 accelerators, not 999
    d = gw.estimate("h100", budget_usd=48_438_050, price_usd=48_438.05, capex_per_mw_usd=0)
    assert d["accelerators"] == 1_000


def test_the_compute_and_the_power_of_each_accelerator_are_reported():
    # 100,000 H100 at 989 TFLOPS dense BF16 (HW02) and 1,275 W all-in (HW07): 9.89e19 FLOP/s, 100,000 H100e
    d = gw.estimate("h100", accelerators=100_000)
    assert d["peak_bf16_flops"] == pytest.approx(100_000 * 989e12, rel=1e-15)
    assert d["it_power_w_per_accelerator"] == pytest.approx(1275, rel=1e-15)
    assert d["h100e"] == pytest.approx(100_000, rel=1e-15)


def test_an_accelerator_without_a_published_flops_counts_no_compute():
    import dataclasses

    from gigawatt.data.catalog import get_accelerator

    # unknown dense BF16 FLOP/s: no compute is claimed (0, never negative); power and count still stand
    acc = dataclasses.replace(get_accelerator("h100"), bf16_dense_tflops=None)
    d = gw.estimate(acc, accelerators=1_000)
    assert d["peak_bf16_flops"] == 0 and d["h100e"] == 0
    assert d["it_power_mw"] == pytest.approx(1.275, rel=1e-12)  # 1,000 x 1,275 W


def test_the_ranges_of_the_shares_and_of_the_power():
    # a utilization of one half is a share like any other: 100,000 H100 x 1.275 kW x 0.5 x 1.14 x 8,766 h =
    # 127.5 MW x 0.5 x 1.14 x 8,766 h = 637,069.05 MWh
    d = gw.estimate("h100", accelerators=100_000, utilization=0.5)
    assert d["annual_energy_mwh"] == pytest.approx(637_069.05, rel=1e-12)
    # a negative non-accelerator share, a utilization over 1 and a power of 0 MW (the range is open at 0) are refused
    with pytest.raises(gw.GigawattError, match=r"--non-accelerator-it-share -0.1 is out of range; expected 0 <= v"):
        gw.estimate("h100", power_mw=100, sizing={"non_accelerator_it_share": -0.1})
    with pytest.raises(gw.GigawattError, match=r"--utilization 1.1 is out of range; expected 0 <= value <= 1"):
        gw.estimate("h100", power_mw=100, utilization=1.1)
    with pytest.raises(gw.GigawattError, match=r"--power 0 MW is out of range; expected 0 < value"):
        gw.estimate("h100", power_mw=0)


def test_h100_equivalents_of_a_faster_accelerator_are_fractional():
    # 1,000 GB200 at 2,500 TFLOPS dense BF16 (HW11) over the H100's 989 (HW02): 2,527.8058645... H100e, not 2,527
    d = gw.estimate("gb200", accelerators=1_000)
    assert d["h100e"] == pytest.approx(2_500_000 / 989, rel=1e-14)


def test_the_ranges_of_pue_and_capex_and_where_they_come_from():
    # PUE: the scenario schema's range, 1 to 3 (not gigawatt.limits); facility capex from 0 (gigawatt.limits)
    with pytest.raises(gw.GigawattError) as exc:
        gw.estimate("h100", power_mw=100, pue=3.5)
    assert str(exc.value) == "estimate: --pue 3.5 is out of range; expected 1 <= value <= 3"
    assert gw.estimate("h100", power_mw=100, pue=3.0)["sizing_pue"] == 3.0
    with pytest.raises(gw.GigawattError, match=r"--capex-per-mw -1 USD/MW is out of range; expected 0 <= value"):
        gw.estimate("h100", power_mw=100, capex_per_mw_usd=-1)
    # a utilization is a share: its range is no limit of gigawatt.limits, and the message does not say it is
    with pytest.raises(gw.GigawattError) as exc:
        gw.estimate("h100", power_mw=100, utilization=1.1)
    assert str(exc.value) == "estimate: --utilization 1.1 is out of range; expected 0 <= value <= 1"


# --- seed 4 of the estimate's mutants (docs/testing.md): the real survivors, killed by hand-worked cases ------------


@pytest.mark.parametrize("value", [math.nan, math.inf, True])
def test_a_given_power_that_is_no_finite_number_is_refused_as_such(value):
    # NaN and infinity are no power; nor is True (a bool is an int in Python, and would pass as 1 MW)
    with pytest.raises(gw.GigawattError, match=rf"--power {value!r} is not a finite number; expected 0 < value"):
        gw.estimate("h100", power_mw=value)


def test_giving_none_or_two_of_power_budget_and_count_names_what_was_given():
    with pytest.raises(gw.GigawattError, match=r"give exactly one of --power, --budget or --accelerators \(got none\)"):
        gw.estimate("h100")
    with pytest.raises(gw.GigawattError, match=r"exactly one of .* \(got power, budget\)$"):
        gw.estimate("h100", power_mw=100, budget_usd=1e9)


def test_a_price_of_zero_is_refused():
    # the price's range is open at 0 (a free accelerator would make a budget buy without end)
    with pytest.raises(gw.GigawattError, match=r"--price 0 USD is out of range; expected 0 < value <= 100,000,000 USD"):
        gw.estimate("h100", power_mw=100, price_usd=0)


def test_a_power_that_feeds_a_whole_number_up_to_rounding_feeds_it():
    # 1 MW at PUE 1 is 1,000 kW of IT; at 100 W (0.1 kW) each that is exactly 10,000 accelerators, though the float
    # 0.1 is a little over a tenth (1000 // 0.1 is 9,999): the count is 10,000
    d = gw.estimate("h100", power_mw=1, pue=1, it_power_w=100)
    assert d["accelerators"] == 10_000


def test_an_unpriced_accelerator_says_why_only_when_the_catalog_does():
    import dataclasses

    from gigawatt.data.catalog import get_accelerator

    # accelerators.csv: tpu-v7's price_usd is "unpublished", derivation "not sold; rented only"
    note = gw.estimate("tpu-v7", power_mw=10)["notes"][0]
    assert note.startswith("accelerator 'tpu-v7' has no published price_usd (not sold; rented only): capex_it_usd")
    # an accelerator without a price and without a word on why: no empty brackets
    h100 = get_accelerator("h100")
    unsaid = dataclasses.replace(h100.provenance["price_usd"], derivation="")
    bare = dataclasses.replace(h100, price_usd=None, provenance={**h100.provenance, "price_usd": unsaid})
    note = gw.estimate(bare, power_mw=10)["notes"][0]
    assert note.startswith("accelerator 'h100' has no published price_usd: capex_it_usd and capex_total_usd")


def test_an_accelerator_built_in_python_without_sources_is_estimated():
    # the Python API takes an Accelerator of the user's own: one with no provenance for its price (none published)
    # is sized from power with the note, and its sources say there are none (it raised KeyError)
    import dataclasses

    h = gw.get_accelerator("h100")
    mine = dataclasses.replace(
        h, price_usd=None, provenance={k: v for k, v in h.provenance.items() if k != "price_usd"}
    )
    e = gw.estimate(mine, power_mw=10)
    assert e["notes"][0].startswith("accelerator 'h100' has no published price_usd:")
    assert e["accelerator_sources"]["price_usd"] == {"value": None, "status": "no source given"}

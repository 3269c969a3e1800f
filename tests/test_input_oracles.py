"""Oracles for the steps the engine and its reference share: reading units, filling defaults, expanding ramps.

tests/reference_simpy.py checks the engine from the loaded scenario, after gigawatt has parsed the units a person
wrote, filled the fields left out from defaults.csv and replaced each ramped phase by its buildings; a mistake in
those steps would reach both sides alike. Here each step is checked against values worked by hand (in the comments),
through ``gigawatt.load_scenario`` only: no engine, no ramp or unit function is called to make an expected value.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest

import gigawatt as gw

REL = 1e-12  # a product or quotient of a few decimals: float rounding only


def tree(phase: dict | None = None, **top) -> dict:
    """A one-site, one-phase scenario; ``phase`` replaces fields of the phase, ``top`` top-level sections."""
    ph = {"name": "p", "power_mw": 100, "start": "2025-01", "construction_months": 12, "accelerator": "gb200"}
    ph.update(phase or {})
    out = {
        "name": "oracle",
        "programme": {"start": "2025-01", "horizon_months": 36},
        "partners": [{"name": "a", "pledges": [{"amount_usd": 10e9, "start": "2025-01"}]}],
        "sites": [{"name": "s", "phases": [ph]}],
    }
    out.update(copy.deepcopy(top))
    return out


def only_phase(s):
    (site,) = s.sites
    (ph,) = site.phases
    return ph


# ------------------------------------------------------------------------------------------------ units
@pytest.mark.parametrize(
    "written, mw",
    [
        ("1.2 GW", 1200.0),  # 1.2 x 1000 MW
        ("1.2GW", 1200.0),
        ("250 kW", 0.25),  # 250 / 1000 MW
        ("0.05 TW", 50_000.0),  # 0.05 x 1,000,000 MW
        ("1,200 MW", 1200.0),  # a comma that groups thousands
        ("800", 800.0),  # a bare number is MW
    ],
)
def test_power_in_units_is_read_as_worked_by_hand(written, mw):
    assert only_phase(gw.load_scenario(tree({"power_mw": written}))).power_mw == pytest.approx(mw, rel=REL)


@pytest.mark.parametrize(
    "written, months",
    [
        ("18 months", 18.0),
        ("2 years", 24.0),  # 2 x 12
        ("1.5 years", 18.0),
        ("122 days", 122 * 12 / 365.25),  # a month is a twelfth of a Julian year: 4.0082 months
        ("6 weeks", 6 * 7 * 12 / 365.25),  # 1.3799 months
        (9, 9.0),
    ],
)
def test_durations_in_units_are_read_as_worked_by_hand(written, months):
    ph = only_phase(gw.load_scenario(tree({"construction_months": written})))
    assert ph.construction_months == pytest.approx(months, rel=REL)


@pytest.mark.parametrize(
    "written, usd",
    [
        ("$19B", 19e9),
        ("$19 billion", 19e9),
        ("$500M", 500e6),
        ("$1.5T", 1.5e12),
        ("$2,500M", 2.5e9),  # thousands grouped, then the scale
        (7e9, 7e9),
    ],
)
def test_money_in_units_is_read_as_worked_by_hand(written, usd):
    t = tree()
    t["partners"][0]["pledges"][0]["amount_usd"] = written
    s = gw.load_scenario(t)
    assert s.partners[0].pledges[0].amount_usd == pytest.approx(usd, rel=REL)


@pytest.mark.parametrize(
    "written, usd_per_mw",
    [
        ("$12.5M/MW", 12.5e6),
        ("$2400/kW", 2.4e6),  # x 1,000 kW per MW
        ("$2.4B/GW", 2.4e6),  # / 1,000 MW per GW
    ],
)
def test_capex_per_mw_in_units_is_read_as_worked_by_hand(written, usd_per_mw):
    ph = only_phase(gw.load_scenario(tree({"capex_per_mw_usd": written})))
    assert ph.capex_per_mw_usd == pytest.approx(usd_per_mw, rel=REL)


def test_money_without_a_per_power_unit_is_refused_for_capex_per_mw():
    with pytest.raises(gw.GigawattError, match=r"capex_per_mw_usd.*money, not money per power"):
        gw.load_scenario(tree({"capex_per_mw_usd": "$12.5M"}))


def test_months_are_read_as_the_first_of_the_month():
    t = tree({"start": "2025-06-15"}, programme={"start": "June 2025", "horizon_months": 24})
    t["partners"][0]["pledges"][0]["start"] = "2025-06"
    s = gw.load_scenario(t)
    assert s.programme.start == dt.date(2025, 6, 1)
    assert only_phase(s).start == dt.date(2025, 6, 1)


# ------------------------------------------------------------------------------------------------ default fills
# defaults.csv, written out by hand (value column): a change of a shipped default fails here and must be made on
# purpose, with its source, in both places.
DEFAULTS = {
    "phase.capex_per_mw_usd": 16.4e6,  # median of eight AI campus packages [SG43 ... CX12]
    "phase.construction_months": 24.0,  # Epoch AI build times [EC19]
    "power.grid.capex_per_mw_usd": 0.0,
    "power.grid.carbon_t_per_mwh": 0.367,
    "power.onsite_gas.capex_per_mw_usd": 2.4e6,  # $2,400/kW [EC25]
    "power.onsite_gas.carbon_t_per_mwh": 0.435,
    "operations.pue": 1.14,  # [EC14]
    "operations.utilization": 0.76,
    "operations.energy_price_usd_per_mwh": 57.0,
    "operations.lifetime_months": 60.0,
    "operations.other_opex_usd_per_mw_year": 0.0,
    "operations.design_pue_ratio": 1.0,
    "operations.non_accelerator_it_share": 0.0,
    "operations.sizing_headroom": 0.0,
    "procurement.lead_time_months": 3.0,
    "financing.equity_share": 1.0,
    "financing.interest_rate": 0.06,
    "funding.announced_arrival": 1.0,
}


def test_a_phase_left_bare_gets_the_defaults_written_by_hand():
    t = tree()
    del t["sites"][0]["phases"][0]["construction_months"]
    ph = only_phase(gw.load_scenario(t))
    assert ph.construction_months == DEFAULTS["phase.construction_months"]
    assert ph.capex_per_mw_usd == DEFAULTS["phase.capex_per_mw_usd"]
    assert ph.power.kind == "grid"
    assert ph.power.capex_per_mw_usd == DEFAULTS["power.grid.capex_per_mw_usd"]
    assert ph.power.carbon_t_per_mwh == DEFAULTS["power.grid.carbon_t_per_mwh"]
    assert ph.power_basis == "facility"
    assert ph.pue is None or ph.pue == DEFAULTS["operations.pue"]


def test_onsite_gas_gets_its_own_defaults():
    ph = only_phase(gw.load_scenario(tree({"power": {"kind": "onsite_gas"}})))
    assert ph.power.capex_per_mw_usd == DEFAULTS["power.onsite_gas.capex_per_mw_usd"]
    assert ph.power.carbon_t_per_mwh == DEFAULTS["power.onsite_gas.carbon_t_per_mwh"]


def test_programme_wide_defaults_are_filled_as_written_by_hand():
    s = gw.load_scenario(tree())
    for key, want in DEFAULTS.items():
        section, _, field = key.partition(".")
        if section in ("phase", "power"):
            continue
        assert getattr(getattr(s, section), field) == pytest.approx(want, rel=REL), key


def test_a_value_given_is_kept_not_replaced_by_the_default():
    ph = only_phase(gw.load_scenario(tree({"construction_months": 7, "capex_per_mw_usd": 9e6})))
    assert (ph.construction_months, ph.capex_per_mw_usd) == (7.0, 9e6)


# ------------------------------------------------------------------------------------------------ power basis
def test_grid_power_is_divided_by_1_25():
    # 1,000 MW of grid capacity / 1.25 (defaults.csv power_basis.grid_to_facility_ratio, docs/model.md §2a) = 800 MW
    ph = only_phase(gw.load_scenario(tree({"power_mw": "1 GW", "power_basis": "grid"})))
    assert ph.power_mw == pytest.approx(800.0, rel=REL)


def test_it_power_is_multiplied_by_the_sizing_pue():
    # 500 MW of IT x (1.2 PUE x 1.1 design ratio x 1.05 headroom = 1.386) = 693 MW of facility power
    ops = {"pue": 1.2, "design_pue_ratio": 1.1, "sizing_headroom": 0.05}
    ph = only_phase(gw.load_scenario(tree({"power_mw": 500, "power_basis": "it"}, operations=ops)))
    assert ph.power_mw == pytest.approx(693.0, rel=REL)
    # a phase's own PUE wins over the programme's: 500 x 1.3 x 1.1 x 1.05 = 750.75
    ph = only_phase(gw.load_scenario(tree({"power_mw": 500, "power_basis": "it", "pue": 1.3}, operations=ops)))
    assert ph.power_mw == pytest.approx(750.75, rel=REL)


# ------------------------------------------------------------------------------------------------ ramps
def buildings(s, site: int = 0) -> list[tuple[str, float, dt.date]]:
    return [(ph.name, ph.power_mw, ph.start) for ph in s.sites[site].phases]


def test_ramp_of_equal_buildings_a_month_apart():
    # 600 MW in 3 buildings a month apart from 2025-11: 200 MW each, starting 2025-11, 2025-12, 2026-01
    s = gw.load_scenario(tree({"power_mw": 600, "start": "2025-11", "ramp": {"buildings": 3, "interval_months": 1}}))
    assert buildings(s) == [
        ("p/building-1", pytest.approx(200.0, rel=REL), dt.date(2025, 11, 1)),
        ("p/building-2", pytest.approx(200.0, rel=REL), dt.date(2025, 12, 1)),
        ("p/building-3", pytest.approx(200.0, rel=REL), dt.date(2026, 1, 1)),
    ]


def test_ramp_by_sizes_with_a_gap_per_pair():
    # sizes 100 + 300 + 600 = 1,000 MW; gaps 2, 0, 5 would need four buildings, so three: gaps 2 and 0
    # -> offsets 0, 2, 2 months from 2025-03
    ramp = {"sizes_mw": [100, 300, 600], "interval_months": [2, 0]}
    s = gw.load_scenario(tree({"power_mw": 1000, "start": "2025-03", "ramp": ramp}))
    assert buildings(s) == [
        ("p/building-1", pytest.approx(100.0, rel=REL), dt.date(2025, 3, 1)),
        ("p/building-2", pytest.approx(300.0, rel=REL), dt.date(2025, 5, 1)),
        ("p/building-3", pytest.approx(600.0, rel=REL), dt.date(2025, 5, 1)),
    ]


def test_ramp_by_shares_over_a_duration_rounds_halves_up():
    # 4 buildings over 10 months: k x 10 / 3 = 0, 3.33, 6.67, 10 -> offsets 0, 3, 7, 10 from 2025-01;
    # shares 0.1, 0.2, 0.3, 0.4 of 800 MW = 80, 160, 240, 320 MW
    ramp = {"shares": [0.1, 0.2, 0.3, 0.4], "duration_months": 10}
    s = gw.load_scenario(tree({"power_mw": 800, "ramp": ramp}))
    assert buildings(s) == [
        ("p/building-1", pytest.approx(80.0, rel=REL), dt.date(2025, 1, 1)),
        ("p/building-2", pytest.approx(160.0, rel=REL), dt.date(2025, 4, 1)),
        ("p/building-3", pytest.approx(240.0, rel=REL), dt.date(2025, 8, 1)),
        ("p/building-4", pytest.approx(320.0, rel=REL), dt.date(2025, 11, 1)),
    ]
    # 3 buildings over 5 months: 0, 2.5, 5 -> 0, 3 (the half goes up), 5
    s = gw.load_scenario(tree({"power_mw": 300, "ramp": {"buildings": 3, "duration_months": 5}}))
    assert [b[2] for b in buildings(s)] == [dt.date(2025, 1, 1), dt.date(2025, 4, 1), dt.date(2025, 6, 1)]


def test_ramped_phase_keeps_its_place_and_its_buildings_go_last():
    # phases a, r (ramped, 2 buildings), c: r's first building stays second, its second goes after c, so the paths
    # of a and c (sites[0].phases[0] and [2]) are what the file says
    t = tree()
    t["sites"][0]["phases"] = [
        {"name": "a", "power_mw": 50, "start": "2025-01", "accelerator": "gb200"},
        {"name": "r", "power_mw": 90, "start": "2025-02", "accelerator": "gb200", "ramp": {"buildings": 2}},
        {"name": "c", "power_mw": 70, "start": "2025-03", "accelerator": "gb200"},
    ]
    t["sites"][0]["phases"][1]["ramp"]["interval_months"] = 4
    s = gw.load_scenario(t)
    assert buildings(s) == [
        ("a", 50.0, dt.date(2025, 1, 1)),
        ("r/building-1", pytest.approx(45.0, rel=REL), dt.date(2025, 2, 1)),
        ("c", 70.0, dt.date(2025, 3, 1)),
        ("r/building-2", pytest.approx(45.0, rel=REL), dt.date(2025, 6, 1)),
    ]
    # every other field is the phase's
    assert {ph.construction_months for ph in s.sites[0].phases} == {DEFAULTS["phase.construction_months"]}


def test_grid_ramp_is_converted_building_by_building():
    # 1,000 MW grid in 4 equal buildings: 250 MW grid each / 1.25 = 200 MW of facility power each
    ramp = {"buildings": 4, "interval_months": 2}
    s = gw.load_scenario(tree({"power_mw": 1000, "power_basis": "grid", "ramp": ramp}))
    assert [b[1] for b in buildings(s)] == [pytest.approx(200.0, rel=REL)] * 4


def test_builtin_stargate_ramps_written_out_by_hand():
    """stargate.yaml: Abilene's phase-2 (1,000 MW, 6 buildings a month apart from 2025-03) and Shackelford's
    phase-1 (1,400 MW, 5 buildings over 20 months from 2025-08: offsets k x 20 / 4 = 0, 5, 10, 15, 20)."""
    s = gw.load_scenario("stargate")
    by_name = {site.name: site for site in s.sites}
    abilene = [(ph.name, ph.power_mw, ph.start) for ph in by_name["abilene"].phases]
    assert abilene[0] == ("phase-1", 200.0, dt.date(2025, 1, 1))
    assert abilene[1:] == [
        (f"phase-2/building-{k + 1}", pytest.approx(1000 / 6, rel=REL), dt.date(2025, 3 + k, 1)) for k in range(6)
    ]
    shackelford = [(ph.name, ph.power_mw, ph.start) for ph in by_name["shackelford"].phases]
    starts = [dt.date(2025, 8, 1), dt.date(2026, 1, 1), dt.date(2026, 6, 1), dt.date(2026, 11, 1), dt.date(2027, 4, 1)]
    assert shackelford == [(f"phase-1/building-{k + 1}", pytest.approx(280.0, rel=REL), starts[k]) for k in range(5)]

"""Ramps (issue 11, item 9): a phase that comes online building by building, expanded into one phase per building.

Oracles: hand-worked building sizes, starts and online months (start + offset + construction time), and the
messages a user needs when a ramp is wrong.
"""

import pytest

import gigawatt as gw
from gigawatt import limits
from gigawatt.data.loading import set_path
from gigawatt.errors import GigawattError
from toy_scenarios import toy

START = "sites[a].phases[p1]"


def ramped(ramp, **changes):
    """The toy scenario (one 100 MW H100 hall from 2025-01, 3-month build, ample money) with a ramp on its phase;
    ``changes`` by path (``"sites[0].phases[0].start"``)."""
    tree = toy()
    for path, value in {"sites[0].phases[0].ramp": ramp, **changes}.items():
        set_path(tree, path, value)
    return tree


def phases(tree, overrides=()):
    s = gw.load_scenario(tree, overrides=list(overrides))
    return s, [(p.name, p.power_mw, f"{p.start:%Y-%m}", p.construction_months) for p in s.sites[0].phases]


def test_equal_buildings_with_an_interval():
    s, rows = phases(ramped({"buildings": 4, "interval_months": 2}))
    # 100 MW / 4 = 25 MW each, starts 2025-01 + 0, 2, 4, 6 months, each with the phase's 3-month build
    assert rows == [
        ("p1/building-1", 25.0, "2025-01", 3.0),
        ("p1/building-2", 25.0, "2025-03", 3.0),
        ("p1/building-3", 25.0, "2025-05", 3.0),
        ("p1/building-4", 25.0, "2025-07", 3.0),
    ]
    assert [b.path for b in s.ramps[0].buildings] == [f"sites[0].phases[{i}]" for i in range(4)]
    r = gw.simulate(s)
    # online at start + 3: 2025-04, 06, 08, 10; the phases table names each building
    assert [p["online"] for p in r.phases_records()] == ["2025-04", "2025-06", "2025-08", "2025-10"]
    assert [p["phase"] for p in r.phases_records()][1] == "a/p1/building-2"
    ts = r.timeseries
    assert ts.loc["2025-03", "mw_online"].iloc[0] == 0
    assert ts.loc["2025-04", "mw_online"].iloc[0] == pytest.approx(25)  # float sums of equal shares: 1e-12 rel
    assert ts.loc["2025-09", "mw_online"].iloc[0] == pytest.approx(75)
    assert ts.loc["2025-10", "mw_online"].iloc[0] == pytest.approx(100)


def test_sizes_and_a_list_of_intervals():
    _, rows = phases(ramped({"sizes_mw": ["10 MW", 30, "60 MW"], "interval_months": [1, "5 months"]}))
    assert [(n, mw, start) for n, mw, start, _ in rows] == [
        ("p1/building-1", pytest.approx(10), "2025-01"),  # sizes / 100 MW x 100 MW: float rounding, default 1e-6 rel
        ("p1/building-2", pytest.approx(30), "2025-02"),
        ("p1/building-3", pytest.approx(60), "2025-07"),
    ]


def test_shares_and_a_duration_rounded_to_whole_months():
    # 5 buildings over 6 months: offsets round(k * 6 / 4) = 0, 1.5 -> 2, 3, 4.5 -> 5, 6 (halves round up)
    _, rows = phases(ramped({"shares": [0.1, 0.2, 0.3, 0.2, 0.2], "duration_months": 6}))
    assert [start for _, _, start, _ in rows] == ["2025-01", "2025-03", "2025-04", "2025-06", "2025-07"]
    assert [mw for _, mw, _, _ in rows] == pytest.approx([10, 20, 30, 20, 20])  # shares x 100 MW, float rounding


def test_other_phases_keep_their_paths_and_buildings_go_last():
    tree = ramped({"buildings": 2, "interval_months": 1})
    later = dict(tree["sites"][0]["phases"][0], name="p2", start="2025-06")
    later.pop("ramp")
    tree["sites"][0]["phases"].append(later)
    tree["sites"][0]["phases"][1]["power_mw"] = {"dist": "uniform", "low": 50, "high": 150}
    s, rows = phases(tree)
    assert [n for n, *_ in rows] == ["p1/building-1", "p2", "p1/building-2"]
    # the distribution written at sites[0].phases[1] still sits on p2 (its central value, the uniform's mean)
    assert sorted(s.distributions) == ["sites[0].phases[1].power_mw"]
    assert rows[1][1] == 100


def test_set_reaches_into_a_ramp_and_a_new_phase_power_rescales_shares():
    tree = ramped({"shares": [0.25, 0.75], "interval_months": 2})
    _, rows = phases(tree, [f"{START}.ramp.interval_months=4", f"{START}.power_mw=200 MW"])
    assert [(mw, start) for _, mw, start, _ in rows] == [(50, "2025-01"), (150, "2025-05")]


def test_building_sources_say_how_they_were_derived():
    tree = ramped({"buildings": {"value": 2, "facts_id": "SG38", "status": "announced"}, "interval_months": 3})
    tree["sites"][0]["phases"][0]["power_mw"] = {"value": 100, "facts_id": "XX01", "status": "reported"}
    s = gw.load_scenario(tree)
    prov = s.provenance["sites[0].phases[1].power_mw"]
    assert prov.status == "derived" and prov.facts_id == "XX01; SG38"
    assert "0.5 of p1's power_mw" in prov.derivation
    # the second of two buildings says so (its number is the part of its name after the last '-')
    assert prov.derivation.endswith("its ramp's building 2 of 2")
    assert "+ 3 months" in s.provenance["sites[0].phases[1].start"].derivation


def test_every_building_keeps_the_phases_other_sources():
    # a field the ramp does not derive (the construction time) keeps the phase's own source in every building
    tree = ramped({"buildings": 3, "interval_months": 1})
    tree["sites"][0]["phases"][0]["construction_months"] = {"value": 3, "facts_id": "XX02", "status": "reported"}
    s = gw.load_scenario(tree)
    for i in range(3):
        prov = s.provenance[f"sites[0].phases[{i}].construction_months"]
        assert (prov.facts_id, prov.status) == ("XX02", "reported"), i


@pytest.mark.parametrize(
    ("ramp", "words"),
    [
        ({"sizes_mw": [40, 50], "interval_months": 1}, "ramp.sizes_mw: the sizes sum to 90 MW, not the phase's"),
        ({"shares": [0.5, 0.6], "interval_months": 1}, "shares: [0.5, 0.6] sum to 1.1; expected shares that sum to 1"),
        ({"buildings": 3}, "3 buildings and no timing; expected interval_months"),
        ({"buildings": 2, "shares": [0.5, 0.5], "interval_months": 1}, "buildings and shares given; expected exactly"),
        ({"interval_months": 1}, "none of buildings, sizes_mw, shares given"),
        ({"buildings": 3, "interval_months": [1]}, "1 intervals for 3 buildings; expected 2"),
        ({"buildings": 3, "interval_months": -1}, "-1 months; expected a whole number of months from 0"),
        ({"buildings": 3, "interval_months": 1.5}, "1.5 months; expected a whole number of months"),
        ({"buildings": 2, "interval_months": 1, "duration_months": 2}, "both given; expected one of them"),
        ({"buildings": limits.MAX_RAMP_BUILDINGS + 1, "interval_months": 0}, "ramp.buildings: 101 is out of range"),
        ({"buildings": 2, "interval_months": 1200}, "the last building starts 1,200 months after 2025-01, after"),
        ({"buildings": 2, "interval_months": 1, "months": 3}, "ramp.months: unknown field 'months'"),
        ({"buildings": True, "interval_months": 1}, "expected a whole number of buildings from 1 to 100, not True"),
    ],
)
def test_a_wrong_ramp_names_the_field_and_what_was_expected(ramp, words):
    with pytest.raises(GigawattError) as exc:
        gw.load_scenario(ramped(ramp))
    assert words in str(exc.value)
    assert "sites[0].phases[0]" in str(exc.value)


def test_the_list_of_intervals_stops_at_one_fewer_than_the_buildings_limit():
    # limits.MAX_RAMP_BUILDINGS = 100 buildings have 99 gaps between starts (docs/limits.md says at most 99
    # interval_months): 99 intervals of 0 months are the largest list read; 100 are refused by the list's own check,
    # with the 99 its message names (it let 100 through to the count check before, while saying 99)
    most = limits.MAX_RAMP_BUILDINGS - 1
    assert most == 99
    s = gw.load_scenario(ramped({"buildings": limits.MAX_RAMP_BUILDINGS, "interval_months": [0] * most}))
    assert len(s.ramps[0].buildings) == 100
    with pytest.raises(GigawattError) as exc:
        gw.load_scenario(ramped({"buildings": limits.MAX_RAMP_BUILDINGS, "interval_months": [0] * (most + 1)}))
    msg = str(exc.value)
    assert "sites[0].phases[0].ramp.interval_months: [0, 0," in msg
    assert "a list of 100 intervals; expected at most 99 (one fewer than limits.MAX_RAMP_BUILDINGS)" in msg


def test_buildings_count_against_the_phase_limit_before_they_are_made():
    tree = ramped({"buildings": 100, "interval_months": 0})
    tree["sites"][0]["phases"] = [dict(tree["sites"][0]["phases"][0], name=f"p{i}") for i in range(11)]
    with pytest.raises(GigawattError, match=r"1,100 phases in all; expected at most 1,000"):
        gw.load_scenario(tree)


@pytest.mark.parametrize("field", ["power_mw", "start", "construction_months", "accelerator"])
def test_a_distribution_on_a_ramped_phase_is_refused_with_what_to_do(field):
    dist = {
        "power_mw": {"dist": "uniform", "low": 80, "high": 120},
        "start": {"dist": "uniform", "low": "2025-01", "high": "2025-06"},
        "construction_months": {"dist": "triangular", "low": 2, "mode": 3, "high": 6},
        "accelerator": {"dist": "choice", "values": ["h100", "h200"]},
    }[field]
    with pytest.raises(GigawattError) as exc:
        gw.load_scenario(ramped({"buildings": 2, "interval_months": 1}, **{f"sites[0].phases[0].{field}": dist}))
    text = str(exc.value)
    assert f"sites[0].phases[0].{field}: a distribution on a field of a ramped phase" in text
    assert "risks.construction_slip" in text


def test_a_distribution_inside_the_ramp_is_refused():
    ramp = {"buildings": 2, "interval_months": {"dist": "uniform", "low": 1, "high": 3}}
    with pytest.raises(GigawattError, match=r"ramp\.interval_months: a distribution on a field of a ramped phase"):
        gw.load_scenario(ramped(ramp))


def test_programme_risks_move_every_building_together():
    # construction_slip 2 doubles each building's 3-month build: online 2025-07 and 2025-09
    s = gw.load_scenario(ramped({"buildings": 2, "interval_months": 2}, **{"risks.construction_slip": 2.0}))
    assert [p["online"] for p in gw.simulate(s).phases_records()] == ["2025-07", "2025-09"]


def test_the_resolved_scenario_round_trips_without_the_ramp():
    s = gw.load_scenario(ramped({"buildings": 3, "interval_months": 1}))
    again = gw.load_scenario(gw.resolved_with_sources(s))
    assert [p.name for p in again.sites[0].phases] == [p.name for p in s.sites[0].phases]
    assert gw.simulate(again).metrics == gw.simulate(s).metrics


def test_one_building_needs_no_timing_and_starts_with_the_phase():
    # a ramp of one building is the phase itself, renamed: all 100 MW, from the phase's start 2025-01 (offset 0)
    s, rows = phases(ramped({"buildings": 1}))
    assert rows == [("p1/building-1", 100.0, "2025-01", 3.0)]
    assert [b.offset_months for b in s.ramps[0].buildings] == [0]
    # sizes with a single size: the same
    _, rows = phases(ramped({"sizes_mw": [100], "interval_months": 4}))
    assert rows == [("p1/building-1", 100.0, "2025-01", 3.0)]


def test_the_ramp_record_gives_each_buildings_power_share_and_offset():
    s, _ = phases(ramped({"sizes_mw": [10, 30, 60], "interval_months": [1, 5]}))
    (e,) = s.ramps
    assert (e.path, e.name, e.power_mw) == ("sites[0].phases[0]", "p1", 100)
    # 10, 30 and 60 MW of 100 MW: shares 0.1, 0.3, 0.6; offsets 0, 1 and 1 + 5 = 6 months; the first building keeps
    # the phase's place, the others go to the end of the site's one-phase list (indices 1, 2)
    got = [(b.path, b.name, b.power_mw, b.share, b.offset_months) for b in e.buildings]
    assert got == [
        ("sites[0].phases[0]", "p1/building-1", pytest.approx(10), pytest.approx(0.1), 0),  # float rounding only
        ("sites[0].phases[1]", "p1/building-2", pytest.approx(30), pytest.approx(0.3), 1),
        ("sites[0].phases[2]", "p1/building-3", pytest.approx(60), pytest.approx(0.6), 6),
    ]


def test_a_building_derived_from_an_assumption_names_it_once_with_its_reason():
    # the interval is a scenario assumption with a note; the buildings count and the interval cite SG38 both: each
    # building's start is derived from the assumption, its reason is the note, and each fact id is named once
    # (SG38, then MS03); no ramp entry is left in the sources (they are folded into the buildings' power and start)
    tree = ramped(
        {
            "buildings": {"value": 2, "facts_id": "SG38", "status": "announced"},
            "interval_months": {"value": 3, "facts_id": "SG38; MS03", "status": "scenario assumption", "note": "fit"},
        }
    )
    s = gw.load_scenario(tree)
    start = s.provenance["sites[0].phases[1].start"]
    assert start.status == "derived from a scenario assumption"
    assert start.facts_id == "SG38; MS03"
    assert start.derivation == "p1's start + 3 months (its ramp); fit"
    # the power was given without a source: the building says so and cites only the count's fact
    power = s.provenance["sites[0].phases[1].power_mw"]
    assert (power.status, power.facts_id) == ("derived from a number given without a source", "SG38")
    assert not [p for p in s.provenance if ".ramp" in p]


def test_a_one_building_ramp_over_a_duration_starts_with_the_phase():
    # one building: no gap to spread the duration over; it starts with the phase (2025-01)
    _, rows = phases(ramped({"buildings": 1, "duration_months": 6}))
    assert rows == [("p1/building-1", 100.0, "2025-01", 3.0)]


def test_an_even_number_of_buildings_over_a_duration():
    # 4 buildings over 6 months: offsets k x 6 / 3 = 0, 2, 4, 6 (whole already): 2025-01, 03, 05, 07
    _, rows = phases(ramped({"buildings": 4, "duration_months": 6}))
    assert [start for _, _, start, _ in rows] == ["2025-01", "2025-03", "2025-05", "2025-07"]


def test_a_ramp_after_a_plain_phase_or_a_plain_site_is_expanded_too():
    # the site's first phase has no ramp, its second has one: the second still becomes two buildings
    tree = toy()
    later = dict(tree["sites"][0]["phases"][0], name="p2", start="2025-06", ramp={"buildings": 2, "interval_months": 2})
    tree["sites"][0]["phases"].append(later)
    _, rows = phases(tree)
    assert [(n, mw, start) for n, mw, start, _ in rows] == [
        ("p1", 100.0, "2025-01"),
        ("p2/building-1", 50.0, "2025-06"),
        ("p2/building-2", 50.0, "2025-08"),
    ]
    # a first site without a ramp, a second site with one: the second site's phase becomes two buildings
    tree = toy()
    ramped_site = dict(tree["sites"][0], name="b")
    ramped_site["phases"] = [dict(tree["sites"][0]["phases"][0], ramp={"buildings": 2, "interval_months": 2})]
    tree["sites"].append(ramped_site)
    s = gw.load_scenario(tree)
    assert [p.name for p in s.sites[0].phases] == ["p1"]
    assert [(p.name, p.power_mw, f"{p.start:%Y-%m}") for p in s.sites[1].phases] == [
        ("p1/building-1", 50.0, "2025-01"),
        ("p1/building-2", 50.0, "2025-03"),
    ]


def test_the_ramp_records_are_frozen():
    import dataclasses

    s, _ = phases(ramped({"buildings": 2, "interval_months": 1}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.ramps[0].power_mw = 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.ramps[0].buildings[0].offset_months = 5

"""What a reader would trip over (issue 11 item 8): partial years marked, built halls without accelerators shown."""

import json

import pytest
from typer.testing import CliRunner

import gigawatt as gw
from gigawatt.cli import app
from toy_scenarios import toy


def run(tree):
    return gw.simulate(gw.load_scenario(tree))


def test_partial_years_are_marked_with_their_months():
    # 2025-05 + 20 months runs to 2026-12: May-Dec 2025 is 8 months (counted by hand), 2026 all 12
    r = run(
        toy(
            **{
                "programme.start": "2025-05",
                "programme.horizon_months": 20,
                "partners[0].pledges[0].start": "2025-05",
                "sites[0].phases[0].start": "2025-05",
            }
        )
    )
    rows = r.yearly_rows()
    assert [(y["year"], y["months"], y["partial"]) for y in rows] == [(2025, 8, True), (2026, 12, False)]
    # a partial year's energy is the sum of its own months, not a year's: the months May-Dec of the series
    energy = r.series["energy_mwh"]
    assert rows[0]["energy_mwh"] == pytest.approx(energy[:8].sum(), rel=1e-12)
    assert rows[1]["energy_mwh"] == pytest.approx(energy[8:].sum(), rel=1e-12)


def test_partial_last_year_in_run_table_json_and_csv(tmp_path):
    # colossus runs 48 months from 2024-05: 2024 has 8 months (May-Dec), 2028 has 4 (Jan-Apr)
    runner = CliRunner()
    out = runner.invoke(app, ["run", "colossus"])
    assert out.exit_code == 0, out.output
    assert "2024 (8 mo)" in out.output and "2028 (4 mo)" in out.output and "partial year" in out.output
    res = runner.invoke(app, ["run", "colossus", "--json", "--out", str(tmp_path / "o")])
    years = {y["year"]: (y["months"], y["partial"]) for y in json.loads(res.stdout)["yearly"]}
    assert years[2024] == (8, True) and years[2027] == (12, False) and years[2028] == (4, True)
    csv = (tmp_path / "o" / "yearly.csv").read_text().splitlines()
    assert "months" in csv[0].split(",") and "partial" in csv[0].split(",")


def test_full_years_carry_no_mark():
    # stargate runs 60 months from 2025-01: five whole calendar years
    out = CliRunner().invoke(app, ["run", "stargate"])
    assert out.exit_code == 0 and " mo)" not in out.output and "partial year" not in out.output


def _unfunded_external_hall():
    # a programme hall (a/p1) the money pays for, and an external hall (b/p1) the developer builds on its planned
    # date (2025-03, 4 months: online 2025-07) while the programme never has money for its accelerators:
    # secured $5B closes a/p1 (100 MW / 1.25 = 80 MW IT: $0.8B facility + 62,745 H100 x $50k = $3.1B, ~$3.9B)
    # and leaves ~$1.1B, far from b's first fill (160 MW IT of H100: ~125,000 x $50k = ~$6.3B)
    tree = toy(
        **{
            "partners[0].pledges[0].amount_usd": 5e9,
            "partners[0].pledges[0].secured_usd": 5e9,
            "operations.pue": 1.25,
        }
    )
    tree["sites"].append(
        {
            "name": "b",
            "facility_financing": "external",
            "phases": [{"name": "p1", "power_mw": 200, "start": "2025-03", "construction_months": 4}],
        }
    )
    tree["sites"][1]["phases"][0]["accelerator"] = "h100"
    tree["sites"][0]["phases"][0]["capex_per_mw_usd"] = 10e6
    return tree


def test_built_hall_without_accelerators_is_shown_as_such():
    r = run(_unfunded_external_hall())
    rows = {p["phase"]: p for p in r.phase_rows}
    b = rows["b/p1"]
    assert (b["start"], b["online"]) == ("2025-03", "2025-07")  # planned start + 4 months, by hand
    assert b["status"] == "online, no accelerators (never funded)"
    assert rows["a/p1"]["status"] == "online"
    # the hall counts as online power (100 + 200 MW) and as a phase online, consistent with its row
    assert r.metrics["mw_online_end"] == pytest.approx(300.0)
    assert r.metrics["phases_online_end"] == 2
    # and it holds no accelerators: every accelerator installed fits hall a (100 MW of facility power)
    assert r.metrics["it_mw_installed_end"] <= 100.0


def test_phase_status_in_json():
    out = CliRunner().invoke(app, ["run", "stargate-musk", "--json"])
    phases = json.loads(out.stdout)["phases"]
    online = [p for p in phases if p["status"].startswith("online")]
    metrics = json.loads(out.stdout)["metrics"]
    # every hall the metrics count as online is a row that says so, with its months
    assert len(online) == metrics["phases_online_end"]
    assert all(p["start"] and p["online"] for p in online)
    assert sum(p["power_mw"] for p in online) == pytest.approx(metrics["mw_online_end"])


def test_partial_years_in_risk(tmp_path):
    # the same months as the run: colossus 2024 has 8 (May-Dec), 2028 has 4 (Jan-Apr)
    res = CliRunner().invoke(app, ["risk", "colossus", "--trials", "64", "--json", "--out", str(tmp_path / "r")])
    assert res.exit_code == 0, res.output
    years = {y["year"]: (y["months"], y["partial"]) for y in json.loads(res.stdout)["yearly"]}
    assert years[2024] == (8, True) and years[2026] == (12, False) and years[2028] == (4, True)
    header = (tmp_path / "r" / "risk_yearly.csv").read_text().splitlines()[0].split(",")
    assert header[:4] == ["year", "months", "partial", "series"]


# --- YAML 1.2's core schema (issue 20): plain scalars read as the person wrote them ---------------------------------


@pytest.mark.parametrize(
    "raw,value",
    [
        ("1:30", "1:30"),  # YAML 1.1: 90 (base 60)
        ("010", 10),  # YAML 1.1: 8 (octal)
        ("0o17", 15),  # 1.2's own octal form
        ("0x1F", 31),
        ("NO", "NO"),  # YAML 1.1: False (Norway)
        ("yes", "yes"),
        ("on", "on"),
        ("Off", "Off"),
        ("1_000", "1_000"),  # YAML 1.1: 1000; a quantity field reads it by the thousands rule
        ("2026-06-15", "2026-06-15"),  # YAML 1.1: a date; the month fields read the text
        ("1e5", 100000.0),  # YAML 1.1 (PyYAML): the text '1e5'
        ("true", True),
        ("FALSE", False),
        ("~", None),
        ("-.inf", float("-inf")),
        ("+12", 12),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(raw, value):
    from gigawatt.data.reading import parse_yaml_text

    assert parse_yaml_text(f"a: {raw}\n", "t") == {"a": value}


def test_yaml_1_2_reader_keeps_the_limits():
    from gigawatt.data.reading import parse_yaml_text
    from gigawatt.errors import InputFileError

    for text, said in (
        ("a: 1\na: 2\n", "duplicate key"),
        ("NO: 1\nNO: 2\n", "duplicate key 'NO'"),
        ("a: &x 1\nb: *x\n", "anchor or alias"),
        ("a: !!int 1:30\n", "not an integer in YAML 1.2"),
        ("a: " + "[" * 200 + "]" * 200 + "\n", "nested more than"),
    ):
        with pytest.raises(InputFileError, match=said):
            parse_yaml_text(text, "t")


@pytest.mark.parametrize("text", ["NO", "yes", "010", "1:30", "0o17", "1e5", "1_000", "2026-06-15", "true", "~", "x"])
def test_dumped_strings_read_back_the_same_in_yaml_1_1_and_1_2(text):
    """``show`` writes YAML that reads back the same whichever YAML version reads it: a string either would take
    for something else is quoted."""
    import yaml

    from gigawatt.data.reading import dump_yaml, parse_yaml_text

    dumped = dump_yaml({"a": text})
    assert parse_yaml_text(dumped, "t") == {"a": text}
    assert yaml.safe_load(dumped) == {"a": text}


def test_a_thousands_comma_in_a_flow_mapping_is_named_not_a_pydantic_key_error(tmp_path):
    # YAML reads {power_mw: 1,500, start: ...} as power_mw: 1 and a key 500 (a comma ends a flow entry)
    import gigawatt as gw

    path = tmp_path / "flow.yaml"
    path.write_text(
        "name: t\nprogramme: {start: 2025-01, horizon_months: 24}\nsites:\n  - name: a\n    phases:\n"
        "      - {name: p1, power_mw: 1,500, start: 2025-02}\n",
        encoding="utf-8",
    )
    with pytest.raises(gw.ScenarioError) as err:
        gw.load_scenario(path)
    assert str(err.value).endswith(
        "sites[0].phases[0]: the key 500 is not a field name (in a {flow: mapping} a comma ends the entry: "
        "'power_mw: 1,500' reads as power_mw: 1 and a key 500); expected a number without a comma (1500) or in "
        "quotes ('1,500')"
    )


@pytest.mark.parametrize("text", ["1.200 MW", "2.500 GW", "12.000 MW", "$1.500B"])
def test_a_dot_that_may_group_thousands_is_refused_saying_both_readings(text):
    # "1.200 MW" in a German or French hand is 1,200 MW; in an English one 1.2 MW: neither is guessed
    from gigawatt.errors import UnitError
    from gigawatt.units import parse_quantity

    kind = "usd" if text.startswith("$") else "mw"
    with pytest.raises(UnitError, match=r"could be [\d.]+ \(a decimal point\) or [\d,]+ \(a dot grouping thousands"):
        parse_quantity(text, kind)


@pytest.mark.parametrize(("text", "mw"), [("1.275 kW", 0.001275), ("0.500 GW", 500.0), ("1.25 GW", 1250.0)])
def test_decimals_that_cannot_be_a_grouping_are_read(text, mw):
    from gigawatt.units import parse_quantity

    assert parse_quantity(text, "mw") == pytest.approx(mw, rel=1e-12)


@pytest.mark.parametrize("how", ["file", "set"])
def test_a_plain_yaml_number_that_may_group_thousands_reaches_the_field_as_written(tmp_path, how):
    # power_mw: 1.500 in a YAML file (or --set ...=1.500) was the float 1.5; a German hand meant 1,500
    base = "name: t\nprogramme: {start: 2025-01, horizon_months: 24}\nsites:\n  - name: a\n    phases:\n"
    path = tmp_path / "s.yaml"
    if how == "file":
        path.write_text(base + "      - {name: p1, power_mw: 1.500, start: 2025-02}\n", encoding="utf-8")
        overrides = []
    else:
        path.write_text(base + "      - {name: p1, power_mw: 100, start: 2025-02}\n", encoding="utf-8")
        overrides = ["sites[0].phases[0].power_mw=1.500"]
    with pytest.raises(gw.ScenarioError, match=r"power_mw: .*could be 1.5 \(a decimal point\) or 1,500"):
        gw.load_scenario(path, overrides=overrides)
    # a plain number field takes "1.500" as the decimal it also is (a PUE of 1,500 means nothing)
    ok = gw.load_scenario(path, overrides=["sites[0].phases[0].power_mw=150", "operations.pue=1.500"])
    assert ok.operations.pue == 1.5

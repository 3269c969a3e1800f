"""Every way to feed bad input ends in one clear message naming the field, a non-zero exit, no traceback."""

import pytest

from gigawatt.cli.core import main

GOOD = """
name: t
programme: {start: 2025-01, horizon_months: 24}
sites:
  - name: a
    phases:
      - {name: p1, power_mw: 100, start: 2025-02, accelerator: h100}
"""


def fails(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert "Traceback" not in err
    assert err.startswith("error: ")
    return err


def write(tmp_path, text, name="s.yaml"):
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def test_missing_file(capsys):
    err = fails(capsys, "run", "does-not-exist.yaml")
    assert "no such file" in err and "stargate" in err


def test_empty_file(capsys, tmp_path):
    assert "empty" in fails(capsys, "run", write(tmp_path, ""))


def test_malformed_yaml(capsys, tmp_path):
    err = fails(capsys, "run", write(tmp_path, "name: x\nsites: [1, 2\n"))
    assert "malformed YAML at line" in err


def test_top_level_not_a_mapping(capsys, tmp_path):
    assert "expected a mapping" in fails(capsys, "run", write(tmp_path, "- 1\n- 2\n"))


def test_wrong_type(capsys, tmp_path):
    err = fails(capsys, "run", write(tmp_path, GOOD + "operations: {pue: high}\n"))
    assert "operations.pue: 'high'" in err


def test_negative_power(capsys, tmp_path):
    err = fails(capsys, "run", write(tmp_path, GOOD.replace("power_mw: 100", "power_mw: -5")))
    assert "sites[0].phases[0].power_mw: -5 is negative; expected > 0" in err


def test_unit_of_the_wrong_dimension(capsys, tmp_path):
    text = GOOD + "partners:\n  - name: x\n    pledges:\n      - {amount_usd: 500 MW, start: 2025-01}\n"
    err = fails(capsys, "run", write(tmp_path, text))
    assert "partners[0].pledges[0].amount_usd: '500 MW'" in err and "is a power, not money" in err


def test_unknown_accelerator_lists_valid_names(capsys, tmp_path):
    err = fails(capsys, "run", write(tmp_path, GOOD.replace("accelerator: h100", "accelerator: h900")))
    assert "sites[0].phases[0].accelerator: unknown accelerator 'h900'" in err
    assert "gb200" in err and "newest" in err


def test_unknown_field(capsys, tmp_path):
    err = fails(capsys, "run", write(tmp_path, GOOD.replace("power_mw: 100", "powr_mw: 100")))
    assert "sites[0].phases[0].powr_mw: unknown field 'powr_mw'" in err and "power_mw" in err


def test_missing_field(capsys, tmp_path):
    err = fails(
        capsys,
        "run",
        write(tmp_path, GOOD.replace("programme: {start: 2025-01, horizon_months: 24}", "programme: {start: 2025-01}")),
    )
    assert "programme.horizon_months: missing" in err


def test_phase_before_programme_start(capsys, tmp_path):
    err = fails(capsys, "run", write(tmp_path, GOOD.replace("start: 2025-02", "start: 2024-06")))
    assert "sites[0].phases[0].start: 2024-06 is before the programme start 2025-01" in err


def test_secured_more_than_pledged(capsys, tmp_path):
    text = GOOD + "partners:\n  - name: x\n    pledges:\n      - {amount_usd: $5B, secured_usd: $6B, start: 2025-01}\n"
    err = fails(capsys, "run", write(tmp_path, text))
    assert "secured_usd" in err and "expected secured_usd <= amount_usd" in err


def test_unknown_set_path(capsys):
    err = fails(capsys, "run", "stargate", "--set", "operations.puee=1.2")
    assert "unknown path 'operations.puee'" in err and "pue" in err


def test_set_without_value(capsys):
    assert "expected PATH=VALUE" in fails(capsys, "run", "stargate", "--set", "operations.pue")


def test_set_bad_value(capsys):
    err = fails(capsys, "run", "stargate", "--set", "sites[abilene].phases[0].power_mw=$5B")
    assert "sites[0].phases[0].power_mw: '$5B'" in err and "is money, not a power" in err


def test_set_unknown_list_item(capsys):
    err = fails(capsys, "run", "stargate", "--set", "sites[atlantis].phases[0].power_mw=5")
    assert "no item named 'atlantis'" in err and "abilene" in err


def test_set_index_out_of_range(capsys):
    assert "out of range" in fails(capsys, "run", "stargate", "--set", "sites[40].name=x")


def test_estimate_bad_flags(capsys):
    assert "exactly one of" in fails(capsys, "estimate", "--accelerator", "h100")
    assert "is money, not a power" in fails(capsys, "estimate", "--power", "$5B", "--accelerator", "h100")
    assert "unknown accelerator 'h900'" in fails(capsys, "estimate", "--power", "1GW", "--accelerator", "h900")
    # tpu-v7 is sized (OS17) but has no price: a budget cannot be turned into chips (power can: see test_sizing)
    assert "--price" in fails(capsys, "estimate", "--budget", "$1B", "--accelerator", "tpu-v7")
    assert "not a number" in fails(capsys, "estimate", "--accelerators", "lots", "--accelerator", "h100")
    err = fails(capsys, "estimate", "--power", "-1GW", "--accelerator", "h100")
    assert "--power -1000 MW is out of range; expected 0 < value <= 1,000,000 MW" in err


def test_out_is_a_file(capsys, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    assert "is not a folder" in fails(capsys, "run", "colossus", "--out", str(f))


def test_extends_cycle(capsys, tmp_path):
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text(f"extends: {b}\n")
    b.write_text(f"extends: {a}\n")
    assert "cycle" in fails(capsys, "run", str(a))


@pytest.mark.parametrize("flag", [["run"], ["compare", "stargate"], ["estimate"]])
def test_usage_errors_exit_non_zero(capsys, flag):
    code = main(flag)
    _, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err


# --- issue 20, found by tests/test_hostile_property.py: a field without a unit read a value as another number -------


@pytest.mark.parametrize(
    ("field", "written", "said"),
    [
        # '1.200' (1,200 in a German hand) was read as 1.2 accelerators a year, 2.5 TFLOPS, a 1-day window
        ("supply_caps: [{name: c, per_year: 1.200}]", "supply_caps[0].per_year: '1.200'", "could be 1.2"),
        ("accelerator_overrides: {h100: {bf16_dense_tflops: 2.500}}", "bf16_dense_tflops: '2.500'", "or 2,500"),
        ("training: {window_days: 1.000}", "training.window_days: '1.000'", "(a dot grouping thousands"),
        # true was read as 1.0 (a PUE of 1, all of the equity, a whole share), where a unit field refuses it
        ("operations: {pue: true}", "operations.pue: True", "is a boolean; expected a number"),
        ("financing: {equity_share: true}", "financing.equity_share: True", "is a boolean; expected a number"),
        # 1_0_0 was read as 100, where a unit field refuses an underscore that groups nothing
        ("supply_caps: [{name: c, per_year: 1_0_0}]", "supply_caps[0].per_year: '1_0_0'", "does not group thousands"),
        # as_of: 0 was read as 1970-01-01 (seconds since the Unix epoch)
        ("as_of: 0", "as_of: 0", "expected a day written YYYY-MM-DD"),
        ("as_of: 20260615", "as_of: 20260615", "expected a day written YYYY-MM-DD"),
    ],
)
def test_a_number_field_without_a_unit_refuses_what_it_would_misread(capsys, tmp_path, field, written, said):
    err = fails(capsys, "run", write(tmp_path, GOOD + field + "\n"))
    assert written in err and said in err


def test_a_plain_number_whose_grouped_reading_is_out_of_range_is_a_decimal(tmp_path):
    # a PUE is at most 3, so '1.250' cannot be 1,250: it is read as 1.25 (1.2 and 1,200 are both accelerators a year)
    import gigawatt as gw

    s = gw.load_scenario(write(tmp_path, GOOD + "operations: {pue: 1.250}\nas_of: 2025-01-21\n"))
    assert s.operations.pue == 1.25
    assert str(s.as_of) == "2025-01-21"


def test_a_set_value_with_a_trailing_colon_is_the_text_written(capsys):
    # found by tests/test_hostile_property.py: '--set ...accelerator=newest:' was read by YAML as {'newest': None}
    # and refused as "{'newest': None} has the wrong type"; block YAML after --set is text (braces make a mapping)
    err = fails(capsys, "run", "stargate", "--set", "sites[0].phases[0].accelerator=newest:")
    assert "sites[0].phases[0].accelerator: unknown accelerator choice: 'newest:'; expected 'newest'" in err
    err = fails(capsys, "run", "stargate", "--set", "sites[0].country=- US")
    assert "sites[0].country: unknown country code '- US'" in err
    # a mapping in braces and a list in brackets are still read as such
    assert main(["run", "stargate", "--set", "sites[0].phases[0].power_mw={value: 900, source: x}"]) == 0
    assert main(["run", "stargate", "--set", "supply_caps=[]"]) == 0


def test_a_name_with_a_trailing_colon_in_a_file_says_yaml_read_a_key(capsys, tmp_path):
    # found by tests/test_hostile_property.py: '- newest:' in a list is YAML for {'newest': None}, refused as "has the
    # wrong type; input should be a valid string" with no word of the colon
    text = GOOD + "supply_caps:\n  - name: c\n    per_year: 5\n    accelerators:\n      - newest:\n"
    err = fails(capsys, "run", write(tmp_path, text))
    assert "supply_caps[0].accelerators[0]: {'newest': None} is a mapping, not text: YAML reads 'newest:'" in err
    assert "expected text (write 'newest:' in quotes, or leave the colon out)" in err

"""Hostile and careless input is refused within the limits of gigawatt.limits (issue 10, items 2 and 3).

Each test feeds one class of input that used to hang, exhaust memory, raise a traceback or print NaN, and asserts
exit code 2 with one line naming the path or field and the value. None of them is timed: each is refused by a check
that runs before the expensive step (the YAML event pass before construction, fstat before reading, the unit
grammar before pint, the range check before arithmetic), so a regression shows as a hang or a wrong message, not a
slow pass. The "before" behaviour is noted on each test.
"""

import math
import os
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gigawatt import limits
from gigawatt.cli.core import main
from gigawatt.data.loading import load_scenario
from gigawatt.data.reading import parse_yaml_text, read_yaml_file
from gigawatt.errors import GigawattError, InputFileError, UnitError
from gigawatt.units import UNITS, parse_quantity
from profiles import examples

GOOD = """\
name: t
programme: {start: 2025-01, horizon_months: 24}
sites:
  - name: a
    phases:
      - {name: p1, power_mw: 100, start: 2025-02, accelerator: h100}
"""


def fails(capsys, *args) -> str:
    """Run the CLI in-process; it must exit 2 with exactly one ``error:`` line and no traceback."""
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert "Traceback" not in err
    assert err.startswith("error: ")
    assert err.count("\n") == 1, err  # one line
    return err


def write(folder, text, name="s.yaml") -> str:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(text) if isinstance(text, bytes) else p.write_text(text)
    return str(p)


# --- files ---------------------------------------------------------------------------------------------------------


def test_alias_bomb_refused_before_expansion(capsys, tmp_path):
    # before: the loader's tree walk copied every alias and grew past 3 GB. 9 levels of 9 here would be 9^20 items.
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 20)]
    path = write(tmp_path, "\n".join(lines) + "\n" + GOOD + "description: *l19\n")
    err = fails(capsys, "run", path)
    assert f"{path}: line 1: YAML anchor or alias &l0 is not allowed" in err


def test_alias_refused_in_set_value(capsys):
    err = fails(capsys, "run", "stargate", "--set", "description=[&a [x, x], *a, *a]")
    assert "--set description: line 1: YAML anchor or alias &a is not allowed" in err


@pytest.mark.parametrize("opening,closing", [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_refused_with_its_line(capsys, tmp_path, opening, closing):
    # before: RecursionError (a traceback)
    path = write(tmp_path, GOOD + "description: " + opening * 20_000 + "1" + closing * 20_000 + "\n")
    err = fails(capsys, "run", path)
    assert f"{path}: line 7: mappings and lists nested more than {limits.MAX_NESTING} deep" in err


def test_nesting_cap_is_exact():
    # the top-level mapping is level 1, so MAX_NESTING - 1 lists inside it is the deepest file accepted
    deepest = "a: " + "[" * (limits.MAX_NESTING - 1) + "]" * (limits.MAX_NESTING - 1)
    assert parse_yaml_text(deepest, "x") is not None
    with pytest.raises(InputFileError, match="nested more than"):
        parse_yaml_text("a: " + "[" * limits.MAX_NESTING + "]" * limits.MAX_NESTING, "x")


def test_binary_file_refused_with_the_byte_and_line(capsys, tmp_path):
    path = write(tmp_path, GOOD.encode() + b"title: caf\xe9\n")  # Latin-1, not UTF-8
    err = fails(capsys, "run", path)
    assert f"{path}: is not UTF-8 text (byte 0xe9 at line 7); expected a YAML file saved as UTF-8" in err


def test_binary_config_refused(capsys, tmp_path):
    # before: UnicodeDecodeError (a traceback) from ops --config
    path = write(tmp_path, bytes([0xC6, 0x00, 0xFF, 0x12] * 64), "cluster.yaml")
    err = fails(capsys, "ops", "--accelerators", "1024", "--config", path)
    assert f"--config {path}: is not UTF-8 text (byte 0xc6 at line 1)" in err


def test_nul_byte_refused(tmp_path):
    path = write(tmp_path, GOOD + "title: a\x00b\n")
    with pytest.raises(InputFileError, match="holds a NUL byte at line 7"):
        read_yaml_file(path)


def test_oversize_file_refused_from_its_size(capsys, tmp_path):
    # before: a 58 MB file parsed for minutes. A sparse file: its size is known without writing or reading it.
    path = tmp_path / "big.yaml"
    with open(path, "wb") as f:
        f.truncate(limits.MAX_FILE_BYTES + 1)
    err = fails(capsys, "run", str(path))
    assert f"{path}: is {limits.MAX_FILE_BYTES + 1:,} bytes; expected at most {limits.MAX_FILE_BYTES:,} bytes" in err


def test_node_count_capped(tmp_path):
    # under the size cap, but more values than any scenario: refused in the event pass, before anything is built
    path = write(tmp_path, GOOD + "description: [" + "1," * (limits.MAX_YAML_NODES + 1) + "1]\n")
    with pytest.raises(InputFileError, match=f"more than {limits.MAX_YAML_NODES:,} values"):
        read_yaml_file(path)


def test_dev_zero_refused_without_reading(capsys, tmp_path):
    # before: read until memory ran out (MemoryError), also through extends:
    err = fails(capsys, "run", "/dev/zero")
    assert "/dev/zero: is not a regular file (a device, a named pipe or a socket)" in err
    err = fails(capsys, "run", write(tmp_path, "extends: /dev/zero\n"))
    assert "/dev/zero: is not a regular file" in err


def test_named_pipe_refused_without_blocking(capsys, tmp_path):
    # before: open() blocked forever waiting for a writer
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    err = fails(capsys, "run", str(fifo))
    assert f"{fifo}: is not a regular file" in err


def test_empty_name_refused(capsys):
    assert "no scenario given (an empty name); expected a built-in name" in fails(capsys, "run", "")


def test_folder_refused(capsys, tmp_path):
    err = fails(capsys, "run", str(tmp_path) + "/")
    assert "is a folder; expected a YAML file" in err


def test_duplicate_key_refused_with_its_line(capsys, tmp_path):
    # before: the second `sites:` silently replaced the first
    path = write(tmp_path, GOOD + "sites:\n  - {name: b, phases: [{name: p, power_mw: 5, start: 2025-02}]}\n")
    err = fails(capsys, "run", path)
    assert f"{path}: line 7: duplicate key 'sites' (first given at line 3)" in err


def test_duplicate_key_on_one_line_gives_columns(tmp_path):
    path = write(tmp_path, "a: {x: 1, x: 2}\n")
    with pytest.raises(
        InputFileError, match=r"line 1, column 11: duplicate key 'x' \(first given at line 1, column 5\)"
    ):
        read_yaml_file(path)


# --- extends and names -------------------------------------------------------------------------------------------


def test_extends_resolved_relative_to_the_including_file(tmp_path, monkeypatch):
    # before: resolved against the current folder, so this failed with "no such file" from anywhere else
    write(tmp_path / "campus", GOOD.replace("name: t", "name: base"), "base.yaml")
    child = write(tmp_path / "campus", "extends: base.yaml\nname: child\nset: {operations.pue: 1.3}\n", "child.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    s = load_scenario(child)
    assert (s.name, s.operations.pue, s.sites[0].phases[0].power_mw) == ("child", 1.3, 100)
    assert {p.name for p in s._files_read} == {"child.yaml", "base.yaml"}


def test_extends_missing_parent_named_with_where_it_looked(capsys, tmp_path):
    child = write(tmp_path / "campus", "extends: nowhere.yaml\n", "child.yaml")
    err = fails(capsys, "run", child)
    assert "no scenario 'nowhere.yaml'" in err and f"looked for {tmp_path / 'campus' / 'nowhere.yaml'}" in err


def test_extends_chain_depth_capped(capsys, tmp_path):
    write(tmp_path, GOOD, "c0.yaml")
    for i in range(1, limits.MAX_EXTENDS_DEPTH + 2):
        write(tmp_path, f"extends: c{i - 1}.yaml\n", f"c{i}.yaml")
    assert load_scenario(str(tmp_path / f"c{limits.MAX_EXTENDS_DEPTH}.yaml")).name == "t"  # exactly at the cap
    err = fails(capsys, "run", str(tmp_path / f"c{limits.MAX_EXTENDS_DEPTH + 1}.yaml"))
    assert f"expected a chain of at most {limits.MAX_EXTENDS_DEPTH} (limits.MAX_EXTENDS_DEPTH)" in err


def test_extends_cycle_through_a_relative_path(capsys, tmp_path):
    write(tmp_path, "extends: b.yaml\n", "a.yaml")
    write(tmp_path, "extends: ./a.yaml\n", "b.yaml")
    assert "makes a cycle" in fails(capsys, "run", str(tmp_path / "a.yaml"))


def test_name_both_builtin_and_local_file_says_which(tmp_path, monkeypatch):
    # before: the local file was silently ignored. Rule: a bare built-in name is the built-in; ./NAME is the file.
    write(tmp_path, GOOD.replace("name: t", "name: my-local"), "stargate")
    monkeypatch.chdir(tmp_path)
    builtin = load_scenario("stargate")
    assert builtin.name == "stargate"
    assert builtin.load_warnings == [
        "'stargate' is the built-in scenario 'stargate'; the file 'stargate' was not read "
        "(write ./stargate to use the file)"
    ]
    local = load_scenario("./stargate")
    assert local.name == "my-local" and local.load_warnings == []
    monkeypatch.chdir(tmp_path.parent)
    assert load_scenario("stargate").load_warnings == []  # no file of that name here: nothing to say


def test_name_both_builtin_and_local_file_warns_on_the_command_line(capsys, tmp_path, monkeypatch):
    write(tmp_path, GOOD.replace("name: t", "name: my-local"), "stargate")
    monkeypatch.chdir(tmp_path)
    assert main(["show", "stargate"]) == 0
    out, err = capsys.readouterr()
    assert "\nname: stargate\n" in out
    assert "warning: 'stargate' is the built-in scenario 'stargate'; the file 'stargate' was not read" in err


# --- unit strings --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        ("1.2 GW", "mw", 1200.0),
        ("250 kW", "mw", 0.25),
        ("18 months", "months", 18.0),
        ("122 days", "months", 122 * 12 / 365.25),  # a month is a twelfth of a Julian year
        ("3e9 USD", "usd", 3e9),
        ("$500B", "usd", 5e11),
        ("19 billion USD", "usd", 1.9e10),
        ("$11.7M/MW", "usd_per_mw", 1.17e7),
        ("$2400/kW", "usd_per_mw", 2.4e6),
        ("5.7 cents/kWh", "usd_per_mwh", 57.0),
        ("2 TB/s", "bytes_per_s", 2e12),
        ("65 TB", "bytes", 6.5e13),
        ("5min", "hours", 1 / 12),
        ("24h", "hours", 24.0),
        ("1,200 MW", "mw", 1200.0),
        ("-1GW", "mw", -1000.0),
    ],
)
def test_simple_unit_forms_read(text, kind, expected):
    assert parse_quantity(text, kind) == pytest.approx(expected, rel=1e-12)  # exact up to float rounding


@pytest.mark.parametrize(
    "text", ["10**10**10 MW", "2**1000 GW", "2*3 GW", "(1) MW", "1e3 MW + 1 GW", "1 MW MW", "sqrt(4) MW"]
)
def test_unit_expressions_refused(text):
    # before: pint evaluated these ('10**10**10' computed a huge integer and hung)
    with pytest.raises(UnitError, match=r"cannot read .*never an expression"):
        parse_quantity(text, "mw", "sites[0].phases[0].power_mw")


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "1e400 MW", "$1e400B"])
def test_non_finite_unit_strings_refused(text):
    kind = "usd" if "$" in text else "mw"
    with pytest.raises(UnitError, match=r"f: .* is not a finite number"):
        parse_quantity(text, kind, "f")


def test_unit_string_length_capped():
    with pytest.raises(UnitError, match=f"is 65 characters long; expected .* at most {limits.MAX_UNIT_STRING}"):
        parse_quantity("1" * 63 + " W", "mw")
    assert parse_quantity("0" * 61 + "1 W", "mw") == 1e-6  # 64 characters: at the cap, read


def test_unit_bomb_in_file_set_and_flags(capsys, tmp_path):
    bomb = "10**10**10"
    path = write(tmp_path, GOOD.replace("power_mw: 100", f"power_mw: '{bomb} MW'"))
    err = fails(capsys, "run", path)
    assert f"sites[0].phases[0].power_mw: '{bomb} MW' is invalid: cannot read '{bomb} MW'" in err
    err = fails(capsys, "run", path.replace("s.yaml", "s.yaml"), "--set", f"sites[0].phases[0].power_mw={bomb} GW")
    assert f"sites[0].phases[0].power_mw: '{bomb} GW'" in err
    assert f"--power: cannot read '{bomb} MW'" in fails(capsys, "estimate", "-a", "h100", "--power", f"{bomb} MW")
    err = fails(capsys, "ops", "--accelerators", "1024", "--checkpoint-write", f"{bomb} min")
    assert f"--checkpoint-write: cannot read '{bomb} min'" in err


# --- numbers: finite and in range ----------------------------------------------------------------------------------


def test_infinity_in_a_file_refused(capsys, tmp_path):
    # before: accepted; the run printed $infT, nan and a NaN funding gap
    path = write(tmp_path, GOOD.replace("power_mw: 100", "power_mw: .inf"))
    err = fails(capsys, "run", path)
    assert f"{path}: sites[0].phases[0].power_mw: inf is not a finite number" in err


def test_nan_in_a_distribution_refused(capsys, tmp_path):
    path = write(tmp_path, GOOD + "risks: {cost_overrun: {dist: uniform, low: 1, high: .nan}}\n")
    assert "risks.cost_overrun.high: nan is not a finite number" in fails(capsys, "run", path)


@pytest.mark.parametrize(
    "setting,shown",
    [
        ("operations.pue=.nan", "operations.pue: nan is not a finite number"),
        ("operations.utilization=nan", "operations.utilization: 'nan' is not a finite number"),
        ("sites[0].phases[0].power_mw=-.inf", "sites[0].phases[0].power_mw: -inf is not a finite number"),
        ("partners[0].pledges[0].amount_usd=$1e400B", "amount_usd: '$1e400B' is invalid: '$1e400B' is not a finite"),
    ],
)
def test_non_finite_set_values_refused(capsys, setting, shown):
    assert shown in fails(capsys, "run", "stargate", "--set", setting)


@pytest.mark.parametrize(
    "setting,shown",
    [
        ("sites[0].phases[0].power_mw=1e308", "power_mw: 1e+308 is out of range; expected <= 100,000"),
        ("partners[0].pledges[0].amount_usd=$200T", "amount_usd: '$200T' is out of range; expected <= 1e+14"),
        ("operations.pue=3.5", "operations.pue: 3.5 is out of range; expected <= 3"),
        ("supply_caps=[{name: c, per_year: 1.0e+300}]", "supply_caps[0].per_year: 1e+300 is out of range"),
        ("training.checkpoint_write_minutes=1e9", "training.checkpoint_write_minutes: 1000000000.0 is out of range"),
        # near-zero denominators: before, 1e-300 W per accelerator overflowed the fill cost to a NaN funding gap
        ("accelerator_overrides={h100: {it_power_w: 1.0e-300}}", "it_power_w: 1e-300 is out of range; expected >= 1"),
        ("financing.equity_share=1.0e-300", "financing.equity_share: 1e-300 is out of range; expected >= 0.01"),
    ],
)
def test_values_beyond_their_physical_range_refused(capsys, setting, shown):
    # before: 1e308 MW ran and printed $infB and NaN
    assert shown in fails(capsys, "run", "stargate", "--set", setting)


def test_phase_count_capped(capsys, tmp_path):
    # under the file caps, 14,000 phases took 21 s and 1.4 GB; the count is refused once the schema has read them
    phases = "".join(f"      - {{name: p{i}, power_mw: 1, start: 2025-02}}\n" for i in range(limits.MAX_PHASES + 1))
    path = write(tmp_path, GOOD.split("      - {name: p1")[0] + phases)
    err = fails(capsys, "run", path)
    assert f"sites[*].phases: {limits.MAX_PHASES + 1:,} phases in all; expected at most {limits.MAX_PHASES:,}" in err


def test_zero_checkpoint_write_is_a_legal_edge():
    # continuous checkpointing: valid input (its modelling is in gigawatt.model.checkpointing)
    s = load_scenario("stargate", ["training.checkpoint_write_minutes=0"])
    assert s.training.checkpoint_write_minutes == 0.0


@pytest.mark.parametrize("month", ["9999-12", "1999-12"])
def test_months_outside_the_engine_range_refused(capsys, month):
    # before: 9999-12 raised ValueError (year 10001 is out of range) in the engine
    err = fails(capsys, "run", "stargate", "--set", f"sites[0].phases[0].start={month}")
    assert f"sites[0].phases[0].start: '{month}' is invalid: {month} is outside the months the model represents" in err
    assert f"expected {limits.MIN_MONTH} to {limits.MAX_MONTH}" in err


def test_last_representable_month_runs():
    from gigawatt import simulate

    s = load_scenario(
        {
            "name": "late",
            "programme": {"start": limits.MAX_MONTH, "horizon_months": limits.MAX_HORIZON_MONTHS},
            "sites": [{"name": "a", "phases": [{"name": "p", "power_mw": 10, "start": limits.MAX_MONTH}]}],
        }
    )
    metrics = simulate(s).metrics
    assert all(math.isfinite(v) for v in metrics.values() if isinstance(v, float))


@pytest.mark.parametrize(
    "value,shown",
    [
        ("0.5", "programme.horizon_months: 0.5 is out of range; expected >= 1"),
        ("1.5", "programme.horizon_months: 1.5 is invalid: 1.5 is not a whole number of months"),
        ("0", "programme.horizon_months: 0 is out of range; expected >= 1"),
        ("1e9", f"programme.horizon_months: 1000000000.0 is out of range; expected <= {limits.MAX_HORIZON_MONTHS}"),
    ],
)
def test_horizon_is_whole_months_within_range(capsys, value, shown):
    # before: 0.5 raised IndexError in the engine
    assert shown in fails(capsys, "run", "stargate", "--set", f"programme.horizon_months={value}")


def test_horizon_in_units_is_whole_months():
    assert load_scenario("stargate", ["programme.horizon_months=5 years"]).programme.horizon_months == 60.0


@pytest.mark.parametrize(
    "flags,shown",
    [
        (["--power", "1GW", "--pue", "nan"], "--pue nan is not a finite number; expected 1 <= value <= 3"),
        (["--power", "1e308"], "--power 1e+308 MW is out of range; expected 0 < value <= 1,000,000 MW"),
        (["--accelerators", "1e308"], "--accelerators 1e+308 is out of range"),
        (["--budget", "$1T", "--price", "1e-3", "--capex-per-mw", "0"], "gives 1e+15 accelerators; expected at most"),
    ],
)
def test_estimate_inputs_finite_and_bounded(capsys, flags, shown):
    # before: --pue nan and --power 1e308 raised (ValueError, OverflowError)
    assert shown in fails(capsys, "estimate", "--accelerator", "h100", *flags)


def test_set_overrides_counted():
    too_many = ["operations.pue=1.2"] * (limits.MAX_SET_OVERRIDES + 1)
    with pytest.raises(GigawattError, match=f"expected at most {limits.MAX_SET_OVERRIDES}"):
        load_scenario("stargate", too_many)


# --- properties: any text is a finite number or one clear error ----------------------------------------------------

_UNITISH = st.text(alphabet="0123456789.,_eE+-$ kKMGTBbmnsWhdayoutrilUSD/*()^" + "\u0663\uff11", max_size=40)


@settings(max_examples=examples(300))
@given(text=st.one_of(_UNITISH, st.text(max_size=80)), kind=st.sampled_from(sorted(UNITS)))
def test_any_text_is_a_finite_quantity_or_a_unit_error(text, kind):
    # the contract of parse_quantity: a finite float, or a UnitError naming the field (never another exception)
    try:
        value = parse_quantity(text, kind, "f")
    except UnitError as exc:
        assert str(exc).startswith("f: ")
        return
    assert math.isfinite(value)


_YAMLISH = st.text(alphabet="ab01:-[]{},&*!<>|\n .#'\"?%@`~", max_size=120)
# plain scalars YAML 1.1 (PyYAML's loader, the oracle below) reads otherwise than the 1.2 core schema gigawatt reads
# by (gigawatt.data.reading's docstring): its other booleans, sexagesimal numbers, octals and binaries, underscores in
# numbers, timestamps; where a text holds one, the two readings differ on purpose and the oracle does not apply
_YAML11_ONLY = re.compile(
    r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[-+]?0[0-7_]+|[-+]?0b[01_]+|[-+]?[0-9]*_[0-9_]*(?:\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*"
)


def _yaml11_only(text: str) -> bool:
    """A plain scalar of ``text`` that YAML 1.1 reads otherwise (a plain style is '' from the C parser, None from the
    Python one)."""
    plain = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return any(
        isinstance(event, yaml.ScalarEvent) and not event.style and _YAML11_ONLY.fullmatch(event.value)
        for event in yaml.parse(text, Loader=plain)
    )


@settings(max_examples=examples(300))
@given(text=st.one_of(_YAMLISH, st.text(max_size=120)))
def test_any_text_is_yaml_data_or_an_input_file_error(text):
    # parse_yaml_text never lets a yaml, Unicode, Recursion or Value error through; what it accepts has no anchor or
    # alias and reads exactly as YAML's plain safe loader reads it (the limits refuse; they never change what is read)
    try:
        data = parse_yaml_text(text, "x.yaml")
    except InputFileError as exc:
        assert str(exc).startswith("x.yaml: ")
        return
    plain = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser gigawatt uses, without the limits
    assert not any(getattr(event, "anchor", None) for event in yaml.parse(text, Loader=plain))
    if not _yaml11_only(text):  # ("NO" is False to YAML 1.1, text to gigawatt: found by this test in CI, 2026-12-07)
        assert repr(data) == repr(yaml.load(text, Loader=plain))  # repr: NaN compares unequal to itself


def test_the_yaml_oracle_sets_aside_only_yaml_11_readings():
    """The oracle above skips the plain scalars YAML 1.1 reads otherwise (its booleans, sexagesimals, octals), and no
    others: gigawatt reads "NO" and "1:30" as text, and PyYAML's loader as False and 90."""
    assert _yaml11_only("NO") and _yaml11_only("a: 1:30") and _yaml11_only("[010]")
    assert parse_yaml_text("NO", "x.yaml") == "NO" and yaml.safe_load("NO") is False
    assert not _yaml11_only("a: b") and not _yaml11_only("'NO'") and not _yaml11_only("true") and not _yaml11_only("10")

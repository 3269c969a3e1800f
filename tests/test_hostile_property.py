"""Careless input, fed to every field it applies to through every door (issue 20: "a property test that feeds each
class to every field it applies to").

The fields come from the scenario schema itself (:func:`schema_fields` walks the pydantic models of
gigawatt.data.scenario and tells each field's kind from its validators: a quantity with its unit, a number without a
unit, a count, a month, a day, a name, a literal, free text); only what the schema cannot tell is listed by hand
(:data:`UNDRAWN`, :data:`CHANGES_NOTHING`, the ramp's contexts), and :func:`test_the_hand_lists_follow_the_schema`
fails when a field is added that no list or kind covers. Every field of a kind gets every class that applies to it:

- numbers in a European hand (decimal commas, spaces, apostrophes and dots between digit groups) and thousands
  separators that do group thousands, in every quantity, number and count field;
- YAML 1.1's surprises (1:30, 010, 0x10, 0o17, 1e3, NO, yes, on, 1_000, 2026-06-15, ...) written plainly, in every
  field that a file or ``--set`` can reach;
- names in another case, near misses of ``newest:VENDOR``, unknown and empty country codes, in every name field and
  inside a ``choice``;
- a distribution on every field (``risk`` draws it or refuses it by name);
- negative, NaN and infinite numbers in every number field.

The doors: a scenario file run by the command line (``gigawatt run FILE --json``, in process through
``gigawatt.cli.core.main``, the same entry point and error boundary as the installed command), ``--set PATH=VALUE``
on the command line, and the Python API (assignment on a loaded scenario, then ``gw.simulate``; ``gw.risk`` for the
distributions). A few cases run as real processes (:func:`test_a_few_cases_as_real_processes`).

The contract, for every (field, class, door): the value is read exactly as a person meant it, checked against a
reading worked out here by hand (a hand table of unit factors, YAML 1.2's core schema written out, ISO codes from
pycountry, the catalog's names in lower case), or it is refused: exit 2, one ``error:`` message on stderr that names
the field and the value, no traceback (in Python: a GigawattError with the same words). Never a different reading.
Where a value's readings differ (1.200 is 1.2 in one hand and 1,200 in another), only a reading that lies in the
field's range counts as meant; with two such readings the value must be refused.

The number of examples is bounded (the ``ci`` profile's few examples per field and door, five times as many under
``HYPOTHESIS_PROFILE=explore``) so that the module runs in about 30 s on a loaded 2-core machine.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import functools
import io
import json
import math
import re
import subprocess
import sys
import typing
from pathlib import Path

import pycountry
import pytest
import typer
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import AfterValidator, BaseModel, BeforeValidator

import gigawatt as gw
from gigawatt.cli import core as cli_core
from gigawatt.cli.core import main
from gigawatt.data import scenario as schema
from gigawatt.data.catalog import catalog
from gigawatt.data.loading import revalidated
from profiles import examples

# --- the fields, read from the schema -----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """One field of the scenario format: its path in BASE (or in its context), its kind and what bounds it."""

    path: str
    model: type[BaseModel]
    name: str
    kind: str  # quantity, number, count, month, day, name, literal, text, key
    unit: str = ""  # a quantity's unit kind (gigawatt.units.UNITS), or the name reader for a name
    bounds: tuple = ()  # ((op, bound), ...) from the field's Ge/Gt/Le/Lt
    optional: bool = False
    literals: tuple = ()


def _metadata(tp) -> list:
    """Every validator and constraint inside an annotation (Annotated layers, Optional and list arguments)."""
    found = []
    if typing.get_origin(tp) is typing.Annotated:
        args = typing.get_args(tp)
        for m in args[1:]:
            found += [*getattr(m, "metadata", []), m]
        found += _metadata(args[0])
    else:
        for arg in typing.get_args(tp):
            if typing.get_origin(tp) is not dict:
                found += _metadata(arg)
    return found


def _base_type(tp):
    """The type under Annotated, Optional and list: float, int, str, dt.date, a Literal, or a model."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin is typing.Literal:
            return tp
        elif origin is not None and origin is not dict:
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1 and float in args:  # interval_months: one number or a list of them
                return float
            tp = args[0]
        else:
            return tp


def _kind(info, annotation) -> tuple[str, str, tuple]:
    meta = [*info.metadata, *_metadata(annotation)]
    funcs = [m.func for m in meta if isinstance(m, BeforeValidator | AfterValidator)]
    bounds = tuple(
        (op, getattr(m, op)) for m in meta for op in ("ge", "gt", "le", "lt") if getattr(m, op, None) is not None
    )
    base = _base_type(annotation)
    if any(hasattr(f, "unit_kind") for f in funcs):
        return "quantity", next(f.unit_kind for f in funcs if hasattr(f, "unit_kind")), bounds
    if any(f.__module__ == "gigawatt.data.names" for f in funcs):
        return "name", next(f.__name__ for f in funcs if f.__module__ == "gigawatt.data.names"), bounds
    if typing.get_origin(base) is typing.Literal:
        return "literal", "", bounds
    if base is dt.date:
        return ("month" if any(f.__name__ == "_month" for f in funcs) else "day"), "", bounds
    if base is int:
        return "count", "", bounds
    if base is float:
        return "number", "", bounds
    if base is str:
        return "text", "", bounds
    return "unknown", str(annotation), bounds


def _model_under(annotation):
    """The model a field holds (directly, in a list, an Optional or a dict's values), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_under(arg)
        if found is not None:
            return found
    return None


def _is_list(annotation) -> bool:
    tp = annotation
    for _ in range(4):
        if typing.get_origin(tp) is list:
            return True
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if typing.get_origin(tp) is typing.Annotated:
            args = args[:1]
        if len(args) != 1:
            return False
        tp = args[0]
    return False


# where a sub-model sits in BASE: a list's first item, the accelerator_overrides entry of h100, the ramp's context
_PLACES = {"accelerator_overrides": "accelerator_overrides.h100"}


def schema_fields(model: type[BaseModel] = schema.Scenario, here: str = "") -> list[FieldSpec]:
    """Every leaf field of the scenario format, walked from the pydantic models (lists at their first item)."""
    out = []
    for name, info in model.model_fields.items():
        path = f"{here}.{name}" if here else name
        annotation = info.annotation
        sub = _model_under(annotation)
        if sub is not None:
            if typing.get_origin(annotation) is dict:
                out.append(FieldSpec(_PLACES[path], model, name, "key", "accelerator_name"))
                out += schema_fields(sub, _PLACES[path])
            else:
                out += schema_fields(sub, path + ("[0]" if _is_list(annotation) else ""))
            continue
        kind, unit, bounds = _kind(info, annotation)
        literal = _base_type(annotation)
        optional = type(None) in typing.get_args(annotation) or not info.is_required()
        if _is_list(annotation) and name != "interval_months":
            path += "[0]"
        out.append(
            FieldSpec(
                path,
                model,
                name,
                kind,
                unit,
                bounds,
                optional,
                typing.get_args(literal) if kind == "literal" else (),
            )
        )
    return out


FIELDS = schema_fields()
BY_PATH = {f.path: f for f in FIELDS}

# --- what the schema cannot tell, by hand -------------------------------------------------------------------------

# Read once for every trial, so risk refuses a distribution there (docs/uncertainty.md, "What risk draws").
UNDRAWN = {"programme.start", "programme.horizon_months"}
# Catalog fields no output reads: any value is refused, saying what to set instead (scenario.UNUSED_OVERRIDES).
CHANGES_NOTHING = {f"accelerator_overrides.h100.{k}" for k in ("tdp_w", "fp8_dense_tflops", "memory_gb")}
RAMP = "sites[0].phases[0].ramp"
# A ramp takes one of buildings/sizes_mw/shares and one of interval_months/duration_months: each field is tried in
# a ramp of its own, with the rest of that ramp fixed (two buildings; sizes and shares that add up with the value).
RAMP_FIELDS = {f"{RAMP}.{k}" for k in ("buildings", "sizes_mw[0]", "shares[0]", "interval_months", "duration_months")}
# A site's name is what a supply cap's ``sites`` refers to: renaming the site is refused there, naming the new name.
REFERRED_BY = {"sites[0].name": "supply_caps[0].sites", "supply_caps[0].sites[0]": "supply_caps[0].sites"}
# Defaults that BASE overrides everywhere (every partner and every phase give their own): risk refuses a
# distribution there by name, since nothing reads it (gigawatt.engine.montecarlo.check_drawn says which field is).
OVERRIDDEN_IN_BASE = {"funding.announced_arrival", "operations.pue"}
# No field of a build-out takes a negative number (powers, money, months, shares, counts, factors are all >= 0).
NEGATIVE_OK: set[str] = set()

# One valid scenario with every field set (the ramp's fields are set in their own contexts, RAMP_FIELDS).
BASE = {
    "name": "base",
    "title": "t",
    "description": "d",
    "as_of": "2025-01-01",
    "programme": {"start": "2025-01", "horizon_months": 24},
    "partners": [
        {
            "name": "fund",
            "role": "r",
            "announced_arrival": 0.5,
            "pledges": [
                {
                    "amount_usd": "$20B",
                    "secured_usd": 0,
                    "start": "2025-01",
                    "months": 12,
                    "upfront_fraction": 0.5,
                }
            ],
        }
    ],
    "funding": {"announced_arrival": 0.5, "announced_delay_months": 1},
    "financing": {"equity_share": 0.5, "interest_rate": 0.05, "debt_limit_usd": "$5B"},
    "sites": [
        {
            "name": "a",
            "location": "x",
            "country": "US",
            "facility_financing": "programme",
            "phases": [
                {
                    "name": "p1",
                    "power_mw": 100,
                    "power_basis": "facility",
                    "start": "2025-01",
                    "construction_months": 3,
                    "capex_per_mw_usd": "$10M/MW",
                    "accelerator": "h100",
                    "pue": 1.2,
                    "power": {
                        "kind": "grid",
                        "available": "2025-02",
                        "capex_per_mw_usd": "$1M/MW",
                        "carbon_t_per_mwh": 0.4,
                    },
                }
            ],
        }
    ],
    "supply_caps": [
        {"name": "cap", "per_year": 100000, "share": 0.5, "sites": ["a"], "countries": ["US"], "accelerators": ["h100"]}
    ],
    "operations": {
        "pue": 1.2,
        "utilization": 0.8,
        "energy_price_usd_per_mwh": 60,
        "lifetime_months": 60,
        "other_opex_usd_per_mw_year": 50000,
        "design_pue_ratio": 1.1,
        "non_accelerator_it_share": 0.1,
        "sizing_headroom": 0.05,
    },
    "procurement": {"lead_time_months": 2},
    "risks": {"construction_slip": 1, "cost_overrun": 1, "accelerator_price": 1, "power_delay_months": 0},
    "training": {"window_days": 54, "checkpoint_write_minutes": 3, "restart_minutes": 10, "mfu": 0.4, "max_share": 1},
    "accelerator_overrides": {"h100": {"it_power_w": 1500, "bf16_dense_tflops": 900, "price_usd": "$30k"}},
}


def _parts(path: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", path)]


def _get(tree, path: str):
    node = tree
    for part in _parts(path):
        node = node[part]
    return node


def _put(tree: dict, path: str, value) -> None:
    parts = _parts(path)
    node = tree
    for part in parts[:-1]:
        node = node[part] if isinstance(part, int) or part in node else node.setdefault(part, {})
    node[parts[-1]] = value


def context(field: FieldSpec, value, meant=None) -> dict:
    """BASE with ``value`` in ``field`` (a ramp field in a ramp of its own: see RAMP_FIELDS)."""
    tree = copy.deepcopy(BASE)
    if field.kind == "key":
        tree["accelerator_overrides"] = {value: tree["accelerator_overrides"]["h100"]}
        return tree
    if field.path in RAMP_FIELDS:
        leaf = field.path.removeprefix(RAMP + ".")
        m = meant if isinstance(meant, int | float) and not isinstance(meant, bool) else None
        ramp = {
            "buildings": {"buildings": value, "interval_months": 0},
            "sizes_mw[0]": {"sizes_mw": [value, 50], "interval_months": 1},
            "shares[0]": {"shares": [value, 1 - m if m is not None and 0 < m < 1 else 0.5], "interval_months": 1},
            "interval_months": {"buildings": 2, "interval_months": value},
            "duration_months": {"buildings": 2, "duration_months": value},
        }[leaf]
        if leaf == "sizes_mw[0]" and m is not None and 0 < m <= 1e5:
            tree["sites"][0]["phases"][0]["power_mw"] = m + 50  # the sizes add up to the phase when read as meant
        tree["sites"][0]["phases"][0]["ramp"] = ramp
        return tree
    _put(tree, field.path, value)
    return tree


def read_back(s: gw.Scenario, field: FieldSpec):
    """What the loaded scenario holds for ``field``: a ramp field from the buildings it made."""
    if field.kind == "key":
        return next(iter(s.accelerator_overrides))
    if field.path in RAMP_FIELDS:
        built = s.ramps[0].buildings
        leaf = field.path.removeprefix(RAMP + ".")
        return {
            "buildings": lambda: len(built),
            "sizes_mw[0]": lambda: built[0].power_mw,
            "shares[0]": lambda: built[0].share,
            "interval_months": lambda: built[1].offset_months - built[0].offset_months,
            "duration_months": lambda: built[1].offset_months - built[0].offset_months,
        }[leaf]()
    node = s
    for part in _parts(field.path):
        node = node[part] if isinstance(part, int) or isinstance(node, dict) else getattr(node, part)
    return node


# --- the doors ------------------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Outcome:
    door: str
    value: typing.Any = None  # what was read, where accepted
    message: str | None = None  # gigawatt's message, where refused
    rc: int = 0
    stderr: str = ""


MISSING = object()


def _cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(argv)
    return rc, out.getvalue(), err.getvalue()


def _plain(raw: str) -> bool:
    """Whether ``raw`` can stand unquoted as a YAML plain scalar in block context (else it is quoted)."""
    return (
        bool(raw.strip()) and raw == raw.strip() and not re.search(r"^[-?:,\[\]{}#&*!|>'\"%@`]|: | #|[\x00-\x1f]", raw)
    )


def _raw_path(field: FieldSpec, tree: dict) -> str:
    """Where the written value sits in ``tree`` (the context moves a ramp field and a key)."""
    if field.path in RAMP_FIELDS:
        leaf = field.path.removeprefix(RAMP + ".")
        return f"{RAMP}.{leaf}"
    return field.path


@functools.cache
def _template(path: str, meant) -> str:
    """The scenario file for ``path`` as block YAML with ``@@RAW@@`` where the value goes (dumped once per field:
    PyYAML's dumper is the slowest step of a run through a file)."""
    field = BY_PATH[path]
    if field.kind == "key":
        text = yaml.safe_dump(BASE, sort_keys=False, default_flow_style=False)
        assert text.count("\n  h100:\n") == 1
        return text.replace("\n  h100:\n", "\n  '@@RAW@@':\n", 1)
    text = yaml.safe_dump(context(field, "@@RAW@@", meant), sort_keys=False, default_flow_style=False)
    assert text.count("'@@RAW@@'") == 1, path
    return text


def through_file(field: FieldSpec, raw: str, folder: Path, meant=None) -> Outcome:
    """``raw`` written into a scenario file as a person types it (unquoted where YAML allows a plain scalar), run by
    ``gigawatt run FILE --json``."""
    path = folder / "scenario.yaml"
    key = meant if field.path in RAMP_FIELDS else None  # only a ramp's context depends on the value meant
    shown = raw if _plain(raw) else json.dumps(raw)
    path.write_text(_template(field.path, key).replace("'@@RAW@@'", shown), encoding="utf-8")
    return _judge_cli("file", ["run", str(path), "--json"], field, lambda: gw.load_scenario(path))


@functools.cache
def _set_base(path: str, meant) -> str:
    """The file ``--set`` is applied to: BASE (without the override for a key), or the ramp field's context."""
    field = BY_PATH[path]
    if field.kind == "key":
        return yaml.safe_dump({k: v for k, v in BASE.items() if k != "accelerator_overrides"}, sort_keys=False)
    tree = context(field, _ramp_default(field), meant) if path in RAMP_FIELDS else BASE
    return yaml.safe_dump(tree, sort_keys=False)


def through_set(field: FieldSpec, raw: str, folder: Path, meant=None) -> Outcome:
    """``--set PATH=RAW`` on a file that holds BASE (or the field's context)."""
    text = _set_base(field.path, meant if field.path in RAMP_FIELDS else None)
    path = folder / f"base-{abs(hash(text))}.yaml"  # one file per base: written once, not before every run
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    override = f"accelerator_overrides.{raw}.price_usd=30000" if field.kind == "key" else f"{field.path}={raw}"
    argv = ["run", str(path), "--json", "--set", override]
    return _judge_cli("set", argv, field, lambda: gw.load_scenario(path, [override]))


def _ramp_default(field: FieldSpec):
    return {"buildings": 2, "sizes_mw[0]": 50, "shares[0]": 0.5, "interval_months": 1, "duration_months": 1}[
        field.path.removeprefix(RAMP + ".")
    ]


def _judge_cli(door: str, argv: list[str], field: FieldSpec, load) -> Outcome:
    rc, out, err = _cli(argv)
    assert "Traceback" not in err, f"{door}: {argv}: a traceback:\n{err}"
    if rc == 0:
        json.loads(out)  # a whole run's output
        return Outcome(door, read_back(load(), field), rc=rc, stderr=err)
    assert rc == 2, f"{door}: {argv}: exit {rc}: {err}"
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, f"{door}: {argv}: expected one error line: {err!r}"
    return Outcome(door, MISSING, message=err[err.index("error: ") :], rc=rc, stderr=err)


def _assign(s: gw.Scenario, field: FieldSpec, value) -> None:
    """``value`` set on the object that holds ``field`` (a list item's field is given the list ``[value]``)."""
    parts = _parts(field.path)
    item = isinstance(parts[-1], int)
    if item:
        parts = parts[:-1]
    node = s
    for part in parts[:-1]:
        node = node[part] if isinstance(part, int) or isinstance(node, dict) else getattr(node, part)
    setattr(node, parts[-1], [value] if item else value)


def through_python(field: FieldSpec, value, meant=None) -> Outcome:
    """``value`` set on a loaded scenario (``phase.power_mw = value``), then ``gw.simulate``: the API's two checks."""
    s = gw.load_scenario(copy.deepcopy(BASE))
    try:
        if field.kind == "key":
            s.accelerator_overrides = {value: {"price_usd": 30000}}
        elif field.path in RAMP_FIELDS:
            phase = context(field, value, meant)["sites"][0]["phases"][0]
            s.sites[0].phases[0].power_mw = phase["power_mw"]
            s.sites[0].phases[0].ramp = phase["ramp"]
        else:
            _assign(s, field, value)
        gw.simulate(s)
        return Outcome("python", read_back(revalidated(s), field))
    except gw.GigawattError as exc:
        return Outcome("python", MISSING, message=str(exc))


# --- the contract ---------------------------------------------------------------------------------------------------


def _in_range(field: FieldSpec, x: float) -> bool:
    ops = {"ge": x.__ge__, "gt": x.__gt__, "le": x.__le__, "lt": x.__lt__}
    return all(ops[op](bound) for op, bound in field.bounds)


def _same(a, b) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def _names_field_and_value(field: FieldSpec, outcome: Outcome, shown: list[str]) -> None:
    msg = outcome.message
    # the path (a file, --set), Model.field (Python), or the field's own name in a rule over two fields of one item
    where = [field.path, f"{field.model.__name__}.{field.name}", f" {field.name} "]
    if field.path in RAMP_FIELDS:
        where += [RAMP, "sites[0].phases[0]: ramp", "Phase.ramp"]  # a rule over the ramp: names it and what it read
        where.append(field.path.removeprefix("sites[0].phases[0]."))  # Python: Phase.ramp.buildings
    if field.kind == "key":
        where.append("accelerator_overrides")
    if field.path in REFERRED_BY:
        where.append(REFERRED_BY[field.path])
    if field.path == "programme.start":  # the dates before it are refused, naming it in words
        where.append("is before the programme start")
    if outcome.door == "file":  # 'accelerator: newest:' is no YAML: refused with the line and column it stands at
        where.append("malformed YAML at line")
    assert any(w in msg for w in where), f"{outcome.door}: the message does not name {field.path}: {msg!r}"
    if "malformed YAML at line" not in msg:
        assert any(s in msg for s in shown), (
            f"{outcome.door}: the message does not show the value {shown[0]!r}: {msg!r}"
        )
    assert len(msg) <= 2000, msg


def check(field: FieldSpec, outcome: Outcome, meant: list, shown: list[str]) -> None:
    """The contract: read as one of ``meant`` (the readings a person could have meant that fit the field), or refused
    naming the field and the value (``shown``: how the value may appear in the message)."""
    if outcome.value is MISSING:
        # a value read as meant and then refused by a rule over other fields is shown as read ("1,000 months")
        for m in meant:
            if isinstance(m, int | float):
                shown = [*shown, f"{m:,.0f}", f"{m:g}"]
            elif isinstance(m, dt.date):
                shown = [*shown, f"{m:%Y-%m}"]
        _names_field_and_value(field, outcome, shown)
        return
    got = outcome.value
    assert any(_same(got, m) for m in meant), (
        f"{field.path} through {outcome.door}: {shown[0]!r} was read as {got!r}; meant {meant or 'a refusal'}"
    )


# --- hand-worked unit factors ----------------------------------------------------------------------------------------

# (how the unit is written after the number, its factor to the field's unit): worked out here, not read from the code
UNITS_BY_HAND = {
    "mw": [("MW", 1.0), ("GW", 1000.0), ("kW", 0.001)],
    "w": [("W", 1.0), ("kW", 1000.0)],
    "usd": [("USD", 1.0), ("$B", 1e9), ("$M", 1e6)],
    "months": [("months", 1.0), ("years", 12.0)],
    "usd_per_mw": [("USD/MW", 1.0), ("$M/MW", 1e6), ("USD/kW", 1000.0)],
    "usd_per_mwh": [("USD/MWh", 1.0), ("USD/kWh", 1000.0)],
    "t_per_mwh": [("t/MWh", 1.0), ("kg/MWh", 0.001)],
}


def _with_unit(number_text: str, unit: str) -> str:
    if unit.startswith("$"):  # "$1,5B", "$1.200M/MW"
        return "$" + number_text + unit[1:]
    return f"{number_text} {unit}"


NUMBER_KINDS = ("quantity", "number", "count")
NUMBER_FIELDS = [f for f in FIELDS if f.kind in NUMBER_KINDS and f.path not in CHANGES_NOTHING]


def _ids(fields) -> list[str]:
    return [f.path for f in fields]


def _budget(door: str) -> int:
    """Examples per field and door: each example feeds one value of every form of its class, so one is enough to
    reach every (field, form, door); ``HYPOTHESIS_PROFILE=explore`` draws five."""
    return examples(1)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile-property")


@pytest.fixture(scope="module", autouse=True)
def _commands_built_once():
    """``main`` as the installed command runs it, with typer's click commands built once for the module instead of
    on every call (three quarters of an in-process run's 25 ms is typer reading the commands' signatures again).
    ``main``'s error boundary, exit codes and messages are untouched: it calls what ``app(...)`` would call."""
    command = typer.main.get_command(cli_core.app)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cli_core, "app", command)
        yield


def _feed(field: FieldSpec, door: str, written: str, folder: Path, meant=None, python_value=MISSING) -> Outcome:
    if door == "file":
        return through_file(field, written, folder, meant)
    if door == "set":
        return through_set(field, written, folder, meant)
    return through_python(field, written if python_value is MISSING else python_value, meant)


# No shrinking: a failing example is shown as drawn (each one names its field, door and value already), and a
# shrink through the command line would take minutes.
SETTINGS = dict(
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- class 1: numbers in a European hand, and thousands separators that group thousands --------------------------


EUROPEAN_FORMS = ("decimal_comma", "grouped_comma", "space", "space_comma", "dots", "dot_zero")


@st.composite
def european_numbers(draw, field: FieldSpec, form: str):
    """(written, the readings a person could mean) in one ``form``: a decimal comma, spaces, apostrophes or dots
    between digit groups, or commas that do group thousands, with a unit the field reads where it has one."""
    unit, factor = draw(st.sampled_from(UNITS_BY_HAND.get(field.unit, [("", 1.0)])))
    a = draw(st.integers(1, 999))
    b = draw(st.integers(0, 999))
    if form == "decimal_comma":  # "1,5": one or two digits after the comma (three would group thousands)
        frac = draw(st.sampled_from(["5", "25", "05", "75"]))
        text, readings = f"{a},{frac}", [float(f"{a}.{frac}")]
    elif form == "grouped_comma":  # "1,200" and "12,345,678": a comma that groups thousands is one
        c = draw(st.integers(0, 999))
        text, readings = draw(
            st.sampled_from([(f"{a},{b:03d}", [a * 1000 + b]), (f"{a},{b:03d},{c:03d}", [a * 10**6 + b * 1000 + c])])
        )
    elif form == "space":  # "1 200", "1'200", a no-break or thin space
        sep = draw(st.sampled_from([" ", "\u00a0", "\u202f", "'"]))
        text, readings = f"{a}{sep}{b:03d}", [a * 1000 + b]
    elif form == "space_comma":  # "1 200,5": thousands by a space, decimals by a comma
        text, readings = f"{a} {b:03d},5", [a * 1000 + b + 0.5]
    elif form == "dots":  # "1.200.000": dots that group thousands
        text, readings = f"{a}.{b:03d}.000", [(a * 1000 + b) * 1000]
    else:  # "1.250": 1.25 in one hand, 1,250 in another
        b = b - b % 10
        text, readings = f"{a}.{b:03d}", [a + b / 1000, a * 1000 + b]
    written = _with_unit(text, unit) if unit else text
    meant = [r * factor for r in readings]
    meant = [m for m in meant if _in_range(field, m) and (field.kind != "count" or m == int(m))]
    if len(meant) > 1:  # two readings that both fit: only a refusal is right
        meant = []
    return written, meant


@pytest.mark.parametrize("door", ["file", "set", "python"])
@pytest.mark.parametrize("field", NUMBER_FIELDS, ids=_ids(NUMBER_FIELDS))
def test_european_numbers_in_every_number_field(field, door, folder):
    """'1,2 GW', '1 200,5', '1.200 MW', "1'200" and '1,234,567' in every quantity, number and count field, through
    a file, --set and the Python API: the number meant, or a refusal naming the field and the value."""

    @settings(max_examples=_budget(door), **SETTINGS)
    @given(cases=st.tuples(*(european_numbers(field, form) for form in EUROPEAN_FORMS)))
    def feed(cases):  # one value of every form in each example
        for written, meant in cases:
            outcome = _feed(field, door, written, folder, meant[0] if meant else None)
            shown = [written, repr(written), written.split(" ")[0], *(f"{m:,.0f}" for m in meant)]
            check(field, outcome, meant, shown)

    feed()


# --- class 2: YAML 1.1's surprises, written plainly in a file or after --set ----------------------------------------

# YAML 1.2's core schema, worked out by hand for each form (yaml.org/spec/1.2.2, 10.3.2): what a plain scalar is.
# YAML 1.1 (PyYAML's default) read the comments' values instead.
YAML11_WORDS = ["NO", "No", "no", "n", "N", "yes", "Yes", "YES", "y", "Y", "on", "On", "off", "OFF"]


@st.composite
def yaml_scalars(draw) -> tuple:
    """One plain scalar of every form YAML 1.1 reads differently, each with its YAML 1.2 value worked out here."""
    a, b, c = draw(st.integers(0, 99)), draw(st.integers(0, 59)), draw(st.integers(0, 59))
    octal = draw(st.integers(1, 0o777))
    hexa = draw(st.integers(1, 255))
    k = draw(st.integers(0, 3))
    day = draw(st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31)))
    clock = draw(st.sampled_from([f"{a + 1}:{b:02d}", f"{a + 1}:{b:02d}:{c:02d}"]))
    radix = draw(st.sampled_from([(f"0o{octal:o}", octal), (f"0x{hexa:x}", hexa)]))
    signed = draw(st.sampled_from([(f".{k + 5}", float(f"0.{k + 5}")), (f"+{a + 1}", a + 1)]))
    return (
        (clock, clock),  # 1.1: base 60, 1:30 is 90
        (f"0{octal:o}", int(f"{octal:o}")),  # 1.1: octal, 010 is 8; 1.2: decimal, 10
        radix,  # 0o17 and 0x10: 1.1 reads 0o17 as text
        (f"{a + 1}e{k}", float(f"{a + 1}e{k}")),  # 1.1: text (no dot)
        (f"{a + 1}_{b:03d}", f"{a + 1}_{b:03d}"),  # 1.1: 1000-style number
        (f"0b{hexa:b}", f"0b{hexa:b}"),  # 1.1: binary
        (draw(st.sampled_from(YAML11_WORDS)), None),  # 1.1: a boolean; 1.2: the text (filled in below)
        (draw(st.sampled_from(["true", "True", "false", "FALSE"])), None),
        (day.isoformat(), day.isoformat()),  # 1.1: a date
        signed,
    )


def _yaml12(raw: str, value):
    """Fill in the words: text in YAML 1.2, except true/false in their three spellings."""
    if value is not None:
        return value
    return raw.lower() == "true" if raw in ("true", "True", "TRUE", "false", "False", "FALSE") else raw


def yaml_meant(field: FieldSpec, raw: str, value) -> list:
    """What a person meant by ``raw`` in ``field``, given YAML 1.2's reading ``value`` of it."""
    if field.kind in NUMBER_KINDS:
        if isinstance(value, str) and re.fullmatch(r"[1-9]\d{0,2}(?:_\d{3})+", raw):
            value = float(raw.replace("_", ""))  # an underscore that groups thousands: 12_500 is 12500
        if isinstance(value, bool) or not isinstance(value, int | float):
            return []
        whole = field.kind != "count" or value == int(value)
        return [float(value)] if _in_range(field, float(value)) and whole else []
    if field.kind in ("month", "day"):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            d = dt.date.fromisoformat(value)
            return [d.replace(day=1) if field.kind == "month" else d]
        return []
    if not isinstance(value, str) or isinstance(value, bool):
        return []
    if field.kind == "text":
        return [value]
    if field.kind == "literal":
        return [value] if value in field.literals else []
    if field.unit == "country_code":
        return [value.upper()] if len(value) == 2 and pycountry.countries.get(alpha_2=value.upper()) else []
    return [value.lower()] if value.lower() in catalog() else []


YAML_FIELDS = [f for f in FIELDS if f.kind != "key" and f.path not in CHANGES_NOTHING]


@pytest.mark.parametrize("door", ["file", "set"])
@pytest.mark.parametrize("field", YAML_FIELDS, ids=_ids(YAML_FIELDS))
def test_yaml11_forms_read_by_yaml12_in_every_field(field, door, folder):
    """1:30, 010, 0o17, 0x10, 1e3, 1_000, 0b101, NO, yes, on, true, 2026-06-15, .5, +12 written plainly in any field of
    a file or after --set: what YAML 1.2 makes of them (worked out by hand in yaml_scalars), read as the field reads
    that, or refused."""

    @settings(max_examples=_budget(door), **SETTINGS)
    @given(cases=yaml_scalars())
    def feed(cases):  # one scalar of every form in each example
        for raw, value in cases:
            value = _yaml12(raw, value)
            meant = yaml_meant(field, raw, value)
            outcome = _feed(field, door, raw, folder, meant[0] if meant else None)
            check(field, outcome, meant, [raw, repr(raw), repr(value), str(value), raw[:7]])

    feed()


# --- class 3: names compared the way the catalog and ISO write them ------------------------------------------------

NAME_FIELDS = [f for f in FIELDS if f.kind in ("name", "key")]
VENDORS = sorted({a.vendor.lower() for a in catalog().values()})


def _any_case(draw, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if f else c.lower() for c, f in zip(text, flips, strict=True))


@st.composite
def names(draw, field: FieldSpec) -> tuple:
    """One name of every kind, each with [its canonical form] or [] where it must be refused, for the reader
    ``field.unit`` names: ISO codes in any case and padding, two random letters, near misses; catalog names in any
    case, newest and newest:VENDOR (a phase's choice only), and their near misses."""
    pad = draw(st.sampled_from(["", " "]))
    if field.unit == "country_code":
        iso = draw(st.sampled_from(sorted(c.alpha_2 for c in pycountry.countries)))
        two = draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2))
        miss = draw(st.sampled_from(["", " ", "USA", "UK", "Norway", "u s", "1", "ÄÖ", "ZZ"]))
        return (
            (pad + _any_case(draw, iso), [iso]),
            (two, [two] if pycountry.countries.get(alpha_2=two) else []),  # ZZ, XQ: no country
            (miss, []),
            ("NO", ["NO"]),  # Norway (YAML 1.1: false)
        )
    name = draw(st.sampled_from(sorted(catalog())))
    vendor = draw(st.sampled_from(VENDORS))
    newest_ok = field.unit == "accelerator_choice"
    return (
        (pad + _any_case(draw, name), [name]),
        (_any_case(draw, "newest"), ["newest"] if newest_ok else []),
        (f"{_any_case(draw, 'newest')}:{pad}{_any_case(draw, vendor)}", [f"newest:{vendor}"] if newest_ok else []),
        (f"newest-{vendor}", []),  # once read as "newest of any vendor"
        (f"newest{vendor}", []),
        (draw(st.sampled_from(["newest:", "newest:intel", "newest:nvidiaa"])), []),
        (name + draw(st.sampled_from(["x", "-", "2", "_"])), []),
        ("", []),
    )


@pytest.mark.parametrize("door", ["file", "set", "python"])
@pytest.mark.parametrize("field", NAME_FIELDS, ids=_ids(NAME_FIELDS))
def test_names_in_every_name_field(field, door, folder):
    """Accelerators in any case and spacing, newest and newest:VENDOR where a phase orders, their near misses, and
    ISO 3166 codes (unknown, empty, three letters, a name): the canonical form everywhere, or a refusal."""

    @settings(max_examples=_budget(door), **SETTINGS)
    @given(cases=names(field))
    def feed(cases):
        for written, meant in cases:
            if door == "set" and not written.strip():
                continue  # --set PATH= with nothing after '=' is refused before any field is read (test_bad_input.py)
            _one_name(field, door, written, meant, folder)

    feed()


def _one_name(field: FieldSpec, door: str, written: str, meant: list, folder: Path) -> None:
    outcome = _feed(field, door, written, folder)
    # the canonical form is shown where the name was read (a price missing for it, an override key in lower case)
    shown = [repr(written), repr(written.strip()), written.strip() or "empty", repr(written.strip().lower())]
    check(field, outcome, meant, [*shown, *(repr(m) for m in meant)])


@pytest.mark.parametrize("where", ["run", "risk"])
@settings(max_examples=examples(2), **SETTINGS)
@given(cases=names(BY_PATH["sites[0].phases[0].accelerator"]))
def test_names_inside_a_choice_are_read_like_a_plain_value(where, cases):
    """A ``choice`` of accelerators: each name read like the field's plain value, in run and in risk alike."""
    for text, meant in cases:
        _one_choice(where, text, meant)


def _one_choice(where: str, text: str, meant: list) -> None:
    tree = copy.deepcopy(BASE)
    tree["sites"][0]["phases"][0]["accelerator"] = {"dist": "choice", "values": ["h100", text], "weights": [0.4, 0.6]}
    try:
        s = gw.load_scenario(tree)
        value = s.distributions["sites[0].phases[0].accelerator"].choices[1]
        if where == "risk":
            r = gw.risk(s, trials=8, seed=1)
            assert "sites[0].phases[0].accelerator" in r.uncertain
        else:
            gw.simulate(s)
        outcome = Outcome(where, value)
    except gw.GigawattError as exc:
        outcome = Outcome(where, MISSING, message=str(exc))
    check(BY_PATH["sites[0].phases[0].accelerator"], outcome, meant, [repr(text), *(repr(m) for m in meant)])


# --- class 4: a distribution on every field: drawn by risk, or refused by name ---------------------------------------


@functools.cache
def _base_loaded() -> gw.Scenario:
    return gw.load_scenario(copy.deepcopy(BASE))


def _central_and_bounds(field: FieldSpec):
    """A uniform distribution inside the field's range around BASE's value, and its centre worked out by hand."""
    if field.path == "programme.start":  # before every other date of BASE, so that only risk has to refuse it
        return {"dist": "uniform", "low": "2024-11", "high": "2025-01"}, dt.date(2024, 12, 1)
    if field.kind == "month":
        return {"dist": "uniform", "low": "2025-02", "high": "2025-04"}, dt.date(2025, 3, 1)
    if field.kind == "name":
        return {"dist": "choice", "values": ["h200", "H100"], "weights": [0.7, 0.3]}, "h200"
    # BASE's value as loaded ("$10M/MW" is 1e7: test_the_hand_lists_follow_the_schema checks one by hand)
    x = float(_ramp_default(field) if field.path in RAMP_FIELDS else read_back(_base_loaded(), field))
    lo, hi = (0.9 * x, 1.1 * x) if x > 0 else (0.0, 0.1)
    for op, bound in field.bounds:  # inside the field's range: [1, 2] for a design ratio of 1.1 gives 1 to 1.21
        lo, hi = (max(lo, bound), max(hi, bound)) if op in ("ge", "gt") else (min(lo, bound), min(hi, bound))
    if field.kind == "count" or field.name in ("horizon_months",):
        lo, hi = round(x), round(x) + 2
    return {"dist": "uniform", "low": lo, "high": hi}, (lo + hi) / 2


DISTRIBUTABLE = [
    f
    for f in FIELDS
    if f.kind in ("quantity", "number", "count", "month") or f.unit == "accelerator_choice"
    if f.path not in CHANGES_NOTHING
]
NOT_DISTRIBUTABLE = [f for f in FIELDS if f not in DISTRIBUTABLE and f.kind != "key" and f.path not in CHANGES_NOTHING]


@pytest.mark.parametrize("door", ["file", "set", "python"])
@pytest.mark.parametrize("field", DISTRIBUTABLE, ids=_ids(DISTRIBUTABLE))
def test_a_distribution_on_every_field_is_drawn_or_refused_by_name(field, door, folder):
    """A uniform (or a choice) on every field that takes one: ``run`` reads its centre (worked out by hand) and
    ``risk`` lists it as uncertain, where the engine draws it; ``risk`` refuses it by name where the engine reads
    the field once for every trial (UNDRAWN) or the phase is a ramp."""
    dist, centre = _central_and_bounds(field)
    refused = field.path in UNDRAWN | RAMP_FIELDS | OVERRIDDEN_IN_BASE
    tree = context(field, dist)
    if door == "python":
        _assigned_distribution_is_refused(field, dist)
        try:
            s = gw.load_scenario(tree)  # a distribution reaches a scenario when it is loaded, as from a file
            gw.simulate(s)
            ran = read_back(s, field)
            r = gw.risk(s, trials=8, seed=0)
            outcome = Outcome("python", (ran, r.uncertain))
            if field.path in r.uncertain and field.kind != "month" and field.path not in RAMP_FIELDS:
                # a value set since loading is the value risk uses: the distribution is no longer drawn
                _assign(s, field, "h100" if field.kind == "name" else dist["high"])
                assert field.path not in gw.risk(s, trials=8, seed=0).uncertain, field.path
        except gw.GigawattError as exc:
            outcome = Outcome("python", MISSING, message=str(exc))
    else:
        path = folder / "dist.yaml"
        if door == "file":
            path.write_text(yaml.safe_dump(tree, sort_keys=False), encoding="utf-8")
            sets = []
        else:
            path.write_text(
                yaml.safe_dump(
                    context(field, _ramp_default(field)) if field.path in RAMP_FIELDS else BASE, sort_keys=False
                ),
                encoding="utf-8",
            )
            sets = ["--set", f"{_raw_path(field, tree)}={json.dumps(dist)}"]
        rc, out, err = _cli(["risk", str(path), "--trials", "8", "--json", *sets])
        assert "Traceback" not in err, err
        if rc == 0:
            ran = read_back(gw.load_scenario(path, sets[1:]), field)
            outcome = Outcome(door, (ran, json.loads(out)["uncertain_inputs"]))
        else:
            assert rc == 2 and (err.startswith("error: ") or "\nerror: " in err), (rc, err)
            outcome = Outcome(door, MISSING, message=err)
    if refused:
        assert outcome.value is MISSING, f"{field.path}: risk took a distribution it cannot draw: {outcome.value}"
        _names_field_and_value(field, outcome, ["distribution"])
        return
    assert outcome.value is not MISSING, f"{field.path} through {door}: {outcome.message}"
    ran, uncertain = outcome.value
    assert _same(ran, centre), f"{field.path}: run read {ran!r}; the centre of {dist} is {centre!r}"
    assert field.path in uncertain, f"{field.path}: not among risk's uncertain inputs {uncertain}"


def _assigned_distribution_is_refused(field: FieldSpec, dist: dict) -> None:
    """Set on a loaded scenario, a distribution is refused naming the field and saying where it belongs."""
    outcome = through_python(field, dist)
    assert outcome.value is MISSING, f"{field.path}: assigned {dist}, read as {outcome.value!r}"
    # (a ramp is set whole, as a mapping: a distribution inside it is shown as the value its field refuses)
    _names_field_and_value(field, outcome, ["is a distribution; expected a value", "{'dist': 'uniform'"])


@pytest.mark.parametrize("field", NOT_DISTRIBUTABLE, ids=_ids(NOT_DISTRIBUTABLE))
def test_a_distribution_where_no_value_can_vary_is_refused_by_name(field, folder):
    """Text, literals, countries, a cap's accelerators, as_of: a distribution there is refused naming the field."""
    path = folder / "nodist.yaml"
    path.write_text(yaml.safe_dump(context(field, {"dist": "choice", "values": ["US", "NO"]}), sort_keys=False))
    rc, _, err = _cli(["run", str(path), "--json"])
    assert rc == 2 and "Traceback" not in err, err
    _names_field_and_value(field, Outcome("file", MISSING, message=err), ["dist", "distribution"])


# --- class 5: negative, NaN and infinite numbers --------------------------------------------------------------------

NONFINITE = {  # written in a file or after --set (YAML), and the Python value
    ".nan": math.nan,
    ".inf": math.inf,
    "-.inf": -math.inf,
    "1e999": math.inf,
    "nan": "nan",
    "-inf MW": "-inf MW",
}


@pytest.mark.parametrize("door", ["file", "set", "python"])
@pytest.mark.parametrize("field", NUMBER_FIELDS, ids=_ids(NUMBER_FIELDS))
def test_negative_and_nonfinite_numbers_in_every_number_field(field, door, folder):
    """Any negative number (no field of a build-out takes one: NEGATIVE_OK is empty), NaN and infinity in every
    number field: refused naming the field and the value, never run."""

    @settings(max_examples=_budget(door), **SETTINGS)
    @given(
        case=st.one_of(
            st.sampled_from(sorted(NONFINITE)).map(lambda w: (w, NONFINITE[w])),
            st.floats(min_value=-1e12, max_value=-1e-3).map(lambda x: (repr(x), x)),
            st.integers(-(10**9), -1).map(lambda x: (str(x), x)),
        )
    )
    def feed(case):
        written, value = case
        meant = [value] if field.path in NEGATIVE_OK else []
        outcome = _feed(field, door, written, folder, python_value=value)
        shown = [
            written,
            repr(written),
            repr(value),
            str(value),
            f"{value:,.0f}" if isinstance(value, int) else written,
        ]
        check(field, outcome, meant, shown)

    feed()


# --- the hand lists follow the schema -------------------------------------------------------------------------------


def test_the_hand_lists_follow_the_schema():
    """Every field of the schema has a kind this module feeds, is set in BASE (or in its ramp context), and every
    hand list names fields that exist: a new field cannot escape the property tests."""
    unknown = [f.path for f in FIELDS if f.kind == "unknown"]
    assert not unknown, f"fields whose kind the schema does not tell this module: {unknown}"
    paths = {f.path for f in FIELDS}
    for hand in (UNDRAWN, CHANGES_NOTHING, RAMP_FIELDS, NEGATIVE_OK, set(REFERRED_BY), OVERRIDDEN_IN_BASE):
        assert hand <= paths, hand - paths
    assert {f.path for f in FIELDS if ".ramp." in f.path} == RAMP_FIELDS
    missing = []
    for f in FIELDS:
        if f.path in RAMP_FIELDS or f.path in CHANGES_NOTHING or f.kind == "key":
            continue
        try:
            _get(BASE, f.path)
        except (KeyError, IndexError):
            missing.append(f.path)
    assert not missing, f"fields BASE does not set (add them, so that every class reaches them): {missing}"
    # the changes-nothing list is the schema's own (scenario.UNUSED_OVERRIDES), and every kind has its class
    assert {p.rsplit(".", 1)[1] for p in CHANGES_NOTHING} == set(schema.UNUSED_OVERRIDES)
    kinds = {f.kind for f in FIELDS}
    assert kinds == {"text", "day", "month", "quantity", "number", "count", "name", "literal", "key"}, kinds
    # the base scenario itself runs, and every field reads back what BASE wrote
    s = gw.load_scenario(copy.deepcopy(BASE))
    gw.simulate(s)
    assert read_back(s, BY_PATH["sites[0].phases[0].capex_per_mw_usd"]) == 10e6  # "$10M/MW" by hand


def test_the_walk_finds_the_fields_by_kind():
    """The schema walk against a hand count: the fields a person can read in scenario.py, by kind."""
    by_kind = {}
    for f in FIELDS:
        by_kind.setdefault(f.kind, set()).add(f.path)
    assert "sites[0].phases[0].power_mw" in by_kind["quantity"]
    assert BY_PATH["sites[0].phases[0].power_mw"].unit == "mw"
    assert BY_PATH["partners[0].pledges[0].amount_usd"].unit == "usd"
    assert BY_PATH["sites[0].phases[0].ramp.interval_months"].unit == "months"
    assert {"operations.pue", "supply_caps[0].per_year", "training.mfu"} <= by_kind["number"]
    assert by_kind["count"] == {"sites[0].phases[0].ramp.buildings"}
    assert by_kind["name"] == {
        "sites[0].country",
        "sites[0].phases[0].accelerator",
        "supply_caps[0].countries[0]",
        "supply_caps[0].accelerators[0]",
    }
    assert by_kind["month"] == {
        "programme.start",
        "partners[0].pledges[0].start",
        "sites[0].phases[0].start",
        "sites[0].phases[0].power.available",
    }
    assert by_kind["day"] == {"as_of"}


# --- work sized the same way through both doors --------------------------------------------------------------------


@settings(max_examples=examples(8), **SETTINGS)
@given(
    trials=st.one_of(
        st.integers(-3, 0),
        st.just(True),
        st.floats(0.5, 64.5).filter(lambda x: x != int(x)),
        st.integers(10_000_001, 2**70),  # past limits.RISK_MAX_TRIALS (10^7)
        st.integers(1, 16),
    )
)
def test_risk_trials_refused_or_run_alike_by_the_command_line_and_the_api(trials):
    """``--trials N`` and ``gw.risk(s, trials=N)``: the same work limit and the same answer, a run for a whole number
    from 1 to 10^7 and a refusal naming trials for anything else (gw.risk once ran 10^9 trials unbounded)."""
    meant_ok = isinstance(trials, int) and not isinstance(trials, bool) and 1 <= trials <= 10_000_000
    base = str(Path(__file__).parent / "data" / "hostile" / "base.yaml")
    rc, out, err = _cli(["risk", base, "--trials", str(trials), "--json"])
    assert "Traceback" not in err, err
    try:
        api = gw.risk(base, trials=trials, seed=0)
    except gw.GigawattError as exc:
        api = str(exc)
    if meant_ok:
        assert rc == 0 and not isinstance(api, str), (trials, err, api)
        assert json.loads(out)["metrics"] == api.as_json()["metrics"]  # seed 0 both ways: the same trials
        return
    assert rc == 2 and "--trials" in err, (trials, err)
    # gigawatt's own refusal (the work limit) shows the value; typer's usage error for 0, -1 or 1.5 names the flag
    # and what it takes ("Input should be greater than or equal to 1") but not the value (docs/testing.md)
    assert str(trials).split(".")[0] in err.replace(",", "") or "Error: Invalid value for '--trials'" in err, err
    assert isinstance(api, str) and "trials" in api, (trials, api)


# --- a few cases as the installed command runs them -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "text", "rc", "said"),
    [
        # a European number in a file: refused naming the field and both readings
        (["run", "{file}"], "      power_mw: 1.200 MW\n", 2, "sites[0].phases[0].power_mw: '1.200 MW'"),
        # Norway read as Norway, not as false, and shown as the ISO code
        (["show", "{file}"], "      power_mw: 100\n    country: no\n", 0, "country: 'NO'"),
        # a distribution on the horizon, through --set: risk refuses it by name
        (
            ["risk", "{file}", "--trials", "8", "--set", "programme.horizon_months={dist: uniform, low: 20, high: 24}"],
            "      power_mw: 100\n",
            2,
            "programme.horizon_months: a distribution here is not drawn trial by trial",
        ),
    ],
)
def test_a_few_cases_as_real_processes(tmp_path, argv, text, rc, said):
    """``python -m gigawatt``: the exit code, the message on stderr (or the value on stdout) and no traceback, exactly
    as a person at a shell sees them."""
    head = "name: p\nprogramme: {start: 2025-01, horizon_months: 24}\nsites:\n  - name: a\n    phases:\n"
    path = tmp_path / "s.yaml"
    path.write_text(head + "      - name: p1\n        start: 2025-01\n        accelerator: h100\n" + _indent(text))
    args = [a.replace("{file}", str(path)) for a in argv]
    done = subprocess.run([sys.executable, "-m", "gigawatt", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == rc, done.stderr
    assert "Traceback" not in done.stderr
    assert said in (done.stdout if rc == 0 else " ".join(done.stderr.split())), (done.stdout[-2000:], done.stderr)


def _indent(text: str) -> str:
    """The test's phase lines at the phase's indentation (the site's lines stay at the site's)."""
    out = []
    for line in text.splitlines(keepends=True):
        out.append("  " + line if line.startswith("      ") else line)
    return "".join(out)

"""Hostile and careless input (issue 10): a clear error or a sane answer, in seconds, and no user file touched.

Every case in tests/hostile_harness.py (corpus: tests/data/hostile/) runs in its own process under a 20 s limit
and a 4 GiB address-space limit, and must end in exit 0 with finite numbers in every output, or exit 1/2 with a
short ``error:`` message; no traceback; no file that was there before changed. The cheap cases run here in CI; the
expensive ones (a 60 MB file, a silent Dask server, 10^8 ops trials) only under ``HYPOTHESIS_PROFILE=explore``.
tools/hostile_report.py runs them all and prints the table per class.

The property tests feed random values and strings into every scenario field (in-process trees, via
``gigawatt.load_scenario``), into ``--set`` (values and made-up paths) and into the flags of ``estimate`` and the
analytic ``ops``; each example runs in a child process under the same limits, so a hang is a failure, not a stuck CI.
"""

from __future__ import annotations

import copy
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import hostile_harness as hh
from profiles import examples

# Cases whose fix has not landed yet: absent from this test (not skipped) so that the suite passes; they stay in
# tests/hostile_harness.py, and tools/hostile_report.py runs and counts them. Remove an id once its fix is in.
AWAITING_FIX: frozenset[str] = frozenset()


@pytest.mark.parametrize("case", hh.cases(exclude=AWAITING_FIX), ids=lambda c: c.id)
def test_hostile_case(case, tmp_path):
    outcome = hh.run_case(case, tmp_path)
    assert not outcome.failed, outcome.summary()


def test_corpus_files_exist_and_are_small():
    for case in hh.CASES:
        for rel in case.files:
            path = hh.CORPUS / rel
            assert path.is_file(), rel
            assert path.stat().st_size < 64 * 1024, f"{rel}: generate large files at test time instead"
    assert {c.cls for c in hh.CASES} == set(hh.CLASSES)


def test_judge_catches_each_kind_of_failure():
    """The judge itself: a traceback, a NaN hidden as null, a changed file and a long message are all caught."""
    case = hh.Case(id="x", cls="parsing", argv=("run", "base.yaml", "--json"), files=("base.yaml",))

    def outcome(**kw):
        base = dict(case=case, rc=0, seconds=1.0, timed_out=False, stdout="{}", stderr="", changed=[], stray=[],
                    outputs={})  # fmt: skip
        base.update(kw)
        o = hh.Outcome(**base)
        hh.judge(o)
        return o.problems

    assert outcome() == {}
    assert "traceback" in outcome(rc=1, stderr="Traceback (most recent call last):\n  ...\nValueError: x\n")
    assert "nonfinite" in outcome(stdout='{"metrics": {"capex_total_usd": null}}')
    assert "nonfinite" in outcome(stdout='{"metrics": {"capex_total_usd": NaN}}')
    assert "overwritten" in outcome(changed=["scenario.yaml"])
    assert "past_20s" in outcome(rc=-9, timed_out=True, seconds=20.0)
    assert "other" in outcome(rc=2, stderr="error: x\n" + "more\n" * 20)
    assert "other" in outcome(rc=2, stderr="something went wrong\n")
    assert "other" in outcome(stdout='{"name": "\\u001b[31m"}', stderr="\x1b[31m")
    assert outcome(rc=2, stderr="warning: w\nerror: sites[0].phases[0].power_mw: nan is not finite\n") == {}


# --- property tests: random values into every scenario field and --set path ---------------------------------------

BASE = yaml.safe_load((hh.CORPUS / "base.yaml").read_text())
BASE["supply_caps"] = [{"name": "cap", "per_year": 100000}]
BASE["accelerator_overrides"] = {"h100": {"price_usd": "$30k"}}

FIELDS = [
    "name",
    "title",
    "programme.start",
    "programme.horizon_months",
    "partners[0].name",
    "partners[0].announced_arrival",
    "partners[0].pledges[0].amount_usd",
    "partners[0].pledges[0].secured_usd",
    "partners[0].pledges[0].start",
    "partners[0].pledges[0].months",
    "partners[0].pledges[0].upfront_fraction",
    "funding.announced_arrival",
    "funding.announced_delay_months",
    "financing.equity_share",
    "financing.interest_rate",
    "financing.debt_limit_usd",
    "sites[0].name",
    "sites[0].country",
    "sites[0].facility_financing",
    "sites[0].phases[0].name",
    "sites[0].phases[0].power_mw",
    "sites[0].phases[0].start",
    "sites[0].phases[0].construction_months",
    "sites[0].phases[0].capex_per_mw_usd",
    "sites[0].phases[0].accelerator",
    "sites[0].phases[0].pue",
    "sites[0].phases[0].power.kind",
    "sites[0].phases[0].power.available",
    "sites[0].phases[0].power.capex_per_mw_usd",
    "sites[0].phases[0].power.carbon_t_per_mwh",
    "supply_caps[0].per_year",
    "supply_caps[0].share",
    "operations.pue",
    "operations.utilization",
    "operations.energy_price_usd_per_mwh",
    "operations.lifetime_months",
    "operations.other_opex_usd_per_mw_year",
    "procurement.lead_time_months",
    "risks.construction_slip",
    "risks.cost_overrun",
    "risks.accelerator_price",
    "risks.power_delay_months",
    "training.window_days",
    "training.checkpoint_write_minutes",
    "training.restart_minutes",
    "training.mfu",
    "training.max_share",
    "accelerator_overrides.h100.it_power_w",
    "accelerator_overrides.h100.price_usd",
    "accelerator_overrides.h100.bf16_dense_tflops",
]

HOSTILE_STRINGS = [
    "10**10**10 MW",
    "2**1000 GW",
    "9**9**9",
    "(1/0) MW",
    "1e400 MW",
    "-1e400",
    "nan",
    ".nan",
    "inf",
    "-inf MW",
    "$inf",
    "$1e308T",
    "9999-12",
    "0001-01",
    "10000-01",
    "2025-13",
    "2025-00",
    "[bold]x[/",
    "[/]",
    "\x1b[31mred",
    "\x00",
    "\u202e",
    "",
    " ",
    "1_000 MW",
    "0x10 MW",
    "1,000 MW",
    "__import__('os')",
    "MW",
    "$",
    "1.2 GW/MW",
    "18 months months",
    "5 parsec",
    "x" * 10_000,
]
UNITS = ["MW", "GW", "kW", "W", "USD", "$", "$B", "$M", "$M/MW", "months", "days", "h", "min", "%", "TB/s", "m"]
NUMBER_TEXT = st.one_of(
    st.floats().map(repr),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["10**10**10", "2**1000", "1e400", "-0", "nan", "inf", "1e-400", "0.5", "1e308"]),
)
UNIT_STRINGS = st.builds(
    lambda n, sep, u: f"{n}{sep}{u}", NUMBER_TEXT, st.sampled_from(["", " "]), st.sampled_from(UNITS)
)
VALUES = st.one_of(
    st.floats(),
    st.floats(min_value=1e300),
    st.floats(max_value=-1e300),
    st.integers(-(2**80), 2**80),
    st.booleans(),
    st.none(),
    st.text(max_size=30),
    UNIT_STRINGS,
    st.sampled_from(HOSTILE_STRINGS),
    st.dates(),
    st.lists(st.integers(-5, 5), max_size=3),
    st.dictionaries(st.sampled_from(["value", "dist", "low", "high", "mode", "x"]), st.floats(), max_size=3),
)


def _set_in(tree: dict, path: str, value) -> None:
    parts = re.findall(r"[^.\[\]]+", path)
    node = tree
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    node[int(parts[-1]) if isinstance(node, list) else parts[-1]] = value


def _check(path: str, verdict: tuple) -> None:
    kind, value = verdict
    assert kind == "ok", f"{path}: {kind}: {value}"
    if value["kind"] == "error":
        msg = value["message"]
        leaf = re.findall(r"[^.\[\]]+", path)[-1]
        assert path in msg or leaf in msg or "--set" in msg, f"{path}: the message does not name the field: {msg!r}"
        assert len(msg.splitlines()) <= 3, f"{path}: a message of {len(msg.splitlines())} lines: {msg!r}"
        assert len(msg) <= 1000, f"{path}: a message of {len(msg)} characters"
    else:
        assert not value["nonfinite"], f"{path}: accepted, and the run has {value['nonfinite']}"


@settings(max_examples=examples(30))
@given(path=st.sampled_from(FIELDS), value=VALUES)
def test_random_values_in_scenario_fields(path, value):
    """Any value in any field: a one-line error naming the field, or a run whose every number is finite."""
    tree = copy.deepcopy(BASE)
    _set_in(tree, path, value)
    _check(path, hh.call_limited(hh.evaluate_scenario, tree, []))


SET_TEXT = st.one_of(
    st.text(max_size=30),
    UNIT_STRINGS,
    st.sampled_from(HOSTILE_STRINGS),
    st.sampled_from([".inf", "-.inf", ".nan", "*a", "&a 1", "!!python/object:os.system", "[[[[[[", "{a: {b: 1}}"]),
)


@settings(max_examples=examples(20))
@given(path=st.sampled_from(FIELDS), text=SET_TEXT)
def test_random_set_values(path, text):
    """``--set PATH=TEXT`` with any text: the same contract as a value written in the file."""
    _check(path, hh.call_limited(hh.evaluate_scenario, copy.deepcopy(BASE), [f"{path}={text}"]))


@settings(max_examples=examples(15))
@given(path=st.text(alphabet="abcdeinmoprstuw_.[]0123456789-", min_size=1, max_size=40), text=SET_TEXT)
def test_random_set_paths(path, text):
    """A made-up ``--set`` path: an error naming it (or a run, where it happens to be a real field)."""
    verdict = hh.call_limited(hh.evaluate_scenario, copy.deepcopy(BASE), [f"{path}={text}"])
    kind, value = verdict
    assert kind == "ok", f"{path}: {kind}: {value}"
    if value["kind"] == "ok":
        assert not value["nonfinite"], value["nonfinite"]
    else:
        assert len(value["message"].splitlines()) <= 3 and len(value["message"]) <= 1000, value["message"]


EXTREME_NUMBERS = ["0", "1", "1e-300", "5e-324", "1e300", "1.7976931348623157e308", "nan", "inf", "1e9", "0.5"]
FLAG_VALUES = st.one_of(
    st.sampled_from(EXTREME_NUMBERS),
    st.sampled_from([f"{n} {u}" for n in EXTREME_NUMBERS for u in ("h", "days", "min", "s")]),
    st.text(max_size=20).filter(lambda t: not t.startswith("-")),
    UNIT_STRINGS,
    st.sampled_from([h for h in HOSTILE_STRINGS if not h.startswith("-")]),
    st.floats().map(repr),
    st.integers(-(2**70), 2**70).map(str),
)
FLAGS = {
    "estimate": ["--power", "--budget", "--accelerators", "--pue", "--capex-per-mw", "--it-power-w", "--price"],
    "ops": [
        "--accelerators",
        "--days",
        "--work",
        "--checkpoint-write",
        "--restart",
        "--checkpoint-interval",
        "--job-mtbf",
        "--accelerator-mtbf",
        "--mfu",
        "--shape",
    ],
    "ops-weibull": ["--shape", "--days", "--checkpoint-interval", "--restart", "--ci-target"],
    "ops-lognormal": ["--shape", "--days", "--job-mtbf", "--work"],
    "ops-cluster": [
        "--accelerators-per-server",
        "--warm-standbys",
        "--spares",
        "--spare-delay",
        "--host-selection",
        "--repair-auto",
        "--repair-manual",
        "--escalation",
        "--false-success",
        "--bad-fraction",
        "--bad-multiplier",
    ],
}
SIM = ["ops", "--json", "--trials", "5"]
BASE_ARGS = {
    "estimate": ["estimate", "-a", "h100", "--json"],
    "ops": ["ops", "--json"],
    "ops-weibull": [*SIM, "--distribution", "weibull"],
    "ops-lognormal": [*SIM, "--distribution", "lognormal"],
    "ops-cluster": [*SIM, "--spares", "1"],
}
DEFAULTS = {"estimate": ["--power", "1GW"]}


@settings(max_examples=examples(15))
@given(data=st.data())
def test_random_flag_values(data):
    """Any text after a flag of estimate or ops (analytic, and simulated with each distribution and with servers):
    the same contract as the corpus cases."""
    import tempfile
    from pathlib import Path

    command = data.draw(st.sampled_from(sorted(FLAGS)))
    flag = data.draw(st.sampled_from(FLAGS[command]))
    value = data.draw(FLAG_VALUES)
    argv = [*BASE_ARGS[command], f"{flag}={value}"]
    default = DEFAULTS.get(command, ["--accelerators", "1024"])
    if flag not in default:
        argv += default
    case = hh.Case(id="flag", cls="nonfinite", argv=tuple(argv))
    with tempfile.TemporaryDirectory(prefix="gw-flag-") as tmp:
        outcome = hh.run_case(case, Path(tmp))
    assert not outcome.failed, outcome.summary()


UNCERTAIN_FIELDS = [
    "sites[0].phases[0].power_mw",
    "sites[0].phases[0].construction_months",
    "sites[0].phases[0].start",
    "partners[0].pledges[0].amount_usd",
    "operations.pue",
    "operations.utilization",
    "risks.construction_slip",
    "risks.power_delay_months",
    "funding.announced_arrival",
]
PARAMETERS = {
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "pert": ("low", "mode", "high"),
    "normal": ("mean", "sd", "low", "high"),
    "lognormal": ("median", "low", "high"),
}
PARAMETER_VALUES = st.one_of(
    st.floats(),
    st.sampled_from([0, 1, 0.5, 1.2, 100, 1e-300, 1e300, "2025-06", "9999-12", "100 MW", "$5B", "3 months"]),
)


@st.composite
def distributions(draw):
    kind = draw(st.sampled_from([*PARAMETERS, "choice"]))
    if kind == "choice":
        return {"dist": "choice", "values": draw(st.lists(PARAMETER_VALUES, max_size=3))}
    names = PARAMETERS[kind]
    return {
        "dist": kind,
        **{n: draw(PARAMETER_VALUES) for n in names if n not in ("low", "high") or draw(st.booleans())},
    }


@settings(max_examples=examples(6))
@given(path=st.sampled_from(UNCERTAIN_FIELDS), dist=distributions())
def test_random_distributions_in_risk(path, dist):
    """Any distribution on an uncertain field: an error naming the field, or Monte Carlo output that is all finite."""
    tree = copy.deepcopy(BASE)
    _set_in(tree, path, dist)
    _check(path, hh.call_limited(hh.evaluate_risk, tree, 16))


def test_property_check_accepts_the_base_scenario():
    kind, value = hh.call_limited(hh.evaluate_scenario, copy.deepcopy(BASE), [])
    assert kind == "ok" and value == {"kind": "ok", "nonfinite": []}, value


# --- issue 20: numbers and names read as the person meant them, in every field each class applies to --------------
# Each property feeds one class of careless input to every field it applies to (loaded in-process: reading and
# validation are what is tested, and they are fast); tests/hostile_harness.py has one CLI case per class and field
# kind (files, --set, flags), judged by the same contract as the rest.

import pycountry  # noqa: E402

import gigawatt as gw  # noqa: E402
from gigawatt.data.catalog import catalog  # noqa: E402
from gigawatt.data.names import vendors  # noqa: E402
from gigawatt.data.reading import parse_yaml_text  # noqa: E402
from gigawatt.errors import GigawattError  # noqa: E402
from gigawatt.units import UNITS, parse_quantity  # noqa: E402

TEXT_FIELDS = ["name", "title", "partners[0].name", "sites[0].name", "sites[0].location", "sites[0].phases[0].name"]
NOT_NUMBERS = {"programme.start", "partners[0].pledges[0].start", "sites[0].phases[0].start"}
NUMBER_FIELDS = [
    f
    for f in FIELDS
    if f not in TEXT_FIELDS
    and f not in NOT_NUMBERS
    and not f.endswith((".country", ".facility_financing", ".accelerator", ".kind", ".available"))
]
REASONS = ("thousands", "decimal", "space", "time")


def _load(tree: dict, overrides: list[str] = ()):
    """The loaded scenario, or the GigawattError's message."""
    try:
        return gw.load_scenario(tree, overrides=list(overrides))
    except GigawattError as exc:
        return str(exc)


def _value_at(scenario, path: str):
    node = scenario
    for part in re.findall(r"[^.\[\]]+", path):
        node = node[int(part)] if part.isdigit() else node[part] if isinstance(node, dict) else getattr(node, part)
    return node


def _names_field(path: str, msg: str) -> None:
    leaf = re.findall(r"[^.\[\]]+", path)[-1]
    assert path in msg or leaf in msg, f"{path}: the message does not name the field: {msg!r}"
    assert "expected" in msg and len(msg) <= 1000, msg


@st.composite
def european_numbers(draw):
    """A number in a European hand: a decimal comma that does not group thousands, a space, no-break space or
    apostrophe between digit groups, or dots that group thousands."""
    a = draw(st.integers(0, 999))
    kind = draw(st.sampled_from(["comma", "space", "dots"]))
    if kind == "comma":
        frac = draw(st.sampled_from(["5", "25", "0", "00", "2500", "12345"]))
        return f"{a},{frac}"
    b, c = draw(st.integers(0, 999)), draw(st.integers(0, 999))
    if kind == "space":
        sep = draw(st.sampled_from([" ", chr(0xA0), chr(0x202F), chr(0x2009), "'"]))
        return f"{max(a, 1)}{sep}{b:03d}"
    return f"{max(a, 1)}.{b:03d}.{c:03d}"


@settings(max_examples=examples(40))
@given(path=st.sampled_from(NUMBER_FIELDS), text=european_numbers(), via_set=st.booleans())
def test_european_numbers_refused_in_every_number_field(path, text, via_set):
    """'1,2', '1 200', '1.200.000' in any number field, in the file or through --set: refused with the reason, never
    read as another number (a comma was dropped wherever it stood: 1,2 GW was 12 GW)."""
    tree = copy.deepcopy(BASE)
    if via_set:
        msg = _load(tree, [f"{path}={text}"])
    else:
        _set_in(tree, path, text)
        msg = _load(tree)
    assert isinstance(msg, str), f"{path}={text!r} was read as {_value_at(msg, path)!r}"
    _names_field(path, msg)
    assert any(r in msg for r in REASONS), f"{path}={text!r}: no reason given: {msg!r}"


@settings(max_examples=examples(25))
@given(kind=st.sampled_from(sorted(UNITS)), text=european_numbers(), unit=st.booleans())
def test_european_numbers_refused_by_every_unit_kind(kind, text, unit):
    """Every unit kind the flags and fields read (estimate --power/--budget/--price, ops --days/--checkpoint-write):
    the same refusal, with the value and the reason."""
    value = f"{text} {UNITS[kind].split('/')[0]}" if unit and kind not in ("usd", "usd_per_mw", "usd_per_mwh") else text
    with pytest.raises(GigawattError) as err:
        parse_quantity(value, kind, "--flag")
    msg = str(err.value)
    assert msg.startswith("--flag: ") and any(r in msg for r in REASONS), msg


@settings(max_examples=examples(20))
@given(path=st.sampled_from(NUMBER_FIELDS), n=st.integers(1_000, 10**9))
def test_thousands_separators_read_as_the_plain_number(path, n):
    """'1,234,567' reads as 1234567 wherever a quantity is read (and is refused, saying to drop the commas, in a
    field without a unit): never as any other number."""
    grouped, plain = copy.deepcopy(BASE), copy.deepcopy(BASE)
    _set_in(grouped, path, f"{n:,}")
    _set_in(plain, path, n)
    a, b = _load(grouped), _load(plain)
    if isinstance(a, str):
        assert isinstance(b, str) or "digits only" in a, f"{path}: {n:,} refused where {n} is read: {a!r}"
    else:
        assert not isinstance(b, str) and _value_at(a, path) == _value_at(b, path)


def _yaml_with(path: str, raw: str) -> str:
    """BASE as YAML text with the scalar at ``path`` written as ``raw``, unquoted (as a person types it)."""
    tree = copy.deepcopy(BASE)
    _set_in(tree, path, "@@RAW@@")
    text = yaml.safe_dump(tree, sort_keys=False)
    assert "'@@RAW@@'" in text
    return text.replace("'@@RAW@@'", raw)


YAML11_WORDS = ["NO", "No", "no", "yes", "Yes", "YES", "on", "On", "off", "OFF", "y", "n", "Y", "N"]


@settings(max_examples=examples(40))
@given(
    path=st.sampled_from(NUMBER_FIELDS),
    raw=st.one_of(
        st.builds(lambda a, b: f"{a}:{b:02d}", st.integers(0, 99), st.integers(0, 59)),
        st.builds(lambda a: f"0{a}", st.integers(1, 777)),
        st.builds(lambda a: f"{a}_{'000'}", st.integers(1, 99)),
    ),
)
def test_yaml11_number_forms_read_as_written(path, raw):
    """YAML 1.2 in every number field: 1:30 is the text '1:30' (refused as a time, not 90), 010 is ten (not octal
    8), 1_000 is the text '1_000' (read as a quantity by the thousands rule, never as anything else)."""
    got = _load(parse_yaml_text(_yaml_with(path, raw), "test"))
    if ":" in raw:
        assert isinstance(got, str), f"{path}: {raw} was read as {_value_at(got, path)!r}"
        _names_field(path, got)
        assert "time" in got or "cannot read" in got, got
        return
    plain = copy.deepcopy(BASE)
    _set_in(plain, path, int(raw.replace("_", "")))
    want = _load(plain)
    if isinstance(got, str):
        assert isinstance(want, str) or "_" in raw, f"{path}: {raw} refused where {int(raw.replace('_', ''))} is read"
    else:
        assert not isinstance(want, str) and _value_at(got, path) == _value_at(want, path), (path, raw)


@settings(max_examples=examples(30))
@given(path=st.sampled_from([*TEXT_FIELDS, "sites[0].country"]), word=st.sampled_from(YAML11_WORDS))
def test_yaml11_booleans_are_text(path, word):
    """NO, yes, on, off written plainly are the text the person wrote, in every text field and the country (NO is
    Norway, not false)."""
    got = _load(parse_yaml_text(_yaml_with(path, word), "test"))
    if path.endswith("country"):
        if pycountry.countries.get(alpha_2=word.upper()) is None:
            assert isinstance(got, str), f"{word} accepted as a country"
            _names_field(path, got)
            return
        assert not isinstance(got, str), got
        assert _value_at(got, path) == word.upper()
        return
    assert not isinstance(got, str), got
    assert _value_at(got, path) == word


def _any_case(draw, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if f else c.lower() for c, f in zip(text, flips, strict=True))


@st.composite
def accelerator_names(draw):
    """(what is written, its canonical form or None if it must be refused): catalog names, newest and
    newest:VENDOR in any case and spacing, and near misses (newest-amd, newestfoo, newest:, a suffix)."""
    name = draw(st.sampled_from(sorted(catalog())))
    vendor = draw(st.sampled_from(vendors()))
    choice = draw(st.sampled_from(["name", "newest", "vendor", "dash", "glued", "empty", "suffix", "unknown"]))
    pad = draw(st.sampled_from(["", " "]))
    if choice == "name":
        return pad + _any_case(draw, name), name
    if choice == "newest":
        return _any_case(draw, "newest") + pad, "newest"
    if choice == "vendor":
        return f"{_any_case(draw, 'newest')}:{pad}{_any_case(draw, vendor)}", f"newest:{vendor}"
    if choice == "dash":
        return f"newest-{vendor}", None
    if choice == "glued":
        return f"newest{vendor}", None
    if choice == "empty":
        return "newest:", None
    if choice == "suffix":
        return name + draw(st.sampled_from(["x", "-", "2", "_"])), None
    return f"newest:{draw(st.sampled_from(['intel', 'x', 'nvidiaa']))}", None


ACCELERATOR_PATHS = ["sites[0].phases[0].accelerator", "supply_caps[0].accelerators[0]", "choice", "override"]


@settings(max_examples=examples(40))
@given(where=st.sampled_from(ACCELERATOR_PATHS), written=accelerator_names())
def test_accelerator_names_matched_one_way(where, written):
    """An accelerator name in a phase, a supply cap, a choice or an override key: its canonical (catalog) form
    wherever it is accepted, and a refusal naming the field wherever it is not; newest forms only where they
    mean something (a phase and its choices)."""
    text, canonical = written
    newest_ok = where in ("sites[0].phases[0].accelerator", "choice")
    if canonical is not None and canonical.startswith("newest") and not newest_ok:
        canonical = None
    tree = copy.deepcopy(BASE)
    if where == "choice":
        tree["sites"][0]["phases"][0]["accelerator"] = {"dist": "choice", "values": ["h100", text]}
        path = "sites[0].phases[0].accelerator"
    elif where == "override":
        tree["accelerator_overrides"] = {text: {"price_usd": {"dist": "uniform", "low": 20000, "high": 30000}}}
        path = "accelerator_overrides"
    else:
        tree["supply_caps"][0]["accelerators"] = ["h100"]
        _set_in(tree, where, text)
        path = where
    got = _load(tree)
    if canonical is None:
        assert isinstance(got, str), f"{where}: {text!r} accepted"
        assert path in got and "expected" in got, got
        return
    assert not isinstance(got, str), got
    if where == "choice":
        assert got.distributions[path].choices[1] == canonical
    elif where == "override":
        assert list(got.accelerator_overrides) == [canonical]
        assert f"accelerator_overrides.{canonical}.price_usd" in got.distributions  # the path risk draws
    else:
        assert _value_at(got, where) == canonical


@settings(max_examples=examples(40))
@given(
    where=st.sampled_from(["sites[0].country", "supply_caps[0].countries[0]"]),
    code=st.one_of(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
        st.sampled_from(["", " ", "USA", "uk", "u s", "Norway", "1", "ÄÄ"]),
    ),
)
def test_country_codes_are_iso_alpha2(where, code):
    """A country in a site or a supply cap: an ISO 3166-1 alpha-2 code in any case, stored upper case (so a cap
    on [us] covers a US site); anything else refused naming the field."""
    tree = copy.deepcopy(BASE)
    tree["supply_caps"][0]["countries"] = ["US"]
    _set_in(tree, where, code)
    got = _load(tree)
    valid = pycountry.countries.get(alpha_2=code.strip().upper()) if len(code.strip()) == 2 else None
    if valid is None or not code.strip().isascii():
        assert isinstance(got, str), f"{code!r} accepted as a country"
        _names_field(where, got)
    else:
        assert not isinstance(got, str), got
        assert _value_at(got, where) == code.strip().upper()

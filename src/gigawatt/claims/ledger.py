"""The claims ledger: who said what about a programme, when, how to resolve it, and what happened since.

A ledger is a YAML file (``gigawatt claims --schema`` prints its JSON Schema; the built-in one is
``gigawatt/data/claims.yaml``) with one entry per claim::

    claims:
      - id: musk-softbank-under-10b
        speaker: {name: Elon Musk, role: "CEO of xAI, a rival"}
        date: 2025-01-22
        source: {facts_id: SG13, address: "https://..."}
        text: SoftBank has well under $10B secured.
        kind: input                       # outcome | input | comparison | unmodelled
        quantity: {comparator: well under, value: "$10B", unit: USD, hedge: "well under"}
        resolution: {criteria: ..., source: ..., by: 2025-12-31, ambiguity: ...}
        scenario: stargate-2025-01        # weighed on the scenario as known on the claim's date
        assumption: {path: "partners[SoftBank].pledges[0].secured_usd", set: {...}}
        observed: {status: fails, as_of: 2025-11-11, evidence: [SG19, SG20], note: ...}

The kinds: an ``outcome`` is checked on a simulated trajectory (``check``: a series, a comparator, a value, a month);
an ``input`` is an assertion about the world that the model runs under (``assumption``: the scenario field it speaks
of and the overrides that put it into the scenario); a ``comparison`` ranks one system against others at a date
(``comparison``: the series of the subject and the rivals, each with its source); an ``unmodelled`` claim is kept with
the ``reason`` it cannot be modelled.

This module reads and validates the file (the same limits as scenarios: gigawatt.data.reading) and checks what spans
entries and files: unique ids, facts ids that exist in facts.csv, no evidence dated after its ``as_of``, a
scenario that exists and is not dated after the claim. It imports no engine: evaluation is
:mod:`gigawatt.claims.evaluate`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from gigawatt.data.facts import facts, split_ids
from gigawatt.errors import GigawattError, ScenarioError, UnitError
from gigawatt.units import parse_month, parse_quantity

BUILTIN_FILE = "claims.yaml"

Kind = Literal["outcome", "input", "comparison", "unmodelled"]
Comparator = Literal["=", "about", "<", "<=", ">", ">=", "well under", "range"]
ObservedStatus = Literal["holds", "fails", "partly", "too early", "unclear", "annulled"]
Unit = Literal["USD", "MW", "count", "H100-eq", "months", "fraction"]

# a hedge that states no band: "about $100B" is read within this share either side (a round number said without a
# hedge is a magnitude, not a point; the band is the ledger's convention, stated in each claim's JSON)
DEFAULT_ABOUT_BAND = 0.10

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$|^[+-]?\d+(\.\d+)?$")
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9}


def _count(value, field: str = "value") -> float:
    """A count: a number, "500,000" (commas grouping thousands only) or "2 million"."""
    if isinstance(value, bool):
        raise UnitError(f"{field}: {value!r} is a yes/no value; expected a count such as 500000 or '500,000'")
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    number, _, word = text.partition(" ")
    scale = 1.0
    if word:
        scale = _SCALE.get(word.strip().lower())
        if scale is None:
            raise UnitError(
                f"{field}: {value!r} is not a count; expected a number such as 500000, '500,000' or '2 million'"
            )
    if not _THOUSANDS.match(number):
        raise UnitError(
            f"{field}: {value!r} is not a count; expected a number such as 500000, '500,000' or '2 million' (a comma "
            "only between groups of three digits)"
        )
    return float(number.replace(",", "")) * scale


_KIND_OF_UNIT = {"USD": "usd", "MW": "mw", "months": "months"}


def parse_amount(value, unit: str, field: str = "value") -> float:
    """A claimed amount in ``unit`` ("$10B" in USD, "1 GW" in MW, 500000 in count)."""
    if unit in _KIND_OF_UNIT:
        return parse_quantity(value, _KIND_OF_UNIT[unit], field=field)
    if unit == "fraction":
        number = parse_quantity(value, "months", field=field) if isinstance(value, str) else value
        if isinstance(number, bool) or not isinstance(number, int | float) or not 0 <= number <= 1:
            raise UnitError(f"{field}: {value!r}; expected a fraction from 0 to 1")
        return float(number)
    return _count(value, field)


def _date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date; expected YYYY-MM-DD") from None


def _month(value):
    try:
        return parse_month(value, field="value")
    except GigawattError as exc:
        raise ValueError(str(exc).removeprefix("value: ")) from None


Date = Annotated[dt.date, BeforeValidator(_date, json_schema_input_type=str)]
Month = Annotated[dt.date, BeforeValidator(_month, json_schema_input_type=str)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Amount = float | str


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Speaker(_Model):
    name: Text
    role: str = Field("", description="who they are, in this debate (e.g. 'CEO of xAI, a rival')")
    type: Literal["person", "organization"] | None = Field(
        None, description="for schema.org's ClaimReview (guessed from the name and role where not given)"
    )


class Source(_Model):
    facts_id: str = Field("", description="the facts.csv id of the claim's source (one or more, '; '-separated)")
    address: str = Field("", description="where the claim was made or reported (URL)")
    title: str = ""

    @model_validator(mode="after")
    def _something(self):
        if not (self.facts_id.strip() or self.address.strip()):
            raise ValueError("a claim needs a source: give facts_id (facts.csv) or address (where it was said)")
        return self


class Original(_Model):
    """The wording in the source's language, where the source is not in English."""

    text: Text
    language: Literal["en", "fr", "de"]
    address: str = ""


class Quantity(_Model):
    """The claimed quantity as an interval: ``value`` with a comparator, or ``low``/``high``. The hedge's own words
    go in ``hedge``; "well under $10B" is a high of $10B, "up to 500,000" a high, a round number unhedged is
    ``about`` with a ``band`` (default 10 % either side)."""

    comparator: Comparator
    value: Amount | None = None
    low: Amount | None = None
    high: Amount | None = None
    band: Annotated[float, Field(gt=0, lt=1)] | None = Field(None, description="for 'about': the share either side")
    unit: Unit
    hedge: str = Field("", description="the speaker's own words for the comparator ('well under', 'immediately')")

    @model_validator(mode="after")
    def _interval(self):
        for name in ("value", "low", "high"):
            raw = getattr(self, name)
            if raw is not None:
                try:
                    setattr(self, name, parse_amount(raw, self.unit, field=name))
                except GigawattError as exc:
                    raise ValueError(str(exc)) from None
        c = self.comparator
        if c == "range":
            if self.low is None or self.high is None:
                raise ValueError("comparator 'range' needs low and high")
            if self.low > self.high:
                raise ValueError(f"low {self.low:g} is above high {self.high:g}")
        elif self.value is None:
            raise ValueError(f"comparator {c!r} needs a value")
        if self.band is not None and c != "about":
            raise ValueError(f"band applies to comparator 'about' only, not {c!r}")
        if c == "about" and self.band is None:
            self.band = DEFAULT_ABOUT_BAND
        if c in ("<", "<=", "well under") and self.high is None:
            self.high = self.value
        if c in (">", ">=") and self.low is None:
            self.low = self.value
        if c == "about":
            self.low, self.high = self.value * (1 - self.band), self.value * (1 + self.band)
        if c == "=":
            self.low = self.high = self.value
        return self

    def holds(self, x):
        """Whether ``x`` (a number or an array) lies in the claimed interval."""
        c = self.comparator
        if c == "<":
            return x < self.value
        if c == ">":
            return x > self.value
        if c in ("<=", "well under"):
            return x <= self.high if c == "<=" else x < self.high
        if c == ">=":
            return x >= self.value
        return (x >= self.low) & (x <= self.high)

    def margin(self, x: float) -> float:
        """How far ``x`` is inside (positive) or outside (negative) the claimed interval, in the claim's unit."""
        c = self.comparator
        if c in (">", ">="):
            return x - self.value
        if c in ("<", "<=", "well under"):
            return self.high - x
        return min(x - self.low, self.high - x)


class Resolution(_Model):
    """How the claim is resolved, in the terms forecasting sites use (Metaculus, Good Judgment)."""

    criteria: Text
    source: Text = Field(description="what settles it (a filing, a company statement, reporting)")
    by: Date = Field(description="the date by which it resolves")
    ambiguity: str = Field("", description="how an ambiguous reading is taken, and why")


class Check(_Model):
    """An outcome on a simulated trajectory: ``series`` at month ``by`` against the claim's quantity."""

    series: str = Field(description="a series of `gigawatt run --out`'s timeseries.csv, or capex_usd")
    by: Month
    label: str = ""


class Assumption(_Model):
    """An input claim put into the scenario: ``path`` is the scenario field the claim speaks of (its value is
    compared with the claim's quantity); ``set`` are the overrides that make the scenario run under the claim."""

    path: str
    set: dict[str, object] = Field(min_length=1)


class Rival(_Model):
    name: Text
    value: Amount
    unit: Unit
    date: Date
    facts_id: Text


class Comparison(_Model):
    """One system against others: ``series`` of the scenario at ``by`` (the subject) against each rival."""

    subject: Text
    series: str
    by: Month
    rivals: list[Rival] = Field(min_length=1)


class Observed(_Model):
    """What happened since: the status as of a date, with the facts that show it."""

    status: ObservedStatus
    as_of: Date
    evidence: list[str] = Field(default_factory=list, description="facts.csv ids")
    note: str = ""


class Claim(_Model):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,79}$")]
    speaker: Speaker
    date: Date
    source: Source
    language: Literal["en", "fr", "de"] = "en"
    original: Original | None = None
    text: Text
    kind: Kind
    status: Literal["reviewed", "extracted"] = "reviewed"
    quantity: Quantity | None = None
    resolution: Resolution
    scenario: str | None = None
    check: Check | None = None
    assumption: Assumption | None = None
    comparison: Comparison | None = None
    forecast: bool = Field(True, description="false: not a forecast (the claim reports a past event); needs reason")
    reason: str = ""
    observed: Observed

    @model_validator(mode="after")
    def _kind_fields(self):
        need = {"outcome": "check", "input": "assumption", "comparison": "comparison"}
        for kind, field in need.items():
            if self.kind == kind and getattr(self, field) is None:
                raise ValueError(f"kind {kind!r} needs {field!r}")
            if self.kind != kind and getattr(self, field) is not None:
                raise ValueError(f"{field!r} applies to kind {kind!r}, not {self.kind!r}")
        if self.kind in ("outcome", "input") and self.quantity is None:
            raise ValueError(f"kind {self.kind!r} needs a quantity (the claimed value and its comparator)")
        if self.kind != "unmodelled" and not self.scenario:
            raise ValueError(f"kind {self.kind!r} needs the scenario it is weighed on")
        if self.kind == "unmodelled" and not self.reason.strip():
            raise ValueError("kind 'unmodelled' needs the reason it cannot be modelled")
        if not self.forecast and not self.reason.strip():
            raise ValueError("forecast: false needs the reason")
        if self.language != "en" and self.original is None:
            raise ValueError(
                f"language {self.language!r}: give the original wording (original.text) beside the English"
            )
        return self


class Ledger(_Model):
    claims: list[Claim] = Field(min_length=1)


def json_schema() -> dict:
    return Ledger.model_json_schema()


def _loc(loc: tuple, claims: list) -> str:
    """claims[3].quantity.value -> claims[musk-softbank-under-10b].quantity.value (the id where there is one)."""
    parts = []
    for i, part in enumerate(loc):
        if isinstance(part, int):
            if i == 1 and loc[0] == "claims" and part < len(claims) and isinstance(claims[part], dict):
                cid = claims[part].get("id")
                parts[-1] += f"[{cid}]" if isinstance(cid, str) and cid else f"[{part}]"
            else:
                parts[-1] += f"[{part}]"
        elif part in ("function-after", "function-before", "float", "str", "int", "bool") or "[" in str(part):
            continue  # pydantic's names for a union's branches and validators, not fields
        else:
            parts.append(str(part))
    return ".".join(parts)


def _messages(exc: ValidationError, tree: dict) -> list[str]:
    claims = tree.get("claims") if isinstance(tree.get("claims"), list) else []
    out = []
    for err in exc.errors():
        where = _loc(err["loc"], claims)
        msg = err["msg"].removeprefix("Value error, ")
        got = err.get("input")
        shown = "" if isinstance(got, dict | list) or got is None else f"{got!r} is invalid: "
        out.append(f"{where}: {shown}{msg}" if where else msg)
    return out


def cross_checks(ledger: Ledger, scenario_as_of: dict[str, dt.date | None], today: dt.date) -> list[str]:
    """Rules that span entries and files: unique ids, existing facts, no hindsight, known scenarios.

    ``scenario_as_of``: the scenarios a claim may name (built-in names and the user's), with their ``as_of`` date.
    """
    known = facts()
    problems = []
    seen: dict[str, int] = {}
    for i, c in enumerate(ledger.claims):
        where = f"claims[{c.id}]"
        if c.id in seen:
            problems.append(f"{where}.id: {c.id!r} is used twice (claims {seen[c.id]} and {i}); expected unique ids")
        seen.setdefault(c.id, i)
        if c.date > today:
            problems.append(f"{where}.date: {c.date} is after today ({today}); expected a claim already made")
        for field, ids in (
            ("source.facts_id", split_ids(c.source.facts_id)),
            ("observed.evidence", c.observed.evidence),
        ):
            for fid in ids:
                if fid not in known:
                    problems.append(f"{where}.{field}: {fid!r} is not in facts.csv; expected an id such as SG01")
        if c.observed.as_of > today:
            problems.append(f"{where}.observed.as_of: {c.observed.as_of} is after today ({today})")
        if c.observed.as_of < c.date:
            problems.append(f"{where}.observed.as_of: {c.observed.as_of} is before the claim ({c.date})")
        for fid in c.observed.evidence:
            fact = known.get(fid)
            if fact is not None and fact.latest is not None and fact.latest > c.observed.as_of:
                problems.append(
                    f"{where}.observed.evidence: {fid} is dated {fact.date!r}, after observed.as_of "
                    f"{c.observed.as_of}; expected evidence published by then (or a later as_of)"
                )
        if c.scenario is not None:
            if c.scenario not in scenario_as_of:
                problems.append(
                    f"{where}.scenario: unknown scenario {c.scenario!r}; expected one of: "
                    f"{', '.join(sorted(scenario_as_of))}"
                )
            else:
                as_of = scenario_as_of[c.scenario]
                if as_of is not None and as_of > c.date:
                    problems.append(
                        f"{where}.scenario: {c.scenario!r} is as of {as_of}, after the claim ({c.date}): it would "
                        "weigh the claim with hindsight; expected a scenario as of the claim's date or earlier "
                        "(or --scenario for today's view)"
                    )
        if c.kind == "comparison":
            for j, rival in enumerate(c.comparison.rivals):
                if rival.date > c.date:
                    problems.append(
                        f"{where}.comparison.rivals[{j}].date: {rival.date} is after the claim ({c.date}); expected "
                        "the rivals known when it was made"
                    )
                for fid in split_ids(rival.facts_id):
                    if fid not in known:
                        problems.append(f"{where}.comparison.rivals[{j}].facts_id: {fid!r} is not in facts.csv")
    return problems


def parse_ledger(tree, origin: str) -> Ledger:
    """Validate a parsed YAML tree; every problem in one :class:`~gigawatt.errors.ScenarioError` naming the claim."""
    if not isinstance(tree, dict):
        raise ScenarioError([f"the top level is a {type(tree).__name__}; expected a mapping with 'claims:'"], origin)
    try:
        return Ledger.model_validate(tree)
    except ValidationError as exc:
        raise ScenarioError(_messages(exc, tree), origin) from None


def read_ledger(path: str | Path | None = None) -> tuple[Ledger, str]:
    """The built-in ledger (``path`` None) or a user's file, read within the scenario limits; returns (ledger,
    origin)."""
    from importlib import resources

    from gigawatt.data.reading import parse_yaml_text, read_text_file

    if path is None:
        text = resources.files("gigawatt.data").joinpath(BUILTIN_FILE).read_text(encoding="utf-8")
        origin = "built-in claims ledger"
    else:
        origin = str(path)
        text = read_text_file(path, origin)
    tree = parse_yaml_text(text, origin)
    if tree is None:
        raise ScenarioError(["the file is empty; expected 'claims:' (see 'gigawatt claims --schema')"], origin)
    return parse_ledger(tree, origin), origin

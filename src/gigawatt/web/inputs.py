"""What a request may ask for, read as the command line reads it: a scenario (a built-in name or the text of a YAML
scenario, never a path), overrides (``{path: value}``, the ``--set PATH=VALUE`` of the command line) and the
problems found in them, each with the field it names and the message the command line prints for it.

No file-system path ever comes from a request: a name that is not built in is refused, and a pasted scenario may
``extends:`` a built-in only. Values are read as YAML by the same reader as ``--set`` (no ``eval`` anywhere).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, Field

import gigawatt as gw
from gigawatt.data.reading import parse_yaml_text
from gigawatt.errors import GigawattError, InputFileError, ScenarioError, UnknownNameError
from gigawatt.limits import MAX_FILE_BYTES, MAX_SET_OVERRIDES
from gigawatt.report.output import plain, shorten

PASTED = "pasted scenario"  # the origin error messages name for a scenario given as YAML text

Overrides = dict[str, str | float | int | bool | list | dict]


class ScenarioRequest(BaseModel):
    """A scenario and the overrides applied to it (``gigawatt run NAME --set PATH=VALUE ...``)."""

    scenario: str = Field(
        description="a built-in name (GET /api/scenarios) or the text of a YAML scenario (gigawatt schema)",
        examples=["stargate"],
    )
    overrides: Overrides = Field(
        default_factory=dict,
        description="override path -> value, as `--set PATH=VALUE` (a string is read as YAML: '300 MW', '$5B')",
        examples=[{"funding.announced_arrival": 0.5}],
    )


class CompareRequest(BaseModel):
    """Two scenarios side by side (``gigawatt compare FIRST SECOND --set ...``); the overrides apply to both."""

    first: str = Field(examples=["stargate"])
    second: str = Field(examples=["stargate-musk"])
    overrides: Overrides = Field(default_factory=dict)


class RiskRequest(ScenarioRequest):
    """Monte Carlo over the scenario's distributions (``gigawatt risk NAME --trials N --seed S --set ...``)."""

    trials: int = Field(10_000, description="Monte Carlo trials (capped: limits.WEB_RISK_MAX_TRIALS)")
    seed: int = Field(0, ge=0, description="root seed: same seed, same numbers")


class EstimateRequest(BaseModel):
    """``gigawatt estimate``: one of power, budget or accelerators, as the command line's flags take them."""

    accelerator: str = Field(examples=["gb200"])
    power: str | None = Field(None, description="power on the basis, e.g. '1.2 GW'", examples=["1.2 GW"])
    basis: str = Field("facility", description="what power measures: facility, grid or it (estimate --basis)")
    budget: str | None = Field(None, description="money, e.g. '$100B'")
    accelerators: str | None = Field(None, description="accelerator count, e.g. '100,000'")
    pue: float | None = None
    capex_per_mw: str | None = Field(None, description="facility capex per MW of IT load, e.g. '$11.7M/MW'")
    it_power_w: str | None = Field(None, description="all-in IT power per accelerator, e.g. '1.8 kW'")
    price: str | None = Field(None, description="all-in price per accelerator, e.g. '$45k'")
    design_pue_ratio: float | None = None
    non_accelerator_it_share: float | None = None
    sizing_headroom: float | None = None


# ---------------------------------------------------------------------------------------------------------- problems


class RequestProblem(Exception):
    """A request the command line would refuse: ``status`` (422 bad input, 404 unknown name), the message exactly
    as the command line prints it after ``error:``, and each problem with the field it names."""

    def __init__(self, message: str, status: int = 422, fields: list[dict] | None = None):
        super().__init__(message)
        self.message, self.status = message, status
        self.fields = fields if fields is not None else [{"field": None, "message": message}]

    def as_json(self) -> dict:
        return {"detail": self.message, "problems": self.fields}


_FIELD = re.compile(r"^([A-Za-z_][\w\-]*(?:\[[^\]]*\])*(?:\.[A-Za-z_][\w\-]*(?:\[[^\]]*\])*)*): ")


def problem_from(exc: GigawattError, overrides: dict | None = None, scenario_field: str = "scenario") -> RequestProblem:
    """The command line's message for ``exc`` (``error:`` line, as :func:`gigawatt.cli.core.main` prints it), and
    the field each of its problems names: a scenario path (``sites[0].phases[0].power_mw``), an override's path, or
    ``scenario_field`` (the YAML text or the name as a whole)."""
    message = shorten(plain(str(exc)))
    status = 404 if isinstance(exc, UnknownNameError) and exc.kind == "scenario" else 422
    lines = exc.problems if isinstance(exc, ScenarioError) else [str(exc)]
    fields = [{"field": _field_of(plain(line), overrides or {}, scenario_field), "message": line} for line in lines]
    return RequestProblem(message, status, fields)


def _field_of(line: str, overrides: dict, scenario_field: str) -> str:
    if line.startswith("--set"):  # an override's own problem: the longest override path it names
        for path in sorted(overrides, key=len, reverse=True):
            if path in line:
                return f"overrides.{path}"
        return "overrides"
    flag = re.match(r"^--([a-z][a-z\-]*)", line)  # an estimate flag: --power, --it-power-w
    if flag:
        return flag.group(1).replace("-", "_")
    head = line.split(": ", 1)[0] if line.startswith((PASTED, "scenario: ", "built-in scenario")) else ""
    rest = line[len(head) + 2 :] if head else line
    m = _FIELD.match(rest)
    return m.group(1) if m else scenario_field


# ---------------------------------------------------------------------------------------------------------- loading


def override_strings(overrides: dict) -> list[str]:
    """``{path: value}`` -> ``["path=value", ...]``: a string as typed (read as YAML, as ``--set`` reads it),
    anything else as JSON (which YAML reads back as the same value)."""
    if len(overrides) > MAX_SET_OVERRIDES:
        raise GigawattError(
            f"overrides: {len(overrides)} overrides; expected at most {MAX_SET_OVERRIDES} (limits.MAX_SET_OVERRIDES)"
        )
    out = []
    for path, value in overrides.items():
        text = value if isinstance(value, str) else json.dumps(value, allow_nan=False)
        out.append(f"{path}={text}")
    return out


def is_builtin(ref: str) -> bool:
    return ref in gw.builtin_names()


def scenario_tree(text: str) -> dict:
    """The mapping of a pasted YAML scenario, read within the limits of a scenario file; ``extends:`` may name a
    built-in scenario only (a request never names a file)."""
    size = len(text.encode("utf-8", errors="replace"))
    if size > MAX_FILE_BYTES:
        raise InputFileError(
            f"{PASTED}: {size:,} bytes; expected at most {MAX_FILE_BYTES:,} (limits.MAX_FILE_BYTES, as for a file)"
        )
    tree = parse_yaml_text(text, PASTED)
    if tree is None:
        raise InputFileError(f"{PASTED}: the text is empty; expected a scenario (see 'gigawatt schema')")
    if not isinstance(tree, dict):
        raise InputFileError(
            f"{PASTED}: the top level is a {type(tree).__name__}; expected a mapping with name, programme, sites, ..."
        )
    parent = tree.get("extends")
    if parent is not None and (not isinstance(parent, str) or not is_builtin(parent.strip())):
        raise InputFileError(
            f"{PASTED}: extends: {parent!r}; expected the name of a built-in scenario "
            f"({', '.join(gw.builtin_names())}): a pasted scenario cannot read files"
        )
    if parent is not None:
        tree["extends"] = parent.strip()
    if not isinstance(tree.get("set") or {}, dict):
        raise GigawattError(f"{PASTED}: set: expected a mapping of 'path: value', got {type(tree['set']).__name__}")
    return tree


def load(ref: str, overrides: dict | None = None, field: str = "scenario") -> gw.Scenario:
    """The scenario a request names (a built-in or pasted YAML), with its overrides; bad input raises
    :class:`RequestProblem` carrying the command line's message."""
    overrides = overrides or {}
    try:
        sets = override_strings(overrides)
        if is_builtin(ref):
            return gw.load_scenario(ref, overrides=sets)
        if "\n" not in ref and ":" not in ref:  # a bare word: a name, and not a built-in one
            raise UnknownNameError("scenario", ref, gw.builtin_names(), where=field)
        return gw.load_scenario(scenario_tree(ref), overrides=sets)
    except GigawattError as exc:
        raise problem_from(exc, overrides, field) from None


def label(ref: str, scenario: gw.Scenario) -> str:
    """How a scenario is named in a comparison: its built-in name, else the name its YAML gives."""
    return ref if is_builtin(ref) else scenario.name


def canonical(body: BaseModel) -> str:
    """A request as one string (keys sorted): the key of its cached answer."""
    return json.dumps(body.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))


def jsonable(value: Any) -> Any:
    from gigawatt.report.output import finite

    return finite(value)

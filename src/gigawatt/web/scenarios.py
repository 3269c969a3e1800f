"""``/api/scenarios``: the built-in scenarios, and one resolved with its sources (``gigawatt scenarios``, ``show``)
with the key assumptions the page offers; ``/api/resolve`` for a pasted scenario or one with overrides."""

from __future__ import annotations

from fastapi import APIRouter, Request

import gigawatt as gw
from gigawatt.web import inputs
from gigawatt.web.answers import cached, dumps, problem_on, warnings_of
from gigawatt.web.inputs import ScenarioRequest, problem_from

router = APIRouter(prefix="/api", tags=["scenarios"])


def scenario_payload(ref: str, overrides: dict | None = None) -> dict:
    """A scenario resolved with its sources (``gigawatt show``), its assumptions and the page's controls."""
    from gigawatt.cli.scenarios import _assumptions, show_text
    from gigawatt.web.controls import controls

    s = inputs.load(ref, overrides)
    resolved = gw.resolved_with_sources(s)
    return {
        "name": s.name,
        "title": s.title,
        "as_of": None if s.as_of is None else s.as_of.isoformat(),
        "origin": s._origin,
        "resolved": resolved,
        "assumptions": [{"path": p, "value": v, "status": st, "reason": r} for p, v, st, r in _assumptions(resolved)],
        "controls": controls(s, resolved),
        "show": show_text(s, resolved),
        "warnings": warnings_of(s),
    }


@router.get("/scenarios")
async def scenarios(request: Request):
    """The built-in scenarios (``gigawatt scenarios --json``)."""
    from gigawatt.cli.scenarios import scenario_items

    return await cached(request, "scenarios", lambda: dumps(scenario_items()))


@router.get("/scenarios/{name}")
async def scenario(name: str, request: Request):
    """A built-in scenario resolved with its sources (``gigawatt show NAME``), its unsourced assumptions, and the key
    assumptions the page offers (each with its ``--set`` path)."""
    if not inputs.is_builtin(name):
        raise problem_from(gw.UnknownNameError("scenario", name, gw.builtin_names()), None, "name")
    return await cached(request, f"scenario:{name}", problem_on(lambda: scenario_payload(name)))


@router.post("/resolve")
async def resolve(body: ScenarioRequest, request: Request):
    """As ``GET /api/scenarios/{name}``, for a pasted YAML scenario or with overrides (``show --set``)."""
    key = "resolve:" + inputs.canonical(body)
    return await cached(request, key, problem_on(lambda: scenario_payload(body.scenario, body.overrides)))

"""``/api/run``, ``/api/compare`` and ``/api/estimate``: the deterministic answers, each the command line's
``--json`` for the same input, built by the same code."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

import gigawatt as gw
from gigawatt.web import inputs
from gigawatt.web.answers import cached, dumps, problem_on, warnings_of
from gigawatt.web.inputs import CompareRequest, EstimateRequest, ScenarioRequest

router = APIRouter(prefix="/api", tags=["simulate"])


def run_payload(body: ScenarioRequest, timeseries: bool = False) -> dict:
    """``gigawatt run --json`` of the request; ``timeseries``: also the monthly series the page draws."""
    from gigawatt.cli.run import run_json

    s = inputs.load(body.scenario, body.overrides)
    result = gw.simulate(s)
    payload = run_json(result, warnings_of(s))
    if timeseries:
        ts = result.timeseries
        payload["timeseries"] = {
            "month": [m.strftime("%Y-%m") for m in ts.index],
            **{c: ts[c].tolist() for c in ts.columns},
        }
    return payload


def compare_payload(body: CompareRequest) -> dict:
    from gigawatt.cli.run import compare_json

    sa = inputs.load(body.first, body.overrides, "first")
    sb = inputs.load(body.second, body.overrides, "second")
    payload = compare_json(
        inputs.label(body.first, sa), inputs.label(body.second, sb), gw.simulate(sa), gw.simulate(sb)
    )
    payload["warnings"] = {payload["scenarios"][0]: warnings_of(sa), payload["scenarios"][1]: warnings_of(sb)}
    return payload


def estimate_payload(body: EstimateRequest) -> dict:
    """``gigawatt estimate --json``: the flags read by the same parsers as the command line's."""
    from gigawatt.cli.estimate import _count
    from gigawatt.units import parse_quantity

    def q(text, kind, flag):
        return parse_quantity(text, kind, flag) if text else None

    sizing = {
        k: v
        for k, v in (
            ("design_pue_ratio", body.design_pue_ratio),
            ("non_accelerator_it_share", body.non_accelerator_it_share),
            ("sizing_headroom", body.sizing_headroom),
        )
        if v is not None
    }
    return gw.estimate(
        body.accelerator,
        power_mw=q(body.power, "mw", "--power"),
        basis=body.basis.strip().lower(),
        budget_usd=q(body.budget, "usd", "--budget"),
        accelerators=_count(body.accelerators) if body.accelerators else None,
        pue=body.pue,
        capex_per_mw_usd=q(body.capex_per_mw, "usd_per_mw", "--capex-per-mw"),
        it_power_w=q(body.it_power_w, "w", "--it-power-w"),
        price_usd=q(body.price, "usd", "--price"),
        sizing=sizing,
    )


@router.post("/run")
async def run(
    body: ScenarioRequest, request: Request, timeseries: bool = Query(False, description="add the monthly series")
):
    """``gigawatt run SCENARIO --set ... --json``; with ``?timeseries=true`` also ``timeseries`` (month by month, the
    columns of ``timeseries.csv``)."""
    key = f"run:{timeseries}:" + inputs.canonical(body)
    return await cached(request, key, problem_on(lambda: run_payload(body, timeseries), "scenario", body.overrides))


@router.post("/compare")
async def compare(body: CompareRequest, request: Request):
    """``gigawatt compare FIRST SECOND --set ... --json`` (the overrides apply to both), with ``warnings``."""
    return await cached(request, "compare:" + inputs.canonical(body), problem_on(lambda: compare_payload(body)))


@router.post("/estimate")
async def estimate(body: EstimateRequest, request: Request):
    """``gigawatt estimate --accelerator A (--power | --budget | --accelerators) ... --json``."""
    return await cached(request, "estimate:" + inputs.canonical(body), problem_on(lambda: estimate_payload(body)))


@router.get("/validate", tags=["checks"])
async def validate(request: Request):
    """``gigawatt validate --json``: conversions against observed sites, online dates against milestones."""
    from gigawatt.engine.validate import validate as run_validation

    return await cached(request, "validate", lambda: dumps(run_validation()))

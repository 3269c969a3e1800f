"""``/api/risk`` and ``/api/claims``: Monte Carlo work, capped per request, run in the worker
(:mod:`gigawatt.web.jobs`), streamed as progress lines when asked, and cancelled when its client goes away."""

from __future__ import annotations

import asyncio
import datetime as dt

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from gigawatt import limits
from gigawatt.errors import GigawattError
from gigawatt.web import inputs
from gigawatt.web.answers import JSON, NDJSON, Cache, cache_of, dumps, warnings_of
from gigawatt.web.inputs import RequestProblem, RiskRequest, problem_from
from gigawatt.web.jobs import Busy, Cancelled, Job, Runner, wait_or_cancel

router = APIRouter(prefix="/api")


def _cap(name: str, value: int, cap: int, cli: str) -> None:
    if value > cap:
        raise RequestProblem(
            f"{name}: {value:,}; expected at most {cap:,} on the web (limits.{cli}); the command line runs more",
            fields=[{"field": name, "message": f"at most {cap:,} (limits.{cli})"}],
        )
    if value < 1 and name == "trials":
        raise RequestProblem(f"trials: {value!r}; expected a whole number >= 1", fields=[{"field": name}])


def risk_job(body: RiskRequest) -> Job:
    """The risk run a request asks for, checked before it is queued (the scenario, the cap, the work estimate)."""
    from gigawatt.engine.montecarlo import BLOCK, plan_risk, risk
    from gigawatt.engine.work import check_work

    _cap("trials", body.trials, limits.WEB_RISK_MAX_TRIALS, "WEB_RISK_MAX_TRIALS")
    s = inputs.load(body.scenario, body.overrides)
    plan = plan_risk(s, body.trials)
    try:
        check_work(plan)
    except GigawattError as exc:
        raise problem_from(exc, None, "trials") from None
    warnings = warnings_of(s)
    chunk = max(BLOCK, min(plan.chunk_trials, 8 * BLOCK))  # progress (and a cancel) every 8,192 trials

    def work(progress) -> bytes:
        result = risk(s, trials=body.trials, seed=body.seed, chunk_trials=chunk, progress=progress)
        payload = result.as_json()
        payload["warnings"] = warnings
        payload["months"] = [m.isoformat()[:7] for m in result.months]
        payload["fan"] = {k: {q: [float(x) for x in v] for q, v in d.items()} for k, d in result.fan.items()}
        return dumps(payload)

    return Job(work, body.trials)


def claims_job(trials: int, seed: int) -> Job:
    """``gigawatt claims --json`` on the built-in ledger (each claim on its as-of scenario)."""
    from gigawatt.claims import evaluate, load_scenarios
    from gigawatt.claims.ledger import read_ledger

    _cap("trials", max(trials, 1), limits.WEB_CLAIMS_MAX_TRIALS, "WEB_CLAIMS_MAX_TRIALS")
    ledger, origin = read_ledger(None)
    refs = load_scenarios(ledger, origin, None, None)
    total = max(trials * len(refs), 1)
    done: dict[str, int] = {}

    def work(progress) -> bytes:
        def step(name: str, n: int) -> None:
            done[name] = n
            progress(sum(done.values()))

        report = evaluate(ledger, "built-in", trials=trials, seed=seed, today=dt.date.today(), progress=step, refs=refs)
        return dumps(report.as_json())

    return Job(work, total)


async def _monte_carlo(runner: Runner, request: Request, job: Job, cache: Cache | None = None, key: str = ""):
    """Run ``job`` in the worker: one JSON answer, or (``Accept: application/x-ndjson``) a line per progress step
    ``{"done", "total"}`` then ``{"result": ...}``. A client that goes away cancels the run."""
    try:
        future = runner.submit(job)
    except Busy as exc:
        return JSONResponse({"detail": str(exc), "problems": []}, status_code=503, headers={"Retry-After": "5"})

    def store(body: bytes) -> bytes:
        return cache.put(key, body) if cache is not None else body

    if NDJSON not in request.headers.get("accept", ""):
        try:
            body = await wait_or_cancel(job, future, request.is_disconnected)
        except Cancelled:
            return Response(status_code=499)
        return Response(store(body), media_type=JSON)
    return StreamingResponse(_stream(job, future, request, store), media_type=NDJSON)


async def _stream(job: Job, future, request: Request, store):
    wrapped = asyncio.wrap_future(future)
    last = -1
    try:
        yield dumps({"done": 0, "total": job.total, "compiling": _needs_compiling()}) + b"\n"
        while True:
            done, _ = await asyncio.wait({wrapped}, timeout=0.2)
            if done:
                break
            if await request.is_disconnected():
                job.cancel()
                return
            if job.done != last:
                last = job.done
                yield dumps({"done": job.done, "total": job.total}) + b"\n"
        try:
            body = store(wrapped.result())
        except GigawattError as exc:
            yield dumps({"error": problem_from(exc).as_json()}) + b"\n"
            return
        yield b'{"done":' + str(job.total).encode() + b',"total":' + str(job.total).encode() + b',"result":'
        yield body + b"}\n"
    finally:
        if not wrapped.done():
            job.cancel()


def _needs_compiling() -> bool:
    try:
        from gigawatt.engine.compiled import needs_compiling
    except ImportError:
        return False
    return needs_compiling()


@router.post("/risk", tags=["simulate"])
async def risk(body: RiskRequest, request: Request):
    """``gigawatt risk SCENARIO --trials N --seed S --json`` with ``months`` and ``fan`` (P10/P50/P90 and mean per
    month, the fan charts). ``Accept: application/x-ndjson`` streams progress lines first. Trials are capped at
    ``limits.WEB_RISK_MAX_TRIALS``; the run is cancelled when the client goes away."""
    key = "risk:" + inputs.canonical(body)
    hit = cache_of(request).get(key)
    if hit is not None and NDJSON not in request.headers.get("accept", ""):
        return Response(hit, media_type=JSON)
    job = await run_in_threadpool(risk_job, body)
    return await _monte_carlo(request.app.state.runner, request, job, cache_of(request), key)


@router.get("/claims", tags=["checks"])
async def claims(
    request: Request,
    trials: int = Query(2_000, ge=0, description="Monte Carlo trials per scenario (0: deterministic only)"),
    seed: int = Query(0, ge=0),
):
    """``gigawatt claims --trials N --seed S --json``: the claims ledger, each claim weighed on its as-of scenario,
    what was observed since, the track record. Trials capped at ``limits.WEB_CLAIMS_MAX_TRIALS``."""
    key = f"claims:{trials}:{seed}"
    hit = cache_of(request).get(key)
    if hit is not None and NDJSON not in request.headers.get("accept", ""):
        return Response(hit, media_type=JSON)
    job = await run_in_threadpool(claims_job, trials, seed)
    return await _monte_carlo(request.app.state.runner, request, job, cache_of(request), key)

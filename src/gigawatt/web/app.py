"""The JSON API (FastAPI, OpenAPI at ``/docs``) and the one page that uses it.

Every answer is built by the code the command line uses for the same output (``run --json``, ``compare --json``,
``risk --json``, ``estimate --json``, ``validate --json``, ``claims --json``, ``scenarios --json``, ``show``), so
the page and the terminal cannot disagree. Bad input is a 422 (404 for an unknown scenario name) whose ``detail`` is
the message the command line prints after ``error:``, with ``problems``: each problem and the field it names.

Safe by default: bodies over ``limits.WEB_MAX_BODY_BYTES`` get 413 before they are read; Monte Carlo work is capped
per request (``limits.WEB_RISK_MAX_TRIALS``, ``WEB_CLAIMS_MAX_TRIALS``) and runs in a worker thread, cancelled when its
client goes away (:mod:`gigawatt.web.jobs`); no path comes from a request (the static files are a fixed list); no
CORS headers; a Content-Security-Policy that allows only the app's own scripts.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from importlib import resources

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

import gigawatt as gw
from gigawatt import limits
from gigawatt.errors import GigawattError
from gigawatt.web import inputs
from gigawatt.web.guard import BodyLimit, SecurityHeaders
from gigawatt.web.inputs import (
    CompareRequest,
    EstimateRequest,
    RequestProblem,
    RiskRequest,
    ScenarioRequest,
    problem_from,
)
from gigawatt.web.jobs import Busy, Cancelled, Job, Runner, wait_or_cancel

JSON = "application/json"
NDJSON = "application/x-ndjson"


def _dumps(data) -> bytes:
    return json.dumps(inputs.jsonable(data), default=str, allow_nan=False, separators=(",", ":")).encode()


class Cache:
    """Deterministic answers by request, least recently used out (``limits.WEB_CACHE_ENTRIES``)."""

    def __init__(self, size: int = limits.WEB_CACHE_ENTRIES):
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.size, self.hits, self.misses = size, 0, 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: str, value: bytes) -> bytes:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


async def _cached(cache: Cache, key: str, build: Callable[[], bytes]) -> Response:
    """The cached answer for ``key``, else ``build()`` in a worker thread (the event loop stays free)."""
    body = cache.get(key)
    if body is None:
        body = cache.put(key, await run_in_threadpool(build))
    return Response(body, media_type=JSON)


def warnings_of(s: gw.Scenario) -> list[str]:
    """The ``warning:`` lines the command line prints for ``s`` (they are listed under ``warnings`` in its JSON)."""
    from gigawatt.data.checks import run_checks

    return [*(getattr(s, "load_warnings", None) or ()), *run_checks(s)]


# ------------------------------------------------------------------------------------------------ deterministic


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


def _problem_on(build: Callable[[], dict], field: str = "body", overrides: dict | None = None) -> Callable[[], bytes]:
    """``build`` as bytes; a GigawattError it raises becomes the request's problem, naming ``field``."""

    def run() -> bytes:
        try:
            return _dumps(build())
        except GigawattError as exc:
            raise problem_from(exc, overrides, field) from None

    return run


# ------------------------------------------------------------------------------------------------ Monte Carlo


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
        return _dumps(payload)

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
        return _dumps(report.as_json())

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
        yield _dumps({"done": 0, "total": job.total, "compiling": _needs_compiling()}) + b"\n"
        while True:
            done, _ = await asyncio.wait({wrapped}, timeout=0.2)
            if done:
                break
            if await request.is_disconnected():
                job.cancel()
                return
            if job.done != last:
                last = job.done
                yield _dumps({"done": job.done, "total": job.total}) + b"\n"
        try:
            body = store(wrapped.result())
        except GigawattError as exc:
            yield _dumps({"error": problem_from(exc).as_json()}) + b"\n"
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


# ------------------------------------------------------------------------------------------------ the app

STATIC = {  # the only files served: name -> (package, file, media type)
    "app.js": ("gigawatt.web.static", "app.js", "text/javascript; charset=utf-8"),
    "app.css": ("gigawatt.web.static", "app.css", "text/css; charset=utf-8"),
    "docs.js": ("gigawatt.web.static", "docs.js", "text/javascript; charset=utf-8"),
    "plotly.min.js": ("plotly", "package_data/plotly.min.js", "text/javascript; charset=utf-8"),
}


def _static_bytes() -> dict[str, tuple[bytes, str]]:
    out = {}
    for name, (package, file, media) in STATIC.items():
        out[name] = (resources.files(package).joinpath(file).read_bytes(), media)
    return out


def create_app() -> FastAPI:
    """The app: the API under ``/api``, the page at ``/``, its scripts and style under ``/static``."""
    app = FastAPI(
        title="gigawatt",
        version=gw.__version__,
        summary="A digital twin of gigawatt-scale AI build-outs: the command line's answers as JSON.",
        docs_url=None,  # FastAPI's own pages load Swagger UI from a CDN with inline script: /docs is ours
        redoc_url=None,
    )
    app.state.runner = Runner()
    app.state.cache = Cache()
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=limits.WEB_MAX_BODY_BYTES)
    _errors(app)
    _api(app)
    _pages(app)
    app.router.add_event_handler("shutdown", app.state.runner.shutdown)
    return app


def _errors(app: FastAPI) -> None:
    @app.exception_handler(RequestProblem)
    async def problem(request: Request, exc: RequestProblem):
        return JSONResponse(exc.as_json(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ()) if p != "body"]
            if err.get("type") == "json_invalid":  # the body is not JSON at all: loc is the character position
                reason = (err.get("ctx") or {}).get("error", "invalid")
                message = f"request body: malformed JSON at character {loc[0] if loc else 0} ({reason})"
                problems.append({"field": "body", "message": message})
                continue
            where = ".".join(loc) or "body"
            problems.append({"field": where, "message": f"{where}: {err.get('msg', 'invalid')}"})
        detail = "; ".join(p["message"] for p in problems) or "the request body is not valid"
        return JSONResponse({"detail": detail, "problems": problems}, status_code=422)


def _api(app: FastAPI) -> None:
    cache: Cache = app.state.cache
    runner: Runner = app.state.runner

    @app.get("/api/health", tags=["service"])
    async def health():
        """Whether the server answers, and its Monte Carlo worker's counters."""
        return {"status": "ok", "version": gw.__version__, "monte_carlo": runner.status(), "cache_hits": cache.hits}

    @app.get("/api/scenarios", tags=["scenarios"])
    async def scenarios():
        """The built-in scenarios (``gigawatt scenarios --json``)."""
        from gigawatt.cli.scenarios import scenario_items

        return await _cached(cache, "scenarios", lambda: _dumps(scenario_items()))

    @app.get("/api/scenarios/{name}", tags=["scenarios"])
    async def scenario(name: str):
        """A built-in scenario resolved with its sources (``gigawatt show NAME``), its unsourced assumptions, and
        the key assumptions the page offers (each with its ``--set`` path)."""
        if not inputs.is_builtin(name):
            raise problem_from(gw.UnknownNameError("scenario", name, gw.builtin_names()), None, "name")
        return await _cached(cache, f"scenario:{name}", _problem_on(lambda: scenario_payload(name)))

    @app.post("/api/resolve", tags=["scenarios"])
    async def resolve(body: ScenarioRequest):
        """As ``GET /api/scenarios/{name}``, for a pasted YAML scenario or with overrides (``show --set``)."""
        key = "resolve:" + inputs.canonical(body)
        return await _cached(cache, key, _problem_on(lambda: scenario_payload(body.scenario, body.overrides)))

    @app.post("/api/run", tags=["simulate"])
    async def run(body: ScenarioRequest, timeseries: bool = Query(False, description="add the monthly series")):
        """``gigawatt run SCENARIO --set ... --json``; with ``?timeseries=true`` also ``timeseries`` (month by month,
        the columns of ``timeseries.csv``)."""
        key = f"run:{timeseries}:" + inputs.canonical(body)
        return await _cached(cache, key, _problem_on(lambda: run_payload(body, timeseries), "scenario", body.overrides))

    @app.post("/api/compare", tags=["simulate"])
    async def compare(body: CompareRequest):
        """``gigawatt compare FIRST SECOND --set ... --json`` (the overrides apply to both), with ``warnings``."""
        return await _cached(cache, "compare:" + inputs.canonical(body), _problem_on(lambda: compare_payload(body)))

    @app.post("/api/risk", tags=["simulate"])
    async def risk(body: RiskRequest, request: Request):
        """``gigawatt risk SCENARIO --trials N --seed S --json`` with ``months`` and ``fan`` (P10/P50/P90 and mean
        per month, the fan charts). ``Accept: application/x-ndjson`` streams progress lines first. Trials are
        capped at ``limits.WEB_RISK_MAX_TRIALS``; the run is cancelled when the client goes away."""
        key = "risk:" + inputs.canonical(body)
        hit = cache.get(key)
        if hit is not None and NDJSON not in request.headers.get("accept", ""):
            return Response(hit, media_type=JSON)
        job = await run_in_threadpool(risk_job, body)
        return await _monte_carlo(runner, request, job, cache, key)

    @app.post("/api/estimate", tags=["simulate"])
    async def estimate(body: EstimateRequest):
        """``gigawatt estimate --accelerator A (--power | --budget | --accelerators) ... --json``."""
        return await _cached(cache, "estimate:" + inputs.canonical(body), _problem_on(lambda: estimate_payload(body)))

    @app.get("/api/validate", tags=["checks"])
    async def validate():
        """``gigawatt validate --json``: conversions against observed sites, online dates against milestones."""
        from gigawatt.engine.validate import validate as run_validation

        return await _cached(cache, "validate", lambda: _dumps(run_validation()))

    @app.get("/api/claims", tags=["checks"])
    async def claims(
        request: Request,
        trials: int = Query(2_000, ge=0, description="Monte Carlo trials per scenario (0: deterministic only)"),
        seed: int = Query(0, ge=0),
    ):
        """``gigawatt claims --trials N --seed S --json``: the claims ledger, each claim weighed on its as-of
        scenario, what was observed since, the track record. Trials capped at ``limits.WEB_CLAIMS_MAX_TRIALS``."""
        key = f"claims:{trials}:{seed}"
        hit = cache.get(key)
        if hit is not None and NDJSON not in request.headers.get("accept", ""):
            return Response(hit, media_type=JSON)
        job = await run_in_threadpool(claims_job, trials, seed)
        return await _monte_carlo(runner, request, job, cache, key)


def _pages(app: FastAPI) -> None:
    files = _static_bytes()
    index = resources.files("gigawatt.web.static").joinpath("index.html").read_bytes()

    docs = resources.files("gigawatt.web.static").joinpath("docs.html").read_bytes()

    @app.get("/", include_in_schema=False)
    async def page():
        return Response(index, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    async def api_docs():
        """The API's documentation, drawn from /openapi.json by docs.js (offline, no inline script)."""
        return Response(docs, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon():
        return Response(status_code=204)

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str):
        if name not in files:  # a fixed list: the name is looked up, never used as a path
            return JSONResponse({"detail": f"no static file {name!r}"}, status_code=404)
        data, media = files[name]
        return Response(data, media_type=media, headers={"Cache-Control": "public, max-age=3600"})

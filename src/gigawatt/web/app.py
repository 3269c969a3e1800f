"""The app: the JSON API (FastAPI, OpenAPI at ``/openapi.json``, read as a page at ``/docs``) and the one page that
uses it.

Every answer is built by the code the command line uses for the same output (``run --json``, ``compare --json``,
``risk --json``, ``estimate --json``, ``validate --json``, ``claims --json``, ``claims extract --json``,
``scenarios --json``, ``show``), so the page and the terminal cannot disagree. A router per area:
:mod:`~gigawatt.web.scenarios`, :mod:`~gigawatt.web.runs` (run, compare, estimate, validate),
:mod:`~gigawatt.web.montecarlo` (risk, claims), :mod:`~gigawatt.web.extract` (claims extract). Bad input is a 422
(404 for an unknown scenario name) whose ``detail`` is the message the command line prints after ``error:``, with
``problems``: each problem and the field it names.

Safe by default: bodies over ``limits.WEB_MAX_BODY_BYTES`` get 413 before they are read; Monte Carlo work is capped
per request (``limits.WEB_RISK_MAX_TRIALS``, ``WEB_CLAIMS_MAX_TRIALS``) and runs in a worker thread, cancelled when its
client goes away (:mod:`gigawatt.web.jobs`); no path comes from a request (the static files are a fixed list); no
CORS headers; a Content-Security-Policy that allows only the app's own scripts (:mod:`gigawatt.web.guard`).
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

import gigawatt as gw
from gigawatt import limits
from gigawatt.web import extract, montecarlo, runs, scenarios
from gigawatt.web.answers import Cache
from gigawatt.web.guard import BodyLimit, SecurityHeaders
from gigawatt.web.inputs import RequestProblem
from gigawatt.web.jobs import Runner

STATIC = {  # the only files served: name -> (package, file, media type)
    "app.js": ("gigawatt.web.static", "app.js", "text/javascript; charset=utf-8"),
    "app.css": ("gigawatt.web.static", "app.css", "text/css; charset=utf-8"),
    "docs.js": ("gigawatt.web.static", "docs.js", "text/javascript; charset=utf-8"),
    "plotly.min.js": ("plotly", "package_data/plotly.min.js", "text/javascript; charset=utf-8"),
}


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
    for router in (scenarios.router, runs.router, montecarlo.router, extract.router):
        app.include_router(router)
    _health(app)
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


def _health(app: FastAPI) -> None:
    @app.get("/api/health", tags=["service"])
    async def health():
        """Whether the server answers, and its Monte Carlo worker's counters."""
        return {
            "status": "ok",
            "version": gw.__version__,
            "monte_carlo": app.state.runner.status(),
            "cache_hits": app.state.cache.hits,
        }


def _static_bytes() -> dict[str, tuple[bytes, str]]:
    out = {}
    for name, (package, file, media) in STATIC.items():
        out[name] = (resources.files(package).joinpath(file).read_bytes(), media)
    return out


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

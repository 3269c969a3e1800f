"""What every endpoint shares: JSON bytes as the command line writes them (NaN and infinity as null), the cache of
deterministic answers, the warnings of a scenario, and a command line error turned into the request's problem."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

import gigawatt as gw
from gigawatt import limits
from gigawatt.errors import GigawattError
from gigawatt.web import inputs
from gigawatt.web.inputs import problem_from

JSON = "application/json"
NDJSON = "application/x-ndjson"


def dumps(data) -> bytes:
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


def cache_of(request: Request) -> Cache:
    return request.app.state.cache


async def cached(request: Request, key: str, build: Callable[[], bytes]) -> Response:
    """The cached answer for ``key``, else ``build()`` in a worker thread (the event loop stays free)."""
    cache = cache_of(request)
    body = cache.get(key)
    if body is None:
        body = cache.put(key, await run_in_threadpool(build))
    return Response(body, media_type=JSON)


def warnings_of(s: gw.Scenario) -> list[str]:
    """The ``warning:`` lines the command line prints for ``s`` (they are listed under ``warnings`` in its JSON)."""
    from gigawatt.data.checks import run_checks

    return [*(getattr(s, "load_warnings", None) or ()), *run_checks(s)]


def problem_on(build: Callable[[], dict], field: str = "body", overrides: dict | None = None) -> Callable[[], bytes]:
    """``build`` as bytes; a GigawattError it raises becomes the request's problem, naming ``field``."""

    def run() -> bytes:
        try:
            return dumps(build())
        except GigawattError as exc:
            raise problem_from(exc, overrides, field) from None

    return run

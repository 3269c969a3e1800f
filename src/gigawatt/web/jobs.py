"""Monte Carlo work (risk, claims) off the event loop: one worker thread at a time (each run already uses every core
through the compiled loop), a bounded number waiting, and a cancel flag that the run checks after every chunk of
trials, so that a client that goes away stops its run within a chunk."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from gigawatt import limits


class Cancelled(Exception):
    """Raised inside a run whose client went away."""


@dataclass
class Job:
    """One run: ``work(progress)`` calls ``progress(done)`` as trials finish; :meth:`cancel` makes the next call
    raise :class:`Cancelled`."""

    work: Callable[[Callable[[int], None]], object]
    total: int
    done: int = 0
    cancelled: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int) -> None:
        self.done = done
        if self.cancelled.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self.cancelled.set()

    def run(self):
        if self.cancelled.is_set():  # its client left while it waited: never started
            raise Cancelled
        return self.work(self.progress)


class Busy(Exception):
    """Too many runs waiting (limits.WEB_MAX_WAITING)."""


class Runner:
    """The worker and its counters (``GET /api/health`` shows them)."""

    def __init__(self, workers: int = limits.WEB_WORKERS, max_waiting: int = limits.WEB_MAX_WAITING):
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="gigawatt-mc")
        self._lock = threading.Lock()
        self.workers, self.max_waiting = workers, max_waiting
        self.pending = 0  # submitted and not finished (running or waiting)
        self.counts = {"completed": 0, "cancelled": 0, "failed": 0, "refused": 0}

    def submit(self, job: Job) -> Future:
        with self._lock:
            if self.pending >= self.workers + self.max_waiting:
                self.counts["refused"] += 1
                raise Busy(
                    f"{self.pending - self.workers} Monte Carlo runs are already waiting; expected at most "
                    f"{self.max_waiting} (limits.WEB_MAX_WAITING); try again when one has finished"
                )
            self.pending += 1
        future = self._pool.submit(job.run)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, future: Future) -> None:
        exc = future.exception()
        kind = "completed" if exc is None else "cancelled" if isinstance(exc, Cancelled) else "failed"
        with self._lock:
            self.pending -= 1
            self.counts[kind] += 1

    def status(self) -> dict:
        with self._lock:
            running = min(self.pending, self.workers)
            return {"running": running, "waiting": self.pending - running, **self.counts}

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


async def wait_or_cancel(job: Job, future: Future, gone: Callable, tick: float = 0.2):
    """The job's result; every ``tick`` seconds ``await gone()`` asks whether the client left, and if so the job
    is cancelled and :class:`Cancelled` raised. The job is cancelled too if this coroutine is."""
    wrapped = asyncio.wrap_future(future)
    try:
        while True:
            done, _ = await asyncio.wait({wrapped}, timeout=tick)
            if done:
                return wrapped.result()
            if await gone():
                job.cancel()
                raise Cancelled
    finally:
        if not wrapped.done():
            job.cancel()

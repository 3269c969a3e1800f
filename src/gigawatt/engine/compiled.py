"""The month loop compiled with numba, for many trials on every core.

Nothing here restates the model: :mod:`gigawatt.engine.loop` and the step functions of :mod:`gigawatt.model` are
registered with numba (``register_jitable``: they stay plain Python functions, and numba compiles them where the
loop calls them), and ``loop.run_trials`` is compiled as it is, without the GIL, so threads run chunks of trials
in parallel.

The loop is compiled without numba's reference counting (``_nrt=False``): it allocates nothing (the state comes
from :func:`gigawatt.engine.loop.new_state`), and every array it touches is held by the caller for the whole call.
Counting references would cost more than the model itself: each step receives the plan and the state, dozens of
arrays, and numba would count each of them on every call.

The machine code is cached on disk (numba's cache, beside the sources or in ``NUMBA_CACHE_DIR``), so compiling
happens once per installation. numba checks only the compiled function's own file for changes; a stamp holding a
hash of every source the loop calls (and numba's version) makes a change to any of them recompile.
:func:`needs_compiling` tells, without importing numba, whether the next run will compile.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import itertools
import os
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from gigawatt.engine import loop, numba_cache
from gigawatt.engine.loop import Plan
from gigawatt.engine.work import threads
from gigawatt.model import construction, energy, funding, procurement

STEP_MODULES = (funding, construction, procurement, energy, loop)
STAMP_NAME = "gigawatt-engine.stamp"
# the month's steps are inlined into the loop (numba's IR inlining): a call that is not inlined passes both records,
# some 400 machine words, which costs more than most steps
INLINE = {
    "money_step", "close_step", "build_step", "order_step", "headroom_step", "fill_step", "refresh_step",
    "cut_by_caps", "charge_caps", "install_step", "record_step", "phase_totals",
}  # fmt: skip
_lock = threading.Lock()
_compiled = None
compile_seconds: float | None = None  # how long the first call took in this process when it compiled


@functools.cache
def source_hash() -> str:
    """sha256 over the sources the compiled loop is made of (and how it is compiled: this file), and numba's
    version."""
    return numba_cache.sources_hash([__file__, *(inspect.getfile(module) for module in STEP_MODULES)])


def _cache_dir(source: str | None = None) -> Path:
    """Where numba keeps the loop's machine code, found as numba's own locators find it (without importing numba):
    ``NUMBA_CACHE_DIR`` if set, else ``__pycache__`` beside the source where that can be written, else the
    user-wide cache (``$XDG_CACHE_HOME`` or ``~/.cache``, ``numba/<folder>_<sha1 of the folder path>``), where a
    read-only installation caches. The stamp lives there too, so a read-only installation compiles (and says so)
    once, not on every run."""
    user = os.environ.get("NUMBA_CACHE_DIR")
    if user:
        return Path(user)
    folder = Path(source or inspect.getfile(loop)).resolve().parent
    in_tree = folder / "__pycache__"
    if _writable(in_tree):
        return in_tree
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "numba"
    return base / f"{folder.name}_{hashlib.sha1(str(folder).encode()).hexdigest()}"


def _writable(folder: Path) -> bool:
    """Whether files can be made in ``folder`` (created if missing), tried as numba tries it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=folder).close()
    except OSError:
        return False
    return True


def cache_unwritable() -> Path | None:
    """The cache folder when numba cannot write there (so every process compiles the loop again), else None."""
    folder = _cache_dir()
    return None if _writable(folder) else folder


def _stamp() -> Path:
    return _cache_dir() / STAMP_NAME


def needs_compiling() -> bool:
    """Whether the next compiled run compiles the loop first (about 10-30 s, once per installation)."""
    if _compiled is not None:
        return False
    try:
        return _stamp().read_text().strip() != source_hash()
    except OSError:
        return True


def _forget_stale(dispatcher) -> None:
    """Remove the loop's cached machine code when its sources changed since it was written."""
    if not needs_compiling():
        return
    folder = numba_cache.cache_folder(dispatcher) or _cache_dir()
    for f in folder.glob("loop.run_trials-*"):
        with contextlib.suppress(OSError):
            f.unlink()


def _build():
    """Register the step functions with numba and compile-on-first-call the trials loop (once per process)."""
    global _compiled
    with _lock:
        if _compiled is None:
            import numba
            from numba.extending import register_jitable

            numba_cache.tolerate_damage()

            for module in STEP_MODULES:
                for name, fn in vars(module).items():
                    if inspect.isfunction(fn) and fn.__module__ == module.__name__ and name != "run_trials":
                        inline = "always" if module is loop and name in INLINE else "never"
                        register_jitable(_nrt=False, inline=inline)(fn)
            dispatcher = numba.njit(cache=True, nogil=True, _nrt=False)(loop.run_trials)
            _forget_stale(dispatcher)
            _compiled = dispatcher
    return _compiled


def submit(batch: Plan, out, by_type, start_month, summary, workers: int = 0) -> list:
    """Start every trial of ``batch`` with the compiled loop on ``workers`` threads (0: every core) and return
    at once with their futures; the outputs are complete when every future is. The first call in a process compiles
    the loop (or loads it from the cache) on the first trial before it returns."""
    global compile_seconds
    N = out.shape[0]
    first = 0
    fn = _build()
    # no signatures yet: this call compiles the loop or loads it from the cache (with NUMBA_DISABLE_JIT, fn is plain
    # Python); then the stamp records that the cache holds this source's machine code
    if not getattr(fn, "signatures", True):
        t0 = time.perf_counter()
        fn(batch, loop.new_state(batch), out, by_type, start_month, summary, 0, min(N, 1))
        compile_seconds = time.perf_counter() - t0
        numba_cache.write_stamp(_stamp(), source_hash())
        first = min(N, 1)
    workers = min(workers or threads(), max(1, (N - first) // 64))
    bounds = np.linspace(first, N, workers + 1).astype(int)
    scratch = by_type.shape[0] == 1 < N  # counts by type not wanted: each thread writes its own scratch row
    jobs = []
    for w, (a, b) in enumerate(itertools.pairwise(bounds)):
        counts = np.empty_like(by_type) if scratch and w else by_type
        state = loop.new_state(batch)
        jobs.append(_pool().submit(fn, batch, state, out, counts, start_month, summary, int(a), int(b)))
    return jobs


def run_trials(batch: Plan, out, by_type, start_month, summary, workers: int = 0):
    """Every trial of ``batch`` with the compiled loop, split over ``workers`` threads (0: every core).

    Same arguments and numbers as :func:`gigawatt.engine.loop.run_trials` over all trials.
    """
    for job in submit(batch, out, by_type, start_month, summary, workers):
        job.result()


@functools.cache
def _pool() -> ThreadPoolExecutor:
    """One pool of threads for the process (starting threads for every chunk would cost more than small chunks)."""
    return ThreadPoolExecutor(threads(), thread_name_prefix="gigawatt-engine")

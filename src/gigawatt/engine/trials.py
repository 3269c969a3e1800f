"""Run the month loop on a batch of trials: interpreted (one deterministic run: no compiling, no numba import) or
compiled (many trials: :mod:`gigawatt.engine.compiled`, on every core). Both run the same source."""

from __future__ import annotations

import numpy as np

from gigawatt.engine import loop
from gigawatt.engine.inputs import SERIES, Inputs


def run(
    inp: Inputs, compiled: bool = False, buffers: dict | None = None, by_type: bool = True
) -> dict[str, np.ndarray]:
    """Simulate every trial of ``inp``. Returns ``series`` (N, T, S) (each month's series side by side, in SERIES
    order), ``by_type`` (N, T, K) accelerators installed by type and ``start_month`` (N, P) (-1: never started).

    ``buffers``: a dict kept between calls; the outputs are written into the arrays it holds when their shapes fit
    (so a Monte Carlo run writes every chunk into the same memory) and the arrays returned are views of them.
    ``by_type=False``: the counts by type are not kept (one scratch row; see :func:`outputs`).
    """
    out = outputs(inp, buffers, by_type)
    if compiled:
        for job in start(inp, out):
            job.result()
    else:
        batch = inp.plan()
        arrays = (out["series"], out["by_type"], out["start_month"], out["summary"])
        loop.run_trials(batch, loop.new_state(batch), *arrays, 0, inp.trials)
    return out


def outputs(inp: Inputs, buffers: dict | None = None, by_type: bool = True) -> dict[str, np.ndarray]:
    """Arrays for the outputs of ``inp``'s trials (see :func:`run`), taken from ``buffers`` where they fit;
    ``by_type=False``: one scratch row of counts by type (the caller does not read them)."""
    N, T, P, K = inp.trials, len(inp.months), inp.power_mw.shape[1], len(inp.types)
    shapes = {
        "series": ((N, T, len(SERIES)), float),
        "by_type": ((N if by_type else 1, T, K), float),
        "start_month": ((N, P), np.int64),
        "summary": ((N, len(loop.SUMMARY)), float),
    }
    out = {}
    for name, (shape, dtype) in shapes.items():
        held = None if buffers is None else buffers.get(name)
        if held is None or held.shape[0] < N or held.shape[1:] != shape[1:]:
            held = np.empty(shape, dtype)  # every cell is written by the loop
            if buffers is not None:
                buffers[name] = held
        out[name] = held[:N]
    return out


def start(inp: Inputs, out: dict[str, np.ndarray]) -> list:
    """Start the compiled loop on every trial of ``inp``, writing into ``out`` (:func:`outputs`); returns the
    futures to wait for (so the caller can work on something else meanwhile)."""
    from gigawatt.engine.compiled import submit

    return submit(inp.plan(), out["series"], out["by_type"], out["start_month"], out["summary"])


def series_dict(run_out: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The series by name, (N, T) each, with ``_start_month`` (N, P) and ``_by_type`` (N, T, K)."""
    d = {name: run_out["series"][:, :, i] for i, name in enumerate(SERIES)}
    d["_start_month"] = run_out["start_month"]
    d["_by_type"] = run_out["by_type"]
    d["_summary"] = run_out["summary"]
    return d

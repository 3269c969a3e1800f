"""Run the month loop on a batch of trials: interpreted (one deterministic run: no compiling, no numba import) or
compiled (many trials: :mod:`gigawatt.engine.compiled`, on every core). Both run the same source."""

from __future__ import annotations

import numpy as np

from gigawatt.engine import loop
from gigawatt.engine.inputs import SERIES, Inputs


def run(inp: Inputs, compiled: bool = False) -> dict[str, np.ndarray]:
    """Simulate every trial of ``inp``. Returns ``series`` (N, S, T) in SERIES order, ``by_type`` (N, T, K)
    accelerators installed by type and ``start_month`` (N, P) (-1: never started)."""
    N, T, P, K = inp.trials, len(inp.months), inp.power_mw.shape[1], len(inp.types)
    batch = inp.plan()
    out = np.empty((N, len(SERIES), T))  # every cell is written by the loop
    by_type = np.empty((N, T, K))
    start_month = np.empty((N, P), np.int64)
    if compiled:
        from gigawatt.engine.compiled import run_trials

        run_trials(batch, out, by_type, start_month)
    else:
        loop.run_trials(batch, loop.new_state(batch), out, by_type, start_month, 0, N)
    return {"series": out, "by_type": by_type, "start_month": start_month}


def series_dict(run_out: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The series by name, (N, T) each, with ``_start_month`` (N, P) and ``_by_type`` (N, T, K)."""
    d = {name: run_out["series"][:, i, :] for i, name in enumerate(SERIES)}
    d["_start_month"] = run_out["start_month"]
    d["_by_type"] = run_out["by_type"]
    return d

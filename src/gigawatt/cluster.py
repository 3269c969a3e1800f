"""Monte Carlo beyond one process: groups of seed blocks run on a Dask cluster and their aggregates are merged.

Kept out of the model core (which never imports Dask). The draws of block ``b`` depend only on the seed and ``b``,
and aggregates merge in block order, so a cluster gives the same numbers as one process with the same seed.
"""

from __future__ import annotations

import math
import os
import re

from gigawatt.errors import GigawattError


def connect(spec: str):
    """A Dask client for ``local``, ``local:N`` (a local cluster of N worker processes) or a scheduler address."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask is a dependency; kept for installs without it
        raise GigawattError("--dask needs dask[distributed]: pip install 'dask[distributed]'") from None
    m = re.fullmatch(r"local(?::(\d+))?", spec.strip())
    if m:
        n = int(m.group(1)) if m.group(1) else (os.cpu_count() or 1)
        if n < 1:
            raise GigawattError(f"--dask {spec!r}: expected local:N with N >= 1 workers")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    if not re.fullmatch(r"(tcp|tls|ucx|inproc)://[^\s]+", spec.strip()):
        raise GigawattError(
            f"--dask {spec!r}: expected 'local', 'local:N' or a scheduler address like tcp://scheduler:8786"
        )
    try:
        return Client(spec.strip(), timeout="10s")
    except OSError as exc:
        raise GigawattError(f"--dask {spec!r}: cannot reach the scheduler ({exc})") from None


def run_on_cluster(client, scenario, seed: int, trials: int, n_blocks: int, chunk_trials: int, progress):
    """Run ``n_blocks`` blocks as tasks of a few blocks each and merge what comes back."""
    from dask.distributed import as_completed

    from gigawatt.montecarlo import BLOCK, run_blocks

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    per_task = max(1, min(max(1, chunk_trials // BLOCK) * 4, math.ceil(n_blocks / (4 * workers))))
    groups = [range(b, min(n_blocks, b + per_task)) for b in range(0, n_blocks, per_task)]
    futures = [client.submit(run_blocks, scenario, seed, trials, g, chunk_trials, pure=False) for g in groups]
    total = None
    try:
        for fut in as_completed(futures):
            acc = fut.result()
            progress(acc.trials)
            if total is None:
                total = acc
            else:
                total.merge(acc)
            fut.release()
    except BaseException:
        client.cancel(futures)
        raise
    return total

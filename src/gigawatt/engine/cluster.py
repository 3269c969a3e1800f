"""Monte Carlo beyond one process: groups of seed blocks run on a Dask cluster and their aggregates are merged.

Kept out of the model core (which never imports Dask). The draws of block ``b`` depend only on the seed and ``b``,
and aggregates merge in block order, so a cluster gives the same numbers as one process with the same seed.
"""

from __future__ import annotations

import functools
import math
import re

from gigawatt import limits
from gigawatt.engine.montecarlo import BLOCK, run_blocks
from gigawatt.engine.work import threads
from gigawatt.errors import EnvironmentFailure, GigawattError


def connect(spec: str):
    """A Dask client for ``local``, ``local:N`` (a local cluster of N worker processes) or a scheduler address."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask is a dependency; kept for installs without it
        raise GigawattError("--dask needs dask[distributed]: pip install 'dask[distributed]'") from None
    m = re.fullmatch(r"local(?::(\d+))?", spec.strip())
    if m:
        n = int(m.group(1)) if m.group(1) else threads()
        cores = threads()
        most = limits.DASK_LOCAL_WORKERS_PER_CORE * cores
        if n < 1 or n > most:
            raise GigawattError(
                f"--dask {spec!r}: expected local:N with N from 1 to {most} worker processes ({cores} cores here, "
                f"limits.DASK_LOCAL_WORKERS_PER_CORE per core: more processes than that run no faster and each "
                "takes memory)"
            )
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    address = spec.strip()
    if not re.fullmatch(r"(tcp|tls|ucx|inproc)://[^\s]+", address):
        raise GigawattError(
            f"--dask {spec!r}: expected 'local', 'local:N' or a scheduler address like tcp://scheduler:8786"
        )
    seconds = limits.DASK_CONNECT_SECONDS
    kind = probe(address, seconds)
    if kind != "Scheduler":
        raise GigawattError(
            f"--dask {spec!r}: the server there answered as a {kind}, not a Dask scheduler; "
            "expected the scheduler's address (port 8786 by default)"
        )
    try:
        return Client(address, timeout=f"{seconds}s")
    except (OSError, TimeoutError) as exc:
        raise ClusterUnreachable(f"--dask {spec!r}: cannot connect to the scheduler ({exc})") from None


class ClusterUnreachable(EnvironmentFailure):
    """The scheduler could not be reached or did not answer in time (the network's fault, not the user's): exit 1."""


def probe(address: str, seconds: float) -> str:
    """Connect to ``address``, complete Dask's handshake and ask who is there, all within ``seconds``; returns the
    server's type ("Scheduler", "Worker", "Nanny"). Anything else (a refused connection, a server that says nothing
    or speaks another protocol) raises :class:`ClusterUnreachable` naming the address and the time waited."""
    import asyncio
    import socket

    from distributed.comm import connect as comm_connect
    from distributed.comm.addressing import get_address_host_port

    async def ask():
        comm = await comm_connect(address, timeout=seconds)
        try:
            await comm.write({"op": "identity", "reply": True})
            answer = await comm.read()
        finally:
            comm.abort()
        return answer

    try:
        if address.startswith("tcp://"):  # a refused or unroutable connection fails here at once, not after retries
            socket.create_connection(get_address_host_port(address), timeout=seconds).close()
        answer = asyncio.run(asyncio.wait_for(ask(), timeout=seconds))
    except TimeoutError:
        raise ClusterUnreachable(
            f"--dask {address!r}: no answer from a Dask scheduler within {seconds:g} s "
            "(limits.DASK_CONNECT_SECONDS); is that the scheduler's address?"
        ) from None
    except MemoryError:  # another protocol's first bytes read as a frame length: a huge allocation refused
        raise ClusterUnreachable(
            f"--dask {address!r}: the server there speaks another protocol, not a Dask scheduler's"
        ) from None
    except (OSError, ValueError, TypeError, EOFError) as exc:
        raise ClusterUnreachable(f"--dask {address!r}: cannot reach a Dask scheduler ({exc})") from None
    except Exception as exc:  # a server speaking another protocol: distributed raises a variety of errors
        if type(exc).__module__.split(".")[0] not in ("distributed", "msgpack", "tornado"):
            raise
        raise ClusterUnreachable(f"--dask {address!r}: not a Dask scheduler ({type(exc).__name__}: {exc})") from None
    if not isinstance(answer, dict):
        return "server that does not speak Dask's protocol"
    return str(answer.get("type") or "server of unknown type")


def runner(client):
    """A ``run_on`` for :func:`gigawatt.engine.montecarlo.risk` that runs the blocks on ``client``'s workers."""
    return functools.partial(run_on_cluster, client)


def run_on_cluster(client, scenario, seed: int, trials: int, n_blocks: int, chunk_trials: int, progress):
    """Run ``n_blocks`` blocks as tasks of a few blocks each and merge what comes back."""
    from dask.distributed import as_completed

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

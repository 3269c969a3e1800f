"""The simulation of ``ops``: sized before it starts (``estimate_events``, refused beyond ``max_events``), run in
chunks of trials through the kernels (gigawatt.engine.operations.kernels), summarised in a stream (``streams``),
and with a CI target doubled until the goodput's half-width reaches it; ``simulate_capacity`` runs the cluster model
on its own."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from gigawatt.engine.operations.config import Capacity, OpsConfig, _Job
from gigawatt.engine.operations.kernels import Fleet, SimJob, _simulate, _simulate_cluster
from gigawatt.engine.operations.streams import _seeds, _Stream
from gigawatt.errors import GigawattError
from gigawatt.limits import OPS_CHUNK_TRIALS, OPS_EVENTS_PER_SECOND
from gigawatt.model.failures import DISTRIBUTIONS, interarrival, mean_draw_in_window


def _columns(out: np.ndarray, flops_per_useful_second: float | None, cluster: bool) -> tuple[list[str], np.ndarray]:
    """The summarised quantities of per-trial kernel rows (wall, useful, interruptions, lost, checkpoint, restart,
    then stopped-at-window for the plain job or waiting for the cluster)."""
    wall, useful = out[:, 0], out[:, 1]
    names = ["interruptions", "goodput", "wall_time_hours", "lost_work_hours", "checkpoint_hours", "restart_hours"]
    with np.errstate(divide="ignore", invalid="ignore"):
        goodput = np.where(wall > 0, useful / wall, 0.0)
    cols = [out[:, 2], goodput, wall, out[:, 3], out[:, 4], out[:, 5]]
    if flops_per_useful_second is not None:
        names.append("effective_flop")
        cols.append(useful * 3600.0 * flops_per_useful_second)
    names.append("waiting_for_servers_hours" if cluster else "stopped_at_window")
    cols.append(out[:, 6])
    return names, np.column_stack(cols)


def _run_streamed(run, trials: int, ci_target: float | None, max_trials: int, chunk: int):
    """``run(start, n)`` -> kernel rows of trials start .. start + n - 1, simulated ``chunk`` trials at a time and
    merged; with ``ci_target``, trials are doubled (continuing from those already run: trial i keeps its seed)
    until the goodput's 95 % half-width is <= target or ``max_trials`` is reached.

    Returns (stream, names, trials run, goodput half-width)."""
    stream = names = None
    done, target = 0, trials
    while True:
        while done < target:
            k = min(chunk, target - done)
            names, cols = run(done, k)
            if stream is None:
                stream = _Stream(cols.shape[1])
            stream.add(cols)
            done += k
        n, _, var = stream.moments()
        half = 1.96 * math.sqrt(var[1]) / math.sqrt(n) if n > 1 else math.inf  # column 1: goodput
        if ci_target is None or half <= ci_target or done >= max_trials:
            return stream, names, done, half
        target = min(2 * done, max_trials)


_TRIAL_EVENTS = 150  # a trial's fixed cost (seeding its generator, its row, the summaries: ~3 us) in events


def estimate_events(
    trials: int,
    window_hours: float,
    mtti_hours: float,
    interval_hours: float,
    checkpoint_write_hours: float,
    distribution: str = "exponential",
    shape: float | None = None,
    servers: int = 0,
    checkpoints_batched: bool = False,
) -> float:
    """Expected simulated events (draws of a failure, restarts, checkpoints, per-server draws) of ``trials`` trials
    of a job over ``window_hours``: the measure of work that ``ops`` compares with ``OPS_MAX_EVENTS``.

    Every draw of the time to the next interruption is consumed as wall time, so the draws in a window of W hours
    form a renewal process: about W / E[min(X, W)] of them (gigawatt.model.failures.mean_draw_in_window: W / M for
    exponential failures with W >> M; far more for a heavy-tailed Weibull or lognormal whose typical draw is tiny),
    each followed by a restart; plus W / (tau + delta) checkpoints; plus one draw per server for the cluster model;
    plus a trial's fixed cost (_TRIAL_EVENTS). inf where a draw consumes no time (the simulation would not end).
    ``checkpoints_batched``: the plain job over a window takes each run of checkpointed segments between two failures
    in one step (``_whole_segments``), so its checkpoints cost at most one step per draw.
    """
    kind = DISTRIBUTIONS.index(distribution)
    mean_min = mean_draw_in_window(kind, mtti_hours, float(shape or 1.0), window_hours)
    draws = window_hours / mean_min if mean_min > 0 else math.inf
    segment = interval_hours + checkpoint_write_hours
    checkpoints = window_hours / segment if segment > 0 else 0.0
    if checkpoints_batched:
        checkpoints = min(checkpoints, draws)
    return float(trials) * (_TRIAL_EVENTS + 2.0 * draws + checkpoints + servers)


class _Simulated(NamedTuple):
    """What the simulation adds to the result."""

    summaries: dict | None = None
    trials: int = 0
    ci_met: bool | None = None
    ci_half: float | None = None
    stop_reason: str | None = None
    quantile_trials: int | None = None


def _simulation(cfg: OpsConfig, job: _Job, wall: float) -> _Simulated:
    """Simulated trials (at least 100 with a CI target), sized first, streamed, and with ``ci_target`` doubled until
    the goodput's half-width reaches it or the limits stop it."""
    trials = 100 if cfg.ci_target is not None and cfg.trials < 1 else cfg.trials
    affordable = _affordable_trials(cfg, job, wall, trials)
    run = _cluster_runner(cfg, job) if cfg.capacity is not None else _job_runner(cfg, job)
    chunk = max(1, int(cfg.chunk_trials))
    stream, names, trials, ci_half = _run_streamed(run, trials, cfg.ci_target, max(trials, affordable), chunk)
    ci_met = stop_reason = None
    if cfg.ci_target is not None:
        ci_met = bool(ci_half <= cfg.ci_target)
        if not ci_met:
            stop_reason = (
                f"stopped at {trials:,} trials (--max-events {cfg.max_events:.2g} allows {affordable:,})"
                if affordable < cfg.max_trials
                else f"stopped at the trial limit of {cfg.max_trials:,}"
            ) + f" with a goodput half-width of {ci_half:.3g}, above the target {cfg.ci_target:g}"
    return _Simulated(
        summaries=stream.summaries(names),
        trials=trials,
        ci_met=ci_met,
        ci_half=ci_half if math.isfinite(ci_half) else None,  # one trial: no interval
        stop_reason=stop_reason,
        quantile_trials=stream.keep if trials > stream.keep else None,
    )


def _affordable_trials(cfg: OpsConfig, job: _Job, wall: float, trials: int) -> int:
    """The trials ``max_events`` allows (``trials`` without a CI target), refusing ``trials`` beyond it: the work is
    sized before it starts (a job to completion runs about its expected wall time, capped)."""
    servers = cfg.capacity.servers(max(job.accelerators, 1)) if cfg.capacity is not None else 0
    window = job.window
    sim_window = window if cfg.work_hours is None else min(window, wall if math.isfinite(wall) else window)
    batched = cfg.capacity is None and cfg.work_hours is None  # the plain job over a window (_whole_segments)
    per_trial = estimate_events(
        1, sim_window, job.mtti, job.interval, job.write, cfg.distribution, cfg.shape, servers, batched
    )
    max_events = cfg.max_events
    if not trials * per_trial <= max_events:  # also an infinite or NaN estimate (a shape of 1e-300)
        events = trials * per_trial
        lift = (
            f"lift the limit with --max-events {10 ** math.ceil(math.log10(events)):.0e}"
            if math.isfinite(events) and events < 1e300
            else "no limit can hold it: choose a less extreme --shape or --distribution"
        )
        raise GigawattError(
            f"ops: the simulation would take about {events:.2g} events ({trials:,} trials x "
            f"{per_trial:,.3g} failures, restarts and checkpoints each), beyond the limit of {max_events:.2g} "
            f"(about {max_events / OPS_EVENTS_PER_SECOND:,.0f} s here); use fewer --trials, a shorter --days or "
            f"--work, or {lift}"
        )
    return int(min(cfg.max_trials, max_events // per_trial)) if cfg.ci_target is not None else trials


def _job_runner(cfg: OpsConfig, job: _Job):
    """``run(start, n)``: summarised rows of trials start .. start + n - 1 of the plain job (``_simulate``)."""
    sim_job = SimJob(
        job.interval,
        job.write,
        job.restart,
        float(cfg.work_hours or 0.0),
        job.window,
        bool(cfg.lose_work),
        bool(cfg.failure_free_restart),
    )
    dist = interarrival(cfg.distribution, job.mtti, cfg.shape)

    def run(start, n):
        out = np.zeros((n, 7))
        _simulate(_seeds(cfg.seed, n, start), sim_job, dist, out)
        return _columns(out, job.peak_flops * cfg.mfu, cluster=False)

    return run


def _cluster_runner(cfg: OpsConfig, job: _Job):
    """``run(start, n)``: summarised rows of trials start .. start + n - 1 of the cluster model."""
    n_acc = max(job.accelerators, 1)

    def run(start, n):
        out = _cluster_runs(
            n_acc,
            job.mtti,
            cfg.capacity,
            job.interval,
            job.write,
            job.restart,
            job.window,
            n,
            cfg.seed,
            cfg.lose_work,
            start,
            cfg.failure_free_restart,
        )
        return _columns(out, job.peak_flops * cfg.mfu, cluster=True)

    return run


def _fleet(capacity: Capacity, servers: int, server_rate: float) -> Fleet:
    """The kernel's record of ``capacity`` (numbers typed as the kernel expects: one compiled signature)."""
    c = capacity
    return Fleet(
        int(servers),
        float(server_rate),
        int(c.warm_standbys),
        int(c.spares),
        float(c.spare_delay),
        bool(c.spares_return),
        float(c.host_selection),
        float(c.repair_auto),
        float(c.repair_manual),
        float(c.escalation),
        float(c.false_success),
        float(c.bad_fraction),
        float(c.bad_multiplier),
    )


def _cluster_runs(
    accelerators: int,
    mtti_hours: float,
    capacity: Capacity,
    interval_hours: float,
    checkpoint_write_hours: float,
    restart_hours: float,
    window_hours: float,
    trials: int,
    seed: int,
    lose_work: bool,
    start: int = 0,
    failure_free: bool = False,
) -> np.ndarray:
    """Kernel rows of trials ``start`` .. ``start + trials - 1`` (``failure_free``: no failure during a restart)."""
    capacity.check()
    servers = capacity.servers(accelerators)
    server_rate = 1.0 / (mtti_hours * servers)  # the job's calibrated rate, shared by its servers
    job = SimJob(
        float(interval_hours),
        float(checkpoint_write_hours),
        float(restart_hours),
        0.0,
        float(window_hours),
        bool(lose_work),
        bool(failure_free),
    )
    out = np.zeros((trials, 7))
    _simulate_cluster(_seeds(seed, trials, start), job, _fleet(capacity, servers, server_rate), out)
    return out


def simulate_capacity(
    accelerators: int,
    mtti_hours: float,
    capacity: Capacity,
    interval_hours: float,
    checkpoint_write_hours: float,
    restart_hours: float,
    window_hours: float,
    trials: int,
    seed: int = 0,
    lose_work: bool = True,
    failure_free: bool = False,
) -> dict:
    """The job with servers, standbys, spares and repairs (exponential failures); summaries as in ``ops``
    (simulated in chunks of OPS_CHUNK_TRIALS trials; ``failure_free``: no failure during a restart)."""

    def run(start, n):
        out = _cluster_runs(
            accelerators,
            mtti_hours,
            capacity,
            interval_hours,
            checkpoint_write_hours,
            restart_hours,
            window_hours,
            n,
            seed,
            lose_work,
            start,
            failure_free,
        )
        return _columns(out, None, cluster=True)

    stream, names, _, _ = _run_streamed(run, trials, None, trials, OPS_CHUNK_TRIALS)
    return {"servers": capacity.servers(accelerators), **stream.summaries(names)}

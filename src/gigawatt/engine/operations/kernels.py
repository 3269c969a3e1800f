"""The simulation's kernels: one trial of the plain job and of the cluster model, compiled with numba and run in
parallel over seeds (``_simulate``, ``_simulate_cluster``). They call the model's random steps (gigawatt.model.draws:
interruptions, restarts, segments, lost work; gigawatt.model.repair: repairs, standbys, spares, waits) and write one
row of hours per trial; the orchestration that seeds, chunks and summarises them is in ``simulation``."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit, prange

from gigawatt.engine import numba_cache
from gigawatt.model import draws, repair
from gigawatt.model.draws import (
    draw_bad_servers,
    draw_failed_is_bad,
    draw_interruption,
    draw_restart,
    failure_free_restart,
    interrupted_work_hours,
    segment_hours,
    server_failure_rates,
)
from gigawatt.model.repair import draw_repair_hours, draw_returns_bad, draw_standby_is_bad, wait_hours

# ------------------------------------------------------------------------------------------ the plain job


class SimJob(NamedTuple):
    """A job's timeline for the kernels (numba accepts it as is; durations in hours).

    interval, write: checkpoint interval tau and write time delta (both 0: continuous checkpointing); restart: R;
    work: the job's work, run to completion (0: run over the window); window: the window, or the longest window for
    a job to completion; lose_work: a failure loses the work since the last checkpoint (else only the restart is
    charged); failure_free: no failure strikes during a restart (``--failure-free-restart``).
    """

    interval: float
    write: float
    restart: float
    work: float
    window: float
    lose_work: bool
    failure_free: bool


@njit(cache=True)
def _whole_segments(need, next_fail, window_left):
    """How many whole segments of ``need`` hours (work and its checkpoint) fit both before the next failure and in
    the window (>= 1 where one does): a window's run of segments between failures is taken in one step, with the
    same sums (to rounding) as one segment at a time."""
    k = max(1.0, min(np.floor(next_fail / need), np.floor(window_left / need)))
    while k > 1.0 and (k * need > next_fail or k * need > window_left):  # rounding of the divisions
        k -= 1.0
    return k


@njit(cache=True)
def _job_trial(job, dist):
    """One trial of the plain job: wall hours, useful hours, interruptions, lost-work hours, checkpoint hours,
    restart hours, and 1.0 where the job stopped at the window before finishing its work (else 0.0).

    With work > 0 the job runs to completion, or until the window (the longest window) if that comes first; else
    it runs for the window. Nothing is counted beyond the window. Each segment of work (``segment_hours``) is
    followed by a checkpoint write unless the next interruption (``draw_interruption``) comes first; then the
    segment's work is lost (``interrupted_work_hours``) and the job restarts (``draw_restart``).
    """
    continuous = job.interval + job.write <= 0.0
    to_completion = job.work > 0.0
    stop = 1.0 if to_completion else 0.0
    t = done = fails = lost = ckpt = rest = stopped = 0.0
    next_fail = draw_interruption(dist)
    while True:
        if to_completion:
            left = job.work - done
            if left <= 1e-12:
                break
        else:
            left = job.window - t
        seg = segment_hours(job.interval, left, continuous, to_completion)
        if t >= job.window:
            stopped = stop
            break
        need = seg + job.write
        if t + need > job.window:
            need = job.window - t  # the window closes mid-segment: what is not checkpointed does not count
            if next_fail >= need:
                if continuous:
                    done += need
                t = job.window
                stopped = stop
                break
        if next_fail >= need:
            k = 1.0 if to_completion or continuous else _whole_segments(need, next_fail, job.window - t)
            t += k * need
            next_fail -= k * need
            done += k * seg
            ckpt += k * job.write
            continue
        # interrupted: the segment's work is lost (or kept, for simulators that charge only the restart, and
        # always with continuous checkpointing)
        t += next_fail
        fails += 1.0
        if job.lose_work and not continuous:
            lost += interrupted_work_hours(next_fail, seg)
        else:
            done += interrupted_work_hours(next_fail, seg)
        if job.failure_free:
            t, rest, more, next_fail, closed = failure_free_restart(t, rest, job.window, job.restart, dist)
        else:
            t, rest, more, next_fail, closed = draw_restart(t, rest, job.window, job.restart, dist)
        fails += more
        if closed:
            stopped = stop
            break
    return t, done, fails, lost, ckpt, rest, stopped


@njit(cache=True, parallel=True)
def _simulate(seeds, job, dist, out):
    """Trials of the plain job (``_job_trial``), one per seed, in parallel: row n of ``out`` (n x 7) is trial n's
    wall, useful, interruptions, lost-work, checkpoint and restart hours, and stopped-at-window.

    ``job`` is a SimJob, ``dist`` an Interarrival (gigawatt.model.failures).
    """
    for n in prange(seeds.shape[0]):
        np.random.seed(seeds[n])
        row = _job_trial(job, dist)
        for j in range(7):
            out[n, j] = row[j]


# ------------------------------------------------------------------------------------------ the cluster model


class Fleet(NamedTuple):
    """The servers around a job, for the cluster kernel (numba accepts it as is): a Capacity with the job's servers
    and their average failure rate [1/h], durations in hours."""

    servers: int
    server_rate: float
    standbys: int
    spares: int
    spare_delay: float
    spares_return: bool
    host_selection: float
    repair_auto: float
    repair_manual: float
    escalation: float
    false_success: float
    bad_fraction: float
    bad_multiplier: float


# a trial's row (the kernels' output columns) and the cluster trial's server counts
_T, _DONE, _FAILS, _LOST, _CKPT, _REST, _WAIT = range(7)
_GOOD, _BAD, _STANDBY_GOOD, _STANDBY_BAD, _SPARES, _QUEUED, _SPARES_BAD, _SPARES_OUT = range(8)
_QUEUE_CAP = 1 << 16  # servers in repair that are tracked (beyond it, a failed server does not come back)


@njit(cache=True)
def _return_repaired(t, rq_t, rq_bad, st, spares_return):
    """Servers whose repair has finished by ``t`` go back to the spare pool while spares are out on loan (with
    ``spares_return``), else join the warm standbys (good or bad)."""
    i = 0
    while i < st[_QUEUED]:
        if rq_t[i] <= t:
            if spares_return and st[_SPARES_OUT] > 0:
                st[_SPARES_OUT] -= 1
                st[_SPARES_BAD if rq_bad[i] else _SPARES] += 1
            else:
                st[_STANDBY_BAD if rq_bad[i] else _STANDBY_GOOD] += 1
            _dequeue(i, rq_t, rq_bad, st)
        else:
            i += 1


@njit(cache=True)
def _dequeue(i, rq_t, rq_bad, st):
    """Remove entry ``i`` of the repair queue (the last one takes its place)."""
    st[_QUEUED] -= 1
    last = st[_QUEUED]
    rq_t[i] = rq_t[last]
    rq_bad[i] = rq_bad[last]


@njit(cache=True)
def _first_back(rq_t, queued):
    """Index of the server that comes back from repair first."""
    j = 0
    for q in range(1, queued):
        if rq_t[q] < rq_t[j]:
            j = q
    return j


@njit(cache=True)
def _restart_or_fail(row, restart, window, f):
    """Advance a restart of ``restart`` hours by the next failure ``f`` hours away: True where it fails first."""
    t = row[_T]
    if f >= restart:
        step = min(restart, window - t)
        row[_T] += step
        row[_REST] += step
        return False
    if t + f >= window:  # the window closes during the restart
        row[_REST] += window - t
        row[_T] = window
        return False
    row[_T] += f
    row[_REST] += f
    return True


@njit(cache=True)
def _work_or_fail(row, job, f):
    """Advance the work by one checkpointed segment (or to the window's end), unless the next failure ``f`` hours
    away comes first (True): then the segment's work is lost (``interrupted_work_hours``) or kept."""
    tau, delta, t = job.interval, job.write, row[_T]
    if tau + delta <= 0.0:  # continuous checkpointing: work kept up to the failure
        need = job.window - t
        if f >= need:
            row[_T] += need
            row[_DONE] += need
            return False
        row[_T] += f
        row[_DONE] += f
        return True
    need = min(tau + delta, job.window - t)
    if f >= need:
        row[_T] += need
        if need >= tau + delta:
            row[_DONE] += tau
            row[_CKPT] += delta
        return False
    row[_T] += f
    if job.lose_work:
        row[_LOST] += interrupted_work_hours(f, tau)
    else:
        row[_DONE] += interrupted_work_hours(f, tau)
    return True


@njit(cache=True)
def _send_to_repair(t, was_bad, fleet, st, rq_t, rq_bad):
    """The failed server leaves the job for a repair (``draw_repair_hours``); it may come back bad."""
    st[_BAD if was_bad else _GOOD] -= 1
    hours = draw_repair_hours(fleet.repair_auto, fleet.repair_manual, fleet.escalation)
    n = st[_QUEUED]
    if n < _QUEUE_CAP:
        rq_t[n] = t + hours
        rq_bad[n] = draw_returns_bad(fleet.false_success, was_bad)
        st[_QUEUED] = n + 1


@njit(cache=True)
def _replace_server(row, window, fleet, st, rq_t, rq_bad):
    """A replacement joins the job: a warm standby at once, else a spare after its delay (counted out on loan),
    else the first server back from repair; the waits end with the window (``wait_hours``)."""
    _return_repaired(row[_T], rq_t, rq_bad, st, fleet.spares_return)
    if st[_STANDBY_GOOD] + st[_STANDBY_BAD] > 0:
        bad = draw_standby_is_bad(st[_STANDBY_GOOD], st[_STANDBY_BAD])
        st[_STANDBY_BAD if bad else _STANDBY_GOOD] -= 1
        st[_BAD if bad else _GOOD] += 1
        return
    if st[_SPARES] + st[_SPARES_BAD] > 0:
        bad = st[_SPARES_BAD] > 0 and draw_standby_is_bad(st[_SPARES], st[_SPARES_BAD])
        st[_SPARES_BAD if bad else _SPARES] -= 1
        st[_BAD if bad else _GOOD] += 1
        st[_SPARES_OUT] += 1
        w = wait_hours(fleet.spare_delay, row[_T], window)
    else:
        j = _first_back(rq_t, st[_QUEUED])
        w = wait_hours(max(rq_t[j] - row[_T], 0.0), row[_T], window)
        st[_BAD if rq_bad[j] else _GOOD] += 1
        _dequeue(j, rq_t, rq_bad, st)
    row[_WAIT] += w
    row[_T] += w


@njit(cache=True)
def _cluster_trial(job, fleet, row):
    """One trial of the cluster model, accumulated into ``row`` (wall, useful, interruptions, lost work, checkpoint,
    restart, waiting-for-servers hours).

    One exponential draw gives the next failure among all working servers (rate: good and bad servers' rates
    summed, ``server_failure_rates``); a failed server goes to repair and is replaced (``_replace_server``).
    Failures may also strike during a restart, unless ``job.failure_free``. Every time component is counted within
    the window only.
    """
    row[:] = 0.0
    good_rate, bad_rate = server_failure_rates(fleet.server_rate, fleet.bad_fraction, fleet.bad_multiplier)
    st = np.zeros(8, np.int64)
    st[_BAD] = draw_bad_servers(fleet.servers, fleet.bad_fraction)
    st[_GOOD] = fleet.servers - st[_BAD]
    st[_STANDBY_GOOD] = fleet.standbys
    st[_SPARES] = fleet.spares
    rq_t = np.empty(_QUEUE_CAP)
    rq_bad = np.zeros(_QUEUE_CAP, np.bool_)
    recovering = False
    while row[_T] < job.window:
        _return_repaired(row[_T], rq_t, rq_bad, st, fleet.spares_return)
        total = st[_GOOD] * good_rate + st[_BAD] * bad_rate
        f = np.inf if recovering and job.failure_free else np.random.exponential(1.0 / total)
        if recovering:
            failed = _restart_or_fail(row, job.restart + fleet.host_selection, job.window, f)
        else:
            failed = _work_or_fail(row, job, f)
        if failed:  # a server failed: to repair, and a replacement found
            row[_FAILS] += 1.0
            was_bad = draw_failed_is_bad(total, st[_BAD], bad_rate)
            _send_to_repair(row[_T], was_bad, fleet, st, rq_t, rq_bad)
            _replace_server(row, job.window, fleet, st, rq_t, rq_bad)
        recovering = failed
    row[_T] = min(row[_T], job.window)


@njit(cache=True, parallel=True)
def _simulate_cluster(seeds, job, fleet, out):
    """Trials of the cluster model (``_cluster_trial``), one per seed, in parallel: row n of ``out`` (n x 7) is
    trial n's wall, useful, interruptions, lost work, checkpoint, restart and waiting-for-servers hours.

    ``job`` is a SimJob (work 0: over the window), ``fleet`` a Fleet; tau = delta = 0 is continuous checkpointing.
    """
    for n in prange(seeds.shape[0]):
        np.random.seed(seeds[n])
        _cluster_trial(job, fleet, out[n])


# numba checks only this file for changes to the kernels' cached machine code; they also compile the random steps of
# model/draws.py and model/repair.py, so a change there drops the cache too (gigawatt.engine.numba_cache)
numba_cache.forget_if_changed("kernels", [__file__, draws.__file__, repair.__file__], _simulate)

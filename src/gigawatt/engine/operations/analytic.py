"""The closed forms' orchestration: the checkpoint interval (given, Young's or Daly's), Daly's steady-state goodput
in log space with the job's restart and lost-work settings (gigawatt.model.checkpointing), no progress where a
restart or an interval is expected to outlast the longest window, and the figures left out where the closed form
cannot model a setting (``analytic_ignores``) or does not apply to the run (``analytic_not_applicable``: a run
shorter than one checkpoint interval), with a note where the window holds so few intervals that its end shows
(``steady_state_note``)."""

from __future__ import annotations

import math

from gigawatt.engine.operations.config import OpsConfig, _Job
from gigawatt.errors import GigawattError
from gigawatt.limits import OPS_MAX_DAYS
from gigawatt.model.checkpointing import daly_interval, log_goodput_with, log_restart_hours, young_interval


def _hours_log(log_h: float) -> str:
    """A duration given as its natural log in hours, for a message: hours, or a power of ten where it is huge."""
    if math.isinf(log_h):
        return "forever" if log_h > 0 else "0 h"
    return f"{math.exp(log_h):,.3g} h" if log_h < math.log(1e6) else f"about 10^{log_h / math.log(10):,.0f} h"


def _no_progress(
    log_seg: float, log_rest: float, restart: float, m: float, tau: float, free: bool = False
) -> str | None:
    """Why the job cannot progress, or None: in steady state the expected time to complete one restart
    (M (e^(R/M) - 1), or R where restarts cannot fail: ``free``) or to write one checkpointed interval
    (tau / goodput) is beyond the longest window."""
    limit = math.log(OPS_MAX_DAYS * 24.0)
    if log_rest > limit:
        why = "R: no failure strikes it" if free else "M (e^(R/M) - 1): failures keep striking before it ends"
        return (
            f"a restart of {restart:.4g} h with a job MTTI of {m:.4g} h is expected to take {_hours_log(log_rest)} "
            f"({why}), beyond the longest window ({OPS_MAX_DAYS:,} days)"
        )
    if log_seg > limit:
        return (
            f"one checkpoint interval of {tau:.4g} h with a job MTTI of {m:.4g} h is expected to take "
            f"{_hours_log(log_seg)} to complete (failures keep striking before it is written), beyond the longest "
            f"window ({OPS_MAX_DAYS:,} days)"
        )
    return None


def analytic_ignores(cfg: OpsConfig) -> list[str]:
    """The settings the simulation honours that the closed form cannot: with any of them the analytic goodput,
    interruptions, work and FLOP are omitted (None) rather than shown beside a simulation they do not describe.

    The closed form (``log_goodput_with``) honours the interval, write, restart (plus ``host_selection``), lost work
    or not, failures during restarts or not, and a capacity model whose replacements never wait (repairs that take
    no time) and whose servers all fail alike."""
    out = []
    if cfg.distribution != "exponential":
        out.append(f"--distribution {cfg.distribution}: the closed form is for exponential times between failures")
    c = cfg.capacity
    if c is not None and (c.repair_auto > 0 or (c.repair_manual > 0 and c.escalation > 0)):
        out.append(
            "repairs that take time (repair_auto, repair_manual with escalation): the waits for a standby, a spare "
            "or a server back from repair are a queue the closed form does not model"
        )
    if c is not None and c.bad_fraction > 0 and c.bad_multiplier > 1:
        out.append(
            "bad servers (bad_fraction, bad_multiplier, false_success): the mix of good and bad servers, and so the "
            "failure rate, changes as they fail and are repaired"
        )
    return out


_OMITTED = ("interruptions", "goodput", "work_done_hours", "effective_flop")

# the window's end moves the simulated goodput by up to tau / W (the work of the interval it cuts short is not
# counted): at or above this share, the output says so beside the steady state (1 %: a visible percentage point)
END_EFFECT_NOTE = 0.01


def _hours(h: float) -> str:
    return f"{h * 60:,.3g} min" if h < 1 else f"{h:,.4g} h"


def analytic_not_applicable(cfg: OpsConfig, job: _Job, no_progress: bool) -> list[tuple[str, tuple[str, ...]]]:
    """Where the closed form does not describe the run: (why, the figures it leaves out) for each reason.

    The closed form (Daly 2006, eq. 13; ``log_goodput_with``) is the long-run share of useful time over many
    checkpointed intervals. It does not apply to a run shorter than one interval: over a window of W < tau + delta
    no checkpoint is ever written, so no work is saved (the simulation counts only checkpointed work: goodput 0
    where a failure loses work), whatever the steady state says; a job whose work T_s < tau runs one segment of T_s
    and writes one checkpoint, where the closed form charges it T_s / tau of one. The interruptions in a window
    (W / M) still hold; so do the work and FLOP of a job that finishes. Continuous checkpointing (tau = delta = 0)
    has no interval; a job that cannot progress (``no_progress``) makes no progress in a short run either."""
    tau, delta = job.interval, job.write
    if tau + delta <= 0 or no_progress:
        return []
    out = []
    if cfg.work_hours is None and tau + delta > job.window:
        out.append(
            (
                f"the window ({_hours(job.window)}) is shorter than one checkpoint interval plus its write "
                f"({_hours(tau)} + {_hours(delta)}): no checkpoint is written within it, so none of its work is "
                "saved, while the closed form is the long-run share over many intervals",
                ("goodput", "work_done_hours", "effective_flop"),
            )
        )
    if cfg.work_hours is not None and cfg.work_hours < tau:
        out.append(
            (
                f"the job's work ({_hours(cfg.work_hours)}) is shorter than one checkpoint interval ({_hours(tau)}): "
                f"it runs as one segment and one checkpoint write, while the closed form charges it "
                f"{cfg.work_hours / tau:.2g} of a write and of an interval's failures",
                ("interruptions", "goodput", "wall_time_hours"),
            )
        )
    return out


def steady_state_note(cfg: OpsConfig, job: _Job, not_applicable: list) -> str | None:
    """A note where a window holds so few intervals that its end shows (tau / W >= END_EFFECT_NOTE): the simulation
    does not count the work of the interval the window cuts short, so its goodput can be below the steady state by
    up to about tau / W."""
    tau, delta, window = job.interval, job.write, job.window
    if cfg.work_hours is not None or not_applicable or tau + delta <= 0 or tau / window < END_EFFECT_NOTE:
        return None
    return (
        f"the window holds {window / (tau + delta):,.3g} checkpoint intervals: the analytic goodput is the long-run "
        f"share, and the simulation does not count the work of the interval the window cuts short, so its goodput "
        f"can be lower by up to about tau / W = {tau / window:.1%}"
    )


def _omitted(analytic: dict, ignores: list[str], cfg: OpsConfig, not_applicable: list = ()) -> dict:
    """The analytic figures, with those the ignored settings would change, and those the closed form does not give
    for this run (``analytic_not_applicable``), set to None."""
    out = dict(analytic)
    if ignores:
        out.update(dict.fromkeys(_OMITTED))
        if cfg.work_hours is not None:
            out["wall_time_hours"] = None
    for _, keys in not_applicable:
        out.update(dict.fromkeys(keys))
    return out


def _interval(cfg: OpsConfig, delta: float, m: float, window: float) -> tuple[float, str]:
    """The checkpoint interval tau [h] and the rule that gave it: given, or Young's or Daly's
    (gigawatt.model.checkpointing), capped at the window (a rule's interval longer than the window would write no
    checkpoint in it: one at the window's end instead)."""
    given = cfg.checkpoint_interval_hours
    if given is not None:
        if not (given > 0 and math.isfinite(given)):
            raise GigawattError(f"--checkpoint-interval: {given} h; expected a duration > 0")
        tau, rule = float(given), "given"
    elif cfg.interval_rule == "young":
        tau, rule = float(young_interval(delta, m)), "young"
    elif cfg.interval_rule == "daly":
        tau, rule = float(daly_interval(delta, m)), "daly"
    else:
        raise GigawattError(f"--interval-rule: {cfg.interval_rule!r}; expected young or daly")
    if rule != "given" and tau + delta > window and window > delta:
        tau, rule = window - delta, f"{rule} (capped at the window)"
    if delta == 0 and tau == 0:
        rule += " (zero write time: continuous checkpointing)"
    return tau, rule


def _analytic(cfg: OpsConfig, job: _Job) -> dict:
    """The analytic figures: Daly's steady state in log space (gigawatt.model.checkpointing), no progress where a
    restart or an interval is expected to outlast the longest window, and a job to completion's wall time."""
    m, tau, delta, window = job.mtti, job.interval, job.write, job.window
    restart = job.restart + (cfg.capacity.host_selection if cfg.capacity is not None else 0.0)
    free = bool(cfg.failure_free_restart)
    lg = float(log_goodput_with(tau, delta, restart, m, bool(cfg.lose_work), free))
    log_seg = math.log(tau) - lg if tau > 0 else -math.inf  # expected wall time to write one interval's work
    log_rest = (math.log(restart) if restart > 0 else -math.inf) if free else float(log_restart_hours(restart, m))
    reason = _no_progress(log_seg, log_rest, restart, m, tau, free)
    goodput = 0.0 if reason else math.exp(lg)
    stopped = False
    if cfg.work_hours is not None:
        wall = cfg.work_hours / goodput if goodput > 0 else math.inf
        if not wall <= window:  # the job cannot finish within the longest window: it stops there
            wall, stopped = window, True
    else:
        wall = window
    return {
        # failures strike at 1/M per hour, during restarts too; else once per run of M plus a restart of R
        "interruptions": wall / (m + restart) if free else wall / m,
        "goodput": goodput,
        "wall_time_hours": wall,
        "work_done_hours": goodput * wall,
        "effective_flop": goodput * wall * 3600.0 * job.peak_flops * cfg.mfu,
        "young_interval_minutes": float(young_interval(delta, m)) * 60.0,
        "daly_interval_minutes": float(daly_interval(delta, m)) * 60.0,
        "no_progress": reason is not None,
        "no_progress_reason": reason,
        "stopped_at_window": stopped,
    }

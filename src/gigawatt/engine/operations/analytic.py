"""The closed forms' orchestration: the checkpoint interval (given, Young's or Daly's), Daly's steady-state goodput
in log space with the job's restart and lost-work settings (gigawatt.model.checkpointing), no progress where a
restart or an interval is expected to outlast the longest window, and the figures left out where the closed form
cannot model a setting (``analytic_ignores``)."""

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


def _omitted(analytic: dict, ignores: list[str], cfg: OpsConfig) -> dict:
    """The analytic figures, with those the ignored settings would change set to None."""
    if not ignores:
        return analytic
    out = dict(analytic, **dict.fromkeys(_OMITTED))
    if cfg.work_hours is not None:
        out["wall_time_hours"] = None
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

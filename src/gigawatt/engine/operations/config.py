"""The job's configuration: the settings of ``ops`` (``OpsConfig``, with a ``Capacity`` model of servers, spares and
repairs), their defaults read from data/defaults.csv (``training_default``), their checks, and the job they resolve
to (``_Job``: the failure model's rates and MTTI; the interval is the closed forms', gigawatt.engine.operations.
analytic)."""

from __future__ import annotations

import dataclasses
import math
from typing import NamedTuple

import numpy as np

from gigawatt.data.catalog import defaults
from gigawatt.errors import GigawattError
from gigawatt.limits import (
    OPS_CHUNK_TRIALS,
    OPS_MAX_ACCELERATORS,
    OPS_MAX_DAYS,
    OPS_MAX_EVENTS,
    OPS_MIN_MTTI_HOURS,
)
from gigawatt.model.checkpointing import (
    LLAMA3_DAYS,
    LLAMA3_GPUS,
    LLAMA3_INTERRUPTIONS,
    job_mtti_hours,
    rates_per_accelerator_hour,
)
from gigawatt.model.failures import DISTRIBUTIONS

# ------------------------------------------------------------------------------------------ the settings


@dataclasses.dataclass(frozen=True)
class OpsConfig:
    """Settings of ``ops`` (durations in hours): one job on ``accelerators`` accelerators over ``days`` days, or
    until ``work_hours`` of work are done (stopping at the longest window, OPS_MAX_DAYS, if that comes first).

    accelerator: catalog name. checkpoint_write_hours, restart_hours: delta and R; None reads the scenario's
    defaults (data/defaults.csv training.checkpoint_write_minutes and training.restart_minutes, derived from
    Llama 3), and ``checkpoint_write_source`` / ``restart_source`` say where a given value came from.
    checkpoint_interval_hours: a given interval, else ``interval_rule`` ('daly' or 'young'). job_mtbf_hours
    replaces the calibrated job MTTI; accelerator_mtbf_hours replaces the per-accelerator rate (1 / MTBF);
    cause_multipliers scale the calibrated causes. lose_work: a failure loses the work since the last checkpoint.
    failure_free_restart: no failure strikes during a restart (off: hardware fails during restarts too, as in
    Daly's model, RL23). mfu: model FLOP utilization (None: defaults.csv training.mfu).

    trials > 0 adds a simulation (seeded by ``seed``) with 95 % confidence intervals; ``distribution`` 'weibull'
    (shape k) or 'lognormal' (shape sigma) draws the time between interruptions with the same mean instead of
    exponentially (the analytic figures stay exponential). ``ci_target`` (e.g. 0.001) keeps doubling the trials
    until the goodput's 95 % half-width is below it (at most ``max_trials``, and at most what ``max_events``
    allows). ``capacity`` switches the simulation to the cluster model (servers, standbys, spares, repairs). The
    simulation is sized first (``estimate_events``) and refused beyond ``max_events`` (flag --max-events); it runs
    ``chunk_trials`` trials at a time (the numbers do not depend on the chunk size).
    """

    accelerators: int
    accelerator: str = "h100"
    days: float = 54.0
    work_hours: float | None = None
    checkpoint_write_hours: float | None = None
    restart_hours: float | None = None
    checkpoint_interval_hours: float | None = None
    interval_rule: str = "daly"
    job_mtbf_hours: float | None = None
    accelerator_mtbf_hours: float | None = None
    lose_work: bool = True
    failure_free_restart: bool = False
    trials: int = 0
    seed: int = 0
    mfu: float | None = None
    distribution: str = "exponential"
    shape: float | None = None
    ci_target: float | None = None
    max_trials: int = 1_000_000
    capacity: Capacity | None = None
    cause_multipliers: dict[str, float] | None = None
    max_events: float = OPS_MAX_EVENTS
    chunk_trials: int = OPS_CHUNK_TRIALS
    checkpoint_write_source: str | None = None
    restart_source: str | None = None
    mfu_source: str | None = None


@dataclasses.dataclass
class Capacity:
    """Servers, standbys, spares and repairs around the job (all durations in hours).

    accelerators_per_server: a failed accelerator takes its whole server out.
    warm_standbys: idle servers swapped in at once; repaired servers join them.
    spares: servers that can be borrowed (preempted from other work) after ``spare_delay``.
    spares_return: a server back from repair goes back to the spare pool while spares are out on loan (the pool
        is refilled, as the work the spares were taken from gets a server back); False keeps the borrowed spare
        and makes the repaired server a warm standby (the pool only shrinks).
    host_selection: added to every restart (picking and wiring in a replacement host).
    repair_auto, repair_manual, escalation: a failed server is repaired automatically in ``repair_auto``; with
        probability ``escalation`` it then needs a manual repair of ``repair_manual`` more.
    false_success: probability that the repair of a bad server only seems to succeed: it comes back bad (a real
        repair fixes it; a good server always comes back good).
    bad_fraction, bad_multiplier: share of servers that fail ``bad_multiplier`` times as often; the calibrated
        average rate is kept, so good servers fail a little less than the average.
    """

    accelerators_per_server: int = 8
    warm_standbys: int = 0
    spares: int = 0
    spare_delay: float = 0.0
    spares_return: bool = True
    host_selection: float = 0.0
    repair_auto: float = 0.0
    repair_manual: float = 0.0
    escalation: float = 0.0
    false_success: float = 0.0
    bad_fraction: float = 0.0
    bad_multiplier: float = 1.0

    def servers(self, accelerators: int) -> int:
        """Servers a job of ``accelerators`` occupies (a failure takes its whole server out)."""
        return max(1, math.ceil(accelerators / self.accelerators_per_server))

    def check(self) -> None:
        for name in ("spare_delay", "host_selection", "repair_auto", "repair_manual"):
            v = getattr(self, name)
            if not (v >= 0 and math.isfinite(v)):
                raise GigawattError(f"capacity.{name}: {v} h; expected a duration >= 0")
        for name in ("escalation", "false_success", "bad_fraction"):
            v = getattr(self, name)
            if not 0 <= v <= 1:
                raise GigawattError(f"capacity.{name}: {v}; expected a probability between 0 and 1")
        for name in ("accelerators_per_server",):
            if not (isinstance(getattr(self, name), int | np.integer) and getattr(self, name) >= 1):
                raise GigawattError(f"capacity.{name}: {getattr(self, name)!r}; expected a whole number >= 1")
        for name in ("warm_standbys", "spares"):
            if not (isinstance(getattr(self, name), int | np.integer) and getattr(self, name) >= 0):
                raise GigawattError(f"capacity.{name}: {getattr(self, name)!r}; expected a whole number >= 0")
        if not self.bad_multiplier >= 1:
            raise GigawattError(f"capacity.bad_multiplier: {self.bad_multiplier}; expected >= 1")
        if not isinstance(self.spares_return, bool | np.bool_):
            raise GigawattError(f"capacity.spares_return: {self.spares_return!r}; expected true or false")


class _Job(NamedTuple):
    """The job ``ops`` resolved from its settings (durations in hours)."""

    accelerators: int
    mtti: float
    rates: dict  # by cause, per accelerator-hour
    interval: float
    rule: str
    write: float
    restart: float
    window: float  # the window, or the longest window for a job to completion
    peak_flops: float  # dense BF16 FLOP/s of the job's accelerators


# ------------------------------------------------------------------------------------------ defaults and checks

TRAINING_DEFAULTS = {
    "checkpoint_write_hours": ("training.checkpoint_write_minutes", 1 / 60),
    "restart_hours": ("training.restart_minutes", 1 / 60),
    "mfu": ("training.mfu", 1.0),
}


def training_default(field: str) -> tuple[float, str]:
    """A default of ``ops`` read from data/defaults.csv (the rows the scenario's ``training:`` block reads), in ops'
    units, and where it came from: the row, its facts ids and its derivation."""
    parameter, factor = TRAINING_DEFAULTS[field]
    d = defaults()[parameter]
    p = d.provenance
    facts = f"facts {p.facts_id.replace(';', ',')}; " if p.facts_id else ""
    return d.value * factor, f"default {parameter} = {d.value:g} {d.unit} ({facts}{p.status}: {p.derivation})"


def _with_defaults(cfg: OpsConfig) -> tuple[OpsConfig, dict]:
    """``cfg`` with its unset write time, restart time and MFU read from data/defaults.csv, and where each of the
    three came from (the defaults row, or what the caller said, or 'given')."""
    said = {
        "checkpoint_write_hours": cfg.checkpoint_write_source,
        "restart_hours": cfg.restart_source,
        "mfu": cfg.mfu_source,
    }
    values, sources = {}, {}
    for field in TRAINING_DEFAULTS:
        if getattr(cfg, field) is None:
            values[field], sources[field] = training_default(field)
        else:
            sources[field] = said[field] or "given"
    return dataclasses.replace(cfg, **values), sources


def _failure_model_text(cfg: OpsConfig, m: float) -> str:
    """The failure model used, in words (for the footnote and ``failure_model`` in the JSON)."""
    if cfg.job_mtbf_hours is not None:
        text = f"--job-mtbf: one job MTTI of {m:,.4g} h (the Llama 3 calibration only splits it by cause)"
    else:
        text = (
            f"Llama 3 405B, {LLAMA3_INTERRUPTIONS} unexpected interruptions in {LLAMA3_DAYS} days on "
            f"{LLAMA3_GPUS:,} H100 (RL01-RL06), scaled linearly with the number of accelerators"
        )
        if cfg.cause_multipliers:
            text += ", causes multiplied by " + ", ".join(f"{c} x{v:g}" for c, v in cfg.cause_multipliers.items())
        if cfg.accelerator_mtbf_hours is not None:
            text += f", rescaled to a per-accelerator MTBF of {cfg.accelerator_mtbf_hours:,.4g} h"
    if cfg.distribution != "exponential":
        text += f"; simulated times between interruptions: {cfg.distribution} (shape {cfg.shape:g}), same mean"
    return text


def _check_model(cfg: OpsConfig) -> None:
    """Refuse a distribution, shape, capacity model or CI target that cannot be modelled."""
    distribution, shape = cfg.distribution, cfg.shape
    if distribution not in DISTRIBUTIONS:
        raise GigawattError(f"--distribution: {distribution!r}; expected one of: {', '.join(DISTRIBUTIONS)}")
    if distribution != "exponential" and not (
        isinstance(shape, int | float) and not isinstance(shape, bool) and shape > 0 and math.isfinite(shape)
    ):
        raise GigawattError(
            f"--shape: {shape!r}; a {distribution} distribution needs a shape > 0 (Weibull k, lognormal sigma)"
        )
    if cfg.capacity is not None:
        cfg.capacity.check()
        if distribution != "exponential" or cfg.work_hours is not None:
            raise GigawattError(
                "ops: the capacity model (servers, spares, repairs) runs over a --days window with "
                "exponential failures; drop --work/--distribution or the capacity options"
            )
    if cfg.ci_target is not None and not 0 < cfg.ci_target < 1:
        raise GigawattError(f"--ci-target: {cfg.ci_target}; expected a goodput half-width between 0 and 1")


def _check_ranges(cfg: OpsConfig) -> None:
    """Refuse durations, counts and shares out of their ranges (gigawatt.limits)."""
    for name, value in (("checkpoint write", cfg.checkpoint_write_hours), ("restart", cfg.restart_hours)):
        if not (value >= 0 and math.isfinite(value)):
            raise GigawattError(f"--{name.replace(' ', '-')}: {value} h; expected a duration >= 0")
    accelerators = cfg.accelerators
    if cfg.job_mtbf_hours is None and (not isinstance(accelerators, int | np.integer) or accelerators < 1):
        raise GigawattError(f"--accelerators: {accelerators!r}; expected a whole number >= 1")
    if not isinstance(accelerators, int | np.integer) or not 0 <= accelerators <= OPS_MAX_ACCELERATORS:
        raise GigawattError(
            f"--accelerators: {accelerators!r}; expected a whole number up to {OPS_MAX_ACCELERATORS:.0e} "
            "(10^5 times the accelerators in service today)"
        )
    if not (cfg.days > 0 and cfg.days <= OPS_MAX_DAYS):
        raise GigawattError(f"--days: {cfg.days}; expected a number of days > 0 and <= {OPS_MAX_DAYS:,} (100 years)")
    work = cfg.work_hours
    if work is not None and not (work > 0 and work <= OPS_MAX_DAYS * 24.0):
        raise GigawattError(
            f"--work: {work} h; expected a duration > 0 and <= {OPS_MAX_DAYS:,} days (the longest window)"
        )
    if not 0 < cfg.mfu <= 1:
        raise GigawattError(f"--mfu: {cfg.mfu}; expected 0 < MFU <= 1")
    if not isinstance(cfg.trials, int | np.integer) or cfg.trials < 0:
        raise GigawattError(f"--trials: {cfg.trials!r}; expected a whole number >= 0")
    if not isinstance(cfg.seed, int | np.integer) or cfg.seed < 0:
        raise GigawattError(f"--seed: {cfg.seed!r}; expected a whole number >= 0")
    if not cfg.max_events > 0:
        raise GigawattError(f"--max-events: {cfg.max_events}; expected a number > 0")


def _failure_model(cfg: OpsConfig) -> tuple[dict, float, int]:
    """Rates by cause per accelerator-hour, the job MTTI M [h] and the accelerators: the Llama 3 calibration
    (gigawatt.model.failures) with the cause multipliers, rescaled to --accelerator-mtbf, or M set by --job-mtbf."""
    rates = rates_per_accelerator_hour()
    for cause, factor in (cfg.cause_multipliers or {}).items():
        if cause not in rates:
            raise GigawattError(f"cause_multipliers: unknown cause {cause!r}; expected one of: {', '.join(rates)}")
        if not (isinstance(factor, int | float) and factor >= 0 and math.isfinite(factor)):
            raise GigawattError(f"cause_multipliers.{cause}: {factor!r}; expected a number >= 0")
        rates[cause] *= factor
    if not sum(rates.values()) > 0:
        raise GigawattError(
            "cause_multipliers: every cause is multiplied by 0, which leaves no failures to model; "
            "expected at least one multiplier > 0"
        )
    if cfg.accelerator_mtbf_hours is not None:
        if not (cfg.accelerator_mtbf_hours > 0 and math.isfinite(cfg.accelerator_mtbf_hours)):
            raise GigawattError(f"--accelerator-mtbf: {cfg.accelerator_mtbf_hours} h; expected a finite duration > 0")
        scale = (1.0 / cfg.accelerator_mtbf_hours) / sum(rates.values())
        rates = {c: r * scale for c, r in rates.items()}
    if cfg.job_mtbf_hours is not None:
        if not (cfg.job_mtbf_hours > 0 and math.isfinite(cfg.job_mtbf_hours)):
            raise GigawattError(f"--job-mtbf: {cfg.job_mtbf_hours} h; expected a finite duration > 0")
        m = float(cfg.job_mtbf_hours)
        n_acc = int(cfg.accelerators) if cfg.accelerators else 0
        if n_acc:
            scale = (1.0 / (m * n_acc)) / sum(rates.values())
            rates = {c: r * scale for c, r in rates.items()}
    else:
        m = float(job_mtti_hours(float(cfg.accelerators), sum(rates.values())))
        n_acc = int(cfg.accelerators)
    if not (m >= OPS_MIN_MTTI_HOURS and math.isfinite(m)):
        raise GigawattError(
            f"ops: a job MTTI of {m:.3g} h (from --job-mtbf, --accelerator-mtbf or --accelerators); expected a "
            f"finite duration >= {OPS_MIN_MTTI_HOURS:g} h (3.6 microseconds)"
        )
    return rates, m, n_acc

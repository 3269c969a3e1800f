"""Operations at scale: failures, checkpointing and goodput of one training job (the orchestration).

The equations are in the model core: the failure rates calibrated on Llama 3 and the draws of the time to the
next interruption in gigawatt.model.failures (facts.csv RL01-RL03, RL06); the Young/Daly intervals, Daly's goodput
and wall time and the steps of a job's timeline (segments, lost work, restarts) in gigawatt.model.checkpointing
(RL22, RL23); repairs, standbys and spares in gigawatt.model.repair. A job on N accelerators is interrupted at N
times the summed rate per accelerator-hour, so its mean time to interruption is

    M = 1 / (N * sum_c lambda_c)                                                       [hours]

Checkpoint interval (Young 1974, RL22; Daly 2006, RL23), for checkpoint write time delta:

    tau_Young = sqrt(2 delta M)
    tau_Daly  = sqrt(2 delta M) [1 + (1/3) sqrt(delta / 2M) + (1/9) (delta / 2M)] - delta    (delta < 2M; else M)

Expected wall time of a job of T_s hours of work, with restart time R (Daly 2006, eq. 13; exact for exponential
failures that may strike during work, checkpoints and restarts alike):

    T_w = M exp(R / M) (exp((tau + delta) / M) - 1) T_s / tau,         goodput = T_s / T_w

computed in log space, so that it cannot overflow (gigawatt.model.checkpointing.log_goodput): a job whose
expected time to complete one restart or one checkpointed interval is beyond the longest window (OPS_MAX_DAYS) has
``no_progress`` (goodput 0, with the reason); a zero write time is continuous checkpointing (goodput exp(-R/M)).
The same renewal argument gives the goodput where a failure loses no work (``lose_work`` False) or cannot strike a
restart (``failure_free_restart``: M + R in place of M e^(R/M)), ``log_goodput_with``; settings it cannot model
(waits for servers, bad servers, non-exponential draws) are named in ``analytic_ignores`` and the figures they
would change are left out (None). The write time, restart time and MFU default to the scenario's training rows of
data/defaults.csv (``training_default``).

Here: ``ops`` (settings in an ``OpsConfig``) checks the settings, resolves the failure model and the interval,
gives the analytic figures, and runs the simulations. A simulation draws the same process trial by trial (numba
kernels ``_simulate`` and ``_simulate_cluster``, calling the model's steps), to completion of the job or over a
fixed window, as a check on the closed form and for the distribution of outcomes. Trials run in chunks
(OPS_CHUNK_TRIALS) whose summaries are merged, so memory is flat in the number of trials; a job to completion
stops at the longest window and says so (``stopped_at_window``); the work a run would take is estimated first and
refused beyond OPS_MAX_EVENTS (``estimate_events``; lifted by ``max_events``, flag --max-events).

The parts, one concept each (every name a caller used is importable from here, as before the split):

    config      the job's configuration: OpsConfig, Capacity, the defaults read from defaults.csv, their checks,
                the failure model and the resolved job (_Job)
    analytic    the closed forms' orchestration: the interval, Daly's goodput, no progress, what is left out
    kernels     the simulation's numba kernels: one trial of the plain job, one of the cluster model
    streams     trial seeds and the running summaries of per-trial rows
    simulation  sizing, chunking and summarising the trials; simulate_capacity
    result      the report: OpsResult and its JSON
    __init__    ``ops``, the entry point that runs them in that order
"""

from __future__ import annotations

from gigawatt.data.catalog import get_accelerator
from gigawatt.engine.operations.analytic import (
    _analytic,
    _interval,
    _omitted,
    analytic_ignores,
    analytic_not_applicable,
    steady_state_note,
)
from gigawatt.engine.operations.config import (
    TRAINING_DEFAULTS,  # noqa: F401  (re-exported)
    Capacity,  # noqa: F401  (re-exported)
    OpsConfig,
    _check_model,
    _check_ranges,
    _failure_model,
    _failure_model_text,
    _Job,
    _with_defaults,
    training_default,  # noqa: F401  (re-exported)
)
from gigawatt.engine.operations.kernels import (  # noqa: F401  (re-exported: the tests drive the kernels directly)
    Fleet,
    SimJob,
    _simulate,
    _simulate_cluster,
    _whole_segments,
)
from gigawatt.engine.operations.result import OpsResult
from gigawatt.engine.operations.simulation import (  # noqa: F401  (re-exported)
    _cluster_runs,
    _Simulated,
    _simulation,
    estimate_events,
    simulate_capacity,
)
from gigawatt.engine.operations.streams import _seeds, _Stream  # noqa: F401  (re-exported)
from gigawatt.limits import OPS_MAX_DAYS
from gigawatt.model.checkpointing import (  # noqa: F401  (re-exported: the closed forms live in the model core)
    LLAMA3_CAUSES,
    LLAMA3_DAYS,
    LLAMA3_GPUS,
    LLAMA3_INTERRUPTIONS,
    MEGASCALE_MFU,
    daly_interval,
    expected_wall_hours,
    job_mtti_hours,
    log_goodput,
    log_goodput_with,
    log_restart_hours,
    rates_per_accelerator_hour,
    steady_goodput,
    young_interval,
)


def ops(config: OpsConfig) -> OpsResult:
    """Failures, checkpointing and goodput of one job (settings: ``OpsConfig``).

    The analytic goodput is Daly's steady state, in log space: ``no_progress`` (goodput 0, with
    ``no_progress_reason``) where a restart or a checkpoint interval is expected to take longer than the longest
    window; with ``work_hours``, ``stopped_at_window`` where the expected wall time is beyond it. Where the closed
    form does not apply to the run (shorter than one checkpoint interval), the figures it would get wrong are None
    and ``analytic_not_applicable`` says why. With trials, the
    simulation adds means, 95 % confidence intervals and P10/P90; with ``ci_target``, ``ci_target_met`` and
    ``ci_half_width`` say how it ended.
    """
    cfg, sources = _with_defaults(config)
    _check_model(cfg)
    _check_ranges(cfg)
    acc = get_accelerator(cfg.accelerator, "--accelerator")
    rates, m, n_acc = _failure_model(cfg)
    window = cfg.days * 24.0 if cfg.work_hours is None else OPS_MAX_DAYS * 24.0  # to completion: the longest
    delta, restart = float(cfg.checkpoint_write_hours), float(cfg.restart_hours)
    tau, rule = _interval(cfg, delta, m, window)
    peak = (acc.bf16_dense_tflops or 0.0) * 1e12 * n_acc
    job = _Job(n_acc, m, rates, tau, rule, delta, restart, window, peak)
    analytic = _analytic(cfg, job)
    sim = _Simulated(trials=cfg.trials)
    if cfg.trials > 0 or cfg.ci_target is not None:
        sim = _simulation(cfg, job, analytic["wall_time_hours"])
    ignores = analytic_ignores(cfg)
    not_applicable = analytic_not_applicable(cfg, job, analytic["no_progress"])
    return OpsResult(
        accelerator=acc.name,
        accelerators=n_acc,
        mtti_hours=m,
        rate_by_cause=rates,
        checkpoint_interval_minutes=tau * 60.0,
        checkpoint_write_minutes=delta * 60.0,
        restart_minutes=restart * 60.0,
        interval_rule=rule,
        days=cfg.days,
        work_hours=cfg.work_hours,
        analytic=_omitted(analytic, ignores, cfg, not_applicable),
        simulated=sim.summaries,
        trials=sim.trials,
        seed=cfg.seed,
        mfu=cfg.mfu,
        distribution=cfg.distribution,
        shape=cfg.shape,
        ci_target=cfg.ci_target,
        ci_target_met=sim.ci_met,
        ci_half_width=sim.ci_half,
        ci_stop_reason=sim.stop_reason,
        quantile_trials=sim.quantile_trials,
        checkpoint_write_source=sources["checkpoint_write_hours"],
        restart_source=sources["restart_hours"],
        mfu_source=sources["mfu"],
        failure_model=_failure_model_text(cfg, m),
        lose_work=bool(cfg.lose_work),
        failure_free_restart=bool(cfg.failure_free_restart),
        analytic_ignores=ignores,
        analytic_not_applicable=[why for why, _ in not_applicable],
        steady_state_note=steady_state_note(cfg, job, not_applicable),
    )

"""Operations at scale: failures, checkpointing and goodput of one training job.

The failure model is calibrated on the Llama 3 405B pre-training snapshot: 419 unexpected interruptions in 54 days
on 16,384 H100 GPUs (facts.csv RL01-RL03), split by root cause as in the paper's Table 5 (RL06). Each cause gives a
rate per accelerator-hour; a job on N accelerators is interrupted at N times the sum (exponential failures,
independent accelerators), so its mean time to interruption is

    M = 1 / (N * sum_c lambda_c)                                                       [hours]

Checkpoint interval (Young 1974, RL22; Daly 2006, RL23), for checkpoint write time delta:

    tau_Young = sqrt(2 delta M)
    tau_Daly  = sqrt(2 delta M) [1 + (1/3) sqrt(delta / 2M) + (1/9) (delta / 2M)] - delta    (delta < 2M; else M)

Expected wall time of a job of T_s hours of work, with restart time R (Daly 2006, eq. 13; exact for exponential
failures that may strike during work, checkpoints and restarts alike):

    T_w = M exp(R / M) (exp((tau + delta) / M) - 1) T_s / tau,         goodput = T_s / T_w

A simulation draws the same process trial by trial (numba), to completion of the job or over a fixed window,
as a check on the closed form and for the distribution of outcomes.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from numba import njit, prange

from gigawatt.errors import GigawattError
from gigawatt.model.checkpointing import (  # noqa: F401  (re-exported: the closed forms live in the model core)
    LLAMA3_CAUSES,
    LLAMA3_DAYS,
    LLAMA3_GPUS,
    LLAMA3_INTERRUPTIONS,
    MEGASCALE_MFU,
    daly_interval,
    expected_wall_hours,
    job_mtti_hours,
    rates_per_accelerator_hour,
    work_hours_in_window,
    young_interval,
)
from gigawatt.sources import get_accelerator

DISTRIBUTIONS = ("exponential", "weibull", "lognormal")


@njit(cache=True)
def _draw(kind, mtti, shape, scale):
    """Time to the next interruption: exponential, or Weibull / lognormal with the same mean (mtti)."""
    if kind == 1:
        return scale * np.random.weibull(shape)
    if kind == 2:
        return np.random.lognormal(scale, shape)
    return np.random.exponential(mtti)


@njit(cache=True, parallel=True)
def _simulate(seeds, mtti, tau, delta, restart, work, window, lose_work, kind, shape, scale, out):
    """Per trial: wall hours, useful hours, interruptions, lost-work hours, checkpoint hours, restart hours.

    With work > 0 the job runs to completion; else it runs for ``window`` hours.
    """
    for n in prange(seeds.shape[0]):
        np.random.seed(seeds[n])
        t = 0.0
        done = 0.0
        fails = 0.0
        lost = 0.0
        ckpt = 0.0
        rest = 0.0
        next_fail = _draw(kind, mtti, shape, scale)
        while True:
            if work > 0.0:
                left = work - done
                if left <= 1e-12:
                    break
                seg = min(tau, left)
            else:
                if t >= window:
                    break
                seg = tau
            need = seg + delta
            if window > 0.0 and work <= 0.0 and t + need > window:
                need = window - t  # the window closes mid-segment: what is not checkpointed does not count
                if next_fail >= need:
                    t = window
                    break
            if next_fail >= need:
                t += need
                next_fail -= need
                done += seg
                ckpt += delta
                continue
            # interrupted: the segment's work is lost (or kept, for simulators that charge only the restart)
            t += next_fail
            fails += 1.0
            if lose_work:
                lost += min(next_fail, seg)
            else:
                done += min(next_fail, seg)
            # restart; a failure during the restart starts it again
            while True:
                f = _draw(kind, mtti, shape, scale)
                if f >= restart:
                    t += restart
                    rest += restart
                    next_fail = f - restart
                    break
                t += f
                rest += f
                fails += 1.0
            if window > 0.0 and work <= 0.0 and t >= window:
                t = window
                break
        out[n, 0] = t
        out[n, 1] = done
        out[n, 2] = fails
        out[n, 3] = lost
        out[n, 4] = ckpt
        out[n, 5] = rest


def _seeds(seed: int, trials: int) -> np.ndarray:
    """Trial i's seed is the i-th word of one SeedSequence, so adding trials keeps the earlier ones."""
    return np.random.SeedSequence(seed).generate_state(trials).astype(np.int64)


def _until_tight(run, trials: int, ci_target: float | None, max_trials: int):
    """``run(trials)`` -> per-trial rows (wall, useful, ...); doubled until the goodput's 95 % half-width <= target."""
    while True:
        out = run(trials)
        g = out[:, 1] / out[:, 0]
        half = 1.96 * float(np.std(g, ddof=1)) / math.sqrt(trials) if trials > 1 else math.inf
        if ci_target is None or half <= ci_target or trials >= max_trials:
            return out, trials
        trials = min(2 * trials, max_trials)


def _summaries(out: np.ndarray, flops_per_useful_second: float | None = None) -> dict:
    """Per-trial rows (wall, useful, interruptions, lost, checkpoint, restart[, waiting]) summarised."""
    wall, useful = out[:, 0], out[:, 1]
    s = {
        "interruptions": _summary(out[:, 2]),
        "goodput": _summary(useful / wall),
        "wall_time_hours": _summary(wall),
        "lost_work_hours": _summary(out[:, 3]),
        "checkpoint_hours": _summary(out[:, 4]),
        "restart_hours": _summary(out[:, 5]),
    }
    if flops_per_useful_second is not None:
        s["effective_flop"] = _summary(useful * 3600.0 * flops_per_useful_second)
    if out.shape[1] > 6:
        s["waiting_for_servers_hours"] = _summary(out[:, 6])
    return s


@dataclasses.dataclass
class OpsResult:
    accelerator: str
    accelerators: int
    mtti_hours: float
    rate_by_cause: dict
    checkpoint_interval_minutes: float
    checkpoint_write_minutes: float
    restart_minutes: float
    interval_rule: str
    days: float
    work_hours: float | None
    analytic: dict
    simulated: dict | None
    trials: int
    seed: int
    mfu: float
    distribution: str = "exponential"
    shape: float | None = None

    def as_json(self) -> dict:
        out = {
            "accelerator": self.accelerator,
            "accelerators": self.accelerators,
            "mtti_hours": self.mtti_hours,
            "checkpoint_interval_minutes": self.checkpoint_interval_minutes,
            "checkpoint_interval_rule": self.interval_rule,
            "checkpoint_write_minutes": self.checkpoint_write_minutes,
            "restart_minutes": self.restart_minutes,
            "days": self.days,
            "mfu": self.mfu,
            "interruptions_by_cause": {
                c: r * self.accelerators * self.days * 24.0 for c, r in self.rate_by_cause.items()
            },
            **self.analytic,
        }
        if self.simulated is not None:
            out["trials"] = self.trials
            out["seed"] = self.seed
            out["distribution"] = self.distribution
            if self.shape is not None:
                out["shape"] = self.shape
            out["simulated"] = self.simulated
            for k, v in self.simulated.items():
                if isinstance(v, dict):
                    out[f"{k}_ci95"] = v["ci95"]
        return out


def _summary(x: np.ndarray) -> dict:
    mean = float(np.mean(x))
    half = 1.96 * float(np.std(x, ddof=1)) / math.sqrt(len(x)) if len(x) > 1 else 0.0
    return {
        "mean": mean,
        "ci95": [mean - half, mean + half],
        "p10": float(np.quantile(x, 0.1)),
        "p90": float(np.quantile(x, 0.9)),
    }


def ops(
    accelerators: int,
    accelerator: str = "h100",
    days: float = 54.0,
    work_hours: float | None = None,
    checkpoint_write_hours: float = 5 / 60,
    restart_hours: float = 10 / 60,
    checkpoint_interval_hours: float | None = None,
    interval_rule: str = "daly",
    job_mtbf_hours: float | None = None,
    accelerator_mtbf_hours: float | None = None,
    lose_work: bool = True,
    trials: int = 0,
    seed: int = 0,
    mfu: float = MEGASCALE_MFU,
    distribution: str = "exponential",
    shape: float | None = None,
    ci_target: float | None = None,
    max_trials: int = 1_000_000,
    capacity: Capacity | None = None,
    cause_multipliers: dict[str, float] | None = None,
) -> OpsResult:
    """Failures, checkpointing and goodput of one job on ``accelerators`` accelerators over ``days`` days
    (or until ``work_hours`` of work are done).

    ``job_mtbf_hours`` replaces the calibrated job MTTI; ``accelerator_mtbf_hours`` replaces the per-accelerator
    rate (1 / MTBF). ``trials`` > 0 adds a simulation with 95 % confidence intervals; ``distribution`` 'weibull'
    (shape k) or 'lognormal' (shape sigma) draws the time between interruptions with the same mean instead of
    exponentially (the analytic figures stay exponential). ``ci_target`` (e.g. 0.001) keeps doubling the trials
    until the goodput's 95 % half-width is below it (at most ``max_trials``).
    """
    if distribution not in DISTRIBUTIONS:
        raise GigawattError(f"--distribution: {distribution!r}; expected one of: {', '.join(DISTRIBUTIONS)}")
    if distribution != "exponential" and not (shape is not None and shape > 0 and math.isfinite(shape)):
        raise GigawattError(
            f"--shape: {shape!r}; a {distribution} distribution needs a shape > 0 (Weibull k, lognormal sigma)"
        )
    if capacity is not None:
        capacity.check()
        if distribution != "exponential" or work_hours is not None:
            raise GigawattError(
                "ops: the capacity model (servers, spares, repairs) runs over a --days window with "
                "exponential failures; drop --work/--distribution or the capacity options"
            )
    if ci_target is not None and not 0 < ci_target < 1:
        raise GigawattError(f"--ci-target: {ci_target}; expected a goodput half-width between 0 and 1")
    for name, value in (("checkpoint write", checkpoint_write_hours), ("restart", restart_hours)):
        if not (value >= 0 and math.isfinite(value)):
            raise GigawattError(f"--{name.replace(' ', '-')}: {value} h; expected a duration >= 0")
    if job_mtbf_hours is None and (not isinstance(accelerators, int | np.integer) or accelerators < 1):
        raise GigawattError(f"--accelerators: {accelerators!r}; expected a whole number >= 1")
    if not (days > 0 and math.isfinite(days)):
        raise GigawattError(f"--days: {days}; expected a number of days > 0")
    if work_hours is not None and not work_hours > 0:
        raise GigawattError(f"--work: {work_hours} h; expected a duration > 0")
    if not 0 < mfu <= 1:
        raise GigawattError(f"--mfu: {mfu}; expected 0 < MFU <= 1")
    if trials < 0:
        raise GigawattError(f"--trials: {trials}; expected a whole number >= 0")
    acc = get_accelerator(accelerator, "--accelerator")
    rates = rates_per_accelerator_hour()
    for cause, factor in (cause_multipliers or {}).items():
        if cause not in rates:
            raise GigawattError(f"cause_multipliers: unknown cause {cause!r}; expected one of: {', '.join(rates)}")
        if not (isinstance(factor, int | float) and factor >= 0 and math.isfinite(factor)):
            raise GigawattError(f"cause_multipliers.{cause}: {factor!r}; expected a number >= 0")
        rates[cause] *= factor
    if accelerator_mtbf_hours is not None:
        if not accelerator_mtbf_hours > 0:
            raise GigawattError(f"--accelerator-mtbf: {accelerator_mtbf_hours} h; expected a duration > 0")
        total = 1.0 / accelerator_mtbf_hours
        scale = total / sum(rates.values())
        rates = {c: r * scale for c, r in rates.items()}
    if job_mtbf_hours is not None:
        if not job_mtbf_hours > 0:
            raise GigawattError(f"--job-mtbf: {job_mtbf_hours} h; expected a duration > 0")
        m = float(job_mtbf_hours)
        n_acc = int(accelerators) if accelerators else 0
        if n_acc:
            scale = (1.0 / (m * n_acc)) / sum(rates.values())
            rates = {c: r * scale for c, r in rates.items()}
    else:
        m = float(job_mtti_hours(accelerators, sum(rates.values())))
        n_acc = int(accelerators)
    delta, restart = float(checkpoint_write_hours), float(restart_hours)
    if checkpoint_interval_hours is not None:
        if not checkpoint_interval_hours > 0:
            raise GigawattError(f"--checkpoint-interval: {checkpoint_interval_hours} h; expected a duration > 0")
        tau, rule = float(checkpoint_interval_hours), "given"
    elif interval_rule == "young":
        tau, rule = float(young_interval(delta, m)), "young"
    elif interval_rule == "daly":
        tau, rule = float(daly_interval(delta, m)), "daly"
    else:
        raise GigawattError(f"--interval-rule: {interval_rule!r}; expected young or daly")
    window = days * 24.0
    if work_hours is not None:
        wall = float(expected_wall_hours(work_hours, tau, delta, restart, m))
        goodput = work_hours / wall
    else:
        wall = window
        goodput = float(work_hours_in_window(window, tau, delta, restart, m) / window)
    peak = (acc.bf16_dense_tflops or 0.0) * 1e12 * n_acc
    analytic = {
        "interruptions": wall / m,
        "goodput": goodput,
        "wall_time_hours": wall,
        "effective_flop": goodput * wall * 3600.0 * peak * mfu,
        "young_interval_minutes": float(young_interval(delta, m)) * 60.0,
        "daly_interval_minutes": float(daly_interval(delta, m)) * 60.0,
    }
    simulated = None
    if ci_target is not None and trials < 1:
        trials = 100
    if trials > 0:
        if capacity is not None:

            def run(n):
                return _cluster_runs(max(n_acc, 1), m, capacity, tau, delta, restart, window, n, seed, lose_work)
        else:
            kind = DISTRIBUTIONS.index(distribution)
            k = float(shape or 1.0)
            scale = m / math.gamma(1.0 + 1.0 / k) if kind == 1 else (math.log(m) - k * k / 2.0 if kind == 2 else m)

            def run(n):
                out = np.zeros((n, 6))
                _simulate(
                    _seeds(seed, n),
                    m,
                    tau,
                    delta,
                    restart,
                    float(work_hours or 0.0),
                    0.0 if work_hours else window,
                    bool(lose_work),
                    kind,
                    k,
                    scale,
                    out,
                )
                return out

        out, trials = _until_tight(run, trials, ci_target, max_trials)
        simulated = _summaries(out, peak * mfu)
    return OpsResult(
        accelerator=acc.name,
        accelerators=n_acc,
        mtti_hours=m,
        rate_by_cause=rates,
        checkpoint_interval_minutes=tau * 60.0,
        checkpoint_write_minutes=delta * 60.0,
        restart_minutes=restart * 60.0,
        interval_rule=rule,
        days=days,
        work_hours=work_hours,
        analytic=analytic,
        simulated=simulated,
        trials=trials,
        seed=seed,
        mfu=mfu,
        distribution=distribution,
        shape=shape,
    )


# ------------------------------------------------------------------------------------------ capacity and repair


@dataclasses.dataclass
class Capacity:
    """Servers, standbys, spares and repairs around the job (all durations in hours).

    accelerators_per_server: a failed accelerator takes its whole server out.
    warm_standbys: idle servers swapped in at once; repaired servers join them.
    spares: servers that can be borrowed (preempted from other work) after ``spare_delay``.
    host_selection: added to every restart (picking and wiring in a replacement host).
    repair_auto, repair_manual, escalation: a failed server is repaired automatically in ``repair_auto``; with
        probability ``escalation`` it then needs a manual repair of ``repair_manual`` more.
    false_success: probability that a repair only seems to succeed: the server comes back bad.
    bad_fraction, bad_multiplier: share of servers that fail ``bad_multiplier`` times as often; the calibrated
        average rate is kept, so good servers fail a little less than the average.
    """

    accelerators_per_server: int = 8
    warm_standbys: int = 0
    spares: int = 0
    spare_delay: float = 0.0
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


@njit(cache=True)
def _return_repaired(t, rq_t, rq_bad, rq_n, pools):
    """Servers whose repair has finished by ``t`` join the warm standbys (pools[0] good, pools[1] bad)."""
    i = 0
    while i < rq_n:
        if rq_t[i] <= t:
            pools[1 if rq_bad[i] else 0] += 1
            rq_n -= 1
            rq_t[i] = rq_t[rq_n]
            rq_bad[i] = rq_bad[rq_n]
        else:
            i += 1
    return rq_n


@njit(cache=True, parallel=True)
def _simulate_cluster(
    seeds,
    servers,
    server_rate,
    tau,
    delta,
    restart,
    window,
    lose_work,
    standbys,
    spares,
    spare_delay,
    host_sel,
    rep_auto,
    rep_manual,
    p_esc,
    p_false,
    bad_frac,
    bad_mult,
    out,
):
    """Per trial: wall, useful, interruptions, lost work, checkpoint, restart, waiting-for-servers hours.

    One exponential draw gives the next failure among all working servers (rate: good and bad servers' rates
    summed); a failed server goes to repair and is replaced by a warm standby, else a spare after its delay, else
    the first server to come back from repair. Failures may also strike during a restart.
    """
    cap = 1 << 16
    for n in prange(seeds.shape[0]):
        np.random.seed(seeds[n])
        good_rate = server_rate / (1.0 - bad_frac + bad_frac * bad_mult)
        bad_rate = good_rate * bad_mult
        w_bad = 0
        for _ in range(servers):
            if np.random.random() < bad_frac:
                w_bad += 1
        w_good = servers - w_bad
        pools = np.zeros(2, np.int64)  # warm standbys: good, bad
        pools[0] = standbys
        spare_left = spares
        rq_t = np.empty(cap)
        rq_bad = np.zeros(cap, np.bool_)
        rq_n = 0
        t = 0.0
        done = 0.0
        lost = 0.0
        ckpt = 0.0
        rest = 0.0
        wait = 0.0
        fails = 0.0
        recovering = False
        while t < window:
            rq_n = _return_repaired(t, rq_t, rq_bad, rq_n, pools)
            total = w_good * good_rate + w_bad * bad_rate
            f = np.random.exponential(1.0 / total)
            if recovering:
                r = restart + host_sel
                if f >= r:
                    step = min(r, window - t)
                    t += step
                    rest += step
                    recovering = False
                    continue
                t += f
                rest += f
            else:
                need = min(tau + delta, window - t)
                if f >= need:
                    t += need
                    if need >= tau + delta:
                        done += tau
                        ckpt += delta
                    continue
                t += f
                if lose_work:
                    lost += min(f, tau)
                else:
                    done += min(f, tau)
            # a server failed: to repair, and a replacement found
            fails += 1.0
            was_bad = np.random.random() * total < w_bad * bad_rate
            if was_bad:
                w_bad -= 1
            else:
                w_good -= 1
            dur = rep_auto
            if np.random.random() < p_esc:
                dur += rep_manual
            if rq_n < cap:
                rq_t[rq_n] = t + dur
                rq_bad[rq_n] = np.random.random() < p_false or (was_bad and bad_frac >= 1.0)
                rq_n += 1
            rq_n = _return_repaired(t, rq_t, rq_bad, rq_n, pools)
            if pools[0] + pools[1] > 0:
                pick_bad = np.random.random() * (pools[0] + pools[1]) < pools[1]
                pools[1 if pick_bad else 0] -= 1
                if pick_bad:
                    w_bad += 1
                else:
                    w_good += 1
            elif spare_left > 0:
                spare_left -= 1
                w_good += 1
                wait += spare_delay
                t += spare_delay
            else:
                j = 0
                for q in range(1, rq_n):
                    if rq_t[q] < rq_t[j]:
                        j = q
                w = max(rq_t[j] - t, 0.0)
                wait += w
                t += w
                if rq_bad[j]:
                    w_bad += 1
                else:
                    w_good += 1
                rq_n -= 1
                rq_t[j] = rq_t[rq_n]
                rq_bad[j] = rq_bad[rq_n]
            recovering = True
        out[n, 0] = min(t, window)
        out[n, 1] = done
        out[n, 2] = fails
        out[n, 3] = lost
        out[n, 4] = ckpt
        out[n, 5] = rest
        out[n, 6] = wait


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
) -> np.ndarray:
    capacity.check()
    servers = capacity.servers(accelerators)
    server_rate = 1.0 / (mtti_hours * servers)  # the job's calibrated rate, shared by its servers
    out = np.zeros((trials, 7))
    _simulate_cluster(
        _seeds(seed, trials),
        servers,
        server_rate,
        interval_hours,
        checkpoint_write_hours,
        restart_hours,
        window_hours,
        bool(lose_work),
        capacity.warm_standbys,
        capacity.spares,
        capacity.spare_delay,
        capacity.host_selection,
        capacity.repair_auto,
        capacity.repair_manual,
        capacity.escalation,
        capacity.false_success,
        capacity.bad_fraction,
        capacity.bad_multiplier,
        out,
    )
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
) -> dict:
    """The job with servers, standbys, spares and repairs (exponential failures); summaries as in ``ops``."""
    out = _cluster_runs(
        accelerators,
        mtti_hours,
        capacity,
        interval_hours,
        checkpoint_write_hours,
        restart_hours,
        window_hours,
        trials,
        seed,
        lose_work,
    )
    return {"servers": capacity.servers(accelerators), **_summaries(out)}

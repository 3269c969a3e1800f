"""The report of ``ops``: an ``OpsResult`` with the analytic and simulated figures, the settings used and where
each came from, and its JSON (``as_json``: the figures left out by the closed form are null and named)."""

from __future__ import annotations

import dataclasses

from gigawatt.engine.operations.analytic import _OMITTED


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
    ci_target: float | None = None
    ci_target_met: bool | None = None  # with ci_target: whether the goodput's 95 % half-width reached it
    ci_half_width: float | None = None  # the goodput's 95 % half-width reached (with trials)
    ci_stop_reason: str | None = None  # why the trials stopped short of ci_target
    quantile_trials: int | None = None  # P10/P90 from the first this many trials (when fewer than trials)
    checkpoint_write_source: str = ""  # where the write time came from: a defaults.csv row (facts ids) or the input
    restart_source: str = ""
    mfu_source: str = ""
    failure_model: str = ""  # the failure model used, in words
    lose_work: bool = True
    failure_free_restart: bool = False
    analytic_ignores: list = dataclasses.field(default_factory=list)  # settings the closed form cannot honour
    analytic_not_applicable: list = dataclasses.field(default_factory=list)  # why the closed form misses this run
    steady_state_note: str | None = None  # a window of few intervals: how far its end can move the goodput

    @property
    def no_progress(self) -> bool:
        return bool(self.analytic.get("no_progress"))

    @property
    def stopped_at_window(self) -> bool:
        """The job (to completion: --work) stopped at the window before finishing its work: analytically, or in
        some simulated trial."""
        sim = (self.simulated or {}).get("stopped_at_window")
        return bool(self.analytic.get("stopped_at_window")) or bool(sim and sim["mean"] > 0)

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
            "checkpoint_write_source": self.checkpoint_write_source,
            "restart_source": self.restart_source,
            "mfu_source": self.mfu_source,
            "failure_model": self.failure_model,
            "lose_work": self.lose_work,
            "failure_free_restart": self.failure_free_restart,
            "interruptions_by_cause": None
            if self.analytic["interruptions"] is None
            else {
                c: r / sum(self.rate_by_cause.values()) * self.analytic["interruptions"]
                for c, r in self.rate_by_cause.items()
            },
            **self.analytic,
            "analytic_ignores": list(self.analytic_ignores),
            "analytic_not_applicable": list(self.analytic_not_applicable),
            "steady_state_note": self.steady_state_note,
        }
        # the figures left out (null) because the closed form ignores a setting or does not apply to the run:
        # named, so that a null is never mistaken for a NaN
        out["analytic_omitted"] = [
            k for k in ("interruptions_by_cause", *_OMITTED, "wall_time_hours") if out[k] is None
        ]
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
            out["ci_half_width"] = self.ci_half_width
            if self.quantile_trials is not None:
                out["quantile_trials"] = self.quantile_trials
        if self.ci_target is not None:
            out["ci_target"] = self.ci_target
            out["ci_target_met"] = self.ci_target_met
            out["ci_stop_reason"] = self.ci_stop_reason
        return out

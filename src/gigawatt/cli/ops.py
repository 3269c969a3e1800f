"""``gigawatt ops``: failures, checkpointing and goodput of one training job (the command line side).

Registered on the main :data:`gigawatt.cli.core.app`; the model is in :mod:`gigawatt.engine.operations`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gigawatt.cli.core import ForceOpt, JsonOpt, _outputs, _print_json, _print_written, _say, app, console, plain, warn
from gigawatt.errors import GigawattError
from gigawatt.units import parse_quantity

OPS_KEYS = {
    # config key: (kind, default) -- durations in human units, read with units.parse_quantity; None for
    # checkpoint_write, restart and mfu: the scenario's defaults (data/defaults.csv training.*, read by the engine)
    "accelerators": ("int", None),
    "accelerator": ("str", "h100"),
    "days": ("days", "54 days"),
    "work": ("hours", None),
    "checkpoint_write": ("hours", None),
    "checkpoint_size": ("bytes", None),
    "storage_bandwidth": ("bytes_per_s", None),
    "restart": ("hours", None),
    "checkpoint_interval": ("interval", "daly"),
    "job_mtbf": ("hours", None),
    "accelerator_mtbf": ("hours", None),
    "lose_work": ("bool", True),
    "failure_free_restart": ("bool", False),
    "mfu": ("float", None),
    "trials": ("int", 0),
    "seed": ("int", 0),
    "distribution": ("str", "exponential"),
    "shape": ("float", None),
    "ci_target": ("float", None),
    "capacity": ("capacity", None),
    "cause_multipliers": ("map", None),
}
CAPACITY_KEYS = {
    "accelerators_per_server": "int",
    "warm_standbys": "int",
    "spares": "int",
    "spare_delay": "hours",
    "spares_return": "bool",
    "host_selection": "hours",
    "repair_auto": "hours",
    "repair_manual": "hours",
    "escalation": "float",
    "false_success": "float",
    "bad_fraction": "float",
    "bad_multiplier": "float",
}


def _ops_value(kind: str, value, where: str):
    if value is None:
        return None
    if kind in ("hours", "bytes", "bytes_per_s"):
        return parse_quantity(value, kind, where)
    if kind == "days":  # a plain number is days (54, 1e2, 1,000), a duration in any unit is converted
        return parse_quantity(value, "days", where)
    if kind == "interval":
        text = str(value).strip().lower()
        return text if text in ("daly", "young") else parse_quantity(value, "hours", where)
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise GigawattError(f"{where}: {value!r} is not a whole number")
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise GigawattError(f"{where}: {value!r} is not a number")
        return float(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise GigawattError(f"{where}: {value!r}; expected true or false")
        return value
    if kind == "str":
        return str(value)
    if kind == "map":
        if not isinstance(value, dict):
            raise GigawattError(f"{where}: expected a mapping of cause: multiplier")
        return value
    if kind == "capacity":
        if not isinstance(value, dict):
            raise GigawattError(f"{where}: expected a mapping with {', '.join(CAPACITY_KEYS)}")
        unknown = set(value) - set(CAPACITY_KEYS)
        if unknown:
            raise GigawattError(
                f"{where}: unknown field(s) {', '.join(sorted(unknown))}; expected one of: {', '.join(CAPACITY_KEYS)}"
            )
        return {k: _ops_value(CAPACITY_KEYS[k], v, f"{where}.{k}") for k, v in value.items()}
    raise AssertionError(kind)


def _read_ops_config(path: Path) -> dict:
    from gigawatt.data.reading import read_yaml_file

    data = read_yaml_file(path, what="--config")  # bounded, regular files only, UTF-8, no aliases, no duplicates
    if data is None:
        raise GigawattError(f"--config {path}: the file is empty")
    if not isinstance(data, dict):
        raise GigawattError(f"--config {path}: expected a mapping of ops settings")
    unknown = set(data) - set(OPS_KEYS)
    if unknown:
        raise GigawattError(
            f"--config {path}: unknown field(s) {', '.join(sorted(unknown))}; expected one of: {', '.join(OPS_KEYS)}"
        )
    return data


# the options of `gigawatt ops`, one alias each (the command's signature then takes one line per flag)
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="YAML file with any of the settings below (flags override it), plus capacity and cause_multipliers.",
    ),
]
AcceleratorsOpt = Annotated[int | None, typer.Option("--accelerators", "-n", help="Accelerators in the job.")]
AcceleratorOpt = Annotated[str | None, typer.Option("--accelerator", "-a", help="Catalog name (h100).")]
DaysOpt = Annotated[str | None, typer.Option("--days", help="Window, e.g. 54 or '100 days' (54).")]
WorkOpt = Annotated[
    str | None,
    typer.Option("--work", help="Run a job of this ideal length to completion instead of a window, e.g. '90 days'."),
]
CheckpointWriteOpt = Annotated[
    str | None,
    typer.Option(
        "--checkpoint-write",
        help="Write time (default: training.checkpoint_write_minutes of defaults.csv, Llama 3's 16,384 GPUs).",
    ),
]
CheckpointSizeOpt = Annotated[
    str | None, typer.Option("--checkpoint-size", help="e.g. '65 TB' (with --storage-bandwidth: the write time).")
]
StorageBandwidthOpt = Annotated[str | None, typer.Option("--storage-bandwidth", help="e.g. '2 TB/s'.")]
RestartOpt = Annotated[
    str | None, typer.Option("--restart", help="Restart time (default: training.restart_minutes of defaults.csv).")
]
CheckpointIntervalOpt = Annotated[
    str | None, typer.Option("--checkpoint-interval", help="daly (default), young or a duration, e.g. '30min'.")
]
JobMtbfOpt = Annotated[
    str | None,
    typer.Option(
        "--job-mtbf", help="Job mean time between interruptions, e.g. 24h (replaces the calibrated failure model)."
    ),
]
AcceleratorMtbfOpt = Annotated[str | None, typer.Option("--accelerator-mtbf", help="Per-accelerator MTBF.")]
NoLostWorkOpt = Annotated[
    bool, typer.Option("--no-lost-work", help="Charge only the restart, not the work since the last checkpoint.")
]
FailureFreeRestartOpt = Annotated[
    bool,
    typer.Option(
        "--failure-free-restart",
        help="No failure strikes during a restart (off: hardware fails during restarts too, as in Daly's model).",
    ),
]
MfuOpt = Annotated[
    float | None, typer.Option("--mfu", help="Model FLOP utilization (default: training.mfu of defaults.csv).")
]
TrialsOpt = Annotated[int | None, typer.Option("--trials", help="Simulated trials (0: analytic only).", min=0)]
SeedOpt = Annotated[int | None, typer.Option("--seed", min=0)]
DistributionOpt = Annotated[
    str | None,
    typer.Option(
        "--distribution",
        help="exponential (default), weibull or lognormal times between interruptions (same mean).",
    ),
]
ShapeOpt = Annotated[float | None, typer.Option("--shape", help="Weibull k or lognormal sigma.")]
CiTargetOpt = Annotated[
    float | None,
    typer.Option("--ci-target", help="Add trials until the goodput's 95 % half-width is below this, e.g. 0.001."),
]
AcceleratorsPerServerOpt = Annotated[
    int | None, typer.Option("--accelerators-per-server", help="A failure takes its whole server out (8).")
]
WarmStandbysOpt = Annotated[int | None, typer.Option("--warm-standbys", help="Idle servers swapped in at once.")]
SparesOpt = Annotated[int | None, typer.Option("--spares", help="Servers borrowed after --spare-delay.")]
SpareDelayOpt = Annotated[str | None, typer.Option("--spare-delay", help="Preemption delay for a spare.")]
SparesReturnOpt = Annotated[
    bool | None,
    typer.Option(
        "--spares-return/--no-spares-return",
        help="A repaired server refills the spare pool while spares are on loan (default), or becomes a standby.",
    ),
]
HostSelectionOpt = Annotated[str | None, typer.Option("--host-selection", help="Added to every restart.")]
RepairAutoOpt = Annotated[str | None, typer.Option("--repair-auto", help="Automatic repair time.")]
RepairManualOpt = Annotated[
    str | None, typer.Option("--repair-manual", help="Manual repair time, after an escalation.")
]
EscalationOpt = Annotated[float | None, typer.Option("--escalation", help="Probability a repair escalates to manual.")]
FalseSuccessOpt = Annotated[
    float | None,
    typer.Option(
        "--false-success",
        help="Probability a bad server's repair only seems to succeed: it stays bad (needs --bad-fraction).",
    ),
]
BadFractionOpt = Annotated[float | None, typer.Option("--bad-fraction", help="Share of servers that fail more often.")]
BadMultiplierOpt = Annotated[float | None, typer.Option("--bad-multiplier", help="How much more often.")]
MaxEventsOpt = Annotated[
    float | None,
    typer.Option(
        "--max-events",
        help="Simulate beyond the limit on failures, restarts and checkpoints drawn (limits.OPS_MAX_EVENTS).",
    ),
]
OutOpt = Annotated[
    str | None,
    typer.Option("--out", help="Folder for ops.json and the lost-time breakdown chart (needs --trials)."),
]

# the flags that set an OPS_KEYS setting (--no-lost-work sets lose_work); the capacity flags are CAPACITY_KEYS
FLAG_KEYS = tuple(
    k for k in OPS_KEYS if k not in ("lose_work", "failure_free_restart", "capacity", "cause_multipliers")
)


@app.command("ops")
def ops_cmd(
    config: ConfigOpt = None,
    accelerators: AcceleratorsOpt = None,
    accelerator: AcceleratorOpt = None,
    days: DaysOpt = None,
    work: WorkOpt = None,
    checkpoint_write: CheckpointWriteOpt = None,
    checkpoint_size: CheckpointSizeOpt = None,
    storage_bandwidth: StorageBandwidthOpt = None,
    restart: RestartOpt = None,
    checkpoint_interval: CheckpointIntervalOpt = None,
    job_mtbf: JobMtbfOpt = None,
    accelerator_mtbf: AcceleratorMtbfOpt = None,
    no_lost_work: NoLostWorkOpt = False,
    failure_free_restart: FailureFreeRestartOpt = False,
    mfu: MfuOpt = None,
    trials: TrialsOpt = None,
    seed: SeedOpt = None,
    distribution: DistributionOpt = None,
    shape: ShapeOpt = None,
    ci_target: CiTargetOpt = None,
    accelerators_per_server: AcceleratorsPerServerOpt = None,
    warm_standbys: WarmStandbysOpt = None,
    spares: SparesOpt = None,
    spare_delay: SpareDelayOpt = None,
    spares_return: SparesReturnOpt = None,
    host_selection: HostSelectionOpt = None,
    repair_auto: RepairAutoOpt = None,
    repair_manual: RepairManualOpt = None,
    escalation: EscalationOpt = None,
    false_success: FalseSuccessOpt = None,
    bad_fraction: BadFractionOpt = None,
    bad_multiplier: BadMultiplierOpt = None,
    max_events: MaxEventsOpt = None,
    out: OutOpt = None,
    force: ForceOpt = False,
    json_out: JsonOpt = False,
) -> None:
    """Failures, checkpointing and goodput of one training job (calibrated on Llama 3's 54-day snapshot)."""
    _ops(dict(locals()))  # every flag, by its parameter name


def _ops(args: dict) -> None:
    """``gigawatt ops`` with its flags (``args``: ops_cmd's parameters by name)."""
    config, out, force = args["config"], args["out"], args["force"]
    _outputs(out, force, OPS_FILES, [config])
    given = _read_ops_config(config) if config is not None else {}
    flags = {k: args[k] for k in FLAG_KEYS}
    flags["lose_work"] = False if args["no_lost_work"] else None
    flags["failure_free_restart"] = True if args["failure_free_restart"] else None
    capacity_flags = {k: args[k] for k in CAPACITY_KEYS}
    from gigawatt.engine.operations import ops

    settings, source = _settings(given, flags, str(config) if config is not None else "ops")
    ops_config = _ops_config(settings, source, _capacity(settings, capacity_flags), args["max_events"])
    if source["seed"] and not settings["trials"] and settings["ci_target"] is None:
        warn(f"{_named('seed', source)} has no effect without --trials (the analytic figures draw nothing)")
    result = ops(ops_config)
    payload = result.as_json()
    _warn_result(result, settings)
    written = _write_outputs(result, payload, out, force, config)
    if args["json_out"]:
        _print_json(payload)
        return
    _print_written(written, stderr=True)
    _ops_table(result, payload)


def _settings(given: dict, flags: dict, where: str) -> tuple[dict, dict]:
    """Every setting of OPS_KEYS, read in its units: a flag, else the --config file's value, else the default; and
    where each came from ('flag', 'config' or None), after the conflicts between them are resolved."""
    source = {k: "flag" if flags.get(k) is not None else "config" if k in given else None for k in OPS_KEYS}
    _resolve_conflicts(given, flags, source, where)
    settings = {}
    for key, (kind, dflt) in OPS_KEYS.items():
        raw = flags.get(key)
        label = f"--{key.replace('_', '-')}"
        if raw is None:
            raw, label = given.get(key, dflt), f"{where}: {key}" if key in given else label
        settings[key] = _ops_value(kind, raw, label)
    return settings, source


def _capacity(settings: dict, capacity_flags: dict):
    """The capacity model (the --config file's block, overridden by the flags), or None where nothing is given."""
    from gigawatt.engine.operations import Capacity

    cap = dict(settings["capacity"] or {})
    for key, value in capacity_flags.items():
        if value is not None:
            cap[key] = _ops_value(CAPACITY_KEYS[key], value, f"--{key.replace('_', '-')}")
    # settings that only qualify another one: said alone they change nothing (and make no capacity model)
    for key, needs in (("spares_return", "spares"), ("false_success", "bad_fraction")):
        if key in cap and not cap.get(needs):
            flag, other = (f"--{k.replace('_', '-')}" for k in (key, needs))
            warn(f"{flag} has no effect without {other} (nothing to {'return' if needs == 'spares' else 'stay bad'})")
            del cap[key]
    return Capacity(**cap) if cap else None


def _write_hours(settings: dict, source: dict) -> tuple[float | None, str | None]:
    """The checkpoint write time [h] and where it came from: given, or checkpoint size / storage bandwidth, or None
    (the engine reads the default row of defaults.csv)."""
    if (settings["checkpoint_size"] is None) != (settings["storage_bandwidth"] is None):
        raise GigawattError("ops: give --checkpoint-size and --storage-bandwidth together (or --checkpoint-write)")
    if settings["checkpoint_size"] is None:
        given = settings["checkpoint_write"]
        return given, None if given is None else _named("checkpoint_write", source)
    if settings["checkpoint_size"] <= 0 or settings["storage_bandwidth"] <= 0:
        raise GigawattError("ops: --checkpoint-size and --storage-bandwidth must be positive")
    size, bandwidth = settings["checkpoint_size"], settings["storage_bandwidth"]
    said = (
        f"{_named('checkpoint_size', source)} / {_named('storage_bandwidth', source)}: "
        f"{size:,.4g} B / {bandwidth:,.4g} B/s"
    )
    return size / bandwidth / 3600.0, said


def _ops_config(settings: dict, source: dict, capacity, max_events: float | None):
    """The settings as ``gigawatt.engine.operations.OpsConfig``: what ``ops`` runs."""
    from gigawatt.engine.operations import OpsConfig

    if settings["accelerators"] is None and settings["job_mtbf"] is None:
        raise GigawattError("ops: give --accelerators N (with the calibrated failure model) or --job-mtbf")
    write_h, write_source = _write_hours(settings, source)
    interval = settings["checkpoint_interval"]
    extra = {"max_events": max_events} if max_events is not None else {}
    return OpsConfig(
        settings["accelerators"] if settings["accelerators"] is not None else 0,
        accelerator=settings["accelerator"],
        days=settings["days"],
        work_hours=settings["work"],
        checkpoint_write_hours=write_h,
        restart_hours=settings["restart"],
        checkpoint_write_source=write_source,
        restart_source=None if settings["restart"] is None else _named("restart", source),
        mfu_source=None if settings["mfu"] is None else _named("mfu", source),
        checkpoint_interval_hours=None if isinstance(interval, str) else interval,
        interval_rule=interval if isinstance(interval, str) else "given",
        job_mtbf_hours=settings["job_mtbf"],
        accelerator_mtbf_hours=settings["accelerator_mtbf"],
        lose_work=settings["lose_work"],
        failure_free_restart=settings["failure_free_restart"],
        trials=settings["trials"],
        seed=settings["seed"],
        mfu=settings["mfu"],
        distribution=settings["distribution"].strip().lower(),
        shape=settings["shape"],
        ci_target=settings["ci_target"],
        capacity=capacity,
        cause_multipliers=settings["cause_multipliers"],
        **extra,
    )


def _write_outputs(result, payload: dict, out: str | None, force: bool, config: Path | None) -> list:
    """With --out: ops.json and the lost-time breakdown chart (which needs the simulation); the files written."""
    if out is None:
        return []
    from gigawatt.report import charts, output

    if not result.simulated:
        raise GigawattError("ops --out: the breakdown chart comes from the simulation; add --trials, e.g. 1000")
    outset = _outputs(out, force, OPS_FILES, [config])
    with outset:
        output.write_json(outset.folder / "ops.json", payload)
        charts.ops_breakdown_chart(result, outset.folder / "ops_breakdown.png")
    return outset.written


OPS_FILES = ("ops.json", "ops_breakdown.png")

# Settings that contradict each other: (one, other, why). Given at the same level (two flags, or both in the
# --config file) they are an error; a flag against a setting of the file wins, with a warning naming both.
CONFLICTS = (
    ("work", "days", "--work runs a job of that length to completion, --days sets a fixed window"),
    ("checkpoint_write", "checkpoint_size", "the write time is either given or checkpoint size / storage bandwidth"),
    ("checkpoint_write", "storage_bandwidth", "the write time is either given or checkpoint size / storage bandwidth"),
    ("job_mtbf", "accelerator_mtbf", "--job-mtbf replaces the failure model that --accelerator-mtbf rescales"),
)


def _named(key: str, source: dict, value=None) -> str:
    flag = f"--{key.replace('_', '-')}"
    shown = f" {plain(value)!r}" if value is not None else ""
    return f"{flag}{shown}" if source.get(key) == "flag" else f"{key}{shown} in the --config file"


def _resolve_conflicts(given: dict, flags: dict, source: dict, where: str) -> None:
    """Refuse settings that contradict each other, or warn and let the flag win over the file (dropping the file's
    setting from ``given``)."""

    def value(k):
        return flags[k] if source[k] == "flag" else given.get(k)

    for a, b, why in CONFLICTS:
        if not (source[a] and source[b]):
            continue
        if source[a] == source[b]:
            raise GigawattError(
                f"ops: {_named(a, source, value(a))} and {_named(b, source, value(b))} conflict ({why}); give one"
            )
        loser = b if source[a] == "flag" else a
        winner = a if loser == b else b
        warn(f"{_named(winner, source, value(winner))} overrides {_named(loser, source, value(loser))} ({why})")
        given.pop(loser)
        source[loser] = None
        if loser in ("checkpoint_size", "storage_bandwidth"):  # the pair goes together
            for k in ("checkpoint_size", "storage_bandwidth"):
                given.pop(k, None)
                source[k] = None
    dist = value("distribution") if source["distribution"] else "exponential"
    if source["shape"] and str(dist).strip().lower() == "exponential":
        said = (
            _named("distribution", source, dist) if source["distribution"] else "the default exponential distribution"
        )
        raise GigawattError(
            f"ops: {_named('shape', source, value('shape'))} has no effect with {said} (it has no shape); "
            "add --distribution weibull or lognormal, or drop the shape"
        )


def _warn_result(result, settings: dict) -> None:
    """Warnings about the answer: an unmet --ci-target, a job that cannot progress or stopped at the window."""
    target = settings["ci_target"]
    if target is not None and result.simulated and not result.ci_target_met:
        why = result.ci_stop_reason or "the event and trial limits allow no more"
        half = "unknown" if result.ci_half_width is None else f"{result.ci_half_width:.3g}"
        warn(
            f"--ci-target {target:g} not met: the goodput's 95 % half-width is {half} after {result.trials:,} trials; "
            f"{why}"
        )
    if getattr(result, "no_progress", False):
        reason = result.analytic.get("no_progress_reason") or "interruptions come faster than the job can progress"
        warn(f"the job makes no progress: {reason}")
    elif getattr(result, "stopped_at_window", False):
        warn("the job does not finish within the longest window (limits.OPS_MAX_DAYS); figures stop at the window")


def _shown(value, fmt: str) -> str:
    """An analytic figure, or '-' where it is omitted (the closed form ignores a setting: see the footnote)."""
    return "-" if value is None else fmt.format(value)


def _ops_table(result, payload: dict) -> None:
    table = Table(title=plain(f"ops: {result.accelerators:,} x {result.accelerator}"), title_justify="left")
    table.add_column("figure")
    table.add_column("analytic", justify="right")
    if result.simulated:
        table.add_column(f"simulated ({result.trials:,} trials): mean [95 % CI]", justify="right")
    rows = [
        ("mtti_hours", f"{result.mtti_hours:,.3g} h", None),
        (
            "checkpoint_interval_minutes",
            f"{result.checkpoint_interval_minutes:,.3g} min ({result.interval_rule})",
            None,
        ),
        ("interruptions", _shown(payload["interruptions"], "{:,.1f}"), "interruptions"),
        ("goodput", _shown(payload["goodput"], "{:.2%}"), "goodput"),
        ("wall_time_hours", _shown(payload["wall_time_hours"], "{:,.1f} h"), "wall_time_hours"),
        ("effective_flop", _shown(payload["effective_flop"], "{:.3g}"), "effective_flop"),
    ]
    if result.simulated and "waiting_for_servers_hours" in result.simulated:
        rows.append(("waiting_for_servers_hours", "-", "waiting_for_servers_hours"))
    for name, value, key in rows:
        cells = [name, value]
        if result.simulated:
            if key:
                s = result.simulated[key]
                fmt = "{:.2%}" if key == "goodput" else "{:,.4g}"
                cells.append(f"{fmt.format(s['mean'])} [{fmt.format(s['ci95'][0])}, {fmt.format(s['ci95'][1])}]")
            else:
                cells.append("")
        table.add_row(*cells)
    console.print(table)
    _say(_footnote(result, payload), style="dim")


def _footnote(result, payload: dict) -> str:
    """Under the table: the intervals, the failure model used, where the write and restart times came from, the
    restart model, and what the analytic column leaves out."""
    lines = [
        f"Young {payload['young_interval_minutes']:.1f} min, Daly {payload['daly_interval_minutes']:.1f} min; "
        f"failure model: {result.failure_model}",
        f"checkpoint write {result.checkpoint_write_minutes:.3g} min: {result.checkpoint_write_source}",
        f"restart {result.restart_minutes:.3g} min: {result.restart_source}",
        "failures during restarts: "
        + ("none (failure-free restarts)" if result.failure_free_restart else "yes, as in Daly's model (RL23)")
        + ("; --no-lost-work: a failure loses no work" if not result.lose_work else ""),
    ]
    if result.checkpoint_write_source.startswith("default training.checkpoint_write_minutes"):
        lines[1] += "; for another job size give --checkpoint-size and --storage-bandwidth (or --checkpoint-write)"
    for why in result.analytic_not_applicable:
        lines.append("analytic goodput omitted: the closed form does not apply: " + why)
    if result.steady_state_note:
        lines.append("note: " + result.steady_state_note)
    if result.analytic_ignores:
        lines.append("analytic goodput omitted: the closed form ignores " + "; ".join(result.analytic_ignores))
        if not result.simulated:
            lines.append("for goodput with these settings simulate them: add --trials, e.g. --trials 1000")
    return "\n".join(lines)

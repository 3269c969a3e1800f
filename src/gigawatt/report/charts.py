"""PNG charts of a simulation (matplotlib, headless). Kept out of the model core: only interfaces import it."""

from __future__ import annotations

from pathlib import Path

from gigawatt.engine.result import Result
from gigawatt.report.output import plain, write_atomic


def headless_pyplot():
    """matplotlib's pyplot, drawing to files (Agg). gigawatt only writes PNGs, so ``MPLBACKEND`` (set for other
    programs, or set wrong: matplotlib refuses to import with an unknown one) is not read here; it is put back after
    the import, for any program gigawatt starts."""
    import os

    backend = os.environ.pop("MPLBACKEND", None)
    try:
        import matplotlib
    finally:
        if backend is not None:
            os.environ["MPLBACKEND"] = backend
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _label(text) -> str:
    """User text (names, titles) as literal chart text: control characters removed, ``$`` not read as mathtext."""
    return plain(text).replace("$", r"\$")


def _footer(fig, result: Result) -> None:
    s = result.scenario
    fig.text(
        0.01,
        0.01,
        f"gigawatt simulation of scenario '{_label(s.name)}'. "
        f"Inputs and their sources: `gigawatt show {_label(s.name)}`.",
        fontsize=7,
        color="#555555",
    )


def _save(fig, path: Path) -> Path:
    def w(tmp):
        fig.savefig(tmp, dpi=120, format="png")

    write_atomic(path, w, suffix=".png")
    headless_pyplot().close(fig)
    return path


def buildout_chart(result: Result, path: Path) -> Path:
    """Facility power online, IT power installed (MW) and accelerators installed by type over time."""
    plt = headless_pyplot()
    ts = result.timeseries
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 7), sharex=True)
    ax1.plot(ts.index, ts["mw_online"], label="facility power online", lw=2)
    ax1.plot(ts.index, ts["it_mw_online"], label="IT power the halls can feed", lw=1.2, ls="--")
    ax1.plot(ts.index, ts["it_mw_installed"], label="IT power installed", lw=2)
    ax1.set_ylabel("MW")
    ax1.set_title(f"{_label(result.scenario.title or result.scenario.name)}: power")
    ax1.legend(loc="upper left", fontsize=8)
    ax1.grid(alpha=0.3)
    cols = [c for c in ts.columns if c.startswith("accelerators_")]
    if cols:
        ax2.stackplot(ts.index, [ts[c] / 1e3 for c in cols], labels=[c.removeprefix("accelerators_") for c in cols])
        ax2.legend(loc="upper left", fontsize=8)
    ax2.set_ylabel("accelerators installed (thousands)")
    ax2.set_title("accelerators by type")
    ax2.grid(alpha=0.3)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    _footer(fig, result)
    return _save(fig, path)


def money_chart(result: Result, path: Path) -> Path:
    """Cumulative capex against money pledged, secured and received (USD billions)."""
    plt = headless_pyplot()
    ts = result.timeseries
    fig, ax = plt.subplots(figsize=(9, 5))
    b = 1e9
    ax.plot(ts.index, ts["pledged_usd"] / b, label="pledged (due)", lw=1.5, ls=":")
    ax.plot(
        ts.index, (ts["equity_usd"] + ts["debt_capacity_usd"]) / b, label="received + debt capacity", lw=3, alpha=0.6
    )
    ax.plot(ts.index, ts["secured_usd"] / b, label="secured (due)", lw=1.5, ls="--")
    ax.plot(
        ts.index,
        (ts["spent_usd"] + ts["committed_usd"]) / b,
        label="spent + committed at financial close",
        lw=1.5,
        ls="-.",
    )
    ax.plot(ts.index, ts["spent_usd"] / b, label="spent by the programme", lw=2.5)
    ax.plot(
        ts.index,
        (ts["capex_facility_usd"] + ts["capex_it_usd"]) / b,
        label="capex incl. external facilities",
        lw=1.2,
        color="#777777",
    )
    ax.set_ylabel("USD billion (cumulative)")
    ax.set_title(f"{_label(result.scenario.title or result.scenario.name)}: capex vs money")
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    _footer(fig, result)
    return _save(fig, path)


def funding_gap_chart(result: Result, path: Path) -> Path:
    """Monthly funding gap: money due under the plan that could not be paid (USD billions)."""
    plt = headless_pyplot()
    ts = result.timeseries
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.fill_between(ts.index, ts["funding_gap_usd"] / 1e9, step="mid", alpha=0.6, color="#c0392b")
    ax.set_ylabel("USD billion")
    ax.set_title(
        f"{_label(result.scenario.title or result.scenario.name)}: funding gap "
        "(facility capex of phases waiting for money + accelerators not affordable + unpaid interest)",
        fontsize=9,
    )
    ax.grid(alpha=0.3)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    _footer(fig, result)
    return _save(fig, path)


def write_charts(result: Result, out: Path) -> list[Path]:
    """All charts of one result into folder ``out``."""
    return [
        buildout_chart(result, out / "buildout.png"),
        money_chart(result, out / "money.png"),
        funding_gap_chart(result, out / "funding_gap.png"),
    ]


FAN_TITLES = {
    "mw_online": ("facility power online", "MW", 1.0),
    "accelerators": ("accelerators installed", "thousands", 1e3),
    "h100e": ("H100-equivalents installed", "thousands", 1e3),
    "capex_usd": ("cumulative capex (facility + IT)", "USD billion", 1e9),
    "funding_gap_usd": ("funding gap", "USD billion", 1e9),
}


def fan_chart(result, name: str, path: Path) -> Path:
    """P10-P90 band, P50 and mean of one series over time, from a Monte Carlo run."""
    plt = headless_pyplot()
    title, unit, scale = FAN_TITLES[name]
    d = result.fan[name]
    x = result.months
    fig, ax = plt.subplots(figsize=(9, 4.5))
    ax.fill_between(x, d["p10"] / scale, d["p90"] / scale, alpha=0.3, label="P10-P90", step="mid")
    ax.plot(x, d["p50"] / scale, lw=2, label="P50")
    ax.plot(x, d["mean"] / scale, lw=1, ls="--", label="mean")
    ax.set_ylabel(unit)
    ax.set_title(f"{_label(result.scenario.name)}: {title} ({result.trials:,} trials, seed {result.seed})")
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    fig.text(
        0.01,
        0.01,
        f"gigawatt Monte Carlo. Uncertain inputs: {len(result.uncertain)}; "
        f"see `gigawatt show {_label(result.scenario.name)}`.",
        fontsize=7,
        color="#555555",
    )
    return _save(fig, path)


def write_fan_charts(result, out: Path) -> list[Path]:
    return [fan_chart(result, name, out / f"fan_{name}.png") for name in FAN_TITLES if name in result.fan]


def tornado_chart(result, path: Path) -> Path:
    """Horizontal bars: the metric with each input alone at its 10th and 90th percentile, around the base run."""
    plt = headless_pyplot()
    rows = sorted(result.indices, key=lambda r: abs(r["at_p90"] - r["at_p10"]))
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(rows) + 1.8))
    scale = 1e9 if result.metric.endswith("_usd") else 1.0
    for i, r in enumerate(rows):
        lo, hi = sorted((r["at_p10"] / scale, r["at_p90"] / scale))
        ax.barh(i, hi - lo, left=lo, color="#4c72b0", alpha=0.8)
    ax.axvline(result.base / scale, color="black", lw=1)
    ax.set_yticks(range(len(rows)), [_label(r["input"]) for r in rows], fontsize=8)
    ax.set_xlabel(result.metric + (" (USD billion)" if scale == 1e9 else ""))
    ax.set_title(
        f"{_label(result.scenario.name)}: {result.metric}, each input alone from its P10 to its P90", fontsize=10
    )
    ax.grid(alpha=0.3, axis="x")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.text(
        0.01,
        0.01,
        f"Line: every input at its central value. {result.method} indices in sensitivity.csv.",
        fontsize=7,
        color="#555555",
    )
    return _save(fig, path)


def ops_breakdown_chart(result, path: Path) -> Path:
    """Where the wall time of a job goes: useful work, checkpoints, lost work, restarts (simulated means)."""
    plt = headless_pyplot()
    sim = result.simulated
    wall = sim["wall_time_hours"]["mean"]
    useful = sim["goodput"]["mean"] * wall
    parts = {
        "useful work": useful,
        "checkpoint writes": sim["checkpoint_hours"]["mean"],
        "work lost since the last checkpoint": sim["lost_work_hours"]["mean"],
        "restarts (recovery)": sim["restart_hours"]["mean"],
    }
    if "waiting_for_servers_hours" in sim:
        parts["waiting for servers"] = sim["waiting_for_servers_hours"]["mean"]
    other = max(wall - sum(parts.values()), 0.0)
    if other > 1e-3 * wall:
        parts["other (interrupted checkpoint writes, window edge)"] = other
    fig, ax = plt.subplots(figsize=(9, 3.2))
    left = 0.0
    for label, hours in parts.items():
        ax.barh(0, hours / wall * 100, left=left, label=f"{label}: {hours / wall:.1%}")
        left += hours / wall * 100
    ax.set_xlim(0, 100)
    ax.set_yticks([])
    ax.set_xlabel("% of wall time")
    ax.set_title(
        f"{result.accelerators:,} x {_label(result.accelerator)}: job MTTI {result.mtti_hours * 60:,.1f} min, "
        f"checkpoint every {result.checkpoint_interval_minutes:,.1f} min ({result.trials:,} trials)",
        fontsize=10,
    )
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=2, fontsize=8)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    fig.text(
        0.01,
        0.01,
        "gigawatt ops; failure model calibrated on Llama 3 (facts.csv RL01-RL06).",
        fontsize=7,
        color="#555555",
    )
    return _save(fig, path)


def _short_number(value: float) -> str:
    """Axis labels that fit: 20k, 1.5M, 200."""
    for scale, suffix in ((1e6, "M"), (1e3, "k")):
        if value >= scale:
            return f"{value / scale:g}{suffix}"
    return f"{value:g}"


VALIDATION_PANELS = {
    "accelerators_from_power": ("accelerators from power", "accelerators", 1.0),
    "power_from_accelerators": ("power from accelerators", "MW", 1.0),
    "capex": ("capex", "USD billion", 1e9),
}


def validation_chart(rows: list[dict], path: Path) -> Path:
    """Reported vs modelled, log-log, one labelled point per site and quantity (a panel per quantity), y = x."""
    plt = headless_pyplot()
    from matplotlib import ticker

    panels = [q for q in VALIDATION_PANELS if any(r["quantity"] == q and r["modelled"] is not None for r in rows)]
    fig, axes = plt.subplots(1, max(len(panels), 1), figsize=(5.2 * max(len(panels), 1), 5.4), squeeze=False)
    for ax, quantity in zip(axes[0], panels, strict=False):
        title, unit, scale = VALIDATION_PANELS[quantity]
        done = [r for r in rows if r["quantity"] == quantity and r["modelled"] is not None]
        xs = [r["reported"] / scale for r in done]
        ys = [r["modelled"] / scale for r in done]
        low, high = min(xs + ys) / 1.6, max(xs + ys) * 1.6
        ax.plot([low, high], [low, high], color="black", lw=1, label="modelled = reported")
        for f, style in ((1.15, ":"), (1.35, "--")):
            ax.plot([low, high], [low * f, high * f], color="#888888", lw=0.8, ls=style)
            ax.plot([low, high], [low / f, high / f], color="#888888", lw=0.8, ls=style)
        ax.scatter(xs, ys, s=22, color="#4c72b0", zorder=3)
        placed: list[tuple[float, float, int]] = []
        for r, x, y in sorted(zip(done, xs, ys, strict=True), key=lambda t: (t[2], t[1])):
            # a point within 30 % of one already labelled is labelled on the left, a line above the last such label
            levels = [lv for px, py, lv in placed if 1 / 1.3 < x / px < 1.3 and 1 / 1.3 < y / py < 1.3]
            near = max(levels) + 1 if levels else 0
            placed.append((x, y, near))
            ax.annotate(
                f"{_label(r['id'])} ({r['error_pct']:+.0f}%)",
                (x, y),
                fontsize=6.5,
                xytext=(4, 2) if near == 0 else (-6, 8 * near - 6),
                ha="left" if near == 0 else "right",
                textcoords="offset points",
                arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "#999999"} if near else None,
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_locator(ticker.LogLocator(subs=(1.0, 2.0, 5.0)))
            axis.set_major_formatter(ticker.FuncFormatter(lambda v, _: _short_number(v)))
            axis.set_minor_formatter(ticker.NullFormatter())
        ax.set_xlim(low, high)
        ax.set_ylim(low, high)
        ax.set_xlabel(f"reported ({unit})")
        ax.set_ylabel(f"modelled ({unit})")
        ax.set_title(title, fontsize=10)
        ax.grid(alpha=0.3, which="both")
    missing = sorted({r["id"] for r in rows if r["modelled"] is None})
    fig.suptitle(
        "gigawatt validate: observed sites, reported vs modelled (dotted +/-15 %, dashed +/-35 %)", fontsize=11
    )
    fig.tight_layout(rect=(0, 0.05, 1, 0.96))
    fig.text(
        0.01,
        0.01,
        "Sources: gigawatt/data/observed_sites.csv and observed_capex.csv. Not modelled (no published power): "
        f"{_label(', '.join(missing)) or 'none'}.",
        fontsize=7,
        color="#555555",
    )
    return _save(fig, path)

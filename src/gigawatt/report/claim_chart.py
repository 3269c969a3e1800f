"""The chart of one claim's trajectory (PNG, matplotlib headless) and the way the claims reports write amounts."""

from __future__ import annotations

import io
import math
import re
import textwrap

from gigawatt.report.charts import headless_pyplot
from gigawatt.report.output import plain


def amount(value: float | None, unit: str | None) -> str:
    """A quantity as a reader writes it: ``$52B``, ``-$1.4T``, ``$9.87B``, ``1,200 MW``, ``500,000``, ``3.0 months``."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a"
    v = float(value)
    sign = "-" if v < 0 else ""
    if unit == "USD":
        for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
            if abs(v) >= scale:
                x = abs(v) / scale
                digits = f"{x:,.{2 if x < 10 else 1 if x < 100 else 0}f}"  # three significant digits
                return f"{sign}${digits.rstrip('0').rstrip('.') if '.' in digits else digits}{suffix}"
        return f"{sign}${abs(v):,.0f}"
    if unit == "months":
        return f"{v:,.1f} months"
    if unit == "fraction":
        return f"{v:.0%}"
    text = f"{v:,.0f}" if abs(v) >= 100 or v == int(v) else f"{v:,.3g}"
    return f"{text} {unit}" if unit and unit != "count" else text


def _axis_scale(unit: str | None, values: list[float]) -> tuple[float, str]:
    """(divisor, axis label): USD in billions, large counts in thousands or millions, the rest as they are."""
    top = max((abs(v) for v in values if math.isfinite(v)), default=0.0)
    if unit == "USD":
        return 1e9, "USD billion"
    if unit == "count" or not unit:
        return (1e6, "million") if top >= 1e6 else (1e3, "thousand") if top >= 1e4 else (1.0, "count")
    return 1.0, str(unit)


def _floats(series) -> list[float]:
    return [math.nan if v is None else float(v) for v in series or []]


def trajectory_png(claim_id: str, t: dict) -> bytes:
    """A PNG of one claim's trajectory: the deterministic path, the P10-P90 band, the claimed threshold (and its
    low/high band), a marker at ``by``."""
    import datetime as dt

    plt = headless_pyplot()
    x = [dt.date(int(m[:4]), int(m[5:7]), 1) for m in (str(m) for m in t.get("months") or [])]
    value = _floats(t.get("value"))
    limits = [v for v in (t.get("threshold"), t.get("low"), t.get("high")) if v is not None]
    scale, ylabel = _axis_scale(t.get("unit"), value + _floats(t.get("p90")) + _floats(limits))
    fig, ax = plt.subplots(figsize=(8, 3.6))
    if t.get("p10") and t.get("p90"):
        low, high = (_floats(t[k]) for k in ("p10", "p90"))
        ax.fill_between(x, [v / scale for v in low], [v / scale for v in high], alpha=0.3, label="P10-P90")
    ax.plot(x, [v / scale for v in value], lw=2, label="deterministic run")
    label = f"claimed: {t.get('comparator', '')} {amount(t.get('threshold'), t.get('unit'))}"
    if t.get("threshold") is not None:
        ax.axhline(t["threshold"] / scale, color="#c0392b", lw=1.2, ls="--", label=_chart_text(label))
    if t.get("low") is not None and t.get("high") is not None:
        ax.axhspan(t["low"] / scale, t["high"] / scale, color="#c0392b", alpha=0.08, label="claimed band")
    else:
        for bound in (t.get("low"), t.get("high")):
            if bound is not None:
                ax.axhline(bound / scale, color="#c0392b", lw=0.8, ls=":")
    by = str(t.get("by") or "")[:7]
    if re.fullmatch(r"\d{4}-\d{2}", by):
        at = dt.date(int(by[:4]), int(by[5:7]), 1)
        ax.axvline(at, color="black", lw=0.8, ls=":", label=f"by {by}")
        if at in x and math.isfinite(value[x.index(at)]):
            ax.plot([at], [value[x.index(at)] / scale], "o", color="black", ms=5)
    ax.set_ylabel(ylabel)
    title = f"{claim_id}: {t.get('label', '')} on {t.get('scenario', '')}"
    ax.set_title(_chart_text("\n".join(textwrap.wrap(title, 95))), fontsize=9)
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, dpi=100, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _chart_text(text) -> str:
    """User text as literal chart text: control characters removed, ``$`` not read as mathtext."""
    return plain(text).replace("$", r"\$")

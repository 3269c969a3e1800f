"""What a simulation returns: month-by-month series, yearly table, key metrics and per-phase dates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import TYPE_CHECKING

import numpy as np

from gigawatt.data.scenario import Scenario
from gigawatt.engine import trials
from gigawatt.engine.estimate import per_unit
from gigawatt.engine.inputs import SERIES, Inputs, compile_inputs
from gigawatt.engine.loop import SUMMARY
from gigawatt.units import add_months

if TYPE_CHECKING:  # pandas is imported where a DataFrame is built, so `import gigawatt` stays light
    import pandas as pd

METRICS = {
    # name: (unit, description)
    "mw_online_end": ("MW", "facility power online in the last month"),
    "it_mw_installed_end": ("MW", "IT power of accelerators installed in the last month"),
    "accelerators_end": ("count", "accelerators installed in the last month"),
    "h100e_end": ("H100-eq", "H100-equivalents installed in the last month (dense BF16)"),
    "peak_bf16_flops_end": ("FLOP/s", "installed dense BF16 peak in the last month"),
    "capex_total_usd": ("USD", "facility (programme and external) + IT capex over the horizon"),
    "capex_facility_usd": ("USD", "facility capex, programme-paid and external"),
    "capex_it_usd": ("USD", "accelerator capex (all-in)"),
    "spent_usd": ("USD", "programme spending: programme facility capex + IT + interest"),
    "pledged_usd": ("USD", "money pledged and due by the end"),
    "secured_usd": ("USD", "secured money due by the end"),
    "equity_received_usd": ("USD", "equity received by the end"),
    "debt_end_usd": ("USD", "debt outstanding at the end"),
    "interest_usd": ("USD", "interest paid"),
    "cash_end_usd": ("USD", "cash unspent at the end"),
    "funding_gap_max_usd": ("USD", "largest monthly funding gap (money due under the plan that could not be paid)"),
    "first_gw_date": ("month", "first month with >= 1,000 MW of facility power online (null if never)"),
    "energy_mwh_total": ("MWh", "facility energy over the horizon"),
    "energy_cost_usd_total": ("USD", "energy cost over the horizon"),
    "emissions_t_total": ("t CO2", "emissions over the horizon"),
    "opex_usd_total": ("USD", "operating cost over the horizon (energy + other opex)"),
    "largest_run_flop_end": (
        "FLOP",
        "largest training run one job can do in the last training.window_days "
        "(accelerators installed at the window's start; Llama 3 failure rates; Daly)",
    ),
    "largest_run_accelerators_end": (
        "count",
        "size of that job: where more accelerators stop paying for their extra interruptions",
    ),
    "phases_online_end": ("count", "phases online in the last month"),
    "phase_delay_months_total": ("months", "sum over phases of start delay behind plan (unstarted: to the end)"),
}

# What a journalist asks first (docs/model.md, "Cost per gigawatt"): the capex over the horizon per unit of what stands
# at its end, so that a reported "$50B per gigawatt" (facts.csv CX01) compares directly. A run reports them beside
# METRICS (null where the denominator is 0); risk and sensitivity do not (a trial with nothing online has none).
COST_RATIOS = {
    "capex_per_gw_it_usd": (
        "USD per GW",
        "capex_total_usd / (it_mw_installed_end / 1000): facility + IT capex over the horizon per GW of accelerators' "
        "all-in IT power installed in the last month",
    ),
    "capex_per_gw_facility_usd": (
        "USD per GW",
        "capex_total_usd / (mw_online_end / 1000): facility + IT capex over the horizon per GW of facility power "
        "online in the last month",
    ),
    "capex_per_h100e_usd": (
        "USD per H100-eq",
        "capex_total_usd / h100e_end: facility + IT capex over the horizon per H100-equivalent installed in the last "
        "month",
    ),
}
# every metric a deterministic run reports, in the order shown: METRICS with the cost ratios after the capex split
RUN_METRICS = {
    **{k: v for k, v in METRICS.items() if list(METRICS).index(k) <= list(METRICS).index("capex_it_usd")},
    **COST_RATIOS,
    **{k: v for k, v in METRICS.items() if list(METRICS).index(k) > list(METRICS).index("capex_it_usd")},
}

FLOW_SERIES = ("energy_mwh", "energy_cost_usd", "emissions_t", "opex_usd")


YEARLY_COLUMNS = (
    "mw_online",
    "it_mw_installed",
    "accelerators",
    "h100e",
    "peak_bf16_flops",
    "capex_facility_usd",
    "capex_it_usd",
    "equity_usd",
    "debt_usd",
    "cash_usd",
    "funding_gap_max_usd",
    "energy_mwh",
    "energy_cost_usd",
    "emissions_t",
    "opex_usd",
    "largest_run_flop",
)


@dataclasses.dataclass
class Result:
    """The outcome of :func:`simulate`: arrays and records, with pandas tables built on first use (a JSON answer
    never imports pandas).

    Attributes
    ----------
    scenario : Scenario  What was simulated.
    months : list[datetime.date]  The first day of each month.
    series : dict  Each series of ``gigawatt.engine.inputs.SERIES`` (T,), plus ``accelerators_<type>`` for every
        type ever installed.
    metrics : dict  Key metrics (see ``METRICS``) and the capex per unit built (``COST_RATIOS``), in ``RUN_METRICS``'s
        order.
    phase_rows : list[dict]  One record per phase: planned and actual start and online months, capex, financing.
    timeseries : pandas.DataFrame  One row per month (index ``month``), one column per series.
    phases : pandas.DataFrame  ``phase_rows`` as a table.
    yearly : pandas.DataFrame  One row per calendar year (index ``year``; see :meth:`yearly_rows`).
    """

    scenario: Scenario
    months: list
    series: dict
    metrics: dict
    phase_rows: list

    @functools.cached_property
    def timeseries(self) -> pd.DataFrame:
        import pandas as pd

        idx = pd.DatetimeIndex([pd.Timestamp(m) for m in self.months], name="month")
        return pd.DataFrame(self.series, index=idx)

    @functools.cached_property
    def phases(self) -> pd.DataFrame:
        import pandas as pd

        phases = pd.DataFrame(self.phase_rows)
        for col in ("start", "online"):  # None stays None (not NaN)
            phases[col] = pd.Series([r[col] for r in self.phase_rows], dtype=object)
        return phases

    @functools.cached_property
    def yearly(self) -> pd.DataFrame:
        """One row per calendar year: stocks at the year's last simulated month, flows summed over the year."""
        import pandas as pd

        return pd.DataFrame(self.yearly_rows()).set_index("year")

    def yearly_rows(self) -> list[dict]:
        """One record per calendar year: stocks (``YEARLY_COLUMNS`` and ``accelerators_<type>``) at the year's last
        simulated month, flows (``FLOW_SERIES``) summed over its months, the year's largest funding gap and the
        largest training run in a window ending at its last month; ``months`` simulated in the year and ``partial``
        (fewer than 12: the horizon starts or ends inside it, so its energy, emissions and spending are not a
        year's)."""
        years = np.array([m.year for m in self.months])
        ends = [int(np.flatnonzero(years == y)[-1]) for y in sorted(set(years.tolist()))]
        run = self._largest_run_at(ends)
        rows = []
        for i, e in enumerate(ends):
            here = years == years[e]
            n = int(here.sum())
            # a year the horizon cuts (or starts inside): its flows cover ``months`` months only, not a year's
            row = {"year": int(years[e]), "months": n, "partial": n < 12}
            for col in YEARLY_COLUMNS:
                if col in FLOW_SERIES:
                    row[col] = float(self.series[col][here].sum())
                elif col == "funding_gap_max_usd":
                    row[col] = float(self.series["funding_gap_usd"][here].max())
                elif col == "largest_run_flop":
                    row[col] = float(run[i])
                else:
                    row[col] = float(self.series[col][e])
            row.update({k: float(v[e]) for k, v in self.series.items() if k.startswith("accelerators_")})
            rows.append(row)
        return rows

    def _largest_run_at(self, ends: list[int]) -> np.ndarray:
        """The largest run in a training window ending at each of ``ends`` (month indices), as the end metric."""
        from gigawatt.model.checkpointing import largest_run

        tr = self.scenario.training
        starts = window_start(np.asarray(ends, dtype=np.int64), tr.window_days)
        acc = self.series["accelerators"][starts]
        flops = self.series["peak_bf16_flops"][starts]
        per_acc = np.divide(flops, acc, out=np.zeros_like(flops), where=acc > 0)
        window_h, write_h, restart_h = tr.window_days * 24.0, tr.checkpoint_write_minutes / 60, tr.restart_minutes / 60
        flop, _ = largest_run(acc, per_acc, window_h, write_h, restart_h, tr.mfu, tr.max_share)
        return flop

    def yearly_records(self) -> list[dict]:
        """The yearly table as JSON-ready records."""
        return [{k: (v if k == "year" else _jsonable(v)) for k, v in r.items()} for r in self.yearly_rows()]

    def phases_records(self) -> list[dict]:
        """The phases as JSON-ready records."""
        return [{k: _jsonable(v) for k, v in r.items()} for r in self.phase_rows]


def _jsonable(v):
    if isinstance(v, float | np.floating):
        return None if not np.isfinite(v) else float(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, dt.date):
        return v.isoformat()[:7]
    return v


def window_start(ends: np.ndarray, window_days) -> np.ndarray:
    """The first month index of a training window of ``window_days`` ending at month index ``ends`` (inclusive):
    ``ends + 1 - round(window_days / 30.44 days)``, clipped to the horizon's first month; a window shorter than half
    a month starts (and ends) in its last month. The end metric and the yearly table both measure their largest
    run over this window."""
    months = np.rint(np.asarray(window_days, dtype=float) / (365.25 / 12)).astype(np.int64)
    return np.minimum(np.maximum(ends + 1 - months, 0), ends)


def metrics_from_series(series: dict[str, np.ndarray], inp: Inputs) -> dict[str, np.ndarray]:
    """Key metrics for every trial (arrays of shape (trials,)), from the engine's series."""
    from gigawatt.model.checkpointing import largest_run

    last = {k: v[:, -1] for k, v in series.items() if not k.startswith("_")}
    total = {k: series["_summary"][:, i] for i, k in enumerate(SUMMARY)}  # summed by the loop, month by month
    first = total["first_gw_month_index"].astype(np.int64)
    start_m = series["_start_month"]
    T = len(inp.months)
    delay = np.where(start_m >= 0, start_m - inp.planned_start, T - inp.planned_start).clip(0).sum(-1)
    training = np.broadcast_to(inp.training, (len(first), 5)) if inp.training.ndim > 1 else inp.training[None, :]
    window_days = training[:, 0]
    start = window_start(np.full(len(window_days), T - 1), window_days)
    acc = np.take_along_axis(series["accelerators"], start[:, None], -1)[:, 0]
    flops = np.take_along_axis(series["peak_bf16_flops"], start[:, None], -1)[:, 0]
    per_acc = np.divide(flops, acc, out=np.zeros_like(flops), where=acc > 0)
    run_flop, run_n = largest_run(
        acc, per_acc, window_days * 24.0, training[:, 1], training[:, 2], training[:, 3], training[:, 4]
    )
    return {
        "largest_run_flop_end": run_flop,
        "largest_run_accelerators_end": run_n,
        "mw_online_end": last["mw_online"],
        "it_mw_installed_end": last["it_mw_installed"],
        "accelerators_end": last["accelerators"],
        "h100e_end": last["h100e"],
        "peak_bf16_flops_end": last["peak_bf16_flops"],
        "capex_total_usd": last["capex_facility_usd"] + last["capex_it_usd"],
        "capex_facility_usd": last["capex_facility_usd"],
        "capex_it_usd": last["capex_it_usd"],
        "spent_usd": last["spent_usd"],
        "pledged_usd": last["pledged_usd"],
        "secured_usd": last["secured_usd"],
        "equity_received_usd": last["equity_usd"],
        "debt_end_usd": last["debt_usd"],
        "interest_usd": last["interest_usd"],
        "cash_end_usd": last["cash_usd"],
        "funding_gap_max_usd": total["funding_gap_max_usd"],
        "first_gw_month_index": first,
        "energy_mwh_total": total["energy_mwh_total"],
        "energy_cost_usd_total": total["energy_cost_usd_total"],
        "emissions_t_total": total["emissions_t_total"],
        "opex_usd_total": total["opex_usd_total"],
        "phases_online_end": last["phases_online"],
        "phase_delay_months_total": delay.astype(float),
    }


def simulate(scenario: Scenario) -> Result:
    """Run one scenario deterministically, month by month.

    Parameters
    ----------
    scenario : Scenario  A validated scenario (see :func:`gigawatt.load_scenario`).

    Returns
    -------
    Result  ``timeseries`` (one row per month), ``metrics`` (dict), ``phases`` and ``yearly``.
    """
    inp = compile_inputs(scenario)
    series = trials.series_dict(trials.run(inp))
    return _result(scenario, inp.trial(0), series)


def _result(scenario: Scenario, inp: Inputs, series: dict[str, np.ndarray]) -> Result:
    columns = {k: series[k][0] for k in SERIES}
    by_type = series["_by_type"][0]
    for k, acc in enumerate(inp.types):
        if by_type[:, k].any():
            columns[f"accelerators_{acc.name}"] = by_type[:, k]
    m = {k: v[0] for k, v in metrics_from_series(series, inp).items()}
    first = int(m.pop("first_gw_month_index"))
    metrics = {k: float(v) for k, v in m.items()}
    metrics["first_gw_date"] = add_months(inp.months[0], first).isoformat()[:7] if first >= 0 else None
    metrics.update(
        per_unit(
            metrics["capex_total_usd"], metrics["it_mw_installed_end"], metrics["mw_online_end"], metrics["h100e_end"]
        )
    )
    metrics = {k: metrics[k] for k in RUN_METRICS}
    return Result(scenario, list(inp.months), columns, metrics, _phase_rows(inp, series["_start_month"][0]))


def _phase_rows(inp: Inputs, start_month: np.ndarray) -> list[dict]:
    """One record per phase of one trial: planned and actual start of its construction, the month its hall is built
    and powered (None: not within the horizon), and its ``status``.

    The loop reports an externally financed phase as started only once the programme funds its accelerators
    (``start_month`` -1 otherwise), but the developer builds its hall on the planned date either way, and that hall
    counts in ``mw_online`` and ``phases_online``: such a hall is shown built, with ``status`` "online, no
    accelerators (never funded)"."""

    def month(i):
        return add_months(inp.months[0], int(i)).isoformat()[:7]

    T = len(inp.months)
    build = np.rint(inp.construction_months).astype(int)
    rows = []
    for p, label in enumerate(inp.phase_labels):
        funded = int(start_month[p]) >= 0
        s = int(start_month[p]) if funded else int(inp.planned_start[p]) if inp.external[p] else -1
        on = max(s + build[p], int(inp.power_available[p])) if s >= 0 else None
        rows.append(
            {
                "phase": label,
                "power_mw": float(inp.power_mw[p]),
                "planned_start": month(inp.planned_start[p]),
                "start": month(s) if 0 <= s < T else None,
                "online": month(on) if on is not None and on < T else None,
                "status": _phase_status(s, on, T, funded, int(inp.planned_start[p])),
                "facility_capex_usd": float(inp.capex_facility_usd[p]),
                "financing": "external" if inp.external[p] else "programme",
            }
        )
    return rows


def _phase_status(start: int, online: int | None, T: int, funded: bool, planned: int) -> str:
    """What a phase's hall is at the end of the horizon (see :func:`_phase_rows`)."""
    if start < 0 or start >= T:
        return "not started (planned after the horizon)" if planned >= T else "not started (never funded)"
    if online is None or online >= T:
        return "under construction"
    return "online" if funded else "online, no accelerators (never funded)"

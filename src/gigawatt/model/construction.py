"""Facilities: what a phase costs, how much IT power it holds, when it spends and when it comes online."""

from __future__ import annotations

import numpy as np

NEVER = 2**31 - 1  # the month of something that never happens (far beyond any horizon)


def it_power_mw(facility_power_mw, pue):
    """IT (critical) power a facility can feed [MW]: P_IT = P_facility / PUE, with the sizing (design-day) PUE."""
    return np.asarray(facility_power_mw, dtype=float) / np.asarray(pue, dtype=float)


def facility_capex_usd(facility_power_mw, pue, capex_per_mw_it_usd, power_capex_per_mw_usd):
    """Capex of a phase [USD]: shell and M&E per MW of IT load, plus on-site generation per MW of facility power.

    Notes
    -----
    C = P_facility / PUE * c_facility + P_facility * c_power, with the sizing (design-day) PUE, so P_facility / PUE
    is the IT load the halls are built for. The facility cost per MW is quoted per MW of critical (IT) load
    (Cushman & Wakefield, facts.csv EC01); generation is sized to the facility's draw.
    """
    p = np.asarray(facility_power_mw, dtype=float)
    return p / np.asarray(pue, dtype=float) * capex_per_mw_it_usd + p * power_capex_per_mw_usd


def online_month(start_month, build_months, power_available_month):
    """Month a phase comes online: when it is built and its power is available, whichever is later (scalars).

    Notes
    -----
    t_online = max(t_start + n_build, t_power). An unstarted phase (start < 0) never comes online (``NEVER``).
    """
    if start_month < 0:
        return NEVER
    return max(start_month + build_months, power_available_month)


def outlays_usd(month, start_month, spend_months, programme_capex_usd, facility_capex_usd, external, reserved_usd):
    """Construction spending in ``month``: each phase spends its capex evenly over its build, from the money
    reserved for it at close. Updates ``reserved_usd`` in place.

    Parameters
    ----------
    month : int  This month [month index].
    start_month : int array (P,)  Construction start (-1: not started) [month index].
    spend_months : int array (P,)  Months over which the capex is spent (the build, at least 1) [months].
    programme_capex_usd : float array (P,)  Facility capex the programme pays (0 for external phases) [USD].
    facility_capex_usd : float array (P,)  Facility capex of every phase, whoever pays [USD].
    external : bool array (P,)  Facility financed outside the programme.
    reserved_usd : float array (P,)  Facility money committed at close and not yet spent; updated [USD].

    Returns
    -------
    (float, float)  Programme outlay and external outlay this month [USD].

    Notes
    -----
    outlay_p = min(C_p / n_p, reserved_p) for t in [start_p, start_p + n_p), and the whole remainder in the last
    month, so a phase spends exactly its reserve.
    """
    programme = 0.0
    outside = 0.0
    for p in range(start_month.shape[0]):
        s = start_month[p]
        if s < 0 or month < s or month >= s + spend_months[p]:
            continue
        if external[p]:
            outside += facility_capex_usd[p] / spend_months[p]
            continue
        spend = min(programme_capex_usd[p] / spend_months[p], reserved_usd[p])
        if month == s + spend_months[p] - 1:
            spend = reserved_usd[p]
        reserved_usd[p] -= spend
        programme += spend
    return programme, outside

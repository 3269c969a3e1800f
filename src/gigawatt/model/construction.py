"""Facilities: what a phase costs, how much IT power it holds, and when it comes online."""

from __future__ import annotations

import numpy as np


def it_power_mw(facility_power_mw, pue):
    """IT (critical) power a facility can feed [MW]: P_IT = P_facility / PUE."""
    return np.asarray(facility_power_mw, dtype=float) / np.asarray(pue, dtype=float)


def facility_capex_usd(facility_power_mw, pue, capex_per_mw_it_usd, power_capex_per_mw_usd):
    """Capex of a phase [USD]: shell and M&E per MW of IT load, plus on-site generation per MW of facility power.

    Notes
    -----
    C = P_facility / PUE * c_facility + P_facility * c_power. The facility cost per MW is quoted per MW of
    critical (IT) load (Cushman & Wakefield, facts.csv EC01); generation is sized to the facility's draw.
    """
    p = np.asarray(facility_power_mw, dtype=float)
    return p / np.asarray(pue, dtype=float) * capex_per_mw_it_usd + p * power_capex_per_mw_usd


def online_month(start_month, construction_months, power_available_month):
    """Month a phase comes online: when it is built and its power is available, whichever is later.

    Notes
    -----
    t_online = max(t_start + round(construction_months), t_power). Unstarted phases (start < 0) never come online
    (returns a large number).
    """
    start = np.asarray(start_month)
    built = start + np.rint(construction_months).astype(int)
    on = np.maximum(built, power_available_month)
    return np.where(start >= 0, on, np.iinfo(np.int32).max)

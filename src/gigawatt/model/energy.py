"""Operations: energy drawn, its cost and its emissions."""

from __future__ import annotations

import numpy as np


def energy_mwh(it_power_installed_mw, utilization, pue, hours):
    """Facility energy over a period [MWh]: E = P_IT,installed * utilization * PUE * hours."""
    return np.asarray(it_power_installed_mw, dtype=float) * utilization * pue * hours


def energy_cost_usd(energy, price_usd_per_mwh):
    """Energy cost [USD] = E [MWh] * price [USD/MWh]."""
    return np.asarray(energy, dtype=float) * price_usd_per_mwh


def emissions_t(energy, carbon_t_per_mwh):
    """CO2 emitted [t] = E [MWh] * grid or plant intensity [t/MWh]."""
    return np.asarray(energy, dtype=float) * carbon_t_per_mwh

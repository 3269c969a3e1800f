"""Operations: energy drawn, its cost and its emissions. Scalars or arrays (plain arithmetic broadcasts)."""

from __future__ import annotations


def energy_mwh(it_power_installed_mw, utilization, pue, hours):
    """Facility energy over a period [MWh]: E = P_IT,installed * utilization * PUE * hours, with the annual PUE
    (not the design day's, which sizes facility power) and P_IT with the non-accelerator IT share in."""
    return it_power_installed_mw * utilization * pue * hours


def energy_cost_usd(energy, price_usd_per_mwh):
    """Energy cost [USD] = E [MWh] * price [USD/MWh]."""
    return energy * price_usd_per_mwh


def emissions_t(energy, carbon_t_per_mwh):
    """CO2 emitted [t] = E [MWh] * grid or plant intensity [t/MWh]."""
    return energy * carbon_t_per_mwh


def other_opex_usd(it_power_installed_mw, opex_usd_per_mw_year, months=1.0):
    """Operating cost other than energy [USD]: staff, maintenance, insurance per MW of IT installed per year."""
    return it_power_installed_mw * opex_usd_per_mw_year * months / 12

"""Built-in scenarios: they load, simulate, and reproduce the published figures they are built from."""

import pytest

import gigawatt as gw


def test_builtin_names():
    assert set(gw.builtin_names()) >= {"stargate", "stargate-musk", "stargate-uae", "colossus"}


def test_stargate_money_as_announced(builtin_results):
    m = builtin_results["stargate"].metrics
    assert m["pledged_usd"] == pytest.approx(500e9)  # SG01
    assert m["secured_usd"] == pytest.approx(52e9)  # 19 + 19 + 7 + 7 (SG10, SG11)
    ts = builtin_results["stargate"].timeseries
    # "$100B immediately" (SG02): 20 % at once plus the first of 48 monthly instalments of the rest
    assert ts["pledged_usd"].iloc[0] == pytest.approx(100e9 + 400e9 / 48)
    assert m["spent_usd"] <= m["equity_received_usd"] + m["debt_end_usd"] + 1


def test_stargate_abilene_reaches_a_gigawatt_mid_2026(builtin_results):
    # Abilene is developer-built (SG42): the programme pays only its GB200s, 1,833 W and $41,667 each (HW15, HW16),
    # at PUE 1.14 (EC14). Phase 1: 200 MW / 1.14 = 175,439 kW IT / 1.833 kW = 95,711 GB200, $3,987,990,237;
    # phase 2: 1,000 MW / 1.14 / 1.833 kW = 478,555 GB200, $19,939,951,185. The pledges bring $100B at once plus
    # $400B / 48 a month (SG01-SG03): $108.3B by 2025-01, $125B by 2025-03, so both close on their planned months.
    r = builtin_results["stargate"]
    ts = r.timeseries
    assert ts.loc["2025-03", "equity_usd"].iloc[0] == pytest.approx(125e9, rel=1e-12)  # float rounding only
    # fills ordered 3 months (the default lead time) before each hall is online: 2025-04 and 2026-03
    assert ts.loc["2025-04", "capex_it_usd"].iloc[0] == pytest.approx(3_987_990_237, rel=1e-12)
    assert ts.loc["2026-03", "capex_it_usd"].iloc[0] == pytest.approx(3_987_990_237 + 19_939_951_185, rel=1e-12)
    assert ts.loc["2025-07", "accelerators"].iloc[0] == 95_711
    # Crusoe: the full 1.2 GW campus complete mid-2026 (SG38); the two fills floored apart: 95,711 + 478,555
    assert ts.loc["2026-05", "mw_online"].iloc[0] == 200
    assert ts.loc["2026-06", "mw_online"].iloc[0] == 1200
    assert ts.loc["2026-06", "accelerators"].iloc[0] == 95_711 + 478_555
    assert r.metrics["first_gw_date"] == "2026-06"


def test_musk_claim_secures_less_and_builds_less(builtin_results):
    full, musk = builtin_results["stargate"].metrics, builtin_results["stargate-musk"].metrics
    # SoftBank's $19B secured becomes $10B (SG13): $52B - $9B
    assert musk["secured_usd"] == pytest.approx(43e9)
    assert musk["equity_received_usd"] == pytest.approx(43e9)
    assert musk["spent_usd"] <= 43e9 + 1
    assert musk["funding_gap_max_usd"] > full["funding_gap_max_usd"]
    assert musk["accelerators_end"] < full["accelerators_end"]
    assert musk["mw_online_end"] < full["mw_online_end"]


def test_uae_first_200mw_in_2026_and_the_g42_share(builtin_results):
    r = builtin_results["stargate-uae"]
    ts = r.timeseries
    # 200 MW live in 2026 (UAE03)
    assert ts.loc["2026-12", "mw_online"].iloc[0] == pytest.approx(200)
    # the cluster counts against G42's 20 % of 500,000 a year (UAE05, UAE06): at most 100,000 added per year
    yearly = r.yearly["accelerators"]
    assert (yearly.diff().fillna(yearly) <= 100_000 + 1e-9).all()
    assert ts["accelerators_gb300"].iloc[-1] == ts["accelerators"].iloc[-1]


def test_colossus_100k_h100_in_122_days(builtin_results):
    r = builtin_results["colossus"]
    ts = r.timeseries
    # 150 MW (CL03) at PUE 1.14 / 1.275 kW per H100 = 103,199: within 5 % of the 100,000 announced (CL01)
    n = ts.loc["2024-09", "accelerators_h100"].iloc[0]
    assert n == pytest.approx(100_000, rel=0.05)
    # 122 days (CL01) / 30.4375 days a month = 4.01, a 4-month build from May 2024: online in September 2024
    assert r.phases.loc[0, "online"] == "2024-09"
    # doubled to ~200,000 Hopper GPUs by February 2025 (CL02), within 5 %
    assert ts.loc["2025-02", "accelerators"].iloc[0] == pytest.approx(200_000, rel=0.05)


def test_same_inputs_same_numbers():
    a = gw.simulate(gw.load_scenario("stargate"))
    b = gw.simulate(gw.load_scenario("stargate"))
    assert a.metrics == b.metrics
    assert a.timeseries.equals(b.timeseries)


def test_show_round_trips():
    s = gw.load_scenario("stargate-musk")
    resolved = gw.resolved_with_sources(s)
    again = gw.load_scenario(resolved)
    assert gw.simulate(again).metrics == gw.simulate(s).metrics
    # every number carries a status; sourced ones keep their facts ids
    pledge = resolved["partners"][0]["pledges"][0]
    assert pledge["secured_usd"]["facts_id"] == "SG13"
    assert resolved["operations"]["pue"]["default"] == "operations.pue"
    assert resolved["operations"]["pue"]["facts_id"] == "EC14; EC15"

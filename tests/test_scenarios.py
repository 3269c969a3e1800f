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


def test_stargate_abilene_comes_online_building_by_building(builtin_results):
    # Phase 1 (two buildings, 200 MW, SG37): energized in June 2025 (MS01), online in the model a month later, when
    # its GB200 fill is first ordered within the GB200 volume ramp (2025-04, HW17, at the 3-month lead time).
    # Phase 2: six buildings (SG38) of 1,000 / 6 MW, one started a month from 2025-03, each built in 12 months:
    # online 2026-03 to 2026-08. No other site is online before 2026-10 (Shackelford's first building, CX07), so until
    # then the programme's power online is Abilene's.
    r = builtin_results["stargate"]
    ts = r.timeseries
    assert ts.loc["2025-03", "equity_usd"].iloc[0] == pytest.approx(125e9, rel=1e-12)  # float rounding only
    mw = {month: ts.loc[month, "mw_online"].iloc[0] for month in ("2025-06", "2025-07", "2026-02", "2026-03")}
    assert mw == {"2025-06": 0, "2025-07": 200, "2026-02": 200, "2026-03": pytest.approx(200 + 1000 / 6)}
    # the fifth building takes the campus past 1 GW in 2026-07 (Epoch AI's projection, MS03): 200 + 5 x 166.7 MW
    assert ts.loc["2026-06", "mw_online"].iloc[0] == pytest.approx(200 + 4000 / 6)  # float sums of shares: 1e-12
    assert ts.loc["2026-07", "mw_online"].iloc[0] == pytest.approx(200 + 5000 / 6)
    assert ts.loc["2026-08", "mw_online"].iloc[0] == pytest.approx(1200)  # the full campus (SG38)
    assert r.metrics["first_gw_date"] == "2026-07"
    abilene = [p for p in r.phases_records() if p["phase"].startswith("abilene/")]
    assert [p["phase"] for p in abilene] == ["abilene/phase-1"] + [f"abilene/phase-2/building-{k}" for k in range(1, 7)]
    assert [p["online"] for p in abilene] == [
        "2025-07",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
    ]


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


def test_colossus_2_reaches_its_gigawatt_when_epoch_ai_saw_it(builtin_results):
    ts = builtin_results["colossus"].timeseries
    # Colossus 1: 150 + 150 MW (CL03). Colossus 2: 200 MW five months after the 2025-03 purchase (CL05); 150 MW more
    # at the same pace from 2025-08, online 2026-01, when Epoch AI's imagery showed ~350 MW of cooling (EV13); 650 MW
    # more from 2025-12, online 2026-05, when Epoch AI expected the first gigawatt (EV13; Musk had declared it on
    # 2026-01-17, MS04). MACROHARDRR: nearly 2 GW in all (CL31) - 300 - 1,140 = 560 MW, started 2026-01 at the same
    # 5-month pace: online 2026-06. The last 140 MW of Colossus 2 wait for the turbines of Q2 2027 (CL06).
    assert ts.loc["2025-07", "mw_online"].iloc[0] == 300
    assert ts.loc["2025-08", "mw_online"].iloc[0] == 500
    assert ts.loc["2025-12", "mw_online"].iloc[0] == 500
    assert ts.loc["2026-01", "mw_online"].iloc[0] == 650
    assert ts.loc["2026-04", "mw_online"].iloc[0] == 650
    assert ts.loc["2026-05", "mw_online"].iloc[0] == 1300
    assert ts.loc["2026-06", "mw_online"].iloc[0] == 1860
    assert ts.loc["2027-03", "mw_online"].iloc[0] == 1860
    assert ts.loc["2027-04", "mw_online"].iloc[0] == 2000
    assert builtin_results["colossus"].metrics["first_gw_date"] == "2026-05"  # 300 + 200 + 150 + 650 MW


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


@pytest.mark.parametrize(
    ("field", "value", "instead"),
    [
        ("tdp_w", 900, "set it_power_w instead"),
        ("fp8_dense_tflops", 3000, "set bf16_dense_tflops instead"),
        ("memory_gb", 96, "no output depends on an accelerator's memory; remove it"),
    ],
)
def test_an_override_that_changes_no_output_is_refused(field, value, instead):
    # issue 11, item 8: the model reads it_power_w, bf16_dense_tflops and price_usd of an accelerator, nothing else
    with pytest.raises(gw.GigawattError) as exc:
        gw.load_scenario("colossus", overrides=[f"accelerator_overrides={{h100: {{{field}: {value}}}}}"])
    text = str(exc.value)
    assert f"accelerator_overrides.h100.{field}: {value} is invalid: it would change no output" in text
    assert instead in text


def test_the_overrides_the_model_reads_change_its_output():
    base = gw.simulate(gw.load_scenario("colossus")).metrics
    for change in ("it_power_w: 2000", "price_usd: 60000", "bf16_dense_tflops: 2000"):
        m = gw.simulate(
            gw.load_scenario("colossus", overrides=[f"accelerator_overrides={{h100: {{{change}}}}}"])
        ).metrics
        assert m != base, change

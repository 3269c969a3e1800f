"""The catalog and defaults against published figures, and every cited facts.csv id against facts.csv."""

import csv
import re
from importlib import resources
from pathlib import Path

import pytest

import gigawatt as gw
from gigawatt.data.catalog import catalog, defaults

REQUIRED = ["h100", "h200", "b200", "gb200", "gb300", "rubin", "mi300x", "mi355x", "tpu-v5p", "tpu-v7", "trainium2"]


def _facts_ids() -> set[str]:
    with resources.files("gigawatt.data").joinpath("facts.csv").open(encoding="utf-8") as fh:
        return {row["id"] for row in csv.DictReader(fh)}


def test_vendored_facts_extend_the_shared_copy_when_present():
    # the package's facts file is the shared one, unchanged, followed by the project's own sourced facts (OS..: the
    # observed sites of gigawatt validate); an edit to any shared row fails here
    shared = Path(__file__).resolve().parents[2] / "shared" / "data" / "facts.csv"
    vendored = resources.files("gigawatt.data").joinpath("facts.csv").read_text(encoding="utf-8")
    assert "SG01" in vendored
    if shared.exists():  # CI runs with ../shared beside the checkout
        theirs = shared.read_text(encoding="utf-8")
        assert vendored.startswith(theirs), "refresh src/gigawatt/data/facts.csv from shared/, then append our rows"
        extra_ids = {line.split(",", 1)[0] for line in vendored[len(theirs) :].splitlines() if line}
        assert not extra_ids & {line.split(",", 1)[0] for line in theirs.splitlines()}, "an appended id repeats one"


def test_catalog_has_the_required_accelerators():
    assert set(REQUIRED) <= set(catalog())


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        ("h100", "tdp_w", 700),  # HW01
        ("h100", "bf16_dense_tflops", 989),  # HW02
        ("h100", "fp8_dense_tflops", 1979),  # HW02
        ("h100", "memory_gb", 80),  # HW03
        ("h200", "memory_gb", 141),  # HW08
        ("b200", "bf16_dense_tflops", 2250),  # HW09
        ("b200", "tdp_w", 1000),  # HW10
        ("gb200", "bf16_dense_tflops", 2500),  # HW11
        ("gb300", "tdp_w", 1400),  # HW18
        ("mi300x", "tdp_w", 750),  # HW26
        ("mi355x", "fp8_dense_tflops", 5000),  # HW28
        ("tpu-v5p", "bf16_dense_tflops", 459),  # HW30
        ("tpu-v7", "fp8_dense_tflops", 4614),  # HW32
        ("trainium2", "bf16_dense_tflops", 667),  # HW33
    ],
)
def test_vendor_datasheet_figures(name, field, value):
    assert getattr(catalog()[name], field) == value


def test_derived_it_power_follows_stated_derivations():
    cat = catalog()
    # DGX H100: 10.2 kW node rating / 8 GPUs (HW07); Epoch's TDP x 1.82 gives 1274 W (EC16): within 1 W
    assert cat["h100"].it_power_w == pytest.approx(10_200 / 8)
    assert cat["h100"].it_power_w == pytest.approx(700 * 1.82, abs=1.0)
    # GB200 NVL72: 132 kW per rack / 72 GPUs (HW15), rounded to whole watts
    assert cat["gb200"].it_power_w == pytest.approx(132_000 / 72, abs=0.5)
    # GB300 NVL72: 140 kW per rack / 72 (HW20)
    assert cat["gb300"].it_power_w == pytest.approx(140_000 / 72, abs=0.5)
    for a in cat.values():
        if a.price_usd is not None:
            assert a.price_low_usd <= a.price_usd <= a.price_high_usd, a.name


# Hand-worked all-in prices: (rack or server price / accelerators) x (1 + network and storage uplift), the uplift
# 0.25 in the middle of 0.17 (PR02: InfiniBand switches $294,912,000 + cables $398,458,880 over nodes $4,063,232,000)
# and 0.33 (PR01: Bernstein, networking 13 % + storage 1.4 % of $5.9M = $849,600 over the rest of the $3.4M of IT).
# The H200/B200 server-to-GPU ratio is the H100's: $310,000 / 8 over the $27,500 midpoint of HW05.
_RATIO = 310_000 / 8 / 27_500


@pytest.mark.parametrize(
    ("name", "central", "low", "high"),
    [
        ("h100", 310_000 / 8 * 1.25, 310_000 / 8 * 1.17, 310_000 / 8 * 1.33),  # PR02
        ("h200", 30_000 * _RATIO * 1.25, 25_000 * _RATIO * 1.17, 35_000 * _RATIO * 1.33),  # PR05
        ("b200", 35_000 * _RATIO * 1.25, 30_000 * _RATIO * 1.17, 40_000 * _RATIO * 1.33),  # HW12
        # GB200 and GB300: the high end is NVIDIA's ~$35B of hardware per GW of facility power (CX01) at PUE 1.14, the
        # executives' price family (issue 17, docs/validation.md), above the rack arithmetic's own high
        ("gb200", 3.0e6 / 72 * 1.25, 2.0e6 / 72 * 1.17, 35e9 / (1e9 / 1.14 / 1833)),  # HW16; CX01
        ("gb300", 3.5e6 / 72 * 1.25, 3.0e6 / 72 * 1.17, 35e9 / (1e9 / 1.14 / 1944)),  # PR03; CX01
    ],
)
def test_prices_are_all_in_by_the_stated_derivation(name, central, low, high):
    a = catalog()[name]
    # the CSV holds whole dollars: within 1 USD of the hand-worked figure
    assert (a.price_usd, a.price_low_usd, a.price_high_usd) == pytest.approx((central, low, high), abs=1.0)


def test_uplift_bounds_follow_from_the_cited_figures():
    # the 0.17 and 0.33 used above, rounded to two decimals, from the figures quoted in PR02 and PR01
    assert pytest.approx(0.17, abs=0.005) == (294_912_000 + 398_458_880) / 4_063_232_000
    net = (0.13 + 0.014) * 5.9e6
    assert net / (3.4e6 - net) == pytest.approx(0.33, abs=0.005)


def test_all_in_prices_agree_with_observed_all_in_figures():
    cat = catalog()
    # Bernstein's $3.4M of IT per GB200 NVL72 rack, network and storage included (PR01): $47,222 per GPU, inside
    # the GB200 range
    assert cat["gb200"].price_low_usd <= 3.4e6 / 72 <= cat["gb200"].price_high_usd
    # Eugene Cheah's $47-52k per H100 (HW06) includes $6,250 of facility and operations per GPU (PR02: $50,000 per
    # node / 8); without it, 40,750-45,750 overlaps the H100 range
    assert cat["h100"].price_low_usd <= 52_000 - 6_250
    # a GB200 costs more all-in than an H100 (the old rack-only basis had it the other way round)
    assert cat["gb200"].price_usd > cat["h100"].price_usd


def test_price_risk_factor_spans_the_gb300_range():
    # stargate's risks.accelerator_price: the GB300 rack range over its central price, to two decimals, as its
    # derivation says ($3.0M and $4.0M racks / 72 x 1.17 and x 1.33 over $3.5M / 72 x 1.25). Without the factor the
    # scenario inherits the catalog's GB300 range (issue 17, gigawatt.data.money_ranges), whose high end is now
    # NVIDIA's per-GW figure (CX01)
    import yaml

    from gigawatt.data.money_ranges import PRICE_PATH

    text = resources.files("gigawatt.data").joinpath("scenarios", "stargate.yaml").read_text(encoding="utf-8")
    factor = yaml.safe_load(text)["risks"].get("accelerator_price")
    if factor is None:
        assert PRICE_PATH.format(name="gb300") in gw.load_scenario("stargate").distributions
        return
    g = catalog()["gb300"]
    assert factor["low"] == pytest.approx(g.price_low_usd / g.price_usd, abs=0.005)
    assert factor["high"] == pytest.approx((4.0e6 / 72 * 1.33) / (3.5e6 / 72 * 1.25), abs=0.005)
    assert factor["mode"] == 1.0


def test_the_catalog_states_its_price_basis_in_one_line(capsys):
    import json

    from gigawatt.cli.core import main

    assert main(["catalog"]) == 0
    out = capsys.readouterr().out
    assert "price_usd: all-in per accelerator: its share of the server or rack" in " ".join(out.split())
    assert main(["catalog", "--json"]) == 0
    basis = json.loads(capsys.readouterr().out)["gb300"]["price_basis"]
    assert basis.startswith("price_usd: all-in per accelerator") and "\n" not in basis


def test_h100_equivalents():
    cat = catalog()
    assert cat["h100"].h100e == 1.0
    assert cat["gb200"].h100e == pytest.approx(2500 / 989)


def test_every_number_has_status_and_source_or_derivation():
    for acc in catalog().values():
        for field, prov in acc.provenance.items():
            assert prov.status, (acc.name, field)
            value = getattr(acc, field, None)
            if value is not None and field not in ("full_name", "vendor"):
                assert prov.source or prov.derivation, (acc.name, field)
    for d in defaults().values():
        assert d.provenance.status and (d.provenance.source or d.provenance.derivation), d.parameter


def test_cited_facts_ids_exist():
    ids = _facts_ids()
    texts = [
        resources.files("gigawatt.data").joinpath(n).read_text(encoding="utf-8")
        for n in ("accelerators.csv", "defaults.csv")
    ]
    folder = resources.files("gigawatt.data").joinpath("scenarios")
    texts += [p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".yaml")]
    cited = set()
    for text in texts:
        cited |= set(re.findall(r"\b(?:SG|UAE|CL|HW|EC|RL|OS|PR|DF)\d{2}\b", text))
    assert cited, "no facts ids found"
    missing = sorted(cited - ids)
    assert not missing, f"cited ids not in facts.csv: {missing}"


def test_facility_cost_per_mw_is_the_observed_packages_with_the_survey_as_its_low_end():
    # issue 17: the median of the observed AI campus packages ($16.4M per MW of IT; recomputed from the rows in
    # tests/test_observed_capex.py), from Cushman & Wakefield's cheapest market, $9.3M (EC01), to Vantage Frontier's
    # $25B for 1.4 GW of facility power at PUE 1.14 (CX07): $20.36M, rounded to $20.4M
    d = defaults()["phase.capex_per_mw_usd"]
    assert d.value == 16.4e6 and d.low == 9.3e6
    assert d.high == pytest.approx(25e9 / (1400 / 1.14), abs=0.05e6)
    # the survey's $11.7M US average (EC01) stays cited, as what a construction-only estimate gives
    assert "EC01" in d.provenance.facts_id.split("; ") and "$11.7M" in d.provenance.derivation
    # EIA 2023: 0.81 lb CO2/kWh -> t/MWh
    assert defaults()["power.grid.carbon_t_per_mwh"].value == pytest.approx(0.81 * 0.45359237, abs=5e-4)


def test_unknown_accelerator_lists_valid_names():
    with pytest.raises(gw.UnknownNameError) as info:
        gw.get_accelerator("h900")
    assert "h100" in str(info.value) and "gb300" in str(info.value)

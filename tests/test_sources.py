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
    # rack price / 72 (HW16): $3.0M / 72
    assert cat["gb200"].price_usd == pytest.approx(3.0e6 / 72, abs=0.5)
    # H100 all-in $50k (HW06) inside its published range
    h = cat["h100"]
    assert h.price_low_usd <= h.price_usd <= h.price_high_usd


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
        cited |= set(re.findall(r"\b(?:SG|UAE|CL|HW|EC|RL)\d{2}\b", text))
    assert cited, "no facts ids found"
    missing = sorted(cited - ids)
    assert not missing, f"cited ids not in facts.csv: {missing}"


def test_facility_cost_per_mw_is_the_published_average():
    # Cushman & Wakefield 2025: $11.7M per MW of critical load (EC01), range $9.3M-$15.0M
    d = defaults()["phase.capex_per_mw_usd"]
    assert (d.value, d.low, d.high) == (11.7e6, 9.3e6, 15.0e6)
    # EIA 2023: 0.81 lb CO2/kWh -> t/MWh
    assert defaults()["power.grid.carbon_t_per_mwh"].value == pytest.approx(0.81 * 0.45359237, abs=5e-4)


def test_unknown_accelerator_lists_valid_names():
    with pytest.raises(gw.UnknownNameError) as info:
        gw.get_accelerator("h900")
    assert "h100" in str(info.value) and "gb300" in str(info.value)

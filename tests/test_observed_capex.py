"""Capex against observed deals (issue 17 item 1): chip orders, project financings, a hall's cost, a rack's cost and
the cost of a gigawatt, each compared with the part of the model's capex its figure covers.

Oracles: the reported dollar figures (observed_capex.csv, each with its facts.csv ids), hand-worked arithmetic from
the catalog's published numbers and the defaults, and today's errors pinned inside stated bands, so that a change
that makes the model fit the observed deals worse fails here.
"""

import csv
import json
import re
import statistics
from importlib import resources
from pathlib import Path

import pytest

import gigawatt as gw
from gigawatt.cli.core import main
from gigawatt.data.catalog import default
from gigawatt.engine.observed_capex import CAPEX_BASES, REASON_PCT, _deal, compare_deals, observed_capex
from gigawatt.engine.validate import observed_sites, validate
from gigawatt.errors import GigawattError


def _rows(name: str) -> list[dict]:
    with resources.files("gigawatt.data").joinpath(name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _capex_rows() -> dict[str, dict]:
    """Every capex row of ``gigawatt validate``: the two observed sites' and the observed deals'."""
    return {r["id"]: r for r in validate(milestones=False)["sites"] if r["quantity"] == "capex"}


# --- the data -----------------------------------------------------------------------------------------------------


def test_every_deal_has_its_figure_scope_source_address_date_status_and_known_facts():
    facts = {r["id"] for r in _rows("facts.csv")}
    rows = _rows("observed_capex.csv")
    assert len(rows) >= 10  # issue 17 item 1: at least 10 observed sites or deals
    assert len({r["id"] for r in rows}) == len(rows)
    assert not {r["id"] for r in rows} & {s.id for s in observed_sites()}  # one id, one place
    for r in rows:
        where = r["id"]
        assert r["source"].strip() and r["status"].strip() and r["covers"].strip(), where
        assert r["address"].startswith(("http://", "https://")), where
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", r["date"]), where
        ids = [i.strip() for i in r["facts_id"].split(";") if i.strip()]
        assert ids and set(ids) <= facts, f"{where}: facts ids not in facts.csv: {set(ids) - facts}"
        assert r["capex_basis"] in CAPEX_BASES, where
        assert float(r["capex_usd_reported"]) > 0, where


def test_the_deals_cover_every_kind_of_figure():
    deals = observed_capex()
    assert {d.capex_basis for d in deals} == {"it", "facility", "total"}  # chips, buildings, all-in
    kinds = " ".join(d.covers for d in deals)
    for must in ("debt", "equity", "GB300", "per MW", "rack"):  # financings, a chip order, a hall's cost, a rack
        assert must in kinds, must
    # at least 10 distinct deals (a source that splits one figure into parts, as Bernstein and NVIDIA do, counts once)
    distinct = {re.sub(r"-(it|facility|total|nvidia|other)$", "", d.id) for d in deals}
    assert len(distinct) >= 10


def test_a_bad_row_is_refused_with_the_field_named():
    good = _rows("observed_capex.csv")[0]
    with pytest.raises(GigawattError, match="capex_basis 'chips'; expected one of it, facility, total"):
        _deal(dict(good, capex_basis="chips"))
    with pytest.raises(GigawattError, match="power_basis 'grid'; expected one of it, facility"):
        _deal(dict(good, power_basis="grid"))
    with pytest.raises(GigawattError, match="capex_usd_reported '-1'; expected a positive number"):
        _deal(dict(good, capex_usd_reported="-1"))
    with pytest.raises(GigawattError, match="give one of accelerators_reported or power_mw_reported"):
        _deal(dict(good, accelerators_reported="72"))
    with pytest.raises(GigawattError, match="covers is empty"):
        _deal(dict(good, covers=" "))


# --- hand-worked deals --------------------------------------------------------------------------------------------


def test_a_chip_order_from_it_power_by_hand():
    # IREN's $5.8B Dell order fills ~200 MW of new critical IT with GB300 (CX14): IT power at PUE 1, so
    # 200 MW / 1.944 kW (140 kW NVL72 rack / 72, HW20) = 102,880.6 -> 102,880 GB300 x $60,764 (catalog all-in price)
    # = $6.2514B; (6.2514 - 5.8) / 5.8 = +7.78 %
    row = _capex_rows()["iren-childress"]
    assert row["modelled"] == pytest.approx(102_880 * 60_764, rel=1e-12)  # float rounding only
    assert row["error_pct"] == pytest.approx(7.783, abs=1e-3)  # the hand figure's 3 decimals


def test_a_rack_split_like_with_like_by_hand():
    # Bernstein's GB200 NVL72 rack (PR01): IT $3.4M, physical infrastructure $2.5M, $5.9M in all.
    # IT: 72 x $52,083 = $3.749976M; facility: 72 x 1.833 kW = 131.976 kW of IT x $16.4M per MW = $2.1644064M;
    # all-in $5.9143824M
    rows = _capex_rows()
    assert rows["bernstein-rack-it"]["modelled"] == pytest.approx(3_749_976, rel=1e-12)
    assert rows["bernstein-rack-facility"]["modelled"] == pytest.approx(0.131976 * 16.4e6, rel=1e-12)
    assert rows["bernstein-rack-total"]["modelled"] == pytest.approx(3_749_976 + 0.131976 * 16.4e6, rel=1e-12)


def test_a_financing_on_facility_power_by_hand():
    # Abilene's $15B joint venture for eight buildings (SG42) at the campus's ~900 MW draw (SG61): facility power at
    # the design-day PUE 1.14 -> 789.474 MW of IT x $16.4M = $12.947B, (12.947 - 15) / 15 = -13.68 %; Michigan's
    # $16B (CX09) on ~1 GW of IT capacity (PB05) at PUE 1: 1,000 MW x $16.4M = $16.4B, +2.5 %
    rows = _capex_rows()
    assert rows["abilene-jv"]["modelled"] == pytest.approx(900 / 1.14 * 16.4e6, rel=1e-12)
    assert rows["abilene-jv"]["error_pct"] == pytest.approx(-13.684, abs=1e-3)
    assert rows["stargate-michigan"]["modelled"] == pytest.approx(16.4e9, rel=1e-12)
    assert rows["stargate-michigan"]["error_pct"] == pytest.approx(2.5, abs=1e-9)


def test_the_facility_cost_per_mw_is_the_median_of_the_campus_packages():
    # defaults.csv's phase.capex_per_mw_usd is calibrated on the eight new-build AI campus packages: each reported
    # figure over its MW of IT (a facility power / 1.14, the model's PUE), their median rounded to $0.1M. The oracle is
    # that arithmetic, from the reported figures: it fails if a package's figure or scale changes and the default
    # does not follow.
    pue = default("operations.pue")
    deals = {d.id: d for d in observed_capex()}
    sites = {s.id: s for s in observed_sites()}
    per_mw = [
        sites["abilene-phase1"].capex_usd_reported / (sites["abilene-phase1"].power_mw_reported / pue),
        *(
            d.capex_usd_reported / (d.power_mw_reported / (1.0 if d.power_basis == "it" else pue))
            for k, d in deals.items()
            if k
            in (
                "abilene-jv",
                "vantage-lighthouse",
                "stargate-michigan",
                "polaris-forge-2",
                "vantage-frontier",
                "meta-hyperion",
                "galaxy-helios-1",
            )
        ),
    ]
    assert len(per_mw) == 8
    assert default("phase.capex_per_mw_usd") == pytest.approx(statistics.median(per_mw), abs=0.05e6)  # $0.1M rounding
    # and it lies above the construction-only survey (C&W's $11.7M, EC01) by the land, soft costs and financing
    assert default("phase.capex_per_mw_usd") > 11.7e6


# --- today's errors, pinned ---------------------------------------------------------------------------------------

# Error % of every capex row at today's defaults. Each must stay within BAND points: a change that moves a row further
# from its reported figure fails, and so does one that moves it closer (then tighten these numbers and say so).
# Before issue 17 (facility $11.7M per MW of IT) the same rows read: median 29.2 %, worst 47.9 % (docs/validation.md).
PINNED = {
    "abilene-phase1": -15.4,  # observed_sites.csv: the first two buildings' $3.4B
    "abilene-full": -47.9,  # observed_sites.csv: the FT's $40B chip order (the price families, docs/validation.md)
    "abilene-jv": -13.7,
    "vantage-lighthouse": 9.3,
    "stargate-michigan": 2.5,
    "polaris-forge-2": 9.3,
    "vantage-frontier": -19.4,
    "meta-hyperion": -2.5,
    "galaxy-helios-1": 24.6,
    "terawulf-lake-mariner": 82.2,  # brownfield: its reason is in the row and the docs
    "iren-childress": 7.8,
    "bernstein-rack-it": 10.3,
    "bernstein-rack-facility": -13.4,
    "bernstein-rack-total": 0.2,
    "huang-gw-total": -21.4,
    "huang-gw-nvidia": -28.8,
    "huang-gw-other": -4.1,
    "altman-gw": -1.7,
}
# percentage points: a 3 % change of an all-in price or of the facility cost per MW moves a row by ~3 points, more
# than the rounding of the figures above (0.05 points) and less than any change that would matter to a reader
BAND = 3.0


def test_every_capex_row_stays_in_its_band():
    rows = _capex_rows()
    assert set(rows) == set(PINNED)  # a row added or dropped must come with its band
    outside = {k: round(r["error_pct"], 1) for k, r in rows.items() if abs(r["error_pct"] - PINNED[k]) > BAND}
    assert not outside, f"errors outside the +/-{BAND} point bands: {outside}"


def test_median_under_20_and_every_row_past_50_percent_has_its_reason():
    # issue 17's target: median |error| under 20 %, none past 50 % without a written reason
    summary = validate(milestones=False)["summary"]["by_quantity"]["capex"]
    errors = sorted(abs(v) for v in PINNED.values())
    assert summary["compared"] == len(errors) == 18
    assert summary["median_abs_error_pct"] == pytest.approx((errors[8] + errors[9]) / 2, abs=0.06)  # PINNED rounding
    assert summary["median_abs_error_pct"] < 20
    assert summary["worst_site"] == "terawulf-lake-mariner"
    doc = (Path(__file__).resolve().parents[1] / "docs" / "validation.md").read_text(encoding="utf-8")
    for r in _capex_rows().values():
        if abs(r["error_pct"]) > REASON_PCT:
            assert len(r["reason"]) > 40 and f"`{r['id']}`" in doc, r["id"]


def test_before_the_calibration_the_same_rows_missed_by_a_median_of_29_percent():
    # the before table of docs/validation.md: the same rows at Cushman & Wakefield's $11.7M per MW of IT (EC01)
    before = validate(milestones=False, capex_per_mw_usd=11.7e6)["summary"]["by_quantity"]["capex"]
    assert before["median_abs_error_pct"] == pytest.approx(29.2, abs=0.06)  # docs' figure, rounded to 0.1
    assert before["worst_abs_error_pct"] == pytest.approx(47.9, abs=0.06)
    # the chip rows do not depend on the facility cost: the same before and after
    after = {r["id"]: r for r in compare_deals()}
    assert {r["id"]: r["modelled"] for r in compare_deals(11.7e6) if r["capex_basis"] == "it"} == {
        k: r["modelled"] for k, r in after.items() if r["capex_basis"] == "it"
    }


# --- the command --------------------------------------------------------------------------------------------------


def test_validate_shows_each_deal_with_what_it_covers(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "capex: reported vs modelled" in out
    for d in observed_capex():
        assert d.id in out
    assert "brownfield" in out  # the written reason of the row past 50 %


def test_validate_json_carries_covers_and_reason(capsys):
    assert main(["validate", "--json"]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out)["sites"] if r["quantity"] == "capex"]
    assert len(rows) == 18
    assert all(r["covers"] and "reason" in r for r in rows)
    assert gw.get_accelerator("gb300").price_usd == 60_764  # the price the hand-worked IREN row used

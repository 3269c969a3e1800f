"""Every table column against `--json`: the tables a person reads hold the same numbers as the JSON a program reads.

Each command is run twice in-process, as a table and with --json; the rich table's text is parsed back into
numbers ("$25.98B", "1,197k", "47.03 Mt CO2", "1,033 / 1,480 / 2,580", "+3.2%") and every cell compared with the
JSON value it shows, within its display rounding: half a unit of the last digit shown (the unit of each column,
TWh or Mt CO2 against the JSON's MWh and t, is written here by hand). A column off by 1,000 (t shown as Mt twice
divided, $/kWh for $/MWh) is off by far more than half a digit.
"""

import json
import re

import pytest

from gigawatt.cli import core
from gigawatt.cli.core import main

# ---------------------------------------------------------------------------------------------------------------
# reading a rich table back

SCALE = {"": 1.0, "k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
# a cell's unit, turned into the JSON's unit by hand: 1 Mt = 1e6 t; the rest are the JSON's own units
UNIT = {
    "": 1.0,
    "MW": 1.0,
    "MWh": 1.0,
    "Mt CO2": 1e6,
    "FLOP/s": 1.0,
    "FLOP": 1.0,
    "per GW": 1.0,
    "per H100-eq": 1.0,
}
_NUM = re.compile(
    r"(?P<sign>[-+])?(?P<dollar>\$)?(?P<mant>\d[\d,]*(?:\.(?P<dec>\d+))?)(?:e(?P<exp>[-+]\d+))?"
    r"(?P<scale>[kMBT])?(?P<pct>%)?\s*(?P<unit>.*)"
)


def cell_number(text: str) -> tuple[float, float]:
    """(value, tolerance) of one displayed number in the JSON's unit; the tolerance is half its last digit."""
    m = _NUM.fullmatch(text.strip())
    assert m is not None, f"not a number: {text!r}"
    assert m["unit"] in UNIT, f"unit {m['unit']!r} of {text!r} not in this test's table"
    digit = 10.0 ** -len(m["dec"] or "")
    value = float(m["mant"].replace(",", ""))
    factor = SCALE[m["scale"] or ""] * UNIT[m["unit"]] * (10.0 ** int(m["exp"]) if m["exp"] else 1.0)
    if m["pct"]:
        factor /= 100.0  # 95.2% is 0.952
    sign = -1.0 if m["sign"] == "-" else 1.0
    return sign * value * factor, 0.5 * digit * factor


def tables(text: str) -> list[dict]:
    """The tables of a command's output: title, header cells and rows of cells (a wrapped row joined)."""
    lines = text.splitlines()
    found = []
    for i, line in enumerate(lines):
        if not line.startswith("┏"):
            continue
        table = {"title": lines[i - 1].strip() if i else "", "header": [], "rows": []}
        for row in lines[i + 1 :]:
            if row.startswith("└"):
                break
            if row.startswith("┃"):
                table["header"] = [c.strip() for c in row.strip("┃").split("┃")]
            elif row.startswith("│"):
                cells = [c.strip() for c in row.strip().strip("│").split("│")]
                if table["rows"] and not cells[0]:  # the continuation of a wrapped row
                    table["rows"][-1] = [f"{a} {b}".strip() for a, b in zip(table["rows"][-1], cells, strict=True)]
                else:
                    table["rows"].append(cells)
        found.append(table)
    return found


def table_titled(text: str, start: str) -> dict:
    matches = [t for t in tables(text) if t["title"].startswith(start)]
    assert len(matches) == 1, f"one table titled {start!r}: {[t['title'] for t in tables(text)]}"
    return matches[0]


def assert_shows(cell: str, value, where: str) -> None:
    """One cell against its JSON value within display rounding (rel 1e-9 on top for float noise)."""
    if value is None or isinstance(value, str):
        assert cell == (value or cell), f"{where}: {cell!r} vs {value!r}"
        return
    shown, tol = cell_number(cell)
    assert abs(shown - value) <= tol + 1e-9 * abs(value), f"{where}: table {cell!r} = {shown:g}, JSON {value!r}"


@pytest.fixture
def both(capsys, monkeypatch):
    """Run a command as a table (wide enough that no number wraps) and as --json."""
    monkeypatch.setattr(core.console, "width", 400)

    def run(*args):
        assert main(list(args)) == 0
        table_text = capsys.readouterr().out
        assert main([*args, "--json"]) == 0
        return table_text, json.loads(capsys.readouterr().out)

    return run


# ---------------------------------------------------------------------------------------------------------------
# run: the yearly table and the key metrics

# heading -> (the JSON yearly value it shows, the heading's unit in the JSON's unit)
RUN_YEARLY = {
    "MW online": (lambda r: r["mw_online"], 1.0),
    "IT MW": (lambda r: r["it_mw_installed"], 1.0),
    "accel.": (lambda r: r["accelerators"], 1.0),
    "H100e": (lambda r: r["h100e"], 1.0),
    "capex": (lambda r: r["capex_facility_usd"] + r["capex_it_usd"], 1.0),  # facility + IT, cumulative
    "money in": (lambda r: r["equity_usd"] + r["debt_usd"], 1.0),  # equity received + debt outstanding
    "gap max": (lambda r: r["funding_gap_max_usd"], 1.0),
    "largest run FLOP": (lambda r: r["largest_run_flop"], 1.0),
    "TWh": (lambda r: r["energy_mwh"], 1e6),  # 1 TWh = 1e6 MWh
    "MtCO2": (lambda r: r["emissions_t"], 1e6),  # 1 Mt = 1e6 t
}


@pytest.mark.parametrize("name", ["stargate", "colossus", "stargate-uae", "stargate-musk"])
def test_run_yearly_table_is_the_json(both, name):
    text, data = both("run", name)
    table = table_titled(text, f"{name}: by year")
    assert table["header"] == ["year", *RUN_YEARLY]
    assert len(table["rows"]) == len(data["yearly"])
    for cells, record in zip(table["rows"], data["yearly"], strict=True):
        year = f"{record['year']} ({record['months']} mo)" if record["partial"] else str(record["year"])
        assert cells[0] == year
        for heading, cell in zip(table["header"][1:], cells[1:], strict=True):
            value, unit = RUN_YEARLY[heading]
            shown, tol = cell_number(cell)
            want = value(record)
            assert abs(shown * unit - want) <= tol * unit + 1e-9 * abs(want), (
                f"{name} {year} {heading}: table {cell!r} ({shown * unit:g} in the JSON's unit), JSON {want!r}"
            )


def assert_metric_rows(table: dict, columns: list[str], value_of, where: str) -> int:
    """A table of metric rows (first cell the JSON key) against ``value_of(key, column)``; returns rows checked."""
    assert table["header"][1:] == columns, where
    for cells in table["rows"]:
        for column, cell in zip(columns, cells[1:], strict=True):
            want = value_of(cells[0], column)
            if cell == "" and want is None:
                continue
            assert_shows(cell, want, f"{where} {cells[0]} {column}")
    return len(table["rows"])


@pytest.mark.parametrize("name", ["stargate", "colossus"])
def test_run_key_metrics_are_the_json(both, name):
    text, data = both("run", name)
    table = table_titled(text, f"{name}: key metrics")
    n = assert_metric_rows(table, ["value"], lambda k, _: data["metrics"][k], f"run {name}")
    assert n == len(data["metrics"])


def test_compare_is_the_json(both):
    text, data = both("compare", "stargate", "stargate-musk")
    a, b = data["scenarios"]
    table = table_titled(text, "stargate vs stargate-musk")
    n = assert_metric_rows(table, [a, b, "delta"], lambda k, c: data["metrics"][k][c], "compare")
    assert n == len(data["metrics"])
    # the delta is second - first (hand check on one row: 7,160 - 5,960 MW in the README)
    assert data["metrics"]["mw_online_end"]["delta"] == pytest.approx(
        data["metrics"]["mw_online_end"][b] - data["metrics"]["mw_online_end"][a]
    )


# ---------------------------------------------------------------------------------------------------------------
# risk: the yearly quantiles, the metrics' mean and quantiles, the probabilities

RISK_YEARLY = {
    "MW online": "mw_online",
    "accelerators": "accelerators",
    "H100e": "h100e",
    "capex": "capex_usd",
    "TWh": "energy_mwh",
    "MtCO2": "emissions_t",
}
RISK_UNIT = {"TWh": 1e6, "MtCO2": 1e6}  # 1 TWh = 1e6 MWh, 1 Mt = 1e6 t


def test_risk_tables_are_the_json(both):
    text, data = both("risk", "stargate", "--trials", "2000", "--seed", "1")
    yearly = table_titled(text, "stargate: by year, P10 / P50 / P90")
    assert yearly["header"][0] == "year" and set(yearly["header"][1:]) <= set(RISK_YEARLY)
    assert len(yearly["rows"]) == len(data["yearly"])
    for cells, record in zip(yearly["rows"], data["yearly"], strict=True):
        assert cells[0].split()[0] == str(record["year"])
        for heading, cell in zip(yearly["header"][1:], cells[1:], strict=True):
            quantiles = record[RISK_YEARLY[heading]]
            parts = cell.split(" / ")
            assert len(parts) == 3, cell
            for part, q in zip(parts, ("p10", "p50", "p90"), strict=True):
                shown, tol = cell_number(part)
                unit = RISK_UNIT.get(heading, 1.0)
                assert abs(shown * unit - quantiles[q]) <= tol * unit + 1e-9 * abs(quantiles[q]), (
                    f"risk {record['year']} {heading} {q}: {part!r} vs {quantiles[q]!r}"
                )
    metrics = table_titled(text, "stargate: 2,000 trials, seed 1")
    columns = ["mean", "P10", "P50", "P90"]
    n = assert_metric_rows(metrics, columns, lambda k, c: data["metrics"][k].get(c.lower()), "risk metrics")
    assert n == len(data["metrics"])
    probabilities = [t for t in tables(text) if t["rows"] and t["rows"][0][0] in data["probabilities"]]
    assert len(probabilities) == 1, "one table of probabilities"
    rows = probabilities[0]["rows"]
    assert {r[0] for r in rows} == set(data["probabilities"])
    for key, cell in rows:
        assert_shows(cell, data["probabilities"][key], f"risk probability {key}")


# ---------------------------------------------------------------------------------------------------------------
# estimate, validate


@pytest.mark.parametrize(
    "args",
    [
        ("-a", "gb200", "--power", "1.2GW"),
        ("-a", "h100", "--budget", "$10B"),
        ("-a", "gb300", "--accelerators", "100000"),
    ],
)
def test_estimate_is_the_json(both, args):
    text, data = both("estimate", *args)
    table = table_titled(text, "estimate:")
    n = assert_metric_rows(table, ["value"], lambda k, _: data[k], f"estimate {args}")
    assert n >= 10
    assumptions = table_titled(text, "assumptions")
    for cells in assumptions["rows"]:
        key, shown = cells[0], cells[1]
        if "." in key:  # gb200.it_power_w: the accelerator's sources
            want = data["accelerator_sources"][key.split(".", 1)[1]]["value"]
        else:
            want = data["assumptions"][key]["value"]
        # the assumptions table shows 4 significant figures ("1.64e+07", "5.208e+04", "1,833", "0.367")
        value = float(shown.replace(",", ""))
        assert value == pytest.approx(want, rel=5e-4), f"estimate assumption {key}: {shown!r} vs {want!r}"


VALIDATE_QUANTITY = {"accelerators": "accelerators_from_power", "power MW": "power_from_accelerators"}


def test_validate_is_the_json(both):
    text, data = both("validate")
    sites = table_titled(text, "gigawatt validate: observed sites")
    rows = [r for r in data["sites"] if r["quantity"] != "capex"]
    assert [c[0] for c in sites["rows"]] == [r["id"] for r in rows]
    for cells, record in zip(sites["rows"], rows, strict=True):
        site, quantity, reported, modelled, error = cells[:5]
        where = f"validate {site} {quantity}"
        assert VALIDATE_QUANTITY[quantity] == record["quantity"], where
        assert_shows(reported, record["reported"], where + " reported")
        assert_shows(modelled, record["modelled"], where + " modelled")
        assert_shows(error, record["error_pct"] / 100.0, where + " error")
    capex = table_titled(text, "capex: reported vs modelled")
    rows = [r for r in data["sites"] if r["quantity"] == "capex"]
    assert [c[0] for c in capex["rows"]] == [r["id"] for r in rows]
    for cells, record in zip(capex["rows"], rows, strict=True):
        assert_shows(cells[2], record["reported"], f"validate capex {cells[0]} reported")
        assert_shows(cells[3], record["modelled"], f"validate capex {cells[0]} modelled")
        assert_shows(cells[4], record["error_pct"] / 100.0, f"validate capex {cells[0]} error")
    summary = table_titled(text, "absolute error by quantity")
    for cells in summary["rows"]:
        s = data["summary"] if cells[0] == "all" else data["summary"]["by_quantity"][cells[0]]
        assert int(cells[1]) == s["compared"]
        assert_shows(cells[2], s["median_abs_error_pct"] / 100.0, f"validate median {cells[0]}")
        assert_shows(cells[3], s["worst_abs_error_pct"] / 100.0, f"validate worst {cells[0]}")
        assert cells[4] == s["worst_site"]
    milestones = table_titled(text, "built-in scenarios' online dates")
    assert len(milestones["rows"]) == len(data["milestones"])
    for cells, m in zip(milestones["rows"], data["milestones"], strict=True):
        assert cells[:2] == [m["scenario"], m["site"]]
        assert_shows(cells[3], m["mw"], f"validate milestone {m['id']} MW")
        assert (cells[4], cells[5]) == (m["observed_month"], m["modelled_month"])
        assert int(cells[6]) == m["error_months"]


# ---------------------------------------------------------------------------------------------------------------
# the reader itself


@pytest.mark.parametrize(
    ("text", "value", "tol"),
    [
        ("$25.98B", 25.98e9, 0.005e9),
        ("-$9.00B", -9e9, 0.005e9),
        ("1,197k", 1_197_000, 500),
        ("7.71e+26", 7.71e26, 0.005e26),
        ("47.03 Mt CO2", 47.03e6, 0.005e6),
        ("$35.92k per H100-eq", 35_920, 5),
        ("+3.2%", 0.032, 0.0005),
        ("7,160 MW", 7160, 0.5),
    ],
)
def test_cell_number_reads_by_hand(text, value, tol):
    got, got_tol = cell_number(text)
    assert got == pytest.approx(value, rel=1e-12) and got_tol == pytest.approx(tol, rel=1e-12)


# ---------------------------------------------------------------------------------------------------------------
# claims


def test_claims_table_is_the_json(both):
    text, data = both("claims", "--trials", "2000", "--seed", "1")
    table = table_titled(text, "gigawatt claims:")
    header = table["header"]
    assert header[:2] == ["date", "speaker"] and "model (when said)" in header and "observed (as of)" in header
    col = {h: i for i, h in enumerate(header)}
    assert len(table["rows"]) == len(data["claims"])
    for cells, claim in zip(table["rows"], data["claims"], strict=True):
        where = f"claims {claim['id']}"
        assert cells[col["date"]] == claim["date"], where
        assert cells[col["kind"]] == claim["kind"], where
        model = cells[col["model (when said)"]]
        p = re.search(r"\(p ([=<>]) ([\d.]+)\)", model)
        if claim.get("probability") is None:
            assert p is None, f"{where}: {model!r} shows a probability the JSON does not have"
        else:
            assert p is not None, f"{where}: {model!r} shows no probability"
            bound, prob = p[1], claim["probability"]
            if bound == "=":
                assert_shows(p[2], prob, where + " p")
            else:  # "p > 0.99", "p < 0.01": a probability beyond two decimals, on the side shown
                assert (prob > float(p[2])) if bound == ">" else (prob < float(p[2])), f"{where}: {model!r} vs {prob}"
        if claim["kind"] != "input" and claim.get("verdict") in ("holds", "fails"):
            assert model.startswith(claim["verdict"]), f"{where}: {model!r} vs verdict {claim['verdict']!r}"
        observed = claim["observed"]
        assert cells[col["observed (as of)"]] == f"{observed['status']} ({observed['as_of']})", where
        if "source" in col:
            assert cells[col["source"]] == claim["source"]["facts_id"], where

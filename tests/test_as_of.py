"""No hindsight: a scenario as of a date uses no fact dated after it (issue 16, item 4).

Every facts_id a built-in scenario's YAML cites (its extends chain too) must have been published by the scenario's
``as_of``; a fact whose date is only a month or a year counts at its latest day ("2025" is 2025-12-31), so an
ambiguous date never passes for an early one. Catalog and defaults.csv figures (accelerator specs, prices, facility
costs) are engineering constants, not news about the programme, and are not counted (docs/claims.md says so).
"""

import datetime as dt
import re
from importlib import resources

import pytest

import gigawatt as gw
from gigawatt.data.facts import facts, latest_date, split_ids

FOLDER = resources.files("gigawatt.data").joinpath("scenarios")


def cited(text: str) -> set[str]:
    return {fid for m in re.finditer(r"facts_id:\s*([A-Z0-9; ]+)", text) for fid in split_ids(m.group(1))}


def hindsight(name: str) -> list[str]:
    """Facts cited by scenario ``name`` (and what it extends) that are dated after its as_of."""
    s = gw.load_scenario(name)
    texts, ref = [], name
    while ref:
        text = FOLDER.joinpath(f"{ref}.yaml").read_text(encoding="utf-8")
        texts.append(text)
        m = re.search(r"^extends:\s*(\S+)", text, flags=re.M)
        ref = m.group(1) if m else None
    known = facts()
    return sorted(
        f"{fid} ({known[fid].date})"
        for text in texts
        for fid in cited(text)
        if known[fid].latest is None or known[fid].latest > s.as_of
    )


@pytest.mark.parametrize("name", gw.builtin_names())
def test_builtin_scenario_uses_no_fact_after_its_as_of(name):
    s = gw.load_scenario(name)
    assert s.as_of is not None, f"{name}: every built-in scenario says what date it is as of"
    assert hindsight(name) == [], f"{name} (as of {s.as_of}) cites facts published later"


def test_the_as_of_check_sees_a_later_fact():
    # SG13 is Musk's claim of 2025-01-22: cited by a scenario as of the day before, it is hindsight
    assert latest_date(facts()["SG13"].date) == dt.date(2025, 1, 22)
    text = "x: {value: 1, facts_id: SG01; SG13}"
    late = [fid for fid in cited(text) if facts()[fid].latest > dt.date(2025, 1, 21)]
    assert late == ["SG13"]


@pytest.mark.parametrize(
    "text, latest",
    [
        ("2025-01-21", dt.date(2025, 1, 21)),
        ("2025-05", dt.date(2025, 5, 31)),
        ("2024-02", dt.date(2024, 2, 29)),  # leap year
        ("2025", dt.date(2025, 12, 31)),
        ("2025-12/2026", dt.date(2026, 12, 31)),  # a range counts at its end
        ("2025-06 (law) / 2026-06-24", dt.date(2026, 6, 24)),
        ("2022-03-22 (announced)", dt.date(2022, 3, 22)),
        ("", None),
    ],
)
def test_latest_date_of_a_fact(text, latest):
    assert latest_date(text) == latest


def test_the_announcement_scenarios_are_as_of_their_day():
    # the claims ledger weighs the January 2025 claims on the announcement as it stood that day (SG01-SG08)
    assert gw.load_scenario("stargate-2025-01").as_of == dt.date(2025, 1, 21)
    assert gw.load_scenario("stargate-uae-2025-05").as_of == dt.date(2025, 5, 22)
    assert gw.load_scenario("colossus-2024-09").as_of == dt.date(2024, 9, 2)
    # Musk's Colossus 2 claims of 2026-01-17 are weighed on Colossus as known that day, not on today's `colossus`
    assert gw.load_scenario("colossus-2026-01").as_of == dt.date(2026, 1, 17)


def test_scenarios_and_show_say_the_as_of_date(capsys):
    from gigawatt.cli.core import main

    assert main(["scenarios", "--json"]) == 0
    listed = {item["name"]: item["as_of"] for item in __import__("json").loads(capsys.readouterr().out)}
    assert listed["stargate-2025-01"] == "2025-01-21" and listed["stargate"] == "2026-06-12"
    assert main(["show", "colossus-2024-09"]) == 0
    assert "# as of 2024-09-02: none of the facts it cites is dated later" in capsys.readouterr().out

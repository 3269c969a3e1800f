"""Extracted claims as ledger entries (``status: extracted``) and their match in the built-in ledger.

An entry is an ``outcome`` where the model can check it: money, power or chips with a deadline, about a programme
with a built-in scenario as of the article's date or earlier (the as-of rule of the ledger), checked on
``capex_usd``, ``mw_online`` or ``accelerators`` at the deadline's month. Every other claim (a time span, a rank, an
amount in euros, a figure without a deadline, a deadline past the scenario's horizon) is written ``unmodelled``,
its reason naming the kind the extractor proposes, for the reviewer to complete. Entries are validated with the
ledger's own rules before they are printed, so ``gigawatt claims --file`` accepts them.
"""

from __future__ import annotations

import datetime as dt
import re

from gigawatt.claims.extract.speakers import speaker_role, speaker_type
from gigawatt.errors import GigawattError

SERIES = {"USD": "capex_usd", "MW": "mw_online", "count": "accelerators"}
PROGRAMME_SCENARIOS = {"Stargate": "stargate", "Stargate UAE": "stargate-uae", "Colossus": "colossus"}
_REL = 1e-6  # two quantities are the same claim when they agree to this share (they are parsed from text)


def _builtin_scenarios() -> dict[str, dt.date | None]:
    from gigawatt.data.loading import builtin_names, load_scenario

    return {name: load_scenario(name).as_of for name in builtin_names()}


def _programme_of(scenario: str) -> str | None:
    for programme, stem in sorted(PROGRAMME_SCENARIOS.items(), key=lambda x: -len(x[1])):
        if scenario == stem or (scenario.startswith(stem + "-") and not scenario[len(stem) + 1 :][:1].isalpha()):
            return programme
    return None


def scenario_for(programme: str, date: dt.date, scenarios: dict[str, dt.date | None]) -> str | None:
    """The programme's built-in scenario as known on ``date``: the latest whose ``as_of`` is on or before it."""
    dated = [(as_of, name) for name, as_of in scenarios.items() if as_of and as_of <= date]
    mine = [(as_of, name) for as_of, name in dated if _programme_of(name) == programme]
    return max(mine)[1] if mine else None


def ledger_matches(claims: list[dict]) -> None:
    """Set each claim's ``ledger_id``: the built-in claim about the same programme with the same unit and value."""
    from gigawatt.claims.ledger import read_ledger

    ledger, _ = read_ledger()
    for c in claims:
        c["ledger_id"] = None
        for b in ledger.claims:
            q = b.quantity
            if q is None or q.unit != c["unit"] or b.scenario is None or _programme_of(b.scenario) != c["programme"]:
                continue
            value = q.value if q.value is not None else q.high
            if value is not None and abs(value - c["quantity"]) <= _REL * max(abs(value), 1.0):
                c["ledger_id"] = b.id
                if (c["multiplier"] is not None) == ("could" in (q.hedge or "")):
                    break


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:30] or "x"


def _text(c: dict) -> str:
    from gigawatt.units import format_usd

    unit, v = c["unit"], c["quantity"]
    amount = {"USD": lambda: format_usd(v), "EUR": lambda: f"EUR {v:,.0f}", "MW": lambda: f"{v:,.0f} MW",
              "months": lambda: f"{v:g} months", "rank": lambda: "first"}.get(unit, lambda: f"{v:,.0f}")()  # fmt: skip
    words = {"about": "about", "=": "", "well under": "well under", "<": "under", "<=": "up to", ">=": "at least",
             ">": "more than"}[c["comparator"]]  # fmt: skip
    return f"{c['subject']}: {words} {amount}".replace("  ", " ").strip()


def entry(c: dict, i: int, date: dt.date, address: str, scenario: str | None) -> dict:
    """One ledger entry for an extracted claim (``scenario``: the one to check it on, or None: unmodelled)."""
    e: dict = {
        "id": f"x-{date.isoformat()}-{_slug(c['speaker'])}-{i}",
        "speaker": {"name": c["speaker"], "role": speaker_role(c["speaker"]), "type": speaker_type(c["speaker"])},
        "date": date.isoformat(),
        "source": {"address": address},
        "language": c["language"],
        "text": _text(c),
        "status": "extracted",
    }
    if c["language"] != "en":
        e["original"] = {"text": c["quote"][:2000], "language": c["language"]}
    by = c["deadline"]["date"] if c["deadline"] and c["deadline"]["date"] else date.isoformat()
    if c["unit"] in ("USD", "MW", "count", "months"):
        e["quantity"] = {"comparator": c["comparator"], "value": c["quantity"], "unit": c["unit"], "hedge": c["hedge"]}
    e["resolution"] = {
        "criteria": f"{_text(c)} (as the article reports it: {c['quote'][:300]})",
        "source": "public reporting after the deadline",
        "by": by,
        "ambiguity": f"extracted automatically (confidence {c['confidence']}); review the reading before keeping it"
        + (f"; the built-in ledger's {c['ledger_id']} makes the same claim" if c.get("ledger_id") else ""),
    }
    if scenario is not None:
        e["kind"] = "outcome"
        e["scenario"] = scenario
        e["check"] = {"series": SERIES[c["unit"]], "by": by[:7]}
    else:
        e["kind"] = "unmodelled"
        e["reason"] = f"extracted, not yet reviewed: proposed kind {c['kind']!r}; {_why_not(c)}"
    e["observed"] = {"status": "too early", "as_of": date.isoformat()}
    return e


def _why_not(c: dict) -> str:
    if c["unit"] not in SERIES:
        return {"EUR": "an amount in euros (the ledger counts USD)", "months": "a time span",
                "rank": "a ranking needs its rivals"}.get(c["unit"], "no series for it")  # fmt: skip
    if not (c["deadline"] and c["deadline"]["date"]):
        return "no deadline in the article"
    return "no built-in scenario of this programme as of the article's date"


def _problem_ids(exc: GigawattError) -> set[str]:
    return set(re.findall(r"claims\[([a-z0-9-]+)\]", str(exc)))


def ledger_entries(claims: list[dict], date: dt.date | None, address: str, today: dt.date) -> dict:
    """``{"claims": [...]}``: the entries, validated by the ledger's rules; a proposed outcome the rules refuse (a
    month outside the scenario's horizon) is written unmodelled with the rule's words."""
    from gigawatt.claims.ledger import parse_ledger
    from gigawatt.claims.scenarios import load_scenarios, validate_ledger

    if date is None:
        raise GigawattError("--yaml needs --date: a ledger entry is dated by the day the claim was made")
    if not claims:
        return {"claims": []}
    scenarios = _builtin_scenarios()
    chosen = {}
    for i, c in enumerate(claims, start=1):
        outcome = c["kind"] == "outcome" and c["unit"] in SERIES and c["deadline"] and c["deadline"]["date"]
        chosen[i] = scenario_for(c["programme"], date, scenarios) if outcome else None
    for _ in range(2):
        tree = {"claims": [entry(c, i, date, address, chosen[i]) for i, c in enumerate(claims, start=1)]}
        try:
            ledger = parse_ledger(tree, "extracted entries")
            validate_ledger(ledger, "extracted entries", load_scenarios(ledger, "extracted", None, None), today, False)
            return tree
        except GigawattError as exc:
            bad = _problem_ids(exc)
            if not bad:
                raise
            for i in chosen:
                if tree["claims"][i - 1]["id"] in bad:
                    chosen[i] = None
    return tree

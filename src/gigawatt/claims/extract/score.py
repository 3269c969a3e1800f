"""The extractor against a gold corpus: recall and precision on quantities (number, unit and comparator all right),
speaker accuracy, and the share of gold claims with every field right (quantity, speaker and deadline).

Speakers are compared exactly (the measure the targets apply to). Beside it, ``speaker_same_entity`` counts a speaker
right where it names the gold's speaker in another form (:func:`same_entity`: "Vantage Data Centers" for "Vantage",
"DSIT" for "Department for Science, Innovation and Technology"), the lenient comparison of the second annotator in
docs/claims.md: it says how much of the gap is name form, not who spoke.

A corpus file is YAML: ``date``, ``language``, ``heldout`` (kept aside while the rules were written), ``text`` and
``gold`` (one mapping per claim: ``quantity`` in base units, ``unit``, ``comparator``, ``speaker``, ``deadline``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from gigawatt.claims.extract.speakers import ARTICLE

# two quantities agree when within this share: gold durations in days are written to 4 decimals in months
REL_TOLERANCE = 1e-3


def read_corpus(folder: str | Path) -> list[dict]:
    import yaml

    out = []
    for path in sorted(Path(folder).glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc["name"] = path.stem
        out.append(doc)
    return out


def _same(g: dict, p: dict) -> bool:
    v = float(g["quantity"])
    return (
        g["unit"] == p["unit"]
        and g["comparator"] == p["comparator"]
        and abs(v - p["quantity"]) <= REL_TOLERANCE * max(abs(v), 1.0)
    )


_LINKS = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "der", "die", "das", "von"}


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w&]+", name.casefold()) if w not in _LINKS]


def same_entity(predicted: str, gold: str) -> bool:
    """Two names of one speaker: equal; the same words ("Commerce Department", "Department of Commerce"); the words
    of one all in the other where they begin or end it ("Comfort Systems" and "Comfort Systems USA", "Public Utility
    Counsel" and "Office of Public Utility Counsel"); or one the acronym of the other's capitalised words ("DSIT").
    ``the article`` is the same only as itself."""
    if predicted == gold or ARTICLE in (predicted, gold):
        return predicted == gold
    a, b = _words(predicted), _words(gold)
    if a and b and set(a) == set(b):
        return True
    short, long = sorted((a, b), key=len)
    # a part of the name that begins or ends it ("Vantage", "Public Utility Counsel"), not a word inside ("Science")
    if short and set(short) < set(long) and (short[0] == long[0] or short[-1] == long[-1]):
        return True
    for short, long in ((predicted, gold), (gold, predicted)):
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w&]*", long))
        if re.fullmatch(r"[A-Z]{2,8}", short) and short == initials:
            return True
    return False


def _deadline(c: dict) -> str | None:
    d = c.get("deadline")
    if isinstance(d, dict):
        return d.get("date")
    return d.isoformat() if isinstance(d, dt.date) else d


@dataclasses.dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker: int = 0
    same_entity: int = 0
    every: int = 0
    misses: list = dataclasses.field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "recall": self.matched / self.gold if self.gold else None,
            "precision": self.matched / self.predicted if self.predicted else None,
            "speaker_accuracy": self.speaker / self.matched if self.matched else None,
            "speaker_same_entity": self.same_entity / self.matched if self.matched else None,
            "every_field": self.every / self.gold if self.gold else None,
        }


def score_article(doc: dict, claims: list[dict], tally: Tally) -> None:
    """Add one article's gold and predicted claims to ``tally`` (greedy one-to-one matching, in gold order)."""
    free = list(claims)
    tally.gold += len(doc["gold"])
    tally.predicted += len(claims)
    for g in doc["gold"]:
        hit = next((p for p in free if _same(g, p)), None)
        if hit is None:
            tally.misses.append(f"{doc['name']}: missed {g}")
            continue
        free.remove(hit)
        tally.matched += 1
        speaker_ok = hit["speaker"] == g["speaker"]
        tally.speaker += speaker_ok
        tally.same_entity += same_entity(hit["speaker"], g["speaker"])
        if not speaker_ok:
            tally.misses.append(f"{doc['name']}: speaker {hit['speaker']!r}, gold {g['speaker']!r} ({g})")
        deadline_ok = _deadline(hit) == _deadline(g)
        if speaker_ok and deadline_ok:
            tally.every += 1
        elif speaker_ok:
            tally.misses.append(f"{doc['name']}: deadline {_deadline(hit)!r}, gold {_deadline(g)!r} ({g})")
    for p in free:
        tally.misses.append(f"{doc['name']}: extra {p['quantity']:g} {p['unit']} {p['comparator']} ({p['speaker']})")


def score(corpus: list[dict], heldout: bool | None = None) -> dict[str, Tally]:
    """Per language (and ``all``): the tallies over the corpus (``heldout``: only those, or only the others)."""
    from gigawatt.claims.extract import extract

    tallies: dict[str, Tally] = {}
    for doc in corpus:
        if heldout is not None and bool(doc.get("heldout")) != heldout:
            continue
        date = doc["date"] if isinstance(doc["date"], dt.date) else dt.date.fromisoformat(str(doc["date"]))
        claims = extract(doc["text"], date)["claims"]
        for key in (doc["language"], "all"):
            score_article(doc, claims, tallies.setdefault(key, Tally()))
    return tallies

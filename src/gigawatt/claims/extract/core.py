"""The extraction, sentence by sentence: language, numbers, quantities, hedges, deadlines, speakers; then one claim
per distinct (speaker, quantity, unit, comparator), with every place it occurs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

from gigawatt.claims.extract import patterns
from gigawatt.claims.extract.deadlines import add_months, read_deadline
from gigawatt.claims.extract.language import LANGS, detect, outside_language, sentence_language
from gigawatt.claims.extract.numbers import number_spans
from gigawatt.claims.extract.quantities import Quantity, classify, multipliers
from gigawatt.claims.extract.speakers import ARTICLE, Attribution, attribute, people_in, quotes_in, speaker_type
from gigawatt.errors import GigawattError

_PROGRAMMES = re.compile(r"Stargate[ -](?:UAE|VAE|EAU|Emirates)|Stargate|Colossus|Abilene")
_PROGRAMME_NAME = {"Abilene": "Stargate"}
WHAT = {"USD": "investment", "EUR": "investment, in euros", "MW": "power capacity", "count": "chips",
        "months": "time span", "rank": "rank among its rivals"}  # fmt: skip
# comparator words that, before a duration, say where the span lies rather than bound it ("over four years")
_SPAN_WORDS = {"over", "über", "sur", "in", "within"}
# a bare figure after "a total of" counts what the figure before it counts
_TOTAL_OF = re.compile(r"\b(?:total|totale|insgesamt|gesamt)\s+(?:of\s+|de\s+|d['’]\s*|von\s+)?$", re.IGNORECASE)
# a multiple "of today's level", "du niveau actuel", "des heutigen Stands": of a figure given before the sentence
_TODAY = re.compile(
    r"\s*(?:of\s+|du\s+|de\s+|des\s+|der\s+)?(?:(?:today['’]s|the current|current|heutigen|aktuellen|jetzigen)\s+"
    r"(?:level|capacity|Stands?|Niveaus?|Kapazität)|(?:du |le )?niveau (?:actuel|d['’]aujourd['’]hui))\b",
    re.IGNORECASE,
)
# "ten times the performance of", "dix fois la performance": a multiple of a thing, not of a figure
_OF_A_THING = re.compile(r"\s+(?:the|la|le|les|die|der|das|des)\s+(?!same\b)[^\W\d]+", re.IGNORECASE)
# where a figure's clause ends, for its deadline: a semicolon, a colon, or a comma that opens another main clause or a
# first part ("..., and its turbine supplier has promised", "..., starting with a first gigawatt"); a plain comma or a
# dash sets off a phrase of the same clause ("more than 1 gigawatt by the end of 2026, with some 500,000 GPUs")
_CLAUSE_END = re.compile(
    r"[;:]\s|,\s+(?=(?:and|but|while|whereas|starting with|beginning with|et|mais|alors que|tandis que"
    r"|en commençant par|und|aber|während|beginnend mit|angefangen mit)\b)"
)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:qui|which|who|die|der|das|welche|welcher|welches|dont)\b[^,;:]*,")
# "seit Ende Januar", "since March": the start of a period, not a deadline
_SINCE = re.compile(r"\b(?:since|seit|depuis)\s*$", re.IGNORECASE)


@dataclasses.dataclass
class Sentence:
    start: int
    end: int
    lang: str
    paragraph: int
    text: str
    doc: object = None
    found: list = dataclasses.field(default_factory=list)  # (label, start, end) in the article's offsets


def _narration(text: str) -> str:
    """The text outside its quotations (whose language is the writer's), or all of it where that is too short to
    tell ("„By 2030 we will have 1.9 gigawatts“, sagte Humain-Chef Tareq Amin auf Englisch" is German)."""
    outside = text
    for qs, qe in reversed(quotes_in(text)):
        outside = outside[:qs] + " " + outside[qe:]
    return outside if len(outside.strip()) >= _MIN_QUOTE_CHARS else text


def sentences(text: str, lang: str) -> list[Sentence]:
    """Paragraphs (lines), each cut into sentences by spaCy's sentencizer, each with its language."""
    out = []
    for p, par in enumerate(re.finditer(r"[^\n]+", text)):
        if not par.group().strip():
            continue
        plang = detect(_narration(par.group())) if lang == "auto" else lang
        for sent in patterns.nlp(plang)(par.group()).sents:
            start = par.start() + sent.start_char
            body = sent.text
            slang = sentence_language(_narration(body), plang) if lang == "auto" else lang
            doc = patterns.nlp(slang)(body)
            s = Sentence(start, start + len(body), slang, p, body, doc)
            s.found = [(label, a + start, b + start) for label, a, b in patterns.matches(doc, slang)]
            s.found += _quoted_patterns(body, start, slang)
            out.append(s)
    return out


_MIN_QUOTE_CHARS = 20  # a shorter quotation ("« bien moins de 10 milliards »") keeps its sentence's language


def _quoted_patterns(body: str, start: int, lang: str) -> list[tuple[str, int, int]]:
    """Hedges and deadlines inside a quotation in another language than its sentence ("« We will deliver 100,000
    GPUs by the end of 2026 », a déclaré en anglais Josh Payne"), read with that language's patterns."""
    out = []
    for qs, qe in quotes_in(body):
        quote = body[qs:qe]
        # lingua's best guess, however sure: another language's patterns rarely match text that is not in it
        qlang = detect(quote) if len(quote) >= _MIN_QUOTE_CHARS else lang
        if qlang != lang:
            found = patterns.matches(patterns.nlp(qlang)(quote), qlang)
            out += [(label, a + qs + start, b + qs + start) for label, a, b in found if label != "cue"]
    return out


def _comparator(s: Sentence, q: Quantity, at: int) -> tuple[str | None, str]:
    """The comparator whose hedge ends just before the quantity (``at``: where the figure's words begin)."""
    for label, a, b in s.found:
        if not label.startswith(("cmp:", "split:")) or b > at:
            continue
        gap = s.text[b - s.start : at - s.start]
        if re.fullmatch(r"[\s$€]*(?:US\$)?\s*(?:de|d['’]|of|the|that|à|zu)?\s*", gap):
            hedge = s.text[a - s.start : b - s.start]
            if q.unit == "months" and hedge.lower() in _SPAN_WORDS:
                return None, ""
            if hedge == "über" and re.search(r"[a-zäöüß]\s*[A-ZÄÖÜ][\wäöüß-]+\s+$", s.text[: a - s.start]):
                return None, ""  # "einen Kredit über 10 Milliarden Dollar": a loan of, not more than
            return label.split(":")[1], hedge
    for label, a, b in s.found:  # the figure inside a split hedge; a multiplier's base is what it is compared with
        if label.startswith("split:") and a < at < b and q.unit != "months" and "base" not in q.roles:
            return label[6:], s.text[a - s.start : b - s.start]
    return None, ""


def _clause(s: Sentence, at: int) -> tuple[int, int]:
    """The clause of the sentence around ``at`` (article offsets), cut where ``_CLAUSE_END`` says and around a relative
    clause set off by commas ("Lighthouse, qui coûtera 15 milliards de dollars, doit apporter ... d'ici fin 2028")."""
    ends = [m.end() for m in _CLAUSE_END.finditer(s.text)]
    ends += [i for m in _RELATIVE_CLAUSE.finditer(s.text) for i in (m.start() + 1, m.end())]
    cuts = sorted({s.start, s.end, *(s.start + e for e in ends)})
    i = max(k for k in range(len(cuts) - 1) if cuts[k] <= at)
    return cuts[i], cuts[i + 1]


def _deadline(s: Sentence, date: dt.date | None, durations: list[float], at: int, others: list[int]) -> dict | None:
    """The deadline of a figure at ``at``: one in its own clause; else the sentence's first, unless that one sits in a
    clause with figures of its own (``others``: where the sentence's figures begin)."""
    spans = [(a, b) for label, a, b in s.found if label == "deadline" and not _SINCE.search(s.text[: a - s.start])]
    here = _clause(s, at)
    # in its own clause, the nearest ("bis 2030 auf 2 Gigawatt ... und in einigen Jahren 5 GW")
    own = sorted(
        ((a, b) for a, b in spans if here[0] <= a < here[1]), key=lambda d: min(abs(d[0] - at), abs(at - d[1]))
    )
    if not own and spans:
        where = _clause(s, spans[0][0])
        spans = [] if any(where[0] <= o < where[1] for o in others) else spans
    if own or spans:
        a, b = (own or spans)[0]
        return read_deadline(s.text[a - s.start : b - s.start], s.lang, date)
    if durations:
        if date is None:
            return {"text": "", "date": None, "granularity": None}
        return {"text": "", **add_months(date, durations[0])}
    return None


def significant_digits(value: float) -> int:
    """Significant digits of a figure as written (trailing zeros are magnitude): 5.83e9 has 3, 1.2e3 has 2."""
    digits = f"{abs(value):.12e}".split("e")[0].replace(".", "").rstrip("0")
    return max(len(digits), 1)


def _default_comparator(q: Quantity) -> str:
    """Unhedged: a round figure (one or two significant digits) is a magnitude, ``about``; a precise one ("$5.83
    billion", three digits or more), a time span and a rank are ``=``."""
    if q.unit in ("months", "rank") or significant_digits(q.value) >= 3:
        return "="
    return "about"


def _raw(s: Sentence, q: Quantity, context: tuple, extra: dict) -> dict:
    date, durations, others = context
    at = q.start + s.start
    comparator, hedge = _comparator(s, q, at)
    # a time span sets the deadline of the money spent over it ("500 milliards sur quatre ans"), not of a count
    spans = durations if q.unit in ("USD", "EUR") else []
    deadline = _deadline(s, date, spans, at, others) if q.unit not in ("months", "rank") else None
    return {
        "quote": s.text.strip(),
        "start": s.start + (len(s.text) - len(s.text.lstrip())),
        "end": s.start + len(s.text.rstrip()),
        "span": [at, s.start + q.end],
        "quantity": q.value,
        "unit": q.unit,
        "comparator": comparator or _default_comparator(q),
        "hedge": hedge,
        "deadline": deadline,
        "language": s.lang,
        "flags": list(q.flags),
        "multiplier": q.multiplier,
        **extra,
    }


def _quantities(s: Sentence, previous: list[Quantity]) -> list[Quantity]:
    """The sentence's quantities, multipliers resolved against the last quantity before them (this sentence's or
    an earlier one's in the paragraph), and superlatives as rank 1."""
    qs = []
    for n in number_spans(s.text, s.doc, s.lang):
        q = classify(s.text, n, s.lang)
        if q is None and qs and _TOTAL_OF.search(s.text[: n.start]):  # "35 000 puces ..., sur un total de 70 000"
            q = Quantity(n.value, qs[-1].unit, n.start, n.end, n.start, list(qs[-1].flags))
        money = [o for o in qs + previous if o.unit in ("USD", "EUR")]
        if q is None and money and n.scaled >= 1e9:  # "contre 35 milliards", "« Plus de 50 milliards seront investis »"
            q = Quantity(n.value, money[-1].unit, n.start, n.end, n.start, list(money[-1].flags))
        if q is not None and not any(o.start < q.end and q.start < o.end for o in qs):
            qs.append(q)
    for factor, a, b in multipliers(s.text, s.lang):
        after = [q for q in qs if b <= q.start <= b + 40 and q.unit not in ("months", "rank")]  # "cinq fois ... de 100"
        base = after[:1] or [q for q in qs if q.end <= a and q.unit not in ("months", "rank")]
        if _TODAY.match(s.text[b:]):  # "das Fünfzehnfache des heutigen Stands": today's figure, said before
            base = []
        elif not after and _OF_A_THING.match(s.text[b:]):  # "ten times the performance of ...": no figure to multiply
            continue
        base = base or [q for q in previous if q.unit not in ("months", "rank")]
        if base and not any(q.start <= a < q.end for q in qs):
            of = base[-1]
            of.roles.add("base")
            mult = {"factor": factor, "of": of.value, "unit": of.unit}
            qs.append(Quantity(factor * of.value, of.unit, a, b, a, list(of.flags), mult))
    for label, a, b in s.found:
        if label == "superlative":
            qs.append(Quantity(1.0, "rank", a - s.start, b - s.start, a - s.start))
    return sorted(qs, key=lambda q: q.start)


def _att_at(segments: list, at: int) -> Attribution | None:
    """The attribution of the clause around ``at`` (``segments``: one sentence's ``(start, end, attribution)``); a
    clause without a cue of its own takes the one before it, else the one after ("..., berichtete The Information;
    zuvor waren 450 Milliarden geplant")."""
    here = next((k for k, (a, b, _) in enumerate(segments) if a <= at < b), len(segments) - 1)
    order = [here, *range(here - 1, -1, -1), *range(here + 1, len(segments))]
    return next((segments[k][2] for k in order if segments[k][2] is not None), None)


def _speaker_for(at: int, s: Sentence, i: int, sents, attrib, quotes) -> tuple[Attribution | None, bool]:
    """(attribution, inside a quotation) for a figure at ``at`` in sentence ``i``."""
    for qs, qe in quotes:
        if qs <= at < qe:
            near = [j for j in range(len(sents)) if sents[j].start <= qe + 3 and qs - 3 <= sents[j].end]
            if near and near[-1] + 1 < len(sents) and sents[near[-1] + 1].paragraph == s.paragraph:
                near.append(near[-1] + 1)
            order = sorted(near, key=lambda j: (not (sents[j].start <= qe <= sents[j].end + 2), j))
            found = next((a for j in order if (a := _att_at(attrib[j], qe)) is not None), None)
            return found, True
    return _att_at(attrib[i], at), False


def _attributions(text: str, sents: list[Sentence], quotes) -> list[list]:
    """Per sentence, its clauses (cut at semicolons) each with the attribution of its own reporting cues."""
    out, last, people = [], None, people_in(text)
    for s in sents:
        cuts = [s.start] + [s.start + m.end() for m in re.finditer(r";\s", s.text)] + [s.end + 1]
        segments = []
        for a, b in itertools.pairwise(cuts):
            cues = [(x, y) for label, x, y in s.found if label == "cue" and a <= x < b]
            att = attribute(text, (a, min(b, s.end)), cues, quotes, s.lang, last, people) if cues else None
            if att is not None and not att.pronoun and speaker_type(att.speaker) == "person":
                last = att.speaker
                if len(last.split()) > 1:  # "Tate Reeves said ...", then "Reeves said"
                    people.setdefault(last.split()[-1], last)
            segments.append((a, b, att))
        out.append(segments)
    return out


def _kind(c: dict, s: Sentence) -> str:
    if c["unit"] == "rank":
        return "comparison"
    if c["unit"] in ("EUR",):
        return "unmodelled"
    if c["unit"] == "months" or any(label == "secured" for label, _, _ in s.found):
        return "input"
    return "outcome"


def _confidence(c: dict, att: Attribution | None, quoted: bool) -> float:
    """A rule-of-thumb score (not a calibrated probability): how much of the claim the rules read directly."""
    score = 0.9 if att is not None and not att.pronoun else 0.75 if att is not None else 0.7 if not quoted else 0.6
    if c["negated"]:
        score *= 0.5
    if c["multiplier"] is not None or c["unit"] == "EUR":
        score -= 0.1
    if c["deadline"] is not None and c["deadline"]["date"] is None:
        score -= 0.1
    return round(max(score, 0.05), 2)


def _subject(c: dict, programme: str) -> str:
    what = WHAT[c["unit"]]
    if c["kind"] == "input" and c["unit"] == "USD":
        what = "money secured or committed"
    by = c["deadline"]["date"] if c["deadline"] and c["deadline"]["date"] else None
    return f"{programme}: {what}" + (f" by {by}" if by else "")


def _claims_of(text: str, sents: list[Sentence], date: dt.date | None) -> list[dict]:
    quotes = quotes_in(text)
    attrib = _attributions(text, sents, quotes)
    first = _PROGRAMMES.search(text)
    programme = _PROGRAMME_NAME.get(first.group(), first.group()) if first else "the project"
    out, previous = [], []
    for i, s in enumerate(sents):
        named = _PROGRAMMES.findall(s.text)
        if named:
            programme = _PROGRAMME_NAME.get(named[0], named[0])
        programme = re.sub(r"Stargate[ -](?:VAE|EAU|Emirates)", "Stargate UAE", programme)
        qs = _quantities(s, previous)
        durations = [q.value for q in qs if q.unit == "months"]
        for q in qs:
            at = s.start + q.start
            att, quoted = _speaker_for(at, s, i, sents, attrib, quotes)
            denial = any(label == "denial" and b <= at for label, _, b in s.found)
            others = [s.start + o.start for o in qs if o is not q and o.unit not in ("months", "rank")]
            c = _raw(s, q, (date, durations, others), {"negated": denial})
            c["speaker"] = ARTICLE if att is None or denial else att.speaker
            c["attribution"] = _spans(att) if att is not None and not denial else None
            c["kind"] = _kind(c, s)
            c["subject"] = _subject(c, programme)
            c["programme"] = programme
            c["confidence"] = _confidence(c, att, quoted)
            out.append(c)
            if q.unit != "rank" and c["comparator"] not in ("<", "well under") and c["kind"] != "input":
                previous.append(q)  # what a later "five times" may multiply: a pledge, not a bound or a holding
    return out


def _spans(att: Attribution) -> dict:
    return {"cue": list(att.cue) if att.cue else None, "speaker": list(att.span) if att.span else None,
            "content": list(att.content) if att.content else None, "pronoun": att.pronoun}  # fmt: skip


def _key(c: dict) -> tuple:
    return (c["speaker"], c["unit"], round(c["quantity"], 6), c["comparator"], c["programme"])


def merge(claims: list[dict]) -> list[dict]:
    """One claim per (speaker, unit, quantity, comparator, programme), with every place it occurs."""
    seen: dict[tuple, dict] = {}
    for c in claims:
        kept = seen.get(_key(c))
        if kept is None:
            c["occurrences"] = [c["span"]]
            seen[_key(c)] = c
        else:
            kept["occurrences"].append(c["span"])
            if kept["deadline"] is None and c["deadline"] is not None:
                kept["deadline"] = c["deadline"]
    return list(seen.values())


def extract(text: str, date: dt.date | None = None, lang: str = "auto") -> dict:
    """The quantitative claims of one article: ``{"article": {...}, "claims": [...]}`` (docs/claims.md)."""
    if lang not in (*LANGS, "auto"):
        raise GigawattError(f"--lang: {lang!r} is not a language the extractor reads; expected en, fr, de or auto")
    if lang == "auto" and (other := outside_language(text)) is not None:
        raise GigawattError(
            f"the article reads as {other}; expected English, French or German (--lang en|fr|de reads it as one)"
        )
    sents = sentences(text, lang)
    claims = merge(_claims_of(text, sents, date))
    counts: dict[str, int] = {}
    for s in sents:
        counts[s.lang] = counts.get(s.lang, 0) + len(s.text)
    language = max(counts, key=counts.get) if counts else (lang if lang != "auto" else "en")
    article = {"language": language, "languages": sorted(counts), "date": date.isoformat() if date else None,
               "chars": len(text), "date_used": date is not None}  # fmt: skip
    return {"article": article, "claims": claims}

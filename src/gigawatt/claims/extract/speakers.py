"""Who speaks: the people and companies of this debate (a list of names with their aliases), reporting cues
(patterns.CUES, found by spaCy's Matcher), quotation marks, and the last named speaker for a pronoun.

Each attribution keeps three character spans, the shape quote-attribution corpora use (GermEval 2023's): the
``cue`` (the reporting verb or "selon"), the ``speaker`` (the name as written) and the ``content`` (the quotation's
text, or the sentence for indirect speech).
"""

from __future__ import annotations

import dataclasses
import re

ARTICLE = "the article"

# canonical name: (type, role, aliases as written in the three languages)
KNOWN = {
    "Sam Altman": ("person", "CEO of OpenAI", ["Sam Altman", "Altman"]),
    "Elon Musk": ("person", "CEO of xAI", ["Elon Musk", "Musk"]),
    "Masayoshi Son": ("person", "CEO of SoftBank, chairman of Stargate", ["Masayoshi Son"]),
    "Larry Ellison": ("person", "chairman of Oracle", ["Larry Ellison", "Ellison"]),
    "Donald Trump": ("person", "President of the United States", ["Donald Trump", "Trump"]),
    "Jensen Huang": ("person", "CEO of Nvidia", ["Jensen Huang", "Huang"]),
    "Satya Nadella": ("person", "CEO of Microsoft", ["Satya Nadella", "Nadella"]),
    "Peng Xiao": ("person", "CEO of G42", ["Peng Xiao", "Xiao"]),
    "Sarah Friar": ("person", "CFO of OpenAI", ["Sarah Friar", "Friar"]),
    "Chase Lochmiller": ("person", "CEO of Crusoe", ["Chase Lochmiller", "Lochmiller"]),
    "OpenAI": ("organization", "", ["OpenAI"]),
    "SoftBank": ("organization", "", ["SoftBank", "Softbank"]),
    "Oracle": ("organization", "", ["Oracle"]),
    "MGX": ("organization", "", ["MGX"]),
    "G42": ("organization", "", ["G42"]),
    "xAI": ("organization", "", ["xAI"]),
    "Nvidia": ("organization", "", ["Nvidia", "NVIDIA"]),
    "Microsoft": ("organization", "", ["Microsoft"]),
    "Crusoe": ("organization", "", ["Crusoe"]),
    "Reuters": ("organization", "news agency", ["Reuters"]),
    "Bloomberg": ("organization", "news agency", ["Bloomberg"]),
    "The Information": ("organization", "news site", ["The Information"]),
    "the White House": ("organization", "", ["the White House", "White House", "la Maison Blanche", "Weißen Haus"]),
    "Epoch AI": ("organization", "research group", ["Epoch AI"]),
    "SemiAnalysis": ("organization", "research firm", ["SemiAnalysis"]),
}
_ALIASES = sorted(((a, name) for name, (_, _, aliases) in KNOWN.items() for a in aliases), key=lambda x: -len(x[0]))
_KNOWN_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a, _ in _ALIASES) + r")(?![\w])")
_CANON = dict(_ALIASES)
# a name the list lacks: two or three capitalised words (first names and surnames), near a cue only
_NAME_RE = re.compile(r"(?<![\w-])[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+){1,2}(?![\w])")
_NOT_NAMES = {"The", "Le", "La", "Les", "Der", "Die", "Das", "Ein", "Eine", "Un", "Une", "In", "En", "Im", "Am", "On",
              "Selon", "Laut", "According", "Stargate", "Colossus", "Abilene", "Abu", "Texas"}  # fmt: skip
QUOTES = re.compile(r"“([^”]*)”|\"([^\"\n]*)\"|«\s?([^»]*?)\s?»|„([^“”\"]*)[“”\"]|»([^«]*)«")
_AFTER_CUES = {"according to", "reported by", "selon", "d'après", "d’après", "laut", "nach angaben von",
               "nach angaben des", "nach angaben der"}  # fmt: skip
# "the company said": a description of the last company named before it
_DESCRIPTIONS = re.compile(
    r"\b(?:the (?:company|group|firm)|l[’']entreprise|le groupe|la société|das Unternehmen|der Konzern)\b"
)
_NEWS = {"Reuters", "Bloomberg", "The Information", "SemiAnalysis", "Epoch AI"}
_BEFORE_CUES = {"zufolge"}
WINDOW = 80  # characters either side of a cue in which its speaker is looked for


@dataclasses.dataclass
class Attribution:
    speaker: str
    cue: tuple[int, int] | None = None
    span: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    pronoun: bool = False


def speaker_type(name: str) -> str:
    return KNOWN.get(name, ("person", "", []))[0] if name != ARTICLE else "organization"


def speaker_role(name: str) -> str:
    return KNOWN.get(name, ("", "", []))[1]


def names_in(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """(canonical name, start, end) of every known name in ``text``."""
    return [(_CANON[m.group(1)], m.start() + offset, m.end() + offset) for m in _KNOWN_RE.finditer(text)]


def quotes_in(text: str) -> list[tuple[int, int]]:
    """The content spans of the quotations in ``text``."""
    out = []
    for m in QUOTES.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        if len(m.group(g).strip()) >= 3:
            out.append((m.start(g), m.end(g)))
    return out


def _described(text: str, sentence: str, start: int) -> list[tuple[str, int, int]]:
    """'the company', 'le groupe', 'der Konzern': the first company (not a news agency) its sentence names, else the
    last one named before it."""
    out = []
    for m in _DESCRIPTIONS.finditer(sentence):
        firms = [n for n, _, _ in names_in(sentence) if speaker_type(n) == "organization" and n not in _NEWS]
        before = [n for n, _, _ in names_in(text[: start + m.start()]) if speaker_type(n) == "organization"]
        pick = firms[:1] or [n for n in before if n not in _NEWS][-1:]
        if pick:
            out.append((pick[0], start + m.start(), start + m.end()))
    return out


def _candidates(text: str, sent: tuple[int, int], quotes, cue: tuple[int, int], lang: str):
    start, sentence = sent[0], text[sent[0] : sent[1]]
    found = names_in(sentence, start) + _described(text, sentence, start)
    known = [(s, e) for _, s, e in found]
    # German capitalises every noun ("Milliarden Dollar"): there only the list of names is trusted
    for m in _NAME_RE.finditer(sentence) if lang != "de" else ():
        s, e = m.start() + start, m.end() + start
        words = m.group().split()
        if words[0] in _NOT_NAMES or any(ks <= s < ke for ks, ke in known):
            continue
        if min(abs(s - cue[1]), abs(cue[0] - e)) <= 40:
            found.append((m.group(), s, e))
    if text[cue[0] : cue[1]].lower() in _AFTER_CUES and not any(s >= cue[1] for _, s, _ in found):
        # "selon le fournisseur DTE": a name the list lacks, the last capitalised word before the clause ends
        clause = re.match(r"[^,.;:]*", text[cue[1] : sent[1]]).group()
        words = list(re.finditer(r"(?<![\w-])[A-Z][\w&-]*(?: [A-Z][\w&-]*)*", clause))
        if (words and lang != "de") or (words and words[-1].group().isupper()):
            w = words[-1]
            found.append((w.group(), cue[1] + w.start(), cue[1] + w.end()))
    return [c for c in found if not any(qs <= c[1] < qe for qs, qe in quotes)]


def _pick(cands, cue: tuple[int, int], cue_text: str, sentence_end: int, text: str):
    low = cue_text.lower()
    if low in _AFTER_CUES:
        stop = min([i for i in (text.find(",", cue[1]), text.find(".", cue[1])) if i >= 0] or [sentence_end])
        after = [c for c in cands if cue[1] <= c[1] <= max(stop, cue[1] + 2)]
        persons = [c for c in after if speaker_type(c[0]) == "person"]
        return (persons or after or [None])[0]
    if low in _BEFORE_CUES:
        before = [c for c in cands if c[2] <= cue[0]]
        return before[-1] if before else None
    near = [c for c in cands if min(abs(c[1] - cue[1]), abs(cue[0] - c[2])) <= WINDOW]
    persons = [c for c in near if speaker_type(c[0]) == "person"]
    pool = persons or near
    if not pool:
        return None
    pick = min(pool, key=lambda c: min(abs(c[1] - cue[1]), abs(cue[0] - c[2])))
    described = _DESCRIPTIONS.fullmatch(text[pick[1] : pick[2]]) is not None
    if speaker_type(pick[0]) == "organization" and not described:  # "OpenAI, SoftBank and Oracle announced": the first
        for c in sorted(cands, key=lambda c: -c[1]):
            if c[2] <= pick[1] and re.fullmatch(r",\s*|\s+(?:and|et|und)\s+", text[c[2] : pick[1]]):
                pick = c
    return pick


def _pronoun_at(text: str, cue: tuple[int, int], lang: str) -> bool:
    from gigawatt.claims.extract.patterns import PRONOUNS

    around = text[max(0, cue[0] - 12) : cue[1] + 6].lower()
    words = set(re.findall(r"[a-zà-ÿ]+", around))
    return bool(words & PRONOUNS[lang])


def attribute(text: str, sent: tuple[int, int], cues, quotes, lang: str, last: str | None) -> Attribution | None:
    """The speaker of one sentence (``sent``: its span in ``text``) from its reporting cues; None without a cue."""
    for cs, ce in cues:
        cands = _candidates(text, sent, quotes, (cs, ce), lang)
        pick = _pick(cands, (cs, ce), text[cs:ce], sent[1], text)
        if pick is not None:
            content = next(((qs, qe) for qs, qe in quotes if sent[0] <= qe and qs <= sent[1]), sent)
            pronoun_first = _pronoun_at(text, (cs, ce), lang) and min(abs(pick[1] - ce), abs(cs - pick[2])) > 15
            if not pronoun_first:
                return Attribution(pick[0], (cs, ce), (pick[1], pick[2]), content)
        if last is not None and _pronoun_at(text, (cs, ce), lang):
            return Attribution(last, (cs, ce), None, sent, pronoun=True)
    return None

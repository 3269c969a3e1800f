"""Numbers as news articles write them, in English, French and German.

Digits: groups of three separated by a space, a no-break space (U+00A0), a narrow no-break space (U+202F), a dot or
a comma; the decimal mark a dot or a comma. Which is which is read from the number itself, the same way in the
three languages (a machine-translated French page keeps "1.4" as often as it writes "1,4"):

* both a dot and a comma: the last one is the decimal mark (``1,234.5`` and ``1.234,5``);
* spaces only ever group;
* one kind of mark used more than once groups (``1.234.567``, ``1,234,567``);
* one mark once: followed by exactly three digits it groups (``500.000``, ``100,000``), otherwise it is the
  decimal mark (``1,4``, ``1.25``). So ``1,234`` reads as 1234 in every language, never 1.234: an article that
  means 1.234 writes it with another digit count. This is the one ambiguity the rules leave.

Scale words are per language (:data:`SCALES`): English billion = 10^9; French milliard and German Milliarde = 10^9;
French billion and German Billion = 10^12. ``trillion`` in French or German text is machine translation left over
from English ("1,4 trillion de dollars"), so it is read in the English sense, 10^12, not as the French trillion
(10^18), which no article about data centres means. The scale word is read in the language of the sentence it
stands in, so an English sentence quoted in a French article keeps billion = 10^9.

Spelled-out numbers (``cinq cents milliards``, ``fünfhundert``, ``one hundred twenty-two``) are read by text2num's
``find_numbers`` over the sentence's tokens. text2num reads "500 milliards" as two numbers (500 and 1000000000), and
run over "500 milliards et cinq cents" it joins the scale word to the words after it; so digits, and a scale word
straight after digits, are marked as not part of a spelled number, and a digit number and its scale word are joined
here (:func:`number_spans`).
"""

from __future__ import annotations

import dataclasses
import re

SPACES = " \u00a0\u202f"

# a number in digits: grouped (any of the separators) or plain, with an optional decimal part
DIGITS = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?")

SCALES = {
    "en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "billions": 1e9,
           "bn": 1e9, "trillion": 1e12, "trillions": 1e12, "tn": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
           "milliard": 1e9, "milliards": 1e9, "billion": 1e12, "billions": 1e12, "trillion": 1e12, "trillions": 1e12},
    "de": {"tausend": 1e3, "mio": 1e6, "million": 1e6, "millionen": 1e6, "mrd": 1e9, "mia": 1e9, "milliarde": 1e9,
           "milliarden": 1e9, "billion": 1e12, "billionen": 1e12, "trillion": 1e12, "trillionen": 1e12},
}  # fmt: skip
# letters written straight after the digits ("$10B", "100k", "$1.4T", "500 Mrd."): the same in the three languages
SUFFIXES = {"k": 1e3, "K": 1e3, "M": 1e6, "m": 1e6, "B": 1e9, "bn": 1e9, "Bn": 1e9, "T": 1e12, "tn": 1e12}


def parse_number(text: str) -> float:
    """A number in digits, in any of the three languages' formats (module docstring), as a float.

    >>> parse_number("500\u00a0000"), parse_number("1,4"), parse_number("1.234,5"), parse_number("100,000")
    (500000.0, 1.4, 1234.5, 100000.0)
    """
    s = "".join(ch for ch in text.strip() if ch not in SPACES)
    if not s or not re.fullmatch(r"[\d.,]+", s) or not s[0].isdigit() or not s[-1].isdigit():
        raise ValueError(f"{text!r} is not a number in digits")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        group = "," if decimal == "." else "."
        if s.count(decimal) > 1:
            raise ValueError(f"{text!r} has two decimal marks")
        return float(s.replace(group, "").replace(decimal, "."))
    mark = "." if dots else "," if commas else ""
    if not mark:
        return float(s)
    parts = s.split(mark)
    if len(parts) > 2 or len(parts[1]) == 3:
        if any(len(p) != 3 for p in parts[1:]) or len(parts[0]) > 3:
            raise ValueError(f"{text!r}: groups of three digits expected after {mark!r}")
        return float("".join(parts))
    return float(s.replace(",", "."))


@dataclasses.dataclass(frozen=True)
class Number:
    value: float
    start: int  # character offsets in the sentence's text
    end: int
    spelled: bool = False
    scaled: float = 1.0  # the scale word written after it ("milliards": 1e9), 1 without one


class _Token:
    """A spaCy token as text2num's ``Token`` protocol wants it."""

    __slots__ = ("skip", "tok")

    def __init__(self, tok, skip: bool):
        self.tok, self.skip = tok, skip

    def text(self) -> str:
        return self.tok.text

    def nt_separated(self, previous) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return self.skip


def spelled_numbers(doc, lang: str) -> list[Number]:
    """Numbers written in words, from text2num over the tokens of ``doc`` (a spaCy Doc of one sentence); digits
    and the scale word straight after digits are left to :func:`digit_numbers`."""
    from text_to_num import find_numbers

    tokens, after_digit = [], False
    for tok in doc:
        has_digit = any(ch.isdigit() for ch in tok.text)
        tokens.append(_Token(tok, has_digit or after_digit))
        after_digit = has_digit
    out = []
    for occ in find_numbers(tokens, lang, 0):
        span = doc[occ.start : occ.end]
        if occ.is_ordinal or _VAGUE.match(span.text):
            continue
        out.append(Number(float(occ.value), span.start_char - doc[0].idx, span.end_char - doc[0].idx, True))
    return out


def digit_numbers(text: str) -> list[Number]:
    out = []
    for m in DIGITS.finditer(text):
        try:
            out.append(Number(parse_number(m.group()), m.start(), m.end()))
        except ValueError:
            continue
    return out


def scale_after(text: str, end: int, lang: str) -> tuple[float, int]:
    """(the scale written straight after a number ending at ``end``, where the scale word ends); (1, end) if none."""
    m = re.match(r"(bn|Bn|tn|[kKMBT])(?![\w])", text[end:])
    if m:
        return SUFFIXES[m.group(1)], end + m.end()
    m = re.match(r"[ \u00a0\u202f]*([A-Za-zÀ-ÿ]+)\.?", text[end:])
    if m:
        word = m.group(1).lower()
        scale = SCALES[lang].get(word)
        if scale is not None:
            stop = end + m.end() if m.group().endswith(".") and word in ("mrd", "mio", "md", "mds", "mia") else None
            return scale, stop or end + m.start(1) + len(m.group(1))
    return 1.0, end


# "starting with a first gigawatt", "un premier gigawatt", "ein erstes Gigawatt", "about a gigawatt", "the first
# gigawatt should be usable": one (what it counts is read after; "the first gigawatt training cluster" is a rank)
_UNIT_WORD = r"(?:gigawatts?|megawatts?|GW|MW)(?![\w-])"
_A_FIRST = re.compile(
    r"(?<![\w])(?:(?:a|one|un|une|ein|eine|einem|einen)\s+(?:first|premier|première|erstes|erste|ersten)(?=\s)"
    r"|(?:a|an|einem|einen|ein)(?=\s+" + _UNIT_WORD + r")"
    r"|the\s+first(?=\s+" + _UNIT_WORD + r"(?!\s+(?:training|cluster|campus|data|datacenter|supercomputer|AI|site))))",
    re.I,
)
# "Ein Megawatt Kapazität kostete ...", "kostet ein Gigawatt ... 35 Milliarden": the unit of a cost, not a figure
_ONE = re.compile(r"(?:a|an|one|ein|eine|einem|einen|un|une)", re.IGNORECASE)
_COST = re.compile(r"\b(?:kost\w*|costs?|coûte\w*)\b", re.IGNORECASE)
# about so many: "une trentaine de gigawatts", "a dozen", "ein Dutzend"
_ABOUT_SO_MANY = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
                  "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "dozen": 12, "dutzend": 12}  # fmt: skip
_ABOUT_SO_MANY_RE = re.compile(
    r"(?<![\w])(?:une|a|ein)\s+(" + "|".join(_ABOUT_SO_MANY) + r")(?:\s+(?:de|d['’]|of))?", re.I
)
# "half a trillion dollars": 5e11
_HALF_A = re.compile(r"\bhalf a (trillion|billion|million)\b", re.I)
# "hundreds of thousands", "des centaines de milliers", "Hunderttausende": how many is not said
_VAGUE = re.compile(r"^(?:hundreds|thousands|millions|dozens|centaines|milliers|dizaines|hunderte|tausende"
                    r"|hunderttausende|zehntausende)$", re.I)  # fmt: skip


def number_spans(text: str, doc, lang: str) -> list[Number]:
    """Every number in one sentence, in digits or words, with its scale word joined ("500 milliards" = 5e11)."""
    found = digit_numbers(text) + [Number(1.0, m.start(), m.end(), True) for m in _A_FIRST.finditer(text)]
    found += [Number(0.5, m.start(), m.start() + 4, True) for m in _HALF_A.finditer(text)] if lang == "en" else []
    found += [
        Number(_ABOUT_SO_MANY[m.group(1).lower()], m.start(), m.end(), True) for m in _ABOUT_SO_MANY_RE.finditer(text)
    ]
    taken = [(n.start, n.end) for n in found]
    for n in spelled_numbers(doc, lang):
        if not any(s < n.end and n.start < e for s, e in taken):
            found.append(n)
    out = []
    for n in sorted(found, key=lambda n: n.start):
        around = text[max(0, n.start - 12) : n.end] + re.split(r"[,;]", text[n.end : n.end + 40])[0]
        if _ONE.fullmatch(text[n.start : n.end]) and _COST.search(around):
            continue  # "Ein Megawatt Kapazität kostete ...": the unit of a cost
        scale, end = scale_after(text, n.end, lang)
        if n.value == 0.5 and n.spelled:  # "half a trillion dollars"
            scale, end = SCALES["en"][_HALF_A.match(text, n.start).group(1).lower()], _HALF_A.match(text, n.start).end()
        # before a scale word one mark before three digits is the language's decimal mark, not grouping: "4,745
        # Milliarden", "$5.275 billion"
        decimal = "." if lang == "en" else ","
        if scale >= 1e6 and re.fullmatch(rf"\d{{1,3}}{re.escape(decimal)}\d{{3}}", text[n.start : n.end]):
            n = dataclasses.replace(n, value=float(text[n.start : n.end].replace(",", ".")))
        if n.spelled and scale != 1.0 and n.value >= 1e3:
            scale = 1.0  # text2num has already joined "cinq cents milliards"
        out.append(Number(n.value * scale, n.start, end, n.spelled, scale))
    return out

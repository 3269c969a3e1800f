"""What a number in a sentence counts: money (USD, or euros kept as euros and flagged), power (MW), chips and
accelerators (a count), a duration (months), a multiplier of another quantity, a superlative (rank 1)."""

from __future__ import annotations

import dataclasses
import re

from gigawatt.claims.extract.numbers import Number
from gigawatt.claims.extract.patterns import MONTH_ABBREVIATIONS, MONTHS

_I = re.IGNORECASE
_CURRENCY_BEFORE = re.compile(r"(US\$|(?<![A-Za-z])\$|€|USD|EUR)\s?$")  # not "A$353 million", "C$925.6 million"
_MONEY_AFTER = re.compile(
    # after a closing quotation mark too ("„deutlich weniger als 10 Milliarden“ Dollar")
    r"^[“”»\"]?\s*(?:de\s+|d['’]\s*|of\s+)?(dollars? américains|dollars?|US-Dollars?|Dollars?|USD|US\$|\$|euros?"
    r"|Euros?|EUR|€)(?![\w])",
    _I,
)
_POWER_AFTER = re.compile(  # not energy: "30 gigawatt-hours"
    r"^[\s-]*(?:de\s+|d['’]\s*)?(kW|MW|GW|kilowatts?|m[eé]gawatts?|gigawatts?)(?![\w])(?![\s-]hours?\b)", _I
)
# time words per language: German "2028 ans Netz" is not the French "2028 ans"
_TIME_WORDS = {
    "en": "years?|months?|days?|weeks?",
    "fr": "ans|années?|mois|jours|semaines",
    "de": "Jahren?|Jahre|Monaten?|Monate|Tagen?|Tage|Wochen",
}
# "a five-year contract": the unit joined by a hyphen
_TIME_AFTER = {
    lang: re.compile(r"^[\s-]*(?:(?:prochaine?s|derniers|next|last|nächsten|letzten)\s+)?(" + words + r")(?![\w])", _I)
    for lang, words in _TIME_WORDS.items()
}
# "il y a deux ans", "two years ago", "vor zwei Jahren": a time in the past, not a span
_AGO_BEFORE = re.compile(r"(?:il y a|vor|depuis|since|seit|es gibt)\s+(?:\w+\s+){0,2}$", _I)  # "es gibt": translated
# "in its 29 years in the country", "en 29 ans de présence": a company's age, not a span of the build-out
# "aged 80"; "son histoire de 100 ans", "a history of 150 years", "seiner Geschichte von 100 Jahren"
_AGE_BEFORE = re.compile(
    r"\b(?:its|their|ses|leurs|seinen|ihren|aged|(?:histoire|history|Geschichte)\s+(?:de|d['’]|of|von)"
    r"(?:\s+(?:plus de|more than|mehr als|près de|nearly|fast))?)\s*$",
    _I,
)
# a person's age opening the sentence before the person: "À 80 ans, il est ...", "Mit 80 Jahren führt er" (not "À 10
# ans, la facture atteindra", "Mit fünf Jahren Bauzeit", "s'en tient, lui, à quatre ans")
_AGE_OPENING = re.compile(r"\W*(?:À \S+ ans, (?:il|elle|je)\b|Mit \S+ Jahren [a-zäöüß]+ (?:er|sie|ich)\b)")
# "the town's 500-year history", "les 150 ans d'histoire": an age; "the first ... in more than 40 years", "its largest
# investment in 36 years": the time since something last happened, not a span of the build-out
_AGE_AFTER = re.compile(r"^[\s-]*(?:(?:of\s+)?history|old\b|d['’]\s*histoire|Geschichte)", _I)
_SINCE_RECORD = re.compile(
    r"\b(?:first|largest|biggest|highest|lowest|most|premier|première|plus grande?|erste[nrs]?|größte[nrs]?)\b"
    r"[^.;]{0,80}\b(?:in|en|seit)\s+(?:more than |nearly |almost |over |about |plus de |près de |mehr als |fast )?$",
    _I,
)
# "The round comes six months after Nvidia agreed", "The ceremony came 18 years after Google bought": the time since
# another event, not a span of the build-out
_CAME_BEFORE = re.compile(
    r"\b(?:comes?|came|coming|arrives?|arrived|intervient|intervenait|survient|kommt|kam|erfolgt|erfolgte)\s+"
    r"(?:just |only |some |about |nearly |almost |barely |more than |less than |à peine |près de |quelque |plus de "
    r"|moins de |rund |knapp |fast |gut |mehr als )?$",
    _I,
)
# (not a build milestone: "comes 24 months after construction begins", "erfolgt 24 Monate nach Baubeginn")
_AFTER_EVENT = re.compile(
    r"^\s+(?:after|après|nach)\b(?!\s+(?:construction|the start|groundbreaking|approval|the permit"
    r"|financial close|(?:dem |der )?(?:Baubeginn|Baustart|Genehmigung|Spatenstich)|le début|la pose|l['’]obtention"
    r"|l['’]autorisation))",
    _I,
)
_YEAR_BEFORE = re.compile(
    r"\b(?:bis|by|until|ab|from|in|im|en|dès|d['’]ici|seit|since|vor|avant|before|après|after|nach|through)\s+$", _I
)
_A_MONTH = re.compile(r"^\s*(?:a|per|par|pro|im) (?:month|mois|Monat)\b", _I)
_MATURITY = re.compile(
    r"^\s*(?:bonds?|notes?|Anleihen?|obligations?|emprunts?|(?:margin |bridge )?loans?|Kredite?)\b", _I
)
# a reporting period named by the day it ends ("the three months to Sept. 27", "den drei Monaten bis zum 27.
# September", "les trois mois clos le 27 septembre"): a date, no span of the build-out
_MONTH_WORD = (
    r"(?:jan|feb|f[ée]v|m[äa]r|apr|avr|ma[iy]|jun|juin|jul|juil|aug|ao[ûu]t|sep|o[ck]t|nov|d[eé][cz])[a-zéûä]*"
)
_PERIOD_TO = re.compile(
    # a day and its month ("27. September", "27 septembre", "Sept. 27"), not a year or another span ("to 2029")
    r"^\s*(?:to|ending|ended|through|bis zum|clos le|achevés le|terminés le)\s+"
    rf"(?:\d{{1,2}}(?:\.|er)?\s+{_MONTH_WORD}|{_MONTH_WORD}\.? (?:\d{{1,2}}\b(?!\d)|(?:19|20)\d\d))",
    re.IGNORECASE,
)
# or a month alone after "the N months" ("in the three months to December", a machine translation's "die drei Monate
# bis Sept. 30", "les trois mois à décembre"): not a delay or a term ("delayed by six months to September", "runs for
# five years through December", "de cinq ans à sept ans")
_MONTH_NAMES = "|".join(
    [
        *" ".join(MONTHS.values()).split(),
        # (not "mar" nor a bare "sept", French "seven": "de cinq ans à sept ans"; "Sept." keeps its dot)
        *(a.replace(".", r"\.") for a in MONTH_ABBREVIATIONS if a not in ("mar", "sept")),
    ]
)
_PERIOD_TO_MONTH = re.compile(rf"^\s*(?:to|ending|ended|bis|à)\s+(?:{_MONTH_NAMES})(?!\w)", re.IGNORECASE)
# (adjectives between: "after the driest six months to July", "nach den trockensten sechs Monaten bis Juli"; not a
# preposition: "delayed the auction by six months to September")
_THE_MONTHS = re.compile(
    r"\b(?:the|les|des|die|den|der)\s+(?:(?!(?:by|for|of|um|de|par|pour|über|auf)\b)[a-zà-ÿäöüß]+\s+){0,2}$",
    re.IGNORECASE,
)
# the time a multiple takes ("verdreifachen in drei Jahren", "tripler en trois ans"): no span of the build-out
_MULTIPLIED_IN = re.compile(
    r"(?:verdoppel\w*|verdreifach\w*|vervielfach\w*|doubl\w*|tripl\w*|quadrupl\w*)\s+(?:\w+\s+){0,3}"
    r"(?:in|within|en|binnen|innerhalb)\s+(?:\w+\s+)?$",
    _I,
)
_FOREIGN_MONEY_AFTER = re.compile(
    r"^\s*(?:de\s+|d['’]\s*|of\s+)?(?:rupees|roupies|Rupien|yuans?|yens?|wons?|rands?|Yuan|Yen|Won|Rand)\b", _I
)
_FIRST_MONTHS = re.compile(r"\b(?:first|ersten)\s+$", _I)
# "two weeks ago", "Two weeks earlier", "deux semaines plus tôt", "zwei Wochen zuvor": when, not for how long
_AGO_AFTER = re.compile(
    r"^\s*(?:ago|earlier|later|before|plus tôt|plus tard|auparavant|zuvor|früher|später|vorher)\b", _I
)
_CHIP_WORDS = (
    r"GPUs?|chips?|puces|processeurs|accélérateurs|processors|accelerators|Prozessoren|Grafikprozessoren|Beschleuniger"
    r"|[\w-]*-Chips|Chips|[\w-]*-GPUs?|H100s?|H200s?|GB200s?|GB300s?|B200s?|cartes graphiques|Grafikkarten"
    r"|TPUs?|Trainium\d?s?|[\w-]*-TPUs?|[\w-]*-Grafikprozessoren|[\w-]*-Prozessoren"
)
_CHIPS_AFTER = re.compile(r"^\s*(?:de\s+|d['’]\s*)?(?:[\w'’-]+\s+){0,4}?(" + _CHIP_WORDS + r")(?![\w])", _I)
_POWER_MW = {"kw": 1e-3, "kilowatt": 1e-3, "mw": 1.0, "megawatt": 1.0, "mégawatt": 1.0, "gw": 1e3, "gigawatt": 1e3}
_MONTHS = {"y": 12.0, "a": 12.0, "j": 12.0, "m": 1.0, "d": 12 / 365.25, "t": 12 / 365.25, "w": 12 / 52.18,
           "s": 12 / 52.18}  # fmt: skip
MULTIPLIER = {
    "en": re.compile(r"\b(\w+)(?:\s+|-)(?:times|fold)\b", _I),
    "fr": re.compile(r"\b(\w+)\s+fois\b", _I),
    "de": re.compile(r"\b(?:das\s+)?(\w+?)(?:mal|\s+Mal|fache[n]?)\b"),
}


@dataclasses.dataclass
class Quantity:
    value: float
    unit: str  # USD, EUR, MW, count, months, rank
    start: int  # the quantity's span in the sentence (currency sign, number, scale and unit word)
    end: int
    number_start: int
    flags: list[str] = dataclasses.field(default_factory=list)
    multiplier: dict | None = None
    roles: set[str] = dataclasses.field(default_factory=set)  # "base": what a multiplier multiplies


def _time_unit(word: str) -> float:
    w = word.lower()
    if w.startswith(("mo", "mois")):
        return 1.0
    if w.startswith("w") and w != "wochen":
        return _MONTHS["w"]
    if w == "wochen" or w.startswith("sem"):
        return _MONTHS["w"]
    if w.startswith(("tag", "jour", "day")):
        return _MONTHS["d"]
    return 12.0


def classify(text: str, n: Number, lang: str) -> Quantity | None:
    """The quantity a number in ``text`` (one sentence) stands for, or None (a year, a page number, a share)."""
    tail = text[n.end :]
    before = _CURRENCY_BEFORE.search(text[: n.start])
    m = _MONEY_AFTER.match(tail)
    if (before or m) and _UNIT_PRICE.match(tail[m.end() if m else 0 :]):
        return None
    if m and not before and (_OTHER_DOLLARS.search(tail[: m.start(1)]) or _OTHER_DOLLARS_AFTER.match(tail[m.end() :])):
        return None
    if (
        (before or m)
        and n.value < 1e3
        and (_SHARE_PRICE.search(text[: n.start]) or _APIECE.match(tail[m.end() if m else 0 :]))
    ):
        return None  # "pricing its shares at $40 against a range of $47 to $55", "à 21 dollars pièce": share prices
    # "the MI350's average selling price to $25,000", "a complete NVL72 rack sells for about $3 million"
    if (before or m) and n.value < 1e8 and _PRICED_UNIT.search(text[max(0, n.start - 120) : n.start]):
        return None
    if (before or m) and n.value < 1e4 and _A_MONTH.match(tail[m.end() if m else 0 :]):
        return None  # "$11.24 a month" on a household's bill
    if (before or m) and n.value < 1000 and n.scaled == 1 and re.search(r"\d[.,]\d\d$", text[n.start : n.end]):
        return None  # "at $92.98", "87,20 Dollar": a price with cents, not money for the build-out
    if before or m:
        sign = (before.group(1) if before else "") + (m.group(1) if m else "")
        euro = "€" in sign or "eur" in sign.lower()
        start = before.start() if before else n.start
        end = n.end + (m.end() if m else 0)
        return Quantity(
            n.value, "EUR" if euro else "USD", start, end, n.start, ["euros: not converted"] if euro else []
        )
    m = _POWER_AFTER.match(tail)
    if m:
        word = m.group(1).lower().rstrip("s")
        return Quantity(n.value * _POWER_MW[word], "MW", n.start, n.end + m.end(), n.start)
    m = _TIME_AFTER[lang].match(tail)
    if m and (
        _AGO_BEFORE.search(text[: n.start])
        or _AGO_AFTER.match(tail[m.end() :])
        or _AGE_BEFORE.search(text[: n.start])
        or (_AGE_OPENING.match(text) and n.start < 12)
        or _AGE_AFTER.match(tail[m.end() :])
        or _SINCE_RECORD.search(text[max(0, n.start - 120) : n.start])
        or (_CAME_BEFORE.search(text[: n.start]) and _AFTER_EVENT.match(tail[m.end() :]))
    ):
        return None
    multiplied = re.match(
        r"\s*(?:\w+\s+){0,2}(?:verdoppel|verdreifach|vervielfach|doubl|tripl)", tail[m.end() :] if m else ""
    )
    if m and (_MATURITY.match(tail[m.end() :]) or _FIRST_MONTHS.search(text[: n.start]) or multiplied
              or _PERIOD_TO.match(tail[m.end() :])
              or (_PERIOD_TO_MONTH.match(tail[m.end() :]) and _THE_MONTHS.search(text[: n.start]))
              or _MULTIPLIED_IN.search(text[max(0, n.start - 60) : n.start])):  # fmt: skip
        return None  # "a 100-year bond" (a maturity), "in den ersten neun Monaten 2025" (a period, read as its end)
    if m:
        return Quantity(n.value * _time_unit(m.group(1)), "months", n.start, n.end + m.end(), n.start)
    if _FOREIGN_MONEY_AFTER.match(tail):  # "40 milliards de roupies pour les puces": money, not chips
        return None
    m = _CHIPS_AFTER.match(tail)
    if m and 1990 <= n.value <= 2100 and _YEAR_BEFORE.search(text[: n.start]):
        return None  # "bis 2033 Chips", "ab 2027 dessen Tensor-Chips": a year
    # (or a year with the count after it: "im Februar 2020 mit 7280 Nvidia-Chips")
    if m and 1990 <= n.value <= 2100 and re.match(r"\s*(?:mit|with|avec)\s+\d", tail):
        return None
    if m and n.value >= 100 and n.value == int(n.value):
        return Quantity(n.value, "count", n.start, n.end + m.end(), n.start)
    return None


_AS_IN_A_YEAR = re.compile(
    r"\s+(?:as much |plus |so viel |mehr )?(?:as|qu['’]?en|que|wie|als) (?:in |en |im )?(?:19|20)\d\d", _I
)
# two, said as a word of its own: "more than twice the 2.26 GW", "plus du double des 7 milliards", "das Doppelte"
_DOUBLE = {
    "en": re.compile(r"\b(twice)\b", _I),
    "fr": re.compile(r"\b(?:le|du|au) (double)\b", _I),
    "de": re.compile(r"\b(?:das|des|dem) (Doppelte[n]?)\b|\b(doppelt) so\b"),
}
# a figure for one unit ("at $40 a share", "$2.99 an hour"): a price, not money for the build-out
_UNIT_PRICE = re.compile(
    r"^\s*(?:a|an|per|par|je|pro|le|la) (?:share|action|Aktie|(?:megawatt|mégawatt|MW)[- ](?:day|jour|Tag)"
    r"|(?:kilowatt|kW) (?:a|per|par|pro) (?:month|mois|Monat)"
    r"|(?:megawatt|kilowatt)[- ]hours?|MWh|kWh|mégawattheure|kilowattheure|Megawattstunde|Kilowattstunde"
    r"|hour|heure|Stunde)\b"
    r"|^\s*(?:de|à) l['’]heure\b",
    _I,
)  # a price for one share, one megawatt-day of capacity ("$333.44 per megawatt-day"), one megawatt-hour of energy
# ("$100 a megawatt-hour") or one hour of a chip's rent ("$2.99 an hour", "55 Dollar pro Stunde", "8 dollars de
# l'heure"); a cost per MW stays
# the price of one chip, server or rack, named before the figure in its clause: a unit price (the corpus README: not
# gold), not money for the build-out ("raised his estimate of the MI350's average selling price to $25,000 from",
# "each graphics processor ... would cost customers about $4,000 more", "le prix de vente moyen du MI350 à",
# "Schätzung für den Durchschnittspreis des neuen Beschleunigers MI350 auf")
_PRICED_UNIT = re.compile(
    r"(?:\b(?:average selling price|selling price|unit price|list price|Durchschnittspreis|Stückpreis|Listenpreis"
    r"|prix de vente(?: moyen)?|prix unitaire|prix moyen)\b"
    r"|\b(?:each|every|chaque|jede[rsnm]?)\s+(?:[\w-]+\s+){1,8}(?:would |will |could )?(?:costs?|sells? for|coûte\w*"
    r"|kostet|kosten)\b"
    r"|\b(?:a|an|one|un|une|ein|eine)\s+(?:complete\s+|full\s+|single\s+)?(?:[\w-]+\s+){0,3}(?:rack|server|GPU|chip"
    r"|accelerator|serveur|baie|puce|Server|Rack|Chip)\s+(?:sells for|costs|coûte|kostet)\b)"
    r"[^.;:]{0,60}$",
    _I,
)
# another currency after "dollar(s)": not US dollars ("24 Milliarden australischen Dollar", "dollars canadiens")
_OTHER_DOLLARS = re.compile(
    r"(?:australi\w*|kanadi\w*|canadi\w*|neuseeländi\w*|new zealand|singapur\w*|singapore|hongkong\w*|hong kong"
    r"|taiwan)[\s-]+$",
    _I,
)
_OTHER_DOLLARS_AFTER = re.compile(r"^\s*(?:australiens|canadiens|néo-zélandais|singapouriens|taïwanais)\b", _I)
# a share's price: after "shares at", an IPO's "range of", or "pièce" / "apiece" after it (under $1,000, no scale word)
_SHARE_PRICE = re.compile(
    r"(?:\b(?:shares?|stock|actions?|Aktien?|titres?)\s+(?:at|à|zu|für)|\bpriced\s+at"
    r"|\b(?:range|fourchette|Preisspanne)\s+(?:of|de|von)(?:\s*(?:US)?[$€]?\s*[\d.,]+\s*(?:dollars?|euros?)?\s+(?:to|à|bis))?)"
    r"\s*(?:US)?[$€]?\s*$",
    _I,
)
_APIECE = re.compile(r"^\s*(?:pièce|apiece|l['’]action|par titre)\b", _I)


def multipliers(text: str, lang: str) -> list[tuple[float, int, int]]:
    """(factor, start, end) of "five times", "cinq fois", "fünfmal", "das Fünffache", "twice" in ``text``."""
    from text_to_num import text2num

    out = []
    for m in MULTIPLIER[lang].finditer(text):
        if _AS_IN_A_YEAR.match(text[m.end() :]):  # "three times as much as in 2022": no figure to multiply
            continue
        word = m.group(1)
        try:
            factor = float(word) if word.isdigit() else float(text2num(word.lower(), lang))
        except ValueError:
            continue
        if factor >= 2:
            out.append((factor, m.start(), m.end()))
    for m in _DOUBLE[lang].finditer(text):
        group = next(g for g in range(1, (m.lastindex or 1) + 1) if m.group(g))
        out.append((2.0, m.start(group), m.end(group)))
    return sorted(out, key=lambda x: x[1])

"""The extraction, sentence by sentence: language, numbers, quantities, hedges, deadlines, speakers; then one claim
per distinct (speaker, quantity, unit, comparator), with every place it occurs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

from gigawatt.claims.extract import patterns
from gigawatt.claims.extract.deadlines import BY_WORDS, a_year_earlier, add_months, read_deadline
from gigawatt.claims.extract.language import LANGS, detect, likely_language, outside_language, sentence_language
from gigawatt.claims.extract.numbers import number_spans
from gigawatt.claims.extract.quantities import Quantity, classify, multipliers
from gigawatt.claims.extract.speakers import (
    ARTICLE,
    REPORT_OF,
    Attribution,
    Memory,
    acronyms_given,
    as_written,
    attribute,
    camel_names,
    full_form,
    outlet_short_names,
    people_in,
    proper_names,
    quotes_in,
    reports_before,
    short_form,
    spelled_out,
    terms_in,
    titled_people,
    typed_firms,
    whole_name,
    without_titles,
)
from gigawatt.errors import GigawattError

_PROGRAMMES = re.compile(r"Stargate[ -](?:UAE|VAE|EAU|Emirates)|Stargate|Colossus|Abilene")
_PROGRAMME_NAME = {"Abilene": "Stargate"}
WHAT = {"USD": "investment", "EUR": "investment, in euros", "MW": "power capacity", "count": "chips",
        "months": "time span", "rank": "rank among its rivals"}  # fmt: skip
# comparator words that, before a duration, say where the span lies rather than bound it ("over four years")
_SPAN_WORDS = {"over", "über", "sur", "in", "under", "past"}  # "under 15-year leases", "the past 12 months"
# a time limit bounds a span only, never money (patterns.SPAN_LIMITS)
_SPAN_LIMITS = {p for limits in patterns.SPAN_LIMITS.values() for limit in limits for p in patterns.phrases(limit)}
# a bare figure after "a total of" counts what the figure before it counts
# "one of the largest", "l'un des plus grands", "einer der größten" rank nothing; "den größten Teil" is "most of"
_NOT_A_RANK = re.compile(
    r"(?:\bone of (?:the )?|\b(?:l['’]une?|un|une) des |\b(?:einer|eines|eine|einem) der )(?:[\w-]+ )?\|"
    r"|\|\s*(?:Teil|Teils|Anteil|part|partie|share|majority|majorité)\b",
    re.IGNORECASE,
)
# "Für X ist es ...", "Pour X, c'est ...", "For X, it is ...": X's view
_IN_THE_VIEW_OF = re.compile(r"\s*(Für|Pour|For)\s+[^,.;:]{3,80}?(?:,\s*)?\b(?:ist es|sei es|war es|c['’]est|it is)\b")
_SO_SAYS = re.compile(r",\s+(so)\s+[A-ZÄÖÜ]")  # "..., so Son": says Son
# German word order left in a French translation: the subject between the auxiliary and the participle ("Déjà en
# janvier avait AWS annoncé")
_SPLIT_AUXILIARY = re.compile(
    r"\b(?:a|avait|ont|avaient)\s+(?:[A-Z][\w&-]*\s+){1,3}(annoncé|déclaré|indiqué|précisé|communiqué|affirmé|expliqué)\b"
)
# after a scale word, what is counted if not money: "1,4 Milliarden Einwohnern", "1.4 billion inhabitants", "£5 billion"
_COUNTS_SOMETHING = re.compile(
    r"\s*(?:de\s|d['’]|of\s|[A-ZÄÖÜ][a-zäöüß]+|[A-Z]{2,}\s+[a-z]|people|users|inhabitants|residents|pounds|livres"
    r"|Pfund|shares|actions|Aktien|rand|yuan|yen|won|rupees|roupies|reais|ringgit|dirhams|shekels|francs|kroner"
    r"|kronor|krona|kronur|złoty|zloty|lira|liras"
    r"|couronnes|pesos|australische\w*|kanadische\w*|neuseeländische\w*)",
    re.UNICODE,
)
# a bare "millions" in a list after money in the same sentence is money too ("40 millions de dollars iront à ...,
# 35 millions à quatre projets et 20 millions à ...", "40 Millionen Dollar ..., 35 Millionen in vier Pilotprojekte"):
# only before a preposition, "and" or a stop, not before what it counts ("10 millions de foyers", "2 million homes")
_LISTED_AFTER = re.compile(
    r"\s*(?:[,;.)]|$|[–—]|(?:à|au|aux|pour|et|dans|en|in|into|to|for|and|on|für|an|und|zur|zum|auf)\s)", re.I
)
_OTHER_CURRENCY_BEFORE = re.compile(r"(?:[A-Z]{1,2}\$|£|¥|₹|\b[A-Z]{3}|\bRs\.?|\bkr\.?)\s?$")
# a figure in another currency ("dont 40 milliards de roupies"; not "dont 9,6 milliards de prêts")
_IN_ANOTHER_CURRENCY = re.compile(
    r"\s*(?:de\s+|d['’]|of\s+)?(?:pounds|livres|Pfund|rand|yuan|yen|won|rupees|roupies|Rupien|reais|ringgit|dirhams"
    r"|shekels|francs|kroner|kronor|krona|złoty|zloty|lira|couronnes|Kronen|pesos|som|tenge|roubles|rubles|Rubel|naira"
    r"|shillings|birr|baht|dinars|riyals|rials|rupiah|dong|wons|rands|yens|yuans)\b",
    re.IGNORECASE,
)
# a valuation, a figure in pounds, a number "several": not the build-out's money
_NOT_A_CLAIM = re.compile(
    r"(?:\bvalued at|\bvalues? [\w\s'’]{0,30}?\bat|\bvaluing [\w\s'’]{0,30}?\bat"
    r"|\b(?:round|funding|financing|raise|investment)\s+(?:that|which)\s+valued\s+[\w\s'’]{0,12}?\bat"
    r"|\bvaluation of|\b[Bb]ewertet wird [\w\s-]{0,30}?\bmit"
    r"|\bvaloris[ée]e?s? (?:à )?"
    r"|\bvaloris\w* [\w\s'’-]{0,30}?\bà|\bvalorisation de|\bUnternehmenswert von"
    r"|\bbewertet [\w\s-]{0,30}?\b(?:mit|bei)|\bmanag(?:es|ing)|\bgère|\bverwaltet"
    r"|\bBewertung von|\bBewertung (?:steigt|stieg|klettert|kletterte|liegt|lag)(?: damit| nun| jetzt)? (?:auf|bei)"
    r"|£|\bmehreren|\bseveral|\bplusieurs"
    r"|\b(?:Börsenwert|Marktwert|market value|valeur boursière)\s+(?:um|by|de|d['’])\s?"  # "den Börsenwert um 500 Mrd."
    r"|\b(?:stake|Anteil|Anteil\w*|participation) (?:worth|im Wert von|d['’]une valeur de|valued at))"
    r"\s*(?:about |around |environ |rund |etwa |some |quelque |up to |jusqu['’]à |bis zu |mehr als |more than )?\$?$",
    re.IGNORECASE,
)
# money added to a company's market value: a valuation ("$500 billion to Tesla's market value", "500 milliards de
# dollars à la valeur boursière du groupe", "500 Milliarden Dollar zum Börsenwert"; not the French "levé 1,7 milliard
# d'euros à une valorisation de", raised at a valuation of)
_TO_MARKET_VALUE = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:to|à|zum|zu)\s+(?:[\w'’-]+\s+){0,3}?(?:market value|market capitali[sz]ation"
    r"|valeur boursière|capitalisation boursière|Börsenwert|Marktwert|Marktkapitalisierung)",
    re.IGNORECASE,
)
# (German "bewertet" ending its clause: not "über 400 Millionen Dollar bewertet das Start-up mit 10 Milliarden")
_VALUATION_AFTER = re.compile(
    r"\s*(?:(?:post|pre)[- ]money\s+)?valuation\b|\s*bewertet\s*(?:[.,;]|$|wird|worden|werden)", re.IGNORECASE
)
_AFTER_HEDGE = re.compile(r"\b(?:reach|atteindre|erreichen|up to|jusqu['’]à|bis zu)\s+$", re.IGNORECASE)
_DENIED_REPORT = re.compile(
    r"\s*(?:Reports|A report|Berichte|Einen Bericht|Des informations|Les informations|Des rapports|Les rapports"
    r"|Un rapport|Les articles|Des articles)\b",
    re.I,
)
_OTHERS = re.compile(r"\s+(?:autres|others|more|weitere|andere)\b", re.IGNORECASE)
_TOTAL_OF = re.compile(
    r"\b(?:(?:total|totale|insgesamt|gesamt)\s+(?:of\s+|de\s+|d['’]\s*|von\s+)?|davon|dont|of which|including|darunter)"
    r"\s*(?:(?:rund|etwa|environ|about|some|quelque)\s+)?$",
    re.IGNORECASE,
)
# a multiple "of today's level", "du niveau actuel", "des heutigen Stands": of a figure given before the sentence
_TODAY = re.compile(
    r"\s*(?:of\s+|du\s+|de\s+|des\s+|der\s+)?(?:(?:today['’]s|the current|current|heutigen|aktuellen|jetzigen)\s+"
    r"(?:level|capacity|Stands?|Niveaus?|Kapazität)|(?:du |le )?niveau (?:actuel|d['’]aujourd['’]hui))\b",
    re.IGNORECASE,
)
# "ten times the performance of", "dix fois la performance": a multiple of a thing, not of a figure
# a multiple of a past level the sentence does not give
_PAST_LEVEL = re.compile(
    r"\s*(?:plus )?(?:qu['’]un an plus tôt|qu['’]il y a un an|(?:more )?than a year (?:earlier|ago|before)"
    r"|last year['’]s|de l['’]an dernier|(?:so viel wie|als) (?:vor einem Jahr|ein Jahr zuvor)"
    r"|des Vorjahres)",
    re.IGNORECASE,
)
_OF_A_THING = re.compile(
    r"\s+(?:as (?:many|much) as |more than |plus que |so viele wie |mehr als )?(?:the|la|le|les|die|der|das|des)\s+"
    r"(?!same\b)[^\W\d]+",
    re.IGNORECASE,
)
# where a figure's clause ends, for its deadline: a semicolon, a colon, or a comma that opens another main clause or a
# first part ("..., and its turbine supplier has promised", "..., starting with a first gigawatt"); a plain comma or a
# dash sets off a phrase of the same clause ("more than 1 gigawatt by the end of 2026, with some 500,000 GPUs")
_CLAUSE_END = re.compile(
    r"[;:]\s|,\s+(?=(?:and|but|while|whereas|starting with|beginning with|et|mais|alors que|tandis que"
    r"|en commençant par|und|aber|während|beginnend mit|angefangen mit)\b)"
)
_PHRASE = re.compile(
    r",\s+(?:(qui|which|who|whose|die|der|das|welche|welcher|welches|deren|dessen|(?:a|an|un|une|ein|eine) \w+ "
    r"(?:that|which|qui|que|der|die|das))|with|avec|mit|including|davon"
    r"|darunter|y compris|dont|\w+ times as much as|(?:\w+-)?\w+ fois plus qu)\b[^,;:]*(?=,|$|[.;:])"
    r"|,\s+wovon\b[^,;:]*(?=,|$|[.;:])"
)
_PERIOD_WORD = re.compile(
    "|".join(patterns.MONTHS[lang].replace(" ", "|") for lang in LANGS) + r"|quarter|trimestre|quartal", re.IGNORECASE
)
# a German denial whose verb brackets its subject ("Einen Bericht, wonach ..., wies ein Sprecher zurück")
_SPLIT_DENIAL = re.compile(r"\b(?:wies|wiesen|weist|weisen)\b[^.;]*\bzurück\b")
_REVENUE = re.compile(r"\s*d['’]\s*affaires")  # "le chiffre d'affaires" (revenue), not "chiffre" (puts at)
# (after the unit's abbreviation too: "20 mégawatts (MW) ou plus"; "70 mégawatts ou davantage")
_OR_MORE = re.compile(
    r"\s*(?:\([A-Za-z]{1,4}\)\s*)?((?:or|and|ou|et|und|oder) (?:more|above|plus|davantage|mehr|darüber))\b",
    re.IGNORECASE,
)
# a bound written after the figure: "65 milliards de dollars au plus", "500 mégawatts au maximum"
_AT_MOST_AFTER = re.compile(r"\s*(?:\([A-Za-z]{1,4}\)\s*)?(au plus|au maximum|tout au plus|at most|höchstens)\b")
# a German verb of exceeding after its figure: "dürften 50 Milliarden Dollar übersteigen"
_EXCEEDS_AFTER = re.compile(r"\s*(übersteigen|übersteigt|überstiegen|überschreiten|überschreitet)\b")
# (or a clause of contrast: "..., according to Pacific Credit Rating, while peak demand ..., an economist told"; or
# a French apposition with its own agent: "OpenAI s'est engagé à acheter 750 MW, un contrat évalué à plus de 10
# milliards de dollars par le Wall Street Journal")
_SECOND_CLAUSE = re.compile(
    r",\s+(?:and|but|et|mais|und|aber)\s+(?=(?:[a-zà-ÿ]+\s+){0,3}[A-ZÀ-Ö])"
    r"|,\s+(?:while|whereas|alors que|tandis que|während)\s"
    r"|,\s+(?=(?:[\w'’-]+\s+){0,3}(?:estimé|évalué|chiffré)e?s?\s+à\s)"
)
_OWN_SUBJECT = re.compile(
    r",\s+(?:and|but|et|mais|und|aber)\s+[A-ZÀ-ÖØ-Þ][\w&-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w&-]*){0,2}"
    r"\s+(?:has\s+|had\s+|a\s+|avait\s+)?"
)
_LAST_MONTH = re.compile(r"last month|mois (?:dernier|passé)|(?:vergangenen|letzten) Monat", re.IGNORECASE)
_ANNOUNCED = re.compile(
    r"\b(?:announced|approved|unveiled|granted|agreed|annoncée?s?|autorisée?s?|approuvée?s?|dévoilée?s?|accordée?s?"
    r"|convenue?s?|genehmigt|angekündigt|vorgestellt|erteilt|vereinbart\w*)\b",
    re.IGNORECASE,
)
# a pluperfect pledge or announcement: the date beside it is when it was made ("Microsoft hatte im Oktober 2023
# zugesagt", "had pledged in March 2024", "avait promis en juin 2024")
_PLUPERFECT_PLEDGE = re.compile(
    r"\b(?:hatte|hatten|had|avait|avaient|était|étaient)\b.*\b(?:zugesagt|angekündigt|mitgeteilt|gesprochen|vorgestellt"
    r"|versprochen|vorgeschlagen|bewilligt"
    r"|pledged|promised|announced|committed|said|promis|annoncé|évoqué|indiqué|dit|chiffré|évalué|estimé|engagée?s?)\b",
    re.IGNORECASE,
)
_PART = re.compile(r"(?<!,)\s+(?:dont|wovon|davon|of which)\b[^,;:]*(?=,|$|[.;:])")
_TODAYS = re.compile(r"\b(?:heute|today|today['’]s|aujourd['’]hui|actuels?|current)\b[^,;]*$", re.IGNORECASE)
_NAMED_YEAR = re.compile(
    "^" + BY_WORDS + r"|\b(?:next|last|this|prochaine?|dernière?|cette|nächst\w*|vergangen\w*|dies\w*|kommend\w*)\b",
    re.IGNORECASE,
)
_INVERTED_CUE = re.compile(r"[,;:“”\"«»„]\s*$")  # a reporting verb straight after a comma: a trailing attribution
# or after a comma and its subject, with no figure between (", chief financial officer Colette Kress told analysts")
_TRAILING = re.compile(r"[,;:“”\"«»„]\s*$|,\s+[^,\d]{0,60}$")
# "seit Ende Januar", "since March": the start of a period, not a deadline
# "since 2016", and a founding year set off ("Fondée en 2006 par Bill Gates, TerraPower chiffre à ...", "Founded in
# 2018, the company has raised"): the start of something, no figure's date
_SINCE = re.compile(
    r"\b(?:since|seit|depuis)\s*$"
    # (a participle set off: not "sera créé en 2027", "a lab founded in 2023 with 300 million euros")
    r"|(?:^\W*|,\s*)(?:fondée?s?|créée?s?|founded|established)(?: en| in)?\s*$",
    re.IGNORECASE,
)


@dataclasses.dataclass
class Sentence:
    start: int
    end: int
    lang: str
    paragraph: int
    text: str
    doc: object = None
    found: list = dataclasses.field(default_factory=list)  # (label, start, end) in the article's offsets
    quoted: list = dataclasses.field(default_factory=list)  # (start, end, language, doc) of foreign quotations


def _narration(text: str) -> str:
    """The text outside its quotations (whose language is the writer's), or all of it where that is too short to
    tell ("„By 2030 we will have 1.9 gigawatts“, sagte Humain-Chef Tareq Amin auf Englisch" is German)."""
    outside = text
    for qs, qe in reversed(quotes_in(text)):
        outside = outside[:qs] + " " + outside[qe:]
    return outside if len(outside.strip()) >= _MIN_QUOTE_CHARS else text


def _paragraph_language(par: str, article: str) -> str:
    """The language of the paragraph's narration where lingua is fairly sure of it, else the article's: a short
    narration says little (", a dit le manager d'AWS Max Peterson." alone reads as English, 0.54)."""
    return likely_language(_narration(par), article)


_OPENING_MARK = re.compile(r"\s+[\"“«„]$")


def _sentence_spans(par: str, lang: str) -> list[tuple[int, int]]:
    """spaCy's sentences of a paragraph, with an opening quotation mark that the sentencizer left at the end of the
    sentence before moved to the sentence it opens ('... $8 billion. "The $50 billion ...," Huang said.')."""
    spans: list[list[int]] = []
    for s in patterns.nlp(lang)(par).sents:
        # no sentence opens in small letters or with a comma: "The Southern Co. unit projects ..." and "Entergy Corp.,
        # le contrat rapportera" go on past the abbreviation's full stop
        if spans and re.match(r"[a-zà-ÿ,;]", par[s.start_char : s.end_char].lstrip()):
            spans[-1][1] = s.end_char
        else:
            spans.append([s.start_char, s.end_char])
    for prev, nxt in itertools.pairwise(spans):
        if (m := _OPENING_MARK.search(par, prev[0], prev[1])) and m.end() == prev[1]:
            prev[1], nxt[0] = m.start(), m.start() + len(m.group()) - 1
    return [(a, b) for a, b in spans if par[a:b].strip()]


def sentences(text: str, lang: str) -> list[Sentence]:
    """Paragraphs (lines), each cut into sentences by spaCy's sentencizer, each with its language."""
    out = []
    article = likely_language(_narration(text), detect(text)) if lang == "auto" else lang
    for p, par in enumerate(re.finditer(r"[^\n]+", text)):
        if not par.group().strip():
            continue
        plang = _paragraph_language(par.group(), article) if lang == "auto" else lang
        for a, b in _sentence_spans(par.group(), plang):
            start, body = par.start() + a, par.group()[a:b]
            slang = sentence_language(_narration(body), plang) if lang == "auto" else lang
            doc = patterns.nlp(slang)(body)
            s = Sentence(start, start + len(body), slang, p, body, doc)
            s.found = [(label, a + start, b + start) for label, a, b in patterns.matches(doc, slang)]
            s.quoted = _foreign_quotes(body, slang)
            s.found += _quoted_patterns(s)
            if m := _IN_THE_VIEW_OF.match(body):  # "Für Ministerpräsident Woidke ist es die größte Investition"
                s.found.append(("cue", start + m.start(1), start + m.end(1)))
            if slang == "de":  # (English "so" is a conjunction: "according to PitchBook, so Thomson Reuters is")
                s.found += [("cue", start + m.start(1), start + m.end(1)) for m in _SO_SAYS.finditer(body)]
            if slang == "fr":
                s.found += [("cue", start + m.start(1), start + m.end(1)) for m in _SPLIT_AUXILIARY.finditer(body)]
            if not any(label == "cue" for label, _, _ in s.found) and (m := REPORT_OF.search(body)):
                s.found.append(("cue", start + m.start(), start + m.start() + len(m.group().split()[0])))
            out.append(s)
    return out


_MIN_QUOTE_CHARS = 20  # a shorter quotation ("« bien moins de 10 milliards »") keeps its sentence's language


def _foreign_quotes(body: str, lang: str) -> list[tuple[int, int, str, object]]:
    """The sentence's quotations in another language than its own, each with that language and its spaCy doc
    (sentence offsets); detected once, read by the patterns and the numbers alike."""
    out = []
    for qs, qe in quotes_in(body):
        quote = body[qs:qe]
        # lingua's best guess, however sure: another language's patterns rarely match text that is not in it
        qlang = detect(quote) if len(quote) >= _MIN_QUOTE_CHARS else lang
        if qlang != lang:
            out.append((qs, qe, qlang, patterns.nlp(qlang)(quote)))
    return out


def _quoted_patterns(s: Sentence) -> list[tuple[str, int, int]]:
    """Hedges and deadlines inside a quotation in another language than its sentence ("« We will deliver 100,000
    GPUs by the end of 2026 », a déclaré en anglais Josh Payne"), read with that language's patterns."""
    out = []
    for qs, _, qlang, doc in s.quoted:
        found = patterns.matches(doc, qlang)
        out += [(label, a + qs + s.start, b + qs + s.start) for label, a, b in found if label != "cue"]
    return out


_FURTHER = re.compile(
    r"\s*(?:a further|another|an additional|une autre|un autre|einer weiteren|weitere|weiteren)\s*(?:US\$|\$|€)?\s*"
)


def _comparator(s: Sentence, q: Quantity, at: int) -> tuple[str | None, str]:
    """The comparator whose hedge ends just before the quantity (``at``: where the figure's words begin)."""
    for label, a, b in s.found:
        if not label.startswith(("cmp:", "split:")) or b > at:
            continue
        gap = s.text[b - s.start : at - s.start]
        # (or "a further" after a bound: "at least a further $200 million", "bis zu einer weiteren Milliarde"; not
        # "über weitere 300 Megawatt", talks about, nor "over a further $7 billion")
        further = label in ("cmp:<=", "cmp:>=") and _FURTHER.fullmatch(gap)
        # (or an indefinite article for one before a scale word: "mehr als eine Milliarde Dollar", "bis zu einer
        # Million Chips"; not "under a $16.5 billion contract")
        one = r"|eine|einer|einem|ein|a|an|un|une" if not s.text[q.number_start :][:1].isdigit() else ""
        if further or re.fullmatch(rf"[\s$€]*(?:US\$)?\s*(?:de|d['’]|of|the|that|à|zu|to|auf{one})?\s*", gap):
            hedge = s.text[a - s.start : b - s.start]
            if q.unit == "months" and hedge.lower() in _SPAN_WORDS:
                return None, ""
            if q.unit != "months" and hedge.lower().replace("’", "'") in _SPAN_LIMITS:
                continue
            if hedge == "über" and re.search(r"[a-zäöüß]\s*[A-ZÄÖÜ][\wäöüß-]+\s+$", s.text[: a - s.start]):
                return None, ""  # "einen Kredit über 10 Milliarden Dollar": a loan of, not more than
            if hedge.lower() == "plus que" and re.search(r"\b(?:ne|n['’])\s*\w+\s+$", s.text[: a - s.start]):
                continue  # "n'occupe plus que la septième place": only, not more than
            return label.split(":")[1], hedge
    after = s.text[q.end :]
    if m := _OR_MORE.match(after):  # "loads of 75 megawatts or more", "ab 25 MW und mehr": a threshold
        return ">=", m.group(1)
    if m := _AT_MOST_AFTER.match(after):
        return "<=", m.group(1)
    if m := _EXCEEDS_AFTER.match(after):
        return ">", m.group(1)
    for label, a, b in s.found:  # the figure inside a split hedge; a multiplier's base is what it is compared with
        if label.startswith("split:") and a < at < b and q.unit != "months" and "base" not in q.roles:
            return label[6:], s.text[a - s.start : b - s.start]
    return None, ""


def _clause(s: Sentence, at: int) -> tuple[int, int]:
    """The clause of the sentence around ``at`` (article offsets), cut where ``_CLAUSE_END`` says."""
    cuts = sorted({s.start, s.end, *(s.start + m.end() for m in _CLAUSE_END.finditer(s.text))})
    i = max(k for k in range(len(cuts) - 1) if cuts[k] <= at)
    return cuts[i], cuts[i + 1]


def _phrases(s: Sentence) -> list[tuple[int, int, str]]:
    """Phrases set off by a comma (article offsets, kind): ``relative`` clauses ("Lighthouse, qui coûtera 15 milliards
    de dollars, doit ...", "..., dont les premiers services sont attendus au troisième trimestre 2026") keep their
    deadlines and take none; ``attached`` ones ("..., with some 500,000 GPUs") take the clause's but give theirs to no
    figure outside ("up to 300 megawatts, with the first capacity to be delivered later this year")."""
    out = [(s.start + m.start(), s.start + m.end(), "relative" if m.group(1) else "attached")
           for m in _PHRASE.finditer(s.text)]  # fmt: skip
    # a part inside a phrase without a comma of its own: "un cluster d'un gigawatt dont 200 MW ... en 2026"
    return out + [(s.start + m.start(), s.start + m.end(), "attached") for m in _PART.finditer(s.text)]


_ENDED_ON = re.compile(
    r"\b(?:ended|ending|clos|close|achevé|terminé|endete|abgelaufenen?|months to|Monaten bis zum)\b\D{0,12}\d{1,2}\b",
    re.I,
)


# cues of expectation or of a source, which a month and year after them do not date ("is expected in June 2026",
# "selon RTE en 2035")
_NOT_SAID = re.compile(
    r"expect|forecast|project|predict|estimat|selon|according|d['’] ?après|prévoit|table", re.IGNORECASE
)
_ESTIMATED_AT = re.compile(r"(?:estimé|évalué|chiffré)e?s?\s+à", re.IGNORECASE)
_TOLD_WHOM = re.compile(r"\s+(?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s+")
# after "told" only: one described first ("told Chinese broadcaster CGTN last month"), or a group ("told analysts")
_TOLD_DESCRIBED = re.compile(
    r"\s+(?:(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
    r"|(?:analysts|reporters|investors|journalists|lawmakers|shareholders|parliament))\s+"
)


_REPORTS_BACK = re.compile(r"\W*(?:das|dies|this|that|ce|cela|c['’]est ce)\b", re.IGNORECASE)
_AND_NOW = re.compile(r"\bund\s+(?:ist|sind|soll|sollen|hat|haben|wird|werden|kostet|kosten|bringt|leistet)\b")
# (French: "l'exercice, qui s'achève fin mai", "le trimestre en cours, qui se termine fin janvier")
_PERIOD_ENDS = re.compile(
    r"\s*(?:(?:that|which)\s+(?:ends|ended|end)|achève|achèvera|termine|terminera)\b", re.IGNORECASE
)
_PERIOD_ENDS_AFTER = re.compile(r"\s*(?:endet|endete|endenden?)\b")  # "das Ende Juni endet", "Ende Juni endenden"
_PERIOD_UNTIL = re.compile(r"(?:Quartal|Geschäftsjahr)\w*\s+bis\s+$")  # "Für das laufende Quartal bis Ende Januar"


def _period_end(s: Sentence, span: tuple[int, int]) -> bool:
    """A period named by its end: "the fiscal year that ends in September", "das Geschäftsjahr, das Ende Juni
    endet", "das laufende Quartal bis Ende Januar"."""
    a, b = span[0] - s.start, span[1] - s.start
    return bool(
        _PERIOD_ENDS.match(s.text, a)
        or _PERIOD_ENDS_AFTER.match(s.text, b)
        or _PERIOD_UNTIL.search(s.text, 0, a)
        # "in the three months to May 3": a reporting period named by its last day (not by its month alone, which
        # would outweigh another figure's "next year")
        or re.match(r"(?i)months\s+(?:to|ending|ended)\s+\S+\s+\d{1,2}\b", s.text[a:b])
    )


_SAYING_FR = re.compile(r"\b(?:dit|déclaré|indiqué|annoncé|affirmé|précisé|expliqué|estimé|chiffré|évalué)\b")
_SPOKEN = re.compile(r"(?i)(?:has |had )?(?:said|says|told|stated|reported|wrote)")


def _said_then(s: Sentence, span: tuple[int, int], words: str, cues: list[tuple[int, int]]) -> bool:
    """A time that dates a statement by where it stands: a month and year set off before the clause whose verb says
    ("En novembre 2022, Microsoft avait évalué à ..."), "said last month", a German year before "kündigte ... an"."""
    spoken = [(a, b) for a, b in cues if _SPOKEN.fullmatch(s.text, a - s.start, b - s.start)]  # not "agreed last year"
    # (where verbs of saying begin: not "avaient accordé", a grant the month dates)
    said_at = [a for a, _ in spoken] + [a for a, b in cues if _SAYING_FR.search(s.text, a - s.start, b - s.start)]
    # "En novembre 2022, Microsoft avait évalué à ...", "In July 2024, HIVE said": a month and year set off before the
    # clause whose verb says or pledges
    # (opening the sentence, or after "Lors de ...,": not a trailing ", in August 2024, Joseph Tung said at the time")
    if (
        re.fullmatch(r"(?:in|en)\s+[A-Za-zéû]+\s+(?:19|20)\d\d", words.strip(), re.IGNORECASE)
        and re.match(r"\s*,", s.text[span[1] - s.start :])
        and re.fullmatch(r"\W*(?:(?:Lors d|When|At the time of)[^,;:]{0,60},\s*)?", s.text[: span[0] - s.start])
    ):
        rest = re.split(r"[,;:.]", s.text[span[1] - s.start :].lstrip(" ,"), maxsplit=1)[0]
        if _PLUPERFECT_PLEDGE.search(rest) or any(span[1] < a <= span[1] + len(rest) + 3 for a in said_at):
            return True
    # "said last month", "told Chinese broadcaster CGTN last week": when it was said
    told = [b for a, b in spoken if s.text[a - s.start : b - s.start].lower().endswith("told")]
    # (not a possessive: "said last year's revenue rose to $5 billion" dates the revenue)
    if (
        re.fullmatch(r"last\s+(?:week|month|year)", words.strip())
        and not re.match(r"['’]s\b", s.text[span[1] - s.start :])
        and any(
            0 <= span[0] - b <= 3
            or _TOLD_WHOM.fullmatch(s.text, b - s.start, span[0] - s.start)
            or (b in told and _TOLD_DESCRIBED.fullmatch(s.text, b - s.start, span[0] - s.start))
            for a, b in spoken
        )
    ):
        return True
    # German: a year opening the sentence before its reporting verb ("2024 kündigte Microsoft an, ...")
    opening_year = re.fullmatch(r"(?:19|20)\d\d\s+\S+", words.strip())
    return bool(s.lang == "de" and opening_year and any(span[0] < a < span[1] for a, _ in cues))


_EXPECTS = re.compile(r"(?i)expect|forecast|project|predict|prévoi|table|rechne|erwarte|prognostiz")


# a figure's noun after a quarter ("fourth-quarter sales of"), not a document's or a call's ("its fourth-quarter
# letter", "on its first-quarter call")
_QUARTER_FIGURE = re.compile(
    r"\s+(?:record\s+)?(?:(?:operating|net|gross)\s+)?(?:sales|revenues?|profits?|loss(?:es)?|income|orders"
    r"|bookings|deliveries|shipments|capital (?:expenditure|spending)|capex|spending|output)\b",
    re.IGNORECASE,
)


def _when_said(s: Sentence, span: tuple[int, int]) -> bool:
    """A month or quarter without its year that dates a statement, not a figure: next to a reporting verb or an
    announcement ("Forbes reported in March that", "hatte OpenAI im September erklärt", "35 milliards annoncés en
    septembre"), or in a clause whose own verb reports ("He said in July that ...")."""
    words, before = s.text[span[0] - s.start : span[1] - s.start], s.text[: span[0] - s.start]
    if _period_end(s, span):  # "the fiscal year that ends in September": a period's end, never a statement's
        return False
    if re.match(r"(?i)months\s+(?:to|ending|ended)\b", words):  # "reported ... for the three months to September"
        return False
    if re.search(r"(?i)\b(?:earlier|plus tôt)\s+$", before) and re.match(r"(?i)this|cette", words.strip()):
        return True  # "Earlier this year Letter put the pipeline at 10 GW": when it was said
    cues = [(a, b) for label, a, b in s.found if label == "cue" and not _REVENUE.match(s.text, b - s.start)]
    # (not a participle of estimate: "estimé à 2 milliards d'euros au troisième trimestre" dates the figure)
    cues = [(a, b) for a, b in cues if not _ESTIMATED_AT.fullmatch(s.text, a - s.start, b - s.start)]
    cues += [(s.start + m.start(), s.start + m.end()) for m in _ANNOUNCED.finditer(s.text)]
    # "avait annoncé en 2023 des investissements ... d'ici 2030": the year of the announcement; "said in January 2024
    # that", "told The Daily Star in 2023" (after the one told)
    # (not in German, where a time after "nach eigenen Angaben" dates the verb that follows)
    # (a month only after a verb of saying, not "is expected in June 2026", "selon RTE en 2035")
    if re.fullmatch(r"(?:in|en|im)\s+(?:19|20)\d\d", words.strip()) and any(0 <= span[0] - b <= 3 for _, b in cues):
        return True
    said = [b for a, b in cues if not _NOT_SAID.search(s.text, a - s.start, b - s.start)] if s.lang != "de" else []
    if re.fullmatch(r"(?:in|en)\s+[A-Za-zéû]+\s+(?:19|20)\d\d|(?:in|en)\s+(?:19|20)\d\d", words.strip()) and any(
        0 <= span[0] - b <= 3 or _TOLD_WHOM.fullmatch(s.text, b - s.start, span[0] - s.start) for b in said
    ):
        return True
    if _said_then(s, span, words, cues):
        return True
    own = _clause(s, span[0])
    pledged = _PLUPERFECT_PLEDGE.search(s.text[own[0] - s.start : own[1] - s.start])
    # (or a bare year in German: "LPTIC hatte 2018 ein Programm ... angekündigt", "2020 hatte X ... vorgeschlagen")
    if pledged and re.fullmatch(
        r"(?:in|en|im)\s+\w+\s+(?:19|20)\d\d|(?:(?:hatte|hatten)\s+)?(?:19|20)\d\d(?:\s+\S+)?", words.strip()
    ):
        return True  # "hatte im Februar 2024 ... zugesagt", "had pledged in March 2024": when it was said
    if re.search(r"\d{4}", words) or not _PERIOD_WORD.search(words) or _NAMED_YEAR.search(words):
        return False  # a year written or named ("de l'année prochaine"), or a deadline ("by March", "bis August")
    if _ENDED_ON.search(words):  # a period named by the day it ended ("the quarter ended Oct. 26", "clos le 1er mai")
        return False
    # a quarter before its noun dates the figure ("reported fourth-quarter sales of"), not a document's ("said in its
    # third-quarter report")
    if re.search(r"(?i)\w-quarter\b", words) and _QUARTER_FIGURE.match(s.text, span[1] - s.start):
        return False
    # a trailing attribution after the figure's period does not date it ("50 GW à la fin du premier trimestre, a
    # indiqué X"); one before it does ("..., avait rapporté Bloomberg fin avril")
    # (a verb of expectation looks ahead to the period: "Intel expects revenue of $12.2 billion in the first quarter")
    cues = [(a, b) for a, b in cues if not _EXPECTS.search(s.text, a - s.start, b - s.start)]
    near = [(a, b) for a, b in cues if not (a >= span[1] and _INVERTED_CUE.search(s.text[: a - s.start]))]
    # nor one set off after a quarter and a comma ("$559 million in the October-December quarter, the company said")
    if re.search(r"(?i)quarter|trimestre|quartal", words):
        near = [(a, b) for a, b in near if not (a >= span[1] and "," in s.text[span[1] - s.start : a - s.start])]
    if any(min(abs(a - span[1]), abs(span[0] - b)) <= 25 for a, b in near):
        return True
    clause = _clause(s, span[0])
    head = s.text[: clause[0] - s.start]
    trailing = _INVERTED_CUE if s.lang == "de" else _TRAILING  # German: ", wie Google im August mitgeteilt hatte"
    return any(clause[0] <= a < clause[1] and not trailing.search(head + s.text[clause[0] - s.start : a - s.start])
               for a, _ in cues)  # fmt: skip


# "passée de 50 MW en 2022 à 450 MW en 2025", "from 50 MW in 2022 to 450 MW in 2025": the year before "à"/"to" is
# the figure's before it
_TO_NEXT = re.compile(r"\s*(?:à|to|auf)\s+(?:\S+\s+)?$")
# the figure that year belongs to, after "de", "from", "von" and up to three words ("passée de 50 MW en 2022", "from
# no more than 35 megawatts in 2013", "passé d'environ 100 millions de dollars en 2017")
_FROM_FIGURE = re.compile(r"\b(?:de\s+|d['’]\s*|from\s+|von\s+)(?:[^\d\s,;]+\s+){0,3}\S*\d[^,;]{0,40}$")


def _nearest(spans: list[tuple[int, int]], at: int, s: Sentence | None = None) -> list[tuple[int, int]]:
    def away(d: tuple[int, int]) -> tuple[bool, int]:
        # (only where a figure after "de"/"from"/"von" stands right before that year: not "bis 2030 auf 2 GW", "open in
        # 2027 to 300 MW of demand")
        previous = (
            s is not None and d[1] <= at and _TO_NEXT.fullmatch(s.text, d[1] - s.start, at - s.start)
            and _FROM_FIGURE.search(s.text, 0, d[0] - s.start) is not None
        )  # fmt: skip
        return bool(previous), min(abs(d[0] - at), abs(at - d[1]))

    return sorted(spans, key=away)


# a clause told in a past tense ("closed a $350 million round in February", "avait levé ... en février", "hatte im
# Februar ... eingesammelt"), and one that speaks of what is to come ("will open in February", "ouvrira en février")
_PAST_TENSE = {
    "en": re.compile(
        r"\b(?:had|was|were|did|raised|closed|signed|opened|announced|agreed|bought|sold|paid|took|won|launched"
        r"|completed|unveiled|released|invested|acquired|secured|began|started|received|spent|filed|pledged|approved"
        r"|awarded|posted|struck|inaugurated|switched|broke|reported|said|added)\b"
    ),
    # (the auxiliary "avoir" only: "est prévu en janvier" is a schedule)
    "fr": re.compile(
        r"\b(?:a|avait|ont|avaient)(?:\s+[a-zéèêàâîôûç'’]+){0,3}?\s+"  # "avait de son côté levé"
        r"(?!été\b)[a-zéèêàâîôûç]+(?:é|ée|és|ées|is|it|u|us|ert|ort)\b"
    ),
    "de": re.compile(
        r"\b(?:hatte|hatten|war|waren|wurde|wurden|sammelte|sammelten|gab|gaben|kündigte|kündigten|nahm|schloss"
        r"|unterzeichnete|kaufte|verkaufte|investierte|eröffnete|meldete|teilte|erhielt|zahlte|begann|startete)\b"
    ),
}
_FUTURE_TENSE = {
    "en": re.compile(r"\b(?:will|would|shall|is to|are to|plans?|expects?|expected|aims?|intends?|due|scheduled|set to"
                     r"|could|may|might|should|next|starting|for delivery|delivery|postponed|delayed|deferred"
                     r"|pushed back|on track|until)\b"),
    # (a future or a conditional, "atteindra", "ouvrirait"; a schedule, "prévu", "reporté", "à partir de")
    "fr": re.compile(r"\b(?:va|vont|devrait|devraient|doit|doivent|prévoit|prévoient|compte|comptent|pourrait"
                     r"|pourraient|prochain|prochaine|prévue?s?|attendue?s?|reportée?s?|programmée?s?|partir|dès"
                     r"|livraison)\b|\b\w+(?:ra|ront|rait|raient)\b"),
    # (reported speech in the subjunctive, "werde im Januar ans Netz gehen, teilte ... mit")
    "de": re.compile(r"\b(?:will|wollen|wird|werden|soll|sollen|plant|planen|könnte|könnten|dürfte|dürften"
                     r"|nächsten?|werde|solle|wolle|würde|würden|könne|gehe|ab|Lieferung|verschoben)\b"),
}  # fmt: skip


# a fiscal year or a quarter, whose end may lie ahead of a past verb ("the October-to-December quarter")
_PERIOD_AHEAD = re.compile(
    r"\b(?:fiscal|ending|ends|finissant|s['’]achève|exercice|Geschäftsjahr|endet|quarter|trimestre|Quartal)\b", re.I
)


def _in_the_past(s: Sentence, span: tuple[int, int], found: dict, date: dt.date | None) -> dict:
    """A month named without its year ("in February") in a clause told in a past tense is the last such month before
    the publication date, not the nearest one, which may lie ahead ("closed a round in February", written in
    September: February of that year)."""
    words = s.text[span[0] - s.start : span[1] - s.start]
    if date is None or not found["date"] or found["granularity"] not in ("month", "day") or re.search(r"\d{4}", words):
        return found
    if re.match(BY_WORDS, words.strip(), re.IGNORECASE):  # "by the end of June", "bis August": a limit ahead
        return found
    when = dt.date.fromisoformat(found["date"])
    clause = s.text[slice(*(x - s.start for x in _clause(s, span[0])))]
    # a past verb in the month's clause ("closed a round in February", "En juin, Nebius avait placé"), and no word of
    # what is to come in it ("for delivery in January", "est prévu en janvier", "werde im Januar ans Netz gehen")
    past = _PAST_TENSE[s.lang].search(clause) and not _FUTURE_TENSE[s.lang].search(clause)
    # not the publication's own month ("a placé début novembre", written on November 18), nor a period's end
    if (when.year, when.month) <= (date.year, date.month) or not past or _PERIOD_AHEAD.search(clause):
        return found
    return a_year_earlier(found)


# a relative clause that says when the figure's own thing comes online ("une centrale solaire de 60 MW en
# construction dans le désert de Tozeur, qui doit entrer en service en 2027", "zwei Blöcke mit zusammen bis zu 690
# Megawatt, die frühestens 2032 Strom liefern sollen", "a 90 MW campus, which is due to come online next year")
_ONLINE = re.compile(
    r"in Betrieb|ans Netz|fertig|bereitstehen|Strom liefern|en service|être livrée?s?|opérationnel"
    r"|come online|come on line|go live|be completed|be operational|enter service|begin operating|start operating",
    re.IGNORECASE,
)
_FIRST_PART = re.compile(r"\b(?:erste[nrs]?|first|premiers?|premières?)\b", re.IGNORECASE)


def _coming_online(s: Sentence, phrases: list[tuple[int, int, str]], inside: list[tuple[int, int]], at: int):
    """The deadlines in a relative clause (:data:`_ONLINE`) that opens right after the phrase of the figure at ``at``
    (within 110 characters, no comma between): the figure's own, though a relative clause's deadline is its own."""
    near = [
        p for p in phrases
        if p[2] == "relative" and 0 < p[0] - at <= 110
        and not re.search(r"[,;:]", s.text[at - s.start : p[0] - s.start])
        and _ONLINE.search(s.text, p[0] - s.start, p[1] - s.start)
        and not _FIRST_PART.search(s.text, p[0] - s.start, p[1] - s.start)  # "dessen erste Teile ... ans Netz gehen"
    ]  # fmt: skip
    return [d for d in inside if any(p[0] <= d[0] < p[1] for p in near)]


def _deadline(
    s: Sentence, date: dt.date | None, durations: list[float], at: int, others: list[int], thing: bool = False
) -> dict | None:
    """The deadline of a figure at ``at``: the nearest in its own phrase or clause; else the sentence's first, unless
    that one sits in a clause with figures of its own (``others``: where the sentence's figures begin)."""
    spans = [(a, b) for label, a, b in s.found if label == "deadline" and not _SINCE.search(s.text[: a - s.start])]
    said = [d for d in spans if _when_said(s, d)]
    spans = [d for d in spans if d not in said]
    # a period named by its end before the period's name ("im laufenden Quartal, das am 3. Mai endet")
    spans = [d for d in spans if _period_end(s, d)] or spans
    if _TODAYS.search(s.text[max(0, at - s.start - 20) : at - s.start]):
        return None  # "von heute rund 103 Gigawatt bis 2030 auf etwa 200": today's figure
    phrases = _phrases(s)
    mine = max((p for p in phrases if p[0] <= at < p[1]), key=lambda p: p[0], default=None)  # the innermost
    # (a period's own relative clause is the sentence's: "For the current quarter, which ends in April, ... forecast")
    inside = [d for d in spans if any(p[0] <= d[0] < p[1] for p in phrases) and not _period_end(s, d)]
    outer = [d for d in spans if d not in inside]
    here = _clause(s, at)
    nested = [p for p in phrases if mine is not None and p != mine and mine[0] <= p[0] and not p[0] <= at < p[1]]
    own = [d for d in spans if mine is not None and mine[0] <= d[0] < mine[1]]
    own = _nearest([d for d in own if not any(p[0] <= d[0] < p[1] for p in nested)], at, s)
    outer = [] if mine is not None and mine[2] == "relative" else outer
    own = own or _nearest(_coming_online(s, phrases, inside, at) if thing else [], at)  # (not money: what it costs)
    own = own or _nearest([d for d in outer if here[0] <= d[0] < here[1]], at, s)
    # a past month dates what its own clause says, not the figures after a colon ("letter of intent last month: at
    # least 10 GW")
    outer = [d for d in outer if not _LAST_MONTH.search(s.text[d[0] - s.start : d[1] - s.start])]
    if not own and outer:
        where = _clause(s, outer[0][0])
        outer = (
            []
            if any(where[0] <= o < where[1] and not any(p[0] <= o < p[1] for p in phrases) for o in others)
            else outer
        )
    # German: a past year in a first conjunct dates no figure of a present or future one after "und" ("Mistral AI wurde
    # 2023 gegründet und ist inzwischen 12 Milliarden Euro wert")
    own, outer = (
        [d for d in spans if not (d[1] <= at and _AND_NOW.search(s.text, d[1] - s.start, at - s.start))]
        if s.lang == "de"
        else spans
        for spans in (own, outer)
    )
    if own or outer:
        a, b = (own or outer)[0]
        words = s.text[a - s.start : b - s.start]
        read = [read_deadline(words, lang, date) for lang in (s.lang, *(x for x in LANGS if x != s.lang))]
        found = next((r for r in read if r["date"] is not None), read[0])
        return _in_the_past(s, (a, b), found, date)
    if durations:
        if date is None:
            return {"text": "", "date": None, "granularity": None}
        # the figure's own statement, or a clause that reports it ("...; das sagte er im Juni"), not another clause's
        # ("..., and said last year it would add 2 GW")
        here = _clause(s, at)
        said = [
            d for d in said if here[0] <= d[0] < here[1] or _REPORTS_BACK.match(s.text, _clause(s, d[0])[0] - s.start)
        ]
        return {"text": "", **add_months(_said_on(s, said, date), durations[0])}
    return None


def _said_on(s: Sentence, said: list[tuple[int, int]], date: dt.date) -> dt.date:
    """Where a span runs from: the month the sentence's statement was made ("said last month that Stargate would invest
    $500 billion over four years": four years from last month), else the publication date."""
    for a, b in said:
        # not a report's ("The Information reported in September"): its span runs from publication, as the gold
        # reads it
        if re.search(r"reported\s*$", s.text[: a - s.start]):
            continue
        found = read_deadline(s.text[a - s.start : b - s.start], s.lang, date)
        if found["date"] is not None and found["granularity"] in ("year", "month", "day"):
            return dt.date.fromisoformat(found["date"])
    return date


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


# a figure of the year before the period named ("$2.23 billion in 2024, up from $2.12 billion a year earlier", "nach
# 2,12 Mrd. Dollar im Vorjahr", "contre 2,12 milliards un an plus tôt")
_YEAR_EARLIER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:a year earlier|a year before|the year before|the previous year|in the year-earlier"
    r" (?:period|quarter)|un an plus tôt|une année plus tôt|l['’]année précédente|im Vorjahr(?:eszeitraum|esquartal)?"
    r"|ein Jahr zuvor|ein Jahr davor)\b"
    r"(?!\s+(?:than|que|als|(?:19|20)\d\d|schedule|planned|prévu))"  # not "a year earlier than planned"
)


def _a_year_earlier(s: Sentence, q: Quantity, deadline: dict | None) -> dict | None:
    """The deadline a year before the one read, where the figure is the year before's."""
    if deadline is None or deadline.get("date") is None or not _YEAR_EARLIER.match(s.text, q.end):
        return deadline
    return a_year_earlier(deadline)  # (a day keeps its day: "On March 15, 2025 ..., up from $4 billion a year earlier")


def _raw(s: Sentence, q: Quantity, context: tuple, extra: dict) -> dict:
    date, durations, others = context
    at = q.start + s.start
    comparator, hedge = _comparator(s, q, at)
    # a time span sets the deadline of the money spent over it ("500 milliards sur quatre ans"), not of a count
    spans = durations if q.unit in ("USD", "EUR") else []
    thing = q.unit not in ("USD", "EUR")
    deadline = _deadline(s, date, spans, at, others, thing) if q.unit not in ("months", "rank") else None
    deadline = _a_year_earlier(s, q, deadline)
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


def _numbers(s: Sentence) -> list[tuple[object, str]]:
    """The sentence's numbers with the language each is read in: a quotation in another language ("« C'est
    l'équivalent des 500 milliards de dollars », he said in French") is read in its own."""
    out = []
    for qs, qe, qlang, doc in s.quoted:
        for n in number_spans(s.text[qs:qe], doc, qlang):
            out.append((dataclasses.replace(n, start=n.start + qs, end=n.end + qs), qlang))
    inside = [(qs, qe) for qs, qe, _, _ in s.quoted]
    out += [(n, s.lang) for n in number_spans(s.text, s.doc, s.lang) if not any(a <= n.start < b for a, b in inside)]
    return sorted(out, key=lambda x: x[0].start)


def _has_number(text: str) -> bool:
    """Whether ``text`` writes a number other than a year (a name's digits do not count: "LIS001")."""
    return re.search(r"(?<!\w)\d", re.sub(r"\b(?:19|20)\d\d\b", "", text)) is not None


def _bare_money(s: Sentence, n, qs: list[Quantity], previous: list[Quantity]) -> Quantity | None:
    """A figure with a scale word and no unit that is money: "3 milliards" after money (this sentence's before an
    earlier one's: "5,3 milliards de dollars, contre ... 3 milliards"), or "35 millions" listed right after money in its
    sentence ("40 millions de dollars iront à ..., 35 millions à ... et 20 millions à ...")."""
    if _OTHER_CURRENCY_BEFORE.search(s.text[: n.start]):  # "A$1 billion", "Rs 500 million", "NIS 290 million"
        return None
    money = [o for o in previous + qs if o.unit in ("USD", "EUR")]
    if money and n.scaled >= 1e9 and not _COUNTS_SOMETHING.match(s.text[n.end :]):
        return Quantity(n.value, money[-1].unit, n.start, n.end, n.start, list(money[-1].flags))
    listed = qs[-1:] if qs and qs[-1].unit in ("USD", "EUR") else []  # the sentence's last figure, if money
    # no other number between them ("2 million litres of water, and 3 million in summer" counts litres)
    between = s.text[listed[-1].end : n.start] if listed else ""
    if listed and n.scaled == 1e6 and _LISTED_AFTER.match(s.text[n.end :]) and not _has_number(between):
        return Quantity(n.value, listed[-1].unit, n.start, n.end, n.start, list(listed[-1].flags))
    return None


def _quantities(s: Sentence, previous: list[Quantity]) -> list[Quantity]:
    """The sentence's quantities, multipliers resolved against the last quantity before them (this sentence's or
    an earlier one's in the paragraph), and superlatives as rank 1."""
    qs = []
    for n, lang in _numbers(s):
        q = classify(s.text, n, lang)
        # a million or more is no span of months nor a rank ("... sur dix ans, dont 2 milliards pour le câble"): the
        # figure before it that is neither
        like = [o for o in qs if not (n.scaled >= 1e6 and o.unit in ("months", "rank"))]
        total = like and _TOTAL_OF.search(s.text[: n.start]) and not _IN_ANOTHER_CURRENCY.match(s.text[n.end :])
        if q is None and total:  # "35 000 puces ..., sur un total de 70 000"; not "dont 40 milliards de roupies"
            q = Quantity(n.value, like[-1].unit, n.start, n.end, n.start, list(like[-1].flags))
        if (
            q is None
            and like
            and not 1900 <= n.value <= 2100
            and n.value >= 100
            and _AFTER_HEDGE.search(s.text[: n.start])
            and not _COUNTS_SOMETHING.match(s.text[n.end :])  # "up to 160 million AMD shares"
        ):
            q = Quantity(n.value, like[-1].unit, n.start, n.end, n.start, list(like[-1].flags))
        counts = [o for o in qs + previous if o.unit == "count"]
        if q is None and counts and _OTHERS.match(s.text[n.end :]):  # "Environ 23 000 autres seront livrées"
            q = Quantity(n.value, "count", n.start, n.end, n.start)
        q = q or _bare_money(s, n, qs, previous)
        if q is not None and _NOT_A_CLAIM.search(s.text[: q.start]):  # "values xAI at $230 billion", "£5 billion"
            continue
        after = s.text[q.end :] if q is not None and q.unit in ("USD", "EUR") else ""
        if _TO_MARKET_VALUE.match(after) or _VALUATION_AFTER.match(after):
            continue  # "$500 billion to Tesla's market value", "at a $9.9 billion valuation": valuations
        if q is not None and not any(o.start < q.end and q.start < o.end for o in qs):
            qs.append(q)
    for factor, a, b in multipliers(s.text, s.lang):
        after = [q for q in qs if b <= q.start <= b + 40 and q.unit not in ("months", "rank")]  # "cinq fois ... de 100"
        base = after[:1] or [q for q in qs if q.end <= a and q.unit not in ("months", "rank")]
        if _TODAY.match(s.text[b:]):  # "das Fünfzehnfache des heutigen Stands": today's figure, said before
            base = []
        # a past level the sentence does not give ("trois fois plus qu'un an plus tôt", "twice last year's outlay"),
        # or no figure to multiply ("ten times the performance of ...")
        elif _PAST_LEVEL.match(s.text[b:]) or (not after and _OF_A_THING.match(s.text[b:])):
            continue
        base = base or [q for q in previous if q.unit not in ("months", "rank")]
        if base and not any(q.start <= a < q.end for q in qs):
            of = base[-1]
            of.roles.add("base")
            mult = {"factor": factor, "of": of.value, "unit": of.unit}
            qs.append(Quantity(factor * of.value, of.unit, a, b, a, list(of.flags), mult))
    for label, a, b in s.found:
        kind, _, place = label.partition(":")  # "superlative:2": a second place
        if kind == "superlative" and not _NOT_A_RANK.search(s.text[: a - s.start] + "|" + s.text[b - s.start :]):
            rank = patterns.place_of(s.text[a - s.start : b - s.start], s.lang) if place == "n" else int(place or 1)
            if place == "n" and s.text[b - s.start : b - s.start + 1] == "-":  # "fourth-quarter", "second-hand"
                rank = None
            if rank is not None:
                qs.append(Quantity(float(rank), "rank", a - s.start, b - s.start, a - s.start))
    return sorted(qs, key=lambda q: q.start)


def _att_at(segments: list, at: int, text: str | None = None) -> Attribution | None:
    """The attribution of the clause around ``at`` (``segments``: one sentence's ``(start, end, attribution)``); a
    clause without a cue of its own takes the one before it ("..., berichtete The Information; zuvor waren 450
    Milliarden geplant"), not the one after ("xAI switched on 100,000 H100s; Musk has said it will double")."""
    here = next((k for k, (a, b, _) in enumerate(segments) if a <= at < b), len(segments) - 1)
    order = [here, *range(here - 1, -1, -1)]
    found = next((segments[k][2] for k in order if segments[k][2] is not None), None)
    if found is None and text is not None:  # "...; gemeinsam wollen ..., hatte Nvidia damals mitgeteilt": the close
        last = segments[-1][2]
        trailing = (
            last is not None
            and last.cue is not None
            and _INVERTED_CUE.search(text[segments[-1][0] : last.cue[0]])
            # (not "selon", "according to" after a semicolon: "Quelque 3 200 MW sont en chantier ; l'objectif est de
            # 15 000 MW, selon le GEC'A" sources the last clause only)
            and not (
                ";" in text[segments[-1][0] - 2 : segments[-1][0]]
                and re.match(r"(?i)selon|according|d['’] ?après|laut\b|so\b", text[last.cue[0] : last.cue[1]])
            )
        )
        found = last if trailing and here < len(segments) - 1 else None
    return found


def _speaker_for(at: int, s: Sentence, i: int, sents, attrib, quotes, text: str) -> tuple[Attribution | None, bool]:
    """(attribution, inside a quotation) for a figure at ``at`` in sentence ``i``."""
    for qs, qe in quotes:
        if qs <= at < qe:
            near = [j for j in range(len(sents)) if sents[j].start <= qe + 3 and qs - 3 <= sents[j].end]
            if near and near[-1] + 1 < len(sents) and sents[near[-1] + 1].paragraph == s.paragraph:
                near.append(near[-1] + 1)
            order = sorted(near, key=lambda j: (not (sents[j].start <= qe <= sents[j].end + 2), j))
            found = next((a for j in order if (a := _att_at(attrib[j], qe)) is not None), None)
            return found, True
    return _att_at(attrib[i], at, text), False


# German reported speech goes on in the subjunctive without a verb of saying ("..., sagte Khalil Hedna. Die
# installierte Leistung liege inzwischen bei rund 27.000 Megawatt")
# (not "liegen", an indicative too, nor "Es sei denn", "sei es ... oder")
_SUBJUNCTIVE = re.compile(
    r"\b(?:liege|sei(?!\s+(?:denn|es)\b)|seien|habe|werde|könne|solle|müsse|wolle|dürfe|gebe|stehe|komme|bleibe"
    r"|reiche|koste|brauche|plane|erwarte|rechne|wachse|steige|verfüge)\b"
)
# a sentence that names its own source or opinion ("Kritiker meinen dagegen, der Bedarf liege bei ...")
_OWN_VIEW = re.compile(r"\b(?:meinen|meint|glauben|glaubt|fürchten|fürchtet|kritisieren|kritisiert|argumentieren)\b")


_PRESENTS_AS = re.compile(r"présente(?:nt)?\s+comme\b|call(?:s|ed)\s+(?:it\s+|itself\s+|them\s+)?(?:the|its)\s")
# (not a conjunction: "alors que", "bien que", "parce que", "ainsi que", "plus que", "tandis que"; English "that" or
# "which")
_RELATIVE_QUE = re.compile(
    r"(?:,\s+|\s)(?<!alors )(?<!bien )(?<!parce )(?<!ainsi )(?<!plus )(?<!moins )(?<!tandis )"
    r"(?:que|qu['’]|qui\s|that\s|which\s)"
)


def _reported_on(s: Sentence, before: Sentence | None, previous: list, segments: list) -> list:
    """``segments`` of a German sentence without a cue, a source or a view of its own whose verb is in the subjunctive
    (:data:`_SUBJUNCTIVE`): the speaker of the sentence before it, where that one named one, in its paragraph or, after
    a sentence in the subjunctive too, across a paragraph break; else ``segments`` unchanged."""
    if s.lang != "de" or before is None or any(att for *_, att in segments):
        return segments
    # (into a new paragraph only where the sentence before reported in the subjunctive too: "..., solle eine
    # Mining-Farm entstehen, ..., sagte Präsident Sadyr Dschaparow." then "Das Kraftwerk könne 120 Megawatt erzeugen")
    if before.paragraph != s.paragraph and not _SUBJUNCTIVE.search(before.text):
        return segments
    last = previous[-1][2] if previous else None
    if last is None or last.speaker == ARTICLE or not _SUBJUNCTIVE.search(s.text) or _OWN_VIEW.search(s.text):
        return segments
    if any(label == "cue" for label, _, _ in s.found):  # "Nach Angaben der Bundesnetzagentur seien ...": its own
        return segments
    said = dataclasses.replace(last, content=(s.start, s.end), pronoun=True)
    return [(a, b, said) for a, b, _ in segments]


def _attributions(text: str, sents: list[Sentence], quotes, people: dict[str, str]) -> list[list]:
    """Per sentence, its clauses (cut at semicolons) each with the attribution of its own reporting cues (``people``:
    :func:`people_in` of the text)."""
    firms = typed_firms(text) | camel_names(text)
    # a company introduced by what it is, later by its first word ("Das KI-Start-up Mistral AI", then "Mistral")
    aliases = {f.split()[0]: f for f in firms if " " in f and f.split()[0][0].isupper()}
    names = {
        **outlet_short_names(text),
        **acronyms_given(text),
        **proper_names(text, _main_language(sents)),
        **aliases,
        **people,
        **{f: f for f in firms},  # "le géant pétrolier Aramco" is Aramco, though "Aramco Digital" is named too
    }
    out, memory = [], Memory(names, firms, set(titled_people(text)), terms_in(text))
    for s in sents:
        cuts = [s.start] + [s.start + m.end() for m in re.finditer(r";\s", s.text)] + [s.end + 1]
        # two main clauses, each with its own reporting verb ("Microsoft s'était engagé ..., et Google avait promis")
        cue_starts = [a for label, a, _ in s.found if label == "cue"]
        for m in _SECOND_CLAUSE.finditer(s.text):
            at = s.start + m.start()
            both = any(c < at for c in cue_starts) and any(c > at for c in cue_starts)
            # "Micron unveiled plans to lift its investment to $200 billion, and GlobalFoundries said it would spend
            # $16 billion": the second clause's own subject and verb report that clause only
            own = any(_OWN_SUBJECT.fullmatch(s.text, m.start(), c - s.start) for c in cue_starts if c > at)
            if both or own:
                cuts.append(at)
        # "un supercalculateur de 100 millions de dollars, que le groupe américain présente comme le plus puissant":
        # the relative clause's superlative is the subject's, the figures before it are not
        for label, x, y in s.found:
            if label == "cue" and _PRESENTS_AS.match(text, x):
                rel = [m.start() for m in _RELATIVE_QUE.finditer(s.text, 0, x - s.start)]
                english = text.startswith("call", x)
                # (English: only a relative clause the cue is inside, "which the company calls the largest", not
                # "which first reported the plan, called it"; and it ends at its comma: "..., opened in 2011 with")
                rel = [r for r in rel if not english or "," not in s.text[r + 1 : x - s.start]]
                cuts += [s.start + rel[-1]] if rel else []
                close = re.compile(r",\s").search(s.text, y - s.start) if english and rel else None
                cuts += [s.start + close.start()] if close else []
        cuts.sort()
        segments = []
        for a, b in itertools.pairwise(cuts):
            cues = [(x, y) for label, x, y in s.found if label == "cue" and a <= x < b]
            att = attribute(text, (a, min(b, s.end)), cues, quotes, s.lang, memory) if cues else None
            memory.heard(att)
            segments.append((a, b, att))
        before = sents[len(out) - 1] if out else None  # the sentence whose segments are out[-1]
        segments = _reported_on(s, before, out[-1] if out else [], segments)
        cover = before and reports_before(text, (s.start, s.end), (before.start, before.end), segments[0][2], memory)
        if cover is not None:
            out[-1] = [(a, b, att if att is not None else cover) for a, b, att in out[-1]]
            memory.heard(cover)
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
    people = people_in(text)
    attrib = _attributions(text, sents, quotes, people)
    first = _PROGRAMMES.search(text)
    programme = _PROGRAMME_NAME.get(first.group(), first.group()) if first else "the project"
    out, previous, period, since, earlier = [], [], None, 0, []
    for i, s in enumerate(sents):
        named = _PROGRAMMES.findall(s.text)
        if named:
            programme = _PROGRAMME_NAME.get(named[0], named[0])
        programme = re.sub(r"Stargate[ -](?:VAE|EAU|Emirates)", "Stargate UAE", programme)
        qs = _quantities(s, previous)
        durations = [q.value for q in qs if q.unit == "months"]
        # the claims of the last sentence with a figure ("£2 billion", read as none, leaves none to share out; a year
        # is no figure)
        if len(out) > since or (i and _has_number(sents[i - 1].text)):
            earlier = out[since:]
        since = len(out)
        for q in qs:
            at = s.start + q.start
            att, quoted = _speaker_for(at, s, i, sents, attrib, quotes, text)
            # "Berichte, wonach ..., wies X zurück", also after a semicolon ("...; einen Bericht von X, wonach")
            clause = s.text[s.text.rfind(";", 0, at - s.start) + 1 :]
            denied_report = _DENIED_REPORT.match(clause) is not None
            denial = any(label == "denial" and (b <= at or denied_report) for label, _, b in s.found)
            denial = denial or (denied_report and _SPLIT_DENIAL.search(clause) is not None)
            others = [s.start + o.start for o in qs if o is not q and o.unit not in ("months", "rank")]
            c = _raw(s, q, (date, durations, others), {"negated": denial})
            period = _same_period(c, s, at, (period, date))
            _part_of(c, s, earlier)
            named = ARTICLE
            if att is not None:
                named = whole_name(full_form(short_form(as_written(att, text), text), text), att, text)
                named = spelled_out(named, text)
            if att is not None:
                heard = [c["speaker"] for c in out] + list(people.values())
                named = without_titles(named, att.span, text, heard)
            c["speaker"] = ARTICLE if denial else named
            c["attribution"] = _spans(att) if att is not None and not denial else None
            c["kind"] = _kind(c, s)
            c["subject"] = _subject(c, programme)
            c["programme"] = programme
            c["confidence"] = _confidence(c, att, quoted)
            out.append(c)
            if q.unit != "rank" and c["comparator"] not in ("<", "well under") and c["kind"] != "input":
                previous.append(q)  # what a later "five times" may multiply: a pledge, not a bound or a holding
    return out


# "during the quarter", "im selben Zeitraum", "sur la même période": the reporting period the article last dated to
# the day ("the three months to Sept. 27"), not a year-ago comparison ("the same period a year earlier")
_SAME_PERIOD = re.compile(
    r"(?:\b(?:during|in|over|at the end of) the (?:same )?(?:quarter|period)\b|\bim (?:selben|gleichen) Zeitraum\b"
    r"|\bim Quartal\b|\bam Quartalsende\b|\bà la fin du trimestre\b"
    r"|\b(?:sur|pendant|durant) la même période\b|\bau cours du trimestre\b)"
    r"(?!,?\s+(?:a year (?:earlier|ago|before)|last year|of (?:the )?(?:previous|prior) year|des Vorjahres|im Vorjahr"
    r"|zuvor|de l['’]an(?:née)? (?:dernier|dernière|précédente|passé|passée)))",
    re.IGNORECASE,
)


def _same_period(c: dict, s: Sentence, at: int, context: tuple[dict | None, dt.date | None]) -> dict | None:
    """Give ``c`` the article's last reporting period where its own clause refers back to it and it has no deadline of
    its own; return the period that later figures may refer back to: a day or a quarter before the publication."""
    period, date = context
    a, b = _clause(s, at)
    same = _SAME_PERIOD.search(s.text, a - s.start, b - s.start)
    # or one that opens the sentence before a comma ("In the quarter, revenue rose ... to $8.8 billion")
    lead = re.match(r"\s*([^,;]{0,40}),", s.text)
    same = same or (_SAME_PERIOD.fullmatch(lead.group(1).strip()) if lead else None)
    if c["deadline"] is None and period is not None and c["unit"] not in ("months", "rank") and same:
        c["deadline"] = {**period, "text": same.group()}
    own = c["deadline"]
    past = own and own.get("date") and (date is None or own["date"] <= date.isoformat())  # not "by June 30, 2027"
    return own if past and own.get("granularity") in ("day", "quarter") else period


# a sentence that shares out a sum given before it: "Of that money, about $40 million will go to ...", "Davon sollen
# rund 40 Millionen Dollar ...", "Sur cette somme, quelque 40 millions de dollars iront à ..."
_PART_OF = re.compile(
    r"\s*(?:Of (?:that|this|the) (?:money|sum|amount|total|budget)"
    r"|(?:Davon|Hiervon)(?!,| unabhängig| ist aus| ausgehend)"  # not "Davon unabhängig", "Davon ist auszugehen"
    r"|Von (?:dieser Summe|diesem Betrag|dem Geld|diesem Budget)|Sur (?:cette somme|ce montant|ce total|ce budget)"
    r"|De (?:cette somme|ce montant))\b"
)


def _part_of(c: dict, s: Sentence, before: list[dict]) -> None:
    """Give money shared out of a sum given before (:data:`_PART_OF`) the sum's deadline, where it has none of its
    own ("Davon entfielen rund 4,4 Mrd. Dollar auf ...": the backlog's date)."""
    if c["deadline"] is not None or c["unit"] not in ("USD", "EUR") or not _PART_OF.match(s.text):
        return
    sums = [o for o in before if o["unit"] == c["unit"] and o["quantity"] > c["quantity"]]
    if sums and sums[-1]["deadline"] is not None:
        c["deadline"] = sums[-1]["deadline"]


def _spans(att: Attribution) -> dict:
    return {"cue": list(att.cue) if att.cue else None, "speaker": list(att.span) if att.span else None,
            "content": list(att.content) if att.content else None, "pronoun": att.pronoun}  # fmt: skip


def _key(c: dict) -> tuple:
    """Two figures are one claim when the same speaker gives the same quantity for the same date ("an AI campus of one
    gigawatt" and "one gigawatt by 2028" are two)."""
    by = c["deadline"]["date"] if c["deadline"] else None
    return (c["speaker"], c["unit"], round(c["quantity"], 6), c["comparator"], c["programme"], by)


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


def _main_language(sents: list[Sentence], fallback: str = "en") -> str:
    """The language most of the article's text is in (by characters), ``fallback`` for an article with no sentence."""
    counts: dict[str, int] = {}
    for s in sents:
        counts[s.lang] = counts.get(s.lang, 0) + len(s.text)
    return max(counts, key=counts.get) if counts else fallback


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
    language = _main_language(sents, lang if lang != "auto" else "en")
    article = {"language": language, "languages": sorted({s.lang for s in sents}),
               "date": date.isoformat() if date else None,
               "chars": len(text), "date_used": date is not None}  # fmt: skip
    return {"article": article, "claims": claims}

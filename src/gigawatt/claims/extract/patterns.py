"""The word patterns, per language, for spaCy's rule :class:`~spacy.matcher.Matcher` on blank pipelines (a
tokenizer per language, no trained model, nothing to download).

A pattern is written as words separated by spaces; each word is one token, matched on its lower-case form:
``a|b`` is either, a trailing ``?`` makes the token optional, ``YEAR`` is a year (``2026``, and ``2026.`` as the
German tokenizer leaves it at the end of a sentence), ``MONTH`` a month name, ``ORD`` an ordinal quarter word,
``MIDYEAR`` ``mid-2026`` or ``mi-2026`` (one token), ``DAY`` a day of the month, ``CAP`` a capitalised word (a name),
``SOURCE`` a German survey, study or count ("Markterhebung", "Analyse"), ``FIG`` a figure's first token (a currency
sign or a digit), ``REKORD`` a German record compound ("Rekordumsatz"). An alternation is of single words: a
phrase of several words is a pattern of its own. The tokenizers differ: French splits ``d'ici`` into ``d'`` +
``ici`` and ``jusqu'à`` into ``jusqu'`` + ``à``; English and German keep ``mid-2026`` apart as ``mid`` ``-``
``2026``; tests/test_extract.py pins each.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

# the ledger's comparators (gigawatt.claims.ledger.Comparator) from the hedge before the figure
COMPARATORS = {
    "well under": {
        "en": ["well under", "well below", "far below", "far less than", "much less than"],
        "fr": ["bien moins de", "bien en dessous de", "bien en deçà de", "bien inférieur|inférieurs|inférieure à"],
        "de": ["weit unter", "deutlich unter", "deutlich weniger als", "weit weniger als", "viel weniger als"],
    },
    "<": {
        "en": ["under", "below", "less than", "fewer than"],
        "fr": ["moins de", "moins d'", "en dessous de", "inférieur|inférieurs|inférieure à"],
        "de": ["unter", "weniger als", "unterhalb von"],
    },
    "<=": {
        # a cap named as such ("a ceiling of $502 million", "plafonné à 9 milliards", "d'un montant maximal de")
        "en": ["up to", "as many as", "as much as", "at most", "no more than", "a ceiling of", "a cap of",
               "a maximum of", "capped at"],
        "fr": ["jusqu' à", "jusqu'à", "au plus", "au maximum", "tout au plus", "autant que", "pas plus que",
               "pas plus de",
               "plafonné|plafonnée|plafonnés|plafonnées à", "un plafond de", "maximal|maximale de", "un maximum de"],
        "de": ["bis zu", "höchstens", "maximal", "Obergrenze von", "gedeckelt auf", "so viel wie"],
    },
    ">=": {
        "en": ["at least", "no less than", "could reach", "could hit", "could grow to"],
        "fr": ["au moins", "pas moins de", "pourrait atteindre", "pourraient atteindre", "au minimum",
               "pouvant atteindre", "pouvant|pourrait|pourraient atteindre à terme", "pas moins que", "à partir de",
               "dès"],
        "de": ["mindestens", "wenigstens", "könnte|könnten erreichen", "nicht weniger als", "ab"],
    },
    ">": {
        "en": ["more than", "over", "above", "upwards of", "in excess of", "north of", "well over", "well above",
               "exceed|exceeds|surpass|surpasses", "will exceed|surpass",
               # "would top $6 billion", "has passed 200 gigawatts", "climbed past $100 billion", "grow beyond 1
               # gigawatt", "loads larger than 20 megawatts", "well more than"
               "top|tops|topped", "would|will|to|could top", "pass|passes|passed|past", "beyond", "larger|bigger than",
               "well more than"],
        "fr": ["plus de", "plus d'", "plus du", "au-delà de", "supérieur|supérieurs|supérieure à", "bien plus de",
               "dépassera|dépasseront|dépasse|dépassent|dépasser",
               # "aurait dépassé 1 milliard", "dépasserait déjà 4 milliards", "dépasse les 100 milliards", "plus que"
               "dépassé|dépasserait|dépasseraient|dépassait|dépassaient|dépasserait",
               "dépassé|dépasserait|dépasseraient|dépassait|dépassaient|dépasse|dépassent|dépasser|dépassera les",
               "plus que"],
        "de": ["mehr als", "über", "oberhalb von", "weit über", "deutlich mehr als", "deutlich über", "gut",
               "übersteigen|übersteigt|übertreffen|übertrifft"],
    },
    "about": {
        "en": ["about", "around", "roughly", "approximately", "nearly", "almost", "some", "an estimated", "close to"],
        "fr": ["environ", "près de", "quelque", "quelques", "autour de", "approximativement", "presque", "d'environ",
               "quasiment", "à peu près"],
        "de": ["rund", "etwa", "ungefähr", "circa", "ca.", "knapp", "fast", "annähernd"],
    },
}  # fmt: skip

# reporting verbs and phrases: the cue of who speaks
CUES = {
    "en": ["said", "says", "told", "wrote", "posted", "added", "stated", "announced", "claimed", "insisted",
           "explained", "according to", "reported by", "called", "disclosed", "argued", "estimated",
           "tweeted", "replied", "countered", "noted", "reported", "reports", "repeated", "reiterated", "expects",
           "expected", "forecast", "predicted", "confirmed", "warned", "projected", "by its own account",
           "according to estimates by", "estimate", "estimates", "communicated", "promised", "pledged",
           "has|have pledged", "affirmed", "compiled by", "put|puts its|the cost at", "put|puts the cost of",
           "noted", "calculated", "calculates", "expect", "put its|their", "reckons", "reckon",
           "raised|lifted|cut|trimmed its estimate|estimates|forecast|outlook",
           "put|puts the need|demand|total|figure at", "had put", "acknowledged", "conceded",
           "report", "had|has|have written", "showed", "shows", "puts", "put",
           "study|analysis|survey|paper|index found|finds",
           "declined|refused to comment on a|the report|reports",
           "did|does|has|have not comment|commented on a|the report|reports",
           "forecasts|predicts|projects that",  # a verb before "that", not a noun ("forecasts of demand")
           # "Nvidia presented Alps as the world's most powerful": the subject's own superlative (not the agentless
           # "presented as the largest", nor "when he presented the plan"; the object is never the speaker, and a
           # weekday is no object: speakers._object_cue)
           "presented|described CAP",
           # "a supercomputer that the US chipmaker calls the most powerful in the country": the superlative only
           # (core._attributions cuts the sentence at the relative pronoun)
           "calls|called the|its most|largest|biggest|fastest|strongest|first|world's",
           "calls|called it|itself|them the|its most|largest|biggest|fastest|strongest|first|world's"],
    "fr": ["a déclaré", "a dit", "a affirmé", "a ajouté", "a expliqué", "a annoncé", "a écrit", "a assuré", "d' après",
           "a précisé", "a estimé", "a répliqué", "selon", "d'après", "déclare", "affirme", "estime", "explique",
           "précise", "assure", "ajoute", "écrit", "indique", "a indiqué", "a-t-il déclaré", "a-t-il ajouté",
           "a -t -il|-elle déclaré|ajouté|dit|écrit|assuré|précisé|affirmé|expliqué|annoncé|indiqué|estimé|rappelé"
           "|confié|souligné|détaillé|relevé|noté|observé|prévenu|averti|chiffré|évalué",
           "explique|indique|précise|souligne|assure|affirme -t -on chez",
           "explique|indique|précise|souligne|assure|affirme|ajoute|estime|rappelle|détaille|annonce|déclare|confie"
           " -t -il|-elle",
           "ont annoncé", "a qualifié",
           "ont déclaré", "a annoncé", "ont indiqué", "ont dit", "ont affirmé", "ont estimé", "ont expliqué",
           "ont précisé", "ont assuré", "ont ajouté", "a rapporté", "rapporte", "ont rapporté", "a répété", "a réitéré",
           "prévoit", "a confirmé", "ont confirmé", "a prévenu", "a averti", "prévient", "avertit", "a chiffré",
           "chiffre", "évalue",
           "selon ses propres chiffres", "s' est|était engagé|engagée|engagés", "s' engage|engagent", "rappelle",
           "a|avait|ont|avaient déclaré|dit|affirmé|ajouté|expliqué|annoncé|écrit|assuré|précisé|estimé|répliqué"
           "|communiqué|évoqué|résumé|raillé|ironisé|confié|tempéré|calculé|insisté|souligné|indiqué|rapporté|répété|réitéré|confirmé|prévenu|averti|rappelé|promis|chiffré|qualifié|souligné|déploré|regretté|martelé"
           "|évalué|appelé|revendiqué",
           "selon lui|elle|eux", "s' est félicité|félicitée|réjoui|réjouie", "estiment", "jugent", "tablent",
           "a|avait révélé", "a|avait fait état", "résume", "tempère", "raille", "table sur", "tablent sur",
           "table|tablent|tablait désormais|maintenant|toujours|aussi|également sur",
           "table|tablent , lui|elle|eux , sur",
           "a|avait|ont fait savoir", "estimait", "estimaient", "affirmait", "expliquait", "indiquait",
           "précisait", "rappelait",
           "a|avait|ont|avaient pourtant|déjà|aussi|également|alors|notamment|encore déclaré|dit|affirmé|annoncé|évoqué"
           "|indiqué|estimé|promis|assuré|précisé|chiffré|évalué|confirmé|rappelé|souligné|expliqué|ajouté|écrit",
           "ajoutent|précisent|estiment|soulignent|expliquent|assurent -ils|-elles",
           "prédit", "prédisait", "a|avait prédit", "a|avait fait valoir", "a|avait reconnu", "reconnaît",
           "prévoyait", "prévoyaient", "tablait sur", "tablaient sur", "recense", "annonçait", "annonçaient",
           "évaluait",  # "Le site spécialisé DCmag évaluait le coût du projet à" (not "évaluaient encore l'impact")
           "souligne", "relève", "constate", "observe", "calcule", "avance", "rappellent", "soulignent",
           "fait valoir", "a|avait lancé", "a|avait commenté", "revendique", "revendiquait",
           "vient|venait d' annoncer|indiquer|confirmer", "a|avait de son côté promis|annoncé|indiqué|précisé",
           "à en croire", "aux dires de|du|des", "évoquait", "évoque", "a|avait détaillé", "détaille",
           "fait état", "fait en outre état", "a|avait parlé", "disait", "disaient", "répète", "répètent",
           "recensait", "relevait", "rapportait", "rapportaient", "a|avait relevé", "dit|disent que|avoir",
           "s' était|est alors|aussi|déjà félicité|félicitée|réjoui|réjouie",
           "s' était|est alors|aussi|déjà|également|pourtant engagé|engagée|engagés",
           "s' était|est par ailleurs engagé|engagée|engagés",  # "s'était par ailleurs engagé à investir"
           "s' était|est en outre engagé|engagée|engagés",
           "a|avait|ont|avaient par ailleurs déclaré|dit|affirmé|annoncé|indiqué|estimé|promis|assuré|précisé"
           "|confirmé|rappelé|ajouté|expliqué|souligné",
           "a|avait|ont|avaient en outre déclaré|dit|affirmé|annoncé|indiqué|estimé|promis|assuré|précisé"
           "|confirmé|rappelé|ajouté|expliqué|souligné",
           "s' attend|attendent|attendait|attendaient à", "chiffrait", "chiffraient",
           "a|avait mis le|la coût|facture|montant|valeur",  # "a mis le coût du projet à", a calque of "put"
           # "un contrat estimé à 140 millions de dollars par le magazine Autosport": the agent after "par" (without
           # one, speakers._skipped drops the cue)
           "estimé|estimée|estimés|estimées|évalué|évaluée|évalués|évaluées|chiffré|chiffrée|chiffrés|chiffrées à",
           # "Nvidia avait présenté Alps en 2021 comme le superordinateur le plus puissant" (not the agentless "a
           # été présenté comme", nor an event's "a présenté un projet de 2 milliards")
           "a|avait|ont|avaient présenté|présentée CAP",
           "a|avait|ont|avaient présenté|présentée ce|cette|ces|son|sa|ses|leur|leurs",
           # the pluperfect and the imperfect inverted: "avait-il indiqué au printemps", "expliquait-elle"
           "avait|avaient -il|-elle|-ils|-elles déclaré|dit|affirmé|ajouté|expliqué|annoncé|indiqué|estimé|précisé"
           "|assuré|souligné|confié|rappelé|prévenu|chiffré|évalué|écrit|promis",
           "disait|expliquait|précisait|indiquait|affirmait|estimait|ajoutait|assurait|soulignait|rappelait|déclarait"
           "|annonçait -il|-elle|-ils|-elles",
           # a present commitment or forecast ("Invenergy promet d'achever", "Meta dit soutenir quatre projets",
           # "AMD a prévu un revenu", "Ercot ne table plus que sur"), a plural commitment ("Iliad et InfraVia se sont
           # engagés"), an adverb between auxiliary and participle ("a en revanche promis"), a plural inverted cue
           # ("précisent les analystes de Citigroup")
           "promet", "promettent", "dit|disent vouloir|compter|prévoir|soutenir|pouvoir", "prévoit", "prévoient",
           "a|avait|ont|avaient prévu", "ne table|tablent plus que sur",
           "se sont engagés|engagées", "s' étaient engagés|engagées",
           "se sont alors|aussi|déjà|également engagés|engagées",
           "a|avait|ont|avaient en revanche déclaré|dit|affirmé|annoncé|indiqué|estimé|promis|assuré|précisé|chiffré"
           "|évalué|confirmé",
           "précisent", "affirment",  # (not "ajoutent": "S'y ajoutent 38 milliards de dollars")
           # "L'italien Eni avait pour sa part promis en septembre", "AMD s'est pour sa part engagé"
           "a|avait|ont|avaient pour sa|leur part déclaré|dit|affirmé|annoncé|indiqué|estimé|promis|assuré|précisé"
           "|chiffré|évalué|confirmé|évoqué",
           "s' est|était pour sa part engagé|engagée", "se sont|s' étaient pour leur part engagés|engagées",
           # a superlative its subject claims ("que le groupe américain présente comme le plus puissant du
           # Royaume-Uni", "qu'il présente comme les plus grands du pays")
           "présente|présentent comme le|la|les|l' plus|premier|première|premiers|premières",
           "présente|présentent comme son|sa|ses|leur|leurs plus|premier|première",
           "présente|présentent comme « le|la|les|l' plus|premier|première"],
    "de": ["sagte", "sagt", "erklärte", "erklärt", "schrieb", "schreibt", "betonte", "betont", "kündigte",
           "teilte", "laut", "zufolge", "meinte", "behauptete", "behauptet", "versprach", "verspricht",
           "sagten", "erklärten", "kündigten", "ergänzte", "widersprach", "antwortete", "sprach", "nannte", "nennt",
           "nach Angaben von|des|der",
           "nach Angaben seines|seiner|ihres|ihrer|eines|einer", "berichtete", "berichtet", "berichten",
           "berichteten", "gesagt",
           "mitgeteilt", "wiederholte", "bekräftigte", "erwartet", "rechnet", "bestätigte", "warnte",
           "teilten", "schätzt", "schätzte", "schätzen", "hieß es", "beziffert", "bezifferte", "nach eigenen Angaben",
           "nach dessen|deren Angaben",
           "nach Schätzung|Schätzungen von|des|der", "fügte", "zugesagt", "versprochen", "nach seinen|ihren Worten",
           "nach seinen|ihren Angaben",
           "mitteilte", "mitteilten", "erwarten", "rechnen", "rechnete", "demnach", "angekündigt",
           "nach einem Eintrag der|des", "verpflichtet", "engagiert", "geschätzt", "hervorgeht", "hervorging",
           "hervor",  # "Das geht aus einer Studie der Ratingagentur Moody's hervor" (the sentence before: the agency's)
           "nach einem Bericht der|des", "nach Einschätzung|Berechnungen von|der|des",
           "nach Einschätzung|Berechnungen der Analysten von", "erzählte", "in Aussicht gestellt|stellte",
           "stellte|stellten|stellt",  # "stellte Finanzchef X ... in Aussicht" (speakers._skipped: only so)
           "gespottet", "spottete", "heißt es", "gesprochen", "sprach|spricht|sprechen|sprachen von|vom",
           "ankündigte", "ankündigten",
           "bekanntgab", "bekannt gab", "angegeben", "erwartete", "gemäß",
           "nach Firmenangaben|Unternehmensangaben|Konzernangaben", "vorhergesagt", "vorausgesagt",
           "veranschlagt", "veranschlagte", "darlegte", "dargelegt",
           "nach früheren|jüngsten|offiziellen|ersten Angaben des|der|von",
           ", so der|die|das|dem", ", so CAP",
           "gewarnt", "argumentiert", "argumentierte", "nach Daten des|der|von", "nach einer Prognose des|der|von",
           "nach Zählung des|der|von", "nach einer|einem|der|dem SOURCE des|der|von",
           "erwarteten", "errechnet", "errechnete", "prognostiziert", "prognostizierte", "räumte",
           "nach Worten von|des|der", "nach den Worten von|des|der", "ausgewiesen", "nach CAP Worten",
           "nach CAP Angaben",
           "nach Darstellung|Ansicht|Informationen|Auffassung|Aussage|Aussagen|Berechnung|Recherchen|Zahlen|Prognosen"
           "|Erhebungen|Auswertung|Analyse|Studie|Umfrage|Statistik|Unterlagen von|des|der",
           "hielt dagegen", "verkündete", "verkündeten", "verkündet", "taxierte", "taxiert",
           "stellte", "stellten", "stellt", "erläuterte", "erläutert", "erläuterten", "gemeldet", "meldete",
           "meldeten", "vorgerechnet", "gerechnet",
           "geschrieben",  # "Musk hatte im Juni auf X geschrieben, Cortex brauche ..." (speakers._IDIOM_WRITTEN)
           "beziffern"],  # "Die Analysten der US-Bank Morgan Stanley beziffern den Weltmarkt auf" (not "bezifferten")
}  # fmt: skip

# a figure that follows one of these is inside a denial: not the denier's claim
DENIALS = {
    "en": ["denied", "denies", "dismissed", "rejected", "refuted", "disputed"],
    "fr": [
        "a démenti",
        "dément",
        "démentent",
        "a rejeté",
        "a réfuté",
        "ont démenti",
        "a|avait|ont en revanche|pourtant|toutefois|cependant|aussitôt|déjà|formellement démenti",
    ],
    "de": ["dementierte", "dementiert", "bestritt", "bestreitet", "wies zurück", "zurückgewiesen", "dementierten"],
}

# a time limit, "<=" on a span only ("within 18 months", "binnen sechs Monaten", "d'ici six mois"), never a hedge on
# money (core reads it so, from :func:`phrases`)
SPAN_LIMITS = {
    "en": ["within", "within the next"],
    "fr": ["en moins de", "dans un délai de", "d' ici", "d'ici"],
    "de": ["binnen", "innerhalb von|der", "innerhalb"],
}
for _lang, _limits in SPAN_LIMITS.items():
    COMPARATORS["<="][_lang] += _limits


def phrases(pattern: str) -> set[str]:
    """Every phrase a pattern of single-word alternations writes: "innerhalb von|der" -> "innerhalb von", "innerhalb
    der"."""
    return {" ".join(words) for words in itertools.product(*(w.split("|") for w in pattern.split()))}


SUPERLATIVES = {
    "en": [
        "largest",
        "biggest",
        "most powerful",
        "most important",
        "world's largest",
        "world 's largest",
        "the|'s first gigawatt training|cluster|campus|data|datacenter|supercomputer|ai|site",
        # a record next to its figure is rank 1 (the corpus README: "a record" next to a figure)
        "a|its|their record FIG",
        "record revenue|sales|orders|backlog of FIG",
    ],
    "fr": [
        "le|la|les|de|du|des plus grand|grande|grands|grandes|gros|grosse|importante|important",
        "le|la plus puissant|puissante",
        "premier|première au monde",
        "record de|à FIG",
    ],
    "de": [
        "größte|größten|größtes|größter|wichtigste|wichtigsten",
        "leistungsstärkste|leistungsstärksten|mächtigste|mächtigsten",
        "erste|ersten gigawatt",
        "REKORD von|auf FIG",
        "REKORD in höhe von FIG",
    ],
}

# a second place: rank 2 ("its second-largest campus", "le deuxième plus grand site", "der zweitgrößte Standort"),
# matched as the longest superlative so that "largest" inside it is no rank 1
SECOND_PLACES = {
    "en": ["second - largest|biggest", "second largest|biggest"],
    "fr": ["deuxième|second|seconde plus grand|grande|gros|grosse|important|importante"],
    "de": ["zweitgrößte|zweitgrößten|zweitgrößtes|zweitgrößter"],
}

# a place after the first in a ranking: rank N ("ranked sixth in the TOP500", "fourth on the list", "the
# fifth-largest developer", "in fourth place"; "s'est classée au sixième rang", "la septième place du classement",
# "quatrième du classement"; "belegt Platz vier", "der drittgrößte Betreiber"), labelled ``superlative:n`` and valued
# by :func:`place_of`
RANKED_PLACES = {
    "en": ["ranked|ranks|rank|ranking|placed|came|comes|finished|finishing ORDW", "ORDW on|in the list|ranking|index",
           "ORDW - largest|biggest|fastest|costliest|most", "ORDW largest|biggest|fastest|costliest",
           "in ORDW place", "ORDW place"],
    "fr": ["au ORDW rang", "la ORDW place", "ORDW du classement|palmarès",
           "le|la|les ORDW plus grand|grande|gros|grosse|important|importante|puissant|puissante|rapide|cher|chère"],
    # (a number in figures only after a verb or "auf": "am Potsdamer Platz 1" is an address)
    "de": ["Platz|Rang ZAHLWORT", "auf|noch|belegt|belegte|belegen|erreicht|erreichte|landet|landete Platz|Rang ZAHL",
           "den|dem ORDW Platz|Rang", "RANKWORD"],
}  # fmt: skip
_ORDINAL_WORDS = {
    "en": "second third fourth fifth sixth seventh eighth ninth tenth",
    "fr": "deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième",
    "de": "zweit dritt viert fünft sechst siebt acht neunt zehnt",
}
_ORDINAL_RE = {  # a token of those words (German: their stems' inflections), or an ordinal in figures
    "en": r"^(?:" + _ORDINAL_WORDS["en"].replace(" ", "|") + r"|\d{1,3}(?:st|nd|rd|th))$",
    "fr": r"^(?:" + _ORDINAL_WORDS["fr"].replace(" ", "|") + r"|\d{1,3}e)$",
    "de": r"^(?:" + _ORDINAL_WORDS["de"].replace(" ", "|") + r")e[nmrs]?$",
}
_GERMAN_NUMBERS = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"]


def place_of(phrase: str, lang: str) -> int | None:
    """The place a :data:`RANKED_PLACES` phrase gives ("ranked 69th" -> 69, "au sixième rang" -> 6, "Platz vier" -> 4,
    "drittgrößte" -> 3), None if it gives none."""
    low = phrase.lower()
    if (digits := re.search(r"\b(\d{1,3})(?:st|nd|rd|th|e)?\b", low)) is not None:
        return int(digits.group(1))
    for k, word in enumerate(_ORDINAL_WORDS[lang].split(), start=2):
        if re.search(rf"\b{word}", low):
            return k
    for k, word in enumerate(_GERMAN_NUMBERS, start=2):
        if lang == "de" and re.search(rf"\b{word}\b", low):
            return k
    return None


# a hedge split around the figure: German puts the verb last ("könne das Fünffache ... erreichen"), English and French
# put an adverb between ("could eventually reach"); the figure inside the span takes the comparator
SPLIT_HEDGES = {
    ">=": {
        "en": [["could|might|may", "GAP", "reach|hit|grow|rise|climb"]],
        "fr": [["pourrait|pourraient", "GAP", "atteindre|monter|grimper|croître|passer"]],
        "de": [["könnte|könne|könnten|dürfte|dürften", "GAP", "erreichen|wachsen|steigen|anwachsen"]],
    },
    # a cap: "cap new connections at 10 gigawatts", "plafonner les raccordements à 10 GW", "bei zehn Gigawatt deckeln"
    "<=": {
        "en": [["cap|caps|capped|capping", "GAP", "at"]],
        "fr": [["plafonner|plafonne|plafonnerait|plafonné|plafonnés", "GAP", "à"]],
        "de": [["bei", "GAP", "deckeln|deckelt|gedeckelt|begrenzen|begrenzt"]],
    },
}

PRONOUNS = {"en": {"he", "she"}, "fr": {"il", "elle"}, "de": {"er", "sie"}}

SECURED = {
    "en": ["secured", "has|have in hand", "on hand", "has|have the money", "committed"],
    "fr": ["sécurisé|sécurisés|sécurisée", "en caisse", "disponibles", "engagé|engagés"],
    "de": ["gesichert", "in der kasse", "zugesagt", "verfügt|verfügen über"],
}

MONTHS = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
}
MONTH_ABBREVIATIONS = {f"{a}{dot}": n for a, n in (("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6),
                       ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12))
                       for dot in ("", ".")}  # fmt: skip
ORDINALS = {
    "en": "first 1st second 2nd third 3rd fourth 4th",
    "fr": "premier 1er deuxième 2e second troisième 3e quatrième 4e",
    "de": "ersten 1. zweiten 2. dritten 3. vierten 4.",
}

# deadlines: END takes the period's last day; the named period is the year (or month, or quarter) in the pattern;
# RELATIVE phrases need the publication date (dateparser's RELATIVE_BASE)
DEADLINES = {
    "en": ["by|until|before|through the? end of YEAR", "end of YEAR", "by|until|before|in|through|during|for YEAR",
           "by|until|before|in the? end|middle of MONTH YEAR", "by|until|before|in|through MONTH YEAR",
           "by|in the? ORD quarter of YEAR", "by|in the? first|second half of YEAR", "by|in MIDYEAR",
           "by|in mid - YEAR", "by|in mid YEAR", "by|in late YEAR", "by|in|within next year", "this year",
           "next year", "by|before the end of this|next year", "by|before|until the end of the year",
           "by|until|before MONTH", "by|in the? ORD quarter of next year", "last year", "in a few years",
           "in the coming years", "in the first|second half of next year", "the current year",
           "from YEAR to|through YEAR", "at the end of the ORD quarter",
           "by|on|until MONTH DAY , YEAR", "by|on|until DAY MONTH YEAR", "in|during MONTH",
           "in|during the ORD quarter", "ended|ending YEAR", "ended|ending on? MONTH DAY",
           "quarter to the? end of? MONTH", "quarter to MONTH DAY", "last month",
           "in the first two|three|four|five|six|seven|eight|nine|ten|eleven months of YEAR",
           "in the last|past quarter", "MONTH - to - MONTH quarter", "quarter ending|ended MONTH DAY",
           "in|by MONTH last|next year", "at the end of MONTH", "between MONTH and MONTH",
           "by|until|before the end of MONTH", "MONTH - MONTH quarter", "months to|ending|ended MONTH DAY",
           "months to|ending|ended MONTH",
           "for|from YEAR through|to YEAR", "which ended|ends on MONTH DAY",
           "between YEAR and YEAR", "between now and YEAR", "that|which ends|ended in MONTH YEAR?",
           "as early as YEAR", "in calendar YEAR",
           # "Third-quarter net profit rose to", "in the year to March" (a fiscal year that ends that month)
           "ORD - quarter", "year to MONTH YEAR?", "in the first|second half",
           # "For the current quarter", "as of Nov. 30", "would end the year with", "ended the third quarter with"
           # (not "last June": as often the time of a statement as of a figure)
           "the current quarter", "as of MONTH DAY", "end|ends|ended the year",
           "ended|ending|end the ORD quarter", "for the full year", "for the full year YEAR",
           "for the full year to MONTH YEAR?"],
    "fr": ["d' ici à? la? fin de? YEAR", "d' ici à? YEAR", "d' ici à la fin de l' année", "d' ici à MONTH YEAR",
           "fin YEAR", "à la fin de YEAR", "en|avant|courant YEAR",
           "d' ici|en|avant|fin MONTH YEAR", "en|avant|fin|début|courant MONTH YEAR",  # "en septembre 2027"
           "au ORD trimestre YEAR", "au premier|second semestre YEAR",
           "d' ici la? MIDYEAR", "MIDYEAR", "mi - YEAR", "à la mi - YEAR", "mi YEAR", "l' année prochaine",
           "l' an prochain", "cette année", "d' ici l' an|année prochain|prochaine", "d' ici la fin de l' année",
           "d' ici|avant|fin MONTH", "dans|pour|à la première|seconde|deuxième moitié de YEAR",
           "d' ici la première|seconde|deuxième moitié de YEAR",
           "au ORD trimestre de l' année|an prochaine|prochain|suivante|suivant", "l' année dernière|passée",
           "l' an dernier|passé", "dans quelques années", "à terme", "l' année en cours",
           "d' ici|avant le DAY MONTH YEAR", "en|fin|début MONTH", "au ORD trimestre",
           "au trimestre clos fin MONTH", "de YEAR à YEAR", "à la fin du ORD trimestre", "pour YEAR",
           "le mois dernier|passé", "au DAY MONTH",
           "clos|achève|achèvera|achevé|termine|terminera|terminé le DAY MONTH", "d' ici la fin MONTH",
           "d' ici la fin de|d' MONTH", "avant la fin de|d' MONTH",
           "d' ici à fin MONTH YEAR", "jusqu' à fin MONTH YEAR",
           "les|des deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze premiers mois de YEAR",
           "au dernier trimestre", "au trimestre écoulé",
           "pour|sur l' ensemble de l' année", "pour|sur l' ensemble de l' année YEAR",
           "pour|sur l' ensemble de l' année dernière|précédente|passée", "entre MONTH et MONTH", "entre YEAR et YEAR",
           "les|des deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze premiers mois de l' an|année dernier|dernière",
           # a half without its year ("au premier semestre"), a whole year ("sur l'ensemble de 2025"), a span of
           # months ("Sur la période de juillet à septembre"), a period named by its end ("l'exercice, qui s'achève
           # fin mai", "le trimestre en cours, qui se termine fin janvier")
           "au premier|second|deuxième semestre", "sur l' ensemble de YEAR", "de MONTH à MONTH",
           "achève|achèvera|termine|terminera fin MONTH YEAR?",
           # "vise 1 gigawatt à l'horizon 2030"
           "à l' horizon YEAR", "à l' horizon de YEAR",
           # a machine translation's calque of "by" ("un $1,77 milliard marché par 2029", "par le 31 mars")
           "par YEAR", "par la fin de YEAR", "par le DAY MONTH YEAR?"],
    "de": ["bis Ende YEAR", "Ende YEAR", "bis YEAR", "im Jahr|Laufe YEAR", "bis|im|Ende MONTH YEAR",
           "für das|im Gesamtjahr", "für das volle Jahr", "für das|im Gesamtjahr YEAR", "für das volle Jahr YEAR",
           "im ORD Quartal YEAR", "im ersten|zweiten Halbjahr YEAR", "in der ersten|zweiten Jahreshälfte YEAR",
           "Mitte YEAR", "bis Mitte YEAR", "nächstes|nächsten Jahr|Jahres", "im kommenden Jahr",
           "dieses|diesen Jahr|Jahres", "bis Ende des Jahres", "noch in diesem Jahr", "im Jahr YEAR",
           "bis zum ORD Quartal YEAR", "bis|Ende MONTH", "vor YEAR", "in diesem Jahr",
           "das|im laufende|laufenden Jahr", "bis zum|am DAY MONTH YEAR", "im|Ende|Anfang MONTH", "im ORD Quartal",
           "im ORD Quartal des nächsten|kommenden Jahres", "von YEAR bis YEAR", "Ende des ORD Quartals", "für YEAR",
           "im ersten|zweiten Semester YEAR",
           "im vergangenen|letzten Jahr", "vergangenes|letztes Jahr", "in einigen|wenigen Jahren", "in ein paar Jahren",
           "in der ersten|zweiten Hälfte YEAR", "bis|in MIDYEAR", "im vergangenen|letzten Monat",
           "in den ersten zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf Monaten YEAR",
           "im abgelaufenen|vergangenen|letzten Quartal", "Quartal MONTH bis MONTH",
           "bis|zum|vor Jahresende", "im|das|dem Schlussquartal YEAR?", "zwischen YEAR und YEAR",
           "bis zum|am DAY MONTH", "noch|schon|erst|bereits YEAR", "im ersten|zweiten Halbjahr"],
}  # fmt: skip


def _token(word: str, lang: str) -> dict:
    optional = word.endswith("?") and len(word) > 1
    word = word[:-1] if optional else word
    if word == "YEAR":
        spec: dict = {"TEXT": {"REGEX": r"^(19|20)\d\d\.?$"}}
    elif word == "MIDYEAR":
        spec = {"LOWER": {"REGEX": r"^(mid|mi|mitte)-(19|20)\d\d$"}}
    elif word == "MONTH":  # English abbreviations too ("Feb. 1")
        spec = {"LOWER": {"IN": MONTHS[lang].split() + (list(MONTH_ABBREVIATIONS) if lang == "en" else [])}}
    elif word == "DAY":  # "1." (German), "1er" (French), "1" (English)
        spec = {"LOWER": {"REGEX": r"^(?:[12]?\d|3[01])(?:\.|er)?$"}}
    elif word == "CAP":  # a capitalised word: a name ("..., so Nvidia")
        spec = {"TEXT": {"REGEX": r"^[A-ZÄÖÜ]"}}
    elif word == "SOURCE":  # a survey, a study or a count as a source ("nach einer Markterhebung der")
        spec = {
            "LOWER": {
                "REGEX": r"^\w*(?:erhebung|umfrage|studie|analyse|auswertung|rechnung|schätzung|prognose"
                r"|zählung|untersuchung|übersicht|aufstellung|statistik|hochrechnung)$"
            }
        }
    elif word == "FIG":  # a figure follows ("a record $39.3 billion", "record de 7,69 milliards")
        spec = {"TEXT": {"REGEX": r"^(?:[$€£]|\d)"}}
    elif word == "REKORD":  # a German record compound ("Rekordumsatz", "Rekordwert")
        spec = {"LOWER": {"REGEX": r"^rekord\w*$"}}
    elif word == "ORDW":  # an ordinal after the first, in words or digits ("sixth", "69th", "sixième", "vierten")
        spec = {"LOWER": {"REGEX": _ORDINAL_RE[lang]}}
    elif word == "ZAHL":  # a German place's number ("Platz vier", "Rang 4")
        spec = {"LOWER": {"REGEX": r"^(?:\d{1,3}|" + "|".join(_GERMAN_NUMBERS) + ")$"}}
    elif word == "ZAHLWORT":  # a German place's number in words ("Platz vier")
        spec = {"LOWER": {"IN": _GERMAN_NUMBERS}}
    elif word == "RANKWORD":  # "drittgrößte", "viertschnellsten"
        spec = {
            "LOWER": {
                "REGEX": r"^(?:" + _ORDINAL_WORDS["de"].replace(" ", "|") + r")"
                r"(?:größt|schnellst|leistungsstärkst|wichtigst|teuerst)\w*$"
            }
        }
    elif word == "ORD":
        spec = {"LOWER": {"IN": ORDINALS[lang].split()}}
    else:
        words = [w.lower() for w in word.split("|")]
        spec = {"LOWER": {"IN": words + [w.replace("'", "’") for w in words if "'" in w]}}  # typographic apostrophe
    if optional:
        spec["OP"] = "?"
    return spec


def token_pattern(phrase: str, lang: str) -> list[dict]:
    """``"d' ici la? fin YEAR"`` -> a Matcher pattern (one dict per token)."""
    return [_token(word, lang) for word in phrase.split()]


@cache
def nlp(lang: str):
    """A blank spaCy pipeline for ``lang`` with a rule-based sentencizer (no model download)."""
    import spacy

    pipe = spacy.blank(lang)
    pipe.add_pipe("sentencizer")
    return pipe


@cache
def matcher(lang: str):
    """The Matcher for ``lang``: labels ``cmp:<comparator>``, ``cue``, ``denial``, ``superlative`` (``superlative:2``
    a second place), ``secured``, ``deadline``."""
    from spacy.matcher import Matcher

    m = Matcher(nlp(lang).vocab)
    for comparator, per_lang in COMPARATORS.items():
        m.add(f"cmp:{comparator}", [token_pattern(p, lang) for p in per_lang[lang]])
    for comparator, per_lang in SPLIT_HEDGES.items():
        gap = {"IS_PUNCT": False, "OP": "{1,8}"}
        m.add(f"split:{comparator}", [[_token(w, lang) if w != "GAP" else gap for w in p] for p in per_lang[lang]])
    for label, table in (("cue", CUES), ("denial", DENIALS), ("superlative", SUPERLATIVES), ("secured", SECURED)):
        m.add(label, [token_pattern(p, lang) for p in table[lang]])
    if lang == "fr":  # "Pour Sunil Tagare, fondateur du cabinet OpenCables, le projet représentera ...": his view
        cap = {"TEXT": {"REGEX": r"^[A-ZÀ-Ý][a-zà-ÿ'’-]+$"}}
        m.add("cue", [[{"LOWER": "pour", "IS_SENT_START": True}, cap, *[cap] * k, {"TEXT": ","}] for k in (1, 2)])
    m.add("superlative:2", [token_pattern(p, lang) for p in SECOND_PLACES[lang]])
    m.add("superlative:n", [token_pattern(p, lang) for p in RANKED_PLACES[lang]])
    m.add("deadline", [token_pattern(p, lang) for p in DEADLINES[lang]])
    if lang == "de":  # a bare year that opens the sentence before its verb ("2024 setzte sie 55,5 Mrd. Dollar um"; not
        # "2000 Megawatt soll ...": German writes four-digit numbers without a separator)
        year = {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}
        m.add("deadline", [[{**year, "IS_SENT_START": True}, {"IS_LOWER": True}]])
        # and after a past auxiliary ("China hatte 2023 gut acht Millionen Dollar gespendet", "Das Kabel war 2013 für
        # 32,8 Millionen Dollar verlegt worden"; not "hatte 2000 Megawatt", nor the present "hat 2024 angekündigt")
        past = ["hatte", "hatten", "war", "waren", "wurde", "wurden"]
        m.add("deadline", [[{"LOWER": {"IN": past}}, year, {"IS_LOWER": True}]])
        # mid-sentence, before a hedge or a number ("könnte Google 2027 rund 13 Milliarden Dollar", "der 2028 mehr als
        # ein Gigawatt erreichen soll", "dessen erste Ausbaustufe 2027 mit rund 300 Megawatt") or after a modal verb
        # ("die ersten 200 Megawatt sollen 2026 in Betrieb gehen")
        hedge = ["rund", "etwa", "knapp", "mehr", "über", "bis", "mindestens", "gut", "fast", "mit", "insgesamt",
                 "zusammen", "erstmals", "ungefähr", "weitere"]  # fmt: skip
        m.add("deadline", [[year, {"LOWER": {"IN": hedge}}], [year, {"LIKE_NUM": True}]])
        modal = ["soll", "sollen", "will", "wollen", "könnte", "könnten", "dürfte", "dürften", "wird", "werden", "muss",
                 "müssen", "sollte", "sollten"]  # fmt: skip
        m.add("deadline", [[{"LOWER": {"IN": modal}}, year, {"IS_LOWER": True}]])
    return m


def matches(doc, lang: str) -> list[tuple[str, int, int]]:
    """(label, start char, end char) of every pattern in ``doc``; for each label, overlapping matches keep the
    longest (``well under`` over ``under``, ``bis Ende 2026`` over ``2026``)."""
    m = matcher(lang)
    found = [(doc.vocab.strings[mid], s, e) for mid, s, e in m(doc)]
    kept: list[tuple[str, int, int]] = []
    for label, s, e in sorted(found, key=lambda x: (x[1] - x[2], x[1])):
        family = label.split(":")[0]
        if any(k[0].split(":")[0] == family and k[1] < e and s < k[2] for k in kept):
            continue
        kept.append((label, s, e))
    # ", so der Bericht", ", so Nvidia": the cue is ", so"; the words after it name the source
    kept = [(label, s, s + 2 if label == "cue" and doc[s].text == "," and doc[s + 1].lower_ == "so" else e)
            for label, s, e in kept if label != "cue" or not _puts_nothing(doc, s, e)]  # fmt: skip
    # "Pour Sunil Tagare, ...": the cue is "Pour"; the name after it is the source
    kept = [(label, s, s + 1 if label == "cue" and doc[s].lower_ == "pour" else e) for label, s, e in kept]
    return sorted((label, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for label, s, e in kept)


_PHRASAL = {"in", "into", "on", "up", "out", "forward", "off", "aside", "together", "through"}


def _puts_nothing(doc, s: int, e: int) -> bool:
    """ "put" reports a figure only when it puts it at one ("put the cost at $3 billion"), not in a phrasal verb
    ("put in place", "put into OpenAI") or another sense ("which puts last year's act into practice")."""
    if e - s != 1 or doc[s].lower_ not in ("put", "puts"):
        return False
    after = [t.lower_ for t in doc[e : min(e + 20, doc[s].sent.end)]]  # within its sentence
    if after[:1] and after[0] in _PHRASAL:
        return True
    at = [k for k, w in enumerate(after) if w == "at" and (after[k + 1 : k + 2] or [""])[0] not in ("least", "most")]
    return not at

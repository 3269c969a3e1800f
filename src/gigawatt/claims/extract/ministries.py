"""Ministries by their official English names, whatever language the article names them in.

A ministry is named by its portfolio ("the finance ministry", "le ministère de l'Énergie", "das Außenministerium",
"Ministerium für Wissenschaft und IKT") and belongs to a country: the one the phrase names ("Japan's", "japonais",
"US-", "in Washington"), else the country the article names most. data/ministries.csv gives the official English
name of a country's ministry (each row with its source); where it has none, the name is the plain one ("Ministry of
Finance", "Ministry of Foreign Affairs").
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources

# portfolio: (English words before "ministry", French words after "ministère de", German stems before "ministerium"
# or words after "Ministerium für"), and the plain English name. The first portfolio a phrase names is the one read
# ("Ministry of Energy and Mines": energy).
PORTFOLIOS = {
    "finance": (r"finance|financial", r"finances", r"finanz|finanzen", "Ministry of Finance"),
    "foreign": (r"foreign(?: affairs)?", r"affaires étrangères", r"außen|auswärtige", "Ministry of Foreign Affairs"),
    "energy": (r"energy|power", r"énergie|energie", r"energie", "Ministry of Energy"),
    "economy": (r"economy|economic(?:s| affairs)?", r"(?:é|e)conomie(?!\s+numérique)", r"wirtschaft",
                "Ministry of Economy"),
    "trade": (r"trade", r"commerce extérieur", r"handel", "Ministry of Trade"),
    "commerce": (r"commerce", r"commerce", r"(?!)", "Ministry of Commerce"),
    "industry": (r"industry", r"industrie", r"industrie", "Ministry of Industry"),
    "digital": (r"digital", r"(?:économie\s+)?numérique", r"digital", "Ministry of Digital Affairs"),
    "communications": (r"communications?|telecoms?|telecommunications", r"(?:télé)?communications?",
                       r"(?:tele)?kommunikation", "Ministry of Communications"),
    "science": (r"science", r"sciences?|recherche", r"wissenschaft|forschung", "Ministry of Science"),
    "technology": (r"technology", r"technologies?", r"technologie", "Ministry of Technology"),
    "development": (r"development", r"développement", r"entwicklung", "Ministry of Development"),
    # (in English only as the second of a pair, "the economy and innovation ministry": "the innovation department"
    # of a company or a city is none)
    "innovation": (r"(?<=and )innovation", r"innovation", r"innovation", "Ministry of Innovation"),
    "investment": (r"investment", r"investissements?", r"investition(?:en)?", "Ministry of Investment"),
    "land": (r"land", r"(?!)", r"(?!)", "Ministry of Land"),
    "transport": (r"transport(?:ation)?", r"transports?", r"verkehr", "Ministry of Transport"),
    "justice": (r"justice", r"justice", r"justiz", "Ministry of Justice"),
    "defense": (r"defen[cs]e", r"défense|armées", r"verteidigung", "Ministry of Defence"),
    "environment": (r"environment", r"environnement", r"umwelt", "Ministry of Environment"),
    "ecological": (r"ecological transition", r"transition écologique", r"ökologischen? (?:wandel|übergang)",
                   "Ministry for the Ecological Transition"),
    "electricity": (r"electricity", r"électricité", r"strom|elektrizität", "Ministry of Electricity"),
    "electronics": (r"electronics", r"électronique", r"elektronik", "Ministry of Electronics"),
    "mines": (r"mines|mining", r"mines", r"bergbau|bodenschätze", "Ministry of Mines"),
    "railways": (r"railways?", r"chemins? de fer", r"eisenbahn", "Ministry of Railways"),
}  # fmt: skip

# the words that name a country, in the three languages (its name, its people's adjective, its capital)
COUNTRIES = {
    # (not the dollar: "US-Dollar", "dollars américains")
    "United States": r"\bU\.S\.|\bUS\b(?!-?Dollar)|\bUSA\b|United States|\bAmerican|(?<!dollars )(?<!dollar )améric\w*"
    r"|[ÉE]tats-Unis|Vereinigten Staaten|amerikanisch\w*|Washington",
    "United Kingdom": r"United Kingdom|\bUK\b|Britain|British|britannique\w*|Royaume-Uni|britisch\w*|Großbritannien"
    r"|London|Londres",
    "Japan": r"Japan\w*|japonais\w*|Japon\b|japanisch\w*|Tokyo|Tokio",
    "South Korea": r"(?<!North )(?<!Nord)Korea\w*|Corée(?! du Nord)|(?<!nord)coréen\w*|südkoreanisch\w*"
    r"|Südkorea\w*|(?<!nord)koreanisch\w*|Seoul|Séoul",
    "Taiwan": r"Taiwan\w*|taïwanais\w*|Taïwan|taiwanisch\w*|Taipei|Taipeh",
    "India": r"\bIndia\b|\bIndian\b|\bInde\b|\bindien\w*|\bIndien\w*|indisch\w*|New Delhi",
    "Pakistan": r"Pakistan\w*|pakistanais\w*|pakistanisch\w*|Islamabad",
    "Egypt": r"Egypt\w*|[ÉE]gypte|égyptien\w*|Ägypten\w*|ägyptisch\w*|Cairo|Caire|Kairo",
    "Turkey": r"Turkey|Turkish|Türkiye|Turquie|\bturc\b|\bturque\b|Türkei|türkisch\w*|Ankara",
    "Czechia": r"Czech\w*|tchèque|Tchéquie|Tschechien|tschechisch\w*|Prague|Prag\b",
    "Greece": r"Greece|Greek|Grèce|\bgrec\b|grecque|Griechenland|griechisch\w*|Athens|Athènes|Athen\b",
    "Uzbekistan": r"Uzbek\w*|Ouzbékistan|ouzbek\w*|Usbekistan|usbekisch\w*|Tashkent|Tachkent|Taschkent",
    "Guatemala": r"Guatemal\w*|guatémaltèque",
    "Dominican Republic": r"Dominican|dominicain\w*|[Dd]ominikanisch\w*|Santo Domingo",
    "Philippines": r"Philippin\w*|Manila|Manille",
    "Ireland": r"Ireland|\bIrish\b|Irlande|irlandais\w*|\bIrland\b|\birisch\w*|Dublin",
    "Spain": r"\bSpain\b|Spanish|Espagne|espagnol\w*|Spanien|spanisch\w*|Madrid",
    "Nepal": r"Nepal\w*|Népal|népalais\w*|Kathmandu|Katmandou",
    "Mozambique": r"Mozambi\w*|Mosambik\w*|Maputo",
    "Iraq": r"\bIraq\w*|\bIrak\w*|irakien\w*|Baghdad|Bagdad",
    "Malaysia": r"Malaysia\w*|Malaisie|malaisien\w*|malaysisch\w*|Kuala Lumpur",
    "Romania": r"Romania\w*|Roumanie|roumain\w*|Rumänien|rumänisch\w*|Bucharest|Bucarest|Bukarest",
    "Israel": r"\bIsrael\w*|Israël|israélien\w*|israelisch\w*",
    # (not "Luxembourg-based", "Rosa-Luxemburg-Stiftung")
    "Ecuador": r"Ecuador\w*|[ÉE]quateur|équatorien\w*|[Ee]cuadorianisch\w*|Quito",
    "Togo": r"\bTogo\w*|togolais\w*|Lomé",
    "Bulgaria": r"Bulgaria\w*|Bulgarie|bulgare\w*|Bulgarien|bulgarisch\w*|Sofia\b",
    "Lithuania": r"Lithuania\w*|Lituanie|lituanien\w*|Litauen|litauisch\w*|Vilnius",
    "Serbia": r"Serbia\w*|Serbie|serbe\w*|Serbien|serbisch\w*|Belgrade|Belgrad",
    "Cameroon": r"Cameroon\w*|Cameroun\w*|camerounais\w*|Kamerun\w*|kamerunisch\w*|Yaound[ée]|Jaunde",
    "Luxembourg": r"(?<!Rosa-)\bLuxemb(?:ourg|urg)\b(?!-)|\bluxembourgeois\w*|\bluxemburgisch\w*",
    # countries the table has no row for: counted, so that the article's country is not mistaken for one it has
    "France": r"\bFrance\b|\bfrançais\w*|\bFrench\b|Frankreich|französisch\w*|Paris",
    "Germany": r"Germany|German\b|Allemagne|allemand\w*|Deutschland|[Dd]eutsch\w*|Berlin|\bBundes(?=\w*ministeri)",
    "China": r"\bChina\b|Chinese|Chine\b|chinois\w*|chinesisch\w*|Beijing|Pékin|Peking",
    "Italy": r"\bItaly\b|Italian|Italie|italien\w*|Italien\b|Rome\b|Rom\b",
    "Saudi Arabia": r"Saudi\w*|saoudien\w*|saudisch\w*|Riyadh|Riyad",
    "United Arab Emirates": r"Emirat\w*|émirati\w*|UAE|EAU|VAE|Abu Dhabi|Abou Dhabi",
    "Kuwait": r"Kuwait\w*|Koweït\w*|koweïtien\w*|kuwaitisch\w*",
    "Morocco": r"Morocc\w*|Maroc\w*|marocain\w*|Marokko\w*|marokkanisch\w*|Rabat",
    "Panama": r"Panam\w*",
    "Brazil": r"Brazil\w*|Brésil\w*|brésilien\w*|Brasilien\w*|brasilianisch\w*",
    "Mexico": r"Mexic\w*|Mexique|mexicain\w*|Mexiko|mexikanisch\w*",
    "Canada": r"Canad\w*|Kanada\w*|kanadisch\w*|Ottawa",
    "Kenya": r"Keny\w*|Kenia\w*",
    "Nigeria": r"Nigeria\w*|Nigéria\w*|nigérian\w*",
    "South Africa": r"South Africa\w*|Afrique du Sud|sud-africain\w*|Südafrika\w*",
    "Indonesia": r"Indonesia\w*|Indonésie|indonésien\w*|Indonesien\w*|indonesisch\w*|Jakarta",
    "Vietnam": r"Vietnam\w*|vietnamien\w*|Hanoi",
    "Thailand": r"Thai\w*|Thaïlande|thaïlandais\w*",
    "Poland": r"Poland|Polish|Pologne|polonais\w*|Polen\b|polnisch\w*|Warsaw|Varsovie|Warschau",
    "Portugal": r"Portug\w*|Lisbon|Lisbonne|Lissabon",
    "Australia": r"Australi\w*|Austral\w*",
}

# (a French word may be plural: "des Technologies numériques"; a German stem ends inside its compound:
# "Außenministerium")
PLAIN_NAMES = frozenset(v[3] for v in PORTFOLIOS.values())
_PORT = {
    k: [re.compile(rf"(?:{p}){end}", re.IGNORECASE) for p, end in zip(v[:3], (r"\b", r"s?\b", ""), strict=True)]
    for k, v in PORTFOLIOS.items()
}
_ALL = [r"|".join(v[i] for v in PORTFOLIOS.values()) for i in range(3)]
_PHRASES = {
    # "Japan's foreign ministry", "the finance ministry", "the U.S. Energy Department", "The Emirati investment
    # ministry"
    "en": re.compile(rf"(?i:\b(?:{_ALL[0]})(?:\s+and\s+(?:{_ALL[0]}))?)\s+(?:[Mm]inistry|[Dd]epartment)\b"),
    # "le ministère japonais des Affaires étrangères", "au ministère de l'Énergie et des Mines", "le ministère de la
    # Gouvernance numérique"
    "fr": re.compile(
        rf"\b[Mm]inistère\s+(?:[a-zà-ÿ-]+\s+)?(?:de\s+l['’]\s?|de\s+la\s+|des\s+|du\s+)"
        rf"(?:(?:[Gg]ouvernance|[Tt]ransformation)\s+)?(?i:{_ALL[1]})\b"
    ),
    # "das japanische Außenministerium", "US-Energieministeriums", "des Ministeriums für Energie, Wasserressourcen"
    "de": re.compile(
        rf"(?:\b[A-Z]{{2,3}}-|\bBundes|\bLandes|\b)(?:(?i:{_ALL[2]})s?-\s+und\s+)?(?i:{_ALL[2]})s?ministeri(?:um|ums)\b"
        rf"|\bMinisteri(?:um|ums)\s+für\s+(?:den\s+|die\s+|das\s+)?(?i:{_ALL[2]})"
    ),
}
_COUNTRY_RE = {c: re.compile(words) for c, words in COUNTRIES.items()}


@functools.lru_cache(maxsize=1)
def official_names() -> dict[tuple[str, str], str]:
    """(country, portfolio) -> the ministry's official English name, from data/ministries.csv."""
    with resources.files("gigawatt.data").joinpath("ministries.csv").open(newline="", encoding="utf-8") as fh:
        return {(row["country"], row["portfolio"]): row["name"] for row in csv.DictReader(fh)}


def portfolios_of(phrase: str, lang: str) -> list[str]:
    """The portfolios a ministry's phrase names, in order ("Ministerium für Energie, Wasserressourcen": energy)."""
    at = {k: m.start() for k, pats in _PORT.items() if (m := pats[_INDEX[lang]].search(phrase)) is not None}
    return sorted(at, key=at.get)


_INDEX = {"en": 0, "fr": 1, "de": 2}


def country_in(words: str) -> str | None:
    """The country ``words`` name, the first one named, if any."""
    at = {c: m.start() for c, r in _COUNTRY_RE.items() if (m := r.search(words)) is not None}
    return min(at, key=at.get) if at else None


@functools.lru_cache(maxsize=16)
def article_country(text: str) -> str | None:
    """The country the article names most; of a tie, the one it names first ("Luxembourg will spend ..." before
    "France's Atos"); None for none."""
    counts = {c: len(r.findall(text)) for c, r in _COUNTRY_RE.items()}
    most = max(counts.values(), default=0)
    if most == 0:
        return None
    tied = {c: r.search(text).start() for c, r in _COUNTRY_RE.items() if counts[c] == most}
    return min(tied, key=tied.get)


def ministry_name(portfolios: list[str], country: str | None) -> str:
    """The official English name of ``country``'s ministry for the first of ``portfolios`` it has one for ("des
    Technologies numériques": Uzbekistan's digital ministry), else the plain name of the first."""
    official = [official_names()[(country, p)] for p in portfolios if (country, p) in official_names()]
    return official[0] if official else PORTFOLIOS[portfolios[0]][3]


def ministries_in(
    text: str, lang: str | None = None, start: int = 0, end: int | None = None
) -> list[tuple[str, int, int]]:
    """(name, start, end) of each ministry ``text[start:end]`` names by its portfolio, with its official English name.
    The country: words just before the phrase ("Japan's", "das japanische", "The Emirati") or in it ("ministère
    japonais", "US-"), or just after it ("in Washington", "du Guatemala"), else the article's. In every language where
    ``lang`` is None."""
    end = len(text) if end is None else end
    return [m for m in _every_ministry(text, lang) if start <= m[1] < end]


@functools.lru_cache(maxsize=16)
def _every_ministry(text: str, lang: str | None) -> tuple[tuple[str, int, int], ...]:
    """:func:`ministries_in` over the whole text, once per text (the article's country is counted once)."""
    found = [(m, la) for la in ([lang] if lang else list(_PHRASES)) for m in _PHRASES[la].finditer(text)]
    out = []
    for m, la in sorted(found, key=lambda x: x[0].start()):
        # (the portfolios named after the phrase count for the official name: "ministère des Technologies
        # numériques")
        tail = re.match(r"[^.;:()]{0,60}", text[m.end() : m.end() + 60]).group()
        portfolios = portfolios_of(m.group() + tail, la)
        # the two words before, in the same clause ("Japan's", "das japanische", "The U.S."; not "toward China, the")
        before = re.search(
            r"(?:(?:U\.S\.|U\.K\.|[^\s,;:.]+)\s+){0,2}$", text[max(0, m.start() - 40) : m.start()]
        ).group()
        if not portfolios or _not_a_ministry(m, la, before, text):
            continue
        after = re.match(r"\s+(?:in|à|en|au|du|de la|d['’])\s*\S+", text[m.end() : m.end() + 30])
        named = before + " " + m.group() + (after.group() if after else "") + " " + tail
        country = country_in(named)
        # an English "Justice Department", capitalised, is Washington's where no other country is named; a country
        # the table does not know ("Norway's", "ministère norvégien") is no reason to take the article's
        us = la == "en" and m.group().endswith("Department")
        unknown = re.search(r"[A-Z][a-z]+['’]s\s+$", before) or re.match(r"[Mm]inistère\s+[a-zà-ÿ-]+\s+d", m.group())
        country = country or ("United States" if us else None if unknown else article_country(text))
        out.append((ministry_name(portfolios, country), m.start(), m.end()))
    return tuple(out)


# a ministry's phrase that names no national ministry: an office's or a person's ("a former finance ministry
# official"), a company's, a county's or a state's department ("Samsung's research and development department", "the
# city's transportation department", "Virginia's energy department"), a German state's ministry ("das bayerische
# Wirtschaftsministerium", "NRW-Wirtschaftsministerium")
_MODIFIER_AFTER = re.compile(
    r"\s+(?:officials?|spokes(?:man|woman|person)|sources?|minister|head|chief|staff|Sprecher\w*|porte-parole)\b"
)
_LOCAL = re.compile(
    r"\b(?:state|city|county|company|municipal|provincial|regional|city['’]s|state['’]s|company['’]s|county['’]s"
    r"|bayerische\w*|hessische\w*|sächsische\w*|niedersächsische\w*|baden-württembergische\w*|thüringische\w*"
    r"|brandenburgische\w*|rheinland-pfälzische\w*|saarländische\w*|NRW-|Landes\w*)\s*$",
    re.IGNORECASE,
)


def _not_a_ministry(m: re.Match, lang: str, before: str, text: str) -> bool:
    if _MODIFIER_AFTER.match(text, m.end()) or _LOCAL.search(before + m.group()[: m.group().find(" ") + 1]):
        return True
    if lang == "de" and re.match(r"(?:NRW|Landes)", m.group()):
        return True
    if lang != "en":
        return False
    # a part of a longer name ("the Arizona State Land Department", "India's Atomic Energy Department")
    word = re.search(r"(\S+)\s+$", before)
    if word and re.fullmatch(r"(?!The\b)[A-Z][a-z]+", word.group(1)) and not country_in(word.group(1)):
        return True
    # a possessive that names no country ("Samsung's research and development department", "Virginia's")
    owner = re.search(r"(\S+)['’]s\s+(?:[a-z-]+\s+){0,3}$", text[max(0, m.start() - 60) : m.start()])
    return bool(owner and not country_in(owner.group(1)) and m.group().lower().endswith("department"))

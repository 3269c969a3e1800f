"""Who speaks: the people and companies of this debate (a list of names with their aliases), reporting cues
(patterns.CUES, found by spaCy's Matcher), quotation marks, and the last named speaker for a pronoun.

Each attribution keeps three character spans, the shape quote-attribution corpora use (GermEval 2023's): the
``cue`` (the reporting verb or "selon"), the ``speaker`` (the name as written) and the ``content`` (the quotation's
text, or the sentence for indirect speech).
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import itertools
import re

from gigawatt.claims.extract.countries import country_names
from gigawatt.claims.extract.ministries import PLAIN_NAMES, country_in, ministries_in
from gigawatt.claims.extract.patterns import MONTHS

ARTICLE = "the article"

# public bodies, as each language names them
_COMMISSION = ["European Commission", "EU Commission", "the Commission", "la Commission", "Commission européenne",
               "Europäische Kommission", "EU-Kommission", "Kommission"]  # fmt: skip
_ENERGY_DEPARTMENT = ["Department of Energy", "Energy Department", "US Department of Energy", "ministère de l'Énergie",
                      "Energieministerium", "US-Energieministerium", "Energieministeriums",
                      "US-Energieministeriums", "DOE", "département de l'Énergie", "département de l'Energie",
                      "département de l’Énergie", "département de l’Energie"]  # fmt: skip
_JUSTICE_DEPARTMENT = ["Department of Justice", "Justice Department", "US Department of Justice",
                       "U.S. Department of Justice", "U.S. Justice Department", "US Justice Department", "DOJ",
                       "Justizministerium", "US-Justizministerium", "Justizministeriums", "US-Justizministeriums",
                       "ministère de la Justice", "ministère américain de la Justice", "département de la Justice",
                       "département américain de la Justice"]  # fmt: skip
_DEFENSE_DEPARTMENT = ["Department of Defense", "Defense Department", "US Department of Defense", "DoD",
                       "U.S. Department of Defense", "Pentagon", "the Pentagon", "le Pentagone", "Pentagone",
                       "département de la Défense", "ministère américain de la Défense", "Verteidigungsministerium",
                       "US-Verteidigungsministerium", "Verteidigungsministeriums", "US-Verteidigungsministeriums",
                       "Pentagons"]  # fmt: skip
_COMMERCE_DEPARTMENT = ["Department of Commerce", "Commerce Department", "US Department of Commerce",
                        "U.S. Department of Commerce", "US Commerce Department", "U.S. Commerce Department",
                        "département du Commerce", "département américain du Commerce",
                        "ministère américain du Commerce", "US-Handelsministerium",
                        "US-Handelsministeriums"]  # fmt: skip
# a finance ministry, whichever country's (the gold names it so in every language)
_FINANCE_MINISTRY = ["Ministry of Finance", "Finance Ministry", "ministère des Finances", "Finanzministerium",
                     "Finanzministeriums"]  # fmt: skip
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
    "Lisa Su": ("person", "CEO of AMD", ["Lisa Su"]),
    "Mark Zuckerberg": ("person", "CEO of Meta", ["Mark Zuckerberg", "Zuckerberg"]),
    "Safra Catz": ("person", "CEO of Oracle", ["Safra Catz", "Catz"]),
    "Khaldoon Al Mubarak": ("person", "CEO of Mubadala", ["Khaldoon Al Mubarak", "Al Mubarak"]),
    "Yoshimitsu Goto": ("person", "CFO of SoftBank", ["Yoshimitsu Goto"]),
    "OpenAI": ("organization", "", ["OpenAI"]),
    "SoftBank": ("organization", "", ["SoftBank", "Softbank"]),
    "Oracle": ("organization", "", ["Oracle"]),
    "MGX": ("organization", "", ["MGX"]),
    "G42": ("organization", "", ["G42"]),
    "xAI": ("organization", "", ["xAI"]),
    "Nvidia": ("organization", "", ["Nvidia", "NVIDIA"]),
    "AMD": ("organization", "", ["AMD"]),
    # the chip and memory makers and the operators and investors the build-out's news names most
    "TSMC": ("organization", "", ["TSMC"]),
    "Intel": ("organization", "", ["Intel"]),
    "Micron": ("organization", "", ["Micron", "Micron Technology"]),
    "SK Hynix": ("organization", "", ["SK Hynix", "SK hynix"]),  # (a small letter after the acronym: "SK" alone)
    "Samsung": ("organization", "", ["Samsung", "Samsung Electronics"]),  # the news's short name (gold: 19 to 1)
    "Equinix": ("organization", "", ["Equinix"]),
    "Digital Realty": ("organization", "", ["Digital Realty"]),
    "Blackstone": ("organization", "", ["Blackstone"]),
    "BlackRock": ("organization", "", ["BlackRock"]),
    "Dominion Energy": ("organization", "", ["Dominion Energy"]),
    "Brookfield Asset Management": ("organization", "", ["Brookfield Asset Management"]),
    "Brookfield": ("organization", "", ["Brookfield"]),
    "Microsoft": ("organization", "", ["Microsoft"]),
    "Meta": ("organization", "", ["Meta"]),
    "Google": ("organization", "", ["Google"]),
    "Alphabet": ("organization", "Google's parent", ["Alphabet"]),
    "Amazon": ("organization", "", ["Amazon"]),
    "Amazon Web Services": ("organization", "Amazon's cloud", ["Amazon Web Services", "AWS"]),
    "Anthropic": ("organization", "", ["Anthropic"]),
    "CoreWeave": ("organization", "", ["CoreWeave"]),
    "Broadcom": ("organization", "", ["Broadcom"]),
    "Crusoe": ("organization", "", ["Crusoe"]),
    "Mubadala": ("organization", "", ["Mubadala"]),
    "Humain": ("organization", "", ["Humain"]),
    "Blue Owl": ("organization", "", ["Blue Owl"]),
    "Vantage Data Centers": ("organization", "", ["Vantage Data Centers", "Vantage"]),
    "Related Digital": ("organization", "", ["Related Digital"]),
    "Entergy": ("organization", "", ["Entergy"]),
    "DTE": ("organization", "", ["DTE Energy", "DTE"]),
    "Reuters": ("organization", "news agency", ["Reuters"]),
    "Bloomberg": ("organization", "news agency", ["Bloomberg"]),
    "AFP": ("organization", "news agency", ["AFP", "Agence France-Presse"]),
    # China's state news agency, by its French and German names too ("l'agence officielle Chine nouvelle")
    "Xinhua": ("organization", "news agency", ["Xinhua", "Chine nouvelle", "Neues China"]),
    "Associated Press": ("organization", "news agency", ["Associated Press"]),
    "dpa": ("organization", "news agency", ["dpa", "Deutsche Presse-Agentur"]),
    "The Information": ("organization", "news site", ["The Information"]),
    "CNBC": ("organization", "news site", ["CNBC"]),
    "Forbes": ("organization", "news site", ["Forbes"]),
    "Axios": ("organization", "news site", ["Axios"]),
    "Semafor": ("organization", "news site", ["Semafor"]),
    "TechCrunch": ("organization", "news site", ["TechCrunch"]),
    "Wall Street Journal": ("organization", "news site", ["The Wall Street Journal", "Wall Street Journal", "WSJ"]),
    "Financial Times": ("organization", "news site", ["The Financial Times", "Financial Times", "FT"]),
    "New York Times": ("organization", "news site", ["The New York Times", "New York Times", "NYT"]),
    "Handelsblatt": ("organization", "news site", ["Handelsblatt"]),
    "Les Echos": ("organization", "news site", ["Les Echos"]),
    "Le Monde": ("organization", "news site", ["Le Monde"]),
    "Nikkei": ("organization", "news site", ["Nikkei"]),
    "Nikkei Asia": ("organization", "news site", ["Nikkei Asia"]),  # the English edition, as the gold names it
    # more outlets the news about these programmes comes from, as each writes its name
    "Fortune": ("organization", "news site", ["Fortune"]),
    "The Times": ("organization", "news site", ["The Times"]),
    "The Guardian": ("organization", "news site", ["The Guardian"]),
    "BBC": ("organization", "news site", ["BBC"]),
    "Business Insider": ("organization", "news site", ["Business Insider"]),
    "The Verge": ("organization", "news site", ["The Verge"]),
    "Yonhap": ("organization", "news agency", ["Yonhap"]),
    "Le Figaro": ("organization", "news site", ["Le Figaro"]),
    "Le Parisien": ("organization", "news site", ["Le Parisien"]),
    "La Tribune": ("organization", "news site", ["La Tribune"]),
    "L'Usine Digitale": ("organization", "news site", ["L'Usine Digitale", "L’Usine Digitale"]),
    "L'Usine Nouvelle": ("organization", "news site", ["L'Usine Nouvelle", "L’Usine Nouvelle"]),
    "BFM Business": ("organization", "news site", ["BFM Business"]),
    "Süddeutsche Zeitung": ("organization", "news site", ["Süddeutsche Zeitung", "SZ"]),
    "Frankfurter Allgemeine Zeitung": ("organization", "news site", ["Frankfurter Allgemeine Zeitung", "FAZ"]),
    "Der Spiegel": ("organization", "news site", ["Der Spiegel", "Spiegel"]),
    "Heise": ("organization", "news site", ["Heise"]),
    "Wirtschaftswoche": ("organization", "news site", ["Wirtschaftswoche", "WirtschaftsWoche"]),
    "White House": (
        "organization",
        "",
        ["the White House", "White House", "la Maison Blanche", "Weißen Haus", "Weißen Hauses"],
    ),
    "Élysée": ("organization", "French presidency", ["Élysée", "Elysée"]),
    "Palazzo Chigi": ("organization", "Italian government", ["Palazzo Chigi", "palais Chigi"]),
    "Department for Science, Innovation and Technology": (
        "organization",
        "UK government",
        [
            "Department for Science, Innovation and Technology",
            "DSIT",
            "ministère de la Science, de l'Innovation et de la Technologie",
            "ministère de la Science, de l’Innovation et de la Technologie",
            "Ministerium für Wissenschaft, Innovation und Technologie",
        ],
    ),
    "Ministry of Economy, Trade and Industry": (
        "organization",
        "Japanese government",
        [
            "Ministry of Economy, Trade and Industry",
            "METI",
            "ministère de l'Économie, du Commerce et de l'Industrie",
            "ministère de l’Économie, du Commerce et de l’Industrie",
        ],
    ),
    "European Commission": ("organization", "the EU's executive", _COMMISSION),
    "Department of Energy": ("organization", "US government", _ENERGY_DEPARTMENT),
    "Department of Justice": ("organization", "US government", _JUSTICE_DEPARTMENT),
    "Department of Defense": ("organization", "US government", _DEFENSE_DEPARTMENT),
    "Ministry of Finance": ("organization", "government", _FINANCE_MINISTRY),
    "Department of Commerce": ("organization", "US government", _COMMERCE_DEPARTMENT),
    # a government's cabinet, under the English name the gold gives it in every language
    "Council of Ministers": (
        "organization",
        "government",
        ["Council of Ministers", "Conseil des ministres", "Ministerrat", "Ministerrats", "Ministerrates"],
    ),
    "International Energy Agency": (
        "organization",
        "intergovernmental agency",
        [
            "International Energy Agency",
            "Internationale Energieagentur",
            "Internationalen Energieagentur",
            "Agence internationale de l'énergie",
            "Agence internationale de l’énergie",
            "IEA",
            "AIE",
        ],
    ),
    "Epoch AI": ("organization", "research group", ["Epoch AI", "Epoch"]),
    "SemiAnalysis": ("organization", "research firm", ["SemiAnalysis"]),
    "Bernstein": ("organization", "analysts", ["Bernstein"]),
    "Morgan Stanley": ("organization", "analysts", ["Morgan Stanley"]),
    "Goldman Sachs": ("organization", "analysts", ["Goldman Sachs"]),
    "Barclays": ("organization", "analysts", ["Barclays"]),
    "Jefferies": ("organization", "analysts", ["Jefferies"]),
    "Moody's": ("organization", "analysts", ["Moody's", "Moody’s"]),
    "D.A. Davidson": ("organization", "analysts", ["D.A. Davidson"]),
    "Bank of America": ("organization", "analysts", ["Bank of America", "BofA"]),
    # the data firms whose poll of analysts gives the consensus ("analysts polled by LSEG had expected"): never "the
    # company" a later "the company said" stands for
    "LSEG": ("organization", "analysts' consensus", ["LSEG", "Refinitiv"]),
    "FactSet": ("organization", "analysts' consensus", ["FactSet"]),
    "Visible Alpha": ("organization", "analysts' consensus", ["Visible Alpha"]),
    "FnGuide": ("organization", "analysts' consensus", ["FnGuide"]),
    "Yonhap Infomax": ("organization", "analysts' consensus", ["Yonhap Infomax"]),
    "Zacks": ("organization", "analysts' consensus", ["Zacks Investment Research", "Zacks"]),
    "Bank of England": ("organization", "central bank", ["Bank of England"]),
    "PJM": ("organization", "grid operator", ["PJM Interconnection", "PJM"]),
    # development banks, by their English names in every language (the gold's convention)
    "World Bank": ("organization", "development bank", ["World Bank", "Banque mondiale", "Weltbank"]),
    "African Development Bank": ("organization", "development bank",
                                 ["African Development Bank", "AfDB", "Banque africaine de développement", "BAD",
                                  "Afrikanische Entwicklungsbank", "Afrikanischen Entwicklungsbank"]),
    "Asian Development Bank": ("organization", "development bank",
                               ["Asian Development Bank", "ADB", "Banque asiatique de développement", "BAsD",
                                "Asiatische Entwicklungsbank", "Asiatischen Entwicklungsbank"]),
    "Inter-American Development Bank": ("organization", "development bank",
                                        ["Inter-American Development Bank", "IADB", "IDB",
                                         "Banque interaméricaine de développement",
                                         "Interamerikanische Entwicklungsbank",
                                         "Interamerikanischen Entwicklungsbank"]),
    "European Investment Bank": ("organization", "development bank",
                                 ["European Investment Bank", "EIB", "Banque européenne d'investissement",
                                  "Banque européenne d’investissement", "BEI", "Europäische Investitionsbank",
                                  "Europäischen Investitionsbank"]),
    "International Finance Corporation": ("organization", "development bank",
                                          ["International Finance Corporation", "IFC",
                                           "Société financière internationale"]),
    "European Bank for Reconstruction and Development": (
        "organization", "development bank",
        ["European Bank for Reconstruction and Development", "EBRD", "BERD", "Osteuropabank",
         "Banque européenne pour la reconstruction et le développement",
         "Europäische Bank für Wiederaufbau und Entwicklung", "Europäischen Bank für Wiederaufbau und Entwicklung"]),
}  # fmt: skip
_ALIASES = sorted(((a, name) for name, (_, _, aliases) in KNOWN.items() for a in aliases), key=lambda x: -len(x[0]))
# (the development banks' acronyms, not as the start of another name: "ADB Safegate", "IDB Holdings"; "BID" and "SFI"
# name other bodies too, the Islamic Development Bank in French, Science Foundation Ireland: left out)
_LONE_ACRONYMS = {"ADB", "BAsD", "EIB", "BEI", "IFC", "IADB", "IDB"}
_NOT_ANOTHER_NAME = r"(?! (?:Safegate|Holdings?|Invest|Markets|Ventures|Capital|Securities|Partners)\b)"
_KNOWN_RE = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(a) + (_NOT_ANOTHER_NAME if a in _LONE_ACRONYMS else "") for a, _ in _ALIASES)
    + r")(?![\w])"
)
_CANON = dict(_ALIASES)
# a name the list lacks: two or three capitalised words (first names and surnames), near a cue only
_UP = "A-ZÀ-ÖØ-ÞĀĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŤŪŰŲŸŹŻŽ"  # capitals, accented ones too ("Øyvind", "Élysée", "Şahin")
# small letters, "ß", "ı" and "ľ" too ("Achim Weiß", "Cevdet Yılmaz", "Samuel Migaľ")
_LOW = "a-zß-öø-ÿāăąćčďđēėęěğģīıįķĺļľłńņňōőœŕřśşšťūůűųźżž"
# a given name may have a hyphen ("Kim Yong-beom", "Jean-Pierre") or be initials ("C.C. Wei")
_FIRST = rf"(?:(?:[A-Z]\.){{2,3}}|[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+)?)"
_NAME_RE = re.compile(
    # not after "de", "d'", "of", "from", "in", "near", "à": a place ("le groupe de Mountain View", "d'Abou Dhabi")
    rf"(?<![\w.-])(?<!\bde )(?<!\bd['’])(?<!\bof )(?<!\bfrom )(?<!\bin )(?<!\bnear )(?<!\bà )"
    rf"(?:St\. |[A-Z]{{1,3}}&[A-Z]{{1,3}} )?{_FIRST}(?:[{_UP}][{_LOW}]+)?"  # "S&P Global Commodity Insights"
    rf"(?: (?:von der |van der |von |van |de la |du |de |da |dos |O['’]|D['’]|al-|el-)?[{_UP}][{_LOW}]+"
    rf"(?:-[{_UP}{_LOW}][{_LOW}]+|[{_UP}][{_LOW}]+)?){{1,3}}(?![\w-])"  # "Kevin O'Leary"
)
# a public body or an association under its full name ("the Texas Department of Licensing and Regulation", "the US
# Department of Energy", "the Union of Concerned Scientists")
_BODY_RE = re.compile(
    r"(?:(?!(?:The|Die|Der|Das|Le|La|Les)\b)(?:[A-Z][a-z]+|US|U\.S\.)(?: and)? ){0,3}"  # not "Die" of "Die Union ..."
    r"(?:Department|Ministry|Commission|Agency|Office|Authority"
    r"|Administration|Board"
    r"|Council|Union|Association|Federation|Institute|Society|Chamber|Bureau|Foundation|Coalition|League)"
    # "Science and ICT", "Office for IT and eGovernment"
    r" (?:of|for) (?:the )?(?:[A-Z][a-z]+|[A-Z]{2,5}\b)(?:,? (?:and |of |for )?(?:[A-Z][a-z]+|[A-Z]{2,5}\b"
    r"|[a-z][A-Z][a-z]+))*"
    # or two parts joined by "and" before the body's word ("National Development and Reform Commission")
    r"|(?!(?:The|Die|Der|Das|Le|La|Les)\b)(?:[A-Z][a-z]+ ){1,3}and (?:[A-Z][a-z]+ ){1,2}"
    r"(?:Commission|Administration|Agency|Authority|Council|Board|Bureau|Office|Department|Ministry)(?![\w])"
)
_ACRONYM_NOT_AFTER = (
    "Chief|President|Vice|Executive|Chairman|Chairwoman|Minister|Secretary|Director|Senator|Governor|Chancellor|CEO"
    "|CFO|CTO|Chef|Chefin|Vorstandschef|Sprecher|Sprecherin|Analyst|Analysts|Analysten|Managing|Head|Founder|Boss|Co"
    "|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
    "|Wednesday|Thursday|Friday|Saturday|Sunday|GW|MW|GPU|GPUs|AI|IA|KI|Campus|Site|Park|Project|Projekt|Projet"
)
# or an acronym ("CNBC", "DTE"), in every language (German capitalises nouns, not whole words)
_ACRONYM_RE = re.compile(
    r"(?<![\w-])(?:[A-Z]{2,6}(?: (?:Energy|Digital|Capital|Group|Partners|Holdings|Technologies|Infrastructure|Power"
    r"|Telecom|Hynix|hynix|Cloud|Motor|Securities|Electronics|Bank)"
    # or any one or two capitalised words or an acronym that make its name ("GE Vernova", "EE Times", "KDI NRW",
    # "CDC Data Centres"), not a title after it ("AMD Chief Executive Lisa Su")
    r"|(?<!\b(?:US|EU|UK|AI|KI|IA) ) (?!(?:" + _ACRONYM_NOT_AFTER + r")\b)"
    r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]{2,6})"
    r"(?=[,.;:]|\s+[a-z]))?"
    r"|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+ & [A-Z][a-z]+|\d[a-z]{1,2}[A-Z]{1,3}"  # "Hungary's 4iG"
    r"|[A-Z]{1,3}&[A-Z]{1,3}(?: [A-Z][a-z]+){0,3})"  # "I&M", "S&P Global Market Intelligence"
    r"(?![\w])(?!-[A-ZÄÖÜ]?[a-zäöü])(?!-\d)(?!\$)"  # not a model's name ("GPT-4") nor a currency ("NZ$")
)  # and "SB Energy", "TrendForce"
_NOT_NAMES = {"The", "Le", "La", "Les", "Der", "Die", "Das", "Ein", "Eine", "Un", "Une", "In", "En", "Im", "Am", "On",
              "Au", "Aux", "Beim", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
              "Dec", "Selon", "Laut", "According", "Stargate", "Colossus", "Abilene", "Abu", "Texas",
              "Mrd", "Euro", "Medienberichten", "Berichten", "Insidern", "Kreisen", "Branchenkreisen",
              "Euros", "Dollar", "Dollars", "Avec", "With", "Mit", "Pour", "Für", "Dans", "Chez", "Bei", "Nach",
              "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Montag", "Dienstag",
              "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
              "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Januar", "Februar", "März", "Juni", "Juli", "Oktober", "Dezember",
              "Mio", "Zu", "Zum", "Zur", "Über", "Unter", "Vor", "Seit", "Bis", "Auf", "Aus", "Durch", "Gegen", "Ohne",
              "Um", "Wegen", "Trotz", "Während", "Neben", "Hinter", "Zwischen", "Dank", "Angaben", "By",
              "Under", "Over", "Amid", "Despite", "Through", "Across", "Within", "Without", "Between", "Among",
              "During", "Unlike"}  # fmt: skip
# sentence-initial subjects that are not names ("Analysts said", "Officials said", "Certains estiment")
_NOT_SUBJECT_NAMES = {"It", "This", "That", "They", "We", "I", "You", "He", "She", "Analysts", "Officials",
                      "Executives", "Investors", "Critics", "Sources", "People", "Experts", "Observers", "Economists",
                      "Others", "Some", "Many", "Both", "Nobody", "Everyone", "Several", "None", "Few", "All",
                      "Il", "Elle", "Ils", "Elles", "On", "Nous", "Ce", "Cela", "Es", "Er",
                      "Celui-ci", "Celle-ci", "Ceux-ci", "Celles-ci", "Celui-là", "Celle-là", "Dieser", "Diese",
                      "Certains", "Analystes", "Observateurs", "Investisseurs", "Data", "Figures", "Filings",
                      "Documents", "Records", "Estimates", "Surveys", "Research", "Studies", "Reports", "Données",
                      "Chiffres", "However", "Meanwhile", "Still", "Separately", "Earlier", "Later", "Today",
                      "Overall", "Instead", "Cependant", "Pourtant", "Toutefois", "Ainsi", "Enfin",
                      # possessives and participles that open a sentence before a noun or a name ("Ses dépenses
                      # d'investissement ont ...", "Baptisé SG6, le site ...", "Called SG6, the facility ...")
                      "Ses", "Sa", "Leurs", "Its", "Their", "Baptisé", "Baptisée", "Situé", "Située", "Installé",
                      "Installée", "Implanté", "Implantée", "Fondé", "Fondée", "Créé", "Créée", "Called", "Dubbed",
                      "Named", "Located",
                      # adverbs of place or sum ("Worldwide, the average project has grown ..., according to")
                      "Worldwide", "Globally", "Elsewhere", "Together", "Altogether", "Weltweit", "Insgesamt",
                      "Globalement", "Ailleurs", "Ensemble"}  # fmt: skip
# acronyms that are units, places or titles, never a speaker
_NOT_ACRONYMS = {"GW", "MW", "KW", "TWH", "GWH", "MWH", "GPU", "GPUS", "CPU", "TPU", "USD", "EUR", "US", "USA", "EU",
                 "UK", "AI", "KI", "IA", "IT", "CEO", "CFO", "CTO", "COO", "PUE", "UAE", "VAE", "EAU", "LOI", "IPO",
                 "HPC", "NVL", "PDG", "DG", "NIS", "CAD", "AUD", "JPY", "CNY", "INR", "GBP", "ONG", "NGO",
                 "CHF", "EBITDA", "EBIT", "EPS", "II", "III", "IV", "Q1", "Q2", "Q3", "Q4", "H1", "H2",
                 "GDP", "PIB", "BIP", "TVA", "VAT", "ROI", "KPI"}  # fmt: skip
QUOTES = re.compile(r"“([^”]*)”|\"([^\"\n]*)\"|«\s?([^»]*?)\s?»|„([^“”\"]*)[“”\"]|»([^«]*)«")
_AFTER_CUES = {"according to", "reported by", "selon", "d'après", "d’après", "laut", "nach angaben von",
               "nach angaben des", "nach angaben der", "nach schätzung von", "nach schätzungen von",
               "nach schätzung des", "nach schätzung der", "estimates by", "according to estimates by", "für",
               "pour", "for", "so", "compiled by", "nach einem eintrag der", "nach einem eintrag des",
               "nach einem bericht der",
               "nach einem bericht des", "nach einschätzung von", "nach einschätzung der", "nach einschätzung des",
               "nach berechnungen von", "nach berechnungen der", "nach berechnungen des",
               "nach einschätzung der analysten von", "nach berechnungen der analysten von", "à en croire",
               "aux dires de", "aux dires du", "aux dires des", "explique-t-on chez", "indique-t-on chez",
               "précise-t-on chez", "souligne-t-on chez", "assure-t-on chez", "affirme-t-on chez", ", so"}  # fmt: skip
# and every German "nach <noun> von|des|der" ("nach Darstellung des Weißen Hauses", "nach Worten von")
_NACH_NOUN_OF = re.compile(
    r"nach (?:einer |einem )?(?:[a-zäöüß]+ )?[a-zäöüß]+ (?:der analysten )?"
    r"(?:von|des|der|seines|seiner|ihres|ihrer|eines|einer)"
)


def _after_cue(low: str) -> bool:
    """A cue whose speaker follows it ("according to", "selon", "laut", "nach Angaben von")."""
    return low in _AFTER_CUES or _NACH_NOUN_OF.fullmatch(low) is not None


# "the company said": a description of the last company named before it ("the companies": the first of the sentence)
_DESCRIPTIONS = re.compile(
    # (or a place's, with its superlative: "the world's biggest retailer said", "Britain's biggest supermarket group")
    r"\b(?:(?:the |(?:the )?(?:world|(?-i:[A-Z])\w+)['’]s (?=(?:\w+-)?(?:biggest|largest|top) ))"
    r"(?:[\w.]+(?: [\w.]+)?, (?=[\w.-]+-based ))?"  # "the Round Rock, Texas-based company"
    r"(?:[\w-]+ ){0,3}(?:[\w-]+ and [\w-]+ )?"  # "the Aragonese wind and solar developer"
    # the noun in small letters: "the National Energy System Operator" is a name
    r"(?-i:company|group|groups|firm|firms|companies|asset manager|chipmaker|start-up|startup|operator|developer"
    r"|carmaker|automaker"
    r"|designer|trust|producer|generator"
    r"|investor|provider|utility|fund|conglomerate|lender|manufacturer|supplier|parent|owner|miner|landlord|maker"
    r"|contractor|builder|insurer|broker|retailer|grocer|drugmaker|steelmaker|carrier|biotech|(?<=oil )major"
    r"|(?<=energy )major"
    r"|(?<=rating )agency|(?<=ratings )agency|l['’]agence de notation|(?:die|der) Ratingagentur"
    # "the Bank" (of England, named before) as "the bank", not "The World Bank"
    r"|hyperscaler|bank|(?<=[Tt]he )Bank)|l[’']entreprise"
    r"|le promoteur|la banque|le gestionnaire d['’]actifs|die Bank|le fournisseur(?: d['’]électricité)?|le concepteur"
    r"|die (?:Förder|Entwicklungs|Investitions|Staats)bank"  # "wie die Förderbank mitteilte": the bank named before
    r"|l['’]équipementier|le motoriste|le fondeur|l['’]hébergeur"
    r"|l['’]éditeur|le créateur|l['’]électricien|l['’]énergéticien|l['’]installateur|le courtier"
    r"|les (?:deux )?entreprises|le groupe|le fonds|le géant|le fabricant|l[’']opérateur|l[’']exploitant"
    # a document of the company: "selon le communiqué du groupe", "le rapport annuel de la société"
    r"|(?:(?<=communiqué )|(?<=rapport )|(?<=dossier )|(?<=document )|(?<=annuel )|(?<=bilan ))"
    r"(?:du groupe|de la société|de l['’]entreprise)"
    r"|la direction|le producteur|le laboratoire|la majeure pétrolière|la major pétrolière|le sidérurgiste"
    r"|le chimiste(?!\s+(?:du|de|des|d['’])\b)"  # (not a chemist "du CNRS")
    r"|la plateforme(?=\s+(?:de|d['’]|en)\b|\s*[,.;])"  # not a subject: "selon qui la plateforme pourrait lever"
    # not when a name follows ("le cabinet d'études Terakraft")
    r"|(?:le (?:spécialiste|conglomérat|constructeur|développeur|cabinet|propriétaire|distributeur|sous-traitant"
    r"|transporteur)|l[’'](?:investisseur|industriel|assembleur)|la multinationale)"
    r"(?!(?: [\w'’-]+){0,2} (?-i:[A-Z]))"
    r"|(?:die|der) Gruppe"
    r"|les (?:deux )?groupes|les (?:deux )?sociétés|les deux partenaires|la société|la compagnie|la start-up"
    # not "la firme américaine de recherche Gartner" (but "la firme jeudi soir à San Francisco" is the firm)
    r"|la firme(?!(?: (?!(?:à|au|aux|en|dans|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)[\w'’-]+){0,4}"
    r" (?-i:[A-Z]))"
    r"|les (?:deux )?compagnies(?!\s+(?:d['’]|de|des|du|aériennes|pétrolières|minières|électriques|maritimes)\b)"
    r"|das Unternehmen|(?:die )?(?:beiden|beide) Unternehmen"
    r"|beide Seiten|both sides|les deux parties|the buyers|the sellers|the owners|les acheteurs|die Käufer"
    r"|die Unternehmen|der Konzern|the group|both companies"
    r"|die (?:beiden )?Konzerne|des Unternehmens|des Konzerns"
    # with what it is in between: "wie das in Amsterdam ansässige Unternehmen mitteilte", "des südkoreanischen Konzerns"
    r"|(?:das|des|dem|der) (?:[\w-]+ ){1,3}?(?:Unternehmens?|Konzerns?)|(?:das|des|dem) \w+-?[Uu]nternehmens?"
    # a compound for the company ("der Softwarekonzern", "wie der Facebook-Konzern mitteilte"), "die Firma"
    r"|(?:der|des|dem) (?:[\w-]+ )?[\w-]*(?:konzern|Konzern|[Ee]ntwickler|[Hh]ersteller|[Bb]etreiber|[Aa]nbieter"
    r"|[Vv]ersorger|[Ii]nvestor|[Rr]iese|[Mm]akler|[Ff]onds|(?:Lagerhaus|Immobilien|Kraftwerks)(?:besitzer|eigentümer))s?"
    r"|(?:die|der) Firma"
    r"|(?:die|der) [\w-]*-?Tochter(?: von (?-i:[A-Z])\w+)?"
    # a company's unit, named by its parent: the unit the sentence is about ("Amazon Web Services will ..., teilte
    # die Amazon-Tochter mit", "a communiqué la filiale d'Amazon", "Amazon's cloud unit said")
    r"|die (?-i:[A-Z])[\w]*-(?:Tochter|Sparte|Einheit)|la (?:filiale|fille|division) d[’'](?-i:[A-Z])\w+"
    r"|(?-i:[A-Z])\w+['’]s (?:cloud )?(?:unit|subsidiary|arm|division)|the (?-i:[A-Z])\w+ (?:unit|subsidiary))\b"
    r"(?! (?-i:[A-Z]))",  # "the chipmaker Arm", "der Konzern Nvidia": the name that follows speaks
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    r"(?:Un|Une|Deux|Trois|Quatre|Cinq|Six|Sept|Huit|Neuf|Dix|Cent|Mille|One|Two|Three|Four|Five|Seven|Eight|Nine"
    r"|Ten|Hundred|Ein"
    r"|Eine|Zwei|Drei|Vier|Fünf|Zehn|Hundert|Tausend)\b"
)
_PLURAL = re.compile(
    r"companies|entreprises|groupes|sociétés|compagnies|partenaires|(?:die |beiden |beide )+Unternehmen|Konzerne"
    r"|beide Seiten|both sides|les deux parties|buyers|sellers|owners|acheteurs|Käufer",
    re.IGNORECASE,
)
# "the report said", "le journal", "das Blatt": the last news outlet named
_REPORTS = re.compile(  # (opening a sentence too: "The newspaper put its cost at")
    r"\b(?:[Tt]he (?:report|newspaper|paper|agency|news agency|outlet|publication)|[Ll]e journal|[Ll]e quotidien"
    r"|[Ll][’']agence|[Ll]e média|[Ll]e site|[Ll]e rapport|[Dd]as Blatt|dem Blatt|des Blattes|[Dd]ie Zeitung"
    r"|der Zeitung|[Dd]er Bericht|[Dd]ie Agentur|dem Bericht)\b(?! (?-i:[A-Z]))"
)
# a person the list lacks, named after a title ("Gouverneur Tate Reeves", "Nvidia-Chef Jensen Huang", "le patron de
# Nscale, Josh Payne" is left to the capitalised-words rule): later the surname alone names them too
_TITLES = ["Gouverneur", "Gouverneurin", "Chef", "Chefin", "Sprecher", "Sprecherin", "Präsident", "Präsidentin",
           "Minister", "Ministerin", "Finanzchef", "Finanzchefin", "Vorstandschef", "Vorstandschefin",
           "Geschäftsführer", "Geschäftsführerin", "Gründer", "Gründerin", "Analyst", "Analystin", "Moderator",
           "Abgeordnete", "Abgeordneter", "Berater", "Beraterin", "Sekretär", "Sekretärin",
           "Moderatorin", "Manager", "Managerin", "manager", "Partner", "Partnerin", "Direktor", "Direktorin",
           "Leiter", "Leiterin", "Vizepräsident", "Vizepräsidentin", "Stratege", "Strategin", "Ökonom", "Ökonomin",
           "Ingenieur", "Ingenieurin", "Forscher", "Forscherin", "Vertreter", "Vertreterin",
           "Governor", "CEO", "CFO", "President", "Senator",
           "chief executive",
           "chief financial officer", "billionaire", "founder", "co-founder", "chairman",
           "spokesman", "spokeswoman", "spokesperson", "host", "gouverneur", "ministre",
           "président", "porte-parole", "patron", "directeur général", "directrice générale", "PDG", "recteur",
           "rectrice"]  # fmt: skip
_PARTICLES = r"(?:Al|al|bin|von der|van der|von|van|de la|de|du|da|di|la|le)"  # "Ursula von der Leyen"
_ARABIC_ARTICLE = r"(?:al|el|Al|El)-"  # "Mohammed al-Rayeh al-Toum"
_NAME_WORDS = (
    rf"{_FIRST}(?:\s+(?:{_ARABIC_ARTICLE}[{_UP}][{_LOW}]+|{_PARTICLES}|[{_UP}][{_LOW}'’]+(?:-[{_UP}{_LOW}][{_LOW}]+)?"
    rf"|[{_UP}]\.)){{0,3}}"  # "Manuel V."
    # "McMaster", "al-Toum"
    rf"\s+(?:O['’]|D['’]|{_ARABIC_ARTICLE})?[{_UP}][{_LOW}'’]+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}{_LOW}][{_LOW}]+)?"
)
_TITLED = re.compile(
    r"(?:(?<![\w])|(?<=-))[A-Za-zäöü]*?(?i:" + "|".join(_TITLES) + r")(?:en|n|s)?,?"
    # the title's complement before the name, set off ("der Präsident der Region Aragonien, Jorge Azcón")
    r"(?:\s+(?:(?:der|des|of the|of|de la|du|de)\s+|de l['’])(?:[\w'’-]+\s+){0,3}?[\w'’-]+,"
    r"|\s+d['’][A-Z][A-Z\d&]+)?"  # "le directeur général d'AWS Matt Garman"
    r"\s+(" + _NAME_WORDS + ")"
)
# a full name straight after an inverted reporting verb ("sagte Hassan Al Naqbi, Chef ..."), in every language
# words that stand before a name in English and French and are no part of it ("Senator Dave McCormick")
_TITLE_WORDS = {"Commission", "President", "Senator", "Governor", "Chancellor", "Minister", "Prime", "Secretary",
                "Chairman", "Chair", "Director", "Republican", "Democratic", "CEO", "Président", "Chief", "Executive",
                "M.", "Mme", "Mr", "Mr.", "Ms", "Ms.", "Herr", "Frau", "Rival", "Rivals", "Peer", "Competitor",
                "Ministre", "Supervisor", "Commissioner", "Councillor", "Councilman", "Councilwoman", "Mayor",
                "Investor", "Administrator", "Treasurer"}  # fmt: skip
# "Talen Energy", "SB Energy", "Brookfield Asset Management": later "Talen", "SB", "Brookfield" name them (not the end
# of a body's name: "Ministry of Digital Technologies")
_FIRM_NAME = re.compile(
    r"(?<![\w-])(?<!\bof )(?<!\bfor )([A-Z][A-Za-z]+) (?:Energy|Power|Digital|Capital|Group|Partners|Holdings"
    r"|Technologies|Infrastructure"
    r"|Asset Management|Web Services)(?![\w])(?! [A-Z])"  # not "National Infrastructure Advisory Council"
)
# a German compound that ends in a role ("Handelsminister", "AWS-Manager", "des Betreibers Holtec"): no part of a name
_ROLE_COMPOUND = re.compile(
    r"[\w-]*(?:minister|autor|chef|sprecher|manager|präsident|direktor|leiter|vorstand|gründer|betreiber|analyst|sekretär|"
    r"rektor|professor|dekan|gouverneur|kanzler|firma|broker|makler|geschäftsführer|"
    r"abgeordnete|partner|"
    r"konzern|hersteller|entwickler|investor|berater|experte|ökonom|ingenieur|vertreter|forscher|wissenschaftler)"
    r"(?:in|en|s)?",
    re.IGNORECASE,
)


# a German noun that says what the next name is ("des Fachportals The Next Platform", "Netzbetreiber Ercot")
_TYPE_NOUN = re.compile(
    r"[\w-]*(?:portal|dienst|zeitung|agentur|blatt|sender|magazin|betreiber|entwickler|konzern|hersteller|anbieter"
    r"|versorger|investor|fonds|bank|gruppe|tochter|verband|forscher|aufsicht|behörde|gemeinde|berater|haus"
    r"|unternehmen|gesellschaft|dienstleister|spezialist|institut|verwalter|projekt|reederei)(?:e?s)?",
    re.IGNORECASE,
)


def without_employer(name: str) -> str:
    """A person's name without the organisation after "von", "de", "of" or "at" ("Kirk Boodry von Astris Advisory"
    -> "Kirk Boodry"); "Ursula von der Leyen" and "Mexican Association of Data Centers" stay whole."""
    works = re.search(r" (?:von|bei|de|of|at) ((?:[A-Z][\w&-]* ?){2,})$", name)
    if (
        works
        and speaker_type(works.group(1).strip()) == "organization"
        and speaker_type(name[: works.start()]) == "person"
    ):
        return name[: works.start()]
    return name


# a word before a name that says where it is based or what it is, no part of the name ("Toronto-based Karis
# Critical", "Singapur-basierte Empyrion Digital", "das Start-up Scandinavian Data Centers")
_DESCRIBING = re.compile(r"[\w-]+-(?:based|basierte[nrs]?)|Start-?ups?|Startup-Unternehmens?")


def untitled(name: str, start: int = 0) -> tuple[str, int]:
    """``name`` without the titles and roles before it, and where it then starts: "Energy Secretary Chris Wright"
    -> "Chris Wright", "Handelsminister Howard Lutnick" -> "Howard Lutnick", "Betreibers Holtec" -> "Holtec" (one
    word stays a name: "Minister" alone is returned as it is)."""
    name = without_employer(name)
    words = name.split()
    cut = 0
    for i, w in enumerate(words[:-1]):
        based = _DESCRIBING.fullmatch(w)
        if w in _TITLE_WORDS or _ROLE_COMPOUND.fullmatch(w) or (len(w) >= 7 and _TYPE_NOUN.fullmatch(w)) or based:
            cut = i + 1
    if cut == 0:
        return name, start
    skipped = len(" ".join(words[:cut])) + 1
    return name[skipped:], start + skipped


# an event is where something was said, never who said it ("lors du Web Summit", "auf der Konferenz Hot Chips")
_EVENT = re.compile(r"\b(?:Summit|Conference|Forum|Expo|Week|Congress|Festival|Gipfel|Konferenz|Messe|Sommet|Congrès)$")
# ("die Schwarz-Gruppe"; not a description before the name it describes: "Der Facebook-Konzern Meta")
_GROUP = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w]*-(?:Gruppe|Konzern|Holding))(?![\w-])(?!\s+[A-ZÄÖÜ][\w-]*[A-Z\s.,])")
_NAME_AFTER_VERB = re.compile(r"\s+(" + _NAME_WORDS + r")(?=[,.;]|\s+[a-zà-ÿ])")
_WORD_AFTER_VERB = re.compile(rf"\s+([{_UP}][\w&-]+)(?=\s*[.;]|\s*$)")  # "..., a précisé Nscale." (German too)
# German, whose separable verbs end on their particle: "..., teilte Redwood mit."
_GERMAN_WORD_AFTER_VERB = re.compile(rf"\s+([{_UP}][\w&-]+)(?=\s*[.;]|\s*$|\s+(?:mit|an|bekannt|hinzu)\s*[.;,])")
# English and French, whose nouns are not capitalised: also before a comma or a preposition, after a weekday
# ("a rappelé mercredi Khazna, la filiale de G42", "a précisé Eviden dans un communiqué")
_WORD_AFTER_VERB_LOOSE = re.compile(
    rf"\s+(?:[a-zà-ÿ]+\s+)?([{_UP}][\w&-]+)(?=\s*[.;,]|\s*$|\s+(?:dans|in(?! [{_UP}])|lors|on|at|in a|dans un)\b)"
)
# "a indiqué lundi le régulateur de l'énergie, l'Ofgem,": a one-word name after the inverted verb, its article elided,
# behind a day and a description
_FRENCH_AFTER_VERB = re.compile(
    rf"\s+(?:[a-zà-ÿ]+\s+)?(?:(?:le|la|les)\s+[a-zà-ÿ'’ -]{{3,50}},\s+)?(?:l['’]|le\s+|la\s+)?([{_UP}][\w&-]+)"
    r"(?=\s*[.;,]|\s*$)"
)
_ORG_WORDS = {"Energy", "AI", "Digital", "Capital", "Group", "Partners", "Holdings", "Technologies", "Systems", "Cloud",
              "Management", "Services", "Catalyst", "Technology", "Electronics", "Securities", "Centers",
              "Centres", "Telecom", "Motor", "Semiconductor", "Instruments", "Interconnection", "Industries",
              "International", "Mining", "Solutions", "Networks", "Platforms", "Chamber", "Company", "Center",
              "Centre", "Authority", "Institute",
              "Labs", "Inc", "Corp", "Infrastructure", "Power", "Airtel", "Journal", "Times", "Post", "Inquirer",
              "Gruppe", "Konzern", "Materials", "Research", "Electric", "Radio", "Media", "Watch", "Association",
              "Council", "Commission", "Agency", "Fund", "Bank", "Edge", "Shimbun", "Daily", "Live", "Operator",
              "Administration", "Board", "Office", "Department", "Ministry", "Corporation", "Trust", "Pipeline",
              "Assets", "Hydro", "Utilities", "Observatory", "Foundation", "Laboratory", "Laboratories", "Ventures",
              "Advisors", "Advisory", "Consulting", "Analytics", "Investments", "Realty", "Properties", "Computing",
              "Ltd", "LLC", "Co", "AG", "SE", "SA", "GmbH", "plc", "Grid", "Utility", "Reactors",
              "Nuclear", "University", "Université", "Universität", "Universidad", "Università", "Hochschule",
              "Institut", "College", "Hospital", "Clinic", "Klinikum", "Railway", "Railways"}  # fmt: skip
_NEWS = {name for name, (_, role, _) in KNOWN.items() if role.startswith(("news", "research", "analysts"))}
_PLACES = {
    "Canada",
    "America",
    "Europe",
    "Asia",
    "Africa",
    "Japan",
    "India",
    "China",
    "Korea",
    "Mexico",
    "Brazil",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Australia",
    "Arabia",
    "Texas",
    "Virginia",
    "Ohio",
    "Georgia",
    "Paris",
    "London",
    "Berlin",
    "Washington",
    "Tokyo",
}
_PAPER_WORDS = {
    "Journal",
    "Times",
    "Post",
    "Inquirer",
    "Sentinel",
    "Gazette",
    "Tribune",
    "Herald",
    "News",
    "Shimbun",
    "Chronicle",
    "Observer",
    "Zeitung",
    "Presse",
    "Courier",
    "Courant",
    "Register",
    "Star",
    "Globe",
    # "the Trinidad Guardian reported ..., the newspaper said"
    "Guardian",
    "Telegraph",
    "Mail",
    "Express",
    "Standard",
    "Mirror",
    "Gleaner",
    "Examiner",
    "Dispatch",
    "Advertiser",
    "Bulletin",
}


def outlet_short_names(text: str) -> dict[str, str]:
    """A paper the article names in full, then by its last word: "the Journal" for the Wall Street Journal, "the
    Post" for the Washington Post (alias -> name)."""
    out = {}
    for name in _NEWS:
        words = name.split()
        if len(words) > 1 and words[-1] in _PAPER_WORDS and name in text:
            out.setdefault(words[-1], name)
    return out


def _development_bank(name: str) -> bool:
    """The World Bank, the AfDB, the EBRD: lenders that "the company" never stands for."""
    return KNOWN.get(name, ("", "", []))[1] == "development bank"


def _is_news(name: str) -> bool:
    """A news outlet or a research house: the list's, or a name a paper's word ends ("Milwaukee Journal Sentinel")
    or holds ("The Globe and Mail"); not a company that "the company" can stand for."""
    return name in _NEWS or bool(set(name.split()[1:]) & _PAPER_WORDS)


_WEAK_CUES = re.compile(
    r"engag|promis|pledged|promised|expect|zugesagt|versprochen|erwartet|rechnet|prévoi|prévu|estimate"
    r"|tablent sur|table sur|promet|dit vouloir|dit compter|dit prévoir|dit soutenir|dit pouvoir|disent",
    re.IGNORECASE,
)
_OWN_ACCOUNT = {"nach eigenen angaben", "by its own account", "selon ses propres chiffres"}  # the subject's own
_BEFORE_CUES = {"zufolge", "nach dessen angaben", "nach deren angaben"} | _OWN_ACCOUNT
# between a subject and its reporting verb ("AMD said", "Lisa Su, AMD's chief executive, said") there is no clause
# boundary: a quotation mark, the end of a clause, or a conjunction that opens a reported clause
_SUBJECT_GAP = re.compile(r"[^.;:“”\"«»„]{0,40}")
_SHARED_SUBJECT_GAP = re.compile(r"\s+[a-zäöüß]\w*\s[^.;:,“”\"«»„]{0,140}\s(?:and|und|et)\s+")
_DIGIT_MARKS = re.compile(r"(?<=\d)[.,](?=\d)")  # "18.000" does not end a clause
# ", eine Tochter der X, ", ", Chef der Beratungsfirma GreenMet und früher Berater von ..., "
_APPOSITION_GAP = re.compile(
    r",\s+(?:(?:eine?|der|die|das)\s|[A-ZÄÖÜ][\w-]+\s+(?:der|des|von|bei|beim)\s)[^,;:.]{2,100},\s*"
)
_RELATIVE = re.compile(r",\s+(?:which|who|qui|die|der|das|welche)\b[^,]*,")  # set aside: "The company, which ...,"
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|et|mais|und|aber)\b")  # "..., and its turbine supplier has promised"
# a German auxiliary before a participle at the end: the subject comes after it ("hatte OpenAI im September erklärt")
_VERB_FINAL_WORDS = (
    "hat|hatte|hatten|haben|habe|hätten|hätte|als|dass|weil|wenn|nachdem|ob|während|wie|mit denen|mit dem"
)
_PLACE_BEFORE = re.compile(r"\b(?:im|in|am|an|auf|bei|nach|aus|vom|zum|zur|für|mit|von)\s+(?:der |dem |den )?$")
_AUXILIARY = re.compile(rf"\b(?:{_VERB_FINAL_WORDS})\s+")
_REPORTED = re.compile(r"\b(?:that|que|qu['’]|dass|wonach)\b", re.IGNORECASE)  # "Musk, who had said": still Musk
# a reporting verb straight after a clause boundary is inverted: its speaker follows ("..., said Lisa Su")
_INVERTED = re.compile(
    r"[,;:–—“”\"«»„]\s*(?:have |has |had |hat |haben |hatte )?$"
    r"|\bqu['’]\s*$"  # an object relative: "c'est ce qu'a promis mercredi Qualcomm"
)  # "..., have announced Tuesday the two groups"
# a quotation that opens the sentence, before its speaker ("“...,” Jensen Huang, Nvidia's chief executive, said")
_AFTER_QUOTATION = re.compile(r"\s*[“\"«„»][^“”\"«»„]*[”\"»“«]\s*")
# names listed straight after an inverted verb: the first speaks ("berichteten Fortune und die Nachrichtenagentur AP")
_LIST_AFTER_VERB = re.compile(r"\s+([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})\s+(?:und|and|et)\s")
# "a indiqué devant la Lok Sabha", "told a briefing at the Senate": where or to whom, not who
_CHANNEL = re.compile(
    r"\b(?:devant|auprès d[eu]|chez|before|vor|à|au|aux|to|at|with|into|onto|for|pour|dans|vers|für)\s+"
    r"(?:la |le |les |l['’]|the |der |dem |den )?$",
    re.I,
)
# an outlet spoken to, not the speaker: "hatte im Juli dem US-Sender CNBC gesagt", "a indiqué ce mois-ci au
# quotidien Diario Libre son président"
_TO_OUTLET = re.compile(
    r"(?<![\w-])(?:(?:dem|einem)\s+[\w-]*(?:Sender|[Bb]latt|Magazin|Portal|Fernsehen)"  # (masculine, neuter: dative)
    r"|(?:der|einer)\s+[\w-]*(?:[Zz]eitung|[Aa]gentur|[Zz]eitschrift)"  # (feminine; not "der Sender X berichtete")
    # (French and English: "au", "to": no case to tell a genitive from)
    r"|(?P<plain>(?:au|à la|à l['’]|to the|to a)\s+(?:quotidien|journal|chaîne|agence|hebdomadaire|magazine|site|radio"
    r"|newspaper|broadcaster|daily|agency|outlet|channel)))\s+$"
)
_HONORIFIC = re.compile(r"\b(?:M|Mr|Ms|Mrs|Dr|Mme)\.")
_AFTER_GAP = re.compile(r"[^.;:“”\"«»„]{0,60}")
_AFTER_GAP_LONG = re.compile(r"[^.;:“”\"«»„]{0,100}")


@dataclasses.dataclass
class Attribution:
    speaker: str
    cue: tuple[int, int] | None = None
    span: tuple[int, int] | None = None
    content: tuple[int, int] | None = None
    pronoun: bool = False


@dataclasses.dataclass
class Memory:
    """What an article's earlier sentences said that later ones refer to: its names the list lacks (alias -> name,
    from :func:`people_in` and from full names heard), the company "the company" last stood for, the company and
    the person that last spoke ("It said", "he said"), and the last attribution ("demnach", "hieß es weiter")."""

    names: dict[str, str] = dataclasses.field(default_factory=dict)
    firms: set[str] = dataclasses.field(default_factory=set)
    people: set[str] = dataclasses.field(default_factory=set)  # named after a title: people, not companies
    terms: set[str] = dataclasses.field(default_factory=set)  # acronyms of things, not of names (:func:`terms_in`)
    the_company: str | None = None
    companies: list[str] = dataclasses.field(default_factory=list)  # every company the_company stood for, in order
    last_firm: str | None = None
    last_person: str | None = None
    previous: Attribution | None = None

    def heard(self, att: Attribution | None) -> None:
        """Remember a clause's attribution (None: nothing to remember)."""
        if att is None:
            return
        self.previous = att
        kind = "person" if att.speaker in self.people else speaker_type(att.speaker, self.firms)
        if kind == "organization" and att.speaker != ARTICLE:
            self.last_firm = att.speaker
            if _is_body(att.speaker):  # "l'Alberta Electric System Operator", then "l'organisme"
                self.names.setdefault(att.speaker, att.speaker)
            # (a development bank is no company: "the AfDB said ...", then "a cost the company put at")
            # (nor is a university: "researchers at Duke University said ...", then "a report by the grid operator")
            academic = _ACADEMIC & set(att.speaker.split())
            if not _is_news(att.speaker) and not _development_bank(att.speaker) and not academic:
                # "SK Group said ...", then "the group said"
                self.the_company = att.speaker
                self.companies.append(att.speaker)
        if not att.pronoun and kind == "person":
            self.last_person = att.speaker
            if len(att.speaker.split()) > 1:  # "Tate Reeves said ...", then "Reeves said"
                self.names.setdefault(family_name(att.speaker), att.speaker)


def family_name(name: str) -> str:
    """How a person is named alone later: the surname, or the first word where the given name comes last with a
    hyphen ("Kim Yong-beom" -> "Kim")."""
    words = name.split()
    return words[0] if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[-1]) and len(words) > 1 else words[-1]


_ORG_INITIALS = {"U.S.", "U.K.", "E.U.", "U.N.", "J.P.", "H.C."}


def speaker_type(name: str, firms: frozenset[str] | set[str] = frozenset()) -> str:
    """``person`` or ``organization``: the list's; ``firms``, the article's companies told by their description ("La
    start-up Boom Supersonic"); for another name, one word, an acronym or a name with its article ("Broadcom",
    "CNBC", "TrendForce", "The Advocate") is an organisation, two words or more a person."""
    if name in KNOWN:
        return KNOWN[name][0]
    if name in firms:
        return "organization"
    words = name.split()
    # "GE Vernova"; a word that only names organisations ("Alberta Electric System Operator", "Pembina Pipeline
    # Corp.", "Energy Dome"); a place after a name ("Bell Canada", not "Au Canada")
    organised = {w.rstrip(".,") for w in words} & _ORG_WORDS or (
        len(words) > 1 and words[-1] in _PLACES and words[0] not in _NOT_NAMES
    )
    # (initials before a surname are a person's: "A.K. Sharma", "T.R.B. Rajaa"; not a country's, nor the banks'
    # "J.P. Morgan" and "H.C. Wainwright")
    initials = len(words) > 1 and re.fullmatch(r"(?:[A-Z]\.){2,3}", words[0]) and words[0] not in _ORG_INITIALS
    if any(w.isupper() and len(w) > 1 and not (initials and w == words[0]) for w in words) or "&" in words or organised:
        return "organization"
    if name == ARTICLE or len(name.split()) == 1 or name.split()[0] in ("The", "Le", "La", "Les", "Der", "Die", "Das"):
        return "organization"
    return "person"


def speaker_role(name: str) -> str:
    return KNOWN.get(name, ("", "", []))[1]


_ACADEMIC = {"University", "Université", "Universität", "Universidad", "Università", "Hochschule", "College"}
_POSSESSIVES = {"Son", "Sa", "Ses", "Leur", "Sein", "Seine", "Ihr", "Ihre"}


_CORPORATE_SUFFIX = r"Asset Management|Group|Holdings|Corporation|Capital"  # not a unit ("Amazon Web Services")


def full_form(name: str, text: str) -> str:
    """A short name of the list the article also gives in full takes the full form ("Brookfield" after "Brookfield
    Asset Management"), not a unit's name ("Amazon" is not "Amazon Web Services")."""
    longer = [
        n for n in KNOWN
        if n.startswith(name + " ") and n in text and re.fullmatch(_CORPORATE_SUFFIX, n[len(name) + 1 :])
    ]  # fmt: skip
    return longer[0] if longer else name


_COMPANY_TAIL = re.compile(
    r" (?:Systems|Technology|Technologies|Data Cent(?:er|re)s|Corporation|Platforms|Networks|Labs|Pipeline"
    r"|International|Semiconductor|& Co\.?|& Company|Group)$"  # "Deere & Co", "Shinsegae Group": "Deere", "Shinsegae"
)


def short_form(name: str, text: str) -> str:
    """A company the list lacks, named in full and then by its first word ("Vantage Data Centers ... Vantage",
    "Amkor Technology ... Amkor", "Deere & Co ... Deere", "Shinsegae Group ... Shinsegae"), is named as the article
    names it after the first mention: by that word. Not "Energy" or "Power", which most often name another company
    than the word alone ("Hitachi Energy", "Georgia Power"). (Some gold keeps "Group": "Adani Group", "Nebius Group";
    on the tuned set "Group" gains more than it loses.)"""
    legal = re.search(r" (?:Corp|Inc|Ltd)\.?$", name)  # no legal suffix: the gold never writes one
    name = name[: legal.start()] if legal and name not in KNOWN else name
    tail = _COMPANY_TAIL.search(name)
    if name in KNOWN or tail is None or " " in name[: tail.start()]:
        return name
    head = name[: tail.start()]
    # (alone: not the full name itself, "Merck & Co", nor a surname after a first name, "Founder Gautam Adani")
    alone = [
        m for m in re.finditer(rf"(?<![\w-]){re.escape(head)}(?:['’]s)?(?![\w-])(?! [A-Z])(?! &)", text)
        if not re.search(r"\b[A-Z][a-z]+ $", text[: m.start()])
    ]  # fmt: skip
    return head if alone and head not in _CANON and len(head) > 2 else name


# a German compound of a source's name and what it published ("PitchBook-Daten", "Gartner-Zahlen", "IEA-Schätzungen")
# (a name in the form of one: an acronym or a word with a capital inside, "PitchBook", "IEA"; not "Branchen-Daten")
_DATA_OF = re.compile(r"([A-Z][a-z]*[A-Z][\w&]*|[A-Z&]{2,})-(?:Daten|Zahlen|Angaben|Schätzung|Schätzungen|Berechnungen"
                      r"|Analyse|Analysen|Prognose|Prognosen|Statistik|Studie|Umfrage)")  # fmt: skip


_SMALL_WORDS = {"of", "for", "and", "the", "on", "&"}


@functools.lru_cache(maxsize=256)
def spelled_out(name: str, text: str) -> str:
    """An acronym the list lacks, where the article also writes the name its letters begin ("FAA" after "the Federal
    Aviation Administration"): that name, as the gold names an organisation by its full name."""
    if not re.fullmatch(r"[A-Z]{3,6}", name) or name in KNOWN or name in _CANON:
        return name
    # (the whole run of capitalised words, not its end: "Ho Chi Minh City" is not "CMC"; no possessive)
    for m in re.finditer(r"(?<![\w'’-])[A-Z][\w-]*(?: (?:(?:of|for|and|the|on|&) )*[A-Z][\w-]*){2,7}", text):
        words = m.group().removeprefix("The ").split()
        if "".join(w[0] for w in words if w not in _SMALL_WORDS) == name:
            return " ".join(words)
    return name


def whole_name(name: str, att: Attribution, text: str) -> str:
    """``name`` as the article writes it around the speaker's span, where the name found stops short: "The News &
    Observer" (an ampersand), "21st Century Business Herald" (an ordinal before), "Les Echos" after "des" (the
    list's name with its article), "SK hynix" (the list's name, a small letter after the acronym)."""
    if att.span is None or text[att.span[0] : att.span[1]].strip() != name:
        return name
    a, b = att.span
    if joined := re.match(r" & [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?", text[b:]):
        return name + joined.group()
    if ordinal := re.search(r"(?<![\w-])\d+(?:st|nd|rd|th) $", text[:a]):
        return ordinal.group() + name
    if "Les " + name in KNOWN and re.search(r"\b(?:des|aux|les|Les) $", text[:a]):
        return "Les " + name
    longer = [n for n, (_, _, forms) in KNOWN.items() if any(f.startswith(name + " ") and text.startswith(f, a)
                                                             for f in forms)]  # fmt: skip
    return longer[0] if longer else name


def as_written(att: Attribution, text: str) -> str:
    """A company named in full before and by its first word where it speaks ("Bloom Energy ...", then "Bloom told
    investors"; "Vantage Data Centers ...", then "Vantage announced"), is named as it is written there: by that word
    (the gold's convention: a company's short name follows the article's). Not a body, an outlet or a research group
    the list names ("Epoch" is "Epoch AI")."""
    if att.span is None or KNOWN.get(att.speaker, ("", "", []))[1]:  # a listed body, outlet or research group: its name
        return att.speaker
    if own := _DATA_OF.fullmatch(att.speaker):  # "laut PitchBook-Daten": PitchBook's
        return own.group(1)
    written = text[att.span[0] : att.span[1]].strip()
    words = att.speaker.split()
    short = len(words) > 1 and written == words[0] and written[:1].isupper()
    return written if short and speaker_type(att.speaker) != "person" else att.speaker


# a courtesy title or the initials of an office before a name, no part of it ("Dr Janil Puthucheary", "DPM Heng", the
# French lawyer's "Me Jocelyn Ziegler", "Prof. Hans Müller")
_HONORIFIC_FORM = re.compile(r"(?:Dr\.?|Prof\.?|DPM|SM|PM|Me|Mr\.?|Ms\.?|Mrs\.?|Mme|M\.)(?=\s|$)")
_NAME_AFTER_HONORIFIC = re.compile(rf"\.?\s+({_NAME_WORDS}|[{_UP}][{_LOW}]+)")


# a country that owns a name before it ("Greece's Public Power Corporation", "Griechenlands Public Power
# Corporation"): no part of the name
_COUNTRIES_EN = (
    "Greece|Germany|France|Japan|China|India|Canada|Spain|Italy|Poland|Austria|Switzerland|Brazil|Mexico|Chile"
    "|Kazakhstan|Uzbekistan|Pakistan|Egypt|Morocco|Romania|Hungary|Ireland|Norway|Sweden|Finland|Denmark|Belgium"
    "|Portugal|Israel|South Korea|Korea|Taiwan|Singapore|Malaysia|Indonesia|Vietnam|Thailand|Australia|New Zealand"
    "|Colombia|Peru|Argentina|Saudi Arabia|Qatar|Kuwait|Turkey|Britain|Netherlands|the Netherlands"
)
_COUNTRIES_DE = (
    "Griechenland|Deutschland|Frankreich|Japan|China|Indien|Kanada|Spanien|Italien|Polen|Österreich|Brasilien"
    "|Mexiko|Chile|Kasachstan|Usbekistan|Pakistan|Ägypten|Marokko|Rumänien|Ungarn|Irland|Norwegen|Schweden"
    "|Finnland|Dänemark|Belgien|Portugal|Israel|Südkorea|Korea|Taiwan|Singapur|Malaysia|Indonesien|Vietnam|Thailand"
    "|Australien|Neuseeland|Kolumbien|Peru|Argentinien|Saudi-Arabien|Katar|Kuwait|Großbritannien"
)
_COUNTRY_OWNER = re.compile(rf"(?:(?:{_COUNTRIES_EN})['’]s|(?:{_COUNTRIES_DE})s)\s+(?=[A-Z]|\d[a-z])")


def without_titles(name: str, span: tuple[int, int] | None, text: str, named: list[str]) -> str:
    """A speaker's name without what stands before it: the country that owns it ("Greece's Public Power
    Corporation"), a German noun for what it is ("Wirtschaftsportals The Edge Singapore" -> "The Edge Singapore"), or a
    courtesy title, the person then in the form the article gives in full ("Dr Janil Puthucheary" -> "Janil
    Puthucheary"; "DPM Heng" and "Dr Janil" -> the one person of ``named``, the article's full names, that holds the
    word: "Heng Swee Keat", "Janil Puthucheary"; a bare title, "Dr" of "Dr. Janil", -> the name after it in
    ``text``). Any other name is returned as it is."""
    if (owner := _COUNTRY_OWNER.match(name)) is not None:
        name = name[owner.end() :]
    title = _HONORIFIC_FORM.match(name)
    if title is None:
        first = name.split()[0] if name.strip() else ""
        described = _TYPE_NOUN.fullmatch(first) or _DESCRIBING.fullmatch(first)
        return untitled(name)[0] if name != ARTICLE and described else name
    bare = name[title.end() :].strip()
    if not bare and span is not None:  # "sagte Dr. Janil Puthucheary": the cue took the title alone
        after = _NAME_AFTER_HONORIFIC.match(text, span[1])
        bare = after.group(1) if after else ""
    if not bare:
        return name
    holders = {n for n in named if len(n.split()) > 1 and bare in n.split() and speaker_type(n) == "person"}
    return holders.pop() if len(bare.split()) == 1 and len(holders) == 1 else bare


_STATE_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:The|the|US|U\.S)\b)[A-Z][a-z]+ $")  # "Ohio ", not "The "


_ACRONYM_AFTER_NAME = re.compile(  # "Public Utility Commission of Texas (PUCT)"
    rf"(?<![\w'’])((?:[{_UP}][\w&-]+ (?:(?:of|for|and|de|du|des|et) )?){{1,5}}[{_UP}][\w&-]+) \(([A-Z]{{2,6}})\)"
)


def acronyms_given(text: str) -> dict[str, str]:
    """An acronym the article gives in brackets after a name the list lacks ("České Radiokomunikace (CRA)"): that name
    (acronym -> name), as the gold writes it."""
    return {
        m.group(2): m.group(1)
        for m in _ACRONYM_AFTER_NAME.finditer(text)
        if m.group(2) not in _CANON and m.group(1) not in _CANON and m.group(1).split()[0] not in _NOT_NAMES
    }


def names_in(text: str, offset: int = 0, people: dict[str, str] | None = None) -> list[tuple[str, int, int]]:
    """(canonical name, start, end) of every known name in ``text`` (and of the article's ``people``)."""
    out = [
        (_CANON[m.group(1)], m.start() + offset, m.end() + offset)
        for m in _KNOWN_RE.finditer(text)
        # not inside a state's body ("the Ohio Department of Commerce and Regulation")
        if not (m.group(1).startswith(("Department", "Ministry")) and _STATE_BEFORE.search(text, 0, m.start()))
    ]
    for alias, name in sorted((people or {}).items(), key=lambda x: -len(x[0])):  # the full name before its first word
        for m in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w])", text):
            if alias in _POSSESSIVES and re.match(r"\s+[a-zà-ÿ]", text[m.end() :]):
                continue  # "Son carnet de commandes": a possessive, not Masayoshi Son
            rest = text[m.end() :]
            if name.startswith(alias + " ") and re.match(r" [A-Z]", rest) and not rest.startswith(name[len(alias) :]):
                continue  # "Georgia Public Service Commission" is not "Georgia Power"
            if not any(s <= m.start() + offset < e for _, s, e in out):
                out.append((name, m.start() + offset, m.end() + offset))
    return sorted(out, key=lambda c: c[1])


# an acronym given after words in small letters is a thing's, never a speaker's ("a $2.4 billion commercial
# mortgage-backed securities (CMBS) loan", "un prêt de titres adossés à des hypothèques commerciales (CMBS)"); a
# capitalised word or a body's noun among the five before it makes it a name's ("Centre suisse de calcul scientifique
# (CSCS)")
_GIVEN = re.compile(r"\(([A-Z]{2,6})\)")
_BODY_NOUN = re.compile(  # "l'autorité de sûreté nucléaire américaine (NRC)": a body, though in small letters
    r"(?i)(?:l['’])?(?:autorité|commission|agence|conseil|office|ministère|centre|institut|association|bureau"
    r"|administration|authority|agency|council|operator|gestionnaire|opérateur|régulateur|regulator)s?"
)


def terms_in(text: str) -> set[str]:
    """The acronyms ``text`` gives for things (see above), unless it also gives them for a name."""
    terms, names = set(), set()
    for m in _GIVEN.finditer(text):
        part = re.split(r"[.;:!?]\s", text[max(0, m.start() - 120) : m.start()])[-1].split()
        words = [w.lstrip('"“«„(') for w in part[-5:]][1 if len(part) <= 5 else 0 :]  # not the sentence's first word
        capital = any(w[:1].isupper() or _BODY_NOUN.fullmatch(w) for w in words)
        (names if capital or len(words) < 2 else terms).add(m.group(1))
    return terms - names


# the words a sentence may open with before the name an acronym is given for: an article, or a preposition and its
# article ("Selon la Tunisia Investment Authority (TIA)", "D'après le Centre ... (CSCS)")
_LEAD_WORD = re.compile(
    r"^(?:(?:Selon|D['’]après|Pour|Chez|Avec|Dans|Sur|Depuis|Après|Avant|Entre|Par|Sans|Malgré|Outre)\s+"
    r"(?:(?:de|du|des)\s+)?)?(?:The|Le|La|Les|L['’]|Der|Die|Das|le|la|les|l['’])?\s*"
)
_ACRONYM_GIVEN = re.compile(
    r"((?:[A-Z][\w'’&-]*\s(?:(?:of|for|and|de|du|des|la|le)\s)?){1,5}[A-Z][\w'’&-]*)\s\(([A-Z][A-Z0-9&]{1,6})\)"
)


# a German noun after a name ("Finanzchefin Leeny Oberg Investitionen von höchstens ...")
_GERMAN_NOUN_IN_NAME = re.compile(r"\w{3,}(?:ung|ungen|ionen|heit|keit|schaft|kosten|ausgaben|einnahmen)")


def _before_time_word(name: str) -> str:
    """``name`` up to a German time word after its first two words ("Finanzchefin Susan Li Ende Januar" -> "... Li"),
    or a German noun ("Leeny Oberg Investitionen"), and before "von der" and a German noun ("Juan Carlos Rodríguez von
    der Beobachtungsstelle" -> "... Rodríguez")."""
    name = re.sub(
        r"\s+(?:von der|von|vom)\s+(?:[A-ZÄÖÜ]\w*(?:stelle|amt|verband|ung|heit|keit|schaft|behörde)|Firma|Bank|Gruppe"
        r"|Konzern|Universität|Hochschule)\b.*$",
        "",
        name,
    )
    words = name.split()
    cut = (k for k, w in enumerate(words) if k > 1 and (w in _GERMAN_NOT_NAMES or _GERMAN_NOUN_IN_NAME.fullmatch(w)))
    return " ".join(words[: next(cut, None)])


def titled_people(text: str) -> list[str]:
    """The people the list lacks that ``text`` names after a title ("chief executive Andy Power", "Finanzchefin Susan
    Li"), in order: people, whatever their names' words ("Power" also ends company names)."""
    out = []
    for m in _TITLED.finditer(text):
        name = _before_time_word(without_employer(m.group(1)))  # "Finanzchefin Susan Li Ende Januar"
        if name.split()[0] not in _NOT_NAMES and not _CANON.get(name) and name not in out:
            out.append(name)
    return out


def people_in(text: str) -> dict[str, str]:
    """The article's people the list lacks, named after a title: alias (full name, surname) -> full name; and the
    surname of the list's people whose full name the article writes ("Masayoshi Son ... so Son"); an acronym given
    in parentheses after a name names it later ("Tennessee Valley Authority (TVA)")."""
    out: dict[str, str] = {m.group(1): m.group(1) for m in _GROUP.finditer(text)}  # "die Schwarz-Gruppe"
    for m in _ACRONYM_GIVEN.finditer(text):
        full = _LEAD_WORD.sub("", m.group(1))  # "Le Barcelona ... Center (BSC)", "Selon la Tunisia ... Authority (TIA)"
        full = _CANON.get(untitled(full)[0], untitled(full)[0])  # not "Projektentwickler Homer City Redevelopment"
        out.setdefault(m.group(2), full)
        out.setdefault(m.group(1), full)
    for name, (kind, _, _) in KNOWN.items():
        if kind == "person" and name in text:
            out.setdefault(name.split()[-1], name)
    for m in _FIRM_NAME.finditer(text):
        if m.group() not in _CANON:
            out.setdefault(m.group(), m.group())
            out.setdefault(m.group(1), m.group())
    for name in titled_people(text):
        out[name] = name
        out.setdefault(family_name(name), name)
    # a German genitive after its noun names the person too ("in einer Mitteilung DeWines")
    for alias, name in list(out.items()):
        genitive = alias + "s"
        if " " not in alias and " " in name and re.search(rf"\b{re.escape(genitive)}\b", text):
            out.setdefault(genitive, name)
    return out


_PERSON_NAME = re.compile(
    rf"(?<![\w.'’&-])((?:{_FIRST} ){{1,2}})((?:[OD]['’])?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
    rf"(?![\w'’&-])(?! [{_UP}0-9])"
)
# (a possessive before is no part of the name: "Ola's Bhavish Aggarwal")
_NAME_BEFORE = re.compile(
    rf"(?:[{_UP}][\w'’&.-]*(?<!['’]s)|\b(?:in|at|near|from|of|à|en|de|du|des|im|in der|aus|bei|nahe))\s+$"
)


def proper_names(text: str, lang: str) -> dict[str, str]:
    """Surnames of the people the article names in full that neither the list nor a title gives, alias -> name
    ("former Google engineer Jonathan Ross ..., Ross has said"): two or three capitalised words, the last of which the
    article also writes alone; not a place ("in Pine Island"), nor part of a longer name, nor a company's words
    ("Deutsche Telekom" is not a person called Telekom); in English and French only."""
    out: dict[str, str] = {}
    if lang == "de":  # "Netzbetreiber State Grid", "Inneren Mongolei": German nouns are capitalised too
        return out
    for m in _PERSON_NAME.finditer(text):
        words, last = m.group().split(), m.group(2)
        if (set(words) & (_NOT_NAMES | _NOT_SUBJECT_NAMES | _TITLE_WORDS | _ORG_WORDS | _GERMAN_NOT_NAMES)
                or last in _CANON or m.group() in _CANON or _NAME_BEFORE.search(text, 0, m.start())):  # fmt: skip
            continue
        if re.search(rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])(?! [{_UP}])", text[m.end() :]):
            out.setdefault(last, m.group())
    return out


_FIRM_NOUNS = {
    "en": r"(?:company|group|firm|start-?up|chipmaker|operator|developer|utility|fund manager|fund|asset manager"
    r"|consultancy"
    r"|investor|lender"
    r"|contractor|builder|broker"
    r"|bank|maker|designer|provider|giant|manufacturer|supplier|conglomerate|insurer|miner|news site|daily|newspaper"
    r"|magazine|agency|drugmaker|carmaker|automaker|carrier|airline|shipper|retailer|association|federation)",
    "fr": r"(?:start-?up|groupe|fonds de pension|fonds souverain|fonds d['’]investissement|gestionnaire de retraites"
    r"|caisse de retraite|fonds|société|entreprise|opérateur|exploitant|fabricant|constructeur|géant|développeur"
    r"|installateur|concepteur"
    r"|équipementier|motoriste|fondeur|hébergeur|câblier"
    r"|électricien|énergéticien|distributeur|jeune pousse"
    r"|investisseur|fournisseur|banque|assureur|cabinet|compagnie|spécialiste|conglomérat|courtier|armateur"
    r"|transporteur|laboratoire|fédération|association)",
    "de": r"(?:[\w-]*(?:konzern|unternehmen|betreiber|hersteller|entwickler|investor|fonds|start-?up|vermögensverwalter"
    r"|anbieter|bank|gruppe|riese|firma|gesellschaft|versorger|miner|vermieter|tochter|dienst|verband|fertiger"
    r"|produzent|zulieferer|ausrüster|konkurrent|rivale|wettbewerber|zeitung|sender|portal|magazin|agentur|bauer"
    r"|spezialist|berater|makler|reederei|fluggesellschaft|airline|logistiker|versicherer|mutter)s?)",
}
# a company introduced by what it is: "La start-up britannique Boom Supersonic", "Le fonds canadien Brookfield", "the
# chipmaker Arm", "der Netzbetreiber Ercot", "des Betreibers Holtec"; an adjective may follow the noun (French), a
# preposition or a verb may not ("le groupe de Redmond", "the company said on Tuesday")
_NOT_ADJECTIVES = (
    r"(?!(?:de|du|des|d|of|on|in|at|to|for|from|said|says|à|au|aux|en|a|par|pour|avec|am|im|an|bei|von|vom"
    r"|für|mit|hat|hatte|ist|sagte|teilte|y|the|an|le|la|les|un|une|ein|eine|einen|einem|einer|eines|sein|seine"
    r"|ihr|ihre|der|die|das|dem|den|son|sa|ses|its|their)\b)"
)
_FRENCH_ADJECTIVE_END = (
    r"(?:ien|ienne|ain|aine|ais|aise|ois|oise|ique|and|ande|é|ée|en|enne|an|ane|al|ale|if|ive|eux|euse|ier|ière|aire"
    r"|el|elle|iste|e|aux|i|ic|c)s?(?![\w-])"  # "émirati", "public", "turc"
)
# a product named after its noun is no company ("le concepteur de l'assistant Claude" is Anthropic, not Claude)
_PRODUCT_NOUN = r"(?!(?:assistant|agent|chatbot|modèle|logiciel|application|jeu|robot|puce|processeur|système)\b)"
_NOT_A_LEAD_WORD = (
    r"(?!(?i:laut|nach|bei|beim|mit|von|vom|für|zum|zur|im|am|dem|der|den|des|die|das|ein|eine|einem|einer|wie|selon"
    r"|d['’]après|chez|par|pour|avec|du|de|des|le|la|les|un|une|according|to|at|in|on|by|with|for|as|the|a|an|of"
    r"|from)\b)"
)
_TYPED_FIRM = re.compile(
    # with its article, or opening a sentence ("Research firm Gartner forecast", "Israeli developer Mega Or and")
    # (a capitalised word, then the noun in small letters: not "SoftBank Group", read as German "-bank")
    r"(?:(?i:\b(?:the|le|la|l['’]|der|die|das|des|dem|den|beim|vom|zum)\s?)(?:[\w-]+ )?"
    # (two words between in English: "the digital industry association Bitkom", "the state grid operator EMS")
    r"|\b[Tt]he [a-z][\w-]* [a-z][\w-]* "
    r"|(?:^|(?<=\n)|(?<=[.!?] ))(?=[A-Z][\w-]* [a-z])(?:[\w-]+ )?"
    # a German genitive of a place, then an adjective ("Frankreichs größter Videospielkonzern Ubisoft")
    r"|(?:^|(?<=\n)|(?<=[.!?] ))[A-ZÄÖÜ][a-zäöüß]+s (?:[a-zäöüß]+ )?(?=[A-ZÄÖÜ][a-zäöüß-]+ [A-Z])"
    # opening a sentence, two words before an English or French noun ("Australian pension fund Aware Super will
    # invest"; no preposition nor article among them: "Laut dem Branchendienst The Information sagten", "Customers of
    # bank HSBC"; not German: "Derzeit bauen Netzbetreiber Leitungen")
    r"|(?:^|(?<=\n)|(?<=[.!?] ))(?=[A-Z][\w-]* [a-z][\w-]* (?:" + _FIRM_NOUNS["en"] + "|" + _FIRM_NOUNS["fr"] + r") )"
    r"(?:" + _NOT_A_LEAD_WORD + r"[\w-]+ ){2})"
    # English and French nouns in small letters ("The World Bank expects Peru's ..." names no bank "Peru's")
    r"(?:" + _FIRM_NOUNS["en"] + "|" + _FIRM_NOUNS["fr"] + r"|(?i:" + _FIRM_NOUNS["de"] + r"))"
    # a French adjective may follow the noun ("le fonds canadien Brookfield"), an English verb may not ("The World
    # Bank expects Peru's ...")
    # or a complement, then an adjective ("le groupe d'investissement américain Pantheon Atlas")
    r"(?: d['’][a-zà-ÿ]{4,}(?= [a-zà-ÿ-]+" + _FRENCH_ADJECTIVE_END + r" [A-Z]))?"
    r"(?: "
    + _NOT_ADJECTIVES
    + r"[a-zà-ÿ-]+"
    + _FRENCH_ADJECTIVE_END
    + r")?(?: (?:de (?:l['’])?|d['’])"  # "le groupe public d'électricité EVN"
    + _PRODUCT_NOUN
    + r"[a-zà-ÿ]+)?"
    r" ((?:St\. |[a-z]{1,2}-?(?=[A-Z]))?[A-Z][\w&'’-]*(?:\.[A-Z][\w&-]*)*(?: (?:&|[A-Z][\w&'’-]*)){0,3}"
    # "Hut 8"; "la jeune pousse d-Matrix"; not a figure ("des Versorgers BC Hydro 85 Megawatt")
    r"(?: \d{1,3}(?![\d.,])(?! (?:[Mm]ega|[Gg]iga|MW|GW|Mio|Mrd|Milli|[Bb]illi|million|milliard|mégawatt|gigawatt)))?)"
)
_WEEKDAY_NAMES = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag"
    "|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_WEEKDAYS = re.compile(rf"(?:{_WEEKDAY_NAMES})\b", re.IGNORECASE)


def _typed_opener(text: str, start: int) -> tuple[str, int, int] | None:
    """(name, start, end) of the company a sentence starting at ``start`` opens with, named after what it is ("Der
    örtliche Versorger El Paso Electric will ...", "Der japanische Technologieinvestor SoftBank hat ...")."""
    m = _TYPED_FIRM.match(text, start)
    if m is None:
        return None
    name = untitled(m.group(1))[0]
    return _CANON.get(name, name), m.start(1), m.end(1)


# a name that opens in small letters ("iXAfrica", "atNorth", "eStruxture"), not a unit ("kW") nor a word inside a
# longer name ("Office for IT and eGovernment")
_CAMEL_NAME = re.compile(
    r"(?<![\w&'’-])(?<!\band )(?<!\bfor )(?<!\bof )(?![kMGT]Wh)[a-z]{1,3}[A-Z][A-Za-z]*[a-z]{2,}(?<![^u]s)(?![\w&'’-])"
)


_CAMEL_PRODUCTS = {"iPhone", "iPad", "iPod", "iMac", "iCloud", "eFuel", "eMobility"}  # products, not makers
_CAMEL_THING = re.compile(
    r"\b(?:programme|program|campus|site|sites|brand|marque|gamme|line|offre|product|produit|Marke|Programm)"
    r"\s+([a-z]{1,3}[A-Z]\w*)"
)


def camel_names(text: str) -> set[str]:
    """The names that open in small letters and recur in the article: companies ("iXAfrica Data Centre has
    secured ..., the company said", "iXAfrica opened ..."), which capitalised-word rules miss; not a product line
    named after what it is ("Le programme xScale", "des campus xScale")."""
    words = [m.group() for m in _CAMEL_NAME.finditer(text)]
    things = {m.group(1) for m in _CAMEL_THING.finditer(text)}
    return {w for w in words if words.count(w) >= 2 and w not in things | _CAMEL_PRODUCTS}


# a company named after its nationality in small letters, as French does ("L'allemand Infineon va porter ...", "le
# saoudien DataVolt", "le norvégien Green Mountain"; a person's nationality is capitalised: "l'Américain Sam Altman")
_NATIONAL_FIRM = re.compile(
    r"\b(?:[Ll]e|[Ll]a|[Ll]['’]|[Dd]u|[Aa]u)\s?(?:allemand|américain|français|britannique|japonais|chinois|taïwanais"
    r"|coréen|sud-coréen|saoudien|émirati|norvégien|suédois|danois|finlandais|islandais|néerlandais|belge|suisse"
    r"|italien|espagnol|portugais|canadien|australien|indien|israélien|qatari|koweïtien|turc|grec|irlandais"
    r"|autrichien|tchèque|polonais|singapourien|malaisien|indonésien|brésilien|mexicain|chilien|kényan|nigérian"
    r"|sud-africain|marocain|égyptien|russe|hongrois|roumain|kazakh|ouzbek|vietnamien|thaïlandais|philippin"
    r"|hongkongais|luxembourgeois|texan|californien|new-yorkais|québécois|bavarois|munichois|parisien"
    r"|algérien|tunisien|irakien|libyen|jordanien|libanais|omanais|bahreïni|ghanéen|sénégalais|ivoirien|éthiopien"
    r"|rwandais|ougandais|tanzanien|angolais|mozambicain|namibien|zambien|cambodgien|népalais|sri-lankais|pakistanais"
    r"|bangladais|arménien|azerbaïdjanais|géorgien|péruvien|uruguayen|panaméen|colombien|argentin|guatémaltèque"
    r"|dominicain|jamaïcain|ukrainien|estonien|letton|lituanien|slovaque|bulgare|croate|serbe|slovène|chypriote"
    r"|islandais|nord-américain|européen|asiatique|africain)(?:n?e)?"
    r" ((?:[a-z]{1,3}(?=[A-Z]))?[A-Z][\w&'’.-]*(?: (?:&|[A-Z][\w&'’-]*)){0,2})"
)


def typed_firms(text: str) -> set[str]:
    """The companies the article introduces by what they are (:data:`_TYPED_FIRM`), as written (not German nouns that
    follow: the name ends at a lower-case word or punctuation)."""
    out = set()
    for m in _TYPED_FIRM.finditer(text):
        name, _ = untitled(m.group(1))
        words = name.split()  # no German noun after the name ("dem Versorger NV Energy Anfragen", "Terna
        if len(words) > 1 and _GERMAN_NOUN_AFTER.fullmatch(words[-1]) and words[-1] not in _ORG_WORDS:
            name = " ".join(words[:-1])  # Anschlussanfragen"; not "Mordor Intelligence", "Grid Strategies")
        first = name.split()[0]
        if first not in _NOT_NAMES and not _ROLE_COMPOUND.fullmatch(first) and not _WEEKDAYS.match(first):
            out.add(_CANON.get(name, name))
    for m in _NATIONAL_FIRM.finditer(text):
        name = m.group(1).rstrip(".")
        if name.split()[0] not in _NOT_NAMES and not _WEEKDAYS.match(name):
            out.add(_CANON.get(name, name))
    return out


def quotes_in(text: str) -> list[tuple[int, int]]:
    """The content spans of the quotations in ``text``."""
    out = []
    for m in QUOTES.finditer(text):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        if len(m.group(g).strip()) >= 3:
            out.append((m.start(g), m.end(g)))
    return out


# "the Swiss National Supercomputing Centre", "the European Centre for Medium-Range Weather Forecasts"
_CENTRE_NAMED = re.compile(  # (not a data centre: "the Abilene Data Center for OpenAI")
    r"(?<![\w-])(?:(?!(?:The|Le|La|Les|Der|Die|Das|Data)\b)[A-Z][a-z]+ ){1,4}(?<!Data )Cent(?:re|er)\b"
    r"(?: for(?: [A-Z][\w-]+)+)?"
)
_BODY_NAMED = re.compile(
    rf"(?:régulateur|regulator|Regulierer|ministère|ministry|Ministerium)[^,.;:]{{0,40}},\s+(?:l['’]|le |la |the )?"
    rf"([{_UP}][\w&-]+)(?=\s*[.;,]|\s*$)"
)
_BODY_TITLED = re.compile(
    r"(?<![\w-])(?:(?!(?:The|Die|Der|Das|Le|La|Les)\b)[A-Z][a-z]+ ){2,4}"
    r"(?:Commission|Authority|Board|Regulator|Administration|Agency)\b"
    r"(?! (?:of|for)\b)"
)
_NAMED_AFTER = re.compile(
    rf"[^,.;:“”\"«»„]{{0,40}},\s+(?:l['’]|le |la |the |der |die |das )?[{_UP}][\w&-]+(?=\s*[.;,]|\s*$)"
)


_ANALYST_NOUNS = {"cabinet", "consultancy", "firm", "marktforscher", "analysehaus", "institut", "institute"}
_UTILITY_NOUNS = {"versorger", "utility", "électricien", "énergéticien"}  # "the utility": the one named as a utility


# words that open a clause, not a name ("After FERC", "Dass TEP")
_CONJUNCTIONS = {"After", "Before", "When", "While", "As", "If", "Dass", "Als", "Wenn", "Weil", "Quand", "Lorsque",
                 "Après", "Avant", "Since", "Seit", "Depuis", "Pour", "For", "But", "And", "Mais", "Et",
                 "Und"}  # fmt: skip


# capitalised words that an organisation's word ends, wherever they stand ("coûter à Marvell Technology le rachat")
_ORG_NAME = re.compile(
    rf"(?<![\w.'’&-])(?:[{_UP}][\w&-]+ ){{1,3}}(?:" + "|".join(sorted(_ORG_WORDS)) + r")(?![\w&'’-])"
)


# a German noun after a company's name ("Anfragen", "Anschlussanträge"), not a place ("ETH Zürich")
_GERMAN_NOUN_AFTER = re.compile(r"[A-ZÄÖÜ][a-zß]{2,}(?:ungen|ung|agen|räge|lüsse)")
_GERMAN_COMPOUND = re.compile(r"-[a-zäöü]|^[A-ZÄÖÜ][a-zäöüß]{11,}$")  # "KI-Start-up", "Flüssigkühlungsspezialisten"


def _named_in_sentence(text: str, sentence: str, start: int, memory: Memory) -> list[tuple[str, int]]:
    """The organisations (not news outlets) ``sentence`` names, in order, as (name, offset in the sentence)."""
    named = names_in(sentence, 0, memory.names) + [
        (n, a - start, b - start) for n, a, b in _openers(text) if start <= a < start + len(sentence)
    ]
    named += [(m.group(1), m.start(1), m.end(1)) for m in _POSSESSED.finditer(sentence[:40])]  # "Canada's Brookfield"
    # the owner of what opens the sentence ("Caterpillar's order backlog climbed ..., the equipment maker said")
    owners = [  # not a country ("Australia's largest pension fund, AustralianSuper, ..., the fund said")
        (m.group(1), m.start(1), m.end(1))
        for m in _OWNER_OPENS.finditer(sentence)
        if m.group(1) not in _NOT_NAMES and not re.fullmatch(_COUNTRIES_EN, m.group(1))
    ]
    named += owners
    named += [(m.group(), m.start(), m.end()) for m in _ACRONYM_RE.finditer(sentence) if m.group() not in _NOT_ACRONYMS]
    # a name the list lacks that an organisation's word ends ("c'est la somme que Texas Instruments compte investir,
    # a annoncé le groupe de Dallas")
    for m in _ORG_NAME.finditer(sentence):
        words = m.group().split()  # past a German compound or a long noun ("das KI-Start-up Mistral AI")
        k = max((i + 1 for i, w in enumerate(words[:-1]) if _GERMAN_COMPOUND.search(w)), default=0)
        k = max(k, 1 if words[0] in _GERMAN_LEADS else 0)  # "Auch Siemens Energy profitiert"
        if len(words) - k >= 2 and not _opens_no_name(words[k:]):
            at = m.start() + len(" ".join(words[:k])) + (1 if k else 0)
            named.append((" ".join(words[k:]), at, m.end()))
    # the name of two or three words the main clause opens with, after a place ("Au Canada, Bell Canada a ouvert")
    lead = re.match(
        rf"\s*(?:(?:Au|Aux|En|In|À|Im)\s[^,]{{1,30}},\s+)?([{_UP}][\w&-]*(?: [{_UP}][\w&-]*){{1,2}}) [a-zàâéèêîôûç]",
        sentence,
    )
    opens = lead.group(1).split()[0] if lead else ""
    # (not a number: "Six US companies")
    if lead and opens not in _NOT_NAMES | _NOT_SUBJECT_NAMES | _CONJUNCTIONS and not _NUMBER_WORD.fullmatch(opens):
        named.append((lead.group(1), lead.start(1), lead.end(1)))
    named += _relative_subjects(text, sentence)
    named.sort(key=lambda c: c[1])
    # a name of two or three words whose possession opens the sentence ("Kinder Morgan's backlog rose ..., the
    # pipeline operator said") is a company, unless the list or the article's titles make it a person
    owned = {
        n
        for n, _, _ in owners
        if " " in n
        and n not in KNOWN
        and n not in memory.people
        and not {n.split()[0]} & (_NOT_NAMES | _NOT_SUBJECT_NAMES | _CONJUNCTIONS | set(_TITLES) | _TITLE_WORDS)
        and n.split()[-1] not in _PLACES
    }
    return [
        (n, a)
        for n, a, _ in named
        if (speaker_type(n, memory.firms) == "organization" or n in owned)
        and not _is_news(n)
        and n not in memory.people
        and n not in memory.terms
    ]


def _analysts_typed(noun: str, before: str, memory: Memory) -> list[str]:
    """An analysts' firm or a utility named by what it is before ``before`` ends ("le cabinet TrendForce ... a détaillé
    le cabinet", "the research firm SemiAnalysis", "SemiAnalysis, the chip research firm whose founder ...", "der
    Staatsversorger Hydro-Québec ... nach Angaben des Versorgers"), in order."""
    stem = re.sub(r"e?s$", "", noun) if noun.lower().startswith("versorger") else noun
    if noun.lower() not in _ANALYST_NOUNS and stem.lower() not in _UTILITY_NOUNS:
        return []
    name = r"([A-Z][\w&'’-]*(?: (?:&|[A-Z][\w&'’-]*))*)"
    # "der Staatsversorger Hydro-Québec", then "des Versorgers": the compound ends in the noun
    compound = r"\w*" if stem.lower() == "versorger" else ""
    noun = stem.lower() if compound else noun
    # "du cabinet d'analyse X"
    after = re.finditer(rf"(?i:\b{compound}{noun})\s+(?:(?:d['’]|de\s)?[a-zà-ÿ-]+\s+)?{name}", before)
    beside = re.finditer(rf"{name},\s+(?:the|a|an|le|la|l['’])\s?(?:[\w-]+\s+){{0,3}}{noun}\b", before)
    typed = sorted((f.start(), f.group(1)) for f in [*after, *beside])
    return [n for _, n in typed if speaker_type(n, memory.firms) == "organization"]


_RATING_AGENCY = re.compile(
    r"\b(?:S&P Global Ratings|S&P Global|S&P|Standard & Poor['’]s|Moody['’]s(?: Ratings| Investors Service)?"
    r"|Fitch(?: Ratings)?|KBRA|DBRS Morningstar|Morningstar DBRS|JCR"
    # or any name that says it is one ("Kroll Bond Rating Agency", "Japan Credit Rating Agency", "Scope Ratings")
    r"|(?:[A-Z][\w&'’-]* ){1,4}(?:Rating Agency|Ratings))\b"
)


_PRONOUN_OPENS = re.compile(r"\s*(?:It|They|Il|Elle|Ils|Elles|Er|Sie|Es)\b")


def _companies_described(text: str, sentence: str, start: int, memory: Memory) -> list[tuple[str, int, int]]:
    """'the company', 'le groupe', 'der Konzern': the first company (not a news outlet) its sentence names, else the
    last one named before it."""
    out = []
    firms = _named_in_sentence(text, sentence, start, memory)
    for m in _DESCRIPTIONS.finditer(sentence):
        if _NAMED_AFTER.match(sentence, m.end()):  # "selon l'opérateur du système électrique, NESO": its name follows
            continue
        # a company that opens the sentence is its subject ("SoftBank sold ..., the company disclosed"); one named
        # further in is most often an object ("chips from Nvidia ..., according to the company"): then the company
        # that "the company" named before, else the company that last opened a sentence, else the last one named
        remembered = [memory.the_company] if memory.the_company else []
        opening = _TYPED_FIRM.match(sentence.lstrip())  # "Der japanische Telekomkonzern SoftBank kauft ..."
        opener = [_CANON.get(opening.group(1), opening.group(1))] if opening else []
        # an analysts' firm named by what it is earlier: that one, not the company the sentence is about
        typed = _analysts_typed(m.group().split()[-1], text[: start + m.start()], memory)
        if re.search(r"(?i)rating|notation", m.group()):  # "the rating agency": the last rating agency named
            typed = [memory.names.get(r.group(), r.group()) for r in _RATING_AGENCY.finditer(text, 0, start + m.end())]
            typed = typed[-1:]
        if (apposed := _set_off_before(sentence, m)) is not None:  # "..., Firebird, the start-up behind it, said"
            out.append((apposed.group(1), start + apposed.start(1), start + apposed.end(1)))
            continue
        # "It cost ..., paid for with a World Bank loan, the lender said" (not where a name opens the sentence:
        # "JPMorgan Chase will lend ..., which the World Bank also backs, the bank said")
        opens = re.match(r"\s*(?:It|The|This|That|Its|Le|La|Les|Il|Elle|Ce|Cette|Es|Der|Die|Das)\b", sentence)
        if re.search(r"(?i)lender|bank|banque|prêteur|bailleur", m.group()) and opens:
            typed = typed or [n for n, _ in firms if _development_bank(n)][:1]
        pick = (
            typed[-1:]
            or [n for n, a in firms if a < 25]
            or opener
            # "dem Essener Baukonzern Hochtief" (not after a pronoun subject: "It will spend ... with the firm Indigo
            # Ag ..., the company said" is the company "It" stands for)
            or [n for n, a in firms if n in memory.firms and a < m.start() and not _PRONOUN_OPENS.match(sentence)][-1:]
            or remembered  # every company that spoke and is no outlet became the_company: last_firm adds nothing
            # ("the bank", "die Bank": a development bank too)
            or _subjects_before(text, start, memory.firms, re.search(r"(?i)bank|banque", m.group()) is not None)[-1:]
            or _named_subject(sentence)
            # nothing remembered: the company the sentence named before it ("Le chiffre d'affaires de Nvidia a
            # atteint ..., a annoncé le groupe de Santa Clara")
            or [n for n, a in firms if a < m.start()][:1]
            or _recurring_before(text, sentence, start, m)
            or list(_lede_subject(text))  # "Tokyo Electron raised its forecast ..., the company said"
        )
        if _PLURAL.search(m.group()):  # "teilten die beiden Unternehmen mit": the first of the sentence's companies
            # none here: the company that opened a sentence first ("wie die Unternehmen mitteilten")
            # (not a number word opening the sentence: "Deux mégawatts ... : c'est")
            named = [n for n, _ in firms if not _NUMBER_WORD.match(n)]
            pick = named or _subjects_before(text, start, memory.firms)[:1] or pick
        elif pick and not _development_bank(pick[0]):
            memory.the_company = pick[0]
        if pick:
            out.append((pick[0], start + m.start(), start + m.end()))
    for m in _COMPANY_OF.finditer(sentence):  # "la société de Sam Altman": the company its boss runs
        role = KNOWN.get(_CANON.get(m.group(1), ""), ("", "", []))[1]
        if (runs := re.search(r"(?:CEO|chairman|CFO) of (\w+)", role)) is not None:
            out.append((runs.group(1), start + m.start(), start + m.end()))
    return out


# a research firm's document named by what it is ("according to the index", "précise le rapport", "laut der Studie")
_STUDY = re.compile(
    r"\b(?:[Tt]he (?:index|study|survey|analysis|report|note)|[Ll]['’](?:indice|étude|enquête|analyse)|le rapport"
    r"|la note"
    r"|(?:der|dem|des) Index|(?:die|der) (?:Studie|Umfrage|Analyse)|(?:der|dem) Bericht)\b(?! [A-Z])"
)
# a research firm or a consultancy named after what it is ("the consultancy Turner & Townsend", "le cabinet
# britannique Turner & Townsend", "das Beratungsunternehmen Turner & Townsend")
_CONSULTANCY_NAMED = re.compile(
    r"\b(?:consultancy|consulting firm|research firm|data provider|cabinet|[\w-]*[Bb]eratungs(?:unternehmen|firma)"
    r"|[\w-]*[Bb]erater|Marktforscher|Analysehaus)(?:s|es)?\s+(?:[a-zà-ÿ-]+\s+){0,2}"
    r"([A-Z][\w'’-]*(?: (?:&|[A-Z][\w'’-]*))*)"
)


# a study named with its authors' home ("researchers at Duke University said in a study", "eine Studie der Duke
# University", "une étude de l'université Duke"): the home owns "the study" and "the authors" after it
_NAME_AFTER = r"([A-Z][\w'’-]*(?: (?:of |&)?[A-Z][\w'’-]*)*)"
_STUDY_BY = re.compile(
    rf"\b(?:(?:researchers|scientists|economists) (?:at|from)|(?:study|report|analysis|survey) by"
    rf"|(?:Studie|Analyse|Untersuchung|Umfrage|Forscher|Forscherinnen) (?:der|des|von)"
    rf"|(?:étude|analyse|enquête|chercheurs) (?:de la|du|de l['’]|de|des)) (?:the )?{_NAME_AFTER}"
    rf"|\b(?:étude|analyse|chercheurs) de l['’]université (?:de )?{_NAME_AFTER}"
)


def _studies_by(head: str) -> list[tuple[int, str]]:
    """(offset, name) of each study's home :data:`_STUDY_BY` finds in ``head``; French "l'université Duke" is the
    gold's "Duke University"."""
    out = []
    for m in _STUDY_BY.finditer(head):
        if m.group(1):
            out.append((m.start(1), _CANON.get(m.group(1), m.group(1))))
        else:
            out.append((m.start(2), m.group(2) + " University"))
    return out


def _study_owner(text: str, before: int, memory: Memory) -> str | None:
    """The research firm whose document "the index", "l'étude", "die Studie" is: the last one the article named before
    ``before`` (a news outlet named after it makes "the report" the outlet's)."""
    head = text[:before]
    found = [(a, n) for n, a, _ in names_in(head, 0, memory.names) if n in _RESEARCH]
    found += _named_by(head, _CONSULTANCY_NAMED, _RESEARCH_NAMED) + _studies_by(head) + _named_by(head, *_ANALYSTS)
    if not found:
        return None
    at, name = max(found)
    outlets = [a for n, a, _ in names_in(head) if n in _NEWS and n != name]
    return None if outlets and max(outlets) > at else name


# "the province said", "according to the observatory", "the clinic said": an organisation named by the last word of its
# name ("Gyeonggi Province", "SKA Observatory", "Cleveland Clinic")
_HEAD_DESCRIBED = re.compile(
    r"\b[Tt]he (province|observatory|clinic|laboratory|hospital|university|council|exchange|foundation|league"
    r"|airport|port|county|municipality|consortium|trust|alliance)\b(?! [A-Z])(?!['’]s)"
)


def _named_by_head(text: str, sentence: str, start: int) -> list[tuple[str, int, int]]:
    """Organisations told by the last word of their name, named before (:data:`_HEAD_DESCRIBED`): the last one."""
    out = []
    for m in _HEAD_DESCRIBED.finditer(sentence):
        noun = m.group(1).capitalize()
        named = re.findall(rf"((?:[A-Z][\w&'’.-]* ){{1,4}}{noun})\b", text[: start + m.start()])
        named = [re.sub(r"^(?:The|In|At|On|By|For|From|With) ", "", n) for n in named]
        if named and named[-1] != noun:
            out.append((named[-1], start + m.start(), start + m.end()))
    return out


# "the state government said", "selon le gouvernement de l'État", "teilte die Landesregierung mit": the state,
# province or region the article named, by its own name ("Uttar Pradesh", "Nuevo León"), as the gold names it
_REGION_GOVERNMENT = re.compile(
    r"\b(?:[Tt]he (?:state|provincial|regional) government|[Tt]he (?:state|province)(?= (?:says|said|has said|would"
    r"|will|expects|estimates|plans)\b)"
    r"|[Ll]e gouvernement (?:de l['’]État|d['’]État|régional|provincial|de la province)"
    # (not the subject of a German relative clause: "Projekte, die die Regionalregierung ... erklärt hat")
    r"|[Ll]a province(?= ?[,.])|(?<![Dd]ie )[Dd](?:ie|er) (?:Landes|Provinz|Regional|Staats)regierung"
    r"|[Dd]ie Provinz(?= mit\b))\b(?!['’]s)"
)


def _region(group: str) -> str:
    """A region's name, one to three capitalised words ("Uttar Pradesh", "Nuevo León"), as the named group ``group``
    (no possessive: "Amazon's cloud division")."""
    word = rf"[{_UP}][\w'’-]+(?<!['’]s)"
    return rf"(?P<{group}>(?!(?:The|La|Le|Les|Die|Der|Das)\b){word}(?: (?:del |de )?{word}){{0,2}})"


# where a region is named: "the state of", "Tamil Nadu state", "Buenos Aires province", "l'État de", "la province de",
# "le gouverneur du", "Bundesstaat", "Provinz" (the groups p, q, r and s mark a province)
_REGION_NAMED = re.compile(
    rf"\b(?:state|(?P<p>province)|region|territory) of {_region('a')}"
    rf"|\b{_region('b')} (?:state|(?P<q>[Pp]rovince))\b(?! of)"
    rf"|\b(?:[Ll]['’]État|[Ll]a (?P<r>province)|[Ll]a région|gouverneure?|gouvernement)(?: [{_LOW}-]+){{0,2}}"
    rf" (?:de |du |d['’])(?:l['’]|la )?{_region('c')}"
    rf"|\b(?:Bundesstaat|Bundesland|(?P<s>Provinz)|Region)(?:e?s)? {_region('d')}"
)
_NOT_REGIONS = {"État", "Etat"}


def _region_governed(text: str, sentence: str, start: int) -> list[tuple[str, int, int]]:
    """A regional government (:data:`_REGION_GOVERNMENT`): the last state, province or region named before it
    ("the northern Mexican state of Nuevo León", "la province de Gyeonggi", "Bundesstaat Queensland"), else the name
    that opens its sentence ("Uttar Pradesh has raised ..., the state government said"); never a country."""
    out, countries = [], country_names()
    opener = re.match(rf"{_region('n')} [{_LOW}]", sentence)
    for m in _REGION_GOVERNMENT.finditer(sentence):
        at = start + m.start()
        named = [  # a province by its English name ("Gyeonggi Province", "Buenos Aires Province"), as the gold has it
            (r.start(), name + " Province" * any(r.group(k) for k in "pqrs"))
            for r in _REGION_NAMED.finditer(text, 0, at)
            if (name := next(r.group(k) for k in "abcd" if r.group(k))) not in _NOT_REGIONS and name not in countries
        ]
        if named:
            out.append((named[-1][1], at, start + m.end()))
        elif (  # (two words or more: "It", "Data", "Foxconn", "Hyderabad" opening the sentence name no region)
            opener
            and " " in opener["n"]
            and opener["n"] not in KNOWN
            and opener["n"] not in countries
            and not (set(opener["n"].split()) & (_ORG_WORDS | _NOT_NAMES | _NOT_SUBJECT_NAMES))
        ):
            out.append((opener["n"], at, start + m.end()))
    return out


def _described(text: str, sentence: str, start: int, memory: Memory) -> list[tuple[str, int, int]]:
    """Names told by a description: companies (:func:`_companies_described`), public bodies ("die Behörde", "the
    department": the last one named), research bodies ("l'institut") and news outlets ("the report", "le journal",
    "das Blatt": the last one named)."""
    out = _companies_described(text, sentence, start, memory)
    for m in _STUDY.finditer(sentence):  # "according to the index": the research firm that published it
        if (owner := _study_owner(text, start + m.start(), memory)) is not None:
            out.append((owner, start + m.start(), start + m.end()))
    named = ministries_in(text, None, start, start + len(sentence))
    for m in _BODY_DESCRIBED.finditer(sentence):  # "teilte die Behörde mit", "the department noted": the last body
        # "selon le régulateur, la Nigerian Electricity Regulatory Commission (NERC)": named right after
        # (with its article: "D'après les chiffres du ministère, Rapidus aura besoin" names no ministry)
        if _BODY_SET_OFF.match(sentence, m.end()):
            continue
        if any(a <= start + m.start() < e or a <= start + m.end() - 1 < e for _, a, e in named):
            continue  # a ministry named here, not one before ("le ministère émirati de l'Investissement")
        before = text[: start + m.start()]
        bodies = [(a, n) for n, a, _ in names_in(before, 0, memory.names) if _is_body(n)]
        # by its full name; "le régulateur de l'énergie, l'Ofgem" (named after the same noun); "the Oregon Public
        # Utility Commission" (by its head noun, the list lacking it)
        for pattern, group in ((_BODY_RE, 0), (_BODY_NAMED, 1), (_BODY_TITLED, 0)):
            bodies += [(b.start(group), b.group(group)) for b in pattern.finditer(before)]
        # and the ministries named by their portfolio, by their official names ("das Ministerium": the last one)
        # (a plain name yields to a body the list names in the same words)
        ministries = [n for n in ministries_in(text, None, 0, start + m.start())
                      if n[0] not in PLAIN_NAMES or not any(n[1] <= b[0] < n[2] for b in bodies)]  # fmt: skip
        bodies = [b for b in bodies if not any(a <= b[0] < e for _, a, e in ministries)]
        bodies = sorted(bodies + [(a, n) for n, a, _ in ministries])
        head = m.group().split()[-1].capitalize()  # "the department": the last body that is a department, if any
        if head in ("Ministerium", "Ministeriums", "Ministère"):  # "das Ministerium": a ministry or a department
            bodies = [b for b in bodies if re.search(r"\b(?:Ministry|Department)\b", b[1])] or bodies
            head = ""
        if re.fullmatch(r"Cent(?:re|er)|Zentrums?", head):  # "the centre said": only a body named a centre, if any
            bodies = sorted(bodies + [(b.start(), b.group()) for b in _CENTRE_NAMED.finditer(before)])
            bodies = [b for b in bodies if re.search(r"Cent(?:re|er)\b|Zentrum", b[1])]
        bodies = [b for b in bodies if not head or head in b[1].split()] or bodies
        outlets = [a for n, a, _ in names_in(before) if n in _NEWS]
        agency = m.group().lower().endswith("agency")  # "the agency said": a news agency if one was named since
        if bodies and not (agency and outlets and outlets[-1] > bodies[-1][0]):
            out.append((bodies[-1][1], start + m.start(), start + m.end()))
    out += _named_by_head(text, sentence, start)
    out += _region_governed(text, sentence, start)
    for m in _RESEARCH_DESCRIBED.finditer(sentence):  # "estime l'institut", "the research group said": the last one
        before = text[: start + m.start()]
        found = [(a, n) for n, a, _ in names_in(before, 0, memory.names) if n in _RESEARCH]
        found += _named_by(before, _RESEARCH_NAMED) + _studies_by(before)
        if re.search(r"(?i)analy", m.group()):  # "the analysts": the firm whose analysts the article named
            if _ANALYSTS_AT.match(sentence, m.start() + m.group().lower().find("analy")):
                continue  # "schätzen die Analysten der DZ Bank": the firm named here, not one before
            found = _named_by(before, *_ANALYSTS)
        if found:  # the span starts at the noun: "nach Angaben des Verbands" keeps "des" in its cue
            lead = re.match(r"(?:der|des|dem|das)\s", m.group())
            out.append((max(found)[1], start + m.start() + (lead.end() if lead else 0), start + m.end()))
    for m in _REPORTS.finditer(sentence):
        named = re.match(
            rf"(?:\s+[a-zà-ÿ-]+){{0,2}}\s+[„“\"«]?\s?(?:The |L['’]|Le |La |Die |Der )?([{_UP}]\w*)", sentence[m.end() :]
        )
        if named and named.group(1) not in _NOT_NAMES:  # not a date ("the agency reported on Dec. 31")
            continue  # "souligne le quotidien torontois The Globe and Mail": its name follows
        if outlets := _outlets_before(text[: start + m.start()]):
            out.append((outlets[-1], start + m.start(), start + m.end()))
    return out


_OUTLET_NAMED = re.compile(
    r"\b(?:quotidien|journal|hebdomadaire|newspaper|daily|paper|[Zz]eitung|[Bb]latt|[Mm]agazin|magazine|agence"
    r"|[Aa]gentur|site d['’]informations?|news site"
    # "du site spécialisé 36Kr", "de la lettre spécialisée The Ankler" (not "le site de Mons")
    r"|site (?:spécialisé|web|internet)|lettre (?:spécialisée|d['’]informations?)|revue spécialisée|newsletter"
    r"|portail|trade site|[Ff]achportal|[Ff]achdienst|[Bb]ranchendienst)\s+"
    r"(?:[a-zà-ÿ-]+\s+){0,2}"  # "le quotidien koweïtien Al-Qabas", "l'agence officielle VNA"
    r"(?:«\s?|„|“|\")?([A-Z][\w'’&-]*(?: (?:de |del |of )?[A-Z][\w'’&-]*){0,3})"
)


def _outlets_before(before: str) -> list[str]:
    """The news outlets named in ``before``, in order: the list's, and those named after what they are ("selon le
    quotidien El Español", "the newspaper Helsingin Sanomat"), so that "a précisé le journal" is El Español."""
    found = [(a, n) for n, a, _ in names_in(before) if n in _NEWS]
    found += _named_by(before, _OUTLET_NAMED)
    # or whose name a paper's word ends, the list's or not ("the Economic Times reported ... the newspaper said")
    found += [
        (m.start(1), m.group(1))
        for m in _PAPER_NAME.finditer(before)
        if not names_in(m.group(1))  # the list's outlets by their canonical names ("Bloomberg News" is Bloomberg)
    ]
    return [n for _, n in sorted(found)]


_PAPER_NAME = re.compile(  # not an article before it ("The Economic Times reported")
    r"(?<![\w-])((?!(?:The|Le|La|Les|Der|Die|Das)\b)(?:[A-Z][\w'’&-]* ){1,3}(?:"
    + "|".join(sorted(_PAPER_WORDS))
    + r"))(?![\w-])"
)


_RESEARCH = {name for name, (_, role, _) in KNOWN.items() if role.startswith(("research", "analysts"))}
_RESEARCH_DESCRIBED = re.compile(
    r"\b(?:l['’]institut|the institute|the research (?:group|firm)|das (?:Forschungs)?[Ii]nstitut|des (?:Forschungs)?"
    r"[Ii]nstituts|der Marktforscher|des Marktforschers|l['’]association|the (?:industry |trade )?association"
    r"|(?:der|des|dem) (?:Branchen)?[Vv]erband(?:e?s)?"
    # the people of a research group: "the researchers estimated", "beziffern die Autoren", "les chercheurs évaluent"
    r"|the (?:researchers|authors)|die (?:Forscher|Autoren)|les (?:chercheurs|auteurs)"
    r"|die Berater|der Berater|the consultants|the consultancy"
    r"|[Tt]he analysts|[Ll]es analystes|[Dd]ie Analysten)\b(?! (?:de |of |für |at |von |chez )?[A-Z])"
)
# a research body or an association named after what it is ("l'institut de recherche Epoch AI", "the research firm
# SemiAnalysis", "der neue Branchenverband ACOLDC")
_RESEARCH_NAMED = re.compile(
    r"\b(?:institut|institute|research (?:group|firm)|Forschungsinstitut|Marktforscher|association|[\w-]*[Vv]erband"
    r"|[\w-]*[Bb]erater|Beratungsunternehmen|consultancy)"
    r"(?:e?s)?\s+(?:[a-zà-ÿ-]+\s+){0,2}([A-Z][\w&'’-]*(?:(?: &)? [A-Z][\w&'’-]*)*)"
)


def _named_subject(sentence: str) -> list[str]:
    """A name of two or three capitalised words that opens the sentence before its verb ("Samsung Electronics wird
    ..., wie aus einer Pflichtmitteilung des Konzerns hervorgeht"): the company a description stands for, when
    nothing else is."""
    # "The World Bank expects ...": after "The", before an English verb (not "The South Korean maker")
    verbs = r"expects|expected|said|says|plans|planned|estimates|estimated|forecasts|predicts|sees|has|had|will|would"
    m = re.match(rf"\s*The ([A-Z][\w&-]*(?: [A-Z][\w&-]*){{1,2}}) (?=(?:{verbs})\b)", sentence)
    m = m or re.match(r"\s*([A-Z][\w&-]*(?: [A-Z][\w&-]*){1,2})(?: [a-zäöüß]|, )", sentence)  # "Fermi America, la ..."
    if m is None or m.group(1).split()[0] in _NOT_NAMES | _NOT_SUBJECT_NAMES:
        return []
    return [m.group(1)]


_VERB_AFTER = re.compile(
    r"\s+(?:(?:has|had|have|a|avait|hat|hatte)\s+)?(?:said|says|told|added|noted|announced|estimated|reported|wrote"
    r"|expects|expected|forecast|declined|confirmed|dit|déclaré|annoncé|indiqué|précisé|estimé|sagte|teilte|erklärte)\b"
)


def _set_off_before(sentence: str, description: re.Match) -> re.Match | None:
    """The name a description set off by commas stands in apposition to ("..., Firebird, the start-up behind the
    project, said"): none when the description is the verb's subject ("in Texas, the company said")."""
    name = re.search(r",\s+([A-Z][\w&-]+(?: [A-Z][\w&-]+){0,2}),\s+$", sentence[: description.start()])
    closes = re.match(r"[^,.;:]{0,60},\s+(?:has |had |have )?[a-z]+", sentence[description.end() :])
    # (not "..., Blackwell, the company said on Tuesday, citing": the description is the verb's subject)
    closes = closes and not _VERB_AFTER.match(sentence, description.end())
    if name is None or not closes or name.group(1).split()[0] in _NOT_NAMES or _place_name(name.group(1)):
        return None  # (not a place: "near Harwood, North Dakota, the Dallas-based company said")
    return name


_GERMAN_DESCRIPTION = re.compile(r"(?:der|die|das|des|dem|den|beide|beiden)\b", re.IGNORECASE)


def _recurring_before(text: str, sentence: str, start: int, description: re.Match) -> list[str]:
    """ "c'est ce que Volkswagen compte investir ..., a annoncé le constructeur allemand": a name the list lacks,
    before the description in its sentence, that recurs in the article (not in German, which capitalises nouns)."""
    if _GERMAN_DESCRIPTION.match(description.group()):
        return []
    # not a word elided before an apostrophe ("Jusqu'à", "Aujourd'hui") nor one that only opens sentences ("Environ")
    found = _recurring(text, sentence[: description.start()], start)
    return [n for n, a, e in found if text[e : e + 1] not in "'’-" and _named_inside(text, n)][:1]


def _named_inside(text: str, name: str) -> bool:
    """``name`` stands somewhere inside a sentence, not only at the start of one, and not after a place's preposition
    ("in Marseille", "à Lyon"): a name, not a word that opens sentences ("Demand", "Environ")."""
    inside = re.finditer(rf"(?<![.!?\n] )(?<![Ii]n )(?<!à )(?<!au )(?<!en )(?<!im )\b{re.escape(name)}\b", text)
    return any(m.start() > 0 and text[m.start() - 1] != "\n" for m in inside)


@functools.lru_cache(maxsize=16)
def _lede_subject(text: str) -> tuple[str, ...]:
    """The name that opens the article's first sentence (:func:`_named_subject`), if it is no person the list knows
    and recurs: the company the article is about (read once per text)."""
    lede = re.match(r"[^\n]*?[.!?](?=\s|$)", text)
    lede = lede.group() if lede else text.split("\n")[0]
    # (or one word before a verb in small letters, not in German, which capitalises nouns: "Volkswagen investit")
    german = re.search(r"\b(?:der|die|das|und)\b", lede)
    one = None if german else re.match(r"\s*([A-Z][\w&-]+) (?=[a-zàâéèêîôû])", lede)
    one = [one.group(1)] if one and one.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES else []
    name = _named_subject(lede) or one
    if (
        not name
        or KNOWN.get(name[0], ("organization",))[0] == "person"
        or _is_place(name[0])
        or text.count(name[0]) < 2
    ):
        return ()
    # a company, not a person the list lacks ("Rahul Mehta, a former banker, is building"): one word, an organisation's
    # word, or "its" after it in the lede ("Tokyo Electron raised its profit forecast")
    its = re.search(rf"{re.escape(name[0])}\b[^.;]*\bits\b", lede)
    if speaker_type(name[0]) == "person" and not its:
        return ()
    # named again inside a sentence, not only at the start of one (a noun or a place opening sentences: "Demand for
    # memory chips is soaring ... Demand keeps rising"), nor after a place's preposition ("in Marseille"); or told a
    # company by a possessive after it in the lede ("Sesterce a obtenu son permis") or by its camel case ("OVHcloud")
    owns = its or re.search(rf"{re.escape(name[0])}\b[^.;]*\b(?:son|sa|ses|leur|sein|seine|seinen|seinem)\b", lede)
    camel = re.search(r"[a-z][A-Z]", name[0])
    if not (owns or camel or _named_inside(text, name[0])):
        return ()
    return tuple(name)


def _is_place(name: str) -> bool:
    """A country, a capital or a place the lists name ("South Korea", "Ireland", "Inde", "Washington"; not "Tokyo
    Electron")."""
    return bool(
        _place_name(name)
        or re.fullmatch(_COUNTRIES_EN, name)
        or (" " not in name and country_in(name))
        or name in country_names()  # "Albanien", "Liban", "United States"
    )


_COMPANY_OF = re.compile(
    r"\b(?:la société|l['’]entreprise|le groupe|the company|das Unternehmen) (?:de|d['’]|of|von) "
    r"([A-Z][\w-]+(?: [A-Z][\w-]+)?)"
)
# a body's name set off right after its noun, and nothing after it ("selon le régulateur, la Nigerian Electricity
# Regulatory Commission (NERC)."; not "According to the agency, the United States will need ...")
_BODY_SET_OFF = re.compile(
    rf",\s+(?:l['’]|le |la |the |der |die |das )[{_UP}][\w&-]*(?:\s+(?:of |for |de |du |des )?[{_UP}][\w&-]*)*"
    r"\s*(?:\([^)]*\)\s*)?(?:[.;]|$)"
)
_BODY_DESCRIBED = re.compile(
    r"\b(?:(?:die|der) Behörde|[Dd]as Ministerium|des Ministeriums|dem Ministerium|the department|[Tt]he ministry"
    r"|the board"
    r"|the agency|the regulator|the commission|la commission|[Tt]he office|(?:le|du) bureau(?! d['’])"
    r"|(?:das|des) Büros?"
    r"|(?:[Ll]e|du) ministère|(?:le|du) régulateur|l['’]agence publique|l['’]organisme|the body|das Gremium"
    r"|l['’]autorité|die Aufsicht|die Kommission|l['’]institution|the institution|die Institution"
    r"|[Ll]['’]ONG|[Ll]['’]organisation|[Tt]he NGO|[Dd]ie NGO|[Dd]ie Organisation"  # "L'ONG estime": the last body
    r"|[Tt]he watchdog"
    r"|[Tt]he cent(?:re|er)(?!['’]s)|[Ll]e centre(?! de données)|du centre(?! de données)|das Zentrum|des Zentrums)\b"
    r"(?! [A-Z])"
)


def _is_body(name: str) -> bool:
    """A public body: the list's governments and the EU, or a name that says it is one."""
    role = KNOWN.get(name, ("", "", []))[1]
    says = re.search(
        r"Department|Ministry|Commission|Ministerium|Kommission|ministère|Authority|Agency|System Operator|Council"
        r"|Regulator|Administration|Autorité|Conseil|Behörde|Bundesamt|Bundesnetzagentur",
        name,
    )
    return "government" in role or "EU" in role or role == "development bank" or says is not None


_OWNER_OPENS = re.compile(r"^\W*((?:[A-Z][\w&-]+ ){0,2}[A-Z][\w&-]+)['’]s\s+[a-z]")  # "Kinder Morgan's backlog"
_POSSESSED = re.compile(r"^\W*[A-Z]\w+['’]s\s+([A-Z][a-z]+[A-Za-z]*)\s+[a-z]")


_CLEFT_SUBJECT = re.compile(rf"\b[Cc]['’]est\s+(?:[\w'’]+\s+){{0,3}}qu(?:e\s+|['’])([{_UP}][\w&-]+)\s+[a-zà-ÿ]")


def _relative_subjects(text: str, sentence: str) -> list[tuple[str, int, int]]:
    """One-word names the list lacks that open the relative clause of a French cleft and recur in the article
    ("c'est la somme que Sanofi consacrera ..., a annoncé le laboratoire"): the company a description stands for (not
    any "que": "une somme que Macron a saluée")."""
    return [
        (m.group(1), m.start(1), m.end(1))
        for m in re.finditer(_CLEFT_SUBJECT, sentence)
        if m.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES
        and m.group(1) not in country_names()
        and len(re.findall(rf"\b{re.escape(m.group(1))}\b", text)) >= 2
    ]


@functools.lru_cache(maxsize=32)
def _openers(text: str) -> tuple[tuple[str, int, int], ...]:
    """Names the list lacks that open a sentence and recur in the article ("Nebius will supply ..."), in English and
    French: a company the article is about."""
    out = []
    # (hyphenated too: "Coca-Cola has committed")
    for m in re.finditer(
        r"(?:^|[.!?]\s+|\n)([A-Z]{2,6} [A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z][a-z]+)?[A-Za-z]*)(?:\s+[a-z]|,)", text
    ):
        word = m.group(1)
        recurs = " " in word or len(re.findall(rf"\b{re.escape(word)}\b", text)) >= 2  # "GE Vernova ended"
        # not "For the current quarter", nor a country ("Albanien soll sein erstes großes Rechenzentrum bekommen")
        if word not in _NOT_NAMES | _NOT_SUBJECT_NAMES | _CONJUNCTIONS and recurs and word not in country_names():
            out.append((word, m.start(1), m.end(1)))
    return tuple(out)


def _subjects_before(text: str, start: int, firms: set[str], banks: bool = False) -> list[str]:
    """The companies (not news outlets) that open a sentence of ``text`` before ``start``, else every one named."""
    named = [(n, a) for n, a, _ in [*names_in(text[:start]), *_openers(text[:start])] if not _is_news(n)]
    named = [(n, a) for n, a in named if banks or not _development_bank(n)]  # "the company" is no development bank
    # and the companies the article introduced by what they are ("Der Chipauftragsfertiger TSMC will ...")
    named += [(f, m.start()) for f in firms for m in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text[:start])]
    named = sorted(((n, a) for n, a in named if speaker_type(n, firms) == "organization"), key=lambda x: x[1])
    opening = [n for n, a in named if re.fullmatch(r"\W*(?:[A-Z]\w*\s+)?", text[max(0, a - 30) : a].split(".")[-1])]
    return opening or [n for n, _ in named]


# German capitalises every noun: two or three capitalised words are a name only where no article, determiner or
# preposition stands before them, none ends like a noun, and a comma, a reporting verb or the end follows ("..., Greg
# Beard, ein Senior-Berater ..., erzählte", "sagte Axel Voss.")
_GERMAN_BEFORE = re.compile(
    r"\b(?:der|die|das|des|dem|den|ein|eine|einen|einem|einer|eines|im|am|vom|zum|zur|beim|ins|in|an|auf|bei|mit|von"
    r"|für|aus|nach|über|unter|vor|seit|durch|gegen|ohne|um|sein|seine|seinen|seinem|seiner|ihr|ihre|ihren|ihrem|ihrer"
    r"|unser|unsere|dieser|diese|dieses|diesem|jede|jeder|jedes|alle|kein|keine)\s+$",
    re.IGNORECASE,
)
_GERMAN_NOUN_END = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|ismus|nisse?|ern|ungen|sten|ten|ern|chen)$")


_GERMAN_NOT_NAMES = {"Ende", "Anfang", "Mitte", "Millionen", "Milliarden", "Mrd", "Mio", "Dollar", "Euro", "Prozent",
                     "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                     "November", "Dezember", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                     "Sonntag", "Gigawatt", "Megawatt", "Rechenzentrum", "Rechenzentren"}  # fmt: skip


def _german_name_word(word: str) -> bool:
    """A capitalised German word that reads as a name, not a noun: no noun ending, no plural's ("Analysten")."""
    return not (word in _GERMAN_NOT_NAMES or _GERMAN_NOUN_END.search(word) or re.search(r"(?:en|er|ern|ung)$", word))


def _german_person(sentence: str, m: re.Match) -> bool:
    words = m.group().split()
    if any(w in _GERMAN_NOT_NAMES or _GERMAN_NOUN_END.search(w) for w in words) or words[0] in _TITLES:
        return False
    before = sentence[: m.start()]
    # after a comma or the sentence's start (an apposition follows), or after a verb ("sagte Axel Voss")
    if not re.search(r"(?:^\s*|,\s+|\b[a-zäöüß]+(?:te|ten)\s+)$", before) or _GERMAN_BEFORE.search(before):
        return False
    if re.match(r"\s*(?:,|$|[.;])", sentence[m.end() :]):
        return True
    # "Ricky Kusmayadi vom Investitionsministerium rechnet": a person by the body they speak from
    return re.match(r"\s+(?:vom|von der|beim|bei der)\s+[A-ZÄÖÜ]", sentence[m.end() :]) is not None


def _opens_no_name(words: list[str]) -> bool:
    """A first word that opens no name ("The", "Selon", "Texas" of "Texas Governor Greg Abbott"), save a place before
    an organisation's word ("Texas Instruments")."""
    return words[0] in _NOT_NAMES and not (words[0] in _PLACES and words[1:2] and words[1] in _ORG_WORDS)


# organisation words that are no German nouns: a firm's English name in German text ("Texas Instruments sagte")
_ENGLISH_ORG_WORDS = {w for w in _ORG_WORDS if w.isascii() and w not in ("Gruppe", "Konzern", "Bank", "Radio", "Media")}


_GERMAN_LEADS = {"Auch", "Noch", "Nur", "Zudem", "Außerdem", "Bereits", "Schon", "Doch", "Dann", "Und", "Aber", "Denn",
                 "Selbst", "Gerade", "Allein", "Sogar", "Vor", "Wie", "So"}  # fmt: skip
_GERMAN_HEAD = re.compile(
    r"[\w-]*(?:[Kk]ammer|[Bb]eobachter|[Vv]erteiler|[Pp]ipeline)(?:e?s)?|[\w-]+(?:ung|heit|keit|schaft)(?:e?s)?"
)


def english_firm_start(words: list[str]) -> int | None:
    """Where a firm's English name begins among capitalised ``words`` of German text ("Texas Instruments sagte",
    "eines Sprechers von Dominion Energy", "Auch Amazon Web Services", "des Marktbeobachters Monitoring Analytics"):
    past a small word, an adverb and a German noun; None where what is left is no such name (two words or more that
    end in an English organisation's word and hold no German noun), as capitalised words alone prove nothing there."""
    k = max((i + 1 for i, w in enumerate(words) if not w[:1].isupper()), default=0)
    lead = lambda w: w in _GERMAN_LEADS or _GERMAN_HEAD.fullmatch(w) or _TYPE_NOUN.fullmatch(w)  # noqa: E731
    while k < len(words) - 2 and lead(words[k]):
        k += 1
    rest = words[k:]
    english = not any(w in _GERMAN_NOT_NAMES or _GERMAN_NOUN_END.search(w) or not w.isascii() for w in rest)
    return k if len(rest) >= 2 and rest[-1] in _ENGLISH_ORG_WORDS and english else None


def _near(sentence: str, start: int, span: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Within 40 characters of the cue, not counting a relative clause between ("Amkor Technology, which will
    package chips ..., said"), or right after a quotation (its speaker: '"...," David Hogan, ..., told reporters')."""
    s, e = span
    gap = _RELATIVE.sub(",", sentence[e - start : cue[0] - start]) if e <= cue[0] else ""
    after_quote = re.search(r"[”\"»“]\s*$", sentence[: s - start]) is not None and e <= cue[0]
    apposition = e <= cue[0] and re.fullmatch(
        r",[^.;:“”\"«»„]{1,100},\s*(?:has |have |had )?", sentence[e - start : cue[0] - start]
    )
    # "a écrit mercredi la ministre du Climat et de la Croissance verte, Sophie Hermans"
    apposition = apposition or (
        s >= cue[1] and re.fullmatch(r"(?:[^.;:“”\"«»„,]{0,90},\s*){1,3}", sentence[cue[1] - start : s - start])
    )
    # "EPRI hatte ... einen Bedarf von 74 Gigawatt errechnet": the subject before the auxiliary of a verb-final clause
    # (or after its apposition: "Drew Horn, Chef der Beratungsfirma GreenMet, hatte im Januar ... gesagt")
    before_aux = e <= cue[0] and re.match(
        r"(?:,[^.;:“”\"«»„]{1,100},)?\s+(?:hat|hatte|hatten|haben)\s[^.;:“”\"«»„,]*$",
        _DIGIT_MARKS.sub("0", sentence[e - start : cue[0] - start]),
    )
    # "wie die Georgia Public Service Commission am Donnerstag ... mitteilte": the subject of a verb-final "wie" clause
    after_wie = e <= cue[0] and re.search(r"\bwie\s+(?:die |der |das )?$", sentence[: s - start])
    after_wie = after_wie and re.fullmatch(r"[^.;:,“”\"«»„]*", sentence[e - start : cue[0] - start])
    # "..., hatte Muneeb Khawaja von der DWP Group im Mai ... vor Journalisten gesagt": the subject right after the
    # auxiliary that brackets the clause
    after_aux = e <= cue[0] and re.search(r"\b(?:hat|hatte|hatten|haben)\s+$", sentence[: s - start])
    after_aux = after_aux and re.fullmatch(r"[^.;:,“”\"«»„]{0,120}", sentence[e - start : cue[0] - start])
    # "KPMG will ... ausgeben und rechnet mit ...": the subject that opens the sentence, of two verbs joined by "und"
    shared = e <= cue[0] and s - start <= 2 and _SHARED_SUBJECT_GAP.fullmatch(sentence[e - start : cue[0] - start])
    return (
        min(abs(s - cue[1]), abs(cue[0] - e), len(gap) if e <= cue[0] else 99) <= 40
        or bool(after_wie)
        or bool(after_aux)
        or after_quote
        or bool(apposition)
        or bool(before_aux)
        or bool(shared)
    )


# "die Union of Concerned Scientists", "Der Natural Resources Defense Council": an English body's name in French or
# German text
_ENGLISH_BODY = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]+ ){1,3}(?:(?:of|for) [A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
    r"|(?:Council|Institute|Association|Foundation|Agency|Authority|Laboratory|Research|Watch|Commission)\b)"
)


def _without_german_head(name: str, at: int, lang: str) -> tuple[str, int]:
    """A German compound noun before a name of two words or more is no part of it ("Beobachtungsstelle Data Center
    Watch"); (name, where it starts)."""
    words = name.split()
    # a long German noun, not a foreign name's first word ("Coordinador Eléctrico Nacional")
    german = r"[äöüß]|ung|heit|keit|schaft|stelle|behörde|amt|rat|aufsicht|zentrum|verband|agentur"
    long_head = len(words) >= 3 and len(words[0]) >= 10 and re.search(german, words[0]) is not None
    typed = len(words) >= 2 and _TYPE_NOUN.fullmatch(words[0]) is not None  # "des Branchendienstes CoStar"
    if lang == "de" and (long_head or typed) and words[0][1:].islower():
        if words[1][0].islower():  # "Außenministeriums in Tokio": a place after a preposition, no name
            return "", 0
        return name[len(words[0]) + 1 :], at + len(words[0]) + 1
    return name, at


# a French title with its portfolio before a name: "le ministre de l'Énergie Yerlan Akkenzhenov", "le ministre des
# Transports et des Télécommunications Juan Carlos Muñoz" (the portfolio's capitalised word is no part of the name)
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:ministre|secrétaire d['’]État)"
    r"(?:\s+(?:(?:de l['’]|de la |du |des |d['’]|aux? )[\w-]+|et)){0,3}\s?(?:de l['’]|de la |du |des |d['’]|aux? )$"
)


# a French participle opening a sentence before a name ("Baptisée LillyPod, la machine ...", "Installé à Lugano"): no
# part of the name
_FRENCH_PARTICIPLE = re.compile(
    r"(?:Baptis|Nomm|Surnomm|Install|Situ|Implant|Annonc|Dévoil|Inaugur|Lanc|Financ|Fond|Cré|Bas|Contrôl|Aliment"
    r"|Destin|Présent|Rachet|Détenu|Soutenu|Conçu|Prévu)(?:é|ée|és|ées)?"
)


def _unlisted(sentence: str, start: int, lang: str, known, cue: tuple[int, int], firms=frozenset()):
    """Names the list lacks, near the cue (:func:`_near`): two or three capitalised words (not in German, which
    capitalises every noun), public bodies and acronyms; a company the article introduced is no part of a name
    that follows it ("le chef d'Ionos Achim Weiß")."""
    out = []
    bodies = list(_BODY_RE.finditer(sentence))  # in every language: "das Department of Energy sagte"
    full = [
        m
        for m in _NAME_RE.finditer(sentence)
        if (lang != "de" or _german_person(sentence, m) or english_firm_start(m.group().split()) is not None)
        and not any(b.start() <= m.start() < b.end() for b in bodies)
    ]
    full += bodies
    if lang != "en":  # an English name in French or German text ("des Fachportals The Next Platform")
        full += [m for m in re.finditer(r"\bThe(?: [A-Z][\w&-]*){1,3}(?: (?:and|of) [A-Z][\w&-]*)?", sentence)]
        full += [m for m in _ENGLISH_BODY.finditer(sentence) if not m.group().startswith("The ")]
        full = [m for m in full if m.group() == m.group().strip()]
    acronyms = [m for m in _ACRONYM_RE.finditer(sentence) if not any(f.start() <= m.start() < f.end() for f in full)]
    found = [*full, *acronyms]
    for m in found:
        s, e, name = m.start() + start, m.end() + start, m.group()
        inside = [ke for ks, ke in known if ks <= s < ke]
        if inside and len(text_of := sentence[inside[0] - start : m.end()].split()) >= 2:
            name, s = " ".join(text_of), e - len(" ".join(text_of))  # "le président de Microsoft Brad Smith"
        elif inside:
            continue
        name, s = untitled(name, s)
        if lang == "de" and " " in name and re.fullmatch(_FIRM_NOUNS["de"], name.split()[0], re.IGNORECASE):
            name, s = name.split(" ", 1)[1], s + len(name.split()[0]) + 1  # "Investmentbank Jefferies"
        name, s = _without_german_head(name, s, lang)
        if not name:
            continue
        if lang == "de" and (k := english_firm_start(name.split())):  # "eines Sprechers von Dominion Energy"
            skipped = " ".join(name.split()[:k]) + " "
            name, s = name[len(skipped) :], s + len(skipped)
        words = name.split()
        portfolio = _PORTFOLIO_BEFORE.search(sentence, 0, s - start) if lang == "fr" else None
        if len(words) > 2 and (words[0] in firms or portfolio):  # "le ministre de l'Énergie Yerlan Akkenzhenov"
            name, s = name[len(words[0]) + 1 :], s + len(words[0]) + 1
        english = m.group().startswith("The ") and lang != "en"
        if len(words) > 1 and words[0] in _NOT_ACRONYMS and m in acronyms:  # "des GPU Nebius": not a name's part
            name, s, words = " ".join(words[1:]), s + len(words[0]) + 1, words[1:]
        if len(words) > 1 and words[0] in _CONJUNCTIONS:  # "When Microsoft first showed interest": Microsoft
            name, s, words = " ".join(words[1:]), s + len(words[0]) + 1, words[1:]
        if len(words) > 1 and _FRENCH_PARTICIPLE.fullmatch(words[0]):  # "Baptisée LillyPod, la machine": LillyPod
            name, s, words = " ".join(words[1:]), s + len(words[0]) + 1, words[1:]
        if (_opens_no_name(words) and m not in bodies and not english) or name.upper() in _NOT_ACRONYMS:
            continue
        if _near(sentence, start, (s, e), cue):
            out.append((name, s, e))
    return out


_AFTER_CONJUNCTION = re.compile(  # (or a relative pronoun: "an 830-megawatt plant that Ashtrom told the exchange")
    r"\b(?:after|before|when|while|since|because|although|as|that|which|après|avant|quand|lorsque|puisque)"
    r"\s+([A-Z][\w&-]+)\s+(?:has\s+|had\s+|have\s+)?$"
)
_OWNER_OF_DOCUMENT = re.compile(
    r"\s*([A-Z][\w&-]+(?: [A-Z][\w&-]+)?)['’]s\s+(?:[a-z-]+\s+)?(?:prospectus|filing|report|statement|accounts"
    r"|presentation|figures|data|website|annual report|blog post|letter)\s+$"
)
_PLURAL_NOUN = re.compile(r"[a-z](?:ers|ors|ists|ants|ents|ies|ives|ians|eurs|iens)$")


def _common_plural(word: str, text: str) -> bool:
    """'Manufacturers announced', 'Analystes': a plural noun opening a sentence, unless the article also writes it
    capitalised inside a sentence, as a name."""
    return _PLURAL_NOUN.search(word) is not None and not re.search(rf"[a-z,] {re.escape(word)}\b", text)


_FOUNDED_SUBJECT = re.compile(
    r"(?:^\s*|:\s+)([A-Z][\w&-]+),\s+(?:founded|created|set up|started|fondée?|créée?|lancée?)\s[^,;:]{0,80},\s+"
    r"(?:(?:a|has|had|avait)\s+)?$"
)


_PAIRED_OPENER = {
    lang: re.compile(rf"\s*([A-Z][\w&-]+)\s+{joint}\s+{partner}\s+(?:{aux}\s+)?$")
    for lang, joint, partner, aux in (
        ("en", "and", r"[A-Z][\w&-]+(?: [A-Z][\w&-]+){0,2}", "have|had|has"),
        ("fr", "et", rf"[{_UP}][\w&-]+(?: [{_UP}][\w&-]+){{0,2}}", "ont|avaient|auraient"),
        ("de", "und", r"(?:[A-Z]{2,}|[A-Z][\w&-]+(?: [A-Z][\w&-]+){1,2})", "hatten|haben"),
    )
}


_OUTLET_TYPED = re.compile(
    rf"(?:\b[Ll]e |\b[Ll]a |\b[Ll]['’]|\b[Tt]he |\b[Dd]er |\b[Dd]as |\b[Dd]ie )(?:[a-z]+ )?(?:site (?:spécialisé"
    rf"|d['’]informations?|web)|trade site|news site|journal|quotidien|magazine|hebdomadaire|newsletter|website|daily"
    rf"|Fachportal|Fachdienst|Branchendienst|Portal)(?: [a-zé-]+){{0,2}} ([{_UP}][\w&'’.-]+)"
    rf" (?:(?:had|has|have|a|avait|hatte|hat) )?$"
)


_OWN_ACCOUNT_SUBJECT = re.compile(
    r"\b(?:hat|hatte|haben|hatten|ist|war|sind|waren|will|wollte|soll|sollte|wird|kann|konnte)\s+"
    r"([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})\s+$"
)
_DESCRIBED_OPENER = re.compile(
    r"\s*(?:Its|Their|His|Her|A|An|The)\s+(?:[A-Z][\w-]*\s+)?(?:(?!(?:of|for|and|on|in|at|with|to|from|by|into)\b)[a-z][\w-]*\s+){1,2}"
    r"([A-Z][\w&-]+)\s+(?:(?:has|had|have)\s+)?$"  # (not "The Bank of England said")
    # "Son voisin bâlois Novartis avait promis"
    r"|\s*(?:Son|Sa|Ses|Leur)\s+[a-zà-ÿ-]+\s+(?:[a-zà-ÿ-]+\s+)?([A-Z][\w&-]+)\s+$"
)
# a time that opens a sentence before its subject, with no comma ("In October Stellantis said", "Last year Merck said")
_TIME_LEAD = (
    r"(?:(?:In|On|By|Last|This|Earlier|Early|Late|Since|En|Le|Début|Fin|Depuis)\s+(?:(?:early|late|mid-|the|last)\s+)?"
    rf"(?i:{_WEEKDAY_NAMES}|{MONTHS['en'].replace(' ', '|')}|{MONTHS['fr'].replace(' ', '|')}"
    r"|year|month|week|summer|spring|autumn|winter|année|semaine)(?:\s+\d{4})?\s+|(?:In|En|Since|Depuis)\s+\d{4}\s+)"
)
_OPENING_WORD = re.compile(  # (or opening the clause after a colon: "... leave room to grow: Lefdal has said")
    r"(?:[^:;“”\"«»„]*:)?\s*" + _TIME_LEAD + rf"?(?:[A-Z][a-z]+['’]s\s+)?([{_UP}][\w&-]+)"  # "Ørsted said"
    r"(?:,\s+(?:a|an|the|its|[A-Z][\w-]*['’]s)\s[^,.;:“”\"«»„]{1,60},)?\s+(?:(?:has|had|have)\s+)?$"
)


# German: a name of one to three capitalised words that opens the sentence straight before its verb, or before the
# auxiliary of a verb-final one ("Siemens sagte", "Eli Lilly hatte im März zugesagt", "Delta Air Lines bezifferte")
_GERMAN_OPENER = re.compile(
    rf"\s*([{_UP}][\w&-]+(?: (?:&|[{_UP}][\w&-]+)){{0,2}})\s+(?:(?:hat|hatte)\s[^,.;:“”\"«»„]{{0,60}})?$"
)
# what opens a German sentence before an inverted subject: adverbs and times ("Zuletzt meldete Nvidia")
_GERMAN_ADVERBS = {"Zuletzt", "Inzwischen", "Dort", "Derzeit", "Allerdings", "Jetzt", "Gestern", "Heute", "Bislang",
                   "Bisher", "Morgen", "Damals", "Später", "Zunächst", "Anschließend", "Zudem", "Vergangene",
                   "Vergangenen", "Letzte", "Letzten", "Nächste", "Mitte", "Anfang", "Ende", "Dabei", "Dafür", "Daher",
                   "Deshalb", "Trotzdem", "Damit", "Danach", "Dazu", "Demnach", "Offenbar", "Immerhin", "Erst",
                   "Erstmals", "Künftig", "Nun", "Kürzlich", "Jüngst", "Unterdessen", "Indes", "Zugleich",
                   "Gleichzeitig", "Ebenfalls", "Ursprünglich", "Hier", "Hierzulande", "Dennoch",
                   "Schließlich"}  # fmt: skip


def _german_opener(text: str, sent: tuple[int, int], cue: tuple[int, int]) -> re.Match | None:
    """:data:`_GERMAN_OPENER`, where it is a name: not a noun (German capitalises them), so it recurs in the article,
    or is one word that is an acronym or has a capital inside ("Siemens", "KPMG", "CoreWeave"); not an adverb or a
    time before an inverted subject ("Zuletzt meldete Nvidia", "Vergangene Woche sagte Siemens"), nor the subject of a
    plural verb ("Analysten erwarten": one company takes the singular)."""
    m = _GERMAN_OPENER.match(text[sent[0] : cue[0]])
    if m is None:
        return None
    words = m.group(1).split()
    # (a plural verb, "erwarten", only without an auxiliary: "hat ... angegeben" is a participle; "Stadtwerke Leipzig
    # rechnen" is one company)
    if len(words) == 1 and not re.search(r"\bhat(?:te)?\b", m.group()) and re.match(r"\w+en\b", text[cue[0] : cue[1]]):
        return None
    if words[0] in _NOT_NAMES | _NOT_SUBJECT_NAMES | _GERMAN_LEADS | _GERMAN_ADVERBS | _NOT_ACRONYMS:
        return None
    if _GERMAN_HEAD.fullmatch(words[-1]):
        return None
    recurs = len(re.findall(rf"(?<![\w-]){re.escape(m.group(1))}(?![\w-])", text)) >= 2
    if len(words) == 1:
        return m if recurs or re.fullmatch(r"[A-Z]{2,}|[A-Z]\w*[a-z][A-Z]\w*", words[0]) else None
    # (a name of several words, the article's again, with no title before it: not "Konzernchef Jensen Huang",
    # "Konkurrent Bell Canada", "Mitte Juli")
    return m if recurs and untitled(m.group(1), 0)[1] == 0 else None


# common nouns written with a capital in wire copy, no name ("The Government has said", "The CEO has said")
_COMMON_CAPITALISED = {"Government", "Company", "Ministry", "Commission", "Treasury", "CEO", "President", "Board",
                       "Foundation", "Department", "Council", "Bank", "Minister", "Centre", "Center", "Agency",
                       "Authority", "Group", "Court", "Police", "Army", "State", "City", "Province", "Region", "Union",
                       "Parliament", "Senate", "Congress", "Cabinet", "Chairman", "Chancellor", "Secretary", "Governor",
                       "Mayor", "Premier", "Firm", "Operator", "Regulator", "Utility", "Administration",
                       "Office"}  # fmt: skip


def _described_subjects(text: str, sent: tuple[int, int], cue: tuple[int, int], lang: str) -> list:
    """Subjects told by what stands around them: German "hat Orange Jordan nach eigenen Angaben", the name after the
    noun that describes it ("Its Basel neighbour Novartis had pledged", "Son voisin bâlois Novartis avait promis")."""
    out = []
    # German: the name right after the verb that "nach eigenen Angaben" follows ("Im Nachbarland hat Orange Jordan
    # nach eigenen Angaben ... gesteckt")
    own = (
        _OWN_ACCOUNT_SUBJECT.search(text, sent[0], cue[0])
        if lang == "de" and text[cue[0] : cue[1]].lower() in _OWN_ACCOUNT
        else None
    )
    if own and not set(own.group(1).split()) & _NOT_NAMES:
        name, at = untitled(own.group(1), own.start(1))  # "hat Vorstandschef Thomas Müller nach eigenen Angaben"
        out.append((name, at, own.end(1)))
    # "Its Basel neighbour Novartis had pledged", "The Swiss drugmaker Roche said": the name after the noun that
    # describes it, opening the sentence
    described = _DESCRIBED_OPENER.match(text[sent[0] : cue[0]]) if lang != "de" else None
    group = described and (1 if described.group(1) else 2)
    if described and described.group(group) not in _NOT_NAMES | _NOT_SUBJECT_NAMES:
        out.append((described.group(group), sent[0] + described.start(group), sent[0] + described.end(group)))
    return out


# a German document of a name ("Amazons Jahresbericht", "Siemens' Geschäftsbericht")
_GERMAN_DOCUMENT = re.compile(
    r"([A-Z][\w&]*?)(?:['’]? |-)(?:Jahres|Geschäfts|Quartals)?(?:[Bb]ericht|[Mm]itteilung|[Bb]erechnungen|[Aa]ngaben"
    r"|[Dd]aten|[Zz]ahlen|[Ss]chätzungen?|[Ss]tudie|[Aa]nalyse|[Pp]rognose)"
)


def _german_document(name: str, at: int) -> tuple[str, int, int] | None:
    """A German document of a name after the verb is the name's ("laut Amazons Jahresbericht": Amazon)."""
    document = _GERMAN_DOCUMENT.fullmatch(name)
    if document is None:
        return None
    owner = document.group(1)
    owner = owner[:-1] if owner.endswith("s") and owner[:-1] in _CANON else owner  # the genitive's "s"
    return _CANON.get(owner, owner), at, at + len(owner)


def _beside_the_verb(text: str, sent: tuple[int, int], cue: tuple[int, int], lang: str) -> list[tuple[str, int, int]]:
    """Names the list lacks, told by their place: a full name straight after the verb ("sagte Hassan Al Naqbi,
    Chef ..."), or one capitalised word opening the sentence before it (English and French: "Broadcom said")."""
    out = []
    after = (
        _NAME_AFTER_VERB.match(text, cue[1], sent[1])
        or (_GERMAN_WORD_AFTER_VERB if lang == "de" else _WORD_AFTER_VERB_LOOSE).match(text, cue[1], sent[1])
        or _LIST_AFTER_VERB.match(text, cue[1], sent[1])
        or (_FRENCH_AFTER_VERB.match(text, cue[1], sent[1]) if lang == "fr" else None)
    )
    name, at = untitled(after.group(1), after.start(1)) if after else ("", 0)
    name, at = _without_german_head(name, at, lang)  # "nach Zählung der Beobachtungsstelle Data Center Watch"
    if lang == "de" and (document := _german_document(name, at)) is not None:
        out.append(document)
        after = None
    # not a German noun phrase ("schätzt Metas Gesamtinvestition auf"): the verb's object
    noun = lang == "de" and any(  # a long word (not "Carsten Jung", "Kevin Chung")
        len(w) >= 9 and re.search(r"(?:ung|heit|keit|schaft|tion|tät|ismus|nisse?)$", w) for w in name.split()
    )
    if after and name and name.split()[0] not in set(_TITLES) | _NOT_NAMES and not names_in(name) and not noun:
        out.append((name, at, after.end(1)))
    # (after its country's possessive: "Algeria's Sonelgaz says")
    out += _described_subjects(text, sent, cue, lang)
    # (before an auxiliary, or its apposition set off: "Sudatel, Sudani's parent, has said")
    first = _OPENING_WORD.match(text[sent[0] : cue[0]]) if lang != "de" else _german_opener(text, sent, cue)
    # or the first of two joined names ("Toyota and NTT said", "Toyota et NTT ont promis"; in German only before an
    # acronym or a name of two words or more, not "Bund und Länder")
    first = first or _PAIRED_OPENER[lang].match(text[sent[0] : cue[0]])
    if first and first.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES and not _common_plural(first.group(1), text):
        out.append((first.group(1), sent[0] + first.start(1), sent[0] + first.end(1)))
    # or one opening the sentence (or the clause after a colon) before how it was founded, set off ("Groq, founded
    # by former Google engineers, announced", "... : Groq, fondé par d'anciens ingénieurs, a de son côté annoncé")
    founded = _FOUNDED_SUBJECT.search(text[sent[0] : cue[0]]) if lang != "de" else None
    if founded and founded.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES:
        out.append((founded.group(1), sent[0] + founded.start(1), sent[0] + founded.end(1)))
    # or an outlet named after what it is, just before the verb ("Le site spécialisé DCmag évaluait", "The trade site
    # DCmag had put the cost")
    outlet = _OUTLET_TYPED.search(text, sent[0], cue[0])
    if outlet and outlet.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES:
        out.append((outlet.group(1), outlet.start(1), outlet.end(1)))
    # or the company whose document speaks ("Cerebras's prospectus showed", "Nvidia's filing says")
    owner = _OWNER_OF_DOCUMENT.match(text, sent[0], cue[0]) if lang == "en" else None
    if owner and owner.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES:
        out.append((owner.group(1), owner.start(1), owner.end(1)))
    # or after a conjunction inside the sentence ("three days after Cerebras said", "quand Nvidia a annoncé")
    inner = _AFTER_CONJUNCTION.search(text[sent[0] : cue[0]]) if lang != "de" else None
    if inner and inner.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES and not _common_plural(inner.group(1), text):
        out.append((inner.group(1), sent[0] + inner.start(1), sent[0] + inner.end(1)))
    set_off = (
        re.search(rf",\s+([{_UP}][\w&-]+),\s+(?:(?:qui|who|which)\s+(?:\w+\s+)?)?$", text[sent[0] : cue[0]])
        if lang != "de"
        else None
    )  # "..., Elering, estime", "..., Viettel, qui avait annoncé"
    # not a place after its town ("the cluster around Hillsboro, Oregon, said")
    set_off = None if set_off and re.search(r"\b[A-Z][\w-]*$", text[sent[0] : sent[0] + set_off.start()]) else set_off
    if (
        set_off and set_off.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES
    ):  # "Le gestionnaire du réseau, Elering, estime"
        out.append((set_off.group(1), sent[0] + set_off.start(1), sent[0] + set_off.end(1)))
    opening = re.fullmatch(
        r"\s*(?:The|La|Le)\s+((?:[A-Z][\w&-]*\s+){1,4})((?:has|had|have)\s+)?", text[sent[0] : cue[0]]
    )
    # (before an auxiliary, no common noun: not "The Government has said", "The CEO has said"; "The Kremlin has said")
    if opening and opening.group(2) and opening.group(1).strip() in _COMMON_CAPITALISED:
        opening = None
    if opening:  # "The Greater Memphis Chamber says ...", "La Greater Memphis Chamber dit que", "The ... Bank has said"
        name = opening.group(1).strip()
        out.append((name, sent[0] + opening.start(1), sent[0] + opening.start(1) + len(name)))
    outlet = re.search(
        rf"[,;]\s+(?:the\s+)?((?:The\s+)?[{_UP}][\w&-]+(?:\s+[A-Z][\w&-]+)*)\s+(?:has\s+|had\s+|have\s+)?$",
        text[sent[0] : cue[0]],
    )
    if outlet and lang == "de" and re.search(r"-[a-zäöü]", outlet.group(1)):
        outlet = None  # "Das Boise, Idaho-basierte Unternehmen sagte": a German adjective and noun, not a name
    if outlet:  # "..., The Advocate reported", "..., the Philadelphia Inquirer reported": an outlet's name
        name, at = untitled(outlet.group(1), sent[0] + outlet.start(1))  # not "Chief Executive Jensen Huang"
        out.append((name, at, sent[0] + outlet.end(1)))
    return out + (_wie_person(text, sent, cue) if lang == "de" else [])


# German "wie" and a person's full name before the verb at the clause's end, an office set off after it ("wie Kaimar
# Karu, Minister für Außenhandel, beim Spatenstich sagte", "wie Angela Merkel sagte")
_WIE_PERSON = re.compile(rf"\bwie\s+({_NAME_WORDS})(?:,[^,;:.]{{2,90}},)?\s+(?:[\w-]+\s+){{0,4}}$")


def _wie_person(text: str, sent: tuple[int, int], cue: tuple[int, int]) -> list[tuple[str, int, int]]:
    m = _WIE_PERSON.search(text, sent[0], cue[0])
    if m is None:
        return []
    name, at = untitled(m.group(1), m.start(1))
    name = _before_time_word(name)  # "wie Finanzchef Vaibhav Taneja Ende Januar sagte"
    if len(name.split()) < 2 or name.split()[0] in _NOT_NAMES | _NOT_SUBJECT_NAMES or names_in(name):
        return []
    return [(name, at, at + len(name))]


# "Analysts at Mizuho", "Les analystes de Mizuho", "die Analysten von Jefferies": a firm, whatever its name
# a word of a firm's name: a full stop inside it or after an initial ("D.A. Davidson"), never the sentence's ("der DZ
# Bank.")
_FIRM_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w)|(?<=\b[A-Z])\.)*"
_ANALYSTS_AT = re.compile(
    r"\b(?:[Aa]nalysts? (?:at|of|from)|[Ss]trategists (?:at|of)|[Aa]nalystes (?:de|d['’]|chez|à)"
    r"|[Ss]tratèges (?:de|d['’])|[Aa]nalystes interrogés par|Analysten (?:von|der|des))\s+(?:the |la |le |l['’])?"
    r"(?:Investmentbank |US-Bank |Bank )?"
    rf"({_FIRM_WORD}(?: {_FIRM_WORD})?)"
)


# "Citigroup analysts wrote", "Bernstein-Analyst": the firm before its analysts
_NAME_ANALYSTS = re.compile(
    rf"(?<![\w-])((?!(?:The|Les|Die|Der)\b){_FIRM_WORD}(?: {_FIRM_WORD})?)"
    r"(?: |-)(?:analysts|strategists|economists|Analysten)\b"
)


_ANALYSTS = (_ANALYSTS_AT, _NAME_ANALYSTS)  # where a firm's analysts are named


def _named_by(text: str, *patterns: re.Pattern) -> list[tuple[int, str]]:
    """(offset, name as the list writes it) of the name each of ``patterns`` captures in ``text`` (group 1)."""
    return [(m.start(1), _CANON.get(m.group(1), m.group(1))) for p in patterns for m in p.finditer(text)]


# "the association said", "der Beobachter": a noun that names what an earlier name is, by its own last word ("the
# Mexican Association of Data Centers") or by an apposition ("Monitoring Analytics, the firm that serves as the grid
# operator's independent market monitor"; German compounds end with it: "der unabhängige Marktbeobachter")
_EPITHET = re.compile(
    r"\b(?:[Tt]he|[Ll]e|[Ll]a|[Ll]['’]|[Dd]er|[Dd]ie|[Dd]as|[Dd]es)\s?"
    r"((?:association|commission|authority|agency|council|monitor|regulator|institute|laboratory|ministry|bureau"
    r"|consortium|foundation|autorité|agence|conseil|institut|laboratoire|fondation|[Vv]erband|[Vv]erbunds?"
    r"|[Bb]eobachter|[Ii]nstitut|[Ss]tiftung|surveillant))\b(?!\s+(?-i:[A-Z]))"
)


_WORD = rf"[{_UP}][\w&'’.-]*"
# "Union of ... Scientists" (opening with a capital: not "of the current pair, Belenos and Taranis, ..., the agency")
_NAME_WORDS_OF = rf"{_WORD}(?: (?:{_WORD}|of|for|and|de|du|des))*"
_ARTICLES = r"(?:the|a|an|le|la|l['’]|der|die|das|ein|eine)"


def _epithets(text: str, sentence: str, start: int) -> list[tuple[str, int, int]]:
    """The name each :data:`_EPITHET` in ``sentence`` stands for: the last name before it that ends with the noun
    ("the Mexican Association of Data Centers") or is set beside it ("Monitoring Analytics, the firm that serves as
    ... monitor")."""
    out = []
    for m in _EPITHET.finditer(sentence):
        noun = m.group(1)
        noun = noun[:-1] + "s?" if noun.endswith("s") else noun  # "des Verbunds" for "ein Verbund"
        before = text[: start + m.start()]
        # the noun ends the name, or its adjective opens the rest ("the regulator": Nuclear Regulatory Commission)
        own = rf"((?:{_WORD} (?:(?:of|for|and) )?)*(?i:{noun})(?:\b|(?-i:y|ory)(?: {_WORD})+)"
        own += rf"(?: (?:of|for) {_WORD}(?: (?:and )?{_WORD})*)?)"
        owned = [f for f in re.finditer(own, before) if f.group(1)[0].isupper() and " " in f.group(1)]  # not "Verbund"
        # (the article a whole word: not the "a" of "Belenos and Taranis")
        article = rf"{_ARTICLES}(?:(?<=['’])|(?!\w))"
        beside = rf"(?<!die )(?<!der )(?<!das )({_NAME_WORDS_OF}),? (?:\([A-Z]+\),? )?{article}\s?"
        # not "Joseph Bowring, the monitor's president": the noun owns the apposition, it is not it
        apposed = list(re.finditer(beside + rf"(?:[\w'’,-]+ ){{0,12}}?\w*(?i:{noun})\b(?!['’]s\b)", before))
        # or the noun first and the name set off after it ("its independent market monitor, Monitoring Analytics,")
        # (not a list: "Apart from the agency, Google, Meta and Amazon")
        apposed += re.finditer(
            rf"(?<!\w)\w*(?i:{noun})(?: [a-zà-ÿ'’-]+){{0,3}}, ({_NAME_WORDS_OF})(?=\s*[,.;])"
            r"(?!,\s*[A-Z][\w&-]*\s*(?:,|and\b))",
            before,
        )
        found = sorted([(f.start(1), f.group(1)) for f in owned + apposed], key=lambda x: x[0])
        if found:
            name = re.sub(r"^(?:The|Le|La|Les|Der|Die|Das) ", "", found[-1][1])
            out.append((untitled(name)[0], start + m.start(1), start + m.end()))
    return out


_OUTLET_QUOTED = re.compile(
    r"(?i:\b(?:[\w-]*zeitung|[\w-]*blatt|[\w-]*magazin|newspaper|journal|daily|magazine|quotidien|hebdomadaire"
    r"|journal|revue|site|portal)(?:e?s)?|\b(?:der|die|das)(?=\s*„))\s*[„“\"«]\s?([A-Z][^“”\"«»„]{1,40}?)\s?[“”\"»]"
)  # and a title in German quotation marks after its article ("wie der „Kansas City Star“ berichtete")


def _without_genitive(name: str) -> str:
    """A listed outlet's name in the German genitive, without its "s" („Handelsblatts“ -> Handelsblatt)."""
    return _CANON.get(name[:-1], name) if name.endswith("s") else name


def _outlets_quoted(text: str, sentence: str, start: int, cue: tuple[int, int]) -> list[tuple[str, int, int]]:
    """Outlets named in quotation marks after what they are ("wie die Zeitung „El Español“ berichtete", "le quotidien
    « La Tribune » a rapporté"): the span runs from the noun to the closing mark, so that the verb stands beside it. A
    title after its article alone names the verb's subject only right before the verb ("wie der „Kansas City Star“
    berichtete"), not a project or a company the article quotes ("das „SB OpenAI Japan“")."""
    out = []
    for m in _OUTLET_QUOTED.finditer(sentence):
        bare = m.group().lower().startswith(("der", "die", "das"))
        if bare and not re.fullmatch(r"\s*(?:\w+\s+){0,2}", text[start + m.end() : cue[0]]):
            continue
        name = m.group(1)
        name = _without_genitive(name)
        out.append((_CANON.get(name, name), start + m.start(), start + m.end()))
    return out


def _papers(text: str, sentence: str, start: int, cue: tuple[int, int]) -> list[tuple[str, int, int]]:
    """Papers the list lacks, named in quotation marks or after what they are ("le quotidien Calcalist chiffre", "The
    Israeli business daily Calcalist reported"): names, not a company "the company" may stand for."""
    named = [(n, start + a, start + a + len(n)) for a, n in _named_by(sentence, _OUTLET_NAMED)]
    return _outlets_quoted(text, sentence, start, cue) + named


_COUNTRY_SPEAKS = re.compile(
    r"\s*(?:(?:and|et|und)\s+(?:l['’]|la |le |les )?[A-ZÉ][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+)?"
    r"(?:(?:has|had|have|a|avait|ont|avaient|hat|hatte)\s+)?"
)
# or right after its cue ("a indiqué le Gabon", "Selon le Maroc,")
_COUNTRY_AFTER_CUE = re.compile(r"\s*(?:\w+\s+)?(?:l['’]|le |la |les |the )?")


def _no_place_nor_article(found, text: str, cue: tuple[int, int]):
    """The candidates ``found`` less the countries that are not the verb's own subject and the names an article or a
    possessive opens."""
    found = [
        c
        for c in found
        if c[0] not in country_names()
        or (c[2] <= cue[0] and _COUNTRY_SPEAKS.fullmatch(text, c[2], cue[0]))
        or (c[1] >= cue[1] and _COUNTRY_AFTER_CUE.fullmatch(text, cue[1], c[1]))
    ]
    # an article or a possessive opens no name ("A Beijing start-up", "Its Basel neighbour Novartis")
    return [c for c in found if not re.match(r"(?:A|An|Its|Their|His|Her|Our)\s", c[0])]


def _kept(found, text: str, start: int, quotes, low_cue: str, memory: Memory):
    """The candidates ``found`` that may speak for a cue (``low_cue``, lower-cased): none inside a quotation (unless it
    is the name) nor an event, nor the head of a company, an interviewer, a name inside a longer one, a document's
    addressee or a thing's acronym."""
    # not inside a quotation, unless the quotation is the name itself ("das „Wall Street Journal“")
    found = [
        c for c in found
        if not any(qs <= c[1] < qe and text[qs:qe].strip() != text[c[1] : c[2]] for qs, qe in quotes)
        and not _EVENT.search(c[0])
    ]  # fmt: skip
    # a region in brackets after its town ("le groupe de Charlotte (Caroline du Nord)") is no speaker
    found = [c for c in found if not re.search(r"\b(?:de|d['’]|of|in|aus)\s+[A-Z][\w-]+\s+\($", text[: c[1]])]
    # a person who heads the company the verb names is no speaker ("a précisé le groupe dirigé par Clay Magouyrk")
    found = [c for c in found if not _HEADED_BY.search(text, max(start, c[1] - 80), c[1])]
    # the one interviewed speaks, not the one who interviews ("it said in an interview with Transport Minister ...")
    found = [c for c in found if not _INTERVIEWER.search(text, max(start, c[1] - 60), c[1])]
    # a name inside a longer one gives way to it ("The Globe" in "The Globe and Mail", "Digital Infrastructure" in
    # "Primary Digital Infrastructure")
    found = [c for c in found if not any(_inside_name(c, d, text) for d in found)]
    # "aus dem Bericht des Konzerns an die US-Börsenaufsicht SEC": the document's addressee does not speak
    if low_cue in ("hervorgeht", "hervorging", "hervor"):
        found = [c for c in found if not _RECIPIENT.search(text, 0, c[1])]
    found = [c for c in found if c[0] not in memory.terms]  # "The CMBS deal ..., according to the company"
    return found


def _candidates(text: str, sent: tuple[int, int], quotes, cue: tuple[int, int], lang: str, memory: Memory):
    start, sentence = sent[0], text[sent[0] : sent[1]]
    for pattern in _ANALYSTS:
        for m in pattern.finditer(sentence):
            memory.firms.add(_CANON.get(m.group(1), m.group(1)))
            memory.names.setdefault(m.group(1), _CANON.get(m.group(1), m.group(1)))
    described = _described(text, sentence, start, memory)
    epithets = _epithets(text, sentence, start)
    if lang == "de":  # German bodies are read by their own rules ("die Behörde", "die Kommission")
        epithets = [c for c in epithets if re.search(r"(?i)verb\w*|beobachter|institut|stiftung", text[c[1] : c[2]])]
    described += [c for c in epithets if not any(d[1] <= c[1] < d[2] or c[1] <= d[1] < c[2] for d in described)]
    # a name inside a description is the parent, not the speaker ("die Amazon-Tochter")
    found = [c for c in names_in(sentence, start, memory.names) if not any(a <= c[1] < b for _, a, b in described)]
    found += described
    found += _unlisted(sentence, start, lang, [(s, e) for _, s, e in found], cue, memory.firms)
    taken = {s for _, s, _ in found}
    found += [c for c in _beside_the_verb(text, sent, cue, lang) if c[1] not in taken]
    # a name the list lacks that opens this sentence and recurs in the article ("Oklo, which went public ..., has
    # said"), in English and French
    taken = {s for _, s, _ in found}
    if lang != "de":
        found += [c for c in _openers(text) if sent[0] <= c[1] < cue[0] and c[1] not in taken]
    low_cue, titles = text[cue[0] : cue[1]].lower(), []
    if _after_cue(low_cue) and not any(s >= cue[1] for _, s, _ in found):
        # "selon le fournisseur DTE": a name the list lacks, the last capitalised word before the clause ends
        clause = re.match(r"(?:St\.\s|[^,.;:])*", text[cue[1] : sent[1]]).group()  # "St. Louis Public Radio"
        if lang == "de":  # "laut einer Analyse des Immobilienberaters Colliers": the document's author
            document = re.match(r"\s*(?:einer|einem|dem|der|den)\s+[A-ZÄÖÜ]\w+\s+(?:des|der|von)\s", clause)
            clause = " " * document.end() + clause[document.end() :] if document else clause
        else:
            document = None
        words = _clause_names(clause, lang)
        # not the company's own platform or product ("figures that Terna publishes on its Econnextion portal")
        words = [w for w in words if not _OWN_THING.search(clause, 0, w.start())] or words
        if words and lang == "de" and (low_cue.endswith(("von", "des", "der", "laut")) or document):  # "... von X"
            words = [w for w in words if w.start() <= 2 or clause[: w.start()].strip().islower()][:1] or words[:1]
        titled = re.search(  # "laut „Globes“", "der Wirtschaftszeitung „Globes“"
            r"(?:^\s*|[Zz]eitung|[Jj]ournal|newspaper|daily|quotidien|Blatt)\s*[„“\"«]\s?([^“”\"»]{3,40}?)\s?[“”\"»]",
            clause,
        )
        if titled:  # "laut der Zeitung „El Periódico de Aragón“" (a name in quotation marks)
            title = titled.group(1)
            title = _without_genitive(title) if lang == "de" else title
            titles.append((title, cue[1] + titled.start(1), cue[1] + titled.end(1)))
            words = []
        if words and (full := _named_before(text, words[-1].group(), cue[0])):  # "des Forschungszentrums" (Jülich)
            found.append((full, cue[1] + words[-1].start(), cue[1] + words[-1].end()))
            words = []
        if words:
            name, at = untitled(words[-1].group(), cue[1] + words[-1].start())
            name, at = _without_german_head(name, at, lang)
            plain = name not in _NOT_NAMES and name != ""  # not "Mrd" ("20 Mrd. d'euros")
            # "nach Angaben von Siemens": one word straight after "von" is a name, not a plural ("von Experten")
            named = low_cue.endswith("von") and words[-1].start() <= 2 and _german_name_word(name)
            # "laut Tallgrass": one word straight after "laut" that the article writes elsewhere too (not "laut Plan")
            named = named or (
                low_cue == "laut" and words[-1].start() <= 2 and _german_name_word(name)
                and len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)) >= 2
            )  # fmt: skip
            # "des Betreibers Holtec"
            if plain and (lang != "de" or name.isupper() or name != words[-1].group() or named):
                found.append((name, at, cue[1] + words[-1].end()))
    taken = {s for _, s, _ in found}
    found += [c for c in _papers(text, sentence, start, cue) if c[1] not in taken]
    found = _kept(found, text, start, quotes, low_cue, memory)
    # a country is a place, not a voice ("data centres in the United States and Europe, the Swiss drugmaker said"),
    # unless it is the verb's own subject ("Gabon said", "Le Gabon affirme", "Saudi Arabia and Syria announced")
    found = _no_place_nor_article(found, text, cue)
    found = [_with_possessive_tail(c, text) for c in found] + titles
    # a ministry by its portfolio, by its country's official English name (not the list's US department for every
    # "Energieministerium"), in place of any name its words hold ("US Commerce Department"); its plain name
    # ("Ministry of Science") yields to the list's ("le ministère de la Science, de l'Innovation et de la
    # Technologie" is the UK's)
    over = lambda c, m: m[1] <= c[1] < m[2] or c[1] <= m[1] < c[2]  # noqa: E731
    ministries = [m for m in ministries_in(text, lang, start, start + len(sentence))
                  if not (m[0] in PLAIN_NAMES and any(over(c, m) and _listed_not_us(c[0]) for c in found))]  # fmt: skip
    return [c for c in found if not any(over(c, m) for m in ministries)] + ministries


# a name that goes on past a possessive to an office's noun ("Office of People's Counsel", "Licking County Auditor's
# Office"): the whole of it speaks
_POSSESSIVE_TAIL = re.compile(r"['’]s (?:Office|Counsel|Department|Bureau|Chambers)\b")


def _with_possessive_tail(c: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    name, s, e = c
    tail = _POSSESSIVE_TAIL.match(text, e)
    if tail is None or text[s:e] != name or name in _CANON:  # not "Google's Office"
        return c
    return name + tail.group(), s, tail.end()


def _clause_names(clause: str, lang: str) -> list[re.Match]:
    """The capitalised words after a cue that may name its source: "St. Louis Public Radio", "du Politecnico di
    Milano", "Invest in Denmark"; a name may open with digits ("3i", "selon le site 404 Media"; not German "5
    Gigawatt", a noun)."""
    units = r"Mrd|Mio|Md|Milliard|Million|Billion|[GMkT]W|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Annual"
    digits = rf"(?!(?:19|20)\d\d )\d{{1,4}} (?=[A-Z])(?!{units})" if lang != "de" else r"(?!)"
    found = re.finditer(
        rf"(?<![\w-])(?:(?:St\. |{digits})?[A-Z][\w&-]*|\d{{1,2}}(?!st|nd|rd|th|er|bn)[a-z]{{1,2}}\b)"
        r"(?: (?:(?:di|de|del|della|in|of|for) )?[A-Z][\w&-]*)*",
        clause,
    )
    out = []
    for m in found:  # "Invest in Denmark" is one name; "Reuters in London" is a known name and a place
        if m.group().upper() in _NOT_ACRONYMS:  # a unit or a common acronym ("jusqu'à 1 000 MW", "IT load")
            continue
        head, _, place = m.group().partition(" in ")
        if place and (head in _CANON or place.split()[0] in _PLACES):
            m = re.compile(re.escape(head)).match(clause, m.start())
        out.append(m)
    return out


_INTERVIEWER = re.compile(
    r"\b(?:interview with|entretien avec|entrevue avec|Interview mit|Gespräch mit)\s+(?:\S+\s+){0,3}$", re.IGNORECASE
)
_HEADED_BY = re.compile(
    r"\b(?:dirigée?s? par|led by|run by|headed by|geführt von|unter (?:der )?Leitung von)[^,.;:]*$"
    # and its owners, names only between ("the European operator backed by Liberty Global and DigitalBridge said":
    # the operator; not "owned by a local utility and Microsoft said")
    r"|\b(?:backed by|owned by|controlled by|soutenue? par|détenue? par|contrôlée? par|im Besitz von)"
    r"(?:\s+(?:the\s+)?[A-Z][\w&'’.-]*|\s+(?:and|et|und|&))*\s*$"
)


def _inside_name(c, d, text: str) -> bool:
    """``c`` lies inside the longer candidate ``d``, at its start, or anywhere where ``d`` is capitalised words alone
    (a name, not a description such as "des texanischen Netzbetreibers Ercot")."""
    if not (d[1] <= c[1] and c[2] <= d[2] and d[2] - d[1] > c[2] - c[1]):
        return False
    return d[1] == c[1] or re.fullmatch(r"[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)+", text[d[1] : d[2]]) is not None


_RECIPIENT = re.compile(r"\b(?:an|bei|beim)\s+(?:die\s+|der\s+|den\s+|dem\s+)?(?:[\w-]+\s+)?$")


_OWN_THING = re.compile(
    r"\b(?:its|their|sa|son|ses|leur|leurs|dessen|deren|seiner|seinem|ihrer|ihrem)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)


def _named_before(text: str, word: str, before: int) -> str | None:
    """A German genitive noun that heads a name the article gave in full before ("nach Angaben des
    Forschungszentrums", after "im Forschungszentrum Jülich")."""
    base = re.sub(r"e?s$", "", word)
    if " " in word or len(base) < 5:
        return None
    m = re.search(rf"\b{re.escape(base)} ([A-Z][\w-]+)", text[:before])
    if m is None:
        return None
    return m.group(1) if _TYPE_NOUN.fullmatch(base) else m.group()  # "des Netzbetreibers" (Ercot), not its type


def _first_of_list(pick, cands, text: str, sentence_start: int, firms: set[str], cue: int | None = None):
    """ "OpenAI, SoftBank and Oracle announced": the first company of a list that opens the sentence and is joined by
    "and" (a person or a description stays; "... in OpenAI, Reuters reported" is no list)."""
    if speaker_type(pick[0], firms) != "organization" or _DESCRIPTIONS.fullmatch(text[pick[1] : pick[2]]):
        return pick
    chain, links = [pick], []
    for c in sorted(cands, key=lambda c: -c[1]):
        link = text[c[2] : chain[-1][1]]
        # the rest of a name the list lacks may stand in the link ("Blue Owl Capital and Primary Digital ...")
        if c[2] <= chain[-1][1] and re.fullmatch(r"(?:\s[A-Z][\w&-]*)?(?:,\s*|,?\s+(?:and|et|und)\s+)", link):
            chain.append(c)
            links.append(link)
    opens = re.fullmatch(r"\W*(?:[A-Z]\w*\s+)?", text[sentence_start : chain[-1][1]]) is not None
    # or one that ends right before its verb ("A year after OpenAI, Oracle and SoftBank promised")
    # or one that ends right before its verb ("after BorderPlex and Stack Infrastructure pledged")
    opens = opens or (cue is not None and len(chain) >= 2 and not text[chain[0][2] : cue].strip())
    if len(chain) > 1 and opens and any(re.search(r"\b(?:and|et|und)\b", link) for link in links):
        return chain[-1]
    return pick


# "hatte Alps als den leistungsstärksten Rechner angekündigt": "als" before an object's case or a superlative is
# "as", no conjunction that opens a verb-final clause
_ALS_AS = re.compile(r"(?:den|dem|einen|einem|[a-zäöü]+ste[nmr]?)\b")


def _by_auxiliary(cands, cue: tuple[int, int], text: str, sentence_start: int):
    """German: the subject beside the sentence's last auxiliary before a verb-final cue: the name after it ("hatte
    Nvidia 18.000 Chips für Humain zugesagt", "als Moderator David Sacks ... schätzte"; not a place after a
    preposition, "hatte ... im Weißen Haus gespottet"), else the name just before it ("Masayoshi Son hat ...
    angekündigt") or the sentence's first name set off by an apposition before it ("DataVolt, eine Tochter der
    saudischen Holding Vision Invest, hat ... zugesagt")."""
    aux = [  # not the "als" of "mehr als" or "weniger als" ("mit mehr als zwölf Milliarden Euro ... gerechnet")
        m for m in _AUXILIARY.finditer(text, sentence_start, cue[0])
        if not (m.group().startswith("als") and re.search(r"\b(?:mehr|weniger)\s+$", text[sentence_start : m.start()]))
        and not (m.group().startswith("als") and _ALS_AS.match(text, m.end()))
    ]  # fmt: skip
    if not aux:
        return None
    after_aux = [
        c for c in cands if aux[-1].end() <= c[1] and c[2] <= cue[0] and not _PLACE_BEFORE.search(text, 0, c[1])
    ]
    # not the employer in a compound before its person ("hatte AfDB-Direktor Léandre Bassolé ... gesagt")
    after_aux = [
        c
        for c in after_aux
        if not (
            re.match(r"-[A-ZÄÖÜ]?[a-zäöüß]+\s+[A-Z]", text[c[2] :])
            and any(d[1] > c[2] and speaker_type(d[0]) == "person" for d in after_aux)
        )
    ] or after_aux
    # the opener first: a name just before the auxiliary may end its apposition ("Drew Horn, Chef der Beratungsfirma
    # GreenMet und früher Berater von US-Vizepräsident Mike Pence, hatte")
    at_aux = [
        c for c in cands
        if c[1] - sentence_start <= 2 and _APPOSITION_GAP.fullmatch(text, c[2], aux[-1].start()) is not None
    ]  # fmt: skip
    at_aux += [c for c in cands if 0 <= aux[-1].start() - c[2] <= 3]
    if after_aux or at_aux:
        return min(after_aux, key=lambda c: c[1]) if after_aux else at_aux[0]
    return None


def _clause_subject(c, cue: tuple[int, int], text: str, sentence_start: int, lang: str) -> bool:
    """Whether the name ``c`` stands before the verb ``cue`` in its clause, as its subject: no new clause, report or
    quotation between them."""
    gap = _RELATIVE.sub(",", _DIGIT_MARKS.sub("0", text[c[2] : cue[0]])) if c[2] <= cue[0] else "."
    gap = _OWNERS_AFTER.sub(" ", gap)  # "the European operator backed by Liberty Global and DigitalBridge said"
    # German: a name in a phrase after a preposition is no subject ("Beim US-Rivalen GE Vernova rechnet
    # Konzernchef Scott Strazik")
    governed = (
        lang == "de"
        and _GERMAN_GOVERNED.search(text, sentence_start, c[1]) is not None
        and not text.startswith("hervor", cue[0])  # "wie aus dem Bericht des Konzerns hervorgeht": its owner
    )
    # the subject of two verbs joined by "and", opening the sentence ("Die Forschungsfirma Mordor Intelligence
    # setzt den Markt bei 15 MW an und erwartet 25 MW")
    lead = text[sentence_start : c[1]]  # the sentence opens with it, or its article and noun ("Die Forschungsfirma")
    opens = re.fullmatch(r"\s*(?:(?:The|Die|Der|Das|Le|La|Les|L['’])\s?(?:[\w-]+\s+){0,2})?", lead)
    shared = opens and _SHARED_SUBJECT_GAP.fullmatch(gap)
    return bool(
        (_SUBJECT_GAP.fullmatch(gap) or shared)
        and not _REPORTED.search(gap)
        and not _NEW_CLAUSE.search(gap)
        and not governed
    )


def _listed_not_us(name: str) -> bool:
    """A name in the list that is no US department: a plain ministry's name yields to it (not to the list's
    "Energieministerium" as the US Department of Energy, where the phrase or the article names another country)."""
    return name in KNOWN and KNOWN[name][1] != "US government"


def _spoken_to(c, text: str, cue: tuple[int, int]) -> bool:
    """Whether the name ``c`` is an outlet spoken to (:data:`_TO_OUTLET`); in German only before a verb of telling,
    for "der" may be a genitive ("aus einer Studie der Ratingagentur Moody's hervor")."""
    told = _TO_OUTLET.search(text, max(0, c[1] - 40), c[1])
    if told is None:
        return False
    if told.group("plain"):
        return True
    # German: before a verb of telling; "der"/"einer" not after a noun, where it is a genitive ("ein Sprecher der
    # Energieagentur Dena sagte")
    noun = re.search(r"\b([A-ZÄÖÜ][\w-]*)\s+$", text[max(0, told.start() - 30) : told.start()])
    genitive = told.group().startswith(("der", "einer")) and noun and noun.group(1) not in _GERMAN_NOT_NAMES
    return _TELLING.match(text, cue[0]) is not None and not genitive


_TELLING = re.compile(r"(?:gesagt|sagte|erklärt|mitgeteilt|bestätigt|verraten|geschildert|angekündigt)")


def _subject(cands, cue: tuple[int, int], text: str, sentence_start: int, lang: str, firms: set[str]):
    """The subject of a reporting verb: the name before it in the same clause ("AMD said on Monday that OpenAI ...",
    "Analysts at Bernstein said"); a person set off by commas before it wins ("Lisa Su, AMD's chief executive,
    said"); None when the verb is inverted ("..., said Lisa Su"). Never an outlet spoken to (:data:`_TO_OUTLET`)."""
    cands = [c for c in cands if not _spoken_to(c, text, cue)]
    for c in cands:  # "Au Japon, le Premier ministre de l'époque, Shigeru Ishiba, avait promis": the apposition
        if (speaker_type(c[0], firms) == "person" and re.search(r",\s*$", text[sentence_start : c[1]])
                and re.fullmatch(r",\s*(?:has |have |had |a |avait |hat |hatte )?", text[c[2] : cue[0]])):  # fmt: skip
            return c
    for c in cands:  # "Larry Fink, le PDG de BlackRock, a rappelé": a name and its apposition open the clause
        lead = text[sentence_start : c[1]]
        # (or the clause after a colon: "Les concurrents de Nvidia attirent les capitaux : Groq, fondé par ...,")
        # (or after a comma and its article: "..., the Eco Iraq Observatory, a Baghdad watchdog, estimated")
        opens = (
            c[1] - sentence_start <= 3
            or _AFTER_QUOTATION.fullmatch(lead)
            or re.search(r"[,:]\s*(?:(?:the|le|la|l['’])\s*)?$", lead)
        )
        # "L'analyste Murat Demir, du ...", "Sa rivale AWS, la filiale de cloud d'Amazon, s'était engagée"
        # "Le géant des puces Nvidia, lui-même actionnaire de CoreWeave, a annoncé": a noun and its complement
        opens = opens or re.fullmatch(
            r"\s*(?:L['’]|Le |La |The |Sa |Son |Its )[a-zà-ÿ-]+(?:\s+(?:des|du|de|of)\s+[a-zà-ÿ-]+)?\s+", lead
        )
        # "Der Branchenberater Sunil Tagare, Gründer der Firma OpenCables, schätzt": a German noun before the name
        opens = opens or re.fullmatch(r"\s*(?:Der|Die)\s+(?:[a-zäöüß-]+\s+)?[A-ZÄÖÜ][\wäöüß-]+\s+", lead)
        owner = _COUNTRY_OWNER.match(text, c[1] - len(lead.lstrip()))  # "Hungary's 4iG, another investor, said"
        opens = opens or (owner and owner.end() == c[1])
        person = speaker_type(c[0], firms) == "person"  # "..., Anat Ashkenazi, its chief financial officer, told"
        # titles only before a person ("Railways Minister Ashwini Vaishnaw, who joined ..., said")
        opens = opens or (person and lead.strip() and untitled(f"{lead.strip()} {c[0]}")[0] == c[0])
        # a short quotation may stand inside a person's apposition ("qui parle d'une « bulle » des centres")
        apposition = (
            r",(?:[^.;:“”\"«»„]|«[^»]{1,40}»|“[^”]{1,40}”){1,100},\s*(?:has |have |had )?"
            if person
            else r",[^,.;:“”\"«»„]{1,110},\s*(?:has |have |had )?"
        )
        # or a relative clause that holds commas of its own ("Portland General Electric, whose territory includes
        # ... Hillsboro, Oregon, said")
        relative_set_off = r",\s*(?:whose|which|who|dont|dessen|deren)\b[^.;:“”\"«»„]{1,160},\s*(?:has |have |had )?"
        if opens and (
            re.fullmatch(apposition, text[c[2] : cue[0]]) or re.fullmatch(relative_set_off, text[c[2] : cue[0]])
        ):
            return c
    relative = r",\s*(?:qui|who|which|der|die|das)\s+(?:a |avait |ont |avaient |has |had |hatte )?"
    for c in cands:  # "le groupe de l'armée, Viettel, qui avait annoncé": the name the relative clause is about
        if re.fullmatch(relative, text[c[2] : cue[0]]):
            return c
    for c in cands:  # "Le gestionnaire du réseau estonien, Elering, estime": the name set off just before the verb
        if re.fullmatch(r",\s*", text[c[2] : cue[0]]) and re.search(
            r"\w[^,.;:“”\"«»„]{2,},\s*(?:the |le |la |l['’])?$",
            text[sentence_start : c[1]],  # ", the National ..."
        ):
            return c
    if lang == "de" and (wie := _wie_subject(cands, cue, text, sentence_start, firms)) is not None:
        return wie  # before a quoted name that is the verb's object ("wie das Unternehmen der Zeitung „X“ sagte")
    closes = sentence_start + len(text[sentence_start : cue[0]].rstrip())
    for c in cands:  # "wie die Zeitung „El Español“ berichtete": a quoted name just before the verb is its subject
        if c[2] == closes and text[c[2] - 1 : c[2]] in '“”"»' and not _AFTER_QUOTATION.fullmatch(text[c[1] : c[2]]):
            return c
    if _INVERTED.search(text[sentence_start : cue[0]]) or not text[sentence_start : cue[0]].strip():
        return None
    relatives = [
        (sentence_start + m.start(), sentence_start + m.end()) for m in _RELATIVE.finditer(text, sentence_start, cue[0])
    ]
    cands = [c for c in cands if not any(a < c[1] < b for a, b in relatives)]  # "Amkor, which will package for Nvidia,"
    before = [c for c in cands if _clause_subject(c, cue, text, sentence_start, lang)]
    if lang == "de" and (by_aux := _by_auxiliary(cands, cue, text, sentence_start)) is not None:
        return by_aux
    if not before:
        return None
    nearest = max(before, key=lambda c: c[2])
    # "Muneeb Khawaja of DWP Group told reporters": the person, not the company they speak for
    of = [c for c in before if c[2] < nearest[1] and _PERSON_OF.fullmatch(text, c[2], nearest[1])]
    if of and speaker_type(of[-1][0], firms) == "person" and speaker_type(nearest[0], firms) == "organization":
        nearest = of[-1]
    persons = [c for c in before if speaker_type(c[0], firms) == "person" and "," in text[c[2] : cue[0]]]
    # an apposition, not another name, between the person and the verb ("the Susquehanna River, Brookfield said")
    persons = [p for p in persons if not any(p[2] <= c[1] < cue[0] for c in before if c is not p)]
    return _first_of_list(persons[-1] if persons else nearest, cands, text, sentence_start, firms, cue[0])


_PERSON_OF = re.compile(r"\s+(?:of|at|from|de|du|de la|d['’]|chez|von|vom|von der|bei|beim|bei der)\s*")
# a participle and the names of a company's owners or leaders, between the company and its verb
_OWNERS_AFTER = re.compile(
    r"\s+(?:backed|owned|controlled|led|run|headed|founded|soutenue?s?|détenue?s?|contrôlée?s?|dirigée?s?|fondée?s?)"
    r" (?:by|par) (?:(?:[A-Z][\w&'’.-]*|and|et|&)(?:\s+|$))+"
)
_GERMAN_GOVERNED = re.compile(
    r"\b(?:[Bb]eim|[Bb]ei|[Ii]m|[Aa]m|[Aa]uf|[Aa]us|[Vv]om|[Zz]um|[Zz]ur|[Ff]ür|[Mm]it|[Gg]egen|[Üü]ber|[Uu]nter|[Ss]eit)"
    r"\s+(?:der |dem |den |des |die |das )?(?:[\w-]+\s+)?$"
)
_WIE = re.compile(r"(?:^|,\s*)wie\s+(?!aus\b|es\b|in\b|im\b)")


def _wie_subject(cands, cue: tuple[int, int], text: str, sentence_start: int, firms=frozenset()):
    """German "..., wie der US-Konzern am Mittwoch während einer Wirtschaftsmission in Kalifornien mitteilte": the
    subject opens the "wie" clause however far its verb comes at the end (not "wie aus ... hervorgeht"); a person
    after a title names the subject ("wie Telus-Chef Darren Entwistle ... sagte")."""
    found = list(_WIE.finditer(text, sentence_start, cue[0]))
    if not found or re.search(r"[,;:]", text[found[-1].end() : cue[0]]):
        return None
    at = found[-1].end()
    opens = [c for c in cands if at <= c[1] <= at + 45 and c[2] <= cue[0]]  # "der britische Mutterkonzern X"
    titled = [c for c in opens if speaker_type(c[0], firms) == "person" and re.fullmatch(r"[\w-]+\s+", text[at : c[1]])]
    return titled[0] if titled else min(opens, key=lambda c: c[1]) if opens else None


_RELATIVE_OPENS = re.compile(r",\s*(?:qui|who|which|dont|whose)\b")


def _inverted(cands, cue: tuple[int, int], text: str, firms: set[str], lang: str = "en"):
    """The speaker after an inverted reporting verb: "..., said Lisa Su", "a assuré vendredi Khaldoon Al Mubarak",
    "teilten die Unternehmen mit", "berichtete The Information"."""
    gap = lambda c: _HONORIFIC.sub("M", _DIGIT_MARKS.sub("0", text[cue[1] : c[1]]))  # noqa: E731 ("a précisé M. Tan")
    # "a annoncé jeudi à Oulu la ministre estonienne de la Justice et du Numérique, Liisa Pakosta": a longer title in
    # French and English; not in German, where a verb-second "rechnet ... mit" is no inversion
    span = _AFTER_GAP if lang == "de" else _AFTER_GAP_LONG
    after = [
        c for c in cands
        if c[1] >= cue[1] and span.fullmatch(gap(c))
        and not _CHANNEL.search(text, 0, c[1]) and not _spoken_to(c, text, cue)
    ]  # fmt: skip
    plain = [c for c in after if "," not in text[cue[1] : c[1]]]
    # "said SoftBank chief executive Masayoshi Son", "a déclaré le patron de SoftBank, Masayoshi Son": the person
    # (not a name inside a relative clause after the speaker: "a précisé Nvidia, qui en a fourni les puces Blackwell
    # Ultra")
    persons = [c for c in plain if speaker_type(c[0], firms) == "person"] or [
        c for c in after
        if speaker_type(c[0], firms) == "person" and not _RELATIVE_OPENS.search(text, cue[1], c[1])
    ]  # fmt: skip
    pool = persons or plain or after  # "has announced Friday its owner, Galaxy Digital"
    return min(pool, key=lambda c: c[1]) if pool else None


# a verb whose object follows it inside the cue ("presented Alps as", "avait présenté ce projet ... comme"): the
# speaker is its subject, never the object; and no object at all where a time follows the verb ("presented Tuesday",
# "a présenté ce mardi un projet")
_OBJECT_CUE = re.compile(r"(?:presented|described|(?:a|avait|ont|avaient) présentée?)\s+(\w+)", re.I)
_TIME_WORDS = re.compile(
    rf"(?:{_WEEKDAY_NAMES}|{MONTHS['en'].replace(' ', '|')}|matin|soir|semaine|mois|week-end|année)", re.I
)


_IDIOM_WRITTEN = re.compile(r"\b(?:Zahlen|Verluste|Gewinne|Geschichte|Schlagzeilen|bereits|oben|schon)\s+(?:\w+\s+)?$")
# a name straight before the verb ("Nvidia avait présenté Alps", "Nvidia presented Alps"), not a pronoun or a noun
_NAME_BEFORE_VERB = re.compile(
    rf"(?<![\w'’])(?!(?:It|The|Le|La|Les|Il|Elle|He|She|They|This|Ce|Cette)\b)[{_UP}][\w&'’.-]*\s+$"
)


def _object_cue(cands, cue: tuple[int, int], text: str):
    """For a cue whose object follows its verb (:data:`_OBJECT_CUE`): the candidates before it, or None where the
    verb has a time, not an object, after it ("ce mardi"); the candidates unchanged for any other cue."""
    m = _OBJECT_CUE.fullmatch(text[cue[0] : cue[1]])
    if text[cue[0] : cue[1]] == "told":  # "Buryatia's government told the news agency TASS": TASS only listens
        # (unless no one is named: "people familiar with the matter told Reuters" is Reuters' report)
        unnamed = re.search(r"\b(?:people|persons?|sources?|insiders?|officials)\b(?: [\w-]+){0,5}\s+$", text[: cue[0]])
        # (not "Siemens officials", "people at Siemens": the company's)
        named = unnamed and (
            re.search(r"[A-Z][\w&-]*\s+$", text[: unnamed.start()]) or re.search(r" [A-Z]", unnamed.group())
        )
        return cands if unnamed and not named else [c for c in cands if c[2] <= cue[0]]
    if m is None:
        return cands
    after = re.match(r"\s*(\w+)", text[cue[1] :])
    if _TIME_WORDS.fullmatch(m.group(1)) or (after and _TIME_WORDS.fullmatch(after.group(1))):
        return None
    return [c for c in cands if c[2] <= cue[0]]


# "a lancé mardi un appel à projets de 294 millions": a thing launched, not words (nor the inverted "« ... », a lancé
# le ministre")
_LAUNCHED_THING = re.compile(
    r"(?:a|avait|ont|avaient)\s+lancé\s+(?:[\w'’]+\s+){0,3}?(?:un|une|le|la|les|l['’]|des|son|sa|ses)\s?"
    r"(?:(?:appel|programme|projet|chantier|construction|travaux|fonds|plan|campus|site|usine)\b|[A-Z])"
)


def _pick(cands, cue: tuple[int, int], cue_text: str, sentence: tuple[int, int], text: str, lang: str, firms):
    low = cue_text.lower()
    cands = _object_cue(cands, cue, text)
    if cands is None:
        return None
    if _after_cue(low):
        ends = re.search(r"[,]|(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bM)(?<!\bMs)(?<!\bMrs)(?<!\bMme)\.", text[cue[1] :])
        # ("selon ... St. Louis Public Radio", "selon M. Musk")
        stop = cue[1] + ends.start() if ends else sentence[1]
        # (a description may begin inside the cue: "Nach Angaben des Unternehmens" holds "des Unternehmens")
        after = [c for c in cands if cue[1] <= c[1] <= max(stop, cue[1] + 2) or cue[0] < c[1] < cue[1] < c[2]]
        if not after and text[stop : stop + 1] == ",":  # "Selon le ministre de l'Investissement, Tengku Zafrul Aziz,"
            after = [c for c in cands if stop < c[1] <= stop + 3]
            # "selon le régulateur, la Nigerian Electricity Regulatory Commission (NERC).": the name set off after
            # it, with its article, where the clause ends on it
            lead = re.match(r",\s+(?:l['’]|la |le |the )", text[stop:])
            after = after or [
                c for c in cands
                if lead and c[1] == stop + lead.end() and re.match(r"\s*(?:\(|[.;]|$)", text[c[2] : sentence[1]])
            ]  # fmt: skip
        persons = [c for c in after if speaker_type(c[0], firms) == "person"]
        # "selon le président de la société publique Tonga Cable, Samiuela Fonua": the person set off after the
        # office, not the company the office is of
        office = _OFFICE_AFTER_CUE.fullmatch(text[cue[1] : stop]) and text[stop : stop + 1] == ","
        persons = persons or [
            c for c in cands if office and stop < c[1] <= stop + 3 and speaker_type(c[0], firms) == "person"
        ]
        if low == "pour":  # "Pour Sunil Tagare, ...": a person's view; not "Pour New York, ..." nor a company's
            persons = [c for c in persons if not _place_name(c[0])]
            return persons[0] if persons else None
        return (persons or after or [None])[0]
    if low in _BEFORE_CUES:  # "OpenAI zufolge"; "Nach eigenen Angaben will Nebius": the subject after the verb
        before = sorted((c for c in cands if c[2] <= cue[0]), key=lambda c: c[1])  # the nearest: "Eclairion, das
        after = [c for c in cands if c[1] >= cue[1] and "," not in text[cue[1] : c[1]]]
        return before[-1] if before else (after[0] if after else None)
    # no subject before the verb and none after it: no speaker here ("..., announced last week, will bring", "its
    # turbine supplier has promised"), rather than the nearest name, which is most often an object
    if lang == "fr" and _INVERTED.search(text, sentence[0], cue[0]):
        # "..., a annoncé lundi l'entreprise": the subject right after an inverted verb, before any name set off by
        # commas before it ("..., et de son gestionnaire, Ninety One, pour développer sa fibre, a annoncé"); not one
        # spoken to ("a confié au site GeekWire")
        right_after = [
            c for c in cands
            if c[1] >= cue[1] and _RIGHT_AFTER.fullmatch(text, cue[1], c[1])
            and not _CHANNEL.search(text, 0, c[1]) and not _spoken_to(c, text, cue)
        ]  # fmt: skip
        if right_after:
            return min(right_after, key=lambda c: c[1])
    return _subject(cands, cue, text, sentence[0], lang, firms) or _inverted(cands, cue, text, firms, lang)


_OFFICE_AFTER_CUE = re.compile(
    # ("le cofondateur et directeur général")
    r"\s+(?:le |la |l['’]|the |der |die |des |dem )?(?:[\w-]+ )?(?:[\w-]+ (?:et|and|und) )?(?:co-?)?"
    r"(?:président|présidente|directeur|directrice|PDG|recteur|rectrice"
    r"|patron|patronne|fondateur|fondatrice|ministre|porte-parole|chief executive|chairman|president|head|founder"
    r"|spokesperson|spokesman|spokeswoman|Chef|Chefin|Vorsitzenden?|Präsidenten?|Gründers?|Sprecher|Sprecherin)"
    r"\b[^,.;]{0,80}"
)


# only a time or an adverb between an inverted verb and its subject ("a annoncé lundi", "a précisé mardi soir"), no
# title ("a déclaré la présidente de la Commission, Ursula von der Leyen")
_RIGHT_AFTER = re.compile(
    rf"\s+(?:(?:{_WEEKDAY_NAMES}|hier|aussi|également|encore|enfin|ensuite|ce|cette|matin|soir|midi)\s+){{0,3}}", re.I
)


_PLACE_HEADS = {"New", "La", "Le", "Les", "Los", "Las", "San", "Santa", "Saint", "Sainte", "Abou", "Abu", "Hong",
                "Costa", "Puerto", "Port", "North", "South", "East", "West", "Nord", "Sud"}  # fmt: skip


def _place_name(name: str) -> bool:
    """ "New York", "La Réunion", "Abou Dhabi": a place's name of two or three words, not a person's."""
    words = name.split()
    place = words[0] in _PLACE_HEADS or name in _PLACES or words[-1] in _PLACES or re.fullmatch(_COUNTRIES_EN, name)
    return bool(place) and words[-1] not in _ORG_WORDS  # "Texas Instruments" is a company


def _pronoun_at(text: str, cue: tuple[int, int], lang: str) -> bool:
    from gigawatt.claims.extract.patterns import PRONOUNS

    start, end = max(0, cue[0] - 12), cue[1] + 6
    # whole words inside the window only: not the "er" that ends "Rechner", the "he" of "the", the "elle" of "qu'elle"
    words = re.findall(r"(?<![\w'’])[a-zà-ÿ]+(?![\w'’])", text[start:end].lower())
    if start > 0 and text[start - 1].isalpha() and words and text[start:end].lower().startswith(words[0]):
        words = words[1:]
    if end < len(text) and text[end].isalpha() and words and text[start:end].lower().endswith(words[-1]):
        words = words[:-1]
    words = set(words)
    return bool(words & PRONOUNS[lang]) or _ROLE_BEFORE.search(text, max(0, cue[0] - 30), cue[0]) is not None


# "..., the governor told a news conference", "the minister put the investment at": a person named by an office just
# before the verb stands, like a pronoun, for the person the article last named
_ROLE_BEFORE = re.compile(  # (not "the president", most often a head of state the article has not quoted)
    r"\b(?:[Tt]he|[Ll]e|[Ll]a) (?:governor|minister|premier|mayor|gouverneur|gouverneure|ministre|maire)\s+$"
)


def _pronoun_subject(text: str, sent: tuple[int, int], cue: tuple[int, int], lang: str) -> bool:
    """A pronoun is the reporting verb's subject: "He said OpenAI ...", "Il a déclaré", "sagte er", "a-t-il ajouté"."""
    from gigawatt.claims.extract.patterns import PRONOUNS

    words = "|".join(PRONOUNS[lang])
    before = re.search(rf"\b(?:{words})\s+(?:\w+\s+)?$", text[sent[0] : cue[0]], re.IGNORECASE)
    clause = re.split(r"[,;:]", text[sent[0] : cue[0]])[-1]
    before = before or (lang == "de" and re.search(rf"\b(?:{_VERB_FINAL_WORDS})\s+(?:{words})\b", clause))
    # (not French "il y a", "ago": "AWS avait promis il y a un an")
    after = re.match(rf"\s*(?:{words})\b(?!\s+y\s+a(?:vait)?\b)", text[cue[1] : sent[1]], re.IGNORECASE)
    # (in English only inverted, right after a quotation: not "Sean Duffy has said he will need", nor "Faure Gnassingbé,
    # who inaugurated the plant, said it had cost", whose "he" and "it" open what was said)
    after = after and (lang != "en" or re.search(r"[\"”]\s*,?\s*$", text[sent[0] : cue[0]]))
    # (not "lui" set off by commas: "Le ministère table, lui, sur", whose subject comes before)
    in_cue = re.search(
        r"(?:-t\s?)?-(?:il|elle)\b|\b(?:seinen|ihren)\b|(?<!, )\b(?:lui|elle|eux)\b", text[cue[0] : cue[1]]
    )
    return bool(before or after or in_cue)


_SET_OFF_PERSON = re.compile(rf"\s*(?:(?:Son|Sa|Le|La|L['’])\s[^,.;:]{{2,60}},\s+)?({_FIRST} [{_UP}][{_LOW}]+),\s")


# the subject after a source that opens the sentence ("Selon ses comptes, la Cleveland Clinic a essuyé", "According to
# its filing, Roblox spent")
_SUBJECT_AFTER_SOURCE = re.compile(
    rf"[^,;:{_UP}]{{0,40}},\s+(?:la|le|les|l['’]|the)\s?([{_UP}][\w&-]+(?: [{_UP}][\w&-]+){{0,3}})"
    r"\s+(?:[a-zà-ÿ]|\d)"
)


def _subject_after_source(text: str, sent: tuple[int, int], cue: tuple[int, int]) -> tuple[str, int, int] | None:
    """The name that opens the main clause after a cue opening the sentence, unless it is a place or no name."""
    if text[sent[0] : cue[0]].strip():
        return None
    m = _SUBJECT_AFTER_SOURCE.match(text, cue[1], sent[1])
    if m is None or m.group(1).split()[0] in _NOT_NAMES | _NOT_SUBJECT_NAMES or _is_place(m.group(1)):
        return None
    return m.group(1), m.start(1), m.end(1)


def _the_company(text: str, before: int, memory: Memory, fallback: bool = False) -> str | None:
    """The company "its" and "the company" stand for: the one that last spoke, unless that was an analysts' firm named
    by what it is ("selon le cabinet spécialisé Renaissance Capital. ... selon son prospectus"): then the company that
    spoke before it; with ``fallback``, where there is none, the last company that opened a sentence."""
    name = memory.the_company
    if name:
        analysts = {n for noun in _ANALYST_NOUNS for n in _analysts_typed(noun, text[:before], memory)}
        name = next((n for n in reversed(memory.companies) if n not in analysts), None) if name in analysts else name
    if name is None and fallback:
        name = next(iter(_subjects_before(text, before, memory.firms)[-1:]), None)
    return name


def _opening_company(text: str, sent: tuple[int, int], memory: Memory) -> tuple[str, int, int] | None:
    """The company that opens the sentence ("La start-up britannique Nscale, ..., a-t-elle annoncé"), if one does;
    after a long description, before the first comma ("Le concepteur américain de puces géantes pour l'intelligence
    artificielle Cerebras Systems a levé ..., a-t-il annoncé")."""
    found = _company_in_head(text, sent, memory, text[sent[0] : min(sent[1], sent[0] + 40)])
    described = re.match(r"\s*(?:Le|La|Les|L['’]|The)\s?[a-zà-ÿ]", text[sent[0] : sent[1]])  # not German nouns
    if found is None and described:
        long_head = re.match(r"[^,;:]{0,100}", text[sent[0] : sent[1]]).group()
        found = _company_in_head(text, sent, memory, long_head)
    return found


_PLACE_PREPOSITION = re.compile(
    r"(?:^\W*À|\b(?:[Aa]u|[Aa]ux|[Ii]n|[Nn]ear|[Nn]ahe|près de|(?:nord|sud|est|ouest) de|(?:north|south|east|west) of"
    r"|(?:site|campus|ville|région|commune) de))"  # "le site de Mons"
    r"\s+$"
)


@functools.lru_cache(maxsize=16)
def _capitalised_counts(text: str) -> collections.Counter:
    """How often each capitalised word ("Cerebras") and each pair of them ("Digital Edge") stands in ``text`` as whole
    words: counted once per text, not once per name asked about."""
    words = re.findall(r"\b[A-Z][a-z]+\b", text)
    pairs = re.findall(r"(?=\b([A-Z][a-z]+ [A-Z][a-z]+)\b)", text)
    return collections.Counter(words) + collections.Counter(pairs)


@functools.lru_cache(maxsize=256)
def _recurring(text: str, part: str, offset: int) -> tuple[tuple[str, int, int], ...]:
    """Capitalised words of ``part`` (at ``offset`` in ``text``) that recur in the article, a pair where the pair
    recurs ("Digital Edge"), else its first word ("Cerebras" of "Cerebras Systems"): names the list lacks."""
    out = []
    counts = _capitalised_counts(text)
    for m in re.finditer(r"\b([A-Z][a-z]+)(?: ([A-Z][a-z]+))?\b", part):
        pair, word = m.group(0), m.group(1)
        name = pair if m.group(2) and counts[pair] >= 2 else word
        if counts[name] < 2 or word in _NOT_NAMES | _NOT_SUBJECT_NAMES:
            continue
        if _PLACE_PREPOSITION.search(part, 0, m.start()):  # "À Sherman, au nord de Dallas, ...": a place
            continue
        # "Peru's public cloud market", "South Korea": no company
        place = word in _PLACES or re.fullmatch(_COUNTRIES_EN, word) or re.fullmatch(_COUNTRIES_EN, name)
        place = place or (" " not in name and country_in(name) is not None) or name in country_names()  # "Inde"
        if not place:
            out.append((name, offset + m.start(), offset + m.start() + len(name)))
    return tuple(out)


_THING_NOUNS = (
    r"(?:lines|projects|exports|imports|prices|plants|capacity|demand|costs|storage|systems|units|terminals|cables"
    r"|facilities|tariffs|chips|servers|grids|power|output|supply|sites|rules|licences|licenses|volumes)"
)


def _company_in_head(text: str, sent: tuple[int, int], memory: Memory, head: str) -> tuple[str, int, int] | None:
    """The first company named in ``head``, the opening of the sentence ``sent``, or the one its description stands
    for."""
    named = names_in(head, sent[0], memory.names) + [c for c in _openers(text) if sent[0] <= c[1] < sent[0] + len(head)]
    named += [c for c in _recurring(text, head, sent[0]) if c[1] > sent[0]]
    # an acronym that opens the sentence and recurs ("ERCOT counted ..., according to its filings")
    # (not a thing's acronym before its noun: "HVDC lines", "LNG exports", "BESS projects")
    acronym = re.match(rf"\s*([A-Z]{{2,6}})\s+(?!{_THING_NOUNS}\b)[a-z]", head)
    if acronym and acronym.group(1) not in _NOT_ACRONYMS | memory.terms and text.count(acronym.group(1)) >= 2:
        named.append((acronym.group(1), sent[0] + acronym.start(1), sent[0] + acronym.end(1)))
    firms = [c for c in named if speaker_type(c[0], memory.firms) == "organization" and not _is_news(c[0])]
    firms.sort(key=lambda c: c[1])
    described = _DESCRIPTIONS.search(head)  # "Pour suivre la demande, le groupe compte ..., a-t-il indiqué"
    if not firms and described and memory.the_company:  # the company that last spoke or was described
        return (memory.the_company, sent[0] + described.start(), sent[0] + described.end())
    return firms[0] if firms else None


def _pronoun_firm(text: str, sent: tuple[int, int], cue: tuple[int, int], memory: Memory, inverted: bool):
    """The company a pronoun subject stands for, if the sentence says: the company that opens it, or the subject of
    its cleft, or the nearest one named by what it is, after an inverted verb ("La start-up Nscale ..., a-t-elle
    annoncé"); the company the sentence opens with before "qu'il présente comme"."""
    firm = (_opening_company(text, sent, memory) or _cleft_subject(text, sent, memory)) if inverted else None
    # (the clause is cut at "qu'il": the sentence opens after the last full stop or line break)
    relative = re.search(r"qu['’](?:il|elle)s?\s+$", text[sent[0] : cue[0]]) is not None
    stop = text.rfind(". ", 0, sent[0])
    opens = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, sent[0]) + 1)
    firm = firm or (_opening_company(text, (opens, sent[1]), memory) if relative else None)
    typed = _typed_subject(text, sent, cue, memory) if inverted else []
    return firm or (typed[-1] if typed else None)  # the nearest the verb


# a French cleft sentence whose relative clause has its subject ("Cinq cents millions de dollars : c'est la somme
# qu'a levée la start-up californienne Ayar Labs, ..., a-t-elle annoncé", "c'est la période pendant laquelle le
# gestionnaire du réseau finlandais, Fingrid, limitera ...", "c'est le bénéfice que Tokyo Electron attend")
_CLEFT = re.compile(
    r"c['’]est\s+(?:[^,;:.]{0,60}?\s)?(?:qu['’](?:a|ont|avait|avaient)\s+(?:[a-zéèêàâîôûç'’-]+\s+){1,2}"
    r"|(?:pendant|dans|par|avec)\s+laquelle\s+|que\s+)"
)


_FRENCH_PREPOSITIONS = r"de|d['’]|du|des|à|au|aux|par|pour|avec|chez"
_COMPLEMENT_BEFORE = re.compile(rf"\b(?:{_FRENCH_PREPOSITIONS})\s*$")


def _cleft_subject(text: str, sent: tuple[int, int], memory: Memory) -> tuple[str, int, int] | None:
    """The first company or person named within 90 characters after :data:`_CLEFT`'s relative opens, if any."""
    m = _CLEFT.search(text, sent[0], sent[1])
    if m is None:
        return None
    part = text[m.end() : min(sent[1], m.end() + 90)]
    named = names_in(part, m.end(), memory.names)
    at = m.end()
    named += [(f, at + k.start(), at + k.end()) for f in memory.firms for k in re.finditer(re.escape(f), part)]
    # not a complement ("c'est le montant qu'a reçu de Microsoft la start-up Mistral AI")
    named = [c for c in named if not _COMPLEMENT_BEFORE.search(text, max(0, c[1] - 8), c[1])]
    # a name set off after what it is ("le gestionnaire du réseau finlandais, Fingrid, limitera")
    set_off = re.match(rf"(?:le|la|l['’])\s?[a-zà-ÿ][^,;:]{{0,60}},\s+([{_UP}][\w&-]+),", part)
    if set_off and set_off.group(1) not in _NOT_NAMES | _NOT_SUBJECT_NAMES:
        named.append((set_off.group(1), m.end() + set_off.start(1), m.end() + set_off.end(1)))
    return min(named, key=lambda c: c[1]) if named else None


def _described_after(text: str, end: int) -> bool:
    """ "hieß es ... in einem Blogeintrag des Unternehmens", "in einer Mitteilung der Kommission": the source is named
    after the cue."""
    clause = re.split(r"[.;,]", text[end : end + 80])[0]
    source = re.match(r"\s*(?:\w+\s+)?(?:in|aus)\s", clause) and names_in(clause)  # not "Demnach hat OpenAI ..."
    return _DESCRIPTIONS.search(clause) is not None or bool(source)


_CONTACT_CLAUSE = re.compile(r"\b(\w+)\s+(?:it|they)\s+(?:first\s+|had\s+|originally\s+|previously\s+)?$")
_CONTACT_VERBS = {"announced", "promised", "pledged", "projected", "forecast"}
_NOT_BEFORE_CONTACT = {"and", "but", "that", "as", "because", "so", "which", "when", "while", "where", "after",
                       "before", "than", "if", "said", "says", "what"}  # fmt: skip


_ADDED_FIGURE = (
    r"\s*(?:(?:plus de|près de|environ|quelque|more than|nearly|about|some|another|a further|an extra) )?"
    r"(?:\d|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|two|three|four|five|seven|eight|nine|ten)\b)"
)


_FRENCH_AGENT = re.compile(r"\bpar\s+(?:le|la|les|l['’]|[A-Z])")  # not "par an", "par mégawatt"
_PASSIVE_CUES = {"projected", "forecast", "expected", "estimated", "reported", "predicted", "calculated", "promised",
                 "pledged"}  # fmt: skip


# a name after "called" with no object complement after it ("The project, called Trinimine, would"; not "Sam Altman,
# OpenAI's chief executive, called Stargate a $500 billion project")
_NAMED_CALLED = re.compile(
    r"\s+[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*(?!\s+(?:a|an|the|its|his|her|their|one|another)\b)(?![\w&-])(?!\s*[“\"$])"
)


# a figure in German words or digits, and a superlative ("vom größten"), after "spricht von"
_GERMAN_FIGURE = re.compile(
    r"\d|(?i:milliard|million|billion|watt|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|hundert"
    r"|tausend|dutzend)"
)
_GERMAN_SUPERLATIVE = re.compile(r"\w{3,}(?:st|ßt)e[nmrs]?\b")


def _skipped(text: str, sent: tuple[int, int], cue: tuple[int, int]) -> bool:
    """A cue that reports nothing: "CoreWeave s'engage ainsi" (the article's inference), "widersprach ... nicht" (a
    silence), "the report said" read as a noun ("the report")."""
    after = text[cue[1] : sent[1]]
    clause_after = re.split(r"[,;:]", after)[0]
    low = text[cue[0] : cue[1]].lower()
    expects = re.match(r"rechne", low) and re.match(r"\s*damit,?\s+(?:dass|,)", after)  # "rechnet damit, dass"
    if (re.match(r"\s*(?:ainsi|thus|damit|somit)\b", after) and not expects) or (
        low == "widersprach" and " nicht" in clause_after
    ):
        return True
    # "Le groupe a ajouté plus de deux gigawatts", "Microsoft added 2 gigawatts": a figure added, not a word
    if re.fullmatch(r"(?:a |avait |ont )?ajouté|added|adds", low) and re.match(_ADDED_FIGURE, after):
        return True
    if low == "chiffre" and re.match(r"\s*d['’]\s*affaires", after):  # "le chiffre d'affaires": a noun
        return True
    if text[cue[0] : cue[1]] == "Berichten" and re.match(r"\s*zufolge\b", after):  # "Berichten zufolge": a noun
        return True
    # "stellte ... in Aussicht" promises; "stellte ... vor" or "stellte ... ein" does not
    if low in ("stellte", "stellten", "stellt") and not re.search(
        r"\bin Aussicht\b",
        re.split(r"[,;:]", _DIGIT_MARKS.sub("0", after))[0],  # "bis zu 18,5 Mrd. Dollar ... in Aussicht"
    ):
        return True
    # "..., Bürgermeister X spricht von einem Erfolg": an opinion, no figure (not "spricht vom größten", "sprach von
    # 1,4 Milliarden Dollar")
    if re.fullmatch(r"(?:spricht|sprechen|sprach|sprachen) vo[nm]", low):
        spoken = re.split(r"\.(?!\d)", after)[0]
        if not _GERMAN_FIGURE.search(spoken):
            return _GERMAN_SUPERLATIVE.search(spoken) is None
    # "capacity is projected at 936 MW": a passive without its agent reports nobody (the sentence's other cue may)
    passive = re.search(
        r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|now|also|still)\s+)?$", text[sent[0] : cue[0]]
    )
    agent = re.match(r"\s+by\s+(?!(?:19|20)\d\d\b|(?:the )?end\b|mid\b)", after)  # not "projected by 2028 to"
    if passive and low in _PASSIVE_CUES and not agent:
        return True
    # "un coût estimé à 2 milliards" names no agent (", estimé à ... par la Commission européenne," does)
    if re.fullmatch(r"(?:estimé|évalué|chiffré)e?s? à", low) and not _FRENCH_AGENT.search(re.split(r"[;:]", after)[0]):
        return True
    # "to 750 MW from the 300 MW it first announced, ..., Sikander Rashid said": a clause on the figure, no cue
    contact = _CONTACT_CLAUSE.search(text, sent[0], cue[0])
    if contact and low in _CONTACT_VERBS and contact.group(1).lower() not in _NOT_BEFORE_CONTACT:
        return True
    # "Alphabet a relevé en juillet à environ 85 milliards de dollars ses investissements": raised, not noted
    if low.endswith("relevé") and re.match(r"(?:\s+[\w'’-]+){0,3}?\s+(?:à|de)\s+(?:environ\s+|quelque\s+)?\d", after):
        return True
    # "The project, called Trinimine, would be built", "a start-up called Acme": a name given, no report (not
    # "Musk called Stargate a fake")
    if low == "called" and _NAMED_CALLED.match(after) and re.search(r"(?:,|\b[a-z][\w-]*)\s*$", text[sent[0] : cue[0]]):
        return True
    # "When Microsoft first showed interest in the park": no report
    if low in ("showed", "shows") and re.match(r"\s+(?:\w+\s+)?(?:interest|support|signs?|willingness|no)\b", after):
        return True
    return low == "report" and re.search(r"\b(?:the|a|an)\s+$", text[sent[0] : cue[0]], re.IGNORECASE) is not None


def _cue_order(text: str, cue: tuple[int, int], cues) -> tuple[bool, bool]:
    """Reporting verbs before verbs of commitment; and an attribution that closes the sentence after the others
    first: it frames the whole ("OpenAI a indiqué à ses investisseurs qu'il ..., selon la chaîne CNBC")."""
    weak = _WEAK_CUES.search(text[cue[0] : cue[1]]) is not None
    outer = (
        _after_cue(text[cue[0] : cue[1]].lower())
        and all(c[1] <= cue[0] for c in cues if c != cue)
        and len(cues) > 1
        and re.search(r",\s*$", text[max(0, cue[0] - 3) : cue[0]]) is not None
    )
    return weak, not outer


# "des informations du journal The Edge selon lesquelles", "Einen Bericht der Zeitung Helsingin Sanomat, wonach", "a
# report in The Times that": the outlet's figure (a denial of it makes it the article's, in core)
REPORT_OF = re.compile(
    r"\b(?:[Bb]erichte?s?|[Rr]eports?|informations?|[Rr]apport|[Aa]rticle)\s+"
    r"(?:des|der|von|du|de la|de l['’]|de|in|by|from|of)\s+(?:the |l['’]|le |la )?((?:[\w-]+ ){0,2}?)(?:„|“|\"|« )?"
    r"((?:[A-Z]|\d+[A-Z])[\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})"  # "du site spécialisé 36Kr"
)
# a word in small letters that may end a title ("noviny"): no weekday, participle or adjective of time ("publiées
# mardi", "récentes")
_TITLE_WORD = (
    rf"(?!(?:{_WEEKDAY_NAMES}|récentes?|dernières?|précédentes?|anonymes?|hier|aujourd|ce|cette|matin|soir|semaine|et|ou)\b)"
    r"(?![a-zà-ÿ]+(?:ée?s?|ues?|ant|ent)\b)[a-zà-ÿ\u0100-\u017f]+"
)
# the rest of an outlet's title, in small letters, up to the French clause its report opens ("du Corriere del Ticino
# selon laquelle", "du quotidien Hospodářské noviny selon lesquelles", "de La Dépêche du Midi selon lesquelles")
_TITLE_TAIL = re.compile(
    rf"((?: (?:del|della|di|du|de|des|do|da|dos|{_TITLE_WORD}|[{_UP}][\w-]*)){{1,3}})"
    r"(?= selon (?:laquelle|lesquelles|lequel|lesquels)\b)"
)
_OUTLET_NOUNS = re.compile(r"(?i)(?:journal|newspaper|daily|paper|\w*zeitung|\w*blatt(?:e?s)?|\w*magazins?"
                           r"|magazine|site|website|portals?|quotidien|hebdomadaire|agence|agency|nachrichtenagentur|sender"
                           r"|chaîne|lettre|revue|newsletter|portail)")  # fmt: skip
_PLURAL_PRONOUN = {"en": r"(?:^|[,;]\s+)[Tt]hey\s+(?:\w+\s+)?$", "fr": r"", "de": r""}
# a person named by their office, after a cue: the person named last ("selon les projections de la dirigeante")
_PERSON_DESCRIBED = re.compile(
    r"\b(?:la dirigeante|le dirigeant|la ministre|le ministre|the executive|the minister|la gouverneure"
    r"|le gouverneur|the governor)\b(?! [A-Z])"
)
# a person named by what they are, as the subject just before the verb
_PERSON_EPITHET = re.compile(
    r"\b(?:[Ll]['’]homme d['’]affaires|[Ll]a femme d['’]affaires|[Ll]e milliardaire|[Ll]a milliardaire|the businessman"
    r"|the businesswoman|the billionaire|der Unternehmer|die Unternehmerin|der Milliardär|die Milliardärin)"
    r"\s+(?:\w+\s+)?$"
)
_POSSESSIVE_SOURCE = {  # "according to its annual report", "selon son rapport", "laut seinem Geschäftsbericht"
    "en": re.compile(r"\s+(?:its|their)\b"),
    "fr": re.compile(r"\s+(?:son|sa|ses|leur|leurs)\b"),
    "de": re.compile(r"\s+(?:seinem|seiner|seinen|ihrem|ihrer|ihren)\b"),
}


# the document or the statements a sentence before named ("Den Angaben zufolge", "..., the filing said", "précise le
# document")
_THE_SOURCE = re.compile(
    r"\b[Dd]en Angaben\s+$|\bthe (?:filing|document)\s+$|\s+(?:le document|le communiqué|the filing)\b"
)
# ("Selon le communiqué publié en septembre par Nscale", "le communiqué de Cameco"; not "le communiqué de presse")
_OWNED_DOCUMENT = re.compile(
    rf"(?:[^,;.]{{0,40}}\b(?:publié|published|issued|diffusé)\s[^,;.]{{0,30}}\b(?:par|by)|\s+(?:de|of))\s+[{_UP}]"
)
_UNNAMED_REPORTS = re.compile(r"\b(?:Berichten|Medienberichten|Presseberichten|Informationen|Kreisen|Insidern)\s+$")


_UNNAMED_SPOKESPERSON = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:company\s+)?spokes(?:man|woman|person)\b(?!\s+(?:for|of|at)\b)"
    r"|\bein(?:e)?\s+(?:Konzern|Unternehmens|Firmen)?[Ss]precher(?:in)?\b(?!\s+(?:von|des|der|bei)\b)"
    r"|\bune?\s+porte-parole\b(?!\s+(?:de|du|d['’]|des|chez)\b)"
)


_DOCUMENT = re.compile(r"\baus\s+(?P<doc>(?:dem|der|den|einem|einer|dessen|deren|[A-ZÄÖÜ][\w-]*s)\b[^,;]*?)\s*$")


def _spokesperson(text: str, sent: tuple[int, int], cue: tuple[int, int], memory: Memory) -> Attribution | None:
    """ "sagte ein Konzernsprecher", "a company spokesman said", "a indiqué un porte-parole": an unnamed spokesperson of
    no named company speaks for the company the sentence opens with."""
    spokes = _UNNAMED_SPOKESPERSON.search(text, max(sent[0], cue[0] - 40), min(sent[1], cue[1] + 40))
    if spokes and (spokes.end() <= cue[0] + 1 or spokes.start() >= cue[1] - 1):
        own = _opening_company(text, sent, memory) or _typed_opener(text, sent[0])
        if own is not None:
            return Attribution(own[0], cue, spokes.span(), sent, pronoun=True)
    return None


def _document_owner(text: str, sent: tuple[int, int], cue: tuple[int, int], memory: Memory) -> Attribution | None:
    """Whose document "wie aus ... hervorgeht" is: the name after "von" ("aus einer Pflichtmitteilung von Adani
    Enterprises an die Börse", "aus dem von Amazon bei der SEC eingereichten Prospekt"), a genitive name ("aus Holtecs
    Antrag"), the name before "dessen" ("Ercot ..., wie aus dessen Unterlagen"), else, where the document is filed with
    a regulator, the company the sentence opens with ("IREN hat ..., wie aus einer bei der SEC eingereichten
    Mitteilung hervorgeht"). None where it says nothing of its owner."""
    doc = _DOCUMENT.search(text, sent[0], cue[0])
    if doc is None:
        return None
    phrase, at = doc.group("doc"), doc.start("doc")
    owner = re.search(r"\bvon\s+((?:[A-ZÄÖÜ][\w&.-]*)(?:\s+[A-ZÄÖÜ][\w&.-]*)*)", phrase)
    if owner is not None and not _RECIPIENT.search(phrase, 0, owner.start()):
        words = owner.group(1).split()
        words = words[:1] + list(itertools.takewhile(_german_name_word, words[1:]))  # not "Terna Anschlussanfragen"
        name = names_in(" ".join(words), 0, memory.names)
        span = (at + owner.start(1), at + owner.start(1) + len(" ".join(words)))
        return Attribution(name[0][0] if name else " ".join(words), cue, span, sent)
    genitive = re.match(r"([A-ZÄÖÜ][\w-]*?)s\s", phrase)
    if genitive is not None:
        known = [n for n, _, _ in names_in(text[: sent[1]], 0, memory.names) if family_name(n) == genitive.group(1)]
        known += [f for f in memory.firms if f == genitive.group(1)]
        if known:
            return Attribution(known[-1], cue, (at, at + genitive.end(1)), sent)
    if phrase.startswith(("dessen", "deren")):
        before = names_in(text[sent[0] : at], sent[0], memory.names)
        if before:
            last = max(before, key=lambda c: c[1])
            return Attribution(last[0], cue, last[1:], sent)
    if re.search(r"\b(?:bei|an) (?:der|die) [\w-]*(?:[Aa]ufsicht|[Bb]örse|[Bb]ehörde)", phrase):
        opening = _typed_opener(text, sent[0]) or _opening_company(text, sent, memory)
        if opening is not None:
            return Attribution(opening[0], cue, opening[1:], sent)
    # "SoftBank hat ... erlöst, wie aus dem am Dienstag vorgelegten Quartalsbericht hervorgeht": a document no one is
    # named for is the company the sentence opens with
    own = re.search(r"\baus (?:dem|der|einem|einer) (?:[\w-]+ ){0,4}[\w-]+\s+$", text[sent[0] : cue[0]])
    opening = _typed_opener(text, sent[0]) if own else None
    if opening is not None and not re.search(r"\b(?:des|der|von) [A-Z]", own.group()):
        return Attribution(opening[0], cue, opening[1:], sent)
    return None


def _referred(text: str, sent: tuple[int, int], cue: tuple[int, int], lang: str, memory: Memory):
    """Attributions told by a word, not a name: a report's outlet ("a report in The Times that"), a plural pronoun
    for the source before ("Selon eux", "ajoutent-ils", "They said"), "according to its annual report" (the
    company that last spoke)."""
    cue_text = text[cue[0] : cue[1]]
    report = REPORT_OF.search(text, sent[0], cue[1] + 40)
    if report and report.start() < cue[1] and (not report.group(1) or _OUTLET_NOUNS.search(report.group(1)) or
                                               names_in(report.group(2))):  # fmt: skip
        name = names_in(report.group(2))
        words = report.group(2).split()
        while len(words) > 1 and _OUTLET_NOUNS.fullmatch(words[0]):  # "der Zeitung Helsingin Sanomat"
            words = words[1:]
        quoted = re.match(r"\s*[„“\"«]\s?([^“”\"»]{2,40}?)\s?[“”\"»]", text[report.end(2) :])
        if len(words) == 1 and _OUTLET_NOUNS.fullmatch(words[0]) and quoted:  # "der Zeitung „Pittsburgh Post-Gazette“"
            name, words = names_in(quoted.group(1)), quoted.group(1).split()
        elif not name and (tail := _TITLE_TAIL.match(text, report.end(2))):  # "du Corriere del Ticino selon laquelle"
            words = [*words, *tail.group(1).split()]  # (not "de Bloomberg hier", a listed outlet and a time)
        return Attribution(name[0][0] if name else " ".join(words), cue, report.span(2), sent)
    same = re.match(r"\s+(?:la même source|the same source|ces sources|these sources)", text[cue[1] :]) or re.search(
        r"derselben Quelle\s*$", text[sent[0] : cue[0]]
    )
    plural = (
        same
        or re.search(r"\b(?:eux|elles)\b|-(?:ils|elles)\b", cue_text)
        or (_PLURAL_PRONOUN[lang] and re.search(_PLURAL_PRONOUN[lang], text[sent[0] : cue[0]]))
    )
    if plural and memory.previous is not None:
        return dataclasses.replace(memory.previous, cue=cue, content=sent, pronoun=True)
    company = _the_company(text, sent[0], memory, fallback=True)
    if re.fullmatch(r"nach (?:Firmen|Unternehmens|Konzern)angaben", cue_text, re.IGNORECASE) and company:
        return Attribution(company, cue, None, sent, pronoun=True)
    if (spokesperson := _spokesperson(text, sent, cue, memory)) is not None:
        return spokesperson
    # "Nach Tans Worten", "nach Musks Angaben": the person the genitive names, by the full name the article gave
    words = re.fullmatch(r"nach ([A-ZÄÖÜ][\w'’-]*?)(?:s|['’])? (?:Worten|Angaben)", cue_text, re.IGNORECASE)
    if words and words.group(1)[0].isupper():
        person = memory.names.get(words.group(1)) or next(
            (full for n, full in memory.names.items() if family_name(full) == words.group(1)), None
        )
        if person is not None:
            return Attribution(person, cue, None, sent)
    # "In einem früheren Stahlwerk ... kann es nach eigenen Angaben Batterien ... fertigen": "es", the company
    if cue_text.lower() == "nach eigenen angaben" and re.search(r"\b(?:es|er)\s+$", text[sent[0] : cue[0]]) and company:
        return Attribution(company, cue, None, sent, pronoun=True)
    # "selon cette dernière": the last name before it ("la société milanaise ..., selon cette dernière")
    latter = re.match(r"\s+(?:cette dernière|ce dernier|celle-ci|celui-ci|the latter)\b", text[cue[1] : sent[1]])
    if latter and _after_cue(cue_text.lower()):
        back = max(0, cue[0] - 300)  # the clause before a semicolon, the sentence before
        before = names_in(text[back : cue[0]], back, memory.names) + [
            c for c in _openers(text) if back <= c[1] < cue[0]
        ]
        before += [(f, back + a, back + a + len(f)) for f in memory.firms if (a := text[back : cue[0]].rfind(f)) >= 0]
        if before:
            last = max(before, key=lambda c: c[1])
            return Attribution(last[0], cue, (cue[1], cue[1] + latter.end()), sent)
    if cue_text in ("hervorgeht", "hervorging", "hervor") and (owner := _document_owner(text, sent, cue, memory)):
        return owner
    # "according to its annual report": the company the sentence opens with, else the one that last spoke; not
    # "selon son directeur financier, Brian Olsavsky", who is named
    named = re.match(r"\s+\w+(?:\s+[\w'’-]+){0,3},\s+[A-Z]", text[cue[1] : sent[1]])
    # "nach Angaben seiner Sprecherin" (the possessive inside the cue), not "seines Vertriebschefs Chris Gatch"
    named = named or re.match(rf"\s+\w+\s+{_FIRST}\s+[{_UP}]", text[cue[1] : sent[1]])
    possessive = _POSSESSIVE_SOURCE[lang].match(text, cue[1]) or re.search(r"\b(?:seine[sr]|ihre[sr])$", cue_text)
    if _after_cue(cue_text.lower()) and possessive and not named:
        own = _opening_company(text, sent, memory) or _subject_after_source(text, sent, cue)
        if own is not None or company:
            return Attribution(own[0] if own else company, cue, None, sent, pronoun=True)
    person = _PERSON_DESCRIBED.search(text, cue[1], min(sent[1], cue[1] + 40))
    named = person is not None and re.match(r"[^.;,]{0,60},\s*[A-Z]", text[person.end() : sent[1]])  # ", Ashwini V."
    person = None if named else person
    right_after = person is not None and re.fullmatch(r"\s*(?:\w+\s+)?", text[cue[1] : person.start()]) is not None
    inverted = _INVERTED.search(text[sent[0] : cue[0]]) is not None and right_after
    if (
        person
        and memory.last_person
        and (_after_cue(cue_text.lower()) or cue_text.lower().startswith("selon") or inverted)
    ):
        return Attribution(memory.last_person, cue, person.span(), sent, pronoun=True)
    return None


def _told_before(text: str, sent: tuple[int, int], cue: tuple[int, int], memory: Memory) -> Attribution | None:
    """A source the sentence before named, told by a word: "hieß es bei G42" (the one named after it), "den Angaben
    zufolge", "the filing said", "précise le document" (a company's document, not the paper's that reported the
    sentence before), "demnach", "hieß es", "heißt es dort weiter"."""
    cs, ce = cue
    at = re.match(r"\s+(?:bei|beim)\s+", text[ce : sent[1]])  # "hieß es bei G42": the one named after it
    named = [n for n, a, _ in names_in(text[ce : sent[1]], ce, memory.names) if at and a == ce + at.end()]
    if text[cs:ce].lower() == "hieß es" and named:
        return Attribution(named[0], (cs, ce), None, sent)
    # "den Angaben zufolge", "the filing said", "précise le document": the source the sentence before named
    told = _THE_SOURCE.search(text, max(sent[0], cs - 20), cs) or _THE_SOURCE.match(text, ce, sent[1])
    # not a document its clause says whose it is ("Selon le communiqué publié en septembre par Nscale")
    owned = told and _OWNED_DOCUMENT.match(text, told.end(), sent[1])
    if told and not owned and memory.previous is not None and memory.previous.speaker != ARTICLE:
        document = "Angaben" not in told.group()  # a company's document: not a paper's, nor a person's
        kind = speaker_type(memory.previous.speaker, memory.firms)
        if not document or (kind == "organization" and not _is_news(memory.previous.speaker)):
            return dataclasses.replace(memory.previous, cue=(cs, ce), content=sent, pronoun=True)
        if memory.the_company:
            return Attribution(memory.the_company, (cs, ce), None, sent, pronoun=True)
    if (
        text[cs:ce].lower() in ("demnach", "hieß es", "heißt es")
        and memory.previous is not None
        and not _described_after(text, ce)
    ):
        return dataclasses.replace(memory.previous, cue=(cs, ce), content=sent, pronoun=True)
    return None


def _told_by_reference(
    text: str, sent: tuple[int, int], cue: tuple[int, int], lang: str, memory: Memory
) -> Attribution | None:
    """A speaker named by a pronoun or an epithet: "It said" (the company of the sentence), "wie er ... darlegte"
    (the company the sentence opens with), "le milliardaire" (the person named last), "qu'il disait" (the company
    the sentence opens with, where it names no person)."""
    cs, ce = cue
    it = {"en": r"\b[Ii]t\s+(?!(?:was|is|were|had|has)\s)(?:\w+\s+)?$", "de": r"(?:^|,\s+)[Ee]s\s+$"}.get(
        lang
    )  # "It said", "es fügte hinzu"
    if it and re.search(it, text[sent[0] : cs]):  # "It said": the company of the sentence, else the last
        own = _opening_company(text, sent, memory) or next(
            ((n, sent[0], sent[0] + len(n)) for n in _named_subject(text[sent[0] : sent[1]])), None
        )
        if own is not None or memory.last_firm:
            name = own[0] if own is not None else memory.last_firm
            return Attribution(name, (cs, ce), None, sent, pronoun=True)
    # "Der örtliche Versorger El Paso Electric will ..., wie er in einem Antrag darlegte": the company the
    # sentence opens with
    opening = _typed_opener(text, sent[0]) if lang == "de" else None
    colon = text.find(": ", sent[0], cs)  # "Zum Vergleich: Der japanische Technologieinvestor SoftBank will ..."
    opening = opening or (_typed_opener(text, colon + 2) if lang == "de" and colon >= 0 else None)
    if opening is None and lang == "de" and colon >= 0:  # "Den Anfang macht Vistra: Der texanische Konzern ..."
        last = re.search(r"\b([A-ZÄÖÜ][\w-]+)$", text[sent[0] : colon])
        if last is not None and _german_name_word(last.group(1)):
            opening = (last.group(1), sent[0] + last.start(1), sent[0] + last.end(1))
    if opening and re.search(r"\bwie (?:er|sie|es)\b[^,;]*$", text[sent[0] : cs]):
        return Attribution(opening[0], (cs, ce), opening[1:], sent)
    # "l'homme d'affaires répète", "the billionaire said": the person named last before the verb
    if _PERSON_EPITHET.search(text, sent[0], cs):
        people = [c for c in names_in(text[:cs], 0, memory.names) if speaker_type(c[0], memory.firms) == "person"]
        if people or memory.last_person is not None:
            name = max(people, key=lambda c: c[1])[0] if people else memory.last_person
            return Attribution(name, (cs, ce), None, sent, pronoun=True)
    # "L'AESO a attribué les 1 200 mégawatts qu'il disait pouvoir raccorder": "il" is the company the sentence
    # opens with, where no person is named in it
    own = _opening_company(text, sent, memory) if lang in ("fr", "en") else None
    relative_it = re.search(r"\b(?:qu['’](?:il|elle)|that it)\s+(?:\w+\s+){0,3}$", text[sent[0] : cs])
    persons = [
        n for n, _, _ in names_in(text[sent[0] : cs], 0, memory.names) if speaker_type(n, memory.firms) == "person"
    ]
    if own is not None and relative_it and not persons:
        return Attribution(own[0], (cs, ce), own[1:], sent, pronoun=True)
    return None


# the speaker's own document: "according to its quarterly supplement", "selon son rapport annuel", "laut seinem
# Geschäftsbericht" (after the cue), "its quarterly filing showed", "wie aus seinen Unterlagen hervorgeht" (before)
_OWN_DOC = (
    r"(?:[\w-]+\s+){0,2}?(?:filing|report|results|accounts|statement|supplement|prospectus|rapport|comptes"
    r"|document|Unterlagen|Bericht|Bilanz|Geschäftsbericht|Quartalsbericht|Mitteilung)\b"
)
_OWN_DOCUMENT_AFTER = re.compile(rf"\s+(?:its|son|sa|ses|seinem|seinen|seiner|ihrem|ihren|ihrer)\s+{_OWN_DOC}")
_OWN_DOCUMENT_BEFORE = re.compile(rf"\b(?:its|aus seinen|aus seinem|aus ihren|aus ihrem)\s+{_OWN_DOC}\s+$")


def _own_document(text: str, sent: tuple[int, int], cue: tuple[int, int], memory: Memory) -> Attribution | None:
    """The company whose own document a cue cites: the first company its clause names (after a colon or a
    semicolon), else the company "the company" last stood for; not a person ("its")."""
    after = _after_cue(text[cue[0] : cue[1]].lower()) and _OWN_DOCUMENT_AFTER.match(text, cue[1], sent[1])
    if not (after or _OWN_DOCUMENT_BEFORE.search(text, sent[0], cue[0])):
        return None
    start = max([sent[0]] + [sent[0] + m.end() for m in re.finditer(r"[:;]\s", text[sent[0] : cue[0]])])
    named = [c for c in _named_in_sentence(text, text[start : cue[0]], start, memory) if c[0] not in memory.people]
    after_source = _subject_after_source(text, sent, cue)  # "Selon ses comptes, la Cleveland Clinic a essuyé"
    name = named[0][0] if named else after_source[0] if after_source else _the_company(text, sent[0], memory)
    return Attribution(name, cue, None, sent) if name else None


# "Williams, the pipeline operator, said": a name that opens the sentence, set off by what it is, then the verb
_APPOSED = re.compile(
    rf"\s*({_WORD}(?: {_WORD}){{0,3}}), (?:the|a|an|its|le|la|l['’]|les|un|une|der|die|das|ein|eine)\s?"
    r"[^,;:“”\"«»„]{2,80},\s*"
)


def _apposed_subject(text: str, sent: tuple[int, int], cue: tuple[int, int], memory: Memory) -> Attribution | None:
    m = _APPOSED.fullmatch(text, sent[0], cue[0])
    if m is None or m.group(1).split()[0] in _NOT_NAMES | _NOT_SUBJECT_NAMES | _CONJUNCTIONS:
        return None
    name = untitled(m.group(1))[0]
    return Attribution(memory.names.get(name, _CANON.get(name, name)), cue, m.span(1), sent)


# "Das teilte das Unternehmen am Montag mit.": a German sentence that reports the one before it
_REPORTS_BEFORE = re.compile(
    r"\s*(?:Das|Dies)\s+(?:teilten?|kündigten?|gaben?|sagten?|berichteten?|erklärten?|meldeten?|bestätigten?"
    r"|verkündeten?|geht\s+aus|ging\s+aus)\b"
)


def reports_before(text: str, sent: tuple[int, int], before: tuple[int, int], att: Attribution | None, memory: Memory):
    """The speaker of the sentence ``before`` when the sentence ``sent`` reports it ("Das teilte das Unternehmen am
    Montag mit"), else None: ``att``, the attribution of ``sent``, or where ``sent`` names its speaker by what it is
    ("der Elektroautobauer", "das Unternehmen aus Denver"), the company the sentence before opens with."""
    m = _REPORTS_BEFORE.match(text, sent[0], sent[1])
    if m is None:
        return None
    subject = text[m.end() : sent[1]].lstrip()
    # no name after ("das Unternehmen", "die beiden japanischen Konzerne"; not "die Vizepräsidentin der Bank, X")
    noun = rf"(?i:{_FIRM_NOUNS['de']})(?:e|en)?\b(?! [A-Z])"
    typed = re.match(rf"(?:der|die|das|beide) (?:[a-zäöü][\w-]* ){{0,2}}{noun}", subject)
    described = _DESCRIPTIONS.match(subject) or typed
    if described:
        pair = _pair_opener(text, before) if re.match(r"(?:die )?beide|les deux|both", subject) else None
        firm = pair or _typed_opener(text, before[0]) or _opening_company(text, before, memory)
        firm = firm or _inverted_firm(text, before)
        if firm is not None:
            return Attribution(firm[0], att.cue if att else None, (firm[1], firm[2]), before)
    return att if att is not None and att.speaker != ARTICLE else None


def _pair_opener(text: str, sent: tuple[int, int]) -> tuple[str, int, int] | None:
    """The first of two companies joined by "und" ("Toyota und der Telekommunikationskonzern NTT wollen"), for "die
    beiden Konzerne" after it; else None."""
    joined = r"(?<![\w-])([A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3}) und (?=(?:der|die|das) )"
    for pair in re.finditer(joined, text[sent[0] : sent[1]]):
        if _TYPED_FIRM.match(text, sent[0] + pair.end(), sent[1]):  # (or further in: "Bis 2030 wollen Siemens und")
            name, at = untitled(pair.group(1), sent[0] + pair.start(1))  # "Der ... Rechenzentrumsbetreiber Elsewedy"
            return name, at, sent[0] + pair.end(1)
    return None


def _inverted_firm(text: str, sent: tuple[int, int]) -> tuple[str, int, int] | None:
    """The company named by what it is as the subject after the verb of a sentence that opens with its figure ("Rund
    50 Millionen Dollar steckt der Betreiber Wingu Africa in ..."), else None."""
    m = re.match(r"[^,;.]{0,200}?\d[^,;]{0,200}?\s[a-zäöüß]+\s+(?=(?:der|die|das)\s)", text[sent[0] : sent[1]])
    found = _TYPED_FIRM.match(text, sent[0] + m.end(), sent[1]) if m else None
    if found is None:
        return None
    name = untitled(found.group(1))[0]
    return _CANON.get(name, name), found.start(1), found.end(1)


# "Das geht aus einer Studie der X hervor", "Aus dem Quartalsbericht geht zudem hervor, dass ...": a document reports
_REPORTED_BY_DOCUMENT = re.compile(r"\s*(?:(?:Das|Dies|Es)\s+(?:geht|ging)\s+aus|Aus\s[^.;]*?\b(?:geht|ging))\b")


def _coordinated_subject(text: str, sent: tuple[int, int], cue: tuple[int, int], memory: Memory):
    """A verb that shares the subject the sentence opens with ("Amazon Web Services opened its region on Tuesday, a
    year later than promised, and said it was still investing ..."): that company, else None."""
    shared = re.search(r"(?:,\s*|\s)(?:and|et|und)\s+$", text[sent[0] : cue[0]])
    if not shared or _after_cue(text[cue[0] : cue[1]].lower()):
        return None  # not "... and according to Reuters it will": the source follows that cue
    own = _opening_company(text, sent, memory)
    opens = own is not None and re.fullmatch(r"\W*(?:The\s+)?", text[sent[0] : own[1]])  # not "In central Poland, ..."
    return Attribution(own[0], cue, (own[1], own[2]), sent) if opens else None


# "précise-t-il", "avait-il indiqué" (a pronoun inside the cue)
_SINGULAR = re.compile(r"(?:-t\s?)?-(?:il|elle)\b", re.IGNORECASE)


def _unheard_referent(text: str, sent: tuple[int, int], cue: tuple[int, int], memory: Memory) -> str | None:
    """Whom a singular pronoun stands for where no person has spoken yet: the company that last spoke, where the
    sentence before opened with it ("..., a annoncé le groupe. Le groupe avait obtenu ... Il s'était alors engagé"),
    else the person the article last named ("Le procureur général Mike Hilgers a retiré sa plainte. Dans celle-ci, il
    affirmait"); None for a plural, or where the sentence before opened with a thing ("Le projet ... Il prévoit")."""
    before = re.search(r"\b(?:il|elle|he|she|er)\s+(?:\w+\s+){0,3}(?:[sl]['’]\s?)?$", text[sent[0] : cue[0]], re.I)
    after = re.match(r"\s*er\b", text[cue[1] : sent[1]])  # "sagte er" (not "avait promis il y a un an")
    if not (_SINGULAR.search(text[cue[0] : cue[1]]) or before or after) or _after_cue(text[cue[0] : cue[1]].lower()):
        return None  # nor where the source follows the cue ("Er kostet nach Angaben des Forschungszentrums")
    ends = list(_SENTENCE_END.finditer(text, 0, max(sent[0] - 1, 0)))
    previous = text[ends[-1].end() if ends else 0 : sent[0]].lstrip()
    company = memory.the_company is not None and (
        previous.startswith(memory.the_company) or _DESCRIPTIONS.match(previous) or _TYPED_FIRM.match(previous)
    )
    if company:
        return memory.the_company
    opener = re.match(r"((?:[A-Z][\w&-]*\s){1,2}[A-Z][\w&-]*)\s+[a-zà-ÿ]", previous)  # "Texas Instruments a obtenu"
    name = opener.group(1) if opener else ""
    firm = opener and speaker_type(name, memory.firms) == "organization"
    if firm and not (_place_name(name) or _opens_no_name(name.split())):  # not "Der Supercomputer steht"
        return name
    heard = names_in(text[: sent[0]], 0, memory.names)
    named = [(a, n) for n, a, _ in heard if speaker_type(n, memory.firms) == "person"]
    stop = _NOT_NAMES | _NOT_SUBJECT_NAMES | _TITLE_WORDS | _ORG_WORDS | _GERMAN_NOT_NAMES | _PLACES
    for m in _PERSON_NAME.finditer(text, 0, sent[0]):  # a full name the list lacks ("..., Mike Hilgers, a abandonné")
        words = m.group().split()
        words = words[1:] if len(words) == 3 and (len(words[0]) >= 10 or words[0] in _TITLES) else words
        if not set(words) & stop and not _NAME_BEFORE.search(text, 0, m.start()):  # "Generalstaatsanwalt Mike ..."
            named.append((m.start(), " ".join(words)))
    return max(named)[1] if named else None


# where a sentence ends: a full stop, not an abbreviation's ("M. Biden", "5 Mrd. Dollar", "Dr. Su", "U.S. plans")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMrd)(?<!\bMio)(?<!\bDr)(?<!\bSt)(?<!\bMr)(?<!\bCo)[.!?]\s+|\n")


_FEMININE_SUBJECT = re.compile(
    r"(?<!\bà )(?<!\bde )(?<!\bd['’])\b(?:la|l['’])\s?(?:jeune pousse|start-up|société|entreprise|banque|compagnie"
    r"|firme)\b[^,;:]{0,40}$"
)


def _person_before(text: str, start: int, end: int, memory: Memory) -> bool:
    """Whether ``text[start:end]`` names a person ("la ministre Clara Chappaz a promis ..., a-t-elle annoncé")."""
    named = names_in(text[start:end], start, memory.names)
    return any(speaker_type(n, memory.firms) == "person" for n, _, _ in named) or bool(
        _PERSON_NAME.search(text, start, end)
    )


# a company named after a preposition, with its article and up to two words of what it is ("à la compagnie X")
_GOVERNED_FIRM = re.compile(rf"\b(?:{_FRENCH_PREPOSITIONS})\s+(?:(?:la|le|les|l['’])\s?)?(?:[a-zà-ÿ-]+\s+){{0,2}}$")


def _typed_subject(text: str, sent: tuple[int, int], cue: tuple[int, int], memory: Memory) -> list:
    """The companies introduced by what they are that may be the inverted pronoun's subject: "Jusqu'à 3,5 milliards
    de dollars : c'est la couverture que le courtier Aon peut réunir, a-t-il annoncé" (the company the sentence
    introduced, where none opens it); "..., c'est le montant qu'a levé la jeune pousse californienne SambaNova
    Systems, ..., a-t-elle annoncé" (after a feminine noun, where no one was heard or named before it, and not after
    "à" or "de": "promise à la jeune pousse X")."""
    cs, ce = cue
    named = [c for c in names_in(text[sent[0] : cs], sent[0], memory.names) if c[0] in memory.firms]
    if re.search(r"-il\b", text[cs:ce]):  # (not a complement: "Elle vendra son courant à la compagnie X")
        return [c for c in named if not _GOVERNED_FIRM.search(text, sent[0], c[1])]
    if not re.search(r"-elle\b", text[cs:ce]) or memory.last_person is not None:
        return []
    if _person_before(text, sent[0], cs, memory) or _unheard_referent(text, sent, cue, memory):
        return []
    return [c for c in named if _FEMININE_SUBJECT.search(text, sent[0], c[1])]


def attribute(text: str, sent: tuple[int, int], cues, quotes, lang: str, memory: Memory) -> Attribution | None:
    """The speaker of one sentence (``sent``: its span in ``text``) from its reporting cues; None without a cue. A
    verb of commitment or expectation ("s'engage", "pledged", "expects") speaks only where no reporting verb does.
    ``memory`` holds what the sentences before said (:meth:`Memory.heard` adds this one's attribution)."""
    last = memory.last_person
    for cs, ce in sorted(cues, key=lambda c: _cue_order(text, c, cues)):
        if _skipped(text, sent, (cs, ce)):
            continue
        if _OBJECT_CUE.fullmatch(text[cs:ce]) and not _NAME_BEFORE_VERB.search(text, sent[0], cs):
            continue  # "It described Microsoft as", "Le groupe a présenté Microsoft comme": no named subject
        # "a lancé mardi un appel à projets de 294 millions", alone: a thing launched, not words (beside another
        # cue, the subject the other cue reports: "QScale a lancé la construction ..., a annoncé l'entreprise")
        if _LAUNCHED_THING.match(text, cs) and not _INVERTED.search(text, sent[0], cs) and len(cues) == 1:
            continue
        if text[cs:ce] == "geschrieben" and _IDIOM_WRITTEN.search(text, max(sent[0], cs - 40), cs):
            continue  # "rote Zahlen geschrieben" (made a loss), "Wie bereits geschrieben": no one reports
        # "Die Firma ging aus einer Abspaltung hervor" emerged; "Das geht aus ... hervor" reports
        if text[cs:ce].lower() == "hervor" and not _REPORTED_BY_DOCUMENT.match(text, sent[0]):
            continue
        if (apposed := _apposed_subject(text, sent, (cs, ce), memory)) is not None:
            return apposed
        if (owner := _own_document(text, sent, (cs, ce), memory)) is not None:
            return owner
        # "Berichten zufolge", "Insidern zufolge": unnamed reports name no one; alone in its clause, the clause is
        # the article's (not the next clause's "sagte Finanzchef Goto"), else another cue names the source
        if text[cs:ce].lower() == "zufolge" and _UNNAMED_REPORTS.search(text, sent[0], cs):
            if all(_skipped(text, sent, c) for c in cues if c != (cs, ce)):
                return Attribution(ARTICLE, (cs, ce), None, sent)
            continue
        if (special := _referred(text, sent, (cs, ce), lang, memory)) is not None:
            return special
        if (told := _told_before(text, sent, (cs, ce), memory)) is not None:
            return told
        if (told := _told_by_reference(text, sent, (cs, ce), lang, memory)) is not None:
            return told
        if (shared := _coordinated_subject(text, sent, (cs, ce), memory)) is not None:
            return shared
        if _pronoun_subject(text, sent, (cs, ce), lang):
            inverted = re.search(r"-t\s?-|\w-(?:il|elle)\b", text[cs:ce]) is not None  # "avait-il"
            # "Son directeur général, Sunil Gupta, ..., a-t-il confié": the person set off as the subject
            person = _SET_OFF_PERSON.match(text, sent[0], cs) if inverted and re.search(r"-il\b", text[cs:ce]) else None
            if person is not None:
                return Attribution(person.group(1), (cs, ce), person.span(1), sent)
            firm = _pronoun_firm(text, sent, (cs, ce), memory, inverted)
            if firm is not None:  # "La start-up Nscale ..., a-t-elle annoncé": the company
                return Attribution(firm[0], (cs, ce), (firm[1], firm[2]), sent)
            # "Als Mark Zuckerberg ... vorstellte, versprach er": the person the sentence named before the pronoun
            earlier = [
                n for n, a, _ in names_in(text[sent[0] : cs], sent[0], memory.names) if speaker_type(n) == "person"
            ]
            if earlier and re.match(r"\s*(?:Als|When|Lorsque|Quand|Nachdem|After|Après)\b", text[sent[0] : cs]):
                return Attribution(earlier[0], (cs, ce), None, sent, pronoun=True)
            if last is not None:
                return Attribution(last, (cs, ce), None, sent, pronoun=True)
            if (unheard := _unheard_referent(text, sent, (cs, ce), memory)) is not None:
                return Attribution(unheard, (cs, ce), None, sent, pronoun=True)
        cands = _candidates(text, sent, quotes, (cs, ce), lang, memory)
        pick = _pick(cands, (cs, ce), text[cs:ce], sent, text, lang, memory.firms)
        if pick is not None:
            content = next(((qs, qe) for qs, qe in quotes if sent[0] <= qe and qs <= sent[1]), sent)
            pronoun_first = _pronoun_at(text, (cs, ce), lang) and min(abs(pick[1] - ce), abs(cs - pick[2])) > 15
            if not pronoun_first:
                return Attribution(pick[0], (cs, ce), (pick[1], pick[2]), content)
        if last is not None and _pronoun_at(text, (cs, ce), lang):
            return Attribution(last, (cs, ce), None, sent, pronoun=True)
        if not cands and text[cs:ce].lower() in _OWN_ACCOUNT:
            # "Der mexikanische Betreiber KIO Networks kaufte ...; nach eigenen Angaben hat es": the company the
            # sentence opens with; opening the sentence ("Mit dem Geld will Groq ... Nach eigenen Angaben wäre das
            # der größte Einsatz"), the company the article last spoke of
            firm = _typed_opener(text, re.compile(r"\s*").match(text, sent[0]).end())
            if firm is not None:
                return Attribution(firm[0], (cs, ce), (firm[1], firm[2]), sent)
            opens = re.search(r"(?:^|[.!?]\s+|\n)$", text[: sent[0]]) and not text[sent[0] : cs].strip()
            # "Nach eigenen Angaben wäre das ...": a verb, then a pronoun, names no other subject
            opens = opens and re.match(r"\s*\w+\s+(?:das|es|er|sie|dies|diese[rs]?)\b", text[ce : sent[1]])
            if memory.the_company is not None and opens:
                return Attribution(memory.the_company, (cs, ce), None, sent, pronoun=True)
    return None

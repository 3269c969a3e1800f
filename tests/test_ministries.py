"""Ministries named by their portfolio, read as their official English names (gigawatt.claims.extract.ministries).

The oracle is the government's own English name, written out here by hand from its website (the source the data
file cites for each row), not read back from the data file; a ministry the file has no row for takes its plain name.
"""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

import pytest

from gigawatt.claims.extract import extract
from gigawatt.claims.extract.ministries import PORTFOLIOS, article_country, ministries_in

D = dt.date(2025, 9, 17)


@pytest.mark.parametrize(
    "text, lang, name",
    [
        # the country in the phrase
        ("Japan will give $16 million, Japan's foreign ministry said.", "en", "Ministry of Foreign Affairs"),
        ("a annoncé le ministère japonais des Affaires étrangères.", "fr", "Ministry of Foreign Affairs"),
        ("Das teilte das japanische Außenministerium mit.", "de", "Ministry of Foreign Affairs"),
        ("Das US-Energieministerium fördert Reaktoren.", "de", "Department of Energy"),
        ("nach Angaben des Handelsministeriums in Washington", "de", "Department of Commerce"),
        ("The U.S. Energy Department said on Tuesday", "en", "Department of Energy"),
        # a capitalised English "Department" is Washington's where no other country is named
        ("the Justice Department said on Tuesday.", "en", "Department of Justice"),
        # the country the article names most
        ("Japan plans subsidies. Japan and Tokyo. The trade ministry said so.", "en",
         "Ministry of Economy, Trade and Industry"),
        ("Korea. Seoul. Le ministère des Sciences et des TIC a annoncé un plan.", "fr", "Ministry of Science and ICT"),
        ("Guatemala verkauft Strom. Guatemala. Das Energieministerium erwartet Investitionen.", "de",
         "Ministry of Energy and Mines"),
        ("Le Guatemala exporte. Le ministère de l'énergie a mis l'investissement à 3 milliards.", "fr",
         "Ministry of Energy and Mines"),
        # the first portfolio of a long name, or a later one the country's table knows
        ("Nepal. Laut einem Fahrplan des Ministeriums für Energie, Wasserressourcen und Bewässerung", "de",
         "Ministry of Energy, Water Resources and Irrigation"),
        ("Ouzbékistan. Ouzbékistan. a précisé le ministère des Technologies numériques.", "fr",
         "Ministry of Digital Technologies"),
        ("Spanien. Wie das Ministerium für den ökologischen Wandel mitteilte", "de",
         "Ministry for the Ecological Transition"),
        # a country the table has no row for: the plain name
        ("Pakistan. The finance ministry said on Sunday.", "en", "Ministry of Finance"),
        ("The Emirati investment ministry put Egypt's market at $490 million.", "en", "Ministry of Investment"),
        ("Le Koweït. Le ministère de l'Électricité a indiqué", "fr", "Ministry of Electricity"),
    ],
)  # fmt: skip
def test_a_ministry_by_its_portfolio_is_read_as_its_official_name(text, lang, name):
    assert [n for n, _, _ in ministries_in(text, lang)] == [name]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("the Arizona State Land Department said after the auction.", "en"),  # a part of a longer name
        ("Außenministerin Yoko Kamikawa traf ihren Kollegen.", "de"),  # a minister, not a ministry
        ("The company's sales department grew.", "en"),  # no portfolio
    ],
)
def test_no_ministry_where_none_is_named(text, lang):
    assert ministries_in(text, lang) == []


def test_the_article_country_is_the_one_named_most_and_not_the_dollar():
    # "US-Dollar" names a currency, not the United States
    assert article_country("Guatemala exportiert Strom für 3 Mrd. US-Dollar; Guatemala hat US-Dollar.") == "Guatemala"
    # a tie names the first named (it named none before: the tally of *-01..681 gained four speakers, lost none)
    assert article_country("Korea und Japan.") == "South Korea"
    assert article_country("Luxembourg will spend €112 million; France's Atos built MeluXina.") == "Luxembourg"
    assert article_country("No country here.") is None
    # "Luxembourg-based" and the Rosa-Luxemburg-Stiftung name no country (the review of the round's rules)
    assert article_country("A Luxembourg-based fund invested in Panama; Panama's finance ministry said.") == "Panama"
    assert article_country("Die Rosa-Luxemburg-Stiftung kritisierte Japan.") == "Japan"


def test_luxembourgs_economy_ministry_and_britains_department_for_transport():
    """*-666..681: "the economy ministry" of Luxembourg and "le ministère" of the UK's transport were plain names."""
    text = "Luxembourg will spend €112 million, the economy ministry said."
    assert ministries_in(text, "en")[0][0] == "Ministry of the Economy"
    text = "Le Royaume-Uni économisera 300 millions de livres, selon le ministère britannique des Transports."
    assert ministries_in(text, "fr")[0][0] == "Department for Transport"


def test_greeces_digital_governance_and_bulgarias_energy_ministry():
    """*-698..713: "le ministère de la Gouvernance numérique" was no ministry, Greece's digital one a plain name, and
    Bulgaria no country (its "Energieministerium" went to the US Department of Energy)."""
    text = "La Grèce paiera 41 millions d'euros, a annoncé le ministère de la Gouvernance numérique."
    assert ministries_in(text, "fr")[0][0] == "Ministry of Digital Governance"
    text = "Griechenland zahlt 41 Millionen Euro, teilte das Digitalministerium mit."
    assert ministries_in(text, "de")[0][0] == "Ministry of Digital Governance"
    text = "Bulgarien will zwei Reaktoren bauen. Die Kosten veranschlagt das Energieministerium auf 14 Mrd. Euro."
    assert ministries_in(text, "de")[0][0] == "Ministry of Energy"


def test_ecuadors_merged_ministry_and_togos_digital_economy():
    """*-714..729: Ecuador's ministry of environment and energy (merged in 2025) was read as its environment ministry;
    Togo's "ministère de l'Économie numérique et de la Transformation digitale" as a ministry of the economy."""
    text = "Le ministère équatorien de l'Environnement et de l'Énergie fait état de 5 454 MW."
    assert ministries_in(text, "fr")[0][0] == "Ministry of Environment and Energy"
    text = "Le Togo a payé, précise le ministère de l'Économie numérique et de la Transformation digitale."
    assert ministries_in(text, "fr")[0][0] == "Ministry of Digital Economy and Digital Transformation"
    # the economy's ministry stays the economy's
    assert ministries_in("Le ministère de l'Économie a chiffré la dette.", "fr")[0][0] == "Ministry of Economy"


def test_every_row_of_the_table_has_a_known_portfolio_and_a_source():
    with resources.files("gigawatt.data").joinpath("ministries.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        assert row["portfolio"] in PORTFOLIOS, row
        assert row["source"].startswith("https://"), row
        assert dt.date.fromisoformat(row["date"]) <= dt.date.today(), row  # (read when written, never ahead)


@pytest.mark.parametrize(
    "text, lang, speakers",
    [
        ("Japan will give Cambodia up to 2.3 billion yen (about $16 million) to build a data centre, Japan's foreign "
         "ministry said. A second grant of about $6.9 million goes to water, the ministry said.", "en",
         ["Ministry of Foreign Affairs"] * 2),
        ("Pakistan will allocate 2,000 megawatts to bitcoin mining and AI data centres, the finance ministry said on "
         "Sunday.", "en", ["Ministry of Finance"]),
        # not the list's US department for a Guatemalan "Energieministerium"
        ("Guatemala verkauft Strom an seine Nachbarn. Für Lieferungen ab 2030 schreibt Guatemala 1400 Megawatt aus; "
         "das Energieministerium erwartet Investitionen von rund drei Milliarden Dollar.", "de",
         ["the article", "Ministry of Energy and Mines"]),
        ("La Corée du Sud achète 13 136 processeurs graphiques, a annoncé lundi le ministère des Sciences et des TIC. "
         "L'État en garde 10 456 processeurs graphiques, précise le ministère.", "fr",
         ["Ministry of Science and ICT"] * 2),
        # a thing launched is no report: "a lancé un appel à projets", alone in its sentence
        ("Le ministère américain de l'Énergie a lancé mardi un appel à projets de près de 294 millions de dollars.",
         "fr", ["the article"]),
        # *-794..809: Serbia's ministry of mining and energy, by either portfolio; India's railways ministry
        ("Serbia will build 1,000 MW of solar plants, the mining and energy ministry said.", "en",
         ["Ministry of Mining and Energy"]),
        ("Serbien plant Solarparks mit 1000 Megawatt, teilte das Energieministerium in Belgrad mit.", "de",
         ["Ministry of Mining and Energy"]),
        ("Les chemins de fer indiens achèteront 170 MW d'électricité solaire, a annoncé le ministère des Chemins de "
         "fer.", "fr", ["Ministry of Railways"]),
    ],
)  # fmt: skip
def test_ministries_speak_by_their_official_names(text, lang, speakers):
    """*-602..617 and the tuned set: "Japan's foreign ministry said", "the finance ministry said", "das
    Energieministerium" in Guatemala and "le ministère des Sciences et des TIC" were left to the article or given to
    the US Department of Energy (about 100 speakers of *-01..617)."""
    assert [c["speaker"] for c in extract(text, D, lang)["claims"]] == speakers


@pytest.mark.parametrize(
    "text, lang, names",
    [
        # a company's, a county's, a US state's or a city's department, and a modifier, name no national ministry
        ("Samsung's research and development department expects its new fab to draw 1 gigawatt.", "en", []),
        ("Loudoun County's economic development department said on Monday.", "en", []),
        ("Virginia's energy department said on Monday. The US grid is strained, US officials said.", "en", []),
        ("The company's finance department said on Monday that the US campus will draw 4 gigawatts.", "en", []),
        ("Japan's trade ministry said so. A former finance ministry official said more.", "en",
         ["Ministry of Economy, Trade and Industry"]),
        ("India's Atomic Energy Department said it plans 100 gigawatts.", "en", []),
        ("Das bayerische Wirtschaftsministerium teilte mit, der Bedarf steige.", "de", []),
        ("Das NRW-Wirtschaftsministerium teilte mit, der Bedarf steige.", "de", []),
        # a country the table does not know is no reason to take the article's; North Korea is not South Korea
        ("Norway's energy ministry said on Monday. British firms in London, British officials said.", "en",
         ["Ministry of Energy"]),
        ("Le ministère norvégien de l'Énergie a indiqué. Le britannique Nscale, basé à Londres, a dit.", "fr",
         ["Ministry of Energy"]),
        ("North Korea's science ministry said on Monday.", "en", ["Ministry of Science"]),
        # "The U.S." before the phrase names the country, whatever the article names most
        ("Germany and Berlin, Berlin. The U.S. energy department said American firms would help.", "en",
         ["Department of Energy"]),
        # a French adjective with any accent; the country after the phrase; "Bundes-"
        ("Le ministère taïwanais de l'Économie prévoit 5 gigawatts.", "fr", ["Ministry of Economic Affairs"]),
        ("Le ministère de l'Énergie et des Mines du Guatemala a indiqué 300 mégawatts.", "fr",
         ["Ministry of Energy and Mines"]),
        ("Das Bundeswirtschaftsministerium rechnet damit.", "de", ["Ministry of Economy"]),
    ],
)  # fmt: skip
def test_the_reviews_ministry_cases(text, lang, names):
    """A review of the ministries reader (a56ed5b) found each of these read wrong."""
    assert [n for n, _, _ in ministries_in(text, lang)] == names


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a German ministry of a country the table lacks is not the list's US department
        ("Das Energieministerium in Berlin rechnet damit, dass Rechenzentren bis 2030 rund 5 Gigawatt benötigen.",
         "de", "Ministry of Energy"),
        ("Das deutsche Verteidigungsministerium teilte mit, die Bundeswehr brauche 1 Gigawatt.", "de",
         "Ministry of Defence"),
        # a genitive "der" after a noun is no outlet spoken to
        ("Der Bedarf liege bei 5 Gigawatt, sagte ein Sprecher der Energieagentur Dena.", "de", "Dena"),
        # something said, not a thing launched
        ("EDF a lancé lundi un avertissement : la demande atteindra 10 gigawatts en 2030.", "fr", "EDF"),
        # a thing's acronym is no company
        ("Dominion Energy filed its plan on Monday. HVDC lines will carry 3 gigawatts by 2030, according to its "
         "plan. HVDC costs are high.", "en", "Dominion Energy"),
        # "the ministry" at a sentence's start, in German
        ("Das japanische Wirtschaftsministerium rechnet mit 5 Gigawatt. Das Ministerium teilte mit, der Bedarf "
         "steige auf 6 Gigawatt.", "de", "Ministry of Economy, Trade and Industry"),
    ],
)  # fmt: skip
def test_the_reviews_speaker_cases(text, lang, speaker):
    """The same review: each of these lost its speaker to a rule of 38ba409..a56ed5b."""
    assert {c["speaker"] for c in extract(text, D, lang)["claims"]} == {speaker}


def test_many_ministries_take_linear_time():
    """The article's country is counted once per text, not once per phrase (the review timed 14.6 s on 20,000
    characters of "the energy ministry said"). A count of calls, not a timing: article_country's cache holds it."""
    from gigawatt.claims.extract import ministries

    ministries.article_country.cache_clear()
    ministries_in("Japan. " + "the energy ministry said " * 400, "en")
    assert ministries.article_country.cache_info().misses == 1

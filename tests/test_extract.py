"""gigawatt claims extract: numbers, scales, quantities, hedges, deadlines and speakers per language, the CLI and
its round trip into the ledger, and the score on the composed corpus (tests/extract_corpus)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gigawatt.claims.extract import extract
from gigawatt.claims.extract.deadlines import read_deadline
from gigawatt.claims.extract.numbers import parse_number
from gigawatt.claims.extract.patterns import nlp
from gigawatt.claims.extract.score import read_corpus, same_entity, score
from gigawatt.claims.extract.speakers import speaker_type
from gigawatt.cli.core import main

CORPUS = Path(__file__).parent / "extract_corpus"
D = dt.date(2025, 1, 23)


def one(text: str, lang: str, date: dt.date | None = D) -> dict:
    claims = extract(text, date, lang)["claims"]
    assert len(claims) == 1, claims
    return claims[0]


# --- numbers ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [("500\u00a0000", 500_000), ("500\u202f000", 500_000), ("500 000", 500_000), ("500.000", 500_000),
     ("100,000", 100_000), ("1,4", 1.4), ("1.4", 1.4), ("1.234.567,5", 1_234_567.5), ("1,234,567.5", 1_234_567.5),
     ("1 234,25", 1234.25)],
)  # fmt: skip
def test_locale_numbers(text, value):
    assert parse_number(text) == value


def _format(integer: int, cents: int, style: str, digits: int) -> str:
    group, decimal = {"en": (",", "."), "de": (".", ","), "fr": ("\u00a0", ","), "fr2": ("\u202f", ","),
                      "sp": (" ", ",")}[style]  # fmt: skip
    body = f"{integer:,}".replace(",", group)
    return body if digits == 0 else f"{body}{decimal}{cents:0{digits}d}"


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["en", "de", "fr", "fr2", "sp"]),
    st.sampled_from([0, 1, 2]),
)
def test_any_locale_format_parses_back(integer, cents, style, digits):
    """A number written in any of the three languages' formats reads back as itself (one or two decimals, or none:
    three decimals after a lone mark are the documented ambiguity)."""
    cents = cents % (10**digits) if digits else 0
    expected = integer + (cents / 10**digits if digits else 0)
    assert parse_number(_format(integer, cents, style, digits)) == pytest.approx(expected, rel=1e-15)


TEMPLATES = {
    "en": ("They pledged ${} billion to the project.", "en", 1e9),
    "de": ("Die Partner wollen {} Milliarden US-Dollar investieren.", "de", 1e9),
    "fr": ("Les partenaires investiront {} milliards de dollars.", "fr", 1e9),
    "fr2": ("Les partenaires investiront {} milliards de dollars.", "fr", 1e9),
    "sp": ("Le site recevra {} puces Nvidia.", "fr", 1.0),
}


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(sorted(TEMPLATES)),
    st.sampled_from([0, 1, 2]),
)
def test_an_amount_in_a_sentence_reads_back_in_any_locale(integer, cents, style, digits):
    """The same invariant through the whole extractor: a figure written the way the sentence's language writes it
    comes back as that figure times its scale word (counts are whole, so the chip template takes no decimals)."""
    template, lang, scale = TEMPLATES[style]
    digits = 0 if scale == 1.0 else digits
    if scale == 1.0:
        integer = max(integer, 100)  # a count of chips below 100 is not read as a fleet
    cents = cents % (10**digits) if digits else 0
    c = one(template.format(_format(integer, cents, style, digits)), lang)
    expected = (integer + (cents / 10**digits if digits else 0)) * scale
    assert c["quantity"] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "text, lang, value",
    [("They pledged $500 billion.", "en", 5e11), ("Ils promettent 500 milliards de dollars.", "fr", 5e11),
     ("Sie versprechen 500 Milliarden US-Dollar.", "de", 5e11), ("Un billion de dollars sera investi.", "fr", 1e12),
     ("Eine Billion Dollar wird investiert.", "de", 1e12), ("Un engagement de 1,4 trillion de dollars.", "fr", 1.4e12),
     ("Ils investiront cinq cents milliards de dollars.", "fr", 5e11), ("Sie planen 500 Mrd. Dollar ein.", "de", 5e11),
     ("SoftBank has $10B.", "en", 1e10), ("Fünfhundert Milliarden Dollar fließen.", "de", 5e11)],
)  # fmt: skip
def test_scale_words_per_language(text, lang, value):
    c = one(text, lang)
    assert (c["unit"], c["quantity"]) == ("USD", value)


def test_text2num_joins_digits_and_scale_words():
    """text2num alone reads '500 milliards' as 500 and 1000000000; the extractor joins them, and keeps the spelled
    number beside it apart."""
    claims = extract("Ils annoncent 500 milliards de dollars et cinq cents milliards d'euros.", D, "fr")["claims"]
    assert [(c["quantity"], c["unit"]) for c in claims] == [(5e11, "USD"), (5e11, "EUR")]
    assert claims[1]["flags"] == ["euros: not converted"] and claims[1]["kind"] == "unmodelled"


@pytest.mark.parametrize(
    "text, lang, unit, value",
    [("The site will draw 200 MW.", "en", "MW", 200), ("Le site consommera d'un gigawatt au total.", "fr", "MW", 1000),
     ("Die Anlage soll 5 GW erreichen.", "de", "MW", 5000),
     ("Die ersten 200 Megawatt gehen ans Netz.", "de", "MW", 200),
     ("Ils recevront 500 000 puces.", "fr", "count", 500_000), ("Sie erhalten 500.000 Chips.", "de", "count", 500_000),
     ("It runs 100,000 GPUs.", "en", "count", 100_000), ("Built in 122 days.", "en", "months", 122 * 12 / 365.25),
     ("Investis sur quatre ans.", "fr", "months", 48), ("In vier Jahren gebaut.", "de", "months", 48)],
)  # fmt: skip
def test_quantities_per_language(text, lang, unit, value):
    c = one(text, lang)
    assert c["unit"] == unit and c["quantity"] == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(
    "text, lang, comparator",
    [("SoftBank has well under $10B.", "en", "well under"), ("SoftBank a bien moins de 10 milliards de dollars.", "fr",
     "well under"), ("SoftBank hat weit unter 10 Milliarden Dollar.", "de", "well under"),
     ("Up to 500,000 chips a year.", "en", "<="), ("Jusqu'à 500 000 puces par an.", "fr", "<="),
     ("Bis zu 500.000 Chips pro Jahr.", "de", "<="), ("More than $400 billion.", "en", ">"),
     ("Plus de 400 milliards de dollars.", "fr", ">"), ("Mehr als 400 Milliarden Dollar.", "de", ">"),
     ("About 1 GW.", "en", "about"), ("Environ 1 GW.", "fr", "about"), ("Rund 1 GW.", "de", "about"),
     ("At least 1 GW.", "en", ">="), ("Au moins 1 GW.", "fr", ">="), ("Mindestens 1 GW.", "de", ">="),
     ("They plan 1 GW.", "en", "about")],
)  # fmt: skip
def test_hedges_per_language(text, lang, comparator):
    assert one(text, lang)["comparator"] == comparator


@pytest.mark.parametrize(
    "text, lang",
    [("The project could eventually reach $500 billion.", "en"),
     ("Le projet pourrait à terme atteindre 500 milliards de dollars.", "fr"),
     ("Das Projekt könne 500 Milliarden Dollar erreichen.", "de")],
)  # fmt: skip
def test_split_hedges(text, lang):
    """German puts the verb last and English and French put adverbs between: the Matcher spans the gap."""
    c = one(text, lang)
    assert (c["quantity"], c["comparator"]) == (5e11, ">=")


def test_a_multipliers_base_keeps_its_own_comparator():
    claims = extract("Das Projekt könne das Fünffache der ersten 100 Milliarden Dollar erreichen.", D, "de")["claims"]
    assert sorted((c["quantity"], c["comparator"]) for c in claims) == [(1e11, "about"), (5e11, ">=")]


def test_tokenisation_differs_per_language():
    """The patterns are written against each blank tokenizer: French splits d'ici and jusqu'à, German keeps the
    year and the full stop apart only sometimes ("2026." at a sentence end)."""
    assert [t.text for t in nlp("fr")("d'ici fin 2026")][:2] == ["d'", "ici"]
    assert [t.text for t in nlp("fr")("jusqu'à 5")][:2] == ["jusqu'", "à"]
    c = one("Die ersten 200 MW gehen bis Ende 2026.", "de")
    assert c["deadline"] == {"text": "bis Ende 2026.", "date": "2026-12-31", "granularity": "year"}


@pytest.mark.parametrize(
    "text, lang, date, granularity",
    [("200 MW d'ici fin 2026.", "fr", "2026-12-31", "year"), ("200 MW bis Ende 2026.", "de", "2026-12-31", "year"),
     ("200 MW by the end of 2026.", "en", "2026-12-31", "year"), ("200 MW by March 2027.", "en", "2027-03-31", "month"),
     ("200 MW by the second quarter of 2027.", "en", "2027-06-30", "quarter"),
     ("200 MW bis Mitte 2026.", "de", "2026-06-30", "half"), ("200 MW next year.", "en", "2026-12-31", "year"),
     ("200 MW l'année prochaine.", "fr", "2026-12-31", "year"), ("200 MW nächstes Jahr.", "de", "2026-12-31", "year")],
)  # fmt: skip
def test_deadlines_are_the_last_day_of_their_period(text, lang, date, granularity):
    d = one(text, lang)["deadline"]
    assert (d["date"], d["granularity"]) == (date, granularity)


def test_half_years_and_typographic_apostrophes():
    """News pages write ’ for ': the French patterns match both; half years end on June 30 or December 31."""
    c = one("Jusqu’à 5 GW d’ici fin 2026.", "fr")
    assert (c["comparator"], c["deadline"]["date"]) == ("<=", "2026-12-31")
    assert one("200 MW in the first half of 2026.", "en")["deadline"]["date"] == "2026-06-30"
    assert one("200 MW au premier semestre 2026.", "fr")["deadline"]["date"] == "2026-06-30"
    assert one("200 MW im zweiten Halbjahr 2026.", "de")["deadline"]["date"] == "2026-12-31"
    assert one("Il s'agit du plus grand projet, estime Masayoshi Son.", "fr")["speaker"] == "Masayoshi Son"


def test_relative_dates_stay_unresolved_without_a_date():
    assert one("200 MW next year.", "en", None)["deadline"]["date"] is None
    assert one("200 MW bis Ende 2026.", "de", None)["deadline"]["date"] == "2026-12-31"  # named years need no date
    assert extract("200 MW next year.", None, "en")["article"]["date_used"] is False


def test_multiplier_resolved_against_what_it_multiplies():
    claims = extract("They pledged $100 billion. Altman said it could reach five times that.", D, "en")["claims"]
    five = claims[-1]
    assert (five["quantity"], five["comparator"], five["multiplier"]["factor"]) == (5e11, ">=", 5)
    fr = extract("Le projet pourrait atteindre cinq fois sa mise de 100 milliards de dollars.", D, "fr")["claims"]
    assert sorted(c["quantity"] for c in fr) == [1e11, 5e11]
    de = extract("Die Kosten könnten fünfmal so hoch sein wie 100 Milliarden Dollar.", D, "de")["claims"]
    assert sorted(c["quantity"] for c in de) == [1e11, 5e11]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nvidia called it the largest cluster.", "en"),
        ("C'est le plus grand superordinateur du monde.", "fr"),
        ("Es ist der größte Rechner der Welt.", "de"),
    ],
)
def test_superlatives(text, lang):
    c = one(text, lang)
    assert (c["unit"], c["quantity"], c["kind"]) == ("rank", 1.0, "comparison")


# --- speakers -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        ('"We will spend $100 billion," said Masayoshi Son.', "en", "Masayoshi Son"),
        ("« Nous dépenserons 100 milliards de dollars », a déclaré Sam Altman.", "fr", "Sam Altman"),
        ("„Wir geben 100 Milliarden Dollar aus“, sagte Larry Ellison.", "de", "Larry Ellison"),
        ("Selon Reuters, les Émirats importeront 500 000 puces.", "fr", "Reuters"),
        ("Laut Bloomberg fließen 100 Milliarden Dollar.", "de", "Bloomberg"),
        ("The site will draw 200 MW.", "en", "the article"),
    ],
)
def test_speakers(text, lang, speaker):
    assert one(text, lang)["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker",
    [("SoftBank sold its Nvidia stake for $5.83 billion to pay OpenAI, the company disclosed.", "en", "SoftBank"),
     ("Colossus 2 soll nach Angaben von Elon Musk 550.000 Chips beherbergen.", "de", "Elon Musk"),
     ("Selon le fournisseur d'électricité DTE, le site consommera 1,4 GW.", "fr", "DTE")],
)  # fmt: skip
def test_descriptions_and_names_the_list_lacks(text, lang, speaker):
    assert one(text, lang)["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # the subject of the reporting verb, not the subject of the clause it reports
        ("AMD said on Monday that OpenAI will deploy 6 GW.", "en", "AMD"),
        ("AMD a déclaré lundi que OpenAI va déployer 6 GW.", "fr", "AMD"),
        ("Analysts at Bernstein said the deals could cost OpenAI $500 billion.", "en", "Bernstein"),
        ("Les analystes de Bernstein ont dit que cela coûterait 500 milliards de dollars.", "fr", "Bernstein"),
        # an inverted verb: its speaker follows, a person before a company in the words after it
        ('"We will spend $100 billion," said SoftBank chief executive Masayoshi Son.', "en", "Masayoshi Son"),
        ("« Nous dépenserons 100 milliards de dollars », a déclaré le patron de SoftBank, Masayoshi Son.", "fr",
         "Masayoshi Son"),
        ("OpenAI will spend $665 billion, The Information reported.", "en", "The Information"),
        ("OpenAI will 665 Milliarden Dollar ausgeben, berichtete The Information.", "de", "The Information"),
        ("Meta finanziert Hyperion mit 27 Milliarden Dollar, teilten die Unternehmen mit.", "de", "Meta"),
        ("Der Standort soll 2 GW erreichen, hatte eine Meta-Sprecherin gesagt.", "de", "Meta"),
        # a relative clause keeps its antecedent; acronyms the list lacks are names in every language
        ("Musk, who had said in January that SoftBank had $10 billion, did not comment.", "en", "Elon Musk"),
        ("OpenAI peilt laut ACME 30 GW an.", "de", "ACME"),
        # news outlets by description: the last one named
        ("SoftBank seeks $16.5 billion, Bloomberg reported. It is the largest loan, the report said.", "en",
         "Bloomberg"),
    ],
)  # fmt: skip
def test_speakers_by_the_place_of_their_verb(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


def test_a_clause_after_a_semicolon_has_its_own_speaker():
    text = "Forbes reported that the buildings cost $3.4 billion; Crusoe expects the campus to cost $10 billion."
    assert [c["speaker"] for c in extract(text, D, "en")["claims"]] == ["Forbes", "Crusoe"]
    text = "OpenAI will 665 Milliarden Dollar ausgeben, berichtete The Information; zuvor waren 450 Milliarden geplant."
    assert {c["speaker"] for c in extract(text, D, "de")["claims"]} == {"The Information"}


@pytest.mark.parametrize(
    "text, lang, date",
    [("OpenAI will spend $665 billion before 2030.", "en", "2029-12-31"),
     ("OpenAI will vor 2030 665 Milliarden Dollar ausgeben.", "de", "2029-12-31"),
     ("OpenAI a atteint 1,9 GW l'an dernier.", "fr", "2024-12-31"),
     ("OpenAI hat im vergangenen Jahr 1,9 GW erreicht.", "de", "2024-12-31"),
     ("200 MW au troisième trimestre de l'année prochaine.", "fr", "2026-09-30"),
     ("200 MW im dritten Quartal des nächsten Jahres.", "de", "2026-09-30"),
     ("200 MW in the second half of next year.", "en", "2026-12-31"),
     ("200 MW dans la seconde moitié de 2026.", "fr", "2026-12-31")],
)  # fmt: skip
def test_deadlines_before_a_year_in_the_past_and_within_a_relative_year(text, lang, date):
    """Publication date D is 2025-01-23: "before 2030" ends with 2029, "last year" is 2024."""
    assert one(text, lang)["deadline"]["date"] == date


def test_a_deadline_belongs_to_the_figure_of_its_clause():
    text = "AMD will deploy 6 GW over several years, starting with a first gigawatt in the second half of 2026."
    six, first = extract(text, D, "en")["claims"]
    assert (six["quantity"], six["deadline"]) == (6000, None)
    assert (first["quantity"], first["unit"], first["deadline"]["date"]) == (1000, "MW", "2026-12-31")
    two, five = extract("Der Standort soll bis 2030 auf 2 GW und in einigen Jahren 5 GW wachsen.", D, "de")["claims"]
    assert (two["deadline"]["date"], five["deadline"]["date"]) == ("2030-12-31", None)  # "in a few years": no date


def test_a_first_gigawatt_is_one_gigawatt_and_the_first_gigawatt_cluster_a_superlative():
    assert [(c["quantity"], c["unit"]) for c in extract("It starts with a first gigawatt.", D, "en")["claims"]] == [
        (1000, "MW")
    ]
    assert one("Il commence par un premier gigawatt.", "fr")["quantity"] == 1000
    assert one("Musk called it the first gigawatt training cluster.", "en")["unit"] == "rank"


def test_time_words_are_read_in_their_own_language():
    """German "2028 ans Netz" (onto the grid in 2028) is not the French "2028 ans" (2,028 years)."""
    assert extract("Zwei Kraftwerke sollen 2028 ans Netz gehen.", D, "de")["claims"] == []
    assert one("Le bail court sur 15 ans.", "fr")["quantity"] == 180


def test_a_multiple_of_todays_level_and_a_total_of():
    text = "OpenAI hat 1,9 GW. Bis 2030 peilt OpenAI 30 GW an – mehr als das Fünfzehnfache des heutigen Stands."
    claims = extract(text, D, "de")["claims"]
    assert [(c["quantity"], c["comparator"]) for c in claims] == [(1900, "about"), (30000, "about"), (28500, ">")]
    assert claims[-1]["deadline"]["date"] == "2030-12-31"  # the dash sets off an apposition, not another clause
    text = "Washington a autorisé 35 000 puces GB300 pour G42, sur un total de 70 000 accordées."
    assert [(c["quantity"], c["unit"]) for c in extract(text, D, "fr")["claims"]] == [
        (35000, "count"),
        (70000, "count"),
    ]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a pronoun subject takes the last named person, even with a company straight after the verb
        ("OpenAI has 30 GW, Sam Altman said. He said OpenAI wanted 1 GW a week.", "en", "Sam Altman"),
        # a person the list lacks, named after a title, and later by the surname alone
        ("xAI will 20 Milliarden Dollar investieren, teilte Gouverneur Tate Reeves mit. Es sei die größte "
         "Investition, sagte Reeves.", "de", "Tate Reeves"),
        ("Der Ausbau auf 1 GW soll bis 2028 fertig sein, sagte Hassan Al Naqbi, Chef des G42-Betreibers Khazna.", "de",
         "Hassan Al Naqbi"),
        # "..., Reuters reported" after a figure about OpenAI is no list of companies
        ("SoftBank signed a $40 billion loan to invest in OpenAI, Reuters reported.", "en", "Reuters"),
        # a company the list lacks opening the sentence; an organisation written in camel case after "laut"
        ("Acme said on Monday that OpenAI would deploy 10 GW.", "en", "Acme"),
        ("Dafür sind laut dem Marktforscher TrendForce rund 100.000 Chips nötig.", "de", "TrendForce"),
        # "nach eigenen Angaben": the subject; "in einem Blogeintrag des Unternehmens": the company named before
        ("OpenAI hat nach eigenen Angaben mehr als 10 Gigawatt gesichert.", "de", "OpenAI"),
        ("OpenAI wächst. Mehr als 3 GW seien hinzugekommen, hieß es in einem Blogeintrag des Unternehmens.", "de",
         "OpenAI"),
        ("xAI lève 20 milliards de dollars, selon The Information. La dette atteint 12,5 milliards de dollars, a "
         "précisé le site.", "fr", "The Information"),
    ],
)  # fmt: skip
def test_speakers_the_list_lacks_and_pronoun_subjects(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


def test_an_english_quotation_in_a_french_sentence_keeps_its_english_deadline():
    text = "« We will deliver 100,000 Nvidia GPUs to Narvik by the end of 2026 », a déclaré en anglais Josh Payne."
    c = one(text, "fr")
    assert (c["quantity"], c["speaker"], c["deadline"]["date"]) == (100000, "Josh Payne", "2026-12-31")


def test_clauses_for_deadlines():
    """A phrase after a comma shares its clause's deadline; a relative clause and "since" do not give one."""
    text = "Prometheus should have more than 1 gigawatt by the end of 2026, with some 500,000 Nvidia GPUs."
    assert [c["deadline"]["date"] for c in extract(text, D, "en")["claims"]] == ["2026-12-31", "2026-12-31"]
    text = "Le campus Lighthouse, qui coûtera 15 milliards de dollars, doit apporter un gigawatt d'ici fin 2028."
    money, power = extract(text, D, "fr")["claims"]
    assert (money["deadline"], power["deadline"]["date"]) == (None, "2028-12-31")
    assert one("Seit Ende Januar seien mehr als 3 GW hinzugekommen.", "de")["deadline"] is None
    assert one("The loan, the largest SoftBank has taken, matures in March 2027.", "en")["deadline"] is None  # rank


def test_a_scaled_figure_without_its_currency_is_money_of_the_figures_before_it():
    text = "Oracle a relevé ses investissements à 50 milliards de dollars, contre 35 milliards en septembre."
    assert [(c["quantity"], c["unit"]) for c in extract(text, D, "fr")["claims"]] == [(5e10, "USD"), (3.5e10, "USD")]
    text = "Jupiter coûtera 165 milliards de dollars. « Plus de 50 milliards seront investis d'ici 2030 », a-t-il dit."
    assert extract(text, D, "fr")["claims"][-1]["quantity"] == 5e10
    assert extract("ChatGPT has 800 million weekly users. It costs $1 billion.", D, "en")["claims"][0]["unit"] == "USD"


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # no subject before the verb and no name after it: no speaker, not the nearest name (most often an object)
        ("xAI plans 550,000 Nvidia chips, and its supplier has promised more than 1.1 GW.", "en", "the article"),
        ("Anthropic's deal with Google, announced last week, will bring over a gigawatt online.", "en", "the article"),
        # a German auxiliary: the subject follows it ("hatte Nvidia ... zugesagt"); "18.000" ends no clause
        ("Bereits im Mai hatte Nvidia 18.000 seiner GB300-Chips für Humain zugesagt.", "de", "Nvidia"),
        # a reporting verb before a verb of commitment; a list after an inverted verb gives its first name
        ("Anthropic s'engage à acheter pour 30 milliards de dollars de calcul, ont annoncé mardi Microsoft, Nvidia et "
         "Anthropic.", "fr", "Microsoft"),
        # "the company" whose sentence names a company only as an object: the company that opened a sentence before
        ("Microsoft will invest $4 billion. The first site cost $3.3 billion and will house Nvidia chips, according to "
         "the company.", "en", "Microsoft"),
        ("CoreWeave has 590 MW. The company, which went public at $40 a share, has also pledged $6 billion.", "en",
         "CoreWeave"),
        ("OpenAI kauft bei Amazon für 38 Milliarden Dollar ein, teilten die beiden Unternehmen am Montag mit.", "de",
         "OpenAI"),
        # a person after a title word inside a German compound; a known company before a person the list lacks
        ("Bundesfinanzminister Lars Klingbeil sprach von der größten Investition.", "de", "Lars Klingbeil"),
        ("Microsoft investit $4 milliards, le président de Microsoft Brad Smith a dit jeudi.", "fr", "Brad Smith"),
        # "nach seinen Worten", "Elle a ajouté": the last named person; an outlet with its article before the verb
        ("„Wir bauen das größte Projekt“, sagte SB-Energy-Chef Rich Hossfeld. Bis Ende 2026 sollen nach seinen Worten "
         "400 Megawatt laufen.", "de", "Rich Hossfeld"),
        ("Entergy adds 5.2 gigawatts, The Advocate reported on Friday.", "en", "The Advocate"),
        # the narration's language, not the quotation's: "sagte" is German in a sentence that quotes English
        ("„By 2030 we will have 1.9 gigawatts of capacity“, sagte Humain-Chef Tareq Amin auf Englisch.", "auto",
         "Tareq Amin"),
    ],
)  # fmt: skip
def test_speakers_by_clause_structure(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, quantity, unit, comparator",
    [("The cluster would need about a gigawatt of power.", "en", 1000, "MW", "about"),
     ("« The first gigawatt should be usable by 2027 », a déclaré Sarah Friar.", "fr", 1000, "MW", "about"),
     ("OpenAI visait une trentaine de gigawatts d'ici 2030.", "fr", 30000, "MW", "about"),
     ("Bis zum ersten Quartal 2026 laufen bis zu 10.000 Blackwell-GPUs.", "de", 10000, "count", "<="),
     ("L'accord porte sur jusqu'à un million de TPU.", "fr", 1e6, "count", "<="),
     ("Beide könnten auf 1,5 GW wachsen.", "de", 1500, "MW", ">="),
     ("SoftBank wolle einen Kredit über 10 Milliarden Dollar aufnehmen.", "de", 1e10, "USD", "about")],
)  # fmt: skip
def test_quantities_of_the_third_batch(text, lang, quantity, unit, comparator):
    """'a gigawatt', 'the first gigawatt' that is no rank, 'une trentaine', chips as GPUs and TPUs, growth as a
    reach, and German 'Kredit über' (a loan of, not more than)."""
    c = one(text, lang)
    assert (c["quantity"], c["unit"], c["comparator"]) == (quantity, unit, comparator)


def test_multiples_said_in_words_and_of_things_that_are_not_figures():
    text = "Entergy wants 5.2 gigawatts, more than twice the 2.26 GW approved so far."
    assert sorted((c["quantity"], c["comparator"]) for c in extract(text, D, "en")["claims"]) == [
        (2260, "="), (4520, ">"), (5200, "about")
    ]  # fmt: skip
    text = "Related Digital a bouclé 16 milliards de dollars, plus du double des quelque 7 milliards annoncés."
    assert sorted(c["quantity"] for c in extract(text, D, "fr")["claims"]) == [7e9, 1.4e10, 1.6e10]
    text = "The sites will draw some 900 megawatts. Microsoft says it will deliver ten times the performance of today."
    assert [c["quantity"] for c in extract(text, D, "en")["claims"]] == [900]  # no 9,000 MW
    assert extract("It will house hundreds of thousands of Nvidia chips.", D, "en")["claims"] == []
    assert extract("The company went public at $40 a share.", D, "en")["claims"] == []


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a name and its apposition open the sentence, then the verb
        ("Larry Fink, le PDG de BlackRock, a rappelé : « Nous mobiliserons 30 milliards de dollars. »", "fr",
         "Larry Fink"),
        # a pronoun after "a-t-" whose sentence opens with a company: that company
        ("La start-up Nscale, créée en 2024, va fournir 200 000 puces à Microsoft, a-t-elle annoncé. Nscale grandit.",
         "fr", "Nscale"),
        # German verb-final clauses: the subject after the auxiliary or the conjunction, the pronoun after "hatte"
        ("Meta platzierte 30 Milliarden Dollar, wie die Nachrichtenagentur Bloomberg berichtete.", "de", "Bloomberg"),
        ("Sarah Friar widersprach nicht, als Moderator David Sacks die Kosten auf 50 Milliarden Dollar schätzte.", "de",
         "David Sacks"),
        ("Jensen Huang sprach am Montag. Im August hatte er die Kosten auf 50 Milliarden Dollar beziffert.", "de",
         "Jensen Huang"),
        # "demnach": the source of the sentence before; "Für X ist es": X's view; a "-Gruppe" is a company
        ("Laut Reuters investiert Amazon 50 Milliarden Dollar. Die ersten 300 Megawatt sollen demnach 2027 laufen.",
         "de", "Reuters"),
        ("Für Ministerpräsident Dietmar Woidke ist es die größte Investition des Landes.", "de", "Dietmar Woidke"),
        ("Die Schwarz-Gruppe will elf Milliarden Euro investieren, wie das Unternehmen mitteilte.", "de",
         "Schwarz-Gruppe"),
        # an article's own inference is no report; a named outlet's report of a figure is the outlet's
        ("Avec 133 MW de plus, CoreWeave s'engage ainsi sur 526 MW.", "fr", "the article"),
        ("A spokeswoman declined to comment on a Bloomberg report that it would borrow $8 billion.", "en", "Bloomberg"),
        # descriptions: "the Amsterdam-based company" opening-sentence company the list lacks; "the asset manager"
        ("Nebius signed a $17.4 billion contract, the Amsterdam-based company said. Nebius grows.", "en", "Nebius"),
        ("Canada's Brookfield will invest €20 billion by 2030, the asset manager said.", "en", "Brookfield"),
        ("Google investira 40 milliards de dollars, a annoncé vendredi le groupe de Mountain View.", "fr", "Google"),
        ("« Helios will host well more than two gigawatts », has affirmed Mike Novogratz, the founder of Galaxy.", "en",
         "Mike Novogratz"),
    ],
)  # fmt: skip
def test_speakers_of_the_fourth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][0]["speaker"] == speaker


def test_phrases_keep_their_deadlines():
    """A relative clause's deadline dates its own subject; a "with" phrase's deadline goes to no figure outside."""
    text = "Au Texas, 104 000 puces seront installées, dont les premiers services sont attendus au troisième trimestre."
    assert one(text.replace("trimestre.", "trimestre 2026."), "fr")["deadline"] is None
    text = "He said the campus would have up to 300 megawatts, with the first capacity to be delivered later this year."
    assert one(text, "en")["deadline"] is None
    text = "Ein erster Abschnitt mit 50 Megawatt soll bis zum 1. Juli 2027 laufen."
    assert one(text, "de")["deadline"] == {"text": "bis zum 1. Juli 2027", "date": "2027-07-01", "granularity": "day"}


def test_the_same_figure_for_two_dates_is_two_claims_and_ranks_that_are_none():
    text = "The UAE will finance a campus of one gigawatt. Fluidstack plans one gigawatt by 2028."
    assert [c["deadline"] and c["deadline"]["date"] for c in extract(text, D, "en")["claims"]] == [None, "2028-12-31"]
    assert extract("Vineland will be one of the largest AI data centres.", D, "en")["claims"] == []
    assert extract("Den größten Teil der Anleihen übernahm Pimco.", D, "de")["claims"] == []
    text = "« C'est l'équivalent des 500 milliards de dollars de Stargate », he said in French."
    assert (one(text, "en")["quantity"], one(text, "en")["unit"]) == (5e11, "USD")  # the quotation read in French
    text = "Nebius will supply Microsoft under a five-year contract worth $17.4 billion."
    assert sorted((c["quantity"], c["unit"]) for c in extract(text, D, "en")["claims"]) == [
        (60, "months"),
        (1.74e10, "USD"),
    ]
    assert extract("Nscale, créée il y a moins de deux ans, grandit.", D, "fr")["claims"] == []  # "ago" is no span


@pytest.mark.parametrize(
    "text, date, lang, deadline",
    [
        # a month or quarter without its year: the nearest such period to the publication date, past or future
        ("SoftBank completed a $22.5 billion payment to OpenAI in December.", "2026-03-10", "en", "2025-12-31"),
        ("Meta avait emprunté 30 milliards de dollars fin octobre.", "2025-11-19", "fr", "2025-10-31"),
        ("Colossus 2 will reach 1.5 GW in April.", "2026-01-20", "en", "2026-04-30"),
        # ... unless it dates the statement: next to a reporting verb or an announcement, or in a reporting clause
        ("Forbes reported in March that the buildings cost $3.4 billion.", "2025-04-01", "en", None),
        ("Zusammen könnten beide auf 1,5 GW wachsen, hatte OpenAI im September erklärt.", "2026-01-10", "de", None),
        ("Oracle vise 50 milliards de dollars, contre 35 milliards annoncés en septembre.", "2025-12-11", "fr", None),
        # a year named in words or "before 2030" as before; "ended 2025 with"
        ("GE Vernova ended 2025 with 80 gigawatts of turbines on order.", "2026-01-29", "en", "2025-12-31"),
    ],
)  # fmt: skip
def test_periods_without_a_year(text, date, lang, deadline):
    c = extract(text, dt.date.fromisoformat(date), lang)["claims"][0]
    assert (c["deadline"] or {}).get("date") == deadline


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # "the company" is the one "the company" was before; "It said" is the company that spoke last
        ("Elon Musk's xAI has raised $20 billion, the company said. Nvidia joined. The company said it ended 2025 "
         "with more than one million GPUs.", "en", "xAI"),
        ("Microsoft will invest $30 billion, the company said. It said the money would buy more than 23,000 chips.",
         "en", "Microsoft"),
        # German: the subject before the auxiliary; "so Son"; "hieß es weiter"; "SB Energy" and acronyms
        ("SoftBank-Chef Masayoshi Son hat ein Rechenzentrum angekündigt, das nach seinen Worten das größte der Welt "
         "werden soll. SB Energy plane bis zu 10 Gigawatt, so Son.", "de", "Masayoshi Son"),
        ("Microsoft erhielt Lizenzen, teilte Microsoft mit. Schon heute betreibe Microsoft dort rund 21.500 "
         "Nvidia-Grafikprozessoren, hieß es weiter.", "de", "Microsoft"),
        ("In Texas baut SB Energy den Standort Milam County, der laut SB Energy auf 1,2 Gigawatt wachsen soll.", "de",
         "SB Energy"),
        ("Der Chipausrüster ASML steigt mit rund 1,3 Milliarden Euro bei Mistral ein, wie beide Unternehmen "
         "mitteilten.", "de", "ASML"),
        ("Im Mai hatten der Staatsfonds MGX, die Förderbank Bpifrance, Mistral und Nvidia angekündigt, einen Campus "
         "mit 1,4 Gigawatt zu bauen.", "de", "MGX"),
        # a report its subject denies: the article's, whatever the word order of a translation
        ("Reports, according to which the Adani group would contribute 5 billion dollars, rejected Adani.", "en",
         "the article"),
        ("Google wants to invest 15 billion dollars in India, communicated the group on Tuesday in New Delhi.", "en",
         "Google"),
    ],
)  # fmt: skip
def test_speakers_of_the_fifth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


def test_the_company_is_remembered_in_an_article_that_names_no_one_the_list_lacks():
    """The article's memory of what "the company" stood for outlives an article with no people of its own (it was
    lost there once: an empty dict of names was replaced by a fresh one on every sentence)."""
    text = ("Nebius signed a contract worth $17.4 billion, the company said. Nebius grows. Microsoft will use it. "
            "The contract could be worth up to $19.4 billion, according to the company.")  # fmt: skip
    assert [c["speaker"] for c in extract(text, D, "en")["claims"]] == ["Nebius", "Nebius"]


def test_figures_that_are_not_the_build_outs():
    """Valuations, pounds, "several billion" and people counted in billions are no claim; parts take their unit."""
    assert extract("The round values xAI at about $230 billion.", D, "en")["claims"] == []
    assert extract("Google said it would invest £5 billion in Britain.", D, "en")["claims"] == []
    assert extract("Microsoft liefert Chips im Wert von mehreren Milliarden Dollar.", D, "de")["claims"] == []
    text = "Google investiert 15 Milliarden Dollar in Indien. Das Land hat 1,4 Milliarden Einwohner."
    assert [c["quantity"] for c in extract(text, D, "de")["claims"]] == [1.5e10]
    text = "Die Emirate dürfen jährlich bis zu 500.000 Nvidia-Chips einführen, davon 100.000 für G42."
    assert [(c["quantity"], c["unit"]) for c in extract(text, D, "de")["claims"]] == [(5e5, "count"), (1e5, "count")]
    text = "OpenAI could take 8,000 GPUs in the first quarter of 2026, a figure that could eventually reach 31,000."
    last = extract(text, D, "en")["claims"][-1]
    assert (last["quantity"], last["unit"], last["comparator"], last["deadline"]) == (31000, "count", ">=", None)
    text = "A gas plant now costs about $2,400 per kilowatt, three times as much as in 2022."
    assert [(c["quantity"], c["deadline"]) for c in extract(text, D, "en")["claims"]] == [(2400, None)]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a title and a particle: the name without the title; a capital inside a surname
        ("The EU will mobilise €200 billion, Commission President Ursula von der Leyen said.", "en",
         "Ursula von der Leyen"),
        ("More than $90 billion was pledged, Senator Dave McCormick said.", "en", "Dave McCormick"),
        # "Talen Energy ..., Talen said"; "the Susquehanna River, Brookfield said": no apposition across a name (the
        # company as the cue names it: a company's short name follows the article's, corpus README)
        ("Amazon will buy 1,920 megawatts from Talen Energy's plant, Talen said.", "en", "Talen"),
        ("Google will buy up to 3,000 megawatts from Brookfield Asset Management, with two dams on the Susquehanna "
         "River, Brookfield said.", "en", "Brookfield Asset Management"),
        # an outlet's "cloud provider"; AWS as itself
        ("CoreWeave sought roughly 1.3 gigawatts, the cloud provider said.", "en", "CoreWeave"),
        ("Amazon Web Services kündigte Investitionen von mehr als 5 Milliarden Dollar an.", "de",
         "Amazon Web Services"),
    ],
)  # fmt: skip
def test_speakers_of_the_sixth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # titles and roles are no part of a name: German compounds, two-word English titles, a role in the genitive
        ("Die Regierung will Reaktoren für mindestens 80 Milliarden Dollar bauen, sagte Handelsminister Howard "
         "Lutnick.", "de", "Howard Lutnick"),
        ("The agency will spend $1 billion on two machines, Energy Secretary Chris Wright said.", "en",
         "Chris Wright"),
        ("Das Kraftwerk soll bis Jahresende 800 Megawatt liefern, nach Angaben des Betreibers Holtec.", "de",
         "Holtec"),
        ("„Wir bauen 200 Megawatt“, sagte AWS-Manager Max Peterson.", "de", "Max Peterson"),
        # an event is where it was said, not who said it
        ("Microsoft va investir 10 milliards de dollars, a annoncé mardi le groupe de Redmond lors du Web Summit.",
         "fr", "Microsoft"),
        # a company introduced by what it is, then a pronoun or a description for it
        ("La start-up britannique Nscale y installera 12 600 puces, a-t-elle précisé.", "fr", "Nscale"),
        ("Le fonds canadien Brookfield s'est engagé à investir jusqu'à 5 milliards de dollars.", "fr", "Brookfield"),
        ("La start-up Boom Supersonic va fournir des turbines de 1,21 GW, a annoncé mardi l'entreprise.", "fr",
         "Boom Supersonic"),
        ("Brookfield Asset Management has launched a $100 billion programme, the Canadian asset manager said.", "en",
         "Brookfield Asset Management"),
        # a unit named by its parent is the unit the sentence is about
        ("Amazon Web Services will bis 2040 rund 7,8 Milliarden Euro investieren, teilte die Amazon-Tochter mit.",
         "de", "Amazon Web Services"),
        ("Amazon Web Services veut investir 7,8 milliards d'euros, a communiqué la filiale d'Amazon mercredi.", "fr",
         "Amazon Web Services"),
        # a quotation before its speaker and the speaker's apposition
        ('Colette Kress told analysts of $8 billion. "The $50 billion China market is closed," Jensen Huang, '
         "Nvidia's chief executive, said on the call.", "en", "Jensen Huang"),
        # names listed after an inverted verb: the first speaks
        ("Ein Gaskraftwerk mit 350 Megawatt versorgt die Anlage, berichteten Fortune und die Nachrichtenagentur AP.",
         "de", "Fortune"),
        ("Die Forscher von Epoch AI hatten geschätzt, dass der Campus ein Gigawatt erreicht.", "de", "Epoch AI"),
        # German word order left in a French translation; a short narration in the article's language
        ("Déjà en janvier avait AWS annoncé, jusqu'à 2026 environ 8,8 milliards d'euros mettre.", "fr",
         "Amazon Web Services"),
        ("„Nous voulons plus de 200 mégawatts de puissance de calcul mettre à disposition“, a dit le manager d'AWS "
         "Max Peterson.", "auto", "Max Peterson"),
        # a report the company rejects is no claim of the company's
        ("Des rapports, selon lesquels AWS planifie une centrale à gaz avec 300 mégawatts, a rejeté l'entreprise.",
         "fr", "the article"),
    ],
)  # fmt: skip
def test_speakers_of_the_seventh_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


def test_deadlines_and_figures_of_the_seventh_batch():
    """A day named without its year, a quarter 'to' a month, 'last month' for its own clause only, 'earlier' spans
    and shares after a hedge."""
    d = dt.date(2025, 5, 29)
    assert read_deadline("which ended on April 27", "en", d)["date"] == "2025-04-27"  # the nearest April 27: past
    assert read_deadline("ending on August 3", "en", d)["date"] == "2025-08-03"  # and future
    said = "The rules will cost about $8 billion in the quarter to the end of July, finance chief Colette Kress said."
    assert extract(said, d, "en")["claims"][0]["deadline"]["date"] == "2025-07-31"
    feb = dt.date(2026, 2, 15)
    raised = extract("Le mois dernier, xAI avait bouclé une levée de fonds de 20 milliards de dollars.", feb, "fr")
    assert raised["claims"][0]["deadline"]["date"] == "2026-01-31"
    letter = extract(
        "It follows Nvidia's letter of intent last month: at least 10 GW of systems for OpenAI.", feb, "en"
    )
    assert letter["claims"][0]["quantity"] == 10_000 and letter["claims"][0]["deadline"] is None
    earlier = extract("Two weeks earlier, Oracle said it would deploy 50,000 of AMD's chips.", d, "en")["claims"]
    assert [c["unit"] for c in earlier] == ["count"]
    shares = extract("It covers 6 gigawatts and gives OpenAI a warrant for up to 160 million AMD shares.", d, "en")
    assert [c["quantity"] for c in shares["claims"]] == [6000]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # public bodies, under a name of the list or their full name
        ("Solstice will hold 100,000 GPUs, the Department of Energy said in a statement.", "en",
         "Department of Energy"),
        ("The first building will cost about $470 million, according to a filing with the Ohio Department of "
         "Commerce and Regulation.", "en", "Ohio Department of Commerce and Regulation"),
        ("Die Bewerber wollen mindestens drei Millionen Chips anschaffen, hieß es in einer Mitteilung der "
         "Kommission.", "de", "European Commission"),
        # names with a hyphen, ß or initials; the family name first; "M." is no initial
        ("Two data centres will start with 20 megawatts, said Kim Yong-beom, the president's policy chief.", "en",
         "Kim Yong-beom"),
        ("„Wir nehmen bis Ende 2027 die ersten 50.000 GPUs in Betrieb“, sagte Ionos-Chef Achim Weiß.", "de",
         "Achim Weiß"),
        ("Chairman C.C. Wei announced the last $100 billion of that sum at the White House.", "en", "C.C. Wei"),
        ("Les livraisons atteindront 10 000 puces, a précisé Hock Tan. Le carnet atteint 110 "
         "milliards de dollars, a précisé M. Tan.", "fr", "Hock Tan"),
        # German companies told by what they are, and German source phrases
        ("Der US-Speicherhersteller Micron hatte angekündigt, rund 200 Milliarden Dollar zu investieren.", "de",
         "Micron"),
        ("Der KI-Anbieter Nebius will ein Rechenzentrum mit 310 Megawatt bauen, wie das in Amsterdam ansässige "
         "Unternehmen am Dienstag mitteilte.", "de", "Nebius"),
        ("Microsoft hat im Quartal 37,5 Mrd. Dollar investiert, teilte der Softwarekonzern mit.", "de", "Microsoft"),
        ("Samsung Electronics wird bis 2033 Chips im Wert von 16,5 Milliarden Dollar fertigen, wie aus einer "
         "Pflichtmitteilung des südkoreanischen Konzerns hervorgeht.", "de", "Samsung"),  # the news's short name
        ("Nach Berechnungen der Analysten von JPMorgan brauchen Rechenzentren rund 150 Milliarden Dollar.", "de",
         "JPMorgan"),
        ("Einen Bericht der Zeitung Helsingin Sanomat, wonach Nebius auf 600 Megawatt erweitern wolle, kommentierte "
         "das Unternehmen nicht.", "de", "Helsingin Sanomat"),
        ("Elon Musk hatte im Weißen Haus gespottet; SoftBank habe sich „deutlich weniger als 10 Milliarden“ Dollar "
         "gesichert.", "de", "Elon Musk"),
        # English: relative clauses set aside, an apposition after a comma, a list before its verb, "its"
        ("Amkor Technology, which will package chips for Nvidia and Apple in Peoria, said it would spend about "
         "$7 billion.", "en", "Amkor Technology"),
        ("Alphabet will spend as much as $185 billion this year, Anat Ashkenazi, its chief financial officer, told "
         "analysts.", "en", "Anat Ashkenazi"),
        ("A year after OpenAI, Oracle and SoftBank promised nearly 7 gigawatts, most sites are unfinished.", "en",
         "OpenAI"),
        ("Alphabet expects to spend $185 billion, the company said. Bloomberg reported a $20 billion sale. Its "
         "long-term debt rose to $46.5 billion, according to its annual report.", "en", "Alphabet"),
        ("SK Group said it would spend about $5.1 billion in Ulsan. The full 103 megawatts are due by February "
         "2029, the group said.", "en", "SK Group"),
        ("Nvidia will supply up to 260,000 processors, the US chipmaker said on Friday after chief executive Jensen "
         "Huang met the president.", "en", "Nvidia"),
        # French: a plural pronoun for the source, an outer attribution, a description, "selon" with an apposition
        ("Le coût atteindra 5 000 milliards de dollars, selon une étude de JPMorgan. Selon eux, les obligations "
         "fourniront environ 1 500 milliards de dollars.", "fr", "JPMorgan"),
        ("OpenAI a indiqué à ses investisseurs qu'il comptait consacrer environ 600 milliards de dollars au calcul, "
         "selon la chaîne américaine CNBC.", "fr", "CNBC"),
        ("Related Digital a bouclé un financement de 16 milliards de dollars, ont annoncé vendredi le promoteur "
         "new-yorkais et ses partenaires.", "fr", "Related Digital"),
        ("Selon le ministre de l'Investissement, Tengku Zafrul Aziz, YTL a déjà engagé quelque 2,4 milliards de "
         "dollars.", "fr", "Tengku Zafrul Aziz"),
        ("Microsoft s'était engagé à investir 2,2 milliards de dollars, et Google avait promis 2 milliards de "
         "dollars.", "fr", "Google"),
        ("Le campus de 1,4 gigawatt s'installera à Fouju, selon L'Usine Digitale.", "fr", "L'Usine Digitale"),
    ],
)  # fmt: skip
def test_speakers_of_the_eighth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


def test_figures_and_deadlines_of_the_eighth_batch():
    """A German decimal comma before a scale word, half a trillion, a bond's maturity, valuations and assets, a
    multiple of a past level, the first months of a year, the quarter just ended, a quarter named by its months."""
    d = dt.date(2026, 1, 29)
    assert [c["quantity"] for c in extract("Das Werk erhält bis zu 4,745 Milliarden Dollar.", d, "de")["claims"]] == [
        4.745e9
    ]
    assert (
        extract("Nvidia will make up to half a trillion dollars' worth of servers.", d, "en")["claims"][0]["quantity"]
        == 5e11
    )
    bond = extract("Alphabet sold a 100-year bond, raising about $1.37 billion.", d, "en")["claims"]
    assert [c["unit"] for c in bond] == ["USD"] and bond[0]["deadline"] is None
    assert (
        extract("L'Autorité, qui gère quelque 526 milliards de dollars d'actifs, a investi.", d, "fr")["claims"] == []
    )
    assert extract("Das machte Nvidia zur ersten Firma, bewertet zu werden bei $5 Billionen.", d, "de")["claims"] == []
    tripled = extract("Le groupe disposait de 1,9 GW, trois fois plus qu'un an plus tôt.", d, "fr")["claims"]
    assert [c["quantity"] for c in tripled] == [1900]
    nine = extract("xAI gab in den ersten neun Monaten 2025 rund 7,8 Milliarden Dollar aus.", d, "de")["claims"]
    assert [(c["unit"], c["deadline"]["date"]) for c in nine] == [("USD", "2025-09-30")]
    past = extract("Microsoft hat im abgelaufenen Quartal fast ein Gigawatt hinzugefügt.", d, "de")["claims"]
    assert past[0]["deadline"]["date"] == "2025-12-31"
    months = extract("Im Quartal Oktober bis Dezember setzte die Sparte mehr als 50 Milliarden Dollar um.", d, "de")
    assert months["claims"][0]["deadline"]["date"] == "2025-12-31"
    assert read_deadline("au 31 août", "fr", dt.date(2025, 9, 10))["date"] == "2025-08-31"


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # German: descriptions with an adjective or a compound, a denial that brackets its subject, split clauses
        ("Siemens Energy hat Aufträge über knapp 59 Milliarden Euro hereingeholt, teilte der Münchner "
         "Energietechnikkonzern mit.", "de", "Siemens Energy"),
        ("OpenAI hat Zusagen über 122 Mrd. Dollar erhalten, wie der ChatGPT-Entwickler mitteilte.", "de", "OpenAI"),
        ("Einen Bericht der „Financial Times“, wonach die Kommission 10 Milliarden Euro zuschießen wolle, wies ein "
         "Sprecher zurück.", "de", "the article"),
        ("Die Anlage kostet 3,4 Milliarden Dollar; gemeinsam wollen beide Unternehmen bis zu 5 Gigawatt aufbauen, "
         "hatte Nvidia damals mitgeteilt.", "de", "Nvidia"),
        ("„Europa braucht zehn Gigawatt mehr“, sagte der CDU-Europaabgeordnete Axel Voss.", "de", "Axel Voss"),
        ("Die Kommission legte ihren Plan vor. Über InvestAI sollen 20 Milliarden Euro mobilisiert werden, teilte "
         "die Behörde mit.", "de", "European Commission"),
        ("Der Supercomputer steht im Forschungszentrum Jülich. Er kostet nach Angaben des Forschungszentrums rund "
         "500 Millionen Euro.", "de", "Forschungszentrum Jülich"),
        ("Für die erste Ausbaustufe sind laut der Zeitung „El Periódico de Aragón“ bis zu 1.623 Megawatt "
         "vorgesehen.", "de", "El Periódico de Aragón"),
        ("Das französische KI-Start-up Mistral AI hat Kredite erhalten. Bis Ende 2027 will Mistral nach eigenen "
         "Angaben auf 200 Megawatt kommen.", "de", "Mistral"),
        ("Kommissionspräsidentin Ursula von der Leyen hatte dabei von 200 Mrd. Euro gesprochen.", "de",
         "Ursula von der Leyen"),
        # French: a title then the name after the verb, a name set off before the verb, a described person
        ("Les listes totalisent 9 GW, a écrit mercredi la ministre du Climat et de la Croissance verte, Sophie "
         "Hermans, dans une lettre.", "fr", "Sophie Hermans"),
        ("Au Japon, le Premier ministre de l'époque, Shigeru Ishiba, avait promis plus de 65 milliards de "
         "dollars.", "fr", "Shigeru Ishiba"),
        ("L'Inde a mis en service 38 000 processeurs, a indiqué devant la Lok Sabha, la chambre basse, le ministre "
         "d'État, Jitin Prasada.", "fr", "Jitin Prasada"),
        ("La ministre Sophie Hermans a écrit aux députés. Construire une ligne peut prendre jusqu'à douze ans, a "
         "rappelé la ministre.", "fr", "Sophie Hermans"),
        ("American Electric Power va investir 72 milliards de dollars, a annoncé le groupe. Dominion Energy porte ses "
         "contrats à 47 GW, a fait savoir vendredi le fournisseur d'électricité.", "fr", "Dominion Energy"),
        # English: "it said" with no company before, "The X says", an apposition with "has said"
        ("Lambda, an AI cloud company, has raised more than $1.5 billion in a round led by the investment firm of "
         "Mark Walter, it said on Tuesday. Lambda declined to comment on a listing.", "en", "Lambda"),
        ("The Greater Memphis Chamber says Colossus draws 150 megawatts from the grid.", "en",
         "Greater Memphis Chamber"),
        ("Demis Hassabis, the chief executive of Google DeepMind, has said that Google will spend more than $100 "
         "billion.", "en", "Demis Hassabis"),
        ("Cassava, the group founded by billionaire Strive Masiyiwa, has bought 12,000 GPUs, Masiyiwa told a "
         "festival.", "en", "Strive Masiyiwa"),
        ("The Energy Department picked four sites. Reactors of up to 800 megawatts could be built there, the "
         "department noted.", "en", "Department of Energy"),
    ],
)  # fmt: skip
def test_speakers_of_the_ninth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


def test_figures_and_deadlines_of_the_ninth_batch():
    """Other dollars are no US dollars, a capacity price per megawatt-day is no claim (a cost per MW stays one),
    valuations with a hedge, a month of last year, the end of a month, a span of months."""
    d = dt.date(2025, 12, 5)
    aud = extract("The site, bought for nearly A$353 million (about $233 million), is large.", d, "en")["claims"]
    assert [c["quantity"] for c in aud] == [233e6]
    assert (
        extract("Blackstone kaufte AirTrunk zu mehr als 24 Milliarden australischen Dollar.", d, "de")["claims"] == []
    )
    assert extract("It pledged 5.4 billion rand, about $297 million.", d, "en")["claims"][0]["quantity"] == 297e6
    auction = extract("The auction cleared at $333.44 per megawatt-day, costing about $16.4 billion.", d, "en")
    assert [c["quantity"] for c in auction["claims"]] == pytest.approx([16.4e9])  # float scale product
    assert extract("A new campus costs $11 million per megawatt.", d, "en")["claims"][0]["quantity"] == 11e6
    assert extract("OpenAI is in talks at a valuation of up to $830 billion.", d, "en")["claims"] == []
    bought = extract("The site was bought in October last year for about $233 million.", d, "en")["claims"]
    assert bought[0]["deadline"]["date"] == "2024-10-31"
    pipeline = extract("At the end of September, the pipeline stood at 50.9 gigawatts.", d, "en")["claims"]
    assert pipeline[0]["deadline"]["date"] == "2025-09-30"
    quarter = extract("Le chiffre d'affaires a atteint 107 millions de dollars entre juillet et septembre.", d, "fr")
    assert quarter["claims"][0]["deadline"]["date"] == "2025-09-30"


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a company named only by what it is, after its typed name in the sentence; German calques of French order
        ("Der Boom hat dem Essener Baukonzern Hochtief 10,5 Mrd. Euro Aufträge beschert, wie das Unternehmen am "
         "Donnerstag mitteilte.", "de", "Hochtief"),
        ("Schneider Electric hat Verträge über fast 2,3 Milliarden Dollar unterzeichnet, hat angekündigt "
         "Mittwochabend die Gruppe.", "de", "Schneider Electric"),
        ("Legrand publie ses résultats. Legrand a réalisé quelque 2,4 milliards d'euros de chiffre d'affaires, a "
         "indiqué jeudi le spécialiste limougeaud des équipements électriques.", "fr", "Legrand"),
        ("Selon le cabinet d'études Terakraft, le campus consomme déjà plus de 350 MW.", "fr", "Terakraft"),
        # an acronym given after the full name; a name with "&"; an imperfect cue
        ("Le Barcelona Supercomputing Center (BSC) étend sa machine. L'État apporte 60 millions d'euros, a précisé "
         "le BSC.", "fr", "Barcelona Supercomputing Center"),
        ("Les entreprises devront dégager 2 000 milliards de dollars d'ici 2030, estimait le cabinet de conseil "
         "Bain & Company.", "fr", "Bain & Company"),
        ("Rival Vertiv said its backlog reached about $9.5 billion.", "en", "Vertiv"),
    ],
)  # fmt: skip
def test_speakers_of_the_tenth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


def test_spans_that_are_no_build_out_spans():
    """A loan's term and the time a multiple takes are no spans ("a two-year loan", "verdreifachen in drei
    Jahren"); "autant que" is an upper bound."""
    d = dt.date(2026, 5, 8)
    loan = extract("SoftBank took a two-year loan of about $6 billion.", d, "en")["claims"]
    assert [c["unit"] for c in loan] == ["USD"]
    tripled = extract("Die Nachfrage dürfte sich in drei Jahren fast verdreifachen, auf 40 Gigawatt.", d, "de")
    assert [c["unit"] for c in tripled["claims"]] == ["MW"]
    grown = extract("La demande pourrait tripler en trois ans, à 40 gigawatts.", d, "fr")["claims"]
    assert [c["unit"] for c in grown] == ["MW"]
    assert extract("Nvidia espère livrer autant que 80 000 puces.", d, "fr")["claims"][0]["comparator"] == "<="


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # German: a type noun before a name is no part of it; a genitive noun for a name given before
        ("Die Regulierungsbehörde hat gebilligt, mit dem der Netzbetreiber Ercot arbeitet. Nach Angaben des "
         "Netzbetreibers summieren sich die Anträge auf mehr als 438.000 Megawatt.", "de", "Ercot"),
        ("Nach Berechnungen des Fachportals The Next Platform sammelte SambaNova 1,48 Milliarden Dollar ein.", "de",
         "The Next Platform"),
        ("Ein Kraftwerk mit 4,5 Gigawatt soll entstehen, teilte der Projektentwickler Homer City Redevelopment (HCR) "
         "mit.", "de", "Homer City Redevelopment"),
        ("Einen Bericht der Zeitung „Pittsburgh Post-Gazette“, wonach Amazon 1 Gigawatt mieten wolle, kommentierte "
         "der Entwickler nicht.", "de", "Pittsburgh Post-Gazette"),
        # a public body named before, then "the board" or "the agency"
        ("Thailand's Board of Investment approved projects worth about $3.1 billion. A developer will build a "
         "200-megawatt facility, the board said.", "en", "Board of Investment"),
    ],
)  # fmt: skip
def test_speakers_of_the_eleventh_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


def test_thresholds_rents_and_bills():
    """'75 megawatts or more' is a threshold (>=); a rent per kilowatt a month and a household's monthly bill are
    no claims."""
    law = extract("The law covers any site drawing 75 megawatts or more.", D, "en")["claims"]
    assert [(c["quantity"], c["comparator"]) for c in law] == [(75, ">=")]
    assert extract("Projekte mit einer Last von 75 Megawatt und mehr.", D, "de")["claims"][0]["comparator"] == ">="
    assert extract("Rents rose to $194.95 per kilowatt a month.", D, "en")["claims"] == []
    assert extract("Households will pay $11.24 a month more.", D, "en")["claims"] == []
    # a price with cents is no money for the build-out; a round figure stays one
    assert extract("Nvidia buys the shares at $92.98, worth $2 billion.", D, "en")["claims"][0]["quantity"] == 2e9


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # "la société de Sam Altman": the company its boss runs; a body with "and"; the channel after "with"
        ("OpenAI lève 110 milliards de dollars, a précisé la société de Sam Altman.", "fr", "OpenAI"),
        ("Microsoft's net income fell by about $3.1 billion, the software maker disclosed in a filing with the "
         "Securities and Exchange Commission.", "en", "Microsoft"),
        # a single name after an inverted verb before its apposition; a German association; unnamed sources
        ("Les premiers 200 mégawatts seront prêts fin 2026, a rappelé mercredi Khazna, la filiale de G42.", "fr",
         "Khazna"),
        ("Die Kapazität soll bis 2030 auf 4,8 Gigawatt steigen, schätzt der Branchenverband Bitkom.", "de", "Bitkom"),
        ("Der Kaufpreis lag Medienberichten zufolge bei rund 700 Millionen Dollar.", "de", "the article"),
    ],
)  # fmt: skip
def test_speakers_of_the_twelfth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # verbs of estimating that speak: "calculated", "raised its estimate", "put the need at", "erwartete",
        # "errechnet", "prédisait"
        ("Data centres will need 31 gigawatts by 2030, BloombergNEF calculated.", "en", "BloombergNEF"),
        ("Grid Strategies raised its estimate in November to 90 gigawatts by 2030.", "en", "Grid Strategies"),
        ("BloombergNEF erwartete im April allein für die USA 78 Gigawatt im Jahr 2035.", "de", "BloombergNEF"),
        ("Das Forschungsinstitut EPRI hatte für 2028 einen Bedarf von mindestens 74 Gigawatt errechnet.", "de",
         "EPRI"),
        ("Le directeur général de National Grid, John Pettigrew, prédisait que la demande atteindrait 10 GW.", "fr",
         "John Pettigrew"),
        # after an inverted French verb: a day, a description, then a one-word name with its article elided
        ("Quelque 140 projets attendent pour environ 50 GW, a indiqué lundi le régulateur de l'énergie, l'Ofgem, "
         "soit plus que la pointe.", "fr", "Ofgem"),
        ("Quelque 140 projets attendent pour environ 50 GW, a indiqué lundi l'Ofgem.", "fr", "Ofgem"),
        # "the 300 MW it first announced" describes the figure; the sentence's speaker closes it
        # a description followed by its name speaks as that name; "du régulateur" for the body named so before
        ("Quelque 140 projets attendent pour 50 GW, a indiqué le régulateur de l'énergie, l'Ofgem. Cette pointe a "
         "atteint 45 GW le 11 février, selon l'opérateur du système électrique, NESO.", "fr", "NESO"),
        ("Quelque 140 projets attendent, a indiqué le régulateur de l'énergie, l'Ofgem. Selon les chiffres du "
         "régulateur, les offres ont bondi à 125 GW en juin 2025.", "fr", "Ofgem"),
        # a one-word name set off by commas just before the verb; a long title between an inverted verb and its name
        ("Le gestionnaire du réseau estonien, Elering, estime que la demande pourrait dépasser 500 mégawatts.", "fr",
         "Elering"),
        ("The manager of the Estonian network, Elering, estimates that data centres could claim 500 megawatts.",
         "en", "Elering"),
        ("L'Estonie rejoint le consortium de 10 MW, a annoncé jeudi à Oulu la ministre estonienne de la Justice et "
         "du Numérique, Liisa Pakosta.", "fr", "Liisa Pakosta"),
        # the IEA under its English name in every language
        ("Die Investitionen übersteigen 400 Milliarden Dollar, schätzt die Internationale Energieagentur.", "de",
         "International Energy Agency"),
        ("Brookfield has more than doubled its plans to 750 MW from the 300 MW it first announced, and intends to "
         "invest about $10 billion there, Sikander Rashid, the Canadian group's head of Europe, said in June.", "en",
         "Sikander Rashid"),
    ],
)  # fmt: skip
def test_speakers_of_the_thirteenth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


def test_kronor_are_no_claim_their_dollars_are():
    text = "Brookfield intends to invest up to 95 billion kronor (about $10 billion) there."
    assert [(c["quantity"], c["unit"]) for c in extract(text, D, "en")["claims"]] == [(1e10, "USD")]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a name with "Bank" or "hynix" after its acronym; the Bank of America whole
        ("Laut DZ Bank kostet ein Gigawatt mehr als 40 Milliarden Dollar.", "de", "DZ Bank"),
        # (the list's name, as the corpus's gold writes it in thirteen of fourteen claims)
        ("SK hynix investira 3,87 milliards de dollars dans l'Indiana, selon le groupe.", "fr", "SK Hynix"),
        ("Die Analysten der Bank of America erwarten mehr als eine Billion Dollar.", "de", "Bank of America"),
        # a weekday after the verb is no name ("the chipmaker said on Friday": not "Friday")
        ("The government will take a stake in exchange for about $8.9 billion of federal money it had promised the "
         "company, the chipmaker said on Friday.", "en", "the article"),
        # "la société" for the company that opens the sentence before its apposition
        ("Fermi America, la société texane cofondée par Rick Perry, a levé 682,5 millions de dollars lors de son "
         "introduction en Bourse, a annoncé jeudi la société, dont les titres s'échangent à Londres.", "fr",
         "Fermi America"),
        # more of *-106..121: a dotless i in a name, "beide Seiten", German and French verbs of reporting, an English
        # outlet's name with "and" after its description, a role noun and an apposition around a person
        ("Le projet représente 3 milliards de dollars, avait indiqué en novembre le vice-président turc Cevdet "
         "Yılmaz lors de la journée.", "fr", "Cevdet Yılmaz"),
        ("Der Pensionsfonds CPP Investments und der Immobilienkonzern Goodman legen eine Partnerschaft über rund 8 "
         "Milliarden Euro auf, wie beide Seiten am Dienstag mitteilten.", "de", "CPP Investments"),
        ("Das Werk kostet nach Worten von ESMC-Chef Christian Koitzsch mehr als zehn Milliarden Euro.", "de",
         "Christian Koitzsch"),
        ("Crusoe-Chef Chase Lochmiller hielt dagegen, der Campus liefere inzwischen mehr als ein Gigawatt.", "de",
         "Chase Lochmiller"),
        ("TSMC will weitere 100 Milliarden Dollar in den USA investieren, wie US-Präsident Donald Trump am Montag "
         "verkündete.", "de", "Donald Trump"),
        ("Pour Brookfield, l'accord garantit un portefeuille de plus de 150 GW, souligne le quotidien torontois The "
         "Globe and Mail.", "fr", "The Globe and Mail"),
        ("L'analyste Murat Demir, du cabinet stambouliote Dataport Research, estime que le campus pourrait atteindre "
         "200 mégawatts d'ici 2029.", "fr", "Murat Demir"),
        ("À Abilene, Epoch prévoyait en novembre 2025 que le campus disposerait d'un gigawatt en juillet 2026.", "fr",
         "Epoch AI"),
        # an aim is no statement: no cue, the article (docs/claims.md)
        ("Devant ses investisseurs, OpenAI visait encore récemment 30 gigawatts d'ici 2030.", "fr", "the article"),
        # a compound for the company; the company introduced by what it is, then "der Konzern nach eigenen Angaben"
        ("Anthropic will 50 Milliarden Dollar in Rechenzentren stecken, teilte das KI-Unternehmen am Mittwoch mit.",
         "de", "Anthropic"),
        ("Der Chipauftragsfertiger TSMC will 56 Milliarden Dollar investieren, sagte Finanzchef Wendell Huang. Im "
         "vergangenen Jahr hatte der Konzern nach eigenen Angaben 40,9 Mrd. Dollar investiert.", "de", "TSMC"),
        ("Um die Nachfrage zu bedienen, steckt Samsung nach eigenen Angaben rund 41 Milliarden Dollar in eine "
         "Chipfabrik.", "de", "Samsung"),
        # a newspaper's name in quotation marks after "laut" or a compound; the person of an "Als ..." clause
        ("Israel-1 kostete laut „Globes“ bis zu 300 Millionen Dollar.", "de", "Globes"),
        ("Als Mark Zuckerberg im Juli 2025 seine Pläne vorstellte, versprach er für den Campus ein Gigawatt "
         "Rechenleistung.", "de", "Mark Zuckerberg"),
    ],
)  # fmt: skip
def test_speakers_of_the_fourteenth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # *-122..137: a particle inside a name; a long title between an inverted verb and the name
        ("La première phase fournira 200 mégawatts, a précisé le gouverneur de l'État, Elmano de Freitas.", "fr",
         "Elmano de Freitas"),
        ("L'Inde porte à 34 333 le nombre de GPU, a annoncé vendredi à New Delhi le ministre de l'Électronique et "
         "des Technologies de l'information, Ashwini Vaishnaw.", "fr", "Ashwini Vaishnaw"),
        # a noun that names what an earlier name is: by the name's last word, or by an apposition
        ("Querétaro holds most of the capacity, according to the Mexican Association of Data Centers (MEXDC). Of "
         "the 83 megawatts under construction, 57 megawatts were in the state, the association said.", "en",
         "Mexican Association of Data Centers"),
        ("Data centres added $7.3 billion, according to Monitoring Analytics, the firm that serves as the grid "
         "operator's independent market monitor. The total came to $16.1 billion, the monitor said.", "en",
         "Monitoring Analytics"),
        ("Bauen wird sie Energy Northwest, ein Verbund von 29 Versorgern, mit je 80 Megawatt, nach Angaben des "
         "Verbunds.", "de", "Energy Northwest"),
        # the buyers; "expect"; "put its ... at"; the Élysée; a newspaper's name in quotation marks
        ("Blackstone and CPP Investments have agreed to buy AirTrunk for about US$16 billion, the buyers said on "
         "Thursday.", "en", "Blackstone"),
        ("Analysts at Bernstein expect Nvidia to sell some 1.5 million H20 chips in China this year.", "en",
         "Bernstein"),
        ("AirTrunk runs campuses in Australia; Blackstone's statement put its capacity at more than 800 megawatts.",
         "en", "Blackstone"),
        ("Of the €40.8 billion announced at this year's summit, €20.8 billion firmed up earlier pledges, the Élysée "
         "said.", "en", "Élysée"),
        ("Valor will bis zu zwölf Milliarden Dollar an Krediten aufnehmen, wie das „Wall Street Journal“ am "
         "Dienstag berichtete.", "de", "Wall Street Journal"),
        # a firm noun before the name; English bodies' names in German text; the subject of a "wie" clause
        ("Die Analysten der Investmentbank Jefferies schätzen die Kosten auf mindestens 3,5 Mrd. Dollar.", "de",
         "Jefferies"),
        ("Die Nachfrage macht geschätzte 9,3 Milliarden Dollar der Gebühren aus, sagte die Union of Concerned "
         "Scientists letzten Monat.", "de", "Union of Concerned Scientists"),
        ("Der Versorger Georgia Power darf Großkunden mit mehr als 100 Megawatt eigene Bedingungen auferlegen, wie "
         "die Georgia Public Service Commission am Donnerstag nach einstimmigem Beschluss mitteilte.", "de",
         "Georgia Public Service Commission"),
        ("Nach Daten des Finanzdienstes LSEG kostete die Übernahme rund 40 Milliarden Dollar.", "de", "LSEG"),
        # a short name after its full form is the full form; not a unit's name
        ("Brookfield Asset Management will build 10.5 GW for Microsoft. Brookfield said it would invest about $10 "
         "billion.", "en", "Brookfield Asset Management"),
    ],
)  # fmt: skip
def test_speakers_of_the_fifteenth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # *-138..153: month names are no names; an abbreviation inside a name; a long company apposition
        ("The project, announced last September at 350 megawatts, could grow to 1,000 megawatts, it said.", "en",
         "the article"),
        ("La ville avait gelé les demandes pour Project Cumulus, un campus évalué à environ un milliard de dollars, "
         "selon la radio publique St. Louis Public Radio.", "fr", "St. Louis Public Radio"),
        ("ASML, the Dutch company whose lithography machines print the most advanced artificial-intelligence chips, "
         "said on Wednesday it had taken in a record €13.2 billion of orders.", "en", "ASML"),
        # firm nouns: a newspaper, an equipment maker, a young company; a German compound before an English name
        ("Die Netze sollen 2,3 Millionen Kilowatt verkraften, berichtete die Zeitung Yomiuri Shimbun am Donnerstag.",
         "de", "Yomiuri Shimbun"),
        ("Der kalifornische Ausrüster Lam Research hatte im Oktober einen Umsatz von rund 5,2 Milliarden Dollar in "
         "Aussicht gestellt.", "de", "Lam Research"),
        ("Nach Zählung der Beobachtungsstelle Data Center Watch, hinter der die Firma 10a Labs steht, haben Anwohner "
         "Projekte für 18 Milliarden Dollar verhindert.", "de", "Data Center Watch"),
        ("Le terrain, où la jeune pousse londonienne Nscale doit faire tourner un supercalculateur, est vide. Selon le "
         "communiqué publié en septembre par Nscale, la première tranche doit offrir 50 mégawatts.", "fr", "Nscale"),
        # a possessive role noun and an apposition; a name and the relative clause whose verb reports
        ("Sa rivale Oracle, la filiale de Larry Ellison, s'était engagée à consacrer environ 8 milliards de dollars "
         "au Japon.", "fr", "Oracle"),
        ("Le centre s'appuie sur celui du groupe de l'armée, Viettel, qui avait annoncé vouloir y déployer 1 000 GPU "
         "d'ici à 2025.", "fr", "Viettel"),
        ("Ces projets de la jeune pousse Fluidstack ajouteront 1 000 mégawatts, a souligné l'électricien EDF.", "fr",
         "EDF"),
    ],
)  # fmt: skip
def test_speakers_of_the_sixteenth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # *-154..169: a surname after the full name the article gave without a title; an acronym and the word after it
        ("Groq was founded by former Google engineer Jonathan Ross. Ross has said the Dammam site could grow to "
         "200,000 of Groq's chips.", "en", "Jonathan Ross"),
        ("Deutsche Telekom will 10.000 Chips kaufen. Telekom-Chef Tim Höttges sagte, es würden bis zu 10.000 Chips.",
         "de", "Tim Höttges"),
        ("Capacity will grow to 855 MW by 2030, the state's competence centre for digital infrastructure, KDI NRW, "
         "says on its website.", "en", "KDI NRW"),
        ("GE Vernova said it would pay $5.3 billion for the stake.", "en", "GE Vernova"),
        ("Le groupe a levé 450 millions de dollars, selon le site EE Times.", "fr", "EE Times"),
        # German cues: "nach Darstellung", "nach Ansicht von", one name after "von", "rechnet damit, dass"
        ("Nach Darstellung des Weißen Hauses summieren sich die Vereinbarungen auf 600 Milliarden Dollar.", "de",
         "White House"),
        ("Nach Ansicht von Energieministerin Sara Aagesen könnte Aragonien bis zu 6 Gigawatt aufnehmen.", "de",
         "Sara Aagesen"),
        ("Die Leitung kann nach Angaben von Siemens 8 Gigawatt übertragen.", "de", "Siemens"),
        ("Die Leitung kann nach Angaben von Experten 8 Gigawatt übertragen.", "de", "the article"),
        ("Der Branchenverband China Electricity Council rechnet damit, dass die Leistung bis Ende 2026 auf etwa 4,3 "
         "Milliarden Kilowatt steigt.", "de", "China Electricity Council"),
        # an outlet in quotation marks, before its verb or after it, and in the genitive
        ("Der Konzern hat 300 Megawatt beantragt, wie die Zeitung „El Español“ berichtete.", "de", "El Español"),
        ("The company has asked for 300 megawatts, the newspaper \"El Español\" reported.", "en", "El Español"),
        ("Die Firmen prüfen nach Informationen des „Handelsblatts“ eine Bewerbung für 20 Milliarden Euro.", "de",
         "Handelsblatt"),
        # a company whose name starts with a small letter
        ("La jeune pousse californienne d-Matrix a bouclé une levée de fonds de 275 millions de dollars, a-t-elle "
         "annoncé mercredi.", "fr", "d-Matrix"),
        ("Das kalifornische Start-up d-Matrix hat 275 Millionen Dollar eingesammelt, teilte das Unternehmen mit.",
         "de", "d-Matrix"),
        # a name with "O'"; a subject after a conjunction; a company's document; a blog post written
        ("Investor Kevin O'Leary has said his proposed campus could reach 7.5 gigawatts.", "en", "Kevin O'Leary"),
        ("The request came three days after Cerebras said it had raised about $1.1 billion.", "en", "Cerebras"),
        ("Cerebras's prospectus showed that Cerebras booked $136 million in sales.", "en", "Cerebras"),
        ("Data showed that the market grew to 500 MW.", "en", "the article"),
        ("Manufacturers announced roughly $7 billion of new capacity, analysts at Wood Mackenzie estimated.", "en",
         "Wood Mackenzie"),
        ("On Tuesday, OpenAI had written in a blog post that its sites came to nearly 7 gigawatts.", "en", "OpenAI"),
        # French cues, the analysts "à" a firm (machine translation), a quotation inside a person's apposition
        ("« Une entreprise qui vient d'encaisser plus d'un milliard de dollars n'a aucune raison de se presser », a "
         "commenté Josef Schuster, fondateur du cabinet IPOX.", "fr", "Josef Schuster"),
        ("Microsoft avait de son côté promis en octobre 2023 d'investir 3,2 milliards de dollars en Australie.", "fr",
         "Microsoft"),
        ("China Mobile revendique à Hohhot le plus grand centre de calcul d'IA, avec quelque 20 000 cartes.", "fr",
         "China Mobile"),
        ("Les fabricants ont annoncé 7 milliards de dollars de capacité, les analystes à Wood Mackenzie ont estimé.",
         "fr", "Wood Mackenzie"),
        ("La ministre Sara Aagesen, qui parle d'une « bulle » des centres de données, estime toutefois que l'Aragon "
         "pourrait accueillir jusqu'à 6 GW.", "fr", "Sara Aagesen"),
        # "le journal" after an outlet named by what it is; "l'organisme" after a body named in full
        ("Le groupe dispose de 50 mégawatts, selon le quotidien El Español. Il a demandé 300 mégawatts de plus, a "
         "précisé le journal.", "fr", "El Español"),
        ("Le plafond est de 1 200 mégawatts, a fait savoir l'Alberta Electric System Operator. Selon l'organisme, 29 "
         "projets totalisent plus de 16 gigawatts.", "fr", "Alberta Electric System Operator"),
        # a denial with an adverb; a noun and its complement before a name; a place after "d'"; "puts ... at"
        ("Cerebras a en revanche démenti avoir discuté d'un financement de 2 milliards de dollars, comme l'affirmait "
         "l'agence Bloomberg.", "fr", "the article"),
        ("Le géant des puces Nvidia, lui-même actionnaire de CoreWeave, a annoncé lundi qu'il investirait jusqu'à 100 "
         "milliards de dollars dans OpenAI.", "fr", "Nvidia"),
        ("Le groupe G42 a été fondé en 2018. Le groupe d'Abou Dhabi s'était engagé en 2023 à acheter pour 1,43 "
         "milliard de dollars de systèmes.", "fr", "G42"),
        ("Cushman & Wakefield, the property adviser, puts the Gulf market at 237 megawatts.", "en",
         "Cushman & Wakefield"),
        # a body's name with a firm word inside it; "McMaster" after a title; a German type noun in the genitive
        ("Utilities wait up to four years for transformers, a federal advisory body, the National Infrastructure "
         "Advisory Council, wrote in a report last year.", "en", "National Infrastructure Advisory Council"),
        ("The plant will cost $300 million, Governor Henry McMaster said.", "en", "Henry McMaster"),
        ("Nach Angaben des Branchendienstes CoStar ist es mit 3,5 Milliarden Dollar die größte Transaktion.", "de",
         "CoStar"),
    ],
)  # fmt: skip
def test_speakers_of_the_seventeenth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # *-170..185: a single name before "has said" at the end; a company's long relative clause before "has said"
        ("Pending projects add up to 60 gigawatts on a system built for a peak load of about 7 gigawatts, Energinet "
         "has said.", "en", "Energinet"),
        ("Oklo will supply Switch. Oklo, which went public in May through a merger with a blank-check company, has "
         "said its first unit will generate 15 megawatts.", "en", "Oklo"),
        # a body's name with an acronym; "S&P"; an epithet from the adjective of a name's word
        ("South Korea will buy 13,136 Nvidia processors, the Ministry of Science and ICT said in a statement.", "en",
         "Ministry of Science and ICT"),
        ("The three plants will cost about $3.2 billion, according to S&P Global Commodity Insights.", "en",
         "S&P Global Commodity Insights"),
        ("The Nuclear Regulatory Commission approved the permit. The plant will generate 345 megawatts, the regulator "
         "said.", "en", "Nuclear Regulatory Commission"),
        # not the name after "into": the company the pronoun stands for
        ("SoftBank needs the money for the $22.5bn it has promised to put into OpenAI.", "en", "SoftBank"),
        # German type nouns in the genitive and an outlet in quotation marks after one; "nach Konzernangaben"
        ("Nach Berechnungen des Marktforschers Trendforce wuchs der DRAM-Umsatz auf 41,4 Milliarden Dollar.", "de",
         "Trendforce"),
        ("Einen Bericht des Wirtschaftsblatts „Kauppalehti“, wonach Google bis zu 1 Gigawatt beantragt habe, wollte "
         "das Unternehmen nicht kommentieren.", "de", "Kauppalehti"),
        ("SoftBank hat das System in Betrieb genommen. Nach Konzernangaben ist es das weltweit größte System dieser "
         "Art.", "de", "SoftBank"),
        # French: "à en croire", "a détaillé le cabinet", "évoquait", "précise l'autorité"
        ("L'accord court sur vingt ans, à en croire la chaîne CNBC.", "fr", "CNBC"),
        ("Selon le cabinet TrendForce, le marché progresse. SK Hynix a réalisé 13,75 milliards de dollars de ventes, a "
         "détaillé le cabinet.", "fr", "TrendForce"),
        ("SoftBank a racheté le site. En juin 2024, le groupe évoquait une capacité pouvant dépasser 400 mégawatts.",
         "fr", "SoftBank"),
        # a document no one is named for is the company the sentence opens with; "vorhergesagt"
        ("Der japanische Technologieinvestor SoftBank hat im Oktober 5,83 Milliarden Dollar erlöst, wie aus dem am "
         "Dienstag vorgelegten Quartalsbericht hervorgeht.", "de", "SoftBank"),
        ("Der Vermögensverwalter DoubleLine hatte vorhergesagt, dass sich der Bestand bis 2027 auf rund 50 Milliarden "
         "Dollar verdoppeln werde.", "de", "DoubleLine"),
        # the owner of what opens the sentence, for the description after it; a German "-bauer" introduces a company
        ("Caterpillar's order backlog climbed to a record of roughly $63 billion, the Texas-based equipment maker "
         "said.", "en", "Caterpillar"),
        ("Der finnische Motorenbauer Wärtsilä rüstet nach eigenen Angaben ein Rechenzentrum mit einem Kraftwerk von "
         "790 Megawatt aus.", "de", "Wärtsilä"),
        # a research body named by what it is, after its name was given ("l'institut de recherche Epoch AI")
        ("Le campus est le deuxième des États-Unis, d'après l'institut de recherche Epoch AI. Ses équipements "
         "appellent 859 mégawatts, estime l'institut, derrière le site d'Amazon.", "fr", "Epoch AI"),
        # "explique-t-on chez"; a person set off as the subject of "a-t-il confié"
        ("Sunil Gupta envisage de lever environ 1 milliard de dollars en Bourse, explique-t-on chez Yotta.", "fr",
         "Yotta"),
        ("Son directeur général, Sunil Gupta, compte dépenser 4 milliards de dollars, a-t-il confié au quotidien "
         "Business Standard.", "fr", "Sunil Gupta"),
        # the Associated Press under its name; "avait parlé de", "fait état de"
        ("The campus could grow to 2.1 gigawatts, the Associated Press reported.", "en", "Associated Press"),
        ("Mardi, Bloomberg avait parlé, sur la foi de sources proches du dossier, d'environ 700 mégawatts.", "fr",
         "Bloomberg"),
        ("Le courtier Newmark, qui a monté le financement, fait en outre état de 300 mégawatts de production.", "fr",
         "Newmark"),
        # an association named by what it is, after its name; a foreign body's first word is no German noun
        ("Der neue Branchenverband ACOLDC wurde gegründet. Nach Angaben des Verbands kommt das Land bislang auf eine "
         "installierte Leistung von 56,5 Megawatt.", "de", "ACOLDC"),
        ("Nach Angaben des Netzbetreibers Coordinador Eléctrico Nacional dürften Rechenzentren 2030 gut 1.200 Megawatt "
         "aus dem Netz ziehen.", "de", "Coordinador Eléctrico Nacional"),
        # ", so der Bericht" and ", so Nvidia" (not ", so viel wie"); "die Behörde" after the "US-Energieministerium"
        ("Laut The Information hat OpenAI 4,3 Milliarden umgesetzt. Im kommenden Jahr sollen es rund 17 Milliarden "
         "Dollar sein, so der Bericht.", "de", "The Information"),
        ("Es seien 5 Gigawatt, so Nvidia.", "de", "Nvidia"),
        ("ASML hat Aufträge von 13,2 Milliarden Euro hereingeholt, so viel wie nie zuvor.", "de", "the article"),
        ("Das US-Energieministerium hat eine Ausschreibung über 293,76 Millionen Dollar gestartet, wie die Behörde am "
         "Dienstag mitteilte.", "de", "Department of Energy"),
        # the author of a document after "laut"; "wie er ... darlegte" for the company that opens the sentence;
        # "Spezialist" and "veranschlagt"; "wie die Unternehmen mitteilten" with no company in the sentence
        ("An Kraftwerken fehlt es nicht: Laut einer Analyse des Immobilienberaters Colliers verfügt Chile über 35 "
         "Gigawatt Erzeugungsleistung.", "de", "Colliers"),
        ("Der örtliche Versorger El Paso Electric will die Anlage mit 366 Megawatt bis 2027 errichten, wie er in einem "
         "Antrag bei der Regulierungsbehörde PUC darlegte.", "de", "El Paso Electric"),
        ("Der Münchner Supercomputer-Spezialist ParTec will für rund drei Milliarden Euro ein Rechenzentrum bauen, wie "
         "das Unternehmen im Frühjahr angekündigt hatte.", "de", "ParTec"),
        ("Der rumänische Betreiber ClusterPower baut aus. Den Campus wollen die Partner bis Ende 2028 auf 512 "
         "Megawatt ausbauen, wie die Unternehmen am Donnerstag mitteilten.", "de", "ClusterPower"),
        # a company named in full, then by its first word: the speaker is the short name
        ("Amkor Technology expects to spend as much as $3 billion this year, Amkor said.", "en", "Amkor"),
        ("Holtec International filed its plan; each unit would produce 340 megawatts, Holtec International said, and "
         "Holtec called it a first.", "en", "Holtec"),
        ("Hitachi Energy will invest $457 million, Hitachi Energy said. Hitachi owns the unit.", "en",
         "Hitachi Energy"),
    ],
)  # fmt: skip
def test_speakers_of_the_eighteenth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # German "wie <subject> ... <verb>": the subject opens the clause however far the verb comes; "hieß es bei X"
        ("Google will weitere 5 Mrd. Euro in Belgien investieren, wie der US-Konzern am Mittwoch während einer "
         "Wirtschaftsmission in Kalifornien mitteilte.", "de", "Google"),
        ("„Wir liefern pünktlich“, sagte G42-Chef Peng Xiao. Die ersten 200 Megawatt sollen 2026 in Betrieb gehen, "
         "hieß es bei G42.", "de", "G42"),
        # "nach eigenen Angaben" in a relative clause: the name just before it, not one further back
        ("EDF hat Flächen vergeben, wie der Konzern mitteilte. Im November hatte der Konzern die Flächen an das "
         "französische Unternehmen Eclairion vergeben, das dort nach eigenen Angaben rund zwei Milliarden Euro "
         "investieren will.", "de", "Eclairion"),
        ("Das Start-up Form Energy baut in Weirton, wie es mitteilte. In dem früheren Stahlwerk kann es nach eigenen "
         "Angaben Batterien mit "
         "mindestens 500 Megawatt im Jahr fertigen.", "de", "Form Energy"),
        # a survey as the source ("nach einer Markterhebung der"); a separable verb's particle after the name
        ("Nach einer Markterhebung der Netzbetreiber EirGrid und ESB Networks könnten Rechenzentren zusätzlich 5,8 "
         "Gigawatt benötigen.", "de", "EirGrid"),
        ("Crusoe baut bei Redwood Materials aus, womit der Strombedarf auf 20 Megawatt steigt, teilte Redwood mit.",
         "de", "Redwood"),
        # the addressee of a filing does not speak for it ("an die US-Börsenaufsicht SEC", "bei der SEC eingereicht")
        ("Nvidia bindet sich an seine Zulieferer: Die Verpflichtungen summierten sich auf 50,3 Milliarden Dollar, wie "
         "aus dem Quartalsbericht des Konzerns an die US-Börsenaufsicht SEC hervorgeht.", "de", "Nvidia"),
        # "le groupe" with no company remembered: the company the sentence named before it
        ("Le chiffre d'affaires de Nvidia a atteint 68,1 milliards de dollars, a annoncé mercredi le groupe de Santa "
         "Clara.", "fr", "Nvidia"),
        # "a par ailleurs confirmé"; "selon son directeur financier, X" is X; "selon sa direction" is the company
        # that opens the sentence; "selon cette dernière" is the last name before it
        ("Tesla a par ailleurs confirmé un investissement d'environ 2 milliards de dollars dans xAI.", "fr", "Tesla"),
        ("Amazon a émis des obligations, a indiqué le groupe. Le groupe prévoit d'investir environ 125 milliards de "
         "dollars cette année, selon son directeur financier, Brian Olsavsky.", "fr", "Brian Olsavsky"),
        ("EDF a retenu quatre sites, dont un pour la société Eclairion, a indiqué le groupe. En Moselle, Eclairion a "
         "promis 2 milliards d'euros, selon sa direction.", "fr", "Eclairion"),
        ("Google est entré au capital de la société italienne Energy Dome ; en Sardaigne, la première unité, de 20 "
         "mégawatts, fonctionne déjà, selon cette dernière.", "fr", "Energy Dome"),
    ],
)  # fmt: skip
def test_speakers_of_the_nineteenth_batch(text, lang, speaker):
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # "taxierte"; French "qu'il disait" (the company the sentence opens with); "le milliardaire" (the person named)
        ("Den KI-Umsatz im Jahr 2027 taxierte Konzernchef Hock Tan auf mehr als 100 Milliarden Dollar.",
         "de", "Hock Tan", -1),
        ("L'opérateur Ercot a déjà attribué à deux projets les 1 200 mégawatts qu'il disait pouvoir raccorder d'ici "
         "2028.", "fr", "Ercot", -1),
        ("« Le site sera prêt », a déclaré Elon Musk. Le maire Paul Young a salué le projet. Pour Colossus 2, le "
         "milliardaire tablait sur 550 000 puces dans une première phase.", "fr", "Elon Musk", -1),
        # a paper ("Milwaukee Journal Sentinel") is no company "le groupe" stands for; a person's employer after "von"
        ("Microsoft a investi 3,3 milliards de dollars, selon le Milwaukee Journal Sentinel. Le groupe prévoit aussi "
         "4,7 milliards de dollars de dépenses, selon son communiqué.", "fr", "Microsoft", -1),
        ("Analyst Kirk Boodry von Astris Advisory rechnet damit, dass SoftBank mindestens 25 Milliarden Dollar "
         "auftreiben muss.", "de", "Kirk Boodry", -1),
        # "des Analysehauses X"; German V2: a name after a preposition is no subject; "wie das Unternehmen der
        # Zeitung „X“ sagte": the company
        ("Eine Gasturbine kostet nach Schätzung des Analysehauses Melius Research mehr als 250 Millionen Dollar.",
         "de", "Melius Research", -1),
        ("Beim US-Rivalen GE Vernova rechnet Konzernchef Scott Strazik mit Aufträgen von rund 100 Gigawatt.",
         "de", "Scott Strazik", -1),
        ("Der Entwickler Forestalia will Rechenzentren mit bis zu 1000 Megawatt errichten, wie das Unternehmen der "
         "Zeitung „El Periódico de Aragón“ sagte.", "de", "Forestalia", -1),
        # "wie Telus-Chef X ... sagte": the person; a figure after a name is no part of it ("BC Hydro 85 Megawatt")
        ("Telus baut drei Rechenzentren, teilte Telus mit. Bis 2032 sollen die Standorte 150 Megawatt erreichen, wie "
         "Telus-Chef Darren Entwistle am Montag bei der Vorstellung mit KI-Minister Evan Solomon sagte.",
         "de", "Darren Entwistle", -1),
        ("Zunächst stehen dem Vorhaben nach Angaben des staatlichen Versorgers BC Hydro 85 Megawatt zur Verfügung.",
         "de", "BC Hydro", -1),
        # a Romance particle inside a name after "according to"; not the company's own platform ("on its
        # Econnextion portal")
        ("Italy's data centres had 513 megawatts installed, according to the Politecnico di Milano's data-centre "
         "observatory.", "en", "Politecnico di Milano", -1),
        ("Requests totalled 63.97 gigawatts, according to figures that grid operator Terna publishes on its "
         "Econnextion portal.", "en", "Terna", -1),
        # "Nach Tans Worten"; "Berichten zufolge" names no one; two companies before the verb: the first
        ("Broadcom-Chef Hock Tan sprach von Rekorden. Nach Tans Worten wird Anthropic rund ein Gigawatt in Betrieb "
         "nehmen.", "de", "Hock Tan", -1),
        ("Berichten zufolge verhandelt SoftBank über bis zu 30 Milliarden Dollar.", "de", "the article", -1),
        ("The county approved the bonds after BorderPlex and Stack Infrastructure pledged $50 million for water works.",
         "en", "BorderPlex", -1),
        # a description with "and"; "la direction"; "a-t-il annoncé" after a long description; "Bell Canada" after
        # a place
        ("Forestalia plans three data centres near Zaragoza, Forestalia said. They could draw up to 1,000 megawatts, "
         "the Aragonese wind and solar developer told a newspaper.", "en", "Forestalia", -1),
        ("Broadcom a publié ses comptes, a indiqué Broadcom. Pour le trimestre en cours, la direction table sur "
         "quelque 22 milliards de dollars de revenus.", "fr", "Broadcom", -1),
        ("Le concepteur américain de puces géantes pour l'intelligence artificielle Cerebras Systems a levé 1 "
         "milliard de dollars, a-t-il annoncé. Cerebras construit des centres.", "fr", "Cerebras", 0),
        ("Au Canada, Bell Canada a ouvert un centre de 7 MW équipé de puces Groq, premier jalon d'un réseau qui doit "
         "atteindre 500 MW, selon l'opérateur.", "fr", "Bell Canada", -1),
        # unnamed reports alone in their clause: the article's; beside a named source: that source; "stellte ... in
        # Aussicht" after a semicolon; a company the article types by itself ("le géant pétrolier Aramco") is not
        # its unit named after it ("Aramco Digital")
        ("Berichten zufolge verhandelt SoftBank über bis zu 30 Milliarden Dollar; darüber sei nichts entschieden, "
         "sagte Finanzchef Yoshimitsu Goto.", "de", "the article", 0),
        ("Dem Auftragsfertiger TSMC droht Insidern zufolge eine Strafe von einer Milliarde Dollar, wie die "
         "Nachrichtenagentur Reuters berichtet hatte.", "de", "Reuters", 0),
        ("Erst hatte AMD zugesagt, sechs Gigawatt zu liefern; Nvidia stellte im September Investitionen von bis zu "
         "100 Milliarden Dollar in Aussicht.", "de", "Nvidia", -1),
        ("En Arabie saoudite, le géant pétrolier Aramco s'était engagé à investir environ 1,5 milliard de dollars sur "
         "le site où Groq et Aramco Digital, la filiale du groupe, ont bâti un cluster.", "fr", "Aramco", 0),
    ],
)  # fmt: skip
def test_speakers_of_the_twentieth_batch(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


def test_words_that_only_name_organisations_make_a_name_an_organisation():
    """Two words or more read as a person unless a word names organisations ("Operator", "Pipeline", "Corp.") or a
    place ends a company's name ("Bell Canada", not "Au Canada")."""
    for name in ("Alberta Electric System Operator", "Pembina Pipeline Corp.", "Energy Dome", "Bell Canada"):
        assert speaker_type(name) == "organization", name
    for name in ("Kirk Boodry", "Jorge Azcón", "Kevin O'Leary"):
        assert speaker_type(name) == "person", name


@pytest.mark.parametrize(
    "text, lang, date, deadline",
    [
        # a period said to have ended lies before the publication date, one that ends after it; English month
        # abbreviations; "the October-December quarter"; "by the end of September" said of the past; "for 2025
        # through 2029"; "before the end of September" ahead; "clos le", "s'achèvera le"
        ("Sales in China came to $17 billion in the fiscal year that ended on Jan. 26.", "en", dt.date(2025, 8, 12),
         "2025-01-26"),
        ("In the quarter to Feb. 1, revenue rose to a record $19.3 billion.", "en", dt.date(2026, 3, 5), "2026-02-01"),
        ("It made a net profit of $1.62 billion in the October-December quarter.", "en", dt.date(2026, 2, 12),
         "2025-12-31"),
        ("It had funded $11.6 billion by the end of September, according to its quarterly filing.", "en",
         dt.date(2025, 10, 30), "2025-09-30"),
        ("The requests could add more than $12 billion to the capital plan for 2025 through 2029.", "en",
         dt.date(2025, 8, 8), "2029-12-31"),
        ("SoftBank needs as much as $10 billion more before the end of September.", "en", dt.date(2025, 5, 21),
         "2025-09-30"),
        ("Les ventes ont atteint 68,1 milliards de dollars sur l'exercice clos le 25 janvier.", "fr",
         dt.date(2026, 2, 26), "2026-01-25"),
        ("Le trimestre s'achèvera le 3 mai avec 22 milliards de dollars.", "fr", dt.date(2026, 3, 5), "2026-05-03"),
    ],
)  # fmt: skip
def test_deadlines_of_the_twentieth_batch(text, lang, date, deadline):
    money = [c for c in extract(text, date, lang)["claims"] if c["unit"] != "rank"]  # not "a record"'s rank
    assert money[0]["deadline"]["date"] == deadline


@pytest.mark.parametrize(
    "text, lang, comparator",
    [
        # a threshold after German "ab"; a cap in each language; German "gut" is more than (as the gold reads it)
        ("Ab dem 31. Dezember zahlen Rechenzentren ab 75 Megawatt eine Abgabe.", "de", ">="),
        ("Terna would cap new connections at 10 gigawatts.", "en", "<="),
        ("Terna veut plafonner les raccordements à 10 GW.", "fr", "<="),
        ("Terna wolle die Anschlüsse bei zehn Gigawatt deckeln.", "de", "<="),
        ("Das Projekt ist gut zwölf Milliarden Euro wert.", "de", ">"),
    ],
)
def test_comparators_of_the_twentieth_batch(text, lang, comparator):
    assert one(text, lang)["comparator"] == comparator


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # "erläuterte"; a description of three words ("the real estate investment trust"); an analysts' firm set
        # beside its name or after "cabinet d'analyse"; "den Angaben zufolge", "the filing said", "heißt es dort
        # weiter": the source the sentence before named; "the Journal" after the Wall Street Journal
        ("Oklo will bis 2034 auf 1,2 Gigawatt kommen, erläuterte Oklo-Chef Jacob DeWitte.", "de", "Jacob DeWitte", 0),
        ("Digital Realty will pay about $3.5 billion, the real estate investment trust said.",
         "en", "Digital Realty", 0),
        ("Each hall draws about 300 megawatts, according to SemiAnalysis, the chip research firm. A building beside "
         "it takes roughly 48 megawatts, the firm estimated.", "en", "SemiAnalysis", -1),
        ("Dylan Patel dirige le cabinet d'analyse SemiAnalysis. Selon le cabinet, le bâtiment consomme quelque 48 "
         "mégawatts.", "fr", "SemiAnalysis", -1),
        ("Digital Realty kauft die Anteile, teilte Digital Realty mit. Bezahlt wird den Angaben zufolge mit rund "
         "1,2 Milliarden Dollar in bar.", "de", "Digital Realty", -1),
        ("Microsoft said in its annual filing that it had $108 billion of leases. They can run for up to 20 years, "
         "the filing said.", "en", "Microsoft", -1),
        ("Microsoft habe Leasingverträge über 108 Milliarden Dollar, heißt es im Geschäftsbericht von Microsoft. "
         "Die Verträge sollen bis zu 20 Jahre laufen, heißt es dort weiter.", "de", "Microsoft", -1),
        ("xAI is raising money, the Wall Street Journal reported. It plans to spend more than $18 billion on chips, "
         "the Journal reported last month.", "en", "Wall Street Journal", -1),
        # "the agency reported on Dec. 31": a date after it is no outlet's name; a no-comment on a report: the outlet's
        ("Reuters reported the licences on Monday. Chinese groups have ordered more than 2 million H200s, the agency "
         "reported on Dec. 31.", "en", "Reuters", -1),
        ("Georgia Power declined to comment on a report in the Atlanta Business Chronicle that Microsoft had asked "
         "for a further 1.2 gigawatts by 2028.", "en", "Atlanta Business Chronicle", -1),
        # "précise le communiqué" / "le document": the company's, not the paper's that reported the sentence before;
        # "rapportait l'agence", "a relevé"
        ("Le groupe Firmus construira des centres avec Nvidia, a annoncé Firmus. La première tranche représente 150 "
         "mégawatts, précise le communiqué.", "fr", "Firmus", -1),
        ("Microsoft a publié ses comptes, a indiqué le groupe. Ses locations atteignent 108 milliards de dollars, "
         "selon CNBC. Les contrats courent jusqu'à vingt ans, précise le document.", "fr", "Microsoft", -1),
        ("Reuters a révélé l'affaire. Les groupes chinois ont commandé plus de 2 millions de H200, rapportait l'agence "
         "fin décembre.", "fr", "Reuters", -1),
        ("L'opération a pris quatre mois, contre 470 jours en moyenne, a relevé le South China Morning Post.", "fr",
         "South China Morning Post", -1),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_twenty_third_batch(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, date, deadline",
    [
        # French "d'ici à 2028" (with "à", as wire copy writes it most often) and "d'ici (à) la fin de l'année"
        ("Siemens Energy investira près de 2 milliards d'euros d'ici à 2028.", "fr", dt.date(2026, 2, 4),
         "2028-12-31"),
        ("Il émettrait environ 15 milliards de dollars d'ici à la fin de l'année.", "fr", dt.date(2026, 2, 3),
         "2026-12-31"),
        ("Il émettrait environ 15 milliards de dollars d'ici la fin de l'année.", "fr", dt.date(2026, 2, 3),
         "2026-12-31"),
        ("Microsoft investira 3 milliards de dollars entre 2023 et 2027.", "fr", dt.date(2026, 6, 30), "2027-12-31"),
        # German "bis Jahresende", "im Schlussquartal" (the fourth quarter), "zwischen 2026 und 2030", a day after
        # "bis zum" (the day, not its month's end), "noch 2026"
        ("xAI wolle bis Jahresende weitere 15 Milliarden Dollar einsammeln.", "de", dt.date(2025, 7, 23),
         "2025-12-31"),
        ("Im Schlussquartal bestellten Kunden Maschinen für mehr als 2 Milliarden Euro.", "de", dt.date(2026, 1, 28),
         "2025-12-31"),
        ("Brookfield baut zwischen 2026 und 2030 Parks mit mehr als 10,5 Gigawatt.", "de", dt.date(2024, 5, 2),
         "2030-12-31"),
        ("Der Umsatz lag im Quartal bis zum 28. September bei 5,32 Milliarden Dollar.", "de", dt.date(2025, 12, 17),
         "2025-09-28"),
        ("Erste 12 Megawatt gehen noch 2026 in Betrieb.", "de", dt.date(2026, 2, 26), "2026-12-31"),
        # English "between 2025 and 2030", "between now and 2029", "the fiscal year that ends in September", "as
        # early as 2027", "in calendar 2026"
        ("Data centres would add as much as 30,000 megawatts between 2025 and 2030.", "en", dt.date(2026, 1, 15),
         "2030-12-31"),
        ("Amazon will invest $13 billion between now and 2029.", "en", dt.date(2025, 6, 15), "2029-12-31"),
        ("The Austin, Texas-based firm said it now expected to spend more than $25 billion on plants and equipment in "
         "the fiscal year that ends in September, about $5 billion more than it had planned.", "en",
         dt.date(2026, 3, 19), "2026-09-30"),
        ("The campus would draw its first 300 megawatts as early as 2027.", "en", dt.date(2025, 5, 20), "2027-12-31"),
        ("Microsoft expects to spend about $190 billion in calendar 2026.", "en", dt.date(2026, 5, 1), "2026-12-31"),
    ],
)  # fmt: skip
def test_deadlines_learned_from_the_twenty_fourth_batch(text, lang, date, deadline):
    assert extract(text, date, lang)["claims"][0]["deadline"]["date"] == deadline


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Microsoft hatte im Oktober 2023 zugesagt, rund 3,2 Mrd. Dollar in Australien zu investieren.", "de"),
        ("Bereits im April 2024 hatte Microsoft rund 2,9 Milliarden Dollar für den Ausbau in Japan zugesagt.", "de"),
        ("Microsoft had pledged in April 2024 to spend about $2.9 billion on cloud and AI in Japan.", "en"),
    ],
)
def test_the_month_of_a_pluperfect_pledge_dates_the_pledge_not_the_figure(text, lang):
    assert extract(text, dt.date(2025, 6, 16), lang)["claims"][0]["deadline"] is None


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # a word that opens a clause is no name, however often it opens a sentence ("For 2026 ... For the current
        # quarter, it said"): "it" is the company that spoke last
        ("Acmetron said on Wednesday its backlog reached $15 billion. For 2026, Acmetron forecast sales of "
         "$13 billion. For the current quarter, it said it expected sales of as much as $2.7 billion.", "en",
         "Acmetron", -1),
        # a name inside a longer one gives way to it; the rest of a name the list lacks may stand inside a list
        ("Arizona approved the plan. The deal runs for ten years, Tucson Electric Power said.", "en",
         "Tucson Electric Power", -1),
        ("The loan comes after Crusoe, Blue Owl Capital and Primary Digital Infrastructure said they had lined up "
         "$11.6 billion of debt and equity.", "en", "Crusoe", -1),
        # a role compound before a name ("Studienautor Ben Boucher"); a relative clause with commas of its own
        # between a company and its verb ("..., whose territory includes ... Hillsboro, Oregon, said"): not the place
        ("Versorger bestellen bis zu vier Jahre im Voraus, sagte Studienautor Ben Boucher.", "de", "Ben Boucher", 0),
        ("Portland General Electric, whose territory includes the cluster around Hillsboro, Oregon, said it could "
         "make more than 80 megawatts available in 2026.", "en", "Portland General Electric", 0),
        # a paper's title in German quotation marks after its article, right before the verb
        ("Der Bezirk plant 150 Milliarden Dollar, wie der „Kansas City Star“ berichtete.", "de", "Kansas City Star", 0),
        # an unnamed spokesperson speaks for the company the sentence opens with
        ("SoftBank will switch on 150 megawatts next year, a company spokesman said.", "en", "SoftBank", 0),
        # a person who heads the company is no speaker ("le groupe dirigé par ...")
        ("Oracle vendra 20 milliards de dollars d'actions, a précisé le groupe dirigé par Clay Magouyrk et Mike "
         "Sicilia.", "fr", "Oracle", 0),
        # "selon le rapport" (the outlet named before), "selon ces sources" (the source before), "X dit que"
        ("Bloomberg a rapporté les retards. Le contrat vaut quelque 300 milliards de dollars, selon le rapport.", "fr",
         "Bloomberg", -1),
        ("Meta a choisi Pimco, selon Bloomberg. Selon ces sources, Pimco apporterait environ 26 milliards de dollars.",
         "fr", "Bloomberg", -1),
        ("La Greater Memphis Chamber dit que Colossus tire 150 mégawatts du réseau.", "fr", "Greater Memphis Chamber",
         0),
        # "Nach Angaben des Unternehmens": the description begins inside the cue
        ("Das britische Start-up Nscale hat 1,1 Milliarden Dollar eingesammelt. Nach Angaben des Unternehmens war es "
         "die größte Finanzierungsrunde dieser Art, die es in Europa je gab.", "de", "Nscale", -1),
        # whose document "wie aus ... hervorgeht" is: "von X", a genitive name, "dessen", else the company the
        # sentence opens with where the document is filed with a regulator
        ("Google hat mit dem Bau seines 15 Milliarden Dollar teuren KI-Zentrums begonnen, wie aus einer "
         "Pflichtmitteilung von Adani Enterprises an die Börse hervorgeht.", "de", "Adani Enterprises", 0),
        ("Der Nukleartechnikkonzern Holtec will zwei Reaktoren bauen. Sie sollen je 340 Megawatt leisten, wie aus "
         "Holtecs Antrag hervorgeht.",
         "de", "Holtec", -1),
        ("Ende 2024 hatte der Netzbetreiber Ercot erst rund 63 Gigawatt an Anfragen gezählt, wie aus dessen "
         "Unterlagen hervorgeht.", "de", "Ercot", 0),
        ("Der australische Rechenzentrumsbetreiber IREN hat rund 2,3 Milliarden Dollar beschafft, wie aus einer am "
         "Montag bei der US-Börsenaufsicht SEC eingereichten Mitteilung hervorgeht.", "de", "IREN", 0),
        # "Der Facebook-Konzern Meta": a description before its name is no name
        ("Der Facebook-Konzern Meta sichert sich beim US-Versorger NextEra Energy rund 2,5 Gigawatt Ökostrom, wie "
         "beide Unternehmen am Montag mitteilten.", "de", "Meta", 0),
        # "X dit avoir investi"; a reporting verb before a verb of expectation ("table sur ..., a rappelé l'agence")
        ("Depuis 2010, Amazon dit avoir investi plus de 31,3 milliards de dollars dans l'État.", "fr", "Amazon", 0),
        ("Le distributeur NIPSCO fournira l'électricité, a indiqué NIPSCO. Le groupe table sur des investissements "
         "d'environ 125 milliards de dollars cette année, a rappelé l'agence Reuters.", "fr", "Reuters", -1),
        # an outlet named after what it is with adjectives between ("l'agence officielle VNA"), then "précise l'agence"
        ("AIC investira 2,1 milliards de dollars, a rapporté l'agence officielle VNA. L'usine aura jusqu'à 50 MW, "
         "précise l'agence.", "fr", "VNA", -1),
        # "wie er ... mitteilte" after a colon: the company the colon's clause opens with, or the name before it
        ("Zum Vergleich: Der japanische Technologieinvestor SoftBank will in Frankreich bis zu 75 Milliarden Euro "
         "investieren, wie er vergangene Woche angekündigt hatte.", "de", "SoftBank", 0),
        ("Den Anfang macht Vistra: Der texanische Konzern liefert über 20 Jahre 2176 Megawatt, wie er am Freitag "
         "mitteilte.", "de", "Vistra", -1),
        # "nach dessen Angaben": the name before it
        ("Beim Verteilnetzbetreiber E.DIS liegen nach dessen Angaben 170 Anfragen vor, das Netz kann aber nur 2.400 "
         "Megawatt aufnehmen.", "de", "E.DIS", -1),
        # "beim Amsterdamer Cloud-Anbieter Nebius": a company typed after "beim", "vom", "zum"
        ("Der Facebook-Konzern Meta kauft beim Amsterdamer Cloud-Anbieter Nebius über fünf Jahre Rechenkapazität für "
         "zwölf Milliarden Dollar, wie Nebius am Montag mitteilte.", "de", "Nebius", 0),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_twenty_fourth_batch(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # "Das teilte ... mit": a German sentence that reports the one before it; where it names its speaker by what
        # it is ("das Unternehmen aus Denver", "der Elektroautobauer"), the company the sentence before opens with
        ("Der KI-Chipentwickler Acmetron hat sich 650 Millionen Dollar frisches Kapital besorgt.\nDas teilte das "
         "Unternehmen aus Denver am Dienstag mit.", "de", "Acmetron", 0),
        ("Tesla verkauft Speicher an xAI.\nTesla beteiligt sich mit rund zwei Milliarden Dollar an xAI.\nDas teilte "
         "der Elektroautobauer am Mittwochabend in seinem Brief an die Aktionäre mit.", "de", "Tesla", 0),
        ("Die Bauausgaben erreichten rund 50 Milliarden Dollar.\nDas berichtete das Technologieportal Nowline am "
         "Dienstag.", "de", "Nowline", 0),
        # a company named in full before and by its first word where it speaks: as it is written there
        ("Brookfield will invest in fuel cells from Acmeflux Energy. In April, Acmeflux reported record revenue of "
         "$751.1 million.", "en", "Acmeflux", -1),
        # a German time word after a titled name is no part of it
        ("Der Konzern will bis zu 135 Milliarden Dollar investieren, hatte Finanzchefin Susan Lo Ende Januar gesagt.",
         "de", "Susan Lo", 0),
        # an honorific inside "selon M. ..."; "nach Musks Angaben": the genitive's person
        ("Elon Musk a visité le site. Il doit porter la capacité à près de 2 gigawatts, selon M. Musk.", "fr",
         "Elon Musk", -1),
        ("Elon Musk besuchte den Standort. Die Leistung soll nach Musks Angaben auf knapp zwei Gigawatt steigen.",
         "de", "Elon Musk", -1),
        # "a ajouté plus de deux gigawatts": a figure added, not a reporting verb
        ("Microsoft a publié ses résultats. Le groupe a ajouté plus de deux gigawatts de capacités au cours de "
         "l'exercice, selon son patron, Satya Nadella, qui revendique plus de 400 centres de données.", "fr",
         "Satya Nadella", 0),
        # a name that opens the sentence, set off by what it is, before the verb
        ("Williams, the pipeline operator, said its $1.6 billion project would supply 400 megawatts.", "en",
         "Williams", 0),
        # an association under its full name with "of"
        ("The plants could generate about 7.5 gigawatts, the Union of Concerned Scientists said.", "en",
         "Union of Concerned Scientists", 0),
        # "nach Recherchen der ...", "nach Zahlen des ...": German "nach <noun> des" with more nouns
        ("Nach Recherchen der Finanznachrichtenagentur Bloomberg hat ein Investor in Xinjiang für 2025 und 2026 mehr "
         "als fünf Milliarden Yuan (etwa 700 Mio. Dollar) für Rechenzentren zugesagt.", "de", "Bloomberg", 0),
        ("Die Lombardei vereint nach Zahlen des Politecnico di Milano bereits 317 Megawatt.", "de",
         "Politecnico di Milano", 0),
        # "the carmaker", "the Round Rock, Texas-based company": the company the sentence opens with
        ("Tesla sells batteries to xAI. Tesla has agreed to invest about $2 billion in xAI, the carmaker disclosed on "
         "Wednesday.", "en", "Tesla", 0),
        ("Acmetron Technologies now expects to ship about $25 billion worth of servers in its fiscal year, the Round "
         "Rock, Texas-based company said on Tuesday.", "en", "Acmetron Technologies", 0),
        # Japan's trade ministry and the Italian prime minister's office under their names in every language
        ("Tokyo va verser jusqu'à 470 millions de dollars, a annoncé vendredi le ministère de l'Économie, du Commerce "
         "et de l'Industrie.", "fr", "Ministry of Economy, Trade and Industry", 0),
        ("Trois milliards d'euros seront investis d'ici à 2031, selon un communiqué du palais Chigi.", "fr",
         "Palazzo Chigi", 0),
        # "l'ONG", "die Organisation": the body named before; "selon le communiqué du groupe": the company
        ("L'association Union of Concerned Scientists a publié une étude. L'ONG estime que les coûts pourraient "
         "augmenter de 26 milliards de dollars.", "fr", "Union of Concerned Scientists", -1),
        ("Die Union of Concerned Scientists hat eine Studie veröffentlicht. Die Kosten könnten um 26 Milliarden Dollar "
         "steigen, schreibt die Organisation.", "de", "Union of Concerned Scientists", -1),
        ("Nvidia a publié ses résultats. Le chiffre d'affaires a atteint 57 milliards de dollars, selon le "
         "communiqué du groupe.", "fr", "Nvidia", -1),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_twenty_eighth_round(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # a research firm's document named by what it is: the firm that published it
        ("Tokyo costs $15.2 a watt, the consultancy Turner & Townsend said in its annual index. Singapore followed at "
         "$14.5 a watt, according to the index.", "en", "Turner & Townsend", -1),
        ("Zurich coûte 14,2 dollars par watt, selon le cabinet britannique Turner & Townsend. Singapour, à 14,5 "
         "dollars, fait plus cher, précise le rapport.", "fr", "Turner & Townsend", -1),
        # a UK department in French and German under its English name
        ("La zone pourrait accueillir plus d'un gigawatt, selon le ministère de la Science, de l'Innovation et de la "
         "Technologie.", "fr", "Department for Science, Innovation and Technology", 0),
        # a listed company named by its short name where it speaks; "the National Energy System Operator" is a name
        ("Vantage Data Centers plans a campus in Bridgend. Vantage announced in January that it would invest about "
         "$16 billion.", "en", "Vantage", -1),
        ("Vantage announced in January that it would invest in Wales. The queue holds more than 700 gigawatts of "
         "schemes, according to the National Energy System Operator, which is clearing it out.", "en",
         "National Energy System Operator", -1),
        # a German genitive after its noun ("Mitteilung DeWines"); a person after a title whose surname ends company
        # names ("chief executive Andy Power"): not "the company"
        ("Gouverneur Mike DeWine stoppte die Befreiung. Die Rechenzentren hätten 27,2 Milliarden Dollar investiert, "
         "hieß es in einer Mitteilung DeWines.", "de", "Mike DeWine", -1),
        ("Digital Realty signed leases, chief executive Andy Power said. Since January it has sold shares for about "
         "$1.3 billion, according to its quarterly supplement.", "en", "Digital Realty", -1),
        # where a company is based is no part of its name; the US energy department in French
        ("The council rezoned 180 acres for a campus that Toronto-based Karis Critical said could cost $900 "
         "million.", "en", "Karis Critical", 0),
        ("Washington va consacrer 2,7 milliards de dollars à l'enrichissement d'uranium, a annoncé lundi le "
         "département de l'Energie (DOE).", "fr", "Department of Energy", 0),
        # the company's own document: the company its clause names, not the company that spoke before
        ("Amazon Web Services cut its prices. De quoi inquiéter les prêteurs : CoreWeave affichait fin 2024 quelque "
         "8 milliards de dollars de dette, selon son rapport annuel.", "fr", "CoreWeave", -1),
        ("Renaissance Capital tracks listings. Acmetron Energy raised $1.2 billion by selling notes, its quarterly "
         "filing showed.", "en", "Acmetron Energy", -1),
        # "des Versorgers", "the utility": the company the article named as a utility, not the last one that spoke
        ("Der Betreiber Acmetron baut in Lévis. Der Strom stammt vom Staatsversorger Hydro-Québec, wie Acmetron "
         "mitteilte. Frei sind nach Angaben des Versorgers nur noch 150 Megawatt.", "de", "Hydro-Québec", -1),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_twenty_ninth_round(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # "the researchers", "die Forscher", "les chercheurs": the research group named before
        ("Epoch AI published its estimates. In einer weiteren Analyse schätzen die Forscher, dass OpenAI rund sieben "
         "Milliarden Dollar für Rechenleistung ausgegeben hat.", "de", "Epoch AI", -1),
        # "a study found": the study's author before it
        ("A separate Epoch AI study found that OpenAI spent about $7 billion on computing in 2024.", "en", "Epoch AI",
         0),
        # "l'équipementier américain Ciena": a company typed by a noun the list lacked
        ("L'équipementier américain Ciena a annoncé jeudi un chiffre d'affaires record de 1,35 milliard de dollars.",
         "fr", "Ciena", 0),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_thirtieth_round(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # a name that goes on past a possessive to its office's noun
        ("PJM approved almost $12 billion of new lines, according to Maryland's Office of People's Counsel.", "en",
         "Office of People's Counsel", 0),
        ("Microsoft paid $56.9 million for 183 acres, according to the Licking County Auditor's Office.", "en",
         "Licking County Auditor's Office", 0),
        # "which puts the act into practice": "puts" reports a figure only when it puts it at one
        ("Under the order, which puts last year's POWER Act into practice, such customers must sign contracts of at "
         "least 10 years, PGE said.", "en", "PGE", 0),
        # "une information de Bloomberg selon laquelle": the outlet, the singular noun as the plural
        ("Intel n'a pas souhaité commenter une information de Bloomberg selon laquelle il aurait proposé à Apple "
         "d'entrer à son capital pour un montant pouvant aller jusqu'à 5 milliards de dollars.", "fr", "Bloomberg", 0),
        # "Nach den Worten von Vorstandschef Rene Haas"
        ("Nach den Worten von Vorstandschef Rene Haas soll der Chip bis 2031 jährlich rund 15 Milliarden Dollar "
         "Umsatz bringen.", "de", "Rene Haas", 0),
        # "Samsung Electronics" is the news's "Samsung"
        ("Samsung Electronics has agreed to buy FläktGroup for 1.5 billion euros, the South Korean company said.",
         "en", "Samsung", 0),
        # "wie die Behörde mitteilte", "the commission said": the body the article named by its head noun
        ("Die Regulierungsbehörde Oregon Public Utility Commission hat für Kunden mit mehr als 20 Megawatt eine "
         "eigene Tarifklasse geschaffen, wie die Behörde am Freitag mitteilte.", "de",
         "Oregon Public Utility Commission", 0),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_thirty_third_round(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # a passive without its agent reports nobody: the sentence's other cue speaks
        ("Its campus will grow to 100 MW, Telkom Indonesia said. Indonesia's data-centre capacity is projected at 936 "
         "MW in 2028, Ricky Kusmayadi, a deputy at the investment ministry, said.", "en", "Ricky Kusmayadi", 1),
        # a German person by the body they speak from
        ("Ricky Kusmayadi vom Investitionsministerium in Jakarta rechnet für 2028 mit insgesamt 936 Megawatt.", "de",
         "Ricky Kusmayadi", 0),
        # the noun first and the name set off after it: "the monitor" later is that name
        ("Data centres accounted for about $6.5 billion, the grid operator's independent market monitor, Monitoring "
         "Analytics, said. About $6.2 billion of that is tied to data centres not yet built, the monitor said.", "en",
         "Monitoring Analytics", 1),
        ("Les centres de données pèsent 6,5 milliards de dollars, selon son surveillant de marché indépendant, "
         "Monitoring Analytics. Les prévisions ont coûté 21,3 milliards de dollars, calcule le surveillant.", "fr",
         "Monitoring Analytics", 1),
        # "Joseph Bowring, the monitor's president": the noun owns the apposition, it is not it
        ("Data centres accounted for about $6.5 billion, the grid operator's independent market monitor, Monitoring "
         "Analytics, said. \"We are short,\" Joseph Bowring, the monitor's president, told reporters. A price collar "
         "held the cost down by some $13.1 billion, the monitor said.", "en", "Monitoring Analytics", 1),
        # "it put the market at": "put" reports where it puts a figure at one
        ("Samsung Electronics has agreed to buy FläktGroup for 1.5 billion euros, the company said on Wednesday. "
         "Citing industry studies, it put the global market at $61 billion in 2024.", "en", "Samsung", 1),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_thirty_third_round_passives_and_appositions(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # "nach einer Überschlagsrechnung des": a reckoning is a source too
        ("Nach einer Überschlagsrechnung des Beratungsunternehmens Quilty Space bräuchte das Netz mehr als fünf "
         "Gigawatt.", "de", "Quilty Space", 0),
        # "hatte Konzernchef Jensen Huang vorgerechnet"
        ("Ein Gigawatt koste bis zu 60 Milliarden Dollar, hatte Konzernchef Jensen Huang vorgerechnet.", "de",
         "Jensen Huang", 0),
        # "teilte das Staatsunternehmen mit": a compound for the company
        ("Der Netzbetreiber Statnett stoppt neue Anschlüsse. Betroffen sei jeder neue Verbrauch von mehr als fünf "
         "Megawatt, teilte das Staatsunternehmen am Mittwoch in Oslo mit.", "de", "Statnett", 0),
        # a name that opens with digits
        ("Nach Angaben von 3i sind derzeit 37 Megawatt in Betrieb.", "de", "3i", 0),
        ("Selon le site américain 404 Media, la ville a vendu le terrain pour 10 millions de dollars.", "fr",
         "404 Media", 0),
        # "s'attend à", "chiffrait ... à": French verbs of reckoning
        ("Citant des études sectorielles, Samsung s'attend à ce que le marché passe à 99 milliards de dollars en "
         "2030.", "fr", "Samsung", 0),
        ("Le patron du fabricant de puces, Jensen Huang, chiffrait l'été dernier à quelque 50 milliards de dollars le "
         "coût d'un gigawatt.", "fr", "Jensen Huang", 0),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_thirty_third_round_across_the_corpus(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # the Justice Department, as each language writes it, is the gold's "Department of Justice"
        ("In 2023, ALX invoiced more than $28.4 million of Nvidia hardware, the Justice Department said.", "en",
         "Department of Justice", 0),
        ("Zwei Männer sollen Chips im Wert von 160 Millionen Dollar geschleust haben, teilte das US-Justizministerium "
         "mit.", "de", "Department of Justice", 0),
        # "Nikkei Asia", the English edition, is not "Nikkei"
        ("Le BoI n'a pas souhaité commenter une information du Nikkei Asia selon laquelle Microsoft aurait sollicité "
         "des incitations pour un campus de 200 MW.", "fr", "Nikkei Asia", 0),
        # "did not comment on a report by": no denial, the outlet's figure
        ("The board did not comment on a report by Nikkei Asia that Microsoft had applied for incentives for a 200 MW "
         "campus.", "en", "Nikkei Asia", 0),
        ("Einen Bericht von „Nikkei Asia“, wonach Microsoft Fördermittel für einen Campus mit 200 Megawatt beantragt "
         "habe, kommentierte die Behörde nicht.", "de", "Nikkei Asia", 0),
        # a report denied after a semicolon is the article's
        ("Zu der Klage äußerte sich Oracle nicht; einen Bericht von The Information, wonach der Konzern weitere 20 "
         "Milliarden Dollar suche, wies ein Sprecher dagegen zurück.", "de", "the article", 0),
        # "so die Berater": the consultancy named before ("des Immobilienberaters Cushman & Wakefield")
        ("Das Land verfügt nach Daten des Immobilienberaters Cushman & Wakefield über 51 Megawatt. Ein Megawatt "
         "kostet im Schnitt rund 7,1 Millionen Dollar, so die Berater.", "de", "Cushman & Wakefield", 1),
        # "Kinder Morgan's backlog rose ..., the pipeline operator said": the owner of what opens the sentence
        ("Kinder Morgan's backlog of approved expansion projects rose to $8.1 billion at the end of 2024, the "
         "pipeline operator said on Wednesday.", "en", "Kinder Morgan", 0),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_thirty_fourth_round(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # a study named with its authors' home: "the study said", "heißt es in der Studie" are that home's
        ("US grids could absorb nearly 100 gigawatts, researchers at Duke University said in a study. That headroom "
         "shrinks to 76 gigawatts at 0.25%, the study said.", "en", "Duke University", 1),
        ("Das bestätigt eine Studie der Duke University in North Carolina. Bei 0,25 Prozent wären es 76 Gigawatt, "
         "heißt es in der Studie.", "de", "Duke University", 0),
        ("C'est la conclusion d'une étude de l'université Duke publiée mardi. Les centres de données pourraient "
         "ajouter jusqu'à 65 GW d'ici à 2029, rappellent les auteurs.", "fr", "Duke University", 0),
        # "Navitas Semiconductor ... Navitas": the short name the article goes on with
        ("Navitas Semiconductor said it could sell up to $50 million of new shares. Navitas makes power chips.", "en",
         "Navitas", 0),
        # an acronym with an ampersand, given in parentheses after its name
        ("Google signed a deal with Indiana Michigan Power (I&M). I&M has said it expects its peak demand to roughly "
         "double by 2030, to about 8,000 megawatts.", "en", "Indiana Michigan Power", 0),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_thirty_fifth_round(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a list after the noun is no apposition
        ("Apart from the agency, Google, Meta and Amazon bid. The plant will cost $2 billion, the agency said.",
         "the article"),
        # "projected by 2028": a year, not an agent
        ("Its campus will grow to 100 MW, Telkom Indonesia said. Indonesia's capacity is projected by 2028 to hit "
         "936 MW, Ricky Kusmayadi said.", "Ricky Kusmayadi"),
        # a listed company's possessive is no office's name
        ("The plan will cost $2 billion, according to Google's Office.", "Google"),
        # a title or a place that owns what opens the sentence is no company
        ("President Donald Trump's tariffs will cost $2 billion, the company said.", "the article"),
        # "the department": the last body that is a department, not a later authority
        ("The Department of Energy chose four sites. The Tennessee Valley Authority runs one. The sites could host "
         "up to 800 MW, the department said.", "Department of Energy"),
    ],
)  # fmt: skip
def test_the_thirty_fifth_rounds_rules_stay_within_their_cases(text, speaker):
    """The review's counter-examples (2026-12-06): each new rule keeps to what its comment says."""
    claims = extract(text, D, "en")["claims"]
    assert claims[-1]["speaker"] == speaker


def test_a_same_period_is_a_past_reporting_period_and_a_span_to_a_year_stays():
    """A future date is no reporting period ("by June 30, 2027" then "in the quarter"), and "over four years to 2029"
    keeps its four-year span ("the three months to Sept. 27" does not: a day ends it)."""
    date = dt.date(2025, 10, 24)
    claims = extract("The campus will be finished by June 30, 2027. Revenue rose to $5 billion in the quarter.", date,
                     "en")["claims"]  # fmt: skip
    assert claims[-1]["deadline"] is None
    claims = extract("OpenAI will spend $500 billion over four years to 2029.", date, "en")["claims"]
    assert [(c["unit"], c["quantity"]) for c in claims] == [("USD", 5e11), ("months", 48)]


@pytest.mark.parametrize(
    "text, lang, speaker, at",
    [
        # "Citigroup analysts wrote": the firm before its analysts; "the analysts estimated", "according to the note":
        # that firm again
        ("Hyperscalers' AI capital expenditure should reach $490 billion in 2026, Citigroup analysts wrote.", "en",
         "Citigroup", 0),
        ("Spending should reach $490 billion in 2026, Citigroup analysts wrote. The analysts estimated that about 55 "
         "gigawatts of new power capacity would be needed by 2030.", "en", "Citigroup", 1),
        # a government's cabinet under the English name the gold gives it
        ("Die Anlage soll nach Angaben des Ministerrats mit mehr als 100.000 Grafikprozessoren ausgestattet werden.",
         "de", "Council of Ministers", 0),
        ("Selon un communiqué du Conseil des ministres, l'installation compterait plus de 100 000 processeurs.", "fr",
         "Council of Ministers", 0),
    ],
)  # fmt: skip
def test_speakers_learned_from_the_thirty_sixth_round(text, lang, speaker, at):
    assert extract(text, D, lang)["claims"][at]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang",
    [
        ("In March, contractors put in place data-centre work at an annual rate of $49.5 billion.", "en"),
        ("SoftBank put $7.5 billion into OpenAI in April.", "en"),
    ],
)
def test_a_phrasal_put_reports_nothing(text, lang):
    """ "put in place", "put ... into": no report, so the figure is the article's and keeps its month."""
    claim = extract(text, dt.date(2026, 1, 15), lang)["claims"][0]
    assert (claim["speaker"], claim["deadline"]["granularity"]) == ("the article", "month")


@pytest.mark.parametrize(
    "text, lang, figure, when",
    [
        ("Intel reported revenue of $13.7 billion for the three months to Sept. 27. Its foundry unit lost $2.3 "
         "billion in the quarter.", "en", 2.3e9, "2025-09-27"),
        ("In den drei Monaten bis zum 27. September verdiente Intel 4,1 Milliarden Dollar. Der Umsatz stieg im "
         "selben Zeitraum auf 13,7 Mrd. Dollar.", "de", 13.7e9, "2025-09-27"),
        ("Nvidia a réalisé 57 milliards de dollars de chiffre d'affaires au trimestre clos le 26 octobre. Sur la même "
         "période, son bénéfice a atteint 31,9 milliards de dollars.", "fr", 31.9e9, "2025-10-26"),
    ],
)  # fmt: skip
def test_the_same_period_takes_the_period_the_article_last_dated(text, lang, figure, when):
    """ "during the quarter", "im selben Zeitraum", "sur la même période": the period dated before, to the day."""
    claims = extract(text, dt.date(2025, 11, 20), lang)["claims"]
    assert next(c for c in claims if c["quantity"] == figure)["deadline"]["date"] == when


@pytest.mark.parametrize(
    "text, lang, when",
    [
        ("Micron's revenue jumped to a record $23.86 billion in the three months to February 26, the memory "
         "chipmaker said on Wednesday.", "en", "2026-02-26"),
        ("In den drei Monaten bis zum 26. Februar verdiente Micron 5,2 Milliarden Dollar, teilte der Konzern mit.",
         "de", "2026-02-26"),
    ],
)  # fmt: skip
def test_the_months_to_a_day_date_the_figure_and_are_no_span(text, lang, when):
    """ "the three months to February 26": a reporting period named by its last day, beside "said" (not when it was
    said), and no three-month span of its own."""
    claims = [c for c in extract(text, dt.date(2026, 3, 19), lang)["claims"] if c["unit"] != "rank"]  # "a record"
    assert [(c["unit"], c["deadline"]["date"]) for c in claims] == [("USD", when)]


def test_a_quarter_named_by_the_day_it_ended_dates_its_figure():
    """ "for the quarter ended Oct. 26" beside "reported": the figure's period, not when it was said."""
    text = "Nvidia reported revenue of $57 billion for the quarter ended Oct. 26."
    assert extract(text, dt.date(2025, 12, 12), "en")["claims"][0]["deadline"]["date"] == "2025-10-26"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Lambda advertises H100s at $2.99 an hour.", "en"),
        ("Eine Instanz kostet rund 55 Dollar pro Stunde.", "de"),
        ("La location d'une H100 se négociait à plus de 8 dollars de l'heure.", "fr"),
    ],
)
def test_a_chips_hourly_rent_is_a_price_not_a_claim(text, lang):
    """A price for one hour of a chip's rent is no money for the build-out (the corpus README: unit prices are not
    gold)."""
    assert extract(text, D, lang)["claims"] == []


@pytest.mark.parametrize(
    "text, lang, speakers",
    [
        # the French lawyer's title "Me" before the full name and before the surname
        ("Les clients réclament 12 millions d'euros, selon leur avocat, Me Jocelyn Ziegler. Le préjudice d'un seul "
         "atteint 3,2 millions d'euros, a souligné Me Ziegler.", "fr", ["Jocelyn Ziegler", "Jocelyn Ziegler"]),
        # "DPM Heng" and "Dr Janil": the one person the article named in full who holds the word, given name or not
        ("Deputy Prime Minister Heng Swee Keat spoke first. “We will provide at least 300MW,” DPM Heng told the "
         "conference. Another 200 MW could follow, said Dr Janil Puthucheary, a minister. The city has some 1.4 "
         "gigawatts of capacity, Dr Janil said.", "en",
         ["Heng Swee Keat", "Janil Puthucheary", "Janil Puthucheary"]),
        # "sagte Dr. Janil Puthucheary": the title's full stop does not end the name
        ("Weitere 200 MW könnten folgen, sagte Dr. Janil Puthucheary, Staatsminister.", "de", ["Janil Puthucheary"]),
    ],
)  # fmt: skip
def test_a_courtesy_title_is_no_part_of_a_name(text, lang, speakers):
    assert [c["speaker"] for c in extract(text, D, lang)["claims"]] == speakers


def test_the_company_is_never_the_data_firm_whose_poll_gave_the_consensus():
    """ "analysts polled by LSEG had expected", then "the company said": the company the article is about."""
    text = (
        "Analysts polled by LSEG had expected revenue of $38 billion from Nvidia. Revenue rose 78% to a record $39.3 "
        "billion in the fourth quarter, the company said."
    )
    claims = extract(text, D, "en")["claims"]
    assert [c["speaker"] for c in claims if c["unit"] == "USD"] == ["LSEG", "Nvidia"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Sterling Infrastructure will book as much as $3.8 billion of revenue this year, the Texas contractor said "
         "on Monday.", "en"),
        ("Sterling Infrastructure visera 3,8 milliards de dollars de revenus au plus en 2026, a précisé "
         "l'installateur texan.", "fr"),
    ],
)  # fmt: skip
def test_a_contractor_named_by_what_it_is_is_the_company(text, lang):
    assert extract(text, D, lang)["claims"][0]["speaker"] == "Sterling Infrastructure"


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        ("Il faut jusqu'à douze ans pour bâtir les lignes, selon le ministère des Finances.", "fr",
         "Ministry of Finance"),
        ("Kraftwerke brauchen bis zu zwölf Jahre, heißt es in einem Bericht des Finanzministeriums.", "de",
         "Ministry of Finance"),
        ("Only $2 million was obligated at signing, according to the Defense Department.", "en",
         "Department of Defense"),
        ("Le contrat plafonne à 200 millions de dollars, a indiqué le Pentagone.", "fr", "Department of Defense"),
        # a possessive or a participle that opens a sentence is no name: the company the cue describes speaks
        ("Le géant chinois de l'internet Tencent publie ses résultats. Ses dépenses ont triplé, à 10,6 milliards de "
         "dollars, a détaillé le groupe de Shenzhen.", "fr", "Tencent"),
        ("L'opérateur Equinix construit un site. Baptisé SG6 et situé à Tai Seng, le bâtiment doit ouvrir en 2027, a "
         "précisé le groupe. Le site SG5 avait coûté 144 millions de dollars, selon les chiffres publiés par "
         "l'entreprise.", "fr", "Equinix"),
        # "stellte ... in Aussicht" holds out a prospect, a decimal comma between them or not
        ("Für 2026 stellte Finanzchef Jason Nalbandian bis zu 18,5 Mrd. Dollar Umsatz in Aussicht.", "de",
         "Jason Nalbandian"),
    ],
)  # fmt: skip
def test_bodies_in_every_language_and_sentence_openers_that_are_no_names(text, lang, speaker):
    assert [c["speaker"] for c in extract(text, D, lang)["claims"]] == [speaker]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        ("Nvidia builds a campus. The Israeli business daily Calcalist reported that the company would invest about "
         "$1.5 billion in the project.", "en", "Calcalist"),
        ("Le quotidien Calcalist chiffre l'investissement total à environ 1,5 milliard de dollars.", "fr", "Calcalist"),
        ("Nvidia versera 28 millions de dollars, avait révélé mardi le quotidien économique Globes.", "fr", "Globes"),
        ("Jeder erhielt nach einem Bericht des Wirtschaftsportals The Edge Singapore rund 20 Megawatt.", "de",
         "The Edge Singapore"),
        ("Alibaba va investir 53 milliards de dollars, a rapporté lundi l'agence officielle Chine nouvelle.", "fr",
         "Xinhua"),
    ],
)  # fmt: skip
def test_a_paper_the_list_lacks_is_named_by_what_it_is(text, lang, speaker):
    """A paper named after what it is speaks by its name, not "the company" of its content nor the noun before it."""
    assert [c["speaker"] for c in extract(text, D, lang)["claims"]] == [speaker]


def test_a_firms_analysts_named_after_the_cue_are_that_firms_and_keep_no_full_stop():
    """ "schätzen die Analysten der DZ Bank." names DZ Bank (not the firm whose analysts spoke before, nor "DZ Bank."
    with the sentence's full stop); "D.A. Davidson" keeps its initials."""
    text = (
        "Nvidia dürfte 150 Milliarden Dollar umsetzen, schätzen die Analysten von Morgan Stanley. Im Geschäftsjahr "
        "dürfte Nvidia mehr als 170 Milliarden Dollar umsetzen, schätzen die Analysten der DZ Bank."
    )
    assert [c["speaker"] for c in extract(text, D, "de")["claims"]] == ["Morgan Stanley", "DZ Bank"]
    assert extract("Revenue will reach $5 billion, D.A. Davidson analysts said.", D, "en")["claims"][0]["speaker"] == (
        "D.A. Davidson"
    )


def test_laut_a_name_the_article_writes_twice_is_that_name():
    """ "laut Tallgrass" after a semicolon: the name (the article writes it elsewhere too); "laut Plan" is no name."""
    text = (
        "Tallgrass baut. Im Januar hatte das County bis zu 2,7 Gigawatt genehmigt; langfristig könnte der Standort "
        "laut Tallgrass auf zehn Gigawatt wachsen."
    )
    assert [c["speaker"] for c in extract(text, D, "de")["claims"]] == ["the article", "Tallgrass"]
    assert extract("Der Standort soll laut Plan auf zehn Gigawatt wachsen.", D, "de")["claims"][0]["speaker"] == (
        "the article"
    )


@pytest.mark.parametrize(
    "text, lang, ranks",
    [
        # "a record" next to its figure is rank 1 (the corpus README), beside the figure itself
        ("Revenue rose to a record $39.3 billion in the quarter, the company said.", "en", [1.0]),
        ("Le chiffre d'affaires a atteint un niveau record de 7,69 milliards de dollars.", "fr", [1.0]),
        ("Der Konzern meldete einen Rekordumsatz von 39,3 Milliarden Dollar.", "de", [1.0]),
        # a record with no figure after it is no rank here ("record demand"), nor is a share price's
        ("Demand hit a record, and revenue rose to $39.3 billion.", "en", []),
        # a second place is rank 2, and "largest" inside it no rank 1
        ("Nvidia will build its second-largest campus for $1.5 billion, the chipmaker said.", "en", [2.0]),
        ("Ce sera le deuxième plus grand site du groupe, pour 1,5 milliard de dollars.", "fr", [2.0]),
        ("Es wird der zweitgrößte Campus des Konzerns für 1,5 Milliarden Dollar.", "de", [2.0]),
    ],
)  # fmt: skip
def test_a_record_beside_its_figure_and_a_second_place_are_ranks(text, lang, ranks):
    claims = extract(text, D, lang)["claims"]
    assert [c["quantity"] for c in claims if c["unit"] == "rank"] == ranks
    assert [c["unit"] for c in claims if c["unit"] != "rank"] == ["USD"]


@pytest.mark.parametrize(
    "text, lang, comparator",
    [
        ("The plant must be finished within 18 months.", "en", "<="),
        ("Die Behörden müssen binnen sechs Monaten handeln.", "de", "<="),
        ("Der Bau soll innerhalb von zwei Jahren fertig sein.", "de", "<="),
        ("Le chantier sera achevé d'ici six mois.", "fr", "<="),
        ("Le chantier sera achevé en moins de deux ans.", "fr", "<="),
        ("The plant will be built over 18 months.", "en", "="),  # a span with no limit
    ],
)
def test_a_time_limit_bounds_a_span(text, lang, comparator):
    """ "within 18 months", "binnen", "d'ici six mois": the span is at most that long (the corpus README)."""
    assert [(c["unit"], c["comparator"]) for c in extract(text, D, lang)["claims"]] == [("months", comparator)]


def test_a_time_limit_is_no_hedge_on_money():
    """ "within" bounds a span only: "$5 billion within the next year" is money with no hedge."""
    claims = extract("Acme will spend $5 billion within the next year.", D, "en")["claims"]
    assert [(c["unit"], c["comparator"]) for c in claims] == [("USD", "about")]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        ("Greece's Public Power Corporation (PPC) plans to invest 5.75 billion euros in Western Macedonia, the "
         "utility said on Thursday.", "en", "Public Power Corporation"),
        ("Griechenlands Public Power Corporation (PPC) plant zu investieren 5,75 Milliarden Euro in Westmakedonien, "
         "der Versorger sagte am Donnerstag.", "de", "Public Power Corporation"),
        ("Nach den Worten von Vizerektor Patricio Zapata spart die Universität mehr als 60 Millionen Dollar.", "de",
         "Patricio Zapata"),
        ("Nach Berechnungen der Brokerfirma Topline Securities könnte der Sektor 1,4 Milliarden Dollar einnehmen.",
         "de", "Topline Securities"),
        ("Sa filiale vise 1 000 MW d'ici 2030.", "fr", "the article"),  # a possessive, not a name
    ],
)  # fmt: skip
def test_a_country_a_german_role_or_a_possessive_before_a_name_is_no_part_of_it(text, lang, speaker):
    assert [c["speaker"] for c in extract(text, D, lang)["claims"] if c["unit"] != "months"][:1] == [speaker]


def test_a_body_of_a_name_ending_in_a_firm_word_and_a_model_are_no_firms():
    """ "The Ministry of Digital Technologies said" is the ministry, not a firm "Digital Technologies"; "GPT-4" is a
    model, no speaker."""
    text = "The Ministry of Digital Technologies said the cost was about $150 million."
    assert extract(text, D, "en")["claims"][0]["speaker"] == "Ministry of Digital Technologies"
    text = "Die Trainingskosten von GPT-4 lagen bei mehr als 100 Millionen Dollar, berichtete die Zeitung."
    assert "GPT" not in extract(text, D, "de")["claims"][0]["speaker"]


def test_a_german_subject_set_off_by_an_apposition_before_its_auxiliary():
    """ "DataVolt, eine Tochter der ... Vision Invest, hat ... zugesagt": DataVolt, not the article."""
    text = (
        "Der saudische Betreiber DataVolt hat in Taschkent den Grundstein gelegt. DataVolt, eine Tochter der "
        "saudischen Holding Vision Invest, hat bis 2030 Investitionen von bis zu fünf Milliarden Dollar in Usbekistan "
        "zugesagt."
    )
    assert extract(text, D, "de")["claims"][0]["speaker"] == "DataVolt"


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        ("Singapore-based Empyrion Digital has broken ground on a 10-megawatt data centre in Taipei's Neihu district, "
         "a rare project of its size in a part of Taiwan short of power, the company said on Wednesday.", "en",
         "Empyrion Digital"),
        ("Singapur-basierte Empyrion Digital hat Boden gebrochen auf einem 10-Megawatt Rechenzentrum in Taipehs Neihu "
         "Bezirk, ein seltenes Projekt seiner Größe in einem Teil von Taiwan knapp an Strom, die Firma sagte am "
         "Mittwoch.", "de", "Empyrion Digital"),
        ("Das Start-up Scandinavian Data Centers (SDC) hat Balder als Investor gewonnen. Bis zu 10 Megawatt Abwärme "
         "fließen in das Netz, teilte SDC mit.", "de", "Scandinavian Data Centers"),
        ("Nach einer Studie des Vermögensverwalters DoubleLine wächst der Markt auf rund 50 Mrd. Dollar.", "de",
         "DoubleLine"),
    ],
)  # fmt: skip
def test_where_a_firm_is_based_or_what_it_is_is_no_part_of_its_name(text, lang, speaker):
    """ "Singapore-based", "das Start-up", "des Vermögensverwalters": a description before the name (*-490..505)."""
    assert extract(text, D, lang)["claims"][0]["speaker"] == speaker


@pytest.mark.parametrize(
    "text, lang, speakers",
    [
        # an acronym given for a thing in small letters is no company ("the company" is Switch)
        ("The package combines a $2.4 billion commercial mortgage-backed securities (CMBS) loan with a $1.1 billion "
         "issue, Switch said. The CMBS deal, Switch's first, is the largest green data-centre CMBS on record, "
         "according to the company.", "en", ["Switch", "Switch", "Switch"]),
        ("Le paquet combine un prêt de titres adossés à des hypothèques commerciales (CMBS) de 2,4 milliards de "
         "dollars, a dit Switch. L'accord CMBS, le premier de Switch, est le plus grand CMBS vert jamais vu, selon "
         "la société.", "fr", ["Switch", "Switch"]),
        # a currency's letters are no name; "and said" shares the subject the sentence opens with
        ("Amazon Web Services (AWS) opened its New Zealand cloud region on Tuesday, a year later than first "
         "promised, and said it was still investing NZ$7.5 billion (about US$4.4 billion) in the country over 15 "
         "years.", "en", ["Amazon Web Services", "Amazon Web Services"]),
        # "By industry estimates": no one named
        ("By industry estimates, Bogotá offers less than 40 megawatts of colocation capacity.", "en",
         ["the article"]),
        # "it said" is the body that opens the sentence (not the country it owns a market of, not the company that
        # last spoke), and the one who interviews does not speak
        ("Equinix entered Peru in 2024. The five sites bring in nearly $55 million of revenue a year, Equinix said. "
         "The World Bank expects Peru's "
         "public cloud market to reach $1 billion this year, it said in an interview with Transport Minister Raúl "
         "Pérez-Reyes.", "en", ["Equinix", "World Bank"]),
    ],
)  # fmt: skip
def test_things_currencies_and_interviewers_are_no_speakers(text, lang, speakers):
    """*-490..505: "(CMBS)" after words in small letters, "NZ$", "and said", "By", "Peru's", "in an interview
    with"."""
    assert [c["speaker"] for c in extract(text, D, lang)["claims"]] == speakers


@pytest.mark.parametrize(
    "text, lang",
    [
        ("PLDT Inc. aims to lift its data-centre capacity to as much as 500 megawatts, chairman Manuel V. Pangilinan "
         "said on Wednesday. “We have to be at least equal to Malaysia,” Pangilinan told Marcos, adding that "
         "Secretary Henry Aguda wanted the expansion done within three years.", "en"),
        ("PLDT veut atteindre jusqu'à 500 MW, a annoncé mercredi son président, Manuel V. Pangilinan. « Le "
         "secrétaire Henry veut que ce soit fait en trois ans », a lancé M. Pangilinan.", "fr"),
    ],
)  # fmt: skip
def test_a_middle_initial_is_part_of_a_persons_name(text, lang):
    """ "chairman Manuel V. Pangilinan", then "Pangilinan": one person, by the full name (*-490..505)."""
    assert {c["speaker"] for c in extract(text, D, lang)["claims"]} == {"Manuel V. Pangilinan"}


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The investment in Odense comes to more than 10 billion kroner, about $1.6 billion, according to Invest in "
         "Denmark, the foreign ministry's investment agency.", "en"),
        ("L'investissement à Odense dépasse 10 milliards de couronnes, soit environ 1,6 milliard de dollars, selon "
         "Invest in Denmark, l'agence d'investissement du ministère.", "fr"),
    ],
)  # fmt: skip
def test_a_name_after_a_cue_goes_on_past_in_or_of(text, lang):
    """ "according to Invest in Denmark": the whole name, not "Invest" nor "Denmark" (*-490..505)."""
    assert [c["speaker"] for c in extract(text, D, lang)["claims"]] == ["Invest in Denmark"]


def test_das_geht_aus_einer_studie_hervor_reports_the_sentence_before():
    """ "Das geht aus einer ... Studie der Ratingagentur Moody's hervor": the figure before is Moody's (*-506..521)."""
    text = (
        "Der Ausbau von Rechenzentren wird in den kommenden fünf Jahren Investitionen von mindestens drei Billionen "
        "Dollar erfordern. Das geht aus einer am Montag veröffentlichten Studie der Ratingagentur Moody's hervor."
    )
    assert [c["speaker"] for c in extract(text, D, "de")["claims"] if c["unit"] == "USD"] == ["Moody's"]


def test_a_title_with_its_complement_before_a_name_names_a_person():
    """ "der Präsident der Region Aragonien, Jorge Azcón", then "sagte Azcón": Jorge Azcón (*-506..521)."""
    text = (
        "Das gab der Präsident der Region Aragonien, Jorge Azcón, am Freitag in Saragossa bekannt. Das Projekt "
        "könne bis zu 2,5 Milliarden Euro kosten, sagte Azcón."
    )
    assert [c["speaker"] for c in extract(text, D, "de")["claims"]] == ["Jorge Azcón"]


def test_the_broker_is_the_company_it_describes():
    """ "Aon has raised ... to $3.5 billion, the broker said": Aon (*-506..521)."""
    text = (
        "Aon has raised the capacity of its insurance programme for data centres to $3.5 billion, the broker said on "
        "Wednesday, as AI campuses outgrow what any single insurer will cover. Aon did not name the insurers."
    )
    assert [c["speaker"] for c in extract(text, D, "en")["claims"]] == ["Aon"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Jusqu'à 3,5 milliards de dollars : c'est la couverture que le courtier Aon peut désormais réunir pour un "
         "seul centre de données, a-t-il annoncé mercredi.", "Aon"),
        ("L'engagement est venu après que le directeur général d'AWS Matt Garman a rencontré le président. « Nous "
         "investirons 40 milliards de dollars additionnels », Garman a dit à un forum.", "Matt Garman"),
    ],
)  # fmt: skip
def test_french_speakers_of_the_thirty_ninth_batch(text, speaker):
    """*-506..521: "a-t-il annoncé" after "le courtier Aon" inside the sentence; "le directeur général d'AWS Matt
    Garman", then "Garman"."""
    assert [c["speaker"] for c in extract(text, D, "fr")["claims"] if c["unit"] == "USD"] == [speaker]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a cue whose source follows it keeps that source, after "and" too
        ("Microsoft opened its region on Tuesday and according to Reuters it will invest $5 billion.", "en",
         "Reuters"),
        # "ging ... aus ... hervor" (emerged from) reports nothing
        ("Die Firma ging 2020 aus einer Abspaltung von Siemens hervor und hat 500 Megawatt.", "de", "the article"),
        # a French adjective after the noun, whatever its ending
        ("Le fonds émirati MGX investira 5 milliards de dollars, a-t-il annoncé.", "fr", "MGX"),
        # a known name and a city are two things, not one name
        ("The deal is worth $5 billion, according to Reuters in London.", "en", "Reuters"),
        # the sentence's first word does not make an acronym a name's
        ("The commercial mortgage-backed securities (CMBS) market reached $5 billion, the company said.", "en",
         "the article"),
    ],
)  # fmt: skip
def test_the_reviews_cases_of_this_rounds_rules(text, lang, speaker):
    """A review of the rules learned from *-490..521: "and according to", "ging ... hervor" and the sentence's first
    word read wrong before their mends; MGX and "Reuters in London" guard mends that keep what was right."""
    assert [c["speaker"] for c in extract(text, D, lang)["claims"]] == [speaker]


def test_stellte_without_a_prospect_reports_nothing():
    """ "stellte ... vor" presents: no cue, the article's."""
    assert (
        extract("Der Konzern Acme stellte ein Werk mit 500 MW vor.", D, "de")["claims"][0]["speaker"] == "the article"
    )


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Frank Lee raised his estimate of the MI350's average selling price to $25,000 from $15,000.", "en"),
        ("Analysts estimate that a complete GB200 NVL72 rack sells for about $3 million.", "en"),
        ("Il a relevé son estimation du prix de vente moyen du MI350 à 25 000 dollars.", "fr"),
        ("HSBC hob die Schätzung für den Durchschnittspreis des MI350 auf 25.000 Dollar an.", "de"),
    ],
)
def test_the_price_of_one_chip_or_rack_is_no_claim(text, lang):
    """A unit price named before its figure (the corpus README: unit prices are not gold)."""
    assert extract(text, D, lang)["claims"] == []


def test_a_german_adjective_before_its_noun_is_no_name():
    """Machine-translated "Das Boise, Idaho-basierte Unternehmen sagte": no speaker "Idaho-basierte Unternehmen"."""
    text = "Das Boise, Idaho-basierte Unternehmen sagte, es erwarte mehr als 25 Milliarden Dollar an Ausgaben."
    assert "Idaho" not in extract(text, D, "de")["claims"][0]["speaker"]


def test_names_do_not_decide_a_sentence_language():
    """An English sentence full of German names is English: lingua alone reads it as German (1.0), so the capitalised
    words inside sentences are left out of what it is shown (and "4 billion" stays 4e9, not a German Billion)."""
    text = (
        "QTS plans to spend more than €4 billion on a campus in Lippetal, near Hamm, the Frankfurter Allgemeine "
        "Zeitung reported."
    )
    claims = extract(text, D, "auto")["claims"]
    assert [(c["quantity"], c["speaker"]) for c in claims] == [(4e9, "Frankfurter Allgemeine Zeitung")]


def test_a_unit_acronym_or_a_title_is_no_part_of_an_acronym_name():
    """'AMD Chief Executive Lisa Su' is Lisa Su, not 'AMD Chief'; 'des GPU Nebius' is Nebius."""
    text = "AMD Chief Executive Lisa Su said AMD would ship 100,000 chips."
    assert extract(text, D, "en")["claims"][0]["speaker"] == "Lisa Su"
    text = "Les GPU seront amortis sur 48 mois, a précisé le fournisseur des GPU Nebius."
    assert extract(text, D, "fr")["claims"][0]["speaker"] == "Nebius"


def test_an_english_decimal_before_a_scale_word_is_a_decimal():
    """'$5.275 billion' is 5.275e9 in English (one mark before three digits groups only without a scale word, and
    in French or German, where '5.275 Milliarden' would be a grouped number and '4,745 milliards' a decimal)."""
    assert one("GE Vernova buys the stake for $5.275 billion.", "en")["quantity"] == 5.275e9
    assert one("DeepSeek put the cost at $5.576 million.", "en")["quantity"] == 5.576e6
    assert one("The fund holds $1,500 million.", "en")["quantity"] == 1.5e9


def test_energy_a_company_age_and_since_are_no_claims_or_spans():
    """'30 gigawatt-hours' is energy, no power; 'in its 29 years in the country' is a company's age, no span."""
    assert extract("The battery will store 30 gigawatt-hours.", D, "en")["claims"] == []
    text = "It is the largest investment the company has made in its 29 years in the country, Microsoft said."
    assert [c["unit"] for c in extract(text, D, "en")["claims"]] == ["rank"]


def test_ages_times_since_a_record_and_energy_prices_are_no_claims():
    """'the town's more than 500-year history' (an age), 'the first ... in more than 40 years' and 'its largest
    investment in 36 years' (the time since a record) are no spans; '$100 a megawatt-hour' is a price of energy,
    not money for the build-out; the $3 billion in the same sentences stays."""
    text = "He called it the largest investment in the town's more than 500-year history."
    assert [c["unit"] for c in extract(text, D, "en")["claims"]] == ["rank"]
    text = "It is the first reactor cleared in more than 40 years."
    assert [c["unit"] for c in extract(text, D, "en")["claims"]] == []
    text = "Microsoft will invest $3 billion, calling it its largest investment in 36 years in the country."
    assert [(c["quantity"], c["unit"]) for c in extract(text, D, "en")["claims"]] == [(3e9, "USD"), (1, "rank")]
    text = "He expected the electricity to sell for roughly $100 a megawatt-hour, against $4 billion of cost."
    assert [c["quantity"] for c in extract(text, D, "en")["claims"]] == [4e9]


def test_share_prices_and_taiwan_dollars_are_no_claims():
    """An IPO's price per share and its range, "21 dollars pièce", and Taiwan dollars are no money for the build-out;
    the money raised and the US-dollar conversion are; a cost per kilowatt under $1,000 stays one."""
    text = "CoreWeave raised $1.5 billion, pricing its shares at $40 against a range of $47 to $55."
    assert [c["quantity"] for c in extract(text, D, "en")["claims"]] == [1.5e9]
    assert extract("Fermi a vendu 32,5 millions d'actions à 21 dollars pièce.", D, "fr")["claims"] == []
    text = "Le bénéfice a atteint 505,7 milliards de dollars taïwanais, soit environ 16 milliards de dollars."
    assert [c["quantity"] for c in extract(text, D, "fr")["claims"]] == [1.6e10]
    text = "Der Gewinn stieg auf 505,7 Milliarden Taiwan-Dollar, umgerechnet rund 16 Milliarden US-Dollar."
    assert [c["quantity"] for c in extract(text, D, "de")["claims"]] == [1.6e10]
    text = "The plant will cost $500 to $800 per kilowatt."
    assert [c["quantity"] for c in extract(text, D, "en")["claims"]] == [500, 800]


def test_quantities_and_deadlines_of_the_sixth_batch():
    """Verbs that compare, a rate's unit, a stake's value, 'under' a lease, parts inside a phrase, a range of years,
    a year adjacent to its announcement, today's figure, and a trailing attribution that does not date."""
    assert one("La capacité de nos centres de données dépassera 4 GW d'ici 2030.", "fr")["comparator"] == ">"
    assert one("A lab that could eventually grow to 300 megawatts.", "en")["comparator"] == ">="
    text = "Ein Megawatt Kapazität kostete im Schnitt rund 10,7 Millionen Dollar."
    assert [(c["quantity"], c["unit"]) for c in extract(text, D, "de")["claims"]] == [(1.07e7, "USD")]
    assert extract("Microsoft hält einen Anteil im Wert von etwa 135 Milliarden Dollar.", D, "de")["claims"] == []
    assert one("CoreWeave leases it under 15-year leases.", "en")["comparator"] == "="
    text = "OpenAI a lancé un cluster d'un gigawatt dont 200 MW doivent entrer en service en 2026."
    whole, part = extract(text, D, "fr")["claims"]
    assert (whole["deadline"], part["deadline"]["date"]) == (None, "2026-12-31")
    assert (
        one("Microsoft va investir 17,5 milliards de dollars de 2026 à 2029.", "fr")["deadline"]["date"] == "2029-12-31"
    )
    text = "AWS avait annoncé en 2023 des investissements de 12,7 milliards de dollars d'ici 2030."
    assert one(text, "fr")["deadline"]["date"] == "2030-12-31"
    text = "Die Kapazität soll sich von heute rund 103 Gigawatt bis 2030 auf etwa 200 Gigawatt verdoppeln."
    assert [c["deadline"] and c["deadline"]["date"] for c in extract(text, D, "de")["claims"]] == [None, "2030-12-31"]
    text = "Les commandes atteignaient 50 GW à la fin du premier trimestre, a indiqué son directeur, Scott Strazik."
    assert one(text, "fr")["deadline"]["date"] == "2025-03-31"  # D is 2025-01-23: the nearest first quarter


def test_precise_figures_are_exact_and_round_ones_about():
    """The ledger's convention: an unhedged round figure is a magnitude (``about``); $5.83 billion is exact."""
    assert one("SoftBank sold the stake for $5.83 billion.", "en")["comparator"] == "="
    assert one("SoftBank will invest $19 billion.", "en")["comparator"] == "about"


def test_a_month_without_its_year_is_the_next_such_month():
    c = one("Bis August sollen 200 MW installiert sein.", "de", dt.date(2025, 7, 29))
    assert c["deadline"]["date"] == "2025-08-31"
    assert one("Bis August sollen 200 MW installiert sein.", "de", None)["deadline"]["date"] is None


def test_pronoun_takes_the_last_named_speaker_and_a_denial_is_not_the_deniers():
    text = (
        "Elon Musk said the cluster was online. He said it would reach 200,000 GPUs. "
        "OpenAI denied it needs $1 trillion."
    )
    claims = extract(text, D, "en")["claims"]
    assert [(c["speaker"], c["negated"]) for c in claims] == [("Elon Musk", False), ("the article", True)]
    assert claims[0]["attribution"]["pronoun"] is True


def test_a_repeated_claim_appears_once_with_every_place():
    text = "OpenAI will spend $500 billion. Critics doubt the $500 billion."
    (c,) = extract(text, D, "en")["claims"]
    assert len(c["occurrences"]) == 2 and text[c["occurrences"][1][0] : c["occurrences"][1][1]] == "$500 billion"


def test_language_per_paragraph_in_a_mixed_article():
    text = (
        "Les Émirats pourraient importer jusqu'à 500 000 puces par an, selon Reuters.\n"
        '"We expect more than 100,000 chips a year," said Peng Xiao, the chief executive of G42.'
    )
    result = extract(text, D)
    assert [c["language"] for c in result["claims"]] == ["fr", "en"]
    assert result["article"]["languages"] == ["en", "fr"]


# --- the command --------------------------------------------------------------------------------------------------

ARTICLE = (CORPUS / "en-01-stargate-launch.yaml").read_text(encoding="utf-8")


def _article(tmp_path, name="a.txt", text=None) -> Path:
    path = tmp_path / name
    path.write_text(text if text is not None else yaml.safe_load(ARTICLE)["text"], encoding="utf-8")
    return path


def test_json_contract(tmp_path, capsys):
    assert main(["claims", "extract", str(_article(tmp_path)), "--date", "2025-01-22", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"language", "date", "chars"} <= set(out["article"])
    keys = {"quote", "start", "end", "speaker", "quantity", "unit", "comparator", "deadline", "subject", "kind",
            "confidence", "ledger_id"}  # fmt: skip
    assert all(keys <= set(c) for c in out["claims"])
    text = _article(tmp_path).read_text(encoding="utf-8")
    assert all(text[c["start"] : c["end"]] == c["quote"] for c in out["claims"])
    ids = {c["ledger_id"] for c in out["claims"]}
    assert {"stargate-500b-four-years", "stargate-100b-immediately"} <= ids


def test_yaml_round_trip_into_the_ledger(tmp_path, capsys):
    assert main(["claims", "extract", str(_article(tmp_path)), "--date", "2025-01-22", "--yaml"]) == 0
    entries = capsys.readouterr().out
    (tmp_path / "mine.yaml").write_text(entries, encoding="utf-8")
    tree = yaml.safe_load(entries)
    assert all(e["status"] == "extracted" for e in tree["claims"])
    assert any(e["kind"] == "outcome" and e["scenario"] == "stargate-2025-01" for e in tree["claims"])
    assert main(["claims", "--file", str(tmp_path / "mine.yaml"), "--trials", "0", "--json"]) == 0
    weighed = json.loads(capsys.readouterr().out)
    assert len(weighed["claims"]) == len(tree["claims"])


def test_html_visible_text_only(tmp_path, capsys):
    html = (
        "<html><head><title>x</title><style>p{}</style><link rel='canonical' href='https://example.org/a'></head>"
        "<body><script>var x = '$900 billion';</script><p>OpenAI will spend $500&nbsp;billion.</p></body></html>"
    )
    assert main(["claims", "extract", str(_article(tmp_path, "a.html", html)), "--json", "--lang", "en"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [c["quantity"] for c in out["claims"]] == [5e11]
    assert out["article"]["address"] == "https://example.org/a"


@pytest.mark.parametrize(
    "args, content, message",
    [(["--date", "2025-13-01"], None, "--date: '2025-13-01' is not a date"),
     (["--lang", "es"], None, "--lang: 'es'"), ([], "", "empty"), ([], "\x00\x01binary", "binary"),
     (["--yaml"], None, "--yaml needs --date"),
     ([], "La inversión de Stargate será de quinientos mil millones de dólares en cuatro años, dijo el presidente.",
      "reads as Spanish")],
)  # fmt: skip
def test_bad_input(tmp_path, capsys, args, content, message):
    path = _article(tmp_path, text=content)
    assert main(["claims", "extract", str(path), *args]) == 2
    assert message in capsys.readouterr().err


def test_missing_and_oversized_files(tmp_path, capsys):
    from gigawatt.limits import MAX_ARTICLE_BYTES

    assert main(["claims", "extract", str(tmp_path / "none.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    big = tmp_path / "big.txt"
    big.write_text("a" * (MAX_ARTICLE_BYTES + 1), encoding="utf-8")
    assert main(["claims", "extract", str(big)]) == 2
    assert "more than" in capsys.readouterr().err


def test_no_claims_is_an_empty_list(tmp_path, capsys):
    path = _article(tmp_path, text="The weather in Abilene was mild and the town council met on Tuesday evening.")
    assert main(["claims", "extract", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"] == []


def test_claims_without_extract_imports_none_of_its_libraries():
    """`gigawatt claims` has a speed target: the extractor's libraries load only for `claims extract`."""
    code = (
        "import sys, gigawatt.cli.claims, gigawatt.claims\n"
        "heavy = {'spacy', 'text_to_num', 'dateparser', 'lingua'} & {m.split('.')[0] for m in sys.modules}\n"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- the corpus ---------------------------------------------------------------------------------------------------

# the issue's targets, met on the articles the rules were tuned on (*-01 to *-809: every batch after *-04 was held out
# and scored once, then the rules learned from it; pinned at the targets, a change that loses ground there fails here)
TARGETS = {"recall": 0.85, "precision": 0.90, "speaker_accuracy": 0.85, "every_field": 0.60}

# The held-out batch (*-810..825: sixteen articles per language, `heldout: true`, 403 gold claims), written with its
# gold by four helpers who read neither the rules, nor their commits, nor docs/claims.md's list of hardest cases (and
# whose reports the lead read only after scoring), committed, then scored once, 2026-12-08, with the rules of commit
# 0fa048b unchanged (those rules had learned from *-794..809). Recall and precision meet the targets in every language
# (English 134 of 138 and 134 of 146, French 123 of 131 and 123 of 130, German 128 of 134 and 128 of 140); every field
# does in English and French (95 of 138, 84 of 131; German 74 of 134); speakers in none (104 of 134, 91 of 123, 81 of
# 128). The targets are not loosened; this pins the measured figures (as fractions, so the floor is exact) so that the
# held-out measure can only improve, and docs/claims.md reports the gap and every batch's first scoring. Re-pin only
# after new articles are written and scored once.
HELDOUT_BATCH = tuple(str(n) for n in range(810, 826))
HELDOUT_MEASURED = {
    "en": {"recall": 134 / 138, "precision": 134 / 146, "speaker_accuracy": 104 / 134, "every_field": 95 / 138},
    "fr": {"recall": 123 / 131, "precision": 123 / 130, "speaker_accuracy": 91 / 123, "every_field": 84 / 131},
    "de": {"recall": 128 / 134, "precision": 128 / 140, "speaker_accuracy": 81 / 128, "every_field": 74 / 134},
}


def test_corpus_meets_the_issue_targets_on_the_tuned_articles():
    corpus = read_corpus(CORPUS)
    assert {d["language"] for d in corpus} == {"en", "fr", "de"}
    assert all(sum(d["language"] == lang for d in corpus) >= 6 for lang in ("en", "fr", "de"))
    tallies = score(corpus, heldout=False)
    for lang in ("en", "fr", "de"):
        got = tallies[lang].as_json()
        for key, target in TARGETS.items():
            assert got[key] >= target, (lang, key, got, tallies[lang].misses)


def test_heldout_batch_keeps_its_first_scoring():
    """The honest measure: at least what the held-out batch scored the one time it was scored (below the targets
    where HELDOUT_MEASURED says so). 1e-12 absorbs the float rounding of equal fractions."""
    corpus = read_corpus(CORPUS)
    held = [d for d in corpus if d.get("heldout")]
    assert sorted(d["name"].split("-")[0] + "-" + d["name"].split("-")[1] for d in held) == sorted(
        f"{lang}-{n}" for lang in ("en", "fr", "de") for n in HELDOUT_BATCH
    )
    tallies = score(corpus, heldout=True)
    for lang, measured in HELDOUT_MEASURED.items():
        got = tallies[lang].as_json()
        for key, floor in measured.items():
            assert got[key] >= floor - 1e-12, (lang, key, got, tallies[lang].misses)


def test_scorer_counts_a_wrong_comparator_as_a_miss():
    """The scorer's own oracle: a gold claim whose comparator differs is not matched."""
    doc = {
        "name": "t",
        "gold": [{"quantity": 1e9, "unit": "USD", "comparator": "<=", "speaker": "x", "deadline": None}],
    }
    from gigawatt.claims.extract.score import Tally, score_article

    t = Tally()
    score_article(doc, [{"quantity": 1e9, "unit": "USD", "comparator": "about", "speaker": "x", "deadline": None}], t)
    assert t.as_json()["recall"] == 0 and t.as_json()["precision"] == 0


@pytest.mark.parametrize(
    "predicted, gold, same",
    [
        ("Vantage Data Centers", "Vantage", True),  # the article's short name
        ("Comfort Systems", "Comfort Systems USA", True),
        ("Public Utility Counsel", "Office of Public Utility Counsel", True),  # the end of the name
        ("Commerce Department", "Department of Commerce", True),  # the same words
        ("DSIT", "Department for Science, Innovation and Technology", True),  # the acronym of its capitalised words
        ("Science", "Department for Science, Innovation and Technology", False),  # a word inside, no name
        ("DeWines", "Mike DeWine", False),  # a genitive is another word
        ("Andy Power", "Digital Realty", False),
        ("the article", "Statnett", False),
        ("Statnett", "the article", False),
        ("the article", "the article", True),
        ("Energy", "Bloom Energy", True),  # the end of a name: the lenient measure's known blind spot
    ],
)
def test_same_entity_compares_name_forms(predicted, gold, same):
    assert same_entity(predicted, gold) is same


def test_scorer_counts_a_speaker_by_its_name_form_only_in_the_lenient_measure():
    """One claim, its speaker "Vantage Data Centers" for the gold's "Vantage": wrong for speaker_accuracy (exact
    names), right for speaker_same_entity; an unmatched claim counts in neither."""
    from gigawatt.claims.extract.score import Tally, score_article

    gold = {"quantity": 1e9, "unit": "USD", "comparator": "about", "speaker": "Vantage", "deadline": None}
    doc = {"name": "t", "gold": [gold, {**gold, "quantity": 5e9}]}
    t = Tally()
    score_article(doc, [{**gold, "speaker": "Vantage Data Centers"}], t)
    got = t.as_json()
    assert (got["recall"], got["speaker_accuracy"], got["speaker_same_entity"]) == (0.5, 0.0, 1.0)


def test_stdin_and_the_table(tmp_path):
    """`-` reads standard input; the table says when no publication date was given."""
    text = "Musk sagte, SoftBank habe weit unter 10 Milliarden Dollar."
    run = subprocess.run(
        [sys.executable, "-m", "gigawatt", "claims", "--trials", "0", "extract", "-"],
        input=text, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Elon Musk" in run.stdout and "well under $10B" in run.stdout and "no --date" in run.stdout


def test_the_tally_tool_scores_a_slice_as_the_benchmark_does():
    """tools/extract_tally.py LO HI: the figures of `score` over the articles numbered LO..HI, per language, and
    every miss line; a slice with no article is a clear error."""
    tool = Path(__file__).resolve().parent.parent / "tools" / "extract_tally.py"
    done = subprocess.run([sys.executable, str(tool), "7", "7", "--misses"], capture_output=True, text=True, check=True)
    docs = [d for d in read_corpus(CORPUS) if d["name"].split("-")[1] == "07"]
    t = score(docs)["all"]
    assert f"all recall={t.as_json()['recall']:.3f}" in done.stdout
    assert f"({t.matched}/{t.gold} {t.matched}/{t.predicted} {t.speaker}/{t.matched} {t.every}/{t.gold})" in done.stdout
    assert all(line in done.stdout for line in t.misses)
    empty = subprocess.run([sys.executable, str(tool), "9000", "9001"], capture_output=True, text=True)
    assert empty.returncode != 0 and "no article numbered 9000..9001" in empty.stderr


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a place before an organisation's word opens a name; in German, a firm's English name is one
        ("Texas Instruments sagte am Mittwoch, es würde investieren mehr als $60 Milliarden in sieben Chipfabriken.",
         "de", "Texas Instruments"),
        # the group the verb names after it: the company the sentence named before it, though the list lacks it
        ("Plus de 60 milliards de dollars : c'est la somme que Texas Instruments compte investir dans sept usines, a "
         "annoncé mercredi le groupe de Dallas.", "fr", "Texas Instruments"),
        # German words before a firm's English name are no part of it
        ("Ein Gebäude habe früher rund 30 Megawatt angefragt, hatten Manager von Dominion Energy im Mai erklärt.",
         "de", "Dominion Energy"),
        ("Das Projekt kostet 6,5 Mrd. Dollar, sagte ein Sprecher des Marktbeobachters Monitoring Analytics.", "de",
         "Monitoring Analytics"),
        # no legal suffix ("Corp."), and the first word where the article names the company by it
        ("Pembina Pipeline Corp. will build a $3.24 billion gas plant, the pipeline company said. Pembina declined "
         "to name the client.", "en", "Pembina"),
    ],
)  # fmt: skip
def test_speakers_of_the_fortieth_batch(text, lang, speaker):
    """*-522..537: "Texas Instruments" (a place before "Instruments") was left to the article in all three
    languages; "Marktbeobachters Monitoring Analytics" kept a German word ("von Dominion Energy" guards the rule
    that mends it); "Pembina Pipeline Corp." kept its legal suffix where the article then says "Pembina"."""
    assert {c["speaker"] for c in extract(text, D, lang)["claims"]} == {speaker}


def test_an_inverted_pronoun_with_no_subject_is_the_company_that_spoke():
    """ "..., l'enveloppe ira jusqu'à 40 milliards de dollars, précise-t-il": the company that last spoke, where no
    person has (*-522..537); a place after "au nord de" is no company."""
    text = (
        "Texas Instruments investira plus de 60 milliards de dollars, a annoncé mercredi le groupe. À Sherman, au "
        "nord de Dallas, où quatre usines doivent sortir de terre, l'enveloppe ira jusqu'à 40 milliards de dollars, "
        "précise-t-il."
    )
    assert [c["speaker"] for c in extract(text, D, "fr")["claims"]] == ["Texas Instruments"] * 2


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # the Department of Commerce by its names in the three languages
        ("The grant of up to $6.6 billion is final, the Commerce Department said.", "en", "Department of Commerce"),
        ("Jusqu'à 6,6 milliards de dollars de subventions, a annoncé le département américain du Commerce.", "fr",
         "Department of Commerce"),
        ("TSMC erhält Zuschüsse von bis zu 6,6 Milliarden Dollar. Das teilte das US-Handelsministerium mit.", "de",
         "Department of Commerce"),
        # an English preposition opens no name
        ("Under the new rules, large sites need a permit. Under a ten-year agreement signed in 2017, the company buys "
         "all the power of the wind farm, on which the utility said it would spend more than $200 million.", "en",
         "the article"),
        # a conjunction is no part of the name after it, and "showed interest" reports nothing
        ("When Microsoft first showed interest in the park, the Noordhollands Dagblad put the investment at $2 "
         "billion.", "en", "Noordhollands Dagblad"),
        # a country that owns the description is no speaker
        ("Australia's largest pension fund, AustralianSuper, will pay $1.6 billion for the stake, the fund said.", "en",
         "AustralianSuper"),
        # the owners named after the company do not stand between it and its verb
        ("AtlasEdge has secured $253 million of green financing, the European operator backed by Liberty Global and "
         "DigitalBridge said. AtlasEdge plans more.", "en", "AtlasEdge"),
    ],
)  # fmt: skip
def test_bodies_and_companies_of_the_fortieth_batch(text, lang, speaker):
    """*-522..537: the Commerce Department had no entry ("Commerce Department" for the gold's "Department of
    Commerce", the French and German names left to the article); "Under" and "When Microsoft" were names; "showed
    interest" was a cue; "Australia's largest pension fund" spoke for AustralianSuper; "backed by Liberty Global and
    DigitalBridge" kept AtlasEdge from its verb."""
    assert {c["speaker"] for c in extract(text, D, lang)["claims"]} == {speaker}


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a pronoun where no one has spoken yet: the person the article last named
        ("Le procureur général du Nebraska, Mike Hilgers, a abandonné mardi ses poursuites. Dans sa plainte, il "
         "affirmait qu'un maintien de la centrale ferait économiser près de 440 millions de dollars.", "Mike Hilgers"),
        # else the company that spoke, where the sentence before opened with it ("s'était alors engagé" a cue too)
        ("Texas Instruments investira 60 milliards de dollars, a annoncé le groupe. Le groupe avait obtenu une "
         "subvention en décembre. Il s'était alors engagé à investir plus de 18 milliards de dollars.",
         "Texas Instruments"),
        # not where it opened with a thing: "il" is the project
        ("Le projet doit attirer 8 milliards de livres, a indiqué l'opérateur écossais DataVita. Il prévoit "
         "500 mégawatts de capacité.", "the article"),
        # "il y a un an" after the verb is no pronoun subject (the company before the verb speaks)
        ("Le maire, Jamie Knowles, a salué l'accord. AWS avait promis il y a un an d'investir 10 milliards de "
         "dollars dans l'Ohio.", "Amazon Web Services"),
        # "Pour" and a person's name opening the sentence: that person's view
        ("Pour Sunil Tagare, fondateur du cabinet OpenCables, le projet représentera pour Meta un investissement "
         "d'une dizaine de milliards de dollars.", "Sunil Tagare"),
    ],
)  # fmt: skip
def test_french_referents_of_the_fortieth_batch(text, speaker):
    """*-522..537: "il affirmait" after a person named with no cue, and "Il s'était alors engagé" after the company
    spoke, were left to the article; "Pour Sunil Tagare, ..." named no one. DataVita's "Il prévoit" guards the
    company's fallback (the gold reads the project there)."""
    claims = extract(text, D, "fr")["claims"]
    assert {c["speaker"] for c in claims if c["unit"] != "months"} == {speaker}


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the "als" of "mehr als" is no verb-final clause's opening: the subject before the auxiliary speaks
        ("Der Branchenverband PortugalDC hatte im März mit Investitionen von mehr als zwölf Milliarden Euro "
         "gerechnet.", "PortugalDC"),
        ("Acwa Power selbst nennt eine Gesamtinvestition von mehr als 4 Mrd. Dollar.", "Acwa Power"),
        # "nach Angaben seines Vertriebschefs X", "nach Angaben eines Sprechers von X": X
        ("Der Betreiber DC Blox investiert nach Angaben seines Vertriebschefs Chris Gatch mehr als 100 Mio. Dollar.",
         "Chris Gatch"),
        ("Bislang kostete der Anschluss nach Angaben eines Sprechers von Dominion Energy bis zu 50 Mio. Dollar.",
         "Dominion Energy"),
        # a German noun phrase after the verb is its object; the person and apposition before it speak
        ("Der Branchenberater Sunil Tagare, Gründer der kalifornischen Firma OpenCables, schätzt Metas "
         "Gesamtinvestition auf rund 10 Mrd. Dollar.", "Sunil Tagare"),
    ],
)  # fmt: skip
def test_german_speakers_of_the_fortieth_batch(text, speaker):
    """*-522..537: "mehr als" read as a verb-final "als" hid PortugalDC; "nennt", "nach Angaben seines|eines" were
    no cues; "schätzt Metas Gesamtinvestition" made the object a speaker."""
    claims = extract(text, D, "de")["claims"]
    assert {c["speaker"] for c in claims if c["unit"] != "months"} == {speaker}


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # "the newspaper", "das Blatt": the last paper named, a name a paper's word ends though the list lacks it
        ("Meta hired Sify under a contract worth about $5 million, the Economic Times reported on Saturday. Meta "
         "unveiled the cable in February. Sify is also landing a $400 million system, the newspaper said.", "en",
         "Economic Times"),
        ("Meta gab Sify einen Auftrag, berichtete die Economic Times am Samstag. Er sei rund 5 Mio. Dollar wert, "
         "schrieb das Blatt.", "de", "Economic Times"),
        # a passive "was promised" reports no one
        ("Intel, which was promised up to $8.5 billion in March, is still negotiating its final award.", "en",
         "the article"),
    ],
)  # fmt: skip
def test_papers_and_passives_of_the_fortieth_batch(text, lang, speaker):
    """*-522..537: "the newspaper said" after "the Economic Times reported" (a paper the list lacks) was left to the
    article; "Intel, which was promised up to $8.5 billion" made Intel the speaker."""
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The pledge follows others: Micron last week unveiled plans to lift its US investment to about $200 "
         "billion, and GlobalFoundries said it would spend $16 billion on its plants.", "en"),
        ("Die Zusage folgt anderen: Micron enthüllte Pläne, seine Investition auf rund 200 Mrd. Dollar zu heben, und "
         "GlobalFoundries sagte, es würde 16 Mrd. Dollar ausgeben.", "de"),
    ],
)  # fmt: skip
def test_a_second_clause_with_its_own_subject_reports_itself_only(text, lang):
    """ ", and GlobalFoundries said it would spend $16 billion": GlobalFoundries's figure; Micron's $200 billion
    before it, with no cue of its own, is the article's (*-522..537)."""
    claims = extract(text, D, lang)["claims"]
    assert [(c["quantity"], c["speaker"]) for c in claims] == [(2e11, "the article"), (1.6e10, "GlobalFoundries")]


def test_a_billion_after_a_span_is_no_span_of_months():
    """ "une dizaine de milliards de dollars sur dix ans, dont 2 milliards pour le câble": 2 milliards of dollars,
    not of months (the figure before it that is no span lends its unit; *-522..537)."""
    text = (
        "Le projet représentera pour Meta un investissement d'une dizaine de milliards de dollars sur dix ans, dont "
        "2 milliards pour le câble."
    )
    claims = extract(text, D, "fr")["claims"]
    assert sorted((c["quantity"], c["unit"]) for c in claims) == [(120, "months"), (2e9, "USD"), (1e10, "USD")]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a surname ending in -ung is no German noun
        ("Der Bedarf steige bis 2030 auf 30 Gigawatt, sagte Carsten Jung, Analyst bei Bernstein.", "de",
         "Carsten Jung"),
        # the company that opened the sentence before a pronoun, over a person named earlier
        ("Le président Joe Biden avait signé la loi en 2022. Texas Instruments a obtenu une subvention en décembre. "
         "Il s'était alors engagé à investir plus de 18 milliards de dollars.", "fr", "Texas Instruments"),
        # an owner's phrase ends at "and": the next clause's subject speaks
        ("The site is owned by a local utility and Microsoft said it would lease 100 megawatts there.", "en",
         "Microsoft"),
        # "Pour" and a place opens no view
        ("Pour New York, le projet représente 2 milliards de dollars de recettes fiscales.", "fr", "the article"),
        # "à" inside a sentence is no place's
        ("Nscale a ouvert un site en Norvège. Le contrat confié à Nscale atteindra 2 milliards de dollars, a-t-elle "
         "précisé.", "fr", "Nscale"),
        # the pronoun a few words before the verb
        ("Le procureur général du Nebraska, Mike Hilgers, a abandonné ses poursuites. En mai il affirmait qu'un "
         "maintien ferait économiser 440 millions de dollars.", "fr", "Mike Hilgers"),
        # a German title compound before a name is no part of it
        ("Generalstaatsanwalt Mike Hilgers zog am Dienstag seine Klage zurück. Er hatte gesagt, die Stilllegung "
         "koste 440 Mio. Dollar.", "de", "Mike Hilgers"),
        # studies show what they find
        ("Studies by PJM showed peak demand of 150 gigawatts last summer.", "en", "PJM"),
        # an article opens no paper's name
        ("The Economic Times reported on Saturday that Meta hired Sify. Sify is also landing a $400 million system, "
         "the newspaper said.", "en", "Economic Times"),
        # "nach Angaben seiner Sprecherin": the company
        ("DC Blox investiert nach Angaben seiner Sprecherin mehr als 100 Mio. Dollar.", "de", "DC Blox"),
        # a sentence goes on past an abbreviation's full stop
        ("Selon Andrew Marsh, patron de la maison mère Entergy Corp., le contrat rapportera environ 1,1 milliard de "
         "dollars aux clients.", "fr", "Andrew Marsh"),
    ],
)  # fmt: skip
def test_the_reviews_cases_of_the_fortieth_rounds_rules(text, lang, speaker):
    """A review of the rules learned from *-522..537 found each of these read wrong (surnames in -ung as nouns, a
    person over the company before the pronoun, "owned by ... and Microsoft said", "Pour New York", "confié à
    Nscale", "En mai il", "Generalstaatsanwalt Mike Hilgers", "Studies ... showed", "The Economic Times", "nach
    Angaben seiner Sprecherin"); the last is a sentence the sentencizer cut at "Corp."."""
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a company the list lacks, named after "à" by its organisation's word, for "le fabricant américain"
        ("Jusqu'à 5,5 milliards de dollars : c'est ce que pourrait coûter à Marvell Technology le rachat de Celestial "
         "AI, a annoncé mardi le fabricant américain de semi-conducteurs.", "Marvell Technology"),
        # "avait évalué ... à" reports; "a relevé ... à 85 milliards" raises
        ("En octobre, Applied Digital avait évalué ce bail à environ 5 milliards de dollars.", "Applied Digital"),
        ("Alphabet a relevé en juillet à environ 85 milliards de dollars ses investissements prévus.", "the article"),
        # a region in brackets after its town is no speaker
        ("103 milliards de dollars d'ici à 2030 : c'est ce que Duke Energy prévoit d'investir, a annoncé mardi le "
         "groupe de Charlotte (Caroline du Nord).", "Duke Energy"),
        # an acronym given in brackets after a name stands for it
        ("L'opérateur České Radiokomunikace (CRA) a lancé la construction. Le centre aura 26 MW, a précisé CRA.",
         "České Radiokomunikace"),
        # "a appelé ... « la plus grande »": the commissioner's
        ("Le commissaire Tim Echols a appelé l'expansion « la plus grande dans l'histoire de Georgia Power ».",
         "Tim Echols"),
    ],
)  # fmt: skip
def test_french_speakers_of_the_forty_first_batch(text, speaker):
    """*-538..553: Marvell's figures, Applied Digital's "avait évalué", Duke Energy's "groupe de Charlotte (Caroline du
    Nord)", CRA and Tim Echols's "a appelé" were read wrong; "a relevé ... à" (raised) was a cue."""
    assert extract(text, D, "fr")["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a name that opens in small letters is a company's, in the three languages
        ("iXAfrica Data Centre has secured financing from Rand Merchant Bank to reach 22.5 MW, the company said. "
         "iXAfrica opened its first phase in February.", "en", "iXAfrica"),
        ("L'opérateur kényan iXAfrica va porter son campus à 22,5 MW grâce à un financement de la banque "
         "sud-africaine Rand Merchant Bank, a-t-il annoncé. iXAfrica a ouvert son site en février.", "fr", "iXAfrica"),
        ("iXAfrica Data Centre hat eine Finanzierung gesichert, um 22,5 MW zu erreichen, sagte das Unternehmen. "
         "iXAfrica eröffnete im Februar.", "de", "iXAfrica"),
        # a product line named after what it is is no company
        ("Le programme xScale, lancé en 2019, représente déjà plus de 725 mégawatts, a précisé Equinix. Des campus "
         "xScale suivront.", "fr", "Equinix"),
    ],
)  # fmt: skip
def test_speakers_of_the_forty_second_batch(text, lang, speaker):
    """*-554..569: "iXAfrica" (a name in small letters first) was read as "Data Centre", or lost to the bank named
    after it, in all three languages."""
    assert {c["speaker"] for c in extract(text, D, lang)["claims"]} == {speaker}


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a minister's portfolio is no part of the name that follows it
        ("Le ministre de l'Énergie Yerlan Akkenzhenov a dit en décembre que le pays construirait 26,4 gigawatts de "
         "capacité.", "Yerlan Akkenzhenov"),
        ("« C'est la plus importante infrastructure numérique du pays », le ministre des Transports et des "
         "Télécommunications Juan Carlos Muñoz a dit aux journalistes.", "Juan Carlos Muñoz"),
        # "a-t-elle annoncé" for a company named after a feminine noun ("la jeune pousse", "la start-up")
        ("676 millions de dollars : c'est le montant qu'a levé la jeune pousse californienne SambaNova Systems, qui "
         "conçoit des puces, a-t-elle annoncé mardi.", "SambaNova Systems"),
        # a company named after its noun, its complement and an adjective, then "selon le communiqué du groupe"
        ("Cinquante milliards d'euros : c'est ce que le groupe d'investissement américain Pantheon Atlas prévoit de "
         "consacrer à un campus, a annoncé mardi la société. Selon le Wall Street Journal, la première phase "
         "représente 13,5 milliards de dollars. Quatre lignes permettront d'accueillir jusqu'à 5,2 GW, selon le "
         "communiqué du groupe.", "Pantheon Atlas"),
    ],
)  # fmt: skip
def test_french_speakers_of_the_forty_second_batch(text, speaker):
    """*-554..569: a minister's portfolio was kept in his name ("Énergie Yerlan Akkenzhenov"); "a-t-elle annoncé" left
    SambaNova's and Groq's rounds to the article; "le groupe d'investissement américain Pantheon Atlas" was read as a
    person, so "du groupe" found no company."""
    assert extract(text, D, "fr")["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, speaker",
    [
        # "a mis le coût ... à", a calque of "put the cost at", reports
        ("Patricio Rey, le directeur général de Desarrollo País, a mis le coût du projet à jusqu'à $550 millions.",
         "Patricio Rey"),
        # a body set off after "selon le régulateur," with its article, where the clause ends on it
        ("Le réseau n'en fournit qu'environ 5 000 MW, selon le régulateur, la Nigerian Electricity Regulatory "
         "Commission (NERC).", "Nigerian Electricity Regulatory Commission"),
        # not the subject of the next clause
        ("Selon le régulateur, la Banque Mondiale a prêté 500 millions de dollars.", "the article"),
    ],
)  # fmt: skip
def test_french_cues_of_the_forty_second_batch(text, speaker):
    """*-554..569: the translated "a mis le coût du projet à" and "selon le régulateur, la Nigerian Electricity
    Regulatory Commission" left their figures to the article."""
    assert extract(text, D, "fr")["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a company opening the sentence, or the clause after a colon, before how it was founded, set off
        ("Investors are piling into challengers to Nvidia. Groq, founded by former Google engineers, announced a "
         "$300 million round of its own this week.", "en", "Groq"),
        ("Les concurrents de Nvidia attirent les capitaux : Groq, fondé par d'anciens ingénieurs de Google, a de son "
         "côté annoncé une levée de 300 millions de dollars.", "fr", "Groq"),
        # the subject of a relative clause, not the listener after "told"
        ("The government allowed Ashtrom to plan a gas plant that Ashtrom told the Tel Aviv Stock Exchange would "
         "cost $1 billion.", "en", "Ashtrom"),
    ],
)  # fmt: skip
def test_set_off_and_relative_subjects_of_the_forty_second_batch(text, lang, speaker):
    """*-554..569: Groq's round (a name set off before how it was founded) was left to the article; the exchange
    Ashtrom told was taken for the speaker."""
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the subject opening the sentence is the subject of its second verb, after "und"
        ("Die Forschungsfirma Mordor Intelligence setzt den kenianischen Markt bei 15 MW dieses Jahr an und "
         "erwartet 25 MW bis 2030.", "Mordor Intelligence"),
        # "Nach eigenen Angaben" opening a sentence that names no one: the company the article last spoke of
        ("Der Chipentwickler Groq hat 640 Millionen Dollar eingesammelt, teilte das Unternehmen mit. Nach eigenen "
         "Angaben wäre das der größte Einsatz von Inferenz-Rechenleistung.", "Groq"),
        # not inside the sentence, after another clause
        ("Groq hat 640 Millionen Dollar eingesammelt, teilte das Unternehmen mit. Die Anlage steht in Texas; nach "
         "eigenen Angaben hat sie 20 Megawatt.", "the article"),
    ],
)  # fmt: skip
def test_german_speakers_of_the_forty_second_batch(text, speaker):
    """*-554..569: Mordor Intelligence's figures after "und erwartet" and Groq's "Nach eigenen Angaben wäre das der
    größte Einsatz" were left to the article."""
    assert extract(text, D, "de")["claims"][-1]["speaker"] == speaker  # the last figure's


def test_a_body_for_an_acronym_and_then_the_office():
    """*-554..569: "the government's Office for IT and eGovernment said" (an acronym, then a name in small letters
    first, in a body's name), then "The office says" (the body named last), were left to the article."""
    text = (
        "Serbia switched on its second AI supercomputer, lifting the site's power to 14 megawatts, the government's "
        "Office for IT and eGovernment said.\nThe office says it wants about 200 MW of data-centre capacity by 2030."
    )
    assert [c["speaker"] for c in extract(text, D, "en")["claims"]] == ["Office for IT and eGovernment"] * 2


@pytest.mark.parametrize(
    "text, lang, ranks",
    [
        ("Alps ranked sixth in the world in the TOP500 list. BioHive-2 ranked 69th on the Top500 list.", "en", [6, 69]),
        ("Europe's Jupiter, fourth on the list, is in Jülich. PowerHouse calls itself the fifth-largest developer.",
         "en", [4, 5]),
        ("The index put Osaka in fourth place.", "en", [4]),
        ("Alps s'est classée au sixième rang du TOP500. Fugaku n'occupe plus que la septième place du classement. "
         "Jupiter, quatrième du classement, est à Jülich.", "fr", [6, 7, 4]),
        ("Er belegt auf der Top500-Liste nur noch Platz sieben. Die Firma ist der drittgrößte Betreiber in Johor.",
         "de", [7, 3]),
        # an ordinal that ranks nothing
        ("It was the fourth quarter in a row that sales rose. Die vierte Ausbaustufe folgt.", "en", []),
    ],
)  # fmt: skip
def test_places_after_the_first_are_ranks(text, lang, ranks):
    """*-570..585: the TOP500's sixth, fourth and seventh places and a 69th were missed in every language (the rules
    read a superlative as a first place and a second place only); 36 gold ranks after the first in *-01..569 too."""
    assert [c["quantity"] for c in extract(text, D, lang)["claims"] if c["unit"] == "rank"] == ranks


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a German noun after a company's name is no part of it; a German lead word before it neither
        ("Im benachbarten Nevada liegen dem Versorger NV Energy Anfragen über mehr als 21.000 Megawatt vor, wie das "
         "Unternehmen im September berichtete.", "NV Energy"),
        ("Beim Netzbetreiber Ercot Anschlüsse für mehr als 200.000 Megawatt beantragt, teilte das Unternehmen mit.",
         "Ercot"),
        ("Auch Amazon Web Services profitiert: Der Cloud-Anbieter will nach eigenen Angaben bis Ende 2029 weitere 10 "
         "Milliarden Dollar in Ohio investieren.", "Amazon Web Services"),
        # not an English word of the name, nor a place
        ("Die Forschungsfirma Mordor Intelligence schätzt den Markt auf 140 MW.", "Mordor Intelligence"),
    ],
)  # fmt: skip
def test_german_words_around_a_companys_name(text, speaker):
    """*-01..569: "NV Energy Anfragen", "Terna Anschlussanfragen", "Hydro-Québec Anschlussanträge", "Ercot Anschlüsse"
    and "Auch Amazon Web Services" were read as names."""
    assert extract(text, D, "de")["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a company named after its nationality in small letters, then by what it is
        ("L'allemand Infineon va porter à environ 2,7 milliards d'euros ses investissements, a annoncé mercredi le "
         "fabricant munichois de semi-conducteurs.", "Infineon"),
        ("Le taïwanais Wistron consacrera 761 millions de dollars à deux usines de Fort Worth, au Texas, a confirmé "
         "jeudi le sous-traitant électronique.", "Wistron"),
        # a person's nationality is capitalised: no company
        ("L'Américain Sam Altman a levé 500 millions de dollars, a annoncé le groupe.", "the article"),
    ],
)  # fmt: skip
def test_french_companies_named_by_their_nationality(text, speaker):
    """*-01..569: "L'allemand Infineon", "Le taïwanais Wistron" and eight other companies introduced by their
    nationality were no companies, so "le fabricant munichois" and "le sous-traitant" found none."""
    assert extract(text, D, "fr")["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the pluperfect and the imperfect inverted report, "il" the person who last spoke
        ("Le ministre Mehmet Kacır a dit que le pays investirait. Le pays vise 1 gigawatt à l'horizon 2030, "
         "avait-il indiqué au printemps.", "Mehmet Kacır"),
        ("Le directeur Svante Horn a dit que le site ouvrirait. Il pourrait fournir jusqu'à 23 MW de chaleur, "
         "expliquait-il en avril.", "Svante Horn"),
    ],
)  # fmt: skip
def test_french_inverted_cues_in_other_tenses(text, speaker):
    """*-01..569: "avait-il indiqué" and "expliquait-il" (no "-t-" between the verb and its pronoun) reported
    nothing."""
    assert extract(text, D, "fr")["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a company named after what it is, opening the sentence without an article
        ("Israeli developer Mega Or and the cloud company Nebius have opened a data centre that draws 8 megawatts, "
         "the two companies said on Wednesday.", "Mega Or"),
        ("Research firm Gartner forecast in November that IT spending in Europe would rise to $1.4 trillion.",
         "Gartner"),
        ("The property consultancy JLL forecasts that capacity will double to some 200 gigawatts by 2030.", "JLL"),
        # not a name that ends like a German noun ("SoftBank" is no "-bank")
        ("SoftBank Group said on Tuesday it had sold its Nvidia stake for $5.83 billion.", "SoftBank"),
    ],
)  # fmt: skip
def test_english_companies_named_by_what_they_are_without_an_article(text, speaker):
    """*-554..569 and *-01..569: "Israeli developer Mega Or" (Nebius took its figures), "Research firm Gartner" and
    "The property consultancy JLL" were no companies."""
    assert extract(text, D, "en")["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # units and products in small letters first are no companies
        ("Der Solarkonzern Enpal hat Anlagen mit 500 kWp gebaut. Eine zweite Anlage mit 300 kWp und ein Speicher mit "
         "20 MW folgen, sagte das Unternehmen.", "de", [(20, "MW", "Enpal")]),
        ("Microsoft's new servers offer 96 vCPUs each. A cluster of 10,000 vCPUs will draw 20 MW, the company said.",
         "en", [(20, "MW", "Microsoft")]),
        # "-elle" is not a company named after "à", nor over a woman named before
        ("Un milliard d'euros : c'est ce que la ministre Clara Chappaz a promis à la start-up Mistral AI, a-t-elle "
         "annoncé mardi.", "fr", [(1e9, "EUR", "Clara Chappaz")]),
        ("La ministre Clara Chappaz était à Paris. Un milliard d'euros : c'est la somme promise à la jeune pousse "
         "Mistral AI, a-t-elle précisé.", "fr", [(1e9, "EUR", "Clara Chappaz")]),
        # a description followed by its name names that one
        ("Apple construit une usine, a annoncé Apple. L'usine consommera 30 MW, a précisé le sous-traitant taïwanais "
         "Foxconn.", "fr", [(30, "MW", "the article")]),
        ("Le ministère de l'Énergie prévoit 5 GW, a indiqué le ministère. La demande atteindra 10 GW en 2030, selon le "
         "bureau d'études Enerdata.", "fr", [(5000, "MW", "Department of Energy"), (10000, "MW", "Enerdata")]),
        # a director's body keeps its first word; a clause's subject after "selon le ministre," is no source
        ("Le réseau n'en fournit qu'environ 5 000 MW, a déclaré le directeur de la Nigerian Electricity Regulatory "
         "Commission.", "fr", [(5000, "MW", "Nigerian Electricity Regulatory Commission")]),
        ("Selon le ministre, la France, avec ses centrales nucléaires, pourra fournir 5 GW aux centres de données.",
         "fr", [(5000, "MW", "the article")]),
        # a town after a German company's name stays
        ("Der Versorger Stadtwerke Düsseldorf will bis 2030 einen Speicher mit 50 MW bauen, teilte das Unternehmen "
         "mit.", "de", [(50, "MW", "Stadtwerke Düsseldorf")]),
        # "Nach eigenen Angaben" before another subject; a name inside "After the ..." shares no verb
        ("Der Chipentwickler Groq hat 640 Millionen Dollar eingesammelt, teilte das Unternehmen mit. Nach eigenen "
         "Angaben betreibt die Stadt Frankfurt 20 Rechenzentren mit 500 MW.", "de",
         [(640e6, "USD", "Groq"), (500, "MW", "the article")]),
        ("After the Nvidia deal the government bought 20,000 GPUs and expects to reach 2 GW by 2030.", "en",
         [(20000, "count", "the article"), (2000, "MW", "the article")]),
        # "y a mis le prix" (paid) reports nothing
        ("Pour sécuriser 500 MW, Microsoft y a mis le prix en déboursant 10 milliards de dollars.", "fr",
         [(500, "MW", "the article"), (10e9, "USD", "the article")]),
        # no rank: a hyphenated ordinal, a fraction, a time unit, an address
        ("The racks came second-hand from a 20 MW site.", "en", [(20, "MW", "the article")]),
        ("L'électricité y est un cinquième plus chère qu'en France, pour 20 MW.", "fr", [(20, "MW", "the article")]),
        ("La transaction est une seconde plus rapide qu'avant, pour 20 MW.", "fr", [(20, "MW", "the article")]),
        ("Der Konzern hat seinen Sitz am Potsdamer Platz 1 in Berlin und plant 200 MW.", "de",
         [(200, "MW", "the article")]),
    ],
)  # fmt: skip
def test_the_reviews_cases_of_the_forty_second_rounds_rules(text, lang, expected):
    """A review of the rules learned from *-554..569 (a8bbdc5..2ef08ec) found each of these read wrong."""
    got = [(c["quantity"], c["unit"], c["speaker"]) for c in extract(text, D, lang)["claims"]]
    assert got == [(pytest.approx(q), u, s) for q, u, s in expected]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # the first of two names joined before the verb, where the list lacks the first
        ("Toyota and NTT said in 2024 they would invest $3.3 billion by 2030 in a mobility AI platform.", "en",
         "Toyota"),
        ("Toyota et NTT ont promis en 2024 d'investir 3 milliards de dollars d'ici à 2030 dans une plateforme d'IA.",
         "fr", "Toyota"),
        ("Toyota und NTT sagten in 2024, sie würden 3,3 Milliarden Dollar bis 2030 in eine KI-Plattform stecken.",
         "de", "Toyota"),
        # not two German nouns ("Bund und Länder")
        ("Bund und Länder sagten, sie würden 3 Milliarden Euro in Rechenzentren investieren.", "de", "the article"),
        # the subject that presented or billed a thing as the largest
        ("When it announced its part in the project in 2021, Nvidia billed Alps as the world's most powerful AI "
         "supercomputer.", "en", "Nvidia"),
        ("Nvidia avait présenté Alps en 2021 comme le superordinateur d'IA le plus puissant du monde.", "fr", "Nvidia"),
        ("Microsoft avait présenté ce projet, en octobre 2020, comme le plus important de son histoire en Grèce.", "fr",
         "Microsoft"),
        ("Nvidia hatte «Alps» 2021 als den leistungsstärksten KI-Supercomputer der Welt angekündigt.", "de", "Nvidia"),
        # not an event's figure ("a présenté un projet de 2 milliards"), nor "when he presented the plan"
        ("Un autre consortium, qui réunit G42 et FPT, avait présenté l'an dernier un projet de centre de 2 milliards "
         "de dollars.", "fr", "the article"),
        # "the centre said": the body named a centre before
        ("The Swiss National Supercomputing Centre (CSCS) runs Alps in Lugano. Alps cost about $118 million to build, "
         "the centre said.", "en", "Swiss National Supercomputing Centre"),
        ("Microsoft runs a data centre in Lugano. It cost about $118 million to build, the centre said.", "en",
         "the article"),
        # a post "geschrieben" reports
        ("Musk hatte im Juni 2024 auf X geschrieben, Cortex brauche in diesem Jahr rund 130 Megawatt.", "de",
         "Elon Musk"),
    ],
)  # fmt: skip
def test_speakers_of_the_forty_third_batch(text, lang, speaker):
    """*-570..585: "Toyota and NTT said" went to NTT (the list lacks Toyota), in all three languages; Nvidia's and
    Microsoft's "billed ... as", "avait présenté ... comme" and "hatte ... als den leistungsstärksten ... angekündigt"
    were the article's (the German "als den" read as a conjunction, the "er" ending "Rechner" as a pronoun); "the
    centre said" and Musk's "auf X geschrieben" found no speaker."""
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, speaker",
    [
        # an outlet's title runs to the clause its report opens, words in small letters included
        ("Le CSCS n'a pas souhaité commenter une information du Corriere del Ticino selon laquelle il aurait demandé "
         "au canton 10 MW de puissance supplémentaire.", "Corriere del Ticino"),
        ("CPI n'a pas souhaité commenter des informations du quotidien Hospodářské noviny selon lesquelles le groupe "
         "aurait proposé 81 millions d'euros pour le terrain.", "Hospodářské noviny"),
        ("Météo-France n'a pas souhaité commenter des informations de La Dépêche du Midi selon lesquelles "
         "l'enveloppe pourrait atteindre 250 millions d'euros.", "La Dépêche du Midi"),
        # not a weekday or a participle after the title
        ("Meta n'a pas commenté des informations du Financial Times publiées mardi selon lesquelles il aurait payé "
         "250 millions d'euros.", "Financial Times"),
    ],
)  # fmt: skip
def test_french_outlets_of_the_forty_third_batch(text, speaker):
    """*-570..585: "Corriere del Ticino", "Hospodářské noviny" and "La Dépêche du Midi" lost the words after their
    first."""
    assert extract(text, D, "fr")["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # "the agency" with no agency named is no name: not "of" ("the power of the current pair, ...") nor
        # "Belenos" (the "a" of "and" read as an article); the last figure is the Senate's, named after its
        # country's possessive (as en-584's gold has it)
        ("The new system should deliver six times the computing power of the current pair, Belenos and Taranis, by "
         "2029, the agency said. Bidders have until Nov. 20. France's Senate puts the full cost at 415 million euros "
         "in a budget report, and expects the agency's capital spending to rise to about 30 million euros.", "en",
         "Senate"),
        # an office just before the verb stands for the person last named, whatever the word before it
        ("Meta will buy 150 megawatts of geothermal power, Governor Michelle Lujan Grisham announced on Thursday. The "
         "plant will bring about $1 billion of investment to the state, the governor told a news conference.", "en",
         "Michelle Lujan Grisham"),
        ("Meta achètera 150 mégawatts, a annoncé jeudi la gouverneure Michelle Lujan Grisham. La centrale apportera "
         "environ 1 milliard de dollars à l'État, a déclaré la gouverneure.", "fr", "Michelle Lujan Grisham"),
    ],
)  # fmt: skip
def test_bodies_and_offices_of_the_forty_third_batch(text, lang, speaker):
    """*-570..585: the Senate's figures went to "of"; making the pronoun test read whole words (the "er" of
    "Rechner") would have lost "the governor told", which had passed only by the "he" of "the"."""
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, lang",
    [
        # the time since another event, after "comes" or "came"
        ("The ceremony came 18 years after Google bought some 70 hectares of farmland there, in 2008.", "en"),
        ("The round comes six months after Nvidia agreed to pay for a licence to Groq's designs.", "en"),
        # a valuation: money added to a market value, "valuing it at", "Die Bewertung steigt auf"
        ("Morgan Stanley analysts had said in 2023 that Dojo could add as much as $500 billion to Tesla's market "
         "value.", "en"),
        ("Morgan Stanley estimait que le superordinateur pourrait ajouter jusqu'à 500 milliards de dollars à la valeur "
         "boursière du groupe.", "fr"),
        ("Analysten von Morgan Stanley hatten 2023 geschätzt, Dojo könne den Börsenwert um bis zu 500 Mrd. Dollar "
         "steigern.", "de"),
        ("The round closed on Wednesday, valuing Lightmatter at $4.4 billion.", "en"),
        ("Die Bewertung steigt damit auf 4,4 Mrd. Dollar.", "de"),
    ],
)  # fmt: skip
def test_no_claims_of_the_forty_third_batch(text, lang):
    """*-570..585: a time since another event ("came 18 years after") and valuations ("to Tesla's market value",
    "valuing it at", "Die Bewertung steigt damit auf") were claims."""
    assert extract(text, D, lang)["claims"] == []


def test_a_process_that_came_some_time_after_is_still_a_span():
    """Not every span before "after" is a time since: "came on Wednesday, about 18 months after S3NS applied" (the
    length of the review, gold in en-401) stays."""
    claims = extract("The qualification came on Wednesday, about 18 months after S3NS applied.", D, "en")["claims"]
    assert [(c["quantity"], c["unit"]) for c in claims] == [(18, "months")]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a participle opening the sentence is no part of the name after it, and a name inside a relative clause after
        # the inverted speaker is not the speaker
        ("Baptisée LillyPod, la machine a été assemblée en quatre mois, a précisé Nvidia, qui en a fourni les puces "
         "Blackwell Ultra.", "Nvidia"),
        # still the person set off after a company's office
        ("Le projet coûtera 5 milliards de dollars, a déclaré le patron de SoftBank, Masayoshi Son.", "Masayoshi Son"),
        # "avait aussi chiffré", "s'était par ailleurs engagé" report
        ("Elon Musk a parlé jeudi. Il avait aussi chiffré à environ 10 milliards de dollars les dépenses d'IA.",
         "Elon Musk"),
        ("Le saoudien DataVolt s'était par ailleurs engagé en 2023 à investir 100 millions de dollars dans un centre.",
         "DataVolt"),
    ],
)  # fmt: skip
def test_french_cues_of_the_forty_third_batch(text, speaker):
    """*-570..585: "Baptisée LillyPod" was read as a name, and "Blackwell Ultra" (chips named in a relative clause
    after "a précisé Nvidia") as a person who spoke; "avait aussi chiffré" and "s'était par ailleurs engagé" were no
    cues."""
    assert extract(text, D, "fr")["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, lang, deadline",
    [
        # a month without its year, in a clause told in the past: the last such month before the publication date
        ("Apptronik closed a $350 million round in February.", "en", "2025-02-28"),
        ("Le texan Apptronik avait de son côté levé 350 millions de dollars en février.", "fr", "2025-02-28"),
        ("Der texanische Wettbewerber Apptronik hatte im Februar 350 Millionen Dollar eingesammelt.", "de",
         "2025-02-28"),
        # what is to come, a limit ahead, the publication's own month and a fiscal year keep the nearest
        ("Apptronik will close a $350 million round in February.", "en", "2026-02-28"),
        ("Apptronik ouvrira un site de 350 MW en février.", "fr", "2026-02-28"),
        ("xAI had ordered $1 billion more of the batteries for delivery by the end of February.", "en", "2026-02-28"),
        ("Alphabet a placé début septembre quelque 25 milliards de dollars.", "fr", "2025-09-30"),
    ],
)  # fmt: skip
def test_a_past_month_without_its_year(text, lang, deadline):
    """*-586..601 and *-01..585: "closed a $350 million round in February", written in September, was dated the
    February after (86 deadlines of *-01..601 a year late, in all three languages)."""
    claims = extract(text, dt.date(2025, 9, 17), lang)["claims"]
    assert claims[0]["deadline"]["date"] == deadline


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # "à une valorisation de" is "at a valuation of": the money raised stays a claim
        ("Mistral AI a levé 1,7 milliard d'euros à une valorisation de 11,7 milliards d'euros.", "fr",
         [(1.7e9, "EUR", "the article")]),
        # the object of "described" or "a présenté" is never the speaker, nor is a time after the verb an object
        ("Nvidia reported results on Wednesday. It described Microsoft as its biggest customer, with orders worth $10 "
         "billion.", "en", [(1, "rank", "the article"), (10e9, "USD", "the article")]),
        ("Le groupe a présenté Microsoft comme son premier client, avec des commandes de 10 milliards de dollars.",
         "fr", [(10e9, "USD", "the article")]),
        ("Nvidia a présenté ce mardi un projet de 2 milliards d'euros en France.", "fr", [(2e9, "EUR", "the article")]),
        ("Microsoft's plan, presented Tuesday in Brussels, calls for spending $80 billion on data centers.", "en",
         [(80e9, "USD", "the article")]),
        # a build timeline after "erfolgt", "intervient", "comes" stays a span
        ("Die Inbetriebnahme des Rechenzentrums erfolgt rund 24 Monate nach Baubeginn.", "de",
         [(24, "months", "the article")]),
        ("La mise en service du centre de données intervient 18 mois après le début des travaux.", "fr",
         [(18, "months", "the article")]),
        ("Commercial operation of the data center comes 24 months after construction begins.", "en",
         [(24, "months", "the article")]),
        # "the president" is no stand-in for the last person quoted; "The minister" opening a sentence is
        ("Apple CEO Tim Cook said the company would add 20,000 jobs. Apple's total US investment will reach $600 "
         "billion, the president said at the White House.", "en", [(600e9, "USD", "the article")]),
        ("Energy Minister Chris Bowen said the grid would need upgrades. The minister put the cost at $20 billion.",
         "en", [(20e9, "USD", "Chris Bowen")]),
        # "the center's operator" and "du centre de données" name no body; "The centre said" does
        ("Crusoe is building the Abilene Data Center for OpenAI. The campus will draw 1.2 gigawatts, the center's "
         "operator said.", "en", [(1200, "MW", "the article")]),
        ("Microsoft construit le Fairwater AI Data Center dans le Wisconsin. Selon les plans du centre de données, il "
         "consommera 3 gigawatts.", "fr", [(3000, "MW", "the article")]),
        ("The Swiss National Supercomputing Centre runs Alps. The centre said the machine would get 10,000 more GPUs.",
         "en", [(10000, "count", "Swiss National Supercomputing Centre")]),
        # "rote Zahlen geschrieben" reports nothing
        ("Während Intel erneut rote Zahlen geschrieben hat, steigerte AMD den Umsatz auf 7,7 Milliarden Dollar.", "de",
         [(7.7e9, "USD", "the article")]),
        # a listed outlet keeps its name before a time word or a second outlet
        ("Interrogé sur des informations de Bloomberg hier selon lesquelles il investirait 100 milliards de dollars "
         "dans OpenAI, le groupe a refusé de commenter.", "fr", [(100e9, "USD", "Bloomberg")]),
        ("Interrogé sur des informations du Wall Street Journal et de Bloomberg selon lesquelles il investirait 2 "
         "milliards d'euros, le groupe a refusé de commenter.", "fr", [(2e9, "EUR", "Wall Street Journal")]),
        # invoicing and touting report nothing
        ("Microsoft billed OpenAI $10 billion for cloud computing last year, the filings show.", "en",
         [(10e9, "USD", "the article")]),
        ("The White House touted Apple's $600 billion commitment on Wednesday.", "en", [(600e9, "USD", "the article")]),
    ],
)  # fmt: skip
def test_the_reviews_cases_of_the_forty_third_rounds_rules(text, lang, expected):
    """A review of the rules learned from *-570..585 (c080ed4..d881621) found each of these read wrong."""
    got = [(c["quantity"], c["unit"], c["speaker"]) for c in extract(text, D, lang)["claims"]]
    assert got == [(pytest.approx(q), u, s) for q, u, s in expected]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # a source's name compounded with what it published ("PitchBook-Daten") is the source's
        ("Perplexity sammelte 200 Millionen Dollar im September, laut PitchBook-Daten.", "de", "PitchBook"),
        # "beziffern", "évaluait" report
        ("Die Analysten der US-Bank Morgan Stanley beziffern den Weltmarkt für humanoide Roboter im Jahr 2050 auf rund "
         "fünf Billionen Dollar jährlich.", "de", "Morgan Stanley"),
        # an outlet named after what it is, just before the verb
        ("Le site spécialisé DCmag évaluait le coût du projet à quelque 10 millions de dollars.", "fr", "DCmag"),
        ("PAIX is backed by Africa50. The trade site DCmag had put the cost of the Dakar building at about $10 "
         "million.", "en", "DCmag"),
        # not a site that is a place
        ("Le site de Microsoft a coûté 10 millions de dollars, a indiqué Microsoft.", "fr", "Microsoft"),
    ],
)  # fmt: skip
def test_sources_of_the_forty_fourth_batch(text, lang, speaker):
    """*-586..601: "laut PitchBook-Daten" named "PitchBook-Daten"; Morgan Stanley's "beziffern" and DCmag's "évaluait"
    were no cues, and "the trade site DCmag" no name."""
    assert extract(text, D, lang)["claims"][-1]["speaker"] == speaker  # the last figure's


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a valuation after the figure, or a round that valued the company: no claim; the money raised stays
        ("Rival Anysphere raised $900 million in June at a $9.9 billion valuation.", "en", [900e6]),
        ("Figure AI secured more than $1 billion in a Series C round at a post-money valuation of $39 billion.", "en",
         [1e9]),
        ("Perplexity raised $200 million in a round that valued it at $20 billion.", "en", [200e6]),
        ("Cognition hat mehr als 400 Mio. Dollar eingesammelt und wird nun mit 10,2 Mrd. Dollar bewertet.", "de",
         [400e6]),
        ("Bewertet wird Runway nun mit 5,3 Milliarden Dollar.", "de", []),
        # a lease valued by its tenant's landlord is money, not a company's valuation
        ("Applied Digital valued it at about $5 billion over a 15-year term.", "en", [5e9]),
    ],
)  # fmt: skip
def test_valuations_of_the_forty_fourth_batch(text, lang, expected):
    """*-586..601: "at a $9.9 billion valuation", "a round that valued it at $20 billion", "wird nun mit 10,2 Mrd.
    Dollar bewertet" and "Bewertet wird Runway nun mit" were claims (seventeen extra figures of *-01..601)."""
    got = [c["quantity"] for c in extract(text, D, lang)["claims"] if c["unit"] in ("USD", "EUR")]
    assert got == [pytest.approx(q) for q in expected]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a month ahead in a past-tense sentence keeps the nearest reading: a delivery, a schedule, reported speech
        ("xAI had ordered $1 billion more of the batteries for delivery in January.", "en",
         [(1e9, "the article", "2026-01-31")]),
        ("Le démarrage du site de 100 MW est prévu en janvier.", "fr", [(100, "the article", "2026-01-31")]),
        ("Das Rechenzentrum mit 100 MW werde im Januar ans Netz gehen, teilte der Betreiber mit.", "de",
         [(100, "the article", "2026-01-31")]),
        ("The 1 GW campus, which broke ground in 2024, is on track to deliver 200 MW in January.", "en",
         [(1000, "the article", "2026-01-31"), (200, "the article", "2026-01-31")]),
        # a past raise keeps its past month ("from investors" is no future)
        ("Apptronik raised $350 million from investors in February.", "en", [(350e6, "the article", "2025-02-28")]),
        # "bewertet ... mit" is the valuation, the money before it the round
        ("Die Finanzierungsrunde über 400 Millionen Dollar bewertet das Start-up mit 10 Milliarden Dollar.", "de",
         [(400e6, "the article", None)]),
        # a site that is a place, and "bezifferten" as an adjective, name no speaker
        ("Le site de Marcoussis prévoit une capacité de 300 MW.", "fr", [(300, "the article", None)]),
        ("Die auf 2 Milliarden Euro bezifferten Baukosten übernimmt der Staatsfonds ADQ.", "de",
         [(2e9, "the article", None)]),
        # a German compound that is no name's (the year after "wurden" dates the past figure, as the gold reads a
        # past year since 4c62e96)
        ("Laut Branchen-Daten wurden 2024 rund 500 MW gebaut.", "de", [(500, "the article", "2024-12-31")]),
    ],
)  # fmt: skip
def test_the_reviews_cases_of_the_forty_fourth_rounds_rules(text, lang, expected):
    """A review of the rules learned from *-586..601 (98deabc..cb5e330) found each of these read wrong."""
    got = [
        (c["quantity"], c["speaker"], c["deadline"]["date"] if c["deadline"] else None)
        for c in extract(text, dt.date(2025, 9, 17), lang)["claims"]
    ]
    assert got == [(pytest.approx(q), s, d) for q, s, d in expected]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # an outlet spoken to is no speaker: the teller is ("dem US-Sender CNBC gesagt", "au quotidien Diario Libre")
        ("Finanzchef Sungkyue Shin hatte im Juli dem US-Sender CNBC gesagt, Rebellions strebe bis zu 200 Millionen "
         "Dollar an.", "de", "Sungkyue Shin"),
        ("Le projet Hostos coûterait 2,5 milliards de dollars, a indiqué ce mois-ci au quotidien Diario Libre son "
         "président, Rafael Vélez.", "fr", "Rafael Vélez"),
        # a German teller set off by an apposition that ends on another name ("Mike Pence")
        ("Drew Horn, Chef der Beratungsfirma GreenMet und früher Berater von US-Vizepräsident Mike Pence, hatte im "
         "Januar dem Sender CNBC gesagt, bis Mitte 2027 sollten 300 Megawatt in Betrieb gehen.", "de", "Drew Horn"),
        # but "der Sender X berichtete" is the outlet as subject, and "der Ratingagentur" after a noun a genitive
        ("Den Wert der Lieferungen bezifferte der US-Sender CNBC auf geschätzt eine Milliarde Dollar.", "de", "CNBC"),
        ("Der Ausbau erfordert Investitionen von mindestens drei Billionen Dollar. Das geht aus einer Studie der "
         "Ratingagentur Moody's hervor.", "de", "Moody's"),
        # the subject right after an inverted French verb, not a name set off by commas before it
        ("C'est le montant du crédit de 31 millions de dollars que le groupe namibien Paratus a obtenu du fonds EAIF "
         "et de son gestionnaire, Ninety One, pour développer sa fibre, a annoncé lundi l'entreprise.", "fr",
         "Paratus"),
        ("Le règlement doit mobiliser 43 milliards d'euros, a déclaré la présidente de la Commission, Ursula von der "
         "Leyen.", "fr", "Ursula von der Leyen"),
        # a company typed as a designer is the sentence's subject, not the investor named after it
        ("Le concepteur français de microprocesseurs SiPearl a bouclé sa série A à 130 millions d'euros, grâce à une "
         "tranche apportée par le taïwanais Cathay Venture, a annoncé mercredi la société.", "fr", "SiPearl"),
        ("The chip designer SiPearl closed its round at €130 million, with a last tranche from Taiwan's investor "
         "Cathay Venture, the company said.", "en", "SiPearl"),
        # a name the list lacks after its country's possessive, or after its nationality in small letters
        ("Algeria's Sonelgaz says it sent a record 1,000 megawatts across the border.", "en", "Sonelgaz"),
        ("L'algérien Sonelgaz a annoncé avoir injecté 1 000 MW dans le réseau tunisien.", "fr", "Sonelgaz"),
        # a body set off after a comma and its article, then its apposition, before the verb
        ("Iraq's plants produce at most 28,000 megawatts in summer, the Eco Iraq Observatory, a Baghdad watchdog, "
         "estimated in July.", "en", "Eco Iraq Observatory"),
        # "its" is the acronym that opens the sentence, not the body that spoke before
        ("Costs could reach $1.5 billion, the Office of Public Utility Counsel, which represents households, said. "
         "ERCOT counted about 226 gigawatts of requests in November, according to its filings. ERCOT runs the grid.",
         "en", ["Office of Public Utility Counsel", "ERCOT"]),
    ],
)  # fmt: skip
def test_speakers_of_the_forty_fifth_batch(text, lang, speaker):
    """*-602..617: the outlet a person spoke to ("hatte im Juli dem US-Sender CNBC gesagt", "a indiqué au quotidien
    Diario Libre son président") was taken for the speaker; "..., Ninety One, pour développer sa fibre, a annoncé lundi
    l'entreprise" went to the name set off before the verb."""
    got = [c["speaker"] for c in extract(text, D, lang)["claims"]]
    assert got == speaker if isinstance(speaker, list) else set(got) == {speaker}  # (a list: each claim's, in order)


def test_a_product_named_after_its_noun_is_no_company():
    """ "le concepteur de l'assistant Claude" types Anthropic by its product: Claude is no company (fr-196)."""
    text = (
        "Amazon investira 8 milliards de dollars dans Anthropic. En contrepartie, le concepteur de l'assistant Claude "
        "s'engage à dépenser plus de 100 milliards de dollars en dix ans chez Amazon Web Services (AWS)."
    )
    assert "Claude" not in {c["speaker"] for c in extract(text, D, "fr")["claims"]}


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # "the company said" with no company since the lede: the company the lede opens with, though the list lacks it
        ("Tokyo Electron raised its profit forecast on Tuesday, saying operating profit would reach 680 billion yen, "
         "about $4.4 billion. Sales will reach 2.4 trillion yen, or roughly $15.5 billion, the company said. Tokyo "
         "Electron also plans buybacks.", "en", "Tokyo Electron"),
        # a ratings agency is no person: "he said" is the economist, not the agency cited before him
        ("The grid had 13,955 megawatts of capacity, according to the ratings agency Pacific Credit Rating. The "
         "economist Arturo Vásquez Cordano agrees. “We could connect a 100-megawatt data centre,” he said.", "en",
         ["Pacific Credit Rating", "Arturo Vásquez Cordano"]),
        # a clause of contrast with its own teller: "..., according to X, while ..., Y told"
        ("The grid had 13,955 megawatts of capacity, according to the ratings agency Pacific Credit Rating, while peak "
         "demand has stalled at around 8,000 MW, economist Arturo Vásquez Cordano told the newspaper Gestión.", "en",
         ["Pacific Credit Rating", "Arturo Vásquez Cordano"]),
        # a French participle with its agent after "par" ("par an" is none); an apposition with its own agent
        ("Apple diffusera la discipline dans le cadre d'un contrat estimé à environ 140 millions de dollars par an par "
         "le magazine Autosport.", "fr", "Autosport"),
        ("Un câble de 1 100 km, évalué à 45 millions d'euros par la Commission européenne, n'est toujours pas posé.",
         "fr", "European Commission"),
        ("Le coût du projet de Microsoft, estimé à 2 milliards de dollars, inquiète.", "fr", "the article"),
        ("OpenAI s'est engagé à lui acheter jusqu'à 750 MW de capacité, un contrat évalué à plus de 10 milliards de "
         "dollars par le Wall Street Journal.", "fr", ["OpenAI", "Wall Street Journal"]),
        # "le constructeur allemand": a company the list lacks that the sentence named before and the article repeats
        ("Jusqu'à 1 milliard d'euros d'ici à 2030 : c'est ce que Volkswagen compte investir dans l'IA, a annoncé mardi "
         "le constructeur allemand au salon IAA. Volkswagen en attend des économies.", "fr", "Volkswagen"),
        # ... not a country ("Inde"), nor a German noun ("Millionen")
        ("L'Inde achète du courant au Népal. Les exportations vers l'Inde atteindront jusqu'à 1 165 MW, a indiqué "
         "l'exploitant.", "fr", "the article"),
        ("ABB wird investieren weitere $110 Millionen in den Vereinigten Staaten dieses Jahr, um auszuweiten seine "
         "Produktion von Leistungsschaltern und anderer elektrischer Ausrüstung für Rechenzentren und das Stromnetz, "
         "die Schweizer Ingenieursgruppe sagte am Mittwoch.\nEine $15 Millionen Linie für seine neuen "
         "Emax-3-Schalter, welche schützen die Stromsysteme von Rechenzentren und Flughäfen, wird eröffnen an seinem "
         "Werk in Senatobia, Mississippi, in 2026, die Firma sagte.", "de", "the article"),
        # a person after the auxiliary that brackets a German clause, however far the participle
        ("Ein großes Rechenzentrum brauche bis zu 20 Megawatt und koste knapp 100 Mio. Dollar, hatte Muneeb Khawaja "
         "von der DWP Group im Mai vergangenen Jahres vor Journalisten gesagt.", "de", "Muneeb Khawaja"),
        # a person of a company speaks, not the company
        ("A large data centre can draw up to 20 MW and cost close to $100 million, Muneeb Khawaja of DWP Group told "
         "reporters last May.", "en", "Muneeb Khawaja"),
        # a name set off before a description that is set off in turn: the name speaks (not a place: "North Dakota")
        ("The US has cleared Nvidia to ship 6,144 processors to Armenia for a $500 million data centre, Firebird, the "
         "start-up behind the project, said on Thursday.", "en", "Firebird"),
        ("Applied Digital has priced $2.15 billion of senior secured notes to fund its Polaris Forge 2 campus near "
         "Harwood, North Dakota, the Dallas-based company said on Wednesday, confirming Oracle as the tenant of the "
         "site.", "en", "Applied Digital"),
        # the lede's one-word company, where the description finds no other
        ("Volkswagen investit dans l'IA. Jusqu'à 4 milliards d'euros d'économies sont attendus d'ici à 2035, a précisé "
         "le groupe. Le plan de Volkswagen est ambitieux.", "fr", "Volkswagen"),
        # not a German noun that opens the lede
        ("Strom wird in Irland knapp und teuer. Bis 2030 sollen 500 Megawatt hinzukommen, teilte das Unternehmen mit. "
         "Strom bleibt knapp.", "de", "the article"),
    ],
)  # fmt: skip
def test_speakers_of_the_forty_sixth_batch(text, lang, speaker):
    """*-618..633: a company the list lacks, named in the lede, then "the company said"; a ratings agency taken for a
    person (so "he said" went to it); a clause of contrast ("while ...") given to the cue of the clause before."""
    got = [c["speaker"] for c in extract(text, D, lang)["claims"]]
    assert got == speaker if isinstance(speaker, list) else set(got) == {speaker}  # (a list: each claim's, in order)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a quarter named as an adjective is that quarter ("Third-quarter net profit"), the nearest one
        ("Third-quarter net profit rose to €2.1 billion on sales of €7.5 billion.", "2024-10-16",
         ["2024-09-30", "2024-09-30"]),
        # a quarter before a trailing cue dates the figure, not the statement
        ("Net income fell 12.5% to $559 million in the October-December quarter, the company said.", "2026-02-25",
         ["2025-12-31"]),
        # "the year to March": the fiscal year under way, unless it ended within the last three months
        ("Operating profit will reach 680 billion yen, about $4.4 billion, in the year to March.", "2024-11-13",
         ["2025-03-31"]),
        ("Infineon will invest about €2.2 billion in its fiscal year to September.", "2026-02-05", ["2026-09-30"]),
        ("Azure brought in more than $75 billion of revenue in the year to June.", "2025-07-31", ["2025-06-30"]),
        ("It will spend about $24 million in the financial year to June 2026.", "2025-09-04", ["2026-06-30"]),
        # "In the quarter," opening a sentence is the quarter named before (its months named: a quarter's granularity)
        ("Net income fell 12.5% to $559 million in the October-December quarter, the company said on Tuesday. In the "
         "quarter, revenue rose about 45% to $8.8 billion.", "2026-02-25", ["2025-12-31", "2025-12-31"]),
        # the month and year a statement was made, right after its verb or after the one told, date no figure
        ("BYD founder Wang Chuanfu said in January 2024 that the group would invest 100 billion yuan, about $14 "
         "billion, in smart cars.", "2026-06-05", [None]),
        ("The plan includes about $45 million for a branch, chief executive Mashiur Rahman told The Daily Star in "
         "2023.", "2025-12-15", [None]),
    ],
)  # fmt: skip
def test_deadlines_of_the_forty_sixth_batch(text, published, expected):
    """*-618..633: results for a quarter named as an adjective, a quarter before ", the company said", and a fiscal
    "year to March" were read with no deadline."""
    claims = extract(text, dt.date.fromisoformat(published), "en")["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


def test_a_german_time_after_a_cue_dates_the_figure():
    """ "nach eigenen Angaben im August 2023 ... erhielt": in German the time after the cue dates the verb that
    follows it (de-349), not the statement."""
    text = (
        "Die Firma Riot Platforms erhielt nach eigenen Angaben im August 2023 während einer Hitzewelle Gutschriften "
        "von 31,7 Millionen Dollar."
    )
    claims = extract(text, dt.date(2025, 12, 1), "de")["claims"]
    assert [c["deadline"]["date"] for c in claims] == ["2023-08-31"]


@pytest.mark.parametrize(
    "text",
    [
        "Digital Edge said. Digital Edge Digital Edge and Edge Digital; the Tokyo-based Tokyo Electron; McKinsey, Lévi",
        "Cerebras Systems raised money. Cerebras said so. À Sherman, au nord de Dallas, Sherman Sherman Dallas.",
        "A B Cc Dd Ee Ff Cc Dd, Ee Ff Gg. Hh2 Hh Hh_ Hh-Ii Ii Hh Ii.",
    ],
)
def test_capitalised_counts_match_a_count_per_name(text):
    """The per-text count of capitalised words and pairs (cached once per text, not searched once per name: a
    5,000-character sentence of descriptions took 60 s without it) equals counting each name with its own regex."""
    import re

    from gigawatt.claims.extract.speakers import _capitalised_counts

    counts = _capitalised_counts(text)
    names = set(re.findall(r"\b[A-Z][a-z]+\b", text))
    names |= {f"{a} {b}" for a in names for b in names}
    for name in names:
        assert counts[name] == len(re.findall(rf"\b{name}\b", text)), name


@pytest.mark.parametrize(
    "text, lang, published, speaker, deadline",
    [
        # the lede's subject is no country, place, noun that opens sentences, nor person the list lacks
        ("South Korea will spend 100 trillion won on AI data centres by 2030. The plan covers 3 GW of capacity, the "
         "company said. South Korea also plans new grids.", "en", "2025-06-01", "the article", None),
        ("Demand for memory chips is soaring. Sales will reach $15 billion this year, the company said. Demand keeps "
         "rising.", "en", "2025-06-01", "the article", "2025-12-31"),
        ("Rahul Mehta, a former banker, is building data centres in India. The first campus will cost $500 million, "
         "the company said. Rahul Mehta declined to name investors.", "en", "2025-06-01", "the article", None),
        ("Marseille accueille un nouveau centre de données. Le site consommera 50 MW d'ici à 2027, a indiqué le "
         "groupe. Marseille devient un hub.", "fr", "2025-06-01", "the article", "2027-12-31"),
        ("Künstliche Intelligenz treibt den Strombedarf. Bis 2030 sollen 500 Megawatt hinzukommen, teilte das "
         "Unternehmen mit. Künstliche Intelligenz bleibt Thema.", "de", "2025-06-01", "the article", "2030-12-31"),
        # the sentence's own recurring name before the lede's ("Bruxelles veut ...")
        ("Bruxelles veut davantage de puces. Jusqu'à 1 milliard d'euros d'ici à 2030 : c'est ce que Volkswagen compte "
         "investir dans l'IA, a annoncé mardi le constructeur allemand. Bruxelles salue l'effort, et Volkswagen aussi.",
         "fr", "2025-06-01", "Volkswagen", "2030-12-31"),
        # a place after "le site de" is no company
        ("Pour Bruxelles, le site de Mons coûtera 1 milliard d'euros, a indiqué le groupe américain. Bruxelles et Mons "
         "saluent le projet.", "fr", "2025-06-01", "the article", None),
        # a description that is the verb's subject sets off no name before it
        ("Nvidia will start shipping 72,000 units of its new chip, Blackwell, the company said on Tuesday, citing "
         "strong demand.", "en", "2025-06-01", "Nvidia", None),
        # a participle of estimate without an agent does not date a statement: the quarter dates the figure
        ("Le chiffre d'affaires, estimé à 2 milliards d'euros au troisième trimestre, progresse.", "fr", "2025-07-01",
         "the article", "2025-09-30"),
        # a month and year after a verb that is no saying, or after "selon X", still date the figure
        ("The first 200 MW phase is expected in June 2026.", "en", "2025-06-01", "the article", "2026-06-30"),
        ("La capacité atteindra 3 GW, selon RTE en 2035.", "fr", "2025-06-01", "RTE", "2035-12-31"),
        # a word elided before an apostrophe opens no company's name ("Jusqu'à")
        ("Jusqu'à 300 emplois seront créés en Bretagne. Jusqu'à 500 millions d'euros : c'est ce que Exaion compte "
         "investir, a annoncé mardi le groupe français. Exaion vise 2028.", "fr", "2025-06-01", "Exaion", None),
    ],
)  # fmt: skip
def test_the_reviews_cases_of_the_forty_sixth_rounds_rules(text, lang, published, speaker, deadline):
    """A review of the rules learned from *-618..633 (69bec5e..3451ad6) found each of these read wrong."""
    claims = extract(text, dt.date.fromisoformat(published), lang)["claims"]
    assert [(c["speaker"], c["deadline"]["date"] if c["deadline"] else None) for c in claims] == [(speaker, deadline)]


@pytest.mark.parametrize(
    "text, lang, speaker",
    [
        # an Arabic name's article in small letters ("al-Rayeh al-Toum") is part of the name, in every language
        ("The fighting cost the state-backed operator Sudani more than $70 million, its deputy director general, "
         "Mohammed al-Rayeh al-Toum, told Chinese broadcaster CGTN last month.", "en", "Mohammed al-Rayeh al-Toum"),
        ("Plus de 70 millions de dollars : c'est le coût des destructions subies par Sudani, a indiqué à la chaîne "
         "chinoise CGTN son directeur général adjoint, Mohammed al-Rayeh al-Toum.", "fr", "Mohammed al-Rayeh al-Toum"),
        ("Allein beim staatlichen Betreiber Sudani belaufe sich der Schaden auf mehr als 70 Millionen Dollar, sagte "
         "dessen Vizechef Mohammed al-Rayeh al-Toum dem chinesischen Sender CGTN.", "de", "Mohammed al-Rayeh al-Toum"),
        # a name that opens with a digit and small letters ("4iG"), after a country's possessive too
        ("Hungary's 4iG, another investor, said separately it would complete a $100 million commitment by March 31.",
         "en", "4iG"),
        ("Le hongrois 4iG, un autre investisseur, a dit séparément qu'il compléterait un engagement de 100 millions de "
         "dollars.", "fr", "4iG"),
        # a country is a place, not a voice: not the sentence's opener that "Das berichtete die Zeitung" refers back
        # to, nor a name before a described company's verb
        ("Albanien soll sein erstes großes Rechenzentrum bekommen: Das israelische Unternehmen Albania Data Center "
         "will eine Anlage mit zunächst 32 Megawatt für rund 100 Mio. Euro errichten. Das berichtete die israelische "
         "Wirtschaftszeitung „Globes“ am Dienstag. Albanien erzeugt seinen Strom aus Wasserkraft.", "de", "Globes"),
        ("Roche has installed 2,176 Blackwell graphics processors in its own data centres in the United States and "
         "Europe, the Swiss drugmaker said on Monday.", "en", "the article"),
        # "called X" after a noun or a comma names a thing, it reports nothing: the trailing cue speaks
        ("A data centre of up to 300 megawatts is planned for about $500 million, the Trinidad Guardian reported. The "
         "project, called Trinimine, would cost about $100 million, the newspaper said.", "en", "Trinidad Guardian"),
        ("Un centre de données de 300 mégawatts coûterait 500 millions de dollars, a rapporté le Trinidad Guardian. "
         "Le projet, appelé Trinimine, coûterait environ 100 millions de dollars, le journal a dit.", "fr",
         "Trinidad Guardian"),
        # a company introduced as a shipping line, a German project's noun before its name
        ("Die französische Reederei CMA CGM steckt 100 Millionen Euro in eine Partnerschaft mit Mistral AI. Das "
         "teilten beide Unternehmen am Sonntag mit.", "de", "CMA CGM"),
        ("Im Juni hatte das Projekt Volcano Energy nach eigenen Angaben Zusagen über eine Milliarde Dollar "
         "eingesammelt.", "de", "Volcano Energy"),
        # "a revendiqué": claimed
        ("Le projet Volcano Energy a revendiqué 1 milliard de dollars d'engagements pour un parc solaire.", "fr",
         "Volcano Energy"),
        # a name the list lacks opening the sentence before an auxiliary or its apposition
        ("Sudatel, Sudani's parent, has said its Khartoum data centre cost $45 million to build.", "en", "Sudatel"),
        ("Acme has said it would spend $45 million.", "en", "Acme"),
        # German: the subject between the auxiliary and "nach eigenen Angaben", or introduced as the parent
        ("Im Nachbarland Jordanien hat Orange Jordan nach eigenen Angaben seit 2000 mehr als 2,4 Mrd. Dollar in die "
         "digitale Infrastruktur gesteckt.", "de", "Orange Jordan"),
        ("Die Konzernmutter Sudatel hat ihr Rechenzentrum in Khartum nach eigenen Angaben für 45 Millionen Dollar "
         "gebaut.", "de", "Sudatel"),
        # the name after the noun that describes it, not the article or possessive before ("Its Basel")
        ("Its Basel neighbour Novartis had pledged $23 billion for US plants and laboratories shortly before.", "en",
         "Novartis"),
        ("Son voisin bâlois Novartis avait promis peu avant 23 milliards de dollars.", "fr", "Novartis"),
        ("A Beijing start-up has lined up about $8.4 billion of credit from 12 Chinese banks, the company said on "
         "Monday.", "en", "the article"),
        ("The Bank of England said AI firms could need $2.5 trillion by 2030.", "en", "Bank of England"),
        # development banks by their English names in every language
        ("Nach Angaben der AfDB gehört das Rechenzentrum zu einem Programm über 66,55 Mio. Euro.", "de",
         "African Development Bank"),
        ("Le datacenter fait partie d'un programme de 66,55 millions d'euros, selon la BAD.", "fr",
         "African Development Bank"),
        ("Die Weltbank hat eine Milliarde Dollar zugesagt.", "de", "World Bank"),
        # "l'institution": the development bank named before (a public body), unless a body is named right after
        ("Cent cinquante millions de dollars : c'est ce que la Banque mondiale consacrera à la numérisation de l'État "
         "libanais, a annoncé mardi l'institution.", "fr", "World Bank"),
        ("Le prêt vient de la Banque mondiale. Le Nigeria compte plus de 13 000 MW de capacités installées, selon le "
         "régulateur, la Nigerian Electricity Regulatory Commission (NERC).", "fr",
         "Nigerian Electricity Regulatory Commission"),
        # German: the person after the auxiliary, not the employer compounded before the title
        ("Es werde das größte Rechenzentrum, hatte Nvidia-Direktor Léandre Bassolé im August gesagt.", "de",
         "Léandre Bassolé"),
        # the clause after a colon opens with its subject; "the watchdog" is the body named before
        ("The mine leaves room to grow: Lefdal has said capacity could eventually grow to 200 megawatts.", "en",
         "Lefdal"),
        ("The Federal Energy Regulatory Commission published its report. Peak demand could grow by 245 gigawatts, the "
         "watchdog said.", "en", "Federal Energy Regulatory Commission"),
        # unless it is the verb's own subject
        ("Gabon said in July it had lined up $200 million of commitments for a national data centre.", "en", "Gabon"),
        ("Le Gabon affirme avoir réuni 200 millions de dollars d'engagements pour un centre de données national.",
         "fr", "Gabon"),
    ],
)  # fmt: skip
def test_speakers_of_the_forty_seventh_batch(text, lang, speaker):
    """*-634..649: a name with "al-" words cut short, "4iG" read as no name, and countries ("Albanien", "Libanon",
    "United States") given figures as if they spoke."""
    assert {c["speaker"] for c in extract(text, D, lang)["claims"]} == {speaker}


def test_country_names_in_three_languages():
    """pycountry's ISO 3166 names and their Debian translations, against what an atlas writes; the short names that
    are also common words ("Island", German for Iceland; "Jersey") are kept out."""
    from gigawatt.claims.extract.countries import country_names

    names = country_names()
    assert {"Lebanon", "Liban", "Libanon", "Albania", "Albanie", "Albanien", "Jordanie", "Jordanien"} <= names
    assert {"South Korea", "Bolivia", "Bolivie", "Allemagne", "Deutschland", "United States"} <= names
    assert not {"Island", "Jersey", "Christmas", "Maurice", "Korea, Republic of", "Kokos-"} & names


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # "said last month", "told X last month" date the statement, not the figure
        ("Acme said last month it would spend $1 billion.", "2026-02-10", [None]),
        ("Acme told Reuters last month it would spend $1 billion.", "2026-02-10", [None]),
        ("The fighting cost the operator more than $70 million, its deputy director general, Mohammed al-Rayeh "
         "al-Toum, told Chinese broadcaster CGTN last month.", "2026-02-10", [None]),
        # an act, not a statement, last year: the year dates the figure
        ("The group agreed last year to buy 16 hectares in Kitakyushu, Japan, for about $22 million.", "2025-03-01",
         ["2024-12-31"]),
        # a span runs from the month the statement was made ...
        ("OpenAI, SoftBank and Oracle said last month that Stargate would invest $500 billion over four years.",
         "2025-02-20", ["2029-01-31", None]),
        # a period "that ends in September", "which ends in April" (its own relative clause too) is the figure's
        ("The company expects capital expenditure of about $20 billion in the fiscal year that ends in September.",
         "2025-12-18", ["2026-09-30"]),
        ("For the current quarter, which ends in April, the company forecast revenue of about $78 billion.",
         "2026-02-26", ["2026-04-30"]),
        # ... not from when an outlet reported it
        ("Nvidia agreed to rent back 10,000 of its own GPUs from Lambda over four years for about $1.3 billion, The "
         "Information reported in September.", "2025-11-19", [None, None, "2029-11-30"]),
    ],
)  # fmt: skip
def test_deadlines_of_the_forty_seventh_batch(text, published, expected):
    """*-634..649 and the tuned set: "last month" after "said" or after the one told was read as the figure's
    deadline; a span after "said last month" ran from the publication date."""
    claims = extract(text, dt.date.fromisoformat(published), "en")["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


def test_the_company_is_no_development_bank():
    """*-634..649: "The African Development Bank has put ..., it said", then "at a cost the company put at $30
    million": the company is not the bank (a lender; "the bank" still is)."""
    text = ("The African Development Bank has put about €13 million into the building, it said. Across the river, "
            "Raxio opened a data centre last year, at a cost the company put at $30 million. The bank said the "
            "programme had cost €66 million.")  # fmt: skip
    claims = extract(text, D, "en")["claims"]
    assert [(c["quantity"], c["speaker"] == "African Development Bank") for c in claims] == [
        (13e6, True),
        (30e6, False),
        (66e6, True),
    ]


@pytest.mark.parametrize(
    "text, lang, published, expected",
    [
        # a German bare year opening the sentence, or after the auxiliary, dates a past figure ...
        ("2024 setzte sie rund 55,5 Mrd. Dollar um und verdiente 5,71 Mrd. Dollar.", "de", "2025-04-07",
         ["2024-12-31", "2024-12-31"]),
        ("China hatte 2023 gut acht Millionen Dollar für Solaranlagen gespendet.", "de", "2026-01-28", ["2023-12-31"]),
        # ... but the statement's when the verb pledges or announces, and a span then runs from that year
        ("Intel hatte 2022 angekündigt, in Magdeburg rund 17 Milliarden Euro zu investieren.", "de", "2025-07-31",
         [None]),
        ("Die Holding LPTIC hatte 2018 ein Investitionsprogramm über 1,7 Milliarden Dollar für sechs Jahre "
         "angekündigt.", "de", "2026-02-02", ["2024-12-31", None]),
        # French "en MONTH YEAR" is that month of that year
        ("Le site de 100 MW ouvrira en septembre 2027.", "fr", "2026-04-30", ["2027-09-30"]),
        # a month and year set off before a clause that says or evaluates date the statement, not the figure; one
        # before a grant dates the grant
        ("En novembre 2022, Microsoft avait évalué à plus de 400 millions de dollars son aide à l'Ukraine.", "fr",
         "2025-06-01", [None]),
        ("En juillet 2024, HIVE a dit qu'il avait refusé 150 mégawatts de plus.", "fr", "2025-06-01", [None]),
        ("Lors d'un premier appel, en juillet 2023, les autorités avaient accordé environ 80 MW à quatre exploitants.",
         "fr", "2025-06-01", ["2023-07-31"]),
        ("The plant cost NT$5.26 billion, or US$162 million, in August 2024, chief financial officer Joseph Tung said "
         "at the time.", "en", "2025-06-01", ["2024-08-31"]),
        # a German period named by its end: a relative clause ("das Ende Juni endet"), an attribute ("Ende Juni
        # endenden"), "bis Ende Januar" after the period
        ("Der Konzern will im laufenden Geschäftsjahr, das Ende Juni endet, etwa 80 Milliarden Dollar investieren.",
         "de", "2025-03-07", ["2025-06-30"]),
        ("Brad Smith hatte Anfang Januar angekündigt, im laufenden, Ende Juni endenden Geschäftsjahr rund 80 "
         "Milliarden Dollar zu investieren.", "de", "2025-01-14", ["2025-06-30"]),
        ("Für das laufende Quartal bis Ende Januar rechnet der Konzern mit rund 2,2 Mrd. Dollar.", "de", "2025-12-03",
         ["2026-01-31"]),
        # the year before the period the sentence names
        ("Developing a drug cost an average of $2.23 billion in 2024, up from $2.12 billion a year earlier, "
         "according to Deloitte.", "en", "2026-05-13", ["2024-12-31", "2023-12-31"]),
        ("Le chiffre d'affaires a atteint 3,2 milliards d'euros au troisième trimestre 2025, contre 2,9 milliards un "
         "an plus tôt.", "fr", "2025-11-05", ["2025-09-30", "2024-09-30"]),
    ],
)  # fmt: skip
def test_deadlines_of_a_year_named_or_the_year_before(text, lang, published, expected):
    """*-634..649: German years without a preposition were read as no deadline; "a year earlier" took the year the
    sentence names."""
    claims = extract(text, dt.date.fromisoformat(published), lang)["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # the figure's own period after "said" is no time of saying
        ("Nvidia said sales in China last year rose to $17 billion.", "en", [("Nvidia", "2024-12-31")]),
        ("The company said last year's revenue rose to $5 billion.", "en", [("the article", "2024-12-31")]),
        # "told analysts last month" dates the statement
        ("Acme told analysts last month it would spend $1 billion.", "en", [("Acme", None)]),
        # "called" with an object complement reports
        ("Sam Altman, OpenAI's chief executive, called Stargate a $500 billion project.", "en", [("Sam Altman", None)]),
        # "a year earlier than planned" is no year before
        ("The plant will reach 2 GW a year earlier than planned, in 2028.", "en", [("the article", "2028-12-31")]),
        # a research group whose name ends in "Monitor" is no newspaper
        ("Global Energy Monitor said 500 GW of coal capacity was under development in 2024. The group said China "
         "accounted for 95 GW.", "en", [("Global Energy Monitor", "2024-12-31"), ("Global Energy Monitor", None)]),
        # a span runs from a statement's date only in its own clause (or one that reports it)
        ("Microsoft has said it will spend $80 billion over three years, and said last year it would add 2 GW.", "en",
         [("Microsoft", "2028-06-30"), ("Microsoft", None), ("Microsoft", None)]),
        # a country right after its cue speaks; the first of two joined names
        ("Le Gabon ajoutera 500 MW d'ici 2030, a indiqué le Gabon dans un communiqué.", "fr",
         [("Gabon", "2030-12-31")]),
        ("Selon le Maroc, la centrale produira 1 GW d'ici 2027.", "fr", [("Maroc", "2027-12-31")]),
        ("Egypt and Saudi Arabia said the interconnector would carry 3 GW from 2026.", "en", [("Egypt", None)]),
        ("Nobody has said it would cost $5 billion.", "en", [("the article", None)]),
        # a body named by its noun is itself, unless its name is set off right after
        ("The IEA expects demand to double. According to the agency, the United States will need 50 GW more by 2030.",
         "en", [("International Energy Agency", "2030-12-31")]),
        # "a year earlier" keeps the day
        ("On March 15, 2025 reserves stood at $5 billion, up from $4 billion a year earlier.", "en",
         [("the article", "2025-03-15"), ("the article", "2024-03-15")]),
        # German: the present perfect of a pledge, a year before a reporting verb, a later present clause, a number
        ("Microsoft hat 2024 angekündigt, 3,2 Milliarden Euro in Deutschland zu investieren.", "de",
         [("Microsoft", None)]),
        ("2024 kündigte Microsoft an, 3,2 Milliarden Euro in Deutschland zu investieren.", "de", [("Microsoft", None)]),
        ("Mistral AI wurde 2023 gegründet und ist inzwischen 12 Milliarden Euro wert.", "de", [("the article", None)]),
        ("2000 Megawatt soll das Rechenzentrum bis 2028 leisten.", "de", [("the article", "2028-12-31")]),
        ("Microsoft hat 2000 Megawatt Rechenzentrumskapazität in Europa.", "de", [("the article", None)]),
        ("Das Kabel nach Fidschi war 2013 für 32,8 Millionen Dollar verlegt worden.", "de",
         [("the article", "2013-12-31")]),
        # the title before a name after the auxiliary is no part of it
        ("Im vergangenen Jahr hat Vorstandschef Thomas Müller nach eigenen Angaben 3 Milliarden Euro eingesammelt.",
         "de", [("Thomas Müller", "2024-12-31")]),
    ],
)  # fmt: skip
def test_the_reviews_cases_of_the_forty_seventh_rounds_rules(text, lang, expected):
    """A review of the rules learned from *-634..649 (a997e17..f13c948) found each of these read wrong."""
    claims = extract(text, dt.date(2025, 6, 10), lang)["claims"]
    assert [(c["speaker"], c["deadline"]["date"] if c["deadline"] else None) for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, published, expected",
    [
        # a bare "millions" listed after money in its sentence is that money
        (
            "Sur cette somme, quelque 40 millions de dollars iront à des subventions, 35 millions à quatre projets "
            "pilotes et 20 millions à des tests.",
            "fr",
            "2024-12-12",
            [(40e6, "USD"), (35e6, "USD"), (20e6, "USD")],
        ),
        (
            "Davon sollen rund 40 Millionen Dollar in Förderprogramme fließen, 35 Millionen in vier Pilotprojekte.",
            "de",
            "2024-12-12",
            [(40e6, "USD"), (35e6, "USD")],
        ),
        # ... not another currency's, nor what it counts
        (
            "Ottawa pledged $2 billion, including up to C$700 million for a compute challenge.",
            "en",
            "2025-01-10",
            [(2e9, "USD")],
        ),
        ("Le plan de 2 milliards de dollars doit raccorder 10 millions de foyers.", "fr", "2025-01-10", [(2e9, "USD")]),
        # "3 milliards" after dollars in its own sentence is dollars, though the sentence before gave euros
        (
            "Le fonds a apporté 50 millions d'euros. Le groupe a investi 5,3 milliards de dollars cette année, contre "
            "3 milliards lors de l'exercice précédent.",
            "fr",
            "2025-06-01",
            [(50e6, "EUR"), (5.3e9, "USD"), (3e9, "USD")],
        ),
    ],
)
def test_money_listed_after_money_of_the_forty_eighth_batch(text, lang, published, expected):
    """*-650..665: "35 millions" and "35 Millionen" listed after "40 millions de dollars" were missed; "3 milliards"
    took the euros of the sentence before rather than its own sentence's dollars."""
    claims = extract(text, dt.date.fromisoformat(published), lang)["claims"]
    assert [(c["quantity"], c["unit"]) for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # the parts of a sum take its deadline
        (
            "The Pentagon will spend $100 million by the end of 2025, Plumb said. Of that money, about $40 million "
            "will go to grants and $35 million to pilots.",
            "en",
            [(1e8, "2025-12-31"), (4e7, "2025-12-31"), (3.5e7, "2025-12-31")],
        ),
        (
            "Die Einheit soll bis Ende 2025 100 Millionen Dollar ausgeben. Davon sollen rund 40 Millionen Dollar in "
            "Förderprogramme fließen.",
            "de",
            [(1e8, "2025-12-31"), (4e7, "2025-12-31")],
        ),
        # not a sum's smaller figure given earlier, nor a part with its own date
        (
            "The unit will spend $100 million by 2026. Of that money, $40 million was spent in 2024.",
            "en",
            [(1e8, "2026-12-31"), (4e7, "2024-12-31")],
        ),
        (
            "Acme will spend $100 million by 2026. Of the rest, $400 million will go to chips.",
            "en",
            [(1e8, "2026-12-31"), (4e8, None)],
        ),
    ],
)
def test_parts_of_a_sum_take_its_deadline(text, lang, expected):
    """*-650..665: "Of that money, about $40 million will go to ..." (en, fr, de) had no deadline."""
    claims = extract(text, dt.date(2024, 12, 12), lang)["claims"]
    assert [(c["quantity"], c["deadline"]["date"] if c["deadline"] else None) for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # two words before the noun, opening a sentence
        ("Australian pension fund Aware Super will invest $300 million in Vantage, it said.", "en", ["Aware Super"]),
        # a pension fund named by what it is, then "a-t-il annoncé"
        (
            "Trois cents millions de dollars : c'est ce que le fonds de pension australien Aware Super va investir, "
            "a-t-il annoncé mardi.",
            "fr",
            ["Aware Super"],
        ),
        # not a preposition and its article before the noun ("Laut dem Branchendienst The Information")
        (
            "SoftBank und OpenAI gründeten Stargate. Laut dem Branchendienst The Information sagten beide 19 "
            "Milliarden Dollar zu. Im Dezember 2025 überwies SoftBank dann 22,5 Mrd. Dollar, wie der japanische "
            "Konzern mitteilte.",
            "de",
            ["The Information", "SoftBank"],
        ),
        # "Das teilte das Unternehmen mit": the company after the verb of a sentence that opens with its figure
        (
            "Rund 50 Millionen Dollar steckt der Betreiber Wingu Africa in das erste Rechenzentrum Äthiopiens. Das "
            "teilte das Unternehmen mit.",
            "de",
            ["Wingu Africa"],
        ),
        # ... the first of two companies that open the sentence, for "die beiden japanischen Konzerne"
        (
            "Toyota und der Telekommunikationskonzern NTT wollen bis 2030 rund 3 Mrd. Euro investieren. Das gaben die "
            "beiden japanischen Konzerne am Donnerstag bekannt.",
            "de",
            ["Toyota"],
        ),
        # ... not a person who works at "der Bank"
        (
            "Die Afrikanische Entwicklungsbank (AfDB) hat rund 13 Millionen Euro beigesteuert. Das sagte die "
            "Vizepräsidentin der Bank, Marie-Laure Akin-Olugbade, am Dienstag.",
            "de",
            ["Marie-Laure Akin-Olugbade"],
        ),
    ],
)
def test_speakers_of_the_forty_eighth_batch(text, lang, expected):
    """*-650..665: a pension fund introduced by two words or as "le fonds de pension"; German "Das teilte das
    Unternehmen mit" after a sentence that opens with its figure or with two companies."""
    claims = extract(text, dt.date(2026, 1, 21), lang)["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a cap named as such bounds the figure
        ("The previous contract carried a ceiling of $502 million.", "en", [(502e6, "<=")]),
        ("Le contrat-cadre est plafonné à 9 milliards de dollars.", "fr", [(9e9, "<=")]),
        ("L'armée a attribué un contrat d'un montant maximal de 480 millions de dollars.", "fr", [(480e6, "<=")]),
        ("Der Vertrag hat eine Obergrenze von 500 Millionen Dollar.", "de", [(500e6, "<=")]),
        # a bound before "a further"; "über weitere" (talks about) is none
        ("It could put at least a further $200 million into the platform.", "en", [(200e6, ">=")]),
        ("CPP erwäge bis zu einer weiteren Milliarde Dollar für Standorte.", "de", [(1e9, "<=")]),
        ("Meta verhandelt über weitere 300 Megawatt.", "de", [(300, "about")]),
        # a part in another currency is no dollars; a part of loans is
        (
            "Le groupe investira 741 millions de dollars, dont 40 milliards de roupies pour une participation.",
            "fr",
            [(741e6, "=")],
        ),
        (
            "Le groupe a levé 20 milliards de dollars, dont environ 12,5 milliards de dette.",
            "fr",
            [(20e9, "about"), (12.5e9, "about")],
        ),
        # a person's age opening the sentence is no span; "à quatre ans" inside it is
        ("À 80 ans, il est la deuxième fortune mondiale.", "fr", []),
        ("Nebius s'en tient, lui, à quatre ans pour ses puces.", "fr", [(48, "=")]),
    ],
)
def test_comparators_and_figures_of_the_forty_eighth_batch(text, lang, expected):
    """*-650..665: "a ceiling of", "plafonné à", "d'un montant maximal de" read as unhedged; "at least a further" lost
    its bound; "dont 40 milliards de roupies" read as dollars; "À 80 ans" read as a span of 960 months."""
    claims = extract(text, dt.date(2025, 6, 1), lang)["claims"]
    assert [(c["quantity"], c["comparator"]) for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an outlet named after what it is, before "selon lesquelles" (a name may open with a digit)
        (
            "Skydance n'a pas souhaité réagir aux informations de la lettre spécialisée The Ankler selon lesquelles le "
            "contrat inclurait jusqu'à 40 millions de dollars par an.",
            ["The Ankler"],
        ),
        (
            "miHoYo n'a pas souhaité commenter des informations du site spécialisé 36Kr selon lesquelles il aurait "
            "commandé quelque 20 000 processeurs.",
            ["36Kr"],
        ),
        # ... not a place after "le site de"
        ("Le site de Mons accueillera 300 MW, selon Google.", ["Google"]),
        # "selon le président de X, Y": the person set off after the office
        (
            "La réparation coûtera au moins un million de dollars, selon le président de la société publique Tonga "
            "Cable, Samiuela Fonua.",
            ["Samiuela Fonua"],
        ),
        (
            "Le coût atteindra 5 millions d'euros, selon le président de Tonga Cable, qui a parlé mardi.",
            ["Tonga Cable"],
        ),
        # "ont annoncé les deux sociétés": the first company the sentence names, not a number word opening it
        (
            "Deux mégawatts pour commencer : c'est la puissance du centre que l'indien Yotta et la jeune pousse "
            "darya.ai vont construire, ont annoncé les deux sociétés samedi.",
            ["Yotta"],
        ),
    ],
)
def test_french_speakers_of_the_forty_eighth_batch(text, expected):
    """*-650..665: "de la lettre spécialisée The Ankler selon lesquelles", "du site spécialisé 36Kr", "selon le
    président de la société publique Tonga Cable, Samiuela Fonua" and "ont annoncé les deux sociétés" were read as
    another name or the article."""
    claims = extract(text, dt.date(2025, 6, 1), "fr")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a bare "millions" after another number is no money; a name's digits are no number
        (
            "The $500 million plant will use 2 million litres of water, and 3 million in summer.",
            "en",
            [(5e8, "USD", None)],
        ),
        (
            "Le projet de 500 millions d'euros concerne 3 millions d'utilisateurs et 1 million.",
            "fr",
            [(5e8, "EUR", None)],
        ),
        (
            "Le prêt se divise en deux tranches : 63 millions d'euros pour LIS001, inauguré cette semaine, et 190 "
            "millions pour LIS002.",
            "fr",
            [(63e6, "EUR", None), (190e6, "EUR", None)],
        ),
        # another currency's sign or code before it
        (
            "Microsoft will invest $3 billion in India, and Reliance Rs 500 million for training.",
            "en",
            [(3e9, "USD", None)],
        ),
        ("The fund put $300 million into the project and A$1 billion into another.", "en", [(3e8, "USD", None)]),
        # a French plural currency; rupees before a chip word are no chips
        ("Le projet de 5 milliards de dollars, sur un total de 10 milliards de wons.", "fr", [(5e9, "USD", None)]),
        (
            "L'Inde investira 10 milliards de dollars, dont 40 milliards de roupies pour les puces.",
            "fr",
            [(1e10, "USD", None)],
        ),
        # "Davon unabhängig" shares nothing out; "Of that money" after a sum the rules do not read takes no older date
        (
            "Der Konzern will bis 2030 rund 10 Milliarden Euro investieren. Davon unabhängig plant die Stadt 50 "
            "Millionen Euro.",
            "de",
            [(1e10, "EUR", "2030-12-31"), (5e7, "EUR", None)],
        ),
        (
            "The company will spend $10 billion by 2030. The city raised £2 billion in bonds last year. Of that money, "
            "$500 million will fund schools.",
            "en",
            [(1e10, "USD", "2030-12-31"), (5e8, "USD", None)],
        ),
        # a horizon or a duration opening the sentence is no age
        (
            "À 10 ans, la facture atteindra 3 milliards d'euros.",
            "fr",
            [(120, "months", None), (3e9, "EUR", "2035-06-30")],
        ),
        (
            "Mit fünf Jahren Bauzeit soll das Kraftwerk 1 Gigawatt liefern.",
            "de",
            [(60, "months", None), (1000, "MW", None)],
        ),
    ],
)
def test_the_reviews_cases_of_the_forty_eighth_rounds_rules(text, lang, expected):
    """The review of ccc32f8..10f47b8 found these read worse than before (or not as the rule meant)."""
    claims = extract(text, dt.date(2025, 6, 1), lang)["claims"]
    got = [(c["quantity"], c["unit"], c["deadline"]["date"] if c["deadline"] else None) for c in claims]
    assert got == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Derzeit bauen Netzbetreiber Leitungen für 5 Gigawatt, teilte das Unternehmen mit.", ["the article"]),
        (
            "Toyota und der Konzern NTT wollen bis 2030 rund 3 Mrd. Euro investieren. Das gaben die beiden japanischen "
            "Konzerne am Donnerstag bekannt.",
            ["Toyota"],
        ),
        (
            "Bis 2030 wollen Siemens und der Versorger Eon 3 Mrd. Euro investieren. Das teilten die beiden Unternehmen "
            "mit.",
            ["Siemens"],
        ),
        (
            "Der ägyptische Rechenzentrumsbetreiber Elsewedy Data Centers und das emiratische Unternehmen Gulf Data "
            "Hub wollen für 2,1 Milliarden Dollar bauen. Das teilten die beiden Unternehmen mit.",
            ["Elsewedy Data Centers"],
        ),
    ],
)
def test_the_reviews_german_speakers_of_the_forty_eighth_rounds_rules(text, expected):
    """Review: German sentence openers read as companies ("Leitungen"); "die beiden Konzerne" gave the second."""
    claims = extract(text, dt.date(2025, 6, 1), "de")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # present commitments and forecasts, a plural commitment, an adverb inside the verb, a plural inverted cue
        ("Plus à l'ouest, Invenergy promet d'achever une ligne censée livrer jusqu'à 5 000 mégawatts.", ["Invenergy"]),
        (
            "Le département du Commerce a en revanche promis jusqu'à 150 millions de dollars à xLight.",
            ["Department of Commerce"],
        ),
        ("Iliad et InfraVia se sont engagés à investir plus de 2,5 milliards d'euros dans OpCore.", ["Iliad"]),
        ("Meta dit soutenir quatre nouveaux projets renouvelables totalisant 409 MW.", ["Meta"]),
        (
            "Advanced Micro Devices a prévu mardi un revenu d'environ 8,7 milliards de dollars.",
            ["Advanced Micro Devices"],
        ),
        (
            "Les dépenses devraient atteindre 490 milliards de dollars, précisent les analystes de Citigroup.",
            ["Citigroup"],
        ),
        ("Le gestionnaire du réseau, Ercot, ne table plus que sur 22 175 mégawatts.", ["Ercot"]),
        # a commitment yields to the reporting verb; "S'y ajoutent" reports nothing
        (
            "Jusqu'à 50 milliards de dollars : c'est ce que la société américaine X8 Cloud promet d'investir au "
            "Paraguay, a déclaré lundi son PDG, Juan Carlos Dueñas.",
            ["Juan Carlos Dueñas"],
        ),
        ("S'y ajoutent 38 milliards de dollars de prêts pour deux campus.", ["the article"]),
    ],
)
def test_french_cues_of_commitment_and_forecast(text, expected):
    """French speakers left to the article on the tuned articles: "promet", "se sont engagés", "a en revanche
    promis", "dit soutenir", "a prévu", "précisent les analystes de", "ne table plus que sur"."""
    claims = extract(text, dt.date(2025, 6, 1), "fr")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "CMA CGM n'a pas souhaité commenter des informations des Echos selon lesquelles 30 millions d'euros "
            "serviraient à louer de la puissance de calcul.",
            ["Les Echos"],
        ),
        (
            "Amazon doit y investir au moins 1 milliard de dollars, selon le quotidien The News & Observer.",
            ["The News & Observer"],
        ),
        (
            "Kunlunxin avait obtenu 283 millions de dollars, selon le quotidien 21st Century Business Herald.",
            ["21st Century Business Herald"],
        ),
        ("Le sud-coréen SK hynix construit une usine de 3,87 milliards de dollars, selon le groupe.", ["SK Hynix"]),
        # a name found whole stays as it is
        ("Amazon doit y investir 1 milliard de dollars, selon le quotidien Le Monde.", ["Le Monde"]),
    ],
)
def test_names_written_whole_around_the_speaker(text, expected):
    """French speakers named short: "Echos" after "des", "The News" before "& Observer", "Century Business Herald"
    after "21st", "SK" before "hynix"."""
    claims = extract(text, dt.date(2025, 6, 1), "fr")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a period named by its end, in French
        (
            "Les investissements de l'exercice, qui s'achève fin mai, resteront d'environ 50 milliards de dollars.",
            "fr",
            ["2026-05-31"],
        ),
        (
            "Le groupe prévoit de livrer quelque 25 milliards de dollars de serveurs sur son exercice, qui s'achève "
            "fin janvier.",
            "fr",
            ["2026-01-31"],
        ),
        (
            "Les ventes de l'exercice 2026, qui s'achèvera fin octobre 2026, atteindront 600 millions de dollars.",
            "fr",
            ["2026-10-31"],
        ),
        # a half without its year: the publication's year
        (
            "OpenAI a réalisé un chiffre d'affaires de 4,3 milliards de dollars au premier semestre.",
            "fr",
            ["2025-06-30"],
        ),
        ("OpenAI burned $2.5 billion in the first half, The Information reported.", "en", ["2025-06-30"]),
        ("Im ersten Halbjahr setzte der Konzern 4,3 Milliarden Dollar um.", "de", ["2025-06-30"]),
        # a whole year, a span of months
        ("La division a accusé une perte de 10,3 milliards de dollars sur l'ensemble de 2025.", "fr", ["2025-12-31"]),
        (
            "Sur la période de juillet à septembre, SK Hynix a réalisé 13,75 milliards de dollars de ventes.",
            "fr",
            ["2025-09-30"],
        ),
    ],
)
def test_french_periods_by_their_end_and_halves(text, lang, expected):
    """French deadlines the tuned articles missed: "qui s'achève fin mai", "au premier semestre", "sur l'ensemble de
    2025", "de juillet à septembre"."""
    claims = extract(text, dt.date(2025, 10, 8), lang)["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Fondée en 2006 par Bill Gates, TerraPower chiffre à environ 4 milliards de dollars le coût.", "fr", [None]),
        ("TerraPower, fondée en 2006, chiffre à 4 milliards de dollars le coût.", "fr", [None]),
        ("Founded in 2018, Crusoe has raised $3.9 billion.", "en", [None]),
        # not a creation to come, nor a founding that dates its own money
        ("Le site sera créé en 2027 pour 500 millions d'euros.", "fr", ["2027-12-31"]),
        ("Kyutai, a Paris research lab founded in 2023 with 300 million euros from him, hires.", "en", ["2023-12-31"]),
    ],
)
def test_a_founding_year_dates_no_figure(text, lang, expected):
    """Tuned articles: "Fondée en 2006 ..., TerraPower chiffre à 4 milliards" was dated 2006."""
    claims = extract(text, dt.date(2025, 10, 8), lang)["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "L'agence a démenti une information selon laquelle la facture aurait dépassé 1 milliard de dollars.",
            [(1e9, ">")],
        ),
        ("Selon le Wall Street Journal, le contrat dépasse les 100 milliards de dollars.", [(1e11, ">")]),
        ("Il avait chiffré l'ensemble du chantier à 65 milliards de dollars au plus.", [(6.5e10, "<=")]),
        ("Le pays autorise des raccordements de 20 mégawatts (MW) ou plus.", [(20, ">=")]),
        ("Il prépare un campus pouvant atteindre à terme 220 mégawatts.", [(220, ">=")]),
        ("Kadri Hamzat a dit que plus que $1 milliard avait coulé dans des centres de données.", [(1e9, ">")]),
        ("La seconde tranche sera payée par les consommateurs, à partir de 25 mégawatts.", [(25, ">=")]),
        ("La construction prendra pas plus que 16 mois, Sáenz a dit.", [(16, "<=")]),
        # "ne ... plus que" is "only"
        ("Fugaku n'occupe plus que la septième place du classement.", [(7, "=")]),
    ],
)
def test_french_bounds_after_a_verb_or_the_figure(text, expected):
    """French comparators the tuned articles missed: "aurait dépassé", "dépasse les", "au plus" and "ou plus" after
    the figure, "pouvant atteindre à terme", "plus que", "à partir de", "pas plus que"."""
    claims = extract(text, dt.date(2025, 6, 1), "fr")["claims"]
    assert [(c["quantity"], c["comparator"]) for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Switch wolle Oklo mehr als eine Milliarde Dollar vorab zahlen.", "de", [(1e9, ">")]),
        ("Anthropic will bis zu einer Million TPUs nutzen.", "de", [(1e6, "<=")]),
        ("Die Gesamtinvestitionen dürften 50 Milliarden Dollar übersteigen.", "de", [(5e10, ">")]),
        ("Amazon plant so viel wie $150 Milliarden.", "de", [(1.5e11, "<=")]),
        ("Google will spend up to a billion dollars.", "en", [(1e9, "<=")]),
        # not an article before a figure in digits
        ("Tesla signed under a $16.5 billion contract with Samsung.", "en", [(1.65e10, "=")]),
    ],
)
def test_bounds_before_one_written_as_a_word(text, lang, expected):
    """German comparators the tuned articles missed: "mehr als eine Milliarde", "bis zu einer Million", a verb of
    exceeding after the figure, "so viel wie"."""
    claims = extract(text, dt.date(2025, 6, 1), lang)["claims"]
    assert [(c["quantity"], c["comparator"]) for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("An Entergy spokeswoman said spending would top $6 billion.", [(6e9, ">")]),
        ("Requests have passed 200 gigawatts, ERCOT has said.", [(200000, ">")]),
        ("Oracle's debt has climbed past $100 billion.", [(1e11, ">")]),
        ("The site is designed to grow beyond 1 gigawatt.", [(1000, ">")]),
        ("Loads larger than 20 megawatts will pay more.", [(20, ">")]),
        ("The payments would be capped at $1 billion.", [(1e9, "<=")]),
        # "the past 12 months" is a span, not a bound
        ("Over the past 12 months the company has signed 500 MW.", [(12, "="), (500, "about")]),
    ],
)
def test_english_bounds_by_a_verb(text, expected):
    """English comparators the tuned articles missed: "would top", "has passed", "climbed past", "grow beyond",
    "larger than", "capped at"."""
    claims = extract(text, dt.date(2025, 6, 1), "en")["claims"]
    assert [(c["quantity"], c["comparator"]) for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Jede halbe Million TPUs könnte Google 2027 rund 13 Milliarden Dollar Umsatz bringen.",
            ["2027-12-31", "2027-12-31"],
        ),
        ("Fluidstack will einen Supercomputer bauen, der 2028 mehr als ein Gigawatt erreichen soll.", ["2028-12-31"]),
        ("Die ersten 200 Megawatt sollen 2026 in Betrieb gehen, hieß es bei G42.", ["2026-12-31"]),
        # a four-digit figure is no year
        ("Das Kraftwerk hat 2000 Megawatt.", [None]),
    ],
)
def test_german_bare_years_before_a_hedge_or_after_a_modal(text, expected):
    """German years without a preposition mid-sentence, before "rund", "mehr als", "mit", a number, or after "soll"."""
    claims = extract(text, dt.date(2025, 9, 4), "de")["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a verb of expectation looks ahead to the quarter it names
        (
            "Intel expects revenue of about $12.2 billion in the first quarter, the chipmaker said on Thursday.",
            "2026-01-23",
            ["2026-03-31"],
        ),
        ("For the current quarter, TSMC forecast revenue of up to $35.8 billion.", "2026-01-15", ["2026-03-31"]),
        (
            "Oracle had committed to $248 billion of leases as of Nov. 30, its report shows.",
            "2025-12-18",
            ["2025-11-30"],
        ),
        ("OpenAI would end the year with about 2 gigawatts.", "2025-10-14", ["2025-12-31"]),
        (
            "CoreWeave ended the year with more than 850 megawatts of active power, it said.",
            "2026-05-19",
            ["2025-12-31"],
        ),
        (
            "CoreWeave ended the third quarter with 590 megawatts of active power, the company said.",
            "2025-11-11",
            ["2025-09-30"],
        ),
        # "last June" stays the time of the statement
        ("SoftBank said last June the site would open with 150 megawatts.", "2025-03-01", [None]),
    ],
)
def test_english_quarters_and_years_a_figure_ends(text, published, expected):
    """English deadlines the tuned articles missed: "expects ... in the first quarter, ... said", "the current
    quarter", "as of Nov. 30", "end the year with", "ended the third quarter with"."""
    claims = extract(text, dt.date.fromisoformat(published), "en")["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("L'italien Eni avait pour sa part promis en septembre plus d'un milliard de dollars à CFS.", ["Eni"]),
        ("AMD s'est pour sa part engagé dans un partenariat pouvant aller jusqu'à 10 milliards de dollars.", ["AMD"]),
    ],
)
def test_french_cues_with_pour_sa_part(text, expected):
    """ "avait pour sa part promis", "s'est pour sa part engagé": the tuned articles left these to the article."""
    claims = extract(text, dt.date(2025, 10, 1), "fr")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # an acronym given after a name that a preposition and its article open the sentence with
        (
            "Selon la Tunisia Investment Authority (TIA), la puissance moyenne est passée de 50 MW à 450 MW.",
            "fr",
            ["Tunisia Investment Authority"] * 2,
        ),
        # a Slovak name ("ľ")
        (
            "Le ministre de l'Investissement, Samuel Migaľ, avait indiqué que 19,5 millions d'euros ont été investis.",
            "fr",
            ["Samuel Migaľ"],
        ),
        # two offices joined by "et" before the company, then the person set off
        (
            "La centrale fera 60 MW, selon le cofondateur et directeur général de SoleCrypt, Amir Ben-Gacem.",
            "fr",
            ["Amir Ben-Gacem"],
        ),
        # a rector of a university with a name of four words, after an outlet spoken to
        (
            "Au moins 50 millions d'euros : c'est le coût de l'usine, a indiqué au site TechRider le recteur de "
            "l'Université Politehnica de Bucarest, Mihnea Costoiu.",
            "fr",
            ["Mihnea Costoiu"],
        ),
        # a university that spoke is not "the grid operator" that speaks later
        (
            "Grids could absorb nearly 100 gigawatts, researchers at Duke University said. Customers cut nearly 10,000 "
            "megawatts of load in the territory of PJM Interconnection, according to a report by the grid operator.",
            "en",
            ["Duke University", "PJM"],
        ),
    ],
)
def test_speakers_of_the_forty_ninth_batch(text, lang, expected):
    """*-666..681: "Selon la Tunisia Investment Authority (TIA)" named with "Selon la", "Migaľ" cut, offices joined
    by "et" and rectors left to the company, a university typed a person or taken for "the grid operator"."""
    claims = extract(text, dt.date(2025, 6, 1), lang)["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            "Il sera alimenté par une centrale solaire de 60 MW en construction dans le désert de Tozeur, qui doit "
            "entrer en service en 2027.",
            "fr",
            ["2027-12-31"],
        ),
        (
            "Microsoft hat mit Repsol Verträge über 230 Megawatt aus Wind- und Solaranlagen geschlossen, die bis "
            "Dezember 2025 in Betrieb gehen sollen.",
            "de",
            ["2025-12-31"],
        ),
        # not money (what the thing costs), nor a clause about the thing's first parts, nor a clause further off
        (
            "eStruxture baut ein Rechenzentrum für 480 Mio. Euro, das im kommenden Jahr ans Netz gehen soll.",
            "de",
            [None],
        ),
        (
            "Humain will einen KI-Rechencluster mit einer Leistung von zwei Gigawatt errichten, dessen erste Teile im "
            "ersten Quartal 2026 ans Netz gehen sollen.",
            "de",
            [None],
        ),
        (
            "The 90 MW campus near Calgary, built by eStruxture, is one of three, which are due to come online in 2027",
            "en",
            [None],
        ),
    ],
)
def test_a_relative_clause_says_when_the_figures_thing_comes_online(text, lang, expected):
    """ "une centrale de 60 MW ..., qui doit entrer en service en 2027": the relative clause right after the figure's
    phrase dates the figure (a relative clause's deadline was its own only)."""
    claims = extract(text, dt.date(2026, 2, 4), lang)["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # "selon" after a semicolon sources its own clause only
        (
            "Quelque 3 200 MW sont en chantier, pour près de 3 milliards de dollars ; l'objectif est de 15 000 MW, "
            "selon le Green Energy Cluster.",
            "fr",
            ["the article", "the article", "Green Energy Cluster"],
        ),
        (
            "Some 3,200 MW are being built; the goal is 15,000 MW, according to the Green Energy Cluster.",
            "en",
            ["the article", "Green Energy Cluster"],
        ),
    ],
)
def test_a_source_after_a_semicolon_sources_its_clause(text, lang, expected):
    """ "...; l'objectif est de 15 000 MW, selon le GEC'A": the clause before the semicolon is the article's (an
    inverted verb after one still covers the sentence: "hatte Nvidia damals mitgeteilt", tested above)."""
    claims = extract(text, dt.date(2025, 6, 1), lang)["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Le gouvernement vise quelque 200 MW de centres de données à l'horizon 2030.", "fr", ["2030-12-31"]),
        # each figure of "from ... in 2022 to ... in 2025" takes its own year
        (
            "La puissance moyenne est passée de 50 MW en 2022 à 450 MW en 2025.",
            "fr",
            ["2022-12-31", "2025-12-31"],
        ),
        (
            "Fingrid erwartet, dass der Bedarf von 500 MW im Jahr 2024 auf 1500 MW im Jahr 2030 steigt.",
            "de",
            ["2024-12-31", "2030-12-31"],
        ),
    ],
)
def test_french_horizons_and_the_year_of_each_figure_of_a_rise(text, lang, expected):
    """ "à l'horizon 2030" was no deadline; "de 50 MW en 2022 à 450 MW en 2025" gave 2022 to both figures."""
    claims = extract(text, dt.date(2026, 1, 10), lang)["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a company described by its place's superlative, after the verb
        (
            "Walmart has modernised its data centres with 5,000 Nvidia chips, the world's biggest retailer said in a "
            "blog post on Tuesday. Walmart said it spent $26.7 billion.",
            ["Walmart", "Walmart", "Walmart"],
        ),
        (
            "Amazon has signed a three-year partnership with the French start-up Mistral AI, America's biggest online "
            "retailer said.",
            ["Amazon", "Amazon"],
        ),
        # an adverb before an apposition is no name
        (
            "Worldwide, the average project has grown from 50 MW in 2022 to 450 MW in 2025, according to the Tunisia "
            "Investment Authority (TIA).",
            ["Tunisia Investment Authority"] * 2,
        ),
    ],
)
def test_english_speakers_of_the_forty_ninth_batch(text, expected):
    """*-666..681: "the world's biggest retailer said", "Britain's biggest supermarket group said" were left to the
    article; "Worldwide, the average project ..., according to" read "Worldwide" as a name."""
    claims = extract(text, dt.date(2025, 6, 1), "en")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a calqued title before the name
        (
            "Amazon allein erwartet zu investieren ungefähr $200 Milliarden dieses Jahr, Hauptgeschäftsführer Andy "
            "Jassy sagte letzten Monat.",
            ["Andy Jassy"],
        ),
        # reported speech that goes on in the subjunctive; not after the article's own sentence, nor in the indicative
        (
            "Algerien verbraucht 20.000 Megawatt, sagte Energieminister Khalil Hedna. Die installierte Leistung liege "
            "inzwischen bei rund 27.000 Megawatt.",
            ["Khalil Hedna", "Khalil Hedna"],
        ),
        (
            "Algerien verbraucht 20.000 Megawatt, sagte Energieminister Khalil Hedna. Die installierte Leistung liegt "
            "inzwischen bei rund 27.000 Megawatt.",
            ["Khalil Hedna", "the article"],
        ),
        (
            "Algerien verbraucht 20.000 Megawatt. Die installierte Leistung liege bei rund 27.000 Megawatt.",
            ["the article", "the article"],
        ),
        # a sovereign fund named by what it is
        (
            "Der Staatsfonds Druk Holding baut ein Rechenzentrum. Nach Angaben des Staatsfonds verfügt das Königreich "
            "über 3490 Megawatt; weitere 2081 Megawatt sind im Bau.",
            ["Druk Holding", "Druk Holding"],
        ),
        # "wie" and a person's name the list lacks, an office set off or a title before it
        (
            "Die Firma will rund 100 Millionen Euro investieren, wie Kaimar Karu, Minister für Außenhandel und "
            "Informationstechnologie, beim Spatenstich sagte.",
            ["Kaimar Karu"],
        ),
        ("Der Bau soll 3 Milliarden Dollar kosten, wie Gouverneur Tate Reeves am Montag sagte.", ["Tate Reeves"]),
    ],
)
def test_german_speakers_of_the_forty_ninth_batch(text, expected):
    """*-666..681: "Hauptgeschäftsführer Andy Jassy" kept its title; "Die installierte Leistung liege ..." after a
    speaker's sentence, "Nach Angaben des Staatsfonds" and "wie Kaimar Karu, Minister für ..., sagte" were the
    article's."""
    claims = extract(text, dt.date(2025, 6, 1), "de")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a cleft sentence whose relative clause names the subject of "a-t-elle annoncé"
        (
            "Cinq cents millions de dollars : c'est la somme qu'a levée la start-up californienne Ayar Labs, qui veut "
            "remplacer le cuivre par la lumière, a-t-elle annoncé mardi.",
            ["Ayar Labs"],
        ),
        (
            "Trois ans au plus : c'est la période pendant laquelle le gestionnaire du réseau finlandais, Fingrid, "
            "limitera les raccordements de 100 MW, a-t-il annoncé mardi.",
            ["Fingrid", "Fingrid"],
        ),
        # a superlative the subject of "présente comme" claims; the figures before its relative clause stay the
        # article's
        (
            "Nvidia a inauguré mercredi Cambridge-1, un supercalculateur de 100 millions de dollars, que le groupe "
            "américain présente comme le plus puissant du Royaume-Uni.",
            ["the article", "Nvidia"],
        ),
        (
            "Rachad Nabiev a parlé. L'opérateur public AzInTelecom construit pour sa part deux centres de données, "
            "qu'il présente comme les plus grands du pays.",
            ["AzInTelecom"],
        ),
    ],
)
def test_french_clefts_and_superlatives_presented_as(text, expected):
    """*-666..681 and the tuned articles: "c'est la somme qu'a levée la start-up X, ..., a-t-elle annoncé" and "que le
    groupe américain présente comme le plus puissant" were left to the article."""
    claims = extract(text, dt.date(2025, 6, 1), "fr")["claims"]
    assert [c["speaker"] for c in claims] == expected


_HEDNA = "Algerien verbraucht 20.000 Megawatt, sagte Energieminister Khalil Hedna. "


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # the subjunctive goes on only in a sentence with no source of its own, and not "liegen", "sei denn", "sei es"
        (_HEDNA + "Die Kosten liegen bei rund 2 Milliarden Euro.", "de", ["Khalil Hedna", "the article"]),
        (_HEDNA + "Es sei denn, die Kosten steigen auf 2 Milliarden Euro.", "de", ["Khalil Hedna", "the article"]),
        (
            _HEDNA + "Der Bedarf wächst, sei es aus der Industrie oder mit 2 Gigawatt aus Rechenzentren.",
            "de",
            ["Khalil Hedna", "the article"],
        ),
        (_HEDNA + "Kritiker meinen dagegen, der Bedarf liege bei 5 Gigawatt.", "de", ["Khalil Hedna", "the article"]),
        # "alors que" is no relative clause; "présente comme" without a superlative is no cue
        (
            "Alors que la demande atteint 10 GW, EDF présente comme prioritaire le raccordement des centres.",
            "fr",
            ["the article"],
        ),
        # the first sentence of a text, before "qu'il présente comme"
        ("Amazon construit deux centres de données, qu'il présente comme les plus grands du pays.", "fr", ["Amazon"]),
        # a complement after the verb of a cleft is not its subject
        (
            "Un milliard d'euros : c'est le montant qu'a reçu de Microsoft la start-up Mistral AI, a-t-elle annoncé.",
            "fr",
            ["Mistral AI"],
        ),
        # a title before the person after "wie"
        ("Der Bau soll 3 Milliarden Euro kosten, wie Bundeskanzler Friedrich Merz sagte.", "de", ["Friedrich Merz"]),
    ],
)
def test_the_reviews_cases_of_the_forty_ninth_rounds_speakers(text, lang, expected):
    """A review of 505e8ad..c54aed0 (against the code before it) found these sentences read wrong by the new rules."""
    claims = extract(text, dt.date(2025, 6, 1), lang)["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a target year before "to"/"auf"/"à" is the target's: no figure after "from" stands before it
        ("The operator plans to grow by 2030 to 5 GW, from 2 GW in 2024.", "en", ["2030-12-31", "2024-12-31"]),
        ("Sie will bis 2030 auf 5 GW wachsen, nach 2 GW im Jahr 2024.", "de", ["2030-12-31", "2024-12-31"]),
        ("Le site passera d'ici 2030 à 5 GW, contre 2 GW en 2024.", "fr", ["2030-12-31", "2024-12-31"]),
        ("The campus will open in 2027 to 300 MW of demand, after a first phase in 2025.", "en", ["2027-12-31"]),
        # and the earlier figure's year after a hedge ("d'environ", "from no more than")
        (
            "Son chiffre est passé d'environ 100 millions de dollars en 2017 à quelque 400 millions en 2025.",
            "fr",
            ["2017-12-31", "2025-12-31"],
        ),
    ],
)
def test_the_reviews_cases_of_the_forty_ninth_rounds_years(text, lang, expected):
    """The same review: "from ... in 2022 to ... in 2025" took any year before "to" and any two words after it."""
    claims = extract(text, dt.date(2025, 6, 1), lang)["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Roche has built an AI factory with Nvidia, installing 2,176 Blackwell graphics processors in its data "
            "centres, the Swiss drugmaker said on Monday. Roche has 100,000 staff.",
            ["Roche"],
        ),
        (
            "CMA CGM has invested 500 million euros in AI through partnerships with Google, the world's third-largest "
            "container carrier said.",
            ["CMA CGM", "CMA CGM"],
        ),
    ],
)
def test_drugmakers_and_carriers_described(text, expected):
    """*-01..681: "the Swiss drugmaker said" was no description; "the world's third-largest container carrier" had a
    superlative the description did not take."""
    claims = extract(text, dt.date(2025, 6, 1), "en")["claims"]
    assert [c["speaker"] for c in claims] == expected


def test_german_subjunctive_goes_on_into_a_paragraph_after_reported_speech():
    """de-655: "..., solle eine Mining-Farm ... entstehen, ..., sagte Präsident Sadyr Dschaparow." then, in a new
    paragraph, "Das Kraftwerk könne 120 Megawatt erzeugen": his; not after a sentence in the indicative."""
    said = "Eine Mining-Farm solle bis zu 30 Megawatt haben, sagte Präsident Sadyr Dschaparow.\n"
    claims = extract(said + "Das Kraftwerk könne 120 Megawatt erzeugen.", dt.date(2025, 6, 1), "de")["claims"]
    assert [c["speaker"] for c in claims] == ["Sadyr Dschaparow", "Sadyr Dschaparow"]
    plain = "Eine Mining-Farm hat bis zu 30 Megawatt, sagte Präsident Sadyr Dschaparow.\n"
    claims = extract(plain + "Das Kraftwerk könne 120 Megawatt erzeugen.", dt.date(2025, 6, 1), "de")["claims"]
    assert [c["speaker"] for c in claims] == ["Sadyr Dschaparow", "the article"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Les centres de données en orbite seront un $1,77 milliard marché par 2029 et pourraient atteindre $39,09 "
            "milliards par 2035.",
            ["2029-12-31", "2035-12-31"],
        ),
        ("Le hongrois 4iG compléterait un engagement de $100 millions par le 31 mars.", ["2026-03-31"]),
    ],
)
def test_a_french_machine_translations_par_for_by(text, expected):
    """fr-649: "par 2029", "par le 31 mars" (a calque of "by") were no deadlines."""
    claims = extract(text, dt.date(2026, 2, 13), "fr")["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a time that opens the sentence before a one-word subject, with no comma
        ("In October Stellantis said it would invest $13 billion in the United States.", "en", ["Stellantis"]),
        ("Last year Stellantis said it would invest $13 billion.", "en", ["Stellantis"]),
        ("En octobre Stellantis a annoncé un investissement de 13 milliards de dollars.", "fr", ["Stellantis"]),
        # "du PIB" is no name
        (
            "La dette publique du Laos atteignait 13,8 milliards de dollars fin 2023, soit 108 % du PIB, selon la "
            "Banque mondiale.",
            "fr",
            ["World Bank"],
        ),
        # "the oil major", "le laboratoire": the company the article named before
        (
            "Exxon said on Monday it was in talks with NextEra. The oil major said a year ago that it was "
            "designing a plant of more than 1.5 gigawatts.",
            "en",
            ["Exxon"],
        ),
        # the subject of a relative clause, named again later, is the company "le laboratoire" stands for
        (
            "Trois cents millions d'euros : c'est la somme que Sanofi consacrera à de nouveaux équipements, a annoncé "
            "lundi le laboratoire, lors du sommet Choose France. Sanofi emploie 20 000 personnes en France.",
            "fr",
            ["Sanofi"],
        ),
    ],
)
def test_speakers_of_the_fiftieth_batch(text, lang, expected):
    """*-682..697: "In October Stellantis said" (a time before the subject), "soit 108 % du PIB, selon la Banque
    mondiale" (PIB taken for a name), "the oil major", and "le laboratoire" for a company named only inside a cleft."""
    claims = extract(text, dt.date(2025, 6, 1), lang)["claims"]
    assert [c["speaker"] for c in claims] == expected


def test_its_own_document_is_not_the_analysts_firm_that_spoke_last():
    """fr-70: "selon le cabinet spécialisé Renaissance Capital" then "selon son prospectus": the prospectus is the
    company's the article is about, not the analysts' firm's."""
    text = (
        "Cerebras Systems a levé 5,55 milliards de dollars, a annoncé jeudi le groupe.\n"
        "Il s'agit de la plus importante introduction de l'année, selon le cabinet spécialisé Renaissance Capital.\n"
        "Son chiffre d'affaires a atteint 510 millions de dollars, selon son prospectus."
    )
    claims = extract(text, dt.date(2025, 6, 1), "fr")["claims"]
    assert [c["speaker"] for c in claims] == ["Cerebras Systems", "Renaissance Capital", "Cerebras Systems"]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a quarter before its noun dates the figure, next to "reported"; a document's quarter dates the saying
        ("On Wednesday Corning reported record fourth-quarter sales of $4.41 billion.", "en", ["2025-12-31"]),
        (
            "Tesla will invest about $2 billion in xAI, the carmaker disclosed in its fourth-quarter letter to "
            "shareholders.",
            "en",
            [None],
        ),
    ],
)
def test_a_quarter_before_its_noun_dates_the_figure(text, lang, expected):
    """en-362: "reported record fourth-quarter sales of $4.41 billion" lost its quarter as the time of the report."""
    claims = extract(text, dt.date(2026, 1, 28), lang)["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "prochaines" (feminine) as "prochains"
        ("Stellantis investira 13 milliards de dollars sur les quatre prochaines années.", [1.3e10, 48]),
        # an age is no span: "son histoire de 100 ans"
        ("C'est le plus grand investissement dans son histoire de 100 ans, 13 milliards de dollars.", [1, 1.3e10]),
    ],
)
def test_french_spans_of_the_coming_years_and_no_age(text, expected):
    """fr-687: "sur les quatre prochaines années" was missed and "son histoire de 100 ans" read as 1,200 months."""
    claims = extract(text, dt.date(2026, 4, 17), "fr")["claims"]
    assert [c["quantity"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Administrator" is a title
        ("FAA Administrator Bryan Bedford told lawmakers Trump had won a $200 million discount.", ["Bryan Bedford"]),
        # a body whose name joins two parts with "and"
        (
            "Wuhu is one of ten clusters, which the National Development and Reform Commission expects to lift "
            "investment by about 400 billion yuan (about $56 billion) a year.",
            ["National Development and Reform Commission"],
        ),
        # "the agency": a body named by capitalised words before "Administration", earlier in its sentence
        (
            "The Federal Aviation Administration's contract with Peraton is worth $1.5 billion, the agency said on "
            "Tuesday.",
            ["Federal Aviation Administration"],
        ),
        # "the rating agency": the last rating agency named, not the companies of the sentence
        (
            "Moody's published its outlook on Monday. Six US companies – Microsoft, Amazon and Meta – are on course "
            "to spend about $500 billion this year, the rating agency estimated.",
            ["Moody's"],
        ),
        # "has said he will": the "he" opens what was said; the speaker is the sentence's subject
        (
            "Bryan Bedford said the plan was on track. Transportation Secretary Sean Duffy has said he will need as "
            "much as $20 billion more.",
            ["Sean Duffy"],
        ),
    ],
)
def test_english_speakers_of_the_fifty_first_batch(text, expected):
    """*-698..713: "FAA Administrator Bryan Bedford", "the National Development and Reform Commission" cut at "and",
    "the agency" and "the rating agency" left to the article, and "has said he" taking "he" for the speaker."""
    claims = extract(text, dt.date(2025, 6, 1), "en")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "la plateforme" after the verb stands for the company named in the cleft; "table désormais sur" is a cue
        (
            "Quatre cent soixante-huit millions de dollars : c'est ce que Roblox prévoit d'investir cette année, a "
            "annoncé jeudi la plateforme de jeux en ligne. Le groupe californien table désormais sur des réservations "
            "d'au plus 6,62 milliards de dollars. Roblox compte 80 millions d'utilisateurs.",
            ["Roblox", "Roblox"],
        ),
        # ... not "la plateforme" as a subject after "selon qui"
        (
            "Avec DigitalBridge, SoftBank s'offre un accès aux assureurs, a expliqué Kirk Boodry, analyste chez Astris "
            "Advisory, selon qui la plateforme pourrait lever 20 milliards de dollars.",
            ["Kirk Boodry"],
        ),
        # "prévient" after a quotation
        (
            "« Les projets valent jusqu'à 30 milliards de dollars par site », prévient Charles-Marie Delpuech, "
            "analyste crédit chez S&P.",
            ["Charles-Marie Delpuech"],
        ),
        # "Selon ses comptes, la Cleveland Clinic a essuyé": the subject after the source owns it, not the company
        # that spoke before; not "Selon son concurrent Cushman & Wakefield, la Virginie"
        (
            "IBM a livré la machine, a dit IBM. Selon ses comptes, la Cleveland Clinic a essuyé en 2022 une perte "
            "nette de 1,25 milliard de dollars.",
            ["Cleveland Clinic"],
        ),
    ],
)
def test_french_speakers_of_the_fifty_first_batch(text, expected):
    """*-698..713: "a annoncé jeudi la plateforme de jeux en ligne", "Le groupe californien table désormais sur",
    "prévient Charles-Marie Delpuech" and "Selon ses comptes, la Cleveland Clinic" were the article's or IBM's."""
    claims = extract(text, dt.date(2025, 6, 1), "fr")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Es berichtete" (a machine translation's "It reported"): a pronoun for the company, not a name
        (
            "Roblox erhöhte seine Prognose auf $468 Millionen, teilte Roblox mit.\nEs berichtete Umsatz von $1,36 "
            "Milliarden für die drei Monate bis Sept. 30.\nEs sagte im September letzten Jahres, dass es benutzte mehr "
            "als 1,000 GPUs über zwei Rechenzentren.",
            # (no span of "die drei Monate bis Sept. 30": a reporting period, test_periods_to_a_month_...)
            ["Roblox", "Roblox", "Roblox"],
        ),
        # "der weltgrößte Lagerhausbesitzer": the company
        (
            "Prologis baut weiter, sagte Prologis. Allein im dritten Quartal kamen 1,5 Gigawatt hinzu, wie der "
            "weltgrößte Lagerhausbesitzer am Mittwoch mitteilte.",
            ["Prologis"],
        ),
    ],
)
def test_german_speakers_of_the_fifty_first_batch(text, expected):
    """*-698..713: "Es berichtete" gave the speaker "Es"; "wie der weltgrößte Lagerhausbesitzer mitteilte" the
    article."""
    claims = extract(text, dt.date(2025, 11, 1), "de")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a reporting period named by its month alone: no span, and the month's end dates the figure
        (
            "Microsoft spent a record $37.5 billion in the three months to December, according to its results.",
            "en",
            [(1, "rank", None), (3.75e10, "USD", "2025-12-31")],
        ),
        (
            "AMD reported record revenue of $9.25 billion for the three months to September.",
            "en",
            [(1, "rank", None), (9.25e9, "USD", "2025-09-30")],
        ),
        # ... not "three months to decide" ("dec" of "decide" is no December)
        ("Energinet said it would need three months to decide how to proceed.", "en", [(3, "months", None)]),
        # a year before "mit" and a count: the count is the chips', the year dates it
        (
            "Der Vorgänger HPC5 war im Februar 2020 mit 7280 Nvidia-Chips in Betrieb gegangen.",
            "de",
            [(7280, "count", "2020-02-29")],
        ),
    ],
)
def test_periods_to_a_month_and_counts_after_a_year(text, lang, expected):
    """*-682..713: "in the three months to December" read as a three-month span (and dated from the publication), "im
    Februar 2020 mit 7280 Nvidia-Chips" as 2020 chips."""
    claims = extract(text, dt.date(2026, 1, 29), lang)["claims"]
    got = [(c["quantity"], c["unit"], c["deadline"]["date"] if c["deadline"] else None) for c in claims]
    assert got == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # "for the full year", "sur l'ensemble de l'année", "für das volle Jahr": the publication's year
        ("The company now expects bookings of as much as $6.62 billion for the full year.", "en", ["2025-12-31"]),
        ("Le groupe table sur au plus 6,62 milliards de dollars sur l'ensemble de l'année.", "fr", ["2025-12-31"]),
        ("Die Firma erwartet Buchungen von so viel wie $6,62 Milliarden für das volle Jahr.", "de", ["2025-12-31"]),
        # "Earlier this year" dates the saying, not the figure; "later this year" dates the figure
        ("Earlier this year Letter put the pipeline at 10 GW.", "en", [None]),
        ("Prologis will add 10 GW later this year.", "en", ["2025-12-31"]),
    ],
)
def test_the_full_year_and_earlier_this_year(text, lang, expected):
    """*-698..713: "for the full year" was no deadline; "Earlier this year Letter put ... at 10 GW" dated the 10 GW to
    the end of the year."""
    claims = extract(text, dt.date(2025, 10, 31), lang)["claims"]
    assert [c["deadline"]["date"] if c["deadline"] else None for c in claims] == expected


def test_the_lender_is_the_development_bank_its_sentence_names():
    """en-715: "paid for with a $30 million World Bank loan, the lender has said" went to the ministry that spoke
    before; "said it" after a relative clause is no inverted pronoun in English (the review's guard)."""
    text = (
        "Togo's energy ministry said the plant was ready. It cost about $23.7 million, paid for with a $30 million "
        "World Bank loan, the lender has said."
    )
    claims = extract(text, dt.date(2025, 6, 1), "en")["claims"]
    assert [c["speaker"] for c in claims] == ["World Bank", "World Bank"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "a déploré" is a cue
        (
            "« Certains centres ont dû suspendre leur service », a déploré Sigríður Mogensen, rappelant que le secteur "
            "rapporte au moins 20 milliards de couronnes (quelque 136 millions d'euros) par an.",
            ["Sigríður Mogensen"],
        ),
        # "table, lui, sur": a cue whose "lui" is no pronoun subject
        (
            "L'Équateur se prive de 450 MW d'importations, a prévenu Alejandro Castañeda. Le ministère de l'Énergie "
            "table, lui, sur un déficit d'environ 866 MW cette année.",
            ["Alejandro Castañeda", "Ministry of Environment and Energy"],
        ),
        # "il y a" after the verb is "ago", no pronoun subject
        (
            "« Ce vote était prématuré », a déclaré Jamie Knowles. AWS avait promis il y a un an d'investir 10 "
            "milliards de dollars dans l'Ohio. AWS emploie 2 000 personnes dans l'État.",
            ["Amazon Web Services"],
        ),
    ],
)
def test_french_cues_of_the_fifty_second_batch(text, expected):
    """*-714..729: "a déploré", "Le ministère table, lui, sur" and "AWS avait promis il y a un an" (its "il" read as
    the subject, so the person who spoke last)."""
    claims = extract(text, dt.date(2025, 6, 1), "fr")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "der Energieingenieur Juan Carlos Rodríguez von der Beobachtungsstelle ...": an engineer is a person, and
        # "von der Beobachtungsstelle" no part of his name
        (
            "Eine Farm habe rund ein Megawatt verbraucht, sagte der Energieingenieur Juan Carlos Rodríguez von der "
            "Beobachtungsstelle für öffentliche Dienste OVSP dem Sender Unión Radio.",
            ["Juan Carlos Rodríguez"],
        ),
        # "Verbandsvertreterin" is a title; "von der Leyen" keeps its particle
        (
            "Die Branche bringe 154 Millionen Dollar ein, sagte Verbandsvertreterin Sigríður Mogensen dem Sender RÚV.",
            ["Sigríður Mogensen"],
        ),
        ("Das Projekt koste 5 Mrd. Euro, sagte Kommissionspräsidentin Ursula von der Leyen.", ["Ursula von der Leyen"]),
    ],
)
def test_german_people_of_the_fifty_second_batch(text, expected):
    """*-714..729: an engineer and a federation's representative were no titles, so their words went to the
    article."""
    claims = extract(text, dt.date(2025, 6, 1), "de")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an organisation told by the last word of its name, named before
        (
            "Gyeonggi Province and KEPCO agreed on Thursday to bury the lines. The deal frees an extra 3 GW for the "
            "third fab, the province said.",
            ["Gyeonggi Province"],
        ),
        (
            "The SKA Observatory approved the telescopes. They will cost €2 billion, according to the observatory.",
            ["SKA Observatory"],
        ),
        ("The Cleveland Clinic opened it. It lost $1.25 billion in 2022, the clinic said.", ["Cleveland Clinic"]),
        # none named with that word: no speaker from it
        ("The telescopes were approved. They will cost €2 billion, according to the observatory.", ["the article"]),
        # a one-word subject with a capital beyond A-Z
        ("Ørsted said it would sell 920 MW to TSMC.", ["Ørsted"]),
    ],
)
def test_organisations_named_by_the_head_of_their_name(text, expected):
    """*-714..729 and the tuned articles: "the province said", "according to the observatory", "the clinic said" were
    the article's; "Ørsted said" too (its capital is not in A-Z)."""
    claims = extract(text, dt.date(2025, 6, 1), "en")["claims"]
    assert [c["speaker"] for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an acronym the article also spells out, without brackets: the full name
        (
            "The Federal Aviation Administration's contract was signed. A $420 million contract was made public by the "
            "FAA on Tuesday, the FAA said.",
            ["Federal Aviation Administration"],
        ),
        # not the end of a longer run of capitalised words ("Ho Chi Minh City" is not "CMC")
        ("Samsung will build in Ho Chi Minh City with CMC. CMC said it would invest $500 million.", ["CMC"]),
    ],
)
def test_an_acronym_spelled_out_in_the_article_names_its_body(text, expected):
    """*-698..713 and en-175: "the presentation the FAA made public" after "The Federal Aviation Administration's
    contract" (the gold names a body in full); "APS" after "Arizona Public Service"."""
    claims = extract(text, dt.date(2026, 2, 11), "en")["claims"]
    assert [c["speaker"] for c in claims] == expected


def test_the_two_companies_are_led_by_a_hyphenated_opener():
    """en-720: "Coca-Cola has committed $1.1 billion to Microsoft's cloud ..., the two companies said": the first of
    the two is the hyphenated name that opens the sentence (and recurs), not Microsoft."""
    text = (
        "Coca-Cola has committed $1.1 billion to Microsoft's cloud under a partnership, the two companies said on "
        "Tuesday. Coca-Cola sells drinks in 200 countries."
    )
    claims = extract(text, dt.date(2024, 4, 30), "en")["claims"]
    assert [c["speaker"] for c in claims] == ["Coca-Cola"]


def _deadlines(text, lang, date):
    return [
        (c["quantity"], c["deadline"]["date"] if c["deadline"] else None) for c in extract(text, date, lang)["claims"]
    ]


@pytest.mark.parametrize(
    "text, lang, date, expected",
    [
        # a reporting period named by its month dates its own figure, not another one's "next year"
        (
            "Microsoft spent $24 billion in the three months to June and will spend $100 billion next year.",
            "en",
            "2025-07-31",
            [(2.4e10, "2025-06-30"), (1e11, "2026-12-31")],
        ),
        # a quarter before a call or a document dates the saying
        (
            "Intel said on its first-quarter call in April that it would cut spending to $18 billion.",
            "en",
            "2025-06-01",
            [(1.8e10, None)],
        ),
        # "for the full year" with its own year, or "dernière", or "to March"
        (
            "For the full year 2024, revenue was $10 billion, the company said.",
            "en",
            "2025-06-01",
            [(1e10, "2024-12-31")],
        ),
        (
            "Sur l'ensemble de l'année dernière, le groupe a investi 10 milliards d'euros.",
            "fr",
            "2025-06-01",
            [(1e10, "2024-12-31")],
        ),
        ("Revenue for the full year to March was $10 billion.", "en", "2025-06-01", [(1e10, "2025-03-31")]),
        (
            "Für das Gesamtjahr 2024 meldete der Konzern Investitionen von 10 Milliarden Euro.",
            "de",
            "2025-06-01",
            [(1e10, "2024-12-31")],
        ),
        # a delay, a term and "sept ans" are no reporting periods: their spans stay
        ("The regulator delayed the auction by six months to September.", "en", "2025-06-01", [(6, None)]),
        ("The contract runs for five years through December.", "en", "2025-06-01", [(60, None)]),
        # ... but "the driest six months to July" is a period (an adjective may stand between "the" and the number)
        ("The driest six months to July since 1976 cost $1 billion.", "en", "2025-08-12", [(1e9, "2025-07-31")]),
        ("La durée des contrats passera de cinq ans à sept ans.", "fr", "2025-06-01", [(60, None), (84, None)]),
    ],
)
def test_the_reviews_cases_of_the_fifty_third_rounds_dates(text, lang, date, expected):
    """The review of 2175ddc..e8f6aba: the months-to period, the "-quarter" rule, "for the full year" and the reporting
    periods of 7afd30c..cd94fab read these worse than before."""
    assert _deadlines(text, lang, dt.date.fromisoformat(date)) == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # the subject after "According to its filing" is a partner or a product, not the document's owner
        (
            "OpenAI signed the deal, OpenAI said. According to its filing, Oracle will provide 4.5 GW of capacity.",
            "en",
            ["OpenAI"],
        ),
        # "que" in no cleft: not the company for the description
        (
            "Orange a signé un contrat, a dit Orange. Selon ce que Vinci a indiqué, le chantier coûtera 500 millions "
            "d'euros, a ajouté l'opérateur. Vinci n'a pas commenté.",
            "fr",
            ["Orange"],
        ),
        # the bank that opens the sentence, not the development bank it names
        (
            "JPMorgan Chase will lend $2 billion to the project, which the World Bank also backs, the bank said.",
            "en",
            ["JPMorgan Chase"],
        ),
        # "the rating agency": a rating agency by its name's end too
        (
            "Moody's cut the outlook. Japan Credit Rating Agency said the notes totalled $3 billion. The bonds need $2 "
            "billion more, the rating agency said.",
            "en",
            ["Japan Credit Rating Agency", "Japan Credit Rating Agency"],
        ),
        # a landowner is no company
        (
            "Microsoft kauft das Grundstück für 50 Millionen Euro, teilte Microsoft mit. Er erhalte 60 Millionen Euro, "
            "sagte der Grundstückseigentümer.",
            "de",
            ["Microsoft", "the article"],
        ),
        # "Ambassador" opens a company's name; "von der Firma Siemens" is no part of a person's
        ("Ambassador Theatre Group said it would spend $50 million on its venues.", "en", ["Ambassador Theatre Group"]),
        (
            "Die Anlage koste 2 Milliarden Euro, sagte Ingenieur Markus Weber von der Firma Siemens.",
            "de",
            ["Markus Weber"],
        ),
    ],
)
def test_the_reviews_cases_of_the_fifty_third_rounds_speakers(text, lang, expected):
    """The review of 2175ddc..e8f6aba: speakers the new rules read worse than the old (each fails on e8f6aba)."""
    assert [c["speaker"] for c in extract(text, dt.date(2025, 6, 1), lang)["claims"]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the superlative a relative clause gives its subject; the figures before it stay the article's
        (
            "Nvidia switched on Cambridge-1 on Wednesday, a $100 million supercomputer for British health researchers "
            "that the US chipmaker calls the most powerful in the country.",
            [(1e8, "the article"), (1, "Nvidia")],
        ),
        # the relative clause ends at its comma: the figure after it is not the caller's
        (
            "HD Hyundai Power Transformers USA, which the company calls the largest power transformer plant in the "
            "United States, opened in 2011 with an initial investment of $55 million.",
            [(1, "the article"), (5.5e7, "the article")],
        ),
        # a relative clause the cue is not inside ("which first reported the plan, called it"): no cut
        (
            "The official Xinhua news agency, which first reported the plan, called it the largest investment ever "
            "made by a private Chinese company.",
            [(1, "Xinhua")],
        ),
    ],
)
def test_what_its_subject_calls_the_most(text, expected):
    """en-669, en-653, en-715: "that the US chipmaker calls the most powerful" left the superlative to the article; the
    cut at the relative pronoun keeps the sentence's other figures out of it."""
    claims = extract(text, dt.date(2025, 6, 1), "en")["claims"]
    assert [(c["quantity"], c["speaker"]) for c in claims] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a name of several words after "The", then an auxiliary: the subject (en-739)
        (
            "The Asian Development Bank has estimated Mongolia's wind and solar potential at about 2,600 gigawatts.",
            "en",
            ["Asian Development Bank"],
        ),
        # whom a subject "told" only listens: never the speaker (en-738: TASS)
        (
            "The government told the state news agency TASS it would spend $80 million on the grid.",
            "en",
            ["the article"],
        ),
        # (a guard: no one named, the outlet's report)
        ("The plant will cost $2 billion, people familiar with the matter told Reuters.", "en", ["Reuters"]),
        ('"We will spend $80 billion," he told Reuters.', "en", ["the article"]),
        ("Microsoft told the news agency Reuters it would spend $80 billion.", "en", ["Microsoft"]),
        # English ", so" is a conjunction, not German ", so Nvidia" (en-745)
        (
            "Casetext had raised about $64 million, according to PitchBook, so Thomson Reuters is paying more.",
            "en",
            ["PitchBook"],
        ),
        ("Der Bedarf soll auf mehr als zehn Gigawatt steigen, so Kepco.", "de", ["Kepco"]),
        # a description of two words before the name opening the sentence (en-735)
        (
            "The market researcher Arizton has forecast that investment will top $120 million by 2027.",
            "en",
            ["Arizton"],
        ),
        # the development banks by their English names in every language (de-739, fr-743)
        ("Die Asiatische Entwicklungsbank schätzt das Potenzial auf 2600 Gigawatt.", "de", ["Asian Development Bank"]),
        (
            "Le réseau dépend de groupes diesel de 17,9 MW, selon la Banque asiatique de développement (BAsD).",
            "fr",
            ["Asian Development Bank"],
        ),
        ("Laut der Europäischen Investitionsbank kostet das Netz 500 Mio. Euro.", "de", ["European Investment Bank"]),
        (
            "Selon la Banque interaméricaine de développement, le câble coûtera 300 millions de dollars.",
            "fr",
            ["Inter-American Development Bank"],
        ),
        # (guards: an acronym that starts another name; "BID" is also the Islamic Development Bank's)
        ("ADB Safegate said it would invest $50 million in a new plant.", "en", ["ADB Safegate"]),
        ("Selon la BID, le câble coûtera 300 millions de dollars.", "fr", ["BID"]),
        # the subject that opens the sentence, of two verbs joined by "und" (de-744)
        (
            "KPMG investiert zwei Milliarden Dollar in Dienste und rechnet mit Erlösen von zwölf Milliarden Dollar.",
            "de",
            ["KPMG", "KPMG"],
        ),
        # a place after a German compound's preposition is no name (de-743: "in Tokio")
        (
            "Japan steuert nach Angaben des Außenministeriums in Tokio umgerechnet 16 Millionen Euro bei.",
            "de",
            ["Ministry of Foreign Affairs"],
        ),
        # "-t-il" never stands for a company named after a preposition (fr-735)
        (
            "La centrale associera 50 MW de panneaux solaires, selon son conseiller, Aidan Rogers. Elle vendra son "
            "courant à la compagnie Barbados Light & Power pendant vingt-cinq ans, a-t-il ajouté.",
            "fr",
            ["Aidan Rogers", "Aidan Rogers"],
        ),
        # German: a name the list lacks that opens the sentence before its verb, where the article uses it again, or
        # an acronym (de-405, de-455); a plural noun is none
        ("Arm baut Chips. Arm sagte, es werde bis zu 10 Mrd. Dollar ausgeben.", "de", ["Arm"]),
        ("KPMG sagte, es werde 115 Mio. Dollar zahlen.", "de", ["KPMG"]),  # (a guard: right before too)
        (
            "Delta Air Lines fliegt weiter. Delta Air Lines bezifferte die Kosten auf rund 150 Mio. Dollar.",
            "de",
            ["Delta Air Lines"],
        ),
        ("Experten schätzen die Kosten auf 150 Mio. Dollar.", "de", ["the article"]),  # (a guard)
        # "spricht vom größten": the present of "sprach von" (de-686)
        ("Lefdal-Chef Jørn Skaane spricht vom größten Rechenzentrumsstandort Europas.", "de", ["Jørn Skaane"]),
        # machine-translated French: "la firme" and "les deux compagnies" stand for the companies (fr-744, fr-687)
        (
            "EY a complété un $1,4 milliard investissement, la firme de comptabilité et de conseil a dit mercredi.",
            "fr",
            ["EY"],
        ),
        (
            "Stellantis vend des voitures. Stellantis a signé un accord de $2 milliards avec Microsoft, les deux "
            "compagnies ont dit jeudi.",
            "fr",
            ["Stellantis"],
        ),
        # (a guard: a name after "la firme" is its own)
        ("Le marché atteindra 206,5 milliards de dollars, selon la firme de recherche Newzoo.", "fr", ["Newzoo"]),
        # "Deere & Co", then "Deere"; "Shinsegae Group", then "Shinsegae": the short name the article goes on with
        # (en-736, en-721)
        (
            "Deere & Co will pay $305 million for Blue River, the company said. Deere makes tractors.",
            "en",
            ["Deere"],
        ),
        (
            "Shinsegae Group will build a 250-megawatt data centre, it said. Shinsegae runs department stores.",
            "en",
            ["Shinsegae"],
        ),
        # learned from *-746..761: "the steelmaker", "le chimiste"
        (
            "ArcelorMittal will build a €1.3 billion furnace at Dunkirk, the steelmaker said on Tuesday.",
            "en",
            ["ArcelorMittal"],
        ),
        (
            "Le chimiste BASF investit. L'engagement de BASF atteindra 1,6 milliard d'euros, précise le chimiste.",
            "fr",
            ["BASF"],
        ),
        # Lithuania's Ministry of the Economy and Innovation and Cameroon's Ministry of Water Resources and Energy
        # (sourced rows of data/ministries.csv); "innovation" is a portfolio; a German pair of portfolios before one
        # "-ministerium" names the first ("Wirtschafts- und Innovationsministerium")
        (
            "Lithuania will build an AI factory in Vilnius for about €130 million, the economy and innovation ministry "
            "said.",
            "en",
            ["Ministry of the Economy and Innovation"],
        ),
        (
            "Litauen baut in Vilnius eine KI-Fabrik für 130 Millionen Euro, teilte das Wirtschafts- und "
            "Innovationsministerium mit.",
            "de",
            ["Ministry of the Economy and Innovation"],
        ),
        (
            "Seit Freitag speist die Turbine 60 Megawatt in das Netz Kameruns ein. Das teilte das Wasser- und "
            "Energieministerium in Jaunde mit.",
            "de",
            ["Ministry of Water Resources and Energy"],
        ),
        # learned from *-762..777: a German noun after a titled name is no part of it
        (
            "Für 2024 hatte Finanzchefin Leeny Oberg Investitionen von höchstens 1,2 Mrd. Dollar in Aussicht gestellt.",
            "de",
            ["Leeny Oberg"],
        ),
    ],
)
def test_the_fifty_fourth_rounds_speakers(text, lang, expected):
    """Learned from `*-730..745`, `*-746..761` and `*-762..777` after their scorings: each case fails on the rules
    before its rule, except the guards (marked), which hold the line the rule must not cross."""
    assert [c["speaker"] for c in extract(text, dt.date(2025, 6, 1), lang)["claims"]] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a German adverb, a time or a plural noun before an inverted subject is none
        ("Zuletzt stieg der Umsatz. Nvidia wächst. Zuletzt meldete Nvidia einen Umsatz von 44 Mrd. Dollar.", "de",
         ["Nvidia"]),
        ("Analysten sind skeptisch. Analysten erwarten Kosten von 2 Mrd. Euro.", "de", ["the article"]),
        ("Mitte Juli war das Werk fertig. Mitte Juli sagte die Regierung, es koste 2 Mrd. Euro.", "de",
         ["the article"]),
        # "The Government has said": one common word before an auxiliary is no name
        ("The Government has said it will spend $300 million on the grid.", "en", ["the article"]),
        # "SFI" is also Science Foundation Ireland
        ("Science Foundation Ireland (SFI) will invest €50 million in the supercomputer, SFI said.", "en",
         ["Science Foundation Ireland"]),
        # "la firme" before its name, however many words between; "les compagnies d'électricité" are no companies
        ("Microsoft investit en France. Le marché atteindra 200 milliards de dollars, selon la firme américaine de "
         "recherche Gartner.", "fr", ["Gartner"]),
        ("Microsoft et Google investissent en France. Les compagnies d'électricité estiment que la demande atteindra "
         "50 GW en 2030.", "fr", ["the article"]),
        # "spricht von einem Erfolg": an opinion, no figure
        ("Das Werk kostet 2 Mrd. Euro, Bürgermeister Octavian Ursu spricht von einem Erfolg.", "de", ["the article"]),
        # "X & Co" and "X Group" keep their names where the article never writes X alone (a founder's surname is not)
        ("Merck & Co will spend $1 billion on a plant, it said.", "en", ["Merck & Co"]),
        ("Adani Group will invest $10 billion in data centres, it said. Founder Gautam Adani said the plan would "
         "create jobs.", "en", ["Adani Group"]),
        # a preposition's object after a described opener is no subject
        ("The filing with Nasdaq said the company raised $200 million.", "en", ["the article"]),
    ],
)  # fmt: skip
def test_the_reviews_cases_of_the_fifty_fourth_rounds_speakers(text, lang, expected):
    """The review of e2fa4a4..a011327: sentences its rules read worse than before (each fails on a011327)."""
    assert [c["speaker"] for c in extract(text, dt.date(2025, 6, 1), lang)["claims"]] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a possession before a figure is no owner to speak for ("Musk's 100,000-GPU cluster")
        ("xAI is building a supercomputer in Memphis. Musk's 100,000-GPU cluster will draw 150 megawatts, the company "
         "said.", "en", ["xAI", "xAI"]),
        # "le chimiste du CNRS" is a person of an institution
        ("Le chiffre d'affaires de Nvidia progresse. La batterie stockera 5 MW, explique le chimiste du CNRS.", "fr",
         ["CNRS"]),
        # "IDB" is the Inter-American Development Bank's usual acronym; "die EIB Gruppe" is the bank
        ("The IDB said it would lend $500 million to Brazil.", "en", ["Inter-American Development Bank"]),
        ("Die EIB Gruppe stellt 500 Mio. Euro bereit, teilte die Bank mit.", "de", ["European Investment Bank"]),
        # German: a participle after "hat", and a company's plural name, keep their openers
        ("Nordex wächst. Nordex hat am Montag angegeben, die Kosten lägen bei 2 Mrd. Euro.", "de", ["Nordex"]),
        ("Die Stadtwerke Leipzig bauen. Stadtwerke Leipzig rechnen mit Kosten von 200 Mio. Euro.", "de",
         ["Stadtwerke Leipzig"]),
        # "The Kremlin has said": a name, not a common noun
        ("The Kremlin has said it will spend $300 million on the grid.", "en", ["Kremlin"]),
        # "selon les compagnies" stands for the companies
        ("Microsoft et Google investissent en France. Selon les compagnies, les investissements atteindront 10 "
         "milliards d'euros.", "fr", ["Microsoft"]),
        # "spricht von einem Erfolg: ... 2 Mrd. Euro": a figure later in the sentence keeps the cue
        ("Siemens-Chef Roland Busch spricht von einem Erfolg: Der Auftrag sei 2 Mrd. Euro wert.", "de",
         ["Roland Busch"]),
        # "la firme jeudi soir à San Francisco": no name of its own after it
        ("Nvidia domine le marché. Le chiffre d'affaires a atteint 44 milliards de dollars, a précisé la firme jeudi "
         "soir à San Francisco.", "fr", ["Nvidia"]),
        # "the innovation department" of a city is no ministry
        ("The city will spend $5 million on a 2-megawatt solar farm, the innovation department said.", "en",
         ["the article", "the article"]),
        # "Siemens officials told Reuters": not an unnamed source's report to Reuters
        ("The plant will cost $2 billion, Siemens officials told Reuters.", "en", ["the article"]),
    ],
)  # fmt: skip
def test_the_second_reviews_cases_of_the_fifty_fourth_rounds_speakers(text, lang, expected):
    """The second review, of a011327..0952d68: sentences its rules read worse than before (each fails on 0952d68)."""
    assert [c["speaker"] for c in extract(text, dt.date(2025, 6, 1), lang)["claims"]] == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a regional government speaks for its region, by the region's name: the one named before it ...
        ("Nvidia has no plans in the northern Mexican state of Sonora. The state government said the money, $2 "
         "billion, would come from a local fund.", "en", ["Sonora"]),
        ("La province de Gyeonggi a signé un accord. Le réseau apportera 3 GW, a annoncé la province.", "fr",
         ["Gyeonggi Province"]),
        ("Der indische Bundesstaat Karnataka baut aus. Die Kosten lägen bei 2 Mrd. Euro, teilte die Landesregierung "
         "mit.", "de", ["Karnataka"]),
        ("Amazon will build a data centre in southern Córdoba province worth $500 million, the provincial "
         "government said.", "en", ["Córdoba Province"]),
        # ... else the name that opens its sentence (not a possessive, not a country)
        ("Madhya Pradesh has raised its data-centre target to 500 megawatts, the state government said.", "en",
         ["Madhya Pradesh"]),
        ("Google's cloud unit will invest $1 billion there, the state government said.", "en", ["the article"]),
        # (review: a pronoun, a common noun or a one-word company opening the sentence names no region)
        ("It will cost $2 billion, the state government said.", "en", ["the article"]),
        ("Foxconn will invest $1.5 billion in a plant, the state government said.", "en", ["the article"]),
        # not the subject of a German relative clause, nor "the state utility"
        ("Jorge Azcón lobt die Projekte. Sie summieren sich auf 50 Mrd. Euro, die die Regionalregierung erklärt hat.",
         "de", ["the article"]),
        ("The plant will cost $2 billion, the state utility said.", "en", ["the article"]),
        # initials before a surname are a person's, whose employer after "von" is no part of the name
        ("Die Zusage kam laut Industrieminister P.K.R. Mehta von Torrent Power: 7 Mrd. Euro.", "de",
         ["P.K.R. Mehta"]),
        # a possessive before a full name is no part of it, so the surname alone names the person later
        ("Zomato's Deepinder Goyal has a plan. The start-up will invest $2 billion by 2027, Goyal said.", "en",
         ["Deepinder Goyal"]),
        # "The newspaper ..." opening a sentence stands for the outlet named before, as "the newspaper" does
        ("The plan was reported by the Deccan Herald. The newspaper put its cost at about $350 million.", "en",
         ["Deccan Herald"]),
        ("Le Monde a révélé le projet. Le journal chiffre son coût à 350 millions d'euros.", "fr", ["Le Monde"]),
        # a demonstrative pronoun is no name
        ("SoftBank est le premier client. Celle-ci prévoit d'investir 500 milliards de dollars d'ici à 2029.", "fr",
         ["the article"]),
        # a German genitive of a place, then an adjective, before a company's noun and its name
        ("Japans größter Spielekonzern Capcom legt zu. Der Umsatz stieg auf 900 Mio. Euro, wie das Unternehmen "
         "mitteilte.", "de", ["the article", "Capcom"]),
        # "die Förderbank": the bank named before
        ("Die Kreditanstalt für Wiederaufbau (KfW) gab einen Kredit über 300 Mio. Euro, wie die Förderbank "
         "mitteilte.", "de", ["KfW"]),
        # two words between "the" and a company's or an association's noun, before its name
        ("Hesse has 900 MW of capacity, the digital industry association Eco said on Tuesday.", "en", ["Eco"]),
        ("La Hesse compte 900 MW, selon la fédération Eco.", "fr", ["Eco"]),
        # "the company" after a pronoun subject is the company the pronoun stands for, not one named as an object
        ("Google is building in Oklahoma. It will also spend $1.5 million with the agritech firm Terra Ag on water, "
         "the company said.", "en", ["Google"]),
        # a German document of a name after the verb is the name's ("laut Amazons Jahresbericht")
        ("Die Cloud-Sparte setzte 20 Mrd. Dollar um, laut Microsofts Geschäftsbericht.", "de", ["Microsoft"]),
        # titles only before a person and a relative clause set off by commas before the verb
        ("Energy Minister Kwame Mensah, who opened the plant in Kumasi on a visit from Accra, said it had cost $300 "
         "million.", "en", ["Kwame Mensah"]),
        # a French company's noun, an adjective, then a complement before its name (fr-807's sentence)
        ("Cette ligne de 500 kV, qui relie Quang Trach, dans la province de Quang Binh, à Pho Noi, dans celle de Hung "
         "Yen, a coûté quelque 22 350 milliards de dongs, soit environ 810 millions d'euros, selon le groupe public "
         "d'électricité EVN.", "fr", ["EVN"]),
    ],
)  # fmt: skip
def test_the_fifty_seventh_rounds_speakers(text, lang, expected):
    """Learned from *-778..793 (each case but the last three fails on ffd9ee8)."""
    assert [c["speaker"] for c in extract(text, dt.date(2025, 6, 1), lang)["claims"]] == expected


def test_a_unit_or_a_common_acronym_after_a_cue_names_no_source():
    """*-794..809: "jusqu'à 1 000 MW supplémentaires" gave the speaker "MW", "the site's IT load" gave "IT"."""
    from gigawatt.claims.extract.speakers import _clause_names

    clause = "selon lesquelles il aurait demandé jusqu'à 1 000 MW supplémentaires pour la IT load de Dainik Bhaskar"
    assert [m.group() for m in _clause_names(clause, "fr")] == ["Dainik Bhaskar"]

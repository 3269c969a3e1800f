"""The claims report writer, on a small hand-built ledger (not the engine's output): five claims, one of each kind,
resolved and not, one with a French original, one with a ``<script>`` in its text.

Each format is read back by a tool made for it: claimreview.jsonld with pyld (offline, the schema.org context from
tests/data), claims.csv with the csv module, report.html with the standard library's HTML parser. The ratings and
the track-record strings are worked by hand below, next to each claim.
"""

from __future__ import annotations

import base64
import copy
import csv
import io
import json
import pathlib
import socket
from html.parser import HTMLParser

import pytest
from pyld import jsonld

from gigawatt.report import claims as report

CONTEXT = pathlib.Path(__file__).parent / "data" / "schemaorg-claimreview.jsonld"
SCHEMA = "http://schema.org/"  # schema.org's own context maps its terms to http://, not https:// IRIs
BASE = "https://example.org/ledger/"  # where the test pretends the report is published (relative urls resolve here)
SCRIPT = '<script>alert("x")</script>'  # what a hostile claims file could put in a claim's text

SG = {
    "id": "stargate-100b-immediately",
    "speaker": {"name": "OpenAI and SoftBank", "role": "founding partners of Stargate"},  # " and ": Organization
    "date": "2025-01-21",
    "source": {
        "facts_id": "SG02",
        "address": "https://openai.com/index/announcing-the-stargate-project/",
        "title": "Announcing The Stargate Project",
    },
    "language": "en",
    "original": None,
    "text": "Stargate will deploy $100 billion immediately.",
    "kind": "outcome",
    "status": "reviewed",
    "quantity": {"comparator": ">=", "value": 1e11, "low": 1e11, "high": None, "unit": "USD", "hedge": "immediately"},
    "resolution": {
        "criteria": "Cumulative capex of at least $100B by the end of January 2026.",
        "source": "SG reports",
        "by": "2026-01-31",
        "ambiguity": "'Immediately' is read as within a year.",
    },
    "scenario": "stargate-2025-01",
    "scenario_as_of": "2025-01-21",
    "check": {
        "series": "capex_usd",
        "label": "capex, cumulative",
        "unit": "USD",
        "comparator": ">=",
        "value": 1e11,
        "by": "2026-01",
    },
    "verdict": "fails",
    "probability": 0.18,
    "verdict_words": "Unlikely (p = 0.18)",
    "margin": -5.2e10,
    "margin_unit": "USD",
    "first_holds": "2026-07",
    "forecast": True,
    "reason": "",
    "details": {},
    "observed": {
        "status": "fails",
        "as_of": "2026-11-30",
        "resolved": True,
        "note": "Far less was spent.",
        "evidence": [
            {
                "facts_id": "EV03",
                "date": "2025-09-23",
                "text": "About $50B committed so far.",
                "address": "https://example.com/ev03",
            }
        ],
    },
}  # resolved, fails: rated 1 on the outcome (p = 0.18 would give 1 + floor(0.72 + 0.5) = 2)

MUSK = {
    **copy.deepcopy(SG),
    "id": "musk-softbank-under-10b",
    "speaker": {"name": "Elon Musk", "role": "owner of xAI"},  # no title in the role; two name words: Person
    "date": "2025-01-22",
    "source": {"facts_id": "SG05", "address": "https://www.lemonde.fr/example-musk", "title": "Musk doute"},
    "language": "fr",
    "original": {
        "text": "SoftBank a bien moins de 10 milliards de dollars garantis.",
        "language": "fr",
        "address": "https://www.lemonde.fr/example-musk",
    },
    "text": "SoftBank has well under $10B secured.",
    "kind": "input",
    "quantity": {
        "comparator": "well under",
        "value": 1e10,
        "low": None,
        "high": 1e10,
        "unit": "USD",
        "hedge": "well under",
    },
    "resolution": {
        "criteria": "SoftBank's secured money for Stargate stays under $10B through 2025.",
        "by": "2025-12-31",
    },
    "scenario": "stargate-musk",
    "check": None,
    "verdict": "disagrees",
    "probability": None,
    "verdict_words": "Disagrees with the scenario's assumptions",
    "margin": None,
    "first_holds": None,
    "details": {"with_without": [{"metric": "MW by 2026", "with": 1500, "without": 900}]},
    "observed": {"status": "too early", "as_of": "2026-11-30", "resolved": False, "evidence": []},
}  # not resolved, no probability, "disagrees": rated 2

XAI = {
    **copy.deepcopy(SG),
    "id": "xai-largest-supercomputer",
    "speaker": {"name": "xAI", "role": "Elon Musk's AI company"},  # one word: Organization
    "date": "2024-09-02",
    "text": "Colossus is the world's largest supercomputer.",
    "kind": "comparison",
    "source": {"facts_id": "XA02", "address": "https://x.com/elonmusk/status/1830650370336473253", "title": "Colossus"},
    "quantity": None,
    "resolution": {
        "criteria": "Colossus has the most accelerators of the clusters known on 2024-09-02.",
        "by": "2024-09-02",
    },
    "scenario": None,
    "check": None,
    "margin": None,
    "first_holds": None,
    "verdict": "holds",
    "probability": None,
    "verdict_words": "Holds: ranked 1 of 3 on 2024-09-02",
    "details": {
        "ranking": [{"name": "Colossus", "value": 100000, "unit": "count", "date": "2024-09-02", "facts_id": "XA01"}]
    },
    "observed": {"status": "holds", "as_of": "2026-06-30", "resolved": True, "evidence": []},
}  # resolved, holds: rated 5

ALTMAN = {
    **copy.deepcopy(SG),
    "id": "altman-wrong",
    "speaker": {"name": "Sam Altman", "role": "CEO of OpenAI"},  # CEO in the role: Person
    "date": "2025-01-23",
    "text": f"Wrong, as you surely know. {SCRIPT}",
    "kind": "unmodelled",
    "source": {
        "facts_id": "SG07",
        "address": "https://x.com/sama/status/1881926565440962585",
        "title": "Altman's reply",
    },
    "quantity": None,
    "resolution": {"criteria": "No quantity to resolve.", "ambiguity": "A denial of Musk's claim, kept as said."},
    "check": None,
    "scenario": None,
    "verdict": "not modelled",
    "probability": None,
    "verdict_words": "Not modelled",
    "margin": None,
    "first_holds": None,
    "reason": "A denial with no quantity in it.",
    "observed": {"status": "unclear", "as_of": "2026-11-30", "resolved": True, "evidence": []},
}  # resolved but unclear: rated on the model, which has no verdict: 3

UAE = {
    **copy.deepcopy(SG),
    "id": "uae-200mw-2026",
    "speaker": {"name": "Stargate UAE", "role": "joint venture"},  # "Stargate" is an organisation word
    "date": "2025-05-22",
    "text": "Stargate UAE will have 200 MW live in 2026.",
    "source": {"facts_id": "UA01", "address": "https://example.com/stargate-uae", "title": "Stargate UAE"},
    "quantity": {"comparator": ">=", "value": 200.0, "low": 200.0, "high": None, "unit": "MW", "hedge": None},
    "resolution": {"criteria": "At least 200 MW online at the UAE campus in 2026.", "by": "2026-12-31"},
    "scenario": "stargate-uae-2025-05",
    "scenario_as_of": "2025-05-22",
    "check": {
        "series": "mw_online",
        "label": "MW online",
        "unit": "MW",
        "comparator": ">=",
        "value": 200.0,
        "by": "2026-12",
    },
    "margin": 30.0,
    "margin_unit": "MW",
    "verdict": "holds",
    "probability": 0.625,
    "verdict_words": "Likely (p = 0.62)",
    "first_holds": "2026-10",
    "observed": {"status": "too early", "as_of": "2026-11-30", "resolved": False, "evidence": []},
}  # not resolved, p = 0.625: 1 + floor(2.5 + 0.5) = 4 (round-half-even would give 3)

CLAIMS = [XAI, SG, MUSK, ALTMAN, UAE]  # oldest first
RATINGS = {XAI["id"]: 5, SG["id"]: 1, MUSK["id"]: 2, ALTMAN["id"]: 3, UAE["id"]: 4}
ALTERNATE_NAMES = {
    XAI["id"]: "Holds: ranked 1 of 3 on 2024-09-02; observed: holds (as of 2026-06-30)",
    SG["id"]: "Unlikely (p = 0.18); observed: fails (as of 2026-11-30)",
    MUSK["id"]: "Disagrees with the scenario's assumptions",
    ALTMAN["id"]: "Not modelled; observed: unclear (as of 2026-11-30)",
    UAE["id"]: "Likely (p = 0.62)",
}
AUTHORS = {
    XAI["id"]: "Organization",
    SG["id"]: "Organization",
    MUSK["id"]: "Person",
    ALTMAN["id"]: "Person",
    UAE["id"]: "Organization",
}

LEDGER = {
    "ledger": "built-in",
    "evidence_as_of": "2026-12-06",
    "trials": 20000,
    "seed": 1,
    "claims": CLAIMS,
    # numbers as the engine would print them: the writer only formats them
    "track_record": {
        "resolved": 7,
        "claims": [SG["id"]],
        "base_rate": 0.43,
        "brier": 0.2113,
        "log_score": 0.6174,
        "baselines": {
            "base_rate": {"brier": 0.2451, "log_score": 0.68331},
            "half": {"brier": 0.25, "log_score": 0.6931472},
        },
        "worst": [{"id": SG["id"], "probability": 0.18, "outcome": 0, "brier": 0.0324}],
        "note": "7 claims: too few to tell a good forecaster from a lucky one.",
    },
}

MONTHS = [f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13)]
TRAJECTORIES = {
    SG["id"]: {
        "label": "capex, cumulative",
        "unit": "USD",
        "months": MONTHS,
        "value": [4e9 * i for i in range(24)],
        "p10": [3e9 * i for i in range(24)],
        "p90": [5e9 * i for i in range(24)],
        "p50": [4e9 * i for i in range(24)],
        "threshold": 1e11,
        "low": 1e11,
        "high": None,
        "comparator": ">=",
        "by": "2026-01",
        "scenario": "stargate-2025-01",
    },
    UAE["id"]: {
        "label": "MW online",
        "unit": "MW",
        "months": MONTHS,
        "value": [10.0 * i for i in range(24)],
        "p10": None,
        "p50": None,
        "p90": None,
        "threshold": 200.0,
        "low": None,
        "high": None,
        "comparator": ">=",
        "by": "2026-12",
        "scenario": "stargate-uae-2025-05",
    },
}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return report.render(LEDGER, TRAJECTORIES)


# ---------------------------------------------------------------------------------------------------------------
# claimreview.jsonld, read back with pyld, offline


def _offline_loader(requested: list[str]):
    """A pyld document loader that knows only schema.org's context (a local copy) and refuses everything else."""
    document = json.loads(CONTEXT.read_text(encoding="utf-8"))

    def load(url, options=None):
        requested.append(url)
        if url.rstrip("/") != "https://schema.org":
            raise AssertionError(f"the JSON-LD reader asked for {url}; only the schema.org context is local")
        return {"contextUrl": None, "documentUrl": url, "document": document}

    return load


@pytest.fixture
def no_network(monkeypatch):
    """Any connection attempt fails the test: the read-back must work offline."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _one(node: dict, prop: str):
    """The single value of an expanded property: ``@value`` for a literal, ``@id`` for an IRI, else the node."""
    values = node[SCHEMA + prop]
    assert len(values) == 1, (prop, values)
    value = values[0]
    return value.get("@value", value.get("@id", value))


def _expanded(files, no_network) -> list[dict]:
    requested: list[str] = []
    doc = json.loads(files["claimreview.jsonld"].decode("utf-8"))
    nodes = jsonld.expand(doc, {"documentLoader": _offline_loader(requested), "base": BASE})
    # pyld caches resolved contexts across calls, so the loader may be asked once or not at all; never for more
    assert set(requested) <= {"https://schema.org"}
    return nodes


def test_claimreview_is_json_ld_that_pyld_reads_offline_with_one_review_per_claim(files, no_network):
    nodes = _expanded(files, no_network)
    reviews = [n for n in nodes if n.get("@type") == [SCHEMA + "ClaimReview"]]
    assert len(reviews) == len(nodes) == len(CLAIMS)
    assert json.loads(files["claimreview.jsonld"]) == report.claimreview(LEDGER)


def test_every_review_has_the_fields_google_requires_with_the_right_values(files, no_network):
    by_url = {_one(n, "url"): n for n in _expanded(files, no_network)}
    for claim in CLAIMS:
        review = by_url[f"{BASE}report.html#{claim['id']}"]
        assert review["@id"] == f"{BASE}report.html#{claim['id']}"
        assert _one(review, "claimReviewed") == claim["text"]
        assert _one(review, "datePublished") == claim["observed"]["as_of"]
        reviewer = _one(review, "author")
        assert reviewer["@type"] == [SCHEMA + "Organization"] and _one(reviewer, "name") == "gigawatt"

        stars = _one(review, "reviewRating")
        assert stars["@type"] == [SCHEMA + "Rating"]
        assert _one(stars, "ratingValue") == RATINGS[claim["id"]], claim["id"]
        assert (_one(stars, "bestRating"), _one(stars, "worstRating")) == (5, 1)
        assert _one(stars, "alternateName") == ALTERNATE_NAMES[claim["id"]]

        item = _one(review, "itemReviewed")
        assert item["@type"] == [SCHEMA + "Claim"]
        author = _one(item, "author")
        assert author["@type"] == [SCHEMA + AUTHORS[claim["id"]]], claim["id"]
        assert _one(author, "name") == claim["speaker"]["name"]
        role = "jobTitle" if AUTHORS[claim["id"]] == "Person" else "description"  # schema.org has no Organization title
        assert _one(author, role) == claim["speaker"]["role"]
        assert _one(item, "datePublished") == claim["date"]
        appearance = _one(item, "appearance")
        assert appearance["@type"] == [SCHEMA + "CreativeWork"]
        assert _one(appearance, "url") == claim["source"]["address"]


def test_the_claim_keeps_its_original_wording_and_language(files, no_network):
    by_url = {_one(n, "url"): n for n in _expanded(files, no_network)}
    french = _one(by_url[f"{BASE}report.html#{MUSK['id']}"], "itemReviewed")
    assert _one(french, "inLanguage") == "fr"
    assert _one(french, "text") == MUSK["original"]["text"]
    english = _one(by_url[f"{BASE}report.html#{SG['id']}"], "itemReviewed")
    assert _one(english, "inLanguage") == "en" and SCHEMA + "text" not in english


def test_an_original_at_another_address_is_a_second_appearance():
    claim = {**MUSK, "original": {**MUSK["original"], "address": "https://www.lefigaro.fr/example"}}
    item = report.claimreview({**LEDGER, "claims": [claim]})["@graph"][0]["itemReviewed"]
    assert [a["url"] for a in item["appearance"]] == [MUSK["source"]["address"], "https://www.lefigaro.fr/example"]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ({"probability": 0.0}, 1),  # 1 + floor(0 + 0.5)
        ({"probability": 0.1}, 1),  # 1 + floor(0.4 + 0.5)
        ({"probability": 0.125}, 2),  # 1 + floor(0.5 + 0.5): a half rounds up
        ({"probability": 0.625}, 4),  # 1 + floor(2.5 + 0.5)
        ({"probability": 1.0}, 5),  # 1 + floor(4 + 0.5)
        ({"probability": 0.9, "observed": {"status": "partly", "resolved": True}}, 3),  # outcome beats the model
        ({"probability": 0.9, "observed": {"status": "fails", "resolved": True}}, 1),
        ({"probability": 0.1, "observed": {"status": "holds", "resolved": True}}, 5),
        ({"probability": 0.9, "observed": {"status": "annulled", "resolved": True}}, 5),  # no outcome: the model
        ({"probability": 0.9, "observed": {"status": "fails", "resolved": False}}, 5),  # not resolved: the model
        ({"verdict": "agrees"}, 4),
        ({"verdict": "holds"}, 4),
        ({"verdict": "fails"}, 2),
        ({"verdict": "disagrees"}, 2),
        ({"verdict": "not modelled"}, 3),
    ],
)
def test_rating_rule(claim, expected):
    assert report.rating(claim) == expected


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ({"name": "Masayoshi Son", "role": "chairman of SoftBank"}, "Person"),
        ({"name": "Trump", "role": "President of the United States"}, "Person"),  # one word, a title in the role
        ({"name": "Ursula von der Leyen", "role": ""}, "Person"),  # particles allowed
        ({"name": "Oracle Corp.", "role": ""}, "Organization"),
        ({"name": "MGX", "role": "Abu Dhabi investment fund"}, "Organization"),
        ({"name": "The White House", "role": ""}, "Organization"),
        ({"name": "Elon Musk & Sam Altman", "role": "CEOs"}, "Organization"),  # several speakers
        ({"name": "Stargate UAE", "role": "founder's venture", "type": "person"}, "Person"),  # the given type wins
    ],
)
def test_author_type_rule(speaker, expected):
    assert report.author_type(speaker) == expected


# ---------------------------------------------------------------------------------------------------------------
# claims.csv


def test_csv_reads_back_with_one_row_per_claim_and_the_ledgers_values(files):
    rows = list(csv.DictReader(io.StringIO(files["claims.csv"].decode("utf-8"), newline="")))
    assert tuple(rows[0]) == report.CSV_COLUMNS
    assert [r["id"] for r in rows] == [c["id"] for c in CLAIMS]
    for row, c in zip(rows, CLAIMS, strict=True):
        expected = {
            "id": c["id"], "date": c["date"], "speaker": c["speaker"]["name"], "text": c["text"], "kind": c["kind"],
            "scenario": c["scenario"] or "", "verdict": c["verdict"],
            "probability": "" if c["probability"] is None else repr(c["probability"]),
            "first_holds": c["first_holds"] or "", "observed_status": c["observed"]["status"],
            "observed_as_of": c["observed"]["as_of"], "source_facts_id": c["source"]["facts_id"],
            "source_address": c["source"]["address"],
        }  # fmt: skip
        assert row == expected
    assert float(rows[4]["probability"]) == UAE["probability"]  # repr: the float comes back exactly


# ---------------------------------------------------------------------------------------------------------------
# report.html


class _Page(HTMLParser):
    """Every start tag with its attributes, the section each sits in, and the text of script and style elements."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict, str | None]] = []
        self.section: str | None = None
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.section = attrs.get("id")
        self.tags.append((tag, attrs, self.section))
        self._in = tag if tag in self.raw else None

    def handle_endtag(self, tag):
        if tag == "section":
            self.section = None
        self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in].append(data)


@pytest.fixture(scope="module")
def page(files) -> _Page:
    parsed = _Page()
    parsed.feed(files["report.html"].decode("utf-8"))
    return parsed


def test_html_loads_nothing_from_outside(page):
    for tag, attrs, _ in page.tags:
        assert tag not in ("link", "iframe", "object", "embed"), tag
        assert "src" not in attrs or attrs["src"].startswith("data:image/png;base64,"), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
    scripts = [attrs for tag, attrs, _ in page.tags if tag == "script"]
    assert scripts == [{"type": "application/ld+json"}]  # data, not code; no src
    css = "".join(page.raw["style"])
    assert "url(" not in css and "@import" not in css and "http" not in css


def test_html_escapes_user_text(files, page):
    text = files["report.html"].decode("utf-8")
    assert SCRIPT not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text  # html.escape with quote=True
    assert json.loads("".join(page.raw["script"])) == report.claimreview(LEDGER)  # the embedded JSON-LD is intact


def test_html_has_one_section_per_claim_and_one_inline_chart_per_trajectory(page):
    sections = [attrs["id"] for tag, attrs, _ in page.tags if tag == "section"]
    assert sections == [c["id"] for c in CLAIMS]
    images = [(section, attrs["src"]) for tag, attrs, section in page.tags if tag == "img"]
    assert sorted(section for section, _ in images) == sorted(TRAJECTORIES)
    for _, src in images:
        png = base64.b64decode(src.removeprefix("data:image/png;base64,"), validate=True)
        assert png.startswith(b"\x89PNG\r\n\x1a\n")  # the PNG signature
    links = {attrs["href"] for tag, attrs, _ in page.tags if tag == "a"}
    assert {f"#{c['id']}" for c in CLAIMS} <= links  # the table links every claim's section


def test_html_links_only_web_addresses():
    claim = {**SG, "source": {**SG["source"], "address": "javascript:alert(1)"}}
    parsed = _Page()
    parsed.feed(report.html({**LEDGER, "claims": [claim]}, {}))
    assert all(not attrs.get("href", "").startswith("javascript") for _, attrs, _ in parsed.tags)


# ---------------------------------------------------------------------------------------------------------------
# report.md


def test_markdown_track_record_comes_first_with_the_numbers_to_three_decimals(files):
    text = files["report.md"].decode("utf-8")
    assert text.index("## Track record") < text.index("## Claims") < text.index("## Each claim")
    for line in (
        "Resolved forecast claims scored: 7.",
        "| the model | 0.211 | 0.617 |",  # 0.2113, 0.6174 to three decimals
        "| always the base rate (0.43) | 0.245 | 0.683 |",
        "| always 50 % | 0.250 | 0.693 |",
        "7 claims: too few to tell a good forecaster from a lucky one.",
        f"- [{SG['id']}](#{SG['id']}): p = 0.18, it failed; Brier 0.032",
    ):
        assert line in text.splitlines(), line


def test_markdown_escapes_user_text_and_keeps_one_row_per_claim(files):
    text = files["report.md"].decode("utf-8")
    assert SCRIPT not in text and r"\<script>" in text  # CommonMark shows a backslash-escaped < as itself
    rows = [line for line in text.splitlines() if line.startswith("| 20")]  # table rows start with the date
    assert len(rows) == len(CLAIMS)
    assert "Original (fr): SoftBank a bien moins de 10 milliards de dollars garantis." in text
    # 2026-01 is month 12 of the series (from 2025-01): 4e9 x 12, P10 3e9 x 12, P90 5e9 x 12
    assert "capex, cumulative in 2026-01: $48B modelled (P10-P90 $36B to $60B)" in text


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (5.2e10, "USD", "$52B"),  # three significant digits, trailing zeros dropped
        (-1.4e12, "USD", "-$1.4T"),
        (9.874e9, "USD", "$9.87B"),
        (2.5e8, "USD", "$250M"),
        (1200.0, "MW", "1,200 MW"),
        (500000, "count", "500,000"),
        (None, "MW", "n/a"),
    ],
)
def test_amounts_are_written_as_a_reader_writes_them(value, unit, expected):
    assert report.amount(value, unit) == expected


def test_render_writes_the_four_files_as_utf8():
    out = report.render(LEDGER, {})
    assert tuple(out) == report.REPORT_FILES
    assert all(isinstance(v, bytes) and v.decode("utf-8") for v in out.values())


def test_a_deterministic_ledger_with_nothing_resolved_still_renders():
    ledger = {
        **LEDGER,
        "trials": None,
        "claims": [{**MUSK, "probability": None}],
        "track_record": {"resolved": 0, "claims": [], "base_rate": None, "brier": None, "log_score": None,
                         "baselines": {}, "worst": [], "note": "No resolved forecast claims yet."},
    }  # fmt: skip
    text = report.render(ledger, {})["report.md"].decode("utf-8")
    assert "Model: deterministic runs only (no probabilities)." in text
    assert "| the model | n/a | n/a |" in text.splitlines()  # no score is shown as n/a, never as 0

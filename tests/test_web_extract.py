"""``POST /api/claims/extract`` against the command line: for the same article (written to a file called ``text`` in
the working folder, so that the command line names it as the API names its field) the answer is what ``gigawatt
claims extract --json`` or ``--yaml`` prints, and bad input is refused with the command line's own message."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path

import httpx
import pytest
import yaml
from fastapi.testclient import TestClient

from gigawatt import limits
from gigawatt.cli.core import main
from gigawatt.web.app import create_app
from gigawatt.web.extract import ADDRESS

CORPUS = Path(__file__).parent / "extract_corpus"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def article(name: str) -> tuple[str, str]:
    doc = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))
    return doc["text"], str(doc["date"])


def cli(capsys, text: str, *args: str) -> tuple[int, str, str]:
    Path("text").write_text(text, encoding="utf-8")
    code = main(["claims", "extract", "text", *args])
    out, err = capsys.readouterr()
    return code, out, err.strip().removeprefix("error: ")


@pytest.mark.parametrize(
    "name, lang, dated",
    [
        ("en-01-stargate-launch.yaml", "auto", True),
        ("fr-05-emirats-trillion.yaml", "auto", True),
        ("de-02-musk-zweifel.yaml", "de", True),
        ("en-07-softbank-loans.yaml", "auto", False),  # no date: relative deadlines stay unresolved
    ],
)
def test_json_is_the_cli_json(client, capsys, here, name, lang, dated):
    text, date = article(name)
    flags = ["--lang", lang, *(["--date", date] if dated else [])]
    code, out, err = cli(capsys, text, *flags, "--json")
    assert code == 0, err
    expected = json.loads(out)
    assert expected["claims"]  # the articles carry claims: an empty answer would compare equal to nothing
    r = client.post("/api/claims/extract", json={"text": text, "lang": lang, **({"date": date} if dated else {})})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    got = r.json()
    assert expected["article"]["address"] == "file:text" and got["article"]["address"] == ADDRESS
    expected["article"]["address"] = ADDRESS  # the one thing the file's name sets
    assert got == expected


def test_html_keeps_its_canonical_address_as_on_the_command_line(client, capsys, here):
    html = (
        "<html><head><title>x</title><link rel='canonical' href='https://example.org/stargate'></head><body>"
        "<script>var x = '$900 billion';</script><p>OpenAI will spend $500&nbsp;billion over four years.</p></body>"
        "</html>"
    )
    code, out, err = cli(capsys, html, "--date", "2025-01-22", "--json")
    assert code == 0, err
    r = client.post("/api/claims/extract", json={"text": html, "date": "2025-01-22"})
    assert r.status_code == 200, r.text
    assert r.json() == json.loads(out)  # identical, address included: the page names itself
    assert r.json()["article"]["address"] == "https://example.org/stargate"
    assert 9e11 not in [c["quantity"] for c in r.json()["claims"]]  # the script's figure is not visible text


def test_yaml_is_the_cli_yaml(client, capsys, here):
    text, date = article("en-01-stargate-launch.yaml")
    code, out, err = cli(capsys, text, "--date", date, "--yaml")
    assert code == 0, err
    r = client.post("/api/claims/extract", json={"text": text, "date": date, "format": "yaml"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/yaml")
    assert "file:text" in out and r.text == out.replace("file:text", ADDRESS)
    entries = yaml.safe_load(r.text)["claims"]
    assert entries and all(e["status"] == "extracted" for e in entries)


def test_text_without_claims_is_an_empty_list(client, capsys, here):
    text = "OpenAI's chief executive visited the site in Texas on Tuesday and met the construction crews."
    code, out, err = cli(capsys, text, "--json")
    assert code == 0, err
    r = client.post("/api/claims/extract", json={"text": text})
    assert r.status_code == 200, r.text
    assert r.json()["claims"] == [] == json.loads(out)["claims"]


SPANISH = "La inversión de Stargate será de quinientos mil millones de dólares en cuatro años, dijo el presidente."


@pytest.mark.parametrize(
    "body, field",
    [
        ({"text": ""}, "text"),
        ({"text": "  \n\t "}, "text"),
        ({"text": "\x00\x01binary"}, "text"),
        ({"text": "a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08i\x0bj\x0ek"}, "text"),
        ({"text": "<html><body><script>var x = 1;</script></body></html>"}, "text"),  # no visible text
        ({"text": "x" * (limits.MAX_ARTICLE_BYTES + 1)}, "text"),
        ({"text": SPANISH}, "text"),
        ({"text": "They pledged $500 billion.", "lang": "es"}, "lang"),
        ({"text": "They pledged $500 billion.", "date": "2025-13-01"}, "date"),
        ({"text": "They pledged $500 billion.", "date": "next week"}, "date"),
        ({"text": "They pledged $500 billion.", "format": "yaml"}, "date"),
    ],
    ids=["empty", "blank", "nul", "controls", "html-no-text", "oversize", "spanish", "lang", "month-13", "words",
         "yaml-no-date"],
)  # fmt: skip
def test_bad_input_is_a_422_with_the_cli_message(client, capsys, here, body, field):
    flags = [
        *(["--lang", body["lang"]] if "lang" in body else []),
        *(["--date", body["date"]] if "date" in body else []),
    ]
    code, _, message = cli(capsys, body["text"], *flags, "--yaml" if body.get("format") == "yaml" else "--json")
    assert code == 2 and message
    r = client.post("/api/claims/extract", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == message
    assert [p["field"] for p in r.json()["problems"]] == [field]


def test_a_lone_surrogate_is_refused_as_not_utf8(client):
    r = client.post(
        "/api/claims/extract",
        content=b'{"text": "They pledged \\ud800 $500 billion."}',
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 422 and r.json()["detail"].startswith("text: not UTF-8")


def test_an_unknown_format_names_the_field(client):
    r = client.post("/api/claims/extract", json={"text": "They pledged $500 billion.", "format": "xml"})
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "format"


def test_a_body_over_the_cap_is_413_before_it_is_read(client):
    r = client.post("/api/claims/extract", json={"text": "x" * (limits.WEB_MAX_BODY_BYTES + 1)})
    assert r.status_code == 413 and "WEB_MAX_BODY_BYTES" in r.json()["detail"]


def test_extraction_runs_off_the_event_loop(monkeypatch):
    """While an extraction is held inside its worker thread, the same app still answers /api/health: were the
    extraction on the event loop, the health request could not be served until it was released (a deadlock here)."""
    import gigawatt.cli.claims as cli_claims

    started, release = threading.Event(), threading.Event()
    real = cli_claims.extraction

    def held(*args):
        started.set()
        assert release.wait(30), "never released"
        return real(*args)

    monkeypatch.setattr(cli_claims, "extraction", held)

    async def scenario():
        transport = httpx.ASGITransport(app=create_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as ac:
            job = asyncio.create_task(ac.post("/api/claims/extract", json={"text": "They pledged $500 billion."}))
            while not started.is_set():
                await asyncio.sleep(0.01)
            health = await asyncio.wait_for(ac.get("/api/health"), 20)  # served while the extraction is held
            release.set()
            return health, await job

    health, answer = asyncio.run(scenario())
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert answer.status_code == 200 and [c["quantity"] for c in answer.json()["claims"]] == [5e11]

"""The web API (issue 18) against the command line: each endpoint's answer is compared with what the CLI prints for
the same input (``run --json``, ``compare --json``, ``risk --json``, ``estimate --json``, ``validate --json``,
``claims --json``, ``scenarios --json``, ``show``), and with figures from the scenario files themselves; bad input
must be refused with the CLI's own message, naming the field; no request may name a file."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

import gigawatt as gw
from gigawatt import limits
from gigawatt.cli.core import main
from gigawatt.web.app import create_app


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


def cli_json(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def cli_error(capsys, *args) -> str:
    code = main(list(args))
    _, err = capsys.readouterr()
    assert code == 2, err
    return err.strip().removeprefix("error: ")


def sets(overrides: dict) -> list[str]:
    return [a for path, value in overrides.items() for a in ("--set", f"{path}={value}")]


# ------------------------------------------------------------------------------------------------ run


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"funding.announced_arrival": "0"},
        {"sites[abilene].phases[0].power_mw": "300 MW", "operations.pue": "1.3"},
    ],
)
def test_run_is_the_cli_run_json(client, capsys, overrides):
    r = client.post("/api/run", json={"scenario": "stargate", "overrides": overrides})
    assert r.status_code == 200, r.text
    assert r.json() == cli_json(capsys, "run", "stargate", "--json", *sets(overrides))


def test_run_without_announced_money_receives_the_secured_money_alone(client):
    # oracle from stargate.yaml itself: secured SoftBank $19B (mode), OpenAI $19B, Oracle $7B, MGX $7B [SG10, SG11]
    r = client.post("/api/run", json={"scenario": "stargate", "overrides": {"funding.announced_arrival": 0}})
    assert r.json()["metrics"]["equity_received_usd"] == pytest.approx(52e9)


def test_run_numbers_equal_simulate_and_the_timeseries_is_optional(client):
    result = gw.simulate(gw.load_scenario("stargate-uae"))
    plain = client.post("/api/run", json={"scenario": "stargate-uae"}).json()
    assert "timeseries" not in plain
    with_ts = client.post("/api/run?timeseries=true", json={"scenario": "stargate-uae"}).json()
    ts = with_ts["timeseries"]
    assert ts["mw_online"] == result.timeseries["mw_online"].tolist()
    assert ts["month"][0] == result.timeseries.index[0].strftime("%Y-%m")
    assert with_ts["metrics"] == plain["metrics"]


def test_a_pasted_scenario_runs_as_its_file_does(client):
    text = resources.files("gigawatt.data").joinpath("scenarios/stargate-uae.yaml").read_text(encoding="utf-8")
    by_name = client.post("/api/run", json={"scenario": "stargate-uae"}).json()
    pasted = client.post("/api/run", json={"scenario": text}).json()
    assert pasted["metrics"] == by_name["metrics"] and pasted["yearly"] == by_name["yearly"]


def test_a_pasted_scenario_may_extend_a_builtin(client):
    text = "extends: stargate\nname: mine\nset:\n  funding.announced_arrival: 0\n"
    r = client.post("/api/run", json={"scenario": text})
    assert r.status_code == 200, r.text
    assert r.json()["scenario"] == "mine"
    assert r.json()["metrics"]["equity_received_usd"] == pytest.approx(52e9)


# ------------------------------------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"sites[abilene].phases[0].power_mw": "$5B"}, "sites[0].phases[0].power_mw"),
        ({"operations.pue": "9"}, "operations.pue"),
        ({"operations.puee": "1.2"}, "overrides.operations.puee"),
        ({"sites[nowhere].phases[0].power_mw": "1 GW"}, "overrides.sites[nowhere].phases[0].power_mw"),
    ],
)
def test_bad_overrides_are_422_with_the_cli_message_and_the_field(client, capsys, overrides, field):
    r = client.post("/api/run", json={"scenario": "stargate", "overrides": overrides})
    assert r.status_code == 422
    body = r.json()
    assert body["detail"] == cli_error(capsys, "run", "stargate", *sets(overrides))
    assert [p["field"] for p in body["problems"]] == [field]


def test_invalid_yaml_is_422_naming_the_line(client):
    r = client.post("/api/run", json={"scenario": "name: x\nprogramme: [1\n"})
    assert r.status_code == 422
    assert r.json()["detail"].startswith("pasted scenario: malformed YAML at line")
    assert r.json()["problems"][0]["field"] == "scenario"


def test_a_yaml_scenario_that_does_not_validate_names_each_field(client, tmp_path, capsys):
    text = "name: bad\nprogramme: {start: 2025-01, horizon_months: 12}\nsites:\n  - name: a\n    phases:\n"
    text += "      - {name: p, power_mw: -5, start: 2025-01}\n"
    r = client.post("/api/run", json={"scenario": text})
    assert r.status_code == 422
    fields = [p["field"] for p in r.json()["problems"]]
    assert "sites[0].phases[0].power_mw" in fields
    (tmp_path / "bad.yaml").write_text(text)  # the CLI's message for the same file, but for the origin it names
    cli = cli_error(capsys, "run", str(tmp_path / "bad.yaml"))
    assert r.json()["detail"].split(": ", 1)[1] == cli.split(": ", 1)[1]


@pytest.mark.parametrize("name", ["nope", "../../etc/passwd", "/etc/hostname", "stargate.yaml"])
def test_a_name_is_never_read_as_a_path(client, name):
    r = client.post("/api/run", json={"scenario": name})
    assert r.status_code in (404, 422)
    assert "root:" not in r.text
    if "/" not in name:
        assert r.status_code == 404 and "expected one of: colossus" in r.json()["detail"]


def test_a_pasted_scenario_cannot_extend_a_file(client, tmp_path, monkeypatch):
    (tmp_path / "other.yaml").write_text("name: other\n")
    monkeypatch.chdir(tmp_path)
    for parent in ("other.yaml", str(tmp_path / "other.yaml"), "/etc/passwd"):
        r = client.post("/api/run", json={"scenario": f"extends: {parent}\nname: x\n"})
        assert r.status_code == 422
        assert "a pasted scenario cannot read files" in r.json()["detail"]


def test_malformed_json_and_missing_fields_are_422(client):
    r = client.post("/api/run", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "body"
    r = client.post("/api/run", json={"overrides": {}})
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "scenario"


def test_a_body_over_the_cap_is_413_with_or_without_a_length(client):
    big = b'{"scenario": "' + b"x" * (limits.WEB_MAX_BODY_BYTES + 10) + b'"}'
    r = client.post("/api/run", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "WEB_MAX_BODY_BYTES" in r.json()["detail"]

    def chunks():  # no Content-Length: the cap counts the bytes as they arrive
        for _ in range(limits.WEB_MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536

    r = client.post("/api/run", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert client.post("/api/run", json={"scenario": "stargate"}).status_code == 200


# ------------------------------------------------------------------------------------------------ other endpoints


def test_compare_is_the_cli_compare_json(client, capsys):
    body = {"first": "stargate", "second": "stargate-musk", "overrides": {"operations.pue": "1.2"}}
    r = client.post("/api/compare", json=body)
    assert r.status_code == 200
    got = r.json()
    want = cli_json(capsys, "compare", "stargate", "stargate-musk", "--json", "--set", "operations.pue=1.2")
    assert {k: got[k] for k in want} == want
    assert set(got["warnings"]) == {"stargate", "stargate-musk"}


def test_risk_is_the_cli_risk_json_plus_the_fan(client, capsys):
    r = client.post("/api/risk", json={"scenario": "stargate", "trials": 2048, "seed": 3})
    assert r.status_code == 200, r.text
    got = r.json()
    want = cli_json(capsys, "risk", "stargate", "--trials", "2048", "--seed", "3", "--json")
    assert {k: got[k] for k in want} == want  # same seed, same numbers, whatever the chunks
    fan = got["fan"]["mw_online"]
    assert len(fan["p50"]) == len(got["months"]) == 60
    assert fan["p50"][-1] == got["metrics"]["mw_online_end"]["p50"]


def test_risk_streams_progress_then_the_result(client):
    with client.stream(
        "POST",
        "/api/risk",
        json={"scenario": "stargate", "trials": 20_000, "seed": 1},
        headers={"accept": "application/x-ndjson"},
    ) as r:
        lines = [json.loads(line) for line in r.iter_lines() if line]
    assert lines[0]["done"] == 0 and lines[0]["total"] == 20_000
    assert [x["done"] for x in lines] == sorted(x["done"] for x in lines)
    assert lines[-1]["result"]["trials"] == 20_000


@pytest.mark.parametrize("trials", [limits.WEB_RISK_MAX_TRIALS + 1, 10**9])
def test_risk_trials_over_the_cap_are_refused_naming_it(client, trials):
    r = client.post("/api/risk", json={"scenario": "stargate", "trials": trials})
    assert r.status_code == 422
    assert (
        "limits.WEB_RISK_MAX_TRIALS" in r.json()["detail"] and f"{limits.WEB_RISK_MAX_TRIALS:,}" in r.json()["detail"]
    )
    assert client.post("/api/risk", json={"scenario": "stargate", "trials": 0}).status_code == 422


def test_estimate_is_the_cli_estimate_json(client, capsys):
    r = client.post("/api/estimate", json={"accelerator": "gb200", "power": "1.2 GW", "pue": 1.2})
    assert r.status_code == 200
    assert r.json() == cli_json(
        capsys, "estimate", "--accelerator", "gb200", "--power", "1.2 GW", "--pue", "1.2", "--json"
    )
    r = client.post("/api/estimate", json={"accelerator": "gb200", "power": "1.4 GW", "basis": "grid"})
    assert r.json() == cli_json(capsys, "estimate", "-a", "gb200", "--power", "1.4 GW", "--basis", "grid", "--json")
    r = client.post("/api/estimate", json={"accelerator": "gb200", "power": "$5B"})
    assert r.status_code == 422
    assert r.json()["detail"] == cli_error(capsys, "estimate", "--accelerator", "gb200", "--power", "$5B")
    assert r.json()["problems"][0]["field"] == "power"


def test_validate_is_the_cli_validate_json(client, capsys):
    assert client.get("/api/validate").json() == cli_json(capsys, "validate", "--json")


def test_claims_is_the_cli_claims_json(client, capsys):
    r = client.get("/api/claims?trials=0")
    assert r.status_code == 200
    assert r.json() == cli_json(capsys, "claims", "--trials", "0", "--json")
    r = client.get(f"/api/claims?trials={limits.WEB_CLAIMS_MAX_TRIALS + 1}")
    assert r.status_code == 422 and "limits.WEB_CLAIMS_MAX_TRIALS" in r.json()["detail"]


def test_scenarios_and_one_resolved_with_its_sources(client, capsys):
    assert client.get("/api/scenarios").json() == cli_json(capsys, "scenarios", "--json")
    d = client.get("/api/scenarios/stargate").json()
    main(["show", "stargate"])
    assert d["show"] == capsys.readouterr().out
    assert d["resolved"] == json.loads(json.dumps(gw.resolved_with_sources(gw.load_scenario("stargate"))))
    pue = next(c for c in d["controls"] if c["path"] == "operations.pue")
    assert pue["value"] == gw.load_scenario("stargate").operations.pue
    assert pue["source"]["facts_id"]  # the default's row in defaults.csv names its fact
    assert client.get("/api/scenarios/nope").status_code == 404


def test_every_control_path_is_an_override_the_cli_accepts(client):
    base = client.post("/api/run", json={"scenario": "stargate"}).json()["metrics"]
    for name in ("stargate", "stargate-uae", "colossus"):
        info = client.get(f"/api/scenarios/{name}").json()
        for c in info["controls"]:
            if c["kind"] == "choice":
                overrides = {p: "gb300" for p in c["paths"]}
            elif c["kind"] == "cap":
                overrides = {c["path"]: [{"name": "test", "per_year": 1000}]}
            else:
                overrides = {c["path"]: c["value"]}
            r = client.post("/api/run", json={"scenario": name, "overrides": overrides})
            assert r.status_code == 200, (name, c["path"], r.text)
            if name == "stargate" and c["kind"] in ("number", "usd"):  # its own value changes nothing
                assert r.json()["metrics"] == base, c["path"]


def test_a_supply_cap_from_the_page_caps_the_orders(client):
    r = client.post(
        "/api/run",
        json={"scenario": "stargate", "overrides": {"supply_caps": [{"name": "t", "per_year": 100_000}]}},
    )
    yearly = r.json()["yearly"]
    installed = [row["accelerators"] for row in yearly]
    # at most 100,000 ordered each calendar year, none retired within 5 years: by the end of the k-th year at most
    # k x 100,000 installed (orders arrive after a lead time, so a year may install more than it ordered)
    assert all(n <= 100_000 * k + 1e-6 for k, n in enumerate(installed, start=1))
    assert installed[-1] == pytest.approx(500_000)  # and the cap binds: stargate as announced installs millions


# ------------------------------------------------------------------------------------------------ the page, safety


def test_security_headers_and_no_cors(client):
    r = client.get("/", headers={"origin": "https://evil.example"})
    csp = r.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-eval" not in csp.split("script-src")[1].split(";")[0]
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/api/run", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}
    )
    assert "access-control-allow-origin" not in pre.headers


def test_the_page_is_offline_and_its_scripts_are_files():
    import re

    static = resources.files("gigawatt.web.static")
    html = static.joinpath("index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/plotly.min.js" defer>',
        '<script src="/static/app.js" defer>',
    ]
    assert "<script src" in html and not re.search(r"<script[^>]*>[^<\s]", html)  # no inline script
    for name in ("index.html", "docs.html", "app.js", "docs.js", "app.css"):
        text = static.joinpath(name).read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"https?://|url\(https?:|fetch\(\"https?://|@import", text), name


def test_plotly_is_served_from_the_installed_package(client):
    import plotly

    bundled = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    r = client.get("/static/plotly.min.js")
    assert r.status_code == 200 and r.content == bundled.read_bytes()
    assert client.get("/static/..%2F..%2Fapp.py").status_code == 404
    assert client.get("/static/index.html").status_code == 404  # a fixed list of files, not a folder


def test_the_openapi_document_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/scenarios", "/api/scenarios/{name}", "/api/run", "/api/compare", "/api/risk", "/api/estimate"):
        assert p in paths
    assert "/api/validate" in paths and "/api/claims" in paths
    assert client.get("/docs").status_code == 200


def test_serve_binds_localhost_and_warns_for_another_host(capsys, monkeypatch):
    import uvicorn

    import gigawatt.__main__  # noqa: F401  (registers `serve`)

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    assert main(["serve"]) == 0
    out, err = capsys.readouterr()
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 8000
    assert "http://127.0.0.1:8000" in out and "warning" not in err
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    out, err = capsys.readouterr()
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 8123
    assert "warning: --host 0.0.0.0" in err


# ------------------------------------------------------------------------------------------------ fuzzing

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
_PATHS = st.sampled_from(
    [
        "operations.pue",
        "funding.announced_arrival",
        "partners[SoftBank].pledges[0].secured_usd",
        "sites[abilene].phases[0].power_mw",
        "sites[abilene].phases[1].accelerator",
        "supply_caps",
        "risks.construction_slip",
        "programme.start",
        "sites[9].name",
        "nope",
        "",
        "a=b",
        "sites[abilene",
    ]
)


@given(overrides=st.dictionaries(_PATHS, _JSON, max_size=3))
def test_any_override_is_answered_or_refused_with_a_message_never_a_500(client, overrides):
    r = client.post("/api/run", json={"scenario": "stargate", "overrides": overrides})
    assert r.status_code in (200, 422), r.text
    if r.status_code == 422:
        body = r.json()
        assert body["detail"] and body["problems"] and all(p["message"] for p in body["problems"])


@given(text=st.text(max_size=300))
def test_any_scenario_text_is_answered_or_refused_with_a_message_never_a_500(client, text):
    r = client.post("/api/run", json={"scenario": text})
    assert r.status_code in (200, 404, 422), r.text
    assert r.status_code == 200 or r.json()["detail"]

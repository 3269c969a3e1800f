"""The page in a real browser (issue 18 item 4): headless Chromium from Debian's ``chromium`` package, driven by
Playwright for Python with ``executable_path`` (never ``playwright install``). The page loads and draws, moving an
assumption redraws the charts with the API's new numbers (and the time from the slider to the redrawn charts is
measured), bad YAML shows its message beside the field, a shared link reopens the same view, a risk run draws its
fan charts and can be cancelled, the Extract box lists an article's claims. Screenshots and the measured times go
to ``test-artifacts/`` (gitignored).

.ci/run installs chromium with apt when /usr/bin/chromium is missing, so these tests run in CI; without the browser
they fail (never skip) and say how to install it.
"""

from __future__ import annotations

import json
import os
import statistics
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import sync_playwright

import gigawatt as gw
from web_server import running_server

CHROMIUM = os.environ.get("GIGAWATT_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
REDRAW_BOUND_MS = 1500  # generous: the target is 300 ms; this shared 2-core machine runs other work too


@pytest.fixture(scope="module")
def base():
    with running_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP)
    pg = context.new_page()
    pg.errors = []  # console errors (a CSP violation is one) and uncaught exceptions
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def _raw_phases(name: str) -> list[tuple[str, str]]:
    """(site, phase) of every phase as the scenario file writes it (a ramp's buildings are one phase there)."""
    s = gw.load_scenario(name)
    return list(dict.fromkeys((site.name, ph.name.split("/building-")[0]) for site in s.sites for ph in site.phases))


def wait_runs(pg, n: int) -> None:
    pg.wait_for_selector(f"body[data-runs='{n}']", state="attached", timeout=60_000)


def chart_y(pg, chart: str, trace: int = 0) -> list:
    return pg.evaluate(f"Array.from(document.getElementById('{chart}').data[{trace}].y)")


def api_run(base: str, overrides: dict) -> dict:
    r = httpx.post(f"{base}/api/run?timeseries=true", json={"scenario": "stargate", "overrides": overrides}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def test_the_page_loads_and_draws_the_api_numbers(base, page):
    page.goto(base + "/")
    wait_runs(page, 1)
    want = api_run(base, {})
    assert chart_y(page, "chart-mw") == want["timeseries"]["mw_online"]
    assert page.locator("#chart-mw .main-svg").count() >= 1 and page.locator("#chart-mw path.js-line").count() >= 1
    engine = gw.simulate(gw.load_scenario("stargate")).metrics  # the engine itself, not through the API
    assert page.inner_text("#metric-mw_online_end .v") == f"{engine['mw_online_end']:,.0f} MW"
    assert page.locator("#phases tbody tr").count() == len(want["phases"])
    page.screenshot(path=str(ARTIFACTS / "web-laptop.png"), full_page=True)
    assert page.errors == []


def test_moving_an_assumption_redraws_with_the_api_numbers_and_is_timed(base, page):
    page.goto(base + "/")
    wait_runs(page, 1)
    slider = page.locator("#ctl-operations\\.pue")
    times = []
    for n in range(2, 8):
        slider.focus()
        page.keyboard.press("ArrowRight")  # one step: +0.01 PUE, one run
        wait_runs(page, n)
        times.append(page.evaluate("window.gigawatt.redraws.at(-1)"))
    start = gw.load_scenario("stargate").operations.pue
    pue = round(start + 0.06, 2)
    assert page.evaluate("window.gigawatt.redraws.at(-1).overrides") == {"operations.pue": pue}
    want = api_run(base, {"operations.pue": pue})
    assert chart_y(page, "chart-energy") == pytest.approx([v / 1e3 for v in want["timeseries"]["energy_mwh"]])
    engine = gw.simulate(gw.load_scenario("stargate", overrides=[f"operations.pue={pue}"])).timeseries
    assert chart_y(page, "chart-mw", 1) == engine["it_mw_installed"].tolist()  # the engine itself, not the API
    assert chart_y(page, "chart-energy") == pytest.approx((engine["energy_mwh"] / 1e3).tolist())
    assert page.inner_text("#out-operations\\.pue") == f"{pue:g}"
    figures = {k: statistics.median(t[k] for t in times) for k in ("ms", "api_ms", "draw_ms")}
    (ARTIFACTS / "web-interaction.json").write_text(json.dumps({"median": figures, "each": times}, indent=2) + "\n")
    print(
        f"slider to redrawn charts, median of 6: {figures['ms']:.0f} ms (API {figures['api_ms']:.0f} ms, drawing "
        f"{figures['draw_ms']:.0f} ms)"
    )
    assert figures["ms"] < REDRAW_BOUND_MS
    assert page.errors == []


def test_bad_yaml_shows_its_message_beside_the_field(base, page):
    page.goto(base + "/")
    wait_runs(page, 1)
    bad = "name: x\nprogramme:\n  start: 2025-01\n  horizon_months: -4\nsites: []\n"
    want = httpx.post(f"{base}/api/run", json={"scenario": bad}).json()["detail"]
    page.click("#yaml-box summary")
    page.fill("#yaml-text", bad)
    page.click("#yaml-use")
    page.wait_for_selector("#yaml-error:not(:empty)")
    assert page.inner_text("#yaml-error") == want
    assert "programme.horizon_months" in want
    assert page.get_attribute("#yaml-text", "aria-invalid") == "true"
    assert page.locator("#chart-mw .main-svg").count() >= 1  # the last good view stays: never a blank page
    page.screenshot(path=str(ARTIFACTS / "web-bad-yaml.png"), full_page=False)


def test_a_bad_override_in_a_link_shows_beside_its_control(base, page):
    page.goto(base + "/?scenario=stargate&set=operations.pue%3D9")
    page.wait_for_selector("[id='err-operations.pue']:not(:empty)", timeout=30_000)
    text = page.inner_text("[id='err-operations.pue']")
    assert "operations.pue: 9 is out of range; expected <= 3" in text
    assert page.inner_text("#status").startswith("not run")


def test_a_shared_link_reopens_the_same_view(base, browser, page):
    page.goto(base + "/")
    wait_runs(page, 1)
    page.select_option("#ctl-accelerator", "gb300")
    wait_runs(page, 2)
    slider = page.locator("#ctl-funding\\.announced_arrival")
    slider.focus()
    page.keyboard.press("Home")  # none of the announced-only money
    wait_runs(page, 3)
    link = page.url
    assert "funding.announced_arrival%3D0" in link and "gb300" in link
    other = browser.new_context(viewport=PHONE).new_page()
    other.goto(link)
    wait_runs(other, 1)
    for chart in ("chart-mw", "chart-accel", "chart-money", "chart-gap"):
        assert chart_y(other, chart) == chart_y(page, chart), chart
    assert other.input_value("#ctl-funding\\.announced_arrival") == "0"
    assert other.input_value("#ctl-accelerator") == "gb300"
    sets = [f"sites[{s}].phases[{ph}].accelerator=gb300" for s, ph in _raw_phases("stargate")]
    engine = gw.simulate(gw.load_scenario("stargate", overrides=[*sets, "funding.announced_arrival=0"])).metrics
    assert other.inner_text("#metric-equity_received_usd .v") == f"${engine['equity_received_usd'] / 1e9:.2f}B"
    other.context.close()


def test_downloads_json_csv_and_a_chart_png(base, page):
    page.goto(base + "/?scenario=stargate-uae")
    wait_runs(page, 1)
    want = httpx.post(f"{base}/api/run", json={"scenario": "stargate-uae"}).json()
    with page.expect_download() as d:
        page.click("#dl-json")
    got = json.loads(Path(d.value.path()).read_text())
    assert {k: got[k] for k in want} == want  # the run --json, with the monthly series the page drew
    with page.expect_download() as d:
        page.click("#dl-yearly")
    lines = Path(d.value.path()).read_text().splitlines()
    assert lines[0].startswith("year,months,partial,mw_online") and len(lines) == 1 + len(want["yearly"])
    page.hover("#chart-mw")
    with page.expect_download() as d:
        page.click("#chart-mw .modebar-btn[data-title^='Download plot']")
    assert Path(d.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert d.value.suggested_filename.endswith(".png")


def test_a_risk_run_draws_its_fan_charts(base, page):
    page.set_viewport_size(PHONE)
    page.goto(base + "/?scenario=stargate&view=risk")
    wait_runs(page, 1)
    page.fill("#risk-trials", "4096")
    page.fill("#risk-seed", "7")
    page.click("#risk-run")
    page.wait_for_selector("body[data-risk-done='4096']", state="attached", timeout=180_000)
    want = httpx.post(f"{base}/api/risk", json={"scenario": "stargate", "trials": 4096, "seed": 7}, timeout=120).json()
    assert page.evaluate("document.getElementById('fan-mw_online').data.length") == 4
    assert chart_y(page, "fan-mw_online", 2) == want["fan"]["mw_online"]["p50"]  # the P50 trace
    assert page.locator("#risk-probs tbody tr").count() == len(want["probabilities"])
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1  # no sideways scrolling
    page.screenshot(path=str(ARTIFACTS / "web-phone-risk.png"), full_page=True)
    assert page.errors == []


def test_a_risk_run_can_be_cancelled(base, page):
    before = httpx.get(f"{base}/api/health").json()["monte_carlo"]["cancelled"]
    page.goto(base + "/?scenario=stargate&view=risk")
    wait_runs(page, 1)
    page.fill("#risk-trials", "100000")
    page.fill("#risk-seed", "11")
    page.click("#risk-run")
    page.wait_for_selector("#risk-cancel:not([disabled])")
    page.click("#risk-cancel")
    page.wait_for_selector("#risk-error:has-text('cancelled')")
    for _ in range(100):
        if httpx.get(f"{base}/api/health").json()["monte_carlo"]["cancelled"] > before:
            break
        page.wait_for_timeout(100)
    assert httpx.get(f"{base}/api/health").json()["monte_carlo"]["cancelled"] == before + 1


def test_tabs_work_from_the_keyboard_and_each_view_fills(base, page):
    page.goto(base + "/")
    wait_runs(page, 1)
    page.focus("#tab-buildout")
    page.keyboard.press("ArrowRight")
    assert page.get_attribute("#tab-risk", "aria-selected") == "true" and page.is_visible("#view-risk")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.click("#compare-run")
    page.wait_for_selector("#compare-table tbody tr")
    assert "stargate-musk" in page.inner_text("#compare-table thead")
    page.click("#tab-estimate")
    page.fill("#est-value", "1.2 GW")
    page.click("#est-run")
    page.wait_for_selector("#est-table tbody tr")
    want = httpx.post(f"{base}/api/estimate", json={"accelerator": "gb200", "power": "1.2 GW"}).json()
    assert page.inner_text("#est-table tbody tr:first-child td:last-child") == f"{want['accelerators']:,.0f}"
    page.fill("#est-value", "$5B")  # money where a power is expected: the CLI's message, beside the field
    page.click("#est-run")
    page.wait_for_selector("#est-value-error:not(:empty)")
    assert page.inner_text("#est-value-error").startswith("--power: '$5B' is money, not a power")
    page.click("#tab-validate")
    page.wait_for_selector("#validate-sites tbody tr", timeout=30_000)
    page.click("#tab-sources")
    assert "# resolved from built-in scenario 'stargate'" in page.inner_text("#show-text")
    for label in page.locator("label").all():  # every control has its label
        target = label.get_attribute("for")
        assert target is None or page.locator(f"[id='{target}']").count() == 1, target
    assert [e for e in page.errors if "status of 422" not in e] == []  # the $5B above is answered 422, as it should


def test_the_claims_view_lists_the_ledger_with_verdicts_and_sources(base, page):
    page.goto(base + "/?view=claims")
    page.wait_for_selector("#claims-table tbody tr", timeout=180_000)
    want = httpx.get(f"{base}/api/claims?trials=2000&seed=0", timeout=180).json()  # answered from the server's cache
    rows = page.locator("#claims-table tbody tr")
    assert rows.count() == len(want["claims"])
    first = want["claims"][0]
    cells = rows.nth(0).locator("td").all_inner_texts()
    assert cells[0] == first["date"] and cells[1] == first["speaker"]["name"] and cells[2] == first["text"]
    assert cells[6] == f"{first['observed']['status']} ({first['observed']['as_of']})"
    assert page.inner_text("#claims-track") == "track record: " + want["track_record"]["note"]


def test_the_extract_box_lists_the_apis_claims_and_shows_a_bad_date_beside_its_field(base, page):
    text = (
        "Elon Musk cast doubt on Stargate's funding. \"They don't actually have the money,\" Musk wrote on X, adding "
        'that SoftBank has "well under $10B secured".\nAccording to The Information, OpenAI and SoftBank will each '
        "commit $19 billion to the venture."
    )
    page.goto(base + "/?view=claims")
    page.fill("#ex-text", text)
    page.fill("#ex-date", "2025-01-23")
    page.click("#ex-run")
    page.wait_for_selector("#ex-table tbody tr", timeout=60_000)
    want = httpx.post(f"{base}/api/claims/extract", json={"text": text, "date": "2025-01-23"}, timeout=60).json()
    assert len(want["claims"]) == 2  # the article's two claims, read by the API (tests/test_web_extract.py: = the CLI)
    rows = page.locator("#ex-table tbody tr")
    assert rows.count() == len(want["claims"])
    for i, c in enumerate(want["claims"]):
        cells = rows.nth(i).locator("td")
        assert cells.nth(0).inner_text() == c["speaker"] and cells.nth(1).inner_text() == c["quote"]
    assert (
        rows.nth(0).locator("td").nth(2).inner_text() == "well under $10.00B"
    )  # the page writes billions with two decimals
    assert page.inner_text("#ex-status") == "2 claims (en; published 2025-01-23)."
    assert page.errors == []  # (the 422 below is logged by the browser as a failed load)
    page.fill("#ex-date", "2025-13-01")
    page.click("#ex-run")
    page.wait_for_selector("#ex-date-error:not(:empty)")
    bad = httpx.post(f"{base}/api/claims/extract", json={"text": text, "date": "2025-13-01"}, timeout=60).json()
    assert page.inner_text("#ex-date-error") == bad["detail"] and bad["detail"].startswith("--date: '2025-13-01'")
    page.screenshot(path=str(ARTIFACTS / "web-extract.png"), full_page=False)
    assert all("422" in e for e in page.errors), page.errors

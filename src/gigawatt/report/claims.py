"""The claims ledger as files people read and tools exchange: report.md, report.html, claims.csv, claimreview.jsonld.

Input: ``ledger``, the dict ``gigawatt claims --json`` prints, and ``trajectories``, ``{claim id: series}`` for the
claims with a check (both described in the claims ledger's contract). Nothing here evaluates a claim: the writer
only lays out what the ledger says, so every function is a pure function of its arguments.

The ClaimReview rating (``rating``), on schema.org's 1-5 scale where higher is truer:

1. A resolved claim (``observed.resolved``) whose outcome is ``holds``, ``partly`` or ``fails`` is rated on what
   happened: 5, 3, 1.
2. Otherwise (not resolved, or resolved as ``annulled`` / ``unclear``, which says nothing about truth) it is rated
   on the model: with a probability p, ``1 + floor(4 p + 1/2)`` (halves round up: p = 0.625 gives 4; p = 0 gives 1,
   p = 1 gives 5); with no probability, on the deterministic verdict: ``holds`` / ``agrees`` 4, ``fails`` /
   ``disagrees`` 2, anything else (``not modelled``) 3.

The rating's ``alternateName`` always carries the model's words (``verdict_words``, for example "Unlikely (p =
0.18)"), and for a resolved claim ``"; observed: fails (as of 2026-11-30)"`` after them.

The claim's author (``author_type``) is a schema.org ``Person`` or ``Organization``: the speaker's own ``type``
field when given ("person" / "organization"); else an ``Organization`` when the name joins several ("A and B",
"A & B", "A, B"), holds a digit or an organisation word (Inc, Group, Government, AI, ...); else a ``Person`` when
the role names a person's title (CEO, founder, president, minister, ...) or the name reads as a personal name (two
to four words, each a capital followed by lower-case letters, "de" / "van" / "bin" and the like allowed); else an
``Organization`` ("Stargate UAE", "xAI", "MGX").
"""

from __future__ import annotations

import base64
import csv
import io
import json
import math
import re
from html import escape as _escape
from urllib.parse import quote

from gigawatt.report.claim_chart import amount, trajectory_png
from gigawatt.report.output import plain

REPORT_FILES = ("report.md", "report.html", "claims.csv", "claimreview.jsonld")
CSV_COLUMNS = (
    "id",
    "date",
    "speaker",
    "text",
    "kind",
    "scenario",
    "verdict",
    "probability",
    "first_holds",
    "observed_status",
    "observed_as_of",
    "source_facts_id",
    "source_address",
)
REVIEWER = {"@type": "Organization", "name": "gigawatt"}
OUTCOME_RATING = {"holds": 5, "partly": 3, "fails": 1}
VERDICT_RATING = {"holds": 4, "agrees": 4, "fails": 2, "disagrees": 2}
UNRATED_VERDICT = 3  # "not modelled", or any verdict the rule does not name
ORGANISATION_WORDS = re.compile(
    r"(inc|corp|corporation|co|llc|ltd|plc|gmbh|sa|ag|group|company|holdings|partners|capital|bank|fund|"
    r"government|ministry|office|house|administration|agency|department|council|commission|university|institute|"
    r"foundation|labs?|technologies|systems|energy|ai|news|times|journal|post|press|reuters|bloomberg|"
    r"stargate|openai|softbank|oracle|microsoft|nvidia)\.?",
    re.IGNORECASE,
)
PERSON_TITLES = re.compile(
    r"\b(ceo|cfo|cto|chief|founder|co-founder|president|chair|chairman|chairwoman|minister|secretary|senator|"
    r"governor|mayor|spokesperson|spokesman|spokeswoman|analyst|journalist|reporter|investor|executive)\b",
    re.IGNORECASE,
)
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "van", "von", "der", "den", "bin", "al", "la", "le"})
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)*\.?")


# ---------------------------------------------------------------------------------------------------------------
# small readers of the ledger


def _observed(claim: dict) -> dict:
    return claim.get("observed") or {}


def _resolved(claim: dict) -> bool:
    return bool(_observed(claim).get("resolved"))


def _p_text(p: float | None) -> str:
    """``p = 0.18``; never "0.00" or "1.00" for a value strictly between 0 and 1 (``p < 0.01``, ``p > 0.99``)."""
    if p is None:
        return ""
    if 0 < p < 0.01:
        return "p < 0.01"
    if 0.99 < p < 1:
        return "p > 0.99"
    return f"p = {p:.2f}"


def model_words(claim: dict) -> str:
    """The model's verdict in words: ``verdict_words`` from the ledger, else built from the verdict and p."""
    if claim.get("verdict_words"):
        return str(claim["verdict_words"])
    words = str(claim.get("verdict") or "not modelled").capitalize()
    p = claim.get("probability")
    return f"{words} ({_p_text(p)})" if p is not None else words


def observed_words(claim: dict) -> str:
    """``"fails (as of 2026-11-30)"``, or ``""`` with no observation."""
    obs = _observed(claim)
    if not obs.get("status"):
        return ""
    return f"{obs['status']} (as of {obs['as_of']})" if obs.get("as_of") else str(obs["status"])


def rating(claim: dict) -> int:
    """The ClaimReview rating, 1-5, higher is truer (the rule is in the module docstring)."""
    status = _observed(claim).get("status")
    if _resolved(claim) and status in OUTCOME_RATING:
        return OUTCOME_RATING[status]
    p = claim.get("probability")
    if p is not None:
        return 1 + math.floor(4 * float(p) + 0.5)
    return VERDICT_RATING.get(claim.get("verdict"), UNRATED_VERDICT)


def rating_words(claim: dict) -> str:
    """The rating's alternateName: the model's words, and what was observed when the claim is resolved."""
    words = model_words(claim)
    if _resolved(claim) and observed_words(claim):
        words += f"; observed: {observed_words(claim)}"
    return words


def author_type(speaker: dict) -> str:
    """``"Person"`` or ``"Organization"`` for a speaker (the rule is in the module docstring)."""
    given = str(speaker.get("type") or "").lower()
    if given in ("person", "organization", "organisation"):
        return "Person" if given == "person" else "Organization"
    name = str(speaker.get("name") or "").strip()
    words = name.split()
    if re.search(r"\d|&|,|\band\b", name) or any(ORGANISATION_WORDS.fullmatch(w) for w in words):
        return "Organization"
    if PERSON_TITLES.search(str(speaker.get("role") or "")):
        return "Person"
    named = [w for w in words if w.lower() not in NAME_PARTICLES]
    if 2 <= len(words) <= 4 and len(named) >= 2 and all(_NAME_WORD.fullmatch(w) for w in named):
        return "Person"
    return "Organization"


def first_url(address) -> str:
    """The first web address in ``address`` (facts.csv sometimes gives two: "https://a (canonical: https://b)")."""
    m = re.search(r"https?://[^\s<>\"')]+", str(address or ""))
    return m.group(0) if m else str(address or "")


def anchor(claim_id: str) -> str:
    """The fragment that names a claim's section in report.html (its id, percent-encoded where it must be)."""
    return quote(str(claim_id), safe="-._~!$'()*+,;=:@")


# ---------------------------------------------------------------------------------------------------------------
# claimreview.jsonld


def _claim_node(claim: dict) -> dict:
    speaker = claim.get("speaker") or {}
    kind = author_type(speaker)
    author = {"@type": kind, "name": str(speaker.get("name") or "")}
    if speaker.get("role"):
        author["jobTitle" if kind == "Person" else "description"] = str(speaker["role"])
    source = claim.get("source") or {}
    appearance = [{"@type": "CreativeWork", "url": first_url(source.get("address"))}]
    if source.get("title"):
        appearance[0]["headline"] = str(source["title"])
    original = claim.get("original") or None
    node = {
        "@type": "Claim",
        "author": author,
        "datePublished": str(claim.get("date") or ""),
        "appearance": appearance,
        "inLanguage": str(claim.get("language") or "en"),
    }
    if original:
        node["text"] = str(original.get("text") or "")
        node["inLanguage"] = str(original.get("language") or node["inLanguage"])
        if original.get("address") and original["address"] != source.get("address"):
            appearance.append(
                {"@type": "CreativeWork", "url": str(original["address"]), "inLanguage": node["inLanguage"]}
            )
    return node


def claimreview(ledger: dict, page: str = "report.html") -> dict:
    """One schema.org ClaimReview per claim, as a JSON-LD document with a ``@graph``.

    ``page`` is the address of the report the reviews live on: each review's ``url`` is ``page#<claim id>``
    (relative by default; pass an absolute address when the report is published)."""
    graph = []
    for claim in ledger.get("claims", []):
        url = f"{page}#{anchor(claim['id'])}"
        graph.append(
            {
                "@type": "ClaimReview",
                "@id": url,
                "url": url,
                "claimReviewed": str(claim.get("text") or ""),
                "datePublished": str(_observed(claim).get("as_of") or ledger.get("evidence_as_of") or ""),
                "inLanguage": "en",
                "author": dict(REVIEWER),
                "itemReviewed": _claim_node(claim),
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": rating(claim),
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": rating_words(claim),
                },
            }
        )
    return {"@context": "https://schema.org", "@graph": graph}


# ---------------------------------------------------------------------------------------------------------------
# claims.csv


def csv_rows(ledger: dict) -> list[dict]:
    """One dict per claim with the ``CSV_COLUMNS``; absent values are ``""``, a probability is ``repr`` exact."""
    rows = []
    for claim in ledger.get("claims", []):
        obs, source = _observed(claim), claim.get("source") or {}
        p = claim.get("probability")
        values = {
            "id": claim.get("id"),
            "date": claim.get("date"),
            "speaker": (claim.get("speaker") or {}).get("name"),
            "text": claim.get("text"),
            "kind": claim.get("kind"),
            "scenario": claim.get("scenario"),
            "verdict": claim.get("verdict"),
            "probability": repr(float(p)) if p is not None else None,
            "first_holds": claim.get("first_holds"),
            "observed_status": obs.get("status"),
            "observed_as_of": obs.get("as_of"),
            "source_facts_id": source.get("facts_id"),
            "source_address": source.get("address"),
        }
        rows.append({k: "" if v is None else str(v) for k, v in values.items()})
    return rows


def csv_text(ledger: dict) -> str:
    """claims.csv: a header and one row per claim, oldest first (the ledger's order)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(ledger))
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------------------
# numbers in words


def _score(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _track_rows(track: dict) -> list[tuple[str, str, str]]:
    """(forecaster, Brier, log score) for the model and the two baselines."""
    base = (track.get("baselines") or {}).get("base_rate") or {}
    half = (track.get("baselines") or {}).get("half") or {}
    rate = track.get("base_rate")
    rate_words = f" ({rate:.2f})" if rate is not None else ""
    return [
        ("the model", _score(track.get("brier")), _score(track.get("log_score"))),
        (f"always the base rate{rate_words}", _score(base.get("brier")), _score(base.get("log_score"))),
        ("always 50 %", _score(half.get("brier")), _score(half.get("log_score"))),
    ]


SCORE_NOTE = (
    "Lower is better for both: the Brier score is the mean squared difference between the probability and the "
    "outcome (1 held, 0 failed); the log score is the mean negative log-likelihood (natural log) of the outcome."
)


def _worst_words(row: dict) -> str:
    outcome = "it held" if row.get("outcome") == 1 else "it failed"
    return f"{_p_text(row.get('probability'))}, {outcome}; Brier {_score(row.get('brier'))}"


def _run_words(ledger: dict) -> str:
    trials = ledger.get("trials")
    run = f"{trials:,} trials, seed {ledger.get('seed')}" if trials else "deterministic runs only (no probabilities)"
    return f"Ledger: {ledger.get('ledger')}. Evidence as of {ledger.get('evidence_as_of')}. Model: {run}."


def _verdict_cell(claim: dict) -> str:
    """The table's verdict: the central run's, the likelihood in words with p, and whether it is scored."""
    verdict = str(claim.get("verdict") or "")
    words = model_words(claim) if claim.get("probability") is not None else ""
    cell = f"{verdict}; {words}" if words and verdict.lower() != words.lower() else verdict
    return cell + (" (not a forecast: not scored)" if claim.get("forecast") is False else "")


def _threshold_words(t: dict) -> str:
    unit = t.get("unit")
    words = f"{t.get('comparator', '')} {amount(t.get('threshold'), unit)}".strip()
    bounds = [f"{k} {amount(t[k], unit)}" for k in ("low", "high") if t.get(k) is not None]
    return f"{words}{' (' + ', '.join(bounds) + ')' if bounds else ''} by {t.get('by')}"


def trajectory_words(t: dict) -> str:
    """The trajectory at ``by`` in one line (markdown has no chart): modelled value, P10-P90, the claimed threshold."""
    by = str(t.get("by") or "")[:7]
    months = [str(m)[:7] for m in t.get("months") or []]
    i = months.index(by) if by in months else len(months) - 1
    if i < 0:
        return f"No modelled months; claimed {_threshold_words(t)}."
    unit = t.get("unit")
    at = f"{t.get('label', 'value')} in {months[i]}: {amount((t.get('value') or [None])[i], unit)} modelled"
    if t.get("p10") and t.get("p90"):
        at += f" (P10-P90 {amount(t['p10'][i], unit)} to {amount(t['p90'][i], unit)})"
    return f"{at}; claimed {_threshold_words(t)}, on scenario {t.get('scenario')}."


# ---------------------------------------------------------------------------------------------------------------
# report.md


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")  # inline markup, table cells, raw HTML; ">" and "#" only start lines


def md(text) -> str:
    """User text as literal markdown on one line: markup characters backslash-escaped, line breaks as spaces."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(plain(text).split()))


def _md_track(ledger: dict) -> list[str]:
    track = ledger.get("track_record") or {}
    lines = ["## Track record", "", f"Resolved forecast claims scored: {track.get('resolved', 0)}.", ""]
    lines += ["| forecaster | Brier | log score |", "| --- | ---: | ---: |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in _track_rows(track)]
    lines += ["", SCORE_NOTE, ""]
    if track.get("note"):
        lines += [md(track["note"]), ""]
    if track.get("worst"):
        lines += ["Most wrong first:", ""]
        lines += [f"- [{md(w['id'])}](#{anchor(w['id'])}): {_worst_words(w)}" for w in track["worst"]]
        lines.append("")
    return lines


def _md_table(ledger: dict) -> list[str]:
    lines = ["## Claims", "", "| date | speaker | claim | kind | verdict | observed | source |"]
    lines.append("| --- | --- | --- | --- | --- | --- | --- |")
    for c in ledger.get("claims", []):
        speaker = (c.get("speaker") or {}).get("name")
        cells = [c.get("date"), speaker, None, c.get("kind"), _verdict_cell(c), observed_words(c)]
        cells = [md(x or "") for x in cells]
        cells[2] = f"[{md(c.get('text') or '')}](#{anchor(c['id'])})"
        cells.append(md((c.get("source") or {}).get("facts_id") or ""))
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _md_claim(claim: dict, trajectory: dict | None) -> list[str]:
    speaker = claim.get("speaker") or {}
    who = md(speaker.get("name") or "") + (f" ({md(speaker['role'])})" if speaker.get("role") else "")
    lines = [f'<a id="{_escape(anchor(claim["id"]))}"></a>', "", f"### {md(claim['id'])}", ""]
    lines += [f"{md(claim.get('date') or '')}, {who}: {md(claim.get('text') or '')}", ""]
    original = claim.get("original")
    if original:
        lines += [f"Original ({md(original.get('language') or '')}): {md(original.get('text') or '')}", ""]
    for label, value in _claim_facts(claim):
        lines.append(f"- {label}: {md(value)}")
    lines += ["", f"Verdict: {md(model_words(claim))}. {md(_verdict_detail(claim))}", ""]
    if _input_line(claim):
        lines += [md(_input_line(claim)), ""]
    table = detail_table(claim)
    if table is not None:
        head, rows = table
        lines += ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
        lines.append("")
    obs = _observed(claim)
    if obs:
        lines += [f"Observed: {md(observed_words(claim))}. {md(obs.get('note') or '')}".rstrip(), ""]
        for e in obs.get("evidence") or []:
            link = f" <{e['address']}>" if _is_web(e.get("address")) else ""  # a web address has no markup in it
            lines.append(
                f"- {md(e.get('date') or '')} \\[{md(e.get('facts_id') or '')}\\]: {md(e.get('text') or '')}{link}"
            )
        lines += [""] if obs.get("evidence") else []
    if trajectory:
        lines += [md(trajectory_words(trajectory)) + f" (chart in report.html#{anchor(claim['id'])})", ""]
    return lines


def _is_web(address) -> bool:
    return bool(re.fullmatch(r"https?://[^\s<>\"']+", str(address or "")))


def _claim_facts(claim: dict) -> list[tuple[str, str]]:
    """(label, text) lines shared by both reports: source, resolution, check, quantity."""
    source, res = claim.get("source") or {}, claim.get("resolution") or {}
    facts = [("Source", f"{source.get('title') or ''} [{source.get('facts_id') or ''}] {source.get('address') or ''}")]
    facts += [("Kind", f"{claim.get('kind')} ({claim.get('status') or 'reviewed'})")]
    q = claim.get("quantity")
    if q:
        band = "".join(f", {k} {amount(q[k], q.get('unit'))}" for k in ("low", "high") if q.get(k) is not None)
        hedge = f', hedge "{q["hedge"]}"' if q.get("hedge") else ""
        facts.append(("Quantity", f"{q.get('comparator')} {amount(q.get('value'), q.get('unit'))}{band}{hedge}"))
    for key, label in (("criteria", "Resolves"), ("source", "Settled by"), ("by", "By"), ("ambiguity", "Ambiguity")):
        if res.get(key):
            facts.append((label, str(res[key])))
    check = claim.get("check")
    if check:
        facts.append(
            (
                "Check",
                f"{check.get('label')} {check.get('comparator')} "
                f"{amount(check.get('value'), check.get('unit'))} by {check.get('by')}",
            )
        )
    if claim.get("scenario"):
        facts.append(("Scenario", f"{claim['scenario']} (as known on {claim.get('scenario_as_of')})"))
    return [(label, " ".join(text.split())) for label, text in facts]


def _verdict_detail(claim: dict) -> str:
    modelled = claim.get("verdict") not in (None, "not modelled")
    parts = [f"Deterministic run: {claim.get('verdict')}"] if modelled else []
    if claim.get("margin") is not None:
        parts.append(f"margin {amount(claim['margin'], claim.get('margin_unit'))}")
    if claim.get("first_holds"):
        parts.append(f"first holds {claim['first_holds']}")
    if claim.get("forecast") is False:
        parts.append("not scored (not a forecast)")
    text = ", ".join(parts) + "." if parts else ""
    return f"{text} {claim.get('reason') or ''}".strip()


def markdown(ledger: dict, trajectories: dict) -> str:
    """report.md: the track record, the table of claims, then each claim in full (charts are in report.html)."""
    lines = ["# gigawatt claims ledger: who was right?", "", md(_run_words(ledger)), ""]
    lines += _md_track(ledger) + _md_table(ledger) + ["## Each claim", ""]
    for claim in ledger.get("claims", []):
        lines += _md_claim(claim, (trajectories or {}).get(claim["id"]))
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------------------------
# report.html


CSS = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:62rem;margin:0 auto;"
    "padding:1rem;line-height:1.45;color:#222}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}"
    "th,td{border-bottom:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}.scroll{overflow-x:auto}"
    "section{border-top:1px solid #bbb;margin-top:1.6rem}img{max-width:100%;height:auto}"
    "blockquote{margin:.5rem 0;padding:.2rem .8rem;border-left:3px solid #ccc;color:#444}"
    ".muted{color:#666;font-size:.9rem}"
)


def _e(text) -> str:
    return _escape(plain("" if text is None else text), quote=True)


def _link(address, label=None) -> str:
    """A link for an http(s) address, plain text for anything else (``javascript:`` and the like)."""
    if _is_web(address):
        return f'<a href="{_e(address)}">{_e(label or address)}</a>'
    return _e(label or address or "")


def _html_track(ledger: dict) -> list[str]:
    track = ledger.get("track_record") or {}
    out = [
        '<h2 id="track-record">Track record</h2>',
        f"<p>Resolved forecast claims scored: {track.get('resolved', 0)}.</p>",
    ]
    out.append('<div class="scroll"><table><tr><th>forecaster</th><th>Brier</th><th>log score</th></tr>')
    out += [
        f'<tr><td>{_e(a)}</td><td class="num">{b}</td><td class="num">{c}</td></tr>' for a, b, c in _track_rows(track)
    ]
    out += ["</table></div>", f'<p class="muted">{_e(SCORE_NOTE)}</p>']
    if track.get("note"):
        out.append(f"<p>{_e(track['note'])}</p>")
    if track.get("worst"):
        items = [
            f'<li><a href="#{_e(anchor(w["id"]))}">{_e(w["id"])}</a>: {_e(_worst_words(w))}</li>'
            for w in track["worst"]
        ]
        out.append("<p>Most wrong first:</p><ul>" + "".join(items) + "</ul>")
    return out


def _html_table(ledger: dict) -> list[str]:
    head = "".join(f"<th>{h}</th>" for h in ("date", "speaker", "claim", "kind", "verdict", "observed", "source"))
    out = ['<h2 id="claims">Claims</h2>', f'<div class="scroll"><table><tr>{head}</tr>']
    for c in ledger.get("claims", []):
        claim = f'<a href="#{_e(anchor(c["id"]))}">{_e(c.get("text"))}</a>'
        cells = [_e(c.get("date")), _e((c.get("speaker") or {}).get("name")), claim, _e(c.get("kind"))]
        cells += [_e(_verdict_cell(c)), _e(observed_words(c)), _e((c.get("source") or {}).get("facts_id"))]
        out.append("<tr>" + "".join(f"<td>{x}</td>" for x in cells) + "</tr>")
    return [*out, "</table></div>"]


def detail_table(claim: dict) -> tuple[list[str], list[list[str]]] | None:
    """The kind-specific result as a table (header, rows of text), for both reports: an input claim's run without
    and with it (MW online, accelerators, capex, equity received at each year's end); a comparison's ranking."""
    d = claim.get("details") or {}
    if claim.get("kind") == "input" and d.get("without"):
        units = d.get("units") or {}
        labels = {
            "mw_online": "MW online",
            "accelerators": "accelerators",
            "capex_usd": "capex",
            "equity_usd": "equity",
        }
        rows = []
        for year, without in d["without"].items():
            with_ = (d.get("with") or {}).get(year, {})
            for key, label in labels.items():
                rows.append(
                    [
                        f"{year} ({without.get('month', '')})",
                        label,
                        amount(without.get(key), units.get(key)),
                        amount(with_.get(key), units.get(key)),
                    ]
                )
        return ["year", "quantity", "without the claim", "with the claim"], rows
    if claim.get("kind") == "comparison" and d.get("ranking"):
        rows = [
            [
                str(i + 1),
                str(r.get("name")),
                amount(r.get("value"), r.get("unit")),
                str(r.get("date")),
                str(r.get("facts_id") or r.get("source") or ""),
            ]
            for i, r in enumerate(d["ranking"])
        ]
        return ["rank", "system", "size", "date", "source"], rows
    return None


def _input_line(claim: dict) -> str:
    d = claim.get("details") or {}
    if claim.get("kind") != "input" or "scenario_value" not in d:
        return ""
    q = claim.get("quantity") or {}
    sets = ", ".join(f"{k} = {v}" for k, v in (d.get("set") or {}).items())
    return (
        f"The scenario's own {d.get('path')}: {amount(d.get('scenario_value'), q.get('unit'))}"
        + (" (uncertain: p is the share of its draws inside the claim)" if d.get("uncertain") else "")
        + f". With the claim: {sets}."
    )


def _html_details(claim: dict) -> list[str]:
    out = [f"<p>{_e(_input_line(claim))}</p>"] if _input_line(claim) else []
    table = detail_table(claim)
    if table is not None:
        head, rows = table
        body = "".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in rows)
        out.append(
            '<div class="scroll"><table><tr>'
            + "".join(f"<th>{_e(h)}</th>" for h in head)
            + f"</tr>{body}</table></div>"
        )
    return out


def _html_claim(claim: dict, trajectory: dict | None) -> list[str]:
    speaker = claim.get("speaker") or {}
    role = f" ({_e(speaker['role'])})" if speaker.get("role") else ""
    out = [f'<section id="{_e(anchor(claim["id"]))}">', f"<h3>{_e(claim['id'])}</h3>"]
    out.append(f"<p>{_e(claim.get('date'))}, {_e(speaker.get('name'))}{role}:</p>")
    out.append(f'<blockquote lang="en">{_e(claim.get("text"))}</blockquote>')
    original = claim.get("original")
    if original:
        lang = _e(original.get("language"))
        out.append(f"<p>Original ({lang}), {_link(original.get('address'), 'source')}:</p>")
        out.append(f'<blockquote lang="{lang}">{_e(original.get("text"))}</blockquote>')
    source = claim.get("source") or {}
    facts = [(label, _e(text)) for label, text in _claim_facts(claim)]
    facts[0] = ("Source", f"{_e(source.get('title'))} [{_e(source.get('facts_id'))}] {_link(source.get('address'))}")
    out.append("<ul>" + "".join(f"<li>{label}: {text}</li>" for label, text in facts) + "</ul>")
    out.append(f"<p><strong>Verdict: {_e(model_words(claim))}.</strong> {_e(_verdict_detail(claim))}</p>")
    out += _html_details(claim)
    obs = _observed(claim)
    if obs:
        note = f" {_e(obs['note'])}" if obs.get("note") else ""
        out.append(f"<p><strong>Observed: {_e(observed_words(claim))}.</strong>{note}</p>")
        items = [
            f"<li>{_e(e.get('date'))} [{_e(e.get('facts_id'))}]: {_e(e.get('text'))} {_link(e.get('address'))}</li>"
            for e in obs.get("evidence") or []
        ]
        out.append("<ul>" + "".join(items) + "</ul>" if items else "")
    if trajectory:
        png = base64.b64encode(trajectory_png(claim["id"], trajectory)).decode("ascii")
        out.append(f'<img src="data:image/png;base64,{png}" alt="{_e(trajectory_words(trajectory))}">')
        out.append(f'<p class="muted">{_e(trajectory_words(trajectory))}</p>')
    return [*out, "</section>"]


def _ld_script(ledger: dict) -> str:
    """The ClaimReview JSON-LD inside the page (where search engines read it); ``<`` escaped so no user text can
    close the script element."""
    data = json.dumps(claimreview(ledger), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{data}\n</script>'


def html(ledger: dict, trajectories: dict) -> str:
    """report.html: one offline page (inline CSS, charts as inline PNG, no external script, font or stylesheet)."""
    title = "gigawatt claims ledger: who was right?"
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">']
    out.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    out += [f"<title>{_e(title)}</title>", f"<style>{CSS}</style>", _ld_script(ledger), "</head><body>"]
    out += [f"<h1>{_e(title)}</h1>", f'<p class="muted">{_e(_run_words(ledger))}</p>']
    out += _html_track(ledger) + _html_table(ledger) + ['<h2 id="each-claim">Each claim</h2>']
    for claim in ledger.get("claims", []):
        out += _html_claim(claim, (trajectories or {}).get(claim["id"]))
    out.append("</body></html>")
    return "\n".join(line for line in out if line) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# all files


def render(ledger: dict, trajectories: dict) -> dict[str, bytes]:
    """Every report file, ``{name: UTF-8 bytes}``, for the names in ``REPORT_FILES``."""
    texts = {
        "report.md": markdown(ledger, trajectories),
        "report.html": html(ledger, trajectories),
        "claims.csv": csv_text(ledger),
        "claimreview.jsonld": json.dumps(claimreview(ledger), ensure_ascii=False, indent=2) + "\n",
    }
    return {name: texts[name].encode("utf-8") for name in REPORT_FILES}

"""``gigawatt claims``: the claims ledger weighed by the model and by what happened since (the command line side).

The ledger and its weighing are :mod:`gigawatt.claims` (the built-in ledger: ``gigawatt/data/claims.yaml``), the
report files :mod:`gigawatt.report.claims`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gigawatt.cli.core import (
    ForceLargeOpt,
    ForceOpt,
    JsonOpt,
    _outputs,
    _print_json,
    _print_written,
    _progress,
    _say,
    app,
    console,
    plain,
)
from gigawatt.errors import GigawattError

claims_app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
    help="Who said what about Stargate and its rivals: the model's verdict when it was said, what happened since, "
    "and the model's track record.",
)
app.add_typer(claims_app, name="claims")

TrialsOpt = Annotated[
    int,
    typer.Option("--trials", "-n", help="Monte Carlo trials per scenario (0: the deterministic verdicts only).", min=0),
]
SeedOpt = Annotated[int, typer.Option("--seed", help="Root seed: same seed, same numbers.", min=0)]
FileOpt = Annotated[
    str | None, typer.Option("--file", help="A claims file of your own (same format: gigawatt claims --schema).")
]
ScenarioOpt = Annotated[
    str | None,
    typer.Option(
        "--scenario",
        help="Weigh every claim on this scenario (built-in name or YAML file) instead of each claim's own as-of "
        "scenario: today's view, with hindsight.",
    ),
]


def amount(value: float | None, unit: str | None) -> str:
    """:func:`gigawatt.report.claims.amount`, imported on first use: the report's module (its HTML, CSV and charts)
    is not loaded by every command line that starts."""
    from gigawatt.report.claims import amount as report_amount

    return report_amount(value, unit)


def _quantity_words(q: dict | None) -> str:
    if not q:
        return ""
    unit, c = q["unit"], q["comparator"]
    if c == "range":
        return f"{amount(q['low'], unit)} to {amount(q['high'], unit)}"
    if c == "about":
        return f"about {amount(q['value'], unit)} (±{q['band']:.0%})"
    return f"{c} {amount(q['value'], unit)}"


def _evaluate(
    file: str | None, scenario: str | None, trials: int, seed: int, force_large: bool, quiet: bool, fans=True
):
    from gigawatt.claims import evaluate, load_scenarios
    from gigawatt.claims.ledger import read_ledger
    from gigawatt.engine.montecarlo import plan_risk
    from gigawatt.engine.work import WorkPlan, check_work

    ledger, origin = read_ledger(file)
    base = Path(file).resolve().parent if file else None
    refs = load_scenarios(ledger, origin, base, scenario)
    if trials:  # the same work limits as risk, summed over the scenarios the ledger runs
        plans = [plan_risk(ref.scenario, trials) for ref in refs.values()]
        if plans:
            total = WorkPlan(
                plans[0].what,
                trials,
                plans[0].max_runs,
                sum(p.seconds for p in plans),
                max(p.bytes for p in plans),
                plans[0].chunk_trials,
            )
            check_work(total, force_large)
    done: dict[str, int] = {}  # trials done per scenario: the bar counts them all

    def advance(step, name: str, n: int) -> None:
        done[name] = n
        step(sum(done.values()))

    with _progress("claims", max(trials * len(refs), 1), "trials", quiet=quiet or not trials) as step:
        report = evaluate(
            ledger,
            "built-in" if file is None else file,
            trials=trials,
            seed=seed,
            scenario=scenario,
            base=base,
            today=dt.date.today(),
            progress=(lambda name, n: advance(step, name, n)) if step is not None else None,
            refs=refs,
            fans=fans,
        )
    return report


def _table(report) -> Table:
    table = Table(
        title=f"gigawatt claims: {len(report.claims)} claims, oldest first; model weighed on each claim's as-of "
        f"scenario{f' ({report.trials:,} trials, seed {report.seed})' if report.trials else ' (deterministic)'}",
        title_justify="left",
    )
    for head in ("date", "speaker", "claim", "kind", "model (when said)", "observed (as of)", "source"):
        table.add_column(head, overflow="fold")
    for c in report.claims:
        model = c["verdict_words"] if c["kind"] != "unmodelled" else "not modelled"
        if c["kind"] in ("outcome", "comparison") and c["probability"] is not None:
            model = f"{c['verdict']}; {c['verdict_words']}"
        if not c["forecast"]:
            model += " (not a forecast: not scored)"
        table.add_row(
            c["date"],
            plain(c["speaker"]["name"]),
            plain(_short(c["text"])),
            c["kind"],
            plain(model),
            f"{c['observed']['status']} ({c['observed']['as_of']})",
            plain(c["source"]["facts_id"] or c["source"]["address"]),
        )
    return table


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _track_lines(tr: dict) -> list[str]:
    if tr["brier"] is None:
        return [f"track record: {tr['note']}"]
    b = tr["baselines"]
    return [
        f"track record over {tr['resolved']} resolved outcome claim{'s' if tr['resolved'] != 1 else ''} "
        f"({', '.join(tr['claims'])}): "
        f"Brier {tr['brier']:.3f} (always the base rate {b['base_rate']['brier']:.3f}, always 50 % "
        f"{b['half']['brier']:.3f}); log score {tr['log_score']:.3f} ({b['base_rate']['log_score']:.3f}, "
        f"{b['half']['log_score']:.3f}); lower is better",
        f"  {tr['note']}",
    ]


def _write(report, outset) -> list[Path]:
    from gigawatt.report import claims as claims_report
    from gigawatt.report import output

    files = claims_report.render(report.as_json(), report.trajectories)
    with outset:
        for name, data in files.items():
            output.write_atomic(outset.folder / name, lambda p, data=data: Path(p).write_bytes(data))
    return outset.written


@claims_app.callback()
def claims_cmd(
    ctx: typer.Context,
    trials: TrialsOpt = 10_000,
    seed: SeedOpt = 0,
    file: FileOpt = None,
    scenario: ScenarioOpt = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out", help="Folder for report.md, report.html (charts inline), claims.csv, claimreview.jsonld."
        ),
    ] = None,
    force: ForceOpt = False,
    force_large: ForceLargeOpt = False,
    schema: Annotated[bool, typer.Option("--schema", help="Print the JSON Schema of the claims format.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """One row per claim, oldest first: date, speaker, claim, kind, the model's verdict and probability when it was
    said, what was observed (with its as-of date) and the source; then the model's track record."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"trials": trials, "seed": seed, "file": file, "scenario": scenario, "force_large": force_large}
        return
    if schema:
        from gigawatt.claims.ledger import json_schema

        print(json.dumps(json_schema(), indent=2))
        return
    from gigawatt.report.claims import REPORT_FILES

    outset = _outputs(out, force, REPORT_FILES, [file, scenario])
    # the P10-P90 bands only for the report's charts (--out): the table and --json never show them
    report = _evaluate(file, scenario, trials, seed, force_large, quiet=json_out, fans=outset is not None)
    written = _write(report, outset) if outset is not None else []
    if json_out:
        _print_json(report.as_json())
        return
    console.print(_table(report))
    for line in _track_lines(report.track_record):
        _say(line)
    _say(
        "model: the claim weighed on the scenario as known on its date (verdict on the central run; p: share of "
        "trials where it holds; IPCC likelihood words); observed: what was reported since. "
        "`gigawatt claims show ID` for one claim in full.",
        style="dim",
    )
    _print_written(written)


@claims_app.command("show")
def show_cmd(
    ctx: typer.Context,
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim's id (see `gigawatt claims`).")],
    trials: Annotated[int | None, typer.Option("--trials", "-n", help="As for `gigawatt claims`.", min=0)] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="As for `gigawatt claims`.", min=0)] = None,
    file: FileOpt = None,
    scenario: ScenarioOpt = None,
    out: Annotated[str | None, typer.Option("--out", help="Folder for the claim's chart (ID.png).")] = None,
    force: ForceOpt = False,
    json_out: JsonOpt = False,
) -> None:
    """One claim in full: wording, resolution, the model's check and verdict, the evidence, and its chart. The
    options of `gigawatt claims` may come before `show` or after it."""
    opts = ctx.obj or {}
    file = file if file is not None else opts.get("file")
    scenario = scenario if scenario is not None else opts.get("scenario")
    trials = trials if trials is not None else opts.get("trials", 10_000)
    seed = seed if seed is not None else opts.get("seed", 0)
    from gigawatt.claims.ledger import read_ledger

    ledger, _ = read_ledger(file)
    ids = [c.id for c in ledger.claims]
    if claim_id not in ids:
        raise GigawattError(f"claims show: unknown claim {claim_id!r}; expected one of: {', '.join(sorted(ids))}")
    outset = _outputs(out, force, (f"{claim_id}.png",), [file, scenario])
    report = _evaluate(file, scenario, trials, seed, opts.get("force_large", False), quiet=json_out)
    c = next(r for r in report.claims if r["id"] == claim_id)
    traj = report.trajectories.get(claim_id)
    written = []
    if outset is not None and traj is not None:
        from gigawatt.report import claims as claims_report
        from gigawatt.report import output

        png = claims_report.trajectory_png(claim_id, traj)
        with outset:
            output.write_atomic(outset.folder / f"{claim_id}.png", lambda p: Path(p).write_bytes(png))
        written = outset.written
    if json_out:
        _print_json({"claim": c, "trajectory": traj})
        return
    _print_claim(c, traj)
    _print_written(written)


def _print_claim(c: dict, traj: dict | None) -> None:
    from rich.text import Text

    console.print(Text(plain(c["id"]), style="bold") + Text(f"  ({c['kind']})"))
    lines = [
        f"{c['date']}  {c['speaker']['name']}" + (f" — {c['speaker']['role']}" if c["speaker"]["role"] else ""),
        f"“{c['text']}”",
    ]
    if c["original"]:
        lines.append(f"original ({c['original']['language']}): “{c['original']['text']}”  {c['original']['address']}")
    lines.append(f"source: {c['source']['facts_id']} {c['source']['address'] or ''}".rstrip())
    if c["quantity"]:
        hedge = f" (hedge: “{c['quantity']['hedge']}”)" if c["quantity"]["hedge"] else ""
        lines.append(f"claimed: {_quantity_words(c['quantity'])}{hedge}")
    r = c["resolution"]
    lines += [f"resolves by {r['by']}: {r['criteria']}", f"  settled by: {r['source']}"]
    if r["ambiguity"]:
        lines.append(f"  reading: {r['ambiguity']}")
    for line in lines:
        console.print(Text(plain(line)))
    if c["kind"] == "unmodelled":
        _say(f"model: not modelled: {c['reason']}")
    else:
        _say(
            f"model: weighed on {c['scenario']} (as of {c['scenario_as_of'] or 'not stated'}): {c['verdict']}"
            + (f"; {c['verdict_words']}" if c["probability"] is not None else "")
        )
        if c["check"]:
            k = c["check"]
            _say(
                f"  check: {k['label']} at {k['by']} {_quantity_words(c['quantity'])}: modelled "
                f"{amount(c['modelled'], k['unit'])}, margin {amount(c['margin'], k['unit'])}; first holds "
                f"{c['first_holds'] or 'never in the horizon'}"
            )
        if c["kind"] == "input" and "without" in c["details"]:
            _print_input(c)
        if c["kind"] == "comparison":
            for row in c["details"]["ranking"]:
                where = row["facts_id"] or row["source"]
                _say(f"  {row['name']}: {amount(row['value'], row['unit'])} ({row['date']}; {where})")
        if not c["forecast"]:
            _say(f"  not scored: {c['reason']}", style="dim")
        if c["verdict"] == "not applicable":
            _say(f"  {c['reason']}")
    o = c["observed"]
    _say(f"observed: {o['status']} (as of {o['as_of']}){' — resolved' if o['resolved'] else ''}")
    if o["note"]:
        _say(f"  {o['note']}")
    for e in o["evidence"]:
        _say(f"  {e['facts_id']} ({e['date']}): {_short(e['text'], 140)} — {e['source']} {e['address']}")
    if traj is not None:
        _say(
            f"trajectory ({traj['label']}, {traj['scenario']}): "
            + ", ".join(
                f"{m} {amount(v, traj['unit'])}" for m, v in list(zip(traj["months"], traj["value"], strict=True))[::12]
            ),
            style="dim",
        )


def _print_input(c: dict) -> None:
    d = c["details"]
    _say(
        f"  the scenario's own value at {d['path']}: {amount(d['scenario_value'], c['quantity']['unit'])}"
        + (" (uncertain: p is the share of its draws inside the claim)" if d["uncertain"] else "")
    )
    _say(f"  without the claim -> with it ({', '.join(f'{k}={v}' for k, v in d['set'].items())}):")
    for year, without in d["without"].items():
        with_ = d["with"].get(year, {})
        cells = [
            f"{name}: {amount(without[name], d['units'][name])} -> {amount(with_.get(name), d['units'][name])}"
            for name in ("mw_online", "accelerators", "capex_usd", "equity_usd")
        ]
        _say(f"    {year}: " + "; ".join(cells))


def _extract_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise GigawattError(f"--date: {value!r} is not a date; expected YYYY-MM-DD (the publication date)") from None


def _claim_amount(c: dict) -> str:
    unit, v = c["unit"], c["quantity"]
    if unit == "rank":
        return "first (superlative)"
    if unit in ("USD", "MW", "months"):
        text = amount(v, unit)
    elif unit == "EUR":
        text = f"€{v / 1e9:,.3g}B (euros, not converted)" if v >= 1e9 else f"€{v:,.0f} (euros)"
    else:
        text = f"{v:,.0f}"
    words = "" if c["comparator"] == "=" else f"{c['comparator']} "
    by = f" by {c['deadline']['date']}" if c["deadline"] and c["deadline"]["date"] else ""
    if c["deadline"] and not c["deadline"]["date"] and c["deadline"]["text"]:
        by = f" ({c['deadline']['text']}: unresolved)"
    return f"{words}{text}{by}"


@claims_app.command("extract")
def extract_cmd(
    file: Annotated[str, typer.Argument(metavar="FILE|-", help="The article: a text or HTML file, or - for stdin.")],
    date: Annotated[
        str | None,
        typer.Option("--date", help="The publication date (YYYY-MM-DD): relative dates resolve against it."),
    ] = None,
    lang: Annotated[
        str, typer.Option("--lang", help="en, fr, de, or auto (detected per paragraph and sentence).")
    ] = "auto",
    json_out: JsonOpt = False,
    yaml_out: Annotated[
        bool, typer.Option("--yaml", help="Print ledger entries (status: extracted) for `gigawatt claims --file`.")
    ] = False,
) -> None:
    """The quantitative claims of a news article (English, French or German): speaker, quote, quantity, kind."""
    if json_out and yaml_out:
        raise GigawattError("--json and --yaml: choose one output")
    when = extract_options(date, lang)
    from gigawatt.claims.extract import read_article

    text, address = read_article(file)
    result = extraction(text, address, when, lang)
    if yaml_out:
        print(extraction_yaml(result, when, address), end="")
        return
    if json_out:
        _print_json(result)
        return
    _print_extraction(result)


def extract_options(date: str | None, lang: str) -> dt.date | None:
    """``--date`` and ``--lang`` checked as the command line checks them (the web API's ``date`` and ``lang`` too)."""
    when = _extract_date(date)
    if lang not in ("en", "fr", "de", "auto"):
        raise GigawattError(f"--lang: {lang!r} is not a language the extractor reads; expected en, fr, de or auto")
    return when


def extraction(text: str, address: str, when: dt.date | None, lang: str) -> dict:
    """What ``claims extract --json`` prints for an article's visible text: its claims, matched to the ledger."""
    from gigawatt.claims.extract import extract
    from gigawatt.claims.extract.entries import ledger_matches

    result = extract(text, when, lang)
    ledger_matches(result["claims"])
    result["article"]["address"] = address
    return result


def extraction_yaml(result: dict, when: dt.date | None, address: str) -> str:
    """What ``claims extract --yaml`` prints: the claims as ledger entries (``status: extracted``)."""
    import yaml

    from gigawatt.claims.extract.entries import ledger_entries

    entries = ledger_entries(result["claims"], when, address, dt.date.today())
    return yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=120)


def _print_extraction(result: dict) -> None:
    art, claims = result["article"], result["claims"]
    used = f"published {art['date']}" if art["date"] else "no publication date given: relative dates left unresolved"
    table = Table(
        title=f"gigawatt claims extract: {len(claims)} claims ({art['language']}; {used})", title_justify="left"
    )
    for head in ("speaker", "quote", "quantity", "kind", "in ledger"):
        table.add_column(head, overflow="fold")
    for c in claims:
        table.add_row(plain(c["speaker"]), plain(_short(c["quote"], 120)), plain(_claim_amount(c)), c["kind"],
                      c["ledger_id"] or "")  # fmt: skip
    console.print(table)
    if not art["date"]:
        _say("no --date: relative dates (next year, l'année prochaine, nächstes Jahr) are left unresolved", style="dim")

"""``gigawatt scenarios``, ``show`` and ``schema``: the built-in scenarios, one resolved with its sources, and the
scenario format."""

from __future__ import annotations

import re
import sys
from typing import Annotated

import typer

import gigawatt as gw
from gigawatt.cli.core import JsonOpt, SetOpt, _print_json, _yaml, app, console, warn
from gigawatt.data.catalog import declares_assumption
from gigawatt.report.output import plain


@app.command("scenarios")
def scenarios_cmd(json_out: JsonOpt = False) -> None:
    """List the built-in scenarios, one line each, with the date each is as of (its newest fact)."""
    items = scenario_items()
    if json_out:
        _print_json(items)
        return
    from rich.text import Text

    width = max(len(item["name"]) for item in items)
    for item in items:
        console.print(
            Text(f"{plain(item['name']):<{width}}", style="bold")
            + Text(f"  as of {item['as_of'] or '-':<10}  ", style="dim")
            + Text(plain(item["title"]))
        )


def scenario_items() -> list[dict]:
    """``scenarios --json`` (and the web API's ``GET /api/scenarios``): name, title and as-of date of each built-in."""
    items = []
    for name in gw.builtin_names():
        s = gw.load_scenario(name)
        items.append({"name": name, "title": s.title, "as_of": None if s.as_of is None else s.as_of.isoformat()})
    return items


@app.command("show")
def show_cmd(
    scenario: Annotated[str, typer.Argument(help="Built-in name or YAML file.")],
    set_: SetOpt = None,
) -> None:
    """The resolved scenario as YAML, every number with its source (loadable again as a scenario), then the
    assumptions: every number that is declared an assumption or a convention, or given without a source."""
    s = gw.load_scenario(scenario, overrides=set_ or [])
    for w in getattr(s, "load_warnings", None) or ():
        warn(w)
    sys.stdout.write(show_text(s, gw.resolved_with_sources(s)))


def show_text(s: gw.Scenario, resolved: dict) -> str:
    """What ``show`` prints for ``s`` (``resolved``: its :func:`gigawatt.resolved_with_sources`)."""
    head = f"# resolved from {plain(s._origin)}; defaults filled in from gigawatt/data/defaults.csv\n"
    if s.as_of is not None:
        head += f"# as of {s.as_of}: none of the facts it cites is dated later (tests/test_as_of.py)\n"
    return head + _yaml(resolved) + _assumptions_text(_assumptions(resolved)) + _power_bases_text(s)


def _power_bases_text(s) -> str:
    """The phases whose power was stated as grid or IT power, as YAML comments: the stated figure and basis, the
    ratio with its range and source, and the facility power the scenario above holds (empty when there are none)."""
    if not s.power_bases:
        return ""
    lines = [
        f"# power bases: {len(s.power_bases)} phase(s) stated on another basis than facility power, converted when "
        "loaded (their power_mw above is the facility power)"
    ]
    for path, conv in s.power_bases.items():
        i, j = (int(x) for x in re.findall(r"\[(\d+)\]", path))
        where = f"{s.sites[i].name}/{s.sites[i].phases[j].name}"
        lines.append(f"#   {path} ({where}): {conv.describe()}")
    return "\n".join(plain(line) for line in lines) + "\n"


_SPREAD_KEYS = ("low", "mode", "median", "mean", "sd", "high", "values")


def _assumptions(tree, here: str = "") -> list[tuple[str, str, str, str]]:
    """(path, value, status, reason) of every value not sourced (numbers, and dates and names with a status):
    declared an assumption or a convention (the schema's neutral defaults too), derived from one, or given without
    a source. Walks the output of ``resolved_with_sources``."""
    out: list[tuple[str, str, str, str]] = []
    if isinstance(tree, list):
        for i, item in enumerate(tree):
            out += _assumptions(item, f"{here}[{i}]")
        return out
    if not isinstance(tree, dict):
        return out
    status = str(tree.get("status", ""))
    if "value" in tree or "dist" in tree:
        if declares_assumption(status) or "without a source" in status:
            reason = str(tree.get("derivation") or tree.get("note") or "")
            out.append((here, _shown_value(tree), status, reason))
        return out
    for key, item in tree.items():
        out += _assumptions(item, f"{here}.{key}" if here else str(key))
    return out


def _shown_value(node: dict) -> str:
    if "value" in node:
        unit = node.get("unit")
        return f"{node['value']}" + (f" {unit}" if unit else "")
    spread = ", ".join(f"{k} {node[k]}" for k in _SPREAD_KEYS if k in node)
    return f"{node['dist']} ({spread})"


def _assumptions_text(items: list[tuple[str, str, str, str]]) -> str:
    """The assumptions as YAML comments, so that the output still loads as a scenario; the same value, status and
    reason at several paths (a default used by every phase) is one line naming the first path and the count."""
    if not items:
        return "# assumptions: none (every number has a source)\n"
    groups: dict[tuple[str, str, str], list[str]] = {}
    for path, value, status, reason in items:
        groups.setdefault((value, status, reason), []).append(path)
    lines = [
        f"# assumptions: {len(items)} values are not sourced (status, then the reason; change with --set PATH=VALUE)"
    ]
    for (value, status, reason), paths in groups.items():
        where = paths[0] + (f" (and {len(paths) - 1} more paths)" if len(paths) > 1 else "")
        lines.append(f"#   {where} = {value}  [{status}]" + (f" {reason}" if reason else ""))
    return "\n".join(plain(line) for line in lines) + "\n"


@app.command("schema")
def schema_cmd() -> None:
    """JSON Schema of the scenario format."""
    from gigawatt.data.scenario import json_schema

    _print_json(json_schema())

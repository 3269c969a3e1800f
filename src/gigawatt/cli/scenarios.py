"""``gigawatt scenarios``, ``show`` and ``schema``: the built-in scenarios, one resolved with its sources, and the
scenario format."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

import gigawatt as gw
from gigawatt.cli.core import JsonOpt, SetOpt, _print_json, _yaml, app, console, warn
from gigawatt.report.output import plain


@app.command("scenarios")
def scenarios_cmd(json_out: JsonOpt = False) -> None:
    """List the built-in scenarios, one line each."""
    items = []
    for name in gw.builtin_names():
        s = gw.load_scenario(name)
        items.append({"name": name, "title": s.title})
    if json_out:
        _print_json(items)
        return
    from rich.text import Text

    for item in items:
        console.print(Text(f"{plain(item['name']):<15}", style="bold") + Text(f" {plain(item['title'])}"))


@app.command("show")
def show_cmd(
    scenario: Annotated[str, typer.Argument(help="Built-in name or YAML file.")],
    set_: SetOpt = None,
) -> None:
    """The resolved scenario as YAML, every number with its source (loadable again as a scenario)."""
    s = gw.load_scenario(scenario, overrides=set_ or [])
    for w in getattr(s, "load_warnings", None) or ():
        warn(w)
    sys.stdout.write(f"# resolved from {plain(s._origin)}; defaults filled in from gigawatt/data/defaults.csv\n")
    sys.stdout.write(_yaml(gw.resolved_with_sources(s)))


@app.command("schema")
def schema_cmd() -> None:
    """JSON Schema of the scenario format."""
    _print_json(gw.Scenario.model_json_schema())

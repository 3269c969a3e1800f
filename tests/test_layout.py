"""The package's layout, read from the source with ``ast`` (nothing is imported).

* Layering: tiers, lowest first — base (errors, limits, units) < model (pure equations) < data (catalog, defaults,
  scenario format and loading) < engine (month loop, trials, Monte Carlo, Dask, sensitivity) < report (tables,
  charts, files) < api (``gigawatt/__init__``, the public API) < cli < web < main (``gigawatt/__main__``). A module
  imports only gigawatt modules of its own tier or lower, at module level or inside a function.
  ``model`` sits below ``data``: the equations take plain numbers and import nothing from the catalog. The public
  API sits below the interfaces because they are built on it (``import gigawatt as gw`` in the command line).
* No import cycles between gigawatt modules: once counting only what runs at import time, once counting every
  import (a cycle through imports inside functions is still a knot in the layout).
* The model core stays free of interface and heavy edge libraries.
* Function size: at most 80 lines and 12 parameters (typer commands take one parameter per flag, so only the line
  limit applies to them).

Each checker is a plain function over source text, and each has an oracle below that feeds it a synthetic module
with a violation and asserts that it is reported.
"""

from __future__ import annotations

import ast
import dataclasses
import itertools
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = "gigawatt"

MAX_LINES = 80
MAX_PARAMS = 12

# lowest first; a module may import modules of its own tier or of a lower one
TIERS = ("base", "model", "data", "engine", "claims", "report", "api", "cli", "web", "main")
BASE_MODULES = {"gigawatt.errors", "gigawatt.limits", "gigawatt.units"}

INTERFACE_LIBRARIES = {"typer", "rich", "fastapi", "matplotlib", "plotly", "dask", "distributed"}
DASK_EDGE = {"gigawatt.engine.cluster": {"dask", "distributed"}}  # the one module allowed to talk to Dask


# ---------------------------------------------------------------------------------------------------------------
# reading the package


def module_name(path: pathlib.Path, src: pathlib.Path = SRC) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_package(path: pathlib.Path) -> bool:
    return path.name == "__init__.py"


def read_package(src: pathlib.Path = SRC) -> dict[str, tuple[str, str, bool]]:
    """``{module name: (path relative to the repository, source, is a package)}`` for every module of gigawatt."""
    found = {}
    for path in sorted((src / PACKAGE).rglob("*.py")):
        found[module_name(path, src)] = (
            str(path.relative_to(src.parent)) if src == SRC else str(path),
            path.read_text(encoding="utf-8"),
            is_package(path),
        )
    return found


def tier_of(module: str) -> str:
    if module in BASE_MODULES:
        return "base"
    if module == PACKAGE:
        return "api"
    if module == f"{PACKAGE}.__main__":
        return "main"
    parts = module.split(".")
    if len(parts) >= 2 and parts[1] in TIERS:
        return parts[1]
    return "unknown"


@dataclasses.dataclass(frozen=True)
class Import:
    line: int
    module: str  # the gigawatt module (or, for other libraries, the dotted name) that the statement imports
    top_level: bool  # runs when the module is imported (not inside a function, not under `if TYPE_CHECKING:`)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk_imports(tree: ast.AST):
    """Yield ``(import node, runs at import time)`` for every import statement, however deeply nested."""

    def visit(node: ast.AST, top: bool):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child, top
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                yield from visit(child, False)
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    yield from visit(ast.Module(body=[stmt], type_ignores=[]), False)
                for stmt in child.orelse:
                    yield from visit(ast.Module(body=[stmt], type_ignores=[]), top)
            else:
                yield from visit(child, top)

    yield from visit(tree, True)


def imports_of(module: str, source: str, is_pkg: bool, known: set[str]) -> list[Import]:
    """Every import in ``source``, as dotted names. ``from a import b`` names ``a.b`` when that is a module of the
    package (``known``), else ``a``. Relative imports are resolved against ``module``."""
    out = []
    for node, top in _walk_imports(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                out.append(Import(node.lineno, alias.name, top))
            continue
        if node.level:
            base = module.split(".") if is_pkg else module.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        for alias in node.names:
            sub = f"{target}.{alias.name}"
            out.append(Import(node.lineno, sub if sub in known else target, top))
    return out


def gigawatt_imports(module: str, source: str, is_pkg: bool, known: set[str]) -> list[Import]:
    """The imports of gigawatt modules, each named by the module it reaches (``gigawatt.x.y`` where only
    ``gigawatt.x`` exists is counted as ``gigawatt.x``)."""
    out = []
    for imp in imports_of(module, source, is_pkg, known):
        if imp.module != PACKAGE and not imp.module.startswith(PACKAGE + "."):
            continue
        name = imp.module
        while name not in known and "." in name:
            name = name.rsplit(".", 1)[0]
        out.append(dataclasses.replace(imp, module=name))
    return out


# ---------------------------------------------------------------------------------------------------------------
# the checkers: each takes {module: (path, source, is_package)} and returns a list of messages


def layering_violations(package: dict[str, tuple[str, str, bool]]) -> list[str]:
    known = set(package)
    problems = []
    for module, (path, source, is_pkg) in sorted(package.items()):
        tier = tier_of(module)
        if tier == "unknown":
            problems.append(f"{path}: module {module} belongs to no tier (add it to TIERS or move it)")
            continue
        for imp in gigawatt_imports(module, source, is_pkg, known):
            other = tier_of(imp.module)
            if other == "unknown" or TIERS.index(other) > TIERS.index(tier):
                where = "module level" if imp.top_level else "inside a function"
                problems.append(
                    f"{path}:{imp.line}: {module} (tier {tier}) imports {imp.module} (tier {other}) ({where})"
                )
    return problems


def import_graph(package: dict[str, tuple[str, str, bool]], top_level_only: bool) -> dict[str, dict[str, int]]:
    """``{module: {imported module: first line}}`` between gigawatt modules. A module importing itself, or its own
    parent package (which Python runs first anyway), is not an edge."""
    known = set(package)
    graph: dict[str, dict[str, int]] = {m: {} for m in package}
    for module, (_path, source, is_pkg) in package.items():
        for imp in gigawatt_imports(module, source, is_pkg, known):
            if top_level_only and not imp.top_level:
                continue
            if imp.module == module or module.startswith(imp.module + "."):
                continue
            graph[module].setdefault(imp.module, imp.line)
    return graph


def knots(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def strongconnect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, {})):
            if w not in graph:
                continue
            if w not in index:
                strongconnect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                components.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strongconnect(v)
    return sorted(components)


def find_cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One cycle per knot (strongly connected component): a shortest loop through its first module, as
    ``[a, b, ..., a]``."""
    cycles = []
    for comp in knots(graph):
        members, start = set(comp), comp[0]
        # breadth-first from start back to start inside the component
        previous: dict[str, str] = {}
        frontier, seen, end = [start], {start}, None
        while frontier and end is None:
            nxt = []
            for v in frontier:
                for w in sorted(graph[v]):
                    if w == start:
                        end = v
                        break
                    if w in members and w not in seen:
                        seen.add(w)
                        previous[w] = v
                        nxt.append(w)
                if end is not None:
                    break
            frontier = nxt
        path = [start]
        v = end
        while v != start:
            path.append(v)
            v = previous[v]
        path.append(start)
        path = [path[0], *path[1:-1][::-1], start]
        cycles.append(path)
    return sorted(cycles)


def describe_cycle(cycle: list[str], graph: dict[str, dict[str, int]], package, knot: list[str]) -> str:
    steps = [f"{a} ({package[a][0]}:{graph[a][b]}) -> {b}" for a, b in itertools.pairwise(cycle)]
    rest = sorted(set(knot) - set(cycle))
    also = f" [the same knot also ties in: {', '.join(rest)}]" if rest else ""
    return "cycle: " + "; ".join(steps) + also


def cycle_messages(package, top_level_only: bool) -> list[str]:
    graph = import_graph(package, top_level_only)
    return [describe_cycle(c, graph, package, k) for c, k in zip(find_cycles(graph), knots(graph), strict=True)]


def library_violations(package: dict[str, tuple[str, str, bool]]) -> list[str]:
    known = set(package)
    problems = []
    for module, (path, source, is_pkg) in sorted(package.items()):
        tier = tier_of(module)
        for imp in imports_of(module, source, is_pkg, known):
            top = imp.module.split(".")[0]
            if tier in ("model", "engine") and top in INTERFACE_LIBRARIES and top not in DASK_EDGE.get(module, ()):
                problems.append(f"{path}:{imp.line}: {module} (tier {tier}) imports {imp.module}")
            if tier in ("model", "data") and top == "pandas" and imp.top_level:
                problems.append(f"{path}:{imp.line}: {module} (tier {tier}) imports {imp.module} at module level")
    return problems


def _is_command(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Decorated with ``@<something>.command(...)`` or ``@<something>.callback(...)`` (typer's flags-as-parameters)."""
    for dec in func.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        if isinstance(target, ast.Attribute) and target.attr in ("command", "callback"):
            return True
    return False


def parameter_count(args: ast.arguments) -> int:
    return (
        len(args.posonlyargs)
        + len(args.args)
        + len(args.kwonlyargs)
        + (args.vararg is not None)
        + (args.kwarg is not None)
    )


def size_violations(package: dict[str, tuple[str, str, bool]]) -> list[str]:
    problems = []
    for module, (path, source, _is_pkg) in sorted(package.items()):
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            lines = node.end_lineno - node.lineno + 1  # `def` to the last line; decorators excluded
            params = parameter_count(node.args)
            command = tier_of(module) == "cli" and _is_command(node)
            too_many = params > MAX_PARAMS and not command
            if lines > MAX_LINES or too_many:
                kind = " (typer command: the parameter limit does not apply)" if command else ""
                problems.append(f"{path}:{node.lineno}: {node.name}: {lines} lines, {params} params{kind}")
    return problems


def _report(title: str, problems: list[str]) -> str:
    return f"{title} ({len(problems)}):\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------------------------------------------------------
# the tests on the real package


def test_the_package_is_read_and_every_module_has_a_tier():
    package = read_package()
    assert {"gigawatt", "gigawatt.__main__", "gigawatt.errors", "gigawatt.engine.loop", "gigawatt.cli.core"} <= set(
        package
    )
    assert {tier_of(m) for m in package} <= set(TIERS), sorted(m for m in package if tier_of(m) == "unknown")


def test_the_scan_sees_imports_of_the_real_package():
    # an oracle for the scanner on the real tree: edges that the layout is built on
    package = read_package()
    top, everything = import_graph(package, top_level_only=True), import_graph(package, top_level_only=False)
    assert "gigawatt.engine.loop" in top["gigawatt.engine.compiled"]
    assert "gigawatt.report.output" in top["gigawatt.cli.core"]
    assert "gigawatt.engine.loop" in top["gigawatt.engine.trials"]
    assert "gigawatt.engine.compiled" in everything["gigawatt.engine.trials"]  # inside a function
    assert "gigawatt.engine.compiled" not in top["gigawatt.engine.trials"]
    assert sum(map(len, everything.values())) > sum(map(len, top.values())) > 40


def test_layering_no_module_imports_a_higher_tier():
    problems = layering_violations(read_package())
    assert not problems, _report("imports of a higher tier (tiers, lowest first: " + " < ".join(TIERS) + ")", problems)


def test_no_import_cycles_at_module_level():
    problems = cycle_messages(read_package(), top_level_only=True)
    assert not problems, _report("import cycles among imports that run at import time", problems)


def test_no_import_cycles_counting_imports_inside_functions():
    problems = cycle_messages(read_package(), top_level_only=False)
    assert not problems, _report("import cycles (imports inside functions counted)", problems)


def test_the_core_imports_no_interface_or_heavy_edge_library():
    problems = library_violations(read_package())
    assert not problems, _report("interface or heavy libraries in the model core", problems)


def test_functions_are_short_and_take_few_parameters():
    problems = size_violations(read_package())
    assert not problems, _report(f"functions over {MAX_LINES} lines or {MAX_PARAMS} parameters", problems)


# ---------------------------------------------------------------------------------------------------------------
# oracles: each checker reports a violation planted in a synthetic package


def _synthetic(**modules: str) -> dict[str, tuple[str, str, bool]]:
    """``{"gigawatt.model.x": source}`` (a key ending in ``__init__`` is a package) -> what read_package returns."""
    out = {}
    for name, source in modules.items():
        pkg = name.endswith("__init__")
        module = name.removesuffix(".__init__")
        out[module] = (name.replace(".", "/") + ".py", source, pkg)
    return out


def test_oracle_layering_reports_upward_imports_at_any_depth():
    package = _synthetic(
        **{
            "gigawatt.__init__": "from gigawatt.engine.loop import run\n",
            "gigawatt.errors": "",
            "gigawatt.model.__init__": "",
            "gigawatt.model.a": "from gigawatt.errors import E\ndef f():\n    from gigawatt.data import catalog\n",
            "gigawatt.model.b": "from . import a\nfrom ..engine import loop\n",
            "gigawatt.data.__init__": "",
            "gigawatt.data.catalog": "import gigawatt.model.a\n",
            "gigawatt.engine.__init__": "",
            "gigawatt.engine.loop": "import gigawatt.model.a as a\nfrom gigawatt.data.catalog import x\n",
            "gigawatt.cli.__init__": "import gigawatt as gw\n",
            "gigawatt.report.__init__": "from gigawatt.cli import app\n",
        }
    )
    problems = layering_violations(package)
    assert any("gigawatt.model.a (tier model) imports gigawatt.data.catalog (tier data)" in p for p in problems)
    assert any("inside a function" in p for p in problems)
    assert any(
        "gigawatt/model/b.py:2: gigawatt.model.b (tier model) imports gigawatt.engine.loop" in p for p in problems
    )
    assert any("gigawatt.report (tier report) imports gigawatt.cli (tier cli)" in p for p in problems)
    assert len(problems) == 3, problems  # downward and same-tier imports (and the cli's `import gigawatt`) are fine


def test_oracle_cycles_are_found_and_listed():
    package = _synthetic(
        **{
            "gigawatt.engine.__init__": "",
            "gigawatt.engine.cluster": "def f():\n    from gigawatt.engine.montecarlo import run_blocks\n",
            "gigawatt.engine.montecarlo": "import gigawatt.engine.loop\ndef g():\n    from . import cluster\n",
            "gigawatt.engine.loop": "from gigawatt.engine import inputs\n",
            "gigawatt.engine.inputs": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import gigawatt.engine.loop\n"
            ),
        }
    )
    everything = cycle_messages(package, top_level_only=False)
    assert len(everything) == 2, everything
    assert any("gigawatt.engine.cluster" in m and "gigawatt.engine.montecarlo" in m for m in everything)
    assert any("gigawatt.engine.inputs" in m and "gigawatt.engine.loop" in m for m in everything)
    # at import time, neither loop runs: the function-level imports and the TYPE_CHECKING block do not execute
    assert cycle_messages(package, top_level_only=True) == []
    package["gigawatt.engine.inputs"] = ("gigawatt/engine/inputs.py", "import gigawatt.engine.loop\n", False)
    (top,) = cycle_messages(package, top_level_only=True)
    assert top.startswith("cycle: gigawatt.engine.inputs (gigawatt/engine/inputs.py:1) -> gigawatt.engine.loop;")
    assert find_cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}) == [["a", "b", "c", "a"]]


def test_oracle_libraries_in_the_core_are_reported():
    package = _synthetic(
        **{
            "gigawatt.model.__init__": "",
            "gigawatt.model.a": "import numpy\nimport pandas as pd\ndef f():\n    import matplotlib.pyplot\n",
            "gigawatt.data.__init__": "",
            "gigawatt.data.b": "def f():\n    import pandas\n",  # pandas inside a function: fine in data
            "gigawatt.engine.__init__": "",
            "gigawatt.engine.cluster": "from dask.distributed import Client\n",  # the Dask edge
            "gigawatt.engine.c": "from distributed import Client\nimport pandas\n",
            "gigawatt.cli.__init__": "import typer\nimport rich\n",
        }
    )
    problems = library_violations(package)
    assert sorted(problems) == [
        "gigawatt/engine/c.py:1: gigawatt.engine.c (tier engine) imports distributed",
        "gigawatt/model/a.py:2: gigawatt.model.a (tier model) imports pandas at module level",
        "gigawatt/model/a.py:4: gigawatt.model.a (tier model) imports matplotlib.pyplot",
    ], problems


def test_oracle_long_functions_and_long_signatures_are_reported():
    long_body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))  # def line + 80 = 81 lines
    ok_body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES - 1))  # exactly 80 lines
    many = ", ".join(f"p{i}" for i in range(MAX_PARAMS)) + ", *rest"  # 13 parameters
    package = _synthetic(
        **{
            "gigawatt.model.__init__": "",
            "gigawatt.model.a": (
                f"@decorator\n@another\ndef fine():\n{ok_body}\n\n"
                f"def too_long():\n{long_body}\n\n"
                f"class C:\n    def method(self, {', '.join(f'p{i}' for i in range(MAX_PARAMS))}):\n        pass\n\n"
                f"def fine_params({', '.join(f'p{i}' for i in range(MAX_PARAMS))}):\n    pass\n"
            ),
            "gigawatt.cli.__init__": "",
            "gigawatt.cli.run": (
                f"@app.command('run')\ndef run({many}):\n    pass\n\n"
                f"@app.command()\ndef long_command({many}):\n{long_body}\n\n"
                f"def helper({many}):\n    pass\n"
            ),
        }
    )
    problems = size_violations(package)
    assert sorted(problems) == sorted(
        [
            f"gigawatt/model/a.py:{MAX_LINES + 4}: too_long: {MAX_LINES + 1} lines, 0 params",
            f"gigawatt/model/a.py:{2 * MAX_LINES + 7}: method: 2 lines, {MAX_PARAMS + 1} params",
            "gigawatt/cli/run.py:6: long_command: 81 lines, 13 params"
            " (typer command: the parameter limit does not apply)",
            f"gigawatt/cli/run.py:{MAX_LINES + 8}: helper: 2 lines, 13 params",
        ]
    ), problems

"""Every module that src/, tests/ or benchmarks/ imports is installed by the README's install command.

CI runs the suite in a fresh virtual environment made by .ci/run, so a package that only the developer's machine
happens to have fails here instead of hiding a missing install step.
"""

import ast
import importlib.util
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]


def imported_top_level_modules() -> dict[str, set[str]]:
    local = {p.stem for d in ("tests", "benchmarks") for p in (ROOT / d).glob("*.py")}
    found: dict[str, set[str]] = {}
    for folder in ("src", "tests", "benchmarks"):
        for f in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in local:
                        found.setdefault(top, set()).add(str(f.relative_to(ROOT)))
    return found


def test_the_scan_sees_the_imports_it_should():
    # an oracle for the scanner itself: modules we know are imported, from each folder
    found = imported_top_level_modules()
    assert {"numpy", "gigawatt", "hypothesis", "simpy", "pytest"} <= set(found)
    assert any(f.startswith("benchmarks/") for f in found["gigawatt"])


def test_every_imported_module_is_installed():
    missing = {
        m: sorted(files)[:3] for m, files in imported_top_level_modules().items() if not importlib.util.find_spec(m)
    }
    assert not missing, f"imported but not installed by `pip install -e '.[test]'`: {missing}"

"""Data mutation: move each number of the shipped data files within its stated range and see whether a test notices.

A code mutant asks whether the tests would see a wrong line; a data mutant asks whether they would see a wrong
number in the files gigawatt ships (``src/gigawatt/data/*.csv`` and the built-in scenarios
``src/gigawatt/data/scenarios/*.yaml``), such as a scenario's phase power changed from 1,200 to 1,000 MW or a default
moved inside its range. Each mutant changes one number:

- a CSV cell of a row with ``low`` and ``high`` columns (defaults.csv, accelerators.csv) moves to the end of its range
  farther from it (a default of 24 in 12-43 becomes 43), so the change is one the source itself allows;
- any other numeric CSV cell (facts.csv's values, the observed sites and deals, the milestones) and every number of a
  scenario file (``value: 200 MW``, ``"$200B"``, ``interval_months: 1``) moves by +10 % (a whole number stays whole:
  at least +1).

Dates, ids, addresses and the ``low``/``high`` columns themselves are left alone. The tests run on a scratch copy of
the checkout (the checkout is never touched), with the JIT on (no code changes, so the numba cache of the clean run
serves every mutant), ``pytest -x`` on ``DATA_TESTS``; a mutant no test fails is *unseen*.

    python3 tools/mutation.py --data --sample 30 --seed 1 --out mutation-report

writes ``data-mutation.json`` and ``data-unseen.md`` to ``--out``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path("src/gigawatt/data")

# tests that read the shipped data: hand-worked oracles of the defaults and ramps, the built-in scenarios against
# their published figures, the sources and ranges, validate's observed sites and deals, the reference on the
# built-ins, the reliability calibration (facts of the Llama 3 paper); golden outputs where the suite has them
DATA_TESTS = [
    "tests/test_input_oracles.py",
    "tests/test_golden.py",
    "tests/test_scenarios.py",
    "tests/test_sources.py",
    "tests/test_validate.py",
    "tests/test_observed_capex.py",
    "tests/test_milestones.py",
    "tests/test_money_ranges.py",
    "tests/test_cost_ratios.py",
    "tests/test_sizing.py",
    "tests/test_checks.py",
    "tests/test_power_basis.py",
    "tests/test_engine_stories.py",
    "tests/test_reference.py",
    "tests/test_ops.py",
]
SKIP_COLUMNS = {"id", "date", "low", "high", "facts_id", "address", "observed_month", "source", "note"}
# a YAML scalar after a key: an optional quote, an optional $, a number (thousands grouped), an optional unit; not
# followed by '-' (a date such as 2025-03) and ending the entry
YAML_NUMBER = re.compile(
    r"(?P<key>[A-Za-z_]+):\s*(?P<q>\"?)\$?(?P<num>\d[\d,]*(?:\.\d+)?)(?P<unit>\s*[A-Za-z%]*(?:/[A-Za-z]+)?)(?P=q)"
    r"(?=\s*(?:[,}\]]|#|$))"
)
SKIP_KEYS = {"facts_id", "start", "date", "available", "as_of"}


def _moved(value: float, text: str) -> float:
    """+10 %, staying whole if the number was written whole (at least +1)."""
    if re.fullmatch(r"\d+", text.replace(",", "")):
        return float(max(round(value * 1.1), int(value) + 1))
    return value * 1.1


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.6g}"


def csv_mutants(path: Path) -> list[dict]:
    """One mutant per numeric cell of a CSV: to the farther end of its row's range, else +10 %."""
    rows = list(csv.reader(io.StringIO(path.read_text())))
    header, out = rows[0], []
    col = {name: i for i, name in enumerate(header)}
    for r, row in enumerate(rows[1:], 1):
        for c, cell in enumerate(row):
            if header[c] in SKIP_COLUMNS:
                continue
            try:
                value = float(cell)
            except ValueError:
                continue
            lo, hi = (_float(row, col.get(k)) for k in ("low", "high"))
            if lo is not None and hi is not None and lo < hi:
                new = lo if abs(value - lo) > abs(hi - value) else hi
                how = f"to the {'low' if new == lo else 'high'} end of {_fmt(lo)}-{_fmt(hi)}"
            else:
                new, how = _moved(value, cell), "+10 %"
            if new == value:
                continue
            label = " ".join(row[:2]) if header[0] != "id" else row[0]
            out.append({"file": str(path), "row": r, "col": c, "what": f"{label} {header[c]}", "old": cell,
                        "new": _fmt(new), "how": how})  # fmt: skip
    return out


def _float(row: list[str], i: int | None) -> float | None:
    try:
        return float(row[i]) if i is not None else None
    except (ValueError, IndexError):
        return None


def yaml_mutants(path: Path) -> list[dict]:
    """One mutant per number written in a scenario file (outside quoted prose and comments): +10 %."""
    out = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        code = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        for m in YAML_NUMBER.finditer(code):
            if m.group("key") in SKIP_KEYS or _inside_prose(code, m.start()):
                continue
            text = m.group("num")
            new = _moved(float(text.replace(",", "")), text)
            key = _field(code, m)
            out.append({"file": str(path), "line": n, "start": m.start("num"), "end": m.end("num"), "what": key,
                        "old": text + m.group("unit"), "new": _fmt(new) + m.group("unit"), "how": "+10 %",
                        "replace": _fmt(new)})  # fmt: skip
    return out


def _inside_prose(line: str, at: int) -> bool:
    """Whether ``at`` is inside a quoted string that began before the key (a derivation or a note)."""
    return line[:at].count('"') % 2 == 1


def _field(line: str, m: re.Match) -> str:
    """The field a number sets: the key before ``{value:`` for a sourced value, else the key itself."""
    if m.group("key") != "value":
        return m.group("key")
    head = re.findall(r"([A-Za-z_]+):\s*\{", line[: m.start()])
    return head[-1] if head else "value"


def all_mutants(root: Path) -> list[dict]:
    found = []
    for path in sorted((root / DATA).glob("*.csv")):
        found += csv_mutants(path)
    for path in sorted((root / DATA / "scenarios").glob("*.yaml")):
        found += yaml_mutants(path)
    for m in found:
        m["file"] = str(Path(m["file"]).relative_to(root))
    return found


def apply(work: Path, m: dict) -> str:
    """Write the mutant into the scratch copy; returns the original text (to restore)."""
    path = work / m["file"]
    original = path.read_text()
    if "line" in m:
        lines = original.split("\n")
        ln = lines[m["line"] - 1]
        lines[m["line"] - 1] = ln[: m["start"]] + m["replace"] + ln[m["end"] :]
        path.write_text("\n".join(lines))
    else:
        rows = list(csv.reader(io.StringIO(original)))
        rows[m["row"]][m["col"]] = m["new"]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        path.write_text(buf.getvalue())
    return original


def run_tests(work: Path, tests: list[str], timeout: float) -> tuple[str, str]:
    env = dict(os.environ, PYTHONPATH=f"{work / 'src'}{os.pathsep}{work / 'tests'}", MPLBACKEND="Agg")
    env.pop("NUMBA_DISABLE_JIT", None)
    args = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=", *tests]
    try:
        p = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "killed", "timeout"
    tail = (p.stdout + p.stderr)[-3000:]
    return ("survived" if p.returncode == 0 else "killed"), tail


def _first_failure(tail: str) -> str:
    hit = re.findall(r"^FAILED (\S+)", tail, re.M) or re.findall(r"^ERROR (\S+)", tail, re.M)
    return hit[0] if hit else ""


def main(sample: int, seed: int, out: Path, keep: bool = False) -> int:
    """Run a seeded sample of data mutants (0: all) and write the report to ``out``."""
    started = time.monotonic()
    mutants = all_mutants(ROOT)
    by_file: dict[str, int] = {}
    for m in mutants:
        by_file[m["file"]] = by_file.get(m["file"], 0) + 1
    print(f"{len(mutants)} data mutants in scope")
    for f, n in sorted(by_file.items()):
        print(f"  {f:50s} {n:5d}")
    chosen = mutants if sample <= 0 or sample >= len(mutants) else random.Random(seed).sample(mutants, sample)
    work = Path(tempfile.mkdtemp(prefix="gigawatt-data-mutation-"))
    tests = [t for t in DATA_TESTS if (ROOT / t).exists()]
    results = []
    try:
        for name in ("src", "tests", "docs"):
            shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        shutil.copy2(ROOT / "pyproject.toml", work / "pyproject.toml")
        t0 = time.monotonic()
        status, tail = run_tests(work, tests, 1800)
        clean = time.monotonic() - t0
        if status != "survived":
            print(tail)
            print("the unmutated data tests fail: fix them first", file=sys.stderr)
            return 2
        print(f"clean run: {clean:.1f} s ({len(tests)} test files)", flush=True)
        for k, m in enumerate(chosen, 1):
            t0 = time.monotonic()
            original = apply(work, m)
            try:
                status, tail = run_tests(work, tests, 2.5 * clean + 30)
            finally:
                (work / m["file"]).write_text(original)
            m = {**m, "status": "seen" if status == "killed" else "unseen", "by": _first_failure(tail)}
            results.append(m)
            where = f"{m['file']}:{m.get('line', m.get('row'))}"
            print(f"[{k}/{len(chosen)}] {m['status']:6s} {time.monotonic() - t0:5.1f}s {where} {m['what']}: "
                  f"{m['old']} -> {m['new']} ({m['how']}) {m['by']}", flush=True)  # fmt: skip
            _write(out, results, len(mutants), by_file, seed, time.monotonic() - started, partial=k < len(chosen))
    finally:
        if keep:
            print(f"scratch folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print((out / "data-unseen.md").read_text())
    return 0


def _write(out: Path, results, in_scope, by_file, seed, seconds, partial) -> None:
    seen = sum(r["status"] == "seen" for r in results)
    report = {
        "seed": seed,
        "in_scope": in_scope,
        "in_scope_by_file": by_file,
        "sample": len(results),
        "seen": seen,
        "score": round(seen / len(results), 4) if results else None,
        "seconds": round(seconds),
        "partial": partial,
        "unseen": [r for r in results if r["status"] == "unseen"],
        "results": results,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "data-mutation.json").write_text(json.dumps(report, indent=1) + "\n")
    lines = [
        f"data mutants, seed {seed}: {seen} of {len(results)} seen ({in_scope} in scope) in {seconds / 60:.1f} min",
        "",
        "| file:line | field | change | how |",
        "| --- | --- | --- | --- |",
    ]
    for r in report["unseen"]:
        where = f"{r['file'].removeprefix('src/gigawatt/data/')}:{r.get('line', r.get('row'))}"
        lines.append(f"| {where} | {r['what']} | {r['old']} -> {r['new']} | {r['how']} |")
    (out / "data-unseen.md").write_text("\n".join(lines) + "\n")

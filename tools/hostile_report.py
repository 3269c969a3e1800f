"""Run the whole hostile-input corpus (issue 10), the expensive cases included, and print the table.

    python tools/hostile_report.py                      # every case, against the installed gigawatt
    python tools/hostile_report.py --src /tmp/old/src   # against another source tree (e.g. a `git archive`)
    python tools/hostile_report.py --json report.json   # also write the table and every failure as JSON
    python tools/hostile_report.py --only run-huge,ops-checkpoint-write-0 --verbose

Per class of input: the number of cases, the cases that fail, and how many show each kind of failure (a
traceback, a run past 20 s, NaN or infinity in an output, a file that was there before overwritten or removed,
anything else that breaks the contract in tests/hostile_harness.py). Cases run one at a time, each in its own
process under a 20 s limit and a 4 GiB address-space limit; run it under ``nice`` on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", help="run against the gigawatt package under this folder (prepended to PYTHONPATH)")
    ap.add_argument("--json", dest="json_path", help="write the report as JSON here")
    ap.add_argument("--only", help="comma-separated case ids")
    ap.add_argument("--cheap", action="store_true", help="only the cases CI runs")
    ap.add_argument("--notes", help="write the failing cases as Markdown, grouped by owner, here")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every case as it finishes")
    args = ap.parse_args(argv)

    if args.src and os.environ.get("GW_HOSTILE_SRC") != args.src:
        env = dict(os.environ, GW_HOSTILE_SRC=args.src)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (args.src, env.get("PYTHONPATH", "")) if p)
        os.execve(sys.executable, [sys.executable, *sys.argv], env)
    sys.path.insert(0, str(ROOT / "tests"))
    import gigawatt
    import hostile_harness as hh

    chosen = hh.cases(explore=not args.cheap)
    if args.only:
        wanted = set(args.only.split(","))
        chosen = [c for c in hh.CASES if c.id in wanted]
    outcomes = []
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="gw-hostile-") as tmp:
        for i, case in enumerate(chosen):
            o = hh.run_case(case, Path(tmp) / f"{i:03d}-{case.id}")
            outcomes.append(o)
            if args.verbose or o.failed:
                print(("FAIL " if o.failed else "ok   ") + o.summary(), file=sys.stderr, flush=True)
    table = hh.tally(outcomes)
    report = {
        "gigawatt": str(Path(gigawatt.__file__).parent),
        "seconds": round(time.monotonic() - t0, 1),
        "classes": table,
        "cases": [{"id": o.case.id, "exit": o.rc, "seconds": round(o.seconds, 2)} for o in outcomes],
        "failing": [
            {
                "id": o.case.id,
                "class": o.case.cls,
                "owner": o.case.owner,
                "command": o.case.command,
                "files": list(o.case.files) + [f"(generated: {m})" for m in o.case.make],
                "exit": o.rc,
                "seconds": round(o.seconds, 1),
                "problems": o.problems,
                "stderr_tail": hh._tail(o.stderr),
                "expected": o.case.want,
            }
            for o in outcomes
            if o.failed
        ],
    }
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(report, indent=2) + "\n")
    if args.notes:
        Path(args.notes).write_text(notes(report, hh))
    print(json.dumps(table))
    cols = ("cases", "failing", *hh.FAILURE_KINDS)
    print(f"{'class':<12}" + "".join(f"{c:>12}" for c in cols))
    for cls, row in table.items():
        print(f"{cls:<12}" + "".join(f"{row[c]:>12}" for c in cols))
    print(f"gigawatt from {report['gigawatt']}; {len(outcomes)} cases in {report['seconds']} s")
    return 0


OWNERS = {
    "E": "E (reading, units, ranges, dates)",
    "F": "F (CLI edge, output, sizing, flags, Dask)",
    "G": "G (ops model)",
}


def notes(report: dict, hh) -> str:
    """The failing cases as Markdown, grouped by owner: command, what happens, what is expected."""
    lines = [
        f"# Hostile inputs: failing cases ({len(report['failing'])} of {report['classes']['total']['cases']})",
        "",
        f"Against `{report['gigawatt']}`. Rerun one: `python tools/hostile_report.py --only ID -v` (corpus:",
        "tests/data/hostile/; cases: tests/hostile_harness.py; each runs in a fresh folder holding its files).",
        "",
    ]
    for owner, title in OWNERS.items():
        mine = [f for f in report["failing"] if f["owner"] == owner]
        lines += [f"## {title}: {len(mine)}", ""]
        for f in mine:
            what = "; ".join(
                f"{k}: {v[0]}" + (f" (+{len(v) - 1})" if len(v) > 1 else "") for k, v in f["problems"].items()
            )
            lines.append(f"- **{f['id']}** ({f['class']}): `{f['command']}`")
            if f["files"]:
                lines.append(f"  files: {', '.join(f['files'])}")
            lines.append(f"  happens: exit {f['exit']} in {f['seconds']} s; {what}")
            if f["stderr_tail"]:
                lines.append(f"  stderr: `{f['stderr_tail'][-240:]}`")
            lines.append(f"  expected: {f['expected']}")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

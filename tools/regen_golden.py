"""Regenerate the golden outputs of the built-in scenarios: tests/golden/<name>.run.json is `gigawatt run NAME
--json` as the program prints it (tests/test_golden.py compares every number with it).

    python3 tools/regen_golden.py              # every built-in
    python3 tools/regen_golden.py stargate     # only these
    python3 tools/regen_golden.py --check      # write nothing; list the files that would change (exit 1 if any)

Regenerate only when a change of the outputs is meant (a new fact, a calibrated default, a model fix), look at the
diff (`git diff tests/golden`) to see that only what you meant moved, and say in the commit message why the
numbers changed. A golden file that changes with no reason given is the mistake the test is there to catch.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


def run_json(name: str) -> str:
    """What `gigawatt run NAME --json` prints, through the installed package, as a user runs it."""
    proc = subprocess.run(
        [sys.executable, "-m", "gigawatt", "run", name, "--json"], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"gigawatt run {name} --json failed (exit {proc.returncode}):\n{proc.stderr}")
    json.loads(proc.stdout)  # a golden file is always valid JSON
    return proc.stdout


def builtin_names() -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", "import gigawatt; print('\\n'.join(gigawatt.builtin_names()))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.split()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="built-in scenarios (default: all)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a golden file would change")
    args = ap.parse_args(argv)
    names = args.names or builtin_names()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    changed = []
    for name in names:
        path = GOLDEN / f"{name}.run.json"
        text = run_json(name)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        changed.append(path.relative_to(ROOT))
        if not args.check:
            path.write_text(text, encoding="utf-8")
    verb = "would change" if args.check else "written"
    print(f"{len(changed)} of {len(names)} golden files {verb}: {', '.join(map(str, changed)) or '-'}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())

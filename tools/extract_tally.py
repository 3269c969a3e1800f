"""Score the extractor on a slice of tests/extract_corpus and list what it gets wrong: the working tool of a round
(score a held-out batch once, then see which misses a rule change mends or makes).

    python tools/extract_tally.py 458 473              # recall / precision / speakers / every field per language
    python tools/extract_tally.py 458 473 --misses     # and every miss line ("missed", "speaker", "deadline", "extra")
    python tools/extract_tally.py 1 473 --save a.txt   # every miss line to a file, to diff against another commit's

The figures are benchmarks/run.py extract's (the same `score` over the same files), restricted to article numbers
LO..HI, whatever their `heldout` flag says.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gigawatt.claims.extract.score import read_corpus, score

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "extract_corpus"
KEYS = ("recall", "precision", "speaker_accuracy", "every_field")


def _number(name: str) -> int:
    return int(name.split("-")[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lo", type=int)
    parser.add_argument("hi", type=int)
    parser.add_argument("--misses", action="store_true", help="print every miss line")
    parser.add_argument("--save", metavar="FILE", help="write every miss line to FILE, sorted")
    args = parser.parse_args(argv)
    docs = [d for d in read_corpus(CORPUS) if args.lo <= _number(d["name"]) <= args.hi]
    if not docs:
        sys.exit(f"no article numbered {args.lo}..{args.hi} in {CORPUS}")
    tallies = score(docs)
    for lang in ("en", "fr", "de", "all"):
        t = tallies.get(lang)
        if t is None:
            continue
        parts = [
            f"{t.matched}/{t.gold}",
            f"{t.matched}/{t.predicted}",
            f"{t.speaker}/{t.matched}",
            f"{t.every}/{t.gold}",
        ]
        figures = " ".join(f"{k}={v:.3f}" for k, v in t.as_json().items() if k in KEYS)
        print(f"{lang:3} {figures}  ({' '.join(parts)})")
    lines = sorted(line for lang in ("en", "fr", "de") if lang in tallies for line in tallies[lang].misses)
    if args.misses:
        print("\n".join(lines))
    if args.save:
        Path(args.save).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

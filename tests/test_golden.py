"""Golden outputs: `gigawatt run NAME --json` for every built-in scenario against tests/golden/<name>.run.json.

A silent change of a built-in (a phase's power 1,200 -> 1,000 MW, a date, a pledge), of a default or of the model
moves these numbers; the test says which keys moved and by how much. When a change is meant, regenerate with
`python3 tools/regen_golden.py` and say why in the commit (docs/testing.md, "Golden outputs").
"""

import json
import math
from pathlib import Path

import pytest

import gigawatt as gw
from gigawatt.cli.core import main

GOLDEN = Path(__file__).parent / "golden"
# The run is deterministic: the same inputs give the same floats up to the order of sums a numpy or numba version
# may change (a few ulps, ~1e-15 relative, at most ~1e-12 after a 600-month accumulation). rel 1e-9 leaves that room
# and is still a millionth of the smallest change a planted mistake makes (one phase 1,200 -> 1,000 MW moves the
# campus's MW by 200/7,160 = 3 %). abs 1e-6 for figures that are zero (a gap, a debt) in floating point.
REL, ABS = 1e-9, 1e-6


def differences(got, want, path="") -> list[str]:
    """Every place where ``got`` differs from ``want`` beyond the tolerance: structure, strings and numbers."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{path}: {type(got).__name__} instead of an object"]
        out = [f"{path}.{k}: missing" for k in want if k not in got]
        out += [f"{path}.{k}: not in the golden file" for k in got if k not in want]
        for k in want.keys() & got.keys():
            out += differences(got[k], want[k], f"{path}.{k}")
        return out
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return [f"{path}: {len(got) if isinstance(got, list) else got!r} items instead of {len(want)}"]
        return [d for i, (g, w) in enumerate(zip(got, want, strict=True)) for d in differences(g, w, f"{path}[{i}]")]
    if isinstance(want, bool) or want is None or isinstance(want, str):
        return [] if got == want else [f"{path}: {got!r} instead of {want!r}"]
    if isinstance(got, bool) or not isinstance(got, int | float):
        return [f"{path}: {got!r} instead of {want!r}"]
    if math.isclose(got, want, rel_tol=REL, abs_tol=ABS):
        return []
    return [f"{path}: {got!r} instead of {want!r} ({(got - want) / want:+.3%})" if want else f"{path}: {got!r} not 0"]


def test_every_builtin_has_a_golden_file():
    names = {p.name.removesuffix(".run.json") for p in GOLDEN.glob("*.run.json")}
    assert names == set(gw.builtin_names()), "run python3 tools/regen_golden.py for a new or renamed built-in"


@pytest.mark.parametrize("name", gw.builtin_names())
def test_run_json_matches_the_golden_file(capsys, name):
    want = json.loads((GOLDEN / f"{name}.run.json").read_text(encoding="utf-8"))
    code = main(["run", name, "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    diff = differences(json.loads(out), want)
    assert not diff, f"{name}: {len(diff)} differences from tests/golden (first 10):\n" + "\n".join(diff[:10])


def test_differences_sees_a_small_change():
    """The comparison itself can fail: 1,200 -> 1,000 MW, and a change of 1e-6 relative."""
    want = {"phases": [{"power_mw": 1200.0, "phase": "milam/phase-1"}], "gap": 0.0}
    assert differences({"phases": [{"power_mw": 1000.0, "phase": "milam/phase-1"}], "gap": 0.0}, want)
    assert differences({"phases": [{"power_mw": 1200.0012, "phase": "milam/phase-1"}], "gap": 0.0}, want)
    assert differences({"phases": [{"power_mw": 1200.0, "phase": "milam/phase-2"}], "gap": 0.0}, want)
    assert differences({"phases": [], "gap": 0.0}, want)
    assert not differences({"phases": [{"power_mw": 1200.0 * (1 + 1e-12), "phase": "milam/phase-1"}], "gap": 0.0}, want)

"""What a command loads before it starts: the import discipline that keeps ``gigawatt risk`` (the 2 s promise,
benchmarks/run.py ``risk_100k_s``) and ``gigawatt --help`` quick. Each check runs a fresh interpreter and reads its
``sys.modules``: deterministic, unlike a timed test.

The web tier (FastAPI, uvicorn, plotly), charts (matplotlib), Dask, the claims extractor's libraries (spaCy, lingua,
dateparser, text2num) and pandas are imported only by the commands that use them; ``risk`` loads numba but not the
rest of ``scipy.linalg`` (:func:`gigawatt.engine.numba_cache.blas_without_linalg`).
"""

from __future__ import annotations

import json
import subprocess
import sys

# libraries no command below needs: each one imported by mistake costs 0.05-0.5 s of every run
INTERFACE = ["fastapi", "starlette", "uvicorn", "plotly", "matplotlib", "dask", "distributed", "httpx"]
CLAIMS_EXTRAS = ["spacy", "lingua", "dateparser", "text_to_num", "scoringrules"]
DATA_FRAMES = ["pandas", "pyarrow"]
SCIENCE = ["SALib", "scipy.linalg", "scipy.stats", "numpy.f2py", "sklearn"]
FORBIDDEN = INTERFACE + CLAIMS_EXTRAS + DATA_FRAMES + SCIENCE

_RUN = """
import json, runpy, sys
sys.argv = ["gigawatt", *json.loads(sys.argv[1])]
code = 0
try:
    runpy.run_module("gigawatt", run_name="__main__")
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _modules_after(args: list[str]) -> set[str]:
    """The modules loaded by ``python -m gigawatt ARGS`` run to its end in a fresh interpreter (it must exit 0)."""
    proc = subprocess.run([sys.executable, "-c", _RUN, json.dumps(args)], capture_output=True, text=True)
    report = json.loads(proc.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), proc.stderr[-2000:]
    return set(report["modules"])


def _modules_after_import(statement: str) -> set[str]:
    code = f"{statement}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def _loaded(modules: set[str], names: list[str]) -> list[str]:
    return [name for name in names if name in modules]


def test_the_probe_sees_what_a_command_imports():
    # an oracle for the probe itself: `risk` must show numba and the command line's own libraries
    modules = _modules_after(["risk", "stargate", "--trials", "1", "--json"])
    assert {"numba", "typer", "rich", "pydantic", "gigawatt.engine.montecarlo"} <= modules
    assert "scipy.linalg.cython_blas" in modules  # numba's BLAS check found scipy's table (loaded alone)


def test_importing_the_command_line_loads_no_heavy_library():
    modules = _modules_after_import("import gigawatt.cli")
    assert not _loaded(modules, [*FORBIDDEN, "numba", "scipy"])
    assert "gigawatt.web" not in modules
    # other commands' own modules load when those commands run: the claims report, the observed sites
    assert not _loaded(modules, ["gigawatt.report.claims", "gigawatt.engine.validate", "gigawatt.engine.montecarlo"])


def test_help_loads_no_engine_and_no_interface_library():
    modules = _modules_after(["--help"])
    assert not _loaded(modules, [*FORBIDDEN, "numba", "scipy"])


def test_risk_loads_only_what_it_runs():
    # gigawatt.web.serve (only registers `gigawatt serve`) and gigawatt.report.charts load no library of their own
    modules = _modules_after(["risk", "stargate", "--trials", "2000", "--seed", "1", "--json"])
    assert not _loaded(modules, [*FORBIDDEN, "rich.progress"])  # no bar to draw with --json
    assert not [m for m in modules if m.startswith(("gigawatt.web.app", "gigawatt.claims.extract"))]


def test_scipys_blas_table_alone_is_scipys_own_and_scipy_linalg_still_imports():
    # numba finds the BLAS (np.dot compiles and agrees with numpy), and a later `import scipy.linalg` (whose Cython
    # parts take the table from sys.modules) works and shares that very module
    code = """
import sys
import numpy as np
from gigawatt.engine.numba_cache import blas_without_linalg
assert blas_without_linalg()
assert "scipy.linalg" not in sys.modules
blas = sys.modules["scipy.linalg.cython_blas"]
assert not blas_without_linalg()  # once is enough
from numba import njit
a = np.arange(16.0).reshape(4, 4) + np.eye(4) * 20
assert np.array_equal(njit(lambda x: np.dot(x, x))(a), a @ a)
import scipy.linalg
from scipy.linalg import cython_blas
assert cython_blas is blas
lu, piv = scipy.linalg.lu_factor(a)
assert np.allclose(scipy.linalg.lu_solve((lu, piv), a @ np.ones(4)), np.ones(4))
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "ok", proc.stderr[-2000:]


def test_blas_table_not_loaded_twice_when_scipy_linalg_is_there():
    code = """
import scipy.linalg
from gigawatt.engine.numba_cache import blas_without_linalg
print(blas_without_linalg())
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"

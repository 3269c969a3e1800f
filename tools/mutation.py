"""Mutation score of the model core, on a seeded random sample of mutants (cosmic-ray).

The model core: ``model/*.py``, the month loop and its inputs (``engine/loop.py``, ``engine/inputs.py``), the
operations model (``engine/operations/*.py``), the money and date functions of ``units.py`` and ``data/loading.py``,
and the code around them: ramps (``data/ramps.py``), the milestones check (``engine/milestones.py``) and the
estimator (``engine/estimate.py``); and the claims ledger (``claims/*.py``,
``data/facts.py``), whose tests run with the JIT on (``JIT_ON`` below).

    python3 -m pip install -e '.[test,mutation]'
    python3 tools/mutation.py --sample 300 --seed 1 --out mutation-report

What it does (see docs/testing.md):

1. copies ``src/``, ``tests/``, ``docs/`` and ``pyproject.toml`` to a scratch folder, so the mutants never touch the
   checkout (cosmic-ray mutates files in place) and other people's test runs never see them; the targets are checked
   first (each must exist, and every ``src/gigawatt/model/*.py`` must be one), so a module that moved is not missed;
2. enumerates every mutant cosmic-ray's operators make in the target modules (``cosmic-ray init`` into a session
   database, ``session.sqlite`` in the scratch folder), keeps those inside the targeted code (for ``units.py`` and
   ``loading.py`` only the money and date functions) and drops the mutants of ``@njit`` lines, its removal or its
   ``cache=True`` -> ``False`` (equivalent by construction: the decorator only compiles; with ``NUMBA_DISABLE_JIT=1``
   it is not even that);
3. draws ``--sample`` of them with ``random.Random(--seed)`` from the list sorted by (file, position, operator), so
   the same source and seed give the same sample;
4. for each module runs its covering tests on the unmutated copy once (they must pass; the time sets the timeout),
   then for each mutant applies it with cosmic-ray's ``mutate_and_test`` and runs only those tests, with
   ``NUMBA_DISABLE_JIT=1`` (no mutant waits for a compile; except the modules of ``JIT_ON``, pure Python whose
   tests run Monte Carlo passes: the clean run compiles once into the scratch copy's numba cache and every mutant
   run loads from it) and ``pytest -x`` (stop at the first failure); a mutant is killed when the tests fail or
   run past the timeout;
5. prints the score by module and the survivors (file, line, operator, diff), and writes ``mutation.json`` and
   ``survivors.md`` to ``--out``; the results are also stored in the session database, so ``cr-report`` works on it.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import difflib
import functools
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# tests that cover each module, fastest and most telling first (pytest -x stops at the first failure); chosen so
# that one mutant run takes seconds with the JIT off: the Monte Carlo statistics (test_risk.py), sensitivity and
# property tests take tens of seconds to minutes as plain Python and are left out, and so are the four cluster
# simulations of test_ops.py that take over 4 s each. The compiled path (engine/compiled.py) runs the same source
# as the interpreted one (engine/loop.py and the model's step functions; with NUMBA_DISABLE_JIT=1 not even
# compiled), so the tests comparing the two (test_risk.py::test_compiled_*) cannot kill a mutant of the model and
# are left out: there is no separate kernel to mutate any more (test_oracles_engine.py still runs a batch of trials
# through one reused state, which a mutant of the batch path, trial_of or reset_state, can break)
ENGINE_TESTS = [
    "tests/test_engine_stories.py",
    "tests/test_model_functions.py",
    "tests/test_oracles_engine.py",  # hand-worked stories on both paths, and many trials through one reused state
    "tests/test_oracles_model.py",
    "tests/test_reference.py",
    "tests/test_scenarios.py",
]
SLOW_OPS = (
    "test_spares_wait_their_delay",
    "test_capacity_reduces_to_the_plain_job_with_instant_replacements",
    "test_bad_subpopulation_keeps_the_calibrated_average_at_the_start",
    "test_escalation_adds_manual_repairs_on_average",
)
RELIABILITY_TESTS = ["tests/test_ops.py", "-k", " and ".join(f"not {t}" for t in SLOW_OPS)]
# the closed forms feed the engine's largest-run metric too (engine stories); one group, one clean run for both
OPS_TESTS = [
    "tests/test_engine_stories.py",
    "tests/test_ops_edges.py",
    "tests/test_ops_options.py",  # the closed form with its options (log_goodput_with), repairs, spares
    "tests/test_ops_closed_form.py",  # where the closed form applies to a run and where it does not
    *RELIABILITY_TESTS,
]
OPS_PARTS = ("config", "analytic", "kernels", "streams", "simulation", "result", "__init__")
# the data and engine code around the model: ramps (a phase expanded building by building), the milestones check of
# `gigawatt validate`, and the estimator (power <-> accelerators <-> money)
RAMPS_TESTS = [
    "tests/test_ramps.py",
    "tests/test_ramp_inputs.py",
    "tests/test_assumptions.py",  # a building's sources, derived from an assumption or an unsourced number
]
MILESTONES_TESTS = ["tests/test_milestones.py", "tests/test_validate.py"]
ESTIMATE_TESTS = [
    "tests/test_sizing.py",
    "tests/test_bad_input.py",
    "tests/test_cli.py::test_estimate_power",
    "tests/test_cli.py::test_estimate_budget_and_count",
]
UNITS_TESTS = [
    "tests/test_units.py",
    "tests/test_input_limits.py",
    "tests/test_bad_input.py",
    "tests/test_scenarios.py",
    "tests/test_engine_stories.py",
    "tests/test_checks.py",
]
LOADING_TESTS = [
    "tests/test_distributions.py",
    "tests/test_bad_input.py",
    "tests/test_risk.py::test_point_distributions_give_the_deterministic_numbers",
]

# the claims ledger (issue 16): its evaluation and track record, the ledger format and its cross checks, the facts'
# dates. These modules are plain Python (nothing of theirs is @njit), but their tests weigh claims with Monte Carlo
# passes through the compiled month loop (run_blocks): as plain Python (NUMBA_DISABLE_JIT=1) one pass of 2,048
# trials takes minutes. So this group runs with the JIT on (JIT_ON): the clean run compiles the loop once (about
# 30-60 s, into the scratch copy's __pycache__, numba's in-tree cache), and each mutant's fork loads the machine code
# from that cache (a second or two); a mutant of these modules cannot change the compiled code (none of it is
# compiled), so the cache stays valid for the whole run. The whole group then takes about 11 s (JIT warm), a
# mutant's run 1 to 11 s (only the tests that run its line). test_claims_report.py is left out: it writes reports
# from a hand-built ledger and imports none of the three modules' logic.
CLAIMS_TESTS = ["tests/test_claims_mutants.py", "tests/test_claims.py", "tests/test_as_of.py"]
JIT_ON = {
    "src/gigawatt/claims/ledger.py",
    "src/gigawatt/claims/scenarios.py",
    "src/gigawatt/claims/tally.py",
    "src/gigawatt/claims/kinds.py",
    "src/gigawatt/claims/scoring.py",
    "src/gigawatt/claims/evaluate.py",
    "src/gigawatt/data/facts.py",
}

# module -> (covering tests, functions to mutate; None: the whole module, "" in the set: module-level code)
TARGETS: dict[str, tuple[list[str], set[str] | None]] = {
    # the build-out: the equations, the month loop that steps them, and the inputs it is compiled from
    "src/gigawatt/model/construction.py": (ENGINE_TESTS, None),
    "src/gigawatt/model/energy.py": (ENGINE_TESTS, None),
    "src/gigawatt/model/funding.py": (ENGINE_TESTS, None),
    "src/gigawatt/model/procurement.py": (ENGINE_TESTS, None),
    "src/gigawatt/engine/loop.py": (ENGINE_TESTS, None),
    "src/gigawatt/engine/inputs.py": (ENGINE_TESTS, None),
    # operations: the closed forms and the step functions, and the cluster simulation that runs them
    "src/gigawatt/model/checkpointing.py": (OPS_TESTS, None),
    "src/gigawatt/model/failures.py": (OPS_TESTS, None),
    "src/gigawatt/model/repair.py": (OPS_TESTS, None),
    "src/gigawatt/model/draws.py": (OPS_TESTS, None),
    # engine/operations/ (one file until issue 20): the configuration, the closed forms' orchestration, the kernels,
    # the streamed summaries, the simulation's orchestration, the report and the entry point
    **{f"src/gigawatt/engine/operations/{part}.py": (OPS_TESTS, None) for part in OPS_PARTS},
    "src/gigawatt/units.py": (
        UNITS_TESTS,
        {
            "",  # module-level tables: scales ("B", "billion"), unit factors (a month is 365.25 / 12 days)
            "_unit_factor",
            "_finite",
            "parse_quantity",
            "parse_month",
            "month_index",
            "add_months",
            "format_usd",
        },
    ),
    "src/gigawatt/data/loading.py": (LOADING_TESTS, {"_attach_distributions"}),
    "src/gigawatt/data/ramps.py": (RAMPS_TESTS, None),
    "src/gigawatt/engine/milestones.py": (MILESTONES_TESTS, None),
    "src/gigawatt/engine/estimate.py": (ESTIMATE_TESTS, None),
    # the validation's own arithmetic: which sites are calibration points, and the medians and worsts
    "src/gigawatt/engine/validate.py": (["tests/test_validate.py"], {"calibrates", "summarize"}),
    # the claims ledger, with the JIT on (see CLAIMS_TESTS)
    **{path: (CLAIMS_TESTS, None) for path in sorted(JIT_ON) if "/claims/" in path},
    "src/gigawatt/data/facts.py": (CLAIMS_TESTS, None),
}
# the oracle tests written against surviving mutants run for every module (they are fast)
ORACLE_GLOB = "tests/test_oracles_*.py"
# modules whose score the 85 % target of issue 8 is about: the model core (before the split into model/ and
# engine/ that was src/gigawatt/engine.py, engine/kernel.py and model/; the steps now in model/failures.py and
# model/repair.py were in reliability.py, later engine/operations.py (now engine/operations/), and were not counted)
ENGINE_MODEL = {m for m in TARGETS if "/model/" in m or m.endswith(("engine/loop.py", "engine/inputs.py"))}


def check_targets(root: Path = ROOT) -> list[str]:
    """What is stale in TARGETS: a target or a named function in it that does not exist, a module of the model core
    that is no target, a test file that does not exist."""
    problems = [f"{m}: no such file (moved? update TARGETS)" for m in TARGETS if not (root / m).is_file()]
    for path in sorted((root / "src/gigawatt/model").glob("*.py")):
        rel = str(path.relative_to(root))
        if path.name != "__init__.py" and rel not in TARGETS:
            problems.append(f"{rel}: a module of the model core that is not a mutation target")
    for path in sorted((root / "src/gigawatt/engine/operations").glob("*.py")):
        if str(path.relative_to(root)) not in TARGETS:
            problems.append(f"{path.relative_to(root)}: a part of the operations model that is not a mutation target")
    for rel, (_, wanted) in TARGETS.items():
        if wanted and (root / rel).is_file():
            defined = {name for _, _, name in top_level_spans(root / rel)}
            problems += [f"{rel}: no top-level function {name} (renamed?)" for name in sorted(wanted - defined - {""})]
    for t in sorted({t for tests, _ in TARGETS.values() for t in tests if t.startswith("tests/")}):
        file, _, test = t.partition("::")
        if not (root / file).is_file():
            problems.append(f"{t}: no such test file")
        elif test and test.partition("[")[0] not in {name for _, _, name in top_level_spans(root / file)}:
            problems.append(f"{t}: no such test in {file} (renamed?)")
    return problems


def source_commit() -> str:
    """The checkout's commit, and whether src/ or tests/ differ from it (what the scratch copy is made of)."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "src", "tests"], capture_output=True, text=True
    )
    return commit.stdout.strip() + (" (+ local changes)" if dirty.stdout.strip() else "")


def copy_tree(dest: Path) -> None:
    # docs/ too: some tests read it (test_validate.py checks that docs/validation.md explains every large miss)
    for name in ("src", "tests", "docs"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy2(ROOT / "pyproject.toml", dest / "pyproject.toml")


@functools.cache
def top_level_spans(path: Path) -> list[tuple[int, int, str]]:
    tree = ast.parse(path.read_text())
    return [
        (node.lineno, node.end_lineno or node.lineno, node.name)
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    ]


def enclosing(spans, line: int) -> str:
    return next((name for lo, hi, name in spans if lo <= line <= hi), "")


def enumerate_mutants(work: Path, db_path: Path) -> list:
    from cosmic_ray.commands import init
    from cosmic_ray.work_db import WorkDB, use_db

    with use_db(str(db_path), WorkDB.Mode.create) as db:
        init([work / m for m in TARGETS], db, {})
        items = list(db.work_items)
    kept = []
    for item in items:
        spec = item.mutations[0]
        rel = str(Path(spec.module_path).relative_to(work))
        wanted = TARGETS[rel][1]
        line = spec.start_pos[0]
        if wanted is not None and enclosing(top_level_spans(work / rel), line) not in wanted:
            continue
        text = (work / rel).read_text().splitlines()[line - 1].strip()
        if text.startswith("@") and ("njit" in text or "jit(" in text):
            continue  # removing @njit, or its cache=True -> False: only whether and how it compiles
        kept.append(item)
    kept.sort(
        key=lambda w: (
            str(w.mutations[0].module_path),
            tuple(w.mutations[0].start_pos),
            w.mutations[0].operator_name,
            w.mutations[0].occurrence,
        )
    )
    return kept


def pytest_args(tests: list[str], work: Path | None = None) -> list[str]:
    """pytest's arguments for ``tests``; with ``work`` (clean runs), the oracle tests of that copy are added and
    test files that this version of the suite does not have are left out."""
    oracles = sorted(str(p.relative_to(work)) for p in work.glob(ORACLE_GLOB)) if work else []
    if work:
        tests = [
            t
            for i, t in enumerate(tests)
            if t.startswith("-") or tests[i - 1 : i] == ["-k"] or (work / t.partition("::")[0]).exists()
        ]
    return ["-x", "-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=", *oracles, *tests]


# imported once in this process before the first fork, so that a mutant's test run only imports gigawatt itself
PRELOAD = ("numpy", "scipy.special", "scipy.stats", "pandas", "numba", "pydantic", "pint", "yaml", "hypothesis")
PRELOAD_LATE = ("pytest", "simpy", "typer", "rich", "matplotlib", "matplotlib.pyplot")


def preload() -> None:
    import importlib

    os.environ.setdefault("MPLBACKEND", "Agg")
    for name in PRELOAD + PRELOAD_LATE:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    if "gigawatt" in sys.modules:
        raise RuntimeError("gigawatt was imported before the fork: mutants would not be seen")


def _hypothesis_profile() -> None:
    """The tests' own ``ci`` profile (derandomized: the same examples in every run) without shrinking: a mutant
    that fails an example is killed at once, instead of hypothesis spending a minute shrinking the example."""
    from hypothesis import HealthCheck, Phase, settings

    settings.register_profile(
        "mutation",
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    os.environ["HYPOTHESIS_PROFILE"] = "mutation"  # tests/conftest.py loads the profile this names


def run_forked(
    args: list[str], timeout: float, log: Path, coverage_to: Path | None = None, jit: bool = False
) -> tuple[str, str]:
    """Run pytest with ``args`` in a forked child (the mutated gigawatt is imported there, fresh).

    Returns (status, output tail): survived (exit 0), killed (tests failed, or collection broke), timeout, or
    error (pytest's own usage or internal errors, no tests collected). With ``coverage_to``, the child records
    which test runs which line (coverage contexts) into that file and each test's duration into ``.json`` next
    to it. With ``jit``, the child turns numba's JIT back on before it imports gigawatt (the parent imported numba
    with NUMBA_DISABLE_JIT=1; numba reads the flag when a function is decorated, and again from the environment
    when it reloads its configuration)."""
    pid = os.fork()
    if pid == 0:  # child
        code = 3
        try:
            os.setpgid(0, 0)
            if jit:
                from numba.core import config as numba_config

                os.environ["NUMBA_DISABLE_JIT"] = "0"
                numba_config.DISABLE_JIT = False
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            import pytest

            _hypothesis_profile()
            code = int(pytest.main(args)) if coverage_to is None else _run_with_contexts(args, coverage_to)
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout", "timeout"
        time.sleep(0.02)
    code = os.waitstatus_to_exitcode(status)
    output = log.read_text(errors="replace")[-6000:] if log.exists() else ""
    if code == 0:
        return "survived", output
    if code in (1, 2) or code < 0:  # failed tests, an import or collection error, a crash
        return "killed", output
    if code == 4 and ("ERROR collecting" in output or "ImportError while loading conftest" in output):
        return "killed", output  # the mutant breaks an import (of a test module, or of gigawatt in conftest.py)
    return "error", output


def _run_with_contexts(args: list[str], data_file: Path) -> int:
    import coverage
    import pytest

    cov = coverage.Coverage(data_file=str(data_file), source=[str(Path.cwd() / "src" / "gigawatt")])
    durations: dict[str, float] = {}

    class Contexts:
        @pytest.hookimpl(wrapper=True)
        def pytest_runtest_protocol(self, item, nextitem):
            cov.switch_context(item.nodeid)
            t0 = time.perf_counter()
            try:
                return (yield)
            finally:
                durations[item.nodeid] = time.perf_counter() - t0
                cov.switch_context("")

    cov.start()
    try:
        code = int(pytest.main(args, plugins=[Contexts()]))
    finally:
        cov.stop()
        cov.save()
    data_file.with_suffix(".json").write_text(json.dumps(durations))
    return code


@functools.cache
def statement_lines(path: Path) -> dict[int, int]:
    """Line -> first line of the innermost statement holding it (the line coverage records for it)."""
    first: dict[int, tuple[int, int]] = {}
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.stmt):
            span = (node.end_lineno or node.lineno) - node.lineno
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                if line not in first or span < first[line][1]:
                    first[line] = (node.lineno, span)
    return {line: lo for line, (lo, _) in first.items()}


class Coverage:
    """Which of a test group's tests run each line of the targeted modules, and how long each test takes."""

    def __init__(self, data_file: Path):
        import coverage

        self.data = coverage.CoverageData(basename=str(data_file))
        self.data.read()
        self.durations: dict[str, float] = json.loads(data_file.with_suffix(".json").read_text())
        self._by_file: dict[str, dict[int, list[str]]] = {}

    def tests_for(self, path: Path, line: int) -> list[str] | None:
        """Node ids of the tests that run ``line`` (fastest first); [] if none does; None if it runs only at
        import (module-level code: every test of the group depends on it)."""
        key = str(path)
        if key not in self._by_file:
            self._by_file[key] = self.data.contexts_by_lineno(key) if key in self.data.measured_files() else {}
        contexts = self._by_file[key].get(statement_lines(path).get(line, line), [])
        tests = [c for c in contexts if c]
        if not tests:
            return None if "" in contexts else []
        return sorted(tests, key=lambda t: (self.durations.get(t, 0.0), t))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=300, help="mutants to draw (0: all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("mutation-report"), help="folder for mutation.json, survivors.md")
    ap.add_argument(
        "--timeout-factor", type=float, default=2.5, help="timeout = factor x the selected tests' clean time + 20 s"
    )
    ap.add_argument("--module", action="append", default=[], help="only these modules (repeatable)")
    ap.add_argument(
        "--function",
        action="append",
        default=[],
        help="only mutants inside these top-level functions or classes (repeatable; '' for module-level code)",
    )
    ap.add_argument("--skip", type=int, default=0, help="skip the first N mutants of the sample (resume a run)")
    ap.add_argument("--list", action="store_true", help="only enumerate and print the counts per module")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = ap.parse_args(argv)
    stale = check_targets()
    if stale:
        print("tools/mutation.py is out of date with the source tree:\n  " + "\n  ".join(stale), file=sys.stderr)
        return 2

    import cosmic_ray
    from cosmic_ray.mutating import use_mutation
    from cosmic_ray.plugins import get_operator
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkResult

    version = getattr(cosmic_ray, "__version__", None)
    if version is None:
        from importlib.metadata import version as _v

        version = _v("cosmic-ray")

    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    work = Path(tempfile.mkdtemp(prefix="gigawatt-mutation-"))
    started = time.monotonic()
    commit = source_commit()
    try:
        copy_tree(work)
        db_path = work / "session.sqlite"
        items = enumerate_mutants(work, db_path)
        if args.module:
            items = [w for w in items if any(str(w.mutations[0].module_path).endswith(m) for m in args.module)]
        if args.function:
            items = [
                w
                for w in items
                if enclosing(top_level_spans(Path(w.mutations[0].module_path)), w.mutations[0].start_pos[0])
                in args.function
            ]
        counts: dict[str, int] = {}
        for w in items:
            rel = str(Path(w.mutations[0].module_path).relative_to(work))
            counts[rel] = counts.get(rel, 0) + 1
        print(f"cosmic-ray {version}: {len(items)} mutants in scope")
        for m, n in sorted(counts.items()):
            print(f"  {m:40s} {n:5d}")
        if args.list:
            return 0
        sample = (
            items
            if args.sample <= 0 or args.sample >= len(items)
            else random.Random(args.seed).sample(items, args.sample)
        )
        sample.sort(key=lambda w: (str(w.mutations[0].module_path), tuple(w.mutations[0].start_pos)))
        sample = sample[args.skip :]

        os.environ["NUMBA_DISABLE_JIT"] = "1"
        os.environ["OMP_NUM_THREADS"] = os.environ["OPENBLAS_NUM_THREADS"] = os.environ["NUMBA_NUM_THREADS"] = "1"
        sys.dont_write_bytecode = True
        os.chdir(work)
        sys.path[:0] = [str(work / "src"), str(work / "tests")]
        preload()
        import importlib.util

        origin = importlib.util.find_spec("gigawatt").origin
        if not origin.startswith(str(work)):
            raise RuntimeError(f"gigawatt would be imported from {origin}, not from the scratch copy")
        log = work / "pytest.log"

        # clean run of each test group under coverage: the tests must pass, and each mutant then runs only the
        # tests that execute its line (all of the group's tests for module-level code; none if no test runs it)
        groups = {
            rel: tuple(TARGETS[rel][0])
            for rel in {str(Path(w.mutations[0].module_path).relative_to(work)) for w in sample}
        }
        cover: dict[tuple, Coverage] = {}
        clean_s: dict[str, float] = {}
        for g, tests in enumerate(sorted(set(groups.values()))):
            t0 = time.monotonic()
            data_file = work / f"coverage-{g}"
            jit = any(m in JIT_ON for m, t in groups.items() if t == tests)
            status, output = run_forked(pytest_args(list(tests), work), 3600, log, coverage_to=data_file, jit=jit)
            name = ", ".join(sorted(m.removeprefix("src/gigawatt/") for m, t in groups.items() if t == tests))
            clean_s[name] = time.monotonic() - t0
            if status != "survived":
                print(output)
                print(f"the unmutated tests for {name} fail ({status}): fix them first", file=sys.stderr)
                return 2
            cover[tests] = Coverage(data_file)
            print(f"clean run with coverage for {name}: {clean_s[name]:.1f} s", flush=True)

        results = []
        with use_db(str(db_path), WorkDB.Mode.open) as db:
            for k, item in enumerate(sample, 1):
                spec = item.mutations[0]
                rel = str(Path(spec.module_path).relative_to(work))
                t0 = time.monotonic()
                operator = get_operator(spec.operator_name)(**(spec.operator_args or {}))
                cov = cover[groups[rel]]
                tests = cov.tests_for(Path(spec.module_path), spec.start_pos[0])
                if tests is None:
                    tests = sorted(cov.durations, key=lambda t: (cov.durations[t], t))
                timeout = max(30.0, args.timeout_factor * sum(cov.durations.get(t, 0.0) for t in tests) + 20.0)
                with use_mutation(spec.module_path, operator, spec.occurrence) as (before, after):
                    if after is None:
                        status, output = "no-test", ""
                    elif not tests:
                        status, output = "survived", "no test runs this line"
                    else:
                        status, output = run_forked(pytest_args(tests), timeout, log, jit=rel in JIT_ON)
                diff = "\n".join(
                    ln
                    for ln in difflib.unified_diff((before or "").splitlines(), (after or "").splitlines(), n=0)
                    if ln[:1] in "+-" and ln[:3] not in ("+++", "---")
                )
                outcome = {"survived": "survived", "killed": "killed", "timeout": "killed"}.get(status, "incompetent")
                worker = {"no-test": "no-test", "error": "exception"}.get(status, "normal")
                db.set_result(item.job_id, WorkResult(worker, output, None if status == "no-test" else outcome, diff))
                took = time.monotonic() - t0
                if status == "error":  # pytest itself failed: reported, not scored
                    print(output[-3000:])
                    print(f"warning: pytest did not run for {rel}:{spec.start_pos[0]} {spec.operator_name}")
                results.append(
                    {
                        "module": rel,
                        "line": spec.start_pos[0],
                        "column": spec.start_pos[1],
                        "function": enclosing(top_level_spans(work / rel), spec.start_pos[0]),
                        "operator": spec.operator_name.removeprefix("core/"),
                        "occurrence": spec.occurrence,
                        "status": status,
                        "tests": len(tests or []),
                        "seconds": round(took, 1),
                        "diff": diff,
                    }
                )
                print(
                    f"[{k}/{len(sample)}] {status:9s} {took:5.1f}s {rel}:{spec.start_pos[0]} {spec.operator_name}",
                    flush=True,
                )
                # the report so far, so that an interrupted run still says what it found
                partial = summarize(results, args, version, time.monotonic() - started, counts, clean_s, commit)
                partial["partial"] = f"{k} of {len(sample)} mutants"
                out.mkdir(parents=True, exist_ok=True)
                (out / "mutation.json").write_text(json.dumps(partial, indent=1) + "\n")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"scratch folder kept: {work}")
    elapsed = time.monotonic() - started
    report = summarize(results, args, version, elapsed, counts, clean_s, commit)
    out.mkdir(parents=True, exist_ok=True)
    (out / "mutation.json").write_text(json.dumps(report, indent=1) + "\n")
    (out / "survivors.md").write_text(markdown(report))
    print(markdown(report))
    print(f"written: {out / 'mutation.json'}, {out / 'survivors.md'}")
    return 0


def summarize(results, args, version, elapsed, counts, clean_s, commit: str = "") -> dict:
    scored = [r for r in results if r["status"] not in ("no-test", "error")]
    by_module = {}
    for r in scored:
        m = by_module.setdefault(r["module"], {"killed": 0, "total": 0})
        m["total"] += 1
        m["killed"] += r["status"] in ("killed", "timeout")
    for m in by_module.values():
        m["score"] = round(m["killed"] / m["total"], 4)

    def group(mods):
        k = sum(by_module[m]["killed"] for m in by_module if m in mods)
        t = sum(by_module[m]["total"] for m in by_module if m in mods)
        return {"killed": k, "total": t, "score": round(k / t, 4) if t else None}

    return {
        "tool": f"cosmic-ray {version}",
        "commit": commit,
        "seed": args.seed,
        "sample": len(results),
        "in_scope": sum(counts.values()),
        "in_scope_by_module": counts,
        "seconds": round(elapsed),
        "clean_run_seconds": {k: round(v, 1) for k, v in clean_s.items()},
        "score": group(set(by_module)),
        "score_engine_model": group(ENGINE_MODEL),
        "by_module": dict(sorted(by_module.items())),
        "survivors": [r for r in results if r["status"] == "survived"],
        "not_applicable": [r for r in results if r["status"] == "no-test"],
        "timeouts": [r for r in results if r["status"] == "timeout"],
        "errors": [r for r in results if r["status"] == "error"],
    }


def markdown(report: dict) -> str:
    lines = [
        f"{report['tool']}, commit {report['commit']}, seed {report['seed']}: {report['sample']} of "
        f"{report['in_scope']} mutants in {report['seconds'] / 60:.1f} min",
        "",
        "| module | killed | total | score |",
        "| --- | ---: | ---: | ---: |",
    ]
    for m, s in report["by_module"].items():
        lines.append(f"| {m} | {s['killed']} | {s['total']} | {s['score']:.1%} |")
    for label, key in (("model/ + engine loop + inputs", "score_engine_model"), ("all", "score")):
        s = report[key]
        if s["total"]:
            lines.append(f"| **{label}** | {s['killed']} | {s['total']} | {s['score']:.1%} |")
    lines += ["", f"Survivors ({len(report['survivors'])}):", "", "| file:line | function | operator | diff |"]
    lines.append("| --- | --- | --- | --- |")
    for r in report["survivors"]:
        diff = r["diff"].replace("|", "\\|").replace("\n", "<br>")
        where = f"{r['module'].removeprefix('src/gigawatt/')}:{r['line']}"
        lines.append(f"| {where} | {r['function']} | {r['operator']} | `{diff}` |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())

"""Hostile inputs (issue 10): the cases, how to run one safely, and what counts as a failure.

A case is a command line (``gigawatt ARGS``) run in a fresh folder that holds the corpus files it needs
(tests/data/hostile/) and whatever its generators write there (large files are generated, not shipped). Every case
runs in its own process under a hard time limit (:data:`HARD_TIMEOUT_S`) and an address-space limit
(:data:`MEMORY_BYTES`), so a hang or a memory blow-up ends in a recorded failure instead of taking the machine down.

Two ways to start that process:

- ``fork``: a child of a fork server that has already imported gigawatt (``multiprocessing`` forkserver), which
  then calls ``gigawatt.cli.core.main(ARGS)``; no interpreter start or import per case, so the cheap list runs in
  seconds. The fork server never runs numba's parallel kernels itself, so its children may. As with any
  ``multiprocessing`` start method other than fork, a script that uses these helpers needs the
  ``if __name__ == "__main__":`` guard (pytest and tools/hostile_report.py have it).
- ``exec``: ``python -m gigawatt ARGS``, exactly what a user runs (for stdout on /dev/full, Dask, interpreter exit).

The contract checked for every case (:func:`judge`):

- exit 0 with finite numbers in every output (the --json output is parsed; NaN or infinity shown as null in a
  numeric field counts as non-finite; files written under --out are read too), or exit 1 or 2 with a short message
  on stderr whose line starts with ``error:`` (click's usage errors, ``Error:``, count too);
- no ``Traceback`` on stderr; no raw escape sequence from user text on stdout or stderr;
- finished within the hard time limit;
- no file that was in the folder before the run changed or deleted (the user's scenario, a file in --out that
  gigawatt did not write), and no new file outside --out. Files that a case's preparing commands (``pre``) wrote
  under --out may be replaced (gigawatt's manifest knows them), unless the case edited them since (``edit``);
- a case may ask for more: ``expect`` ("error", "ok", or "interrupted": Ctrl-C after ``interrupt_after`` seconds
  ends it with exit 130 and nothing written) and named ``checks`` (a duplicate key refused by name, waits inside
  the window, a warning for a conflict, ...).

:func:`call_limited` runs any function under the same limits (the property tests use it with
:func:`evaluate_scenario` and :func:`evaluate_risk`).

A failure falls into one class of :data:`FAILURE_KINDS` per broken rule; tools/hostile_report.py counts them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import math
import multiprocessing
import os
import re
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "hostile"
HARD_TIMEOUT_S = 20.0
MAX_MESSAGE_CHARS = 2000  # an error message, warnings aside: a long value must be shortened when it is shown
MEMORY_BYTES = 4 * 1024**3
FAILURE_KINDS = ("traceback", "past_20s", "nonfinite", "overwritten", "other")
CLASSES = {
    "parsing": "alias bombs, deep nesting, binary and non-UTF-8, huge files, endless and special files",
    "duplicates": "duplicate keys, including one that replaces a whole section",
    "nonfinite": "NaN and infinity in power, money, PUE, dates and distribution parameters, in files, --set, flags",
    "extremes": "dates near 0001 and 9999, horizons 0.5 / 0 / 1e9, tiny and huge magnitudes",
    "units": "unit expressions (10**10**10 MW, 2**1000 GW), overflow, long strings, in files, --set and flags",
    "extends": "extends: to /dev/zero, a folder, itself, a relative path; a local file named like a built-in",
    "display": "rich markup and terminal escape sequences in names and paths",
    "work": "work without a bound: trials, samples, accelerators, days",
    "model": "ops model edges: zero checkpoint write, overflow, no progress, waits longer than the window",
    "conflicts": "conflicting or ignored flags",
    "output": "--out unwritable, empty, over the user's own files; stdout on a full disk",
    "dask": "--dask at something that is not a scheduler",
    "european": "numbers in a European hand: decimal commas, spaces and dots as thousands separators, in files, --set "
    "and flags",
    "yaml11": "YAML 1.1's surprises: 1:30 (base 60), 010 (octal), NO/yes (booleans), in scenarios, --set and --config",
    "names": "names matched one way: accelerator case, ISO country codes, newest:VENDOR, names inside a choice",
}


@dataclasses.dataclass(frozen=True)
class Case:
    """One hostile command line and what it needs."""

    id: str
    cls: str
    argv: tuple[str, ...]
    files: tuple[str, ...] = ()  # corpus files (relative to CORPUS) copied into the run folder, same relative path
    make: tuple[str, ...] = ()  # generators (GENERATORS) run in the run folder before the command
    out: str | None = None  # the --out folder, relative to the run folder (files there are outputs)
    stdout: str | None = None  # a path stdout is opened on instead of a capture file, e.g. /dev/full
    expect: str = "any"  # any: exit 0 (finite) or 1/2 (message); error: exit 1/2; ok: exit 0
    checks: tuple[str, ...] = ()  # extra checks by name (CHECKS)
    cost: str = "cheap"  # cheap: runs in CI; expensive: only under HYPOTHESIS_PROFILE=explore and in the report
    mode: str = "fork"  # fork (fork server, in-process main) or exec (python -m gigawatt)
    owner: str = ""  # who fixes the code it exercises: E (reading), F (CLI edge, output), G (ops model)
    want: str = ""  # what should happen, in words (for the notes)
    server: bool = False  # a silent TCP server on 127.0.0.1; '{port}' in argv is its port
    pre: tuple[tuple[str, ...], ...] = ()  # commands run first (must exit 0): what they write under --out is ours
    edit: tuple[str, ...] = ()  # generators run after ``pre`` (a user editing what gigawatt wrote)
    may_change: tuple[str, ...] = ()  # files the command may replace (e.g. with --force)
    interrupt_after: float | None = None  # send SIGINT (Ctrl-C) after this many seconds; expect="interrupted"
    env: tuple[tuple[str, str], ...] = ()  # environment variables set for the run (exec mode)

    @property
    def command(self) -> str:
        import shlex

        args = [a if len(a) <= 60 else f"{a[:24]}...({len(a):,} characters)" for a in self.argv]
        shown = " ".join(shlex.quote(a) for a in args)
        shown = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", shown)
        env = "".join(f"{k}={shlex.quote(v)} " for k, v in self.env)
        return env + "gigawatt " + shown + (f" > {self.stdout}" if self.stdout else "")


# --- generators: large or special files made at run time ----------------------------------------------------------

_HEAD = (
    "name: generated\nprogramme: {start: 2025-01, horizon_months: 24}\nsites:\n  - name: a\n    phases:\n"
    "      - {name: p0, power_mw: 100, start: 2025-01, accelerator: h100}\n"
)


def _huge(folder: Path) -> None:
    """A 60 MB scenario: a million phases (the issue's 58 MB file parsed for minutes)."""
    line = "      - {name: p%07d, power_mw: 1, start: 2025-01, accelerator: h100}\n"
    with open(folder / "huge.yaml", "w") as f:
        f.write(_HEAD)
        for i in range(1, 1_000_000):
            f.write(line % i)


def _over_cap(folder: Path) -> None:
    """A 6 MB scenario: just over a few-MB size cap, mostly one long comment-free description."""
    with open(folder / "over_cap.yaml", "w") as f:
        f.write(_HEAD + "description: '" + "x" * (6 * 1024 * 1024) + "'\n")


def _many_phases(folder: Path) -> None:
    """A 3 MB scenario under a few-MB cap: 40,000 small phases (work sized by the file, not by a flag)."""
    line = "      - {name: p%05d, power_mw: 1, start: 2025-01, accelerator: h100}\n"
    with open(folder / "many_phases.yaml", "w") as f:
        f.write(_HEAD)
        for i in range(1, 40_000):
            f.write(line % i)


def _deep_lists(folder: Path) -> None:
    """Lists nested 100,000 deep (200 kB)."""
    (folder / "deeper_lists.yaml").write_text(_HEAD + "description: " + "[" * 100_000 + "]" * 100_000 + "\n")


def _long_unit(folder: Path) -> None:
    """A 100,000-character unit string."""
    (folder / "long_unit.yaml").write_text(_HEAD.replace("power_mw: 100", "power_mw: '" + "1" * 100_000 + " MW'"))


def _fifo(folder: Path) -> None:
    """A named pipe with a scenario name: opening it blocks until someone writes (regular files only)."""
    os.mkfifo(folder / "fifo.yaml")


def _devzero_link(folder: Path) -> None:
    """scenario.yaml as a link to /dev/zero."""
    os.symlink("/dev/zero", folder / "zero.yaml")


def _extends_chain(folder: Path) -> None:
    """A chain of 200 files, each extending the next."""
    for i in range(200):
        text = f"extends: chain{i + 1}.yaml\nname: chain{i}\n" if i < 199 else _HEAD
        (folder / f"chain{i}.yaml").write_text(text)


def _user_out(folder: Path) -> None:
    """An --out folder that already holds the user's own summary.json and notes."""
    (folder / "results").mkdir()
    (folder / "results" / "summary.json").write_text('{"mine": "hand-written, keep"}\n')
    (folder / "results" / "notes.txt").write_text("my notes\n")


def _out_is_file(folder: Path) -> None:
    (folder / "results").write_text("a file where the folder should be\n")


def _markup_path(folder: Path) -> None:
    """A scenario at the path 'x[/bold]' (folder 'x[', file 'bold]'): markup in a name shown in a table header."""
    (folder / "x[").mkdir()
    shutil.copy(CORPUS / "base.yaml", folder / "x[" / "bold]")


def _local_builtin(folder: Path) -> None:
    """A local file named exactly like the built-in 'stargate'."""
    shutil.copy(CORPUS / "local_stargate", folder / "stargate")


def _out_symlink(folder: Path) -> None:
    """An --out folder where summary.json is a link to the user's own scenario file."""
    (folder / "results").mkdir()
    os.symlink("../scenario.yaml", folder / "results" / "summary.json")


def _edit_summary(folder: Path) -> None:
    """The user edits a file that an earlier run wrote under results/ (it is theirs now)."""
    with open(folder / "results" / "summary.json", "a") as f:
        f.write("\n# my note\n")


def _ops_user_out(folder: Path) -> None:
    (folder / "results").mkdir()
    (folder / "results" / "ops.json").write_text('{"mine": true}\n')


def _at_caps(folder: Path) -> None:
    """A scenario at the engine's count caps: 1,000 phases, 20 supply caps, a 600-month horizon (74 kB)."""
    caps = ", ".join(f"{{name: c{i}, per_year: 1000000}}" for i in range(20))
    with open(folder / "at_caps.yaml", "w") as f:
        f.write(
            "name: at-caps\nprogramme: {start: 2025-01, horizon_months: 600}\n"
            "partners: [{name: f, pledges: [{amount_usd: '$5000B', secured_usd: '$5000B', start: 2025-01}]}]\n"
            f"supply_caps: [{caps}]\n"
            "risks: {construction_slip: {dist: triangular, low: 0.9, mode: 1.0, high: 1.5}}\nsites:\n"
        )
        for site in range(100):
            f.write(f"  - name: s{site}\n    phases:\n")
            for p in range(10):
                f.write(f"      - {{name: p{p}, power_mw: 100, start: 2025-{1 + p:02d}, accelerator: newest}}\n")


def _results(folder: Path) -> Path:
    (folder / "results").mkdir(exist_ok=True)
    return folder / "results"


def _manifest_fifo(folder: Path) -> None:
    """--out's manifest is a named pipe: reading it blocks."""
    os.mkfifo(_results(folder) / ".gigawatt-manifest.json")


def _manifest_zero(folder: Path) -> None:
    """--out's manifest is a link to /dev/zero: reading it never ends."""
    os.symlink("/dev/zero", _results(folder) / ".gigawatt-manifest.json")


def _manifest_deep(folder: Path) -> None:
    """--out's manifest is JSON nested 100,000 deep."""
    (_results(folder) / ".gigawatt-manifest.json").write_text("[" * 100_000 + "]" * 100_000)


def _manifest_forged_zero(folder: Path) -> None:
    """A manifest that claims summary.json, which is a link to /dev/zero: hashing it never ends."""
    out = _results(folder)
    os.symlink("/dev/zero", out / "summary.json")
    entry = {"sha256": "0" * 64, "bytes": 1}
    (out / ".gigawatt-manifest.json").write_text(
        json.dumps({"written_by": "gigawatt", "files": {"summary.json": entry}})
    )


def _manifest_forged_fifo(folder: Path) -> None:
    """A manifest that claims summary.json, which is a named pipe: hashing it blocks."""
    out = _results(folder)
    os.mkfifo(out / "summary.json")
    entry = {"sha256": "0" * 64, "bytes": 1}
    (out / ".gigawatt-manifest.json").write_text(
        json.dumps({"written_by": "gigawatt", "files": {"summary.json": entry}})
    )


def _user_validation(folder: Path) -> None:
    (_results(folder) / "validation.csv").write_text("my,own,table\n")


GENERATORS: dict[str, Callable[[Path], None]] = {
    "user_validation": _user_validation,
    "manifest_fifo": _manifest_fifo,
    "manifest_zero": _manifest_zero,
    "manifest_deep": _manifest_deep,
    "manifest_forged_zero": _manifest_forged_zero,
    "manifest_forged_fifo": _manifest_forged_fifo,
    "at_caps": _at_caps,
    "out_symlink": _out_symlink,
    "edit_summary": _edit_summary,
    "ops_user_out": _ops_user_out,
    "huge": _huge,
    "over_cap": _over_cap,
    "many_phases": _many_phases,
    "deep_lists": _deep_lists,
    "long_unit": _long_unit,
    "fifo": _fifo,
    "devzero_link": _devzero_link,
    "extends_chain": _extends_chain,
    "user_out": _user_out,
    "out_is_file": _out_is_file,
    "markup_path": _markup_path,
    "local_builtin": _local_builtin,
}


# --- the cases ----------------------------------------------------------------------------------------------------

B = ("base.yaml",)


def _c(id, cls, argv, **kw) -> Case:
    return Case(id=id, cls=cls, argv=tuple(argv), **kw)


def _set(path: str, value: str, *, cls: str, id: str, owner: str = "E", expect: str = "error", **kw) -> Case:
    """``run base.yaml --set PATH=VALUE --json``."""
    return _c(
        id, cls, ["run", "base.yaml", "--set", f"{path}={value}", "--json"], files=B, owner=owner, expect=expect, **kw
    )


def _file(name: str, *, cls: str, cmd: str = "run", owner: str = "E", expect: str = "error", **kw) -> Case:
    """``CMD FILE --json`` on one corpus file."""
    extra = ["--trials", "200"] if cmd == "risk" else []
    return _c(
        f"{cmd}-{name.removesuffix('.yaml')}",
        cls,
        [cmd, name, *extra, "--json"],
        files=(name,),
        owner=owner,
        expect=expect,
        **kw,
    )


P0 = "sites[0].phases[0]"
PLEDGE = "partners[0].pledges[0]"

CASES: list[Case] = [
    # parsing: aliases, nesting, encodings, size, special files
    _file("alias_bomb.yaml", cls="parsing", want="aliases refused (or counted with a cap) before any expansion"),
    _file("alias_bomb_maps.yaml", cls="parsing", want="aliases refused before expansion"),
    _file("alias_bomb.yaml", cls="parsing", cmd="show", want="aliases refused before expansion"),
    _file("alias_bomb.yaml", cls="parsing", cmd="risk", want="aliases refused before expansion"),
    _file("alias_merge.yaml", cls="parsing", expect="any", want="a clear answer about anchors/merge keys"),
    _c(
        "ops-config-alias-bomb",
        "parsing",
        ["ops", "--config", "ops_alias_bomb.yaml", "--json"],
        files=("ops_alias_bomb.yaml",),
        owner="E",
        expect="error",
        want="aliases refused in --config",
    ),
    _c(
        "run-set-alias",
        "parsing",
        ["run", "base.yaml", "--set", "operations.pue=*x", "--json"],
        files=B,
        owner="E",
        expect="error",
        want="a YAML alias in --set is refused",
    ),
    _file("deep_maps.yaml", cls="parsing", want="depth cap: refused with the depth"),
    _file("deep_lists.yaml", cls="parsing", want="depth cap (no RecursionError)"),
    _file("deep_set.yaml", cls="parsing", want="depth cap in set:"),
    _c(
        "run-deeper-lists",
        "parsing",
        ["run", "deeper_lists.yaml", "--json"],
        make=("deep_lists",),
        owner="E",
        expect="error",
        want="depth cap (no RecursionError)",
    ),
    _c(
        "run-set-deep",
        "parsing",
        ["run", "base.yaml", "--set", "description=" + "[" * 5000 + "]" * 5000, "--json"],
        files=B,
        owner="E",
        expect="error",
        want="depth cap in --set values",
    ),
    _file("binary.yaml", cls="parsing", want="not UTF-8: a clear message"),
    _file("latin1.yaml", cls="parsing", want="not UTF-8: a clear message"),
    _file("utf16.yaml", cls="parsing", expect="any", want="UTF-16 with a BOM: a clear message or read"),
    _file("nul.yaml", cls="parsing", want="a NUL byte: a clear message"),
    _file("python_tag.yaml", cls="parsing", want="the tag is refused; no code runs (no file 'pwned')"),
    _file("top_list.yaml", cls="parsing", want="expected a mapping"),
    _c(
        "ops-config-binary",
        "parsing",
        ["ops", "--config", "ops_binary.yaml", "--json"],
        files=("ops_binary.yaml",),
        owner="E",
        expect="error",
        want="not UTF-8: a clear message, no UnicodeDecodeError",
    ),
    _c(
        "run-devzero",
        "parsing",
        ["run", "/dev/zero", "--json"],
        owner="E",
        expect="error",
        want="regular files only; size cap",
    ),
    _c(
        "run-devzero-link",
        "parsing",
        ["run", "zero.yaml", "--json"],
        make=("devzero_link",),
        owner="E",
        expect="error",
        want="regular files only, also through a link",
    ),
    _c(
        "ops-config-devzero",
        "parsing",
        ["ops", "--config", "/dev/zero", "--json"],
        owner="E",
        expect="error",
        want="regular files only for --config",
    ),
    _c(
        "run-fifo",
        "parsing",
        ["run", "fifo.yaml", "--json"],
        make=("fifo",),
        owner="E",
        expect="error",
        want="regular files only (a named pipe blocks on open)",
    ),
    _c("run-folder", "parsing", ["run", ".", "--json"], owner="E", expect="error", want="a folder: a clear message"),
    _c(
        "run-over-cap",
        "parsing",
        ["run", "over_cap.yaml", "--json"],
        make=("over_cap",),
        owner="E",
        expect="error",
        want="size cap: refused with the size and the cap",
    ),
    _c(
        "run-huge",
        "parsing",
        ["run", "huge.yaml", "--json"],
        make=("huge",),
        owner="E",
        expect="error",
        cost="expensive",
        want="size cap: refused at once (60 MB)",
    ),
    _c(
        "run-many-phases",
        "parsing",
        ["run", "many_phases.yaml", "--json"],
        make=("many_phases",),
        owner="E",
        cost="expensive",
        want="40,000 phases under the size cap: an answer or a refusal within 20 s",
    ),
    # duplicate keys
    _file("dup_key.yaml", cls="duplicates", checks=("duplicate",), want="refused with the key and its line"),
    _file("dup_section.yaml", cls="duplicates", checks=("duplicate",), want="refused: 'sites' given twice, line"),
    _file("dup_nested.yaml", cls="duplicates", checks=("duplicate",), want="refused: power_mw twice, line"),
    _c(
        "ops-config-dup",
        "duplicates",
        ["ops", "--config", "ops_dup.yaml", "--json"],
        files=("ops_dup.yaml",),
        owner="E",
        expect="error",
        checks=("duplicate",),
        want="refused in --config too",
    ),
    # non-finite numbers: files
    _file("power_inf.yaml", cls="nonfinite", want="NaN/inf refused naming the field"),
    _file("power_inf.yaml", cls="nonfinite", cmd="risk", want="NaN/inf refused (risk agrees with run)"),
    _file("power_nan.yaml", cls="nonfinite", want="refused"),
    _file("power_neginf_text.yaml", cls="nonfinite", want="refused"),
    _file("money_inf.yaml", cls="nonfinite", want="refused ($infT printed before)"),
    _file("money_nan_text.yaml", cls="nonfinite", want="refused"),
    _file("pue_nan.yaml", cls="nonfinite", want="refused"),
    _file("date_inf.yaml", cls="nonfinite", want="refused"),
    _file("dist_inf.yaml", cls="nonfinite", want="refused"),
    _file("dist_inf.yaml", cls="nonfinite", cmd="risk", want="refused"),
    _file("dist_nan.yaml", cls="nonfinite", want="refused"),
    _file("dist_neginf.yaml", cls="nonfinite", want="refused"),
    _file("dist_date_inf.yaml", cls="nonfinite", want="refused"),
    _file("dist_normal_inf.yaml", cls="nonfinite", want="refused"),
    # non-finite numbers: --set
    _set(f"{P0}.power_mw", ".inf", cls="nonfinite", id="set-power-inf"),
    _set(f"{P0}.power_mw", "-.inf", cls="nonfinite", id="set-power-neginf"),
    _set(f"{PLEDGE}.amount_usd", ".inf", cls="nonfinite", id="set-money-inf"),
    _set(f"{PLEDGE}.amount_usd", ".nan", cls="nonfinite", id="set-money-nan"),
    _set("operations.pue", ".nan", cls="nonfinite", id="set-pue-nan"),
    _set("operations.pue", ".inf", cls="nonfinite", id="set-pue-inf"),
    _set(f"{P0}.pue", ".nan", cls="nonfinite", id="set-phase-pue-nan"),
    _set(f"{P0}.capex_per_mw_usd", ".inf", cls="nonfinite", id="set-capex-inf"),
    _set(f"{P0}.construction_months", ".nan", cls="nonfinite", id="set-construction-nan"),
    _set(f"{P0}.start", ".inf", cls="nonfinite", id="set-date-inf"),
    _set("operations.utilization", ".nan", cls="nonfinite", id="set-utilization-nan"),
    _set("operations.energy_price_usd_per_mwh", ".inf", cls="nonfinite", id="set-energy-price-inf"),
    _set("financing.interest_rate", ".nan", cls="nonfinite", id="set-interest-nan"),
    _set("financing.debt_limit_usd", ".inf", cls="nonfinite", id="set-debt-limit-inf"),
    _set("funding.announced_arrival", ".nan", cls="nonfinite", id="set-arrival-nan"),
    _set("training.window_days", ".nan", cls="nonfinite", id="set-window-nan"),
    _set("training.checkpoint_write_minutes", ".inf", cls="nonfinite", id="set-ckpt-write-inf"),
    _set("training.restart_minutes", ".nan", cls="nonfinite", id="set-restart-nan"),
    _set("risks.construction_slip", "{dist: uniform, low: 0.5, high: .inf}", cls="nonfinite", id="set-dist-inf"),
    _set("risks.cost_overrun", "{dist: triangular, low: .nan, mode: 1, high: 2}", cls="nonfinite", id="set-dist-nan"),
    _set("accelerator_overrides", "{h100: {price_usd: .inf}}", cls="nonfinite", id="set-override-price-inf"),
    _set("supply_caps", "[{name: c, per_year: .inf}]", cls="nonfinite", id="set-supply-cap-inf"),
    _set("programme.horizon_months", ".nan", cls="nonfinite", id="set-horizon-nan"),
    # non-finite numbers: flags
    _c(
        "estimate-pue-nan",
        "nonfinite",
        ["estimate", "-a", "h100", "--power", "1GW", "--pue", "nan", "--json"],
        owner="E",
        expect="error",
        want="--pue nan refused",
    ),
    _c(
        "estimate-pue-inf",
        "nonfinite",
        ["estimate", "-a", "h100", "--power", "1GW", "--pue", "inf", "--json"],
        owner="E",
        expect="error",
        want="--pue inf refused",
    ),
    _c(
        "estimate-power-inf",
        "nonfinite",
        ["estimate", "-a", "h100", "--power", "inf MW", "--json"],
        owner="E",
        expect="error",
        want="refused",
    ),
    _c(
        "estimate-power-1e308",
        "nonfinite",
        ["estimate", "-a", "h100", "--power", "1e308", "--json"],
        owner="E",
        want="a range error or a finite answer (no OverflowError)",
    ),
    _c(
        "estimate-accelerators-nan",
        "nonfinite",
        ["estimate", "-a", "h100", "--accelerators", "nan", "--json"],
        owner="E",
        expect="error",
        want="refused",
    ),
    _c(
        "estimate-accelerators-1e308",
        "nonfinite",
        ["estimate", "-a", "h100", "--accelerators", "1e308", "--json"],
        owner="E",
        want="a range error or a finite answer",
    ),
    _c(
        "estimate-budget-inf",
        "nonfinite",
        ["estimate", "-a", "h100", "--budget", "$inf", "--json"],
        owner="E",
        expect="error",
        want="refused",
    ),
    _c(
        "estimate-price-nan",
        "nonfinite",
        ["estimate", "-a", "h100", "--power", "1GW", "--price", "nan USD", "--json"],
        owner="E",
        expect="error",
        want="refused",
    ),
    _c(
        "ops-mfu-nan",
        "nonfinite",
        ["ops", "--accelerators", "16384", "--mfu", "nan", "--json"],
        owner="G",
        expect="error",
        want="--mfu nan refused",
    ),
    _c(
        "ops-shape-inf",
        "nonfinite",
        ["ops", "--accelerators", "16384", "--distribution", "weibull", "--shape", "inf", "--json"],
        owner="G",
        expect="error",
        want="refused",
    ),
    _c(
        "ops-ci-target-nan",
        "nonfinite",
        ["ops", "--accelerators", "16384", "--trials", "100", "--ci-target", "nan", "--json"],
        owner="G",
        expect="error",
        want="refused",
    ),
    _c(
        "ops-escalation-nan",
        "nonfinite",
        ["ops", "--accelerators", "1024", "--trials", "50", "--escalation", "nan", "--json"],
        owner="G",
        expect="error",
        want="refused",
    ),
    _c(
        "ops-config-nan",
        "nonfinite",
        ["ops", "--config", "ops_nan.yaml", "--json"],
        files=("ops_nan.yaml",),
        owner="G",
        expect="error",
        want="NaN/inf in --config refused",
    ),
    _c(
        "ops-days-inf",
        "nonfinite",
        ["ops", "--accelerators", "16384", "--days", "inf", "--json"],
        owner="G",
        expect="error",
        want="refused",
    ),
    # extremes: dates, horizons, magnitudes
    _file("date_9999.yaml", cls="extremes", expect="any", want="a range error naming the field, or a run"),
    _file("date_9998.yaml", cls="extremes", expect="any", want="a range error (end beyond 9999) or a run"),
    _file("date_0001.yaml", cls="extremes", expect="any", want="a range error or a run (nothing ships in year 1)"),
    _file("date_power_9999.yaml", cls="extremes", expect="any", want="a range error or a run with nothing online"),
    _set("programme.horizon_months", "0.5", cls="extremes", id="set-horizon-half", want="whole months >= 1"),
    _set("programme.horizon_months", "0", cls="extremes", id="set-horizon-0", want="whole months >= 1"),
    _set("programme.horizon_months", "1e9", cls="extremes", id="set-horizon-1e9", want="range error"),
    _set("programme.horizon_months", "1.5", cls="extremes", id="set-horizon-1.5", want="whole months"),
    _set("programme.start", "9999-12", cls="extremes", id="set-start-9999", want="range error"),
    _set("programme.start", "0001-01", cls="extremes", id="set-start-0001", expect="any", want="error or run"),
    _set(f"{P0}.start", "9999-12", cls="extremes", id="set-phase-start-9999", expect="any", want="error or run"),
    _set(f"{PLEDGE}.months", "1e9", cls="extremes", id="set-pledge-months-1e9", expect="any", want="error or run"),
    _set(
        f"{P0}.power_mw",
        "1e300",
        cls="extremes",
        id="set-power-1e300",
        expect="any",
        want="a range error or a finite run",
    ),
    _set(
        f"{PLEDGE}.amount_usd",
        "1e300",
        cls="extremes",
        id="set-money-1e300",
        expect="any",
        want="a range error or a finite run",
    ),
    _set(
        "accelerator_overrides",
        "{h100: {it_power_w: 1e-300}}",
        cls="extremes",
        id="set-it-power-tiny",
        expect="any",
        want="a range error or a finite run",
    ),
    _set(
        "accelerator_overrides",
        "{h100: {price_usd: 1e-300}}",
        cls="extremes",
        id="set-price-tiny",
        expect="any",
        want="a range error or a finite run",
    ),
    _set(
        "training.checkpoint_write_minutes",
        "0",
        cls="extremes",
        id="set-ckpt-write-0",
        owner="G",
        expect="ok",
        checks=("largest_run_positive",),
        want="continuous checkpointing: largest run > 0 FLOP, finite",
    ),
    _set(
        "training.window_days",
        "1e-300",
        cls="extremes",
        id="set-window-tiny",
        owner="G",
        expect="any",
        want="a range error or a finite run",
    ),
    _file("unit_tiny.yaml", cls="extremes", expect="any", want="a range error or a finite run"),
    # unit expressions
    _file("unit_power_tower.yaml", cls="units", want="not an expression: refused at once"),
    _file("unit_2pow.yaml", cls="units", want="refused"),
    _file("unit_money_expr.yaml", cls="units", want="refused"),
    _file("unit_months_expr.yaml", cls="units", want="refused"),
    _file("unit_overflow.yaml", cls="units", want="refused (overflows to infinity)"),
    _c(
        "run-long-unit",
        "units",
        ["run", "long_unit.yaml", "--json"],
        make=("long_unit",),
        owner="E",
        expect="error",
        want="length cap on unit strings",
    ),
    _set(f"{P0}.power_mw", "9**9**9 MW", cls="units", id="set-unit-tower"),
    _set(f"{P0}.power_mw", "2**1000 GW", cls="units", id="set-unit-2pow"),
    _set(f"{P0}.power_mw", "(1/0) MW", cls="units", id="set-unit-div0"),
    _set(f"{P0}.power_mw", "MW", cls="units", id="set-unit-bare"),
    _set(f"{P0}.power_mw", "__import__('os') MW", cls="units", id="set-unit-python"),
    _c(
        "estimate-power-tower",
        "units",
        ["estimate", "-a", "h100", "--power", "10**10**10 MW", "--json"],
        owner="E",
        expect="error",
        want="refused at once",
    ),
    _c(
        "estimate-power-2pow",
        "units",
        ["estimate", "-a", "h100", "--power", "2**1000 GW", "--json"],
        owner="E",
        expect="error",
        want="refused",
    ),
    _c(
        "estimate-budget-expr",
        "units",
        ["estimate", "-a", "h100", "--budget", "$9**9**9", "--json"],
        owner="E",
        expect="error",
        want="refused",
    ),
    _c(
        "estimate-capex-expr",
        "units",
        ["estimate", "-a", "h100", "--power", "1GW", "--capex-per-mw", "10**10**10 USD/MW", "--json"],
        owner="E",
        expect="error",
        want="refused",
    ),
    _c(
        "ops-days-tower",
        "units",
        ["ops", "--accelerators", "16384", "--days", "10**10**10", "--json"],
        owner="E",
        expect="error",
        want="refused at once",
    ),
    _c(
        "ops-restart-tower",
        "units",
        ["ops", "--accelerators", "16384", "--restart", "10**10**10 min", "--json"],
        owner="E",
        expect="error",
        want="refused at once",
    ),
    _c(
        "ops-config-units",
        "units",
        ["ops", "--config", "ops_units.yaml", "--json"],
        files=("ops_units.yaml",),
        owner="E",
        expect="error",
        want="refused at once",
    ),
    # extends and names
    _file("extends_devzero.yaml", cls="extends", want="regular files only / size cap"),
    _file("extends_dir.yaml", cls="extends", want="a clear message"),
    _file("extends_self.yaml", cls="extends", want="a cycle, named"),
    _file("extends_missing.yaml", cls="extends", want="the missing parent named, relative to this file"),
    _c(
        "run-extends-relative",
        "extends",
        ["run", "extends_rel/child.yaml", "--json"],
        files=("extends_rel/child.yaml", "extends_rel/base_rel.yaml"),
        owner="E",
        expect="ok",
        want="extends: resolved relative to the file that names it",
    ),
    _c(
        "run-extends-chain",
        "extends",
        ["run", "chain0.yaml", "--json"],
        make=("extends_chain",),
        owner="E",
        expect="error",
        want="extends depth cap",
    ),
    _c(
        "run-local-builtin-name",
        "extends",
        ["run", "stargate", "--json"],
        make=("local_builtin",),
        owner="E",
        checks=("says_which",),
        expect="any",
        want="says which it took (the local file or the built-in)",
    ),
    # display: markup and escapes
    _c(
        "run-name-markup",
        "display",
        ["run", "name_markup.yaml"],
        files=("name_markup.yaml",),
        owner="F",
        expect="ok",
        want="the name shown as plain text (no MarkupError)",
    ),
    _c(
        "run-name-close-tag",
        "display",
        ["run", "name_close_tag.yaml"],
        files=("name_close_tag.yaml",),
        owner="F",
        expect="ok",
        want="plain text",
    ),
    _c(
        "run-name-escape",
        "display",
        ["run", "name_escape.yaml"],
        files=("name_escape.yaml",),
        owner="F",
        expect="ok",
        want="control characters removed",
    ),
    _c(
        "run-name-bidi",
        "display",
        ["run", "name_bidi.yaml"],
        files=("name_bidi.yaml",),
        owner="F",
        expect="ok",
        want="shown (or bidi controls removed)",
    ),
    _c(
        "risk-name-markup",
        "display",
        ["risk", "name_markup.yaml", "--trials", "100"],
        files=("name_markup.yaml",),
        owner="F",
        expect="ok",
        want="plain text",
    ),
    _c(
        "sensitivity-name-escape",
        "display",
        ["sensitivity", "name_escape.yaml", "--samples", "16"],
        files=("name_escape.yaml",),
        owner="F",
        expect="any",
        want="plain text, or the error",
    ),
    _c(
        "compare-markup-path",
        "display",
        ["compare", "base.yaml", "x[/bold]"],
        files=B,
        make=("markup_path",),
        owner="F",
        expect="ok",
        want="the path shown as plain text in the header",
    ),
    _c(
        "show-name-escape",
        "display",
        ["show", "name_escape.yaml"],
        files=("name_escape.yaml",),
        owner="F",
        expect="ok",
        want="no raw escapes on the terminal",
    ),
    _c(
        "run-set-name-markup",
        "display",
        ["run", "base.yaml", "--set", "name='[/]x'", "--set", "title=\x1b[2J"],
        files=B,
        owner="F",
        expect="ok",
        want="plain text",
    ),
    _c(
        "error-with-markup",
        "display",
        ["run", "base.yaml", "--set", "sites[[/bold]].name=x"],
        files=B,
        owner="F",
        expect="error",
        want="the error message shows the markup literally",
    ),
    _c(
        "error-with-escape",
        "display",
        ["run", "no-such-\x1b[31mfile.yaml"],
        owner="F",
        expect="error",
        want="the path in the error without raw escapes",
    ),
    # work without a bound
    _c(
        "risk-trials-2e70",
        "work",
        ["risk", "base.yaml", "--trials", str(2**70), "--json"],
        files=B,
        owner="F",
        expect="error",
        want="refused with the estimate and the flag that lifts the cap",
    ),
    _c(
        "risk-trials-1e12",
        "work",
        ["risk", "base.yaml", "--trials", str(10**12), "--json"],
        files=B,
        owner="F",
        expect="error",
        want="refused with the estimate",
    ),
    _c(
        "sensitivity-samples-2e30",
        "work",
        ["sensitivity", "base.yaml", "--samples", "1073741824", "--json"],
        files=B,
        owner="F",
        expect="error",
        want="refused with the estimate",
    ),
    _c(
        "sensitivity-samples-0",
        "work",
        ["sensitivity", "base.yaml", "--samples", "0", "--json"],
        files=B,
        owner="F",
        expect="error",
        want="refused",
    ),
    _c(
        "sensitivity-samples-neg",
        "work",
        ["sensitivity", "base.yaml", "--samples", "-5", "--json"],
        files=B,
        owner="F",
        expect="error",
        want="refused",
    ),
    _c(
        "sensitivity-morris-1e9",
        "work",
        ["sensitivity", "base.yaml", "--method", "morris", "--samples", "1000000000", "--json"],
        files=B,
        owner="F",
        expect="error",
        want="refused with the estimate",
    ),
    _c(
        "ops-trials-1e10",
        "work",
        ["ops", "--accelerators", "16384", "--trials", "10000000000", "--json"],
        owner="G",
        expect="error",
        want="refused with the estimate (447 GiB before)",
    ),
    _c(
        "ops-accelerators-1e9",
        "work",
        ["ops", "--accelerators", "1000000000", "--json"],
        owner="G",
        want="a finite answer (no progress) or a range error; no OverflowError",
    ),
    _c(
        "ops-accelerators-1e9-trials",
        "work",
        ["ops", "--accelerators", "1000000000", "--trials", "100", "--json"],
        owner="G",
        want="refused, or a finite answer within 20 s",
    ),
    _c(
        "ops-days-1e9",
        "work",
        ["ops", "--accelerators", "16384", "--days", "1e9", "--trials", "10", "--json"],
        owner="G",
        want="refused with the estimate, or bounded",
    ),
    _c(
        "ops-work-long-mtbf-short",
        "work",
        ["ops", "--job-mtbf", "1min", "--work", "1000000 days", "--trials", "10", "--json"],
        owner="G",
        want="no progress said, within 20 s",
    ),
    _c(
        "ops-lognormal-50",
        "work",
        ["ops", "--accelerators", "16384", "--distribution", "lognormal", "--shape", "50", "--trials", "100", "--json"],
        owner="G",
        want="refused or bounded, finite",
    ),
    _c(
        "ops-trials-1e8",
        "work",
        ["ops", "--accelerators", "16384", "--trials", "100000000", "--json"],
        owner="G",
        cost="expensive",
        want="refused with the estimate, or flat memory and within 20 s",
    ),
    _c(
        "ops-ci-target-tiny",
        "work",
        ["ops", "--accelerators", "16384", "--trials", "100", "--ci-target", "1e-12", "--json"],
        owner="G",
        checks=("warns",),
        cost="expensive",
        want="stops at its limit and warns that the target was not met",
    ),
    _c(
        "run-many-sets",
        "work",
        ["run", "base.yaml", *[a for i in range(300) for a in ("--set", f"title=t{i}")], "--json"],
        files=B,
        owner="E",
        want="--set count cap or a run",
    ),
    # ops model edges
    _c(
        "ops-checkpoint-write-0",
        "model",
        ["ops", "--accelerators", "16384", "--checkpoint-write", "0", "--json"],
        owner="G",
        expect="ok",
        mode="exec",
        want="continuous checkpointing, finite (no ZeroDivisionError)",
    ),
    _c(
        "ops-checkpoint-write-0-trials",
        "model",
        ["ops", "--accelerators", "16384", "--checkpoint-write", "0", "--trials", "100", "--json"],
        owner="G",
        expect="ok",
        want="continuous checkpointing, finite",
    ),
    _c(
        "ops-restart-longer-than-window",
        "model",
        ["ops", "--accelerators", "16384", "--restart", "100 days", "--days", "1", "--json"],
        owner="G",
        want="no progress, finite (no OverflowError)",
    ),
    _c(
        "ops-job-mtbf-1s",
        "model",
        ["ops", "--job-mtbf", "1s", "--json"],
        owner="G",
        want="no progress, finite (no OverflowError)",
    ),
    _c(
        "ops-weibull-shape-tiny",
        "model",
        ["ops", "--accelerators", "16384", "--distribution", "weibull", "--shape", "0.01", "--json"],
        owner="G",
        want="finite or a range error (no OverflowError)",
    ),
    _c(
        "ops-weibull-shape-huge",
        "model",
        ["ops", "--accelerators", "16384", "--distribution", "weibull", "--shape", "1000", "--json"],
        owner="G",
        want="finite or a range error",
    ),
    _c(
        "ops-accelerators-0",
        "model",
        ["ops", "--accelerators", "0", "--json"],
        owner="G",
        want="refused or finite",
    ),
    _c(
        "ops-accelerators-neg",
        "model",
        ["ops", "--accelerators", "-5", "--json"],
        owner="G",
        expect="error",
        want="refused",
    ),
    _c(
        "ops-interval-0",
        "model",
        ["ops", "--accelerators", "16384", "--checkpoint-interval", "0", "--json"],
        owner="G",
        want="refused or finite",
    ),
    _c(
        "ops-mfu-0",
        "model",
        ["ops", "--accelerators", "16384", "--mfu", "0", "--json"],
        owner="G",
        want="refused or finite",
    ),
    _c(
        "ops-repair-1000-days",
        "model",
        ["ops", "--accelerators", "16384", "--repair-auto", "1000 days", "--days", "1", "--trials", "200", "--json"],
        owner="G",
        checks=("waits_within_window",),
        want="waits bounded by the 24 h window",
    ),
    _c(
        "ops-config-repair",
        "model",
        ["ops", "--config", "ops_repair.yaml", "--json"],
        files=("ops_repair.yaml",),
        owner="G",
        checks=("waits_within_window",),
        cost="expensive",
        want="waits bounded by the window",
    ),
    # conflicts
    _c(
        "ops-work-and-days",
        "conflicts",
        ["ops", "--accelerators", "16384", "--work", "10 days", "--days", "5", "--json"],
        owner="F",
        checks=("warns",),
        want="an error or a warning naming both",
    ),
    _c(
        "ops-size-and-write",
        "conflicts",
        [
            "ops",
            "--accelerators",
            "16384",
            "--checkpoint-size",
            "65 TB",
            "--storage-bandwidth",
            "2 TB/s",
            "--checkpoint-write",
            "5min",
            "--json",
        ],
        owner="F",
        checks=("warns",),
        want="an error or a warning naming both",
    ),
    _c(
        "ops-shape-exponential",
        "conflicts",
        ["ops", "--accelerators", "16384", "--shape", "2", "--json"],
        owner="F",
        checks=("warns",),
        want="an error or a warning: --shape ignored by exponential",
    ),
    # output
    _c(
        "run-out-over-own-file",
        "output",
        ["run", "scenario.yaml", "--out", ".", "--json"],
        files=("scenario.yaml",),
        out=".",
        owner="F",
        want="the scenario it read is never replaced",
    ),
    _c(
        "run-out-user-files",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=B,
        make=("user_out",),
        out="results",
        owner="F",
        want="a file gigawatt did not write is not replaced without --force",
    ),
    _c(
        "run-out-empty",
        "output",
        ["run", "base.yaml", "--out", "", "--json"],
        files=B,
        owner="F",
        expect="error",
        want="--out '' refused (it wrote into the current folder)",
    ),
    _c(
        "run-out-is-file",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=B,
        make=("out_is_file",),
        owner="F",
        expect="error",
        want="a clear message",
    ),
    _c(
        "run-out-unwritable",
        "output",
        ["run", "base.yaml", "--out", "/proc/self", "--json"],
        files=B,
        owner="F",
        expect="error",
        want="exit 1 naming the folder (no PermissionError)",
    ),
    _c(
        "run-out-uncreatable",
        "output",
        ["run", "base.yaml", "--out", "/proc/gigawatt-out/x", "--json"],
        files=B,
        owner="F",
        expect="error",
        want="a clear message",
    ),
    _c(
        "risk-out-unwritable",
        "output",
        ["risk", "base.yaml", "--trials", "100", "--out", "/proc/self", "--json"],
        files=B,
        owner="F",
        expect="error",
        cost="expensive",
        want="exit 1 naming the folder",
    ),
    _c(
        "sensitivity-out-unwritable",
        "output",
        ["sensitivity", "base.yaml", "--samples", "16", "--out", "/proc/self", "--json"],
        files=B,
        owner="F",
        expect="error",
        cost="expensive",
        want="exit 1 naming the folder",
    ),
    _c(
        "ops-out-unwritable",
        "output",
        ["ops", "--accelerators", "1024", "--trials", "20", "--out", "/proc/self", "--json"],
        owner="F",
        expect="error",
        cost="expensive",
        want="exit 1 naming the folder",
    ),
    _c(
        "risk-out-over-own-file",
        "output",
        ["risk", "scenario.yaml", "--trials", "100", "--out", ".", "--json"],
        files=("scenario.yaml",),
        out=".",
        owner="F",
        cost="expensive",
        want="the scenario it read is never replaced",
    ),
    _c(
        "run-json-dev-full",
        "output",
        ["run", "base.yaml", "--json"],
        files=B,
        stdout="/dev/full",
        owner="F",
        expect="error",
        mode="exec",
        want="exit 1, 'error: ... no space left', no traceback",
    ),
    _c(
        "run-table-dev-full",
        "output",
        ["run", "base.yaml"],
        files=B,
        stdout="/dev/full",
        owner="F",
        expect="error",
        mode="exec",
        cost="expensive",
        want="exit 1, one message",
    ),
    _c(
        "schema-dev-full",
        "output",
        ["schema"],
        stdout="/dev/full",
        owner="F",
        expect="error",
        mode="exec",
        want="exit 1, one message",
    ),
    _c(
        "estimate-json-dev-full",
        "output",
        ["estimate", "-a", "h100", "--power", "1GW", "--json"],
        stdout="/dev/full",
        owner="F",
        expect="error",
        mode="exec",
        cost="expensive",
        want="exit 1, one message",
    ),
    # dask
    _c(
        "risk-dask-silent-server",
        "dask",
        ["risk", "base.yaml", "--trials", "100", "--dask", "tcp://127.0.0.1:{port}", "--json"],
        files=B,
        owner="F",
        expect="error",
        mode="exec",
        server=True,
        cost="expensive",
        want="fails within a stated time (< 20 s) with a message",
    ),
    _c(
        "risk-dask-refused",
        "dask",
        ["risk", "base.yaml", "--trials", "100", "--dask", "tcp://127.0.0.1:9", "--json"],
        files=B,
        owner="F",
        expect="error",
        mode="exec",
        cost="expensive",
        want="a clear message",
    ),
    _c(
        "risk-dask-local-0",
        "dask",
        ["risk", "base.yaml", "--trials", "100", "--dask", "local:0", "--json"],
        files=B,
        owner="F",
        expect="error",
        mode="exec",
        cost="expensive",
        want="refused: N >= 1",
    ),
    _c(
        "risk-dask-garbage",
        "dask",
        ["risk", "base.yaml", "--trials", "100", "--dask", "tcp://[::1", "--json"],
        files=B,
        owner="F",
        expect="error",
        mode="exec",
        cost="expensive",
        want="a clear message",
    ),
    # more output cases: links, a second run, a user's edit, --force, other commands
    _c(
        "run-out-symlink-to-own-file",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=("base.yaml", "scenario.yaml"),
        make=("out_symlink",),
        out="results",
        owner="F",
        want="a link in --out to the user's file: neither the link nor the file replaced without --force",
    ),
    _c(
        "run-out-second-run",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=B,
        pre=(("run", "base.yaml", "--out", "results", "--json"),),
        out="results",
        owner="F",
        expect="ok",
        want="a second run may replace what the first wrote (the manifest says so)",
    ),
    _c(
        "run-out-edited-by-user",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=B,
        pre=(("run", "base.yaml", "--out", "results", "--json"),),
        edit=("edit_summary",),
        out="results",
        owner="F",
        cost="expensive",
        want="a file the user edited since gigawatt wrote it is not replaced without --force",
    ),
    _c(
        "run-out-force",
        "output",
        ["run", "base.yaml", "--out", "results", "--force", "--json"],
        files=B,
        make=("user_out",),
        out="results",
        may_change=("results/summary.json",),
        owner="F",
        expect="ok",
        cost="expensive",
        want="--force replaces the user's summary.json (and nothing else of theirs)",
    ),
    _c(
        "ops-out-user-file",
        "output",
        ["ops", "--accelerators", "1024", "--trials", "20", "--out", "results", "--json"],
        make=("ops_user_out",),
        out="results",
        owner="F",
        want="the user's ops.json is not replaced without --force",
    ),
    _c(
        "sensitivity-out-over-own-file",
        "output",
        ["sensitivity", "scenario.yaml", "--samples", "16", "--out", ".", "--json"],
        files=("scenario.yaml",),
        out=".",
        owner="F",
        want="the scenario it read is never replaced (or: no distributions, an error)",
    ),
    # more edges found while writing the suite
    _c(
        "sensitivity-constant-metric",
        "nonfinite",
        ["sensitivity", "base.yaml", "--samples", "16", "--json"],
        files=B,
        owner="F",
        expect="ok",
        want="a metric that does not vary: indices 0 (not 0/0)",
    ),
    _c(
        "sensitivity-zero-width",
        "nonfinite",
        [
            "sensitivity",
            "base.yaml",
            "--set",
            "risks.construction_slip={dist: uniform, low: 1, high: 1}",
            "--samples",
            "16",
            "--method",
            "morris",
            "--json",
        ],
        files=B,
        owner="F",
        cost="expensive",
        want="a zero-width input: finite indices or a clear refusal",
    ),
    _c(
        "risk-one-trial",
        "extremes",
        ["risk", "base.yaml", "--trials", "1", "--json"],
        files=B,
        owner="F",
        expect="ok",
        want="quantiles of one trial, finite",
    ),
    _c(
        "risk-huge-seed",
        "extremes",
        ["risk", "base.yaml", "--trials", "10", "--seed", str(2**70), "--json"],
        files=B,
        owner="F",
        cost="expensive",
        want="a seed beyond 64 bits: used or refused",
    ),
    _c(
        "ops-one-trial",
        "extremes",
        ["ops", "--accelerators", "16384", "--trials", "1", "--json"],
        owner="G",
        expect="ok",
        want="one trial: no interval, finite",
    ),
    _c(
        "ops-one-accelerator",
        "extremes",
        ["ops", "--accelerators", "1", "--json"],
        owner="G",
        expect="ok",
        want="finite",
    ),
    _c(
        "estimate-power-tiny",
        "extremes",
        ["estimate", "-a", "h100", "--power", "1e-300 MW", "--json"],
        owner="E",
        want="a range error or a finite answer",
    ),
    _set(
        "risks.construction_slip",
        "{dist: normal, mean: 1, sd: 0}",
        cls="extremes",
        id="set-dist-sd-0",
        expect="any",
        want="a point distribution: a run or a clear refusal",
    ),
    _set(
        "risks.construction_slip",
        "{dist: choice, values: []}",
        cls="extremes",
        id="set-dist-choice-empty",
        want="refused, naming the field",
    ),
    _c("run-empty-name", "parsing", ["run", "", "--json"], owner="E", expect="error", want="a clear message"),
    _c(
        "compare-nonfinite",
        "nonfinite",
        ["compare", "base.yaml", "power_inf.yaml", "--json"],
        files=("base.yaml", "power_inf.yaml"),
        owner="E",
        expect="error",
        want="refused (power .inf)",
    ),
    _c(
        "show-money-inf",
        "nonfinite",
        ["show", "money_inf.yaml"],
        files=("money_inf.yaml",),
        owner="E",
        expect="error",
        want="refused",
    ),
    _c(
        "show-alias-bomb-maps",
        "parsing",
        ["show", "alias_bomb_maps.yaml"],
        files=("alias_bomb_maps.yaml",),
        owner="E",
        expect="error",
        want="aliases refused before expansion",
    ),
    _c("schema-ok", "output", ["schema"], owner="F", expect="ok", want="the schema"),
    _c("catalog-ok", "output", ["catalog", "--json"], owner="F", expect="ok", want="the catalog, finite"),
    _c(
        "ops-weibull-shape-1e-300-trials",
        "model",
        [
            "ops",
            "--accelerators",
            "16384",
            "--distribution",
            "weibull",
            "--shape",
            "1e-300",
            "--trials",
            "20",
            "--json",
        ],
        owner="G",
        want="refused with the estimate (no OverflowError)",
    ),
    _c(
        "ops-lognormal-shape-1e300-trials",
        "model",
        [
            "ops",
            "--accelerators",
            "16384",
            "--distribution",
            "lognormal",
            "--shape",
            "1e300",
            "--trials",
            "20",
            "--json",
        ],
        owner="G",
        want="refused with the estimate (no OverflowError)",
    ),
    _c(
        "ops-weibull-shape-1e-300-ci-target",
        "model",
        [
            "ops",
            "--accelerators",
            "16384",
            "--distribution",
            "weibull",
            "--shape",
            "1e-300",
            "--ci-target",
            "0.01",
            "--json",
        ],
        owner="G",
        want="refused (no OverflowError)",
    ),
    _c(
        "run-at-caps",
        "work",
        ["run", "at_caps.yaml", "--json"],
        make=("at_caps",),
        owner="E",
        cost="expensive",
        want="1,000 phases x 600 months: an answer within 20 s",
    ),
    _c(
        "risk-at-caps",
        "work",
        ["risk", "at_caps.yaml", "--json"],
        make=("at_caps",),
        owner="F",
        cost="expensive",
        want="default 10,000 trials on the largest scenario: refused with the estimate, or done within 20 s",
    ),
    _c(
        "sensitivity-at-caps",
        "work",
        ["sensitivity", "at_caps.yaml", "--json"],
        make=("at_caps",),
        owner="F",
        cost="expensive",
        want="default 1,024 samples on the largest scenario: refused with the estimate, or done",
    ),
    # YAML's corners
    _file("binary_tag.yaml", cls="parsing", expect="any", want="a !!binary description: read as text or refused"),
    _file("set_tag.yaml", cls="parsing", want="a !!set where text is expected: refused"),
    _file("omap.yaml", cls="parsing", want="an !!omap name: refused"),
    _file("pyname.yaml", cls="parsing", want="a python/name tag: refused, nothing imported"),
    _file("complex_key.yaml", cls="parsing", want="an unhashable key: a clear message"),
    _file("odd_keys.yaml", cls="duplicates", want="keys 1, ~, yes (yes and a later 'True' collide): refused"),
    _file("dup_flow.yaml", cls="duplicates", checks=("duplicate",), want="a duplicate in a flow mapping: refused"),
    _file("two_docs.yaml", cls="parsing", want="two YAML documents: refused"),
    _file("bom_crlf.yaml", cls="parsing", expect="ok", want="a UTF-8 BOM and CRLF line ends: read"),
    _file("comments.yaml", cls="parsing", want="only comments: 'empty'"),
    _file("yaml_1e1000.yaml", cls="nonfinite", want="1e1000 (YAML reads it as infinity): refused"),
    _file("tag_nan.yaml", cls="nonfinite", want="!!float .nan: refused"),
    _file("yaml_bigint.yaml", cls="extremes", want="integers beyond 64 bits: a range error"),
    _file(
        "extends_environ.yaml",
        cls="extends",
        checks=("no_environment",),
        want="extends: /proc/self/environ: refused without echoing it",
    ),
    _file("extends_passwd.yaml", cls="extends", want="extends: a system file by a relative path: a clear message"),
    _c(
        "risk-ctrl-c",
        "output",
        ["risk", "base.yaml", "--trials", "5000000", "--out", "results", "--json"],
        files=B,
        out="results",
        interrupt_after=2.5,
        owner="F",
        expect="interrupted",
        cost="expensive",  # timing-dependent: once (of ~20 tries, loaded machine) the run went on to the time limit
        want="Ctrl-C: exit 130, nothing left in --out",
    ),
    # a terminal that cannot show every character (PYTHONIOENCODING, a C locale without UTF-8 coercion)
    _c(
        "run-name-bidi-ascii-stdout",
        "display",
        ["run", "name_bidi.yaml"],
        files=("name_bidi.yaml",),
        owner="F",
        mode="exec",
        env=(("PYTHONIOENCODING", "ascii"),),
        want="names shown with replacements on an ASCII stdout (no UnicodeEncodeError)",
    ),
    _c(
        "show-name-bidi-c-locale",
        "display",
        ["show", "name_bidi.yaml"],
        files=("name_bidi.yaml",),
        owner="F",
        mode="exec",
        env=(("LC_ALL", "C"), ("PYTHONUTF8", "0"), ("PYTHONCOERCECLOCALE", "0")),
        cost="expensive",
        want="the resolved YAML on a C-locale stdout: shown or a clear error, no traceback",
    ),
    _c(
        "error-non-ascii-ascii-stdout",
        "display",
        ["run", "nosuch-\u00e9\u200b.yaml"],
        owner="F",
        mode="exec",
        env=(("PYTHONIOENCODING", "ascii"),),
        expect="error",
        cost="expensive",
        want="the error message on an ASCII stderr",
    ),
    # a hostile --out folder: what gigawatt reads there (its manifest, the files it would replace)
    _c(
        "run-out-manifest-fifo",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=B,
        make=("manifest_fifo",),
        out="results",
        owner="F",
        want="the manifest is read only if it is a regular file",
    ),
    _c(
        "run-out-manifest-zero",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=B,
        make=("manifest_zero",),
        out="results",
        owner="F",
        want="the manifest is read within a size cap",
    ),
    _c(
        "run-out-manifest-deep",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=B,
        make=("manifest_deep",),
        out="results",
        may_change=("results/.gigawatt-manifest.json",),  # gigawatt's own bookkeeping name: a broken one is rewritten
        owner="F",
        want="a nested manifest: ignored (and rewritten) or refused; no RecursionError",
    ),
    _c(
        "run-out-forged-zero",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=B,
        make=("manifest_forged_zero",),
        out="results",
        owner="F",
        want="a link to /dev/zero claimed by the manifest: not hashed forever; not replaced",
    ),
    _c(
        "run-out-forged-fifo",
        "output",
        ["run", "base.yaml", "--out", "results", "--json"],
        files=B,
        make=("manifest_forged_fifo",),
        out="results",
        owner="F",
        want="a named pipe claimed by the manifest: not opened; not replaced",
    ),
    _c(
        "run-out-over-extends-parent",
        "output",
        ["run", "out_parent/child.yaml", "--out", "out_parent", "--json"],
        files=("out_parent/child.yaml", "out_parent/scenario.yaml"),
        out="out_parent",
        owner="F",
        want="the parent it extends (named scenario.yaml, like an output) is never replaced",
    ),
    _c(
        "ops-out-over-config",
        "output",
        ["ops", "--config", "out_parent/ops.json", "--out", "out_parent", "--json"],
        files=("out_parent/ops.json",),
        out="out_parent",
        owner="F",
        want="the --config it read (named ops.json, like an output) is never replaced",
    ),
    _c(
        "run-out-force-over-extends-parent",
        "output",
        ["run", "out_parent/child.yaml", "--out", "out_parent", "--force", "--json"],
        files=("out_parent/child.yaml", "out_parent/scenario.yaml"),
        out="out_parent",
        owner="F",
        want="--force or not, the parent it extends is never replaced",
    ),
    _c(
        "run-out-force-over-own-file",
        "output",
        ["run", "scenario.yaml", "--out", ".", "--force", "--json"],
        files=("scenario.yaml",),
        out=".",
        owner="F",
        want="--force or not, the scenario it read is never replaced",
    ),
    # gigawatt validate (issue 11): the same output rules
    _c("validate-json", "output", ["validate", "--json"], owner="F", expect="ok", want="finite numbers"),
    _c(
        "validate-out-unwritable",
        "output",
        ["validate", "--out", "/proc/self", "--json"],
        owner="F",
        expect="error",
        want="exit 1 naming the folder",
    ),
    _c(
        "validate-out-user-files",
        "output",
        ["validate", "--out", "results", "--json"],
        make=("user_validation",),
        out="results",
        owner="F",
        want="the user's files in --out are not replaced without --force",
    ),
    _c(
        "validate-out-empty",
        "output",
        ["validate", "--out", "", "--json"],
        owner="F",
        expect="error",
        want="--out '' refused",
    ),
    # a 10,000-character value: the message shows it shortened
    _set("programme.start", "x" * 10_000, cls="display", id="set-start-long-text", want="a short message"),
    _set(f"{P0}.accelerator", "x" * 10_000, cls="display", id="set-accelerator-long-text", want="a short message"),
    _set(
        "risks.construction_slip",
        "{dist: " + "x" * 10_000 + ", low: 1, high: 2}",
        cls="display",
        id="set-dist-kind-long-text",
        want="a short message",
    ),
    _c(
        "set-path-long-text",
        "display",
        ["run", "base.yaml", "--set", "x" * 10_000 + "=1", "--json"],
        files=B,
        owner="E",
        expect="error",
        want="a short message",
    ),
    # european: a separator is read only where it groups thousands; anything else is refused saying why
    _file("european_power_comma.yaml", cls="european", checks=("says_why",), want="'1,2 GW' refused, not 12 GW"),
    _file("european_money_comma.yaml", cls="european", checks=("says_why",), want="'$2,5B' refused, not $25B"),
    _file("european_power_space.yaml", cls="european", checks=("says_why",), want="'1 200 MW': refused saying why"),
    _file("european_plain_comma.yaml", cls="european", checks=("says_why",), want="pue: 1,2 refused saying why"),
    _set(f"{P0}.power_mw", "1,2 GW", cls="european", id="set-power-decimal-comma", checks=("says_why",)),
    _set(f"{P0}.power_mw", "1,200 MW", cls="european", id="set-power-thousands", expect="ok", want="1,200 is 1200"),
    _c(
        "estimate-power-decimal-comma",
        "european",
        ["estimate", "-a", "h100", "--power", "1,2 GW", "--json"],
        owner="E",
        expect="error",
        checks=("says_why",),
        want="--power '1,2 GW' sized 12 GW: refused",
    ),
    _c(
        "estimate-budget-decimal-comma",
        "european",
        ["estimate", "-a", "h100", "--budget", "$1,4B", "--json"],
        owner="E",
        expect="error",
        checks=("says_why",),
        want="--budget '$1,4B' was $14B: refused",
    ),
    _c(
        "estimate-accelerators-decimal-comma",
        "european",
        ["estimate", "-a", "h100", "--accelerators", "1,5", "--json"],
        owner="E",
        expect="error",
        checks=("says_why",),
        want="--accelerators 1,5 was 15: refused",
    ),
    _c(
        "ops-days-decimal-comma",
        "european",
        ["ops", "--accelerators", "1024", "--days", "5,4", "--json"],
        owner="E",
        expect="error",
        checks=("says_why",),
        want="--days 5,4 was 54 days: refused",
    ),
    # yaml11: scenario files, --set values and ops --config are read by YAML 1.2's core schema
    _file("yaml11_sexagesimal.yaml", cls="yaml11", checks=("says_why",), want="1:30 refused as a time, not 90"),
    _file("yaml11_octal.yaml", cls="yaml11", expect="ok", checks=("online_2025_11",), want="010 is 10 months"),
    _file("yaml11_norway.yaml", cls="yaml11", expect="ok", checks=("no_accelerators",), want="NO is Norway"),
    _set("training.restart_minutes", "1:30", cls="yaml11", id="set-restart-sexagesimal", checks=("says_why",)),
    _c(
        "ops-config-sexagesimal",
        "yaml11",
        ["ops", "--config", "ops_sexagesimal.yaml", "--json"],
        files=("ops_sexagesimal.yaml",),
        owner="E",
        expect="error",
        checks=("says_why",),
        want="days: 1:30 was 90 days: refused as a time",
    ),
    _c(
        "ops-config-octal",
        "yaml11",
        ["ops", "--config", "ops_octal.yaml", "--json"],
        files=("ops_octal.yaml",),
        owner="E",
        expect="ok",
        checks=("days_54",),
        want="days: 054 is 54 days (was 44, octal)",
    ),
    # names: accelerators case-insensitively, countries as ISO codes, newest:VENDOR strictly, names in a choice
    _file(
        "names_override_case.yaml",
        cls="names",
        cmd="risk",
        expect="ok",
        checks=("override_drawn",),
        want="an override keyed GB300 keeps its distribution in risk",
    ),
    _file("names_cap_country_case.yaml", cls="names", expect="ok", checks=("no_accelerators",), want="[us] is US"),
    _file("names_country_zz.yaml", cls="names", checks=("names_field",), want="ZZ refused naming the field"),
    _file("names_newest_dash.yaml", cls="names", checks=("names_field",), want="newest-amd refused"),
    _file("names_newest_none.yaml", cls="names", checks=("names_field",), want="nothing to buy: a clear message"),
    _file("names_choice_bogus.yaml", cls="names", checks=("names_field",), want="a bad name in a choice: refused"),
    _file("names_choice_bogus.yaml", cls="names", cmd="risk", checks=("names_field",), want="refused in risk too"),
    _set("sites[0].country", "''", cls="names", id="set-country-empty", checks=("names_field",)),
    _c("run-long-name", "display", ["run", "x" * 10_000, "--json"], owner="E", expect="error", want="a short message"),
    _c(
        "estimate-long-accelerator",
        "display",
        ["estimate", "-a", "x" * 10_000, "--power", "1GW"],
        owner="E",
        expect="error",
        want="a short message",
    ),
    _c(
        "ops-long-distribution",
        "display",
        ["ops", "--accelerators", "1024", "--distribution", "x" * 10_000],
        owner="F",
        expect="error",
        want="a short message",
    ),
    _c(
        "sensitivity-long-method",
        "display",
        ["sensitivity", "base.yaml", "--method", "x" * 10_000],
        files=B,
        owner="F",
        expect="error",
        want="a short message",
    ),
    _c(
        "risk-long-dask",
        "display",
        ["risk", "base.yaml", "--trials", "10", "--dask", "x" * 10_000],
        files=B,
        owner="F",
        expect="error",
        want="a short message",
    ),
    _c(
        "run-long-out",
        "display",
        ["run", "base.yaml", "--out", "x" * 10_000],
        files=B,
        owner="F",
        expect="error",
        want="a short message",
    ),
]


def cases(explore: bool | None = None, exclude: frozenset[str] | set[str] = frozenset()) -> list[Case]:
    """The cases to run: the cheap ones, or all of them under ``HYPOTHESIS_PROFILE=explore`` (or ``explore``)."""
    if explore is None:
        explore = os.environ.get("HYPOTHESIS_PROFILE", "ci") == "explore"
    return [c for c in CASES if (explore or c.cost == "cheap") and c.id not in exclude]


# --- running one case ---------------------------------------------------------------------------------------------


@dataclasses.dataclass
class Outcome:
    case: Case
    rc: int | None
    seconds: float
    timed_out: bool
    stdout: str
    stderr: str
    changed: list[str]  # files that were there before and changed or disappeared
    stray: list[str]  # new files outside --out
    outputs: dict[str, bytes]  # new or changed files under --out
    problems: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return any(self.problems.values())

    def summary(self) -> str:
        lines = [f"{self.case.id} [{self.case.cls}, owner {self.case.owner}]: {self.case.command}"]
        lines.append(f"  exit {self.rc}{' (killed at the time limit)' if self.timed_out else ''}, {self.seconds:.1f} s")
        for kind, items in self.problems.items():
            for item in items:
                lines.append(f"  {kind}: {item}")
        tail = _tail(self.stderr)
        if tail:
            lines.append("  stderr: " + tail)
        return "\n".join(lines)


def _tail(text: str, n: int = 300) -> str:
    text = text.strip()
    return (text if len(text) <= n else "..." + text[-n:]).replace("\n", " | ")


def _snapshot(folder: Path) -> dict[str, str]:
    """Hash of every regular file under ``folder`` (others by type), by relative path; links are not followed."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, folder)
            st = os.lstat(p)
            if stat.S_ISREG(st.st_mode):
                with open(p, "rb") as f:
                    found[rel] = hashlib.sha256(f.read()).hexdigest()
            elif stat.S_ISLNK(st.st_mode):
                found[rel] = "link:" + os.readlink(p)
            else:
                found[rel] = f"special:{stat.S_IFMT(st.st_mode)}"
    return found


def prepare(case: Case, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for rel in case.files:
        dest = folder / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / rel, dest)
    for name in case.make:
        GENERATORS[name](folder)


@contextlib.contextmanager
def silent_server() -> Iterator[int]:
    """A TCP server on 127.0.0.1 that accepts connections and never says a word; yields its port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
                held.append(conn)
            except OSError:
                continue

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    try:
        yield sock.getsockname()[1]
    finally:
        stop.set()
        t.join(2)
        for conn in held:
            conn.close()
        sock.close()


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _fork_child(argv, cwd, out_path, err_path, stdout_target, limit) -> None:
    """Runs in a fresh child of the fork server: ``gigawatt.cli.core.main(argv)`` as ``python -m gigawatt`` would."""
    import traceback

    os.setsid()
    os.chdir(cwd)
    _limit_memory(limit)
    fd_in = os.open(os.devnull, os.O_RDONLY)
    fd_out = os.open(stdout_target or out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    fd_err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    for fd, target in ((fd_in, 0), (fd_out, 1), (fd_err, 2)):
        os.dup2(fd, target)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False, errors="backslashreplace")  # noqa: SIM115
    code = 1
    try:
        from gigawatt.cli.core import main

        rv = main(list(argv))
        code = rv if isinstance(rv, int) else 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush()
    except BaseException as exc:
        print(f"Exception ignored on flushing sys.stdout:\n{type(exc).__name__}: {exc}", file=sys.stderr)
        code = 120
    with contextlib.suppress(BaseException):
        sys.stderr.flush()
    os._exit(code)


_CONTEXT = None
# Imported once by the fork server, so that each case starts warm. Imports only: nothing here starts a thread (numba's
# parallel kernels run first in the children, so its threading layer is set up after the fork). A module that is
# missing is skipped by the fork server.
PRELOAD = [
    "hostile_harness",
    "pandas",
    "matplotlib",
    "gigawatt",
    "gigawatt.cli.core",
    "gigawatt.cli.ops",
    "gigawatt.engine.inputs",
    "gigawatt.engine.result",
    "gigawatt.data.checks",
    "gigawatt.report.charts",
    "gigawatt.engine.montecarlo",
    "gigawatt.engine.operations",
    "gigawatt.engine.sensitivity",
]


def _fork_context():
    global _CONTEXT
    if _CONTEXT is None:
        tests = str(ROOT / "tests")
        path = os.environ.get("PYTHONPATH", "")
        if tests not in path.split(os.pathsep):
            os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (path, tests) if p)
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        from multiprocessing import forkserver

        forkserver.ensure_running()
        warm = ctx.Process(target=_noop)  # waits for the preload, so that it is not counted in the first case's time
        warm.start()
        warm.join()
        _CONTEXT = ctx
    return _CONTEXT


def _noop() -> None:
    pass


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _fork_run(
    argv, work, out_path, err_path, stdout_target, timeout, memory, interrupt_after=None
) -> tuple[int | None, bool]:
    """``gigawatt.cli.core.main(argv)`` in a child of the fork server: (exit code, killed at the time limit)."""
    ctx = _fork_context()
    p = ctx.Process(target=_fork_child, args=(argv, str(work), str(out_path), str(err_path), stdout_target, memory))
    p.start()
    if interrupt_after is not None:
        p.join(interrupt_after)
        if p.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(p.pid, signal.SIGINT)  # the process itself, even if it has not made its session yet
    p.join(timeout - (interrupt_after or 0))
    timed_out = p.is_alive()
    if timed_out:
        _kill_group(p.pid)
        p.join()
    _kill_group(p.pid)  # anything it left behind in its session
    return p.exitcode, timed_out


def _exec_run(
    argv, work, out_path, err_path, stdout_target, timeout, memory, interrupt_after=None, env=()
) -> tuple[int | None, bool]:
    """``python -m gigawatt argv``: (exit code, killed at the time limit)."""
    timed_out = False
    with open(out_path, "wb") as fo, open(err_path, "wb") as fe:
        target = open(stdout_target, "wb") if stdout_target else fo  # noqa: SIM115
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "gigawatt", *argv],
                cwd=work,
                env=dict(os.environ, **dict(env)) if env else None,
                stdin=subprocess.DEVNULL,
                stdout=target,
                stderr=fe,
                start_new_session=True,
                preexec_fn=lambda: _limit_memory(memory),
            )
            try:
                if interrupt_after is not None:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        proc.wait(interrupt_after)
                    if proc.poll() is None:
                        os.kill(proc.pid, signal.SIGINT)
                rc = proc.wait(timeout - (interrupt_after or 0))
            except subprocess.TimeoutExpired:
                timed_out = True
                _kill_group(proc.pid)
                rc = proc.wait()
            _kill_group(proc.pid)
        finally:
            if stdout_target:
                target.close()
    return rc, timed_out


def run_case(
    case: Case, folder: Path, timeout: float = HARD_TIMEOUT_S, memory: int = MEMORY_BYTES, mode: str | None = None
) -> Outcome:
    """Run one case in ``folder`` (created and filled here) and judge it."""
    work = folder / "work"
    prepare(case, work)
    out_path, err_path = folder / "stdout.txt", folder / "stderr.txt"
    ours: dict[str, str] = {}  # what the preparing commands wrote, by hash
    if case.pre:
        start = _snapshot(work)
        for argv in case.pre:
            rc, _ = _fork_run(list(argv), work, out_path, err_path, None, timeout, memory)
            if rc != 0:
                raise RuntimeError(f"{case.id}: preparing {argv} exited {rc}: {err_path.read_text()[-500:]}")
        ours = {r: h for r, h in _snapshot(work).items() if start.get(r) != h}
    for name in case.edit:
        GENERATORS[name](work)
    before = _snapshot(work)
    mode = mode or case.mode
    if case.env and mode == "fork":
        raise ValueError(f"{case.id}: an environment needs mode='exec'")
    runner = _fork_run if mode == "fork" else functools.partial(_exec_run, env=case.env)
    with silent_server() if case.server else contextlib.nullcontext(0) as port:
        argv = [a.replace("{port}", str(port)) for a in case.argv] if case.server else list(case.argv)
        t0 = time.monotonic()
        rc, timed_out = runner(argv, work, out_path, err_path, case.stdout, timeout, memory, case.interrupt_after)
        seconds = time.monotonic() - t0
    after = _snapshot(work)
    out_dir = None if case.out is None else os.path.normpath(case.out)

    def under_out(rel: str) -> bool:
        return out_dir is not None and (out_dir == "." or rel == out_dir or rel.startswith(out_dir + os.sep))

    # gigawatt may replace under --out what it wrote there itself (unchanged since), and what the case allows
    replaceable = {r for r, h in ours.items() if under_out(r) and before.get(r) == h} | set(case.may_change)
    changed = sorted(r for r, h in before.items() if after.get(r) != h and r not in replaceable)
    new = sorted(r for r in after if r not in before)
    stray = [r for r in new if not under_out(r)]
    outputs = {}
    for r in after:
        if under_out(r) and after[r] != before.get(r) and not after[r].startswith(("link:", "special:")):
            with contextlib.suppress(OSError):
                outputs[r] = (work / r).read_bytes()
    outcome = Outcome(
        case=case,
        rc=rc,
        seconds=seconds,
        timed_out=timed_out,
        stdout=out_path.read_text(errors="backslashreplace") if out_path.exists() else "",
        stderr=err_path.read_text(errors="backslashreplace") if err_path.exists() else "",
        changed=changed,
        stray=stray,
        outputs=outputs,
    )
    judge(outcome)
    return outcome


# --- judging ------------------------------------------------------------------------------------------------------

_NONFINITE_TEXT = re.compile(r"(?i)(?<![a-z0-9_])(-?nan|-?inf(inity)?|\$-?inf[kmbt]?)(?![a-z0-9_])")
_NUMERIC_KEY = re.compile(
    r"(_usd|_mw|_mwh|_hours|_minutes|_flop|_flops|_t|_w|goodput|accelerators|h100e|interruptions|p10|p50|p90|mean|"
    r"mw_online|it_mw_installed|energy_mwh|emissions_t|^base)$"
)
_LEGIT_NULL = ("first_gw_date", "phases", "date", "online", "start", "warnings", "debt_limit", "ci95")
# null by contract (README): a cost per GW or per H100-equivalent with nothing online or no price; estimate's band of
# accelerators where the power basis has no range, and its stated power where no --power was given
_LEGIT_NULL += ("capex_per_", "accelerators_low", "accelerators_high", "stated_power_mw")
_ESCAPE = re.compile(r"[\x1b\x07\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f\x9b]")


def _json_nonfinite(text: str, nulls: bool = True) -> tuple[list[str], str | None]:
    """Non-finite numbers in a JSON text: NaN/Infinity tokens, and null in numeric fields (what NaN becomes)."""
    found: list[str] = []

    def constant(name):
        found.append(f"a {name} token")
        return float("nan")

    try:
        data = json.loads(text, parse_constant=constant)
    except ValueError as exc:
        return found, f"not JSON ({exc})"

    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{path}.{k}" if path else str(k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}[{i}]")
        elif isinstance(node, float) and not math.isfinite(node):
            found.append(f"{path} = {node}")
        elif node is None and nulls:
            key = re.sub(r"\[\d+\]$", "", path).rsplit(".", 1)[-1]
            if _NUMERIC_KEY.search(key) and not any(w in path for w in _LEGIT_NULL):
                found.append(f"{path} = null (a NaN or infinity hidden as null)")

    if isinstance(data, dict):  # ops --json names the analytic figures it leaves out (null): not NaNs
        omitted = set(data.get("analytic_omitted") or ())
        data = {k: v for k, v in data.items() if not (v is None and k in omitted)}
    walk(data, "")
    return found, None


def _text_nonfinite(text: str) -> list[str]:
    return [
        f"{m.group(0)!r} in: {line.strip()[:120]}"
        for line in text.splitlines()
        for m in [_NONFINITE_TEXT.search(line)]
        if m
    ]


def judge(o: Outcome) -> None:
    """Fill ``o.problems`` by the contract in the module docstring."""
    c = o.case
    p: dict[str, list[str]] = {k: [] for k in FAILURE_KINDS}
    if "Traceback (most recent call last)" in o.stderr:
        last = [ln for ln in o.stderr.strip().splitlines() if ln.strip()][-1:]
        p["traceback"].append(last[0][:200] if last else "Traceback")
    if o.timed_out or o.seconds > HARD_TIMEOUT_S:
        p["past_20s"].append(f"killed after {o.seconds:.0f} s" if o.timed_out else f"took {o.seconds:.1f} s")
    elif o.rc is not None and o.rc < 0:
        p["other"].append(f"killed by signal {-o.rc}")
    if o.changed:
        p["overwritten"].append("changed or removed: " + ", ".join(o.changed))
    if o.stray:
        p["other"].append("new files outside --out: " + ", ".join(o.stray[:5]) + (" ..." if len(o.stray) > 5 else ""))
    esc = _ESCAPE.search(o.stdout) or _ESCAPE.search(o.stderr)
    if esc:
        p["other"].append(f"a raw control character {esc.group(0)!r} reached the terminal")
    finished = not o.timed_out and o.rc is not None and o.rc >= 0 and not p["traceback"]
    if finished and c.expect == "interrupted" and o.rc != 130:
        p["other"].append(f"exit {o.rc}; expected 130 after Ctrl-C")
    if finished and o.rc == 0:
        if c.expect == "error":
            p["other"].append("exit 0; expected a refusal (exit 1 or 2 with a message)")
        if c.stdout is None and "--json" in c.argv:
            bad, err = _json_nonfinite(o.stdout, nulls=c.argv[0] != "catalog")  # unpublished specs are null
            p["nonfinite"] += bad
            if err:
                p["other"].append(f"--json output is {err}")
        elif c.stdout is None and c.argv[0] in ("run", "compare", "risk", "sensitivity", "ops", "estimate"):
            p["nonfinite"] += _text_nonfinite(o.stdout)
        for rel, data in o.outputs.items():
            text = data.decode("utf-8", "replace")
            if rel.endswith(".json"):
                bad, err = _json_nonfinite(text)
                p["nonfinite"] += [f"{rel}: {b}" for b in bad]
            elif rel.endswith(".csv"):
                p["nonfinite"] += [f"{rel}: {b}" for b in _text_nonfinite(text)]
    elif finished and o.rc in (1, 2):
        if c.expect == "ok":
            p["other"].append(f"exit {o.rc}; expected a run (exit 0)")
        lines = [ln for ln in o.stderr.splitlines() if ln.strip() and not ln.lower().startswith("warning:")]
        if not any(re.match(r"(?i)error:", ln.strip()) for ln in lines):
            p["other"].append("no line starting with 'error:' on stderr")
        if len(lines) > 8:
            p["other"].append(f"the message is {len(lines)} lines long")
        chars = sum(len(ln) for ln in lines)
        if chars > MAX_MESSAGE_CHARS:
            p["other"].append(f"the message is {chars:,} characters long (the value echoed in full?)")
    elif finished and c.expect == "interrupted" and o.rc == 130:
        if o.outputs:
            p["other"].append("interrupted, and left files behind: " + ", ".join(sorted(o.outputs)[:5]))
    elif finished:
        p["other"].append(f"exit code {o.rc}; expected 0, 1 or 2")
    for name in c.checks:
        p["other"] += CHECKS[name](o)
    o.problems = {k: v for k, v in p.items() if v}


def _json_stdout(o: Outcome):
    try:
        return json.loads(o.stdout)
    except ValueError:
        return None


def _check_duplicate(o: Outcome) -> list[str]:
    if o.rc in (1, 2) and "duplicate" in o.stderr.lower():
        return []
    return ["a duplicate key is not refused by name ('duplicate ...' with its line)"]


def _check_largest_run(o: Outcome) -> list[str]:
    data = _json_stdout(o)
    if o.rc != 0 or data is None:
        return []
    v = data.get("metrics", {}).get("largest_run_flop_end")
    if not isinstance(v, int | float) or not v > 0:
        return [f"largest_run_flop_end = {v}; expected > 0 (a zero write time is continuous checkpointing)"]
    return []


def _check_waits(o: Outcome) -> list[str]:
    data = _json_stdout(o)
    if o.rc != 0 or data is None:
        return []
    sim = data.get("simulated") or {}
    wait = (sim.get("waiting_for_servers_hours") or {}).get("mean")
    window = data.get("days", 0) * 24
    if isinstance(wait, int | float) and window and wait > window * (1 + 1e-9):
        return [f"waiting_for_servers_hours = {wait:,.0f} inside a {window:,.0f} h window"]
    return []


def _check_warns(o: Outcome) -> list[str]:
    if o.rc == 0 and "warning" not in o.stderr.lower():
        return ["exit 0 without a warning about the conflict or the unmet target"]
    return []


def _check_says_which(o: Outcome) -> list[str]:
    said = [ln for ln in o.stderr.lower().splitlines() if "stargate" in ln and ("built-in" in ln or "local" in ln)]
    if o.rc == 0 and not said:
        return ["a local file named like a built-in: no word on which one was taken"]
    return []


def _check_no_environment(o: Outcome) -> list[str]:
    if "PATH=" in o.stdout + o.stderr:
        return ["the process environment (PATH=...) was echoed"]
    return []


def _check_says_why(o: Outcome) -> list[str]:
    """A number written in another hand is refused with the reason (a separator, a decimal comma, a time)."""
    words = ("thousands", "decimal", "space", "time")
    if o.rc == 2 and any(w in o.stderr for w in words) and "expected" in o.stderr:
        return []
    return [f"exit {o.rc}; expected exit 2 with the reason ({', '.join(words)}) and what is expected"]


def _check_names_field(o: Outcome) -> list[str]:
    """A bad name is refused naming the field (accelerator, country) and what is expected."""
    if o.rc == 2 and re.search(r"\.(accelerator|country)\b", o.stderr) and "expected" in o.stderr:
        return []
    return [f"exit {o.rc}; expected exit 2 naming the field (....accelerator or ....country) and what is expected"]


def _metric_check(read: Callable[[dict], object], want, what: str) -> Callable[[Outcome], list[str]]:
    def check(o: Outcome) -> list[str]:
        data = _json_stdout(o)
        if o.rc != 0 or data is None:
            return [f"exit {o.rc}; expected a run where {what}"]
        try:
            got = read(data)
        except (KeyError, IndexError, TypeError) as exc:
            return [f"{what}: not in the output ({exc!r})"]
        return [] if got == want else [f"{what}: got {got!r}, expected {want!r}"]

    return check


def _override_drawn(data: dict):
    capex = data["metrics"]["capex_total_usd"]
    return capex["p10"] < capex["p90"], data["uncertain_inputs"]


CHECKS: dict[str, Callable[[Outcome], list[str]]] = {
    "says_why": _check_says_why,
    "names_field": _check_names_field,
    "online_2025_11": _metric_check(lambda d: d["phases"][0]["online"], "2025-11", "a 10-month build online 2025-11"),
    "no_accelerators": _metric_check(lambda d: d["metrics"]["accelerators_end"], 0, "the zero cap covers the site"),
    "days_54": _metric_check(lambda d: d["days"], 54.0, "days: 054 is 54"),
    "override_drawn": _metric_check(  # with the facility cost's range every scenario inherits (issue 17)
        _override_drawn,
        (True, ["accelerator_overrides.gb300.price_usd", "risks.cost_overrun"]),
        "the GB300 price is drawn",
    ),
    "no_environment": _check_no_environment,
    "duplicate": _check_duplicate,
    "largest_run_positive": _check_largest_run,
    "waits_within_window": _check_waits,
    "warns": _check_warns,
    "says_which": _check_says_which,
}


def tally(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    """Per class: cases, failing cases and the number of cases with each kind of failure."""
    table: dict[str, dict[str, int]] = {}
    for o in outcomes:
        row = table.setdefault(o.case.cls, {"cases": 0, "failing": 0, **dict.fromkeys(FAILURE_KINDS, 0)})
        row["cases"] += 1
        row["failing"] += int(o.failed)
        for kind in o.problems:
            row[kind] += 1
    total = {"cases": 0, "failing": 0, **dict.fromkeys(FAILURE_KINDS, 0)}
    for row in table.values():
        for k, v in row.items():
            total[k] += v
    ordered = {cls: table[cls] for cls in CLASSES if cls in table}
    ordered["total"] = total
    return ordered


# --- in a child process: one call under the same limits (for the property tests) --------------------------------


def _call_child(conn, fn, args, limit) -> None:
    import traceback

    os.setsid()
    _limit_memory(limit)
    try:
        result = ("ok", fn(*args))
    except BaseException:
        result = ("crash", traceback.format_exc())
    try:
        conn.send(result)
    finally:
        conn.close()
        os._exit(0)


def call_limited(fn: Callable, *args, timeout: float = HARD_TIMEOUT_S, memory: int = MEMORY_BYTES) -> tuple:
    """``fn(*args)`` in a child of the fork server: ``("ok", value)``, ``("crash", traceback)``,
    ``("timeout", seconds)`` or ``("died", exit code)``. ``fn`` must be importable (a module-level function)."""
    ctx = _fork_context()
    here, there = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_call_child, args=(there, fn, args, memory))
    t0 = time.monotonic()
    p.start()
    there.close()
    result = None
    if here.poll(timeout):
        with contextlib.suppress(EOFError):
            result = here.recv()
    p.join(max(0.1, timeout - (time.monotonic() - t0)))
    if p.is_alive():
        _kill_group(p.pid)
        p.join()
        return result or ("timeout", time.monotonic() - t0)
    _kill_group(p.pid)
    here.close()
    return result or ("died", p.exitcode)


def result_nonfinite(result) -> list[str]:
    """Non-finite numbers in a :class:`gigawatt.Result`: time series, yearly table, phases and metrics."""
    import numpy as np

    bad = []
    for name, frame in (("timeseries", result.timeseries), ("yearly", result.yearly), ("phases", result.phases)):
        numbers = frame.select_dtypes("number")
        mask = ~np.isfinite(numbers.to_numpy(dtype=float))
        if mask.any():
            cols = sorted({numbers.columns[j] for j in np.argwhere(mask)[:, 1]})
            bad.append(f"{name}: non-finite values in {', '.join(map(str, cols[:5]))}")
    for k, v in result.metrics.items():
        if isinstance(v, float) and not math.isfinite(v):
            bad.append(f"metrics.{k} = {v}")
    return bad


def evaluate_scenario(tree: dict, overrides: list[str]) -> dict:
    """Load a scenario tree with ``--set`` overrides; then warnings, the resolved copy and a simulation.

    Returns ``{"kind": "error", "type", "message"}`` for a :class:`GigawattError`, else ``{"kind": "ok",
    "nonfinite": [...]}``; any other exception propagates (a crash, with its traceback).
    """
    import gigawatt as gw
    from gigawatt.data.checks import run_checks

    try:
        s = gw.load_scenario(tree, overrides=overrides)
    except gw.GigawattError as exc:
        return {"kind": "error", "type": type(exc).__name__, "message": str(exc)}
    run_checks(s)
    gw.resolved_with_sources(s)
    return {"kind": "ok", "nonfinite": result_nonfinite(gw.simulate(s))}


def evaluate_risk(tree: dict, trials: int) -> dict:
    """Load a scenario tree and run ``trials`` Monte Carlo trials: an error, or the non-finite numbers in the result."""
    import gigawatt as gw

    try:
        s = gw.load_scenario(tree)
        result = gw.risk(s, trials=trials, seed=0)
    except gw.GigawattError as exc:
        return {"kind": "error", "type": type(exc).__name__, "message": str(exc)}
    bad, _ = _json_nonfinite(json.dumps(result.as_json(), default=str))
    return {"kind": "ok", "nonfinite": bad[:5]}

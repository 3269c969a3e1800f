"""The ``gigawatt`` command line (typer + rich): the app, its global options, the error boundary and the helpers
the command modules share (options, consoles, tables, --out). It only calls the public API in :mod:`gigawatt`.

The commands live in one module per group, each registering its commands on :data:`app` when imported:
:mod:`~gigawatt.cli.scenarios` (scenarios, show, schema), :mod:`~gigawatt.cli.run` (run, compare),
:mod:`~gigawatt.cli.risk` (risk, sensitivity), :mod:`~gigawatt.cli.estimate`, :mod:`~gigawatt.cli.catalog`,
:mod:`~gigawatt.cli.ops` and :mod:`~gigawatt.cli.validate`. This module imports none of them (they import it):
:mod:`~gigawatt.cli.commands` does, and the package ``gigawatt.cli`` imports that before anything else, so the app
that :func:`main` runs always has every command.

Every command runs inside one error boundary (:func:`main`): a user's mistake ends in a one-paragraph message on
stderr and exit code 2, an environment failure (a path that cannot be written, a full disk, a refused connection,
not enough memory) in a message and exit code 1, Ctrl-C in 130; ``--debug`` or ``GIGAWATT_DEBUG=1`` shows the
traceback instead. A real bug keeps its traceback. User text (names, paths) is printed as plain text: no rich
markup is interpreted anywhere, and control characters and escape sequences are removed (:func:`plain`).
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import math
import os
import sys
import warnings
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from gigawatt.errors import GigawattError, GigawattWarning
from gigawatt.report.output import plain, shorten
from gigawatt.units import format_usd

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="gigawatt: simulate gigawatt-scale AI build-outs (Stargate and its rivals), a source behind every number.",
)
console = Console(width=None if sys.stdout is not None and sys.stdout.isatty() else 140, markup=False)
err_console = Console(stderr=True, markup=False, highlight=False)


def _say(text: str, style: str | None = None, stderr: bool = False) -> None:
    (err_console if stderr else console).print(plain(text), style=style, highlight=False, soft_wrap=True)


def warn(text: str) -> None:
    """One ``warning:`` line on stderr (warnings never change the exit code)."""
    from rich.text import Text

    err_console.print(Text("warning: ", style="yellow") + Text(plain(text)), highlight=False, soft_wrap=True)


ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Let --out replace files gigawatt did not write there (never the files a run read)."),
]
ForceLargeOpt = Annotated[
    bool,
    typer.Option(
        "--force-large",
        help="Run even when the estimated time or memory is beyond this machine's limits (gigawatt.limits).",
    ),
]

SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        help="Override a scenario value: PATH=VALUE, e.g. funding.announced_arrival=0.5 "
        "or 'sites[abilene].phases[0].power_mw=300 MW'. Repeatable.",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def _print_json(data) -> None:
    from gigawatt.report.output import finite

    sys.stdout.write(json.dumps(finite(data), indent=2, default=str, allow_nan=False) + "\n")


def _fmt(value, unit: str) -> str:
    if value is None:  # a month that never came; a cost per unit where there is no unit (nothing online)
        return "n/a" if unit.startswith("USD per ") else "never"
    if isinstance(value, str):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return "-"
    if unit == "USD":
        return format_usd(value)
    if unit.startswith("USD per "):  # capex per GW, per H100-equivalent
        return f"{format_usd(value)} {unit.removeprefix('USD ')}"
    if unit == "FLOP/s":
        return f"{value:.3g} FLOP/s"
    if unit in ("MW", "MWh"):
        return f"{value:,.0f} {unit}"
    if unit == "t CO2":
        return f"{value / 1e6:,.2f} Mt CO2"
    if unit in ("count", "H100-eq", "months"):
        return f"{value:,.0f}"
    return f"{value:,.4g} {unit}"


def _metrics_table(title: str, columns: list[str], rows: list[tuple[str, str, list]]) -> Table:
    table = Table(title=plain(title), title_justify="left")
    table.add_column("metric")
    for c in columns:
        table.add_column(plain(c), justify="right")
    for name, unit, values in rows:
        table.add_row(name, *[_fmt(v, unit) for v in values])
    return table


def _warn(scenario) -> list[str]:
    """Print consistency warnings to stderr (they never change the exit code) and return them."""
    from gigawatt.data.checks import run_checks

    warnings = [*(getattr(scenario, "load_warnings", None) or ()), *run_checks(scenario)]
    for w in warnings:
        warn(w)
    return warnings


def files_read(refs, scenario=None) -> list[Path]:
    """The files a command read: each reference that names an existing file, and the scenario's own record of the
    files its loading read (the file and its ``extends`` chain), when the loader keeps one."""
    paths = [Path(r) for r in refs if r is not None and str(r).strip() and Path(str(r)).is_file()]
    if scenario is not None:
        paths += [Path(p) for p in (getattr(scenario, "_files_read", None) or ())]
    return paths


def _outputs(out: str | None, force: bool, names, refs, scenario=None):
    """The --out set of a command, checked before the work starts (None without --out)."""
    from gigawatt.report import output

    if out is None:
        return None
    outset = output.OutputSet(out, force=force, protect=files_read(refs, scenario))
    outset.check(names)
    return outset


def _print_written(paths, stderr: bool = False) -> None:
    for path in paths:
        _say(f"wrote {path}", stderr=stderr)


def _yaml(data) -> str:
    from gigawatt.data.reading import dump_yaml

    return dump_yaml(data)


def _progress(label: str, total: int, unit: str, quiet: bool):
    """A rich progress bar on stderr while a long run works (none with --json or when stderr is not a terminal);
    yields the callback ``step(done)``."""
    if quiet or not err_console.is_terminal:  # no bar to draw: rich.progress is not even imported
        return contextlib.nullcontext(lambda done: None)
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    @contextlib.contextmanager
    def bar():
        with Progress(
            TextColumn(label),
            BarColumn(),
            TextColumn("{task.completed:,}/{task.total:,} " + unit),
            TimeRemainingColumn(),
            console=err_console,
            transient=True,
        ) as p:
            task = p.add_task(label, total=total)
            yield lambda done: p.update(task, completed=done)

    return bar()


@app.callback()
def _global_options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of any error (also: GIGAWATT_DEBUG=1).")
    ] = False,
) -> None:
    """gigawatt: simulate gigawatt-scale AI build-outs (Stargate and its rivals), a source behind every number."""
    # --debug is taken out of the arguments by main() (so it works after the command name too); kept here for --help


def _debug_wanted(args: list[str]) -> bool:
    """Whether --debug (anywhere before ``--``) or GIGAWATT_DEBUG asks for tracebacks; removes --debug from args."""
    end = args.index("--") if "--" in args else len(args)
    found = "--debug" in args[:end]
    if found:
        args[:end] = [a for a in args[:end] if a != "--debug"]
    return found or os.environ.get("GIGAWATT_DEBUG", "").strip().lower() not in ("", "0", "false", "no")


def _os_message(exc: OSError) -> str:
    """``path: what went wrong`` for an OSError (the path when there is one)."""
    what = exc.strerror or str(exc) or type(exc).__name__
    if isinstance(exc, BrokenPipeError):
        return "the output was closed before gigawatt finished writing (broken pipe)"
    if isinstance(exc, ConnectionError | TimeoutError):
        return f"connection failed: {what}"
    if exc.filename is not None:
        target = f"{exc.filename} -> {exc.filename2}" if exc.filename2 else str(exc.filename)
        return f"{target}: {what}"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS):
        return f"cannot write the output: {what}"
    return what


def _stdout_gone() -> None:
    """After stdout failed (a full disk, a closed pipe), point it at /dev/null so that the interpreter's own flush
    at exit does not fail again with a traceback."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _error(message: str) -> None:
    from rich.text import Text

    with contextlib.suppress(OSError):  # stderr gone too: the exit code is all that is left
        err_console.print(
            Text("error: ", style="bold red") + Text(shorten(plain(message))), highlight=False, soft_wrap=True
        )


def main(argv: list[str] | None = None) -> int:
    """Entry point and the one error boundary of every command.

    Exit codes: 0 done; 2 the user's mistake (:class:`GigawattError`, usage errors), with one ``error:`` message
    naming the field or path, the value and what was expected; 1 an environment failure (``OSError``: a path that
    cannot be read or written, a full disk, a closed pipe, a refused connection; ``MemoryError``; a
    ``GigawattError`` whose ``exit_code`` is 1); 130 interrupted. ``--debug`` / ``GIGAWATT_DEBUG=1`` re-raise, so
    the traceback shows. Anything else is a bug and keeps its traceback.
    """
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets a '?', not a traceback
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")
    args = list(sys.argv[1:] if argv is None else argv)
    debug = _debug_wanted(args)
    refused = _environment_refused()
    if refused is not None:
        _error(refused[1])
        return refused[0]
    try:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", GigawattWarning)
                warnings.showwarning = _show_warning
                rv = app(args=args, standalone_mode=False, prog_name="gigawatt")
        finally:
            sys.stdout.flush()  # a full disk or a closed pipe shows here, inside the boundary, not at exit
    except GigawattError as exc:
        if debug:
            raise
        _error(str(exc))
        return int(getattr(exc, "exit_code", 2) or 2)
    except (KeyboardInterrupt, typer.Abort):
        if debug:
            raise
        err_console.print("interrupted")
        return 130
    except OSError as exc:
        if _stdout_failed():
            _stdout_gone()
        if debug:
            raise
        _error(_os_message(exc))
        return 1
    except SystemExit:
        # click turns a broken pipe (EPIPE) into a quiet sys.exit(1), wrapping stdout so that its last flush is
        # silent; say what happened instead (--debug cannot show a traceback here: click swallowed it)
        if type(sys.stdout).__name__.endswith("PacifyFlushWrapper"):
            _error(_os_message(BrokenPipeError(errno.EPIPE, "Broken pipe")))
            return 1
        raise
    except MemoryError:
        if debug:
            raise
        _error("not enough memory for this request on this machine; ask for less work (fewer trials or samples)")
        return 1
    except Exception as exc:
        # usage errors (missing argument, bad option): click's exceptions, vendored by recent typer releases
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            return exc.exit_code
        raise
    if rv == 130:  # typer turns Ctrl-C inside a command into Exit(130), which standalone_mode=False returns
        err_console.print("interrupted")
    return rv if isinstance(rv, int) else 0


def _environment_refused() -> tuple[int, str] | None:
    """(exit code, message) when the process cannot run a command at all: no standard output (``>&-``), a working
    folder that no longer exists, a numba setting that would fail inside numba. None when all is well."""
    from gigawatt.engine.numba_cache import check_threads_setting

    if sys.stdout is None:
        return 1, (
            "standard output is closed (the command was started with '>&-' or without a terminal); nothing could "
            "be printed: redirect it to a file or to /dev/null instead"
        )
    try:
        os.getcwd()
    except FileNotFoundError:
        return 1, (
            "the current folder no longer exists (deleted or moved after this shell entered it); cd to a folder "
            "that exists and run the command again"
        )
    try:
        check_threads_setting()
    except GigawattError as exc:
        return exc.exit_code, str(exc)
    return None


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """gigawatt's own warnings (:class:`GigawattWarning`) as ``warning:`` lines; other libraries' as Python shows
    them."""
    if issubclass(category, GigawattWarning):
        warn(str(message))
    else:
        with contextlib.suppress(OSError, AttributeError):
            (file or sys.stderr).write(warnings.formatwarning(message, category, filename, lineno, line))


def _stdout_failed() -> bool:
    """Whether stdout can no longer be written (its buffer cannot be flushed)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


def entry() -> None:
    sys.exit(main())

"""The command line's edge (issue 10): one error boundary with its exit codes, user text shown as plain text,
work sized before it starts, conflicting ops flags said, and --dask that gives up in a stated time."""

import errno
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import gigawatt as gw
from gigawatt import limits
from gigawatt.cli.core import main
from gigawatt.errors import GigawattError
from gigawatt.report.output import plain

ROOT = Path(__file__).resolve().parents[1]
SMALL = """
name: {name}
programme: {{start: 2025-01, horizon_months: 24}}
sites:
  - name: a
    phases:
      - {{name: p1, power_mw: 100, start: 2025-02, accelerator: h100}}
"""


def small(tmp_path, name="t", file="s.yaml"):
    p = tmp_path / file
    p.write_text(SMALL.format(name=json.dumps(name)))
    return str(p)


def one_error(capsys, code, argv):
    """Run ``argv``; assert the exit code and one ``error:`` line on stderr (after any warnings); return it."""
    assert main(argv) == code
    err = capsys.readouterr()[1]
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines and lines[-1].startswith("error: "), err
    assert not any(line.startswith("error: ") for line in lines[:-1])
    return lines[-1]


# ------------------------------------------------------------------------------------------- the error boundary


def test_user_mistake_is_exit_2_naming_the_value(capsys, tmp_path):
    line = one_error(capsys, 2, ["run", small(tmp_path), "--set", "sites[0].phases[0].power_mw=-5"])
    assert "sites[0].phases[0].power_mw" in line and "-5" in line


@pytest.mark.parametrize(
    ("exc", "needle"),
    [
        (PermissionError(errno.EACCES, "Permission denied", "/data/s.yaml"), "error: /data/s.yaml: Permission denied"),
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), "connection failed: Connection refused"),
        (OSError(errno.ENOSPC, "No space left on device"), "cannot write the output: No space left on device"),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), "closed before gigawatt finished writing (broken pipe)"),
        (MemoryError(), "not enough memory"),
    ],
)
def test_environment_failure_is_exit_1(capsys, monkeypatch, exc, needle):
    def fail(*args, **kwargs):
        raise exc

    monkeypatch.setattr(gw, "load_scenario", fail)
    assert needle in one_error(capsys, 1, ["run", "stargate"])


def test_a_gigawatt_error_may_say_it_is_the_environment(capsys, monkeypatch):
    class Unreachable(GigawattError):
        exit_code = 1

    def fail(*args, **kwargs):
        raise Unreachable("--dask 'tcp://x:1': no answer")

    monkeypatch.setattr(gw, "load_scenario", fail)
    assert one_error(capsys, 1, ["run", "stargate"]) == "error: --dask 'tcp://x:1': no answer"


def test_a_bug_keeps_its_traceback(monkeypatch):
    def bug(*args, **kwargs):
        return 1 / 0

    monkeypatch.setattr(gw, "simulate", bug)
    with pytest.raises(ZeroDivisionError):
        main(["run", "stargate"])


@pytest.mark.parametrize("where", ["before", "after", "env"])
def test_debug_shows_the_traceback(capsys, monkeypatch, where):
    argv = ["run", "no-such-scenario.yaml"]
    if where == "before":
        argv = ["--debug", *argv]
    elif where == "after":
        argv = [*argv, "--debug"]
    else:
        monkeypatch.setenv("GIGAWATT_DEBUG", "1")
    with pytest.raises(GigawattError, match="no-such-scenario"):
        main(argv)
    monkeypatch.delenv("GIGAWATT_DEBUG", raising=False)
    assert main(["run", "no-such-scenario.yaml"]) == 2  # and without it, a message


def test_usage_errors_are_exit_2(capsys):
    assert main(["run", "stargate", "--no-such-flag"]) == 2
    assert "No such option" in capsys.readouterr()[1]


def test_json_to_a_full_disk_is_a_message_not_a_traceback():
    with open("/dev/full", "w") as full:
        p = subprocess.run(
            [sys.executable, "-m", "gigawatt", "catalog", "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
    assert p.returncode == 1
    assert p.stderr == "error: cannot write the output: No space left on device\n"


def test_a_closed_pipe_is_a_message_not_a_traceback():
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: every write fails with EPIPE
    try:
        p = subprocess.run(
            [sys.executable, "-m", "gigawatt", "catalog", "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
    finally:
        os.close(write_end)
    assert p.returncode == 1
    assert p.stderr == "error: the output was closed before gigawatt finished writing (broken pipe)\n"


# ----------------------------------------------------------------------------------------- user text on screen


@pytest.mark.parametrize(
    "name", ["[/]", "[bold red]x[/] [link=http://evil.example]y", "a[b]c", "[/bold]", "\\[x]", "[[[[]]]]"]
)
def test_markup_in_names_is_printed_as_written(capsys, tmp_path, name):
    assert main(["run", small(tmp_path, name)]) == 0
    out = "".join(capsys.readouterr()[0].split())  # a long title wraps; compare without the layout
    assert "".join(f"{name}: by year".split()) in out
    assert "".join(f"{name}: key metrics".split()) in out


def test_escape_sequences_and_controls_never_reach_the_terminal(capsys, tmp_path):
    name = "evil\x1b[2J\x1b[31mRED\x1b]0;owned\x07\x1b]8;;http://x\x1b\\link\x9b1m\x00\x08\u202eend"
    assert main(["run", small(tmp_path, name)]) == 0
    out, err = capsys.readouterr()
    assert "evilREDlinkend: by year" in out
    for c in ("\x1b", "\x07", "\x9b", "\x00", "\x08", "\u202e"):
        assert c not in out and c not in err
    # in an error message (the path is user text) too
    line = one_error(capsys, 2, ["run", str(tmp_path / "x\x1b[31m.yaml")])
    assert "\x1b" not in line and "x[31m.yaml" not in line


def test_plain_keeps_text_and_layout():
    assert plain("Abilene 1.2 GW\tphase [0]\nnext") == "Abilene 1.2 GW\tphase [0]\nnext"
    assert plain("a\x1b[1;31mb\x1b[0mc") == "abc"
    assert plain("t\x1b]0;title\x1b\\u") == "tu"  # OSC ended by ST
    assert plain("Zürich – 東京") == "Zürich – 東京"


def test_dollar_and_escapes_in_a_name_do_not_break_the_charts(capsys, tmp_path):
    out = tmp_path / "out"
    assert main(["run", small(tmp_path, "cost $\\frac{ $ \x1b[31m"), "--out", str(out), "--json"]) == 0
    assert (out / "buildout.png").read_bytes()[:4] == b"\x89PNG"


# ------------------------------------------------------------------------------------ work sized before it starts


def test_risk_with_2_to_the_70_trials_is_refused_at_once(capsys):
    t0 = time.perf_counter()
    line = one_error(capsys, 2, ["risk", "stargate", "--trials", str(2**70), "--json"])
    assert time.perf_counter() - t0 < 10  # refused from the counts, nothing simulated (generous for a shared CI)
    assert line.startswith("error: --trials 1,180,591,620,717,411,303,424: estimated ")
    assert "limits.RISK_MAX_TRIALS" in line and "--force-large" in line


def test_sensitivity_beyond_the_machine_memory_is_refused_even_with_force(capsys):
    for extra in ([], ["--force-large"]):
        line = one_error(capsys, 2, ["sensitivity", "stargate", "--samples", str(2**30), *extra])
        assert line.startswith("error: --samples 1,073,741,824 (")
        assert "more than this machine's" in line and "TiB of memory" in line


def test_the_risk_estimate_is_the_stated_formula():
    from gigawatt.engine.montecarlo import plan_risk
    from gigawatt.engine.work import chunk_trials_for, trial_bytes

    s = gw.load_scenario("stargate")
    T, P = 60, sum(len(site.phases) for site in s.sites)
    plan = plan_risk(s, 1_000_000)
    # seconds = trials x months x (per trial-month + phases x per trial-phase-month), plus each chunk's inputs
    # (chunks x phases x per chunk-phase), from limits.py
    per = limits.SECONDS_PER_TRIAL_MONTH + P * limits.SECONDS_PER_TRIAL_PHASE_MONTH
    chunks = -(-1_000_000 // chunk_trials_for(s))
    fixed = chunks * P * limits.SECONDS_PER_CHUNK_PHASE
    assert plan.seconds == pytest.approx(1_000_000 * T * per + fixed, rel=1e-12)
    assert plan.runs == 1_000_000 and plan.max_runs == limits.RISK_MAX_TRIALS
    # memory does not grow with trials beyond the exact-quantile limit (aggregates stream)
    assert plan_risk(s, 10**9).bytes == plan_risk(s, 10**6).bytes
    # the chunk: whole blocks of 1,024 within CHUNK_BYTES
    assert chunk_trials_for(s) % 1024 == 0 and chunk_trials_for(s) * trial_bytes(s) <= limits.CHUNK_BYTES


def test_force_large_lifts_the_count_limit(capsys, monkeypatch):
    monkeypatch.setattr(limits, "RISK_MAX_TRIALS", 1000)
    line = one_error(capsys, 2, ["risk", "stargate", "--trials", "2000", "--json"])
    assert "beyond 1,000 trials (limits.RISK_MAX_TRIALS)" in line
    assert main(["risk", "stargate", "--trials", "2000", "--json", "--force-large"]) == 0
    assert json.loads(capsys.readouterr()[0])["trials"] == 2000


def test_sensitivity_time_limit(capsys, monkeypatch):
    monkeypatch.setattr(limits, "WORK_MAX_SECONDS", 0.001)
    line = one_error(capsys, 2, ["sensitivity", "stargate", "--samples", "64"])
    assert "(limits.WORK_MAX_SECONDS)" in line and "--force-large" in line


def test_risk_sums_stream_whatever_the_order_blocks_arrive():
    from gigawatt.engine.montecarlo import Accumulator, _Layout, run_blocks

    s = gw.load_scenario("stargate")
    trials = 5 * 1024
    whole = run_blocks(s, 7, trials, range(5), chunk_trials=1024)
    assert whole.block_sums == {} and whole.next_block == 5  # folded as they came: flat in trials
    parts = [run_blocks(s, 7, trials, range(b, b + 1), chunk_trials=1024) for b in (3, 0, 4, 2, 1)]
    acc = Accumulator(_Layout.of(s), keep_metrics=True)
    for part in parts:  # as a cluster might return them
        acc.merge(part)
    assert acc.block_sums == {} and acc.next_block == 5
    assert (acc.total == whole.total).all()  # the same float additions in the same order: bit for bit


def test_progress_shows_on_a_terminal_and_never_with_json(monkeypatch):
    import io

    from rich.console import Console

    import gigawatt.cli.core as cli

    for quiet, shown in ((False, True), (True, False)):
        buf = io.StringIO()
        monkeypatch.setattr(cli, "err_console", Console(file=buf, force_terminal=True, width=80))
        with cli._progress("risk", 100, "trials", quiet=quiet) as step:
            for done in (25, 50, 100):
                step(done)
        assert ("trials" in buf.getvalue()) is shown


@pytest.mark.parametrize(
    "argv",
    [
        ["risk", "stargate", "--trials", "10"],
        ["sensitivity", "stargate", "--method", "morris", "--samples", "4"],
    ],
)
@pytest.mark.parametrize("json_out", [False, True])
def test_compile_notice_on_stderr_only_when_the_engine_needs_compiling(capsys, monkeypatch, argv, json_out):
    # patched at the command line's seam: patching gigawatt.engine.compiled.needs_compiling itself would also make
    # the engine throw away its compiled cache
    import gigawatt.cli.risk as cli_risk

    argv = [*argv, "--json"] if json_out else argv
    notice = "compiling the engine, first run only"
    for needed in (True, False):
        monkeypatch.setattr(cli_risk, "_needs_compiling", lambda needed=needed: needed)
        assert main(argv) == 0
        out, err = capsys.readouterr()
        assert notice not in out
        assert err.splitlines().count(notice) == (1 if needed else 0), err
        if json_out:
            json.loads(out)  # stdout stays the JSON


def test_compile_notice_asks_the_compiled_engine_and_is_quiet_without_it(monkeypatch):
    import types

    from gigawatt.cli.risk import _needs_compiling

    for needed in (True, False):
        compiled = types.ModuleType("gigawatt.engine.compiled")
        compiled.needs_compiling = lambda needed=needed: needed
        monkeypatch.setitem(sys.modules, "gigawatt.engine.compiled", compiled)
        assert _needs_compiling() is needed
    monkeypatch.setitem(sys.modules, "gigawatt.engine.compiled", None)  # not there yet: importing it fails
    assert _needs_compiling() is False


# ------------------------------------------------------------------------------------------------ ops conflicts


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--work", "90 days", "--days", "10"], "--work '90 days' and --days '10' conflict"),
        (
            ["--checkpoint-size", "65 TB", "--storage-bandwidth", "2 TB/s", "--checkpoint-write", "1min"],
            "--checkpoint-write '1min' and --checkpoint-size '65 TB' conflict",
        ),
        (["--shape", "3", "--trials", "10"], "--shape '3.0' has no effect with the default exponential"),
        (
            ["--shape", "3", "--distribution", "exponential"],
            "--shape '3.0' has no effect with --distribution 'exponential'",
        ),
        (["--job-mtbf", "24h", "--accelerator-mtbf", "1000h"], "--job-mtbf '24h' and --accelerator-mtbf '1000h'"),
    ],
)
def test_conflicting_ops_flags_are_an_error_naming_both(capsys, args, needle):
    assert needle in one_error(capsys, 2, ["ops", "--accelerators", "1024", *args])


def test_a_flag_over_the_config_file_wins_with_a_warning(capsys, tmp_path):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("accelerators: 1024\ndays: 10\n")
    assert main(["ops", "--config", str(cfg), "--work", "5 days", "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == (
        "warning: --work '5 days' overrides days '10' in the --config file "
        "(--work runs a job of that length to completion, --days sets a fixed window)\n"
    )
    d = json.loads(out)
    assert d["wall_time_hours"] > 5 * 24  # a job of 5 days' work, run to completion: more wall time than work


def test_an_unmet_ci_target_is_a_warning_with_the_interval_reached(capsys):
    argv = ["ops", "--accelerators", "16384", "--trials", "10", "--ci-target", "0.00001", "--max-events", "1e6"]
    assert main([*argv, "--json"]) == 0
    out, err = capsys.readouterr()
    d = json.loads(out)
    lo, hi = d["goodput_ci95"]
    half = (hi - lo) / 2
    assert half > 0.00001  # not met: the event limit stopped the doubling
    # the reason is the limit that stopped the trials (here the event limit, which --max-events lifts)
    assert err == (
        f"warning: --ci-target 1e-05 not met: the goodput's 95 % half-width is {half:.3g} after {d['trials']:,} "
        f"trials; stopped at {d['trials']} trials (--max-events 1e+06 allows {d['trials']}) with a goodput "
        f"half-width of {half:.3g}, above the target 1e-05\n"
    )
    assert main(["ops", "--accelerators", "16384", "--trials", "10", "--ci-target", "0.5", "--json"]) == 0
    assert capsys.readouterr()[1] == ""  # met: nothing to say


# --------------------------------------------------------------------------------------------------------- dask


def _server(reply: bytes | None):
    """A TCP server on 127.0.0.1 that accepts and then says nothing (``reply`` None) or sends ``reply``."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    held, stop = [], threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            held.append(conn)
            if reply is not None:
                conn.sendall(reply)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()

    def close():
        stop.set()
        thread.join()
        for c in held:
            c.close()
        srv.close()

    return srv.getsockname()[1], close


@pytest.mark.parametrize("reply", [None, b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"])
def test_dask_against_a_server_that_is_not_a_scheduler_gives_up_in_time(capsys, monkeypatch, reply):
    monkeypatch.setattr(limits, "DASK_CONNECT_SECONDS", 2)
    port, close = _server(reply)
    try:
        t0 = time.perf_counter()
        line = one_error(capsys, 1, ["risk", "stargate", "--trials", "10", "--dask", f"tcp://127.0.0.1:{port}"])
        took = time.perf_counter() - t0
    finally:
        close()
    assert took < 2 + 8  # the stated limit, plus starting Dask's event loop on a busy machine
    assert f"--dask 'tcp://127.0.0.1:{port}'" in line
    if reply is None:
        assert "no answer from a Dask scheduler within 2 s (limits.DASK_CONNECT_SECONDS)" in line


def test_dask_refused_connection_fails_at_once(capsys):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now: the connection is refused
    t0 = time.perf_counter()
    line = one_error(capsys, 1, ["risk", "stargate", "--trials", "10", "--dask", f"tcp://127.0.0.1:{port}"])
    assert time.perf_counter() - t0 < limits.DASK_CONNECT_SECONDS  # refused is known at once, no waiting out
    assert line.startswith(f"error: --dask 'tcp://127.0.0.1:{port}': cannot reach a Dask scheduler (")
    assert line.endswith("Connection refused)")


def test_a_huge_value_is_named_not_echoed(capsys):
    # a 10,000-character --set value: the message keeps the field, the value's first 60 characters and its length
    from gigawatt.cli.core import main

    x = "x" * 10_000
    assert main(["run", "stargate", "--set", f"programme.start={x}"]) == 2
    err = capsys.readouterr().err
    assert "programme.start" in err and "(10,002 characters)" in err  # the value with its YAML quotes
    assert len(err) < 2_000


def test_shorten_keeps_short_messages_and_cuts_long_runs():
    from gigawatt.report.output import shorten

    assert (
        shorten("sites[0].power_mw: -5 is negative; expected >= 0")
        == "sites[0].power_mw: -5 is negative; expected >= 0"
    )
    cut = shorten("a: " + "y" * 500 + " b")
    assert cut == "a: " + "y" * 60 + "... (500 characters) b"
    assert len(shorten("z " * 5_000)) <= 2_000  # many short words: cut as a whole


def test_a_terminal_that_cannot_show_a_name_gets_replacements_not_a_traceback(tmp_path):
    # an ASCII-only stdout and a name with a zero-width space: exit 0, no UnicodeEncodeError
    import subprocess
    import sys

    f = tmp_path / "odd.yaml"
    f.write_text("extends: stargate\nname: 'caf\u00e9\u200b'\n", encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONIOENCODING": "ascii"}
    r = subprocess.run(
        [sys.executable, "-m", "gigawatt", "run", str(f)], capture_output=True, env=env, timeout=120, check=False
    )
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    assert b"Traceback" not in r.stderr


def test_ops_days_reads_plain_numbers_as_days_and_durations_in_their_unit(capsys):
    # --days 1e2 and 1,000 are days (they were read as hours: 4.17 and 41.7 days); '36 h' is 1.5 days
    for given, days in (("54", 54.0), ("1e2", 100.0), ("1,000", 1000.0), ("36 h", 1.5), ("2 weeks", 14.0)):
        assert main(["ops", "--accelerators", "1024", "--days", given, "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["days"] == days


def test_estimate_names_the_flag_the_user_typed(capsys):
    assert main(["estimate", "-a", "h100", "--power", "100", "--capex-per-mw", "$2B/MW"]) == 2
    err = capsys.readouterr().err
    assert "--capex-per-mw 2e+09 USD/MW is out of range" in err and "--capex-per-mw-usd" not in err

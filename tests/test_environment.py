"""The environment a command runs in (issue 20): a closed stdout, a deleted working folder, numba settings and caches
that numba itself fails on, an invalid MPLBACKEND, a Dask cluster far larger than the machine. Each is met with one
clear line and the documented exit code (1 the environment, 2 a setting the user gave), or handled and said."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

import gigawatt as gw
from gigawatt.cli.core import main


def _cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, " ".join(err.split())


def test_a_closed_stdout_is_one_error_line_and_exit_1():
    # the real thing: the shell's '>&-' closes file descriptor 1, and Python starts with sys.stdout None
    proc = subprocess.run(
        ["bash", "-c", f"exec '{sys.executable}' -m gigawatt run stargate >&-"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: standard output is closed")
    assert "Traceback" not in proc.stderr


def test_a_deleted_working_folder_is_one_error_line_and_exit_1(tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    code = (
        f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
        "from gigawatt.cli.core import main; sys.exit(main(['run', 'stargate']))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "error: the current folder no longer exists" in proc.stderr
    assert "cd to a folder that exists" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.5", "two"])
def test_numba_threads_setting_numba_cannot_use_is_refused_by_name(capsys, monkeypatch, value):
    monkeypatch.setenv("NUMBA_NUM_THREADS", value)
    code, out, err = _cli(capsys, "risk", "stargate", "--trials", "10")
    assert code == 2 and out == ""
    assert err == (
        f"error: NUMBA_NUM_THREADS={value!r}: expected a whole number >= 1 (the threads numba may start); "
        "unset it to use every core"
    )
    with pytest.raises(gw.GigawattError, match=r"^NUMBA_NUM_THREADS="):
        gw.risk("stargate", trials=10)


def test_a_usable_numba_threads_setting_is_left_alone(capsys, monkeypatch):
    monkeypatch.setenv("NUMBA_NUM_THREADS", "1")
    code, _, _ = _cli(capsys, "run", "stargate", "--json")
    assert code == 0


def test_an_invalid_mplbackend_does_not_stop_the_charts_and_is_put_back():
    # a fresh process: matplotlib reads MPLBACKEND once, when it is first imported
    code = textwrap.dedent(
        """
        import os
        os.environ["MPLBACKEND"] = "nonsense"
        from gigawatt.report.charts import headless_pyplot
        plt = headless_pyplot()
        fig = plt.figure()
        assert plt.get_backend().lower() == "agg", plt.get_backend()
        assert os.environ["MPLBACKEND"] == "nonsense"  # other programs gigawatt starts still see the user's setting
        print("ok")
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


KERNEL = textwrap.dedent(
    """
    import sys, warnings
    warnings.simplefilter("always")
    from numba import njit
    from gigawatt.engine import numba_cache
    numba_cache.tolerate_damage()

    @njit(cache=True)
    def triple(x):
        return 3 * x

    print(triple(14))
    """
)


def _kernel_run(folder, cache) -> subprocess.CompletedProcess:
    env = dict(os.environ, NUMBA_CACHE_DIR=str(cache), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, str(folder / "kernel.py")], capture_output=True, text=True, timeout=300, env=env
    )


def test_a_damaged_numba_cache_file_is_removed_and_compiled_again(tmp_path):
    (tmp_path / "kernel.py").write_text(KERNEL, encoding="utf-8")
    cache = tmp_path / "cache"
    first = _kernel_run(tmp_path, cache)
    assert first.returncode == 0 and first.stdout.strip() == "42", first.stderr
    files = [f for f in cache.rglob("*") if f.suffix in (".nbi", ".nbc")]
    assert files, "numba wrote no cache"
    for f in files:  # what a disk that filled mid-write leaves: bytes that are not a pickle
        f.write_bytes(b"\x1e\x00 not a cache")
    second = _kernel_run(tmp_path, cache)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == "42"  # the right answer, compiled again
    assert "could not be read (UnpicklingError); removed it; compiling again" in second.stderr
    third = _kernel_run(tmp_path, cache)
    assert third.returncode == 0 and third.stdout.strip() == "42"
    assert "could not be read" not in third.stderr  # cached anew


def test_an_unwritable_numba_cache_says_every_run_compiles_not_first_run_only(capsys, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(blocker / "cache"))  # under a file: no one can create it, root too
    import gigawatt.engine.compiled as compiled

    monkeypatch.setattr(compiled, "_compiled", None)
    from gigawatt.cli.risk import COMPILE_NOTICE, _compile_notice

    _compile_notice()
    err = " ".join(capsys.readouterr().err.split())
    assert COMPILE_NOTICE not in err
    assert err == (
        f"warning: compiling the engine on every run: numba's cache folder {blocker / 'cache'} cannot be written; "
        "set NUMBA_CACHE_DIR to a folder you can write to compile once"
    )


def test_a_local_dask_cluster_far_above_the_cores_is_refused_before_it_starts():
    from gigawatt.engine.cluster import connect
    from gigawatt.engine.work import threads

    most = 2 * threads()  # limits.DASK_LOCAL_WORKERS_PER_CORE = 2
    with pytest.raises(gw.GigawattError, match=rf"expected local:N with N from 1 to {most} worker processes"):
        connect(f"local:{most + 1}")
    with pytest.raises(gw.GigawattError, match=r"'local:0'"):
        connect("local:0")

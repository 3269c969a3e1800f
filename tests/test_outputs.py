"""--out respects the user (issue 10 item 5): a file the run read is never written over, a file gigawatt did not
write is replaced only with --force (the manifest says what gigawatt wrote), and a write that fails on the way
leaves the folder exactly as it was."""

import errno
import hashlib
import json
import os
import re

import pytest

from gigawatt.cli.core import main
from gigawatt.report import output
from gigawatt.report.output import MANIFEST, OutputError, OutputRefused, OutputSet

SCENARIO = """# my own notes: keep these comments
name: t
programme: {start: 2025-01, horizon_months: 24}
sites:
  - name: a
    phases:
      - {name: p1, power_mw: 100, start: 2025-02, accelerator: h100}  # the first hall
"""


def snapshot(folder):
    """Every file under ``folder`` (hidden ones too) with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_set(out, files, **kw):
    """Write ``files`` ({name: text}) as one OutputSet into ``out``; returns the final paths."""
    outset = OutputSet(out, **kw)
    outset.check(files)
    with outset:
        for name, text in files.items():
            output.write_text(outset.folder / name, text)
    return outset.written


def test_run_out_never_writes_over_the_scenario_it_read(capsys, tmp_path, monkeypatch):
    (tmp_path / "scenario.yaml").write_text(SCENARIO)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    for extra in ([], ["--force"]):  # --force lifts the manifest rule, never this one
        assert main(["run", "scenario.yaml", "--out", ".", *extra]) == 2
        err = capsys.readouterr()[1]
        assert err.startswith("error: --out .: would overwrite scenario.yaml, a file this run read")
        assert "Traceback" not in err and err.count("\n") == 1
        assert snapshot(tmp_path) == before  # the comments are still there, nothing else was written


def test_the_extends_chain_is_protected_too(capsys, tmp_path, monkeypatch):
    (tmp_path / "scenario.yaml").write_text(SCENARIO)  # the base, under the name run --out writes
    (tmp_path / "child.yaml").write_text("extends: scenario.yaml\nset: {name: child}\n")
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    assert main(["run", "child.yaml", "--out", ".", "--force"]) == 2
    assert "would overwrite scenario.yaml, a file this run read" in capsys.readouterr()[1]
    assert snapshot(tmp_path) == before


def test_a_hard_link_or_a_symlink_to_an_input_is_the_input(tmp_path):
    src = tmp_path / "mine.yaml"
    src.write_text(SCENARIO)
    out = tmp_path / "out"
    out.mkdir()
    os.link(src, out / "scenario.yaml")  # same inode, another name
    (out / "summary.json").symlink_to(src)
    before = snapshot(tmp_path)
    for name in ("scenario.yaml", "summary.json"):
        with pytest.raises(OutputRefused, match=f"would overwrite {re.escape(name)}, a file this run read"):
            write_set(out, {name: "x"}, protect=[src], force=True)
    assert snapshot(tmp_path) == before


def test_manifest_decides_what_may_be_replaced(tmp_path):
    out = tmp_path / "out"
    first = write_set(out, {"a.csv": "1\n", "b.json": "{}\n"})
    assert [p.name for p in first] == ["a.csv", "b.json"]
    manifest = json.loads((out / MANIFEST).read_text())["files"]
    assert manifest["a.csv"]["sha256"] == hashlib.sha256(b"1\n").hexdigest()
    (out / "notes.txt").write_text("mine")
    # gigawatt's own unchanged files are replaced silently; the user's notes stay
    write_set(out, {"a.csv": "2\n", "b.json": "{}\n"})
    assert (out / "a.csv").read_text() == "2\n" and (out / "notes.txt").read_text() == "mine"
    # a file gigawatt never wrote there, or one changed since, is refused without --force
    (out / "c.png").write_text("the user's own picture")
    (out / "a.csv").write_text("edited by hand\n")
    before = snapshot(out)
    with pytest.raises(OutputRefused, match=r"c\.png already exists and was not written by gigawatt; give --force"):
        write_set(out, {"c.png": "new"})
    with pytest.raises(OutputRefused, match=r"a\.csv already exists and was changed since gigawatt wrote it"):
        write_set(out, {"a.csv": "3\n"})
    assert snapshot(out) == before
    write_set(out, {"a.csv": "3\n", "c.png": "new"}, force=True)
    assert (out / "a.csv").read_text() == "3\n" and (out / "c.png").read_text() == "new"
    assert set(json.loads((out / MANIFEST).read_text())["files"]) == {"a.csv", "b.json", "c.png"}


def test_run_out_refuses_a_user_file_without_force(capsys, tmp_path):
    scenario = tmp_path / "s.yaml"
    scenario.write_text(SCENARIO)
    out = tmp_path / "results"
    out.mkdir()
    (out / "summary.json").write_text('{"mine": "hand-written, keep"}\n')
    before = snapshot(out)
    assert main(["run", str(scenario), "--out", str(out), "--json"]) == 2
    out_text, err = capsys.readouterr()
    assert out_text == "" and "summary.json already exists and was not written by gigawatt" in err
    assert snapshot(out) == before
    assert main(["run", str(scenario), "--out", str(out), "--force", "--json"]) == 0
    capsys.readouterr()
    assert json.loads((out / "summary.json").read_text())["scenario"] == "t"
    # and now gigawatt wrote it: the next run replaces it without --force
    assert main(["run", str(scenario), "--out", str(out), "--json"]) == 0


def test_a_failing_write_mid_set_leaves_the_folder_as_it_was(capsys, tmp_path, monkeypatch):
    scenario = tmp_path / "s.yaml"
    scenario.write_text(SCENARIO)
    out = tmp_path / "results"
    assert main(["run", str(scenario), "--out", str(out), "--json"]) == 0  # an earlier set
    (out / "notes.txt").write_text("mine")
    capsys.readouterr()
    before = snapshot(tmp_path)
    from gigawatt.report import charts

    def disk_full(result, folder):  # the tables are written, then the charts fail
        assert (folder / "summary.json").exists()
        raise OSError(errno.ENOSPC, "No space left on device", str(folder / ".buildout.png.x1y2.png"))

    monkeypatch.setattr(charts, "write_charts", disk_full)
    assert main(["run", str(scenario), "--out", str(out), "--set", "sites[0].phases[0].power_mw=200"]) == 1
    err = capsys.readouterr()[1].splitlines()[-1]  # after the scenario's warnings
    assert err.startswith(f"error: --out {out}: cannot write buildout.png (")
    assert "No space left on device" in err and "nothing in the folder was changed" in err
    assert snapshot(tmp_path) == before  # no new file, no half set, no staging folder left behind


def test_a_failing_move_puts_every_file_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_set(out, {"a.csv": "1", "b.csv": "1", "c.csv": "1"})
    before = snapshot(out)
    real = os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if str(dst).endswith("c.csv") and ".gigawatt-staging-" in str(src):
            raise OSError(errno.EIO, "Input/output error", str(dst))
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", flaky)
    with pytest.raises(OutputError, match=r"cannot write c\.csv"):
        write_set(out, {"a.csv": "2", "b.csv": "2", "c.csv": "2"})
    assert any(str(d).endswith("a.csv") for d in calls)  # a and b had been moved in before c failed
    assert snapshot(out) == before


def test_a_new_folder_appears_whole_or_not_at_all(tmp_path):
    out = tmp_path / "new" / "deeper" / "out"

    class Boom(Exception):
        pass

    with pytest.raises(Boom), OutputSet(out) as o:
        output.write_text(o.folder / "a.csv", "1")
        raise Boom
    assert list(tmp_path.iterdir()) == []  # not even the parents it created
    write_set(out, {"a.csv": "1"})
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "a.csv"]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask  # a plain mkdir's mode, not mkdtemp's 0700


@pytest.mark.parametrize("command", [["run", "stargate"], ["ops", "--accelerators", "64", "--trials", "5"]])
def test_out_empty_is_an_error(capsys, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--out", ""]) == 2
    err = capsys.readouterr()[1]
    assert err == "error: --out '': empty; expected a folder to write into, e.g. --out results\n"
    assert list(tmp_path.iterdir()) == []


def test_out_that_is_a_file(capsys, tmp_path):
    (tmp_path / "results").write_text("a file")
    assert main(["run", "stargate", "--out", str(tmp_path / "results")]) == 2
    assert "exists and is not a folder" in capsys.readouterr()[1]


def test_unwritable_out_is_exit_1_naming_the_path(capsys, tmp_path, monkeypatch):
    out = tmp_path / "locked"
    out.mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(out))

    monkeypatch.setattr(output.tempfile, "mkdtemp", refuse)
    assert main(["ops", "--accelerators", "64", "--trials", "5", "--out", str(out)]) == 1
    err = capsys.readouterr()[1]
    assert err == f"error: --out {out}: cannot write there (Permission denied)\n"
    assert list(out.iterdir()) == []


def test_ops_out_never_writes_over_its_config(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ops.json").write_text('{"accelerators": 64, "trials": 5}\n')  # YAML is a superset of JSON
    before = snapshot(tmp_path)
    assert main(["ops", "--config", "ops.json", "--out", ".", "--force"]) == 2
    assert "would overwrite ops.json, a file this run read" in capsys.readouterr()[1]
    assert snapshot(tmp_path) == before


def test_out_below_a_file_is_the_users_mistake(tmp_path, capsys):
    # --out afile/sub: no disk problem, a path that cannot be a folder; exit 2 naming the file
    from gigawatt.cli.core import main

    (tmp_path / "afile").write_text("x")
    assert main(["run", "stargate", "--out", str(tmp_path / "afile" / "sub")]) == 2
    err = capsys.readouterr().err
    assert "afile is a file, not a folder" in err
    assert (tmp_path / "afile").read_text() == "x"


def test_out_inside_the_gigawatt_package_is_refused(capsys):
    inside = output.PACKAGE / "data" / "my-results"
    assert main(["run", "stargate", "--out", str(inside)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"--out {inside}: inside the gigawatt package ({output.PACKAGE})" in err
    assert not inside.exists()


def test_concurrent_writers_of_one_folder_each_leave_a_whole_set_the_manifest_matches(tmp_path, monkeypatch):
    """Eight writers commit into one new --out at once (a barrier lines them up after staging): without the commit
    lock, all see no folder, the first renames its staging folder into place and the others fail half-way (or the
    manifest names another writer's files). With it, every writer succeeds and the folder is one writer's set."""
    import threading
    import time

    umask = output._umask

    def slow_umask():  # called between "is there a folder yet?" and the rename: widens that window so writers meet
        time.sleep(0.05)
        return umask()

    monkeypatch.setattr(output, "_umask", slow_umask)
    out = tmp_path / "shared"
    writers = 8
    barrier = threading.Barrier(writers)
    errors: list[BaseException] = []

    def write(k: int) -> None:
        try:
            with OutputSet(out) as o:
                for name in ("a.txt", "b.txt"):
                    output.write_text(o.folder / name, f"writer {k}\n")
                barrier.wait(timeout=60)
        except BaseException as exc:  # collected: an exception in a thread would otherwise pass unseen
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k,)) for k in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    a, b = (out / "a.txt").read_text(), (out / "b.txt").read_text()
    assert a == b  # both files from one writer
    manifest = json.loads((out / MANIFEST).read_text())["files"]
    for name in ("a.txt", "b.txt"):
        assert manifest[name]["sha256"] == hashlib.sha256((out / name).read_bytes()).hexdigest()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared"]  # no staging folder or lock file left
    assert sorted(p.name for p in out.iterdir()) == sorted([MANIFEST, "a.txt", "b.txt"])

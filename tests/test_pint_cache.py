"""pint's disk cache is this installation's own, and a cache that cannot be used is bypassed (issue 20, the
environment class): pint's shared ':auto:' folder kept the definition paths of the first environment that wrote it,
and once that environment was deleted every other one failed with FileNotFoundError."""

import os
import subprocess
import sys
import types

from gigawatt.units import _pint_cache_folder


def fake_pint(folder: str, version: str = "0.25"):
    return types.SimpleNamespace(__file__=os.path.join(folder, "pint", "__init__.py"), __version__=version)


def test_each_pint_installation_has_its_own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    a = _pint_cache_folder(fake_pint("/venv-a/site-packages"))
    b = _pint_cache_folder(fake_pint("/venv-b/site-packages"))
    c = _pint_cache_folder(fake_pint("/venv-a/site-packages", version="0.26"))
    assert len({a, b, c}) == 3
    assert a.startswith(str(tmp_path / "gigawatt" / "pint-"))
    assert a == _pint_cache_folder(fake_pint("/venv-a/site-packages"))  # the same installation finds its cache again


def run_units(env: dict) -> subprocess.CompletedProcess:
    # the registry itself (the common units are read without it)
    code = "from gigawatt.units import registry; print(registry().Quantity(1.2, 'GW').to('MW').magnitude)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


def test_units_read_with_a_cache_that_cannot_be_used(tmp_path):
    # XDG_CACHE_HOME is a file: no cache folder can be made under it, and 1.2 GW still reads as 1,200 MW
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    r = run_units({**os.environ, "XDG_CACHE_HOME": str(blocker)})
    assert r.returncode == 0, r.stderr
    assert float(r.stdout) == 1200.0  # 1.2 GW in MW, to the last digit pint prints
    # a damaged cache: every file in it overwritten with junk
    cache = tmp_path / "cache"
    assert run_units({**os.environ, "XDG_CACHE_HOME": str(cache)}).returncode == 0
    damaged = [p for p in cache.rglob("*") if p.is_file()]
    assert damaged  # the first run wrote its cache
    for p in damaged:
        p.write_bytes(b"junk")
    r = run_units({**os.environ, "XDG_CACHE_HOME": str(cache)})
    assert r.returncode == 0 and float(r.stdout) == 1200.0, r.stderr

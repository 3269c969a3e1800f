"""Where the compiled loop's cache and stamp live: where numba itself caches, read-only installations included, so
that the compile notice is said once per installation (numba's own cache locators are the oracle)."""

from pathlib import Path

from numba.core.caching import InTreeCacheLocator, UserWideCacheLocator

from gigawatt.engine import compiled


def _f():
    return 0


def test_writable_installation_caches_beside_the_source(tmp_path, monkeypatch):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    src = tmp_path / "pkg" / "loop.py"
    src.parent.mkdir()
    src.write_text("")
    assert compiled._cache_dir(str(src)) == Path(InTreeCacheLocator(_f, str(src)).get_cache_path())


def test_read_only_installation_caches_where_numba_does(tmp_path, monkeypatch):
    # /proc/sys refuses new folders even to root: an installation nobody can write into
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    src = "/proc/sys/gigawatt-read-only/loop.py"
    expected = UserWideCacheLocator(_f, src).get_cache_path()
    assert str(compiled._cache_dir(src)) == expected
    assert expected.startswith(str(tmp_path / "xdg"))


def test_numba_cache_dir_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path / "nc"))
    assert compiled._cache_dir("/proc/sys/x/loop.py") == tmp_path / "nc"

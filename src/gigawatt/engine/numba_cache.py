"""numba's disk cache, kept honest: numba checks only a compiled function's own file for changes, so a kernel that
calls functions of another file would keep their old machine code after an edit there. A stamp holding a hash of
every file a module's kernels are made of (and numba's version) makes a change to any of them drop the cache.

A damaged cache file (a disk that filled mid-write, a copy cut short) is removed and its function compiled again
(:func:`tolerate_damage`), and numba's own setting of threads is checked before numba reads it
(:func:`check_threads_setting`): both used to end in a traceback."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from importlib import metadata
from pathlib import Path

from gigawatt.errors import GigawattError, GigawattWarning


def sources_hash(files) -> str:
    """sha256 over the bytes of ``files`` and numba's version."""
    h = hashlib.sha256()
    for f in files:
        h.update(Path(f).read_bytes())
    with contextlib.suppress(metadata.PackageNotFoundError):
        h.update(metadata.version("numba").encode())
    return h.hexdigest()


def cache_folder(dispatcher) -> Path | None:
    """The folder where numba caches ``dispatcher``'s machine code (None without a cache, e.g. JIT disabled)."""
    path = getattr(getattr(dispatcher, "_cache", None), "_cache_path", None)
    return Path(path) if path else None


def forget_if_changed(name: str, files, dispatcher) -> bool:
    """Drop the cached machine code of module ``name`` (files ``name.*`` beside ``dispatcher``'s cache) when
    ``files`` changed since the last call; returns whether it did. Read-only caches are left as they are."""
    tolerate_damage()
    folder = cache_folder(dispatcher)
    if folder is None:
        return False
    stamp = folder / f"gigawatt-{name}.stamp"
    digest = sources_hash(files)
    with contextlib.suppress(OSError):
        if stamp.read_text().strip() == digest:
            return False
    try:
        for f in folder.glob(f"{name}.*"):
            if f.suffix in (".nbi", ".nbc"):
                f.unlink()
    except OSError:  # a read-only installation: numba caches elsewhere or not at all
        return False
    return write_stamp(stamp, digest)


def write_stamp(stamp: Path, digest: str) -> bool:
    """Record ``digest`` in ``stamp`` atomically; False where the folder cannot be written (a read-only install)."""
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        tmp = stamp.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(digest)
        os.replace(tmp, stamp)
    except OSError:
        return False
    return True


def check_threads_setting() -> None:
    """Refuse a ``NUMBA_NUM_THREADS`` that numba cannot use (0 makes ``import numba`` fail; a word is ignored), by
    name, before numba is imported."""
    text = os.environ.get("NUMBA_NUM_THREADS")
    if text is None or text.strip() == "":
        return
    if not text.strip().isdigit() or int(text) < 1:
        raise GigawattError(
            f"NUMBA_NUM_THREADS={text!r}: expected a whole number >= 1 (the threads numba may start); "
            "unset it to use every core"
        )


_tolerant = False


def tolerate_damage() -> None:
    """Make numba treat a cache file it cannot read as missing: the file is removed, a warning
    (:class:`GigawattWarning`) says where, and the function compiles again (and is cached anew where the folder can
    be written). numba itself lets the reading error through, so one damaged file failed every later run."""
    global _tolerant
    if _tolerant:
        return
    from numba.core import caching

    original = caching.Cache.load_overload

    def load_overload(self, sig, target_context):
        try:
            return original(self, sig, target_context)
        except Exception as exc:  # whatever a damaged file makes numba's readers raise (pickle, marshal, LLVM)
            index = Path(self._cache_file._index_path)
            stem = index.name.removesuffix(".nbi")
            removed = True
            for f in index.parent.glob(f"{stem}*"):
                try:
                    f.unlink()
                except OSError:
                    removed = False
            what = "removed it" if removed else "could not remove it (the folder is read-only)"
            warnings.warn(
                f"numba's cache file {index} could not be read ({type(exc).__name__}); {what}; compiling again",
                GigawattWarning,
                stacklevel=2,
            )
            return None

    caching.Cache.load_overload = load_overload
    _tolerant = True


def blas_without_linalg() -> bool:
    """Import scipy's BLAS table (``scipy.linalg.cython_blas``, the extension module itself) without the rest of
    ``scipy.linalg``; returns whether it did. numba imports that module as it loads its first kernel, only to check
    that a BLAS exists (``numba.np.arraymath``), and the import runs ``scipy.linalg``'s ``__init__``: LAPACK
    wrappers, the array-API layer and ``numpy.f2py`` that gigawatt never calls, 0.15-0.25 s of a ``gigawatt risk``
    process. Loaded alone, the same module is in ``sys.modules`` under its own name, so numba's check and any later
    ``import scipy.linalg`` (whose Cython parts take it from there) find it; only the attribute
    ``scipy.linalg.cython_blas`` is not set on the package, so the command line calls this, not the Python API."""
    if "scipy.linalg" in sys.modules or "scipy.linalg.cython_blas" in sys.modules:
        return False
    try:
        import scipy
    except ImportError:
        return False
    folder = Path(scipy.__file__).parent / "linalg"
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = folder / f"cython_blas{suffix}"
        if path.is_file():
            spec = importlib.util.spec_from_file_location("scipy.linalg.cython_blas", path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module
            try:
                spec.loader.exec_module(module)
            except Exception:  # an unusual build: leave it to numba's own import
                del sys.modules[spec.name]
                return False
            return True
    return False

"""numba's disk cache, kept honest: numba checks only a compiled function's own file for changes, so a kernel that
calls functions of another file would keep their old machine code after an edit there. A stamp holding a hash of
every file a module's kernels are made of (and numba's version) makes a change to any of them drop the cache."""

from __future__ import annotations

import contextlib
import hashlib
import os
from importlib import metadata
from pathlib import Path


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

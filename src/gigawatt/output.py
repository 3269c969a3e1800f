"""Files written for the user: atomically (a temp file in the same folder, then a rename), so a failed run never
leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from gigawatt.errors import GigawattError


def prepare_dir(path: str | Path) -> Path:
    """Create the output folder (and parents); a clear error if it cannot be."""
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise GigawattError(f"--out {path}: exists and is not a folder; expected a folder to write into")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GigawattError(f"--out {path}: cannot create the folder ({exc.strerror})") from None
    return out


def write_atomic(path: Path, writer: Callable[[str], None], suffix: str = "") -> Path:
    """Call ``writer(tmp_path)`` then rename the temp file onto ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix or path.suffix, dir=path.parent)
    os.close(fd)
    try:
        writer(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the permissions a plain open() would
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    def w(tmp):
        Path(tmp).write_text(text, encoding="utf-8")

    return write_atomic(path, w)


def finite(data):
    """The same data with NaN and infinities as null, so that the JSON is valid everywhere."""
    import math

    if isinstance(data, dict):
        return {k: finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [finite(v) for v in data]
    if isinstance(data, float) and not math.isfinite(data):
        return None
    if hasattr(data, "item") and getattr(data, "ndim", None) == 0:  # numpy scalars
        return finite(data.item())
    return data


def write_json(path: Path, data) -> Path:
    return write_text(path, json.dumps(finite(data), indent=2, default=str, allow_nan=False) + "\n")

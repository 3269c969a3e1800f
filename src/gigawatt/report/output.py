"""Files written for the user, as one set that respects what is already there.

- A command's files are written into a staging folder (inside ``--out`` when it exists, beside it when it does not)
  and moved in place only once all of them are written; a failure on the way leaves ``--out`` as it was.
- A file the run read (the scenario, its ``extends`` chain, an ops ``--config``) is never written over, ``--force``
  or not: compared by resolved path and by inode.
- A file already in ``--out`` is replaced only if gigawatt wrote it there and nobody changed it since (the manifest
  ``.gigawatt-manifest.json`` keeps the SHA-256 of what gigawatt wrote), or with ``--force``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from gigawatt.errors import EnvironmentFailure, GigawattError

MANIFEST = ".gigawatt-manifest.json"
MANIFEST_MAX_BYTES = 1 << 20  # a manifest lists a few dozen files: well under 10 kB
STAGING_PREFIX = ".gigawatt-staging-"


class OutputRefused(GigawattError):
    """The user asked for a write that would destroy something (an input, a file gigawatt did not write): exit 2."""


class OutputError(EnvironmentFailure):
    """The folder cannot be written (permissions, a full disk, a read-only file system): exit 1."""


def _label(out: str | Path) -> str:
    return f"--out {str(out)!r}" if str(out) != str(out).strip() or not str(out) else f"--out {out}"


_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks (ended by BEL or ST)
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def plain(text) -> str:
    """User text made safe to show: escape sequences and control characters (but not newlines or tabs) removed,
    bidirectional overrides too. (The CLI's consoles interpret no rich markup, so brackets need no escaping.)"""
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))


_LONG_RUN = re.compile(r"\S{121,}")  # a run of text longer than any name, path or number a message needs in full
MESSAGE_MAX_CHARS = 2000  # an error message quotes the user's value; a 10,000-character value is shortened


def shorten(message: str) -> str:
    """A message with every run of over 120 non-space characters cut to its first 60 and its length: a huge value
    the user typed (a 10,000-character --set) is named, not echoed; the whole message stays under 2,000 characters."""

    def cut(m: re.Match) -> str:
        s = m.group(0)
        return f"{s[:60]}... ({len(s):,} characters)"

    text = _LONG_RUN.sub(cut, message)
    if len(text) > MESSAGE_MAX_CHARS:
        text = text[: MESSAGE_MAX_CHARS - 30] + f"... ({len(message):,} characters)"
    return text


def check_out(out: str | Path | None) -> Path | None:
    """``--out`` as a Path, or a clear error for a value that cannot be a folder (``''``, a file)."""
    if out is None:
        return None
    text = os.fspath(out)
    if not text.strip():
        raise OutputRefused(f"{_label(out)}: empty; expected a folder to write into, e.g. --out results")
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise OutputRefused(f"{_label(out)}: exists and is not a folder; expected a folder to write into")
    for parent in path.parents:  # a/b where a is a file: the user's mistake (exit 2), not the disk's
        if parent.exists():
            if not parent.is_dir():
                raise OutputRefused(f"{_label(out)}: {parent} is a file, not a folder; expected a folder to write into")
            break
    with contextlib.suppress(OSError, RuntimeError):
        if path.resolve().is_relative_to(PACKAGE):
            raise OutputRefused(
                f"{_label(out)}: inside the gigawatt package ({PACKAGE}), whose data files a run reads; expected a "
                "folder of your own, e.g. --out results"
            )
    return path


PACKAGE = Path(__file__).resolve().parents[1]  # the installed gigawatt package (report/ is one of its folders)


@contextlib.contextmanager
def _commit_lock(folder: Path):
    """An exclusive lock on ``folder`` (the parent of --out) while one process moves its files in: two commands
    writing the same --out at once then each leave a whole set and a manifest that matches it (the last one wins),
    instead of one failing half-way or the manifest naming the other's files. flock on the folder itself: no lock
    file is left behind, and the lock goes with the process if it dies."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _identity(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(folder: Path) -> dict[str, dict]:
    """``{file name: {"sha256": ..., "bytes": ...}}`` of what gigawatt wrote in ``folder`` (empty if unknown)."""
    path = folder / MANIFEST
    try:
        # a manifest gigawatt wrote is a small regular file; anything else (a link to /dev/zero, a pipe, a huge
        # file) is not ours and is treated as no manifest, so nothing in the folder counts as written by gigawatt
        st = path.lstat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > MANIFEST_MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))  # RecursionError: nested 100,000 deep
        files = data["files"]
        return {str(k): dict(v) for k, v in files.items() if isinstance(v, dict)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return {}


class OutputSet:
    """The files of one command, written as a set.

    >>> with OutputSet(out, protect=[scenario_file], force=False) as o:   # doctest: +SKIP
    ...     write_text(o.folder / "summary.json", text)
    >>> o.written   # final paths, in the order the files were written            # doctest: +SKIP
    """

    def __init__(self, out: str | Path, *, force: bool = False, protect: Iterable[str | Path] = ()):
        self.out = check_out(out)
        self.force = force
        self.protect = [Path(p) for p in protect if p is not None and os.fspath(p)]
        self.folder: Path | None = None
        self.written: list[Path] = []
        self._created: list[Path] = []

    # --- checks -------------------------------------------------------------------------------------------------
    def check(self, names: Iterable[str]) -> None:
        """Refuse (before any work) names that would overwrite an input or a file gigawatt did not write."""
        out = self.out
        if not out.exists():
            return
        mpath = out / MANIFEST
        if not self.force and (mpath.exists() or mpath.is_symlink()):
            st = mpath.lstat()
            if not stat.S_ISREG(st.st_mode) or st.st_size > MANIFEST_MAX_BYTES:
                raise OutputRefused(
                    f"{_label(out)}: {MANIFEST} is not a manifest gigawatt wrote (a link, a device or an oversize "
                    "file); give --force to replace it, or choose another folder for --out"
                )
        manifest = read_manifest(out)
        guarded = {}
        for p in self.protect:
            with contextlib.suppress(OSError, RuntimeError):
                guarded[p.resolve()] = p
            ident = _identity(p)
            if ident is not None:
                guarded[ident] = p
        for name in names:
            target = out / name
            if not (target.exists() or target.is_symlink()):
                continue
            hit = None
            with contextlib.suppress(OSError, RuntimeError):
                hit = guarded.get(target.resolve())
            hit = hit or guarded.get(_identity(target))
            if hit is not None:
                raise OutputRefused(
                    f"{_label(out)}: would overwrite {name}, a file this run read ({hit}); "
                    "choose another folder for --out"
                )
            if target.is_dir() and not target.is_symlink():
                raise OutputRefused(f"{_label(out)}: {name} is a folder; expected a folder where {name} can be written")
            if self.force:
                continue
            known = manifest.get(name)
            unchanged = known is not None and target.is_file() and not target.is_symlink()
            if unchanged:
                try:
                    unchanged = _sha256(target) == known.get("sha256")
                except OSError:
                    unchanged = False
            if not unchanged:
                why = "was changed since gigawatt wrote it" if known is not None else "was not written by gigawatt"
                raise OutputRefused(
                    f"{_label(out)}: {name} already exists and {why}; give --force to replace it, "
                    "or choose another folder for --out"
                )

    # --- staging and commit --------------------------------------------------------------------------------------
    def __enter__(self) -> OutputSet:
        out = self.out
        try:
            if out.exists():
                self.folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
            else:
                parent = out.parent
                missing = []
                while not parent.exists():
                    missing.append(parent)
                    parent = parent.parent
                for d in reversed(missing):
                    d.mkdir()
                    self._created.append(d)
                self.folder = Path(tempfile.mkdtemp(prefix=f".{out.name}{STAGING_PREFIX}", dir=out.parent))
        except OSError as exc:
            self._cleanup()
            raise OutputError(f"{_label(out)}: cannot write there ({exc.strerror or exc})") from None
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is not None:
            self._cleanup()
            if isinstance(exc, OSError):
                raise self._as_error(exc) from None
            return False
        try:
            with _commit_lock(self.out.parent):
                self._commit()
        except OSError as err:
            self._cleanup()
            raise self._as_error(err) from None
        except BaseException:
            self._cleanup()
            raise
        self._cleanup()
        return False

    def _as_error(self, exc: OSError) -> OutputError:
        name = Path(exc.filename).name if exc.filename else ""
        parts = name[1:].split(".")
        if name.startswith(".") and len(parts) > 2:  # write_atomic's ".NAME.RANDOM.SUFFIX": say which file it was
            name = ".".join(parts[:-2])
        what = f" {name}" if name else ""
        return OutputError(
            f"{_label(self.out)}: cannot write{what} ({exc.strerror or exc}); nothing in the folder was changed"
        )

    def _commit(self) -> None:
        staged = sorted(p.name for p in self.folder.iterdir() if p.is_file() and not p.name.startswith("."))
        self.check(staged)  # again, on the real names (the folder may have changed while the run ran)
        manifest = read_manifest(self.out) if self.out.exists() else {}
        for name in staged:
            p = self.folder / name
            manifest[name] = {"sha256": _sha256(p), "bytes": p.stat().st_size}
        write_json(self.folder / MANIFEST, {"written_by": "gigawatt", "files": manifest}, sort_keys=True)
        if not self.out.exists():
            os.chmod(self.folder, 0o777 & ~_umask())  # mkdtemp makes 0700; give the folder a plain mkdir's mode
            os.rename(self.folder, self.out)
            self.folder = None
            self._created.clear()
        else:
            self._move_in([*staged, MANIFEST])
        self.written = [self.out / name for name in staged]

    def _move_in(self, names: list[str]) -> None:
        """Move the staged files onto their targets; on a failure, put every target back as it was."""
        backup = self.folder / ".replaced"
        backup.mkdir()
        moved: list[tuple[str, bool]] = []
        try:
            for name in names:
                target = self.out / name
                had = target.exists() or target.is_symlink()
                if had:
                    os.replace(target, backup / name)
                moved.append((name, had))
                os.replace(self.folder / name, target)
        except BaseException:
            for name, had in reversed(moved):
                target = self.out / name
                with contextlib.suppress(OSError):
                    if not (self.folder / name).exists():  # the new file was moved in: take it out again
                        os.unlink(target)
                    if had:
                        os.replace(backup / name, target)
            raise

    def _cleanup(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        for d in reversed(self._created):
            with contextlib.suppress(OSError):
                d.rmdir()
        self._created.clear()


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def write_atomic(path: Path, writer: Callable[[str], None], suffix: str = "") -> Path:
    """Call ``writer(tmp_path)`` then rename the temp file onto ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix or path.suffix, dir=path.parent)
    os.close(fd)
    try:
        writer(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the permissions a plain open() would
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


def write_json(path: Path, data, sort_keys: bool = False) -> Path:
    text = json.dumps(finite(data), indent=2, default=str, allow_nan=False, sort_keys=sort_keys)
    return write_text(path, text + "\n")

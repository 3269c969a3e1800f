"""Reading YAML files within the limits of gigawatt.limits: scenario files, their ``extends:`` chain, ops configs.

One bounded read of a regular UTF-8 file, then one pass over the YAML event stream that refuses anchors and aliases,
deep nesting, too many values and over-long numbers before anything is built, then construction with a safe loader
that refuses duplicate keys and reads plain scalars by YAML 1.2's core schema (:class:`Yaml12Resolver`): ``1:30`` and
``2026-06-15`` are text, ``010`` is ten, ``NO``, ``yes`` and ``on`` are text; only ``true``/``false`` are booleans.
Every refusal is an :class:`~gigawatt.errors.InputFileError` whose message starts with the file (or flag) it concerns.
docs/limits.md lists the limits.
"""

from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from gigawatt.errors import InputFileError
from gigawatt.limits import (
    MAX_ALIASES,
    MAX_FILE_BYTES,
    MAX_NESTING,
    MAX_UNIT_STRING,
    MAX_YAML_NODES,
    MAX_YAML_SCALAR_CHARS,
)
from gigawatt.units import DOT_GROUP


def read_text_file(path: str | Path, shown: str | None = None) -> str:
    """The text of a regular UTF-8 file of at most :data:`~gigawatt.limits.MAX_FILE_BYTES`, read in one bounded read.

    Devices (``/dev/zero``), named pipes and sockets are refused before anything is read (the file is opened
    non-blocking, so a pipe cannot hang the read); a file that grows past the cap while it is read is refused too.
    Raises :class:`~gigawatt.errors.InputFileError` naming ``shown`` (default: the path).
    """
    shown = str(path) if shown is None else shown
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputFileError(f"{shown}: no such file; expected a YAML file") from None
    except IsADirectoryError:
        raise InputFileError(f"{shown}: is a folder; expected a YAML file") from None
    except OSError as exc:
        raise InputFileError(
            f"{shown}: cannot be opened ({exc.strerror or exc}); expected a readable YAML file"
        ) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputFileError(f"{shown}: is a folder; expected a YAML file")
        raise InputFileError(
            f"{shown}: is not a regular file (a device, a named pipe or a socket); expected a YAML file"
        )
    with os.fdopen(fd, "rb") as f:
        too_big = (
            f"expected at most {MAX_FILE_BYTES:,} bytes (limits.MAX_FILE_BYTES; a scenario or config file is a few kB)"
        )
        if info.st_size > MAX_FILE_BYTES:
            raise InputFileError(f"{shown}: is {info.st_size:,} bytes; {too_big}")
        try:
            data = f.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise InputFileError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputFileError(f"{shown}: grew past {MAX_FILE_BYTES:,} bytes while it was read; {too_big}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputFileError(f"{shown}: is UTF-16 text; expected UTF-8 (save the file as UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(
            f"{shown}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}); expected a YAML file saved "
            "as UTF-8"
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputFileError(f"{shown}: holds a NUL byte at line {line}; expected a text (YAML) file, not binary data")
    return text


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.2's core schema (yaml.org/spec/1.2.2, 10.3.2): the only plain scalars that are not text. PyYAML implements
# YAML 1.1, whose extra forms read what a person wrote as something else: 1:30 as 90 (base 60), 010 as 8 (octal),
# NO (Norway), yes, on and off as booleans, 1_000 as 1000, 2026-06-15 as a date.
CORE_SCHEMA = (
    ("tag:yaml.org,2002:null", r"(?:~|null|Null|NULL|)", "~nN"),
    ("tag:yaml.org,2002:bool", r"(?:true|True|TRUE|false|False|FALSE)", "tTfF"),
    ("tag:yaml.org,2002:int", r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))",
        "-+.0123456789",
    ),
)


class Yaml12Resolver:
    """Mixin: a PyYAML loader's implicit resolvers and scalar constructors replaced by YAML 1.2's core schema."""

    yaml_implicit_resolvers: dict = {}  # noqa: RUF012 (PyYAML's own class-level table, filled below)


for _tag, _pattern, _first in CORE_SCHEMA:
    for _char in _first:
        Yaml12Resolver.yaml_implicit_resolvers.setdefault(_char, []).append((_tag, re.compile(_pattern + r"\Z")))
Yaml12Resolver.yaml_implicit_resolvers.setdefault("", []).append(("tag:yaml.org,2002:null", re.compile(r"\Z")))


def _core_int(loader, node) -> int:
    text = loader.construct_scalar(node)
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)  # decimal, leading zeros and all: 010 is ten
    if re.fullmatch(r"0o[0-7]+", text):
        return int(text[2:], 8)
    if re.fullmatch(r"0x[0-9a-fA-F]+", text):
        return int(text[2:], 16)
    raise yaml.constructor.ConstructorError(
        None, None, f"{text!r} is not an integer in YAML 1.2 (decimal, 0o octal or 0x hex)", node.start_mark
    )


def _core_float(loader, node) -> float | str:
    text = loader.construct_scalar(node)
    special = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
    if text.lower() in special:
        return special[text.lower()]
    if DOT_GROUP.fullmatch(text.lstrip("+-")):
        return text  # "1.200": 1.2 or 1,200? kept as written, so that a quantity field refuses it naming both readings
    if re.fullmatch(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?", text):
        return float(text)
    raise yaml.constructor.ConstructorError(None, None, f"{text!r} is not a number in YAML 1.2", node.start_mark)


def _core_bool(loader, node) -> bool:
    text = loader.construct_scalar(node)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    raise yaml.constructor.ConstructorError(None, None, f"{text!r} is not true or false", node.start_mark)


_NUMBER_LIKE = re.compile(r"[-+]?\.?[0-9][0-9_,.:]*(?:[eE][-+]?[0-9]+)?")


class _DuplicateKey(Exception):
    def __init__(self, key, line: str, first: str):
        super().__init__(key, line, first)
        self.key, self.line, self.first = key, line, first


class _StrictLoader(Yaml12Resolver, _Loader):
    """YAML's safe loader, reading plain scalars by YAML 1.2's core schema, that refuses a key given twice in one
    mapping (plain YAML keeps the last silently)."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                mark = key_node.start_mark
                try:
                    if key in seen:
                        first = seen[key]
                        same = first.line == mark.line  # on one line (a flow mapping): columns tell them apart
                        here = f"line {mark.line + 1}" + (f", column {mark.column + 1}" if same else "")
                        where = f"line {first.line + 1}" + (f", column {first.column + 1}" if same else "")
                        raise _DuplicateKey(key, here, where)
                    seen[key] = mark
                except TypeError:  # an unhashable key: the base constructor says so
                    continue
        return super().construct_mapping(node, deep=deep)


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _core_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _core_float)
_StrictLoader.add_constructor("tag:yaml.org,2002:bool", _core_bool)


class _SafeDumper(yaml.SafeDumper):
    """PyYAML's safe dumper that quotes every string a YAML 1.1 or a YAML 1.2 reader would take for something else
    ('NO', '010', '1:30', '0o17', '1e5'), so that what gigawatt writes reads back the same in either."""

    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML's own class-level table)
        char: [
            *yaml.SafeDumper.yaml_implicit_resolvers.get(char, []),
            *Yaml12Resolver.yaml_implicit_resolvers.get(char, []),
        ]
        for char in {*yaml.SafeDumper.yaml_implicit_resolvers, *Yaml12Resolver.yaml_implicit_resolvers}
    }


def dump_yaml(data: Any) -> str:
    """``data`` as block YAML, keys in their order, every string that could be misread quoted (:class:`_SafeDumper`)."""
    return yaml.dump(data, Dumper=_SafeDumper, sort_keys=False, allow_unicode=True, width=120)


def _check_events(text: str, origin: str) -> None:
    """One pass over the YAML event stream, before anything is built: anchors and aliases, depth, node count and
    over-long numbers are refused here, so no input can expand, recurse or grow during construction."""
    loader = _Loader(text)
    depth = nodes = aliases = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1 if event.start_mark else "?"
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                aliases += 1
                if aliases > MAX_ALIASES:
                    mark = "*" if isinstance(event, yaml.AliasEvent) else "&"
                    raise InputFileError(
                        f"{origin}: line {line}: YAML anchor or alias {mark}{anchor} is not allowed "
                        f"(limits.MAX_ALIASES = {MAX_ALIASES}: expanding them is how 'billion laughs' files grow "
                        "without bound); expected the values written out"
                    )
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                depth += 1
                nodes += 1
                if depth > MAX_NESTING:
                    raise InputFileError(
                        f"{origin}: line {line}: mappings and lists nested more than {MAX_NESTING} deep; expected at "
                        f"most {MAX_NESTING} levels (limits.MAX_NESTING; a scenario needs about 8)"
                    )
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1
            elif isinstance(event, yaml.ScalarEvent):
                nodes += 1
                value = event.value
                if len(value) > MAX_YAML_SCALAR_CHARS:
                    raise InputFileError(
                        f"{origin}: line {line}: a value of {len(value):,} characters; expected at most "
                        f"{MAX_YAML_SCALAR_CHARS:,} (limits.MAX_YAML_SCALAR_CHARS)"
                    )
                if event.implicit[0] and len(value) > MAX_UNIT_STRING and _NUMBER_LIKE.fullmatch(value):
                    raise InputFileError(
                        f"{origin}: line {line}: the number {value[:20]}... has {len(value):,} characters; expected "
                        f"an ordinary number of at most {MAX_UNIT_STRING} characters (limits.MAX_UNIT_STRING)"
                    )
            if nodes > MAX_YAML_NODES:
                raise InputFileError(
                    f"{origin}: line {line}: more than {MAX_YAML_NODES:,} values; expected a scenario or config of at "
                    f"most {MAX_YAML_NODES:,} (limits.MAX_YAML_NODES; a built-in scenario has under 1,000)"
                )
    finally:
        loader.dispose()


def _yaml_error(exc: yaml.YAMLError, origin: str) -> InputFileError:
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = getattr(exc, "problem", None) or str(exc)
    if "nesting depth" in problem:  # libyaml's own cap (1,000 flow levels) struck before ours
        return InputFileError(
            f"{origin}: line {mark.line + 1 if mark else '?'}: mappings and lists nested more than {MAX_NESTING} "
            f"deep; expected at most {MAX_NESTING} levels (limits.MAX_NESTING; a scenario needs about 8)"
        )
    return InputFileError(f"{origin}: malformed YAML{where}: {problem}")


def parse_yaml_text(text: str, origin: str) -> Any:
    """YAML text -> plain data, within the limits of gigawatt.limits (see :func:`_check_events`).

    Duplicate keys are refused with their line. Tags other than YAML's own never construct anything (safe loader).
    Raises :class:`~gigawatt.errors.InputFileError` whose message starts with ``origin``.
    """
    try:
        _check_events(text, origin)
        return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, origin) from None
    except _DuplicateKey as dup:
        raise InputFileError(
            f"{origin}: {dup.line}: duplicate key {dup.key!r} (first given at {dup.first}); expected each key once "
            "in a mapping (YAML would keep only the last, silently)"
        ) from None
    except (ValueError, OverflowError) as exc:  # e.g. an integer beyond Python's digit limit
        raise InputFileError(
            f"{origin}: a value cannot be read ({exc}); expected ordinary numbers and real dates (a month like 2026-06)"
        ) from None


def nonfinite_paths(tree: Any, here: str = "") -> list[str]:
    """``path: value`` for every float in ``tree`` that is NaN or infinite (YAML's .nan, .inf, 1.0e+999)."""
    found: list[str] = []
    stack = [(here, tree)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((f"{path}.{k}" if path else str(k), v) for k, v in reversed(node.items()))
        elif isinstance(node, list | tuple):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(node))))
        elif isinstance(node, float) and not math.isfinite(node):
            found.append(f"{path or 'the value'}: {node} is not a finite number; expected a finite number")
    return found


def read_yaml_file(path: str | Path, what: str = "") -> Any:
    """Read a YAML file (a scenario, an ops ``--config``) within the limits of gigawatt.limits.

    Regular files only, a bounded read, UTF-8, no anchors or aliases, a depth and a node cap, duplicate keys
    refused with their line, NaN and infinity refused with their path. ``what`` (e.g. ``"--config"``) is shown
    before the path in messages. Raises :class:`~gigawatt.errors.InputFileError`.
    """
    shown = f"{what} {path}" if what else str(path)
    data = parse_yaml_text(read_text_file(path, shown), shown)
    bad = nonfinite_paths(data)
    if bad:
        raise InputFileError(f"{shown}: " + ("; ".join(bad) if len(bad) < 4 else f"{bad[0]} (and {len(bad) - 1} more)"))
    return data

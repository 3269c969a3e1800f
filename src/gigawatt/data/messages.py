"""Pydantic's validation errors as gigawatt's messages: one line per problem, naming the field's path, the value and
what was expected. Shared by the scenario loader (gigawatt.data.loading) and by the scenario's own check of a field
set after loading (gigawatt.data.scenario)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from gigawatt.units import number_hint


class DictOf:
    """Schema marker: a mapping with free keys whose values follow ``inner``."""

    def __init__(self, inner):
        self.inner = inner


def field_model(model, key: str):
    """The schema under field ``key`` of ``model``: a model class (lists are transparent), a DictOf, or None."""
    import typing

    ann = model.model_fields[key].annotation

    def find(tp):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp
        if typing.get_origin(tp) is dict:
            inner = find(typing.get_args(tp)[1])
            return DictOf(inner) if inner is not None else None
        for arg in typing.get_args(tp):
            found = find(arg)
            if found is not None:
                return found
        return None

    return find(ann)


def _loc(loc: tuple) -> str:
    out = ""
    for part in loc:
        if part == "[key]":  # a mapping's key failed (an accelerator_overrides name): the path ends at the key
            continue
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_CROSS_CHECK_PREFIXES = ("sites", "partners", "supply_caps", "accelerator_overrides")


def format_validation_error(exc: ValidationError, root: type[BaseModel]) -> list[str]:
    """One readable line per pydantic error: path, value, what was expected. ``root``: the model the paths start
    from (to list a model's fields after an unknown one)."""
    lines = []
    for err in exc.errors(include_url=False):
        path = _loc(tuple(p for p in err["loc"] if p not in ("function-after[_cross_checks()]",)))
        msg = err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        kind = err["type"]
        value = err.get("input")
        if kind == "missing":
            lines.append(f"{path}: missing; this field is required")
        elif kind == "extra_forbidden":
            parent_path, _, field = path.rpartition(".")
            lines.append(f"{path}: unknown field {field!r}{_allowed(parent_path, root)}")
        elif kind == "value_error" and (not path or msg.startswith(_CROSS_CHECK_PREFIXES)):
            lines.extend(msg.split("\n"))  # cross-field checks carry their own field paths
        elif kind == "value_error" and (isinstance(value, dict) or msg.startswith("unknown ")):
            lines.append(f"{path}: {msg}")  # a rule over several fields of this item, or a name that names itself
        else:
            shown = short(value)
            lines.append(f"{path}: {shown} {_expected(kind, msg, err)}" if path else msg)
    return lines


def short(value) -> str:
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


def _expected(kind: str, msg: str, err: dict) -> str:
    ctx = err.get("ctx") or {}
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        op = {"greater_than_equal": ">=", "greater_than": ">", "less_than_equal": "<=", "less_than": "<"}[kind]
        bound = next(iter(ctx.values()), "")
        if isinstance(bound, int | float) and not isinstance(bound, bool):
            bound = f"{bound:,.0f}" if bound == int(bound) and abs(bound) < 1e7 else f"{bound:g}"
        what = (
            "is negative"
            if op in (">=", ">") and bound == "0" and isinstance(err.get("input"), int | float) and err["input"] < 0
            else "is out of range"
        )
        return f"{what}; expected {op} {bound}"
    if kind == "finite_number":
        return "is not a finite number; expected a finite number"
    if kind == "literal_error":
        return f"is not allowed; expected {ctx.get('expected', msg)}"
    value = err.get("input")
    if kind == "string_type" and isinstance(value, dict) and len(value) == 1 and None in value.values():
        key = next(iter(value))  # 'accelerator: newest:' or '- newest:' in YAML: a key with nothing after it
        return (
            f"is a mapping, not text: YAML reads {f'{key}:'!r}, with the colon at its end, as a key; expected text "
            f"(write {f'{key}:'!r} in quotes, or leave the colon out)"
        )
    if kind.endswith("_type") or kind.endswith("_parsing"):
        hint = number_hint(err["input"]) if kind.endswith("_parsing") and isinstance(err.get("input"), str) else ""
        return f"is not a number{hint}" if hint else f"has the wrong type; {msg[0].lower()}{msg[1:]}"
    return f"is invalid: {msg}"


def _allowed(parent_path: str, root: type[BaseModel]) -> str:
    model: Any = root
    for part in re.sub(r"\[[^\]]*\]", "", parent_path).split(".") if parent_path else []:
        if model is None or part not in getattr(model, "model_fields", {}):
            return ""
        model = field_model(model, part)
    if model is None:
        return ""
    return f"; expected one of: {', '.join(model.model_fields)}"

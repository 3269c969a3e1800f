"""Reading scenarios: built-in names and files, ``extends``/``set``, ``--set`` overrides, sources and
distributions written beside values, and error messages that name the field.

Loading goes: YAML text (read within limits by gigawatt.data.reading) -> ``extends``/``set`` and ``--set`` overrides
applied to the raw tree -> sourced values and distributions unwrapped (kept by field path) -> NaN and infinity
refused -> validation by pydantic (gigawatt.data.scenario) -> cross-field checks -> distributions parsed with their
field's own validator. Every problem is reported with its field path, the value and what was expected.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from gigawatt.data import power_basis, ramps
from gigawatt.data.catalog import Provenance, defaults
from gigawatt.data.messages import DictOf, field_model, format_validation_error
from gigawatt.data.messages import short as _short
from gigawatt.data.reading import nonfinite_paths, parse_yaml_text, read_text_file
from gigawatt.data.reading import read_yaml_file as read_yaml_file  # re-exported: ops --config is read with it
from gigawatt.data.scenario import PROVENANCE_KEYS, PowerSource, Scenario, check_references
from gigawatt.errors import GigawattError, InputFileError, ScenarioError
from gigawatt.limits import MAX_EXTENDS_DEPTH, MAX_SET_OVERRIDES
from gigawatt.units import month_index, parse_quantity


def builtin_names() -> list[str]:
    """Names of the scenarios shipped with gigawatt."""
    folder = resources.files("gigawatt.data").joinpath("scenarios")
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


# --- built-in names, files and extends ----------------------------------------------------------------------------


def _is_path(ref: str) -> bool:
    """Whether ``ref`` is written as a path (a folder separator or a YAML suffix) rather than a bare name."""
    return "/" in ref or os.sep in ref or ref.endswith((".yaml", ".yml"))


def _read_source(
    ref: str, folder: Path | None, notes: list[str], files: list[Path]
) -> tuple[str, str, tuple[str, str]]:
    """Text, display origin and identity of a built-in name or a path (relative to ``folder``, else the cwd).

    The rule: a bare name that is a built-in scenario is the built-in; anything else is a path. When a file of
    that bare name exists as well, a note saying which was taken goes to ``notes``. Files read go to ``files``.
    """
    if not ref.strip():
        raise InputFileError(
            f"no scenario given (an empty name); expected a built-in name ({', '.join(builtin_names())}) or a path "
            "to a YAML file"
        )
    if not _is_path(ref) and ref in builtin_names():
        local = (folder or Path.cwd()) / ref
        if os.path.lexists(local):
            shown = local if folder else Path(ref)
            notes.append(
                f"{ref!r} is the built-in scenario {ref!r}; the file {str(shown)!r} was not read "
                f"(write ./{shown} to use the file)"
            )
        res = resources.files("gigawatt.data").joinpath("scenarios").joinpath(f"{ref}.yaml")
        return res.read_text(encoding="utf-8"), f"built-in scenario {ref!r}", ("builtin", ref)
    path = Path(ref)
    if folder is not None and not path.is_absolute():
        path = folder / path
    if not os.path.lexists(path):
        where = f" (looked for {path}, relative to the file that names it)" if folder is not None else ""
        raise InputFileError(
            f"no scenario {ref!r}: not a built-in name ({', '.join(builtin_names())}) and no such file{where}"
        )
    text = read_text_file(path, str(path))
    files.append(Path(os.path.realpath(path)))
    return text, str(path), ("file", os.path.realpath(path))


def _parse_yaml(text: str, origin: str) -> dict:
    tree = parse_yaml_text(text, origin)
    if tree is None:
        raise InputFileError(f"{origin}: the file is empty; expected a scenario (see 'gigawatt schema')")
    if not isinstance(tree, dict):
        raise InputFileError(
            f"{origin}: the top level is a {type(tree).__name__}; expected a mapping with name, programme, sites, ..."
        )
    return tree


def _raw_tree(
    ref: str,
    folder: Path | None = None,
    chain: tuple[tuple[tuple[str, str], str], ...] = (),
    notes: list[str] | None = None,
    files: list[Path] | None = None,
) -> tuple[dict, str]:
    """The raw tree of ``ref`` with its ``extends:`` chain merged and its ``set:`` applied.

    ``extends:`` is resolved relative to the folder of the file that names it (built-ins extend built-ins only).
    """
    notes = [] if notes is None else notes
    files = [] if files is None else files
    text, origin, key = _read_source(ref, folder, notes, files)
    for seen_key, _ in chain:
        if seen_key == key:
            names = " -> ".join((*(o for _, o in chain), origin))
            raise InputFileError(f"{chain[-1][1]}: extends: {ref!r} makes a cycle ({names})")
    tree = _parse_yaml(text, origin)
    parent = tree.pop("extends", None)
    sets = tree.pop("set", None) or {}
    if parent is not None:
        if not isinstance(parent, str) or not parent.strip():
            raise InputFileError(
                f"{origin}: extends: {parent!r}; expected the name of a built-in scenario or a path to a YAML file"
            )
        if len(chain) + 1 > MAX_EXTENDS_DEPTH:
            raise InputFileError(
                f"{origin}: extends: {parent!r} would be the {len(chain) + 1}th extends in a row; expected a chain "
                f"of at most {MAX_EXTENDS_DEPTH} (limits.MAX_EXTENDS_DEPTH)"
            )
        here = None if key[0] == "builtin" else Path(origin).parent
        base, _ = _raw_tree(parent.strip(), here, (*chain, (key, origin)), notes, files)
        base.update(tree)
        tree = base
    if not isinstance(sets, dict):
        raise GigawattError(f"{origin}: set: expected a mapping of 'path: value', got {type(sets).__name__}")
    for path, value in sets.items():
        set_path(tree, str(path), value, where=f"{origin}: set")
    return tree, origin


_SEGMENT = re.compile(r"([^.\[\]]+)|\[([^\]]*)\]")


def _split_path(path: str) -> list[str | int]:
    parts: list[str | int] = []
    pos = 0
    for m in _SEGMENT.finditer(path):
        if m.start() != pos and path[pos : m.start()] != ".":
            raise GigawattError(f"--set: cannot read the path {path!r}; expected e.g. sites[0].phases[1].power_mw")
        pos = m.end()
        if m.group(1) is not None:
            parts.append(m.group(1))
        else:
            inner = m.group(2).strip()
            parts.append(int(inner) if inner.lstrip("-").isdigit() else inner)
    if not parts or pos != len(path):
        raise GigawattError(f"--set: cannot read the path {path!r}; expected e.g. sites[0].phases[1].power_mw")
    return parts


def set_path(tree: dict, path: str, value: Any, where: str = "--set") -> None:
    """Set ``path`` (``sites[abilene].phases[0].power_mw``) in the raw tree; list items by index or by name.

    The path is checked against the scenario schema, so a misspelt field is an error that lists the valid ones.
    """
    parts = _split_path(path)
    node: Any = tree
    schema: Any = Scenario
    shown = "the top level"
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        if isinstance(node, list):
            if isinstance(part, int):
                if not -len(node) <= part < len(node):
                    raise GigawattError(
                        f"{where}: {path}: index [{part}] is out of range; {shown} has {len(node)} items"
                    )
                idx = part
            else:
                names = [item.get("name") for item in node if isinstance(item, dict)]
                if part not in names:
                    raise GigawattError(
                        f"{where}: {path}: no item named {part!r} in {shown}; expected an index or one of: "
                        f"{', '.join(map(str, names))}"
                    )
                idx = names.index(part)
            shown += f"[{part}]"
            if last:
                node[idx] = value
                return
            node = node[idx]
            continue
        if isinstance(part, int) or not isinstance(node, dict):
            raise GigawattError(f"{where}: {path}: {shown} is not a list, so [{part}] cannot be taken")
        if isinstance(schema, type):
            if part not in schema.model_fields:
                raise GigawattError(
                    f"{where}: unknown path {path!r}: {shown} has no field {part!r}; expected one of: "
                    f"{', '.join(schema.model_fields)}"
                )
            schema = field_model(schema, part)
        elif isinstance(schema, DictOf):
            schema = schema.inner
            part = _same_key(node, part)
        shown = part if shown == "the top level" else f"{shown}.{part}"
        if last:
            node[part] = value
            return
        if node.get(part) is None:
            node[part] = {}
        node = node[part]


def _same_key(node: dict, key: str) -> str:
    """The key of ``node`` that names what ``key`` names (accelerator names match without regard to case), else
    ``key``: ``--set accelerator_overrides.GB300.price_usd=...`` changes a file's ``gb300:`` entry."""
    wanted = str(key).strip().lower()
    return next((k for k in node if isinstance(k, str) and k.strip().lower() == wanted), key)


def key_problems(node: Any, path: str = "") -> list[str]:
    """A mapping key that is not a name, with the reason where it shows one: in a YAML flow mapping
    (``{power_mw: 1,500, ...}``) a comma ends the entry, so a thousands separator leaves ``power_mw: 1`` and a key
    ``500`` (pydantic said only "Keys should be strings")."""
    problems: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                where = f"{path}: " if path else ""
                hint = (
                    f" (in a {{flow: mapping}} a comma ends the entry: 'power_mw: 1,{key:03d}' reads as power_mw: 1 "
                    f"and a key {key}); expected a number without a comma (1{key:03d}) or in quotes ('1,{key:03d}')"
                    if isinstance(key, int) and not isinstance(key, bool) and 0 <= key < 1000
                    else "; expected a field name"
                )
                problems.append(f"{where}the key {key!r} is not a field name{hint}")
                continue
            problems += key_problems(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            problems += key_problems(value, f"{path}[{i}]")
    return problems


def canonical_keys(tree: dict, origin: str) -> dict:
    """``accelerator_overrides`` keyed by the catalog's own (lower-case) names, before sources and distributions
    are collected by field path, so that ``GB300:`` and ``gb300:`` are one input in ``run`` and in ``risk``; two
    keys that name one accelerator are refused."""
    overrides = tree.get("accelerator_overrides")
    if not isinstance(overrides, dict):
        return tree
    out: dict = {}
    written: dict = {}
    for key, value in overrides.items():
        name = key.strip().lower() if isinstance(key, str) else key
        if name in out:
            raise ScenarioError(
                [
                    f"accelerator_overrides: {written[name]!r} and {key!r} name the same accelerator (names match "
                    "without regard to case); expected one entry per accelerator"
                ],
                origin,
            )
        out[name], written[name] = value, key
    tree["accelerator_overrides"] = out
    return tree


def _override_value(text: str, where: str) -> Any:
    """A --set value read as YAML (``3``, ``'$5B'``, ``[a, b]``), within the same limits as a file; text that is not
    YAML (``foo: bar: baz``, ``*bold*``) stays text."""
    if not text.strip():
        return None
    try:
        value = parse_yaml_text(text, where)
    except InputFileError as exc:
        if "malformed YAML" in str(exc):
            return text
        raise
    if isinstance(value, dict | list) and not text.strip().startswith(("{", "[")):
        # block YAML on a command line is a slip, not a structure: 'newest:' would be {'newest': None} and '- a'
        # a list; a mapping or a list after --set is written in braces or brackets ({dist: ...}, [a, b])
        return text
    return value


def apply_overrides(tree: dict, overrides: list[str] | tuple[str, ...]) -> dict:
    """Apply ``path=value`` strings (values read as YAML, so ``3``, ``'$5B'``, ``[a, b]`` all work)."""
    if len(overrides) > MAX_SET_OVERRIDES:
        raise GigawattError(
            f"--set: {len(overrides)} overrides; expected at most {MAX_SET_OVERRIDES} (limits.MAX_SET_OVERRIDES; "
            "put larger changes in a scenario file that extends this one)"
        )
    for item in overrides:
        path, sep, text = item.partition("=")
        if not sep or not path.strip():
            raise GigawattError(f"--set {item!r}: expected PATH=VALUE, e.g. --set funding.announced_arrival=0.5")
        value = _override_value(text, f"--set {path.strip()}")
        if value is None:
            raise GigawattError(f"--set {item!r}: no value after '='; expected PATH=VALUE")
        set_path(tree, path.strip(), value)
    return tree


def _provenance_of(node: dict) -> Provenance:
    """The source keys written beside a value (or a distribution) in a scenario file."""
    return Provenance(
        status=str(node.get("status", "")),
        source=str(node.get("source", "")),
        facts_id=str(node.get("facts_id", "")),
        date=str(node.get("date", "")),
        derivation=str(node.get("derivation", node.get("note", ""))),
    )


_PLACEHOLDER = {"triangular": "mode", "pert": "mode", "lognormal": "median", "normal": "mean", "uniform": "low"}


def unwrap_sources(tree: Any, path: str = "", dists: dict | None = None) -> tuple[Any, dict[str, Provenance]]:
    """Replace ``{value: X, source: ...}`` mappings by X; return the plain tree and provenance by field path.

    Distribution mappings (``{dist: ...}``) are collected into ``dists`` by path and replaced by one of their own
    parameters, so that validation sees a value of the right type; their central value is set after validation.
    """
    found: dict[str, Provenance] = {}

    def walk(node, here):
        if isinstance(node, dict) and "dist" in node:
            if dists is None:
                raise GigawattError(f"{here}: a distribution is not allowed here")
            from gigawatt.data.distributions import check_structure

            check_structure(here, node)
            dists[here] = node
            if set(node) & PROVENANCE_KEYS - {"unit", "default"}:
                found[here] = _provenance_of(node)
            kind = str(node.get("dist", "")).lower()
            if kind == "choice":
                values = node.get("values")
                return values[0] if isinstance(values, list) and values else None
            return node.get(_PLACEHOLDER.get(kind, "low"))
        if isinstance(node, dict):
            keys = set(node)
            if "value" in keys and keys - {"value"} and keys - {"value"} <= PROVENANCE_KEYS:
                found[here] = _provenance_of(node)
                return node["value"]
            return {k: walk(v, f"{here}.{k}" if here else str(k)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, f"{here}[{i}]") for i, v in enumerate(node)]
        return node

    return walk(tree, path), found


def load_scenario(ref: str | Path | dict, overrides: list[str] | tuple[str, ...] = ()) -> Scenario:
    """Load a scenario: a built-in name (``"stargate"``), a YAML path, or an already-parsed mapping.

    ``overrides`` are ``path=value`` strings applied before validation (the CLI's ``--set``).
    A bare name that is a built-in is the built-in even where a file of that name exists (``./stargate`` is the
    file); the scenario's ``load_warnings`` then say so. Files are read within the limits of gigawatt.limits.
    Raises :class:`~gigawatt.errors.GigawattError` with a message naming each bad field.
    """
    notes: list[str] = []
    files: list[Path] = []
    if isinstance(ref, dict):
        import copy

        tree, origin = copy.deepcopy(ref), "scenario"
        sets = tree.pop("set", None) or {}
        parent = tree.pop("extends", None)
        if parent:
            base, _ = _raw_tree(str(parent), None, (), notes, files)
            base.update(tree)
            tree = base
        for path, value in sets.items():
            set_path(tree, str(path), value, where="set")
    else:
        tree, origin = _raw_tree(str(ref), None, (), notes, files)
    bad_keys = key_problems(tree)
    if bad_keys:
        raise ScenarioError(bad_keys, origin)
    tree = canonical_keys(apply_overrides(tree, list(overrides)), origin)
    raw_dists: dict[str, dict] = {}
    plain, prov = unwrap_sources(tree, dists=raw_dists)
    bad = nonfinite_paths(plain) + [p for path, node in raw_dists.items() for p in nonfinite_paths(node, path)]
    if bad:
        raise ScenarioError(bad, origin)
    in_ramp = [p for p in raw_dists if ".ramp." in p or p.endswith(".ramp")]
    if in_ramp:  # before validation: a ramp checked with a distribution's placeholder would say something else
        raise ScenarioError([ramps.uncertain_ramp_message(p) for p in sorted(in_ramp)], origin)
    for item in overrides:
        path = re.sub(  # the canonical name, as the tree now has it
            r"^accelerator_overrides\.([^.\[\]]+)",
            lambda m: "accelerator_overrides." + m.group(1).strip().lower(),
            item.partition("=")[0].strip(),
        )
        prov[path] = Provenance(status="override (--set)", source=item)
    try:
        scenario = Scenario.model_validate(plain)
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, Scenario), origin) from None
    if scenario.ramps:  # ramped phases are now one phase per building (gigawatt.data.ramps)
        refused = ramps.uncertain_problems(scenario.ramps, raw_dists)
        if refused:
            raise ScenarioError(refused, origin)
        prov = ramps.building_provenance(scenario.ramps, prov)
    scenario._provenance = prov
    scenario._origin = origin
    scenario._load_warnings = notes
    scenario._files_read = tuple(files)
    if raw_dists:
        _attach_distributions(scenario, raw_dists, origin)
    unconverted = power_basis.convert_phases(scenario)  # grid and IT power to facility power, once (after the PUE)
    if unconverted:
        raise ScenarioError(unconverted, origin)
    # the centre each distribution left in its field, as converted: a value set there later is the user's own
    scenario._centrals = {path: _value_at(scenario, path) for path in scenario._distributions}
    from gigawatt.data.money_ranges import inherited_distributions

    # the money ranges every scenario inherits (the catalog's prices, the facility cost per MW), where it says none
    scenario._distributions = {**scenario._distributions, **inherited_distributions(scenario)}
    return scenario


def revalidated(scenario: Scenario) -> Scenario:
    """``scenario`` checked again as a whole, the way the loader checks a file: the Python API calls this before
    each run, so that fields changed after loading (each checked on assignment) also meet the rules that span
    fields (dates inside the programme, names that exist, counts within gigawatt.limits). Returns a new scenario
    with the same sources, distributions and origin; raises :class:`ScenarioError` naming each problem."""
    if not isinstance(scenario, Scenario):
        raise GigawattError(
            f"scenario: {type(scenario).__name__} {_short(scenario)}; expected a Scenario (gigawatt.load_scenario), "
            "a built-in name or a YAML file's path"
        )
    origin = scenario._origin or None
    try:
        fresh = Scenario.model_validate(scenario.model_dump())
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, Scenario), origin) from None
    added = fresh._ramps  # ramps set since loading, expanded just now (those of the file were expanded at load)
    for key, value in (scenario.__pydantic_private__ or {}).items():  # sources, distributions, origin, ramps...
        setattr(fresh, key, value)
    if added:
        # as the loader does: a distribution on a field of a phase that is now a ramp would be drawn by its first
        # building alone (the loader refuses it with the same words)
        refused = ramps.uncertain_problems(added, [p for p, d in scenario.distributions.items() if not d.inherited])
        if refused:
            raise ScenarioError(refused, origin)
        fresh._ramps = [*scenario.ramps, *added]
    from gigawatt.data.money_ranges import inherited_distributions

    # the money ranges inherited for what the scenario holds now (a price set since loading is no longer drawn from
    # the catalog's range; a type ordered since loading gets its range), as the loader gives them
    # (read from ``scenario``: its fields_set still tells what was given from what was defaulted)
    # a field set since loading holds the user's value, no longer the distribution's centre: the value wins, as it
    # would written in the file instead of the distribution (risk drew the old distribution while run used the value)
    own = {path: d for path, d in scenario.distributions.items() if not d.inherited and _still_central(scenario, path)}
    fresh._distributions = {**own, **inherited_distributions(scenario, own)}
    return fresh


UNCERTAIN_TEXT_FIELDS = {"accelerator"}


def _schema_at(path: str):
    """(model class, field name) of the field at ``path`` in the scenario schema."""
    parts = _split_path(path)
    schema: Any = Scenario
    for k, part in enumerate(parts):
        if isinstance(part, int) or (isinstance(schema, DictOf) and k > 0 and not isinstance(schema, type)):
            if isinstance(schema, DictOf) and not isinstance(part, int):
                schema = schema.inner
            continue
        if isinstance(schema, DictOf):
            schema = schema.inner
            continue
        if k == len(parts) - 1:
            return schema, part
        schema = field_model(schema, part)
    raise GigawattError(f"{path}: not a field")


def _node_at(root: BaseModel, path: str):
    """(parent object, field name) of ``path`` in a validated scenario."""
    parts = _split_path(path)
    node: Any = root
    for part in parts[:-1]:
        node = node[part] if isinstance(part, int) or isinstance(node, dict) else getattr(node, part)
    return node, parts[-1]


def _still_central(scenario: Scenario, path: str) -> bool:
    """Whether the field at ``path`` still holds the central value loading set for its distribution (False where
    the user set another value since, or the item is gone)."""
    if path not in scenario._centrals:
        return True
    try:
        return _value_at(scenario, path) == scenario._centrals[path]
    except (IndexError, KeyError, AttributeError):
        return False


def _value_at(root: BaseModel, path: str):
    parent, name = _node_at(root, path)
    return parent[name] if isinstance(parent, dict | list) else getattr(parent, name)


def _attach_distributions(scenario: Scenario, raw: dict[str, dict], origin: str) -> None:
    """Parse each distribution with its field's own validator, check its support, set its central value."""
    from pydantic import TypeAdapter

    from gigawatt.data import distributions
    from gigawatt.units import add_months

    start = scenario.programme.start
    problems: list[str] = []
    parsed: dict[str, distributions.Distribution] = {}
    for path, node in raw.items():
        try:
            model, field = _schema_at(path)
            info = model.model_fields[field]
            finite = ConfigDict(allow_inf_nan=False)
            adapter = TypeAdapter(
                Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation, config=finite
            )
            is_date = "date" in str(info.annotation)
            is_text = field in UNCERTAIN_TEXT_FIELDS
            if (not is_text and str(info.annotation) in ("<class 'str'>", "str")) or "Literal" in str(info.annotation):
                raise GigawattError(f"{path}: only numbers, months and accelerator choices can be uncertain")

            relaxed = TypeAdapter(
                Annotated[(float, *[m for m in info.metadata if isinstance(m, BeforeValidator)])]
                if any(isinstance(m, BeforeValidator) for m in info.metadata)
                else float,
                config=finite,
            )

            def read(value, where, spread=False, adapter=adapter, relaxed=relaxed, is_date=is_date):
                if spread and is_date:
                    return float(value) if isinstance(value, int | float) else parse_quantity(value, "months", where)
                try:
                    v = (relaxed if spread else adapter).validate_python(value)
                except ValidationError as exc:
                    raise GigawattError(f"{where}: {format_validation_error(exc, Scenario)[0].lstrip(': ')}") from None
                if is_date:
                    return float(month_index(v, start))
                return v

            dist = distributions.parse(path, node, read)
            dist.raw = dict(node)
            if dist.kind != "choice":
                lo, hi = dist.support()
                for bound in (lo, hi):
                    if is_date:
                        if bound < -1e-9:
                            raise GigawattError(
                                f"{path}: the distribution reaches {add_months(start, round(bound)):%Y-%m}, "
                                f"before the programme start {start:%Y-%m}"
                            )
                    else:
                        try:
                            adapter.validate_python(bound)
                        except ValidationError as exc:
                            why = format_validation_error(exc, Scenario)[0].lstrip(": ")
                            raise GigawattError(
                                f"{path}: a {dist.kind} distribution reaches {bound:.6g}, which {why} "
                                "(narrow or truncate it with low/high)"
                            ) from None
            parsed[path] = dist
            central = dist.central()
            if is_date:
                central = add_months(start, round(central))
            parent, name = _node_at(scenario, path)
            if isinstance(parent, dict | list):
                parent[name] = central
            else:
                setattr(parent, name, central)
        except GigawattError as exc:
            problems.append(str(exc))
    if not problems:
        problems = check_references(scenario)
    if problems:
        raise ScenarioError(problems, origin)
    scenario._distributions = parsed


def _fields(scenario: Scenario):
    """Every field of the scenario's models, recursively: (model, field name, field info, path, value)."""

    def walk(model: BaseModel, here: str):
        for name, info in type(model).model_fields.items():
            path = f"{here}.{name}" if here else name
            value = getattr(model, name)
            yield model, name, info, path, value
            if isinstance(value, BaseModel):
                yield from walk(value, path)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        yield from walk(item, f"{path}[{i}]")
            elif isinstance(value, dict):
                for k, item in value.items():
                    if isinstance(item, BaseModel):
                        yield from walk(item, f"{path}.{k}")

    yield from walk(scenario, "")


def defaults_used(scenario: Scenario) -> dict[str, str]:
    """Field paths whose value came from data/defaults.csv, mapped to the defaults row."""
    out: dict[str, str] = {}
    for model, name, info, path, _ in _fields(scenario):
        extra = info.json_schema_extra or {}
        if name not in model.model_fields_set and isinstance(extra, dict) and "default_key" in extra:
            out[path] = extra["default_key"]
        if (
            isinstance(model, PowerSource)
            and name in ("capex_per_mw_usd", "carbon_t_per_mwh")
            and name not in model.model_fields_set
        ):
            out[path] = f"power.{model.kind}.{name}"
    return out


def schema_defaults(scenario: Scenario, used: dict[str, str] | None = None) -> dict[str, str]:
    """Numeric field paths the scenario did not set and defaults.csv does not fill (``used``: what
    :func:`defaults_used` gives, where the caller has it): the schema's own neutral defaults (a risk factor of 1, a
    cap's share of 1, no delay), mapped to the field's description."""
    used = defaults_used(scenario) if used is None else used
    return {
        path: info.description or "the schema's default"
        for model, name, info, path, value in _fields(scenario)
        if name not in model.model_fields_set
        and path not in used
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    }


def resolved_with_sources(scenario: Scenario) -> dict:
    """The scenario as plain data, every number wrapped as ``{value, source...}`` where its source is known."""
    data = scenario.model_dump(mode="json", exclude_none=True)
    used = defaults_used(scenario)
    neutral = schema_defaults(scenario, used)
    table = defaults()

    def walk(node, here):
        if isinstance(node, dict):
            return {k: walk(v, f"{here}.{k}" if here else k) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, f"{here}[{i}]") for i, v in enumerate(node)]
        unsourced = f"given in {scenario._origin or 'the scenario'} without a source"
        if here in scenario.distributions:
            raw = dict(scenario.distributions[here].raw)
            return raw if {"status", "source", "facts_id"} & set(raw) else {**raw, "status": unsourced}
        if here in scenario.provenance:  # numbers, and the dates and names a source stands behind
            return {"value": node, **scenario.provenance[here].as_dict()}
        if isinstance(node, bool) or not isinstance(node, int | float):
            return node
        if here in used:
            row = table[used[here]]
            return {"value": node, "unit": row.unit, **row.provenance.as_dict(), "default": used[here]}
        if here in neutral:
            return {"value": node, "status": "convention (schema default)", "derivation": neutral[here]}
        return {"value": node, "status": unsourced}

    return walk(data, "")

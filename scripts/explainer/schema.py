"""The data files' schemas are declared with :class:`Field` and checked by :func:`check`, which
names the file, the line, the key, what was expected and what was found, for every problem at once."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Problem
from .yamlio import LineDict

_KINDS = {
    "text": ("text", lambda v: isinstance(v, str)),
    "texts": ("a list of text", lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v)),
    "number": ("a number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)),
}


@dataclass(frozen=True)
class Field:
    required: bool
    kind: str  # "text", "texts" or "number"
    description: str


def found(value: object) -> str:
    """What a value is, for a message: its kind, and the value itself when short."""
    if value is None:
        return "nothing"
    kind = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a mapping", LineDict: "a mapping"}.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} {shown}" if len(shown) <= 40 and not isinstance(value, (list, dict)) else kind


def check(item: object, fields: dict[str, Field], path: str, line: int, label: str,
          also_allowed: tuple[str, ...] = ()) -> list[Problem]:
    """Every problem of one mapping against its declared fields."""
    if not isinstance(item, dict):
        return [Problem(path, line, f"{label}: expected a mapping, found {found(item)}")]
    line_of = item.line_of if isinstance(item, LineDict) else (lambda _key: line)
    problems = []
    for key, value in item.items():
        field = fields.get(key)
        if field is None:
            if key not in also_allowed:
                problems.append(Problem(path, line_of(key), f"{label}: unknown field '{key}' (expected one "
                                        f"of: {', '.join(fields)})"))
            continue
        name, valid = _KINDS[field.kind]
        if not valid(value):
            problems.append(Problem(path, line_of(key), f"{label}: field '{key}' expected {name} "
                                    f"({field.description}), found {found(value)}"))
        elif field.kind == "text" and field.required and not value.strip():
            problems.append(Problem(path, line_of(key), f"{label}: field '{key}' is empty (expected "
                                    f"{field.description})"))
    for key, field in fields.items():
        if field.required and key not in item:
            problems.append(Problem(path, line, f"{label}: missing field '{key}' (expected "
                                    f"{_KINDS[field.kind][0]}: {field.description})"))
    return problems

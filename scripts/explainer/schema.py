"""The data files' schemas are declared with :class:`Field` and checked by :func:`check`, which
names the file, the line, the key, what was expected and what was found, for every problem at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import Problem
from .yamlio import LineDict

_KINDS = {
    "text": ("text", lambda v: isinstance(v, str)),
    "texts": ("a list of text", lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v)),
    "number": ("a number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)),
    "date": ("a date YYYY-MM-DD", lambda v: isinstance(v, date) or isinstance(v, str) and _is_date(v)),
    "url": ("an address starting with http:// or https://",
            lambda v: isinstance(v, str) and re.match(r"^https?://\S+$", v) is not None),
    "language": ("a language code such as 'zh' or 'en'",
                 lambda v: isinstance(v, str) and re.match(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$", v) is not None),
}


def _is_date(text: str) -> bool:
    try:
        return bool(re.match(r"^\d{4}-\d{2}-\d{2}$", text)) and date.fromisoformat(text) is not None
    except ValueError:
        return False


def _kind(kind: str) -> tuple[str, object]:
    """The name and check of a field kind; ``choice:a,b`` is one of the listed texts."""
    if kind.startswith("choice:"):
        choices = kind.split(":", 1)[1].split(",")
        return f"one of {', '.join(choices)}", lambda v: v in choices
    return _KINDS[kind]


@dataclass(frozen=True)
class Field:
    required: bool
    kind: str  # "text", "texts", "number", "date", "url", "language" or "choice:a,b,..."
    description: str


def found(value: object) -> str:
    """What a value is, for a message: its kind, and the value itself when short."""
    if value is None:
        return "nothing"
    kind = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a mapping", LineDict: "a mapping"}.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} {shown}" if len(shown) <= 40 and not isinstance(value, (list, dict)) else kind


def mismatch(field: Field, value: object) -> str | None:
    """'expected …, found …' when ``value`` is not of the field's kind, else None."""
    name, valid = _kind(field.kind)
    return None if valid(value) else f"expected {name} ({field.description}), found {found(value)}"


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
        name, valid = _kind(field.kind)
        if not valid(value):
            problems.append(Problem(path, line_of(key), f"{label}: field '{key}' expected {name} "
                                    f"({field.description}), found {found(value)}"))
        elif field.kind == "text" and field.required and not value.strip():
            problems.append(Problem(path, line_of(key), f"{label}: field '{key}' is empty (expected "
                                    f"{field.description})"))
    for key, field in fields.items():
        if field.required and key not in item:
            problems.append(Problem(path, line, f"{label}: missing field '{key}' (expected "
                                    f"{_kind(field.kind)[0]}: {field.description})"))
    return problems

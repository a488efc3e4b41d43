"""YAML reading that reports duplicate keys and syntax errors with file and line."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import ContentError, Problem


class LineDict(dict):
    """A mapping read from YAML that remembers its 1-based line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _strict(base: type) -> type:
    class _StrictLoader(base):
        """A safe loader that records duplicate mapping keys instead of silently keeping the last."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.duplicates: list[tuple[int, str]] = []
            self.first_line = 1

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            seen: set[Any] = set()
            key_lines: dict[Any, int] = {}
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    self.duplicates.append((key_node.start_mark.line + 1, str(key)))
                seen.add(key)
                key_lines.setdefault(key, key_node.start_mark.line + self.first_line)
            result = LineDict(super().construct_mapping(node, deep=True))
            result.line = node.start_mark.line + self.first_line
            result.key_lines = key_lines
            return result

    _StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _StrictLoader.construct_mapping)
    return _StrictLoader


# libyaml's parser when PyYAML has it (it reads ten times faster); the pure-Python one words its
# errors better, so it reads a file again when that file has an error.
_FAST = _strict(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_CLEAR = _strict(yaml.SafeLoader)


def load(text: str, path: str, first_line: int = 1) -> Any:
    """Parse ``text`` as YAML; ``first_line`` is the file line the text starts on (1-based)."""
    try:
        return _load(_FAST, text, path, first_line)
    except ContentError:
        if _FAST is _CLEAR:
            raise
        return _load(_CLEAR, text, path, first_line)


def _load(loader_class: type, text: str, path: str, first_line: int) -> Any:
    loader = loader_class(text)
    loader.first_line = first_line
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + first_line if mark is not None else None
        raise ContentError(Problem(path, line, f"invalid YAML: {exc.problem}")) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise ContentError(
            [
                Problem(path, line + first_line - 1, f"duplicate key '{key}' (YAML would keep only the last)")
                for line, key in loader.duplicates
            ]
        )
    return data


def dump(data: Any) -> str:
    """Deterministic, readable YAML (key order kept, Unicode unescaped, no line folding)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter, same output, faster
    return yaml.dump(
        data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False
    )

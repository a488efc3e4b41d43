"""The project's exception hierarchy, turned into messages and exit codes by the CLI."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Problem:
    """One problem found in a file: where it is and what is wrong."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class ExplainerError(Exception):
    """Base class: every error the CLI turns into a message and an exit code."""

    exit_code = EXIT_USAGE

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, (Problem, str)):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # pickled whole (problems, class) when sent from a child process
        return (type(self), (self.problems,))


class InputError(ExplainerError):
    """Input that cannot be used at all (unreadable seed, malformed catalog, bad arguments)."""

    exit_code = EXIT_USAGE


class ContentError(ExplainerError):
    """Content that was read but has problems (untranslated entries in strict mode, ...)."""

    exit_code = EXIT_CONTENT


class ConflictError(InputError):
    """A file a writer edited would be overwritten."""


def combine(errors: list[ExplainerError]) -> ExplainerError:
    """One error carrying every problem; unusable input (exit 2) outranks content problems (exit 1)."""
    problems = [problem for error in errors for problem in error.problems]
    if any(error.exit_code == EXIT_USAGE for error in errors):
        return InputError(problems)
    return ContentError(problems)

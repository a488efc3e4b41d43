"""One MkDocs process of ``explainer build`` (``python -m explainer.mkdocs_plugin.process build ...``):
MkDocs' own command line, showing warnings and errors only (they still count for ``--strict``,
which ``--quiet`` would defeat: :func:`.compat.warnings_only_state`), after which the process
ends at once. A build leaves hundreds of thousands of objects (pages, navigation, the ledger) that
the interpreter would otherwise free one by one on its way out, a few tenths of a second that the
site waits for; every file the build writes is closed by then, and the standard streams and logs
are flushed here."""

from __future__ import annotations

import logging
import os
import sys


def main(argv: list[str]) -> int:
    """MkDocs' command line on ``argv``; its exit status."""
    from mkdocs.__main__ import cli

    from .compat import warnings_only_state

    try:
        cli.main(args=argv, prog_name="mkdocs", obj=warnings_only_state())  # exits when it is done
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


if __name__ == "__main__":
    status = main(sys.argv[1:])
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)

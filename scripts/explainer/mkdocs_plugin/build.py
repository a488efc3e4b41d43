"""Building the site with MkDocs: one process per language at once, merged into one ``site/``.

mkdocs-static-i18n builds every language in one process, one after the other. Here each language
is built in its own process (the explainer plugin leaves the other languages' pages out of it,
while mkdocs-static-i18n still knows them for switchers and hreflang links),
then the outputs are merged: the default language's tree, each other language's ``<lang>/``
folder, and one sitemap listing every language. The result is byte-identical to a one-process
build. The outputs are kept from one build to the next, and the site is brought in line with them
once every process has succeeded, file by file (a failed build leaves it as it was).
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

from ..errors import ContentError
from ..fsio import link_file, write_if_changed

log = logging.getLogger("explainer.sitebuild")


def mkdocs_command(config: Path, site: Path, strict: bool) -> list[str]:
    """``mkdocs build`` of ``config`` into ``site``, in a process that shows its warnings and errors
    only and ends as soon as it is done (:mod:`.process`)."""
    command = [sys.executable, "-m", "explainer.mkdocs_plugin.process", "build", "--config-file", str(config),
               "--site-dir", str(site)]
    return command + (["--strict"] if strict else [])


def merge_sitemaps(default: str, others: list[str]) -> str:
    """One sitemap: the default build's, with the other builds' <url> entries appended."""
    head, body, tail = _split_sitemap(default)
    for text in others:
        _, more, _ = _split_sitemap(text)
        if more:
            body = f"{body}\n    {more}" if body else more
    return head + body + tail


def _split_sitemap(text: str) -> tuple[str, str, str]:
    if "<url>" not in text:
        end = text.rindex("</urlset>")
        return text[:end], "", text[end:]
    start, end = text.index("<url>"), text.rindex("</url>") + len("</url>")
    return text[:start], text[start:end], text[end:]


def gzipped(text: str, name: str, mtime: int) -> bytes:
    """``text`` compressed the way MkDocs writes sitemap.xml.gz (``name`` and ``mtime`` in its
    header), so that merged output matches a one-process build."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=name, mode="wb", mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()


def _tree(folder: str) -> tuple[dict[str, os.DirEntry], list[str]]:
    """The files under ``folder`` by relative path, as directory entries (os.scandir: a file's
    inode comes without a stat), and the folders under it; none when it is not there."""
    files, folders, stack = {}, [], [(folder, "")]
    while stack:
        here, prefix = stack.pop()
        try:
            entries = list(os.scandir(here))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.is_dir():
                if not entry.is_symlink():  # as os.walk: not followed
                    folders.append(entry.path)
                    stack.append((entry.path, f"{prefix}{entry.name}/"))
            else:
                files[prefix + entry.name] = entry
    return files, folders


def site_files(outputs: dict[str, Path], default: str) -> dict[str, os.DirEntry]:
    """The files of the merged site (relative path -> file of an output): the default language's
    tree, and each other language's ``<lang>/`` folder from its own process's output."""
    if ALL in outputs:
        return _tree(str(outputs[ALL]))[0]
    others = [lang for lang in outputs if lang != default]
    files = {rel: entry for rel, entry in _tree(str(outputs[default]))[0].items() if rel.split("/", 1)[0] not in others}
    for lang in others:
        files.update({f"{lang}/{rel}": entry for rel, entry in _tree(str(outputs[lang] / lang))[0].items()})
    return files


def _same(source: os.DirEntry, target: os.DirEntry | None, one_device: bool) -> bool:
    """The same file (linked: one inode, read from the folder without a stat when both are on one
    file system), or its copy (same size and modification time)."""
    if target is None:
        return False
    if one_device and source.inode() == target.inode():
        return True
    first, second = source.stat(), target.stat()
    return (first.st_ino, first.st_dev) == (second.st_ino, second.st_dev) or \
        (first.st_size, first.st_mtime_ns) == (second.st_size, second.st_mtime_ns)


def publish(outputs: dict[str, Path], default: str, site: Path, mtime: int) -> None:
    """Bring ``site`` in line with the outputs, file by file: a changed file is replaced in one
    rename, an unchanged one (the same file, linked) is left alone, a file no output has any more
    is removed (and the folders left empty). With one process per language, their sitemaps are
    merged into one."""
    files = site_files(outputs, default)
    site.mkdir(parents=True, exist_ok=True)
    present, folders = _tree(str(site))
    merged = {}
    if ALL not in outputs and "sitemap.xml" in files:
        others = [(outputs[lang] / "sitemap.xml").read_text(encoding="utf-8") for lang in outputs
                  if lang != default and (outputs[lang] / "sitemap.xml").exists()]
        merged["sitemap.xml"] = merge_sitemaps(Path(files.pop("sitemap.xml").path).read_text(encoding="utf-8"), others)
        gz = files.pop("sitemap.xml.gz", None)
        if gz is not None:  # keep the time MkDocs stamped on it
            mtime = int.from_bytes(Path(gz.path).read_bytes()[4:8], "little")
    one_device = all(os.stat(folder).st_dev == os.stat(site).st_dev for folder in outputs.values())
    for rel, source in files.items():
        if not _same(source, present.get(rel), one_device):
            link_file(Path(source.path), site / rel)
    if "sitemap.xml" in merged:
        write_if_changed(site / "sitemap.xml", merged["sitemap.xml"], durable=False)
        write_if_changed(site / "sitemap.xml.gz", gzipped(merged["sitemap.xml"], "sitemap.xml.gz", mtime),
                         durable=False)
    kept = {*files, *merged, *(["sitemap.xml.gz"] if merged else [])}
    for rel, entry in present.items():
        if rel not in kept:
            os.unlink(entry.path)
    for folder in sorted(folders, key=len, reverse=True):  # the deepest first
        try:
            os.rmdir(folder)  # only if empty
        except OSError:
            pass


ALL = "all"  # the output of a one-process build
# The variable naming, in a MkDocs process started before its pages were ready, the file
# descriptor it waits on (:func:`render` with ``until``, :func:`wait_for_start`).
START_FD = "EXPLAINER_START_FD"


def wait_for_start() -> bool:
    """In a MkDocs process :func:`render` started before the pages were ready: wait until they are.
    True when the build goes ahead (or the process was not started so), False when it is not to
    build at all (what made the pages failed)."""
    fd = os.environ.pop(START_FD, None)
    if fd is None:
        return True
    try:
        return os.read(int(fd), 1) == b"1"
    finally:
        os.close(int(fd))


def render(config: Path, languages: list[str], strict: bool, jobs: int, env: dict[str, str], outputs: Path,
           niceness: int = 0, until: Callable[[], None] | None = None) -> dict[str, Path]:
    """The site's outputs, each built by its own MkDocs process into its folder under ``outputs``
    (one per language when ``jobs`` > 1), kept from one build to the next: a dirty build there
    renders only the pages whose output changes (:mod:`.reuse`). ``niceness``: how much lower the
    processes' priority is (the live preview's builds leave the processor to the writer's own
    edits first). ``until``: what makes the pages, called once the processes are started; they
    start up meanwhile (MkDocs and the theme imported, the configuration read) and build when it
    returns, or stop without building when it raises, which is raised again here. Returns the
    folders, by language (or :data:`ALL`)."""
    names = languages if jobs > 1 and len(languages) > 1 else [ALL]
    folders = {name: outputs / name for name in names}
    read_end, write_end = os.pipe() if until is not None else (None, None)
    processes = {}
    try:
        for name, folder in folders.items():
            process_env = dict(env, EXPLAINER_REUSE=str(outputs / f"{name}.json"))
            if name != ALL:
                process_env["EXPLAINER_BUILD_LANGS"] = name
            if read_end is not None:
                process_env[START_FD] = str(read_end)
            processes[name] = subprocess.Popen(mkdocs_command(config, folder, strict) + ["--dirty"], cwd=config.parent,
                                               env=process_env, pass_fds=() if read_end is None else (read_end,),
                                               preexec_fn=(lambda: os.nice(niceness)) if niceness else None)
        if until is not None:
            until()
            os.write(write_end, b"1" * len(processes))
    except BaseException:
        if write_end is not None:
            os.close(write_end)  # the processes read no start: they stop
            write_end = None
        for process in processes.values():
            process.wait()
        raise
    finally:
        if read_end is not None:
            os.close(read_end)
        if write_end is not None:
            os.close(write_end)
    failed = [name for name, process in processes.items() if process.wait() != 0]
    if failed:
        raise ContentError(f"mkdocs build failed{'' if failed == [ALL] else ' for ' + ', '.join(failed)}: "
                           "see its messages above")
    return folders


def build(config: Path, site: Path, languages: list[str], default: str, strict: bool, jobs: int,
          env: dict[str, str], outputs: Path, until: Callable[[], None] | None = None) -> None:
    """Build the site into ``site``; ``jobs`` > 1 builds the languages in parallel processes.

    The outputs (:func:`render`, which starts the processes while ``until`` makes the pages) are
    kept from one build to the next, and ``site`` is then brought in line with them file by file
    (:func:`publish`)."""
    folders = render(config, languages, strict, jobs, env, outputs, until=until)
    publish(folders, default, site.resolve(), int(env.get("SOURCE_DATE_EPOCH", "0")))

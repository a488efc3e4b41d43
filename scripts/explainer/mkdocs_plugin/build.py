"""Building the site with MkDocs: one process per language at once, merged into one ``site/``.

mkdocs-static-i18n builds every language in one process, one after the other. Here each language
is built in its own process (the explainer plugin leaves the other languages' pages out of it,
while mkdocs-static-i18n still knows them for switchers and hreflang links),
then the outputs are merged: the default language's tree, each other language's ``<lang>/``
folder, and one sitemap listing every language. The result is byte-identical to a one-process
build. The new site replaces the old one only once complete.
"""

from __future__ import annotations

import gzip
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import ContentError

log = logging.getLogger("explainer.sitebuild")


def mkdocs_command(config: Path, site: Path, strict: bool) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config),
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


def write_gzip(path: Path, text: str, mtime: int) -> None:
    """The way MkDocs writes sitemap.xml.gz, so that merged output matches a one-process build."""
    with open(path, "wb") as handle, gzip.GzipFile(fileobj=handle, filename=path.name, mode="wb",
                                                    mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))


def merge(outputs: dict[str, Path], default: str, target: Path, mtime: int) -> None:
    """Merge per-language outputs into ``target`` (which must not exist yet). The outputs are
    moved, not copied (they are on the same file system as ``target``), and used up."""
    os.replace(outputs[default], target)
    for lang in outputs:  # what the default language's build made of the other languages
        if lang != default and (target / lang).exists():
            shutil.rmtree(target / lang)
    sitemaps = []
    for lang, output in outputs.items():
        if lang == default:
            continue
        os.replace(output / lang, target / lang)
        if (output / "sitemap.xml").exists():
            sitemaps.append((output / "sitemap.xml").read_text(encoding="utf-8"))
    if (target / "sitemap.xml").exists() and sitemaps:
        merged = merge_sitemaps((target / "sitemap.xml").read_text(encoding="utf-8"), sitemaps)
        (target / "sitemap.xml").write_text(merged, encoding="utf-8")
        gz = target / "sitemap.xml.gz"
        if gz.exists():  # keep the time MkDocs stamped on it
            mtime = int.from_bytes(gz.read_bytes()[4:8], "little")
        write_gzip(gz, merged, mtime)


def build(config: Path, site: Path, languages: list[str], default: str, strict: bool, jobs: int,
          env: dict[str, str]) -> None:
    """Build the site into ``site``; ``jobs`` > 1 builds the languages in parallel processes."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".explainer-build-", dir=site.parent))
    try:
        if jobs <= 1 or len(languages) <= 1:
            result = work / "site"
            code = subprocess.run(mkdocs_command(config, result, strict), cwd=config.parent, env=env).returncode
            if code != 0:
                raise ContentError("mkdocs build failed: see its messages above")
        else:
            outputs = {lang: work / lang for lang in languages}
            processes = {lang: subprocess.Popen(mkdocs_command(config, outputs[lang], strict), cwd=config.parent,
                                                env=dict(env, EXPLAINER_BUILD_LANGS=lang))
                         for lang in languages}
            failed = [lang for lang, process in processes.items() if process.wait() != 0]
            if failed:
                raise ContentError(f"mkdocs build failed for {', '.join(failed)}: see its messages above")
            result = work / "site"
            merge(outputs, default, result, int(env.get("SOURCE_DATE_EPOCH", "0")))
        old = None
        if site.exists():
            old = work / "previous"
            os.replace(site, old)
        os.replace(result, site)
    finally:
        shutil.rmtree(work, ignore_errors=True)

"""The benchmark's corpus: a complete project (sources, Arabic texts, full English catalogs, glossary,
figures) of N articles made from one of the repository's articles."""

from __future__ import annotations

import shutil
from pathlib import Path

from .. import article as article_mod
from .. import catalog as catalog_mod
from ..article import Article
from ..fsio import write_if_changed
from ..errors import InputError, Problem
from ..header import is_generated

# What a corpus project needs besides its content: the site configuration and hand-written pages.
PROJECT_FILES = ("mkdocs.yml", "overrides", "docs")


def variant(article: Article, index: int) -> Article:
    """Article number ``index`` of a corpus: the seed's blocks in a rotated order, numbered title."""
    blocks = list(article.blocks)
    shift = index % len(blocks)
    rotated = blocks[shift:] + blocks[:shift]
    meta = dict(article.meta, title=f"{article.meta['title']} ({index + 1})")
    return Article(f"article-{index + 1:04d}", meta, tuple(rotated), dict(article.imported))


def write_corpus(repo: Path, target: Path, count: int, slug: str | None = None) -> list[str]:
    """A project of ``count`` articles in ``target`` (created), from one of the repository's
    articles (``slug``, by default the first)."""
    if slug is None:
        slugs = sorted(p.parent.name for p in (repo / "content" / "articles").glob("*/ar.md"))
        if not slugs:
            raise InputError(Problem(str(repo / "content" / "articles"), None, "holds no article to copy"))
        slug = slugs[0]
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_generated)
        else:
            shutil.copy2(source, target / name)
    (target / "content" / "articles").mkdir(parents=True)
    shutil.copy2(repo / "content" / "glossary.yml", target / "content" / "glossary.yml")
    node_modules = repo / "node_modules"
    if node_modules.exists():
        (target / "node_modules").symlink_to(node_modules.resolve(), target_is_directory=True)
    folder = repo / "content" / "articles" / slug
    seed = article_mod.parse((folder / "ar.md").read_text(encoding="utf-8"), "ar.md", slug)
    translations = catalog_mod.read((folder / "en.po").read_bytes(), "en.po")
    extras = {name: (folder / name).read_bytes() for name in ("figures.yml", "notes-ar.yml")
              if (folder / name).exists()}  # keyed by anchor ids, which every variant keeps
    slugs = []
    for index in range(count):
        item = variant(seed, index)
        out = target / "content" / "articles" / item.slug
        write_if_changed(out / "source.txt", (folder / "source.txt").read_bytes())
        text = article_mod.dump(item)
        write_if_changed(out / "ar.md", text)
        parsed = article_mod.parse(text, "ar.md", item.slug)
        cat = catalog_mod.new_catalog(parsed, created=translations.creation_date)
        catalog_mod.update(cat, catalog_mod.template(parsed))
        for message in cat:
            if message.id:
                known = translations.get(seed.meta["title"] if message.context == "title" else message.id,
                                         message.context)
                message.string = known.string if known else ""
                message.user_comments = list(known.user_comments) if known else []
                if message.context == "title" and known:
                    message.string = f"{known.string} ({index + 1})"
        write_if_changed(out / "en.po", catalog_mod.dump(cat))
        for name, data in extras.items():
            write_if_changed(out / name, data)
        slugs.append(item.slug)
    return slugs


def generated_page(path: Path) -> bool:
    return is_generated(path.read_bytes()[:400].decode("utf-8", "replace"))


def _generated(folder: str, names: list[str]) -> list[str]:
    """Leave out generated pages and copied fonts when copying docs/."""
    skip = []
    for name in names:
        path = Path(folder) / name
        if name == "fonts" or name == "__pycache__":
            skip.append(name)
        elif path.is_file() and path.suffix == ".md" and generated_page(path):
            skip.append(name)
        elif path.is_dir() and name in ("articles", "parallel"):
            skip.append(name)
    return skip

"""The benchmark's corpus: a complete project (sources, Arabic texts, full English catalogs, glossary,
figures) of N articles made from one of the repository's articles, their words drawn anew for each
article from that article's vocabulary (with a fixed seed: the same corpus every time)."""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import replace
from pathlib import Path

import yaml

from .. import article as article_mod
from .. import catalog as catalog_mod
from ..article import Article
from ..fsio import write_if_changed
from ..errors import InputError, Problem
from ..header import is_generated

# What a corpus project needs besides its content: the site configuration and hand-written pages.
PROJECT_FILES = ("mkdocs.yml", "overrides", "docs")


_WORD_RE = re.compile(r"^(\W*)([^\W\d_]+)(\W*)$")  # a word with the punctuation around it
_LATIN_RE = re.compile("[A-Za-z]")


class Vocabulary:
    """The words of some texts, each as often as it occurs there, to draw other text from: the
    same length in words, the same punctuation (real articles do not repeat each other, and their
    text compresses and indexes as text does). Without ``latin``, Latin-script words (names in
    Arabic text, which the glossary knows in their own order) are neither drawn nor replaced."""

    def __init__(self, texts: list[str], latin: bool) -> None:
        self.latin = latin
        self.words = [m.group(2) for text in texts for token in text.split(" ")
                      if (m := _WORD_RE.match(token)) and self._drawn(m.group(2))]

    def _drawn(self, word: str) -> bool:
        return self.latin or not _LATIN_RE.search(word)

    def vary(self, text: str, rng: random.Random, keep: tuple[str, ...] = ()) -> str:
        """``text`` with its words drawn anew; the phrases in ``keep`` (the quotes of the article's
        key figures) stay as they are."""
        spans = sorted((text.index(q), text.index(q) + len(q)) for q in keep if q in text)
        out, at = [], 0
        for start, end in [*spans, (len(text), len(text))]:
            out.append(self._vary_words(text[at:start], rng) + text[start:end])
            at = end
        return "".join(out)

    def _vary_words(self, text: str, rng: random.Random) -> str:
        out = []
        for token in text.split(" "):
            match = _WORD_RE.match(token)
            if match and self._drawn(match.group(2)):
                token = f"{match.group(1)}{rng.choice(self.words)}{match.group(3)}"
            out.append(token)
        return " ".join(out)


def quotes(figures_yml: bytes) -> dict[str, tuple[str, ...]]:
    """Paragraph id -> the quotes that the key figures and timeline take from it."""
    data = yaml.safe_load(figures_yml) or {}
    out: dict[str, tuple[str, ...]] = {}
    for item in [*(data.get("figures") or []), *(data.get("timeline") or [])]:
        if isinstance(item, dict) and item.get("paragraph") and item.get("quote"):
            out[item["paragraph"]] = (*out.get(item["paragraph"], ()), str(item["quote"]))
    return out


def variant(article: Article, index: int, words: Vocabulary, keep: dict[str, tuple[str, ...]]) -> Article:
    """Article number ``index`` of a corpus: the seed's blocks (ids, kinds, lengths) with their words
    drawn anew from the seed's vocabulary (the phrases of ``keep`` left in their paragraph), a
    numbered title."""
    rng = random.Random(f"article {index}")
    blocks = tuple(replace(block, text=words.vary(block.text, rng, keep.get(block.id, ())))
                   for block in article.blocks)
    meta = dict(article.meta, title=f"{article.meta['title']} ({index + 1})")
    return Article(f"article-{index + 1:04d}", meta, blocks, dict(article.imported))


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
    arabic_words = Vocabulary([block.text for block in seed.blocks], latin=False)
    keep = quotes(extras.get("figures.yml", b""))
    english = {m.context: m for m in translations if m.id}
    english_words = Vocabulary([m.string for m in english.values() if m.context != "title"], latin=True)
    slugs = []
    for index in range(count):
        item = variant(seed, index, arabic_words, keep)
        out = target / "content" / "articles" / item.slug
        write_if_changed(out / "source.txt", (folder / "source.txt").read_bytes())
        text = article_mod.dump(item)
        write_if_changed(out / "ar.md", text)
        parsed = article_mod.parse(text, "ar.md", item.slug)
        cat = catalog_mod.new_catalog(parsed, created=translations.creation_date)
        catalog_mod.update(cat, catalog_mod.template(parsed))
        rng = random.Random(f"translation {index}")
        for message in cat:
            known = english.get(message.context)
            if not message.id or known is None:
                continue
            message.user_comments = list(known.user_comments)
            if message.context == "title":
                message.string = f"{known.string} ({index + 1})"
            elif message.context.startswith(("p-", "s-")):
                message.string = english_words.vary(known.string, rng)
            else:
                message.string = known.string
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


def edit_entry(po: Path, mark: str) -> None:
    """A translator's edit: the first paragraph entry's translation gets ``mark`` in front."""
    text = po.read_text(encoding="utf-8")
    start = text.index('\nmsgstr "', text.index('msgctxt "p-')) + len('\nmsgstr "')
    text = text[:start] + re.sub(r'^\(edit [^)]*\) ', "", text[start:])
    po.write_text(text[:start] + f"{mark} " + text[start:], encoding="utf-8")

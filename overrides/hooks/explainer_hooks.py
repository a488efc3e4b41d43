"""MkDocs hooks of the explainer site.

- ``mkdocs serve`` (and ``explainer serve``): regenerate the pages from content/ before every
  rebuild, so an edit of ar.md or en.po shows up live.
- The 404 page: mkdocs-static-i18n renders ``404.html`` once per language into the same file, so
  the last language built wins, with the language switcher of whatever page was rendered last.
  Here each language keeps its own 404 page (the default language's at the site root, the others
  under their folder), and the switcher of a 404 page points at the language home pages.
- Search: the one search index mkdocs-static-i18n writes for all languages is split into one per
  language, with the Arabic normalisation data and glossary synonyms (explainer.search). Article
  and notes pages (front matter `search: {exclude: true, by_paragraph: true}`) are indexed here
  from their content as it is written: one document per anchored paragraph, and per section
  where there is none (as Material's plugin indexes a section).

mkdocs-static-i18n builds the other languages from inside the default language's ``on_post_build``;
the work that needs every language done runs when the outermost build ends.

- Pre-rendered HTML (explainer.prerender): the blocks the generator rendered itself are taken out
  of a page before it is converted and put back when the page is written, unchanged; what is left
  of a generated page (its headings and intro) is converted by explainer.prerender as
  Python-Markdown would, without a Python-Markdown converter for every page. The templates'
  indentation is stripped from every page, and a written page's Markdown and HTML are let go
  (MkDocs would hold every page's until the build ends).
- Parallel builds: ``explainer build`` runs one MkDocs process per language at once, each with
  EXPLAINER_BUILD_LANGS naming its language; the other languages' pages are left out of that
  process's builds (mkdocs-static-i18n still knows them, so switchers and hreflang links are whole),
  and ``explainer build`` merges the outputs.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from copy import deepcopy
from functools import partial
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

log = logging.getLogger("mkdocs.hooks.explainer")
_state: dict = {"serving": False, "depth": 0, "pages_404": {}, "pre_rendered": {}, "search_docs": [],
                "headings": None}


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"


def on_pre_build(config) -> None:
    from explainer import prerender
    from explainer.locales import permalink_title

    _state["depth"] += 1
    # the headings' permalinks titled in the language being built (theme.language, which
    # mkdocs-static-i18n sets for each language's build)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = permalink_title(config.theme["language"])
    _state["headings"] = prerender.headings_of(config.markdown_extensions, config.mdx_configs)
    only = _only_languages()
    i18n = _i18n(config)
    if only is not None and i18n is not None and i18n.is_default_language_build \
            and not (set(i18n.build_languages) - {i18n.current_language}) & only:
        # A one-language process of the default language builds no other language: this is
        # mkdocs-static-i18n's own guard against building them again.
        i18n.building = True
    if _state["depth"] > 1 or not _state["serving"]:
        return
    from explainer import project
    from explainer.errors import ExplainerError

    paths = project.Paths(Path(config.config_file_path).resolve().parent)
    try:
        result = project.generate(paths)
    except ExplainerError as exc:
        for problem in exc.problems:
            log.warning("explainer: %s", problem)
        return
    for problem in result.warnings:
        log.info("explainer: %s", problem)


def _i18n(config):
    return config.plugins.get("i18n")


def _only_languages() -> set[str] | None:
    value = os.environ.get("EXPLAINER_BUILD_LANGS", "").strip()
    return set(value.split(",")) if value else None


@event_priority(-50)  # before mkdocs-static-i18n (-100) makes the language's file list
def on_files(files, config):
    """In a one-language process, leave the other languages' pages out of their builds, before
    mkdocs-static-i18n goes through every file for a build whose pages are not written here."""
    only = _only_languages()
    i18n = _i18n(config)
    if only is None or i18n is None or i18n.current_language in only:
        return files
    from mkdocs.structure.files import Files

    return Files([f for f in files if not f.is_documentation_page()])


ARTICLES_PER_SECTION = 10


def _sections(children: list, parent) -> list:
    """Children grouped in sections of ARTICLES_PER_SECTION, and those again, as often as needed."""
    from mkdocs.structure.nav import Section

    size = ARTICLES_PER_SECTION
    while len(children) > ARTICLES_PER_SECTION:
        grouped = []
        for start in range(0, len(children), ARTICLES_PER_SECTION):
            chunk = children[start:start + ARTICLES_PER_SECTION]
            first = start * size // ARTICLES_PER_SECTION + 1
            last = min(first + size - 1, first - 1 + sum(_count(c) for c in chunk))
            section = Section(f"{first}–{last}", chunk)
            for child in chunk:
                child.parent = section
            grouped.append(section)
        children = grouped
        size *= ARTICLES_PER_SECTION
    for child in children:
        child.parent = parent
    return children


def _count(item) -> int:
    return sum(_count(c) for c in item.children) if getattr(item, "children", None) else 1


@event_priority(-150)  # after mkdocs-static-i18n (-100) has made the language's navigation
def on_nav(nav, config, files):
    """Keep the navigation small on every page, whatever the number of articles: articles come
    in nested sections of ten, which Material's navigation.prune renders only along the open path
    (side-by-side and continuation pages are left out of the navigation by `not_in_nav`)."""
    for item in nav.items:
        children = getattr(item, "children", None) or []
        pages = [c for c in children if getattr(c, "file", None) is not None]
        if pages and all("/articles/" in f"/{c.file.src_uri}" for c in pages):
            item.children = _sections(children, item)
    return nav


@event_priority(100)  # before mkdocs-static-i18n (50), which would read every line of the blocks
def on_page_markdown(markdown: str, page, config, files) -> str:
    """Pre-rendered blocks out of the page: Python-Markdown converts the rest. Only their key and
    number are kept; the blocks themselves are read again when the page is written, so that the
    thousands of converted pages MkDocs holds until then stay small."""
    from explainer import prerender

    skeleton, chunks, key = prerender.split(markdown)
    if chunks:
        _state["pre_rendered"][page.file.src_uri] = (key, len(chunks))
        if _state["headings"] is not None:
            page.render = partial(_render_skeleton, page)  # this page's own, in place of Page.render
    return skeleton


def _render_skeleton(page, config, files) -> None:
    """Page.render for a generated page: its headings and placeholders (as other plugins left
    them) converted by explainer.prerender, with the table of contents, title and anchors MkDocs
    would take from Python-Markdown's conversion; a page with more in it is rendered by MkDocs."""
    from explainer import prerender
    from mkdocs.structure.toc import get_toc

    converted = prerender.convert_skeleton(page.markdown, _state["headings"])
    if converted is None:
        type(page).render(page, config, files)
        return
    page.content = converted.html
    page.toc = get_toc(converted.toc_tokens)
    page._title_from_render = converted.title
    page.present_anchor_ids = converted.ids
    page.links_to_anchors = {page.file: {anchor: f"#{anchor}" for anchor in converted.ids}} if converted.ids else {}


@event_priority(100)  # before Material's search plugin (0) reads the page's content
def _blocks_back(context, page, config, nav):
    """The pre-rendered blocks back in the page; article and notes pages indexed here."""
    from explainer import prerender

    stashed = _state["pre_rendered"].pop(page.file.src_uri, None)
    if stashed is not None:
        from mkdocs.exceptions import PluginError

        key, count = stashed
        _, chunks, _ = prerender.split(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
        try:
            if len(chunks) != count:
                raise prerender.MissingBlock(f"the page has {len(chunks)} pre-rendered blocks now, {count} "
                                             "when it was converted (it changed during the build)")
            page.content = prerender.join(page.content, chunks, key)
        except prerender.MissingBlock as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None
    if (page.meta.get("search") or {}).get("by_paragraph"):
        from explainer import search

        _state["search_docs"] += search.page_docs(page.content, page.url)
    return context


@event_priority(1)  # right before Material's search plugin (0)
def _out_of_search(context, page, config, nav):
    """A page the search plugin leaves out of its index is not given to it: it would still run
    a regular expression over the whole content to remove `data-search-*` attributes (about a
    second of a language's build at 1,000 articles), and the page has none."""
    if (page.meta.get("search") or {}).get("exclude") and "data-search-" not in page.content:
        _state["out_of_search"] = (page, page.content)
        page.content = ""
    return context


@event_priority(-1)  # right after Material's search plugin (0)
def _back_from_search(context, page, config, nav):
    hidden = _state.pop("out_of_search", None)
    if hidden is not None and hidden[0] is page:
        page.content = hidden[1]
    return context


on_page_context = CombinedEvent(_blocks_back, _out_of_search, _back_from_search)


def on_env(env, config, files):
    """Before the static templates (404.html) render: switcher links to the language homes."""
    i18n = _i18n(config)
    if i18n is not None and i18n.extra_alternate:
        # set as an attribute, the way mkdocs-static-i18n sets it for every page
        config.extra.alternate = deepcopy(i18n.extra_alternate)
    return env


def on_post_page(output: str, page, config) -> str:
    """Pages without the templates' indentation; progress on a terminal (EXPLAINER_PROGRESS, set
    by `explainer build`; quiet in CI)."""
    from explainer import prerender

    output = prerender.strip_indentation(output)
    # The page is written out next: MkDocs would keep its Markdown and HTML until the whole build
    # ends, which for thousands of pages is most of the build's memory. Nothing reads them again
    # (a page's title comes from its front matter or its rendering, not from these).
    page.markdown, page.content = "", ""
    if os.environ.get("EXPLAINER_PROGRESS"):
        i18n = _i18n(config)
        lang = i18n.current_language if i18n else ""
        done = _state.setdefault("pages", {}).get(lang, 0) + 1
        _state["pages"][lang] = done
        if done % 50 == 0:
            sys.stderr.write(f"\r  [{lang}] {done} pages rendered")
            sys.stderr.flush()
    return output


def on_post_template(output: str, template_name: str, config) -> str:
    from explainer import prerender

    if template_name.endswith(".html"):
        output = prerender.strip_indentation(output)
    if template_name == "404.html":
        i18n = _i18n(config)
        _state["pages_404"][i18n.current_language if i18n else ""] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config) -> None:
    _state["depth"] -= 1
    if _state["depth"] > 0:
        return
    i18n = _i18n(config)
    if i18n is None:
        return
    site = Path(config.site_dir)
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    for lang, output in sorted(_state["pages_404"].items()):
        target = site / "404.html" if lang == default else site / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
    _state["pages_404"].clear()
    _split_search_index(config, site, i18n, default)


def _split_search_index(config, site: Path, i18n, default: str) -> None:
    from explainer import project, search
    from explainer.errors import ExplainerError

    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    try:
        glossary = project.load_glossary(project.Paths(Path(config.config_file_path).resolve().parent))
    except ExplainerError as exc:
        for problem in exc.problems:
            log.warning("explainer: %s", problem)
        return
    languages = [lang.locale for lang in i18n.config.languages if lang.build]
    index = json.loads(index_path.read_text(encoding="utf-8"))
    indexes = search.split(index, languages, default, glossary, _state["search_docs"])
    _state["search_docs"] = []
    for lang, index in indexes.items():
        target = index_path if lang == default else site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                          encoding="utf-8")

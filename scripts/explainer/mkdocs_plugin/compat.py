"""Every use of another library's undocumented internals, one named function each.

Each function says which version of its library it was checked against, and fails loudly,
naming the library, the version installed and the version checked, when the internal is gone or
changed, instead of building a wrong site. Moving to another engine (or another version) starts
here: these are the places that will break.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError

CHECKED = {  # the versions these internals were read in
    "markdown": "3.11.3",
    "mkdocs": "1.6.1",
    "mkdocs-static-i18n": "1.3.1",
}


def _installed(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _changed(library: str, what: str) -> PluginError:
    return PluginError(f"explainer: {what} is gone or changed in {library} {_installed(library)} "
                       f"(the explainer plugin was checked against {library} {CHECKED[library]}); "
                       f"see scripts/explainer/mkdocs_plugin/compat.py")


def _attribute(target, name: str, library: str):
    if not hasattr(target, name):
        raise _changed(library, f"'{type(target).__name__}.{name}'")
    return getattr(target, name)


# --- Python-Markdown's toc extension ---------------------------------------------------------------

def toc_settings(configs: dict) -> dict:
    """The toc extension's settings for ``configs`` (its defaults filled in)."""
    from markdown.extensions.toc import TocExtension

    settings = TocExtension(**configs).getConfigs()
    for key in ("slugify", "separator", "permalink", "permalink_class", "permalink_title", "anchorlink",
                "permalink_leading", "baselevel", "toc_depth"):
        if key not in settings:
            raise _changed("markdown", f"the toc extension's setting '{key}'")
    return settings


def toc_helpers():
    """``(nest_toc_tokens, unique)`` of the toc extension: how it nests its tokens and makes ids unique."""
    from markdown.extensions import toc

    return _attribute(toc, "nest_toc_tokens", "markdown"), _attribute(toc, "unique", "markdown")


# --- MkDocs' pages -----------------------------------------------------------------------------------

def render_with(page, render) -> None:
    """Let ``render(config, files)`` render this page in place of ``Page.render``."""
    _attribute(page, "render", "mkdocs")
    page.render = render


def render_as_mkdocs(page, config, files) -> None:
    """The page rendered by MkDocs' own ``Page.render`` (past an instance's :func:`render_with`)."""
    type(page).render(page, config, files)


def set_converted(page, content: str, toc_tokens: list, title: str | None, ids: set,
                  more_ids: frozenset = frozenset()) -> None:
    """What MkDocs takes from rendering a page, from a conversion done without Python-Markdown:
    its content, table of contents, title, its headings' ``ids`` (which their permalinks link
    to) and the anchors its validation knows (``more_ids`` too, of blocks put back later)."""
    from mkdocs.structure.toc import get_toc

    for name in ("_title_from_render", "present_anchor_ids", "links_to_anchors"):
        _attribute(page, name, "mkdocs")
    page.content = content
    page.toc = get_toc(toc_tokens)
    page._title_from_render = title
    page.present_anchor_ids = set(ids) | set(more_ids)
    page.links_to_anchors = {page.file: {anchor: f"#{anchor}" for anchor in ids}} if ids else {}


def add_anchors(page, ids) -> None:
    """Anchors of the page that MkDocs' rendering did not see (in blocks put back later)."""
    if ids:
        present = _attribute(page, "present_anchor_ids", "mkdocs")
        page.present_anchor_ids = set(present or ()) | set(ids)


# --- mkdocs-static-i18n ------------------------------------------------------------------------------

class I18n:
    """What the plugin needs of mkdocs-static-i18n's state during a build."""

    def __init__(self, plugin) -> None:
        self.plugin = plugin
        for name in ("building", "is_default_language_build", "build_languages", "current_language",
                     "extra_alternate", "config"):
            _attribute(plugin, name, "mkdocs-static-i18n")

    @property
    def current_language(self) -> str:
        return self.plugin.current_language

    @property
    def is_default_language_build(self) -> bool:
        return self.plugin.is_default_language_build

    @property
    def build_languages(self) -> list[str]:
        return list(self.plugin.build_languages)

    @property
    def extra_alternate(self) -> list:
        return self.plugin.extra_alternate

    @property
    def default_language(self) -> str:
        return next(lang.locale for lang in self.plugin.config.languages if lang.default)

    @property
    def built_languages(self) -> list[str]:
        return [lang.locale for lang in self.plugin.config.languages if lang.build]

    def skip_other_languages(self) -> None:
        """Mark the build as already building the other languages: mkdocs-static-i18n's own guard
        against building them again, used by a process that builds one language only."""
        self.plugin.building = True


def i18n(config) -> I18n | None:
    """mkdocs-static-i18n's state, when the site uses it."""
    plugin = config.plugins.get("i18n")
    return I18n(plugin) if plugin is not None else None


# --- reusing pages of the previous build (MkDocs' --dirty) -----------------------------------------

def set_modified(file, modified: bool) -> None:
    """Whether MkDocs' dirty build reads and writes ``file`` (``File.is_modified``, which it asks in
    ``_populate_page`` and ``_build_page``; overridden on the instance)."""
    _attribute(file, "is_modified", "mkdocs")
    file.is_modified = lambda: modified


def read_state(page) -> dict:
    """What MkDocs takes from reading and converting a page that other pages, the navigation and
    the anchors' validation use: its title, front matter, anchors and links to anchors (JSON data,
    the linked pages by ``src_uri``)."""
    for name in ("present_anchor_ids", "links_to_anchors", "meta"):
        _attribute(page, name, "mkdocs")
    return {"title": page.title, "meta": page.meta, "anchors": sorted(page.present_anchor_ids or ()),
            "links": {f.src_uri: dict(links) for f, links in (page.links_to_anchors or {}).items()}}


def restore_read_state(page, state: dict, files) -> bool:
    """A page left unread (MkDocs' dirty build skips reading an unmodified file) given what reading
    it gave last time (:func:`read_state`); False when a page it links to is gone."""
    from mkdocs.structure.pages import Page

    targets = {src: files.get_file_from_path(src) for src in state["links"]}
    if None in targets.values():
        return False
    if page is None:
        raise _changed("mkdocs", "'File.page' before reading")
    for name in ("present_anchor_ids", "links_to_anchors"):
        _attribute(page, name, "mkdocs")
    descriptor = Page.__dict__.get("title")
    if descriptor is None or hasattr(descriptor, "__set__"):
        raise _changed("mkdocs", "'Page.title' (a property a page may overwrite)")
    if "title" not in page.__dict__:  # a title the navigation gave is kept
        page.title = state["title"]  # over MkDocs' weak_property, until the page is read
        page._explainer_title = True
    page.meta = dict(state["meta"])
    page.present_anchor_ids = set(state["anchors"])
    page.links_to_anchors = {targets[src]: dict(links) for src, links in state["links"].items()}
    return True


def read_now(page, config, files) -> None:
    """A page left unread read and converted after all (MkDocs' ``_populate_page``, with the plugin
    events of reading a page), its restored state dropped first."""
    from mkdocs.commands import build

    populate = _attribute(build, "_populate_page", "mkdocs")
    if page.__dict__.pop("_explainer_title", False):
        page.__dict__.pop("title", None)
    page.meta, page.present_anchor_ids, page.links_to_anchors = {}, None, None
    populate(page, config, files, False)


def page_of(file, config):
    """The file's page (MkDocs makes those of pages outside the navigation only while reading)."""
    from mkdocs.structure.pages import Page

    return file.page if file.page is not None else Page(None, file, config)


DIRTY_WARNING = "A 'dirty' build is being performed"
# mkdocs-static-i18n's warning of a language without a home page (1.3.1, plugin.py, on_nav), as its
# plugin logger (MkDocs' get_plugin_logger) words it
HOME_WARNING = "mkdocs_static_i18n: Could not find a homepage for locale '{}'"
I18N_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.plugin"


class _Unsaid:
    """A logging filter that drops the messages starting with ``start``."""

    def __init__(self, start: str) -> None:
        self.start = start

    def filter(self, record) -> bool:
        return not str(record.msg).startswith(self.start)


def _leave_unsaid(logger_name: str, start: str) -> None:
    """The messages of ``logger_name`` that start with ``start`` left unsaid (once)."""
    import logging

    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, _Unsaid) and f.start == start for f in logger.filters):
        logger.addFilter(_Unsaid(start))


def quiet_missing_home(language: str) -> None:
    """mkdocs-static-i18n warns of a language without a home page, which is true of a build whose
    pages the explainer plugin left out (another process builds them) and of no other: the warning
    would fail a strict build. (Should the library name its logger or word its warning otherwise,
    the warning shows, and a strict build fails with it.)"""
    _leave_unsaid(I18N_LOGGER, HOME_WARNING.format(language))


def warnings_only_state():
    """The state of MkDocs' command line (``mkdocs.__main__.State``, handed to it as its context
    object) for a build that shows warnings and errors but not its information lines. ``--quiet``
    would hide the warnings from the count that fails a ``--strict`` build as well: it stops MkDocs'
    logger at ERROR, before the counter sees them."""
    import logging

    from mkdocs import __main__ as command_line

    state = _attribute(command_line, "State", "mkdocs")()
    if not isinstance(getattr(state, "logger", None), logging.Logger):
        raise _changed("mkdocs", "'State.logger'")
    state.logger.setLevel(logging.WARNING)
    return state


def quiet_dirty_warning() -> None:
    """MkDocs warns that a dirty build's navigation may be inaccurate, which is true of its own
    modification times and not of the pages the explainer plugin reuses (their navigation is part
    of what they are checked by); the warning would fail a strict build."""
    _leave_unsaid("mkdocs.commands.build", DIRTY_WARNING)


def page_alternates(page) -> dict[str, str]:
    """The page's twin in each language, as mkdocs-static-i18n links its language switcher to
    them (its ``file.alternates``): language -> URL."""
    alternates = getattr(page.file, "alternates", None)
    if alternates is None:
        return {}
    if not isinstance(alternates, dict):
        raise _changed("mkdocs-static-i18n", "'File.alternates'")
    return {lang: getattr(f, "url", "") for lang, f in sorted(alternates.items())}


def live_server(builder, host: str, port: int, root: Path, mount_path: str, error_page):
    """MkDocs' live-reloading server (``mkdocs.livereload.LiveReloadServer``, what ``mkdocs serve``
    runs): it serves ``root`` under ``mount_path``, holds requests while ``builder`` runs after a
    change to what it watches (``watch``), then has the browsers reload; ``error_page(code)`` gives
    the bytes of its error pages. ``serve()`` runs it until interrupted, ``shutdown()`` stops it."""
    from mkdocs import livereload

    server_class = _attribute(livereload, "LiveReloadServer", "mkdocs")
    server = server_class(builder=builder, host=host, port=port, root=str(root), mount_path=mount_path)
    for name in ("watch", "serve", "shutdown", "error_handler"):
        _attribute(server, name, "mkdocs")
    server.error_handler = error_page
    return server

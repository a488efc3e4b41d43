"""Pre-rendered HTML: the generator's HTML is what Python-Markdown would make of the same text,
and the hook's fast path gives the page Python-Markdown gives without it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import markdown
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from conftest import REPO
from explainer import header, parallel, prerender, render, termlinks
from explainer.mkdocs_plugin import skeleton as sk
from explainer.mkdocs_plugin.plugin import ExplainerPlugin

from testdata import ARTICLE, GLOSSARY, TRANSLATIONS

# mkdocs.yml's markdown_extensions
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences",
              "tables", "toc"]


def _site_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS)


def _paragraph(md: markdown.Markdown, text: str) -> str:
    md.reset()
    out = md.convert(text)
    assert out.startswith("<p>") and out.endswith("</p>")
    return out[3:-4]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab ل1\\*_`[]{}()<>&#;!.-+|\"':/x", min_size=1, max_size=14))
def test_inline_renders_what_python_markdown_renders(text):
    md = _site_markdown()
    md.reset()
    out = md.convert(text)
    if not (out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1):
        return  # not one paragraph of text (a heading, a list...): never a segment
    assert prerender.inline(text) == out[3:-4]


@pytest.mark.parametrize("text, fast", [
    ("Meta\\'s 41\\% fall &amp; a \\[note\\] &lt;b&gt; > 3", True),
    ("a *stressed* word", False),
    ("\\<b>raw</b>", False),
    ("a `code` span", False),
    ("two\nlines", False),
    (" leading space", False),
    ("&#12 without its semicolon", False),
])
def test_plain_text_takes_the_fast_path(text, fast):
    assert prerender.is_plain(text) is fast
    assert prerender.inline(text) == _paragraph(_site_markdown(), text)


def test_glossary_links_as_html_match_the_markdown_links():

    md = _site_markdown()
    for lang, text in (("ar", "قالت ميتا ثم لميتا إن الذكاء الاصطناعي التوليدي \\* مهم."),
                       ("en", "Meta's generative AI and LeCun's *large* language models.")):
        matcher = termlinks.Matcher(GLOSSARY, lang)
        linked_md, found_md = termlinks.link_terms(text, matcher, "../../glossary/")
        linked_html, found_html = termlinks.link_terms_html(text, matcher, "../../glossary/")
        assert found_html == found_md and found_html
        assert linked_html == _paragraph(md, linked_md)
        assert 'class="ex-term" href="../../glossary/#meta"' in linked_html


def test_split_and_join_restore_the_blocks():
    page = "# Title\n" + prerender.block("<p id=\"p-1\">One</p>") + "\n## Two\n" + prerender.block("<div>x</div>")
    skeleton, chunks, key = sk.split(page)
    assert chunks == ['<p id="p-1">One</p>', "<div>x</div>"]
    assert prerender.OPEN not in skeleton and "<p id" not in skeleton
    html = _site_markdown().convert(skeleton)
    assert sk.join(html, chunks, key) == ('<h1 id="title">Title</h1>\n<p id="p-1">One</p>\n'
                                                 '<h2 id="two">Two</h2>\n<div>x</div>')
    with pytest.raises(sk.MissingBlock, match="pre-rendered block 2 lost its place"):
        sk.join(html.replace(sk.placeholder(key, 1), "gone"), chunks, key)


def _lines(html: str) -> list[str]:
    return [line for line in html.splitlines() if line.strip()]


def test_page_is_the_same_with_and_without_the_fast_path():
    for lang in ("ar", "en"):
        texts = render.localise(ARTICLE, lang, TRANSLATIONS)
        for page in (render.article_page(ARTICLE, lang, texts, ["x"]),
                     parallel.parallel_page(ARTICLE, lang, {"ar": render.localise(ARTICLE, "ar", TRANSLATIONS),
                                                          "en": render.localise(ARTICLE, "en", TRANSLATIONS)},
                                          ["x"])):
            body = page.split("---\n", 2)[2]
            plain = _site_markdown().convert(body)
            skeleton, chunks, key = sk.split(body)
            fast = sk.join(_site_markdown().convert(skeleton), chunks, key)
            without_marks = plain.replace(prerender.OPEN, "").replace(prerender.CLOSE, "")
            assert _lines(fast) == _lines(without_marks)
            assert len(chunks) >= 1


def test_strip_indentation_keeps_what_renders():
    page = ("<html>\n  <body>\n    <div class=\"x\">\n      <p>one\n\n        two <b>three</b>\n<i>four</i></p>\n"
            "      <pre>  code\n    kept</pre>\n  <textarea>\n  as typed</textarea>\n    </div>\n  </body>\n</html>")
    assert sk.strip_indentation(page) == (
        '<html><body><div class="x"><p>one\ntwo <b>three</b>\n<i>four</i></p><pre>  code\n    kept</pre>'
        "\n<textarea>\n  as typed</textarea></div></body></html>")


# --- the plugin's conversion of a page's skeleton (its headings and placeholders) -------------------

PLUGIN = ExplainerPlugin()


@lru_cache(maxsize=None)
def _mkdocs_config(root: str):
    from mkdocs.config import load_config

    return load_config(str(Path(root) / "mkdocs.yml"))


def _rendered(markdown_text: str, root: Path, fast: bool):
    """What MkDocs takes from rendering a page: by MkDocs itself, or by the hook's conversion."""
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    config = _mkdocs_config(str(root))
    file = File("en/articles/page.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    page = Page(None, file, config)
    page.markdown = markdown_text
    if fast:
        PLUGIN.headings = sk.headings_of(config.markdown_extensions, config.mdx_configs)
        PLUGIN._render_skeleton(page, config, Files([file]))
    else:
        page.render(config, Files([file]))

    def toc(items):
        return [(i.title, i.id, i.level, i.url, toc(i.children)) for i in items]

    links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
    return page.content, toc(page.toc), page._title_from_render, page.present_anchor_ids, links


def _outcome(skeleton: str, root: Path, fast: bool):
    try:
        return _rendered(skeleton, root, fast)
    except Exception as exc:  # MkDocs' own failures (its HTML parser's, say) are the same both ways
        return type(exc), str(exc)


def _skeleton_converted(skeleton: str, root: Path = REPO) -> bool:
    """Whether convert_skeleton takes the page; the plugin's result equals MkDocs' either way."""
    assert _outcome(skeleton, root, fast=True) == _outcome(skeleton, root, fast=False)
    config = _mkdocs_config(str(root))
    return sk.convert_skeleton(skeleton, sk.headings_of(config.markdown_extensions,
                                                                      config.mdx_configs)) is not None


_TEXT = st.text(alphabet="aZ ل1\\*_`[]{}()<>&#;!.-+|=~:\"'/x\t", min_size=0, max_size=12)
_LINE = st.one_of(
    st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 7), _TEXT),
    st.builds(lambda text: "A" + text, _TEXT),
    _TEXT,
    st.builds(lambda n: sk.placeholder("0123456789abcdef", n), st.integers(0, 3)),
    st.just(""),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE, max_size=7), st.sampled_from(["\n\n", "\n"]))
def test_skeleton_converted_as_mkdocs_renders_it(lines, separator):
    converted = _skeleton_converted(separator.join(lines))
    event("converted by the hook" if converted else "rendered by MkDocs")


@pytest.mark.parametrize("skeleton, fast", [
    ("# Meta\\'s 41\\% & co\n\nexplainer-pre-rendered-0123456789abcdef-0\n\n## Two\n\n## Two\n\n## Two", True),
    ("# Snake_case", False),
    ("## No title first\n\nالمقالات بالعربية.\n\n# Then a title", True),
    ("Intro first.\n\n# Title", True),
    ("# Title #", False),
    ("# Title {#own-id}", False),
    ("# Title\nA paragraph right under it", False),
    ("- a list item", False),
    ("1. a list", False),
    ("    indented code", False),
    ("!!! note", False),
    ("A *stressed* word", False),
    ("explainer-pre-rendered-0123456789abcdef-0\nexplainer-pre-rendered-0123456789abcdef-1", False),
])
def test_skeletons_the_hook_converts(skeleton, fast):
    assert _skeleton_converted(skeleton) is fast


def test_every_page_with_pre_rendered_blocks_is_converted_by_the_plugin(built_site):
    """Every generated page with pre-rendered blocks (all but the glossary, which is Markdown)."""
    project = built_site.parent
    skeletons = {}
    for path in sorted((project / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        skeleton, chunks, _ = sk.split(text.split("---\n", 2)[2] if header.is_generated(text[:400]) else "")
        if chunks:
            skeletons[path.relative_to(project / "docs").as_posix()] = skeleton
    assert set(skeletons) == {f"{lang}/{name}" for lang in ("ar", "en") for name in (
        "index.md", "articles/meta-ai-exodus.md", "parallel/meta-ai-exodus.md", "notes.md", "status.md")}
    for name, skeleton in skeletons.items():
        assert _skeleton_converted(skeleton, project), name

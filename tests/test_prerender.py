"""Pre-rendered HTML: the generator's HTML is what Python-Markdown would make of the same text,
and the hook's fast path gives the page Python-Markdown gives without it."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer import glossary, prerender, render

from test_render import ARTICLE, TRANSLATIONS

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
    from test_glossary import GLOSSARY

    md = _site_markdown()
    for lang, text in (("ar", "قالت ميتا ثم لميتا إن الذكاء الاصطناعي التوليدي \\* مهم."),
                       ("en", "Meta's generative AI and LeCun's *large* language models.")):
        matcher = glossary.Matcher(GLOSSARY, lang)
        linked_md, found_md = glossary.link_terms(text, matcher, "../../glossary/")
        linked_html, found_html = glossary.link_terms_html(text, matcher, "../../glossary/")
        assert found_html == found_md and found_html
        assert linked_html == _paragraph(md, linked_md)
        assert 'class="ex-term" href="../../glossary/#meta"' in linked_html


def test_split_and_join_restore_the_blocks():
    page = "# Title\n" + prerender.block("<p id=\"p-1\">One</p>") + "\n## Two\n" + prerender.block("<div>x</div>")
    skeleton, chunks, key = prerender.split(page)
    assert chunks == ['<p id="p-1">One</p>', "<div>x</div>"]
    assert prerender.OPEN not in skeleton and "<p id" not in skeleton
    html = _site_markdown().convert(skeleton)
    assert prerender.join(html, chunks, key) == ('<h1 id="title">Title</h1>\n<p id="p-1">One</p>\n'
                                                 '<h2 id="two">Two</h2>\n<div>x</div>')
    with pytest.raises(prerender.MissingBlock, match="pre-rendered block 2 lost its place"):
        prerender.join(html.replace(prerender.placeholder(key, 1), "gone"), chunks, key)


def _lines(html: str) -> list[str]:
    return [line for line in html.splitlines() if line.strip()]


def test_page_is_the_same_with_and_without_the_fast_path():
    for lang in ("ar", "en"):
        texts = render.localise(ARTICLE, lang, TRANSLATIONS)
        for page in (render.article_page(ARTICLE, lang, texts, ["x"]),
                     render.parallel_page(ARTICLE, lang, {"ar": render.localise(ARTICLE, "ar", TRANSLATIONS),
                                                          "en": render.localise(ARTICLE, "en", TRANSLATIONS)},
                                          ["x"])):
            body = page.split("---\n", 2)[2]
            plain = _site_markdown().convert(body)
            skeleton, chunks, key = prerender.split(body)
            fast = prerender.join(_site_markdown().convert(skeleton), chunks, key)
            without_marks = plain.replace(prerender.OPEN, "").replace(prerender.CLOSE, "")
            assert _lines(fast) == _lines(without_marks)
            assert len(chunks) >= 1


def test_strip_indentation_keeps_what_renders():
    page = ("<html>\n  <body>\n    <div class=\"x\">\n      <p>one\n\n        two <b>three</b>\n<i>four</i></p>\n"
            "      <pre>  code\n    kept</pre>\n  <textarea>\n  as typed</textarea>\n    </div>\n  </body>\n</html>")
    assert prerender.strip_indentation(page) == (
        '<html><body><div class="x"><p>one\ntwo <b>three</b>\n<i>four</i></p><pre>  code\n    kept</pre>'
        "\n<textarea>\n  as typed</textarea></div></body></html>")

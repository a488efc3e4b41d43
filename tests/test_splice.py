"""A page's new pre-rendered blocks put into its written output: the result is the page the theme
and the indentation stripping would give, or nothing when it cannot be told."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.mkdocs_plugin.skeleton import strip_indentation
from explainer.mkdocs_plugin.splice import locate, skeleton_digest, source_digest, splice
from explainer.prerender import CLOSE, OPEN

TEMPLATE = ('<html>\n  <body>\n    <nav>\n      <ul><li>Home</li></ul>\n    </nav>\n    <article class="md">\n'
            '      <h1 id="t">Title</h1>\n{0}\n      <h2 id="s">Section</h2>\n{1}\n    </article>\n'
            '    <pre>\n  kept   as is\n</pre>\n  </body>\n</html>\n')


def _page(chunks: list[str]) -> str:
    return strip_indentation(TEMPLATE.format(*chunks))


def test_new_blocks_give_the_page_the_theme_would_give():
    old = ['<p id="p-1">Old text of\n  the first paragraph.</p>', '\n<div class="box">\n  <p>Note</p>\n</div>\n']
    new = ['<p id="p-1">New, longer text of\n      the first paragraph.</p>', '\n<div class="box">\n  <p>Other</p>\n</div>\n']
    output = _page(old)
    places = locate(output, old)
    assert places is not None and [output[start:end] for start, end, *_ in places] == \
        ['<p id="p-1">Old text of\nthe first paragraph.</p>', '<div class="box"><p>Note</p></div>']
    spliced, new_places = splice(output, places, new)
    assert spliced == _page(new)
    assert splice(spliced, new_places, old)[0] == output  # and back, from the places it gave


def test_blocks_that_start_or_end_another_way_or_a_changed_page_are_left_to_the_build():
    old = ['<p id="p-1">One.</p>', '<p id="p-2">Two.</p>']
    output = _page(old)
    places = locate(output, old)
    assert splice(output, places, ['<p id="p-1">One.</p>']) is None  # a block fewer
    assert splice(output, places, ['Plain text', '<p id="p-2">Two.</p>']) is None  # starts another way
    assert splice(output, places, ['<p id="p-1">One.</p>\n', '<p id="p-2">Two.</p>']) is None  # ends another way
    assert splice(output.replace("One.", "Uno."), places, old) is None  # not the page the places are of
    assert locate(_page(['<p>Same</p>', '<p>Same</p>']), ['<p>Same</p>', '<p>Same</p>']) is None  # twice
    assert locate(output, ['<p id="p-9">Not there.</p>', '<p id="p-2">Two.</p>']) is None


_TEXT = st.text(alphabet="ab \n\t<>/=\"", max_size=30)
_BLOCK = st.builds(lambda tag, lead, inner, trail: f"{lead}<{tag}>{inner}</{tag}>{trail}",
                   st.sampled_from(["p", "div", "li", "span", "pre", "em"]), st.sampled_from(["", "\n", "\n  ", " "]),
                   _TEXT, st.sampled_from(["", "\n", "\n\n", "  "]))


@settings(max_examples=300, deadline=None)
@given(old=st.lists(_BLOCK, min_size=2, max_size=2), new=st.lists(_BLOCK, min_size=2, max_size=2))
def test_a_splice_is_exactly_the_page_stripped_again_or_none(old, new):
    output = _page(old)
    places = locate(output, old)
    result = splice(output, places, new) if places else None
    if result is not None:
        assert result[0] == _page(new)


_EDGES = st.tuples(st.sampled_from(["p", "div", "li", "pre"]), st.sampled_from(["", "\n", "\n  "]),
                   st.sampled_from(["", "\n", "\n\n"]))
_INNER = st.text(alphabet="ab \n\t", min_size=1, max_size=30).filter(lambda t: t.strip())


@settings(max_examples=200, deadline=None)
@given(edges=st.lists(_EDGES, min_size=2, max_size=2), old=st.lists(_INNER, min_size=2, max_size=2),
       new=st.lists(_INNER, min_size=2, max_size=2))
def test_blocks_that_start_and_end_as_before_are_always_spliced(edges, old, new):
    def blocks(inners):
        return [f"{lead}<{tag} id=\"b{n}\">{inner}</{tag}>{trail}" for n, ((tag, lead, trail), inner)
                in enumerate(zip(edges, inners))]
    output = _page(blocks(old))
    result = splice(output, locate(output, blocks(old)), blocks(new))
    assert result is not None and result[0] == _page(blocks(new))


def _source(title: str, blocks: list[str], comment: str = "digest: 1") -> str:
    body = "\n\n".join(f"{OPEN}\n{block}\n{CLOSE}" for block in blocks)
    return f"---\n# {comment}\ntitle: {title}\n---\n# {title}\n\n{body}\n\n## End\n"


def test_the_skeleton_is_the_page_but_its_blocks_and_the_comments_of_its_front_matter():
    digest, blocks = source_digest(_source("A", ["<p>one</p>", "<p>two</p>"]))
    assert blocks == ["<p>one</p>", "<p>two</p>"]
    assert source_digest(_source("A", ["<p>uno</p>", "<p>dos</p>"], comment="digest: 2"))[0] == digest
    assert source_digest(_source("B", ["<p>one</p>", "<p>two</p>"]))[0] != digest  # the title
    assert source_digest(_source("A", ["<p>one</p>"]))[0] != digest  # a block fewer
    assert skeleton_digest({"title": "A"}, "# A\n") != skeleton_digest({"title": "A", "icon": "x"}, "# A\n")

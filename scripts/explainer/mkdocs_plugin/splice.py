"""A page's new pre-rendered blocks put into its written output, without building the site.

When a generated page changes only inside its pre-rendered blocks (a translation, a paragraph, a
glossary definition in a tooltip), the page MkDocs would write differs from the one written last
time only where those blocks are: its front matter, headings, title, table of contents and
navigation are the same, and so is every other page. The live preview uses this to show such an
edit at once (:mod:`.preview`): while a build writes its output, the plugin records where each
block ended up in the page (:func:`locate`); after a save, :func:`splice` puts the new blocks in
their place. A page whose skeleton changed, or whose blocks cannot be told apart in its output,
is left to the next build.

A block's place is its text as :func:`.skeleton.strip_indentation` leaves it, white space at
either end aside: what surrounds a block in a page is stripped the same way whatever the block
holds, as long as it starts and ends the same way (:func:`_edges`).
"""

from __future__ import annotations

import hashlib
import json
import re

from .skeleton import _BLOCK, placeholder, split, strip_indentation

_OPENS_BLOCK_RE = re.compile(rf"</?{_BLOCK}\b")
_CLOSES_BLOCK_RE = re.compile(rf"</?{_BLOCK}\b[^>]*>\Z")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def skeleton_digest(meta: dict, markdown: str) -> str:
    """What a page is made of besides its pre-rendered blocks: its front matter (as read, so that
    comments in it do not count) and its Markdown with each block replaced by its number."""
    text, _, key = split(markdown)
    if key:
        text = text.replace(placeholder(key, 0)[:-1], "explainer-pre-rendered-")
    return _digest(json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str) + "\0" + text)


def source_digest(source: str) -> tuple[str, list[str]]:
    """A page's source file: its :func:`skeleton_digest` and its pre-rendered blocks."""
    from mkdocs.utils.meta import get_data

    markdown, meta = get_data(source)
    return skeleton_digest(meta, markdown), split(markdown)[1]


def _core(chunk: str) -> str:
    return strip_indentation(chunk).strip()


def _edges(chunk: str) -> list:
    """How a block starts and ends, which decides how the page around it is stripped."""
    core = _core(chunk)
    lead, trail = chunk[:len(chunk) - len(chunk.lstrip())], chunk[len(chunk.rstrip()):]
    return [lead, trail, bool(_OPENS_BLOCK_RE.match(core)), bool(_CLOSES_BLOCK_RE.search(core))]


def locate(output: str, chunks: list[str]) -> list | None:
    """Where each block is in a written page: ``[start, end, digest, edges]`` per block, in order;
    None when a block cannot be told apart (empty, or its text found more than once)."""
    places, position = [], 0
    for chunk in chunks:
        core = _core(chunk)
        if not core or output.count(core) != 1:
            return None
        start = output.find(core, position)
        if start < 0:
            return None
        places.append([start, start + len(core), _digest(core), _edges(chunk)])
        position = start + len(core)
    return places


def splice(output: str, places: list, chunks: list[str]) -> tuple[str, list] | None:
    """The page ``output`` (written with its blocks at ``places``) with ``chunks`` in their place,
    and where they are in it; None when it cannot be done: another number of blocks, a block that
    starts or ends another way, or an output that is not the one the places were taken from."""
    if len(chunks) != len(places):
        return None
    parts, new_places, position, shift = [], [], 0, 0
    for (start, end, digest, edges), chunk in zip(places, chunks):
        if start < position or _digest(output[start:end]) != digest or _edges(chunk) != edges:
            return None
        core = _core(chunk)
        if not core:
            return None
        parts += [output[position:start], core]
        new_start = start + shift
        new_places.append([new_start, new_start + len(core), _digest(core), edges])
        shift += len(core) - (end - start)
        position = end
    parts.append(output[position:])
    return "".join(parts), new_places

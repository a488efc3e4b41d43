"""Runs of another script inside a paragraph, isolated and marked with their language.

In Arabic text a Latin name followed by a number ("خسر قسم Metaverse 4 مليارات") is laid out by
the Unicode bidi algorithm with the number on the wrong side of the name: the digits join the
left-to-right run. A run wrapped in an element with ``dir`` is isolated (HTML gives such an element
``unicode-bidi: isolate``), so it no longer pulls its neighbours in, and its ``lang`` lets screen
readers and fonts treat it as the language it is. The same holds for Arabic quoted in English.
"""

from __future__ import annotations

import re

from .writing import ARABIC_BLOCK

# A run of the other script: Latin words (with digits, dots, hyphens and apostrophes inside them,
# single spaces between words: "Yann LeCun", "GPT-4", "Meta AI"; a number after a space is not
# part of the run), or Arabic words.
RUNS = {
    # (the letter first, what may not stand before it looked back at after it: a pattern that starts
    # with a letter is searched for letter by letter, one that starts with a look-behind is tried at
    # every position of an Arabic text)
    "en": re.compile(r"[A-Za-z](?<![&#\w][A-Za-z])[A-Za-z0-9]*(?:(?:[.'’\-](?=[A-Za-z0-9])| (?=[A-Za-z]))[A-Za-z0-9]+)*"),
    "ar": re.compile(f"[{ARABIC_BLOCK}](?:[{ARABIC_BLOCK}\\s]*[{ARABIC_BLOCK}])?"),
}
DIRECTION = {"en": "ltr", "ar": "rtl"}
_TAG_RE = re.compile(r"(<[^>]*>)")
_OPEN_RE = re.compile(r"<(\w+)\b([^>]*)")  # an opening tag: its name and the rest
_LANG_RE = re.compile(r"\blang=")
_SKIP_TAGS = frozenset(("code", "kbd", "pre", "script", "style"))


def isolate_runs(html: str, lang: str) -> str:
    """``html`` (text in ``lang``) with every run of the other script in a ``<span lang dir>``;
    text already inside an element with a ``lang``, and code, are left as they are."""
    other = "en" if lang == "ar" else "ar"
    pattern = RUNS[other]
    span = f'<span lang="{other}" dir="{DIRECTION[other]}">'
    out: list[str] = []
    closing: list[str] = []  # tags whose text is left alone, innermost last
    for piece in _TAG_RE.split(html):
        if not piece:
            continue
        if piece[0] == "<":
            out.append(piece)
            opened = _OPEN_RE.match(piece)
            if opened and (opened.group(1) in _SKIP_TAGS or _LANG_RE.search(opened.group(2))):
                if not piece.endswith("/>"):
                    closing.append(opened.group(1))
            elif closing and piece.startswith(f"</{closing[-1]}"):
                closing.pop()
            continue
        out.append(piece if closing else pattern.sub(lambda m: f"{span}{m.group(0)}</span>", piece))
    return "".join(out)

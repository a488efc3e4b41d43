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
    "en": re.compile(r"(?<![&#\w])[A-Za-z][A-Za-z0-9]*(?:(?:[.'’\-](?=[A-Za-z0-9])| (?=[A-Za-z]))[A-Za-z0-9]+)*"),
    "ar": re.compile(f"[{ARABIC_BLOCK}](?:[{ARABIC_BLOCK}\\s]*[{ARABIC_BLOCK}])?"),
}
DIRECTION = {"en": "ltr", "ar": "rtl"}
_TAG_RE = re.compile(r"(<[^>]*>)")
_OPEN_LANG_RE = re.compile(r"^<(\w+)\b[^>]*\blang=")
_SKIP_TAGS = ("code", "kbd", "pre", "script", "style")


def isolate_runs(html: str, lang: str) -> str:
    """``html`` (text in ``lang``) with every run of the other script in a ``<span lang dir>``;
    text already inside an element with a ``lang``, and code, are left as they are."""
    other = "en" if lang == "ar" else "ar"
    pattern = RUNS[other]
    out: list[str] = []
    closing: list[str] = []  # tags whose text is left alone, innermost last
    for piece in _TAG_RE.split(html):
        if piece.startswith("<"):
            out.append(piece)
            opened = _OPEN_LANG_RE.match(piece)
            name = re.match(r"^<(\w+)", piece)
            if opened or (name and name.group(1) in _SKIP_TAGS):
                if not piece.endswith("/>"):
                    closing.append((opened or name).group(1))
            elif closing and piece.startswith(f"</{closing[-1]}"):
                closing.pop()
            continue
        if closing or not piece:
            out.append(piece)
            continue
        out.append(pattern.sub(lambda m: f'<span lang="{other}" dir="{DIRECTION[other]}">{m.group(0)}</span>', piece))
    return "".join(out)

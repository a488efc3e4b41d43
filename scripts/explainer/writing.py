"""Scripts and direction controls: the character ranges that text is tested against, in one place.

Each is a fragment of a regular-expression character class (to be put between ``[`` and ``]``).
"""

from __future__ import annotations

import re

ARABIC_BLOCK = "\u0600-\u06ff"  # the whole Arabic block: letters, marks, digits, punctuation
ARABIC_LETTERS = "\u0621-\u064a\u0671-\u06d3"  # letters (the range holds tatweel, U+0640, too)
ARABIC_LETTERS_ONLY = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"  # letters, tatweel left out
TASHKEEL = "\u064b-\u0652"
TATWEEL = "\u0640"
CJK = "\u4e00-\u9fff"
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"  # embeddings, overrides and isolates
BIDI_MARKS = "\u200e\u200f"  # left-to-right and right-to-left marks

ARABIC_RE = re.compile(f"[{ARABIC_BLOCK}]")
LATIN_RE = re.compile(r"[A-Za-z]")
ARABIC_WORD_RE = re.compile(f"[{ARABIC_LETTERS}][{ARABIC_LETTERS}{TASHKEEL}{TATWEEL}]+")
BIDI_CONTROLS_RE = re.compile(f"[{BIDI_CONTROLS}]")


def has_arabic(text: str) -> bool:
    """Whether ``text`` has a character of the Arabic block."""
    return ARABIC_RE.search(text) is not None

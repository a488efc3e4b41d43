"""Arabic text normalisation for matching: the same function serves the glossary and search.

An Arabic reader writes a word with or without hamza, with ه for ة and ي for ى, without tashkeel,
and with clitics attached (و ف ب ك ل and the article ال). Matching compares *keys*: normalised
forms with those clitics removed, on both sides.
"""

from __future__ import annotations

import re
import unicodedata

TASHKEEL_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
_LETTER_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ؤ": "و", "ئ": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "٪": "%", "٫": ".", "٬": ",",
})
# Proclitics, longest first: conjunction (و ف), preposition (ب ك ل), article (ال); لل is ل + ال.
_PREFIXES = tuple(sorted({c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل")
                          for a in ("", "ال") if c + p + a} | {"لل", "ولل", "فلل"},
                         key=lambda prefix: (-len(prefix), prefix)))
MIN_STEM = 3  # a stem shorter than this is not split off: ليس, بين, لكن stay whole
WORD_RE = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")


def normalise(text: str) -> str:
    """Fold spelling variants: tashkeel, tatweel, hamza/alef forms, ة/ه, ى/ي, digits, case."""
    text = unicodedata.normalize("NFC", text)
    text = TASHKEEL_RE.sub("", text).replace(TATWEEL, "")
    return text.translate(_LETTER_MAP).casefold()


def strip_clitics(word: str, lexicon: frozenset[str] = frozenset()) -> str:
    """Remove attached proclitics from a normalised word, keeping a stem of at least MIN_STEM letters.

    ``lexicon`` holds known words (glossary names, without the article): a word that is one of
    them is kept whole (ليكون is a name, not ل + يكون), and a stem that is one of them is preferred.
    """
    if not word or not ("\u0600" <= word[0] <= "\u06ff") or word in lexicon:
        return word
    stems = [word[len(p):] for p in _PREFIXES if word.startswith(p) and len(word) - len(p) >= MIN_STEM]
    for stem in stems:
        if stem in lexicon:
            return stem
    return stems[0] if stems else word


def lexical_form(word: str) -> str:
    """A known word as the lexicon holds it: normalised, without the article ال."""
    word = normalise(word)
    if word.startswith("ال") and len(word) - 2 >= MIN_STEM:
        return word[2:]
    return word


def key(word: str, lexicon: frozenset[str] = frozenset()) -> str:
    """The matching key of one word."""
    return strip_clitics(normalise(word), lexicon)


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word of ``text``."""
    return [(m.start(), m.end(), m.group(0)) for m in WORD_RE.finditer(text)]


def keys(text: str, lexicon: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Matching keys of every word of a phrase."""
    return tuple(key(w, lexicon) for _, _, w in words(text))


def tables() -> dict[str, object]:
    """What a browser needs to compute the same keys as :func:`key` (the site's search front end)."""
    return {
        "letters": {chr(code): value for code, value in _LETTER_MAP.items()},
        "drop": TASHKEEL_RE.pattern[1:-1] + TATWEEL,
        "prefixes": list(_PREFIXES),
        "min_stem": MIN_STEM,
        "word": WORD_RE.pattern.replace(r"\w", r"\p{L}\p{N}_"),  # Python's \w, as a JavaScript "u" class
    }

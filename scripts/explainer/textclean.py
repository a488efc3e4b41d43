"""A scraped page's text made clean: decoded from whatever encoding it came in, normalised (NFC, LF,
no bidi controls), Arabic punctuation spaced, and escaped so that Markdown renders it as written."""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from .errors import InputError, Problem
from .writing import ARABIC_LETTERS, BIDI_CONTROLS_RE


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """Decode seed bytes; returns (text, encoding name). Raises InputError for unusable input."""
    if not raw.strip():
        raise InputError(Problem(path, None, "the seed is empty: expected an Arabic article"))
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(Problem(path, None, f"broken UTF-16 data at byte {exc.start}")) from None
    raw = raw.rstrip(b"\x00")  # a NUL that ends a file saved by some Windows tools
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise InputError(Problem(path, None, "binary data (NUL bytes), not a text article"))
    best = charset_normalizer.from_bytes(raw, cp_isolation=None).best()
    if best is None or best.encoding is None:
        raise InputError(Problem(path, None, "cannot tell the text encoding: binary data, not a text article"))
    return str(best), best.encoding


def normalise(text: str) -> tuple[str, int]:
    """NFC, LF newlines, no BOM, no bidi controls. Returns (text, number of bidi controls removed)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text, removed = BIDI_CONTROLS_RE.subn("", text)
    return text, removed


def tidy_punctuation(text: str) -> tuple[str, int]:
    """Arabic punctuation spacing: no space before a mark, one space after a sentence end."""
    fixes = 0
    text, n = re.subn(r"[ \t\u00a0]+([،؛؟,;?!:.)\]»])", r"\1", text)
    fixes += n
    text, n = re.subn(f"(?<=[{ARABIC_LETTERS}\u064b-\u0652A-Za-z0-9\")»])([.!؟?])(?=[{ARABIC_LETTERS}])", r"\1 ", text)
    fixes += n
    text, n = re.subn(f"(?<=[{ARABIC_LETTERS}\u064b-\u0652])([.؟])(?=[A-Za-z])", r"\1 ", text)
    fixes += n
    text, n = re.subn(r"([،؛])(?=[^\s\d])", r"\1 ", text)
    fixes += n
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return text, fixes


def escape_markdown(text: str) -> str:
    """Escape characters that Markdown or HTML would read as markup, so text renders as written."""
    text = text.replace("\\", "\\\\")
    for char in "`*_[]{":
        text = text.replace(char, "\\" + char)
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = text.replace("<", "&lt;")
    text = re.sub(r"^(\s*)([#>+=-])", r"\1\\\2", text, flags=re.M)
    text = re.sub(r"^(\s*\d+)([.)])(?=\s|$)", r"\1\\\2", text, flags=re.M)
    return text

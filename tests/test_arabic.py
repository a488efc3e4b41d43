"""The Arabic normaliser: spelling variants folded, clitics split off, names kept whole."""

from __future__ import annotations

import pytest

from explainer import arabic

from testdata import GLOSSARY



@pytest.mark.parametrize("text, expected", [
    ("الإعلام", "الاعلام"), ("أحمد", "احمد"), ("آخر", "اخر"), ("إلى", "الي"), ("مدرسة", "مدرسه"),
    ("مستشفى", "مستشفي"), ("الذَّكَاءُ", "الذكاء"), ("الـــذكاء", "الذكاء"), ("٢٠٢٣", "2023"),
    ("۱۳٫۷", "13.7"), ("٤١٪", "41%"), ("سؤال", "سوال"), ("مسائل", "مسايل"), ("Meta", "meta"),
])
def test_normalise(text, expected):
    assert arabic.normalise(text) == expected


@pytest.mark.parametrize("word, expected", [
    ("الشركات", "شركات"), ("والشركات", "شركات"), ("بالشركات", "شركات"), ("للشركات", "شركات"),
    ("فالشركات", "شركات"), ("كالشركات", "شركات"), ("وللشركات", "شركات"), ("لشركات", "شركات"),
    ("وبالذكاء", "ذكاء"), ("ليس", "ليس"), ("بين", "بين"), ("لكن", "لكن"), ("كان", "كان"),
    ("الى", "الي"), ("ولا", "ولا"),
])
def test_clitics(word, expected):
    assert arabic.key(word) == expected


def test_lexicon_keeps_names_whole():
    lexicon = GLOSSARY.lexicon()
    assert arabic.key("ليكون", lexicon) == "ليكون"  # a name, not ل + يكون
    assert arabic.key("وليكون", lexicon) == "ليكون"
    assert arabic.key("يكون", lexicon) == "يكون"
    assert arabic.key("لميتا", lexicon) == "ميتا"

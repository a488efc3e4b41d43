"""The English catalog: template from ar.md, Babel update with fuzzy/obsolete/restore, stats."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from explainer import article, catalog
from explainer.errors import ContentError

from conftest import GOLDEN, REPO, SLUG, golden

CREATED = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)


def _article(paragraphs: list[tuple[str, str]]) -> article.Article:
    blocks = tuple(article.Block(article.PARAGRAPH, text, pid, line=10 + 3 * i)
                   for i, (pid, text) in enumerate(paragraphs))
    return article.Article("demo", {"title": "عنوان المقال"}, blocks, meta_lines={"title": 2})


BASE = [("p-000001", "الفقرة الأولى عن شركة ميتا."),
        ("p-000002", "الفقرة الثانية عن الذكاء الاصطناعي التوليدي."),
        ("p-000003", "الفقرة الثالثة عن الميتافيرس.")]
ENGLISH = {"title": "The article title", "p-000001": "The first paragraph, about Meta.",
           "p-000002": "The second paragraph, about generative AI.",
           "p-000003": "The third paragraph, about the metaverse."}


def _translated() -> catalog.Catalog:
    cat = catalog.new_catalog(_article(BASE), created=CREATED)
    catalog.update(cat, catalog.template(_article(BASE)))
    for message in cat:
        if message.id:
            message.string = ENGLISH[message.context]
    cat.get("عنوان المقال", "title").user_comments = ["A translator's note."]
    return cat


def test_template_has_contexts_and_locations():
    pot = catalog.template(_article(BASE))
    rows = [(m.context, m.id, m.locations) for m in pot if m.id]
    assert rows == [("title", "عنوان المقال", [("ar.md", 2)]),
                    ("p-000001", BASE[0][1], [("ar.md", 10)]),
                    ("p-000002", BASE[1][1], [("ar.md", 13)]),
                    ("p-000003", BASE[2][1], [("ar.md", 16)])]


def test_update_fuzzy_obsolete_golden():
    cat = _translated()
    changed = [BASE[0], ("p-000002", "الفقرة الثانية، بعد التعديل، عن نماذج اللغة."),
               ("p-000004", "فقرة رابعة جديدة.")]
    report = catalog.update(cat, catalog.template(_article(changed)))
    assert (report.added, report.fuzzy, report.restored, report.obsoleted) == (1, 1, 0, 1)
    message = cat.get(changed[1][1], "p-000002")
    assert message.fuzzy and message.string == ENGLISH["p-000002"]
    assert message.previous_id == [BASE[1][1]]
    assert [m.string for m in cat.obsolete.values()] == [ENGLISH["p-000003"]]
    assert cat.get("عنوان المقال", "title").user_comments == ["A translator's note."]
    golden(GOLDEN / "catalog" / "updated.po", catalog.dump(cat).decode("utf-8"))


def test_previous_msgid_survives_write_and_read():
    cat = _translated()
    long_text = "الفقرة الثانية بعد تعديل طويل جدا " * 5
    catalog.update(cat, catalog.template(_article([BASE[0], ("p-000002", long_text), BASE[2]])))
    data = catalog.dump(cat)
    reread = catalog.read(data, "en.po")
    message = reread.get(long_text, "p-000002")
    assert message.previous_id == [BASE[1][1]] and message.fuzzy
    assert message.user_comments == []
    assert catalog.dump(reread) == data


def test_context_match_beats_dissimilar_text():
    """A paragraph rewritten beyond difflib's reach still keeps its translation, as fuzzy."""
    cat = _translated()
    rewritten = [BASE[0], ("p-000002", "نص مختلف كليا."), BASE[2]]
    catalog.update(cat, catalog.template(_article(rewritten)))
    message = cat.get("نص مختلف كليا.", "p-000002")
    assert message.fuzzy and message.string == ENGLISH["p-000002"]
    assert message.previous_id == [BASE[1][1]]
    assert not cat.obsolete


def test_removed_then_restored_gets_translation_back():
    cat = _translated()
    catalog.update(cat, catalog.template(_article(BASE[:2])))
    assert list(cat.obsolete.values())[0].string == ENGLISH["p-000003"]
    reread = catalog.read(catalog.dump(cat), "en.po")  # obsolete entries survive a write and read
    report = catalog.update(reread, catalog.template(_article(BASE)))
    assert report.restored == 1
    message = reread.get(BASE[2][1], "p-000003")
    assert message.string == ENGLISH["p-000003"] and not message.fuzzy
    assert not reread.obsolete


def test_update_is_idempotent():
    cat = _translated()
    pot = catalog.template(_article(BASE))
    catalog.update(cat, pot)
    once = catalog.dump(cat)
    catalog.update(cat, pot)
    assert catalog.dump(cat) == once


def test_stats():
    cat = _translated()
    catalog.update(cat, catalog.template(_article(
        [BASE[0], ("p-000002", BASE[1][1] + " وزيادة."), ("p-000009", "جديدة.")])))
    assert catalog.stats(cat) == catalog.Stats(total=4, translated=2, fuzzy=1, untranslated=1, obsolete=1)


def test_committed_catalog_is_complete():
    data = (REPO / "content" / "articles" / SLUG / "en.po").read_bytes()
    stats = catalog.stats(catalog.read(data, "en.po"))
    assert stats.total == 34
    assert (stats.translated, stats.fuzzy, stats.untranslated) == (34, 0, 0)


def test_malformed_po_names_file_and_line():
    data = b'msgid ""\nmsgstr ""\n\nmsgctxt "p-1"\nmsgid "a"\nmsgtsr "b"\n'
    with pytest.raises(ContentError) as info:
        catalog.read(data, "content/articles/x/en.po")
    assert str(info.value).split("\n") == [
        "content/articles/x/en.po:5: entry has no msgstr line (expected msgstr \"…\" after the msgid)",
        "content/articles/x/en.po:6: unknown keyword 'msgtsr' (expected msgctxt, msgid, msgid_plural, "
        "msgstr, a \"…\" string or a # comment)"]


# --- bad catalogs ------------------------------------------------------------------------------

def test_duplicate_entries_are_reported_with_both_lines():
    data = (b'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
            b'msgctxt "p-000001"\nmsgid "\xd8\xa3"\nmsgstr "A"\n\n'
            b'msgctxt "p-000002"\nmsgid "\xd8\xa8"\nmsgstr "B"\n\n'
            b'msgctxt "p-000001"\nmsgid "\xd8\xa3"\nmsgstr "A again"\n')
    with pytest.raises(ContentError) as info:
        catalog.read(data, "en.po")
    assert str(info.value).split("\n") == [
        "en.po:14: duplicate entry 'p-000001' (first at line 5); gettext tools keep only one of them"]


def test_wrong_plural_count_is_reported():
    data = (b'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
            b'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "a"\nmsgstr[1] "b"\nmsgstr[2] "c"\nmsgstr[3] "d"\n'
            b'msgstr[4] "e"\nmsgstr[5] "f"\n')
    with pytest.raises(ContentError) as info:
        catalog.read(data, "en.po")
    assert str(info.value) == "en.po:6: invalid PO file: msg has more translations than num_plurals of catalog"


# --- nothing lost, whatever the edits ------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


WORDS = ["ميتا", "الذكاء", "الاصطناعي", "زوكربيرج", "الشركة", "نموذج", "استثمار", "الباحثين", "عام",
         "مليار", "دولار", "قسم", "الميتافيرس", "خسارة", "فريق", "جديد"]
paragraph = st.lists(st.sampled_from(WORDS), min_size=3, max_size=9).map(lambda w: " ".join(w) + ".")
operation = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 20), paragraph),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("change"), st.integers(0, 20), paragraph),
    st.tuples(st.just("move"), st.integers(0, 20), st.integers(0, 20)),
    st.tuples(st.just("restore"), st.integers(0, 50)),
)


def _apply(texts: list[str], op: tuple, removed: list[str]) -> list[str]:
    texts = list(texts)
    kind = op[0]
    if kind == "insert":
        texts.insert(op[1] % (len(texts) + 1), op[2])
    elif kind == "restore" and removed:
        texts.insert(op[1] % (len(texts) + 1), removed[op[1] % len(removed)])
    elif texts and kind == "delete":
        removed.append(texts.pop(op[1] % len(texts)))
    elif texts and kind == "change":
        index = op[1] % len(texts)
        removed.append(texts[index])
        texts[index] = op[2]
    elif texts and kind == "move":
        texts.insert(op[2] % len(texts), texts.pop(op[1] % len(texts)))
    return [t for i, t in enumerate(texts) if t not in texts[:i]]  # an article repeats no paragraph


@settings(max_examples=150, deadline=None)
@given(start=st.lists(paragraph, min_size=1, max_size=6, unique=True),
       edits=st.lists(operation, min_size=1, max_size=12))
def test_no_translation_is_ever_lost(start, edits):
    """Random insert/delete/change/move/restore sequences, each followed by a re-import, a catalog
    update and a write-and-read of en.po: every translation ever made is still in the catalog
    (active or obsolete); a changed paragraph keeps its translation as fuzzy with its previous
    source; a paragraph whose text comes back gets its translation back, not fuzzy."""
    translated: dict[str, str] = {}
    previous: tuple[article.Block, ...] = ()
    cat = None
    texts = list(start)
    removed: list[str] = []
    for step in range(len(edits) + 1):
        if step:
            texts = _apply(texts, edits[step - 1], removed)
        blocks = article.assign_ids([article.Block(article.PARAGRAPH, t) for t in texts], previous)
        art = article.Article("demo", {"title": "عنوان"}, tuple(blocks))
        if cat is None:
            cat = catalog.new_catalog(art, created=CREATED)
        catalog.update(cat, catalog.template(art))
        cat = catalog.read(catalog.dump(cat), "en.po")
        for message in cat:
            if not message.id:
                continue
            if message.id in translated:
                assert message.string == translated[message.id] and not message.fuzzy, message.id
            elif message.fuzzy:  # kept with the source its translation was made from
                assert message.previous_id and translated.get(message.previous_id[0]) == message.string
        kept = {m.string for m in cat if m.id} | {m.string for m in cat.obsolete.values()}
        assert set(translated.values()) <= kept
        for message in cat:  # the translator translates what is new
            if message.id and not message.string:
                message.string = translated[message.id] = f"EN {message.id}"
        previous = tuple(blocks)


# --- a translator's file as they left it --------------------------------------------------------

def test_update_keeps_the_translators_own_lines():
    cat = _translated()
    cat.get(BASE[2][1], "p-000003").string = "A third paragraph " * 8  # Babel wraps it at 76
    written = catalog.dump(cat)
    long_line = 'msgstr "' + "A third paragraph " * 8 + '"'
    by_hand = written.decode().replace(
        written.decode()[written.decode().index('msgstr ""\n"A third'):].split("\n\n")[0], long_line)
    changed = [BASE[0], ("p-000002", "الفقرة الثانية، بعد التعديل."), BASE[2]]
    updated = catalog.read(by_hand.encode(), "en.po")
    catalog.update(updated, catalog.template(_article(changed)))
    out = catalog.dump(updated, by_hand.encode()).decode()
    assert long_line in out.split("\n")  # unchanged: as the translator wrote it
    assert '#| msgid "الفقرة الثانية عن الذكاء الاصطناعي التوليدي."' in out  # the change: Babel's form


def test_an_untranslated_entry_is_not_kept_as_obsolete():
    cat = catalog.new_catalog(_article(BASE), created=CREATED)
    catalog.update(cat, catalog.template(_article(BASE)))
    cat.get(BASE[0][1], "p-000001").string = ENGLISH["p-000001"]
    report = catalog.update(cat, catalog.template(_article([])))
    assert [m.context for m in cat.obsolete.values()] == ["p-000001"]
    assert report.obsoleted == 1

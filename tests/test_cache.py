"""Incremental generation: an article whose inputs and pages did not change is not read again,
and the output is the same as a generation from nothing."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest

from explainer import cache, list_pages
from explainer.benchmark.builds import clean
from explainer.benchmark.corpus import write_corpus
from explainer import generation
from explainer import paths as paths_mod
from explainer.errors import ConflictError, ContentError

from conftest import REPO


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    write_corpus(REPO, root, 3)
    generation.generate(paths_mod.Paths(root))
    return root


def _docs(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "docs").rglob("*.md"))}


@pytest.fixture
def counted(monkeypatch):
    """The articles read and the lists made (once per language) in a generation."""
    counts = {"articles": [], "lists": 0}
    plan_article, home_page = generation.plan_article, list_pages.home_page

    def counting_plan(context, slug):
        counts["articles"].append(slug)
        return plan_article(context, slug)

    def counting_home(*args):
        counts["lists"] += 1
        return home_page(*args)

    monkeypatch.setattr(generation, "plan_article", counting_plan)
    monkeypatch.setattr(list_pages, "home_page", counting_home)
    return counts


def test_summaries_are_recorded_as_asdict_gives_them(corpus):
    """The cache's own conversion of a summary to JSON data is what dataclasses.asdict gives."""
    records = sorted((corpus / cache.FOLDER / "articles").glob("*.summary.json"))
    assert len(records) == 3
    for record in records:
        text = record.read_text(encoding="utf-8")
        summary = cache._summary(json.loads(text))
        assert cache._json(dataclasses.asdict(summary)) == text == summary.encoded
        assert summary.occurrences["en"] and summary.notes["ar"] and summary.warnings == []


def test_nothing_changed_nothing_read(corpus, counted):
    before = {p: p.stat().st_mtime_ns for p in (corpus / "docs").rglob("*.md")}
    result = generation.generate(paths_mod.Paths(corpus))
    assert counted == {"articles": [], "lists": 0}
    assert result.written == [] and result.removed == []
    assert result.articles == ["article-0001", "article-0002", "article-0003"]
    assert {p: p.stat().st_mtime_ns for p in (corpus / "docs").rglob("*.md")} == before
    assert result.stats["article-0002"].translated == result.stats["article-0002"].total


def _retouch(po: Path, context: str, prefix: str) -> None:
    """A translator's edit: ``prefix`` put in front of the translation of entry ``context``."""
    old = po.read_text(encoding="utf-8")
    new = re.sub(rf'(msgctxt "{context}"\nmsgid (?:"[^\n]*"\n)+msgstr ")', rf"\1{prefix}", old, count=1)
    assert new != old
    po.write_text(new, encoding="utf-8")


def test_one_edited_entry_reads_one_article(corpus, counted):
    po = corpus / "content" / "articles" / "article-0002" / "en.po"
    _retouch(po, "p-f61dd8", "Sadly, ")
    result = generation.generate(paths_mod.Paths(corpus))
    assert counted["articles"] == ["article-0002"]
    assert counted["lists"] == 0  # nothing the lists show changed
    assert sorted(result.written) == ["docs/ar/parallel/article-0002.md", "docs/en/articles/article-0002.md",
                                      "docs/en/parallel/article-0002.md"]
    assert '<p id="p-f61dd8">Sadly, ' in (corpus / "docs/en/articles/article-0002.md").read_text(encoding="utf-8")
    # a new translator's note changes what the notes page lists
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgctxt "p-f61dd8"', '# A new note.\nmsgctxt "p-f61dd8"', 1), encoding="utf-8")
    generation.generate(paths_mod.Paths(corpus))
    assert counted["lists"] == 2  # once per language
    assert "A new note." in (corpus / "docs/en/notes.md").read_text(encoding="utf-8")


def test_same_output_as_from_nothing(corpus, tmp_path):
    _retouch(corpus / "content" / "articles" / "article-0003" / "en.po", "p-f61dd8", "Sadly, ")
    generation.generate(paths_mod.Paths(corpus))
    incremental = _docs(corpus)
    clean(corpus)  # no cache, no generated page
    generation.generate(paths_mod.Paths(corpus))
    assert _docs(corpus) == incremental


def test_hand_edited_page_is_not_taken_for_unchanged(corpus, counted):
    page = corpus / "docs" / "en" / "articles" / "article-0001.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA writer's line.\n", encoding="utf-8")
    with pytest.raises(ConflictError, match="docs/en/articles/article-0001.md:1: generated page was edited by hand"):
        generation.generate(paths_mod.Paths(corpus))
    assert page.read_text(encoding="utf-8").endswith("A writer's line.\n")


def test_deleted_page_is_made_again(corpus, counted):
    page = corpus / "docs" / "ar" / "parallel" / "article-0003.md"
    text = page.read_text(encoding="utf-8")
    page.unlink()
    result = generation.generate(paths_mod.Paths(corpus))
    assert counted["articles"] == ["article-0003"] and result.written == ["docs/ar/parallel/article-0003.md"]
    assert page.read_text(encoding="utf-8") == text


def test_unusable_records_are_ignored(corpus, counted):
    folder = corpus / cache.FOLDER / "articles"
    (folder / "article-0001.json").write_text("{not json", encoding="utf-8")
    record = json.loads((folder / "article-0002.json").read_text(encoding="utf-8"))
    del record["stats"]
    (folder / "article-0002.json").write_text(json.dumps(record), encoding="utf-8")
    before = _docs(corpus)
    result = generation.generate(paths_mod.Paths(corpus))
    assert counted["articles"] == ["article-0001", "article-0002"]
    assert result.written == [] and _docs(corpus) == before


def test_a_new_generator_reads_everything(corpus, counted, monkeypatch):
    monkeypatch.setattr(cache, "code_version", lambda: "another version")
    generation.generate(paths_mod.Paths(corpus))
    assert counted["articles"] == ["article-0001", "article-0002", "article-0003"] and counted["lists"] == 2


def test_glossary_change_reads_everything(corpus, counted):
    glossary = corpus / "content" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "The company behind Facebook", "The firm behind Facebook"), encoding="utf-8")
    generation.generate(paths_mod.Paths(corpus))
    assert len(counted["articles"]) == 3 and counted["lists"] == 2
    assert "The firm behind Facebook" in (corpus / "docs/en/articles/article-0001.md").read_text(encoding="utf-8")


def test_a_definition_past_its_first_sentence_reads_no_article(corpus, counted):
    glossary = corpus / "content" / "glossary.yml"
    before = _docs(corpus)
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "called Facebook until 2021.", "called Facebook until 2021. It is based in Menlo Park."), encoding="utf-8")
    result = generation.generate(paths_mod.Paths(corpus))
    assert counted["articles"] == [] and counted["lists"] == 2  # the tooltips show the first sentence only
    assert sorted(result.written) == ["docs/en/glossary.md"]  # the Arabic page has the Arabic definition
    assert "It is based in Menlo Park." in (corpus / "docs/en/glossary.md").read_text(encoding="utf-8")
    after = _docs(corpus)
    assert [rel for rel in after if after[rel] != before[rel]] == ["docs/en/glossary.md"]
    shutil.rmtree(corpus / ".explainer-cache")
    generation.generate(paths_mod.Paths(corpus))
    assert _docs(corpus) == after  # as a generation from nothing gives them


def test_articles_and_lists_made_by_several_processes_give_the_same_pages(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for root in (one, two):
        write_corpus(REPO, root, generation.PARALLEL_MIN + 3)
    broken = "article-0007"
    for root in (one, two):  # one article with a problem: reported, wherever it was read
        po = root / "content" / "articles" / broken / "en.po"
        po.write_text(po.read_text(encoding="utf-8") + '\nmsgctxt "zz"\nmsgid "broken\n', encoding="utf-8")
    errors = []
    for root, jobs in ((one, 1), (two, 2)):
        with pytest.raises(ContentError) as info:
            generation.generate(paths_mod.Paths(root), jobs=jobs)
        errors.append([str(p) for p in info.value.problems])
    assert errors[0] == errors[1] and len(errors[0]) == 2
    assert re.fullmatch(rf"content/articles/{broken}/en.po:\d+: the string is not closed: the line ends before "
                        "its closing quote", errors[0][0])
    for root in (one, two):
        shutil.copy2(REPO / "content" / "articles" / "meta-ai-exodus" / "en.po",
                     root / "content" / "articles" / broken / "en.po")
    first = generation.generate(paths_mod.Paths(one), jobs=1)
    second = generation.generate(paths_mod.Paths(two), jobs=2)
    assert first.warnings == second.warnings and first.stats == second.stats
    assert [w.removeprefix(str(one)) for w in first.written] == [w.removeprefix(str(two)) for w in second.written]
    assert _docs(one) == _docs(two) and len(_docs(one)) > 4 * generation.PARALLEL_MIN


def test_pages_staged_by_several_processes(tmp_path, monkeypatch):
    """Worker processes stage the pages they make and write the cache records: once the pages are
    in place the records hold, and a conflict found by a worker stops everything, page kept."""
    root = tmp_path / "corpus"
    write_corpus(REPO, root, generation.PARALLEL_MIN + 1)
    generation.generate(paths_mod.Paths(root), jobs=2)

    def no_reading(context, slug):
        raise AssertionError(f"{slug} was read again")

    with monkeypatch.context() as patch:
        patch.setattr(generation, "plan_article", no_reading)
        assert generation.generate(paths_mod.Paths(root), jobs=2).written == []
    edited = root / "docs" / "en" / "articles" / "article-0005.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA writer's line.\n", encoding="utf-8")
    notes = root / "docs" / "ar" / "notes.md"
    notes.write_text("# ملاحظاتي\n", encoding="utf-8")
    before = _docs(root)
    monkeypatch.setattr(cache, "code_version", lambda: "another version")  # every article read again
    with pytest.raises(ConflictError) as info:
        generation.generate(paths_mod.Paths(root), jobs=2)
    assert [str(p) for p in info.value.problems] == [
        "docs/en/articles/article-0005.md:1: generated page was edited by hand; make the change in its "
        "sources (named in its header) and delete this file, or it would be overwritten",
        "docs/ar/notes.md:1: is a hand-written page where a generated page goes; move it, or it would be "
        "overwritten"]
    assert _docs(root) == before
    assert list((root / "docs").rglob("*.tmp")) == []


def test_records_of_removed_articles_are_forgotten(corpus):
    folder = corpus / cache.FOLDER / "articles"
    shutil.rmtree(corpus / "content" / "articles" / "article-0002")
    result = generation.generate(paths_mod.Paths(corpus))
    assert result.articles == ["article-0001", "article-0003"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "article-0001.json", "article-0001.summary.json", "article-0003.json", "article-0003.summary.json"]
    assert not (corpus / "docs" / "en" / "articles" / "article-0002.md").exists()

"""Search records kept from one build to the next (explainer.record_store)."""

from __future__ import annotations

import pytest

from explainer.errors import InputError
from explainer.record_store import RecordStore


def test_records_are_kept_read_and_removed_by_digest(tmp_path):
    store = RecordStore(tmp_path / "records")
    store.put("a" * 64, ["a/", "ar", "عنوان", "article", [["", "", "نص"]]])
    store.put("b" * 64, ["b/", "ar", "B", "page", []])
    assert store.has("a" * 64) and not store.has("c" * 64)
    assert store.loader("a" * 64)() == ["a/", "ar", "عنوان", "article", [["", "", "نص"]]]
    written = (tmp_path / "records" / f"{'a' * 32}.json").stat().st_mtime_ns
    store.put("a" * 64, ["a/", "ar", "عنوان", "article", [["", "", "نص"]]])
    assert (tmp_path / "records" / f"{'a' * 32}.json").stat().st_mtime_ns == written  # not written again
    store.keep_only({"b" * 64})
    assert not store.has("a" * 64) and store.has("b" * 64)


def test_a_record_gone_is_an_error_naming_its_file(tmp_path):
    store = RecordStore(tmp_path / "records")
    with pytest.raises(InputError) as caught:
        store.read("d" * 64)
    path = tmp_path / "records" / f"{'d' * 32}.json"
    assert str(caught.value) == (f"{path}: expected the search record the last build kept, found FileNotFoundError: "
                                 f"[Errno 2] No such file or directory: '{path}' (a build after removing the cache "
                                 "folder makes it again)")


def test_keep_only_without_a_folder_does_nothing(tmp_path):
    RecordStore(tmp_path / "none").keep_only(set())
    assert not (tmp_path / "none").exists()

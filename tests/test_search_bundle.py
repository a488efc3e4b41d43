"""Pagefind's output kept from one build to the next (explainer.search_bundle)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import GOLDEN, golden
from explainer import search_bundle
from explainer.errors import InputError
from explainer.search_bundle import Bundle

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar".split()


def _pages(folder: Path, edited: int | None = None, count: int = 12) -> Path:
    """``count`` small pages of varied words; ``edited``: that page's text changed."""
    for number in range(count):
        words = [WORDS[(number * 7 + i * 3) % len(WORDS)] + str(i % 5) for i in range(40)]
        if number == edited:
            words.append("zulu")
        page = folder / f"{number:02d}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<!doctype html><html lang="en"><head><title>{number}</title></head><body>'
                        f'<span data-pagefind-filter="kind">page</span>'
                        f'<div data-pagefind-body>{" ".join(words)}</div></body></html>', encoding="utf-8")
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    out = {}
    for here, _, names in os.walk(folder):
        for name in names:
            path = Path(here, name)
            out[path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


def test_bundle_files_are_the_files_pagefind_wrote(tmp_path):
    output = tmp_path / "output"
    search_bundle.run_pagefind(_pages(tmp_path / "pages"), output)
    bundle = search_bundle.bundle_files(output)
    assert bundle.version.startswith(search_bundle.PAGEFIND_VERSIONS)
    assert set(bundle.files) == set(_tree(output))
    fragments = [described for rel, described in bundle.files.items() if rel.startswith("fragment/")]
    chunks = [described for rel, described in bundle.files.items() if rel.startswith("index/")]
    filters = [described for rel, described in bundle.files.items() if rel.startswith("filter/")]
    assert len(fragments) == 12 and all(len(d) == 1 and isinstance(d[0], int) and d[0] >= 40 for d in fragments)
    assert chunks and all(len(d) == 2 and all(isinstance(w, str) for w in d) for d in chunks)
    assert filters == [("kind",)]


def test_bundle_files_golden(tmp_path):
    """The listing of a fixed site's bundle, names and what the metadata says of them."""
    output = tmp_path / "output"
    search_bundle.run_pagefind(_pages(tmp_path / "pages"), output)
    bundle = search_bundle.bundle_files(output)
    listing = "".join(f"{rel} {list(described)}\n" for rel, described in sorted(bundle.files.items()))
    golden(GOLDEN / "search_bundle" / "listing.txt", f"version {bundle.version}\n{listing}")


def test_bundle_files_of_another_version_is_an_error(tmp_path):
    output = tmp_path / "output"
    search_bundle.run_pagefind(_pages(tmp_path / "pages"), output)
    entry = output / "pagefind-entry.json"
    entry.write_text(entry.read_text(encoding="utf-8").replace('"1.5.', '"9.0.'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        search_bundle.bundle_files(output)
    assert str(caught.value).startswith(f"{entry}: expected an index of Pagefind 1.5.x (the versions whose files "
                                        "the site keeps from one build to the next), found 9.0.")


def test_kept_output_is_the_output_of_a_fresh_run(tmp_path):
    pages, output, fresh = tmp_path / "pages", tmp_path / "kept", tmp_path / "fresh"
    search_bundle.index_kept(_pages(pages), output)
    first = _tree(output)
    files = search_bundle.index_kept(_pages(pages, edited=3), output)
    search_bundle.run_pagefind(pages, fresh)
    assert _tree(output) == _tree(fresh)
    assert files == set(_tree(fresh))
    unchanged = [rel for rel in files if rel.startswith("fragment/") and rel in first]
    assert len(unchanged) == 11  # the pages not edited: their fragments kept
    assert not output.with_name("kept.unfinished").exists()


def _spoil_a_kept_fragment(output: Path) -> str:
    rel = sorted(rel for rel in search_bundle.bundle_files(output).files if rel.startswith("fragment/"))[0]
    (output / rel).write_bytes(b"not this content")
    return rel


def test_a_build_that_did_not_finish_starts_from_nothing(tmp_path):
    pages, output = _pages(tmp_path / "pages"), tmp_path / "kept"
    search_bundle.index_kept(pages, output)
    expected = _tree(output)
    rel = _spoil_a_kept_fragment(output)
    search_bundle.index_kept(pages, output)
    assert (output / rel).read_bytes() == b"not this content"  # a kept file is never written again
    output.with_name("kept.unfinished").touch()
    search_bundle.index_kept(pages, output)
    assert _tree(output) == expected
    assert not output.with_name("kept.unfinished").exists()


def test_a_name_kept_for_other_content_has_the_output_made_again(tmp_path, monkeypatch):
    pages, output = _pages(tmp_path / "pages"), tmp_path / "kept"
    search_bundle.index_kept(pages, output)
    expected = _tree(output)
    _spoil_a_kept_fragment(output)
    seen = []
    monkeypatch.setattr(search_bundle, "_conflicting", lambda before, after: seen.append(before) or True)
    search_bundle.index_kept(pages, output)
    assert _tree(output) == expected and len(seen) == 1


def test_conflicting_names():
    before = Bundle("1.5.2", {"fragment/en_1234567.pf_fragment": (40,), "index/en_abcdef0.pf_index": ("a", "m")})
    same = Bundle("1.5.2", {**before.files, "fragment/en_7654321.pf_fragment": (12,)})
    assert not search_bundle._conflicting(before, same)
    assert search_bundle._conflicting(before, Bundle("1.5.2", {"fragment/en_1234567.pf_fragment": (41,)}))
    assert search_bundle._conflicting(before, Bundle("1.5.2", {"index/en_abcdef0.pf_index": ("a", "n")}))
    assert search_bundle._conflicting(before, Bundle("1.5.3", {}))


def test_collided_names():
    assert not search_bundle._collided({"pagefind-entry.json": (), "fragment/en_1234567.pf_fragment": (3,)})
    assert search_bundle._collided({"fragment/en_1234567a.pf_fragment": (3,)})


def test_place_links_named_files_and_writes_the_rest(tmp_path):
    pages, output, folder = _pages(tmp_path / "pages"), tmp_path / "kept", tmp_path / "site" / "pagefind"
    files = search_bundle.index_kept(pages, output)
    (folder / "stale.txt").parent.mkdir(parents=True)
    (folder / "stale.txt").write_text("old", encoding="utf-8")
    search_bundle.place(output, files, folder, {"texts/abc.json": lambda: b"[]", "front.json": lambda: b"{}"}, ("pagefind-ui.js",))
    placed = _tree(folder)
    assert set(placed) == (files - {"pagefind-ui.js"}) | {"texts/abc.json", "front.json"}
    fragment = next(rel for rel in files if rel.startswith("fragment/"))
    assert (folder / fragment).stat().st_ino == (output / fragment).stat().st_ino
    assert placed["front.json"] == b"{}"

"""The strict PO reader against GNU msgfmt --check, on malformed copies of the seed's en.po."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from explainer import posyntax

from conftest import REPO, SLUG, explainer

SEED_PO = (REPO / "content" / "articles" / SLUG / "en.po").read_bytes()
TITLE = 'msgstr "Burnt-Out AI Engineers Are Fleeing Meta"'.encode()
AUTHOR_ID = 'msgid "يوان سيلاي"\n'.encode()


def _replace(old: bytes, new: bytes):
    def mutate(data: bytes) -> bytes:
        assert old in data, old
        return data.replace(old, new, 1)
    return mutate


# name -> how the seed's en.po is broken; each is a slip a translator makes with a text editor
CASES = {
    "unclosed-quote": _replace(TITLE, TITLE[:-1]),
    "no-quotes": _replace(TITLE, b"msgstr Burnt-Out AI Engineers Are Fleeing Meta"),
    "missing-msgid": _replace(AUTHOR_ID, b""),
    "missing-msgstr": _replace(b'msgstr "Yuan Silai"\n', b""),
    "msgstr-before-msgid": _replace(b'msgid "Su Jianxun"\nmsgstr "Su Jianxun"',
                                    b'msgstr "Su Jianxun"\nmsgid "Su Jianxun"'),
    "second-msgctxt": _replace(b'msgctxt "title"\n', b'msgctxt "title"\nmsgctxt "title"\n'),
    "second-msgstr": _replace(TITLE, TITLE + b'\nmsgstr "Again"'),
    "stray-text": _replace(b"#: ar.md:4\n", b"#: ar.md:4\nhello there\n"),
    "stray-string": _replace(b"#: ar.md:4\n", b'#: ar.md:4\n"orphan"\n'),
    "text-after-string": _replace(TITLE, TITLE + b" extra"),
    "misspelt-keyword": _replace(TITLE, TITLE.replace(b"msgstr", b"msgstri")),
    "bad-escape": _replace(TITLE, b'msgstr "Burnt-Out \\q Engineers"'),
    "backslash-at-end": _replace(TITLE, b'msgstr "Burnt-Out\\"'),
    "invalid-utf8": _replace(b"Fleeing Meta", b"Fleeing \xff Meta"),
    "byte-order-mark": lambda data: b"\xef\xbb\xbf" + data,
    "duplicate-entry": lambda data: data + ('\nmsgctxt "title"\nmsgid "مهندس الذكاء الاصطناعي المنهك '
                                            'يهرب من ميتا"\nmsgstr "Again"\n').encode(),
    "second-header": lambda data: data + b'\nmsgid ""\nmsgstr "X-Other: 1\\n"\n',
    "plural-without-msgid-plural": _replace(TITLE, b'msgstr[0] "x"'),
    "line-break-at-one-end": _replace(TITLE, b'msgstr "Burnt-Out\\n"'),
    "string-open-at-end-of-file": lambda data: data.rstrip(b"\n")[:-1],
}
# not rejected by msgfmt, rejected here: one entry per segment, the header first
STRICTER = {
    "header-not-first": lambda data: b'msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\n' + data,
    "same-msgctxt-twice": lambda data: data + 'msgctxt "title"\nmsgid "نص آخر"\nmsgstr "Other"\n'.encode(),
}
MSGFMT = shutil.which("msgfmt")


def _msgfmt_lines(path) -> list[int]:
    if MSGFMT is None:
        pytest.fail("GNU gettext's msgfmt is needed (`make test` installs Debian's gettext)")
    result = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode != 0, f"msgfmt accepted {path.name}"
    lines = []
    for line in result.stderr.splitlines():
        match = re.match(rf"^{re.escape(str(path))}:(\d+):(?:\d+:)? (.*)$", line)
        if match and "warning:" not in match.group(2) and "location of the first definition" not in match.group(2):
            number = int(match.group(1))
            # msgfmt names the line after an unclosed string (it has read the line break by then);
            # the reader names the line the string is on
            if match.group(2) == "end-of-line within string":
                number -= 1
            lines.append(number)
    return sorted(set(lines))


def test_the_seed_catalog_is_sound():
    assert posyntax.check(SEED_PO, "en.po") == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_rejected_where_msgfmt_rejects_at_the_same_line(name, tmp_path):
    path = tmp_path / f"{name}.po"
    path.write_bytes(CASES[name](SEED_PO))
    expected = _msgfmt_lines(path)
    found = sorted({problem.line for problem in posyntax.check(path.read_bytes(), str(path))})
    assert found == expected


@pytest.mark.parametrize("name", sorted(STRICTER))
def test_rejected_though_msgfmt_accepts(name):
    assert posyntax.check(STRICTER[name](SEED_PO), "en.po")


def test_messages_name_what_was_expected_and_found():
    assert [str(p) for p in posyntax.check(CASES["no-quotes"](SEED_PO), "en.po")] == [
        "en.po:25: expected a quoted string, found 'Burnt-Out' (text must be written between double "
        'quotes: "…")']
    assert [str(p) for p in posyntax.check(CASES["unclosed-quote"](SEED_PO), "en.po")] == [
        "en.po:25: the string is not closed: the line ends before its closing quote"]
    assert [str(p) for p in posyntax.check(CASES["missing-msgid"](SEED_PO), "en.po")] == [
        "en.po:30: msgstr without a msgid before it (is the msgid line missing?)"]
    assert [str(p) for p in posyntax.check(STRICTER["header-not-first"](SEED_PO), "en.po")] == [
        'en.po:8: the header entry (msgid "") is not the first entry of the file; move it to the top']


@pytest.mark.parametrize("name", ["unclosed-quote", "missing-msgid", "no-quotes"])
def test_a_build_refuses_a_malformed_catalog_and_keeps_its_bytes(name, project):
    po = project / "content" / "articles" / SLUG / "en.po"
    broken = CASES[name](po.read_bytes())
    po.write_bytes(broken)
    result = explainer("generate", cwd=project, check=False)
    assert result.returncode == 1
    line = posyntax.check(broken, "en.po")[0].line
    assert f"ERROR: content/articles/{SLUG}/en.po:{line}: " in result.stderr
    assert po.read_bytes() == broken
    assert not (project / "docs" / "en" / "articles" / f"{SLUG}.md").exists()


@pytest.mark.parametrize("name", sorted(CASES))
def test_generation_stops_before_writing_and_leaves_the_file_as_it_was(name, tmp_path):
    from explainer import generation
    from explainer import paths as paths_mod
    from explainer.errors import ContentError

    from conftest import copy_project

    root = copy_project(tmp_path / "project")
    po = root / "content" / "articles" / SLUG / "en.po"
    broken = CASES[name](po.read_bytes())
    po.write_bytes(broken)
    with pytest.raises(ContentError) as info:
        generation.generate(paths_mod.Paths(root))
    assert {p.line for p in info.value.problems} == {p.line for p in posyntax.check(broken, "en.po")}
    assert po.read_bytes() == broken
    assert not (root / "docs" / "en" / "articles").exists()

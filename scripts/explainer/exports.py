"""The glossary exported for other tools: CSV, and TBX for Weblate, Poedit and OmegaT."""

from __future__ import annotations

from .glossary import Glossary


def to_csv(glossary: Glossary) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "kind", "ar", "ar_variants", "en", "en_variants", "definition_ar",
                     "definition_en", "note"])
    for e in glossary.entries:
        writer.writerow([e.id, e.kind, e.ar, "|".join(e.ar_variants), e.en, "|".join(e.en_variants),
                         e.definition_ar, e.definition_en, e.note])
    return buffer.getvalue()


def to_tbx(glossary: Glossary) -> str:
    """TermBase eXchange (TBX, ISO 30042 martif): one termEntry per entry, a langSet per language,
    the preferred form and its variants (admitted terms) as terms, definitions as descrip."""
    from xml.sax.saxutils import escape, quoteattr

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<martif type="TBX" xml:lang="en">',
             "  <martifHeader>",
             "    <fileDesc>",
             "      <sourceDesc><p>Glossary of names and terms of the explainer articles</p></sourceDesc>",
             "    </fileDesc>",
             "  </martifHeader>",
             "  <text>",
             "    <body>"]
    for e in glossary.entries:
        lines.append(f"      <termEntry id={quoteattr(e.id)}>")
        lines.append(f'        <descrip type="subjectField">{escape(e.kind)}</descrip>')
        if e.note:
            lines.append(f"        <note>{escape(e.note)}</note>")
        for lang in ("ar", "en"):
            lines.append(f'        <langSet xml:lang="{lang}">')
            lines.append(f'          <descrip type="definition">{escape(e.definition(lang))}</descrip>')
            for index, form in enumerate(dict.fromkeys(e.forms(lang))):
                status = "preferredTerm-admn-sts" if index == 0 else "admittedTerm-admn-sts"
                lines.append("          <tig>")
                lines.append(f"            <term>{escape(form)}</term>")
                lines.append(f'            <termNote type="administrativeStatus">{status}</termNote>')
                lines.append("          </tig>")
            lines.append("        </langSet>")
        lines.append("      </termEntry>")
    lines += ["    </body>", "  </text>", "</martif>", ""]
    return "\n".join(lines)

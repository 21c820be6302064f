"""Source files in every format, made here from text we write (never downloaded).

- Word: python-docx makes the package; the body, numbering, styles, footnotes and
  comments are WordprocessingML we write, so every numbering feature is exercised.
- HTML: pages in the shape Word's "Save as web page" and council sites give.
- PDF: Chromium prints HTML (page.pdf()), with running header and footer.

`Spec` describes one document once; `spec_text`, `spec_docx`, `spec_html` and
`spec_pdf` write it in each format, so tests can check that all four read the same.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_FOOTNOTES = f"{R_NS}/footnotes"
RT_ENDNOTES = f"{R_NS}/endnotes"
RT_COMMENTS = f"{R_NS}/comments"
RT_HYPERLINK = f"{R_NS}/hyperlink"
CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml"


# --- Word -------------------------------------------------------------------------


def lvl(
    ilvl: int,
    fmt: str,
    text: str,
    start: int = 1,
    restart: int | None = None,
    legal: bool = False,
    suffix: str | None = None,
    style: str | None = None,
) -> str:
    parts = [f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>']
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if legal:
        parts.append("<w:isLgl/>")
    if suffix:
        parts.append(f'<w:suff w:val="{suffix}"/>')
    parts.append(f'<w:lvlText w:val="{html.escape(text)}"/></w:lvl>')
    return "".join(parts)


def abstract(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def start_override(ilvl: int, value: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'


def run(text: str, bold=False, italic=False, underline=False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    props += '<w:u w:val="single"/>' if underline else ""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{html.escape(text)}</w:t></w:r>'


def para(content: str, style: str | None = None, num_id: int | None = None, ilvl: int = 0) -> str:
    """A paragraph; `content` is runs XML, or plain text made into one run."""
    if not content.startswith("<"):
        content = run(content)
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>"


def table(rows: list[list[str]]) -> str:
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl><w:tblPr/>{body}</w:tbl>"


def style(style_id: str, name: str, num_id: int | None = None, ilvl: int | None = None) -> str:
    num_pr = ""
    if num_id is not None:
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        num_pr = f'<w:pPr><w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/>{num_pr}</w:style>'
    )


@dataclass
class WordParts:
    body: list[str] = field(default_factory=list)
    numbering: list[str] = field(default_factory=list)  # abstractNum, then num elements
    styles: list[str] = field(default_factory=list)  # extra w:style elements
    footnotes: dict[int, str] = field(default_factory=dict)  # id -> text
    endnotes: dict[int, str] = field(default_factory=dict)
    comments: dict[int, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # rId -> URL


def build_docx(parts: WordParts) -> bytes:
    """A .docx made by python-docx, holding the WordprocessingML given."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    namespaces = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
    body = document.element.body
    section = body.find(f"{{{W_NS}}}sectPr")
    for element in list(body):
        if element is not section:
            body.remove(element)
    for xml in parts.body:
        wrapped = parse_xml(f"<w:body {namespaces}>{xml}</w:body>")
        for child in list(wrapped):
            section.addprevious(child)
    numbering = document.part.numbering_part
    numbering._element = parse_xml(
        f"<w:numbering {namespaces}>{''.join(parts.numbering)}</w:numbering>"
    )
    styles = document.styles.element
    for xml in parts.styles:
        styles.append(parse_xml(xml.replace("<w:style ", f"<w:style {namespaces} ", 1)))
    for rel_id, url in parts.links.items():
        document.part.rels.add_relationship(RT_HYPERLINK, url, rel_id, is_external=True)
    for kind, notes, rel_type in (
        ("footnote", parts.footnotes, RT.FOOTNOTES),
        ("endnote", parts.endnotes, RT.ENDNOTES),
    ):
        if notes:
            separator = (
                f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                f"</w:{kind}>"
            )
            items = "".join(
                f'<w:{kind} w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
                f"</w:rPr><w:{kind}Ref/></w:r>{run(' ' + text)}</w:p></w:{kind}>"
                for i, text in notes.items()
            )
            xml = f"<w:{kind}s {namespaces}>{separator}{items}</w:{kind}s>".encode()
            part = Part(
                PackURI(f"/word/{kind}s.xml"), f"{CT_BASE}.{kind}s+xml", xml, document.part.package
            )
            document.part.relate_to(part, rel_type)
    if parts.comments:
        items = "".join(
            f'<w:comment w:id="{i}" w:author="Reviewer">{para(text)}</w:comment>'
            for i, text in parts.comments.items()
        )
        xml = f"<w:comments {namespaces}>{items}</w:comments>".encode()
        part = Part(
            PackURI("/word/comments.xml"),
            f"{CT_BASE}.comments+xml",
            xml,
            document.part.package,
        )
        document.part.relate_to(part, RT.COMMENTS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def footnote_ref(note_id: int) -> str:
    return (
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def endnote_ref(note_id: int) -> str:
    return (
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:endnoteReference w:id="{note_id}"/></w:r>'
    )


def inserted(text: str, change_id: int) -> str:
    return (
        f'<w:ins w:id="{change_id}" w:author="A" w:date="2026-01-01T00:00:00Z">{run(text)}</w:ins>'
    )


def deleted(text: str, change_id: int) -> str:
    return (
        f'<w:del w:id="{change_id}" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r>'
        f'<w:delText xml:space="preserve">{html.escape(text)}</w:delText></w:r></w:del>'
    )


def hyperlink(text: str, rel_id: str) -> str:
    return f'<w:hyperlink r:id="{rel_id}">{run(text)}</w:hyperlink>'


def contents_field(entries: list[tuple[str, int]]) -> list[str]:
    """A Word table-of-contents field: begin in the first entry, end in the last."""
    paragraphs = []
    for index, (title, page_number) in enumerate(entries):
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            if index == 0
            else ""
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if index == len(entries) - 1 else ""
        paragraphs.append(
            para(f"{begin}{run(title)}<w:r><w:tab/></w:r>{run(str(page_number))}{end}", "TOC1")
        )
    return paragraphs


# --- one document in every format --------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One paragraph: kind title | heading | clause | para | table (rows split by a
    newline, cells by a tab); level 0..3 for numbered ones."""

    kind: str
    text: str
    number: str | None = None  # as printed
    level: int = 0


# Word's multilevel list matching Item.level: 1. / 1.1 / (a) / (i)
CLAUSE_LEVELS = [
    lvl(0, "decimal", "%1."),
    lvl(1, "decimal", "%1.%2"),
    lvl(2, "lowerLetter", "(%3)"),
    lvl(3, "lowerRoman", "(%4)"),
]


@dataclass
class Spec:
    title: str
    items: list[Item]
    header: str = "Example Council"


def table_rows(item: Item) -> list[list[str]]:
    return [row.split("\t") for row in item.text.split("\n")]


def spec_text(spec: Spec) -> str:
    lines = [spec.title]
    for item in spec.items:
        lines.append(f"{item.number} {item.text}" if item.number else item.text)
    return "\n\n".join(lines) + "\n"


def spec_docx(spec: Spec) -> bytes:
    """Numbers come from Word's automatic numbering, not from the text."""
    parts = WordParts(numbering=[abstract(0, *CLAUSE_LEVELS), num(1, 0)])
    parts.body.append(para(spec.title, "Title"))
    for item in spec.items:
        if item.kind == "table":
            parts.body.append(table(table_rows(item)))
        elif item.number:
            style_id = "Heading1" if item.kind == "heading" else None
            parts.body.append(para(item.text, style_id, num_id=1, ilvl=item.level))
        elif item.kind == "heading":
            parts.body.append(para(item.text, "Heading1"))
        else:
            parts.body.append(para(item.text))
    return build_docx(parts)


def word_export_html(spec: Spec, chrome: bool = True) -> str:
    """The page as Word's 'Save as web page' writes it, in a council site's frame."""
    body = [f"<p class=MsoTitle>{html.escape(spec.title)}</p>"]
    for item in spec.items:
        text = html.escape(item.text)
        if item.kind == "table":
            body.append(_html_table(item))
        elif item.kind == "heading" and item.number:
            body.append(
                f"<h1><span style='mso-list:l0 level1 lfo1'>{item.number}"
                f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span>"
                f"</span>{text}</h1>"
            )
        elif item.kind == "heading":
            body.append(f"<h1>{text}</h1>")
        elif item.number:
            indent = 0.5 * (item.level + 1)
            body.append(
                f"<p class=MsoListParagraph style='margin-left:{indent}in;text-indent:-.5in;"
                f"mso-list:l0 level{item.level + 1} lfo1'><![if !supportLists]><span>"
                f"{item.number}<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp; </span>"
                f"</span><![endif]>{text}</p>"
            )
        else:
            body.append(f"<p class=MsoNormal>{text}<o:p></o:p></p>")
    content = "\n".join(body)
    if not chrome:
        return f"<html><body><div class=WordSection1>{content}</div></body></html>"
    return f"""<!DOCTYPE html>
<html xmlns:o="urn:schemas-microsoft-com:office:office" lang="en">
<head><meta charset="utf-8"><title>{html.escape(spec.title)} | {spec.header}</title>
<style>p.MsoNormal {{margin:0}}</style><script>var tracking = "Menu Home";</script></head>
<body>
<div id="cookie-banner" class="cookie-banner">We use cookies on this site. Accept all cookies</div>
<header class="site-header"><a href="/">{spec.header} home</a>
<nav><ul><li><a href="/bins">Bins and recycling</a></li><li><a href="/council">Council</a></li>
</ul></nav></header>
<nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/constitution">Constitution</a></nav>
<main id="content"><div class=WordSection1>
{content}
</div></main>
<aside class="related">Related pages: Council tax</aside>
<footer class="site-footer">Copyright {spec.header}. Accessibility statement. Contact us</footer>
</body></html>"""


def print_html(browser, page_html: str, header: str | None = None, footer: bool = True) -> bytes:
    """A PDF of `page_html` printed by Chromium, with a running header and page footer."""
    page = browser.new_page()
    try:
        page.set_content(page_html)
        options: dict = {"format": "A4", "margin": {"top": "25mm", "bottom": "25mm"}}
        if header or footer:
            options["display_header_footer"] = True
            options["header_template"] = (
                f'<div style="font-size:9px;width:100%;text-align:center">{html.escape(header)}'
                "</div>"
                if header
                else "<span></span>"
            )
            options["footer_template"] = (
                '<div style="font-size:9px;width:100%;text-align:center">Page '
                '<span class="pageNumber"></span> of <span class="totalPages"></span></div>'
                if footer
                else "<span></span>"
            )
        return page.pdf(**options)
    finally:
        page.close()


def _html_table(item: Item) -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
        for row in table_rows(item)
    )
    # cells set well apart, as a council's Word table prints (a gap of a few points between
    # columns reads as a space: readers/pdf_extract.py CELL_GAP), rows at a table's usual
    # step (a row more than 2.6 lines below the last ends an unruled table: pdf_tables.py)
    return f"<table cellpadding=3 style='border-spacing:24pt 4pt'>{rows}</table>"


def spec_print_html(
    spec: Spec, columns: int = 1, contents: bool = False, leaders: bool = True
) -> str:
    """Clean HTML for printing: numbers typed in the text, as a PDF export shows them.

    `contents` adds a contents page: entries with dot leaders, or (leaders=False) with
    the page numbers set flush right, as many council PDFs have them."""
    rows = [f"<h1>{html.escape(spec.title)}</h1>"]
    if contents:
        headings = [i for i in spec.items if i.kind == "heading"]
        rows.append("<h2>Contents</h2>")
        for index, item in enumerate(headings):
            label = html.escape(f"{item.number} {item.text}" if item.number else item.text)
            if leaders:
                rows.append(f"<p class=toc>{label} ........................ {index + 2}</p>")
            else:
                rows.append(
                    "<p class=toc style='display:flex;justify-content:space-between'>"
                    f"<span>{label}</span><span>{index + 2}</span></p>"
                )
        rows.append('<div style="page-break-after:always"></div>')
    for item in spec.items:
        if item.kind == "table":
            rows.append(_html_table(item))
            continue
        label = f"{item.number} {item.text}" if item.number else item.text
        tag = "h2" if item.kind == "heading" else "p"
        rows.append(f"<{tag}>{html.escape(label)}</{tag}>")
    style = "body{font-family:'DejaVu Serif',serif;font-size:11pt} p{margin:0 0 8pt}"
    if columns > 1:
        style += f" .body{{column-count:{columns};column-gap:12mm}}"
    return (
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><style>{style}</style></head>"
        f"<body><div class=body>{''.join(rows)}</div></body></html>"
    )


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


_SUBJECTS = [
    "The chair", "A member of the committee", "The monitoring officer", "Any councillor",
    "The planning officer", "A co-opted member", "The clerk", "The applicant",
]  # fmt: skip
_VERBS = [
    "shall declare", "may ask about", "must not discuss", "should record", "will publish",
    "may refer", "shall explain", "must report",
]  # fmt: skip
_OBJECTS = [
    "any interest in the application", "the officer's recommendation", "the site visit",
    "lobbying by the applicant or objectors", "the minutes of the meeting",
    "the reasons for a decision contrary to advice", "training on planning law",
    "the order of speakers at the meeting",
]  # fmt: skip


def invented_sentence(seed: int) -> str:
    """A sentence of invented protocol text; different seeds read differently."""
    import random

    rng = random.Random(seed)
    clauses = [
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
        for _ in range(rng.randint(1, 3))
    ]
    return ", and ".join(clauses) + "."


def long_spec(sections: int, clauses: int = 8) -> Spec:
    """A long invented protocol: numbered sections, clauses and lettered items."""
    items = []
    for s in range(1, sections + 1):
        items.append(Item("heading", f"Arrangements for meetings part {s}", f"{s}."))
        for c in range(1, clauses + 1):
            seed = s * 100 + c
            items.append(Item("clause", invented_sentence(seed), f"{s}.{c}", 1))
            if c % 3 == 0:
                items.append(Item("clause", invented_sentence(seed + 7)[:-1] + ";", "(a)", 2))
                items.append(Item("clause", invented_sentence(seed + 9), "(b)", 2))
    return Spec("Planning Committee Protocol", items)


# --- a PDF written by hand ------------------------------------------------------------


def text_pdf(
    words: str,
    z_maps_to: bytes | None = None,
    trailing: bytes = b"",
    content: str = "",
    height: int = 792,
    annotations: tuple[bytes, ...] = (),
    resources: bytes = b"",
) -> bytes:
    """A one-page PDF with a text layer, offsets and all; `z_maps_to` (hex, b"D800") is
    what the font's ToUnicode map says the letter Z is; `trailing` follows %%EOF;
    `content`, when given, is the page's content stream instead of `words` at 12 pt;
    `height` is the page's in points; `annotations` are the page's annotation
    dictionaries (a form field, a FreeText box); `resources` more entries of the page's
    resources (b"/Pattern << ... >>")."""
    stream = (content or f"BT /F1 12 Tf 72 720 Td ({words}) Tj ET").encode()
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 %d] "
        b"/Resources << /Font << /F1 4 0 R >> %s >> /Contents 5 0 R >>" % (height, resources),
        b"",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    if z_maps_to is not None:
        cmap = (
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Z def "
            b"1 begincodespacerange <00> <FF> endcodespacerange "
            b"1 beginbfchar <5A> <" + z_maps_to + b"> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end"
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap))
        font += b" /ToUnicode 6 0 R"
    objects[3] = font + b" >>"
    if annotations:
        first = len(objects) + 1
        refs = b" ".join(b"%d 0 R" % (first + i) for i in range(len(annotations)))
        objects[2] = objects[2].replace(b"/Contents 5 0 R", b"/Contents 5 0 R /Annots [%s]" % refs)
        objects += list(annotations)
    return pdf_from_objects(objects) + trailing


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of `objects` (object 1 the catalog), numbered in order, with its
    cross-reference table and trailer: the one writer of the tests' hand-made PDFs."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- A closing line after a few clauses, in each format ------------------------------


def closing_line_source(
    path: Path, title: str, heading: str, clauses: tuple[str, ...], last: str, between: str
) -> Path:
    """A short document, its title, one numbered heading, `clauses` and then `last`, in
    the format `path` names (.txt, .html, .docx): what a line printed after the last
    clause (document control, a review date) is read as, in every format alike.
    `between` is what parts the last clause from `last` in a text file."""
    if path.suffix == ".html":
        body = "".join(f"<p>{clause}</p>" for clause in clauses)
        path.write_text(
            f"<html><body><h1>{title}</h1><h2>{heading}</h2>{body}<p>{last}</p></body></html>",
            "utf-8",
        )
    elif path.suffix == ".docx":
        import docx

        made = docx.Document()
        made.add_paragraph(title, style="Title")
        made.add_heading(heading, level=1)
        for clause in clauses:
            made.add_paragraph(clause)
        made.add_paragraph(last)
        made.save(path)
    else:
        text = f"{title}\n\n{heading}\n\n" + "\n\n".join(clauses) + between + last + "\n"
        path.write_text(text, "utf-8")
    return path


def notes_in(blocks) -> list[str]:
    """The texts of every note among `blocks`, nested blocks included, in reading order."""
    from clausemark.model.document import Note

    found = []
    for block in blocks:
        if isinstance(block, Note):
            found.append(block.text)
        found += notes_in(getattr(block, "blocks", []))
    return found

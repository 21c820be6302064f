"""A parish council's standing orders set as a word processor sets a hanging indent at
a tab stop: each number (section or item) hangs at the margin and its text starts at a
tab stop, wrapped lines at the text, in the body's size and face; section titles in
bold capitals on the number's line; a paragraph with no number starts at the text's
indent; sub-items hang one stop further in. Invented wording, with its .txt twin."""

from __future__ import annotations

from pathlib import Path

TITLE = "Standing Orders of Example Parish Council"

# (number or "", level (0: a section title line), text)
BLOCKS: list[tuple[str, int, str]] = [
    ("1", 0, "MEETINGS OF THE COUNCIL"),
    (
        "a",
        1,
        "The council shall meet at least four times in each year, on dates it fixes at "
        "its annual meeting, and at such other times as the chair or any two members "
        "may call by notice to the clerk.",
    ),
    (
        "b",
        1,
        "Meetings shall be held in the village hall unless the notice of the meeting "
        "names another place within the parish that is open to the public.",
    ),
    ("2", 0, "VOTING ON APPOINTMENTS"),
    (
        "",
        1,
        "Where more than two candidates are proposed for a post and none of them has a "
        "majority of the votes of the members present and voting, the name of the "
        "candidate with the fewest votes shall be struck off and a fresh vote taken, "
        "and so on until one candidate has a majority.",
    ),
    ("3", 0, "QUESTIONS FROM MEMBERS"),
    (
        "a",
        1,
        "A member may ask the chair a question about any matter for which the council "
        "is responsible, if notice of it reached the clerk three clear days before.",
    ),
    ("b", 1, "Every question shall be put and answered without discussion, except:"),
    (
        "i",
        2,
        "where the chair allows a short supplementary question to clear up the reply "
        "given to the first one; or",
    ),
    ("ii", 2, "where the council resolves to refer the matter to a committee."),
    (
        "c",
        1,
        "A question not answered at the meeting shall be answered in writing within "
        "fourteen days, and the answer sent to every member.",
    ),
    ("4", 0, "RECORDS OF DECISIONS"),
    (
        "",
        1,
        "The clerk shall keep the signed minutes of every meeting for at least six years "
        "and shall make them open to inspection by any local government elector of the "
        "parish at reasonable times.",
    ),
]


def text_twin() -> str:
    """The same document as plain text, as the council's clerk would type it."""
    out = [TITLE, ""]
    for number, _level, text in BLOCKS:
        out += [f"{number} {text}" if number else text, ""]
    return "\n".join(out)


# A paragraph with no number whose hanging indent starts with a tab that the word
# processor drew as a glyph of an embedded font that maps to no character: PDFium
# reads it as U+0000. ReportLab sets a stand-in ('¤', the only character of an
# embedded font) whose entry in that font's ToUnicode map is then made 0.
_STAND_IN, _NO_CHARACTER = b"<01> <00A4>", b"<01> <0000>"


def hanging_pdf(page: str = "A4", stop_mm: float = 12.0, size: float = 11.0) -> bytes:
    """The document by ReportLab: each number hangs `stop_mm` left of its text (a tab
    stop), section titles bold on the number's line, Times body of `size` points; a
    paragraph with no number starts with a glyph of no character where numbers hang."""
    import io

    import reportlab
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4, A5
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    fonts = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont("HangingTab", str(fonts / "Vera.ttf")))
    stop = stop_mm * mm
    body = ParagraphStyle(
        "body", fontName="Times-Roman", fontSize=size, leading=size * 1.25, spaceAfter=6
    )
    title = ParagraphStyle("title", fontName="Times-Bold", fontSize=size * 1.6, leading=size * 2)
    story: list = [Paragraph(TITLE, title), Spacer(1, 8)]
    for number, level, text in BLOCKS:
        indent = stop * max(level, 1)
        style = ParagraphStyle(
            f"l{level}",
            parent=body,
            alignment=TA_JUSTIFY,
            leftIndent=indent,
            bulletIndent=indent - stop,
            bulletFontName="HangingTab"
            if not number
            else "Times-Bold"
            if level == 0
            else "Times-Roman",
            bulletFontSize=size,
            fontName="Times-Bold" if level == 0 else "Times-Roman",
        )
        story.append(Paragraph(text, style, bulletText=number or "\u00a4"))
    out = io.BytesIO()
    SimpleDocTemplate(
        out, pagesize={"A4": A4, "A5": A5}[page], title=TITLE, pageCompression=0
    ).build(story)
    raw = out.getvalue()
    assert raw.count(_STAND_IN) == 1
    return raw.replace(_STAND_IN, _NO_CHARACTER)  # as long: the file's offsets hold

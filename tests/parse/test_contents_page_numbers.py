"""An unlabelled contents list whose entries end in page numbers, in every format: a Word
list typed with a tab to a dot-leader stop, a Word list linked to its headings (_Toc links,
PAGEREF fields, TOC or Contents styles), and a text or web page list whose page numbers
follow one space (as a Word list copied without its tabs gives it). Each is left out as
contents (INFO) when its entries come back as the headings, so the sections keep their
own ids; lines that only look like entries stay in the text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses, iter_headings
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.shared import Cm

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TITLES = ("Meetings of the Board", "Chairing", "Voting")
TEXTS = ("The board meets each quarter.", "The chair is chosen yearly.", "A show of hands.")


def _headings(document) -> list[str]:
    return [f"{h.number or ''} {h.title}".strip() for h in iter_headings(document.blocks)]


def _anchors(document) -> list[str]:
    return [clause.anchor for clause, *_ in iter_clauses(document.blocks)]


def _assert_contents_left_out(document, entries: int = 3) -> None:
    assert _headings(document) == [f"{n}. {t}" for n, t in enumerate(TITLES, 1)]
    assert _anchors(document) == ["sec_1__para_1-1", "sec_2__para_2-1", "sec_3__para_3-1"]
    contents = [d for d in document.dropped if d.kind.startswith("contents")]
    assert len(contents) == entries
    assert {d.level for d in contents} == {"info"}
    assert not [w for w in document.warnings if "repeats id" in w.message]
    assert not [w for w in document.warnings if "comes after" in w.message]


def _body_text() -> str:
    pairs = enumerate(zip(TITLES, TEXTS, strict=True), 1)
    return "".join(f"{n}. {title}\n\n{n}.1 {text}\n\n" for n, (title, text) in pairs)


@pytest.mark.parametrize("between", ["\n\n", "\n"])
def test_a_text_list_with_page_numbers_after_one_space_is_contents(tmp_path, between):
    entries = between.join(f"{n}. {t} {n + 1}" for n, t in enumerate(TITLES, 1))
    path = tmp_path / "board.txt"
    path.write_text(f"Board Standing Orders\n\n{entries}\n\n{_body_text()}", encoding="utf-8")
    document = convert_file(path)
    _assert_contents_left_out(document)
    assert [d.text for d in document.dropped][0] == "1. Meetings of the Board 2"


def test_a_web_page_list_with_page_numbers_after_one_space_is_contents(tmp_path):
    entries = "".join(f"<p>{n}. {t} {n + 1}</p>" for n, t in enumerate(TITLES, 1))
    body = "".join(
        f"<h2>{n}. {title}</h2><p>{n}.1 {text}</p>"
        for n, (title, text) in enumerate(zip(TITLES, TEXTS, strict=True), 1)
    )
    path = tmp_path / "board.html"
    path.write_text(
        f"<html><body><h1>Board Standing Orders</h1>{entries}{body}</body></html>", "utf-8"
    )
    _assert_contents_left_out(convert_file(path))


def test_one_space_numbers_that_do_not_come_back_as_headings_stay_in_the_text(tmp_path):
    text = (
        "Board Standing Orders\n\n1. Members 12\n2. Officers 14\n3. Observers 20\n\n" + _body_text()
    )
    path = tmp_path / "board.txt"
    path.write_text(text, encoding="utf-8")
    document = convert_file(path)
    assert not document.dropped
    words = " ".join([*_headings(document), *(c.text for c, *_ in iter_clauses(document.blocks))])
    assert "Members 12" in words and "Observers 20" in words


def _word(tmp_path: Path, entry) -> Path:
    """A Word file: title, three contents entries made by `entry(document, n, title, page)`,
    then the sections as Heading 1 paragraphs and their clauses."""
    made = docx.Document()
    made.add_paragraph("Board Standing Orders", style="Title")
    for n, title in enumerate(TITLES, 1):
        entry(made, n, title, n + 1)
    for n, (title, text) in enumerate(zip(TITLES, TEXTS, strict=True), 1):
        made.add_heading(f"{n}. {title}", level=1)
        made.add_paragraph(f"{n}.1 {text}")
    path = tmp_path / "board.docx"
    made.save(path)
    return path


def _leader_entry(made, n, title, page) -> None:
    paragraph = made.add_paragraph()
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(1))
    paragraph.paragraph_format.tab_stops.add_tab_stop(
        Cm(15), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )
    paragraph.add_run(f"{n}.\t{title}\t{page}")


def test_a_word_list_typed_with_dot_leader_tabs_is_contents(tmp_path):
    document = convert_file(_word(tmp_path, _leader_entry))
    _assert_contents_left_out(document)
    dropped = [d for d in document.dropped if d.kind == "contents"]
    assert dropped[0].text == "1. Meetings of the Board ........ 2"  # dots as Word prints
    assert [d.place for d in dropped] == ["paragraph 2", "paragraph 3", "paragraph 4"]


def test_a_word_style_with_a_leader_tab_stop_makes_its_entries_contents(tmp_path):
    def entry(made, n, title, page):
        styles = made.styles
        if "Board Contents" not in [s.name for s in styles]:
            style = styles.add_style("Board Contents", 1)
            style.paragraph_format.tab_stops.add_tab_stop(
                Cm(15), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
        made.add_paragraph(f"{n}. {title}\t{page}", style="Board Contents")

    _assert_contents_left_out(convert_file(_word(tmp_path, entry)))


def _linked_entry(made, n, title, page) -> None:
    """An entry linked to its heading's _Toc bookmark, its page from a PAGEREF field,
    with no leader (as a contents list made by Word and then edited by hand)."""
    made.add_paragraph()._p.append(
        parse_xml(
            f'<w:hyperlink {W} w:anchor="_Toc10{n}"><w:r><w:t xml:space="preserve">'
            f"{n}. {title}</w:t></w:r><w:r><w:tab/></w:r>"
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc10{n} \\h </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{page}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            "</w:hyperlink>"
        )
    )


def test_a_word_list_linked_to_its_headings_is_contents(tmp_path):
    document = convert_file(_word(tmp_path, _linked_entry))
    _assert_contents_left_out(document)
    assert [d.text for d in document.dropped][0] == "1. Meetings of the Board\t2"
    assert [d.place for d in document.dropped] == ["paragraph 2", "paragraph 3", "paragraph 4"]


@pytest.mark.parametrize("style", ["toc 1", "Contents 1"])
def test_word_and_libreoffice_contents_styles_make_contents(tmp_path, style):
    def entry(made, n, title, page):
        if style not in [s.name for s in made.styles]:
            made.styles.add_style(style, 1)
        made.add_paragraph(f"{n}. {title}\t{page}", style=style)

    document = convert_file(_word(tmp_path, entry))
    _assert_contents_left_out(document)
    assert [d.text for d in document.dropped][0] == "1. Meetings of the Board\t2"
    assert [d.place for d in document.dropped] == ["paragraph 2", "paragraph 3", "paragraph 4"]


def test_a_word_tab_that_is_no_contents_entry_stays_a_space(tmp_path):
    made = docx.Document()
    made.add_paragraph("Board Standing Orders", style="Title")
    made.add_heading("1. Signing", level=1)
    signed = made.add_paragraph()
    signed.paragraph_format.tab_stops.add_tab_stop(
        Cm(15), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )
    signed.add_run("1.1 The minutes are signed by the chair\tin ink.")
    bold = made.add_paragraph("1.2 ")
    bold.add_run("Quorum").bold = True
    bold.add_run("\tthree members.")
    path = tmp_path / "board.docx"
    made.save(path)
    document = convert_file(path)
    assert not document.dropped
    texts = [clause.text for clause, *_ in iter_clauses(document.blocks)]
    assert texts == ["The minutes are signed by the chair in ink.", "**Quorum** three members."]


@pytest.mark.parametrize("name", ["board.txt", "board.docx"])
def test_a_reworded_list_is_one_warning_and_the_first_heading_stays(tmp_path, name):
    """Entries that do not come back ('Chairs' over '2. Chairing') are still a list by
    their dots and pages: left out with one warning, never with the heading after it."""
    entries = [f"{n}. {t}" for n, t in enumerate(("Meetings", "Chairs", "Votes"), 1)]
    if name.endswith(".docx"):
        path = _word(
            tmp_path, lambda made, n, _title, page: _leader_entry(made, n, entries[n - 1][3:], page)
        )
    else:
        path = tmp_path / name
        listed = "\n\n".join(f"{e} ........ {n + 2}" for n, e in enumerate(entries))
        path.write_text(f"Board Standing Orders\n\n{listed}\n\n{_body_text()}", "utf-8")
    document = convert_file(path)
    assert _headings(document) == [f"{n}. {t}" for n, t in enumerate(TITLES, 1)]
    assert _anchors(document) == ["sec_1__para_1-1", "sec_2__para_2-1", "sec_3__para_3-1"]
    assert len([d for d in document.dropped if d.kind == "contents-guessed"]) == 3
    assert len([w for w in document.warnings if w.code == "dropped"]) == 1

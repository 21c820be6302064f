"""docx17 (session 15, trial17 F10): python-docx's default template numbers 'List Number'
with one list (set in 360 twips) and 'List Number 2' with another, its own '1.' again, set
in 720. Word shows the second under the item above it (1. 2. [1. 2.] 3.); the reader wrote
every number at the margin, so the parser read '1.' twice (para_1_2, two 'printed twice'
warnings, an editorial note). The reader now sets a list in, as a web page's nested list
(R40), where it restarts at its first number deeper than the open item of its own form.
Documents of our own wording, made with python-docx."""

from __future__ import annotations

import docx
from clausemark.convert import convert_file
from clausemark.model.records import clause_records
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls


def _anchors(document, tmp_path) -> dict[str, str]:
    path = tmp_path / "scheme.docx"
    document.save(path)
    return {r.text.strip(): r.anchor for r in clause_records(convert_file(path))}


def _scheme() -> docx.Document:
    document = docx.Document()
    document.add_paragraph("Allotments Scheme", style="Title")
    document.add_paragraph("Tenancies", style="Heading 1")
    document.add_paragraph("Plots are let by the year from October.", style="List Number")
    document.add_paragraph("A tenant must keep the plot cultivated.", style="List Number")
    document.add_paragraph("Half the plot is cropped by June.", style="List Number 2")
    document.add_paragraph("Paths are kept clear of weeds.", style="List Number 2")
    return document


def test_list_number_2_under_list_number_is_that_items_list(tmp_path):
    """Fails before: 'Half the plot ...' was para_1_2 and 'Paths ...' para_2_2."""
    document = _scheme()
    document.add_paragraph("Rent", style="Heading 1")
    document.add_paragraph("Rent is due on 1 October.", style="List Number")
    anchors = _anchors(document, tmp_path)
    assert anchors["Plots are let by the year from October."] == "para_1"
    assert anchors["A tenant must keep the plot cultivated."] == "para_2"
    assert anchors["Half the plot is cropped by June."] == "para_2__subpara_1"
    assert anchors["Paths are kept clear of weeds."] == "para_2__subpara_2"
    assert anchors["Rent is due on 1 October."] == "para_3"


def test_the_list_returns_at_the_shallower_indent_without_a_heading(tmp_path):
    """Fails before: 'Half the plot ...' was para_1_2. '3.' and '4.' at the list's own indent
    return to it (para_3, not para_2__subpara_3, the inner list's third item)."""
    document = _scheme()
    document.add_paragraph("A tenant may keep hens but no cockerels.", style="List Number")
    document.add_paragraph("Rent is due on 1 October.", style="List Number")
    anchors = _anchors(document, tmp_path)
    assert anchors["Half the plot is cropped by June."] == "para_2__subpara_1"
    assert anchors["Paths are kept clear of weeds."] == "para_2__subpara_2"
    assert anchors["A tenant may keep hens but no cockerels."] == "para_3"
    assert anchors["Rent is due on 1 October."] == "para_4"


def _numbered(document, num_id: str, ilvl: int, text: str) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().insert(
        0,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
    )


def _list(document, abstract_id: str, num_id: str, second: tuple[str, str]) -> None:
    """A list of our own: level 0 '1.' at 360 twips, level 1 `second` (format, text) at 720."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="{left}" w:hanging="360"/>'
        "</w:pPr></w:lvl>"
        for ilvl, (fmt, text), left in ((0, ("decimal", "%1."), 360), (1, second, 720))
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}'
            "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )


def test_a_second_level_that_prints_its_own_form_stays_as_it_is(tmp_path):
    """Passes before and after (a negative): a level 1 printed '(a)' or '1.1' says its
    level itself; the reader sets nothing in for it."""
    for second, anchor in ((("lowerLetter", "(%2)"), "para_2__subpara_a"),
                           (("decimal", "%1.%2"), "para_2__subpara_2-1")):  # fmt: skip
        document = docx.Document()
        document.add_paragraph("Standing Orders", style="Title")
        _list(document, "90", "90", second)
        _numbered(document, "90", 0, "The Mayor presides at meetings.")
        _numbered(document, "90", 0, "The quorum is one third of members.")
        _numbered(document, "90", 1, "Vacancies are not counted.")
        anchors = _anchors(document, tmp_path)
        assert anchors["The quorum is one third of members."] == "para_2"
        assert anchors["Vacancies are not counted."] == anchor


def test_two_lists_at_one_indent_restarting_at_1_stay_siblings(tmp_path):
    """Passes before and after (a negative): a list restarting at 1 at the SAME indent as
    the list above is no child of it; read as before (the repeat suffix)."""
    document = docx.Document()
    document.add_paragraph("Standing Orders", style="Title")
    _list(document, "90", "90", ("lowerLetter", "(%2)"))
    _list(document, "91", "91", ("lowerLetter", "(%2)"))
    _numbered(document, "90", 0, "The Mayor presides at meetings.")
    _numbered(document, "90", 0, "The quorum is one third of members.")
    _numbered(document, "91", 0, "Notice of a motion is given in writing.")
    _numbered(document, "91", 0, "A motion is seconded before debate.")
    anchors = _anchors(document, tmp_path)
    assert anchors["Notice of a motion is given in writing."] == "para_1_2"
    assert anchors["A motion is seconded before debate."] == "para_2_2"

"""polish12 (session 11): Word 'List Bullet' paragraphs after a 'List Number' item, at the
same indent, print in Word as a list beside the numbered items, not under one: they were
that item's sub-items (para_5__subpara_1), so a diff counted them as clause 5's text
(trial11, session 10). Documents of our own wording, made with python-docx's own styles."""

from __future__ import annotations

import docx
from clausemark.convert import convert_file
from clausemark.model.records import clause_records


def _policy(tmp_path, third: str, bullet_style: str = "List Bullet"):
    document = docx.Document()
    document.add_paragraph("Social Media Protocol", style="Title")
    document.add_paragraph("Scope", style="Heading 1")
    for text in (
        "Members use social media in a personal capacity.",
        "Members must not disclose confidential information.",
        third,
    ):
        document.add_paragraph(text, style="List Number")
    for text in ("Accounts run by the council's press office", "Pages of local groups"):
        document.add_paragraph(text, style=bullet_style)
    document.add_paragraph("Conduct", style="Heading 1")
    document.add_paragraph("Members remain bound by the Code.", style="List Number")
    path = tmp_path / "protocol.docx"
    document.save(path)
    records = clause_records(convert_file(path))
    return {record.text: record for record in records}


def test_bullets_at_a_numbered_items_indent_are_beside_it_not_under_it(tmp_path):
    """Fails before: the bullets were para_3__subpara_1 and _2, clause 3's own text."""
    records = _policy(tmp_path, "Members should be courteous online.")
    bullets = [
        records["Accounts run by the council's press office"],
        records["Pages of local groups"],
    ]
    assert [bullet.parent for bullet in bullets] == [None, None]
    assert records["Members should be courteous online."].anchor == "para_3"
    assert "press office" not in records["Members should be courteous online."].text
    assert records["Members remain bound by the Code."].anchor == "para_4"


def test_bullets_after_an_item_that_leads_into_them_stay_its_items(tmp_path):
    """'3. Members may follow:' leads into the bullets (R2): every one is its item. The
    second bullet failed on ef0c936 (polish12's trial: after the first bullet's ';' it was
    taken as beside the item, para_2_2)."""
    records = _policy(tmp_path, "Members may follow:")
    first, second = (
        records["Accounts run by the council's press office"],
        records["Pages of local groups"],
    )
    assert (first.anchor, first.parent) == ("para_3__subpara_1", "para_3")
    assert (second.anchor, second.parent) == ("para_3__subpara_2", "para_3")


def test_bullets_set_in_under_a_numbered_item_stay_its_items(tmp_path):
    """Passes before and after: 'List Bullet 2' is set in further than the number."""
    records = _policy(tmp_path, "Members should be courteous online.", "List Bullet 2")
    bullet = records["Pages of local groups"]
    assert (bullet.anchor, bullet.parent) == ("para_3__subpara_2", "para_3")

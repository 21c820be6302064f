"""polish12 (session 11): a line 'Label: text', a label and the words it labels, is never a
heading ('Present: Cllr A Smith, Cllr B Jones' in minutes was a cross-heading, review11 and
trial11 of session 10). Texts of our own wording."""

from __future__ import annotations

from real_texts import assert_anchors, convert_text, headings, notes

_MINUTES = (
    "Minutes of the Parish Council Meeting\n\n"
    "Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown\n\n"
    "In attendance: The Clerk and two members of the public\n\n"
    "1. Apologies\n\nApologies were received from Cllr D White.\n\n"
    "2. Minutes\n\nThe minutes of the last meeting were approved.\n"
)


def test_who_was_present_is_no_heading(tmp_path):
    """Fails before: both lines were cross-headings (crossheading_1, crossheading_2)."""
    document = convert_text(tmp_path, "minutes.txt", _MINUTES)
    assert headings(document) == ["1. Apologies", "2. Minutes"]
    said = notes(document)
    assert "Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown" in said
    assert "In attendance: The Clerk and two members of the public" in said


def test_a_label_and_its_words_under_a_heading_head_nothing():
    """Fails before: 'Chair: Cllr A Smith' became a cross-heading closing section 1."""
    text = (
        "Terms of Reference\n\n1. Membership\n\n1.1 The committee has five members.\n\n"
        "Chair: Cllr A Smith\n\n1.2 The quorum is three.\n\n2. Meetings\n\n"
        "2.1 The committee meets monthly.\n"
    )
    expected = ["sec_1", "sec_1__para_1-1", "sec_1__para_1-2", "sec_2", "sec_2__para_2-1"]
    document = assert_anchors(text, expected, "terms.txt")
    assert headings(document) == ["1. Membership", "2. Meetings"]


def test_a_numbered_part_with_its_title_after_a_colon_is_still_a_heading(tmp_path):
    """Passes before and after: 'PART 3: COMMITTEES' is a Part, its number before the colon."""
    text = (
        "Constitution\n\nPART 2: MEETINGS\n\n1. Meetings are held monthly.\n\n"
        "PART 3: COMMITTEES\n\n1. The council appoints committees.\n"
    )
    document = convert_text(tmp_path, "constitution.txt", text)
    assert len(headings(document)) == 2

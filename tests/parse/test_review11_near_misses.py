"""review11 (session 10): inputs just outside the tests of the session's rulings.
Texts of our own wording; each test says what it gave before."""

from __future__ import annotations

from real_texts import assert_anchors

# R7. After an agenda item '1. Public Participation' whose own list runs 1., 2., the
# agenda's '2.' does not go on from that list (its 2 is printed already): it goes on from
# the heading's own number and is the heading's sibling.


def test_the_agenda_number_after_an_items_own_list_is_the_items_sibling():
    """Fails before: the agenda's '2.' stayed in item 1 as a number printed twice
    (sec_1__para_2_2, a warning), and '3.' with it (sec_1__para_3)."""
    text = (
        "Parish Council Meeting Agenda\n\n1. Public Participation\n\n"
        "Members of the public may speak in this order:\n\n"
        "1. residents of the parish;\n\n2. other members of the public.\n\n"
        "2. To receive declarations of interest.\n\n"
        "3. To approve the minutes of the last meeting.\n"
    )
    assert_anchors(text, ["sec_1", "sec_1__para_1", "sec_1__para_2", "para_2", "para_3"])


def test_a_second_list_in_an_item_going_on_in_sequence_stays_in_it():
    """Passes before and after: a list starting again after a lead-in ('1.', '2.') is
    the item's own; its '2.' follows its '1.'."""
    text = (
        "Parish Council Meeting Agenda\n\n1. Planning\n\n"
        "To comment on these applications:\n\n"
        "1. 12 Mill Lane, extension;\n\n2. 4 Church Street, new porch;\n\n"
        "3. Land at Hill Farm, barn.\n\nDelegations:\n\n"
        "1. The clerk may reply on works to trees.\n\n"
        "2. The chair may agree replies on porches.\n"
    )
    assert_anchors(
        text,
        [
            "sec_1",
            "sec_1__para_1",
            "sec_1__para_2",
            "sec_1__para_3",
            "sec_1__para_1_2",
            "sec_1__para_2_2",
        ],
    )

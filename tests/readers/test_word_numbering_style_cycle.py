"""review11 (session 10): the numStyleLink chain kept once resolved (7cffd4c) must answer
as the walk does for a hostile numbering.xml whose two list definitions link to each
other through list styles: each keeps its own levels and counters, whichever is asked
first (a paragraph of one must not take the other's numbers)."""

from __future__ import annotations

from clausemark.readers.word_numbering import Abstract, Instance, Level, Numbering


def _cycle() -> Numbering:
    numbering = Numbering(
        abstracts={
            "A": Abstract(levels={0: Level(text="%1.")}, style_link="StyleB"),
            "B": Abstract(
                levels={0: Level(number_format="lowerLetter", text="(%1)")}, style_link="StyleA"
            ),
        },
        instances={"1": Instance("A"), "2": Instance("B")},
    )
    numbering.link_list_styles({"StyleA": "1", "StyleB": "2"})
    return numbering


def test_two_list_definitions_linked_to_each_other_keep_their_own_numbers():
    """Fails on f5c4937: list 1 asked first kept 'B resolves to A', so list 2's paragraph
    printed '2.' (list 1's levels and counter, a number the file does not give) for '(a)'."""
    numbering = _cycle()
    first = numbering.next("1", 0)
    second = numbering.next("2", 0)
    assert (first and first.text, second and second.text) == ("1.", "(a)")


def test_the_answer_does_not_depend_on_which_list_is_asked_first():
    """Passes before and after (list 2 first: each resolved alone)."""
    numbering = _cycle()
    second = numbering.next("2", 0)
    first = numbering.next("1", 0)
    assert (first and first.text, second and second.text) == ("1.", "(a)")

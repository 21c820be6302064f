"""`parse_anchor` reads back what `make_id` (and a repeated id's `_2`) wrote, for every
numbering style and container word in the table."""

from __future__ import annotations

from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses
from clausemark.numbering.anchors import (
    AnchorPart,
    _IdAllocator,
    descendant_prefix,
    make_id,
    parse_anchor,
)
from clausemark.numbering.styles import (
    CONTAINER_WORDS,
    STYLES,
    clean_number,
    strip_container_word,
)
from hypothesis import given
from hypothesis import strategies as st

# Every element an id can name: what the styles and container words make, and what
# anchors.py counts (cross-headings, tables, notes) or nests (sub-paragraphs, items).
ELEMENTS = sorted(
    {style.element for style in STYLES}
    | {word.element for word in CONTAINER_WORDS}
    | {"para", "subpara", "item", "crossheading", "table", "intro"}
)
# Numbers as the table prints them, cleaned as an id shows them.
PRINTED = [style.example for style in STYLES] + [
    f"{word.words[0].title()} {number}" for word in CONTAINER_WORDS for number in ("2", "IV", "B")
]
TABLE_NUMBERS = sorted({clean_number(strip_container_word(printed)) for printed in PRINTED})


def _build(parts: list[AnchorPart]) -> str:
    """The id `assign_anchors` gives: each part made by `make_id`, a repeat by the allocator."""
    anchor = None
    for part in parts:
        wanted = make_id(anchor, part.element, part.number)
        ids = _IdAllocator([])
        for _ in range(part.repeat or 1):
            anchor = ids.claim(wanted, 1, "a clause")
    assert anchor is not None
    return anchor


def _parts(numbers: st.SearchStrategy[str]) -> st.SearchStrategy[list[AnchorPart]]:
    part = st.builds(
        AnchorPart,
        st.sampled_from(ELEMENTS),
        numbers,
        st.none() | st.integers(min_value=2, max_value=99),
    )
    return st.lists(part, min_size=1, max_size=5)


def test_the_table_numbers_are_every_style_and_container_word():
    assert {"1-6-1", "2A", "1-b-i", "3-2", "B2", "A-1", "1-1", "12-1", "iv", "b"} <= set(
        TABLE_NUMBERS
    )


@given(_parts(st.sampled_from(TABLE_NUMBERS)))
def test_parse_anchor_reads_back_every_id_the_numbering_table_makes(parts):
    assert parse_anchor(_build(parts)).parts == tuple(parts)


@given(_parts(st.text(min_size=1, max_size=12).map(clean_number).filter(bool)))
def test_parse_anchor_reads_back_any_cleaned_number(parts):
    """No cleaned number holds '_', whatever was printed: the separators stay unambiguous."""
    assert parse_anchor(_build(parts)).parts == tuple(parts)


def test_parse_anchor_names_the_parts_of_a_nested_id():
    parsed = parse_anchor("sec_3__para_3-5__subpara_a__item_i")
    assert [(p.element, p.number) for p in parsed.parts] == [
        ("sec", "3"),
        ("para", "3-5"),
        ("subpara", "a"),
        ("item", "i"),
    ]
    assert parsed.own == AnchorPart("item", "i")
    assert parse_anchor("title").own == AnchorPart("title", "")


def test_a_repeated_number_is_read_as_the_number_and_its_repeat(tmp_path):
    source = tmp_path / "rules.txt"
    source.write_text("Rules\n\n1. First rule.\n\n1. The same number again.\n", encoding="utf-8")
    anchors = [clause.anchor for clause, *_ in iter_clauses(convert_file(source).blocks)]
    assert anchors == ["para_1", "para_1_2"]
    assert parse_anchor("para_1_2").own == AnchorPart("para", "1", 2)


def test_descendant_prefix_starts_every_id_inside_a_clause_and_no_other():
    inside = make_id(make_id("para_4", "subpara", "a"), "item", "i")
    assert inside.startswith(descendant_prefix("para_4"))
    assert not make_id(None, "para", "4-1").startswith(descendant_prefix("para_4"))
    assert not "para_40".startswith(descendant_prefix("para_4"))

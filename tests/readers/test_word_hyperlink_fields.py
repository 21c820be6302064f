"""Word writes many links as HYPERLINK fields, simple (`w:fldSimple`) or complex
(`w:fldChar` begin / `w:instrText` / separate / result / end), not as `w:hyperlink`.
They read as links where the address is http(s), mailto or relative (with a `\\l`
location as its fragment); any other address (javascript:, data:, file:) keeps its
words as plain text with a warning naming the paragraph; a link to a bookmark of the
Word file alone keeps its words. The words of every field's result are always kept."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.model.document import iter_clauses
from format_fixtures import WordParts, build_docx, para, run


def simple(instruction: str, words: str) -> str:
    return f"<w:fldSimple w:instr='{instruction}'>{run(words)}</w:fldSimple>"


def complex_field(instruction: str, *result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + "".join(result) + END
    )


END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


PARTS = WordParts(
    body=[
        para("Planning Code", "Title"),
        para("1. Links"),
        para(
            run("1.1 Read ")
            + simple(' HYPERLINK "https://example.org/plan" ', "the plan")
            + run(" first.")
        ),
        para(
            run("1.2 See ")
            + complex_field(
                ' HYPERLINK "https://example.org/code" \\l "part-2" \\o "tip" ',
                run("the "),
                run("code", bold=True),
            )
            + run(" and ")
            + complex_field(' HYPERLINK "mailto:clerk@example.org" ', run("the clerk"))
            + run(" and ")
            + complex_field(' HYPERLINK "../fees/" ', run("the fees"))
            + run(".")
        ),
        para(
            run("1.3 Never ")
            + simple(' HYPERLINK "javascript:alert(1)" ', "this one")
            + run(" nor ")
            + complex_field(' HYPERLINK "data:text/html,x" ', run("that one"))
            + run(" nor ")
            + complex_field(' HYPERLINK \\l "_Ref123" ', run("clause 1.1"))
            + run(".")
        ),
        # a result that runs on into the next paragraph: words, no link
        para(
            run("1.4 Ask ")
            + complex_field(
                ' HYPERLINK "https://example.org/ask" ', run("the office")
            ).removesuffix(END)
        ),
        para(run("of the clerk") + END + run(" now.")),
    ]
)


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    path = tmp_path_factory.mktemp("fields") / "code.docx"
    path.write_bytes(build_docx(PARTS))
    return convert_file(path)


def _clauses(document) -> dict:
    return {clause.number: clause.text for clause, *_ in iter_clauses(document.blocks)}


def test_hyperlink_fields_read_as_links(document):
    clauses = _clauses(document)
    assert clauses["1.1"] == "Read [the plan](https://example.org/plan) first."
    assert clauses["1.2"] == (
        "See [the **code**](https://example.org/code#part-2) and "
        "[the clerk](mailto:clerk@example.org) and [the fees](../fees/)."
    )


def test_other_addresses_keep_their_words_with_a_warning(document):
    assert _clauses(document)["1.3"] == "Never this one nor that one nor clause 1.1."
    refused = [w for w in document.warnings if w.code == "link"]
    assert len(refused) == 2
    assert all(w.place == "paragraph 5" for w in refused), refused
    assert "javascript:" in refused[0].message and "data:" in refused[1].message
    assert not [w for w in document.warnings if w.code == "lost-words"]


def test_a_result_over_two_paragraphs_keeps_its_words(document):
    (clause,) = [c for c, *_ in iter_clauses(document.blocks) if c.number == "1.4"]
    assert (clause.text, clause.paragraphs) == ("Ask the office", ["of the clerk now."])


def test_the_instruction_is_read_as_word_reads_it():
    from clausemark.readers.word_fields import hyperlink_target

    assert hyperlink_target(' HYPERLINK "https://a.example/x" \\l "b" \\t "_blank" ') == (
        "https://a.example/x#b"
    )
    assert hyperlink_target("HYPERLINK https://a.example/y") == "https://a.example/y"
    assert hyperlink_target(' HYPERLINK \\l "_Toc1" ') == ""  # a contents entry's
    assert hyperlink_target(' HYPERLINK \\l "fees" ') == "#cm-bookmark-fees"  # its clause's
    assert hyperlink_target(" PAGEREF _Toc1 \\h ") is None

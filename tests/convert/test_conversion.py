"""The conversion of the five seed protocols: structure, numbers, anchors, repairs."""

from __future__ import annotations

import re

import pytest
from clausemark.convert import convert_file, document_to_json
from clausemark.model.document import iter_clauses
from clausemark.model.records import clause_records
from clausemark.numbering.styles import clean_number
from clausemark.parse.parser import parse
from clausemark.readers.text import SourceText, read_source
from clausemark.render.fidelity import lost_words
from clausemark.render.markdown_writer import render_document
from seeds import (
    ALL_SEEDS,
    EMCCA,
    MODEL,
    NEWCASTLE,
    PART_E,
    TOWN,
    converted,
    records,
    top_level_numbers,
)


def printed_decimal_numbers(path) -> list[str]:
    """An independent oracle: every 'N.N' that starts a line of the raw text, in order."""
    pattern = re.compile(r"^\s*(?:-\s*)?(\d+\.\d+)\s")
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = pattern.match(line)
        if match and not match.group(1).endswith(".0"):
            found.append(match.group(1))
    return found


@pytest.mark.parametrize("path", ALL_SEEDS, ids=lambda p: p.stem)
def test_no_word_is_lost(path):
    source = read_source(path)
    assert lost_words(source, parse(source, "doc")) == []


def test_emcca_paragraphs_are_1_to_54_under_cross_headings():
    assert top_level_numbers(EMCCA) == [f"{n}." for n in range(1, 55)]
    anchors = {r.number: r.anchor for r in records(EMCCA) if r.parent is None}
    assert anchors["46."] == "para_46"
    assert anchors["21."] == "para_21"


def test_town_council_clauses_are_1_1_to_5_3():
    assert top_level_numbers(TOWN) == [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5",
        "3.1", "3.2", "4.1", "5.1", "5.2", "5.3",
    ]  # fmt: skip


@pytest.mark.parametrize("path", [NEWCASTLE, PART_E], ids=lambda p: p.stem)
def test_clause_numbers_match_the_printed_numbers(path):
    assert top_level_numbers(path) == printed_decimal_numbers(path)


def test_part_e_keeps_its_printed_errors_and_warns_about_each():
    document = converted(PART_E)
    numbers = top_level_numbers(PART_E)
    assert "6.7" not in numbers
    assert numbers.count("13.2") == 2
    anchors = [r.anchor for r in records(PART_E)]
    assert "sec_11__para_12-2" in anchors  # 12.2 printed under section 11
    assert "sec_12__para_13-2" in anchors and "sec_13__para_13-2" in anchors
    messages = [w.format(document.path) for w in document.warnings]
    assert any(
        m.endswith(":84: numbering jumps from 6.6 to 6.8 (6.7 is missing)") for m in messages
    )
    assert any(":184: clause 12.2 is printed under section 11" in m for m in messages)
    assert any(
        ":198: clause number 13.2 is printed twice (first on line 192)" in m for m in messages
    )


def test_anchor_convention_for_items_and_sections():
    anchors = {r.anchor for r in records(NEWCASTLE)}
    assert {"sec_3__para_3-5__subpara_a", "sec_3__para_3-5__subpara_h"} <= anchors
    assert "sec_7__para_7-3__subpara_a" in anchors  # printed "(a)"
    part_e = {r.anchor: r for r in records(PART_E)}
    assert part_e["sec_4-0__para_4-8__subpara_i"].number == "i."
    assert part_e["sec_7__para_7-13__subpara_i"].number == "(i)"  # "(i)the" with no space
    assert part_e["sec_13__para_13-2__subpara_iv"].number == "iv."  # no bullet, still an item
    assert "sec_10" in {h["anchor"] for h in document_to_json(converted(PART_E))["headings"]}


def test_unnumbered_paragraphs_get_counted_ids_and_letters_become_items():
    model = records(MODEL)
    top = [r for r in model if r.parent is None]
    assert all(r.number is None for r in top)
    assert [r.anchor for r in top[:3]] == ["para_1", "para_2", "para_3"]
    items = [r for r in model if r.parent == "para_20"]
    assert [(r.anchor, r.number) for r in items][:2] == [
        ("para_a", "a"),
        ("para_b", "b"),
    ]
    assert items[0].text.startswith("for the publication of material")


def test_bare_letter_items_keep_their_letter_when_an_item_starts_with_a_capital(tmp_path):
    """'- b Political group meetings' is item b, so 'a'..'d' read as items a) to d)."""
    path = tmp_path / "protocol.txt"
    path.write_text(
        "Certain points must be understood:\n\n"
        "- a support must not extend to party business;\n"
        "- b Political group meetings are not decision-making bodies;\n"
        "- c similarly, advice is given to every group;\n",
        encoding="utf-8",
    )
    items = [r for r in records(path) if r.parent is not None]
    assert [(r.number, r.text.split()[0]) for r in items] == [
        ("a", "support"),
        ("b", "Political"),
        ("c", "similarly,"),
    ]


def test_anchors_are_identical_across_two_conversions():
    for path in ALL_SEEDS:
        first = [r.anchor for r in clause_records(convert_file(path))]
        assert first == [r.anchor for r in clause_records(convert_file(path))]
        assert len(first) == len(set(first)), path.name


def test_anchors_never_come_from_heading_text():
    for path in ALL_SEEDS:
        for heading in document_to_json(converted(path))["headings"]:
            assert re.fullmatch(r"(sec_[\w-]+|crossheading_\d+)", heading["anchor"])


def test_page_break_split_paragraphs_are_joined():
    emcca = {r.anchor: r.text for r in records(EMCCA)}
    assert "exempt from disclosure, they should ask the relevant officer" in emcca["para_39"]
    assert emcca["para_54"].endswith("its Members and officers.")
    model = {r.anchor: r.text for r in records(MODEL)}
    assert "have a duty always to act in the public interest" in model["para_13"]
    part_e = {r.anchor: r.text for r in records(PART_E)}
    assert "as an alternative to" in part_e["sec_10__para_10-22"]
    assert "Ombudsman, or an appeal" in part_e["sec_10__para_10-22"]


def test_contents_list_page_numbers_and_break_marks_are_dropped():
    document = converted(EMCCA)
    reasons = {d.reason for d in document.dropped}
    assert reasons == {"printed contents list", "page-break mark"}
    markdown = render_document(document)
    assert "\t177" not in markdown and "Contents" not in markdown
    assert not re.search(r"^-$", markdown, re.M)


def test_footnotes_are_linked_both_ways_and_missing_ones_warned():
    newcastle = render_document(converted(NEWCASTLE))
    assert 'id="fnref:1"><a href="#fn:1"' in newcastle
    assert '<p id="fn:1" class="cm-footnote"' in newcastle and 'href="#fnref:1"' in newcastle
    assert "This is not intended to prevent members questioning" in newcastle
    emcca = converted(EMCCA)
    assert [f.label for f in emcca.footnotes if f.missing] == ["1", "5", "6", "7"]
    assert ">5</a></sup>" in render_document(emcca)  # printed marker kept, not renumbered


def test_metadata_from_version_tables_and_sentences():
    town = converted(TOWN).metadata
    assert (town.version, town.adopted, town.minute, town.next_review) == (
        "2026",
        "2026-03-23",
        "2026-101",
        "2027-03",
    )
    newcastle = converted(NEWCASTLE).metadata
    assert (newcastle.adopted, newcastle.adopted_by, newcastle.label) == (
        "2015-02-25",
        "Full Council",
        "Appendix 20",
    )
    emcca = converted(EMCCA).metadata
    assert (emcca.version, emcca.adopted, emcca.council) == (
        "1.0",
        "2024-03-20",
        "East Midlands Combined County Authority",
    )
    assert converted(TOWN).history is not None
    assert len(document_to_json(converted(TOWN))["history"]) == 7


def test_presentational_html_becomes_markdown_and_other_html_is_escaped(tmp_path):
    source = tmp_path / "html.txt"
    source.write_text(
        "1. Scope\n\n1.1 This is <b>bold</b> and <u>underlined</u>.<script>alert(1)</script>\n\n"
        '1.2 See <a href="https://example.org/x">the rules</a> and '
        '<iframe src="x">this</iframe>.\n',
        encoding="utf-8",
    )
    markdown = render_document(convert_file(source))
    assert "This is **bold** and underlined." in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown and "<script" not in markdown
    assert "[the rules](https://example.org/x)" in markdown
    assert '&lt;iframe src="x"&gt;this&lt;/iframe&gt;' in markdown


def test_duplicate_number_in_one_section_gets_suffix_and_warning(tmp_path):
    source = tmp_path / "dup.txt"
    source.write_text(
        "1. Rules\n\n1.1 First rule.\n\n1.1 Second rule.\n\n1.2 Third.\n", encoding="utf-8"
    )
    document = convert_file(source)
    assert [r.anchor for r in records(source)] == [
        "sec_1__para_1-1",
        "sec_1__para_1-1_2",
        "sec_1__para_1-2",
    ]
    # one cause, one warning: the repeated id is said in the duplicate's warning
    assert [w.format("dup.txt") for w in document.warnings] == [
        "dup.txt:5: clause number 1.1 is printed twice (first on line 3); "
        "its id is 'sec_1__para_1-1_2'"
    ]


def test_text_with_no_structure_falls_back_to_paragraphs_with_a_warning(tmp_path):
    source = tmp_path / "plain.txt"
    source.write_text("just some words here.\n\nand some more words.\n", encoding="utf-8")
    document = convert_file(source)
    assert [r.anchor for r in records(source)] == ["para_1", "para_2"]
    assert any("no headings or clause numbers found" in w.message for w in document.warnings)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Download\n", "its one line was left out as not the document's own (line 1 'Download': "),
        ("Skip to main content\nBack to top\n", "all 2 lines were left out"),
    ],
)
def test_a_file_of_site_lines_only_is_refused_naming_them(tmp_path, text, named):
    """A one-line file whose line is a site's viewer control ('Download') was refused with
    "no headings or clause numbers found; each paragraph is a clause": there was no
    paragraph; the line was left out as the site's. The refusal names it."""
    from clausemark.readers.text import SourceError

    source = tmp_path / "one.txt"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        convert_file(source)
    assert named in str(refused.value)
    assert "no headings" not in str(refused.value)
    assert str(refused.value).endswith("is the document itself missing from the file?")


def test_fidelity_check_on_a_built_page_reports_a_lost_word():
    source = read_source(TOWN)
    document = parse(source, "town")
    html = render_document(document).replace("informality and trust", "informality")
    problems = lost_words(source, document, html=html)
    assert problems and problems[0].startswith("word 'trust' lost near:")


def _nested(levels: int) -> str:
    """Section '1', then '1.1' with '1.1.1' inside it ...: `levels` clauses, each inside
    the one above (the clause of level L on line 3 + L)."""
    return "Deep Rules\n\n1 Deep section\n" + "\n".join(
        ".".join(["1"] * (level + 1)) + f" level {level} words" for level in range(1, levels + 1)
    )


def test_clauses_nested_past_their_limit_are_refused_naming_the_line(tmp_path):
    """Typed numbers nest to any depth; every id repeats the numbers above it, so 800
    levels made a traceback (the page render's recursion) and 400 took 258 MB. Past
    `clause_depth` the file is refused in one line naming the first clause too deep."""
    from clausemark.readers.text import SourceError
    from clausemark.support.limits import most

    limit = most("clause_depth")
    within = tmp_path / "within.txt"
    within.write_text(_nested(limit), encoding="utf-8")
    deepest, *_rest, depth = list(iter_clauses(convert_file(within).blocks))[-1]
    assert depth == limit - 1 and deepest.number == ".".join(["1"] * (limit + 1))
    for levels in (limit + 1, 400, 800):
        deep = tmp_path / f"deep{levels}.txt"
        deep.write_text(_nested(levels), encoding="utf-8")
        with pytest.raises(SourceError) as caught:
            convert_file(deep)
        assert "nested" in str(caught.value), caught.value
    with pytest.raises(SourceError) as caught:
        convert_file(tmp_path / f"deep{limit + 1}.txt")
    assert str(caught.value).endswith(
        f"deep{limit + 1}.txt:{limit + 4}: too large: clauses nested "
        f"({limit + 1} deep; at most {limit} deep)"
    )


@pytest.mark.parametrize(
    "number",
    [".".join(["1"] * 400), ".".join(["2"] * 41), "1" + "(a)" * 60, "Para " + ".".join(["3"] * 50)],
)
def test_a_number_of_too_many_parts_is_refused_naming_the_line(tmp_path, number):
    """An id holds its number's parts: a printed '1.1.1...' of 400 parts made an
    800-character id (and every id under it repeats it). Past `number_parts` the file is
    refused in one line naming the line; a number of `number_parts` parts keeps its id."""
    from clausemark.readers.text import SourceError
    from clausemark.support.limits import most

    limit = most("number_parts")
    within = tmp_path / "within.txt"
    printed = ".".join(["1"] * limit)
    within.write_text(f"Long Rules\n\n1. General\n\n{printed} The words.\n", encoding="utf-8")
    [*_, (clause, *_)] = list(iter_clauses(convert_file(within).blocks))
    assert clause.number == printed and clause.anchor.endswith("-".join(["1"] * limit))
    long = tmp_path / "long.txt"
    long.write_text(f"Long Rules\n\n1. General\n\n{number} The words.\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        convert_file(long)
    message = str(caught.value)
    parts = len(clean_number(number).split("-"))
    assert message.endswith(
        f"long.txt:5: too large: parts in one printed number "
        f"({parts:,} parts; at most {limit} parts)"
    ), message


def test_a_lost_word_of_any_length_is_named_in_one_short_line():
    """A word of 50,000 letters (hostile, or a pasted block of base64) lost from the page is
    named by its start and length: the warning stays one readable line, not 100 KB."""
    long_word = "q" * 50_000
    source = SourceText("q.txt", f"1. Scope\n\n1.1 The {long_word} rule.\n\n1.2 Two.\n")
    document = parse(source, "q")
    html = render_document(document).replace(long_word, "")
    [problem] = lost_words(source, document, html=html)
    assert problem.startswith(f"word '{'q' * 60}… (50,000 characters)' lost near: "), problem[:200]
    assert len(problem) < 400 and problem.endswith("(line 3)"), problem[-100:]


def test_a_lost_word_is_named_with_its_place_in_each_format(tmp_path):
    """The proof's message names where the lost word is read: the line of a text or web
    page, the paragraph of a Word file (the reader's place), never the file alone."""
    from clausemark.readers import read_source as read_any
    from format_fixtures import WordParts, build_docx, para
    from format_fixtures import run as word_run

    rules = [f"{n}. The hall rule number {n} keeps word{n} here." for n in range(1, 9)]
    pages = {
        "rules.txt": "\n\n".join(rules).encode(),
        "rules.html": "".join(f"<p>{r}</p>\n" for r in rules).encode(),
        "rules.docx": build_docx(WordParts(body=[para(word_run(r)) for r in rules])),
    }
    places = {"rules.txt": "(line 13)", "rules.html": "(line 7)", "rules.docx": "(paragraph 7)"}
    for name, data in pages.items():
        path = tmp_path / name
        path.write_bytes(data)
        source, document = read_any(path), convert_file(path)
        html = render_document(document).replace("keeps word7 here", "keeps here")
        [problem] = lost_words(source, document, html=html)
        assert problem.startswith("word '7' lost near:"), problem
        assert problem.endswith(places[name]), (name, problem)

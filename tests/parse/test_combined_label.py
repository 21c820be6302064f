"""A constitution's combined location label ('Part 5 Protocol 4', 'Part 5 Appendix 2')
printed right under or over the title, before the text begins, is the document's label:
never a Part heading over the whole text (ids are permanent once published)."""

from __future__ import annotations

import pytest
from clausemark.convert import convert_file
from clausemark.index.parts import constitution_part
from clausemark.model.document import Heading, iter_clauses

BODY = "1. Purpose\n\n1.1 This protocol applies to every hearing.\n\n1.2 Hearings are public.\n"


def _read(document) -> tuple:
    anchors = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
    return document.metadata.label, document.metadata.title, anchors


@pytest.mark.parametrize(
    ("printed", "label"),
    [
        ("Part 5 Protocol 4", "Part 5 Protocol 4"),
        ("Part 5 Appendix 2", "Part 5 Appendix 2"),
        ("PART 4 SCHEDULE 3", "Part 4 Schedule 3"),
        ("Part 4B Section 2", "Part 4B Section 2"),
    ],
)
@pytest.mark.parametrize("where", ["under", "over"])
def test_a_combined_label_by_the_title_is_the_label(tmp_path, printed, label, where):
    lines = ["Brackenford Hearings Protocol", printed]
    if where == "over":
        lines.reverse()
    path = tmp_path / "protocol.txt"
    path.write_text("Elmcote District Council\n\n" + "\n\n".join(lines) + "\n\n" + BODY, "utf-8")
    document = convert_file(path)
    read_label, title, anchors = _read(document)
    assert (read_label, title) == (label, "Brackenford Hearings Protocol")
    assert anchors == ["sec_1__para_1-1", "sec_1__para_1-2"]  # no part_5__ container
    assert constitution_part(read_label) == label.rsplit(" ", 2)[0].title().replace("4b", "4B")
    assert not any(isinstance(b, Heading) and b.title == printed for b in document.blocks)


def test_a_combined_label_under_a_web_pages_title(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><main><h1>Hearings Guidance</h1><p>Part 5 Appendix 2</p>"
        "<h2>1. Scope</h2><p>1.1 This guidance applies.</p></main></body></html>",
        "utf-8",
    )
    read_label, title, anchors = _read(convert_file(path))
    assert (read_label, title, anchors) == (
        "Part 5 Appendix 2",
        "Hearings Guidance",
        ["sec_1__para_1-1"],
    )


def test_a_part_heading_with_a_title_still_holds_its_text(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text(
        "Meeting Rules\n\nPart 1 Introduction\n\n1. Scope\n\n1.1 These rules apply.\n\n"
        "Part 2 Meetings\n\n2. Notice\n\n2.1 Notice is given.\n",
        "utf-8",
    )
    document = convert_file(path)
    assert document.metadata.label is None
    _label, _title, anchors = _read(document)
    assert anchors == ["part_1__sec_1__para_1-1", "part_2__sec_2__para_2-1"]

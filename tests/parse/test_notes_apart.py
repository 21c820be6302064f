"""In a numbered document a note whose line ends without punctuation ('The meeting was
chaired by Cllr A Dunn, who welcomed ...') is a paragraph of its own: the next paragraph
after a blank line, starting with a capital, is not its rest (issue 23 leftover: notes ran
together). A note ending open ('... in the hall of') still goes on, as any text does."""

from __future__ import annotations

from pathlib import Path

from clausemark.convert import convert_file
from clausemark.model.document import Note, iter_clauses

CHAIRED = (
    "The meeting was chaired by Cllr A Dunn, who welcomed the members, the Clerk and the "
    "three residents who had come to hear the item on the hall"
)
SPOKE = (
    "Three residents spoke in the public session about parking on the green and about "
    "the state of the footpath by the school"
)


def _notes(tmp_path: Path, body: str):
    path = tmp_path / "minutes.txt"
    path.write_text(
        f"Minutes of the Parish Council Meeting held on 4 March 2025\n\n{body}"
        "1. The minutes of the February meeting were approved.\n\n"
        "2. The payments for March were approved.\n",
        encoding="utf-8",
    )
    document = convert_file(path)
    clauses = [clause.anchor for clause, *_ in iter_clauses(document.blocks)]
    assert clauses == ["para_1", "para_2"]
    return [block.text for block in document.blocks if isinstance(block, Note)]


def test_a_note_without_final_punctuation_stays_apart(tmp_path: Path):
    body = f"{CHAIRED}\n\n{SPOKE}\n\nApologies were received from Cllr D Rowe.\n\n"
    assert _notes(tmp_path, body) == [CHAIRED, SPOKE, "Apologies were received from Cllr D Rowe."]


def test_a_note_ending_open_still_goes_on(tmp_path: Path):
    body = f"{CHAIRED} and\n\nSt Mary's School, Church Lane.\n\n"
    assert _notes(tmp_path, body) == [f"{CHAIRED} and St Mary's School, Church Lane."]

"""The package's everyday-words list (search_concepts.yml) run by the worker in Node over
a small invented protocol: a question that shares no word with the clause that answers
it finds that clause through the list (no question set is read)."""

from __future__ import annotations

import pytest
from clausemark.index.search import everyday_concepts

PROTOCOL = """Parish Hall Protocol

1. Working together

1.1 A member at an event in a capacity other than as a member has no officer support.

1.2 Officers reply to enquiries promptly and in a timely way.

1.3 The chairman represents the parish at civic occasions.

1.4 A complaint of maladministration may be raised with the monitoring officer.

1.5 Members avoid close familiarity and address officers formally.

1.6 Allowances are paid to members under the scheme.

1.7 Extreme forms of emotion are not conducive to constructive discussion.

1.8 The chief executive leads collective bargaining with employees.

1.9 Ward members are told of works to local council facilities.

1.10 Reserves are held under the financial regulations.

1.11 Severance terms for employees need the approval of the employment panel.

1.12 A request under freedom of information goes to the data protection officer.
"""

# each question, in the words of a resident, a councillor or a US visitor -> its clause
ASKED = {
    "off duty": "1-1",
    "how soon": "1-2",
    "pro tem": "1-3",
    "ombudsman": "1-4",
    "pet names": "1-5",
    "earnings": "1-6",
    "in tears": "1-7",
    "shop steward": "1-8",
    "potholes": "1-9",
    "piggy bank": "1-10",
    "golden handshake": "1-11",
    "eir": "1-12",
}


@pytest.fixture(scope="module")
def found(ask_texts):
    return ask_texts({"protocol/": PROTOCOL}, list(ASKED), concepts=everyday_concepts())


@pytest.mark.parametrize(("question", "clause"), ASKED.items())
def test_an_everyday_question_finds_the_clause_in_the_rules_words(found, question, clause):
    assert found[question][:1] == [f"protocol/#sec_1__para_{clause}"]

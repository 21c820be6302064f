"""R47 in the search worker: para 2 of rule 2, in a code whose items restart at 1 under
each rule, is found by the number the code cites it by ("Rule 2.2", "2.2") where no
clause prints 2.2 itself; a clause printing 2.2 is found by it as before."""

from __future__ import annotations

# Own wording: items restart at 1 under each rule; the code cites them as "Rule 1.2".
RULES = (
    "Purchasing Rules\n\nRule 1 Application\n\n"
    "1. These Rules govern every purchase the Authority makes.\n\n"
    "2. A purchase under £500 needs no quotation.\n\n"
    "Rule 2 Quotations\n\n1. Two quotations are sought for purchases up to £20,000.\n\n"
    "2. Quotations are kept for four years, as Rule 1.2 allows.\n"
)
PRINTED = (
    "Hire Conditions\n\n2. Bookings\n\n2.1 A booking is made in writing.\n\n"
    "2.2 A deposit is paid.\n"
)


def test_the_qualified_number_finds_the_restarted_clause(ask_texts):
    found = ask_texts({"rules/": RULES}, ["Rule 2.2", "2.2", "1.2"])
    assert found["Rule 2.2"][0] == "rules/#rule_2__para_2"
    assert found["2.2"][0] == "rules/#rule_2__para_2"
    assert found["1.2"][0] == "rules/#rule_1__para_2"


def test_a_printed_number_is_still_found_beside_it(ask_texts):
    found = ask_texts({"rules/": RULES, "hire/": PRINTED}, ["2.2"])
    assert set(found["2.2"][:2]) == {"rules/#rule_2__para_2", "hire/#sec_2__para_2-2"}


# Own wording: two documents print 2.2 as such; the rules cite theirs as "Rule 2.2".
RESERVES = (
    "Reserves Policy\n\n2. General reserve\n\n2.1 The general reserve is kept at 5%.\n\n"
    "2.2 The Treasurer reports the reserve each year.\n"
)
FEES = (
    "Fees Scheme\n\n2. Charges\n\n2.1 Charges are set each April.\n\n"
    "2.2 Charges are paid in advance.\n"
)


def test_a_rule_number_finds_the_rules_own_clause_first(ask_texts):
    """trial17 F7: 'Rule 2.2' names the citation style of a document of rules: its own
    rule 2.2 comes before the 2.2 of a policy or a scheme; '2.2' and 'para 2.2' alone keep
    the order they had."""
    texts = {"fees/": FEES, "reserves/": RESERVES, "rules/": RULES}
    found = ask_texts(texts, ["Rule 2.2", "rule 2.2", "2.2"])
    assert found["Rule 2.2"][0] == "rules/#rule_2__para_2"
    assert found["rule 2.2"][0] == "rules/#rule_2__para_2"
    assert found["2.2"][0] == "fees/#sec_2__para_2-2"

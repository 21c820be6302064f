"""Two versions of one invented document that prints its version ('Version | 3', then
'Version | 4'): the shape that moved version pages from the adoption year to the printed
version (a renamed version). Shared by the renames' unit and browser tests."""

OLD = """Standing Orders for Meetings

Version | 3
Adopted by | Full Council
Date adopted | 12 May 2025

1. Meetings

1.1 The council meets at least four times a year.

1.2 Three members form a quorum.
"""
NEW = """Standing Orders for Meetings

Version | 4
Adopted by | Full Council
Date adopted | 11 May 2026

1. Meetings

1.1 The council meets at least six times a year.

1.2 Three members form a quorum.

1.3 Notice of a meeting is given three clear days before it.
"""

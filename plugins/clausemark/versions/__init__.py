"""A document's versions: which is current (order), the clause-by-clause diff (diff), and
the permanent anchors that keep old links landing (anchor_registry)."""

"""Source text -> Document: the layout rules, one module per pass (lines, units, flow,
structure, footnotes; parser.py runs them), inline clean-up of a line (inline) and
document control (metadata)."""

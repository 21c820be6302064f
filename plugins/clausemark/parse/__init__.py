"""Source text -> Document: the layout rules (parser), inline clean-up of a line (inline)
and document control (metadata)."""

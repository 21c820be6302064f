"""Leaves any stage may use: escaping, URLs, dates, YAML, plain data, atomic writes, the
disk cache, limits. Nothing here knows what a constitution is."""

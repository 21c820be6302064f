"""parse: see the README's layout."""

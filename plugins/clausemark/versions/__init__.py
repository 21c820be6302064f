"""versions: see the README's layout."""

"""pages: see the README's layout."""

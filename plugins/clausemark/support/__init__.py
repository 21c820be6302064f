"""support: see the README's layout."""

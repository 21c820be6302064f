"""extension: see the README's layout."""

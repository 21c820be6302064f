"""index: see the README's layout."""

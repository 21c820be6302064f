"""model: see the README's layout."""

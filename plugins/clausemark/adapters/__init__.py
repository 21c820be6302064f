"""adapters: see the README's layout."""

"""The Markdown of each generated page kind: versions and changes, reviews, glossary and
code hubs, the home directory. site_builder/generators.py registers them."""

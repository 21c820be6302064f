"""What the whole site knows, built once per build: the site index (references resolved
once), the glossary and its sense check, related clauses and the clause search index."""

"""The document model: plain dataclasses (document.py) and their flat record views
(records.py). No I/O, no parsing, no MkDocs."""

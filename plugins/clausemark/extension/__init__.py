"""Per page, inside Python-Markdown (MkDocs or Zensical): clause headings, permalinks,
the page linker (references, glossary terms, codes) and editorial notes."""

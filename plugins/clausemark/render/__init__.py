"""Document + PageAnnotations -> Markdown (markdown_writer, page_contract, page_header),
and the proofs that a page keeps its source's words (fidelity)."""

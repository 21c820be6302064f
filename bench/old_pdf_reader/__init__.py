"""The PDF reader as it was before issue 18 (tag `layout-moved`), kept unchanged for
bench/bench_readers.py to measure the new one against: lines by baselines, paragraphs by
gaps and printed numbers, tables only as tab-separated lines. Not part of the package;
nothing imports it but the bench."""

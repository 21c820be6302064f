"""The Word reader as it was before issue 18 (tag `layout-moved`), kept unchanged for
bench/bench_readers.py to measure the new one against: ElementTree over whole parts,
counters per list instance. Not part of the package; nothing imports it but the bench."""

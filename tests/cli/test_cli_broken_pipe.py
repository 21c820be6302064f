"""`clausemark convert --json x | head`: the reader leaving early ends the command quietly,
never with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path):
    lines = [
        f"{n}. Rule {n}\n{n}.1 The council keeps record {n} of its meetings." for n in range(1, 800)
    ]
    source = tmp_path / "rules.txt"
    source.write_text("Standing Orders\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    command = [
        sys.executable,
        "-c",
        "from clausemark.cli import main; import sys; sys.exit(main())",
    ]
    process = subprocess.Popen(
        [*command, "convert", "--json", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(10).startswith(b"{")  # then the reader goes away, as head does
    process.stdout.close()
    errors = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Traceback" not in errors, errors
    assert process.returncode in (0, 1)

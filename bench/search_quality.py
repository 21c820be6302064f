"""Which search answers readers' questions: Material's as configured, Material's with
stemming, and clausemark's clause search, side by side on the same site and questions.

For each variant the example site is built (`mkdocs build`), served on 127.0.0.1 and
every question of tests/data/search_questions.yml is typed into its search box in
headless Chromium (Debian's), scored as tests/browser/test_search_questions.py scores it: a right
clause in the first three results, and the first result a clause. Also reported: the
size of the search index, and how long the offline bundle takes from opening index.html
over file:// to the first result on screen (bench/bundle_search.py, median of --runs).

    .venv/bin/python bench/search_quality.py --runs 3
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
for folder in ("browser", "adapters"):  # the tests' helpers (test_search_questions imports)
    sys.path.insert(0, str(ROOT / "tests" / folder))
sys.path.insert(0, str(ROOT / "bench"))
from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH, serve_directory  # noqa: E402
from bundle_search import first_search_seconds  # noqa: E402
from test_search_questions import load_questions, score_all, site_clauses  # noqa: E402

STEMMING = ["stemmer", "stopWordFilter", "trimmer"]
# variant -> (clausemark search on?, Material search pipeline or None for mkdocs.yml's)
VARIANTS = {
    "material (as configured)": (False, None),
    "material + stemmer": (False, STEMMING),
    "clausemark clause search": (True, None),
}


@dataclass(frozen=True)
class Measured:
    name: str
    top3: int
    clause_first: int
    questions: int
    index_bytes: int
    first_result_seconds: float


def variant_config(base: dict, clause_search: bool, pipeline: list[str] | None) -> dict:
    """mkdocs.yml with the variant's search settings (the rest untouched)."""
    config = dict(base)
    plugins = []
    for plugin in base.get("plugins", []):
        name, options = next(iter(plugin.items())) if isinstance(plugin, dict) else (plugin, {})
        options = dict(options or {})
        if name == "clausemark":
            options["search"] = clause_search
        if name == "search" and pipeline is not None:
            options["pipeline"] = pipeline
        plugins.append({name: options})
    config["plugins"] = plugins
    return config


def build(config_file: Path, site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    result = subprocess.run(
        [*command, "-d", str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed for {config_file.name}: {result.stderr[-500:]}")


def score_site(site_dir: Path) -> tuple[int, int, int]:
    from playwright.sync_api import sync_playwright

    questions = load_questions()
    with serve_directory(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url)
            scores = score_all(page, questions, url, site_clauses(site_dir))
        finally:
            browser.close()
    return sum(s.top3 for s in scores), sum(s.clause_first for s in scores), len(scores)


def measure(name: str, config: dict, workdir: Path, runs: int) -> Measured:
    config_file = ROOT / f".bench-search-{abs(hash(name))}.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    try:
        site_dir = workdir / "site"
        build(config_file, site_dir)
        top3, first, total = score_site(site_dir)
        index_bytes = (site_dir / "search" / "search_index.json").stat().st_size
        offline = first_search_seconds(config_file, workdir / "bundle", "purdah", runs)
    finally:
        config_file.unlink(missing_ok=True)
    return Measured(name, top3, first, total, index_bytes, offline.median_goto)


def table(rows: list[Measured]) -> str:
    lines = [
        "| search | right clause in top 3 | first result a clause | index | "
        "file:// open -> first result |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {row.top3}/{row.questions} ({row.top3 / row.questions:.0%}) | "
            f"{row.clause_first}/{row.questions} | {row.index_bytes / 1024:.0f} KB | "
            f"{row.first_result_seconds:.2f} s |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="cold offline runs (median)")
    args = parser.parse_args(argv)
    base = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    rows = []
    for name, (clause_search, pipeline) in VARIANTS.items():
        with tempfile.TemporaryDirectory(prefix="clausemark-search-quality-") as workdir:
            config = variant_config(base, clause_search, pipeline)
            rows.append(measure(name, config, Path(workdir), args.runs))
        print(f"measured {name}", file=sys.stderr)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

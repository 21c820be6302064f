#!/usr/bin/env bash
# Run every check CI runs: setup (idempotent), ruff lint and format, mypy, then pytest.
set -euo pipefail

cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true

bash scripts/setup.sh

LINT_PATHS=()
for path in plugins tests bench; do
    [ -e "$path" ] && LINT_PATHS+=("$path")
done

printf '\n==> ruff check %s\n' "${LINT_PATHS[*]}"
.venv/bin/ruff check "${LINT_PATHS[@]}"
printf '\n==> ruff format --check %s\n' "${LINT_PATHS[*]}"
.venv/bin/ruff format --check "${LINT_PATHS[@]}"

printf '\n==> mypy (config in pyproject.toml)\n'
.venv/bin/mypy

printf '\n==> pytest\n'
status=0
.venv/bin/pytest -p no:cacheprovider "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "FAILED: pytest collected no tests (exit code 5)." >&2
    exit 1
fi
exit "$status"

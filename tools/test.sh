#!/usr/bin/env bash
# Set up and run the whole test suite (the README's test command).
#   bash tools/test.sh            # everything
#   bash tools/test.sh -k atlas   # extra arguments go to pytest
# Installs the package with its test extras, the few system libraries Qt needs
# off screen (when run as root on Debian/Ubuntu), starts a throw-away PostgreSQL
# for the store tests when it can, then runs ruff and pytest (GUI tests off screen).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
export QT_QPA_PLATFORM=offscreen

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  for pkg in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing system libraries: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

"$PY" -m pip install -q --disable-pip-version-check -e ".[test]"

if [ -z "${NMT_TEST_POSTGRES_URL:-}" ] && [ -f tools/postgres_test_server.sh ]; then
  if url=$(bash tools/postgres_test_server.sh); then
    export NMT_TEST_POSTGRES_URL="$url"
    echo "PostgreSQL for the store tests: ready"
  else
    echo "PostgreSQL could not be started: the PostgreSQL store tests will be skipped" >&2
  fi
fi

"$PY" -m ruff check .
"$PY" -m ruff format --check .
"$PY" -m pytest -n 2 -q "$@"

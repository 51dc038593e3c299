#!/usr/bin/env bash
# Set up and run the whole test suite (the README's test command).
#   bash tools/test.sh            # everything
#   bash tools/test.sh -k atlas   # extra arguments go to pytest
# Creates (or reuses) the project's own virtual environment in .venv and installs the
# package with its test extras there (never into the system Python), installs the few
# system libraries Qt needs off screen (only when run as root on Debian/Ubuntu), starts a
# throw-away PostgreSQL for the store tests when it can and stops it again on every exit
# (pass, fail or Ctrl+C), then runs ruff, the import-layer contracts, mypy (core, store and
# UI, strict but for the allow-lists of pyproject.toml) and pytest (GUI tests off screen).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
VENV=${NMT_VENV:-.venv}

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  for pkg in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core \
             libxcb-cursor0 poppler-utils; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing system libraries: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "creating the project environment in $VENV"
  "${PYTHON:-python3}" -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
"$PY" -m pip install -q --disable-pip-version-check -e ".[test]"

started_postgres=""
stop_postgres() {
  if [ -n "$started_postgres" ]; then
    bash tools/postgres_test_server.sh stop >/dev/null 2>&1 || true
  fi
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM

if [ -z "${NMT_TEST_POSTGRES_URL:-}" ] && [ -f tools/postgres_test_server.sh ]; then
  export NMT_PG_DIR="${NMT_PG_DIR:-$(mktemp -d -t nmt-bodymap-pg.XXXXXX)}"
  if url=$(bash tools/postgres_test_server.sh); then
    started_postgres=1
    export NMT_TEST_POSTGRES_URL="$url"
    echo "PostgreSQL for the store tests: ready"
  else
    started_postgres=1  # stop whatever half-started
    echo "PostgreSQL could not be started: the PostgreSQL store tests will be skipped" >&2
  fi
fi

"$PY" -m ruff check .
"$PY" -m ruff format --check .
"$VENV/bin/lint-imports" --no-cache  # the layer contracts of pyproject.toml
"$PY" -m mypy  # core, store and UI, strict but for the allow-lists (pyproject.toml [tool.mypy])
"$PY" -m pytest -n 2 -q "$@"

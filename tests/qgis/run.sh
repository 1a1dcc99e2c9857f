#!/usr/bin/env bash
# Scans the sample portfolio and opens its sites.gpkg in QGIS headless
# (render_gpkg.py). Exit 77 = skipped (no QGIS Python bindings).
# usage: run.sh VGSCAN_EXE SOURCE_DIR WORK_DIR
set -euo pipefail
exe=$1 src=$2 work=$3
# Debian's python3-qgis is for the system Python, which a python3 earlier on
# PATH (pyenv, a venv) cannot import.
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)
if ! QT_QPA_PLATFORM=offscreen "$py" -c "import qgis.core" 2>/dev/null; then
  echo "SKIP: $py cannot import qgis.core; install Debian's python3-qgis (scripts/setup) to run the QGIS test"
  exit 77
fi
rm -rf "$work"
"$exe" scan "$src/floorplans/portfolio.gpkg" --out "$work/scan" --threads 1 >/dev/null
set +e
QT_QPA_PLATFORM=offscreen "$py" "$src/tests/qgis/render_gpkg.py" "$work/scan/sites.gpkg" "$work/png" 2>&1 \
  | grep -v -e '^QStandardPaths' -e '^Application path'
exit "${PIPESTATUS[0]}"

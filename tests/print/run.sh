#!/usr/bin/env bash
# Prints the sample scan's report.html and a check page to PDF with headless
# Chromium (as a user's Ctrl+P would) and reads the PDF back with poppler:
#  - every page is A4;
#  - every building starts at the top of a page of its own, so the page count
#    is at least 1 + the number of buildings (overview, map and table, then
#    one page or more per building), and at most 4 + 8 per building (a
#    bound on the total: the sample's 11 buildings take 5.5 pages on average,
#    the densest, S03 with 24 places and 130 findings, 9);
#  - every column header of the sites table is printed whole in the table
#    part (before the first building): the wide table is split into column
#    groups, none cut off at the page edge;
#  - page 1 of a check page holds the plan, not only the header.
# usage: run.sh VGSCAN_EXE SOURCE_DIR WORK_DIR   (VGSCAN_CHROMIUM: another browser)
set -euo pipefail
exe=$1 src=$2 work=$3
chromium=${VGSCAN_CHROMIUM:-/usr/bin/chromium}
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
for t in "$chromium" pdfinfo pdftotext; do
  command -v "$t" >/dev/null || { echo "FAIL: $t not found: install chromium and poppler-utils (scripts/setup)"; exit 1; }
done
export LC_ALL=C.UTF-8 LANG=C.UTF-8  # the report's English words
rm -rf "$work"
mkdir -p "$work"

# --virtual-time-budget: Chromium prints once the page and its scripts have
# run (virtual time), not at a moment a loaded machine decides.
print_pdf() {  # HTML PDF
  "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --no-pdf-header-footer \
    --virtual-time-budget=10000 \
    --print-to-pdf="$2" "file://$1" >"$work/chromium.log" 2>&1 || { cat "$work/chromium.log"; exit 1; }
  [ -s "$2" ] || { cat "$work/chromium.log"; echo "FAIL: no PDF from $1"; exit 1; }
}
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
check_a4() {  # PDF: every page 595.28 x 841.89 pt within 2 pt
  local bad
  bad=$(pdfinfo -f 1 -l "$(pages "$1")" "$1" | awk '/^Page +[0-9]+ size:/ {
      w = $4; h = $6; if (w < 593.3 || w > 597.3 || h < 839.9 || h > 843.9) print "page " $2 " " w " x " h }' |
    head -n 3 | paste -sd ';' -)
  [ -z "$bad" ] || fail "$1: pages not A4 (595 x 842 pt): $bad"
}
page_text() { pdftotext -layout -f "$2" -l "$2" "$1" -; }

# --- the portfolio report ----------------------------------------------------
"$exe" scan "$src/floorplans/portfolio.gpkg" --out "$work/scan" --threads 1 >/dev/null
html=$work/scan/report.html
pdf=$work/report.pdf
print_pdf "$html" "$pdf"
check_a4 "$pdf"
n=$(pages "$pdf")
ids=$(grep -o '<section class="bld" id="[^"]*"><h3><span class="sid">[^<]*</span>' "$html" | sed 's/.*"sid">//; s/<.*//')
b=$(printf '%s\n' "$ids" | grep -c .)
echo "report: $n A4 pages, $b buildings"
[ "$b" -gt 0 ] || fail "no building sections in $html"
[ "$n" -ge $((1 + b)) ] || fail "$n pages for $b buildings: fewer than 1 + one per building"
[ "$n" -le $((4 + 8 * b)) ] || fail "$n pages for $b buildings: more than 4 + 8 per building"

# The page each building starts on: its id opens one of the page's first
# lines (reading order; pages are split at form feeds).
pdftotext -raw "$pdf" "$work/report.txt"
awk 'BEGIN { RS = "\f"; FS = "\n" } {
       k = 0; line = ""
       for (i = 1; i <= NF && k < 2; i++) if ($i ~ /[^[:space:]]/) { line = line " " $i; k++ }
       print NR "\t" line }' "$work/report.txt" >"$work/page-heads.txt"
first_building=0
last=0
for id in $ids; do
  found=$(awk -F '\t' -v id="$id" -v after="$last" '$1 > after && $2 ~ ("^ (Buildings )?" id " ") { print $1; exit }' \
    "$work/page-heads.txt")
  if [ -z "$found" ]; then
    fail "building $id does not start at the top of a page after page $last"
  else
    [ "$first_building" -gt 0 ] || first_building=$found
    last=$found
  fi
done
echo "buildings start on pages after the table; the first on page $first_building"

# The column headers of the sites table, each whole in the pages before the buildings.
[ "$first_building" -gt 1 ] || fail "no page before the first building"
table_text=$(pdftotext -layout -f 1 -l $((first_building > 1 ? first_building - 1 : 1)) "$pdf" -)
heads=$(sed -n '/<table id="sites-table"/,/<\/thead>/p' "$html" | grep -o '<th data-sort="[^"]*"[^>]*>[^<]*</th>' |
  sed 's/<\/th>$//; s/.*>//')
h=0
for head in $heads; do
  h=$((h + 1))
  grep -Eq "(^|[[:space:]])$head([[:space:]]|$)" <<<"$table_text" ||
    fail "column header '$head' of the sites table is not printed whole before the buildings"
done
echo "$h column headers of the sites table checked"
[ "$h" -ge 7 ] || fail "only $h column headers found in $html"

# --- a check page --------------------------------------------------------------
"$exe" check "$src/floorplans/plans/villa_1925.geojson" --out "$work/check" >/dev/null || true
[ -s "$work/check/check.html" ] || { echo "FAIL: vgscan check wrote no check.html"; exit 1; }
cpdf=$work/check.pdf
print_pdf "$work/check/check.html" "$cpdf"
check_a4 "$cpdf"
echo "check page: $(pages "$cpdf") A4 pages"
p1=$(page_text "$cpdf" 1)
grep -q 'Storey 0' <<<"$p1" || fail "page 1 of the check page holds no plan (no 'Storey 0' caption)"
grep -q 'building_' <<<"$p1" || fail "page 1 of the check page holds no verdict"

[ "$fails" -eq 0 ] || { echo "$fails check(s) failed; PDFs in $work"; exit 1; }
echo "ok"

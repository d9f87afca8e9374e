#!/usr/bin/env bash
# A fresh clone imports every published court-list type with nothing beside
# the binary: no COURTSIDE_COURT_LIST_SCHEMAS, no ../shared within reach.
# The samples are copied to a temporary folder first; the built binary runs
# from an empty working folder of its own, on a new SQLite database.
# Usage: bash tests/fresh_install.sh [path/to/courtside] (default: the
# debug build in target/).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-target/debug/courtside}")"
samples="$(realpath ../shared/court-lists/samples)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lists" "$tmp/run/deep/er"
cp "$samples"/*.json "$tmp/lists/"
cd "$tmp/run/deep/er"
# Nothing named shared is reachable from here, upwards.
for up in . .. ../.. ../../..; do
  if [ -e "$up/shared/court-lists" ]; then
    echo "fresh install: $up/shared/court-lists is reachable from the working folder" >&2
    exit 1
  fi
done
unset COURTSIDE_COURT_LIST_SCHEMAS
export DATABASE_URL="$tmp/run/fresh.db"
imported=0
for pair in \
  crown_daily_pdda_list:crownDailyPddaList \
  crown_firm_pdda_list:crownFirmPddaList \
  crown_warned_pdda_list:crownWarnedPddaList \
  magistrates_standard_list:magistratesStandardList \
  magistrates_public_list:magistratesPublicList \
  family_daily_cause_list:familyDailyCauseList \
  civil_and_family_daily_cause_list:civilAndFamilyDailyCauseList; do
  type="${pair%%:*}"
  file="$tmp/lists/${pair#*:}.json"
  out="$("$bin" --log-format json import --list-type "$type" --court-list "$file" 2>"$tmp/stderr")" || {
    echo "fresh install: importing $type failed:" >&2
    echo "$out" >&2
    cat "$tmp/stderr" >&2
    exit 1
  }
  if ! grep -q "1 of 1 list(s) imported, 0 refused" <<<"$out"; then
    echo "fresh install: $type was not imported:" >&2
    echo "$out" >&2
    exit 1
  fi
  echo "  $type: $(grep "^  " <<<"$out" | head -n 1 | cut -c3-120)"
  imported=$((imported + 1))
done
# And a list that breaks its format is still refused, in words.
if out="$("$bin" --log-format json import --court-list "$tmp/lists/magistratesStandardListWithInvalidData.json" 2>/dev/null)"; then
  echo "fresh install: the invalid sample was imported" >&2
  exit 1
fi
grep -q "offence wording" <<<"$out" || { echo "fresh install: refusal not in words: $out" >&2; exit 1; }
echo "fresh install: $imported of 7 list types imported with nothing beside the binary; the invalid sample refused"

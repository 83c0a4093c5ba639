#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# schema.sh: schema/ stays in step with the code, without root: the golden JSON outputs
# validate (and use the one vocabulary), every JSON key a view declares has a place in a
# schema, and help --schema prints the files as they are.  tests/netns/json_schema.sh
# checks live output of every command as root.
set -u

: "${SOCKEYE:?SOCKEYE is not set (run through make check)}"
: "${top_srcdir:?top_srcdir is not set (run through make check)}"
PY=/usr/bin/python3
SCHEMA=$top_srcdir/schema

if ! [[ -x $PY ]] || ! "$PY" -c 'import jsonschema' 2>/dev/null; then
	echo "SKIP: $PY with jsonschema not found (apt-get install python3-jsonschema)"
	exit 77
fi

nfail=0
bad()
{
	echo "FAIL: $*"
	nfail=$((nfail + 1))
}

for f in "$top_srcdir"/tests/golden/expected/*.json; do
	"$PY" "$top_srcdir/tests/tools/json_validate.py" "$SCHEMA" "$f" >/dev/null 2>"${TMPDIR:-/tmp}/schema.$$" ||
		bad "$(cat "${TMPDIR:-/tmp}/schema.$$")"
done
rm -f "${TMPDIR:-/tmp}/schema.$$"
"$SOCKEYE" -j help | "$PY" "$top_srcdir/tests/tools/json_validate.py" "$SCHEMA" - >/dev/null ||
	bad "sockeye -j help does not match schema/help.schema.json"

types=$("$SOCKEYE" help --schema) || bad "sockeye help --schema failed"
files=$(cd "$SCHEMA" && ls -- *.schema.json | sed 's/\.schema\.json$//')
[[ $types == "$files" ]] || bad "help --schema lists '$(echo $types)', schema/ has '$(echo $files)'"
for t in $files; do
	"$SOCKEYE" help --schema "$t" | cmp -s - "$SCHEMA/$t.schema.json" ||
		bad "help --schema $t differs from schema/$t.schema.json (rebuild?)"
done

# Every key of a view's column table (text-only columns aside) is a property in schema/.
props=$(cat "$SCHEMA"/*.schema.json | "$PY" -c '
import json, sys
dec, text, i, keys = json.JSONDecoder(), sys.stdin.read(), 0, set()
def walk(n):
    if isinstance(n, dict):
        keys.update(n.get("properties", {}) if isinstance(n.get("properties"), dict) else ())
        for v in n.values():
            walk(v)
    elif isinstance(n, list):
        for v in n:
            walk(v)
while i < len(text):
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    o, i = dec.raw_decode(text, i)
    walk(o)
print("\n".join(sorted(keys)))')
while read -r file key group; do
	grep -qxF -- "$key" <<<"$props" || bad "${file#"$top_srcdir"/}: column $key is in no schema/*.schema.json"
done < <(for v in "$top_srcdir"/src/cmd/*/view_*.c "$top_srcdir"/src/cmd/sniff/stats.c \
	"$top_srcdir"/src/decode/view_packet.c; do
	sed -nE 's/^[[:space:]]*\[[A-Z0-9_]+\] = \{ "([a-z0-9_]+)", "[^"]*", [A-Za-z0-9_]+, [A-Za-z_]+, ([A-Za-z0-9_ |]+),.*/\1 \2/p' "$v" |
		sed "s|^|$v |"
done | grep -vE ' (FMT_GROUP_TEXT|T|[A-Z_]+_TEXT)$')

if [[ $nfail -ne 0 ]]; then
	echo "$nfail schema checks failed: update schema/*.schema.json with the code"
	exit 1
fi
echo "PASS: schema/ matches the golden outputs, the views' columns and help --schema"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# run.sh: golden tests: run sockeye on each TESTLIST case and diff its stdout with the expected file.
#
# TESTLIST lines: "name input expected args..." (paths relative to tests/golden/);
# the literal token INPUT in args becomes the input's path.  An expected file
# ending in .json must also parse with jq, with no key repeated in an object.
# Set GOLDEN_REGEN=1 to rewrite the expected files from the current output
# instead of comparing.
set -u

: "${SOCKEYE:?SOCKEYE is not set (run through make check)}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
dir=$top_srcdir/tests/golden
list=$dir/TESTLIST

if ! command -v jq >/dev/null; then
	echo "SKIP: jq not installed (apt-get install jq)"
	exit 77
fi

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# Leaves as the parser streams them, and as they are once parsed: a repeated key
# (which parsers silently merge) makes the second count smaller.
json_leaves_streamed()
{
	jq -c --stream 'select(length == 2)' "$1" | wc -l
}

json_leaves()
{
	jq -n '[inputs | [paths((type != "array" and type != "object") or length == 0)] | length] |
		add // 0' "$1"
}

npass=0
nfail=0
while read -r -a f; do
	[[ ${#f[@]} -eq 0 || ${f[0]} == \#* ]] && continue
	if [[ ${#f[@]} -lt 3 ]]; then
		echo "FAIL ${f[0]}: TESTLIST line needs name, input and expected"
		nfail=$((nfail + 1))
		continue
	fi
	# Inputs are named relative to tests/golden (sockeye runs there), so outputs that
	# name their input (sniff's stats) do not depend on where the tree is.
	name=${f[0]} input=${f[1]} expected=$dir/${f[2]}
	args=("${f[@]:3}")
	for i in "${!args[@]}"; do
			[[ ${args[i]} == INPUT ]] && args[i]=$input
	done
	out=$tmp/$name.out
	(cd "$dir" && exec "$SOCKEYE" "${args[@]}") >"$out" 2>"$tmp/$name.err"
	rc=$?
	why=
	if [[ $rc -ne 0 ]]; then
		why="exit status $rc"
	elif [[ -n ${GOLDEN_REGEN:-} ]]; then
		cp "$out" "$expected"
	elif [[ ! -f $expected ]]; then
		why="no expected file ${f[2]}"
	elif ! diff -u --label "expected/${f[2]##*/}" --label "$name output" \
		"$expected" "$out" >"$tmp/$name.diff"; then
		why="output differs"
	fi
	if [[ -z $why && $expected == *.json ]] && ! jq . "$out" >/dev/null 2>"$tmp/$name.jq"; then
		why="output is not valid JSON"
	elif [[ -z $why && $expected == *.json && $(json_leaves_streamed "$out") != $(json_leaves "$out") ]]; then
		why="an object repeats a key"
	fi
	if [[ -z $why ]]; then
		echo "PASS $name"
		npass=$((npass + 1))
		continue
	fi
	nfail=$((nfail + 1))
	echo "FAIL $name: $why"
	echo "  command: sockeye ${args[*]}"
	for extra in diff jq err; do
		[[ -s $tmp/$name.$extra ]] && sed 's/^/  /' "$tmp/$name.$extra"
	done
done <"$list"

if [[ $npass -eq 0 && $nfail -eq 0 ]]; then
	echo "SKIP: no cases in TESTLIST"
	exit 77
fi
echo "$npass passed, $nfail failed"
[[ $nfail -eq 0 ]]

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smoke.sh: runs each built libFuzzer harness for a few seconds; a crash, leak or timeout fails.
#
# A harness tests/fuzz/fuzz_NAME starts from a scratch copy of its seed corpus,
# tests/fuzz/corpus/fuzz_NAME (or corpus/NAME) in the source tree, so the
# committed seeds never change.  FUZZ_SECONDS overrides the time per harness.
set -u

: "${top_srcdir:?top_srcdir is not set (run through make check)}"
: "${top_builddir:?top_builddir is not set (run through make check)}"
seconds=${FUZZ_SECONDS:-5}

harnesses=()
for h in "$top_builddir"/tests/fuzz/fuzz_*; do
	[[ -f $h && -x $h ]] && harnesses+=("$h")
done
if [[ ${#harnesses[@]} -eq 0 ]]; then
	echo "SKIP: no fuzz harnesses built (configure CC=clang with --enable-fuzz)"
	exit 77
fi

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

nfail=0
for h in "${harnesses[@]}"; do
	name=${h##*/}
	corpus=$tmp/$name.corpus
	mkdir -p "$corpus" "$tmp/$name.crash"
	for seeds in "$top_srcdir/tests/fuzz/corpus/$name" "$top_srcdir/tests/fuzz/corpus/${name#fuzz_}"; do
		[[ -d $seeds ]] && cp -R "$seeds"/. "$corpus"/
	done
	nseeds=$(find "$corpus" -type f | wc -l)
	# -artifact_prefix keeps crash files out of the build tree; the log says where.
	"$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$tmp/$name.crash/" "$corpus" >"$tmp/$name.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$name.log")
	if [[ $rc -eq 0 ]]; then
		echo "PASS $name: ${runs:-?} runs in ${seconds}s from $nseeds seeds"
		continue
	fi
	nfail=$((nfail + 1))
	echo "FAIL $name: exit status $rc after ${runs:-?} runs"
	grep -E -A40 '^==[0-9]+==|runtime error|deadly signal|ERROR: libFuzzer' "$tmp/$name.log" |
		head -60 | sed 's/^/  /'
	for crash in "$tmp/$name.crash"/*; do
		[[ -f $crash ]] || continue
		echo "  crashing input (${crash##*/}, $(stat -c %s "$crash") bytes):"
		od -A x -t x1z -v "$crash" | head -16 | sed 's/^/    /'
		mkdir -p "$top_builddir/tests/fuzz/crashes"
		cp "$crash" "$top_builddir/tests/fuzz/crashes/$name.${crash##*/}"
		echo "  saved as tests/fuzz/crashes/$name.${crash##*/} (reproduce: $name FILE)"
	done
done
[[ $nfail -eq 0 ]]

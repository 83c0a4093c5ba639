#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# corpus_check.sh: decodes every capture of a corpus at each verbosity and as JSON, and fails on
# a crash, a hang or a sanitizer report.  `make check-corpus` runs it; build with
# CC=clang CFLAGS='-fsanitize=address,undefined ...' for the sanitizers to report (quickstart's
# build-asan is such a build).
#
#   corpus_check.sh SOCKEYE DIR...     every *.pcap, *.pcapng, *.cap under each DIR (absent: skipped)
#
# A clean error exit (a file sockeye refuses or cuts short, named in a `sockeye: sniff:` line) is
# not a failure: the captures are partly malformed on purpose.  Exit 1 when any run failed, 0 otherwise.
set -u

if [[ $# -lt 2 ]]; then
	echo "usage: corpus_check.sh SOCKEYE DIR..." >&2
	exit 2
fi
sockeye=$1
shift
dirs=()
for d in "$@"; do
	if [[ -d $d ]]; then dirs+=("$d"); else echo "corpus: $d: not here, skipped"; fi
done
[[ ${#dirs[@]} -gt 0 ]] || { echo "corpus: no folder to check" >&2; exit 1; }
# Each decode is bounded: a hang is a failure, not a stuck make.
per_run=${CORPUS_TIMEOUT:-20}
modes=("" "-v" "-vv" "-vvv" "-j" "-e -vv")
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

err=$(mktemp) || exit 99
trap 'rm -f "$err"' EXIT

runs=0 failed=0 refused=0
while IFS= read -r -d '' cap; do
	for mode in "${modes[@]}"; do
		runs=$((runs + 1))
		# shellcheck disable=SC2086 # a mode is one or two words
		timeout -k 5 "$per_run" "$sockeye" sniff -n -r "$cap" $mode >/dev/null 2>"$err"
		rc=$?
		if grep -qE 'Sanitizer|runtime error:' "$err" || [[ $rc -ge 124 ]]; then
			failed=$((failed + 1))
			echo "FAIL: sniff -n -r $cap $mode (exit $rc)"
			head -n 30 "$err"
		elif [[ $rc -ne 0 ]]; then
			refused=$((refused + 1))
			if ! grep -q '^sockeye: sniff: ' "$err"; then
				failed=$((failed + 1))
				echo "FAIL: sniff -n -r $cap $mode: exit $rc without a 'sockeye: sniff: ' error"
				head -n 5 "$err"
			fi
		fi
	done
done < <(find "${dirs[@]}" -type f \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) -print0 | sort -z)

echo "corpus: $runs runs, $failed failed, $refused ended with an error (malformed files)"
[[ $runs -gt 0 && $failed -eq 0 ]]

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_memory.sh: `sockeye top` with every panel, its BPF ones loaded, peaks under 24 MiB of RSS.
#
# The peak is the start, when libbpf parses the kernel's BTF for each BPF
# object (5.5 MB, held twice while it parses: 10.7 MB of blocks, plus its
# index); it reached 26 MiB when those parses piled up in the heap, with a
# smaller binary and fewer libraries than now.  One parse alone on top of
# the steady 7 MiB (the binary 1.7, libc 1.6, gnutls 1.1 ...) makes 19 to
# 20 MiB on this kernel, whichever single panel runs (2026-12-07): the limit
# is one parse and some room, below two parses held at once.  Measured as
# the child's ru_maxrss (VmHWM at exit).
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq
need_cmd python3
need_bpf

LIMIT_KIB=$((24 * 1024))

netns_new A
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

# Runs ARGS, then prints the peak RSS of the process in KiB (Linux reports ru_maxrss in KiB).
cat >"$tmp/maxrss.py" <<'EOF'
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    rc = subprocess.call(sys.argv[2:], stdout=out)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(rc)
EOF

for run in 1 2 3; do
	kib=$(python3 "$tmp/maxrss.py" "$tmp/top.json" "$SOCKEYE" -N "$A" -j top -b -n 3 -d 0.5 \
		2>"$tmp/top.err") || fail "sockeye top exited with $?: $(cat "$tmp/top.err")"
	[ "$(wc -l <"$tmp/top.json")" -eq 3 ] || fail "expected 3 snapshots, got $(wc -l <"$tmp/top.json")"
	# A panel that did not load would make the peak small for the wrong reason.
	for p in napi drops; do
		err=$(tail -n 1 "$tmp/top.json" | jq -r --arg k "${p}_error" '.[$k] // empty')
		[ -z "$err" ] || fail "the $p panel did not load: $err"
		tail -n 1 "$tmp/top.json" | jq -e --arg k "$p" '.[$k] | type == "array"' >/dev/null ||
			fail "no $p panel in the snapshot"
	done
	[[ $kib =~ ^[0-9]+$ ]] || fail "no peak RSS measured: $kib"
	echo "run $run: peak RSS $kib KiB (limit $LIMIT_KIB)"
	[ "$kib" -lt "$LIMIT_KIB" ] || fail "peak RSS $kib KiB, not under $LIMIT_KIB KiB"
done

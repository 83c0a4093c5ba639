#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# trace_attach_stages.sh: sockeye -vv trace says where its attach time goes (issue 16's 200 ms):
# the open, the targets (libbpf's read of the kernel's BTF), the load and verify, and the attach,
# each in wall and CPU time, in that order, within the total -v prints; and the kernel's symbols
# are read after the attach, not before it.  bench/trace_attach.sh measures with these lines.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_bpf

tmp=$(mktemp -d)
register_file "$tmp"
num='[0-9]+\.[0-9]'
for method in tp_btf raw_tp; do
	timeout 60 "$SOCKEYE" -vv trace --attach "$method" -d 0.1 'udp port 1' >/dev/null \
		2>"$tmp/err" || fail "$method: sockeye trace failed: $(grep -v libbpf "$tmp/err" | tail -3)"
	grep -v '^libbpf' "$tmp/err" >"$tmp/lines"
	stages=$(sed -En "s/^sockeye: trace: trace attach: (.*) $num ms \(CPU $num ms\)\$/\1/p" \
		"$tmp/lines" | paste -sd,)
	[[ $stages == "open,targets (vmlinux BTF),load and verify,attach" ]] ||
		bad "$method: stages \"$stages\": $(grep 'trace attach' "$tmp/lines")"
	total=$(sed -En "s/^sockeye: trace: attached with $method in ($num) ms\$/\1/p" "$tmp/lines")
	[[ -n $total ]] || bad "$method: no \"attached with $method in N ms\" line"
	sum=$(sed -En "s/^sockeye: trace: trace attach: .* ($num) ms \(CPU.*/\1/p" "$tmp/lines" |
		paste -sd+ | bc)
	if [[ -n $total && -n $sum ]] && (($(bc <<<"$sum > $total + 0.5"))); then
		bad "$method: the stages' $sum ms exceed the attach's $total ms"
	fi
	# The symbols come after the attach: their read is no part of it.
	order=$(sed -En 's/^sockeye: trace: (attached|kernel symbols) .*/\1/p' "$tmp/lines" | paste -sd,)
	[[ $order == "attached,kernel symbols" ]] ||
		bad "$method: the kernel's symbols not read after the attach: $order"
	echo "$method: $stages; $sum ms of $total ms"
done
((nfail == 0)) || fail "$nfail checks failed"
echo "PASS: $NETNS_TEST: the attach's stages shown, the symbols read after it"

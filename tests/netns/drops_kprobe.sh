#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# drops_kprobe.sh: the kprobe fallback kept for kernels without the tracepoint.  Each of its
# programs passes this kernel's verifier (loading needs no kprobes, only attaching does);
# --attach kprobe then attaches, or fails at attach with one line saying why; the automatic
# choice still takes tp_btf.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
[[ -e /sys/kernel/btf/vmlinux ]] || skip "the kernel has no BTF: the BPF programs need it"
LOAD=$top_builddir/tests/tools/drops_kprobe_load
[[ -x $LOAD ]] || skip "tests/tools/drops_kprobe_load is not built"

tmp=$(mktemp -d)
register_file "$tmp"

# 1. Three programs (one per kernel function) in three modes: nine loads, all verified.
"$LOAD" >"$tmp/load.out" 2>"$tmp/load.err"
rc=$?
[[ $rc -eq 77 ]] && skip "$(cat "$tmp/load.out")"
n=$(grep -c ': loaded$' "$tmp/load.out")
[[ $rc -eq 0 && $n -eq 9 ]] ||
	bad "kprobe programs: exit $rc, $n of 9 loaded: $(grep -v ': loaded$' "$tmp/load.out")" \
		"$(grep -m 3 -i 'verifier\|disallowed\|invalid' "$tmp/load.err")"

netns_new A

# 2. --attach kprobe: attaches where the kernel has kprobes; else fails at attach (so the
# program loaded) with one line that names the function and the reason.
for cmd in drops napi; do
	fn=sk_skb_reason_drop
	[[ $cmd == napi ]] && fn=__napi_poll
	"$SOCKEYE" -v -N "$A" "$cmd" --attach kprobe -c 1 -i 0.01 >"$tmp/kp.out" 2>"$tmp/kp.err"
	rc=$?
	if [[ -e /sys/bus/event_source/devices/kprobe ]]; then
		[[ $rc -eq 0 ]] && grep -q "attached with kprobe" "$tmp/kp.err" ||
			bad "$cmd --attach kprobe: exit $rc: $(tail -n 3 "$tmp/kp.err")"
		continue
	fi
	# Without -v the error is one line.
	"$SOCKEYE" -N "$A" "$cmd" --attach kprobe -c 1 -i 0.01 >"$tmp/q.out" 2>"$tmp/q.err"
	qrc=$?
	[[ $cmd == drops ]] && fn=$(sed -n 's/.* to attach \([a-z_]*\) to: .*/\1/p' "$tmp/q.err")
	want="sockeye: $cmd: kprobe: this kernel has no kprobes (CONFIG_KPROBES is off) to attach"
	want+=" $fn to: use --attach tp_btf or raw_tp"
	[[ $qrc -eq 1 && -n $fn && $(cat "$tmp/q.err") == "$want" && ! -s $tmp/q.out ]] ||
		bad "$cmd --attach kprobe: exit $qrc, stderr: $(cat "$tmp/q.err")"
	case $fn in
	sk_skb_reason_drop | kfree_skb_reason | kfree_skb | __napi_poll) ;;
	*) bad "$cmd --attach kprobe names no kprobe target: '$fn'" ;;
	esac
	# The verifier took it: no load failure in the verbose log, only the attach one.
	! grep -q "failed to load\|verifier rejected\|BEGIN PROG LOAD LOG" "$tmp/kp.err" ||
		bad "$cmd --attach kprobe: the program did not load: $(grep -m 3 -i 'disallowed\|failed' "$tmp/kp.err")"
done

# 3. The automatic choice: tp_btf first, the kprobe never tried once that works.
"$SOCKEYE" -v -N "$A" drops -c 1 -i 0.01 >"$tmp/auto.out" 2>"$tmp/auto.err" ||
	bad "drops (auto) failed: $(cat "$tmp/auto.err")"
grep -q "attached with tp_btf" "$tmp/auto.err" ||
	bad "drops (auto) did not take tp_btf: $(grep -i attach "$tmp/auto.err")"
! grep -q "kprobe" "$tmp/auto.err" || bad "drops (auto) tried kprobes: $(grep kprobe "$tmp/auto.err")"

[[ $nfail -eq 0 ]] || fail "$nfail checks failed"
echo "PASS: $NETNS_TEST"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# drops_ready.sh: "attached with" (-v) means ready: drops sent the moment it is printed are all
# counted, and a SIGINT sent right after stops the run cleanly with its summary.  A background
# job starts with SIGINT ignored, so a handler installed after the message (behind the slow
# kallsyms read) let such a SIGINT be lost and the run went on to its interval's end.  Under
# QEMU's TCG the same gap took drops out of the count (tests/kernels).
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq
need_bpf
N=20

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.93.0.1/24
addr_add "$B" vb 10.93.0.2/24
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.93.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.93.0.1 lladdr "$mac_a" dev vb nud permanent
tmp=$(mktemp -d)
register_file "$tmp"

for cmd in drops napi; do
	"$SOCKEYE" -v -N "$B" -j "$cmd" -i 100 >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	register_pid "$pid"
	# Polled finely: the point is to act as soon as the message is there.
	for ((i = 0; i < 2000; i++)); do
		grep -qs "attached with" "$tmp/err" && break
		sleep 0.005
	done
	grep -qs "attached with" "$tmp/err" || fail "$cmd did not attach: $(cat "$tmp/err")"
	[[ $cmd == drops ]] && ns_exec "$A" bash -c \
		'for ((i = 0; i < $0; i++)); do echo x >/dev/udp/10.93.0.2/9; done' "$N"
	kill -INT "$pid"
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid"
		wait "$pid"
		fail "$cmd: a SIGINT right after \"attached with\" did not stop it within 5 s"
	fi
	wait "$pid" || fail "$cmd exited with $?: $(cat "$tmp/err")"
	[[ $(wc -l <"$tmp/out") -eq 1 ]] || fail "$cmd: want one summary: $(cat "$tmp/out")"
	if [[ $cmd == drops ]]; then
		got=$(jq -r '[.drops[] | select(.reason == "NO_SOCKET") | .count] | add // 0' "$tmp/out")
		[[ $got -eq $N ]] || fail "drops: $got NO_SOCKET counted, $N sent: $(cat "$tmp/out")"
	fi
done
echo "PASS: $NETNS_TEST"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# drops_filters.sh: reason, interface, protocol and host/port filters, -c, --duration, --stack,
# --attach raw_tp, and the errors: kprobes forced on a kernel without them, no privilege.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 nft setpriv
need_bpf
send=$top_srcdir/tests/netns/drops_send.py

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.96.0.1/24
addr_add "$B" vb 10.96.0.2/24
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.96.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.96.0.1 lladdr "$mac_a" dev vb nud permanent
ns_exec "$B" nft -f - <<'EOF' || fail "cannot add the nftables rule"
table inet sockeye_test {
	chain input {
		type filter hook input priority 0; policy accept;
		udp dport 7777 drop
	}
}
EOF

tmp=$(mktemp -d)
register_file "$tmp"

# Every run watches the same traffic: each is attached before the first packet.
declare -A pids
run_bg() # NAME ARGS...
{
	local name=$1

	shift
	start_sockeye "$tmp/$name" "$tmp/$name.err" -N "$B" -j drops "$@"
	pids[$name]=$sockeye_pid
}
run_bg reason -i 100 --reason NO_SOCKET
run_bg exclude -i 100 --exclude-reason no_socket
run_bg dport -i 100 dst port 10
run_bg hostport -i 100 src host 10.96.0.1 and port 9
run_bg tcp -i 100 --proto tcp
run_bg iface -i 100 --iface vb
run_bg raw_tp -i 100 --attach raw_tp
run_bg count --events -c 3
run_bg stack -i 100 --stack
# The filter quoted as one word, as tcpdump takes it, and an option after it; the reason
# with the kernel's prefix in lower case.
run_bg quoted --proto udp 'dst port 10' -i 100
run_bg prefix -i 100 --reason skb_drop_reason_no_socket
# Long enough for four python3 senders to finish on a loaded machine (4 s was not: CI saw
# the last sender's frames land after the window).  Its end is still bounded below.
run_bg duration -i 100 --duration 10
start=$SECONDS

ns_exec "$A" python3 "$send" udp 10.96.0.2 9 10 || fail "cannot send"
ns_exec "$A" python3 "$send" udp 10.96.0.2 10 6 || fail "cannot send"
ns_exec "$A" python3 "$send" udp 10.96.0.2 7777 5 || fail "cannot send"
ns_exec "$A" python3 "$send" frame va 02:00:00:00:00:99 10.96.0.1 10.96.0.2 5555 4 ||
	fail "cannot send frames"
sleep 0.3

# -c and --duration end the run by themselves.
wait "${pids[count]}" || bad "--events -c 3 exited with $?"
wait "${pids[duration]}" || bad "--duration 10 exited with $?"
((SECONDS - start <= 14)) || bad "--duration 10 took $((SECONDS - start)) s"
for name in reason exclude dport hostport tcp iface raw_tp stack quoted prefix; do
	kill -INT "${pids[$name]}"
	wait "${pids[$name]}" || bad "$name: exit status $?: $(cat "$tmp/$name.err")"
done

total() { jq -r '.total_drops' "$tmp/$1"; }
count_of() { jq -r --arg r "$2" '[.drops[] | select(.reason == $r) | .count] | add // 0' "$tmp/$1"; }
expect() # NAME WHAT GOT WANT
{
	[[ $3 -eq $4 ]] || bad "$1: $2 is $3, want $4: $(cat "$tmp/$1")"
}
expect reason total "$(total reason)" 16
expect reason NO_SOCKET "$(count_of reason NO_SOCKET)" 16
expect exclude total "$(total exclude)" 9
expect exclude NO_SOCKET "$(count_of exclude NO_SOCKET)" 0
expect exclude NETFILTER_DROP "$(count_of exclude NETFILTER_DROP)" 5
expect dport total "$(total dport)" 6
expect quoted total "$(total quoted)" 6
expect prefix total "$(total prefix)" 16
expect prefix NO_SOCKET "$(count_of prefix NO_SOCKET)" 16
expect hostport total "$(total hostport)" 10
expect tcp total "$(total tcp)" 0
expect iface total "$(total iface)" 25
expect raw_tp total "$(total raw_tp)" 25
expect duration total "$(total duration)" 25
grep -q "attached with raw_tp" "$tmp/raw_tp.err" || bad "--attach raw_tp: $(cat "$tmp/raw_tp.err")"
grep -q "attached with tp_btf" "$tmp/reason.err" || bad "auto did not pick tp_btf first"
expect count "drop records" "$(jq -c 'select(.type == "drop")' "$tmp/count" | wc -l)" 3
expect count "totals.events" "$(jq -r 'select(.type == "drop_stats") | .totals.events' \
	"$tmp/count")" 3

# --stack: the top rows' stacks, outermost first, ending in the function of the location.
if ! jq -e '.stacks | length >= 1' "$tmp/stack" >/dev/null; then
	bad "--stack: no stacks: $(cat "$tmp/stack")"
else
	jq -e '.stacks[] | (.location | split("+")[0]) as $f | .stack | split(";") | last |
		startswith($f)' "$tmp/stack" >/dev/null ||
		bad "--stack: a stack does not end in its location: $(jq -c .stacks "$tmp/stack")"
fi

# A frame a packet socket sends while the veth's peer is down is dropped on the way out,
# its network header still at the Ethernet header: the tuple comes from the frame itself.
ip -n "$B" link set vb down
# Until linkwatch has taken va's carrier down (its operstate is no longer up), va still has its
# noqueue qdisc and the veth refuses the frame with ENOBUFS instead of the noop qdisc
# dropping it: on a loaded machine that takes a while.
va_down() { [[ $(ns_exec "$A" cat /sys/class/net/va/operstate) == @(down|lowerlayerdown) ]]; }
wait_until 10 va_down || fail "va did not lose its carrier after vb went down: operstate $(ns_exec "$A" cat /sys/class/net/va/operstate), $(ip -n "$A" -br link show va)"
start_sockeye "$tmp/egress" "$tmp/egress.err" -N "$A" -j drops --events
ns_exec "$A" python3 "$send" frame va "$mac_b" 10.96.0.1 10.96.0.2 5557 3 || fail "cannot send"
sleep 0.3
stop_sockeye
n=$(jq -r 'select(.type == "drop" and .iface == "va" and .proto == "udp" and
	.src == "10.96.0.1:40000" and .dst == "10.96.0.2:5557" and .sk_ino > 0) | 1' \
	"$tmp/egress" | wc -l)
expect egress "outgoing drops with the frame's tuple and the packet socket" "$n" 3

# expect_fail STATUS WORD ARGS...: one stderr line naming WORD, nothing on stdout.
expect_fail()
{
	local want=$1 word=$2 rc

	shift 2
	timeout 20 "$@" >"$tmp/f.out" 2>"$tmp/f.err"
	rc=$?
	[[ $rc -eq $want ]] || bad "$*: exit status $rc, want $want: $(cat "$tmp/f.err")"
	[[ $(wc -l <"$tmp/f.err") -eq 1 && $(cat "$tmp/f.err") == "sockeye: drops: "*"$word"* ]] ||
		bad "$*: stderr is not one line naming '$word': $(cat "$tmp/f.err")"
	[[ ! -s $tmp/f.out ]] || bad "$*: unexpected stdout: $(cat "$tmp/f.out")"
}
# This kernel has kprobes compiled out: forcing them must say so.
if [[ ! -e /sys/bus/event_source/devices/kprobe ]]; then
	expect_fail 1 kprobes "$SOCKEYE" drops --attach kprobe -c 1 -i 0.01
fi
expect_fail 1 CAP_BPF setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	--bounding-set=-all "$SOCKEYE" drops -c 1 -i 0.01
expect_fail 2 BOGUS_REASON "$SOCKEYE" drops --reason BOGUS_REASON
expect_fail 2 "or" "$SOCKEYE" drops port 9 or port 10
expect_fail 2 999999 "$SOCKEYE" drops port 999999
expect_fail 2 --stack "$SOCKEYE" drops --events --stack
expect_fail 2 --attach "$SOCKEYE" drops --attach fentry
expect_fail 2 --ring-size "$SOCKEYE" drops --ring-size 5000

[[ $nfail -eq 0 ]] || fail "$nfail checks failed"
echo "PASS: $NETNS_TEST"

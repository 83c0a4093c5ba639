#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# napi_veth.sh: a veth with GRO polls its peer's traffic with NAPI: sockeye napi counts the
# packets sent and the same polls as bpftrace, in the same run.  A veth without GRO hands its
# peer's packets to netif_rx: the CPU's backlog polls them, a row named "backlog" (no device;
# its NAPI id 0 does not make it one), in napi with -N and --iface backlog and in top's panel.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 ethtool bpftrace unshare
need_bpf
send=$top_srcdir/tests/netns/drops_send.py
N=300

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.95.0.1/24
addr_add "$B" vb 10.95.0.2/24
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.95.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.95.0.1 lladdr "$mac_a" dev vb nud permanent
# veth hands a packet to its peer's NAPI when the peer has GRO on and the packet may be
# aggregated: with TSO on the sender, only socket packets and with UDP GRO forwarding on.
# Turning GRO on while the device is up is what creates the NAPI instance.
ns_exec "$B" ethtool -K vb gro on rx-udp-gro-forwarding on >/dev/null ||
	skip "ethtool cannot turn GRO on for vb"

tmp=$(mktemp -d)
register_file "$tmp"
ino=$(netns_ino "$B")
start_bpftrace "$tmp/bt" "tracepoint:napi:napi_poll
/((struct napi_struct *)args->napi)->dev->nd_net.net->ns.inum == $ino/ {
	@polls = count(); @work = sum(args->work);
}"
bt_pid=$bpftrace_pid
start_sockeye "$tmp/napi" "$tmp/napi.err" -N "$B" -j napi --iface vb -i 100

ns_exec "$A" python3 "$send" udp 10.95.0.2 9 "$N" || fail "cannot send"
sleep 0.5
stop_sockeye
bpftrace_pid=$bt_pid
stop_bpftrace

jq -e . "$tmp/napi" >/dev/null || fail "output is not JSON: $(cat "$tmp/napi")"
[[ $(wc -l <"$tmp/napi") -eq 1 ]] || fail "want one document: $(cat "$tmp/napi")"
rows=$(jq '[.napi[] | select(.iface == "vb")] | length' "$tmp/napi")
[[ $rows -ge 1 ]] || fail "no NAPI instance of vb: $(cat "$tmp/napi")"
jq -e '[.napi[] | select(.iface != "vb")] | length == 0' "$tmp/napi" >/dev/null ||
	fail "--iface vb shows other devices: $(cat "$tmp/napi")"
packets=$(jq '[.napi[] | .packets] | add' "$tmp/napi")
polls=$(jq '[.napi[] | .polls] | add' "$tmp/napi")
[[ $packets -eq $N ]] || fail "NAPI of vb handled $packets packets, $N were sent: $(cat "$tmp/napi")"
[[ $polls -ge 1 && $polls -le $N ]] || fail "$polls polls for $N packets"
bt_polls=$(sed -n 's/^@polls: //p' "$tmp/bt")
bt_work=$(sed -n 's/^@work: //p' "$tmp/bt")
[[ $bt_polls -eq $polls && $bt_work -eq $packets ]] ||
	fail "bpftrace saw $bt_polls polls and $bt_work packets, sockeye $polls and $packets"
# The histogram accounts for every poll that had a budget; napi ids are real ones.
jq -e '.napi[] | select(.iface == "vb") | (.polls_idle + .polls_le_25pct + .polls_le_50pct +
	.polls_le_75pct + .polls_lt_100pct + .polls_full) == .polls and .napi_id > 0 and
	.budget > 0 and .netns_ino == '"$ino" "$tmp/napi" >/dev/null ||
	fail "histogram, napi_id, budget or netns wrong: $(jq -c .napi "$tmp/napi")"
# Per CPU: the same polls and packets in all, and the softirq time where it is attached.
cpu_packets=$(jq '[.napi_cpus[] | .packets] | add' "$tmp/napi")
[[ $cpu_packets -eq $packets ]] || fail "per-CPU packets $cpu_packets, per instance $packets"
jq -e '[.napi_cpus[] | .net_rx] | add > 0' "$tmp/napi" >/dev/null ||
	fail "no NET_RX softirq counted: $(jq -c .napi_cpus "$tmp/napi")"
# Kprobes forced on a kernel built without them: one line that says so.
if [[ ! -e /sys/bus/event_source/devices/kprobe ]]; then
	"$SOCKEYE" napi --attach kprobe -c 1 -i 0.01 >"$tmp/kp.out" 2>"$tmp/kp.err" &&
		fail "napi --attach kprobe worked on a kernel without kprobes"
	[[ $(wc -l <"$tmp/kp.err") -eq 1 && $(cat "$tmp/kp.err") == "sockeye: napi: "*kprobes* &&
		! -s $tmp/kp.out ]] || fail "napi --attach kprobe: $(cat "$tmp/kp.err")"
fi

# ---- the backlog: B sends to A, whose va has no GRO, so no NAPI ----------------------------
ns_exec "$A" ethtool -K va gro off >/dev/null 2>&1
# Every namespace's netif_rx goes through the same backlog: at least our packets, not exactly.
backlog_ok() { # FILE WHAT: the backlog rows of FILE's .napi are named and carry $N packets
	jq -e '[.napi[] | select(.backlog == true)] | length >= 1' "$1" >/dev/null ||
		fail "$2: no backlog row: $(jq -c .napi "$1")"
	jq -e '[.napi[] | select(.backlog == true) | select(.iface != "backlog" or
		.napi_id != 0 or .ifindex != null or .netns_ino != null)] | length == 0' \
		"$1" >/dev/null || fail "$2: a backlog row is not named backlog: $(jq -c .napi "$1")"
	jq -e '[.napi[] | select(.iface == null or .iface == "-" or
		(.iface == "backlog") != .backlog)] | length == 0' "$1" >/dev/null ||
		fail "$2: an unnamed row, or backlog without the flag: $(jq -c .napi "$1")"
	jq -e --argjson n "$N" '[.napi[] | select(.backlog) | .packets] | add >= $n' \
		"$1" >/dev/null || fail "$2: the backlog polled fewer than $N packets: $(jq -c .napi "$1")"
}
for scope in "" "--iface backlog"; do
	# shellcheck disable=SC2086 # the scope is two words or none
	start_sockeye "$tmp/bl" "$tmp/bl.err" -N "$A" -j napi $scope -i 100
	ns_exec "$B" python3 "$send" udp 10.95.0.1 9 "$N" || fail "cannot send to A"
	sleep 0.5
	stop_sockeye
	backlog_ok "$tmp/bl" "napi -N A $scope"
	# va polls with no NAPI: B's traffic shows as the backlog alone.
	jq -e '[.napi[] | select(.backlog | not)] | length == 0' "$tmp/bl" >/dev/null ||
		fail "napi -N A $scope: rows besides the backlog: $(jq -c .napi "$tmp/bl")"
done
# --iface DEV is that device alone: never the backlog.
start_sockeye "$tmp/dev" "$tmp/dev.err" -N "$A" -j napi --iface va -i 100
ns_exec "$B" python3 "$send" udp 10.95.0.1 9 "$N" || fail "cannot send to A"
sleep 0.5
stop_sockeye
jq -e '.napi | length == 0' "$tmp/dev" >/dev/null ||
	fail "napi --iface va shows rows of va without NAPI, or the backlog: $(jq -c .napi "$tmp/dev")"
# top's NAPI panel is the same view: pings into va until it has sampled.
ns_exec "$B" ping -q -c 3000 -i 0.01 10.95.0.1 >/dev/null &
ping_pid=$!
register_pid "$ping_pid"
"$SOCKEYE" -N "$A" -j top -b -n 1 -d 1.5 >"$tmp/top" 2>"$tmp/top.err" ||
	fail "top failed: $(cat "$tmp/top.err")"
{ kill "$ping_pid" && wait "$ping_pid"; } 2>/dev/null
[[ $(jq -r '.napi_error // "none"' "$tmp/top") == none ]] ||
	fail "top's NAPI panel did not run: $(jq -r .napi_error "$tmp/top")"
N=1 backlog_ok "$tmp/top" "top -N A"
echo "PASS: $NETNS_TEST: $N packets in $polls polls on vb; bpftrace agrees; the backlog named"

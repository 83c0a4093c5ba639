#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# drops_write.sh: drops -w writes the dropped packets themselves: datagrams to a closed port of B
# (NO_SOCKET) and to a port B's nftables input drops, received with their Ethernet header, and
# datagrams A's nftables output drops on their way down (from the IP header, the sender's pid in
# a second comment).  Exactly those packets are in the file, tshark reads each one's reason back
# in frame.comment, sniff -r decodes their UDP ports, -s cuts them, no event is lost.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"

need_root
need_cmd jq python3 nft tshark
need_bpf

N_NOSOCK=4	# to B's closed port 9
N_NF_IN=3	# to B's port 7777, dropped by B's input chain
N_NF_OUT=2	# to B's port 7778, dropped by A's output chain
N=$((N_NOSOCK + N_NF_IN + N_NF_OUT))

netns_new A
netns_new B
veth_pair "$A" wa "$B" wb
addr_add "$A" wa 10.87.0.1/24
addr_add "$B" wb 10.87.0.2/24
mac_a=$(ip -n "$A" -j link show wa | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show wb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.87.0.2 lladdr "$mac_b" dev wa nud permanent
ip -n "$B" neigh replace 10.87.0.1 lladdr "$mac_a" dev wb nud permanent
ns_exec "$B" nft -f - <<'NFT' || fail "cannot add B's nftables rule"
table inet sockeye_dw_in {
	chain input {
		type filter hook input priority 0; policy accept;
		udp dport 7777 drop
	}
}
NFT
ns_exec "$A" nft -f - <<'NFT' || fail "cannot add A's nftables rule"
table inet sockeye_dw_out {
	chain output {
		type filter hook output priority 0; policy accept;
		udp dport 7778 drop
	}
}
NFT

tmp=$(mktemp -d)
register_file "$tmp"
# Every namespace (the drops are in A and in B); only this test's packets.
# The scan of every namespace's sockets (attribution) takes a while on a loaded host.
start_sockeye "$tmp/out" "$tmp/err" -j drops -w "$tmp/d.pcapng" udp and dst host 10.87.0.2
full_pid=$sockeye_pid
wait_for_text "$tmp/err" "process attribution: following" 60 ||
	fail "drops -w did not start attribution: $(cat "$tmp/err")"
start_sockeye "$tmp/cut" "$tmp/cut.err" drops -w "$tmp/cut.pcapng" -s 42 udp and dst host 10.87.0.2
wait_for_text "$tmp/cut.err" "process attribution: following" 60 ||
	fail "drops -w -s did not start attribution: $(cat "$tmp/cut.err")"

# One sender for all three kinds, paced; its pid first.
ns_exec "$A" python3 - "$N_NOSOCK" "$N_NF_IN" "$N_NF_OUT" >"$tmp/sender" <<'PY' || fail "cannot send"
import os, socket, sys, time
print(os.getpid(), flush=True)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for port, n in ((9, sys.argv[1]), (7777, sys.argv[2]), (7778, sys.argv[3])):
    for _ in range(int(n)):
        try:
            s.sendto(b"x" * 32, ("10.87.0.2", port))
        except PermissionError:
            pass	# the output chain's drop says EPERM
        time.sleep(0.01)
PY
sender=$(head -1 "$tmp/sender")
sleep 0.5
stop_sockeye
sockeye_pid=$full_pid
stop_sockeye

# Each packet once, and nothing lost on the way.
lost=$(jq -r 'select(.type == "drop_stats") | .totals.lost_events // .lost_events' "$tmp/out")
[[ $lost == 0 ]] || fail "events lost: '$lost': $(cat "$tmp/out")"
n=$(tshark -r "$tmp/d.pcapng" -T fields -e frame.number 2>/dev/null | wc -l)
[[ $n -eq $N ]] || fail "$n packets in the file, want $N: $(tshark -r "$tmp/d.pcapng" 2>&1 | head)"

# The reasons and processes in frame.comment, per destination port.
comments()
{
	tshark -r "$tmp/d.pcapng" -Y "udp.dstport == $1" -T fields -e frame.comment 2>/dev/null
}
c=$(comments 9)
[[ $(grep -c "^dropped: NO_SOCKET at " <<<"$c") -eq $N_NOSOCK ]] || fail "port 9: $c"
c=$(comments 7777)
[[ $(grep -c "^dropped: NETFILTER_DROP at " <<<"$c") -eq $N_NF_IN ]] || fail "port 7777: $c"
c=$(comments 7778)
[[ $(grep -c "^dropped: NETFILTER_DROP at .*pid=$sender comm=python3 " <<<"$c") -eq $N_NF_OUT ]] ||
	fail "port 7778 (pid $sender): $c"
# Received ones from their Ethernet header (the first interface), the output chain's from IP.
enc=$(tshark -r "$tmp/d.pcapng" -T fields -e udp.dstport -e frame.interface_id 2>/dev/null |
	sort | uniq -c | awk '{ print $2 "/" $3 "=" $1 }' | paste -sd' ')
[[ $enc == "7777/0=$N_NF_IN 7778/1=$N_NF_OUT 9/0=$N_NOSOCK" ]] || fail "interfaces: $enc"

# The bytes decode: sockeye's own reader sees the UDP ports.
"$SOCKEYE" sniff -nn -r "$tmp/d.pcapng" >"$tmp/sniff" 2>"$tmp/sniff.err" ||
	fail "sniff -r: $(cat "$tmp/sniff.err")"
for want in "9:$N_NOSOCK" "7777:$N_NF_IN" "7778:$N_NF_OUT"; do
	port=${want%:*}
	got=$(grep -c "10\.87\.0\.1\.[0-9]* > 10\.87\.0\.2\.$port: UDP, length 32" "$tmp/sniff")
	[[ $got -eq ${want#*:} ]] || fail "sniff -r: $got to port $port: $(cat "$tmp/sniff")"
done

# -s 42: each packet cut to 42 bytes, its length on the wire kept.
cut=$(tshark -r "$tmp/cut.pcapng" -T fields -e frame.cap_len -e frame.len 2>/dev/null |
	sort | uniq -c | awk '{ print $1 "x" $2 "/" $3 }' | paste -sd' ')
[[ $cut == "${N_NF_OUT}x42/60 $((N_NOSOCK + N_NF_IN))x42/74" ]] || fail "-s 42: $cut"
echo "PASS: $NETNS_TEST: $N dropped packets written, reasons and process in their comments"

# SPDX-License-Identifier: GPL-2.0-or-later
# inject_lib.sh: what the inject netns tests share (source it after lib.sh; it is not a test).
#
#	inject_setup                  $ns1/va (02:..:01) <-> $ns2/vb (02:..:02), both up
#	capture_start N               sockeye sniff and tcpdump on vb take N incoming packets
#	capture_wait                  ... and exit (fails after 20 s)
#	same_packets EXPECTED GOT     the two files hold the same frames, byte for byte
# The far side has no address: what arrives is captured and dropped, nothing answers.

INJECT_DST_MAC=02:00:00:00:00:02

inject_setup()
{
	need_root
	need_cmd tcpdump python3 jq
	netns_new ns1
	netns_new ns2
	veth_pair "$ns1" va "$ns2" vb
	ip -n "$ns1" link set va address 02:00:00:00:00:01 || fail "cannot set va's MAC"
	ip -n "$ns2" link set vb address "$INJECT_DST_MAC" || fail "cannot set vb's MAC"
	tmp=$(mktemp -d) || fail "mktemp failed"
	register_file "$tmp"
}

rx_packets()
{
	ns_exec "$ns2" cat /sys/class/net/vb/statistics/rx_packets
}

# Packet sockets bound to vb and running (the R column of /proc/net/packet).
running_sockets()
{
	local idx

	idx=$(ns_exec "$ns2" cat /sys/class/net/vb/ifindex)
	ns_exec "$ns2" awk -v idx="$idx" 'NR > 1 && $5 == idx && $6 == 1' /proc/net/packet | wc -l
}

# until_sockets N: N running sockets on vb, twice in a row (sniff opens a short-lived
# probe socket before its ring: one look could count it).
until_sockets()
{
	local n=$1 seen=0 deadline=$((SECONDS + 10))

	while ((seen < 2)); do
		((SECONDS < deadline)) || fail "no capture started on vb (want $n sockets)"
		if [[ $(running_sockets) -eq $n ]]; then
			seen=$((seen + 1))
		else
			seen=0
		fi
		sleep 0.1
	done
}

capture_start()
{
	local n=$1 base

	base=$(running_sockets)
	ns_exec "$ns2" "$SOCKEYE" sniff -i vb -Q in -p -c "$n" -w "$tmp/sockeye.pcap" \
		2>"$tmp/sniff.err" &
	sniff_pid=$!
	register_pid "$sniff_pid"
	until_sockets $((base + 1))
	ns_exec "$ns2" tcpdump -i vb -Q in -p -n -c "$n" -w "$tmp/tcpdump.pcap" \
		2>"$tmp/tcpdump.err" &
	tcpdump_pid=$!
	register_pid "$tcpdump_pid"
	until_sockets $((base + 2))
}

capture_wait()
{
	local pid

	for pid in "$sniff_pid" "$tcpdump_pid"; do
		wait_until 20 eval "! kill -0 $pid 2>/dev/null" ||
			fail "a capture did not get all its packets: $(cat "$tmp"/*.err)"
		wait "$pid" || fail "a capture failed: $(cat "$tmp"/*.err)"
	done
}

# The frames of a file as tcpdump prints them without time: summary and every byte.
frames_of()
{
	tcpdump -r "$1" -n -t -xx 2>/dev/null
}

same_packets()
{
	local want=$1 got=$2

	diff -u <(frames_of "$want") <(frames_of "$got") >"$tmp/diff" ||
		fail "$got differs from $want: $(head -20 "$tmp/diff")"
}

# json_stats FILE KEY: the final stats value of KEY from inject's -j output.
json_stats()
{
	jq -r "select(.type == \"stats\" and .when == \"exit\") | .inject.$2" "$1"
}

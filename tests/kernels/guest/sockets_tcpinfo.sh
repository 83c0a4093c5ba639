#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_tcpinfo.sh: a TCP connection across the veth carries K bytes; sockeye sockets -i shows
# both ends with the tcp_info that ss -i reads from the same kernel (bytes, segments, mss, cwnd),
# and the byte counts are K.
. "$top_srcdir/tests/netns/lib.sh"
NETNS_TEST=sockets_tcpinfo
K=3000

need_root
. "$top_srcdir/tests/kernels/guest/veth_setup.sh"

# nc's input never ends (an empty stdin would make it close its side at once).
ip netns exec "$B" nc -l -p 8080 >"$tmp/recv" < <(sleep 100) &
register_pid $!
listening()
{
	ns_exec "$B" ss -Htln 'sport = :8080' | grep -q .
}
wait_until 20 listening || fail "nc did not listen on 8080"
# The client holds the connection open (fd 3) until the checks are done.
ip netns exec "$A" bash -c 'exec 3<>/dev/tcp/10.97.0.2/8080 || exit 1
	head -c "$0" /dev/zero >&3; sleep 60' "$K" &
register_pid $!
received()
{
	[[ $(wc -c <"$tmp/recv") -eq $K ]]
}
wait_until 20 received || fail "the server received $(wc -c <"$tmp/recv") of $K bytes"
sleep 1	# the last ACK and any delayed one settle

# Each side read once by each tool, with the connection idle.
for ns in "$A" "$B"; do
	ns_exec "$ns" ss -Htin 'sport = :8080 or dport = :8080' >"$tmp/ss.$ns"
	"$SOCKEYE" -N "$ns" -j sockets -t -i 'sport = :8080 or dport = :8080' >"$tmp/sk.$ns"
done
# ss_field NS FIELD: FIELD:value as ss -i printed it (it leaves out byte and segment counts
# that are 0).
ss_field()
{
	local v

	v=$(grep -o "[ 	]$2:[0-9]*" "$tmp/ss.$1" | cut -d: -f2)
	case $2 in
	bytes_* | *segs_*) echo "${v:-0}" ;;
	*) echo "$v" ;;
	esac
}
# sk_field NS FIELD: the same from sockeye.
sk_field()
{
	jq -r ".sockets[0].$2" "$tmp/sk.$1"
}
n=$(jq '[.sockets[] | select(.peer == "10.97.0.2:8080" and .state == "ESTAB")] | length' "$tmp/sk.$A")
[[ $n -eq 1 ]] || fail "sockeye shows $n connections to 10.97.0.2:8080 in A: $(cat "$tmp/sk.$A")"
[[ $(jq '.sockets | length' "$tmp/sk.$B") -eq 1 ]] || fail "want one socket in B: $(cat "$tmp/sk.$B")"
[[ $(sk_field "$A" bytes_sent) -eq $K ]] || fail "client bytes_sent $(sk_field "$A" bytes_sent), want $K"
[[ $(sk_field "$B" bytes_received) -eq $K ]] || fail "server bytes_received $(sk_field "$B" bytes_received), want $K"
for ns in "$A" "$B"; do
	for f in bytes_sent bytes_acked bytes_received segs_out segs_in data_segs_out data_segs_in mss cwnd; do
		want=$(ss_field "$ns" "$f")
		got=$(sk_field "$ns" "$f")
		[[ -n $want && $got == "$want" ]] || fail "$f: sockeye $got, ss $want ($ns)"
	done
	rtt=$(sk_field "$ns" rtt_us)
	[[ $rtt -gt 0 ]] || fail "rtt_us $rtt in $ns"
done
echo "sockets -i: both ends match ss -i; bytes_sent $K, rtt_us $(sk_field "$A" rtt_us)"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# attrib_callgrind.sh: the instructions per packet of sniff -w --pcapng with and without
# --process, counted by callgrind (exact, unlike the clocks on a shared machine): the hit case
# of bench/attrib.sh (bench/udpflood.c between two local sockets in two namespaces, both ends
# attributed, two comments a record).  Each capture stops after PACKETS packets (-c); the
# figure is the inclusive count of sniff_rings_drain (ring walk, attribution, writer) over
# the packets, so the start (socket scan, BPF load) is left out.
# Root; traffic stays inside two namespaces the script makes and removes.
#
#   sudo bench/attrib_callgrind.sh [BUILD_DIR] [PACKETS]
#
# PACKETS: default 100000.  Prints a Markdown table; with CG_KEEP=DIR the two profiles
# (plain.cg, attrib.cg) are kept there for callgrind_annotate.  MISS=1: the miss case
# instead (bench/attrib.sh's trafgen frames, a new source port each, no local socket).
set -u

src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
build=$(cd "${1:-$src}" && pwd)
N=${2:-100000}
SOCKEYE=$build/sockeye
dir=$(mktemp -d /tmp/sockeye-attrib-cg.XXXXXX)
ns1=sky-attcg-$$-1
ns2=sky-attcg-$$-2
pids=()

die()
{
	echo "bench/attrib_callgrind.sh: $*" >&2
	exit 1
}

[[ $(id -u) -eq 0 ]] || die "needs root (namespaces, packet sockets, BPF)"
MISS=${MISS:-0}
for c in valgrind callgrind_annotate ip cc $( ((MISS)) && echo trafgen); do
	command -v "$c" >/dev/null || die "$c not found"
done
[[ -x $SOCKEYE ]] || die "no sockeye in $build"
cc -O2 -o "$dir/udpflood" "$src/bench/udpflood.c" || die "cannot build bench/udpflood.c"

trap 'pair_cleanup "$dir" "$ns1" "$ns2"' EXIT

veth_pair "$ns1" "$ns2" || die "cannot make the namespaces and their veth pair"
ip -n "$ns1" addr add 10.99.0.1/24 dev va || die "address"
ip -n "$ns2" addr add 10.99.0.2/24 dev vb || die "address"
ip netns exec "$ns2" "$dir/udpflood" recv 9000 &
pids+=($!)
sleep 0.5
mac_vb=$(ip -n "$ns2" -br link show vb | awk '{ print $3 }')
cat >"$dir/udp.trafgen" <<EOF
{ eth(da=$mac_vb, sa=02:00:00:00:00:01, type=0x0800),
  ipv4(saddr=10.99.0.1, daddr=10.99.0.2, proto=17),
  udp(sport=dinc(10000, 60000), dport=9), fill(0x41, 18) }
EOF

# burst: 2000 packets of the case measured.
burst()
{
	if ((MISS)); then
		ip netns exec "$ns1" trafgen -o va -i "$dir/udp.trafgen" -n 2000 >/dev/null 2>&1
	else
		ip netns exec "$ns1" "$dir/udpflood" send 10.99.0.2 9000 2000 >/dev/null
	fi
}

# count NAME ARGS...: one capture of N packets under callgrind; prints its instructions per packet.
count()
{
	local name=$1 pid i ir

	shift
	valgrind --tool=callgrind --callgrind-out-file="$dir/$name.cg" \
		"$SOCKEYE" -N "$ns2" sniff -i vb --pcapng -w "$dir/$name.pcapng" -c "$N" "$@" \
		>/dev/null 2>"$dir/$name.err" &
	pid=$!
	pids+=("$pid")
	for ((i = 0; ; i++)); do
		[[ $(ip netns exec "$ns2" awk 'NR > 1 && $4 != "0000" && $6 == 1' /proc/net/packet |
			wc -l) -ge 1 ]] && break
		((i < 1200)) || die "$name: the capture did not start within two minutes"
		sleep 0.1
	done
	sleep 1
	# Paced bursts, so that the capture (slowed some 50x) keeps up and -c ends it.
	while kill -0 "$pid" 2>/dev/null; do
		burst || die "the traffic's sender failed"
		sleep 0.2
	done
	wait "$pid" || die "$name: sniff failed: $(cat "$dir/$name.err")"
	ir=$(callgrind_annotate --inclusive=yes "$dir/$name.cg" 2>/dev/null |
		awk '/sniff_rings_drain/ { gsub(",", "", $1); print $1; exit }')
	[[ -n $ir ]] || die "$name: no sniff_rings_drain in the profile"
	awk -v ir="$ir" -v n="$N" 'BEGIN { printf "%.1f", ir / n }'
}

plain=$(count plain)
attrib=$(count attrib --process)
echo "| capture | instructions/packet |"
echo "| --- | ---: |"
echo "| sniff -w --pcapng | $plain |"
echo "| sniff -w --pcapng --process | $attrib |"
awk -v p="$plain" -v a="$attrib" 'BEGIN { printf "| ratio | %.3f |\n", a / p }'
[[ -z ${CG_KEEP:-} ]] || cp "$dir"/plain.cg "$dir"/attrib.cg "$CG_KEEP"/

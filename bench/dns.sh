#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench/dns.sh: decoding a DNS-heavy capture (bench's mix with every other packet a DNS query
# or answer over UDP), sockeye sniff -r against tcpdump -n -r in the same run, text at the
# default level and at -vv, and sockeye's JSON.  Prints a table of seconds and packets per
# second; the ratio column is tcpdump's time over sockeye's.
#
#   bench/dns.sh [BUILD_DIR] [PACKETS]      (defaults: ./build, 500000)
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd) || exit 1
n=${2:-500000}
SOCKEYE=$build/sockeye
PYTHON=${PYTHON:-/usr/bin/python3}
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT

die()
{
	echo "bench/dns.sh: $*" >&2
	exit 1
}

for c in tcpdump hyperfine jq "$PYTHON"; do
	command -v "$c" >/dev/null || die "$c not found"
done
[[ -x $SOCKEYE ]] || die "no sockeye in $build"
"$PYTHON" "$src/bench/sniff_gen.py" dnsmix "$dir/dns.pcap" "$n" || die "sniff_gen dnsmix"
# The same lines, or the bench compares different work.
cmp -s <("$SOCKEYE" sniff -n -r "$dir/dns.pcap" 2>/dev/null) <(tcpdump -n -r "$dir/dns.pcap" 2>/dev/null) ||
	echo "bench/dns.sh: note: sockeye's text differs from tcpdump -n's on this file" >&2

# mean seconds of a command, from hyperfine's JSON.
mean()
{
	hyperfine -N -w 1 -r 5 --export-json "$dir/h.json" --output null "$1" >/dev/null 2>&1 ||
		die "hyperfine failed: $1"
	jq -r '.results[0].mean' "$dir/h.json"
}

printf '| %-28s | %9s | %9s | %12s | %12s | %7s |\n' "level" "sockeye s" "tcpdump s" \
	"sockeye pkt/s" "tcpdump pkt/s" "ratio"
printf '| %s | %s | %s | %s | %s | %s |\n' --- ---: ---: ---: ---: ---:
for level in "" "-vv"; do
	s=$(mean "$SOCKEYE sniff -n $level -r $dir/dns.pcap")
	t=$(mean "tcpdump -n $level -r $dir/dns.pcap")
	awk -v l="text ${level:-default}" -v s="$s" -v t="$t" -v n="$n" 'BEGIN {
		printf "| %-28s | %9.3f | %9.3f | %12.0f | %12.0f | %6.1fx |\n", l, s, t, n / s, n / t, t / s }'
done
s=$(mean "$SOCKEYE -j sniff -r $dir/dns.pcap")
awk -v s="$s" -v n="$n" 'BEGIN {
	printf "| %-28s | %9.3f | %9s | %12.0f | %12s | %7s |\n", "sockeye -j (JSON)", s, "-", n / s, "-", "-" }'
echo
echo "$n packets ($((n / 2)) DNS), $(uname -r), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"

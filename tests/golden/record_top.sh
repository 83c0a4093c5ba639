#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# record_top.sh: how tests/golden/input/top_veth was made (run as root; not part of make check).
# A veth pair in two fresh namespaces carries a paced ping flood while `top --record`
# saves three raw samples from one side: the /proc text (softirqs, softnet_stat, stat,
# uptime, loadavg), the nodename, and the bytes of the RTM_GETLINK, ethtool and
# packet_diag dumps, the ethtool statistics and the packet sockets' owners; a
# `sockeye sniff` on that side gives the packet sockets panel a capture to show.
set -eu
SOCKEYE=${SOCKEYE:-./build/sockeye}
out=${1:-tests/golden/input/top_veth}
a=sky-rec-a; b=sky-rec-b
sniff=
trap '[ -n "$sniff" ] && kill $sniff; ip netns del $a 2>/dev/null; ip netns del $b 2>/dev/null' EXIT
ip netns add $a; ip netns add $b
ip -n $a link add va type veth peer name vb netns $b
for ns in $a $b; do ip netns exec $ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1; done
ip -n $a addr add 10.77.0.1/24 dev va; ip -n $b addr add 10.77.0.2/24 dev vb
ip -n $a link set va up; ip -n $b link set vb up; ip -n $b link set lo up
"$SOCKEYE" -N $b sniff -i vb -B 4M -w /dev/null 2>/dev/null &
sniff=$!
# Let both ends finish coming up (operstate) and the capture start before the first sample.
sleep 1
ip netns exec $a ping -q -c 400 -i 0.005 10.77.0.2 >/dev/null &
rm -rf "$out"
"$SOCKEYE" -N $b top -b -n 2 -d 0.5 --record "$out" >/dev/null
wait %2

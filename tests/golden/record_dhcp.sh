#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# record_dhcp.sh: how tests/golden/input/sniff_dhcp_live.pcap was made (root; not part of make
# check; needs dnsmasq and busybox).  dnsmasq serves DHCP in one namespace; busybox udhcpc in
# another gets a lease (discover, offer, request, ack), renews it and releases it; sockeye
# sniff records both directions on the client's veth.
set -eu
SOCKEYE=${SOCKEYE:-./build/sockeye}
out=${1:-tests/golden/input/sniff_dhcp_live.pcap}
. "$(dirname "$0")/record_lib.sh"
record_pair sky-rec-dhcp-srv sky-rec-dhcp-cli
ip -n $srv link set va address 02:00:00:00:67:01
ip -n $cli link set vb address 02:00:00:00:68:02
ip -n $srv addr add 10.67.0.1/24 dev va
ip -n $srv link set va up
ip -n $cli link set vb up
ip netns exec $srv dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts \
	--bind-interfaces --interface=va --port=0 --user=root --pid-file= --log-facility=- \
	--dhcp-range=10.67.0.50,10.67.0.60,255.255.255.0,1h --dhcp-leasefile=/dev/null \
	--dhcp-option=option:router,10.67.0.1 --dhcp-option=option:dns-server,10.67.0.1 \
	--dhcp-option=option:domain-name,example.test --dhcp-option=option:ntp-server,10.67.0.1 \
	--dhcp-option=121,10.99.0.0/16,10.67.0.1 --dhcp-authoritative --no-ping &
pids+=($!)
sleep 1
timeout 30 ip netns exec $cli "$SOCKEYE" sniff -i vb -w "$out" udp port 67 or udp port 68 2>/dev/null &
cap=$!
sleep 1
# -q: quit once leased; -R: release on quit; -x: a hostname and a vendor class option
timeout 10 ip netns exec $cli busybox udhcpc -i vb -n -q -R -t 3 -T 3 -s /bin/true \
	-x hostname:sky-client -V sockeye-test -O ntpsrv -O staticroutes >/dev/null 2>&1 || true
sleep 1
kill -INT $cap
wait $cap || true

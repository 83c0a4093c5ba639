#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# record_dns.sh: how tests/golden/input/sniff_dns_live.pcap was made (root; not part of make
# check; needs dnsmasq and dig).  dnsmasq serves a small zone in one namespace; dig in
# another asks it for A, AAAA (through a CNAME), MX, TXT, SRV, PTR, an A with +dnssec (DO),
# an AXFR over TCP and an A over TCP, and a name it does not have; sockeye sniff records
# both directions on the client's veth.
set -eu
SOCKEYE=${SOCKEYE:-./build/sockeye}
out=${1:-tests/golden/input/sniff_dns_live.pcap}
. "$(dirname "$0")/record_lib.sh"
record_pair sky-rec-dns-srv sky-rec-dns-cli
ip -n $srv addr add 10.53.0.1/24 dev va
ip -n $cli addr add 10.53.0.2/24 dev vb
ip -n $srv link set va up
ip -n $cli link set vb up
# the neighbours known first: no ARP in the capture
ip -n $cli neigh replace 10.53.0.1 lladdr "$(ip -n $srv -br link show va | awk '{print $3}')" dev vb
ip -n $srv neigh replace 10.53.0.2 lladdr "$(ip -n $cli -br link show vb | awk '{print $3}')" dev va
ip netns exec $srv dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts \
	--bind-interfaces --listen-address=10.53.0.1 --user=root --pid-file= --log-facility=- \
	--host-record=www.example.test,10.53.0.10,2001:db8::10 \
	--cname=alias.example.test,www.example.test \
	--mx-host=example.test,mail.example.test,10 \
	--txt-record=example.test,"v=spf1 -all","second string" \
	--srv-host=_sip._udp.example.test,sip.example.test,5060,10,60 \
	--ptr-record=10.0.53.10.in-addr.arpa,www.example.test \
	--auth-server=ns1.example.test,va --auth-zone=example.test \
	--auth-soa=2026120601,hostmaster.example.test,1200,120,604800 &
pids+=($!)
sleep 1
timeout 30 ip netns exec $cli "$SOCKEYE" sniff -i vb -w "$out" 2>/dev/null &
cap=$!
sleep 1
dig() { timeout 5 ip netns exec $cli dig @10.53.0.1 +tries=1 +time=2 "$@" >/dev/null || true; }
dig www.example.test A
dig alias.example.test AAAA
dig example.test MX
dig example.test TXT
dig _sip._udp.example.test SRV
dig -x 10.53.0.10
dig +dnssec www.example.test A
dig nope.example.test A
dig +tcp www.example.test A
dig example.test AXFR
sleep 1
kill -INT $cap
wait $cap || true

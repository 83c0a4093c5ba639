#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# record_lib.sh: what the live recorders (record_dns.sh, record_dhcp.sh) share: a server and a
# client namespace joined by a veth (va in the server's, vb in the client's), IPv4 only so
# that no router solicitation or MLD report lands in the capture, removed again at exit with
# every process started in $pids.
#   record_pair SRV CLI     makes the pair; sets srv and cli
pids=()
record_cleanup()
{
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	ip netns del "$srv" 2>/dev/null
	ip netns del "$cli" 2>/dev/null
}

record_pair()
{
	srv=$1
	cli=$2
	trap record_cleanup EXIT
	ip netns add "$srv"
	ip netns add "$cli"
	for n in "$srv" "$cli"; do
		ip netns exec "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
			net.ipv6.conf.default.disable_ipv6=1
		ip -n "$n" link set lo up
	done
	ip -n "$srv" link add va type veth peer name vb netns "$cli"
}

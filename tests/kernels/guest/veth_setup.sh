# SPDX-License-Identifier: GPL-2.0-or-later
# veth_setup.sh: what the guest tests share (source it after lib.sh; it is not a test): two
# namespaces A (va, 10.97.0.1) and B (vb, 10.97.0.2) joined by a veth pair, with static
# neighbours so no ARP packet moves a counter; mac_a, mac_b and tmp (removed at exit) set.

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.97.0.1/24
addr_add "$B" vb 10.97.0.2/24
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
ip -n "$A" neigh replace 10.97.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.97.0.1 lladdr "$mac_a" dev vb nud permanent
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

# send_udp N PORT: N one-line datagrams from A to B's PORT (bash's /dev/udp: one each).
send_udp()
{
	ns_exec "$A" bash -c 'for ((i = 0; i < $0; i++)); do echo x >/dev/udp/10.97.0.2/$1; done' \
		"$1" "$2" || fail "cannot send to 10.97.0.2:$2"
}

# udp_noports: the kernel's Udp NoPorts counter in B (datagrams to a closed port).
udp_noports()
{
	ns_exec "$B" awk '$1 == "Udp:" && $2 != "InDatagrams" { print $3 }' /proc/net/snmp
}

# link_stat NS IFACE DIR FIELD: a counter of ip -s -j link (DIR rx or tx, FIELD packets ...).
link_stat()
{
	ip -n "$1" -s -j link show "$2" | jq -r ".[0].stats64.$3.$4"
}

# SPDX-License-Identifier: GPL-2.0-or-later
# bench/lib.sh: what the bench scripts share, sourced by them.

# veth_pair NS1 NS2: makes both namespaces (when missing) joined by a veth pair, va in NS1
# and vb in NS2, both up with their namespace's lo, IPv6 off on the pair so no router or
# neighbour solicitation lands in a count.  Returns non-zero when a step fails.
veth_pair()
{
	local ns

	for ns in "$1" "$2"; do
		[[ -e /run/netns/$ns ]] || ip netns add "$ns" || return 1
	done
	ip -n "$1" link add va type veth peer name vb netns "$2" || return 1
	set -- "$1" va "$2" vb
	while (($#)); do
		ip netns exec "$1" sysctl -qw "net.ipv6.conf.$2.disable_ipv6=1" &&
			ip -n "$1" link set "$2" up && ip -n "$1" link set lo up || return 1
		shift 2
	done
}

# pair_cleanup DIR NS1 NS2: what a veth_pair benchmark leaves, for its EXIT trap: the processes
# in the caller's pids array, both namespaces and DIR ("" for none).
pair_cleanup()
{
	local p

	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null
	done
	ip netns del "$2" 2>/dev/null
	ip netns del "$3" 2>/dev/null
	[[ -z $1 ]] || rm -rf "$1"
}

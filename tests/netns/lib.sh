# SPDX-License-Identifier: GPL-2.0-or-later
# lib.sh: shared helpers for the netns integration tests (source it; it is not a test).
#
# Every test makes its own namespaces and veth pairs with unique names and gets
# them removed by the EXIT/INT/TERM trap, pass or fail:
#
#	. "$top_srcdir/tests/netns/lib.sh"
#	need_root
#	need_cmd ping
#	netns_new ns1
#	netns_new ns2
#	veth_pair "$ns1" va "$ns2" vb
#	addr_add "$ns1" va 10.99.0.1/24
#	addr_add "$ns2" vb 10.99.0.2/24
#	ns_exec "$ns2" some-daemon & register_pid $!
#	out=$(mktemp); register_file "$out"
#	ns_exec "$ns1" ping -c 3 10.99.0.2 || fail "no reply from 10.99.0.2"
#
# The environment gives SOCKEYE (the binary), top_srcdir and top_builddir.
# Created veths have IPv6 disabled so no ND/MLD packet moves the counters a test
# checks; set NETNS_KEEP_IPV6=1 before veth_pair to keep it.

: "${SOCKEYE:=${top_builddir:-.}/sockeye}"
NETNS_TEST=$(basename "$0" .sh)
NETNS_PREFIX=sky-$$-
netns_count=0
netns_created=()
netns_pids=()
netns_files=()

# "FAIL: test: MSG" on stderr, exit 1 (the trap cleans up).
fail()
{
	echo "FAIL: $NETNS_TEST: $*" >&2
	exit 1
}

# "SKIP: test: MSG", exit 77 (automake's skip).
skip()
{
	echo "SKIP: $NETNS_TEST: $*"
	exit 77
}

need_cmd()
{
	local c

	for c; do
		command -v "$c" >/dev/null 2>&1 || skip "$c not found (install it to run this test)"
	done
}

# Root, and an `ip netns` that can really make a namespace (not in every container).
need_root()
{
	local probe=${NETNS_PREFIX}probe

	[[ $(id -u) -eq 0 ]] || skip "needs root (run make check as root)"
	need_cmd ip
	ip netns add "$probe" 2>/dev/null || skip "ip netns add fails here (no CAP_SYS_ADMIN?)"
	ip netns del "$probe"
}

# Runs cleanup on every way out; the exit status of the test is kept.
cleanup()
{
	local rc=$? pid ns

	trap - EXIT INT TERM
	for pid in "${netns_pids[@]}"; do
		# `ns_exec ... &` makes $! a subshell: its children (the real process) go first.
		pkill -TERM -P "$pid" 2>/dev/null
		kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	done
	# Deleting a namespace takes its veth ends with it.
	for ns in "${netns_created[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	[[ ${#netns_files[@]} -eq 0 ]] || rm -rf -- "${netns_files[@]}"
	return "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The tests share the host's network stack: each holds this lock shared for its whole run, and a
# test that sets a host-wide knob costing the others packets (why_softnet's netdev_max_backlog
# of 2 drops any other test's burst) takes it alone with host_exclusive.
exec 8>>/run/sockeye-test-host.lock
flock -s 8 2>/dev/null || true

# host_exclusive [SECONDS]: waits (180 s at most) until no other test runs; 1 if it never did.
host_exclusive()
{
	flock -u 8 && flock -x -w "${1:-180}" 8
}

# A background process to kill at cleanup: cmd & register_pid $!
register_pid()
{
	netns_pids+=("$1")
}

# A temporary file or directory to remove at cleanup.
register_file()
{
	netns_files+=("$1")
}

# netns_new VAR: a new namespace named sky-PID-N, its name stored in VAR, lo up.
netns_new()
{
	local name

	netns_count=$((netns_count + 1))
	name=$NETNS_PREFIX$netns_count
	ip netns add "$name" || fail "ip netns add $name failed"
	netns_created+=("$name")
	ip -n "$name" link set lo up || fail "cannot bring lo up in $name"
	printf -v "$1" %s "$name"
}

ns_exec()
{
	local ns=$1

	shift
	ip netns exec "$ns" "$@"
}

# Switches IPv6 off on IF in NS before it comes up (no-op without IPv6 in the kernel).
ipv6_off()
{
	[[ -d /proc/sys/net/ipv6 ]] || return 0
	ns_exec "$1" sysctl -qw "net.ipv6.conf.$2.disable_ipv6=1" ||
		fail "cannot disable IPv6 on $2 in $1"
}

# veth_pair NS_A IF_A NS_B IF_B: a veth pair from IF_A in NS_A to IF_B in NS_B, both
# up.  Both ends are created inside their namespaces, so the names cannot clash with
# the host's or another test's interfaces.
veth_pair()
{
	local ns_a=$1 a=$2 ns_b=$3 b=$4

	((${#a} <= 15 && ${#b} <= 15)) || fail "interface name $a or $b longer than 15 characters"
	ip -n "$ns_a" link add "$a" type veth peer name "$b" netns "$ns_b" ||
		fail "cannot create veth pair $ns_a/$a - $ns_b/$b"
	if [[ -z ${NETNS_KEEP_IPV6:-} ]]; then
		ipv6_off "$ns_a" "$a"
		ipv6_off "$ns_b" "$b"
	fi
	link_up "$ns_a" "$a"
	link_up "$ns_b" "$b"
}

link_up()
{
	ip -n "$1" link set "$2" up || fail "cannot bring $2 up in $1"
}

# addr_add NS IF ADDR/PLEN
addr_add()
{
	ip -n "$1" addr add "$3" dev "$2" || fail "cannot add $3 to $2 in $1"
}

# wait_until SECONDS CMD...: polls CMD every 0.1 s; false when it never succeeds.
wait_until()
{
	local deadline=$((SECONDS + $1))

	shift
	until "$@"; do
		((SECONDS < deadline)) || return 1
		sleep 0.1
	done
}

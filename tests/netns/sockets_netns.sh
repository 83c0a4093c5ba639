#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_netns.sh: -N and --all-netns: named namespaces and one only a process is in, each
# once, the namespace as a column, the root one as "root"; the original namespace is kept for
# the process lookup.
. "$top_srcdir/tests/netns/lib.sh"
need_root
need_cmd jq unshare
SOCKFARM=$top_builddir/tests/tools/sockfarm
[[ -x $SOCKFARM ]] || skip "tests/tools/sockfarm is not built"

tmp=$(mktemp -d) || exit 99
register_file "$tmp"
netns_new ns1
netns_new ns2

start()
{
	local name=$1

	shift
	: >"$tmp/$name"
	"$@" >"$tmp/$name" 2>&1 &
	register_pid $!
	wait_until 10 grep -q '^ready' "$tmp/$name" || fail "$*: $(cat "$tmp/$name")"
}

start a ip netns exec "$ns1" "$SOCKFARM" backlog 127.0.0.1 7101 8 1
start b ip netns exec "$ns2" "$SOCKFARM" backlog 127.0.0.1 7102 8 2
# A namespace no name points to: only this process is in it.
start c unshare -n sh -c 'ip link set lo up && exec "$0" backlog 127.0.0.1 7103 8 3' "$SOCKFARM"
anon=$(stat -L -c %i "/proc/$(awk '$1 == "ready" { print $2 }' "$tmp/c")/ns/net")

json=$("$SOCKEYE" -j sockets -tl --all-netns) || fail "sockets --all-netns failed"
got=$(jq -r '.sockets[] | select(.local_port >= 7101 and .local_port <= 7103) |
	"\(.netns) \(.local_port) \(.recv_q)"' <<<"$json" | sort)
want=$(printf '%s\n' "$ns1 7101 1" "$ns2 7102 2" "net:[$anon] 7103 3" | sort)
[[ $got == "$want" ]] || fail "--all-netns: want
$want
got
$got"
# Each namespace once: the named ones are not listed again as a process's namespace.
n=$(jq -r '[.sockets[].netns] | unique | map(select(. == "'"$ns1"'")) | length' <<<"$json")
[[ $n -eq 1 ]] || fail "$ns1 listed under $n names"
jq -e '[.sockets[].netns] | map(select(. == "net:['"$(stat -L -c %i /run/netns/"$ns1")"']")) |
	length == 0' <<<"$json" >/dev/null || fail "$ns1 also listed by inode"

# The root namespace (init's, ours here) is "root", as ip netns has no name for it; a UNIX
# socket held there shows it.
self=$(stat -L -c %i /proc/self/ns/net)
root=$(stat -L -c %i /proc/1/ns/net 2>/dev/null) || root=$((0xEFFFFFF9))
want=root
[[ $self -eq $root ]] || want="net:[$self]"
start r "$SOCKFARM" unix "$tmp/root.sock" 1
got=$("$SOCKEYE" -j sockets -xa --all-netns src "$tmp/root.sock" |
	jq -r '[.sockets[].netns] | unique | join(",")')
[[ $got == "$want" ]] || fail "--all-netns names our namespace '$got', want '$want'"
jq -e '[.sockets[].netns] | map(select(. == "net:['"$root"']")) | length == 0' <<<"$json" \
	>/dev/null || fail "the root namespace listed by inode: net:[$root]"

# Text: the Netns column first.
line=$("$SOCKEYE" sockets -tlH --all-netns sport = :7102)
[[ $line =~ ^$ns2\ +LISTEN\ +2\ +8\ +127\.0\.0\.1:7102 ]] || fail "text line: '$line'"

# -N after the command, and the global one: only that namespace.
for args in "-N $ns2 sockets -tl" "sockets -tl -N $ns2" "sockets -tl --netns $ns2"; do
	# shellcheck disable=SC2086
	got=$("$SOCKEYE" -j $args | jq -r '[.sockets[].local_port] | join(" ")')
	[[ $got == 7102 ]] || fail "sockeye $args: listeners '$got', want 7102"
done

# -p with --all-netns finds owners in every namespace (one pass over /proc).
got=$("$SOCKEYE" -j sockets -tlp --all-netns sport = :7101 or sport = :7103 |
	jq -r '.sockets[] | "\(.local_port) \(.processes[0].comm)"' | sort | paste -sd,)
[[ $got == "7101 sockfarm,7103 sockfarm" ]] || fail "-p --all-netns: '$got'"

# Errors: a namespace that does not exist; -N with --all-netns.
"$SOCKEYE" sockets -N sky-nosuch-ns >/dev/null 2>"$tmp/err"
rc=$?
[[ $rc -eq 1 && $(<"$tmp/err") == *"sky-nosuch-ns: no such network namespace"* ]] ||
	fail "-N sky-nosuch-ns: exit $rc: $(<"$tmp/err")"
"$SOCKEYE" sockets -N "$ns1" --all-netns >/dev/null 2>"$tmp/err"
rc=$?
[[ $rc -eq 2 ]] || fail "-N with --all-netns: exit $rc: $(<"$tmp/err")"
echo "PASS: $NETNS_TEST"

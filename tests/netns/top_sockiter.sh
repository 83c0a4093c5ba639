#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_sockiter.sh: top's sockets panel from the BPF iterators (iter/tcp, iter/udp) and from
# sock_diag (SOCKEYE_SOCKITER=off): the same fullest sockets among many idle ones, -v says
# which path, and -N gets the iterators of the namespace it names.
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root
need_cmd jq
need_cmd python3

IDLE=2000	# idle TCP connections (4000 sockets)

netns_new A
ip -n "$A" link set lo up
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

ip netns exec "$A" bash -c "ulimit -n 8192 && exec python3 \"\$0\" $IDLE \"\$1\"" \
	"$top_srcdir/tests/netns/top_sockiter_socks.py" "$tmp/ready" &
register_pid $!
wait_until 60 test -s "$tmp/ready" || fail "the sockets did not open"

# The panel's rows (JSON) and top's -v lines, from the path SOCKEYE_SOCKITER says.
panel()
{
	SOCKEYE_SOCKITER=$1 timeout 60 "$SOCKEYE" -N "$A" top -b -j -v --panels sockets \
		>"$tmp/$1.json" 2>"$tmp/$1.err" || fail "top ($1): $(cat "$tmp/$1.err")"
	jq -c '.sockets[] | del(.processes)' "$tmp/$1.json" >"$tmp/$1.rows" ||
		fail "top ($1): not JSON"
}

panel on
if ! grep -q "sockets panel: TCP and UDP from BPF iterators" "$tmp/on.err"; then
	grep -q "sockets panel: every table from sock_diag (BPF iterators: " "$tmp/on.err" ||
		fail "-v does not say where the sockets panel reads: $(cat "$tmp/on.err")"
	skip "the BPF iterators do not load here: $(grep 'sockets panel' "$tmp/on.err")"
fi
panel off
grep -q "sockets panel: every table from sock_diag (BPF iterators: SOCKEYE_SOCKITER=off)" \
	"$tmp/off.err" || fail "SOCKEYE_SOCKITER=off: $(grep 'sockets panel' "$tmp/off.err")"

# 3 TCP Recv-Q, 2 UDP, 1 listener's accept queue: nothing else of the 4000 idle.
n=$(wc -l <"$tmp/on.rows")
[[ $n -eq 6 ]] || fail "iterators: $n rows, want 6: $(cat "$tmp/on.rows")"
diff -u "$tmp/off.rows" "$tmp/on.rows" >&2 || fail "the iterators' rows differ from sock_diag's"
want='3000 2000 1000 3'
got=$(jq -r '[.sockets[] | select(.netid == "tcp") | .recv_q] | join(" ")' "$tmp/on.json")
[[ $got == "$want" ]] || fail "TCP Recv-Q '$got', want '$want' (fullest first)"
# The owners come from /proc in both paths.
[[ $(jq '[.sockets[] | select(.processes[0].comm == "python3")] | length' "$tmp/on.json") \
	-eq 6 ]] || fail "iterators: rows without their process"

# The iterators' walks are no sock_diag dumps: raw (2) and unix (1) only.
grep -q "^sockeye: top: sample 1: 3 sock_diag dumps$" "$tmp/on.err" ||
	fail "iterators: $(grep sample "$tmp/on.err")"
grep -q "^sockeye: top: sample 1: 6 sock_diag dumps$" "$tmp/off.err" ||
	fail "sock_diag: $(grep sample "$tmp/off.err")"
exit 0

# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_lib.sh: what the sniff netns tests share (source it after lib.sh; it is not a test).
#
# sniff_setup makes ns1 and ns2 joined by va (10.99.0.1) - vb (10.99.0.2); the
# frames pktsend.py sends from va arrive on vb, where sniff listens.

PKTSEND=$top_srcdir/tests/netns/pktsend.py
# Debian's interpreter when there, not a slower wrapper (pyenv shims) found first on PATH.
PYTHON=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}

sniff_setup()
{
	need_root
	need_cmd "${PYTHON:-python3}" jq timeout
	netns_new ns1
	netns_new ns2
	veth_pair "$ns1" va "$ns2" vb
	addr_add "$ns1" va 10.99.0.1/24
	addr_add "$ns2" vb 10.99.0.2/24
}

# A temporary directory removed at exit, in $tmp.
sniff_tmpdir()
{
	tmp=$(mktemp -d) || fail "mktemp failed"
	register_file "$tmp"
}

# Packet sockets in NS that are bound and running: sniff's rings, once capturing.
bound_sockets()
{
	ns_exec "$1" awk 'NR > 1 && $4 != "0000" && $6 == 1' /proc/net/packet | wc -l
}

sockets_at_least()
{
	[[ $(bound_sockets "$1") -ge $2 ]]
}

# wait_sniffing NS N: until N packet sockets are bound in NS (sniff is capturing).
wait_sniffing()
{
	wait_until 10 sockets_at_least "$1" "$2" ||
		fail "sniff did not start capturing in $1 within 10 s"
}

# send NS IFACE ARGS...: pktsend.py from IFACE in NS.
send()
{
	local ns=$1

	shift
	ns_exec "$ns" "$PYTHON" "$PKTSEND" "$@" || fail "pktsend.py $* failed"
}

# sniff_bg NS OUT ERR ARGS...: sockeye ARGS in NS in the background, bounded to 30 s;
# its pid in sniff_pid.
sniff_bg()
{
	local ns=$1 out=$2 err=$3

	shift 3
	ns_exec "$ns" timeout -s INT 30 "$SOCKEYE" "$@" >"$out" 2>"$err" &
	sniff_pid=$!
	register_pid "$sniff_pid"
}

# sniff_wait: waits for sniff_bg's sockeye and fails unless it exited with STATUS (0).
sniff_wait()
{
	local want=${1:-0} rc

	wait "$sniff_pid"
	rc=$?
	[[ $rc -eq $want ]] || fail "sockeye exited with $rc, not $want: $(head -c 600 "$err")"
}

# packets_in FILE...: the packets tcpdump reads in the files (sniff_tmpdir first); fails on a
# file tcpdump finds incomplete.  Each packet's line starts with its time; a port tcpdump guesses
# a protocol of (3503 is LSP ping) may add indented lines.  In $(...), add || exit 1.
packets_in()
{
	local f n=0

	for f; do
		tcpdump -nn -r "$f" >"$tmp/tcpdump.out" 2>"$tmp/tcpdump.err" ||
			fail "tcpdump cannot read $f: $(cat "$tmp/tcpdump.err")"
		grep -q "truncated\|invalid\|error" "$tmp/tcpdump.err" &&
			fail "tcpdump -r $f: $(cat "$tmp/tcpdump.err")"
		n=$((n + $(grep -c '^[0-9]' "$tmp/tcpdump.out")))
	done
	echo "$n"
}

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_watch_memory.sh: `sockets --watch` keeps the fullest --rows sockets as compact copies,
# not every socket of the host: its peak RSS with 8000 sockets stays under a bound that the
# whole-snapshot formatting exceeds, and the rows it keeps are the fullest, fullest first.
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root
need_cmd jq
need_cmd python3

IDLE=4000			# idle TCP connections: 8000 sockets
LIMIT_KIB=$((24 * 1024))	# the whole snapshot formatted: some 35 MiB

netns_new A
ip -n "$A" link set lo up
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

ip netns exec "$A" bash -c "ulimit -n 12000 && exec python3 \"\$0\" $IDLE \"\$1\"" \
	"$top_srcdir/tests/netns/top_sockiter_socks.py" "$tmp/ready" &
register_pid $!
wait_until 60 test -s "$tmp/ready" || fail "the sockets did not open"

cat >"$tmp/maxrss.py" <<'EOF2'
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    rc = subprocess.call(sys.argv[2:], stdout=out)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(rc)
EOF2

# Every column there is (-p -e -m -i), five refreshes.
kib=$(python3 "$tmp/maxrss.py" "$tmp/watch.json" timeout 60 "$SOCKEYE" -N "$A" -j sockets \
	-p -e -m -i --watch=0.1 --count 5 2>"$tmp/err") || fail "sockets --watch: $(cat "$tmp/err")"
[[ $kib =~ ^[0-9]+$ ]] || fail "no peak RSS measured: $kib"
echo "peak RSS $kib KiB (limit $LIMIT_KIB)"
[[ $(wc -l <"$tmp/watch.json") -eq 5 ]] || fail "not 5 snapshots: $(wc -l <"$tmp/watch.json")"
[[ $kib -lt $LIMIT_KIB ]] || fail "peak RSS $kib KiB, not under $LIMIT_KIB KiB"

# The default 1000 rows of the 8000+ connected sockets (unconnected UDP is not), the fullest
# first, with owners.
last=$(tail -n 1 "$tmp/watch.json")
total=$(jq .sockets_total <<<"$last")
[[ $total -ge $((2 * IDLE)) ]] || fail "sockets_total $total, want at least $((2 * IDLE))"
[[ $(jq .sockets_shown <<<"$last") -eq 1000 ]] || fail "sockets_shown not 1000"
[[ $(jq '.sockets | length' <<<"$last") -eq 1000 ]] || fail "not 1000 rows"
got=$(jq -r '[.sockets[0:4][] | "\(.netid):\(.recv_q)"] | join(" ")' <<<"$last")
want="tcp:3000 tcp:2000 tcp:1000 tcp:0"
[[ $got == "$want" ]] || fail "the fullest: '$got', want '$want'"
jq -e '.sockets[0].processes[0].comm == "python3"' <<<"$last" >/dev/null ||
	fail "the rows lack their owners"

# --rows 0: every socket, as before.
"$SOCKEYE" -N "$A" -j sockets --watch=0.1 --count 1 --rows 0 >"$tmp/all.json" ||
	fail "--rows 0 failed"
[[ $(jq '.sockets | length' "$tmp/all.json") -eq $total ]] || fail "--rows 0: not every socket"
"$SOCKEYE" sockets --rows 3 >/dev/null 2>"$tmp/err"
[[ $? -eq 2 ]] && grep -q "^sockeye: sockets: --rows goes with --watch$" "$tmp/err" ||
	fail "--rows without --watch: $(cat "$tmp/err")"
exit 0

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sockets_watch.sh: --watch: the live view in a tmux pane (fullest Recv-Q first, q quits) and
# batch snapshots without a terminal (one NDJSON document each, --count of them).
. "$top_srcdir/tests/netns/lib.sh"
need_root
need_cmd tmux jq
SOCKFARM=$top_builddir/tests/tools/sockfarm
[[ -x $SOCKFARM ]] || skip "tests/tools/sockfarm is not built"

tmp=$(mktemp -d) || exit 99
register_file "$tmp"
sock=sockeye-sockets-tui-$$
tmx()
{
	tmux -L "$sock" "$@"
}
watch_cleanup()
{
	local rc=$?

	tmx kill-server 2>/dev/null
	(exit "$rc")
	cleanup
}
trap watch_cleanup EXIT
netns_new ns

# Listeners with 2 and 5 connections waiting: IPv4 then IPv6, the order of the dump (the
# kernel's IPv4 table comes first), which is not the fullest first.
for spec in "127.0.0.1 7201 2" "::1 7202 5"; do
	set -- $spec
	: >"$tmp/$2"
	ip netns exec "$ns" "$SOCKFARM" backlog "$1" "$2" 8 "$3" >"$tmp/$2" 2>&1 &
	register_pid $!
	wait_until 10 grep -q '^ready' "$tmp/$2" || fail "sockfarm: $(cat "$tmp/$2")"
done
got=$("$SOCKEYE" -N "$ns" -j sockets -tl | jq -c '[.sockets[].recv_q]')
[[ $got == "[2,5]" ]] || fail "a snapshot lists Recv-Q $got, want the dump order [2,5]"

# Batch: three NDJSON documents, each with both listeners, fullest first as the live view
# sorts them, and a time.
"$SOCKEYE" -N "$ns" -j sockets -tl --watch=0.1 --count 3 >"$tmp/ndjson" || fail "batch watch failed"
[[ $(wc -l <"$tmp/ndjson") -eq 3 ]] || fail "batch watch: $(wc -l <"$tmp/ndjson") lines, want 3"
jq -e -s 'length == 3 and all(.[]; .type == "sockets" and (.ts_ns | type) == "number" and
	[.sockets[].recv_q] == [5, 2])' "$tmp/ndjson" >/dev/null ||
	fail "batch watch documents: $(cat "$tmp/ndjson")"
# Sorted rows keep their details (the owners): the held JSON is written back whole.
"$SOCKEYE" -N "$ns" -j sockets -tlp --watch=0.1 --count 1 >"$tmp/procs" || fail "watch -p failed"
jq -e '[.sockets[] | "\(.recv_q) \(.processes | length) \(.processes[0].comm)"] ==
	["5 1 sockfarm", "2 1 sockfarm"]' "$tmp/procs" >/dev/null || fail "watch -p: $(cat "$tmp/procs")"
# Text with -b: two blocks, the fuller listener first in each.
"$SOCKEYE" -N "$ns" sockets -tlH -b --watch=0.1 --count 2 >"$tmp/text" || fail "watch -b failed"
got=$(awk 'NF { print $2 }' "$tmp/text" | paste -sd' ')
[[ $got == "5 2 5 2" ]] || fail "watch -b Recv-Q column: '$got', want '5 2 5 2':
$(cat "$tmp/text")"

# Live: the listener with the fuller accept queue comes first.
tmx new-session -d -s watch -x 120 -y 20 \
	"$SOCKEYE -N $ns sockets -tl --watch=0.2; echo exited \$? >$tmp/exit; sleep 30"
screen()
{
	tmx capture-pane -p -t watch:0.0
}
wait_until 10 bash -c "tmux -L $sock capture-pane -p -t watch:0.0 | grep -q 127.0.0.1:7201" ||
	fail "the live view never showed the listeners: $(screen)"
screen | grep -qF '[sort Recv-Q desc]' || fail "not sorted by Recv-Q: $(screen)"
first=$(screen | grep -m1 -oE '(127\.0\.0\.1|\[::1\]):720[12]')
[[ $first == "[::1]:7202" ]] || fail "first row is $first, want the fuller [::1]:7202"
tmx send-keys -t watch:0.0 q
wait_until 10 test -s "$tmp/exit" || fail "q did not end the live view"
[[ $(<"$tmp/exit") == "exited 0" ]] || fail "live view: $(<"$tmp/exit")"
echo "PASS: $NETNS_TEST"

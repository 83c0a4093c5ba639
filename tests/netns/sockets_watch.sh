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

# Listeners with 2 and 5 connections waiting, started in that order.
for spec in "7201 2" "7202 5"; do
	set -- $spec
	: >"$tmp/$1"
	ip netns exec "$ns" "$SOCKFARM" backlog 127.0.0.1 "$1" 8 "$2" >"$tmp/$1" 2>&1 &
	register_pid $!
	wait_until 10 grep -q '^ready' "$tmp/$1" || fail "sockfarm: $(cat "$tmp/$1")"
done

# Batch: three NDJSON documents, each with both listeners and a time.
"$SOCKEYE" -N "$ns" -j sockets -tl --watch=0.1 --count 3 >"$tmp/ndjson" || fail "batch watch failed"
[[ $(wc -l <"$tmp/ndjson") -eq 3 ]] || fail "batch watch: $(wc -l <"$tmp/ndjson") lines, want 3"
jq -e -s 'length == 3 and all(.[]; .type == "sockets" and (.ts_ns | type) == "number" and
	([.sockets[].recv_q] | sort) == [2, 5])' "$tmp/ndjson" >/dev/null ||
	fail "batch watch documents: $(cat "$tmp/ndjson")"

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
first=$(screen | grep -m1 -oE '127\.0\.0\.1:720[12]')
[[ $first == 127.0.0.1:7202 ]] || fail "first row is $first, want the fuller 127.0.0.1:7202"
tmx send-keys -t watch:0.0 q
wait_until 10 test -s "$tmp/exit" || fail "q did not end the live view"
[[ $(<"$tmp/exit") == "exited 0" ]] || fail "live view: $(<"$tmp/exit")"
echo "PASS: $NETNS_TEST"

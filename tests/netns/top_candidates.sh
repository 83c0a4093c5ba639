#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# top_candidates.sh: top's sockets panel between its walks.  With BPF, the TCP and UDP sockets
# whose queue grows are noted as candidates (socktrack.bpf.c) and each refresh reads them
# again: a socket whose reader stops shows within one refresh of the panel (1 s) while the
# walk of every socket runs once in the whole run (every 30 s or more); a socket full since
# before top started shows from the first walk on and stays; one whose queue empties leaves
# at the next refresh; a sender's Send-Q shows too where the kernel has sock_send_length.
. "${top_srcdir:-.}/tests/netns/lib.sh"

need_root
need_cmd jq
need_cmd python3

netns_new A
ip -n "$A" link set lo up
tmp=$(mktemp -d) || fail "mktemp failed"
register_file "$tmp"

ip netns exec "$A" python3 "$top_srcdir/tests/netns/top_candidates_socks.py" "$tmp" &
register_pid $!
wait_until 20 test -s "$tmp/ready" || fail "the sockets did not open"
read -r early late <"$tmp/ports"

# 0.5 s refreshes, the panel's every 1 s (2 samples), 15 s in all.
timeout 60 "$SOCKEYE" -N "$A" top -b -j -vv -d 0.5 -n 30 --panels sockets >"$tmp/out" \
	2>"$tmp/err" &
top_pid=$!
register_pid "$top_pid"
wait_until 20 test -s "$tmp/out" || fail "top printed nothing: $(grep -v libbpf "$tmp/err")"
if ! grep -q "and between their walks from the candidates their queues noted" "$tmp/err"; then
	# Without BPF (or its iterators, or the tracepoint) top walks every time: -v says why.
	grep -Eq "sockets panel: (every table from sock_diag \(BPF iterators: |.* at each dump \(candidates: )" \
		"$tmp/err" && skip "no candidates here: $(grep 'sockets panel' "$tmp/err")"
	fail "-v does not say the sockets panel reads candidates: $(grep 'sockets panel' "$tmp/err")"
fi
sends=0
grep -q "candidates their queues noted (sk_data_ready, sock_send_length)" "$tmp/err" && sends=1

# The row of an established TCP socket on PORT with Recv-Q RECVQ in sample (line) N, or any.
row()	# N PORT RECVQ
{
	sed -n "$1p" "$tmp/out" | jq -e --argjson p "$2" --argjson q "$3" \
		'[.sockets[] | select(.netid == "tcp" and .state == "ESTAB" and .local_port == $p
			and .recv_q == $q)] | length == 1' >/dev/null
}
lines() { wc -l <"$tmp/out"; }
# Polled by wait_until: at least N samples printed.
has_lines() { (($(lines) >= $1)); }

# Full before top started: from the first sample, the first walk's.
row 1 "$early" 3000 || fail "the socket full before top started is not in the first sample"

# The reader stops: in a sample no later than the panel's next refresh (2 samples, and the one
# being written when the data arrived).
((sends)) && echo send >"$tmp/go.tmp" || echo recv >"$tmp/go.tmp"
mv "$tmp/go.tmp" "$tmp/go"
wait_until 10 test -s "$tmp/sent" || fail "the late data was not sent"
n0=$(lines)
wait_until 10 has_lines $((n0 + 3)) || fail "top stopped printing"
found=0
for ((i = n0 + 1; i <= n0 + 3; i++)); do
	row "$i" "$late" 5000 && found=1 && break
done
((found)) || fail "the socket whose reader stopped is not in samples $((n0 + 1))-$((n0 + 3)):" \
	"$(sed -n "$((n0 + 1)),$((n0 + 3))p" "$tmp/out" | jq -c '[.sockets[] | [.local_port, .recv_q, .send_q]]')"
if ((sends)); then
	sender=$(cat "$tmp/sender")
	sed -n "$((n0 + 1)),$((n0 + 3))p" "$tmp/out" | jq -e --argjson p "$sender" -s \
		'[.[].sockets[] | select(.netid == "tcp" and .local_port == $p and .send_q > 0)] |
		length >= 1' >/dev/null ||
		fail "the sender's Send-Q is not in samples $((n0 + 1))-$((n0 + 3))"
fi

# The reader reads again: the socket leaves at the next refresh.
touch "$tmp/drain"
wait_until 10 test -s "$tmp/drained" || fail "the late data was not read"
n1=$(lines)
wait_until 10 has_lines $((n1 + 3)) || fail "top stopped printing"
row $((n1 + 3)) "$late" 5000 && fail "the socket whose queue emptied is still a row"
row $((n1 + 3)) "$early" 3000 || fail "the early socket left the rows between walks"
wait "$top_pid" || fail "top failed: $(grep -v libbpf "$tmp/err" | tail -n 3)"

# All of it between walks: one walk (the first sample's), the rest from the candidates.
walks=$(grep -c "sockets panel: walk and owners .* us of CPU: every [0-9]* s" "$tmp/err")
[[ $walks -eq 1 ]] || fail "$walks walks of every socket in 15 s, want 1 (the candidates between)"
period=$(sed -n 's/.*sockets panel: walk and owners .* us of CPU: every \([0-9]*\) s$/\1/p' "$tmp/err")
((period >= 30)) || fail "the walk period is not 30 s or more: $(grep 'walk and' "$tmp/err")"
grep -q "sockets panel: [0-9]* candidates read again" "$tmp/err" ||
	fail "no refresh read the candidates: $(grep 'sockets panel' "$tmp/err")"
exit 0

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_process.sh: two processes of different names in different cgroups send TCP and UDP
# over IPv4 and IPv6, one started before sockeye: each packet of theirs names the right one
# (JSON, --process's column, pcapng comments through tshark); --pid and --comm keep one's.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/sniff_lib.sh"
. "$top_srcdir/tests/netns/attrib_lib.sh"

attrib_setup
out=$tmp/out err=$tmp/err
N=300
owners=("alpha:$cgrel/alpha:$tmp/alpha.ports" "beta:$cgrel/beta:$tmp/beta.ports")

# ---- JSON: alpha connected before sockeye started, beta after ------------------------------
flows_bg alpha alpha "$tmp/go1" $N
alpha_pid=$flows_pid
attrib_sniff "$out" "$err" -j sniff -i va
attrib_ready 1
flows_bg beta beta "$tmp/go1" $N
touch "$tmp/go1"
wait "$alpha_pid" || fail "alpha failed"
wait "$flows_pid" || fail "beta failed"
sleep 0.3
kill -INT "$sniff_pid"
sniff_wait
"$PYTHON" "$CHECK" "$out" 10.99.0.1 fd00:99::1 "${owners[@]}" ||
	fail "JSON attribution: $(head -c 300 "$err")"
# (Not evicted == 0: a test elsewhere on the host may hold more sockets than the table.)
jq -e 'select(.type == "stats") | .attribution[0] | .scanned >= 4 and .events >= 4 and
	.events_lost == 0' "$out" >/dev/null ||
	fail "stats: $(tail -1 "$out")"
rm -f "$tmp"/*.ports

# ---- --pid: alpha's packets only, every one of its UDP datagrams ---------------------------
flows_bg alpha alpha "$tmp/go2" $N
alpha_pid=$flows_pid
attrib_sniff "$out" "$err" -j sniff -i va --pid "$alpha_pid"
attrib_ready 1
flows_bg beta beta "$tmp/go2" $N
touch "$tmp/go2"
wait "$alpha_pid" || fail "alpha failed"
wait "$flows_pid" || fail "beta failed"
sleep 0.3
kill -INT "$sniff_pid"
sniff_wait
"$PYTHON" "$CHECK" "$out" 10.99.0.1 fd00:99::1 "${owners[@]}" --only alpha --udp-count $N ||
	fail "--pid $alpha_pid"
rm -f "$tmp"/*.ports

# ---- --comm and --cgroup compose with the expression: beta's UDP only -----------------------
flows_bg alpha alpha "$tmp/go3" $N
alpha_pid=$flows_pid
attrib_sniff "$out" "$err" -j sniff -i va --comm beta --cgroup "$cgrel/beta" udp
attrib_ready 1
flows_bg beta beta "$tmp/go3" $N
touch "$tmp/go3"
wait "$alpha_pid" || fail "alpha failed"
wait "$flows_pid" || fail "beta failed"
sleep 0.3
kill -INT "$sniff_pid"
sniff_wait
"$PYTHON" "$CHECK" "$out" 10.99.0.1 fd00:99::1 "${owners[@]}" --only beta --udp-count $N ||
	fail "--comm beta --cgroup $cgrel/beta udp"
tcp=$(jq -c 'select(.type == "packet") | select(.layers[2].proto == "tcp")' "$out" | wc -l)
[[ $tcp -eq 0 ]] || fail "the expression udp let $tcp TCP packets through"
rm -f "$tmp"/*.ports

# ---- --process: the text column; pcapng comments read back through tshark -----------------
flows_bg alpha alpha "$tmp/go4" 20
alpha_pid=$flows_pid
attrib_sniff "$tmp/text" "$tmp/err1" sniff -n -i va --process udp
text_pid=$sniff_pid
attrib_sniff "$out" "$err" sniff -i va --process --pcapng -w "$tmp/cap.pcapng" udp
attrib_ready 2
touch "$tmp/go4"
wait "$alpha_pid" || fail "alpha failed"
sleep 0.3
kill -INT "$text_pid" "$sniff_pid"
wait "$text_pid" || fail "sniff --process failed: $(cat "$tmp/err1")"
sniff_wait
col=$(grep -c "^[0-9:.]* alpha/$alpha_pid  *IP6\{0,1\} .* > .*\.7002: " "$tmp/text")
[[ $col -eq 40 ]] || fail "--process column: $col of 40 lines: $(head -3 "$tmp/text")"
if command -v tshark >/dev/null; then
	comments=$(tshark -r "$tmp/cap.pcapng" -T fields -e frame.comment 2>/dev/null |
		grep -c "^pid=$alpha_pid comm=alpha cgroup=$cgrel/alpha$")
	[[ $comments -eq 40 ]] || fail "pcapng comments: $comments of 40: $(tshark -r \
		"$tmp/cap.pcapng" -T fields -e frame.comment 2>&1 | head -3)"
	tshark -r "$tmp/cap.pcapng" -T fields -e frame.comment 2>/dev/null | grep -v '^$' |
		grep -vq "^pid=$alpha_pid " && fail "a comment names another process"
	capinfos "$tmp/cap.pcapng" 2>/dev/null | grep -q "captured on $(uname -n)" ||
		fail "no section comment naming the host"
else
	echo "tshark missing: pcapng comments not read back" >&2
fi
exit 0

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# sniff_exec.sh: sniff --exec CMD captures exactly CMD's flows (TCP and UDP, IPv4 and IPv6,
# the handshakes included) while another process sends beside it, stops when CMD exits,
# exits with CMD's status and removes the cgroup it made.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"
. "$top_srcdir/tests/netns/sniff_lib.sh"
. "$top_srcdir/tests/netns/attrib_lib.sh"

attrib_setup
out=$tmp/out err=$tmp/err
N=200
owners=("alpha:$cgrel/alpha:$tmp/alpha.ports" "gamma:/sockeye-exec.*:$tmp/gamma.ports")

# alpha sends all along (killed at the end); gamma is the command, and exits with 3.
flows_bg alpha alpha - 100000
alpha_pid=$flows_pid
timeout -s INT 60 "$SOCKEYE" -N "$ns1" -j sniff -i va --exec "$PYTHON" "$FLOWS" gamma \
	"$tmp/gamma.ports" - 10.99.0.2 fd00:99::2 $N 3 >"$out" 2>"$err"
rc=$?
[[ $rc -eq 3 ]] || fail "sockeye exited with $rc, not the command's 3: $(head -c 600 "$err")"
grep -q "exited with status 3" "$err" || fail "the status was not reported: $(cat "$err")"
kill -0 "$alpha_pid" 2>/dev/null || fail "alpha ended before gamma: the test proves nothing"
mnt=${cg%"$cgrel"}
ls -d "$mnt"/sockeye-exec.* 2>/dev/null && fail "the command's cgroup was left behind"
cgroup=$(jq -r 'select(.type == "packet") | .processes[0].cgroup' "$out" | sort -u)
[[ $cgroup == /sockeye-exec.+([0-9]) ]] || fail "cgroups: $cgroup"
owners[1]=gamma:$cgroup:$tmp/gamma.ports
"$PYTHON" "$CHECK" "$out" 10.99.0.1 fd00:99::1 "${owners[@]}" --only gamma --udp-count $N ||
	fail "--exec: not exactly the command's packets"
# Both handshakes: the SYN of each connection is there.
syn=$(jq -c 'select(.type == "packet") | .layers[2] | select(.proto == "tcp" and .flags == "S")' \
	"$out" | wc -l)
[[ $syn -eq 2 ]] || fail "$syn SYNs of the command's 2 connections"
exit 0

# SPDX-License-Identifier: GPL-2.0-or-later
# why_lib.sh: helpers for the why tests (source after lib.sh; it is not a test).
#
# Each test starts `sockeye why` on a long interval, provokes one kind of loss, stops why
# with SIGINT (the interval cut short is still shown) and compares its figures with the
# kernel's own counters read before and after.

# start_why OUT ERR ARGS...: sockeye -v -j why -d 60 ARGS in the background; returns once
# its first sample is taken.  Sets why_pid.
start_why()
{
	local out=$1 err=$2

	shift 2
	"$SOCKEYE" -v -j why -d 60 "$@" >"$out" 2>"$err" &
	why_pid=$!
	register_pid "$why_pid"
	wait_until 20 grep -qs "first sample taken" "$err" ||
		fail "sockeye why $* took no first sample within 20 s: $(cat "$err")"
}

# stop_why: SIGINT, as a user would; why must exit 0 with one JSON document.
stop_why()
{
	kill -INT "$why_pid"
	wait "$why_pid" || fail "sockeye why exited with status $?: $(cat "$2")"
	jq -e '.type == "why"' "$1" >/dev/null || fail "why's output is not its document: $(cat "$1")"
}

# snmp_value NS FILE PREFIX FIELD: a counter of /proc/net/FILE (snmp, netstat) in NS.
snmp_value()
{
	ns_exec "$1" awk -v p="$3:" -v f="$4" '
		$1 == p && !names { for (i = 2; i <= NF; i++) col[$i] = i; names = 1; next }
		$1 == p && names { print $(col[f]); exit }' "/proc/net/$2"
}

# first_cause FILE: the verdict's cause.  cause_drops FILE NAME: a cause's drops (0: none).
first_cause()
{
	jq -r '.verdict' "$1"
}

cause_drops()
{
	jq -r --arg c "$2" '[.causes[] | select(.cause == $c) | .drops] | add // 0' "$1"
}

# advice_value FILE SETTING: the value why read for a setting of its first verdict's advice.
advice_value()
{
	jq -r --arg s "$2" '[.verdicts[0].advice[] | select(.setting == $s) | .value][0] // ""' "$1"
}

# has_bpf: whether why's drop-reason layer is there (it says why not in .layers otherwise).
has_bpf()
{
	jq -e '.layers[] | select(.layer == "kernel") | .present' "$1" >/dev/null
}

# why_veth NET: namespaces A and B (their names in $A and $B) joined by va-vb, NET.1 on va
# and NET.2 on vb (NET: three octets), with static neighbours both ways: no ARP exchange
# moves a count.
why_veth()
{
	netns_new A
	netns_new B
	veth_pair "$A" va "$B" vb
	addr_add "$A" va "$1.1/24"
	addr_add "$B" vb "$1.2/24"
	ip -n "$A" neigh replace "$1.2" lladdr "$(ip -n "$B" -j link show vb | jq -r '.[0].address')" \
		dev va nud permanent || fail "cannot add the neighbour $1.2"
	ip -n "$B" neigh replace "$1.1" lladdr "$(ip -n "$A" -j link show va | jq -r '.[0].address')" \
		dev vb nud permanent || fail "cannot add the neighbour $1.1"
}

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# json_schema.sh: real JSON of every command validates against its schema in schema/ and
# uses the one vocabulary (icmpv6, ipv4, iface, in/out, processes, task, _pps/_bps/_per_s);
# a record with one key renamed fails; help --schema prints the files as they are.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/netns/lib.sh"

PY=/usr/bin/python3
VALIDATE=$top_srcdir/tests/tools/json_validate.py
SCHEMA=$top_srcdir/schema
SOCKFARM=$top_builddir/tests/tools/sockfarm
GOLDEN=$top_srcdir/tests/golden/input

need_root
need_cmd jq ping timeout
# Debian's python3-jsonschema; the python3 first on PATH may be another one.
[[ -x $PY ]] && "$PY" -c 'import jsonschema' 2>/dev/null ||
	skip "$PY with jsonschema not found (apt-get install python3-jsonschema)"

tmp=$(mktemp -d)
register_file "$tmp"
nfail=0
bad()
{
	echo "FAIL: $NETNS_TEST: $*" >&2
	nfail=$((nfail + 1))
}

# valid NAME ARGS...: sockeye ARGS succeeds and every record it writes is valid
# (with may_fail=1, a failure is expected and only the records are checked).
may_fail=0
valid()
{
	local name=$1 out=$tmp/$1.json

	shift
	if ! "$@" >"$out" 2>"$tmp/$name.err" && [[ $may_fail -eq 0 ]]; then
		bad "$name: $* failed: $(head -3 "$tmp/$name.err")"
		return
	fi
	[[ -s $out ]] || bad "$name: $* wrote nothing"
	"$PY" "$VALIDATE" "$SCHEMA" "$out" >/dev/null 2>"$tmp/$name.verr" ||
		bad "$name: $(cat "$tmp/$name.verr")"
}

# ---- help: -j, and --schema prints each file as it is -------------------------------------
valid help "$SOCKEYE" -j help
types=$("$SOCKEYE" help --schema) || bad "help --schema failed"
files=$(cd "$SCHEMA" && ls -- *.schema.json | sed 's/\.schema\.json$//')
[[ $types == "$files" ]] || bad "help --schema lists '$(echo $types)', schema/ has '$(echo $files)'"
for t in $files; do
	"$SOCKEYE" help --schema "$t" | cmp -s - "$SCHEMA/$t.schema.json" ||
		bad "help --schema $t differs from schema/$t.schema.json"
done
"$SOCKEYE" help --schema nosuch >/dev/null 2>&1
[[ $? -eq 2 ]] || bad "help --schema nosuch: want exit 2"

# ---- files: every golden capture, plain and -v; the recorded sockets and top samples ------
for f in "$GOLDEN"/*.pcap "$GOLDEN"/*.pcapng; do
	n=$(basename "$f")
	# A file cut short ends in an error, after its whole packets.
	may_fail=0
	[[ $n == sniff_cut.pcap ]] && may_fail=1
	valid "read_$n" "$SOCKEYE" -j sniff -r "$f"
	valid "read_v_$n" "$SOCKEYE" -j sniff -v -r "$f"
done
may_fail=0
valid replay_sockets_a "$SOCKEYE" -j sockets -a --replay "$GOLDEN/sockets.rec"
valid replay_sockets_i "$SOCKEYE" -j sockets -t -i --replay "$GOLDEN/sockets.rec"
valid replay_sockets_0 "$SOCKEYE" -j sockets -0 -a -e --replay "$GOLDEN/sockets.rec"
valid replay_sockets_s "$SOCKEYE" -j sockets -s --replay "$GOLDEN/sockets.rec"
valid replay_top "$SOCKEYE" -j top -b -n 2 --replay "$GOLDEN/top_veth"
valid replay_top_old "$SOCKEYE" -j top -b -n 1 --replay "$GOLDEN/top_oldkernel"
valid inject_dump "$SOCKEYE" -j inject --dump -c 3 udp dst 192.0.2.1
valid inject_dump6 "$SOCKEYE" -j inject --dump -c 2 icmpv6 echo dst 2001:db8::1
valid inject_file "$SOCKEYE" -j inject -w /dev/null -c 2 tcp dst 192.0.2.1

# ---- live, in namespaces: a veth with IPv4 and IPv6 traffic ----------------------------
NETNS_KEEP_IPV6=1
netns_new ns1
netns_new ns2
veth_pair "$ns1" va "$ns2" vb
addr_add "$ns1" va 10.97.0.1/24
addr_add "$ns2" vb 10.97.0.2/24
ip -n "$ns1" addr add 2001:db8:97::1/64 dev va nodad || fail "cannot add an IPv6 address"
ip -n "$ns2" addr add 2001:db8:97::2/64 dev vb nodad || fail "cannot add an IPv6 address"

# sniff: ICMP and ICMPv6 on the wire, then the statistics at exit.
ns_exec "$ns2" timeout 20 "$SOCKEYE" -j sniff -i vb -c 8 >"$tmp/sniff_live.json" \
	2>"$tmp/sniff_live.err" &
sniff_pid=$!
register_pid "$sniff_pid"
wait_until 10 grep -qs . <("$SOCKEYE" -N "$ns2" -j sockets -0 | jq -e '.sockets | length > 0') ||
	bad "sniff did not open its socket"
# IPv6 first: its echo is 4 of the 8 packets, whatever neighbour discovery adds.
ns_exec "$ns1" ping -6 -c 4 -i 0.2 -W 1 2001:db8:97::2 >/dev/null || bad "no IPv6 ping reply"
ns_exec "$ns1" ping -c 4 -i 0.2 -W 1 10.97.0.2 >/dev/null || bad "no IPv4 ping reply"
wait "$sniff_pid" || bad "sniff live exited with $?: $(cat "$tmp/sniff_live.err")"
"$PY" "$VALIDATE" "$SCHEMA" "$tmp/sniff_live.json" >/dev/null 2>"$tmp/err" ||
	bad "sniff_live: $(cat "$tmp/err")"
jq -e -s 'map(select(.type == "packet") | .layers[].proto) | index("icmpv6") != null' \
	"$tmp/sniff_live.json" >/dev/null || bad "sniff live saw no icmpv6 layer"
jq -e -s 'map(select(.type == "stats")) | length == 1' "$tmp/sniff_live.json" >/dev/null ||
	bad "sniff live wrote no stats record"

# sockets: a listener and its accepted connection, owned by sockfarm.
ns_exec "$ns2" "$SOCKFARM" recvq 127.0.0.1 9000 4 >"$tmp/farm" 2>&1 &
register_pid $!
wait_until 10 grep -q '^ready' "$tmp/farm" || bad "sockfarm: $(cat "$tmp/farm")"
valid sockets_all "$SOCKEYE" -N "$ns2" -j sockets -a -p -e -m -i -o
jq -e '[.sockets[] | select(.local_port == 9000) | .processes[0].comm] | index("sockfarm")' \
	"$tmp/sockets_all.json" >/dev/null || bad "sockets -p: no processes[].comm of sockfarm"
valid sockets_summary "$SOCKEYE" -N "$ns2" -j sockets -s
valid sockets_netns "$SOCKEYE" -j sockets -t -p --all-netns

# top: live, two samples (BPF panels say why when they cannot run).
ns_exec "$ns1" ping -c 20 -i 0.05 10.97.0.2 >/dev/null 2>&1 &
register_pid $!
valid top_live "$SOCKEYE" -N "$ns1" -j top -b -n 2 -d 0.3
# why: the funnel while the pings flow, with every table (-e), and two with --watch.
valid why_live "$SOCKEYE" -N "$ns1" -j why -d 0.3 -e
valid why_watch "$SOCKEYE" -N "$ns1" -j why -d 0.2 --watch -c 2

# inject: statistics of a real send.
valid inject_send "$SOCKEYE" -N "$ns1" -j inject -i va -c 5 udp dst 10.97.0.2

# drops and napi need BPF: that part is skipped, with the reason, when it cannot load.
if err=$("$SOCKEYE" drops -i 0.01 -c 1 2>&1 >/dev/null); then
	valid drops "$SOCKEYE" -j drops -i 0.3 -c 1 --stack
	ns_exec "$ns2" bash -c 'for i in 1 2 3 4 5 6 7 8 9 10; do
		sleep 0.2; echo x >/dev/udp/10.97.0.1/9; done' 2>/dev/null &
	register_pid $!
	valid drop_events "$SOCKEYE" -N "$ns1" -j drops --events -c 3 --duration 3
	jq -e -s 'map(select(.type == "drop")) | length > 0 and all(.task | has("pid") and has("comm"))' \
		"$tmp/drop_events.json" >/dev/null || bad "drops --events: no drop with a task"
	valid napi "$SOCKEYE" -j napi -i 0.3 -c 1
else
	echo "SKIP (part): drops and napi: BPF cannot load here: $err"
fi

# ---- the schemas catch a renamed key, top level and nested, and the vocabulary its words --
# expect_invalid NAME JQ FILE: FILE's first record changed by JQ must not validate.
expect_invalid()
{
	local name=$1 filter=$2 file=$3

	jq -c "$filter" < <(head -1 "$file") >"$tmp/$name.bad" || { bad "$name: jq failed"; return; }
	cmp -s <(head -1 "$file" | jq -c .) "$tmp/$name.bad" && { bad "$name: nothing renamed"; return; }
	"$PY" "$VALIDATE" "$SCHEMA" "$tmp/$name.bad" >/dev/null 2>&1
	[[ $? -eq 1 ]] || bad "$name: a record with a renamed key still validates"
}
pkt=$tmp/read_sniff_icmp.pcap.json
expect_invalid renamed_top '.ts = .ts_ns | del(.ts_ns)' "$pkt"
expect_invalid renamed_nested '.layers[1].source = .layers[1].src | del(.layers[1].src)' "$pkt"
expect_invalid renamed_socket '.sockets[0].dev = .sockets[0].iface | del(.sockets[0].iface)' \
	"$tmp/replay_sockets_a.json"
expect_invalid renamed_iface '.interfaces[0].ifname = .interfaces[0].iface |
	del(.interfaces[0].iface)' "$tmp/replay_top.json"
expect_invalid spelled_icmp6 '.layers[-1].proto = "icmp6"' "$pkt"
expect_invalid spelled_dir '.dir = "In"' "$tmp/read_sniff_2if.pcapng.json"

[[ $nfail -eq 0 ]] || fail "$nfail checks failed"
echo "PASS: $NETNS_TEST: every command's JSON matches schema/ and the vocabulary"

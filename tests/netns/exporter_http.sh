#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# exporter_http.sh: the exporter's HTTP side under bad and hostile requests: unknown paths 404,
# other methods 405 with Allow, an oversized header 431, idle connections over the cap closed
# at once and the rest after the timeout, scrapes served beside held connections; the index
# and health pages; a busy port and bad options said in one line.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/exporter_lib.sh"

need_root
need_cmd curl python3
conns=$top_srcdir/tests/netns/exporter_conns.py
nfail=0
bad()
{
	echo "FAIL: $NETNS_TEST: $*" >&2
	nfail=$((nfail + 1))
}

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
veth_pair "$A" wa "$B" wb
tmp=$(mktemp -d)
register_file "$tmp"
CAP=12
start_exporter "$B" 9555 "$tmp/err" --collectors softnet,netdev --max-connections "$CAP" \
	--timeout 2 --connection-memory 8K --cache 1
url=http://127.0.0.1:9555

# expect STATUS WHAT CURL_ARGS...
expect()
{
	local want=$1 what=$2 got

	shift 2
	got=$(http_status "$B" "$@")
	[[ $got == "$want" ]] || bad "$what: status $got, not $want"
}
expect 200 "GET /metrics" "$url/metrics"
expect 200 "HEAD /metrics" "$url/metrics" -I
expect 200 "GET /" "$url/"
expect 200 "GET /-/healthy" "$url/-/healthy"
expect 404 "GET /nope" "$url/nope"
expect 404 "GET /metrics/" "$url/metrics/"
expect 405 "POST /metrics" "$url/metrics" -X POST -d x=1
expect 405 "DELETE /" "$url/" -X DELETE
expect 431 "a 9 KiB header" "$url/metrics" -H "X-Big: $(head -c 9000 /dev/zero | tr '\0' a)"
expect 200 "GET /metrics after the bad ones" "$url/metrics"
ns_exec "$B" curl -s -D - -o /dev/null -X PUT "$url/metrics" | grep -qi '^allow: GET, HEAD' ||
	bad "405 without Allow: GET, HEAD"
ns_exec "$B" curl -s "$url/" | grep -q 'href="/metrics"' || bad "the index page does not link /metrics"
[[ $(ns_exec "$B" curl -s "$url/-/healthy") == Healthy ]] || bad "/-/healthy does not say Healthy"

# Two scrapes within the cache time (--cache 1) share one collection; one after it collects again.
collections()
{
	ns_exec "$B" curl -sf "$url/metrics" | awk '$1 == "sockeye_exporter_collections_total" { print $2 }'
}
sleep 1.1
c1=$(collections)
c2=$(collections)
sleep 1.1
c3=$(collections)
[[ -n $c1 && $c1 == "$c2" && $c3 == $((c1 + 1)) ]] ||
	bad "collections over scrapes 0 s and 1.1 s apart with --cache 1: $c1 $c2 $c3"

# Fewer idle connections than the cap: they cost nothing to a scrape.
ns_exec "$B" python3 "$conns" 127.0.0.1 9555 $((CAP - 4)) 0.5 "$tmp/few" &
register_pid $!
wait_until 15 grep -qs open "$tmp/few" || fail "the idle connections (under the cap) did not start"
expect 200 "a scrape beside $((CAP - 4)) idle connections" "$url/metrics"
grep -q "open $((CAP - 4)) closed 0" "$tmp/few" || bad "idle under the cap: $(cat "$tmp/few")"
wait_until 5 grep -qs 'all closed' "$tmp/few" || bad "idle connections outlived the 2 s timeout"

# Slowloris: headers trickled a byte at a time are not idleness, yet the head must be whole
# within the timeout (2 s) of the accept: cut by 2 s + the half-second check + slack.
ns_exec "$B" python3 "$conns" --trickle 127.0.0.1 9555 $((CAP - 4)) 0.5 "$tmp/slow" &
register_pid $!
wait_until 15 grep -qs open "$tmp/slow" || fail "the trickling connections did not start"
expect 200 "a scrape beside $((CAP - 4)) trickling connections" "$url/metrics"
wait_until 6 grep -qs 'all closed' "$tmp/slow" || bad "trickled headers kept connections past the timeout"
t=$(awk '/all closed/ { print $4 }' "$tmp/slow")
[[ -z $t ]] || awk -v t="$t" 'BEGIN { exit !(t >= 1.9 && t < 4) }' ||
	bad "trickling connections cut after $t s, not between 2 and 4"

# Far more than the cap: the excess is closed at accept, the rest at the timeout.
ns_exec "$B" python3 "$conns" 127.0.0.1 9555 100 0.5 "$tmp/many" &
register_pid $!
wait_until 15 grep -qs open "$tmp/many" || fail "the idle connections (over the cap) did not start"
grep -q "open $CAP closed $((100 - CAP))" "$tmp/many" ||
	bad "100 idle connections against a cap of $CAP: $(cat "$tmp/many")"
wait_until 5 grep -qs 'all closed' "$tmp/many" || bad "capped connections outlived the timeout"
expect 200 "a scrape once the idle connections are gone" "$url/metrics"
stop_exporter

# --collectors and the device patterns bound what is served.
start_exporter "$B" 9557 "$tmp/err2" --collectors netdev,softnet --device-include '^[vw]b$' \
	--device-exclude '^w'
ns_exec "$B" curl -sf http://127.0.0.1:9557/metrics >"$tmp/m2" || bad "GET /metrics (patterns) failed"
[[ $(grep '^sockeye_collector_up' "$tmp/m2" | tr '\n' ' ') == 'sockeye_collector_up{collector="softnet"} 1 sockeye_collector_up{collector="netdev"} 1 ' ]] ||
	bad "--collectors netdev,softnet served: $(grep '^sockeye_collector_up' "$tmp/m2")"
grep -q '^sockeye_softirqs' "$tmp/m2" && bad "the softirqs collector ran without being asked"
devs=$(grep -o 'device="[^"]*"' "$tmp/m2" | sort -u | tr '\n' ' ')
[[ $devs == 'device="vb" ' ]] || bad "--device-include '^[vw]b\$' --device-exclude '^w' served $devs"
stop_exporter

# Without BPF privileges: the BPF families absent, their collectors down and said why, the rest served.
# (A build without BPF refuses --collectors drops: nothing to test there.)
if command -v setpriv >/dev/null && "$SOCKEYE" exporter --collectors drops --help >/dev/null 2>&1; then
	ip netns exec "$B" setpriv --inh-caps=-all --bounding-set=-bpf,-perfmon,-sys_admin \
		"$SOCKEYE" exporter --listen 127.0.0.1:9558 --collectors softnet,drops,napi 2>"$tmp/err3" &
	exporter_pid=$!
	register_pid "$exporter_pid"
	wait_until 15 ns_exec "$B" curl -sf -o /dev/null http://127.0.0.1:9558/-/healthy ||
		fail "the unprivileged exporter did not answer: $(cat "$tmp/err3")"
	ns_exec "$B" curl -sf http://127.0.0.1:9558/metrics >"$tmp/m3" || bad "GET /metrics (no BPF) failed"
	[[ $(grep '^sockeye_collector_up' "$tmp/m3" | tr '\n' ' ') == 'sockeye_collector_up{collector="softnet"} 1 sockeye_collector_up{collector="drops"} 0 sockeye_collector_up{collector="napi"} 0 ' ]] ||
		bad "without CAP_BPF: $(grep '^sockeye_collector_up' "$tmp/m3")"
	grep -Eq '^sockeye_(drops|napi|softirq_seconds)' "$tmp/m3" && bad "BPF families served without BPF"
	grep -q '^sockeye_softnet_processed_total' "$tmp/m3" || bad "softnet not served without BPF"
	grep -qx 'sockeye: exporter: collector drops: .*CAP_BPF.*' "$tmp/err3" ||
		bad "the log does not say why drops is down: $(cat "$tmp/err3")"
	stop_exporter
fi

# Errors, in one line each.
ns_exec "$B" python3 -c 'import socket,time; s=socket.socket(); s.bind(("127.0.0.1", 9556)); s.listen(); time.sleep(30)' &
register_pid $!
wait_until 5 ns_exec "$B" bash -c '</dev/tcp/127.0.0.1/9556' 2>/dev/null || fail "no listener on 9556"
err=$("$SOCKEYE" -N "$B" exporter --listen 127.0.0.1:9556 2>&1)
rc=$?
[[ $rc == 1 && $err == "sockeye: exporter: 127.0.0.1:9556: Address already in use" ]] ||
	bad "busy port: status $rc, '$err'"
err=$("$SOCKEYE" exporter --listen nonsense 2>&1)
rc=$?
[[ $rc == 1 && $err == "sockeye: exporter: nonsense: not HOST:PORT" ]] || bad "bad address: status $rc, '$err'"
err=$("$SOCKEYE" exporter --collectors softnet,bogus 2>&1)
rc=$?
[[ $rc == 2 && $err == "sockeye: exporter: --collectors bogus: unknown collector (see sockeye exporter --help)" ]] ||
	bad "unknown collector: status $rc, '$err'"
err=$("$SOCKEYE" exporter --device-include '(' 2>&1)
rc=$?
[[ $rc == 2 && $err == "sockeye: exporter: --device-include (: "* ]] || bad "bad regex: status $rc, '$err'"

((nfail == 0)) || exit 1

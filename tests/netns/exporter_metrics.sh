#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# exporter_metrics.sh: a real Prometheus scrapes sockeye exporter every second (OpenMetrics, as it
# asks); after known traffic into a namespace, what Prometheus stored matches the kernel's own
# counters: drops by reason NO_SOCKET, UDP NoPorts, the interface's received packets; promtool
# accepts the exposition and every family has HELP and TYPE.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/bpf_lib.sh"
. "${top_srcdir:-.}/tests/netns/exporter_lib.sh"

need_root
need_cmd curl jq python3 prometheus promtool
need_bpf
send=$top_srcdir/tests/netns/drops_send.py

N_NOSOCK=25	# UDP datagrams to a closed port in B: NO_SOCKET drops, Udp NoPorts
N_FILL=40	# 1000-byte datagrams to a socket that never reads: SOCKET_RCVBUFF, RcvbufErrors

netns_new A
netns_new B
veth_pair "$A" va "$B" vb
addr_add "$A" va 10.96.0.1/24
addr_add "$B" vb 10.96.0.2/24
mac_a=$(ip -n "$A" -j link show va | jq -r '.[0].address')
mac_b=$(ip -n "$B" -j link show vb | jq -r '.[0].address')
# Static neighbours: no ARP packet moves the counters.
ip -n "$A" neigh replace 10.96.0.2 lladdr "$mac_b" dev va nud permanent
ip -n "$B" neigh replace 10.96.0.1 lladdr "$mac_a" dev vb nud permanent

tmp=$(mktemp -d)
register_file "$tmp"
# ip netns exec, not ns_exec: $! must be the python process itself.
ip netns exec "$B" python3 "$send" hold 10.96.0.2 8888 1024 >"$tmp/hold" &
register_pid $!
wait_until 10 grep -qs ready "$tmp/hold" || fail "the never-reading socket did not start"
start_exporter "$B" 9555 "$tmp/exporter.err"

# ---- the exposition itself ----------------------------------------------------------
ns_exec "$B" curl -sf http://127.0.0.1:9555/metrics >"$tmp/text" || fail "GET /metrics failed"
ns_exec "$B" promtool check metrics <"$tmp/text" >"$tmp/lint" 2>&1 ||
	bad "promtool check metrics: $(cat "$tmp/lint")"
# Every sample's family has a TYPE and a HELP line (histogram samples name theirs by suffix).
awk '/^# HELP /{help[$3]=1} /^# TYPE /{type[$3]=$4}
	!/^#/ {
		split($0, a, /[{ ]/); n = a[1]; f = n
		if (!(f in type)) sub(/_(bucket|sum|count)$/, "", f)
		if (!(f in type) || !(f in help)) { print "no HELP/TYPE for " n; bad = 1 }
	}
	END { exit bad }' "$tmp/text" || bad "families without HELP or TYPE: $(awk '/^no/' "$tmp/text")"
for c in softnet softirqs netdev snmp sockets packet drops napi; do
	grep -qx "sockeye_collector_up{collector=\"$c\"} 1" "$tmp/text" || bad "collector $c is not up"
done
ns_exec "$B" curl -sf -H 'Accept: application/openmetrics-text;version=1.0.0' \
	-D "$tmp/om.hdr" http://127.0.0.1:9555/metrics >"$tmp/om" || fail "GET /metrics (OpenMetrics) failed"
grep -qi '^content-type: application/openmetrics-text; version=1.0.0' "$tmp/om.hdr" ||
	bad "OpenMetrics asked, not served: $(grep -i content-type "$tmp/om.hdr")"
[[ $(tail -n1 "$tmp/om") == "# EOF" ]] || bad "the OpenMetrics exposition does not end in # EOF"
grep -q '^# TYPE sockeye_drops counter$' "$tmp/om" ||
	bad "OpenMetrics: a counter family is named without _total"
grep -q '^# TYPE sockeye_drops_total counter$' "$tmp/text" ||
	bad "text format: a counter family is named with _total"

# ---- contrib: the alert rules promtool accepts, the dashboard's queries name served metrics ----
rules=$top_srcdir/contrib/exporter/sockeye-alerts.yml
promtool check rules "$rules" >"$tmp/rules.lint" 2>&1 || bad "promtool check rules: $(cat "$tmp/rules.lint")"
awk '/^# TYPE /{ print $3; if ($4 == "histogram") { print $3 "_bucket"; print $3 "_sum"; print $3 "_count" } }' \
	"$tmp/text" | sort -u >"$tmp/served"
# Every query: the panels' (rows' nested ones too) and the template variables'.
jq -r '.. | objects | (.expr?, (select(.type? == "query") | .query?)) | strings' \
	"$top_srcdir/contrib/exporter/sockeye-dashboard.json" |
	grep -o 'sockeye_[a-z_]*' | sort -u >"$tmp/asked"
missing=$(comm -23 "$tmp/asked" "$tmp/served" | tr '\n' ' ')
[[ -z $missing ]] || bad "the dashboard queries metrics the exporter does not serve: $missing"
[[ -s $tmp/asked ]] || bad "no metric names found in the dashboard"
# --all-netns: a netns variable (All matches the series without the label too), and every
# selector of a per-namespace family (netdev, snmp, sockets, packet) narrowed by it.
dash=$top_srcdir/contrib/exporter/sockeye-dashboard.json
jq -e '.templating.list[] | select(.name == "netns" and .includeAll and .allValue == ".*") |
	.query | test("^label_values\\(.*, netns\\)$")' "$dash" >/dev/null ||
	bad "the dashboard has no netns variable (label_values(..., netns), All as .*)"
jq -r '.. | objects | .expr? | strings' "$dash" | grep -oE '[a-z_]*\{[^}]*\}' |
	grep -E '^sockeye_(network|udp|tcp|sockets|listen|packet)_|^\{__name__=~"sockeye_(network|udp|tcp|sockets|listen|packet)_' |
	grep -vF 'netns=~"$netns"' >"$tmp/unscoped"
[[ ! -s $tmp/unscoped ]] || bad "dashboard selectors without the netns variable: $(cat "$tmp/unscoped")"

# ---- a real Prometheus, scraping every second, in the same namespace ---------------------
cat >"$tmp/prometheus.yml" <<CONF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $rules
scrape_configs:
  - job_name: sockeye
    static_configs:
      - targets: ['127.0.0.1:9555']
CONF
ip netns exec "$B" prometheus --config.file="$tmp/prometheus.yml" \
	--storage.tsdb.path="$tmp/tsdb" --web.listen-address=127.0.0.1:9090 \
	>"$tmp/prometheus.log" 2>&1 &
register_pid $!

# query PROMQL: the value of the first series of an instant query ("" when none).
query()
{
	ns_exec "$B" curl -s --max-time 5 --data-urlencode "query=$1" \
		http://127.0.0.1:9090/api/v1/query | jq -r '.data.result[0].value[1] // ""'
}
# until_query SECONDS PROMQL VALUE: until Prometheus answers VALUE.
query_is()
{
	[[ $(query "$1") == "$2" ]]
}
wait_until 30 query_is 'up{job="sockeye"}' 1 ||
	fail "Prometheus never scraped the exporter: $(tail -n5 "$tmp/prometheus.log")"

# The drops before the traffic (a connection to Prometheus before it listened is one,
# NO_SOCKET on lo): Prometheus must hold the exporter's count first.
d0=$(ns_exec "$B" curl -sf http://127.0.0.1:9555/metrics |
	awk '$1 == "sockeye_drops_total{reason=\"NO_SOCKET\"}" { print $2 }')
d0=${d0:-0}
if ((d0 > 0)); then
	wait_until 15 query_is 'sockeye_drops_total{reason="NO_SOCKET"}' "$d0" ||
		fail "Prometheus never stored the $d0 NO_SOCKET drops before the traffic"
fi
rx0=$(ip -n "$B" -j -s link show vb | jq '.[0].stats64.rx.packets')
ns_exec "$A" python3 "$send" udp 10.96.0.2 9 "$N_NOSOCK" || fail "cannot send to the closed port"
ns_exec "$A" python3 "$send" udp 10.96.0.2 8888 "$N_FILL" 1000 || fail "cannot fill the socket"
rx1=$(ip -n "$B" -j -s link show vb | jq '.[0].stats64.rx.packets')
noports=$(ip netns exec "$B" awk '/^Udp:/ { if (h) { print $3; exit } h = 1 }' /proc/net/snmp)
rcvbuf_errs=$(ip netns exec "$B" awk '/^Udp:/ { if (h) { print $6; exit } h = 1 }' /proc/net/snmp)
((rx1 - rx0 == N_NOSOCK + N_FILL)) ||
	bad "the kernel counted $((rx1 - rx0)) packets into vb, not $((N_NOSOCK + N_FILL))"
((rcvbuf_errs > 0 && rcvbuf_errs < N_FILL)) ||
	bad "the kernel counted $rcvbuf_errs Udp RcvbufErrors of $N_FILL datagrams to a 1 KiB buffer"
((noports == N_NOSOCK)) || bad "the kernel counted $noports Udp NoPorts, not $N_NOSOCK"

# Two scrapes later Prometheus holds the kernel's values.
wait_until 15 query_is 'sockeye_drops_total{reason="NO_SOCKET"}' "$((d0 + N_NOSOCK))" ||
	bad "Prometheus has sockeye_drops_total{reason=\"NO_SOCKET\"} $(query 'sockeye_drops_total{reason="NO_SOCKET"}'), not $d0 + $N_NOSOCK"
wait_until 5 query_is 'sockeye_udp_no_ports_total{ip="4"}' "$noports" ||
	bad "Prometheus has sockeye_udp_no_ports_total $(query 'sockeye_udp_no_ports_total{ip="4"}'), the kernel $noports"
wait_until 5 query_is 'sockeye_network_receive_packets_total{device="vb"}' "$rx1" ||
	bad "Prometheus has vb's received packets $(query 'sockeye_network_receive_packets_total{device="vb"}'), the kernel $rx1"
wait_until 5 query_is 'sockeye_udp_receive_buffer_errors_total{ip="4"}' "$rcvbuf_errs" ||
	bad "Prometheus has sockeye_udp_receive_buffer_errors_total $(query 'sockeye_udp_receive_buffer_errors_total{ip="4"}'), the kernel $rcvbuf_errs"
wait_until 5 query_is 'sockeye_drops_total{reason="SOCKET_RCVBUFF"}' "$rcvbuf_errs" ||
	bad "Prometheus has sockeye_drops_total{reason=\"SOCKET_RCVBUFF\"} $(query 'sockeye_drops_total{reason="SOCKET_RCVBUFF"}'), the kernel $rcvbuf_errs RcvbufErrors"
wait_until 5 query_is 'sockeye_sockets_receive_queue_full{protocol="udp"}' 1 ||
	bad "Prometheus has $(query 'sockeye_sockets_receive_queue_full{protocol="udp"}') full UDP sockets, not 1"
query_is 'sockeye_collector_up{collector="drops"}' 1 || bad "Prometheus has the drops collector down"
query_is 'count(sockeye_softnet_processed_total)' "$(grep -c . /proc/net/softnet_stat)" ||
	bad "Prometheus has $(query 'count(sockeye_softnet_processed_total)') softnet CPUs, the kernel $(grep -c . /proc/net/softnet_stat)"

# The alert rules evaluate on these metrics without error.
rules_ok()
{
	ns_exec "$B" curl -s --max-time 5 http://127.0.0.1:9090/api/v1/rules >"$tmp/rules.json" &&
		[[ $(jq '[.data.groups[].rules[] | select(.health == "ok")] | length' "$tmp/rules.json") == 7 ]]
}
wait_until 10 rules_ok ||
	bad "Prometheus's rules: $(jq -c '[.data.groups[].rules[] | {name, health, lastError}]' "$tmp/rules.json")"

# The dashboard's queries parse and run, the variables set to All.
jq -r '.. | objects | .expr? | strings' "$dash" |
	sed 's/\$__rate_interval/1m/g; s/\$instance/.*/g; s/\$netns/.*/g' >"$tmp/exprs"
while read -r e; do
	st=$(ns_exec "$B" curl -s --max-time 5 --data-urlencode "query=$e" \
		http://127.0.0.1:9090/api/v1/query | jq -r .status)
	[[ $st == success ]] || bad "the dashboard's query does not run: $e"
done <"$tmp/exprs"

stop_exporter
((nfail == 0)) || exit 1

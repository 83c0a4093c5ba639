# SPDX-License-Identifier: GPL-2.0-or-later
# exporter_lib.sh: helpers for the exporter tests (source after lib.sh; it is not a test).

# bad MSG: one failed check, counted in nfail; the test goes on to report them all.
nfail=0
bad()
{
	echo "FAIL: $NETNS_TEST: $*" >&2
	nfail=$((nfail + 1))
}

# start_exporter NS PORT ERR ARGS...: sockeye exporter in NS on 127.0.0.1:PORT, stderr to ERR;
# returns once /-/healthy answers.  Sets exporter_pid.
start_exporter()
{
	local ns=$1 port=$2 err=$3

	shift 3
	"$SOCKEYE" -v -N "$ns" exporter --listen "127.0.0.1:$port" "$@" 2>"$err" &
	exporter_pid=$!
	register_pid "$exporter_pid"
	wait_until 15 ns_exec "$ns" curl -sf -o /dev/null "http://127.0.0.1:$port/-/healthy" ||
		fail "the exporter did not answer within 15 s: $(cat "$err")"
}

# stop_exporter: SIGTERM, as systemd would, and its exit status must be 0.
stop_exporter()
{
	kill -TERM "$exporter_pid"
	wait "$exporter_pid" || fail "the exporter exited with status $?"
}

# http_status NS URL CURL_ARGS...: the status code curl got (000: no answer).
http_status()
{
	local ns=$1 url=$2

	shift 2
	ns_exec "$ns" curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "$url"
}

# start_prometheus NS CONFIG DIR: a real Prometheus in NS on 127.0.0.1:9090 with CONFIG, its
# storage and log under DIR.  Sets prometheus_pid.
start_prometheus()
{
	ip netns exec "$1" prometheus --config.file="$2" --storage.tsdb.path="$3/tsdb" \
		--web.listen-address=127.0.0.1:9090 >"$3/prometheus.log" 2>&1 &
	prometheus_pid=$!
	register_pid "$prometheus_pid"
}

# prometheus_is NS PROMQL VALUE: whether the first series of the instant query is VALUE.
prometheus_is()
{
	[[ $(ns_exec "$1" curl -s --max-time 5 --data-urlencode "query=$2" \
		http://127.0.0.1:9090/api/v1/query | jq -r '.data.result[0].value[1] // ""') == "$3" ]]
}

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# exporter_webconfig.sh: --web-config in the exporter-toolkit format: TLS from cert_file/key_file,
# basic_auth_users with a bcrypt hash; curl and a real Prometheus scrape through both; wrong
# passwords and plain HTTP are refused; a config with what is not supported is an error
# (client certificates, versions, suites and headers: exporter_mtls.sh).
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/exporter_lib.sh"

need_root
need_cmd curl jq openssl python3 prometheus
nfail=0
bad()
{
	echo "FAIL: $NETNS_TEST: $*" >&2
	nfail=$((nfail + 1))
}

netns_new B
tmp=$(mktemp -d)
register_file "$tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
	-addext subjectAltName=IP:127.0.0.1 -keyout "$tmp/key.pem" -out "$tmp/cert.pem" \
	>/dev/null 2>&1 || fail "openssl cannot make a certificate"
hash=$(python3 -W ignore -c 'import crypt; print(crypt.crypt("s3cret", crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1 << 6)))')
[[ $hash == '$2b$'* ]] || skip "no bcrypt in python3's crypt: $hash"
# File names relative to the config's directory, as exporter-toolkit reads them.
cat >"$tmp/web.yml" <<CONF
tls_server_config:
  cert_file: cert.pem
  key_file: key.pem
  client_auth_type: NoClientCert
basic_auth_users:
  prom: '$hash'
CONF

"$SOCKEYE" -v -N "$B" exporter --listen 127.0.0.1:9555 --web-config "$tmp/web.yml" \
	--collectors softnet,netdev 2>"$tmp/err" &
exporter_pid=$!
register_pid "$exporter_pid"
url=https://127.0.0.1:9555
wait_until 15 ns_exec "$B" curl -s -o /dev/null --cacert "$tmp/cert.pem" "$url/-/healthy" ||
	fail "the exporter did not answer over TLS: $(cat "$tmp/err")"

# expect STATUS WHAT CURL_ARGS...
expect()
{
	local want=$1 what=$2 got

	shift 2
	got=$(ns_exec "$B" curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@")
	[[ $got == "$want" ]] || bad "$what: status $got, not $want"
}
expect 200 "TLS, right password" --cacert "$tmp/cert.pem" -u prom:s3cret "$url/metrics"
expect 200 "TLS, right password again (cached)" --cacert "$tmp/cert.pem" -u prom:s3cret "$url/metrics"
expect 401 "TLS, wrong password" --cacert "$tmp/cert.pem" -u prom:wrong "$url/metrics"
expect 401 "TLS, unknown user" --cacert "$tmp/cert.pem" -u eve:s3cret "$url/metrics"
expect 401 "TLS, no user" --cacert "$tmp/cert.pem" "$url/metrics"
expect 401 "TLS, no user, /-/healthy" --cacert "$tmp/cert.pem" "$url/-/healthy"
ns_exec "$B" curl -s -D - -o /dev/null --cacert "$tmp/cert.pem" "$url/metrics" |
	grep -qi '^www-authenticate: basic realm="sockeye"' || bad "401 without WWW-Authenticate"
got=$(ns_exec "$B" curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u prom:s3cret http://127.0.0.1:9555/metrics)
[[ $got != 200 ]] || bad "plain HTTP served on the TLS port"

cat >"$tmp/prometheus.yml" <<CONF
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: sockeye
    scheme: https
    tls_config:
      ca_file: $tmp/cert.pem
    basic_auth:
      username: prom
      password: s3cret
    static_configs:
      - targets: ['127.0.0.1:9555']
CONF
ip netns exec "$B" prometheus --config.file="$tmp/prometheus.yml" \
	--storage.tsdb.path="$tmp/tsdb" --web.listen-address=127.0.0.1:9090 \
	>"$tmp/prometheus.log" 2>&1 &
register_pid $!
query_is()
{
	[[ $(ns_exec "$B" curl -s --max-time 5 --data-urlencode "query=$1" \
		http://127.0.0.1:9090/api/v1/query | jq -r '.data.result[0].value[1] // ""') == "$2" ]]
}
wait_until 30 query_is 'up{job="sockeye"}' 1 ||
	bad "Prometheus could not scrape through TLS and basic auth: $(ns_exec "$B" curl -s http://127.0.0.1:9090/api/v1/targets | jq -c '.data.activeTargets[0].lastError')"
wait_until 10 query_is 'sockeye_collector_up{collector="netdev"}' 1 || bad "no sockeye metric stored"
stop_exporter

# What the file may not say, each an error in one line, exit 1.
try()
{
	local what=$1 want=$2 err rc

	err=$(timeout 10 "$SOCKEYE" exporter --listen 127.0.0.1:0 --web-config "$tmp/bad.yml" 2>&1)
	rc=$?
	[[ $rc == 1 && $err == "$want" ]] || bad "$what: status $rc, '$err'"
}
printf 'tls_server_config:\n  cert_file: cert.pem\n  key_file: key.pem\n  session_tickets: true\n' >"$tmp/bad.yml"
try "an unsupported TLS setting" "sockeye: exporter: $tmp/bad.yml: tls_server_config.session_tickets: not supported"
printf 'tls_server_config:\n  cert_file: cert.pem\n  key_file: key.pem\ntls_server_config:\n  cert_file: cert.pem\n  key_file: key.pem\n' >"$tmp/bad.yml"
try "a section given twice" "sockeye: exporter: $tmp/bad.yml: tls_server_config: given twice"
# Inside a section too: a second headers list once overran the first's array (fuzz_webconfig).
printf 'http_server_config:\n  headers:\n    X-Frame-Options: deny\n  headers:\n    X-Content-Type-Options: nosniff\n    X-XSS-Protection: 1\n' >"$tmp/bad.yml"
try "a key given twice in a section" "sockeye: exporter: $tmp/bad.yml: headers: given twice"
printf 'tls_server_config:\n  cert_file: nope.pem\n  key_file: key.pem\n' >"$tmp/bad.yml"
try "a missing certificate" "sockeye: exporter: $tmp/bad.yml: tls_server_config.cert_file: $tmp/nope.pem: No such file or directory"
printf 'basic_auth_users:\n  prom: plaintext\n' >"$tmp/bad.yml"
try "a password in clear" "sockeye: exporter: $tmp/bad.yml: basic_auth_users.prom: not a crypt(3) hash (bcrypt: \$2b\$...)"
printf 'rate_limit:\n  burst: 5\n' >"$tmp/bad.yml"
try "an unsupported section" "sockeye: exporter: $tmp/bad.yml: rate_limit: not supported (tls_server_config, http_server_config and basic_auth_users are)"
printf 'basic_auth_users: [\n' >"$tmp/bad.yml"
"$SOCKEYE" exporter --web-config "$tmp/bad.yml" 2>"$tmp/yerr"
rc=$?
[[ $rc == 1 && $(cat "$tmp/yerr") == "sockeye: exporter: $tmp/bad.yml: line "* ]] || bad "broken YAML: status $rc, '$(cat "$tmp/yerr")'"

((nfail == 0)) || exit 1

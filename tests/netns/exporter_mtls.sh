#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# exporter_mtls.sh: --web-config's client certificates, TLS versions, cipher suites and headers,
# as exporter-toolkit reads them: each client_auth_type with curl (no certificate, one the test CA
# signed, a self-signed one), a real Prometheus scraping through mutual TLS, min/max_version and
# cipher_suites against curl's offers (a suite only the union of the listed ones' parts allows is
# refused too), client_allowed_sans (DNS and IP SANs), curve_preferences against curl's curves,
# http_server_config.headers on every response, and each bad setting said in one line.
. "${top_srcdir:-.}/tests/netns/lib.sh"
. "${top_srcdir:-.}/tests/netns/exporter_lib.sh"

need_root
need_cmd curl jq openssl prometheus

netns_new B
tmp=$(mktemp -d)
register_file "$tmp"
# ssl: the test CA, the server's certificate, a client the CA signed, a self-signed client.
ssl()
{
	openssl "$@" >/dev/null 2>&1 || fail "openssl $1 failed"
}
ssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=sockeye-test-ca \
	-keyout "$tmp/ca.key" -out "$tmp/ca.pem"
ssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
	-addext subjectAltName=IP:127.0.0.1 -keyout "$tmp/key.pem" -out "$tmp/cert.pem"
ssl req -newkey rsa:2048 -nodes -subj /CN=prometheus -keyout "$tmp/client.key" -out "$tmp/client.csr"
ssl x509 -req -in "$tmp/client.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca.key" -CAcreateserial \
	-days 2 -out "$tmp/client.pem"
ssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=rogue -keyout "$tmp/rogue.key" \
	-out "$tmp/rogue.pem"
# Clients the CA signed with Subject Alternative Names: one allowed below, one not.
for who in allowed other; do
	ssl req -newkey rsa:2048 -nodes -subj "/CN=$who" -keyout "$tmp/$who.key" -out "$tmp/$who.csr"
	printf 'subjectAltName=DNS:%s.example,IP:10.9.8.%d\n' "$who" "${#who}" >"$tmp/$who.ext"
	ssl x509 -req -in "$tmp/$who.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca.key" -CAcreateserial \
		-days 2 -extfile "$tmp/$who.ext" -out "$tmp/$who.pem"
done
url=https://127.0.0.1:9555
ok_cert=(--cert "$tmp/client.pem" --key "$tmp/client.key")
rogue_cert=(--cert "$tmp/rogue.pem" --key "$tmp/rogue.key")

# serve TLS_LINES...: the exporter on $url with cert.pem/key.pem and these tls_server_config
# lines (plus $http_lines), until stop.
http_lines=
serve()
{
	{
		printf 'tls_server_config:\n  cert_file: cert.pem\n  key_file: key.pem\n'
		printf '  %s\n' "$@"
		printf '%s' "$http_lines"
	} >"$tmp/web.yml"
	"$SOCKEYE" -v -N "$B" exporter --listen 127.0.0.1:9555 --web-config "$tmp/web.yml" \
		--collectors softnet,netdev 2>"$tmp/err" &
	exporter_pid=$!
	register_pid "$exporter_pid"
	wait_until 15 ns_exec "$B" bash -c '</dev/tcp/127.0.0.1/9555' 2>/dev/null ||
		fail "the exporter did not listen ($*): $(cat "$tmp/err")"
}
stop()
{
	kill -TERM "$exporter_pid"
	wait "$exporter_pid" || bad "the exporter exited with status $?"
}
# expect STATUS WHAT CURL_ARGS...: 000 when the handshake failed.
expect()
{
	local want=$1 what=$2 got

	shift 2
	got=$(ns_exec "$B" curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
		--cacert "$tmp/cert.pem" "$@")
	[[ $got == "$want" ]] || bad "$what: status $got, not $want"
}

# ---- RequireAndVerifyClientCert, with headers; then Prometheus through it ------------------
http_lines=$'http_server_config:\n  headers:\n    X-Frame-Options: deny\n    Strict-Transport-Security: max-age=31536000\n'
serve "client_auth_type: RequireAndVerifyClientCert" "client_ca_file: ca.pem"
expect 000 "RequireAndVerify, no certificate" "$url/metrics"
expect 200 "RequireAndVerify, the CA's client" "${ok_cert[@]}" "$url/metrics"
expect 403 "RequireAndVerify, a self-signed client" "${rogue_cert[@]}" "$url/metrics"
for path in /metrics /nope; do
	ns_exec "$B" curl -s -D "$tmp/hdr" -o /dev/null --cacert "$tmp/cert.pem" "${ok_cert[@]}" "$url$path"
	grep -qix 'x-frame-options: deny.' "$tmp/hdr" && grep -qix 'strict-transport-security: max-age=31536000.' "$tmp/hdr" ||
		bad "$path: the configured headers are not in the response: $(tr -d '\r' <"$tmp/hdr" | tr '\n' '|')"
done
cat >"$tmp/prometheus.yml" <<CONF
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: sockeye
    scheme: https
    tls_config:
      ca_file: $tmp/cert.pem
      cert_file: $tmp/client.pem
      key_file: $tmp/client.key
    static_configs:
      - targets: ['127.0.0.1:9555']
CONF
start_prometheus "$B" "$tmp/prometheus.yml" "$tmp"
wait_until 30 prometheus_is "$B" 'up{job="sockeye"}' 1 ||
	bad "Prometheus could not scrape through mutual TLS: $(ns_exec "$B" curl -s http://127.0.0.1:9090/api/v1/targets | jq -c '.data.activeTargets[0].lastError')"
wait_until 10 prometheus_is "$B" 'sockeye_collector_up{collector="netdev"}' 1 ||
	bad "no sockeye metric stored through mutual TLS"
kill "$prometheus_pid"
wait "$prometheus_pid" 2>/dev/null
stop
http_lines=

# ---- the other client_auth_types ----------------------------------------------------------
serve "client_auth_type: VerifyClientCertIfGiven" "client_ca_file: ca.pem"
expect 200 "VerifyIfGiven, no certificate" "$url/metrics"
expect 200 "VerifyIfGiven, the CA's client" "${ok_cert[@]}" "$url/metrics"
expect 403 "VerifyIfGiven, a self-signed client" "${rogue_cert[@]}" "$url/metrics"
stop
serve "client_auth_type: RequireAnyClientCert"
expect 000 "RequireAny, no certificate" "$url/metrics"
expect 200 "RequireAny, a self-signed client" "${rogue_cert[@]}" "$url/metrics"
stop
serve "client_auth_type: RequestClientCert"
expect 200 "Request, no certificate" "$url/metrics"
expect 200 "Request, a self-signed client" "${rogue_cert[@]}" "$url/metrics"
stop

# ---- client_allowed_sans: a verified client must name one (DNS, IP, email or URI) ----------
serve "client_auth_type: RequireAndVerifyClientCert" "client_ca_file: ca.pem" \
	"client_allowed_sans: [allowed.example, 192.0.2.1]"
expect 200 "allowed SAN" --cert "$tmp/allowed.pem" --key "$tmp/allowed.key" "$url/metrics"
expect 403 "no allowed SAN" --cert "$tmp/other.pem" --key "$tmp/other.key" "$url/metrics"
expect 403 "no SAN at all" "${ok_cert[@]}" "$url/metrics"
stop
# By IP address, written as Go prints it; with VerifyClientCertIfGiven, no certificate names none.
serve "client_auth_type: VerifyClientCertIfGiven" "client_ca_file: ca.pem" \
	"client_allowed_sans: [10.9.8.5]"
expect 200 "allowed IP SAN" --cert "$tmp/other.pem" --key "$tmp/other.key" "$url/metrics"
expect 403 "IP SAN not allowed" --cert "$tmp/allowed.pem" --key "$tmp/allowed.key" "$url/metrics"
expect 403 "no certificate, SANs asked" "$url/metrics"
stop

# ---- curve_preferences: key exchange on the listed groups only ------------------------------
serve "curve_preferences: [CurveP384]"
expect 200 "a listed curve" --curves P-384 "$url/metrics"
expect 000 "no listed curve" --curves X25519:P-256 "$url/metrics"
stop
serve "curve_preferences: [X25519, CurveP256]" "max_version: TLS12"
# TLS 1.2 without a listed curve could still agree a suite of RSA key exchange: ECDHE asked for.
ecdhe=(--tls-max 1.2 --ciphers ECDHE-RSA-AES128-GCM-SHA256)
expect 200 "a listed curve, TLS 1.2" "${ecdhe[@]}" --curves P-256 "$url/metrics"
expect 000 "no listed curve, TLS 1.2" "${ecdhe[@]}" --curves P-521 "$url/metrics"
stop

# ---- versions and suites ------------------------------------------------------------------
serve "max_version: TLS12"
expect 000 "max_version TLS12, TLS 1.3 asked" --tlsv1.3 "$url/metrics"
expect 200 "max_version TLS12, TLS 1.2" --tls-max 1.2 "$url/metrics"
stop
serve "min_version: TLS13"
expect 000 "min_version TLS13, TLS 1.2 at most" --tls-max 1.2 "$url/metrics"
expect 200 "min_version TLS13, TLS 1.3" --tlsv1.3 "$url/metrics"
stop
serve "max_version: TLS12" "cipher_suites:" "  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" \
	"  - TLS_RSA_WITH_AES_256_GCM_SHA384"
expect 200 "a listed suite" --tls-max 1.2 --ciphers ECDHE-RSA-AES128-GCM-SHA256 "$url/metrics"
expect 200 "the other listed suite" --tls-max 1.2 --ciphers AES256-GCM-SHA384 "$url/metrics"
expect 000 "a suite of no listed part" --tls-max 1.2 --ciphers ECDHE-RSA-CHACHA20-POLY1305 "$url/metrics"
# ECDHE-RSA and AES-256-GCM are both listed parts, but not together: GnuTLS agrees it, we refuse.
expect 403 "a suite of listed parts, not listed" --tls-max 1.2 --ciphers ECDHE-RSA-AES256-GCM-SHA384 "$url/metrics"
stop

# ---- what the file may not say, each an error in one line, exit 1 --------------------------
try()
{
	local what=$1 want=$2 err rc

	shift 2
	{
		printf 'tls_server_config:\n  cert_file: cert.pem\n  key_file: key.pem\n'
		printf '%s\n' "$@"
	} >"$tmp/bad.yml"
	err=$("$SOCKEYE" exporter --listen 127.0.0.1:0 --web-config "$tmp/bad.yml" 2>&1)
	rc=$?
	[[ $rc == 1 && $err == "sockeye: exporter: $tmp/bad.yml: $want" ]] || bad "$what: status $rc, '$err'"
}
try "an unknown suite" "tls_server_config.cipher_suites: unknown cipher: TLS_BOGUS" \
	"  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_BOGUS]"
try "a CA without client auth" "tls_server_config: client_ca_file given, but client_auth_type asks for no client certificate" \
	"  client_ca_file: ca.pem"
try "verification without a CA" "tls_server_config.client_auth_type verifies certificates: it needs client_ca_file" \
	"  client_auth_type: VerifyClientCertIfGiven"
try "an unknown client_auth_type" "tls_server_config.client_auth_type Maybe: unknown (NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert)" \
	"  client_auth_type: Maybe"
try "an unknown version" "tls_server_config.min_version TLS14: unknown TLS version (TLS10, TLS11, TLS12, TLS13)" \
	"  min_version: TLS14"
try "min above max" "tls_server_config: min_version TLS13 is above max_version TLS12" \
	"  min_version: TLS13" "  max_version: TLS12"
try "a missing client CA" "tls_server_config.client_ca_file: $tmp/nope.pem: No such file or directory" \
	"  client_auth_type: RequireAndVerifyClientCert" "  client_ca_file: nope.pem"
try "a reserved header" "http_server_config.headers: HTTP header \"Content-Type\" can not be configured" \
	"http_server_config:" "  headers:" "    Content-Type: text/html"
try "a header value out of its set" "http_server_config.headers.X-Frame-Options allow: invalid value (deny or sameorigin)" \
	"http_server_config:" "  headers:" "    X-Frame-Options: allow"
try "HTTP/2" "http_server_config.http2 true: not supported (HTTP/1.1 only)" \
	"http_server_config:" "  http2: true"
try "an unknown curve" "tls_server_config.curve_preferences: unknown curve: P999" \
	"  curve_preferences: [X25519, P999]"
try "SANs without verification" "tls_server_config.client_allowed_sans: needs a client_auth_type that verifies certificates (VerifyClientCertIfGiven, RequireAndVerifyClientCert)" \
	"  client_allowed_sans: [a.example]"

((nfail == 0)) || exit 1

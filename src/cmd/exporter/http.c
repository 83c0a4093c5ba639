/* SPDX-License-Identifier: GPL-2.0-or-later */
/* http.c: the HTTP side: libmicrohttpd on one polling thread, the routes, the status codes. */
#include "config.h"

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gnutls/gnutls.h>
#include <microhttpd.h>

#include "cmd/exporter/deadline.h"
#include "cmd/exporter/http.h"
#include "cmd/exporter/tls_sans.h"
#include "cmd/exporter/tls_suites.h"
#include "util/log.h"

struct http {
	struct MHD_Daemon *d;
	struct scrape *s;
	unsigned conns;		/* open connections (touched by the polling thread only) */
	unsigned max_conns;
	struct web_config *wc;	/* NULL: plain HTTP, no users */
	struct deadline dl;	/* the request-head time limit */
};

static const char index_html[] =
	"<!DOCTYPE html>\n<html><head><title>sockeye exporter</title></head>\n"
	"<body><h1>sockeye exporter</h1>\n"
	"<p>The Linux receive path in Prometheus metrics: softnet, softirqs, interfaces and queues, "
	"NAPI, drop reasons, socket queue pressure, packet sockets.</p>\n"
	"<p><a href=\"/metrics\">Metrics</a></p>\n</body></html>\n";

/* http_server_config.headers, on every response (errors and 401 too, as exporter-toolkit). */
static void add_config_headers(const struct http *h, struct MHD_Response *r)
{
	for (size_t i = 0; h->wc && i < h->wc->nheaders; i++)
		MHD_add_response_header(r, h->wc->headers[i].name, h->wc->headers[i].value);
}

static enum MHD_Result reply(const struct http *h, struct MHD_Connection *c, unsigned status,
			     const char *type, const char *body, size_t len,
			     enum MHD_ResponseMemoryMode mode)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, mode);
	enum MHD_Result ret;

	if (!r)
		return MHD_NO;
	add_config_headers(h, r);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result reply_text(const struct http *h, struct MHD_Connection *c, unsigned status,
				  const char *text)
{
	return reply(h, c, status, "text/plain; charset=utf-8", text, strlen(text),
		     MHD_RESPMEM_PERSISTENT);
}

static enum MHD_Result serve_metrics(struct http *h, struct MHD_Connection *c)
{
	const char *accept = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT);
	const struct prom *p;
	int err;

	err = scrape_get(h->s, prom_accepts_openmetrics(accept), &p);
	if (err)
		return reply_text(h, c, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory\n");
	/* Copied: the next scrape may replace the cached exposition while a slow client reads. */
	return reply(h, c, MHD_HTTP_OK, prom_content_type(p), p->buf, p->len, MHD_RESPMEM_MUST_COPY);
}

static bool authorized(struct http *h, struct MHD_Connection *c)
{
	char *pass = NULL;
	char *user = MHD_basic_auth_get_username_password(c, &pass);
	bool ok = user && pass && web_config_check(h->wc, user, pass);

	MHD_free(user);
	MHD_free(pass);
	return ok;
}

static enum MHD_Result deny(const struct http *h, struct MHD_Connection *c)
{
	static const char body[] = "401 unauthorized\n";
	struct MHD_Response *r = MHD_create_response_from_buffer(sizeof(body) - 1, (void *)body,
								 MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (!r)
		return MHD_NO;
	add_config_headers(h, r);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain; charset=utf-8");
	ret = MHD_queue_basic_auth_fail_response(c, "sockeye", r);
	MHD_destroy_response(r);
	return ret;
}

static gnutls_session_t tls_session(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_GNUTLS_SESSION);

	return ci ? (gnutls_session_t)ci->tls_session : NULL;
}

/*
 * What the handshake could not settle: a TLS 1.2 suite that is the union of
 * the listed suites' parts but none of them, and the client's certificate
 * checked against client_ca_file (GnuTLS asks for it at the handshake, but
 * verifies only when told).
 */
static bool tls_peer_ok(const struct http *h, struct MHD_Connection *c)
{
	const struct web_config *wc = h->wc;
	gnutls_session_t s = tls_session(c);
	const gnutls_datum_t *peers;
	unsigned npeers = 0, status = 0;

	if (!s)
		return false;
	if (wc->nsuites && gnutls_protocol_get_version(s) != GNUTLS_TLS1_3) {
		bool tls12_listed = false;

		for (size_t i = 0; i < wc->nsuites; i++)
			tls12_listed |= wc->suites[i]->kx != NULL;
		if (tls12_listed &&
		    !tls_suite_listed(wc->suites, wc->nsuites, gnutls_kx_get_name(gnutls_kx_get(s)),
				      gnutls_cipher_get_name(gnutls_cipher_get(s)),
				      gnutls_mac_get_name(gnutls_mac_get(s)))) {
			log_debug(1, "http: cipher suite %s not in cipher_suites",
				  gnutls_cipher_suite_get_name(gnutls_kx_get(s), gnutls_cipher_get(s),
							       gnutls_mac_get(s)));
			return false;
		}
	}
	if (wc->client_auth != WEB_VERIFY_CLIENT_CERT_IF_GIVEN &&
	    wc->client_auth != WEB_REQUIRE_AND_VERIFY_CLIENT_CERT)
		return true;
	peers = gnutls_certificate_get_peers(s, &npeers);
	/* No certificate: no SAN either, so none of client_allowed_sans. */
	if (!peers || !npeers)
		return wc->client_auth == WEB_VERIFY_CLIENT_CERT_IF_GIVEN && !wc->nallowed_sans;
	if (gnutls_certificate_verify_peers2(s, &status) < 0 || status) {
		log_debug(1, "http: client certificate not verified (GnuTLS status %#x)", status);
		return false;
	}
	/* The leaf, first of the chain the client sent. */
	return !wc->nallowed_sans || tls_sans_allowed(&peers[0], wc->allowed_sans, wc->nallowed_sans);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	struct http *h = cls;
	bool readonly = !strcmp(method, MHD_HTTP_METHOD_GET) || !strcmp(method, MHD_HTTP_METHOD_HEAD);
	enum { R_METRICS, R_INDEX, R_HEALTHY, R_NONE } route;

	deadline_head(&h->dl, c);
	if (h->wc && h->wc->cert_pem && !tls_peer_ok(h, c))
		return reply_text(h, c, MHD_HTTP_FORBIDDEN, "403 forbidden: client certificate or "
				  "cipher suite refused\n");
	/* Every path asks for the user when there are users, as exporter-toolkit does. */
	if (h->wc && h->wc->nusers && !authorized(h, c))
		return deny(h, c);

	if (!strcmp(url, "/metrics"))
		route = R_METRICS;
	else if (!strcmp(url, "/"))
		route = R_INDEX;
	else if (!strcmp(url, "/-/healthy"))
		route = R_HEALTHY;
	else
		route = R_NONE;
	/* Answered at the headers: a body, if any, is not read (the connection closes after). */
	if (route == R_NONE)
		return reply_text(h, c, MHD_HTTP_NOT_FOUND, "404 page not found\n");
	if (!readonly)
		return reply_text(h, c, MHD_HTTP_METHOD_NOT_ALLOWED, "405 method not allowed\n");
	if (route == R_METRICS)
		return serve_metrics(h, c);
	if (route == R_HEALTHY)
		return reply_text(h, c, MHD_HTTP_OK, "Healthy\n");
	return reply(h, c, MHD_HTTP_OK, "text/html; charset=utf-8", index_html,
		     sizeof(index_html) - 1, MHD_RESPMEM_PERSISTENT);
}

/*
 * The cap, enforced here rather than by libmicrohttpd's own limit: at its
 * limit the library stops accepting, which leaves new connections (a scrape's
 * among them) waiting in the kernel's listen queue for as long as the idle
 * ones last.  Accepted and closed at once, a client over the cap knows now.
 */
static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
	struct http *h = cls;

	if (h->conns < h->max_conns)
		return MHD_YES;
	log_debug(1, "http: %u connections open: one more closed at accept", h->conns);
	return MHD_NO;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_ctx,
			  enum MHD_ConnectionNotificationCode code)
{
	struct http *h = cls;

	const union MHD_ConnectionInfo *ci;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		h->conns++;
		/* Before the handshake: whether it asks the client for a certificate. */
		if (h->wc && h->wc->cert_pem && h->wc->client_auth != WEB_NO_CLIENT_CERT) {
			gnutls_session_t s = tls_session(c);
			bool need = h->wc->client_auth == WEB_REQUIRE_ANY_CLIENT_CERT ||
				    h->wc->client_auth == WEB_REQUIRE_AND_VERIFY_CLIENT_CERT;

			if (s)
				gnutls_certificate_server_set_request(s, need ? GNUTLS_CERT_REQUIRE
									  : GNUTLS_CERT_REQUEST);
		}
		ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		if (ci)
			deadline_open(&h->dl, c, ci->connect_fd);
	} else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
		if (h->conns)
			h->conns--;
		deadline_close(&h->dl, c);
	}
}

/* A response went out: the connection's next request head has the time limit again. */
static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct http *h = cls;

	deadline_done(&h->dl, c);
}

/* libmicrohttpd's own complaints (a client that sent garbage) are for -v only. */
static void on_log(void *cls, const char *fmt, va_list ap)
{
	char msg[256];
	size_t n;

	if (log_verbosity() < 1)
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	n = strlen(msg);
	while (n && msg[n - 1] == '\n')
		msg[--n] = '\0';
	log_debug(1, "http: %s", msg);
}

int http_start(struct http **out, int fd, const struct http_limits *lim, struct scrape *s,
	       struct web_config *wc, char *why, size_t len)
{
	struct http *h = calloc(1, sizeof(*h));
	bool tls = wc && wc->cert_pem;
	struct MHD_OptionItem tls_opts[5];
	unsigned nt = 0;

	if (!h) {
		close(fd);
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	h->s = s;
	h->max_conns = lim->max_conns;
	h->wc = wc;
	if (deadline_init(&h->dl, lim->max_conns, (uint64_t)lim->timeout_s * 1000000000ull)) {
		close(fd);
		free(h);
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	if (tls) {
		tls_opts[nt++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_KEY, 0, wc->key_pem };
		tls_opts[nt++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_CERT, 0, wc->cert_pem };
		tls_opts[nt++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_PRIORITIES, 0,
							  wc->priorities };
		if (wc->client_ca_pem)
			tls_opts[nt++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_TRUST, 0,
								  wc->client_ca_pem };
	}
	tls_opts[nt] = (struct MHD_OptionItem){ MHD_OPTION_END, 0, NULL };
	/*
	 * One polling thread serves every connection: the scrape state needs no
	 * lock, and a connection that stalls costs a socket and its memory
	 * limit, never a thread.
	 */
	h->d = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG |
				(tls ? MHD_USE_TLS : 0), 0, on_accept, h,
				on_request, h,
				/* First, or the options before it log through stderr. */
				MHD_OPTION_EXTERNAL_LOGGER, on_log, NULL,
				MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
				/* Above ours, so the library keeps accepting for on_accept to refuse. */
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)lim->max_conns + 1,
				MHD_OPTION_NOTIFY_CONNECTION, on_connection, h,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, h,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)lim->timeout_s,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)lim->conn_memory,
				MHD_OPTION_ARRAY, tls_opts,
				MHD_OPTION_END);
	if (!h->d) {
		close(fd);
		deadline_fini(&h->dl);
		free(h);
		snprintf(why, len, tls ? "cannot start the HTTPS server (libmicrohttpd: the "
				"certificate, key or client CA do not load?)" : "cannot start the HTTP "
				"server (libmicrohttpd)");
		return -EIO;
	}
	*out = h;
	return 0;
}

void http_stop(struct http *h)
{
	if (!h)
		return;
	MHD_stop_daemon(h->d);
	deadline_fini(&h->dl);
	free(h);
}

void http_tick(struct http *h, uint64_t now_ns)
{
	unsigned cut = deadline_enforce(&h->dl, now_ns);

	if (cut)
		log_debug(1, "http: %u connection(s) cut: no whole request head within the timeout",
			  cut);
}

/* Splits "HOST:PORT", "[V6]:PORT" or ":PORT" into host (NULL: any) and port. */
static int split_addr(const char *addr, char *host, size_t hlen, const char **port)
{
	const char *colon;
	size_t n;

	if (addr[0] == '[') {
		const char *close_ = strchr(addr, ']');

		if (!close_ || close_[1] != ':')
			return -EINVAL;
		n = (size_t)(close_ - addr - 1);
		if (n >= hlen)
			return -EINVAL;
		memcpy(host, addr + 1, n);
		host[n] = '\0';
		*port = close_ + 2;
	} else {
		colon = strrchr(addr, ':');
		if (!colon || memchr(addr, ':', (size_t)(colon - addr)))
			return -EINVAL;
		n = (size_t)(colon - addr);
		if (n >= hlen)
			return -EINVAL;
		memcpy(host, addr, n);
		host[n] = '\0';
		*port = colon + 1;
	}
	return **port ? 0 : -EINVAL;
}

int http_listen(const char *addr, char *why, size_t len)
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *ai = NULL;
	char host[256];
	const char *port;
	int fd = -1, one = 1, err, gai;

	if (split_addr(addr, host, sizeof(host), &port)) {
		snprintf(why, len, "%s: not HOST:PORT", addr);
		return -EINVAL;
	}
	gai = getaddrinfo(host[0] ? host : NULL, port, &hints, &ai);
	if (gai) {
		snprintf(why, len, "%s: %s", addr, gai_strerror(gai));
		return -EINVAL;
	}
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		err = -errno;
		goto fail;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) || listen(fd, 128)) {
		err = -errno;
		goto fail;
	}
	freeaddrinfo(ai);
	return fd;
fail:
	snprintf(why, len, "%s: %s", addr, strerror(-err));
	if (fd >= 0)
		close(fd);
	freeaddrinfo(ai);
	return err;
}

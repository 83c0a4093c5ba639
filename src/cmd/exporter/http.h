/* SPDX-License-Identifier: GPL-2.0-or-later */
/* http.h: the exporter's HTTP server (libmicrohttpd): /metrics, / and /-/healthy, bounded. */
#ifndef SOCKEYE_CMD_EXPORTER_HTTP_H
#define SOCKEYE_CMD_EXPORTER_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "cmd/exporter/scrape.h"
#include "cmd/exporter/webconfig.h"

/* The bounds every connection gets: hostile clients cost at most this. */
struct http_limits {
	unsigned max_conns;	/* open connections at once; more are closed at accept */
	unsigned timeout_s;	/* a connection idle this long is closed (slowloris) */
	size_t conn_memory;	/* bytes per connection for the request line and headers */
};

struct http;

/*
 * Listens on fd (bound and listening; taken over) and serves s from a thread
 * of the library's own, the only one that touches s (and wc's password cache):
 * over TLS when wc has a certificate, to basic_auth_users only when it has
 * users (wc may be NULL).  0 or -errno with why filled.
 */
int http_start(struct http **out, int fd, const struct http_limits *lim, struct scrape *s,
	       struct web_config *wc, char *why, size_t len);
void http_stop(struct http *h);
/*
 * From the thread that started h, about twice a second: cuts connections
 * that have not sent a whole request head within the timeout of their
 * accept or last response (slowloris: trickled headers are not idleness).
 */
void http_tick(struct http *h, uint64_t now_ns);

/*
 * A listening TCP socket on addr ("HOST:PORT", "[V6]:PORT", ":PORT" for every
 * address).  fd or -errno with why filled (the address named).
 */
int http_listen(const char *addr, char *why, size_t len);

#endif

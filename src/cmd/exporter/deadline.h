/* SPDX-License-Identifier: GPL-2.0-or-later */
/* deadline.h: a whole request head within a time limit, or the connection is cut (slowloris). */
#ifndef SOCKEYE_CMD_EXPORTER_DEADLINE_H
#define SOCKEYE_CMD_EXPORTER_DEADLINE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

/*
 * libmicrohttpd's timeout is for idleness: a client that sends a byte of its
 * headers now and then keeps its connection, and enough of them fill the
 * connection cap.  So each connection is also given limit_ns from its accept
 * (or from its last response) to deliver a whole request head; the server's
 * thread marks the times, another thread (the exporter's main one) cuts the
 * late with shutdown(), which the server then sees and closes.
 */
struct deadline_conn {
	void *key;		/* the library's connection */
	int fd;
	uint64_t since_ns;	/* accept or last response, CLOCK_MONOTONIC */
	bool in_request;	/* its head arrived: now the response is the server's */
};

struct deadline {
	pthread_mutex_t lock;
	struct deadline_conn *v;
	unsigned n, cap;
	uint64_t limit_ns;
	uint64_t cut;		/* connections cut so far */
};

int deadline_init(struct deadline *d, unsigned max_conns, uint64_t limit_ns);
void deadline_fini(struct deadline *d);
/* From the server's thread: a connection opened, its head arrived, its response sent, closed. */
void deadline_open(struct deadline *d, void *key, int fd);
void deadline_head(struct deadline *d, void *key);
void deadline_done(struct deadline *d, void *key);
void deadline_close(struct deadline *d, void *key);
/* From another thread: cuts the connections past their limit at now_ns.  How many. */
unsigned deadline_enforce(struct deadline *d, uint64_t now_ns);

#endif

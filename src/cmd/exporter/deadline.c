/* SPDX-License-Identifier: GPL-2.0-or-later */
/* deadline.c: the request-head time limit: a table of open connections under a lock. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "cmd/exporter/deadline.h"
#include "util/clock.h"

int deadline_init(struct deadline *d, unsigned max_conns, uint64_t limit_ns)
{
	memset(d, 0, sizeof(*d));
	/* The cap bounds the table: the server refuses connections past it. */
	d->v = calloc(max_conns + 1, sizeof(*d->v));
	if (!d->v)
		return -ENOMEM;
	d->cap = max_conns + 1;
	d->limit_ns = limit_ns;
	pthread_mutex_init(&d->lock, NULL);
	return 0;
}

void deadline_fini(struct deadline *d)
{
	if (!d->v)
		return;
	pthread_mutex_destroy(&d->lock);
	free(d->v);
	d->v = NULL;
}

static struct deadline_conn *find(struct deadline *d, void *key)
{
	for (unsigned i = 0; i < d->n; i++)
		if (d->v[i].key == key)
			return &d->v[i];
	return NULL;
}

void deadline_open(struct deadline *d, void *key, int fd)
{
	pthread_mutex_lock(&d->lock);
	if (d->n < d->cap)
		d->v[d->n++] = (struct deadline_conn){ .key = key, .fd = fd,
						       .since_ns = clock_ns(CLOCK_MONOTONIC) };
	pthread_mutex_unlock(&d->lock);
}

void deadline_head(struct deadline *d, void *key)
{
	struct deadline_conn *c;

	pthread_mutex_lock(&d->lock);
	c = find(d, key);
	if (c)
		c->in_request = true;
	pthread_mutex_unlock(&d->lock);
}

void deadline_done(struct deadline *d, void *key)
{
	struct deadline_conn *c;

	pthread_mutex_lock(&d->lock);
	c = find(d, key);
	if (c) {
		c->in_request = false;
		c->since_ns = clock_ns(CLOCK_MONOTONIC);
	}
	pthread_mutex_unlock(&d->lock);
}

/*
 * Called before the library closes the socket, so while an entry is in the
 * table its fd is still this connection's and never a reused number.
 */
void deadline_close(struct deadline *d, void *key)
{
	struct deadline_conn *c;

	pthread_mutex_lock(&d->lock);
	c = find(d, key);
	if (c)
		*c = d->v[--d->n];
	pthread_mutex_unlock(&d->lock);
}

unsigned deadline_enforce(struct deadline *d, uint64_t now_ns)
{
	unsigned cut = 0;

	pthread_mutex_lock(&d->lock);
	for (unsigned i = 0; i < d->n; i++) {
		struct deadline_conn *c = &d->v[i];

		if (c->in_request || now_ns - c->since_ns < d->limit_ns)
			continue;
		shutdown(c->fd, SHUT_RDWR);
		/* Once: the server closes it at its next look, and the entry goes then. */
		c->in_request = true;
		cut++;
	}
	d->cut += cut;
	pthread_mutex_unlock(&d->lock);
	return cut;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names_host.c: the host name cache of the print path, and the resolver thread that fills it. */
#include "config.h"

#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include "decode/names_host.h"

/*
 * Bounded: past this many addresses new ones print as numbers (a scan of a
 * /16 must not grow the cache, nor the resolver's queue, without end).
 */
#define HOST_CACHE_MAX 16384
#define HOST_BUCKETS 4096

enum host_state { HOST_NEW, HOST_QUEUED, HOST_DONE };

struct host_entry {
	struct host_entry *next;	/* hash chain: the print thread's alone */
	struct host_entry *queued;	/* the resolver's queue, under the mutex */
	char *name;			/* set once by the resolver (release), NULL: none */
	int state;			/* enum host_state, atomic */
	uint8_t family;
	uint8_t addr[16];
};

struct host_names {
	host_resolve_fn resolve;
	void *arg;
	struct host_entry *bucket[HOST_BUCKETS];
	unsigned count;
	pthread_mutex_t lock;	/* the queue, stop and owners */
	pthread_cond_t wake;
	pthread_cond_t done;	/* a lookup finished: for host_names_wait's waiter */
	unsigned wait_ms;	/* host_names_wait: how long the print side waits for a name, 0: never */
	struct host_entry *head, *tail;
	bool stop;
	unsigned owners;	/* the print side and the thread: the last one frees */
	pthread_t th;
};

static int getnameinfo_resolve(unsigned family, const uint8_t *addr, char *name, size_t len,
			       void *arg)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6 };
	const struct sockaddr *sa;
	socklen_t salen;

	(void)arg;
	if (family == 4) {
		memcpy(&in.sin_addr, addr, 4);
		sa = (const struct sockaddr *)&in;
		salen = sizeof(in);
	} else {
		memcpy(&in6.sin6_addr, addr, 16);
		sa = (const struct sockaddr *)&in6;
		salen = sizeof(in6);
	}
	return getnameinfo(sa, salen, name, (socklen_t)len, NULL, 0, NI_NAMEREQD);
}

static void destroy(struct host_names *h)
{
	for (unsigned i = 0; i < HOST_BUCKETS; i++) {
		struct host_entry *e = h->bucket[i], *next;

		for (; e; e = next) {
			next = e->next;
			free(e->name);
			free(e);
		}
	}
	pthread_cond_destroy(&h->wake);
	pthread_cond_destroy(&h->done);
	pthread_mutex_destroy(&h->lock);
	free(h);
}

/* Drops one owner's hold (under the lock); true when it was the last. */
static bool release(struct host_names *h)
{
	return --h->owners == 0;
}

static void *resolver_main(void *arg)
{
	struct host_names *h = arg;
	char name[NI_MAXHOST];
	bool last;

	pthread_mutex_lock(&h->lock);
	for (;;) {
		struct host_entry *e;

		while (!h->stop && !h->head)
			pthread_cond_wait(&h->wake, &h->lock);
		if (h->stop)
			break;
		e = h->head;
		h->head = e->queued;
		if (!h->head)
			h->tail = NULL;
		pthread_mutex_unlock(&h->lock);

		/* The slow part, with nothing held: the print thread never waits for it. */
		if (h->resolve(e->family, e->addr, name, sizeof(name), h->arg) == 0 && name[0]) {
			name[sizeof(name) - 1] = '\0';
			__atomic_store_n(&e->name, strdup(name), __ATOMIC_RELEASE);
		}
		__atomic_store_n(&e->state, HOST_DONE, __ATOMIC_RELEASE);
		pthread_mutex_lock(&h->lock);
		pthread_cond_broadcast(&h->done);
	}
	last = release(h);
	pthread_mutex_unlock(&h->lock);
	if (last)
		destroy(h);
	return NULL;
}

struct host_names *host_names_new(host_resolve_fn resolve, void *arg)
{
	struct host_names *h = calloc(1, sizeof(*h));
	pthread_condattr_t ca;
	sigset_t all, old;
	int err;

	if (!h)
		return NULL;
	h->resolve = resolve ? resolve : getnameinfo_resolve;
	h->arg = arg;
	h->owners = 2;
	pthread_mutex_init(&h->lock, NULL);
	pthread_cond_init(&h->wake, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&h->done, &ca);
	pthread_condattr_destroy(&ca);
	/* The capture's signals (SIGINT to stop) are the main thread's to take, not the resolver's. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&h->th, NULL, resolver_main, h);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err) {
		pthread_cond_destroy(&h->done);
		pthread_cond_destroy(&h->wake);
		pthread_mutex_destroy(&h->lock);
		free(h);
		return NULL;
	}
	pthread_detach(h->th);
	return h;
}

static unsigned hash(unsigned family, const uint8_t *addr)
{
	unsigned n = family == 4 ? 4 : 16, v = 2166136261u;

	for (unsigned i = 0; i < n; i++)
		v = (v ^ addr[i]) * 16777619u;
	return v % HOST_BUCKETS;
}

static struct host_entry *find_or_add(struct host_names *h, unsigned family, const uint8_t *addr)
{
	unsigned n = family == 4 ? 4 : 16, b = hash(family, addr);
	struct host_entry *e;

	for (e = h->bucket[b]; e; e = e->next)
		if (e->family == family && !memcmp(e->addr, addr, n))
			return e;
	if (h->count >= HOST_CACHE_MAX)
		return NULL;
	e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	e->family = (uint8_t)family;
	memcpy(e->addr, addr, n);
	e->next = h->bucket[b];
	h->bucket[b] = e;
	h->count++;
	return e;
}

void host_names_wait(struct host_names *h, unsigned ms)
{
	if (h)
		h->wait_ms = ms;
}

/*
 * host_names_wait's side: e is queued; wait for its answer until the
 * deadline.  A resolver that misses it is slow (an unreachable server):
 * from then on nothing waits, so a file of many such hosts is not stalled
 * for each.  Called with the lock held.
 */
static void wait_done(struct host_names *h, struct host_entry *e)
{
	struct timespec end;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += h->wait_ms / 1000;
	end.tv_nsec += (long)(h->wait_ms % 1000) * 1000000L;
	if (end.tv_nsec >= 1000000000L) {
		end.tv_sec++;
		end.tv_nsec -= 1000000000L;
	}
	while (__atomic_load_n(&e->state, __ATOMIC_ACQUIRE) != HOST_DONE)
		if (pthread_cond_timedwait(&h->done, &h->lock, &end) == ETIMEDOUT) {
			h->wait_ms = 0;
			break;
		}
}

const char *host_names_get(struct host_names *h, unsigned family, const uint8_t *addr)
{
	struct host_entry *e;

	if (!h || (family != 4 && family != 6))
		return NULL;
	e = find_or_add(h, family, addr);
	if (!e)
		return NULL;
	switch (__atomic_load_n(&e->state, __ATOMIC_ACQUIRE)) {
	case HOST_DONE:
		return __atomic_load_n(&e->name, __ATOMIC_ACQUIRE);
	case HOST_QUEUED:
		if (!h->wait_ms)
			return NULL;
		pthread_mutex_lock(&h->lock);
		wait_done(h, e);
		pthread_mutex_unlock(&h->lock);
		return __atomic_load_n(&e->name, __ATOMIC_ACQUIRE);
	}
	/* Live: never wait; when the resolver holds the queue, the next packet queues the address. */
	if (h->wait_ms)
		pthread_mutex_lock(&h->lock);
	else if (pthread_mutex_trylock(&h->lock))
		return NULL;
	e->queued = NULL;
	if (h->tail)
		h->tail->queued = e;
	else
		h->head = e;
	h->tail = e;
	__atomic_store_n(&e->state, HOST_QUEUED, __ATOMIC_RELAXED);
	pthread_cond_signal(&h->wake);
	if (h->wait_ms)
		wait_done(h, e);
	pthread_mutex_unlock(&h->lock);
	return __atomic_load_n(&e->name, __ATOMIC_ACQUIRE);
}

void host_names_free(struct host_names *h)
{
	bool last;

	if (!h)
		return;
	pthread_mutex_lock(&h->lock);
	h->stop = true;
	pthread_cond_signal(&h->wake);
	last = release(h);
	pthread_mutex_unlock(&h->lock);
	if (last)
		destroy(h);
}

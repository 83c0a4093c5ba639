/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sockdiag_async.c: a sock_diag dump received on a thread of its own while the caller's thread
 * parses what came before (sockdiag_dump_start/finish/cancel); sockdiag.c builds, sends and parses.
 */
#include "config.h"
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libmnl/libmnl.h>
#include <linux/netlink.h>
#include "diag/sockdiag.h"

/* One datagram as received; data is 8-byte aligned, as sockdiag_parse wants. */
struct dgram {
	struct dgram *next;
	size_t len;
	char data[];
};

struct sockdiag_async {
	struct sockdiag_req req;
	struct mnl_socket *nl;
	uint32_t seq, portid;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t more;	/* for the reader: a batch queued, or the end */
	pthread_cond_t room;	/* for the receiver: the queue half empty, or stop */
	struct dgram *head, *tail;
	struct dgram *spare;	/* read datagrams, for the receiver to reuse */
	size_t queued, max_queued;
	/*
	 * The reader sleeps until a batch of datagrams waits, not each one: a
	 * wakeup costs more than parsing a datagram (in a VM above all).
	 */
	size_t batch;
	bool reader_waits, receiver_waits;
	bool ended;		/* the receiver is done: the dump's end, or err */
	bool stop;		/* the reader gave up: the receiver drops the rest */
	int err;		/* a receive failure (-errno) */
};

/* Whether buf holds the dump's last message (NLMSG_DONE or NLMSG_ERROR), or is malformed. */
static bool is_last(const char *buf, size_t len)
{
	size_t off = 0;

	while (off + sizeof(struct nlmsghdr) <= len) {
		const struct nlmsghdr *nlh = (const struct nlmsghdr *)(buf + off);

		if (nlh->nlmsg_len < sizeof(*nlh) || nlh->nlmsg_len > len - off)
			return true;
		if (nlh->nlmsg_type == NLMSG_DONE || nlh->nlmsg_type == NLMSG_ERROR)
			return true;
		off += MNL_ALIGN(nlh->nlmsg_len);
	}
	/* A tail too short for a header is malformed too (the parser will say so). */
	return off < len;
}

static void *async_receive(void *arg)
{
	struct sockdiag_async *a = arg;
	struct dgram *d = NULL;
	bool last = false;
	int err = 0;

	while (!last) {
		ssize_t n;

		if (!d) {
			pthread_mutex_lock(&a->lock);
			d = a->spare;
			if (d)
				a->spare = d->next;
			pthread_mutex_unlock(&a->lock);
		}
		if (!d && !(d = malloc(sizeof(*d) + SOCKDIAG_RX_SIZE))) {
			err = -ENOMEM;
			break;
		}
		n = mnl_socket_recvfrom(a->nl, d->data, SOCKDIAG_RX_SIZE);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			err = n < 0 ? -errno : -EBADMSG;
			break;
		}
		d->len = (size_t)n;
		d->next = NULL;
		last = is_last(d->data, d->len);
		pthread_mutex_lock(&a->lock);
		while (!a->stop && a->max_queued && a->queued >= a->max_queued) {
			a->receiver_waits = true;
			pthread_cond_wait(&a->room, &a->lock);
			a->receiver_waits = false;
		}
		if (a->stop) {
			pthread_mutex_unlock(&a->lock);
			break;
		}
		if (a->tail)
			a->tail->next = d;
		else
			a->head = d;
		a->tail = d;
		a->queued++;
		d = NULL;
		if (a->reader_waits && a->queued >= a->batch)
			pthread_cond_signal(&a->more);
		pthread_mutex_unlock(&a->lock);
	}
	free(d);
	pthread_mutex_lock(&a->lock);
	a->err = err;
	a->ended = true;
	pthread_cond_signal(&a->more);
	pthread_mutex_unlock(&a->lock);
	return NULL;
}

int sockdiag_dump_start(const struct sockdiag_req *req, size_t max_queued,
			struct sockdiag_async **out)
{
	struct sockdiag_async *a = calloc(1, sizeof(*a));
	pthread_attr_t attr;
	int err;

	*out = NULL;
	if (!a)
		return -ENOMEM;
	a->req = *req;
	a->seq = (uint32_t)time(NULL);
	a->max_queued = max_queued;
	a->batch = max_queued ? (max_queued + 1) / 2 : 8;
	err = sockdiag_dump_open(req, a->seq, &a->nl);
	if (err) {
		free(a);
		return err;
	}
	a->portid = mnl_socket_get_portid(a->nl);
	pthread_mutex_init(&a->lock, NULL);
	pthread_cond_init(&a->more, NULL);
	pthread_cond_init(&a->room, NULL);
	/* The receiver needs little stack: a small one is cheaper to map. */
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	err = -pthread_create(&a->thread, &attr, async_receive, a);
	pthread_attr_destroy(&attr);
	if (err) {
		pthread_cond_destroy(&a->more);
		pthread_cond_destroy(&a->room);
		pthread_mutex_destroy(&a->lock);
		mnl_socket_close(a->nl);
		free(a);
		return err;
	}
	*out = a;
	return 0;
}

/* Stops the receiver, waits for it and frees a with what it still holds. */
static void async_free(struct sockdiag_async *a)
{
	struct dgram *d;

	pthread_mutex_lock(&a->lock);
	a->stop = true;
	pthread_cond_signal(&a->room);
	pthread_mutex_unlock(&a->lock);
	/* The kernel goes on filling the dump: the receiver's recv returns, it sees stop. */
	pthread_join(a->thread, NULL);
	while ((d = a->head)) {
		a->head = d->next;
		free(d);
	}
	while ((d = a->spare)) {
		a->spare = d->next;
		free(d);
	}
	pthread_cond_destroy(&a->more);
	pthread_cond_destroy(&a->room);
	pthread_mutex_destroy(&a->lock);
	mnl_socket_close(a->nl);
	free(a);
}

void sockdiag_dump_cancel(struct sockdiag_async *a)
{
	if (a)
		async_free(a);
}

int sockdiag_dump_finish(struct sockdiag_async *a, sockdiag_sock_cb cb, sockdiag_raw_cb raw,
			 void *arg)
{
	int err = 0;

	for (;;) {
		struct dgram *d;

		pthread_mutex_lock(&a->lock);
		/* Out of datagrams: sleep until a batch has come (or the end). */
		while (!a->ended && (a->head ? 0 : a->batch) > a->queued) {
			a->reader_waits = true;
			pthread_cond_wait(&a->more, &a->lock);
			a->reader_waits = false;
		}
		d = a->head;
		if (d) {
			a->head = d->next;
			if (!a->head)
				a->tail = NULL;
			a->queued--;
			if (a->receiver_waits && a->queued <= a->max_queued / 2)
				pthread_cond_signal(&a->room);
		} else {
			/* Ended without a last message: a receive failure. */
			err = a->err ? a->err : -EBADMSG;
		}
		pthread_mutex_unlock(&a->lock);
		if (!d)
			break;
		err = raw ? raw(&a->req, d->data, d->len, arg) : 0;
		if (!err)
			err = sockdiag_parse(&a->req, d->data, d->len, a->seq, a->portid, cb, arg);
		/* Back to the receiver: its buffers stay few and already faulted in. */
		pthread_mutex_lock(&a->lock);
		d->next = a->spare;
		a->spare = d;
		pthread_mutex_unlock(&a->lock);
		if (err) {
			err = err == 1 ? 0 : err;
			break;
		}
	}
	async_free(a);
	return err;
}

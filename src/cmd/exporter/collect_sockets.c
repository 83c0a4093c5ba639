/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_sockets.c: the sockets collector: TCP and UDP sockets whose queues are nearly full. */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/sock_diag.h>

#include "cmd/exporter/collector.h"
#include "diag/sockdiag.h"
#include "util/log.h"
#ifdef HAVE_BPF
#include "bpf/sockiter.h"
#endif

/*
 * A socket is under pressure when its receive memory reaches this share of
 * its receive buffer (the kernel drops past the buffer), and a listener when
 * its accept queue reaches this share of its backlog.  Counted, never
 * labelled by port or address: the series stay two per protocol.
 */
#define SOCKETS_FULL_SHARE 0.8

enum { P_TCP, P_UDP, P_NR };

struct sockets_count {
	uint64_t sockets[P_NR];
	uint64_t rcv_full[P_NR];
	uint64_t listen_full;
};

static int count_one(const struct sock_rec *r, void *arg)
{
	struct sockets_count *c = arg;
	unsigned p = r->table == SOCKTAB_TCP ? P_TCP : P_UDP;
	const uint32_t *m = r->skmem;

	c->sockets[p]++;
	if (p == P_TCP && r->state == SOCK_ST_LISTEN) {
		/* A listener's Recv-Q is its accept queue, its Send-Q the backlog. */
		if (r->wqueue && r->rqueue >= SOCKETS_FULL_SHARE * r->wqueue)
			c->listen_full++;
		return 0;
	}
	if (m && r->skmem_len >= (SK_MEMINFO_RCVBUF + 1) * sizeof(uint32_t)) {
		uint32_t alloc, rcvbuf;

		memcpy(&alloc, &m[SK_MEMINFO_RMEM_ALLOC], sizeof(alloc));
		memcpy(&rcvbuf, &m[SK_MEMINFO_RCVBUF], sizeof(rcvbuf));
		if (rcvbuf && alloc >= SOCKETS_FULL_SHARE * rcvbuf)
			c->rcv_full[p]++;
	}
	return 0;
}

/*
 * Where the BPF iterators load, the counts are summed in the kernel: a scrape
 * walks each table once and no socket leaves it (a sock_diag dump formats
 * every one: 80 ms of CPU at 100,000 sockets).  Otherwise, or with
 * SOCKEYE_SOCKITER=off, the dumps.  The state is the iterators, or NULL.
 */
static int sockets_open(void **state, const struct collect_ctx *ctx, char *why, size_t len)
{
	*state = NULL;
#ifdef HAVE_BPF
	*state = sockiter_open();
	if (*state) {
		log_debug(1, "sockets collector: counts from BPF iterators (iter/tcp, iter/udp)");
		return 0;
	}
	log_debug(1, "sockets collector: counts from sock_diag (BPF iterators: %s)",
		  errno == ECANCELED ? "SOCKEYE_SOCKITER=off" : strerror(errno));
#endif
	return 0;
}

static void sockets_close(void *state)
{
#ifdef HAVE_BPF
	sockiter_close(state);
#endif
}

/* The dumps' way: every TCP and UDP socket through count_one.  0, or -errno with why set. */
static int count_dumps(struct sockets_count *c, char *why, size_t len)
{
	static const struct {
		uint8_t family;
		uint16_t proto;
	} dumps[] = {
		/* Each dump walks the host's whole table: TCP of both families in one walk. */
		{ AF_UNSPEC, IPPROTO_TCP },
		{ AF_INET, IPPROTO_UDP }, { AF_INET6, IPPROTO_UDP },
	};
	int err;

	for (size_t i = 0; i < sizeof(dumps) / sizeof(dumps[0]); i++) {
		struct sockdiag_req req = {
			.family = dumps[i].family,
			.protocol = dumps[i].proto,
			/* Time-wait sockets hold no queue: left out of the dump. */
			.states = SOCK_STATES_ALL & ~(1u << SOCK_ST_TIME_WAIT),
			.want = SOCKDIAG_WANT_MEM,
		};

		err = sockdiag_dump(&req, count_one, NULL, c);
		/* A kernel without IPv6 has no such table: nothing to count. */
		if (err == -ENOENT || err == -EAFNOSUPPORT)
			continue;
		if (err) {
			snprintf(why, len, "sock_diag %s: %s", dumps[i].proto == IPPROTO_TCP ? "tcp" : "udp",
				 strerror(err < 0 ? -err : EIO));
			return err < 0 ? err : -EIO;
		}
	}
	return 0;
}

static int sockets_collect(void *state, const struct collect_ctx *ctx, struct prom *p, char *why,
			   size_t len)
{
	static const char *const names[P_NR] = { "tcp", "udp" };
	struct sockets_count c = { 0 };
	const char *l[2] = { "protocol", NULL };
	int err;

#ifdef HAVE_BPF
	if (state) {
		struct sockiter_counts k;

		err = sockiter_count(state, &k);
		if (err) {
			snprintf(why, len, "BPF iterator: %s", strerror(-err));
			return err;
		}
		for (unsigned i = 0; i < P_NR; i++) {
			c.sockets[i] = k.sockets[i];
			c.rcv_full[i] = k.rcv_full[i];
		}
		c.listen_full = k.listen_full;
	} else
#endif
	{
		err = count_dumps(&c, why, len);
		if (err)
			return err;
	}
	prom_family(p, "sockeye_sockets", PROM_GAUGE,
		    "Open TCP and UDP sockets (time-wait left out).");
	for (unsigned k = 0; k < P_NR; k++) {
		l[1] = names[k];
		prom_sample_u64(p, NULL, l, 1, c.sockets[k]);
	}
	prom_family(p, "sockeye_sockets_receive_queue_full", PROM_GAUGE,
		    "Sockets whose receive memory is at 80% of their receive buffer or more (the "
		    "kernel drops past it).");
	for (unsigned k = 0; k < P_NR; k++) {
		l[1] = names[k];
		prom_sample_u64(p, NULL, l, 1, c.rcv_full[k]);
	}
	prom_family(p, "sockeye_listen_queue_full", PROM_GAUGE,
		    "TCP listeners whose accept queue is at 80% of their backlog or more.");
	prom_sample_u64(p, NULL, NULL, 0, c.listen_full);
	return 0;
}

const struct collector collector_sockets = {
	.name = "sockets",
	.per_netns = true,
	.summary = "TCP and UDP sockets, and those whose receive or accept queue is nearly full",
	.open = sockets_open,
	.collect = sockets_collect,
	.close = sockets_close,
};

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_sockets.c: the sockets collector: TCP and UDP sockets, and those whose queues are nearly full. */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <linux/sock_diag.h>

#include "cmd/exporter/collector.h"
#include "diag/sockdiag.h"
#include "kstat/kstat.h"
#include "kstat/sockstat.h"
#include "util/log.h"
#ifdef HAVE_BPF
#include "bpf/socktrack.h"
#endif

/*
 * A scrape must not walk the host's sockets: a TCP walk (sock_diag or
 * iter/tcp) visits every bucket of the established hash, shared by every
 * namespace, and every socket of the namespace: 46 ms of CPU at 100,000
 * sockets.  So each part comes from where it is cheap: the counts from
 * sockstat (per-CPU counters the kernel keeps per namespace), the listeners
 * from a sock_diag dump of the listening hash only, and the full receive
 * queues from the sockets socktrack.bpf.c noted as their data arrived;
 * without BPF, from dumps of the TCP and UDP tables.
 *
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

struct sockets_state {
#ifdef HAVE_BPF
	struct socktrack *track;	/* NULL: the dumps */
	uint32_t seeded[SOCKTRACK_MAX_NETNS];	/* the namespaces walked once (inodes) */
	size_t nseeded;
#endif
	uint64_t walked;		/* the collection the noted sockets were last checked for */
};

static int count_one(const struct sock_rec *r, void *arg)
{
	struct sockets_count *c = arg;
	unsigned p = r->table == SOCKTAB_TCP ? P_TCP : P_UDP;
	const uint32_t *m = r->skmem;

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

static int sockets_open(void **state, const struct collect_ctx *ctx, char *why, size_t len)
{
	struct sockets_state *st = calloc(1, sizeof(*st));

	if (!st) {
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	*state = st;
#ifdef HAVE_BPF
	st->track = socktrack_open();
	if (st->track) {
		log_debug(1, "sockets collector: full sockets noted as data arrives (BPF)");
		return 0;
	}
	log_debug(1, "sockets collector: receive queues from sock_diag (BPF: %s)",
		  errno == ECANCELED ? "SOCKEYE_SOCKITER=off" : strerror(errno));
#endif
	return 0;
}

static void sockets_close(void *state)
{
	struct sockets_state *st = state;

	if (!st)
		return;
#ifdef HAVE_BPF
	socktrack_close(st->track);
#endif
	free(st);
}

/* The namespace's TCP and UDP sockets of both families: sockstat's inuse. */
static int count_sockstat(struct sockets_count *c, char *why, size_t len)
{
	static const char *const files[2] = { "/proc/thread-self/net/sockstat",
					      "/proc/thread-self/net/sockstat6" };
	static const char *const protos[2][P_NR] = { { "TCP", "UDP" }, { "TCP6", "UDP6" } };

	for (unsigned f = 0; f < 2; f++) {
		char *text = NULL;
		size_t n;
		int err = kstat_read_file(files[f], &text, &n);

		/* A kernel without IPv6 has no sockstat6: nothing to add. */
		if (err == -ENOENT && f == 1)
			break;
		if (err) {
			snprintf(why, len, "%s: %s", files[f], strerror(-err));
			return err;
		}
		for (unsigned p = 0; p < P_NR; p++) {
			uint64_t v;

			if (!sockstat_value(text, protos[f][p], "inuse", &v)) {
				snprintf(why, len, "%s: no %s inuse", files[f], protos[f][p]);
				free(text);
				return -EPROTO;
			}
			c->sockets[p] += v;
		}
		free(text);
	}
	return 0;
}

/* One dump of the current namespace through count_one.  0, or -errno with why set. */
static int dump(struct sockets_count *c, uint8_t family, uint16_t proto, uint32_t states,
		char *why, size_t len)
{
	struct sockdiag_req req = {
		.family = family,
		.protocol = proto,
		.states = states,
		.want = SOCKDIAG_WANT_MEM,
	};
	int err = sockdiag_dump(&req, count_one, NULL, c);

	/* A kernel without IPv6 has no such table: nothing to count. */
	if (err == -ENOENT || err == -EAFNOSUPPORT)
		return 0;
	if (err) {
		snprintf(why, len, "sock_diag %s: %s", proto == IPPROTO_TCP ? "tcp" : "udp",
			 strerror(err < 0 ? -err : EIO));
		return err < 0 ? err : -EIO;
	}
	return 0;
}

/*
 * The listeners: a dump that asks for the listen state only walks the
 * listening hash, never the established one.  Both families in one walk.
 */
static int count_listeners(struct sockets_count *c, char *why, size_t len)
{
	return dump(c, AF_UNSPEC, IPPROTO_TCP, 1u << SOCK_ST_LISTEN, why, len);
}

/* Without BPF: TCP's receive queues from a dump of its table (time-wait, requests hold none). */
static int dump_tcp(struct sockets_count *c, char *why, size_t len)
{
	return dump(c, AF_UNSPEC, IPPROTO_TCP,
		    SOCK_STATES_ALL & ~(1u << SOCK_ST_LISTEN | 1u << SOCK_ST_TIME_WAIT |
					1u << SOCK_ST_NEW_SYN_RECV),
		    why, len);
}

static int dump_udp(struct sockets_count *c, char *why, size_t len)
{
	struct sockets_count u = { 0 };
	int err = dump(&u, AF_INET, IPPROTO_UDP, SOCK_STATES_ALL, why, len);

	if (!err)
		err = dump(&u, AF_INET6, IPPROTO_UDP, SOCK_STATES_ALL, why, len);
	c->rcv_full[P_UDP] = u.rcv_full[P_UDP];
	return err;
}

#ifdef HAVE_BPF
/* The inode of the namespace the thread is in: socktrack's name for it. */
static int netns_here(uint32_t *ino)
{
	struct stat sb;

	if (stat("/proc/thread-self/ns/net", &sb))
		return -errno;
	*ino = (uint32_t)sb.st_ino;
	return 0;
}

/* Whether ns was seeded; when not, it is now (the set starts over when full). */
static int seed_once(struct sockets_state *st, uint32_t ns, bool *seeded_now)
{
	int err;

	*seeded_now = false;
	for (size_t i = 0; i < st->nseeded; i++)
		if (st->seeded[i] == ns)
			return 0;
	if (st->nseeded == sizeof(st->seeded) / sizeof(st->seeded[0]))
		st->nseeded = 0;
	err = socktrack_seed_here(st->track);
	if (err)
		return err;
	st->seeded[st->nseeded++] = ns;
	*seeded_now = true;
	return 0;
}

/*
 * The full sockets from those the BPF programs noted: the namespace's full
 * ones noted by one walk the first time, the noted ones checked again once
 * per collection for every namespace.  When the programs lost some (too many
 * full at once), every namespace is walked again, this one now.
 */
static int count_noted(struct sockets_state *st, const struct collect_ctx *ctx,
		       struct sockets_count *c, char *why, size_t len)
{
	struct socktrack_ns n;
	uint32_t ns = 0;
	bool fresh;
	int err = netns_here(&ns);

	if (!err)
		err = seed_once(st, ns, &fresh);
	if (!err && (fresh || st->walked != ctx->collection)) {
		err = socktrack_recount(st->track);
		if (err == 1) {
			log_debug(1, "sockets collector: full sockets lost (over %d): walking again",
				  SOCKTRACK_MAX_FULL);
			st->nseeded = 0;
			err = seed_once(st, ns, &fresh);
			if (!err)
				err = socktrack_recount(st->track);
			err = err < 0 ? err : 0;
		}
		st->walked = ctx->collection;
	}
	if (!err)
		err = socktrack_ns_counts(st->track, ns, &n);
	if (err) {
		snprintf(why, len, "BPF full sockets: %s", strerror(-err));
		return err;
	}
	c->rcv_full[P_TCP] = n.rcv_full[0];
	c->rcv_full[P_UDP] = n.rcv_full[1];
	return 0;
}
#endif

static int sockets_collect(void *state, const struct collect_ctx *ctx, struct prom *p, char *why,
			   size_t len)
{
	static const char *const names[P_NR] = { "tcp", "udp" };
	struct sockets_state *st = state;
	struct sockets_count c = { 0 };
	const char *l[2] = { "protocol", NULL };
	int err;

	err = count_sockstat(&c, why, len);
	if (!err)
		err = count_listeners(&c, why, len);
#ifdef HAVE_BPF
	if (!err && st->track)
		err = count_noted(st, ctx, &c, why, len);
	else
#endif
	if (!err)
		err = dump_tcp(&c, why, len) ?: dump_udp(&c, why, len);
	if (err)
		return err;
	prom_family(p, "sockeye_sockets", PROM_GAUGE,
		    "TCP and UDP sockets in the kernel's tables (sockstat's inuse: time-wait and "
		    "half-open requests left out).");
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

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sample.h: one reading of every layer of the receive path, for why's funnel. */
#ifndef SOCKEYE_CMD_WHY_SAMPLE_H
#define SOCKEYE_CMD_WHY_SAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag/sockdiag.h"
#include "diag/ssfilter.h"
#include "kstat/conntrack.h"
#include "kstat/kstat.h"
#include "kstat/qdisc.h"

#ifdef HAVE_BPF
#include "bpf/drops.h"
#endif

/* The protocol counters why reads, by their names in /proc/net/snmp, netstat and snmp6. */
enum why_snmp {
	WS_IP_IN, WS_IP6_IN,
	WS_UDP_IN, WS_UDP_INERR, WS_UDP_RCVBUF, WS_UDP_NOPORTS,
	WS_UDP6_IN, WS_UDP6_INERR, WS_UDP6_RCVBUF, WS_UDP6_NOPORTS,
	WS_TCP_IN,
	WS_LISTEN_OVERFLOWS, WS_LISTEN_DROPS, WS_TCP_BACKLOG_DROP, WS_TCP_RCVQ_DROP,
	WS_PRUNE_CALLED, WS_RCV_PRUNED, WS_OFO_PRUNED,
	WS_N,
};
/* "Udp RcvbufErrors": the file's prefix and the counter's name, as people look them up. */
const char *why_snmp_name(enum why_snmp c);

/* A socket that queued or dropped: what the funnel and the advice need of it. */
struct why_sock {
	uint64_t inode;
	enum sock_table table;
	uint8_t family, state;
	uint8_t src[16], dst[16];
	uint16_t sport, dport;
	uint32_t rqueue, wqueue;	/* listeners: accept queue and its backlog */
	uint32_t rcvbuf, rmem;		/* SO_RCVBUF and the bytes held (skmeminfo) */
	uint32_t drops;			/* sk_drops */
};

/* Where and how to read: the options that narrow the socket and protocol layers. */
struct why_scope {
	const char *iface;		/* -i: the device layers' one device, or NULL */
	int ifindex;			/* its index in the namespace, found at the first sample */
	int pid;			/* --pid: only this process's sockets, or 0 */
	struct ssfilter *filter;	/* FILTER words, or NULL */
	bool no_drops;			/* no drop-reason collector (top's drops panel has one) */
	bool no_socks;			/* no socket dumps (top's panel shows no socket rows) */
};

/* The kstat parts a sample reads: why_sample_take's, and what a lender of its own must have. */
#define WHY_KSTAT_PARTS (KSTAT_CORE | KSTAT_RINGS | KSTAT_QUEUES | KSTAT_PACKET)

struct why_sample {
	uint64_t mono_ns, real_ns;
	struct kstat_sample ks;		/* softirqs, softnet, links, rings, queues, packet sockets */
	bool ks_lent;			/* ks is a caller's (why_sample_take_lent): not freed here */
	uint64_t snmp[WS_N];
	uint32_t snmp_has;		/* bit per enum why_snmp read */
	int snmp_err;
	struct qdisc_snap qdisc;
	int qdisc_err;
	struct conntrack_stat ct;
	int ct_err;			/* -ENOENT: no nf_conntrack in this kernel or namespace */
	struct why_sock *socks;		/* sockets that queued or dropped, by inode */
	size_t nsocks;
	int sock_err;
#ifdef HAVE_BPF
	struct drops_sample drops;
#endif
	int drops_err;			/* BPF: -errno of the reading, or of the collector */
};

/* The samplers' state kept across readings: the socket scan, the BPF collector. */
struct why_sampler;

/*
 * Starts what samples need: the socket scan (filter), and the drop-reason
 * collector, which may fail (no privilege, no BTF): then drops_why says why
 * and samples have drops_err set.  Runs in the namespace to watch.  NULL: out
 * of memory.
 */
struct why_sampler *why_sampler_new(struct why_scope *scope);
/* Why the drop reasons are absent, or NULL. */
const char *why_sampler_drops_why(const struct why_sampler *w);
#ifdef HAVE_BPF
struct drops;
#endif
void why_sampler_free(struct why_sampler *w);

/*
 * Reads every layer into s (zeroed by the caller, or freed before).  A layer
 * that cannot be read keeps its -errno; only the core counters (softnet,
 * links) failing is an error: 0, or -errno with *source naming the file.
 */
int why_sample_take(struct why_sampler *w, const struct why_sample *prev, struct why_sample *s,
		    const char **source);
/*
 * The same over a kstat sample the caller took (top's, with WHY_KSTAT_PARTS):
 * s->ks is a shallow copy of *ks, which must outlive s's use and which
 * why_sample_free leaves alone; the other layers are read here.
 */
void why_sample_take_lent(struct why_sampler *w, const struct kstat_sample *ks,
			  struct why_sample *s);
void why_sample_free(struct why_sample *s);
/* The socket with this inode in s (sorted by inode), or NULL. */
const struct why_sock *why_sample_sock(const struct why_sample *s, uint64_t inode);

#endif

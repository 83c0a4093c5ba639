/* SPDX-License-Identifier: GPL-2.0-or-later */
/* napi.h: what napi.bpf.c and its collector share, and the collector that top can reuse. */
#ifndef SOCKEYE_NAPI_H
#define SOCKEYE_NAPI_H

#ifndef __bpf__
#include <linux/types.h>
#endif

/* The BPF <-> user ABI (see drops.h for the conventions). */

#define NAPI_IFNAMSIZ 16

/*
 * Polls by the share of the budget they used: none, up to 25%, 50%, 75%,
 * less than all of it, and all of it (the driver had more and stopped).
 */
enum napi_hist_bucket {
	NAPI_HIST_IDLE,
	NAPI_HIST_LE25,
	NAPI_HIST_LE50,
	NAPI_HIST_LE75,
	NAPI_HIST_LT100,
	NAPI_HIST_FULL,
	NAPI_HIST_NR,
};

/*
 * The backlog (process_backlog: netif_rx, RPS, a veth without NAPI) is a
 * per-CPU pseudo-instance with no device: every namespace's packets go
 * through it, so a namespace scope keeps it, a device scope leaves it out.
 */
struct napi_bpf_config {
	__u32 netns_ino;	/* 0: every network namespace (and the backlog either way) */
	__u32 ifindex;		/* 0: every device (set only with netns_ino) */
	__u32 backlog_only;	/* 1: the backlog alone, no device (--iface backlog) */
};

/* napi_val.flags */
#define NAPI_F_BACKLOG 1u	/* napi->dev is NULL: the CPU's backlog, not a device's */

/* One NAPI instance on one CPU: a CPU updates only its own keys, so no atomics. */
struct napi_key {
	__u32 ifindex;		/* 0: no device (the backlog, NAPI_F_BACKLOG) */
	__u32 netns_ino;
	__u32 napi_id;
	__u32 cpu;
};

struct napi_val {
	__u64 polls;
	__u64 packets;		/* the work the polls reported */
	__u64 budget_polls;	/* polls with a budget (netpoll polls with 0) */
	__u64 hist[NAPI_HIST_NR];
	__u32 budget;		/* the last budget seen */
	__u32 flags;		/* NAPI_F_BACKLOG */
	char ifname[NAPI_IFNAMSIZ];	/* empty for the backlog */
};

/* The softirq time is softirq.bpf.h's map (struct softirq_percpu), in napi.bpf.c's object. */

#ifndef __bpf__
/* ---- the collector (user space) ------------------------------------------------- */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpf/loader.h"

struct napi;

struct napi_opts {
	struct napi_bpf_config cfg;
	enum loader_attach attach;
	bool no_softirq;	/* skip the softirq time (top may not want it) */
};

struct napi_entry {
	struct napi_key key;
	struct napi_val val;
};

/* One CPU's NET_RX softirqs (of softirq.bpf.h's every vector, napi shows this one). */
struct napi_cpu {
	unsigned cpu;
	uint64_t softirq_count;
	uint64_t softirq_ns;
};

/*
 * One reading of the collector's maps; views compute rates from two of them.
 * Plain data: a view can be fed one made by hand (the unit tests do).
 */
struct napi_sample {
	uint64_t mono_ns;
	struct napi_entry *entries;	/* sorted by key */
	size_t n;
	struct napi_cpu *cpus;		/* every possible CPU, in order */
	size_t ncpus;
	bool has_softirq;		/* the softirq tracepoints are attached */
};

/* Opens, loads and attaches (opts->attach; auto: tp_btf, raw_tp, kprobe).  0 or -errno. */
int napi_open(const struct napi_opts *opts, struct napi **out, struct loader_error *err);
void napi_close(struct napi *n);
enum loader_attach napi_attach_method(const struct napi *n);
/* Why the softirq time is missing (0 when it is there), as -errno. */
int napi_softirq_error(const struct napi *n);
/*
 * Reads the maps into s, replacing what it held: s starts zeroed or holds an
 * earlier sample.  Release with napi_sample_free.
 */
int napi_read(struct napi *n, struct napi_sample *s);

void napi_sample_free(struct napi_sample *s);
/*
 * Whether e is the backlog: keyed on the missing device, never on napi_id 0,
 * which devices whose NAPI is not hashed (virtio_net) have too.
 */
bool napi_entry_is_backlog(const struct napi_entry *e);
/* What the backlog is called where an interface's name goes ("backlog", --iface). */
#define NAPI_BACKLOG_NAME "backlog"
/* The entry of s with key k, or NULL. */
const struct napi_entry *napi_sample_find(const struct napi_sample *s, const struct napi_key *k);
/* Sorts entries by key (napi_read does; hand-made samples call it). */
void napi_sample_sort(struct napi_sample *s);
/* The file name of a NAPI sample in a top --record sample directory. */
#define NAPI_SAMPLE_FILE "napi"
/* Writes s to path as text (napi_file.c).  0 or -errno. */
int napi_sample_save(const struct napi_sample *s, const char *path);
/* Reads path, written by napi_sample_save, into s (freed first).  0 or -errno (-EINVAL: bad text). */
int napi_sample_load(struct napi_sample *s, const char *path);
#endif

#endif

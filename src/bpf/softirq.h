/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq.h: what softirq.bpf.c and its collector share, the collector, and its readings. */
#ifndef SOCKEYE_SOFTIRQ_H
#define SOCKEYE_SOFTIRQ_H

#ifndef __bpf__
#include <linux/types.h>
#endif

/* The BPF <-> user ABI (see drops.h for the conventions). */

/* The kernel's NR_SOFTIRQS: the vectors of /proc/softirqs, unchanged since 2.6.30. */
#define SOFTIRQ_NR 10
#define SOFTIRQ_NET_TX 2
#define SOFTIRQ_NET_RX 3

/*
 * One CPU's slot of the PERCPU_ARRAY: only that CPU writes it, and softirqs
 * do not nest on a CPU, so one start time and no atomics suffice.
 */
struct softirq_percpu {
	__u64 entry_ns;			/* 0: not inside a softirq */
	__u32 entry_vec;		/* the vector entry_ns belongs to */
	__u32 pad;
	__u64 time_ns[SOFTIRQ_NR];	/* run time, by vector, since attach */
	__u64 count[SOFTIRQ_NR];	/* runs, by vector */
};

#ifndef __bpf__
/* ---- readings (built everywhere: the views and unit tests need no kernel) -------- */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct softirq_cpu {
	uint64_t time_ns[SOFTIRQ_NR];
	uint64_t count[SOFTIRQ_NR];
};

/*
 * One reading of the collector's map.  Plain data: a view can be fed one
 * made by hand (the unit tests do).
 */
struct softirq_sample {
	uint64_t mono_ns;		/* CLOCK_MONOTONIC when read */
	struct softirq_cpu *cpus;	/* by CPU number: every possible CPU */
	size_t ncpus;
};

/* "NET_RX" and the other names /proc/softirqs uses; "?" past SOFTIRQ_NR. */
const char *softirq_vec_name(unsigned vec);

/* What vector vec did on cpu between two readings. */
struct softirq_delta {
	uint64_t time_ns;	/* run time in the interval */
	uint64_t count;		/* runs that ended in it */
	double busy_pct;	/* time_ns as a share of the interval, 0..100 */
};

/*
 * Fills d for vec on cpu from prev to cur.  false when either reading lacks
 * the CPU, the interval is empty or a counter went backwards.  A run that
 * straddles a reading counts whole in the later interval, so the vectors'
 * times may add up to a little more than the interval: the shares are then
 * scaled down to add up to 100 at most.
 */
bool softirq_sample_delta(const struct softirq_sample *prev, const struct softirq_sample *cur,
			  unsigned cpu, unsigned vec, struct softirq_delta *d);
/*
 * Fills d for every vector of cpu together: the CPU's whole softirq time,
 * what /proc/stat's softirq column estimates from ticks (and counts exactly
 * only with IRQ_TIME_ACCOUNTING).  busy_pct is at most 100, as the scaled
 * shares of softirq_sample_delta add up to it.  false as that one.
 */
bool softirq_sample_cpu_busy(const struct softirq_sample *prev, const struct softirq_sample *cur,
			     unsigned cpu, struct softirq_delta *d);
void softirq_sample_free(struct softirq_sample *s);

/* ---- the collector (BPF builds only) ------------------------------------------- */
#include "bpf/loader.h"

struct softirq;

/*
 * Opens, loads and attaches the softirq_entry/exit programs (tp_btf, then
 * raw_tp: kprobes have no counterpart).  0 or -errno, with e holding every attempt.
 */
int softirq_open(struct softirq **out, struct loader_error *e);
void softirq_close(struct softirq *s);
enum loader_attach softirq_attach_method(const struct softirq *s);
/* Reads every CPU's slot into out, replacing what it held (start zeroed).  0 or -errno. */
int softirq_read(struct softirq *s, struct softirq_sample *out);

/*
 * The programs of softirq.bpf.h in a skeleton that has them (softirq.bpf.c's
 * and napi.bpf.c's), so both collectors load and attach them one way: [0]
 * entry and [1] exit, by tp_btf or raw_tp.
 */
struct bpf_program;
struct bpf_link;
struct softirq_progs {
	struct bpf_program *tp_btf[2], *raw_tp[2];
	struct bpf_link **tp_btf_link[2], **raw_tp_link[2];	/* the skeleton's, it destroys them */
};

#define SOFTIRQ_PROGS(k)                                                                 \
	((struct softirq_progs){                                                         \
		.tp_btf = { (k)->progs.softirq_entry_tp_btf,                             \
			    (k)->progs.softirq_exit_tp_btf },                            \
		.raw_tp = { (k)->progs.softirq_entry_raw_tp,                             \
			    (k)->progs.softirq_exit_raw_tp },                            \
		.tp_btf_link = { &(k)->links.softirq_entry_tp_btf,                       \
				 &(k)->links.softirq_exit_tp_btf },                      \
		.raw_tp_link = { &(k)->links.softirq_entry_raw_tp,                       \
				 &(k)->links.softirq_exit_raw_tp },                      \
	})

/* Before the load: loads the pair of tp_btf (tp) or raw_tp, or, without on, neither. */
void softirq_progs_autoload(const struct softirq_progs *p, bool on, bool tp);
/*
 * Attaches the loaded pair, entry first; on failure *what (when not NULL)
 * names the tracepoint that failed.  0 or -errno.
 */
int softirq_progs_attach(const struct softirq_progs *p, bool tp, const char **what);
/* Every CPU's slot of the map `times` (fd) into buf, one per possible CPU.  0 or -errno. */
int softirq_map_read(int fd, struct softirq_percpu *buf);
#endif

#endif

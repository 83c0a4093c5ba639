/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_top.h: top's run state and its panel table, shared by cmd_top.c and cmd_top_ext.c. */
#ifndef SOCKEYE_CMD_TOP_H
#define SOCKEYE_CMD_TOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kstat/kstat.h"
#include "out/fmt.h"

struct top_opts {
	bool batch;
	bool no_header;
	uint64_t iterations;	/* 0: until interrupted */
	uint64_t delay_ns;
	const char *record_dir;
	const char *replay_dir;
};

struct top_ext;
struct top_softirq;

/* One run: the last two samples and the panels' own collectors. */
struct top {
	const struct top_opts *o;
	struct kstat_sample prev, cur;
	bool has_prev;			/* prev holds a sample (not the first frame) */
	struct top_ext *ext;		/* the borrowed collectors (BPF, sockets), or NULL */
	double bpf_drops_per_s;		/* the drops panel's total, < 0 without it */
	struct top_softirq *softirq;	/* the softirqs panel's BPF time, or NULL */
};

/*
 * A panel: one table in every snapshot, always in this order, so the live
 * view's digit keys stay put.  A panel that cannot run (no BPF privileges, no
 * packet_diag, a replay without its data) shows a one-line note instead and
 * JSON has "NAME_error" with the same text.
 */
struct top_panel {
	const char *name;	/* the table's name: JSON key, the live view's panel */
	const char *title;	/* the note's title when the panel cannot run */
	char key;		/* the live view's toggle: the panel's place in the frame */
	unsigned parts;		/* the kstat parts it shows */
	unsigned needs;		/* the part it cannot show without ... */
	const char *source;	/* ... and its name in the note shown instead */
	bool needs_bpf;		/* its collector is a BPF program */
	/* Starts the panel's collector (NULL: none).  0, or -errno with why set. */
	int (*open)(struct top *t, char *why, size_t len);
	/* Reads it after each kstat sample (NULL: none).  0, or -errno with why set. */
	int (*collect)(struct top *t, char *why, size_t len);
	/* The panel's table. */
	void (*emit)(struct fmt *f, const struct top *t, unsigned groups);
	void (*close)(struct top *t);
};

/* The borrowed panels (cmd_top_ext.c): their collectors belong to other commands. */
#ifdef HAVE_BPF
int top_napi_open(struct top *t, char *why, size_t len);
int top_napi_collect(struct top *t, char *why, size_t len);
void top_napi_emit(struct fmt *f, const struct top *t, unsigned groups);
void top_napi_close(struct top *t);
int top_drops_open(struct top *t, char *why, size_t len);
int top_drops_collect(struct top *t, char *why, size_t len);
void top_drops_emit(struct fmt *f, const struct top *t, unsigned groups);
void top_drops_close(struct top *t);
#define TOP_NAPI_FNS .open = top_napi_open, .collect = top_napi_collect, \
		     .emit = top_napi_emit, .close = top_napi_close
#define TOP_DROPS_FNS .open = top_drops_open, .collect = top_drops_collect, \
		      .emit = top_drops_emit, .close = top_drops_close
#else
/* No BPF in this build: those panels only ever say so. */
#define TOP_NAPI_FNS .open = NULL
#define TOP_DROPS_FNS .open = NULL
#endif
/*
 * The softirqs panel's time per CPU (cmd_top_softirq.c).  Unlike a panel's
 * own collector it never keeps the panel from showing: without BPF the time
 * cells stay unset and top_softirq_error says why.  collect always returns 0.
 */
void top_softirq_open(struct top *t);
int top_softirq_collect(struct top *t, char *why, size_t len);
void top_softirq_emit(struct fmt *f, const struct top *t, unsigned groups);
/* Why there is no time, or NULL. */
const char *top_softirq_error(const struct top *t);
void top_softirq_close(struct top *t);
int top_sockets_open(struct top *t, char *why, size_t len);
int top_sockets_collect(struct top *t, char *why, size_t len);
void top_sockets_emit(struct fmt *f, const struct top *t, unsigned groups);
void top_sockets_close(struct top *t);

#endif

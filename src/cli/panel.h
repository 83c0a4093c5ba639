/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.h: the contract between top and the panels commands lend it (cmd/NAME/panel.h). */
#ifndef SOCKEYE_CLI_PANEL_H
#define SOCKEYE_CLI_PANEL_H

/*
 * Here rather than in cmd/top/ so that a command lending top a panel never
 * includes top: top includes cmd/NAME/panel.h, and both include this.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kstat/kstat.h"
#include "out/fmt.h"

/* What top's command line asks for (cmd/top/opts.c fills it). */
struct top_opts {
	bool batch;
	bool no_header;
	uint64_t iterations;	/* 0: until interrupted */
	uint64_t delay_ns;
	const char *record_dir;
	const char *replay_dir;
	const char *panels;	/* --panels: the panels to run, comma-separated names; NULL: all */
};

/* Each panel's own state: a panel's open sets its pointer, its close clears it. */
struct napi_panel;
struct drops_panel;
struct sockets_panel;
struct why_panel;
struct top_softirq;

/* What a panel sees of top's run: the options, the last two samples and its own state. */
struct panel_ctx {
	const struct top_opts *o;
	struct kstat_sample prev, cur;
	bool has_prev;			/* prev holds a sample (not the first frame) */
	/* --record or --replay: cur's directory, where a panel keeps its own file; else "" */
	char sample_dir[4096];
	double bpf_drops_per_s;		/* the drops panel's total, < 0 without it */
	struct napi_panel *napi;	/* cmd/napi/panel.c */
	struct drops_panel *drops;	/* cmd/drops/panel.c */
	struct sockets_panel *sockets;	/* cmd/sockets/panel.c */
	struct why_panel *why;		/* cmd/why/panel.c */
	struct top_softirq *softirq;	/* cmd/top/softirq.c: the softirqs panel's BPF time */
};

/* The sample before cur, or NULL on the first frame. */
static inline const struct kstat_sample *panel_prev(const struct panel_ctx *c)
{
	return c->has_prev ? &c->prev : NULL;
}

/*
 * A panel: one table in every snapshot, always in this order, so the live
 * view's digit keys stay put.  A panel that cannot run (no BPF privileges, no
 * packet_diag, a replay without its data) shows a one-line note instead and
 * JSON has "NAME_error" with the same text.
 */
struct panel {
	const char *name;	/* the table's name: JSON key, the live view's panel */
	const char *title;	/* the note's title when the panel cannot run */
	char key;		/* the live view's toggle: the panel's place in the frame */
	unsigned parts;		/* the kstat parts it shows */
	unsigned needs;		/* the part it cannot show without ... */
	const char *source;	/* ... and its name in the note shown instead */
	bool needs_bpf;		/* its collector is a BPF program */
	/*
	 * It records its readings into c->sample_dir and reads them back in a
	 * replay; the others say "live only" there.
	 */
	bool replays;
	/* Starts the panel's collector, in a replay only its state (NULL: none).  0, or -errno with why set. */
	int (*open)(struct panel_ctx *c, char *why, size_t len);
	/* Reads it after each kstat sample (NULL: none).  0, or -errno with why set. */
	int (*collect)(struct panel_ctx *c, char *why, size_t len);
	/* The panel's table. */
	void (*emit)(struct fmt *f, const struct panel_ctx *c, unsigned groups);
	/* Stops the collector; called only after an open that succeeded. */
	void (*close)(struct panel_ctx *c);
};

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_state.h: one inject run's state, shared by its setup and its two loops, and its report. */
#ifndef SOCKEYE_INJECT_RUN_STATE_H
#define SOCKEYE_INJECT_RUN_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/filter.h"
#include "cmd/inject/gen.h"
#include "cmd/inject/netinfo.h"
#include "cmd/inject/opts.h"
#include "cmd/inject/template.h"
#include "cmd/inject/view_inject.h"
#include "out/fmt.h"

#define ETH_HLEN 14
#define VLAN_HLEN 4

/* An inject command's state: its options, the device, the packet source, the output. */
struct inject_run {
	struct inject_opts *o;
	struct netinfo_link link;	/* valid when o->ifname */
	struct template tmpl;
	struct gen_link glink;
	struct filter filter;
	bool has_filter;
	struct fmt *f;			/* --dump's packets, and JSON stats */
	struct fmt *stats_f;		/* text stats go to stderr */
	struct view_inject_row row;
};

/* The longest frame r's device takes: its MTU, the Ethernet header and a --vlan tag. */
uint32_t inject_run_frame_limit(const struct inject_run *r);
/* The stats row on r->stats_f, flushed: an interval's (final false) or the one at exit. */
void inject_run_emit_stats(struct inject_run *r, bool final);
/*
 * Says what was not sent and why on stderr too: nothing is skipped silently.
 * Returns ret, or EXIT_RUNTIME when packets failed and ret was 0.
 */
int inject_run_report(struct inject_run *r, int ret);

#endif

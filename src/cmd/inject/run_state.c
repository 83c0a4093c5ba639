/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_state.c: what inject's loops share: the frame limit, the stats row, the end report. */
#include "config.h"

#include "cli/cmd.h"
#include "cmd/inject/run_state.h"
#include "util/log.h"

uint32_t inject_run_frame_limit(const struct inject_run *r)
{
	return r->link.mtu + ETH_HLEN + (r->o->vlan >= 0 ? VLAN_HLEN : 0);
}

void inject_run_emit_stats(struct inject_run *r, bool final)
{
	view_inject_emit(r->stats_f, &r->row, final);
	fmt_flush(r->stats_f);
}

int inject_run_report(struct inject_run *r, int ret)
{
	const struct view_inject_row *w = &r->row;
	const char *dev = r->o->ifname ? r->o->ifname : "the device";

	if (w->skipped_mtu)
		log_error("%llu packets skipped: longer than the MTU of %s (%u) allows",
			  (unsigned long long)w->skipped_mtu, dev, r->link.mtu);
	if (w->skipped_linktype)
		log_error("%llu packets skipped: not Ethernet frames, which %s sends",
			  (unsigned long long)w->skipped_linktype, dev);
	if (w->skipped_empty)
		log_error("%llu packets skipped: empty records (nothing captured to send)",
			  (unsigned long long)w->skipped_empty);
	if (w->truncated)
		log_error("%llu packets went out shorter than recorded: the file cut them",
			  (unsigned long long)w->truncated);
	if (w->failed) {
		log_error("%llu packets failed: the kernel refused them or the device failed",
			  (unsigned long long)w->failed);
		ret = ret ? ret : EXIT_RUNTIME;
	}
	return ret;
}

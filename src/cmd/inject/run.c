/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c: one inject run from parsed options to exit status: the device, the source, the loop. */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <pcap/dlt.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "capture/filter_sandbox.h"
#include "capture/savefile.h"
#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/inject/run.h"
#include "cmd/inject/run_live.h"
#include "cmd/inject/run_offline.h"
#include "cmd/inject/run_state.h"
#include "util/log.h"

/* -i IFACE: it exists, is up and sends Ethernet frames.  0 or EXIT_RUNTIME. */
static int setup_link(struct inject_run *r)
{
	const char *name = r->o->ifname;
	int err = netinfo_link(name, &r->link);

	if (err == -ENODEV) {
		log_error("%s: no such interface", name);
		return EXIT_RUNTIME;
	}
	if (err) {
		log_error("%s: %s", name, strerror(-err));
		return EXIT_RUNTIME;
	}
	if (!(r->link.flags & IFF_UP)) {
		log_error("%s: interface is down", name);
		return EXIT_RUNTIME;
	}
	if (r->link.hatype != ARPHRD_ETHER && r->link.hatype != ARPHRD_LOOPBACK) {
		log_error("%s: not an Ethernet device (ARPHRD type %d): inject sends Ethernet "
			  "frames", name, r->link.hatype);
		return EXIT_RUNTIME;
	}
	return 0;
}

static void format_mac(char *buf, const uint8_t m[6])
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

/* The template, its defaults from the device (source address, MACs).  0 or an exit status. */
static int setup_template(struct inject_run *r)
{
	struct inject_opts *o = r->o;
	struct template *t = &r->tmpl;
	struct template_error e;
	const char *dst_how = "--dst-mac";
	char smac[18], dmac[18];

	if (template_parse(t, o->words, ETH_HLEN + (o->vlan >= 0 ? VLAN_HLEN : 0), &e)) {
		if (e.len)
			return cmd_usage_error("template: \"%.*s\": %s", (int)e.len,
					       o->words + e.off, e.msg);
		return cmd_usage_error("template: %s", e.msg);
	}
	if (!t->src.family) {
		t->src.family = t->family;
		if (!o->ifname || netinfo_addr(o->ifname, t->family, t->src.lo))
			log_debug(1, "template: no src and no %s address on the interface: "
				  "sending from the unspecified address",
				  t->family == AF_INET ? "IPv4" : "IPv6");
		memcpy(t->src.hi, t->src.lo, 16);
	}
	r->glink.vlan = o->vlan;
	if (o->src_mac_set)
		memcpy(r->glink.src_mac, o->src_mac, 6);
	else if (o->ifname)
		memcpy(r->glink.src_mac, r->link.mac, 6);
	if (o->dst_mac_set) {
		memcpy(r->glink.dst_mac, o->dst_mac, 6);
	} else if (o->ifname &&
		   !netinfo_neigh(r->link.ifindex, t->family, t->dst.lo, r->glink.dst_mac)) {
		dst_how = "the neighbour table";
	} else {
		memset(r->glink.dst_mac, 0xff, 6);
		dst_how = "broadcast: no neighbour entry for dst";
	}
	format_mac(smac, r->glink.src_mac);
	format_mac(dmac, r->glink.dst_mac);
	log_debug(1, "frames from %s to %s (%s)", smac, dmac, dst_how);
	return 0;
}

/* setup_filter's answer when a stop signal ended the compile: the run ends at once. */
#define INJECT_STOPPED (-1)

/*
 * The -r file's filter, compiled in a child process a stop signal ends:
 * 0, INJECT_STOPPED or an exit status.
 */
static int setup_filter(struct inject_run *r)
{
	char err[PCAP_ERRBUF_SIZE + 64];
	int ret;

	if (!r->o->words[0])
		return 0;
	ret = filter_sandbox_compile(&r->filter, r->o->words, DLT_EN10MB, SAVEFILE_MAX_SNAPLEN,
				     signals_stop_fd(), err, sizeof(err));
	if (ret == -ECANCELED)
		return INJECT_STOPPED;
	if (ret == -EINVAL)
		return cmd_usage_error("filter: %s", err);
	if (ret) {
		log_error("%s", err);
		return EXIT_RUNTIME;
	}
	r->has_filter = true;
	return 0;
}

/* Refuses generated frames that can never fit the device, instead of skipping them all. */
static int check_template_fits(struct inject_run *r)
{
	const struct template *t = &r->tmpl;
	uint32_t limit = inject_run_frame_limit(r), shortest;

	if (t->len.set)
		shortest = (uint32_t)t->len.lo;
	else
		shortest = t->link_len + template_header_len(t) +
			   (t->payload.set ? (uint32_t)t->payload.lo : 0);
	if (shortest <= limit)
		return 0;
	log_error("%s: %u-byte frames do not fit its MTU (%u, frames up to %u bytes)",
		  r->o->ifname, shortest, r->link.mtu, limit);
	return EXIT_RUNTIME;
}

static int setup_output(struct inject_run *r)
{
	struct inject_opts *o = r->o;
	bool wstdout = o->wfile && !strcmp(o->wfile, "-");
	struct fmt_opts fo = {
		.numeric = cmd_globals.numeric,
		.pretty = cmd_globals.pretty,
		.no_header = true,
		.manual_flush = true,
	};
	struct fmt_opts so = { .numeric = cmd_globals.numeric };

	/* With -w - the packets' bytes own stdout: everything else goes to stderr. */
	r->f = cmd_fmt_new(wstdout ? stderr : stdout, &fo);
	r->stats_f = cmd_globals.json && !wstdout ? r->f : fmt_new(FMT_TEXT, stderr, &so);
	if (!r->f || !r->stats_f) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	return 0;
}

int inject_run(struct inject_opts *o)
{
	static struct inject_run run;
	struct inject_run *r = &run;
	bool offline = o->dump || o->wfile;
	int ret;

	r->o = o;
	r->row.iface = o->ifname ? o->ifname : o->wfile && !o->dump ? o->wfile : "-";
	r->row.workers = offline ? 0 : o->cpus;
	signals_catch_stop();
	/* A -r pipe or FIFO whose writer is slow: a stop ends the wait, in any thread. */
	savefile_read_set_stop_fd(signals_stop_fd());
	ret = cmd_enter_netns() ? EXIT_RUNTIME : 0;
	if (!ret && o->ifname)
		ret = setup_link(r);
	if (!ret)
		ret = o->rfile ? setup_filter(r) : setup_template(r);
	if (!ret && !o->rfile && o->ifname)
		ret = check_template_fits(r);
	if (!ret)
		ret = setup_output(r);
	if (!ret)
		ret = offline ? inject_run_offline(r) : inject_run_live(r);
	if (r->has_filter)
		filter_free(&r->filter);
	if (r->stats_f && r->stats_f != r->f)
		fmt_free(r->stats_f);
	fmt_free(r->f);
	/* Stopped before anything was sent: as any stop, status 0 and no complaint. */
	return ret == INJECT_STOPPED ? 0 : ret;
}

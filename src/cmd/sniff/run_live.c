/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_live.c: sniff's live capture: the interfaces, their rings, and the merged-stream loop. */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/sniff/rings.h"
#include "cmd/sniff/run_live.h"
#include "cmd/sniff/stats.h"
#include "kstat/links.h"
#include "util/clock.h"
#include "util/log.h"

static const char *ring_error(int err)
{
	switch (err) {
	case -EPERM:
	case -EACCES:
		return "capture needs CAP_NET_RAW (run as root or grant the capability)";
	case -ENODEV:
		return "no such interface";
	case -ENETDOWN:
		return "interface is down";
	case -ENOMEM:
		return "cannot allocate the ring (try a smaller -B)";
	default:
		return strerror(-err);
	}
}

/* Resolves one -i argument; 0 or an exit status. */
static int setup_iface(struct sniff_iface *ifc, const char *name)
{
	if (!strcmp(name, "any")) {
		snprintf(ifc->name, sizeof(ifc->name), "any");
		ifc->by_ifindex = true;
		return 0;
	}
	if (strlen(name) >= IF_NAMESIZE || !(ifc->ifindex = (int)if_nametoindex(name))) {
		log_error("%s: no such interface", name);
		return EXIT_RUNTIME;
	}
	snprintf(ifc->name, sizeof(ifc->name), "%s", name);
	return 0;
}

static int iface_is_up(int ifindex)
{
	struct links_snap snap = { 0 };
	const struct link_stat *l;
	void *buf = NULL;
	size_t n;
	int up = 1;

	if (!links_dump(&buf, &n) && !links_parse(buf, n, &snap)) {
		l = links_find(&snap, ifindex);
		up = l && (l->flags & IFF_UP);
	}
	links_free(&snap);
	free(buf);
	return up;
}

/* The expression compiled for a live interface's link type (the device's); 0 or an exit status. */
static int compile_for_iface(struct sniff_run *r, struct sniff_iface *ifc, struct filter *flt)
{
	if (ifc->ifindex && !iface_is_up(ifc->ifindex)) {
		log_error("%s: interface is down", ifc->name);
		return EXIT_RUNTIME;
	}
	ifc->linktype = ring_rx_linktype_of(ifc->ifindex);
	if (ifc->linktype < 0) {
		log_error("%s: %s", ifc->name, ring_error(ifc->linktype));
		return EXIT_RUNTIME;
	}
	return sniff_run_compile_filter(r, ifc, flt);
}

int sniff_run_live_dump_filters(struct sniff_run *r)
{
	for (unsigned i = 0; i < r->s.n_ifaces; i++) {
		struct sniff_iface *ifc = &r->ifaces[i];
		const char *lt;
		struct filter flt;
		int ret = compile_for_iface(r, ifc, &flt);

		if (ret)
			return ret;
		if (r->s.n_ifaces > 1) {
			lt = pcap_datalink_val_to_name(ifc->linktype);
			if (lt)
				printf("# %s (%s)\n", ifc->name, lt);
			else
				printf("# %s (DLT %d)\n", ifc->name, ifc->linktype);
		}
		filter_dump(&flt, stdout);
		filter_free(&flt);
	}
	return 0;
}

int sniff_run_live_open(struct sniff_run *r)
{
	struct sniff_opts *o = r->o;
	unsigned workers = o->fanout ? o->fanout : 1;
	/* Several sniff runs must not share a fanout group by accident: derive it from our pid. */
	int group = (int)(getpid() & 0xffff) ? (int)(getpid() & 0xffff) : 1;

	for (unsigned i = 0; i < r->s.n_ifaces; i++) {
		struct sniff_iface *ifc = &r->ifaces[i];
		struct filter flt;
		int ret, err;

		ret = compile_for_iface(r, ifc, &flt);
		if (ret)
			return ret;
		if (!flt.kernel_ok) {
			/* The kernel cannot run it (a cooked link address load): filter here. */
			ifc->ufilter = flt;
			ifc->has_ufilter = true;
		}
		for (unsigned w = 0; w < workers; w++) {
			struct ring_rx_opts ro = {
				.ifindex = ifc->ifindex,
				.snaplen = o->snaplen,
				.ring_bytes = o->ring_bytes,
				.block_timeout_ms = o->latency_ms ? o->latency_ms : 10,
				.promisc = !o->no_promisc,
				.dir = o->dir,
				.fanout_group = o->fanout ? group + (int)i : 0,
				.fanout_mode = o->fanout_mode,
			};
			struct ring_rx *ring;

			ro.filter = ifc->has_ufilter ? NULL : &flt.kernel;
			err = ring_rx_open(&ring, &ro);
			if (err) {
				if (!ifc->has_ufilter)
					filter_free(&flt);
				log_error("%s: %s", ifc->name, ring_error(err));
				return EXIT_RUNTIME;
			}
			r->slots[r->n_rings++] = (struct sniff_ring){
				.ring = ring, .iface = i, .worker = w,
			};
		}
		if (!ifc->has_ufilter)
			filter_free(&flt);
	}
	return 0;
}

/* The first running interface but the loopback, else "any", as tcpdump picks.  0 or -errno. */
static int default_iface(char *name, size_t len)
{
	struct links_snap snap = { 0 };
	void *buf = NULL;
	size_t n;
	int err, best = -1;

	err = links_dump(&buf, &n);
	if (!err)
		err = links_parse(buf, n, &snap);
	for (unsigned i = 0; !err && i < snap.nlinks; i++) {
		const struct link_stat *l = &snap.links[i];
		bool running = (l->flags & (IFF_UP | IFF_RUNNING)) == (IFF_UP | IFF_RUNNING);

		if (running && !(l->flags & IFF_LOOPBACK) &&
		    (best < 0 || l->ifindex < snap.links[best].ifindex))
			best = (int)i;
	}
	/*
	 * libpcap ranks running devices (carrier up) first, then its "any", then the
	 * ones only up and the loopback: tcpdump takes the head of that list.
	 */
	if (!err)
		snprintf(name, len, "%s", best >= 0 ? snap.links[best].name : "any");
	links_free(&snap);
	free(buf);
	return err;
}

/* Whether an interface set up before ifc is the same device ("any" included). */
static bool is_opened_before(const struct sniff_run *r, const struct sniff_iface *ifc)
{
	for (unsigned i = 0; i < r->s.n_ifaces; i++)
		if (r->ifaces[i].ifindex == ifc->ifindex && r->ifaces[i].by_ifindex == ifc->by_ifindex)
			return true;
	return false;
}

int sniff_run_live_setup(struct sniff_run *r)
{
	static char def[IF_NAMESIZE];	/* ifnames keeps pointing at it */
	int ret;

	if (!r->o->n_ifnames) {
		int err = default_iface(def, sizeof(def));

		if (err) {
			log_error("cannot list interfaces: %s", strerror(-err));
			return EXIT_RUNTIME;
		}
		r->o->ifnames[r->o->n_ifnames++] = def;
	}
	for (unsigned i = 0; i < r->o->n_ifnames; i++) {
		struct sniff_iface *ifc = &r->ifaces[r->s.n_ifaces];

		ret = setup_iface(ifc, r->o->ifnames[i]);
		if (ret)
			return ret;
		/* -i X -i X: a second ring on X would show each of its packets twice. */
		if (is_opened_before(r, ifc)) {
			*ifc = (struct sniff_iface){ 0 };
			continue;
		}
		r->s.n_ifaces++;
	}
	/* Several interfaces or "any" mix sources: show where each packet was seen. */
	r->s.show.iface = r->s.n_ifaces > 1 || !r->ifaces[0].ifindex;
	return 0;
}

/*
 * The merged stream: every ring of every interface (and fanout socket) is
 * polled by this one thread, which alone decodes, prints and writes.  One
 * writer needs no lock and no reordering, and the output keeps each ring's
 * order; in the kernel the receiving CPUs still fill separate rings of a
 * fanout group instead of contending for one.  Scaling the user-space side
 * over cores is --fanout-files' job (workers.c).
 */
int sniff_run_live(struct sniff_run *r)
{
	static struct sniff_ring *all[MAX_IFACES * MAX_FANOUT];
	uint64_t next_stats = r->o->stats_ns ? clock_ns(CLOCK_MONOTONIC) + r->o->stats_ns : 0;
	unsigned n_stats = 0;
	struct sniff_rings rs;
	bool out_ok = true;
	int ret = 0, err;

	for (unsigned i = 0; i < r->n_rings; i++)
		all[i] = &r->slots[i];
	if (sniff_rings_init(&rs, all, r->n_rings, r->stop_fd)) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	while (!signals_stop && !r->s.done && !rs.stopped && rs.failed < 0) {
		int timeout = -1;

		if (sniff_rings_drain(&rs, &r->s) && fmt_flush(r->s.f)) {
			out_ok = false;	/* stdout is gone (a closed pipe): finish says why */
			break;
		}
		if (r->s.done)
			break;
		/* Owner events between packets, so the kernel's ring buffer does not fill. */
		if (r->s.attrib)
			attrib_poll(r->s.attrib);
		if (next_stats) {
			uint64_t now = clock_ns(CLOCK_MONOTONIC);

			if (now >= next_stats) {
				sniff_run_collect_kstats(r);
				sniff_stats_emit(r->stats_f, &r->s, true, ++n_stats);
				fmt_flush(r->stats_f);
				next_stats = now + r->o->stats_ns;
			}
			timeout = (int)((next_stats - now) / 1000000) + 1;
		}
		err = sniff_rings_wait(&rs, timeout);
		if (err) {
			log_error("poll: %s", strerror(-err));
			ret = EXIT_RUNTIME;
			break;
		}
	}
	/*
	 * A stop (signal, lost device) ends the intake first, then takes what the
	 * kernel holds in open blocks: the counters read next add up exactly.
	 */
	sniff_rings_end_intake(&rs);
	if (out_ok && !ret && !r->s.done)
		r->left = sniff_rings_linger(&rs, &r->s, sniff_run_linger_ms(r->o));
	if (rs.failed >= 0) {
		r->fail_iface = (int)rs.rings[rs.failed]->iface;
		r->fail_err = rs.fail_err;
	}
	sniff_rings_fini(&rs);
	return ret;
}

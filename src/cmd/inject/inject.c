/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_inject.c: `sockeye inject`: replay captures and generate packets through PACKET_TX_RING. */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <pcap/dlt.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/inject/opts.h"
#include "cmd/inject/workers.h"
#include "cmd/inject/netinfo.h"
#include "capture/sniff.h"
#include "util/log.h"
#include "cmd/inject/view_inject.h"

#define ETH_HLEN 14
#define VLAN_HLEN 4

struct inject_run {
	struct inject_cmd *o;
	struct netinfo_link link;	/* valid when o->ifname */
	struct template tmpl;
	struct gen_link glink;
	struct filter filter;
	bool has_filter;
	struct fmt *f;			/* --dump's packets, and JSON stats */
	struct fmt *stats_f;		/* text stats go to stderr */
	struct view_inject_row row;
};

static uint64_t realtime_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

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
	struct inject_cmd *o = r->o;
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

static int setup_filter(struct inject_run *r)
{
	char err[PCAP_ERRBUF_SIZE + 64];

	if (!r->o->words[0])
		return 0;
	if (filter_compile(&r->filter, r->o->words, DLT_EN10MB, SAVEFILE_MAX_SNAPLEN, err,
			   sizeof(err)))
		return cmd_usage_error("filter: %s", err);
	r->has_filter = true;
	return 0;
}

/* The CPUs this process may run on, the first n of them for the workers. */
static int pick_cpus(int *cpus, unsigned n)
{
	cpu_set_t set;
	unsigned found = 0;

	if (sched_getaffinity(0, sizeof(set), &set) < 0) {
		log_error("sched_getaffinity: %s", strerror(errno));
		return EXIT_RUNTIME;
	}
	for (int c = 0; c < CPU_SETSIZE && found < n; c++)
		if (CPU_ISSET(c, &set))
			cpus[found++] = c;
	if (found < n)
		return cmd_usage_error("--cpus %u: this process may run on %d CPUs", n,
				       CPU_COUNT(&set));
	return 0;
}

static void row_from_stats(struct inject_run *r, const struct inject_stats *s)
{
	struct view_inject_row *w = &r->row;

	w->sent = s->sent;
	w->bytes = s->bytes;
	w->failed = s->failed;
	w->skipped_mtu = s->skip_mtu;
	w->skipped_linktype = s->skip_linktype;
	w->filtered = s->filtered;
	w->truncated = s->truncated;
	w->read = s->read;
	w->backoffs = s->backoffs;
	w->elapsed_ns = s->end_ns > s->start_ns ? s->end_ns - s->start_ns : 0;
}

static void emit_stats(struct inject_run *r, bool final)
{
	view_inject_emit(r->stats_f, &r->row, final);
	fmt_flush(r->stats_f);
}

/* Says what was not sent and why on stderr too: nothing is skipped silently. */
static int report(struct inject_run *r, int ret)
{
	const struct view_inject_row *w = &r->row;
	const char *dev = r->o->ifname ? r->o->ifname : "the device";

	if (w->skipped_mtu)
		log_error("%llu packets skipped: longer than the MTU of %s (%u) allows",
			  (unsigned long long)w->skipped_mtu, dev, r->link.mtu);
	if (w->skipped_linktype)
		log_error("%llu packets skipped: not Ethernet frames, which %s sends",
			  (unsigned long long)w->skipped_linktype, dev);
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

/* --dump and -w: the packets go through sniff's path (decoder, printer, writer). */
static int open_offline(struct inject_run *r, struct sniff *s, struct sniff_iface *ifc)
{
	struct inject_cmd *o = r->o;
	struct savefile_wif wif = { .name = o->ifname, .linktype = DLT_EN10MB };
	struct savefile_write_opts wo = { .format = SAVEFILE_PCAP, .ifs = &wif, .n_ifs = 1 };
	int err;

	snprintf(ifc->name, sizeof(ifc->name), "%s", o->ifname ? o->ifname : "inject");
	ifc->linktype = DLT_EN10MB;
	s->ifaces = ifc;
	s->n_ifaces = 1;
	s->f = r->f;
	s->show.print = o->dump;
	s->show.link = true;
	s->show.dump = o->hex ? HEXDUMP_HEX : HEXDUMP_NONE;
	s->show.dump_link = true;
	timefmt_init(&s->tf, TIMEFMT_NONE, false, false);
	if (sniff_init(s)) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	if (o->wfile) {
		err = savefile_write_open(&s->w, o->wfile, &wo);
		if (err) {
			log_error("-w %s: %s", o->wfile, strerror(-err));
			return EXIT_RUNTIME;
		}
	}
	if (o->dump)
		sniff_begin(s);
	return 0;
}

static int offline_generate(struct inject_run *r, struct sniff *s)
{
	struct inject_cmd *o = r->o;
	uint64_t count = o->count_set ? o->count : 1;
	uint32_t limit = r->link.mtu + ETH_HLEN + (o->vlan >= 0 ? VLAN_HLEN : 0), len, prev = 0;
	struct gen *g;
	uint8_t *buf;
	int err;

	err = gen_new(&g, &r->tmpl, &r->glink, (uint64_t)time(NULL));
	if (err) {
		log_error("template: %s", strerror(-err));
		return EXIT_RUNTIME;
	}
	buf = malloc(gen_max_len(g));
	for (uint64_t n = 0; buf && n < count && !s->done && !signals_stop; n++) {
		len = gen_build(g, n, buf, prev);
		prev = len;
		if (o->ifname && len > limit) {
			r->row.skipped_mtu++;
			continue;
		}
		sniff_packet(s, &(struct sniff_pkt){ .data = buf, .caplen = len, .wirelen = len,
						     .ts_ns = realtime_ns(), .pkttype = -1 });
	}
	err = buf ? 0 : EXIT_RUNTIME;
	if (!buf)
		log_error("out of memory");
	free(buf);
	gen_free(g);
	return err;
}

static int offline_replay(struct inject_run *r, struct sniff *s)
{
	struct inject_cmd *o = r->o;
	struct replay_opts ro = {
		.path = o->rfile,
		.filter = r->has_filter ? &r->filter : NULL,
		.mtu = o->ifname ? r->link.mtu : 0,
		.loops = o->loops,
		.limit = o->count,
	};
	char err[SAVEFILE_ERRLEN];
	struct replay_counts c;
	struct replay *rp;
	struct replay_pkt p;
	int n = 0, ret = 0;

	if (replay_open(&rp, &ro, err)) {
		log_error("%s: %s", o->rfile, err);
		return EXIT_RUNTIME;
	}
	while (!s->done && !signals_stop && (n = replay_next(rp, &p)) > 0)
		sniff_packet(s, &(struct sniff_pkt){ .data = p.data, .caplen = p.len,
						     .wirelen = p.len, .ts_ns = p.ts_ns,
						     .pkttype = -1 });
	if (n < 0 && !s->done && !signals_stop) {
		log_error("%s: %s", o->rfile, replay_error(rp));
		ret = EXIT_RUNTIME;
	}
	replay_counts(rp, &c);
	r->row.skipped_mtu = c.skip_mtu;
	r->row.skipped_linktype = c.skip_linktype;
	r->row.filtered = c.filtered;
	r->row.truncated = c.truncated;
	r->row.read = c.read;
	replay_close(rp);
	return ret;
}

static int run_offline(struct inject_run *r)
{
	static struct sniff s;	/* sniff's state is large: not on the stack */
	struct sniff_iface ifc = { 0 };
	uint64_t t0 = pace_now();
	int ret, err;

	ret = open_offline(r, &s, &ifc);
	if (!ret)
		ret = r->o->rfile ? offline_replay(r, &s) : offline_generate(r, &s);
	if (r->o->dump && s.f)
		sniff_end(&s);
	if (s.w) {
		err = savefile_write_close(s.w);
		s.w = NULL;
		if (!s.write_err)
			s.write_err = err;
	}
	if (s.write_err) {
		log_error("-w %s: %s", r->o->wfile, strerror(-s.write_err));
		ret = EXIT_RUNTIME;
	}
	err = fmt_flush(r->f);
	if (err && err != -EPIPE) {
		log_error("stdout: %s", strerror(-err));
		ret = EXIT_RUNTIME;
	}
	r->row.written = ifc.written;
	r->row.elapsed_ns = pace_now() - t0;
	sniff_fini(&s);
	/* Text after a --dump would read as one more packet: JSON stats only, and with -w. */
	if (cmd_globals.json || r->o->wfile)
		emit_stats(r, true);
	return report(r, ret);
}

static void start_error(const char *ifname, int err, const char *msg)
{
	if (err == -EPERM || err == -EACCES)
		log_error("%s: sending needs CAP_NET_RAW (run as root or grant the capability)",
			  ifname);
	else if (err == -ENOMEM && strstr(msg, "TX ring"))
		log_error("%s: cannot allocate the TX ring (try a smaller -B)", ifname);
	else
		log_error("%s", msg);
}

static void fill_cfg(struct inject_run *r, struct inject_cfg *c, struct replay_opts *ro)
{
	struct inject_cmd *o = r->o;

	c->ifname = o->ifname;
	c->ring = (struct ring_tx_opts){
		.ifindex = r->link.ifindex,
		.ring_bytes = o->ring_bytes,
		.version = o->tpacket_version,
		.qdisc_bypass = o->qdisc_bypass,
	};
	c->mtu = r->link.mtu;
	c->pace = o->pace;
	c->rate = o->rate;
	c->duration_ns = o->duration_ns;
	c->workers = o->cpus;
	c->stop = &signals_stop;
	if (o->rfile) {
		*ro = (struct replay_opts){
			.path = o->rfile,
			.filter = r->has_filter ? &r->filter : NULL,
			.mtu = r->link.mtu,
			.loops = o->loops,
			.limit = o->count,
		};
		c->replay = ro;
	} else {
		c->tmpl = &r->tmpl;
		c->link = r->glink;
		c->count = o->count;
	}
}

static void sleep_ms(unsigned ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);	/* a signal ends it early: fine, the loop looks again */
}

static int run_live(struct inject_run *r)
{
	static struct inject_cfg cfg;	/* holds the CPU table: not on the stack */
	struct replay_opts ro;
	struct inject_stats s, prev = { 0 };
	struct inject *ij;
	char err[INJECT_ERRLEN];
	uint64_t next_stats;
	int ret;

	fill_cfg(r, &cfg, &ro);
	ret = pick_cpus(cfg.cpus, cfg.workers);
	if (ret)
		return ret;
	ret = inject_start(&ij, &cfg, err);
	if (ret) {
		start_error(r->o->ifname, ret, err);
		return EXIT_RUNTIME;
	}
	r->row.tpacket_version = inject_ring_version(ij);
	prev.end_ns = pace_now();
	next_stats = r->o->stats_ns ? prev.end_ns + r->o->stats_ns : 0;
	while (!inject_done(ij)) {
		sleep_ms(20);
		if (!next_stats || pace_now() < next_stats)
			continue;
		inject_snapshot(ij, &s);
		row_from_stats(r, &s);
		r->row.rate_packets = s.sent - prev.sent;
		r->row.rate_bytes = s.bytes - prev.bytes;
		r->row.rate_ns = s.end_ns - prev.end_ns;
		emit_stats(r, false);
		prev = s;
		next_stats += r->o->stats_ns;
	}
	ret = inject_join(ij, &s, err);
	row_from_stats(r, &s);
	r->row.rate_packets = s.sent;
	r->row.rate_bytes = s.bytes;
	r->row.rate_ns = r->row.elapsed_ns;
	emit_stats(r, true);
	if (ret) {
		log_error("%s", err);
		ret = EXIT_RUNTIME;
	}
	return report(r, ret);
}

/* Refuses generated frames that can never fit the device, instead of skipping them all. */
static int check_template_fits(struct inject_run *r)
{
	const struct template *t = &r->tmpl;
	uint32_t limit = r->link.mtu + ETH_HLEN + (r->o->vlan >= 0 ? VLAN_HLEN : 0), shortest;

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
	struct inject_cmd *o = r->o;
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

int cmd_inject(int argc, char **argv)
{
	static struct inject_run run;
	struct inject_cmd o = { 0 };
	struct inject_run *r = &run;
	bool offline;
	int ret;

	ret = cmd_inject_parse(&o, argc, argv);
	if (ret) {
		free(o.words);
		return ret < 0 ? 0 : ret;	/* -1: help was printed */
	}
	r->o = &o;
	offline = o.dump || o.wfile;
	r->row.iface = o.ifname ? o.ifname : o.wfile && !o.dump ? o.wfile : "-";
	r->row.workers = offline ? 0 : o.cpus;
	signals_catch_stop();
	ret = cmd_enter_netns() ? EXIT_RUNTIME : 0;
	if (!ret && o.ifname)
		ret = setup_link(r);
	if (!ret)
		ret = o.rfile ? setup_filter(r) : setup_template(r);
	if (!ret && !o.rfile && o.ifname)
		ret = check_template_fits(r);
	if (!ret)
		ret = setup_output(r);
	if (!ret)
		ret = offline ? run_offline(r) : run_live(r);
	if (r->has_filter)
		filter_free(&r->filter);
	if (r->stats_f && r->stats_f != r->f)
		fmt_free(r->stats_f);
	fmt_free(r->f);
	free(o.words);
	return ret;
}

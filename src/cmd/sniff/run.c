/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_sniff.c: `sockeye sniff`: capture from TPACKET_V3 rings or read files, like tcpdump. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/sniff/run.h"
#include "kstat/links.h"
#include "capture/sniff.h"
#include "cmd/sniff/stats.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/parse.h"


void cmd_sniff_request_stop(const struct sniff_run *r)
{
	uint64_t one = 1;

	if (write(r->stop_fd, &one, sizeof(one)) < 0)
		(void)0;	/* EAGAIN: the counter is already non-zero, readable */
}

unsigned cmd_sniff_linger_ms(const struct sniff_cmd *o)
{
	unsigned ms = (o->latency_ms ? o->latency_ms : 10) + 50;

	/* A stop must stay prompt: past 1 s the packets left are counted and reported instead. */
	return ms < 1000 ? ms : 1000;
}

/* Compiles the expression for one interface's link type; 0 or an exit status. */
static int compile_filter(struct sniff_run *r, struct sniff_iface *ifc, struct filter *flt)
{
	char err[PCAP_ERRBUF_SIZE + 64];

	if (filter_compile(flt, r->o->expr, ifc->linktype, r->o->snaplen, err, sizeof(err))) {
		log_error("filter: %s", err);
		return EXIT_USAGE;
	}
	return 0;
}

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
	return compile_filter(r, ifc, flt);
}

/*
 * -d: the program compiled for each interface's link type, no ring opened.  One
 * interface prints exactly what tcpdump -d prints; with several (tcpdump takes
 * one -i) a "# IFACE (LINKTYPE)" line says which program is whose.
 */
static int dump_live_filters(struct sniff_run *r)
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

/* Opens a ring per interface (and per fanout worker), filter attached before bind. */
static int open_rings(struct sniff_run *r)
{
	struct sniff_cmd *o = r->o;
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

/* -Z USER: give up root once the rings or the -r file are open, before any file is made. */
static int drop_privileges(const char *user)
{
	struct passwd *pw = getpwnam(user);

	if (!pw) {
		log_error("-Z %s: no such user", user);
		return EXIT_RUNTIME;
	}
	if (initgroups(pw->pw_name, pw->pw_gid) < 0 || setgid(pw->pw_gid) < 0 ||
	    setuid(pw->pw_uid) < 0) {
		log_error("-Z %s: cannot switch to the user: %s", user, strerror(errno));
		return EXIT_RUNTIME;
	}
	return 0;
}

int cmd_sniff_open_writer(struct sniff_run *r, struct sniff *s, const char *path)
{
	struct savefile_wif wifs[MAX_IFACES];
	struct sniff_cmd *o = r->o;
	int err;

	for (unsigned i = 0; i < s->n_ifaces; i++) {
		wifs[i].name = s->ifaces[i].name;
		wifs[i].linktype = (uint32_t)s->ifaces[i].linktype;
		if (o->wo.format != SAVEFILE_PCAPNG && s->ifaces[i].linktype != s->ifaces[0].linktype) {
			log_error("-w %s: interfaces with different link types need --pcapng", o->wfile);
			return EXIT_USAGE;
		}
	}
	o->wo.ifs = wifs;
	o->wo.n_ifs = s->n_ifaces;
	o->wo.snaplen = o->snaplen;
	/* Ring packets stay put until their block is released, after a flush: no copy. */
	o->wo.borrow = !o->rfile;
	err = savefile_write_open(&s->w, path, &o->wo);
	o->wo.ifs = NULL;
	if (err) {
		log_error("-w %s: %s", path, strerror(-err));
		return EXIT_RUNTIME;
	}
	return 0;
}

void cmd_sniff_collect_kstats(struct sniff_run *r)
{
	for (unsigned i = 0; i < r->s.n_ifaces; i++)
		r->ifaces[i].kstats = (struct ring_rx_stats){ 0 };
	for (unsigned i = 0; i < r->n_rings; i++) {
		struct sniff_ring *sr = &r->slots[i];
		struct ring_rx_stats *sum = &r->ifaces[sr->iface].kstats;

		ring_rx_stats(sr->ring, &sr->kstats);
		sum->packets += sr->kstats.packets;
		sum->drops += sr->kstats.drops;
		sum->freeze_q += sr->kstats.freeze_q;
	}
}

/* Hands the kernel's counters to the pcapng writer for the ISB that closes each file. */
static void pass_stats_to_writer(struct sniff_run *r)
{
	if (!r->s.w)
		return;
	for (unsigned i = 0; i < r->s.n_ifaces; i++) {
		const struct sniff_iface *ifc = &r->ifaces[i];
		struct savefile_stats st = {
			.present = SAVEFILE_STAT_RECV | SAVEFILE_STAT_OS_DROP |
				   SAVEFILE_STAT_USR_DELIV,
			.recv = ifc->kstats.packets,
			.os_drop = ifc->kstats.drops,
			.usr_deliv = ifc->captured,
		};

		savefile_write_set_stats(r->s.w, i, &st);
	}
}

/*
 * The merged stream: every ring of every interface (and fanout socket) is
 * polled by this one thread, which alone decodes, prints and writes.  One
 * writer needs no lock and no reordering, and the output keeps each ring's
 * order; in the kernel the receiving CPUs still fill separate rings of a
 * fanout group instead of contending for one.  Scaling the user-space side
 * over cores is --fanout-files' job (cmd_sniff_workers.c).
 */
static int run_live(struct sniff_run *r)
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
		if (next_stats) {
			uint64_t now = clock_ns(CLOCK_MONOTONIC);

			if (now >= next_stats) {
				cmd_sniff_collect_kstats(r);
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
	/* A stop (signal, lost device) still takes what the kernel holds in open blocks. */
	if (out_ok && !ret && !r->s.done)
		r->left = sniff_rings_linger(&rs, &r->s, cmd_sniff_linger_ms(r->o));
	if (rs.failed >= 0) {
		r->fail_iface = (int)rs.rings[rs.failed]->iface;
		r->fail_err = rs.fail_err;
	}
	sniff_rings_fini(&rs);
	return ret;
}

/* Takes the file's interfaces up to index upto (and MAX_IFACES); 0 or an exit status. */
static int take_file_ifaces(struct sniff_run *r, const struct savefile_reader *rd, unsigned upto)
{
	while (r->s.n_ifaces <= upto && r->s.n_ifaces < MAX_IFACES) {
		const struct savefile_if *fi = savefile_read_if(rd, r->s.n_ifaces);
		struct sniff_iface *ifc = &r->ifaces[r->s.n_ifaces];

		snprintf(ifc->name, sizeof(ifc->name), "%s",
			 fi && fi->name[0] ? fi->name : r->o->rfile);
		ifc->linktype = fi ? (int)fi->linktype : 1;
		if (r->o->expr[0]) {
			int ret = compile_filter(r, ifc, &ifc->ufilter);

			if (ret)
				return ret;
			ifc->has_ufilter = true;
		}
		r->s.n_ifaces++;
	}
	return 0;
}

/*
 * -Q with -r: a record whose direction the file says (pcapng epb_flags) must
 * match; one without (every pcap record) cannot be told apart and passes.
 */
static bool file_dir_wanted(enum ring_rx_dir want, enum savefile_dir dir)
{
	if (want == RING_RX_IN)
		return dir != SAVEFILE_DIR_OUT;
	if (want == RING_RX_OUT)
		return dir != SAVEFILE_DIR_IN;
	return true;
}

/* Reads -r FILE through the same per-packet path; interfaces come from the file. */
static int run_file(struct sniff_run *r, bool *started)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *rd;
	struct savefile_pkt p;
	int ret = 0, n = 0;

	if (savefile_read_open(&rd, r->o->rfile, errbuf)) {
		log_error("%s: %s", r->o->rfile, errbuf);
		return EXIT_RUNTIME;
	}
	/* As tcpdump: root opens a file only it may read, then reads it as -Z USER. */
	if (r->o->user && (ret = drop_privileges(r->o->user)))
		goto out;
	while (!signals_stop && !r->s.done && (n = savefile_read_next(rd, &p)) > 0) {
		if (!*started) {
			/*
			 * The -w file lists its interfaces in its header: take every one the
			 * file has described so far, not only the first packet's.
			 */
			unsigned known = savefile_read_if_count(rd);

			ret = take_file_ifaces(r, rd, known > p.ifindex ? known - 1 : p.ifindex);
			if (ret)
				goto out;
			r->s.show.iface = r->s.show.iface || known > 1;
			if (r->o->wfile && (ret = cmd_sniff_open_writer(r, &r->s, r->o->wfile)))
				goto out;
			sniff_begin(&r->s);
			*started = true;
		} else if (p.ifindex >= r->s.n_ifaces) {
			/* pcapng may describe interfaces as it goes: take each on first sight. */
			if (r->s.w && r->s.n_ifaces < MAX_IFACES) {
				/* The -w file's header is out already: it cannot name a new one. */
				fmt_flush(r->s.f);
				log_error("%s: interface %u is described after the first packet: "
					  "-w cannot add it to %s", r->o->rfile, p.ifindex,
					  r->o->wfile);
				ret = EXIT_RUNTIME;
				goto out;
			}
			ret = take_file_ifaces(r, rd, p.ifindex);
			if (ret)
				goto out;
		}
		if (p.ifindex < r->s.n_ifaces && !file_dir_wanted(r->o->dir, p.dir)) {
			r->ifaces[p.ifindex].captured++;	/* seen, not matched: as a filter */
			continue;
		}
		if (p.ifindex >= r->s.n_ifaces) {
			if (!r->skipped++)
				log_error("%s: more than %d interfaces: packets of the others are "
					  "skipped (and counted at exit)", r->o->rfile, MAX_IFACES);
			continue;
		}
		sniff_packet(&r->s, &(struct sniff_pkt){
			.data = p.data, .caplen = p.caplen, .wirelen = p.wirelen, .ts_ns = p.ts_ns,
			.iface = p.ifindex,
			.pkttype = p.dir == SAVEFILE_DIR_OUT ? PACKET_OUTGOING :
				   p.dir == SAVEFILE_DIR_IN ? PACKET_HOST : -1,
		});
	}
	if (n < 0 && !signals_stop && !r->s.done) {
		fmt_flush(r->s.f);
		log_error("%s: %s", r->o->rfile, savefile_read_error(rd));
		ret = EXIT_RUNTIME;
	}
out:
	savefile_read_close(rd);
	return ret;
}

/* -d -r FILE: the program for the file's (first interface's) link type, as tcpdump -d -r. */
static int dump_file_filter(struct sniff_run *r)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *rd;
	const struct savefile_if *fi;
	struct filter flt;
	int ret;

	if (savefile_read_open(&rd, r->o->rfile, errbuf)) {
		log_error("%s: %s", r->o->rfile, errbuf);
		return EXIT_RUNTIME;
	}
	fi = savefile_read_if(rd, 0);
	r->ifaces[0].linktype = fi ? (int)fi->linktype : 1;
	savefile_read_close(rd);
	ret = compile_filter(r, &r->ifaces[0], &flt);
	if (!ret) {
		filter_dump(&flt, stdout);
		filter_free(&flt);
	}
	return ret;
}

/* Interfaces for live capture: the -i list, or tcpdump's default. */
static int setup_live_ifaces(struct sniff_run *r)
{
	static char def[IF_NAMESIZE];	/* ifnames keeps pointing at it */
	int ret;

	if (!r->o->n_ifnames) {
		int err = cmd_sniff_default_iface(def, sizeof(def));

		if (err) {
			log_error("cannot list interfaces: %s", strerror(-err));
			return EXIT_RUNTIME;
		}
		r->o->ifnames[r->o->n_ifnames++] = def;
	}
	for (unsigned i = 0; i < r->o->n_ifnames; i++) {
		ret = setup_iface(&r->ifaces[i], r->o->ifnames[i]);
		if (ret)
			return ret;
		r->s.n_ifaces++;
	}
	/* Several interfaces or "any" mix sources: show where each packet was seen. */
	r->s.show.iface = r->s.n_ifaces > 1 || !r->ifaces[0].ifindex;
	return 0;
}

/* Why the capture ended early: a socket that failed, most often because its device went. */
static int report_failure(const struct sniff_run *r)
{
	const struct sniff_iface *ifc = &r->ifaces[r->fail_iface];
	char name[IF_NAMESIZE];

	if (r->fail_err == -ENETDOWN || r->fail_err == -ENXIO || r->fail_err == -ENODEV) {
		/* The kernel says ENETDOWN for both: the ifindex tells a deleted device from a down one. */
		if (ifc->ifindex && !if_indextoname((unsigned)ifc->ifindex, name))
			log_error("%s: interface went away", ifc->name);
		else
			log_error("%s: interface went down", ifc->name);
	} else {
		log_error("%s: capture failed: %s", ifc->name, strerror(-r->fail_err));
	}
	return EXIT_RUNTIME;
}

/*
 * The end of every run: files closed with their statistics, the stats
 * printed, losses and the reason of an early end said on stderr.  mode:
 * 0 file, 1 live merged stream, 2 live with worker threads (which closed
 * their own files).
 */
static int finish(struct sniff_run *r, int mode, bool started, int ret)
{
	bool live = mode != 0;
	int err;

	if (mode == 1)
		cmd_sniff_collect_kstats(r);
	if (started && mode != 2)
		sniff_end(&r->s);
	if (r->s.w) {
		pass_stats_to_writer(r);
		sniff_close_writer(&r->s);
	}
	if (r->s.write_err) {
		log_error("-w %s: %s", r->o->wfile, strerror(-r->s.write_err));
		ret = EXIT_RUNTIME;
	}
	err = fmt_flush(r->s.f);
	if (err && err != -EPIPE) {
		log_error("stdout: %s", strerror(-err));
		ret = EXIT_RUNTIME;
	}
	if (r->skipped)
		log_error("%s: %llu packets of interfaces past the first %d skipped", r->o->rfile,
			  (unsigned long long)r->skipped, MAX_IFACES);
	/* A file that could not be opened, or a bad filter, is its one error line, no table. */
	if (started || !ret) {
		sniff_stats_emit(r->stats_f, &r->s, live, 0);
		fmt_flush(r->stats_f);
	}
	for (unsigned i = 0; live && i < r->n_rings; i++)
		ring_rx_close(r->slots[i].ring);
	for (unsigned i = 0; i < r->s.n_ifaces; i++)
		if (r->ifaces[i].has_ufilter)
			filter_free(&r->ifaces[i].ufilter);
	/* Ring overruns are losses the user must not miss: say so even when all else went well. */
	for (unsigned i = 0; live && i < r->s.n_ifaces; i++)
		if (r->ifaces[i].kstats.drops)
			log_error("%s: the kernel dropped %llu packets: the ring was full (try a "
				  "bigger -B, or -w with a filter)", r->ifaces[i].name,
				  (unsigned long long)r->ifaces[i].kstats.drops);
	if (r->left)
		log_error("%llu packets were still in ring blocks the kernel had not handed over "
			  "when the capture ended (a shorter --latency avoids this)",
			  (unsigned long long)r->left);
	if (r->fail_iface >= 0)
		ret = report_failure(r);
	return ret;
}

int cmd_sniff(int argc, char **argv)
{
	static struct sniff_run run;	/* large (the ring table): not on the stack */
	struct sniff_cmd o = { .snaplen = SAVEFILE_MAX_SNAPLEN, .fanout_mode = PACKET_FANOUT_HASH };
	struct fmt_opts fo = {
		.numeric = cmd_globals.numeric,
		.pretty = cmd_globals.pretty,
		.no_header = true,
		.manual_flush = true,
	};
	struct sniff_run *r = &run;
	bool started = false, live;
	int ret, mode = 0;

	ret = cmd_sniff_parse(&o, argc, argv);
	if (ret) {
		free(o.expr);
		return ret < 0 ? 0 : ret;
	}
	live = !o.rfile;
	r->o = &o;
	r->s.ifaces = r->ifaces;
	r->s.limit = o.count;
	r->s.show = o.show;
	r->fail_iface = -1;
	/* Writing a file prints nothing unless --print asks, as with tcpdump -w. */
	r->s.show.print = !o.wfile || o.print;
	timefmt_init(&r->s.tf, cmd_sniff_time_style(o.t_count), o.nano, o.utc);
	/* Non-blocking: a signal handler's write must never wait. */
	r->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (r->stop_fd < 0) {
		log_error("eventfd: %s", strerror(errno));
		free(o.expr);
		return EXIT_RUNTIME;
	}
	signals_set_wake_fd(r->stop_fd);
	signals_catch_stop();
	if (live && cmd_enter_netns()) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	/*
	 * With -w - the packets' bytes own stdout: the formatter (no packets: --print
	 * is refused) goes to stderr, so -j's stats object lands there.
	 */
	r->s.f = cmd_fmt_new(o.wfile && !strcmp(o.wfile, "-") ? stderr : stdout, &fo);
	r->stats_f = cmd_globals.json ? r->s.f
				      : fmt_new(FMT_TEXT, stderr, &(struct fmt_opts){ .numeric = true });
	if (!r->s.f || !r->stats_f || sniff_init(&r->s)) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
		goto out;
	}
	if (live) {
		ret = setup_live_ifaces(r);
		if (!ret && o.dump_filter) {
			ret = dump_live_filters(r);
			goto out;
		}
		if (!ret)
			ret = open_rings(r);
		if (!ret && o.user)
			ret = drop_privileges(o.user);
		if (ret)
			goto out_rings;
		if (o.fanout_files) {
			/* The workers open, write and close their own files. */
			mode = 2;
			ret = cmd_sniff_workers_run(r, &started);
		} else {
			mode = 1;
			if (o.wfile && (ret = cmd_sniff_open_writer(r, &r->s, o.wfile)))
				goto out_rings;
			sniff_begin(&r->s);
			started = true;
			ret = run_live(r);
		}
	} else {
		if (o.dump_filter) {
			ret = dump_file_filter(r);
			goto out;
		}
		ret = run_file(r, &started);
	}
	ret = finish(r, mode, started, ret);
	goto out;
out_rings:
	for (unsigned i = 0; i < r->n_rings; i++)
		ring_rx_close(r->slots[i].ring);
	for (unsigned i = 0; i < r->s.n_ifaces; i++)
		if (r->ifaces[i].has_ufilter)
			filter_free(&r->ifaces[i].ufilter);
out:
	if (r->s.w)
		savefile_write_close(r->s.w);
	sniff_fini(&r->s);
	if (r->stats_f && r->stats_f != r->s.f)
		fmt_free(r->stats_f);
	fmt_free(r->s.f);
	signals_set_wake_fd(-1);
	close(r->stop_fd);
	free(o.expr);
	return ret;
}

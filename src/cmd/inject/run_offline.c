/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_offline.c: inject --dump and -w: packets through sniff's decoder and writer, none sent. */
#include "config.h"

#include <errno.h>
#include <pcap/dlt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "capture/sniff.h"
#include "cli/cmd.h"
#include "cli/signals.h"
#include "cli/stdout_check.h"
#include "cmd/inject/pace.h"
#include "cmd/inject/replay.h"
#include "cmd/inject/run_offline.h"
#include "util/log.h"

static uint64_t realtime_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* -r FILE's identity, which -w must not overwrite (stat follows symbolic links, as open). */
static void input_id(const char *rfile, struct savefile_write_opts *wo)
{
	struct stat st;

	if (!rfile)
		return;
	if (strcmp(rfile, "-") ? stat(rfile, &st) : fstat(STDIN_FILENO, &st))
		return;
	/* Only a regular file is lost to O_TRUNC; /dev/null or a pipe may well be both. */
	if (!S_ISREG(st.st_mode))
		return;
	wo->has_input = true;
	wo->input_dev = (uint64_t)st.st_dev;
	wo->input_ino = (uint64_t)st.st_ino;
}

/* --dump and -w: the packets go through sniff's path (decoder, printer, writer). */
static int open_offline(struct inject_run *r, struct sniff *s, struct sniff_iface *ifc)
{
	struct inject_opts *o = r->o;
	struct savefile_wif wif = { .name = o->ifname, .linktype = DLT_EN10MB };
	struct savefile_write_opts wo = { .format = SAVEFILE_PCAP, .ifs = &wif, .n_ifs = 1 };
	int err;

	input_id(o->rfile, &wo);

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
			log_error("-w %s: %s", o->wfile, savefile_write_strerror(err));
			return EXIT_RUNTIME;
		}
	}
	if (o->dump)
		sniff_begin(s);
	return 0;
}

static int offline_generate(struct inject_run *r, struct sniff *s)
{
	struct inject_opts *o = r->o;
	uint64_t count = o->count_set ? o->count : 1;
	uint32_t limit = inject_run_frame_limit(r), len, prev = 0;
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

/* -r FILE, opened before -w's file is made: a file that cannot be read makes none. */
static int open_replay(struct inject_run *r, struct replay **rp)
{
	struct inject_opts *o = r->o;
	struct replay_opts ro = {
		.path = o->rfile,
		.filter = r->has_filter ? &r->filter : NULL,
		.mtu = o->ifname ? r->link.mtu : 0,
		.loops = o->loops,
		.limit = o->count,
	};
	char err[SAVEFILE_ERRLEN];

	*rp = NULL;
	if (!o->rfile)
		return 0;
	if (replay_open(rp, &ro, err)) {
		if (signals_stop)
			return 0;	/* stopped while waiting for a FIFO's writer */
		log_error("%s: %s", o->rfile, err);
		return EXIT_RUNTIME;
	}
	return 0;
}

static int offline_replay(struct inject_run *r, struct sniff *s, struct replay *rp)
{
	struct inject_opts *o = r->o;
	struct replay_counts c;
	struct replay_pkt p;
	int n = 0, ret = 0;

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
	return ret;
}

int inject_run_offline(struct inject_run *r)
{
	static struct sniff s;	/* sniff's state is large: not on the stack */
	struct sniff_iface ifc = { 0 };
	struct replay *rp;
	uint64_t t0 = pace_now();
	int ret, err;

	ret = open_replay(r, &rp);
	if (!ret && r->o->rfile && !rp)
		return 0;	/* stopped waiting for a FIFO's writer: nothing was opened or sent */
	if (!ret)
		ret = open_offline(r, &s, &ifc);
	if (!ret)
		ret = rp ? offline_replay(r, &s, rp) : offline_generate(r, &s);
	replay_close(rp);
	if (r->o->dump && s.f)
		sniff_end(&s);
	/* sniff's close: after a failed write, WRITTEN says what reached the file, not what was queued. */
	if (s.w)
		sniff_close_writer(&s);
	if (s.write_err && s.write_err != -EPIPE) {	/* -w - | head: quiet, as sniff */
		log_error("-w %s: %s", r->o->wfile, savefile_write_strerror(s.write_err));
		ret = EXIT_RUNTIME;
	}
	err = fmt_flush(r->f);
	if (err) {
		stdout_check_note(err);	/* main reports it, once */
		/* A reader that left (| head) ended the output, as tcpdump takes it: no failure. */
		if (err != -EPIPE)
			ret = EXIT_RUNTIME;
	}
	r->row.written = ifc.written;
	r->row.elapsed_ns = pace_now() - t0;
	sniff_fini(&s);
	/* Text after a --dump would read as one more packet: JSON stats only, and with -w. */
	if (cmd_globals.json || r->o->wfile)
		inject_run_emit_stats(r, true);
	return inject_run_report(r, ret);
}

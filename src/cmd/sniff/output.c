/* SPDX-License-Identifier: GPL-2.0-or-later */
/* output.c: where sniff's packets and stats go: the formatters, the -w files, the end report. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/stdout_check.h"
#include "cmd/sniff/output.h"
#include "cmd/sniff/stats.h"
#include "util/log.h"

int sniff_output_open(struct sniff_run *r)
{
	struct sniff_opts *o = r->o;
	struct fmt_opts fo = {
		.numeric = cmd_globals.numeric,
		.pretty = cmd_globals.pretty,
		.no_header = true,
		.manual_flush = true,
	};

	/*
	 * With -w - the packets' bytes own stdout: the formatter (no packets: --print
	 * is refused) goes to stderr, so -j's stats object lands there.
	 */
	r->s.f = cmd_fmt_new(o->wfile && !strcmp(o->wfile, "-") ? stderr : stdout, &fo);
	r->stats_f = cmd_globals.json ? r->s.f
				      : fmt_new(FMT_TEXT, stderr, &(struct fmt_opts){ .numeric = true });
	if (!r->s.f || !r->stats_f) {
		log_error("out of memory");
		return EXIT_RUNTIME;
	}
	return 0;
}

void sniff_output_close(struct sniff_run *r)
{
	if (r->stats_f && r->stats_f != r->s.f)
		fmt_free(r->stats_f);
	fmt_free(r->s.f);
	r->stats_f = NULL;
	r->s.f = NULL;
}

int sniff_output_create_file(struct sniff_run *r)
{
	struct sniff_opts *o = r->o;
	char name[PATH_MAX];
	int fd;

	if (!o->wfile || !strcmp(o->wfile, "-") || o->fanout_files)
		return 0;
	fd = savefile_write_create(o->wfile, &o->wo);
	/* The name of the first file, which rotation patterns make from -w's. */
	if (savefile_write_filename(name, sizeof(name), o->wfile, &o->wo, o->wo.start_ns, 0))
		snprintf(name, sizeof(name), "%s", o->wfile);
	if (fd < 0) {
		log_error("-w %s: %s", name, savefile_write_strerror(fd));
		return EXIT_RUNTIME;
	}
	r->wfd = fd;
	return 0;
}

int sniff_output_open_writer(struct sniff_run *r, struct sniff *s, const char *path)
{
	struct savefile_wif wifs[MAX_IFACES];
	struct sniff_opts *o = r->o;
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
	if (s == &r->s && r->wfd >= 0) {
		err = savefile_write_open_fd(&s->w, r->wfd, path, &o->wo);
		r->wfd = -1;
	} else {
		err = savefile_write_open(&s->w, path, &o->wo);
	}
	o->wo.ifs = NULL;
	if (err) {
		log_error("-w %s: %s", path, savefile_write_strerror(err));
		return EXIT_RUNTIME;
	}
	return 0;
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

int sniff_output_finish(struct sniff_run *r, enum sniff_output_mode mode, bool started, int ret)
{
	bool live = mode != SNIFF_OUTPUT_FILE;
	char wpath[PATH_MAX] = "";
	int err;

	if (mode == SNIFF_OUTPUT_LIVE)
		sniff_run_collect_kstats(r);
	if (started && mode != SNIFF_OUTPUT_WORKERS)
		sniff_end(&r->s);
	if (r->s.w) {
		/* The file that failed, which -C, -G and -W name apart from -w's argument. */
		snprintf(wpath, sizeof(wpath), "%s", savefile_write_path(r->s.w));
		pass_stats_to_writer(r);
		sniff_close_writer(&r->s);
	}
	/* -w - | head: the reader chose to stop; quiet and no failure, as tcpdump (and SIGPIPE). */
	if (r->s.write_err && r->s.write_err != -EPIPE) {
		log_error("-w %s: %s", wpath[0] ? wpath : r->o->wfile,
			  savefile_write_strerror(r->s.write_err));
		ret = EXIT_RUNTIME;
	}
	err = fmt_flush(r->s.f);
	if (err) {
		stdout_check_note(err);	/* main reports it, once */
		/* A reader that left (| head) ended the output, as tcpdump takes it: no failure. */
		if (err != -EPIPE)
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
	/* Ring overruns are losses the user must not miss: say so even when all else went well. */
	for (unsigned i = 0; live && i < r->s.n_ifaces; i++)
		if (r->ifaces[i].kstats.drops)
			log_error("%s: the kernel dropped %llu packets: the ring was full (try a "
				  "bigger -B, or -w with a filter)", r->ifaces[i].name,
				  (unsigned long long)r->ifaces[i].kstats.drops);
	if (r->left)
		log_error("%llu packets were still in the ring when the capture ended: the kernel "
			  "received them, they were not captured (a shorter --latency helps)",
			  (unsigned long long)r->left);
	if (r->fail_iface >= 0)
		ret = report_failure(r);
	return ret;
}

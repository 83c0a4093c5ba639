/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run.c: one sniff run from parsed options to exit status: live, from a file, or -d. */
#include "config.h"

#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/sniff/output.h"
#include "cmd/sniff/process.h"
#include "cmd/sniff/run.h"
#include "cmd/sniff/run_file.h"
#include "cmd/sniff/run_live.h"
#include "cmd/sniff/run_state.h"
#include "cmd/sniff/workers.h"
#include "decode/names_host.h"
#include "util/log.h"

/* Reading a file: how long one address may wait for its name before names stop waiting. */
#define SNIFF_FILE_NAME_WAIT_MS 1000

/* Live: the rings opened, then the merged stream or --fanout-files' threads. */
static int run_live(struct sniff_run *r, enum sniff_output_mode *mode, bool *started)
{
	struct sniff_opts *o = r->o;
	int ret;

	/*
	 * Attribution first (BPF, then the scan): a long scan (a host of many sockets)
	 * would have the rings' blocks retire by timeout and fill while nobody reads
	 * them.  Nothing falls between: sockets made after BPF attached are followed.
	 */
	ret = sniff_process_start(r);
	if (!ret)
		ret = sniff_run_live_open(r);
	if (!ret)
		ret = sniff_output_create_file(r);
	/* --fanout-files: the workers make their files first, then give up root (workers.c). */
	if (!ret && o->user && !o->fanout_files)
		ret = sniff_run_drop_privileges(o->user, &r->wfd, 1);
	if (ret)
		return ret;
	if (o->fanout_files) {
		/* The workers open, write and close their own files. */
		*mode = SNIFF_OUTPUT_WORKERS;
		return sniff_workers_run(r, started);
	}
	*mode = SNIFF_OUTPUT_LIVE;
	if (o->wfile && (ret = sniff_output_open_writer(r, &r->s, o->wfile)))
		return ret;
	sniff_begin(&r->s);
	*started = true;
	sniff_process_go(r);
	return sniff_run_live(r);
}

int sniff_run(struct sniff_opts *o)
{
	static struct sniff_run run;	/* large (the ring table): not on the stack */
	enum sniff_output_mode mode = SNIFF_OUTPUT_FILE;
	struct sniff_run *r = &run;
	bool started = false, live = !o->rfile;
	int ret;

	ret = sniff_run_init(r, o);
	if (ret)
		goto out;
	signals_set_wake_fd(r->stop_fd);
	signals_catch_stop();
	/* A -r pipe or FIFO whose writer is slow: a stop ends the wait for it. */
	savefile_read_set_stop_fd(signals_stop_fd());
	/* -r too: a -N naming no namespace fails everywhere alike, not silently. */
	if (cmd_enter_netns()) {
		ret = EXIT_RUNTIME;
		goto out;
	}
	ret = sniff_output_open(r);
	if (!ret && sniff_init(&r->s)) {
		log_error("out of memory");
		ret = EXIT_RUNTIME;
	}
	if (ret)
		goto out;
	/* A file loses nothing by waiting for names: tcpdump's names from the first packet. */
	if (!live)
		host_names_wait(r->s.hosts, SNIFF_FILE_NAME_WAIT_MS);
	if (live) {
		ret = sniff_run_live_setup(r);
		if (!ret && o->dump_filter) {
			ret = sniff_run_live_dump_filters(r);
			goto out;
		}
		if (!ret)
			ret = run_live(r, &mode, &started);
		/* A run that never started (no ring, no file) is its one error line, no table. */
		if (ret && !started && mode != SNIFF_OUTPUT_WORKERS)
			goto out;
	} else {
		if (o->dump_filter) {
			ret = sniff_run_file_dump_filter(r);
			goto out;
		}
		ret = sniff_run_file(r, &started);
	}
	ret = sniff_output_finish(r, mode, started, ret);
	ret = sniff_process_finish(r, ret);
out:
	if (r->s.w)
		savefile_write_close(r->s.w);
	sniff_process_fini(r);
	sniff_fini(&r->s);
	sniff_output_close(r);
	signals_set_wake_fd(-1);
	sniff_run_fini(r);
	/* Stopped before the capture began: as any stop, status 0 and no complaint. */
	return ret == SNIFF_RUN_STOPPED ? 0 : ret;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_file.c: sniff -r FILE: the file-reading loop, and -d for a file's link type. */
#include "config.h"

#include <linux/if_packet.h>
#include <stdio.h>

#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/sniff/output.h"
#include "cmd/sniff/run_file.h"
#include "util/log.h"

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
			int ret = sniff_run_compile_filter(r, ifc, &ifc->ufilter);

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

int sniff_run_file(struct sniff_run *r, bool *started)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct savefile_reader *rd;
	struct savefile_pkt p;
	int ret = 0, n = 0;

	if (savefile_read_open(&rd, r->o->rfile, errbuf)) {
		if (signals_stop)
			return SNIFF_RUN_STOPPED;	/* while waiting for a FIFO's writer */
		log_error("%s: %s", r->o->rfile, errbuf);
		return EXIT_RUNTIME;
	}
	/* As tcpdump: root opens a file only it may read, then reads it as -Z USER. */
	if (r->o->user && (ret = sniff_run_drop_privileges(r->o->user)))
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
			if (r->o->wfile && (ret = sniff_output_open_writer(r, &r->s, r->o->wfile)))
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

int sniff_run_file_dump_filter(struct sniff_run *r)
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
	ret = sniff_run_compile_filter(r, &r->ifaces[0], &flt);
	if (!ret) {
		filter_dump(&flt, stdout);
		filter_free(&flt);
	}
	return ret;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* run_file.c: sniff -r FILE: the file-reading loop, and -d for a file's link type. */
#include "config.h"

#include <limits.h>
#include <linux/if_packet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/signals.h"
#include "cmd/sniff/output.h"
#include "cmd/sniff/run_file.h"
#include "util/log.h"

/* A file interface that has no slot: past MAX_IFACES distinct ones. */
#define NO_SLOT UINT_MAX

/*
 * The file's interfaces on the stream's slots.  Each pcapng section describes its
 * interfaces anew (a cat of captures repeats the same one in every section), so an
 * interface takes the slot of one alike in link type, name and snaplen from an
 * earlier section; two in one section stay apart, as the file says they are.
 */
struct file_slots {
	unsigned *slot;			/* by the reader's interface index */
	unsigned n, cap;
	struct {
		uint32_t linktype, snaplen;
		char name[sizeof(((struct savefile_if *)0)->name)];
		unsigned section;	/* the last section that took it */
	} key[MAX_IFACES];
};

/* A new slot for file interface FI (NULL: a file that describes none); 0 or an exit status. */
static int new_slot(struct sniff_run *r, struct file_slots *fs, const struct savefile_if *fi)
{
	unsigned k = r->s.n_ifaces;
	struct sniff_iface *ifc = &r->ifaces[k];

	snprintf(ifc->name, sizeof(ifc->name), "%s", fi && fi->name[0] ? fi->name : r->o->rfile);
	ifc->linktype = fi ? (int)fi->linktype : 1;
	fs->key[k].linktype = (uint32_t)ifc->linktype;
	fs->key[k].snaplen = fi ? fi->snaplen : 0;
	snprintf(fs->key[k].name, sizeof(fs->key[k].name), "%s", fi ? fi->name : "");
	fs->key[k].section = fi ? fi->section : 0;
	if (r->o->expr[0]) {
		int ret = sniff_run_compile_filter(r, ifc, &ifc->ufilter);

		if (ret)
			return ret;
		ifc->has_ufilter = true;
	}
	r->s.n_ifaces++;
	return 0;
}

/* The slot of an earlier section's interface like FI, not yet taken in FI's section. */
static unsigned same_slot(const struct sniff_run *r, const struct file_slots *fs,
			  const struct savefile_if *fi)
{
	for (unsigned k = 0; k < r->s.n_ifaces; k++)
		if (fs->key[k].section < fi->section && fs->key[k].linktype == fi->linktype &&
		    fs->key[k].snaplen == fi->snaplen && !strcmp(fs->key[k].name, fi->name))
			return k;
	return NO_SLOT;
}

/*
 * Gives every interface the reader knows a slot (or NO_SLOT past MAX_IFACES).
 * *added: slots made.  0 or an exit status.
 */
static int map_ifaces(struct sniff_run *r, struct file_slots *fs,
		      const struct savefile_reader *rd, unsigned *added)
{
	unsigned known = savefile_read_if_count(rd);

	*added = 0;
	if (known > fs->cap) {
		unsigned *bigger = realloc(fs->slot, known * sizeof(*bigger));

		if (!bigger) {
			log_error("out of memory");
			return EXIT_RUNTIME;
		}
		fs->slot = bigger;
		fs->cap = known;
	}
	for (; fs->n < known; fs->n++) {
		const struct savefile_if *fi = savefile_read_if(rd, fs->n);
		unsigned k = same_slot(r, fs, fi);

		if (k == NO_SLOT && r->s.n_ifaces < MAX_IFACES) {
			int ret = new_slot(r, fs, fi);

			if (ret)
				return ret;
			k = r->s.n_ifaces - 1;
			++*added;
		}
		if (k != NO_SLOT)
			fs->key[k].section = fi->section;
		fs->slot[fs->n] = k;
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

/*
 * The -w file: made now, before -Z gives up root, and never the -r file itself
 * (its header is written once the interfaces are known).  0 or an exit status.
 */
static int create_output(struct sniff_run *r, const struct savefile_reader *rd)
{
	struct savefile_write_opts *wo = &r->o->wo;

	wo->has_input = savefile_read_id(rd, &wo->input_dev, &wo->input_ino);
	return sniff_output_create_file(r);
}

/*
 * The stream's start at the first packet: the -w file lists its interfaces in
 * its header, so every one the file has described so far is taken, not only
 * the first packet's.  0 or an exit status.
 */
static int start_stream(struct sniff_run *r, struct file_slots *fs,
			const struct savefile_reader *rd)
{
	unsigned added;
	int ret = map_ifaces(r, fs, rd, &added);

	/* A pcapng of only a section header describes no interface: the file's name stands in. */
	if (!ret && !r->s.n_ifaces)
		ret = new_slot(r, fs, NULL);
	if (ret)
		return ret;
	r->s.show.iface = r->s.show.iface || r->s.n_ifaces > 1;
	return r->o->wfile ? sniff_output_open_writer(r, &r->s, r->o->wfile) : 0;
}

int sniff_run_file(struct sniff_run *r, bool *started)
{
	char errbuf[SAVEFILE_ERRLEN];
	struct file_slots fs = { 0 };
	struct savefile_reader *rd;
	struct savefile_pkt p;
	unsigned slot, added;
	int ret = 0, n = 0;

	if (savefile_read_open(&rd, r->o->rfile, errbuf)) {
		if (signals_stop)
			return SNIFF_RUN_STOPPED;	/* while waiting for a FIFO's writer */
		log_error("%s: %s", r->o->rfile, errbuf);
		return EXIT_RUNTIME;
	}
	ret = create_output(r, rd);
	if (ret)
		goto out;
	/* As tcpdump: root opens a file only it may read, then reads it as -Z USER. */
	if (r->o->user && (ret = sniff_run_drop_privileges(r->o->user, &r->wfd, 1)))
		goto out;
	while (!signals_stop && !r->s.done && (n = savefile_read_next(rd, &p)) > 0) {
		if (!*started) {
			ret = start_stream(r, &fs, rd);
			if (ret)
				goto out;
			sniff_begin(&r->s);
			*started = true;
		} else if (p.ifindex >= fs.n) {
			/* pcapng may describe interfaces as it goes: take each on first sight. */
			ret = map_ifaces(r, &fs, rd, &added);
			if (ret)
				goto out;
			if (added && r->s.w) {
				/* The -w file's header is out already: it cannot name a new one. */
				fmt_flush(r->s.f);
				log_error("%s: interface %u is described after the first packet: "
					  "-w cannot add it to %s", r->o->rfile, p.ifindex,
					  r->o->wfile);
				ret = EXIT_RUNTIME;
				goto out;
			}
		}
		slot = p.ifindex < fs.n ? fs.slot[p.ifindex] : NO_SLOT;
		if (slot == NO_SLOT) {
			if (!r->skipped++)
				log_error("%s: more than %d different interfaces: packets of the "
					  "others are skipped (and counted at exit)", r->o->rfile,
					  MAX_IFACES);
			continue;
		}
		if (!file_dir_wanted(r->o->dir, p.dir)) {
			r->ifaces[slot].captured++;	/* seen, not matched: as a filter */
			continue;
		}
		sniff_packet(&r->s, &(struct sniff_pkt){
			.data = p.data, .caplen = p.caplen, .wirelen = p.wirelen, .ts_ns = p.ts_ns,
			.ts_odd_ns = p.ts_odd_ns, .iface = slot,
			.pkttype = p.dir == SAVEFILE_DIR_OUT ? PACKET_OUTGOING :
				   p.dir == SAVEFILE_DIR_IN ? PACKET_HOST : -1,
		});
	}
	if (n < 0 && !signals_stop && !r->s.done) {
		fmt_flush(r->s.f);
		log_error("%s: %s", r->o->rfile, savefile_read_error(rd));
		ret = EXIT_RUNTIME;
	}
	/*
	 * No packet (an empty capture, or one cut in its first record): the -w file
	 * still gets its header, as tcpdump's does.
	 */
	if (!*started && r->o->wfile) {
		int err = start_stream(r, &fs, rd);

		ret = ret ? ret : err;
	}
out:
	free(fs.slot);
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

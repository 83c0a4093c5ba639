/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pktnote.c: pcapng of packets caught in the kernel: an Ethernet and a raw-IP interface, comments. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "capture/pktnote.h"

/* pcap's LINKTYPE_ETHERNET and LINKTYPE_RAW: the two interfaces of the file, in this order. */
#define LINKTYPE_ETHERNET 1
#define LINKTYPE_RAW 101

struct pktnote {
	struct savefile_writer *w;
};

int pktnote_open(struct pktnote **out, const char *path, uint32_t snaplen)
{
	static const struct savefile_wif ifs[] = {
		{ "ethernet", LINKTYPE_ETHERNET },
		{ "raw-ip", LINKTYPE_RAW },
	};
	struct savefile_write_opts o = {
		.format = SAVEFILE_PCAPNG,
		.snaplen = snaplen,
		.ifs = ifs,
		.n_ifs = 2,
		/* The file says how its packets' comments read (capinfos -k shows it). */
		.shb_comment = "packet comments: what became of the packet (\"dropped: REASON at "
			       "FUNCTION+OFFSET\", \"delivered to pid N (COMM)\", ...; trace adds its "
			       "hops), then whose it was (\"pid=N comm=NAME cgroup=PATH "
			       "[container=ID]\")",
	};
	struct pktnote *w = calloc(1, sizeof(*w));
	int err;

	if (!w)
		return -ENOMEM;
	err = savefile_write_open(&w->w, path, &o);
	if (err) {
		free(w);
		return err;
	}
	*out = w;
	return 0;
}

int pktnote_write(struct pktnote *w, const struct pktnote_pkt *p)
{
	struct savefile_pkt pkt = {
		.ts_ns = p->ts_ns,
		.caplen = p->caplen,
		.wirelen = p->wirelen > p->caplen ? p->wirelen : p->caplen,
		.ifindex = p->l3 ? 1 : 0,
		.data = p->data,
	};
	unsigned n = 0;
	int err;

	if (!p->caplen)
		return 0;
	if (p->what && p->what[0])
		pkt.comments[n++] = p->what;
	if (p->whose && p->whose[0]) {
		pkt.comment_lens[n] = p->whose_len;
		pkt.comments[n++] = p->whose;
	}
	err = savefile_write_packet(w->w, &pkt);
	/* No rotation here: SAVEFILE_DONE (a -W limit) cannot come. */
	return err == SAVEFILE_DONE ? 0 : err;
}

int pktnote_flush(struct pktnote *w)
{
	return savefile_write_flush(w->w);
}

int pktnote_close(struct pktnote *w)
{
	int err = savefile_write_close(w->w);

	free(w);
	return err;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* write.c: trace -w: the packets' first bytes in pcapng, hops and fate in each record's comment. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/savefile.h"
#include "cmd/trace/write.h"

/* pcap's LINKTYPE_ETHERNET and LINKTYPE_RAW: the two interfaces of the file. */
#define LINKTYPE_ETHERNET 1
#define LINKTYPE_RAW 101

struct trace_write {
	struct savefile_writer *w;
};

int trace_write_open(struct trace_write **out, const char *path, uint32_t snaplen)
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
	};
	struct trace_write *w = calloc(1, sizeof(*w));
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

void trace_write_comment(const struct view_trace *v, const struct trace_pkt *p, char *buf,
			 size_t len)
{
	uint64_t t0 = p->n ? p->hops[0].ts_ns : 0;
	size_t used;
	int n;

	view_trace_fate_text(v, p, buf, len);
	used = strlen(buf);
	for (size_t i = 0; i < p->n && used < len; i++) {
		const struct trace_pkt_hop *h = &p->hops[i];

		n = snprintf(buf + used, len - used, "%s %s@%s +%.3fus", i ? "," : ";",
			     trace_hop_name(h->hop), h->ifname[0] ? h->ifname : "-",
			     (double)(h->ts_ns > t0 ? h->ts_ns - t0 : 0) / 1e3);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

int trace_write_packet(struct trace_write *w, const struct view_trace *v,
		       const struct trace_pkt *p)
{
	char comment[SAVEFILE_MAX_COMMENT_LEN + 1];
	struct savefile_pkt pkt = {
		.ts_ns = p->n ? (uint64_t)((int64_t)p->hops[0].ts_ns + v->mono_to_real_ns) : 0,
		.caplen = p->caplen,
		.wirelen = p->wirelen > p->caplen ? p->wirelen : p->caplen,
		.ifindex = p->l3 ? 1 : 0,
		.data = p->data,
	};
	int err;

	if (!p->caplen)
		return 0;
	trace_write_comment(v, p, comment, sizeof(comment));
	pkt.comments[0] = comment[0] ? comment : NULL;
	err = savefile_write_packet(w->w, &pkt);
	return err == SAVEFILE_DONE ? 0 : err;
}

int trace_write_close(struct trace_write *w)
{
	int err = savefile_write_close(w->w);

	free(w);
	return err;
}

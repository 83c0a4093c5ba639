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

int trace_write_packet(struct pktnote *w, const struct view_trace *v, const struct trace_pkt *p,
		       const char *whose, uint16_t whose_len)
{
	char comment[SAVEFILE_MAX_COMMENT_LEN + 1];
	struct pktnote_pkt pkt = {
		.ts_ns = p->n ? (uint64_t)((int64_t)p->hops[0].ts_ns + v->mono_to_real_ns) : 0,
		.l3 = p->l3,
		.data = p->data,
		.caplen = p->caplen,
		.wirelen = p->wirelen,
		.what = comment,
		.whose = whose,
		.whose_len = whose_len,
	};

	if (!p->caplen)
		return 0;
	trace_write_comment(v, p, comment, sizeof(comment));
	return pktnote_write(w, &pkt);
}

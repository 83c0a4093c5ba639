/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp6_mld.c: multicast listener discovery, v1 (RFC 2710) and v2 (RFC 3810), as tcpdump prints it. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_icmp6_msg.h"

bool icmp6_mld_query_v2(struct line *x, const struct icmp6_msg *g)
{
	const struct pkt_icmp6 *ic = g->ic;
	struct pbuf *b = &x->b;
	const uint8_t *p;
	uint32_t mrt = ic->id, qqi;
	uint16_t nsrcs;

	pbuf_puts(b, " v2");
	if (mrt >= 32768)
		mrt = ((mrt & 0x0fff) | 0x1000) << (((mrt & 0x7000) >> 12) + 3);
	if (x->o->verbose) {
		pbuf_puts(b, " [max resp delay=");
		pbuf_u32(b, mrt);
		pbuf_putc(b, ']');
	}
	if (!(p = icmp6_at(g, 8, 16)))
		return false;
	pbuf_puts(b, " [gaddr ");
	pbuf_ip6(b, p);
	if (!(p = icmp6_at(g, 24, 4)))
		return false;
	if (x->o->verbose) {
		if (p[0] & 0x08)
			pbuf_puts(b, " sflag");
		if (p[0] & 0x07) {
			pbuf_puts(b, " robustness=");
			pbuf_u32(b, p[0] & 0x07);
		}
		qqi = p[1] < 128 ? p[1] : ((p[1] & 0x0fu) | 0x10) << (((p[1] & 0x70) >> 4) + 3);
		pbuf_puts(b, " qqi=");
		pbuf_u32(b, qqi);
	}
	nsrcs = be16(p + 2);
	if (nsrcs) {
		if (ic->len < 28 + (uint32_t)nsrcs * 16) {
			pbuf_puts(b, " [invalid number of sources]");
		} else if (x->o->verbosity > 1) {
			pbuf_puts(b, " {");
			for (unsigned i = 0; i < nsrcs; i++) {
				if (!(p = icmp6_at(g, 28 + 16 * (size_t)i, 16)))
					return false;
				pbuf_putc(b, ' ');
				pbuf_ip6(b, p);
			}
			pbuf_puts(b, " }");
		} else {
			pbuf_puts(b, ", ");
			pbuf_u32(b, nsrcs);
			pbuf_puts(b, " source(s)");
		}
	}
	pbuf_putc(b, ']');
	return true;
}

bool icmp6_mld_report_v2(struct line *x, const struct icmp6_msg *g)
{
	static const char *const rec[] = { NULL,    "is_in", "is_ex", "to_in",
					   "to_ex", "allow", "block" };
	const struct pkt_icmp6 *ic = g->ic;
	struct pbuf *b = &x->b;
	uint32_t group = 8;

	pbuf_puts(b, ", ");
	pbuf_u32(b, ic->seq);
	pbuf_puts(b, " group record(s)");
	if (!x->o->verbose)
		return true;
	for (unsigned i = 0; i < ic->seq; i++) {
		const uint8_t *p;
		uint16_t nsrcs;

		if (ic->len < group + 20) {
			pbuf_puts(b, " [invalid number of groups]");
			return true;
		}
		if (!(p = icmp6_at(g, group, 20)))
			return false;
		pbuf_puts(b, " [gaddr ");
		pbuf_ip6(b, p + 4);
		pbuf_putc(b, ' ');
		if (p[0] >= 1 && p[0] <= 6) {
			pbuf_puts(b, rec[p[0]]);
		} else {
			pbuf_puts(b, " [v2-report-#");
			pbuf_u32(b, p[0]);
			pbuf_putc(b, ']');
		}
		nsrcs = be16(p + 2);
		if (ic->len < group + 20 + (uint32_t)nsrcs * 16) {
			pbuf_puts(b, " [invalid number of sources ");
			pbuf_u32(b, nsrcs);
			pbuf_putc(b, ']');
			return true;
		}
		if (x->o->verbosity <= 1) {
			pbuf_puts(b, ", ");
			pbuf_u32(b, nsrcs);
			pbuf_puts(b, " source(s)");
		} else {
			pbuf_puts(b, " {");
			for (unsigned j = 0; j < nsrcs; j++) {
				if (!(p = icmp6_at(g, group + 20 + 16 * (size_t)j, 16)))
					return false;
				pbuf_putc(b, ' ');
				pbuf_ip6(b, p);
			}
			pbuf_puts(b, " }");
		}
		group += 20 + (uint32_t)nsrcs * 16;
		pbuf_putc(b, ']');
	}
	return true;
}

/* MLDv1 (RFC 2710): "max resp delay: N addr: GROUP"; nothing when not all captured. */
void icmp6_mld(struct pbuf *b, const struct icmp6_msg *g)
{
	const uint8_t *p = icmp6_at(g, 8, 16);

	if (!p)
		return;
	pbuf_puts(b, "max resp delay: "); /* right after the name, as tcpdump */
	pbuf_u32(b, g->ic->id);
	pbuf_puts(b, " addr: ");
	pbuf_ip6(b, p);
}

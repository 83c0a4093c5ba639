/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_geneve.c: Geneve (RFC 8926) and its options before the inner frame: dissector and printer. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/tcpdump_names.h"

#define GENEVE_HDR_LEN 8

/*
 * RFC 8926 section 3.4:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Virtual Network Identifier (VNI)       |    Reserved   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Variable-Length Options                    |
 *
 * The options are not copied: the printer and the JSON read them again.
 */
int proto_geneve_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_geneve *g = &m->geneve;
	uint8_t vo, rsvd;
	uint32_t w;

	*g = (struct pkt_geneve){ 0 };
	if (!pkt_get_u8(c, &vo) || !pkt_get_u8(c, &g->flags) || !pkt_get_be16(c, &g->proto) ||
	    !pkt_get_be32(c, &w))
		return proto_short(m, GENEVE_HDR_LEN);
	g->version = vo >> 6;
	g->opt_len = (uint16_t)((vo & 0x3f) * 4);
	g->vni = w >> 8;
	rsvd = w & 0xff;
	g->rsvd = rsvd;
	if (g->version != 0)
		return PKT_PROTO_NONE;
	if (pkt_wire_left(c) < g->opt_len)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (!pkt_skip(c, g->opt_len))
		return proto_truncated(m);
	if (g->proto == PROTO_ETHERTYPE_TEB)
		return PKT_PROTO_ETH;
	return dispatch_lookup(DISPATCH_GRE, g->proto);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok geneve_flags[] = {
	{ 0x80, "O" },	{ 0x40, "C" },	{ 0x20, "R1" }, { 0x10, "R2" },
	{ 0x08, "R3" }, { 0x04, "R4" }, { 0x02, "R5" }, { 0x01, "R6" },
	{ 0, NULL },
};

static const char *opt_class_name(uint16_t cls)
{
	switch (cls) {
	case 0x0100:
		return "Linux";
	case 0x0101:
		return "Open vSwitch";
	case 0x0102:
		return "Open Virtual Networking (OVN)";
	case 0x0103:
		return "In-band Network Telemetry (INT)";
	case 0x0104:
		return "VMware";
	}
	if (cls <= 0x00ff)
		return "Standard";
	if (cls >= 0xfff0)
		return "Experimental";
	return "Unknown";
}

/* The options, all captured (the dissector skipped them). */
static void put_opts(struct pbuf *b, const uint8_t *p, unsigned len, unsigned v)
{
	const char *sep = "";

	while (len > 0) {
		uint16_t cls;
		uint8_t type;
		unsigned olen;

		pbuf_puts(b, sep);
		sep = ", ";
		/* tcpdump reads a header of 4 bytes even when fewer are left */
		if (len < 4) {
			pbuf_puts(b, " [bad length]");
			return;
		}
		cls = (uint16_t)(p[0] << 8 | p[1]);
		type = p[2];
		olen = 4 + (p[3] & 0x1f) * 4u;
		msg_printf(b, "class %s (0x%x) type 0x%x%s len %u", opt_class_name(cls), cls, type,
			   type & 0x80 ? "(C)" : "", olen);
		if (olen > len) {
			pbuf_puts(b, " [bad length]");
			return;
		}
		if (v > 1 && olen > 4) {
			pbuf_puts(b, " data");
			for (unsigned i = 4; i < olen; i += 4)
				msg_printf(b, " %08x",
					   (uint32_t)p[i] << 24 | (uint32_t)p[i + 1] << 16 |
						   (uint32_t)p[i + 2] << 8 | p[i + 3]);
		}
		p += olen;
		len -= olen;
	}
}

bool proto_geneve_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_geneve *g = &x->m->geneve;
	struct pbuf *b = &x->b;
	unsigned v = line_verbosity(x);
	struct msg m;

	pbuf_puts(b, "Geneve");
	if (ly->truncated && ly->hdr_len < GENEVE_HDR_LEN)
		return msg_trunc(x, "geneve");
	if (g->version != 0) {
		msg_printf(b, " ERROR: unknown-version %u", g->version);
		return true;
	}
	pbuf_puts(b, ", Flags [");
	msg_bits_put(b, geneve_flags, "none", g->flags, " ");
	msg_printf(b, "], vni 0x%x", g->vni);
	if (g->rsvd)
		msg_printf(b, ", rsvd 0x%x", g->rsvd);
	if (x->o->link) {
		const char *name = tcpdump_names_ethertype(g->proto);

		msg_printf(b, ", proto %s (0x%04x)", name ? name : "unknown", g->proto);
	}
	if (ly->invalid) {
		msg_printf(b, " truncated-geneve - %u bytes missing",
			   g->opt_len - (ly->wire_len - GENEVE_HDR_LEN));
		return true;
	}
	if (ly->truncated)
		return msg_trunc(x, "geneve");
	if (g->opt_len) {
		pbuf_puts(b, ", options [");
		if (v && msg_of(&m, x) && msg_has(&m, GENEVE_HDR_LEN, g->opt_len))
			put_opts(b, m.p + GENEVE_HDR_LEN, g->opt_len, v);
		else
			msg_printf(b, "%u bytes", g->opt_len);
		pbuf_putc(b, ']');
	}
	pbuf_puts(b, v ? "\n\t" : ": ");
	if (line_more(x))
		return false;
	msg_printf(b, "geneve-proto-0x%x", g->proto);
	return true;
}

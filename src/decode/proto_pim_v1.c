/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_pim_v1.c: PIM version 1 (carried in IGMP, type 0x14) and Cisco's
 * auto-RP announcements (UDP 496) as tcpdump 4.99 prints them.
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_pim.h"

static void pim_ip4_mask(struct pbuf *b, const struct msg *g, size_t addr, size_t mask)
{
	pbuf_ip4(b, g->p + addr);
	if (msg_u32(g, mask) != 0xffffffff) {
		pbuf_putc(b, '/');
		pbuf_ip4(b, g->p + mask);
	}
}

/* A v1 Join/Prune, Graft or Graft-ACK from its upstream neighbour at off. */
static bool pimv1_join_prune(struct pbuf *b, const struct msg *g, size_t off, uint32_t len,
			     unsigned verbosity)
{
	unsigned ngroups;

	/* one group with one source: a line of its own */
	if (msg_has(g, off, 30) && msg_u8(g, off + 11) == 1 &&
	    msg_u16(g, off + 20) + msg_u16(g, off + 22) == 1) {
		uint16_t hold = msg_u16(g, off + 6);
		uint8_t f = msg_u8(g, off + 25);

		pbuf_puts(b, " RPF ");
		pbuf_ip4(b, g->p + off);
		pbuf_putc(b, ' ');
		if (hold != 180) {
			pbuf_puts(b, "Hold ");
			proto_msg_relts(b, hold);
		}
		pbuf_puts(b, msg_u16(g, off + 20) ? "Join (" : "Prune (");
		pbuf_ip4(b, g->p + off + 26);
		msg_printf(b, "/%u, ", f & 0x3f);
		pim_ip4_mask(b, g, off + 12, off + 16);
		msg_printf(b, ") %s%s %s", msg_u8(g, off + 24) & 1 ? "Sparse" : "Dense",
			   f & 0x80 ? " WC" : "", f & 0x40 ? "RP" : "SPT");
		return true;
	}
	if (len < 4 || !msg_has(g, off, 4))
		return false;
	if (verbosity > 1)
		pbuf_putc(b, '\n');
	pbuf_puts(b, " Upstream Nbr: ");
	pbuf_ip4(b, g->p + off);
	off += 4;
	len -= 4;
	if (len < 4)
		return false;
	if (verbosity > 1)
		pbuf_putc(b, '\n');
	pbuf_puts(b, " Hold time: ");
	if (!msg_has(g, off + 2, 2))
		return false;
	proto_msg_relts(b, msg_u16(g, off + 2));
	if (verbosity < 2)
		return true;
	off += 4;
	len -= 4;
	if (len < 4 || !msg_has(g, off + 3, 1))
		return false;
	ngroups = msg_u8(g, off + 3);
	off += 4;
	len -= 4;
	for (; ngroups; ngroups--) {
		unsigned njoin, nprune;

		if (len < 12 || !msg_has(g, off, 12))
			return false;
		pbuf_puts(b, "\n\tGroup: ");
		pim_ip4_mask(b, g, off, off + 4);
		njoin = msg_u16(g, off + 8);
		nprune = msg_u16(g, off + 10);
		msg_printf(b, " joined: %u pruned: %u", njoin, nprune);
		off += 12;
		len -= 12;
		for (unsigned i = 0; i < njoin + nprune; i++) {
			uint8_t f;

			if (len < 6 || !msg_has(g, off, 6))
				return false;
			f = msg_u8(g, off + 1);
			msg_printf(b, "\n\t%s %s%s%s", i < njoin ? "Join " : "Prune",
				   msg_u8(g, off) & 1 ? "Sparse " : "Dense ", f & 0x80 ? "WC " : "",
				   f & 0x40 ? "RP " : "SPT ");
			pbuf_ip4(b, g->p + off + 2);
			msg_printf(b, "/%u", f & 0x3f);
			off += 6;
			len -= 6;
		}
	}
	return true;
}

static const struct msg_tok pimv1_types[] = {
	{ 0, "Query" },	 { 1, "Register" }, { 2, "Register-Stop" }, { 3, "Join/Prune" },
	{ 4, "RP-reachable" }, { 5, "Assert" }, { 6, "Graft" }, { 7, "Graft-ACK" },
	{ 0, NULL },
};

bool proto_pimv1_put(struct pbuf *b, const struct msg *g, unsigned verbosity)
{
	static const char *const modes[] = { " Dense-mode", " Sparse-mode", " Sparse-Dense-mode" };
	uint8_t type;

	if (!msg_has(g, 1, 1))
		return false;
	type = msg_u8(g, 1);
	pbuf_putc(b, ' ');
	msg_tok_put(b, pimv1_types, "[type %u]", type);
	switch (type) {
	case 0:
		if (msg_has(g, 8, 1)) {
			if (msg_u8(g, 8) >> 4 < 3)
				pbuf_puts(b, modes[msg_u8(g, 8) >> 4]);
			else
				msg_printf(b, " mode-%u", msg_u8(g, 8) >> 4);
		}
		if (verbosity) {
			if (!msg_has(g, 10, 2))
				return false;
			pbuf_puts(b, " (Hold-time ");
			proto_msg_relts(b, msg_u16(g, 10));
			pbuf_putc(b, ')');
		}
		break;
	case 1:
		if (!msg_has(g, 8, 20))
			return false;
		pbuf_puts(b, " for ");
		pbuf_ip4(b, g->p + 20);
		pbuf_puts(b, " > ");
		pbuf_ip4(b, g->p + 24);
		break;
	case 2:
		if (!msg_has(g, 8, 8))
			return false;
		pbuf_puts(b, " for ");
		pbuf_ip4(b, g->p + 8);
		pbuf_puts(b, " > ");
		pbuf_ip4(b, g->p + 12);
		break;
	case 4:
		if (verbosity) {
			if (!msg_has(g, 8, 16))
				return false;
			pbuf_puts(b, " group ");
			pim_ip4_mask(b, g, 8, 12);
			pbuf_puts(b, " RP ");
			pbuf_ip4(b, g->p + 16);
			pbuf_puts(b, " hold ");
			proto_msg_relts(b, msg_u16(g, 22));
		}
		break;
	case 5:
		if (!msg_has(g, 8, 20))
			return false;
		pbuf_puts(b, " for ");
		pbuf_ip4(b, g->p + 16);
		pbuf_puts(b, " > ");
		pim_ip4_mask(b, g, 8, 12);
		msg_printf(b, " %s pref %u metric %u", msg_u8(g, 20) & 0x80 ? "RP-tree" : "SPT",
			   msg_u32(g, 20) & 0x7fffffff, msg_u32(g, 24));
		break;
	case 3:
	case 6:
	case 7:
		if (verbosity) {
			if (g->len < 8)
				return false;
			if (!pimv1_join_prune(b, g, 8, g->len - 8, verbosity))
				return false;
		}
		break;
	}
	if (!msg_has(g, 4, 1))
		return false;
	if (msg_u8(g, 4) >> 4 != 1)
		msg_printf(b, " [v%u]", msg_u8(g, 4) >> 4);
	return true;
}

/* ---- Cisco auto-RP (UDP 496): PIM's rendezvous point announcements ---- */

int proto_autorp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_AUTORP;
	return PKT_PROTO_NONE;
}

/* The RP entries of an announcement or mapping from off; false when they are cut short. */
static bool autorp_rps(struct pbuf *b, const struct msg *g, size_t off, uint32_t len, unsigned nrps)
{
	static const char *const versions[] = { " PIMv?", " PIMv1", " PIMv2", " PIMv1+2" };

	for (; nrps; nrps--) {
		unsigned n;
		char sep = ' ';

		if (len < 4 || !msg_has(g, off, 4))
			return false;
		pbuf_puts(b, " RP ");
		pbuf_ip4(b, g->p + off);
		off += 4;
		len -= 4;
		if (len < 1 || !msg_has(g, off, 1))
			return false;
		pbuf_puts(b, versions[msg_u8(g, off) & 3]);
		if (msg_u8(g, off) & 0xfc)
			msg_printf(b, " [rsvd=0x%02x]", msg_u8(g, off) & 0xfc);
		off++;
		len--;
		if (len < 1 || !msg_has(g, off, 1))
			return false;
		n = msg_u8(g, off);
		off++;
		len--;
		for (; n; n--) {
			uint8_t f;

			if (len < 6 || !msg_has(g, off, 6))
				return false;
			f = msg_u8(g, off);
			pbuf_putc(b, sep);
			if (f & 1)
				pbuf_putc(b, '!');
			pbuf_ip4(b, g->p + off + 2);
			msg_printf(b, "/%u", msg_u8(g, off + 1));
			if (f & 2)
				pbuf_puts(b, " bidir");
			if (f & 0xfc)
				msg_printf(b, "[rsvd=0x%02x]", f & 0xfc);
			sep = ',';
			off += 6;
			len -= 6;
		}
	}
	return true;
}

bool proto_autorp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	uint8_t type;

	if (!msg_of(&g, x) || g.len < 8 || !msg_has(&g, 0, 4))
		return msg_trunc(x, "cisco_autorp");
	pbuf_puts(b, " auto-rp ");
	type = msg_u8(&g, 0);
	if (type == 0x11)
		pbuf_puts(b, "candidate-advert");
	else if (type == 0x12)
		pbuf_puts(b, "mapping");
	else
		msg_printf(b, "type-0x%02x", type);
	pbuf_puts(b, " Hold ");
	if (msg_u16(&g, 2))
		proto_msg_relts(b, msg_u16(&g, 2));
	else
		pbuf_puts(b, "FOREVER");
	if (!autorp_rps(b, &g, 8, g.len - 8, msg_u8(&g, 1)))
		return msg_trunc(x, "cisco_autorp");
	return true;
}

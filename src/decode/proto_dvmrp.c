/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_dvmrp.c: DVMRP inside IGMP, printed as tcpdump 4.99 prints it: the
 * message type, and the probes, route reports, neighbor lists, prunes and
 * grafts after the 8-byte IGMP header.
 */
#include "config.h"

#include "decode/proto_dvmrp.h"

#define DVMRP_HDR_LEN 8

enum {
	DVMRP_PROBE = 1,
	DVMRP_REPORT = 2,
	DVMRP_NEIGHBORS = 4,
	DVMRP_NEIGHBORS2 = 6,
	DVMRP_PRUNE = 7,
	DVMRP_GRAFT = 8,
	DVMRP_GRAFT_ACK = 9,
};

static const struct msg_tok dvmrp_types[] = {
	{ 1, "Probe" },	     { 2, "Report" },	      { 3, "Ask-neighbors(old)" },
	{ 4, "Neighbors(old)" }, { 5, "Ask-neighbors2" }, { 6, "Neighbors2" },
	{ 7, "Prune" },	     { 8, "Graft" },	      { 9, "Graft-ACK" },
	{ 0, NULL },
};

/* Neighbor flags of a Neighbors2 entry, in tcpdump's order. */
static const struct {
	uint8_t bit;
	const char *name;
} dvmrp_nflags[] = {
	{ 0x01, "/tunnel" }, { 0x02, "/srcrt" }, { 0x40, "/querier" },
	{ 0x20, "/disabled" }, { 0x10, "/down" },
};

static void dvmrp_invalid(struct pbuf *b)
{
	pbuf_puts(b, " (invalid)");
}

static void dvmrp_ip4(struct pbuf *b, const struct msg *g, size_t off)
{
	pbuf_ip4(b, g->p + off);
}

/* A probe: the generation id, from -vv the neighbors. */
static bool dvmrp_probe(struct pbuf *b, const struct msg *g, size_t off, unsigned v)
{
	size_t len = g->len - off;

	if (len < 4) {
		msg_printf(b, " [full length %zu < 4]", len);
		dvmrp_invalid(b);
		return true;
	}
	if (!msg_has(g, off, 4))
		return false;
	msg_printf(b, "%sgenid %u", v > 1 ? "\n\t" : " ", msg_u32(g, off));
	if (v < 2)
		return true;
	for (off += 4, len -= 4; len > 0; off += 4, len -= 4) {
		if (len < 4) {
			msg_printf(b, "[remaining length %zu < 4]", len);
			dvmrp_invalid(b);
			return true;
		}
		if (!msg_has(g, off, 4))
			return false;
		pbuf_puts(b, "\n\tneighbor ");
		dvmrp_ip4(b, g, off);
	}
	return true;
}

/* A route report: masks, each with the origins (1 to 4 bytes) and metrics under it. */
static bool dvmrp_report(struct pbuf *b, const struct msg *g, size_t off)
{
	size_t len = g->len - off;

	while (len > 0) {
		uint8_t mask[4] = { 0xff };
		size_t width = 1;
		bool done;

		if (len < 3) {
			msg_printf(b, " [length %zu < 3]", len);
			dvmrp_invalid(b);
			return true;
		}
		if (!msg_has(g, off, 3))
			return false;
		for (size_t i = 0; i < 3; i++) {
			mask[i + 1] = msg_u8(g, off + i);
			if (mask[i + 1])
				width = i + 2;
		}
		pbuf_puts(b, "\n\tMask ");
		pbuf_ip4(b, mask);
		off += 3, len -= 3;
		do {
			uint8_t origin[4] = { 0 };
			uint8_t metric;

			if (len < width + 1) {
				pbuf_puts(b, "\n\t  [Truncated Report]");
				dvmrp_invalid(b);
				return true;
			}
			if (!msg_has(g, off, width + 1))
				return false;
			for (size_t i = 0; i < width; i++)
				origin[i] = msg_u8(g, off + i);
			metric = msg_u8(g, off + width);
			done = metric & 0x80;
			pbuf_puts(b, "\n\t  ");
			pbuf_ip4(b, origin);
			msg_printf(b, " metric %u", metric & 0x7f);
			off += width + 1, len -= width + 1;
		} while (!done);
	}
	return true;
}

/*
 * The neighbor lists: each local address with its metric, threshold (and in
 * version 2 flags) and neighbor count, then the neighbors.
 */
static bool dvmrp_neighbors(struct pbuf *b, const struct msg *g, size_t off, bool v2)
{
	size_t len = g->len - off, head = v2 ? 8 : 7;

	if (v2)
		msg_printf(b, " (v %u.%u):", msg_u8(g, 7), msg_u8(g, 6));
	while (len > 0) {
		uint8_t metric, thresh, flags = 0;
		size_t laddr = off;
		int ncount;

		if (len < head) {
			msg_printf(b, " [length %zu < %zu]", len, head);
			dvmrp_invalid(b);
			return true;
		}
		if (!msg_has(g, off, head))
			return false;
		metric = msg_u8(g, off + 4);
		thresh = msg_u8(g, off + 5);
		if (v2)
			flags = msg_u8(g, off + 6);
		ncount = msg_u8(g, off + head - 1);
		off += head, len -= head;
		while (--ncount >= 0 && (!v2 || len > 0)) {
			if (len < 4) {
				msg_printf(b, " [length %zu < 4]", len);
				dvmrp_invalid(b);
				return true;
			}
			/* tcpdump prints the local address before it reads the neighbor */
			pbuf_puts(b, " [");
			dvmrp_ip4(b, g, laddr);
			pbuf_puts(b, v2 ? " -> " : " ->");
			if (!msg_has(g, off, 4))
				return false;
			if (!v2)
				pbuf_putc(b, ' ');
			dvmrp_ip4(b, g, off);
			msg_printf(b, v2 ? " (%u/%u" : ", (%u/%u)]", metric, thresh);
			for (size_t i = 0; v2 && i < sizeof(dvmrp_nflags) / sizeof(dvmrp_nflags[0]); i++)
				if (flags & dvmrp_nflags[i].bit)
					pbuf_puts(b, dvmrp_nflags[i].name);
			if (v2)
				pbuf_puts(b, ")]");
			off += 4, len -= 4;
		}
		if (v2 && ncount != -1) {
			pbuf_puts(b, " [invalid ncount]");
			dvmrp_invalid(b);
			return true;
		}
	}
	return true;
}

/* Prune, graft and graft-ack: source and group, a prune's lifetime. */
static bool dvmrp_src_grp(struct pbuf *b, const struct msg *g, size_t off, bool timer)
{
	if (!msg_has(g, off, 8))
		return false;
	pbuf_puts(b, " src ");
	dvmrp_ip4(b, g, off);
	pbuf_puts(b, " grp ");
	dvmrp_ip4(b, g, off + 4);
	if (timer) {
		pbuf_puts(b, " timer ");
		if (!msg_has(g, off + 8, 4))
			return false;
		proto_msg_relts(b, msg_u32(g, off + 8));
	}
	return true;
}

bool proto_dvmrp_put(struct pbuf *b, const struct msg *g, unsigned verbosity)
{
	uint8_t type;

	if (g->len < DVMRP_HDR_LEN) {
		msg_printf(b, " [length %u < 8]", g->len);
		dvmrp_invalid(b);
		return true;
	}
	if (!msg_has(g, 0, DVMRP_HDR_LEN))
		return false;
	type = msg_u8(g, 1);
	pbuf_putc(b, ' ');
	msg_tok_put(b, dvmrp_types, "[type %u]", type);
	switch (type) {
	case DVMRP_PROBE:
		return verbosity ? dvmrp_probe(b, g, DVMRP_HDR_LEN, verbosity) : true;
	case DVMRP_REPORT:
		return verbosity > 1 ? dvmrp_report(b, g, DVMRP_HDR_LEN) : true;
	case DVMRP_NEIGHBORS:
		return dvmrp_neighbors(b, g, DVMRP_HDR_LEN, false);
	case DVMRP_NEIGHBORS2:
		return dvmrp_neighbors(b, g, DVMRP_HDR_LEN, true);
	case DVMRP_PRUNE:
		return dvmrp_src_grp(b, g, DVMRP_HDR_LEN, true);
	case DVMRP_GRAFT:
	case DVMRP_GRAFT_ACK:
		return dvmrp_src_grp(b, g, DVMRP_HDR_LEN, false);
	default:
		return true;
	}
}

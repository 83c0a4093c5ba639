/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_tipc.c: Transparent Inter-Process Communication (TIPC) headers, ethertype 0x88ca. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * A TIPC header is 32-bit big-endian words; the first two are common:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Ver | User  | Hsize |         |          Message size         |  w0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Mtype|   Sequence gap          |        Broadcast ack          |  w1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * What follows depends on the user: data and name/connection messages carry
 * ports and nodes, link configuration (neighbor discovery) a domain and a
 * network id, the link-internal users session and sequence numbers.  The
 * printer reads the words.  Addresses are zone.cluster.node (8.12.12 bits).
 */
#define TIPC_W(n) ((n) * 4u)

enum tipc_user {
	TIPC_LOW = 0,
	TIPC_MEDIUM = 1,
	TIPC_HIGH = 2,
	TIPC_CRITICAL = 3,
	TIPC_BCAST_PROTOCOL = 5,
	TIPC_MSG_BUNDLER = 6,
	TIPC_LINK_PROTOCOL = 7,
	TIPC_CONN_MANAGER = 8,
	TIPC_CHANGEOVER_PROTOCOL = 10,
	TIPC_NAME_DISTRIBUTOR = 11,
	TIPC_MSG_FRAGMENTER = 12,
	TIPC_LINK_CONFIG = 13,
};

static const struct msg_tok tipc_users[] = {
	{ TIPC_LOW, "Low Importance Data payload" },
	{ TIPC_MEDIUM, "Medium Importance Data payload" },
	{ TIPC_HIGH, "High Importance Data payload" },
	{ TIPC_CRITICAL, "Critical Importance Data payload" },
	{ TIPC_BCAST_PROTOCOL, "Broadcast Link Protocol internal" },
	{ TIPC_MSG_BUNDLER, "Message Bundler Protocol internal" },
	{ TIPC_LINK_PROTOCOL, "Link State Protocol internal" },
	{ TIPC_CONN_MANAGER, "Connection Manager internal" },
	{ TIPC_CHANGEOVER_PROTOCOL, "Link Changeover Protocol internal" },
	{ TIPC_NAME_DISTRIBUTOR, "Name Table Update Protocol internal" },
	{ TIPC_MSG_FRAGMENTER, "Message Fragmentation Protocol internal" },
	{ TIPC_LINK_CONFIG, "Neighbor Detection Protocol internal" },
	{ 0, NULL },
};

/* tcpdump's table swaps the names of types 1 and 3: printed as it prints them */
static const struct msg_tok tipc_mtypes[] = {
	{ 0, "CONN_MSG" }, { 1, "MCAST_MSG" }, { 2, "NAMED_MSG" }, { 3, "DIRECT_MSG" }, { 0, NULL },
};

static const struct msg_tok tipc_linkconf_mtypes[] = {
	{ 0, "Link request" }, { 1, "Link response" }, { 0, NULL },
};

int proto_tipc_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_TIPC;
	return PKT_PROTO_NONE;
}

/* Words 0..n-1 of the header into w; false when the capture stops before. */
static bool tipc_words(const struct msg *g, uint32_t *w, unsigned n)
{
	if (!msg_has(g, 0, TIPC_W(n)))
		return false;
	for (unsigned i = 0; i < n; i++)
		w[i] = msg_u32(g, TIPC_W(i));
	return true;
}

static void tipc_addr(struct pbuf *b, uint32_t a)
{
	msg_printf(b, "%u.%u.%u", a >> 24, (a >> 12) & 0xfff, a & 0xfff);
}

/* "TIPC vV.0 " */
static void tipc_start(struct pbuf *b, uint32_t w0)
{
	msg_printf(b, "TIPC v%u.0 ", w0 >> 29);
}

/* ", headerlength N bytes, MessageSize N bytes, USER, messageType " */
static void tipc_sizes(struct pbuf *b, uint32_t w0)
{
	msg_printf(b, ", headerlength %u bytes, MessageSize %u bytes, ", ((w0 >> 21) & 0xf) * 4,
		   w0 & 0x1ffff);
	msg_tok_put(b, tipc_users, "unknown", (w0 >> 25) & 0xf);
	pbuf_puts(b, ", messageType ");
}

/* The users tcpdump reads as data, with ports and nodes. */
static bool tipc_payload(struct pbuf *b, const uint32_t *w, bool verbose)
{
	tipc_start(b, w[0]);
	if (((w[0] >> 21) & 0xf) <= 6) {
		tipc_addr(b, w[3]);
		msg_printf(b, ":%u > %u", w[4], w[5]);
	} else {
		tipc_addr(b, w[6]);
		msg_printf(b, ":%u > ", w[4]);
		tipc_addr(b, w[7]);
		msg_printf(b, ":%u", w[5]);
	}
	tipc_sizes(b, w[0]);
	msg_tok_put(b, tipc_mtypes, "Unknown", w[1] >> 29);
	if (verbose && ((w[0] >> 21) & 0xf) > 6) {
		pbuf_puts(b, "\n\tPrevious Node ");
		tipc_addr(b, w[3]);
		msg_printf(b, ", Broadcast Ack %u, Link Ack %u, Link Sequence %u", w[1] & 0xffff,
			   w[2] >> 16, w[2] & 0xffff);
	}
	return true;
}

/* The link's own users: bundler, link state, changeover, fragmenter, broadcast. */
static void tipc_internal(struct pbuf *b, const uint32_t *w)
{
	tipc_start(b, w[0]);
	tipc_addr(b, w[6]);
	pbuf_puts(b, " > ");
	tipc_addr(b, w[7]);
	tipc_sizes(b, w[0]);
	msg_tok_put(b, tipc_mtypes, "Unknown", w[1] >> 29);
	msg_printf(b, " (0x%08x)", w[1]);
}

static void tipc_internal_v(struct pbuf *b, const uint32_t *w)
{
	pbuf_puts(b, "\n\tPrevious Node ");
	tipc_addr(b, w[3]);
	msg_printf(b,
		   ", Session No. %u, Broadcast Ack %u, Sequence Gap %u,  Broadcast Gap After %u,"
		   " Broadcast Gap To %u, Last Sent Packet No. %u, Next sent Packet No. %u,"
		   " Transport Sequence %u, msg_count %u, Link Tolerance %u",
		   w[5] >> 16, w[1] & 0xffff, (w[1] >> 16) & 0x1fff, w[2] >> 16, w[2] & 0xffff,
		   w[4] >> 16, w[4] & 0xffff, w[8], w[9] >> 16, w[9] & 0xffff);
}

/* Neighbor detection: from the previous node to a domain. */
static void tipc_link_conf(struct pbuf *b, const uint32_t *w)
{
	tipc_start(b, w[0]);
	tipc_addr(b, w[3]);
	pbuf_puts(b, " > ");
	tipc_addr(b, w[2]);
	tipc_sizes(b, w[0]);
	msg_tok_put(b, tipc_linkconf_mtypes, "Unknown", w[1] >> 29);
}

bool proto_tipc_print(struct line *x)
{
	struct pbuf *b = &x->b;
	bool verbose = x->o->verbosity > 0;
	uint32_t w[10];
	struct msg g;

	if (!msg_of(&g, x) || !tipc_words(&g, w, 1))
		return msg_trunc(x, "tipc");
	/* tcpdump reads each user's words before it prints, then the -v ones */
	switch ((w[0] >> 25) & 0xf) {
	case TIPC_LOW:
	case TIPC_MEDIUM:
	case TIPC_HIGH:
	case TIPC_CRITICAL:
	case TIPC_NAME_DISTRIBUTOR:
	case TIPC_CONN_MANAGER:
		if (!tipc_words(&g, w, 6) ||
		    (((w[0] >> 21) & 0xf) > 6 && !tipc_words(&g, w, 8)))
			return msg_trunc(x, "tipc");
		return tipc_payload(b, w, verbose);
	case TIPC_LINK_CONFIG:
		if (!tipc_words(&g, w, 4))
			return msg_trunc(x, "tipc");
		tipc_link_conf(b, w);
		if (!verbose)
			return true;
		if (!tipc_words(&g, w, 6))
			return msg_trunc(x, "tipc");
		msg_printf(b, "\n\tNodeSignature %u, network_id %u, media_id %u", w[1] & 0xffff,
			   w[4], w[5] & 0xff);
		return true;
	case TIPC_BCAST_PROTOCOL:
	case TIPC_MSG_BUNDLER:
	case TIPC_LINK_PROTOCOL:
	case TIPC_CHANGEOVER_PROTOCOL:
	case TIPC_MSG_FRAGMENTER:
		if (!tipc_words(&g, w, 8))
			return msg_trunc(x, "tipc");
		tipc_internal(b, w);
		if (!verbose)
			return true;
		if (!tipc_words(&g, w, 10))
			return msg_trunc(x, "tipc");
		tipc_internal_v(b, w);
		return true;
	}
	return true; /* other users: tcpdump prints nothing */
}

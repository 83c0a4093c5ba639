/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rx.c: Rx, AFS's RPC transport, on UDP 7000-7009, as tcpdump's
 * rx_print: the header (more of it with each -v), acks, and the calls of the
 * AFS services and their replies (proto_rx_afs.c).  A reply names no
 * opcode: as tcpdump, the last 64 calls seen are remembered (client,
 * server, port, call number, service) to find the one it answers, in capture
 * order.
 */
#include "config.h"

#include <string.h>

#include "decode/proto.h"
#include "decode/proto_rx.h"
#include "decode/proto_udpapps.h"

#define RX_CLIENT_INITIATED 1
#define RX_CACHE_SIZE	    64
#define RX_ACK_LEN	    18 /* bufferSpace ... nAcks */
#define RX_ACK_TYPE_NACK    0
#define RX_ACK_TYPE_ACK	    1

static const struct msg_tok rx_types[] = {
	{ 1, "data" },	    { 2, "ack" },	 { 3, "busy" },	  { 4, "abort" },
	{ 5, "ackall" },    { 6, "challenge" }, { 7, "response" }, { 8, "debug" },
	{ 9, "params" },    { 13, "version" },	 { 0, NULL },
};

static const struct {
	uint8_t flag;
	uint8_t type; /* the packet type the flag means this in, 0 for any */
	const char *s;
} rx_flags[] = {
	{ 1, 0, "client-init" }, { 2, 0, "req-ack" },	  { 4, 0, "last-pckt" },
	{ 8, 0, "more-pckts" },	 { 16, 0, "free-pckt" }, { 32, RX_PACKET_TYPE_ACK, "slow-start" },
	{ 32, RX_PACKET_TYPE_DATA, "jumbogram" },
};

static const struct msg_tok rx_ack_reasons[] = {
	{ 1, "ack requested" }, { 2, "duplicate packet" }, { 3, "out of sequence" },
	{ 4, "exceeds window" }, { 5, "no buffer space" },  { 6, "ping" },
	{ 7, "ping response" }, { 8, "delay" },		    { 9, "idle" },
	{ 0, NULL },
};

/* tcpdump's rx_cache: the calls replies are matched against (one capture at a time). */
static struct rx_call {
	uint32_t callnum;
	uint8_t client[4];
	uint8_t server[4];
	uint16_t dport;
	uint16_t service;
	uint32_t opcode;
} rx_cache[RX_CACHE_SIZE];
static unsigned rx_cache_next, rx_cache_hint;

int proto_rx_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_RX;
	return PKT_PROTO_NONE;
}

const char *proto_rx_type_name(unsigned type)
{
	return msg_tok_find(rx_types, type);
}

/*
 * The IP header's source and destination as tcpdump reads them for its
 * cache: bytes 12-19 of the network header, an IPv6 one's too.
 */
static bool rx_addrs(const struct line *x, const uint8_t **src, const uint8_t **dst)
{
	const struct pkt_meta *m = x->m;

	for (unsigned i = x->i; i-- > 0;) {
		const struct pkt_layer *ly = &m->layer[i];

		if (ly->proto != PKT_PROTO_IPV4 && ly->proto != PKT_PROTO_IPV6)
			continue;
		if (!x->o->data || ly->off + 20 > m->caplen)
			return false;
		*src = x->o->data + ly->off + 12;
		*dst = x->o->data + ly->off + 16;
		return true;
	}
	return false;
}

static void cache_insert(const struct line *x, const struct msg *g, uint16_t dport)
{
	const uint8_t *src, *dst;
	struct rx_call *e;

	if (!msg_has(g, RX_HDR_LEN, 4) || !rx_addrs(x, &src, &dst))
		return;
	e = &rx_cache[rx_cache_next];
	if (++rx_cache_next >= RX_CACHE_SIZE)
		rx_cache_next = 0;
	e->callnum = msg_u32(g, 8);
	memcpy(e->client, src, 4);
	memcpy(e->server, dst, 4);
	e->dport = dport;
	e->service = msg_u16(g, 26);
	e->opcode = msg_u32(g, RX_HDR_LEN);
}

static bool cache_find(const struct line *x, const struct msg *g, uint16_t sport, uint32_t *opcode)
{
	const uint8_t *src, *dst;
	unsigned i = rx_cache_hint;

	if (!rx_addrs(x, &src, &dst))
		return false;
	do {
		const struct rx_call *e = &rx_cache[i];

		if (e->callnum == msg_u32(g, 8) && !memcmp(e->client, dst, 4) &&
		    !memcmp(e->server, src, 4) && e->service == msg_u16(g, 26) && e->dport == sport) {
			rx_cache_hint = i;
			*opcode = e->opcode;
			return true;
		}
		if (++i >= RX_CACHE_SIZE)
			i = 0;
	} while (i != rx_cache_hint);
	return false;
}

/* Runs of acked (then nacked) packets as "first-last,n". */
static void put_ack_runs(struct pbuf *b, const struct msg *g, size_t off, unsigned n, uint32_t first,
			 uint8_t want, const char *word)
{
	int i, start = -2, last = -2;

	for (i = 0; i < (int)n; i++) {
		if (msg_u8(g, off + (size_t)i) == want) {
			if (last == -2) {
				msg_printf(b, " %s %u", word, first + (uint32_t)i);
				start = i;
			} else if (last != i - 1) {
				msg_printf(b, ",%u", first + (uint32_t)i);
				start = i;
			}
			last = i;
		} else if (last == i - 1 && start != last) {
			msg_printf(b, "-%u", first + (uint32_t)i - 1);
		}
	}
	if (last == i - 1 && start != last)
		msg_printf(b, "-%u", first + (uint32_t)i - 1);
}

static void put_ack(struct rx_rd *r, uint32_t length, unsigned v)
{
	struct pbuf *b = r->b;
	size_t a = RX_HDR_LEN;
	uint32_t first;
	uint8_t nacks;

	if (length < RX_HDR_LEN)
		return;
	if (!msg_has(r->g, a, RX_ACK_LEN)) {
		pbuf_puts(b, " [|ack]");
		return;
	}
	if (v > 2)
		msg_printf(b, " bufspace %u maxskew %u", msg_u16(r->g, a), msg_u16(r->g, a + 2));
	first = msg_u32(r->g, a + 4);
	msg_printf(b, " first %u serial %u reason ", first, msg_u32(r->g, a + 12));
	msg_tok_put(b, rx_ack_reasons, "#%u", msg_u8(r->g, a + 16));
	nacks = msg_u8(r->g, a + 17);
	a += RX_ACK_LEN;
	if (nacks) {
		if (!msg_has(r->g, a, nacks)) {
			pbuf_puts(b, " [|ack]");
			return;
		}
		put_ack_runs(b, r->g, a, nacks, first, RX_ACK_TYPE_ACK, "acked");
		put_ack_runs(b, r->g, a, nacks, first, RX_ACK_TYPE_NACK, "nacked");
		a += nacks;
	}
	a += 3; /* padding */
	if (v > 1) {
		static const char *const words[] = { " ifmtu", " maxmtu", " rwind", " maxpackets" };

		r->off = a;
		for (unsigned k = 0; k < 4; k++) {
			/* TRUNCRET: tcpdump stops quietly one byte early */
			if (r->g->cap < r->off || r->g->cap - r->off + 1 <= 4)
				return;
			pbuf_puts(b, words[k]);
			msg_printf(b, " %u", rx_u32(r));
		}
	}
}

static void put_header(struct pbuf *b, const struct msg *g, unsigned v, uint8_t type, uint8_t flags)
{
	bool first = true;

	if (!v)
		return;
	if (v > 1)
		msg_printf(b, " cid %08x call# %u", msg_u32(g, 4), msg_u32(g, 8));
	msg_printf(b, " seq %u ser %u", msg_u32(g, 12), msg_u32(g, 16));
	if (v > 2)
		msg_printf(b, " secindex %u serviceid %u", msg_u8(g, 23), msg_u16(g, 26));
	if (v < 2)
		return;
	for (size_t i = 0; i < sizeof(rx_flags) / sizeof(rx_flags[0]); i++) {
		if (!(flags & rx_flags[i].flag) || (rx_flags[i].type && rx_flags[i].type != type))
			continue;
		pbuf_putc(b, first ? ' ' : ',');
		first = false;
		msg_printf(b, "<%s>", rx_flags[i].s);
	}
}

/* The packet after its header, as rx_print; a read past the capture jumps back to rx_walk. */
static void rx_body(struct line *x, struct rx_rd *r)
{
	const struct pkt_udp *u = &line_level(x)->udp;
	const struct msg *g = r->g;
	unsigned v = line_verbosity(x);
	uint8_t type = msg_u8(g, RX_OFF_TYPE), flags = msg_u8(g, 21);
	uint32_t opcode;

	pbuf_puts(r->b, " rx ");
	msg_tok_put(r->b, rx_types, "type %u", type);
	put_header(r->b, g, v, type, flags);
	if (type == RX_PACKET_TYPE_DATA && msg_u32(g, 12) == 1 && (flags & RX_CLIENT_INITIATED)) {
		cache_insert(x, g, u->dport);
		rx_afs_call(r, u->dport, g->len);
	} else if (((type == RX_PACKET_TYPE_DATA && msg_u32(g, 12) == 1) ||
		    type == RX_PACKET_TYPE_ABORT) &&
		   !(flags & RX_CLIENT_INITIATED) && cache_find(x, g, u->sport, &opcode)) {
		rx_afs_reply(r, u->sport, g->len, opcode);
	} else if (type == RX_PACKET_TYPE_ACK) {
		put_ack(r, g->len, v);
	}
	msg_printf(r->b, " (%u)", g->len);
}

/* false when a read went past the capture (tcpdump's longjmp) */
static bool rx_walk(struct line *x, struct rx_rd *r)
{
	if (setjmp(*r->cut))
		return false;
	rx_body(x, r);
	return true;
}

bool proto_rx_print(struct line *x)
{
	jmp_buf cut;
	struct msg g;
	struct rx_rd r = { &g, RX_HDR_LEN, &x->b, &cut };

	msg_of(&g, x);
	if (!msg_has(&g, 0, RX_HDR_LEN)) {
		msg_printf(&x->b, " [|rx] (%u)", g.len);
		return true;
	}
	if (!rx_walk(x, &r))
		return msg_trunc(x, "rx");
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_sctp.c: SCTP (RFC 9260), IP protocol 132: dissector and tcpdump 4.99's
 * text: the common header, then each chunk by number, DATA, INIT, INIT ACK and
 * SACK with their fields, the others named; DATA payloads at -vv as M3UA
 * (proto_m3ua.c) or hex.
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_forces.h"
#include "decode/proto_l2.h"
#include "decode/proto_sctp.h"

/* ForCES (RFC 5811) channels, by port */
#define SCTP_FORCES_HP 6704
#define SCTP_FORCES_MP 6705
#define SCTP_FORCES_LP 6706

#define SCTP_PPID_M3UA 3

int proto_sctp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_sctp *s = &l->sctp;

	l->trans = PKT_PROTO_SCTP;
	*s = (struct pkt_sctp){ 0 };
	if (pkt_wire_left(c) < SCTP_HDR_LEN)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (!pkt_get_be16(c, &s->sport) || !pkt_get_be16(c, &s->dport) ||
	    !pkt_get_be32(c, &s->vtag) || !pkt_get_be32(c, &s->csum))
		return proto_truncated(m);
	/* the chunks are the payload: the printer and the JSON view walk them */
	return PKT_PROTO_NONE;
}

/* ---- names ----------------------------------------------------------------------------------- */

static const struct msg_tok sctp_chunk_names[] = {
	{ 0x00, "DATA" },	   { 0x01, "INIT" },	     { 0x02, "INIT ACK" },
	{ 0x03, "SACK" },	   { 0x04, "HB REQ" },	     { 0x05, "HB ACK" },
	{ 0x06, "ABORT" },	   { 0x07, "SHUTDOWN" },     { 0x08, "SHUTDOWN ACK" },
	{ 0x09, "OP ERR" },	   { 0x0a, "COOKIE ECHO" },  { 0x0b, "COOKIE ACK" },
	{ 0x0c, "ECN ECHO" },	   { 0x0d, "ECN CWR" },	     { 0x0e, "SHUTDOWN COMPLETE" },
	{ 0xc0, "FOR CUM TSN" },   { 0xc1, "REL CTRL" },     { 0xc2, "REL CTRL ACK" },
	{ 0, NULL },
};

static const struct msg_tok sctp_ppids[] = {
	{ 1, "ISDN Q.921" }, { 2, "M2UA" },	{ 3, "M3UA" },	     { 4, "SUA" },
	{ 5, "M2PA" },	     { 6, "V5.2" },	{ 7, "H.248" },	     { 8, "BICC" },
	{ 9, "TALI" },	     { 10, "DUA" },	{ 11, "ASAP" },	     { 12, "ENRP" },
	{ 13, "H.323" },     { 14, "Q.IPC" },	{ 15, "SIMCO" },     { 16, "DDPSC" },
	{ 17, "DDPSSC" },    { 18, "S1AP" },	{ 19, "RUA" },	     { 20, "HNBAP" },
	{ 21, "ForCES HP" }, { 22, "ForCES MP" }, { 23, "ForCES LP" }, { 24, "SBc-AP" },
	{ 25, "NBAP" },	     { 27, "X2AP" },	{ 0, NULL },
};

const char *proto_sctp_chunk_name(uint8_t type)
{
	return msg_tok_find(sctp_chunk_names, type);
}

const char *proto_sctp_ppid_name(uint32_t ppid)
{
	return msg_tok_find(sctp_ppids, ppid);
}

static const char *sctp_forces_channel(uint16_t port)
{
	switch (port) {
	case SCTP_FORCES_HP:
		return "ForCES HP";
	case SCTP_FORCES_MP:
		return "ForCES MP";
	case SCTP_FORCES_LP:
		return "ForCES LP";
	}
	return NULL;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* What a chunk's printer says of the line: go on, or it ended (truncated, bogus). */
enum sctp_walk { SCTP_GO_ON, SCTP_STOP };

struct sctp_printer {
	struct pbuf *b;
	const struct msg *g;
	unsigned verbosity;
	bool dump;    /* -x/-X: tcpdump suppresses its default payload print */
	bool forces;  /* a ForCES channel, by port or by a DATA chunk's PPID */
};

static enum sctp_walk sctp_bogus(struct pbuf *b, uint16_t clen)
{
	msg_printf(b, "bogus chunk length %u]", clen);
	return SCTP_STOP;
}

/* A ForCES message (proto_forces.c); a read past the capture ends the line, as tcpdump's. */
static enum sctp_walk sctp_forces(struct sctp_printer *p, uint32_t off, uint16_t plen)
{
	return proto_forces_print(p->b, p->g, off, plen, p->verbosity) ? SCTP_GO_ON : SCTP_STOP;
}

static enum sctp_walk sctp_data(struct sctp_printer *p, uint8_t flags, uint32_t off,
				uint16_t clen)
{
	struct pbuf *b = p->b;
	const struct msg *g = p->g;
	uint16_t rem = (uint16_t)(clen - SCTP_CHUNK_HDR), plen;
	uint32_t ppid;

	if (flags & 4)
		pbuf_puts(b, "(U)");
	if (flags & 2)
		pbuf_puts(b, "(B)");
	if (flags & 1)
		pbuf_puts(b, "(E)");
	if (flags & 7)
		pbuf_putc(b, ' ');
	if (rem < 12)
		return sctp_bogus(b, clen);
	ppid = msg_u32(g, off + 8);
	msg_printf(b, "[TSN: %u] [SID: %u] [SSEQ %u] [PPID ", msg_u32(g, off), msg_u16(g, off + 4),
		   msg_u16(g, off + 6));
	msg_tok_put(b, sctp_ppids, "0x%x", ppid);
	pbuf_puts(b, "] ");
	if (ppid >= 21 && ppid <= 23)
		p->forces = true;
	plen = (uint16_t)(rem - 12);
	if (!plen)
		return sctp_bogus(b, clen);
	if (p->forces)
		return sctp_forces(p, off + 12, plen);
	if (p->verbosity < 2)
		return SCTP_GO_ON;
	if (ppid == SCTP_PPID_M3UA) {
		proto_m3ua_print(b, g, off + 12, plen);
		return SCTP_GO_ON;
	}
	pbuf_puts(b, "[Payload");
	if (!p->dump) {
		pbuf_putc(b, ':');
		proto_l2_default_print(b, g->p + off + 12, plen);
	}
	pbuf_putc(b, ']');
	return SCTP_GO_ON;
}

static enum sctp_walk sctp_init(struct sctp_printer *p, uint32_t off, uint16_t clen)
{
	const struct msg *g = p->g;

	if (clen - SCTP_CHUNK_HDR < 16)
		return sctp_bogus(p->b, clen);
	msg_printf(p->b, "[init tag: %u] [rwnd: %u] [OS: %u] [MIS: %u] [init TSN: %u] ",
		   msg_u32(g, off), msg_u32(g, off + 4), msg_u16(g, off + 8), msg_u16(g, off + 10),
		   msg_u32(g, off + 12));
	return SCTP_GO_ON;
}

static enum sctp_walk sctp_sack(struct sctp_printer *p, uint32_t off, uint16_t clen)
{
	struct pbuf *b = p->b;
	const struct msg *g = p->g;
	uint16_t rem = (uint16_t)(clen - SCTP_CHUNK_HDR), ngaps, ndups, i;
	uint32_t cum;

	if (rem < 12)
		return sctp_bogus(b, clen);
	cum = msg_u32(g, off);
	ngaps = msg_u16(g, off + 8);
	ndups = msg_u16(g, off + 10);
	msg_printf(b, "[cum ack %u] [a_rwnd %u] [#gap acks %u] [#dup tsns %u] ", cum,
		   msg_u32(g, off + 4), ngaps, ndups);
	off += 12;
	rem -= 12;
	for (i = 0; rem != 0 && i < ngaps; i++, off += 4, rem -= 4) {
		if (rem < 4)
			return sctp_bogus(b, clen);
		msg_printf(b, "\n\t\t[gap ack block #%u: start = %u, end = %u] ", i + 1u,
			   cum + msg_u16(g, off), cum + msg_u16(g, off + 2));
	}
	for (i = 0; rem != 0 && i < ndups; i++, off += 4, rem -= 4) {
		if (rem < 4)
			return sctp_bogus(b, clen);
		msg_printf(b, "\n\t\t[dup TSN #%u: %u] ", i + 1u, msg_u32(g, off));
	}
	return SCTP_GO_ON;
}

/*
 * The chunks after the common header, as tcpdump 4.99.3's sctp_print walks
 * them: "remaining" is the IP payload's length less what was read, unsigned
 * as there, so a chunk whose padding reaches past the end wraps it and the
 * next chunk's header is then found cut by the capture.
 */
static bool sctp_chunks(struct sctp_printer *p)
{
	struct pbuf *b = p->b;
	const struct msg *g = p->g;
	uint32_t off = SCTP_HDR_LEN, remaining = g->len - SCTP_HDR_LEN, count;
	const char *sep = p->verbosity >= 2 ? "\n\t" : " (";

	for (count = 1; remaining != 0; count++) {
		uint16_t clen, align;
		uint8_t type;
		enum sctp_walk w = SCTP_GO_ON;

		if (remaining < SCTP_CHUNK_HDR) {
			msg_printf(b, "%s%u) [chunk descriptor cut off at end of packet]", sep, count);
			return true;
		}
		if (!msg_has(g, off, SCTP_CHUNK_HDR))
			return msg_trunc_put(b, "sctp");
		clen = msg_u16(g, off + 2);
		if (clen < SCTP_CHUNK_HDR) {
			msg_printf(b, "%s%u) [Bad chunk length %u, < size of chunk descriptor]", sep,
				   count, clen);
			return true;
		}
		align = (uint16_t)((4 - clen % 4) % 4);
		if (!msg_has(g, off, clen))
			return msg_trunc_put(b, "sctp");
		type = msg_u8(g, off);
		msg_printf(b, "%s%u) [", sep, count);
		msg_tok_put(b, sctp_chunk_names, "Unknown chunk type: 0x%x", type);
		pbuf_puts(b, "] ");
		switch (type) {
		case SCTP_DATA:
			w = sctp_data(p, msg_u8(g, off + 1), off + SCTP_CHUNK_HDR, clen);
			break;
		case SCTP_INIT:
		case SCTP_INIT_ACK:
			w = sctp_init(p, off + SCTP_CHUNK_HDR, clen);
			break;
		case SCTP_SACK:
			w = sctp_sack(p, off + SCTP_CHUNK_HDR, clen);
			break;
		}
		if (w == SCTP_STOP)
			return true;
		off += clen;
		remaining -= clen;
		if (p->verbosity < 2)
			sep = ", (";
		if (align) {
			if (!msg_has(g, off, align))
				return msg_trunc_put(b, "sctp");
			off += align;
			remaining -= align;
		}
	}
	return true;
}

bool proto_sctp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_sctp *s = &line_level(x)->sctp;
	struct pbuf *b = &x->b;
	struct sctp_printer p = { .b = b, .verbosity = line_verbosity(x), .dump = x->o->dump };
	const char *ch;
	struct msg g;

	if (ly->reason == PKT_REASON_SHORT) {
		msg_printf(b, "truncated-sctp - %u bytes missing!", SCTP_HDR_LEN - ly->wire_len);
		return true;
	}
	if (ly->truncated)
		return msg_trunc(x, "sctp");
	/* tcpdump's own "src.sport > dst.dport": numeric ports, full addresses */
	if (x->family) {
		line_addr(x, x->src);
		msg_printf(b, ".%u > ", s->sport);
		line_addr(x, x->dst);
		msg_printf(b, ".%u: ", s->dport);
	}
	pbuf_puts(b, "sctp");
	ch = sctp_forces_channel(s->sport);
	if (ch)
		msg_printf(b, "[%s]", ch);
	p.forces = ch != NULL;
	ch = sctp_forces_channel(s->dport);
	if (ch)
		msg_printf(b, "[%s]", ch);
	p.forces = p.forces || ch != NULL;
	if (!msg_of(&g, x))
		return msg_trunc(x, "sctp");
	p.g = &g;
	return sctp_chunks(&p);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp.c: ICMP for IPv4 (RFC 792): dissector and printer. */
#include "config.h"

#include "decode/l4csum.h"
#include "decode/line.h"
#include "decode/proto.h"

#define ICMP_HDR_LEN   8
#define ICMP_QUOTE_MIN 20 /* an error quotes at least the offending IP header */

enum {
	ICMP_ECHOREPLY = 0,
	ICMP_UNREACH = 3,
	ICMP_SOURCEQUENCH = 4,
	ICMP_REDIRECT = 5,
	ICMP_ECHO = 8,
	ICMP_TIMXCEED = 11,
	ICMP_PARAMPROB = 12,
	ICMP_TSTAMP = 13,
	ICMP_TSTAMPREPLY = 14,
	ICMP_IREQ = 15,
	ICMP_IREQREPLY = 16,
	ICMP_MASKREQ = 17,
	ICMP_MASKREPLY = 18,
};

static bool is_error(uint8_t type)
{
	return type == ICMP_UNREACH || type == ICMP_SOURCEQUENCH || type == ICMP_REDIRECT ||
	       type == ICMP_TIMXCEED || type == ICMP_PARAMPROB;
}

/*
 * RFC 792; the second word depends on the type: identifier and sequence
 * number (echo, timestamp, information, mask), gateway address (redirect),
 * next-hop MTU (unreachable, RFC 1191), pointer (parameter problem).  Errors
 * then quote the offending datagram's IP header and first 8 bytes.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Identifier          |        Sequence Number        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Internet Header + 64 bits of Original Data Datagram       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_icmp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	const uint8_t *start = c->p;
	struct pkt_icmp *ic = &l->icmp;
	struct pkt_cursor q;

	l->trans = PKT_PROTO_ICMP;
	*ic = (struct pkt_icmp){ 0 };
	if (!pkt_get_u8(c, &ic->type) || !pkt_get_u8(c, &ic->code) || !pkt_get_be16(c, &ic->csum) ||
	    !pkt_get_be32(c, &ic->rest))
		return proto_short(m, ICMP_HDR_LEN);
	ic->id = ic->rest >> 16;
	ic->seq = ic->rest & 0xffff;
	/* the message runs to the end of the IP payload, which c ends at */
	l4csum_verify(m, start, c, PROTO_IP_ICMP, 2);

	if (!is_error(ic->type))
		return PKT_PROTO_NONE;
	/* The quote stays the payload: read it through a copy of the cursor. */
	q = *c;
	proto_ipv4_quote(&q, &ic->quote);
	if (!ic->quote.family)
		return proto_short(m, ICMP_HDR_LEN + ICMP_QUOTE_MIN);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* tcpdump's destination-unreachable texts by code; '%' stands for the quoted destination. */
static const char *const unreach_fmt[] = {
	[0] = "net % unreachable",
	[1] = "host % unreachable",
	[5] = "% unreachable - source route failed",
	[6] = "net % unreachable - unknown",
	[7] = "host % unreachable - unknown",
	[8] = "% unreachable - source host isolated",
	[9] = "net % unreachable - admin prohibited",
	[10] = "host % unreachable - admin prohibited",
	[11] = "net % unreachable - tos prohibited",
	[12] = "host % unreachable - tos prohibited",
	[13] = "host % unreachable - admin prohibited filter",
	[14] = "host % unreachable - host precedence violation",
	[15] = "host % unreachable - precedence cutoff",
};

static const char *const redirect_fmt[] = {
	[0] = "redirect % to net ",
	[1] = "redirect % to host ",
	[2] = "redirect-tos % to net ",
	[3] = "redirect-tos % to host ",
};

static void icmp_unreach(struct pbuf *b, const struct pkt_icmp *ic)
{
	const struct pkt_quote *q = &ic->quote;

	switch (ic->code) {
	case 2:
		line_quote_fmt(b, "% protocol ", q);
		pbuf_u32(b, q->proto);
		pbuf_puts(b, " unreachable");
		return;
	case 3:
		line_quote_fmt(b, "% ", q);
		line_quote_port(b, q);
		pbuf_puts(b, " unreachable");
		return;
	case 4:
		line_quote_fmt(b, "% unreachable - need to frag", q);
		if (ic->rest & 0xffff) {
			pbuf_puts(b, " (mtu ");
			pbuf_u32(b, ic->rest & 0xffff);
			pbuf_putc(b, ')');
		}
		return;
	default:
		break;
	}
	if (ic->code < sizeof(unreach_fmt) / sizeof(unreach_fmt[0]) && unreach_fmt[ic->code]) {
		line_quote_fmt(b, unreach_fmt[ic->code], q);
		return;
	}
	pbuf_putc(b, '#');
	pbuf_u32(b, ic->code);
	line_quote_fmt(b, " % unreachable", q);
}

static void icmp_text(struct pbuf *b, const struct pkt_icmp *ic)
{
	uint8_t gw[4] = { (uint8_t)(ic->rest >> 24), (uint8_t)(ic->rest >> 16),
			  (uint8_t)(ic->rest >> 8), (uint8_t)ic->rest };

	switch (ic->type) {
	case 0:
	case 8:
		pbuf_puts(b, ic->type ? "echo request, id " : "echo reply, id ");
		pbuf_u32(b, ic->id);
		pbuf_puts(b, ", seq ");
		pbuf_u32(b, ic->seq);
		break;
	case 3:
		icmp_unreach(b, ic);
		break;
	case 4:
		pbuf_puts(b, "source quench");
		break;
	case 5:
		if (ic->code < 4) {
			line_quote_fmt(b, redirect_fmt[ic->code], &ic->quote);
		} else {
			pbuf_puts(b, "redirect-#");
			pbuf_u32(b, ic->code);
			line_quote_fmt(b, " % to net ", &ic->quote);
		}
		pbuf_ip4(b, gw);
		break;
	case 9:
		pbuf_puts(b, "router advertisement");
		break;
	case 10:
		pbuf_puts(b, "router solicitation");
		break;
	case 11:
		if (ic->code == 0) {
			pbuf_puts(b, "time exceeded in-transit");
		} else if (ic->code == 1) {
			pbuf_puts(b, "ip reassembly time exceeded");
		} else {
			pbuf_puts(b, "time exceeded-#");
			pbuf_u32(b, ic->code);
		}
		break;
	case 12:
		pbuf_puts(b, ic->code ? "parameter problem - code " : "parameter problem - octet ");
		pbuf_u32(b, ic->code ? ic->code : ic->rest >> 24);
		break;
	case 13:
	case 14:
		pbuf_puts(b, ic->type == 13 ? "time stamp query id " : "time stamp reply id ");
		pbuf_u32(b, ic->id);
		pbuf_puts(b, " seq ");
		pbuf_u32(b, ic->seq);
		break;
	case 15:
		pbuf_puts(b, "information request");
		break;
	case 16:
		pbuf_puts(b, "information reply");
		break;
	case 17:
		pbuf_puts(b, "address mask request");
		break;
	case 18:
		pbuf_puts(b, "address mask reply");
		break;
	default:
		pbuf_puts(b, "type-#");
		pbuf_u32(b, ic->type);
		break;
	}
}

bool proto_icmp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_icmp *ic = &line_level(x)->icmp;

	line_addrs(x, false, 0, 0);
	/* A port unreachable names the port: without it tcpdump gives up too. */
	if (ly->truncated || ly->invalid ||
	    (ic->type == 3 && ic->code == 3 && !ic->quote.has_ports))
		return line_trunc(x, "icmp");
	pbuf_puts(&x->b, "ICMP ");
	icmp_text(&x->b, ic);
	pbuf_puts(&x->b, ", length ");
	pbuf_u32(&x->b, ly->wire_len);
	/* tcpdump -v says nothing of a correct ICMP checksum */
	if (line_level(x)->csum == PKT_CSUM_BAD) {
		pbuf_puts(&x->b, " (wrong icmp cksum ");
		pbuf_hex(&x->b, ic->csum, 1);
		pbuf_puts(&x->b, " (->");
		pbuf_hex(&x->b, line_level(x)->csum_good, 1);
		pbuf_puts(&x->b, ")!)");
	} else if (line_level(x)->csum == PKT_CSUM_OFFLOAD) {
		pbuf_puts(&x->b, " (icmp cksum unverified: offload)");
	}
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_icmp.c: ICMP for IPv4 (RFC 792): dissector and printer. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "decode/l4csum.h"
#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_icmp_ext.h"

#define ICMP_HDR_LEN   8
#define ICMP_QUOTE_MIN 20 /* an error quotes at least the offending IP header */

enum {
	ICMP_ECHOREPLY = 0,
	ICMP_UNREACH = 3,
	ICMP_SOURCEQUENCH = 4,
	ICMP_REDIRECT = 5,
	ICMP_ECHO = 8,
	ICMP_ROUTERADVERT = 9,
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
	/* data is filled only as far as data_len says: clearing it would cost every packet */
	memset(ic, 0, offsetof(struct pkt_icmp, data));
	if (!pkt_get_u8(c, &ic->type) || !pkt_get_u8(c, &ic->code) || !pkt_get_be16(c, &ic->csum) ||
	    !pkt_get_be32(c, &ic->rest))
		return proto_short(m, ICMP_HDR_LEN);
	ic->id = ic->rest >> 16;
	ic->seq = ic->rest & 0xffff;
	/* the message runs to the end of the IP payload, which c ends at */
	l4csum_verify(m, start, c, PROTO_IP_ICMP, 2);

	if (ic->type == ICMP_ROUTERADVERT || ic->type == ICMP_TSTAMPREPLY ||
	    ic->type == ICMP_MASKREPLY) {
		size_t n = pkt_left(c) < sizeof(ic->data) ? pkt_left(c) : sizeof(ic->data);

		memcpy(ic->data, c->p, n);
		ic->data_len = (uint8_t)n;
	}
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

static uint32_t icmp_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void icmp_2digits(struct pbuf *b, uint32_t v)
{
	pbuf_putc(b, (char)('0' + v / 10 % 10));
	pbuf_putc(b, (char)('0' + v % 10));
}

/* Milliseconds since midnight UT as tcpdump's icmp_tstamp_print: "HH:MM:SS.mmm". */
static void icmp_tstamp(struct pbuf *b, uint32_t t)
{
	uint32_t ms = t % 1000, sec = t / 1000, min = sec / 60, hrs = min / 60;

	sec -= min * 60;
	min -= hrs * 60;
	if (hrs < 100)
		icmp_2digits(b, hrs);
	else
		pbuf_u32(b, hrs);
	pbuf_putc(b, ':');
	icmp_2digits(b, min);
	pbuf_putc(b, ':');
	icmp_2digits(b, sec);
	pbuf_putc(b, '.');
	pbuf_putc(b, (char)('0' + ms / 100));
	icmp_2digits(b, ms);
}

/* RFC 1256: "router advertisement lifetime 30:00 2: {10.0.0.1 0} {...}"; false when cut. */
static bool icmp_router_advert(struct pbuf *b, const struct pkt_icmp *ic)
{
	uint32_t life = ic->rest & 0xffff;
	unsigned num = ic->rest >> 24, size = ic->rest >> 16 & 0xff;

	pbuf_puts(b, "router advertisement lifetime ");
	if (life < 60) {
		pbuf_u32(b, life);
	} else if (life < 3600) {
		pbuf_u32(b, life / 60);
		pbuf_putc(b, ':');
		icmp_2digits(b, life % 60);
	} else {
		pbuf_u32(b, life / 3600);
		pbuf_putc(b, ':');
		icmp_2digits(b, life % 3600 / 60);
		pbuf_putc(b, ':');
		icmp_2digits(b, life % 60);
	}
	pbuf_putc(b, ' ');
	pbuf_u32(b, num);
	pbuf_putc(b, ':');
	if (size != 2) {
		pbuf_puts(b, " [size ");
		pbuf_u32(b, size);
		pbuf_putc(b, ']');
		return true;
	}
	for (unsigned i = 0; i < num; i++) {
		if ((i + 1) * 8u > ic->data_len)
			return false;
		pbuf_puts(b, " {");
		pbuf_ip4(b, ic->data + 8 * i);
		pbuf_putc(b, ' ');
		pbuf_u32(b, icmp_be32(ic->data + 8 * i + 4));
		pbuf_putc(b, '}');
	}
	return true;
}

/* The message's text; false when the capture ended inside what it needs. */
static bool icmp_text(struct pbuf *b, const struct pkt_icmp *ic)
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
		return icmp_router_advert(b, ic);
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
		if (ic->type == 14 && ic->data_len < 12)
			return false;
		pbuf_puts(b, ic->type == 13 ? "time stamp query id " : "time stamp reply id ");
		pbuf_u32(b, ic->id);
		pbuf_puts(b, " seq ");
		pbuf_u32(b, ic->seq);
		if (ic->type == 14) {
			pbuf_puts(b, ": org ");
			icmp_tstamp(b, icmp_be32(ic->data));
			pbuf_puts(b, ", recv ");
			icmp_tstamp(b, icmp_be32(ic->data + 4));
			pbuf_puts(b, ", xmit ");
			icmp_tstamp(b, icmp_be32(ic->data + 8));
		}
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
		if (ic->data_len < 4)
			return false;
		pbuf_puts(b, "address mask is 0x");
		pbuf_hex(b, icmp_be32(ic->data), 8);
		break;
	default:
		pbuf_puts(b, "type-#");
		pbuf_u32(b, ic->type);
		break;
	}
	return true;
}

bool proto_icmp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_icmp *ic = &line_level(x)->icmp;

	line_addrs(x, false, 0, 0);
	/* A port unreachable names the port: without it tcpdump gives up too. */
	if (ly->truncated || ly->invalid ||
	    (ic->type == 3 && ic->code == 3 && !ic->quote.has_ports))
		return line_trunc_sp(x, "icmp");
	/* tcpdump builds the text first: a field not captured leaves only the marker */
	{
		struct pbuf mark = x->b;

		pbuf_puts(&x->b, "ICMP ");
		if (!icmp_text(&x->b, ic)) {
			x->b = mark;
			pbuf_putc(&x->b, ' ');
			return line_trunc(x, "icmp");
		}
	}
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
	if (x->o->verbose)
		return icmp_ext_print(x);
	return true;
}

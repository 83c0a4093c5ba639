/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_dns.c: DNS and mDNS messages (RFC 1035, 6891, 6762): dissector and tcpdump's text. */
#include "config.h"

#include "decode/line.h"
#include "decode/names.h"
#include "decode/proto.h"
#include "decode/proto_dns.h"
#include "decode/proto_dns_print.h"

/*
 * RFC 1035 4.1.1; over TCP a 2-byte length comes first (4.2.2).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              ID               |QR| Opcode |AA|TC|RD|RA|Z|AD|CD| RCODE |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            QDCOUNT            |            ANCOUNT            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            NSCOUNT            |            ARCOUNT            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Only the header is read here: the records are walked when printed.
 */
static int dns_dissect(struct pkt_cursor *c, struct pkt_meta *m, uint8_t app)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_layer *ly = proto_layer(m);
	struct pkt_dns *d = &l->dns;
	size_t len = pkt_wire_left(c);

	l->app = app;
	*d = (struct pkt_dns){ .msg_off = ly->off };
	if (l->trans == PKT_PROTO_TCP) {
		d->over_tcp = true;
		if (len < 2)
			return proto_invalid(m, PKT_REASON_SHORT);
		if (!pkt_get_be16(c, &d->prefix))
			return proto_truncated(m);
		len -= 2;
		d->msg_off += 2;
		if (d->prefix != len)
			return proto_invalid(m, PKT_REASON_LEN_PREFIX);
	}
	d->msg_len = (uint32_t)len;
	d->msg_caplen = (uint32_t)pkt_left(c);
	if (len < DNS_HDR_LEN)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (!pkt_get_be16(c, &d->id) || !pkt_get_be16(c, &d->flags) ||
	    !pkt_get_be16(c, &d->qdcount) || !pkt_get_be16(c, &d->ancount) ||
	    !pkt_get_be16(c, &d->nscount) || !pkt_get_be16(c, &d->arcount))
		return proto_truncated(m);
	return PKT_PROTO_NONE;
}

int proto_dns_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	return dns_dissect(c, m, PKT_PROTO_DNS);
}

int proto_mdns_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	return dns_dissect(c, m, PKT_PROTO_MDNS);
}

/* ---- printer: tcpdump's text (the records' data: proto_dns_rdata.c) -------------------------- */

static const char *const dns_ops[16] = {
	"",	   " inv_q",	" stat",     " op3",	   " notify",	" update",
	" op6",	   " op7",	" op8",	     " updateA",   " updateD",	" updateDA",
	" updateM", " updateMA", " zoneInit", " zoneRef",
};

/* tcpdump's words; 17 and 21 lack their space there too */
static const char *const dns_rcodes[24] = {
	"",	    " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
	" YXDomain", " YXRRSet", " NXRRSet",  " NotAuth",  " NotZone", " Resp11",
	" Resp12",  " Resp13",	 " Resp14",   " NoChange", " BadVers", "Resp17",
	" Resp18",  " Resp19",	 " Resp20",   "Resp21",	   " Resp22",  " BadCookie",
};

static size_t dns_print_rr(struct dns_print *p, size_t off)
{
	const struct dns_msg *d = p->d;
	struct pbuf *b = p->b;
	uint16_t typ, raw, cls, len, opt_flags = 0;
	size_t rp;

	if (p->v) {
		pbuf_putc(b, ' ');
		off = dns_name_print(b, d, off);
		if (off == DNS_FAIL)
			return DNS_FAIL;
	} else {
		off = dns_name_skip(d, off);
	}
	if (off == DNS_FAIL || !dns_has(d, off, 10))
		return d->cap;
	typ = dns_u16(d, off);
	raw = dns_u16(d, off + 2);
	cls = p->mdns ? raw & 0x7fff : raw;
	if (cls != DNS_C_IN && typ != DNS_T_OPT) {
		pbuf_putc(b, ' ');
		dns_print_class(b, cls);
	}
	if (p->mdns && raw & 0x8000)
		pbuf_puts(b, " (Cache flush)");
	if (typ == DNS_T_OPT) {
		opt_flags = dns_u16(d, off + 6);
	} else if (p->v > 2) {
		pbuf_puts(b, " [");
		dns_print_ttl(b, dns_u32(d, off + 4));
		pbuf_putc(b, ']');
	}
	len = dns_u16(d, off + 8);
	off += 10;
	rp = off + len;
	pbuf_putc(b, ' ');
	dns_print_type(b, typ);
	if (rp > d->cap)
		return DNS_FAIL;
	if (typ == DNS_T_OPT)
		return dns_print_opt(p, off, rp, cls, opt_flags);
	return dns_print_rdata(p, typ, off, len) ? rp : DNS_FAIL;
}

/* A question, as tcpdump's ns_qprint: " A? www.example.test."; the offset after it. */
static size_t dns_print_question(struct dns_print *p, size_t off)
{
	const struct dns_msg *d = p->d;
	struct pbuf *b = p->b;
	size_t end = dns_name_skip(d, off);
	uint16_t raw, cls;

	if (end == DNS_FAIL || !dns_has(d, end, 4))
		return DNS_FAIL;
	pbuf_putc(b, ' ');
	dns_print_type(b, dns_u16(d, end));
	raw = dns_u16(d, end + 2);
	cls = p->mdns ? raw & 0x7fff : raw;
	if (cls != DNS_C_IN) {
		pbuf_putc(b, ' ');
		dns_print_class(b, cls);
	}
	if (p->mdns)
		pbuf_puts(b, raw & 0x8000 ? " (QU)" : " (QM)");
	pbuf_puts(b, "? ");
	off = dns_name_print(b, d, off);
	return off == DNS_FAIL ? DNS_FAIL : off + 4;
}

/*
 * count records from *off, separated by commas, after label (" ns:") when
 * there is one.  false: the line ends in "[|domain]".  The first record is
 * printed even at the end of the capture, the others only before it, as
 * tcpdump does.
 */
static bool dns_print_section(struct dns_print *p, size_t *off, unsigned count,
			      const char *label, bool first_anyway)
{
	if (!count)
		return true;
	if (!first_anyway && *off >= p->d->cap)
		return false;
	if (label)
		pbuf_puts(p->b, label);
	for (unsigned k = 0; k < count; k++) {
		if (k) {
			if (*off >= p->d->cap)
				return false;
			pbuf_putc(p->b, ',');
		}
		*off = dns_print_rr(p, *off);
		if (*off == DNS_FAIL)
			return false;
	}
	return true;
}

/*
 * The rcode with the upper bits an OPT record adds (RFC 6891 6.1.3), found
 * by skipping to the additional section as tcpdump does.
 */
static unsigned dns_ext_rcode(const struct dns_msg *d, const struct pkt_dns *h)
{
	unsigned rcode = h->flags & 0xf;
	size_t off = DNS_HDR_LEN;

	for (unsigned k = 0; k < h->qdcount; k++) {
		off = dns_name_skip(d, off);
		if (off == DNS_FAIL || (off += 4) >= d->cap)
			return rcode;
	}
	for (unsigned k = 0; k < (unsigned)h->ancount + h->nscount; k++) {
		off = dns_name_skip(d, off);
		if (off == DNS_FAIL || !dns_has(d, off + 8, 2))
			return rcode;
		off += 10 + dns_u16(d, off + 8);
		if (off >= d->cap)
			return rcode;
	}
	for (unsigned k = 0; k < h->arcount; k++) {
		off = dns_name_skip(d, off);
		if (off == DNS_FAIL || !dns_has(d, off, 2) || !dns_has(d, off + 4, 1))
			return rcode;
		if (dns_u16(d, off) == DNS_T_OPT)
			return rcode | (unsigned)d->p[off + 4] << 4;
		if (!dns_has(d, off + 8, 2))
			return rcode;
		off += 10 + dns_u16(d, off + 8);
		if (off >= d->cap)
			return rcode;
	}
	return rcode;
}

static void dns_print_rcode(struct pbuf *b, unsigned rcode)
{
	if (rcode < sizeof(dns_rcodes) / sizeof(dns_rcodes[0])) {
		pbuf_puts(b, dns_rcodes[rcode]);
		return;
	}
	pbuf_puts(b, " Resp");
	pbuf_u32(b, rcode & 0xfff);
}

/* "[2q]" and the like: a count that is not the usual one. */
static void dns_print_count(struct pbuf *b, unsigned n, const char *what)
{
	pbuf_puts(b, " [");
	pbuf_u32(b, n);
	pbuf_puts(b, what);
	pbuf_putc(b, ']');
}

static bool dns_print_response(struct dns_print *p, const struct pkt_dns *h)
{
	const struct dns_msg *d = p->d;
	struct pbuf *b = p->b;
	size_t off = DNS_HDR_LEN;

	pbuf_u32(b, h->id);
	pbuf_puts(b, dns_ops[h->flags >> 11 & 0xf]);
	dns_print_rcode(b, dns_ext_rcode(d, h));
	if (h->flags & PKT_DNS_AA)
		pbuf_putc(b, '*');
	if (!(h->flags & PKT_DNS_RA))
		pbuf_putc(b, '-');
	if (h->flags & PKT_DNS_TC)
		pbuf_putc(b, '|');
	if (h->flags & PKT_DNS_AD)
		pbuf_putc(b, '$');
	if (h->qdcount != 1)
		dns_print_count(b, h->qdcount, "q");
	for (unsigned k = 0; k < h->qdcount; k++) {
		if (k)
			pbuf_putc(b, ',');
		if (p->v > 1) {
			pbuf_puts(b, " q:");
			off = dns_print_question(p, off);
		} else {
			off = dns_name_skip(d, off);
			if (off != DNS_FAIL)
				off += 4;
		}
		if (off == DNS_FAIL)
			return false;
	}
	pbuf_putc(b, ' ');
	pbuf_u32(b, h->ancount);
	pbuf_putc(b, '/');
	pbuf_u32(b, h->nscount);
	pbuf_putc(b, '/');
	pbuf_u32(b, h->arcount);
	if (!dns_print_section(p, &off, h->ancount, NULL, true))
		return false;
	if (p->v < 2)
		return true;
	if (h->nscount && !dns_print_section(p, &off, h->nscount, " ns:", false))
		return false;
	return dns_print_section(p, &off, h->arcount, " ar:", false);
}

static bool dns_print_query(struct dns_print *p, const struct pkt_dns *h)
{
	struct pbuf *b = p->b;
	unsigned opcode = h->flags >> 11 & 0xf;
	size_t off = DNS_HDR_LEN;

	pbuf_u32(b, h->id);
	pbuf_puts(b, dns_ops[opcode]);
	if (h->flags & PKT_DNS_RD)
		pbuf_putc(b, '+');
	if (h->flags & PKT_DNS_CD)
		pbuf_putc(b, '%');
	/* any bit a query should not have (AA, TC, RA, Z, rcode) */
	if (h->flags & 0x6cf) {
		pbuf_puts(b, " [b2&3=0x");
		pbuf_hex(b, h->flags, 1);
		pbuf_putc(b, ']');
	}
	if (opcode == 1) { /* IQUERY: an answer, no question */
		if (h->qdcount)
			dns_print_count(b, h->qdcount, "q");
		if (h->ancount != 1)
			dns_print_count(b, h->ancount, "a");
	} else {
		if (h->ancount)
			dns_print_count(b, h->ancount, "a");
		if (h->qdcount != 1)
			dns_print_count(b, h->qdcount, "q");
	}
	if (h->nscount)
		dns_print_count(b, h->nscount, "n");
	if (h->arcount)
		dns_print_count(b, h->arcount, "au");
	for (unsigned k = 0; k < h->qdcount; k++) {
		if (k && off >= p->d->cap)
			return false;
		off = dns_print_question(p, off);
		if (off == DNS_FAIL)
			return false;
	}
	if (p->v < 2)
		return true;
	if (!dns_print_section(p, &off, h->ancount, NULL, true))
		return false;
	if (h->nscount && !dns_print_section(p, &off, h->nscount, " ns:", false))
		return false;
	return dns_print_section(p, &off, h->arcount, " ar:", false);
}

/* What stopped the dissector: a TCP length prefix or a message too short for its header. */
static bool dns_print_bad(struct line *x, const struct pkt_layer *ly, const struct pkt_dns *h)
{
	struct pbuf *b = &x->b;

	if (h->over_tcp && ly->wire_len < 2) {
		pbuf_puts(b, " [DNS over TCP: length ");
		pbuf_u32(b, ly->wire_len);
		pbuf_puts(b, " < 2] (invalid)");
		return true;
	}
	if (ly->reason == PKT_REASON_LEN_PREFIX) {
		pbuf_puts(b, " [prefix length(");
		pbuf_u32(b, h->prefix);
		pbuf_puts(b, ") != length(");
		pbuf_u32(b, ly->wire_len - 2);
		pbuf_puts(b, ")] (invalid)");
		return true;
	}
	if (h->over_tcp)
		pbuf_putc(b, ' ');
	pbuf_puts(b, "domain [length ");
	pbuf_u32(b, h->msg_len);
	pbuf_puts(b, " < 12] (invalid)");
	return true;
}

bool proto_dns_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_dns *h = &line_level(x)->dns;
	struct dns_print p = {
		.b = &x->b,
		.mdns = ly->proto == PKT_PROTO_MDNS,
		.v = line_verbosity(x),
	};
	struct dns_msg d;
	bool whole;

	if (ly->invalid)
		return dns_print_bad(x, ly, h);
	if (h->over_tcp && !(ly->truncated && ly->hdr_len < 2))
		pbuf_putc(&x->b, ' ');
	if (ly->truncated || !dns_msg_of(&d, h, x->o->data, x->m->caplen)) {
		pbuf_puts(&x->b, " [|domain]");
		return true;
	}
	p.d = &d;
	whole = h->flags & PKT_DNS_QR ? dns_print_response(&p, h) : dns_print_query(&p, h);
	if (!whole) {
		pbuf_puts(&x->b, " [|domain]");
		return true;
	}
	pbuf_puts(&x->b, " (");
	pbuf_u32(&x->b, h->msg_len);
	pbuf_putc(&x->b, ')');
	return true;
}

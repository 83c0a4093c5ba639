/* SPDX-License-Identifier: GPL-2.0-or-later */
/* line.c: the pieces of a summary line more than one protocol printer writes. */
#include "config.h"

#include "decode/line.h"
#include "decode/names_service.h"
#include "decode/tcpdump_names.h"

bool line_trunc_sp(struct line *x, const char *what)
{
	pbuf_putc(&x->b, ' ');
	return line_trunc(x, what);
}

bool line_trunc(struct line *x, const char *what)
{
	pbuf_puts(&x->b, "[|");
	pbuf_puts(&x->b, what);
	pbuf_putc(&x->b, ']');
	return true;
}

/* ---- link layers ---------------------------------------------------------------------------- */

void line_ethertype(struct line *x, uint16_t type)
{
	const char *name = tcpdump_names_ethertype(type);

	/* tcpdump's -q words: the name alone, or "Unknown Ethertype (0x1234)" */
	if (x->o->quiet) {
		if (name) {
			pbuf_puts(&x->b, name);
			return;
		}
		pbuf_puts(&x->b, "Unknown Ethertype (0x");
		pbuf_hex(&x->b, type, 4);
		pbuf_putc(&x->b, ')');
		return;
	}
	pbuf_puts(&x->b, "ethertype ");
	pbuf_puts(&x->b, name ? name : "Unknown");
	pbuf_puts(&x->b, " (0x");
	pbuf_hex(&x->b, type, 4);
	pbuf_putc(&x->b, ')');
}

void line_len_colon(struct line *x, uint32_t len)
{
	pbuf_puts(&x->b, ", length ");
	pbuf_u32(&x->b, len);
	if (line_more(x))
		pbuf_puts(&x->b, ": ");
}

/* ---- network layers ------------------------------------------------------------------------- */

/* Named when the line's pbuf has the host cache (print.c sets it without -n). */
void line_addr(struct line *x, const uint8_t *a)
{
	if (x->family == 4)
		pbuf_ip4(&x->b, a);
	else
		pbuf_ip6(&x->b, a);
}

void line_ip_addrs(struct line *x)
{
	line_addr(x, x->src);
	pbuf_puts(&x->b, " > ");
	line_addr(x, x->dst);
}

void line_ipproto(struct line *x, uint8_t proto)
{
	const char *s = tcpdump_names_ipproto(proto);

	pbuf_puts(&x->b, s ? s : "unknown");
	pbuf_puts(&x->b, " (");
	pbuf_u32(&x->b, proto);
	pbuf_putc(&x->b, ')');
}

void line_ip_payload(struct line *x, uint8_t proto)
{
	/* tcpdump's demultiplexer starts its own text with a space, after the ": " */
	pbuf_puts(&x->b, " ip-proto-");
	pbuf_u32(&x->b, proto);
	pbuf_putc(&x->b, ' ');
	pbuf_u32(&x->b, x->m->payload_len);
}

/* ---- transports ----------------------------------------------------------------------------- */

/* A TCP or UDP port, by its service name without -n as tcpdump (other transports: numbers). */
static void put_port(struct line *x, uint16_t port)
{
	const char *name = NULL;

	if (x->o->port_names) {
		unsigned t = line_layer(x)->proto;

		name = names_service(t == PKT_PROTO_TCP ? 6 : t == PKT_PROTO_UDP ? 17 : 0, port);
	}
	if (name)
		pbuf_puts(&x->b, name);
	else
		pbuf_u32(&x->b, port);
}

void line_addrs(struct line *x, bool ports, uint16_t sport, uint16_t dport)
{
	struct pbuf *b = &x->b;

	if (!x->family || (x->ports_only && !ports))
		return;
	if (!x->ports_only)
		line_addr(x, x->src);
	if (ports) {
		if (!x->ports_only)
			pbuf_putc(b, '.');
		put_port(x, sport);
	}
	pbuf_puts(b, " > ");
	if (!x->ports_only)
		line_addr(x, x->dst);
	if (ports) {
		if (!x->ports_only)
			pbuf_putc(b, '.');
		put_port(x, dport);
	}
	pbuf_puts(b, ": ");
}

void line_csum_note(struct line *x, const char *ok, const char *bad, const char *close)
{
	const struct pkt_level *l = line_level(x);
	struct pbuf *b = &x->b;

	switch (l->csum) {
	case PKT_CSUM_OK:
		pbuf_puts(b, ok);
		break;
	case PKT_CSUM_BAD:
		pbuf_puts(b, bad);
		pbuf_hex(b, l->csum_good, 4);
		pbuf_puts(b, close);
		break;
	case PKT_CSUM_OFFLOAD:
		pbuf_puts(b, " (unverified: offload)");
		break;
	case PKT_CSUM_KERNEL:
		pbuf_puts(b, " (correct per kernel)");
		break;
	default:
		break;
	}
}

void line_csum(struct line *x, const char *what, uint16_t csum)
{
	const struct pkt_level *l = line_level(x);
	struct pbuf *b = &x->b;

	switch (l->csum) {
	case PKT_CSUM_UNCHECKED:
		return;
	case PKT_CSUM_ABSENT:
		pbuf_puts(b, "[no cksum] ");
		return;
	case PKT_CSUM_BAD:
		/* "[bad udp cksum 0x1234 -> 0x5678!] " */
		pbuf_puts(b, "[bad ");
		pbuf_puts(b, what);
		pbuf_puts(b, " cksum 0x");
		pbuf_hex(b, csum, 4);
		pbuf_puts(b, " -> 0x");
		pbuf_hex(b, l->csum_good, 4);
		pbuf_puts(b, "!] ");
		return;
	default:
		/* "[udp sum ok] ", "[udp sum (unverified: offload)] " */
		pbuf_putc(b, '[');
		pbuf_puts(b, what);
		pbuf_puts(b, " sum");
		line_csum_note(x, " ok", "", "");
		pbuf_puts(b, "] ");
		return;
	}
}

/* ---- quoted packets ------------------------------------------------------------------------- */

void line_quote_addr(struct pbuf *b, const struct pkt_quote *q, const uint8_t *a)
{
	if (q->family == 6)
		pbuf_ip6(b, a);
	else
		pbuf_ip4(b, a);
}

void line_quote_fmt(struct pbuf *b, const char *fmt, const struct pkt_quote *q)
{
	for (const char *s = fmt; *s; s++) {
		if (*s == '%')
			line_quote_addr(b, q, q->dst);
		else
			pbuf_putc(b, *s);
	}
}

/* The line's pbuf carries the host cache only without -n: then the port is named too, as tcpdump. */
void line_quote_port(struct pbuf *b, const struct pkt_quote *q)
{
	const char *name = NULL;

	if (q->proto == 6 || q->proto == 17) {
		pbuf_puts(b, q->proto == 6 ? "tcp port " : "udp port ");
		name = b->hosts ? names_service(q->proto, q->dport) : NULL;
	} else {
		/* SCTP, DCCP: tcpdump's default case, by number */
		pbuf_puts(b, "protocol ");
		pbuf_u32(b, q->proto);
		pbuf_puts(b, " port ");
	}
	if (name)
		pbuf_puts(b, name);
	else
		pbuf_u32(b, q->dport);
}

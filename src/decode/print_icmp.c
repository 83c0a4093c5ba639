/* SPDX-License-Identifier: GPL-2.0-or-later */
/* print_icmp.c: tcpdump-style text for ICMP and ICMPv6 messages. */
#include "config.h"

#include "decode/print_impl.h"

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

static void icmp_addr(struct pbuf *b, const struct pkt_quote *q, const uint8_t *a)
{
	if (q->family == 6)
		pbuf_ip6(b, a);
	else
		pbuf_ip4(b, a);
}

/* fmt with each '%' replaced by the quoted packet's destination. */
static void icmp_fmt(struct pbuf *b, const char *fmt, const struct pkt_quote *q)
{
	for (const char *s = fmt; *s; s++) {
		if (*s == '%')
			icmp_addr(b, q, q->dst);
		else
			pbuf_putc(b, *s);
	}
}

/* "udp port 53" of the quoted packet, which has ports (TCP or UDP). */
static void icmp_quote_port(struct pbuf *b, const struct pkt_quote *q)
{
	pbuf_puts(b, q->proto == 6 ? "tcp port " : "udp port ");
	pbuf_u32(b, q->dport);
}

static void icmp_unreach(struct pbuf *b, const struct pkt_icmp *ic)
{
	const struct pkt_quote *q = &ic->quote;

	switch (ic->code) {
	case 2:
		icmp_fmt(b, "% protocol ", q);
		pbuf_u32(b, q->proto);
		pbuf_puts(b, " unreachable");
		return;
	case 3:
		icmp_fmt(b, "% ", q);
		icmp_quote_port(b, q);
		pbuf_puts(b, " unreachable");
		return;
	case 4:
		icmp_fmt(b, "% unreachable - need to frag", q);
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
		icmp_fmt(b, unreach_fmt[ic->code], q);
		return;
	}
	pbuf_putc(b, '#');
	pbuf_u32(b, ic->code);
	icmp_fmt(b, " % unreachable", q);
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
			icmp_fmt(b, redirect_fmt[ic->code], &ic->quote);
		} else {
			pbuf_puts(b, "redirect-#");
			pbuf_u32(b, ic->code);
			icmp_fmt(b, " % to net ", &ic->quote);
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

bool print_icmp_v4(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_icmp *ic = &print_impl_level(x)->icmp;

	print_l4_addrs(x, false, 0, 0);
	/* A port unreachable names the port: without it tcpdump gives up too. */
	if (ly->truncated || ly->invalid ||
	    (ic->type == 3 && ic->code == 3 && !ic->quote.has_ports))
		return print_l4_trunc(x, "icmp");
	pbuf_puts(&x->b, "ICMP ");
	icmp_text(&x->b, ic);
	pbuf_puts(&x->b, ", length ");
	pbuf_u32(&x->b, ly->wire_len);
	/* tcpdump -v says nothing of a correct ICMP checksum */
	if (print_impl_level(x)->csum == PKT_CSUM_BAD) {
		pbuf_puts(&x->b, " (wrong icmp cksum ");
		pbuf_hex(&x->b, ic->csum, 1);
		pbuf_puts(&x->b, " (->");
		pbuf_hex(&x->b, print_impl_level(x)->csum_good, 1);
		pbuf_puts(&x->b, ")!)");
	} else if (print_impl_level(x)->csum == PKT_CSUM_OFFLOAD) {
		pbuf_puts(&x->b, " (icmp cksum unverified: offload)");
	}
	return true;
}

static const char *icmp6_name(uint8_t type)
{
	switch (type) {
	case 1:
		return "destination unreachable";
	case 2:
		return "packet too big";
	case 3:
		return "time exceeded";
	case 4:
		return "parameter problem";
	case 128:
		return "echo request";
	case 129:
		return "echo reply";
	case 130:
		return "multicast listener query";
	case 131:
		return "multicast listener report";
	case 132:
		return "multicast listener done";
	case 133:
		return "router solicitation";
	case 134:
		return "router advertisement";
	case 135:
		return "neighbor solicitation";
	case 136:
		return "neighbor advertisement";
	case 137:
		return "redirect";
	case 143:
		return "multicast listener report v2";
	default:
		return NULL;
	}
}

static void icmp6_unreach(struct pbuf *b, const struct pkt_icmp6 *ic)
{
	static const char *const fmt[] = {
		[0] = "unreachable route %",
		[1] = "unreachable prohibited %",
		[3] = "unreachable address %",
	};
	const struct pkt_quote *q = &ic->quote;

	switch (ic->code) {
	case 0:
	case 1:
	case 3:
		icmp_fmt(b, fmt[ic->code], q);
		break;
	case 2:
		icmp_fmt(b, "beyond scope %, source address ", q);
		icmp_addr(b, q, q->src);
		break;
	case 4:
		icmp_fmt(b, "unreachable port, % ", q);
		icmp_quote_port(b, q);
		break;
	default:
		pbuf_puts(b, "unknown unreach code (");
		pbuf_u32(b, ic->code);
		pbuf_putc(b, ')');
		break;
	}
}

static void icmp6_text(struct pbuf *b, const struct pkt_icmp6 *ic)
{
	static const char *const param_code[] = {
		"erroneous",
		"next header",
		"option",
		"incomplete header chain",
	};
	const char *name = icmp6_name(ic->type);

	switch (ic->type) {
	case 1:
		pbuf_puts(b, "destination unreachable, ");
		icmp6_unreach(b, ic);
		break;
	case 2:
		pbuf_puts(b, "packet too big, mtu ");
		pbuf_u32(b, ic->rest);
		break;
	case 3:
		if (ic->code == 0) {
			icmp_fmt(b, "time exceeded in-transit for %", &ic->quote);
		} else if (ic->code == 1) {
			pbuf_puts(b, "time exceeded in-transit (reassembly)");
		} else {
			pbuf_puts(b, "time exceeded in-transit, unknown code (");
			pbuf_u32(b, ic->code);
			pbuf_putc(b, ')');
		}
		break;
	case 4:
		pbuf_puts(b, "parameter problem, ");
		if (ic->code < sizeof(param_code) / sizeof(param_code[0])) {
			pbuf_puts(b, param_code[ic->code]);
		} else {
			pbuf_puts(b, "code-#");
			pbuf_u32(b, ic->code);
		}
		pbuf_puts(b, " - octet ");
		pbuf_u32(b, ic->rest);
		break;
	case 128:
	case 129:
		pbuf_puts(b, name);
		pbuf_puts(b, ", id ");
		pbuf_u32(b, ic->id);
		pbuf_puts(b, ", seq ");
		pbuf_u32(b, ic->seq);
		break;
	case 130:
	case 131:
	case 132:
		pbuf_puts(b, name);
		pbuf_puts(b, " max resp delay: ");
		pbuf_u32(b, ic->id);
		pbuf_puts(b, " addr: ");
		pbuf_ip6(b, ic->target);
		break;
	case 135:
		pbuf_puts(b, "neighbor solicitation, who has ");
		pbuf_ip6(b, ic->target);
		break;
	case 136:
		pbuf_puts(b, "neighbor advertisement, tgt is ");
		pbuf_ip6(b, ic->target);
		break;
	case 137:
		pbuf_puts(b, "redirect, ");
		pbuf_ip6(b, ic->dst);
		pbuf_puts(b, " to ");
		pbuf_ip6(b, ic->target);
		break;
	case 143:
		pbuf_puts(b, "multicast listener report v2, ");
		pbuf_u32(b, ic->seq);
		pbuf_puts(b, " group record(s)");
		break;
	default:
		if (name) {
			pbuf_puts(b, name);
		} else {
			pbuf_puts(b, "unknown icmp6 type (");
			pbuf_u32(b, ic->type);
			pbuf_putc(b, ')');
		}
		break;
	}
}

bool print_icmp_v6(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_icmp6 *ic = &print_impl_level(x)->icmp6;
	const char *name = icmp6_name(ic->type);
	struct pbuf *b = &x->b;

	print_l4_addrs(x, false, 0, 0);
	if (ly->truncated || ly->reason == PKT_REASON_SHORT) {
		if (ly->hdr_len) {
			pbuf_puts(b, "ICMP6, ");
			if (name) {
				pbuf_puts(b, name);
				pbuf_putc(b, ' ');
			}
		}
		return print_l4_trunc(x, "icmp6");
	}
	print_l4_csum(x, "icmp6", ic->csum);
	pbuf_puts(b, "ICMP6, ");
	if (ic->type == 1 && ic->code == 4 && !ic->quote.has_ports) {
		pbuf_puts(b, "destination unreachable, unreachable port ");
		return print_l4_trunc(x, "icmp6");
	}
	icmp6_text(b, ic);
	if (ly->invalid)
		pbuf_puts(b, " (invalid)");
	pbuf_puts(b, ", length ");
	pbuf_u32(b, ly->wire_len);
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* print_l4.c: tcpdump-style text for TCP, UDP, ICMP, ICMPv6, GRE and VXLAN. */
#include "config.h"

#include "decode/print_impl.h"

static void l4_addr(struct print_ctx *x, const uint8_t *a)
{
	if (x->family == 4)
		pbuf_ip4(&x->b, a);
	else
		pbuf_ip6(&x->b, a);
}

void print_l4_addrs(struct print_ctx *x, bool ports, uint16_t sport, uint16_t dport)
{
	struct pbuf *b = &x->b;

	if (!x->family || (x->ports_only && !ports))
		return;
	if (!x->ports_only)
		l4_addr(x, x->src);
	if (ports) {
		if (!x->ports_only)
			pbuf_putc(b, '.');
		pbuf_u32(b, sport);
	}
	pbuf_puts(b, " > ");
	if (!x->ports_only)
		l4_addr(x, x->dst);
	if (ports) {
		if (!x->ports_only)
			pbuf_putc(b, '.');
		pbuf_u32(b, dport);
	}
	pbuf_puts(b, ": ");
}

bool print_l4_trunc(struct print_ctx *x, const char *what)
{
	pbuf_puts(&x->b, "[|");
	pbuf_puts(&x->b, what);
	pbuf_putc(&x->b, ']');
	return true;
}

/* Ports were read when the header is whole or at least 4 bytes were there. */
static bool l4_has_ports(const struct pkt_layer *ly)
{
	return !(ly->truncated || ly->invalid) || ly->hdr_len >= 4;
}

/*
 * The verdict on the transport checksum, tcpdump's words for correct and
 * incorrect: ok; bad, then the value it should have and close; sniff's own
 * for what tcpdump cannot know (offload, the kernel's receive check).
 */
static void l4_csum_note(struct print_ctx *x, const char *ok, const char *bad, const char *close)
{
	const struct pkt_level *l = print_impl_level(x);
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

void print_l4_csum(struct print_ctx *x, const char *what, uint16_t csum)
{
	const struct pkt_level *l = print_impl_level(x);
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
		l4_csum_note(x, " ok", "", "");
		pbuf_puts(b, "] ");
		return;
	}
}

static uint32_t tcp_rel(const struct print_ctx *x, uint32_t v, uint32_t base)
{
	return x->o->tcp_relative ? v - base : v;
}

static void tcp_flags(struct pbuf *b, uint16_t flags)
{
	static const struct {
		uint16_t bit;
		char ch;
	} names[] = {
		{ PKT_TCP_FIN, 'F' }, { PKT_TCP_SYN, 'S' }, { PKT_TCP_RST, 'R' },
		{ PKT_TCP_PSH, 'P' }, { PKT_TCP_ACK, '.' }, { PKT_TCP_URG, 'U' },
		{ PKT_TCP_ECE, 'E' }, { PKT_TCP_CWR, 'W' },
	};
	bool any = false;

	pbuf_puts(b, "Flags [");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (flags & names[i].bit) {
			pbuf_putc(b, names[i].ch);
			any = true;
		}
	}
	pbuf_puts(b, any ? "]" : "none]");
}

/* One option; *sack walks the SACK blocks stored across all SACK options. */
static void tcp_opt(struct print_ctx *x, const struct pkt_tcp *t, const struct pkt_tcp_opt *o,
		    unsigned *sack)
{
	static const char *const names[] = {
		[0] = "eol",	[1] = "nop",  [2] = "mss", [3] = "wscale",
		[4] = "sackOK", [5] = "sack", [8] = "TS",
	};
	static const uint8_t lens[] = { [0] = 1, [1] = 1, [2] = 4, [3] = 3, [4] = 2, [8] = 10 };
	struct pbuf *b = &x->b;
	const char *name = o->kind < sizeof(names) / sizeof(names[0]) ? names[o->kind] : NULL;
	bool sack_ok = o->len > 2 && (o->len - 2) % 8 == 0;

	if (!name) {
		print_opts_tcp(b, t, o);
		return;
	}
	pbuf_puts(b, name);
	if (o->kind == 5 ? !sack_ok : o->len != lens[o->kind]) {
		pbuf_puts(b, " [len ");
		pbuf_u32(b, o->len);
		pbuf_putc(b, ']');
		return;
	}
	switch (o->kind) {
	case 2:
		pbuf_putc(b, ' ');
		pbuf_u32(b, t->mss);
		break;
	case 3:
		pbuf_putc(b, ' ');
		pbuf_u32(b, t->wscale);
		break;
	case 5:
		pbuf_putc(b, ' ');
		pbuf_u32(b, (o->len - 2u) / 8);
		pbuf_putc(b, ' ');
		for (unsigned k = 0; k < (o->len - 2u) / 8 && *sack < t->n_sack; k++, (*sack)++) {
			pbuf_putc(b, '{');
			pbuf_u32(b, tcp_rel(x, t->sack[*sack].left, x->o->tcp_ack_base));
			pbuf_putc(b, ':');
			pbuf_u32(b, tcp_rel(x, t->sack[*sack].right, x->o->tcp_ack_base));
			pbuf_putc(b, '}');
		}
		break;
	case 8:
		pbuf_puts(b, " val ");
		pbuf_u32(b, t->ts_val);
		pbuf_puts(b, " ecr ");
		pbuf_u32(b, t->ts_ecr);
		break;
	default:
		break;
	}
}

/*
 * "options [mss 1460,sackOK,...]".  When the options were cut short each one
 * decoded is followed by a comma, then tcpdump's marker, as tcpdump prints it.
 */
static bool tcp_options(struct print_ctx *x, const struct pkt_tcp *t, const struct pkt_layer *ly)
{
	bool cut = ly->truncated || ly->invalid;
	unsigned sack = 0;

	pbuf_puts(&x->b, ", options [");
	for (unsigned k = 0; k < t->n_opts; k++) {
		if (k && !cut)
			pbuf_putc(&x->b, ',');
		tcp_opt(x, t, &t->opts[k], &sack);
		if (cut)
			pbuf_putc(&x->b, ',');
	}
	if (ly->truncated) {
		pbuf_puts(&x->b, " [|tcp]");
		return true;
	}
	if (ly->invalid) {
		/* tcpdump closes the list only when an option came before */
		pbuf_puts(&x->b, t->n_opts ? "[bad opt]]" : "[bad opt]");
		return true;
	}
	pbuf_putc(&x->b, ']');
	return false;
}

bool print_l4_tcp(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_tcp *t = &print_impl_level(x)->tcp;
	struct pbuf *b = &x->b;
	uint32_t hlen = t->doff * 4u, len;

	print_l4_addrs(x, l4_has_ports(ly), t->sport, t->dport);
	if ((ly->truncated && ly->hdr_len < 20) || ly->reason == PKT_REASON_SHORT)
		return print_l4_trunc(x, "tcp");
	if (ly->reason == PKT_REASON_HDR_LEN) {
		pbuf_puts(b, "[bad hdr length ");
		pbuf_u32(b, hlen);
		pbuf_puts(b, " - too short, < 20]");
		return true;
	}
	if (ly->reason == PKT_REASON_HDR_PAST_END) {
		tcp_flags(b, t->flags);
		pbuf_puts(b, " [bad hdr length ");
		pbuf_u32(b, hlen);
		pbuf_puts(b, " - too long, > ");
		pbuf_u32(b, ly->wire_len);
		pbuf_putc(b, ']');
		return true;
	}
	len = ly->wire_len - hlen;
	if (x->o->quiet && !ly->truncated && !ly->invalid) {
		pbuf_puts(b, "tcp ");
		pbuf_u32(b, len);
		return true;
	}
	tcp_flags(b, t->flags);
	if (print_impl_level(x)->csum != PKT_CSUM_UNCHECKED) {
		pbuf_puts(b, ", cksum 0x");
		pbuf_hex(b, t->csum, 4);
		l4_csum_note(x, " (correct)", " (incorrect -> 0x", ")");
	}
	if (len || (t->flags & (PKT_TCP_SYN | PKT_TCP_FIN | PKT_TCP_RST))) {
		uint32_t seq = tcp_rel(x, t->seq, x->o->tcp_seq_base);

		pbuf_puts(b, ", seq ");
		pbuf_u32(b, seq);
		if (len) {
			pbuf_putc(b, ':');
			pbuf_u32(b, seq + len);
		}
	}
	if (t->flags & PKT_TCP_ACK) {
		pbuf_puts(b, ", ack ");
		pbuf_u32(b, tcp_rel(x, t->ack, x->o->tcp_ack_base));
	}
	pbuf_puts(b, ", win ");
	pbuf_u32(b, t->win);
	if (t->flags & PKT_TCP_URG) {
		pbuf_puts(b, ", urg ");
		pbuf_u32(b, t->urg);
	}
	if ((t->n_opts || ly->truncated || ly->invalid) && tcp_options(x, t, ly))
		return true;
	pbuf_puts(b, ", length ");
	pbuf_u32(b, len);
	return true;
}

bool print_l4_udp(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_udp *u = &print_impl_level(x)->udp;
	struct pbuf *b = &x->b;

	print_l4_addrs(x, l4_has_ports(ly), u->sport, u->dport);
	if (ly->truncated || ly->reason == PKT_REASON_SHORT)
		return print_l4_trunc(x, "udp");
	if (ly->reason == PKT_REASON_UDP_LEN) {
		pbuf_puts(b, "truncated-udplength ");
		pbuf_u32(b, u->len);
		return true;
	}
	if (ly->reason == PKT_REASON_UDP_LEN_PAST_END) {
		pbuf_puts(b, "UDP, bad length ");
		pbuf_u32(b, u->len - 8u);
		pbuf_puts(b, " > ");
		pbuf_u32(b, ly->wire_len - 8u);
		return true;
	}
	/* before a tunnel's header too, as tcpdump */
	print_l4_csum(x, "udp", u->csum);
	/* -q keeps a tunnel's payload undecoded, as tcpdump does */
	if (print_impl_more(x) && !x->o->quiet)
		return false;
	pbuf_puts(b, "UDP, length ");
	pbuf_u32(b, u->len - 8u);
	return true;
}

bool print_l4_vxlan(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_vxlan *v = &x->m->vxlan;
	struct pbuf *b = &x->b;

	if (ly->truncated || ly->reason == PKT_REASON_SHORT) {
		pbuf_puts(b, "VXLAN ");
		return print_l4_trunc(x, "vxlan");
	}
	/* without the I flag tcpdump calls the flags invalid; the inner frame stays undecoded */
	pbuf_puts(b, v->flags & 0x08 ? "VXLAN, flags [I] (0x" : "VXLAN, flags [invalid] (0x");
	pbuf_hex(b, v->flags, 2);
	pbuf_puts(b, "), vni ");
	pbuf_u32(b, v->vni);
	if (ly->invalid)
		return true;
	/* tcpdump starts the inner frame on a new line; one line per packet here */
	if (print_impl_more(x))
		pbuf_puts(b, ": ");
	return false;
}

bool print_l4_gre(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_gre *g = &print_impl_level(x)->gre;
	struct pbuf *b = &x->b;

	print_l4_addrs(x, false, 0, 0);
	if (ly->truncated || ly->invalid) {
		/* the version is in the first two bytes */
		if (ly->hdr_len >= 2) {
			pbuf_puts(b, "GREv");
			pbuf_u32(b, g->version);
			pbuf_putc(b, ' ');
		}
		return print_l4_trunc(x, "gre");
	}
	pbuf_puts(b, "GREv");
	pbuf_u32(b, g->version);
	pbuf_puts(b, ", ");
	if (g->flags & (PKT_GRE_CSUM | PKT_GRE_ROUTING)) {
		if (x->o->verbose) {
			pbuf_puts(b, "sum 0x");
			pbuf_hex(b, g->csum, 1);
			pbuf_puts(b, ", ");
		}
		pbuf_puts(b, "off 0x");
		pbuf_hex(b, g->offset, 1);
		pbuf_puts(b, ", ");
	}
	if (g->flags & PKT_GRE_KEY) {
		pbuf_puts(b, "key=0x");
		pbuf_hex(b, g->key, 1);
		pbuf_puts(b, ", ");
	}
	if (g->flags & PKT_GRE_SEQ) {
		pbuf_puts(b, "seq ");
		pbuf_u32(b, g->seq);
		pbuf_puts(b, ", ");
	}
	if (g->version == 1 && (g->flags & PKT_GRE_ACK)) {
		pbuf_puts(b, "ack ");
		pbuf_u32(b, g->ack);
		pbuf_puts(b, ", ");
	}
	if (x->o->link) {
		pbuf_puts(b, "proto ");
		pbuf_puts(b, print_ethertype_name(g->proto));
		pbuf_puts(b, " (0x");
		pbuf_hex(b, g->proto, 4);
		pbuf_puts(b, "), ");
	}
	pbuf_puts(b, "length ");
	pbuf_u32(b, ly->wire_len);
	if (print_impl_more(x)) {
		pbuf_puts(b, ": ");
		return false;
	}
	if (g->version == 0) {
		pbuf_puts(b, ": gre-proto-0x");
		pbuf_hex(b, g->proto, 1);
	}
	return true;
}

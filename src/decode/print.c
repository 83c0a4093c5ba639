/* SPDX-License-Identifier: GPL-2.0-or-later */
/* print.c: tcpdump-style summary lines: the driver, link and network layers. */
#include "config.h"

#include <pcap/dlt.h>

#include "decode/print.h"
#include "decode/print_impl.h"

struct print_name {
	uint16_t value;
	const char *name;
};

static const char *print_lookup(const struct print_name *t, size_t n, uint16_t v)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].value == v)
			return t[i].name;
	return NULL;
}

#define LOOKUP(t, v) print_lookup(t, sizeof(t) / sizeof((t)[0]), v)

/* tcpdump's names, so -e lines read the same. */
static const struct print_name ethertype_names[] = {
	{ 0x0800, "IPv4" },
	{ 0x0806, "ARP" },
	{ 0x86dd, "IPv6" },
	{ 0x8100, "802.1Q" },
	{ 0x88a8, "802.1Q-QinQ" },
	{ 0x9100, "802.1Q-9100" },
	{ 0x8035, "Reverse ARP" },
	{ 0x6558, "TEB" },
	{ 0x880b, "PPP" },
	{ 0x8847, "MPLS unicast" },
	{ 0x8848, "MPLS multicast" },
	{ 0x8863, "PPPoE D" },
	{ 0x8864, "PPPoE S" },
	{ 0x888e, "EAPOL" },
	{ 0x88cc, "LLDP" },
	{ 0x88f7, "PTP" },
	{ 0x9000, "Loopback" },
};

/* tcpdump 4.99 names no protocol 60 (destination options): "unknown (60)". */
static const struct print_name ipproto_names[] = {
	{ 0, "Options" }, { 1, "ICMP" },   { 2, "IGMP" },     { 4, "IPIP" },	  { 6, "TCP" },
	{ 17, "UDP" },	  { 41, "IPv6" },  { 43, "Routing" }, { 44, "Fragment" }, { 47, "GRE" },
	{ 50, "ESP" },	  { 51, "AH" },	   { 58, "ICMPv6" },  { 89, "OSPF" },	  { 103, "PIM" },
	{ 112, "VRRP" },  { 132, "SCTP" },
};

static const struct print_name arp_hw_names[] = {
	{ 1, "Ethernet" }, { 6, "TokenRing" },	 { 15, "Frame Relay" },
	{ 19, "ATM" },	   { 32, "InfiniBand" },
};

/* Linux packet types (PACKET_HOST ...), as tcpdump shows the direction. */
static const struct print_name sll_dir_names[] = {
	{ 0, "In" }, { 1, "B" }, { 2, "M" }, { 3, "P" }, { 4, "Out" },
};

const char *print_ethertype_name(uint16_t type)
{
	const char *s = LOOKUP(ethertype_names, type);

	return s ? s : "Unknown";
}

/* "ethertype IPv4 (0x0800)", or just "IPv4" with -q. */
static void print_ethertype(struct print_ctx *x, uint16_t type)
{
	const char *name = LOOKUP(ethertype_names, type);

	if (x->o->quiet && name) {
		pbuf_puts(&x->b, name);
		return;
	}
	pbuf_puts(&x->b, "ethertype ");
	pbuf_puts(&x->b, name ? name : "Unknown");
	pbuf_puts(&x->b, " (0x");
	pbuf_hex(&x->b, type, 4);
	pbuf_putc(&x->b, ')');
}

static void print_len_colon(struct print_ctx *x, uint32_t len)
{
	pbuf_puts(&x->b, ", length ");
	pbuf_u32(&x->b, len);
	if (print_impl_more(x))
		pbuf_puts(&x->b, ": ");
}

/* Link headers show with -e, and whenever nothing past them was decoded. */
static bool print_link_wanted(const struct print_ctx *x)
{
	return x->o->link || print_impl_level(x)->net == PKT_PROTO_NONE;
}

static bool print_trunc(struct print_ctx *x, const char *prefix, const char *what)
{
	pbuf_puts(&x->b, prefix);
	pbuf_puts(&x->b, "[|");
	pbuf_puts(&x->b, what);
	pbuf_putc(&x->b, ']');
	return true;
}

static const char *print_sll_dir(uint16_t pkttype)
{
	const char *s = LOOKUP(sll_dir_names, pkttype);

	return s ? s : "?";
}

static bool print_sll(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_sll *s = &x->m->sll;
	const char *dir = print_sll_dir(s->pkttype);
	size_t halen = s->halen < sizeof(s->addr) ? s->halen : sizeof(s->addr);
	size_t pad;

	if (ly->truncated || ly->invalid)
		return print_trunc(x, "", ly->proto == PKT_PROTO_SLL ? "sll" : "sll2");
	if (ly->proto == PKT_PROTO_SLL2) {
		/* SLL2 lines always say the direction, left-aligned like tcpdump's */
		pbuf_puts(&x->b, dir);
		for (pad = strlen(dir); pad < 4; pad++)
			pbuf_putc(&x->b, ' ');
	}
	if (!print_link_wanted(x))
		return false;
	x->link_shown = true;
	if (ly->proto == PKT_PROTO_SLL) {
		for (pad = strlen(dir); pad < 3; pad++)
			pbuf_putc(&x->b, ' ');
		pbuf_puts(&x->b, dir);
		pbuf_putc(&x->b, ' ');
	} else {
		pbuf_puts(&x->b, "ifindex ");
		pbuf_u32(&x->b, s->ifindex);
		pbuf_putc(&x->b, ' ');
	}
	/* no address, no space for it: tcpdump prints one space before the ethertype */
	if (halen) {
		pbuf_hwaddr(&x->b, s->addr, halen);
		pbuf_putc(&x->b, ' ');
	}
	if (x->o->quiet && print_impl_more(x))
		return false;
	print_ethertype(x, s->protocol);
	print_len_colon(x, ly->wire_len);
	return false;
}

static bool print_eth(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_eth *e = &print_impl_level(x)->eth;
	uint32_t len;

	if (ly->truncated || ly->invalid)
		return print_trunc(x, "", "ether");
	if (!print_link_wanted(x))
		return false;
	x->link_shown = true;
	pbuf_mac(&x->b, e->src);
	pbuf_puts(&x->b, " > ");
	pbuf_mac(&x->b, e->dst);
	pbuf_puts(&x->b, ", ");
	if (e->type > 1500) {
		print_ethertype(x, e->type);
		print_len_colon(x, ly->wire_len);
		return false;
	}
	/* an 802.3 frame's length is its length field, when the frame holds that much */
	len = ly->wire_len - ly->hdr_len;
	pbuf_puts(&x->b, "802.3");
	print_len_colon(x, e->type < len ? e->type : len);
	return false;
}

static bool print_vlan(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_level *l = print_impl_level(x);
	const struct pkt_vlan *v;
	unsigned k = 0;

	/* Which of this level's tags: count the VLAN layers before this one. */
	for (unsigned j = 0; j < x->i; j++)
		if (x->m->layer[j].proto == PKT_PROTO_VLAN && x->m->layer[j].level == ly->level)
			k++;
	v = &l->vlan[k];
	if (ly->truncated || ly->invalid)
		return print_trunc(x, "", "vlan");
	if (!x->link_shown)
		return false;
	pbuf_puts(&x->b, "vlan ");
	pbuf_u32(&x->b, v->id);
	pbuf_puts(&x->b, ", p ");
	pbuf_u32(&x->b, v->pcp);
	pbuf_puts(&x->b, v->dei ? ", DEI, " : ", ");
	print_ethertype(x, v->type);
	if (print_impl_more(x))
		pbuf_puts(&x->b, ", ");
	return false;
}

static bool is_zero(const uint8_t *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i])
			return false;
	return true;
}

static void print_arp_op(struct print_ctx *x, const struct pkt_arp *a)
{
	struct pbuf *b = &x->b;

	switch (a->op) {
	case 1:
		pbuf_puts(b, "Request who-has ");
		pbuf_ip4(b, a->tpa);
		if (!is_zero(a->tha, sizeof(a->tha))) {
			pbuf_puts(b, " (");
			pbuf_mac(b, a->tha);
			pbuf_putc(b, ')');
		}
		pbuf_puts(b, " tell ");
		pbuf_ip4(b, a->spa);
		break;
	case 2:
		pbuf_puts(b, "Reply ");
		pbuf_ip4(b, a->spa);
		pbuf_puts(b, " is-at ");
		pbuf_mac(b, a->sha);
		break;
	case 3:
	case 8:
		pbuf_puts(b, a->op == 3 ? "Reverse Request who-is " : "Inverse Request who-is ");
		pbuf_mac(b, a->tha);
		pbuf_puts(b, " tell ");
		pbuf_mac(b, a->sha);
		break;
	case 4:
		pbuf_puts(b, "Reverse Reply ");
		pbuf_mac(b, a->tha);
		pbuf_puts(b, " at ");
		pbuf_ip4(b, a->tpa);
		break;
	case 9:
		pbuf_puts(b, "Inverse Reply ");
		pbuf_mac(b, a->sha);
		pbuf_puts(b, " at ");
		pbuf_ip4(b, a->spa);
		break;
	default:
		pbuf_puts(b, "Unknown (");
		pbuf_u32(b, a->op);
		pbuf_putc(b, ')');
		break;
	}
}

static bool print_arp(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_arp *a = &print_impl_level(x)->arp;
	const char *hw = LOOKUP(arp_hw_names, a->htype);
	struct pbuf *b = &x->b;

	if (ly->truncated || ly->invalid)
		return print_trunc(x, "", "arp");
	if (!x->link_shown)
		pbuf_puts(b, "ARP, ");
	if (x->o->verbose) {
		if (hw) {
			pbuf_puts(b, hw);
		} else {
			pbuf_puts(b, "Unknown Hardware (");
			pbuf_u32(b, a->htype);
			pbuf_putc(b, ')');
		}
		pbuf_puts(b, " (len ");
		pbuf_u32(b, a->hlen);
		if (a->ptype == 0x0800) {
			pbuf_puts(b, "), IPv4 (len ");
		} else {
			pbuf_puts(b, "), Unknown Protocol (0x");
			pbuf_hex(b, a->ptype, 4);
			pbuf_puts(b, ") (len ");
		}
		pbuf_u32(b, a->plen);
		pbuf_puts(b, "), ");
	}
	if (a->eth_ip) {
		print_arp_op(x, a);
	} else {
		pbuf_puts(b, "op ");
		pbuf_u32(b, a->op);
	}
	pbuf_puts(b, ", length ");
	pbuf_u32(b, ly->wire_len);
	return true;
}

static void print_proto_name(struct print_ctx *x, uint8_t p)
{
	const char *s = LOOKUP(ipproto_names, p);

	pbuf_puts(&x->b, s ? s : "unknown");
	pbuf_puts(&x->b, " (");
	pbuf_u32(&x->b, p);
	pbuf_putc(&x->b, ')');
}

static void print_addr(struct print_ctx *x, const uint8_t *a)
{
	if (x->family == 4)
		pbuf_ip4(&x->b, a);
	else
		pbuf_ip6(&x->b, a);
}

/* "src > dst" of the current network layer. */
static void print_addrs(struct print_ctx *x)
{
	print_addr(x, x->src);
	pbuf_puts(&x->b, " > ");
	print_addr(x, x->dst);
}

/* Whether the next layer is a transport that prints the addresses itself. */
static bool print_transport_next(const struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);

	return print_impl_more(x) && x->m->layer[x->i + 1].level == ly->level;
}

static void print_ipv4_verbose(struct print_ctx *x, const struct pkt_ipv4 *ip)
{
	static const char *const ecn[] = { "", ",ECT(1)", ",ECT(0)", ",CE" };
	struct pbuf *b = &x->b;
	const char *sep = "";

	pbuf_puts(b, "(tos 0x");
	pbuf_hex(b, ip->tos, 1);
	pbuf_puts(b, ecn[ip->tos & 3]);
	pbuf_puts(b, ", ttl ");
	pbuf_u32(b, ip->ttl);
	pbuf_puts(b, ", id ");
	pbuf_u32(b, ip->id);
	pbuf_puts(b, ", offset ");
	pbuf_u32(b, ip->frag_off);
	pbuf_puts(b, ", flags [");
	if (ip->mf) {
		pbuf_puts(b, "+");
		sep = ", ";
	}
	if (ip->df) {
		pbuf_puts(b, sep);
		pbuf_puts(b, "DF");
		sep = ", ";
	}
	if (ip->rf) {
		pbuf_puts(b, sep);
		pbuf_puts(b, "rsvd");
	}
	if (!ip->mf && !ip->df && !ip->rf)
		pbuf_puts(b, "none");
	pbuf_puts(b, "], proto ");
	print_proto_name(x, ip->proto);
	pbuf_puts(b, ", length ");
	pbuf_u32(b, ip->tot_len);
	if (ip->opt_len)
		print_opts_ipv4(b, ip);
	if (!ip->csum_ok) {
		pbuf_puts(b, ", bad cksum ");
		pbuf_hex(b, ip->csum, 1);
		pbuf_puts(b, " (->");
		pbuf_hex(b, ip->csum_calc, 1);
		pbuf_puts(b, ")!");
	}
	pbuf_puts(b, ")\n    ");
}

/* The IP header's own line end when no transport follows it. */
static void print_ip_payload(struct print_ctx *x, uint8_t proto)
{
	pbuf_puts(&x->b, "ip-proto-");
	pbuf_u32(&x->b, proto);
	pbuf_putc(&x->b, ' ');
	pbuf_u32(&x->b, x->m->payload_len);
}

static bool print_ipv4(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_ipv4 *ip = &print_impl_level(x)->ip4;
	const char *prefix = x->link_shown ? "" : "IP ";
	struct pbuf *b = &x->b;

	if (ly->truncated)
		return print_trunc(x, prefix, "ip");
	x->family = 4;
	x->src = ip->src;
	x->dst = ip->dst;
	x->ports_only = false;
	if (ly->invalid) {
		switch (ly->reason) {
		case PKT_REASON_VERSION:
			if (ip->version == 6) {
				pbuf_puts(b, "IP6, wrong link-layer encapsulation (invalid)");
			} else {
				pbuf_puts(b, "IP");
				pbuf_u32(b, ip->version);
				pbuf_puts(b, " (invalid)");
			}
			break;
		case PKT_REASON_HDR_LEN:
			pbuf_puts(b, prefix);
			pbuf_puts(b, "bad-hlen ");
			pbuf_u32(b, ip->ihl * 4u);
			break;
		case PKT_REASON_TOTAL_LEN:
			pbuf_puts(b, prefix);
			pbuf_puts(b, "bad-len ");
			pbuf_u32(b, ip->tot_len);
			break;
		case PKT_REASON_LEN_PAST_END:
			pbuf_puts(b, prefix);
			pbuf_puts(b, "truncated-ip - ");
			pbuf_u32(b, ip->tot_len - ly->wire_len);
			pbuf_puts(b, " bytes missing! ");
			print_addrs(x);
			break;
		default: /* the header itself runs past the packet */
			pbuf_puts(b, prefix);
			pbuf_puts(b, "truncated-ip - ");
			pbuf_u32(b, (ip->ihl < 5 ? 5 : ip->ihl) * 4u - ly->wire_len);
			pbuf_puts(b, " bytes missing!");
			break;
		}
		return true;
	}
	pbuf_puts(b, prefix);
	if (x->o->verbose)
		print_ipv4_verbose(x, ip);
	if (print_transport_next(x) && !ip->frag_off)
		return false;
	print_addrs(x);
	pbuf_puts(b, ": ");
	if (ip->frag_off) {
		pbuf_puts(b, "ip-proto-");
		pbuf_u32(b, ip->proto);
	} else {
		print_ip_payload(x, ip->proto);
	}
	return true;
}

static void print_ipv6_verbose(struct print_ctx *x, const struct pkt_ipv6 *ip)
{
	struct pbuf *b = &x->b;

	pbuf_putc(b, '(');
	if (ip->tclass) {
		pbuf_puts(b, "class 0x");
		pbuf_hex(b, ip->tclass, 1);
		pbuf_puts(b, ", ");
	}
	if (ip->flow) {
		pbuf_puts(b, "flowlabel 0x");
		pbuf_hex(b, ip->flow, 5);
		pbuf_puts(b, ", ");
	}
	pbuf_puts(b, "hlim ");
	pbuf_u32(b, ip->hlim);
	pbuf_puts(b, ", next-header ");
	print_proto_name(x, ip->nxt);
	pbuf_puts(b, " payload length: ");
	pbuf_u32(b, ip->plen);
	pbuf_puts(b, ") ");
}

/* The walked extension headers, separated by spaces; sep ends the list when set. */
static void print_ipv6_exts(struct print_ctx *x, const struct pkt_ipv6 *ip, bool sep)
{
	struct pbuf *b = &x->b;

	for (unsigned k = 0; k < ip->n_ext; k++) {
		if (k)
			pbuf_putc(b, ' ');
		switch (ip->ext[k]) {
		case 0:
		case 60:
			/* tcpdump lists the options only with -v */
			pbuf_puts(b, ip->ext[k] ? "DSTOPT" : "HBH");
			if (x->o->verbose)
				print_opts_ipv6(b, ip, k);
			break;
		case 43:
			print_opts_rt6(b, ip, x->o->verbose);
			break;
		default:
			pbuf_puts(b, "frag (");
			if (x->o->verbose) {
				pbuf_puts(b, "0x");
				pbuf_hex(b, ip->frag_id, 8);
				pbuf_putc(b, ':');
			}
			pbuf_u32(b, ip->frag_off);
			pbuf_putc(b, '|');
			pbuf_u32(b, ip->frag_len);
			pbuf_putc(b, ')');
			break;
		}
	}
	if (ip->n_ext && sep)
		pbuf_putc(b, ' ');
}

static bool print_ipv6(struct print_ctx *x)
{
	const struct pkt_layer *ly = print_impl_layer(x);
	const struct pkt_ipv6 *ip = &print_impl_level(x)->ip6;
	const char *prefix = x->link_shown ? "" : "IP6 ";
	struct pbuf *b = &x->b;
	bool later_frag;

	/* Addresses are known once the 40-byte fixed header was captured. */
	if ((ly->truncated || ly->reason == PKT_REASON_SHORT) && ly->hdr_len < 40)
		return print_trunc(x, prefix, "ip6");
	x->family = 6;
	x->src = ip->src;
	x->dst = ip->dst;
	x->ports_only = false;
	if (ly->reason == PKT_REASON_VERSION) {
		pbuf_puts(b, prefix);
		pbuf_puts(b, "version error: ");
		pbuf_u32(b, ip->version);
		pbuf_puts(b, " != 6");
		return true;
	}
	pbuf_puts(b, prefix);
	if (ly->reason == PKT_REASON_LEN_PAST_END) {
		pbuf_puts(b, "truncated-ip6 - ");
		pbuf_u32(b, 40u + ip->plen - ly->wire_len);
		pbuf_puts(b, " bytes missing! ");
		print_addrs(x);
		return true;
	}
	if (x->o->verbose)
		print_ipv6_verbose(x, ip);
	if (!ly->truncated && !ly->invalid && !ip->n_ext && print_transport_next(x))
		return false;

	/* With extension headers tcpdump names the addresses first, then the ports. */
	print_addrs(x);
	pbuf_puts(b, ": ");
	/* A later fragment ends the line with its "frag (offset|length)". */
	later_frag = ip->has_frag && ip->frag_off && !ly->truncated && !ly->invalid;
	print_ipv6_exts(x, ip, !later_frag);
	if (ly->truncated)
		return print_trunc(x, "", "ip6");
	if (ly->invalid) {
		pbuf_puts(b, "(invalid)");
		return true;
	}
	if (later_frag)
		return true;
	if (print_transport_next(x)) {
		x->ports_only = true;
		return false;
	}
	if (ip->proto == 59)
		pbuf_puts(b, "no next header");
	else
		print_ip_payload(x, ip->proto);
	return true;
}

static bool print_layer(struct print_ctx *x)
{
	switch (print_impl_layer(x)->proto) {
	case PKT_PROTO_SLL:
	case PKT_PROTO_SLL2:
		return print_sll(x);
	case PKT_PROTO_ETH:
		return print_eth(x);
	case PKT_PROTO_VLAN:
		return print_vlan(x);
	case PKT_PROTO_ARP:
		return print_arp(x);
	case PKT_PROTO_IPV4:
		return print_ipv4(x);
	case PKT_PROTO_IPV6:
		return print_ipv6(x);
	case PKT_PROTO_TCP:
		return print_l4_tcp(x);
	case PKT_PROTO_UDP:
		return print_l4_udp(x);
	case PKT_PROTO_ICMP:
		return print_icmp_v4(x);
	case PKT_PROTO_ICMP6:
		return print_icmp_v6(x);
	case PKT_PROTO_GRE:
		return print_l4_gre(x);
	case PKT_PROTO_VXLAN:
		return print_l4_vxlan(x);
	default:
		return true;
	}
}

static bool is_raw_ip(int linktype)
{
	return linktype == DLT_RAW || linktype == 101 || linktype == DLT_IPV4 ||
	       linktype == DLT_IPV6;
}

size_t print_packet(char *buf, size_t len, const struct pkt_meta *m, const struct print_opts *o)
{
	struct print_ctx x = { .m = m, .o = o, .link_shown = o->link };

	pbuf_init(&x.b, buf, len);
	if (!m->n_layers) {
		pbuf_puts(&x.b, "unknown link-type ");
		pbuf_u32(&x.b, (uint32_t)m->linktype);
		pbuf_puts(&x.b, ", length ");
		pbuf_u32(&x.b, m->wirelen);
		return pbuf_finish(&x.b, len);
	}
	if (o->link && is_raw_ip(m->linktype))
		pbuf_puts(&x.b, "ip: ");
	for (x.i = 0; x.i < m->n_layers; x.i++) {
		/* A tunnel's payload starts over: its own link header, its own prefix. */
		if (x.i && m->layer[x.i].level != m->layer[x.i - 1].level) {
			x.link_shown = o->link;
			x.ports_only = false;
		}
		if (print_layer(&x))
			break;
	}
	return pbuf_finish(&x.b, len);
}

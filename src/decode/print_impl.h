/* SPDX-License-Identifier: GPL-2.0-or-later */
/* print_impl.h: state shared by print.c and the transport printers in print_l4.c. */
#ifndef SOCKEYE_PRINT_IMPL_H
#define SOCKEYE_PRINT_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/print.h"

struct print_ctx {
	struct pbuf b;
	const struct pkt_meta *m;
	const struct print_opts *o;
	unsigned i;	 /* index of the layer being printed */
	bool link_shown; /* this level's link header is on the line: no "IP " prefix */
	/* The network layer leaves its addresses for the transport to print with ports. */
	uint8_t family; /* 4 or 6 */
	const uint8_t *src;
	const uint8_t *dst;
	bool ports_only; /* IPv6 printed its addresses before its extension headers */
};

static inline const struct pkt_layer *print_impl_layer(const struct print_ctx *x)
{
	return &x->m->layer[x->i];
}

static inline const struct pkt_level *print_impl_level(const struct print_ctx *x)
{
	return &x->m->l[x->m->layer[x->i].level];
}

/* Whether another layer follows on the line. */
static inline bool print_impl_more(const struct print_ctx *x)
{
	return x->i + 1u < x->m->n_layers;
}

/*
 * "src.sport > dst.dport: ", or without ports; only the ports when IPv6
 * already named the addresses before its extension headers.
 */
void print_l4_addrs(struct print_ctx *x, bool ports, uint16_t sport, uint16_t dport);
/* tcpdump's "[|what]" truncation marker; returns true (the line is complete). */
bool print_l4_trunc(struct print_ctx *x, const char *what);

/*
 * -v's checksum verdict before a UDP or ICMPv6 message, as tcpdump: "[udp sum
 * ok] ", "[bad icmp6 cksum 0x1234 -> 0x5678!] "; nothing when not verified.
 */
void print_l4_csum(struct print_ctx *x, const char *what, uint16_t csum);

/* Each returns true when the line is complete: later layers print nothing. */
bool print_l4_tcp(struct print_ctx *x);
bool print_l4_udp(struct print_ctx *x);
bool print_l4_gre(struct print_ctx *x);
bool print_l4_vxlan(struct print_ctx *x);
bool print_icmp_v4(struct print_ctx *x);
bool print_icmp_v6(struct print_ctx *x);

/* print_opts.c: a TCP option of a kind print_l4.c does not name itself (md5, tfo, mptcp ...). */
void print_opts_tcp(struct pbuf *b, const struct pkt_tcp *t, const struct pkt_tcp_opt *o);
/* ", options (RR 0.0.0.0,NOP,...)" of -v */
void print_opts_ipv4(struct pbuf *b, const struct pkt_ipv4 *ip);
/* " (rtalert: 0x0000) (padn)": the options of the k-th extension header, if any */
void print_opts_ipv6(struct pbuf *b, const struct pkt_ipv6 *ip, unsigned k);
/* "RT6 (len=2, type=0 [Deprecated], segleft=0, [0]2001:db8::2)" */
void print_opts_rt6(struct pbuf *b, const struct pkt_ipv6 *ip, bool verbose);

/* "name (0xNNNN)" helpers shared with the GRE printer. */
const char *print_ethertype_name(uint16_t type);

#endif /* SOCKEYE_PRINT_IMPL_H */

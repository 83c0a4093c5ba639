/* SPDX-License-Identifier: GPL-2.0-or-later */
/* line.h: the summary line being written, and the pieces of it more than one printer writes. */
#ifndef SOCKEYE_LINE_H
#define SOCKEYE_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/pkt_meta.h"
#include "decode/print_opts.h"

/*
 * What the print driver hands each protocol's printer: the buffer, the
 * packet, the options, which layer is being printed, and what earlier layers
 * left for later ones.  The helpers below never call a protocol printer, so
 * every protocol file may use them without forming a cycle.
 */
struct line {
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
	/*
	 * A packet carried inside this one's payload (the datagram an ICMP
	 * error quotes), dissected as raw IP and printed onto the line: the
	 * print driver's, so that printers need not call it (NULL below the
	 * nesting depth the driver allows).
	 */
	void (*nested)(struct line *x, const uint8_t *p, size_t caplen, size_t wirelen);
	/*
	 * A link-layer frame carried in the payload (OpenFlow's PACKET_IN and
	 * PACKET_OUT), of that link type, printed onto the line as at -v count
	 * verbosity (NULL as nested is).
	 */
	void (*nested_frame)(struct line *x, int linktype, const uint8_t *p, size_t caplen,
			     size_t wirelen, unsigned verbosity);
	/*
	 * The nested packet is printed as this one's payload, -e's way (no "IP "
	 * prefix with -e): a PPP frame un-escaped from HDLC framing, not a quote.
	 */
	bool nested_link;
	unsigned depth; /* how many packets this line is nested in */
	/*
	 * What closes the line after the last layer printed, however the line
	 * ended: the brace around the PPP frame of an L2TP data message.
	 */
	const char *tail;
};

static inline const struct pkt_layer *line_layer(const struct line *x)
{
	return &x->m->layer[x->i];
}

static inline const struct pkt_level *line_level(const struct line *x)
{
	return &x->m->l[x->m->layer[x->i].level];
}

/*
 * How many -v: print_opts.verbosity, or 1 for a caller that set only
 * verbose.  tcpdump keeps some detail for -vv (UDP checksums over IPv4, DNS
 * sections) and -vvv (DNS TTLs).
 */
static inline unsigned line_verbosity(const struct line *x)
{
	return x->o->verbosity ? x->o->verbosity : x->o->verbose;
}

/* Whether another layer follows on the line. */
static inline bool line_more(const struct line *x)
{
	return x->i + 1u < x->m->n_layers;
}

/* tcpdump's "[|what]" truncation marker; returns true (the line is complete). */
bool line_trunc(struct line *x, const char *what);
/* " [|what]", with the space tcpdump's nd_print_trunc puts first; returns true. */
bool line_trunc_sp(struct line *x, const char *what);

/* ---- link layers ---- */

/* Link headers show with -e, and whenever nothing past them was decoded. */
static inline bool line_link_wanted(const struct line *x)
{
	return x->o->link || line_level(x)->net == PKT_PROTO_NONE;
}

/* "ethertype IPv4 (0x0800)", or just "IPv4" with -q. */
void line_ethertype(struct line *x, uint16_t type);
/* ", length N", then ": " when a layer follows. */
void line_len_colon(struct line *x, uint32_t len);

/* ---- network layers ---- */

/* An address of the network layer's family (x->family). */
void line_addr(struct line *x, const uint8_t *a);
/* "src > dst" of the current network layer. */
void line_ip_addrs(struct line *x);
/* "TCP (6)", "unknown (60)" */
void line_ipproto(struct line *x, uint8_t proto);
/* Whether the next layer is a transport of the same level, which prints the addresses. */
static inline bool line_transport_next(const struct line *x)
{
	return line_more(x) && x->m->layer[x->i + 1].level == line_layer(x)->level;
}

/* "ip-proto-N LEN": the IP header's own line end when no transport follows it. */
void line_ip_payload(struct line *x, uint8_t proto);

/* ---- transports ---- */

/*
 * "src.sport > dst.dport: ", or without ports; only the ports when IPv6
 * already named the addresses before its extension headers.
 */
void line_addrs(struct line *x, bool ports, uint16_t sport, uint16_t dport);
/*
 * The verdict on the transport checksum, tcpdump's words for correct and
 * incorrect: ok; bad, then the value it should have and close; sniff's own
 * for what tcpdump cannot know (offload, the kernel's receive check).
 */
void line_csum_note(struct line *x, const char *ok, const char *bad, const char *close);
/*
 * -v's checksum verdict before a UDP or ICMPv6 message, as tcpdump: "[udp sum
 * ok] ", "[bad icmp6 cksum 0x1234 -> 0x5678!] "; nothing when not verified.
 */
void line_csum(struct line *x, const char *what, uint16_t csum);

/* ---- the packet an ICMP or ICMPv6 error quotes ---- */

void line_quote_addr(struct pbuf *b, const struct pkt_quote *q, const uint8_t *a);
/* fmt with each '%' replaced by the quoted packet's destination. */
void line_quote_fmt(struct pbuf *b, const char *fmt, const struct pkt_quote *q);
/* "udp port 53" of the quoted packet, which has ports ("protocol 132 port 2905" for SCTP, DCCP). */
void line_quote_port(struct pbuf *b, const struct pkt_quote *q);

#endif /* SOCKEYE_LINE_H */

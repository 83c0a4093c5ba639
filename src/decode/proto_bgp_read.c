/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_bgp_read.c: what every BGP printer file reads and writes with: the
 * reader over a segment that cuts the packet where tcpdump's longjmp would,
 * AS numbers as -b wants them, tcpdump's address family tables.
 */
#include "config.h"

#include "decode/proto_bgp.h"

bool bgp_has(struct bgp_pr *r, size_t off, size_t n)
{
	if (msg_has(&r->g, off, n))
		return true;
	if (!r->cut) {
		r->cut = true;
		r->cut_p = r->b->p;
		r->cut_n = r->b->n;
	}
	return false;
}

void bgp_as(struct bgp_pr *r, uint32_t as)
{
	if (!r->asdot || as <= 0xffff) {
		pbuf_u32(r->b, as);
		return;
	}
	pbuf_u32(r->b, as >> 16);
	pbuf_putc(r->b, '.');
	pbuf_u32(r->b, as & 0xffff);
}

bool bgp_ip4(struct bgp_pr *r, size_t off)
{
	if (!bgp_has(r, off, 4))
		return false;
	pbuf_ip4(r->b, bgp_ptr(r, off));
	return true;
}

bool bgp_ip6(struct bgp_pr *r, size_t off)
{
	if (!bgp_has(r, off, 16))
		return false;
	pbuf_ip6(r->b, bgp_ptr(r, off));
	return true;
}

void bgp_unknown(struct bgp_pr *r, size_t off, size_t n, const char *ident)
{
	if (!bgp_within(r, off)) {
		pbuf_puts(r->b, ident);
		pbuf_puts(r->b, "Dissector error: print_unknown_data called with pointer past end of "
				"packet");
		return;
	}
	if (n > r->g.cap - off)
		n = r->g.cap - off;
	msg_hex_at(r->b, &r->g, off, n, ident);
}

void bgp_hex(struct bgp_pr *r, size_t off, size_t n, const char *ident)
{
	if (!msg_hex_at(r->b, &r->g, off, n, ident))
		bgp_has(r, r->g.cap + 1, 1);
}

void bgp_clip(struct bgp_pr *r, struct bgp_mark m)
{
	struct pbuf *b = r->b;

	if (b->n - m.n <= BGP_NLRI_TEXT_MAX)
		return;
	b->n = m.n + BGP_NLRI_TEXT_MAX;
	if (b->p > m.p + BGP_NLRI_TEXT_MAX)
		b->p = m.p + BGP_NLRI_TEXT_MAX;
}

void bgp_trunc(struct bgp_pr *r)
{
	msg_trunc_put(r->b, "bgp");
}

void bgp_invalid(struct bgp_pr *r)
{
	pbuf_puts(r->b, " (invalid)");
}

/* ---- tables ---------------------------------------------------------------------------------- */

/* tcpdump's af_values */
const struct msg_tok bgp_afi_names[] = {
	{ 0, "Reserved" },
	{ BGP_AFI_IPV4, "IPv4" },
	{ BGP_AFI_IPV6, "IPv6" },
	{ BGP_AFI_NSAP, "NSAP" },
	{ 4, "HDLC" },
	{ 5, "BBN 1822" },
	{ 6, "802" },
	{ 7, "E.163" },
	{ 8, "E.164" },
	{ 9, "F.69" },
	{ 10, "X.121" },
	{ 11, "Novell IPX" },
	{ 12, "Appletalk" },
	{ 13, "Decnet IV" },
	{ 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" },
	{ BGP_AFI_L2VPN, "Layer-2 VPN" },
	{ BGP_AFI_VPLS, "VPLS" },
	{ 0, NULL },
};

const struct msg_tok bgp_safi_names[] = {
	{ 0, "Reserved" },
	{ BGP_SAFI_UNICAST, "Unicast" },
	{ BGP_SAFI_MULTICAST, "Multicast" },
	{ BGP_SAFI_UNIMULTICAST, "Unicast+Multicast" },
	{ BGP_SAFI_LABUNICAST, "labeled Unicast" },
	{ 64, "Tunnel" },
	{ BGP_SAFI_VPLS, "VPLS" },
	{ BGP_SAFI_MDT, "MDT" },
	{ 70, "EVPN" },
	{ BGP_SAFI_VPNUNICAST, "labeled VPN Unicast" },
	{ BGP_SAFI_VPNMULTICAST, "labeled VPN Multicast" },
	{ BGP_SAFI_VPNUNIMULTICAST, "labeled VPN Unicast+Multicast" },
	{ BGP_SAFI_RT_ROUTING_INFO, "Route Target Routing Information" },
	{ BGP_SAFI_MULTICAST_VPN, "Multicast VPN" },
	{ 0, NULL },
};

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_bgp_nlri.c: BGP prefixes and next hops by address family as tcpdump
 * 4.99 prints them: IPv4 and IPv6 unicast and multicast (with RFC 7911 path
 * ids), labeled (RFC 8277), VPN (RFC 4364), route target constraint (RFC
 * 4684), multicast VPN (RFC 6514), MDT (RFC 6037), L2VPN/VPLS (RFC 4761) and
 * CLNS (NSAP); the other families get tcpdump's "no AFI decoder" and hex.
 */
#include "config.h"

#include <string.h>

#include "decode/proto_bgp.h"

#define AFS(a, s) ((uint32_t)(a) << 8 | (s))

/* ---- small pieces ---------------------------------------------------------------------------- */

bool bgp_rd(struct bgp_pr *r, size_t off)
{
	struct pbuf *b = r->b;
	const struct msg *g = &r->g;

	if (!bgp_has(r, off, 8))
		return false;
	switch (msg_u16(g, off)) {
	case 0: /* 2-byte AS:number */
		msg_printf(b, "%u:%u (= %u.%u.%u.%u)", msg_u16(g, off + 2), msg_u32(g, off + 4),
			   msg_u8(g, off + 4), msg_u8(g, off + 5), msg_u8(g, off + 6),
			   msg_u8(g, off + 7));
		break;
	case 1: /* IPv4 address:number */
		msg_printf(b, "%u.%u.%u.%u:%u", msg_u8(g, off + 2), msg_u8(g, off + 3),
			   msg_u8(g, off + 4), msg_u8(g, off + 5), msg_u16(g, off + 6));
		break;
	case 2: /* 4-byte AS:number */
		bgp_as(r, msg_u32(g, off + 2));
		msg_printf(b, ":%u (%u.%u.%u.%u:%u)", msg_u16(g, off + 6), msg_u8(g, off + 2),
			   msg_u8(g, off + 3), msg_u8(g, off + 4), msg_u8(g, off + 5),
			   msg_u16(g, off + 6));
		break;
	default:
		pbuf_puts(b, "unknown RD format");
		break;
	}
	return true;
}

/* plen bits of prefix from off into a zeroed addr of size bytes, the last byte masked; false when cut */
static bool bgp_copy_prefix(struct bgp_pr *r, size_t off, unsigned plen, uint8_t *addr, size_t size)
{
	size_t n = (plen + 7) / 8;

	memset(addr, 0, size);
	if (!bgp_has(r, off, n))
		return false;
	memcpy(addr, bgp_ptr(r, off), n);
	if (plen % 8)
		addr[n - 1] &= (uint8_t)(0xff00 >> (plen % 8));
	return true;
}

/* tcpdump's isonsap_string */
static void bgp_nsap(struct pbuf *b, const uint8_t *p, size_t n)
{
	if (n < 1 || n > 20) {
		pbuf_puts(b, "isonsap_string: illegal length");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		pbuf_hex(b, p[i], 2);
		if (!(i & 1) && i + 1 < n)
			pbuf_putc(b, '.');
	}
}

/* ", label:N (bottom)" of the 3 label bytes at off (captured) */
static void bgp_label(struct bgp_pr *r, size_t off)
{
	msg_printf(r->b, ", label:%u %s", msg_u24(&r->g, off) >> 4,
		   msg_u8(&r->g, off + 2) & 1 ? "(bottom)" : "(BOGUS: Bottom of Stack NOT set!)");
}

/* ---- prefixes -------------------------------------------------------------------------------- */

int bgp_prefix4(struct bgp_pr *r, size_t off, size_t len, const char *indent)
{
	uint8_t addr[4];
	unsigned plen;

	if (len < 1)
		return -2;
	plen = bgp_u8(r, off);
	if (r->cut)
		return -2;
	if (plen > 32)
		return -1;
	if (len - 1 < (plen + 7) / 8)
		return -2;
	if (!bgp_copy_prefix(r, off + 1, plen, addr, sizeof(addr)))
		return -2;
	pbuf_puts(r->b, indent);
	pbuf_ip4(r->b, addr);
	msg_printf(r->b, "/%u", plen);
	return 1 + (int)((plen + 7) / 8);
}

static int bgp_prefix6(struct bgp_pr *r, size_t off, size_t len)
{
	uint8_t addr[16];
	unsigned plen;

	if (len < 1)
		return -2;
	plen = bgp_u8(r, off);
	if (r->cut)
		return -2;
	if (plen > 128)
		return -1;
	if (len - 1 < (plen + 7) / 8)
		return -2;
	if (!bgp_copy_prefix(r, off + 1, plen, addr, sizeof(addr)))
		return -2;
	pbuf_puts(r->b, "\n\t      ");
	pbuf_ip6(r->b, addr);
	msg_printf(r->b, "/%u", plen);
	return 1 + (int)((plen + 7) / 8);
}

/* RFC 8277 (3107): prefix length, one label, prefix; -2 cut, -3 too short, -1 bad length */
static int bgp_labeled_prefix(struct bgp_pr *r, size_t off, size_t len, bool v6)
{
	uint8_t addr[16];
	unsigned plen;

	if (!msg_has(&r->g, off, 4))
		return -2;
	if (len < 4)
		return -3;
	plen = msg_u8(&r->g, off);
	if (plen < 24)
		return -1;
	plen -= 24;
	if (plen > (v6 ? 128u : 32u))
		return -1;
	/* tcpdump checks the IPv4 prefix's bytes against the length, not the IPv6 one's */
	if (!v6 && len - 4 < (plen + 7) / 8)
		return -3;
	if (!bgp_copy_prefix(r, off + 4, plen, addr, sizeof(addr)))
		return -2;
	pbuf_puts(r->b, "\n\t      ");
	if (v6)
		pbuf_ip6(r->b, addr);
	else
		pbuf_ip4(r->b, addr);
	msg_printf(r->b, "/%u", plen);
	bgp_label(r, off + 1);
	return 4 + (int)((plen + 7) / 8);
}

/* RFC 4364: prefix length, label, route distinguisher, prefix */
static int bgp_vpn_prefix(struct bgp_pr *r, size_t off, unsigned af)
{
	struct bgp_mark m = bgp_mark(r);
	unsigned max = af == BGP_AFI_IPV4 ? 32 : af == BGP_AFI_IPV6 ? 128 : 152;
	uint8_t addr[19];
	unsigned plen = bgp_u8(r, off);

	if (r->cut)
		return -2;
	if (plen < 24 + 64)
		return -1;
	plen -= 24 + 64;
	if (plen > max)
		return -1;
	if (!bgp_copy_prefix(r, off + 12, plen, addr, sizeof(addr)))
		return -2;
	pbuf_puts(r->b, "\n\t      RD: ");
	if (!bgp_rd(r, off + 4) || !bgp_has(r, off + 1, 3)) {
		bgp_staged(r, m);
		return -2;
	}
	pbuf_puts(r->b, ", ");
	if (af == BGP_AFI_IPV4)
		pbuf_ip4(r->b, addr);
	else if (af == BGP_AFI_IPV6)
		pbuf_ip6(r->b, addr);
	else
		bgp_nsap(r->b, addr, (plen + 7) / 8);
	msg_printf(r->b, "/%u", plen);
	bgp_label(r, off + 1);
	return 12 + (int)((plen + 7) / 8);
}

static int bgp_clnp_prefix(struct bgp_pr *r, size_t off)
{
	uint8_t addr[19];
	unsigned plen = bgp_u8(r, off);

	if (r->cut)
		return -2;
	if (plen > 152)
		return -1;
	/* tcpdump reads the address 4 bytes on, as if a label came first */
	if (!bgp_copy_prefix(r, off + 4, plen, addr, sizeof(addr)))
		return -2;
	pbuf_puts(r->b, "\n\t      ");
	bgp_nsap(r->b, addr, (plen + 7) / 8);
	msg_printf(r->b, "/%u", plen);
	return 1 + (int)((plen + 7) / 8);
}

/* ---- route target constraint (RFC 4684) ------------------------------------------------------ */

/* tcpdump's bgp_rt_prefix_print over the zero-padded route target */
static void bgp_rt_prefix(struct bgp_pr *r, const uint8_t *rt, unsigned plen)
{
	struct pbuf *b = r->b;
	char hex[sizeof("0000 0000 0000 0000")];
	size_t n = 0;
	unsigned octets = (plen + 7) / 8;

	if (plen == 0) {
		pbuf_puts(b, "route-target: 0:0/0");
		return;
	}
	for (unsigned i = 0; i < octets; i++) {
		static const char digits[] = "0123456789abcdef";

		hex[n++] = digits[rt[i] >> 4];
		hex[n++] = digits[rt[i] & 0xf];
		if (i % 2 == 1 && i < octets - 1)
			hex[n++] = ' ';
	}
	hex[n] = '\0';
	if (plen < 16) {
		msg_printf(b, "route-target: partial-type: (%s/%u)", hex, plen);
		return;
	}
	switch (rt[0] << 8 | rt[1]) {
	case 0x0002:
		msg_printf(b, "route-target: %u:%u/%u (%s)", rt[2] << 8 | rt[3],
			   (uint32_t)rt[4] << 24 | (uint32_t)rt[5] << 16 | (uint32_t)rt[6] << 8 | rt[7],
			   plen, hex);
		break;
	case 0x0102:
		msg_printf(b, "route-target: %u.%u.%u.%u:%u/%u (%s)", rt[2], rt[3], rt[4], rt[5],
			   rt[6] << 8 | rt[7], plen, hex);
		break;
	case 0x0202:
		pbuf_puts(b, "route-target: ");
		bgp_as(r, (uint32_t)rt[2] << 24 | (uint32_t)rt[3] << 16 | (uint32_t)rt[4] << 8 | rt[5]);
		msg_printf(b, ":%u/%u (%s)", rt[6] << 8 | rt[7], plen, hex);
		break;
	default:
		msg_printf(b, "route target: unknown-type(%04x) (%s/%u)", rt[0] << 8 | rt[1], hex, plen);
		break;
	}
}

static int bgp_rt_routing_info(struct bgp_pr *r, size_t off)
{
	uint8_t rt[8];
	unsigned plen = bgp_u8(r, off);
	uint32_t as;

	if (r->cut)
		return -2;
	if (plen == 0) {
		pbuf_puts(r->b, "\n\t      default route target");
		return 1;
	}
	if (plen < 32) {
		pbuf_puts(r->b, "\n\t      (illegal prefix length)");
		return -1;
	}
	as = bgp_u32(r, off + 1);
	plen -= 32;
	if (r->cut)
		return -2;
	if (plen > 64) {
		pbuf_puts(r->b, "\n\t      (illegal prefix length)");
		return -1;
	}
	if (!bgp_copy_prefix(r, off + 5, plen, rt, sizeof(rt)))
		return -2;
	pbuf_puts(r->b, "\n\t      origin AS: ");
	bgp_as(r, as);
	pbuf_puts(r->b, ", ");
	bgp_rt_prefix(r, rt, plen);
	return 5 + (int)((plen + 7) / 8);
}

/* ---- multicast VPN (RFC 6514) and MDT (RFC 6037) --------------------------------------------- */

static const struct msg_tok bgp_mvpn_names[] = {
	{ 1, "Intra-AS I-PMSI" },
	{ 2, "Inter-AS I-PMSI" },
	{ 3, "S-PMSI" },
	{ 4, "Intra-AS Segment-Leaf" },
	{ 5, "Source-Active" },
	{ 6, "Shared Tree Join" },
	{ 7, "Source Tree Join" },
	{ 0, NULL },
};

/* bgp_vpn_ip_print: an address by its length in bits */
static void bgp_vpn_ip(struct bgp_pr *r, size_t off, unsigned bits)
{
	if (bits == 32)
		bgp_ip4(r, off);
	else if (bits == 128)
		bgp_ip6(r, off);
	else
		msg_printf(r->b, "bogus address length %u", bits);
}

/* bgp_vpn_sg_print: source and group, each after its length in bits; the bytes taken */
static size_t bgp_vpn_sg(struct bgp_pr *r, size_t off, bool *trunc)
{
	size_t total = 0;

	for (int i = 0; i < 2; i++) {
		unsigned bits = bgp_u8(r, off);

		if (r->cut)
			return total;
		off++;
		if (!msg_has(&r->g, off, bits >> 3)) {
			*trunc = true;
			return total;
		}
		total += (bits >> 3) + 1;
		if (bits) {
			pbuf_puts(r->b, i ? ", Group " : ", Source ");
			bgp_vpn_ip(r, off, bits);
			off += bits >> 3;
		}
	}
	return total;
}

static int bgp_mvpn(struct bgp_pr *r, size_t off)
{
	struct bgp_mark m = bgp_mark(r);
	uint8_t type = bgp_u8(r, off), rlen = bgp_u8(r, off + 1);
	bool trunc = false;
	struct bgp_mark text;
	size_t sg;

	if (r->cut)
		return -2;
	off += 2;
	pbuf_puts(r->b, "\n\t      ");
	text = bgp_mark(r);
	pbuf_puts(r->b, "Route-Type: ");
	msg_tok_put(r->b, bgp_mvpn_names, "Unknown", type);
	msg_printf(r->b, " (%u), length: %u", type, rlen);
	switch (type) {
	case 1:
		if (!msg_has(&r->g, off, 8))
			goto trunc;
		pbuf_puts(r->b, ", RD: ");
		bgp_rd(r, off);
		pbuf_puts(r->b, ", Originator ");
		bgp_vpn_ip(r, off + 8, ((unsigned)rlen - 8u) << 3);
		break;
	case 2:
	case 6:
	case 7:
		if (!msg_has(&r->g, off, 12))
			goto trunc;
		pbuf_puts(r->b, ", RD: ");
		bgp_rd(r, off);
		pbuf_puts(r->b, ", Source-AS ");
		bgp_as(r, msg_u32(&r->g, off + 8));
		if (type != 2)
			bgp_vpn_sg(r, off + 12, &trunc);
		break;
	case 3:
		if (!msg_has(&r->g, off, 8))
			goto trunc;
		pbuf_puts(r->b, ", RD: ");
		bgp_rd(r, off);
		off += 8;
		sg = bgp_vpn_sg(r, off, &trunc);
		/* tcpdump reads the originator where the source was, not after the group */
		if (!msg_has(&r->g, off, rlen - sg))
			goto trunc;
		pbuf_puts(r->b, ", Originator ");
		bgp_vpn_ip(r, off, (unsigned)(rlen - sg) << 3);
		break;
	case 5:
		if (!msg_has(&r->g, off, 8))
			goto trunc;
		pbuf_puts(r->b, ", RD: ");
		bgp_rd(r, off);
		bgp_vpn_sg(r, off + 8, &trunc);
		break;
	default:
		break;
	}
	bgp_staged(r, m);
	bgp_clip(r, text);
	return rlen + 2;
trunc:
	bgp_rollback(r, m);
	return -2;
}

static int bgp_mdt(struct bgp_pr *r, size_t off)
{
	struct bgp_mark m = bgp_mark(r);
	uint8_t plen = bgp_u8(r, off);

	if (r->cut)
		return -2;
	if (plen != 16 * 8)
		return -1;
	if (!msg_has(&r->g, off + 1, 8))
		return -2;
	pbuf_puts(r->b, "\n\t      RD: ");
	bgp_rd(r, off + 1);
	pbuf_puts(r->b, ", VPN IP Address: ");
	bgp_ip4(r, off + 9);
	pbuf_puts(r->b, ", MC Group Address: ");
	bgp_ip4(r, off + 13);
	bgp_staged(r, m);
	return 17;
}

/* ---- L2VPN and VPLS (RFC 4761, RFC 6074 auto-discovery) -------------------------------------- */

static int bgp_l2vpn(struct bgp_pr *r, size_t off)
{
	struct bgp_mark m = bgp_mark(r);
	struct pbuf *b = r->b;
	uint16_t plen = bgp_u16(r, off);
	size_t tlen = plen, p = off + 2;
	struct bgp_mark text;

	if (r->cut)
		return -2;
	if (plen == 12) {
		if (!msg_has(&r->g, p, 12))
			return -2;
		pbuf_puts(b, "\n\t      RD: ");
		bgp_rd(r, p);
		pbuf_puts(b, ", BGPNH: ");
		bgp_ip4(r, p + 8);
		return plen + 2;
	}
	if (plen <= 17)
		return -2;
	if (!msg_has(&r->g, p, 15))
		return -2;
	pbuf_puts(b, "\n\t      ");
	text = bgp_mark(r);
	pbuf_puts(b, "RD: ");
	bgp_rd(r, p);
	msg_printf(b, ", CE-ID: %u, Label-Block Offset: %u, Label Base %u", msg_u16(&r->g, p + 8),
		   msg_u16(&r->g, p + 10), msg_u24(&r->g, p + 12) >> 4);
	p += 15;
	tlen -= 15;
	while (tlen && !r->cut) {
		uint8_t type;
		uint16_t bits;
		size_t bytes;

		if (tlen < 3) {
			pbuf_puts(b, "\n\t\tran past the end");
			break;
		}
		type = bgp_u8(r, p);
		bits = bgp_u16(r, p + 1);
		if (r->cut)
			break;
		bytes = (bits + 7u) / 8;
		p += 3;
		/* as tcpdump: the TLV header is not taken off what is left */
		if (type == 1) {
			msg_printf(b, "\n\t\tcircuit status vector (%u) length: %u: 0x", type, bits);
			for (; bytes; bytes--, tlen--, p++) {
				if (tlen < 1) {
					pbuf_puts(b, " (ran past the end)");
					bgp_staged(r, m);
					bgp_clip(r, text);
					return plen + 2;
				}
				if (!msg_has(&r->g, p, 1)) {
					bgp_rollback(r, m);
					return -2;
				}
				pbuf_hex(b, msg_u8(&r->g, p), 2);
			}
		} else {
			msg_printf(b, "\n\t\tunknown TLV #%u, length: %u", type, bits);
			if (tlen < bytes) {
				pbuf_puts(b, " (ran past the end)");
				break;
			}
			/* tcpdump does not step over the value */
			tlen -= bytes;
		}
	}
	bgp_staged(r, m);
	bgp_clip(r, text);
	return plen + 2;
}

/* ---- by address family ----------------------------------------------------------------------- */

static bool bgp_af_known(uint16_t afi, uint8_t safi)
{
	switch (AFS(afi, safi)) {
	case AFS(BGP_AFI_IPV4, BGP_SAFI_UNICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_MULTICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_UNIMULTICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_LABUNICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_RT_ROUTING_INFO):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_VPNUNIMULTICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_MULTICAST_VPN):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_MDT):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_UNICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_MULTICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_UNIMULTICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_LABUNICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_VPNUNIMULTICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_UNICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_MULTICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_UNIMULTICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_VPNUNIMULTICAST):
	case AFS(BGP_AFI_L2VPN, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_L2VPN, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_L2VPN, BGP_SAFI_VPNUNIMULTICAST):
	case AFS(BGP_AFI_VPLS, BGP_SAFI_VPLS):
		return true;
	}
	return false;
}

int bgp_mp_af(struct bgp_pr *r, size_t off, size_t len, uint16_t *afi, uint8_t *safi)
{
	struct pbuf *b = r->b;
	uint16_t af = bgp_u16(r, off);
	uint8_t sf = bgp_u8(r, off + 2);

	if (r->cut)
		return -2;
	*afi = af;
	*safi = sf;
	pbuf_puts(b, "\n\t    AFI: ");
	msg_tok_put(b, bgp_afi_names, "Unknown AFI", af);
	msg_printf(b, " (%u), %sSAFI: ", af, sf > 128 ? "vendor specific " : "");
	msg_tok_put(b, bgp_safi_names, "Unknown SAFI", sf);
	msg_printf(b, " (%u)", sf);
	if (bgp_af_known(af, sf))
		return 0;
	if (!msg_has(&r->g, off, len))
		return -2;
	msg_printf(b, "\n\t    no AFI %u / SAFI %u decoder", af, sf);
	if (r->verbosity <= 1)
		bgp_unknown(r, off, len, "\n\t    ");
	return -1;
}

bool bgp_check_add_path(struct bgp_pr *r, size_t off, size_t len, unsigned max_plen)
{
	size_t o;

	if (len < 5)
		return false;
	/* as if each prefix had a path id: every length must fit */
	for (o = 0; o < len;) {
		unsigned plen;

		o += 4;
		if (!msg_has(&r->g, off + o, 1))
			break;
		plen = msg_u8(&r->g, off + o);
		if (plen > max_plen)
			return false;
		o += 1 + (plen + 7) / 8;
	}
	if (o > len)
		return false;
	/* and without: a length that cannot be says path ids */
	for (o = 0; o < len;) {
		unsigned plen;

		if (!msg_has(&r->g, off + o, 1))
			break;
		plen = msg_u8(&r->g, off + o);
		if (plen < 1 || plen > max_plen)
			return true;
		o += 1 + (plen + 7) / 8;
	}
	return o > len;
}

/* An IPv4 or IPv6 prefix, after its path id when add_path says so */
static int bgp_plain_prefix(struct bgp_pr *r, size_t off, size_t len, bool v6, bool add_path)
{
	uint32_t path_id = 0;
	int advance;

	if (add_path) {
		path_id = bgp_u32(r, off);
		if (r->cut)
			return -2;
		off += 4;
	}
	advance = v6 ? bgp_prefix6(r, off, len) : bgp_prefix4(r, off, len, "\n\t      ");
	if (r->cut)
		return -2;
	if (advance == -1)
		pbuf_puts(r->b, "\n\t    (illegal prefix length)");
	/* tcpdump prints the path id and counts its bytes whatever came of the prefix */
	if (add_path) {
		pbuf_puts(r->b, "   Path Id: ");
		pbuf_u32(r->b, path_id);
		advance += 4;
	}
	return advance;
}

int bgp_nlri_print(struct bgp_pr *r, uint16_t afi, uint8_t safi, size_t off, size_t len,
		   bool add_path4, bool add_path6)
{
	int advance;

	switch (AFS(afi, safi)) {
	case AFS(BGP_AFI_IPV4, BGP_SAFI_UNICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_MULTICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_UNIMULTICAST):
		return bgp_plain_prefix(r, off, len, false, add_path4);
	case AFS(BGP_AFI_IPV6, BGP_SAFI_UNICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_MULTICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_UNIMULTICAST):
		return bgp_plain_prefix(r, off, len, true, add_path6);
	case AFS(BGP_AFI_IPV4, BGP_SAFI_LABUNICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_LABUNICAST):
		advance = bgp_labeled_prefix(r, off, len, afi == BGP_AFI_IPV6);
		break;
	case AFS(BGP_AFI_IPV4, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_VPNUNIMULTICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_VPNUNIMULTICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_VPNUNIMULTICAST):
		advance = bgp_vpn_prefix(r, off, afi);
		break;
	case AFS(BGP_AFI_IPV4, BGP_SAFI_RT_ROUTING_INFO):
		advance = bgp_rt_routing_info(r, off);
		return r->cut ? -2 : advance;
	case AFS(BGP_AFI_IPV4, BGP_SAFI_MULTICAST_VPN):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_MULTICAST_VPN):
		advance = bgp_mvpn(r, off);
		break;
	case AFS(BGP_AFI_IPV4, BGP_SAFI_MDT):
		advance = bgp_mdt(r, off);
		break;
	case AFS(BGP_AFI_VPLS, BGP_SAFI_VPLS):
	case AFS(BGP_AFI_L2VPN, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_L2VPN, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_L2VPN, BGP_SAFI_VPNUNIMULTICAST):
		advance = bgp_l2vpn(r, off);
		if (advance == -1)
			pbuf_puts(r->b, "\n\t    (illegal length)");
		return r->cut ? -2 : advance;
	case AFS(BGP_AFI_NSAP, BGP_SAFI_UNICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_MULTICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_UNIMULTICAST):
		advance = bgp_clnp_prefix(r, off);
		break;
	default:
		msg_printf(r->b, "\n\t    ERROR: no AFI %u / SAFI %u decoder", afi, safi);
		return -4;
	}
	if (r->cut)
		return -2;
	if (advance == -1)
		pbuf_puts(r->b, "\n\t    (illegal prefix length)");
	return advance;
}

/* ---- next hops ------------------------------------------------------------------------------- */

/* One next hop of afi/safi at off with n bytes left of them: the bytes it took, 0 when cut. */
static size_t bgp_nexthop(struct bgp_pr *r, uint16_t afi, uint8_t safi, size_t off, size_t n)
{
	struct pbuf *b = r->b;
	struct bgp_mark m = bgp_mark(r);

	switch (AFS(afi, safi)) {
	case AFS(BGP_AFI_IPV4, BGP_SAFI_UNICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_MULTICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_UNIMULTICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_LABUNICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_RT_ROUTING_INFO):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_MULTICAST_VPN):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_MDT):
	case AFS(BGP_AFI_VPLS, BGP_SAFI_VPLS):
	case AFS(BGP_AFI_L2VPN, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_L2VPN, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_L2VPN, BGP_SAFI_VPNUNIMULTICAST):
		if (n < 4)
			break;
		return bgp_ip4(r, off) ? 4 : 0;
	case AFS(BGP_AFI_IPV4, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_IPV4, BGP_SAFI_VPNUNIMULTICAST):
		if (n < 12)
			break;
		if (!bgp_has(r, off, 12))
			return 0;
		pbuf_puts(b, "RD: ");
		bgp_rd(r, off);
		pbuf_puts(b, ", ");
		bgp_ip4(r, off + 8);
		return 12;
	case AFS(BGP_AFI_IPV6, BGP_SAFI_UNICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_MULTICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_UNIMULTICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_LABUNICAST):
		if (n < 16)
			break;
		return bgp_ip6(r, off) ? 16 : 0;
	case AFS(BGP_AFI_IPV6, BGP_SAFI_VPNUNICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_VPNMULTICAST):
	case AFS(BGP_AFI_IPV6, BGP_SAFI_VPNUNIMULTICAST):
		if (n < 24)
			break;
		if (!bgp_has(r, off, 24))
			return 0;
		pbuf_puts(b, "RD: ");
		bgp_rd(r, off);
		pbuf_puts(b, ", ");
		bgp_ip6(r, off + 8);
		return 24;
	case AFS(BGP_AFI_NSAP, BGP_SAFI_UNICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_MULTICAST):
	case AFS(BGP_AFI_NSAP, BGP_SAFI_UNIMULTICAST):
		if (!bgp_has(r, off, n))
			return 0;
		bgp_nsap(b, bgp_ptr(r, off), n);
		return n;
	default: /* the NSAP VPN families */
		if (n < 9)
			break;
		if (!bgp_has(r, off, n))
			return 0;
		pbuf_puts(b, "RD: ");
		bgp_rd(r, off);
		pbuf_puts(b, ", ");
		bgp_nsap(b, bgp_ptr(r, off + 8), n - 8);
		if (bgp_u32(r, off + 8) == 0x47000601) { /* RFC 986 IPv4 */
			pbuf_puts(b, " = ");
			bgp_ip4(r, off + 12);
		} else if (bgp_u24(r, off + 8) == 0x350000) { /* RFC 1888 IPv6 */
			pbuf_puts(b, " = ");
			bgp_ip6(r, off + 11);
		}
		bgp_staged(r, m);
		return r->cut ? 0 : n;
	}
	pbuf_puts(b, "invalid len");
	return n;
}

bool bgp_nexthop_print(struct bgp_pr *r, uint16_t afi, uint8_t safi, size_t off, size_t nhlen)
{
	for (size_t left = nhlen, nnh = 0; left && !r->cut; nnh++) {
		size_t took;

		if (nnh)
			pbuf_puts(r->b, ", ");
		took = bgp_nexthop(r, afi, safi, off, left);
		if (!took)
			return false;
		off += took;
		left -= took;
	}
	return !r->cut;
}

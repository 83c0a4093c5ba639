/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_bgp_attr.c: an UPDATE's path attributes as tcpdump 4.99 prints them:
 * origin, AS paths of 2- or 4-byte AS numbers (RFC 6793), next hop,
 * communities (RFC 1997, 4360 extended, 8092 large), MP_REACH/UNREACH (RFC
 * 4760, the prefixes in proto_bgp_nlri.c), PMSI tunnels (RFC 6514), AIGP
 * (RFC 7311) and ATTR_SET (RFC 6368).  4.99 decodes neither BGPsec paths
 * (RFC 8205), OTC (RFC 9234) nor the origin validation state community (RFC
 * 8097): they print as unknown, with their bytes.
 */
#include "config.h"

#include <string.h>

#include "decode/proto_bgp.h"

enum {
	BGPTYPE_ORIGIN = 1,
	BGPTYPE_AS_PATH = 2,
	BGPTYPE_NEXT_HOP = 3,
	BGPTYPE_MULTI_EXIT_DISC = 4,
	BGPTYPE_LOCAL_PREF = 5,
	BGPTYPE_ATOMIC_AGGREGATE = 6,
	BGPTYPE_AGGREGATOR = 7,
	BGPTYPE_COMMUNITIES = 8,
	BGPTYPE_ORIGINATOR_ID = 9,
	BGPTYPE_CLUSTER_LIST = 10,
	BGPTYPE_MP_REACH_NLRI = 14,
	BGPTYPE_MP_UNREACH_NLRI = 15,
	BGPTYPE_EXTD_COMMUNITIES = 16,
	BGPTYPE_AS4_PATH = 17,
	BGPTYPE_AGGREGATOR4 = 18,
	BGPTYPE_PMSI_TUNNEL = 22,
	BGPTYPE_AIGP = 26,
	BGPTYPE_LARGE_COMMUNITY = 32,
	BGPTYPE_ATTR_SET = 128,
};

#define BGP_ATTR_SET_MAX_LEVEL 10 /* tcpdump's limit on nested ATTR_SETs */

const struct msg_tok bgp_attr_names[] = {
	{ BGPTYPE_ORIGIN, "Origin" },
	{ BGPTYPE_AS_PATH, "AS Path" },
	{ BGPTYPE_AS4_PATH, "AS4 Path" },
	{ BGPTYPE_NEXT_HOP, "Next Hop" },
	{ BGPTYPE_MULTI_EXIT_DISC, "Multi Exit Discriminator" },
	{ BGPTYPE_LOCAL_PREF, "Local Preference" },
	{ BGPTYPE_ATOMIC_AGGREGATE, "Atomic Aggregate" },
	{ BGPTYPE_AGGREGATOR, "Aggregator" },
	{ BGPTYPE_AGGREGATOR4, "Aggregator4" },
	{ BGPTYPE_COMMUNITIES, "Community" },
	{ BGPTYPE_ORIGINATOR_ID, "Originator ID" },
	{ BGPTYPE_CLUSTER_LIST, "Cluster List" },
	{ 11, "DPA" },
	{ 12, "Advertisers" },
	{ 13, "RCID Path / Cluster ID" },
	{ BGPTYPE_MP_REACH_NLRI, "Multi-Protocol Reach NLRI" },
	{ BGPTYPE_MP_UNREACH_NLRI, "Multi-Protocol Unreach NLRI" },
	{ BGPTYPE_EXTD_COMMUNITIES, "Extended Community" },
	{ BGPTYPE_PMSI_TUNNEL, "PMSI Tunnel" },
	{ 23, "Tunnel Encapsulation" },
	{ 24, "Traffic Engineering" },
	{ 25, "IPv6 Extended Community" },
	{ BGPTYPE_AIGP, "Accumulated IGP Metric" },
	{ 27, "PE Distinguisher Label" },
	{ 28, "Entropy Label" },
	{ BGPTYPE_LARGE_COMMUNITY, "Large Community" },
	{ BGPTYPE_ATTR_SET, "Attribute Set" },
	{ 255, "Reserved for development" },
	{ 0, NULL },
};

static const struct msg_tok bgp_attr_flags[] = {
	{ 0x80, "O" },
	{ 0x40, "T" },
	{ 0x20, "P" },
	{ 0x10, "E" },
	{ 0, NULL },
};

void bgp_attr_flags_put(struct pbuf *b, uint8_t flags)
{
	if (!flags)
		return;
	pbuf_puts(b, ", Flags [");
	msg_bits_put(b, bgp_attr_flags, "", flags, "");
	if (flags & 0xf) {
		pbuf_putc(b, '+');
		pbuf_hex(b, flags & 0xf, 1);
	}
	pbuf_putc(b, ']');
}

static const struct msg_tok bgp_origin_names[] = {
	{ 0, "IGP" },
	{ 1, "EGP" },
	{ 2, "Incomplete" },
	{ 0, NULL },
};

/* AS path segment types, RFC 4271 and RFC 5065 */
static const struct msg_tok bgp_seg_open[] = {
	{ 2, "" }, { 1, "{ " }, { 3, "( " }, { 4, "({ " }, { 0, NULL },
};

static const struct msg_tok bgp_seg_close[] = {
	{ 2, "" }, { 1, "}" }, { 3, ")" }, { 4, "})" }, { 0, NULL },
};

static const struct msg_tok bgp_pmsi_names[] = {
	{ 1, "RSVP-TE P2MP LSP" },
	{ 2, "LDP P2MP LSP" },
	{ 3, "PIM-SSM Tree" },
	{ 4, "PIM-SM Tree" },
	{ 5, "PIM-Bidir Tree" },
	{ 6, "Ingress Replication" },
	{ 7, "LDP MP2MP LSP" },
	{ 0, NULL },
};

static const struct msg_tok bgp_pmsi_flags[] = {
	{ 0x01, "Leaf Information required" },
	{ 0, NULL },
};

static const struct msg_tok bgp_aigp_names[] = {
	{ 1, "AIGP" },
	{ 0, NULL },
};

/* ---- attributes ------------------------------------------------------------------------------ */

/*
 * tcpdump's bgp_attr_get_as_size: AS_PATH is 2-byte AS numbers when its
 * segments walk to its end so, else 4-byte ones (AS4_PATH always).
 */
static unsigned bgp_as_size(struct bgp_pr *r, uint8_t type, size_t off, size_t len)
{
	size_t p = off;

	if (type == BGPTYPE_AS4_PATH)
		return 4;
	while (p < off + len) {
		uint8_t seg = bgp_u8(r, p);

		if (r->cut || seg < 1 || seg > 4)
			return 4;
		p += 2 + (size_t)bgp_u8(r, p + 1) * 2;
	}
	return p == off + len ? 2 : 4;
}

/* false: tcpdump's trunc */
static bool bgp_as_path(struct bgp_pr *r, uint8_t type, size_t off, size_t len)
{
	unsigned size = bgp_as_size(r, type, off, len);
	size_t p = off;

	while (p < off + len && !r->cut) {
		uint8_t seg = bgp_u8(r, p), n;

		if (r->cut)
			break;
		msg_tok_put(r->b, bgp_seg_open, "?", seg);
		n = bgp_u8(r, p + 1);
		for (size_t i = 0; i < (size_t)n * size && !r->cut; i += size) {
			if (!msg_has(&r->g, p + 2 + i, size))
				return false;
			bgp_as(r, size == 2 ? msg_u16(&r->g, p + 2 + i) : msg_u32(&r->g, p + 2 + i));
			pbuf_putc(r->b, ' ');
		}
		msg_tok_put(r->b, bgp_seg_close, "?", seg);
		p += 2 + (size_t)n * size;
	}
	return true;
}

static void bgp_aggregator(struct bgp_pr *r, size_t off, unsigned as_size)
{
	uint32_t as = as_size == 2 ? bgp_u16(r, off) : bgp_u32(r, off);

	if (!bgp_has(r, off + as_size, 4))
		return;
	pbuf_puts(r->b, " AS #");
	bgp_as(r, as);
	pbuf_puts(r->b, ", origin ");
	pbuf_ip4(r->b, bgp_ptr(r, off + as_size));
}

static bool bgp_communities(struct bgp_pr *r, size_t off, size_t len)
{
	for (size_t t = len; t; t -= 4, off += 4) {
		uint32_t comm;

		if (!msg_has(&r->g, off, 4))
			return false;
		comm = msg_u32(&r->g, off);
		switch (comm) {
		case 0xffffff01:
			pbuf_puts(r->b, " NO_EXPORT");
			break;
		case 0xffffff02:
			pbuf_puts(r->b, " NO_ADVERTISE");
			break;
		case 0xffffff03:
			pbuf_puts(r->b, " NO_EXPORT_SUBCONFED");
			break;
		default:
			msg_printf(r->b, "%u:%u%s", comm >> 16, comm & 0xffff, t > 4 ? ", " : "");
			break;
		}
	}
	return true;
}

static bool bgp_pmsi(struct bgp_pr *r, size_t off, size_t len)
{
	struct pbuf *b = r->b;
	uint8_t flags, type;
	uint32_t label;

	if (!msg_has(&r->g, off, 5) || len < 5)
		return false;
	flags = msg_u8(&r->g, off);
	type = msg_u8(&r->g, off + 1);
	label = msg_u24(&r->g, off + 2) >> 4;
	pbuf_puts(b, "\n\t    Tunnel-type ");
	msg_tok_put(b, bgp_pmsi_names, "Unknown", type);
	msg_printf(b, " (%u), Flags [", type);
	msg_bits_put(b, bgp_pmsi_flags, "none", flags, ", ");
	msg_printf(b, "], MPLS Label %u", label);
	off += 5;
	len -= 5;
	switch (type) {
	case 3: /* PIM-SSM */
	case 4: /* PIM-SM */
	case 5: /* PIM-Bidir */
		if (!bgp_has(r, off, 8))
			return true;
		pbuf_puts(b, type == 3 ? "\n\t      Root-Node " : "\n\t      Sender ");
		pbuf_ip4(b, bgp_ptr(r, off));
		pbuf_puts(b, ", P-Group ");
		pbuf_ip4(b, bgp_ptr(r, off + 4));
		break;
	case 6:
		if (!bgp_has(r, off, 4))
			return true;
		pbuf_puts(b, "\n\t      Tunnel-Endpoint ");
		pbuf_ip4(b, bgp_ptr(r, off));
		break;
	case 1:
	case 2:
	case 7:
		if (!bgp_has(r, off, 8))
			return true;
		pbuf_puts(b, type == 1 ? "\n\t      Extended-Tunnel-ID " : "\n\t      Root-Node ");
		pbuf_ip4(b, bgp_ptr(r, off));
		msg_printf(b, type == 1 ? ", P2MP-ID 0x%08x" : ", LSP-ID 0x%08x",
			   msg_u32(&r->g, off + 4));
		break;
	default:
		if (r->verbosity <= 1)
			bgp_unknown(r, off, len, "\n\t      ");
		break;
	}
	return true;
}

static bool bgp_aigp(struct bgp_pr *r, size_t off, size_t len)
{
	while (len >= 3 && !r->cut) {
		uint8_t type = bgp_u8(r, off);
		uint16_t length = bgp_u16(r, off + 1);

		if (r->cut)
			break;
		off += 3;
		len -= 3;
		pbuf_puts(r->b, "\n\t    ");
		msg_tok_put(r->b, bgp_aigp_names, "Unknown", type);
		msg_printf(r->b, " TLV (%u), length %u", type, length);
		if (length < 3)
			return false;
		length -= 3;
		if (len < length)
			return false;
		if (type == 1) {
			if (length < 8)
				return false;
			if (!bgp_has(r, off, 8))
				break;
			pbuf_puts(r->b, ", metric ");
			pbuf_u64(r->b, (uint64_t)msg_u32(&r->g, off) << 32 | msg_u32(&r->g, off + 4));
		} else if (r->verbosity <= 1) {
			bgp_unknown(r, off, length, "\n\t      ");
		}
		off += length;
		len -= length;
	}
	return true;
}

/* ATTR_SET's nested attributes after its origin AS; *len is what is left of them */
static bool bgp_attr_set(struct bgp_pr *r, size_t off, size_t *len, unsigned level)
{
	struct pbuf *b = r->b;

	if (!msg_has(&r->g, off, 4) || *len < 4)
		return false;
	pbuf_puts(b, "\n\t    Origin AS: ");
	bgp_as(r, msg_u32(&r->g, off));
	off += 4;
	*len -= 4;
	while (*len && !r->cut) {
		uint8_t flags, type;
		size_t lenlen, alen;

		if (!msg_has(&r->g, off, 2))
			return false;
		if (*len < 2) {
			pbuf_puts(b, " [path attr too short]");
			break;
		}
		flags = msg_u8(&r->g, off);
		type = msg_u8(&r->g, off + 1);
		off += 2;
		*len -= 2;
		lenlen = flags & 0x10 ? 2 : 1;
		if (!msg_has(&r->g, off, lenlen))
			return false;
		if (*len < lenlen) {
			pbuf_puts(b, " [path attr too short]");
			break;
		}
		alen = lenlen == 2 ? msg_u16(&r->g, off) : msg_u8(&r->g, off);
		off += lenlen;
		*len -= lenlen;
		pbuf_puts(b, "\n\t      ");
		msg_tok_put(b, bgp_attr_names, "Unknown Attribute", type);
		msg_printf(b, " (%u), length: %zu", type, alen);
		bgp_attr_flags_put(b, flags);
		pbuf_puts(b, ": ");
		if (*len < alen) {
			pbuf_puts(b, " [path attr too short]");
			break;
		}
		if (level == BGP_ATTR_SET_MAX_LEVEL)
			pbuf_puts(b, "(too many nested levels, not recursing)");
		else if (!bgp_attr_print(r, type, off, alen, level + 1))
			return false;
		off += alen;
		*len -= alen;
	}
	/* tcpdump's walk used up the length: no -vv dump of the set follows */
	*len = 0;
	return true;
}

/* MP_REACH_NLRI: address family, next hops, SNPAs, then the prefixes */
static bool bgp_mp_reach(struct bgp_pr *r, size_t off, size_t len)
{
	size_t p = off, tlen = len;
	uint16_t afi;
	uint8_t safi, nhlen, snpa;
	bool ap4, ap6;
	int ret;

	if (!msg_has(&r->g, p, 3) || tlen < 3)
		return false;
	ret = bgp_mp_af(r, p, tlen, &afi, &safi);
	if (ret == -2)
		return false;
	if (ret < 0)
		return true;
	p += 3;
	tlen -= 3;
	if (!msg_has(&r->g, p, 1) || tlen < 1)
		return false;
	nhlen = msg_u8(&r->g, p);
	p++;
	tlen--;
	if (nhlen) {
		if (tlen < nhlen)
			return false;
		pbuf_puts(r->b, "\n\t    nexthop: ");
		if (!bgp_nexthop_print(r, afi, safi, p, nhlen))
			return true;
		p += nhlen;
		tlen -= nhlen;
	}
	msg_printf(r->b, ", nh-length: %u", nhlen);
	if (tlen < 1)
		return false;
	snpa = bgp_u8(r, p);
	p++;
	tlen--;
	if (r->cut)
		return true;
	if (snpa) {
		msg_printf(r->b, "\n\t    %u SNPA", snpa);
		for (; snpa; snpa--) {
			uint8_t n;

			if (tlen < 1)
				return false;
			n = bgp_u8(r, p);
			if (r->cut)
				return true;
			msg_printf(r->b, "\n\t      %u bytes", n);
			p++;
			tlen--;
			if (tlen < n || !msg_has(&r->g, p, n))
				return false;
			p += n;
			tlen -= n;
		}
	} else {
		pbuf_puts(r->b, ", no SNPA");
	}
	ap4 = bgp_check_add_path(r, p, len - (p - off), 32);
	ap6 = bgp_check_add_path(r, p, len - (p - off), 128);
	while (p < off + len && !r->cut) {
		int advance = bgp_nlri_print(r, afi, safi, p, len, ap4, ap6);

		if (advance == -2)
			return false;
		if (advance < 0)
			break;
		p += (size_t)advance;
	}
	return true;
}

static bool bgp_mp_unreach(struct bgp_pr *r, size_t off, size_t len)
{
	size_t p = off;
	uint16_t afi;
	uint8_t safi;
	bool ap4, ap6;
	int ret;

	if (!msg_has(&r->g, p, 3))
		return false;
	ret = bgp_mp_af(r, p, len, &afi, &safi);
	if (ret == -2)
		return false;
	if (ret < 0)
		return true;
	if (len == 3)
		pbuf_puts(r->b, "\n\t      End-of-Rib Marker (empty NLRI)");
	p += 3;
	/* tcpdump's length left is unsigned: an attribute under 3 bytes leaves a huge one */
	ap4 = bgp_check_add_path(r, p, len >= 3 ? len - 3 : SIZE_MAX - 2 + len, 32);
	ap6 = bgp_check_add_path(r, p, len >= 3 ? len - 3 : SIZE_MAX - 2 + len, 128);
	while (p < off + len && !r->cut) {
		int advance = bgp_nlri_print(r, afi, safi, p, len, ap4, ap6);

		if (advance == -2)
			return false;
		if (advance < 0)
			break;
		p += (size_t)advance;
	}
	return true;
}

/* An attribute whose length must be n: "invalid len" otherwise; true when it is. */
static bool bgp_len_is(struct bgp_pr *r, size_t len, size_t n)
{
	if (len == n)
		return true;
	pbuf_puts(r->b, "invalid len");
	return false;
}

bool bgp_attr_print(struct bgp_pr *r, uint8_t type, size_t off, size_t len, unsigned level)
{
	struct pbuf *b = r->b;
	size_t left = len; /* what the -vv dump covers: ATTR_SET and large communities use it up */

	switch (type) {
	case BGPTYPE_ORIGIN:
		if (bgp_len_is(r, len, 1)) {
			uint8_t origin = bgp_u8(r, off);

			if (!r->cut)
				msg_tok_put(b, bgp_origin_names, "Unknown Origin Typecode", origin);
		}
		break;
	case BGPTYPE_AS4_PATH:
	case BGPTYPE_AS_PATH:
		if (len % 2)
			pbuf_puts(b, "invalid len");
		else if (!len)
			pbuf_puts(b, "empty");
		else if (!bgp_as_path(r, type, off, len))
			return false;
		break;
	case BGPTYPE_NEXT_HOP:
	case BGPTYPE_ORIGINATOR_ID:
		if (bgp_len_is(r, len, 4))
			bgp_ip4(r, off);
		break;
	case BGPTYPE_MULTI_EXIT_DISC:
	case BGPTYPE_LOCAL_PREF:
		if (bgp_len_is(r, len, 4)) {
			uint32_t v = bgp_u32(r, off);

			if (!r->cut)
				pbuf_u32(b, v);
		}
		break;
	case BGPTYPE_ATOMIC_AGGREGATE:
		if (len != 0)
			pbuf_puts(b, "invalid len");
		break;
	case BGPTYPE_AGGREGATOR:
		if (len != 6 && len != 8) {
			pbuf_puts(b, "invalid len");
			break;
		}
		if (!msg_has(&r->g, off, len))
			return false;
		bgp_aggregator(r, off, len == 6 ? 2 : 4);
		break;
	case BGPTYPE_AGGREGATOR4:
		if (bgp_len_is(r, len, 8))
			bgp_aggregator(r, off, 4);
		break;
	case BGPTYPE_COMMUNITIES:
		if (len % 4)
			pbuf_puts(b, "invalid len");
		else if (!bgp_communities(r, off, len))
			return false;
		break;
	case BGPTYPE_CLUSTER_LIST:
		if (len % 4) {
			pbuf_puts(b, "invalid len");
			break;
		}
		for (size_t t = len, p = off; t && !r->cut; t -= 4, p += 4) {
			if (!bgp_ip4(r, p))
				break;
			if (t > 4)
				pbuf_puts(b, ", ");
		}
		break;
	case BGPTYPE_MP_REACH_NLRI:
		if (!bgp_mp_reach(r, off, len))
			return false;
		break;
	case BGPTYPE_MP_UNREACH_NLRI:
		if (!bgp_mp_unreach(r, off, len))
			return false;
		break;
	case BGPTYPE_EXTD_COMMUNITIES:
		if (len % 8)
			pbuf_puts(b, "invalid len");
		else if (!bgp_ext_communities(r, off, len))
			return false;
		break;
	case BGPTYPE_PMSI_TUNNEL:
		if (!bgp_pmsi(r, off, len))
			return false;
		break;
	case BGPTYPE_AIGP:
		if (!bgp_aigp(r, off, len))
			return false;
		break;
	case BGPTYPE_ATTR_SET:
		if (!bgp_attr_set(r, off, &left, level))
			return false;
		break;
	case BGPTYPE_LARGE_COMMUNITY:
		if (len == 0 || len % 12) {
			pbuf_puts(b, "invalid len");
			break;
		}
		pbuf_puts(b, "\n\t    ");
		for (; left && !r->cut; left -= 12, off += 12) {
			if (!bgp_has(r, off, 12))
				break;
			msg_printf(b, "%u:%u:%u%s", msg_u32(&r->g, off), msg_u32(&r->g, off + 4),
				   msg_u32(&r->g, off + 8), left > 12 ? ", " : "");
		}
		break;
	default:
		if (!msg_has(&r->g, off, len))
			return false;
		msg_printf(b, "\n\t    no Attribute %u decoder", type);
		if (r->verbosity <= 1)
			bgp_unknown(r, off, len, "\n\t    ");
		break;
	}
	if (r->verbosity > 1 && left && !r->cut) {
		if (!msg_has(&r->g, off, left))
			return false;
		bgp_unknown(r, off, left, "\n\t    ");
	}
	return true;
}

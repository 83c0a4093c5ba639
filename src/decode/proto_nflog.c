/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_nflog.c: Linux NFLOG link headers (DLT_NFLOG): dissector and tcpdump's text. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_l2.h"
#include "decode/proto_msg.h"

/*
 * LINKTYPE_NFLOG: a 4-byte header (address family, version 0, resource id in
 * network order), then netlink TLVs in the capturing host's byte order
 * (length including the 4-byte TLV header, padded to 4; type), until the
 * NFULA_PAYLOAD one whose data is the packet.  tcpdump reads the TLVs in its
 * own host order: little-endian here, as on the machines that write them.
 */
#define NFLOG_HDR_LEN	4
#define NFLOG_TLV_LEN	4
#define NFLOG_FAMILY	0
#define NFLOG_VERSION	1
#define NFLOG_RID	2
#define NFULA_PAYLOAD	9
#define NFLOG_AF_INET	2	/* Linux's AF_INET */
#define NFLOG_AF_INET6	10	/* Linux's AF_INET6 */

static uint16_t nflog_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

int proto_nflog_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	const uint8_t *p = pkt_peek(c, NFLOG_HDR_LEN);
	uint8_t family;

	proto_level(m)->link = PKT_PROTO_NFLOG;
	if (!p)
		return proto_short(m, NFLOG_HDR_LEN);
	family = p[NFLOG_FAMILY];
	pkt_skip(c, NFLOG_HDR_LEN);
	if (p[NFLOG_VERSION] != 0)
		return PKT_PROTO_NONE; /* the printer says "(unknown)" and stops */
	/* tcpdump's walk: a TLV cut by the capture, or shorter than its header, ends it */
	while (pkt_wire_left(c) > 0) {
		const uint8_t *t = pkt_peek(c, NFLOG_TLV_LEN);
		size_t size;

		if (!t)
			return proto_truncated(m);
		size = nflog_le16(t);
		size = (size + 3u) & ~(size_t)3u;
		if (size < NFLOG_TLV_LEN || !pkt_peek(c, size))
			return proto_truncated(m);
		if (nflog_le16(t + 2) == NFULA_PAYLOAD) {
			pkt_skip(c, NFLOG_TLV_LEN);
			break;
		}
		pkt_skip(c, size);
	}
	/* no payload: tcpdump's IP printer finds nothing to read, the printer says so */
	if (!pkt_left(c))
		return PKT_PROTO_NONE;
	switch (family) {
	case NFLOG_AF_INET:
		return PKT_PROTO_IPV4;
	case NFLOG_AF_INET6:
		return PKT_PROTO_IPV6;
	}
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok nflog_families[] = {
	{ NFLOG_AF_INET, "IPv4" },
	{ NFLOG_AF_INET6, "IPv6" },
	{ 0, NULL },
};

/* tcpdump's nflog_hdr_print: "version 0, resource ID 20, family IPv4 (2), length 180: " */
static void nflog_hdr_put(struct line *x, const struct msg *g, uint32_t len)
{
	uint8_t family = msg_u8(g, NFLOG_FAMILY);
	const char *name = msg_tok_find(nflog_families, family);

	msg_printf(&x->b, "version %u, resource ID %u", msg_u8(g, NFLOG_VERSION),
		   msg_u16(g, NFLOG_RID));
	if (!x->o->quiet)
		msg_printf(&x->b, ", family %s (%u)", name ? name : "Unknown", family);
	else if (name)
		msg_printf(&x->b, ", %s", name);
	else
		msg_printf(&x->b, ", Unknown NFLOG (0x%02x)", family);
	msg_printf(&x->b, ", length %u: ", len);
}

bool proto_nflog_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	struct msg g;

	if (ly->invalid || !msg_of(&g, x) || !msg_has(&g, 0, NFLOG_HDR_LEN))
		return line_trunc_sp(x, "nflog");
	if (msg_u8(&g, NFLOG_VERSION) != 0) {
		msg_printf(&x->b, "version %u (unknown)", msg_u8(&g, NFLOG_VERSION));
		return true;
	}
	if (x->o->link) {
		nflog_hdr_put(x, &g, x->m->wirelen);
		x->link_shown = true;
	}
	if (ly->truncated)
		return line_trunc_sp(x, "nflog");
	if (line_more(x))
		return false;
	if (g.cap <= ly->hdr_len && msg_tok_find(nflog_families, msg_u8(&g, NFLOG_FAMILY)))
		return line_trunc_sp(x, msg_u8(&g, NFLOG_FAMILY) == NFLOG_AF_INET ? "ip" : "ip6");
	/* a family not decoded: the header (once, with the length after it), then the bytes */
	if (!x->o->link)
		nflog_hdr_put(x, &g, ly->wire_len - ly->hdr_len + NFLOG_HDR_LEN);
	if (!x->o->dump && !x->o->quiet && g.cap > ly->hdr_len)
		proto_l2_default_print(&x->b, g.p + ly->hdr_len, g.cap - ly->hdr_len);
	return true;
}

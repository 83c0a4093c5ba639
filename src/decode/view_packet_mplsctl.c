/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_mplsctl.c: JSON of the MPLS control protocols (LDP, LSP ping), read from their bytes. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/view_packet_mplsctl.h"

/*
 * LDP: the first PDU's header (its 10 bytes are captured) and the PDU's
 * messages whose headers were captured, the first one's type.
 */
static void put_ldp(struct fmt_details *d, const struct msg *g)
{
	char lsr[16];
	struct pbuf b;
	uint32_t end, n = 0;
	size_t off;

	pbuf_init(&b, lsr, sizeof(lsr));
	pbuf_ip4(&b, g->p + 4);
	pbuf_finish(&b, sizeof(lsr));
	fmt_details_object_begin(d, "ldp");
	fmt_details_u64(d, "version", msg_u16(g, 0));
	fmt_details_u64(d, "pdu_length", msg_u16(g, 2));
	fmt_details_str(d, "lsr_id", lsr);
	fmt_details_u64(d, "label_space", msg_u16(g, 8));
	if (msg_has(g, 10, 4))
		fmt_details_u64(d, "first_msg_type", msg_u16(g, 10) & 0x7fff);
	end = 4u + msg_u16(g, 2);
	for (off = 10; off + 4 <= end && msg_has(g, off, 4); off += 4u + msg_u16(g, off + 2))
		n++;
	fmt_details_u64(d, "messages", n);
	fmt_details_object_end(d);
}

/* LSP ping: the 32-byte header (captured) and the TLVs whose headers were captured. */
static void put_lspping(struct fmt_details *d, const struct msg *g)
{
	uint32_t n = 0, len;
	size_t off;

	fmt_details_object_begin(d, "lspping");
	fmt_details_u64(d, "version", msg_u16(g, 0));
	fmt_details_u64(d, "msg_type", msg_u8(g, 4));
	fmt_details_u64(d, "reply_mode", msg_u8(g, 5));
	fmt_details_u64(d, "return_code", msg_u8(g, 6));
	fmt_details_u64(d, "return_subcode", msg_u8(g, 7));
	fmt_details_u64(d, "sender_handle", msg_u32(g, 8));
	fmt_details_u64(d, "seq", msg_u32(g, 12));
	/* TLV values are padded to 4 bytes */
	for (off = 32; off + 4 <= g->len && msg_has(g, off, 4); off += 4u + len, n++)
		len = (msg_u16(g, off + 2) + 3u) & ~3u;
	fmt_details_u64(d, "tlvs", n);
	fmt_details_object_end(d);
}

bool view_packet_mplsctl(struct fmt_details *d, const struct pkt_meta *m,
			 const struct pkt_layer *ly, const uint8_t *data)
{
	struct msg g;
	bool have;

	if (ly->proto != PKT_PROTO_LDP && ly->proto != PKT_PROTO_LSPPING)
		return false;
	have = msg_at(&g, m, data, ly);
	/* each object only when its fixed header was captured */
	if (ly->proto == PKT_PROTO_LDP && have && msg_has(&g, 0, 10))
		put_ldp(d, &g);
	else if (ly->proto == PKT_PROTO_LSPPING && have && msg_has(&g, 0, 32))
		put_lspping(d, &g);
	return true;
}

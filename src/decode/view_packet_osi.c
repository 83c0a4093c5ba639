/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_osi.c: JSON of the OSI network layer (IS-IS, ES-IS, CLNP) and CDP, read from their bytes. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/view_packet_osi.h"

/* An IS-IS system id (6), node id (7) or LSP id (8) as tcpdump writes it: "1921.6800.1001.00-00". */
static void put_id(struct fmt_details *d, const char *key, const struct msg *g, size_t off,
		   size_t len)
{
	char buf[32];
	struct pbuf b;

	if (!msg_has(g, off, len))
		return;
	pbuf_init(&b, buf, sizeof(buf));
	for (size_t i = 0; i < len && i < 6; i++) {
		pbuf_hex(&b, msg_u8(g, off + i), 2);
		if (i == 1 || i == 3)
			pbuf_putc(&b, '.');
	}
	if (len >= 7) {
		pbuf_putc(&b, '.');
		pbuf_hex(&b, msg_u8(g, off + 6), 2);
	}
	if (len == 8) {
		pbuf_putc(&b, '-');
		pbuf_hex(&b, msg_u8(g, off + 7), 2);
	}
	fmt_details_str_len(d, key, buf, pbuf_finish(&b, sizeof(buf)));
}

/* An NSAP as tcpdump's isonsap_string: "49.0001.1921.6800.1001.00". */
static void put_nsap(struct fmt_details *d, const char *key, const struct msg *g, size_t off,
		     size_t len)
{
	char buf[64];
	struct pbuf b;

	if (len < 1 || len > 20 || !msg_has(g, off, len))
		return;
	pbuf_init(&b, buf, sizeof(buf));
	for (size_t i = 0; i < len; i++) {
		pbuf_hex(&b, msg_u8(g, off + i), 2);
		if (!(i & 1) && i + 1 < len)
			pbuf_putc(&b, '.');
	}
	fmt_details_str_len(d, key, buf, pbuf_finish(&b, sizeof(buf)));
}

/* The PDU header's fields by type, then the TLVs' types and lengths as far as captured. */
static void put_isis(struct fmt_details *d, const struct msg *g)
{
	uint8_t type, fixed;
	size_t off;
	uint32_t end;

	if (!msg_has(g, 0, 8))
		return;
	type = msg_u8(g, 4) & 0x1f;
	fixed = msg_u8(g, 1);
	fmt_details_object_begin(d, "isis");
	fmt_details_u64(d, "pdu_type", type);
	fmt_details_u64(d, "hdr_len", fixed);
	fmt_details_u64(d, "max_area", msg_u8(g, 7));
	switch (type) {
	case 15:
	case 16:
	case 17:
		if (!msg_has(g, 8, 12))
			break;
		fmt_details_u64(d, "circuit_type", msg_u8(g, 8) & 3);
		put_id(d, "source_id", g, 9, 6);
		fmt_details_u64(d, "holding_time", msg_u16(g, 15));
		fmt_details_u64(d, "pdu_len", msg_u16(g, 17));
		if (type == 17) {
			fmt_details_u64(d, "circuit_id", msg_u8(g, 19));
		} else if (msg_has(g, 19, 8)) {
			fmt_details_u64(d, "priority", msg_u8(g, 19) & 0x7f);
			put_id(d, "lan_id", g, 20, 7);
		}
		break;
	case 18:
	case 20:
		if (!msg_has(g, 8, 19))
			break;
		fmt_details_u64(d, "pdu_len", msg_u16(g, 8));
		fmt_details_u64(d, "lifetime", msg_u16(g, 10));
		put_id(d, "lsp_id", g, 12, 8);
		fmt_details_u64(d, "seq", msg_u32(g, 20));
		fmt_details_u64(d, "csum", msg_u16(g, 24));
		fmt_details_u64(d, "flags", msg_u8(g, 26));
		break;
	case 24:
	case 25:
	case 26:
	case 27:
		if (!msg_has(g, 8, 9))
			break;
		fmt_details_u64(d, "pdu_len", msg_u16(g, 8));
		put_id(d, "source_id", g, 10, 7);
		if (type <= 25 && msg_has(g, 17, 16)) {
			put_id(d, "start_lsp_id", g, 17, 8);
			put_id(d, "end_lsp_id", g, 25, 8);
		}
		break;
	}
	end = g->len;
	if (fixed >= 8 && msg_has(g, 0, fixed)) {
		fmt_details_array_begin(d, "tlvs");
		for (off = fixed; off + 2 <= end && msg_has(g, off, 2);
		     off += 2u + msg_u8(g, off + 1)) {
			fmt_details_object_begin(d, NULL);
			fmt_details_u64(d, "type", msg_u8(g, off));
			fmt_details_u64(d, "len", msg_u8(g, off + 1));
			fmt_details_object_end(d);
		}
		fmt_details_array_end(d);
	}
	fmt_details_object_end(d);
}

static void put_clnp(struct fmt_details *d, const struct msg *g)
{
	unsigned dl, sl;

	if (!msg_has(g, 0, 10))
		return;
	fmt_details_object_begin(d, "clnp");
	fmt_details_u64(d, "hdr_len", msg_u8(g, 1));
	fmt_details_u64(d, "version", msg_u8(g, 2));
	fmt_details_u64(d, "lifetime", msg_u8(g, 3));
	fmt_details_u64(d, "pdu_type", msg_u8(g, 4) & 0x1f);
	fmt_details_u64(d, "flags", msg_u8(g, 4) & 0xe0);
	fmt_details_u64(d, "seg_len", msg_u16(g, 5));
	fmt_details_u64(d, "csum", msg_u16(g, 7));
	dl = msg_u8(g, 9);
	put_nsap(d, "dst", g, 10, dl);
	if (msg_has(g, 10 + dl, 1)) {
		sl = msg_u8(g, 10 + dl);
		put_nsap(d, "src", g, 11 + dl, sl);
	}
	fmt_details_object_end(d);
}

static void put_esis(struct fmt_details *d, const struct msg *g)
{
	if (!msg_has(g, 0, 9))
		return;
	fmt_details_object_begin(d, "esis");
	fmt_details_u64(d, "hdr_len", msg_u8(g, 1));
	fmt_details_u64(d, "version", msg_u8(g, 2));
	fmt_details_u64(d, "pdu_type", msg_u8(g, 4) & 0x1f);
	fmt_details_u64(d, "holding_time", msg_u16(g, 5));
	fmt_details_u64(d, "csum", msg_u16(g, 7));
	fmt_details_object_end(d);
}

static void put_osi(struct fmt_details *d, const struct msg *all, uint32_t skip)
{
	struct msg g = msg_sub(all, skip, all->len - skip);
	uint8_t nlpid;

	if (!msg_has(&g, 0, 1))
		return;
	nlpid = msg_u8(&g, 0);
	fmt_details_object_begin(d, "isoclns");
	fmt_details_u64(d, "nlpid", nlpid);
	fmt_details_object_end(d);
	if (nlpid == 0x83)
		put_isis(d, &g);
	else if (nlpid == 0x81)
		put_clnp(d, &g);
	else if (nlpid == 0x82)
		put_esis(d, &g);
}

/* A CDP text TLV, escaped as tcpdump prints it. */
static void put_text(struct fmt_details *d, const char *key, const uint8_t *p, size_t n)
{
	char buf[512];
	struct pbuf b;
	size_t len;

	pbuf_init(&b, buf, sizeof(buf));
	msg_put_textn(&b, p, n);
	len = pbuf_finish(&b, sizeof(buf));
	fmt_details_str_len(d, key, buf, len < sizeof(buf) ? len : sizeof(buf) - 1);
}

static void put_cdp(struct fmt_details *d, const struct msg *g)
{
	static const struct {
		uint16_t type;
		const char *key;
	} texts[] = { { 1, "device_id" }, { 3, "port_id" },    { 5, "version_string" },
		      { 6, "platform" },  { 9, "vtp_domain" }, { 0x14, "system_name" } };

	if (!msg_has(g, 0, 4))
		return;
	fmt_details_object_begin(d, "cdp");
	fmt_details_u64(d, "version", msg_u8(g, 0));
	fmt_details_u64(d, "ttl", msg_u8(g, 1));
	fmt_details_u64(d, "csum", msg_u16(g, 2));
	fmt_details_array_begin(d, "tlvs");
	for (size_t off = 4; off + 4 <= g->len && msg_has(g, off, 4);) {
		unsigned type = msg_u16(g, off), len = msg_u16(g, off + 2);

		if (len < 4 || off + len > g->len)
			break;
		fmt_details_object_begin(d, NULL);
		fmt_details_u64(d, "type", type);
		fmt_details_u64(d, "len", len - 4u);
		if (msg_has(g, off + 4, len - 4u)) {
			for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
				if (texts[i].type == type)
					put_text(d, texts[i].key, g->p + off + 4, len - 4u);
			if (type == 4 && len == 8)
				fmt_details_u64(d, "capabilities", msg_u32(g, off + 4));
			if (type == 0x0a && len == 6)
				fmt_details_u64(d, "native_vlan", msg_u16(g, off + 4));
			if (type == 0x0b && len == 5)
				fmt_details_str(d, "duplex", msg_u8(g, off + 4) ? "full" : "half");
		}
		fmt_details_object_end(d);
		off += len;
	}
	fmt_details_array_end(d);
	fmt_details_object_end(d);
}

bool view_packet_osi(struct fmt_details *d, const struct pkt_meta *m, const uint8_t *data,
		     const struct pkt_layer *ly)
{
	struct msg g;

	switch (ly->proto) {
	case PKT_PROTO_ISOCLNS:
		if (!msg_at(&g, m, data, ly) || g.len < ly->hdr_len)
			return true;
		if (ly + 1 < m->layer + m->n_layers) {
			/* IP or IPv6 follows: the layer ends with their NLPID */
			if (ly->hdr_len >= 1 && msg_has(&g, ly->hdr_len - 1, 1)) {
				fmt_details_object_begin(d, "isoclns");
				fmt_details_u64(d, "nlpid", msg_u8(&g, ly->hdr_len - 1));
				fmt_details_object_end(d);
			}
			return true;
		}
		put_osi(d, &g, ly->hdr_len);
		return true;
	case PKT_PROTO_CDP:
		if (msg_at(&g, m, data, ly))
			put_cdp(d, &g);
		return true;
	}
	return false;
}

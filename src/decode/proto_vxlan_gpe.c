/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_vxlan_gpe.c: VXLAN's Generic Protocol Extension
 * (draft-ietf-nvo3-vxlan-gpe), UDP 4790, before IPv4, IPv6, Ethernet or
 * NSH: dissector and printer (tcpdump's print-vxlan-gpe.c text).
 */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|R|Ver|I|P|R|O|       Reserved                |Next Protocol  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                VXLAN Network Identifier (VNI) |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The printer reads the 8 bytes again from the packet's bytes.
 */
#define VXLAN_GPE_HDR_LEN 8

int proto_vxlan_gpe_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	uint32_t w0, w1;

	if (proto_layer(m)->wire_len < VXLAN_GPE_HDR_LEN)
		return proto_invalid(m, PKT_REASON_SHORT);
	if (!pkt_get_be32(c, &w0) || !pkt_get_be32(c, &w1))
		return proto_truncated(m);
	return proto_nsh_next(w0 & 0xff);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok vxlan_gpe_flags[] = {
	{ 0x08, "I" }, { 0x04, "P" }, { 0x02, "B" }, { 0x01, "O" }, { 0, NULL },
};

bool proto_vxlan_gpe_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;

	msg_of(&g, x);
	pbuf_puts(b, "VXLAN-GPE, ");
	if (g.len < VXLAN_GPE_HDR_LEN) {
		msg_printf(b, " (len %u < %u) (invalid)", g.len, VXLAN_GPE_HDR_LEN);
		return true;
	}
	if (!msg_has(&g, 0, 1))
		return msg_trunc(x, "vxlan_gpe");
	pbuf_puts(b, "flags [");
	msg_bits_put(b, vxlan_gpe_flags, "none", msg_u8(&g, 0), "");
	pbuf_puts(b, "], ");
	if (!msg_has(&g, 3, 5))
		return msg_trunc(x, "vxlan_gpe");
	msg_printf(b, "vni %u", msg_u24(&g, 4));
	pbuf_puts(b, line_verbosity(x) ? "\n    " : ": ");
	if (proto_nsh_next(msg_u8(&g, 3)) == PKT_PROTO_NONE) {
		pbuf_puts(b, "ERROR: unknown-next-protocol (invalid)");
		return true;
	}
	return !line_more(x);
}

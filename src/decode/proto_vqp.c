/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_vqp.c: Cisco's VLAN Query Protocol (UDP 1589), VMPS clients and servers. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * The common header (no RFC; tcpdump's print-vqp.c after OpenVMPS):
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Version (1) | Packet type   |  Error Code   |    nitems     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Packet Sequence Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * then nitems objects, each a 4-byte type, a 2-byte length and the value.
 * The printer and the JSON read the bytes; the dissector names the layer.
 */
#define VQP_HDR_LEN 8
#define VQP_OBJ_HDR 6

#define VQP_OBJ_IP_ADDRESS   0x0c01
#define VQP_OBJ_PORT_NAME    0x0c02
#define VQP_OBJ_VLAN_NAME    0x0c03
#define VQP_OBJ_VTP_DOMAIN   0x0c04
#define VQP_OBJ_ETHERNET_PKT 0x0c05
#define VQP_OBJ_MAC_NULL     0x0c06
#define VQP_OBJ_MAC_ADDRESS  0x0c08

int proto_vqp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_VQP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok vqp_msg_types[] = {
	{ 1, "Request, Join Port" }, { 2, "Response, VLAN" },	   { 3, "Request, Reconfirm" },
	{ 4, "Response, Reconfirm" }, { 0, NULL },
};

static const struct msg_tok vqp_errors[] = {
	{ 0, "No error" }, { 3, "Access denied" }, { 4, "Shutdown port" }, { 5, "Wrong VTP domain" },
	{ 0, NULL },
};

static const struct msg_tok vqp_objects[] = {
	{ VQP_OBJ_IP_ADDRESS, "Client IP Address" },  { VQP_OBJ_PORT_NAME, "Port Name" },
	{ VQP_OBJ_VLAN_NAME, "VLAN Name" },	      { VQP_OBJ_VTP_DOMAIN, "VTP Domain" },
	{ VQP_OBJ_ETHERNET_PKT, "Ethernet Packet" }, { VQP_OBJ_MAC_NULL, "MAC Null" },
	{ VQP_OBJ_MAC_ADDRESS, "MAC Address" },	      { 0, NULL },
};

/* "Request, Join Port Message, error-code No error (0)" */
static void vqp_type_error(struct pbuf *b, const struct msg *g, const char *sep)
{
	msg_tok_put(b, vqp_msg_types, "unknown (%u)", msg_u8(g, 1));
	pbuf_puts(b, sep);
	pbuf_puts(b, "Message, error-code ");
	msg_tok_put(b, vqp_errors, "unknown", msg_u8(g, 2));
	msg_printf(b, " (%u)", msg_u8(g, 2));
}

/* One object's value (its bytes captured); false when it is invalid. */
static bool vqp_value(struct line *x, const struct msg *g, size_t off, uint32_t type, uint16_t len)
{
	struct pbuf *b = &x->b;

	switch (type) {
	case VQP_OBJ_IP_ADDRESS:
		if (len != 4)
			return false;
		pbuf_ip4(b, g->p + off);
		msg_printf(b, " (0x%08x)", msg_u32(g, off));
		break;
	case VQP_OBJ_PORT_NAME:
	case VQP_OBJ_VLAN_NAME:
	case VQP_OBJ_VTP_DOMAIN:
	case VQP_OBJ_ETHERNET_PKT:
		msg_printjnp(b, g, off, len);
		break;
	case VQP_OBJ_MAC_ADDRESS:
	case VQP_OBJ_MAC_NULL:
		if (len != 6)
			return false;
		pbuf_mac(b, g->p + off);
		break;
	default:
		if (line_verbosity(x) <= 1)
			msg_hex_lines(b, "\n\t    ", g->p + off, len);
		break;
	}
	return true;
}

bool proto_vqp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	size_t off = VQP_HDR_LEN, left;
	uint32_t type;
	uint16_t len;
	uint8_t items;

	if (!msg_of(&g, x) || !msg_has(&g, 0, VQP_HDR_LEN))
		return msg_trunc(x, "vqp");
	if (g.len < VQP_HDR_LEN)
		goto invalid;
	if (msg_u8(&g, 0) != 1) {
		msg_printf(b, "VQP version %u packet not supported", msg_u8(&g, 0));
		return true;
	}
	if (!line_verbosity(x)) {
		pbuf_puts(b, "VQPv1 ");
		vqp_type_error(b, &g, " ");
		msg_printf(b, ", length %u", g.len);
		return true;
	}
	items = msg_u8(&g, 3);
	pbuf_puts(b, "\n\tVQPv1, ");
	vqp_type_error(b, &g, " ");
	msg_printf(b, ", seq 0x%08x, items %u, length %u", msg_u32(&g, 4), items, g.len);
	left = g.len - VQP_HDR_LEN;
	while (items && left) {
		if (!msg_has(&g, off, VQP_OBJ_HDR))
			return msg_trunc(x, "vqp");
		if (left < VQP_OBJ_HDR)
			goto invalid;
		type = msg_u32(&g, off);
		len = msg_u16(&g, off + 4);
		off += VQP_OBJ_HDR;
		left -= VQP_OBJ_HDR;
		pbuf_puts(b, "\n\t  ");
		msg_tok_put(b, vqp_objects, "Unknown", type);
		msg_printf(b, " Object (0x%08x), length %u, value: ", type, len);
		if (!type || !len)
			return true;
		if (!msg_has(&g, off, len))
			return msg_trunc(x, "vqp");
		if (len > left || !vqp_value(x, &g, off, type, len))
			goto invalid;
		off += len;
		left -= len;
		items--;
	}
	return true;
invalid:
	pbuf_puts(b, " (invalid)");
	return true;
}

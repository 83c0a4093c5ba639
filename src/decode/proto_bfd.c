/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_bfd.c: BFD control and echo packets (RFC 5880, 5881, 5883, 7130): dissector and printer. */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define BFD_HDR_LEN	   24
#define BFD_CONTROL_PORT   3784 /* RFC 5881 */
#define BFD_ECHO_PORT	   3785
#define BFD_MULTIHOP_PORT  4784 /* RFC 5883 */
#define BFD_LAG_PORT	   6784 /* RFC 7130 */
#define BFD_FLAG_AUTH	   0x04

/*
 * RFC 5880 section 4.1:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Vers |  Diag   |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             My Discriminator / Your Discriminator             |
 * |    Desired Min TX / Required Min RX / Required Min Echo RX    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Auth Type | Auth Len | Authentication Data... (when A is set) |
 *
 * The printer and the JSON read the message again from the layer's offset.
 */
int proto_bfd_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_BFD;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok bfd_diag_names[] = {
	{ 0, "No Diagnostic" },
	{ 1, "Control Detection Time Expired" },
	{ 2, "Echo Function Failed" },
	{ 3, "Neighbor Signaled Session Down" },
	{ 4, "Forwarding Plane Reset" },
	{ 5, "Path Down" },
	{ 6, "Concatenated Path Down" },
	{ 7, "Administratively Down" },
	{ 8, "Reverse Concatenated Path Down" },
	{ 0, NULL },
};

static const struct msg_tok bfd_port_names[] = {
	{ BFD_CONTROL_PORT, "Control" },
	{ BFD_MULTIHOP_PORT, "Multihop" },
	{ BFD_LAG_PORT, "Lag" },
	{ 0, NULL },
};

static const struct msg_tok bfd_v0_flags[] = {
	{ 0x80, "I Hear You" }, { 0x40, "Demand" },
	{ 0x20, "Poll" },	{ 0x10, "Final" },
	{ 0x08, "Control Plane Independent" },
	{ BFD_FLAG_AUTH, "Authentication Present" },
	{ 0x02, "Reserved" },	{ 0x01, "Reserved" },
	{ 0, NULL },
};

static const struct msg_tok bfd_v1_flags[] = {
	{ 0x20, "Poll" },
	{ 0x10, "Final" },
	{ 0x08, "Control Plane Independent" },
	{ BFD_FLAG_AUTH, "Authentication Present" },
	{ 0x02, "Demand" },
	{ 0x01, "Multipoint" },
	{ 0, NULL },
};

static const struct msg_tok bfd_state_names[] = {
	{ 0, "AdminDown" }, { 1, "Down" }, { 2, "Init" }, { 3, "Up" }, { 0, NULL },
};

static const struct msg_tok bfd_auth_names[] = {
	{ 1, "Simple Password" }, { 2, "Keyed MD5" },	 { 3, "Meticulous Keyed MD5" },
	{ 4, "Keyed SHA1" },	  { 5, "Meticulous Keyed SHA1" }, { 0, NULL },
};

/* The authentication section after the 24-byte header; false when cut by the capture. */
static bool put_auth(struct pbuf *b, const struct msg *g)
{
	uint8_t type, len;
	size_t hash;

	if (!msg_has(g, BFD_HDR_LEN, 4))
		return false;
	type = msg_u8(g, BFD_HDR_LEN);
	len = msg_u8(g, BFD_HDR_LEN + 1);
	pbuf_puts(b, "\n\tAuthentication: ");
	msg_tok_put(b, bfd_auth_names, "Unknown", type);
	msg_printf(b, " (%u), length: %u", type, len);
	pbuf_puts(b, "\n\t  Auth Key ID: ");
	pbuf_u32(b, msg_u8(g, BFD_HDR_LEN + 2));
	switch (type) {
	case 1:
		if (len < 4 || len > 19) {
			msg_printf(b, "[invalid length %u]", len);
			return true;
		}
		pbuf_puts(b, ", Password: ");
		if (!msg_has(g, BFD_HDR_LEN + 3, len - 3u)) {
			msg_put_textn(b, g->p + BFD_HDR_LEN + 3, g->cap - (BFD_HDR_LEN + 3));
			return false;
		}
		msg_put_textn(b, g->p + BFD_HDR_LEN + 3, len - 3u);
		return true;
	case 2:
	case 3:
	case 4:
	case 5:
		hash = type <= 3 ? 16 : 20;
		if (len != (type <= 3 ? 24 : 28)) {
			msg_printf(b, "[invalid length %u]", len);
			return true;
		}
		if (!msg_has(g, BFD_HDR_LEN + 4, 4))
			return false;
		msg_printf(b, ", Sequence Number: 0x%08x", msg_u32(g, BFD_HDR_LEN + 4));
		if (!msg_has(g, BFD_HDR_LEN + 8, hash))
			return false;
		pbuf_puts(b, type <= 3 ? "\n\t  Digest: " : "\n\t  Hash: ");
		msg_hex(b, g->p + BFD_HDR_LEN + 8, hash);
		return true;
	}
	return true;
}

static void put_interval(struct pbuf *b, const char *what, uint32_t us)
{
	pbuf_puts(b, what);
	msg_printf(b, "%4u ms", us / 1000);
}

/* false: cut by the capture */
static bool put_control(struct line *x, const struct msg *g, uint16_t port)
{
	struct pbuf *b = &x->b;
	uint8_t vd, version, flags, mult;

	if (!msg_has(g, 0, BFD_HDR_LEN))
		return false;
	vd = msg_u8(g, 0);
	version = vd >> 5;
	flags = msg_u8(g, 1);
	if (version > 1) {
		msg_printf(b, "BFDv%u, Control, length: %u", version, g->len);
		if (line_verbosity(x)) {
			msg_hex_lines(b, "\n\t", g->p, g->cap);
			return g->cap == g->len;
		}
		return true;
	}
	if (!line_verbosity(x)) {
		if (version == 0) {
			pbuf_puts(b, "BFDv0, Control, Flags: [");
			msg_bits_put(b, bfd_v0_flags, "none", flags, ", ");
		} else {
			pbuf_puts(b, "BFDv1, ");
			msg_tok_put(b, bfd_port_names, "unknown (%u)", port);
			pbuf_puts(b, ", State ");
			msg_tok_put(b, bfd_state_names, "unknown (%u)", flags >> 6);
			pbuf_puts(b, ", Flags: [");
			msg_bits_put(b, bfd_v1_flags, "none", flags & 0x3f, ", ");
		}
		pbuf_puts(b, "], length: ");
		pbuf_u32(b, g->len);
		return true;
	}
	msg_printf(b, "BFDv%u, length: %u\n\t", version, g->len);
	if (version == 0) {
		pbuf_puts(b, "Control, Flags: [");
		msg_bits_put(b, bfd_v0_flags, "none", flags, ", ");
	} else {
		msg_tok_put(b, bfd_port_names, "unknown (%u)", port);
		pbuf_puts(b, ", State ");
		msg_tok_put(b, bfd_state_names, "unknown (%u)", flags >> 6);
		pbuf_puts(b, ", Flags: [");
		msg_bits_put(b, bfd_v1_flags, "none", flags & 0x3f, ", ");
	}
	pbuf_puts(b, "], Diagnostic: ");
	msg_tok_put(b, bfd_diag_names, "unknown", vd & 0x1f);
	msg_printf(b, " (0x%02x)", vd & 0x1f);
	mult = msg_u8(g, 2);
	msg_printf(b, "\n\tDetection Timer Multiplier: %u (%u ms Detection time), BFD Length: %u",
		   mult, (uint32_t)(mult * msg_u32(g, 12)) / 1000, msg_u8(g, 3));
	msg_printf(b, "\n\tMy Discriminator: 0x%08x, Your Discriminator: 0x%08x", msg_u32(g, 4),
		   msg_u32(g, 8));
	put_interval(b, "\n\t  Desired min Tx Interval:    ", msg_u32(g, 12));
	put_interval(b, "\n\t  Required min Rx Interval:   ", msg_u32(g, 16));
	put_interval(b, "\n\t  Required min Echo Interval: ", msg_u32(g, 20));
	if (flags & BFD_FLAG_AUTH)
		return put_auth(b, g);
	return true;
}

bool proto_bfd_print(struct line *x)
{
	const struct pkt_level *l = line_level(x);
	struct pbuf *b = &x->b;
	uint16_t port = l->udp.dport;
	struct msg g;

	if (!msg_of(&g, x))
		return msg_trunc(x, "bfd");
	if (port == BFD_CONTROL_PORT || port == BFD_MULTIHOP_PORT || port == BFD_LAG_PORT) {
		if (!put_control(x, &g, port))
			return msg_trunc(x, "bfd");
		return true;
	}
	if (port == BFD_ECHO_PORT)
		pbuf_puts(b, "BFD, Echo, length: ");
	else
		msg_printf(b, "BFD, unknown (%u), length: ", port);
	pbuf_u32(b, g.len);
	/* tcpdump's print_unknown_data: what was captured, no mark for the rest */
	if (line_verbosity(x))
		msg_hex_lines(b, "\n\t", g.p, g.cap);
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_stp.c: spanning tree BPDUs (802.1D, 802.1w RSTP, 802.1s MSTP, 802.1aq SPB, PVST+). */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

#define STP_CONFIG_LEN 35  /* a configuration BPDU, without RSTP's version 1 length */
#define STP_RSTP_LEN   36
#define STP_MSTP_MIN   102 /* up to the CIST remaining hops */
#define STP_SPB_MIN    87  /* the version 4 part */
#define STP_V3LEN_OFF  36
#define STP_MSTI_LEN   16
#define STP_MCID_LEN   64 /* MST configuration identifier, within the version 3 length */

enum { STP_PROTO_8021D = 0, STP_PROTO_RSTP = 2, STP_PROTO_MSTP = 3, STP_PROTO_SPB = 4 };
enum { STP_TYPE_CONFIG = 0x00, STP_TYPE_RSTP = 0x02, STP_TYPE_TCN = 0x80 };

/*
 * IEEE 802.1D-2004 clause 9.3 (and 802.1Q clause 14 for MSTP/SPB):
 *
 * protocol id (2) | version (1) | BPDU type (1) | flags (1) | root id (8) |
 * root path cost (4) | bridge id (8) | port id (2) | message age (2) |
 * max age (2) | hello time (2) | forward delay (2) | version 1 length (1) ...
 *
 * Only where the BPDU lies is kept: the printer and the JSON read it again.
 */
int proto_stp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);

	if (l->net == PKT_PROTO_NONE)
		l->net = PKT_PROTO_STP;
	if (!pkt_peek(c, 4))
		return proto_short(m, 4);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok stp_flag_names[] = {
	{ 0x01, "Topology change" }, { 0x02, "Proposal" },  { 0x10, "Learn" },
	{ 0x20, "Forward" },	     { 0x40, "Agreement" }, { 0x80, "Topology change ACK" },
	{ 0, NULL },
};

static const char *const stp_role_names[] = { "Unknown", "Alternate", "Root", "Designated" };

static void put_bridge_id(struct pbuf *b, const struct msg *g, size_t off)
{
	pbuf_hex(b, msg_u8(g, off), 2);
	pbuf_hex(b, msg_u8(g, off + 1), 2);
	pbuf_putc(b, '.');
	pbuf_mac(b, g->p + off + 2);
}

/* STP timers count 1/256 s: "%.2fs" of the float tcpdump computes. */
static void put_time(struct pbuf *b, uint16_t v)
{
	msg_printf(b, "%.2fs", (double)((float)v / 256));
}

static void put_timers(struct pbuf *b, const struct msg *g)
{
	pbuf_puts(b, "\n\tmessage-age ");
	put_time(b, msg_u16(g, 27));
	pbuf_puts(b, ", max-age ");
	put_time(b, msg_u16(g, 29));
	pbuf_puts(b, ", hello-time ");
	put_time(b, msg_u16(g, 31));
	pbuf_puts(b, ", forwarding-delay ");
	put_time(b, msg_u16(g, 33));
}

/* false: cut by the capture */
static bool put_config(struct line *x, const struct msg *g)
{
	struct pbuf *b = &x->b;
	uint8_t flags;

	if (!msg_has(g, 4, 1))
		return false;
	flags = msg_u8(g, 4);
	pbuf_puts(b, ", Flags [");
	msg_bits_put(b, stp_flag_names, "none", flags, ", ");
	pbuf_putc(b, ']');
	if (!msg_has(g, 17, 10))
		return false;
	pbuf_puts(b, ", bridge-id ");
	put_bridge_id(b, g, 17);
	pbuf_putc(b, '.');
	pbuf_hex(b, msg_u16(g, 25), 4);
	pbuf_puts(b, ", length ");
	pbuf_u32(b, g->len);
	if (!line_verbosity(x))
		return true;
	if (!msg_has(g, 27, 8))
		return false;
	put_timers(b, g);
	if (!msg_has(g, 5, 12))
		return false;
	pbuf_puts(b, "\n\troot-id ");
	put_bridge_id(b, g, 5);
	pbuf_puts(b, ", root-pathcost ");
	pbuf_u32(b, msg_u32(g, 13));
	if (msg_u8(g, 2) == STP_PROTO_RSTP) {
		pbuf_puts(b, ", port-role ");
		pbuf_puts(b, stp_role_names[flags >> 2 & 3]);
	}
	return true;
}

static bool put_mstp(struct line *x, const struct msg *g)
{
	struct pbuf *b = &x->b;
	uint8_t flags;
	uint16_t v3len;

	if (!msg_has(g, 4, 1))
		return false;
	flags = msg_u8(g, 4);
	pbuf_puts(b, ", CIST Flags [");
	msg_bits_put(b, stp_flag_names, "none", flags, ", ");
	pbuf_puts(b, "], length ");
	pbuf_u32(b, g->len);
	if (!line_verbosity(x))
		return true;
	pbuf_puts(b, "\n\tport-role ");
	pbuf_puts(b, stp_role_names[flags >> 2 & 3]);
	pbuf_puts(b, ", ");
	if (!msg_has(g, 5, 12))
		return false;
	pbuf_puts(b, "CIST root-id ");
	put_bridge_id(b, g, 5);
	pbuf_puts(b, ", CIST ext-pathcost ");
	pbuf_u32(b, msg_u32(g, 13));
	if (!msg_has(g, 17, 8))
		return false;
	pbuf_puts(b, "\n\tCIST regional-root-id ");
	put_bridge_id(b, g, 17);
	pbuf_puts(b, ", ");
	if (!msg_has(g, 25, 2))
		return false;
	pbuf_puts(b, "CIST port-id ");
	pbuf_hex(b, msg_u16(g, 25), 4);
	pbuf_putc(b, ',');
	if (!msg_has(g, 27, 8))
		return false;
	put_timers(b, g);
	if (!msg_has(g, STP_V3LEN_OFF, 2))
		return false;
	v3len = msg_u16(g, STP_V3LEN_OFF);
	pbuf_puts(b, "\n\tv3len ");
	pbuf_u32(b, v3len);
	pbuf_puts(b, ", MCID Name ");
	if (!msg_has(g, 39, 32))
		return false;
	msg_put_text(b, g->p + 39, 32);
	if (!msg_has(g, 71, 18))
		return false;
	pbuf_puts(b, ", rev ");
	pbuf_u32(b, msg_u16(g, 71));
	pbuf_puts(b, ",\n\t\tdigest ");
	msg_hex(b, g->p + 73, 16);
	pbuf_puts(b, ", ");
	if (!msg_has(g, 89, 4))
		return false;
	pbuf_puts(b, "CIST int-root-pathcost ");
	pbuf_u32(b, msg_u32(g, 89));
	pbuf_putc(b, ',');
	if (!msg_has(g, 93, 8))
		return false;
	pbuf_puts(b, "\n\tCIST bridge-id ");
	put_bridge_id(b, g, 93);
	pbuf_puts(b, ", ");
	if (!msg_has(g, 101, 1))
		return false;
	pbuf_puts(b, "CIST remaining-hops ");
	pbuf_u32(b, msg_u8(g, 101));
	if (v3len > STP_MCID_LEN) {
		unsigned len = v3len - STP_MCID_LEN;

		for (size_t off = STP_MSTP_MIN; len >= STP_MSTI_LEN;
		     off += STP_MSTI_LEN, len -= STP_MSTI_LEN) {
			uint8_t f;

			if (!msg_has(g, off, 3))
				return false;
			f = msg_u8(g, off);
			pbuf_puts(b, "\n\tMSTI ");
			pbuf_u32(b, msg_u16(g, off + 1) & 0x0fff);
			pbuf_puts(b, ", Flags [");
			msg_bits_put(b, stp_flag_names, "none", f, ", ");
			pbuf_puts(b, "], port-role ");
			pbuf_puts(b, stp_role_names[f >> 2 & 3]);
			if (!msg_has(g, off + 1, 12))
				return false;
			pbuf_puts(b, "\n\t\tMSTI regional-root-id ");
			put_bridge_id(b, g, off + 1);
			pbuf_puts(b, ", pathcost ");
			pbuf_u32(b, msg_u32(g, off + 9));
			if (!msg_has(g, off + 13, 3))
				return false;
			pbuf_puts(b, "\n\t\tMSTI bridge-prio ");
			pbuf_u32(b, msg_u8(g, off + 13) >> 4);
			pbuf_puts(b, ", port-prio ");
			pbuf_u32(b, msg_u8(g, off + 14) >> 4);
			pbuf_puts(b, ", hops ");
			pbuf_u32(b, msg_u8(g, off + 15));
		}
	}
	return true;
}

static bool put_spb(struct line *x, const struct msg *g, size_t off)
{
	struct pbuf *b = &x->b;
	uint8_t a, fmt, con;

	if (!line_verbosity(x))
		return true;
	if (!msg_has(g, off, 2))
		return false;
	pbuf_puts(b, "\n\tv4len ");
	pbuf_u32(b, msg_u16(g, off));
	pbuf_puts(b, ", AUXMCID Name ");
	if (!msg_has(g, off + 3, 32))
		return false;
	msg_put_text(b, g->p + off + 3, 32);
	if (!msg_has(g, off + 35, 18))
		return false;
	pbuf_puts(b, ", Rev ");
	pbuf_u32(b, msg_u16(g, off + 35));
	pbuf_puts(b, ",\n\t\tdigest ");
	msg_hex(b, g->p + off + 37, 16);
	if (!msg_has(g, off + 53, 34))
		return false;
	a = msg_u8(g, off + 53);
	fmt = msg_u8(g, off + 55);
	con = msg_u8(g, off + 56);
	msg_printf(b,
		   "\n\tAgreement num %u, Discarded Agreement num %u, Agreement valid-flag %u,"
		   "\n\tRestricted role-flag: %u, Format id %u cap %u, Convention id %u cap %u,"
		   "\n\tEdge count %u, Agreement digest ",
		   a >> 6, a >> 4 & 3, a >> 3 & 1, a >> 2 & 1, fmt >> 4, fmt, con >> 4, con,
		   msg_u16(g, off + 57));
	msg_hex(b, g->p + off + 67, 20);
	return true;
}

static const char *const stp_version_names[] = { "802.1d", NULL, "802.1w", "802.1s", "802.1aq" };

/* true: done; false: the capture ends inside the BPDU */
static bool put_bpdu(struct line *x, const struct msg *g, bool *invalid)
{
	struct pbuf *b = &x->b;
	uint8_t version, type;
	uint32_t len = g->len;

	if (len < 4) {
		*invalid = true;
		return true;
	}
	if (!msg_has(g, 0, 2))
		return false;
	if (msg_u16(g, 0)) {
		pbuf_puts(b, "unknown STP version, length ");
		pbuf_u32(b, len);
		return true;
	}
	if (!msg_has(g, 2, 1))
		return false;
	version = msg_u8(g, 2);
	pbuf_puts(b, "STP ");
	if (version <= STP_PROTO_SPB && stp_version_names[version])
		pbuf_puts(b, stp_version_names[version]);
	else
		msg_printf(b, "Unknown STP protocol (0x%02x)", version);
	if (version > STP_PROTO_SPB || version == 1)
		return true;
	if (!msg_has(g, 3, 1))
		return false;
	type = msg_u8(g, 3);
	switch (type) {
	case STP_TYPE_CONFIG:
		pbuf_puts(b, ", Config");
		if (len < STP_CONFIG_LEN) {
			*invalid = true;
			return true;
		}
		return put_config(x, g);
	case STP_TYPE_RSTP:
		pbuf_puts(b, ", Rapid STP");
		break;
	case STP_TYPE_TCN:
		pbuf_puts(b, ", Topology Change");
		return true;
	default:
		msg_printf(b, ", Unknown BPDU Type (0x%02x)", type);
		return true;
	}
	if (version == STP_PROTO_RSTP) {
		if (len < STP_RSTP_LEN) {
			*invalid = true;
			return true;
		}
		return put_config(x, g);
	}
	if (version == STP_PROTO_MSTP || version == STP_PROTO_SPB) {
		uint32_t v3, v4;

		if (len < STP_MSTP_MIN) {
			*invalid = true;
			return true;
		}
		if (!msg_has(g, 35, 1))
			return false;
		if (msg_u8(g, 35)) {
			*invalid = true;
			return true;
		}
		if (!msg_has(g, STP_V3LEN_OFF, 2))
			return false;
		v3 = msg_u16(g, STP_V3LEN_OFF) + 2u;
		if (len < STP_RSTP_LEN + v3) {
			*invalid = true;
			return true;
		}
		if (!put_mstp(x, g))
			return false;
		if (version == STP_PROTO_SPB) {
			if (!msg_has(g, STP_V3LEN_OFF + v3, 2))
				return false;
			v4 = msg_u16(g, STP_V3LEN_OFF + v3) + 2u;
			if (len < STP_RSTP_LEN + v3 + v4 || v4 < STP_SPB_MIN) {
				*invalid = true;
				return true;
			}
			return put_spb(x, g, STP_RSTP_LEN + v3);
		}
	}
	return true;
}

bool proto_stp_print(struct line *x)
{
	bool invalid = false;
	struct msg g;

	if (!msg_of(&g, x))
		return msg_trunc(x, "stp");
	if (!put_bpdu(x, &g, &invalid))
		return msg_trunc(x, "stp");
	if (invalid)
		pbuf_puts(&x->b, " (invalid)");
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_bgp_cap.c: the capabilities of a BGP OPEN (RFC 5492) as tcpdump 4.99
 * prints them: multiprotocol, graceful restart, 4-byte AS, add-path, multiple
 * labels, and the ones it only names (4.99 knows neither BGPsec's, the
 * extended message's nor the role's: they print as unknown).
 */
#include "config.h"

#include "decode/proto_bgp.h"

enum {
	CAP_MP = 1,
	CAP_RR = 2,
	CAP_ORF = 3,
	CAP_MR = 4,
	CAP_EXT_NH = 5,
	CAP_ML = 8,
	CAP_RESTART = 64,
	CAP_AS_NEW = 65,
	CAP_DYN_CAP = 67,
	CAP_MULTISESS = 68,
	CAP_ADD_PATH = 69,
	CAP_ENH_RR = 70,
	CAP_LLGR = 71,
	CAP_RR_CISCO = 128,
};

static const struct msg_tok bgp_cap_names[] = {
	{ CAP_MP, "Multiprotocol Extensions" },
	{ CAP_RR, "Route Refresh" },
	{ CAP_ORF, "Cooperative Route Filtering" },
	{ CAP_MR, "Multiple Routes to a Destination" },
	{ CAP_EXT_NH, "Extended Next Hop Encoding" },
	{ CAP_ML, "Multiple Labels" },
	{ CAP_RESTART, "Graceful Restart" },
	{ CAP_AS_NEW, "32-Bit AS Number" },
	{ CAP_DYN_CAP, "Dynamic Capability" },
	{ CAP_MULTISESS, "Multisession BGP" },
	{ CAP_ADD_PATH, "Multiple Paths" },
	{ CAP_ENH_RR, "Enhanced Route Refresh" },
	{ CAP_LLGR, "Long-lived Graceful Restart" },
	{ CAP_RR_CISCO, "Route Refresh (Cisco)" },
	{ 0, NULL },
};

static const struct msg_tok bgp_add_path_names[] = {
	{ 1, "Receive" },
	{ 2, "Send" },
	{ 3, "Both" },
	{ 0, NULL },
};

/* "AFI IPv4 (1), SAFI Unicast (1)" of the AFI at off and the SAFI at safi_off (captured) */
static void bgp_cap_afi_safi(struct bgp_pr *r, size_t off, size_t safi_off)
{
	uint16_t afi = msg_u16(&r->g, off);
	uint8_t safi = msg_u8(&r->g, safi_off);

	pbuf_puts(r->b, "AFI ");
	msg_tok_put(r->b, bgp_afi_names, "Unknown", afi);
	msg_printf(r->b, " (%u), SAFI ", afi);
	msg_tok_put(r->b, bgp_safi_names, "Unknown", safi);
	msg_printf(r->b, " (%u)", safi);
}

/* One capability's value, len bytes at off (captured); false: tcpdump stops the list. */
static bool bgp_cap_value(struct bgp_pr *r, uint8_t type, size_t off, size_t len)
{
	struct pbuf *b = r->b;
	const struct msg *g = &r->g;

	switch (type) {
	case CAP_MP:
		if (len < 4) {
			pbuf_puts(b, " (too short, < 4)");
			return false;
		}
		pbuf_puts(b, "\n\t\t");
		bgp_cap_afi_safi(r, off, off + 3);
		break;
	case CAP_ML:
		for (size_t t = len, o = off; t >= 4; t -= 4, o += 4) {
			pbuf_puts(b, "\n\t\t");
			bgp_cap_afi_safi(r, o, o + 2);
			msg_printf(b, ", Count: %u", msg_u8(g, o + 3));
		}
		break;
	case CAP_RESTART:
		if (len < 2) {
			pbuf_puts(b, " (too short, < 2)");
			return false;
		}
		/* 4.99 names the restart state bit only (RFC 4724's R, not RFC 8538's N) */
		msg_printf(b, "\n\t\tRestart Flags: [%s], Restart Time %us",
			   msg_u8(g, off) & 0x80 ? "R" : "none", msg_u16(g, off) & 0xfff);
		for (size_t t = len - 2, o = off + 2; t >= 4; t -= 4, o += 4) {
			pbuf_puts(b, "\n\t\t  ");
			bgp_cap_afi_safi(r, o, o + 2);
			pbuf_puts(b, ", Forwarding state preserved: ");
			pbuf_puts(b, msg_u8(g, o + 3) & 0x80 ? "yes" : "no");
		}
		break;
	case CAP_RR:
	case CAP_LLGR:
	case CAP_RR_CISCO:
		break;
	case CAP_AS_NEW:
		if (len < 4) {
			pbuf_puts(b, " (too short, < 4)");
			return false;
		}
		pbuf_puts(b, "\n\t\t 4 Byte AS ");
		bgp_as(r, msg_u32(g, off));
		break;
	case CAP_ADD_PATH:
		if (len == 0) {
			pbuf_puts(b, " (bogus)");
			break;
		}
		for (size_t t = len, o = off; t; t -= 4, o += 4) {
			if (t < 4) {
				bgp_invalid(r);
				break;
			}
			pbuf_puts(b, "\n\t\t");
			bgp_cap_afi_safi(r, o, o + 2);
			pbuf_puts(b, ", Send/Receive: ");
			msg_tok_put(b, bgp_add_path_names, "Bogus (0x%02x)", msg_u8(g, o + 3));
		}
		break;
	default:
		msg_printf(b, "\n\t\tno decoder for Capability %u", type);
		if (r->verbosity <= 1)
			bgp_unknown(r, off, len, "\n\t\t");
		break;
	}
	return true;
}

void bgp_caps_print(struct bgp_pr *r, size_t off, size_t caps_len)
{
	struct pbuf *b = r->b;

	for (size_t i = 0; i < caps_len;) {
		uint8_t type, len;

		if (!msg_has(&r->g, off + i, 2))
			goto trunc;
		type = msg_u8(&r->g, off + i);
		len = msg_u8(&r->g, off + i + 1);
		pbuf_puts(b, "\n\t      ");
		msg_tok_put(b, bgp_cap_names, "Unknown", type);
		msg_printf(b, " (%u), length: %u", type, len);
		if (!msg_has(&r->g, off + i + 2, len))
			goto trunc;
		if (!bgp_cap_value(r, type, off + i + 2, len))
			return;
		if (r->verbosity > 1 && len)
			bgp_unknown(r, off + i + 2, len, "\n\t\t");
		i += 2u + len;
	}
	return;
trunc:
	bgp_trunc(r);
}

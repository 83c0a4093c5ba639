/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ip6_mobility.c: the IPv6 mobility header (RFC 6275 6.1), printed as tcpdump 4.99 does. */
#include "config.h"

#include "decode/pkt.h"
#include "decode/proto_ip6_ext.h"

/*
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Payload Proto |  Header Len   |   MH Type     |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 * .                       Message Data                            .
 */
enum { MH_BRR, MH_HOTI, MH_COTI, MH_HOT, MH_COT, MH_BU, MH_BA, MH_BE, MH_MAX = MH_BE };

static const char *const mh_names[] = { "BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE" };
/* the least header length of each type */
static const unsigned mh_min[] = { 8, 16, 16, 24, 24, 16, 16, 24 };

struct mh {
	struct pbuf *b;
	const uint8_t *p;
	size_t cap;
};

static bool mh_have(const struct mh *m, size_t end)
{
	return end <= m->cap;
}

/* "Home Init Cookie=01020304:05060708" */
static void mh_pair(struct pbuf *b, const char *who, const char *what, const uint8_t *p)
{
	pbuf_putc(b, ' ');
	pbuf_puts(b, who);
	pbuf_puts(b, what);
	pbuf_putc(b, '=');
	pbuf_hex(b, pkt_be32(p), 8);
	pbuf_putc(b, ':');
	pbuf_hex(b, pkt_be32(p + 4), 8);
}

/*
 * The options after the fixed part, [off, end).  tcpdump 4.99 checks that
 * the byte after each option was captured before printing it, so the last
 * option of a packet always ends in " [|mobility]": false then.
 */
static bool mh_opts(struct mh *m, size_t off, size_t end)
{
	struct pbuf *b = m->b;
	size_t optlen;

	for (size_t i = off; i < end; i += optlen) {
		const uint8_t *o = m->p + i;

		if (!mh_have(m, i + 1))
			return false;
		if (o[0] == 0) {
			optlen = 1;
		} else {
			if (end - i < 2 || !mh_have(m, i + 2))
				return false;
			optlen = o[1] + 2u;
		}
		if (i + optlen > end || !mh_have(m, i + optlen + 1))
			return false;
		/* tcpdump checks what is left of the header, not the option's own length */
		switch (o[0]) {
		case 0:
			pbuf_puts(b, "(pad1)");
			break;
		case 1:
			pbuf_puts(b, "(padn)");
			break;
		case 2: /* binding refresh advice, in units of 4 seconds */
			if (end - i < 4) {
				pbuf_puts(b, "(refresh: trunc)");
				return false;
			}
			if (!mh_have(m, i + 4))
				return false;
			pbuf_puts(b, "(refresh: ");
			pbuf_u32(b, (uint32_t)pkt_be16(o + 2) << 2);
			pbuf_putc(b, ')');
			break;
		case 3:
			if (end - i < 18) {
				pbuf_puts(b, "(altcoa: trunc)");
				return false;
			}
			if (!mh_have(m, i + 18))
				return false;
			pbuf_puts(b, "(alt-CoA: ");
			pbuf_ip6(b, o + 2);
			pbuf_putc(b, ')');
			break;
		case 4:
			if (end - i < 6) {
				pbuf_puts(b, "(ni: trunc)");
				return false;
			}
			if (!mh_have(m, i + 6))
				return false;
			pbuf_puts(b, "(ni: ho=0x");
			pbuf_hex(b, pkt_be16(o + 2), 4);
			pbuf_puts(b, " co=0x");
			pbuf_hex(b, pkt_be16(o + 4), 4);
			pbuf_putc(b, ')');
			break;
		case 5:
			if (end - i < 12) {
				pbuf_puts(b, "(auth: trunc)");
				return false;
			}
			pbuf_puts(b, "(auth)");
			break;
		default:
			pbuf_puts(b, "(type-0x");
			pbuf_hex(b, o[0], 2);
			pbuf_puts(b, ": len=");
			pbuf_u32(b, o[1]);
			pbuf_putc(b, ')');
			break;
		}
	}
	return true;
}

void ip6_mobility_print(struct pbuf *b, const uint8_t *p, size_t cap, unsigned verbosity)
{
	struct mh m = { .b = b, .p = p, .cap = cap };
	unsigned mhlen, type;
	size_t hlen;

	if (!mh_have(&m, 3))
		goto trunc;
	mhlen = ((unsigned)p[1] + 1) * 8;
	type = p[2];
	if (type <= MH_MAX && mhlen < mh_min[type]) {
		pbuf_puts(b, "(header length ");
		pbuf_u32(b, mhlen);
		pbuf_puts(b, " is too small for type ");
		pbuf_u32(b, type);
		pbuf_putc(b, ')');
		goto trunc;
	}
	pbuf_puts(b, "mobility: ");
	if (type > MH_MAX) {
		pbuf_puts(b, "type-#");
		pbuf_u32(b, type);
		pbuf_puts(b, " len=");
		pbuf_u32(b, p[1]);
		return;
	}
	pbuf_puts(b, mh_names[type]);
	hlen = 8;
	switch (type) {
	case MH_HOTI:
	case MH_COTI:
		if (verbosity) {
			if (!mh_have(&m, 16))
				goto trunc;
			mh_pair(b, type == MH_HOTI ? "Home" : "Care-of", " Init Cookie", p + 8);
		}
		hlen = 16;
		break;
	case MH_HOT:
	case MH_COT:
		if (!mh_have(&m, 8))
			goto trunc;
		pbuf_puts(b, " nonce id=0x");
		pbuf_hex(b, pkt_be16(p + 6), 1);
		if (verbosity) {
			const char *who = type == MH_HOT ? "Home" : "Care-of";

			if (!mh_have(&m, 16))
				goto trunc;
			mh_pair(b, who, " Init Cookie", p + 8);
			if (!mh_have(&m, 24))
				goto trunc;
			mh_pair(b, who, " Keygen Token", p + 16);
		}
		hlen = 24;
		break;
	case MH_BU:
		/* each field as far as captured, as tcpdump reads them one by one */
		if (!mh_have(&m, 8))
			goto trunc;
		pbuf_puts(b, " seq#=");
		pbuf_u32(b, pkt_be16(p + 6));
		if (!mh_have(&m, 10))
			goto trunc;
		if (p[8] & 0xf0) {
			pbuf_putc(b, ' ');
			if (p[8] & 0x80)
				pbuf_putc(b, 'A');
			if (p[8] & 0x40)
				pbuf_putc(b, 'H');
			if (p[8] & 0x20)
				pbuf_putc(b, 'L');
			if (p[8] & 0x10)
				pbuf_putc(b, 'K');
		}
		if (!mh_have(&m, 12))
			goto trunc;
		pbuf_puts(b, " lifetime=");
		pbuf_u32(b, (uint32_t)pkt_be16(p + 10) << 2);
		hlen = 12;
		break;
	case MH_BA:
		if (!mh_have(&m, 7))
			goto trunc;
		pbuf_puts(b, " status=");
		pbuf_u32(b, p[6]);
		if (!mh_have(&m, 8))
			goto trunc;
		if (p[7] & 0x80)
			pbuf_puts(b, " K");
		if (!mh_have(&m, 10))
			goto trunc;
		pbuf_puts(b, " seq#=");
		pbuf_u32(b, pkt_be16(p + 8));
		if (!mh_have(&m, 12))
			goto trunc;
		pbuf_puts(b, " lifetime=");
		pbuf_u32(b, (uint32_t)pkt_be16(p + 10) << 2);
		hlen = 12;
		break;
	case MH_BE:
		if (!mh_have(&m, 7))
			goto trunc;
		pbuf_puts(b, " status=");
		pbuf_u32(b, p[6]);
		if (!mh_have(&m, 24))
			goto trunc;
		pbuf_puts(b, " homeaddr ");
		pbuf_ip6(b, p + 8);
		hlen = 24;
		break;
	default:
		break;
	}
	if (verbosity && !mh_opts(&m, hlen, mhlen))
		goto trunc;
	return;
trunc:
	pbuf_puts(b, " [|mobility]");
}

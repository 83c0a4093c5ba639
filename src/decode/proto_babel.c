/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_babel.c: the Babel routing protocol (RFC 8966, its drafts and
 * extensions: RFC 7557 diversity, RTT timestamps, source-specific routing,
 * MAC authentication; UDP 6696, and 6697 its old port) as tcpdump 4.99
 * prints it.
 */
#include "config.h"

#include <string.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

int proto_babel_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_BABEL;
	return PKT_PROTO_NONE;
}

enum {
	BABEL_PAD1 = 0,
	BABEL_PADN,
	BABEL_ACK_REQ,
	BABEL_ACK,
	BABEL_HELLO,
	BABEL_IHU,
	BABEL_ROUTER_ID,
	BABEL_NH,
	BABEL_UPDATE,
	BABEL_ROUTE_REQUEST,
	BABEL_SEQNO_REQUEST,
	BABEL_TSPC,
	BABEL_HMAC,
	BABEL_SS_UPDATE,
	BABEL_SS_REQUEST,
	BABEL_SS_MH_REQUEST,
	BABEL_MAC,
	BABEL_PC,
	BABEL_CHALLENGE_REQUEST,
	BABEL_CHALLENGE_REPLY,
};

/* Where a TLV walk stopped: the whole body printed, the capture ended, the body lied. */
enum { BABEL_OK = 0, BABEL_TRUNC = -1, BABEL_INVALID = -2 };

static const uint8_t v4_mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

static void babel_id(struct pbuf *b, const uint8_t *id)
{
	for (int i = 0; i < 8; i++) {
		if (i)
			pbuf_putc(b, ':');
		pbuf_hex(b, id[i], 2);
	}
}

static void babel_prefix(struct pbuf *b, const uint8_t *p, unsigned plen)
{
	if (plen >= 96 && !memcmp(p, v4_mapped, 12)) {
		pbuf_ip4(b, p + 12);
		plen -= 96;
	} else {
		pbuf_ip6(b, p);
	}
	msg_printf(b, "/%u", plen & 0xff);
}

static void babel_address(struct pbuf *b, const uint8_t *p)
{
	if (!memcmp(p, v4_mapped, 12))
		pbuf_ip4(b, p + 12);
	else
		pbuf_ip6(b, p);
}

static void babel_interval(struct pbuf *b, uint16_t i)
{
	if (!i)
		pbuf_puts(b, "0.0s (bogus)");
	else
		msg_printf(b, "%u.%02us", i / 100, i % 100);
}

static void babel_interval_update(struct pbuf *b, uint16_t i)
{
	if (i == 0xffff)
		pbuf_puts(b, "infinity");
	else
		babel_interval(b, i);
}

static void babel_timestamp(struct pbuf *b, uint32_t t)
{
	msg_printf(b, "%u.%06us", t / 1000000, t % 1000000);
}

/*
 * A prefix of address encoding ae and plen bits (plen < 0: a whole address)
 * from p, len bytes there, omitted bytes taken from dp: into out; the bytes
 * it took from p, or -1 when it cannot be decoded.
 */
static int babel_network_prefix(int ae, int plen, unsigned omitted, const uint8_t *p,
				const uint8_t *dp, unsigned len, uint8_t out[16])
{
	unsigned pb = plen >= 0 ? ((unsigned)plen + 7) / 8 : ae == 1 ? 4 : 16;
	uint8_t prefix[16] = { 0 };
	int used = 0;

	if (pb > 16)
		return -1;
	switch (ae) {
	case 0:
		break;
	case 1:
		if (omitted > 4 || pb > 4 || (pb > omitted && len < pb - omitted))
			return -1;
		memcpy(prefix, v4_mapped, 12);
		if (omitted) {
			if (!dp)
				return -1;
			memcpy(prefix, dp, 12 + omitted);
		}
		if (pb > omitted) {
			memcpy(prefix + 12 + omitted, p, pb - omitted);
			used = (int)(pb - omitted);
		}
		break;
	case 2:
		if (omitted > 16 || (pb > omitted && len < pb - omitted))
			return -1;
		if (omitted) {
			if (!dp)
				return -1;
			memcpy(prefix, dp, omitted);
		}
		if (pb > omitted) {
			memcpy(prefix + omitted, p, pb - omitted);
			used = (int)(pb - omitted);
		}
		break;
	case 3:
		if (pb > 8 && len < pb - 8)
			return -1;
		prefix[0] = 0xfe;
		prefix[1] = 0x80;
		if (pb > 8) {
			memcpy(prefix + 8, p, pb - 8);
			used = (int)(pb - 8);
		}
		break;
	default:
		return -1;
	}
	memcpy(out, prefix, 16);
	return used;
}

/* The sub-TLVs in a TLV's extra data, from p to end (all captured). */
static void babel_subtlvs(struct pbuf *b, const uint8_t *p, const uint8_t *end, uint8_t type)
{
	while (p < end) {
		uint8_t sub = *p++, sublen;

		if (sub == 0) {
			pbuf_puts(b, " sub-pad1");
			continue;
		}
		if (sub & 0x80)
			pbuf_puts(b, " (M)");
		if (p == end)
			goto invalid;
		sublen = *p++;
		if (p + sublen > end)
			goto invalid;
		switch (sub) {
		case 1:
			pbuf_puts(b, " sub-padn");
			break;
		case 2:
			pbuf_puts(b, " sub-diversity");
			if (!sublen) {
				pbuf_puts(b, " empty");
				break;
			}
			for (unsigned i = 0; i < sublen; i++) {
				pbuf_putc(b, i ? '-' : ' ');
				if (p[i] == 0)
					pbuf_puts(b, "reserved");
				else if (p[i] == 255)
					pbuf_puts(b, "all");
				else
					pbuf_u32(b, p[i]);
			}
			if (type != BABEL_UPDATE && type != BABEL_SS_UPDATE)
				pbuf_puts(b, " (bogus)");
			break;
		case 3:
			pbuf_puts(b, " sub-timestamp");
			if (type == BABEL_HELLO) {
				if (sublen < 4)
					goto invalid;
				pbuf_putc(b, ' ');
				babel_timestamp(b, pkt_be32(p));
			} else if (type == BABEL_IHU) {
				if (sublen < 8)
					goto invalid;
				pbuf_putc(b, ' ');
				babel_timestamp(b, pkt_be32(p));
				pbuf_putc(b, '|');
				babel_timestamp(b, pkt_be32(p + 4));
			} else {
				pbuf_puts(b, " (bogus)");
			}
			break;
		default:
			msg_printf(b, " sub-unknown-0x%02x", sub);
			break;
		}
		p += sublen;
	}
	return;
invalid:
	pbuf_puts(b, " (invalid)");
}

/* Everything a TLV prints at -v; false when its body is invalid. */
static bool babel_tlv_v(struct pbuf *b, const uint8_t *m, unsigned len, uint8_t v4p[16],
			uint8_t v6p[16])
{
	const uint8_t *end = m + 2 + len;
	uint8_t type = m[0], pfx[16], src[16];
	int rc, rc2;

	switch (type) {
	case BABEL_PADN:
		msg_printf(b, "\n\tPad %u", len + 2);
		return true;
	case BABEL_ACK_REQ:
		pbuf_puts(b, "\n\tAcknowledgment Request ");
		if (len < 6)
			return false;
		msg_printf(b, "%04x ", pkt_be16(m + 4));
		babel_interval(b, pkt_be16(m + 6));
		return true;
	case BABEL_ACK:
		pbuf_puts(b, "\n\tAcknowledgment ");
		if (len < 2)
			return false;
		msg_printf(b, "%04x", pkt_be16(m + 2));
		return true;
	case BABEL_HELLO:
		pbuf_puts(b, "\n\tHello ");
		if (len < 6)
			return false;
		if (pkt_be16(m + 2) & 0x8000)
			pbuf_puts(b, "(Unicast) ");
		msg_printf(b, "seqno %u ", pkt_be16(m + 4));
		if (pkt_be16(m + 6)) {
			pbuf_puts(b, "interval ");
			babel_interval(b, pkt_be16(m + 6));
		} else {
			pbuf_puts(b, "unscheduled");
		}
		if (len > 6)
			babel_subtlvs(b, m + 8, end, type);
		return true;
	case BABEL_IHU:
		pbuf_puts(b, "\n\tIHU ");
		if (len < 6)
			return false;
		rc = babel_network_prefix(m[2], -1, 0, m + 8, NULL, len - 6, pfx);
		if (rc < 0) {
			pbuf_puts(b, " [|babel]");
			return true;
		}
		if (m[2] == 0)
			pbuf_puts(b, "any");
		else
			babel_address(b, pfx);
		msg_printf(b, " rxcost %u interval ", pkt_be16(m + 4));
		babel_interval(b, pkt_be16(m + 6));
		if ((unsigned)rc < len - 6)
			babel_subtlvs(b, m + 8 + rc, end, type);
		return true;
	case BABEL_ROUTER_ID:
		pbuf_puts(b, "\n\tRouter Id");
		if (len < 10)
			return false;
		pbuf_putc(b, ' ');
		babel_id(b, m + 4);
		return true;
	case BABEL_NH:
		pbuf_puts(b, "\n\tNext Hop");
		if (len < 2)
			return false;
		rc = babel_network_prefix(m[2], -1, 0, m + 4, NULL, len - 2, pfx);
		if (rc < 0)
			return false;
		pbuf_putc(b, ' ');
		if (m[2] == 0)
			pbuf_puts(b, "invalid AE 0");
		else
			babel_address(b, pfx);
		return true;
	case BABEL_UPDATE:
		pbuf_puts(b, "\n\tUpdate");
		if (len < 10)
			return false;
		rc = babel_network_prefix(m[2], m[4], m[5], m + 12, m[2] == 1 ? v4p : v6p, len - 10,
					  pfx);
		if (rc < 0)
			return false;
		msg_printf(b, "%s%s%s ", m[3] & 0x80 ? "/prefix" : "", m[3] & 0x40 ? "/id" : "",
			   m[3] & 0x3f ? "/unknown" : "");
		if (m[2] == 0)
			pbuf_puts(b, "any");
		else
			babel_prefix(b, pfx, (uint8_t)(m[4] + (m[2] == 1 ? 96 : 0)));
		msg_printf(b, " metric %u seqno %u interval ", pkt_be16(m + 10), pkt_be16(m + 8));
		babel_interval_update(b, pkt_be16(m + 6));
		if (m[3] & 0x80)
			memcpy(m[2] == 1 ? v4p : v6p, pfx, 16);
		if ((unsigned)rc < len - 10)
			babel_subtlvs(b, m + 12 + rc, end, type);
		return true;
	case BABEL_ROUTE_REQUEST:
		pbuf_puts(b, "\n\tRoute Request ");
		if (len < 2)
			return false;
		rc = babel_network_prefix(m[2], m[3], 0, m + 4, NULL, len - 2, pfx);
		if (rc < 0)
			return false;
		pbuf_puts(b, "for ");
		if (m[2] == 0)
			pbuf_puts(b, "any");
		else
			babel_prefix(b, pfx, (uint8_t)(m[3] + (m[2] == 1 ? 96 : 0)));
		return true;
	case BABEL_SEQNO_REQUEST:
		pbuf_puts(b, "\n\tSeqno Request ");
		if (len < 14)
			return false;
		rc = babel_network_prefix(m[2], m[3], 0, m + 16, NULL, len - 14, pfx);
		if (rc < 0)
			return false;
		msg_printf(b, "(%u hops) for ", m[6]);
		if (m[2] == 0)
			pbuf_puts(b, "invalid AE 0");
		else
			babel_prefix(b, pfx, (uint8_t)(m[3] + (m[2] == 1 ? 96 : 0)));
		msg_printf(b, " seqno %u id ", pkt_be16(m + 4));
		babel_id(b, m + 8);
		return true;
	case BABEL_TSPC:
		pbuf_puts(b, "\n\tTS/PC ");
		if (len < 6)
			return false;
		msg_printf(b, "timestamp %u packetcounter %u", pkt_be32(m + 4), pkt_be16(m + 2));
		return true;
	case BABEL_HMAC:
		pbuf_puts(b, "\n\tHMAC ");
		if (len < 18)
			return false;
		msg_printf(b, "key-id %u digest-%u ", pkt_be16(m + 2), len - 2);
		for (unsigned j = 0; j < len - 2; j++)
			msg_printf(b, "%02X", m[j + 4]);
		return true;
	case BABEL_SS_UPDATE: {
		unsigned parsed = 10, plen = m[4], splen = m[3];

		pbuf_puts(b, "\n\tSS-Update");
		if (len < 10)
			return false;
		rc = babel_network_prefix(m[2], m[4], m[5], m + 2 + parsed, m[2] == 1 ? v4p : v6p,
					  len - parsed, pfx);
		if (rc < 0)
			return false;
		parsed += (unsigned)rc;
		rc2 = babel_network_prefix(m[2], m[3], 0, m + 2 + parsed, NULL, len - parsed, src);
		if (rc2 < 0)
			return false;
		parsed += (unsigned)rc2;
		if (m[2] == 1) {
			plen += 96;
			splen += 96;
		}
		pbuf_putc(b, ' ');
		babel_prefix(b, pfx, (uint8_t)plen);
		pbuf_puts(b, " from ");
		babel_prefix(b, src, (uint8_t)splen);
		msg_printf(b, " metric %u seqno %u interval ", pkt_be16(m + 10), pkt_be16(m + 8));
		babel_interval_update(b, pkt_be16(m + 6));
		if (parsed < len)
			babel_subtlvs(b, m + 2 + parsed, end, type);
		return true;
	}
	case BABEL_SS_REQUEST:
	case BABEL_SS_MH_REQUEST: {
		bool mh = type == BABEL_SS_MH_REQUEST;
		unsigned parsed = mh ? 14 : 3, plen = m[3], splen = mh ? m[7] : m[4];

		pbuf_puts(b, mh ? "\n\tSS-MH-Request " : "\n\tSS-Request ");
		if (len < parsed)
			return false;
		rc = babel_network_prefix(m[2], (int)plen, 0, m + 2 + parsed, NULL, len - parsed,
					  pfx);
		if (rc < 0)
			return false;
		parsed += (unsigned)rc;
		rc2 = babel_network_prefix(m[2], (int)splen, 0, m + 2 + parsed, NULL, len - parsed,
					   src);
		if (rc2 < 0)
			return false;
		if (m[2] == 1) {
			plen += 96;
			splen += 96;
		}
		if (mh) {
			msg_printf(b, "(%u hops) for (", m[6]);
		} else if (m[2] == 0) {
			pbuf_puts(b, "for any");
			return true;
		} else {
			pbuf_puts(b, "for (");
		}
		babel_prefix(b, pfx, (uint8_t)plen);
		pbuf_puts(b, ", ");
		babel_prefix(b, src, (uint8_t)splen);
		pbuf_putc(b, ')');
		if (mh) {
			msg_printf(b, " seqno %u id ", pkt_be16(m + 4));
			babel_id(b, m + 8);
		}
		return true;
	}
	case BABEL_MAC:
		msg_printf(b, "\n\tMAC len %u", len);
		return true;
	case BABEL_PC:
		pbuf_puts(b, "\n\tPC");
		if (len < 4)
			return false;
		msg_printf(b, " value %u index len %u", pkt_be32(m + 2), len - 4);
		return true;
	case BABEL_CHALLENGE_REQUEST:
	case BABEL_CHALLENGE_REPLY:
		pbuf_puts(b, type == BABEL_CHALLENGE_REQUEST ? "\n\tChallenge Request" :
							       "\n\tChallenge Reply");
		if (len > 192)
			return false;
		msg_printf(b, " len %u", len);
		return true;
	default:
		msg_printf(b, "\n\tUnknown message type %u", type);
		return true;
	}
}

static const char *const babel_short[] = {
	[BABEL_PADN] = " padN",
	[BABEL_ACK_REQ] = " ack-req",
	[BABEL_ACK] = " ack",
	[BABEL_HELLO] = " hello",
	[BABEL_IHU] = " ihu",
	[BABEL_ROUTER_ID] = " router-id",
	[BABEL_NH] = " nh",
	[BABEL_UPDATE] = " update",
	[BABEL_ROUTE_REQUEST] = " route-request",
	[BABEL_SEQNO_REQUEST] = " seqno-request",
	[BABEL_TSPC] = " tspc",
	[BABEL_HMAC] = " hmac",
	[BABEL_SS_UPDATE] = " ss-update",
	[BABEL_SS_REQUEST] = " ss-request",
	[BABEL_SS_MH_REQUEST] = " ss-mh-request",
	[BABEL_MAC] = " mac",
	[BABEL_PC] = " pc",
	[BABEL_CHALLENGE_REQUEST] = " challenge_request",
	[BABEL_CHALLENGE_REPLY] = " challenge_reply",
};

/* The TLVs of a body (or trailer) of tlvs_len bytes at off, remaining bytes of the packet there. */
static int babel_tlvs(struct pbuf *b, const struct msg *g, size_t off, uint32_t tlvs_len,
		      uint32_t remaining, unsigned verbosity)
{
	uint8_t v4p[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0 };
	uint8_t v6p[16] = { 0 };
	uint32_t i = 0;

	while (i < tlvs_len) {
		const uint8_t *m;
		uint8_t type;
		unsigned len;

		if (i + 1 > tlvs_len || i + 1 > remaining)
			return BABEL_INVALID;
		if (!msg_has(g, off + i, 1))
			return BABEL_TRUNC;
		m = g->p + off + i;
		type = m[0];
		if (type == BABEL_PAD1) {
			pbuf_puts(b, verbosity ? "\n\tPad 1" : " pad1");
			i += 1;
			continue;
		}
		if (i + 2 > tlvs_len || i + 2 > remaining)
			return BABEL_INVALID;
		if (!msg_has(g, off + i, 2))
			return BABEL_TRUNC;
		len = m[1];
		if (i + 2 + len > tlvs_len || i + 2 + len > remaining)
			return BABEL_INVALID;
		if (!msg_has(g, off + i, 2 + len))
			return BABEL_TRUNC;
		if (!verbosity) {
			pbuf_puts(b, type < sizeof(babel_short) / sizeof(babel_short[0]) ?
					     babel_short[type] :
					     " unknown");
			if (type == BABEL_UPDATE) {
				if (len < 10)
					return BABEL_INVALID;
				msg_printf(b, "%s%s%s", m[3] & 0x80 ? "/prefix" : "",
					   m[3] & 0x40 ? "/id" : "", m[3] & 0x3f ? "/unknown" : "");
			}
		} else if (!babel_tlv_v(b, m, len, v4p, v6p)) {
			return BABEL_INVALID;
		}
		i += len + 2;
	}
	return BABEL_OK;
}

bool proto_babel_print(struct line *x)
{
	struct pbuf *b = &x->b;
	unsigned verbosity = line_verbosity(x);
	uint32_t length;
	uint16_t bodylen;
	struct msg g;
	int rc;

	pbuf_puts(b, "babel");
	if (!msg_of(&g, x) || !msg_has(&g, 0, 4))
		return msg_trunc(x, "babel");
	if (msg_u8(&g, 0) != 42) {
		pbuf_puts(b, " invalid header");
		return true;
	}
	msg_printf(b, " %u", msg_u8(&g, 1));
	if (msg_u8(&g, 1) != 2) {
		pbuf_puts(b, " unknown version");
		return true;
	}
	length = g.len;
	if (length < 4)
		goto invalid;
	bodylen = msg_u16(&g, 2);
	msg_printf(b, " (%u)", bodylen);
	length -= 4;
	if (length < bodylen)
		goto invalid;
	rc = babel_tlvs(b, &g, 4, bodylen, length, verbosity);
	if (rc == BABEL_TRUNC)
		return msg_trunc(x, "babel");
	if (rc == BABEL_INVALID)
		goto invalid;
	length -= bodylen;
	if (length) {
		pbuf_puts(b, verbosity ? "\n\t----" : " |");
		rc = babel_tlvs(b, &g, 4 + (size_t)bodylen, length, length, verbosity);
		if (rc == BABEL_TRUNC)
			return msg_trunc(x, "babel");
		if (rc == BABEL_INVALID)
			goto invalid;
	}
	return true;
invalid:
	pbuf_puts(b, " (invalid)");
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_l2tp_avp.c: L2TP control messages' AVPs (RFC 2661 4.4) as tcpdump 4.99 prints them. */
#include "config.h"

#include "decode/proto_l2tp.h"

enum {
	AVP_MSGTYPE = 0,
	AVP_RESULT_CODE = 1,
	AVP_PROTO_VER = 2,
	AVP_FRAMING_CAP = 3,
	AVP_BEARER_CAP = 4,
	AVP_TIE_BREAKER = 5,
	AVP_FIRM_VER = 6,
	AVP_HOST_NAME = 7,
	AVP_VENDOR_NAME = 8,
	AVP_ASSND_TUN_ID = 9,
	AVP_RECV_WIN_SIZE = 10,
	AVP_CHALLENGE = 11,
	AVP_Q931_CC = 12,
	AVP_CHALLENGE_RESP = 13,
	AVP_ASSND_SESS_ID = 14,
	AVP_CALL_SER_NUM = 15,
	AVP_MINIMUM_BPS = 16,
	AVP_MAXIMUM_BPS = 17,
	AVP_BEARER_TYPE = 18,
	AVP_FRAMING_TYPE = 19,
	AVP_PACKET_PROC_DELAY = 20,
	AVP_CALLED_NUMBER = 21,
	AVP_CALLING_NUMBER = 22,
	AVP_SUB_ADDRESS = 23,
	AVP_TX_CONN_SPEED = 24,
	AVP_PHY_CHANNEL_ID = 25,
	AVP_INI_RECV_LCP = 26,
	AVP_LAST_SENT_LCP = 27,
	AVP_LAST_RECV_LCP = 28,
	AVP_PROXY_AUTH_TYPE = 29,
	AVP_PROXY_AUTH_NAME = 30,
	AVP_PROXY_AUTH_CHAL = 31,
	AVP_PROXY_AUTH_ID = 32,
	AVP_PROXY_AUTH_RESP = 33,
	AVP_CALL_ERRORS = 34,
	AVP_ACCM = 35,
	AVP_RANDOM_VECTOR = 36,
	AVP_PRIVATE_GRP_ID = 37,
	AVP_RX_CONN_SPEED = 38,
	AVP_SEQ_REQUIRED = 39,
	AVP_PPP_DISCON_CC = 46,
};

static const struct msg_tok l2tp_avps[] = {
	{ 0, "MSGTYPE" },	    { 1, "RESULT_CODE" },	 { 2, "PROTO_VER" },
	{ 3, "FRAMING_CAP" },	    { 4, "BEARER_CAP" },	 { 5, "TIE_BREAKER" },
	{ 6, "FIRM_VER" },	    { 7, "HOST_NAME" },		 { 8, "VENDOR_NAME" },
	{ 9, "ASSND_TUN_ID" },	    { 10, "RECV_WIN_SIZE" },	 { 11, "CHALLENGE" },
	{ 12, "Q931_CC" },	    { 13, "CHALLENGE_RESP" },	 { 14, "ASSND_SESS_ID" },
	{ 15, "CALL_SER_NUM" },	    { 16, "MINIMUM_BPS" },	 { 17, "MAXIMUM_BPS" },
	{ 18, "BEARER_TYPE" },	    { 19, "FRAMING_TYPE" },	 { 20, "PACKET_PROC_DELAY" },
	{ 21, "CALLED_NUMBER" },    { 22, "CALLING_NUMBER" },	 { 23, "SUB_ADDRESS" },
	{ 24, "TX_CONN_SPEED" },    { 25, "PHY_CHANNEL_ID" },	 { 26, "INI_RECV_LCP" },
	{ 27, "LAST_SENT_LCP" },    { 28, "LAST_RECV_LCP" },	 { 29, "PROXY_AUTH_TYPE" },
	{ 30, "PROXY_AUTH_NAME" },  { 31, "PROXY_AUTH_CHAL" },	 { 32, "PROXY_AUTH_ID" },
	{ 33, "PROXY_AUTH_RESP" },  { 34, "CALL_ERRORS" },	 { 35, "ACCM" },
	{ 36, "RANDOM_VECTOR" },    { 37, "PRIVATE_GRP_ID" },	 { 38, "RX_CONN_SPEED" },
	{ 39, "SEQ_REQUIRED" },	    { 46, "PPP_DISCON_CC" },	 { 0, NULL },
};

static const struct msg_tok l2tp_msgtypes[] = {
	{ 1, "SCCRQ" }, { 2, "SCCRP" },	 { 3, "SCCCN" },  { 4, "StopCCN" }, { 6, "HELLO" },
	{ 7, "OCRQ" },	{ 8, "OCRP" },	 { 9, "OCCN" },	  { 10, "ICRQ" },   { 11, "ICRP" },
	{ 12, "ICCN" }, { 14, "CDN" },	 { 15, "WEN" },	  { 16, "SLI" },    { 0, NULL },
};

static const struct msg_tok l2tp_authtypes[] = {
	{ 0, "Reserved" }, { 1, "Textual" }, { 2, "CHAP" },	 { 3, "PAP" },
	{ 4, "No Auth" },  { 5, "MS-CHAPv1" }, { 0, NULL },
};

static const struct msg_tok l2tp_cc_directions[] = {
	{ 0, "global error" }, { 1, "at peer" }, { 2, "at local" }, { 0, NULL },
};

const char *proto_l2tp_avp_name(uint16_t type)
{
	return msg_tok_find(l2tp_avps, type);
}

const char *proto_l2tp_msgtype_name(uint16_t type)
{
	return msg_tok_find(l2tp_msgtypes, type);
}

/* An AVP's value: n bytes at p, all captured (the caller checked the AVP whole). */
struct avp_val {
	struct pbuf *b;
	const uint8_t *p;
	uint32_t n;
};

static bool avp_short(struct avp_val *v, uint32_t need)
{
	if (v->n >= need)
		return false;
	pbuf_puts(v->b, "AVP too short");
	return true;
}

static uint16_t avp_u16(const struct avp_val *v, uint32_t off)
{
	return (uint16_t)(v->p[off] << 8 | v->p[off + 1]);
}

static uint32_t avp_u32(const struct avp_val *v, uint32_t off)
{
	return (uint32_t)avp_u16(v, off) << 16 | avp_u16(v, off + 2);
}

/* tcpdump's print_string: every byte, as fn_print_char shows it */
static void avp_string(struct pbuf *b, const uint8_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		msg_put_char(b, p[i]);
}

static void avp_result_code(struct avp_val *v)
{
	if (avp_short(v, 2))
		return;
	pbuf_u32(v->b, avp_u16(v, 0));
	if (v->n == 2)
		return;
	if (v->n < 4) {
		pbuf_puts(v->b, " AVP too short");
		return;
	}
	msg_printf(v->b, "/%u", avp_u16(v, 2));
	if (v->n == 4)
		return;
	pbuf_putc(v->b, ' ');
	avp_string(v->b, v->p + 4, v->n - 4);
}

/* Two bits of a 32-bit value as letters: framing (A, S) and bearer (A, D) */
static void avp_bits(struct avp_val *v, char two, char one)
{
	uint32_t val;

	if (avp_short(v, 4))
		return;
	val = avp_u32(v, 0);
	if (val & 2)
		pbuf_putc(v->b, two);
	if (val & 1)
		pbuf_putc(v->b, one);
}

static void avp_q931(struct avp_val *v)
{
	if (avp_short(v, 3))
		return;
	msg_printf(v->b, "%u, %02x", avp_u16(v, 0), v->p[2]);
	if (v->n > 3) {
		pbuf_putc(v->b, ' ');
		avp_string(v->b, v->p + 3, v->n - 3);
	}
}

/* Call Errors and ACCM: a reserved word, then 32-bit counters, each checked as it comes. */
static void avp_counters(struct avp_val *v, const char *const *names, unsigned count, bool hex)
{
	uint32_t off = 2;

	if (avp_short(v, 2))
		return;
	for (unsigned i = 0; i < count; i++, off += 4) {
		if (v->n < off + 4) {
			pbuf_puts(v->b, "AVP too short");
			return;
		}
		pbuf_puts(v->b, names[i]);
		if (hex)
			msg_printf(v->b, "%08x ", avp_u32(v, off));
		else
			msg_printf(v->b, "%u ", avp_u32(v, off));
	}
}

static void avp_ppp_discon(struct avp_val *v)
{
	if (avp_short(v, 5))
		return;
	msg_printf(v->b, "%04x, %04x ", avp_u16(v, 0), avp_u16(v, 2));
	msg_tok_put(v->b, l2tp_cc_directions, "Direction-#%u", v->p[4]);
	if (v->n > 5) {
		pbuf_putc(v->b, ' ');
		avp_string(v->b, v->p + 5, v->n - 5);
	}
}

static void avp_value(struct avp_val *v, uint16_t type)
{
	static const char *const errors[] = { "CRCErr=", "FrameErr=", "HardOver=",
					      "BufOver=", "Timeout=", "AlignErr=" };
	static const char *const accm[] = { "send=", "recv=" };

	switch (type) {
	case AVP_MSGTYPE:
		if (!avp_short(v, 2))
			msg_tok_put(v->b, l2tp_msgtypes, "MSGTYPE-#%u", avp_u16(v, 0));
		break;
	case AVP_RESULT_CODE:
		avp_result_code(v);
		break;
	case AVP_PROTO_VER:
		if (!avp_short(v, 2))
			msg_printf(v->b, "%u.%u", v->p[0], v->p[1]);
		break;
	case AVP_FRAMING_CAP:
	case AVP_FRAMING_TYPE:
		avp_bits(v, 'A', 'S');
		break;
	case AVP_BEARER_CAP:
	case AVP_BEARER_TYPE:
		avp_bits(v, 'A', 'D');
		break;
	case AVP_TIE_BREAKER:
		if (!avp_short(v, 8))
			msg_hex(v->b, v->p, 8);
		break;
	case AVP_FIRM_VER:
	case AVP_ASSND_TUN_ID:
	case AVP_RECV_WIN_SIZE:
	case AVP_ASSND_SESS_ID:
		if (!avp_short(v, 2))
			pbuf_u32(v->b, avp_u16(v, 0));
		break;
	case AVP_HOST_NAME:
	case AVP_VENDOR_NAME:
	case AVP_CALLING_NUMBER:
	case AVP_CALLED_NUMBER:
	case AVP_SUB_ADDRESS:
	case AVP_PROXY_AUTH_NAME:
	case AVP_PRIVATE_GRP_ID:
		avp_string(v->b, v->p, v->n);
		break;
	case AVP_CHALLENGE:
	case AVP_INI_RECV_LCP:
	case AVP_LAST_SENT_LCP:
	case AVP_LAST_RECV_LCP:
	case AVP_PROXY_AUTH_CHAL:
	case AVP_PROXY_AUTH_RESP:
	case AVP_RANDOM_VECTOR:
		msg_hex(v->b, v->p, v->n);
		break;
	case AVP_Q931_CC:
		avp_q931(v);
		break;
	case AVP_CHALLENGE_RESP:
		if (!avp_short(v, 16))
			msg_hex(v->b, v->p, 16);
		break;
	case AVP_CALL_SER_NUM:
	case AVP_MINIMUM_BPS:
	case AVP_MAXIMUM_BPS:
	case AVP_TX_CONN_SPEED:
	case AVP_PHY_CHANNEL_ID:
	case AVP_RX_CONN_SPEED:
		if (!avp_short(v, 4))
			pbuf_u32(v->b, avp_u32(v, 0));
		break;
	case AVP_PACKET_PROC_DELAY:
		pbuf_puts(v->b, "obsolete");
		break;
	case AVP_PROXY_AUTH_TYPE:
		if (!avp_short(v, 2))
			msg_tok_put(v->b, l2tp_authtypes, "AuthType-#%u", avp_u16(v, 0));
		break;
	case AVP_PROXY_AUTH_ID:
		if (!avp_short(v, 2))
			pbuf_u32(v->b, avp_u16(v, 0) & 0xff);
		break;
	case AVP_CALL_ERRORS:
		avp_counters(v, errors, 6, false);
		break;
	case AVP_ACCM:
		avp_counters(v, accm, 2, true);
		break;
	case AVP_PPP_DISCON_CC:
		avp_ppp_discon(v);
		break;
	}
}

void proto_l2tp_avps_print(struct pbuf *b, const struct msg *g, uint32_t off, uint32_t n)
{
	while (n != 0) {
		uint16_t w, len, vendor;
		struct avp_val v;

		pbuf_putc(b, ' ');
		if (!msg_has(g, off, 2)) {
			msg_trunc_put(b, "l2tp");
			return;
		}
		w = msg_u16(g, off);
		len = w & L2TP_AVP_LEN;
		/* too short for its header, past the message, or past the capture */
		if (len < L2TP_AVP_HDR || len > n || !msg_has(g, off, len)) {
			msg_trunc_put(b, "l2tp");
			return;
		}
		if (w & L2TP_AVP_M)
			pbuf_putc(b, '*');
		if (w & L2TP_AVP_H)
			pbuf_putc(b, '?');
		vendor = msg_u16(g, off + 2);
		v = (struct avp_val){ b, g->p + off + L2TP_AVP_HDR, len - L2TP_AVP_HDR };
		if (vendor) {
			msg_printf(b, "VENDOR%04x:ATTR%04x(", vendor, msg_u16(g, off + 4));
			msg_hex(b, v.p, v.n);
			pbuf_putc(b, ')');
		} else {
			uint16_t type = msg_u16(g, off + 4);

			msg_tok_put(b, l2tp_avps, "AVP-#%u", type);
			pbuf_putc(b, '(');
			if (w & L2TP_AVP_H)
				pbuf_puts(b, "???");
			else
				avp_value(&v, type);
			pbuf_putc(b, ')');
		}
		off += len;
		n -= len;
	}
}

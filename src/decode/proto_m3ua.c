/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_m3ua.c: M3UA (RFC 4666), the SS7 MTP3 user adaptation layer SCTP
 * carries with PPID 3: tcpdump 4.99's text of it (print-m3ua.c), which SCTP
 * prints at -vv.
 */
#include "config.h"

#include "decode/proto_sctp.h"

#define M3UA_HDR_LEN   8
#define M3UA_PARAM_HDR 4

static const struct msg_tok m3ua_classes[] = {
	{ 0, "Management" }, { 1, "Transfer" }, { 2, "SS7" },
	{ 3, "ASP" },	     { 4, "ASP" },	{ 9, "Routing Key Management" },
	{ 0, NULL },
};

static const struct msg_tok m3ua_mgmt[] = { { 0, "Error" }, { 1, "Notify" }, { 0, NULL } };
static const struct msg_tok m3ua_transfer[] = { { 1, "Data" }, { 0, NULL } };
static const struct msg_tok m3ua_ssnm[] = {
	{ 1, "Destination Unavailable" },
	{ 2, "Destination Available" },
	{ 3, "Destination State Audit" },
	{ 4, "Signalling Congestion" },
	{ 5, "Destination User Part Unavailable" },
	{ 6, "Destination Restricted" },
	{ 0, NULL },
};
static const struct msg_tok m3ua_aspsm[] = {
	{ 1, "Up" },
	{ 2, "Down" },
	{ 3, "Heartbeat" },
	{ 4, "Up Acknowledgement" },
	{ 5, "Down Acknowledgement" },
	{ 6, "Heartbeat Acknowledgement" },
	{ 0, NULL },
};
static const struct msg_tok m3ua_asptm[] = {
	{ 1, "Active" },
	{ 2, "Inactive" },
	{ 3, "Active Acknowledgement" },
	{ 4, "Inactive Acknowledgement" },
	{ 0, NULL },
};
static const struct msg_tok m3ua_rkm[] = {
	{ 1, "Registration Request" },
	{ 2, "Registration Response" },
	{ 3, "Deregistration Request" },
	{ 4, "Deregistration Response" },
	{ 0, NULL },
};

static const struct msg_tok m3ua_params[] = {
	{ 0x0004, "INFO String" },
	{ 0x0006, "Routing Context" },
	{ 0x0007, "Diagnostic Info" },
	{ 0x0009, "Heartbeat Data" },
	{ 0x000b, "Traffic Mode Type" },
	{ 0x000c, "Error Code" },
	{ 0x000d, "Status" },
	{ 0x0011, "ASP Identifier" },
	{ 0x0012, "Affected Point Code" },
	{ 0x0013, "Correlation ID" },
	{ 0x0200, "Network Appearance" },
	{ 0x0204, "User/Cause" },
	{ 0x0205, "Congestion Indications" },
	{ 0x0206, "Concerned Destination" },
	{ 0x0207, "Routing Key" },
	{ 0x0208, "Registration Result" },
	{ 0x0209, "Deregistration Result" },
	{ 0x020a, "Local Routing Key Identifier" },
	{ 0x020b, "Destination Point Code" },
	{ 0x020c, "Service Indicators" },
	{ 0x020e, "Originating Point Code List" },
	{ 0x0210, "Protocol Data" },
	{ 0x0212, "Registration Status" },
	{ 0x0213, "Deregistration Status" },
	{ 0, NULL },
};

static const struct msg_tok *m3ua_dict(uint8_t cls)
{
	switch (cls) {
	case 0:
		return m3ua_mgmt;
	case 1:
		return m3ua_transfer;
	case 2:
		return m3ua_ssnm;
	case 3:
		return m3ua_aspsm;
	case 4:
		return m3ua_asptm;
	case 9:
		return m3ua_rkm;
	}
	return NULL;
}

/*
 * The parameters from off to end.  tcpdump 4.99 hands its value printer the
 * parameter's start, not its value: the 32-bit values it shows are the tag
 * and length words, as here.
 */
static void m3ua_params_print(struct pbuf *b, const struct msg *g, uint32_t off, uint32_t end)
{
	uint32_t p = off;

	while (p < end) {
		uint16_t tag, plen;
		uint32_t align;

		if (end - p < M3UA_PARAM_HDR) {
			pbuf_puts(b, " (invalid)");
			return;
		}
		tag = msg_u16(g, p);
		pbuf_puts(b, "\n\t\t\t");
		msg_tok_put(b, m3ua_params, "Unknown Parameter (0x%04x)", tag);
		pbuf_puts(b, ": ");
		plen = msg_u16(g, p + 2);
		if (plen < M3UA_PARAM_HDR) {
			pbuf_puts(b, " (invalid)");
			return;
		}
		align = (p + plen - off) % 4;
		align = align ? 4 - align : 0;
		if (!msg_has(g, p, (size_t)plen + align)) {
			msg_trunc_put(b, "m3ua");
			return;
		}
		switch (tag) {
		case 0x0200:
		case 0x0006:
		case 0x0013:
			if (plen - M3UA_PARAM_HDR < 4)
				pbuf_puts(b, " (invalid)");
			else
				msg_printf(b, "0x%08x", msg_u32(g, p));
			break;
		default:
			msg_printf(b, "(length %u)", plen);
		}
		p += plen + align;
	}
}

void proto_m3ua_print(struct pbuf *b, const struct msg *g, uint32_t off, uint32_t len)
{
	const struct msg_tok *dict;
	uint8_t cls, type;
	uint32_t mlen;

	if (len < M3UA_HDR_LEN) {
		pbuf_puts(b, " (invalid)");
		return;
	}
	if (msg_u8(g, off) != 1) /* release 1.0 only */
		return;
	cls = msg_u8(g, off + 2);
	type = msg_u8(g, off + 3);
	dict = m3ua_dict(cls);
	pbuf_puts(b, "\n\t\t");
	msg_tok_put(b, m3ua_classes, "Unknown message class %u", cls);
	if (dict) {
		pbuf_putc(b, ' ');
		msg_tok_put(b, dict, "Unknown (0x%02x)", type);
		pbuf_puts(b, " Message");
	}
	mlen = msg_u32(g, off + 4);
	if (mlen != len)
		msg_printf(b, "\n\t\t\t@@@@@@ Corrupted length %u of message @@@@@@", mlen);
	else
		m3ua_params_print(b, g, off + M3UA_HDR_LEN, off + mlen);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_someip.c: AUTOSAR SOME/IP message headers (UDP 30490). */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * AUTOSAR SOME/IP protocol specification, the 16-byte header:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Service ID           |E|   Method ID or Event ID     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Length                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Client ID           |          Session ID           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Protocol Version|Interface Ver.| Message Type  |  Return Code  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The printer and the JSON read the bytes; the dissector names the layer.
 */
#define SOMEIP_HDR_LEN 16

int proto_someip_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_SOMEIP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok someip_msg_types[] = {
	{ 0x00, "REQUEST" },	  { 0x01, "REQUEST_NO_RETURN" },    { 0x02, "NOTIFICATION" },
	{ 0x80, "RESPONSE" },	  { 0x81, "ERROR" },		    { 0x20, "TP_REQUEST" },
	{ 0x21, "TP_REQUEST_NO_RETURN" }, { 0x22, "TP_NOTIFICATION" }, { 0xa0, "TP_RESPONSE" },
	{ 0xa1, "TP_ERROR" },	  { 0, NULL },
};

static const struct msg_tok someip_return_codes[] = {
	{ 0x00, "E_OK" },
	{ 0x01, "E_NOT_OK" },
	{ 0x02, "E_UNKNOWN_SERVICE" },
	{ 0x03, "E_UNKNOWN_METHOD" },
	{ 0x04, "E_NOT_READY" },
	{ 0x05, "E_NOT_REACHABLE" },
	{ 0x06, "E_TIMEOUT" },
	{ 0x07, "E_WRONG_PROTOCOL_VERSION" },
	{ 0x08, "E_WRONG_INTERFACE_VERSION" },
	{ 0x09, "E_MALFORMED_MESSAGE" },
	{ 0x0a, "E_WRONG_MESSAGE_TYPE" },
	{ 0x0b, "E_E2E_REPEATED" },
	{ 0x0c, "E_E2E_WRONG_SEQUENCE" },
	{ 0x0d, "E_E2E" },
	{ 0x0e, "E_E2E_NOT_AVAILABLE" },
	{ 0x0f, "E_E2E_NO_NEW_DATA" },
	{ 0, NULL },
};

bool proto_someip_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	uint32_t id, req;

	pbuf_puts(b, "SOMEIP");
	msg_of(&g, x);
	if (g.len < SOMEIP_HDR_LEN) {
		pbuf_puts(b, " (invalid)");
		return true;
	}
	if (!msg_has(&g, 0, 4))
		return msg_trunc(x, "someip");
	id = msg_u32(&g, 0);
	msg_printf(b, ", service %u, %s %u", id >> 16, id & 0x8000 ? "event" : "method",
		   id & 0x7fff);
	if (!msg_has(&g, 4, 4))
		return msg_trunc(x, "someip");
	msg_printf(b, ", len %u", msg_u32(&g, 4));
	if (!msg_has(&g, 8, 4))
		return msg_trunc(x, "someip");
	req = msg_u32(&g, 8);
	msg_printf(b, ", client %u, session %u", req >> 16, req & 0xffff);
	if (!msg_has(&g, 12, 1))
		return msg_trunc(x, "someip");
	msg_printf(b, ", pver %u", msg_u8(&g, 12));
	if (!msg_has(&g, 13, 1))
		return msg_trunc(x, "someip");
	msg_printf(b, ", iver %u", msg_u8(&g, 13));
	if (!msg_has(&g, 14, 1))
		return msg_trunc(x, "someip");
	pbuf_puts(b, ", msgtype ");
	msg_tok_put(b, someip_msg_types, "Unknown", msg_u8(&g, 14));
	if (!msg_has(&g, 15, 1))
		return msg_trunc(x, "someip");
	pbuf_puts(b, ", retcode ");
	msg_tok_put(b, someip_return_codes, "Unknown", msg_u8(&g, 15));
	/* tcpdump ends the message with a newline of its own: an empty line follows */
	pbuf_putc(b, '\n');
	return true;
}

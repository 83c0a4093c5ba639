/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_hsrp.c: Cisco Hot Standby Router Protocol version 0/1 (RFC 2281, UDP 1985). */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * RFC 2281 section 5.1: version, op code, state, hello time, hold time,
 * priority, group, reserved (a byte each), 8 bytes of authentication data,
 * the virtual IP address.  The printer and the JSON read them again.
 */
int proto_hsrp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_HSRP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok hsrp_states[] = {
	{ 0, "initial" }, { 1, "learn" },    { 2, "listen" }, { 4, "speak" },
	{ 8, "standby" }, { 16, "active" }, { 0, NULL },
};

/* tcpdump's unsigned_relts_print: "0s", "3s", "1m40s", "1d2h" ... */
void proto_msg_relts(struct pbuf *b, uint32_t secs)
{
	static const char units[] = "ywdhms";
	static const uint32_t lens[] = { 31536000, 604800, 86400, 3600, 60, 1 };

	if (!secs) {
		pbuf_puts(b, "0s");
		return;
	}
	for (unsigned i = 0; i < 6; i++) {
		if (secs >= lens[i]) {
			pbuf_u32(b, secs / lens[i]);
			pbuf_putc(b, units[i]);
			secs %= lens[i];
		}
	}
}

bool proto_hsrp_print(struct line *x)
{
	static const char *const ops[] = { "hello", "coup", "resign" };
	struct pbuf *b = &x->b;
	struct msg g;
	uint8_t op;

	if (!msg_of(&g, x) || !msg_has(&g, 0, 1))
		return msg_trunc(x, "hsrp");
	msg_printf(b, "HSRPv%u", msg_u8(&g, 0));
	if (msg_u8(&g, 0) != 0)
		return true;
	if (!msg_has(&g, 1, 1))
		return msg_trunc(x, "hsrp");
	op = msg_u8(&g, 1);
	pbuf_putc(b, '-');
	if (op < 3)
		pbuf_puts(b, ops[op]);
	else
		msg_printf(b, "unknown (%u)", op);
	msg_printf(b, " %u: ", g.len);
	if (!msg_has(&g, 2, 1))
		return msg_trunc(x, "hsrp");
	pbuf_puts(b, "state=");
	msg_tok_put(b, hsrp_states, "Unknown (%u)", msg_u8(&g, 2));
	pbuf_putc(b, ' ');
	if (!msg_has(&g, 6, 1))
		return msg_trunc(x, "hsrp");
	msg_printf(b, "group=%u ", msg_u8(&g, 6));
	if (!msg_has(&g, 7, 1))
		return msg_trunc(x, "hsrp");
	if (msg_u8(&g, 7))
		msg_printf(b, "[reserved=%u!] ", msg_u8(&g, 7));
	if (!msg_has(&g, 16, 4))
		return msg_trunc(x, "hsrp");
	pbuf_puts(b, "addr=");
	pbuf_ip4(b, g.p + 16);
	if (line_verbosity(x)) {
		pbuf_puts(b, " hellotime=");
		proto_msg_relts(b, msg_u8(&g, 3));
		pbuf_puts(b, " holdtime=");
		proto_msg_relts(b, msg_u8(&g, 4));
		msg_printf(b, " priority=%u", msg_u8(&g, 5));
		pbuf_puts(b, " auth=\"");
		msg_put_text(b, g.p + 8, 8);
		pbuf_putc(b, '"');
	}
	return true;
}

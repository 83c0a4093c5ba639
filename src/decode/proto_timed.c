/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_timed.c: BSD timed's time synchronisation protocol (TSP), UDP 525, as tcpdump's timed_print. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_udpapps.h"

/*
 * struct tsp: type, version, sequence (4 bytes); a union of a timeval (8
 * bytes) and a hop count (1 byte); the sender's name, NUL-terminated in at
 * most 256 bytes.
 */
#define TSP_OFF_TIME  4
#define TSP_OFF_NAME  12
#define TSP_NAME_MAX  256

enum { TSP_ADJTIME = 1, TSP_SETTIME = 5, TSP_SETDATE = 22, TSP_SETDATEREQ = 23, TSP_LOOP = 24 };

int proto_timed_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_TIMED;
	return PKT_PROTO_NONE;
}

static const struct msg_tok tsp_types[] = {
	{ 0, "TSP_ANY" },	  { 1, "TSP_ADJTIME" },	   { 2, "TSP_ACK" },
	{ 3, "TSP_MASTERREQ" },	  { 4, "TSP_MASTERACK" },  { 5, "TSP_SETTIME" },
	{ 6, "TSP_MASTERUP" },	  { 7, "TSP_SLAVEUP" },	   { 8, "TSP_ELECTION" },
	{ 9, "TSP_ACCEPT" },	  { 10, "TSP_REFUSE" },	   { 11, "TSP_CONFLICT" },
	{ 12, "TSP_RESOLVE" },	  { 13, "TSP_QUIT" },	   { 14, "TSP_DATE" },
	{ 15, "TSP_DATEREQ" },	  { 16, "TSP_DATEACK" },   { 17, "TSP_TRACEON" },
	{ 18, "TSP_TRACEOFF" },	  { 19, "TSP_MSITE" },	   { 20, "TSP_MSITEREQ" },
	{ 21, "TSP_TEST" },	  { 22, "TSP_SETDATE" },   { 23, "TSP_SETDATEREQ" },
	{ 24, "TSP_LOOP" },	  { 0, NULL },
};

const char *proto_timed_type_name(unsigned type)
{
	return msg_tok_find(tsp_types, type);
}

bool proto_timed_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	uint8_t type;

	msg_of(&g, x);
	if (!msg_has(&g, 0, 1))
		return msg_trunc(x, "timed");
	type = msg_u8(&g, 0);
	msg_tok_put(b, tsp_types, "(tsp_type %#x)", type);
	if (!msg_has(&g, 1, 1))
		return msg_trunc(x, "timed");
	msg_printf(b, " vers %u", msg_u8(&g, 1));
	if (!msg_has(&g, 2, 2))
		return msg_trunc(x, "timed");
	msg_printf(b, " seq %u", msg_u16(&g, 2));
	switch (type) {
	case TSP_LOOP:
		if (!msg_has(&g, TSP_OFF_TIME, 1))
			return msg_trunc(x, "timed");
		msg_printf(b, " hopcnt %u", msg_u8(&g, TSP_OFF_TIME));
		break;
	case TSP_SETTIME:
	case TSP_ADJTIME:
	case TSP_SETDATE:
	case TSP_SETDATEREQ: {
		int32_t sec, usec;

		if (!msg_has(&g, TSP_OFF_TIME, 8))
			return msg_trunc(x, "timed");
		sec = (int32_t)msg_u32(&g, TSP_OFF_TIME);
		usec = (int32_t)msg_u32(&g, TSP_OFF_TIME + 4);
		/* tcpdump: a negative microsecond count ends the line */
		if (usec < 0)
			return true;
		pbuf_puts(b, " time ");
		if (sec < 0 && usec != 0) {
			sec++;
			if (sec == 0)
				pbuf_putc(b, '-');
			usec = 1000000 - usec;
		}
		msg_printf(b, "%d.%06d", sec, usec);
		break;
	}
	default:
		break;
	}
	pbuf_puts(b, " name ");
	if (!msg_printjnp(b, &g, TSP_OFF_NAME, TSP_NAME_MAX))
		return msg_trunc(x, "timed");
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rx_read.c: the reads of an Rx message's walk, as tcpdump's GET_ and
 * argument macros (INTOUT, STROUT, DATEOUT, VECOUT ...): what proto_rx.c,
 * proto_rx_afs.c, proto_rx_db.c and proto_rx_vol.c share, calling none of them.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "decode/proto_rx.h"

uint32_t rx_u32(struct rx_rd *r)
{
	uint32_t v;

	if (!msg_has(r->g, r->off, 4))
		longjmp(*r->cut, 1);
	v = msg_u32(r->g, r->off);
	r->off += 4;
	return v;
}

bool rx_has(const struct rx_rd *r, size_t n)
{
	return msg_has(r->g, r->off, n);
}

bool rx_str(struct rx_rd *r, uint32_t max)
{
	uint32_t n = rx_u32(r);

	if (n > max)
		return false;
	pbuf_puts(r->b, " \"");
	for (uint32_t i = 0; i < n; i++) {
		if (!msg_has(r->g, r->off + i, 1))
			return false;
		msg_put_char(r->b, msg_u8(r->g, r->off + i));
	}
	pbuf_putc(r->b, '"');
	r->off += (n + 3) / 4 * 4;
	return true;
}

void rx_int(struct rx_rd *r)
{
	msg_printf(r->b, " %d", (int32_t)rx_u32(r));
}

void rx_uint(struct rx_rd *r)
{
	msg_printf(r->b, " %u", rx_u32(r));
}

void rx_date(struct rx_rd *r)
{
	time_t t = (time_t)(int32_t)rx_u32(r);
	char str[64];
	struct tm tm;

	if (!localtime_r(&t, &tm) || !strftime(str, sizeof(str), "%Y/%m/%d %H:%M:%S", &tm))
		str[0] = '\0';
	msg_printf(r->b, " %s", str);
}

bool rx_ubik_version(struct rx_rd *r)
{
	uint32_t epoch;

	if (!rx_has(r, 8))
		return false;
	epoch = rx_u32(r);
	msg_printf(r->b, " %u.%u", epoch, rx_u32(r));
	return true;
}

bool rx_afsuuid(struct rx_rd *r)
{
	if (!rx_has(r, 44))
		return false;
	msg_printf(r->b, " %08x", rx_u32(r));
	msg_printf(r->b, "%04x", rx_u32(r));
	msg_printf(r->b, "%04x", rx_u32(r));
	for (int i = 0; i < 8; i++)
		msg_printf(r->b, "%02x", rx_u32(r) & 0xff);
	return true;
}

/* A string sent one character a 32-bit word, max words. */
bool rx_vec(struct rx_rd *r, unsigned max)
{
	bool end = false;

	if (!rx_has(r, (size_t)max * 4))
		return false;
	pbuf_puts(r->b, " \"");
	for (unsigned k = 0; k < max; k++) {
		uint8_t c = (uint8_t)rx_u32(r);

		end = end || !c;
		if (!end)
			msg_put_char(r->b, c);
	}
	pbuf_putc(r->b, '"');
	return true;
}

bool rx_dest_server(struct rx_rd *r)
{
	uint32_t n1, n2;

	if (!rx_has(r, 12))
		return false;
	n1 = rx_u32(r);
	n2 = rx_u32(r);
	msg_printf(r->b, " server %u:%u:%u", n1, n2, rx_u32(r));
	return true;
}

/* A counted list: each item by kind (I or W), " <none!>" when empty; false when cut. */
static bool rx_list(struct rx_rd *r, char kind, uint32_t max)
{
	uint32_t n = rx_u32(r);

	for (uint32_t i = 0; i < n; i++) {
		if (kind == 'W') {
			if (!rx_vec(r, max))
				return false;
		} else {
			rx_int(r);
		}
	}
	if (!n)
		pbuf_puts(r->b, " <none!>");
	return true;
}

/* A volume's type, named only when it is one of the three. */
static void rx_voltype(struct rx_rd *r)
{
	static const char *const voltype[] = { "read-write", "read-only", "backup" };
	uint32_t t = rx_u32(r);

	if (t < sizeof(voltype) / sizeof(voltype[0]))
		msg_printf(r->b, " type %s", voltype[t]);
}

static bool rx_arg(struct rx_rd *r, char kind, uint32_t max)
{
	switch (kind) {
	case 'Y':
		rx_voltype(r);
		return true;
	case 'U':
		rx_uint(r);
		return true;
	case 'I':
		rx_int(r);
		return true;
	case 'D':
		rx_date(r);
		return true;
	case 'S':
		return rx_str(r, max);
	case 'W':
		return rx_vec(r, max);
	case 'E':
		return rx_ubik_version(r);
	case 'V':
		return rx_dest_server(r);
	case 'L':
		return rx_list(r, 'I', max);
	case 'N':
		return rx_list(r, 'W', max);
	case 'X':
		rx_u32(r);
		return true;
	default:
		return true;
	}
}

bool rx_args(struct rx_rd *r, const struct rx_op *t, uint32_t op, uint32_t max)
{
	for (; t->args[0].label; t++) {
		if (t->op != op)
			continue;
		for (const struct rx_arg *a = t->args; a < t->args + RX_MAX_ARGS && a->label; a++) {
			pbuf_puts(r->b, a->label);
			if (!rx_arg(r, a->kind, max))
				return false;
		}
		return true;
	}
	return true;
}

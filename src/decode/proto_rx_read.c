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

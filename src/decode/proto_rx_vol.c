/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_rx_vol.c: the arguments of the AFS volume server's (vol) and basic
 * overseer's (bos) calls and of vol's replies, as tcpdump's vol_print,
 * vol_reply_print and bos_print: each opcode's fields in order, a label
 * and a kind each.
 */
#include "config.h"

#include "decode/proto_rx.h"

#define RX_NAMEMAX 256 /* AFSNAMEMAX and BOSNAMEMAX */
static const struct rx_op vol_calls[] = {
	{ 100, { { " partition", 'U' }, { " name", 'S' }, { " type", 'U' }, { " parent", 'U' } } },
	{ 101, { { " trans", 'U' } } },
	{ 107, { { " trans", 'U' } } },
	{ 102, { { " totrans", 'U' }, { " flags", 'U' } } },
	{ 103, { { " fromtrans", 'U' }, { " fromdate", 'D' }, { "", 'V' }, { " desttrans", 'I' } } },
	{ 104, { { " trans", 'U' } } },
	{ 105, { { " trans", 'U' }, { " purgevol", 'U' }, { " newtype", 'U' }, { " newname", 'S' } } },
	{ 106, { { " trans", 'U' }, { " flags", 'U' } } },
	{ 108, { { " vol", 'U' }, { " partition", 'U' }, { " flags", 'U' } } },
	{ 109, { { " fromtrans", 'U' }, { " fromdate", 'D' } } },
	{ 110, { { " index", 'U' } } },
	{ 111, { { " tid", 'U' }, { " newsite", 'U' } } },
	{ 112, { { " tid", 'T' } } },
	{ 113, { { " tid", 'T' } } },
	{ 114, { { " name", 'S' }, { " type", 'U' }, { " pid", 'U' }, { " cloneid", 'U' } } },
	{ 116, { { " partition", 'U' }, { " flags", 'U' } } },
	{ 117, { { " tid", 'U' }, { " name", 'S' }, { " type", 'U' }, { " pid", 'U' }, { " clone", 'U' },
		 { " backup", 'U' } } },
	{ 119, { { " name", 'S' } } },
	{ 120, { { " tid", 'U' } } },
	{ 121, { { " partid", 'U' }, { " volid", 'U' } } },
	{ 122, { { " partid", 'U' }, { " volid", 'U' } } },
	{ 124, { { " partid", 'U' }, { " volid", 'U' } } },
	{ 125, { { " partid", 'U' }, { " volid", 'U' } } },
	{ 65536, { { " partid", 'U' }, { " volid", 'U' } } },
	{ 123, { { " tid", 'U' }, { " date", 'D' } } },
	{ 126, { { " tid", 'U' } } },
	{ 128, { { " fromtrans", 'U' }, { " fromdate", 'D' } } }, /* then its servers */
	{ 65538, { { " fromtrans", 'U' }, { " fromdate", 'D' }, { " flags", 'U' } } },
	{ 0, { { NULL, 0 } } },
};

static const struct rx_op vol_replies[] = {
	{ 100, { { " volid", 'U' }, { " trans", 'U' } } },
	{ 104, { { "", 'U' } } },
	{ 105, { { " newvol", 'U' } } },
	{ 107, { { "", 'U' } } },
	{ 108, { { " trans", 'U' } } },
	{ 110, { { " volume", 'U' }, { " partition", 'U' } } },
	{ 112, { { "", 'S' } } },
	{ 113, { { " volid", 'U' }, { " nextuniq", 'U' }, { " type", 'U' }, { " parentid", 'U' },
		 { " clone", 'U' }, { " backup", 'U' }, { " restore", 'U' }, { " maxquota", 'U' },
		 { " minquota", 'U' }, { " owner", 'U' }, { " create", 'D' }, { " access", 'D' },
		 { " update", 'D' }, { " expire", 'D' }, { " backup", 'D' }, { " copy", 'D' } } },
	{ 0, { { NULL, 0 } } },
};

static const struct rx_op bos_calls[] = {
	{ 80, { { " type", 'S' }, { " instance", 'S' } } },
	{ 81, { { "", 'S' } } },  { 83, { { "", 'S' } } },  { 85, { { "", 'S' } } },
	{ 87, { { "", 'S' } } },  { 88, { { "", 'S' } } },  { 93, { { "", 'S' } } },
	{ 96, { { "", 'S' } } },  { 97, { { "", 'S' } } },  { 104, { { "", 'S' } } },
	{ 106, { { "", 'S' } } }, { 108, { { "", 'S' } } }, { 112, { { "", 'S' } } },
	{ 114, { { "", 'S' } } },
	{ 82, { { "", 'S' }, { " status", 'I' } } },
	{ 98, { { "", 'S' }, { " status", 'I' } } },
	{ 86, { { "", 'S' }, { " num", 'I' } } },
	{ 84, { { "", 'I' } } },  { 89, { { "", 'I' } } },  { 90, { { "", 'I' } } },
	{ 91, { { "", 'I' } } },  { 92, { { "", 'I' } } },  { 95, { { "", 'I' } } },
	{ 105, { { "", 'S' }, { " size", 'I' }, { " flags", 'I' }, { " date", 'I' } } },
	{ 0, { { NULL, 0 } } },
};

bool rx_vol_call(struct rx_rd *r, uint32_t op)
{
	uint32_t j;

	if (!rx_args(r, vol_calls, op, RX_NAMEMAX))
		return false;
	if (op != 128)
		return true;
	j = rx_u32(r);
	for (uint32_t i = 0; i < j; i++) {
		if (!rx_dest_server(r))
			return false;
		if (i != j - 1)
			pbuf_putc(r->b, ',');
	}
	if (!j)
		pbuf_puts(r->b, " <none!>");
	return true;
}

bool rx_vol_reply(struct rx_rd *r, uint32_t op)
{
	uint32_t j;

	if (op != 116 && op != 121)
		return rx_args(r, vol_replies, op, RX_NAMEMAX);
	j = rx_u32(r);
	for (uint32_t i = 0; i < j; i++) {
		pbuf_puts(r->b, " name");
		if (!rx_vec(r, 32))
			return false;
		pbuf_puts(r->b, " volid");
		msg_printf(r->b, " %u", rx_u32(r));
		pbuf_puts(r->b, " type");
		r->off += 4 * 21;
		if (i != j - 1)
			pbuf_putc(r->b, ',');
	}
	if (!j)
		pbuf_puts(r->b, " <none!>");
	return true;
}

bool rx_bos_call(struct rx_rd *r, uint32_t op)
{
	return rx_args(r, bos_calls, op, RX_NAMEMAX);
}

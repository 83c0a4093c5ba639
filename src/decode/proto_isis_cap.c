/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_isis_cap.c: the IS-IS TLVs of capabilities and their sub-TLVs as
 * tcpdump prints them: the router capability's segment routing (242), and
 * shortest path bridging's MT port capability (143) and MT capability (144).
 */
#include "config.h"

#include "decode/proto_osi.h"

static const struct msg_tok router_cap_subtlv_names[] = {
	{ 2, "SR-Capabilities" },
	{ 0, NULL },
};

static const struct msg_tok router_cap_sr_flags[] = {
	{ 0x80, "ipv4" },
	{ 0x40, "ipv6" },
	{ 0, NULL },
};

static const struct msg_tok mt_port_cap_subtlv_names[] = {
	{ 4, "SPB MCID" },
	{ 5, "SPB Digest" },
	{ 6, "SPB BVID" },
	{ 0, NULL },
};

static const struct msg_tok mt_cap_subtlv_names[] = {
	{ 1, "SPB Instance" },
	{ 3, "SPBM Service Identifier and Unicast Address" },
	{ 0, NULL },
};

void isis_put_router_cap_subtlvs(struct osi *s, size_t t, unsigned len)
{
	len &= 0xff;
	while (len >= 2) {
		unsigned st = osi_u8(s, t), sl = osi_u8(s, t + 1);

		len -= 2;
		t += 2;
		pbuf_puts(s->b, "\n\t\t");
		pbuf_puts(s->b, msg_tok_find(router_cap_subtlv_names, st) ?
					msg_tok_find(router_cap_subtlv_names, st) :
					"unknown");
		msg_printf(s->b, " subTLV #%u, length: %u", st, sl);
		if (sl > len)
			return;
		if (!osi_has(s, t, sl))
			return;
		if (st == 2) {
			uint8_t flags = osi_u8(s, t);
			uint32_t range = osi_u24(s, t + 1);
			size_t p = t + 4;
			/* tcpdump keeps this count in a byte */
			uint8_t left = (uint8_t)(sl - 4);

			pbuf_puts(s->b, ", Flags [");
			msg_bits_put(s->b, router_cap_sr_flags, "None", flags, ", ");
			msg_printf(s->b, "], Range %u", range);
			while (left >= 5) {
				uint8_t type = osi_u8(s, p), l = osi_u8(s, p + 1);

				left -= 2;
				p += 2;
				if (l > left)
					break;
				if (type != 1)
					osi_unknown(s, p, "\n\t\t  ", l);
				else if (l == 3)
					msg_printf(s->b, ", SID value %u", osi_u24(s, p));
				else if (l == 4)
					msg_printf(s->b, ", SID value %u", osi_u32(s, p));
				else
					msg_printf(s->b, ", Unknown SID length%u", l);
				p += l;
				left -= l;
			}
		} else {
			osi_unknown(s, t, "\n\t\t", sl);
		}
		len -= sl;
		t += sl;
	}
}

/* isis_print_mcid: an SPB MCID of 51 bytes. */
static void put_mcid(struct osi *s, size_t t)
{
	if (!osi_has(s, t, 51)) {
		msg_trunc_put(s->b, s->proto);
		return;
	}
	msg_printf(s->b, "ID: %u, Name: ", osi_u8(s, t));
	osi_put_text(s, t + 1, 32);
	msg_printf(s->b, "\n\t              Lvl: %u", osi_u16(s, t + 33));
	pbuf_puts(s->b, ", Digest: ");
	for (int i = 0; i < 16; i++)
		msg_printf(s->b, "%.2x ", osi_u8(s, t + 35 + (size_t)i));
}

void isis_put_mt_port_cap_subtlvs(struct osi *s, size_t t, unsigned len)
{
	while (len > 2) {
		unsigned st = osi_u8(s, t), sl = osi_u8(s, t + 1);

		pbuf_puts(s->b, "\n\t       ");
		msg_tok_put(s->b, mt_port_cap_subtlv_names, "unknown", st);
		msg_printf(s->b, " subTLV #%u, length: %u", st, sl);
		t += 2;
		len -= 2;
		if (len < sl) {
			pbuf_puts(s->b, " (> containing TLV length)");
			return;
		}
		/* tcpdump marks a sub-TLV past the capture and goes on with the next TLV */
		if (!osi_has(s, t, sl)) {
			msg_trunc_put(s->b, s->proto);
			return;
		}
		switch (st) {
		case 4:
			if (sl < 102)
				goto too_short;
			pbuf_puts(s->b, "\n\t         MCID: ");
			put_mcid(s, t);
			pbuf_puts(s->b, "\n\t         AUX-MCID: ");
			put_mcid(s, t + 51);
			t += 102;
			len -= 102;
			sl -= 102;
			break;
		case 5:
			if (sl < 33)
				goto too_short;
			{
				uint8_t v = osi_u8(s, t);

				msg_printf(s->b, "\n\t        RES: %u V: %u A: %u D: %u", v >> 5,
					   v >> 4 & 1, v >> 2 & 3, v & 3);
			}
			t++;
			pbuf_puts(s->b, "\n\t         Digest: ");
			for (int i = 1; i <= 8; i++, t += 4) {
				msg_printf(s->b, "%08x ", osi_u32(s, t));
				if (i % 4 == 0 && i != 8)
					pbuf_puts(s->b, "\n\t                 ");
			}
			len -= 33;
			sl -= 33;
			break;
		case 6:
			while (sl != 0) {
				uint16_t v;

				if (sl < 4)
					goto too_short;
				msg_printf(s->b, "\n\t           ECT: %08x", osi_u32(s, t));
				t += 4;
				len -= 4;
				sl -= 4;
				if (sl < 2)
					goto too_short;
				v = osi_u16(s, t);
				msg_printf(s->b, " BVID: %u, U:%01x M:%01x ", v >> 4, v >> 3 & 1,
					   v >> 2 & 1);
				t += 2;
				len -= 2;
				sl -= 2;
			}
			break;
		}
		t += sl;
		len -= sl;
	}
	return;
too_short:
	pbuf_puts(s->b, " (too short)");
}

void isis_put_mt_cap_subtlvs(struct osi *s, size_t t, unsigned len)
{
	while (len > 2) {
		unsigned st = osi_u8(s, t), sl = osi_u8(s, t + 1);

		t += 2;
		len -= 2;
		pbuf_puts(s->b, "\n\t      ");
		msg_tok_put(s->b, mt_cap_subtlv_names, "unknown", st);
		msg_printf(s->b, " subTLV #%u, length: %u", st, sl);
		if (len < sl) {
			pbuf_puts(s->b, " (> containing TLV length)");
			return;
		}
		/* tcpdump marks a sub-TLV past the capture and goes on with the next TLV */
		if (!osi_has(s, t, sl)) {
			msg_trunc_put(s->b, s->proto);
			return;
		}
		if (st == 1) {
			unsigned trees;

			if (sl < 19) {
				pbuf_puts(s->b, " (too short)");
				return;
			}
			msg_printf(s->b, "\n\t        CIST Root-ID: %08x", osi_u32(s, t));
			msg_printf(s->b, " %08x", osi_u32(s, t + 4));
			msg_printf(s->b, ", Path Cost: %08x", osi_u32(s, t + 8));
			msg_printf(s->b, ", Prio: %u", osi_u16(s, t + 12));
			msg_printf(s->b, "\n\t        RES: %u", osi_u16(s, t + 14) >> 5);
			msg_printf(s->b, ", V: %u", osi_u16(s, t + 14) >> 4 & 1);
			msg_printf(s->b, ", SPSource-ID: %u", osi_u32(s, t + 14) & 0x000fffff);
			msg_printf(s->b, ", No of Trees: %x", osi_u8(s, t + 18));
			trees = osi_u8(s, t + 18);
			t += 19;
			len -= 19;
			sl -= 19;
			while (trees) {
				uint8_t f;

				if (sl < 8) {
					msg_trunc_put(s->b, s->proto);
					return;
				}
				f = osi_u8(s, t);
				msg_printf(s->b, "\n\t         U:%u, M:%u, A:%u, RES:%u", f >> 7,
					   f >> 6 & 1, f >> 5 & 1, f & 0x1f);
				msg_printf(s->b, ", ECT: %08x", osi_u32(s, t + 1));
				msg_printf(s->b, ", BVID: %u, SPVID: %u",
					   osi_u24(s, t + 5) >> 12 & 0xfff,
					   osi_u24(s, t + 5) & 0xfff);
				t += 8;
				len -= 8;
				sl -= 8;
				trees--;
			}
		} else if (st == 3) {
			if (sl < 8) {
				msg_trunc_put(s->b, s->proto);
				return;
			}
			msg_printf(s->b, "\n\t        BMAC: %08x", osi_u32(s, t));
			msg_printf(s->b, "%04x", osi_u16(s, t + 4));
			msg_printf(s->b, ", RES: %u, VID: %u", osi_u16(s, t + 6) >> 12,
				   osi_u16(s, t + 6) & 0x0fff);
			t += 8;
			len -= 8;
			sl -= 8;
			for (; sl >= 4; t += 4, len -= 4, sl -= 4) {
				uint32_t v = osi_u32(s, t);

				msg_printf(s->b, "\n\t        T: %u, R: %u, RES: %u, ISID: %u",
					   v >> 31, v >> 30 & 1, v >> 24 & 0x3f, v & 0xffffff);
			}
		}
		t += sl;
		len -= sl;
	}
}

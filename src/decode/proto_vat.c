/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_vat.c: LBL's vat audio and vt text tools, UDP port 3456 or sniff -T vat, as tcpdump prints them. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_media.h"

#define VAT_HDR 8
#define VT_MASK 0xf060 /* bits vat's first 16 bits never set: then it is vt */

int proto_vat_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_VAT;
	return PKT_PROTO_NONE;
}

bool proto_vat_read(const struct msg *g, struct proto_vat *v)
{
	uint32_t i0;
	uint16_t ts;

	*v = (struct proto_vat){ 0 };
	if (g->len < 2 || !msg_has(g, 0, 2))
		return false;
	ts = msg_u16(g, 0);
	if (ts & VT_MASK) {
		v->vt = true;
		v->vt_seq = ts & 0x3ff;
		v->vt_type = (uint8_t)(ts >> 10);
		return true;
	}
	if (g->len < VAT_HDR || !msg_has(g, 0, VAT_HDR))
		return false;
	i0 = msg_u32(g, 0);
	v->conf = (uint16_t)i0;
	v->mark = i0 & 0x800000;
	v->format = (i0 >> 16) & 0x1f;
	v->flags = (i0 >> 24) & 0x3f;
	v->ts = msg_u32(g, 4);
	return true;
}

/* ---- printer: tcpdump's vat_print ------------------------------------------------------------- */

bool proto_vat_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct proto_vat v;
	struct msg g;

	msg_of(&g, x);
	if (g.len < 2) {
		msg_printf(b, "udp/va/vat, length %u < 2", g.len);
		return true;
	}
	if (!msg_has(&g, 0, 2))
		return msg_trunc_put(b, "vat");
	if (!(msg_u16(&g, 0) & VT_MASK) && g.len < VAT_HDR) {
		msg_printf(b, "udp/vat, length %u < 8", g.len);
		return true;
	}
	if (!proto_vat_read(&g, &v))
		return msg_trunc_put(b, "vat");
	if (v.vt) {
		msg_printf(b, "udp/vt %u %u / %u", g.len, v.vt_seq, v.vt_type);
		return true;
	}
	msg_printf(b, "udp/vat %u c%u %u%s", g.len - VAT_HDR, v.conf, v.ts, v.mark ? "*" : "");
	if (v.format)
		msg_printf(b, " f%u", v.format);
	if (v.flags)
		msg_printf(b, " s%u", v.flags);
	return true;
}

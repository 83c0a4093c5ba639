/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_rtcp.c: RTCP (RFC 3550 6) forced with sniff -T rtcp: dissector and tcpdump's text. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_media.h"

#define RTCP_HDR    8  /* flags, type, length, SSRC */
#define RTCP_SR_LEN 20 /* NTP timestamp, RTP timestamp, packets, octets */
#define RTCP_RR_LEN 24 /* one reception report block */

enum { RTCP_SR = 200, RTCP_RR, RTCP_SDES, RTCP_BYE, RTCP_APP };

/* tcpdump decodes RTCP only when told (-T rtcp): no port is RTCP's. */
int proto_rtcp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_RTCP;
	return PKT_PROTO_NONE;
}

bool proto_rtcp_read(const struct msg *g, uint32_t off, struct proto_rtcp *r)
{
	if (!msg_has(g, off, RTCP_HDR))
		return false;
	r->count = msg_u8(g, off) & 0x1f;
	r->type = msg_u8(g, off + 1);
	r->len = ((uint32_t)msg_u16(g, off + 2) + 1) * 4;
	r->ssrc = msg_u32(g, off + 4);
	return true;
}

const char *proto_rtcp_type_name(uint8_t type)
{
	static const char *const names[] = { "sr", "rr", "sdes", "bye", "app" };

	return type >= RTCP_SR && type <= RTCP_APP ? names[type - RTCP_SR] : NULL;
}

/* ---- printer: tcpdump's rtcp_print ------------------------------------------------------------ */

/*
 * One packet of a compound RTCP datagram at off, as tcpdump's rtcp_print:
 * the offset of the next (past the end when this one is cut, after " [|rtcp]").
 * tcpdump prints the first report block as many times as the count says
 * (it does not move on to the next block): so does sockeye.
 */
static uint32_t put_rtcp(struct pbuf *b, const struct msg *g, uint32_t off, bool v)
{
	struct proto_rtcp r;
	uint32_t rr = 0, cnt;

	if (!proto_rtcp_read(g, off, &r))
		goto trunc;
	cnt = r.count;
	switch (r.type) {
	case RTCP_SR:
		pbuf_puts(b, " sr");
		if (r.len != cnt * RTCP_RR_LEN + RTCP_SR_LEN + RTCP_HDR)
			msg_printf(b, " [%u]", r.len);
		if (v)
			msg_printf(b, " %u", r.ssrc);
		if (!msg_has(g, off + RTCP_HDR, RTCP_SR_LEN))
			goto trunc;
		msg_printf(b, " @%.2f %u %up %ub",
			   (double)msg_u32(g, off + 8) + (double)msg_u32(g, off + 12) / 4294967296.0,
			   msg_u32(g, off + 16), msg_u32(g, off + 20), msg_u32(g, off + 24));
		rr = off + RTCP_HDR + RTCP_SR_LEN;
		break;
	case RTCP_RR:
		pbuf_puts(b, " rr");
		if (r.len != cnt * RTCP_RR_LEN + RTCP_HDR)
			msg_printf(b, " [%u]", r.len);
		rr = off + RTCP_HDR;
		if (v)
			msg_printf(b, " %u", r.ssrc);
		break;
	case RTCP_SDES:
	case RTCP_BYE:
		msg_printf(b, " %s %u", proto_rtcp_type_name(r.type), r.len);
		if (v)
			msg_printf(b, " %u", r.ssrc);
		cnt = 0;
		break;
	default:
		msg_printf(b, " type-0x%x %u", r.type, r.len);
		cnt = 0;
		break;
	}
	if (cnt > 1)
		msg_printf(b, " c%u", cnt);
	for (; cnt; cnt--) {
		if (!msg_has(g, rr, RTCP_RR_LEN))
			goto trunc;
		if (v)
			msg_printf(b, " %u", msg_u32(g, rr));
		msg_printf(b, " %ul %us %uj @%.2f+%.2f", msg_u32(g, rr + 4) & 0x00ffffff,
			   msg_u32(g, rr + 8), msg_u32(g, rr + 12), msg_u32(g, rr + 16) / 65536.,
			   msg_u32(g, rr + 20) / 65536.);
	}
	return off + r.len;
trunc:
	msg_trunc_put(b, "rtcp");
	return g->cap;
}

bool proto_rtcp_print(struct line *x)
{
	struct msg g;
	uint32_t off = 0;

	msg_of(&g, x);
	/* tcpdump walks up to the end of what was captured, whatever the lengths say */
	while (off < g.cap)
		off = put_rtcp(&x->b, &g, off, line_verbosity(x));
	return true;
}

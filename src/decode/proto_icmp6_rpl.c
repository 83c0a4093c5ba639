/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_icmp6_rpl.c: RPL control messages (ICMPv6 type 155, RFC 6550):
 * DIS, DIO, DAO and DAO-ACK, printed as tcpdump 4.99 does (its draft-19
 * layout: the body starts at message offset 4, where the 32-bit field
 * of other ICMPv6 messages would be).
 */
#include "config.h"

#include "decode/proto_icmp6_msg.h"
#include "decode/proto_msg.h"

#define RPL_BODY     4  /* message offset of the RPL body */
#define RPL_DIO_LEN  24 /* instance, version, rank, mop/prf, dtsn, flags, resv, DODAGID */
#define RPL_DAO_MIN  4  /* a DAO or DAO-ACK without its DODAGID */
#define RPL_DAGID    16

/*
 * The n bytes at message offset off copied to out (the body's fixed part
 * straddles the 8 bytes kept apart from the rest); false when not captured.
 */
static bool rpl_copy(const struct icmp6_msg *g, size_t off, size_t n, uint8_t *out)
{
	for (size_t i = 0; i < n; i++) {
		const uint8_t *p = icmp6_at(g, off + i, 1);

		if (!p)
			return false;
		out[i] = *p;
	}
	return true;
}

/* "opt:NAME len:N " for each option; false when the message was cut inside one. */
static bool rpl_opts(struct line *x, const struct icmp6_msg *g, size_t off, size_t len)
{
	static const char *const names[] = {
		[0] = "pad1",	     [1] = "padN",	  [2] = "metrics",
		[3] = "routinginfo", [4] = "config",	  [5] = "rpltarget",
		[6] = "transitinfo", [8] = "destprefix", [9] = "rpltargetdesc",
	};
	struct pbuf *b = &x->b;

	while (len) {
		const uint8_t *p = icmp6_at(g, off, 1);
		size_t optlen;

		if (!p)
			return false;
		if (p[0] == 0) {
			pbuf_puts(b, " opt:pad1");
			off++;
			len--;
			continue;
		}
		if (len < 2 || !(p = icmp6_at(g, off, 2)))
			return false;
		optlen = (size_t)p[1] + 2;
		pbuf_puts(b, " opt:");
		if (p[0] < sizeof(names) / sizeof(names[0]) && names[p[0]])
			pbuf_puts(b, names[p[0]]);
		else
			msg_printf(b, "subopt:%u", p[0]);
		msg_printf(b, " len:%zu ", optlen);
		if (!icmp6_at(g, off, optlen) || len < optlen)
			return false;
		if (x->o->verbosity > 2 && !icmp6_hex(b, g, off + 2, optlen - 2, " "))
			return false;
		off += optlen;
		len -= optlen;
	}
	return true;
}

/* " [dagid:...,seq:N,instance:N,rank:N,[grounded,]mop:NAME,prf:N]" and at -vv the options. */
static bool rpl_dio(struct line *x, const struct icmp6_msg *g, size_t len)
{
	static const char *const mop[] = { "nonstoring", "storing", "nonstoring-multicast",
					   "storing-multicast" };
	uint8_t p[RPL_DIO_LEN];
	struct pbuf *b = &x->b;
	unsigned m;

	if (len < RPL_DIO_LEN) {
		pbuf_puts(b, " (invalid)");
		return true;
	}
	if (!rpl_copy(g, RPL_BODY, RPL_DIO_LEN, p))
		return false;
	pbuf_puts(b, " [dagid:");
	pbuf_ip6(b, p + 8);
	msg_printf(b, ",seq:%u,instance:%u,rank:%u,%s", p[5], p[0], be16(p + 2),
		   p[4] & 0x80 ? "grounded," : "");
	m = p[4] >> 3 & 7;
	if (m < 4)
		msg_printf(b, "mop:%s", mop[m]);
	else
		msg_printf(b, "mop:mop%u", m);
	msg_printf(b, ",prf:%u]", p[4] & 7);
	if (x->o->verbosity > 1)
		return rpl_opts(x, g, RPL_BODY + RPL_DIO_LEN, len - RPL_DIO_LEN);
	return true;
}

/*
 * A DAO (ack false) or DAO-ACK (ack true): instance, flags, sequence (and
 * for an ack its status), the DODAGID when the D flag says it is there.
 */
static bool rpl_dao(struct line *x, const struct icmp6_msg *g, size_t len, bool ack)
{
	uint8_t p[RPL_DAO_MIN + RPL_DAGID];
	const uint8_t *dagid = NULL;
	struct pbuf *b = &x->b;
	uint8_t flags;
	bool has_dagid;

	/* tcpdump checks a DAO's whole struct (with DODAGID) was captured, an ack's first 4 bytes */
	if (!rpl_copy(g, RPL_BODY, ack ? RPL_DAO_MIN : RPL_DAO_MIN + RPL_DAGID, p))
		return false;
	if (len < RPL_DAO_MIN)
		goto short_msg;
	len -= RPL_DAO_MIN;
	flags = p[1];
	has_dagid = ack ? flags & 0x80 : flags & 0x40;
	if (has_dagid) {
		if (!rpl_copy(g, RPL_BODY + RPL_DAO_MIN, RPL_DAGID, p + RPL_DAO_MIN))
			return false;
		dagid = p + RPL_DAO_MIN;
		if (len < RPL_DAGID)
			goto short_msg;
		len -= RPL_DAGID;
	}
	pbuf_puts(b, " [dagid:");
	if (dagid)
		pbuf_ip6(b, dagid);
	else
		pbuf_puts(b, "<elided>");
	if (ack) {
		msg_printf(b, ",seq:%u,instance:%u,status:%u]", p[2], p[0], p[3]);
	} else {
		msg_printf(b, ",seq:%u,instance:%u%s%s,%02x]", p[3], p[0],
			   flags & 0x80 ? ",acK" : "", flags & 0x40 ? ",Dagid" : "", flags);
	}
	if (x->o->verbosity > 1)
		return rpl_opts(x, g, RPL_BODY + RPL_DAO_MIN + (dagid ? RPL_DAGID : 0), len);
	return true;
short_msg:
	pbuf_puts(b, ack ? " [|dao-length too short]" : " [|length too short]");
	return true;
}

bool icmp6_rpl(struct line *x, const struct icmp6_msg *g)
{
	const struct pkt_icmp6 *ic = g->ic;
	/* tcpdump's length of the body: the message's less its first 4 bytes */
	size_t len = ic->len >= RPL_BODY ? ic->len - RPL_BODY : 0;
	struct pbuf *b = &x->b;
	bool v = x->o->verbose;

	if (ic->code & 0x80) {
		pbuf_puts(b, ", (SEC) [worktodo]");
		return true;
	}
	pbuf_puts(b, ", (CLR)");
	switch (ic->code) {
	case 0:
		pbuf_puts(b, "DODAG Information Solicitation");
		return true;
	case 1:
		pbuf_puts(b, "DODAG Information Object");
		return !v || rpl_dio(x, g, len);
	case 2:
		pbuf_puts(b, "Destination Advertisement Object");
		return !v || rpl_dao(x, g, len, false);
	case 3:
		pbuf_puts(b, "Destination Advertisement Object Ack");
		return !v || rpl_dao(x, g, len, true);
	default:
		msg_printf(b, "RPL message, unknown code %u", ic->code);
		return true;
	}
}

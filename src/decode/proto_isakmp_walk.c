/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_isakmp_walk.c: what the IKEv1 and IKEv2 printers share, below both:
 * payload and exchange names, tcpdump's hex (rawprint, ike_show_somedata)
 * and its data attributes (RFC 2408 3.3).
 */
#include "config.h"

#include "decode/proto_isakmp.h"

static const char *const npstr[] = {
	"none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash", "sig", "nonce", "n", "d",
	"vid", "pay14", "pay15", "pay16", "pay17", "pay18", "pay19", "pay20", "pay21", "pay22",
	"pay23", "pay24", "pay25", "pay26", "pay27", "pay28", "pay29", "pay30", "pay31",
	"pay32", "v2sa", "v2ke", "v2IDi", "v2IDr", "v2cert", "v2cr", "v2auth", "v2nonce", "v2n",
	"v2d", "v2vid", "v2TSi", "v2TSr", "v2e", "v2cp", "v2eap",
};

static const char *const etypestr[] = {
	[0] = "none", [1] = "base", [2] = "ident", [3] = "auth", [4] = "agg", [5] = "inf",
	[32] = "oakley-quick", [33] = "oakley-newgroup", [34] = "ikev2_init",
	[35] = "ikev2_auth", [36] = "child_sa", [37] = "inf2",
};

#define N_OF(t) (sizeof(t) / sizeof((t)[0]))

void ike_npstr(struct pbuf *b, unsigned np)
{
	if (np < N_OF(npstr))
		pbuf_puts(b, npstr[np]);
	else
		msg_printf(b, "#%d", (int)np);
}

void ike_etypestr(struct pbuf *b, unsigned etype)
{
	if (etype < N_OF(etypestr) && etypestr[etype])
		pbuf_puts(b, etypestr[etype]);
	else
		msg_printf(b, "#%d", (int)etype);
}

bool ike_raw(const struct ike_walk *w, size_t off, size_t len)
{
	if (!msg_has(w->g, off, len))
		return false;
	msg_hex(w->b, w->g->p + off, len);
	return true;
}

bool ike_somedata(const struct ike_walk *w, size_t off)
{
	long cp = (long)off, ep = (long)w->ep, end = ep - 20, elen = 20, len = ep - cp;

	if (len > 10)
		len = 10;
	if (end < cp + len) {
		end = cp + len;
		elen = ep - end;
	}
	pbuf_puts(w->b, " data=(");
	if (len < 0 || !ike_raw(w, (size_t)cp, (size_t)len))
		return false;
	pbuf_puts(w->b, "...");
	if (elen && (elen < 0 || !ike_raw(w, (size_t)end, (size_t)elen)))
		return false;
	pbuf_putc(w->b, ')');
	return true;
}

size_t ike_attr(const struct ike_walk *w, size_t off, size_t end, const struct ike_attrmap *map,
		size_t nmap)
{
	const struct msg *g = w->g;
	size_t totlen;
	unsigned t, v;

	if (!msg_has(g, off, 1))
		return IKE_NONE;
	if (msg_u8(g, off) & 0x80) {
		totlen = 4;
	} else {
		if (!msg_has(g, off + 2, 2))
			return IKE_NONE;
		totlen = 4u + msg_u16(g, off + 2);
	}
	if (end < off + totlen) {
		pbuf_puts(w->b, "[|attr]");
		return end + 1;
	}
	if (!msg_has(g, off, 2))
		return IKE_NONE;
	pbuf_putc(w->b, '(');
	t = msg_u16(g, off) & 0x7fff;
	if (map && t < nmap && map[t].type)
		msg_printf(w->b, "type=%s ", map[t].type);
	else
		msg_printf(w->b, "type=#%d ", (int)t);
	if (msg_u8(g, off) & 0x80) {
		pbuf_puts(w->b, "value=");
		if (!msg_has(g, off + 2, 2)) {
			pbuf_putc(w->b, ')');
			return IKE_NONE;
		}
		v = msg_u16(g, off + 2);
		if (map && t < nmap && v < map[t].nvalue && v < N_OF(map[t].value) &&
		    map[t].value[v]) {
			pbuf_puts(w->b, map[t].value[v]);
		} else if (!ike_raw(w, off + 2, 2)) {
			pbuf_putc(w->b, ')');
			return IKE_NONE;
		}
	} else {
		msg_printf(w->b, "len=%d value=", (int)totlen - 4);
		if (!ike_raw(w, off + 4, totlen - 4)) {
			pbuf_putc(w->b, ')');
			return IKE_NONE;
		}
	}
	pbuf_putc(w->b, ')');
	return off + totlen;
}


size_t ike_transform_attrs(const struct ike_walk *w, size_t off, size_t end,
			   const struct ike_attrmap *map, size_t nmap)
{
	size_t cp = off;

	while (cp < w->ep && cp < end) {
		cp = ike_attr(w, cp, end, map, nmap);
		if (cp == IKE_NONE)
			return IKE_NONE;
	}
	if (w->ep < end)
		pbuf_puts(w->b, "...");
	return cp;
}

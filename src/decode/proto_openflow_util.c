/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_openflow_util.c: what every OpenFlow version's printers share: the
 * truncation and "(invalid)" checks, tcpdump's bitmaps, data and its hex,
 * vendor and experimenter names, ERROR's body.
 */
#include "config.h"

#include "decode/proto_l2.h"
#include "decode/proto_openflow.h"

uint64_t of_u64(const struct of_walk *w, size_t off)
{
	return (uint64_t)msg_u32(w->g, off) << 32 | msg_u32(w->g, off + 4);
}

bool of_invalid(struct of_walk *w, size_t off, size_t len)
{
	pbuf_puts(w->b, " (invalid)");
	return of_has(w, off, len);
}

void of_bitmap(struct pbuf *b, const struct msg_tok *t, uint32_t v, uint32_t u)
{
	/* the names of the bits the version assigns, then a mark for any other */
	if (v & ~u) {
		const char *sep = "";

		pbuf_puts(b, " (");
		for (; t->s; t++)
			if (t->v && (v & t->v) == t->v) {
				pbuf_puts(b, sep);
				pbuf_puts(b, t->s);
				sep = ", ";
			}
		pbuf_putc(b, ')');
	}
	if (v & u)
		pbuf_puts(b, " (bogus)");
}

bool of_bits32(struct of_walk *w, const char *pfx, size_t off, const struct msg_tok *t, uint32_t u)
{
	OF_NEED(off, 4);
	msg_printf(w->b, "%s0x%08x", pfx, msg_u32(w->g, off));
	of_bitmap(w->b, t, msg_u32(w->g, off), u);
	return true;
}

bool of_error(struct of_walk *w, size_t off, size_t len, const struct msg_tok *types,
	      const struct msg_tok *const *codes, size_t n_codes)
{
	uint16_t type, code;

	OF_NEED(off, 2);
	type = msg_u16(w->g, off);
	pbuf_puts(w->b, "\n\t type ");
	msg_tok_put(w->b, types, "invalid (0x%04x)", type);
	OF_NEED(off + 2, 2);
	code = msg_u16(w->g, off + 2);
	pbuf_puts(w->b, ", code ");
	if (type < n_codes && codes[type])
		msg_tok_put(w->b, codes[type], "invalid (0x%04x)", code);
	else
		msg_printf(w->b, "invalid (0x%04x)", code);
	return of_data(w, off + 4, len - 4);
}

bool of_data(struct of_walk *w, size_t off, size_t len)
{
	size_t have;

	if (!len)
		return true;
	msg_printf(w->b, "\n\t data (%zu octets)", len);
	if (w->v < 2)
		return of_has(w, off, len);
	/* the bytes captured, then the truncation mark when that is not all */
	have = off < w->g->cap ? w->g->cap - off : 0;
	if (have)
		msg_hex_ascii_lines(w->b, "\n\t  ", w->g->p + off, have < len ? have : len);
	return have >= len;
}

/* ONF's experimenter ids (the top byte 0xff); the others are OUIs. */
static const struct msg_tok onf_experimenters[] = {
	{ 0x4f4e4600, "ONF Extensions" },
	{ 0xff000001, "Budapest University of Technology and Economics" },
	{ 0xff000002, "NoviFlow" },
	{ 0xff000003, "L3+ Extensions, Vendor Neutral" },
	{ 0xff000004, "L4-L7 Extensions" },
	{ 0xff000005, "Wireless and Mobility Extensions" },
	{ 0xff000006, "Forwarding Abstractions Extensions" },
	{ 0xff000007, "Optical Transport Extensions" },
	{ 0xff000008, "Network Benchmarking Lab, NCTU" },
	{ 0xff000009, "Mobile Packet Core Extensions" },
	{ 0xff00000a, "MPLS-TP OpenFlow Extensions for SPTN" },
	{ 0, NULL },
};

void of_vendor_id(struct pbuf *b, uint32_t vendor)
{
	const char *s = (vendor & 0xff000000) == 0 ? proto_llc_oui_name(vendor)
						   : msg_tok_find(onf_experimenters, vendor);

	msg_printf(b, "0x%08x (%s)", vendor, s ? s : "unknown");
}

void of_vendor(struct pbuf *b, uint32_t vendor)
{
	pbuf_puts(b, ", vendor ");
	of_vendor_id(b, vendor);
}

bool of_vendor_data(struct of_walk *w, size_t off, size_t len)
{
	if (len < 4)
		return of_invalid(w, off, len);
	OF_NEED(off, 4);
	of_vendor(w->b, msg_u32(w->g, off));
	return of_data(w, off + 4, len - 4);
}

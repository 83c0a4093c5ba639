/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_openflow.c: OpenFlow over TCP 6653 (IANA) and 6633 (before IANA's)
 * as tcpdump 4.99 prints it: the messages of a segment one after the other,
 * each from a common header (version, type, length, xid); OpenFlow 1.0's
 * bodies in proto_openflow10*.c, any other version's header only.
 */
#include "config.h"

#include <stdint.h>

#include "decode/proto.h"
#include "decode/proto_openflow.h"

/*
 * Nothing is kept at dissection: a segment may hold several messages, or
 * start or end inside one, and the printer walks them from the payload.
 */
int proto_openflow_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_OPENFLOW;
	return PKT_PROTO_NONE;
}

static const struct msg_tok of_versions[] = {
	{ 1, "1.0" }, { 2, "1.1" }, { 3, "1.2" }, { 4, "1.3" }, { 5, "1.4" }, { 6, "1.5" }, { 0, NULL },
};

/*
 * One message from off, left bytes of the segment on; false when the
 * capture ends inside it.  *next is where the next one starts, or the
 * segment's end when the walk stops: at a header the segment cuts, at a
 * length under the header's, or at a message longer than the segment.
 */
static bool of_message(struct of_walk *w, size_t off, size_t left, size_t *next)
{
	const struct of_type *t = NULL;
	uint8_t version, type;
	uint16_t len;

	*next = SIZE_MAX;
	/* the header's fields one by one, as far as the segment has them */
	if (!of_has(w, off, 1))
		return false;
	version = msg_u8(w->g, off);
	pbuf_puts(w->b, "\n\tversion ");
	msg_tok_put(w->b, of_versions, "unknown (0x%02x)", version);
	if (left < 2)
		goto partial;
	if (!of_has(w, off + 1, 1))
		return false;
	type = msg_u8(w->g, off + 1);
	if (version == 1)
		t = of10_type(type);
	else if (version == 4)
		t = of13_type(type);
	if (t)
		msg_printf(w->b, ", type %s", t->name);
	else
		msg_printf(w->b, ", type unknown (0x%02x)", type);
	if (left < 4)
		goto partial;
	if (!of_has(w, off + 2, 2))
		return false;
	len = msg_u16(w->g, off + 2);
	msg_printf(w->b, ", length %u%s", len, len < OF_HEADER_LEN ? " (too short!)" : "");
	if (left < OF_HEADER_LEN)
		goto partial;
	if (!of_has(w, off + 4, 4))
		return false;
	msg_printf(w->b, ", xid 0x%08x", msg_u32(w->g, off + 4));
	off += OF_HEADER_LEN;
	left -= OF_HEADER_LEN;
	if (len < OF_HEADER_LEN)
		return of_invalid(w, off, left);
	len -= OF_HEADER_LEN;
	if (!t || (t->req == OF_REQ_FIX && len != t->len) || (t->req == OF_REQ_MIN && len < t->len)) {
		if (t)
			pbuf_puts(w->b, " (invalid)");
		if (!of_has(w, off, len))
			return false;
	} else if (w->v < 1 || !t->body) {
		if (!of_has(w, off, len))
			return false;
	} else if (!t->body(w, off, len)) {
		return false;
	}
	if (len <= left)
		*next = off + len;
	return true;
partial:
	pbuf_puts(w->b, " (end of TCP payload)");
	return of_has(w, off, left);
}

/*
 * A segment's messages up to the end of its captured bytes, presuming it
 * starts on a message's boundary, as tcpdump does; a message the segment
 * does not hold whole is decoded as far as it goes.
 */
bool proto_openflow_print(struct line *x)
{
	struct msg g;
	struct of_walk w = { &x->b, &g, line_verbosity(x), x };
	size_t off = 0;

	msg_of(&g, x);
	pbuf_puts(&x->b, ": OpenFlow");
	/* by the segment's length: the capture's end is a truncation */
	while (off < g.len) {
		size_t next;

		if (!of_message(&w, off, g.len - off, &next))
			return msg_trunc(x, "openflow");
		if (next == SIZE_MAX)
			break;
		off = next;
	}
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_sctp.c: JSON fields of SCTP (chunks and their main fields) and L2TP layers. */
#include "config.h"

#include "decode/proto_l2tp.h"
#include "decode/proto_sctp.h"
#include "decode/view_packet_forces.h"
#include "decode/view_packet_sctp.h"

/* A chunk's own fields, from its value at off (clen bytes of chunk, header included). */
static void sctp_chunk_fields(struct fmt_details *fd, const struct msg *g, uint8_t type,
			      uint32_t off, uint16_t clen, bool forces)
{
	uint32_t rem = clen - SCTP_CHUNK_HDR;
	uint16_t n, ndups;

	switch (type) {
	case SCTP_DATA:
		if (rem < 12)
			return;
		fmt_details_u64(fd, "tsn", msg_u32(g, off));
		fmt_details_u64(fd, "sid", msg_u16(g, off + 4));
		fmt_details_u64(fd, "ssn", msg_u16(g, off + 6));
		fmt_details_u64(fd, "ppid", msg_u32(g, off + 8));
		fmt_details_u64(fd, "data_len", rem - 12);
		/* ForCES by port or PPID (issue 13): view_packet_forces.c */
		if (forces || (msg_u32(g, off + 8) >= 21 && msg_u32(g, off + 8) <= 23))
			view_packet_forces_msg(fd, g, off + 12, rem - 12);
		return;
	case SCTP_INIT:
	case SCTP_INIT_ACK:
		if (rem < 16)
			return;
		fmt_details_u64(fd, "init_tag", msg_u32(g, off));
		fmt_details_u64(fd, "a_rwnd", msg_u32(g, off + 4));
		fmt_details_u64(fd, "os", msg_u16(g, off + 8));
		fmt_details_u64(fd, "mis", msg_u16(g, off + 10));
		fmt_details_u64(fd, "init_tsn", msg_u32(g, off + 12));
		return;
	case SCTP_SACK:
		if (rem < 12)
			return;
		fmt_details_u64(fd, "cum_tsn", msg_u32(g, off));
		fmt_details_u64(fd, "a_rwnd", msg_u32(g, off + 4));
		ndups = msg_u16(g, off + 10);
		/* the blocks and TSNs the chunk holds, however many the counts claim */
		fmt_details_array_begin(fd, "gap_blocks");
		rem -= 12;
		n = msg_u16(g, off + 8);
		off += 12;
		for (; n && rem >= 4; n--, rem -= 4, off += 4) {
			fmt_details_object_begin(fd, NULL);
			fmt_details_u64(fd, "start", msg_u16(g, off));
			fmt_details_u64(fd, "end", msg_u16(g, off + 2));
			fmt_details_object_end(fd);
		}
		fmt_details_array_end(fd);
		fmt_details_array_begin(fd, "dup_tsns");
		for (; ndups && rem >= 4; ndups--, rem -= 4, off += 4)
			fmt_details_u64(fd, NULL, msg_u32(g, off));
		fmt_details_array_end(fd);
		return;
	}
}

static void view_sctp(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data)
{
	const struct pkt_sctp *s = &m->l[ly->level].sctp;
	uint32_t off = SCTP_HDR_LEN;
	struct msg g;

	if (ly->truncated || ly->invalid)
		return;
	fmt_details_u64(fd, "sport", s->sport);
	fmt_details_u64(fd, "dport", s->dport);
	fmt_details_u64(fd, "vtag", s->vtag);
	(void)msg_at(&g, m, data, ly);
	fmt_details_array_begin(fd, "chunks");
	while (off < g.len && msg_has(&g, off, SCTP_CHUNK_HDR)) {
		uint8_t type = msg_u8(&g, off);
		uint16_t clen = msg_u16(&g, off + 2);
		const char *name = proto_sctp_chunk_name(type);

		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "type", type);
		if (name)
			fmt_details_str(fd, "name", name);
		fmt_details_u64(fd, "flags", msg_u8(&g, off + 1));
		fmt_details_u64(fd, "len", clen);
		if (clen >= SCTP_CHUNK_HDR && msg_has(&g, off, clen))
			sctp_chunk_fields(fd, &g, type, off + SCTP_CHUNK_HDR, clen,
					  view_packet_forces_port(s->sport) ||
						  view_packet_forces_port(s->dport));
		fmt_details_object_end(fd);
		if (clen < SCTP_CHUNK_HDR)
			break;
		off += (clen + 3u) & ~3u;
	}
	fmt_details_array_end(fd);
}

/* L2TP's AVPs: each one's identity and length (its value is in the text). */
static void l2tp_avps(struct fmt_details *fd, const struct msg *g, uint32_t off, uint32_t end)
{
	fmt_details_array_begin(fd, "avps");
	while (off < end && msg_has(g, off, L2TP_AVP_HDR)) {
		uint16_t w = msg_u16(g, off), len = w & L2TP_AVP_LEN;
		uint16_t vendor = msg_u16(g, off + 2), type = msg_u16(g, off + 4);
		const char *name = vendor ? NULL : proto_l2tp_avp_name(type);

		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "type", type);
		if (name)
			fmt_details_str(fd, "name", name);
		fmt_details_u64(fd, "vendor", vendor);
		fmt_details_bool(fd, "mandatory", w & L2TP_AVP_M);
		fmt_details_bool(fd, "hidden", w & L2TP_AVP_H);
		fmt_details_u64(fd, "len", len);
		fmt_details_object_end(fd);
		if (len < L2TP_AVP_HDR)
			break;
		off += len;
	}
	fmt_details_array_end(fd);
}

static void view_l2tp(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data)
{
	const struct pkt_l2tp *t = &m->l[ly->level].l2tp;
	struct msg g;
	uint32_t end;

	(void)msg_at(&g, m, data, ly);
	if (!msg_has(&g, 0, 2))
		return;
	fmt_details_object_begin(fd, "l2tp");
	fmt_details_u64(fd, "version", t->flags & 0xf);
	fmt_details_u64(fd, "flags", t->flags & 0xfff0);
	if (t->has_header) {
		bool control = t->flags & 0x8000;

		fmt_details_str(fd, "type", control ? "control" : "data");
		if (t->flags & 0x4000)
			fmt_details_u64(fd, "length", t->len);
		fmt_details_u64(fd, "tunnel_id", t->tunnel);
		fmt_details_u64(fd, "session_id", t->session);
		if (t->flags & 0x0800) {
			fmt_details_u64(fd, "ns", t->ns);
			fmt_details_u64(fd, "nr", t->nr);
		}
		if (t->flags & 0x0200)
			fmt_details_u64(fd, "offset", t->offset);
		end = t->flags & 0x4000 && t->len < g.len ? t->len : g.len;
		/* a control message's first AVP says its type (RFC 2661 4.4.1) */
		if (control && end >= t->hdr_len + 8u && msg_has(&g, t->hdr_len, 8) &&
		    !msg_u16(&g, t->hdr_len + 2) && !msg_u16(&g, t->hdr_len + 4) &&
		    !(msg_u16(&g, t->hdr_len) & L2TP_AVP_H)) {
			uint16_t mt = msg_u16(&g, t->hdr_len + 6);
			const char *name = proto_l2tp_msgtype_name(mt);

			fmt_details_u64(fd, "msg_type", mt);
			if (name)
				fmt_details_str(fd, "msg_type_name", name);
		}
		if (control)
			l2tp_avps(fd, &g, t->hdr_len, end);
	}
	fmt_details_object_end(fd);
}

bool view_packet_sctp(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data)
{
	switch (ly->proto) {
	case PKT_PROTO_SCTP:
		view_sctp(fd, m, ly, data);
		return true;
	case PKT_PROTO_L2TP:
		view_l2tp(fd, m, ly, data);
		return true;
	}
	return false;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_pgm.c: the JSON fields of PGM (RFC 3208) and ZMTP/1.0 (issue 13). */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/view_packet_pgm.h"

/* The common header: ports, type, options, global source id, TSDU length; the sequence number. */
static void put_pgm(struct fmt_details *fd, const struct msg *a)
{
	uint8_t type;
	char gsid[13];
	struct pbuf b;

	if (!msg_has(a, 0, 16))
		return;
	type = msg_u8(a, 4);
	pbuf_init(&b, gsid, sizeof(gsid));
	msg_hex(&b, a->p + 8, 6);
	fmt_details_object_begin(fd, "pgm");
	fmt_details_u64(fd, "sport", msg_u16(a, 0));
	fmt_details_u64(fd, "dport", msg_u16(a, 2));
	fmt_details_u64(fd, "type", type);
	if (proto_pgm_type_name(type))
		fmt_details_str(fd, "type_name", proto_pgm_type_name(type));
	fmt_details_u64(fd, "options", msg_u8(a, 5));
	fmt_details_str_len(fd, "gsid", gsid, b.n);
	fmt_details_u64(fd, "tsdu_len", msg_u16(a, 14));
	/* SPM, POLL, POLR, ODATA, RDATA, NAK, NULLNAK, NCF: a sequence number first; ACK's highest */
	if (type != 3 && (type <= 5 || (type >= 8 && type <= 11)) && msg_has(a, 16, 4))
		fmt_details_u64(fd, "seq", msg_u32(a, 16));
	fmt_details_object_end(fd);
}

/* The frames the segment's captured bytes hold whole headers of. */
static void put_zmtp1(struct fmt_details *fd, const struct msg *a)
{
	uint64_t off = 0, frames = 0;
	bool more = false;

	while (off < a->cap) {
		uint64_t hl = a->p[off] == 0xff ? 9 : 1, len;

		if (a->cap - off < hl)
			break;
		len = hl == 1 ? a->p[off] :
				(uint64_t)msg_u32(a, (size_t)off + 1) << 32 | msg_u32(a, (size_t)off + 5);
		frames++;
		more = len && a->cap - off > hl && (a->p[off + hl] & 1);
		if (len > a->cap - off - hl)
			break;
		off += hl + len;
	}
	fmt_details_object_begin(fd, "zmtp1");
	fmt_details_u64(fd, "frames", frames);
	fmt_details_bool(fd, "more", more);
	fmt_details_object_end(fd);
}

bool view_packet_pgm(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data)
{
	struct msg a;

	if (ly->proto != PKT_PROTO_PGM && ly->proto != PKT_PROTO_ZMTP1)
		return false;
	if (!msg_at(&a, m, data, ly))
		return true;
	if (ly->proto == PKT_PROTO_PGM)
		put_pgm(fd, &a);
	else
		put_zmtp1(fd, &a);
	return true;
}

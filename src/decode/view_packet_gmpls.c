/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * view_packet_gmpls.c: typed JSON fields of RSVP and LMP: the common header
 * and the objects' classes, read again from the captured bytes.
 */
#include "config.h"

#include "decode/proto_gmpls.h"
#include "decode/proto_msg.h"
#include "decode/view_packet_gmpls.h"

#define GMPLS_MAX_OBJECTS 64 /* objects listed at most */

/*
 * The objects from off to end, each as {class, ctype, len}: RSVP's header is
 * length, class, C-Type; LMP's is N-bit and C-Type, class, length.
 */
static void put_objects(struct fmt_details *fd, const struct msg *a, size_t off, size_t end,
			bool lmp)
{
	unsigned n = 0;

	fmt_details_array_begin(fd, "objects");
	while (off + 4 <= end && msg_has(a, off, 4) && n++ < GMPLS_MAX_OBJECTS) {
		uint16_t len = lmp ? msg_u16(a, off + 2) : msg_u16(a, off);
		uint8_t class = lmp ? msg_u8(a, off + 1) : msg_u8(a, off + 2);
		uint8_t ctype = lmp ? msg_u8(a, off) & 0x7f : msg_u8(a, off + 3);

		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "class", class);
		fmt_details_u64(fd, "ctype", ctype);
		fmt_details_u64(fd, "len", len);
		fmt_details_object_end(fd);
		if (len < 4)
			break;
		off += len;
	}
	fmt_details_array_end(fd);
}

/* LMP: version, flags, message type, the declared length and the objects. */
static void put_lmp(struct fmt_details *fd, const struct msg *a)
{
	fmt_details_object_begin(fd, "lmp");
	fmt_details_u64(fd, "len", a->len);
	if (msg_has(a, 0, 8)) {
		uint8_t type = msg_u8(a, 3);
		uint16_t len = msg_u16(a, 4);

		fmt_details_u64(fd, "version", msg_u8(a, 0) >> 4);
		fmt_details_u64(fd, "flags", msg_u8(a, 2));
		fmt_details_u64(fd, "msg_type", type);
		if (proto_lmp_msg_name(type))
			fmt_details_str(fd, "msg_type_name", proto_lmp_msg_name(type));
		fmt_details_u64(fd, "lmp_len", len);
		put_objects(fd, a, 8, len < a->len ? len : a->len, true);
	} else {
		fmt_details_bool(fd, "truncated", true);
	}
	fmt_details_object_end(fd);
}

/* RSVP: version, flags, message type, ttl, checksum, the declared length and the objects. */
static void put_rsvp(struct fmt_details *fd, const struct msg *a)
{
	fmt_details_object_begin(fd, "rsvp");
	fmt_details_u64(fd, "len", a->len);
	if (msg_has(a, 0, 8)) {
		uint8_t type = msg_u8(a, 1);
		uint16_t len = msg_u16(a, 6);

		fmt_details_u64(fd, "version", msg_u8(a, 0) >> 4);
		fmt_details_u64(fd, "flags", msg_u8(a, 0) & 0x0f);
		fmt_details_u64(fd, "msg_type", type);
		if (proto_rsvp_msg_name(type))
			fmt_details_str(fd, "msg_type_name", proto_rsvp_msg_name(type));
		fmt_details_u64(fd, "ttl", msg_u8(a, 4));
		fmt_details_u64(fd, "checksum", msg_u16(a, 2));
		fmt_details_u64(fd, "rsvp_len", len);
		/* a bundle's objects are its messages' (RFC 2961): listed only for the others */
		if (type != 12)
			put_objects(fd, a, 8, len < a->len ? len : a->len, false);
	} else {
		fmt_details_bool(fd, "truncated", true);
	}
	fmt_details_object_end(fd);
}

bool view_packet_gmpls(struct fmt_details *fd, const struct pkt_meta *m,
		       const struct pkt_layer *ly, const uint8_t *data)
{
	struct msg a;

	if (ly->proto != PKT_PROTO_LMP && ly->proto != PKT_PROTO_RSVP)
		return false;
	if (!msg_at(&a, m, data, ly))
		return true;
	if (ly->proto == PKT_PROTO_LMP)
		put_lmp(fd, &a);
	else
		put_rsvp(fd, &a);
	return true;
}

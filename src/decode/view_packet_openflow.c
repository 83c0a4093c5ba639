/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * view_packet_openflow.c: typed JSON fields of OpenFlow: the header of each
 * message the segment holds (version, type, length, xid), walked as the
 * printer walks them, and whether the walk stopped early ("malformed": a
 * length under the header's; "truncated": the capture or the segment ends
 * inside a header).
 */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/proto_openflow.h"
#include "decode/view_packet_openflow.h"

#define OF_VIEW_MAX_MESSAGES 64 /* listed at most */

static const char *const of_version_names[] = { NULL, "1.0", "1.1", "1.2", "1.3", "1.4", "1.5" };

bool view_packet_openflow(struct fmt_details *fd, const struct pkt_meta *m,
			  const struct pkt_layer *ly, const uint8_t *data)
{
	struct msg g;
	size_t off = 0;
	unsigned n = 0;
	bool malformed = false, truncated = false;

	if (ly->proto != PKT_PROTO_OPENFLOW)
		return false;
	(void)msg_at(&g, m, data, ly);
	fmt_details_object_begin(fd, "openflow");
	fmt_details_u64(fd, "len", g.len);
	fmt_details_array_begin(fd, "messages");
	while (off < g.len && n < OF_VIEW_MAX_MESSAGES) {
		const struct of_type *t = NULL;
		uint8_t version, type;
		uint16_t len;

		if (!msg_has(&g, off, OF_HEADER_LEN) || g.len - off < OF_HEADER_LEN) {
			truncated = true;
			break;
		}
		version = msg_u8(&g, off);
		type = msg_u8(&g, off + 1);
		len = msg_u16(&g, off + 2);
		if (version == 1)
			t = of10_type(type);
		else if (version == 4)
			t = of13_type(type);
		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "version", version);
		if (version < sizeof(of_version_names) / sizeof(of_version_names[0]) &&
		    of_version_names[version])
			fmt_details_str(fd, "version_name", of_version_names[version]);
		fmt_details_u64(fd, "type", type);
		if (t)
			fmt_details_str(fd, "type_name", t->name);
		fmt_details_u64(fd, "length", len);
		fmt_details_u64(fd, "xid", msg_u32(&g, off + 4));
		fmt_details_object_end(fd);
		n++;
		if (len < OF_HEADER_LEN) {
			malformed = true;
			break;
		}
		off += len;
	}
	fmt_details_array_end(fd);
	fmt_details_bool(fd, "malformed", malformed);
	fmt_details_bool(fd, "truncated", truncated);
	fmt_details_object_end(fd);
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_more.c: JSON fields of BSD loopback and RESP layers. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/view_packet_more.h"

/* What RESP's first byte says the segment starts with (anything else is an inline command). */
static const char *resp_type(uint8_t c)
{
	switch (c) {
	case '+':
		return "simple_string";
	case '-':
		return "error";
	case ':':
		return "integer";
	case '$':
		return "bulk_string";
	case '*':
		return "array";
	}
	return "inline";
}

bool view_packet_more(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data)
{
	struct msg a;

	switch (ly->proto) {
	case PKT_PROTO_NULL:
		if (!ly->truncated)
			fmt_details_u64(fd, "af", m->bsd_af);
		return true;
	case PKT_PROTO_RESP:
		(void)msg_at(&a, m, data, ly);
		fmt_details_object_begin(fd, "resp");
		fmt_details_u64(fd, "len", a.len);
		if (msg_has(&a, 0, 1))
			fmt_details_str(fd, "type", resp_type(msg_u8(&a, 0)));
		fmt_details_object_end(fd);
		return true;
	}
	return false;
}

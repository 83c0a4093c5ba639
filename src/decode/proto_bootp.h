/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_bootp.h: BOOTP/DHCP's fixed header offsets and option table, shared by printer and JSON. */
#ifndef SOCKEYE_PROTO_BOOTP_H
#define SOCKEYE_PROTO_BOOTP_H

#include <stdint.h>

/* RFC 951's fixed header: where each field starts. */
enum {
	BOOTP_OP = 0,
	BOOTP_HTYPE = 1,
	BOOTP_HLEN = 2,
	BOOTP_HOPS = 3,
	BOOTP_XID = 4,
	BOOTP_SECS = 8,
	BOOTP_FLAGS = 10,
	BOOTP_CIADDR = 12,
	BOOTP_YIADDR = 16,
	BOOTP_SIADDR = 20,
	BOOTP_GIADDR = 24,
	BOOTP_CHADDR = 28,
	BOOTP_SNAME = 44,
	BOOTP_FILE = 108,
	BOOTP_VEND = 236,
};

#define BOOTP_TAG_PAD	      0
#define BOOTP_TAG_DHCP_MSG    53
#define BOOTP_TAG_PARM_REQ    55
#define BOOTP_TAG_END	      255

/*
 * tcpdump's name of option tag, its first character the value's format
 * (proto_bootp_opts.c), or NULL for a tag tcpdump does not name.
 */
const char *proto_bootp_tag(uint8_t tag);

/* "Discover" .. "Inform" (DHCP message types 1 to 8), or NULL. */
const char *proto_bootp_msg_name(uint8_t type);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* genl.h: generic netlink requests and family lookup, on top of nldump. */
#ifndef SOCKEYE_GENL_H
#define SOCKEYE_GENL_H

#include <stddef.h>
#include <stdint.h>

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

/* Words of a request buffer with room for the headers and one short attribute. */
#define GENL_REQ_WORDS ((MNL_NLMSG_HDRLEN + GENL_HDRLEN + MNL_ATTR_HDRLEN + 32) / 4)

/* Zeroes req (size bytes) and puts netlink and genetlink headers in it; returns its header. */
struct nlmsghdr *genl_request(void *req, size_t size, uint16_t type, uint16_t flags, uint8_t cmd,
			      uint8_t version);

/* The id of the generic netlink family name: 0, -ENOENT when the kernel has none, or -errno. */
int genl_family_id(const char *name, uint16_t *id);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nldump.h: one netlink request on a fresh socket, its replies kept as raw bytes, and their walk. */
#ifndef SOCKEYE_NLDUMP_H
#define SOCKEYE_NLDUMP_H

#include <stddef.h>
#include <stdint.h>

#include <linux/netlink.h>

/*
 * Zeroes buf (size bytes, 4-byte aligned) and puts a request header of type
 * with NLM_F_REQUEST | flags in it; the caller appends its payload.
 */
struct nlmsghdr *nldump_request(void *buf, size_t size, uint16_t type, uint16_t flags);

/*
 * Sends req (a whole message: header, payload, attributes) on a new socket of
 * protocol proto and returns in a malloc'd buffer every reply message of type
 * want (0: every data message), each padded to NLMSG_ALIGNTO so the buffer
 * walks like a datagram.  A dump (NLM_F_DUMP) is read to NLMSG_DONE and
 * redone when the kernel flags it interrupted (NLM_F_DUMP_INTR); any other
 * request reads one reply.  A fresh socket per call keeps the tail of a failed
 * dump from being read as the start of the next one.  0 or -errno: the error
 * of an NLMSG_ERROR or a failed dump's NLMSG_DONE, -EAGAIN when changes kept
 * interrupting the dump.  *buf is NULL (and *len 0) when nothing came.
 */
int nldump(int proto, struct nlmsghdr *req, uint16_t want, void **buf, size_t *len);

/*
 * The next message of buf (len bytes of aligned messages, as nldump returns
 * them or a file holds them) at *off, checked to lie inside buf; *off moves
 * past it.  1 with *nlh set, 0 at the end, -EBADMSG on a message that does not
 * fit, -EINVAL when buf is not 4-byte aligned (malloc'd memory is).
 */
int nldump_next(const void *buf, size_t len, size_t *off, const struct nlmsghdr **nlh);

/*
 * Calls cb for each attribute of the len bytes at start (a message's tail or
 * a nested attribute's payload).  Walked by hand: mnl_attr_parse stops
 * silently at an attribute running past the end.  Bytes left over that do not
 * form an attribute are -EBADMSG; otherwise the first nonzero cb return.
 */
struct nlattr;
int nldump_attrs(const void *start, size_t len, int (*cb)(const struct nlattr *a, void *arg),
		 void *arg);

/*
 * Copies the first n bytes of an attribute holding a fixed struct (newer
 * kernels may append fields): 0, or -EBADMSG when it is shorter than n.
 */
int nldump_attr_copy(const struct nlattr *a, void *dst, size_t n);

#endif

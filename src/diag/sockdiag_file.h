/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sockdiag_file.h: recorded sock_diag dumps (--dump-raw, --replay): the datagrams as received. */
#ifndef SOCKEYE_SOCKDIAG_FILE_H
#define SOCKEYE_SOCKDIAG_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag/sockdiag.h"

/*
 * A recording is "SKYSDIAG", a u32 version and a u32 byte-order mark, then
 * records of { u32 type, u32 length, payload padded to 4 bytes } in the
 * host's byte order (netlink's own):
 *   NETNS  the namespace the following records come from (its name)
 *   LINK   u32 ifindex + interface name, for names of bound devices and scopes
 *   DUMP   u8 family, u8 flags, u16 protocol, then one reply datagram as received
 */
enum sockdiag_file_type {
	SOCKDIAG_FILE_NETNS = 1,
	SOCKDIAG_FILE_LINK = 2,
	SOCKDIAG_FILE_DUMP = 3,
};

/* DUMP flags. */
#define SOCKDIAG_FILE_FILTERED 0x01	/* the kernel already applied the filter expression */

/* Records past this size are rejected: a datagram is at most 32 KiB. */
#define SOCKDIAG_FILE_MAX_REC (1u << 20)

/* Each returns 0 or -errno (the stream's error: ENOSPC, EIO). */
int sockdiag_file_write_header(FILE *f);
int sockdiag_file_write_netns(FILE *f, const char *name);
int sockdiag_file_write_link(FILE *f, uint32_t ifindex, const char *name);
int sockdiag_file_write_dump(FILE *f, const struct sockdiag_req *req, unsigned flags,
			     const void *buf, size_t len);

struct sockdiag_file_rec {
	enum sockdiag_file_type type;
	const char *name;		/* NETNS, LINK: NUL-terminated */
	uint32_t ifindex;		/* LINK */
	struct sockdiag_req req;	/* DUMP: family and protocol */
	unsigned flags;			/* DUMP */
	const void *data;		/* DUMP: the datagram, 4-byte aligned */
	size_t len;
};

struct sockdiag_reader {
	FILE *f;
	uint32_t *buf;		/* u32 keeps the payload aligned */
	size_t cap;
};

/*
 * Checks the header.  0, -EBADMSG (not a recording, or cut short), -EPROTO
 * (another version, or recorded on a host of the other byte order).
 */
int sockdiag_file_open(struct sockdiag_reader *r, FILE *f);
/*
 * The next record; its pointers live until the next call.  1 with a record,
 * 0 at the end, -EBADMSG on a malformed or cut-short record, -ENOMEM, -EIO.
 * Records of unknown type are skipped, so newer recordings stay readable.
 */
int sockdiag_file_next(struct sockdiag_reader *r, struct sockdiag_file_rec *rec);
void sockdiag_file_close(struct sockdiag_reader *r);

#endif

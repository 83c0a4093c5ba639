/* SPDX-License-Identifier: GPL-2.0-or-later */
/* procnet.h: /proc/net/raw{,6} as sock_diag replies, for kernels without raw_diag. */
#ifndef SOCKEYE_PROCNET_H
#define SOCKEYE_PROCNET_H

#include <stddef.h>
#include <stdio.h>

/*
 * Reads a /proc/net/raw (af AF_INET) or /proc/net/raw6 (AF_INET6) table and
 * writes it as one datagram of SOCK_DIAG_BY_FAMILY messages ending in
 * NLMSG_DONE, so it takes the same parser, filter and recording as a real
 * dump.  *buf is malloc'd (4-byte aligned).  0, -EBADMSG on a malformed
 * line, -ENOMEM.
 */
int procnet_raw_datagram(FILE *f, int af, void **buf, size_t *len);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* diag_requests.h: how many sock_diag dumps this process asked for, each a walk of a kernel table. */
#ifndef SOCKEYE_DIAG_REQUESTS_H
#define SOCKEYE_DIAG_REQUESTS_H

/*
 * Every sender of a NETLINK_SOCK_DIAG dump (sockdiag, packet_diag) counts
 * it here, so top -v can say what a refresh costs and the tests count it.
 */
void diag_requests_count(void);
/* The requests counted so far. */
unsigned long diag_requests_sent(void);

#endif

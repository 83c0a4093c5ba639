/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcpinfo.h: struct tcp_info and congestion-control info from sock_diag, whatever their length. */
#ifndef SOCKEYE_TCPINFO_H
#define SOCKEYE_TCPINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/inet_diag.h>
#include <linux/tcp.h>

/*
 * struct tcp_info grows at its end with the kernel.  The part the kernel
 * sent is copied into ti (the rest stays 0) and len says how much that was;
 * TCPINFO_HAS tells whether a field was in it.
 */
struct tcpinfo {
	struct tcp_info ti;
	size_t len;
};
#define TCPINFO_HAS(t, field) \
	((t)->len >= offsetof(struct tcp_info, field) + sizeof((t)->ti.field))

/* The oldest layout read: everything up to tcpi_total_retrans (every 3.x+ kernel). */
#define TCPINFO_MIN_LEN offsetof(struct tcp_info, tcpi_pacing_rate)

/* 0, or -EBADMSG when len is shorter than TCPINFO_MIN_LEN. */
int tcpinfo_parse(const void *p, size_t len, struct tcpinfo *t);

/* The congestion control's own info: INET_DIAG_VEGASINFO, _DCTCPINFO or _BBRINFO. */
struct tcpinfo_cc {
	uint16_t type;
	union {
		struct tcpvegas_info vegas;
		struct tcp_dctcp_info dctcp;
		struct tcp_bbr_info bbr;
	};
};

/* 0, -EBADMSG when p is too short for its type, -ENOENT for a type it does not know. */
int tcpinfo_cc_parse(uint16_t type, const void *p, size_t len, struct tcpinfo_cc *cc);

/* BBR's bandwidth estimate in bytes per second. */
uint64_t tcpinfo_bbr_bw(const struct tcp_bbr_info *b);

#endif

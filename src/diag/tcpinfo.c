/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcpinfo.c: copies versioned tcp_info and congestion-control payloads into fixed structs. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "diag/tcpinfo.h"

int tcpinfo_parse(const void *p, size_t len, struct tcpinfo *t)
{
	memset(t, 0, sizeof(*t));
	if (!p || len < TCPINFO_MIN_LEN)
		return -EBADMSG;
	/* A newer kernel's longer struct is cut to the fields this build knows. */
	t->len = len < sizeof(t->ti) ? len : sizeof(t->ti);
	memcpy(&t->ti, p, t->len);
	return 0;
}

int tcpinfo_cc_parse(uint16_t type, const void *p, size_t len, struct tcpinfo_cc *cc)
{
	size_t need, room;

	memset(cc, 0, sizeof(*cc));
	switch (type) {
	case INET_DIAG_VEGASINFO:
		need = sizeof(cc->vegas);
		break;
	case INET_DIAG_DCTCPINFO:
		need = sizeof(cc->dctcp);
		break;
	case INET_DIAG_BBRINFO:
		/* bbr_cwnd_gain is the last field every BBR kernel sends. */
		need = offsetof(struct tcp_bbr_info, bbr_cwnd_gain) + sizeof(cc->bbr.bbr_cwnd_gain);
		break;
	default:
		return -ENOENT;
	}
	if (!p || len < need)
		return -EBADMSG;
	room = sizeof(*cc) - offsetof(struct tcpinfo_cc, vegas);
	memcpy(&cc->vegas, p, len < room ? len : room);
	cc->type = type;
	return 0;
}

uint64_t tcpinfo_bbr_bw(const struct tcp_bbr_info *b)
{
	return (uint64_t)b->bbr_bw_hi << 32 | b->bbr_bw_lo;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcpseq.h: per-flow bases for relative TCP sequence numbers, O(1) and bounded in memory. */
#ifndef SOCKEYE_TCPSEQ_H
#define SOCKEYE_TCPSEQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tcpseq;

/* A flow as one packet sees it: addresses in network order, 4 or 16 bytes used. */
struct tcpseq_pkt {
	uint8_t family;		/* 4 or 6 */
	const uint8_t *src, *dst;
	uint16_t sport, dport;
	uint32_t seq, ack;
	bool syn, ack_flag;
};

/*
 * max_flows bounds the memory (16 bytes a flow); past it the least
 * recently seen flow of a set gives way, and its next packet starts it anew.
 */
struct tcpseq *tcpseq_new(size_t max_flows);
void tcpseq_free(struct tcpseq *t);

/*
 * tcpdump's rule: only packets with ACK take part.  The first such packet of
 * a connection, or one with SYN, records the bases and is printed absolute
 * (returns false); later packets get *seq_base and *ack_base to subtract
 * (returns true).
 */
bool tcpseq_lookup(struct tcpseq *t, const struct tcpseq_pkt *p, uint32_t *seq_base,
		   uint32_t *ack_base);
size_t tcpseq_count(const struct tcpseq *t);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ring_rx.h: an AF_PACKET TPACKET_V3 receive ring, walked block by block in place (zero copy). */
#ifndef SOCKEYE_RING_RX_H
#define SOCKEYE_RING_RX_H

#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ring_rx_dir { RING_RX_INOUT, RING_RX_IN, RING_RX_OUT };

struct ring_rx_opts {
	int ifindex;			/* 0: every interface, packets carry a cooked SLL2 header */
	unsigned snaplen;		/* bytes kept per packet (link header included) */
	size_t ring_bytes;		/* total ring size; rounded to whole blocks */
	unsigned block_timeout_ms;	/* the kernel retires a partly filled block after this */
	bool promisc;
	enum ring_rx_dir dir;		/* RING_RX_IN uses PACKET_IGNORE_OUTGOING; OUT is filtered in BPF */
	const struct sock_fprog *filter;/* attached before bind; may be NULL */
	int fanout_group;		/* > 0: join this PACKET_FANOUT group id (1..65535) */
	int fanout_mode;		/* PACKET_FANOUT_HASH, _CPU, _LB, _ROLLOVER, ... */
};

/* One received packet, pointing into the ring: valid until ring_rx_release of its block. */
struct ring_pkt {
	const uint8_t *data;	/* from the link header on (Ethernet, or cooked SLL2 when ifindex is 0) */
	uint32_t caplen;
	uint32_t wirelen;
	uint64_t ts_ns;		/* CLOCK_REALTIME from the kernel */
	int ifindex;
	uint8_t pkttype;	/* PACKET_HOST, PACKET_OUTGOING, ... */
	uint16_t protocol;	/* ethertype, host order */
	uint8_t csum_hint;	/* enum pkt_csum_hint (decode/pkt_meta.h), from tp_status */
};

/* A block the kernel handed to user space: walk it with ring_block_next. */
struct ring_block {
	uint8_t *base;
	uint32_t num_pkts;
	uint32_t next;		/* packets already walked */
	uint8_t *cur;		/* the next tpacket3_hdr */
	uint8_t *end;
	int cooked;		/* write an SLL2 header in front of each packet */
	uint32_t idx;
};

struct ring_rx_stats {
	uint64_t packets;	/* tp_packets: passed the filter, ring drops included */
	uint64_t drops;		/* tp_drops: the ring was full */
	uint64_t freeze_q;	/* tp_freeze_q_cnt: times the queue was frozen */
};

struct ring_rx;

/* Opens, attaches the filter, sets up and maps the ring, then binds.  0 or -errno. */
int ring_rx_open(struct ring_rx **r, const struct ring_rx_opts *o);
void ring_rx_close(struct ring_rx *r);
int ring_rx_fd(const struct ring_rx *r);
/*
 * The link type a ring on ifindex delivers (0: "any"): DLT_EN10MB, or
 * DLT_LINUX_SLL2 for cooked capture.  -ENODEV or -errno when the device is gone.
 */
int ring_rx_linktype_of(int ifindex);
unsigned ring_rx_block_size(const struct ring_rx *r);

/* The next block the kernel retired, or false when none is ready (then poll the fd). */
bool ring_rx_next_block(struct ring_rx *r, struct ring_block *b);
/* The next packet of the block; false at its end. */
bool ring_block_next(struct ring_block *b, struct ring_pkt *p);
/* Hands the block back to the kernel. */
void ring_rx_release(struct ring_rx *r, struct ring_block *b);

/*
 * Packets the kernel has put in the block it is filling now, which it hands
 * over only when the block is full or its timeout retires it: 0 when none.
 * Call after walking every ready block (it looks at the block after them).
 */
uint32_t ring_rx_pending(const struct ring_rx *r);
/*
 * Packets in the ring not yet handed back: the ready blocks not yet released
 * and the block the kernel is filling.  After ring_rx_end_intake and the last
 * drain, with PACKET_STATISTICS read, received = walked + drops + this.
 */
uint64_t ring_rx_left(const struct ring_rx *r);
/*
 * Ends the socket's intake: no packet reaches the ring or the kernel's
 * counters any more, once ring_rx_settle() returned; the ring keeps what it
 * holds (the block timeout still retires the open block).  The end of a
 * capture calls both first, so the counters read afterwards stay put.
 * 0 or -errno.
 */
int ring_rx_end_intake(struct ring_rx *r);
/* After ring_rx_end_intake on some rings: waits for packets already on their way into them. */
void ring_rx_settle(void);
/*
 * The socket's pending error (SO_ERROR), read and so cleared: 0 or -errno.
 * The kernel sets -ENETDOWN when the device goes down or away, and poll
 * reports POLLERR until it is read.
 */
int ring_rx_error(struct ring_rx *r);

/* Adds the kernel's counters since the last call (PACKET_STATISTICS resets them) to s. */
int ring_rx_stats(struct ring_rx *r, struct ring_rx_stats *s);

#endif

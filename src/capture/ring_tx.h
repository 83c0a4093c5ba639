/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ring_tx.h: the PACKET_TX_RING transmit ring: frames filled in place, sent in batches. */
#ifndef SOCKEYE_RING_TX_H
#define SOCKEYE_RING_TX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ring_tx_opts {
	int ifindex;
	size_t ring_bytes;	/* total ring size (0: 4 MiB); rounded to whole blocks */
	unsigned max_len;	/* the largest frame to send, link header included */
	int version;		/* 2 or 3 (TPACKET_V2 or _V3); 0: RING_TX_DEFAULT_VERSION */
	bool qdisc_bypass;	/* PACKET_QDISC_BYPASS: straight to the driver's queue */
};

/*
 * TX with V2 and V3 costs the same in the kernel (V3 only changes the frame
 * header; tpacket_snd walks fixed-size frames for both), but V3 TX needs
 * Linux 4.11 and V2 runs everywhere.  bench/inject.sh measures both.
 */
#define RING_TX_DEFAULT_VERSION 2

/* What the ring did since it was opened. */
struct ring_tx_stats {
	uint64_t queued;	/* frames handed to the kernel */
	uint64_t sent;		/* frames the kernel transmitted and gave back */
	uint64_t bytes;		/* their bytes */
	uint64_t wrong_format;	/* frames refused (TP_STATUS_WRONG_FORMAT), taken out */
	uint64_t backoffs;	/* send()s the device pushed back (ENOBUFS, EAGAIN): retried */
	uint64_t kicks;		/* send() calls */
};

struct ring_tx;

/* Opens the socket, sets up and maps the ring, binds to the device.  0 or -errno. */
int ring_tx_open(struct ring_tx **r, const struct ring_tx_opts *o);
/* Unmaps and closes; frames still queued are dropped (ring_tx_drain first to send them). */
void ring_tx_close(struct ring_tx *r);
/* The TPACKET version of the ring: 2 or 3. */
int ring_tx_version(const struct ring_tx *r);
unsigned ring_tx_frame_nr(const struct ring_tx *r);

/*
 * The data area of the next free frame (o->max_len bytes), or NULL when the
 * kernel still owns it (the ring is full: kick, then ring_tx_wait).  *prev_len is the length this
 * frame carried the last time it was committed (0 for a fresh frame): its
 * bytes are still there, so a caller sending the same bytes again may skip
 * rewriting them.
 */
uint8_t *ring_tx_frame(struct ring_tx *r, uint32_t *prev_len);
/*
 * Queues the frame ring_tx_frame returned with len bytes (at most o->max_len, and
 * what the device's MTU allows: with PACKET_VNET_HDR the kernel leaves that check
 * to us); nothing is sent before a kick.
 */
void ring_tx_commit(struct ring_tx *r, uint32_t len);
/*
 * Asks the kernel to send every queued frame, with send(MSG_DONTWAIT).  A
 * frame the kernel refuses is counted in wrong_format and taken out of the
 * ring, and the rest are sent.  0, or -errno of a failure that stays (ENETDOWN,
 * ENXIO); device backpressure (ENOBUFS, EAGAIN) is counted and returns 0.
 */
int ring_tx_kick(struct ring_tx *r);
/* Waits up to timeout_ms for the next frame to come free.  0 or -errno (-EINTR). */
int ring_tx_wait(struct ring_tx *r, int timeout_ms);
/* Frames queued and not yet given back by the kernel. */
unsigned ring_tx_pending(struct ring_tx *r);
/*
 * Kicks and waits until every queued frame is back or timeout_ms passed.
 * 0, -ETIMEDOUT (frames are still queued), or a kick's -errno.
 */
int ring_tx_drain(struct ring_tx *r, int timeout_ms);
void ring_tx_stats(const struct ring_tx *r, struct ring_tx_stats *s);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rings.h: the capture rings one thread polls: wait, drain into sniff, notice a lost device. */
#ifndef SOCKEYE_SNIFF_RINGS_H
#define SOCKEYE_SNIFF_RINGS_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>

#include "capture/ring_rx.h"
#include "capture/sniff.h"

/* One open ring and the interface (index into sniff's ifaces) its packets belong to. */
struct sniff_ring {
	struct ring_rx *ring;
	unsigned iface;
	unsigned worker;		/* the fanout worker that owns it (0 without --fanout) */
	struct ring_rx_stats kstats;	/* PACKET_STATISTICS summed; only one thread reads them */
};

struct sniff_rings {
	struct sniff_ring **rings;
	unsigned n;
	struct pollfd *pfd;		/* one per ring, then the stop descriptor */
	int stop_fd;			/* readable once the capture must end; -1: none */
	bool stopped;			/* stop_fd was readable */
	int failed;			/* index of the first ring whose socket failed, or -1 */
	int fail_err;			/* its error: -ENETDOWN when its device went down or away */
};

/* rs over n rings (pointers kept, not copied); 0 or -ENOMEM. */
int sniff_rings_init(struct sniff_rings *rs, struct sniff_ring **rings, unsigned n, int stop_fd);
void sniff_rings_fini(struct sniff_rings *rs);

/*
 * Hands every packet of every ready block to sniff_packet, flushing the
 * writer before each block goes back (it borrowed the packets).  Stops early
 * once s->done.  True when any block was read.
 */
bool sniff_rings_drain(struct sniff_rings *rs, struct sniff *s);

/*
 * Sleeps until a block is ready, the stop descriptor is readable or a socket
 * reports an error, at most timeout_ms (-1: no limit).  A socket error (the
 * device went down or away: the kernel says so once, by POLLERR, until read)
 * sets failed and fail_err; stop_fd sets stopped.  0, or -errno when poll
 * itself fails (-EINTR is 0: the caller looks at its signal flag).
 */
int sniff_rings_wait(struct sniff_rings *rs, int timeout_ms);

/*
 * The first step of a capture's end: every ring stops taking packets, so the
 * kernel's counters, read after the last drain, count exactly what the rings
 * got (ring_rx_end_intake).
 */
void sniff_rings_end_intake(struct sniff_rings *rs);

/*
 * At the end of a capture, after sniff_rings_end_intake: the kernel keeps
 * packets in a partly filled block until the block timeout retires it.  Waits
 * up to max_ms for those blocks and drains them, so a stop loses nothing the
 * kernel already took.  Returns the packets still in the rings when max_ms ran
 * out, ready blocks and the open one (0 normally; 0 once s->done: the rest was
 * not wanted).
 */
uint64_t sniff_rings_linger(struct sniff_rings *rs, struct sniff *s, unsigned max_ms);

#endif

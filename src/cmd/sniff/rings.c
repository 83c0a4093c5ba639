/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rings.c: the capture rings one thread polls: wait, drain into sniff, notice a lost device. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "cmd/sniff/rings.h"
#include "util/clock.h"

/*
 * Blocks taken from one ring per drain: under a load that never lets up the
 * caller still gets back to its poll (which sees the stop descriptor) and to
 * the other rings.
 */
#define DRAIN_BLOCKS 16

int sniff_rings_init(struct sniff_rings *rs, struct sniff_ring **rings, unsigned n, int stop_fd)
{
	*rs = (struct sniff_rings){ .rings = rings, .n = n, .stop_fd = stop_fd, .failed = -1 };
	rs->pfd = calloc(n + 1, sizeof(*rs->pfd));
	if (!rs->pfd)
		return -ENOMEM;
	for (unsigned i = 0; i < n; i++)
		rs->pfd[i] = (struct pollfd){ .fd = ring_rx_fd(rings[i]->ring), .events = POLLIN };
	rs->pfd[n] = (struct pollfd){ .fd = stop_fd, .events = POLLIN };
	return 0;
}

void sniff_rings_fini(struct sniff_rings *rs)
{
	free(rs->pfd);
	rs->pfd = NULL;
}

bool sniff_rings_drain(struct sniff_rings *rs, struct sniff *s)
{
	bool any = false;

	for (unsigned i = 0; i < rs->n && !s->done; i++) {
		struct sniff_ring *sr = rs->rings[i];
		struct ring_block b;
		struct ring_pkt p;

		for (unsigned nb = 0; nb < DRAIN_BLOCKS && !s->done && ring_rx_next_block(sr->ring, &b);
		     nb++) {
			while (ring_block_next(&b, &p)) {
				struct sniff_pkt sp = {
					.data = p.data,
					.caplen = p.caplen,
					.wirelen = p.wirelen,
					.ts_ns = p.ts_ns,
					.iface = sr->iface,
					.pkttype = p.pkttype,
					.csum_hint = p.csum_hint,
				};

				sniff_packet(s, &sp);
			}
			/* The writer borrowed the block's packets: write them before it goes back. */
			if (s->w && !s->write_err) {
				s->write_err = savefile_write_flush(s->w);
				s->done |= s->write_err != 0;
			}
			ring_rx_release(sr->ring, &b);
			any = true;
		}
	}
	return any;
}

/* Polls nfds of rs->pfd (the rings, and the stop descriptor when nfds says so). */
static int wait_fds(struct sniff_rings *rs, nfds_t nfds, int timeout_ms)
{
	if (poll(rs->pfd, nfds, timeout_ms) < 0)
		return errno == EINTR ? 0 : -errno;
	for (unsigned i = 0; i < rs->n; i++) {
		short ev = rs->pfd[i].revents;
		int err;

		if (ev & POLLNVAL)
			return -EBADF;
		if (!(ev & (POLLERR | POLLHUP)))
			continue;
		/*
		 * Reading SO_ERROR clears it, so poll stops reporting it: without this
		 * read a vanished device made poll return at once, forever (a busy loop).
		 */
		err = ring_rx_error(rs->rings[i]->ring);
		if (!err && (ev & POLLHUP))
			err = -EPIPE;
		if (err && rs->failed < 0) {
			rs->failed = (int)i;
			rs->fail_err = err;
		}
	}
	if (nfds > rs->n && (rs->pfd[rs->n].revents & POLLIN))
		rs->stopped = true;
	return 0;
}

int sniff_rings_wait(struct sniff_rings *rs, int timeout_ms)
{
	return wait_fds(rs, rs->n + (rs->stop_fd >= 0), timeout_ms);
}

static uint64_t pending(const struct sniff_rings *rs)
{
	uint64_t n = 0;

	for (unsigned i = 0; i < rs->n; i++)
		n += ring_rx_pending(rs->rings[i]->ring);
	return n;
}

void sniff_rings_end_intake(struct sniff_rings *rs)
{
	for (unsigned i = 0; i < rs->n; i++)
		ring_rx_end_intake(rs->rings[i]->ring);	/* a failure only leaves counters moving */
	if (rs->n)
		ring_rx_settle();
}

/* Every packet still in the rings: what the count of a capture lacks to match the kernel's. */
static uint64_t left(const struct sniff_rings *rs)
{
	uint64_t n = 0;

	for (unsigned i = 0; i < rs->n; i++)
		n += ring_rx_left(rs->rings[i]->ring);
	return n;
}

uint64_t sniff_rings_linger(struct sniff_rings *rs, struct sniff *s, unsigned max_ms)
{
	uint64_t end = clock_ns(CLOCK_MONOTONIC) + (uint64_t)max_ms * 1000000;
	uint64_t now = clock_ns(CLOCK_MONOTONIC);

	for (;;) {
		while (!s->done && now < end && sniff_rings_drain(rs, s))
			now = clock_ns(CLOCK_MONOTONIC);
		if (s->done || !pending(rs) || now >= end)
			return s->done ? 0 : left(rs);
		/* Without the stop descriptor: it stays readable now that the end has come. */
		if (wait_fds(rs, rs->n, (int)((end - now) / 1000000) + 1) < 0)
			return left(rs);
		now = clock_ns(CLOCK_MONOTONIC);
	}
}

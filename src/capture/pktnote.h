/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pktnote.h: pcapng of packets caught in the kernel (trace -w, drops -w), each with its comments. */
#ifndef SOCKEYE_PKTNOTE_H
#define SOCKEYE_PKTNOTE_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/savefile.h"

/*
 * A BPF program at a hop reads a packet from its link header where the
 * device has an Ethernet one, else from its network header: the file has an
 * interface of each kind.  Comments are what tshark shows as frame.comment:
 * the first says what became of the packet ("dropped: NO_SOCKET at
 * udp_rcv+0x12", trace's fate and hops), the second whose it was (attrib's
 * "pid=1234 comm=curl cgroup=/x.slice"), in the same words in every command.
 */
struct pktnote;

struct pktnote_pkt {
	uint64_t ts_ns;		/* since the epoch */
	bool l3;		/* data starts at the network header */
	const uint8_t *data;
	uint32_t caplen;	/* bytes at data (0: nothing is written) */
	uint32_t wirelen;	/* the packet's length from its first header */
	const char *what;	/* its fate, or NULL */
	const char *whose;	/* its process, or NULL */
	uint16_t whose_len;	/* whose's length when known (0: measured) */
};

/* Creates PATH ("-": stdout), its records cut to snaplen.  0 or -errno. */
int pktnote_open(struct pktnote **out, const char *path, uint32_t snaplen);
/* Buffers one packet.  0 or -errno (a failed write sticks). */
int pktnote_write(struct pktnote *w, const struct pktnote_pkt *p);
/* Writes what is buffered (a reader following the file sees it).  0 or -errno. */
int pktnote_flush(struct pktnote *w);
/* Flushes and closes; always frees w.  0 or the first -errno. */
int pktnote_close(struct pktnote *w);

#endif

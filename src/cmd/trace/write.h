/* SPDX-License-Identifier: GPL-2.0-or-later */
/* write.h: trace -w: each packet's first bytes into a pcapng file, its hops and fate as a comment. */
#ifndef SOCKEYE_CMD_TRACE_WRITE_H
#define SOCKEYE_CMD_TRACE_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "capture/pktnote.h"
#include "cmd/trace/packets.h"
#include "cmd/trace/view_trace.h"

/*
 * The packet (nothing without bytes) into w (capture/pktnote.h) with
 * "fate; hop@iface +us ..." as its first comment, and whose (its process's
 * "pid=... comm=... cgroup=...", or NULL) as its second.  0 or -errno.
 */
int trace_write_packet(struct pktnote *w, const struct view_trace *v, const struct trace_pkt *p,
		       const char *whose, uint16_t whose_len);
/* The comment of p into buf: its fate, then each hop with its device and offset in us. */
void trace_write_comment(const struct view_trace *v, const struct trace_pkt *p, char *buf,
			 size_t len);

#endif

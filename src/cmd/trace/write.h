/* SPDX-License-Identifier: GPL-2.0-or-later */
/* write.h: trace -w: each packet's first bytes into a pcapng file, its hops and fate as a comment. */
#ifndef SOCKEYE_CMD_TRACE_WRITE_H
#define SOCKEYE_CMD_TRACE_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "cmd/trace/packets.h"
#include "cmd/trace/view_trace.h"

struct trace_write;

/* Creates PATH ("-": stdout) with an Ethernet and a raw-IP interface.  0 or -errno. */
int trace_write_open(struct trace_write **out, const char *path, uint32_t snaplen);
/* The packet (nothing without bytes) with "fate; hop@iface +us ..." as its comment.  0 or -errno. */
int trace_write_packet(struct trace_write *w, const struct view_trace *v,
		       const struct trace_pkt *p);
/* The comment of p into buf: its fate, then each hop with its device and offset in us. */
void trace_write_comment(const struct view_trace *v, const struct trace_pkt *p, char *buf,
			 size_t len);
/* Flushes and closes; always frees w.  0 or the first -errno. */
int trace_write_close(struct trace_write *w);

#endif

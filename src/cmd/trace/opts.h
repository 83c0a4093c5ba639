/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts.h: what trace's command line asks for, and its parser. */
#ifndef SOCKEYE_CMD_TRACE_OPTS_H
#define SOCKEYE_CMD_TRACE_OPTS_H

#ifdef HAVE_BPF
#include <linux/filter.h>
#include <stdbool.h>
#include <stdint.h>

#include "attrib/attrib_filter.h"
#include "bpf/drop_reasons.h"
#include "bpf/loader.h"
#include "bpf/trace.h"

/* -w's snap length when --snaplen is not given: the whole event's bytes. */
#define TRACE_DEFAULT_SNAPLEN TRACE_SNAP_MAX
/* Without -w: enough of the headers for the packet's summary line. */
#define TRACE_SUMMARY_SNAPLEN 128

struct trace_cmd {
	const char *iface;		/* -i */
	uint64_t count;			/* -c: packets, 0: no end */
	uint64_t duration_ns;		/* -d, 0: no end */
	const char *write_path;		/* -w, or NULL */
	uint32_t snaplen;		/* --snaplen */
	bool summary;			/* --summary */
	enum loader_attach attach;	/* --attach */
	uint64_t ring_bytes;		/* --ring-size */
	uint32_t max_packets;		/* --max-packets */
	char *filter;			/* the FILTER words joined, or NULL */
	/* The filter compiled for Ethernet and for raw IP (what a device without a link header has). */
	struct sock_filter *l2, *l3;
	size_t nl2, nl3;
	struct drop_reasons reasons;
	/* --pid, --comm, --cgroup: only packets of these processes' sockets (src/attrib). */
	struct attrib_filter pf;
};

/*
 * Parses trace's options and filter into c (the filter compiled, in a
 * sandboxed child).  0 to go on, -1 when --help printed (exit 0), or
 * EXIT_USAGE or EXIT_RUNTIME (said).  Either way trace_opts_free(c) follows.
 */
int trace_opts_parse(struct trace_cmd *c, int argc, char **argv);
void trace_opts_free(struct trace_cmd *c);
#endif

#endif

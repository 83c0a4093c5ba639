/* SPDX-License-Identifier: GPL-2.0-or-later */
/* process.h: drops' process attribution: the engine, a drop's owners, the per-process summary. */
#ifndef SOCKEYE_CMD_DROPS_PROCESS_H
#define SOCKEYE_CMD_DROPS_PROCESS_H

#ifdef HAVE_BPF
#include <stddef.h>
#include <stdint.h>

#include "attrib/attrib.h"
#include "bpf/drops.h"
#include "cmd/drops/opts.h"
#include "out/fmt.h"

/* Text-only PROCESS column of the events (with --process). */
#define DROPS_GRP_PROCESS (1u << 0)

/* The engine with c's filters: BPF followed, sockets scanned.  0 or EXIT_RUNTIME (said). */
int drops_process_open(struct drops_cmd *c, struct attrib **out);

/*
 * The owners of the socket a dropped packet was for or from: its tuple looked
 * up in the drop's namespace, then in any.  0 when it is not TCP or UDP or no
 * local socket has it.
 */
unsigned drops_process_lookup(struct attrib *a, const struct drops_event *ev,
			      struct attrib_proc *owners[ATTRIB_MAX_OWNERS]);

/* --by process: drops counted per owner (pid, comm, cgroup) and reason over an interval. */
struct drops_byproc_row {
	uint32_t pid;			/* 0: no local socket */
	char comm[ATTRIB_COMM_LEN];
	const char *cgroup;
	const char *container;
	uint32_t reason;
	uint64_t count;
};

struct drops_byproc {
	struct drops_byproc_row *rows;
	size_t n, cap;
	uint64_t total;
};

/* Counts one drop of owner p (NULL: no local socket).  0 or -ENOMEM. */
int drops_byproc_add(struct drops_byproc *b, const struct attrib_proc *p, uint32_t reason);
/* The table of an interval of secs, largest first, into f; then the counts start again. */
void drops_byproc_emit(struct drops_byproc *b, struct fmt *f, const struct drop_reasons *reasons,
		       double secs, unsigned groups);
void drops_byproc_free(struct drops_byproc *b);
#endif

#endif

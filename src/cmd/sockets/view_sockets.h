/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_sockets.h: the sockets view (one row per socket) and its per-table summary. */
#ifndef SOCKEYE_VIEW_SOCKETS_H
#define SOCKEYE_VIEW_SOCKETS_H

#include "diag/procs.h"
#include "diag/sockdiag.h"
#include "out/fmt.h"

/* Column groups of view_sockets, enabled by the command's options. */
#define SOCK_GRP_NETID (1u << 0)	/* several tables: the Netid column (JSON always) */
#define SOCK_GRP_NETNS (1u << 1)	/* --all-netns */
#define SOCK_GRP_PROC (1u << 2)		/* -p: the owners */
#define SOCK_GRP_PROC_JSON (1u << 3)	/* unused: JSON has every owner as "processes" */
#define SOCK_GRP_EXT (1u << 4)		/* -e (JSON always) */
#define SOCK_GRP_TIMER (1u << 5)	/* -o */
#define SOCK_GRP_MEM (1u << 6)		/* -m */
#define SOCK_GRP_INFO (1u << 7)		/* -i */
#define SOCK_GRP_INFO_X (1u << 8)	/* the rest of tcp_info: -i with -e, or -i in JSON */
#define SOCK_GRP_CGROUP (1u << 9)	/* top: the first owner's cgroup or container (text) */

extern const struct fmt_view view_sockets;
extern const struct fmt_view view_sockets_summary;

/* The column view_sockets sorts the live view by: Recv-Q. */
extern const size_t view_sockets_recvq_col;

struct view_sockets_ctx {
	const char *netns;	/* the Netns column, or NULL */
	/* The name of an interface (NULL when unknown: the index is shown). */
	const char *(*ifname)(uint32_t ifindex, void *arg);
	void *ifname_arg;
	const struct procs *procs;	/* -p: the owners of each inode, or NULL */
	/*
	 * The v2 cgroup path and container id (NULL: none) of an owner, false when
	 * unknown; NULL: the owners go without (sockets -p).  top's sockets panel.
	 */
	bool (*cgroup)(int pid, void *arg, const char **path, const char **container);
	void *cgroup_arg;
};

/* One row of view_sockets for r. */
void view_sockets_emit(struct fmt *f, const struct sock_rec *r, const struct view_sockets_ctx *c);

/* Socket counts per table, family and state. */
struct sock_summary {
	uint64_t count[SOCKTAB_COUNT][3][SOCK_ST_COUNT];	/* [table][0 other, 1 v4, 2 v6] */
};

void view_sockets_summary_add(struct sock_summary *s, const struct sock_rec *r);
/* One row per table in tables (a bit per enum sock_table), then a total row. */
void view_sockets_summary_emit(struct fmt *f, const struct sock_summary *s, unsigned tables);

#endif

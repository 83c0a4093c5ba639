/* SPDX-License-Identifier: GPL-2.0-or-later */
/* advice.h: the verdict: the causes that lose most, and the settings that usually fix them. */
#ifndef SOCKEYE_CMD_WHY_ADVICE_H
#define SOCKEYE_CMD_WHY_ADVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmd/why/funnel.h"
#include "kstat/sysctl.h"

/* The sysctls the advice names, each read in its scope. */
enum why_setting {
	WSET_NETDEV_MAX_BACKLOG, WSET_NETDEV_BUDGET, WSET_NETDEV_BUDGET_USECS,
	WSET_RPS_SOCK_FLOW_ENTRIES,
	WSET_RMEM_MAX, WSET_RMEM_DEFAULT, WSET_SOMAXCONN, WSET_CONNTRACK_MAX,
	WSET_N,
};

struct why_settings {
	uint64_t v[WSET_N];
	int err[WSET_N];		/* -errno of the read, 0 when v holds the value */
	bool host_only[WSET_N];		/* shown in the namespace, set only in the host's */
	const char *netns;		/* -N: the namespace the per-namespace ones are set in */
};

/* The dotted name and scope of a setting. */
const char *why_setting_name(enum why_setting s);
enum sysctl_scope why_setting_scope(enum why_setting s);
/*
 * Reads the settings of one scope into s: the host-wide ones before entering
 * -N (a namespace's /proc/sys has none of them), the namespace's ones after.
 */
void why_settings_read(struct why_settings *s, enum sysctl_scope scope);

/* One setting to look at: what it is now, and the command that changes it. */
struct why_advice {
	char setting[96];	/* "net.core.netdev_max_backlog", "ring rx of eth0" */
	char value[96];		/* its value now, as read */
	const char *scope;	/* "host", "netns", "device", "socket", "process" */
	char command[256];	/* a command to run (why never runs it) */
};

#define WHY_ADVICE_MAX 6
#define WHY_VERDICTS_MAX 3

struct why_verdict {
	const struct why_cause *cause;	/* into the funnel's causes */
	char summary[256];		/* one line: what happens and what usually fixes it */
	struct why_advice adv[WHY_ADVICE_MAX];
	size_t nadv;
};

/* What the advice reads besides the funnel: the settings and the device's steering. */
struct why_context {
	const struct why_settings *settings;
	const struct packet_diag_snap *packet;	/* the end sample's packet sockets */
	const char *sysfs;			/* "/sys", mounted for -N's namespace; NULL: none */
	const char *proc;			/* "/proc" */
};

/*
 * The verdicts of f: its causes with the most drops (up to WHY_VERDICTS_MAX,
 * those of at least a tenth of the loss), each with its advice.  Returns how
 * many (0: nothing was lost).
 */
size_t why_advise(const struct why_funnel *f, const struct why_context *ctx,
		  struct why_verdict *v);

#endif

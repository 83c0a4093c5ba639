/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kstat.h: one sample of the kernel's network counters, taken live or replayed from disk. */
#ifndef SOCKEYE_KSTAT_H
#define SOCKEYE_KSTAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag/packet_diag.h"
#include "kstat/cpustat.h"
#include "kstat/host.h"
#include "kstat/links.h"
#include "kstat/queues.h"
#include "kstat/rings.h"
#include "kstat/softirqs.h"
#include "kstat/softnet.h"

/*
 * The parts of a sample.  The first three are always taken (the panels of
 * every top); the others only when asked for, and a failure of one of them
 * (no packet_diag module, a kernel without the file) leaves just that part
 * out, with its -errno in part_err.
 */
enum kstat_part {
	KSTAT_SOFTIRQS = 1u << 0,	/* /proc/softirqs */
	KSTAT_SOFTNET = 1u << 1,	/* /proc/net/softnet_stat */
	KSTAT_LINKS = 1u << 2,		/* RTM_GETLINK */
	KSTAT_CPUSTAT = 1u << 3,	/* /proc/stat */
	KSTAT_HOST = 1u << 4,		/* nodename, /proc/uptime, /proc/loadavg */
	KSTAT_RINGS = 1u << 5,		/* ethtool rings and channels */
	KSTAT_QUEUES = 1u << 6,		/* ethtool statistics per queue */
	KSTAT_PACKET = 1u << 7,		/* packet_diag and the sockets' owners */
};
#define KSTAT_CORE (KSTAT_SOFTIRQS | KSTAT_SOFTNET | KSTAT_LINKS)
#define KSTAT_ALL 0xffu
#define KSTAT_NPARTS 8

/*
 * A sample keeps the parsed counters.  The raw sources (the text of the /proc
 * files, the bytes of the netlink dumps, the owners found) can be saved by
 * kstat_sample_take (save_dir) and parsed again with kstat_sample_load, so
 * views are tested on recorded machines without root (ss's TCPDIAG_FILE idea).
 */
struct kstat_sample {
	uint64_t mono_ns;	/* CLOCK_MONOTONIC when taken: rates divide by differences */
	uint64_t real_ns;	/* CLOCK_REALTIME, for the record's timestamp */
	unsigned parts;		/* enum kstat_part bits this sample holds */
	int part_err[KSTAT_NPARTS];	/* why a part asked for is missing, by bit number */
	struct softirqs_snap softirqs;
	struct softnet_snap softnet;
	struct links_snap links;
	struct cpustat_snap cpustat;
	struct host_info host;
	struct rings_snap rings;
	struct queues_snap queues;
	struct packet_diag_snap packet;
};

/* What a failed kstat_sample_take was doing, for its message to name. */
struct kstat_take_error {
	bool saving;		/* writing save_dir failed, not reading the kernel */
	const char *source;	/* the file or dump that failed ("/proc/softirqs"), save_dir
				 * when saving, NULL when what was read did not parse */
};

/*
 * Takes a live sample of parts (KSTAT_CORE is always added) in the current
 * network namespace.  prev, the sample before (or NULL), lets the packet
 * sockets' owners be reused while no socket is new.  When save_dir is not
 * NULL the raw sources are also written to save_dir (created if needed).
 * 0 or -errno of a core part or of the save, which e (when not NULL) tells
 * apart; on error the sample holds nothing to free.
 */
int kstat_sample_take(struct kstat_sample *s, const struct kstat_sample *prev, unsigned parts,
		      const char *save_dir, struct kstat_take_error *e);
/*
 * Makes dir ready to save samples into before the first one is taken: created
 * with its parents if missing, then a directory we may write.  0, -ENOTDIR
 * (dir or a component of it is something else), or the -errno of mkdir or
 * access (-EACCES, -EROFS, ...).
 */
int kstat_save_dir_prepare(const char *dir);
/*
 * Parses a sample saved in dir: the core parts and whatever optional parts
 * were recorded (older recordings have none).  0, -ENOENT (no such sample) or
 * -errno / -EBADMSG.
 */
int kstat_sample_load(struct kstat_sample *s, const char *dir);
/* The -errno that kept part (one bit) out of s, or 0. */
int kstat_part_err(const struct kstat_sample *s, enum kstat_part part);
void kstat_sample_free(struct kstat_sample *s);

/* Reads a whole (proc) file into a malloc'd buffer, NUL-terminated.  0 or -errno. */
int kstat_read_file(const char *path, char **buf, size_t *len);

#endif

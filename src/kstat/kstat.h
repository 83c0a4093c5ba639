/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kstat.h: one sample of the kernel's network counters, taken live or replayed from disk. */
#ifndef SOCKEYE_KSTAT_H
#define SOCKEYE_KSTAT_H

#include <stddef.h>
#include <stdint.h>

#include "kstat/links.h"
#include "kstat/softirqs.h"
#include "kstat/softnet.h"

/*
 * A sample keeps the parsed counters.  The raw sources (the text of
 * /proc/softirqs and /proc/net/softnet_stat, the bytes of the RTM_GETLINK dump)
 * can be saved by kstat_sample_take (save_dir) and parsed again with kstat_sample_load,
 * so views are tested on recorded machines without root (ss's TCPDIAG_FILE idea).
 */
struct kstat_sample {
	uint64_t mono_ns;	/* CLOCK_MONOTONIC when taken: rates divide by differences */
	uint64_t real_ns;	/* CLOCK_REALTIME, for the record's timestamp */
	struct softirqs_snap softirqs;
	struct softnet_snap softnet;
	struct links_snap links;
};

/*
 * Takes a live sample in the current network namespace.  When save_dir is
 * not NULL the raw sources are also written to save_dir (created if needed).
 * 0 or -errno; on error the sample holds nothing to free.
 */
int kstat_sample_take(struct kstat_sample *s, const char *save_dir);
/* Parses a sample saved in dir.  0, -ENOENT (no such sample) or -errno / -EBADMSG. */
int kstat_sample_load(struct kstat_sample *s, const char *dir);
void kstat_sample_free(struct kstat_sample *s);

/* Reads a whole (proc) file into a malloc'd buffer, NUL-terminated.  0 or -errno. */
int kstat_read_file(const char *path, char **buf, size_t *len);

#endif

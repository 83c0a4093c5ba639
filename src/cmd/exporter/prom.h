/* SPDX-License-Identifier: GPL-2.0-or-later */
/* prom.h: the Prometheus text exposition (0.0.4) and OpenMetrics 1.0, written into a buffer. */
#ifndef SOCKEYE_CMD_EXPORTER_PROM_H
#define SOCKEYE_CMD_EXPORTER_PROM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum prom_type { PROM_COUNTER, PROM_GAUGE, PROM_HISTOGRAM };

/*
 * One exposition being written.  Families are named without the _total that
 * counters' samples carry: OpenMetrics names the family so, the 0.0.4 text
 * format names it with the suffix (what promtool and Prometheus expect of each).
 * Out of memory is sticky (oom) and checked once at the end.
 */
/* Where one family sits in the buffer: its HELP line, then its samples up to the next family. */
struct prom_fam {
	size_t head;		/* offset of "# HELP " */
	size_t body;		/* offset of the first sample */
};

struct prom {
	char *buf;
	size_t len, cap;
	bool openmetrics;
	bool oom;
	enum prom_type type;	/* the family being written */
	const char *family;
	/*
	 * A label every sample carries after its own ("netns", "NAME" with
	 * --all-netns), or tag[0] NULL; set by whoever runs the collector.
	 */
	const char *tag[2];
	struct prom_fam *fams;	/* the families written, in order, for prom_merge */
	unsigned nfams, fams_cap;
};

void prom_init(struct prom *p, bool openmetrics);
void prom_free(struct prom *p);
/* Starts a family: its HELP and TYPE lines. */
void prom_family(struct prom *p, const char *name, enum prom_type type, const char *help);
/*
 * One sample of the current family.  labels: "name", "value" pairs, nlabels
 * of them (values escaped here).  suffix: NULL for the family's own sample
 * (_total added for counters), or "_bucket", "_sum", "_count" for histograms.
 */
void prom_sample(struct prom *p, const char *suffix, const char *const *labels,
		 unsigned nlabels, double value);
/* The same for an exact unsigned counter value (no rounding through double). */
void prom_sample_u64(struct prom *p, const char *suffix, const char *const *labels,
		     unsigned nlabels, uint64_t value);
/* Appends what src holds (a collector's families, written apart in case it fails). */
void prom_append(struct prom *dst, const struct prom *src);
/*
 * Appends n expositions of the same collector (one per namespace) as one:
 * each family's HELP and TYPE once, followed by its samples from every
 * source in order, so a family's samples stay together as both formats
 * require.  A family some sources lack is written from those that have it.
 */
void prom_merge(struct prom *dst, struct prom *const *src, unsigned n);
/* Ends the exposition (OpenMetrics: the "# EOF" line).  0 or -ENOMEM. */
int prom_end(struct prom *p);
/* The Content-Type header of the format p writes. */
const char *prom_content_type(const struct prom *p);
/*
 * Whether an Accept header asks for OpenMetrics: it names
 * application/openmetrics-text with a q above 0 at least as high as text/plain's.
 */
bool prom_accepts_openmetrics(const char *accept);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.c: the drops panel drops lends top: its BPF counters read at each of top's samples. */
#include "config.h"

#ifdef HAVE_BPF

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/drop_reasons.h"
#include "bpf/drops.h"
#include "bpf/drops_sample.h"
#include "bpf/ksyms.h"
#include "cli/bpf_opts.h"
#include "cmd/drops/panel.h"
#include "cmd/drops/view_drops.h"
#include "util/interval.h"
#include "util/kallsyms_pick.h"

/* A bound on the locations named: past it, new ones show as addresses. */
#define DROPS_PANEL_LOCS 4096

struct drops_panel {
	struct drops *drops;
	struct drops_sample s[2];	/* the last two readings, in slots' order */
	struct interval_slots slots;
	struct drops_entry *rows;	/* the last interval's drops, most first */
	size_t nrows;
	double secs;
	struct drop_reasons reasons;
	struct ksyms *ksyms;		/* the symbols of locs only */
	uint64_t *locs;			/* drop locations seen, sorted */
	size_t nlocs;
	struct view_drops_names names;
};

/* Returns the heap's free memory to the system (glibc keeps it otherwise). */
static void trim_heap(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

int drops_panel_open(struct panel_ctx *c, char *why, size_t len)
{
	struct drops_panel *x;
	int err;

	x = calloc(1, sizeof(*x));
	if (!x) {
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	/* With -N, the namespace top looks at; otherwise every one. */
	err = cmd_bpf_open_drops(&x->drops, why, len);
	if (err) {
		free(x);
		return err;
	}
	/* Without names the rows still come, with numbers and addresses. */
	drop_reasons_btf_load_vmlinux(&x->reasons);
	/*
	 * Loading left libbpf's freed BTF parse behind (loader_init has its
	 * big blocks mapped, so most went back already): give back the heap
	 * glibc still keeps, so top stays well under its 20 MiB.
	 */
	trim_heap();
	x->names.reasons = &x->reasons;
	c->drops = x;
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/*
 * Names the rows' locations: the whole of kallsyms would hold 8 MiB for
 * the few dozen places drops happen, so only the symbols of the locations
 * seen are kept, and kallsyms is read again when a new one shows up.
 */
static void symbolize(struct drops_panel *x)
{
	size_t n = x->nlocs, len;
	struct ksyms *k = NULL;
	uint64_t *locs;
	char *text;

	for (size_t i = 0; i < x->nrows && n < DROPS_PANEL_LOCS; i++)
		if (!bsearch(&x->rows[i].key.location, x->locs, x->nlocs, sizeof(*x->locs),
			     cmp_u64))
			n++;
	if (n == x->nlocs)
		return;
	locs = reallocarray(x->locs, n, sizeof(*locs));
	if (!locs)
		return;
	x->locs = locs;
	for (size_t i = 0; i < x->nrows && x->nlocs < n; i++)
		if (!bsearch(&x->rows[i].key.location, locs, x->nlocs, sizeof(*locs), cmp_u64)) {
			locs[x->nlocs++] = x->rows[i].key.location;
			qsort(locs, x->nlocs, sizeof(*locs), cmp_u64);
		}
	if (kallsyms_pick("/proc/kallsyms", locs, x->nlocs, &text, &len) || !text)
		return;
	if (!ksyms_parse(text, len, &k)) {
		ksyms_free(x->ksyms);
		x->ksyms = k;
		x->names.ksyms = k;
	}
	free(text);
}

int drops_panel_collect(struct panel_ctx *c, char *why, size_t len)
{
	struct drops_panel *x = c->drops;
	unsigned slot = interval_slot_next(&x->slots);
	struct drops_sample *prev, *cur;
	uint64_t total = 0;
	int n, err;

	err = drops_read(x->drops, &x->s[slot]);
	interval_slot_done(&x->slots, slot, !err);
	if (err) {
		snprintf(why, len, "cannot read the drop counters: %s", strerror(-err));
		return err;
	}
	n = interval_slot_prev(&x->slots);
	prev = n < 0 ? NULL : &x->s[n];
	cur = &x->s[slot];
	free(x->rows);
	x->rows = NULL;
	x->nrows = 0;
	n = drops_sample_diff(prev, cur, &x->rows);
	if (n < 0) {
		snprintf(why, len, "out of memory");
		return n;
	}
	x->nrows = (size_t)n;
	symbolize(x);
	x->secs = prev && cur->mono_ns > prev->mono_ns ?
			  (double)(cur->mono_ns - prev->mono_ns) / 1e9 : 0;
	for (size_t i = 0; i < x->nrows; i++)
		total += x->rows[i].count;
	/* The header's drop rate adds these (from the second reading on). */
	if (x->secs > 0)
		c->bpf_drops_per_s = (double)total / x->secs;
	return 0;
}

void drops_panel_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	const struct drops_panel *x = c->drops;

	view_drops_emit(f, &x->names, x->rows, x->nrows, x->secs, groups);
}

void drops_panel_close(struct panel_ctx *c)
{
	struct drops_panel *x = c->drops;

	for (unsigned i = 0; i < 2; i++)
		drops_sample_free(&x->s[i]);
	free(x->rows);
	drops_close(x->drops);
	drop_reasons_free(&x->reasons);
	ksyms_free(x->ksyms);
	free(x->locs);
	free(x);
	c->drops = NULL;
}

#endif /* HAVE_BPF */

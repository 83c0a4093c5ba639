/* SPDX-License-Identifier: GPL-2.0-or-later */
/* collect_drops.c: the drops collector: packets freed as dropped, by reason and by location (BPF). */
#include "config.h"

#ifdef HAVE_BPF

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/drop_reasons.h"
#include "bpf/drops.h"
#include "bpf/drops_sample.h"
#include "bpf/ksyms.h"
#include "bpf/loader.h"
#include "cli/bpf_opts.h"
#include "cmd/exporter/collector.h"
#include "util/kallsyms_pick.h"

/* A drop location's function: kernel text addresses are resolved once, then kept. */
struct drops_loc {
	uint64_t addr;
	char *func;		/* the function without the offset: the location label */
};

struct drops_state {
	struct drops *d;
	struct drops_sample s;
	struct drop_reasons reasons;
	struct drops_loc *locs;
	size_t nlocs;
};

/* Label counts summed over the map's keys (a reason or a function). */
struct drops_sum {
	char label[128];
	uint64_t count;
};

static int drops_c_open(void **state, const struct collect_ctx *ctx, char *why, size_t len)
{
	struct drops_state *x;
	int err;

	x = calloc(1, sizeof(*x));
	if (!x) {
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	/* With -N, the namespace the exporter serves; otherwise every one. */
	err = cmd_bpf_open_drops(&x->d, why, len);
	if (err) {
		free(x);
		return err;
	}
	/* Without names the reasons are still served, as numbers. */
	drop_reasons_btf_load_vmlinux(&x->reasons);
	*state = x;
	return 0;
}

static void drops_c_close(void *state)
{
	struct drops_state *x = state;

	drops_close(x->d);
	drops_sample_free(&x->s);
	drop_reasons_free(&x->reasons);
	for (size_t i = 0; i < x->nlocs; i++)
		free(x->locs[i].func);
	free(x->locs);
	free(x);
}

static struct drops_loc *loc_find(struct drops_state *x, uint64_t addr)
{
	for (size_t i = 0; i < x->nlocs; i++)
		if (x->locs[i].addr == addr)
			return &x->locs[i];
	return NULL;
}

/*
 * Names the locations not seen before, from one streaming pass over kallsyms
 * that keeps their symbols alone (kallsyms_pick): parsing and sorting all of
 * it (8 MiB, 120,000 symbols) took some 100 ms of a scrape's CPU, the pass
 * some 30 (mostly the kernel writing the file), and only when a new
 * location shows up.  Unresolved addresses are named in hex.
 */
static void locs_resolve(struct drops_state *x)
{
	uint64_t *fresh = NULL;
	struct ksyms *k = NULL;
	size_t nfresh = 0;
	char *text = NULL;
	size_t len = 0;

	for (size_t i = 0; i < x->s.n; i++) {
		uint64_t a = x->s.entries[i].key.location, *nf;
		bool dup = false;

		if (loc_find(x, a))
			continue;
		for (size_t j = 0; j < nfresh && !dup; j++)
			dup = fresh[j] == a;
		if (dup)
			continue;
		nf = reallocarray(fresh, nfresh + 1, sizeof(*fresh));
		if (!nf)
			break;
		fresh = nf;
		fresh[nfresh++] = a;
	}
	if (!nfresh)
		return;
	if (!kallsyms_pick("/proc/kallsyms", fresh, nfresh, &text, &len) && text &&
	    ksyms_parse(text, len, &k))
		k = NULL;
	free(text);
	for (size_t i = 0; i < nfresh; i++) {
		const struct ksym *sym = k ? ksyms_find(k, fresh[i]) : NULL;
		struct drops_loc *nl = realloc(x->locs, (x->nlocs + 1) * sizeof(*nl));
		char hex[24];

		if (!nl)
			break;
		x->locs = nl;
		snprintf(hex, sizeof(hex), "0x%llx", (unsigned long long)fresh[i]);
		nl[x->nlocs].addr = fresh[i];
		nl[x->nlocs].func = strdup(sym ? sym->name : hex);
		if (!nl[x->nlocs].func)
			break;
		x->nlocs++;
	}
	ksyms_free(k);
	free(fresh);
}

static void sum_add(struct drops_sum *v, size_t *n, const char *label, uint64_t count)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(v[i].label, label)) {
			v[i].count += count;
			return;
		}
	snprintf(v[*n].label, sizeof(v[*n].label), "%s", label);
	v[*n].count = count;
	(*n)++;
}

static int drops_c_collect(void *state, const struct collect_ctx *ctx, struct prom *p,
			   char *why, size_t len)
{
	struct drops_state *x = state;
	struct drops_sum *by_reason, *by_loc;
	size_t nr = 0, nl = 0;
	int err;

	err = drops_read(x->d, &x->s);
	if (err) {
		snprintf(why, len, "reading the drop counts: %s", strerror(-err));
		return err;
	}
	locs_resolve(x);
	by_reason = calloc(x->s.n + 1, sizeof(*by_reason));
	by_loc = calloc(x->s.n + 1, sizeof(*by_loc));
	if (!by_reason || !by_loc) {
		free(by_reason);
		free(by_loc);
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	for (size_t i = 0; i < x->s.n; i++) {
		const struct drops_entry *e = &x->s.entries[i];
		struct drops_loc *loc = loc_find(x, e->key.location);
		const char *name = drop_reasons_name(&x->reasons, e->key.reason);
		char num[24];

		if (!name) {
			snprintf(num, sizeof(num), e->key.reason == DROPS_REASON_NONE ? "NONE" : "%u",
				 e->key.reason);
			name = num;
		}
		sum_add(by_reason, &nr, name, e->count);
		sum_add(by_loc, &nl, loc ? loc->func : "unknown", e->count);
	}
	prom_family(p, "sockeye_drops", PROM_COUNTER,
		    "Packets the kernel freed as dropped (kfree_skb), by drop reason.");
	for (size_t i = 0; i < nr; i++) {
		const char *l[2] = { "reason", by_reason[i].label };

		prom_sample_u64(p, NULL, l, 1, by_reason[i].count);
	}
	prom_family(p, "sockeye_drops_by_location", PROM_COUNTER,
		    "Packets the kernel freed as dropped, by the function that dropped them.");
	for (size_t i = 0; i < nl; i++) {
		const char *l[2] = { "location", by_loc[i].label };

		prom_sample_u64(p, NULL, l, 1, by_loc[i].count);
	}
	prom_family(p, "sockeye_drops_uncounted", PROM_COUNTER,
		    "Drops seen but not counted by reason and location: the BPF map was full.");
	prom_sample_u64(p, NULL, NULL, 0, x->s.stats[DROPS_STAT_UNKEYED]);
	free(by_reason);
	free(by_loc);
	return 0;
}

const struct collector collector_drops = {
	.name = "drops",
	.summary = "drops by reason and by location (BPF, kfree_skb)",
	.bpf = true,
	.open = drops_c_open,
	.collect = drops_c_collect,
	.close = drops_c_close,
};

#endif /* HAVE_BPF */

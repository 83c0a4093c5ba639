/* SPDX-License-Identifier: GPL-2.0-or-later */
/* napi_file.c: a NAPI sample as text, for top's --record and --replay (and made-up big hosts). */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/napi.h"

/*
 * One line a thing, words separated by one space:
 *   mono_ns NS
 *   softirq 0|1
 *   entry IFINDEX NETNS_INO NAPI_ID CPU POLLS PACKETS BUDGET_POLLS H0..H5 BUDGET FLAGS IFNAME|-
 *   cpu CPU NET_RX_COUNT NET_RX_NS
 * Plain numbers, so that a script can write a host this machine is not.
 */
/* The map's types: __u32 is unsigned int, __u64 unsigned long long. */
#define ENTRY_FMT "entry %u %u %u %u %llu %llu %llu %llu %llu %llu %llu %llu %llu %u %u %15s%n"

int napi_sample_save(const struct napi_sample *s, const char *path)
{
	FILE *fp = fopen(path, "we");
	int err = 0;

	if (!fp)
		return -errno;
	fprintf(fp, "mono_ns %" PRIu64 "\nsoftirq %d\n", s->mono_ns, s->has_softirq ? 1 : 0);
	for (size_t i = 0; i < s->n; i++) {
		const struct napi_entry *e = &s->entries[i];
		const struct napi_val *v = &e->val;
		char name[NAPI_IFNAMSIZ];

		/* The map's name may lack its NUL at NAPI_IFNAMSIZ; a blank one is "-". */
		snprintf(name, sizeof(name), "%.*s", (int)sizeof(v->ifname), v->ifname);
		fprintf(fp, "entry %u %u %u %u %llu %llu %llu", e->key.ifindex, e->key.netns_ino,
			e->key.napi_id, e->key.cpu, (unsigned long long)v->polls,
			(unsigned long long)v->packets, (unsigned long long)v->budget_polls);
		for (int h = 0; h < NAPI_HIST_NR; h++)
			fprintf(fp, " %llu", (unsigned long long)v->hist[h]);
		fprintf(fp, " %u %u %s\n", v->budget, v->flags,
			name[0] && !strpbrk(name, " \t\n") ? name : "-");
	}
	for (size_t i = 0; i < s->ncpus; i++)
		fprintf(fp, "cpu %u %" PRIu64 " %" PRIu64 "\n", s->cpus[i].cpu,
			s->cpus[i].softirq_count, s->cpus[i].softirq_ns);
	if (ferror(fp))
		err = -EIO;
	if (fclose(fp) && !err)
		err = -errno;
	return err;
}

/* Appends one slot to *arr of *n items (size each), doubling *cap: NULL when out of memory. */
static void *grow(void **arr, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		void *p = realloc(*arr, c * size);

		if (!p)
			return NULL;
		*arr = p;
		*cap = c;
	}
	return (char *)*arr + (*n)++ * size;
}

static int parse_entry(const char *line, struct napi_entry *e)
{
	struct napi_val *v = &e->val;
	char name[NAPI_IFNAMSIZ];
	int used = -1;

	memset(e, 0, sizeof(*e));
	if (sscanf(line, ENTRY_FMT, &e->key.ifindex, &e->key.netns_ino, &e->key.napi_id,
		   &e->key.cpu, &v->polls, &v->packets, &v->budget_polls, &v->hist[0],
		   &v->hist[1], &v->hist[2], &v->hist[3], &v->hist[4], &v->hist[5], &v->budget,
		   &v->flags, name, &used) != 16 || used < 0 || line[used] != '\n')
		return -EINVAL;
	if (strcmp(name, "-"))
		memcpy(v->ifname, name, strlen(name));
	return 0;
}

static int parse_line(const char *line, struct napi_sample *s, size_t *cap_e, size_t *cap_c)
{
	struct napi_entry *e;
	struct napi_cpu *c;
	int used = -1, flag;

	if (!strncmp(line, "entry ", 6)) {
		e = grow((void **)&s->entries, &s->n, cap_e, sizeof(*e));
		return !e ? -ENOMEM : parse_entry(line, e);
	}
	if (!strncmp(line, "cpu ", 4)) {
		c = grow((void **)&s->cpus, &s->ncpus, cap_c, sizeof(*c));
		if (!c)
			return -ENOMEM;
		if (sscanf(line, "cpu %u %" SCNu64 " %" SCNu64 "%n", &c->cpu, &c->softirq_count,
			   &c->softirq_ns, &used) != 3 || line[used] != '\n')
			return -EINVAL;
		return 0;
	}
	if (sscanf(line, "mono_ns %" SCNu64 "%n", &s->mono_ns, &used) == 1)
		return line[used] == '\n' ? 0 : -EINVAL;
	if (sscanf(line, "softirq %d%n", &flag, &used) == 1 && (flag == 0 || flag == 1)) {
		s->has_softirq = flag;
		return line[used] == '\n' ? 0 : -EINVAL;
	}
	return -EINVAL;
}

int napi_sample_load(struct napi_sample *s, const char *path)
{
	size_t cap_e = 0, cap_c = 0;
	char line[512];
	FILE *fp;
	int err = 0;

	napi_sample_free(s);
	s->mono_ns = 0;
	s->has_softirq = false;
	fp = fopen(path, "re");
	if (!fp)
		return -errno;
	while (!err && fgets(line, sizeof(line), fp))
		err = parse_line(line, s, &cap_e, &cap_c);
	if (!err && ferror(fp))
		err = -EIO;
	fclose(fp);
	if (err) {
		napi_sample_free(s);
		return err;
	}
	/* Lookups (the rates) bisect: written in any order, read sorted. */
	napi_sample_sort(s);
	return 0;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drop_reasons.c: the reason table: value to name, name to value. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bpf/drop_reasons.h"
#include "bpf/drops.h"
#include "bpf/ksyms.h"

/* Any case: the kernel's names are upper case, what users type need not be. */
static const char *strip_prefix(const char *s)
{
	if (!strncasecmp(s, "SKB_DROP_REASON_", 16))
		return s + 16;
	if (!strncasecmp(s, "SKB_", 4))
		return s + 4;
	return s;
}

int drop_reasons_add(struct drop_reasons *r, uint32_t value, const char *enumerator)
{
	struct drop_reason *v = realloc(r->v, (r->n + 1) * sizeof(*v));
	char *name;

	if (!v)
		return -ENOMEM;
	r->v = v;
	name = strdup(strip_prefix(enumerator));
	if (!name)
		return -ENOMEM;
	r->v[r->n++] = (struct drop_reason){ .value = value, .name = name };
	return 0;
}

static int by_value(const void *a, const void *b)
{
	const struct drop_reason *x = a, *y = b;

	return x->value < y->value ? -1 : x->value > y->value;
}

void drop_reasons_sort(struct drop_reasons *r)
{
	if (r->n)
		qsort(r->v, r->n, sizeof(*r->v), by_value);
}

void drop_reasons_free(struct drop_reasons *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].name);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

const char *drop_reasons_name(const struct drop_reasons *r, uint32_t value)
{
	struct drop_reason key = { .value = value };
	const struct drop_reason *hit;

	if (!r->n)
		return NULL;
	hit = bsearch(&key, r->v, r->n, sizeof(*r->v), by_value);
	return hit ? hit->name : NULL;
}

void drop_reasons_note(const struct drop_reasons *r, const struct ksyms *k, uint32_t reason,
		       uint64_t location, char *buf, size_t len)
{
	char name[64], loc[160];

	drop_reasons_format(r, reason, name, sizeof(name));
	ksyms_format(k, location, loc, sizeof(loc));
	snprintf(buf, len, "dropped: %s at %s", name, loc);
}

void drop_reasons_format(const struct drop_reasons *r, uint32_t value, char *buf, size_t len)
{
	const char *name = drop_reasons_name(r, value);

	if (name)
		snprintf(buf, len, "%s", name);
	else if (value == DROPS_REASON_NONE)
		snprintf(buf, len, "UNKNOWN");
	else if (value >> 16)
		/* A subsystem's own reasons (mac80211, openvswitch) live in module enums. */
		snprintf(buf, len, "subsys_%u_%u", value >> 16, value & 0xffff);
	else
		snprintf(buf, len, "reason_%u", value);
}

int drop_reasons_value(const struct drop_reasons *r, const char *name, uint32_t *out)
{
	const char *want = strip_prefix(name);

	/* The name as typed first: SKB_CSUM is a reason of its own, not SKB_ and CSUM. */
	for (size_t i = 0; i < r->n; i++) {
		if (!strcasecmp(r->v[i].name, name) || !strcasecmp(r->v[i].name, want)) {
			*out = r->v[i].value;
			return 0;
		}
	}
	return -ENOENT;
}

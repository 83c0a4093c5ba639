/* SPDX-License-Identifier: GPL-2.0-or-later */
/* replay_arena.c: loads a capture file's stream into one buffer and a table of its packets. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "capture/savefile.h"
#include "cmd/inject/replay_arena.h"

/* Makes room for len more bytes and one more record.  0 or -ENOMEM. */
static int grow(struct replay_arena *a, uint64_t *cap_bytes, uint64_t *cap_recs, uint32_t len)
{
	if (a->bytes + len > *cap_bytes) {
		uint64_t cap = (*cap_bytes + len) * 2;
		uint8_t *d = realloc(a->data, cap);

		if (!d)
			return -ENOMEM;
		a->data = d;
		*cap_bytes = cap;
	}
	if (a->n == *cap_recs) {
		uint64_t cap = *cap_recs ? *cap_recs * 2 : 1024;
		struct replay_arena_rec *r = realloc(a->recs, cap * sizeof(*r));

		if (!r)
			return -ENOMEM;
		a->recs = r;
		*cap_recs = cap;
	}
	return 0;
}

/* One pass of o's stream into a.  0, or -errno with the reason in why. */
static int fill(struct replay_arena *a, const struct replay_opts *o, uint64_t cap_bytes,
		char *why)
{
	struct replay_opts one = *o;
	struct replay *rp;
	struct replay_pkt p;
	uint64_t cap_recs = 0;
	int ret;

	one.loops = 1;
	one.limit = 0;
	one.workers = 1;
	one.worker = 0;
	one.arena = NULL;
	ret = replay_open(&rp, &one, why);
	if (ret)
		return ret;
	a->data = malloc(cap_bytes ? cap_bytes : 1);
	ret = a->data ? 0 : -ENOMEM;
	while (!ret && (ret = replay_next(rp, &p)) > 0) {
		ret = grow(a, &cap_bytes, &cap_recs, p.len);
		if (ret)
			break;
		memcpy(a->data + a->bytes, p.data, p.len);
		a->recs[a->n++] = (struct replay_arena_rec){
			.off = a->bytes, .len = p.len, .wirelen = p.wirelen,
			.ts_ns = p.ts_ns, .rec_ns = p.rec_ns,
		};
		a->bytes += p.len;
		if (p.len > a->max_len)
			a->max_len = p.len;
	}
	if (ret == -ENOMEM)
		snprintf(why, SAVEFILE_ERRLEN, "out of memory");
	else if (ret < 0)
		snprintf(why, SAVEFILE_ERRLEN, "%s", replay_error(rp));
	replay_counts(rp, &a->counts);
	a->pass_ns = replay_pass_ns(rp);
	replay_close(rp);
	return ret;
}

int replay_arena_load(struct replay_arena **out, const struct replay_opts *o, uint64_t max_bytes,
		      char *why)
{
	struct replay_arena *a;
	struct stat st;

	*out = NULL;
	if (!strcmp(o->path, "-")) {
		snprintf(why, SAVEFILE_ERRLEN, "standard input is read as it comes");
		return 1;
	}
	if (stat(o->path, &st) < 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, SAVEFILE_ERRLEN, "not a regular file");
		return 1;
	}
	if ((uint64_t)st.st_size > max_bytes) {
		snprintf(why, SAVEFILE_ERRLEN, "larger than --preload (%llu bytes)",
			 (unsigned long long)max_bytes);
		return 1;
	}
	a = calloc(1, sizeof(*a));
	if (!a) {
		snprintf(why, SAVEFILE_ERRLEN, "out of memory");
		return 1;
	}
	/* The packets' bytes are at most the file's: one allocation as a rule. */
	if (fill(a, o, (uint64_t)st.st_size, why)) {
		replay_arena_free(a);
		return 1;
	}
	*out = a;
	return 0;
}

void replay_arena_free(struct replay_arena *a)
{
	if (!a)
		return;
	free(a->data);
	free(a->recs);
	free(a);
}

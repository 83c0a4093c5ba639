/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.c: the NAPI panel napi lends top: its BPF collector read at each of top's samples. */
#include "config.h"

#ifdef HAVE_BPF

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/napi.h"
#include "cli/bpf_opts.h"
#include "cmd/napi/panel.h"
#include "cmd/napi/view_napi.h"
#include "util/interval.h"

struct napi_panel {
	struct napi *napi;
	struct napi_sample s[2];	/* the last two readings, in slots' order */
	struct interval_slots slots;
};

int napi_panel_open(struct panel_ctx *c, char *why, size_t len)
{
	struct napi_panel *x;
	int err;

	x = calloc(1, sizeof(*x));
	if (!x) {
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	/* A replay reads each sample's "napi" file: no program to load. */
	if (c->o->replay_dir) {
		c->napi = x;
		return 0;
	}
	/* With -N, the namespace top looks at; otherwise every one; top times softirqs itself. */
	err = cmd_bpf_open_napi(&x->napi, false, why, len);
	if (err) {
		free(x);
		return err;
	}
	c->napi = x;
	return 0;
}

/* Reads the sample of this frame into s: from the maps, or from the recording in a replay. */
static int read_sample(struct panel_ctx *c, struct napi_sample *s, char *why, size_t len)
{
	struct napi_panel *x = c->napi;
	char path[sizeof(c->sample_dir) + sizeof(NAPI_SAMPLE_FILE) + 1];
	int err;

	snprintf(path, sizeof(path), "%s/%s", c->sample_dir, NAPI_SAMPLE_FILE);
	if (c->o->replay_dir) {
		err = napi_sample_load(s, path);
		if (err == -ENOENT)
			snprintf(why, len, "%s: not in the recording", NAPI_SAMPLE_FILE);
		else if (err)
			snprintf(why, len, "%s: cannot load the NAPI sample: %s", path,
				 strerror(-err));
		return err;
	}
	err = napi_read(x->napi, s);
	if (err) {
		snprintf(why, len, "cannot read the NAPI counts: %s", strerror(-err));
		return err;
	}
	err = c->sample_dir[0] ? napi_sample_save(s, path) : 0;
	if (err)
		snprintf(why, len, "%s: cannot save the NAPI sample: %s", path, strerror(-err));
	return err;
}

int napi_panel_collect(struct panel_ctx *c, char *why, size_t len)
{
	struct napi_panel *x = c->napi;
	unsigned slot = interval_slot_next(&x->slots);
	int err = read_sample(c, &x->s[slot], why, len);

	interval_slot_done(&x->slots, slot, !err);
	return err;
}

void napi_panel_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	const struct napi_panel *x = c->napi;
	int prev = interval_slot_prev(&x->slots);

	/* One reading: the totals since attach. */
	view_napi_emit(f, prev < 0 ? NULL : &x->s[prev], &x->s[x->slots.last], true,
		       groups);
}

void napi_panel_close(struct panel_ctx *c)
{
	struct napi_panel *x = c->napi;

	for (unsigned i = 0; i < 2; i++)
		napi_sample_free(&x->s[i]);
	napi_close(x->napi);
	free(x);
	c->napi = NULL;
}

#endif /* HAVE_BPF */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq.c: the softirqs panel's BPF time per CPU; without it the panel still shows. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/top/softirq.h"
#include "cmd/top/view_kstat.h"
#include "util/interval.h"

#define WHY_LEN 256

struct top_softirq {
#ifdef HAVE_BPF
	struct softirq *bpf;		/* NULL: no time (why says so) */
#endif
	struct softirq_sample s[2];	/* the last two readings, in slots' order */
	struct interval_slots slots;
	char why[WHY_LEN];		/* empty: the time shows */
	/* The panel's view when why is set: its title carries the reason. */
	struct fmt_view view;
	char title[WHY_LEN + 64];
};

/* No time this run: the reason in the title and in JSON's softirqs_time_error. */
static void set_why(struct top_softirq *x)
{
	view_softirqs_titled(&x->view, x->title, sizeof(x->title), x->why);
}

#ifdef HAVE_BPF
static void open_bpf(struct top_softirq *x)
{
	struct loader_error e = { .n = 0 };
	int err;

	loader_init();
	err = softirq_open(&x->bpf, &e);
	if (!err)
		return;
	x->bpf = NULL;
	loader_why(&e, err, x->why, sizeof(x->why));
}
#endif

void top_softirq_open(struct panel_ctx *c)
{
	struct top_softirq *x = calloc(1, sizeof(*x));

	/* Without memory for it, the panel shows without its time and says nothing more. */
	c->softirq = x;
	if (!x)
		return;
	if (c->o->replay_dir)
		snprintf(x->why, sizeof(x->why), "not in the recording (live only)");
	else
#ifdef HAVE_BPF
		open_bpf(x);
#else
		snprintf(x->why, sizeof(x->why), "this build has no BPF support (%s)", NO_BPF_WHY);
#endif
	if (x->why[0])
		set_why(x);
}

void top_softirq_collect(struct panel_ctx *c)
{
	struct top_softirq *x = c->softirq;
	unsigned slot;
	int err = -ENODEV;

	if (!x || x->why[0])
		return;
	slot = interval_slot_next(&x->slots);
#ifdef HAVE_BPF
	/* Over the older reading: softirq_read reuses its buffer. */
	err = softirq_read(x->bpf, &x->s[slot]);
#endif
	interval_slot_done(&x->slots, slot, !err);
	if (err) {
		/* The counts stay the panel's: only the time goes, with its reason. */
		snprintf(x->why, sizeof(x->why), "cannot read the softirq times: %s",
			 strerror(-err));
		set_why(x);
	}
}

bool top_softirq_time(const struct panel_ctx *c, struct view_softirqs_time *t)
{
	const struct top_softirq *x = c->softirq;
	int p;

	*t = (struct view_softirqs_time){ .view = NULL };
	if (!x)
		return false;
	if (x->why[0]) {
		t->view = &x->view;
		return true;
	}
	/* The newest reading alone still says the time is there: SOFTIRQ% will be BPF's. */
	if (x->slots.n)
		t->cur = &x->s[x->slots.last];
	if ((p = interval_slot_prev(&x->slots)) >= 0)
		t->prev = &x->s[p];
	return true;
}

void top_softirq_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	struct view_softirqs_time time;

	view_softirqs_emit(f, panel_prev(c), &c->cur, top_softirq_time(c, &time) ? &time : NULL,
			   groups);
}

const char *top_softirq_error(const struct panel_ctx *c)
{
	const struct top_softirq *x = c->softirq;

	return x && x->why[0] ? x->why : NULL;
}

void top_softirq_close(struct panel_ctx *c)
{
	struct top_softirq *x = c->softirq;

	if (!x)
		return;
#ifdef HAVE_BPF
	softirq_close(x->bpf);
#endif
	for (unsigned i = 0; i < 2; i++)
		softirq_sample_free(&x->s[i]);
	free(x);
	c->softirq = NULL;
}

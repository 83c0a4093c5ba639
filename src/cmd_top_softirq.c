/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd_top_softirq.c: the softirqs panel's BPF time per CPU; without it the panel still shows. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_top.h"
#include "view/view_kstat.h"

#define WHY_LEN 256

struct top_softirq {
#ifdef HAVE_BPF
	struct softirq *bpf;		/* NULL: no time (why says so) */
#endif
	struct softirq_sample s[2];	/* [0] the reading before, [1] the last */
	unsigned n;			/* readings held: 0, 1 or 2 */
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
	if (e.n)
		loader_explain(&e, x->why, sizeof(x->why));
	else
		snprintf(x->why, sizeof(x->why), "cannot set up the BPF collector: %s",
			 strerror(-err));
}
#endif

void top_softirq_open(struct top *t)
{
	struct top_softirq *x = calloc(1, sizeof(*x));

	/* Without memory for it, the panel shows without its time and says nothing more. */
	t->softirq = x;
	if (!x)
		return;
	if (t->o->replay_dir)
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

int top_softirq_collect(struct top *t, char *why, size_t len)
{
	struct top_softirq *x = t->softirq;
	int err = -ENODEV;

	(void)why;
	(void)len;
	if (!x || x->why[0])
		return 0;
	if (x->n == 2) {
		softirq_sample_free(&x->s[0]);
		x->s[0] = x->s[1];
		memset(&x->s[1], 0, sizeof(x->s[1]));
		x->n = 1;
	}
#ifdef HAVE_BPF
	err = softirq_read(x->bpf, &x->s[x->n]);
#endif
	if (err) {
		/* The counts stay the panel's: only the time goes, with its reason. */
		snprintf(x->why, sizeof(x->why), "cannot read the softirq times: %s",
			 strerror(-err));
		set_why(x);
		return 0;
	}
	x->n++;
	return 0;
}

void top_softirq_emit(struct fmt *f, const struct top *t, unsigned groups)
{
	const struct kstat_sample *prev = t->has_prev ? &t->prev : NULL;
	const struct top_softirq *x = t->softirq;
	struct view_softirqs_time time = { .view = NULL };

	if (!x) {
		view_softirqs_emit(f, prev, &t->cur, NULL, groups);
		return;
	}
	if (x->why[0])
		time.view = &x->view;
	else if (x->n == 2)
		time = (struct view_softirqs_time){ .prev = &x->s[0], .cur = &x->s[1] };
	view_softirqs_emit(f, prev, &t->cur, &time, groups);
}

const char *top_softirq_error(const struct top *t)
{
	const struct top_softirq *x = t->softirq;

	return x && x->why[0] ? x->why : NULL;
}

void top_softirq_close(struct top *t)
{
	struct top_softirq *x = t->softirq;

	if (!x)
		return;
#ifdef HAVE_BPF
	softirq_close(x->bpf);
#endif
	for (unsigned i = 0; i < 2; i++)
		softirq_sample_free(&x->s[i]);
	free(x);
	t->softirq = NULL;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panel.c: the funnel panel why lends top: its layers table between top's frames. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/why/funnel.h"
#include "cmd/why/panel.h"
#include "cmd/why/sample.h"
#include "cmd/why/view_why.h"

struct why_panel {
	struct fmt_view view;		/* the layers view under the panel's name */
	struct why_scope scope;
	struct why_sampler *sampler;
	struct why_sample s[2];
	unsigned cur;			/* the slot of the newest sample */
	unsigned nsamples;
	struct why_funnel funnel;
	bool has_funnel;
};

int why_panel_open(struct panel_ctx *c, char *why, size_t len)
{
	struct why_panel *x = calloc(1, sizeof(*x));

	if (!x) {
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	/*
	 * The drop reasons are the drops panel's: a second kfree_skb program would
	 * cost twice.  The panel shows the layers, not which socket lost (the
	 * sockets panel does): no socket dump of its own; and the device and
	 * softnet counters are top's sample (the panel's parts), not a second one.
	 */
	x->scope.no_drops = true;
	x->scope.no_socks = true;
	x->sampler = why_sampler_new(&x->scope);
	if (!x->sampler) {
		free(x);
		snprintf(why, len, "out of memory");
		return -ENOMEM;
	}
	x->view = view_why_layers;
	x->view.name = "funnel";
	x->view.title = "loss funnel (why): the drops panel has the reasons";
	c->why = x;
	return 0;
}

int why_panel_collect(struct panel_ctx *c, char *why, size_t len)
{
	struct why_panel *x = c->why;
	unsigned slot = x->nsamples ? x->cur ^ 1 : 0;
	int err;

	why_sample_free(&x->s[slot]);
	why_sample_take_lent(x->sampler, &c->cur, &x->s[slot]);
	if (x->has_funnel)
		why_funnel_free(&x->funnel);
	x->has_funnel = false;
	/*
	 * The last frame's kstat sample is top's previous one now: lend that, when
	 * it is the same (a panel that rested some frames starts over).
	 */
	if (x->nsamples && c->has_prev && x->s[x->cur].ks.mono_ns == c->prev.mono_ns) {
		x->s[x->cur].ks = c->prev;
		err = why_funnel_build(&x->funnel, &x->s[x->cur], &x->s[slot], &x->scope, NULL,
				       why_sampler_drops_why(x->sampler));
		if (err) {
			why_funnel_free(&x->funnel);
			snprintf(why, len, "out of memory");
			return err;
		}
		x->has_funnel = true;
	}
	x->cur = slot;
	x->nsamples++;
	return 0;
}

void why_panel_emit(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	const struct why_panel *x = c->why;

	view_why_layers_emit_as(f, &x->view, x->has_funnel ? &x->funnel : NULL, groups);
}

void why_panel_close(struct panel_ctx *c)
{
	struct why_panel *x = c->why;

	if (x->has_funnel)
		why_funnel_free(&x->funnel);
	why_sample_free(&x->s[0]);
	why_sample_free(&x->s[1]);
	why_sampler_free(x->sampler);
	free(x);
	c->why = NULL;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_tui.c: the TUI renderer: collects each document into a frame of retained tables. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "out/fmt_impl.h"
#include "out/tui.h"

/*
 * Two frames: the one on screen and the one being built.  The screen may be
 * redrawn (a key, a resize) while the command emits the next document, so
 * doc_end is the only point where the shown frame changes.
 */
struct fmt_tui {
	struct tui_frame frames[2];
	size_t caps[2];		/* tables allocated in each frame */
	unsigned shown;		/* index of the frame last completed */
	bool in_table;		/* the current table has a slot (its begin did not fail) */
};

static void frame_clear(struct tui_frame *fr)
{
	for (size_t i = 0; i < fr->ntables; i++)
		fmt_table_fini(&fr->tables[i]);
	fr->ntables = 0;
}

static int fmt_tui_init(struct fmt *f)
{
	struct fmt_tui *tp = calloc(1, sizeof(*tp));

	if (!tp)
		return -ENOMEM;
	tp->frames[0].numeric = tp->frames[1].numeric = f->opts.numeric;
	f->priv = tp;
	return 0;
}

static void fmt_tui_fini(struct fmt *f)
{
	struct fmt_tui *tp = f->priv;

	for (unsigned i = 0; i < 2; i++) {
		frame_clear(&tp->frames[i]);
		free(tp->frames[i].tables);
	}
	free(tp);
	f->priv = NULL;
}

static struct tui_frame *building(struct fmt_tui *tp)
{
	return &tp->frames[!tp->shown];
}

static void fmt_tui_doc_begin(struct fmt *f, const char *type)
{
	struct fmt_tui *tp = f->priv;

	tp->in_table = false;
	frame_clear(building(tp));
}

static void fmt_tui_doc_end(struct fmt *f)
{
	struct fmt_tui *tp = f->priv;

	tp->in_table = false;
	tp->shown = !tp->shown;
	frame_clear(building(tp));
}

static void fmt_tui_table_begin(struct fmt *f)
{
	struct fmt_tui *tp = f->priv;
	struct tui_frame *fr = building(tp);
	size_t *cap = &tp->caps[!tp->shown];

	if (fr->ntables == *cap) {
		size_t n = *cap ? *cap * 2 : 4;
		struct fmt_table *tables = reallocarray(fr->tables, n, sizeof(*tables));

		if (!tables) {
			tp->in_table = false;
			fmt_set_err(f, -ENOMEM);
			return;
		}
		fr->tables = tables;
		*cap = n;
	}
	fmt_table_init(&fr->tables[fr->ntables++], f->view, f->groups);
	tp->in_table = true;
}

static void fmt_tui_row(struct fmt *f, const struct fmt_cell *cells)
{
	struct fmt_tui *tp = f->priv;
	struct tui_frame *fr = building(tp);
	int err;

	if (!tp->in_table)
		return;
	err = fmt_table_append(&fr->tables[fr->ntables - 1], cells);
	if (err)
		fmt_set_err(f, err);
}

static void fmt_tui_note(struct fmt *f, const char *line)
{
	struct fmt_tui *tp = f->priv;
	struct tui_frame *fr = building(tp);
	int err;

	if (!tp->in_table)
		return;
	err = fmt_table_add_note(&fr->tables[fr->ntables - 1], line);
	if (err)
		fmt_set_err(f, err);
}

static void fmt_tui_table_end(struct fmt *f)
{
	struct fmt_tui *tp = f->priv;

	tp->in_table = false;
}

const struct fmt_ops fmt_tui_ops = {
	.init = fmt_tui_init,
	.fini = fmt_tui_fini,
	.doc_begin = fmt_tui_doc_begin,
	.doc_end = fmt_tui_doc_end,
	.table_begin = fmt_tui_table_begin,
	.row = fmt_tui_row,
	.table_end = fmt_tui_table_end,
	.note = fmt_tui_note,
};

struct tui_frame *fmt_tui_frame(struct fmt *f)
{
	struct fmt_tui *tp;

	if (f->mode != FMT_TUI)
		return NULL;
	tp = f->priv;
	return &tp->frames[tp->shown];
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui_act.c: what a key does to the view: focus, scrolling, sorting, panels shown, help. */
#include "config.h"

#include <stddef.h>

#include "out/tui_layout.h"
#include "out/tui_layout_impl.h"

/* Columns a left or right key moves the view sideways. */
#define HSCROLL_STEP 8

static size_t tui_min_sz(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* The first shown panel from `from` on, stepping by dir and wrapping; n when none is. */
size_t tui_next_shown(const struct tui_view *v, size_t n, size_t from, int dir)
{
	for (size_t k = 0; k < n; k++) {
		size_t i = dir > 0 ? (from + k) % n : (from + n - k % n) % n;

		if (!v->panels[i]->hidden)
			return i;
	}
	return n;
}

void tui_focus_fix(struct tui_view *v, size_t n)
{
	size_t i;

	if (!n)
		return;
	i = tui_next_shown(v, n, v->focus < n ? v->focus : 0, 1);
	if (i < n)
		v->focus = i;
}

/* Counts read best largest first; names and addresses alphabetically. */
static bool col_sorts_desc(const struct fmt_col *c)
{
	switch (c->type) {
	case FMT_STR:
	case FMT_IP:
	case FMT_IPPORT:
	case FMT_MAC:
	case FMT_LINES:
		return false;
	default:
		return true;
	}
}

/* The next visible sort column in direction dir, through "unsorted" after the last. */
static void sort_step(struct tui_panel_view *pv, const struct fmt_table *t, int dir)
{
	size_t ncols = t->view->ncols;
	size_t c = pv->sorted ? tui_min_sz(pv->sort_col, ncols) : ncols;

	do {
		c = dir > 0 ? (c + 1) % (ncols + 1) : (c + ncols) % (ncols + 1);
	} while (c < ncols && !fmt_col_is_visible(&t->view->cols[c], t->groups));
	pv->sorted = c < ncols;
	if (pv->sorted) {
		pv->sort_col = c;
		pv->sort_desc = col_sorts_desc(&t->view->cols[c]);
	}
	pv->scroll = 0;
}

void tui_layout_act(struct tui_view *v, const struct tui_frame *frame, enum tui_action a,
		    size_t arg)
{
	size_t n = frame ? tui_min_sz(frame->ntables, v->npanels) : 0;
	struct tui_panel_view *pv;
	size_t nrows, step, i;

	switch (a) {
	case TUI_ACT_HELP:
		v->help = !v->help;
		return;
	case TUI_ACT_LEFT:
		v->hscroll = v->hscroll > HSCROLL_STEP ? v->hscroll - HSCROLL_STEP : 0;
		return;
	case TUI_ACT_RIGHT:
		v->hscroll += HSCROLL_STEP;	/* the layout clamps it */
		return;
	case TUI_ACT_TOGGLE_PANEL:
		if (arg < n)
			v->panels[arg]->hidden = !v->panels[arg]->hidden;
		tui_focus_fix(v, n);
		return;
	default:
		break;
	}
	tui_focus_fix(v, n);
	if (v->focus >= n || v->panels[v->focus]->hidden)
		return;
	pv = v->panels[v->focus];
	nrows = frame->tables[v->focus].nrows;
	step = pv->page ? pv->page : 1;
	switch (a) {
	case TUI_ACT_FOCUS_NEXT:
	case TUI_ACT_FOCUS_PREV:
		i = a == TUI_ACT_FOCUS_NEXT ? tui_next_shown(v, n, (v->focus + 1) % n, 1) :
					      tui_next_shown(v, n, (v->focus + n - 1) % n, -1);
		if (i < n)
			v->focus = i;
		break;
	case TUI_ACT_UP:
		pv->scroll = pv->scroll ? pv->scroll - 1 : 0;
		break;
	case TUI_ACT_DOWN:
		pv->scroll = tui_min_sz(pv->scroll + 1, nrows ? nrows - 1 : 0);
		break;
	case TUI_ACT_PAGE_UP:
		pv->scroll = pv->scroll > step ? pv->scroll - step : 0;
		break;
	case TUI_ACT_PAGE_DOWN:
		pv->scroll = tui_min_sz(pv->scroll + step, nrows ? nrows - 1 : 0);
		break;
	case TUI_ACT_HOME:
		pv->scroll = 0;
		break;
	case TUI_ACT_END:
		pv->scroll = nrows;	/* the layout pulls it back to a full last page */
		break;
	case TUI_ACT_SORT_NEXT:
	case TUI_ACT_SORT_PREV:
		sort_step(pv, &frame->tables[v->focus], a == TUI_ACT_SORT_NEXT ? 1 : -1);
		break;
	case TUI_ACT_SORT_REVERSE:
		pv->sort_desc = pv->sorted ? !pv->sort_desc : pv->sort_desc;
		break;
	default:
		break;
	}
}

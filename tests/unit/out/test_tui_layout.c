/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_tui_layout.c: the TUI renderer's frames and their layout, checked against golden screens. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"
#include "out/fmt.h"
#include "out/tui.h"
#include "out/tui_layout.h"

enum { SI_CPU, SI_NET_RX, SI_NET_TX };
static const struct fmt_col softirq_cols[] = {
	{ "cpu", "CPU", FMT_U64, FMT_RIGHT, 0, 3 },
	{ "net_rx", "NET_RX", FMT_U64, FMT_RIGHT, 0, 0 },
	{ "net_tx", "NET_TX", FMT_U64, FMT_RIGHT, 0, 0 },
};
static const struct fmt_view softirq_view = {
	.name = "softirqs", .title = "softirqs per CPU", .cols = FMT_VIEW_COLS(softirq_cols),
};

enum { SN_CPU, SN_PROCESSED, SN_DROPPED, SN_SQUEEZED };
static const struct fmt_col softnet_cols[] = {
	{ "cpu", "CPU", FMT_U64, FMT_RIGHT, 0, 3 },
	{ "processed", "PROCESSED", FMT_U64, FMT_RIGHT, 0, 0 },
	{ "dropped", "DROPPED", FMT_U64, FMT_RIGHT, 0, 0 },
	{ "time_squeeze", "SQUEEZED", FMT_U64, FMT_RIGHT, 0, 0 },
};
static const struct fmt_view softnet_view = {
	.name = "softnet", .title = "softnet per CPU", .cols = FMT_VIEW_COLS(softnet_cols),
};

enum { IF_NAME, IF_STATE, IF_RX, IF_TX, IF_MTU };
static const struct fmt_col iface_cols[] = {
	{ "name", "IFACE", FMT_STR, FMT_LEFT, 0, 0 },
	{ "state", "STATE", FMT_STR, FMT_LEFT, 0, 0 },
	{ "rx_bytes", "RX", FMT_BYTES, FMT_RIGHT, 0, 0 },
	{ "tx_bytes", "TX", FMT_BYTES, FMT_RIGHT, 0, 0 },
	{ "mtu", "MTU", FMT_U64, FMT_RIGHT, FMT_GROUP_DETAIL, 0 },
};
static const struct fmt_view iface_view = {
	.name = "interfaces", .title = "interfaces", .cols = FMT_VIEW_COLS(iface_cols),
};

/* Attribute marks in the golden files: one character before "|" on every line. */
static char attr_mark(enum tui_attr a)
{
	switch (a) {
	case TUI_ATTR_TOP:
		return 'B';
	case TUI_ATTR_TITLE:
		return 'T';
	case TUI_ATTR_TITLE_FOCUS:
		return 'F';
	case TUI_ATTR_HEADER:
		return 'H';
	case TUI_ATTR_SORTED:
		return '^';
	case TUI_ATTR_STATUS:
		return 'S';
	case TUI_ATTR_HELP:
		return '?';
	default:
		return ' ';
	}
}

/*
 * The invariants every screen keeps, whatever went in: h lines of at most w
 * cells of valid UTF-8 without control bytes, highlights inside their line.
 */
static void check_screen(const struct tui_screen *s, unsigned w, unsigned h)
{
	assert_int_equal(s->w, w);
	assert_int_equal(s->h, h);
	for (unsigned y = 0; y < h; y++) {
		const struct tui_line *l = &s->lines[y];
		size_t cells = 0;

		assert_non_null(l->text);
		assert_int_equal(strlen(l->text), l->len);
		assert_true(utf8_is_valid(l->text, l->len));
		for (size_t i = 0; i < l->len; i++) {
			unsigned char c = (unsigned char)l->text[i];

			assert_false(c < 0x20 || c == 0x7f);
			cells += (c & 0xc0) != 0x80;
		}
		assert_int_equal(cells, l->width);
		assert_true(l->width <= w);
		assert_true(l->hl_start + l->hl_len <= l->width);
		for (size_t i = 0; i < l->nmarks; i++) {
			assert_true(l->marks[i].len > 0);
			assert_true(l->marks[i].start + l->marks[i].len <= l->width);
			assert_true(!i || l->marks[i].start >= l->marks[i - 1].start +
								  l->marks[i - 1].len);
		}
	}
}

/* Lays out, checks the invariants and compares with golden NAME ("" to skip the golden). */
static void layout_check(const char *name, const struct tui_frame *fr, struct tui_view *v,
			 unsigned w, unsigned h)
{
	struct tui_screen s;
	struct capture c;

	assert_int_equal(tui_layout(&s, fr, v, w, h), 0);
	check_screen(&s, w, h);
	if (!*name) {
		tui_layout_free(&s);
		return;
	}
	capture_begin(&c);
	for (unsigned y = 0; y < h; y++) {
		const struct tui_line *l = &s.lines[y];

		fprintf(c.f, "%c|%s\n", attr_mark(l->attr), l->text);
		if (l->nmarks) {
			size_t x = 0;

			fputs("*|", c.f);
			for (size_t i = 0; i < l->nmarks; i++) {
				for (; x < l->marks[i].start; x++)
					fputc(' ', c.f);
				for (; x < l->marks[i].start + l->marks[i].len; x++)
					fputc('*', c.f);
			}
			fputc('\n', c.f);
		}
		if (!l->hl_len)
			continue;
		fprintf(c.f, "%c|%*s", attr_mark(TUI_ATTR_SORTED), (int)l->hl_start, "");
		for (size_t i = 0; i < l->hl_len; i++)
			fputc('^', c.f);
		fputc('\n', c.f);
	}
	capture_end(&c);
	golden_check(name, c.buf, c.len);
	capture_free(&c);
	tui_layout_free(&s);
}

/* Panels the filter looks at: an interface column, a process column. */
enum { Q_IFACE, Q_QUEUE, Q_DROPS };
static const struct fmt_col queue_cols[] = {
	{ "iface", "IFACE", FMT_STR, FMT_LEFT, 0, 0 },
	{ "queue", "QUEUE", FMT_STR, FMT_LEFT, 0, 0 },
	{ "drops", "DROPS", FMT_U64, FMT_RIGHT, 0, 0 },
};
static const struct fmt_view queue_view = {
	.name = "queues", .title = "queues", .cols = FMT_VIEW_COLS(queue_cols),
};

enum { P_PID, P_COMM, P_STATE };
static const struct fmt_col proc_cols[] = {
	{ "pid", "PID", FMT_U64, FMT_RIGHT, 0, 0 },
	{ "comm", "COMM", FMT_STR, FMT_LEFT, 0, 0 },
	/* Not a filter column, though the filter text is in it. */
	{ "state", "STATE", FMT_STR, FMT_LEFT, 0, 0 },
};
static const struct fmt_view proc_view = {
	.name = "procs", .title = "processes", .cols = FMT_VIEW_COLS(proc_cols),
};

/* A formatter, a frame and view states for the tests. */
struct fix {
	struct fmt *f;
	struct tui_frame *fr;
	struct tui_panel_view pv[8];
	struct tui_panel_view *pvp[8];
	struct tui_view v;
};

static void fix_init(struct fix *x, bool numeric)
{
	struct fmt_opts opts = { .numeric = numeric };

	memset(x, 0, sizeof(*x));
	x->f = fmt_new(FMT_TUI, NULL, &opts);
	assert_non_null(x->f);
	for (size_t i = 0; i < 8; i++)
		x->pvp[i] = &x->pv[i];
	x->v.panels = x->pvp;
}

static void fix_frame(struct fix *x)
{
	x->fr = fmt_tui_frame(x->f);
	assert_non_null(x->fr);
	x->v.npanels = x->fr->ntables;
}

static void emit_softirqs(struct fmt *f, size_t ncpu)
{
	fmt_table_begin(f, &softirq_view, 0);
	for (size_t i = 0; i < ncpu; i++) {
		fmt_row_begin(f);
		fmt_u64(f, SI_CPU, i);
		fmt_u64(f, SI_NET_RX, (i * 7919 + 13) % 1000);
		fmt_u64(f, SI_NET_TX, i * 3);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

static void emit_softnet(struct fmt *f, size_t ncpu)
{
	fmt_table_begin(f, &softnet_view, 0);
	for (size_t i = 0; i < ncpu; i++) {
		fmt_row_begin(f);
		fmt_u64(f, SN_CPU, i);
		fmt_u64(f, SN_PROCESSED, 100000 + i * 12345);
		fmt_u64(f, SN_DROPPED, i == 2 ? 17 : 0);
		fmt_u64(f, SN_SQUEEZED, i);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

static void emit_iface(struct fmt *f, const char *name, const char *state, uint64_t rx,
		       uint64_t tx)
{
	fmt_row_begin(f);
	fmt_str(f, IF_NAME, name);
	if (state)
		fmt_str(f, IF_STATE, state);
	fmt_u64(f, IF_RX, rx);
	fmt_u64(f, IF_TX, tx);
	fmt_u64(f, IF_MTU, 1500);
	fmt_row_end(f);
}

static void emit_ifaces(struct fmt *f)
{
	fmt_table_begin(f, &iface_view, 0);
	emit_iface(f, "lo", "unknown", 123456, 123456);
	emit_iface(f, "eth0", "up", 987654321, 4321);
	emit_iface(f, "veth-top0", NULL, 0, 0);
	fmt_table_end(f);
}

/* softirqs (4 CPUs), softnet (4 CPUs), interfaces (3), in one document. */
static void fix_three(struct fix *x, size_t ncpu)
{
	fmt_doc_begin(x->f, "stats");
	fmt_doc_u64(x->f, "interval_ms", 1000);
	emit_softirqs(x->f, ncpu);
	emit_softnet(x->f, ncpu);
	emit_ifaces(x->f);
	fmt_doc_end(x->f);
	fix_frame(x);
}

static void fix_fini(struct fix *x)
{
	fmt_free(x->f);
}

static void test_panels_80x24(void **state)
{
	struct fix x;

	fix_init(&x, true);
	fix_three(&x, 4);
	assert_int_equal(x.fr->ntables, 3);
	assert_int_equal(x.fr->tables[0].nrows, 4);
	assert_int_equal(x.fr->tables[2].nrows, 3);
	x.v.header = "sockeye top - up 1:02, load 0.10 0.20 0.30";
	x.v.status = "every 1.0s";
	layout_check("tui_panels.txt", x.fr, &x.v, 80, 24);
	fix_fini(&x);
}

/* Humanized units come from fmt_cell_text, the same text the text renderer prints. */
static void test_humanized(void **state)
{
	struct fix x;

	fix_init(&x, false);
	fmt_doc_begin(x.f, NULL);
	emit_ifaces(x.f);
	fmt_doc_end(x.f);
	fix_frame(&x);
	layout_check("tui_humanized.txt", x.fr, &x.v, 60, 8);
	fix_fini(&x);
}

static void test_tiny(void **state)
{
	struct fix x;

	fix_init(&x, true);
	fix_three(&x, 4);
	x.v.header = "a header too long for a tiny screen";
	x.v.status = "every 1.0s";
	layout_check("tui_tiny.txt", x.fr, &x.v, 20, 5);
	/* Focus on the last panel: it gets the lines first. */
	x.v.focus = 2;
	layout_check("tui_tiny_focus.txt", x.fr, &x.v, 20, 5);
	fix_fini(&x);
}

/* Every size from nothing to a little past the content: no overflow, no crash. */
static void test_all_sizes(void **state)
{
	struct fix x;

	fix_init(&x, true);
	fix_three(&x, 6);
	x.v.header = "header";
	x.v.status = "status";
	for (unsigned h = 0; h <= 30; h++) {
		for (unsigned w = 0; w <= 90; w += (w < 25 ? 1 : 13)) {
			x.v.focus = (w + h) % 3;
			x.v.hscroll = w % 4 ? 0 : 1000;
			x.pv[1].scroll = h;
			layout_check("", x.fr, &x.v, w, h);
			assert_true(x.v.hscroll <= 40);
		}
	}
	fix_fini(&x);
}

static void test_focus_scroll(void **state)
{
	struct fix x;

	fix_init(&x, true);
	fix_three(&x, 40);
	x.v.status = "every 1.0s";
	/* tab moves to softnet, which then gets every line the others do not need. */
	tui_layout_act(&x.v, x.fr, TUI_ACT_FOCUS_NEXT, 0);
	assert_int_equal(x.v.focus, 1);
	layout_check("", x.fr, &x.v, 80, 24);
	/* 23 panel lines: softirqs 3, interfaces 3, softnet the other 17: 15 rows. */
	assert_int_equal(x.pv[0].page, 1);
	assert_int_equal(x.pv[1].page, 15);
	assert_int_equal(x.pv[2].page, 1);
	tui_layout_act(&x.v, x.fr, TUI_ACT_DOWN, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_DOWN, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_PAGE_DOWN, 0);
	assert_int_equal(x.pv[1].scroll, 17);
	layout_check("tui_scroll.txt", x.fr, &x.v, 80, 24);
	/* End lands on the last full page, not past it. */
	tui_layout_act(&x.v, x.fr, TUI_ACT_END, 0);
	layout_check("", x.fr, &x.v, 80, 24);
	assert_int_equal(x.pv[1].scroll, 40 - 15);
	tui_layout_act(&x.v, x.fr, TUI_ACT_PAGE_UP, 0);
	assert_int_equal(x.pv[1].scroll, 40 - 30);
	tui_layout_act(&x.v, x.fr, TUI_ACT_HOME, 0);
	assert_int_equal(x.pv[1].scroll, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_UP, 0);
	assert_int_equal(x.pv[1].scroll, 0);
	/* shift-tab twice wraps around to interfaces; panels not focused never scroll. */
	tui_layout_act(&x.v, x.fr, TUI_ACT_FOCUS_PREV, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_FOCUS_PREV, 0);
	assert_int_equal(x.v.focus, 2);
	assert_int_equal(x.pv[0].scroll, 0);
	fix_fini(&x);
}

static void test_sort(void **state)
{
	struct fix x;

	fix_init(&x, true);
	fix_three(&x, 6);
	/* s: CPU descending (counts sort largest first), s again: NET_RX descending. */
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_NEXT, 0);
	assert_true(x.pv[0].sorted);
	assert_int_equal(x.pv[0].sort_col, SI_CPU);
	assert_true(x.pv[0].sort_desc);
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_NEXT, 0);
	assert_int_equal(x.pv[0].sort_col, SI_NET_RX);
	layout_check("tui_sort_desc.txt", x.fr, &x.v, 80, 24);
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_REVERSE, 0);
	assert_false(x.pv[0].sort_desc);
	layout_check("tui_sort_asc.txt", x.fr, &x.v, 80, 24);
	/* The frame keeps the order the command emitted: sorting works on a copy. */
	assert_int_equal(fmt_table_row(&x.fr->tables[0], 0)[SI_CPU].u, 0);
	assert_int_equal(fmt_table_row(&x.fr->tables[0], 5)[SI_CPU].u, 5);
	/* < goes back to CPU, then to unsorted; > from unsorted wraps to the first. */
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_PREV, 0);
	assert_int_equal(x.pv[0].sort_col, SI_CPU);
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_PREV, 0);
	assert_false(x.pv[0].sorted);
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_PREV, 0);
	assert_int_equal(x.pv[0].sort_col, SI_NET_TX);
	/* Strings sort ascending; the hidden detail column (MTU) is skipped. */
	x.v.focus = 2;
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_NEXT, 0);
	assert_int_equal(x.pv[2].sort_col, IF_NAME);
	assert_false(x.pv[2].sort_desc);
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_PREV, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_PREV, 0);
	assert_int_equal(x.pv[2].sort_col, IF_TX);
	/* Unset cells (veth-top0's state) sort last either way. */
	x.pv[2].sort_col = IF_STATE;
	x.pv[2].sort_desc = true;
	layout_check("tui_sort_unset.txt", x.fr, &x.v, 80, 24);
	fix_fini(&x);
}

static void test_hidden(void **state)
{
	struct fix x;

	fix_init(&x, true);
	fix_three(&x, 4);
	x.v.status = "every 1.0s";
	tui_layout_act(&x.v, x.fr, TUI_ACT_TOGGLE_PANEL, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_TOGGLE_PANEL, 2);
	/* Panel 8 does not exist: nothing happens. */
	tui_layout_act(&x.v, x.fr, TUI_ACT_TOGGLE_PANEL, 7);
	assert_true(x.pv[0].hidden);
	assert_false(x.pv[1].hidden);
	assert_true(x.pv[2].hidden);
	assert_int_equal(x.v.focus, 1);
	x.v.paused = true;
	layout_check("tui_hidden.txt", x.fr, &x.v, 80, 12);
	/* With every panel hidden, keys still do no harm. */
	tui_layout_act(&x.v, x.fr, TUI_ACT_TOGGLE_PANEL, 1);
	tui_layout_act(&x.v, x.fr, TUI_ACT_FOCUS_NEXT, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_NEXT, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_END, 0);
	layout_check("", x.fr, &x.v, 80, 12);
	/* 1 shows softirqs again. */
	tui_layout_act(&x.v, x.fr, TUI_ACT_TOGGLE_PANEL, 0);
	assert_false(x.pv[0].hidden);
	assert_int_equal(x.v.focus, 0);
	fix_fini(&x);
}

static void test_empty(void **state)
{
	struct fix x;

	fix_init(&x, true);
	fmt_doc_begin(x.f, NULL);
	emit_softirqs(x.f, 0);
	emit_softnet(x.f, 2);
	fmt_doc_end(x.f);
	fix_frame(&x);
	tui_layout_act(&x.v, x.fr, TUI_ACT_END, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_PAGE_DOWN, 0);
	layout_check("tui_empty.txt", x.fr, &x.v, 60, 10);
	assert_int_equal(x.pv[0].scroll, 0);
	fix_fini(&x);
	/* No document yet: an empty frame, only the status line. */
	fix_init(&x, true);
	fix_frame(&x);
	assert_int_equal(x.fr->ntables, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_FOCUS_NEXT, 0);
	layout_check("tui_no_frame.txt", x.fr, &x.v, 40, 3);
	layout_check("", NULL, &x.v, 40, 3);
	fix_fini(&x);
}

static void test_hostile(void **state)
{
	size_t big = 64 * 1024;
	char *huge = malloc(big + 1);
	struct fix x;

	assert_non_null(huge);
	for (size_t i = 0; i < big; i++)
		huge[i] = (char)('a' + i % 26);
	huge[big] = '\0';
	fix_init(&x, true);
	fmt_doc_begin(x.f, NULL);
	fmt_table_begin(x.f, &iface_view, 0);
	/* Escape sequences, C1 controls, bidi overrides, each invalid UTF-8 kind. */
	emit_iface(x.f, "\x1b[2J\x1b]0;pwned\x07", "a\tb\r\nc\x7f", 1, 2);
	emit_iface(x.f, "c1\xc2\x9b" "31m", "rtl\xe2\x80\xae" "evil", 3, 4);
	emit_iface(x.f, "bad\xff\xfe", "over\xc0\xaflong", 5, 6);
	emit_iface(x.f, "cut\xe2\x82", "surr\xed\xa0\x80", 7, 8);
	emit_iface(x.f, "caf\xc3\xa9", "\xe6\x97\xa5\xe6\x9c\xac", 9, 10);
	fmt_table_end(x.f);
	fmt_table_begin(x.f, &iface_view, 0);
	emit_iface(x.f, huge, "up", 11, 12);
	fmt_table_end(x.f);
	fmt_doc_end(x.f);
	fix_frame(&x);
	x.v.header = "header \x1b[31mred\x1b[0m";
	x.v.status = huge;
	layout_check("tui_hostile.txt", x.fr, &x.v, 80, 14);
	/* Sideways: the view moves along the wide column; the titles stay. */
	tui_layout_act(&x.v, x.fr, TUI_ACT_RIGHT, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_RIGHT, 0);
	layout_check("tui_hostile_right.txt", x.fr, &x.v, 80, 14);
	assert_int_equal(x.v.hscroll, 16);
	/* The far end: a full screen of the last cells, not past them. */
	x.v.hscroll = SIZE_MAX;
	layout_check("", x.fr, &x.v, 80, 14);
	assert_int_equal(x.v.hscroll, TUI_LAYOUT_CELL_MAX - 1 + 2 + 5 + 2 + 2 + 2 + 2 - 80);
	tui_layout_act(&x.v, x.fr, TUI_ACT_LEFT, 0);
	assert_int_equal(x.v.hscroll, TUI_LAYOUT_CELL_MAX - 1 + 2 + 5 + 2 + 2 + 2 + 2 - 88);
	fix_fini(&x);
	free(huge);
}

static void test_help(void **state)
{
	struct fix x;

	fix_init(&x, true);
	fix_three(&x, 4);
	tui_layout_act(&x.v, x.fr, TUI_ACT_HELP, 0);
	assert_true(x.v.help);
	layout_check("tui_help.txt", x.fr, &x.v, 80, 16);
	layout_check("", x.fr, &x.v, 10, 4);
	tui_layout_act(&x.v, x.fr, TUI_ACT_HELP, 0);
	assert_false(x.v.help);
	fix_fini(&x);
}

/* The frame on screen stays whole while the next document is built. */
static void test_double_buffer(void **state)
{
	struct tui_frame *fr;
	struct fix x;

	fix_init(&x, true);
	fix_three(&x, 4);
	fr = x.fr;
	fmt_doc_begin(x.f, NULL);
	emit_softnet(x.f, 9);
	assert_ptr_equal(fmt_tui_frame(x.f), fr);
	assert_int_equal(fr->ntables, 3);
	assert_ptr_equal(fr->tables[0].view, &softirq_view);
	assert_int_equal(fr->tables[0].nrows, 4);
	layout_check("tui_panels_plain.txt", fr, &x.v, 80, 24);
	fmt_doc_end(x.f);
	fr = fmt_tui_frame(x.f);
	assert_int_equal(fr->ntables, 1);
	assert_ptr_equal(fr->tables[0].view, &softnet_view);
	assert_int_equal(fr->tables[0].nrows, 9);
	assert_true(fr->numeric);
	/* And once more, so both buffers are reused. */
	fix_three(&x, 4);
	x.v.npanels = 3;
	layout_check("tui_panels_plain.txt", x.fr, &x.v, 80, 24);
	assert_int_equal(fmt_flush(x.f), 0);
	fix_fini(&x);
	/* Other modes have no frame. */
	x.f = fmt_new(FMT_JSON, stdout, NULL);
	assert_non_null(x.f);
	assert_null(fmt_tui_frame(x.f));
	fmt_free(x.f);
}

static void emit_queue(struct fmt *f, const char *iface, const char *queue, uint64_t drops,
		       bool mark)
{
	fmt_row_begin(f);
	fmt_str(f, Q_IFACE, iface);
	fmt_str(f, Q_QUEUE, queue);
	fmt_u64(f, Q_DROPS, drops);
	if (mark) {
		fmt_mark(f, Q_DROPS);
		fmt_mark(f, Q_QUEUE);
	}
	fmt_row_end(f);
}

static void emit_proc(struct fmt *f, uint64_t pid, const char *comm, const char *state)
{
	fmt_row_begin(f);
	fmt_u64(f, P_PID, pid);
	if (comm)
		fmt_str(f, P_COMM, comm);
	fmt_str(f, P_STATE, state);
	fmt_row_end(f);
}

/* softirqs, queues (marked cells), processes. */
static void fix_filterable(struct fix *x)
{
	fmt_doc_begin(x->f, "top");
	emit_softirqs(x->f, 2);
	fmt_table_begin(x->f, &queue_view, 0);
	emit_queue(x->f, "eth0", "rx-0", 5, true);
	emit_queue(x->f, "eth1", "rx-0", 0, false);
	emit_queue(x->f, "ETH0", "tx-1", 12345, true);
	emit_queue(x->f, "veth-eth", "rx-0", 7, false);
	fmt_table_end(x->f);
	fmt_table_begin(x->f, &proc_view, 0);
	emit_proc(x->f, 1, "systemd", "eth0");
	emit_proc(x->f, 2231, "tcpdump", "run");
	emit_proc(x->f, 7, NULL, "eth");
	fmt_table_end(x->f);
	fmt_doc_end(x->f);
	fix_frame(x);
}

/* Rows whose interface or process names lack the filter go; other panels keep theirs. */
static void test_filter(void **state)
{
	struct fix x;

	fix_init(&x, true);
	fix_filterable(&x);
	x.v.status = "every 1s";
	x.v.filter = "eth0";
	layout_check("tui_filter.txt", x.fr, &x.v, 80, 20);
	/* Sorted and filtered: the sort works on the rows the filter kept. */
	x.v.focus = 1;
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_NEXT, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_NEXT, 0);
	tui_layout_act(&x.v, x.fr, TUI_ACT_SORT_NEXT, 0);
	assert_int_equal(x.pv[1].sort_col, Q_DROPS);
	layout_check("tui_filter_sorted.txt", x.fr, &x.v, 80, 20);
	/* Nothing matches: empty panels, their rows counted in the title. */
	x.v.filter = "nomatch";
	x.v.focus = 2;
	tui_layout_act(&x.v, x.fr, TUI_ACT_END, 0);
	layout_check("tui_filter_none.txt", x.fr, &x.v, 80, 12);
	assert_int_equal(x.pv[2].scroll, 0);
	/* An empty filter is none; the frame itself never changes. */
	x.v.filter = "";
	layout_check("", x.fr, &x.v, 80, 20);
	assert_int_equal(x.fr->tables[1].nrows, 4);
	assert_string_equal(fmt_table_row(&x.fr->tables[1], 0)[Q_IFACE].str, "eth0");
	/* While it is typed the status line shows the prompt, control bytes made safe. */
	x.v.prompt = "et\x1b[2Jh";
	layout_check("tui_filter_prompt.txt", x.fr, &x.v, 80, 4);
	x.v.prompt = NULL;
	/* A pid is matched whole, in its number column: 2231 keeps tcpdump, 223 nothing. */
	x.v.filter = "2231";
	layout_check("tui_filter_pid.txt", x.fr, &x.v, 80, 12);
	x.v.filter = "223";
	layout_check("tui_filter_pid_part.txt", x.fr, &x.v, 80, 12);
	x.v.filter = "h";
	for (unsigned w = 0; w < 40; w++)
		layout_check("", x.fr, &x.v, w, 6);
	fix_fini(&x);
}

/* Notes (fmt_note) sit under their panel's rows, when there is room for them and a row. */
static void test_notes(void **state)
{
	struct fix x;

	(void)state;
	fix_init(&x, true);
	fmt_doc_begin(x.f, "stats");
	fmt_table_begin(x.f, &softirq_view, 0);
	for (size_t i = 0; i < 3; i++) {
		fmt_row_begin(x.f);
		fmt_u64(x.f, SI_CPU, i);
		fmt_u64(x.f, SI_NET_RX, 10 * i);
		fmt_row_end(x.f);
	}
	fmt_note(x.f, "heat: NET_RX by CPU");
	fmt_note(x.f, "CPU 0   .:@");
	fmt_table_end(x.f);
	emit_ifaces(x.f);
	fmt_doc_end(x.f);
	fix_frame(&x);
	assert_int_equal(x.fr->tables[0].nnotes, 2);
	assert_int_equal(x.fr->tables[1].nnotes, 0);
	/* Room for all: title, header, 3 rows, 2 notes, then the next panel. */
	layout_check("tui_notes.txt", x.fr, &x.v, 40, 14);
	/* Too short for the notes and a row: the rows keep the lines. */
	layout_check("tui_notes_short.txt", x.fr, &x.v, 40, 7);
	for (unsigned h = 0; h < 16; h++)
		layout_check("", x.fr, &x.v, 30, h);
	fix_fini(&x);
}

/* Marked cells are spans of their line, clipped by sideways scrolling. */
static void test_marks(void **state)
{
	struct fix x;

	fix_init(&x, false);
	fix_filterable(&x);
	layout_check("tui_marks.txt", x.fr, &x.v, 60, 16);
	x.v.hscroll = 8;
	layout_check("tui_marks_right.txt", x.fr, &x.v, 14, 16);
	for (unsigned w = 0; w < 30; w++) {
		x.v.hscroll = w % 11;
		layout_check("", x.fr, &x.v, w, 16);
	}
	fix_fini(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_panels_80x24),
		cmocka_unit_test(test_humanized),
		cmocka_unit_test(test_tiny),
		cmocka_unit_test(test_all_sizes),
		cmocka_unit_test(test_focus_scroll),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_hidden),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_double_buffer),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_marks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

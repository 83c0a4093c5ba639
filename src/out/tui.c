/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tui.c: the single owner of curses state: terminal setup, keys, signals, painting. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "out/tui.h"
#include "out/tui_layout.h"

/* Longest filter typed, in bytes: an interface or process name and then some. */
#define TUI_FILTER_MAX 63

/* A panel's view state, kept across frames under its view's name. */
struct tui_panel {
	char *name;
	struct tui_panel_view pv;
};

struct tui {
	SCREEN *scr;
	bool colors;
	bool paused;
	struct tui_panel *panels;	/* every view name seen so far */
	size_t npanels;
	struct tui_panel_view **pv;	/* this frame's tables' states, in frame order */
	size_t pv_cap;
	char *focus;			/* the focused view's name */
	struct tui_view view;
	struct tui_frame *frame;	/* the frame last drawn (owned by the formatter) */
	char *status;
	char *header;
	char filter[TUI_FILTER_MAX + 1];	/* the rows' filter, "" for none */
	char input[TUI_FILTER_MAX + 1];		/* the filter being typed */
	bool prompting;				/* keys go to input */
	struct sigaction old_sa[4];
};

static const int tui_signals[4] = { SIGINT, SIGTERM, SIGHUP, SIGWINCH };

/* Handlers only set these; tui_wait acts on them. */
static volatile sig_atomic_t tui_quit_flag;
static volatile sig_atomic_t tui_resize_flag;

/* Curses state is global, so there is at most one tui: this one, for atexit. */
static struct tui *tui_active;

enum { PAIR_TITLE = 1, PAIR_FOCUS, PAIR_STATUS, PAIR_CHANGED };

static void tui_on_signal(int sig)
{
	if (sig == SIGWINCH)
		tui_resize_flag = 1;
	else
		tui_quit_flag = 1;
}

static void tui_atexit(void)
{
	tui_close(tui_active);
}

static void tui_signals_restore(struct tui *t)
{
	for (size_t i = 0; i < 4; i++)
		sigaction(tui_signals[i], &t->old_sa[i], NULL);
}

/* No SA_RESTART: a signal must cut poll() short so q-less exits are prompt. */
static void tui_signals_install(struct tui *t)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < 4; i++)
		sigaction(tui_signals[i], &sa, &t->old_sa[i]);
}

static void tui_colors_init(struct tui *t)
{
	if (!has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	t->colors = init_pair(PAIR_TITLE, COLOR_BLACK, COLOR_CYAN) != ERR &&
		    init_pair(PAIR_FOCUS, COLOR_BLACK, COLOR_YELLOW) != ERR &&
		    init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_WHITE) != ERR &&
		    init_pair(PAIR_CHANGED, COLOR_RED, -1) != ERR;
}

struct tui *tui_open(void)
{
	static bool atexit_done;
	struct tui *t;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		errno = ENOTTY;
		return NULL;
	}
	if (tui_active) {
		errno = EBUSY;
		return NULL;
	}
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	/* Before newterm: curses keeps handlers it finds installed and adds none of its own. */
	tui_quit_flag = tui_resize_flag = 0;
	tui_signals_install(t);
	setlocale(LC_ALL, "");
	t->scr = newterm(NULL, stdout, stdin);
	if (!t->scr) {
		tui_signals_restore(t);
		free(t);
		errno = EINVAL;		/* TERM names no terminal curses knows */
		return NULL;
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);	/* tui_wait blocks in poll(), getch() only drains */
	set_escdelay(25);
	curs_set(0);
	tui_colors_init(t);
	tui_active = t;
	if (!atexit_done)
		atexit_done = atexit(tui_atexit) == 0;
	return t;
}

void tui_close(struct tui *t)
{
	/* A second call (or the atexit one after an explicit close) finds nothing to do. */
	if (!t || t != tui_active)
		return;
	tui_active = NULL;
	endwin();
	delscreen(t->scr);
	tui_signals_restore(t);
	for (size_t i = 0; i < t->npanels; i++)
		free(t->panels[i].name);
	free(t->panels);
	free(t->pv);
	free(t->focus);
	free(t->status);
	free(t->header);
	free(t);
}

bool tui_is_paused(const struct tui *t)
{
	return t->paused;
}

bool tui_panel_is_hidden(const struct tui *t, const char *view_name)
{
	for (size_t i = 0; i < t->npanels; i++)
		if (!strcmp(t->panels[i].name, view_name))
			return t->panels[i].pv.hidden;
	return false;
}

static const char *table_name(const struct fmt_table *tb)
{
	return tb->view->name ? tb->view->name : "";
}

/* The state kept for view name, made (unsorted, shown) when new; NULL without memory. */
static struct tui_panel *tui_panel_get(struct tui *t, const char *name)
{
	struct tui_panel *p;

	for (size_t i = 0; i < t->npanels; i++)
		if (!strcmp(t->panels[i].name, name))
			return &t->panels[i];
	p = reallocarray(t->panels, t->npanels + 1, sizeof(*p));
	if (!p)
		return NULL;
	t->panels = p;
	p = &t->panels[t->npanels];
	memset(p, 0, sizeof(*p));
	p->name = strdup(name);
	if (!p->name)
		return NULL;
	t->npanels++;
	return p;
}

/* Points the view at the kept state of each table of the current frame. */
static int tui_bind(struct tui *t)
{
	size_t n = t->frame ? t->frame->ntables : 0;

	for (size_t i = 0; i < n; i++)
		if (!tui_panel_get(t, table_name(&t->frame->tables[i])))
			return -ENOMEM;
	if (n > t->pv_cap) {
		struct tui_panel_view **pv = reallocarray(t->pv, n, sizeof(*pv));

		if (!pv)
			return -ENOMEM;
		t->pv = pv;
		t->pv_cap = n;
	}
	t->view.focus = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = table_name(&t->frame->tables[i]);

		t->pv[i] = &tui_panel_get(t, name)->pv;
		if (t->focus && !strcmp(t->focus, name))
			t->view.focus = i;
	}
	t->view.panels = t->pv;
	t->view.npanels = n;
	return 0;
}

/* Remembers the focus by name, so it follows its panel if the frame's tables move. */
static void tui_keep_focus(struct tui *t)
{
	char *name;

	if (!t->frame || t->view.focus >= t->frame->ntables)
		return;
	name = strdup(table_name(&t->frame->tables[t->view.focus]));
	if (name) {
		free(t->focus);
		t->focus = name;
	}
}

static attr_t tui_attr(const struct tui *t, enum tui_attr a)
{
	switch (a) {
	case TUI_ATTR_TOP:
	case TUI_ATTR_HEADER:
		return A_BOLD;
	case TUI_ATTR_TITLE:
		return t->colors ? COLOR_PAIR(PAIR_TITLE) : A_REVERSE;
	case TUI_ATTR_TITLE_FOCUS:
		return (t->colors ? COLOR_PAIR(PAIR_FOCUS) : A_REVERSE) | A_BOLD;
	case TUI_ATTR_SORTED:
		return A_BOLD | A_REVERSE;
	case TUI_ATTR_STATUS:
		return t->colors ? COLOR_PAIR(PAIR_STATUS) : A_REVERSE;
	case TUI_ATTR_CHANGED:
		return (t->colors ? COLOR_PAIR(PAIR_CHANGED) : A_UNDERLINE) | A_BOLD;
	default:
		return A_NORMAL;
	}
}

/* Byte offset of cell `cell` in a layout line (one code point a cell). */
static size_t cell_offset(const struct tui_line *l, size_t cell)
{
	size_t off = 0;

	for (; off < l->len; off++)
		if (((unsigned char)l->text[off] & 0xc0) != 0x80 && !cell--)
			break;
	return off;
}

/* Draws cells [start, start + len) of line l again with attribute a. */
static void paint_span(const struct tui *t, unsigned y, const struct tui_line *l, size_t start,
		       size_t len, enum tui_attr a)
{
	size_t from = cell_offset(l, start), to = cell_offset(l, start + len);

	attrset(tui_attr(t, a));
	mvaddnstr((int)y, (int)start, l->text + from, (int)(to - from));
}

static void tui_paint(struct tui *t, const struct tui_screen *s)
{
	erase();
	for (unsigned y = 0; y < s->h; y++) {
		const struct tui_line *l = &s->lines[y];
		attr_t a = tui_attr(t, l->attr);

		/* Clearing first wipes what a wide character of the line above pushed over. */
		move(y, 0);
		clrtoeol();
		attrset(a);
		addnstr(l->text, (int)l->len);
		if (a & (A_REVERSE | A_COLOR))
			for (size_t x = l->width; x < s->w; x++)
				addch(' ');
		if (l->hl_len)
			paint_span(t, y, l, l->hl_start, l->hl_len, TUI_ATTR_SORTED);
		for (size_t i = 0; i < l->nmarks; i++)
			paint_span(t, y, l, l->marks[i].start, l->marks[i].len, TUI_ATTR_CHANGED);
	}
	attrset(A_NORMAL);
	refresh();
}

/* Lays the current frame out on the terminal's size and paints it. */
static void tui_redraw(struct tui *t)
{
	struct tui_screen s;
	int h, w;

	if (tui_bind(t))
		return;
	getmaxyx(stdscr, h, w);
	t->view.status = t->status;
	t->view.header = t->header;
	t->view.paused = t->paused;
	t->view.filter = t->filter;
	t->view.prompt = t->prompting ? t->input : NULL;
	if (tui_layout(&s, t->frame, &t->view, w > 0 ? (unsigned)w : 0, h > 0 ? (unsigned)h : 0))
		return;
	tui_keep_focus(t);
	tui_paint(t, &s);
	tui_layout_free(&s);
}

void tui_draw(struct tui *t, struct tui_frame *frame, const char *status)
{
	char *copy = strdup(status ? status : "");

	if (copy) {
		free(t->status);
		t->status = copy;
	}
	t->frame = frame;
	tui_redraw(t);
}

void tui_set_default_sort(struct tui *t, const char *view_name, size_t col, bool descending)
{
	struct tui_panel *p = tui_panel_get(t, view_name);

	if (!p)
		return;
	p->pv.sorted = true;
	p->pv.sort_col = col;
	p->pv.sort_desc = descending;
}

void tui_set_header(struct tui *t, const char *line)
{
	char *copy = line ? strdup(line) : NULL;

	if (line && !copy)
		return;
	free(t->header);
	t->header = copy;
}

/* The size the terminal has now: curses learns it here since our handler took SIGWINCH. */
static void tui_resize(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col)
		resizeterm(ws.ws_row, ws.ws_col);
}

/* A key while the filter is typed: printable ASCII goes in, Enter applies, Escape cancels. */
static void tui_prompt_key(struct tui *t, int ch)
{
	size_t n = strlen(t->input);

	if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
		memcpy(t->filter, t->input, n + 1);
		t->prompting = false;
	} else if (ch == 27) {
		t->prompting = false;
	} else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
		if (n)
			t->input[n - 1] = '\0';
	} else if (ch >= 0x20 && ch < 0x7f && n < TUI_FILTER_MAX) {
		t->input[n] = (char)ch;
		t->input[n + 1] = '\0';
	}
}

/* Applies one key.  TUI_TIMEOUT means "handled, keep waiting". */
static enum tui_event tui_key(struct tui *t, int ch)
{
	static const struct {
		int ch;
		enum tui_action act;
	} keys[] = {
		{ '\t', TUI_ACT_FOCUS_NEXT },	{ KEY_BTAB, TUI_ACT_FOCUS_PREV },
		{ KEY_UP, TUI_ACT_UP },		{ KEY_DOWN, TUI_ACT_DOWN },
		{ KEY_PPAGE, TUI_ACT_PAGE_UP },	{ KEY_NPAGE, TUI_ACT_PAGE_DOWN },
		{ KEY_HOME, TUI_ACT_HOME },	{ KEY_END, TUI_ACT_END },
		{ KEY_LEFT, TUI_ACT_LEFT },	{ KEY_RIGHT, TUI_ACT_RIGHT },
		{ 's', TUI_ACT_SORT_NEXT },	{ '>', TUI_ACT_SORT_NEXT },
		{ '<', TUI_ACT_SORT_PREV },	{ 'r', TUI_ACT_SORT_REVERSE },
		{ 'h', TUI_ACT_HELP },		{ '?', TUI_ACT_HELP },
	};

	if (t->prompting) {
		tui_prompt_key(t, ch);
		return TUI_TIMEOUT;
	}
	if (ch == '/') {
		/* Start from the filter in force, so it can be edited or emptied. */
		memcpy(t->input, t->filter, sizeof(t->input));
		t->prompting = true;
		return TUI_TIMEOUT;
	}
	if (ch == 'q' || ch == 'Q')
		return TUI_QUIT;
	if (ch == ' ') {
		t->paused = !t->paused;
		return TUI_REDRAW;
	}
	if (ch >= '1' && ch <= '9') {
		tui_layout_act(&t->view, t->frame, TUI_ACT_TOGGLE_PANEL, (size_t)(ch - '1'));
		return TUI_TIMEOUT;
	}
	if (ch == 27 && t->view.help) {		/* Escape leaves the help too */
		t->view.help = false;
		return TUI_TIMEOUT;
	}
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (keys[i].ch == ch) {
			tui_layout_act(&t->view, t->frame, keys[i].act, 0);
			break;
		}
	}
	return TUI_TIMEOUT;
}

static long ms_left(const struct timespec *deadline)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (deadline->tv_sec - now.tv_sec) * 1000 + (deadline->tv_nsec - now.tv_nsec) / 1000000;
}

enum tui_event tui_wait(struct tui *t, int timeout_ms)
{
	struct timespec deadline;
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += timeout_ms / 1000;
	deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	for (;;) {
		bool changed = false;
		long left;
		int ch;

		if (tui_quit_flag)
			return TUI_QUIT;
		if (tui_resize_flag) {
			tui_resize_flag = 0;
			tui_resize();
			changed = true;
		}
		if (tui_bind(t))	/* key actions need this frame's panel states */
			return TUI_QUIT;
		while ((ch = getch()) != ERR) {
			enum tui_event ev = tui_key(t, ch);

			if (ev != TUI_TIMEOUT)
				return ev;
			tui_keep_focus(t);
			changed = true;
		}
		if (changed)
			tui_redraw(t);
		left = timeout_ms < 0 ? -1 : ms_left(&deadline);
		if (timeout_ms >= 0 && left <= 0)
			return TUI_TIMEOUT;
		if (poll(&pfd, 1, (int)left) < 0 && errno != EINTR)
			return TUI_QUIT;
		/* The terminal went away: there is nobody left to draw for. */
		if (pfd.revents & (POLLHUP | POLLERR | POLLNVAL))
			return TUI_QUIT;
	}
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* panels.c: top's panel table and one run's state: sample, collect, emit a snapshot. */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "cmd/drops/panel.h"
#include "cmd/napi/panel.h"
#include "cmd/sockets/panel.h"
#include "cmd/top/panels.h"
#include "cmd/top/softirq.h"
#include "cmd/top/view_kstat.h"
#include "cmd/top/view_packet_socks.h"
#include "cmd/why/panel.h"
#include "diag/diag_requests.h"
#include "util/log.h"

#define WHY_LEN 256
/* The sockets panel's place in the table: its drops by process follow every panel. */
#define SOCKETS_AT 5

static void emit_softnet(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	view_softnet_emit(f, panel_prev(c), &c->cur, groups);
}

static void emit_interfaces(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	view_interfaces_emit(f, panel_prev(c), &c->cur, groups);
}

static void emit_packet_socks(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	view_packet_socks_emit(f, panel_prev(c), &c->cur, groups);
}

static void emit_queues(struct fmt *f, const struct panel_ctx *c, unsigned groups)
{
	view_queues_emit(f, panel_prev(c), &c->cur, groups);
}

/* The panels, in screen order: the digit keys 1-9 toggle them. */
static const struct panel table[PANELS_N] = {
	{ .name = "softirqs", .title = "softirqs", .key = '1',
	  .parts = KSTAT_SOFTIRQS | KSTAT_CPUSTAT, .emit = top_softirq_emit },
	{ .name = "softnet", .title = "softnet", .key = '2', .parts = KSTAT_SOFTNET,
	  .emit = emit_softnet },
	{ .name = "interfaces", .title = "interfaces", .key = '3',
	  .parts = KSTAT_LINKS | KSTAT_RINGS, .emit = emit_interfaces },
	{ .name = "napi", .title = "NAPI (BPF)", .key = '4', .needs_bpf = true, .replays = true,
	  NAPI_PANEL_FNS },
	{ .name = "drops", .title = "drops (BPF)", .key = '5', .needs_bpf = true, DROPS_PANEL_FNS },
	{ .name = "sockets", .title = "sockets: fullest queues", .key = '6', SOCKETS_PANEL_FNS },
	{ .name = "packet_sockets", .title = "packet sockets", .key = '7', .parts = KSTAT_PACKET,
	  .needs = KSTAT_PACKET, .source = "packet_diag", .emit = emit_packet_socks },
	{ .name = "queues", .title = "queues", .key = '8', .parts = KSTAT_QUEUES,
	  .needs = KSTAT_QUEUES, .source = "ethtool statistics", .emit = emit_queues },
	{ .name = "funnel", .title = "loss funnel (why)", .key = '9', WHY_PANEL_FNS },
};

/* A panel that cannot run shows one text-only line: JSON has its "NAME_error" instead. */
static const struct fmt_col note_cols[] = {
	{ "note", "NOTE", FMT_STR, FMT_LEFT, FMT_GROUP_TEXT, 0 },
};
static struct fmt_view note_views[PANELS_N];

/* Per run: which panels could not start, and why each cannot show this sample. */
struct panels {
	struct panel_ctx c;
	bool off[PANELS_N];		/* not in --panels: never collected nor shown */
	bool dead[PANELS_N];		/* open failed: the note stays */
	char why[PANELS_N][WHY_LEN];	/* empty: the panel shows */
};

const char *panels_name(size_t i)
{
	return table[i].name;
}

const char *panels_names(void)
{
	static char names[PANELS_N * 20];
	size_t n = 0;

	if (names[0])
		return names;
	for (size_t i = 0; i < PANELS_N && n < sizeof(names); i++)
		n += (size_t)snprintf(names + n, sizeof(names) - n, "%s%s", i ? ", " : "",
				      table[i].name);
	return names;
}

int panels_select(const char *list, bool *off, char bad[PANELS_BAD_LEN])
{
	bool on[PANELS_N] = { false };
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, ","), i;

		for (i = 0; i < PANELS_N; i++)
			if (strlen(table[i].name) == len && !strncmp(table[i].name, p, len))
				break;
		if (i == PANELS_N) {
			snprintf(bad, PANELS_BAD_LEN, "%.*s", (int)len, p);
			return -ENOENT;
		}
		on[i] = true;
		p += len + (p[len] == ',');
	}
	for (size_t i = 0; off && i < PANELS_N; i++)
		off[i] = !on[i];
	return 0;
}

/* A reason for a part the sample could not take, as the note says it. */
static void part_why(char *why, size_t len, const char *name, int err)
{
	if (err == -ENOENT && !strcmp(name, "packet_diag"))
		snprintf(why, len, "packet_diag: the kernel has no packet sock_diag "
			 "(modprobe af_packet_diag)");
	else if (err)
		snprintf(why, len, "%s: %s", name, strerror(-err));
	else
		snprintf(why, len, "%s: not in the recording", name);
}

/* Starts the panels' own collectors; a replay has none to start. */
static void open_all(struct panels *p)
{
	for (size_t i = 0; i < PANELS_N; i++) {
		const struct panel *pn = &table[i];

		/* The live view toggles a panel by its place in the frame. */
		assert(pn->key == (char)('1' + i));
		assert(i != SOCKETS_AT || !strcmp(pn->name, "sockets"));
		note_views[i] = (struct fmt_view){ .name = pn->name, .title = pn->title,
						   .cols = note_cols, .ncols = 1 };
#ifndef HAVE_BPF
		if (pn->needs_bpf) {
			snprintf(p->why[i], WHY_LEN, "this build has no BPF support (%s)", NO_BPF_WHY);
			p->dead[i] = true;
			continue;
		}
#endif
		if (!pn->open || p->off[i])
			continue;
		if (p->c.o->replay_dir && !pn->replays) {
			snprintf(p->why[i], WHY_LEN, "not in the recording (live only)");
			p->dead[i] = true;
		} else if (pn->open(&p->c, p->why[i], WHY_LEN)) {
			p->dead[i] = true;
		}
	}
}

struct panels *panels_new(const struct top_opts *o)
{
	/* Big (the notes) and zeroed: on the heap. */
	struct panels *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->c.o = o;
	p->c.bpf_drops_per_s = -1;
	if (o->panels && panels_select(o->panels, p->off, (char[PANELS_BAD_LEN]){ 0 })) {
		free(p);	/* top_opts_parse checked the names */
		return NULL;
	}
	open_all(p);
	/* Not the panel's open: the panel shows without its BPF time. */
	top_softirq_open(&p->c);
	return p;
}

void panels_free(struct panels *p)
{
	if (!p)
		return;
	top_softirq_close(&p->c);
	for (size_t i = 0; i < PANELS_N; i++)
		if (!p->dead[i] && !p->off[i] && table[i].close)
			table[i].close(&p->c);
	if (p->c.has_prev)
		kstat_sample_free(&p->c.prev);
	kstat_sample_free(&p->c.cur);
	free(p);
}

/* Whether panel i rests this sample: not in --panels, or hidden in the live view. */
static bool is_resting(const struct panels *p, const bool *hidden, size_t i)
{
	return p->off[i] || (hidden && hidden[i]);
}

/* The kstat parts the shown panels want. */
static unsigned parts_of(const struct panels *p, const bool *hidden)
{
	unsigned parts = KSTAT_CORE | KSTAT_HOST | KSTAT_CPUSTAT;

	for (size_t i = 0; i < PANELS_N; i++)
		if (!is_resting(p, hidden, i))
			parts |= table[i].parts;
	return parts;
}

/* Sample number i: live (saved under --record DIR/i) or read back from --replay DIR/i. */
static int take_sample(struct panels *p, unsigned i, unsigned parts)
{
	const struct top_opts *o = p->c.o;
	struct kstat_take_error e;
	char *dir = p->c.sample_dir;
	const size_t dir_len = sizeof(p->c.sample_dir);
	int err;

	dir[0] = '\0';
	if (o->replay_dir) {
		snprintf(dir, dir_len, "%s/%u", o->replay_dir, i);
		err = kstat_sample_load(&p->c.cur, dir);
		if (err == -ENOENT)
			log_error("%s: no such sample (the recording has fewer samples than -n asks)",
				  dir);
		else if (err)
			log_error("%s: cannot load sample: %s", dir, strerror(-err));
		return err;
	}
	if (o->record_dir)
		snprintf(dir, dir_len, "%s/%u", o->record_dir, i);
	err = kstat_sample_take(&p->c.cur, panel_prev(&p->c), parts, o->record_dir ? dir : NULL,
				&e);
	/* Saving and reading fail for different reasons, the user's and the kernel's. */
	if (err && e.saving)
		log_error("%s: cannot save the sample: %s", e.source, strerror(-err));
	else if (err && e.source)
		log_error("%s: cannot read the kernel's counters: %s", e.source, strerror(-err));
	else if (err)
		log_error("cannot parse the kernel's counters: %s", strerror(-err));
	return err;
}

/* Runs the shown panels' collectors and decides which panels show a note this time. */
static void collect(struct panels *p, const bool *hidden)
{
	p->c.bpf_drops_per_s = -1;
	/* The softirq time is the header's share too: read even while its panel hides. */
	top_softirq_collect(&p->c);
	for (size_t i = 0; i < PANELS_N; i++) {
		const struct panel *pn = &table[i];
		unsigned needs = pn->needs;

		if (p->dead[i] || is_resting(p, hidden, i))
			continue;
		p->why[i][0] = '\0';
		if (needs & ~p->c.cur.parts)
			part_why(p->why[i], WHY_LEN, pn->source,
				 kstat_part_err(&p->c.cur, needs));
		else if (pn->collect && pn->collect(&p->c, p->why[i], WHY_LEN) && !p->why[i][0])
			snprintf(p->why[i], WHY_LEN, "cannot read the collector");
	}
}

int panels_sample(struct panels *p, unsigned i, const bool *hidden)
{
	unsigned long dumps = diag_requests_sent();
	int err = take_sample(p, i, parts_of(p, hidden));

	if (!err)
		collect(p, hidden);
	/* Each dump walks a kernel table of the whole host: what a refresh costs. */
	log_debug(1, "sample %u: %lu sock_diag dumps", i, diag_requests_sent() - dumps);
	return err;
}

void panels_shift(struct panels *p)
{
	struct panel_ctx *c = &p->c;

	if (c->has_prev)
		kstat_sample_free(&c->prev);
	c->prev = c->cur;
	c->has_prev = true;
	memset(&c->cur, 0, sizeof(c->cur));
}

void panels_summary(const struct panels *p, struct top_summary *sum)
{
	struct view_softirqs_time t;
	struct softirq_times bpf = { .prev = NULL };

	/* The softirqs panel's BPF time, when it has some: the header's share is its too. */
	if (top_softirq_time(&p->c, &t) && !t.view)
		bpf = (struct softirq_times){ .prev = t.prev, .cur = t.cur };
	view_summary_compute(sum, panel_prev(&p->c), &p->c.cur, cmd_globals.netns, &bpf,
			     p->c.bpf_drops_per_s);
}

static void emit_note(struct fmt *f, size_t i, const char *why)
{
	fmt_table_begin(f, &note_views[i], 0);
	if (fmt_is_shown(f, 0)) {
		fmt_row_begin(f);
		fmt_str(f, 0, why);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

void panels_emit(struct fmt *f, const struct panels *p, const struct top_summary *sum)
{
	const struct panel_ctx *c = &p->c;
	char key[64];

	fmt_doc_begin(f, "top");
	fmt_doc_u64(f, "ts_ns", c->cur.real_ns);
	if (c->has_prev)
		fmt_doc_u64(f, "interval_ns", c->cur.mono_ns - c->prev.mono_ns);
	for (size_t i = 0; i < PANELS_N; i++) {
		if (!p->why[i][0] || p->off[i])
			continue;
		snprintf(key, sizeof(key), "%s_error", table[i].name);
		fmt_doc_str(f, key, p->why[i]);
	}
	if (top_softirq_error(c))
		fmt_doc_str(f, "softirqs_time_error", top_softirq_error(c));
	if (sum)
		view_summary_emit(f, sum, 0);
	for (size_t i = 0; i < PANELS_N; i++) {
		if (p->off[i])
			continue;
		if (p->why[i][0])
			emit_note(f, i, p->why[i]);
		else
			table[i].emit(f, c, 0);
	}
	/*
	 * Last, a table no digit key toggles, so that the keys 1-9 keep their
	 * panels: the drops each process's sockets counted, from the sockets
	 * panel's dumps (issue 14's drops by process, at no cost of its own).
	 */
	if (!p->off[SOCKETS_AT] && !p->why[SOCKETS_AT][0])
		sockets_panel_emit_drops(f, c, 0);
	fmt_doc_end(f);
}

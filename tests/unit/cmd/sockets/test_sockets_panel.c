/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_sockets_panel.c: top's sockets panel: the fullest kept in order, copied, and emitted. */
#include "config.h"

#include <linux/sock_diag.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "cmd/sockets/panel.h"

/* A unix stream socket named by path with rq/wq queued and drops dropped. */
static struct sock_rec sock(const char *path, uint32_t rq, uint32_t wq, uint32_t drops,
			    uint8_t st, uint32_t *skmem)
{
	memset(skmem, 0, SK_MEMINFO_VARS * sizeof(*skmem));
	skmem[SK_MEMINFO_DROPS] = drops;
	return (struct sock_rec){ .table = SOCKTAB_UNIX_STREAM, .family = AF_UNIX, .state = st,
				  .rqueue = rq, .wqueue = wq, .inode = 1000 + rq,
				  .skmem = skmem, .skmem_len = SK_MEMINFO_VARS * sizeof(*skmem),
				  .path = path, .path_len = strlen(path) };
}

/* Keeps each of r[0..n) as a dump would hand them over: the record's memory reused after. */
static void keep_all(struct panel_ctx *c, const char *const *paths, const uint32_t (*q)[4],
		     size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t skmem[SK_MEMINFO_VARS];
		char path[64];
		struct sock_rec r;

		snprintf(path, sizeof(path), "%s", paths[i]);
		r = sock(path, q[i][0], q[i][1], q[i][2], (uint8_t)q[i][3], skmem);
		sockets_panel_keep(c->sockets, &r);
		/* The callback's buffers go away: the panel must have copied them. */
		memset(path, 'X', sizeof(path) - 1);
		memset(skmem, 0xff, sizeof(skmem));
	}
}

/* The panel's table as text (numeric), one string the caller frees. */
static char *render(const struct panel_ctx *c)
{
	struct fmt_opts o = { .numeric = true };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct fmt *f = fmt_new(FMT_TEXT, out, &o);

	assert_non_null(f);
	sockets_panel_emit(f, c, 0);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	fclose(out);
	return buf;
}

static int setup(void **state)
{
	struct panel_ctx *c = calloc(1, sizeof(*c));
	char why[64] = "";

	assert_non_null(c);
	/* open starts nothing yet: no socket, no /proc. */
	assert_int_equal(sockets_panel_open(c, why, sizeof(why)), 0);
	assert_non_null(c->sockets);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	struct panel_ctx *c = *state;

	sockets_panel_close(c);
	assert_null(c->sockets);
	free(c);
	return 0;
}

/* Fullest first; a tie goes to more drops; a listener's Send-Q (its backlog) does not count. */
static void test_order(void **state)
{
	struct panel_ctx *c = *state;
	static const char *const paths[] = { "/q/mid", "/q/idle", "/q/top", "/q/listen",
					     "/q/dropper", "/q/tie" };
	static const uint32_t q[][4] = {
		{ 300, 0, 0, SOCK_ST_ESTABLISHED },
		{ 0, 0, 0, SOCK_ST_ESTABLISHED },	/* nothing queued nor dropped: never */
		{ 100, 900, 0, SOCK_ST_ESTABLISHED },	/* 1000 bytes */
		{ 10, 5000, 0, SOCK_ST_LISTEN },	/* 10 bytes */
		{ 0, 0, 7, SOCK_ST_ESTABLISHED },	/* dropped only */
		{ 300, 0, 2, SOCK_ST_ESTABLISHED },	/* ties /q/mid, with drops */
	};
	const char *order[] = { "/q/top", "/q/tie", "/q/mid", "/q/listen", "/q/dropper" };
	char *out, *at;

	keep_all(c, paths, q, sizeof(paths) / sizeof(paths[0]));
	out = render(c);
	assert_null(strstr(out, "/q/idle"));
	assert_null(strstr(out, "XXX"));
	at = out;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		char *p = strstr(out, order[i]);

		assert_non_null(p);
		/* Each comes after the one before it. */
		assert_true(p >= at);
		at = p;
	}
	free(out);
}

/* Past SOCKETS_PANEL_ROWS the emptiest go; a new dump forgets the last one. */
static void test_cap_clear(void **state)
{
	struct panel_ctx *c = *state;
	const char *paths[SOCKETS_PANEL_ROWS + 5];
	uint32_t q[SOCKETS_PANEL_ROWS + 5][4];
	char names[SOCKETS_PANEL_ROWS + 5][16];
	size_t n = SOCKETS_PANEL_ROWS + 5, lines = 0;
	char *out;

	for (size_t i = 0; i < n; i++) {
		snprintf(names[i], sizeof(names[i]), "/cap/%02zu.", i);
		paths[i] = names[i];
		q[i][0] = (uint32_t)(i + 1);	/* /cap/00 emptiest */
		q[i][1] = q[i][2] = 0;
		q[i][3] = SOCK_ST_ESTABLISHED;
	}
	keep_all(c, paths, (const uint32_t (*)[4])q, n);
	out = render(c);
	for (char *p = out; (p = strstr(p, "/cap/")); p++)
		lines++;
	assert_int_equal(lines, SOCKETS_PANEL_ROWS);
	for (size_t i = 0; i < n - SOCKETS_PANEL_ROWS; i++)
		assert_null(strstr(out, names[i]));
	assert_non_null(strstr(out, names[n - 1]));
	free(out);

	sockets_panel_clear(c->sockets);
	out = render(c);
	assert_null(strstr(out, "/cap/"));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cap_clear, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

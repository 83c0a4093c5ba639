/* SPDX-License-Identifier: GPL-2.0-or-later */
/* golden.h: test helpers: capture rendered output, compare it with golden files, check JSON. */
#ifndef SOCKEYE_TEST_GOLDEN_H
#define SOCKEYE_TEST_GOLDEN_H

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/utf8.h"

/* Output captured in memory: write to f, then capture_end() makes buf/len final. */
struct capture {
	FILE *f;
	char *buf;
	size_t len;
};

static inline void capture_begin(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
}

static inline void capture_end(struct capture *c)
{
	assert_int_equal(fclose(c->f), 0);
	c->f = NULL;
}

static inline void capture_free(struct capture *c)
{
	free(c->buf);
	c->buf = NULL;
}

/*
 * Compares len bytes of actual with tests/unit/golden/NAME under $top_srcdir.
 * SOCKEYE_UPDATE_GOLDEN=1 rewrites the golden file instead (review the diff).
 */
static inline void golden_check(const char *name, const char *actual, size_t len)
{
	const char *top = getenv("top_srcdir");
	char path[4096], *want = NULL;
	size_t wlen = 0, i, line = 1;
	FILE *g;

	snprintf(path, sizeof(path), "%s/tests/unit/golden/%s", top ? top : ".", name);
	if (getenv("SOCKEYE_UPDATE_GOLDEN")) {
		g = fopen(path, "w");
		assert_non_null(g);
		assert_int_equal(fwrite(actual, 1, len, g), len);
		assert_int_equal(fclose(g), 0);
		return;
	}
	g = fopen(path, "r");
	if (!g)
		fail_msg("golden file %s: cannot open", path);
	assert_int_equal(fseek(g, 0, SEEK_END), 0);
	wlen = (size_t)ftell(g);
	rewind(g);
	want = malloc(wlen + 1);
	assert_non_null(want);
	assert_int_equal(fread(want, 1, wlen, g), wlen);
	fclose(g);
	for (i = 0; i < len && i < wlen && actual[i] == want[i]; i++)
		line += actual[i] == '\n';
	if (i != len || i != wlen) {
		fprintf(stderr, "golden %s differs at byte %zu (line %zu)\n--- actual:\n%.*s\n"
			"--- expected:\n%.*s\n", name, i, line, (int)len, actual, (int)wlen, want);
		free(want);
		fail_msg("%s: output differs from the golden file", name);
	}
	free(want);
}

/*
 * JSON output is valid UTF-8 without raw control bytes (newlines between
 * documents aside) and jq parses all of it.  jq is skipped only when absent.
 */
static inline void golden_json_check(const char *buf, size_t len)
{
	FILE *jq;

	assert_true(utf8_is_valid(buf, len));
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)buf[i] < 0x20 && buf[i] != '\n') || buf[i] == 0x7f)
			fail_msg("raw control byte 0x%02x at %zu", (unsigned char)buf[i], i);
	if (system("command -v jq >/dev/null 2>&1") != 0)
		return;
	signal(SIGPIPE, SIG_IGN);	/* jq may stop reading at the first error */
	jq = popen("jq -e . >/dev/null", "w");
	assert_non_null(jq);
	fwrite(buf, 1, len, jq);
	if (pclose(jq) != 0)
		fail_msg("jq rejects the output:\n%.*s", (int)len, buf);
}

#endif

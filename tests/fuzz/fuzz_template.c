/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_template.c: libFuzzer harness: parse any text as an inject template, build what it makes. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/inject/gen.h"
#include "cmd/inject/template.h"

/* Keeps frame lengths in range of what a test buffer holds. */
#define FUZZ_TEXT_MAX 4096

/* A range runs forwards, and only a range varies. */
static void check_num(const struct template_num *n)
{
	if (n->lo > n->hi || (n->vary == TEMPLATE_FIXED) != (n->lo == n->hi))
		abort();
}

static void build(struct template *t)
{
	struct gen_link link = { .vlan = t->link_len == 18 ? 7 : -1 };
	struct gen *g;
	uint8_t *buf;
	uint32_t prev = 0;

	t->src.family = t->family;	/* the unspecified address, as without an interface */
	memset(t->src.lo, 0, 16);
	memset(t->src.hi, 0, 16);
	t->src.vary = TEMPLATE_FIXED;
	if (gen_new(&g, t, &link, 1))
		return;
	buf = malloc(gen_max_len(g));
	for (uint64_t n = 0; buf && n < 4; n++) {
		prev = gen_build(g, n, buf, prev);
		if (prev > gen_max_len(g) || prev < t->link_len + template_header_len(t))
			abort();
	}
	free(buf);
	gen_free(g);
}

/* The first byte picks the link header (with or without a VLAN tag); the rest is the text. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template t;
	struct template_error e;
	char text[FUZZ_TEXT_MAX + 1];
	size_t len;

	if (size < 1 || size - 1 > FUZZ_TEXT_MAX)
		return 0;
	len = size - 1;
	memcpy(text, data + 1, len);
	text[len] = '\0';
	len = strlen(text);	/* an embedded NUL ends the text, as in a C string */
	if (template_parse(&t, text, data[0] & 1 ? 18 : 14, &e)) {
		if (e.off > len || e.len > len - e.off || !e.msg[0] ||
		    strnlen(e.msg, sizeof(e.msg)) == sizeof(e.msg))
			abort();
		return 0;
	}
	if ((t.family != AF_INET && t.family != AF_INET6) || t.dst.family != t.family ||
	    (t.src.family && t.src.family != t.family) || memcmp(t.dst.lo, t.dst.hi, 16) > 0)
		abort();
	check_num(&t.sport);
	check_num(&t.dport);
	check_num(&t.len);
	check_num(&t.payload);
	check_num(&t.seq);
	build(&t);
	return 0;
}

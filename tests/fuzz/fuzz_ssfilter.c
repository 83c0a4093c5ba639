/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_ssfilter.c: libFuzzer harness for the ss filter parser, evaluator and bytecode compiler. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/inet_diag.h>

#include "diag/ssfilter.h"
#include "diag/ssfilter_bc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Walks bytecode along its yes jumps as the kernel's audit does: every op inside it. */
static void check_bytecode(const uint8_t *bc, size_t len)
{
	size_t off = 0;

	while (off < len) {
		struct inet_diag_bc_op op;

		if (len - off < sizeof(op))
			__builtin_trap();
		memcpy(&op, bc + off, sizeof(op));
		if (op.yes < sizeof(op) || op.yes % 4 || op.yes > len - off ||
		    (op.code != INET_DIAG_BC_NOP && (op.no % 4 || op.no > len - off + 4)))
			__builtin_trap();
		off += op.yes;
	}
}

static unsigned lookup(const char *name, void *arg)
{
	return strcmp(name, "eth0") ? 0 : 2;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct ssf_env env = { .port_lo = 32768, .port_hi = 60999 };
	struct sock_rec recs[3] = {
		{ .family = AF_INET, .sport = 22, .dport = 40000, .ifindex = 2, .src = { 10, 0, 0, 1 } },
		{ .family = AF_INET6, .sport = 443, .dport = 1, .src = { [10] = 0xff, [11] = 0xff, 10 } },
		{ .family = AF_UNIX, .path = "\0abstract", .path_len = 9 },
	};
	char *text = malloc(size + 1), *argv[1] = { text };
	struct ssfilter f;
	char why[128];
	void *bc;
	size_t len;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (!ssfilter_parse(1, argv, &f, why, sizeof(why))) {
		ssfilter_resolve(&f, lookup, NULL);
		for (size_t i = 0; i < sizeof(recs) / sizeof(recs[0]); i++)
			ssfilter_match(f.expr, &recs[i], &env);
		if (!ssfilter_bc_compile(f.expr, &bc, &len)) {
			check_bytecode(bc, len);
			free(bc);
		}
		ssfilter_free(&f);
	} else if (!why[0]) {
		__builtin_trap();	/* every failure says why */
	}
	free(text);
	return 0;
}

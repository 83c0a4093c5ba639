/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_sockdiag.c: libFuzzer harness for the sock_diag reply parser and recorded dumps. */
#include "config.h"

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "guarded.h"
#include "diag/sockdiag.h"
#include "diag/sockscan.h"
#include "out/fmt.h"
#include "cmd/sockets/view_sockets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The dumps the first byte selects: every family and inet protocol the parser knows. */
static const struct sockdiag_req reqs[] = {
	{ .family = AF_INET, .protocol = IPPROTO_TCP },
	{ .family = AF_INET6, .protocol = IPPROTO_UDP },
	{ .family = AF_INET, .protocol = IPPROTO_RAW },
	{ .family = AF_INET6, .protocol = 262 },
	{ .family = AF_INET, .protocol = IPPROTO_SCTP },
	{ .family = AF_UNIX },
	{ .family = AF_PACKET },
};

static FILE *sink;
static struct fmt *f;

/* Every record found goes through the view, as the command would print it. */
static int emit(const struct sock_rec *r, const struct sockscan_where *w, void *arg)
{
	struct view_sockets_ctx c = { .netns = w->netns, .ifname = w->ifname,
				      .ifname_arg = w->ifname_arg };

	view_sockets_emit(f, r, &c);
	return 0;
}

static int emit_rec(const struct sock_rec *r, void *arg)
{
	struct sockscan_where w = { 0 };

	return emit(r, &w, arg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fmt_opts o = { 0 };
	const void *copy;

	if (!size)
		return 0;
	if (!sink) {
		sink = fopen("/dev/null", "w");
		f = fmt_new(FMT_JSON, sink, &o);
		if (!f)
			__builtin_trap();
	}
	fmt_table_begin(f, &view_sockets, ~0u);
	if (data[0] & 0x80) {
		/* The rest is a recording, replayed with every table and state, and a filter. */
		struct sockscan s;
		struct ssfilter flt;
		char *argv[] = { "not sport = :22 or dev eth0 or src /run/*" };
		char why[64];

		sockscan_init(&s);
		s.all_netns = data[0] & 1;
		if (!ssfilter_parse(1, argv, &flt, why, sizeof(why)))
			s.filter = &flt;
		s.replay = fmemopen((void *)(data + 1), size - 1, "r");
		if (s.replay) {
			sockscan_run(&s, emit, NULL);
			fclose(s.replay);
		}
		ssfilter_free(&flt);
		sockscan_fini(&s);
	} else {
		copy = guarded_copy(data + 1, size - 1);
		if (copy)
			sockdiag_parse(&reqs[data[0] % (sizeof(reqs) / sizeof(reqs[0]))], copy,
				       size - 1, 0, 0, emit_rec, NULL);
	}
	fmt_table_end(f);
	return 0;
}

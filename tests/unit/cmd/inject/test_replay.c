/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_replay.c: unit tests for replay: skips counted; the arena streams what the file does. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "capture/savefile.h"
#include "cmd/inject/replay.h"
#include "cmd/inject/replay_arena.h"

#define MAX_SEEN 64

static char path[64];

/* What a replay returned, packet by packet. */
struct seen {
	unsigned n;
	struct replay_pkt p[MAX_SEEN];
	uint8_t first[MAX_SEEN];	/* each packet's first byte (its data moves on) */
	struct replay_counts c;
};

static void put32(FILE *f, uint32_t v)
{
	assert_int_equal(fwrite(&v, 4, 1, f), 1);
}

/*
 * A pcap (microseconds, host order) of 8 records: 64-byte frames, an empty one,
 * one over a 100-byte MTU, one cut (caplen 40 of 60), timestamps with a step back.
 */
static int write_pcap(void **state)
{
	static const struct { uint32_t usec, caplen, wirelen; } recs[] = {
		{ 0, 64, 64 }, { 1000, 64, 64 }, { 1500, 0, 60 }, { 3000, 200, 200 },
		{ 2500, 64, 64 }, { 6000, 40, 60 }, { 7000, 0, 60 }, { 9000, 64, 64 },
	};
	uint8_t frame[200];
	int fd;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/test_replay.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	put32(f, 0xa1b2c3d4);
	put32(f, 2 | (4u << 16));	/* version 2.4 */
	put32(f, 0);
	put32(f, 0);
	put32(f, 65535);
	put32(f, 1);			/* LINKTYPE_ETHERNET */
	for (unsigned i = 0; i < sizeof(recs) / sizeof(recs[0]); i++) {
		memset(frame, (int)(0x10 + i), sizeof(frame));
		put32(f, 1700000000);
		put32(f, recs[i].usec);
		put32(f, recs[i].caplen);
		put32(f, recs[i].wirelen);
		assert_int_equal(fwrite(frame, 1, recs[i].caplen, f), recs[i].caplen);
	}
	assert_int_equal(fclose(f), 0);
	return 0;
}

static int remove_pcap(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

static void walk(struct seen *s, const struct replay_opts *o)
{
	char err[SAVEFILE_ERRLEN];
	struct replay *r;
	int ret;

	memset(s, 0, sizeof(*s));
	assert_int_equal(replay_open(&r, o, err), 0);
	while ((ret = replay_next(r, &s->p[s->n])) > 0) {
		assert_true(s->n < MAX_SEEN);
		s->first[s->n] = s->p[s->n].data[0];
		s->p[s->n].data = NULL;
		s->n++;
	}
	assert_int_equal(ret, 0);
	replay_counts(r, &s->c);
	replay_close(r);
}

static struct replay_opts opts(uint64_t loops, uint64_t limit, unsigned workers, unsigned w)
{
	return (struct replay_opts){ .path = path, .mtu = 100, .loops = loops, .limit = limit,
				     .workers = workers, .worker = w, .skip_empty = true };
}

/* Empty records are skipped and counted once; cut ones still go (the sender counts them). */
static void test_skips(void **state)
{
	struct replay_opts o = opts(2, 0, 1, 0);
	struct seen s;

	(void)state;
	walk(&s, &o);
	assert_int_equal(s.n, 2 * 5);
	assert_int_equal(s.c.read, 8);
	assert_int_equal(s.c.skip_empty, 2);
	assert_int_equal(s.c.skip_mtu, 1);
	assert_int_equal(s.p[3].len, 40);
	assert_int_equal(s.p[3].wirelen, 60);
	/* Without skip_empty (writing a file) an empty record is a packet like any. */
	o.skip_empty = false;
	walk(&s, &o);
	assert_int_equal(s.n, 2 * 7);
	assert_int_equal(s.c.skip_empty, 0);
	assert_int_equal(s.p[2].len, 0);
}

static void assert_same(const struct seen *a, const struct seen *b)
{
	assert_int_equal(a->n, b->n);
	for (unsigned i = 0; i < a->n; i++) {
		assert_int_equal(a->p[i].index, b->p[i].index);
		assert_int_equal(a->p[i].len, b->p[i].len);
		assert_int_equal(a->p[i].wirelen, b->p[i].wirelen);
		assert_int_equal(a->p[i].ts_ns, b->p[i].ts_ns);
		assert_int_equal(a->p[i].rec_ns, b->p[i].rec_ns);
		assert_int_equal(a->first[i], b->first[i]);
	}
	assert_memory_equal(&a->c, &b->c, sizeof(a->c));
}

/*
 * The same stream, from the file or from memory: every packet, its place, its
 * recorded time (so the pacing is the same), each worker's share, the limit.
 */
static void test_arena_same(void **state)
{
	static const struct { uint64_t loops, limit; unsigned workers; } cases[] = {
		{ 1, 0, 1 }, { 3, 0, 1 }, { 3, 0, 2 }, { 4, 0, 3 }, { 0, 13, 1 }, { 0, 13, 2 },
		{ 2, 7, 4 }, { 3, 0, 7 },
	};
	char why[SAVEFILE_ERRLEN];
	struct replay_arena *a;
	struct seen file, mem;

	(void)state;
	for (unsigned k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		for (unsigned w = 0; w < cases[k].workers; w++) {
			struct replay_opts o = opts(cases[k].loops, cases[k].limit,
						    cases[k].workers, w);

			walk(&file, &o);
			assert_int_equal(replay_arena_load(&a, &o, 1 << 20, why), 0);
			assert_int_equal(a->n, 5);
			assert_int_equal(a->max_len, 64);
			o.arena = a;
			walk(&mem, &o);
			assert_same(&file, &mem);
			replay_arena_free(a);
		}
	}
}

/* A file over the limit, or standard input, is not held: the caller reads it each pass. */
static void test_arena_refused(void **state)
{
	struct replay_opts o = opts(2, 0, 1, 0);
	char why[SAVEFILE_ERRLEN];
	struct replay_arena *a;

	(void)state;
	assert_int_equal(replay_arena_load(&a, &o, 100, why), 1);
	assert_null(a);
	assert_string_equal(why, "larger than --preload (100 bytes)");
	o.path = "-";
	assert_int_equal(replay_arena_load(&a, &o, 1 << 20, why), 1);
	assert_null(a);
	o.path = "/nonexistent/file.pcap";
	assert_int_equal(replay_arena_load(&a, &o, 1 << 20, why), 1);
	assert_null(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_skips),
		cmocka_unit_test(test_arena_same),
		cmocka_unit_test(test_arena_refused),
	};

	return cmocka_run_group_tests(tests, write_pcap, remove_pcap);
}

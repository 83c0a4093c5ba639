/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_napi_file.c: a NAPI sample written for top --record reads back the same; bad text is refused. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bpf/napi.h"

static char path[64];

static int setup(void **state)
{
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/test_napi_file.XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

static void write_text(const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/* Every field survives, the unnamed backlog and a full 15-byte name too; read back sorted. */
static void test_round_trip(void **state)
{
	struct napi_entry e[2] = {
		{ .key = { .ifindex = 7, .netns_ino = 4026531840u, .napi_id = 8193, .cpu = 127 },
		  .val = { .polls = 10, .packets = 1ull << 40, .budget_polls = 9,
			   .hist = { 1, 2, 3, 4, 5, 6 }, .budget = 64, .ifname = "abcdefghijklmno" } },
		{ .key = { .cpu = 3 }, .val = { .polls = 1, .packets = 2, .flags = NAPI_F_BACKLOG } },
	};
	struct napi_cpu cpu = { .cpu = 3, .softirq_count = 11, .softirq_ns = 12345 };
	struct napi_sample s = { .mono_ns = 5000000000123ull, .entries = e, .n = 2,
				 .cpus = &cpu, .ncpus = 1, .has_softirq = true };
	struct napi_sample r = { 0 };

	(void)state;
	assert_int_equal(napi_sample_save(&s, path), 0);
	assert_int_equal(napi_sample_load(&r, path), 0);
	assert_int_equal(r.mono_ns, s.mono_ns);
	assert_true(r.has_softirq);
	assert_int_equal(r.n, 2);
	/* Sorted by namespace first: the backlog (namespace 0) comes first. */
	assert_memory_equal(&r.entries[0], &e[1], sizeof(e[1]));
	assert_memory_equal(&r.entries[1], &e[0], sizeof(e[0]));
	assert_true(napi_entry_is_backlog(&r.entries[0]));
	assert_int_equal(r.ncpus, 1);
	/* Field by field: the struct has padding, which a read leaves as it found it. */
	assert_int_equal(r.cpus[0].cpu, cpu.cpu);
	assert_int_equal(r.cpus[0].softirq_count, cpu.softirq_count);
	assert_int_equal(r.cpus[0].softirq_ns, cpu.softirq_ns);
	assert_non_null(napi_sample_find(&r, &e[0].key));
	napi_sample_free(&r);
}

/* A line that is not whole, a word too many or an unknown word: -EINVAL and nothing kept. */
static void test_refused(void **state)
{
	static const char *const bad[] = {
		"mono_ns 1 2\n",
		"mono_ns x\n",
		"softirq 2\n",
		"entry 1 2 3 4 5 6 7 1 1 1 1 1 1 64 0 eth0 extra\n",
		"entry 1 2 3 4 5 6 7 1 1 1 1 1 64 0 eth0\n",
		"cpu 1 2\n",
		"mono_ns 1\nnapi 1\n",
		"mono_ns 1",
	};
	struct napi_sample r = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		write_text(bad[i]);
		assert_int_equal(napi_sample_load(&r, path), -EINVAL);
		assert_null(r.entries);
		assert_int_equal(r.n, 0);
	}
	unlink(path);
	assert_int_equal(napi_sample_load(&r, path), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_kstat.c: unit tests for whole-file reads and the take, save, load round trip of a sample. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "kstat/kstat.h"

struct tmpdir {
	char path[64];
};

static void tmpdir_make(struct tmpdir *t)
{
	strcpy(t->path, "/tmp/test_kstat.XXXXXX");
	assert_non_null(mkdtemp(t->path));
}

static void tmpdir_remove(const struct tmpdir *t)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->path);
	assert_int_equal(system(cmd), 0);
}

static void write_file(const char *dir, const char *name, const void *buf, size_t len)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void test_read_file(void **state)
{
	struct tmpdir t;
	char path[256], *buf, *big;
	size_t len, big_len = 100000;

	/* A /proc file: st_size is 0, the text is not. */
	assert_int_equal(kstat_read_file("/proc/softirqs", &buf, &len), 0);
	assert_true(len > 0);
	assert_int_equal(strlen(buf), len);
	assert_memory_equal(buf, " ", 1);
	free(buf);

	/* Bigger than the first buffer, with a NUL inside: len, not strlen, is the size. */
	tmpdir_make(&t);
	big = malloc(big_len);
	assert_non_null(big);
	for (size_t i = 0; i < big_len; i++)
		big[i] = (char)('a' + i % 26);
	big[7] = '\0';
	write_file(t.path, "big", big, big_len);
	snprintf(path, sizeof(path), "%s/big", t.path);
	assert_int_equal(kstat_read_file(path, &buf, &len), 0);
	assert_int_equal(len, big_len);
	assert_memory_equal(buf, big, big_len);
	assert_int_equal(buf[len], '\0');
	free(buf);
	free(big);

	snprintf(path, sizeof(path), "%s/missing", t.path);
	buf = path;
	assert_int_equal(kstat_read_file(path, &buf, &len), -ENOENT);
	assert_null(buf);
	tmpdir_remove(&t);
}

static void assert_samples_equal(const struct kstat_sample *a, const struct kstat_sample *b)
{
	assert_true(a->mono_ns == b->mono_ns);
	assert_true(a->real_ns == b->real_ns);
	assert_int_equal(a->softirqs.ncpus, b->softirqs.ncpus);
	for (unsigned i = 0; i < a->softirqs.ncpus; i++) {
		assert_int_equal(a->softirqs.cpus[i].cpu, b->softirqs.cpus[i].cpu);
		assert_int_equal(a->softirqs.cpus[i].net_rx, b->softirqs.cpus[i].net_rx);
		assert_int_equal(a->softirqs.cpus[i].net_tx, b->softirqs.cpus[i].net_tx);
	}
	assert_int_equal(a->softnet.ncpus, b->softnet.ncpus);
	for (unsigned i = 0; i < a->softnet.ncpus; i++) {
		const struct softnet_cpu *x = &a->softnet.cpus[i], *y = &b->softnet.cpus[i];

		assert_int_equal(x->cpu, y->cpu);
		assert_int_equal(x->processed, y->processed);
		assert_int_equal(x->dropped, y->dropped);
		assert_int_equal(x->time_squeeze, y->time_squeeze);
		assert_int_equal(x->received_rps, y->received_rps);
		assert_int_equal(x->flow_limit_count, y->flow_limit_count);
		assert_int_equal(x->backlog_len, y->backlog_len);
		assert_int_equal(x->has_rps, y->has_rps);
		assert_int_equal(x->has_flow_limit, y->has_flow_limit);
		assert_int_equal(x->has_backlog, y->has_backlog);
	}
	assert_int_equal(a->parts, b->parts);
	assert_int_equal(a->cpustat.ncpus, b->cpustat.ncpus);
	assert_true(a->cpustat.all.total == b->cpustat.all.total);
	assert_true(a->cpustat.all.softirq == b->cpustat.all.softirq);
	assert_string_equal(a->host.name, b->host.name);
	assert_true(a->host.uptime_ms == b->host.uptime_ms);
	assert_memory_equal(a->host.load_centi, b->host.load_centi, sizeof(a->host.load_centi));
	assert_int_equal(a->rings.n, b->rings.n);
	if (a->rings.n)
		assert_memory_equal(a->rings.ifs, b->rings.ifs, a->rings.n * sizeof(*a->rings.ifs));
	assert_int_equal(a->queues.n, b->queues.n);
	if (a->queues.n)
		assert_memory_equal(a->queues.qs, b->queues.qs, a->queues.n * sizeof(*a->queues.qs));
	assert_int_equal(a->packet.n, b->packet.n);
	assert_int_equal(a->packet.has_owners, b->packet.has_owners);
	for (unsigned i = 0; i < a->packet.n; i++) {
		assert_int_equal(a->packet.socks[i].ino, b->packet.socks[i].ino);
		assert_int_equal(a->packet.socks[i].pid, b->packet.socks[i].pid);
		assert_string_equal(a->packet.socks[i].comm, b->packet.socks[i].comm);
	}
	assert_int_equal(a->links.nlinks, b->links.nlinks);
	for (unsigned i = 0; i < a->links.nlinks; i++) {
		const struct link_stat *x = &a->links.links[i], *y = &b->links.links[i];

		assert_int_equal(x->ifindex, y->ifindex);
		assert_string_equal(x->name, y->name);
		assert_int_equal(x->flags, y->flags);
		assert_int_equal(x->operstate, y->operstate);
		assert_int_equal(x->mtu, y->mtu);
		assert_int_equal(x->has_stats, y->has_stats);
		assert_int_equal(x->rx_packets, y->rx_packets);
		assert_int_equal(x->tx_packets, y->tx_packets);
		assert_int_equal(x->rx_bytes, y->rx_bytes);
		assert_int_equal(x->tx_bytes, y->tx_bytes);
		assert_int_equal(x->rx_errors, y->rx_errors);
		assert_int_equal(x->tx_errors, y->tx_errors);
		assert_int_equal(x->rx_dropped, y->rx_dropped);
		assert_int_equal(x->tx_dropped, y->tx_dropped);
		assert_int_equal(x->rx_missed, y->rx_missed);
		assert_int_equal(x->rx_fifo, y->rx_fifo);
		assert_int_equal(x->tx_fifo, y->tx_fifo);
	}
}

/* A live sample saved into a directory that does not exist yet, then loaded back equal. */
static void test_round_trip(void **state)
{
	struct kstat_sample taken, loaded, again;
	struct tmpdir t;
	char dir[128], path[256];

	tmpdir_make(&t);
	snprintf(dir, sizeof(dir), "%s/a/b", t.path);
	assert_int_equal(kstat_sample_take(&taken, NULL, KSTAT_ALL, dir, NULL), 0);
	/* Every part but the packet sockets (no af_packet_diag, no privileges) is always there. */
	assert_int_equal(taken.parts | KSTAT_PACKET, KSTAT_ALL);
	assert_true(taken.host.has_name && taken.host.has_uptime && taken.host.has_load);
	assert_true(taken.cpustat.ncpus > 0);
	assert_true(taken.mono_ns > 0);
	assert_true(taken.real_ns > 1500000000ull * 1000000000ull);
	assert_true(taken.softirqs.ncpus > 0);
	assert_true(taken.softnet.ncpus > 0);
	assert_true(taken.links.nlinks > 0);
	assert_non_null(links_find(&taken.links, (int)if_nametoindex("lo")));

	assert_int_equal(kstat_sample_load(&loaded, dir), 0);
	assert_samples_equal(&taken, &loaded);

	/* Saving again over the old sample replaces it; parts not taken are gone from it. */
	assert_int_equal(kstat_sample_take(&again, &taken, KSTAT_CORE | KSTAT_HOST, dir, NULL), 0);
	assert_int_equal(again.parts, KSTAT_CORE | KSTAT_HOST);
	kstat_sample_free(&loaded);
	assert_int_equal(kstat_sample_load(&loaded, dir), 0);
	assert_samples_equal(&again, &loaded);
	assert_true(again.mono_ns > taken.mono_ns);

	kstat_sample_free(&taken);
	kstat_sample_free(&again);
	kstat_sample_free(&loaded);
	assert_null(loaded.links.links);
	assert_int_equal(loaded.softirqs.ncpus, 0);

	/* A sample without its marker is no sample. */
	snprintf(path, sizeof(path), "%s/time", dir);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(kstat_sample_load(&loaded, dir), -ENOENT);
	assert_int_equal(loaded.links.nlinks, 0);
	tmpdir_remove(&t);
}

/* A directory holding a hand-written sample: what the golden tests replay. */
static void test_load_handmade(void **state)
{
	static const char softirqs[] =
		"       CPU0       CPU3\n"
		"NET_TX:   1   2\n"
		"NET_RX:   3   4\n";
	static const char softnet[] =
		"0000000a 0 0 0 0 0 0 0 0 0 0 0 00000000\n"
		"0000000b 0 0 0 0 0 0 0 0 0 0 0 00000003\n";
	static const char *const bad_times[] = {
		"", "1 2", "1 2\n\n", "1\n", "1  2\n", " 1 2\n", "1 -2\n", "1 2 3\n",
		"18446744073709551616 2\n", "1 x\n",
	};
	struct kstat_sample s;
	struct tmpdir t;
	char path[256];

	tmpdir_make(&t);
	assert_int_equal(kstat_sample_load(&s, t.path), -ENOENT);
	write_file(t.path, "softirqs", softirqs, strlen(softirqs));
	write_file(t.path, "softnet_stat", softnet, strlen(softnet));
	write_file(t.path, "rtnl_link.bin", "", 0);
	write_file(t.path, "time", "123 18446744073709551615\n", 25);
	assert_int_equal(kstat_sample_load(&s, t.path), 0);
	assert_int_equal(s.mono_ns, 123);
	assert_true(s.real_ns == UINT64_MAX);
	assert_int_equal(s.softirqs.ncpus, 2);
	assert_int_equal(s.softirqs.cpus[1].cpu, 3);
	assert_int_equal(s.softirqs.cpus[1].net_rx, 4);
	assert_int_equal(s.softnet.ncpus, 2);
	assert_int_equal(s.softnet.cpus[1].cpu, 3);
	assert_int_equal(s.softnet.cpus[1].processed, 11);
	assert_int_equal(s.links.nlinks, 0);
	/* A recording from before the optional parts: only the core. */
	assert_int_equal(s.parts, KSTAT_CORE);
	kstat_sample_free(&s);

	/* Optional parts, hand-written; one that does not parse fails the load. */
	write_file(t.path, "uptime", "12.5 3\n", strlen("12.5 3\n"));
	write_file(t.path, "loadavg", "0.50 0.25 0.00 1/2 3\n", strlen("0.50 0.25 0.00 1/2 3\n"));
	write_file(t.path, "hostname", "box\n", strlen("box\n"));
	write_file(t.path, "stat", "cpu  1 2 3 4 5 6 7\n", strlen("cpu  1 2 3 4 5 6 7\n"));
	write_file(t.path, "ethtool_stats", "2\teth0\trx0_drops\t5\n", 19);
	assert_int_equal(kstat_sample_load(&s, t.path), 0);
	assert_int_equal(s.parts, KSTAT_CORE | KSTAT_HOST | KSTAT_CPUSTAT | KSTAT_QUEUES);
	assert_string_equal(s.host.name, "box");
	assert_int_equal(s.host.uptime_ms, 12500);
	assert_int_equal(s.cpustat.all.softirq, 7);
	assert_int_equal(s.queues.n, 1);
	kstat_sample_free(&s);
	/* The host part needs all three of its files. */
	snprintf(path, sizeof(path), "%s/hostname", t.path);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(kstat_sample_load(&s, t.path), 0);
	assert_int_equal(s.parts, KSTAT_CORE | KSTAT_CPUSTAT | KSTAT_QUEUES);
	kstat_sample_free(&s);
	write_file(t.path, "stat", "cpu 1\n", strlen("cpu 1\n"));
	assert_int_equal(kstat_sample_load(&s, t.path), -EBADMSG);
	assert_int_equal(s.parts, 0);
	write_file(t.path, "stat", "cpu  1 2 3 4 5 6 7\n", strlen("cpu  1 2 3 4 5 6 7\n"));

	for (size_t i = 0; i < sizeof(bad_times) / sizeof(bad_times[0]); i++) {
		write_file(t.path, "time", bad_times[i], strlen(bad_times[i]));
		if (kstat_sample_load(&s, t.path) != -EBADMSG)
			fail_msg("time \"%s\" was not rejected", bad_times[i]);
		assert_null(s.softirqs.cpus);
	}

	/* Good time, bad text: the parse error comes through and nothing is left to free. */
	write_file(t.path, "time", "1 2\n", 4);
	write_file(t.path, "softnet_stat", "junk\n", 5);
	assert_int_equal(kstat_sample_load(&s, t.path), -EBADMSG);
	assert_null(s.softirqs.cpus);
	assert_null(s.softnet.cpus);
	tmpdir_remove(&t);
}

/* A record directory checked before the first sample; a failed save says it was the save. */
static void test_save_dir(void **state)
{
	struct kstat_take_error e;
	struct kstat_sample s;
	struct tmpdir t;
	char dir[128], file[128];

	(void)state;
	tmpdir_make(&t);
	snprintf(dir, sizeof(dir), "%s/new/sub", t.path);
	assert_int_equal(kstat_save_dir_prepare(dir), 0);
	assert_int_equal(kstat_save_dir_prepare(dir), 0);
	write_file(t.path, "file", "x", 1);
	snprintf(file, sizeof(file), "%s/file", t.path);
	assert_int_equal(kstat_save_dir_prepare(file), -ENOTDIR);
	snprintf(dir, sizeof(dir), "%s/file/sub", t.path);
	assert_int_equal(kstat_save_dir_prepare(dir), -ENOTDIR);

	/* The kernel was read, the save failed: e says so and names the directory. */
	assert_int_equal(kstat_sample_take(&s, NULL, KSTAT_CORE, dir, &e), -ENOTDIR);
	assert_true(e.saving);
	assert_string_equal(e.source, dir);
	assert_int_equal(s.parts, 0);
	assert_int_equal(kstat_sample_take(&s, NULL, KSTAT_CORE, NULL, &e), 0);
	kstat_sample_free(&s);
	tmpdir_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_load_handmade),
		cmocka_unit_test(test_save_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

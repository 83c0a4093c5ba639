/* SPDX-License-Identifier: GPL-2.0-or-later */
/* softirq_hold.c: keeps top's softirq time probe attached, alone, until SIGINT; then its counts. */
#include "config.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>

#include "bpf/softirq.h"

#define MAX_PROGS 64

static volatile sig_atomic_t stop;

static void on_int(int sig)
{
	(void)sig;
	stop = 1;
}

/* The ids of the loaded programs named softirq_*: ours are those that are new after the open. */
static size_t softirq_progs(__u32 *ids, size_t max)
{
	__u32 id = 0;
	size_t n = 0;

	while (n < max && !bpf_prog_get_next_id(id, &id)) {
		struct bpf_prog_info info = { 0 };
		__u32 len = sizeof(info);
		int fd = bpf_prog_get_fd_by_id(id);

		if (fd < 0)
			continue;
		if (!bpf_obj_get_info_by_fd(fd, &info, &len) && !strncmp(info.name, "softirq_", 8))
			ids[n++] = id;
		close(fd);
	}
	return n;
}

/* The run time and count the kernel kept for our programs (BPF_ENABLE_STATS on meanwhile). */
static void prog_stats(const __u32 *before, size_t nbefore, unsigned long long *ns,
		       unsigned long long *cnt)
{
	__u32 ids[MAX_PROGS];
	size_t n = softirq_progs(ids, MAX_PROGS);

	*ns = *cnt = 0;
	for (size_t i = 0; i < n; i++) {
		struct bpf_prog_info info = { 0 };
		__u32 len = sizeof(info);
		bool old = false;
		int fd;

		for (size_t k = 0; k < nbefore; k++)
			old |= before[k] == ids[i];
		fd = old ? -1 : bpf_prog_get_fd_by_id(ids[i]);
		if (fd < 0)
			continue;
		if (!bpf_obj_get_info_by_fd(fd, &info, &len)) {
			*ns += info.run_time_ns;
			*cnt += info.run_cnt;
		}
		close(fd);
	}
}

/*
 * usage: softirq_hold [stats] (as root).  Prints "attached" once the programs are in,
 * and at SIGINT "softirqs RUNS NET_RX_RUNS NET_RX_NS PROG_NS PROG_RUNS": every
 * vector's runs on every CPU and NET_RX's while it was attached and, with "stats",
 * the time the kernel measured inside the programs over their invocations
 * (BPF_ENABLE_STATS, held only while this runs; it slows every program, so the
 * runs that weigh the probe by the packet rate go without).  bench/softirq.sh
 * weighs the probe with it.
 */
int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_int };
	struct softirq_sample s = { .ncpus = 0 };
	struct loader_error e = { .n = 0 };
	unsigned long long runs = 0, rx_runs = 0, rx_ns = 0, prog_ns = 0, prog_runs = 0;
	bool stats = argc > 1 && !strcmp(argv[1], "stats");
	__u32 before[MAX_PROGS];
	size_t nbefore;
	struct softirq *p;
	char why[256];
	int err, stats_fd = -1;

	sigaction(SIGINT, &sa, NULL);
	loader_init();
	if (stats)
		stats_fd = bpf_enable_stats(BPF_STATS_RUN_TIME);
	nbefore = softirq_progs(before, MAX_PROGS);
	err = softirq_open(&p, &e);
	if (err) {
		loader_explain(&e, why, sizeof(why));
		fprintf(stderr, "softirq_hold: %s\n", e.n ? why : strerror(-err));
		return 1;
	}
	printf("attached with %s\n", loader_attach_name(softirq_attach_method(p)));
	fflush(stdout);
	while (!stop)
		pause();
	err = softirq_read(p, &s);
	for (size_t c = 0; !err && c < s.ncpus; c++) {
		for (unsigned v = 0; v < SOFTIRQ_NR; v++)
			runs += s.cpus[c].count[v];
		rx_runs += s.cpus[c].count[SOFTIRQ_NET_RX];
		rx_ns += s.cpus[c].time_ns[SOFTIRQ_NET_RX];
	}
	if (stats_fd >= 0)
		prog_stats(before, nbefore, &prog_ns, &prog_runs);
	if (stats_fd >= 0)
		close(stats_fd);
	printf("softirqs %llu %llu %llu %llu %llu\n", runs, rx_runs, rx_ns, prog_ns, prog_runs);
	softirq_sample_free(&s);
	softirq_close(p);
	return err ? 1 : 0;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_view_top.c: top's summary, header line, rings, queues and packet sockets, hand-made. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/packet_diag.h>

#include "golden.h"
#include "out/fmt.h"
#include "out/tui.h"
#include "cmd/top/view_kstat.h"
#include "cmd/top/view_packet_socks.h"
#include "cmd/top/view_top.h"

/* Two samples one second apart: every part, numbers that make the rates easy. */
struct pair {
	struct kstat_sample s[2];
	struct softnet_cpu sn[2][2];
	struct softirqs_cpu si[2][2];
	struct link_stat links[2][2];
	struct cpustat_cpu cpus[2][2];
	struct ring_info rings[2];
	struct queue_stat queues[2][2];
	struct packet_sock socks[2][2];
	struct softirq_sample times[2];	/* BPF: the softirqs panel's time per vector */
	struct softirq_cpu time_cpus[2][2];
};

static void fill(struct pair *p)
{
	memset(p, 0, sizeof(*p));
	for (int k = 0; k < 2; k++) {
		struct kstat_sample *s = &p->s[k];

		s->mono_ns = 5000000000ull + (uint64_t)k * 1000000000ull;
		s->real_ns = 1700000000000000000ull + (uint64_t)k * 1000000000ull;
		s->parts = KSTAT_ALL;
		for (unsigned c = 0; c < 2; c++) {
			p->sn[k][c] = (struct softnet_cpu){ .cpu = c, .processed = 1000 + k * 500,
				.dropped = 10 + (c == 1 ? k * 4 : 0), .time_squeeze = 3,
				.has_rps = true, .has_flow_limit = true, .has_backlog = true,
				.backlog_len = c == 0 ? (uint64_t)k : 0 };
			p->cpus[k][c] = (struct cpustat_cpu){ .cpu = c, .total = 10000 + k * 200,
							      .softirq = 50 + k * (c ? 20 : 2) };
		}
		for (unsigned c = 0; c < 2; c++)
			p->si[k][c] = (struct softirqs_cpu){ .cpu = c, .net_rx = 100 + k * 50 * c,
							     .net_tx = 7 };
		s->softirqs.cpus = p->si[k];
		s->softirqs.ncpus = 2;
		s->softnet.cpus = p->sn[k];
		s->softnet.ncpus = 2;
		s->cpustat.cpus = p->cpus[k];
		s->cpustat.ncpus = 2;
		s->cpustat.all = (struct cpustat_cpu){ .total = 20000 + k * 400,
						       .softirq = 100 + k * 22 };
		p->links[k][0] = (struct link_stat){ .ifindex = 1, .name = "lo", .flags = 0x49,
						     .operstate = 0, .has_stats = true };
		p->links[k][1] = (struct link_stat){ .ifindex = 2, .name = "eth0", .flags = 0x1043,
			.operstate = 6, .mtu = 1500, .has_stats = true,
			.rx_packets = 100 + k * 1000, .rx_bytes = 1000 + k * 125000,
			.rx_dropped = 1 + k * 2, .tx_dropped = 0, .rx_missed = 5 + k };
		s->links.links = p->links[k];
		s->links.nlinks = 2;
		memcpy(s->host.name, "vm", 3);
		s->host.has_name = true;
		s->host.uptime_ms = 273784500 + (uint64_t)k * 1000;
		s->host.has_uptime = true;
		s->host.load_centi[0] = 41;
		s->host.load_centi[1] = 38;
		s->host.load_centi[2] = 1230;
		s->host.has_load = true;
		p->rings[0] = (struct ring_info){ .ifindex = 2, .has_rings = true, .has_channels = true,
			.rx = 512, .rx_max = 4096, .tx = 512, .tx_max = 4096, .ch_combined = 4,
			.ch_combined_max = 8, .ch_other = 1, .ch_other_max = 1 };
		s->rings.ifs = p->rings;
		s->rings.n = 1;
		p->queues[k][0] = (struct queue_stat){ .ifindex = 2, .ifname = "eth0", .queue = 0,
			.has = 1u << QUEUE_PACKETS | 1u << QUEUE_BYTES | 1u << QUEUE_DROPS,
			.v = { 100 + k * 600, 1000 + k * 75000, 2 + k } };
		p->queues[k][1] = (struct queue_stat){ .ifindex = 2, .ifname = "eth0", .tx = true,
			.queue = 3, .has = 1u << QUEUE_ERRORS, .v = { [QUEUE_ERRORS] = 9 } };
		s->queues.qs = p->queues[k];
		s->queues.n = 2;
		p->socks[k][0] = (struct packet_sock){ .ino = 1000, .cookie = 7, .type = SOCK_RAW,
			.proto = ETH_P_ALL, .has_info = true, .ifindex = 2, .version = TPACKET_V3,
			.flags = PDI_RUNNING, .has_rx_ring = true,
			.rx_ring = { 1 << 20, 64, 2048, 32768, 10 }, .has_fanout = true,
			.fanout_id = 42, .fanout_mode = PACKET_FANOUT_HASH, .has_meminfo = true,
			.rcvbuf = 212992, .drops = (uint32_t)(k * 3), .filter_known = true,
			.filter_insns = 12, .has_uid = true, .pid = 2231, .comm = "sockeye" };
		p->socks[k][1] = (struct packet_sock){ .ino = 1001, .cookie = 8, .type = SOCK_DGRAM,
			.proto = ETH_P_ARP, .has_info = true, .ifindex = 0, .has_meminfo = true,
			.rmem_alloc = 768, .rcvbuf = 212992 };
		s->packet.socks = p->socks[k];
		s->packet.n = 2;
		s->packet.has_owners = true;
		/*
		 * CPU 0: 25 ms of NET_RX and 1 ms of NET_TX in the second.  CPU 1:
		 * 900 ms of NET_RX and 300 ms of TIMER, more than the second (a run
		 * straddled the reading): the shares are scaled to 75% and 25%.
		 */
		p->time_cpus[k][0].time_ns[SOFTIRQ_NET_RX] = 1000000 + (uint64_t)k * 25000000;
		p->time_cpus[k][0].time_ns[SOFTIRQ_NET_TX] = 500 + (uint64_t)k * 1000000;
		p->time_cpus[k][1].time_ns[SOFTIRQ_NET_RX] = (uint64_t)k * 900000000;
		p->time_cpus[k][1].time_ns[1] = (uint64_t)k * 300000000;
		p->times[k] = (struct softirq_sample){ .mono_ns = s->mono_ns,
						       .cpus = p->time_cpus[k], .ncpus = 2 };
	}
}

static void render(enum fmt_mode mode, const char *golden, const struct pair *p, int which)
{
	struct fmt_opts o = { .numeric = false };
	struct top_summary sum;
	struct capture c;
	struct fmt *f;

	capture_begin(&c);
	f = fmt_new(mode, c.f, &o);
	assert_non_null(f);
	fmt_doc_begin(f, "top");
	switch (which) {
	case 0:
		view_summary_compute(&sum, &p->s[0], &p->s[1], "blue", NULL, 2.5);
		view_summary_emit(f, &sum, 0);
		view_summary_compute(&sum, NULL, &p->s[0], NULL, NULL, -1);
		view_summary_emit(f, &sum, 0);
		break;
	case 1:
		view_softirqs_emit(f, &p->s[0], &p->s[1], &(struct view_softirqs_time){
			.prev = &p->times[0], .cur = &p->times[1] }, 0);
		view_interfaces_emit(f, &p->s[0], &p->s[1], 0);
		view_queues_emit(f, &p->s[0], &p->s[1], 0);
		break;
	default:
		view_packet_socks_emit(f, &p->s[0], &p->s[1], 0);
		break;
	}
	fmt_doc_end(f);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(&c);
	if (mode == FMT_JSON)
		golden_json_check(c.buf, c.len);
	golden_check(golden, c.buf, c.len);
	capture_free(&c);
}

static void test_summary(void **state)
{
	struct top_summary sum;
	struct pair p;
	char line[256];

	fill(&p);
	view_summary_compute(&sum, &p.s[0], &p.s[1], NULL, NULL, -1);
	/* softnet: 4 on CPU 1; interfaces: 2 rx_dropped and 1 missed on eth0, per second. */
	assert_true(sum.has_drops);
	assert_true(sum.softnet_dropped_per_s == 4);
	assert_true(sum.if_dropped_per_s == 2);
	assert_true(sum.if_missed_per_s == 1);
	assert_true(sum.drops_per_s == 7);
	assert_false(sum.has_bpf_drops);
	assert_true(sum.has_softirq);
	assert_true(sum.softirq_pct == 5.5);
	assert_string_equal(sum.softirq_source, "proc_stat");
	assert_int_equal(sum.uptime_s, 273785);
	assert_string_equal(view_summary_line(&sum, line, sizeof(line)),
			    "sockeye top  host vm  up 3d 4h  load 0.41 0.38 12.30  softirq 5.5%"
			    " (proc_stat)  drops 7/s");
	/*
	 * With BPF's time of every CPU the share is its: CPU 0 26 ms in the
	 * second, CPU 1 more than the second (100%), 51.3% on average.
	 */
	view_summary_compute(&sum, &p.s[0], &p.s[1], NULL,
			     &(struct softirq_times){ &p.times[0], &p.times[1] }, -1);
	assert_true(sum.has_softirq);
	assert_float_equal(sum.softirq_pct, 51.3, 1e-9);
	assert_string_equal(sum.softirq_source, "bpf");
	assert_non_null(strstr(view_summary_line(&sum, line, sizeof(line)),
			       "  softirq 51.3% (bpf)  "));
	/* One reading, or a CPU /proc/stat lists and BPF lacks: none yet, never a mix. */
	view_summary_compute(&sum, &p.s[0], &p.s[1], NULL,
			     &(struct softirq_times){ NULL, &p.times[1] }, -1);
	assert_false(sum.has_softirq);
	p.times[0].ncpus = 1;
	view_summary_compute(&sum, &p.s[0], &p.s[1], NULL,
			     &(struct softirq_times){ &p.times[0], &p.times[1] }, -1);
	assert_false(sum.has_softirq);
	p.times[0].ncpus = 2;
	/* With the BPF count: it and the missed packets, the rest would count twice. */
	view_summary_compute(&sum, &p.s[0], &p.s[1], "blue", NULL, 2.5);
	assert_true(sum.drops_per_s == 3.5);
	assert_string_equal(view_summary_line(&sum, line, 40),
			    "sockeye top  host vm  netns blue  up 3d");
	/* The first sample: no rates, no share; what is unknown is left out. */
	p.s[1].parts &= ~KSTAT_HOST;
	view_summary_compute(&sum, NULL, &p.s[1], NULL, NULL, 3);
	assert_false(sum.has_drops || sum.has_softirq || sum.has_bpf_drops);
	assert_string_equal(view_summary_line(&sum, line, sizeof(line)), "sockeye top");
	sum.has_uptime = true;
	sum.uptime_s = 3 * 3600 + 125;
	assert_string_equal(view_summary_line(&sum, line, sizeof(line)), "sockeye top  up 3h 2m");
	sum.uptime_s = 59;
	assert_string_equal(view_summary_line(&sum, line, sizeof(line)), "sockeye top  up 0m");
	/* The summary table shows it as a duration, JSON as seconds. */
	fill(&p);
	render(FMT_TEXT, "top_summary.txt", &p, 0);
	fill(&p);
	render(FMT_JSON, "top_summary.json", &p, 0);
}

/* Fills p and begins a top document in a new live-view formatter (raw numbers). */
static struct fmt *tui_doc(struct pair *p)
{
	struct fmt_opts o = { .numeric = true };
	struct fmt *f;

	fill(p);
	f = fmt_new(FMT_TUI, NULL, &o);
	assert_non_null(f);
	fmt_doc_begin(f, "top");
	return f;
}

/* Text's uptime: days, then hours, minutes and seconds in two digits each. */
static void test_uptime(void **state)
{
	char buf[32];

	assert_int_equal(view_summary_uptime(buf, sizeof(buf), 0), 8);
	assert_string_equal(buf, "00:00:00");
	view_summary_uptime(buf, sizeof(buf), 59);
	assert_string_equal(buf, "00:00:59");
	view_summary_uptime(buf, sizeof(buf), 4 * 3600 + 12 * 60 + 9);
	assert_string_equal(buf, "04:12:09");
	view_summary_uptime(buf, sizeof(buf), 86399);
	assert_string_equal(buf, "23:59:59");
	view_summary_uptime(buf, sizeof(buf), 86400);
	assert_string_equal(buf, "1d 00:00:00");
	view_summary_uptime(buf, sizeof(buf), 3 * 86400 + 4 * 3600 + 12 * 60 + 9);
	assert_string_equal(buf, "3d 04:12:09");
	view_summary_uptime(buf, sizeof(buf), 273785);
	assert_string_equal(buf, "3d 04:03:05");
	view_summary_uptime(buf, sizeof(buf), UINT64_MAX);
	assert_string_equal(buf, "213503982334601d 07:00:15");
	/* A short buffer holds what fits; the count says what was needed. */
	assert_int_equal(view_summary_uptime(buf, 6, 3 * 86400), 11);
	assert_string_equal(buf, "3d 00");
}

/* The softirqs panel's BPF time: shares of the interval, unset without two readings. */
static void test_softirq_time(void **state)
{
	struct view_softirqs_time t;
	const struct fmt_table *tb;
	const struct fmt_cell *row;
	struct fmt_view titled;
	struct tui_frame *fr;
	char title[128];
	struct pair p;
	struct fmt *f;

	f = tui_doc(&p);
	t = (struct view_softirqs_time){ .prev = &p.times[0], .cur = &p.times[1] };
	view_softirqs_emit(f, &p.s[0], &p.s[1], &t, 0);
	t.prev = NULL;
	view_softirqs_emit(f, &p.s[0], &p.s[1], &t, 0);
	view_softirqs_titled(&titled, title, sizeof(title), "no BPF here");
	view_softirqs_emit(f, &p.s[0], &p.s[1], &(struct view_softirqs_time){ .view = &titled },
			   0);
	fmt_doc_end(f);
	fr = fmt_tui_frame(f);
	assert_int_equal(fr->ntables, 3);
	tb = &fr->tables[0];
	assert_string_equal(tb->view->title, "softirqs (SOFTIRQ% from BPF)");
	/* Columns by key: the view's order is not the test's business. */
	for (size_t c = 0; c < tb->view->ncols; c++) {
		const char *key = tb->view->cols[c].key;
		const struct fmt_cell *r0 = &fmt_table_row(tb, 0)[c];
		const struct fmt_cell *r1 = &fmt_table_row(tb, 1)[c];

		if (!strcmp(key, "softirq_pct")) {
			/* Every vector's BPF time, not /proc/stat's 0.2% and 2%. */
			assert_true(r0->set && r0->d == 2.6);
			assert_true(r1->set && r1->d == 100);
		} else if (!strcmp(key, "softirq_source")) {
			assert_true(r0->set && !strcmp(r0->str, "bpf"));
			assert_true(r1->set && !strcmp(r1->str, "bpf"));
		} else if (!strcmp(key, "softirq_time_ns")) {
			assert_true(r0->set && r0->u == 26000000);
			assert_true(r1->set && r1->u == 1200000000);
		} else if (!strcmp(key, "net_rx_busy_pct")) {
			assert_true(r0->set && r0->d == 2.5);
			assert_true(r1->set && r1->d == 75);
		} else if (!strcmp(key, "net_tx_busy_pct")) {
			assert_true(r0->set && r0->d == 0.1);
			assert_true(r1->set && r1->d == 0);
		} else if (!strcmp(key, "net_rx_time_ns")) {
			assert_true(r0->set && r0->u == 25000000);
			assert_true(r1->set && r1->u == 900000000);
		} else if (!strcmp(key, "net_tx_time_ns")) {
			assert_true(r0->set && r0->u == 1000000);
		}
	}
	/*
	 * One reading, or none with a reason in the title: those cells unset.
	 * With one reading SOFTIRQ% waits for BPF's second; with none it is
	 * /proc/stat's.
	 */
	row = fmt_table_row(&fr->tables[1], 0);
	for (size_t c = 0; c < fr->tables[1].view->ncols; c++)
		if (!strncmp(fr->tables[1].view->cols[c].key, "softirq_", 8))
			assert_false(row[c].set);
	for (int i = 1; i < 3; i++) {
		tb = &fr->tables[i];
		row = fmt_table_row(tb, 0);
		for (size_t c = 0; c < tb->view->ncols; c++) {
			const char *key = tb->view->cols[c].key;

			if (strstr(key, "_busy_pct") || strstr(key, "_time_ns"))
				assert_false(row[c].set);
			if (i == 2 && !strcmp(key, "softirq_source"))
				assert_string_equal(row[c].str, "proc_stat");
		}
	}
	assert_string_equal(fr->tables[1].view->title, "softirqs (SOFTIRQ% from BPF)");
	assert_string_equal(fr->tables[2].view->title,
			    "softirqs (SOFTIRQ% from /proc/stat, no time per CPU: no BPF here)");
	assert_string_equal(fr->tables[2].view->name, "softirqs");
	fmt_free(f);
}

static void test_kstat_views(void **state)
{
	struct pair p;

	fill(&p);
	render(FMT_TEXT, "top_kstat.txt", &p, 1);
	render(FMT_JSON, "top_kstat.json", &p, 1);
	/* Without the optional parts the columns are unset, the queues panel empty. */
	for (int k = 0; k < 2; k++)
		p.s[k].parts = KSTAT_CORE;
	render(FMT_TEXT, "top_kstat_core.txt", &p, 1);
}

static void test_packet_socks(void **state)
{
	struct pair p;

	fill(&p);
	render(FMT_TEXT, "top_packet_socks.txt", &p, 2);
	render(FMT_JSON, "top_packet_socks.json", &p, 2);
	/* A new socket on a reused inode (another cookie) has no rate. */
	p.socks[0][0].cookie = 99;
	render(FMT_JSON, "top_packet_socks_reused.json", &p, 2);
}

/* Softnet's moved drop, squeeze and backlog counters and packet sockets' drops are marked. */
static void test_marks(void **state)
{
	const struct fmt_table *t;
	struct tui_frame *fr;
	struct pair p;
	struct fmt *f;

	f = tui_doc(&p);
	view_softnet_emit(f, &p.s[0], &p.s[1], 0);
	view_packet_socks_emit(f, &p.s[0], &p.s[1], 0);
	view_softnet_emit(f, NULL, &p.s[1], 0);
	fmt_doc_end(f);
	fr = fmt_tui_frame(f);
	assert_int_equal(fr->ntables, 3);
	t = &fr->tables[0];
	for (size_t r = 0; r < 2; r++) {
		const struct fmt_cell *row = fmt_table_row(t, r);

		for (size_t c = 0; c < t->view->ncols; c++) {
			const char *key = t->view->cols[c].key;
			/* CPU 0's backlog went 0 -> 1; CPU 1 dropped 4. */
			bool want = (r == 0 && !strcmp(key, "backlog_len")) ||
				    (r == 1 && !strncmp(key, "dropped", 7));

			if (row[c].mark != want)
				fail_msg("softnet row %zu %s: mark %d", r, key, row[c].mark);
		}
	}
	t = &fr->tables[1];
	for (size_t c = 0; c < t->view->ncols; c++) {
		const char *key = t->view->cols[c].key;

		assert_int_equal(fmt_table_row(t, 0)[c].mark, !strncmp(key, "sk_drops", 8));
		assert_false(fmt_table_row(t, 1)[c].mark);
	}
	/* No sample before: nothing moved. */
	t = &fr->tables[2];
	for (size_t r = 0; r < 2; r++)
		for (size_t c = 0; c < t->view->ncols; c++)
			assert_false(fmt_table_row(t, r)[c].mark);
	fmt_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_uptime),
		cmocka_unit_test(test_softirq_time),
		cmocka_unit_test(test_kstat_views),
		cmocka_unit_test(test_packet_socks),
		cmocka_unit_test(test_marks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

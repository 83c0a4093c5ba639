/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_top.c: the summary row of top and the live view's header line, from two kstat samples. */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd/top/view_top.h"

#define R FMT_RIGHT
#define L FMT_LEFT
#define D FMT_GROUP_DETAIL

enum {
	S_HOST, S_NETNS, S_UPTIME_TEXT, S_UPTIME, S_LOAD1, S_LOAD5, S_LOAD15, S_SOFTIRQ,
	S_SOFTIRQ_SOURCE, S_DROPS,
	S_SOFTNET_DROPS, S_IF_DROPS, S_IF_MISSED, S_BPF_DROPS,
};
static const struct fmt_col summary_cols[] = {
	[S_HOST] = { "host", "HOST", FMT_STR, L, 0, 0 },
	[S_NETNS] = { "netns", "NETNS", FMT_STR, L, 0, 0 },
	/* People read "3d 04:12:09"; JSON has the seconds (text shows them with detail). */
	[S_UPTIME_TEXT] = { "uptime", "UPTIME", FMT_STR, R, FMT_GROUP_TEXT, 0 },
	[S_UPTIME] = { "uptime_s", "UPTIME_S", FMT_U64, R, D, 0 },
	[S_LOAD1] = { "load1", "LOAD1", FMT_DOUBLE, R, 0, 0 },
	[S_LOAD5] = { "load5", "LOAD5", FMT_DOUBLE, R, 0, 0 },
	[S_LOAD15] = { "load15", "LOAD15", FMT_DOUBLE, R, 0, 0 },
	[S_SOFTIRQ] = { "softirq_pct", "SOFTIRQ%", FMT_PERCENT, R, 0, 0 },
	/* "bpf" or "proc_stat": the two disagree (ticks against timed runs), so say which. */
	[S_SOFTIRQ_SOURCE] = { "softirq_source", "SOFTIRQ_SRC", FMT_STR, L, 0, 0 },
	[S_DROPS] = { "drops_per_s", "DROPS/s", FMT_RATE, R, 0, 0 },
	[S_SOFTNET_DROPS] = { "softnet_dropped_per_s", "SOFTNET_DROP/s", FMT_RATE, R, D, 0 },
	[S_IF_DROPS] = { "if_dropped_per_s", "IF_DROP/s", FMT_RATE, R, D, 0 },
	[S_IF_MISSED] = { "if_missed_per_s", "IF_MISSED/s", FMT_RATE, R, D, 0 },
	[S_BPF_DROPS] = { "bpf_drops_per_s", "BPF_DROPS/s", FMT_RATE, R, D, 0 },
};
const struct fmt_view view_summary = {
	.name = "summary",
	.title = "summary",
	.cols = summary_cols,
	.ncols = sizeof(summary_cols) / sizeof(summary_cols[0]),
	.single = true,
};

/* Counter growth between two readings; false when it went backwards (a reset). */
static bool grew(uint64_t before, uint64_t now, double *sum)
{
	if (now < before)
		return false;
	*sum += (double)(now - before);
	return true;
}

/* The drops of every CPU and interface in both samples, per second. */
static void drop_rates(struct top_summary *sum, const struct kstat_sample *prev,
		       const struct kstat_sample *cur, double secs)
{
	double sn = 0, dropped = 0, missed = 0;

	for (unsigned i = 0; i < cur->softnet.ncpus; i++) {
		const struct softnet_cpu *c = &cur->softnet.cpus[i];

		for (unsigned k = 0; k < prev->softnet.ncpus; k++)
			if (prev->softnet.cpus[k].cpu == c->cpu)
				grew(prev->softnet.cpus[k].dropped, c->dropped, &sn);
	}
	for (unsigned i = 0; i < cur->links.nlinks; i++) {
		const struct link_stat *l = &cur->links.links[i];
		const struct link_stat *p = links_find(&prev->links, l->ifindex);

		if (!p || !p->has_stats || !l->has_stats || strcmp(p->name, l->name))
			continue;
		grew(p->rx_dropped, l->rx_dropped, &dropped);
		grew(p->tx_dropped, l->tx_dropped, &dropped);
		grew(p->rx_missed, l->rx_missed, &missed);
	}
	sum->softnet_dropped_per_s = sn / secs;
	sum->if_dropped_per_s = dropped / secs;
	sum->if_missed_per_s = missed / secs;
	sum->drops_per_s = sum->softnet_dropped_per_s + sum->if_dropped_per_s +
			   sum->if_missed_per_s;
	sum->has_drops = true;
}

void view_summary_compute(struct top_summary *sum, const struct kstat_sample *prev,
			  const struct kstat_sample *cur, const char *netns,
			  const struct softirq_times *softirq_bpf, double bpf_drops_per_s)
{
	enum softirq_source src;

	double secs = prev && cur->mono_ns > prev->mono_ns ?
			      (double)(cur->mono_ns - prev->mono_ns) / 1e9 : 0;

	memset(sum, 0, sizeof(*sum));
	sum->netns = netns;
	if ((cur->parts & KSTAT_HOST) && cur->host.has_name)
		sum->host = cur->host.name;
	if ((cur->parts & KSTAT_HOST) && cur->host.has_uptime) {
		sum->has_uptime = true;
		sum->uptime_s = cur->host.uptime_ms / 1000;
	}
	if ((cur->parts & KSTAT_HOST) && cur->host.has_load) {
		sum->has_load = true;
		for (int i = 0; i < 3; i++)
			sum->load[i] = cur->host.load_centi[i] / 100.0;
	}
	src = softirq_share_all(prev, cur, softirq_bpf, &sum->softirq_pct);
	sum->has_softirq = src != SOFTIRQ_SOURCE_NONE;
	sum->softirq_source = softirq_source_name(src);
	if (secs > 0)
		drop_rates(sum, prev, cur, secs);
	/*
	 * The backlog's and the interfaces' drops are skbs freed with a drop
	 * reason too: with the BPF count they would count twice.  Missed
	 * packets never became skbs, so they still add.
	 */
	if (sum->has_drops && bpf_drops_per_s >= 0) {
		sum->has_bpf_drops = true;
		sum->bpf_drops_per_s = bpf_drops_per_s;
		sum->drops_per_s = bpf_drops_per_s + sum->if_missed_per_s;
	}
}

size_t view_summary_uptime(char *buf, size_t len, uint64_t s)
{
	uint64_t d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60;
	int n;

	if (d)
		n = snprintf(buf, len, "%" PRIu64 "d %02" PRIu64 ":%02" PRIu64 ":%02" PRIu64, d, h, m,
			     s % 60);
	else
		n = snprintf(buf, len, "%02" PRIu64 ":%02" PRIu64 ":%02" PRIu64, h, m, s % 60);
	return n < 0 ? 0 : (size_t)n;
}

void view_summary_emit(struct fmt *f, const struct top_summary *sum, unsigned groups)
{
	fmt_table_begin(f, &view_summary, groups);
	fmt_row_begin(f);
	if (sum->host)
		fmt_str(f, S_HOST, sum->host);
	if (sum->netns)
		fmt_str(f, S_NETNS, sum->netns);
	if (sum->has_uptime) {
		if (fmt_is_shown(f, S_UPTIME_TEXT)) {
			char up[32];

			view_summary_uptime(up, sizeof(up), sum->uptime_s);
			fmt_str(f, S_UPTIME_TEXT, up);
		}
		fmt_u64(f, S_UPTIME, sum->uptime_s);
	}
	if (sum->has_load) {
		fmt_double(f, S_LOAD1, sum->load[0]);
		fmt_double(f, S_LOAD5, sum->load[1]);
		fmt_double(f, S_LOAD15, sum->load[2]);
	}
	if (sum->has_softirq) {
		fmt_double(f, S_SOFTIRQ, sum->softirq_pct);
		fmt_str(f, S_SOFTIRQ_SOURCE, sum->softirq_source);
	}
	if (sum->has_drops) {
		fmt_double(f, S_DROPS, sum->drops_per_s);
		fmt_double(f, S_SOFTNET_DROPS, sum->softnet_dropped_per_s);
		fmt_double(f, S_IF_DROPS, sum->if_dropped_per_s);
		fmt_double(f, S_IF_MISSED, sum->if_missed_per_s);
	}
	if (sum->has_bpf_drops)
		fmt_double(f, S_BPF_DROPS, sum->bpf_drops_per_s);
	fmt_row_end(f);
	fmt_table_end(f);
}

/* Appends to buf at *n, never past len. */
static void add(char *buf, size_t len, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void add(char *buf, size_t len, size_t *n, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (*n >= len)
		return;
	va_start(ap, fmt);
	k = vsnprintf(buf + *n, len - *n, fmt, ap);
	va_end(ap);
	if (k > 0)
		*n = *n + (size_t)k < len ? *n + (size_t)k : len - 1;
}

/* "3d 4h", "4h 12m", "12m": the two largest units. */
static void uptime_text(char *buf, size_t len, size_t *n, uint64_t s)
{
	uint64_t d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60;

	if (d)
		add(buf, len, n, "  up %" PRIu64 "d %" PRIu64 "h", d, h);
	else if (h)
		add(buf, len, n, "  up %" PRIu64 "h %" PRIu64 "m", h, m);
	else
		add(buf, len, n, "  up %" PRIu64 "m", m);
}

char *view_summary_line(const struct top_summary *sum, char *buf, size_t len)
{
	char rate[32];
	size_t n = 0;

	if (!len)
		return buf;
	buf[0] = '\0';
	add(buf, len, &n, "sockeye top");
	if (sum->host)
		add(buf, len, &n, "  host %s", sum->host);
	if (sum->netns)
		add(buf, len, &n, "  netns %s", sum->netns);
	if (sum->has_uptime)
		uptime_text(buf, len, &n, sum->uptime_s);
	if (sum->has_load)
		add(buf, len, &n, "  load %.2f %.2f %.2f", sum->load[0], sum->load[1], sum->load[2]);
	if (sum->has_softirq)
		add(buf, len, &n, "  softirq %.1f%% (%s)", sum->softirq_pct, sum->softirq_source);
	if (sum->has_drops) {
		fmt_cell_text(&summary_cols[S_DROPS], &(struct fmt_cell){ .set = true,
				.d = sum->drops_per_s }, false, rate, sizeof(rate));
		add(buf, len, &n, "  drops %s/s", rate);
	}
	return buf;
}

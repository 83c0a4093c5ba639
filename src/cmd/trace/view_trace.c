/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_trace.c: trace's packets, summary and totals, as text or NDJSON. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "attrib/attrib_table.h"
#include "bpf/drop_reasons.h"
#include "bpf/ksyms.h"
#include "cmd/trace/view_trace.h"
#include "decode/dissect.h"
#include "decode/print.h"

/* pcap's LINKTYPE_ETHERNET and LINKTYPE_RAW, which dissect_packet takes. */
#define LINKTYPE_ETHERNET 1
#define LINKTYPE_RAW 101

void view_trace_init(struct view_trace *v, FILE *out, bool json, bool pretty)
{
	memset(v, 0, sizeof(*v));
	v->out = out;
	v->json = json;
	if (json)
		json_writer_init(&v->w, out, pretty);
}

/* tcpdump's line for the first bytes, or "" without them. */
static void describe(const struct trace_pkt *p, char *buf, size_t len)
{
	static struct pkt_meta m;
	struct print_opts o = { .data = p->data };

	buf[0] = '\0';
	if (!p->caplen)
		return;
	if (dissect_packet(&m, p->l3 ? LINKTYPE_RAW : LINKTYPE_ETHERNET, p->data, p->caplen,
			   p->wirelen))
		return;
	print_packet(buf, len, &m, &o);
}

static void location_text(const struct view_trace *v, uint64_t addr, char *buf, size_t len)
{
	if (v->ksyms)
		ksyms_format(v->ksyms, addr, buf, len);
	else
		snprintf(buf, len, "0x%" PRIx64, addr);
}

static const struct trace_pkt_hop *last_hop(const struct trace_pkt *p)
{
	return p->n ? &p->hops[p->n - 1] : NULL;
}

void view_trace_fate_text(const struct view_trace *v, const struct trace_pkt *p, char *buf,
			  size_t len)
{
	const struct trace_pkt_hop *h = last_hop(p);
	char loc[128];

	switch (p->fate) {
	case TRACE_FATE_DELIVERED:
		snprintf(buf, len, "delivered to pid %u (%s)", p->reader->pid, p->reader->comm);
		break;
	case TRACE_FATE_DROPPED:
		drop_reasons_note(v->reasons, v->ksyms, h->reason, h->location, buf, len);
		break;
	case TRACE_FATE_SENT:
		snprintf(buf, len, "sent on %s", h->ifname[0] ? h->ifname :
			 p->n > 1 ? p->hops[p->n - 2].ifname : "?");
		break;
	case TRACE_FATE_CONSUMED:
		location_text(v, h->location, loc, sizeof(loc));
		snprintf(buf, len, "consumed at %s", loc);
		break;
	default:
		snprintf(buf, len, "unfinished (still followed, or freed where no tracepoint is)");
	}
}

static void text_time(const struct view_trace *v, uint64_t mono_ns, char *buf, size_t len)
{
	int64_t real = (int64_t)mono_ns + v->mono_to_real_ns;
	time_t secs = (time_t)(real / 1000000000);
	struct tm tm;

	localtime_r(&secs, &tm);
	snprintf(buf, len, "%02d:%02d:%02d.%09" PRId64, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 real % 1000000000);
}

static void text_packet(struct view_trace *v, const struct trace_pkt *p)
{
	char when[40], what[512], fate[256];
	uint64_t t0 = p->n ? p->hops[0].ts_ns : 0;

	text_time(v, t0, when, sizeof(when));
	describe(p, what, sizeof(what));
	fprintf(v->out, "%s packet %" PRIu64 " %s\n", when, (uint64_t)(p->id & 0xffffffffffffull),
		what[0] ? what : "");
	for (size_t i = 0; i < p->n; i++) {
		const struct trace_pkt_hop *h = &p->hops[i];
		double ms = (double)(h->ts_ns > t0 ? h->ts_ns - t0 : 0) / 1e6;

		fprintf(v->out, "  %+12.6fms cpu%-3u %-15s %s:%s", ms, h->cpu,
			h->ifname[0] ? h->ifname : "-", trace_hop_group(h->hop),
			trace_hop_name(h->hop));
		/* The task where it is the packet's: its sender (the first hop), its reader. */
		if (h->comm[0])
			fprintf(v->out, " pid %u (%s)", h->pid, h->comm);
		if (h->flags & TRACE_EV_CLONE)
			fprintf(v->out, " [clone]");
		fputc('\n', v->out);
	}
	if (p->more_hops)
		fprintf(v->out, "  (%" PRIu64 " more hops not kept)\n", p->more_hops);
	view_trace_fate_text(v, p, fate, sizeof(fate));
	fprintf(v->out, "  fate: %s\n", fate);
	if (!v->has_owners)
		return;
	fprintf(v->out, "  process:");
	for (unsigned i = 0; i < v->n_owners; i++) {
		const struct attrib_proc *o = v->owners[i];

		fprintf(v->out, "%s pid %u (%s) cgroup %s", i ? "," : "", o->pid, o->comm,
			o->cgroup ? o->cgroup : "?");
	}
	fprintf(v->out, "%s\n", v->n_owners ? "" : " none known (no local socket)");
}

static void json_key_str(struct json_writer *w, const char *k, const char *s)
{
	json_writer_key(w, k);
	json_writer_string(w, s);
}

static void json_key_u64(struct json_writer *w, const char *k, uint64_t n)
{
	json_writer_key(w, k);
	json_writer_u64(w, n);
}

static void json_key_str_or_null(struct json_writer *w, const char *k, const char *s)
{
	json_writer_key(w, k);
	if (s)
		json_writer_string(w, s);
	else
		json_writer_null(w);
}

/* "processes": the owners of the packet's sockets, in sniff's and drops' shape. */
static void json_owners(struct json_writer *w, struct attrib_proc *const *owners, unsigned n)
{
	json_writer_key(w, "processes");
	json_writer_array_begin(w);
	for (unsigned i = 0; i < n; i++) {
		json_writer_object_begin(w);
		json_key_u64(w, "pid", owners[i]->pid);
		json_key_str(w, "comm", owners[i]->comm);
		json_key_str_or_null(w, "cgroup", owners[i]->cgroup);
		json_key_str_or_null(w, "container_id", owners[i]->container);
		json_writer_object_end(w);
	}
	json_writer_array_end(w);
}

static void json_packet(struct view_trace *v, const struct trace_pkt *p)
{
	struct json_writer *w = &v->w;
	const struct trace_pkt_hop *h = last_hop(p);
	uint64_t t0 = p->n ? p->hops[0].ts_ns : 0;
	char buf[512];

	json_writer_object_begin(w);
	json_key_str(w, "type", "trace_packet");
	json_key_u64(w, "id", p->id);
	json_key_u64(w, "ts_ns", (uint64_t)((int64_t)t0 + v->mono_to_real_ns));
	json_key_u64(w, "len", p->wirelen);
	describe(p, buf, sizeof(buf));
	json_writer_key(w, "summary");
	if (buf[0])
		json_writer_string(w, buf);
	else
		json_writer_null(w);
	json_key_str(w, "fate", trace_fate_name(p->fate));
	json_writer_key(w, "reason");
	if (p->fate == TRACE_FATE_DROPPED) {
		drop_reasons_format(v->reasons, h->reason, buf, sizeof(buf));
		json_writer_string(w, buf);
	} else {
		json_writer_null(w);
	}
	json_writer_key(w, "location");
	if (p->fate == TRACE_FATE_DROPPED || p->fate == TRACE_FATE_CONSUMED) {
		location_text(v, h->location, buf, sizeof(buf));
		json_writer_string(w, buf);
	} else {
		json_writer_null(w);
	}
	json_writer_key(w, "task");
	if (p->reader) {
		json_writer_object_begin(w);
		json_key_u64(w, "pid", p->reader->pid);
		json_key_str(w, "comm", p->reader->comm);
		json_writer_object_end(w);
	} else {
		json_writer_null(w);
	}
	if (v->has_owners)
		json_owners(w, v->owners, v->n_owners);
	json_key_u64(w, "more_hops", p->more_hops);
	json_writer_key(w, "hops");
	json_writer_array_begin(w);
	for (size_t i = 0; i < p->n; i++) {
		const struct trace_pkt_hop *x = &p->hops[i];

		json_writer_object_begin(w);
		json_key_str(w, "hop", trace_hop_name(x->hop));
		json_key_str(w, "group", trace_hop_group(x->hop));
		json_writer_key(w, "iface");
		if (x->ifname[0])
			json_writer_string(w, x->ifname);
		else
			json_writer_null(w);
		json_key_u64(w, "ifindex", x->ifindex);
		json_key_u64(w, "cpu", x->cpu);
		json_key_u64(w, "t_ns", x->ts_ns > t0 ? x->ts_ns - t0 : 0);
		json_key_u64(w, "skb_len", x->len);
		json_key_u64(w, "pid", x->pid);
		json_key_str(w, "comm", x->comm);
		json_writer_key(w, "clone");
		json_writer_bool(w, x->flags & TRACE_EV_CLONE);
		json_writer_object_end(w);
	}
	json_writer_array_end(w);
	json_writer_object_end(w);
	json_writer_newline(w);
}

void view_trace_packet(struct view_trace *v, const struct trace_pkt *p)
{
	if (v->json)
		json_packet(v, p);
	else
		text_packet(v, p);
}

/* A bucket's bounds as bcc prints them, in ns, us or ms. */
static void bucket_label(unsigned b, char *buf, size_t len)
{
	uint64_t lo = b ? 1ull << b : 0, hi = (1ull << (b + 1)) - 1;
	const char *unit = "ns";
	uint64_t div = 1;

	if (lo >= 10000000) {
		unit = "ms";
		div = 1000000;
	} else if (lo >= 10000) {
		unit = "us";
		div = 1000;
	}
	snprintf(buf, len, "%" PRIu64 " -> %" PRIu64 " %s", lo / div, hi / div, unit);
}

static void text_pair(struct view_trace *v, enum trace_hop a, enum trace_hop b,
		      const struct trace_pair *x)
{
	uint64_t top = 0;
	unsigned lo = TRACE_SUMMARY_BUCKETS, hi = 0;

	for (unsigned i = 0; i < TRACE_SUMMARY_BUCKETS; i++) {
		if (!x->buckets[i])
			continue;
		if (x->buckets[i] > top)
			top = x->buckets[i];
		if (i < lo)
			lo = i;
		hi = i;
	}
	fprintf(v->out, "%s -> %s: %" PRIu64 " packets, min %.3fus avg %.3fus max %.3fus\n",
		trace_hop_name(a), trace_hop_name(b), x->count, (double)x->min_ns / 1e3,
		(double)x->sum_ns / (double)x->count / 1e3, (double)x->max_ns / 1e3);
	for (unsigned i = lo; i <= hi && lo < TRACE_SUMMARY_BUCKETS; i++) {
		char label[64], bar[41];
		unsigned w = (unsigned)(x->buckets[i] * 40 / top);

		bucket_label(i, label, sizeof(label));
		memset(bar, '*', w);
		bar[w] = '\0';
		fprintf(v->out, "  %28s : %-10" PRIu64 " |%-40s|\n", label, x->buckets[i], bar);
	}
}

static void json_pair(struct view_trace *v, enum trace_hop a, enum trace_hop b,
		      const struct trace_pair *x)
{
	struct json_writer *w = &v->w;

	json_writer_object_begin(w);
	json_key_str(w, "from", trace_hop_name(a));
	json_key_str(w, "to", trace_hop_name(b));
	json_key_u64(w, "count", x->count);
	json_key_u64(w, "min_ns", x->min_ns);
	json_key_u64(w, "max_ns", x->max_ns);
	json_key_u64(w, "sum_ns", x->sum_ns);
	json_writer_key(w, "buckets");
	json_writer_array_begin(w);
	for (unsigned i = 0; i < TRACE_SUMMARY_BUCKETS; i++) {
		if (!x->buckets[i])
			continue;
		json_writer_object_begin(w);
		json_key_u64(w, "ge_ns", i ? 1ull << i : 0);
		json_key_u64(w, "lt_ns", 1ull << (i + 1));
		json_key_u64(w, "count", x->buckets[i]);
		json_writer_object_end(w);
	}
	json_writer_array_end(w);
	json_writer_object_end(w);
}

void view_trace_summary(struct view_trace *v, const struct trace_summary *s)
{
	if (v->json) {
		json_writer_object_begin(&v->w);
		json_key_str(&v->w, "type", "trace_summary");
		json_key_u64(&v->w, "packets", s->packets);
		json_writer_key(&v->w, "fates");
		json_writer_object_begin(&v->w);
		for (int f = 0; f <= TRACE_FATE_DROPPED; f++)
			json_key_u64(&v->w, trace_fate_name((enum trace_fate)f), s->fates[f]);
		json_writer_object_end(&v->w);
		json_writer_key(&v->w, "pairs");
		json_writer_array_begin(&v->w);
	} else {
		fprintf(v->out, "%" PRIu64 " packets:", s->packets);
		for (int f = 0; f <= TRACE_FATE_DROPPED; f++)
			fprintf(v->out, " %" PRIu64 " %s", s->fates[f],
				trace_fate_name((enum trace_fate)f));
		fputc('\n', v->out);
	}
	for (int a = 0; a < TRACE_HOP_NR; a++) {
		for (int b = 0; b < TRACE_HOP_NR; b++) {
			const struct trace_pair *x = &s->pair[a][b];

			if (!x->count)
				continue;
			if (v->json)
				json_pair(v, (enum trace_hop)a, (enum trace_hop)b, x);
			else
				text_pair(v, (enum trace_hop)a, (enum trace_hop)b, x);
		}
	}
	if (v->json) {
		json_writer_array_end(&v->w);
		json_writer_object_end(&v->w);
		json_writer_newline(&v->w);
	}
}

void view_trace_totals(struct view_trace *v, const struct view_trace_totals *t)
{
	static const struct {
		const char *key;
		size_t off;
	} fields[] = {
		{ "packets", offsetof(struct view_trace_totals, packets) },
		{ "unfinished", offsetof(struct view_trace_totals, unfinished) },
		{ "filtered_out", offsetof(struct view_trace_totals, filtered_out) },
		{ "clones", offsetof(struct view_trace_totals, clones) },
		{ "stale", offsetof(struct view_trace_totals, stale) },
		{ "lost_events", offsetof(struct view_trace_totals, lost_events) },
		{ "evicted", offsetof(struct view_trace_totals, evicted) },
		{ "orphan_events", offsetof(struct view_trace_totals, orphan_events) },
		{ "live", offsetof(struct view_trace_totals, live) },
		{ "unselected", offsetof(struct view_trace_totals, unselected) },
	};

	if (v->json) {
		json_writer_object_begin(&v->w);
		json_key_str(&v->w, "type", "trace_stats");
	} else {
		fprintf(v->out, "#");
	}
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		uint64_t n = *(const uint64_t *)((const char *)t + fields[i].off);

		if (v->json)
			json_key_u64(&v->w, fields[i].key, n);
		else
			fprintf(v->out, " %s %" PRIu64, fields[i].key, n);
	}
	if (v->json) {
		json_writer_object_end(&v->w);
		json_writer_newline(&v->w);
	} else {
		fputc('\n', v->out);
	}
}

int view_trace_flush(struct view_trace *v)
{
	if (v->json && json_writer_err(&v->w))
		return json_writer_err(&v->w);
	return fflush(v->out) ? -errno : 0;
}

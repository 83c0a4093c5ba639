/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_drops.c: column schemas for drops (summary, events, stacks, totals) and their rows. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "bpf/drops_filter.h"
#include "cmd/drops/process.h"
#include "cmd/drops/view_drops.h"
#include "decode/view_packet.h"

#define R FMT_RIGHT
#define L FMT_LEFT
#define D FMT_GROUP_DETAIL
/* With -e in text; JSON has the task as one object, "task": {pid, comm}. */
#define D_TEXT (FMT_GROUP_DETAIL | FMT_GROUP_TEXT)
/* With --process in text; JSON has the owners as "processes": [{pid, comm, cgroup, ...}]. */
#define P_TEXT (FMT_GROUP_TEXT | DROPS_GRP_PROCESS)

enum {
	DR_COUNT, DR_RATE, DR_REASON, DR_LOCATION, DR_IFACE, DR_PROTO,
	DR_REASON_CODE, DR_LOCATION_ADDR, DR_IFINDEX, DR_NETNS, DR_ETHERTYPE, DR_IP_PROTO,
};
static const struct fmt_col drops_cols[] = {
	[DR_COUNT] = { "count", "COUNT", FMT_U64, R, 0, 0 },
	[DR_RATE] = { "drops_per_s", "DROPS/s", FMT_RATE, R, 0, 0 },
	[DR_REASON] = { "reason", "REASON", FMT_STR, L, 0, 0 },
	[DR_LOCATION] = { "location", "LOCATION", FMT_STR, L, 0, 0 },
	[DR_IFACE] = { "iface", "IFACE", FMT_STR, L, 0, 0 },
	[DR_PROTO] = { "proto", "PROTO", FMT_STR, L, 0, 0 },
	[DR_REASON_CODE] = { "reason_code", "CODE", FMT_U64, R, D, 0 },
	[DR_LOCATION_ADDR] = { "location_addr", "ADDRESS", FMT_STR, L, D, 0 },
	[DR_IFINDEX] = { "ifindex", "IDX", FMT_U64, R, D, 0 },
	[DR_NETNS] = { "netns_ino", "NETNS", FMT_U64, R, D, 0 },
	[DR_ETHERTYPE] = { "ethertype", "ETHERTYPE", FMT_U64, R, D, 0 },
	[DR_IP_PROTO] = { "ip_proto", "IPPROTO", FMT_U64, R, D, 0 },
};
const struct fmt_view view_drops = {
	.name = "drops",
	.title = "drops",
	.cols = drops_cols,
	.ncols = sizeof(drops_cols) / sizeof(drops_cols[0]),
};

enum {
	EV_TIME, EV_CPU, EV_REASON, EV_LOCATION, EV_IFACE, EV_PROTO, EV_SRC, EV_DST,
	EV_REASON_CODE, EV_LOCATION_ADDR, EV_IFINDEX, EV_NETNS, EV_LEN, EV_ICMP_TYPE, EV_ICMP_CODE,
	EV_SK_INO, EV_SK_COOKIE, EV_PID, EV_COMM, EV_PROCESS,
};
static const struct fmt_col events_cols[] = {
	[EV_TIME] = { "ts_ns", "TIME", FMT_TIMESTAMP, L, 0, 27 },
	[EV_CPU] = { "cpu", "CPU", FMT_U64, R, 0, 3 },
	[EV_REASON] = { "reason", "REASON", FMT_STR, L, 0, 16 },
	[EV_LOCATION] = { "location", "LOCATION", FMT_STR, L, 0, 30 },
	[EV_IFACE] = { "iface", "IFACE", FMT_STR, L, 0, 10 },
	[EV_PROTO] = { "proto", "PROTO", FMT_STR, L, 0, 6 },
	[EV_SRC] = { "src", "SOURCE", FMT_IPPORT, L, 0, 21 },
	[EV_DST] = { "dst", "DESTINATION", FMT_IPPORT, L, 0, 21 },
	[EV_REASON_CODE] = { "reason_code", "CODE", FMT_U64, R, D, 4 },
	[EV_LOCATION_ADDR] = { "location_addr", "ADDRESS", FMT_STR, L, D, 18 },
	[EV_IFINDEX] = { "ifindex", "IDX", FMT_U64, R, D, 4 },
	[EV_NETNS] = { "netns_ino", "NETNS", FMT_U64, R, D, 10 },
	[EV_LEN] = { "len", "LEN", FMT_U64, R, D, 5 },
	[EV_ICMP_TYPE] = { "icmp_type", "ITYPE", FMT_U64, R, D, 5 },
	[EV_ICMP_CODE] = { "icmp_code", "ICODE", FMT_U64, R, D, 5 },
	[EV_SK_INO] = { "sk_ino", "SOCK_INO", FMT_U64, R, D, 8 },
	[EV_SK_COOKIE] = { "sk_cookie", "SOCK_COOKIE", FMT_U64, R, D, 11 },
	[EV_PID] = { "pid", "PID", FMT_U64, R, D_TEXT, 7 },
	[EV_COMM] = { "comm", "COMM", FMT_STR, L, D_TEXT, 15 },
	[EV_PROCESS] = { "process", "PROCESS", FMT_STR, L, P_TEXT, 20 },
};
const struct fmt_view view_drop_events = {
	.name = "drop_events",
	.title = "drop events",
	.record_type = "drop",
	.cols = events_cols,
	.ncols = sizeof(events_cols) / sizeof(events_cols[0]),
	.streaming = true,
};

enum { ST_COUNT, ST_REASON, ST_LOCATION, ST_STACK };
static const struct fmt_col stacks_cols[] = {
	[ST_COUNT] = { "count", "COUNT", FMT_U64, R, 0, 0 },
	[ST_REASON] = { "reason", "REASON", FMT_STR, L, 0, 0 },
	[ST_LOCATION] = { "location", "LOCATION", FMT_STR, L, 0, 0 },
	[ST_STACK] = { "stack", "STACK", FMT_STR, L, 0, 0 },
};
const struct fmt_view view_drop_stacks = {
	.name = "stacks",
	.title = "kernel stacks of the top drops, outermost frame first",
	.cols = stacks_cols,
	.ncols = sizeof(stacks_cols) / sizeof(stacks_cols[0]),
};

enum { TO_DROPS, TO_EVENTS, TO_LOST, TO_UNKEYED };
static const struct fmt_col totals_cols[] = {
	[TO_DROPS] = { "drops", "DROPS", FMT_U64, R, 0, 0 },
	[TO_EVENTS] = { "events", "EVENTS", FMT_U64, R, 0, 0 },
	[TO_LOST] = { "lost_events", "LOST_EVENTS", FMT_U64, R, 0, 0 },
	[TO_UNKEYED] = { "unkeyed_drops", "UNKEYED", FMT_U64, R, 0, 0 },
};
const struct fmt_view view_drop_totals = {
	.name = "totals",
	.title = "totals",
	.cols = totals_cols,
	.ncols = sizeof(totals_cols) / sizeof(totals_cols[0]),
	.single = true,
};

static void emit_location(struct fmt *f, const struct view_drops_names *nm, size_t col,
			  size_t addr_col, uint64_t addr)
{
	char buf[256];

	ksyms_format(nm->ksyms, addr, buf, sizeof(buf));
	fmt_str(f, col, buf);
	snprintf(buf, sizeof(buf), "0x%" PRIx64, addr);
	fmt_str(f, addr_col, buf);
}

static void emit_reason(struct fmt *f, const struct view_drops_names *nm, size_t col,
			size_t code_col, uint32_t reason)
{
	char buf[64];

	drop_reasons_format(nm->reasons, reason, buf, sizeof(buf));
	fmt_str(f, col, buf);
	if (reason != DROPS_REASON_NONE)
		fmt_u64(f, code_col, reason);
}

/* The interface name the kernel gave, else the index (the device is gone, or in the key only). */
static void emit_iface(struct fmt *f, size_t col, const char *ifname, uint32_t ifindex)
{
	char buf[32];

	if (ifname[0]) {
		fmt_str(f, col, ifname);
	} else if (ifindex) {
		snprintf(buf, sizeof(buf), "if%" PRIu32, ifindex);
		fmt_str(f, col, buf);
	}
}

static void emit_proto(struct fmt *f, size_t col, uint16_t ethertype, uint8_t ip_proto)
{
	char buf[32];

	if (!ethertype)
		return;
	drops_filter_proto_name(ethertype, ip_proto, buf, sizeof(buf));
	fmt_str(f, col, buf);
}

void view_drops_emit(struct fmt *f, const struct view_drops_names *nm,
		     const struct drops_entry *rows, size_t n, double secs, unsigned groups)
{
	fmt_table_begin(f, &view_drops, groups);
	for (size_t i = 0; i < n; i++) {
		const struct drops_entry *r = &rows[i];

		fmt_row_begin(f);
		fmt_u64(f, DR_COUNT, r->count);
		if (secs > 0)
			fmt_double(f, DR_RATE, (double)r->count / secs);
		emit_reason(f, nm, DR_REASON, DR_REASON_CODE, r->key.reason);
		emit_location(f, nm, DR_LOCATION, DR_LOCATION_ADDR, r->key.location);
		emit_iface(f, DR_IFACE, r->ifname, r->key.ifindex);
		emit_proto(f, DR_PROTO, r->key.ethertype, r->key.ip_proto);
		if (r->key.ifindex)
			fmt_u64(f, DR_IFINDEX, r->key.ifindex);
		if (r->key.netns_ino)
			fmt_u64(f, DR_NETNS, r->key.netns_ino);
		if (r->key.ethertype)
			fmt_u64(f, DR_ETHERTYPE, r->key.ethertype);
		if (r->key.ethertype == 0x0800 || r->key.ethertype == 0x86dd)
			fmt_u64(f, DR_IP_PROTO, r->key.ip_proto);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

void view_drop_events_begin(struct fmt *f, unsigned groups)
{
	fmt_table_begin(f, &view_drop_events, groups);
}

/*
 * "task": the task on the CPU when the kernel dropped the packet (often not
 * the packet's owner: a softirq runs on whatever task it interrupted), so
 * not the "processes" of a socket.
 */
struct event_details {
	const struct drops_event *ev;
	bool has_owners;
	struct attrib_proc *const *owners;
	unsigned n_owners;
};

static void task_details(struct fmt_details *d, const void *arg)
{
	const struct event_details *x = arg;
	const struct drops_event *ev = x->ev;
	struct view_packet_proc procs[ATTRIB_MAX_OWNERS];
	char comm[DROPS_COMMSIZ + 1];

	memcpy(comm, ev->comm, DROPS_COMMSIZ);
	comm[DROPS_COMMSIZ] = '\0';
	fmt_details_object_begin(d, "task");
	fmt_details_u64(d, "pid", ev->pid);
	fmt_details_str(d, "comm", comm);
	fmt_details_object_end(d);
	if (!x->has_owners)
		return;
	/* The socket's owners, in sniff's shape: not the task the CPU happened to run. */
	for (unsigned i = 0; i < x->n_owners && i < ATTRIB_MAX_OWNERS; i++)
		procs[i] = (struct view_packet_proc){
			.pid = x->owners[i]->pid, .comm = x->owners[i]->comm,
			.cgroup = x->owners[i]->cgroup, .container_id = x->owners[i]->container,
		};
	view_packet_procs_details(d, procs, x->n_owners);
}

void view_drop_event_emit(struct fmt *f, const struct view_drops_names *nm,
			  const struct drops_event *ev, bool has_owners,
			  struct attrib_proc *const *owners, unsigned n_owners)
{
	struct event_details x = { ev, has_owners, owners, n_owners };
	int af = (ev->flags & DROPS_EV_IPV6) ? AF_INET6 : AF_INET;
	bool ports = ev->flags & DROPS_EV_PORTS;
	char comm[DROPS_COMMSIZ + 1];

	fmt_row_begin(f);
	fmt_u64(f, EV_TIME, (uint64_t)((int64_t)ev->ts_ns + nm->mono_to_real_ns));
	fmt_u64(f, EV_CPU, ev->cpu);
	emit_reason(f, nm, EV_REASON, EV_REASON_CODE, ev->reason);
	emit_location(f, nm, EV_LOCATION, EV_LOCATION_ADDR, ev->location);
	emit_iface(f, EV_IFACE, ev->ifname, ev->ifindex);
	emit_proto(f, EV_PROTO, ev->ethertype, ev->ip_proto);
	if (ev->flags & DROPS_EV_ADDRS) {
		fmt_ip(f, EV_SRC, af, ev->saddr, ports ? ev->sport : -1);
		fmt_ip(f, EV_DST, af, ev->daddr, ports ? ev->dport : -1);
	}
	if (ev->ifindex)
		fmt_u64(f, EV_IFINDEX, ev->ifindex);
	if (ev->netns_ino)
		fmt_u64(f, EV_NETNS, ev->netns_ino);
	fmt_u64(f, EV_LEN, ev->len);
	if (ev->flags & DROPS_EV_ICMP) {
		fmt_u64(f, EV_ICMP_TYPE, ev->icmp_type);
		fmt_u64(f, EV_ICMP_CODE, ev->icmp_code);
	}
	if (ev->flags & DROPS_EV_SOCK) {
		if (ev->sk_ino)
			fmt_u64(f, EV_SK_INO, ev->sk_ino);
		if (ev->sk_cookie)
			fmt_u64(f, EV_SK_COOKIE, ev->sk_cookie);
	}
	fmt_u64(f, EV_PID, ev->pid);
	memcpy(comm, ev->comm, DROPS_COMMSIZ);
	comm[DROPS_COMMSIZ] = '\0';
	fmt_str(f, EV_COMM, comm);
	if (has_owners && fmt_is_shown(f, EV_PROCESS)) {
		char who[ATTRIB_COMM_LEN + 12];

		if (n_owners)
			snprintf(who, sizeof(who), "%s/%u", owners[0]->comm, owners[0]->pid);
		fmt_str(f, EV_PROCESS, n_owners ? who : "-");
	}
	fmt_row_end_details(f, task_details, &x);
}

void view_drop_events_end(struct fmt *f)
{
	fmt_table_end(f);
}

void view_drop_stacks_emit(struct fmt *f, const struct view_drops_names *nm,
			   const struct view_drop_stack *stacks, size_t n, unsigned groups)
{
	char stack[4096], frame[256], buf[256];

	fmt_table_begin(f, &view_drop_stacks, groups);
	for (size_t i = 0; i < n; i++) {
		const struct view_drop_stack *s = &stacks[i];
		size_t used = 0;

		/* Folded: outermost first, joined by ';', as flame graph tools read them. */
		stack[0] = '\0';
		for (size_t j = s->nips; j-- > 0 && used < sizeof(stack);) {
			int w;

			ksyms_format(nm->ksyms, s->ips[j], frame, sizeof(frame));
			w = snprintf(stack + used, sizeof(stack) - used, "%s%s",
				     used ? ";" : "", frame);
			used += w > 0 ? (size_t)w : 0;
		}
		fmt_row_begin(f);
		fmt_u64(f, ST_COUNT, s->row->count);
		drop_reasons_format(nm->reasons, s->row->key.reason, buf, sizeof(buf));
		fmt_str(f, ST_REASON, buf);
		ksyms_format(nm->ksyms, s->row->key.location, buf, sizeof(buf));
		fmt_str(f, ST_LOCATION, buf);
		if (s->nips)
			fmt_str(f, ST_STACK, stack);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

void view_drop_totals_emit(struct fmt *f, const uint64_t stats[DROPS_STAT_NR], uint64_t events,
			   unsigned groups)
{
	fmt_table_begin(f, &view_drop_totals, groups);
	fmt_row_begin(f);
	fmt_u64(f, TO_DROPS, stats[DROPS_STAT_SEEN]);
	fmt_u64(f, TO_EVENTS, events);
	fmt_u64(f, TO_LOST, stats[DROPS_STAT_LOST]);
	fmt_u64(f, TO_UNKEYED, stats[DROPS_STAT_UNKEYED]);
	fmt_row_end(f);
	fmt_table_end(f);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_view_drops.c: golden text and JSON of the drops views from hand-made rows and events. */
#include "config.h"

#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "golden.h"
#include "cmd/drops/view_drops.h"

static const char kallsyms[] =
	"ffffffff82043650 T __udp4_lib_rcv\n"
	"ffffffff81f00000 T ip_rcv_core\n"
	"ffffffff81f10000 T ip_rcv\n"
	"ffffffff81e00000 T __netif_receive_skb_one_core\n"
	"ffffffffc0a01000 t nft_do_chain\t[nf_tables]\n";

struct names {
	struct drop_reasons reasons;
	struct ksyms *ksyms;
	struct view_drops_names nm;
};

static void names_init(struct names *n)
{
	memset(n, 0, sizeof(*n));
	assert_int_equal(drop_reasons_add(&n->reasons, 3, "SKB_DROP_REASON_NO_SOCKET"), 0);
	assert_int_equal(drop_reasons_add(&n->reasons, 12, "SKB_DROP_REASON_NETFILTER_DROP"), 0);
	assert_int_equal(drop_reasons_add(&n->reasons, 13, "SKB_DROP_REASON_OTHERHOST"), 0);
	drop_reasons_sort(&n->reasons);
	assert_int_equal(ksyms_parse(kallsyms, strlen(kallsyms), &n->ksyms), 0);
	n->nm.reasons = &n->reasons;
	n->nm.ksyms = n->ksyms;
	n->nm.mono_to_real_ns = 1795000000000000000ll;
}

static void names_free(struct names *n)
{
	drop_reasons_free(&n->reasons);
	ksyms_free(n->ksyms);
}

/* Summary rows as drops_sample_diff gives them: a named reason, an unknown one, no device. */
static const struct drops_entry rows[] = {
	{ .key = { .location = 0xffffffff82043b0c, .reason = 3, .ifindex = 2,
		   .netns_ino = 4026532177, .ethertype = 0x0800, .ip_proto = 17 },
	  .count = 1500, .ifname = "vb" },
	{ .key = { .location = 0xffffffffc0a013e8, .reason = 12, .ifindex = 2,
		   .netns_ino = 4026532177, .ethertype = 0x86dd, .ip_proto = 6 }, .count = 20,
	  .ifname = "vb" },
	{ .key = { .location = 0xffffffff90000000, .reason = 99, .ifindex = 7, .netns_ino = 1,
		   .ethertype = 0x0806 }, .count = 1 },
	{ .key = { .location = 0xffffffff81f0022c, .reason = DROPS_REASON_NONE } , .count = 1 },
};

static void render_summary(enum fmt_mode mode, unsigned groups, const char *golden)
{
	struct capture c;
	struct names n;
	struct fmt *f;

	names_init(&n);
	capture_begin(&c);
	f = fmt_new(mode, c.f, NULL);
	assert_non_null(f);
	fmt_doc_begin(f, "drops");
	fmt_doc_u64(f, "ts_ns", 1795000001000000000ull);
	fmt_doc_u64(f, "interval_ns", 2000000000);
	view_drops_emit(f, &n.nm, rows, 4, 2.0, groups);
	fmt_doc_end(f);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(&c);
	if (mode == FMT_JSON)
		golden_json_check(c.buf, c.len);
	golden_check(golden, c.buf, c.len);
	capture_free(&c);
	names_free(&n);
}

static void test_summary(void **state)
{
	render_summary(FMT_TEXT, 0, "drops_summary.txt");
	render_summary(FMT_TEXT, FMT_GROUP_DETAIL, "drops_summary_detail.txt");
	render_summary(FMT_JSON, 0, "drops_summary.json");
}

static struct drops_event event(void)
{
	struct drops_event ev = {
		.ts_ns = 1000123456, .location = 0xffffffff82043b0c, .reason = 3, .ifindex = 2,
		.netns_ino = 4026532177, .pid = 4242, .len = 42, .cpu = 1, .ethertype = 0x0800,
		.ip_proto = 17, .flags = DROPS_EV_ADDRS | DROPS_EV_PORTS, .sport = 40000,
		.dport = 9, .ifname = "vb", .comm = "python3",
	};

	inet_pton(AF_INET, "10.97.0.1", ev.saddr);
	inet_pton(AF_INET, "10.97.0.2", ev.daddr);
	return ev;
}

static void render_events(enum fmt_mode mode, unsigned groups, const char *golden)
{
	struct drops_event ev = event(), v6 = event(), icmp = event(), bare = event();
	uint64_t stats[DROPS_STAT_NR] = { 5, 1, 0 };
	struct capture c;
	struct names n;
	struct fmt *f;

	/* IPv6 with a socket; ICMP with type and code; an ARP frame with no addresses. */
	v6.flags = DROPS_EV_ADDRS | DROPS_EV_PORTS | DROPS_EV_IPV6 | DROPS_EV_SOCK;
	v6.ethertype = 0x86dd;
	v6.ip_proto = 6;
	inet_pton(AF_INET6, "fd00::1", v6.saddr);
	inet_pton(AF_INET6, "fd00::2", v6.daddr);
	v6.sk_ino = 123456;
	v6.sk_cookie = 4097;
	v6.reason = 12;
	v6.location = 0xffffffffc0a013e8;
	icmp.flags = DROPS_EV_ADDRS | DROPS_EV_ICMP;
	icmp.ip_proto = 1;
	icmp.icmp_type = 8;
	icmp.reason = 13;
	icmp.location = 0xffffffff81f0022c;
	bare.flags = 0;
	bare.ethertype = 0x0806;
	bare.ip_proto = 0;
	bare.ifname[0] = '\0';
	bare.ifindex = 9;
	bare.reason = DROPS_REASON_NONE;
	names_init(&n);
	capture_begin(&c);
	f = fmt_new(mode, c.f, NULL);
	assert_non_null(f);
	view_drop_events_begin(f, groups);
	view_drop_event_emit(f, &n.nm, &ev, false, NULL, 0);
	view_drop_event_emit(f, &n.nm, &v6, false, NULL, 0);
	view_drop_event_emit(f, &n.nm, &icmp, false, NULL, 0);
	view_drop_event_emit(f, &n.nm, &bare, false, NULL, 0);
	view_drop_events_end(f);
	fmt_doc_begin(f, "drop_stats");
	view_drop_totals_emit(f, stats, 4, groups);
	fmt_doc_end(f);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(&c);
	if (mode == FMT_JSON)
		golden_json_check(c.buf, c.len);
	golden_check(golden, c.buf, c.len);
	capture_free(&c);
	names_free(&n);
}

static void test_events(void **state)
{
	render_events(FMT_TEXT, 0, "drops_events.txt");
	render_events(FMT_TEXT, FMT_GROUP_DETAIL, "drops_events_detail.txt");
	render_events(FMT_JSON, 0, "drops_events.json");
}

static void test_stacks(void **state)
{
	/* Innermost first, as the stack map holds them; the last frame has no symbol. */
	static const uint64_t ips[] = { 0xffffffff82043b0c, 0xffffffff81f10040,
					0xffffffff81e00123, 0xffffffff00000001 };
	struct view_drop_stack st[2] = {
		{ .row = &rows[0], .ips = ips, .nips = 4 },
		{ .row = &rows[1], .ips = NULL, .nips = 0 },
	};
	struct capture c;
	struct names n;
	struct fmt *f;

	for (int json = 0; json < 2; json++) {
		names_init(&n);
		capture_begin(&c);
		f = fmt_new(json ? FMT_JSON : FMT_TEXT, c.f, NULL);
		fmt_doc_begin(f, "drops");
		view_drop_stacks_emit(f, &n.nm, st, 2, 0);
		fmt_doc_end(f);
		assert_int_equal(fmt_flush(f), 0);
		fmt_free(f);
		capture_end(&c);
		if (json)
			golden_json_check(c.buf, c.len);
		golden_check(json ? "drops_stacks.json" : "drops_stacks.txt", c.buf, c.len);
		capture_free(&c);
		names_free(&n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_stacks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

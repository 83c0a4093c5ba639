/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fmt_sample.h: sample views and emit sequences that the text and JSON renderer tests share. */
#ifndef SOCKEYE_TEST_FMT_SAMPLE_H
#define SOCKEYE_TEST_FMT_SAMPLE_H

#include <arpa/inet.h>
#include <stdint.h>
#include <sys/socket.h>

#include "golden.h"
#include "out/fmt.h"

/* Renders what emit writes through a fresh formatter into c (capture_free it after). */
static inline void sample_render(struct capture *c, enum fmt_mode mode, const struct fmt_opts *o,
				 void (*emit)(struct fmt *f))
{
	struct fmt *f;

	capture_begin(c);
	f = fmt_new(mode, c->f, o);
	assert_non_null(f);
	emit(f);
	assert_int_equal(fmt_flush(f), 0);
	fmt_free(f);
	capture_end(c);
}

/* ---- every cell type ---------------------------------------------------------- */
enum { T_NAME, T_COUNT, T_DELTA, T_RATIO, T_UTIL, T_UP, T_SIZE, T_RATE, T_LAT, T_SEEN,
       T_ADDR, T_PEER, T_MAC };

static const struct fmt_col sample_type_cols[] = {
	[T_NAME] = { "name", "NAME", FMT_STR, FMT_LEFT, 0, 0 },
	[T_COUNT] = { "count", "COUNT", FMT_U64, FMT_RIGHT, 0, 0 },
	[T_DELTA] = { "delta", "DELTA", FMT_S64, FMT_RIGHT, 0, 0 },
	[T_RATIO] = { "ratio", "RATIO", FMT_DOUBLE, FMT_RIGHT, 0, 0 },
	[T_UTIL] = { "util_pct", "UTIL", FMT_PERCENT, FMT_RIGHT, 0, 0 },
	[T_UP] = { "up", "UP", FMT_BOOL, FMT_LEFT, 0, 0 },
	[T_SIZE] = { "size_bytes", "SIZE", FMT_BYTES, FMT_RIGHT, 0, 0 },
	[T_RATE] = { "rate_pps", "RATE", FMT_RATE, FMT_RIGHT, 0, 0 },
	[T_LAT] = { "lat_ns", "LAT", FMT_DURATION, FMT_RIGHT, 0, 0 },
	[T_SEEN] = { "seen_ns", "SEEN", FMT_TIMESTAMP, FMT_LEFT, 0, 0 },
	[T_ADDR] = { "addr", "ADDR", FMT_IP, FMT_LEFT, 0, 0 },
	[T_PEER] = { "peer", "PEER", FMT_IPPORT, FMT_LEFT, 0, 0 },
	[T_MAC] = { "mac", "MAC", FMT_MAC, FMT_LEFT, 0, 0 },
};
static const struct fmt_view sample_types_view = {
	.name = "types", .title = "all types", .cols = FMT_VIEW_COLS(sample_type_cols),
};

struct sample_types_row {
	const char *name;
	uint64_t count;
	int64_t delta;
	double ratio, util;
	bool up;
	uint64_t size;
	double rate;
	uint64_t lat, seen;
	int af;
	const char *addr;
	int peer_af;
	const char *peer;
	int port;
	uint8_t mac[6];
};

static const struct sample_types_row sample_types_rows[] = {
	{ "eth0", 123456, -42, 37.25, 12.5, true, 1536, 8100, 1200000, 1700000000123456789ull,
	  AF_INET, "10.0.0.1", AF_INET6, "fe80::1", 22, { 2, 0, 0, 0, 0, 1 } },
	{ "lo", 0, 0, 0, 100, false, 851443712, 0.5, 850, 0,
	  AF_INET6, "::1", AF_INET, "127.0.0.1", 8080, { 0 } },
	{ "big", UINT64_MAX, INT64_MIN, 1.0 / 3, 99.95, true, UINT64_MAX, 812e6, 3400000000ull,
	  4102444800000000000ull, AF_INET, "192.168.1.254", AF_INET, "10.0.0.1", 65535,
	  { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } },
	{ "small", 7, 9, 2, 0.04, false, 1023, 12, 12300, 999999999,
	  AF_INET6, "2001:db8::42", AF_INET6, "2001:db8::42", 0, { 0xde, 0xad, 0xbe, 0xef, 0, 1 } },
};

static inline void sample_types_row(struct fmt *f, const struct sample_types_row *r)
{
	unsigned char addr[16], peer[16];

	assert_int_equal(inet_pton(r->af, r->addr, addr), 1);
	assert_int_equal(inet_pton(r->peer_af, r->peer, peer), 1);
	fmt_row_begin(f);
	fmt_str(f, T_NAME, r->name);
	fmt_u64(f, T_COUNT, r->count);
	fmt_s64(f, T_DELTA, r->delta);
	fmt_double(f, T_RATIO, r->ratio);
	fmt_double(f, T_UTIL, r->util);
	fmt_bool(f, T_UP, r->up);
	fmt_u64(f, T_SIZE, r->size);
	fmt_double(f, T_RATE, r->rate);
	fmt_u64(f, T_LAT, r->lat);
	fmt_u64(f, T_SEEN, r->seen);
	fmt_ip(f, T_ADDR, r->af, addr, -1);
	fmt_ip(f, T_PEER, r->peer_af, peer, r->port);
	fmt_mac(f, T_MAC, r->mac);
	fmt_row_end(f);
}

/* A document with a type and scalars; the last row has only its name set. */
static inline void sample_emit_types(struct fmt *f)
{
	fmt_doc_begin(f, "sample");
	fmt_doc_u64(f, "interval_ms", 1000);
	fmt_doc_str(f, "host", "vm");
	fmt_table_begin(f, &sample_types_view, 0);
	for (size_t i = 0; i < sizeof(sample_types_rows) / sizeof(sample_types_rows[0]); i++)
		sample_types_row(f, &sample_types_rows[i]);
	fmt_row_begin(f);
	fmt_str(f, T_NAME, "unset");
	fmt_row_end(f);
	fmt_table_end(f);
	fmt_doc_end(f);
}

/* ---- column groups -------------------------------------------------------------- */
static const struct fmt_col sample_group_cols[] = {
	{ "id", "ID", FMT_U64, FMT_LEFT, 0, 0 },
	{ "one", "ONE", FMT_STR, FMT_LEFT, 1u, 0 },
	{ "two", "TWO", FMT_U64, FMT_RIGHT, 2u, 0 },
	{ "detail", "DETAIL", FMT_U64, FMT_RIGHT, FMT_GROUP_DETAIL, 0 },
	{ "tail", "TAIL", FMT_U64, FMT_RIGHT, 0, 6 },
};
static const struct fmt_view sample_group_view = {
	.name = "groups", .cols = FMT_VIEW_COLS(sample_group_cols),
};

static inline void sample_group_table(struct fmt *f, unsigned groups)
{
	fmt_table_begin(f, &sample_group_view, groups);
	for (uint64_t i = 1; i <= 2; i++) {
		fmt_row_begin(f);
		fmt_u64(f, 0, i);
		fmt_str(f, 1, i == 1 ? "first" : "second one");
		fmt_u64(f, 2, i * 1000);
		fmt_u64(f, 3, i * 7);
		fmt_u64(f, 4, i * 11);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

/* The same table with no group, groups 1|2 and group 2 alone, a document each. */
static inline void sample_emit_groups(struct fmt *f)
{
	static const unsigned groups[] = { 0, 1u | 2u, 2u };

	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		fmt_doc_begin(f, "groups");
		sample_group_table(f, groups[i]);
		fmt_doc_end(f);
	}
}

/* ---- several tables and documents, single views --------------------------------- */
static const struct fmt_col sample_list_cols[] = {
	{ "dev", "DEV", FMT_STR, FMT_LEFT, 0, 0 },
	{ "rx_bytes", "RX", FMT_BYTES, FMT_RIGHT, 0, 0 },
};
static const struct fmt_view sample_list_view = {
	.name = "links", .title = "links", .cols = FMT_VIEW_COLS(sample_list_cols),
};
static const struct fmt_view sample_empty_view = {
	.name = "empty", .title = NULL, .cols = FMT_VIEW_COLS(sample_list_cols),
};
static const struct fmt_col sample_summary_cols[] = {
	{ "links", "LINKS", FMT_U64, FMT_RIGHT, 0, 0 },
	{ "up", "UP", FMT_BOOL, FMT_LEFT, 0, 0 },
};
static const struct fmt_view sample_summary_view = {
	.name = "summary", .title = "summary", .cols = FMT_VIEW_COLS(sample_summary_cols),
	.single = true,
};

static inline void sample_link_row(struct fmt *f, const char *dev, uint64_t rx)
{
	fmt_row_begin(f);
	fmt_str(f, 0, dev);
	fmt_u64(f, 1, rx);
	fmt_row_end(f);
}

/*
 * Two documents (tables, a single view with and without its row, an empty
 * table), then a table outside any document.
 */
static inline void sample_emit_multi(struct fmt *f)
{
	fmt_doc_begin(f, "snapshot");
	fmt_doc_u64(f, "seq", 1);
	fmt_table_begin(f, &sample_list_view, 0);
	sample_link_row(f, "eth0", 1536);
	sample_link_row(f, "veth-long-name", 5);
	fmt_table_end(f);
	fmt_table_begin(f, &sample_summary_view, 0);
	fmt_row_begin(f);
	fmt_u64(f, 0, 2);
	fmt_bool(f, 1, true);
	fmt_row_end(f);
	fmt_table_end(f);
	fmt_doc_end(f);

	fmt_doc_begin(f, "snapshot");
	fmt_doc_u64(f, "seq", 2);
	fmt_table_begin(f, &sample_list_view, 0);
	sample_link_row(f, "lo", 0);
	fmt_table_end(f);
	fmt_table_begin(f, &sample_summary_view, 0);
	fmt_table_end(f);
	fmt_table_begin(f, &sample_empty_view, 0);
	fmt_table_end(f);
	fmt_doc_end(f);

	fmt_table_begin(f, &sample_list_view, 0);
	sample_link_row(f, "alone", 2048);
	fmt_table_end(f);
}

/* ---- a streaming view ------------------------------------------------------------ */
static const struct fmt_col sample_stream_cols[] = {
	{ "ts_ns", "TIME", FMT_TIMESTAMP, FMT_LEFT, 0, 27 },
	{ "len", "LEN", FMT_U64, FMT_RIGHT, 0, 5 },
	{ "proto", "PROTO", FMT_STR, FMT_LEFT, 0, 5 },
	{ "hidden", "HIDDEN", FMT_U64, FMT_RIGHT, 1u, 8 },
	{ "info", "INFO", FMT_STR, FMT_LEFT, 0, 0 },
};
static const struct fmt_view sample_stream_view = {
	.name = "packets", .title = "packets", .record_type = "packet",
	.cols = FMT_VIEW_COLS(sample_stream_cols), .streaming = true,
};

/* Row i of the stream: the last has an empty info, the second a proto wider than 5. */
static inline void sample_stream_row(struct fmt *f, unsigned i)
{
	static const char *const proto[] = { "tcp", "icmpv6", "udp" };
	static const char *const info[] = { "10.0.0.1:80 > 10.0.0.2:5555 S", "echo \x1b[2J", "" };

	fmt_row_begin(f);
	fmt_u64(f, 0, 1700000000000000000ull + i * 1500000ull);
	fmt_u64(f, 1, 60 + i * 1000);
	fmt_str(f, 2, proto[i % 3]);
	fmt_u64(f, 3, i);
	fmt_str(f, 4, info[i % 3]);
	fmt_row_end(f);
}

/* ---- hostile strings -------------------------------------------------------------- */
static const struct fmt_col sample_hostile_cols[] = {
	{ "kind", "KIND", FMT_STR, FMT_LEFT, 0, 0 },
	{ "value", "VALUE", FMT_STR, FMT_LEFT, 0, 0 },
	{ "n", "N", FMT_U64, FMT_RIGHT, 0, 0 },
};
static const struct fmt_view sample_hostile_view = {
	.name = "hostile", .title = "hostile \x1b]0;title\x07", .cols = FMT_VIEW_COLS(sample_hostile_cols),
};

static const char *const sample_hostile[][2] = {
	{ "ctl-01-0f", "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" },
	{ "ctl-10-1f", "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" },
	{ "del", "a\x7f" "b" },
	{ "c1-csi", "\xc2\x9b" "31m" },
	{ "ansi", "\x1b[31mred\x1b[0m" },
	{ "overlong", "\xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf" },
	{ "surrogate", "\xed\xa0\x80\xed\xbf\xbf" },
	{ "too-big", "\xf4\x90\x80\x80\xf5\xff" },
	{ "truncated", "ab\xe2\x82" },
	{ "cut-short", "\xf0\x9f\x98z" },
	{ "stray", "\x80x\xbf" },
	{ "utf8", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xce\xbb" },
	{ "quote", "\"\\'" },
	{ "empty", "" },
};

static inline void sample_emit_hostile(struct fmt *f)
{
	fmt_table_begin(f, &sample_hostile_view, 0);
	for (size_t i = 0; i < sizeof(sample_hostile) / sizeof(sample_hostile[0]); i++) {
		fmt_row_begin(f);
		fmt_str(f, 0, sample_hostile[i][0]);
		fmt_str(f, 1, sample_hostile[i][1]);
		fmt_u64(f, 2, i);
		fmt_row_end(f);
	}
	fmt_table_end(f);
}

/* ---- a streaming view with a text-only column and row details (sniff's shape) ------ */
enum { P_TS, P_SUMMARY };
static const struct fmt_col sample_packet_cols[] = {
	[P_TS] = { "ts_ns", "TIME", FMT_TIMESTAMP, FMT_LEFT, 0, 0 },
	[P_SUMMARY] = { "summary", "SUMMARY", FMT_LINES, FMT_LEFT, FMT_GROUP_TEXT, 0 },
};
static const struct fmt_view sample_packet_view = {
	.name = "packets", .record_type = "packet", .streaming = true,
	.cols = FMT_VIEW_COLS(sample_packet_cols),
};

static void sample_packet_details(struct fmt_details *d, const void *ctx)
{
	const unsigned *n = ctx;

	fmt_details_object_begin(d, "ip");
	fmt_details_str(d, "src", "10.0.0.1");
	fmt_details_u64(d, "ttl", 64);
	fmt_details_bool(d, "df", true);
	fmt_details_object_end(d);
	fmt_details_array_begin(d, "sack");
	for (unsigned i = 0; i < *n; i++)
		fmt_details_u64(d, NULL, 1000 + i);
	fmt_details_array_end(d);
	fmt_details_s64(d, "delta", -1);
	fmt_details_double(d, "ratio", 0.5);
	fmt_details_str_len(d, "raw", "a\0b\x01", 4);
}

static inline void sample_emit_packets(struct fmt *f)
{
	fmt_table_begin(f, &sample_packet_view, 0);
	for (unsigned i = 0; i < 3; i++) {
		fmt_row_begin(f);
		fmt_u64(f, P_TS, 1700000000123456789ull + i);
		/* FMT_LINES keeps newlines and tabs, and still escapes the ESC. */
		fmt_str(f, P_SUMMARY, "IP 10.0.0.1 > 10.0.0.2: ICMP echo request\n\t0x0000:  4500 \x1b[2J");
		fmt_row_end_details(f, sample_packet_details, &i);
	}
	fmt_table_end(f);
}

#endif

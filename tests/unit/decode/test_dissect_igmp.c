/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dissect_igmp.c: IGMP v1-v3 and mtrace: fields, text at each -v level, short messages. */
#include "config.h"

#include "dissect_test.h"

#define IGMP_OFF 34 /* after Ethernet and a 20-byte IPv4 header */

/* Ethernet, IPv4 (protocol 2, lengths filled in by frame()), then the IGMP message. */
static size_t frame(uint8_t *buf, const uint8_t *msg, size_t len)
{
	static const uint8_t hdr[IGMP_OFF] = {
		0x01, 0x00, 0x5e, 0x00, 0x00, 0x16, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00,
		0x45, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00,
		10,   0,    0,	  1,	224,  0,    0,	  22,
	};

	memcpy(buf, hdr, sizeof(hdr));
	buf[16] = (uint8_t)((20 + len) >> 8);
	buf[17] = (uint8_t)(20 + len);
	memcpy(buf + IGMP_OFF, msg, len);
	return IGMP_OFF + len;
}

/* The IGMP text of m at that many -v (the IP header's checksum is left 0 on purpose). */
static void text(const struct pkt_meta *m, uint8_t verbosity, const char *want)
{
	struct print_opts o = { .verbose = verbosity > 0, .verbosity = verbosity };
	char line[PRINT_PACKET_MAX];

	print_packet(line, sizeof(line), m, &o);
	/* from the addresses on: -v puts the IP header's details before them */
	assert_non_null(strstr(line, "10.0.0.1 > "));
	assert_string_equal(strstr(line, "10.0.0.1 > "), want);
}

/* A v3 report: two records, the second with three sources; checksum left 0 (not verified). */
static const uint8_t v3_report[] = {
	0x22, 0, 0, 0, 0, 0, 0, 2,				 /* two records */
	1,    0, 0, 0, 239, 1, 2, 3,				 /* is_in, no sources */
	5,    0, 0, 3, 232, 0, 0, 9, 10, 0, 0, 7, 10, 0, 0, 8, 192, 0, 2, 1, /* allow */
};

static void test_v3_report(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_IGMP, 8 },
	};
	uint8_t buf[128];
	size_t n = frame(buf, v3_report, sizeof(v3_report));
	struct pkt_meta m;
	const struct pkt_igmp *g = &m.l[0].igmp;

	(void)state;
	dt_whole(&m, DLT_EN10MB, buf, n, h, DT_N(h));
	assert_int_equal(m.l[0].trans, PKT_PROTO_IGMP);
	assert_int_equal(g->type, 0x22);
	assert_int_equal(g->len, sizeof(v3_report));
	assert_int_equal(g->ngroups, 2);
	assert_int_equal(g->n_groups_kept, 2);
	assert_int_equal(g->groups[1].rtype, 5);
	assert_int_equal(g->groups[1].nsrcs, 3);
	assert_int_equal(g->groups[1].src0, 0);
	assert_int_equal(g->groups[1].n_kept, 3);
	assert_memory_equal(g->srcs[2], ((const uint8_t[]){ 192, 0, 2, 1 }), 4);
	text(&m, 0, "10.0.0.1 > 224.0.0.22: igmp v3 report, 2 group record(s)");
	text(&m, 1,
	     "10.0.0.1 > 224.0.0.22: igmp v3 report, 2 group record(s) [gaddr 239.1.2.3 is_in, "
	     "0 source(s)] [gaddr 232.0.0.9 allow, 3 source(s)]");
	text(&m, 2,
	     "10.0.0.1 > 224.0.0.22: igmp v3 report, 2 group record(s) [gaddr 239.1.2.3 is_in "
	     "{ }] [gaddr 232.0.0.9 allow { 10.0.0.7 10.0.0.8 192.0.2.1 }]");
	/* cut inside the second record's sources: tcpdump prints up to the missing one */
	dt_dissect(&m, DLT_EN10MB, buf, n - 6, n);
	text(&m, 2,
	     "10.0.0.1 > 224.0.0.22: igmp v3 report, 2 group record(s) [gaddr 239.1.2.3 is_in "
	     "{ }] [gaddr 232.0.0.9 allow { 10.0.0.7 [|igmp]");
}

static void test_queries(void **state)
{
	static const uint8_t v2[] = { 0x11, 10, 0, 0, 239, 1, 2, 3 };
	static const uint8_t v3[] = { 0x11, 0x8a, 0, 0, 232, 0, 0, 9, 0x0a, 60, 0, 2,
				      10,   0,	  0, 7, 10,  0, 0, 8 };
	uint8_t buf[128];
	struct pkt_meta m;
	size_t n;

	(void)state;
	n = frame(buf, v2, sizeof(v2));
	dt_dissect(&m, DLT_EN10MB, buf, n, n);
	text(&m, 0, "10.0.0.1 > 224.0.0.22: igmp query v2 [max resp time 10] [gaddr 239.1.2.3]");
	n = frame(buf, v3, sizeof(v3));
	dt_dissect(&m, DLT_EN10MB, buf, n, n);
	assert_int_equal(m.l[0].igmp.nsrcs, 2);
	assert_int_equal(m.l[0].igmp.n_srcs_kept, 2);
	assert_int_equal(m.l[0].igmp.flags, 0x0a);
	text(&m, 1,
	     "10.0.0.1 > 224.0.0.22: igmp query v3 [max resp time 20.8s] [gaddr 232.0.0.9, 2 "
	     "source(s)]");
	text(&m, 2,
	     "10.0.0.1 > 224.0.0.22: igmp query v3 [max resp time 20.8s] [gaddr 232.0.0.9 { "
	     "10.0.0.7 10.0.0.8 }]");
}

/* Every cut inside the 8-byte header marks IGMP truncated, and prints without a crash. */
static void test_truncated(void **state)
{
	static const uint8_t v2[] = { 0x16, 0, 0, 0, 239, 1, 2, 3 };
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 },
		{ PKT_PROTO_IPV4, 20 },
		{ PKT_PROTO_IGMP, 8 },
	};
	uint8_t buf[64];
	size_t n = frame(buf, v2, sizeof(v2));
	struct pkt_meta m;

	(void)state;
	dt_sweep(DLT_EN10MB, buf, n, h, DT_N(h));
	dt_dissect(&m, DLT_EN10MB, buf, n - 2, n);
	text(&m, 0, "10.0.0.1 > 224.0.0.22:  [|igmp]");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v3_report),
		cmocka_unit_test(test_queries),
		cmocka_unit_test(test_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

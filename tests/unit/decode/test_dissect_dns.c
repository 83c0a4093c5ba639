/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_dissect_dns.c: DNS and mDNS by port over UDP and TCP, the header fields, names, text. */
#include "config.h"

#include "dissect_test.h"
#include "decode/proto_dns.h"

#define UDP_DNS 42 /* the message's offset after Ethernet, IPv4 and UDP */
#define TCP_DNS 54 /* after Ethernet, IPv4 and TCP */

/* The example: a query for www.example.test with an EDNS0 OPT record. */
static const uint8_t query[] = {
	0xd4, 0xcd, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, /* header */
	3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 4, 't', 'e', 's', 't', 0,
	0x00, 0x01, 0x00, 0x01,						    /* A IN */
	0x00, 0x00, 0x29, 0x04, 0xd0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* OPT 1232 */
};

/* Its answer: the question's name by pointer, A 10.0.0.1. */
static const uint8_t answer[] = {
	0xd4, 0xcd, 0x85, 0x80, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
	3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 4, 't', 'e', 's', 't', 0,
	0x00, 0x01, 0x00, 0x01,
	0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x0e, 0x10, 0x00, 0x04, 10, 0, 0, 1,
};

/* The IPv4 header checksum, so -v prints no complaint about it. */
static void ip_csum(uint8_t *h)
{
	uint32_t sum = 0;

	for (int i = 0; i < 20; i += 2)
		sum += (uint32_t)(h[i] << 8 | h[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	h[10] = (uint8_t)(~sum >> 8);
	h[11] = (uint8_t)~sum;
}

/* Ethernet, IPv4 10.0.0.1 > 10.0.0.2, and UDP or TCP (P., seq 1000, ack 5000) around msg. */
static size_t build(uint8_t *p, bool tcp, uint16_t sport, uint16_t dport, const uint8_t *msg,
		    size_t n, int prefix)
{
	size_t l4 = tcp ? 20 : 8, pre = prefix >= 0 ? 2 : 0, tot = 20 + l4 + pre + n;
	uint8_t *q = p;

	memset(p, 0, 14 + tot);
	q[12] = 0x08;
	q += 14;
	q[0] = 0x45;
	q[2] = (uint8_t)(tot >> 8);
	q[3] = (uint8_t)tot;
	q[8] = 64;
	q[9] = tcp ? 6 : 17;
	q[12] = 10, q[15] = 1, q[16] = 10, q[19] = 2;
	ip_csum(q);
	q += 20;
	q[0] = (uint8_t)(sport >> 8), q[1] = (uint8_t)sport;
	q[2] = (uint8_t)(dport >> 8), q[3] = (uint8_t)dport;
	if (tcp) {
		q[6] = 0x03, q[7] = 0xe8;  /* seq 1000 */
		q[10] = 0x13, q[11] = 0x88; /* ack 5000 */
		q[12] = 0x50;
		q[13] = 0x18;
		q[14] = 0xfa, q[15] = 0xf0;
	} else {
		q[4] = (uint8_t)((8 + n) >> 8);
		q[5] = (uint8_t)(8 + n);
	}
	q += l4;
	if (pre) {
		q[0] = (uint8_t)(prefix >> 8);
		q[1] = (uint8_t)prefix;
		q += 2;
	}
	memcpy(q, msg, n);
	return 14 + tot;
}

/* The summary of p as sniff prints it (with the packet bytes), at verbosity v. */
static void expect_text(const uint8_t *p, size_t len, unsigned v, const char *want)
{
	struct pkt_meta m;
	char line[PRINT_PACKET_MAX];
	struct print_opts o = { .verbose = v > 0, .verbosity = (uint8_t)v, .data = p };

	assert_int_equal(dissect_packet(&m, DLT_EN10MB, p, len, len), 0);
	print_packet(line, sizeof(line), &m, &o);
	assert_string_equal(line, want);
}

static void test_udp_query(void **state)
{
	static const struct dt_hdr h[] = {
		{ PKT_PROTO_ETH, 14 }, { PKT_PROTO_IPV4, 20 }, { PKT_PROTO_UDP, 8 },
		{ PKT_PROTO_DNS, 12 },
	};
	uint8_t p[256];
	size_t len = build(p, false, 33333, 53, query, sizeof(query), -1);
	struct pkt_meta m;
	const struct pkt_dns *d = &m.l[0].dns;

	(void)state;
	dt_whole(&m, DLT_EN10MB, p, len, h, DT_N(h));
	assert_int_equal(m.l[0].app, PKT_PROTO_DNS);
	assert_int_equal(d->id, 54477);
	assert_int_equal(d->flags, PKT_DNS_RD);
	assert_int_equal(d->qdcount, 1);
	assert_int_equal(d->arcount, 1);
	assert_int_equal(d->msg_off, UDP_DNS);
	assert_int_equal(d->msg_len, sizeof(query));
	assert_int_equal(d->msg_caplen, sizeof(query));
	assert_false(d->over_tcp);
	expect_text(p, len, 0, "IP 10.0.0.1.33333 > 10.0.0.2.53: 54477+ [1au] A? www.example.test. (45)");
	expect_text(p, len, 2,
		    "IP (tos 0x0, ttl 64, id 0, offset 0, flags [none], proto UDP (17), length 73)\n"
		    "    10.0.0.1.33333 > 10.0.0.2.53: 54477+ [1au] A? www.example.test."
		    " ar: . OPT UDPsize=1232 (45)");
}

static void test_udp_answer_by_source_port(void **state)
{
	uint8_t p[256];
	size_t len = build(p, false, 53, 33333, answer, sizeof(answer), -1);

	(void)state;
	expect_text(p, len, 0, "IP 10.0.0.1.53 > 10.0.0.2.33333: 54477* 1/0/0 A 10.0.0.1 (50)");
	expect_text(p, len, 3,
		    "IP (tos 0x0, ttl 64, id 0, offset 0, flags [none], proto UDP (17), length 78)\n"
		    "    10.0.0.1.53 > 10.0.0.2.33333: 54477* q: A? www.example.test. "
		    "1/0/0 www.example.test. [1h] A 10.0.0.1 (50)");
	/* cut inside the answer's data: tcpdump's marker, and no read past the capture */
	for (size_t cut = UDP_DNS; cut < len; cut++) {
		struct pkt_meta m;

		dt_dissect(&m, DLT_EN10MB, p, cut, len);
	}
}

static void test_tcp_prefix(void **state)
{
	uint8_t p[256];
	size_t len = build(p, true, 40000, 53, query, sizeof(query) - 11, (int)sizeof(query) - 11);
	struct pkt_meta m;

	(void)state;
	/* a query without its OPT record: arcount says 1, so the message is short of it */
	p[TCP_DNS + 2 + 11] = 0;
	assert_int_equal(dissect_packet(&m, DLT_EN10MB, p, len, len), 0);
	assert_int_equal(m.n_layers, 4);
	assert_int_equal(m.layer[3].proto, PKT_PROTO_DNS);
	assert_int_equal(m.layer[3].hdr_len, 14);
	assert_true(m.l[0].dns.over_tcp);
	assert_int_equal(m.l[0].dns.prefix, sizeof(query) - 11);
	assert_int_equal(m.l[0].dns.msg_off, TCP_DNS + 2);
	expect_text(p, len, 0,
		    "IP 10.0.0.1.40000 > 10.0.0.2.53: Flags [P.], seq 1000:1036, ack 5000, win "
		    "64240, length 36 54477+ A? www.example.test. (34)");

	len = build(p, true, 40000, 53, query, sizeof(query), 99);
	assert_int_equal(dissect_packet(&m, DLT_EN10MB, p, len, len), 0);
	assert_true(m.invalid);
	assert_int_equal(m.reason, PKT_REASON_LEN_PREFIX);
	expect_text(p, len, 0,
		    "IP 10.0.0.1.40000 > 10.0.0.2.53: Flags [P.], seq 1000:1047, ack 5000, win "
		    "64240, length 47 [prefix length(99) != length(45)] (invalid)");
}

static void test_mdns_and_short(void **state)
{
	static const uint8_t mdns[] = {
		0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'p', 'r', 'i', 'n', 't', 'e', 'r',
		5, 'l', 'o', 'c', 'a', 'l', 0, 0x00, 0x0c, 0x80, 0x01,
	};
	uint8_t p[256];
	size_t len = build(p, false, 5353, 5353, mdns, sizeof(mdns), -1);
	struct pkt_meta m;

	(void)state;
	assert_int_equal(dissect_packet(&m, DLT_EN10MB, p, len, len), 0);
	assert_int_equal(m.layer[3].proto, PKT_PROTO_MDNS);
	expect_text(p, len, 0,
		    "IP 10.0.0.1.5353 > 10.0.0.2.5353: 0 PTR (QU)? printer.local. (31)");
	/* shorter than a header: tcpdump's words, and the layer invalid */
	len = build(p, false, 33333, 53, query, 7, -1);
	assert_int_equal(dissect_packet(&m, DLT_EN10MB, p, len, len), 0);
	assert_true(m.invalid);
	expect_text(p, len, 0,
		    "IP 10.0.0.1.33333 > 10.0.0.2.53: domain [length 7 < 12] (invalid)");
	/* LLMNR is plain UDP in tcpdump 4.99 */
	len = build(p, false, 44444, 5355, query, sizeof(query), -1);
	assert_int_equal(dissect_packet(&m, DLT_EN10MB, p, len, len), 0);
	assert_int_equal(m.n_layers, 3);
}

/* Pointers only backwards: a loop or a forward pointer stops the name, never hangs. */
static void test_name_pointers(void **state)
{
	static const uint8_t msg[] = {
		0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
		1, 'a', 0xc0, 12,	/* at 12: "a" then a pointer back to itself */
		1, 'b', 0xc0, 12,	/* at 16: "b" then the name at 12 */
		0xc0, 30, 0, 0, 0, 0, 0, 0, 0, 0, /* at 20: a pointer forward */
		3, 'x', 'y', 'z', 0,	/* at 30 */
	};
	struct dns_msg d = { .p = msg, .cap = sizeof(msg) };
	char out[256], text[64];
	struct pbuf b;

	(void)state;
	pbuf_init(&b, out, sizeof(out));
	assert_int_equal(dns_name_print(&b, &d, 16), DNS_FAIL);
	pbuf_finish(&b, sizeof(out));
	assert_string_equal(out, "b.a.<BAD PTR>");
	pbuf_init(&b, out, sizeof(out));
	assert_int_equal(dns_name_print(&b, &d, 20), DNS_FAIL);
	pbuf_finish(&b, sizeof(out));
	assert_string_equal(out, "<BAD PTR>");
	assert_int_equal(dns_name_text(&d, 16, text, sizeof(text)), DNS_FAIL);
	assert_int_equal(dns_name_text(&d, 30, text, sizeof(text)), 35);
	assert_string_equal(text, "xyz.");
	assert_int_equal(dns_name_skip(&d, 16), 20);
	assert_int_equal(dns_name_skip(&d, 30), 35);
	/* the capture ends inside a label */
	d.cap = 33;
	assert_int_equal(dns_name_skip(&d, 30), DNS_FAIL);
	assert_int_equal(dns_name_text(&d, 30, text, sizeof(text)), DNS_FAIL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_udp_query),
		cmocka_unit_test(test_udp_answer_by_source_port),
		cmocka_unit_test(test_tcp_prefix),
		cmocka_unit_test(test_mdns_and_short),
		cmocka_unit_test(test_name_pointers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_dissect.c: libFuzzer harness: dissect any bytes as a packet, then print it. */
#include "config.h"

#include <pcap/dlt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib/attrib_tuple.h"
#include "decode/dissect.h"
#include "decode/print.h"
#include "decode/view_packet.h"

/* DLT_RAW's value in capture files */
#define LINKTYPE_RAW 101

static const int fuzz_linktypes[] = {
	DLT_EN10MB, DLT_LINUX_SLL, DLT_LINUX_SLL2, DLT_RAW, LINKTYPE_RAW, DLT_IPV4, DLT_IPV6,
	DLT_PPP, /* first byte 7: PPP framing, then MPLS or IP */
	/* first byte's high bit set (0x80 | index): the serial and BSD link types (issue 13) */
	DLT_C_HDLC, DLT_NULL, DLT_LOOP, DLT_FRELAY,
	/* 0x84, 0x85, 0x86: the PPP link types (issue 13) */
	DLT_PPP_SERIAL, DLT_PPP_PPPD, DLT_PPP_ETHER,
	/* 0x87 to 0x8a: switch-tagged Ethernet (issue 13, link-layer tags) */
	DLT_DSA_TAG_DSA, DLT_DSA_TAG_EDSA, DLT_DSA_TAG_BRCM, DLT_DSA_TAG_BRCM_PREPEND,
};

#define FUZZ_N_LINKTYPES (sizeof(fuzz_linktypes) / sizeof(fuzz_linktypes[0]))

/* The link type of an input: the first byte's low 3 bits, and its high bit past the first 8. */
static int fuzz_linktype(uint8_t b)
{
	return fuzz_linktypes[((b & 7u) | (b & 0x80u) >> 4) % FUZZ_N_LINKTYPES];
}

/* What any result must satisfy, whatever the bytes. */
static void fuzz_check(const struct pkt_meta *m, size_t caplen)
{
	for (unsigned k = 0; k <= m->level && k < 2; k++)
		if (m->l[k].csum >= PKT_CSUM_COUNT)
			abort();
	if (m->n_layers > PKT_MAX_LAYERS || m->payload_off > caplen ||
	    m->payload_caplen > caplen - m->payload_off || m->payload_caplen > m->payload_len ||
	    m->level > 1)
		abort();
	for (unsigned i = 0; i < m->n_layers; i++) {
		const struct pkt_layer *ly = &m->layer[i];

		if (ly->off > caplen || ly->hdr_len > caplen - ly->off || ly->level > m->level ||
		    ly->proto == PKT_PROTO_NONE || ly->proto >= PKT_PROTO_COUNT)
			abort();
		/* only the last layer may stop decoding */
		if ((ly->truncated || ly->invalid) && i + 1u != m->n_layers)
			abort();
	}
}

/* The JSON record too: application layers walk their messages again there. */
static void fuzz_json(const struct pkt_meta *m, const uint8_t *data)
{
	static struct fmt *f;
	struct view_packet_ctx ctx = { .m = m, .data = data };

	if (!f) {
		FILE *out = fopen("/dev/null", "w");
		struct fmt_opts fo = { 0 };

		f = out ? fmt_new(FMT_JSON, out, &fo) : NULL;
		if (!f)
			abort();
		fmt_table_begin(f, &view_packet, 0);
	}
	fmt_row_begin(f);
	fmt_u64(f, VIEW_PACKET_CAPLEN, m->caplen);
	fmt_row_end_details(f, view_packet_details, &ctx);
}

/*
 * An NFS reply decodes its results only with the call it answers, which sniff's
 * xid map (rpc_xids) finds in earlier packets: here any procedure of v2 or v3,
 * from the xid's low bits, so that every result's walk is reached.
 */
static void fuzz_rpc_call(struct pkt_meta *m)
{
	for (unsigned i = 0; i < m->n_layers && i < PKT_MAX_LAYERS; i++) {
		struct pkt_rpc *r = &m->l[m->layer[i].level].rpc;

		if (m->layer[i].proto != PKT_PROTO_NFS && m->layer[i].proto != PKT_PROTO_SUNRPC)
			continue;
		r->matched = r->direction != 0;
		r->call_proc = r->xid & 31;
		r->call_vers = r->xid & 32 ? 3 : 2;
	}
}

/*
 * The first byte picks the link type (low bits) and how many bytes the
 * packet had on the wire past the capture (high bits), so both the
 * truncated and the invalid paths are reached; the rest is the packet.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pkt_meta m;
	char line[PRINT_PACKET_MAX], tiny[7];
	size_t caplen, wirelen;
	/* checksums verified always, every ring hint in turn: -v's paths are the riskier */
	struct dissect_opts o;

	if (size < 1)
		return 0;
	caplen = size - 1;
	wirelen = caplen + (size_t)(data[0] >> 3) * 97;
	/* and sniff -T's types in turn (indexes past the table's end force nothing) */
	o = (struct dissect_opts){ .csum_verify = true, .csum_hint = (uint8_t)(data[0] >> 3) % 3,
				   .packettype = (uint8_t)((data[0] >> 3) % 24) };
	if (dissect_packet_opts(&m, fuzz_linktype(data[0]), data + 1,
				caplen, wirelen, &o))
		abort();
	fuzz_check(&m, caplen);
	fuzz_rpc_call(&m);
	for (unsigned bits = 0; bits < 16; bits++) {
		/* -v, -vv, -vvv: the application layers print more sections at each */
		struct print_opts po = {
			.link = bits & 1,
			.verbose = bits & 6,
			.verbosity = (uint8_t)(bits >> 1 & 3),
			.quiet = bits & 8,
			.asdot = bits & 4, /* BGP -b */
			.tcp_relative = bits & 1,
			.tcp_seq_base = 12345,
			.tcp_ack_base = 54321,
			.data = data + 1,
		};
		size_t n = print_packet(line, sizeof(line), &m, &po), t;

		/* a long DNS message may overflow the line: then it is cut, and n says so */
		if (strlen(line) != (n < sizeof(line) ? n : sizeof(line) - 1))
			abort();
		t = print_packet(tiny, sizeof(tiny), &m, &po);
		if (t != n || strncmp(tiny, line, 6))
			abort();
	}
	fuzz_json(&m, data + 1);
	{
		/* sniff --process reads each packet's tuple from the same bytes */
		struct attrib_tuple t;

		if (attrib_tuple_parse(fuzz_linktype(data[0]), data + 1,
				       (uint32_t)caplen, &t) && t.family != 4 && t.family != 6)
			abort();
	}
	return 0;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_dissect.c: libFuzzer harness: dissect any bytes as a packet, then print it. */
#include "config.h"

#include <pcap/dlt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode/dissect.h"
#include "decode/print.h"

/* DLT_RAW's value in capture files */
#define LINKTYPE_RAW 101

static const int fuzz_linktypes[] = {
	DLT_EN10MB, DLT_LINUX_SLL, DLT_LINUX_SLL2, DLT_RAW, LINKTYPE_RAW, DLT_IPV4, DLT_IPV6,
};

#define FUZZ_N_LINKTYPES (sizeof(fuzz_linktypes) / sizeof(fuzz_linktypes[0]))

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
	o = (struct dissect_opts){ .csum_verify = true, .csum_hint = (uint8_t)(data[0] >> 3) % 3 };
	if (dissect_packet_opts(&m, fuzz_linktypes[(data[0] & 7) % FUZZ_N_LINKTYPES], data + 1,
				caplen, wirelen, &o))
		abort();
	fuzz_check(&m, caplen);
	for (unsigned bits = 0; bits < 16; bits++) {
		struct print_opts po = {
			.link = bits & 1,
			.verbose = bits & 2,
			.quiet = bits & 4,
			.vlevel = bits & 2 ? (bits & 8 ? 3 : 1) : 0, /* -v, -vvv */
			.tcp_relative = bits & 1,
			.tcp_seq_base = 12345,
			.tcp_ack_base = 54321,
		};
		size_t n = print_packet(line, sizeof(line), &m, &po);

		if (n >= sizeof(line) || strlen(line) != n)
			abort();
		if (print_packet(tiny, sizeof(tiny), &m, &po) != n || strncmp(tiny, line, 6))
			abort();
	}
	return 0;
}

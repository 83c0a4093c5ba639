/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dissect_test.h: helpers the dissector tests share: exact-size runs, truncation sweeps. */
#ifndef SOCKEYE_TEST_DISSECT_TEST_H
#define SOCKEYE_TEST_DISSECT_TEST_H

#include <pcap/dlt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "decode/dissect.h"
#include "decode/print.h"

/* A header a packet is expected to hold, in order: its protocol and length. */
struct dt_hdr {
	uint8_t proto;
	uint32_t len;
};

#define DT_N(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Dissect a private copy of exactly caplen bytes, so the sanitizer builds
 * catch any read past the capture, then print it every way there is: the
 * printer must cope with whatever the dissector left.
 */
static inline void dt_dissect(struct pkt_meta *m, int linktype, const uint8_t *p, size_t caplen,
			      size_t wirelen)
{
	uint8_t *copy = malloc(caplen ? caplen : 1);
	char line[PRINT_PACKET_MAX];

	assert_non_null(copy);
	memcpy(copy, p, caplen);
	assert_int_equal(dissect_packet(m, linktype, copy, caplen, wirelen), 0);
	free(copy);
	for (unsigned bits = 0; bits < 16; bits++) {
		struct print_opts o = {
			.link = bits & 1,
			.verbose = bits & 2,
			.quiet = bits & 4,
			.verbosity = bits & 2 ? (bits & 8 ? 3 : 1) : 0,
		};
		size_t n = print_packet(line, sizeof(line), m, &o);

		if (n >= sizeof(line) || strlen(line) != n)
			fail_msg("caplen %zu: summary of %zu bytes for a %zu-byte buffer", caplen,
				 n, sizeof(line));
	}
}

/* Dissect a whole packet and check it decoded to exactly the headers h. */
static inline void dt_whole(struct pkt_meta *m, int linktype, const uint8_t *p, size_t len,
			    const struct dt_hdr *h, size_t n)
{
	uint32_t off = 0;

	dt_dissect(m, linktype, p, len, len);
	if (m->truncated || m->invalid)
		fail_msg("flagged %s at layer %u, reason %u",
			 m->truncated ? "truncated" : "invalid", m->n_layers - 1u, m->reason);
	assert_int_equal(m->n_layers, n);
	for (size_t i = 0; i < n; i++) {
		if (m->layer[i].proto != h[i].proto || m->layer[i].off != off ||
		    m->layer[i].hdr_len != h[i].len)
			fail_msg("layer %zu: proto %u off %u len %u, want proto %u off %u len %u",
				 i, m->layer[i].proto, m->layer[i].off, m->layer[i].hdr_len,
				 h[i].proto, off, h[i].len);
		off += h[i].len;
	}
	assert_int_equal(m->payload_off, off);
}

/*
 * Cut the packet at every byte boundary, the wire length staying whole: each
 * cut inside a header marks exactly that header truncated, with the headers
 * before it intact; a cut in the payload marks nothing.
 */
static inline void dt_sweep(int linktype, const uint8_t *p, size_t len, const struct dt_hdr *h,
			    size_t n)
{
	size_t total = 0;

	for (size_t i = 0; i < n; i++)
		total += h[i].len;
	for (size_t cap = 0; cap <= len; cap++) {
		struct pkt_meta m;
		size_t k = 0, off = 0;

		dt_dissect(&m, linktype, p, cap, len);
		if (cap >= total) {
			if (m.truncated || m.invalid || m.n_layers != n)
				fail_msg("caplen %zu: flagged or %u layers, want %zu whole", cap,
					 m.n_layers, n);
			continue;
		}
		while (off + h[k].len <= cap)
			off += h[k++].len;
		if (!m.truncated || m.invalid || m.reason != PKT_REASON_SNAPLEN)
			fail_msg("caplen %zu: truncated %d invalid %d reason %u", cap, m.truncated,
				 m.invalid, m.reason);
		if (m.n_layers != k + 1)
			fail_msg("caplen %zu: stopped after %u layers, want %zu", cap, m.n_layers,
				 k + 1);
		for (size_t i = 0; i <= k; i++) {
			if (m.layer[i].proto != h[i].proto || m.layer[i].truncated != (i == k))
				fail_msg("caplen %zu: layer %zu proto %u truncated %d", cap, i,
					 m.layer[i].proto, m.layer[i].truncated);
		}
		if (m.layer[k].off != off || m.layer[k].hdr_len != cap - off)
			fail_msg("caplen %zu: cut layer at %u with %u bytes, want %zu with %zu",
				 cap, m.layer[k].off, m.layer[k].hdr_len, off, cap - off);
	}
}

/* A packet with byte patches applied, in a buffer of the caller's. */
struct dt_patch {
	size_t off;
	uint8_t val;
};

static inline void dt_patched(uint8_t *buf, const uint8_t *p, size_t len,
			      const struct dt_patch *patch, size_t n)
{
	memcpy(buf, p, len);
	for (size_t i = 0; i < n; i++)
		buf[patch[i].off] = patch[i].val;
}

/* Check decoding stopped at layer idx, of protocol proto, invalid for why. */
static inline void dt_expect_invalid(const char *what, const struct pkt_meta *m, unsigned idx,
				     uint8_t proto, enum pkt_reason why)
{
	if (!m->invalid || m->truncated || m->reason != why || m->n_layers != idx + 1 ||
	    m->layer[idx].proto != proto || !m->layer[idx].invalid)
		fail_msg("%s: invalid %d truncated %d reason %u layers %u (last proto %u); "
			 "want invalid layer %u proto %u reason %u",
			 what, m->invalid, m->truncated, m->reason, m->n_layers,
			 m->n_layers ? m->layer[m->n_layers - 1].proto : 0, idx, proto, why);
}

/* An Ethernet packet made invalid by patches, and where decoding must stop. */
struct dt_invalid {
	const char *name;
	const uint8_t *pkt;
	size_t len; /* bytes used, captured and on the wire */
	struct dt_patch patch[2];
	size_t n_patch;
	unsigned layer;
	uint8_t proto;
	enum pkt_reason why;
};

/* Table rows with no, one or two patches; proto and why without their prefixes. */
#define DT_BAD0(name, pkt, len, layer, proto, why)                                          \
	{                                                                                   \
		name, pkt, len, { { 0, 0 } }, 0, layer, PKT_PROTO_##proto, PKT_REASON_##why \
	}
#define DT_BAD1(name, pkt, len, at, val, layer, proto, why)                                    \
	{                                                                                      \
		name, pkt, len, { { at, val } }, 1, layer, PKT_PROTO_##proto, PKT_REASON_##why \
	}
#define DT_BAD2(name, pkt, len, at, val, at2, val2, layer, proto, why)                       \
	{                                                                                    \
		name, pkt, len, { { at, val }, { at2, val2 } }, 2, layer, PKT_PROTO_##proto, \
			PKT_REASON_##why                                                     \
	}

static inline void dt_run_invalid(const struct dt_invalid *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t p[256];
		struct pkt_meta m;

		assert_true(c[i].len <= sizeof(p));
		dt_patched(p, c[i].pkt, c[i].len, c[i].patch, c[i].n_patch);
		dt_dissect(&m, DLT_EN10MB, p, c[i].len, c[i].len);
		dt_expect_invalid(c[i].name, &m, c[i].layer, c[i].proto, c[i].why);
	}
}

#endif /* SOCKEYE_TEST_DISSECT_TEST_H */

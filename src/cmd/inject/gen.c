/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gen.c: builds template packets: fixed headers made once, varying fields patched per packet. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util/csum.h"
#include "cmd/inject/gen.h"

#define ETH_HLEN 14
#define VLAN_HLEN 4
#define HDR_MAX (ETH_HLEN + VLAN_HLEN + 40 + 20)
#define IPPROTO_ICMP_NUM 1
#define IPPROTO_TCP_NUM 6
#define IPPROTO_UDP_NUM 17
#define IPPROTO_ICMPV6_NUM 58

typedef unsigned __int128 u128;

struct gen {
	struct template t;
	uint8_t hdr[HDR_MAX];	/* link, IP and transport headers; lengths and sums left 0 */
	unsigned ip_off;	/* where the IP header starts */
	unsigned l4_off;	/* where the transport header starts */
	unsigned hdr_len;	/* where the payload starts */
	uint8_t l4_proto;
	uint32_t max_len;
	uint32_t max_payload;
	uint8_t *payload;	/* max_len - hdr_len bytes: the pattern, or zeros to pad with */
	uint32_t *psum;		/* psum[k]: the checksum sum of the first k payload bytes */
	bool constant;		/* every packet is the same */
	uint64_t rng;
};

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)(v >> 16));
	put16(p + 2, (uint16_t)v);
}

/* xorshift64*: fast, and good enough to spread test traffic over a range. */
static uint64_t rng_next(struct gen *g)
{
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return g->rng * 0x2545f4914f6cdd1dull;
}

/* An offset in [0, count) for packet n: n itself, or a random draw (count 0: 2^64). */
static uint64_t pick(struct gen *g, enum template_vary v, uint64_t n, uint64_t count)
{
	if (v == TEMPLATE_RANDOM)
		return count ? (uint64_t)(((u128)rng_next(g) * count) >> 64) : rng_next(g);
	return count ? n % count : n;
}

static uint64_t num_value(struct gen *g, const struct template_num *f, uint64_t n)
{
	if (f->vary == TEMPLATE_FIXED)
		return f->lo;
	return f->lo + pick(g, f->vary, n, f->hi - f->lo + 1);
}

static u128 load128(const uint8_t b[16])
{
	u128 v = 0;

	for (int i = 0; i < 16; i++)
		v = v << 8 | b[i];
	return v;
}

static void store_addr(uint8_t *p, u128 v, int family)
{
	int n = family == AF_INET ? 4 : 16;

	for (int i = n - 1; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

/* Writes address number n of the range to p (4 or 16 bytes). */
static void addr_value(struct gen *g, const struct template_addr *a, int family, uint64_t n,
		       uint8_t *p)
{
	u128 lo, span, off;

	if (a->vary == TEMPLATE_FIXED) {
		memcpy(p, a->lo, family == AF_INET ? 4 : 16);
		return;
	}
	if (family == AF_INET) {
		lo = load128(a->lo) >> 96;
		span = (load128(a->hi) >> 96) - lo;
	} else {
		lo = load128(a->lo);
		span = load128(a->hi) - lo;
	}
	/* span + 1 values; a range wider than 2^64 is walked by its first 2^64 */
	if (span >= UINT64_MAX)
		off = pick(g, a->vary, n, 0);
	else
		off = pick(g, a->vary, n, (uint64_t)span + 1);
	store_addr(p, lo + off, family);
}

static void build_link(struct gen *g, const struct gen_link *l, unsigned *off)
{
	uint16_t type = g->t.family == AF_INET6 ? 0x86dd : 0x0800;

	memcpy(g->hdr, l->dst_mac, 6);
	memcpy(g->hdr + 6, l->src_mac, 6);
	*off = 12;
	if (l->vlan >= 0) {
		put16(g->hdr + 12, 0x8100);
		put16(g->hdr + 14, (uint16_t)l->vlan);
		*off = 16;
	}
	put16(g->hdr + *off, type);
	*off += 2;
}

/* The IP and transport headers' fixed fields. */
static void build_headers(struct gen *g)
{
	const struct template *t = &g->t;
	uint8_t *ip = g->hdr + g->ip_off, *l4;

	if (t->family == AF_INET) {
		ip[0] = 0x45;
		ip[1] = t->tos;
		ip[8] = t->ttl;
		ip[9] = g->l4_proto;
	} else {
		ip[0] = (uint8_t)(0x60 | t->tos >> 4);
		ip[1] = (uint8_t)(t->tos << 4);
		ip[6] = g->l4_proto;
		ip[7] = t->ttl;
	}
	l4 = g->hdr + g->l4_off;
	if (t->proto == TEMPLATE_TCP) {
		l4[12] = 5 << 4;
		l4[13] = t->tcp_flags;
		put16(l4 + 14, t->win);
	} else if (t->proto == TEMPLATE_ICMP) {
		if (t->family == AF_INET)
			l4[0] = t->echo_reply ? 0 : 8;
		else
			l4[0] = t->echo_reply ? 129 : 128;
	}
}

/* Fills the payload area and its running sums (prefix sums: any length's sum at once). */
static int build_payload(struct gen *g)
{
	const struct template *t = &g->t;
	uint32_t area = g->max_len - g->hdr_len;

	g->payload = calloc(area ? area : 1, 1);
	g->psum = calloc((size_t)g->max_payload + 1, sizeof(*g->psum));
	if (!g->payload || !g->psum)
		return -ENOMEM;
	for (uint32_t i = 0; i < g->max_payload; i++) {
		if (t->fill_random)
			g->payload[i] = (uint8_t)rng_next(g);
		else if (t->fill_len)
			g->payload[i] = t->fill[i % t->fill_len];
	}
	for (uint32_t k = 0; k < g->max_payload; k++) {
		uint32_t s = g->psum[k] + (k % 2 ? g->payload[k] : (uint32_t)g->payload[k] << 8);

		g->psum[k + 1] = (s & 0xffff) + (s >> 16);
	}
	return 0;
}

static bool is_constant(const struct template *t)
{
	const struct template_num *nums[] = { &t->sport, &t->dport, &t->len, &t->payload, &t->ipid,
					      &t->seq, &t->ack, &t->id };

	if (t->src.vary != TEMPLATE_FIXED || t->dst.vary != TEMPLATE_FIXED)
		return false;
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		if (nums[i]->vary != TEMPLATE_FIXED)
			return false;
	return true;
}

int gen_new(struct gen **out, const struct template *t, const struct gen_link *l, uint64_t seed)
{
	struct gen *g;
	unsigned off;
	int err;

	*out = NULL;
	if (t->src.family != t->family || t->dst.family != t->family)
		return -EINVAL;
	g = calloc(1, sizeof(*g));
	if (!g)
		return -ENOMEM;
	g->t = *t;
	g->rng = seed * 0x9e3779b97f4a7c15ull + 0x2545f4914f6cdd1dull;
	g->rng = g->rng ? g->rng : 1;
	build_link(g, l, &off);
	g->ip_off = off;
	g->l4_off = off + (t->family == AF_INET ? 20 : 40);
	g->hdr_len = off + template_header_len(t);
	if (t->proto == TEMPLATE_UDP)
		g->l4_proto = IPPROTO_UDP_NUM;
	else if (t->proto == TEMPLATE_TCP)
		g->l4_proto = IPPROTO_TCP_NUM;
	else
		g->l4_proto = t->family == AF_INET ? IPPROTO_ICMP_NUM : IPPROTO_ICMPV6_NUM;
	if (t->len.set) {
		if (t->len.lo < g->hdr_len) {
			err = -EINVAL;
			goto fail;
		}
		g->max_len = (uint32_t)t->len.hi;
	} else if (t->payload.set) {
		g->max_len = g->hdr_len + (uint32_t)t->payload.hi;
	} else {
		g->max_len = g->hdr_len < TEMPLATE_MIN_FRAME ? TEMPLATE_MIN_FRAME : g->hdr_len;
	}
	if (g->max_len > TEMPLATE_MAX_FRAME + VLAN_HLEN) {
		err = -EINVAL;
		goto fail;
	}
	g->max_payload = t->len.set || t->payload.set ? g->max_len - g->hdr_len : 0;
	g->constant = is_constant(t);
	build_headers(g);
	err = build_payload(g);
	if (err)
		goto fail;
	*out = g;
	return 0;
fail:
	gen_free(g);
	return err;
}

void gen_free(struct gen *g)
{
	if (!g)
		return;
	free(g->payload);
	free(g->psum);
	free(g);
}

uint32_t gen_max_len(const struct gen *g)
{
	return g->max_len;
}

/* Transport header fields of packet n; its checksum comes after. */
static void fill_l4(struct gen *g, uint64_t n, uint8_t *l4, uint32_t l4_len)
{
	const struct template *t = &g->t;

	if (t->proto == TEMPLATE_ICMP) {
		put16(l4 + 4, (uint16_t)num_value(g, &t->id, n));
		put16(l4 + 6, (uint16_t)num_value(g, &t->seq, n));
		return;
	}
	put16(l4, (uint16_t)num_value(g, &t->sport, n));
	put16(l4 + 2, (uint16_t)num_value(g, &t->dport, n));
	if (t->proto == TEMPLATE_UDP) {
		put16(l4 + 4, (uint16_t)l4_len);
	} else {
		put32(l4 + 4, (uint32_t)num_value(g, &t->seq, n));
		put32(l4 + 8, (uint32_t)num_value(g, &t->ack, n));
	}
}

/* The transport checksum: pseudo-header (not for ICMPv4), header, and the payload's prefix sum. */
static void sum_l4(const struct gen *g, const uint8_t *ip, uint8_t *l4, uint32_t l4_len,
		   uint32_t payload)
{
	const struct template *t = &g->t;
	unsigned hlen = g->hdr_len - g->l4_off, csum_at = t->proto == TEMPLATE_UDP ? 6 :
							  t->proto == TEMPLATE_TCP ? 16 : 2;
	uint32_t sum = 0;
	uint16_t c;

	if (t->family == AF_INET && t->proto != TEMPLATE_ICMP)
		sum = csum_pseudo4(ip + 12, ip + 16, g->l4_proto, (uint16_t)l4_len);
	else if (t->family == AF_INET6)
		sum = csum_pseudo6(ip + 8, ip + 24, g->l4_proto, l4_len);
	sum = csum_add(sum, l4, hlen);
	c = csum_fold(sum + g->psum[payload]);
	/* UDP sends 0 as "no checksum": a computed 0 goes out as its other form, 0xffff. */
	if (c == 0 && t->proto == TEMPLATE_UDP)
		c = 0xffff;
	put16(l4 + csum_at, c);
}

uint32_t gen_build(struct gen *g, uint64_t n, uint8_t *buf, uint32_t prev_len)
{
	const struct template *t = &g->t;
	uint32_t frame, payload, l4_len;
	uint8_t *ip = buf + g->ip_off, *l4 = buf + g->l4_off;

	if (t->len.set) {
		frame = (uint32_t)num_value(g, &t->len, n);
		payload = frame - g->hdr_len;
	} else if (t->payload.set) {
		payload = (uint32_t)num_value(g, &t->payload, n);
		frame = g->hdr_len + payload;
	} else {
		payload = 0;
		frame = g->max_len;
	}
	if (g->constant && prev_len == frame)
		return frame;	/* the frame already holds this very packet */
	if (prev_len < frame) {
		uint32_t from = prev_len > g->hdr_len ? prev_len : g->hdr_len;

		memcpy(buf + from, g->payload + (from - g->hdr_len), frame - from);
	}
	memcpy(buf, g->hdr, g->hdr_len);
	l4_len = g->hdr_len - g->l4_off + payload;
	if (t->family == AF_INET) {
		addr_value(g, &t->src, AF_INET, n, ip + 12);
		addr_value(g, &t->dst, AF_INET, n, ip + 16);
		put16(ip + 2, (uint16_t)(20 + l4_len));
		put16(ip + 4, (uint16_t)num_value(g, &t->ipid, n));
		put16(ip + 10, csum_fold(csum_add(0, ip, 20)));
	} else {
		addr_value(g, &t->src, AF_INET6, n, ip + 8);
		addr_value(g, &t->dst, AF_INET6, n, ip + 24);
		put16(ip + 4, (uint16_t)l4_len);
	}
	fill_l4(g, n, l4, l4_len);
	sum_l4(g, ip, l4, l4_len, payload);
	return frame;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* l4csum.c: verify TCP, UDP, ICMP and ICMPv6 checksums (RFC 1071), when asked. */
#include "config.h"

#include <stdint.h>

#include "decode/l4csum.h"
#include "decode/proto.h"
#include "util/csum.h"

/* The pseudo-header's sum for this level's network layer; false when there is none. */
static bool csum_pseudo(const struct pkt_level *l, uint8_t ipproto, size_t len, uint32_t *sum)
{
	if (l->net == PKT_PROTO_IPV4) {
		/* a GSO super-packet's length does not fit: its checksum is the NIC's job anyway */
		if (len > UINT16_MAX)
			return false;
		*sum = csum_pseudo4(l->ip4.src, l->ip4.dst, ipproto, (uint16_t)len);
		return true;
	}
	if (l->net == PKT_PROTO_IPV6) {
		/* a routing header with segments left names the final destination (RFC 8200 8.1) */
		const uint8_t *dst = l->ip6.has_rt_final ? l->ip6.rt_final : l->ip6.dst;

		*sum = csum_pseudo6(l->ip6.src, dst, ipproto, (uint32_t)len);
		return true;
	}
	return false;
}

void l4csum_verify(struct pkt_meta *m, const uint8_t *seg, const struct pkt_cursor *c,
		   uint8_t ipproto, size_t csum_off)
{
	l4csum_verify_cov(m, seg, c, ipproto, csum_off, SIZE_MAX);
}

void l4csum_verify_cov(struct pkt_meta *m, const uint8_t *seg, const struct pkt_cursor *c,
		       uint8_t ipproto, size_t csum_off, size_t cov)
{
	struct pkt_level *l = proto_level(m);
	size_t len = (size_t)(c->end - seg);
	uint32_t sum = 0;
	uint16_t field;

	l->csum = PKT_CSUM_UNCHECKED;
	/* A first fragment holds only part of what the checksum covers. */
	if (!m->csum_verify || l->frag || len < csum_off + 2)
		return;
	field = (uint16_t)(seg[csum_off] << 8 | seg[csum_off + 1]);
	if (ipproto == PROTO_IP_UDP && !field && l->net == PKT_PROTO_IPV4) {
		l->csum = PKT_CSUM_ABSENT;
		return;
	}
	if (c->snapped) {
		/* Not all captured: only the receive path's own check can vouch for it. */
		if (m->csum_hint == PKT_CSUM_HINT_VALID && m->level == 0)
			l->csum = PKT_CSUM_KERNEL;
		return;
	}
	if (ipproto != PROTO_IP_ICMP && !csum_pseudo(l, ipproto, len, &sum))
		return;
	sum = csum_add(sum, seg, cov < len ? cov : len);
	if (!csum_fold(sum)) {
		l->csum = PKT_CSUM_OK;
		return;
	}
	/*
	 * An outgoing packet under checksum offload carries only the
	 * pseudo-header's sum: the NIC finishes it after the tap saw it.
	 */
	if (m->csum_hint == PKT_CSUM_HINT_NOT_READY) {
		l->csum = PKT_CSUM_OFFLOAD;
		return;
	}
	l->csum = PKT_CSUM_BAD;
	/* The sum without the field, complemented: what the field should hold. */
	l->csum_good = csum_fold(sum + (uint16_t)~field);
	/* UDP sends a computed 0 as 0xffff: 0 means no checksum (RFC 768). */
	if (ipproto == PROTO_IP_UDP && !l->csum_good)
		l->csum_good = 0xffff;
}

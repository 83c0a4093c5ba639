/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_udp.c: the UDP header (RFC 768): dissector and printer; tunnels follow by port. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/l4csum.h"
#include "decode/line.h"
#include "decode/packettype.h"
#include "decode/proto.h"

#define UDP_HDR_LEN  8
#define UDP_CSUM_OFF 6

/* What the datagram carries: -T's decoder, a tunnel or an application by port. */
static int udp_next(const struct pkt_meta *m, const struct pkt_udp *u)
{
	/* -T: one decoder for every datagram, ports aside, as tcpdump's udp_print */
	if (m->packettype) {
		int forced = packettype_app(m->packettype, true);

		return forced == PKT_FORCE_SILENT ? PKT_PROTO_NONE : forced;
	}
	/* Tunnels by port only in the outer headers: one tunnel deep. */
	if (m->level == 0) {
		/* either port, the destination's first, as tcpdump */
		int next = dispatch_app(DISPATCH_UDP_PORT, u->sport, u->dport);

		if (next != PKT_PROTO_NONE)
			return next;
	}
	return dispatch_app(DISPATCH_UDP_APP, u->sport, u->dport);
}

/*
 * RFC 768:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
int proto_udp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_udp *u = &l->udp;
	const uint8_t *start = c->p;

	l->trans = PKT_PROTO_UDP;
	*u = (struct pkt_udp){ 0 };
	if (!pkt_get_be16(c, &u->sport) || !pkt_get_be16(c, &u->dport) ||
	    !pkt_get_be16(c, &u->len) || !pkt_get_be16(c, &u->csum))
		return proto_short(m, UDP_HDR_LEN);
	if (u->len < UDP_HDR_LEN)
		return proto_invalid(m, PKT_REASON_UDP_LEN);
	/*
	 * A first fragment holds only the start of the datagram the length covers: no clamp and
	 * no checksum, but its application decodes up to the fragment's end, as tcpdump's.
	 */
	if (!l->frag) {
		if (!pkt_clamp(c, u->len - UDP_HDR_LEN)) {
			/*
			 * A length past the IP payload's end: tcpdump 4.99's udp_print still
			 * decodes what its ports select, up to that end, and says "bad length"
			 * only of a datagram it has no decoder for; either way its checksum
			 * covers the IP payload.
			 */
			int next = udp_next(m, u);

			l4csum_verify(m, start, c, PROTO_IP_UDP, UDP_CSUM_OFF);

			return next != PKT_PROTO_NONE ? next :
							proto_invalid(m, PKT_REASON_UDP_LEN_PAST_END);
		}
		/* c now ends where the UDP length does: the whole datagram */
		l4csum_verify(m, start, c, PROTO_IP_UDP, UDP_CSUM_OFF);
	}

	return udp_next(m, u);
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

/* Ports were read when the header is whole or at least 4 bytes were there. */
static bool udp_has_ports(const struct pkt_layer *ly)
{
	return !(ly->truncated || ly->invalid) || ly->hdr_len >= 4;
}

bool proto_udp_print(struct line *x)
{
	const struct pkt_layer *ly = line_layer(x);
	const struct pkt_udp *u = &line_level(x)->udp;
	struct pbuf *b = &x->b;

	/*
	 * -T of a type tcpdump's udp_print has no case for (zmtp1, resp, carp):
	 * it prints nothing of the datagram, not even the ports.
	 */
	if (x->m->packettype && !ly->truncated && !ly->invalid &&
	    packettype_app(x->m->packettype, true) == PKT_FORCE_SILENT)
		return true;
	line_addrs(x, udp_has_ports(ly), u->sport, u->dport);
	if (ly->truncated || ly->reason == PKT_REASON_SHORT)
		return line_trunc_sp(x, "udp");
	if (ly->reason == PKT_REASON_UDP_LEN) {
		pbuf_puts(b, "truncated-udplength ");
		pbuf_u32(b, u->len);
		return true;
	}
	/* before a tunnel's header too; over IPv4 from -vv only; never with -T, as tcpdump */
	if (!x->m->packettype && (line_level(x)->net != PKT_PROTO_IPV4 || line_verbosity(x) > 1))
		line_csum(x, "udp", u->csum);
	if (ly->reason == PKT_REASON_UDP_LEN_PAST_END) {
		pbuf_puts(b, "UDP, bad length ");
		pbuf_u32(b, u->len - 8u);
		pbuf_puts(b, " > ");
		pbuf_u32(b, ly->wire_len - 8u);
		return true;
	}
	/* -q keeps a tunnel's payload undecoded, as tcpdump does */
	if (line_more(x) && !x->o->quiet)
		return false;
	pbuf_puts(b, "UDP, length ");
	pbuf_u32(b, u->len - 8u);
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_udp.c: the UDP header (RFC 768): dissector and printer; tunnels follow by port. */
#include "config.h"

#include "decode/dispatch.h"
#include "decode/l4csum.h"
#include "decode/line.h"
#include "decode/packettype.h"
#include "decode/proto.h"
#include "decode/proto_media.h"
#include "decode/proto_rpc.h"

#define UDP_HDR_LEN  8
#define UDP_CSUM_OFF 6

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
/*
 * The application by port, the first key in tcpdump's order either port
 * matches; but tcpdump's vat and wb are by destination port only, and
 * Broadcom's lawful intercept by source port only: the other port alone
 * looks on.
 */
static int udp_app(uint16_t sport, uint16_t dport)
{
	const struct dispatch_table *t = &dispatch_tables[DISPATCH_UDP_APP];

	for (size_t i = 0; i < t->n; i++) {
		const struct dispatch_key *k = &t->keys[i];
		bool hit;

		switch (k->proto) {
		case PKT_PROTO_VAT:
		case PKT_PROTO_WB:
			hit = k->key == dport;
			break;
		case PKT_PROTO_BCM_LI:
			hit = k->key == sport;
			break;
		default:
			hit = k->key == sport || k->key == dport;
			break;
		}
		if (hit)
			return k->proto;
	}
	return PKT_PROTO_NONE;
}

/* What the ports (or -T) say follows the header; PKT_PROTO_NONE when nothing is decoded. */
static int udp_next(const struct pkt_cursor *c, const struct pkt_meta *m, const struct pkt_udp *u)
{
	/* -T: one decoder for every datagram, ports aside, as tcpdump's udp_print */
	if (m->packettype) {
		int forced = packettype_app(m->packettype, true);

		return forced == PKT_FORCE_SILENT ? PKT_PROTO_NONE : forced;
	}
	/*
	 * An NFS call to port 2049 or reply from it, before any port and before
	 * the length check (over the IP payload): tcpdump's first test
	 */
	if (proto_rpc_nfs_match(c, u->sport, u->dport, false))
		return PKT_PROTO_NFS;
	/* Tunnels by port only in the outer headers: one tunnel deep. */
	if (m->level == 0) {
		/* either port, the destination's first, as tcpdump */
		int next = dispatch_app(DISPATCH_UDP_PORT, u->sport, u->dport);

		if (next != PKT_PROTO_NONE)
			return next;
	}
	return udp_app(u->sport, u->dport);
}

int proto_udp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_udp *u = &l->udp;
	const uint8_t *start = c->p;
	int next;

	l->trans = PKT_PROTO_UDP;
	*u = (struct pkt_udp){ 0 };
	if (!pkt_get_be16(c, &u->sport) || !pkt_get_be16(c, &u->dport) ||
	    !pkt_get_be16(c, &u->len) || !pkt_get_be16(c, &u->csum))
		return proto_short(m, UDP_HDR_LEN);
	if (u->len < UDP_HDR_LEN)
		return proto_invalid(m, PKT_REASON_UDP_LEN);
	next = udp_next(c, m, u);
	/*
	 * A first fragment holds only the start of the datagram the length covers: no clamp and
	 * no checksum, but its application decodes up to the fragment's end, as tcpdump's.
	 */
	if (!l->frag) {
		/*
		 * A length past the IP payload: tcpdump's udp_print still hands the IP payload
		 * to the application its ports name, and says "bad length" only when none does.
		 */
		if (!pkt_clamp(c, u->len - UDP_HDR_LEN) && next == PKT_PROTO_NONE)
			return proto_invalid(m, PKT_REASON_UDP_LEN_PAST_END);
		/* c now ends where the UDP length or the IP payload does, whichever is first */
		l4csum_verify(m, start, c, PROTO_IP_UDP, UDP_CSUM_OFF);
	}
	return next;
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
	/* -T rpc: tcpdump's sunrpc printers write the addresses their own way */
	if (x->m->packettype && line_more(x) && x->m->layer[x->i + 1].proto == PKT_PROTO_SUNRPC)
		return false;
	line_addrs(x, udp_has_ports(ly), u->sport, u->dport);
	if (ly->truncated || ly->reason == PKT_REASON_SHORT)
		return line_trunc_sp(x, "udp");
	if (ly->reason == PKT_REASON_UDP_LEN) {
		pbuf_puts(b, "truncated-udplength ");
		pbuf_u32(b, u->len);
		return true;
	}
	/*
	 * before a tunnel's header too, and before "bad length"; over IPv4 from -vv only; never
	 * with -T, nor before NFS (tcpdump prints NFS first and returns), as tcpdump
	 */
	if (!x->m->packettype && !(line_more(x) && x->m->layer[x->i + 1].proto == PKT_PROTO_NFS) &&
	    (line_level(x)->net != PKT_PROTO_IPV4 || line_verbosity(x) > 1))
		line_csum(x, "udp", u->csum);
	if (ly->reason == PKT_REASON_UDP_LEN_PAST_END) {
		pbuf_puts(b, "UDP, bad length ");
		pbuf_u32(b, u->len - 8u);
		pbuf_puts(b, " > ");
		pbuf_u32(b, ly->wire_len - 8u);
		return true;
	}
	/* -q keeps a tunnel's payload undecoded, as tcpdump does, but not what -T forces */
	if (line_more(x) && (!x->o->quiet || x->m->packettype))
		return false;
	pbuf_puts(b, "UDP, length ");
	pbuf_u32(b, u->len - 8u);
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_msnlb.c: Microsoft Network Load Balancing heartbeats (ethertype 0x886f). */
#include "config.h"

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"

/*
 * The heartbeat is undocumented; tcpdump reads its first 20 bytes:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    unknown (8 bytes)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                host priority (little-endian)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   cluster (virtual) IPv4                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        host IPv4                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The printer reads the bytes.
 */
#define MSNLB_PRIO_OFF	  8
#define MSNLB_CLUSTER_OFF 12
#define MSNLB_HOST_OFF	  16

int proto_msnlb_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->net = PKT_PROTO_MSNLB;
	return PKT_PROTO_NONE;
}

bool proto_msnlb_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg g;
	const uint8_t *p;

	pbuf_puts(b, "MS NLB heartbeat");
	if (!msg_of(&g, x) || !msg_has(&g, MSNLB_PRIO_OFF, 4))
		return msg_trunc(x, "msnlb");
	p = g.p + MSNLB_PRIO_OFF;
	msg_printf(b, ", host priority: %u",
		   (unsigned)(p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24));
	pbuf_puts(b, ", cluster IP: ");
	if (!msg_has(&g, MSNLB_CLUSTER_OFF, 4))
		return msg_trunc(x, "msnlb");
	pbuf_ip4(b, g.p + MSNLB_CLUSTER_OFF);
	pbuf_puts(b, ", host IP: ");
	if (!msg_has(&g, MSNLB_HOST_OFF, 4))
		return msg_trunc(x, "msnlb");
	pbuf_ip4(b, g.p + MSNLB_HOST_OFF);
	return true;
}

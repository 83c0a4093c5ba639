/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_vsock.c: Linux vsockmon captures (DLT_VSOCK), as tcpdump 4.99 prints them. */
#include "config.h"

#include <inttypes.h>

#include "decode/line.h"
#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_vsock.h"

/*
 * The vsockmon device's header (linux/vsockmon.h), little-endian:
 *
 *   0  source CID (64 bits)       16  source port (32)     24  op (16)
 *   8  destination CID (64 bits)  20  destination port     26  transport (16)
 *                                                          28  transport header length (16)
 *                                                          30  reserved (16)
 *
 * then the transport's header (virtio: 44 bytes, below) and the payload.
 * The dissector takes the header; the printer and the JSON view read the
 * bytes again.
 */
#define VSOCK_TRANSPORT_VIRTIO 2
#define VSOCK_OP_PAYLOAD       4

/*
 * virtio's header (linux/virtio_vsock.h), little-endian, after vsockmon's:
 * the CIDs and ports again, then
 *
 *  24  payload length (32)   28  type (16)   30  op (16)   32  flags (32)
 *  36  buffer allocated (32)                 40  forwarded count (32)
 */
#define VIRTIO_LEN_OFF	     24
#define VIRTIO_TYPE_OFF	     28
#define VIRTIO_OP_OFF	     30
#define VIRTIO_FLAGS_OFF     32
#define VIRTIO_BUF_ALLOC_OFF 36
#define VIRTIO_FWD_CNT_OFF   40

uint32_t proto_vsock_transport_len(uint16_t transport)
{
	return transport == VSOCK_TRANSPORT_VIRTIO ? VSOCK_VIRTIO_HDR_LEN : 0;
}

int proto_vsock_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	const uint8_t *p = pkt_peek(c, VSOCK_HDR_LEN);

	proto_level(m)->link = PKT_PROTO_VSOCK;
	if (!p)
		return proto_short(m, VSOCK_HDR_LEN);
	/* tcpdump's link header is vsockmon's alone (-x dumps the transport's header) */
	pkt_skip(c, VSOCK_HDR_LEN);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const struct msg_tok vsock_transports[] = {
	{ 0, "UNKNOWN" },
	{ 1, "NO_INFO" },
	{ VSOCK_TRANSPORT_VIRTIO, "VIRTIO" },
	{ 0, NULL },
};

static const struct msg_tok vsock_ops[] = {
	{ 0, "UNKNOWN" },
	{ 1, "CONNECT" },
	{ 2, "DISCONNECT" },
	{ 3, "CONTROL" },
	{ VSOCK_OP_PAYLOAD, "PAYLOAD" },
	{ 0, NULL },
};

static const struct msg_tok virtio_types[] = {
	{ 1, "STREAM" },
	{ 0, NULL },
};

static const struct msg_tok virtio_ops[] = {
	{ 0, "INVALID" },
	{ 1, "REQUEST" },
	{ 2, "RESPONSE" },
	{ 3, "RST" },
	{ 4, "SHUTDOWN" },
	{ 5, "RW" },
	{ 6, "CREDIT UPDATE" },
	{ 7, "CREDIT REQUEST" },
	{ 0, NULL },
};

/* "len 0, type STREAM, op REQUEST, flags 0, buf_alloc 262144, fwd_cnt 0" */
static void vsock_virtio(struct pbuf *b, const uint8_t *h)
{
	msg_printf(b, "len %u, type ", pkt_le32(h + VIRTIO_LEN_OFF));
	msg_tok_put(b, virtio_types, "Invalid type (%u)", pkt_le16(h + VIRTIO_TYPE_OFF));
	pbuf_puts(b, ", op ");
	msg_tok_put(b, virtio_ops, "Invalid op (%u)", pkt_le16(h + VIRTIO_OP_OFF));
	msg_printf(b, ", flags %x, buf_alloc %u, fwd_cnt %u", pkt_le32(h + VIRTIO_FLAGS_OFF),
		   pkt_le32(h + VIRTIO_BUF_ALLOC_OFF),
		   pkt_le32(h + VIRTIO_FWD_CNT_OFF));
}

bool proto_vsock_print(struct line *x)
{
	struct pbuf *b = &x->b;
	unsigned v = line_verbosity(x);
	uint16_t transport, op;
	uint32_t total;
	bool cut = false;
	struct msg g;

	msg_of(&g, x);
	if (!msg_has(&g, 0, VSOCK_HDR_LEN))
		return line_trunc_sp(x, "vsock");
	transport = pkt_le16(g.p + 26);
	op = pkt_le16(g.p + 24);
	total = VSOCK_HDR_LEN + proto_vsock_transport_len(transport);
	msg_tok_put(b, vsock_transports, "Invalid transport (%u)", transport);
	if (!v) {
		pbuf_putc(b, ' ');
	} else if (g.cap < total) {
		/* tcpdump marks the cut transport header at the end, after no separator */
		cut = true;
	} else {
		if (transport == VSOCK_TRANSPORT_VIRTIO) {
			pbuf_puts(b, " (");
			vsock_virtio(b, g.p + VSOCK_HDR_LEN);
			pbuf_putc(b, ')');
		}
		pbuf_puts(b, "\n\t");
	}
	/* tcpdump's length is the captured one */
	msg_printf(b, "%" PRIu64 ".%u > %" PRIu64 ".%u ", pkt_le64(g.p),
		   pkt_le32(g.p + 16), pkt_le64(g.p + 8), pkt_le32(g.p + 20));
	msg_tok_put(b, vsock_ops, " invalid op (%u)", op);
	msg_printf(b, ", length %u", g.cap);
	if (cut)
		return msg_trunc(x, "vsock");
	if (v > 1 && op == VSOCK_OP_PAYLOAD) {
		if (g.cap <= total)
			return msg_trunc(x, "vsock");
		pbuf_putc(b, '\n');
		msg_hex_at(b, &g, total, g.cap - total, "\t");
	}
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_tftp.c: TFTP (RFC 1350, options RFC 2347): dissector and tcpdump's text. */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"

enum { TFTP_RRQ = 1, TFTP_WRQ, TFTP_DATA, TFTP_ACK, TFTP_ERROR, TFTP_OACK };

/*
 * RFC 1350 section 5: a 2-byte opcode, then by opcode a file name and mode
 * (NUL-terminated strings), a block number, or an error code and message.
 * Only the opcode and the number after it are kept; the strings are read when
 * printed.
 */
int proto_tftp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_tftp *t = &l->tftp;

	l->app = PKT_PROTO_TFTP;
	*t = (struct pkt_tftp){ 0 };
	t->has_opcode = pkt_get_be16(c, &t->opcode);
	if (t->has_opcode)
		t->has_num = pkt_get_be16(c, &t->num);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const char *const tftp_ops[] = {
	[TFTP_RRQ] = "RRQ",   [TFTP_WRQ] = "WRQ",     [TFTP_DATA] = "DATA",
	[TFTP_ACK] = "ACK",   [TFTP_ERROR] = "ERROR", [TFTP_OACK] = "OACK",
};

static const char *const tftp_errors[] = {
	"EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE", "EBADOP", "EBADID", "EEXISTS", "ENOUSER",
};

const char *proto_tftp_op_name(uint16_t op)
{
	return op >= TFTP_RRQ && op <= TFTP_OACK ? tftp_ops[op] : NULL;
}

const char *proto_tftp_error_name(uint16_t code)
{
	return code < sizeof(tftp_errors) / sizeof(tftp_errors[0]) ? tftp_errors[code] : NULL;
}

/* Options (RRQ/WRQ after the mode, OACK): each string with a space before a non-empty one. */
static bool tftp_print_options(struct pbuf *b, const struct msg *a, size_t off, size_t len)
{
	while (len) {
		size_t took;

		if (off >= a->cap)
			return false;
		if (msg_u8(a, off))
			pbuf_putc(b, ' ');
		took = msg_printztn(b, a, off, len);
		if (!took)
			return false;
		off += took;
		len -= took;
	}
	return true;
}

/* The body after the opcode; false where tcpdump marks the message truncated. */
static bool tftp_print_body(struct pbuf *b, const struct msg *a, uint16_t op)
{
	size_t off = 2, len = a->len - 2, took;

	switch (op) {
	case TFTP_RRQ:
	case TFTP_WRQ:
		if (!len)
			return false;
		pbuf_puts(b, " \"");
		took = msg_printztn(b, a, off, len);
		pbuf_putc(b, '"');
		if (!took)
			return false;
		off += took;
		len -= took;
		if (!len)
			return false; /* no mode */
		pbuf_putc(b, ' ');
		took = msg_printztn(b, a, off, len);
		if (!took)
			return false;
		return tftp_print_options(b, a, off + took, len - took);
	case TFTP_OACK:
		return tftp_print_options(b, a, off, len);
	case TFTP_DATA:
	case TFTP_ACK:
		if (len < 2 || !msg_has(a, off, 2))
			return false;
		pbuf_puts(b, " block ");
		pbuf_u32(b, msg_u16(a, off));
		return true;
	default: /* TFTP_ERROR */
		if (len < 2 || !msg_has(a, off, 2))
			return false;
		pbuf_putc(b, ' ');
		msg_name_or(b, proto_tftp_error_name(msg_u16(a, off)), "tftp-err-#", msg_u16(a, off));
		if (!proto_tftp_error_name(msg_u16(a, off)))
			pbuf_puts(b, " \"");
		off += 2;
		len -= 2;
		if (!len)
			return false; /* no message */
		pbuf_puts(b, " \"");
		took = msg_printztn(b, a, off, len);
		pbuf_putc(b, '"');
		return took != 0;
	}
}

bool proto_tftp_print(struct line *x)
{
	struct pbuf *b = &x->b;
	struct msg a;
	uint16_t op;

	msg_of(&a, x);
	pbuf_puts(b, "TFTP, length ");
	pbuf_u32(b, a.len);
	if (a.len < 2 || !msg_has(&a, 0, 2))
		return msg_trunc_put(b, "tftp");
	op = msg_u16(&a, 0);
	pbuf_puts(b, ", ");
	msg_name_or(b, proto_tftp_op_name(op), "tftp-#", op);
	if (!proto_tftp_op_name(op))
		return true; /* tcpdump bails on an opcode it does not know */
	if (!tftp_print_body(b, &a, op))
		return msg_trunc_put(b, "tftp");
	return true;
}

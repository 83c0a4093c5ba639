/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_svc.c: the JSON of the services and security layers, one function a protocol. */
#include "config.h"

#include <string.h>

#include "decode/names.h"
#include "decode/proto.h"
#include "decode/proto_app.h"
#include "decode/view_packet_svc.h"

/* The message of layer ly as its printer sees it (proto_app.h). */
static void svc_msg(struct app_msg *a, const struct pkt_meta *m, const struct pkt_layer *ly,
		    const uint8_t *data)
{
	a->p = NULL;
	a->len = ly->wire_len;
	a->cap = 0;
	if (!data || ly->off > m->caplen)
		return;
	a->p = data + ly->off;
	a->cap = m->caplen - ly->off < ly->wire_len ? m->caplen - ly->off : ly->wire_len;
}

/* A NUL-terminated string at off within n bytes: its length, or -1 when cut or unterminated. */
static long svc_strlen(const struct app_msg *a, size_t off, size_t n)
{
	for (size_t i = 0; i < n && off + i < a->cap; i++)
		if (!a->p[off + i])
			return (long)i;
	return -1;
}

static void put_tftp(struct fmt_details *fd, const struct pkt_tftp *t, const struct app_msg *a)
{
	const char *op = t->has_opcode ? proto_tftp_op_name(t->opcode) : NULL;
	size_t off = 2;
	long n;

	fmt_details_object_begin(fd, "tftp");
	fmt_details_u64(fd, "len", a->len);
	if (t->has_opcode) {
		fmt_details_u64(fd, "opcode", t->opcode);
		if (op)
			fmt_details_str(fd, "op", op);
	}
	switch (op ? t->opcode : 0) {
	case 1: /* RRQ */
	case 2: /* WRQ */
		n = svc_strlen(a, off, a->len - off);
		if (n < 0)
			break;
		fmt_details_str_len(fd, "file", a->p + off, (size_t)n);
		off += (size_t)n + 1;
		n = svc_strlen(a, off, a->len - off);
		if (n >= 0)
			fmt_details_str_len(fd, "mode", a->p + off, (size_t)n);
		break;
	case 3: /* DATA */
	case 4: /* ACK */
		if (t->has_num)
			fmt_details_u64(fd, "block", t->num);
		break;
	case 5: /* ERROR */
		if (!t->has_num)
			break;
		fmt_details_u64(fd, "error_code", t->num);
		if (proto_tftp_error_name(t->num))
			fmt_details_str(fd, "error", proto_tftp_error_name(t->num));
		n = svc_strlen(a, 4, a->len - 4);
		if (n >= 0)
			fmt_details_str_len(fd, "message", a->p + 4, (size_t)n);
		break;
	}
	fmt_details_object_end(fd);
}

void view_packet_svc(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data)
{
	const struct pkt_level *l = &m->l[ly->level < 2 ? ly->level : 1];
	struct app_msg a;

	svc_msg(&a, m, ly, data);
	switch (ly->proto) {
	case PKT_PROTO_TFTP:
		put_tftp(fd, &l->tftp, &a);
		break;
	}
}

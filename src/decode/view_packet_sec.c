/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_sec.c: typed JSON fields of MACsec, PPPoE, RADIUS, ISAKMP/IKE and syslog. */
#include "config.h"

#include "decode/pbuf.h"
#include "decode/proto_msg.h"
#include "decode/proto.h"
#include "decode/proto_radius.h"
#include "decode/view_packet_sec.h"

#define SEC_MAX_ITEMS 64 /* attributes, tags or payloads listed at most */

static void put_hex(struct fmt_details *fd, const char *key, const uint8_t *p, size_t n)
{
	char hex[2 * 16 + 1];
	struct pbuf b;

	if (n > 16)
		return;
	pbuf_init(&b, hex, sizeof(hex));
	msg_hex(&b, p, n);
	fmt_details_str_len(fd, key, hex, 2 * n);
}

static void put_macsec(struct fmt_details *fd, const struct pkt_macsec *s)
{
	uint8_t sci[8];

	fmt_details_object_begin(fd, "macsec");
	fmt_details_u64(fd, "tci", s->tci_an & 0xfc);
	fmt_details_u64(fd, "an", s->tci_an & 0x03);
	fmt_details_u64(fd, "pn", s->pn);
	fmt_details_u64(fd, "sl", s->sl);
	if (s->tci_an & 0x20) {
		for (int i = 0; i < 8; i++)
			sci[i] = (uint8_t)(s->sci >> (56 - 8 * i));
		put_hex(fd, "sci", sci, 8);
	}
	fmt_details_bool(fd, "encrypted", s->encrypted);
	if (s->has_type)
		fmt_details_u64(fd, "ethertype", s->type);
	fmt_details_object_end(fd);
}

static void put_pppoe(struct fmt_details *fd, const struct pkt_pppoe *p, const struct msg *a)
{
	size_t off = 6, end = 6u + p->len;
	unsigned n = 0;

	fmt_details_object_begin(fd, "pppoe");
	fmt_details_u64(fd, "version", p->ver);
	fmt_details_u64(fd, "type", p->type);
	fmt_details_u64(fd, "code", p->code);
	fmt_details_u64(fd, "session", p->session);
	fmt_details_u64(fd, "len", p->len);
	if (p->code) {
		fmt_details_array_begin(fd, "tags");
		while (off + 4 <= end && msg_has(a, off, 4) && n++ < SEC_MAX_ITEMS) {
			uint16_t type = msg_u16(a, off), len = msg_u16(a, off + 2);

			fmt_details_object_begin(fd, NULL);
			fmt_details_u64(fd, "tag", type);
			fmt_details_u64(fd, "len", len);
			fmt_details_object_end(fd);
			off += 4u + len;
			if (!type)
				break;
		}
		fmt_details_array_end(fd);
	}
	fmt_details_object_end(fd);
}

static void put_radius(struct fmt_details *fd, const struct pkt_radius *r, const struct msg *a)
{
	size_t off = 20, end;
	unsigned n = 0;

	fmt_details_object_begin(fd, "radius");
	fmt_details_u64(fd, "len", a->len);
	if (r->has_header) {
		fmt_details_u64(fd, "code", r->code);
		if (proto_radius_code_name(r->code))
			fmt_details_str(fd, "code_name", proto_radius_code_name(r->code));
		fmt_details_u64(fd, "id", r->id);
		fmt_details_u64(fd, "radius_len", r->len);
		if (msg_has(a, 4, 16))
			put_hex(fd, "authenticator", a->p + 4, 16);
		end = r->len < a->len ? r->len : a->len;
		fmt_details_array_begin(fd, "attrs");
		while (off + 2 <= end && msg_has(a, off, 2) && n++ < SEC_MAX_ITEMS) {
			uint8_t type = msg_u8(a, off), len = msg_u8(a, off + 1);

			fmt_details_object_begin(fd, NULL);
			fmt_details_u64(fd, "type", type);
			fmt_details_u64(fd, "len", len);
			fmt_details_object_end(fd);
			if (len < 2)
				break;
			off += len;
		}
		fmt_details_array_end(fd);
	}
	fmt_details_object_end(fd);
}

static void put_isakmp(struct fmt_details *fd, const struct pkt_isakmp *k, const struct msg *a)
{
	size_t off = k->nonesp ? 4 : 0;

	fmt_details_object_begin(fd, "isakmp");
	fmt_details_u64(fd, "len", a->len);
	fmt_details_bool(fd, "natt", k->natt);
	if (k->natt) {
		fmt_details_bool(fd, "keepalive", k->keepalive);
		fmt_details_bool(fd, "esp", k->esp);
	}
	if (k->has_header) {
		put_hex(fd, "icookie", a->p + off, 8);
		put_hex(fd, "rcookie", a->p + off + 8, 8);
		fmt_details_u64(fd, "next_payload", k->np);
		fmt_details_u64(fd, "major", k->version >> 4);
		fmt_details_u64(fd, "minor", k->version & 0x0f);
		fmt_details_u64(fd, "exchange", k->etype);
		fmt_details_u64(fd, "flags", k->flags);
		fmt_details_u64(fd, "msgid", k->msgid);
		fmt_details_u64(fd, "isakmp_len", k->len);
	}
	fmt_details_object_end(fd);
}

static void put_syslog(struct fmt_details *fd, const struct pkt_syslog *s, const struct msg *a)
{
	fmt_details_object_begin(fd, "syslog");
	fmt_details_u64(fd, "len", a->len);
	fmt_details_bool(fd, "invalid", s->invalid);
	if (s->has_pri) {
		fmt_details_u64(fd, "facility", s->pri >> 3);
		if (proto_syslog_facility_name(s->pri >> 3))
			fmt_details_str(fd, "facility_name", proto_syslog_facility_name(s->pri >> 3));
		fmt_details_u64(fd, "severity", s->pri & 7);
		fmt_details_str(fd, "severity_name", proto_syslog_severity_name(s->pri & 7));
		if (a->cap > s->msg_off)
			fmt_details_str_len(fd, "msg", a->p + s->msg_off, a->cap - s->msg_off);
	}
	fmt_details_object_end(fd);
}

bool view_packet_sec(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data)
{
	const struct pkt_level *l = &m->l[ly->level < 2 ? ly->level : 1];
	struct msg a;

	switch (ly->proto) {
	case PKT_PROTO_MACSEC:
		if (!ly->truncated && !ly->invalid)
			put_macsec(fd, &m->macsec);
		return true;
	case PKT_PROTO_PPPOE:
		msg_at(&a, m, data, ly);
		if (!ly->truncated && !ly->invalid)
			put_pppoe(fd, &m->pppoe, &a);
		return true;
	case PKT_PROTO_RADIUS:
		msg_at(&a, m, data, ly);
		put_radius(fd, &l->radius, &a);
		return true;
	case PKT_PROTO_ISAKMP:
		msg_at(&a, m, data, ly);
		put_isakmp(fd, &l->isakmp, &a);
		return true;
	case PKT_PROTO_SYSLOG:
		msg_at(&a, m, data, ly);
		put_syslog(fd, &l->syslog, &a);
		return true;
	default:
		return false;
	}
}

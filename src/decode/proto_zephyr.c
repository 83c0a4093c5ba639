/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_zephyr.c: MIT's Zephyr notices on UDP 2103 and 2104, as tcpdump's
 * zephyr_print: the NUL-terminated header fields, then a summary by class
 * and opcode (locate, subscriptions, admin, "to <class,inst,recipient>").
 */
#include "config.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_udpapps.h"

#define ZBUF_LEN  256 /* tcpdump's z_buf: what str_to_lower and z_triple print, at most 255 bytes */
#define ZNUM_LEN  64  /* a numeric field's text that strtol reads */
#define Z_SERVACK 5

static const struct msg_tok z_types[] = {
	{ 0, "unsafe" }, { 1, "unacked" },  { 2, "acked" },	 { 3, "hm-ack" },     { 4, "hm-ctl" },
	{ 5, "serv-ack" }, { 6, "serv-nak" }, { 7, "client-ack" }, { 8, "stat" }, { 0, NULL },
};

/* A field: where its text starts and how long it is (its NUL follows). */
struct zfield {
	uint32_t off, len;
	bool set;
};

struct zrd {
	const struct msg *g;
	struct pbuf *b;
	uint32_t parse; /* the next field's offset */
	int parselen;	/* bytes left, as tcpdump's signed count */
	bool lose;
	jmp_buf cut;
};

int proto_zephyr_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_ZEPHYR;
	return PKT_PROTO_NONE;
}

static uint8_t get8(struct zrd *r, uint32_t off)
{
	if (!msg_has(r->g, off, 1))
		longjmp(r->cut, 1);
	return msg_u8(r->g, off);
}

/* parse_field: the text up to the next NUL; lose when the datagram ends first. */
static struct zfield parse_field(struct zrd *r)
{
	struct zfield f = { r->parse, 0, false };

	for (;;) {
		if (r->parselen == 0) {
			r->lose = true;
			return f;
		}
		if (!get8(r, r->parse))
			break;
		r->parse++;
		r->parselen--;
	}
	f.len = r->parse - f.off;
	f.set = true;
	r->parse++;
	r->parselen--;
	return f;
}

static int field_int(const struct zrd *r, struct zfield f)
{
	char buf[ZNUM_LEN + 1];
	uint32_t n = f.len < ZNUM_LEN ? f.len : ZNUM_LEN;

	memcpy(buf, r->g->p + f.off, n);
	buf[n] = '\0';
	return (int)strtol(buf, NULL, 16);
}

static bool field_is(const struct zrd *r, struct zfield f, const char *s)
{
	return f.len == strlen(s) && !memcmp(r->g->p + f.off, s, f.len);
}

/* fn_print_str of a field, lowered (str_to_lower, within z_buf) or not. */
static void put_field(struct zrd *r, const char *prefix, struct zfield f, bool lower)
{
	uint32_t n = lower && f.len > ZBUF_LEN - 1 ? ZBUF_LEN - 1 : f.len;

	pbuf_puts(r->b, prefix);
	for (uint32_t i = 0; i < n; i++) {
		uint8_t c = r->g->p[f.off + i];

		msg_put_char(r->b, lower && c >= 'A' && c <= 'Z' ? (uint8_t)(c - 'A' + 'a') : c);
	}
}

/* z_triple: "<class,inst,recipient>" (recipient "*" when empty), cut to z_buf's 255 bytes. */
static void put_triple(struct zrd *r, struct zfield c, struct zfield i, struct zfield rc)
{
	char buf[ZBUF_LEN];
	size_t n = 0;
	const struct zfield parts[3] = { c, i, rc };

	buf[n++] = '<';
	for (int k = 0; k < 3; k++) {
		const struct zfield *f = &parts[k];

		if (k)
			buf[n < ZBUF_LEN - 1 ? n++ : n] = ',';
		if (k == 2 && !f->len) {
			if (n < ZBUF_LEN - 1)
				buf[n++] = '*';
			continue;
		}
		for (uint32_t j = 0; j < f->len && n < ZBUF_LEN - 1; j++)
			buf[n++] = (char)r->g->p[f->off + j];
	}
	if (n < ZBUF_LEN - 1)
		buf[n++] = '>';
	pbuf_putc(r->b, ' ');
	for (size_t j = 0; j < n && buf[j]; j++)
		msg_put_char(r->b, (uint8_t)buf[j]);
}

struct znotice {
	struct zfield version, uid, authdata, class, inst, opcode, sender, recipient, format, multi_uid;
	int numfields, kind, port, auth, authlen, cksum, multi;
};

static void parse_int(struct zrd *r, int *v)
{
	struct zfield f = parse_field(r);

	if (!r->lose)
		*v = field_int(r, f);
}

static void parse_str(struct zrd *r, struct zfield *v)
{
	struct zfield f = parse_field(r);

	if (!r->lose)
		*v = f;
}

/* zephyr_print after its setjmp; false for " (invalid)". */
static bool zephyr_body(struct zrd *r)
{
	struct znotice z = { 0 };

	parse_str(r, &z.version);
	if (r->lose)
		return false;
	if (z.version.len < 4 || memcmp(r->g->p + z.version.off, "ZEPH", 4))
		return true;
	parse_int(r, &z.numfields);
	parse_int(r, &z.kind);
	parse_str(r, &z.uid);
	parse_int(r, &z.port);
	parse_int(r, &z.auth);
	parse_int(r, &z.authlen);
	parse_str(r, &z.authdata);
	parse_str(r, &z.class);
	parse_str(r, &z.inst);
	parse_str(r, &z.opcode);
	parse_str(r, &z.sender);
	parse_str(r, &z.recipient);
	parse_str(r, &z.format);
	parse_int(r, &z.cksum);
	parse_int(r, &z.multi);
	parse_str(r, &z.multi_uid);
	if (r->lose)
		return false;
	pbuf_puts(r->b, " zephyr");
	/* strncmp(version + 4, "0.2", 3) */
	if (z.version.len < 7 || memcmp(r->g->p + z.version.off + 4, "0.2", 3)) {
		struct zfield v = { z.version.off + 4, z.version.len - 4, true };

		put_field(r, " v", v, false);
		return true;
	}
	pbuf_putc(r->b, ' ');
	msg_tok_put(r->b, z_types, "type %d", (uint32_t)z.kind);
	if (z.kind == Z_SERVACK) {
		struct zfield ack = { 0, 0, false };

		parse_str(r, &ack);
		if (!r->lose && !field_is(r, ack, "SENT"))
			put_field(r, "/", ack, true);
	}
	if (z.sender.len)
		put_field(r, " ", z.sender, false);
	if (field_is(r, z.class, "USER_LOCATE")) {
		if (field_is(r, z.opcode, "USER_HIDE"))
			pbuf_puts(r->b, " hide");
		else if (field_is(r, z.opcode, "USER_UNHIDE"))
			pbuf_puts(r->b, " unhide");
		else
			put_field(r, " locate ", z.inst, false);
		return true;
	}
	if (field_is(r, z.class, "ZEPHYR_ADMIN")) {
		put_field(r, " zephyr-admin ", z.opcode, true);
		return true;
	}
	if (field_is(r, z.class, "ZEPHYR_CTL")) {
		if (field_is(r, z.inst, "CLIENT")) {
			if (field_is(r, z.opcode, "SUBSCRIBE") || field_is(r, z.opcode, "SUBSCRIBE_NODEFS") ||
			    field_is(r, z.opcode, "UNSUBSCRIBE")) {
				msg_printf(r->b, " %ssub%s", field_is(r, z.opcode, "SUBSCRIBE") ? "" : "un",
					   field_is(r, z.opcode, "SUBSCRIBE_NODEFS") ? "-nodefs" : "");
				if (z.kind != Z_SERVACK) {
					struct zfield c = { 0 }, i = { 0 }, rc = { 0 };

					parse_str(r, &c);
					parse_str(r, &i);
					parse_str(r, &rc);
					if (!r->lose)
						put_triple(r, c, i, rc);
				}
				return true;
			}
			if (field_is(r, z.opcode, "GIMME"))
				pbuf_puts(r->b, " ret");
			else if (field_is(r, z.opcode, "GIMMEDEFS"))
				pbuf_puts(r->b, " gimme-defs");
			else if (field_is(r, z.opcode, "CLEARSUB"))
				pbuf_puts(r->b, " clear-subs");
			else
				put_field(r, " ", z.opcode, true);
			return true;
		}
		if (field_is(r, z.inst, "HM")) {
			put_field(r, " ", z.opcode, true);
			return true;
		}
		if (field_is(r, z.inst, "REALM")) {
			if (field_is(r, z.opcode, "ADD_SUBSCRIBE"))
				pbuf_puts(r->b, " realm add-subs");
			if (field_is(r, z.opcode, "REQ_SUBSCRIBE"))
				pbuf_puts(r->b, " realm req-subs");
			if (field_is(r, z.opcode, "RLM_SUBSCRIBE"))
				pbuf_puts(r->b, " realm rlm-sub");
			if (field_is(r, z.opcode, "RLM_UNSUBSCRIBE"))
				pbuf_puts(r->b, " realm rlm-unsub");
			return true;
		}
	}
	if (field_is(r, z.class, "HM_CTL")) {
		put_field(r, " hm_ctl ", z.inst, true);
		put_field(r, " ", z.opcode, true);
		return true;
	}
	if (field_is(r, z.class, "HM_STAT") && field_is(r, z.inst, "HMST_CLIENT") &&
	    field_is(r, z.opcode, "GIMMESTATS")) {
		pbuf_puts(r->b, " get-client-stats");
		return true;
	}
	if (field_is(r, z.class, "WG_CTL")) {
		put_field(r, " wg_ctl ", z.inst, true);
		put_field(r, " ", z.opcode, true);
		return true;
	}
	if (field_is(r, z.class, "LOGIN")) {
		static const char *const exposures[] = { "NONE", "OPSTAFF", "REALM-VISIBLE",
							 "REALM-ANNOUNCED", "NET-VISIBLE", "NET-ANNOUNCED" };

		if (field_is(r, z.opcode, "USER_FLUSH")) {
			pbuf_puts(r->b, " flush_locs");
			return true;
		}
		for (size_t k = 0; k < sizeof(exposures) / sizeof(exposures[0]); k++) {
			if (field_is(r, z.opcode, exposures[k])) {
				put_field(r, " set-exposure ", z.opcode, true);
				return true;
			}
		}
	}
	pbuf_puts(r->b, " to");
	put_triple(r, z.class, z.inst, z.recipient);
	if (z.opcode.len)
		put_field(r, " op ", z.opcode, false);
	return true;
}

/* 0: printed, 1: cut (" [|zephyr]"), 2: invalid */
static int zephyr_walk(struct zrd *r)
{
	if (setjmp(r->cut))
		return 1;
	return zephyr_body(r) ? 0 : 2;
}

bool proto_zephyr_print(struct line *x)
{
	struct msg g;
	struct zrd r;

	msg_of(&g, x);
	r.g = &g;
	r.b = &x->b;
	r.parse = 0;
	r.parselen = (int)g.len;
	r.lose = false;
	switch (zephyr_walk(&r)) {
	case 1:
		return msg_trunc(x, "zephyr");
	case 2:
		pbuf_puts(&x->b, " (invalid)");
		break;
	default:
		break;
	}
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * view_packet_ppp.c: JSON fields of PPP (the framing, and the control
 * protocols' packets with their options, PAP, CHAP and the multilink header
 * it carries) and of DLT_PPP_SERIAL's HDLC framing.
 */
#include "config.h"

#include <stdio.h>

#include "decode/proto_msg.h"
#include "decode/proto_ppp_cp.h"
#include "decode/view_packet_ppp.h"

/* An option's value, typed by what the option holds. */
static void put_opt_value(struct fmt_details *fd, uint16_t proto, const struct msg *g, size_t o,
			  uint8_t type, uint8_t len)
{
	char s[48];

	if (!msg_has(g, o, len))
		return;
	if (proto == PPP_PROTO_LCP) {
		if ((type == 1 || type == 17 || type == 23) && len == 4)
			fmt_details_u64(fd, "value", msg_u16(g, o + 2));
		else if ((type == 2 || type == 5) && len == 6)
			fmt_details_u64(fd, "value", msg_u32(g, o + 2));
		else if ((type == 3 || type == 4) && len >= 4)
			fmt_details_u64(fd, "protocol", msg_u16(g, o + 2));
		if (type == 3 && len >= 5 && msg_u16(g, o + 2) == PPP_PROTO_CHAP)
			fmt_details_u64(fd, "algorithm", msg_u8(g, o + 4));
		if (type == 13 && len >= 3)
			fmt_details_u64(fd, "operation", msg_u8(g, o + 2));
		if (type == 0 && len >= 6)
			fmt_details_u64(fd, "oui", msg_u24(g, o + 2));
		if (type == 19 && len >= 3) {
			fmt_details_u64(fd, "class", msg_u8(g, o + 2));
			if (msg_u8(g, o + 2) == 2 && len == 7) {
				snprintf(s, sizeof(s), "%u.%u.%u.%u", g->p[o + 3], g->p[o + 4], g->p[o + 5],
					 g->p[o + 6]);
				fmt_details_str(fd, "address", s);
			} else if (msg_u8(g, o + 2) == 3 && len == 9) {
				snprintf(s, sizeof(s), "%02x:%02x:%02x:%02x:%02x:%02x", g->p[o + 3],
					 g->p[o + 4], g->p[o + 5], g->p[o + 6], g->p[o + 7], g->p[o + 8]);
				fmt_details_str(fd, "address", s);
			}
		}
	} else if (proto == PPP_PROTO_IPCP) {
		if (type == 1 && len == 10) {
			snprintf(s, sizeof(s), "%u.%u.%u.%u", g->p[o + 2], g->p[o + 3], g->p[o + 4],
				 g->p[o + 5]);
			fmt_details_str(fd, "src", s);
			snprintf(s, sizeof(s), "%u.%u.%u.%u", g->p[o + 6], g->p[o + 7], g->p[o + 8],
				 g->p[o + 9]);
			fmt_details_str(fd, "dst", s);
		} else if (type == 2 && len >= 4) {
			fmt_details_u64(fd, "protocol", msg_u16(g, o + 2));
		} else if ((type == 3 || type == 4 || (type >= 129 && type <= 132)) && len == 6) {
			snprintf(s, sizeof(s), "%u.%u.%u.%u", g->p[o + 2], g->p[o + 3], g->p[o + 4],
				 g->p[o + 5]);
			fmt_details_str(fd, "address", s);
		}
	} else if (proto == PPP_PROTO_IPV6CP && type == 1 && len == 10) {
		snprintf(s, sizeof(s), "%04x:%04x:%04x:%04x", msg_u16(g, o + 2), msg_u16(g, o + 4),
			 msg_u16(g, o + 6), msg_u16(g, o + 8));
		fmt_details_str(fd, "interface_id", s);
	} else if (proto == PPP_PROTO_BACP && type == 1 && len == 6) {
		fmt_details_u64(fd, "value", msg_u32(g, o + 2));
	}
}

/* A Configure packet's options, as far as their lengths hold and the capture goes. */
static void put_options(struct fmt_details *fd, uint16_t proto, const struct msg *g, size_t o,
			size_t end)
{
	char hex[2 * 255 + 1];

	fmt_details_array_begin(fd, "options");
	while (o + 2 <= end && msg_has(g, o, 2)) {
		uint8_t type = msg_u8(g, o), len = msg_u8(g, o + 1);
		const char *name = ppp_opt_name(proto, type);

		if (len < 2 || o + len > end)
			break;
		fmt_details_object_begin(fd, NULL);
		fmt_details_u64(fd, "type", type);
		if (name)
			fmt_details_str(fd, "name", name);
		fmt_details_u64(fd, "length", len);
		put_opt_value(fd, proto, g, o, type, len);
		if (msg_has(g, o, len)) {
			for (unsigned i = 2; i < len; i++)
				snprintf(hex + 2 * (i - 2), 3, "%02x", g->p[o + i]);
			hex[2 * (len - 2)] = '\0';
			fmt_details_str(fd, "data", hex);
		}
		fmt_details_object_end(fd);
		o += len;
	}
	fmt_details_array_end(fd);
}

/* The control protocol packet at off: code, id, length, and each code's fields. */
static void put_cp(struct fmt_details *fd, uint16_t proto, const struct msg *g, size_t off)
{
	uint8_t code;
	uint16_t len;

	if (!msg_has(g, off, 4))
		return;
	code = msg_u8(g, off);
	len = msg_u16(g, off + 2);
	fmt_details_object_begin(fd, "cp");
	fmt_details_u64(fd, "code", code);
	fmt_details_u64(fd, "id", msg_u8(g, off + 1));
	fmt_details_u64(fd, "length", len);
	if (len >= 4 && len <= g->len - off) {
		if (code >= 1 && code <= 4)
			put_options(fd, proto, g, off + 4, off + len);
		else if ((code == 0 || (code >= 9 && code <= 13)) && len >= 8 && msg_has(g, off + 4, 4))
			fmt_details_u64(fd, "magic", msg_u32(g, off + 4));
		else if (code == 8 && len >= 6 && msg_has(g, off + 4, 2))
			fmt_details_u64(fd, "rejected_protocol", msg_u16(g, off + 4));
		if (code == 13 && len >= 12 && msg_has(g, off + 8, 4))
			fmt_details_u64(fd, "seconds_remaining", msg_u32(g, off + 8));
	}
	fmt_details_object_end(fd);
}

/* n bytes at off as a string, when they were captured. */
static void put_text(struct fmt_details *fd, const char *key, const struct msg *g, size_t off,
		     size_t n)
{
	if (msg_has(g, off, n))
		fmt_details_str_len(fd, key, g->p + off, n);
}

/* PAP and CHAP: code, id, length, and the strings of each code. */
static void put_auth(struct fmt_details *fd, uint16_t proto, const struct msg *g, size_t off)
{
	uint8_t code, n;
	uint16_t len;

	if (!msg_has(g, off, 4))
		return;
	code = msg_u8(g, off);
	len = msg_u16(g, off + 2);
	fmt_details_object_begin(fd, proto == PPP_PROTO_PAP ? "pap" : "chap");
	fmt_details_u64(fd, "code", code);
	fmt_details_u64(fd, "id", msg_u8(g, off + 1));
	fmt_details_u64(fd, "length", len);
	if (len > g->len - off || len < 4 || !msg_has(g, off + 4, 1)) {
		fmt_details_object_end(fd);
		return;
	}
	n = msg_u8(g, off + 4);
	if (proto == PPP_PROTO_PAP && code == 1 && 5u + n < len) {
		put_text(fd, "peer", g, off + 5, n);
		if (msg_has(g, off + 5 + n, 1) && 6u + n + msg_u8(g, off + 5 + n) <= len)
			put_text(fd, "password", g, off + 6 + n, msg_u8(g, off + 5 + n));
	} else if (proto == PPP_PROTO_PAP && (code == 2 || code == 3) && 5u + n <= len) {
		put_text(fd, "message", g, off + 5, n);
	} else if (proto == PPP_PROTO_CHAP && (code == 1 || code == 2) && 5u + n <= len) {
		char hex[2 * 255 + 1];

		if (msg_has(g, off + 5, n)) {
			for (unsigned i = 0; i < n; i++)
				snprintf(hex + 2 * i, 3, "%02x", g->p[off + 5 + i]);
			hex[2 * n] = '\0';
			fmt_details_str(fd, "value", hex);
		}
		put_text(fd, "name", g, off + 5 + n, len - 5u - n);
	} else if (proto == PPP_PROTO_CHAP && (code == 3 || code == 4)) {
		put_text(fd, "message", g, off + 4, len - 4u);
	}
	fmt_details_object_end(fd);
}

/* The frame's protocol, its name, and what PPP itself decodes of the payload. */
static void put_ppp(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		    const uint8_t *data, const char *key)
{
	const struct pkt_ppp *pp = &m->ppp;
	const char *name = ppp_proto_name(pp->proto);
	size_t off = ly->hdr_len;
	struct msg g;

	fmt_details_object_begin(fd, key);
	if (pp->has_addr)
		fmt_details_u64(fd, "address", pp->addr);
	if (ly->proto == PKT_PROTO_PPP_HDLC)
		fmt_details_u64(fd, "control", pp->ctrl);
	fmt_details_u64(fd, "protocol", pp->proto);
	if (name)
		fmt_details_str(fd, "protocol_name", name);
	if (msg_at(&g, m, data, ly) && !ly->truncated && !ly->invalid) {
		if (ppp_is_cp(pp->proto)) {
			put_cp(fd, pp->proto, &g, off);
		} else if (pp->proto == PPP_PROTO_PAP || pp->proto == PPP_PROTO_CHAP) {
			put_auth(fd, pp->proto, &g, off);
		} else if (pp->proto == PPP_PROTO_ML && msg_has(&g, off, 2)) {
			fmt_details_object_begin(fd, "mlppp");
			fmt_details_u64(fd, "seq", msg_u16(&g, off) & 0x0fff);
			fmt_details_bool(fd, "begin", msg_u8(&g, off) & 0x80);
			fmt_details_bool(fd, "end", msg_u8(&g, off) & 0x40);
			fmt_details_object_end(fd);
		}
	}
	fmt_details_object_end(fd);
}

bool view_packet_ppp(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data)
{
	switch (ly->proto) {
	case PKT_PROTO_PPP:
		put_ppp(fd, m, ly, data, "ppp");
		return true;
	case PKT_PROTO_PPP_HDLC:
		/* Cisco HDLC in the same link type is its own layer; a cut header has no fields */
		if (ly->truncated || ly->invalid || m->ppp.addr == 0x0f || m->ppp.addr == 0x8f)
			return true;
		if (!m->ppp.has_addr) {
			fmt_details_object_begin(fd, "ppp_hdlc");
			fmt_details_u64(fd, "address", m->ppp.addr);
			fmt_details_u64(fd, "control", m->ppp.ctrl);
			fmt_details_object_end(fd);
			return true;
		}
		put_ppp(fd, m, ly, data, "ppp_hdlc");
		return true;
	}
	return false;
}

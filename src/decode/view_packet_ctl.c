/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_ctl.c: JSON of PPTP's control messages and Kerberos, read from their bytes. */
#include "config.h"

#include "decode/proto_msg.h"
#include "decode/view_packet_ctl.h"

/* PPTP: the 12-byte header every control message starts with. */
static void put_pptp(struct fmt_details *d, const struct msg *g)
{
	fmt_details_object_begin(d, "pptp");
	fmt_details_u64(d, "length", msg_u16(g, 0));
	fmt_details_u64(d, "msg_type", msg_u16(g, 2));
	fmt_details_u64(d, "magic_cookie", msg_u32(g, 4));
	fmt_details_u64(d, "ctrl_msg_type", msg_u16(g, 8));
	fmt_details_object_end(d);
}

/* Kerberos: the version byte; version 4's type and byte order when captured. */
static void put_krb(struct fmt_details *d, const struct msg *g)
{
	uint8_t pvno = msg_u8(g, 0);

	fmt_details_object_begin(d, "krb");
	fmt_details_u64(d, "pvno", pvno);
	if (pvno == 4 && msg_has(g, 1, 1)) {
		fmt_details_u64(d, "type", msg_u8(g, 1) & 0xfe);
		fmt_details_bool(d, "little_endian", msg_u8(g, 1) & 1);
	}
	fmt_details_object_end(d);
}

bool view_packet_ctl(struct fmt_details *d, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data)
{
	struct msg g;
	bool have;

	if (ly->proto != PKT_PROTO_PPTP && ly->proto != PKT_PROTO_KRB)
		return false;
	have = msg_at(&g, m, data, ly);
	/* each object only when its fixed header was captured */
	if (ly->proto == PKT_PROTO_PPTP && have && msg_has(&g, 0, 12))
		put_pptp(d, &g);
	else if (ly->proto == PKT_PROTO_KRB && have && msg_has(&g, 0, 1))
		put_krb(d, &g);
	return true;
}

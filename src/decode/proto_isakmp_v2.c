/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_isakmp_v2.c: IKEv2 (RFC 7296) payloads as tcpdump's print-isakmp.c shows them. */
#include "config.h"

#include "decode/proto_isakmp.h"

#define NP_P 2
#define NP_T 3
#define NP_N 11

static const char *const protoidstr[] = { NULL, "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp" };
static const char *const t_type_map[] = { NULL, "encr", "prf", "integ", "dh", "esn" };
static const char *const prf_p_map[] = { NULL, "hmac-md5", "hmac-sha", "hmac-tiger",
	"aes128_xcbc" };
static const char *const integ_p_map[] = { NULL, "hmac-md5", "hmac-sha", "dec-mac", "kpdk-md5",
	"aes-xcbc" };
static const char *const esn_p_map[] = { "no-esn", "esn" };
static const char *const dh_p_map[] = { NULL, "modp768", "modp1024", "EC2N 2^155",
	"EC2N 2^185", "modp1536", "iana-grp06", "iana-grp07", "iana-grp08", "iana-grp09",
	"iana-grp10", "iana-grp11", "iana-grp12", "iana-grp13", "modp2048", "modp3072",
	"modp4096", "modp6144", "modp8192" };
static const char *const esp_p_map[] = { NULL, "1des-iv64", "1des", "3des", "rc5", "idea",
	"cast", "blowfish", "3idea", "1des-iv32", "rc4", "null", "aes" };
static const char *const v2_auth[] = { "invalid", "rsasig", "shared-secret", "dsssig" };

static const struct ike_attrmap encr_t_map[] = {
	[14] = { "keylen", 14, { NULL } },
};

#define N_OF(t) (sizeof(t) / sizeof((t)[0]))

/* tcpdump's STR_OR_ID: the table's name, or "#N". */
static void str_or_id(struct pbuf *b, unsigned v, const char *const *t, size_t n)
{
	if (v < n && t[v])
		pbuf_puts(b, t[v]);
	else
		msg_printf(b, "#%d", (int)v);
}

#define STR_OR_ID(b, v, t) str_or_id(b, v, t, N_OF(t))

static void pay(const struct ike_walk *w, unsigned np, uint8_t critical)
{
	ike_npstr(w->b, np);
	if (critical & 0x80)
		pbuf_puts(w->b, "[C]");
	pbuf_putc(w->b, ':');
}

static size_t trunc_np(const struct ike_walk *w, unsigned np)
{
	pbuf_puts(w->b, " [|");
	ike_npstr(w->b, np);
	pbuf_putc(w->b, ']');
	return IKE_NONE;
}

/* The generic printers: " len=N" and, with -vvv, the body in hex. */
static size_t gen(const struct ike_walk *w, unsigned np, size_t off)
{
	uint16_t len;

	if (!msg_has(w->g, off, IKE_GEN_LEN))
		return trunc_np(w, np);
	len = msg_u16(w->g, off + 2);
	pay(w, np, msg_u8(w->g, off + 1));
	msg_printf(w->b, " len=%d", len - 4);
	if (w->v > 2 && len > 4) {
		pbuf_putc(w->b, ' ');
		if (!ike_raw(w, off + 4, len - 4u))
			return trunc_np(w, np);
	}
	return off + len;
}

static size_t t_print(const struct ike_walk *w, int tcount, size_t off, size_t item_len)
{
	const struct msg *g = w->g;
	const struct ike_attrmap *map = NULL;
	size_t nmap = 0, cp;
	uint8_t type;
	uint16_t id;

	if (!msg_has(g, off, 8))
		return trunc_np(w, NP_T);
	pay(w, NP_T, msg_u8(g, off + 1));
	type = msg_u8(g, off + 4);
	id = msg_u16(g, off + 6);
	msg_printf(w->b, " #%u type=", tcount);
	STR_OR_ID(w->b, type, t_type_map);
	pbuf_puts(w->b, " id=");
	switch (type) {
	case 1:
		STR_OR_ID(w->b, id, esp_p_map);
		map = encr_t_map;
		nmap = N_OF(encr_t_map);
		break;
	case 2:
		STR_OR_ID(w->b, id, prf_p_map);
		break;
	case 3:
		STR_OR_ID(w->b, id, integ_p_map);
		break;
	case 4:
		STR_OR_ID(w->b, id, dh_p_map);
		break;
	case 5:
		STR_OR_ID(w->b, id, esn_p_map);
		break;
	default:
		pbuf_u32(w->b, id);
		break;
	}
	pbuf_putc(w->b, ' ');
	cp = ike_transform_attrs(w, off + 8, off + item_len, map, nmap);
	return cp == IKE_NONE ? trunc_np(w, NP_T) : cp;
}

static void indent(const struct ike_walk *w, int depth)
{
	pbuf_putc(w->b, '\n');
	for (int i = 0; i < depth; i++)
		pbuf_puts(w->b, "    ");
}

static size_t p_print(const struct ike_walk *w, size_t off, size_t oprop_len, int depth)
{
	const struct msg *g = w->g;
	size_t prop_len, cp;
	uint8_t spi_size, np;
	int tcount = 0;

	if (!msg_has(g, off, 8))
		return trunc_np(w, NP_P);
	pay(w, NP_P, msg_u8(g, off + 1));
	prop_len = oprop_len - 4;
	msg_printf(w->b, " #%u protoid=", msg_u8(g, off + 4));
	STR_OR_ID(w->b, msg_u8(g, off + 5), protoidstr);
	msg_printf(w->b, " transform=%d len=%u", msg_u8(g, off + 7), (unsigned)oprop_len);
	spi_size = msg_u8(g, off + 6);
	cp = off + 8;
	if (spi_size) {
		if (prop_len < spi_size)
			goto toolong;
		pbuf_puts(w->b, " spi=");
		if (!ike_raw(w, cp, spi_size))
			return trunc_np(w, NP_P);
		cp += spi_size;
		prop_len -= spi_size;
	}
	for (np = NP_T; np; ) {
		size_t item_len;
		uint8_t next;

		tcount++;
		if (prop_len < IKE_GEN_LEN)
			goto toolong;
		if (!msg_has(g, cp, IKE_GEN_LEN))
			return trunc_np(w, NP_P);
		next = msg_u8(g, cp);
		item_len = msg_u16(g, cp + 2);
		if (item_len <= 4)
			return trunc_np(w, NP_P);
		if (prop_len < item_len)
			goto toolong;
		if (!msg_has(g, cp, item_len))
			return trunc_np(w, NP_P);
		indent(w, depth + 1);
		pbuf_putc(w->b, '(');
		if (np == NP_T) {
			cp = t_print(w, tcount, cp, item_len);
			if (cp == IKE_NONE)
				return IKE_NONE;
		} else {
			ike_npstr(w->b, np);
			cp += item_len;
		}
		pbuf_putc(w->b, ')');
		prop_len -= item_len;
		np = next;
	}
	return cp;
toolong:
	trunc_np(w, NP_P);
	return cp + prop_len;
}

static size_t sa_print(const struct ike_walk *w, unsigned tpay, size_t off, int depth)
{
	const struct msg *g = w->g;
	size_t sa_len, cp = off + 4;
	int pcount = 0;
	uint8_t np;

	if (!msg_has(g, off, IKE_GEN_LEN))
		return trunc_np(w, tpay);
	pbuf_puts(w->b, "sa");
	if (msg_u8(g, off + 1) & 0x80)
		pbuf_puts(w->b, "[C]");
	pbuf_putc(w->b, ':');
	sa_len = msg_u16(g, off + 2) - 4u;
	msg_printf(w->b, " len=%d", (int)sa_len);
	for (np = NP_P; np; ) {
		size_t item_len;
		uint8_t next;

		pcount++;
		if (sa_len < IKE_GEN_LEN)
			goto toolong;
		if (!msg_has(g, cp, IKE_GEN_LEN))
			return trunc_np(w, tpay);
		next = msg_u8(g, cp);
		item_len = msg_u16(g, cp + 2);
		if (item_len <= 4)
			return trunc_np(w, tpay);
		if (sa_len < item_len)
			goto toolong;
		if (!msg_has(g, cp, item_len))
			return trunc_np(w, tpay);
		indent(w, depth + 1);
		pbuf_putc(w->b, '(');
		if (np == NP_P) {
			cp = p_print(w, cp, item_len, depth + 1);
			if (cp == IKE_NONE)
				return IKE_NONE;
		} else {
			ike_npstr(w->b, np);
			cp += item_len;
		}
		pbuf_putc(w->b, ')');
		sa_len -= item_len;
		np = next;
	}
	return cp;
toolong:
	trunc_np(w, tpay);
	return cp + sa_len;
}

static size_t ke_print(const struct ike_walk *w, unsigned tpay, size_t off)
{
	const struct msg *g = w->g;
	uint16_t len;

	if (!msg_has(g, off, 8))
		return trunc_np(w, tpay);
	pay(w, tpay, msg_u8(g, off + 1));
	len = msg_u16(g, off + 2);
	msg_printf(w->b, " len=%u group=", len - 8u);
	STR_OR_ID(w->b, msg_u16(g, off + 4), dh_p_map);
	if (w->v > 2 && len > 8) {
		pbuf_putc(w->b, ' ');
		if (!ike_raw(w, off + 8, len - 8u))
			return trunc_np(w, tpay);
	}
	return off + len;
}

static size_t id_print(const struct ike_walk *w, unsigned tpay, size_t off)
{
	const struct msg *g = w->g;
	int id_len, idtype_len;
	bool ascii = false, hex = false;

	if (!msg_has(g, off, 8))
		return trunc_np(w, tpay);
	pay(w, tpay, msg_u8(g, off + 1));
	id_len = msg_u16(g, off + 2);
	msg_printf(w->b, " len=%d", id_len - 4);
	if (w->v > 2 && id_len > 4) {
		pbuf_putc(w->b, ' ');
		if (!ike_raw(w, off + 4, (size_t)id_len - 4))
			return trunc_np(w, tpay);
	}
	idtype_len = id_len - 8;
	switch (msg_u8(g, off + 4)) {
	case 1:
		pbuf_puts(w->b, " ipv4:");
		hex = true;
		break;
	case 2:
		pbuf_puts(w->b, " fqdn:");
		ascii = true;
		break;
	case 3:
		pbuf_puts(w->b, " rfc822:");
		ascii = true;
		break;
	case 5:
		pbuf_puts(w->b, " ipv6:");
		hex = true;
		break;
	case 9:
		pbuf_puts(w->b, " dn:");
		hex = true;
		break;
	case 10:
		pbuf_puts(w->b, " gn:");
		hex = true;
		break;
	case 11:
		pbuf_puts(w->b, " keyid:");
		hex = true;
		break;
	}
	/* a length below the ID header's is tcpdump's truncation (its check wraps) */
	if ((ascii || hex) && idtype_len < 0)
		return trunc_np(w, tpay);
	if (ascii && idtype_len > 0) {
		if (!msg_has(g, off + 8, (size_t)idtype_len))
			return trunc_np(w, tpay);
		for (int i = 0; i < idtype_len; i++) {
			uint8_t c = msg_u8(g, off + 8 + (size_t)i);

			pbuf_putc(w->b, c >= 0x20 && c < 0x7f ? (char)c : '.');
		}
	}
	if (hex && idtype_len > 0 && !ike_raw(w, off + 8, (size_t)idtype_len))
		return trunc_np(w, tpay);
	return off + (size_t)id_len;
}

static size_t auth_print(const struct ike_walk *w, unsigned tpay, size_t off)
{
	const struct msg *g = w->g;
	uint16_t len;

	if (!msg_has(g, off, 8))
		return trunc_np(w, tpay);
	pay(w, tpay, msg_u8(g, off + 1));
	len = msg_u16(g, off + 2);
	msg_printf(w->b, " len=%u method=", len - 4u);
	STR_OR_ID(w->b, msg_u8(g, off + 4), v2_auth);
	if (len > 4) {
		if (w->v > 1) {
			pbuf_puts(w->b, " authdata=(");
			if (len < 8 || !ike_raw(w, off + 8, len - 8u))
				return trunc_np(w, tpay);
			pbuf_puts(w->b, ") ");
		} else if (w->v && !ike_somedata(w, off + 8)) {
			return trunc_np(w, tpay);
		}
	}
	return off + len;
}

static size_t nonce_print(const struct ike_walk *w, unsigned tpay, size_t off)
{
	const struct msg *g = w->g;
	uint16_t len;

	if (!msg_has(g, off, IKE_GEN_LEN))
		return trunc_np(w, tpay);
	pbuf_puts(w->b, "nonce");
	if (msg_u8(g, off + 1) & 0x80)
		pbuf_puts(w->b, "[C]");
	pbuf_putc(w->b, ':');
	len = msg_u16(g, off + 2);
	msg_printf(w->b, " len=%d", len - 4);
	if (w->v > 1 && len > 4) {
		pbuf_puts(w->b, " nonce=(");
		if (!ike_raw(w, off + 4, len - 4u))
			return trunc_np(w, tpay);
		pbuf_puts(w->b, ") ");
	} else if (w->v && len > 4 && !ike_somedata(w, off + 4)) {
		return trunc_np(w, tpay);
	}
	return off + len;
}

/* Notify types: name, and whether tcpdump shows the SPI (1) and some data (2). */
static const struct {
	uint16_t type;
	uint8_t show;
	const char *name;
} notify_types[] = {
	{ 1, 0, "unsupported_critical_payload" }, { 4, 1, "invalid_ike_spi" },
	{ 5, 0, "invalid_major_version" },	  { 7, 1, "invalid_syntax" },
	{ 9, 1, "invalid_message_id" },		  { 11, 1, "invalid_spi" },
	{ 14, 1, "no_protocol_chosen" },	  { 17, 1, "invalid_ke_payload" },
	{ 24, 1, "authentication_failed" },	  { 34, 1, "single_pair_required" },
	{ 35, 0, "no_additional_sas" },		  { 36, 0, "internal_address_failure" },
	{ 37, 0, "failed:cp_required" },	  { 39, 0, "invalid_selectors" },
	{ 16384, 0, "initial_contact" },	  { 16385, 0, "set_window_size" },
	{ 16386, 0, "additional_ts_possible" },	  { 16387, 0, "ipcomp_supported" },
	{ 16388, 1, "nat_detection_source_ip" },  { 16389, 1, "nat_detection_destination_ip" },
	{ 16390, 3, "cookie" },			  { 16391, 0, "use_transport_mode" },
	{ 16392, 0, "http_cert_lookup_supported" }, { 16393, 1, "rekey_sa" },
	{ 16394, 0, "tfc_padding_not_supported" }, { 16395, 0, "non_first_fragment_also" },
};

static size_t n_print(const struct ike_walk *w, size_t off, size_t item_len)
{
	const struct msg *g = w->g;
	const char *name = NULL;
	uint8_t show = 1, spi_size;
	uint16_t type;
	size_t cp;

	if (!msg_has(g, off, 8))
		return trunc_np(w, NP_N);
	pay(w, NP_N, msg_u8(g, off + 1));
	pbuf_puts(w->b, " prot_id=");
	STR_OR_ID(w->b, msg_u8(g, off + 4), protoidstr);
	spi_size = msg_u8(g, off + 5);
	type = msg_u16(g, off + 6);
	for (size_t i = 0; i < N_OF(notify_types); i++) {
		if (notify_types[i].type == type) {
			name = notify_types[i].name;
			show = notify_types[i].show;
			break;
		}
	}
	if (!name)
		name = type < 8192 ? "error" : type < 16384 ? "private-error" :
		       type < 40960 ? "status" : "private-status";
	msg_printf(w->b, " type=%u(%s)", type, name);
	if ((show & 1) && spi_size) {
		pbuf_puts(w->b, " spi=");
		if (!ike_raw(w, off + 8, spi_size))
			return trunc_np(w, NP_N);
	}
	cp = off + 8 + spi_size;
	if (cp < w->ep) {
		if (w->v > 3 || ((show & 2) && w->ep - cp < 30)) {
			pbuf_puts(w->b, " data=(");
			if (!ike_raw(w, cp, w->ep - cp))
				return trunc_np(w, NP_N);
			pbuf_putc(w->b, ')');
		} else if ((show & 2) && !ike_somedata(w, cp)) {
			return trunc_np(w, NP_N);
		}
	}
	return off + item_len;
}

static size_t vid_print(const struct ike_walk *w, unsigned tpay, size_t off)
{
	const struct msg *g = w->g;
	int len;

	if (!msg_has(g, off, IKE_GEN_LEN))
		return trunc_np(w, tpay);
	pay(w, tpay, msg_u8(g, off + 1));
	len = msg_u16(g, off + 2) - 4;
	msg_printf(w->b, " len=%d vid=", len);
	if (len > 0 && !msg_has(g, off + 4, (size_t)len))
		return trunc_np(w, tpay);
	for (int i = 0; i < len; i++) {
		uint8_t c = msg_u8(g, off + 4 + (size_t)i);

		pbuf_putc(w->b, c >= 0x20 && c < 0x7f ? (char)c : '.');
	}
	if (w->v > 2 && len > 4) {
		pbuf_putc(w->b, ' ');
		if (!ike_raw(w, off + 4, (size_t)len))
			return trunc_np(w, tpay);
	}
	return off + (size_t)len + 4;
}

static size_t e_print(const struct ike_walk *w, unsigned tpay, size_t off)
{
	const struct msg *g = w->g;
	int dlen;

	if (!msg_has(g, off, IKE_GEN_LEN))
		return trunc_np(w, tpay);
	pay(w, tpay, msg_u8(g, off + 1));
	dlen = msg_u16(g, off + 2) - 4;
	msg_printf(w->b, " len=%d", dlen);
	if (w->v > 2 && dlen > 4) {
		pbuf_putc(w->b, ' ');
		if (!ike_raw(w, off + 4, (size_t)dlen))
			return trunc_np(w, tpay);
	}
	if (dlen > 0 && !msg_has(g, off + 4, (size_t)dlen))
		return trunc_np(w, tpay);
	/* the encrypted payload is last: its next payload type names what is inside */
	return IKE_NONE;
}

bool ikev2_has_printer(unsigned np)
{
	return np >= 33 && np <= 48;
}

size_t ikev2_payload(const struct ike_walk *w, unsigned np, size_t off, size_t item_len, int depth)
{
	switch (np) {
	case 33:
		return sa_print(w, np, off, depth);
	case 34:
		return ke_print(w, np, off);
	case 35:
	case 36:
		return id_print(w, np, off);
	case 39:
		return auth_print(w, np, off);
	case 40:
		return nonce_print(w, np, off);
	case 41:
		return n_print(w, off, item_len);
	case 43:
		return vid_print(w, np, off);
	case IKE_NP_V2E:
		return e_print(w, np, off);
	default: /* cert, cr, d, TSi, TSr, cp, eap */
		return gen(w, np, off);
	}
}

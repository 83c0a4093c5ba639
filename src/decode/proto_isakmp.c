/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_isakmp.c: ISAKMP/IKE (RFC 2408, 2409; IKEv2 RFC 7296) on UDP 500,
 * and UDP 4500's NAT traversal (RFC 3948: the non-ESP marker, keepalives,
 * UDP-encapsulated ESP): dissector, the header and IKEv1 payloads as
 * tcpdump prints them.  IKEv2 payloads are in proto_isakmp_v2.c.
 */
#include "config.h"

#include <string.h>

#include "decode/proto.h"
#include "decode/proto_isakmp.h"

#define NP_SA 1
#define NP_P  2
#define NP_T  3
#define NP_ID 5
#define NP_N  11
#define NP_D  12

/*
 * The fixed header (RFC 2408 3.1): initiator and responder cookies (8 bytes
 * each), next payload, version, exchange type, flags, message id, length.
 * On port 4500 four zero bytes (the non-ESP marker) come first; anything
 * else there is ESP, which follows as its own layer.
 */
int proto_isakmp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	struct pkt_level *l = proto_level(m);
	struct pkt_isakmp *k = &l->isakmp;
	const struct pkt_udp *u = &l->udp;
	const uint8_t *p;

	l->app = PKT_PROTO_ISAKMP;
	*k = (struct pkt_isakmp){ 0 };
	k->natt = u->sport == 4500 || u->dport == 4500;
	if (k->natt && !(u->sport == 500 || u->dport == 500)) {
		size_t left = pkt_wire_left(c);

		p = pkt_peek(c, 1);
		if (left == 1 && p && p[0] == 0xff) {
			k->keepalive = true;
			return PKT_PROTO_NONE;
		}
		if (left < 4 || !(p = pkt_peek(c, 4)))
			return PKT_PROTO_NONE;
		if (p[0] || p[1] || p[2] || p[3]) {
			k->esp = true;
			return PKT_PROTO_ESP;
		}
		k->nonesp = true;
		pkt_skip(c, 4);
	} else {
		k->natt = false;
	}
	p = pkt_peek(c, IKE_HDR_LEN);
	if (!p)
		return PKT_PROTO_NONE;
	k->has_header = true;
	k->np = p[16];
	k->version = p[17];
	k->etype = p[18];
	k->flags = p[19];
	k->msgid = pkt_be32(p + 20);
	k->len = pkt_be32(p + 24);
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

static const char *const protoidstr[] = { NULL, "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp" };

#define N_OF(t) (sizeof(t) / sizeof((t)[0]))

static void str_or_id(struct pbuf *b, unsigned v, const char *const *t, size_t n)
{
	if (v < n && t[v])
		pbuf_puts(b, t[v]);
	else
		msg_printf(b, "#%d", (int)v);
}

static size_t trunc_np(const struct ike_walk *w, unsigned np)
{
	pbuf_puts(w->b, " [|");
	ike_npstr(w->b, np);
	pbuf_putc(w->b, ']');
	return IKE_NONE;
}

/* ---- IKEv1 payloads ---- */

static const char *const ikev1_p_map[] = { NULL, "ike" };
static const char *const ah_p_map[] = { NULL, "(reserved)", "md5", "sha", "1des", "sha2-256",
	"sha2-384", "sha2-512" };
static const char *const esp_p_map[] = { NULL, "1des-iv64", "1des", "3des", "rc5", "idea",
	"cast", "blowfish", "3idea", "1des-iv32", "rc4", "null", "aes" };
static const char *const ipcomp_p_map[] = { NULL, "oui", "deflate", "lzs" };

#define GROUPS                                                                                  \
	{ NULL, "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185", "modp1536", "iana-grp06",   \
	  "iana-grp07", "iana-grp08", "iana-grp09", "iana-grp10", "iana-grp11", "iana-grp12",  \
	  "iana-grp13", "modp2048", "modp3072", "modp4096", "modp6144", "modp8192" }

static const struct ike_attrmap ipsec_t_map[] = {
	{ NULL, 0, { NULL } },
	{ "lifetype", 3, { NULL, "sec", "kb" } },
	{ "life", 0, { NULL } },
	{ "group desc", 18, GROUPS },
	{ "enc mode", 3, { NULL, "tunnel", "transport" } },
	{ "auth", 5, { NULL, "hmac-md5", "hmac-sha1", "1des-mac", "keyed" } },
	{ "keylen", 0, { NULL } },
	{ "rounds", 0, { NULL } },
	{ "dictsize", 0, { NULL } },
	{ "privalg", 0, { NULL } },
};

static const struct ike_attrmap oakley_t_map[] = {
	{ NULL, 0, { NULL } },
	{ "enc", 8, { NULL, "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes" } },
	{ "hash", 7, { NULL, "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512" } },
	{ "auth", 6, { NULL, "preshared", "dss", "rsa sig", "rsa enc", "rsa enc revised" } },
	{ "group desc", 18, GROUPS },
	{ "group type", 4, { NULL, "MODP", "ECP", "EC2N" } },
	{ "group prime", 0, { NULL } },
	{ "group gen1", 0, { NULL } },
	{ "group gen2", 0, { NULL } },
	{ "group curve A", 0, { NULL } },
	{ "group curve B", 0, { NULL } },
	{ "lifetype", 3, { NULL, "sec", "kb" } },
	{ "lifeduration", 0, { NULL } },
	{ "prf", 0, { NULL } },
	{ "keylen", 0, { NULL } },
	{ "field", 0, { NULL } },
	{ "order", 0, { NULL } },
};

static size_t v1_sa(const struct ike_walk *w, size_t off, int depth)
{
	const struct msg *g = w->g;
	uint32_t doi, sit;
	size_t np;
	int t = 0;

	pbuf_puts(w->b, "sa:");
	if (!msg_has(g, off, 12))
		return trunc_np(w, NP_SA);
	doi = msg_u32(g, off + 4);
	sit = msg_u32(g, off + 8);
	if (doi != 1) {
		msg_printf(w->b, " doi=%d situation=%u", (int)doi, sit);
		return off + 12;
	}
	pbuf_puts(w->b, " doi=ipsec situation=");
	if (sit & 1) {
		pbuf_puts(w->b, "identity");
		t++;
	}
	if (sit & 2) {
		msg_printf(w->b, "%ssecrecy", t ? "+" : "");
		t++;
	}
	if (sit & 4)
		msg_printf(w->b, "%sintegrity", t ? "+" : "");
	np = off + 12;
	if (sit != 1) {
		if (!msg_has(g, np, 4))
			return trunc_np(w, NP_SA);
		msg_printf(w->b, " ident=%u", msg_u32(g, np));
		np += 4;
	}
	if (!msg_has(g, np, IKE_GEN_LEN))
		return trunc_np(w, NP_SA);
	return ike_chain(w, NP_P, np, 0, depth, false);
}

static size_t v1_p(const struct ike_walk *w, size_t off, int depth)
{
	const struct msg *g = w->g;
	uint8_t spi_size, proto;
	size_t next;

	pbuf_puts(w->b, "p:");
	if (!msg_has(g, off, 8))
		return trunc_np(w, NP_P);
	proto = msg_u8(g, off + 5);
	msg_printf(w->b, " #%d protoid=", msg_u8(g, off + 4));
	str_or_id(w->b, proto, protoidstr, N_OF(protoidstr));
	msg_printf(w->b, " transform=%d", msg_u8(g, off + 7));
	spi_size = msg_u8(g, off + 6);
	if (spi_size) {
		pbuf_puts(w->b, " spi=");
		if (!ike_raw(w, off + 8, spi_size))
			return trunc_np(w, NP_P);
	}
	next = off + 8 + spi_size;
	if (!msg_has(g, next, IKE_GEN_LEN))
		return trunc_np(w, NP_P);
	return ike_chain(w, NP_T, next, proto, depth, false);
}

static size_t v1_t(const struct ike_walk *w, size_t off, size_t item_len, unsigned proto)
{
	const struct msg *g = w->g;
	const struct ike_attrmap *map = NULL;
	size_t nmap = 0, cp;
	uint8_t id;

	pbuf_puts(w->b, "t:");
	if (!msg_has(g, off, 8))
		return trunc_np(w, NP_T);
	id = msg_u8(g, off + 5);
	msg_printf(w->b, " #%d id=", msg_u8(g, off + 4));
	switch (proto) {
	case 1:
		str_or_id(w->b, id, ikev1_p_map, N_OF(ikev1_p_map));
		map = oakley_t_map;
		nmap = N_OF(oakley_t_map);
		break;
	case 2:
		str_or_id(w->b, id, ah_p_map, N_OF(ah_p_map));
		map = ipsec_t_map;
		nmap = N_OF(ipsec_t_map);
		break;
	case 3:
		str_or_id(w->b, id, esp_p_map, N_OF(esp_p_map));
		map = ipsec_t_map;
		nmap = N_OF(ipsec_t_map);
		break;
	case 4:
		str_or_id(w->b, id, ipcomp_p_map, N_OF(ipcomp_p_map));
		map = ipsec_t_map;
		nmap = N_OF(ipsec_t_map);
		break;
	default:
		pbuf_u32(w->b, id);
		break;
	}
	pbuf_putc(w->b, ' ');
	cp = ike_transform_attrs(w, off + 8, off + item_len, map, nmap);
	return cp == IKE_NONE ? trunc_np(w, NP_T) : cp;
}

/* ke, hash, sig, nonce, vid: " len=N" ("key len=N" for ke), -vvv the body in hex. */
static size_t v1_gen(const struct ike_walk *w, unsigned np, size_t off, const char *label)
{
	const struct msg *g = w->g;
	uint16_t len;

	ike_npstr(w->b, np);
	pbuf_putc(w->b, ':');
	if (!msg_has(g, off, IKE_GEN_LEN))
		return trunc_np(w, np);
	len = msg_u16(g, off + 2);
	msg_printf(w->b, " %s=%d", label, len - 4);
	if (w->v > 2 && len > 4) {
		pbuf_putc(w->b, ' ');
		if (!ike_raw(w, off + 4, len - 4u))
			return trunc_np(w, np);
	}
	return off + len;
}

static size_t v1_nonce(const struct ike_walk *w, size_t off)
{
	const struct msg *g = w->g;
	uint16_t len;

	pbuf_puts(w->b, "nonce:");
	if (!msg_has(g, off, IKE_GEN_LEN))
		return trunc_np(w, 10);
	len = msg_u16(g, off + 2);
	msg_printf(w->b, " n len=%u", len - 4u);
	if (len > 4) {
		if (w->v > 2) {
			pbuf_putc(w->b, ' ');
			if (!ike_raw(w, off + 4, len - 4u))
				return trunc_np(w, 10);
		} else if (w->v > 1) {
			pbuf_putc(w->b, ' ');
			if (!ike_somedata(w, off + 4))
				return trunc_np(w, 10);
		}
	}
	return off + len;
}

static size_t v1_cert(const struct ike_walk *w, unsigned np, size_t off, size_t item_len)
{
	static const char *const certstr[] = { "none", "pkcs7", "pgp", "dns", "x509sign",
		"x509ke", "kerberos", "crl", "arl", "spki", "x509attr" };

	ike_npstr(w->b, np);
	pbuf_putc(w->b, ':');
	if (!msg_has(w->g, off, 5))
		return trunc_np(w, np);
	msg_printf(w->b, " len=%d type=", (int)item_len - 4);
	str_or_id(w->b, msg_u8(w->g, off + 4), certstr, N_OF(certstr));
	if (w->v > 2 && item_len > 4) {
		pbuf_putc(w->b, ' ');
		if (!ike_raw(w, off + 4, item_len - 4))
			return trunc_np(w, np);
	}
	return off + item_len;
}

static size_t v1_id(const struct ike_walk *w, size_t off, size_t item_len)
{
	static const char *const ipsecidtypestr[] = { NULL, "IPv4", "FQDN", "user FQDN",
		"IPv4net", "IPv6", "IPv6net", "IPv4range", "IPv6range", "ASN1 DN", "ASN1 GN",
		"keyid" };
	const struct msg *g = w->g;
	size_t data = off + 8;
	int len = item_len > 8 ? (int)item_len - 8 : 0;
	uint8_t type;

	pbuf_puts(w->b, "id:");
	if (!msg_has(g, off, 8))
		return trunc_np(w, NP_ID);
	type = msg_u8(g, off + 4);
	pbuf_puts(w->b, " idtype=");
	str_or_id(w->b, type, ipsecidtypestr, N_OF(ipsecidtypestr));
	msg_printf(w->b, " protoid=%u port=%d", msg_u8(g, off + 5), msg_u16(g, off + 6));
	if (len) {
		if (!msg_has(g, data, (size_t)len))
			return trunc_np(w, NP_ID);
		switch (type) {
		case 1:
			if (len < 4)
				msg_printf(w->b, " len=%d [bad: < 4]", len);
			else {
				msg_printf(w->b, " len=%d ", len);
				pbuf_ip4(w->b, g->p + data);
			}
			len = 0;
			break;
		case 2:
		case 3:
			msg_printf(w->b, " len=%d ", len);
			for (int i = 0; i < len; i++)
				msg_put_char(w->b, msg_u8(g, data + (size_t)i));
			len = 0;
			break;
		case 4:
			if (len < 8)
				msg_printf(w->b, " len=%d [bad: < 8]", len);
			else {
				msg_printf(w->b, " len=%d ", len);
				pbuf_ip4(w->b, g->p + data);
				msg_printf(w->b, "/%u.%u.%u.%u", msg_u8(g, data + 4), msg_u8(g, data + 5),
					   msg_u8(g, data + 6), msg_u8(g, data + 7));
			}
			len = 0;
			break;
		case 5:
			if (len < 16)
				msg_printf(w->b, " len=%d [bad: < 16]", len);
			else {
				msg_printf(w->b, " len=%d ", len);
				pbuf_ip6(w->b, g->p + data);
			}
			len = 0;
			break;
		case 6:
			if (len < 32)
				msg_printf(w->b, " len=%d [bad: < 32]", len);
			else {
				msg_printf(w->b, " len=%d ", len);
				pbuf_ip6(w->b, g->p + data);
				pbuf_puts(w->b, "/0x");
				msg_hex(w->b, g->p + data + 16, 16);
			}
			len = 0;
			break;
		case 7:
		case 8:
			if (len < (type == 7 ? 8 : 32))
				msg_printf(w->b, " len=%d [bad: < %d]", len, type == 7 ? 8 : 32);
			else {
				msg_printf(w->b, " len=%d ", len);
				if (type == 7) {
					pbuf_ip4(w->b, g->p + data);
					pbuf_putc(w->b, '-');
					pbuf_ip4(w->b, g->p + data + 4);
				} else {
					pbuf_ip6(w->b, g->p + data);
					pbuf_putc(w->b, '-');
					pbuf_ip6(w->b, g->p + data + 16);
				}
			}
			len = 0;
			break;
		default:
			break;
		}
	}
	if (len) {
		msg_printf(w->b, " len=%d", len);
		if (w->v > 2) {
			pbuf_putc(w->b, ' ');
			if (!ike_raw(w, data, (size_t)len))
				return trunc_np(w, NP_ID);
		}
	}
	return off + item_len;
}

static size_t v1_n(const struct ike_walk *w, size_t off, size_t item_len)
{
	static const struct msg_tok ntypes[] = {
		{ 1, "INVALID-PAYLOAD-TYPE" },	   { 2, "DOI-NOT-SUPPORTED" },
		{ 3, "SITUATION-NOT-SUPPORTED" },  { 4, "INVALID-MAJOR-VERSION" },
		{ 5, "INVALID-MINOR-VERSION" },	   { 6, "INVALID-EXCHANGE-TYPE" },
		{ 7, "INVALID-FLAGS" },		   { 8, "INVALID-MESSAGE-ID" },
		{ 9, "INVALID-PROTOCOL-ID" },	   { 10, "INVALID-SPI" },
		{ 11, "INVALID-TRANSFORM-ID" },	   { 12, "ATTRIBUTE-NOT-SUPPORTED" },
		{ 13, "NO-PROPOSAL-CHOSEN" },	   { 14, "BAD-PROPOSAL-SYNTAX" },
		{ 15, "PAYLOAD-MALFORMED" },	   { 16, "INVALID-KEY-INFORMATION" },
		{ 17, "INVALID-ID-INFORMATION" },  { 18, "INVALID-CERT-ENCODING" },
		{ 19, "INVALID-CERTIFICATE" },	   { 20, "CERT-TYPE-UNSUPPORTED" },
		{ 21, "INVALID-CERT-AUTHORITY" },  { 22, "INVALID-HASH-INFORMATION" },
		{ 23, "AUTHENTICATION-FAILED" },   { 24, "INVALID-SIGNATURE" },
		{ 25, "ADDRESS-NOTIFICATION" },	   { 26, "NOTIFY-SA-LIFETIME" },
		{ 27, "CERTIFICATE-UNAVAILABLE" }, { 28, "UNSUPPORTED-EXCHANGE-TYPE" },
		{ 29, "UNEQUAL-PAYLOAD-LENGTHS" }, { 16384, "CONNECTED" },
		{ 24576, "RESPONDER-LIFETIME" },   { 24577, "REPLAY-STATUS" },
		{ 24578, "INITIAL-CONTACT" },	   { 0, NULL },
	};
	const struct msg *g = w->g;
	uint32_t doi;
	uint16_t type;
	uint8_t spi_size;
	size_t cp, ep2;

	pbuf_puts(w->b, "n:");
	if (!msg_has(g, off, 12))
		return trunc_np(w, NP_N);
	doi = msg_u32(g, off + 4);
	spi_size = msg_u8(g, off + 9);
	type = msg_u16(g, off + 10);
	if (doi != 1) {
		msg_printf(w->b, " doi=%u proto=%u type=", doi, msg_u8(g, off + 8));
		msg_tok_put(w->b, ntypes, "#%d", type);
		if (spi_size) {
			pbuf_puts(w->b, " spi=");
			if (!ike_raw(w, off + 12, spi_size))
				return trunc_np(w, NP_N);
		}
		return off + item_len;
	}
	pbuf_puts(w->b, " doi=ipsec proto=");
	str_or_id(w->b, msg_u8(g, off + 8), protoidstr, N_OF(protoidstr));
	pbuf_puts(w->b, " type=");
	msg_tok_put(w->b, ntypes, "#%d", type);
	if (spi_size) {
		pbuf_puts(w->b, " spi=");
		if (!ike_raw(w, off + 12, spi_size))
			return trunc_np(w, NP_N);
	}
	cp = off + 12 + spi_size;
	ep2 = off + item_len;
	if (cp < w->ep) {
		switch (type) {
		case 24576:
			pbuf_puts(w->b, " attrs=(");
			while (cp < w->ep && cp < ep2) {
				cp = ike_attr(w, cp, ep2, oakley_t_map, N_OF(oakley_t_map));
				if (cp == IKE_NONE) {
					pbuf_putc(w->b, ')');
					return trunc_np(w, NP_N);
				}
			}
			pbuf_putc(w->b, ')');
			break;
		case 24577:
			if (!msg_has(g, cp, 4))
				return trunc_np(w, NP_N);
			msg_printf(w->b, " status=(replay detection %sabled)",
				   msg_u32(g, cp) ? "en" : "dis");
			break;
		default:
			if (w->v > 3) {
				pbuf_puts(w->b, " data=(");
				if (!ike_raw(w, cp, w->ep - cp))
					return trunc_np(w, NP_N);
				pbuf_putc(w->b, ')');
			} else if (!ike_somedata(w, cp)) {
				return trunc_np(w, NP_N);
			}
			break;
		}
	}
	return off + item_len;
}

static size_t v1_d(const struct ike_walk *w, size_t off)
{
	const struct msg *g = w->g;
	uint32_t doi;
	uint8_t spi_size;
	uint16_t nspi;
	size_t q;

	pbuf_puts(w->b, "d:");
	if (!msg_has(g, off, 12))
		return trunc_np(w, NP_D);
	doi = msg_u32(g, off + 4);
	if (doi != 1) {
		msg_printf(w->b, " doi=%u proto=%u", doi, msg_u8(g, off + 8));
	} else {
		pbuf_puts(w->b, " doi=ipsec proto=");
		str_or_id(w->b, msg_u8(g, off + 8), protoidstr, N_OF(protoidstr));
	}
	spi_size = msg_u8(g, off + 9);
	nspi = msg_u16(g, off + 10);
	msg_printf(w->b, " spilen=%u nspi=%u spi=", spi_size, nspi);
	q = off + 12;
	for (unsigned i = 0; i < nspi; i++) {
		if (i)
			pbuf_putc(w->b, ',');
		if (!ike_raw(w, q, spi_size))
			return trunc_np(w, NP_D);
		q += spi_size;
	}
	return q;
}

size_t ike_payload(const struct ike_walk *w, unsigned np, size_t off, size_t item_len,
		   unsigned proto, int depth)
{
	switch (np) {
	case 1:
		return v1_sa(w, off, depth);
	case 2:
		return v1_p(w, off, depth);
	case 3:
		return v1_t(w, off, item_len, proto);
	case 4:
		return v1_gen(w, np, off, "key len");
	case 5:
		return v1_id(w, off, item_len);
	case 6:
	case 7:
		return v1_cert(w, np, off, item_len);
	case 8:
	case 9:
		return v1_gen(w, np, off, "len");
	case 10:
		return v1_nonce(w, off);
	case 11:
		return v1_n(w, off, item_len);
	case 12:
		return v1_d(w, off);
	case 13:
		return v1_gen(w, np, off, "len");
	default:
		if (ikev2_has_printer(np) && np != IKE_NP_V2E)
			return ikev2_payload(w, np, off, item_len, depth);
		ike_npstr(w->b, np);
		return off + item_len;
	}
}

size_t ike_chain(const struct ike_walk *w, unsigned np, size_t off, unsigned proto, int depth,
		 bool v2)
{
	const struct msg *g = w->g;
	size_t cp = off;

	while (np) {
		size_t item_len;
		uint8_t next;

		if (!msg_has(g, cp, IKE_GEN_LEN))
			return trunc_np(w, np);
		next = msg_u8(g, cp);
		item_len = msg_u16(g, cp + 2);
		if (!msg_has(g, cp, item_len))
			return trunc_np(w, np);
		pbuf_putc(w->b, '\n');
		for (int i = 0; i <= depth; i++)
			pbuf_puts(w->b, "    ");
		pbuf_putc(w->b, '(');
		if (item_len <= 4)
			cp = IKE_NONE;
		else if (v2 && np == IKE_NP_V2E)
			cp = ikev2_payload(w, np, cp, item_len, depth + 1);
		else
			cp = ike_payload(w, np, cp, item_len, proto, depth + 1);
		pbuf_putc(w->b, ')');
		if (cp == IKE_NONE)
			return IKE_NONE;
		np = next;
	}
	return cp;
}

/* ---- the initiator cookies seen, to tell I from R in IKEv1 (tcpdump's cookiecache) ---- */

#define IKE_MAX_INITIATORS 20

static struct {
	uint8_t cookie[8];
	uint8_t family;
	uint8_t iaddr[16];
	uint8_t raddr[16];
} ike_initiators[IKE_MAX_INITIATORS];
static unsigned ike_next_initiator;

static int cookie_find(const uint8_t *ck)
{
	for (int i = 0; i < IKE_MAX_INITIATORS; i++)
		if (!memcmp(ck, ike_initiators[i].cookie, 8))
			return i;
	return -1;
}

static void cookie_record(const uint8_t *ck, const struct line *x)
{
	size_t alen = x->family == 6 ? 16 : 4;
	int i = cookie_find(ck);

	if (i >= 0) {
		ike_next_initiator = (unsigned)(i + 1) % IKE_MAX_INITIATORS;
		return;
	}
	if ((x->family != 4 && x->family != 6) || !x->src || !x->dst)
		return;
	ike_initiators[ike_next_initiator].family = x->family;
	memcpy(ike_initiators[ike_next_initiator].iaddr, x->src, alen);
	memcpy(ike_initiators[ike_next_initiator].raddr, x->dst, alen);
	memcpy(ike_initiators[ike_next_initiator].cookie, ck, 8);
	ike_next_initiator = (ike_next_initiator + 1) % IKE_MAX_INITIATORS;
}

static bool cookie_side(int i, const struct line *x, bool initiator)
{
	size_t alen = x->family == 6 ? 16 : 4;

	if (!x->src || ike_initiators[i].family != x->family)
		return false;
	return !memcmp(x->src, initiator ? ike_initiators[i].iaddr : ike_initiators[i].raddr, alen);
}

static void ikev1_print(const struct ike_walk *w, const struct line *x, uint8_t np, uint8_t etype)
{
	const uint8_t *ck = w->g->p;
	static const uint8_t zero[8];
	int i;

	msg_printf(w->b, w->phase == 1 ? " phase %u" : " phase %u/others", w->phase);
	i = cookie_find(ck);
	if (i < 0) {
		if (!memcmp(ck + 8, zero, 8)) {
			pbuf_puts(w->b, " I");
			cookie_record(ck, x);
		} else {
			pbuf_puts(w->b, " ?");
		}
	} else if (cookie_side(i, x, true)) {
		pbuf_puts(w->b, " I");
	} else if (cookie_side(i, x, false)) {
		pbuf_puts(w->b, " R");
	} else {
		pbuf_puts(w->b, " ?");
	}
	pbuf_putc(w->b, ' ');
	ike_etypestr(w->b, etype);
	if (w->flags)
		msg_printf(w->b, "[%s%s]", w->flags & 0x01 ? "E" : "", w->flags & 0x02 ? "C" : "");
	if (!w->v)
		return;
	pbuf_putc(w->b, ':');
	if (w->flags & 0x01) {
		pbuf_puts(w->b, " [encrypted ");
		ike_npstr(w->b, np);
		pbuf_putc(w->b, ']');
		return;
	}
	ike_chain(w, np, IKE_HDR_LEN, 0, 0, false);
}

static void ikev2_print(const struct ike_walk *w, uint8_t np, uint8_t etype)
{
	pbuf_puts(w->b, w->phase == 1 ? " parent_sa" : " child_sa ");
	pbuf_putc(w->b, ' ');
	ike_etypestr(w->b, etype);
	if (w->flags)
		msg_printf(w->b, "[%s%s%s]", w->flags & 0x08 ? "I" : "", w->flags & 0x10 ? "V" : "",
			   w->flags & 0x20 ? "R" : "");
	if (!w->v)
		return;
	pbuf_putc(w->b, ':');
	if (w->flags & 0x01) {
		pbuf_puts(w->b, " [encrypted ");
		ike_npstr(w->b, np);
		pbuf_putc(w->b, ']');
		return;
	}
	if (w->ep < IKE_HDR_LEN) {
		pbuf_puts(w->b, " [|");
		ike_npstr(w->b, np);
		pbuf_putc(w->b, ']');
		return;
	}
	ike_chain(w, np, IKE_HDR_LEN, 0, 0, true);
}

/* isakmp_print: the header, then IKEv1 or IKEv2 by the major version. */
static bool isakmp_print(struct line *x, const struct msg *g)
{
	struct pbuf *b = &x->b;
	struct ike_walk w = { .b = b, .g = g, .ep = g->cap, .v = line_verbosity(x) };
	uint8_t major, minor, np, etype;
	uint32_t msgid;

	if (!msg_has(g, 0, IKE_HDR_LEN))
		return msg_trunc(x, "isakmp");
	np = msg_u8(g, 16);
	major = msg_u8(g, 17) >> 4;
	minor = msg_u8(g, 17) & 0x0f;
	etype = msg_u8(g, 18);
	w.flags = msg_u8(g, 19);
	msgid = msg_u32(g, 20);
	w.phase = msgid ? 2 : 1;
	pbuf_puts(b, "isakmp");
	if (w.v)
		msg_printf(b, " %d.%d msgid %08x", major, minor, msgid);
	if (w.v > 1) {
		pbuf_puts(b, " cookie ");
		msg_hex(b, g->p, 8);
		pbuf_puts(b, "->");
		msg_hex(b, g->p + 8, 8);
	}
	pbuf_putc(b, ':');
	if (major == 1)
		ikev1_print(&w, x, np, etype);
	else if (major == 2)
		ikev2_print(&w, np, etype);
	else
		return true;
	if (w.v && msg_u32(g, 24) != g->len)
		msg_printf(b, " (len mismatch: isakmp %u/ip %u)", msg_u32(g, 24), g->len);
	return true;
}

bool proto_isakmp_print(struct line *x)
{
	const struct pkt_isakmp *k = &line_level(x)->isakmp;
	struct msg g, s;

	msg_of(&g, x);
	if (!k->natt)
		return isakmp_print(x, &g);
	if (k->keepalive) {
		pbuf_puts(&x->b, "isakmp-nat-keep-alive");
		return true;
	}
	if (g.len < 4 || !msg_has(&g, 0, 4))
		return msg_trunc(x, "isakmp_rfc3948");
	if (k->esp) {
		/* tcpdump's esp_print without the addresses, which UDP printed (the ESP layer's JSON follows) */
		pbuf_puts(&x->b, "UDP-encap: ");
		if (g.len <= 8 || !msg_has(&g, 0, 9))
			return msg_trunc(x, "esp");
		msg_printf(&x->b, "ESP(spi=0x%08x,seq=0x%x), length %u", msg_u32(&g, 0),
			   msg_u32(&g, 4), g.len);
		return true;
	}
	pbuf_puts(&x->b, "NONESP-encap: ");
	s = msg_sub(&g, 4, g.len - 4);
	return isakmp_print(x, &s);
}

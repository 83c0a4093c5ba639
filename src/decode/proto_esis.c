/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_esis.c: ES-IS (ISO 9542) as tcpdump prints it: hellos, redirects and their options. */
#include "config.h"

#include "decode/proto_osi.h"

#define ESIS_HDR_LEN  9
#define ESIS_ESH      2
#define ESIS_ISH      4
#define ESIS_REDIRECT 6

#define ESIS_OPT_PROTOCOLS 129
#define ESIS_OPT_CONF_TIME 198

static const struct msg_tok esis_pdu_names[] = {
	{ ESIS_REDIRECT, "redirect" },
	{ ESIS_ESH, "ESH" },
	{ ESIS_ISH, "ISH" },
	{ 0, NULL },
};

static const struct msg_tok esis_option_names[] = {
	{ ESIS_OPT_PROTOCOLS, "Protocols supported" },
	{ 195, "QoS Maintenance" },
	{ 197, "Security" },
	{ ESIS_OPT_CONF_TIME, "ES Configuration Time" },
	{ 205, "Priority" },
	{ 225, "Addressk Mask" },
	{ 226, "SNPA Mask" },
	{ 0, NULL },
};

/*
 * A redirect: destination, subnetwork address, and the network entity to
 * use.  false after tcpdump's ", bad redirect/li" (which ends the PDU).
 */
static bool put_redirect(struct osi *s, size_t *pp, unsigned *li)
{
	size_t p = *pp, snpa, net;
	unsigned dstl, snpal, netal;

	osi_need(s, p, 1);
	if (*li < 1)
		goto bad;
	dstl = msg_u8(&s->g, p);
	p++;
	(*li)--;
	osi_need(s, p, dstl);
	if (*li < dstl)
		goto bad;
	pbuf_puts(s->b, "\n\t  ");
	osi_put_nsap(s, p, dstl);
	p += dstl;
	*li -= dstl;
	osi_need(s, p, 1);
	if (*li < 1)
		goto bad;
	snpal = msg_u8(&s->g, p);
	p++;
	(*li)--;
	osi_need(s, p, snpal);
	if (*li < snpal)
		goto bad;
	snpa = p;
	p += snpal;
	*li -= snpal;
	osi_need(s, p, 1);
	if (*li < 1)
		goto bad;
	/* tcpdump does not count this length byte against the length indicator */
	netal = msg_u8(&s->g, p);
	p++;
	osi_need(s, p, netal);
	if (*li < netal)
		goto bad;
	net = p;
	p += netal;
	*li -= netal;
	msg_printf(s->b, "\n\t  SNPA (length: %u): ", snpal);
	if (snpal == 6)
		pbuf_mac(s->b, s->g.p + snpa);
	else if (!snpal)
		pbuf_puts(s->b, "<empty>");
	else
		pbuf_hwaddr(s->b, s->g.p + snpa, snpal);
	if (netal) {
		msg_printf(s->b, "\n\t  NET (length: %u) ", netal);
		osi_put_nsap(s, net, netal);
	}
	*pp = p;
	return true;
bad:
	pbuf_puts(s->b, ", bad redirect/li");
	return false;
}

/* One NET: its length byte and address; false after ", bad what/li". */
static bool put_net(struct osi *s, size_t *pp, unsigned *li, const char *what)
{
	unsigned len;

	osi_need(s, *pp, 1);
	if (*li < 1)
		goto bad;
	len = msg_u8(&s->g, *pp);
	(*pp)++;
	(*li)--;
	osi_need(s, *pp, len);
	if (*li < len)
		goto bad;
	msg_printf(s->b, "\n\t  NET (length: %u): ", len);
	osi_put_nsap(s, *pp, len);
	*pp += len;
	*li -= len;
	return true;
bad:
	msg_printf(s->b, ", bad %s/li", what);
	return false;
}

static void put_options(struct osi *s, size_t p, unsigned li)
{
	while (li != 0) {
		unsigned op, opli;
		size_t t;

		if (li < 2) {
			pbuf_puts(s->b, ", bad opts/li");
			return;
		}
		op = osi_u8(s, p);
		opli = osi_u8(s, p + 1);
		p += 2;
		li -= 2;
		if (opli > li) {
			msg_printf(s->b, ", opt (%u) too long", op);
			return;
		}
		li -= opli;
		t = p;
		pbuf_puts(s->b, "\n\t  ");
		msg_tok_put(s->b, esis_option_names, "Unknown", op);
		msg_printf(s->b, " Option #%u, length %u, value: ", op, opli);
		switch (op) {
		case ESIS_OPT_CONF_TIME:
			if (opli == 2)
				msg_printf(s->b, "%us", osi_u16(s, t));
			else
				pbuf_puts(s->b, "(bad length)");
			break;
		case ESIS_OPT_PROTOCOLS:
			for (unsigned n = opli; n > 0; n--, t++) {
				uint8_t v = osi_u8(s, t);

				msg_tok_put(s->b, osi_nlpid_names, "unknown", v);
				msg_printf(s->b, " (0x%02x)", v);
				if (n > 1)
					pbuf_puts(s->b, ", ");
			}
			/*
			 * tcpdump counts the option's length down to 0 here: the
			 * next option is read from this one's value
			 */
			opli = 0;
			break;
		default:
			osi_unknown(s, t, "\n\t  ", opli);
			break;
		}
		if (s->v > 1)
			osi_unknown(s, p, "\n\t  ", opli);
		p += opli;
	}
}

void osi_esis_print(struct osi *s, uint32_t length)
{
	unsigned li, type;
	size_t p = ESIS_HDR_LEN;

	s->proto = "esis";
	if (!s->e)
		pbuf_puts(s->b, "ES-IS");
	if (length <= 2) {
		pbuf_puts(s->b, s->q ? "bad pkt!" : "no header at all!");
		return;
	}
	osi_need(s, 0, ESIS_HDR_LEN);
	li = osi_u8(s, 1);
	if (osi_u8(s, 0) != OSI_NLPID_ESIS) {
		msg_printf(s->b, " nlpid 0x%02x packet not supported", osi_u8(s, 0));
		return;
	}
	if (osi_u8(s, 2) != 1) {
		msg_printf(s->b, " version %u packet not supported", osi_u8(s, 2));
		return;
	}
	if (li > length) {
		msg_printf(s->b, " length indicator(%u) > PDU size (%u)!", li, length);
		return;
	}
	if (li < ESIS_HDR_LEN + 2) {
		msg_printf(s->b, " length indicator %u < min PDU size:", li);
		for (size_t i = 0; i < s->g.cap; i++)
			msg_printf(s->b, "%02X", s->g.p[i]);
		return;
	}
	type = osi_u8(s, 4) & 0x1f;
	if (!s->v) {
		pbuf_puts(s->b, s->e ? "" : ", ");
		msg_tok_put(s->b, esis_pdu_names, "unknown type (%u)", type);
		msg_printf(s->b, ", length %u", length);
		return;
	}
	msg_printf(s->b, "%slength %u\n\t", s->e ? "" : ", ", length);
	msg_tok_put(s->b, esis_pdu_names, "unknown type: %u", type);
	msg_printf(s->b, " (%u), v: 1, checksum: 0x%04x", type, osi_u16(s, 7));
	osi_put_cksum(s, 0, osi_u16(s, 7), 7, li);
	msg_printf(s->b, ", holding time: %us, length indicator: %u", osi_u16(s, 5), li);
	if (s->v > 1)
		osi_unknown(s, 0, "\n\t", ESIS_HDR_LEN);
	li -= ESIS_HDR_LEN;
	switch (type) {
	case ESIS_REDIRECT:
		if (!put_redirect(s, &p, &li))
			return;
		break;
	case ESIS_ESH: {
		unsigned n;

		osi_need(s, p, 1);
		if (li < 1) {
			pbuf_puts(s->b, ", bad esh/li");
			return;
		}
		n = msg_u8(&s->g, p);
		p++;
		li--;
		msg_printf(s->b, "\n\t  Number of Source Addresses: %u", n);
		for (; n > 0; n--)
			if (!put_net(s, &p, &li, "esh"))
				return;
		break;
	}
	case ESIS_ISH:
		if (!put_net(s, &p, &li, "ish"))
			return;
		break;
	default:
		if (s->v <= 1 && osi_has(s, p, 1))
			osi_unknown(s, p, "\n\t  ", s->g.cap - p);
		return;
	}
	put_options(s, p, li);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ppp_cp.c: the PPP protocols PPP's printer prints itself (RFC 1661 5's
 * control protocol packet: LCP, IPCP, IPv6CP, CCP, BACP ...; and the dispatch
 * to PAP, CHAP and the multilink header), as tcpdump 4.99.3's handle_ppp and
 * handle_ctrl_proto print them: code, id and length; with -v the encoded
 * length, each Configure packet's options and each other code's fields.
 */
#include "config.h"

#include "decode/proto_l2.h"
#include "decode/proto_ppp_cp.h"

/* cpcodes (RFC 1661, 1570, 1962, 2153) */
static const struct msg_tok ppp_cp_codes[] = {
	{ 0, "Vendor-Extension" }, { 1, "Conf-Request" }, { 2, "Conf-Ack" },	 { 3, "Conf-Nack" },
	{ 4, "Conf-Reject" },	   { 5, "Term-Request" }, { 6, "Term-Ack" },	 { 7, "Code-Reject" },
	{ 8, "Prot-Reject" },	   { 9, "Echo-Request" }, { 10, "Echo-Reply" }, { 11, "Disc-Req" },
	{ 12, "Ident" },	   { 13, "Time-Rem" },	  { 14, "Reset-Req" },	 { 15, "Reset-Ack" },
	{ 0, NULL },
};

enum {
	CP_VEXT = 0,
	CP_CONF_REQ = 1,
	CP_CONF_ACK = 2,
	CP_CONF_NAK = 3,
	CP_CONF_REJ = 4,
	CP_TERM_REQ = 5,
	CP_TERM_ACK = 6,
	CP_CODE_REJ = 7,
	CP_PROT_REJ = 8,
	CP_ECHO_REQ = 9,
	CP_ECHO_RPL = 10,
	CP_DISC_REQ = 11,
	CP_ID = 12,
	CP_TIME_REM = 13,
};

/* handle_ctrl_proto's "goto trunc": "[|LCP]", no space. */
static void cp_trunc(struct ppp_pr *p, const char *name)
{
	pbuf_puts(p->b, "[|");
	pbuf_puts(p->b, name);
	pbuf_putc(p->b, ']');
	p->cut = true;
}

/* The Configure packets' options, one printer call each, while the encoded length lasts. */
static void cp_options(struct ppp_pr *p, uint16_t proto, size_t t, uint32_t len)
{
	ppp_opt_fn fn = ppp_opt_printer(proto);
	uint32_t tlen = len - 4;
	size_t adv;

	if (!fn)
		return;
	do {
		adv = fn(p, t, len);
		if (!adv || p->cut)
			return;
		if (tlen < adv) {
			msg_printf(p->b, " [remaining options length %u < %zu] (invalid)", tlen, adv);
			return;
		}
		tlen -= (uint32_t)adv;
		t += adv;
	} while (tlen);
}

/* The magic number after the header at t: "\n\t  Magic-Num 0x..."; false when cut. */
static bool put_magic(struct ppp_pr *p, size_t t)
{
	uint32_t v = ppp_u32(p, t + 4);

	if (p->cut)
		return false;
	msg_printf(p->b, "\n\t  Magic-Num 0x%08x", v);
	return true;
}

/* Each code's fields after the header, at t; len is the encoded length. */
static void cp_fields(struct ppp_pr *p, uint16_t proto, const char *name, uint8_t code, size_t t,
		      uint32_t len)
{
	struct pbuf *b = p->b;
	uint32_t v, w;

	switch (code) {
	case CP_VEXT:
		if (len < 11 || !put_magic(p, t))
			break;
		if (!ppp_need(p, t + 8, 3))
			break;
		w = msg_u24(&p->g, t + 8);
		msg_printf(b, " Vendor: %s (%u)", proto_llc_oui_name(w) ?: "Unknown", w);
		break;
	case CP_CONF_REQ:
	case CP_CONF_ACK:
	case CP_CONF_NAK:
	case CP_CONF_REJ:
		cp_options(p, proto, t + 4, len);
		break;
	case CP_TERM_REQ:
	case CP_TERM_ACK:
	case CP_CODE_REJ:
		break;
	case CP_PROT_REJ:
		if (len < 6)
			break;
		v = ppp_u16(p, t + 4);
		if (p->cut)
			break;
		msg_printf(b, "\n\t  Rejected %s Protocol (0x%04x)", ppp_proto_name((uint16_t)v) ?: "unknown",
			   v);
		if (len > 6) {
			pbuf_puts(b, "\n\t  Rejected Packet");
			ppp_unknown_data(p, t + 6, len - 2, "\n\t    ");
		}
		break;
	case CP_ECHO_REQ:
	case CP_ECHO_RPL:
	case CP_DISC_REQ:
		if (len < 8 || !put_magic(p, t))
			break;
		if (len > 8) {
			pbuf_puts(b, "\n\t  -----trailing data-----");
			if (!msg_has(&p->g, t + 8, len - 8)) {
				cp_trunc(p, name);
				break;
			}
			ppp_unknown_data(p, t + 8, len - 8, "\n\t  ");
		}
		break;
	case CP_ID:
		if (len < 8 || !put_magic(p, t))
			break;
		/* RFC 1570's message, len - 4 bytes from the message's start as tcpdump reads it */
		if (len > 8) {
			pbuf_puts(b, "\n\t  Message\n\t    ");
			if (!msg_printjn(b, &p->g, t + 8, len - 4))
				cp_trunc(p, name);
		}
		break;
	case CP_TIME_REM:
		if (len < 12 || !put_magic(p, t))
			break;
		v = ppp_u32(p, t + 8);
		if (p->cut)
			break;
		msg_printf(b, ", Seconds-Remaining %us", v);
		break;
	default:
		/* tcpdump's dump from two bytes before the packet: the protocol field */
		if (p->v <= 1 && t >= 2)
			ppp_unknown_data(p, t - 2, len + 2, "\n\t  ");
		break;
	}
}

void ppp_cp_print(struct ppp_pr *p, uint16_t proto, size_t off, uint32_t length)
{
	const char *name = ppp_proto_name(proto);
	struct pbuf *b = p->b;
	uint8_t code;
	uint32_t len;

	pbuf_puts(b, name);
	pbuf_puts(b, ", ");
	if (length < 4 || !msg_has(&p->g, off, 2)) {
		cp_trunc(p, name);
		return;
	}
	code = msg_u8(&p->g, off);
	msg_tok_put(b, ppp_cp_codes, "Unknown Opcode", code);
	msg_printf(b, " (0x%02x), id %u, length %u", code, msg_u8(&p->g, off + 1), length + 2);
	if (!p->v)
		return;
	len = ppp_u16(p, off + 2);
	if (p->cut)
		return;
	if (len < 4) {
		msg_printf(b, "\n\tencoded length %u (< 4))", len);
		return;
	}
	if (len > length) {
		msg_printf(b, "\n\tencoded length %u (> packet length %u))", len, length);
		return;
	}
	msg_printf(b, "\n\tencoded length %u (=Option(s) length %u)", len, len - 4);
	if (len == 4)
		return; /* a NULL Configure-Request and the like */
	if (p->v > 1 && off >= 2)
		ppp_unknown_data(p, off - 2, 6, "\n\t");
	cp_fields(p, proto, name, code, off, len);
}

/* handle_ppp, for what is no layer of its own. */
bool ppp_handle(struct ppp_pr *p, uint16_t proto, size_t off, uint32_t length)
{
	const char *name;

	if (ppp_is_cp(proto)) {
		ppp_cp_print(p, proto, off, length);
		return true;
	}
	switch (proto) {
	case PPP_PROTO_ML:
		ppp_ml_print(p, off, length);
		return true;
	case PPP_PROTO_CHAP:
		ppp_chap_print(p, off, length);
		return true;
	case PPP_PROTO_PAP:
		ppp_pap_print(p, off, length);
		return true;
	case PPP_PROTO_BAP: /* tcpdump prints nothing of it */
		return true;
	case PPP_PROTO_IP:
	case PPP_PROTO_VJNC:
	case 0x0800:
	case PPP_PROTO_IPV6:
	case 0x86dd:
	case PPP_PROTO_OSI:
	case PPP_PROTO_MPLS_UC:
	case PPP_PROTO_MPLS_MC:
		return false;
	case PPP_PROTO_COMP:
		pbuf_puts(p->b, "compressed PPP data");
		return true;
	}
	name = ppp_proto_name(proto);
	if (name)
		msg_printf(p->b, "%s ", name);
	else
		msg_printf(p->b, "unknown PPP protocol (0x%04x) ", proto);
	ppp_unknown_data(p, off, length, "\n\t");
	return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_q933.c: ITU-T Q.933 (and ANSI T1.617 Annex D) signalling, the NLPID
 * 0x08 payload of Frame Relay and of OSI over PPP: the LMI messages, their
 * report type, link verify and PVC status elements, as tcpdump's q933_print.
 */
#include "config.h"

#include "decode/proto.h"
#include "decode/proto_msg.h"

#define Q933_IE_SINGLE_OCTET 0x80
#define Q933_SHIFT_NON_LOCKING 0x08
#define Q933_SHIFT_CODESET 0x07

static const struct msg_tok q933_msgs[] = {
	{ 0x00, "ESC to National" }, { 0x01, "Alert" },	      { 0x02, "Call proceeding" },
	{ 0x07, "Connect" },	     { 0x0f, "Connect ACK" }, { 0x03, "Progress" },
	{ 0x05, "Setup" },	     { 0x45, "Disconnect" },  { 0x4d, "Release" },
	{ 0x5a, "Release Complete" }, { 0x46, "Restart" },   { 0x4e, "Restart ACK" },
	{ 0x7d, "Status Reply" },    { 0x75, "Status Enquiry" }, { 0, NULL },
};

/* the elements of codesets 0 and 5, the only ones tcpdump names */
static const struct msg_tok q933_ies[] = {
	{ 0x01, "ANSI Report Type" },  { 0x19, "ANSI Link Verify" },  { 0x03, "ANSI Link Verify" },
	{ 0x07, "ANSI PVC Status" },   { 0x51, "CCITT Report Type" }, { 0x53, "CCITT Link Verify" },
	{ 0x57, "CCITT PVC Status" },  { 0, NULL },
};

static const struct msg_tok q933_no_ies[] = { { 0, NULL } };

static const struct msg_tok q933_report_types[] = {
	{ 0, "Full Status" }, { 1, "Link verify" }, { 2, "Async PVC Status" }, { 0, NULL },
};

static bool q933_is_shift(uint8_t c)
{
	return (c & 0xf0) == 0x90;
}

/*
 * A PVC status element's DLCI, 3 to 5 octets: the extension bit is set on
 * the last address octet (the one before the status octet) and on the
 * status octet, clear on the others.
 */
static bool q933_dlci_ok(const uint8_t *p, unsigned n)
{
	if (n < 3 || n > 5 || (p[0] & 0x80) || !(p[n - 2] & 0x80) || !(p[n - 1] & 0x80))
		return false;
	for (unsigned i = 1; i + 2 < n; i++)
		if (p[i] & 0x80)
			return false;
	return true;
}

/* An element of codeset 0 or 5 (captured, n > 0 bytes); false when tcpdump does not know it. */
static bool q933_known_ie(struct pbuf *b, uint8_t code, const uint8_t *p, unsigned n, int v)
{
	uint32_t dlci;

	switch (code) {
	case 0x01:
	case 0x51:
		if (v) {
			msg_tok_put(b, q933_report_types, "unknown", p[0]);
			msg_printf(b, " (%u)", p[0]);
		}
		return true;
	case 0x03:
	case 0x53:
	case 0x19:
		if (!v)
			pbuf_puts(b, ", ");
		if (n < 2)
			pbuf_puts(b, "Invalid LINK VERIFY IE");
		else
			msg_printf(b, "TX Seq: %3d, RX Seq: %3d", p[0], p[1]);
		return true;
	case 0x07:
	case 0x57:
		if (!v)
			pbuf_puts(b, ", ");
		if (!q933_dlci_ok(p, n)) {
			pbuf_puts(b, "Invalid DLCI in PVC STATUS IE");
			return true;
		}
		dlci = (uint32_t)(p[0] & 0x3f) << 4 | (p[1] & 0x78) >> 3;
		if (n == 4)
			dlci = dlci << 6 | (p[2] & 0x7e) >> 1;
		else if (n == 5)
			dlci = dlci << 13 | (p[2] & 0x7f) | (p[3] & 0x7e) >> 1;
		msg_printf(b, "DLCI %u: status %s%s", dlci, p[n - 1] & 0x08 ? "New, " : "",
			   p[n - 1] & 0x02 ? "Active" : "Inactive");
		return true;
	}
	return false;
}

/* The header up to the message type: ", length N" and the mark when the packet ends in it. */
static bool q933_cut(struct pbuf *b, bool e, uint32_t olen)
{
	if (!e)
		pbuf_puts(b, ", ");
	msg_printf(b, "length %u", olen);
	return msg_trunc_put(b, "q.933");
}

void proto_q933_put(struct pbuf *b, const struct msg *g, int v, bool e)
{
	uint32_t olen = g->len, off, cr_len, codeset = 0, unshift = 0;
	unsigned non_locking = 0;
	bool ansi = false;
	uint8_t msgtype, code, ielen;

	if (!e)
		pbuf_puts(b, "Q.933");
	if (g->len == 0 || !msg_has(g, 0, 1)) {
		q933_cut(b, e, g->len);
		return;
	}
	cr_len = msg_u8(g, 0) & 0x0f;
	/* the call reference, then the message type */
	if (g->len < 2 + cr_len || !msg_has(g, 0, 2 + cr_len)) {
		q933_cut(b, e, olen);
		return;
	}
	msgtype = msg_u8(g, 1 + cr_len);
	off = 2 + cr_len;
	/* a shift first sets the codeset; a locking one to codeset 5 is ANSI T1.617 */
	if (off < g->len) {
		if (!msg_has(g, off, 1)) {
			q933_cut(b, e, olen);
			return;
		}
		code = msg_u8(g, off);
		if (q933_is_shift(code)) {
			off++;
			codeset = code & Q933_SHIFT_CODESET;
			if (!(code & Q933_SHIFT_NON_LOCKING))
				ansi = codeset == 5;
			else
				non_locking = 1;
		}
	}
	if (!e)
		pbuf_puts(b, ", ");
	msg_printf(b, "%s, codeset %u", ansi ? "ANSI" : "CCITT", codeset);
	/* tcpdump tests the byte after the header, not the reference, for a dummy reference */
	if (cr_len != 0 && (cr_len > 1 || !msg_has(g, off, 1) || msg_u8(g, off) != 0)) {
		if (cr_len == 1 && !msg_has(g, off, 1)) {
			msg_trunc_put(b, "q.933");
			return;
		}
		pbuf_puts(b, ", Call Ref: 0x");
		msg_hex(b, g->p + 1, cr_len);
	}
	if (v) {
		pbuf_puts(b, ", ");
		msg_tok_put(b, q933_msgs, "unknown message", msgtype);
		msg_printf(b, " (0x%02x), length %u", msgtype, olen);
	} else {
		pbuf_puts(b, ", ");
		msg_tok_put(b, q933_msgs, "unknown message 0x%02x", msgtype);
	}
	while (off < g->len) {
		if (non_locking == 1) {
			non_locking = 2;
		} else if (non_locking == 2) {
			codeset = unshift;
			non_locking = 0;
		}
		if (!msg_has(g, off, 1))
			goto trunc;
		code = msg_u8(g, off++);
		if (code & Q933_IE_SINGLE_OCTET) {
			if (q933_is_shift(code)) {
				if (!(code & Q933_SHIFT_NON_LOCKING)) {
					non_locking = 0;
				} else {
					non_locking = 1;
					unshift = codeset;
				}
				codeset = code & Q933_SHIFT_CODESET;
			}
			continue;
		}
		if (off >= g->len || !msg_has(g, off, 1))
			goto trunc;
		ielen = msg_u8(g, off++);
		if (v) {
			pbuf_puts(b, "\n\t");
			msg_tok_put(b, codeset == 0 || codeset == 5 ? q933_ies : q933_no_ies, "unknown",
				    code);
			msg_printf(b, " IE (0x%02x), length %u: ", code, ielen);
		}
		if (code == 0 || ielen == 0)
			return;
		if (g->len - off < ielen || !msg_has(g, off, ielen))
			goto trunc;
		if ((codeset == 0 || codeset == 5) &&
		    q933_known_ie(b, code, g->p + off, ielen, v)) {
			if (v > 1)
				msg_hex_lines(b, "\n\t  ", g->p + off, ielen);
		} else if (v) {
			msg_hex_lines(b, "\n\t", g->p + off, ielen);
		}
		off += ielen;
	}
	if (!v)
		msg_printf(b, ", length %u", olen);
	return;
trunc:
	if (!v)
		msg_printf(b, ", length %u", olen);
	msg_trunc_put(b, "q.933");
}

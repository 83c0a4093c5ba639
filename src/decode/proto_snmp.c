/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_snmp.c: SNMP (RFC 1157, 3416, 3412, 3414) over UDP 161 and 162, or
 * any port with -T snmp: dissector and tcpdump's text (print-snmp.c without
 * libsmi, OIDs as numbers).  The BER elements are read by proto_snmp_ber.c.
 */
#include "config.h"

#include <string.h>

#include "decode/proto.h"
#include "decode/proto_msg.h"
#include "decode/proto_snmp_ber.h"

/* The message is read again when printed: the dissector only names the layer. */
int proto_snmp_dissect(struct pkt_cursor *c, struct pkt_meta *m)
{
	(void)c;
	proto_level(m)->app = PKT_PROTO_SNMP;
	return PKT_PROTO_NONE;
}

/* ---- printer: tcpdump's text ----------------------------------------------------------------- */

enum { SNMP_V1, SNMP_V2C, SNMP_V2U, SNMP_V3 };

static const char *const snmp_versions[] = { "SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3" };

/*
 * One message's walk.  tcpdump gives up on a structure when an element does
 * not read, and its callers go on closing their braces; but where it reads a
 * byte past the capture without checking first, it abandons the packet at
 * once: end says so, and nothing more is printed.
 */
struct snmp_walk {
	struct pbuf *b;
	const struct msg *g;
	unsigned v; /* -v count */
	bool end;
};

/* asn1_parse: the element at off, its complaint or note printed as tcpdump prints them. */
static bool rd(struct snmp_walk *w, uint32_t off, uint32_t len, struct snmp_ber *e)
{
	bool ok = snmp_ber_read(w->g, off, len, e);

	if (!ok && e->err == SNMP_BER_END)
		w->end = true;
	snmp_ber_note(w->b, e);
	return ok;
}

/* An element of the wrong type: "[what]" and the element as it is. */
static void wrong(struct snmp_walk *w, const char *what, const struct snmp_ber *e)
{
	msg_printf(w->b, "[%s]", what);
	snmp_ber_print(w->b, w->g, e);
}

/* An element of type want, or the complaint; the element then follows off. */
static bool rd_type(struct snmp_walk *w, uint32_t *off, uint32_t *len, struct snmp_ber *e,
		    uint8_t want, const char *what)
{
	if (!rd(w, *off, *len, e))
		return false;
	if (e->type != want) {
		wrong(w, what, e);
		return false;
	}
	*len -= e->count;
	*off += e->count;
	return true;
}

/* A SEQUENCE, or the complaint; off and len then delimit its contents. */
static bool rd_seq(struct snmp_walk *w, uint32_t *off, uint32_t *len, struct snmp_ber *e,
		   const char *what)
{
	if (!rd(w, *off, *len, e))
		return false;
	if (e->type != SNMP_BE_SEQ) {
		wrong(w, what, e);
		return false;
	}
	*off = e->off;
	*len = e->asnlen;
	return true;
}

static void put_error(struct pbuf *b, int32_t status)
{
	const char *s = snmp_error_name(status);

	if (s)
		pbuf_puts(b, s);
	else
		msg_printf(b, "err=%u", (uint32_t)status);
}

static bool is_read_class(unsigned pdu)
{
	return pdu == SNMP_GETREQ || pdu == SNMP_GETNEXTREQ || pdu == SNMP_GETBULKREQ;
}

/* The PDUs whose error status and index must be 0. */
static bool is_request_class(unsigned pdu)
{
	return pdu == SNMP_GETREQ || pdu == SNMP_GETNEXTREQ || pdu == SNMP_SETREQ ||
	       pdu == SNMP_INFORMREQ || pdu == SNMP_V2TRAP || pdu == SNMP_REPORT;
}

/*
 * VarBindList ::= SEQUENCE OF SEQUENCE { name OID, value ANY }: " name" for
 * the requests that only name objects, " name=value" for the others.
 */
static void varbinds_print(struct snmp_walk *w, unsigned pdu, uint32_t off, uint32_t len)
{
	struct snmp_ber e;

	if (!rd(w, off, len, &e))
		return;
	if (e.type != SNMP_BE_SEQ) {
		wrong(w, "!SEQ of varbind", &e);
		return;
	}
	if (e.count < len)
		msg_printf(w->b, "[%d extra after SEQ of varbind]", (int)(len - e.count));
	len = e.asnlen;
	off = e.off;
	while (len > 0) {
		uint32_t vb_end, vb_len;

		pbuf_putc(w->b, ' ');
		if (!rd(w, off, len, &e))
			return;
		if (e.type != SNMP_BE_SEQ) {
			wrong(w, "!varbind", &e);
			return;
		}
		vb_end = off + e.count;
		vb_len = len - e.count;
		len = e.asnlen;
		off = e.off;
		if (!rd(w, off, len, &e))
			return;
		if (e.type != SNMP_BE_OID) {
			wrong(w, "objName!=OID", &e);
			return;
		}
		snmp_ber_print(w->b, w->g, &e);
		len -= e.count;
		off += e.count;
		if (!is_read_class(pdu))
			pbuf_putc(w->b, '=');
		if (!rd(w, off, len, &e))
			return;
		if (is_read_class(pdu)) {
			if (e.type != SNMP_BE_NULL)
				wrong(w, "objVal!=NULL", &e);
		} else if (e.type != SNMP_BE_NULL) {
			snmp_ber_print(w->b, w->g, &e);
		}
		len = vb_len;
		off = vb_end;
	}
}

/* Every PDU but the v1 Trap: request id, error status and index (GetBulk's N and M), varbinds. */
static void snmppdu_print(struct snmp_walk *w, unsigned pdu, uint32_t off, uint32_t len)
{
	struct snmp_ber e;
	int32_t error_status = 0;

	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "reqId!=INT"))
		return;
	if (w->v)
		msg_printf(w->b, "R=%d ", e.integer);
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "errorStatus!=INT"))
		return;
	if (is_request_class(pdu) && e.integer != 0) {
		pbuf_puts(w->b, "[errorStatus(");
		put_error(w->b, e.integer);
		pbuf_puts(w->b, ")!=0]");
	} else if (pdu == SNMP_GETBULKREQ) {
		msg_printf(w->b, " N=%d", e.integer);
	} else if (e.integer != 0) {
		pbuf_putc(w->b, ' ');
		put_error(w->b, e.integer);
		error_status = e.integer;
	}
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "errorIndex!=INT"))
		return;
	if (is_request_class(pdu) && e.integer != 0)
		msg_printf(w->b, "[errorIndex(%d)!=0]", e.integer);
	else if (pdu == SNMP_GETBULKREQ)
		msg_printf(w->b, " M=%d", e.integer);
	else if (e.integer != 0 && !error_status)
		msg_printf(w->b, "[errorIndex(%d) w/o errorStatus]", e.integer);
	else if (e.integer != 0)
		msg_printf(w->b, "@%d", e.integer);
	else if (error_status)
		pbuf_puts(w->b, "[errorIndex==0]");
	varbinds_print(w, pdu, off, len);
}

/* The v1 Trap (RFC 1157 4.1.6): enterprise, agent address, generic and specific trap, time. */
static void trappdu_print(struct snmp_walk *w, uint32_t off, uint32_t len)
{
	struct snmp_ber e;
	int32_t generic;
	const char *name;

	pbuf_putc(w->b, ' ');
	if (!rd_type(w, &off, &len, &e, SNMP_BE_OID, "enterprise!=OID"))
		return;
	snmp_ber_print(w->b, w->g, &e);
	pbuf_putc(w->b, ' ');
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INETADDR, "agent-addr!=INETADDR"))
		return;
	snmp_ber_print(w->b, w->g, &e);
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "generic-trap!=INT"))
		return;
	generic = e.integer;
	name = snmp_generic_trap_name(generic);
	if (name)
		msg_printf(w->b, " %s", name);
	else
		msg_printf(w->b, " gt=%d", generic);
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "specific-trap!=INT"))
		return;
	if (generic != 6) {
		if (e.integer != 0)
			msg_printf(w->b, "[specific-trap(%d)!=0]", e.integer);
	} else {
		msg_printf(w->b, " s=%d", e.integer);
	}
	pbuf_putc(w->b, ' ');
	if (!rd_type(w, &off, &len, &e, SNMP_BE_UNS, "time-stamp!=TIMETICKS"))
		return;
	snmp_ber_print(w->b, w->g, &e);
	varbinds_print(w, SNMP_TRAP, off, len);
}

/* A PDU of any type: its name and length, then its fields. */
static void pdu_print(struct snmp_walk *w, uint32_t off, uint32_t len, int version)
{
	struct snmp_ber pdu;

	if (!rd(w, off, len, &pdu))
		return;
	if (pdu.type != SNMP_BE_PDU) {
		pbuf_puts(w->b, "[no PDU]");
		return;
	}
	if (pdu.count < len)
		msg_printf(w->b, "[%d extra after PDU]", (int)(len - pdu.count));
	if (w->v)
		pbuf_puts(w->b, "{ ");
	snmp_ber_print(w->b, w->g, &pdu);
	pbuf_putc(w->b, ' ');
	if (version == SNMP_V1 && (pdu.id == SNMP_GETBULKREQ || pdu.id == SNMP_INFORMREQ ||
				   pdu.id == SNMP_V2TRAP || pdu.id == SNMP_REPORT)) {
		pbuf_puts(w->b, "[v2 PDU in v1 message]");
		return;
	}
	if (version == SNMP_V2C && pdu.id == SNMP_TRAP) {
		pbuf_puts(w->b, "[v1 PDU in v2 message]");
		return;
	}
	if (pdu.id == SNMP_TRAP)
		trappdu_print(w, pdu.off, pdu.asnlen);
	else
		snmppdu_print(w, pdu.id, pdu.off, pdu.asnlen);
	if (w->v && !w->end)
		pbuf_puts(w->b, " } ");
}

/* SNMPv3's ScopedPDU (RFC 3412 6): context engine id and name, then the PDU. */
static void scopedpdu_print(struct snmp_walk *w, uint32_t off, uint32_t len)
{
	struct snmp_ber e;

	if (!rd_seq(w, &off, &len, &e, "!scoped PDU"))
		return;
	if (!rd_type(w, &off, &len, &e, SNMP_BE_STR, "contextEngineID!=STR"))
		return;
	pbuf_puts(w->b, "E=");
	snmp_ber_print_octets(w->b, w->g, &e);
	pbuf_putc(w->b, ' ');
	if (!rd_type(w, &off, &len, &e, SNMP_BE_STR, "contextName!=STR"))
		return;
	pbuf_puts(w->b, "C=");
	snmp_ber_print_string(w->b, w->g, &e);
	pbuf_putc(w->b, ' ');
	pdu_print(w, off, len, SNMP_V3);
}

/* v1 and v2c: the community ("public", the default, unsaid), then the PDU. */
static void community_print(struct snmp_walk *w, uint32_t off, uint32_t len, int version)
{
	struct snmp_ber e;

	if (!rd_type(w, &off, &len, &e, SNMP_BE_STR, "comm!=STR"))
		return;
	if (!(e.asnlen == 6 && !memcmp(w->g->p + e.off, "public", 6))) {
		pbuf_puts(w->b, "C=");
		snmp_ber_print_string(w->b, w->g, &e);
		pbuf_putc(w->b, ' ');
	}
	pdu_print(w, off, len, version);
}

/* The User-based Security Model's parameters (RFC 3414 2.4): boots and time with -v, the user. */
static void usm_print(struct snmp_walk *w, uint32_t off, uint32_t len)
{
	struct snmp_ber e;

	if (!rd_seq(w, &off, &len, &e, "!usm"))
		return;
	if (!rd_type(w, &off, &len, &e, SNMP_BE_STR, "msgAuthoritativeEngineID!=STR"))
		return;
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "msgAuthoritativeEngineBoots!=INT"))
		return;
	if (w->v)
		msg_printf(w->b, "B=%d ", e.integer);
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "msgAuthoritativeEngineTime!=INT"))
		return;
	if (w->v)
		msg_printf(w->b, "T=%d ", e.integer);
	if (!rd_type(w, &off, &len, &e, SNMP_BE_STR, "msgUserName!=STR"))
		return;
	pbuf_puts(w->b, "U=");
	snmp_ber_print_string(w->b, w->g, &e);
	pbuf_putc(w->b, ' ');
	if (!rd_type(w, &off, &len, &e, SNMP_BE_STR, "msgAuthenticationParameters!=STR"))
		return;
	if (!rd_type(w, &off, &len, &e, SNMP_BE_STR, "msgPrivacyParameters!=STR"))
		return;
	/* tcpdump compares the last element's size with what is left after it */
	if (e.count < len)
		msg_printf(w->b, "[%d extra after usm SEQ]", (int)(len - e.count));
}

/* SNMPv3 (RFC 3412 6): the header data, the security parameters, the ScopedPDU. */
static void v3msg_print(struct snmp_walk *w, uint32_t off, uint32_t len)
{
	struct snmp_ber e;
	uint32_t start = off, whole = len;
	uint8_t flags;
	int32_t model;

	if (!rd_seq(w, &off, &len, &e, "!message"))
		return;
	if (w->v)
		pbuf_puts(w->b, "{ ");
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "msgID!=INT") ||
	    !rd_type(w, &off, &len, &e, SNMP_BE_INT, "msgMaxSize!=INT"))
		return;
	if (!rd(w, off, len, &e))
		return;
	if (e.type != SNMP_BE_STR) {
		wrong(w, "msgFlags!=STR", &e);
		return;
	}
	if (e.asnlen != 1) {
		msg_printf(w->b, "[msgFlags size %d]", (int)e.asnlen);
		return;
	}
	flags = msg_u8(w->g, e.off);
	if (flags != 0x00 && flags != 0x01 && flags != 0x03 && flags != 0x04 && flags != 0x05 &&
	    flags != 0x07) {
		msg_printf(w->b, "[msgFlags=0x%02X]", flags);
		return;
	}
	len -= e.count;
	off += e.count;
	msg_printf(w->b, "F=%s%s%s ", flags & 1 ? "a" : "", flags & 2 ? "p" : "",
		   flags & 4 ? "r" : "");
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "msgSecurityModel!=INT"))
		return;
	model = e.integer;
	if (e.count < len)
		msg_printf(w->b, "[%d extra after message SEQ]", (int)(len - e.count));
	if (w->v)
		pbuf_puts(w->b, "} ");
	if (model != 3) {
		msg_printf(w->b, "[security model %d]", model);
		return;
	}
	if (w->v)
		pbuf_puts(w->b, "{ USM ");
	/* what follows the header data, to the end of the message */
	len = whole - (off - start);
	if (!rd_type(w, &off, &len, &e, SNMP_BE_STR, "msgSecurityParameters!=STR"))
		return;
	usm_print(w, e.off, e.asnlen);
	if (w->end)
		return;
	if (w->v)
		pbuf_puts(w->b, "} { ScopedPDU ");
	scopedpdu_print(w, off, len);
	if (w->v && !w->end)
		pbuf_puts(w->b, "} ");
}

/* The message: SEQUENCE { version, then the community and PDU, or v3's header and ScopedPDU }. */
static void snmp_message(struct snmp_walk *w, uint32_t len)
{
	struct snmp_ber e;
	uint32_t off = 0;
	int version;

	pbuf_putc(w->b, ' ');
	if (!rd(w, 0, len, &e))
		return;
	if (e.type != SNMP_BE_SEQ) {
		wrong(w, "!init SEQ", &e);
		return;
	}
	if (e.count < len)
		msg_printf(w->b, "[%d extra after iSEQ]", (int)(len - e.count));
	len = e.asnlen;
	off = e.off;
	if (!rd_type(w, &off, &len, &e, SNMP_BE_INT, "version!=INT"))
		return;
	version = e.integer;
	if (version != SNMP_V1 && version != SNMP_V2C && version != SNMP_V3) {
		msg_printf(w->b, "SNMP [version = %d]", version);
		return;
	}
	if (w->v)
		msg_printf(w->b, "{ %s ", snmp_versions[version]);
	if (version == SNMP_V3)
		v3msg_print(w, off, len);
	else
		community_print(w, off, len, version);
	if (w->v && !w->end)
		pbuf_puts(w->b, "} ");
}

bool proto_snmp_print(struct line *x)
{
	struct msg g;
	struct snmp_walk w = { &x->b, &g, line_verbosity(x), false };

	/* without the bytes every read fails as the capture's end */
	msg_of(&g, x);
	snmp_message(&w, g.len);
	return true;
}

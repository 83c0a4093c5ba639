/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_snmp_ber.c: BER elements of SNMP messages, read and printed as tcpdump's print-snmp.c does. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "decode/proto_snmp_ber.h"

/*
 * The tag names of each class, as tcpdump's tables (only those the Internet
 * SMI allows); a tag number past a class's table is an error ("[id?...]").
 */
static const char *const universal_names[] = {
	"U-0",	"Boolean", "Integer", "Bitstring", "String", "Null", "ObjID", "ObjectDes", "U-8",
	"U-9",	"U-10",	   "U-11",    "U-12",	   "U-13",   "U-14", "U-15",  "Sequence",  "Set",
};
static const char *const application_names[] = {
	"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64",
};
static const char *const context_names[] = {
	"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap",
	"GetBulk",    "Inform",		"V2Trap",      "Report",
};
static const char *const private_names[] = { "P-0" };
static const char *const exception_names[] = { "noSuchObject", "noSuchInstance", "endOfMibView" };

#define N(t) (sizeof(t) / sizeof((t)[0]))

static const struct {
	const char *const *names;
	unsigned n;
} classes[] = {
	[SNMP_UNIVERSAL] = { universal_names, N(universal_names) },
	[SNMP_APPLICATION] = { application_names, N(application_names) },
	[SNMP_CONTEXT] = { context_names, N(context_names) },
	[SNMP_PRIVATE] = { private_names, N(private_names) },
};

/*
 * tcpdump names every class "x" in its complaints: its table's macro quotes
 * its argument as "x", which C does not substitute.
 */
#define CLASS_NAME "x"

enum { APP_IPADDR, APP_COUNTER, APP_GAUGE, APP_TIMETICKS, APP_OPAQUE, APP_C5, APP_COUNTER64 };

static bool ber_fail(struct snmp_ber *e, enum snmp_ber_err err)
{
	e->err = (uint8_t)err;
	return false;
}

/* What a primitive element holds, its value read (the contents are captured). */
static bool ber_primitive(const struct msg *g, struct snmp_ber *e)
{
	uint32_t p = e->off;

	switch (e->cls) {
	case SNMP_UNIVERSAL:
		switch (e->id) {
		case SNMP_TAG_STRING:
			e->type = SNMP_BE_STR;
			return true;
		case SNMP_TAG_INTEGER: {
			uint32_t v;

			e->type = SNMP_BE_INT;
			if (!e->asnlen)
				return ber_fail(e, SNMP_BER_INT0);
			/* two's complement, wrapping past 32 bits as tcpdump's int32_t */
			v = msg_u8(g, p) & 0x80 ? UINT32_MAX : 0;
			for (uint32_t i = 0; i < e->asnlen; i++)
				v = v << 8 | msg_u8(g, p + i);
			e->integer = (int32_t)v;
			return true;
		}
		case SNMP_TAG_OID:
			e->type = SNMP_BE_OID;
			return true;
		case SNMP_TAG_NULL:
			e->type = SNMP_BE_NULL;
			return true;
		default:
			e->type = SNMP_BE_OCTET;
			return true;
		}
	case SNMP_APPLICATION:
		switch (e->id) {
		case APP_IPADDR:
			e->type = SNMP_BE_INETADDR;
			return true;
		case APP_COUNTER:
		case APP_GAUGE:
		case APP_TIMETICKS:
			e->type = SNMP_BE_UNS;
			e->uns = 0;
			for (uint32_t i = 0; i < e->asnlen; i++)
				e->uns = (e->uns << 8) + msg_u8(g, p + i);
			return true;
		case APP_COUNTER64:
			e->type = SNMP_BE_UNS64;
			e->uns64 = 0;
			for (uint32_t i = 0; i < e->asnlen; i++)
				e->uns64 = (e->uns64 << 8) + msg_u8(g, p + i);
			return true;
		default:
			e->type = SNMP_BE_OCTET;
			return true;
		}
	case SNMP_CONTEXT:
		/* SNMPv2's exceptions; the other context tags hold nothing tcpdump reads */
		if (e->id <= 2)
			e->type = (uint8_t)(SNMP_BE_NOSUCHOBJECT + e->id);
		return true;
	default:
		e->type = SNMP_BE_OCTET;
		return true;
	}
}

bool snmp_ber_read(const struct msg *g, uint32_t off, uint32_t len, struct snmp_ber *e)
{
	uint32_t p = off, hdr = 1;
	uint8_t t, id;

	*e = (struct snmp_ber){ .type = SNMP_BE_ANY };
	if (len < 1)
		return ber_fail(e, SNMP_BER_EMPTY);
	if (!msg_has(g, p, 1))
		return ber_fail(e, SNMP_BER_END);
	t = msg_u8(g, p);
	id = t & 0x1f;
	e->form = t >> 5 & 1;
	e->cls = t >> 6;
	p++;
	len--;
	if (id == 0x1f) {
		/* the tag number follows, 7 bits a byte, the last without the top bit */
		id = 0;
		for (;;) {
			if (!msg_has(g, p, 1))
				return ber_fail(e, SNMP_BER_END);
			if (!(msg_u8(g, p) & 0x80))
				break;
			if (len < 1)
				return ber_fail(e, SNMP_BER_XTAG);
			id = (uint8_t)(id << 7 | (msg_u8(g, p) & 0x7f));
			len--;
			hdr++;
			p++;
		}
		if (len < 1)
			return ber_fail(e, SNMP_BER_XTAG);
		id = (uint8_t)(id << 7 | msg_u8(g, p));
		len--;
		hdr++;
		p++;
	}
	e->id = id;
	if (len < 1)
		return ber_fail(e, SNMP_BER_NO_LEN);
	if (!msg_has(g, p, 1))
		return ber_fail(e, SNMP_BER_END);
	e->asnlen = msg_u8(g, p);
	p++;
	len--;
	hdr++;
	if (e->asnlen & 0x80) {
		uint32_t noct = e->asnlen & 0x7f;

		e->asnlen = 0;
		if (len < noct) {
			e->err_a = len;
			e->err_b = noct;
			return ber_fail(e, SNMP_BER_LONGLEN);
		}
		if (!msg_has(g, p, noct))
			return ber_fail(e, SNMP_BER_TRUNC);
		for (; noct; noct--, len--, hdr++, p++)
			e->asnlen = e->asnlen << 8 | msg_u8(g, p);
	}
	if (len < e->asnlen) {
		e->err_a = len;
		e->err_b = e->asnlen;
		return ber_fail(e, SNMP_BER_LEN);
	}
	if (id >= classes[e->cls].n)
		return ber_fail(e, SNMP_BER_ID);
	if (!msg_has(g, p, e->asnlen))
		return ber_fail(e, SNMP_BER_TRUNC);
	e->off = p;
	e->count = e->asnlen + hdr;
	if (e->form == 0)
		return ber_primitive(g, e);
	if (e->cls == SNMP_UNIVERSAL)
		e->type = id == SNMP_TAG_SEQUENCE ? SNMP_BE_SEQ : SNMP_BE_OCTET;
	else
		e->type = e->cls == SNMP_CONTEXT ? SNMP_BE_PDU : SNMP_BE_OCTET;
	return true;
}

void snmp_ber_note(struct pbuf *b, const struct snmp_ber *e)
{
	const char *name = e->id < classes[e->cls].n ? classes[e->cls].names[e->id] : "";

	switch (e->err) {
	case SNMP_BER_EMPTY:
		pbuf_puts(b, "[nothing to parse]");
		return;
	case SNMP_BER_XTAG:
		pbuf_puts(b, "[Xtagfield?]");
		return;
	case SNMP_BER_NO_LEN:
		pbuf_puts(b, "[no asnlen]");
		return;
	case SNMP_BER_LONGLEN:
		msg_printf(b, "[asnlen? %d<%d]", (int)e->err_a, (int)e->err_b);
		return;
	case SNMP_BER_LEN:
		msg_printf(b, "[len%d<asnlen%u]", (int)e->err_a, e->err_b);
		return;
	case SNMP_BER_ID:
		msg_printf(b, "[id?%c/%s/%d]", e->form ? 'C' : 'P', CLASS_NAME, e->id);
		return;
	case SNMP_BER_INT0:
		pbuf_puts(b, "[asnlen=0]");
		return;
	case SNMP_BER_TRUNC:
	case SNMP_BER_END:
		msg_trunc_put(b, "snmp");
		return;
	default:
		break;
	}
	if (e->type != SNMP_BE_OCTET)
		return;
	/* a tag SNMP does not use: tcpdump says which as it reads it */
	if (e->form == 0 && e->cls == SNMP_UNIVERSAL)
		msg_printf(b, "[P/U/%s]", name);
	else if (e->form == 0 && e->cls == SNMP_APPLICATION)
		msg_printf(b, "[P/A/%s]", name);
	else if (e->form == 0)
		msg_printf(b, "[P/%s/%s]", CLASS_NAME, name);
	else if (e->cls == SNMP_UNIVERSAL)
		msg_printf(b, "C/U/%s", name);
	else
		msg_printf(b, "C/%s/%s", CLASS_NAME, name);
}

void snmp_ber_print_octets(struct pbuf *b, const struct msg *g, const struct snmp_ber *e)
{
	for (uint32_t i = 0; i < e->asnlen; i++)
		msg_printf(b, "_%.2x", msg_u8(g, e->off + i));
}

void snmp_ber_print_string(struct pbuf *b, const struct msg *g, const struct snmp_ber *e)
{
	bool printable = true;

	for (uint32_t i = 0; printable && i < e->asnlen; i++) {
		uint8_t c = msg_u8(g, e->off + i);

		printable = c >= 0x20 && c <= 0x7e;
	}
	if (printable) {
		pbuf_putc(b, '"');
		pbuf_put(b, (const char *)g->p + e->off, e->asnlen);
		pbuf_putc(b, '"');
		return;
	}
	for (uint32_t i = 0; i < e->asnlen; i++)
		msg_printf(b, i ? "_%.2x" : "%.2x", msg_u8(g, e->off + i));
}

/*
 * Numbers only (tcpdump with -n, or without its compiled-in MIB): each
 * sub-identifier as ".N", the first byte's two (X.690 8.19.4) apart.  The
 * arithmetic wraps as tcpdump's int does on sub-identifiers past 32 bits.
 */
static void ber_print_oid(struct pbuf *b, const struct msg *g, const struct snmp_ber *e)
{
	uint32_t o = 0;
	bool first = true;

	for (uint32_t i = 0; i < e->asnlen; i++) {
		uint8_t c = msg_u8(g, e->off + i);

		o = (o << 7) + (c & 0x7f);
		if (c & 0x80)
			continue;
		if (first) {
			int32_t s = (int32_t)o / 40;

			if (s > 2)
				s = 2;
			msg_printf(b, ".%u", (uint32_t)s);
			o -= (uint32_t)s * 40;
			first = false;
		}
		msg_printf(b, ".%u", o);
		o = 0;
	}
}

void snmp_ber_print(struct pbuf *b, const struct msg *g, const struct snmp_ber *e)
{
	switch (e->type) {
	case SNMP_BE_OCTET:
		snmp_ber_print_octets(b, g, e);
		break;
	case SNMP_BE_NULL:
		break;
	case SNMP_BE_OID:
		ber_print_oid(b, g, e);
		break;
	case SNMP_BE_INT:
		msg_printf(b, "%d", e->integer);
		break;
	case SNMP_BE_UNS:
		pbuf_u32(b, e->uns);
		break;
	case SNMP_BE_UNS64:
		msg_printf(b, "%" PRIu64, e->uns64);
		break;
	case SNMP_BE_STR:
		snmp_ber_print_string(b, g, e);
		break;
	case SNMP_BE_SEQ:
		msg_printf(b, "Seq(%u)", e->asnlen);
		break;
	case SNMP_BE_INETADDR:
		if (e->asnlen != 4)
			pbuf_puts(b, "[inetaddr len!=4]");
		for (uint32_t i = 0; i < e->asnlen; i++)
			msg_printf(b, i ? ".%u" : "%u", msg_u8(g, e->off + i));
		break;
	case SNMP_BE_NOSUCHOBJECT:
	case SNMP_BE_NOSUCHINST:
	case SNMP_BE_ENDOFMIBVIEW:
		msg_printf(b, "[%s]", exception_names[e->type - SNMP_BE_NOSUCHOBJECT]);
		break;
	case SNMP_BE_PDU:
		msg_printf(b, "%s(%u)", context_names[e->id], e->asnlen);
		break;
	default:
		pbuf_puts(b, "[BE_ANY!?]");
		break;
	}
}

const char *snmp_pdu_name(unsigned id)
{
	return id < N(context_names) ? context_names[id] : NULL;
}

static const char *const error_names[] = {
	"noError",	      "tooBig",	       "noSuchName",	      "badValue",
	"readOnly",	      "genErr",	       "noAccess",	      "wrongType",
	"wrongLength",	      "wrongEncoding", "wrongValue",	      "noCreation",
	"inconsistentValue", "resourceUnavailable", "commitFailed",  "undoFailed",
	"authorizationError", "notWritable",	"inconsistentName",
};

const char *snmp_error_name(int32_t status)
{
	return status >= 0 && (size_t)status < N(error_names) ? error_names[status] : NULL;
}

static const char *const generic_trap_names[] = {
	"coldStart", "warmStart", "linkDown", "linkUp", "authenticationFailure", "egpNeighborLoss",
	"enterpriseSpecific",
};

const char *snmp_generic_trap_name(int32_t trap)
{
	return trap >= 0 && (size_t)trap < N(generic_trap_names) ? generic_trap_names[trap] : NULL;
}

const char *snmp_ber_type_name(const struct snmp_ber *e)
{
	static const char *const names[] = {
		[SNMP_BE_ANY] = "unknown",	     [SNMP_BE_NULL] = "null",
		[SNMP_BE_OCTET] = "octets",	     [SNMP_BE_OID] = "oid",
		[SNMP_BE_INT] = "integer",	     [SNMP_BE_UNS] = "unsigned",
		[SNMP_BE_STR] = "string",	     [SNMP_BE_SEQ] = "sequence",
		[SNMP_BE_INETADDR] = "ipaddress",    [SNMP_BE_PDU] = "pdu",
		[SNMP_BE_UNS64] = "counter64",	     [SNMP_BE_NOSUCHOBJECT] = "no_such_object",
		[SNMP_BE_NOSUCHINST] = "no_such_instance", [SNMP_BE_ENDOFMIBVIEW] = "end_of_mib_view",
	};

	/* Counter, Gauge and TimeTicks share a type: the tag tells them apart */
	if (e->type == SNMP_BE_UNS)
		return e->id == APP_COUNTER ? "counter" : e->id == APP_GAUGE ? "gauge" : "timeticks";
	return e->type < N(names) ? names[e->type] : "unknown";
}

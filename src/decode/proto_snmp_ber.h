/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_snmp_ber.h: one BER element (X.690) of an SNMP message, read the way
 * tcpdump's asn1_parse reads it, so that the printer and the JSON view walk
 * the same elements and fail at the same bytes.
 */
#ifndef SOCKEYE_PROTO_SNMP_BER_H
#define SOCKEYE_PROTO_SNMP_BER_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

/* The classes of a tag's top two bits, and SNMP's tags within them. */
enum snmp_ber_class { SNMP_UNIVERSAL, SNMP_APPLICATION, SNMP_CONTEXT, SNMP_PRIVATE };

enum {
	SNMP_TAG_INTEGER = 2,
	SNMP_TAG_STRING = 4,
	SNMP_TAG_NULL = 5,
	SNMP_TAG_OID = 6,
	SNMP_TAG_SEQUENCE = 16,
};

/* The context tags of the PDUs (RFC 3416 3, RFC 1157 4.1). */
enum snmp_pdu {
	SNMP_GETREQ,
	SNMP_GETNEXTREQ,
	SNMP_GETRESP,
	SNMP_SETREQ,
	SNMP_TRAP,
	SNMP_GETBULKREQ,
	SNMP_INFORMREQ,
	SNMP_V2TRAP,
	SNMP_REPORT,
};

/* What an element holds, as tcpdump's struct be's type. */
enum snmp_ber_type {
	SNMP_BE_ANY,	 /* a primitive context tag past the exceptions: nothing */
	SNMP_BE_NULL,
	SNMP_BE_OCTET,	 /* a tag SNMP does not use: its bytes */
	SNMP_BE_OID,
	SNMP_BE_INT,
	SNMP_BE_UNS,	 /* Counter, Gauge, TimeTicks */
	SNMP_BE_STR,
	SNMP_BE_SEQ,
	SNMP_BE_INETADDR,
	SNMP_BE_PDU,
	SNMP_BE_UNS64,
	SNMP_BE_NOSUCHOBJECT,
	SNMP_BE_NOSUCHINST,
	SNMP_BE_ENDOFMIBVIEW,
};

/*
 * Why an element could not be read.  Each but the last two is one of
 * tcpdump's bracketed complaints, after which the caller gives up on its
 * structure; SNMP_BER_TRUNC is the capture's end where tcpdump checks it
 * (" [|snmp]", the callers' closing braces still follow), SNMP_BER_END
 * where it reads without a check (" [|snmp]" ends the line at once).
 */
enum snmp_ber_err {
	SNMP_BER_OK,
	SNMP_BER_EMPTY,	  /* [nothing to parse] */
	SNMP_BER_XTAG,	  /* [Xtagfield?] */
	SNMP_BER_NO_LEN,  /* [no asnlen] */
	SNMP_BER_LONGLEN, /* [asnlen? %d<%d] */
	SNMP_BER_LEN,	  /* [len%d<asnlen%u] */
	SNMP_BER_ID,	  /* [id?%c/%s/%d] */
	SNMP_BER_INT0,	  /* [asnlen=0] */
	SNMP_BER_TRUNC,
	SNMP_BER_END,
};

struct snmp_ber {
	uint32_t off;	 /* the contents, from the message's first byte */
	uint32_t asnlen; /* the contents' length */
	uint32_t count;	 /* tag, length and contents */
	uint8_t id;	 /* the tag number, cut to 8 bits as tcpdump's */
	uint8_t form;	 /* 0 primitive, 1 constructed */
	uint8_t cls;	 /* enum snmp_ber_class */
	uint8_t type;	 /* enum snmp_ber_type */
	uint8_t err;	 /* enum snmp_ber_err */
	uint32_t err_a, err_b; /* the numbers the complaint prints */
	union {
		int32_t integer;
		uint32_t uns;
		uint64_t uns64;
	};
};

/*
 * Reads the element at off in g, len bytes of it left as the enclosing
 * structure says (tcpdump's length, which may reach past the capture);
 * false with e->err set when it cannot.  A true return guarantees the
 * contents are captured.
 */
bool snmp_ber_read(const struct msg *g, uint32_t off, uint32_t len, struct snmp_ber *e);

/*
 * What tcpdump's asn1_parse prints of an element as it reads it: the
 * complaint that stopped it, or the note on a tag SNMP does not use
 * ("[P/U/Bitstring]", "C/U/Set" ...), or nothing.
 */
void snmp_ber_note(struct pbuf *b, const struct snmp_ber *e);

/* asn1_print: the value, its type's way (OIDs as numbers, strings quoted or as hex). */
void snmp_ber_print(struct pbuf *b, const struct msg *g, const struct snmp_ber *e);
/* asn1_print_string and asn1_print_octets: "text" or 01_02, and _01_02. */
void snmp_ber_print_string(struct pbuf *b, const struct msg *g, const struct snmp_ber *e);
void snmp_ber_print_octets(struct pbuf *b, const struct msg *g, const struct snmp_ber *e);

/* The names tcpdump gives PDUs (GetRequest ...), error statuses and generic traps, or NULL. */
const char *snmp_pdu_name(unsigned id);
const char *snmp_error_name(int32_t status);
const char *snmp_generic_trap_name(int32_t trap);
/* The name of an element's type for JSON ("integer", "string", "oid" ...). */
const char *snmp_ber_type_name(const struct snmp_ber *e);

#endif /* SOCKEYE_PROTO_SNMP_BER_H */

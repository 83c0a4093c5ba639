/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_forces.c: ForCES (RFC 5810) in SCTP DATA chunks (RFC 5811: ports
 * 6704-6706 or PPIDs 21-23), printed as tcpdump 4.99's print-forces.c: the
 * common header (-v its fields, -vv its flags), each message type's top
 * level TLVs (LFB selectors with their operation TLVs, redirect data,
 * association results and teardown reasons; -vvv their contents, -vvvv the
 * whole message in hex), and tcpdump's complaints about malformed lengths,
 * which end with the message in hex.  The PATH-DATA inside an operation is
 * proto_forces_pd.c's.
 */
#include "config.h"

#include <inttypes.h>

#include "decode/proto_forces.h"

/*
 * The common header (RFC 5810 section 6.1):
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |version| rsvd  | Message Type  |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Source ID                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Destination ID                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Correlator (64 bits)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Flags                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Length counts 32-bit words, header included.
 */
#define FORCES_HDRL 24


/* ---- operation TLVs -------------------------------------------------------------------------- */

/* tcpdump's tom_h flags: how many top level TLVs a message type takes */
#define ZERO_TTLV      0x01
#define ZERO_MORE_TTLV 0x02
#define ONE_MORE_TTLV  0x04
#define ONE_TLV	       0x10
#define TWO_TLV	       0x20
#define MAX_TLV	       0xF0
#define TTLV_T1	       (ONE_MORE_TTLV | ONE_TLV)
#define TTLV_T2	       (ONE_MORE_TTLV | MAX_TLV)

enum forces_op_print { OP_NONE, OP_INVALID, OP_RECPD, OP_GEN };

struct forces_optlv {
	uint16_t op_msk; /* the data encodings the operation allows */
	const char *s;
	enum forces_op_print print;
};

/* by operation type (RFC 5810 section A.2), 0 and those past 14 tcpdump's "Invalid OPTLV" */
static const struct forces_optlv forces_optlvs[] = {
	{ 0, "Invalid OPTLV", OP_INVALID },
	{ B_FULLD | B_SPARD, " Set", OP_RECPD },
	{ B_FULLD | B_SPARD, " SetProp", OP_RECPD },
	{ B_RESTV, " SetResp", OP_RECPD },
	{ B_RESTV, " SetPropResp", OP_RECPD },
	{ 0, " Del", OP_RECPD },
	{ B_RESTV, " DelResp", OP_RECPD },
	{ 0, " Get", OP_RECPD },
	{ 0, " GetProp", OP_RECPD },
	{ B_FULLD | B_SPARD | B_RESTV, " GetResp", OP_RECPD },
	{ B_FULLD | B_RESTV, " GetPropResp", OP_RECPD },
	{ B_FULLD | B_SPARD, " Report", OP_RECPD },
	{ 0, " Commit", OP_NONE },
	{ B_RESTV, " RCommit", OP_GEN },
	{ 0, " RTRCOMP", OP_NONE },
};

#define FORCES_OP_MAX 14
#define OP_MIN_SIZ    8

/* op_valid: an operation the message allows, or any vendor one */
static bool forces_op_valid(uint16_t op, uint16_t mask)
{
	if (op == 0)
		return false;
	if (op <= FORCES_OP_MAX)
		return (1u << (op - 1)) & mask;
	return op >= 0x8000;
}

int forces_invoptlv(struct forces_pr *f, uint32_t p, uint32_t len, int indent)
{
	char ib[FORCES_IND_SIZE];

	forces_indent(ib, indent, true);
	if (f->v >= 3) {
		msg_printf(f->b, "%sData[", ib + 1);
		if (!forces_hex(f, ib, p, len))
			return -1;
		msg_printf(f->b, "%s]\n", ib);
	}
	return -1;
}

static int forces_otlv(struct forces_pr *f, uint32_t otlv, int indent)
{
	const struct forces_optlv *ops;
	char ib[FORCES_IND_SIZE];
	uint16_t type, length;
	uint32_t tll;

	type = forces_u16(f, otlv);
	length = forces_u16(f, otlv + 2);
	if (f->cut)
		return -1;
	tll = (uint32_t)length - FORCES_TLV_HDRL;
	ops = &forces_optlvs[type > FORCES_OP_MAX ? 0 : type];
	forces_indent(ib, indent, false);
	if (f->v >= 3)
		msg_printf(f->b, "%sOper TLV %s(0x%x) length %u\n", ib, ops->s, type, length);
	/* the rest of an operation is at least its path's header */
	if (tll < OP_MIN_SIZ) {
		msg_printf(f->b, "\t\tOper TLV %s(0x%x) length %u\n", ops->s, type, length);
		msg_printf(f->b, "\t\tTruncated data size %u minimum required %u\n", tll, OP_MIN_SIZ);
		return forces_invoptlv(f, otlv + FORCES_TLV_HDRL, tll, indent);
	}
	switch (ops->print) {
	case OP_INVALID:
		return forces_invoptlv(f, otlv + FORCES_TLV_HDRL, tll, indent + 1);
	case OP_RECPD:
		return forces_recpdoptlv(f, otlv + FORCES_TLV_HDRL, tll, ops->op_msk, indent + 1);
	case OP_GEN:
		return forces_genoptlv(f, otlv + FORCES_TLV_HDRL, tll, ops->op_msk, indent + 1);
	case OP_NONE:
		break;
	}
	return 0;
}

/* ---- top level TLVs -------------------------------------------------------------------------- */

static const struct msg_tok forces_lfbs[] = {
	{ 0x0, "Invalid TLV" }, { 0x1, "FEObj LFB" }, { 0x2, "FEProtoObj LFB" }, { 0, NULL },
};

#define OP_OFF 8
#define OP_MIN 12

/* An LFB selector: class and instance, then operation TLVs (len: the TLV's, header included). */
static int forces_lfbselect(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk,
			    int indent)
{
	struct pbuf *b = f->b;
	char ib[FORCES_IND_SIZE];
	uint32_t dlen = len - FORCES_TLV_HDRL, rlen, otlv, class, inst;
	uint16_t type, tlvl;

	forces_indent(ib, indent, false);
	if (dlen <= OP_MIN) {
		msg_printf(b, "\n\t\ttruncated lfb selector: %u bytes missing! ", OP_MIN - dlen);
		return -1;
	}
	rlen = dlen - OP_OFF;
	if (!forces_tcheck(f, p, 8))
		return -1;
	class = msg_u32(f->g, p);
	inst = msg_u32(f->g, p + 4);
	if (f->v >= 3) {
		msg_printf(b, "\n%s", ib);
		msg_tok_put(b, forces_lfbs, "#%d", class);
		msg_printf(b, "(Classid %x) instance %x\n", class, inst);
	}
	otlv = p + 8;
	indent += 1;
	while (rlen != 0) {
		type = forces_u16(f, otlv);
		tlvl = forces_u16(f, otlv + 2);
		if (f->cut)
			return -1;
		if (forces_tlv_valid(tlvl, rlen))
			break;
		if (forces_op_valid(type, op_msk)) {
			forces_otlv(f, otlv, indent);
		} else {
			if (f->v < 3)
				pbuf_putc(b, '\n');
			msg_printf(b,
				   "\t\tINValid oper-TLV type 0x%x length %u for this ForCES message\n",
				   type, tlvl);
			forces_invoptlv(f, otlv, rlen, indent);
		}
		if (f->cut)
			return -1;
		otlv += FORCES_ALN(tlvl);
		rlen -= FORCES_ALN(tlvl);
	}
	if (rlen) {
		type = forces_u16(f, otlv);
		tlvl = forces_u16(f, otlv + 2);
		if (f->cut)
			return -1;
		msg_printf(b, "\n\t\tMessy oper TLV header, type (0x%x)\n\t\texcess of %u Bytes ", type,
			   rlen - tlvl);
		return -1;
	}
	return 0;
}

/* The metadata ILVs (ID, length, value) of a redirect. */
static void forces_metatlv(struct forces_pr *f, uint32_t p, uint32_t len, int indent)
{
	char ib[FORCES_IND_SIZE];
	uint32_t rlen = len - FORCES_TLV_HDRL, id, ilvl;

	forces_indent(ib, indent, false);
	msg_printf(f->b, "\n%s METADATA length %u\n", ib, rlen);
	forces_indent(ib, indent + 1, false);
	while (rlen != 0) {
		if (rlen < FORCES_ILV_HDRL)
			break;
		ilvl = forces_u32(f, p + 4);
		if (f->cut || ilvl < FORCES_ILV_HDRL || ilvl > rlen || rlen < FORCES_ALN(ilvl))
			break;
		id = forces_u32(f, p);
		if (f->cut)
			break;
		msg_printf(f->b, "%sMetaID 0x%x length %u\n", ib, id, ilvl);
		if (f->v >= 3) {
			if (!forces_hex(f, "\t\t[", p + FORCES_ILV_HDRL, ilvl - FORCES_ILV_HDRL))
				break;
			pbuf_puts(f->b, " ]\n");
		}
		p += FORCES_ALN(ilvl);
		rlen -= FORCES_ALN(ilvl);
	}
}

#define RD_MIN 8

/* A packet redirect: its METADATA and REDIRECTDATA TLVs. */
static int forces_redirect(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk,
			   int indent)
{
	struct pbuf *b = f->b;
	uint32_t dlen = len - FORCES_TLV_HDRL, rlen;
	uint16_t type, tlvl;

	(void)op_msk;
	if (dlen <= RD_MIN) {
		msg_printf(b, "\n\t\ttruncated Redirect TLV: %u bytes missing! ", RD_MIN - dlen);
		return -1;
	}
	rlen = dlen;
	indent += 1;
	while (rlen != 0) {
		type = forces_u16(f, p);
		tlvl = forces_u16(f, p + 2);
		if (f->cut)
			return -1;
		if (forces_tlv_valid(tlvl, rlen)) {
			pbuf_puts(b, "Bad Redirect data\n");
			break;
		}
		if (type == F_TLV_METD) {
			forces_metatlv(f, p + FORCES_TLV_HDRL, tlvl, indent);
		} else if (type == F_TLV_REDD) {
			char ib[FORCES_IND_SIZE];

			forces_indent(ib, indent, false);
			msg_printf(b, "\n%s Redirect Data length %u\n", ib, tlvl - FORCES_TLV_HDRL);
			if (f->v >= 3) {
				pbuf_puts(b, "\t\t[");
				if (forces_hex(f, "\n\t\t", p + FORCES_TLV_HDRL, tlvl - FORCES_TLV_HDRL))
					pbuf_puts(b, "\n\t\t]");
			}
		} else {
			msg_printf(b, "Unknown REDIRECT TLV 0x%x len %u\n", type, tlvl);
		}
		if (f->cut)
			return -1;
		p += FORCES_ALN(tlvl);
		rlen -= FORCES_ALN(tlvl);
	}
	if (rlen) {
		type = forces_u16(f, p);
		tlvl = forces_u16(f, p + 2);
		if (f->cut)
			return -1;
		msg_printf(b, "\n\t\tMessy Redirect TLV header, type (0x%x)\n\t\texcess of %u Bytes ",
			   type, rlen - tlvl);
		return -1;
	}
	return 0;
}

/*
 * An association's result code (ASResult, ASTreason TLV): 4 bytes of at most
 * max, from -vvv by name after lead and the indent.
 */
static int forces_rescode(struct forces_pr *f, uint32_t p, uint32_t len, int indent,
			  const char *what, uint32_t max, const char *lead,
			  const struct msg_tok *names, const char *unknown)
{
	char ib[FORCES_IND_SIZE];
	uint32_t dlen = len - FORCES_TLV_HDRL, rescode;

	forces_indent(ib, indent, false);
	if (dlen != 4) {
		msg_printf(f->b, "illegal %s-TLV: %u bytes!\n", what, dlen);
		return -1;
	}
	rescode = forces_u32(f, p);
	if (f->cut)
		return -1;
	if (rescode > max) {
		msg_printf(f->b, "illegal %s result code: %u!\n", what, rescode);
		return -1;
	}
	if (f->v >= 3) {
		msg_printf(f->b, "%s%s", lead, ib);
		msg_tok_put(f->b, names, unknown, rescode);
		msg_printf(f->b, "(%x)\n%s", rescode, ib);
	}
	return 0;
}

/* An association teardown's reason (ASTreason TLV). */
static int forces_asttlv(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk,
			 int indent)
{
	static const struct msg_tok reasons[] = {
		{ 0, "Normal Teardown" }, { 1, "Loss of Heartbeats" }, { 2, "Out of bandwidth" },
		{ 3, "Out of Memory" },	  { 4, "Application Crash" },  { 0, NULL },
	};

	(void)op_msk;
	return forces_rescode(f, p, len, indent, "ASTresult", 255, "Teardown reason:\n", reasons,
			      "Unknown Teardown reason");
}

/* An association setup's result (ASResult TLV). */
static int forces_asrtlv(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk,
			 int indent)
{
	static const struct msg_tok results[] = {
		{ 0, "Success " }, { 1, "FE ID invalid " }, { 2, "permission denied " }, { 0, NULL },
	};

	(void)op_msk;
	return forces_rescode(f, p, len, indent, "ASRresult", 3, "\n", results, "Unknown ");
}

/* ---- message types --------------------------------------------------------------------------- */

typedef int (*forces_top_fn)(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk,
			     int indent);

struct forces_tom {
	uint8_t v;
	uint16_t flags;
	uint16_t op_msk; /* the operations its LFB selectors may hold */
	const char *s;
	forces_top_fn print;
};

#define ASSNS_OPS B_OP_REPORT
#define CFG_OPS	  (B_OP_SET | B_OP_SETPROP | B_OP_DEL | B_OP_COMMIT | B_OP_RTRCOMP)
#define CFG_ROPS  (B_OP_SETRESP | B_OP_SETPRESP | B_OP_DELRESP | B_OP_RCOMMIT)
#define CFG_QY	  (B_OP_GET | B_OP_GETPROP)
#define CFG_QYR	  (B_OP_GETRESP | B_OP_GETPRESP)
#define CFG_EVN	  B_OP_REPORT

static const struct forces_tom forces_toms[] = {
	{ 0x00, ZERO_TTLV, 0, "Invalid message", NULL },
	{ 0x01, ZERO_MORE_TTLV | TWO_TLV, ASSNS_OPS, "Association Setup", forces_lfbselect },
	{ 0x02, TTLV_T1, 0, "Association TearDown", forces_asttlv },
	{ 0x03, TTLV_T2, CFG_OPS, "Config", forces_lfbselect },
	{ 0x04, TTLV_T2, CFG_QY, "Query", forces_lfbselect },
	{ 0x05, TTLV_T1, CFG_EVN, "Event Notification", forces_lfbselect },
	{ 0x06, TTLV_T2, 0, "Packet Redirect", forces_redirect },
	{ 0x0f, ZERO_TTLV, 0, "HeartBeat", NULL },
	{ 0x11, TTLV_T1, 0, "Association Response", forces_asrtlv },
	{ 0x13, TTLV_T2, CFG_ROPS, "Config Response", forces_lfbselect },
	{ 0x14, TTLV_T2, CFG_QYR, "Query Response", forces_lfbselect },
};

static const struct forces_tom *forces_tom_of(uint8_t tom)
{
	for (size_t i = 0; i < sizeof(forces_toms) / sizeof(forces_toms[0]); i++)
		if (forces_toms[i].v == tom)
			return &forces_toms[i];
	return &forces_toms[0];
}

/* tom_valid: the message types tcpdump looks up (0x12, though valid, has no entry) */
static bool forces_tom_valid(uint8_t tom)
{
	return tom > 0 && !(tom >= 0x7 && tom <= 0xe) && tom != 0x10 && tom <= 0x14;
}

/* The top level TLVs after the header, as many as the message type takes. */
static int forces_type_print(struct forces_pr *f, uint32_t off, uint32_t mlen,
			     const struct forces_tom *tops)
{
	struct pbuf *b = f->b;
	uint32_t rlen = mlen - FORCES_HDRL, tl = off + FORCES_HDRL, ttlv;
	uint16_t type, tlvl;

	if (rlen > FORCES_TLV_HDRL) {
		if (tops->flags & ZERO_TTLV) {
			msg_printf(b, "<0x%x>Illegal Top level TLV!\n", tops->flags);
			return -1;
		}
	} else {
		if (tops->flags & ZERO_MORE_TTLV)
			return 0;
		if (tops->flags & ONE_MORE_TTLV) {
			pbuf_puts(b, "\tTop level TLV Data missing!\n");
			return -1;
		}
	}
	if (tops->flags & ZERO_TTLV)
		return 0;
	ttlv = tops->flags >> 4;
	while (rlen != 0) {
		type = forces_u16(f, tl);
		tlvl = forces_u16(f, tl + 2);
		if (f->cut)
			return -1;
		if (forces_tlv_valid(tlvl, rlen))
			break;
		if (!forces_ttlv_valid(type)) {
			msg_printf(b, "\n\tInvalid ForCES Top TLV type=0x%x", type);
			return -1;
		}
		if (f->v >= 3) {
			pbuf_putc(b, '\t');
			forces_tlv_name(b, type);
			msg_printf(b, ", length %u (data length %u Bytes)", tlvl,
				   tlvl - FORCES_TLV_HDRL);
		}
		if (tops->print(f, tl + FORCES_TLV_HDRL, tlvl, tops->op_msk, 9) < 0)
			return -1;
		tl += FORCES_ALN(tlvl);
		rlen -= FORCES_ALN(tlvl);
		if (--ttlv == 0)
			break;
	}
	if (rlen) {
		tlvl = forces_u16(f, tl + 2);
		if (f->cut)
			return -1;
		msg_printf(b, "\tMess TopTLV header: min %u, total %u advertised %u ", FORCES_TLV_HDRL,
			   rlen, tlvl);
		return -1;
	}
	return 0;
}

static const struct msg_tok forces_acks[] = {
	{ 0x0, "NoACK" }, { 0x1, "SuccessACK" }, { 0x2, "FailureACK" }, { 0x3, "AlwaysACK" },
	{ 0, NULL },
};
static const struct msg_tok forces_ems[] = {
	{ 0x0, "EMReserved" },
	{ 0x1, "execute-all-or-none" },
	{ 0x2, "execute-until-failure" },
	{ 0x3, "continue-execute-on-failure" },
	{ 0, NULL },
};
static const struct msg_tok forces_ats[] = {
	{ 0x0, "Standalone" }, { 0x1, "2PCtransaction" }, { 0, NULL },
};
static const struct msg_tok forces_tps[] = {
	{ 0x0, "StartofTransaction" },
	{ 0x1, "MiddleofTransaction" },
	{ 0x2, "EndofTransaction" },
	{ 0x3, "abort" },
	{ 0, NULL },
};

/* What a source or destination ID names (RFC 5810 section 4.2.1.1). */
static const char *forces_node(uint32_t id)
{
	if (id <= 0x3FFFFFFF)
		return "FE";
	if (id <= 0x7FFFFFFF)
		return "CE";
	if (id >= 0xC0000000 && id <= 0xFFFFFFEF)
		return "AllMulticast";
	if (id == 0xFFFFFFFD)
		return "AllCEsBroadcast";
	if (id == 0xFFFFFFFE)
		return "AllFEsBroadcast";
	if (id == 0xFFFFFFFF)
		return "AllBroadcast";
	return "ForCESreserved";
}

static void forces_flags(struct pbuf *b, uint32_t fl)
{
	pbuf_puts(b, "\n\tForCES flags:\n\t  ");
	msg_tok_put(b, forces_acks, "ACKUnknown", fl >> 30 & 0x3);
	msg_printf(b, "(0x%x), prio=%u, ", fl >> 30 & 0x3, fl >> 27 & 0x7);
	msg_tok_put(b, forces_ems, "EMUnknown", fl >> 22 & 0x3);
	msg_printf(b, "(0x%x),\n\t  ", fl >> 22 & 0x3);
	msg_tok_put(b, forces_ats, "ATUnknown", fl >> 21 & 0x1);
	msg_printf(b, "(0x%x), ", fl >> 21 & 0x1);
	msg_tok_put(b, forces_tps, "TPUnknown", fl >> 19 & 0x3);
	msg_printf(b, "(0x%x)\n", fl >> 19 & 0x3);
	msg_printf(b, "\t  Extra flags: rsv(b5-7) 0x%x rsv(b13-31) 0x%x\n", fl >> 24 & 0x7,
		   fl & 0x7FFFF);
}

/* The header's fields (-v) and flags (-vv); false when the lengths disagree. */
static bool forces_header(struct forces_pr *f, uint32_t off, uint32_t len, uint32_t mlen)
{
	const struct msg *g = f->g;
	struct pbuf *b = f->b;
	uint32_t sid = msg_u32(g, off + 4), did = msg_u32(g, off + 8);

	if (len < FORCES_HDRL || mlen < FORCES_HDRL || mlen != len) {
		msg_printf(b, "Illegal ForCES pkt len - min %u, total recvd %u, advertised %u ",
			   FORCES_HDRL, len, mlen);
		return false;
	}
	if (f->v >= 1) {
		msg_printf(b, "\n\tForCES Version %u len %uB flags 0x%08x ", msg_u8(g, off) >> 4, mlen,
			   msg_u32(g, off + 20));
		msg_printf(b, "\n\tSrcID 0x%x(%s) DstID 0x%x(%s) Correlator 0x%" PRIx64, sid,
			   forces_node(sid), did, forces_node(did),
			   (uint64_t)msg_u32(g, off + 12) << 32 | msg_u32(g, off + 16));
	}
	if (f->v >= 2)
		forces_flags(b, msg_u32(g, off + 20));
	return true;
}

bool proto_forces_print(struct pbuf *b, const struct msg *g, uint32_t off, uint32_t len,
			unsigned verbosity)
{
	struct forces_pr f = { .b = b, .g = g, .v = verbosity };
	const struct forces_tom *tops;
	uint32_t mlen;
	uint8_t tom;

	/* the header not all captured: tcpdump's check, after which the SCTP chunks go on */
	if (!forces_tcheck(&f, off, FORCES_HDRL))
		return true;
	tom = msg_u8(g, off + 1);
	mlen = (uint32_t)msg_u16(g, off + 2) << 2;
	tops = forces_tom_of(tom);
	if (!forces_tom_valid(tom)) {
		msg_printf(b, "Invalid ForCES message type %u\n", tom);
	} else if (!tops->v) {
		msg_printf(b, "\n\tUnknown ForCES message type=0x%x", tom);
	} else {
		msg_printf(b, "\n\tForCES %s ", tops->s);
		if (forces_header(&f, off, len, mlen) && forces_type_print(&f, off, mlen, tops) >= 0) {
			if (verbosity >= 4) {
				pbuf_puts(b, "\n\t  Raw ForCES message\n\t [");
				if (!forces_hex(&f, "\n\t ", off, len))
					return false;
				pbuf_puts(b, "\n\t ]");
			}
			return true;
		}
		if (f.cut)
			return false;
	}
	/* a message tcpdump finds malformed: all of it in hex */
	if (!forces_hex(&f, "\n\t[", off, len))
		return false;
	pbuf_puts(b, "\n\t]");
	return true;
}

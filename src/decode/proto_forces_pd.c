/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_forces_pd.c: ForCES PATH-DATA (RFC 5810 section 7.1.4), the part of
 * an operation TLV that names the components it acts on and carries their
 * data, printed as tcpdump 4.99's print-forces.c: the path's flags and IDs,
 * table ranges and keys, nested PATH-DATA, FULLDATA and SPARSEDATA in hex,
 * RESULT codes (all from -vvv), and tcpdump's complaints about lengths.
 */
#include "config.h"

#include "decode/proto_forces.h"

/*
 * PATH-DATA's header, then IDcount 32-bit IDs, then optional TLVs:
 *
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Flags               |           IDcount             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#define F_SELKEY      1
#define F_SELTABRANGE 2
#define F_TABAPPEND   4

#define PTH_DESC_SIZE 12

static const struct msg_tok forces_errs[] = {
	{ 0x00, "SUCCESS" },
	{ 0x01, "INVALID HEADER" },
	{ 0x02, "LENGTH MISMATCH" },
	{ 0x03, "VERSION MISMATCH" },
	{ 0x04, "INVALID DESTINATION PID" },
	{ 0x05, "LFB UNKNOWN" },
	{ 0x06, "LFB NOT FOUND" },
	{ 0x07, "LFB INSTANCE ID NOT FOUND" },
	{ 0x08, "INVALID PATH" },
	{ 0x09, "COMPONENT DOES NOT EXIST" },
	{ 0x0a, "EXISTS ALREADY" },
	{ 0x0b, "NOT FOUND" },
	{ 0x0c, "READ ONLY" },
	{ 0x0d, "INVALID ARRAY CREATION" },
	{ 0x0e, "VALUE OUT OF RANGE" },
	{ 0x0f, "CONTENTS TOO LONG" },
	{ 0x10, "INVALID PARAMETERS" },
	{ 0x11, "INVALID MESSAGE TYPE" },
	{ 0x12, "INVALID FLAGS" },
	{ 0x13, "INVALID TLV" },
	{ 0x14, "EVENT ERROR" },
	{ 0x15, "NOT SUPPORTED" },
	{ 0x16, "MEMORY ERROR" },
	{ 0x17, "INTERNAL ERROR" },
	{ 0xff, "UNSPECIFIED ERROR" },
	{ 0, NULL },
};

/* A RESULT TLV (len: the TLV's, header included). */
static int forces_prestlv(struct forces_pr *f, uint32_t p, uint32_t len, int indent)
{
	uint32_t dlen = len - FORCES_TLV_HDRL;
	char ib[FORCES_IND_SIZE];
	uint8_t result;

	if (dlen != 4) {
		msg_printf(f->b, "illegal RESULT-TLV: %u bytes!\n", dlen);
		return -1;
	}
	if (!forces_tcheck(f, p + FORCES_TLV_HDRL, 4))
		return -1;
	result = msg_u8(f->g, p + FORCES_TLV_HDRL);
	if (result >= 0x18 && result <= 0xFE) {
		msg_printf(f->b, "illegal reserved result code: 0x%x!\n", result);
		return -1;
	}
	if (f->v >= 3) {
		msg_printf(f->b, "%s  Result: ", forces_indent(ib, indent, false));
		msg_tok_put(f->b, forces_errs, "#%d", result);
		msg_printf(f->b, " (code 0x%x)\n", result);
	}
	return 0;
}

/* A FULLDATA TLV: its value in hex from -vvv. */
static int forces_fdatatlv(struct forces_pr *f, uint32_t p, uint32_t len, int indent)
{
	char ib[FORCES_IND_SIZE];

	if (!forces_tcheck(f, p, FORCES_TLV_HDRL))
		return -1;
	if (msg_u16(f->g, p) != F_TLV_FULD) {
		pbuf_puts(f->b, "Error: expecting FULLDATA!\n");
		return -1;
	}
	if (f->v >= 3) {
		forces_indent(ib, indent + 2, true);
		msg_printf(f->b, "%s[", ib + 1);
		if (!forces_hex(f, ib, p + FORCES_TLV_HDRL, len - FORCES_TLV_HDRL))
			return -1;
		msg_printf(f->b, "\n%s]", ib + 1);
	}
	return 0;
}

/* A SPARSEDATA TLV: its ILVs (ID, length, value), each in hex from -vvv. */
static int forces_sdatatlv(struct forces_pr *f, uint32_t p, uint32_t len, int indent)
{
	uint32_t ilv = p + FORCES_TLV_HDRL, rlen = len - FORCES_TLV_HDRL, ilvl, id;
	char ib[FORCES_IND_SIZE];
	enum forces_lv_err inv;

	if (!forces_tcheck(f, p, FORCES_TLV_HDRL))
		return -1;
	if (msg_u16(f->g, p) != F_TLV_SPAD) {
		pbuf_puts(f->b, "Error: expecting SPARSEDATA!\n");
		return -1;
	}
	if (rlen < FORCES_ILV_HDRL) {
		pbuf_puts(f->b, "Error: BAD SPARSEDATA-TLV!\n");
		return -1;
	}
	forces_indent(ib, indent + 1, true);
	while (rlen != 0) {
		/* ilv_valid: the length is read only when a header's worth is left */
		ilvl = 0;
		if (rlen < FORCES_ILV_HDRL) {
			inv = FORCES_LV_RLEN;
		} else {
			ilvl = forces_u32(f, ilv + 4);
			if (f->cut)
				return -1;
			if (ilvl < FORCES_ILV_HDRL)
				inv = FORCES_LV_STLN;
			else if (ilvl > rlen)
				inv = FORCES_LV_LTLN;
			else if (rlen < FORCES_ALN(ilvl))
				inv = FORCES_LV_ALEN;
			else
				inv = FORCES_LV_OK;
		}
		if (inv) {
			pbuf_puts(f->b, "Error: ");
			forces_lv_err_name(f->b, inv);
			msg_printf(f->b, ", rlen %u\n", rlen);
			return -1;
		}
		if (f->v >= 3) {
			id = forces_u32(f, ilv);
			if (f->cut)
				return -1;
			msg_printf(f->b, "\n%s ILV: type %x length %u\n", ib + 1, id, ilvl);
			if (!forces_hex(f, "\t\t[", ilv + FORCES_ILV_HDRL, ilvl - FORCES_ILV_HDRL))
				return -1;
		}
		ilv += FORCES_ALN(ilvl);
		rlen -= FORCES_ALN(ilvl);
	}
	return 0;
}

/* A KEYINFO TLV: the key ID, then a TLV tcpdump reads as FULLDATA inside its own value. */
static int forces_pkeyitlv(struct forces_pr *f, uint32_t p, uint32_t len, int indent)
{
	uint32_t kd = p + FORCES_TLV_HDRL + 4, id;
	char ib[FORCES_IND_SIZE];
	enum forces_lv_err inv;
	uint16_t type, tll;

	id = forces_u32(f, p + FORCES_TLV_HDRL);
	if (f->cut)
		return -1;
	msg_printf(f->b, "%sKeyinfo: Key 0x%x\n", forces_indent(ib, indent, false), id);
	type = forces_u16(f, kd);
	tll = forces_u16(f, kd + 2);
	if (f->cut)
		return -1;
	inv = forces_tlv_valid(tll, len);
	if (inv) {
		forces_lv_err_name(f->b, inv);
		msg_printf(f->b, " TLV type 0x%x len %u\n", type, tll);
		return -1;
	}
	return forces_fdatatlv(f, kd + FORCES_TLV_HDRL, tll, indent);
}

/* chk_op_type: the data TLV an operation's encoding flags allow */
static void forces_chk_op_type(struct forces_pr *f, uint16_t type, uint16_t msk, uint16_t omsk)
{
	if (type == F_TLV_PDAT)
		return;
	if (msk & B_KEYIN) {
		if (type != F_TLV_KEYI)
			pbuf_puts(f->b, "Based on flags expected KEYINFO TLV!\n");
	} else if (!(msk & omsk)) {
		msg_printf(f->b, "Illegal DATA encoding for type 0x%x programmed %x got %x\n", type,
			   omsk, msk);
	}
}

/* The data TLVs pdatacnt_print takes, with the encoding flag each needs (tcpdump's ForCES_pdata). */
static const char *forces_pd_name(uint16_t type, uint16_t *omsk)
{
	*omsk = 0;
	switch (type) {
	case F_TLV_KEYI:
		return "KEYINFO TLV";
	case F_TLV_FULD:
		*omsk = B_FULLD;
		return "FULLDATA TLV";
	case F_TLV_SPAD:
		*omsk = B_SPARD;
		return "SPARSEDATA TLV";
	case F_TLV_REST:
		*omsk = B_RESTV;
		return "RESULT TLV";
	case F_TLV_PDAT:
		return "Inner PATH-DATA TLV";
	}
	return NULL;
}

static int forces_pd_print(struct forces_pr *f, uint16_t type, uint32_t p, uint32_t len,
			   uint16_t op_msk, int indent)
{
	switch (type) {
	case F_TLV_KEYI:
		return forces_pkeyitlv(f, p, len, indent);
	case F_TLV_FULD:
		return forces_fdatatlv(f, p, len, indent);
	case F_TLV_SPAD:
		return forces_sdatatlv(f, p, len, indent);
	case F_TLV_REST:
		return forces_prestlv(f, p, len, indent);
	}
	return forces_recpdoptlv(f, p, len, op_msk, indent);
}

/* The data TLV after a path's IDs, range or key: what is left of len after it, or -1. */
static int forces_pd_tlv(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk,
			 int indent, const char *ib)
{
	struct pbuf *b = f->b;
	uint16_t type, tlvl, omsk;
	uint32_t pad = 0, tll;
	enum forces_lv_err inv;
	const char *name;

	type = forces_u16(f, p);
	tlvl = forces_u16(f, p + 2);
	if (f->cut)
		return -1;
	inv = forces_tlv_valid(tlvl, len);
	if (inv) {
		forces_lv_err_name(b, inv);
		msg_printf(b, " Outstanding bytes %u for TLV type 0x%x TLV len %u\n", len, type, tlvl);
	} else {
		tll = (uint32_t)tlvl - FORCES_TLV_HDRL;
		/* tlv_valid left no room for padding past len */
		pad = FORCES_ALN(tlvl) - tlvl;
		name = forces_pd_name(type, &omsk);
		if (type >= F_TLV_PDAT && type <= F_TLV_REST && name) {
			if (f->v >= 3 && type != F_TLV_PDAT) {
				msg_printf(b, "%s  %s (Length %u DataLen %u", ib, name, tlvl, tll);
				if (pad)
					msg_printf(b, " pad %u", pad);
				pbuf_puts(b, " Bytes)\n");
			}
			forces_chk_op_type(f, type, op_msk, omsk);
			if (forces_pd_print(f, type, p, tll + pad + FORCES_TLV_HDRL, op_msk,
					    indent + 2) == -1)
				return -1;
			return (int)(len - (FORCES_TLV_HDRL + pad + tll));
		}
		msg_printf(b, "Invalid path data content type 0x%x len %u\n", type, tlvl);
	}
	if (tlvl) {
		if (!forces_hex(f, "Bad Data val\n\t  [", p, len))
			return -1;
		pbuf_puts(b, "]\n");
		return -1;
	}
	return (int)len;
}

/* pdatacnt_print: a path's IDs, then a table range or key, then its data TLV. */
static int forces_pdatacnt(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t idcnt,
			   uint16_t op_msk, int indent)
{
	struct pbuf *b = f->b;
	char ib[FORCES_IND_SIZE];
	uint32_t i, start, end;
	uint16_t tll;

	forces_indent(ib, indent, false);
	if ((op_msk & B_APPND) && f->v >= 3)
		msg_printf(b, "%sTABLE APPEND\n", ib);
	for (i = 0; i < idcnt; i++) {
		if (!forces_tcheck(f, p, 4))
			return -1;
		if (len < 4) {
			msg_trunc_put(b, "forces");
			return -1;
		}
		if (f->v >= 3)
			msg_printf(b, "%sID#%02u: %u\n", ib, i + 1, msg_u32(f->g, p));
		len -= 4;
		p += 4;
	}
	if (op_msk & B_TRNG) {
		if (len < PTH_DESC_SIZE) {
			msg_printf(b, "pathlength %u with key/range too short %u\n", len,
				   PTH_DESC_SIZE);
			return -1;
		}
		start = forces_u32(f, p + 4);
		end = forces_u32(f, p + 8);
		if (f->cut)
			return -1;
		p += 12;
		len -= 12;
		if (f->v >= 3)
			msg_printf(b, "%sTable range: [%u,%u]\n", ib, start, end);
	}
	if (op_msk & B_KEYIN) {
		if (len < PTH_DESC_SIZE) {
			msg_printf(b, "pathlength %u with key/range too short %u\n", len,
				   PTH_DESC_SIZE);
			return -1;
		}
		/* the key ID, then the key TLV, whose content is skipped */
		tll = forces_u16(f, p + 4 + 2);
		if (f->cut)
			return -1;
		p += 8;
		len -= 8;
		if (tll < FORCES_TLV_HDRL) {
			msg_printf(b, "key content length %u < %u\n", tll, FORCES_TLV_HDRL);
			return -1;
		}
		tll -= FORCES_TLV_HDRL;
		if (len < tll) {
			pbuf_puts(b, "key content too short\n");
			return -1;
		}
		p += tll;
		len -= tll;
	}
	if (len)
		return forces_pd_tlv(f, p, len, op_msk, indent, ib);
	return 0;
}

/* pdata_print: a PATH-DATA TLV's value (len bytes at p). */
static int forces_pdata(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk, int indent)
{
	struct pbuf *b = f->b;
	char ib[FORCES_IND_SIZE];
	uint16_t pflags, idcnt;
	uint32_t minsize;
	int more;

	forces_indent(ib, indent, false);
	if (!forces_tcheck(f, p, 4))
		return -1;
	if (len < 4) {
		msg_trunc_put(b, "forces");
		return -1;
	}
	pflags = msg_u16(f->g, p);
	idcnt = msg_u16(f->g, p + 2);
	if (f->v >= 3)
		msg_printf(b, "\n%sPathdata: Flags 0x%x ID count %u\n", ib, pflags, idcnt);
	if (pflags & F_SELKEY)
		op_msk |= B_KEYIN;
	if (pflags & F_SELTABRANGE)
		op_msk |= B_TRNG;
	if (pflags & F_TABAPPEND)
		op_msk |= B_APPND;
	p += 4;
	len -= 4;
	minsize = (uint32_t)idcnt * 4;
	if (len < minsize) {
		msg_printf(b, "\t\t\ttruncated IDs expected %uB got %uB\n", minsize, len);
		if (!forces_hex(f, "\t\t\tID Data[", p, len))
			return -1;
		pbuf_puts(b, "]\n");
		return -1;
	}
	if ((op_msk & B_TRNG) && (op_msk & B_KEYIN)) {
		pbuf_puts(b, "\t\t\tIllegal to have both Table ranges and keys\n");
		return -1;
	}
	more = forces_pdatacnt(f, p, len, idcnt, op_msk, indent);
	if (f->cut)
		return -1;
	/* tcpdump goes on with the TLVs after the data; a failure inside the path is not passed up */
	if (more > 0)
		return forces_recpdoptlv(f, p + (len - (uint32_t)more), (uint32_t)more, op_msk,
					 indent + 1);
	return 0;
}

int forces_recpdoptlv(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk, int indent)
{
	struct pbuf *b = f->b;
	char ib[FORCES_IND_SIZE];
	uint16_t type, tlvl;

	while (len != 0) {
		tlvl = forces_u16(f, p + 2);
		if (f->cut)
			return -1;
		if (forces_tlv_valid(tlvl, len))
			break;
		type = forces_u16(f, p);
		if (f->cut)
			return -1;
		if (f->v >= 3) {
			pbuf_puts(b, forces_indent(ib, indent, false));
			forces_tlv_name(b, type);
			msg_printf(b, ", length %u (data encapsulated %u Bytes)", tlvl,
				   tlvl - FORCES_TLV_HDRL);
		}
		if (forces_pdata(f, p + FORCES_TLV_HDRL, tlvl - FORCES_TLV_HDRL, op_msk, indent + 1) ==
		    -1)
			return -1;
		p += FORCES_ALN(tlvl);
		len -= FORCES_ALN(tlvl);
	}
	if (len) {
		type = forces_u16(f, p);
		tlvl = forces_u16(f, p + 2);
		if (f->cut)
			return -1;
		msg_printf(b, "\n\t\tMessy PATHDATA TLV header, type (0x%x)\n\t\texcess of %u Bytes ",
			   type, len - tlvl);
		return -1;
	}
	return 0;
}

int forces_genoptlv(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk, int indent)
{
	struct pbuf *b = f->b;
	char ib[FORCES_IND_SIZE];
	enum forces_lv_err inv;
	uint16_t type, tlvl;

	type = forces_u16(f, p);
	tlvl = forces_u16(f, p + 2);
	if (f->cut)
		return -1;
	inv = forces_tlv_valid(tlvl, len);
	pbuf_puts(b, "genoptlvprint - ");
	forces_tlv_name(b, type);
	msg_printf(b, " TLV type 0x%x len %u\n", type, tlvl);
	if (inv) {
		msg_printf(b, "\t\t\tInvalid ForCES TLV type=%x", type);
		return -1;
	}
	if (!forces_ttlv_valid(type)) {
		forces_lv_err_name(b, inv);
		msg_printf(b, " TLV type 0x%x len %u\n", type, tlvl);
		return -1;
	}
	if (f->v >= 3) {
		pbuf_puts(b, forces_indent(ib, indent, false));
		forces_tlv_name(b, type);
		msg_printf(b, ", length %u (data length %u Bytes)", tlvl, tlvl - FORCES_TLV_HDRL);
	}
	return forces_pdata(f, p + FORCES_TLV_HDRL, tlvl - FORCES_TLV_HDRL, op_msk, indent + 1);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_forces_read.c: the reads and names ForCES's two printers share
 * (proto_forces.c, the messages; proto_forces_pd.c, the PATH-DATA), calling
 * neither: tcpdump's GET_ and ND_TCHECK with its " [|forces]", the hex dump,
 * the indent, and the TLV checks and names.
 */
#include "config.h"

#include <inttypes.h>

#include "decode/proto_forces.h"

static void forces_cut(struct forces_pr *f)
{
	if (!f->cut)
		msg_trunc_put(f->b, "forces");
	f->cut = true;
}

bool forces_tcheck(struct forces_pr *f, uint32_t off, uint32_t n)
{
	if (msg_has(f->g, off, n))
		return true;
	msg_trunc_put(f->b, "forces");
	return false;
}

uint8_t forces_u8(struct forces_pr *f, uint32_t off)
{
	if (f->cut || !msg_has(f->g, off, 1)) {
		forces_cut(f);
		return 0;
	}
	return msg_u8(f->g, off);
}

uint16_t forces_u16(struct forces_pr *f, uint32_t off)
{
	if (f->cut || !msg_has(f->g, off, 2)) {
		forces_cut(f);
		return 0;
	}
	return msg_u16(f->g, off);
}

uint32_t forces_u32(struct forces_pr *f, uint32_t off)
{
	if (f->cut || !msg_has(f->g, off, 4)) {
		forces_cut(f);
		return 0;
	}
	return msg_u32(f->g, off);
}

bool forces_hex(struct forces_pr *f, const char *ident, uint32_t off, uint32_t n)
{
	if (f->cut)
		return false;
	if (msg_hex_at(f->b, f->g, off, n, ident))
		return true;
	forces_cut(f);
	return false;
}

const char *forces_indent(char *buf, int indent, bool nl)
{
	int i = 0;

	if (indent > FORCES_IND_SIZE - 1)
		indent = FORCES_IND_SIZE - 1;
	if (nl) {
		buf[i++] = '\n';
		indent--;
	}
	while (--indent >= 0)
		buf[i++] = ' ';
	buf[i] = '\0';
	return buf;
}

enum forces_lv_err forces_tlv_valid(uint32_t tlvl, uint32_t rlen)
{
	if (rlen < FORCES_TLV_HDRL)
		return FORCES_LV_RLEN;
	if (tlvl < FORCES_TLV_HDRL)
		return FORCES_LV_STLN;
	if (tlvl > rlen)
		return FORCES_LV_LTLN;
	if (rlen < FORCES_ALN(tlvl))
		return FORCES_LV_ALEN;
	return FORCES_LV_OK;
}

static const struct msg_tok forces_tlvs[] = {
	{ 0x0000, "Invalid TLV" },     { 0x0001, "REDIRECT TLV" },  { 0x0010, "ASResult TLV" },
	{ 0x0011, "ASTreason TLV" },   { 0x1000, "LFBselect TLV" }, { F_TLV_PDAT, "PATH-DATA TLV" },
	{ F_TLV_KEYI, "KEYINFO TLV" }, { F_TLV_FULD, "FULLDATA TLV" },
	{ F_TLV_SPAD, "SPARSEDATA TLV" }, { F_TLV_REST, "RESULT TLV" },
	{ F_TLV_METD, "METADATA TLV" }, { F_TLV_REDD, "REDIRECTDATA TLV" },
	{ 0, NULL },
};

static const struct msg_tok forces_lv_errs[] = {
	{ FORCES_LV_RLEN, "Invalid total length" }, { FORCES_LV_STLN, "xLV too short" },
	{ FORCES_LV_LTLN, "xLV too long" },	    { FORCES_LV_ALEN, "data padding missing" },
	{ 0, NULL },
};

void forces_tlv_name(struct pbuf *b, uint16_t type)
{
	msg_tok_put(b, forces_tlvs, "#%d", type);
}

void forces_lv_err_name(struct pbuf *b, enum forces_lv_err e)
{
	msg_tok_put(b, forces_lv_errs, "#%d", e);
}

bool forces_ttlv_valid(uint16_t t)
{
	return t == 0x1 || t == 0x1000 || t == 0x10 || t == 0x11 || (t >= 0x110 && t <= 0x116);
}

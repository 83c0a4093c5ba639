/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_forces.h: ForCES (RFC 5810) as SCTP's DATA chunks carry it, printed
 * as tcpdump 4.99's print-forces.c: proto_forces.c (the header, the message
 * types, LFB selectors, operation and redirect TLVs) and proto_forces_pd.c
 * (the PATH-DATA inside the operations).
 */
#ifndef SOCKEYE_PROTO_FORCES_H
#define SOCKEYE_PROTO_FORCES_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

/*
 * The ForCES message of len bytes at off in g (an SCTP DATA chunk's user
 * data; g reaches to the end of the IP payload, as tcpdump's reads do),
 * with verbosity -v's; false when the capture ended where tcpdump's reads
 * stop the whole packet (" [|forces]" printed: nothing more of the line).
 */
bool proto_forces_print(struct pbuf *b, const struct msg *g, uint32_t off, uint32_t len,
			unsigned verbosity);

/* ---- shared by proto_forces.c and proto_forces_pd.c ------------------------------------------ */

#define FORCES_TLV_HDRL 4
#define FORCES_ILV_HDRL 8
#define FORCES_ALN(n)	(((uint32_t)(n) + 3u) & ~3u)

/* TLV types (RFC 5810 section A.2) */
#define F_TLV_PDAT 0x0110
#define F_TLV_KEYI 0x0111
#define F_TLV_FULD 0x0112
#define F_TLV_SPAD 0x0113
#define F_TLV_REST 0x0114
#define F_TLV_METD 0x0115
#define F_TLV_REDD 0x0116

/* the operations a message allows, bit (op - 1); the path flags' own bits above them */
#define B_OP_SET      (1u << 0)
#define B_OP_SETPROP  (1u << 1)
#define B_OP_SETRESP  (1u << 2)
#define B_OP_SETPRESP (1u << 3)
#define B_OP_DEL      (1u << 4)
#define B_OP_DELRESP  (1u << 5)
#define B_OP_GET      (1u << 6)
#define B_OP_GETPROP  (1u << 7)
#define B_OP_GETRESP  (1u << 8)
#define B_OP_GETPRESP (1u << 9)
#define B_OP_REPORT   (1u << 10)
#define B_OP_COMMIT   (1u << 11)
#define B_OP_RCOMMIT  (1u << 12)
#define B_OP_RTRCOMP  (1u << 13)
#define B_FULLD	      0x1
#define B_SPARD	      0x2
#define B_RESTV	      0x4
#define B_KEYIN	      0x8
#define B_APPND	      0x10
#define B_TRNG	      0x20

/* tcpdump's xLV length errors */
enum forces_lv_err {
	FORCES_LV_OK = 0,
	FORCES_LV_RLEN, /* Invalid total length */
	FORCES_LV_STLN, /* xLV too short */
	FORCES_LV_LTLN, /* xLV too long */
	FORCES_LV_ALEN, /* data padding missing */
};

/*
 * One message being printed.  tcpdump stops the whole packet at the first
 * read past the capture (its GET_ macros): cut says so, and once it is set
 * every printer returns -1 without printing more.
 */
struct forces_pr {
	struct pbuf *b;
	const struct msg *g;
	unsigned v; /* the -v count */
	bool cut;
};

/* Reads at an offset of g; past the capture they set cut (printing " [|forces]") and give 0. */
uint8_t forces_u8(struct forces_pr *f, uint32_t off);
uint16_t forces_u16(struct forces_pr *f, uint32_t off);
uint32_t forces_u32(struct forces_pr *f, uint32_t off);
/* tcpdump's ND_TCHECK: n bytes at off captured, or " [|forces]" (the caller then returns -1). */
bool forces_tcheck(struct forces_pr *f, uint32_t off, uint32_t n);
/* hex_print of n bytes at off, each line after ident; false (cut set) when the capture ends first. */
bool forces_hex(struct forces_pr *f, const char *ident, uint32_t off, uint32_t n);
/* tcpdump's indent_pr: indent spaces (at most 255), after a newline when nl; in buf. */
const char *forces_indent(char *buf, int indent, bool nl);
#define FORCES_IND_SIZE 256

enum forces_lv_err forces_tlv_valid(uint32_t tlvl, uint32_t rlen);
/* The top level TLV types tcpdump takes (its ttlv_valid). */
bool forces_ttlv_valid(uint16_t type);
/* tok2str of the TLV types and of the xLV errors, "#N" when unnamed */
void forces_tlv_name(struct pbuf *b, uint16_t type);
void forces_lv_err_name(struct pbuf *b, enum forces_lv_err e);

/* An operation TLV's PATH-DATA TLVs (recpdoptlv_print) and RCommit's (genoptlv_print). */
int forces_recpdoptlv(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk, int indent);
int forces_genoptlv(struct forces_pr *f, uint32_t p, uint32_t len, uint16_t op_msk, int indent);
/* invoptlv_print: an operation TLV tcpdump does not take, in hex from -vvv; always -1. */
int forces_invoptlv(struct forces_pr *f, uint32_t p, uint32_t len, int indent);

#endif /* SOCKEYE_PROTO_FORCES_H */

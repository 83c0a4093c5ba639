/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_osi.h: the OSI network layer (ISO CLNS) as tcpdump prints it: the
 * NLPID switch (proto_isoclns.c), CLNP (proto_clnp.c), ES-IS (proto_esis.c)
 * and IS-IS (proto_isis*.c), and the reads and names they share.
 */
#ifndef SOCKEYE_PROTO_OSI_H
#define SOCKEYE_PROTO_OSI_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/proto_msg.h"

#define OSI_NLPID_CLNP 0x81
#define OSI_NLPID_ESIS 0x82
#define OSI_NLPID_ISIS 0x83

#define OSI_SYSTEM_ID_LEN 6
#define OSI_NODE_ID_LEN	  7
#define OSI_LSP_ID_LEN	  8

/*
 * One OSI PDU being printed.  tcpdump's readers (GET_U_1 ...) end the whole
 * packet with " [|proto]" when they reach past the capture, wherever they
 * are; these readers do the same by a jump back to the printer's entry
 * (proto_isoclns_print), which writes the mark with the protocol named at
 * the time.  Offsets are from the NLPID byte.
 */
struct osi {
	struct pbuf *b;
	struct msg g;
	unsigned v;	   /* -v count */
	bool e;		   /* -e: the NLPID was named already, no protocol prefix */
	bool q;		   /* -q */
	const char *proto; /* tcpdump's ndo_protocol, named in the truncation mark */
	unsigned depth;	   /* CLNP error reports quoting error reports */
	jmp_buf trunc;
};

/* The capture ends before off + n: the packet ends here, with " [|proto]". */
_Noreturn void osi_trunc(struct osi *s);

static inline bool osi_has(const struct osi *s, size_t off, size_t n)
{
	return msg_has(&s->g, off, n);
}

/* ND_TCHECK_LEN / GET_*: a read of n bytes at off, or the end of the packet. */
static inline void osi_need(struct osi *s, size_t off, size_t n)
{
	if (!msg_has(&s->g, off, n))
		osi_trunc(s);
}

static inline uint8_t osi_u8(struct osi *s, size_t off)
{
	osi_need(s, off, 1);
	return msg_u8(&s->g, off);
}

static inline uint16_t osi_u16(struct osi *s, size_t off)
{
	osi_need(s, off, 2);
	return msg_u16(&s->g, off);
}

static inline uint32_t osi_u24(struct osi *s, size_t off)
{
	osi_need(s, off, 3);
	return msg_u24(&s->g, off);
}

static inline uint32_t osi_u32(struct osi *s, size_t off)
{
	osi_need(s, off, 4);
	return msg_u32(&s->g, off);
}

/* tcpdump's nlpid_values: "IS-IS", "IPv4" ... */
extern const struct msg_tok osi_nlpid_names[];

/* isonsap_string: "49.0001.1921.6800.1001.00", or its complaint about the length. */
void osi_put_nsap(struct osi *s, size_t off, size_t len);
/* isis_print_id: a system id "1921.6800.1001", node id ".00" and LSP id "-00" (len 6, 7, 8). */
void osi_put_id(struct osi *s, size_t off, size_t len);
/* GET_IPADDR_STRING: an IPv4 address at off. */
void osi_put_ip4(struct osi *s, size_t off);
/*
 * osi_print_cksum: " (unverified)", " (correct)" or " (incorrect should be
 * 0x....)" for the Fletcher checksum of len bytes from off whose checksum
 * field is at off + cksum_off.
 */
void osi_put_cksum(struct osi *s, size_t off, uint16_t cksum, int cksum_off, uint32_t len);
/*
 * print_unknown_data: the hex lines of len bytes at off, as many as were
 * captured; false (tcpdump's "Dissector error") when off is past the capture.
 */
bool osi_unknown(struct osi *s, size_t off, const char *ident, size_t len);
/* nd_printjnp: len bytes as text, stopping at a NUL. */
void osi_put_text(struct osi *s, size_t off, size_t len);

/* The PDU printers: each returns false where tcpdump's returns 0 (a hex dump follows). */
bool osi_clnp_print(struct osi *s, size_t off, uint32_t length);
void osi_esis_print(struct osi *s, uint32_t length);
bool osi_isis_print(struct osi *s, uint32_t length);

/* ---- IS-IS TLVs (proto_isis_tlv.c) and the parts several of them share ---- */

/* Where a TLV's lines start. */
#define ISIS_IDENT "\n\t      "

/* What the TLV walk does after a TLV: go on, or end the PDU as tcpdump's isis_print returns. */
enum isis_tlv_next {
	ISIS_TLV_NEXT,	   /* the next TLV (after -vv's hex of this one) */
	ISIS_TLV_RETURN_0, /* isis_print returns 0: the caller dumps the PDU */
	ISIS_TLV_RETURN_1, /* isis_print returns 1: the line ends here */
};

/* One TLV's value at t, tlen bytes: tcpdump's switch in isis_print; length is the PDU's. */
enum isis_tlv_next isis_print_tlv(struct osi *s, size_t t, unsigned type, unsigned tlen,
				  uint32_t length);
/* " [what have < want] (invalid)": INVALID_OR_DECREMENT's complaint. */
void isis_put_invalid_len(struct osi *s, const char *what, unsigned have, unsigned want);

/* proto_isis_reach.c: */

/* isis_print_metric_block: ", Default Metric: 10, Internal" and the supported others. */
void isis_put_metric_block(struct osi *s, size_t off);
/* isis_print_tlv_ip_reach (TLVs 128, 130): false where tcpdump stops the PDU silently. */
bool isis_put_ip_reach(struct osi *s, size_t off, const char *ident, unsigned len);
/* isis_print_mtid: the topology of an MT TLV; 0 when fewer than 2 bytes remain. */
unsigned isis_put_mtid(struct osi *s, size_t off, const char *ident, unsigned remaining);
/* isis_print_ext_is_reach (TLVs 22, 24, 222): the bytes taken, 0 on a short or cut entry. */
unsigned isis_put_ext_is_reach(struct osi *s, size_t off, const char *ident, unsigned type,
			       unsigned remaining);
/* isis_print_extd_ip_reach (TLVs 135, 235, 236, 237): the bytes taken, 0 on error. */
unsigned isis_put_extd_ip_reach(struct osi *s, size_t off, const char *ident, bool ipv6);
/* proto_isis_cap.c: the sub-TLVs of the router capability (242), MT port capability (143) and MT capability (144). */
void isis_put_router_cap_subtlvs(struct osi *s, size_t off, unsigned len);
void isis_put_mt_port_cap_subtlvs(struct osi *s, size_t off, unsigned len);
void isis_put_mt_cap_subtlvs(struct osi *s, size_t off, unsigned len);

#endif /* SOCKEYE_PROTO_OSI_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_ppp_cp.h: what PPP's printers share: the frame's bytes, tcpdump's
 * stop on a failed read, and the printers of the protocols PPP carries that
 * are no layer of their own (the control protocols and their options, PAP,
 * CHAP, BAP, the multilink header), as print-ppp.c prints them.
 */
#ifndef SOCKEYE_PROTO_PPP_CP_H
#define SOCKEYE_PROTO_PPP_CP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/line.h"
#include "decode/pbuf.h"
#include "decode/proto_msg.h"

#define PPP_PROTO_IP	  0x0021
#define PPP_PROTO_OSI	  0x0023
#define PPP_PROTO_VJNC	  0x002f
#define PPP_PROTO_ML	  0x003d
#define PPP_PROTO_IPV6	  0x0057
#define PPP_PROTO_COMP	  0x00fd
#define PPP_PROTO_MPLS_UC 0x0281
#define PPP_PROTO_MPLS_MC 0x0283
#define PPP_PROTO_IPCP	  0x8021
#define PPP_PROTO_OSICP	  0x8023
#define PPP_PROTO_IPV6CP  0x8057
#define PPP_PROTO_CCP	  0x80fd
#define PPP_PROTO_MPLSCP  0x8281
#define PPP_PROTO_LCP	  0xc021
#define PPP_PROTO_PAP	  0xc023
#define PPP_PROTO_LQM	  0xc025
#define PPP_PROTO_BACP	  0xc02b
#define PPP_PROTO_BAP	  0xc02d
#define PPP_PROTO_CHAP	  0xc223

/*
 * One PPP frame being printed.  Offsets index g: the packet's bytes from its
 * first one (so that tcpdump's reads before the frame, "pptr - 2", work), or
 * an un-escaped HDLC frame's.  A read past the captured bytes prints
 * tcpdump's " [|ppp]" (its longjmp, named by proto) and sets cut: nothing
 * more is printed.
 */
struct ppp_pr {
	struct pbuf *b;
	struct msg g;
	unsigned v;	   /* -v count */
	bool e;		   /* -e */
	const char *proto; /* tcpdump's ndo_protocol: "ppp", "ppp_hdlc" */
	bool cut;
};

/* Whether n bytes at off were captured; else " [|ppp]" and cut. */
static inline bool ppp_need(struct ppp_pr *p, size_t off, size_t n)
{
	if (p->cut)
		return false;
	if (msg_has(&p->g, off, n))
		return true;
	msg_trunc_put(p->b, p->proto);
	p->cut = true;
	return false;
}

/* ppp_need, then the byte or the big-endian number (0 when cut). */
uint8_t ppp_u8(struct ppp_pr *p, size_t off);
uint16_t ppp_u16(struct ppp_pr *p, size_t off);
uint32_t ppp_u32(struct ppp_pr *p, size_t off);
/* print_unknown_data: up to n bytes from off, as many as were captured, 16 a line. */
void ppp_unknown_data(struct ppp_pr *p, size_t off, size_t n, const char *ident);

/* ppptype2str: a PPP protocol's name, or NULL. */
const char *ppp_proto_name(uint16_t proto);

/*
 * handle_ppp for the protocols PPP prints itself (control protocols,
 * authentication, multilink, compressed and unknown ones): the packet at off,
 * length bytes on the wire.  False for a protocol that is a layer of its own
 * (IP, IPv6, MPLS, OSI).
 */
bool ppp_handle(struct ppp_pr *p, uint16_t proto, size_t off, uint32_t length);

/* The layer that follows PPP for proto (IPv4, IPv6, MPLS, OSI), or PKT_PROTO_NONE (proto_ppp_read.c). */
int ppp_next_layer(uint16_t proto);
/*
 * p for the PPP layer being printed: its bytes (from the packet's first), -v,
 * -e, and the name of tcpdump's truncation mark.
 */
void ppp_pr_init(struct ppp_pr *p, struct line *x, const char *proto);
/*
 * handle_ppp: the packet of protocol proto at off, length bytes on the wire,
 * including tcpdump's un-escaping of a protocol field that starts with the
 * HDLC flag (0x7e) (proto_ppp_hdlc.c).
 */
void ppp_payload_print(struct line *x, struct ppp_pr *p, uint16_t proto, size_t off,
		       uint32_t length);
/*
 * ppp_hdlc: the frame from start (the protocol field's second byte) with its
 * 0x7d escapes undone, then printed by its guessed protocol field; IP and
 * IPv6 as a packet nested on the line (proto_ppp_hdlc.c).
 */
void ppp_hdlc_unescaped_print(struct line *x, struct ppp_pr *p, size_t start, uint32_t length);

/* handle_ctrl_proto: LCP, IPCP, OSICP, MPLSCP, IP6CP, CCP and BACP packets (proto_ppp_cp.c). */
void ppp_cp_print(struct ppp_pr *p, uint16_t proto, size_t off, uint32_t length);
/*
 * The option at off of a Configure packet whose encoded length is len: its
 * line, its value and, with -vv, its bytes; the bytes to advance, 0 to stop
 * (proto_ppp_opts.c).  NULL for a protocol whose options tcpdump does not decode.
 */
typedef size_t (*ppp_opt_fn)(struct ppp_pr *p, size_t off, size_t len);
ppp_opt_fn ppp_opt_printer(uint16_t proto);
/* The name tcpdump gives option opt of control protocol proto, or NULL. */
const char *ppp_opt_name(uint16_t proto, uint8_t opt);
/* True for the control protocols handle_ctrl_proto prints. */
bool ppp_is_cp(uint16_t proto);

/* handle_pap, handle_chap, handle_mlppp (proto_ppp_auth.c). */
void ppp_pap_print(struct ppp_pr *p, size_t off, uint32_t length);
void ppp_chap_print(struct ppp_pr *p, size_t off, uint32_t length);
void ppp_ml_print(struct ppp_pr *p, size_t off, uint32_t length);

#endif /* SOCKEYE_PROTO_PPP_CP_H */

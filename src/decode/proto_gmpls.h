/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_gmpls.h: RSVP (IP protocol 46, RFC 2205/3209/3473) and LMP (UDP 701,
 * RFC 4204), the GMPLS signalling pair tcpdump prints with print-rsvp.c and
 * print-lmp.c, and the bounds-checked reader both printers walk with.
 */
#ifndef SOCKEYE_PROTO_GMPLS_H
#define SOCKEYE_PROTO_GMPLS_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "decode/line.h"
#include "decode/pkt.h"
#include "decode/pkt_meta.h"
#include "decode/proto_msg.h"

int proto_lmp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_lmp_print(struct line *x);
/* "Config", "Hello" ...: an LMP message type's name, NULL for another */
const char *proto_lmp_msg_name(unsigned type);

int proto_rsvp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_rsvp_print(struct line *x);
/* "Path", "Resv" ...: an RSVP message type's name, NULL for another */
const char *proto_rsvp_msg_name(unsigned type);

/*
 * Reads as tcpdump's GET_ macros: a read past the capture jumps back to the
 * printer's setjmp, which ends the line with " [|proto]".
 */
struct gmpls_rd {
	const struct msg *g;
	struct pbuf *b;
	unsigned v; /* the -v count */
	jmp_buf cut;
};

static inline void gmpls_need(struct gmpls_rd *r, size_t off, size_t n)
{
	if (!msg_has(r->g, off, n))
		longjmp(r->cut, 1);
}

static inline uint8_t gmpls_u8(struct gmpls_rd *r, size_t off)
{
	gmpls_need(r, off, 1);
	return msg_u8(r->g, off);
}

static inline uint16_t gmpls_u16(struct gmpls_rd *r, size_t off)
{
	gmpls_need(r, off, 2);
	return msg_u16(r->g, off);
}

static inline uint32_t gmpls_u24(struct gmpls_rd *r, size_t off)
{
	gmpls_need(r, off, 3);
	return msg_u24(r->g, off);
}

static inline uint32_t gmpls_u32(struct gmpls_rd *r, size_t off)
{
	gmpls_need(r, off, 4);
	return msg_u32(r->g, off);
}

/* An IPv4 or IPv6 address at off, as tcpdump's GET_IPADDR_STRING / GET_IP6ADDR_STRING. */
static inline void gmpls_ip4(struct gmpls_rd *r, size_t off)
{
	gmpls_need(r, off, 4);
	pbuf_ip4(r->b, r->g->p + off);
}

static inline void gmpls_ip6(struct gmpls_rd *r, size_t off)
{
	gmpls_need(r, off, 16);
	pbuf_ip6(r->b, r->g->p + off);
}

/* The IEEE 754 single at off (tcpdump's union of a float and its bits). */
static inline float gmpls_float(struct gmpls_rd *r, size_t off)
{
	uint32_t bits = gmpls_u32(r, off);
	float f;

	memcpy(&f, &bits, sizeof(f));
	return f;
}

/* A bandwidth in bytes per second at off as tcpdump's "%.3f Mbps" (float arithmetic, as its). */
static inline void gmpls_mbps(struct gmpls_rd *r, size_t off)
{
	float f = gmpls_float(r, off);

	msg_printf(r->b, "%.3f Mbps", f * 8 / 1000000);
}

/*
 * RSVP's object bodies (proto_rsvp_obj.c), for proto_rsvp.c's object walk: n
 * bytes at off of an object of class and C-Type, each line starting with ind.
 */
enum rsvp_body {
	RSVP_BODY_DONE,	 /* printed */
	RSVP_BODY_HEX,	 /* unknown: tcpdump dumps the object's bytes */
	RSVP_BODY_STOP,	 /* an error printed: the message ends there */
};
enum rsvp_body rsvp_obj_body(struct gmpls_rd *r, const char *ind, uint8_t class, uint8_t ctype,
			     size_t off, uint32_t n);
/* the C-Type names, keyed by class << 8 | C-Type as tcpdump's rsvp_ctype_values */
extern const struct msg_tok rsvp_ctypes[];

/* proto_rsvp_te.c's objects, for rsvp_obj_body (same arguments) */
enum rsvp_body rsvp_session(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
			    uint32_t n);
/* Sender Template, or FilterSpec when filter */
enum rsvp_body rsvp_sender(struct gmpls_rd *r, const char *ind, bool filter, uint8_t ctype,
			   size_t off, uint32_t n);
enum rsvp_body rsvp_intserv(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n);
enum rsvp_body rsvp_xro(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n);
enum rsvp_body rsvp_label_request(struct gmpls_rd *r, const char *ind, uint8_t ctype, size_t off,
				  uint32_t n);
enum rsvp_body rsvp_generalized_uni(struct gmpls_rd *r, const char *ind, size_t off, uint32_t n);
/* "ERROR: object is too short" and " (invalid)": the message ends (RSVP_BODY_STOP) */
enum rsvp_body rsvp_too_short(struct gmpls_rd *r, const char *ind);
enum rsvp_body rsvp_invalid(struct gmpls_rd *r);
/* an IPv4 or (v6) IPv6 address at off */
void rsvp_addr(struct gmpls_rd *r, size_t off, bool v6);

#endif /* SOCKEYE_PROTO_GMPLS_H */

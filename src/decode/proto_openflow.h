/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_openflow.h: OpenFlow (TCP 6653 and 6633) as tcpdump 4.99 prints it:
 * the walk over a segment's messages (proto_openflow.c), the helpers every
 * version's printers share (proto_openflow_util.c), OpenFlow 1.0's messages
 * (proto_openflow10*.c) and 1.3's (proto_openflow13.c).
 */
#ifndef SOCKEYE_PROTO_OPENFLOW_H
#define SOCKEYE_PROTO_OPENFLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

#define OF_HEADER_LEN 8

/*
 * The segment's bytes and where the text goes.  Every printer takes the
 * offset of what it prints in g and the length the message declares for it,
 * and returns false when the capture ends first (having printed the fields
 * before): the walk then ends the line with " [|openflow]", as tcpdump's
 * truncation longjmp does.
 */
struct of_walk {
	struct pbuf *b;
	const struct msg *g;
	unsigned v;	 /* the -v count */
	struct line *x; /* the line b belongs to: nested frames print onto it */
};

/* tcpdump's ND_TCHECK_LEN: n bytes at off captured. */
static inline bool of_has(const struct of_walk *w, size_t off, size_t n)
{
	return msg_has(w->g, off, n);
}

/* In a printer (w in scope): return false unless n bytes at o are captured. */
#define OF_NEED(o, n)                       \
	do {                                \
		if (!of_has(w, (o), (n)))   \
			return false;       \
	} while (0)

uint64_t of_u64(const struct of_walk *w, size_t off);

/* " (invalid)", then the rest of a part skipped (false: not captured). */
bool of_invalid(struct of_walk *w, size_t off, size_t len);
/* " (A, B)" of v's bits named in t, ") (bogus)" when a bit of u is set too; nothing for 0. */
void of_bitmap(struct pbuf *b, const struct msg_tok *t, uint32_t v, uint32_t u);
/* "PFX0x%08x" and of_bitmap's names of the 32-bit bitmap at off. */
bool of_bits32(struct of_walk *w, const char *pfx, size_t off, const struct msg_tok *t, uint32_t u);
/* "\n\t data (N octets)" and, at -vv, the bytes in hex and text (as far as captured). */
bool of_data(struct of_walk *w, size_t off, size_t len);
/* "0x%08x (NAME)": an OUI or an ONF experimenter id and its name. */
void of_vendor_id(struct pbuf *b, uint32_t vendor);
/*
 * ERROR's body (len bytes at off): the type by types, the code by the table
 * codes holds for the type (n_codes of them), then the data.
 */
bool of_error(struct of_walk *w, size_t off, size_t len, const struct msg_tok *types,
	      const struct msg_tok *const *codes, size_t n_codes);
/* ", vendor " and of_vendor_id's. */
void of_vendor(struct pbuf *b, uint32_t vendor);
/* A vendor's id then its data (OpenFlow 1.0's STATS of type VENDOR). */
bool of_vendor_data(struct of_walk *w, size_t off, size_t len);

/*
 * OpenFlow 1.0: the 16-bit port number at off (by name or in decimal), VLAN
 * ids and priorities (" (bogus)" out of range), as tcpdump prints them.
 */
void of10_port(struct of_walk *w, size_t off);
void of10_vlan(struct pbuf *b, uint16_t vid);
void of10_pcp(struct pbuf *b, uint8_t pcp);

/*
 * A message type of a version: its name, its body's printer from -v (off:
 * after the header, len: the body's length; NULL when the header says all),
 * and what the body's length must be.
 */
enum of_req {
	OF_REQ_NONE, /* any length */
	OF_REQ_MIN,  /* len at least */
	OF_REQ_FIX,  /* len exactly */
};

struct of_type {
	const char *name;
	bool (*body)(struct of_walk *w, size_t off, size_t len);
	enum of_req req;
	uint16_t len;
};

/* The type's of OpenFlow 1.0 and 1.3, or NULL when tcpdump names none. */
const struct of_type *of10_type(uint8_t type);
const struct of_type *of13_type(uint8_t type);
/* struct ofp_match at off (40 bytes), each field on its own line after pfx. */
bool of10_match(struct of_walk *w, const char *pfx, size_t off);
/* A list of actions of len bytes. */
bool of10_actions(struct of_walk *w, const char *pfx, size_t off, size_t len);
/* The bodies of STATS_REQUEST and STATS_REPLY (len: the body's). */
bool of10_stats_request(struct of_walk *w, size_t off, size_t len);
bool of10_stats_reply(struct of_walk *w, size_t off, size_t len);

#endif /* SOCKEYE_PROTO_OPENFLOW_H */

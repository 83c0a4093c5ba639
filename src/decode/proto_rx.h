/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_rx.h: Rx (AFS's RPC) between proto_rx.c (the header, acks, the call cache) and proto_rx_afs.c. */
#ifndef SOCKEYE_PROTO_RX_H
#define SOCKEYE_PROTO_RX_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/proto_msg.h"

#define RX_HDR_LEN 28
#define RX_OFF_TYPE 20

enum {
	RX_PACKET_TYPE_DATA = 1,
	RX_PACKET_TYPE_ACK = 2,
	RX_PACKET_TYPE_ABORT = 4,
};

/* The AFS services by their server's port, as tcpdump tells them apart. */
enum {
	RX_PORT_FS = 7000,
	RX_PORT_CB = 7001,
	RX_PORT_PROT = 7002,
	RX_PORT_VLDB = 7003,
	RX_PORT_KAUTH = 7004,
	RX_PORT_VOL = 7005,
	RX_PORT_BOS = 7007,
};

/*
 * A walk over an Rx message as tcpdump's GET_ macros read it: a read past
 * the capture jumps back to proto_rx_print, which ends the line with
 * " [|rx]" (tcpdump's longjmp); what was printed before stays.
 */
struct rx_rd {
	const struct msg *g;
	size_t off;
	struct pbuf *b;
	jmp_buf *cut;
};

/*
 * An opcode's arguments in order, as tcpdump's per-service printers list
 * them: a label printed before each ("" for none) and a kind:
 * U unsigned, I signed, D a date, S a string (of at most the table's max),
 * W a string sent a character a word (max words), E a Ubik version
 * (epoch.counter), V a destination server, Y a volume's type (named when
 * known), L a counted list of signed numbers, N a counted list of W strings,
 * X a word read and not shown, T the label alone.
 */
#define RX_MAX_ARGS 18

struct rx_arg {
	const char *label;
	char kind;
};

struct rx_op {
	uint32_t op;
	struct rx_arg args[RX_MAX_ARGS];
};

/*
 * The arguments of op as table t lists them (nothing for an opcode not
 * there; the table ends with an entry without arguments); strings up to
 * max.  False where tcpdump's macros "goto trunc".
 */
bool rx_args(struct rx_rd *r, const struct rx_op *t, uint32_t op, uint32_t max);
/* tcpdump's DESTSERVEROUT: " server a:b:c"; false when cut. */
bool rx_dest_server(struct rx_rd *r);

uint32_t rx_u32(struct rx_rd *r);
/* ND_TCHECK_LEN: whether n bytes from the walk's offset are captured */
bool rx_has(const struct rx_rd *r, size_t n);

/* tcpdump's STROUT, DATEOUT and VECOUT: false where they "goto trunc" */
bool rx_str(struct rx_rd *r, uint32_t max);
void rx_date(struct rx_rd *r);
bool rx_vec(struct rx_rd *r, unsigned max);
/* tcpdump's INTOUT, UINTOUT, UBIK_VERSIONOUT and AFSUUIDOUT (proto_rx_read.c) */
void rx_int(struct rx_rd *r);
void rx_uint(struct rx_rd *r);
bool rx_ubik_version(struct rx_rd *r);
bool rx_afsuuid(struct rx_rd *r);
/* Ubik's opcode by tcpdump's ubik_req ("op#N" when not named; NULL), proto_rx_db.c */
void rx_ubik_op_put(struct pbuf *b, uint32_t op);
const char *rx_ubik_op_name(uint32_t op);
/* proto_rx_db.c: the databases' calls (the walk after the opcode) and replies */
bool rx_ubik_call(struct rx_rd *r, uint32_t op);
bool rx_ubik_reply(struct rx_rd *r, uint8_t type, uint32_t op);
bool rx_pt_call(struct rx_rd *r, uint32_t op);
bool rx_pt_reply(struct rx_rd *r, uint8_t type, uint32_t op);
bool rx_vldb_call(struct rx_rd *r, uint32_t op);
bool rx_vldb_reply(struct rx_rd *r, uint8_t type, uint32_t op);
/* proto_rx_vol.c: vol's and bos's arguments, the walk after the opcode */
bool rx_vol_call(struct rx_rd *r, uint32_t op);
bool rx_vol_reply(struct rx_rd *r, uint32_t op);
bool rx_bos_call(struct rx_rd *r, uint32_t op);

/* A call's arguments (the walk at its opcode) and a reply's fields (at the header's end). */
void rx_afs_call(struct rx_rd *r, uint16_t dport, uint32_t length);
void rx_afs_reply(struct rx_rd *r, uint16_t sport, uint32_t length, uint32_t opcode);

/* The name of a service's opcode as tcpdump's tables (fs_req ...), NULL when not named. */
const char *rx_afs_op_name(uint16_t port, uint32_t opcode);

#endif /* SOCKEYE_PROTO_RX_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gmpls_names.h: RFC 3471's GMPLS names, shared by OSPF-TE, IS-IS's TE sub-TLVs,
 * RSVP and LMP (one table, as tcpdump's gmpls.c is one for all its printers). */
#ifndef SOCKEYE_GMPLS_NAMES_H
#define SOCKEYE_GMPLS_NAMES_H

#include "decode/proto_msg.h"

extern const struct msg_tok gmpls_link_prot[];	 /* link protection type bits */
extern const struct msg_tok gmpls_switch_caps[]; /* switching capability */
extern const struct msg_tok gmpls_encodings[];	 /* LSP encoding type */
extern const struct msg_tok gmpls_payloads[];	 /* generalized PID (RFC 3471 3.1.1, RSVP label requests) */

#endif /* SOCKEYE_GMPLS_NAMES_H */

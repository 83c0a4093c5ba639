/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gmpls_names.h: RFC 3471's GMPLS names, shared by OSPF-TE and IS-IS's TE sub-TLVs (one table, as
 * tcpdump's gmpls.c is one for both printers). */
#ifndef SOCKEYE_GMPLS_NAMES_H
#define SOCKEYE_GMPLS_NAMES_H

#include "decode/proto_msg.h"

extern const struct msg_tok gmpls_link_prot[];	 /* link protection type bits */
extern const struct msg_tok gmpls_switch_caps[]; /* switching capability */
extern const struct msg_tok gmpls_encodings[];	 /* LSP encoding type */

#endif /* SOCKEYE_GMPLS_NAMES_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_mplsctl.h: what the MPLS control protocols' printers share (LDP, LSP ping). */
#ifndef SOCKEYE_PROTO_MPLSCTL_H
#define SOCKEYE_PROTO_MPLSCTL_H

#include <stdint.h>

#include "decode/pbuf.h"

/* tcpdump's mpls_pw_types_values (RFC 4446 pseudowire types): the name of type, or unknown. */
void mplsctl_pw_type_put(struct pbuf *b, uint16_t type, const char *unknown);

/* tcpdump's smi_values: the name of an SMI private enterprise number, or "Unknown". */
void mplsctl_smi_put(struct pbuf *b, uint32_t enterprise);

#endif

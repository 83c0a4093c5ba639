/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_dvmrp.h: DVMRP (RFC 1075, draft-ietf-idmr-dvmrp-v3), which travels inside IGMP (type 0x13). */
#ifndef SOCKEYE_PROTO_DVMRP_H
#define SOCKEYE_PROTO_DVMRP_H

#include <stdbool.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

/*
 * tcpdump's dvmrp_print: g is the IGMP message; the text after "igmp dvmrp";
 * false when the message is cut short (the caller marks it "[|dvmrp]").
 */
bool proto_dvmrp_put(struct pbuf *b, const struct msg *g, unsigned verbosity);

#endif /* SOCKEYE_PROTO_DVMRP_H */

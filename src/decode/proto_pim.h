/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_pim.h: PIM version 1, which travels inside IGMP (type 0x14). */
#ifndef SOCKEYE_PROTO_PIM_H
#define SOCKEYE_PROTO_PIM_H

#include <stdbool.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

/*
 * tcpdump's pimv1_print: g is the IGMP message; the text after "igmp pimv1";
 * false when the message is cut short (the caller marks it "[|pimv1]").
 */
bool proto_pimv1_put(struct pbuf *b, const struct msg *g, unsigned verbosity);

#endif /* SOCKEYE_PROTO_PIM_H */

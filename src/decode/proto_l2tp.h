/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_l2tp.h: L2TP's AVPs, as the printer and the JSON view read them. */
#ifndef SOCKEYE_PROTO_L2TP_H
#define SOCKEYE_PROTO_L2TP_H

#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

#define L2TP_AVP_HDR	 6
#define L2TP_AVP_M	 0x8000 /* mandatory */
#define L2TP_AVP_H	 0x4000 /* hidden */
#define L2TP_AVP_LEN	 0x03ff

/* tcpdump's name of an IETF AVP type ("MSGTYPE", "HOST_NAME" ...), or NULL. */
const char *proto_l2tp_avp_name(uint16_t type);
/* tcpdump's name of a control message type ("SCCRQ" ...), or NULL. */
const char *proto_l2tp_msgtype_name(uint16_t type);
/*
 * The AVPs of a control message, n bytes at off of g, as tcpdump's
 * l2tp_avp_print loop: " *NAME(value)" each, " [|l2tp]" where one is cut or
 * its length is impossible.
 */
void proto_l2tp_avps_print(struct pbuf *b, const struct msg *g, uint32_t off, uint32_t n);

#endif /* SOCKEYE_PROTO_L2TP_H */

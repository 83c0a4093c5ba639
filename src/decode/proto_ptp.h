/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ptp.h: PTP's names, shared by the printer and the JSON. */
#ifndef SOCKEYE_PROTO_PTP_H
#define SOCKEYE_PROTO_PTP_H

#include <stdint.h>

/* tcpdump's name of a PTP message type ("sync msg" ...), or NULL. */
const char *proto_ptp_msg_name(uint8_t type);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_ntp.h: NTP's names and timestamps, shared by the printer and the JSON. */
#ifndef SOCKEYE_PROTO_NTP_H
#define SOCKEYE_PROTO_NTP_H

#include <stdint.h>

#include "decode/pbuf.h"

/* tcpdump's name of an NTP mode ("Client", "Server", "Control Message" ...). */
const char *proto_ntp_mode_name(uint8_t mode);

/* A 32.32 NTP timestamp as tcpdump prints it: "3712483316.928478999 (2017-08-23T13:21:56Z)". */
void proto_ntp_time(struct pbuf *b, uint32_t sec, uint32_t frac);

#endif

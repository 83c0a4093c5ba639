/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_sctp.h: SCTP's chunks as the printer and the JSON view walk them, and M3UA's printer. */
#ifndef SOCKEYE_PROTO_SCTP_H
#define SOCKEYE_PROTO_SCTP_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

#define SCTP_HDR_LEN   12
#define SCTP_CHUNK_HDR 4

enum {
	SCTP_DATA = 0x00,
	SCTP_INIT = 0x01,
	SCTP_INIT_ACK = 0x02,
	SCTP_SACK = 0x03,
};

/* The name tcpdump 4.99 gives a chunk type, or NULL ("Unknown chunk type: 0x%x"). */
const char *proto_sctp_chunk_name(uint8_t type);
/* The name of a DATA chunk's payload protocol identifier, or NULL ("0x%x"). */
const char *proto_sctp_ppid_name(uint32_t ppid);

/*
 * M3UA (RFC 4666) in a DATA chunk's payload of len bytes at off of g, as
 * tcpdump's m3ua_print at -vv: the class and type, then each parameter.
 */
void proto_m3ua_print(struct pbuf *b, const struct msg *g, uint32_t off, uint32_t len);

#endif /* SOCKEYE_PROTO_SCTP_H */

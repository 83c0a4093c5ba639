/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_rpc.h: the JSON fields of Sun RPC and NFS layers (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_RPC_H
#define SOCKEYE_VIEW_PACKET_RPC_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The "rpc" object of an NFS or -T rpc layer (xid, direction, program,
 * procedure, authentication flavour; NFS's procedure, file handle, offset,
 * count and status), walking the message again in data.  False for a layer
 * of another protocol.
 */
bool view_packet_rpc(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data);

#endif

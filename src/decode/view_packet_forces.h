/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_forces.h: the JSON fields of Broadcom's LI shim and of ForCES in SCTP (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_FORCES_H
#define SOCKEYE_VIEW_PACKET_FORCES_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is Broadcom's LI shim, read again from
 * data; false (nothing written) for a layer of another protocol.
 */
bool view_packet_forces(struct fmt_details *d, const struct pkt_meta *m, const struct pkt_layer *ly,
			const uint8_t *data);

/* ForCES's SCTP ports (RFC 5811: 6704 high, 6705 medium, 6706 low priority). */
bool view_packet_forces_port(uint16_t port);

/*
 * A "forces" object of the ForCES message of len bytes at off in g (a DATA
 * chunk's user data): its header's fields, when all 24 bytes were captured.
 */
struct msg;
void view_packet_forces_msg(struct fmt_details *d, const struct msg *g, uint32_t off,
			    uint32_t len);

#endif

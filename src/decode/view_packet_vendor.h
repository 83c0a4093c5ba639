/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_vendor.h: the JSON fields of AoE, Arista's timestamp shim and vsock (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_VENDOR_H
#define SOCKEYE_VIEW_PACKET_VENDOR_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is AoE, Arista's timestamp or vsock, in an
 * object named after its protocol, read again from data; false (nothing
 * written) for a layer of another protocol.
 */
bool view_packet_vendor(struct fmt_details *d, const struct pkt_meta *m,
			const struct pkt_layer *ly, const uint8_t *data);

#endif

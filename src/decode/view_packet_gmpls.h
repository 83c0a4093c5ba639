/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_gmpls.h: the JSON fields of RSVP and LMP, the GMPLS signalling pair (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_GMPLS_H
#define SOCKEYE_VIEW_PACKET_GMPLS_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly in an object named after its protocol, reading the
 * message again in data; false (nothing written) for a layer of another protocol.
 */
bool view_packet_gmpls(struct fmt_details *fd, const struct pkt_meta *m,
		       const struct pkt_layer *ly, const uint8_t *data);

#endif

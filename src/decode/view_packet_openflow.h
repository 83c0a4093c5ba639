/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_openflow.h: the JSON fields of OpenFlow (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_OPENFLOW_H
#define SOCKEYE_VIEW_PACKET_OPENFLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * An OpenFlow layer's fields in an object named "openflow": the segment's
 * length and the headers of the messages it holds; false (nothing written)
 * for a layer of another protocol.
 */
bool view_packet_openflow(struct fmt_details *fd, const struct pkt_meta *m,
			  const struct pkt_layer *ly, const uint8_t *data);

#endif

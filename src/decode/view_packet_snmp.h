/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_snmp.h: the JSON fields of SNMP (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_SNMP_H
#define SOCKEYE_VIEW_PACKET_SNMP_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * An SNMP layer's fields in an object named "snmp", walking the message again
 * in data; false (nothing written) for a layer of another protocol.
 */
bool view_packet_snmp(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data);

#endif

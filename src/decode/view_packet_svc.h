/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_svc.h: the JSON fields of the services and security layers (issue 13). */
#ifndef SOCKEYE_VIEW_PACKET_SVC_H
#define SOCKEYE_VIEW_PACKET_SVC_H

#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly (TFTP, DHCP, NTP, ...) in an object named after its
 * protocol, walking the message again in data (caplen bytes captured).
 * Nothing for a layer of another protocol.
 */
void view_packet_svc(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		     const uint8_t *data);

#endif

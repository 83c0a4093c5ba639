/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_more.h: the JSON fields of the link types and services of issue 13's last slice. */
#ifndef SOCKEYE_VIEW_PACKET_MORE_H
#define SOCKEYE_VIEW_PACKET_MORE_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * The fields of layer ly when it is one of this slice's (BSD loopback's
 * address family, RESP's first item), walking the message again in data;
 * false, writing nothing, for a layer of another protocol.
 */
bool view_packet_more(struct fmt_details *fd, const struct pkt_meta *m, const struct pkt_layer *ly,
		      const uint8_t *data);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_radius.h: RADIUS names the JSON view shares with the printer. */
#ifndef SOCKEYE_PROTO_RADIUS_H
#define SOCKEYE_PROTO_RADIUS_H

#include <stdint.h>

/* "Access-Request" ..., or NULL for a code tcpdump does not name. */
const char *proto_radius_code_name(uint8_t code);

#endif /* SOCKEYE_PROTO_RADIUS_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_radius.h: RADIUS names the JSON view shares with the printer. */
#ifndef SOCKEYE_PROTO_RADIUS_H
#define SOCKEYE_PROTO_RADIUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/proto_msg.h"

/* "Access-Request" ..., or NULL for a code tcpdump does not name. */
const char *proto_radius_code_name(uint8_t code);

/* proto_radius_attr.c: an attribute's name ("Unknown" past the table), whether the table has it. */
const char *radius_attr_name(uint8_t type);
bool radius_attr_known(uint8_t type);
/* Its value of len bytes at off as tcpdump prints it; false when the capture ends first. */
bool radius_value(struct pbuf *b, const struct msg *g, size_t off, size_t len, uint8_t type);
/* proto_radius_eap.c: an EAP packet at off (tcpdump's eap_print); false when cut. */
bool radius_eap(struct pbuf *b, const struct msg *g, size_t off);

#endif /* SOCKEYE_PROTO_RADIUS_H */

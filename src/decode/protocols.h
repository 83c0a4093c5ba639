/* SPDX-License-Identifier: GPL-2.0-or-later */
/* protocols.h: the table of protocols the dissect and print drivers walk. */
#ifndef SOCKEYE_PROTOCOLS_H
#define SOCKEYE_PROTOCOLS_H

#include "decode/pkt_meta.h"
#include "decode/proto.h"

/* By enum pkt_proto: each protocol's name, dissector and printer. */
extern const struct proto_ops protocols[PKT_PROTO_COUNT];

#endif

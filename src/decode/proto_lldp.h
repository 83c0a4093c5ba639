/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_lldp.h: LLDP's numbers the printer and the JSON view share. */
#ifndef SOCKEYE_PROTO_LLDP_H
#define SOCKEYE_PROTO_LLDP_H

#define LLDP_ETHERTYPE 0x88cc

#endif /* SOCKEYE_PROTO_LLDP_H */

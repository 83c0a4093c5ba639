/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_lldp.h: LLDP's numbers the printer and the JSON view share; the printer's two files' TLV. */
#ifndef SOCKEYE_PROTO_LLDP_H
#define SOCKEYE_PROTO_LLDP_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pbuf.h"
#include "decode/pkt.h"

#define LLDP_ETHERTYPE 0x88cc

/* One TLV's value, all of it captured (the printer's loop checked): p[0 .. len). */
struct lldp_tlv {
	struct pbuf *b;
	const uint8_t *p;
	unsigned len;
};

/*
 * The organization TLVs' values (proto_lldp_org.c), after the OUI and subtype's line;
 * true: tcpdump dumps the value in hex too.
 */
bool lldp_put_8021(const struct lldp_tlv *t);
bool lldp_put_8023(const struct lldp_tlv *t);
bool lldp_put_iana(const struct lldp_tlv *t);
bool lldp_put_tia(const struct lldp_tlv *t);
bool lldp_put_dcbx(const struct lldp_tlv *t, unsigned verbosity);

#endif /* SOCKEYE_PROTO_LLDP_H */

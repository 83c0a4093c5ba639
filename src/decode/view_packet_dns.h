/* SPDX-License-Identifier: GPL-2.0-or-later */
/* view_packet_dns.h: the JSON fields of a DNS or mDNS layer. */
#ifndef SOCKEYE_VIEW_PACKET_DNS_H
#define SOCKEYE_VIEW_PACKET_DNS_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_meta.h"
#include "out/fmt.h"

/*
 * id, response, opcode, flags, the counts, questions, answers, authority,
 * additional, edns and rcode (extended by the OPT record), walking the
 * message again in data (caplen bytes captured).  Without data, the header
 * fields only.
 */
void view_packet_dns(struct fmt_details *fd, const struct pkt_dns *h, bool mdns,
		     const uint8_t *data, uint32_t caplen);

#endif

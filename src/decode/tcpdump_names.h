/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tcpdump_names.h: tcpdump's names for ethertypes and IP protocol numbers, for every printer. */
#ifndef SOCKEYE_TCPDUMP_NAMES_H
#define SOCKEYE_TCPDUMP_NAMES_H

#include <stdint.h>

/* "IPv4", "802.1Q-QinQ", ...; NULL for a type without a name. */
const char *tcpdump_names_ethertype(uint16_t type);
/* "TCP", "Fragment", ...; NULL for a protocol without a name. */
const char *tcpdump_names_ipproto(uint8_t proto);

#endif /* SOCKEYE_TCPDUMP_NAMES_H */

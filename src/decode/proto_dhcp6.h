/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_dhcp6.h: DHCPv6's names, shared by the printer and the JSON. */
#ifndef SOCKEYE_PROTO_DHCP6_H
#define SOCKEYE_PROTO_DHCP6_H

#include <stdint.h>

/* tcpdump's name of message type t ("solicit" .. "leasequery-reply"), or NULL. */
const char *proto_dhcp6_msg_name(uint8_t type);
/* tcpdump's name of option code ("client-ID", "IA_NA" ...), or NULL. */
const char *proto_dhcp6_opt_name(uint16_t code);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attrib_tuple.h: a captured packet's TCP/UDP tuple, read straight from its bytes (no full decode). */
#ifndef SOCKEYE_ATTRIB_TUPLE_H
#define SOCKEYE_ATTRIB_TUPLE_H

#include <stdbool.h>
#include <stdint.h>

struct attrib_tuple {
	uint8_t family;		/* 4 or 6 */
	uint8_t proto;		/* IPPROTO_TCP or IPPROTO_UDP */
	uint16_t sport, dport;	/* host order */
	uint8_t src[16], dst[16];	/* IPv4 in the first 4 bytes, the rest zero */
};

/*
 * The tuple of a TCP or UDP packet (a first fragment included) of link type
 * linktype (DLT_EN10MB with up to two VLAN tags, DLT_LINUX_SLL, DLT_LINUX_SLL2,
 * DLT_RAW); IPv6 extension headers are skipped.  false for anything else or
 * a capture too short to hold the ports.  Every read is bounds-checked.
 */
bool attrib_tuple_parse(int linktype, const uint8_t *data, uint32_t caplen, struct attrib_tuple *t);

#endif

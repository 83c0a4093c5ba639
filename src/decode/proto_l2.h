/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_l2.h: what the link-layer control protocols share: their dispatch and tcpdump's dump. */
#ifndef SOCKEYE_PROTO_L2_H
#define SOCKEYE_PROTO_L2_H

#include <stddef.h>
#include <stdint.h>

#include "decode/line.h"
#include "decode/pbuf.h"
#include "decode/pkt.h"
#include "decode/pkt_meta.h"

/* What an ethertype carried by SNAP selects (dispatch_ethertype, noted in the level). */
int proto_l2_ethertype(struct pkt_meta *m, uint16_t type);
/* What a Cisco SNAP protocol id selects: CDP, DTP, UDLD, VTP, PVST+ ... */
int proto_l2_cisco_pid(uint16_t pid);
/* Whether 802.1Q tags follow layer x->i up to one cut by the capture (tcpdump's "[|vlan]"). */
bool proto_l2_vlan_cut_follows(const struct line *x);
/* tcpdump's default print of bytes it does not decode: hex and ASCII lines after "\n\t". */
void proto_l2_default_print(struct pbuf *b, const uint8_t *p, size_t n);
/*
 * After a link header whose ethertype is not decoded (the last layer, x->i):
 * tcpdump's ": " and its dump of the payload, unless the caller dumps the
 * packet anyway (-x, -X, -A) or -q (the ": " stays); true then (the line is
 * complete).
 */
bool proto_l2_undecoded(struct line *x);
/* SNAP's organization's name ("Cisco", "IEEE 802.3 Private"), or NULL. */
const char *proto_llc_oui_name(uint32_t oui);

/*
 * A switch tag between Ethernet's addresses and its type (Marvell DSA and
 * EDSA, Broadcom): put writes it, its -e form (link) after the addresses,
 * its short form before all else; name is its word in "[|name]".
 */
struct proto_eth_tag {
	const char *name;
	void (*put)(struct line *x, bool link);
};
/* Ethernet's header as tcpdump's ether_common_print, with tag t (NULL: none). */
bool proto_eth_print_tag(struct line *x, const struct proto_eth_tag *t);
/* What follows Ethernet's length/type field: LLC after an 802.3 length, else by ethertype. */
int proto_eth_type_next(struct pkt_cursor *c, struct pkt_meta *m, uint16_t type);

#endif /* SOCKEYE_PROTO_L2_H */

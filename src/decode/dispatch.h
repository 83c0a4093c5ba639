/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dispatch.h: the tables from link type, ethertype, IP protocol and port to protocol. */
#ifndef SOCKEYE_DISPATCH_H
#define SOCKEYE_DISPATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/pkt.h"
#include "decode/pkt_meta.h"
#include "decode/proto.h"

/* The numbering a key belongs to: what the field before the next header holds. */
enum dispatch_space {
	DISPATCH_LINKTYPE,  /* DLT_* of the capture: the first header */
	DISPATCH_ETHERTYPE, /* Ethernet, SLL and VLAN type fields */
	DISPATCH_IPV4,	    /* IPv4 protocol field */
	DISPATCH_IPV6,	    /* IPv6 next header after the extension headers */
	DISPATCH_GRE,	    /* GRE protocol type (an ethertype, TEB included) */
	DISPATCH_UDP_PORT,  /* UDP port, either one: tunnels */
	DISPATCH_UDP_APP,   /* UDP port, either one: application protocols */
	DISPATCH_TCP_APP,   /* TCP port, either one: application protocols */
	DISPATCH_LLC_SAP,   /* 802.2 LLC: the SAP of a UI frame whose DSAP and SSAP agree */
	DISPATCH_CISCO_PID, /* SNAP protocol id under Cisco's OUI 00-00-0c */
	DISPATCH_COUNT
};

struct dispatch_key {
	uint16_t key;
	uint8_t proto; /* enum pkt_proto */
};

struct dispatch_table {
	const char *name;
	const struct dispatch_key *keys;
	size_t n;
};

/* By enum dispatch_space: the keys that lead to a protocol. */
extern const struct dispatch_table dispatch_tables[DISPATCH_COUNT];

/*
 * The protocol key selects in space s, or PKT_PROTO_NONE.  A scan of a few
 * entries, most common first: no slower than the switch it replaces.
 */
static inline int dispatch_lookup(enum dispatch_space s, uint16_t key)
{
	const struct dispatch_table *t = &dispatch_tables[s];

	for (size_t i = 0; i < t->n; i++)
		if (t->keys[i].key == key)
			return t->keys[i].proto;
	return PKT_PROTO_NONE;
}

/*
 * The application protocol a transport carries, by port as tcpdump finds it:
 * the first key in the table's order that either port matches (tcpdump's
 * chain of IS_SRC_OR_DST_PORT tests, whose order the table keeps).
 */
static inline int dispatch_app(enum dispatch_space s, uint16_t sport, uint16_t dport)
{
	const struct dispatch_table *t = &dispatch_tables[s];

	for (size_t i = 0; i < t->n; i++)
		if (t->keys[i].key == dport || t->keys[i].key == sport)
			return t->keys[i].proto;
	return PKT_PROTO_NONE;
}

/* Raw IP link types (DLT_RAW, LINKTYPE_RAW, DLT_IPV4, DLT_IPV6): IPv4 or IPv6 by the version. */
bool dispatch_raw_ip(int linktype);

/* The first header of a linktype capture (raw IP by its version nibble), or PKT_PROTO_NONE. */
int dispatch_first(int linktype, const struct pkt_cursor *c);

/*
 * What an ethertype in a link header selects, noted in the current level;
 * past PKT_MAX_VLAN tags the rest stays undecoded payload.  Arista's
 * timestamp shim is Ethernet's only (tcpdump's ether_common_print: not after
 * a cooked header or Frame Relay).
 */
static inline int dispatch_ethertype(struct pkt_meta *m, uint16_t type)
{
	struct pkt_level *l = &m->l[m->level];
	int next = dispatch_lookup(DISPATCH_ETHERTYPE, type);

	l->ethertype = type;
	if (next == PKT_PROTO_VLAN && l->n_vlan == PKT_MAX_VLAN)
		return PKT_PROTO_NONE;
	if (next == PKT_PROTO_ARISTA && l->link != PKT_PROTO_ETH)
		return PKT_PROTO_NONE;
	return next;
}

#endif /* SOCKEYE_DISPATCH_H */

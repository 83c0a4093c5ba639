/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pkt_meta_l2tags.h: the dissected records of the switch tags an Ethernet
 * frame may carry between its addresses and its type (Marvell DSA and EDSA,
 * Broadcom),
 * which struct pkt_meta (pkt_meta.h, their only includer) holds.
 */
#ifndef SOCKEYE_PKT_META_L2TAGS_H
#define SOCKEYE_PKT_META_L2TAGS_H

#include <stdint.h>

/* Marvell DSA's 4-byte tag, and EDSA's ethertype and reserved bytes before it. */
struct pkt_dsa {
	uint16_t edsa_type; /* EDSA only: the programmable ethertype */
	uint8_t rsvd[2];    /* EDSA only: reserved, 0 */
	uint8_t mode;	    /* 0 To_CPU, 1 From_CPU, 2 To_Sniffer, 3 Forward */
	uint8_t dev;	    /* source or target switch */
	uint8_t port;	    /* source or target port, or trunk */
	uint8_t pri;	    /* the frame's priority (FPri) */
	uint16_t vid;
	uint8_t tagged; /* b29: the frame was (is to be) 802.1Q tagged */
	uint8_t b18;	/* Forward: trunk; To_Sniffer: ingress; To_CPU: code bit 2 */
	uint8_t cfi;	/* b16 */
	uint8_t code;	/* To_CPU's code: b18 b17 b12 */
};

/* The switch tag of a frame whose link type has one. */
struct pkt_l2tag {
	struct pkt_dsa dsa;
	uint8_t brcm[4]; /* Broadcom's tag, as it came (its fields depend on the opcode) */
};

#endif /* SOCKEYE_PKT_META_L2TAGS_H */

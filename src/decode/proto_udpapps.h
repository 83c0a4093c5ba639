/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * proto_udpapps.h: the UDP and TCP applications tcpdump 4.99 decodes by port
 * that came last (issue 13): timed, AODV, HNCP, Rx/AFS, lwres, Telnet.  One
 * file each; their JSON fields are view_packet_udpapps.c's.
 */
#ifndef SOCKEYE_PROTO_UDPAPPS_H
#define SOCKEYE_PROTO_UDPAPPS_H

#include <stdbool.h>

#include "decode/line.h"
#include "decode/pkt.h"
#include "decode/pkt_meta.h"

int proto_timed_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_timed_print(struct line *x);
/* TSP's message type names ("TSP_ADJTIME" ...), NULL for an unknown type */
const char *proto_timed_type_name(unsigned type);
int proto_aodv_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_aodv_print(struct line *x);
/* "rreq", "rrep", "rerr", "rrep-ack" (IPv6 draft-01's types too), NULL for another type */
const char *proto_aodv_type_name(unsigned type);

int proto_hncp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_hncp_print(struct line *x);
/* A TLV type as tcpdump groups it: the type when named, else its range (above 0xffff) */
uint32_t proto_hncp_type_class(uint16_t type);
/* "Node state", "Unassigned" ...: the type's name or its range's */
const char *proto_hncp_type_name(uint16_t type);

int proto_rx_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_rx_print(struct line *x);
/* "data", "ack" ...: an Rx packet type's name, NULL for an unknown type */
const char *proto_rx_type_name(unsigned type);

int proto_lwres_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_lwres_print(struct line *x);
/* "noop", "getaddrsbyname" ...: an lwres opcode's name, NULL for another */
const char *proto_lwres_opcode_name(uint32_t opcode);

int proto_telnet_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_telnet_print(struct line *x);

int proto_zephyr_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_zephyr_print(struct line *x);

#endif /* SOCKEYE_PROTO_UDPAPPS_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names.h: one vocabulary for the names every command's JSON shares: protocols, families, directions. */
#ifndef SOCKEYE_NAMES_H
#define SOCKEYE_NAMES_H

#include <stddef.h>
#include <stdint.h>

/*
 * The canonical spellings (lower case, as JSON values and option values):
 * protocols "ipv4" "ipv6" "arp" "tcp" "udp" "icmp" "icmpv6" ..., families
 * "ipv4" "ipv6" "unix" "packet" "netlink", directions "in" "out" "broadcast"
 * "multicast" "otherhost".  tcpdump's text lines keep tcpdump's own spelling
 * (ICMP6, In/Out): those are printed by decode/print*.c, not from this table.
 */

/* An ethertype's name ("ipv4", "arp", "vlan"), or NULL when the table has none. */
const char *names_ethertype(uint16_t ethertype);

/* An IP protocol's name ("tcp", "icmpv6"), or NULL when the table has none. */
const char *names_ip_proto(uint8_t ip_proto);

/*
 * The protocol of a packet as one name: the IP protocol's when ip_proto is set
 * on an IP ethertype, else the ethertype's; unknown ones as "ip_proto_N" or
 * "0xXXXX" into buf.  A special case: ethertype 0 is "none" and ETH_P_ALL "all"
 * (a packet socket's protocol).
 */
const char *names_proto(uint16_t ethertype, uint8_t ip_proto, char *buf, size_t len);

/*
 * A protocol name as users type it (case-insensitive): the canonical name or
 * an accepted alias ("icmp6" for icmpv6, "ip" for ipv4, "ip6" for ipv6).
 * Sets *ethertype (0: any IP version) and *ip_proto (0: not an IP protocol).
 * 0, or -EINVAL for a name the table lacks.
 */
int names_proto_parse(const char *name, uint16_t *ethertype, uint8_t *ip_proto);

/* The canonical name of an alias or a canonical name (NULL when unknown). */
const char *names_proto_canonical(const char *name);

/* An address family's name: AF_INET "ipv4", AF_INET6 "ipv6", AF_UNIX "unix", ... NULL if none. */
const char *names_family(int af);

/*
 * A packet's direction from its PACKET_* type (linux/if_packet.h): "in",
 * "out", "broadcast", "multicast", "otherhost"; "unknown" for anything else.
 */
const char *names_direction(unsigned pkttype);

/* A decoded layer's name (enum pkt_proto of decode/pkt_meta.h); "unknown" past the table. */
const char *names_layer(unsigned pkt_proto);

#endif

/* ---- DNS (RFC 1035 and IANA's DNS parameters), tcpdump's spellings ---- */

/* A record type's mnemonic ("A", "AAAA", "RRSIG"), or NULL: tcpdump's table. */
const char *names_dns_type(uint16_t type);
/* A class's name ("IN", "CHAOS", "HS", "ANY"), or NULL. */
const char *names_dns_class(uint16_t cls);
/* An EDNS0 option's name ("NSID", "ECS", "COOKIE"), or NULL. */
const char *names_dns_edns_opt(uint16_t code);
/* An algorithm of the DAU (5), DHU (6) or N3U (7) option ("ED25519", "SHA-256"), or NULL. */
const char *names_dns_edns_alg(uint16_t option, uint8_t alg);
/* An opcode's name in JSON: "query", "iquery", "status", "notify", "update"; NULL past them. */
const char *names_dns_opcode(unsigned opcode);
/* An rcode's name in JSON (extended rcodes included): "noerror", "nxdomain", ...; or NULL. */
const char *names_dns_rcode(unsigned rcode);

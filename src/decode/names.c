/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names.c: the one table of protocol, family and direction names that every command's JSON uses. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <strings.h>
#include <sys/socket.h>

#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include "decode/names.h"
#include "decode/pkt_meta.h"

#define ETH_IP4 0x0800
#define ETH_IP6 0x86dd

/*
 * Protocols: the canonical name first, then the aliases options accept.
 * ethertype 0 with an ip_proto: that protocol over either IP version.
 */
static const struct proto_name {
	const char *name;
	const char *alias[2];
	uint16_t ethertype;
	uint8_t ip_proto;
} protos[] = {
	{ "tcp", { NULL }, 0, 6 },
	{ "udp", { NULL }, 0, 17 },
	{ "icmp", { NULL }, ETH_IP4, 1 },
	{ "icmpv6", { "icmp6", "ipv6-icmp" }, ETH_IP6, 58 },
	{ "sctp", { NULL }, 0, 132 },
	{ "gre", { NULL }, 0, 47 },
	{ "esp", { NULL }, 0, 50 },
	{ "ah", { NULL }, 0, 51 },
	{ "igmp", { NULL }, ETH_IP4, 2 },
	{ "ipv4", { "ip", "ip4" }, ETH_IP4, 0 },
	{ "ipv6", { "ip6", NULL }, ETH_IP6, 0 },
	{ "arp", { NULL }, 0x0806, 0 },
	{ "vlan", { "802.1q", NULL }, 0x8100, 0 },
	{ "qinq", { "802.1ad", NULL }, 0x88a8, 0 },
	{ "lldp", { NULL }, 0x88cc, 0 },
	{ "mpls", { NULL }, 0x8847, 0 },
};
#define NPROTOS (sizeof(protos) / sizeof(protos[0]))

const char *names_ethertype(uint16_t ethertype)
{
	for (size_t i = 0; i < NPROTOS; i++)
		if (!protos[i].ip_proto && protos[i].ethertype == ethertype)
			return protos[i].name;
	return NULL;
}

const char *names_ip_proto(uint8_t ip_proto)
{
	for (size_t i = 0; ip_proto && i < NPROTOS; i++)
		if (protos[i].ip_proto == ip_proto)
			return protos[i].name;
	return NULL;
}

const char *names_proto(uint16_t ethertype, uint8_t ip_proto, char *buf, size_t len)
{
	bool ip = ethertype == ETH_IP4 || ethertype == ETH_IP6;
	const char *n;

	if (ip && ip_proto) {
		n = names_ip_proto(ip_proto);
		if (n)
			return n;
		snprintf(buf, len, "ip_proto_%u", ip_proto);
		return buf;
	}
	if (!ethertype)
		return "none";
	if (ethertype == ETH_P_ALL)
		return "all";
	n = names_ethertype(ethertype);
	if (n)
		return n;
	snprintf(buf, len, "0x%04x", ethertype);
	return buf;
}

static const struct proto_name *find(const char *name)
{
	for (size_t i = 0; i < NPROTOS; i++) {
		if (!strcasecmp(name, protos[i].name))
			return &protos[i];
		for (size_t a = 0; a < 2 && protos[i].alias[a]; a++)
			if (!strcasecmp(name, protos[i].alias[a]))
				return &protos[i];
	}
	return NULL;
}

int names_proto_parse(const char *name, uint16_t *ethertype, uint8_t *ip_proto)
{
	const struct proto_name *p = find(name);

	if (!p)
		return -EINVAL;
	*ethertype = p->ethertype;
	*ip_proto = p->ip_proto;
	return 0;
}

const char *names_proto_canonical(const char *name)
{
	const struct proto_name *p = find(name);

	return p ? p->name : NULL;
}

const char *names_family(int af)
{
	switch (af) {
	case AF_INET:
		return "ipv4";
	case AF_INET6:
		return "ipv6";
	case AF_UNIX:
		return "unix";
	case AF_PACKET:
		return "packet";
	case AF_NETLINK:
		return "netlink";
	}
	return NULL;
}

const char *names_direction(unsigned pkttype)
{
	switch (pkttype) {
	case PACKET_HOST:
		return "in";
	case PACKET_BROADCAST:
		return "broadcast";
	case PACKET_MULTICAST:
		return "multicast";
	case PACKET_OTHERHOST:
		return "otherhost";
	case PACKET_OUTGOING:
		return "out";
	}
	return "unknown";
}

/* Decoded layers: the protocol names above where the layer is a protocol of the table. */
static const char *const layer_names[PKT_PROTO_COUNT] = {
	[PKT_PROTO_NONE] = "none",	[PKT_PROTO_SLL] = "sll",   [PKT_PROTO_SLL2] = "sll2",
	[PKT_PROTO_ETH] = "eth",	[PKT_PROTO_VLAN] = "vlan", [PKT_PROTO_ARP] = "arp",
	[PKT_PROTO_IPV4] = "ipv4",	[PKT_PROTO_IPV6] = "ipv6", [PKT_PROTO_TCP] = "tcp",
	[PKT_PROTO_UDP] = "udp",	[PKT_PROTO_ICMP] = "icmp", [PKT_PROTO_ICMP6] = "icmpv6",
	[PKT_PROTO_GRE] = "gre",	[PKT_PROTO_VXLAN] = "vxlan", [PKT_PROTO_DNS] = "dns",
	[PKT_PROTO_MDNS] = "mdns",
	[PKT_PROTO_IGMP] = "igmp",
	/* link-layer control protocols and tunnels (issue 13's L2 slice) */
	[PKT_PROTO_LLC] = "llc",
	[PKT_PROTO_STP] = "stp",
	[PKT_PROTO_BFD] = "bfd",
	[PKT_PROTO_LLDP] = "lldp",
	[PKT_PROTO_GENEVE] = "geneve",
	[PKT_PROTO_DTP] = "dtp",
	[PKT_PROTO_UDLD] = "udld",
	[PKT_PROTO_VTP] = "vtp",
	[PKT_PROTO_LOOPBACK] = "loopback",
	[PKT_PROTO_SLOW] = "slow",
	[PKT_PROTO_HSRP] = "hsrp",
	[PKT_PROTO_VRRP] = "vrrp",
	[PKT_PROTO_MPLS] = "mpls",
	[PKT_PROTO_PPP] = "ppp",
	/* services and security (issue 13) */
	[PKT_PROTO_TFTP] = "tftp",
	[PKT_PROTO_BOOTP] = "bootp",
	[PKT_PROTO_DHCP6] = "dhcp6",
	[PKT_PROTO_NTP] = "ntp",
	[PKT_PROTO_PTP] = "ptp",
	[PKT_PROTO_ESP] = "esp",
	[PKT_PROTO_AH] = "ah",
	[PKT_PROTO_HTTP] = "http",
	[PKT_PROTO_SIP] = "sip",
	[PKT_PROTO_SSH] = "ssh",
	[PKT_PROTO_FTP] = "ftp",
	[PKT_PROTO_SMTP] = "smtp",
	[PKT_PROTO_WHOIS] = "whois",
	[PKT_PROTO_RTSP] = "rtsp",
	[PKT_PROTO_TLS] = "tls",
	[PKT_PROTO_IPIP] = "ipip",
	[PKT_PROTO_DCCP] = "dccp",
	/* OSI (issue 13) */
	[PKT_PROTO_ISOCLNS] = "isoclns",
	[PKT_PROTO_CDP] = "cdp",
	[PKT_PROTO_BGP] = "bgp", /* routing (issue 13) */
	[PKT_PROTO_SFLOW] = "sflow",
	/* routing (issue 13) */
	[PKT_PROTO_PIM] = "pim",
	[PKT_PROTO_OSPF] = "ospf",
	[PKT_PROTO_EIGRP] = "eigrp",
	[PKT_PROTO_RIP] = "rip",
	[PKT_PROTO_RIPNG] = "ripng",
	[PKT_PROTO_BABEL] = "babel",
	[PKT_PROTO_AUTORP] = "autorp",
	/* security and services (issue 13): MACsec, PPPoE, IKE, RADIUS, SNMP, syslog, L2TP */
	[PKT_PROTO_MACSEC] = "macsec",
	[PKT_PROTO_PPPOE] = "pppoe",
	[PKT_PROTO_RADIUS] = "radius",
	[PKT_PROTO_ISAKMP] = "isakmp",
	[PKT_PROTO_SYSLOG] = "syslog",
	[PKT_PROTO_RESP] = "resp",
	[PKT_PROTO_NULL] = "null",
	/* SCTP and L2TP (issue 13) */
	[PKT_PROTO_SCTP] = "sctp",
	[PKT_PROTO_L2TP] = "l2tp",
	[PKT_PROTO_NFS] = "nfs", /* Sun RPC and NFS (issue 13) */
	[PKT_PROTO_SUNRPC] = "sunrpc",
	/* media and tunnels (issue 13) */
	[PKT_PROTO_RTP] = "rtp",
	[PKT_PROTO_RTCP] = "rtcp",
	[PKT_PROTO_VAT] = "vat",
	[PKT_PROTO_QUIC] = "quic",
	[PKT_PROTO_WIREGUARD] = "wireguard",
	[PKT_PROTO_WB] = "wb",
	/* link types (issue 13) */
	[PKT_PROTO_CHDLC] = "chdlc",
	[PKT_PROTO_FR] = "fr",
	[PKT_PROTO_SNMP] = "snmp", /* issue 13 */
	[PKT_PROTO_OPENFLOW] = "openflow", /* issue 13 */
	[PKT_PROTO_PGM] = "pgm",     /* issue 13 */
	[PKT_PROTO_ZMTP1] = "zmtp1", /* issue 13 */
	/* PPP link types (issue 13) */
	[PKT_PROTO_PPP_HDLC] = "ppp_hdlc",
	/* UDP and TCP applications by port (issue 13) */
	[PKT_PROTO_TIMED] = "timed",
	[PKT_PROTO_AODV] = "aodv",
	[PKT_PROTO_HNCP] = "hncp",
	[PKT_PROTO_RX] = "rx",
	[PKT_PROTO_LWRES] = "lwres",
	[PKT_PROTO_TELNET] = "telnet",
	[PKT_PROTO_ZEPHYR] = "zephyr",
	/* switch tags (issue 13, link-layer tags) */
	[PKT_PROTO_DSA] = "dsa",
	[PKT_PROTO_EDSA] = "edsa",
	[PKT_PROTO_BRCM] = "brcm",
	[PKT_PROTO_BRCM_PREPEND] = "brcm_prepend",
	/* mesh and overlay protocols (issue 13) */
	[PKT_PROTO_OLSR] = "olsr",
	/* service function chaining (issue 13) */
	[PKT_PROTO_NSH] = "nsh",
	[PKT_PROTO_VXLAN_GPE] = "vxlan_gpe",
	/* small ethertype protocols (issue 13) */
	[PKT_PROTO_MSNLB] = "msnlb",
	[PKT_PROTO_TIPC] = "tipc",
	[PKT_PROTO_SLIP] = "slip",
	/* AoE, Arista timestamps and vsock (issue 13) */
	[PKT_PROTO_AOE] = "aoe",
	[PKT_PROTO_ARISTA] = "arista",
	[PKT_PROTO_VSOCK] = "vsock",
	/* MPLS control protocols (issue 13) */
	[PKT_PROTO_LDP] = "ldp",
	[PKT_PROTO_LSPPING] = "lspping",
	/* GMPLS signalling (issue 13) */
	[PKT_PROTO_LMP] = "lmp",
	[PKT_PROTO_RSVP] = "rsvp",
	/* Broadcom lawful intercept (issue 13) */
	[PKT_PROTO_BCM_LI] = "bcm_li",
	/* vehicular networks, LISP, SOME/IP, VQP, CFM (issue 13) */
	[PKT_PROTO_GEONET] = "geonet",
	[PKT_PROTO_CALM_FAST] = "calm_fast",
	[PKT_PROTO_LISP] = "lisp",
	[PKT_PROTO_SOMEIP] = "someip",
	[PKT_PROTO_VQP] = "vqp",
	/* kday helper (issue 13) */
	[PKT_PROTO_MFR] = "mfr",
	/* link types (issue 13, wt-link) */
	[PKT_PROTO_IPOIB] = "ipoib",
	[PKT_PROTO_IPNET] = "ipnet",
	[PKT_PROTO_NFLOG] = "nflog",
	/* PPTP and Kerberos (issue 13) */
	[PKT_PROTO_PPTP] = "pptp",
	[PKT_PROTO_KRB] = "krb",
};

const char *names_layer(unsigned pkt_proto)
{
	return pkt_proto < PKT_PROTO_COUNT && layer_names[pkt_proto] ? layer_names[pkt_proto] :
								       "unknown";
}

/* ---- DNS ------------------------------------------------------------------------------------ */

struct names_num {
	uint16_t num;
	const char *name;
};

static const char *names_find(const struct names_num *t, size_t n, unsigned num)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].num == num)
			return t[i].name;
	return NULL;
}

#define NAMES_FIND(t, num) names_find(t, sizeof(t) / sizeof(t[0]), num)

/* tcpdump 4.99's ns_type2str: a type it lacks (NSEC3 50, TLSA 52, CAA 257) prints as "TypeN". */
static const struct names_num dns_types[] = {
	{ 1, "A" },	    { 2, "NS" },	  { 3, "MD" },	       { 4, "MF" },
	{ 5, "CNAME" },	    { 6, "SOA" },	  { 7, "MB" },	       { 8, "MG" },
	{ 9, "MR" },	    { 10, "NULL" },	  { 11, "WKS" },       { 12, "PTR" },
	{ 13, "HINFO" },    { 14, "MINFO" },	  { 15, "MX" },	       { 16, "TXT" },
	{ 17, "RP" },	    { 18, "AFSDB" },	  { 19, "X25" },       { 20, "ISDN" },
	{ 21, "RT" },	    { 22, "NSAP" },	  { 23, "NSAP_PTR" },  { 24, "SIG" },
	{ 25, "KEY" },	    { 26, "PX" },	  { 27, "GPOS" },      { 28, "AAAA" },
	{ 29, "LOC" },	    { 30, "NXT" },	  { 31, "EID" },       { 32, "NIMLOC" },
	{ 33, "SRV" },	    { 34, "ATMA" },	  { 35, "NAPTR" },     { 36, "KX" },
	{ 37, "CERT" },	    { 38, "A6" },	  { 39, "DNAME" },     { 40, "SINK" },
	{ 41, "OPT" },	    { 42, "APL" },	  { 43, "DS" },	       { 44, "SSHFP" },
	{ 45, "IPSECKEY" }, { 46, "RRSIG" },	  { 47, "NSEC" },      { 48, "DNSKEY" },
	{ 99, "SPF" },	    { 100, "UINFO" },	  { 101, "UID" },      { 102, "GID" },
	{ 103, "UNSPEC" },  { 104, "UNSPECA" },	  { 249, "TKEY" },     { 250, "TSIG" },
	{ 251, "IXFR" },    { 252, "AXFR" },	  { 253, "MAILB" },    { 254, "MAILA" },
	{ 255, "ANY" },	    { 256, "URI" },
};

static const struct names_num dns_classes[] = {
	{ 1, "IN" }, { 3, "CHAOS" }, { 4, "HS" }, { 255, "ANY" },
};

static const struct names_num dns_edns_opts[] = {
	{ 1, "LLQ" },	     { 2, "UL" },	{ 3, "NSID" },	      { 5, "DAU" },
	{ 6, "DHU" },	     { 7, "N3U" },	{ 8, "ECS" },	      { 9, "EXPIRE" },
	{ 10, "COOKIE" },    { 11, "KEEPALIVE" }, { 12, "PADDING" }, { 13, "CHAIN" },
	{ 14, "KEY-TAG" },   { 16, "CLIENT-TAG" }, { 17, "SERVER-TAG" },
};

/* DNSSEC algorithms (DAU), as tcpdump spells them ("DS" for DSA is tcpdump's) */
static const struct names_num dns_dau[] = {
	{ 0, "DELETE" },	  { 1, "RSAMD5" },	       { 2, "DH" },
	{ 3, "DS" },		  { 5, "RSASHA1" },	       { 6, "DSA-NSEC3-SHA1" },
	{ 7, "RSASHA1-NSEC3-SHA1" }, { 8, "RSASHA256" },      { 10, "RSASHA512" },
	{ 12, "ECC-GOST" },	  { 13, "ECDSAP256SHA256" },  { 14, "ECDSAP384SHA384" },
	{ 15, "ED25519" },	  { 16, "ED448" },	       { 252, "INDIRECT" },
	{ 253, "PRIVATEDNS" },	  { 254, "PRIVATEOID" },
};

static const struct names_num dns_dhu[] = {
	{ 1, "SHA-1" }, { 2, "SHA-256" }, { 3, "GOST_R_34.11-94" }, { 4, "SHA-384" },
};

static const struct names_num dns_n3u[] = {
	{ 1, "SHA-1" },
};

static const struct names_num dns_rcodes[] = {
	{ 0, "noerror" },  { 1, "formerr" },  { 2, "servfail" }, { 3, "nxdomain" },
	{ 4, "notimp" },   { 5, "refused" },  { 6, "yxdomain" }, { 7, "yxrrset" },
	{ 8, "nxrrset" },  { 9, "notauth" },  { 10, "notzone" }, { 16, "badvers" },
	{ 23, "badcookie" },
};

static const char *const dns_opcodes[] = { "query", "iquery", "status", NULL, "notify",
					    "update" };

const char *names_dns_type(uint16_t type)
{
	return NAMES_FIND(dns_types, type);
}

const char *names_dns_class(uint16_t cls)
{
	return NAMES_FIND(dns_classes, cls);
}

const char *names_dns_edns_opt(uint16_t code)
{
	return NAMES_FIND(dns_edns_opts, code);
}

const char *names_dns_edns_alg(uint16_t option, uint8_t alg)
{
	switch (option) {
	case 5:
		return NAMES_FIND(dns_dau, alg);
	case 6:
		return NAMES_FIND(dns_dhu, alg);
	case 7:
		return NAMES_FIND(dns_n3u, alg);
	default:
		return NULL;
	}
}

const char *names_dns_opcode(unsigned opcode)
{
	return opcode < sizeof(dns_opcodes) / sizeof(dns_opcodes[0]) ? dns_opcodes[opcode] : NULL;
}

const char *names_dns_rcode(unsigned rcode)
{
	return NAMES_FIND(dns_rcodes, rcode);
}

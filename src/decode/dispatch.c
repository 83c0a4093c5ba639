/* SPDX-License-Identifier: GPL-2.0-or-later */
/* dispatch.c: which protocol follows which header: the keys (link type, ethertype, IP protocol, port). */
#include "config.h"

#include <pcap/dlt.h>

#include "decode/dispatch.h"

/*
 * Capture files name raw IP by its LINKTYPE_ value, which differs from the
 * DLT_ value libpcap hands out for live captures.
 */
#define DISPATCH_LINKTYPE_RAW 101

/* Linux vsockmon's link type, for a libpcap too old to name it */
#ifndef DLT_VSOCK
#define DLT_VSOCK 271
#endif

/*
 * Keys by space, the most common first: lookups scan them in order.  This is
 * data only, so protocols can look up what follows them without depending on
 * the table of protocols (protocols.c), which depends on each of them.
 */
static const struct dispatch_key dispatch_linktypes[] = {
	{ DLT_EN10MB, PKT_PROTO_ETH },	    /* Ethernet */
	{ DLT_LINUX_SLL, PKT_PROTO_SLL },   /* -i any: Linux cooked */
	{ DLT_LINUX_SLL2, PKT_PROTO_SLL2 }, /* Linux cooked v2 */
	/* DLT_RAW, LINKTYPE_RAW, DLT_IPV4 and DLT_IPV6: by the version nibble, dispatch_first */
	{ DLT_PPP, PKT_PROTO_PPP }, /* issue 13's L2 slice */
	/* names, services and link types (issue 13) */
	{ DLT_NULL, PKT_PROTO_NULL }, /* BSD loopback, the family in host order */
	{ DLT_LOOP, PKT_PROTO_NULL }, /* OpenBSD loopback, in network order */
	/* link types (issue 13) */
	{ DLT_C_HDLC, PKT_PROTO_CHDLC }, /* Cisco HDLC */
	{ DLT_FRELAY, PKT_PROTO_FR },	 /* Frame Relay */
	/* PPP link types (issue 13) */
	{ DLT_PPP_SERIAL, PKT_PROTO_PPP_HDLC }, /* RFC 1662 framing, or Cisco HDLC */
	{ DLT_PPP_PPPD, PKT_PROTO_PPP },	/* pppd's direction byte for the address */
	{ DLT_PPP_ETHER, PKT_PROTO_PPPOE },	/* PPPoE without Ethernet */
	/* switch tags (issue 13, link-layer tags) */
	{ DLT_DSA_TAG_DSA, PKT_PROTO_DSA },   /* Marvell DSA */
	{ DLT_DSA_TAG_EDSA, PKT_PROTO_EDSA }, /* Marvell EDSA */
	{ DLT_DSA_TAG_BRCM, PKT_PROTO_BRCM }, /* Broadcom, after the addresses */
	{ DLT_DSA_TAG_BRCM_PREPEND, PKT_PROTO_BRCM_PREPEND }, /* Broadcom, before the frame */
	/* small link types (issue 13) */
	{ DLT_SLIP, PKT_PROTO_SLIP }, /* with Van Jacobson compressed TCP */
	/* vsock (issue 13) */
	{ DLT_VSOCK, PKT_PROTO_VSOCK }, /* Linux vsockmon */
	/* kday helper (issue 13) */
	{ DLT_MFR, PKT_PROTO_MFR }, /* FRF.16 multilink Frame Relay */
	/* link types (issue 13, wt-link) */
	{ DLT_IPOIB, PKT_PROTO_IPOIB }, /* IP over InfiniBand */
	{ DLT_IPNET, PKT_PROTO_IPNET }, /* Solaris ipnet */
	{ DLT_NFLOG, PKT_PROTO_NFLOG }, /* Linux NFLOG */
};

static const struct dispatch_key dispatch_ethertypes[] = {
	{ PROTO_ETHERTYPE_IPV4, PKT_PROTO_IPV4 },
	{ PROTO_ETHERTYPE_IPV6, PKT_PROTO_IPV6 },
	{ PROTO_ETHERTYPE_8021Q, PKT_PROTO_VLAN },
	{ PROTO_ETHERTYPE_ARP, PKT_PROTO_ARP },
	{ PROTO_ETHERTYPE_8021AD, PKT_PROTO_VLAN },
	{ PROTO_ETHERTYPE_QINQ, PKT_PROTO_VLAN }, /* pre-802.1ad QinQ */
	{ PROTO_ETHERTYPE_RARP, PKT_PROTO_ARP },
	/* issue 13's L2 slice */
	{ 0x88cc, PKT_PROTO_LLDP }, /* 802.1AB */
	{ 0x9000, PKT_PROTO_LOOPBACK }, /* Ethernet v2.0 configuration testing */
	{ 0x8809, PKT_PROTO_SLOW },	/* 802.3 slow protocols: LACP, Marker, OAM */
	{ 0x8847, PKT_PROTO_MPLS },	/* MPLS unicast */
	{ 0x8848, PKT_PROTO_MPLS },	/* MPLS multicast */
	/* services (issue 13) */
	{ PROTO_ETHERTYPE_PTP, PKT_PROTO_PTP },
	{ 0xfefe, PKT_PROTO_ISOCLNS }, /* OSI (issue 13), after a "fudge" byte */
	/* security and services (issue 13) */
	{ 0x88e5, PKT_PROTO_MACSEC }, /* 802.1AE */
	{ 0x8863, PKT_PROTO_PPPOE },  /* PPPoE discovery, RFC 2516 */
	{ 0x8864, PKT_PROTO_PPPOE },  /* PPPoE session */
	{ 0x894f, PKT_PROTO_NSH },    /* RFC 8300 */
	/* small ethertype protocols (issue 13) */
	{ 0x886f, PKT_PROTO_MSNLB }, /* Microsoft NLB heartbeats */
	{ 0x88ca, PKT_PROTO_TIPC },  /* TIPC */
	/* AoE and Arista timestamps (issue 13) */
	{ 0x88a2, PKT_PROTO_AOE },    /* ATA over Ethernet */
	{ 0xd28b, PKT_PROTO_ARISTA }, /* Arista's timestamp, then the frame's own ethertype */
	/* vehicular networks (issue 13) */
	{ 0x8947, PKT_PROTO_GEONET },	  /* ETSI GeoNetworking */
	{ 0x0707, PKT_PROTO_GEONET },	  /* its ethertype before IEEE's */
	{ 0x1111, PKT_PROTO_CALM_FAST }, /* ISO CALM FAST */
};

/* ICMP belongs to IPv4 and ICMPv6 to IPv6 only: one table each. */
static const struct dispatch_key dispatch_ipv4[] = {
	{ PROTO_IP_TCP, PKT_PROTO_TCP },
	{ PROTO_IP_UDP, PKT_PROTO_UDP },
	{ PROTO_IP_ICMP, PKT_PROTO_ICMP },
	{ PROTO_IP_GRE, PKT_PROTO_GRE },
	{ PROTO_IP_IGMP, PKT_PROTO_IGMP },
	{ 112, PKT_PROTO_VRRP }, /* issue 13's L2 slice: VRRP */
	/* security (issue 13) */
	{ PROTO_IP_ESP, PKT_PROTO_ESP },
	{ PROTO_IP_AH, PKT_PROTO_AH },
	{ PROTO_IP_IPIP, PKT_PROTO_IPIP },
	{ PROTO_IP_IPV6, PKT_PROTO_IPIP },
	{ PROTO_IP_DCCP, PKT_PROTO_DCCP },
	/* routing (issue 13) */
	{ 103, PKT_PROTO_PIM },
	{ 89, PKT_PROTO_OSPF },
	{ 88, PKT_PROTO_EIGRP },
	/* SCTP (issue 13) */
	{ PROTO_IP_SCTP, PKT_PROTO_SCTP },
	/* PGM (issue 13) */
	{ 113, PKT_PROTO_PGM },
	/* GMPLS signalling (issue 13) */
	{ 46, PKT_PROTO_RSVP }, /* RFC 2205 */
};

static const struct dispatch_key dispatch_ipv6[] = {
	{ PROTO_IP_TCP, PKT_PROTO_TCP },
	{ PROTO_IP_UDP, PKT_PROTO_UDP },
	{ PROTO_IP_ICMPV6, PKT_PROTO_ICMP6 },
	{ PROTO_IP_GRE, PKT_PROTO_GRE },
	{ 112, PKT_PROTO_VRRP }, /* issue 13's L2 slice: VRRP v3 */
	/* security (issue 13) */
	{ PROTO_IP_ESP, PKT_PROTO_ESP },
	{ PROTO_IP_AH, PKT_PROTO_AH },
	{ PROTO_IP_IPV6, PKT_PROTO_IPIP },
	{ PROTO_IP_IPIP, PKT_PROTO_IPIP },
	{ PROTO_IP_DCCP, PKT_PROTO_DCCP },
	/* routing (issue 13) */
	{ 103, PKT_PROTO_PIM },
	{ 89, PKT_PROTO_OSPF },
	{ 88, PKT_PROTO_EIGRP },
	/* SCTP (issue 13) */
	{ PROTO_IP_SCTP, PKT_PROTO_SCTP },
	/* PGM (issue 13) */
	{ 113, PKT_PROTO_PGM },
	/* GMPLS signalling (issue 13) */
	{ 46, PKT_PROTO_RSVP }, /* RFC 2205 */
	/* Ethernet in IPv6 (143, RFC 8986's SRv6 End.DX2 / T.Encaps.L2) */
	{ 143, PKT_PROTO_IPIP }, /* a tunnel: proto_ipip_dissect opens the frame */
};

static const struct dispatch_key dispatch_gre[] = {
	{ PROTO_ETHERTYPE_IPV4, PKT_PROTO_IPV4 },
	{ PROTO_ETHERTYPE_IPV6, PKT_PROTO_IPV6 },
	{ PROTO_ETHERTYPE_TEB, PKT_PROTO_ETH },
	{ 0x8847, PKT_PROTO_MPLS }, /* issue 13's L2 slice: MPLS over GRE (RFC 4023) */
	{ 0x8848, PKT_PROTO_MPLS },
	{ 0x00fe, PKT_PROTO_ISOCLNS }, /* kday helper: GRE-OSI, the NLPID first (tcpdump's gre_print) */
};

static const struct dispatch_key dispatch_udp_ports[] = {
	{ 4789, PKT_PROTO_VXLAN }, /* IANA */
	{ 8472, PKT_PROTO_VXLAN }, /* the Linux kernel's default before IANA's */
	{ 6081, PKT_PROTO_GENEVE }, /* RFC 8926 */
	{ 4790, PKT_PROTO_VXLAN_GPE }, /* IANA */
	{ 6635, PKT_PROTO_MPLS },   /* MPLS in UDP, RFC 7510 */
};

/*
 * By either port, in tcpdump's order (udp_print's chain): the first key either
 * port matches wins.  LLMNR (5355) is not here: tcpdump 4.99 prints it as
 * plain UDP.
 */
static const struct dispatch_key dispatch_udp_apps[] = {
	{ 53, PKT_PROTO_DNS },	  /* RFC 1035 */
	{ 5353, PKT_PROTO_MDNS }, /* RFC 6762 */
	{ 525, PKT_PROTO_TIMED }, /* BSD timed: tcpdump's third */
	/*
	 * tcpdump 4.99 tests TFTP, BOOTP, RIP and ISAKMP next, then SNMP (issue
	 * 13), and only then every other port (BFD, HSRP, NTP, DHCPv6 ...)
	 */
	{ 69, PKT_PROTO_TFTP },	    /* RFC 1350 */
	{ 68, PKT_PROTO_BOOTP },    /* RFC 951: client */
	{ 67, PKT_PROTO_BOOTP },    /* server */
	{ 520, PKT_PROTO_RIP },	    /* RFC 2453 */
	{ 654, PKT_PROTO_AODV },    /* RFC 3561 */
	{ 500, PKT_PROTO_ISAKMP },  /* RFC 2408 */
	{ 4500, PKT_PROTO_ISAKMP }, /* RFC 3948: the non-ESP marker, or UDP-encapsulated ESP */
	{ 7500, PKT_PROTO_ISAKMP }, /* tcpdump's ISAKMP_PORT_USER1 and USER2 */
	{ 8500, PKT_PROTO_ISAKMP },
	{ 161, PKT_PROTO_SNMP }, /* RFC 3417 */
	{ 162, PKT_PROTO_SNMP }, /* traps and informs */
	/*
	 * The rest in udp_print's order (issue 13): vat and wb by their
	 * destination port only (proto_udp.c looks again when only the source
	 * matched); Rx's 7000-7009 one key each; HSRP and BFD, which tcpdump
	 * takes by destination port, here by either
	 */
	{ 123, PKT_PROTO_NTP },	  /* RFC 5905 */
	{ 88, PKT_PROTO_KRB },	  /* Kerberos (issue 13) */
	{ 750, PKT_PROTO_KRB },	  /* Kerberos 4 */
	{ 1701, PKT_PROTO_L2TP }, /* RFC 2661 */
	{ 3456, PKT_PROTO_VAT },  /* vat and vt, LBL's audio and text tools */
	{ 2104, PKT_PROTO_ZEPHYR }, /* MIT Zephyr: server */
	{ 2103, PKT_PROTO_ZEPHYR }, /* client */
	{ 7000, PKT_PROTO_RX },	  /* AFS: file server */
	{ 7001, PKT_PROTO_RX },	  /* callbacks */
	{ 7002, PKT_PROTO_RX },	  /* protection server */
	{ 7003, PKT_PROTO_RX },	  /* volume location */
	{ 7004, PKT_PROTO_RX },	  /* authentication */
	{ 7005, PKT_PROTO_RX },	  /* volume server */
	{ 7006, PKT_PROTO_RX },
	{ 7007, PKT_PROTO_RX }, /* basic overseer */
	{ 7008, PKT_PROTO_RX },
	{ 7009, PKT_PROTO_RX },
	{ 521, PKT_PROTO_RIPNG },  /* RFC 2080 */
	{ 547, PKT_PROTO_DHCP6 },  /* RFC 8415: server */
	{ 546, PKT_PROTO_DHCP6 },  /* client */
	{ 6696, PKT_PROTO_BABEL }, /* RFC 8966 */
	{ 6697, PKT_PROTO_BABEL }, /* Babel's port before IANA's, as tcpdump */
	{ 8231, PKT_PROTO_HNCP },  /* RFC 7788 */
	{ 4567, PKT_PROTO_WB },	   /* LBL's whiteboard, also by destination port only */
	{ 496, PKT_PROTO_AUTORP }, /* Cisco PIM auto-RP */
	{ 1645, PKT_PROTO_RADIUS }, /* RFC 2865: the old port */
	{ 1812, PKT_PROTO_RADIUS }, /* RFC 2865 */
	{ 1646, PKT_PROTO_RADIUS }, /* RFC 2866 accounting: the old port */
	{ 1813, PKT_PROTO_RADIUS }, /* RFC 2866 */
	{ 1700, PKT_PROTO_RADIUS }, /* Cisco's dynamic authorization */
	{ 3799, PKT_PROTO_RADIUS }, /* RFC 5176 dynamic authorization */
	{ 1985, PKT_PROTO_HSRP },   /* Cisco HSRP, RFC 2281 */
	{ 921, PKT_PROTO_LWRES },   /* BIND 9's lightweight resolver */
	/* MPLS control protocols (issue 13): LDP before OLSR, as tcpdump */
	{ 646, PKT_PROTO_LDP }, /* RFC 5036 */
	{ 3503, PKT_PROTO_LSPPING }, /* MPLS LSP ping, RFC 8029 (tcpdump: after OLSR, before BFD) */
	{ 701, PKT_PROTO_LMP },     /* RFC 4204 (GMPLS, issue 13): after lwres, as udp_print */
	/* Broadcom's lawful intercept by its source port only (proto_udp.c), before BFD as tcpdump */
	{ 49152, PKT_PROTO_BCM_LI },
	{ 3784, PKT_PROTO_BFD },    /* BFD control, RFC 5881 */
	{ 3785, PKT_PROTO_BFD },    /* BFD echo */
	{ 4784, PKT_PROTO_BFD },    /* BFD multihop, RFC 5883 */
	{ 6784, PKT_PROTO_BFD },    /* BFD on LAG members, RFC 7130 */
	{ 6343, PKT_PROTO_SFLOW },  /* sFlow v5 */
	{ 5060, PKT_PROTO_SIP },    /* RFC 3261 */
	{ 514, PKT_PROTO_SYSLOG },  /* RFC 3164 */
	{ 319, PKT_PROTO_PTP },	    /* IEEE 1588 event */
	{ 320, PKT_PROTO_PTP },	    /* general */
	/* QUIC and WireGuard, which tcpdump 4.99 does not decode, last */
	{ 443, PKT_PROTO_QUIC },	 /* RFC 9000 over UDP: HTTP/3 */
	{ 51820, PKT_PROTO_WIREGUARD }, /* wg's default listen port */
	/* mesh and overlay protocols (issue 13) */
	{ 698, PKT_PROTO_OLSR }, /* RFC 3626 */
	/* LISP, SOME/IP, VQP (issue 13) */
	{ 1589, PKT_PROTO_VQP },    /* Cisco VLAN Query Protocol */
	{ 4342, PKT_PROTO_LISP }, /* RFC 6830 control messages */
	{ 30490, PKT_PROTO_SOMEIP }, /* AUTOSAR SOME/IP: udp_print's last */
};

/* By either port, in tcpdump 4.99's order (tcp_print's chain): the first key either port matches wins. */
static const struct dispatch_key dispatch_tcp_apps[] = {
	{ 23, PKT_PROTO_TELNET }, /* RFC 854: tcp_print's first */
	{ 25, PKT_PROTO_SMTP },	  /* RFC 5321 */
	{ 43, PKT_PROTO_WHOIS },  /* RFC 3912 */
	{ 179, PKT_PROTO_BGP },	  /* RFC 4271 */
	{ 1723, PKT_PROTO_PPTP }, /* RFC 2637 control connection (issue 13) */
	{ 6379, PKT_PROTO_RESP }, /* Redis */
	{ 22, PKT_PROTO_SSH },	  /* the version banner, RFC 4253 4.2 */
	/* OpenFlow (issue 13): after SSH, before FTP, as tcpdump 4.99 */
	{ 6653, PKT_PROTO_OPENFLOW }, /* IANA */
	{ 6633, PKT_PROTO_OPENFLOW }, /* before IANA's */
	{ 21, PKT_PROTO_FTP },	  /* RFC 959's control connection */
	{ 80, PKT_PROTO_HTTP },	  /* HTTP/1.x */
	{ 8080, PKT_PROTO_HTTP },
	{ 554, PKT_PROTO_RTSP }, /* RFC 2326 */
	{ 8554, PKT_PROTO_RTSP },
	{ 53, PKT_PROTO_DNS }, /* with a length prefix, RFC 1035 4.2.2 */
	/* Sun RPC and NFS (issue 13): last of tcpdump's; a call to it or a reply from it only */
	{ 646, PKT_PROTO_LDP }, /* MPLS control (issue 13): RFC 5036, before NFS as tcpdump */
	{ 2049, PKT_PROTO_NFS },
	/* tcpdump decodes nothing here (so last): text only with --decode-more */
	{ 443, PKT_PROTO_TLS },
};

/* issue 13's L2 slice: what LLC and SNAP lead to (LLC itself follows an 802.3 length) */
static const struct dispatch_key dispatch_llc_saps[] = {
	{ 0x42, PKT_PROTO_STP },  /* 802.1D BPDUs */
	{ 0x06, PKT_PROTO_IPV4 }, /* RFC 948 IP over 802.3 */
	{ 0xfe, PKT_PROTO_ISOCLNS }, /* OSI (issue 13): CLNP, ES-IS, IS-IS */
};

static const struct dispatch_key dispatch_cisco_pids[] = {
	{ 0x010b, PKT_PROTO_STP }, /* PVST+ */
	{ 0x010c, PKT_PROTO_STP }, /* VLAN bridge */
	{ 0x2004, PKT_PROTO_DTP },
	{ 0x0111, PKT_PROTO_UDLD },
	{ 0x2003, PKT_PROTO_VTP },
	{ 0x2000, PKT_PROTO_CDP }, /* issue 13 */
};

#define DISPATCH_N(t) (sizeof(t) / sizeof((t)[0]))

const struct dispatch_table dispatch_tables[DISPATCH_COUNT] = {
	[DISPATCH_LINKTYPE] = { "linktype", dispatch_linktypes, DISPATCH_N(dispatch_linktypes) },
	[DISPATCH_ETHERTYPE] = { "ethertype", dispatch_ethertypes,
				 DISPATCH_N(dispatch_ethertypes) },
	[DISPATCH_IPV4] = { "ipv4", dispatch_ipv4, DISPATCH_N(dispatch_ipv4) },
	[DISPATCH_IPV6] = { "ipv6", dispatch_ipv6, DISPATCH_N(dispatch_ipv6) },
	[DISPATCH_GRE] = { "gre", dispatch_gre, DISPATCH_N(dispatch_gre) },
	[DISPATCH_UDP_PORT] = { "udp port", dispatch_udp_ports, DISPATCH_N(dispatch_udp_ports) },
	[DISPATCH_UDP_APP] = { "udp app", dispatch_udp_apps, DISPATCH_N(dispatch_udp_apps) },
	[DISPATCH_TCP_APP] = { "tcp app", dispatch_tcp_apps, DISPATCH_N(dispatch_tcp_apps) },
	[DISPATCH_LLC_SAP] = { "llc sap", dispatch_llc_saps, DISPATCH_N(dispatch_llc_saps) },
	[DISPATCH_CISCO_PID] = { "cisco pid", dispatch_cisco_pids, DISPATCH_N(dispatch_cisco_pids) },
};

bool dispatch_raw_ip(int linktype)
{
	return linktype == DLT_RAW || linktype == DISPATCH_LINKTYPE_RAW || linktype == DLT_IPV4 ||
	       linktype == DLT_IPV6;
}

int dispatch_first(int linktype, const struct pkt_cursor *c)
{
	const uint8_t *p;

	/*
	 * Raw IP says its version in the first nibble, whatever the link type promises (tcpdump's
	 * raw_if_print takes DLT_IPV4 and DLT_IPV6 too); a bad one is IPv4's to report.
	 */
	if (dispatch_raw_ip(linktype)) {
		p = pkt_peek(c, 1);
		/* no byte to tell: the version the link type promises */
		if (!p)
			return linktype == DLT_IPV6 ? PKT_PROTO_IPV6 : PKT_PROTO_IPV4;
		return *p >> 4 == 6 ? PKT_PROTO_IPV6 : PKT_PROTO_IPV4;
	}
	if (linktype < 0 || linktype > UINT16_MAX)
		return PKT_PROTO_NONE;
	return dispatch_lookup(DISPATCH_LINKTYPE, (uint16_t)linktype);
}

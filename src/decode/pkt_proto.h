/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pkt_proto.h: the protocol identities a decoded layer carries (pkt_meta.h's
 * layer[].proto and its link/net/trans fields): one entry for each decoder,
 * kept apart from the fields so that a new protocol touches this list only.
 */
#ifndef SOCKEYE_PKT_PROTO_H
#define SOCKEYE_PKT_PROTO_H

/* Layer identities, in layer[].proto and the link/net/trans fields below. */
enum pkt_proto {
	PKT_PROTO_NONE = 0,
	PKT_PROTO_SLL,
	PKT_PROTO_SLL2,
	PKT_PROTO_ETH,
	PKT_PROTO_VLAN,
	PKT_PROTO_ARP,
	PKT_PROTO_IPV4,
	PKT_PROTO_IPV6,
	PKT_PROTO_TCP,
	PKT_PROTO_UDP,
	PKT_PROTO_ICMP,
	PKT_PROTO_ICMP6,
	PKT_PROTO_GRE,
	PKT_PROTO_VXLAN,
	PKT_PROTO_DNS,	/* DNS over UDP or TCP port 53 */
	PKT_PROTO_MDNS, /* multicast DNS, UDP port 5353 */
	PKT_PROTO_IGMP,
	/* link-layer control protocols and tunnels (issue 13's L2 slice) */
	PKT_PROTO_LLC,	/* 802.2 LLC, with SNAP when dsap/ssap are 0xaa */
	PKT_PROTO_STP,	/* 802.1D/w/s/aq BPDUs, Cisco PVST+ */
	PKT_PROTO_BFD,	/* BFD control and echo, UDP 3784, 3785, 4784, 6784 */
	PKT_PROTO_LLDP, /* 802.1AB, ethertype 0x88cc */
	PKT_PROTO_GENEVE, /* RFC 8926, UDP 6081 */
	PKT_PROTO_DTP,	/* Cisco DTP, SNAP pid 0x2004 */
	PKT_PROTO_UDLD, /* Cisco UDLD (RFC 5171), SNAP pid 0x0111 */
	PKT_PROTO_VTP,	/* Cisco VTP, SNAP pid 0x2003 */
	PKT_PROTO_LOOPBACK, /* Ethernet loopback (keepalives), ethertype 0x9000 */
	PKT_PROTO_SLOW,	/* slow protocols (LACP, Marker, OAM), ethertype 0x8809 */
	PKT_PROTO_HSRP, /* Cisco HSRP v0/v1, UDP 1985 */
	PKT_PROTO_VRRP, /* VRRP v2/v3, IP protocol 112 */
	PKT_PROTO_MPLS, /* the MPLS label stack, ethertypes 0x8847 and 0x8848 */
	PKT_PROTO_PPP,	/* PPP framing of LINKTYPE_PPP captures */
	/* services and security (issue 13): by port, or forced with sniff -T */
	PKT_PROTO_TFTP,
	PKT_PROTO_BOOTP, /* BOOTP and DHCPv4 */
	PKT_PROTO_DHCP6,
	PKT_PROTO_NTP,
	PKT_PROTO_PTP, /* over UDP 319/320, or as Ethernet's network layer (0x88f7) */
	PKT_PROTO_ESP,
	PKT_PROTO_AH,
	PKT_PROTO_HTTP, /* HTTP/1.x request and status lines, TCP 80 and 8080 */
	PKT_PROTO_SIP,	/* UDP 5060 */
	PKT_PROTO_SSH,	/* the version banner, TCP 22 */
	PKT_PROTO_FTP,	/* control connection lines, TCP 21 */
	PKT_PROTO_SMTP, /* TCP 25 */
	PKT_PROTO_WHOIS, /* TCP 43 */
	PKT_PROTO_RTSP, /* request and status lines, TCP 554 and 8554 */
	PKT_PROTO_TLS,	/* TCP 443: in JSON, and in text with --decode-more only */
	PKT_PROTO_IPIP, /* IPv4 or IPv6 carried in IP (protocol 4 or 41): a tunnel */
	PKT_PROTO_DCCP,
	/* OSI (issue 13): CLNP, ES-IS, IS-IS by NLPID; Cisco's CDP */
	PKT_PROTO_ISOCLNS, /* LLC SAP 0xfe, ethertype 0xfefe */
	PKT_PROTO_CDP,	   /* SNAP pid 0x2000 under Cisco's OUI */
	/* routing (issue 13) */
	PKT_PROTO_BGP, /* TCP 179 */
	PKT_PROTO_SFLOW, /* sFlow v5, UDP 6343 */
	/* routing (issue 13) */
	PKT_PROTO_PIM,	 /* PIM v1/v2, IP protocol 103 */
	PKT_PROTO_OSPF,	 /* OSPFv2 over IPv4, OSPFv3 over IPv6, IP protocol 89 */
	PKT_PROTO_EIGRP, /* Cisco EIGRP, IP protocol 88 */
	PKT_PROTO_RIP,	 /* RIPv1/v2, UDP 520 */
	PKT_PROTO_RIPNG, /* RIPng, UDP 521 */
	PKT_PROTO_BABEL, /* Babel, UDP 6696 */
	PKT_PROTO_AUTORP, /* Cisco auto-RP, UDP 496 */
	/* security and services (issue 13): IKE, RADIUS, SNMP, syslog, L2TP by port; MACsec, PPPoE */
	PKT_PROTO_MACSEC, /* 802.1AE SecTAG, ethertype 0x88e5 */
	PKT_PROTO_PPPOE,  /* discovery 0x8863 and session 0x8864 (RFC 2516) */
	PKT_PROTO_RADIUS, /* UDP 1812, 1813, 1645, 1646, 1700, 3799 */
	PKT_PROTO_ISAKMP, /* UDP 500, and 4500 (RFC 3948 NAT traversal) */
	PKT_PROTO_SYSLOG, /* UDP 514 (RFC 3164) */
	/* names, services and link types (issue 13) */
	PKT_PROTO_RESP, /* Redis, TCP 6379 */
	PKT_PROTO_NULL, /* BSD loopback: DLT_NULL, DLT_LOOP */
	/* SCTP and L2TP (issue 13) */
	PKT_PROTO_SCTP, /* IP protocol 132 (RFC 9260) */
	PKT_PROTO_L2TP, /* L2TPv2 over UDP 1701 (RFC 2661): a tunnel when it carries PPP */
	/* Sun RPC and NFS (issue 13) */
	PKT_PROTO_NFS,	  /* an NFS call to, or reply from, UDP or TCP port 2049 */
	PKT_PROTO_SUNRPC, /* any Sun RPC message on UDP, with sniff -T rpc */
	/* media and tunnels (issue 13): RTP, RTCP, vat by -T; QUIC, WireGuard by port */
	PKT_PROTO_RTP,	     /* sniff -T rtp only */
	PKT_PROTO_RTCP,	     /* sniff -T rtcp only */
	PKT_PROTO_VAT,	     /* UDP destination port 3456, or sniff -T vat */
	PKT_PROTO_QUIC,	     /* UDP 443: in JSON, and in text with --decode-more only */
	PKT_PROTO_WIREGUARD, /* UDP 51820: in JSON, and in text with --decode-more only */
	PKT_PROTO_WB,	     /* LBL's whiteboard: UDP destination port 4567, or sniff -T wb */
	/* link types (issue 13) */
	PKT_PROTO_CHDLC, /* Cisco HDLC: DLT_C_HDLC */
	PKT_PROTO_FR,	 /* Frame Relay: DLT_FRELAY */
	/* SNMP (issue 13) */
	PKT_PROTO_SNMP, /* UDP 161 and 162 */
	/* OpenFlow (issue 13) */
	PKT_PROTO_OPENFLOW, /* TCP 6653 and 6633 */
	/* PGM and ZMTP/1.0 (issue 13) */
	PKT_PROTO_PGM,   /* IP protocol 113; over UDP (EPGM) with sniff -T pgm or pgm_zmtp1 */
	PKT_PROTO_ZMTP1, /* ZeroMQ's ZMTP/1.0 over TCP, sniff -T zmtp1 only */
	/* PPP link types (issue 13) */
	PKT_PROTO_PPP_HDLC, /* PPP in HDLC-like framing, or Cisco HDLC: DLT_PPP_SERIAL */
	/* UDP and TCP applications tcpdump decodes by port (issue 13) */
	PKT_PROTO_TIMED, /* BSD timed (TSP), UDP 525 */
	PKT_PROTO_AODV,	 /* AODV (RFC 3561), UDP 654 */
	PKT_PROTO_HNCP,	 /* HNCP (RFC 7788), UDP 8231 */
	PKT_PROTO_RX,	 /* Rx, AFS's RPC, UDP 7000-7009 */
	PKT_PROTO_LWRES, /* BIND 9's lightweight resolver, UDP 921 */
	PKT_PROTO_TELNET, /* Telnet's option negotiation, TCP 23 */
	PKT_PROTO_ZEPHYR, /* MIT Zephyr, UDP 2103 and 2104 */
	/* switch tags and link types (issue 13, link-layer tags) */
	PKT_PROTO_DSA,	/* Marvell DSA tagged Ethernet: DLT_DSA_TAG_DSA */
	PKT_PROTO_EDSA, /* Marvell EDSA tagged Ethernet: DLT_DSA_TAG_EDSA */
	PKT_PROTO_BRCM, /* Broadcom tagged Ethernet: DLT_DSA_TAG_BRCM */
	PKT_PROTO_BRCM_PREPEND, /* a Broadcom tag before the frame: DLT_DSA_TAG_BRCM_PREPEND */
	/* mesh and overlay protocols (issue 13) */
	PKT_PROTO_OLSR, /* RFC 3626, UDP 698, over IPv4 and IPv6 */
	/* service function chaining (issue 13) */
	PKT_PROTO_NSH,	     /* RFC 8300, ethertype 0x894f or in VXLAN-GPE */
	PKT_PROTO_VXLAN_GPE, /* UDP 4790, a tunnel */
	/* small ethertype protocols (issue 13) */
	PKT_PROTO_MSNLB, /* Microsoft NLB heartbeats, ethertype 0x886f */
	PKT_PROTO_TIPC, /* TIPC, ethertype 0x88ca */
	PKT_PROTO_SLIP, /* SLIP with VJ compression: DLT_SLIP */
	/* AoE, Arista timestamps and vsock (issue 13) */
	PKT_PROTO_AOE,	  /* ATA over Ethernet, ethertype 0x88a2 */
	PKT_PROTO_ARISTA, /* Arista's timestamp shim, ethertype 0xd28b, then an ethertype */
	PKT_PROTO_VSOCK,  /* Linux vsockmon's header: DLT_VSOCK */
	/* MPLS control protocols (issue 13) */
	PKT_PROTO_LDP, /* RFC 5036, UDP and TCP 646 */
	PKT_PROTO_LSPPING, /* MPLS LSP ping, RFC 8029, UDP 3503 */
	/* GMPLS signalling (issue 13) */
	PKT_PROTO_LMP,	/* RFC 4204, UDP 701, or sniff -T lmp */
	PKT_PROTO_RSVP, /* RFC 2205 / 3209 / 3473, IP protocol 46 */
	/* Broadcom lawful intercept (issue 13) */
	PKT_PROTO_BCM_LI, /* UDP source port 49152: a shim before the intercepted packet */
	/* vehicular networks, LISP, SOME/IP, VQP, CFM (issue 13) */
	PKT_PROTO_GEONET,    /* ETSI GeoNetworking, ethertypes 0x8947 and 0x0707 */
	PKT_PROTO_CALM_FAST, /* ISO CALM FAST, ethertype 0x1111 */
	PKT_PROTO_LISP,	     /* LISP control, UDP 4342 (RFC 6830) */
	PKT_PROTO_SOMEIP,    /* AUTOSAR SOME/IP, UDP 30490 */
	PKT_PROTO_VQP,	     /* Cisco VLAN Query Protocol, UDP 1589 */
	/* kday helper (issue 13) */
	PKT_PROTO_MFR, /* Multilink Frame Relay, FRF.16: DLT_MFR */
	/* link types (issue 13, wt-link) */
	PKT_PROTO_IPOIB, /* IP over InfiniBand: DLT_IPOIB */
	PKT_PROTO_IPNET, /* Solaris ipnet: DLT_IPNET */
	PKT_PROTO_NFLOG, /* Linux NFLOG: DLT_NFLOG */
	/* PPTP and Kerberos (issue 13) */
	PKT_PROTO_PPTP, /* PPTP control messages, TCP 1723 */
	PKT_PROTO_KRB,	/* Kerberos 4 (and 5 named), UDP 88 and 750 */
	PKT_PROTO_COUNT
};

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pkt_meta.h: a decoded packet as plain typed fields, layer by layer. */
#ifndef SOCKEYE_PKT_META_H
#define SOCKEYE_PKT_META_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/pkt_proto.h"

/*
 * Fixed size, no pointers into the packet: a pkt_meta can be kept, copied and
 * emitted after the ring slot it came from is released.  Addresses stay in
 * network byte order as they were on the wire; every other number is in host
 * order.  Only the layers listed in layer[] are meaningful: dissect_packet
 * does not clear the structs of protocols the packet does not carry.
 */

/* Why decoding stopped at a truncated or invalid layer. */
enum pkt_reason {
	PKT_REASON_NONE = 0,
	PKT_REASON_SNAPLEN,	     /* truncated: the capture ends inside the header */
	PKT_REASON_SHORT,	     /* the packet itself ends inside the header */
	PKT_REASON_VERSION,	     /* IP version does not match the link's protocol type */
	PKT_REASON_HDR_LEN,	     /* header length below its minimum (IPv4 ihl, TCP doff) */
	PKT_REASON_HDR_PAST_END,     /* header length reaches past the end of the packet */
	PKT_REASON_TOTAL_LEN,	     /* IPv4 total length below the header length */
	PKT_REASON_LEN_PAST_END,     /* IP total or payload length past the end of the packet */
	PKT_REASON_UDP_LEN,	     /* UDP length below the 8-byte header */
	PKT_REASON_UDP_LEN_PAST_END, /* UDP length past the end of the IP payload */
	PKT_REASON_EXT_PAST_END,     /* IPv6 extension header past the end of the payload */
	PKT_REASON_EXT_COUNT,	     /* more IPv6 extension headers than PKT_IP6_MAX_EXT */
	PKT_REASON_OPTION,	     /* TCP or ND option length inconsistent */
	PKT_REASON_VXLAN_FLAGS,	     /* VXLAN without the I (valid VNI) flag */
	PKT_REASON_LEN_PREFIX,	     /* DNS over TCP: the length prefix is not the segment's */
	PKT_REASON_EXT_ORDER,	     /* IPv6 hop-by-hop options not first, or twice */
	PKT_REASON_JUMBO,	     /* IPv6 payload length 0 without a valid jumbo payload option */
	PKT_REASON_EXT_INVALID,	     /* IPv6 routing header of an unknown type or odd length */
	PKT_REASON_COUNT
};

/*
 * A transport checksum (TCP, UDP, ICMP, ICMPv6) as dissect_packet verified it,
 * when pkt_meta.csum_verify asked: pkt_level.csum.
 */
enum pkt_csum {
	PKT_CSUM_UNCHECKED = 0, /* not asked for, a fragment, or not all of it captured */
	PKT_CSUM_OK,
	PKT_CSUM_BAD,	  /* csum_good holds what the field should say */
	PKT_CSUM_OFFLOAD, /* does not verify, but the ring said the NIC fills it in later */
	PKT_CSUM_KERNEL,  /* not all captured, but the kernel or NIC verified it */
	PKT_CSUM_ABSENT,  /* UDP over IPv4 with 0: the sender computed none (RFC 768) */
	PKT_CSUM_COUNT
};

/* What a live capture's ring said about checksums (tpacket3_hdr.tp_status). */
enum pkt_csum_hint {
	PKT_CSUM_HINT_NONE = 0,	 /* files, and rings that said nothing */
	PKT_CSUM_HINT_NOT_READY, /* TP_STATUS_CSUMNOTREADY: outgoing, left to the NIC/stack */
	PKT_CSUM_HINT_VALID,	 /* TP_STATUS_CSUM_VALID: verified on receive */
};

#define PKT_MAX_LAYERS	 12 /* sll/eth + 2 vlan + net + trans + vxlan, twice */
#define PKT_MAX_VLAN	 2
#define PKT_MAX_SACK	 4
#define PKT_TCP_MAX_OPTS 40 /* 40 option bytes, one byte per option at least */
#define PKT_IP6_MAX_EXT	 8
#define PKT_IP6_MAX_OPTS 32 /* hop-by-hop and destination options, all headers together */
#define PKT_IP6_MAX_RT	 4  /* routing header addresses kept */

/* One decoded header, in packet order. */
struct pkt_layer {
	uint8_t proto;	   /* enum pkt_proto */
	uint8_t level;	   /* index into pkt_meta.l: 0 outer, 1 inside a tunnel */
	bool truncated;	   /* the capture ends inside this header */
	bool invalid;	   /* fields inconsistent: see reason */
	uint8_t reason;	   /* enum pkt_reason, when truncated or invalid */
	uint32_t off;	   /* offset of the header in the captured data */
	uint32_t hdr_len;  /* header bytes decoded; when truncated, those captured */
	uint32_t wire_len; /* bytes from the header to the end of its packet, on the wire */
};

/* Linux cooked capture: DLT_LINUX_SLL (v1) and DLT_LINUX_SLL2. */
struct pkt_sll {
	uint16_t pkttype; /* PACKET_HOST, PACKET_OUTGOING, ... */
	uint16_t hatype;  /* ARPHRD_* */
	uint16_t halen;	  /* declared address length; addr holds at most 8 bytes */
	uint8_t addr[8];
	uint16_t protocol; /* ethertype of the payload */
	uint32_t ifindex;  /* SLL2 only */
};

struct pkt_eth {
	uint8_t dst[6];
	uint8_t src[6];
	uint16_t type; /* ethertype, or the 802.3 length when <= 1500 */
};

/* An 802.1Q / 802.1ad tag; tpid is the ethertype that announced it. */
struct pkt_vlan {
	uint16_t tpid;
	uint8_t pcp;
	bool dei;
	uint16_t id;
	uint16_t type; /* ethertype that follows the tag */
};

/* IEEE 802.2 LLC, with its SNAP header (RFC 1042) when dsap and ssap are 0xaa. */
struct pkt_llc {
	uint8_t dsap;	  /* as on the wire: the I/G bit included */
	uint8_t ssap;	  /* as on the wire: the C/R bit included */
	uint16_t control; /* U frames: one byte; I and S frames: two, little-endian */
	bool is_u;
	bool snap;
	uint32_t oui; /* SNAP: organization code */
	uint16_t pid; /* SNAP: protocol id (an ethertype when oui is 0) */
};

struct pkt_arp {
	uint16_t htype;
	uint16_t ptype;
	uint8_t hlen;
	uint8_t plen;
	uint16_t op;
	bool eth_ip; /* hlen 6 / plen 4: the address fields below are set */
	uint8_t sha[6];
	uint8_t spa[4];
	uint8_t tha[6];
	uint8_t tpa[4];
};

struct pkt_ipv4 {
	uint8_t version; /* 4 unless invalid */
	uint8_t ihl;	 /* header length in 32-bit words */
	uint8_t tos;
	uint16_t tot_len; /* as on the wire; 0 for Linux GSO super-packets */
	uint16_t id;
	bool rf, df, mf;
	uint16_t frag_off; /* fragment offset in bytes */
	uint8_t ttl;
	uint8_t proto;
	uint16_t csum;
	uint16_t csum_calc; /* the checksum the header should carry */
	bool csum_ok;	    /* csum == csum_calc */
	uint8_t opt_len;    /* option bytes (ihl * 4 - 20) */
	uint8_t src[4];
	uint8_t dst[4];
	uint16_t len_missing; /* bytes the total length declares past the packet's end */
	uint8_t opts[40]; /* the option bytes, opt_len of them: not cleared per packet */
};

/* One hop-by-hop or destination option (RFC 8200 4.2). */
struct pkt_ip6_opt {
	uint8_t ext;  /* index of its header in pkt_ipv6.ext[] */
	uint8_t type; /* 0: Pad1, 1: PadN, 5: router alert, 0xc2: jumbo payload ... */
	uint8_t len;  /* data bytes after type and length; 0 for Pad1 */
	uint32_t val; /* router alert (len 2) and jumbo (len 4): the value */
};

/* Extension headers are listed in ext[] in packet order, by protocol number. */
struct pkt_ipv6 {
	uint8_t version; /* 6 unless invalid */
	uint8_t tclass;
	uint32_t flow;
	uint16_t plen; /* payload length as on the wire */
	uint8_t nxt;   /* next header of the fixed header */
	uint8_t hlim;
	uint8_t src[16];
	uint8_t dst[16];
	uint8_t n_ext;
	uint8_t ext[PKT_IP6_MAX_EXT];
	uint16_t ext_len; /* bytes of extension headers */
	uint8_t rt_len;	  /* routing header, when listed: its length field */
	uint8_t rt_type;
	uint8_t rt_segleft;
	uint32_t rt_word;  /* type 0, 2: reserved; type 4: last entry, flags, tag */
	uint8_t rt_n_addr; /* addresses the header holds; the first PKT_IP6_MAX_RT in rt_addr */
	bool has_rt_final; /* segments left: the final destination, which checksums cover */
	bool opt_more;	   /* options past PKT_IP6_MAX_OPTS were not kept: */
	uint8_t opt_cut;   /* those from this extension header on */
	uint8_t n_opt;
	bool has_frag; /* fragment header fields below */
	bool frag_more;
	uint16_t frag_off; /* in bytes */
	uint32_t frag_id;
	uint16_t frag_len; /* bytes after the fragment header, per the payload length */
	uint8_t proto;	   /* the upper-layer protocol after the extension headers */
	uint32_t len_missing; /* bytes the payload length declares past the packet's end */
	bool jumbo;	      /* a valid jumbo payload option (RFC 2675) gives the length: */
	uint32_t jumbo_len;   /* that length */
	/* Not cleared per packet: meaningful up to rt_n_addr, n_opt, has_rt_final. */
	uint8_t rt_final[16];
	uint8_t rt_addr[PKT_IP6_MAX_RT][16];
	struct pkt_ip6_opt opt[PKT_IP6_MAX_OPTS];
};

struct pkt_tcp_sack {
	uint32_t left;
	uint32_t right;
};

/*
 * One TCP option as found; values of the common kinds are in pkt_tcp, the
 * bytes of every option in pkt_tcp.opt_data.
 */
struct pkt_tcp_opt {
	uint8_t kind;
	uint8_t len; /* 1 for EOL and NOP */
	uint8_t off; /* where its data (after kind and length) starts in opt_data */
};

#define PKT_TCP_FIN 0x001
#define PKT_TCP_SYN 0x002
#define PKT_TCP_RST 0x004
#define PKT_TCP_PSH 0x008
#define PKT_TCP_ACK 0x010
#define PKT_TCP_URG 0x020
#define PKT_TCP_ECE 0x040
#define PKT_TCP_CWR 0x080
#define PKT_TCP_AE  0x100 /* RFC 3540's NS bit, now AccECN */

struct pkt_tcp {
	uint16_t sport;
	uint16_t dport;
	uint32_t seq;
	uint32_t ack;
	uint8_t doff;	/* header length in 32-bit words */
	uint16_t flags; /* PKT_TCP_* */
	uint16_t win;
	uint16_t csum;
	uint16_t urg;
	bool has_mss, has_wscale, sack_ok, has_ts;
	uint16_t mss;
	uint8_t wscale;
	uint32_t ts_val;
	uint32_t ts_ecr;
	uint8_t n_sack;
	struct pkt_tcp_sack sack[PKT_MAX_SACK];
	uint8_t n_unknown; /* options of kinds not decoded above */
	uint8_t n_opts;
	struct pkt_tcp_opt opts[PKT_TCP_MAX_OPTS];
	uint8_t opt_data[PKT_TCP_MAX_OPTS]; /* the option bytes as captured */
};

struct pkt_udp {
	uint16_t sport;
	uint16_t dport;
	uint16_t len;
	uint16_t csum;
};

/*
 * The offending packet an ICMP error quotes.  family is set once the quoted
 * IP header was complete; ports only when the first bytes of a TCP or UDP
 * header follow it.
 */
struct pkt_quote {
	uint8_t family; /* 0, 4 or 6 */
	uint8_t proto;
	bool has_ports;
	uint16_t sport;
	uint16_t dport;
	uint8_t src[16]; /* IPv4 in the first 4 bytes */
	uint8_t dst[16];
};

#define PKT_ICMP_MAX_DATA 128 /* a router advertisement of 16 addresses */

struct pkt_icmp {
	uint8_t type;
	uint8_t code;
	uint16_t csum;
	uint32_t rest; /* the 4 type-specific bytes, as a number */
	uint16_t id;   /* echo and timestamp: the two halves of rest */
	uint16_t seq;
	struct pkt_quote quote; /* unreachable, time exceeded, redirect, ... */
	/*
	 * Router advertisement, timestamp reply and address mask reply: the
	 * message after its first 8 bytes as captured (data_len of them), for
	 * the router list, the three timestamps and the mask.
	 */
	uint8_t data_len;
	uint8_t data[PKT_ICMP_MAX_DATA];
};

#define PKT_ICMP6_MAX_DATA 1024 /* bytes of an ICMPv6 message kept past its first 8 */

struct pkt_icmp6 {
	uint8_t type;
	uint8_t code;
	uint16_t csum;
	uint32_t rest;
	uint16_t id;
	uint16_t seq;
	bool has_target; /* ND and MLD: target or group address */
	uint8_t target[16];
	bool has_dst; /* redirect: the destination address */
	uint8_t dst[16];
	bool has_sll, has_tll; /* ND source / target link-layer address options */
	uint8_t sll[6];
	uint8_t tll[6];
	struct pkt_quote quote;
	uint32_t len; /* the message's length: the rest of the IP payload */
	/*
	 * ND, MLD and the types tcpdump dumps: the message after its first 8
	 * bytes as captured, for the printer's -v detail (options, records).
	 * data_len bytes of it are set; the dissector clears nothing past them.
	 */
	uint16_t data_len;
	uint8_t data[PKT_ICMP6_MAX_DATA];
};

#define PKT_GRE_CSUM	0x8000
#define PKT_GRE_ROUTING 0x4000
#define PKT_GRE_KEY	0x2000
#define PKT_GRE_SEQ	0x1000
#define PKT_GRE_ACK	0x0080 /* version 1 only */

struct pkt_gre {
	uint16_t flags; /* the whole first word: PKT_GRE_* bits and the version */
	uint8_t version;
	uint16_t proto; /* ethertype of the payload */
	uint16_t csum;	/* when PKT_GRE_CSUM */
	uint16_t offset;
	uint32_t key; /* when PKT_GRE_KEY */
	uint32_t seq; /* when PKT_GRE_SEQ */
	uint32_t ack; /* version 1 (PPTP) with PKT_GRE_ACK */
};

/* PPP's framing: the address byte when there was one, and the protocol. */
struct pkt_ppp {
	bool has_addr;
	uint8_t addr; /* 0xff, or pppd's direction: 0 in, 1 out */
	uint8_t ctrl; /* DLT_PPP_SERIAL: the control byte, or the byte after an unknown address */
	uint16_t proto;
};

/* Geneve's fixed header; its options stay in the packet (opt_len bytes after it). */
struct pkt_geneve {
	uint8_t version;
	uint8_t flags; /* O (0x80), C (0x40) and the reserved bits */
	uint16_t opt_len; /* bytes of options */
	uint16_t proto;	  /* ethertype of the payload */
	uint32_t vni;
	uint8_t rsvd; /* the byte after the VNI */
};

struct pkt_vxlan {
	uint8_t flags;
	uint32_t vni;
	uint32_t rsvd1; /* the 24 bits after the flags: OTV's overlay id */
};

/*
 * A DNS message (RFC 1035 4.1), mDNS too: the header's fields, and where the
 * message lies in the captured data.  The records are not copied: the
 * printers and the JSON walk them again from msg_off, bounded by msg_caplen,
 * so the fast path pays for twelve bytes only.
 */
#define PKT_DNS_QR 0x8000
#define PKT_DNS_AA 0x0400
#define PKT_DNS_TC 0x0200
#define PKT_DNS_RD 0x0100
#define PKT_DNS_RA 0x0080
#define PKT_DNS_AD 0x0020
#define PKT_DNS_CD 0x0010

struct pkt_dns {
	bool over_tcp;	     /* a 2-byte length prefix came first (RFC 1035 4.2.2) */
	uint16_t prefix;     /* over TCP: that length */
	uint16_t id;
	uint16_t flags;	     /* the whole second word: PKT_DNS_*, opcode, rcode */
	uint16_t qdcount;
	uint16_t ancount;
	uint16_t nscount;
	uint16_t arcount;
	uint32_t msg_off;    /* offset of the message (after any prefix) in the captured data */
	uint32_t msg_len;    /* its length on the wire, as UDP or TCP carried it */
	uint32_t msg_caplen; /* the part of it captured */
};

#define PKT_IGMP_MAX_GROUPS 16 /* IGMPv3 report group records kept */
#define PKT_IGMP_MAX_SRCS   32 /* source addresses kept: a v3 query's, or all records' together */

/* An IGMPv3 report's group record (RFC 3376 4.2.4); its sources are srcs[src0 ..]. */
struct pkt_igmp_group {
	uint8_t rtype;	/* 1 MODE_IS_INCLUDE .. 6 BLOCK_OLD_SOURCES */
	uint8_t aux_len; /* auxiliary data, in 32-bit words */
	uint16_t nsrcs;	/* as declared */
	uint8_t src0;	/* index of its first source in pkt_igmp.srcs */
	uint8_t n_kept;	/* of its sources, those in srcs */
	uint8_t addr[4];
};

/*
 * IGMP (RFC 1112, 2236, 3376), and the mtrace messages that share its
 * protocol number.  len is the IP payload's length: what tells a v3 query
 * (12 bytes or more) from a v1/v2 one.  The counts are as declared; the
 * arrays hold as many as were captured and fit, groups_ok and srcs_ok say
 * whether the declared ones fit the message.
 */
struct pkt_igmp {
	uint8_t type;
	uint8_t code; /* max response time (v2) or code (v3 query) */
	uint16_t csum;
	uint8_t group[4];
	uint32_t len;
	/* v3 query: */
	uint8_t flags; /* S flag (0x08) and QRV (0x07) */
	uint8_t qqic;
	/* v3 query: its sources; v3 report: records (ngroups) and their sources */
	uint16_t nsrcs;
	uint16_t ngroups;
	uint8_t n_groups_kept;
	uint8_t n_srcs_kept;
	bool records_ok; /* every declared record and source is inside the message */
	struct pkt_igmp_group groups[PKT_IGMP_MAX_GROUPS];
	uint8_t srcs[PKT_IGMP_MAX_SRCS][4];
	/* mtrace (0x1f) and its response (0x1e): the query block after the header */
	bool has_trace;
	uint32_t trace_qid; /* 24 bits */
	uint8_t trace_ttl;
	uint8_t trace_src[4];
	uint8_t trace_dst[4];
	uint8_t trace_resp[4];
};

/* ---- services and security (issue 13): small headers, the rest is read again when printed ---- */

/* TFTP (RFC 1350): the opcode, and the block number or error code after it. */
struct pkt_tftp {
	bool has_opcode;
	bool has_num;
	uint16_t opcode;
	uint16_t num; /* DATA/ACK: block; ERROR: error code */
};

/* BOOTP/DHCPv4 (RFC 951, 2131): the op and the DHCP message type (option 53, 0 if none). */
struct pkt_bootp {
	bool has_op;
	uint8_t op;
	uint8_t dhcp_type;
};

/* DHCPv6 (RFC 8415): the message type and transaction ID. */
struct pkt_dhcp6 {
	bool has_type;
	uint8_t msg_type;
	uint32_t xid; /* 24 bits; relay messages have none */
};

/* NTP (RFC 5905): the first byte's fields, stratum and poll. */
struct pkt_ntp {
	bool has_header; /* the first 3 bytes were captured */
	uint8_t leap;
	uint8_t version;
	uint8_t mode;
	uint8_t stratum;
	int8_t poll;
};

/* PTP (IEEE 1588): the message type and version. */
struct pkt_ptp {
	bool has_header;
	uint8_t msg_type;
	uint8_t version; /* versionPTP's whole byte, as tcpdump prints it */
};

/* A segment's first TLS record (RFC 8446 5.1); a ClientHello's server name where it lies. */
struct pkt_tls {
	bool has_record; /* the segment starts with a record header */
	bool has_handshake;
	bool has_sni;
	uint8_t content_type;
	uint8_t handshake_type;
	uint16_t version;
	uint16_t record_len;
	uint16_t sni_off; /* from the start of the segment's payload */
	uint16_t sni_len;
};

/* ESP or AH (RFC 4303, 4302): SPI and sequence number; AH's next header and ICV length too. */
struct pkt_ipsec {
	bool ah;
	uint8_t next;	  /* AH */
	uint16_t icv_len; /* AH: the bytes from the sequence number on (tcpdump's sumlen) */
	uint32_t spi;
	uint32_t seq;
};

/* DCCP (RFC 4340 5.1): the generic header and the type's fixed fields. */
struct pkt_dccp {
	uint16_t sport;
	uint16_t dport;
	uint8_t doff;  /* header length in 32-bit words */
	uint8_t ccval;
	uint8_t cscov; /* checksum coverage: 0 the whole packet, else doff + cscov - 1 words */
	uint16_t csum;
	uint8_t type;  /* 0 Request .. 9 SyncAck */
	bool x;	       /* extended (48-bit) sequence numbers */
	uint64_t seq;
	bool has_ack; /* every type but Request and Data */
	uint64_t ack;
	uint32_t service; /* Request and Response */
	uint8_t reset_code;
	uint8_t fixed_len; /* the generic header and the type's fields, in bytes */
};

/* MACsec's SecTAG (802.1AE 9.3) and the ethertype of clear secure data. */
struct pkt_macsec {
	uint8_t tci_an; /* TCI flags and association number */
	uint8_t sl;	/* short length: the secure data's when below 48, else 0 */
	uint32_t pn;	/* packet number */
	uint64_t sci;	/* secure channel identifier, when TCI's SC bit says so */
	bool encrypted;	  /* E or C: the secure data is not decoded */
	bool icv_missing; /* clear, but too short for its ICV or short length (tcpdump's [|macsec]) */
	bool has_type;
	uint16_t type; /* the ethertype of the clear secure data */
};

/* PPPoE (RFC 2516): the 6-byte header; discovery tags stay in the packet. */
struct pkt_pppoe {
	uint8_t ver;
	uint8_t type;
	uint8_t code; /* 0 session data, 0x09 PADI ... */
	uint16_t session;
	uint16_t len; /* payload length as declared */
};

/* RADIUS (RFC 2865): the header's code, identifier and length; attributes are read when printed. */
struct pkt_radius {
	bool has_header; /* the 20-byte header was captured */
	uint8_t code;
	uint8_t id;
	uint16_t len;
};

/* ISAKMP/IKE (RFC 2408, 7296): the fixed header; on UDP 4500 what the first bytes said. */
struct pkt_isakmp {
	bool natt;	/* UDP 4500 */
	bool keepalive; /* a NAT keepalive (one 0xff byte) */
	bool esp;	/* UDP-encapsulated ESP, the next layer */
	bool nonesp;	/* the non-ESP marker came first */
	bool has_header;
	uint8_t np; /* the first payload's type */
	uint8_t version; /* major and minor nibbles */
	uint8_t etype;
	uint8_t flags;
	uint32_t msgid;
	uint32_t len;
};

/* BSD syslog (RFC 3164): the priority, when "<PRI>" came first, and where the text starts. */
struct pkt_syslog {
	bool has_pri;
	bool invalid; /* no '<', or no '>' after at most 3 digits */
	uint16_t pri; /* facility * 8 + severity */
	uint16_t msg_off;
};

#include "decode/pkt_meta_more.h" /* SCTP, L2TP, Sun RPC, Cisco HDLC, Frame Relay */
#include "decode/pkt_meta_l2tags.h" /* switch tags and link types (issue 13) */

/* One set of headers: the packet's own, or the one a tunnel carries. */
struct pkt_level {
	uint8_t link;  /* PKT_PROTO_ETH, SLL, SLL2 or NONE */
	uint8_t net;   /* PKT_PROTO_ARP, IPV4, IPV6, NONE, or the L2 message (STP, LLDP ...) */
	uint8_t trans; /* PKT_PROTO_TCP, UDP, ICMP, ICMP6, GRE, IGMP or NONE */
	uint8_t app;   /* PKT_PROTO_DNS, MDNS or NONE: what the transport carries, by port */
	uint8_t n_vlan;
	uint16_t ethertype; /* the last ethertype seen: what selected the network layer */
	bool frag;	    /* the IP payload is a first fragment: upper lengths exceed it */
	uint8_t csum;	    /* enum pkt_csum of the transport */
	uint16_t csum_good; /* PKT_CSUM_BAD: the value the transport's checksum should have */
	struct pkt_eth eth;
	struct pkt_vlan vlan[PKT_MAX_VLAN];
	struct pkt_llc llc; /* apart: SNAP's payload may be IP, which fills the union */
	union {
		struct pkt_arp arp;
		struct pkt_ipv4 ip4;
		struct pkt_ipv6 ip6;
	};
	union {
		struct pkt_tcp tcp;
		struct pkt_udp udp;
		struct pkt_icmp icmp;
		struct pkt_icmp6 icmp6;
		struct pkt_gre gre;
		struct pkt_igmp igmp;
		struct pkt_dccp dccp;
		struct pkt_sctp sctp;
	};
	union {
		struct pkt_dns dns; /* DNS and mDNS */
		struct pkt_tftp tftp;
		struct pkt_bootp bootp;
		struct pkt_dhcp6 dhcp6;
		struct pkt_ntp ntp;
		struct pkt_ptp ptp;
		struct pkt_tls tls;
		struct pkt_radius radius;
		struct pkt_isakmp isakmp;
		struct pkt_syslog syslog;
		struct pkt_l2tp l2tp;
		struct pkt_rpc rpc; /* Sun RPC and NFS (issue 13) */
	};
	/* services and security (issue 13): AH before its next header, and ESP */
	struct pkt_ipsec ah;
	struct pkt_ipsec esp;
};

struct pkt_meta {
	int linktype; /* DLT_* the packet was decoded as */
	uint32_t caplen;
	uint32_t wirelen;
	uint8_t n_layers;
	uint8_t level;	/* innermost level decoded: 1 when l[1] holds a tunnel's payload */
	uint8_t tunnel; /* PKT_PROTO_GRE, VXLAN or GENEVE when level is 1 */
	bool truncated; /* the last layer is truncated */
	bool invalid;	/* the last layer is invalid */
	uint8_t reason; /* its enum pkt_reason */
	/*
	 * What the caller asked of dissect_packet_opts (struct dissect_opts):
	 * verifying transport checksums costs a pass over every payload, so it
	 * happens only when asked (sniff -v).
	 */
	bool csum_verify;
	uint8_t csum_hint; /* enum pkt_csum_hint */
	/*
	 * sniff -T: the decoder forced on UDP and TCP payloads whatever their
	 * ports (packettype.h's index, 0 without -T).
	 */
	uint8_t packettype;
	/*
	 * What follows the last decoded header: the application payload, or
	 * the rest of a protocol not decoded.  len is the length the headers
	 * declare, caplen the part of it captured.  Both 0 when decoding stopped
	 * at a truncated or invalid layer.
	 */
	uint32_t payload_off;
	uint32_t payload_len;
	uint32_t payload_caplen;
	struct pkt_layer layer[PKT_MAX_LAYERS];
	struct pkt_sll sll;
	struct pkt_vxlan vxlan;
	struct pkt_level l[2];
	struct pkt_geneve geneve;
	struct pkt_ppp ppp;
	struct pkt_macsec macsec;
	struct pkt_pppoe pppoe;
	uint32_t bsd_af; /* DLT_NULL and DLT_LOOP: the BSD address family */
	struct pkt_chdlc chdlc; /* link types (issue 13) */
	struct pkt_fr fr;
	struct pkt_l2tag l2tag; /* switch tags (issue 13, link-layer tags) */
};

#endif /* SOCKEYE_PKT_META_H */

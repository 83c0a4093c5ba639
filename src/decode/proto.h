/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto.h: the contract between the drivers and the protocol files: dissect and print. */
#ifndef SOCKEYE_PROTO_H
#define SOCKEYE_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/line.h"
#include "decode/pkt.h"
#include "decode/pkt_meta.h"

/*
 * A dissector reads its header at the cursor into m and returns the protocol
 * that follows (enum pkt_proto, found through the dispatch tables), or
 * PKT_PROTO_NONE when decoding stops: the rest is payload, or the header was
 * truncated or invalid (then marked on the current layer,
 * m->layer[m->n_layers - 1]).  It reads nothing but the cursor and writes
 * nothing but m: a pure function, fuzzable on its own.
 */
typedef int (*proto_dissect_fn)(struct pkt_cursor *c, struct pkt_meta *m);

/*
 * A printer appends the text of layer x->i to the line and returns true when
 * the line is complete: the layers after it print nothing.
 */
typedef bool (*proto_print_fn)(struct line *x);

/* One protocol as the dispatch table lists it. */
struct proto_ops {
	const char *name;
	proto_dissect_fn dissect;
	proto_print_fn print;
	bool tunnel; /* what follows is a new level of headers (pkt_meta.l[1]) */
	bool link;   /* a link-layer header (802.2 LLC and SNAP too, as tcpdump counts them) */
};

/* Each protocol file's two entry points, named in dispatch.c's table. */
int proto_sll_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_sll2_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_sll_print(struct line *x); /* SLL and SLL2 */
int proto_eth_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_eth_print(struct line *x);
int proto_vlan_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_vlan_print(struct line *x);
int proto_arp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_arp_print(struct line *x);
int proto_ipv4_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ipv4_print(struct line *x);
int proto_ipv6_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ipv6_print(struct line *x);
int proto_tcp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_tcp_print(struct line *x);
int proto_udp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_udp_print(struct line *x);
int proto_icmp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_icmp_print(struct line *x);
int proto_icmp6_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_icmp6_print(struct line *x);
int proto_gre_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_gre_print(struct line *x);
int proto_vxlan_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_vxlan_print(struct line *x);
int proto_dns_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_mdns_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_dns_print(struct line *x); /* DNS and mDNS */
int proto_igmp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_igmp_print(struct line *x);
/* link-layer control protocols and tunnels (issue 13's L2 slice) */
int proto_llc_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_llc_print(struct line *x);
int proto_stp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_stp_print(struct line *x);
int proto_bfd_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_bfd_print(struct line *x);
int proto_lldp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_lldp_print(struct line *x);
int proto_geneve_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_geneve_print(struct line *x);
int proto_dtp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_dtp_print(struct line *x);
int proto_udld_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_udld_print(struct line *x);
int proto_vtp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_vtp_print(struct line *x);
int proto_loopback_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_loopback_print(struct line *x);
int proto_slow_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_slow_print(struct line *x);
int proto_hsrp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_hsrp_print(struct line *x);
int proto_vrrp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_vrrp_print(struct line *x);
int proto_mpls_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_mpls_print(struct line *x);
int proto_ppp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ppp_print(struct line *x);
/* services and security (issue 13) */
int proto_tftp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_tftp_print(struct line *x);
const char *proto_tftp_op_name(uint16_t op);
const char *proto_tftp_error_name(uint16_t code);
int proto_bootp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_bootp_print(struct line *x);
int proto_dhcp6_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_dhcp6_print(struct line *x);
int proto_ntp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ntp_print(struct line *x);
int proto_ptp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ptp_print(struct line *x);
int proto_esp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_esp_print(struct line *x);
int proto_ah_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ah_print(struct line *x);
int proto_text_dissect(struct pkt_cursor *c, struct pkt_meta *m); /* HTTP, SIP, SSH */
bool proto_text_print(struct line *x);
int proto_tls_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_tls_print(struct line *x);
int proto_ipip_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ipip_print(struct line *x);
int proto_dccp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_dccp_print(struct line *x);
/* OSI (issue 13): CLNP, ES-IS and IS-IS from the NLPID */
int proto_isoclns_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_isoclns_print(struct line *x);
int proto_cdp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_cdp_print(struct line *x);
/* routing (issue 13) */
int proto_bgp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_bgp_print(struct line *x);
int proto_sflow_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_sflow_print(struct line *x);
/* routing (issue 13) */
int proto_pim_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_pim_print(struct line *x);
int proto_ospf_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ospf_print(struct line *x);
int proto_eigrp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_eigrp_print(struct line *x);
int proto_rip_dissect(struct pkt_cursor *c, struct pkt_meta *m);
int proto_ripng_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_rip_print(struct line *x);
bool proto_ripng_print(struct line *x);
int proto_babel_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_babel_print(struct line *x);
int proto_autorp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_autorp_print(struct line *x);
/* security and services (issue 13): MACsec, PPPoE, IKE, RADIUS, SNMP, syslog, L2TP */
int proto_macsec_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_macsec_print(struct line *x);
int proto_pppoe_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_pppoe_print(struct line *x);
int proto_radius_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_radius_print(struct line *x);
int proto_isakmp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_isakmp_print(struct line *x);
int proto_syslog_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_syslog_print(struct line *x);
const char *proto_syslog_facility_name(unsigned facility);
const char *proto_syslog_severity_name(unsigned severity);
/* names, services and link types (issue 13) */
int proto_resp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_resp_print(struct line *x);
int proto_null_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_null_print(struct line *x);
/* SCTP and L2TP (issue 13) */
int proto_sctp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_sctp_print(struct line *x);
int proto_l2tp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_l2tp_print(struct line *x);
/* Sun RPC and NFS (issue 13) */
int proto_nfs_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_nfs_print(struct line *x);
int proto_sunrpc_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_sunrpc_print(struct line *x);
/* media and tunnels (issue 13): proto_media.h has their readers */
int proto_rtp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_rtp_print(struct line *x);
int proto_rtcp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_rtcp_print(struct line *x);
int proto_vat_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_vat_print(struct line *x);
int proto_quic_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_quic_print(struct line *x);
int proto_wireguard_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_wireguard_print(struct line *x);
int proto_wb_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_wb_print(struct line *x);
/* link types (issue 13) */
int proto_chdlc_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_chdlc_print(struct line *x);
int proto_fr_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_fr_print(struct line *x);
void proto_fr_q922_put(struct pbuf *b, const uint8_t *p, size_t n);
/* kday helper (issue 13): FRF.16 multilink Frame Relay, Q.933 inside Frame Relay and OSI */
int proto_mfr_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_mfr_print(struct line *x);
struct msg;
void proto_q933_put(struct pbuf *b, const struct msg *g, int verbosity, bool link);
/* switch tags (issue 13, link-layer tags) */
int proto_dsa_dissect(struct pkt_cursor *c, struct pkt_meta *m); /* DSA and EDSA */
bool proto_dsa_print(struct line *x);
int proto_brcm_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_brcm_print(struct line *x);
int proto_brcm_prepend_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_brcm_prepend_print(struct line *x);
/* SNMP (issue 13) */
int proto_snmp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_snmp_print(struct line *x);
/* OpenFlow (issue 13) */
int proto_openflow_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_openflow_print(struct line *x);
/* PGM and ZMTP/1.0 (issue 13) */
int proto_pgm_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_pgm_print(struct line *x);
/* "SPM", "ODATA" ... of a PGM type, or NULL */
const char *proto_pgm_type_name(uint8_t type);
int proto_zmtp1_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_zmtp1_print(struct line *x);
/*
 * PPP link types (issue 13): DLT_PPP_SERIAL; where the -x dump of a PPP link
 * type starts (tcpdump's link header length), false for other link types.
 */
bool proto_ppp_dump_offset(const struct pkt_meta *m, uint32_t *off);
int proto_ppp_hdlc_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ppp_hdlc_print(struct line *x);
/* mesh and overlay protocols (issue 13) */
int proto_olsr_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_olsr_print(struct line *x);
/* PPTP and Kerberos (issue 13) */
int proto_pptp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_pptp_print(struct line *x);
int proto_krb_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_krb_print(struct line *x);
/* service function chaining (issue 13): NSH, VXLAN-GPE */
int proto_nsh_next(uint8_t np); /* their next protocol field: 1 IPv4 ... 4 NSH */
int proto_nsh_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_nsh_print(struct line *x);
int proto_vxlan_gpe_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_vxlan_gpe_print(struct line *x);
/* small ethertype protocols (issue 13) */
int proto_msnlb_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_msnlb_print(struct line *x);
int proto_tipc_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_tipc_print(struct line *x);
int proto_sl_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_sl_print(struct line *x);
/* AoE, Arista timestamps and vsock (issue 13) */
int proto_aoe_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_aoe_print(struct line *x);
int proto_arista_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_arista_print(struct line *x);
int proto_vsock_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_vsock_print(struct line *x);
/* MPLS control protocols (issue 13) */
int proto_ldp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ldp_print(struct line *x);
int proto_lspping_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_lspping_print(struct line *x);
/* Broadcom lawful intercept (issue 13) */
int proto_bcm_li_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_bcm_li_print(struct line *x);
/* vehicular networks, LISP, SOME/IP, VQP, CFM (issue 13) */
int proto_geonet_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_geonet_print(struct line *x);
int proto_calm_fast_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_calm_fast_print(struct line *x);
int proto_lisp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_lisp_print(struct line *x);
int proto_someip_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_someip_print(struct line *x);
int proto_vqp_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_vqp_print(struct line *x);
/* link types (issue 13, wt-link) */
int proto_ipoib_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ipoib_print(struct line *x);
int proto_ipnet_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_ipnet_print(struct line *x);
int proto_nflog_dissect(struct pkt_cursor *c, struct pkt_meta *m);
bool proto_nflog_print(struct line *x);

/* The IP header an ICMP error quotes, with the ports after it when present. */
void proto_ipv4_quote(struct pkt_cursor *c, struct pkt_quote *q);
void proto_ipv6_quote(struct pkt_cursor *c, struct pkt_quote *q);

#define PROTO_ETHERTYPE_IPV4   0x0800
#define PROTO_ETHERTYPE_ARP    0x0806
#define PROTO_ETHERTYPE_TEB    0x6558 /* transparent Ethernet bridging, in GRE */
#define PROTO_ETHERTYPE_RARP   0x8035
#define PROTO_ETHERTYPE_8021Q  0x8100
#define PROTO_ETHERTYPE_IPV6   0x86dd
#define PROTO_ETHERTYPE_8021AD 0x88a8
#define PROTO_ETHERTYPE_QINQ   0x9100 /* pre-802.1ad QinQ */
#define PROTO_ETHERTYPE_PTP    0x88f7 /* IEEE 1588 over Ethernet */

#define PROTO_IP_HOPOPTS  0
#define PROTO_IP_ICMP	  1
#define PROTO_IP_IGMP	  2
#define PROTO_IP_TCP	  6
#define PROTO_IP_UDP	  17
#define PROTO_IP_ROUTING  43
#define PROTO_IP_FRAGMENT 44
#define PROTO_IP_GRE	  47
#define PROTO_IP_ICMPV6	  58
#define PROTO_IP_NONE	  59
#define PROTO_IP_DSTOPTS  60
#define PROTO_IP_ESP	  50
#define PROTO_IP_AH	  51
#define PROTO_IP_IPIP	  4
#define PROTO_IP_IPV6	  41
#define PROTO_IP_DCCP	  33
#define PROTO_IP_SCTP	  132

static inline struct pkt_layer *proto_layer(struct pkt_meta *m)
{
	return &m->layer[m->n_layers - 1];
}

/* The set of headers being filled: outer, or a tunnel's inner. */
static inline struct pkt_level *proto_level(struct pkt_meta *m)
{
	return &m->l[m->level];
}

static inline int proto_truncated(struct pkt_meta *m)
{
	struct pkt_layer *ly = proto_layer(m);

	ly->truncated = true;
	ly->reason = PKT_REASON_SNAPLEN;
	return PKT_PROTO_NONE;
}

static inline int proto_invalid(struct pkt_meta *m, enum pkt_reason why)
{
	struct pkt_layer *ly = proto_layer(m);

	ly->invalid = true;
	ly->reason = why;
	return PKT_PROTO_NONE;
}

/*
 * A read inside a header of hdr_len bytes failed: either the snap length
 * cut the capture (truncated), or the packet itself is shorter than the
 * header (invalid).
 */
static inline int proto_short(struct pkt_meta *m, size_t hdr_len)
{
	if (proto_layer(m)->wire_len < hdr_len)
		return proto_invalid(m, PKT_REASON_SHORT);
	return proto_truncated(m);
}

#endif /* SOCKEYE_PROTO_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* protocols.c: the one table of protocols: each one's name, dissector and printer. */
#include "config.h"

#include "decode/protocols.h"
#include "decode/proto_udpapps.h"
#include "decode/proto_gmpls.h"

/*
 * Adding a protocol: one new file src/decode/proto_X.c (its dissector and its
 * printer, declared in proto.h), one line in protocols[] below, the key line
 * that leads to it in dispatch.c, one src/decode/local.mk line, and tests.  Its enum
 * pkt_proto value goes in pkt_proto.h and its fields in pkt_meta.h, the model every consumer
 * reads.  The drivers (dissect.c, print.c) walk layers through these tables
 * only; they never call a protocol by name.
 */
const struct proto_ops protocols[PKT_PROTO_COUNT] = {
	/*
	 * name, dissector, printer, tunnel (what follows is a new level of headers),
	 * link (a link-layer header: -x and -X start after it, unless -xx or -XX)
	 */
	[PKT_PROTO_SLL] = { "sll", proto_sll_dissect, proto_sll_print, false, true },
	[PKT_PROTO_SLL2] = { "sll2", proto_sll2_dissect, proto_sll_print, false, true },
	[PKT_PROTO_ETH] = { "eth", proto_eth_dissect, proto_eth_print, false, true },
	[PKT_PROTO_VLAN] = { "vlan", proto_vlan_dissect, proto_vlan_print, false, true },
	[PKT_PROTO_ARP] = { "arp", proto_arp_dissect, proto_arp_print, false },
	[PKT_PROTO_IPV4] = { "ipv4", proto_ipv4_dissect, proto_ipv4_print, false },
	[PKT_PROTO_IPV6] = { "ipv6", proto_ipv6_dissect, proto_ipv6_print, false },
	[PKT_PROTO_TCP] = { "tcp", proto_tcp_dissect, proto_tcp_print, false },
	[PKT_PROTO_UDP] = { "udp", proto_udp_dissect, proto_udp_print, false },
	[PKT_PROTO_ICMP] = { "icmp", proto_icmp_dissect, proto_icmp_print, false },
	[PKT_PROTO_ICMP6] = { "icmp6", proto_icmp6_dissect, proto_icmp6_print, false },
	[PKT_PROTO_GRE] = { "gre", proto_gre_dissect, proto_gre_print, true },
	[PKT_PROTO_VXLAN] = { "vxlan", proto_vxlan_dissect, proto_vxlan_print, true },
	[PKT_PROTO_DNS] = { "dns", proto_dns_dissect, proto_dns_print, false },
	[PKT_PROTO_MDNS] = { "mdns", proto_mdns_dissect, proto_dns_print, false },
	[PKT_PROTO_IGMP] = { "igmp", proto_igmp_dissect, proto_igmp_print, false },
	/* link-layer control protocols and tunnels (issue 13's L2 slice) */
	[PKT_PROTO_LLC] = { "llc", proto_llc_dissect, proto_llc_print, false, true },
	[PKT_PROTO_STP] = { "stp", proto_stp_dissect, proto_stp_print, false },
	[PKT_PROTO_BFD] = { "bfd", proto_bfd_dissect, proto_bfd_print, false },
	[PKT_PROTO_LLDP] = { "lldp", proto_lldp_dissect, proto_lldp_print, false },
	[PKT_PROTO_GENEVE] = { "geneve", proto_geneve_dissect, proto_geneve_print, true },
	[PKT_PROTO_DTP] = { "dtp", proto_dtp_dissect, proto_dtp_print, false },
	[PKT_PROTO_UDLD] = { "udld", proto_udld_dissect, proto_udld_print, false },
	[PKT_PROTO_VTP] = { "vtp", proto_vtp_dissect, proto_vtp_print, false },
	[PKT_PROTO_LOOPBACK] = { "loopback", proto_loopback_dissect, proto_loopback_print, false },
	[PKT_PROTO_SLOW] = { "slow", proto_slow_dissect, proto_slow_print, false },
	[PKT_PROTO_HSRP] = { "hsrp", proto_hsrp_dissect, proto_hsrp_print, false },
	[PKT_PROTO_VRRP] = { "vrrp", proto_vrrp_dissect, proto_vrrp_print, false },
	[PKT_PROTO_MPLS] = { "mpls", proto_mpls_dissect, proto_mpls_print, false },
	[PKT_PROTO_PPP] = { "ppp", proto_ppp_dissect, proto_ppp_print, false },
	/* services and security (issue 13) */
	[PKT_PROTO_TFTP] = { "tftp", proto_tftp_dissect, proto_tftp_print, false },
	[PKT_PROTO_BOOTP] = { "bootp", proto_bootp_dissect, proto_bootp_print, false },
	[PKT_PROTO_DHCP6] = { "dhcp6", proto_dhcp6_dissect, proto_dhcp6_print, false },
	[PKT_PROTO_NTP] = { "ntp", proto_ntp_dissect, proto_ntp_print, false },
	[PKT_PROTO_PTP] = { "ptp", proto_ptp_dissect, proto_ptp_print, false },
	[PKT_PROTO_ESP] = { "esp", proto_esp_dissect, proto_esp_print, false },
	[PKT_PROTO_AH] = { "ah", proto_ah_dissect, proto_ah_print, false },
	[PKT_PROTO_HTTP] = { "http", proto_text_dissect, proto_text_print, false },
	[PKT_PROTO_SIP] = { "sip", proto_text_dissect, proto_text_print, false },
	[PKT_PROTO_SSH] = { "ssh", proto_text_dissect, proto_text_print, false },
	[PKT_PROTO_FTP] = { "ftp", proto_text_dissect, proto_text_print, false },
	[PKT_PROTO_SMTP] = { "smtp", proto_text_dissect, proto_text_print, false },
	[PKT_PROTO_WHOIS] = { "whois", proto_text_dissect, proto_text_print, false },
	[PKT_PROTO_RTSP] = { "rtsp", proto_text_dissect, proto_text_print, false },
	[PKT_PROTO_TLS] = { "tls", proto_tls_dissect, proto_tls_print, false },
	[PKT_PROTO_IPIP] = { "ipip", proto_ipip_dissect, proto_ipip_print, true },
	[PKT_PROTO_DCCP] = { "dccp", proto_dccp_dissect, proto_dccp_print, false },
	/* OSI (issue 13) */
	[PKT_PROTO_ISOCLNS] = { "isoclns", proto_isoclns_dissect, proto_isoclns_print, false },
	[PKT_PROTO_CDP] = { "cdp", proto_cdp_dissect, proto_cdp_print, false },
	/* routing (issue 13) */
	[PKT_PROTO_BGP] = { "bgp", proto_bgp_dissect, proto_bgp_print, false },
	[PKT_PROTO_SFLOW] = { "sflow", proto_sflow_dissect, proto_sflow_print, false },
	/* routing (issue 13) */
	[PKT_PROTO_PIM] = { "pim", proto_pim_dissect, proto_pim_print, false },
	[PKT_PROTO_OSPF] = { "ospf", proto_ospf_dissect, proto_ospf_print, false },
	[PKT_PROTO_EIGRP] = { "eigrp", proto_eigrp_dissect, proto_eigrp_print, false },
	[PKT_PROTO_RIP] = { "rip", proto_rip_dissect, proto_rip_print, false },
	[PKT_PROTO_RIPNG] = { "ripng", proto_ripng_dissect, proto_ripng_print, false },
	[PKT_PROTO_BABEL] = { "babel", proto_babel_dissect, proto_babel_print, false },
	[PKT_PROTO_AUTORP] = { "autorp", proto_autorp_dissect, proto_autorp_print, false },
	/* security and services (issue 13): MACsec, PPPoE, IKE, RADIUS, SNMP, syslog, L2TP */
	[PKT_PROTO_MACSEC] = { "macsec", proto_macsec_dissect, proto_macsec_print, false },
	[PKT_PROTO_PPPOE] = { "pppoe", proto_pppoe_dissect, proto_pppoe_print, false },
	[PKT_PROTO_RADIUS] = { "radius", proto_radius_dissect, proto_radius_print, false },
	[PKT_PROTO_ISAKMP] = { "isakmp", proto_isakmp_dissect, proto_isakmp_print, false },
	[PKT_PROTO_SYSLOG] = { "syslog", proto_syslog_dissect, proto_syslog_print, false },
	/* names, services and link types (issue 13) */
	[PKT_PROTO_RESP] = { "resp", proto_resp_dissect, proto_resp_print, false },
	[PKT_PROTO_NULL] = { "null", proto_null_dissect, proto_null_print, false, true },
	/* SCTP and L2TP (issue 13): L2TP's data messages carry a PPP frame, a new level */
	[PKT_PROTO_SCTP] = { "sctp", proto_sctp_dissect, proto_sctp_print, false },
	[PKT_PROTO_L2TP] = { "l2tp", proto_l2tp_dissect, proto_l2tp_print, true },
	/* Sun RPC and NFS (issue 13) */
	[PKT_PROTO_NFS] = { "nfs", proto_nfs_dissect, proto_nfs_print, false },
	[PKT_PROTO_SUNRPC] = { "sunrpc", proto_sunrpc_dissect, proto_sunrpc_print, false },
	/* media and tunnels (issue 13) */
	[PKT_PROTO_RTP] = { "rtp", proto_rtp_dissect, proto_rtp_print, false },
	[PKT_PROTO_RTCP] = { "rtcp", proto_rtcp_dissect, proto_rtcp_print, false },
	[PKT_PROTO_VAT] = { "vat", proto_vat_dissect, proto_vat_print, false },
	[PKT_PROTO_QUIC] = { "quic", proto_quic_dissect, proto_quic_print, false },
	[PKT_PROTO_WIREGUARD] = { "wireguard", proto_wireguard_dissect, proto_wireguard_print, false },
	[PKT_PROTO_WB] = { "wb", proto_wb_dissect, proto_wb_print, false },
	/* link types (issue 13) */
	[PKT_PROTO_CHDLC] = { "chdlc", proto_chdlc_dissect, proto_chdlc_print, false, true },
	[PKT_PROTO_FR] = { "fr", proto_fr_dissect, proto_fr_print, false, true },
	/* SNMP (issue 13) */
	[PKT_PROTO_SNMP] = { "snmp", proto_snmp_dissect, proto_snmp_print, false },
	/* OpenFlow (issue 13) */
	[PKT_PROTO_OPENFLOW] = { "openflow", proto_openflow_dissect, proto_openflow_print, false },
	/* PGM and ZMTP/1.0 (issue 13) */
	[PKT_PROTO_PGM] = { "pgm", proto_pgm_dissect, proto_pgm_print, false },
	[PKT_PROTO_ZMTP1] = { "zmtp1", proto_zmtp1_dissect, proto_zmtp1_print, false },
	/* PPP link types (issue 13) */
	[PKT_PROTO_PPP_HDLC] = { "ppp_hdlc", proto_ppp_hdlc_dissect, proto_ppp_hdlc_print, false },
	/* UDP and TCP applications by port (issue 13): proto_udpapps.h */
	[PKT_PROTO_TIMED] = { "timed", proto_timed_dissect, proto_timed_print, false },
	[PKT_PROTO_AODV] = { "aodv", proto_aodv_dissect, proto_aodv_print, false },
	[PKT_PROTO_HNCP] = { "hncp", proto_hncp_dissect, proto_hncp_print, false },
	[PKT_PROTO_RX] = { "rx", proto_rx_dissect, proto_rx_print, false },
	[PKT_PROTO_LWRES] = { "lwres", proto_lwres_dissect, proto_lwres_print, false },
	[PKT_PROTO_TELNET] = { "telnet", proto_telnet_dissect, proto_telnet_print, false },
	[PKT_PROTO_ZEPHYR] = { "zephyr", proto_zephyr_dissect, proto_zephyr_print, false },
	/* switch tags (issue 13, link-layer tags) */
	[PKT_PROTO_DSA] = { "dsa", proto_dsa_dissect, proto_dsa_print, false, true },
	[PKT_PROTO_EDSA] = { "edsa", proto_dsa_dissect, proto_dsa_print, false, true },
	[PKT_PROTO_BRCM] = { "brcm", proto_brcm_dissect, proto_brcm_print, false, true },
	[PKT_PROTO_BRCM_PREPEND] = { "brcm_prepend", proto_brcm_prepend_dissect,
				     proto_brcm_prepend_print, false, true },
	/* mesh and overlay protocols (issue 13) */
	[PKT_PROTO_OLSR] = { "olsr", proto_olsr_dissect, proto_olsr_print, false },
	/* service function chaining (issue 13) */
	[PKT_PROTO_NSH] = { "nsh", proto_nsh_dissect, proto_nsh_print, false },
	[PKT_PROTO_VXLAN_GPE] = { "vxlan_gpe", proto_vxlan_gpe_dissect, proto_vxlan_gpe_print, true },
	/* small ethertype protocols (issue 13) */
	[PKT_PROTO_MSNLB] = { "msnlb", proto_msnlb_dissect, proto_msnlb_print, false },
	[PKT_PROTO_TIPC] = { "tipc", proto_tipc_dissect, proto_tipc_print, false },
	[PKT_PROTO_SLIP] = { "slip", proto_sl_dissect, proto_sl_print, false },
	/* AoE, Arista timestamps and vsock (issue 13) */
	[PKT_PROTO_AOE] = { "aoe", proto_aoe_dissect, proto_aoe_print, false },
	[PKT_PROTO_ARISTA] = { "arista", proto_arista_dissect, proto_arista_print, false, true },
	[PKT_PROTO_VSOCK] = { "vsock", proto_vsock_dissect, proto_vsock_print, false, true },
	/* MPLS control protocols (issue 13) */
	[PKT_PROTO_LDP] = { "ldp", proto_ldp_dissect, proto_ldp_print, false },
	[PKT_PROTO_LSPPING] = { "lspping", proto_lspping_dissect, proto_lspping_print, false },
	/* GMPLS signalling (issue 13) */
	[PKT_PROTO_LMP] = { "lmp", proto_lmp_dissect, proto_lmp_print, false },
	[PKT_PROTO_RSVP] = { "rsvp", proto_rsvp_dissect, proto_rsvp_print, false },
	/* Broadcom lawful intercept (issue 13) */
	[PKT_PROTO_BCM_LI] = { "bcm_li", proto_bcm_li_dissect, proto_bcm_li_print, true },
	/* vehicular networks, LISP, SOME/IP, VQP, CFM (issue 13) */
	[PKT_PROTO_GEONET] = { "geonet", proto_geonet_dissect, proto_geonet_print, false },
	[PKT_PROTO_CALM_FAST] = { "calm_fast", proto_calm_fast_dissect, proto_calm_fast_print, false },
	[PKT_PROTO_LISP] = { "lisp", proto_lisp_dissect, proto_lisp_print, false },
	[PKT_PROTO_SOMEIP] = { "someip", proto_someip_dissect, proto_someip_print, false },
	[PKT_PROTO_VQP] = { "vqp", proto_vqp_dissect, proto_vqp_print, false },
	/* kday helper (issue 13) */
	[PKT_PROTO_MFR] = { "mfr", proto_mfr_dissect, proto_mfr_print, false },
	/* link types (issue 13, wt-link) */
	[PKT_PROTO_IPOIB] = { "ipoib", proto_ipoib_dissect, proto_ipoib_print, false, true },
	[PKT_PROTO_IPNET] = { "ipnet", proto_ipnet_dissect, proto_ipnet_print, false, true },
	[PKT_PROTO_NFLOG] = { "nflog", proto_nflog_dissect, proto_nflog_print, false, true },
	/* PPTP and Kerberos (issue 13) */
	[PKT_PROTO_PPTP] = { "pptp", proto_pptp_dissect, proto_pptp_print, false },
	[PKT_PROTO_KRB] = { "krb", proto_krb_dissect, proto_krb_print, false },
};

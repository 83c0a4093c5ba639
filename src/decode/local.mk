# src/decode/local.mk: packet dissectors and printers, one protocol a file, and the packet view.
libsockeye_a_SOURCES += \
	src/decode/pkt.h src/decode/pkt_meta.h src/decode/pkt_proto.h src/decode/pkt_meta_more.h src/decode/proto.h \
	src/decode/protocols.c src/decode/protocols.h \
	src/decode/dispatch.c src/decode/dispatch.h \
	src/decode/dissect.c src/decode/dissect.h \
	src/decode/print.c src/decode/print.h src/decode/print_opts.h \
	src/decode/line.c src/decode/line.h \
	src/decode/pbuf.c src/decode/pbuf.h \
	src/decode/tcpdump_names.c src/decode/tcpdump_names.h \
	src/decode/gmpls_names.c src/decode/gmpls_names.h \
	src/decode/l4csum.c src/decode/l4csum.h \
	src/decode/proto_sll.c \
	src/decode/proto_eth.c \
	src/decode/proto_vlan.c \
	src/decode/proto_arp.c \
	src/decode/proto_ipv4.c \
	src/decode/proto_ipv6.c \
	src/decode/proto_tcp.c \
	src/decode/proto_udp.c \
	src/decode/proto_icmp.c \
	src/decode/proto_icmp6.c src/decode/proto_icmp6_msg.c src/decode/proto_icmp6_msg.h \
	src/decode/proto_icmp6_nd.c src/decode/proto_icmp6_mld.c src/decode/proto_icmp6_ni.c \
	src/decode/proto_gre.c \
	src/decode/proto_vxlan.c \
	src/decode/proto_dns.c src/decode/proto_dns.h src/decode/proto_dns_name.c \
	src/decode/proto_dns_rdata.c src/decode/proto_dns_print.h \
	src/decode/proto_igmp.c \
	src/decode/proto_msg.c src/decode/proto_msg.h src/decode/proto_l2.c src/decode/proto_l2.h \
	src/decode/proto_llc.c \
	src/decode/proto_stp.c \
	src/decode/proto_bfd.c \
	src/decode/proto_lldp.c src/decode/proto_lldp_org.c src/decode/proto_lldp.h \
	src/decode/proto_geneve.c \
	src/decode/proto_dtp.c \
	src/decode/proto_udld.c \
	src/decode/proto_vtp.c \
	src/decode/proto_loopback.c \
	src/decode/proto_slow.c \
	src/decode/proto_hsrp.c \
	src/decode/proto_vrrp.c \
	src/decode/proto_mpls.c \
	src/decode/proto_ppp.c \
	src/decode/tcpseq.c src/decode/tcpseq.h \
	src/decode/timefmt.c src/decode/timefmt.h \
	src/decode/hexdump.c src/decode/hexdump.h \
	src/decode/names.c src/decode/names.h \
	src/decode/names_service.c src/decode/names_service.h \
	src/decode/names_host.c src/decode/names_host.h \
	src/decode/names_ether.c src/decode/names_ether.h \
	src/decode/view_packet.c src/decode/view_packet.h \
	src/decode/view_packet_dns.c src/decode/view_packet_dns.h \
	src/decode/view_packet_l2.c src/decode/view_packet_l2.h \
	src/decode/view_packet_opts.c src/decode/view_packet_opts.h \
	src/decode/packettype.c src/decode/packettype.h \
	src/decode/view_packet_svc.c src/decode/view_packet_svc.h \
	src/decode/proto_tftp.c \
	src/decode/proto_bootp.c src/decode/proto_bootp.h src/decode/proto_bootp_opts.c \
	src/decode/proto_dhcp6.c src/decode/proto_dhcp6.h \
	src/decode/proto_ntp.c src/decode/proto_ntp.h \
	src/decode/proto_sunrpc.c src/decode/proto_rpc.h src/decode/proto_nfs_call.c \
	src/decode/proto_nfs_reply.c src/decode/proto_nfs_attr.c src/decode/proto_nfs_fh.c \
	src/decode/rpc_xids.c src/decode/rpc_xids.h \
	src/decode/view_packet_rpc.c src/decode/view_packet_rpc.h \
	src/decode/proto_ptp.c src/decode/proto_ptp.h \
	src/decode/proto_ipsec.c \
	src/decode/proto_text.c \
	src/decode/proto_tls.c src/decode/proto_tls.h \
	src/decode/proto_ip6_ext.c src/decode/proto_ip6_ext.h src/decode/proto_ip6_mobility.c \
	src/decode/proto_ipip.c \
	src/decode/proto_mptcp.c src/decode/proto_mptcp.h \
	src/decode/proto_icmp_ext.c src/decode/proto_icmp_ext.h \
	src/decode/proto_dccp.c \
	src/decode/proto_icmp6_rr.c \
	src/decode/proto_icmp6_rpl.c \
	src/decode/proto_osi.h src/decode/proto_osi.c src/decode/proto_isoclns.c src/decode/proto_clnp.c \
	src/decode/proto_esis.c src/decode/proto_isis.c src/decode/proto_isis_tlv.c \
	src/decode/proto_isis_reach.c src/decode/proto_isis_cap.c \
	src/decode/proto_cdp.c \
	src/decode/view_packet_osi.c src/decode/view_packet_osi.h \
	src/decode/proto_bgp.c src/decode/proto_bgp.h src/decode/proto_bgp_attr.c \
	src/decode/proto_bgp_cap.c src/decode/proto_bgp_ext.c src/decode/proto_bgp_nlri.c src/decode/proto_bgp_read.c \
	src/decode/view_packet_routing.c src/decode/view_packet_routing.h \
	src/decode/proto_sflow.c
# interior routing and PIM (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_pim.c src/decode/proto_pim_v1.c src/decode/proto_pim.h \
	src/decode/proto_ospf.c src/decode/proto_ospf.h src/decode/proto_ospf_te.c \
	src/decode/proto_ospf6.c \
	src/decode/proto_babel.c \
	src/decode/proto_eigrp.c \
	src/decode/proto_rip.c \
	src/decode/view_packet_igp.c src/decode/view_packet_igp.h
# security and services (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_macsec.c \
	src/decode/proto_pppoe.c \
	src/decode/proto_ppp_cp.c src/decode/proto_ppp_cp.h \
	src/decode/proto_ppp_opts.c src/decode/proto_ppp_auth.c \
	src/decode/proto_ppp_hdlc.c src/decode/proto_ppp_read.c \
	src/decode/view_packet_ppp.c src/decode/view_packet_ppp.h \
	src/decode/proto_radius.c src/decode/proto_radius_attr.c src/decode/proto_radius_eap.c src/decode/proto_radius.h \
	src/decode/proto_isakmp.c src/decode/proto_isakmp_v2.c src/decode/proto_isakmp_walk.c \
	src/decode/proto_isakmp.h \
	src/decode/view_packet_sec.c src/decode/view_packet_sec.h \
	src/decode/proto_syslog.c
# RESP, loopback link types (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_resp.c \
	src/decode/proto_null.c \
	src/decode/view_packet_more.c src/decode/view_packet_more.h
# SCTP (with M3UA) and L2TP (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_sctp.c src/decode/proto_sctp.h \
	src/decode/proto_m3ua.c \
	src/decode/proto_l2tp.c src/decode/proto_l2tp.h src/decode/proto_l2tp_avp.c \
	src/decode/view_packet_sctp.c src/decode/view_packet_sctp.h
# media and tunnels: RTP, RTCP, vat, QUIC, WireGuard (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_media.h \
	src/decode/proto_rtp.c \
	src/decode/proto_rtcp.c \
	src/decode/proto_vat.c \
	src/decode/proto_quic.c \
	src/decode/proto_wireguard.c \
	src/decode/proto_wb.c \
	src/decode/view_packet_media.c src/decode/view_packet_media.h
# link types (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_chdlc.c \
	src/decode/proto_fr.c \
	src/decode/proto_dsa.c src/decode/pkt_meta_l2tags.h \
	src/decode/proto_brcm.c \
	src/decode/view_packet_link.c src/decode/view_packet_link.h \
	src/decode/view_packet_l2tags.c src/decode/view_packet_l2tags.h
# SNMP (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_snmp.c src/decode/proto_snmp_ber.c src/decode/proto_snmp_ber.h \
	src/decode/view_packet_snmp.c src/decode/view_packet_snmp.h
# OpenFlow (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_openflow.c src/decode/proto_openflow.h src/decode/proto_openflow_util.c \
	src/decode/proto_openflow10.c src/decode/proto_openflow10_match.c \
	src/decode/proto_openflow10_stats.c src/decode/proto_openflow13.c \
	src/decode/view_packet_openflow.c src/decode/view_packet_openflow.h
# PGM and ZMTP/1.0 (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_pgm.c \
	src/decode/proto_zmtp1.c src/decode/proto_zmtp1.h \
	src/decode/view_packet_pgm.c src/decode/view_packet_pgm.h
# UDP and TCP applications by port: timed, AODV, HNCP, Rx, lwres, Telnet (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_udpapps.h \
	src/decode/view_packet_udpapps.c src/decode/view_packet_udpapps.h \
	src/decode/proto_timed.c \
	src/decode/proto_aodv.c \
	src/decode/proto_hncp.c \
	src/decode/proto_rx.c src/decode/proto_rx.h src/decode/proto_rx_afs.c src/decode/proto_rx_db.c src/decode/proto_rx_read.c \
	src/decode/proto_rx_vol.c \
	src/decode/proto_lwres.c \
	src/decode/proto_telnet.c \
	src/decode/proto_zephyr.c
MODULE_TESTS += \
	tests/unit/decode/test_pkt \
	tests/unit/decode/test_pbuf \
	tests/unit/decode/test_dispatch \
	tests/unit/decode/test_dissect_link \
	tests/unit/decode/test_dissect_ip \
	tests/unit/decode/test_dissect_l4 \
	tests/unit/decode/test_dissect_igmp \
	tests/unit/decode/test_dissect_tunnel \
	tests/unit/decode/test_dissect_csum \
	tests/unit/decode/test_dissect_dns \
	tests/unit/decode/test_print \
	tests/unit/decode/test_tcpseq \
	tests/unit/decode/test_timefmt \
	tests/unit/decode/test_hexdump \
	tests/unit/decode/test_names \
	tests/unit/decode/test_names_host \
	tests/unit/decode/test_names_ether
MODULE_TESTS += tests/unit/decode/test_rpc_xids
EXTRA_DIST += tests/unit/decode/dissect_test.h tests/unit/decode/pkt_samples.h
FUZZ_HARNESSES += tests/fuzz/fuzz_dissect
tests_fuzz_fuzz_dissect_LDFLAGS = $(FUZZ_LINK_FLAGS)
# mesh and overlay protocols (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_olsr.c \
	src/decode/proto_pptp.c \
	src/decode/proto_krb.c \
	src/decode/view_packet_mesh.c src/decode/view_packet_mesh.h \
	src/decode/view_packet_ctl.c src/decode/view_packet_ctl.h
# service function chaining (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_nsh.c src/decode/proto_vxlan_gpe.c
# small ethertype and link protocols (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_msnlb.c \
	src/decode/proto_tipc.c \
	src/decode/proto_sl.c
# Broadcom lawful intercept and ForCES (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_bcm_li.c \
	src/decode/proto_forces.c src/decode/proto_forces_pd.c src/decode/proto_forces_read.c \
	src/decode/proto_forces.h \
	src/decode/view_packet_forces.c src/decode/view_packet_forces.h
# kday helper (issue 13): FRF.16 multilink Frame Relay, Q.933
libsockeye_a_SOURCES += src/decode/proto_mfr.c src/decode/proto_q933.c \
	src/decode/view_packet_mfr.c src/decode/view_packet_mfr.h
# link types: IP over InfiniBand, Solaris ipnet, NFLOG
libsockeye_a_SOURCES += \
	src/decode/proto_ipoib.c \
	src/decode/proto_ipnet.c \
	src/decode/proto_nflog.c
# DVMRP inside IGMP (issue 13)
libsockeye_a_SOURCES += src/decode/proto_dvmrp.c src/decode/proto_dvmrp.h
# AoE, Arista timestamps and vsock (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_aoe.c \
	src/decode/proto_arista.c \
	src/decode/proto_vsock.c src/decode/proto_vsock.h \
	src/decode/view_packet_vendor.c src/decode/view_packet_vendor.h
# MPLS control protocols (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_ldp.c \
	src/decode/proto_lspping.c \
	src/decode/proto_mplsctl.c src/decode/proto_mplsctl.h \
	src/decode/view_packet_mplsctl.c src/decode/view_packet_mplsctl.h
# GMPLS signalling: RSVP and LMP (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_gmpls.h \
	src/decode/proto_lmp.c \
	src/decode/proto_rsvp.c src/decode/proto_rsvp_obj.c src/decode/proto_rsvp_te.c \
	src/decode/view_packet_gmpls.c src/decode/view_packet_gmpls.h
# vehicular networks, LISP, SOME/IP, VQP, CFM (issue 13)
libsockeye_a_SOURCES += \
	src/decode/proto_geonet.c \
	src/decode/proto_lisp.c \
	src/decode/proto_someip.c \
	src/decode/proto_vqp.c \
	src/decode/view_packet_small.c src/decode/view_packet_small.h

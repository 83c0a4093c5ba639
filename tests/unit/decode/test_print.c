/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_print.c: summary lines, checked against tcpdump 4.99.3 -nS on the same bytes. */
#include "config.h"

#include "dissect_test.h"
#include "pkt_samples.h"

#define S(a) (a), sizeof(a)

struct print_case {
	const char *name;
	int linktype;
	const uint8_t *pkt;
	size_t len;
	const char *plain;   /* no option */
	const char *link;    /* -e */
	const char *verbose; /* -v */
	const char *quiet;   /* -q */
};

/*
 * The packet's bytes go along (print_opts.data), as sniff passes them:
 * IPv6 extension headers and application layers print from them.
 */
static void expect_line_data(const char *name, const char *mode, const struct pkt_meta *m,
			     const struct print_opts *o, const uint8_t *data, const char *want)
{
	struct print_opts od = *o;
	char line[PRINT_PACKET_MAX];
	size_t n;

	od.data = data;
	n = print_packet(line, sizeof(line), m, &od);

	if (strcmp(line, want) || n != strlen(want))
		fail_msg("%s %s:\n got: %s\nwant: %s", name, mode, line, want);
}

static void expect_line(const char *name, const char *mode, const struct pkt_meta *m,
			const struct print_opts *o, const char *want)
{
	expect_line_data(name, mode, m, o, NULL, want);
}

/* Dissect the whole packet, or its first caplen bytes, and compare one line. */
static void expect_print(const char *name, int linktype, const uint8_t *p, size_t len,
			 size_t caplen, const struct print_opts *o, const char *want)
{
	struct pkt_meta m;

	dt_dissect(&m, linktype, p, caplen, len);
	expect_line_data(name, "", &m, o, p, want);
}

/*
 * Every sample in the four modes.  The lines marked "differs" part from
 * tcpdump's: these are decoded without checksum verification (tcpdump -v
 * verifies; test_csum_texts covers it), -v prints no quoted packet or ND
 * option lines, a VXLAN's inner frame stays on the same line, SLL2's
 * interface name is the caller's to print, and no application protocol is
 * decoded.
 */
static const struct print_case sample_cases[] = {
	{
		"tcp_syn",
		DLT_EN10MB,
		S(sample_tcp_syn),
		"IP 10.0.0.1.1234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 74: 10.0.0.1.1234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 60)\n"
		"    10.0.0.1.1234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0", /* differs */
		"IP 10.0.0.1.1234 > 10.0.0.2.80: tcp 0",
	},
	{
		"tcp_data",
		DLT_EN10MB,
		S(sample_tcp_data),
		"IP 10.0.0.1.1234 > 10.0.0.2.5001: Flags [P.], seq 1000:1005, ack 2000, win 502, length 5",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 59: 10.0.0.1.1234 > 10.0.0.2.5001: Flags [P.], seq 1000:1005, ack 2000, win 502, length 5",
		"IP (tos 0x10, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 45)\n"
		"    10.0.0.1.1234 > 10.0.0.2.5001: Flags [P.], seq 1000:1005, ack 2000, win 502, length 5", /* differs */
		"IP 10.0.0.1.1234 > 10.0.0.2.5001: tcp 5",
	},
	{
		"tcp6_data",
		DLT_EN10MB,
		S(sample_tcp6_data),
		"IP6 2001:db8::1.1234 > 2001:db8::2.5001: Flags [.], seq 1000:1005, ack 2000, win 502, length 5",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv6 (0x86dd), length 79: 2001:db8::1.1234 > 2001:db8::2.5001: Flags [.], seq 1000:1005, ack 2000, win 502, length 5",
		"IP6 (hlim 64, next-header TCP (6) payload length: 25) 2001:db8::1.1234 > 2001:db8::2.5001: Flags [.], seq 1000:1005, ack 2000, win 502, length 5", /* differs */
		"IP6 2001:db8::1.1234 > 2001:db8::2.5001: tcp 5",
	},
	{
		"tcp_sack",
		DLT_EN10MB,
		S(sample_tcp_sack),
		"IP 10.0.0.2.5001 > 10.0.0.1.1234: Flags [.], seq 5000:5002, ack 1005, win 500, options [nop,nop,sack 2 {10:20}{30:40}], length 2",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 76: 10.0.0.2.5001 > 10.0.0.1.1234: Flags [.], seq 5000:5002, ack 1005, win 500, options [nop,nop,sack 2 {10:20}{30:40}], length 2",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 62)\n"
		"    10.0.0.2.5001 > 10.0.0.1.1234: Flags [.], seq 5000:5002, ack 1005, win 500, options [nop,nop,sack 2 {10:20}{30:40}], length 2", /* differs */
		"IP 10.0.0.2.5001 > 10.0.0.1.1234: tcp 2",
	},
	{
		"udp",
		DLT_EN10MB,
		S(sample_udp),
		"IP 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 54: 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 40)\n"
		"    10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
		"IP 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
	},
	{
		"vlan_udp",
		DLT_EN10MB,
		S(sample_vlan_udp),
		"IP 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype 802.1Q (0x8100), length 58: vlan 100, p 0, ethertype IPv4 (0x0800), 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 40)\n"
		"    10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
		"IP 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
	},
	{
		"qinq_udp",
		DLT_EN10MB,
		S(sample_qinq_udp),
		"IP 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype 802.1Q-QinQ (0x88a8), length 62: vlan 200, p 3, DEI, ethertype 802.1Q (0x8100), vlan 100, p 0, ethertype IPv4 (0x0800), 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 40)\n"
		"    10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
		"IP 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12",
	},
	{
		"ip_opts",
		DLT_EN10MB,
		S(sample_ip_opts),
		"IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 2, seq 3, length 8",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 46: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 2, seq 3, length 8",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto ICMP (1), length 32, options (RA))\n"
		"    10.0.0.1 > 10.0.0.2: ICMP echo request, id 2, seq 3, length 8",
		"IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 2, seq 3, length 8",
	},
	{
		"eth_8023", DLT_EN10MB, S(sample_eth_8023),
		"STP 802.1d, Config (invalid)",
		"00:11:22:33:44:55 > 01:80:c2:00:00:00, 802.3, length 7: LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: STP 802.1d, Config (invalid)",
		"STP 802.1d, Config (invalid)",
		"STP 802.1d, Config (invalid)",
	},
	{
		"eth_unknown", DLT_EN10MB, S(sample_eth_unknown),
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype Unknown (0x1234), length 18: \n\t0x0000:  6162 6364                                abcd",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype Unknown (0x1234), length 18: \n\t0x0000:  6162 6364                                abcd",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype Unknown (0x1234), length 18: \n\t0x0000:  6162 6364                                abcd",
		/* tcpdump's -q words for an unknown type, and its ": " before the suppressed dump */
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, Unknown Ethertype (0x1234), length 18: ",
	},
	{
		"arp_req",
		DLT_EN10MB,
		S(sample_arp_req),
		"ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28",
		"00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28",
		"ARP, Ethernet (len 6), IPv4 (len 4), Request who-has 10.0.0.2 tell 10.0.0.1, length 28",
		"ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28",
	},
	{
		"arp_reply",
		DLT_EN10MB,
		S(sample_arp_reply),
		"ARP, Reply 10.0.0.2 is-at 66:77:88:99:aa:bb, length 28",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype ARP (0x0806), length 42: Reply 10.0.0.2 is-at 66:77:88:99:aa:bb, length 28",
		"ARP, Ethernet (len 6), IPv4 (len 4), Reply 10.0.0.2 is-at 66:77:88:99:aa:bb, length 28",
		"ARP, Reply 10.0.0.2 is-at 66:77:88:99:aa:bb, length 28",
	},
	{
		"icmp_echo",
		DLT_EN10MB,
		S(sample_icmp_echo),
		"IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 64",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 98: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 64",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto ICMP (1), length 84)\n"
		"    10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 64",
		"IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 64",
	},
	{
		"icmp_port_unreach",
		DLT_EN10MB,
		S(sample_icmp_port_unreach),
		"IP 10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 udp port 6000 unreachable, length 36",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 70: 10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 udp port 6000 unreachable, length 36",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto ICMP (1), length 56)\n"
		"    10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 udp port 6000 unreachable, length 36\n"
		"\tIP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 38)\n"
		"    10.0.0.2.5000 > 10.0.0.9.6000: UDP, length 10",
		"IP 10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 udp port 6000 unreachable, length 36",
	},
	{
		"icmp_frag_needed",
		DLT_EN10MB,
		S(sample_icmp_frag_needed),
		"IP 10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 unreachable - need to frag (mtu 1500), length 36",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 70: 10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 unreachable - need to frag (mtu 1500), length 36",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto ICMP (1), length 56)\n"
		"    10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 unreachable - need to frag (mtu 1500), length 36\n"
		"\tIP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 38)\n"
		"    10.0.0.2.5000 > 10.0.0.9.6000: UDP, length 10",
		"IP 10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 unreachable - need to frag (mtu 1500), length 36",
	},
	{
		"ip_frag_first",
		DLT_EN10MB,
		S(sample_ip_frag_first),
		"IP 10.0.0.1.5000 > 10.0.0.2.6000: UDP, length 100",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 82: 10.0.0.1.5000 > 10.0.0.2.6000: UDP, length 100",
		"IP (tos 0x0, ttl 64, id 77, offset 0, flags [+], proto UDP (17), length 68)\n"
		"    10.0.0.1.5000 > 10.0.0.2.6000: UDP, length 100",
		"IP 10.0.0.1.5000 > 10.0.0.2.6000: UDP, length 100",
	},
	{
		"ip_frag_later",
		DLT_EN10MB,
		S(sample_ip_frag_later),
		"IP 10.0.0.1 > 10.0.0.2: ip-proto-17",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 94: 10.0.0.1 > 10.0.0.2: ip-proto-17",
		"IP (tos 0x0, ttl 64, id 77, offset 48, flags [none], proto UDP (17), length 80)\n"
		"    10.0.0.1 > 10.0.0.2: ip-proto-17",
		"IP 10.0.0.1 > 10.0.0.2: ip-proto-17",
	},
	{
		"ip6_ns",
		DLT_EN10MB,
		S(sample_ip6_ns),
		"IP6 fe80::1 > ff02::1:ff00:2: ICMP6, neighbor solicitation, who has fe80::2, length 32",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv6 (0x86dd), length 86: fe80::1 > ff02::1:ff00:2: ICMP6, neighbor solicitation, who has fe80::2, length 32",
		"IP6 (hlim 64, next-header ICMPv6 (58) payload length: 32) fe80::1 > ff02::1:ff00:2: ICMP6, neighbor solicitation, length 32, who has fe80::2\n\t  source link-address option (1), length 8 (1): 00:11:22:33:44:55", /* differs */
		"IP6 fe80::1 > ff02::1:ff00:2: ICMP6, neighbor solicitation, who has fe80::2, length 32",
	},
	{
		"ip6_na",
		DLT_EN10MB,
		S(sample_ip6_na),
		"IP6 fe80::2 > fe80::1: ICMP6, neighbor advertisement, tgt is fe80::2, length 32",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv6 (0x86dd), length 86: fe80::2 > fe80::1: ICMP6, neighbor advertisement, tgt is fe80::2, length 32",
		"IP6 (hlim 64, next-header ICMPv6 (58) payload length: 32) fe80::2 > fe80::1: ICMP6, neighbor advertisement, length 32, tgt is fe80::2, Flags [solicited, override]\n\t  destination link-address option (2), length 8 (1): 66:77:88:99:aa:bb", /* differs */
		"IP6 fe80::2 > fe80::1: ICMP6, neighbor advertisement, tgt is fe80::2, length 32",
	},
	{
		"ip6_echo",
		DLT_EN10MB,
		S(sample_ip6_echo),
		"IP6 2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 7, seq 9, length 16",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv6 (0x86dd), length 70: 2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 7, seq 9, length 16",
		"IP6 (class 0x12, flowlabel 0x12345, hlim 64, next-header ICMPv6 (58) payload length: 16) 2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 7, seq 9", /* differs */
		"IP6 2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 7, seq 9, length 16",
	},
	{
		"ip6_unreach",
		DLT_EN10MB,
		S(sample_ip6_unreach),
		"IP6 2001:db8::2 > 2001:db8::1: ICMP6, destination unreachable, unreachable port, 2001:db8::77 udp port 33435, length 56",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv6 (0x86dd), length 110: 2001:db8::2 > 2001:db8::1: ICMP6, destination unreachable, unreachable port, 2001:db8::77 udp port 33435, length 56",
		"IP6 (hlim 64, next-header ICMPv6 (58) payload length: 56) 2001:db8::2 > 2001:db8::1: ICMP6, destination unreachable, unreachable port, 2001:db8::77 udp port 33435", /* differs */
		"IP6 2001:db8::2 > 2001:db8::1: ICMP6, destination unreachable, unreachable port, 2001:db8::77 udp port 33435, length 56",
	},
	{
		"ip6_hbh_udp",
		DLT_EN10MB,
		S(sample_ip6_hbh_udp),
		"IP6 2001:db8::1 > 2001:db8::2: HBH 1000 > 2000: UDP, length 4",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv6 (0x86dd), length 74: 2001:db8::1 > 2001:db8::2: HBH 1000 > 2000: UDP, length 4",
		"IP6 (hlim 64, next-header Options (0) payload length: 20) 2001:db8::1 > 2001:db8::2: HBH (rtalert: 0x0000) (padn) 1000 > 2000: UDP, length 4", /* differs */
		"IP6 2001:db8::1 > 2001:db8::2: HBH 1000 > 2000: UDP, length 4",
	},
	{
		"ip6_rt_dst_tcp",
		DLT_EN10MB,
		S(sample_ip6_rt_dst_tcp),
		"IP6 2001:db8::1 > 2001:db8::2: RT6 (len=2, type=0 [Deprecated], segleft=1, [0]2001:db8::99) DSTOPT 1 > 2: Flags [S], seq 3, win 100, length 0",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv6 (0x86dd), length 106: 2001:db8::1 > 2001:db8::2: RT6 (len=2, type=0 [Deprecated], segleft=1, [0]2001:db8::99) DSTOPT 1 > 2: Flags [S], seq 3, win 100, length 0",
		"IP6 (hlim 64, next-header Routing (43) payload length: 52) 2001:db8::1 > 2001:db8::2: RT6 (len=2, type=0 [Deprecated], segleft=1, rsv=0x0, [0]2001:db8::99) DSTOPT (padn) 1 > 2: Flags [S], seq 3, win 100, length 0", /* differs */
		"IP6 2001:db8::1 > 2001:db8::2: RT6 (len=2, type=0 [Deprecated], segleft=1, [0]2001:db8::99) DSTOPT 1 > 2: tcp 0",
	},
	{
		"ip6_frag_first",
		DLT_EN10MB,
		S(sample_ip6_frag_first),
		"IP6 2001:db8::1 > 2001:db8::2: frag (0|12) 1000 > 2000: UDP, length 1492",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv6 (0x86dd), length 74: 2001:db8::1 > 2001:db8::2: frag (0|12) 1000 > 2000: UDP, length 1492",
		"IP6 (hlim 64, next-header Fragment (44) payload length: 20) 2001:db8::1 > 2001:db8::2: frag (0x00001234:0|12) 1000 > 2000: UDP, length 1492",
		"IP6 2001:db8::1 > 2001:db8::2: frag (0|12) 1000 > 2000: UDP, length 1492",
	},
	{
		"ip6_frag_later",
		DLT_EN10MB,
		S(sample_ip6_frag_later),
		"IP6 2001:db8::1 > 2001:db8::2: frag (1480|16)",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv6 (0x86dd), length 78: 2001:db8::1 > 2001:db8::2: frag (1480|16)",
		"IP6 (hlim 64, next-header Fragment (44) payload length: 24) 2001:db8::1 > 2001:db8::2: frag (0x00001234:1480|16)",
		"IP6 2001:db8::1 > 2001:db8::2: frag (1480|16)",
	},
	{
		"gre_ip",
		DLT_EN10MB,
		S(sample_gre_ip),
		"IP 10.0.0.1 > 10.0.0.2: GREv0, key=0x2a, length 48: IP 192.168.1.1.1234 > 192.168.1.2.80: Flags [S], seq 1000, win 64240, length 0",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 82: 10.0.0.1 > 10.0.0.2: GREv0, key=0x2a, proto IPv4 (0x0800), length 48: 192.168.1.1.1234 > 192.168.1.2.80: Flags [S], seq 1000, win 64240, length 0",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto GRE (47), length 68)\n"
		"    10.0.0.1 > 10.0.0.2: GREv0, Flags [key present], key=0x2a, length 48\n"
		"\tIP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 40)\n"
		"    192.168.1.1.1234 > 192.168.1.2.80: Flags [S], seq 1000, win 64240, length 0", /* differs */
		"IP 10.0.0.1 > 10.0.0.2: GREv0, key=0x2a, length 48: IP 192.168.1.1.1234 > 192.168.1.2.80: tcp 0",
	},
	{
		"gre_teb",
		DLT_EN10MB,
		S(sample_gre_teb),
		"IP 10.0.0.1 > 10.0.0.2: GREv0, key=0x5, length 53: IP 192.168.1.1.1111 > 192.168.1.2.2222: UDP, length 3",
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 87: 10.0.0.1 > 10.0.0.2: GREv0, key=0x5, proto TEB (0x6558), length 53: 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 45: 192.168.1.1.1111 > 192.168.1.2.2222: UDP, length 3",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto GRE (47), length 73)\n"
		"    10.0.0.1 > 10.0.0.2: GREv0, Flags [key present], key=0x5, length 53\n"
		"\tIP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 31)\n"
		"    192.168.1.1.1111 > 192.168.1.2.2222: UDP, length 3", /* differs */
		"IP 10.0.0.1 > 10.0.0.2: GREv0, key=0x5, length 53: IP 192.168.1.1.1111 > 192.168.1.2.2222: UDP, length 3",
	},
	{
		"vxlan",
		DLT_EN10MB,
		S(sample_vxlan),
		"IP 10.0.0.1.55555 > 10.0.0.2.4789: VXLAN, flags [I] (0x08), vni 100\nIP 192.168.1.1.1111 > 192.168.1.2.2222: UDP, length 3", /* differs */
		"00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 95: 10.0.0.1.55555 > 10.0.0.2.4789: VXLAN, flags [I] (0x08), vni 100\n02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 45: 192.168.1.1.1111 > 192.168.1.2.2222: UDP, length 3", /* differs */
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 81)\n"
		"    10.0.0.1.55555 > 10.0.0.2.4789: VXLAN, flags [I] (0x08), vni 100\nIP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 31)\n"
		"    192.168.1.1.1111 > 192.168.1.2.2222: UDP, length 3", /* differs */
		"IP 10.0.0.1.55555 > 10.0.0.2.4789: UDP, length 53",
	},
	{
		"sll_tcp",
		DLT_LINUX_SLL,
		S(sample_sll_tcp),
		"IP 192.168.1.1.1234 > 192.168.1.2.80: Flags [S], seq 1000, win 64240, length 0",
		"Out 00:11:22:33:44:55 ethertype IPv4 (0x0800), length 56: 192.168.1.1.1234 > 192.168.1.2.80: Flags [S], seq 1000, win 64240, length 0",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 40)\n"
		"    192.168.1.1.1234 > 192.168.1.2.80: Flags [S], seq 1000, win 64240, length 0", /* differs */
		"IP 192.168.1.1.1234 > 192.168.1.2.80: tcp 0",
	},
	{
		"sll2_udp6", DLT_LINUX_SLL2, S(sample_sll2_udp6),
		"In  IP6 fe80::1.1 > ff02::1.2: UDP, length 1", /* differs */
		"In  ifindex 7 00:11:22:33:44:55 ethertype IPv6 (0x86dd), length 69: fe80::1.1 > ff02::1.2: UDP, length 1", /* differs */
		"In  IP6 (hlim 64, next-header UDP (17) payload length: 9) fe80::1.1 > ff02::1.2: UDP, length 1", /* differs */
		"In  IP6 fe80::1.1 > ff02::1.2: UDP, length 1", /* differs */
	},
	{
		"raw_ip4",
		DLT_IPV4,
		S(sample_raw_ip4),
		"IP 192.168.1.1.1234 > 192.168.1.2.80: Flags [S], seq 1000, win 64240, length 0",
		"ip: 192.168.1.1.1234 > 192.168.1.2.80: Flags [S], seq 1000, win 64240, length 0",
		"IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 40)\n"
		"    192.168.1.1.1234 > 192.168.1.2.80: Flags [S], seq 1000, win 64240, length 0", /* differs */
		"IP 192.168.1.1.1234 > 192.168.1.2.80: tcp 0",
	},
	{
		"raw_ip6",
		DLT_IPV6,
		S(sample_raw_ip6),
		"IP6 fe80::1.1 > ff02::1.2: UDP, length 1",
		"ip: fe80::1.1 > ff02::1.2: UDP, length 1",
		"IP6 (hlim 64, next-header UDP (17) payload length: 9) fe80::1.1 > ff02::1.2: UDP, length 1", /* differs */
		"IP6 fe80::1.1 > ff02::1.2: UDP, length 1",
	},
};

static void test_samples(void **state)
{
	for (size_t i = 0; i < DT_N(sample_cases); i++) {
		const struct print_case *c = &sample_cases[i];
		/* the bytes too: the message layers (LLC's payloads, dumps) read them */
		const struct print_opts plain = { .data = c->pkt }, link = { .link = true, .data = c->pkt };
		const struct print_opts verbose = { .verbose = true, .data = c->pkt };
		const struct print_opts quiet = { .quiet = true, .data = c->pkt };
		struct pkt_meta m;

		dt_dissect(&m, c->linktype, c->pkt, c->len, c->len);
		expect_line_data(c->name, "", &m, &plain, c->pkt, c->plain);
		expect_line_data(c->name, "-e", &m, &link, c->pkt, c->link);
		expect_line_data(c->name, "-v", &m, &verbose, c->pkt, c->verbose);
		expect_line_data(c->name, "-q", &m, &quiet, c->pkt, c->quiet);
	}
}

struct cut_case {
	const char *name;
	const uint8_t *pkt;
	size_t len;
	size_t caplen;
	const char *want;
};

/* Truncated headers: tcpdump's markers, where tcpdump would put them. */
static void test_truncated(void **state)
{
	static const struct cut_case cases[] = {
		{ "ether", S(sample_tcp_syn), 10, " [|ether]" },
		{ "no IP byte", S(sample_tcp_syn), 14, " [|ip]" },
		{ "ip", S(sample_tcp_syn), 30, "IP  [|ip]" },
		{ "tcp ports", S(sample_tcp_syn), 36, "IP 10.0.0.1 > 10.0.0.2:  [|tcp]" },
		{ "tcp", S(sample_tcp_syn), 40, "IP 10.0.0.1.1234 > 10.0.0.2.80:  [|tcp]" },
		{ "tcp options", S(sample_tcp_syn), 54,
		  "IP 10.0.0.1.1234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, options [ [|tcp]" },
		{ "tcp option 3", S(sample_tcp_syn), 60,
		  "IP 10.0.0.1.1234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, "
		  "options [mss 1460,sackOK, [|tcp]" },
		{ "udp", S(sample_udp), 40, "IP 10.0.0.1.12345 > 10.0.0.2.40000:  [|udp]" },
		{ "arp", S(sample_arp_req), 30, " [|arp]" },
		{ "vlan", S(sample_vlan_udp), 16, " [|vlan]" },
		{ "icmp", S(sample_icmp_echo), 40, "IP 10.0.0.1 > 10.0.0.2:  [|icmp]" },
		{ "icmp quote", S(sample_icmp_port_unreach), 50,
		  "IP 10.0.0.9 > 10.0.0.2:  [|icmp]" },
		{ "ip6", S(sample_ip6_echo), 40, " [|ip6]" },
		{ "ip6 hop-by-hop", S(sample_ip6_hbh_udp), 60,
		  "IP6 2001:db8::1 > 2001:db8::2:  [|hbhopt]" },
		{ "ip6 after hop-by-hop", S(sample_ip6_hbh_udp), 64,
		  "IP6 2001:db8::1 > 2001:db8::2: HBH  [|udp]" },
		{ "icmp6 type", S(sample_ip6_ns), 55,
		  "IP6 fe80::1 > ff02::1:ff00:2: ICMP6, neighbor solicitation [|icmp6]" },
		{ "icmp6 nothing", S(sample_ip6_ns), 54, "IP6 fe80::1 > ff02::1:ff00:2:  [|icmp6]" },
		{ "gre", S(sample_gre_ip), 37, "IP 10.0.0.1 > 10.0.0.2: GREv0 [|gre]" },
		{ "gre inner ip", S(sample_gre_ip), 50,
		  "IP 10.0.0.1 > 10.0.0.2: GREv0, key=0x2a, length 48: IP  [|ip]" },
		{ "vxlan", S(sample_vxlan), 46,
		  "IP 10.0.0.1.55555 > 10.0.0.2.4789: VXLAN [|vxlan]" },
		{ "vxlan inner ether", S(sample_vxlan), 55,
		  "IP 10.0.0.1.55555 > 10.0.0.2.4789: VXLAN, flags [I] (0x08), vni 100\n [|ether]" },
		{ "sll", S(sample_sll_tcp), 8, " [|sll]" },
	};
	static const struct print_opts o = { 0 };

	for (size_t i = 0; i < DT_N(cases); i++) {
		const struct cut_case *c = &cases[i];
		int lt = c->pkt == sample_sll_tcp ? DLT_LINUX_SLL : DLT_EN10MB;

		expect_print(c->name, lt, c->pkt, c->len, c->caplen, &o, c->want);
	}
}

struct bad_case {
	const char *name;
	const uint8_t *pkt;
	size_t len;
	size_t at; /* the byte made bad, and its value */
	uint8_t val;
	const char *want;
};

/* Invalid headers: what tcpdump says of them, then decoding stops. */
static void test_invalid(void **state)
{
	static const struct bad_case cases[] = {
		{ "ihl 4", S(sample_udp), 14, 0x44, "IP bad-hlen 16" },
		{ "version 5", S(sample_udp), 14, 0x55, "IP5 (invalid)" },
		{ "version 6", S(sample_udp), 14, 0x65,
		  "IP6, wrong link-layer encapsulation (invalid)" },
		{ "total length 19", S(sample_udp), 17, 19, "IP bad-len 19" },
		{ "total length 200", S(sample_udp), 17, 200,
		  "IP truncated-ip - 160 bytes missing! 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12" },
		{ "doff 4", S(sample_tcp_data), 46, 0x40,
		  "IP 10.0.0.1.1234 > 10.0.0.2.5001:  tcp 9 [bad hdr length 16 - too short, < 20]" },
		{ "doff 15", S(sample_tcp_data), 46, 0xf0,
		  "IP 10.0.0.1.1234 > 10.0.0.2.5001: Flags [P.] [bad hdr length 60 - too long, > 25]" },
		{ "tcp option length 1", S(sample_tcp_syn), 55, 1,
		  "IP 10.0.0.1.1234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, options [[bad opt]" },
		{ "udp length 7", S(sample_udp), 39, 7,
		  "IP 10.0.0.1.12345 > 10.0.0.2.40000: truncated-udplength 7" },
		{ "udp length 21", S(sample_udp), 39, 21,
		  "IP 10.0.0.1.12345 > 10.0.0.2.40000: UDP, bad length 13 > 12" },
		{ "ip6 version 4", S(sample_ip6_echo), 14, 0x45, "IP6 version error: 4 != 6" },
		{ "ip6 payload length", S(sample_ip6_echo), 19, 30,
		  "IP6 truncated-ip6 - 14 bytes missing!2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 7, "
		  "seq 9, length 30" },
		{ "ip6 hop-by-hop length", S(sample_ip6_hbh_udp), 55, 5,
		  "IP6 2001:db8::1 > 2001:db8::2:  [|hbhopt]" },
		{ "nd option length 0", S(sample_ip6_ns), 79, 0,
		  /* tcpdump reads no option without -v: JSON says invalid */
		  "IP6 fe80::1 > ff02::1:ff00:2: ICMP6, neighbor solicitation, who has fe80::2, "
		  "length 32" },
		{ "vxlan flags", S(sample_vxlan), 42, 0,
		  "IP 10.0.0.1.55555 > 10.0.0.2.4789: VXLAN, flags [invalid] (0x00), vni 100" },
	};
	static const struct print_opts o = { 0 };

	for (size_t i = 0; i < DT_N(cases); i++) {
		const struct bad_case *c = &cases[i];
		uint8_t p[256];

		dt_patched(p, c->pkt, c->len, &(const struct dt_patch){ c->at, c->val }, 1);
		expect_print(c->name, DLT_EN10MB, p, c->len, c->len, &o, c->want);
	}
}

struct icmp_case {
	const char *name;
	const uint8_t *pkt;
	size_t len;
	uint8_t type, code;
	const char *want;
};

/* ICMP texts by type and code, on the port unreachable sample's bytes. */
static void test_icmp_texts(void **state)
{
	static const struct icmp_case cases[] = {
		{ "net", S(sample_icmp_port_unreach), 3, 0,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP net 10.0.0.9 unreachable, length 36" },
		{ "host", S(sample_icmp_port_unreach), 3, 1,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP host 10.0.0.9 unreachable, length 36" },
		{ "protocol", S(sample_icmp_port_unreach), 3, 2,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 protocol 17 unreachable, length 36" },
		{ "need to frag", S(sample_icmp_port_unreach), 3, 4,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP 10.0.0.9 unreachable - need to frag, length 36" },
		{ "filtered", S(sample_icmp_port_unreach), 3, 13,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP host 10.0.0.9 unreachable - admin prohibited filter, "
		  "length 36" },
		{ "code 16", S(sample_icmp_port_unreach), 3, 16,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP #16 10.0.0.9 unreachable, length 36" },
		{ "ttl", S(sample_icmp_port_unreach), 11, 0,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP time exceeded in-transit, length 36" },
		{ "reassembly", S(sample_icmp_port_unreach), 11, 1,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP ip reassembly time exceeded, length 36" },
		{ "redirect", S(sample_icmp_port_unreach), 5, 1,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP redirect 10.0.0.9 to host 0.0.0.0, length 36" },
		{ "parameter problem", S(sample_icmp_port_unreach), 12, 0,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP parameter problem - octet 0, length 36" },
		{ "source quench", S(sample_icmp_port_unreach), 4, 0,
		  "IP 10.0.0.9 > 10.0.0.2: ICMP source quench, length 36" },
		{ "echo reply", S(sample_icmp_echo), 0, 0,
		  "IP 10.0.0.1 > 10.0.0.2: ICMP echo reply, id 1, seq 1, length 64" },
		{ "timestamp", S(sample_icmp_echo), 13, 0,
		  "IP 10.0.0.1 > 10.0.0.2: ICMP time stamp query id 1 seq 1, length 64" },
		{ "unknown", S(sample_icmp_echo), 42, 0,
		  "IP 10.0.0.1 > 10.0.0.2: ICMP type-#42, length 64" },
		{ "v6 route", S(sample_ip6_unreach), 1, 0,
		  "IP6 2001:db8::2 > 2001:db8::1: ICMP6, destination unreachable, unreachable route "
		  "2001:db8::77, length 56" },
		{ "v6 beyond scope", S(sample_ip6_unreach), 1, 2,
		  "IP6 2001:db8::2 > 2001:db8::1: ICMP6, destination unreachable, beyond scope "
		  "2001:db8::77, source address 2001:db8::1, length 56" },
		{ "v6 address", S(sample_ip6_unreach), 1, 3,
		  "IP6 2001:db8::2 > 2001:db8::1: ICMP6, destination unreachable, unreachable address "
		  "2001:db8::77, length 56" },
		{ "v6 time exceeded", S(sample_ip6_unreach), 3, 0,
		  "IP6 2001:db8::2 > 2001:db8::1: ICMP6, time exceeded in-transit for 2001:db8::77, "
		  "length 56" },
		{ "v6 too big", S(sample_ip6_unreach), 2, 0,
		  "IP6 2001:db8::2 > 2001:db8::1: ICMP6, packet too big, mtu 0, length 56" },
		{ "v6 parameter problem", S(sample_ip6_unreach), 4, 1,
		  "IP6 2001:db8::2 > 2001:db8::1: ICMP6, parameter problem, next header - octet 0, "
		  "length 56" },
		{ "v6 echo reply", S(sample_ip6_echo), 129, 0,
		  "IP6 2001:db8::1 > 2001:db8::2: ICMP6, echo reply, id 7, seq 9, length 16" },
		{ "v6 unknown", S(sample_ip6_echo), 100, 0,
		  /* tcpdump dumps a type it does not know, below -vv */
		  "IP6 2001:db8::1 > 2001:db8::2: ICMP6, unknown icmp6 type (100), length 16\n"
		  "\t0x0000:  6400 0000 0007 0009 7070 7070 7070 7070" },
		{ "v6 listener query", S(sample_ip6_ns), 130, 0,
		  /* 32 bytes: an MLDv2 query by its length, its source count read from the option */
		  "IP6 fe80::1 > ff02::1:ff00:2: ICMP6, multicast listener query v2 [gaddr fe80::2 "
		  "[invalid number of sources]], length 32" },
	};
	static const struct print_opts o = { 0 };

	for (size_t i = 0; i < DT_N(cases); i++) {
		const struct icmp_case *c = &cases[i];
		size_t at = c->pkt[12] == 0x86 ? 54 : 34;
		uint8_t p[256];

		dt_patched(p, c->pkt, c->len,
			   (const struct dt_patch[]){ { at, c->type }, { at + 1, c->code } }, 2);
		expect_print(c->name, DLT_EN10MB, p, c->len, c->len, &o, c->want);
	}
}

/* The caller keeps per-flow state; the printer subtracts the bases it is given. */
static void test_tcp_relative(void **state)
{
	static const struct print_opts rel = {
		.tcp_relative = true,
		.tcp_seq_base = 999,
		.tcp_ack_base = 1999,
	};
	static const struct print_opts sack = {
		.tcp_relative = true,
		.tcp_seq_base = 4000,
		.tcp_ack_base = 5,
	};

	expect_print("relative", DLT_EN10MB, S(sample_tcp_data), sizeof(sample_tcp_data), &rel,
		     "IP 10.0.0.1.1234 > 10.0.0.2.5001: Flags [P.], seq 1:6, ack 1, win 502, "
		     "length 5");
	expect_print(
		"relative sack", DLT_EN10MB, S(sample_tcp_sack), sizeof(sample_tcp_sack), &sack,
		"IP 10.0.0.2.5001 > 10.0.0.1.1234: Flags [.], seq 1000:1002, ack 1000, win 500, "
		"options [nop,nop,sack 2 {5:15}{25:35}], length 2");
}

static void test_tcp_option_names(void **state)
{
	static const uint8_t opts[] = {
		19, 18, 1,  2,	3,  4, 5,    6,	   7, 8, 9, 10, 11, 12,
		13, 14, 15, 16, 42, 4, 0xab, 0xcd, 2, 3, 5, 1,	0,  0,
	};
	uint8_t p[128];
	size_t len = 54 + sizeof(opts);
	static const struct print_opts o = { 0 };

	memcpy(p, sample_tcp_data, 54);
	p[17] = (uint8_t)(len - 14);
	p[46] = (20 + sizeof(opts)) / 4 << 4;
	memcpy(p + 54, opts, sizeof(opts));
	expect_print(
		"options", DLT_EN10MB, p, len, len, &o,
		"IP 10.0.0.1.1234 > 10.0.0.2.5001: Flags [P.], ack 2000, win 502, "
		"options [md5 shared secret not supplied with -M, can't check - "
		"0102030405060708090a0b0c0d0e0f10,unknown-42 0xabcd,mss [len 3],nop,eol], length 0");
}

/* One SYN-less segment with these option bytes (a multiple of 4), printed plainly. */
static void expect_options(const uint8_t *opts, size_t olen, const char *want)
{
	static const struct print_opts o = { 0 };
	uint8_t p[128];
	size_t len = 54 + olen;
	char line[PRINT_PACKET_MAX];
	const char *list;
	struct pkt_meta m;

	memcpy(p, sample_tcp_data, 54);
	p[17] = (uint8_t)(len - 14);
	p[46] = (uint8_t)((20 + olen) / 4 << 4);
	memcpy(p + 54, opts, olen);
	dt_dissect(&m, DLT_EN10MB, p, len, len);
	print_packet(line, sizeof(line), &m, &o);
	list = strstr(line, "options [");
	if (!list || strncmp(list + 9, want, strlen(want)) || list[9 + strlen(want)] != ']')
		fail_msg("got: %s\nwant: options [%s]", line, want);
}

/* The TCP option kinds proto_tcp.c spells out, as tcpdump 4.99 prints them. */
static void test_tcp_option_kinds(void **state)
{
	expect_options((const uint8_t[4]){ 34, 2, 1, 1 }, 4, "tfo  cookiereq,nop,nop");
	expect_options((const uint8_t[8]){ 34, 6, 1, 2, 3, 4 }, 8, "tfo  cookie 01020304,eol");
	expect_options((const uint8_t[8]){ 34, 5, 1, 2, 3, 1 }, 8, "tfo  (invalid),nop,eol");
	expect_options((const uint8_t[4]){ 254, 4, 0xf9, 0x89 }, 4, "exp-tfo cookiereq");
	expect_options((const uint8_t[4]){ 254, 4, 0x12, 0x34 }, 4, "exp-1234");
	expect_options((const uint8_t[4]){ 254, 3, 0xf9, 1 }, 4, "exp [len 3],nop");
	expect_options((const uint8_t[4]){ 29, 3, 1, 1 }, 4, "tcp-ao (invalid),nop");
	expect_options((const uint8_t[4]){ 29, 4, 1, 2 }, 4, "tcp-ao keyid 1 rnextkeyid 2");
	expect_options((const uint8_t[8]){ 19, 6, 1, 2, 3, 4, 1, 1 }, 8, "md5 [len 6],nop,nop");
	expect_options((const uint8_t[4]){ 99, 2, 1, 1 }, 4, "unknown-99,nop,nop");
	expect_options((const uint8_t[12]){ 7, 6, 0, 0, 1, 0, 28, 4, 0x80, 5, 1, 1 }, 12,
		       "echoreply 256,uto 0x8005 983160,nop,nop");
	/* MP_CAPABLE of 4 bytes belongs on a SYN (golden sniff_mptcp), DSS on the others */
	expect_options((const uint8_t[8]){ 30, 8, 0x20, 0x01, 0, 0, 0, 5 }, 8, "mptcp 8 dss ack 5");
	expect_options((const uint8_t[4]){ 30, 4, 0xf3, 0x00 }, 4, "mptcp 4 unknown");
	expect_options((const uint8_t[4]){ 30, 4, 0x51, 0x07 }, 4, "mptcp 4 prio backup id 7");
}

/* The buffer is never overrun, always terminated, and the full length is returned. */
static void test_buffer_sizes(void **state)
{
	static const char want[] = "IP 10.0.0.1.12345 > 10.0.0.2.40000: UDP, length 12";
	static const struct print_opts o = { 0 };
	struct pkt_meta m;
	char buf[sizeof(want) + 8];

	dt_dissect(&m, DLT_EN10MB, sample_udp, sizeof(sample_udp), sizeof(sample_udp));
	for (size_t len = 0; len <= sizeof(buf); len++) {
		memset(buf, 'X', sizeof(buf));
		assert_int_equal(print_packet(buf, len, &m, &o), sizeof(want) - 1);
		if (len == 0) {
			assert_int_equal(buf[0], 'X');
			continue;
		}
		size_t k = len - 1 < sizeof(want) - 1 ? len - 1 : sizeof(want) - 1;

		assert_memory_equal(buf, want, k);
		assert_int_equal(buf[k], '\0');
		for (size_t j = k + 1; j < sizeof(buf); j++)
			assert_int_equal(buf[j], 'X');
	}
}

/* Ethernet, two VLAN tags, IPv6 with 8 routing headers and next header nh. */
static size_t put_headers(uint8_t *p, uint8_t nh, size_t payload)
{
	static const uint8_t eth_vlans[] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0x88, 0xa8, 0xff, 0xff, 0x91, 0x00, 0xff, 0xff, 0x86, 0xdd,
	};
	size_t n = sizeof(eth_vlans), plen = 8 * 8 + payload;

	memcpy(p, eth_vlans, n);
	memset(p + n, 0xff, 40);
	p[n] = 0x6f;
	p[n + 4] = (uint8_t)(plen >> 8);
	p[n + 5] = (uint8_t)plen;
	p[n + 6] = 43;
	n += 40;
	/* routing type 0 without addresses: a type tcpdump knows, so none is invalid */
	for (int i = 0; i < 8; i++, n += 8) {
		memset(p + n, 0xff, 8);
		p[n] = i < 7 ? 43 : nh;
		p[n + 1] = 0;
		p[n + 2] = 0;
	}
	return n;
}

/* Nearly the worst a packet can do to the line's length: PRINT_PACKET_MAX holds it. */
static void test_longest(void **state)
{
	static const uint8_t gre[] = {
		0xb0, 0x00, 0x65, 0x58, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	uint8_t p[512], tcp[60];
	size_t n, inner;
	struct pkt_meta m;
	char line[PRINT_PACKET_MAX];

	/* every TCP field at its widest, then 20 wscale options of a wrong length */
	memset(tcp, 0xff, sizeof(tcp));
	for (size_t i = 20; i < sizeof(tcp); i += 2) {
		tcp[i] = 3;
		tcp[i + 1] = 2;
	}
	inner = 22 + 40 + 64 + sizeof(tcp);
	n = put_headers(p, 47, sizeof(gre) + inner);
	memcpy(p + n, gre, sizeof(gre));
	n += sizeof(gre);
	n += put_headers(p + n, 6, sizeof(tcp));
	memcpy(p + n, tcp, sizeof(tcp));
	n += sizeof(tcp);
	dt_dissect(&m, DLT_EN10MB, p, n, n);
	assert_false(m.truncated || m.invalid);
	assert_int_equal(m.n_layers, 10);
	for (unsigned bits = 0; bits < 16; bits++) {
		struct print_opts o = {
			.link = bits & 1,
			.verbose = bits & 2,
			.quiet = bits & 4,
			.tcp_relative = bits & 8,
			.tcp_seq_base = 1,
		};
		size_t len = print_packet(line, sizeof(line), &m, &o);

		if (len > PRINT_PACKET_MAX / 2)
			fail_msg("%zu bytes with options %#x: less room to spare than thought", len,
				 bits);
	}
}

/*
 * IPv6 with a routing header of five addresses and seven destination option
 * headers of jumbo payload options (the widest option text, and more than
 * the 32 kept), then payload bytes of protocol nh.
 */
#define OPT_HDRS (40 + 88 + 7 * 32)
static size_t put_opt_headers(uint8_t *p, uint8_t nh, size_t payload)
{
	static const uint8_t jumbo[] = { 0xc2, 4, 0xff, 0xff, 0xff, 0xff };
	size_t plen = OPT_HDRS - 40 + payload, n = 40;

	memset(p, 0xff, OPT_HDRS);
	p[0] = 0x60;
	p[4] = (uint8_t)(plen >> 8);
	p[5] = (uint8_t)plen;
	p[6] = 43;
	p[n] = 60; /* routing type 0, five addresses, none left */
	p[n + 1] = 10;
	p[n + 2] = 0;
	p[n + 3] = 0;
	n += 88;
	for (int i = 0; i < 7; i++, n += 32) {
		p[n] = i < 6 ? 60 : nh;
		p[n + 1] = 3;
		for (int k = 0; k < 5; k++)
			memcpy(p + n + 2 + 6 * k, jumbo, sizeof(jumbo));
	}
	return n;
}

/* The same with options that print long: PRINT_PACKET_MAX still holds the line whole. */
static void test_longest_options(void **state)
{
	static const uint8_t eth[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
				       0xff, 0xff, 0xff, 0xff, 0xff, 0x86, 0xdd };
	static const uint8_t gre[] = { 0x00, 0x00, 0x86, 0xdd };
	uint8_t p[1024], tcp[60];
	size_t n;
	struct pkt_meta m;
	char line[PRINT_PACKET_MAX];

	/* two MD5 signatures and an unknown kind with two bytes fill the 40 option bytes */
	memset(tcp, 0xff, sizeof(tcp));
	for (size_t i = 20; i < 56; i += 18) {
		tcp[i] = 19;
		tcp[i + 1] = 18;
	}
	tcp[56] = 99;
	tcp[57] = 4;
	memcpy(p, eth, sizeof(eth));
	n = sizeof(eth);
	n += put_opt_headers(p + n, 47, sizeof(gre) + OPT_HDRS + sizeof(tcp));
	memcpy(p + n, gre, sizeof(gre));
	n += sizeof(gre);
	n += put_opt_headers(p + n, 6, sizeof(tcp));
	memcpy(p + n, tcp, sizeof(tcp));
	n += sizeof(tcp);
	dt_dissect(&m, DLT_EN10MB, p, n, n);
	assert_false(m.truncated || m.invalid);
	assert_int_equal(m.l[1].trans, PKT_PROTO_TCP);
	assert_true(m.l[1].ip6.opt_more);
	assert_int_equal(m.l[1].ip6.rt_n_addr, 5);
	for (unsigned bits = 0; bits < 4; bits++) {
		struct print_opts o = { .link = bits & 1, .verbose = bits & 2 };
		size_t len = print_packet(line, sizeof(line), &m, &o);

		if (len >= PRINT_PACKET_MAX * 3 / 4)
			fail_msg("%zu bytes with options %#x: less room to spare than thought", len,
				 bits);
	}
}

static void test_unknown_linktype(void **state)
{
	static const uint8_t frame[] = { 0x6c, 0x01, 0x01, 0x00, 'D', 'B', 'u', 's', 0x0a };
	static const struct print_opts o = { 0 };
	struct pkt_meta m;

	/* tcpdump's unsupported_if_print: the word, then the bytes as -X dumps them */
	dissect_packet(&m, DLT_DBUS, frame, sizeof(frame), sizeof(frame));
	expect_line_data("linktype", "", &m, &o, frame,
		    "UNSUPPORTED\n\t0x0000:  6c01 0100 4442 7573 0a"
		    "                   l...DBus.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples),		 cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_invalid),		 cmocka_unit_test(test_icmp_texts),
		cmocka_unit_test(test_tcp_relative),	 cmocka_unit_test(test_tcp_option_names),
		cmocka_unit_test(test_buffer_sizes),	 cmocka_unit_test(test_longest),
		cmocka_unit_test(test_unknown_linktype), cmocka_unit_test(test_tcp_option_kinds),
		cmocka_unit_test(test_longest_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

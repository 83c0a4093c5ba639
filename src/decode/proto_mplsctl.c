/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_mplsctl.c: the names LDP's and LSP ping's printers share: pseudowire types, enterprises. */
#include "config.h"

#include "decode/proto_mplsctl.h"
#include "decode/proto_msg.h"

static const struct msg_tok mplsctl_pw_types[] = {
	{ 0x0000, "Reserved" },
	{ 0x0001, "Frame Relay DLCI (Martini Mode)" },
	{ 0x0002, "ATM AAL5 SDU VCC transport" },
	{ 0x0003, "ATM transparent cell transport" },
	{ 0x0004, "Ethernet VLAN" },
	{ 0x0005, "Ethernet" },
	{ 0x0006, "Cisco-HDLC" },
	{ 0x0007, "PPP" },
	{ 0x0008, "SONET/SDH Circuit Emulation Service over MPLS" },
	{ 0x0009, "ATM n-to-one VCC cell transport" },
	{ 0x000a, "ATM n-to-one VPC cell transport" },
	{ 0x000b, "IP Layer2 Transport" },
	{ 0x000c, "ATM one-to-one VCC Cell Mode" },
	{ 0x000d, "ATM one-to-one VPC Cell Mode" },
	{ 0x000e, "ATM AAL5 PDU VCC transport" },
	{ 0x000f, "Frame-Relay Port mode" },
	{ 0x0010, "SONET/SDH Circuit Emulation over Packet" },
	{ 0x0011, "Structure-agnostic E1 over Packet" },
	{ 0x0012, "Structure-agnostic T1 (DS1) over Packet" },
	{ 0x0013, "Structure-agnostic E3 over Packet" },
	{ 0x0014, "Structure-agnostic T3 (DS3) over Packet" },
	{ 0x0015, "CESoPSN basic mode" },
	{ 0x0016, "TDMoIP basic mode" },
	{ 0x0017, "CESoPSN TDM with CAS" },
	{ 0x0018, "TDMoIP TDM with CAS" },
	{ 0x0019, "Frame Relay DLCI" },
	{ 0x0040, "IP-interworking" },
	{ 0, NULL },
};

void mplsctl_pw_type_put(struct pbuf *b, uint16_t type, const char *unknown)
{
	msg_tok_put(b, mplsctl_pw_types, unknown, type);
}

/* tcpdump's smi_values: the SMI private enterprise numbers it names */
static const struct msg_tok mplsctl_smi[] = {
	{ 0, "IETF (reserved)" },
	{ 5, "ACC" },
	{ 9, "Cisco" },
	{ 11, "Hewlett Packard" },
	{ 42, "Sun Microsystems" },
	{ 61, "Merit" },
	{ 74, "AT&T" },
	{ 161, "Motorola" },
	{ 166, "Shiva" },
	{ 193, "Ericsson AB" },
	{ 255, "Cisco VPN 5000" },
	{ 307, "Livingston" },
	{ 311, "Microsoft" },
	{ 429, "3Com" },
	{ 529, "Ascend" },
	{ 1584, "Bay Networks" },
	{ 1991, "Foundry" },
	{ 2180, "Versanet" },
	{ 2352, "Redback" },
	{ 2636, "Juniper Networks" },
	{ 2637, "Aptis" },
	{ 2937, "Deutsche Telekom AG" },
	{ 3054, "Ixia Communications" },
	{ 3076, "Cisco VPN 3000" },
	{ 3085, "CoSine Communications" },
	{ 3224, "Netscreen" },
	{ 3199, "Shasta" },
	{ 3309, "Nomadix" },
	{ 3414, "T-Mobile" },
	{ 3561, "The Broadband Forum" },
	{ 3902, "ZTE" },
	{ 4329, "Siemens" },
	{ 4491, "CableLabs" },
	{ 4874, "Unisphere Networks" },
	{ 5263, "Cisco BBSM" },
	{ 5535, "3rd Generation Partnership Project 2 (3GPP2)" },
	{ 5806, "SK Telecom" },
	{ 5925, "ipUnplugged" },
	{ 5948, "Issanni Communications" },
	{ 5951, "Netscaler" },
	{ 6490, "T-Mobile" },
	{ 6618, "Quintum" },
	{ 6728, "Interlink" },
	{ 7951, "CNCTC" },
	{ 8164, "Starent Networks" },
	{ 8744, "Colubris" },
	{ 10415, "3GPP" },
	{ 10529, "Gemtek-Systems" },
	{ 10704, "Barracuda Networks" },
	{ 10923, "Ericsson AB - Packet Core Networks" },
	{ 11665, "dacom" },
	{ 11862, "Columbia University" },
	{ 12356, "Fortinet" },
	{ 12951, "Verizon Wireless" },
	{ 13745, "Plixer" },
	{ 14122, "Wi-Fi Alliance" },
	{ 16787, "T-Systems Nova" },
	{ 20942, "China Telecom - Guangzhou Research Institute" },
	{ 26866, "Gigamon Systems" },
	{ 32622, "CACE Technologies" },
	{ 35632, "ntop" },
	{ 46098, "Ericsson Canada" },
	{ 0, NULL },
};

void mplsctl_smi_put(struct pbuf *b, uint32_t enterprise)
{
	msg_tok_put(b, mplsctl_smi, "Unknown", enterprise);
}

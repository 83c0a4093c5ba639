/* SPDX-License-Identifier: GPL-2.0-or-later */
/* packettype.c: tcpdump's -T types, and what each forces on UDP and TCP payloads. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "decode/packettype.h"
#include "decode/pkt_meta.h"

/*
 * tcpdump 4.99's list (tcpdump.c), in its order.  On UDP each type selects
 * its decoder, except zmtp1, resp and carp, for which tcpdump's udp_print has
 * no case and prints nothing; on TCP only zmtp1, resp and domain decode, the
 * others leave the payload unprinted.  A type whose decoder sockeye lacks
 * stays listed (tcpdump knows the name) with decoded false.
 */
static const struct packettype packettypes[] = {
	{ "vat", PKT_PROTO_VAT, PKT_PROTO_NONE, true },
	{ "wb", PKT_PROTO_WB, PKT_PROTO_NONE, true },
	{ "rpc", PKT_PROTO_SUNRPC, PKT_PROTO_NONE, true },
	{ "rtp", PKT_PROTO_RTP, PKT_PROTO_NONE, true },
	{ "rtcp", PKT_PROTO_RTCP, PKT_PROTO_NONE, true },
	{ "snmp", PKT_PROTO_SNMP, PKT_PROTO_NONE, true }, /* tcpdump has no TCP case */
	{ "cnfp", PKT_PROTO_NONE, PKT_PROTO_NONE, false },
	{ "tftp", PKT_PROTO_TFTP, PKT_PROTO_NONE, true },
	{ "aodv", PKT_PROTO_AODV, PKT_PROTO_NONE, true },
	{ "carp", PKT_FORCE_SILENT, PKT_PROTO_NONE, false }, /* also IP protocol 112 */
	{ "radius", PKT_PROTO_RADIUS, PKT_PROTO_NONE, true },
	{ "zmtp1", PKT_FORCE_SILENT, PKT_PROTO_ZMTP1, true },
	{ "vxlan", PKT_PROTO_VXLAN, PKT_PROTO_NONE, true },
	{ "pgm", PKT_PROTO_PGM, PKT_PROTO_NONE, true },
	{ "pgm_zmtp1", PKT_PROTO_PGM, PKT_PROTO_NONE, true },
	{ "lmp", PKT_PROTO_LMP, PKT_PROTO_NONE, true },
	{ "resp", PKT_FORCE_SILENT, PKT_PROTO_RESP, true },
	{ "ptp", PKT_PROTO_PTP, PKT_PROTO_NONE, true },
	{ "someip", PKT_PROTO_NONE, PKT_PROTO_NONE, false },
	{ "domain", PKT_PROTO_DNS, PKT_PROTO_DNS, true },
};

#define N_TYPES (sizeof(packettypes) / sizeof(packettypes[0]))

const struct packettype *packettype_find(const char *name)
{
	for (size_t i = 0; i < N_TYPES; i++)
		if (!strcasecmp(name, packettypes[i].name))
			return &packettypes[i];
	return NULL;
}

uint8_t packettype_index(const struct packettype *t)
{
	return (uint8_t)(t - packettypes + 1);
}

uint8_t packettype_app(uint8_t i, bool udp)
{
	if (!i || i > N_TYPES)
		return PKT_PROTO_NONE;
	return udp ? packettypes[i - 1].udp : packettypes[i - 1].tcp;
}

const char *packettype_decoded_list(void)
{
	static char list[256];

	if (!list[0]) {
		for (size_t i = 0; i < N_TYPES; i++) {
			if (!packettypes[i].decoded)
				continue;
			if (list[0])
				strncat(list, ", ", sizeof(list) - strlen(list) - 1);
			strncat(list, packettypes[i].name, sizeof(list) - strlen(list) - 1);
		}
	}
	return list;
}

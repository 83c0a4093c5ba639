/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * names_ether.c: tcpdump's names for Ethernet addresses without -n.
 * tcpdump asks ether_ntohost(3), which reads /etc/ethers again for each new
 * address; here the file is read once into a table (the print path must not
 * wait on a file), and it calls nothing that prints: pbuf_mac calls it.
 */
#include "config.h"

#include <netinet/ether.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/names_ether.h"

struct ether_name {
	uint8_t mac[6];
	char *name;
};

static struct ether_name *names;
static size_t n_names;
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static const struct {
	uint32_t oui;
	const char *name;
} ouis[] = {
	{ 0x000000, "Ethernet" },
	{ 0x00000c, "Cisco" },
	{ 0x00005e, "IANA" },
	{ 0x000081, "Nortel Networks SONMP" },
	{ 0x0000f8, "Cisco bridged" },
	{ 0x0080c2, "Ethernet bridged" },
	{ 0x00a03e, "ATM Forum" },
	{ 0x00e02f, "DOCSIS Spanning Tree" },
	{ 0x080007, "Appletalk" },
	{ 0x009069, "Juniper" },
	{ 0x080009, "Hewlett-Packard" },
	{ 0x00120f, "IEEE 802.3 Private" },
	{ 0x0012bb, "ANSI/TIA" },
	{ 0x001b21, "DCBX" },
	{ 0x002320, "Nicira Networks" },
	{ 0x5c16c7, "Big Switch Networks" },
	{ 0xb0d2f5, "Vello Systems" },
	{ 0x002481, "HP" },
	{ 0x0004ea, "HP-Labs" },
	{ 0x748771, "Infoblox Inc" },
	{ 0xa42305, "Open Networking Lab" },
	{ 0x000af7, "Freescale" },
	{ 0x0015ad, "Netronome" },
	{ 0x001018, "Broadcom" },
	{ 0x00e004, "PMC-Sierra" },
	{ 0xd0f0db, "Ericsson" },
};

const char *names_oui(uint32_t oui)
{
	for (size_t i = 0; i < sizeof(ouis) / sizeof(ouis[0]); i++)
		if (ouis[i].oui == oui)
			return ouis[i].name;
	return NULL;
}

int names_ether_load(const char *path)
{
	FILE *f = fopen(path, "re");
	char line[512], host[256];
	struct ether_addr a;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		struct ether_name *more;
		char *name;

		/* ether_line(3): "MAC name", '#' comments; the other lines are skipped */
		if (ether_line(line, &a, host))
			continue;
		more = realloc(names, (n_names + 1) * sizeof(*names));
		if (!more)
			break;
		names = more;
		name = strdup(host);
		if (!name)
			break;
		memcpy(names[n_names].mac, a.ether_addr_octet, 6);
		names[n_names++].name = name;
	}
	fclose(f);
	return 0;
}

static void load_default(void)
{
	if (!names)
		names_ether_load("/etc/ethers");
}

const char *names_ether(const uint8_t mac[6])
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	pthread_once(&names_once, load_default);
	/* the file's names first: tcpdump gives Broadcast only to an address the file does not name */
	for (size_t i = 0; i < n_names; i++)
		if (!memcmp(names[i].mac, mac, 6))
			return names[i].name;
	return memcmp(mac, bcast, 6) ? NULL : "Broadcast";
}

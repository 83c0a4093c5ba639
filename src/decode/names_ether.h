/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names_ether.h: tcpdump's names for Ethernet addresses without -n: /etc/ethers, Broadcast, the OUI. */
#ifndef SOCKEYE_NAMES_ETHER_H
#define SOCKEYE_NAMES_ETHER_H

#include <stdint.h>

/*
 * The name tcpdump prints for a MAC address in place of it without -n:
 * "Broadcast" for ff:ff:ff:ff:ff:ff, else its name in /etc/ethers (read
 * once, at the first call); NULL when it has none (tcpdump then prints the
 * address and " (oui NAME)").
 */
const char *names_ether(const uint8_t mac[6]);

/* The vendor tcpdump names for an OUI (its 27 protocol OUIs), or NULL. */
const char *names_oui(uint32_t oui);

/*
 * Reads an ethers(5) file in place of /etc/ethers (for tests): 0, or -1
 * when it cannot be opened.  Call before the first names_ether.
 */
int names_ether_load(const char *path);

#endif

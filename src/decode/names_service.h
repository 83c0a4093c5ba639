/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names_service.h: port numbers by service name (.domain, .http), as tcpdump prints them without -n. */
#ifndef SOCKEYE_NAMES_SERVICE_H
#define SOCKEYE_NAMES_SERVICE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Reads the services database once (getservent(3): /etc/services on
 * Debian), as tcpdump 4.99 does when -n is not given: TCP and UDP entries
 * only, the first name given a port winning.  The table has no entries of
 * its own: a port the database lacks prints as its number, as in tcpdump.
 * Safe to call again (the second call does nothing); false when memory ran
 * out, and then every port prints as a number.
 */
bool names_service_load(void);

/*
 * A port's service name for IP protocol 6 (TCP) or 17 (UDP), or NULL: not
 * loaded, another protocol, or a port the database does not name.  Two
 * array reads: no string work per packet.
 */
const char *names_service(uint8_t ip_proto, uint16_t port);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names_host.h: host names by reverse lookup, asked of a thread and cached: printing never waits. */
#ifndef SOCKEYE_NAMES_HOST_H
#define SOCKEYE_NAMES_HOST_H

#include <stddef.h>
#include <stdint.h>

/*
 * tcpdump without -n asks the resolver for each new address and waits for
 * the answer, so a slow or unreachable DNS server stalls its capture for
 * seconds a packet.  Here the print path only looks in a cache: an address
 * seen for the first time is queued for a resolver thread and printed as
 * its number until the answer is in; later packets of that host print its
 * name.  An address with no name (or a failed lookup) stays a number, and
 * is not asked again.
 *
 * One thread prints (it alone calls host_names_get and host_names_wait);
 * the resolver thread only fills in answers.
 *
 * Reading a file, nothing is lost by waiting (no ring fills up), and a
 * tcpdump user expects its names from the first packet: host_names_wait
 * makes the print side wait for each answer, up to a bound, until one
 * lookup misses it; then it stops waiting for good.
 */
struct host_names;

/*
 * The lookup: write a NUL-terminated name of addr (4 bytes for family 4, 16
 * for 6) into name and return 0, or return non-zero when it has none.  May
 * take as long as it likes: it runs on the resolver thread.
 */
typedef int (*host_resolve_fn)(unsigned family, const uint8_t *addr, char *name, size_t len,
			       void *arg);

/* The resolver thread and its cache; resolve NULL asks getnameinfo(3). NULL when out of memory. */
struct host_names *host_names_new(host_resolve_fn resolve, void *arg);

/*
 * The name of addr when it is known, else NULL (print the number): a hash
 * lookup, and for a new address a queue insertion that skips rather than
 * waits when the resolver holds the queue (the next packet queues it).
 */
const char *host_names_get(struct host_names *h, unsigned family, const uint8_t *addr);

/* Wait up to ms for each new address's answer (0, the default: never wait). */
void host_names_wait(struct host_names *h, unsigned ms);

/*
 * Stops the resolver and frees everything; returns at once even when a
 * lookup is under way (the thread then frees the cache when that lookup
 * returns, or the process exits first).
 */
void host_names_free(struct host_names *h);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names_service.c: the services database read once into a table by port, for the print path. */
#include "config.h"

#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "decode/names_service.h"

/*
 * For each of TCP and UDP, an index by port into one pool of names (0: no
 * name): 2 x 128 KiB, read by the print path with no hashing or locking.
 * Written once, before the first packet is printed.
 */
static uint16_t *by_port[2];
static char **pool;
static unsigned pool_len;
static bool loaded;

static int table_of(const char *proto)
{
	if (!strcmp(proto, "tcp"))
		return 0;
	if (!strcmp(proto, "udp"))
		return 1;
	return -1;
}

static bool add(int t, uint16_t port, const char *name)
{
	char **grown;
	char *copy;

	if (by_port[t][port] || pool_len >= UINT16_MAX)
		return true;	/* tcpdump keeps the first name a port is given */
	copy = strdup(name);
	grown = copy ? realloc(pool, (pool_len + 2) * sizeof(*pool)) : NULL;
	if (!grown) {
		free(copy);
		return false;
	}
	pool = grown;
	if (!pool_len)
		pool[pool_len++] = NULL;	/* index 0 means "no name" */
	pool[pool_len] = copy;
	by_port[t][port] = (uint16_t)pool_len++;
	return true;
}

bool names_service_load(void)
{
	struct servent *sv;
	bool ok = true;

	if (loaded)
		return true;
	loaded = true;
	by_port[0] = calloc(UINT16_MAX + 1u, sizeof(uint16_t));
	by_port[1] = calloc(UINT16_MAX + 1u, sizeof(uint16_t));
	if (!by_port[0] || !by_port[1]) {
		free(by_port[0]);
		free(by_port[1]);
		by_port[0] = by_port[1] = NULL;
		return false;
	}
	setservent(0);
	while (ok && (sv = getservent()) != NULL) {
		int t = table_of(sv->s_proto);

		if (t >= 0)
			ok = add(t, ntohs((uint16_t)sv->s_port), sv->s_name);
	}
	endservent();
	return ok;
}

const char *names_service(uint8_t ip_proto, uint16_t port)
{
	int t = ip_proto == 6 ? 0 : ip_proto == 17 ? 1 : -1;
	uint16_t i;

	if (t < 0 || !by_port[t])
		return NULL;
	i = by_port[t][port];
	return i ? pool[i] : NULL;
}

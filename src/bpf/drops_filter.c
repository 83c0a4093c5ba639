/* SPDX-License-Identifier: GPL-2.0-or-later */
/* drops_filter.c: "[src|dst] host ADDR and [src|dst] port N and PROTO" into the BPF filter. */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "bpf/drops_filter.h"
#include "decode/names.h"
#include "util/parse.h"

/* Protocol names and their aliases (icmp6, ip) come from the one vocabulary, decode/names.c. */
void drops_filter_proto_name(uint16_t ethertype, uint8_t ip_proto, char *buf, size_t len)
{
	const char *n = names_proto(ethertype, ip_proto, buf, len);

	if (n != buf)
		snprintf(buf, len, "%s", n);
}

int drops_filter_proto_parse(const char *name, uint16_t *ethertype, uint8_t *ip_proto)
{
	return names_proto_parse(name, ethertype, ip_proto);
}

__attribute__((format(printf, 3, 4)))
static int bad(char *why, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, len, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static int add_host(struct drops_config *cfg, enum drops_dir dir, const char *s, char *why,
		    size_t len)
{
	struct drops_host_filter *h;

	if (cfg->nhosts >= DROPS_MAX_HOSTS)
		return bad(why, len, "%s: at most 2 host terms", s);
	h = &cfg->hosts[cfg->nhosts];
	memset(h, 0, sizeof(*h));
	h->dir = (__u8)dir;
	if (inet_pton(AF_INET, s, h->addr) == 1)
		h->family = AF_INET;
	else if (inet_pton(AF_INET6, s, h->addr) == 1)
		h->family = AF_INET6;
	else
		return bad(why, len, "host %s: not an IPv4 or IPv6 address", s);
	cfg->nhosts++;
	return 0;
}

static int add_port(struct drops_config *cfg, enum drops_dir dir, const char *s, char *why,
		    size_t len)
{
	uint64_t port;

	if (cfg->nports >= DROPS_MAX_PORTS)
		return bad(why, len, "%s: at most 2 port terms", s);
	if (parse_u64(s, 0, 65535, &port))
		return bad(why, len, "port %s: not a port number from 0 to 65535", s);
	cfg->ports[cfg->nports].dir = (__u8)dir;
	cfg->ports[cfg->nports].port = (__u16)port;
	cfg->nports++;
	return 0;
}

int drops_filter_parse(int argc, char *const *argv, struct drops_config *cfg, char *why,
		       size_t len)
{
	int i = 0, err;

	while (i < argc) {
		enum drops_dir dir = DROPS_DIR_ANY;
		const char *w = argv[i];
		uint16_t ethertype;
		uint8_t ip_proto;

		if (i > 0) {
			if (strcmp(w, "and"))
				return bad(why, len, "%s: terms join with \"and\" (no or, not, "
					   "parentheses)", w);
			if (++i >= argc)
				return bad(why, len, "%s: a term must follow", w);
			w = argv[i];
		}
		if (!strcmp(w, "src") || !strcmp(w, "dst")) {
			dir = w[0] == 's' ? DROPS_DIR_SRC : DROPS_DIR_DST;
			if (++i >= argc)
				return bad(why, len, "%s: host or port must follow", w);
			w = argv[i];
		}
		if (!strcmp(w, "host") || !strcmp(w, "port")) {
			if (i + 1 >= argc)
				return bad(why, len, "%s: a value must follow", w);
			err = w[0] == 'h' ? add_host(cfg, dir, argv[i + 1], why, len) :
					    add_port(cfg, dir, argv[i + 1], why, len);
			if (err)
				return err;
			i += 2;
			continue;
		}
		if (dir == DROPS_DIR_ANY && !drops_filter_proto_parse(w, &ethertype, &ip_proto)) {
			if ((cfg->ethertype && ethertype && cfg->ethertype != ethertype) ||
			    (cfg->ip_proto && ip_proto && cfg->ip_proto != ip_proto))
				return bad(why, len, "%s: a second, different protocol", w);
			if (ethertype)
				cfg->ethertype = ethertype;
			if (ip_proto)
				cfg->ip_proto = ip_proto;
			i++;
			continue;
		}
		return bad(why, len, "%s: not a filter term ([src|dst] host ADDR, [src|dst] port N, "
			   "or a protocol)", w);
	}
	return 0;
}

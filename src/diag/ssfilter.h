/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ssfilter.h: ss's filter language: state words and an expression over addresses, ports, dev, mark. */
#ifndef SOCKEYE_SSFILTER_H
#define SOCKEYE_SSFILTER_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag/sockdiag.h"

enum ssf_op {
	SSF_AND,
	SSF_OR,
	SSF_NOT,
	SSF_SRC,	/* local address (and port) matches host */
	SSF_DST,	/* remote address (and port) matches host */
	SSF_SPORT_GE,	/* local port >= host.port */
	SSF_SPORT_LE,
	SSF_DPORT_GE,
	SSF_DPORT_LE,
	SSF_DEV,	/* bound to the device */
	SSF_MARK,	/* (fwmark & mask) == mark */
	SSF_AUTOBOUND,	/* the kernel chose the local port */
};

/* An address condition: HOST[/PREFIX][:PORT], :PORT, *, or a UNIX path pattern. */
struct ssf_host {
	uint8_t family;		/* AF_UNSPEC (any address), AF_INET, AF_INET6, AF_UNIX (path) */
	uint8_t prefix_len;	/* leading bits of addr that must match */
	int port;		/* -1: any port */
	uint8_t addr[16];	/* network order */
	char *pattern;		/* AF_UNIX: fnmatch(3) pattern on the socket's path */
};

struct ssf_node {
	enum ssf_op op;
	struct ssf_node *a, *b;	/* operands of and, or (a, b) and not (a) */
	struct ssf_host host;
	char dev_name[IF_NAMESIZE];	/* SSF_DEV by name: resolved per namespace */
	uint32_t ifindex;		/* SSF_DEV; SSF_IFINDEX_NONE matches nothing */
	uint32_t mark, mask;		/* SSF_MARK */
};
#define SSF_IFINDEX_NONE UINT32_MAX

struct ssfilter {
	uint32_t states;	/* bit per enum sock_state from state/exclude words */
	bool has_states;	/* a state word was given: it overrides -l and -a */
	struct ssf_node *expr;	/* NULL: every socket */
};

/*
 * Parses a filter from words (a word may hold several tokens: "( dport = :22 )").
 * 0, -EINVAL with a one-line reason in why ("foo: unknown filter word"), or -ENOMEM.
 */
int ssfilter_parse(int argc, char *const *argv, struct ssfilter *f, char *why, size_t whylen);
void ssfilter_free(struct ssfilter *f);

/*
 * Fills the ifindex of every dev condition given by name, through lookup (0
 * for an unknown name).  Returns the first unknown name, or NULL when all resolve;
 * an unknown device then matches no socket.
 */
const char *ssfilter_resolve(struct ssfilter *f, unsigned (*lookup)(const char *name, void *arg),
			     void *arg);

/* Whether the expression uses the fwmark (its bytecode then needs CAP_NET_ADMIN). */
bool ssfilter_uses_mark(const struct ssf_node *n);

/*
 * Whether the expression uses autobound: the kernel's test (no port lock
 * from bind) and ss's user-space one (the port range) differ, and ss, which
 * runs both, lists a socket only when both pass.
 */
bool ssfilter_uses_autobound(const struct ssf_node *n);

/* The ephemeral port range autobound tests against in user space. */
struct ssf_env {
	uint16_t port_lo, port_hi;
};

/* Evaluates n (NULL: true) on one socket. */
bool ssfilter_match(const struct ssf_node *n, const struct sock_rec *r, const struct ssf_env *env);

#endif
